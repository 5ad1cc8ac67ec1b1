/* store_facet.c: facet counting, and the fast path of the common search.
 *
 * Most searches are words sorted by relevance. Their hits come straight
 * from the full-text index (rowid and BM25); what they are filtered and
 * counted by (Land, kind, status, fields, target groups, years) is kept per
 * entry in a small in-memory cache, so no entry row is read per hit. The
 * cache is rebuilt when this connection writes or another one committed
 * (PRAGMA data_version).
 *
 * The hits are ranked as FTS5's bm25() ranks them, computed the same way
 * (same formula, same order of operations, so the same doubles) but
 * cheaper (profiled in bench/RESULTS.md): the length of a row in tokens,
 * which bm25() reads per hit with a statement step on the table's docsize
 * table, comes from the cache (read once with the facet values; a row the
 * cache does not know asks FTS5 as bm25() does); the instances of each
 * phrase are summed without building bm25's merged instance array; and the
 * number of rows a phrase matches (its IDF) is remembered. An AND of
 * phrases is read from the rows of each phrase kept in memory
 * (store_terms.c, kl_lists()); an OR is stepped, a row at a time, ranked
 * by kl_rank(). kl_bm25() is that function in SQL (tests compare all of
 * them with bm25()). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/store_int.h"
#include "util/err.h"
#include "util/xalloc.h"

/* Years a cache row can hold as bits: 1990 .. 2053. */
#define YEAR0 1990

enum { FR_ABSENT = 1, FR_DRAFT = 2 };

/* ntok of a row whose length the cache does not know. */
#define NTOK_UNKNOWN UINT32_MAX

struct frow {
    uint64_t years;
    uint32_t ntok; /* tokens in all columns, as FTS5's docsize */
    uint16_t fmask, tmask;
    uint8_t land, kind, flags;
};

static size_t land_index(const char *code)
{
    size_t n;
    const geo_land *all = geo_laender(&n);
    const geo_land *l = code ? geo_land_by_code(code) : NULL;
    return l ? (size_t)(l - all) : 16;
}

static int kind_index(const char *kind)
{
    size_t n;
    const entry_term *all = entry_vocab(ENTRY_VOCAB_KIND, &n);
    const entry_term *k = kind ? entry_vocab_find(ENTRY_VOCAB_KIND, kind) : NULL;
    return k ? (int)(k - all) : -1;
}

/* each_year: call fn for every year in "2021,2023". */
static void each_year(const char *y, void (*fn)(void *, long), void *ctx)
{
    while (y && *y) {
        char *end;
        long v = strtol(y, &end, 10);
        if (end == y)
            break;
        fn(ctx, v);
        y = *end == ',' ? end + 1 : end;
    }
}

static void count_year(void *ctx, long y)
{
    counts *c = ctx;
    if (y >= 1900 && y <= 2100)
        c->year[y - 1900]++;
}

static void add_masks(counts *c, uint64_t fm, uint64_t tm)
{
    for (; fm; fm &= fm - 1)
        c->field[__builtin_ctzll(fm)]++;
    for (; tm; tm &= tm - 1)
        c->target[__builtin_ctzll(tm)]++;
}

void counts_add_sql(counts *c, const char *land, const char *kind, const char *status,
                    sqlite3_int64 fmask, sqlite3_int64 tmask, const char *years)
{
    int k = kind_index(kind);
    c->land[land_index(land)]++;
    if (k >= 0)
        c->kind[k]++;
    c->status[status && strcmp(status, "draft") == 0]++;
    add_masks(c, (uint64_t)fmask, (uint64_t)tmask);
    each_year(years, count_year, c);
}

/* Facet objects: key/count pairs with count > 0, largest count first. */
typedef struct kv {
    const char *k;
    long n;
} kv;

static int cmp_kv(const void *a, const void *b)
{
    const kv *x = a, *y = b;
    return x->n != y->n ? (x->n < y->n) - (x->n > y->n) : strcmp(x->k, y->k);
}

static json_t *facet_object(kv *v, size_t n)
{
    json_t *o = json_object();
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i].n > 0)
            v[k++] = v[i];
    qsort(v, k, sizeof *v, cmp_kv);
    for (size_t i = 0; i < k; i++)
        json_object_set_new(o, v[i].k, json_integer(v[i].n));
    return o;
}

