/* store.h: the registry in one SQLite file.
 *
 * WAL journal, foreign keys on, numbered migrations that upgrade an older
 * file in place (PRAGMA user_version), every write in a transaction, and a
 * history row for every version of every entry: nothing is overwritten or
 * deleted for good. Searching the registry: see store_search below.
 *
 * A store handle is one SQLite connection: use it from one thread at a
 * time (the server opens one per worker thread). */
#ifndef KL_STORE_H
#define KL_STORE_H

#include <jansson.h>
#include <sqlite3.h>

#include "core/entry.h"
#include "core/geo.h"
#include "util/sbuf.h"

typedef struct store store;

/* The schema version this program writes. */
#define STORE_SCHEMA_VERSION 7

/* PRAGMA application_id of files written since migration 5 ("KiLa"). */
#define STORE_APPLICATION_ID 0x4B694C61

/* store_open: open or create the database at path and migrate it to
 * STORE_SCHEMA_VERSION (or to max_version when that is > 0 and smaller:
 * only tests do that, to make old files). g is the gazetteer (borrowed,
 * must outlive the store). On failure *out is NULL and *err says why.
 * Caller closes with store_close(). */
int store_open(const char *path, const geo *g, int max_version, store **out, char **err);

void store_close(store *s);

/* store_sqlite: the SQLite connection of s. Borrowed: the connection, for
 * modules that own tables of their own (src/conference: the conf_*
 * tables of migration 3); valid until store_close. Such a module keeps
 * to its own tables and to the transaction rules above. */
sqlite3 *store_sqlite(store *s);

/* store_db_error: set *err as err_set does (caller frees) to
 * "Datenbankfehler beim WHAT: " and SQLite's reason for the last failure
 * on s's connection; returns KL_EDB. For the modules above too, so that
 * a database error reads the same everywhere. */
int store_db_error(store *s, char **err, const char *what);

/* store_schema_version: the user_version of the open file. */
int store_schema_version(store *s);

/* Transactions for batches: store_begin opens an IMMEDIATE transaction;
 * store_commit ends it; store_rollback undoes everything since
 * store_begin. Single writes outside a batch are transactions of their
 * own. When a write inside a batch fails, the batch must be rolled back:
 * the failed write may have left part of its work. */
int store_begin(store *s, char **err);
int store_commit(store *s, char **err);
void store_rollback(store *s);

/* store_put: insert e, or update the stored entry of the same id. The
 * store sets version and updated_at in e. When the content equals the
 * stored version nothing is written and *changed is 0; else *changed is 1
 * and a history row records who (may be NULL: "cli"), when and why.
 * A deleted entry of that id is brought back by the put.
 * If expect_version > 0 and the stored version differs, nothing is
 * written and KL_ECONFLICT is returned. e stays owned by the caller. */
int store_put(store *s, entry *e, const char *who, const char *reason, int expect_version,
              int *changed, char **err);

/* store_get: the current version of entry id. *out: caller frees with
 * entry_free(). KL_ENOTFOUND if there is none (or it is deleted; the
 * message says so and how to restore it). */
int store_get(store *s, const char *id, entry **out, char **err);

/* store_delete: mark the entry deleted (a tombstone with a new version and
 * a history row); reversible with store_restore. */
int store_delete(store *s, const char *id, const char *who, const char *reason, char **err);

/* store_restore: make version `version` of entry id current again, as a
 * new version (version 0: the last version before the deletion or the
 * current one). Returns the new version in *new_version. */
int store_restore(store *s, const char *id, int version, const char *who, int *new_version,
                  char **err);

/* store_set_status: publish or unpublish (a new version). */
int store_set_status(store *s, const char *id, const char *status, const char *who, char **err);

/* store_history: all versions of entry id, newest first, as a JSON array
 * of {"version", "action", "by", "at", "reason", "changed": [field
 * names], "entry": {...}}. Caller owns *out (json_decref). */
int store_history(store *s, const char *id, json_t **out, char **err);

/* A search. Every member is optional (NULL, 0): an empty query lists. */
typedef struct store_query {
    const char *q;      /* words, "phrases", prefix* ; German analysis */
    const char *land;   /* "DE-BY" or "bund" */
    const char *kind;   /* entry kind slug */
    const char *field;  /* Handlungsfeld slug */
    const char *target; /* target group slug */
    const char *status; /* "draft", "published"; NULL: both */
    int year;           /* entries that name this year */
    int has_near;       /* within km of near_lat/near_lon */
    double near_lat, near_lon, km;
    int has_bbox; /* places inside [south, west, north, east] */
    double bbox[4];
    int limit;        /* default 20; -1: all */
    int offset;       /* default 0 */
    const char *sort; /* "relevance" (default with q), "title", "updated", "id" */
    int facets;       /* 1: compute facet counts */
} store_query;

