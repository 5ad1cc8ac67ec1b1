/* store.c: opening, migrating and writing the registry (see store.h).
 * Searching lives in store_search.c. */
#include "core/store_int.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/gtok.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

static const char *const sql[ST__COUNT] = {
    [ST_GET_BY_ID] = "SELECT e.rid, e.version, e.deleted, h.body FROM entry e JOIN history h"
                     " ON h.id = e.id AND h.version = e.version WHERE e.id = ?1",
    [ST_UPSERT_ENTRY] = "INSERT INTO entry(id, title, title_key, kind, level, land, status,"
                        " version, updated_at, deleted, fmask, tmask, years, doc)"
                        " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)"
                        " ON CONFLICT(id) DO UPDATE SET title=?2, title_key=?3, kind=?4,"
                        " level=?5, land=?6, status=?7, version=?8, updated_at=?9,"
                        " deleted=?10, fmask=?11, tmask=?12, years=?13, doc=?14 RETURNING rid",
    [ST_INSERT_HISTORY] = "INSERT INTO history(id, version, action, body, changed_by,"
                          " changed_at, reason) VALUES (?1,?2,?3,?4,?5,?6,?7)",
    [ST_DEL_FACETS] = "DELETE FROM entry_facet WHERE rid = ?1",
    [ST_INSERT_FACET] = "INSERT OR IGNORE INTO entry_facet(rid, facet, value) VALUES (?1,?2,?3)",
    [ST_DEL_PLACES] = "DELETE FROM entry_place WHERE rid = ?1",
    [ST_INSERT_PLACE] = "INSERT INTO entry_place(rid, idx, name, lat, lon, land)"
                        " VALUES (?1,?2,?3,?4,?5,?6)",
    [ST_DEL_FTS] = "DELETE FROM entry_fts WHERE rowid = ?1",
    [ST_INSERT_FTS] = "INSERT INTO entry_fts(rowid, title, aliases, summary, organisations,"
                      " places) VALUES (?1,?2,?3,?4,?5,?6)",
    [ST_HISTORY] = "SELECT version, action, body, changed_by, changed_at, reason"
                   " FROM history WHERE id = ?1 ORDER BY version DESC",
    [ST_HISTORY_AT] = "SELECT body FROM history WHERE id = ?1 AND version = ?2",
    [ST_BODY_BY_RID] = "SELECT h.body, e.deleted FROM entry e JOIN history h ON h.id = e.id"
                       " AND h.version = e.version WHERE e.rid = ?1",
    [ST_FTS_MATCH] = "SELECT rowid, kl_rank(entry_fts, 10.0, 8.0, 1.0, 3.0, 2.0) FROM entry_fts"
                     " WHERE entry_fts MATCH ?1",
    [ST_FTS_LISTS] = "SELECT kl_lists(entry_fts, 10.0, 8.0, 1.0, 3.0, 2.0) FROM entry_fts"
                     " WHERE entry_fts MATCH ?1 LIMIT 1",
    [ST_LAST_LIVE] = "SELECT body FROM history WHERE id = ?1 AND action <> 'delete'"
                     " ORDER BY version DESC LIMIT 1",
};

int store_db_error(store *s, char **err, const char *what)
{
    return err_set(err, KL_EDB, "Datenbankfehler beim %s: %s", what, sqlite3_errmsg(s->db));
}

sqlite3_stmt *store_stmt(store *s, int which)
{
    sqlite3_stmt *st = s->st[which];
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
}

void store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

int store_each_row(store *s, sqlite3_stmt *st, void *ctx, store_each_fn fn, const char *what,
                   char **err)
{
    int step, rc = KL_OK;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        entry *e = entry_from_stored((const char *)sqlite3_column_text(st, 0));
        int stop = e ? fn(ctx, e) : 0;
        entry_free(e);
        if (stop) {
            step = SQLITE_DONE;
            break;
        }
    }
    if (step != SQLITE_DONE)
        rc = store_db_error(s, err, what);
    sqlite3_finalize(st);
    return rc;
}

static void sql_distance(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    sqlite3_result_double(
        ctx, geo_distance_km(sqlite3_value_double(argv[0]), sqlite3_value_double(argv[1]),
                             sqlite3_value_double(argv[2]), sqlite3_value_double(argv[3])));
}