static json_t *vocab_facet(const long *cnt, entry_vocab_id id)
{
    size_t n;
    const entry_term *t = entry_vocab(id, &n);
    kv v[64];
    for (size_t i = 0; i < n && i < 64; i++)
        v[i] = (kv){t[i].slug, cnt[i]};
    return facet_object(v, n < 64 ? n : 64);
}

json_t *counts_json(const counts *c)
{
    size_t n, k = 0;
    const geo_land *l = geo_laender(&n);
    kv v[201];
    char years[201][12];
    json_t *f = json_object();
    for (size_t i = 0; i < 16; i++)
        v[i] = (kv){l[i].code, c->land[i]};
    v[16] = (kv){"bund", c->land[16]};
    json_object_set_new(f, "land", facet_object(v, 17));
    json_object_set_new(f, "kind", vocab_facet(c->kind, ENTRY_VOCAB_KIND));
    v[0] = (kv){"published", c->status[0]};
    v[1] = (kv){"draft", c->status[1]};
    json_object_set_new(f, "status", facet_object(v, 2));
    json_object_set_new(f, "field", vocab_facet(c->field, ENTRY_VOCAB_FIELD));
    json_object_set_new(f, "target", vocab_facet(c->target, ENTRY_VOCAB_TARGET));
    for (int i = 0; i < 201; i++) {
        if (!c->year[i])
            continue;
        snprintf(years[k], sizeof years[k], "%d", 1900 + i);
        v[k] = (kv){years[k], c->year[i]};
        k++;
    }
    json_object_set_new(f, "year", facet_object(v, k));
    return f;
}

static int count_cb(const Fts5ExtensionApi *api, Fts5Context *fts, void *ctx);

/* The document frequencies kept: a phrase's IDF needs the number of rows
 * it matches, which FTS5 does not store: bm25 walks the phrase's whole
 * doclist for it in every query (for "KI", in two of three entries'
 * titles, most of a search's time). The fast path remembers the count per
 * phrase of the match expression until the data change. A small hash
 * table; a colliding phrase replaces the older one. */
#define DF_SLOTS 1024

static void df_clear(store *s)
{
    for (size_t i = 0; s->df && i < DF_SLOTS; i++) {
        free(s->df[i].key);
        s->df[i].key = NULL;
    }
}

void store_df_free(store *s)
{
    df_clear(s);
    free(s->df);
    s->df = NULL;
}

char *store_phrase_key(const char *m, int i)
{
    for (const char *p = m; p && *p; p++) {
        if (*p != '"')
            continue;
        const char *start = p++;
        while (*p && !(*p == '"' && p[1] != '"'))
            p += *p == '"' ? 2 : 1;
        if (!*p)
            return NULL;
        if (p[1] == ' ' && p[2] == '*')
            p += 2;
        if (i-- == 0)
            return xstrndup(start, (size_t)(p - start + 1));
    }
    return NULL;
}

int store_phrase_key_count(const char *m)
{
    int n = 0;
    for (char *k; (k = store_phrase_key(m, n)) != NULL; n++)
        free(k);
    return n;
}

static struct df_slot *df_slot_of(store *s, const char *key)
{
    if (!s->df)
        s->df = xcalloc(DF_SLOTS, sizeof *s->df);
    return &s->df[store_hash(key) & (DF_SLOTS - 1)];
}

int store_df_get(store *s, const char *key, sqlite3_int64 *nhit)
{
    struct df_slot *d = df_slot_of(s, key);
    if (!d->key || strcmp(d->key, key) != 0)
        return 0;
    *nhit = d->nhit;
    return 1;
}

void store_df_put(store *s, const char *key, sqlite3_int64 nhit)
{
    struct df_slot *d = df_slot_of(s, key);
    free(d->key);
    d->key = xstrdup(key);
    d->nhit = nhit;
}

/* phrase_hits: the number of rows phrase i matches: remembered, or
 * counted over its doclist as bm25 does (and remembered). */
