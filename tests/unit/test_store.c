/* test_store.c: the registry on a real SQLite file (src/core/store.c,
 * store_search.c): versions, history, conflicts, rollback, migrations,
 * search with filters and facets. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_db.h"
#include "core/store.h"
#include "core/store_int.h"
#include "util/err.h"

typedef struct fx {
    geo *g;
    store *s;
    char path[64];
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    snprintf(f->path, sizeof f->path, "/tmp/kl-test-store-%d.db", (int)getpid());
    unlink(f->path);
    if (geo_open_builtin(&f->g, NULL) || store_open(f->path, f->g, 0, &f->s, NULL))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    store_close(f->s);
    geo_free(f->g);
    test_unlink_db(f->path);
    free(f);
    return 0;
}

static entry *mk(fx *f, const char *json)
{
    json_t *j = json_loads(json, 0, NULL);
    entry *e = NULL;
    char *err = NULL;
    if (entry_parse(j, f->g, NULL, &e, &err))
        fail_msg("%s", err);
    json_decref(j);
    return e;
}

static int put(fx *f, const char *json, const char *who)
{
    entry *e = mk(f, json);
    int changed = -1;
    int rc = store_put(f->s, e, who, NULL, 0, &changed, NULL);
    entry_free(e);
    return rc ? -1 : changed;
}

static void test_versions_and_history(void **state)
{
    fx *f = *state;
    assert_int_equal(
        put(f, "{\"id\":\"a\",\"title\":\"Alpha\",\"kind\":\"study\",\"land\":\"BY\"}", "anna"), 2);
    assert_int_equal(
        put(f, "{\"id\":\"a\",\"title\":\"Alpha\",\"kind\":\"study\",\"land\":\"BY\"}", "anna"), 0);
    assert_int_equal(
        put(f, "{\"id\":\"a\",\"title\":\"Alpha 2\",\"kind\":\"study\",\"land\":\"BY\"}", "bernd"),
        1);
    entry *e;
    assert_int_equal(store_get(f->s, "a", &e, NULL), KL_OK);
    assert_int_equal(entry_version(e), 2);
    assert_string_equal(entry_title(e), "Alpha 2");
    entry_free(e);

    json_t *h;
    assert_int_equal(store_history(f->s, "a", &h, NULL), KL_OK);
    assert_int_equal(json_array_size(h), 2);
    json_t *newest = json_array_get(h, 0);
    assert_string_equal(json_string_value(json_object_get(newest, "by")), "bernd");
    assert_string_equal(json_string_value(json_array_get(json_object_get(newest, "changed"), 0)),
                        "title");
    json_decref(h);
}

static void test_conflict(void **state)
{
    fx *f = *state;
    put(f, "{\"id\":\"c\",\"title\":\"C\",\"kind\":\"study\",\"land\":\"HE\"}", NULL);
    put(f, "{\"id\":\"c\",\"title\":\"C2\",\"kind\":\"study\",\"land\":\"HE\"}", NULL);
    entry *e = mk(f, "{\"id\":\"c\",\"title\":\"C from v1\",\"kind\":\"study\",\"land\":\"HE\"}");
    int changed;
    char *err = NULL;
    assert_int_equal(store_put(f->s, e, NULL, NULL, 1, &changed, &err), KL_ECONFLICT);
    assert_non_null(strstr(err, "Version 2"));
    free(err);
    assert_int_equal(store_put(f->s, e, NULL, NULL, 2, &changed, NULL), KL_OK);
    assert_int_equal(entry_version(e), 3);
    entry_free(e);
}

static void test_delete_restore(void **state)
{
    fx *f = *state;
    int nv;
    char *err = NULL;
    put(f, "{\"id\":\"d\",\"title\":\"Delta\",\"kind\":\"event\",\"land\":\"SN\"}", NULL);
    assert_int_equal(store_delete(f->s, "d", "x", "falsch", NULL), KL_OK);
    entry *e;
    assert_int_equal(store_get(f->s, "d", &e, &err), KL_ENOTFOUND);
    assert_non_null(strstr(err, "restore"));
    free(err);
    store_query q = {.q = "Delta"};
    json_t *r;
    assert_int_equal(store_search(f->s, &q, &r, NULL), KL_OK);
    assert_int_equal(json_integer_value(json_object_get(r, "total")), 0);
    json_decref(r);
    assert_int_equal(store_restore(f->s, "d", 0, "x", &nv, NULL), KL_OK);
    assert_int_equal(nv, 3);
    assert_int_equal(store_get(f->s, "d", &e, NULL), KL_OK);
    assert_string_equal(entry_title(e), "Delta");
    entry_free(e);
    assert_int_equal(store_search(f->s, &q, &r, NULL), KL_OK);
    assert_int_equal(json_integer_value(json_object_get(r, "total")), 1);
    json_decref(r);
    assert_int_equal(store_restore(f->s, "d", 9, "x", &nv, NULL), KL_ENOTFOUND);
}

static void test_batch_rollback(void **state)
{
    fx *f = *state;
    assert_int_equal(store_begin(f->s, NULL), KL_OK);
    assert_int_equal(
        put(f, "{\"id\":\"r1\",\"title\":\"R\",\"kind\":\"study\",\"land\":\"HH\"}", NULL), 2);
    store_rollback(f->s);
    entry *e;
    assert_int_equal(store_get(f->s, "r1", &e, NULL), KL_ENOTFOUND);
    json_t *h;
    assert_int_equal(store_history(f->s, "r1", &h, NULL), KL_ENOTFOUND);
}

static long hits_for(fx *f, const char *q)
{
    store_query sq = {.q = q};
    json_t *r;
    assert_int_equal(store_search(f->s, &sq, &r, NULL), KL_OK);
    long n = (long)json_integer_value(json_object_get(r, "total"));
    json_decref(r);
    return n;
}

/* Inside a batch the words are indexed at commit; the last version of
 * each entry must be what is found. */
