/* fuzz_search.c: libFuzzer driver for the search of what a person typed
 * (store_search: store_match_expr, the fast path of store_facet.c with the
 * rows of each phrase kept by store_terms.c and the answers of
 * store_memo.c). Its promise: the fast path gives exactly the general
 * path's answer (bm25() in SQL over the entry rows): the same hits in the
 * same order, the same total and facet counts, or both fail. Lists and
 * remembered answers live across inputs, as in a server, so a list kept
 * under the wrong phrase would show in a later input. A store of 60
 * entries in a temporary file, made once per process; answers are
 * remembered from the first hit on. Corpus: tests/fuzz/corpus/search. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "core/entry.h"
#include "core/geo.h"
#include "core/store_int.h"
#include "util/err.h"
#include "util/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what, const char *detail)
{
    if (!ok) {
        fprintf(stderr, "fuzz_search: contract broken: %s: %s\n", what, detail ? detail : "");
        abort();
    }
}

static char path[64];
static store *the;
static geo *gaz;

/* cleanup: at exit, so that the store lives across inputs. */
static void cleanup(void)
{
    char side[80];
    store_close(the);
    geo_free(gaz);
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

/* fill: 60 entries whose words occur in all, most, some or few of them,
 * in every column, so that searches take every way of reading hits. */
static void fill(store *s, const geo *g)
{
    static const char *const w[] = {"Zentrum", "Labor",   "Netzwerk", "Daten",     "Schule",
                                    "Amt",     "Robotik", "Pflege",   "Verwaltung"};
    static const char *const land[] = {"BY", "BE", "HH", "NW", "SN", "HE"};
    char buf[1024];
    check(store_begin(s, NULL) == KL_OK, "begin", NULL);
    for (int i = 0; i < 60; i++) {
        snprintf(buf, sizeof buf,
                 "{\"id\":\"f%d\",\"title\":\"%s%s %s\",\"aliases\":[\"%s\"],\"kind\":\"%s\","
                 "\"land\":\"%s\",\"summary\":\"KI %s %s %.*s\",\"fields\":[\"%s\"],"
                 "\"years\":[%d],\"status\":\"%s\"}",
                 i, i % 3 ? "KI-" : "", w[i % 9], w[(i / 9) % 9], w[(i * 5) % 9],
                 i % 4 ? "project" : "centre", land[i % 6], w[(i / 4) % 9], w[i % 5], (i * 7) % 30,
                 "Daten Daten Labor KI KI Amt Netz Pflege", i % 2 ? "forschung" : "daten",
                 2018 + i % 6, i % 5 ? "published" : "draft");
        char *err = NULL;
        entry *e = NULL;
        json_t *j = json_loads(buf, 0, NULL);
        check(j && entry_parse(j, g, NULL, &e, &err) == KL_OK, "entry", err ? err : buf);
        json_decref(j);
        int changed;
        check(store_put(s, e, "fuzz", NULL, 0, &changed, NULL) == KL_OK, "put", buf);
        entry_free(e);
    }
    check(store_commit(s, NULL) == KL_OK, "commit", NULL);
}

static store *the_store(void)
{
    if (the)
        return the;
    const char *dir = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/fuzz_searchXXXXXX", dir && strlen(dir) < 32 ? dir : "/tmp");
    int fd = mkstemp(path);
    check(fd >= 0, "mkstemp", path);
    close(fd);
    unlink(path);
    atexit(cleanup);
    char *err = NULL;
    check(geo_open_builtin(&gaz, &err) == KL_OK, "geo", err);
    check(store_open(path, gaz, STORE_SCHEMA_VERSION, &the, &err) == KL_OK, "open", err);
    fill(the, gaz);
    the->memo_min_hits = 1;
    return the;
}

static int search(store *s, const store_query *q, int fast, json_t **out)
{
    char *err = NULL;
    s->fast_off = !fast;
    int rc = store_search(s, q, out, &err);
    s->fast_off = 0;
    free(err);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    store *s = the_store();
    /* The first byte picks a filter and a page, the rest is typed. */
    static const char *const lands[] = {NULL, "DE-BY", "DE-NW", "bund"};
    store_query q = {.facets = 1, .limit = 7};
    if (size > 0) {
        q.land = lands[data[0] & 3];
        q.offset = (data[0] >> 2) & 7;
        q.status = data[0] & 0x20 ? "published" : NULL;
        data++;
        size--;
    }
    char *typed = xstrndup((const char *)data, size);
    q.q = typed;
    json_t *fast = NULL, *slow = NULL;
    char *match = store_match_expr(typed);
    for (int round = 0; round < 2; round++) { /* the second may be remembered */
        size_t before = s->search_paths[0] + s->search_paths[1] + s->memo_used;
        int rf = search(s, &q, 1, &fast);
        /* Words make the fast path answer: from the index or remembered. */
        check(!*match || rf || s->search_paths[0] + s->search_paths[1] + s->memo_used > before,
              "the fast path answered", typed);
        int rs = search(s, &q, 0, &slow);
        check(!rf == !rs, "both answer or both fail", typed);
        if (!rf)
            check(json_equal(fast, slow), "fast path differs from the general path", typed);
        json_decref(fast);
        json_decref(slow);
        fast = slow = NULL;
    }
    free(match);
    free(typed);
    return 0;
}