static int phrase_hits(const Fts5ExtensionApi *api, Fts5Context *fts, store *s, int i,
                       sqlite3_int64 *nhit)
{
    char *key = s->rank_match ? store_phrase_key(s->rank_match, i) : NULL;
    int rc = SQLITE_OK;
    if (!key || !store_df_get(s, key, nhit)) {
        *nhit = 0;
        rc = api->xQueryPhrase(fts, i, nhit, count_cb);
        if (rc == SQLITE_OK && key)
            store_df_put(s, key, *nhit);
    }
    free(key);
    return rc;
}

void store_cache_forget(store *s)
{
    s->fc_ok = 0;
    df_clear(s);
    store_memo_clear(s);
    store_terms_clear(s);
}

static sqlite3_int64 data_version(store *s)
{
    return store_pragma_int(s, "PRAGMA data_version");
}

typedef struct year_bits {
    uint64_t bits;
    int out; /* a year outside YEAR0 .. YEAR0+63 */
} year_bits;

static void set_year(void *ctx, long y)
{
    year_bits *b = ctx;
    if (y >= YEAR0 && y < YEAR0 + 64)
        b->bits |= (uint64_t)1 << (y - YEAR0);
    else
        b->out = 1;
}

/* get_varint: a varint of SQLite's record format (FTS5 writes its docsize
 * records with it) from p[0..n) into *v; bytes used, 0 if truncated. */
static int get_varint(const unsigned char *p, int n, uint64_t *v)
{
    uint64_t x = 0;
    for (int i = 0; i < 9 && i < n; i++) {
        if (i == 8) {
            *v = (x << 8) | p[i];
            return 9;
        }
        x = (x << 7) | (p[i] & 0x7f);
        if (!(p[i] & 0x80)) {
            *v = x;
            return i + 1;
        }
    }
    return 0;
}

/* load_lengths: the length of every row in tokens, the sum of its column
 * sizes in entry_fts_docsize (one record of varints per row). A row that
 * cannot be read stays unknown: kl_bm25 then asks FTS5. */
static void load_lengths(store *s)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT id, sz FROM entry_fts_docsize", -1, &st, NULL) !=
        SQLITE_OK)
        return;
    while (sqlite3_step(st) == SQLITE_ROW) {
        sqlite3_int64 rid = sqlite3_column_int64(st, 0);
        const unsigned char *p = sqlite3_column_blob(st, 1);
        int n = sqlite3_column_bytes(st, 1), at = 0, cols = 0;
        if (rid < 0 || (size_t)rid >= s->nfc || s->fc[rid].flags & FR_ABSENT)
            continue;
        uint64_t sum = 0, v;
        while (at < n) {
            int k = get_varint(p + at, n - at, &v);
            if (!k)
                break;
            sum += v;
            at += k;
            cols++;
        }
        if (at == n && cols == STORE_FTS_COLUMNS && sum < NTOK_UNKNOWN)
            s->fc[rid].ntok = (uint32_t)sum;
    }
    sqlite3_finalize(st);
}

/* The per-query part of the ranking, kept as FTS5 auxiliary data. */
typedef struct rank_data {
    int nphrase;
    store_weights w;
    sqlite3_int64 nrow;
    double avgdl;
    double *idf, *freq;
} rank_data;

static int count_cb(const Fts5ExtensionApi *api, Fts5Context *fts, void *ctx)
{
    (void)api;
    (void)fts;
    ++*(sqlite3_int64 *)ctx;
    return SQLITE_OK;
}

/* rank_data_new: as FTS5's bm25 computes it once per query: the average
 * row length; the IDF of each phrase is left to the caller. */
static rank_data *rank_data_new(const Fts5ExtensionApi *api, Fts5Context *fts, int nval,
                                sqlite3_value **val, int *rc)
{
    int np = api->xPhraseCount(fts);
    rank_data *d = sqlite3_malloc64(sizeof *d + (size_t)np * 2 * sizeof(double));
    if (!d) {
        *rc = SQLITE_NOMEM;
        return NULL;
    }
    d->nphrase = np;
    d->w = store_weights_of(nval, val);
    d->idf = (double *)&d[1];
    d->freq = &d->idf[np];
    sqlite3_int64 ntok = 0;
    d->nrow = 0;
    *rc = api->xRowCount(fts, &d->nrow);
    if (*rc == SQLITE_OK)
        *rc = api->xColumnTotalSize(fts, -1, &ntok);
    if (*rc == SQLITE_OK)
        d->avgdl = (double)ntok / (double)d->nrow;
    if (*rc != SQLITE_OK) {
        sqlite3_free(d);
        return NULL;
    }
    return d;
}