static void test_batch_words(void **state)
{
    fx *f = *state;
    put(f, "{\"id\":\"w0\",\"title\":\"Quantenlabor\",\"kind\":\"study\",\"land\":\"HB\"}", NULL);
    assert_int_equal(store_begin(f->s, NULL), KL_OK);
    put(f, "{\"id\":\"w1\",\"title\":\"Robotikzentrum\",\"kind\":\"centre\",\"land\":\"HB\"}",
        NULL);
    put(f, "{\"id\":\"w1\",\"title\":\"Drohnenzentrum\",\"kind\":\"centre\",\"land\":\"HB\"}",
        NULL);
    put(f, "{\"id\":\"w2\",\"title\":\"Sensorplattform\",\"kind\":\"project\",\"land\":\"HB\"}",
        NULL);
    assert_int_equal(store_delete(f->s, "w2", NULL, NULL, NULL), KL_OK);
    put(f, "{\"id\":\"w0\",\"title\":\"Quantenrechner\",\"kind\":\"study\",\"land\":\"HB\"}", NULL);
    assert_int_equal(store_commit(f->s, NULL), KL_OK);
    assert_int_equal(hits_for(f, "Drohnenzentrum"), 1);
    assert_int_equal(hits_for(f, "Robotikzentrum"), 0);
    assert_int_equal(hits_for(f, "Sensorplattform"), 0);
    assert_int_equal(hits_for(f, "Quantenlabor"), 0);
    assert_int_equal(hits_for(f, "Quantenrechner"), 1);
    assert_int_equal(hits_for(f, "Zentrum"), 1);

    assert_int_equal(store_begin(f->s, NULL), KL_OK);
    put(f, "{\"id\":\"w3\",\"title\":\"Datenraum\",\"kind\":\"project\",\"land\":\"HB\"}", NULL);
    store_rollback(f->s);
    assert_int_equal(store_begin(f->s, NULL), KL_OK);
    assert_int_equal(store_commit(f->s, NULL), KL_OK);
    assert_int_equal(hits_for(f, "Datenraum"), 0);
}

