/* store_int.h: private to the store module (store.c, store_search.c). */
#ifndef KL_STORE_INT_H
#define KL_STORE_INT_H

#include <sqlite3.h>
#include <stdint.h>

#include "core/store.h"
#include "util/sbuf.h"

/* The columns of entry_fts (title, aliases, summary, organisations,
 * places). */
#define STORE_FTS_COLUMNS 5

/* Statements prepared once per connection, indexed by this enum. */
enum {
    ST_GET_BY_ID,      /* rid, version, deleted, body of the entry with id ? */
    ST_UPSERT_ENTRY,   /* the entry row of a new version; RETURNING rid */
    ST_INSERT_HISTORY, /* id, version, action, body, by, at, reason */
    ST_DEL_FACETS,     /* rid */
    ST_INSERT_FACET,   /* rid, facet, value */
    ST_DEL_PLACES,     /* rid */
    ST_INSERT_PLACE,   /* rid, idx, name, lat, lon, land */
    ST_DEL_FTS,        /* rid */
    ST_INSERT_FTS,     /* rid, title, aliases, summary, organisations, places */
    ST_HISTORY,        /* version, action, body, by, at, reason WHERE id=? DESC */
    ST_HISTORY_AT,     /* body WHERE id=? AND version=? */
    ST_LAST_LIVE,      /* body of the newest version whose action is not delete */
    ST_BODY_BY_RID,    /* the current JSON of entry rid */
    ST_FTS_MATCH,      /* rowid, kl_rank of the rows matching an FTS5 expression */
    ST_FTS_LISTS,      /* kl_lists on the first row matching an AND of phrases */
    ST__COUNT
};

struct store {
    sqlite3 *db;
    const geo *g;
    sqlite3_stmt *st[ST__COUNT];
    int in_batch;   /* inside store_begin .. store_commit */
    int read_in_tx; /* a search ran inside the open transaction */
    /* Entries whose words wait for the end of the batch (see store.c). */
    struct pending {
        sqlite3_int64 rid;
        int fresh;    /* created in this batch: no old words to remove */
        size_t seq;   /* order of the writes: the last one counts */
        size_t words; /* offset of its packed texts in words, -1: deleted */
    } * pend;
    size_t npend, cappend;
    sbuf words;
    /* The facet cache (store_facet.c): per rid the values a search counts
     * and filters by, valid while fc_ok and no other connection wrote. */
    struct frow *fc;
    size_t nfc;
    int fc_ok, fc_years_out;
    size_t fc_live; /* entries in the cache that are not deleted */
    int fast_off;   /* tests: always take the general path */
    /* The fast path's hits before the best are chosen (store_facet.c),
     * and what kl_rank left for it: the IDF is still to be applied. */
    struct ranked {
        sqlite3_int64 rid;
        double num;
    } * ranked;
    size_t nranked;
    /* The match expression kl_rank runs under, and the number of rows
     * each of its phrases matches (for the IDF), remembered per phrase
     * until the data change (store_facet.c). */
    const char *rank_match;
    sqlite3_int64 rank_docs; /* rows its most frequent phrase matches */
    struct reader *scan;     /* where kl_lists takes the hits (store_facet.c) */
    struct df_slot {
        char *key;
        sqlite3_int64 nhit;
    } * df;
    sqlite3_int64 fc_data_version;
    /* The answers of frequent searches (store_memo.c), owned by the
     * store, forgotten with the document frequencies. */
    struct store_memo *memo;
    unsigned long memo_clock; /* counts uses, for replacing the oldest */
    size_t memo_min_hits;     /* tests: remember smaller answers (0: default) */
    size_t memo_used;         /* tests, bench: answers given from memory */
    /* The rows of frequent phrases (store_terms.c), owned by the store,
     * forgotten with the facet cache. */
    struct store_plist **terms;
    size_t nterms, capterms, terms_bytes;
    unsigned long terms_clock; /* counts uses, for replacing the oldest */
    /* tests: fast searches stepped, from lists, with a phrase walked */
    size_t search_paths[3];
};

/* How a search orders its hits. */
typedef enum { SORT_RELEVANCE, SORT_DISTANCE, SORT_TITLE, SORT_UPDATED, SORT_ID } sort_by;