/* rank_data_of: rank_data_new with the IDF of each phrase, kept as the
 * query's auxiliary data. The IDF needs the number of rows the phrase
 * matches, which bm25 counts in a second pass over its whole doclist
 * (xQueryPhrase); with remembered, a count remembered from an earlier
 * query is taken. */
static rank_data *rank_data_of(const Fts5ExtensionApi *api, Fts5Context *fts, int nval,
                               sqlite3_value **val, int remembered, int *rc)
{
    rank_data *d = api->xGetAuxdata(fts, 0);
    if (d)
        return d;
    if (!(d = rank_data_new(api, fts, nval, val, rc)))
        return NULL;
    /* The phrase keys are only checked when the expression has exactly
     * as many phrases as FTS5 sees. */
    store *s = api->xUserData(fts);
    int np = d->nphrase;
    int known = remembered && s->rank_match && store_phrase_key_count(s->rank_match) == np;
    for (int i = 0; *rc == SQLITE_OK && i < np; i++) {
        sqlite3_int64 nhit = 0;
        if (known)
            *rc = phrase_hits(api, fts, s, i, &nhit);
        else
            *rc = api->xQueryPhrase(fts, i, &nhit, count_cb);
        if (*rc == SQLITE_OK)
            d->idf[i] = store_rank_idf(d->nrow, nhit);
        if (nhit > s->rank_docs)
            s->rank_docs = nhit;
    }
    if (*rc == SQLITE_OK)
        *rc = api->xSetAuxdata(fts, d, sqlite3_free);
    else
        sqlite3_free(d);
    return *rc == SQLITE_OK ? d : NULL;
}

double store_rank_idf(sqlite3_int64 nrow, sqlite3_int64 nhit)
{
    double idf = log((nrow - nhit + 0.5) / (nhit + 0.5));
    return idf <= 0.0 ? 1e-6 : idf;
}

/* rank_row: the weighted frequency of each phrase in the current row into
 * d->freq (store_phrase_freq: the same doubles as bm25), and the row's
 * length into *len. */
static int rank_row(const Fts5ExtensionApi *api, Fts5Context *fts, store *s, rank_data *d,
                    double *len)
{
    for (int i = 0; i < d->nphrase; i++) {
        int rc = store_phrase_freq(api, fts, i, &d->w, &d->freq[i]);
        if (rc != SQLITE_OK)
            return rc;
    }
    sqlite3_int64 rid = api->xRowid(fts);
    if (s->fc_ok && rid >= 0 && (size_t)rid < s->nfc && s->fc[rid].ntok != NTOK_UNKNOWN) {
        *len = (double)s->fc[rid].ntok;
        return SQLITE_OK;
    }
    int ntok = 0, rc = api->xColumnSize(fts, -1, &ntok);
    *len = (double)ntok;
    return rc;
}

/* term_score: BM25's term of phrase i without its IDF. */
static double term_score(const rank_data *d, int i, double len)
{
    const double k1 = 1.2, b = 0.75;
    return (d->freq[i] * (k1 + 1.0)) / (d->freq[i] + k1 * (1 - b + b * len / d->avgdl));
}

/* score: BM25 of the row whose phrase frequencies are in d->freq, as
 * bm25() adds it up (negative: better first). */
static double score(const rank_data *d, double len)
{
    double sum = 0.0;
    for (int i = 0; i < d->nphrase; i++)
        sum += d->idf[i] * term_score(d, i, len);
    return -1.0 * sum;
}

/* rank: kl_bm25 (remembered 0) and kl_rank (remembered 1). */
static void rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
                 sqlite3_value **val, int remembered)
{
    store *s = api->xUserData(fts);
    int rc = SQLITE_OK;
    double len = 0;
    rank_data *d = rank_data_of(api, fts, nval, val, remembered, &rc);
    if (rc == SQLITE_OK)
        rc = rank_row(api, fts, s, d, &len);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    sqlite3_result_double(ctx, score(d, len));
}