/* store_search: run q. *out: {"total": N, "items": [entries], "facets":
 * {"land": {...}, "kind": {...}, "field": {...}, "target": {...},
 * "year": {...}, "status": {...}}} (facets only when asked). A query the
 * search syntax cannot read gives KL_EINVAL with the reason. Caller owns
 * *out (json_decref). */
int store_search(store *s, const store_query *q, json_t **out, char **err);

/* store_search_text: the same answer as store_search, as JSON text
 * appended to out (the stored entries are pasted, not parsed and printed
 * again: what a server sends). On failure out is as it was. */
int store_search_text(store *s, const store_query *q, sbuf *out, char **err);

/* store_each: call fn for every entry matching q (limit and offset
 * ignored), in the order of q->sort. fn returns non-zero to stop. The
 * entry is borrowed for the call. */
typedef int (*store_each_fn)(void *ctx, const entry *e);
int store_each(store *s, const store_query *q, void *ctx, store_each_fn fn, char **err);

/* One entry in the change feed. Strings and e are borrowed for the call
 * of the callback. */
typedef struct store_change {
    const char *id;
    int version;
    const char *updated_at; /* "2026-11-22T10:00:00Z" */
    int deleted;            /* 1: a tombstone */
    int ever_published;     /* some version of it was published */
    const entry *e;         /* its content (for a tombstone: as deleted) */
} store_change;
typedef int (*store_change_fn)(void *ctx, const store_change *c);

/* store_changes: call fn for every entry (deleted ones too) whose last
 * change is at or after since (UTC text of the form of updated_at;
 * "2026-11-22" counts from that day's start), oldest change first, ties
 * by id. fn returns non-zero to stop. */
int store_changes(store *s, const char *since, void *ctx, store_change_fn fn, char **err);

/* store_summary: counts for a short overview: {"entries", "published",
 * "drafts", "deleted", "by_land": {...}, "by_kind": {...}}. Caller owns
 * *out. */
int store_summary(store *s, json_t **out, char **err);

/* store_set_cache_mb: the most memory SQLite's page cache of this
 * connection may hold (store_open: 64 MiB, for bulk writes). A server
 * with one connection per thread gives each less: the file's pages stay
 * in the operating system's cache anyway. */
void store_set_cache_mb(store *s, int mb);

/* store_data_version: a number that changes whenever another connection
 * (or process) has committed a change to the database since the last call
 * on s (PRAGMA data_version); this connection's own writes do not change
 * it. For caches that must never serve stale answers. -1 on failure. */
long long store_data_version(store *s);

/* store_add_feedback: keep a message sent through the feedback form.
 * message: 1 to 5000 bytes of valid UTF-8 (else KL_EINVAL naming the
 * field); page and contact may be NULL (at most 500 bytes each). *id
 * receives the message's number. */
int store_add_feedback(store *s, const char *page, const char *message, const char *contact,
                       long long *id, char **err);

/* store_list_feedback: the messages, newest first, as a JSON array of
 * {"id", "received_at", "page", "message", "contact", "status"}; only
 * those with status "new" when only_new. Caller owns *out. */
int store_list_feedback(store *s, int only_new, json_t **out, char **err);

/* store_feedback_done: mark message id as dealt with. KL_ENOTFOUND if
 * there is no such message. */
int store_feedback_done(store *s, long long id, char **err);

/* store_put_document: keep the text of a source document that entries
 * cite. The name is the document's identity ("002_94e67f4646c14073.txt").
 * *changed: 0 when the same text is stored under that name already, 1 when
 * the name is new, 2 when the name had another text (replaced; entries
 * keep citing by name). KL_ECONFLICT when the same text is stored under
 * another name (*err names it). text must be valid UTF-8. The row keeps
 * when the name was first stored (created) and when its text last changed
 * (imported_at). */
int store_put_document(store *s, const char *name, const char *kind, const char *title,
                       const char *text, size_t n, int *changed, char **err);

/* store_get_document: the text of document name. *text: caller frees;
 * *n its length. KL_ENOTFOUND if there is none. */
int store_get_document(store *s, const char *name, char **text, size_t *n, char **err);

/* store_document_info: the kind ("land-reports") and title the importer
 * gave document name; each NULL when none was given. *kind, *title:
 * caller frees. KL_ENOTFOUND if there is no such document. */
int store_document_info(store *s, const char *name, char **kind, char **title, char **err);

/* store_each_cited: call fn for every entry (not deleted) whose source is
 * document name, in the order of their ids; status "draft" or
 * "published" limits them, NULL takes both. fn returns non-zero to stop;
 * the entry is borrowed for the call. Reads only those entries (an index
 * on the cited document). */
int store_each_cited(store *s, const char *name, const char *status, void *ctx, store_each_fn fn,
                     char **err);

#endif