static void test_search_filters_facets(void **state)
{
    fx *f = *state;
    put(f,
        "{\"id\":\"s1\",\"title\":\"KI-Kompetenzzentrum Nord\",\"kind\":\"centre\","
        "\"land\":\"HH\",\"places\":[\"Hamburg\"],\"fields\":[\"forschung\"],\"years\":[2024]}",
        NULL);
    put(f,
        "{\"id\":\"s2\",\"title\":\"Exzellenzzentren Süd\",\"kind\":\"centre\","
        "\"land\":\"BY\",\"places\":[\"Augsburg\"],\"fields\":[\"forschung\",\"transfer\"],"
        "\"status\":\"published\"}",
        NULL);
    put(f,
        "{\"id\":\"s3\",\"title\":\"Reallabor Verwaltung\",\"kind\":\"project\","
        "\"land\":\"BY\",\"places\":[\"München\"],\"fields\":[\"verwaltung\"]}",
        NULL);
    store_query q = {.q = "Zentrum", .facets = 1};
    json_t *r;
    assert_int_equal(store_search(f->s, &q, &r, NULL), KL_OK);
    assert_int_equal(json_integer_value(json_object_get(r, "total")), 2);
    json_t *fc = json_object_get(r, "facets");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(fc, "field"), "forschung")),
                     2);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(fc, "land"), "DE-BY")), 1);
    json_decref(r);

    store_query q2 = {.land = "DE-BY", .status = "published"};
    assert_int_equal(store_search(f->s, &q2, &r, NULL), KL_OK);
    assert_int_equal(json_integer_value(json_object_get(r, "total")), 1);
    json_decref(r);

    /* Augsburg is about 55 km from München, Hamburg far away. */
    store_query q3 = {.has_near = 1, .near_lat = 48.137, .near_lon = 11.575, .km = 70};
    assert_int_equal(store_search(f->s, &q3, &r, NULL), KL_OK);
    json_t *items = json_object_get(r, "items");
    assert_int_equal(json_array_size(items), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(items, 0), "id")), "s3");
    json_decref(r);

    store_query q4 = {.q = "\"unclosed phrase", .sort = "nonsense"};
    char *err = NULL;
    assert_int_equal(store_search(f->s, &q4, &r, &err), KL_EINVAL);
    free(err);
    store_query q5 = {.q = "\" ) OR ( NEAR * ^"};
    assert_int_equal(store_search(f->s, &q5, &r, NULL), KL_OK);
    json_decref(r);
}

/* The fast path (full-text index and facet cache) and the general path
 * (SQL over the entry rows) must give the same answer to every query. */
static void test_fast_path_agrees(void **state)
{
    fx *f = *state;
    static const char *const words[] = {"Zentrum", "Labor", "Netzwerk", "Daten", "Schule"};
    static const char *const lands[] = {"BY", "BE", "HH", "NW"};
    static const char *const fields[] = {"forschung", "transfer", "daten"};
    char buf[512];
    assert_int_equal(store_begin(f->s, NULL), KL_OK);
    for (int i = 0; i < 120; i++) {
        snprintf(buf, sizeof buf,
                 "{\"id\":\"f%d\",\"title\":\"%s %s %d\",\"kind\":\"%s\",\"land\":\"%s\","
                 "\"fields\":[\"%s\"],\"years\":[%d],\"status\":\"%s\"}",
                 i, words[i % 5], words[(i / 5) % 5], i, i % 3 ? "project" : "centre", lands[i % 4],
                 fields[i % 3], 2018 + i % 7, i % 4 ? "published" : "draft");
        assert_int_equal(put(f, buf, NULL), 2);
    }
    assert_int_equal(store_commit(f->s, NULL), KL_OK);
    assert_int_equal(store_delete(f->s, "f7", NULL, NULL, NULL), KL_OK);
    store_query qs[] = {
        {.q = "Zentrum", .facets = 1},
        {.q = "Labor Netzwerk", .facets = 1, .limit = 5, .offset = 3},
        {.q = "Daten", .land = "DE-BY", .facets = 1},
        {.q = "Schule OR Labor", .kind = "centre", .status = "published", .facets = 1},
        {.q = "Zentrum", .field = "transfer", .year = 2020, .facets = 1},
        {.q = "Zentrum", .land = "bund", .facets = 1},
    };
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
        json_t *fast, *slow;
        f->s->fast_off = 0;
        store_cache_forget(f->s);
        assert_int_equal(store_search(f->s, &qs[i], &fast, NULL), KL_OK);
        assert_true(f->s->fc_ok); /* the fast path ran and loaded its cache */
        f->s->fast_off = 1;
        assert_int_equal(store_search(f->s, &qs[i], &slow, NULL), KL_OK);
        if (!json_equal(fast, slow)) {
            char *a = json_dumps(fast, JSON_COMPACT), *b = json_dumps(slow, JSON_COMPACT);
            fail_msg("query %zu differs:\nfast %.600s\nslow %.600s", i, a, b);
        }
        assert_true(json_integer_value(json_object_get(fast, "total")) > 0 || i == 5);
        json_decref(fast);
        json_decref(slow);
    }
    /* The fast path remembers how many rows each phrase matches (its
     * IDF): a second run uses the remembered counts, a write forgets them;
     * both must still agree with the general path. */
    store_query two = {.q = "Labor Netzwerk OR Zentrum*", .facets = 1};
    for (int round = 0; round < 3; round++) {
        json_t *fast, *slow;
        if (round == 2) {
            assert_int_equal(put(f,
                                 "{\"id\":\"f-new\",\"title\":\"Labor Labor Netzwerk\","
                                 "\"kind\":\"centre\",\"land\":\"BY\"}",
                                 NULL),
                             2);
        }
        f->s->fast_off = 0;
        assert_int_equal(store_search(f->s, &two, &fast, NULL), KL_OK);
        f->s->fast_off = 1;
        assert_int_equal(store_search(f->s, &two, &slow, NULL), KL_OK);
        assert_true(json_equal(fast, slow));
        assert_true(json_integer_value(json_object_get(fast, "total")) > 0);
        json_decref(fast);
        json_decref(slow);
    }
    f->s->fast_off = 0;
    /* kl_bm25 (row lengths from the cache) gives bm25's very doubles,
     * for rows the cache knows and, after a write, for those it does not. */
    for (int pass = 0; pass < 2; pass++) {
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(f->s->db,
                                            "SELECT bm25(entry_fts, 10.0, 8.0, 1.0, 3.0, 2.0),"
                                            " kl_bm25(entry_fts, 10.0, 8.0, 1.0, 3.0, 2.0)"
                                            " FROM entry_fts WHERE entry_fts MATCH"
                                            " 'Zentrum OR Labor OR \"Netzwerk Daten\"'",
                                            -1, &st, NULL),
                         SQLITE_OK);
        int rows = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            assert_true(sqlite3_column_double(st, 0) == sqlite3_column_double(st, 1));
            rows++;
        }
        assert_int_equal(sqlite3_finalize(st), SQLITE_OK);
        assert_true(rows > 20);
        assert_int_equal(f->s->fc_ok, !pass);
        store_cache_forget(f->s);
    }
}