/* kl_bm25(entry_fts, w1, ..., wN): see the top of this file. */
static void kl_bm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
                    sqlite3_value **val)
{
    rank(api, fts, ctx, nval, val, 0);
}

/* kl_rank(entry_fts, w1, ..., wN): kl_bm25 with the number of rows each
 * phrase matches remembered until the data change. */
static void kl_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
                    sqlite3_value **val)
{
    rank(api, fts, ctx, nval, val, 1);
}

static void kl_lists(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
                     sqlite3_value **val);

int store_rank_register(store *s)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (!api)
        return SQLITE_ERROR;
    int rc = api->xCreateFunction(api, "kl_bm25", s, kl_bm25, NULL);
    if (rc == SQLITE_OK)
        rc = api->xCreateFunction(api, "kl_rank", s, kl_rank, NULL);
    return rc == SQLITE_OK ? api->xCreateFunction(api, "kl_lists", s, kl_lists, NULL) : rc;
}

/* cache_load: read the facet values of every entry. */
static int cache_load(store *s, char **err)
{
    sqlite3_stmt *st;
    df_clear(s);
    store_memo_clear(s);
    store_terms_clear(s);
    s->fc_data_version = data_version(s);
    if (sqlite3_prepare_v2(s->db,
                           "SELECT rid, land, kind, status, deleted, fmask, tmask, years"
                           " FROM entry ORDER BY rid",
                           -1, &st, NULL) != SQLITE_OK)
        return store_db_error(s, err, "Lesen der Facetten");
    s->fc_years_out = 0;
    s->fc_live = 0;
    for (size_t i = 0; i < s->nfc; i++)
        s->fc[i] = (struct frow){0, NTOK_UNKNOWN, 0, 0, 0, 0, FR_ABSENT};
    while (sqlite3_step(st) == SQLITE_ROW) {
        sqlite3_int64 rid = sqlite3_column_int64(st, 0);
        if (rid < 0 || rid > (sqlite3_int64)1 << 32)
            continue;
        if ((size_t)rid >= s->nfc) {
            size_t n = s->nfc ? s->nfc : 1024;
            while (n <= (size_t)rid)
                n *= 2;
            s->fc = xrealloc(s->fc, n * sizeof *s->fc);
            for (size_t i = s->nfc; i < n; i++)
                s->fc[i] = (struct frow){0, NTOK_UNKNOWN, 0, 0, 0, 0, FR_ABSENT};
            s->nfc = n;
        }
        struct frow *r = &s->fc[rid];
        year_bits yb = {0, 0};
        each_year((const char *)sqlite3_column_text(st, 7), set_year, &yb);
        int kind = kind_index((const char *)sqlite3_column_text(st, 2));
        const char *status = (const char *)sqlite3_column_text(st, 3);
        r->land = (uint8_t)land_index((const char *)sqlite3_column_text(st, 1));
        r->kind = (uint8_t)(kind < 0 ? 0 : kind);
        r->flags = (uint8_t)((sqlite3_column_int(st, 4) ? FR_ABSENT : 0) |
                             (status && strcmp(status, "draft") == 0 ? FR_DRAFT : 0));
        r->fmask = (uint16_t)sqlite3_column_int64(st, 5);
        r->tmask = (uint16_t)sqlite3_column_int64(st, 6);
        r->years = yb.bits;
        s->fc_years_out |= yb.out;
        s->fc_live += !(r->flags & FR_ABSENT);
    }
    if (sqlite3_finalize(st) != SQLITE_OK)
        return store_db_error(s, err, "Lesen der Facetten");
    load_lengths(s);
    s->fc_ok = 1;
    return KL_OK;
}

/* The filters of q in cache terms; wants_* < 0: no filter. */
typedef struct ffilter {
    int land, kind, draft, field, target, year;
} ffilter;

static int vocab_bit(entry_vocab_id v, const char *slug)
{
    size_t n;
    const entry_term *all = entry_vocab(v, &n);
    const entry_term *t = entry_vocab_find(v, slug);
    return t ? (int)(t - all) : 64;
}

