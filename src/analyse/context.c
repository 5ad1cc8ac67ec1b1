/* context.c: the analysis context: built corpora kept between calls while
 * the data they were built from is unchanged (see analyse.h).
 *
 * The key of a kept corpus: the store handle, the status filter, PRAGMA
 * data_version (another connection committed) and the rows this
 * connection changed (sqlite3_total_changes64: every write through the
 * handle counts, committed or rolled back, so a rollback only costs a
 * rebuild). The stamp is read before the corpus is built: a commit of
 * another connection during the build then changes the stamp, and the next
 * call builds again rather than keep a corpus older than its key.
 *
 * The store offers no public stamp of its data yet; the two numbers are
 * read through the store's private header here, and only here. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/analyse_int.h"
#include "core/store.h"
#include "util/err.h"
#include "util/err.h"
#include "util/xalloc.h"

/* Status filters kept at once: all (NULL), "published", "draft". */
#define SLOTS 3

typedef struct slot {
    an_corpus *c;       /* owned; NULL: empty */
    char *status;       /* owned; NULL: all entries */
    const store *s;     /* compared only, never used */
    sqlite3_int64 dv;   /* PRAGMA data_version when built */
    sqlite3_int64 tc;   /* sqlite3_total_changes64 when built */
    unsigned long used; /* for replacing the least recently used */
    json_t *links;      /* owned: the last links answer from c, or NULL */
    double links_threshold;
} slot;

struct analyse_ctx {
    slot sl[SLOTS];
    unsigned long clock;  /* counts uses */
    unsigned long builds; /* corpora built, for tests */
};

analyse_ctx *analyse_ctx_new(void)
{
    return xcalloc(1, sizeof(analyse_ctx));
}

static void slot_clear(slot *x)
{
    an_corpus_free(x->c);
    json_decref(x->links);
    free(x->status);
    memset(x, 0, sizeof *x);
}

void analyse_ctx_free(analyse_ctx *a)
{
    if (!a)
        return;
    for (int i = 0; i < SLOTS; i++)
        slot_clear(&a->sl[i]);
    free(a);
}

unsigned long analyse_ctx_builds(const analyse_ctx *a)
{
    return a ? a->builds : 0;
}

static int same_status(const char *x, const char *y)
{
    return x == y || (x && y && strcmp(x, y) == 0);
}

int an_ctx_corpus(analyse_ctx *a, store *s, const char *status, const an_corpus **out, char **err)
{
    *out = NULL;
    /* Commits of other connections change data_version; this connection's
     * own writes change its total_changes. */
    sqlite3_int64 dv = store_data_version(s);
    sqlite3_int64 tc = sqlite3_total_changes64(store_sqlite(s));
    if (dv < 0)
        return err_set(err, KL_EDB, "Datenbankfehler beim Lesen von PRAGMA data_version");
    slot *x = NULL, *lru = &a->sl[0];
    for (int i = 0; i < SLOTS && !x; i++) {
        slot *y = &a->sl[i];
        if (y->c && y->s == s && same_status(y->status, status))
            x = y;
        else if (!y->c || (lru->c && y->used < lru->used))
            lru = y;
    }
    if (x && x->dv == dv && x->tc == tc) {
        x->used = ++a->clock;
        *out = x->c;
        return KL_OK;
    }
    if (!x)
        x = lru;
    slot_clear(x);
    an_corpus *c = NULL;
    int rc = an_corpus_load(s, status, &c, err);
    if (rc)
        return rc;
    x->c = c;
    x->status = status ? xstrdup(status) : NULL;
    x->s = s;
    x->dv = dv;
    x->tc = tc;
    x->used = ++a->clock;
    a->builds++;
    *out = c;
    return KL_OK;
}

/* slot_of: the slot that keeps corpus c, or NULL. */
static slot *slot_of(analyse_ctx *a, const an_corpus *c)
{
    for (int i = 0; i < SLOTS; i++)
        if (a->sl[i].c && a->sl[i].c == c)
            return &a->sl[i];
    return NULL;
}

json_t *an_ctx_links_get(analyse_ctx *a, const an_corpus *c, double threshold)
{
    slot *x = slot_of(a, c);
    return x && x->links && x->links_threshold == threshold ? json_deep_copy(x->links) : NULL;
}

void an_ctx_links_put(analyse_ctx *a, const an_corpus *c, double threshold, const json_t *j)
{
    slot *x = slot_of(a, c);
    if (!x)
        return;
    json_decref(x->links);
    x->links = json_deep_copy(j);
    x->links_threshold = threshold;
}