/* fast_equals_slow: q through the fast path (with or without a
 * remembered answer) and through the general path (bm25() in SQL over the
 * entry rows): the same hits in the same order, the same total and facet
 * counts. Returns the total. */
static long fast_equals_slow(fx *f, const store_query *q, const char *what)
{
    json_t *fast, *slow;
    f->s->fast_off = 0;
    assert_int_equal(store_search(f->s, q, &fast, NULL), KL_OK);
    f->s->fast_off = 1;
    assert_int_equal(store_search(f->s, q, &slow, NULL), KL_OK);
    f->s->fast_off = 0;
    if (!json_equal(fast, slow)) {
        char *a = json_dumps(fast, JSON_COMPACT), *b = json_dumps(slow, JSON_COMPACT);
        fail_msg("%s „%s“ differs:\nfast %.600s\nslow %.600s", what, q->q, a, b);
    }
    long total = (long)json_integer_value(json_object_get(fast, "total"));
    json_decref(fast);
    json_decref(slow);
    return total;
}

/* ranks_are_bm25: the fast path's rank of every hit is bm25()'s very
 * double for that row, whichever way it was read: an AND of phrases from
 * their lists (store_terms.c; the first time lists of every phrase, the
 * second time a phrase known to be rare walked), an OR or two rare
 * phrases stepped with kl_rank. */
static void ranks_are_bm25(fx *f)
{
    static const char *const qs[] = {
        "KI",          "KI Daten",        "Labor Amt*",    "\"Netzwerk Daten\" KI",
        "KI KI Labor", "Schule OR Labor", "Daten Nichtda", "Amt* OR Schule"};
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(f->s->db,
                                        "SELECT bm25(entry_fts, 10.0, 8.0, 1.0, 3.0, 2.0)"
                                        " FROM entry_fts WHERE entry_fts MATCH ?1 AND rowid = ?2",
                                        -1, &st, NULL),
                     SQLITE_OK);
    f->s->memo_min_hits = (size_t)-1;
    memset(f->s->search_paths, 0, sizeof f->s->search_paths);
    for (size_t j = 0; j < 2 * sizeof qs / sizeof qs[0]; j++) {
        size_t i = j % (sizeof qs / sizeof qs[0]);
        store_query q = {.q = qs[i]};
        hits top = {0};
        size_t total = 0;
        char *match = store_match_expr(qs[i]);
        assert_int_equal(store_fast_search(f->s, &q, match, 5000, &top, &total, NULL, NULL), 1);
        assert_int_equal(top.n, total);
        assert_true(total > 0 || i == 6);
        for (size_t k = 0; k < top.n; k++) {
            sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(st, 2, top.h[k].rid);
            assert_int_equal(sqlite3_step(st), SQLITE_ROW);
            if (sqlite3_column_double(st, 0) != top.h[k].num)
                fail_msg("„%s“ row %lld: %.17g, bm25 %.17g", qs[i], (long long)top.h[k].rid,
                         top.h[k].num, sqlite3_column_double(st, 0));
            sqlite3_reset(st);
        }
        free(match);
        free(top.h);
        sbuf_free(&top.pool);
    }
    sqlite3_finalize(st);
    for (int p = 0; p < 3; p++)
        if (!f->s->search_paths[p])
            fail_msg("no search read the hits the way %d (stepped, lists, walk)", p);
}