static void filter_of(const store_query *q, ffilter *f)
{
    f->land = !q->land ? -1 : strcmp(q->land, "bund") == 0 ? 16 : (int)land_index(q->land);
    if (q->land && f->land == 16 && strcmp(q->land, "bund") != 0)
        f->land = 99; /* no such Land: nothing matches */
    f->kind = q->kind ? kind_index(q->kind) : -1;
    if (q->kind && f->kind < 0)
        f->kind = 99;
    f->draft = !q->status ? -1 : strcmp(q->status, "draft") == 0;
    f->field = q->field ? vocab_bit(ENTRY_VOCAB_FIELD, q->field) : -1;
    f->target = q->target ? vocab_bit(ENTRY_VOCAB_TARGET, q->target) : -1;
    f->year = q->year ? q->year - YEAR0 : -1;
}

static int passes(const struct frow *r, const ffilter *f)
{
    if (r->flags & FR_ABSENT)
        return 0;
    if (f->land >= 0 && r->land != f->land)
        return 0;
    if (f->kind >= 0 && r->kind != f->kind)
        return 0;
    if (f->draft >= 0 && !(r->flags & FR_DRAFT) != !f->draft)
        return 0;
    if (f->field >= 0 && (f->field >= 16 || !((r->fmask >> f->field) & 1)))
        return 0;
    if (f->target >= 0 && (f->target >= 16 || !((r->tmask >> f->target) & 1)))
        return 0;
    if (f->year >= 0 && !((r->years >> f->year) & 1))
        return 0;
    return 1;
}

static void count_cached(counts *c, const struct frow *r)
{
    c->land[r->land]++;
    c->kind[r->kind]++;
    c->status[(r->flags & FR_DRAFT) != 0]++;
    add_masks(c, r->fmask, r->tmask);
    for (uint64_t y = r->years; y; y &= y - 1)
        c->year[YEAR0 - 1900 + __builtin_ctzll(y)]++;
}

/* before: the order of the relevance sort: better rank, then older. */
static int before(const hit *a, const hit *b)
{
    return a->num < b->num || (a->num == b->num && a->rid < b->rid);
}

/* heap_offer: keep the k best hits in a max-heap (worst on top). */
static void heap_offer(hit *h, size_t *n, size_t k, hit x)
{
    size_t i;
    if (*n < k) {
        i = (*n)++;
        while (i > 0 && before(&h[(i - 1) / 2], &x)) {
            h[i] = h[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        h[i] = x;
        return;
    }
    if (!before(&x, &h[0]))
        return;
    i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = l;
        if (l >= *n)
            break;
        if (r < *n && before(&h[l], &h[r]))
            m = r;
        if (!before(&x, &h[m]))
            break;
        h[i] = h[m];
        i = m;
    }
    h[i] = x;
}

static int cmp_best(const void *a, const void *b)
{
    return before(a, b) ? -1 : before(b, a) ? 1 : 0;
}

/* One reading of a search's hits: the filter, and what it collects. */
typedef struct reader {
    store *s;
    const ffilter *f;
    counts *c;
    size_t nk, matched; /* hits kept, rows matched (filtered or not) */
    int unknown;        /* a row the cache does not know */
    rank_data *d;       /* kl_lists: the ranking's per-query part */
} reader;

/* take: row rid with rank num: counted and kept if it passes the filter.
 * 0 if the cache does not know it. */
static int take(reader *rd, sqlite3_int64 rid, double num)
{
    store *s = rd->s;
    rd->matched++;
    if (rid < 0 || (size_t)rid >= s->nfc) {
        rd->unknown = 1;
        return 0;
    }
    const struct frow *r = &s->fc[rid];
    if (!passes(r, rd->f))
        return 1;
    count_cached(rd->c, r);
    if (rd->nk == s->nranked) {
        s->nranked = s->nranked ? 2 * s->nranked : 1024;
        s->ranked = xrealloc(s->ranked, s->nranked * sizeof *s->ranked);
    }
    s->ranked[rd->nk].rid = rid;
    s->ranked[rd->nk++].num = num;
    return 1;
}

/* list_min: the rows a phrase matches from which its list is kept: a
 * quarter of all entries ("KI", "Intelligenz", "digital" at 1,000,000
 * entries, 1.5 to 5.4 MB each); the rows of rarer phrases are walked
 * (store_terms.c). */
static sqlite3_int64 list_min(const store *s)
{
    return (sqlite3_int64)(s->fc_live / 4);
}

/* walked: how many phrases of match a search would walk: no kept list,
 * and known to match fewer than list_min rows. */
static int walked(store *s, const char *match)
{
    int n = 0;
    char *key;
    for (int i = 0; (key = store_phrase_key(match, i)) != NULL; i++) {
        sqlite3_int64 nhit;
        n += !store_terms_kept(s, key) && store_df_get(s, key, &nhit) && nhit < list_min(s);
        free(key);
    }
    return n;
}

/* has_or: 1 if the match expression (store_match_expr's: phrases in
 * quotes, a quote inside doubled, joined by AND or OR) has an OR. */
static int has_or(const char *match)
{
    int quoted = 0;
    for (const char *p = match; *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && strncmp(p, " OR ", 4) == 0)
            return 1;
    }
    return 0;
}

