/* store_int.h: private to the store module (store.c, store_search.c). */
#ifndef KL_STORE_INT_H
#define KL_STORE_INT_H

#include <sqlite3.h>

#include "core/store.h"
#include "util/sbuf.h"

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
    ST_FTS_SCAN,       /* kl_scan on the first row matching a one-phrase expression */
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
    int fast_off; /* tests: always take the general path */
    /* The fast path's hits before the best are chosen (store_facet.c),
     * and what kl_rank left for it: the IDF is still to be applied. */
    struct ranked {
        sqlite3_int64 rid;
        double num;
    } * ranked;
    size_t nranked;
    int rank_deferred;
    sqlite3_int64 rank_nrow;
    /* The match expression kl_rank runs under, and the number of rows
     * each of its phrases matches (for the IDF), remembered per phrase
     * until the data change (store_facet.c). */
    const char *rank_match;
    sqlite3_int64 rank_docs; /* rows its most frequent phrase matches */
    struct reader *scan;     /* where kl_scan takes the hits (store_facet.c) */
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

/* The columns of entry_fts (title, aliases, summary, organisations,
 * places). */
#define STORE_FTS_COLUMNS 5

/* store_rank_register: the FTS5 ranking function kl_bm25 on s's
 * connection (store_facet.c): bm25 with the row lengths from the cache. */
int store_rank_register(store *s);

/* store_rank_idf: BM25's IDF as FTS5's bm25 computes it, for a phrase
 * that nhit of nrow rows contain. */
double store_rank_idf(sqlite3_int64 nrow, sqlite3_int64 nhit);

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

/* store_db_error: a message naming what failed and SQLite's reason. */
int store_db_error(store *s, char **err, const char *what);

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