/* Frequent words (in most entries, as "KI" is) are answered from memory
 * the second time (store_memo.c): still exactly the general path's
 * answer, for every page, filter and facet, and forgotten when this or
 * another connection writes. */
static void test_memo_agrees(void **state)
{
    fx *f = *state;
    static const char *const words[] = {"Zentrum", "Labor", "Netzwerk", "Daten", "Schule", "Amt"};
    static const char *const lands[] = {"BY", "BE", "HH", "NW", "SN"};
    char buf[1024];
    assert_int_equal(store_begin(f->s, NULL), KL_OK);
    for (int i = 0; i < 900; i++) {
        /* Word counts and lengths vary, so ranks differ; some tie. */
        snprintf(buf, sizeof buf,
                 "{\"id\":\"m%d\",\"title\":\"%s%s %s\",\"kind\":\"%s\",\"land\":\"%s\","
                 "\"summary\":\"%s %s Daten %s %.*s\",\"fields\":[\"%s\"],\"years\":[%d],"
                 "\"status\":\"%s\"}",
                 i, i % 4 ? "KI-" : "", words[i % 6], words[(i / 6) % 6],
                 i % 3 ? "project" : "centre", lands[i % 5], words[(i / 7) % 6],
                 i % 5 ? "KI" : "Verwaltung", words[i % 4], (i * 7) % 40,
                 "KI KI Labor Labor Amt Amt Netz Netz Daten Daten Schule Schule Amt KI",
                 i % 2 ? "forschung" : "daten", 2018 + i % 7, i % 6 ? "published" : "draft");
        assert_int_equal(put(f, buf, NULL), 2);
    }
    assert_int_equal(store_commit(f->s, NULL), KL_OK);
    f->s->memo_min_hits = 50;
    store_query qs[] = {
        {.q = "KI", .facets = 1},
        {.q = "KI", .limit = 10},
        {.q = "KI Daten", .facets = 1, .limit = 20, .offset = 40},
        {.q = "KI", .land = "DE-BY", .facets = 1},
        {.q = "Labor OR Schule", .kind = "centre", .facets = 1},
        {.q = "Daten", .field = "forschung", .year = 2020, .status = "published", .facets = 1},
        {.q = "KI", .limit = 30, .offset = 190, .facets = 1}, /* beyond the kept hits */
        {.q = "Amt*", .limit = 100, .facets = 1},
    };
    size_t n = sizeof qs / sizeof qs[0];
    store_cache_forget(f->s);
    f->s->memo_used = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++)
            assert_true(fast_equals_slow(f, &qs[i], pass ? "remembered" : "first") > 0);
    /* The second pass came from memory, except the page beyond the 200
     * hits kept (and "KI" limit 10 in the first, after "KI" with facets). */
    assert_true(f->s->memo_used >= n);
    long before = fast_equals_slow(f, &qs[0], "remembered");
    assert_int_equal(put(f,
                         "{\"id\":\"m-new\",\"title\":\"KI KI KI\",\"kind\":\"centre\","
                         "\"land\":\"BY\"}",
                         NULL),
                     2);
    assert_int_equal(fast_equals_slow(f, &qs[0], "after a write"), before + 1);
    /* Another connection's commit is seen through PRAGMA data_version. */
    store *other;
    assert_int_equal(store_open(f->path, f->g, 0, &other, NULL), KL_OK);
    entry *e = mk(f, "{\"id\":\"m-other\",\"title\":\"KI-Labor KI\",\"kind\":\"centre\"}");
    int changed = 0;
    assert_int_equal(store_put(other, e, NULL, NULL, 0, &changed, NULL), KL_OK);
    entry_free(e);
    store_close(other);
    assert_int_equal(fast_equals_slow(f, &qs[0], "after another's write"), before + 2);
    for (size_t i = 0; i < n; i++)
        fast_equals_slow(f, &qs[i], "after the writes");
    ranks_are_bm25(f);
}