/* list_row: a row all phrases match, ranked from their frequencies
 * (kept in the lists) and its length (from the cache) as kl_rank ranks
 * it. 1 (stop) if the cache does not know the row. */
static int list_row(void *ctx, sqlite3_int64 rid, const double *freq)
{
    reader *rd = ctx;
    store *s = rd->s;
    if (rid < 0 || (size_t)rid >= s->nfc || s->fc[rid].ntok == NTOK_UNKNOWN) {
        rd->unknown = 1;
        return 1;
    }
    memcpy(rd->d->freq, freq, (size_t)rd->d->nphrase * sizeof *freq);
    return !take(rd, rid, score(rd->d, (double)s->fc[rid].ntok));
}

/* kl_lists(entry_fts, w1, ..., wN): for an AND of phrases, called on the
 * match's first row only: takes every row the match has into the reader
 * s->scan, ranked as kl_rank ranks it, from the rows of each phrase
 * (store_terms.c) instead of a statement step per hit (virtual table
 * cursor, function call, result row): most of the cost of a frequent
 * word (bench/RESULTS.md). The IDF of a phrase is from its list's length,
 * the number of rows bm25 counts. Sets the reader's unknown when the
 * lists cannot answer. */
static void kl_lists(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
                     sqlite3_value **val)
{
    store *s = api->xUserData(fts);
    reader *rd = s->scan;
    store_terms *t = NULL;
    int rc = rd ? SQLITE_OK : SQLITE_MISUSE; /* only inside read_hits */
    rank_data *d = rc == SQLITE_OK ? rank_data_new(api, fts, nval, val, &rc) : NULL;
    if (rc == SQLITE_OK)
        rc = store_terms_open(s, api, fts, nval, val, list_min(s), &t);
    if (rc == SQLITE_OK && !t)
        rd->unknown = 1;
    if (rc == SQLITE_OK && t) {
        for (int i = 0; i < d->nphrase; i++) {
            sqlite3_int64 nhit = store_terms_rows(t, i);
            d->idf[i] = store_rank_idf(d->nrow, nhit);
            if (nhit > s->rank_docs)
                s->rank_docs = nhit;
        }
        rd->d = d;
        rc = store_terms_each(t, api, fts, rd, list_row);
        rd->d = NULL;
        rd->unknown |= rc == SQLITE_MISMATCH;
        if (rc == SQLITE_DONE || rc == SQLITE_MISMATCH)
            rc = SQLITE_OK;
    }
    store_terms_close(s, t);
    sqlite3_free(d);
    if (rc != SQLITE_OK)
        sqlite3_result_error_code(ctx, rc);
}

/* list_hits: an AND of phrases through kl_lists. */
static int list_hits(store *s, const char *match, reader *rd)
{
    sqlite3_stmt *st = store_stmt(s, ST_FTS_LISTS);
    sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
    s->scan = rd;
    int step = sqlite3_step(st);
    s->scan = NULL;
    sqlite3_reset(st);
    return step == SQLITE_ROW || step == SQLITE_DONE ? SQLITE_DONE : step;
}

/* step_hits: any match, a statement step per row ranked by kl_rank. */
static int step_hits(store *s, const char *match, reader *rd)
{
    sqlite3_stmt *st = store_stmt(s, ST_FTS_MATCH);
    sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW)
        if (!take(rd, sqlite3_column_int64(st, 0), sqlite3_column_double(st, 1)))
            break;
    sqlite3_reset(st);
    return rd->unknown ? SQLITE_DONE : step;
}

