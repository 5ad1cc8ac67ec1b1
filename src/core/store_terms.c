/* store_terms.c: the rows of each phrase, kept for the AND of phrases.
 *
 * A search for words is the AND of their phrases. FTS5 answers it by
 * stepping through the doclists of all of them, a statement step and a
 * ranking call per hit: about 2,000 instructions a hit, and "KI
 * Strategie" has 158,000 hits at 1,000,000 entries (bench/RESULTS.md).
 * The frequent words are few and come back in many searches ("KI" is in
 * nine of ten entries), so the fast path keeps, per phrase, every row it
 * matches in rowid order with the phrase's weighted frequency in that row
 * (what BM25 needs of it), read once with one walk through its doclist.
 * A search then intersects the lists of its phrases in memory (from the
 * shortest, galloping through the longer ones) and ranks each common row
 * from the numbers kept: the same arithmetic as bm25(), so the same
 * doubles; the document frequency of a phrase is its list's length.
 *
 * The lists are the index's content at the time they were read: the store
 * forgets them with the facet cache on every change of the data (its own
 * writes, another connection's commit). Bounded: STORE_TERMS_BYTES per
 * connection, the list used longest ago replaced first; a list larger than
 * that serves its one search and is freed. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/store_int.h"
#include "util/xalloc.h"

/* Bytes of lists a connection keeps: "KI" at 1,000,000 entries (900,000
 * rows, 6 bytes each) and the next few frequent words. */
#define STORE_TERMS_BYTES (12u << 20)

#define SMALL 64

/* One phrase's rows. A row's weighted frequency is a sum of column
 * weights; a list holds few distinct ones, so each row keeps the index
 * of its value in val (at most UINT16_MAX values, or no list). */
struct store_plist {
    char *key; /* the phrase as in the match expression */
    uint32_t *rid;
    uint16_t *code;
    size_t n, cap;
    double *val;
    size_t nval, capval;
    unsigned long used;    /* s->terms_clock when last used */
    uint16_t small[SMALL]; /* code + 1 of the whole numbers below SMALL */
};

/* The lists of one search's phrases, in the order of its phrases. */
struct store_terms {
    int n;                   /* phrases */
    int walk;                /* the phrase walked (list[walk] NULL), or -1 */
    sqlite3_int64 walk_rows; /* the rows it matches */
    sqlite3_int64 list_min;  /* lists read for fewer rows are not kept */
    store_terms_fn fn;       /* while walking: store_terms_each's */
    void *ctx;
    int stopped, unfit;
    store_weights w;
    store_plist **list;
    char *built; /* built[i]: list[i] was read for this search */
    size_t *at;  /* each list's cursor while intersecting */
    double *freq;
};

static size_t plist_bytes(const store_plist *p)
{
    return p->n * (sizeof *p->rid + sizeof *p->code) + p->nval * sizeof *p->val;
}

static void plist_free(store_plist *p)
{
    if (!p)
        return;
    free(p->key);
    free(p->rid);
    free(p->code);
    free(p->val);
    free(p);
}

store_weights store_weights_of(int nval, sqlite3_value **val)
{
    store_weights w;
    w.n = nval < STORE_FTS_COLUMNS ? nval : STORE_FTS_COLUMNS;
    for (int c = 0; c < w.n; c++)
        w.w[c] = sqlite3_value_double(val[c]);
    return w;
}

int store_phrase_freq(const Fts5ExtensionApi *api, Fts5Context *fts, int i, const store_weights *w,
                      double *freq)
{
    Fts5PhraseIter it;
    int ic, io;
    double f = 0;
    int rc = api->xPhraseFirst(fts, i, &it, &ic, &io);
    if (rc != SQLITE_OK)
        return rc;
    for (; ic >= 0; api->xPhraseNext(fts, &it, &ic, &io))
        f += w->n > ic ? w->w[ic] : 1.0;
    *freq = f;
    return SQLITE_OK;
}

/* code_of: the index of freq among p's values, added if new; -1 when p
 * holds as many values as a code can tell apart. */
static int code_of(store_plist *p, double freq)
{
    /* Most frequencies are small whole numbers: looked up directly. */
    int small = freq >= 0 && freq < SMALL && freq == (double)(int)freq ? (int)freq : -1;
    if (small >= 0 && p->small[small])
        return p->small[small] - 1;
    for (size_t i = p->nval; i-- > 0;)
        if (p->val[i] == freq)
            return (int)i;
    if (p->nval == UINT16_MAX)
        return -1;
    if (p->nval == p->capval) {
        p->capval = p->capval ? 2 * p->capval : 16;
        p->val = xrealloc(p->val, p->capval * sizeof *p->val);
    }
    p->val[p->nval] = freq;
    if (small >= 0)
        p->small[small] = (uint16_t)(p->nval + 1);
    return (int)p->nval++;
}

/* The walk that reads a list: the weights of the columns. */
typedef struct walk {
    store_plist *p;
    const store_weights *w;
    int unfit; /* a rowid or a value the list cannot hold */
} walk;

