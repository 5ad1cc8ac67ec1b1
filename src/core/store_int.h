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
    ST__COUNT
};

struct store {
    sqlite3 *db;
    const geo *g;
    sqlite3_stmt *st[ST__COUNT];
    int in_batch; /* inside store_begin .. store_commit */
    /* Entries whose words wait for the end of the batch (see store.c). */
    struct pending {
        sqlite3_int64 rid;
        int fresh;    /* created in this batch: no old words to remove */
        size_t seq;   /* order of the writes: the last one counts */
        size_t words; /* offset of its packed texts in words, -1: deleted */
    } * pend;
    size_t npend, cappend;
    sbuf words;
};

/* store_db_error: a message naming what failed and SQLite's reason. */
int store_db_error(store *s, char **err, const char *what);

/* store_stmt: the prepared statement, reset and cleared for reuse. */
sqlite3_stmt *store_stmt(store *s, int which);

/* store_bind_text: bind s (NULL binds NULL), transient copy. */
void store_bind_text(sqlite3_stmt *st, int i, const char *s);

#endif