/* read_hits: every row of the full-text match: each that passes f
 * counted into c and kept in s->ranked with its rank; *matched counts all
 * rows, filtered or not. An AND of phrases is read from their lists, an
 * OR a statement step per row. Returns 1 when done, 0 when a row is
 * unknown to the cache (the general path must answer), or an error. */
static int read_hits(store *s, const store_query *q, const char *match, const ffilter *f, counts *c,
                     size_t *nk, size_t *matched, char **err)
{
    reader rd = {s, f, c, 0, 0, 0, NULL};
    s->rank_match = match;
    s->rank_docs = 0;
    /* An AND of two phrases too rare for lists is left to FTS5, which
     * skips through their doclists. */
    int by_lists = !has_or(match) && walked(s, match) <= 1;
    s->search_paths[by_lists]++;
    int step = by_lists ? list_hits(s, match, &rd) : step_hits(s, match, &rd);
    s->rank_match = NULL;
    *nk = rd.nk;
    *matched = rd.matched;
    if (step != SQLITE_DONE)
        return err_set(err, KL_EINVAL, "Suchanfrage „%s“ nicht ausführbar: %s", q->q ? q->q : "",
                       sqlite3_errmsg(s->db));
    return !rd.unknown;
}

/* choose_best: the best k of the nk hits in s->ranked into top, in order. */
static void choose_best(store *s, size_t nk, size_t k, hits *top)
{
    top->h = xrealloc(top->h, (k ? k : 1) * sizeof *top->h);
    top->cap = k;
    top->n = 0;
    top->by = SORT_RELEVANCE;
    for (size_t i = 0; i < nk; i++) {
        hit x = {s->ranked[i].rid, s->ranked[i].num, NAN, 0, "", 1, 1};
        heap_offer(top->h, &top->n, k, x);
    }
    qsort(top->h, top->n, sizeof *top->h, cmp_best);
}

/* memo_key: what a remembered answer is found by: the match expression
 * and the filters (as cache indexes). Caller frees. */
static char *memo_key(const char *match, const ffilter *f)
{
    return xasprintf("%d %d %d %d %d %d %s", f->land, f->kind, f->draft, f->field, f->target,
                     f->year, match);
}

int store_fast_search(store *s, const store_query *q, const char *match, size_t k, hits *top,
                      size_t *total, counts *c, char **err)
{
    if (s->fast_off || !*match || q->has_near || q->has_bbox ||
        (q->sort && strcmp(q->sort, "relevance") != 0))
        return 0;
    if ((!s->fc_ok || data_version(s) != s->fc_data_version) && cache_load(s, err))
        return KL_EDB;
    if (!sqlite3_get_autocommit(s->db))
        s->read_in_tx = 1; /* see rollback in store.c */
    if (s->fc_years_out && (c || q->year))
        return 0;
    if (q->year && (q->year < YEAR0 || q->year >= YEAR0 + 64))
        return 0;
    ffilter f;
    filter_of(q, &f);
    char *key = memo_key(match, &f);
    int rc = store_memo_get(s, key, k, top, total, c);
    if (!rc) {
        /* Counted always: a remembered answer must serve facets too. */
        counts mine;
        size_t nk, matched;
        memset(&mine, 0, sizeof mine);
        rc = read_hits(s, q, match, &f, &mine, &nk, &matched, err);
        /* Remembered when FTS5 walked many rows: a hit or a row of the
         * longest doclist an AND of phrases steps through (the work is
         * in these walks). Years beyond the cache's bits are not counted:
         * not remembered. */
        size_t least = s->memo_min_hits ? s->memo_min_hits : STORE_MEMO_MIN_HITS;
        size_t work = matched > (size_t)s->rank_docs ? matched : (size_t)s->rank_docs;
        int memo = rc == 1 && work >= least && !s->fc_years_out;
        if (rc == 1) {
            choose_best(s, nk, memo && k < STORE_MEMO_TOP ? STORE_MEMO_TOP : k, top);
            if (memo)
                store_memo_put(s, key, top->h, top->n, nk, &mine);
            top->n = top->n < k ? top->n : k;
            *total = nk;
            if (c)
                *c = mine;
        }
    }
    free(key);
    return rc;
}