/* One hit of a search; the page shown and the facets both come from one
 * pass over the matching rows. */
typedef struct hit {
    sqlite3_int64 rid;
    double num;      /* rank or distance */
    double dist;     /* NAN without near */
    size_t key;      /* offset of the text sort key in the pool, */
    const char *kp;  /* and the key itself once the pool stops growing */
    signed char dir; /* 1 ascending, -1 descending text key */
    char by_num;     /* sort by num first */
} hit;

typedef struct hits {
    hit *h;
    size_t n, cap;
    sbuf pool;
    sort_by by;
} hits;

/* Facet counters, filled while the hits are read. */
typedef struct counts {
    long land[17]; /* geo_laender() order, then the Bund */
    long kind[16], status[2], field[64], target[64];
    long year[201]; /* 1900 .. 2100 */
} counts;

/* counts_add_sql: count one entry given by its column values. */
void counts_add_sql(counts *c, const char *land, const char *kind, const char *status,
                    sqlite3_int64 fmask, sqlite3_int64 tmask, const char *years);

/* counts_json: the facets object of a search. Caller owns it. */
json_t *counts_json(const counts *c);

/* The answers of searches with at least STORE_MEMO_MIN_HITS hits, or a
 * phrase matching as many rows, are remembered (store_memo.c), with their
 * best STORE_MEMO_TOP hits. */
#define STORE_MEMO_MIN_HITS 20000
#define STORE_MEMO_TOP 200

/* store_memo_get: the remembered answer for key (match expression and
 * filters): its first k hits into top (the caller owns top->h, which is
 * reallocated), the number of hits into *total, the facets into c (may be
 * NULL). 0 if none is remembered or k reaches beyond the hits kept. */
int store_memo_get(store *s, const char *key, size_t k, hits *top, size_t *total, counts *c);

/* store_memo_put: remember the answer for key: the best n hits in order
 * (at most STORE_MEMO_TOP are kept), all total of them counted into c.
 * Copies everything. */
void store_memo_put(store *s, const char *key, const hit *best, size_t n, size_t total,
                    const counts *c);

/* store_hash: FNV-1a of key, for the store's small hash tables. */
uint32_t store_hash(const char *key);

/* store_memo_clear: forget every remembered answer (the data changed). */
void store_memo_clear(store *s);

/* store_memo_free: store_memo_clear and free the table (store_close). */
void store_memo_free(store *s);

/* store_fast_search: the common search (words, sorted by relevance, no
 * geographic filter) from the full-text index and the facet cache, without
 * reading entry rows: top receives the first k hits in order, *total all
 * of them, c (may be NULL; overwritten) the facets. Frequent searches are
 * answered from store_memo. Returns 1 when done, 0 when q needs
 * the general path, or an error code. */
int store_fast_search(store *s, const store_query *q, const char *match, size_t k, hits *top,
                      size_t *total, counts *c, char **err);

/* store_rank_register: the FTS5 ranking function kl_bm25 on s's
 * connection (store_facet.c): bm25 with the row lengths from the cache. */
int store_rank_register(store *s);

/* store_rank_idf: BM25's IDF as FTS5's bm25 computes it, for a phrase
 * that nhit of nrow rows contain. */
double store_rank_idf(sqlite3_int64 nrow, sqlite3_int64 nhit);

/* store_phrase_key: the i-th phrase of a match expression of
 * store_match_expr ("w" AND "v" *, ...): its quoted text with a following
 * " *"; NULL if there is no i-th phrase. Caller frees. */
char *store_phrase_key(const char *match, int i);

/* store_phrase_key_count: the number of phrases in match. */
int store_phrase_key_count(const char *match);

/* The weights of the columns a ranking function was given: w[c] for
 * column c < n, 1.0 beyond. */
typedef struct store_weights {
    int n;
    double w[STORE_FTS_COLUMNS];
} store_weights;

/* store_weights_of: the weights in a ranking function's arguments. */
store_weights store_weights_of(int nval, sqlite3_value **val);