static void test_feedback(void **state)
{
    fx *f = *state;
    long long id1 = 0, id2 = 0;
    char *err = NULL;
    assert_int_equal(
        store_add_feedback(f->s, "/barrierefreiheit.html", "Kontrast zu schwach", NULL, &id1, NULL),
        KL_OK);
    assert_int_equal(
        store_add_feedback(f->s, NULL, "Karte per Tastatur?", "a@example.org", &id2, NULL), KL_OK);
    assert_true(id2 > id1);
    assert_int_equal(store_add_feedback(f->s, NULL, "", NULL, &id1, &err), KL_EINVAL);
    assert_non_null(strstr(err, "message"));
    free(err);
    err = NULL;
    assert_int_equal(store_add_feedback(f->s, NULL, "x\xff", NULL, &id1, &err), KL_EINVAL);
    assert_non_null(strstr(err, "UTF-8"));
    free(err);
    assert_int_equal(store_feedback_done(f->s, id2, NULL), KL_OK);
    assert_int_equal(store_feedback_done(f->s, 999, NULL), KL_ENOTFOUND);
    json_t *list;
    assert_int_equal(store_list_feedback(f->s, 1, &list, NULL), KL_OK);
    assert_int_equal(json_array_size(list), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(list, 0), "message")),
                        "Kontrast zu schwach");
    json_decref(list);
    assert_int_equal(store_list_feedback(f->s, 0, &list, NULL), KL_OK);
    assert_int_equal(json_array_size(list), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(list, 0), "status")),
                        "done");
    json_decref(list);
}

static void test_migration_in_place(void **state)
{
    fx *f = *state;
    char *path = f->path;
    store_close(f->s);
    unlink(path);
    /* A file as version 1 of the program wrote it, with an entry in it
     * (written with version 1's tables, as that program did). */
    assert_int_equal(store_open(path, f->g, 1, &f->s, NULL), KL_OK);
    assert_int_equal(store_schema_version(f->s), 1);
    store_close(f->s);
    entry *e = mk(f, "{\"id\":\"m\",\"title\":\"Migration\",\"kind\":\"study\",\"land\":\"SL\"}");
    entry_set_meta(e, 1, "2026-01-01T00:00:00Z");
    char *body = entry_dump(e);
    entry_free(e);
    sqlite3 *db;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "INSERT INTO entry(id, title, title_key, kind, level, land,"
                                  " status, version, updated_at) VALUES ('m', 'Migration',"
                                  " 'migration', 'study', 'land', 'DE-SL', 'draft', 1,"
                                  " '2026-01-01T00:00:00Z')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "INSERT INTO history(id, version, action, body,"
                                        " changed_by, changed_at) VALUES ('m', 1, 'create', ?1,"
                                        " 'v1', '2026-01-01T00:00:00Z')",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    sqlite3_close(db);
    free(body);
    /* The program of today upgrades it in place and finds the entry. */
    assert_int_equal(store_open(path, f->g, 0, &f->s, NULL), KL_OK);
    assert_int_equal(store_schema_version(f->s), STORE_SCHEMA_VERSION);
    assert_int_equal(store_get(f->s, "m", &e, NULL), KL_OK);
    assert_string_equal(entry_title(e), "Migration");
    entry_free(e);
    long long id;
    assert_int_equal(store_add_feedback(f->s, NULL, "nach der Migration", NULL, &id, NULL), KL_OK);
}

static void test_newer_file_refused(void **state)
{
    fx *f = *state;
    store_close(f->s);
    f->s = NULL;
    sqlite3 *db;
    sqlite3_open(f->path, &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(db);
    char *err = NULL;
    assert_int_equal(store_open(f->path, f->g, 0, &f->s, &err), KL_EINVAL);
    assert_null(f->s);
    assert_non_null(strstr(err, "99"));
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_versions_and_history, setup, teardown),
        cmocka_unit_test_setup_teardown(test_conflict, setup, teardown),
        cmocka_unit_test_setup_teardown(test_delete_restore, setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch_rollback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch_words, setup, teardown),
        cmocka_unit_test_setup_teardown(test_search_filters_facets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fast_path_agrees, setup, teardown),
        cmocka_unit_test_setup_teardown(test_memo_agrees, setup, teardown),
        cmocka_unit_test_setup_teardown(test_feedback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migration_in_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_newer_file_refused, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