static int walk_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *ctx)
{
    walk *w = ctx;
    store_plist *p = w->p;
    double freq;
    int rc = store_phrase_freq(api, fts, 0, w->w, &freq);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_int64 rid = api->xRowid(fts);
    int code = code_of(p, freq);
    if (rid < 0 || rid > UINT32_MAX || code < 0) {
        w->unfit = 1;
        return SQLITE_DONE;
    }
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 256;
        p->rid = xrealloc(p->rid, p->cap * sizeof *p->rid);
        p->code = xrealloc(p->code, p->cap * sizeof *p->code);
    }
    p->rid[p->n] = (uint32_t)rid;
    p->code[p->n++] = (uint16_t)code;
    return SQLITE_OK;
}

/* read_list: phrase i of the current query, walked through its doclist.
 * NULL with *rc SQLITE_OK when the list cannot hold it. */
static store_plist *read_list(const Fts5ExtensionApi *api, Fts5Context *fts, int i, char *key,
                              const store_weights *wt, int *rc)
{
    store_plist *p = xcalloc(1, sizeof *p);
    walk w = {p, wt, 0};
    p->key = key;
    *rc = api->xQueryPhrase(fts, i, &w, walk_row);
    if (*rc == SQLITE_DONE)
        *rc = SQLITE_OK;
    if (*rc != SQLITE_OK || w.unfit) {
        plist_free(p);
        return NULL;
    }
    return p;
}

static store_plist *kept(store *s, const char *key)
{
    for (size_t i = 0; i < s->nterms; i++)
        if (strcmp(s->terms[i]->key, key) == 0)
            return s->terms[i];
    return NULL;
}

int store_terms_kept(store *s, const char *key)
{
    return kept(s, key) != NULL;
}

/* list_of: phrase i's rows: an earlier phrase's list of the same search,
 * a kept one, the walk (a phrase known to be rare, if none is walked yet),
 * or a list read now (t->built[i], its length remembered as the phrase's
 * number of rows). *ok 0 if the phrase has no list and is not walked. */
static int list_of(store *s, store_terms *t, const Fts5ExtensionApi *api, Fts5Context *fts, int i,
                   int *ok)
{
    char *key = store_phrase_key(s->rank_match, i);
    sqlite3_int64 rows;
    int rc = SQLITE_OK;
    for (int j = 0; j < i && !t->list[i] && key; j++)
        if (t->list[j] && strcmp(t->list[j]->key, key) == 0)
            t->list[i] = t->list[j];
    if (!t->list[i] && key)
        t->list[i] = kept(s, key);
    if (!key) {
        *ok = 0;
    } else if (t->list[i]) {
        t->list[i]->used = ++s->terms_clock;
    } else if (t->walk < 0 && store_df_get(s, key, &rows) && rows < t->list_min) {
        t->walk = i;
        t->walk_rows = rows;
    } else {
        t->list[i] = read_list(api, fts, i, key, &t->w, &rc);
        key = NULL; /* the list's now, or freed */
        t->built[i] = 1;
        *ok = t->list[i] != NULL;
        if (t->list[i])
            store_df_put(s, t->list[i]->key, (sqlite3_int64)t->list[i]->n);
    }
    free(key);
    return rc;
}

int store_terms_open(store *s, const Fts5ExtensionApi *api, Fts5Context *fts, int nval,
                     sqlite3_value **val, sqlite3_int64 list_min, store_terms **out)
{
    int np = api->xPhraseCount(fts), rc = SQLITE_OK;
    *out = NULL;
    if (np < 1 || !s->rank_match || store_phrase_key_count(s->rank_match) != np)
        return SQLITE_OK;
    store_terms *t = xcalloc(1, sizeof *t);
    t->n = np;
    t->walk = -1;
    t->list_min = list_min;
    t->w = store_weights_of(nval, val);
    int ok = 1;
    t->list = xcalloc((size_t)np, sizeof *t->list);
    t->built = xcalloc((size_t)np, 1);
    t->at = xcalloc((size_t)np, sizeof *t->at);
    t->freq = xcalloc((size_t)np, sizeof *t->freq);
    for (int i = 0; i < np && rc == SQLITE_OK && ok; i++)
        rc = list_of(s, t, api, fts, i, &ok);
    if (rc != SQLITE_OK || !ok) {
        store_terms_close(s, t);
        return rc;
    }
    s->search_paths[2] += t->walk >= 0;
    *out = t;
    return SQLITE_OK;
}

sqlite3_int64 store_terms_rows(const store_terms *t, int i)
{
    return i == t->walk ? t->walk_rows : (sqlite3_int64)t->list[i]->n;
}

/* seek: advance list p's cursor *at to the first row >= rid (galloping:
 * steps of 1, 2, 4, ... then a binary search), so a short list walks a
 * long one in far fewer steps than its length. */