/* store_phrase_freq: BM25's frequency of phrase i in the row of an FTS5
 * cursor: the weight of the column of each instance, summed in the order
 * bm25() visits them, so the same double. An SQLite result code. */
int store_phrase_freq(const Fts5ExtensionApi *api, Fts5Context *fts, int i, const store_weights *w,
                      double *freq);

/* The rows of each phrase of a search (store_terms.c). */
typedef struct store_plist store_plist;
typedef struct store_terms store_terms;

/* store_terms_open: inside an FTS5 auxiliary function whose query is
 * s->rank_match (an AND of its phrases), the rows of every phrase: a
 * list kept from an earlier search or read now (the weights of the
 * columns in val), except for at most one phrase known (store_df_get) to
 * match fewer than list_min rows, which store_terms_each walks. Lists
 * read now are kept if their phrase matches at least list_min rows.
 * *out is NULL when some phrase has no list (its rows do not fit one):
 * the caller answers otherwise. The caller passes *out to
 * store_terms_close. An SQLite result code. */
int store_terms_open(store *s, const Fts5ExtensionApi *api, Fts5Context *fts, int nval,
                     sqlite3_value **val, sqlite3_int64 list_min, store_terms **out);

/* store_terms_rows: the number of rows phrase i matches. */
sqlite3_int64 store_terms_rows(const store_terms *t, int i);

/* A row every phrase matches, with each phrase's frequency in it (valid
 * during the call); non-zero stops the walk. */
typedef int (*store_terms_fn)(void *ctx, sqlite3_int64 rid, const double *freq);

/* store_terms_each: fn for every row all phrases of t match, in rowid
 * order; api and fts as given to store_terms_open. An SQLite result
 * code, SQLITE_DONE when fn stopped, SQLITE_MISMATCH when the walked
 * phrase has a rowid lists cannot hold (the caller answers otherwise). */
int store_terms_each(store_terms *t, const Fts5ExtensionApi *api, Fts5Context *fts, void *ctx,
                     store_terms_fn fn);

/* store_terms_kept: 1 if the list of the phrase key is kept. */
int store_terms_kept(store *s, const char *key);

/* store_terms_close: keep the lists read for t (within the store's
 * budget; the others are freed) and free t. t may be NULL. */
void store_terms_close(store *s, store_terms *t);

/* store_terms_clear: forget every list (the data changed). */
void store_terms_clear(store *s);

/* store_terms_free: store_terms_clear and free the table (store_close). */
void store_terms_free(store *s);

/* store_df_get: the number of rows the phrase key (store_phrase_key)
 * matches into *nhit, 1 if it is remembered, else 0. */
int store_df_get(store *s, const char *key, sqlite3_int64 *nhit);

/* store_df_put: remember that the phrase key matches nhit rows (until
 * the data change). Copies key. */
void store_df_put(store *s, const char *key, sqlite3_int64 nhit);

/* store_df_free: free the remembered document frequencies (store_close). */
void store_df_free(store *s);

/* store_cache_forget: the entries changed through s; reload the facet
 * cache before its next use. */
void store_cache_forget(store *s);

/* store_match_expr: the FTS5 expression for what a person typed ("" when
 * nothing searchable is in it). Caller frees. */
char *store_match_expr(const char *q);

/* store_pragma_int: the integer a one-row statement such as "PRAGMA
 * user_version" yields, -1 if it fails. */
sqlite3_int64 store_pragma_int(store *s, const char *pragma);

/* store_migrations[n - 1] brings a file from user_version n-1 to n
 * (store_schema.c). */
extern const char *const store_migrations[STORE_SCHEMA_VERSION];

/* store_stmt: the prepared statement, reset and cleared for reuse. */
sqlite3_stmt *store_stmt(store *s, int which);

/* store_bind_text: bind s (NULL binds NULL), transient copy. */
void store_bind_text(sqlite3_stmt *st, int i, const char *s);

/* store_each_row: step st, whose first column is an entry's stored JSON,
 * calling fn for each entry until it returns non-zero; finalizes st.
 * what names the reading in the error message. */
int store_each_row(store *s, sqlite3_stmt *st, void *ctx, store_each_fn fn, const char *what,
                   char **err);

#endif