static int exec(store *s, const char *q, char **err, const char *what)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, q, NULL, NULL, &msg) == SQLITE_OK)
        return KL_OK;
    int rc = err_set(err, KL_EDB, "Datenbankfehler beim %s: %s", what, msg ? msg : "?");
    sqlite3_free(msg);
    return rc;
}

sqlite3_int64 store_pragma_int(store *s, const char *pragma)
{
    sqlite3_stmt *st;
    sqlite3_int64 v = -1;
    if (sqlite3_prepare_v2(s->db, pragma, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

sqlite3 *store_sqlite(store *s)
{
    return s->db;
}

long long store_data_version(store *s)
{
    return (long long)store_pragma_int(s, "PRAGMA data_version");
}

int store_schema_version(store *s)
{
    return (int)store_pragma_int(s, "PRAGMA user_version");
}

/* migrate: apply the missing migrations, each in its own transaction
 * together with the new user_version, so a crash leaves a file at some
 * whole version. */
static int migrate(store *s, int target, char **err)
{
    int have = store_schema_version(s);
    if (have < 0)
        return store_db_error(s, err, "Lesen der Schemaversion");
    if (have > STORE_SCHEMA_VERSION)
        return err_set(err, KL_EINVAL,
                       "Die Datenbank hat Schemaversion %d, dieses Programm kennt nur bis %d: "
                       "bitte eine neuere Version von kilandkarte verwenden",
                       have, STORE_SCHEMA_VERSION);
    for (int v = have + 1; v <= target; v++) {
        char *q = xasprintf("BEGIN IMMEDIATE; %s PRAGMA user_version = %d; COMMIT;",
                            store_migrations[v - 1], v);
        int rc = exec(s, q, err, "Aktualisieren des Schemas");
        free(q);
        if (rc) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return rc;
        }
    }
    return KL_OK;
}

static int prepare_all(store *s, char **err)
{
    for (int i = 0; i < ST__COUNT; i++)
        if (sqlite3_prepare_v3(s->db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) !=
            SQLITE_OK)
            return store_db_error(s, err, "Vorbereiten der Abfragen");
    return KL_OK;
}

int store_open(const char *path, const geo *g, int max_version, store **out, char **err)
{
    store *s = xcalloc(1, sizeof *s);
    int rc = KL_OK;
    int target =
        max_version > 0 && max_version < STORE_SCHEMA_VERSION ? max_version : STORE_SCHEMA_VERSION;
    *out = NULL;
    s->g = g;
    /* NOMUTEX: a store is used by one thread at a time (the server opens
     * one per worker thread), so the connection's mutex, taken by every
     * sqlite3_column_* call of a search over thousands of hits, only costs
     * (a fifth of the search's instructions, bench/RESULTS.md). */
    if (sqlite3_open_v2(path, &s->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK) {
        rc = err_set(err, KL_EDB, "Datenbank „%s“ lässt sich nicht öffnen: %s", path,
                     s->db ? sqlite3_errmsg(s->db) : "kein Speicher");
        goto fail;
    }
    sqlite3_busy_timeout(s->db, 5000);
    sqlite3_extended_result_codes(s->db, 1);
    if (gtok_register(s->db) != SQLITE_OK || store_rank_register(s) != SQLITE_OK) {
        rc = store_db_error(s, err, "Registrieren der deutschen Suche");
        goto fail;
    }
    sqlite3_create_function(s->db, "kl_distance", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                            sql_distance, NULL, NULL);
    rc = exec(s,
              "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;"
              "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;"
              "PRAGMA temp_store = MEMORY;",
              err, "Einstellen der Datenbank");
    if (!rc)
        rc = migrate(s, target, err);
    if (!rc && target == STORE_SCHEMA_VERSION)
        rc = prepare_all(s, err);
    if (rc)
        goto fail;
    *out = s;
    return KL_OK;
fail:
    store_close(s);
    return rc ? rc : KL_EDB;
}

void store_set_cache_mb(store *s, int mb)
{
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA cache_size = %d", -1024 * mb);
    sqlite3_exec(s->db, pragma, NULL, NULL, NULL);
}

void store_close(store *s)
{
    if (!s)
        return;
    for (int i = 0; i < ST__COUNT; i++)
        sqlite3_finalize(s->st[i]);
    sqlite3_close(s->db);
    free(s->pend);
    free(s->fc);
    free(s->ranked);
    store_df_free(s);
    store_memo_free(s);
    store_terms_free(s);
    sbuf_free(&s->words);
    free(s);
}

int store_begin(store *s, char **err)
{
    int rc = exec(s, "BEGIN IMMEDIATE", err, "Beginnen der Transaktion");
    s->in_batch = rc == KL_OK;
    return rc;
}

static int flush_words(store *s, char **err);

/* rollback: a search inside the transaction saw its writes, and its
 * caches (facets, phrase counts, remembered answers) may hold them. */
static void rollback(store *s)
{
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    if (s->read_in_tx)
        store_cache_forget(s);
    s->read_in_tx = 0;
}

int store_commit(store *s, char **err)
{
    int rc = flush_words(s, err);
    if (rc) {
        store_rollback(s);
        return rc;
    }
    s->in_batch = 0;
    s->read_in_tx = 0;
    return exec(s, "COMMIT", err, "Abschließen der Transaktion");
}

void store_rollback(store *s)
{
    s->in_batch = 0;
    s->npend = 0;
    sbuf_reset(&s->words);
    rollback(s);
}

static void now_iso(char buf[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* joined: the values (strings or integers; with member, that member of
 * objects) of array key of j, separated by sep. Caller frees. */
static char *joined(json_t *j, const char *key, const char *member, const char *sep)
{
    sbuf b = SBUF_INIT;
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(j, key), i, v)
    {
        json_t *x = member ? json_object_get(v, member) : v;
        if (i)
            sbuf_adds(&b, sep);
        if (json_is_integer(x))
            sbuf_addf(&b, "%lld", (long long)json_integer_value(x));
        else if (json_is_string(x))
            sbuf_adds(&b, json_string_value(x));
    }
    return sbuf_take(&b);
}

static int step_done(store *s, sqlite3_stmt *st, char **err, const char *what)
{
    if (sqlite3_step(st) != SQLITE_DONE)
        return store_db_error(s, err, what);
    return KL_OK;
}

static int add_facets(store *s, sqlite3_int64 rid, json_t *j, const char *key, const char *facet,
                      char **err)
{
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(j, key), i, v)
    {
        sqlite3_stmt *st = store_stmt(s, ST_INSERT_FACET);
        char num[24];
        const char *val = json_string_value(v);
        if (json_is_integer(v)) {
            snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
            val = num;
        }
        sqlite3_bind_int64(st, 1, rid);
        store_bind_text(st, 2, facet);
        store_bind_text(st, 3, val);
        if (step_done(s, st, err, "Speichern der Facetten"))
            return KL_EDB;
    }
    return KL_OK;
}

static int add_places(store *s, sqlite3_int64 rid, json_t *j, char **err)
{
    size_t i;
    json_t *p;
    json_array_foreach(json_object_get(j, "places"), i, p)
    {
        sqlite3_stmt *st = store_stmt(s, ST_INSERT_PLACE);
        sqlite3_bind_int64(st, 1, rid);
        sqlite3_bind_int(st, 2, (int)i);
        store_bind_text(st, 3, json_string_value(json_object_get(p, "name")));
        sqlite3_bind_double(st, 4, json_number_value(json_object_get(p, "lat")));
        sqlite3_bind_double(st, 5, json_number_value(json_object_get(p, "lon")));
        store_bind_text(st, 6, json_string_value(json_object_get(p, "land")));
        if (step_done(s, st, err, "Speichern der Orte"))
            return KL_EDB;
    }
    return KL_OK;
}

/* pack_words: append the five indexed texts of entry j to pool, each
 * NUL-terminated: title, aliases, summary, organisations, place names. */
static void pack_words(json_t *j, sbuf *pool)
{
    const char *title = json_string_value(json_object_get(j, "title"));
    const char *summary = json_string_value(json_object_get(j, "summary"));
    char *parts[] = {joined(j, "aliases", NULL, " | "), joined(j, "organisations", NULL, " | "),
                     joined(j, "places", "name", " | ")};
    sbuf_add(pool, title ? title : "", title ? strlen(title) + 1 : 1);
    sbuf_add(pool, parts[0], strlen(parts[0]) + 1);
    sbuf_add(pool, summary ? summary : "", summary ? strlen(summary) + 1 : 1);
    sbuf_add(pool, parts[1], strlen(parts[1]) + 1);
    sbuf_add(pool, parts[2], strlen(parts[2]) + 1);
    for (size_t i = 0; i < 3; i++)
        free(parts[i]);
}

/* insert_words: index the packed texts at w (see pack_words) as row rid. */
static int insert_words(store *s, sqlite3_int64 rid, const char *w, char **err)
{
    sqlite3_stmt *st = store_stmt(s, ST_INSERT_FTS);
    sqlite3_bind_int64(st, 1, rid);
    for (int col = 2; col <= 6; col++) {
        sqlite3_bind_text(st, col, w, -1, SQLITE_STATIC);
        w += strlen(w) + 1;
    }
    return step_done(s, st, err, "Aktualisieren des Suchindex");
}

static int delete_words(store *s, sqlite3_int64 rid, char **err)
{
    sqlite3_stmt *st = store_stmt(s, ST_DEL_FTS);
    sqlite3_bind_int64(st, 1, rid);
    return step_done(s, st, err, "Aktualisieren des Suchindex");
}

/* Words of the full-text index. Inside a batch they are written at
 * store_commit, all at once: FTS5 writes its pending terms to disk at every
 * statement savepoint, and the other writes of an entry open such
 * savepoints, so indexing entry by entry made one tiny segment per entry
 * and bulk adds several times slower. j NULL: the entry was deleted. */
static void defer_words(store *s, sqlite3_int64 rid, json_t *j, int fresh)
{
    if (s->npend == s->cappend) {
        s->cappend = s->cappend ? 2 * s->cappend : 256;
        s->pend = xrealloc(s->pend, s->cappend * sizeof *s->pend);
    }
    struct pending *p = &s->pend[s->npend];
    p->rid = rid;
    p->fresh = fresh;
    p->seq = s->npend++;
    p->words = j ? s->words.len : (size_t)-1;
    if (j)
        pack_words(j, &s->words);
}

static int cmp_pending(const void *a, const void *b)
{
    const struct pending *x = a, *y = b;
    if (x->rid != y->rid)
        return (x->rid > y->rid) - (x->rid < y->rid);
    return (x->seq > y->seq) - (x->seq < y->seq);
}

/* flush_words: index the last version of every entry the batch touched,
 * once each. */
static int flush_words(store *s, char **err)
{
    int rc = KL_OK;
    if (s->npend) /* qsort on a NULL array is undefined even for 0 items */
        qsort(s->pend, s->npend, sizeof *s->pend, cmp_pending);
    for (size_t i = 0; i < s->npend && !rc;) {
        sqlite3_int64 rid = s->pend[i].rid;
        int fresh = 0;
        size_t last = i;
        for (; i < s->npend && s->pend[i].rid == rid; i++) {
            fresh |= s->pend[i].fresh;
            last = i;
        }
        if (!fresh)
            rc = delete_words(s, rid, err);
        if (!rc && s->pend[last].words != (size_t)-1)
            rc = insert_words(s, rid, s->words.s + s->pend[last].words, err);
    }
    s->npend = 0;
    sbuf_reset(&s->words);
    return rc;
}

/* unindex: remove what makes rid findable (facets, places, words). */
static int unindex(store *s, sqlite3_int64 rid, char **err)
{
    static const int which[] = {ST_DEL_FACETS, ST_DEL_PLACES};
    if (s->in_batch)
        defer_words(s, rid, NULL, 0);
    else if (delete_words(s, rid, err))
        return KL_EDB;
    for (size_t i = 0; i < sizeof which / sizeof which[0]; i++) {
        sqlite3_stmt *st = store_stmt(s, which[i]);
        sqlite3_bind_int64(st, 1, rid);
        if (step_done(s, st, err, "Aktualisieren des Suchindex"))
            return KL_EDB;
    }
    return KL_OK;
}

static int reindex(store *s, sqlite3_int64 rid, json_t *j, int fresh, char **err)
{
    int rc = fresh ? KL_OK : unindex(s, rid, err);
    if (!rc)
        rc = add_facets(s, rid, j, "fields", "field", err);
    if (!rc)
        rc = add_facets(s, rid, j, "target_groups", "target", err);
    if (!rc)
        rc = add_facets(s, rid, j, "years", "year", err);
    if (!rc)
        rc = add_facets(s, rid, j, "ministries", "ministry", err);
    if (!rc)
        rc = add_places(s, rid, j, err);
    if (!rc && s->in_batch) {
        defer_words(s, rid, j, fresh);
    } else if (!rc) {
        sbuf w = SBUF_INIT;
        pack_words(j, &w);
        rc = insert_words(s, rid, w.s, err);
        sbuf_free(&w);
    }
    return rc;
}

static int add_history(store *s, const char *id, int version, const char *action, const char *body,
                       const char *who, const char *at, const char *reason, char **err)
{
    sqlite3_stmt *st = store_stmt(s, ST_INSERT_HISTORY);
    store_bind_text(st, 1, id);
    sqlite3_bind_int(st, 2, version);
    store_bind_text(st, 3, action);
    store_bind_text(st, 4, body);
    store_bind_text(st, 5, who ? who : "cli");
    store_bind_text(st, 6, at);
    store_bind_text(st, 7, reason);
    return step_done(s, st, err, "Schreiben der Versionsgeschichte");
}

/* The current row of an entry, read by lookup(). */
typedef struct row {
    int found;
    sqlite3_int64 rid;
    int version, deleted;
    entry *e; /* owned */
} row;

static int lookup(store *s, const char *id, row *r, char **err)
{
    sqlite3_stmt *st = store_stmt(s, ST_GET_BY_ID);
    memset(r, 0, sizeof *r);
    store_bind_text(st, 1, id);
    int step = sqlite3_step(st);
    if (step == SQLITE_DONE)
        return KL_OK;
    if (step != SQLITE_ROW)
        return store_db_error(s, err, "Lesen eines Eintrags");
    r->found = 1;
    r->rid = sqlite3_column_int64(st, 0);
    r->version = sqlite3_column_int(st, 1);
    r->deleted = sqlite3_column_int(st, 2);
    r->e = entry_from_stored((const char *)sqlite3_column_text(st, 3));
    sqlite3_reset(st);
    return r->e ? KL_OK : err_set(err, KL_EDB, "Eintrag „%s“ ist beschädigt gespeichert", id);
}

/* vocab_mask: bit i set for the i-th term of vocabulary v named in the
 * array key of j. */
static sqlite3_int64 vocab_mask(json_t *j, const char *key, entry_vocab_id v)
{
    size_t n, i;
    const entry_term *t = entry_vocab(v, &n);
    json_t *x;
    sqlite3_int64 m = 0;
    json_array_foreach(json_object_get(j, key), i, x)
    {
        const entry_term *found = entry_vocab_find(v, json_string_value(x));
        if (found)
            m |= (sqlite3_int64)1 << (found - t);
    }
    return m;
}

/* write_version: store e as version `version` of its entry (row r, maybe
 * not found yet), index it unless deleted, and record the history row
 * that holds its JSON. */
static int write_version(store *s, row *r, entry *e, int deleted, const char *action,
                         const char *who, const char *reason, char **err)
{
    char at[32];
    now_iso(at);
    int version = r->found ? r->version + 1 : 1;
    store_cache_forget(s);
    entry_set_meta(e, version, at);
    json_t *j = entry_json(e);
    char *body = entry_dump(e);
    char *key = text_fold_dup(entry_title(e));
    char *years = joined(j, "years", NULL, ",");
    sqlite3_stmt *st = store_stmt(s, ST_UPSERT_ENTRY);
    store_bind_text(st, 1, entry_id(e));
    store_bind_text(st, 2, entry_title(e));
    store_bind_text(st, 3, key);
    store_bind_text(st, 4, entry_kind(e));
    store_bind_text(st, 5, entry_level(e));
    store_bind_text(st, 6, entry_land(e));
    store_bind_text(st, 7, entry_status(e));
    sqlite3_bind_int(st, 8, version);
    store_bind_text(st, 9, at);
    sqlite3_bind_int(st, 10, deleted);
    sqlite3_bind_int64(st, 11, vocab_mask(j, "fields", ENTRY_VOCAB_FIELD));
    sqlite3_bind_int64(st, 12, vocab_mask(j, "target_groups", ENTRY_VOCAB_TARGET));
    store_bind_text(st, 13, years);
    store_bind_text(st, 14,
                    json_string_value(json_object_get(json_object_get(j, "source"), "document")));
    int rc = KL_OK;
    if (sqlite3_step(st) != SQLITE_ROW)
        rc = store_db_error(s, err, "Speichern eines Eintrags");
    else
        r->rid = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (!rc)
        rc = deleted ? unindex(s, r->rid, err) : reindex(s, r->rid, j, !r->found, err);
    if (!rc)
        rc = add_history(s, entry_id(e), version, action, body, who, at, reason, err);
    free(body);
    free(key);
    free(years);
    return rc;
}

/* A write outside a batch is a transaction of its own. Inside a batch it
 * adds no savepoint: FTS5 flushes its pending terms to disk at every
 * savepoint, which made bulk adds several times slower; a failed write in
 * a batch leaves the batch to be rolled back whole (see store.h). */
static int tx_begin(store *s, char **err)
{
    return s->in_batch ? KL_OK : exec(s, "BEGIN IMMEDIATE", err, "Beginnen der Transaktion");
}

static int tx_end(store *s, int rc, char **err)
{
    if (s->in_batch)
        return rc;
    if (rc) {
        rollback(s);
        return rc;
    }
    s->read_in_tx = 0;
    return exec(s, "COMMIT", err, "Abschließen der Transaktion");
}

int store_put(store *s, entry *e, const char *who, const char *reason, int expect_version,
              int *changed, char **err)
{
    row r;
    int rc = tx_begin(s, err);
    *changed = 0;
    if (rc)
        return rc;
    rc = lookup(s, entry_id(e), &r, err);
    if (!rc && r.found && expect_version > 0 && r.version != expect_version)
        rc = err_set(err, KL_ECONFLICT,
                     "Eintrag „%s“ wurde inzwischen geändert (Version %d, erwartet %d)",
                     entry_id(e), r.version, expect_version);
    if (!rc && r.found && !r.deleted && entry_same_content(r.e, e)) {
        json_t *old = entry_json(r.e);
        entry_set_meta(e, r.version, json_string_value(json_object_get(old, "updated_at")));
    } else if (!rc) {
        rc = write_version(s, &r, e, 0, r.found ? "update" : "create", who, reason, err);
        *changed = rc ? 0 : r.found ? 1 : 2;
    }
    entry_free(r.e);
    return tx_end(s, rc, err);
}

int store_get(store *s, const char *id, entry **out, char **err)
{
    row r;
    *out = NULL;
    int rc = lookup(s, id, &r, err);
    if (rc)
        return rc;
    if (!r.found || r.deleted) {
        entry_free(r.e);
        if (r.found)
            return err_set(err, KL_ENOTFOUND,
                           "Eintrag „%s“ ist gelöscht (wiederherstellen: kilandkarte restore %s)",
                           id, id);
        return err_set(err, KL_ENOTFOUND, "Eintrag „%s“ nicht gefunden", id);
    }
    *out = r.e;
    return KL_OK;
}

int store_delete(store *s, const char *id, const char *who, const char *reason, char **err)
{
    row r;
    int rc = tx_begin(s, err);
    if (rc)
        return rc;
    rc = lookup(s, id, &r, err);
    if (!rc && (!r.found || r.deleted))
        rc = r.found
                 ? err_set(err, KL_ENOTFOUND, "Eintrag „%s“ nicht gefunden (schon gelöscht)", id)
                 : err_set(err, KL_ENOTFOUND, "Eintrag „%s“ nicht gefunden", id);
    if (!rc)
        rc = write_version(s, &r, r.e, 1, "delete", who, reason, err);
    entry_free(r.e);
    return tx_end(s, rc, err);
}

/* version_entry: version v of entry id from the history (0: the newest
 * that is not a deletion), or NULL. Caller frees. */
static entry *version_entry(store *s, const char *id, int v)
{
    sqlite3_stmt *st = store_stmt(s, v > 0 ? ST_HISTORY_AT : ST_LAST_LIVE);
    store_bind_text(st, 1, id);
    if (v > 0)
        sqlite3_bind_int(st, 2, v);
    entry *e = NULL;
    if (sqlite3_step(st) == SQLITE_ROW)
        e = entry_from_stored((const char *)sqlite3_column_text(st, 0));
    sqlite3_reset(st);
    return e;
}

int store_restore(store *s, const char *id, int version, const char *who, int *new_version,
                  char **err)
{
    row r;
    int rc = tx_begin(s, err);
    entry *old = NULL;
    if (rc)
        return rc;
    rc = lookup(s, id, &r, err);
    if (!rc && !r.found)
        rc = err_set(err, KL_ENOTFOUND, "Eintrag „%s“ nicht gefunden", id);
    if (!rc && !(old = version_entry(s, id, version)))
        rc = err_set(err, KL_ENOTFOUND, "Eintrag „%s“ hat keine Version %d", id, version);
    if (!rc) {
        char *why = xasprintf("Version %d wiederhergestellt", version ? version : r.version);
        rc = write_version(s, &r, old, 0, "restore", who, why, err);
        free(why);
        *new_version = r.version + 1;
    }
    entry_free(old);
    entry_free(r.e);
    return tx_end(s, rc, err);
}

int store_set_status(store *s, const char *id, const char *status, const char *who, char **err)
{
    entry *e = NULL;
    int changed = 0;
    int rc = store_get(s, id, &e, err);
    if (rc)
        return rc;
    if (!entry_vocab_find(ENTRY_VOCAB_STATUS, status))
        rc = err_set(err, KL_EINVAL, "Status „%s“ unbekannt (erlaubt: draft, published)", status);
    if (!rc) {
        entry_set_status(e, status);
        rc = store_put(s, e, who, strcmp(status, "published") ? "zurückgezogen" : "veröffentlicht",
                       0, &changed, err);
    }
    entry_free(e);
    return rc;
}

/* changed_fields: names of the top-level fields that differ from a to b. */
static json_t *changed_fields(json_t *a, json_t *b)
{
    json_t *out = json_array();
    const char *k;
    json_t *v;
    json_object_foreach(b, k, v)
    {
        if (strcmp(k, "version") == 0 || strcmp(k, "updated_at") == 0)
            continue;
        if (!a || !json_equal(json_object_get(a, k), v))
            json_array_append_new(out, json_string(k));
    }
    return out;
}

int store_history(store *s, const char *id, json_t **out, char **err)
{
    sqlite3_stmt *st = store_stmt(s, ST_HISTORY);
    json_t *list = json_array();
    store_bind_text(st, 1, id);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        json_t *body = json_loads((const char *)sqlite3_column_text(st, 2), 0, NULL);
        const char *reason = (const char *)sqlite3_column_text(st, 5);
        json_array_append_new(list,
                              json_pack("{sisssssssoso}", "version", sqlite3_column_int(st, 0),
                                        "action", (const char *)sqlite3_column_text(st, 1), "by",
                                        (const char *)sqlite3_column_text(st, 3), "at",
                                        (const char *)sqlite3_column_text(st, 4), "reason",
                                        reason ? json_string(reason) : json_null(), "entry",
                                        body ? body : json_null()));
    }
    sqlite3_reset(st);
    if (step != SQLITE_DONE) {
        json_decref(list);
        return store_db_error(s, err, "Lesen der Versionsgeschichte");
    }
    if (json_array_size(list) == 0) {
        json_decref(list);
        return err_set(err, KL_ENOTFOUND, "Eintrag „%s“ nicht gefunden", id);
    }
    /* Newest first: each version is compared with the one below it. */
    for (size_t i = 0; i < json_array_size(list); i++) {
        json_t *h = json_array_get(list, i), *prev = json_array_get(list, i + 1);
        json_object_set_new(h, "changed",
                            changed_fields(prev ? json_object_get(prev, "entry") : NULL,
                                           json_object_get(h, "entry")));
    }
    *out = list;
    return KL_OK;
}