static void seek(const store_plist *p, size_t *at, uint32_t rid)
{
    size_t lo = *at, step = 1, hi;
    if (lo >= p->n || p->rid[lo] >= rid)
        return;
    while (lo + step < p->n && p->rid[lo + step] < rid) {
        lo += step;
        step *= 2;
    }
    hi = lo + step < p->n ? lo + step : p->n;
    /* p->rid[lo] < rid; the answer is in (lo, hi]. */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->rid[mid] < rid)
            lo = mid;
        else
            hi = mid;
    }
    *at = hi;
}

/* common: whether row rid of the driving phrase (frequency freq) is in
 * every list; their frequencies into t->freq. -1 when a list is done, so
 * no later row can be common. */
static int common(store_terms *t, int drive, uint32_t rid, double freq)
{
    for (int i = 0; i < t->n; i++) {
        const store_plist *p = t->list[i];
        if (i == drive) {
            t->freq[i] = freq;
            continue;
        }
        seek(p, &t->at[i], rid);
        if (t->at[i] >= p->n)
            return -1;
        if (p->rid[t->at[i]] != rid)
            return 0;
        t->freq[i] = p->val[p->code[t->at[i]]];
    }
    return 1;
}

/* walk_common: one row of the walked phrase (the walk's own cursor). */
static int walk_common(const Fts5ExtensionApi *api, Fts5Context *fts, void *ctx)
{
    store_terms *t = ctx;
    double freq;
    int rc = store_phrase_freq(api, fts, 0, &t->w, &freq);
    sqlite3_int64 rid = api->xRowid(fts);
    if (rc != SQLITE_OK)
        return rc;
    if (rid < 0 || rid > UINT32_MAX) {
        t->unfit = 1;
        return SQLITE_DONE;
    }
    int c = common(t, t->walk, (uint32_t)rid, freq);
    if (c > 0 && t->fn(t->ctx, rid, t->freq)) {
        t->stopped = 1;
        return SQLITE_DONE;
    }
    return c < 0 ? SQLITE_DONE : SQLITE_OK;
}

int store_terms_each(store_terms *t, const Fts5ExtensionApi *api, Fts5Context *fts, void *ctx,
                     store_terms_fn fn)
{
    memset(t->at, 0, (size_t)t->n * sizeof *t->at);
    if (t->walk >= 0) {
        t->fn = fn;
        t->ctx = ctx;
        t->stopped = t->unfit = 0;
        int rc = api->xQueryPhrase(fts, t->walk, t, walk_common);
        if (t->unfit)
            return SQLITE_MISMATCH;
        return rc == SQLITE_DONE && !t->stopped ? SQLITE_OK : rc;
    }
    int drive = 0;
    for (int i = 1; i < t->n; i++)
        if (t->list[i]->n < t->list[drive]->n)
            drive = i;
    const store_plist *d = t->list[drive];
    for (size_t k = 0; k < d->n; k++) {
        int c = common(t, drive, d->rid[k], d->val[d->code[k]]);
        if (c < 0)
            break;
        if (c > 0 && fn(ctx, d->rid[k], t->freq))
            return SQLITE_DONE;
    }
    return SQLITE_OK;
}

/* keep: p into s's lists, replacing those used longest ago while the
 * lists would exceed STORE_TERMS_BYTES. 0 if p alone exceeds it. */
static int keep(store *s, store_plist *p)
{
    size_t need = plist_bytes(p);
    if (need > STORE_TERMS_BYTES)
        return 0;
    while (s->terms_bytes + need > STORE_TERMS_BYTES) {
        size_t old = 0;
        for (size_t i = 1; i < s->nterms; i++)
            if (s->terms[i]->used < s->terms[old]->used)
                old = i;
        s->terms_bytes -= plist_bytes(s->terms[old]);
        plist_free(s->terms[old]);
        s->terms[old] = s->terms[--s->nterms];
    }
    if (s->nterms == s->capterms) {
        s->capterms = s->capterms ? 2 * s->capterms : 16;
        s->terms = xrealloc(s->terms, s->capterms * sizeof *s->terms);
    }
    s->terms[s->nterms++] = p;
    s->terms_bytes += need;
    return 1;
}

void store_terms_close(store *s, store_terms *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->n; i++) {
        if (!t->built[i] || !t->list[i])
            continue;
        /* Trimmed to its length first: the doubling left up to half. */
        store_plist *p = t->list[i];
        p->rid = xrealloc(p->rid, (p->n ? p->n : 1) * sizeof *p->rid);
        p->code = xrealloc(p->code, (p->n ? p->n : 1) * sizeof *p->code);
        p->cap = p->n;
        if ((sqlite3_int64)p->n < t->list_min || !keep(s, p))
            plist_free(p);
    }
    free(t->list);
    free(t->built);
    free(t->at);
    free(t->freq);
    free(t);
}

void store_terms_clear(store *s)
{
    for (size_t i = 0; i < s->nterms; i++)
        plist_free(s->terms[i]);
    s->nterms = 0;
    s->terms_bytes = 0;
}

void store_terms_free(store *s)
{
    store_terms_clear(s);
    free(s->terms);
    s->terms = NULL;
    s->capterms = 0;
}
