/* test_migrate.c: schema migrations from every earlier version. For each
 * version v below STORE_SCHEMA_VERSION: make a file at v (store_open's
 * max_version), fill it with data of that version the way a program of
 * that version wrote it (plain SQL on that version's tables), open it
 * with today's program, and check that
 *   - every row of every table that existed at v is still there, column
 *     by column (a migration never drops or changes data),
 *   - the data works through today's modules (entries, search, documents,
 *     conference, feedback, accounts),
 *   - today's writes work on it, and integrity_check and the full-text
 *     index's own check pass;
 * and that a backup of version v is restored (and migrated) by
 * backup_restore. A new migration adds a fill below for the data its
 * tables hold, so that files of its version are tested from then on. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_db.h"
#include "auth/auth.h"
#include "conference/conference.h"
#include "core/backup.h"
#include "core/gtok.h"
#include "core/store.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

static geo *g;
static char path[64], target[64];

static void exec_ok(sqlite3 *db, const char *q)
{
    char *msg = NULL;
    if (sqlite3_exec(db, q, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", q, msg);
}

/* ---- What each version holds -------------------------------------- */

/* bit: the facet bit of a term (entry.fmask / tmask, see store.c). */
static sqlite3_int64 bit(entry_vocab_id v, const char *slug)
{
    size_t n;
    const entry_term *t = entry_vocab(v, &n);
    return (sqlite3_int64)1 << (entry_vocab_find(v, slug) - t);
}

/* Entries as version 1 wrote them: the entry row, its facets and place,
 * its words in the full-text index and its JSON in history (two
 * versions of the first). */
static void fill_entries(sqlite3 *db)
{
    static const char *const in[] = {
        "{\"id\":\"by-migration\",\"title\":\"Migrationszentrum Bayern\",\"kind\":\"centre\","
        "\"land\":\"DE-BY\",\"summary\":\"Künstliche Intelligenz für Behörden\","
        "\"places\":[\"Regensburg\"],\"fields\":[\"verwaltung\"],\"target_groups\":[\"kmu\"],"
        "\"years\":[2023],\"status\":\"published\","
        "\"source\":{\"document\":\"alt.txt\",\"start\":0,\"end\":17,\"quote\":"
        "\"Migrationszentrum\"}}",
        "{\"id\":\"bund-altdaten\",\"title\":\"Altdatenprogramm\",\"kind\":\"programme\","
        "\"ministries\":[\"BMBF\"],\"summary\":\"Forschung zu Datenräumen\"}",
    };
    for (size_t i = 0; i < 2; i++) {
        json_t *j = json_loads(in[i], 0, NULL);
        entry *e = NULL;
        char *err = NULL;
        if (entry_parse(j, g, NULL, &e, &err))
            fail_msg("%s", err);
        json_decref(j);
        int versions = i == 0 ? 2 : 1;
        for (int v = 1; v <= versions; v++) {
            entry_set_meta(e, v, "2025-01-01T00:00:00Z");
            char *body = entry_dump(e);
            sqlite3_stmt *st;
            sqlite3_prepare_v2(db,
                               "INSERT INTO history(id, version, action, body, changed_by,"
                               " changed_at, reason) VALUES (?1, ?2, ?3, ?4, 'alt', ?5, ?6)",
                               -1, &st, NULL);
            sqlite3_bind_text(st, 1, entry_id(e), -1, SQLITE_STATIC);
            sqlite3_bind_int(st, 2, v);
            sqlite3_bind_text(st, 3, v == 1 ? "create" : "update", -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 4, body, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 5, "2025-01-01T00:00:00Z", -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 6, v == 1 ? NULL : "Tippfehler", -1, SQLITE_STATIC);
            assert_int_equal(sqlite3_step(st), SQLITE_DONE);
            sqlite3_finalize(st);
            free(body);
        }
        sqlite3_stmt *st;
        sqlite3_prepare_v2(db,
                           "INSERT INTO entry(rid, id, title, title_key, kind, level, land,"
                           " status, version, updated_at, fmask, tmask, years)"
                           " VALUES (?1, ?2, ?3, lower(?3), ?4, ?5, ?6, ?7, ?8,"
                           " '2025-01-01T00:00:00Z', ?9, ?10, ?11)",
                           -1, &st, NULL);
        sqlite3_bind_int(st, 1, (int)i + 1);
        sqlite3_bind_text(st, 2, entry_id(e), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, entry_title(e), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, entry_kind(e), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, entry_level(e), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, entry_land(e), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 7, entry_status(e), -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 8, versions);
        sqlite3_bind_int64(st, 9, i == 0 ? bit(ENTRY_VOCAB_FIELD, "verwaltung") : 0);
        sqlite3_bind_int64(st, 10, i == 0 ? bit(ENTRY_VOCAB_TARGET, "kmu") : 0);
        sqlite3_bind_text(st, 11, i == 0 ? "2023" : "", -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(st), SQLITE_DONE);
        sqlite3_finalize(st);
        entry_free(e);
    }
    exec_ok(db, "INSERT INTO entry_facet(rid, facet, value) VALUES (1, 'field', 'verwaltung'),"
                " (1, 'target', 'kmu'), (1, 'year', '2023'), (2, 'ministry', 'BMBF');"
                "INSERT INTO entry_place(rid, idx, name, lat, lon, land)"
                " VALUES (1, 0, 'Regensburg', 49.01513, 12.10161, 'DE-BY');"
                "INSERT INTO entry_fts(rowid, title, aliases, summary, organisations, places)"
                " VALUES (1, 'Migrationszentrum Bayern', '', 'Künstliche Intelligenz für"
                " Behörden', '', 'Regensburg'),"
                " (2, 'Altdatenprogramm', '', 'Forschung zu Datenräumen', '', '');");
    /* From version 7 on the program writes the cited document beside. */
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info('entry') WHERE name = 'doc'", -1, &st,
                       NULL);
    int has_doc = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (has_doc)
        exec_ok(db, "UPDATE entry SET doc = 'alt.txt' WHERE id = 'by-migration'");
}

static int count_cited(void *ctx, const entry *e)
{
    assert_string_equal(entry_id(e), "by-migration");
    ++*(int *)ctx;
    return 0;
}

static void check_entries(store *s)
{
    /* The cited document, read from history into its column (7). */
    int cited = 0;
    assert_int_equal(store_each_cited(s, "alt.txt", NULL, &cited, count_cited, NULL), KL_OK);
    assert_int_equal(cited, 1);
    cited = 0;
    assert_int_equal(store_each_cited(s, "alt.txt", "draft", &cited, count_cited, NULL), KL_OK);
    assert_int_equal(cited, 0);

    entry *e = NULL;
    assert_int_equal(store_get(s, "by-migration", &e, NULL), KL_OK);
    assert_string_equal(entry_title(e), "Migrationszentrum Bayern");
    assert_int_equal(entry_version(e), 2);
    entry_free(e);
    json_t *h;
    assert_int_equal(store_history(s, "by-migration", &h, NULL), KL_OK);
    assert_int_equal(json_array_size(h), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(h, 0), "reason")),
                        "Tippfehler");
    json_decref(h);
    /* The German search finds them by stem and compound part. */
    store_query q = {.q = "Behörde", .facets = 1};
    json_t *r;
    assert_int_equal(store_search(s, &q, &r, NULL), KL_OK);
    assert_int_equal(json_integer_value(json_object_get(r, "total")), 1);
    assert_int_equal(json_integer_value(json_object_get(
                         json_object_get(json_object_get(r, "facets"), "field"), "verwaltung")),
                     1);
    json_decref(r);
    store_query near = {.has_near = 1, .near_lat = 49.0, .near_lon = 12.1, .km = 10};
    assert_int_equal(store_search(s, &near, &r, NULL), KL_OK);
    assert_int_equal(json_integer_value(json_object_get(r, "total")), 1);
    json_decref(r);
    store_query pr = {.q = "Programm"}; /* a part of "Altdatenprogramm" */
    assert_int_equal(store_search(s, &pr, &r, NULL), KL_OK);
    assert_int_equal(json_integer_value(json_object_get(r, "total")), 1);
    json_decref(r);
}

static void fill_documents(sqlite3 *db)
{
    exec_ok(db, "INSERT INTO document(name, sha256, kind, title, imported_at, text)"
                " VALUES ('alt.txt', 'abc', 'protocol', 'Altes Protokoll',"
                " '2025-01-01T00:00:00Z', 'TOP 1 Künstliche Intelligenz')");
}

static void check_documents(store *s)
{
    char *text = NULL;
    size_t n;
    assert_int_equal(store_get_document(s, "alt.txt", &text, &n, NULL), KL_OK);
    assert_string_equal(text, "TOP 1 Künstliche Intelligenz");
    free(text);
}

static void fill_conference(sqlite3 *db)
{
    exec_ok(db, "INSERT INTO conf_body(id, name, kind) VALUES ('dmk', 'Digitalministerkonferenz',"
                " 'conference');"
                "INSERT INTO conf_meeting(id, body, number, year, date, place, mode)"
                " VALUES ('dmk-2024-1', 'dmk', 1, 2024, '2024-04-19', 'Berlin', 'on-site');"
                "INSERT INTO conf_agenda(id, meeting, number, ord, title)"
                " VALUES ('dmk-2024-1-top1', 'dmk-2024-1', '1', 1, 'Begrüßung');"
                "INSERT INTO conf_resolution(id, body, meeting, agenda, point, text)"
                " VALUES ('dmk-2024-1-top1-1', 'dmk', 'dmk-2024-1', 'dmk-2024-1-top1', 1,"
                " 'Die DMK bittet um Bericht.');"
                "INSERT INTO conf_task(id, resolution, owner, status)"
                " VALUES ('dmk-2024-1-top1-1-t1', 'dmk-2024-1-top1-1', 'Vorsitz', 'done');");
}

static void check_conference(store *s)
{
    conf *c = NULL;
    json_t *m, *t;
    assert_int_equal(conf_open(s, &c, NULL), KL_OK);
    assert_int_equal(conf_meetings(c, &m, NULL), KL_OK);
    assert_int_equal(json_array_size(m), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(m, 0), "id")),
                        "dmk-2024-1");
    json_decref(m);
    assert_int_equal(conf_tasks(c, 0, &t, NULL), KL_OK);
    assert_int_equal(json_array_size(t), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(t, 0), "status")), "done");
    json_decref(t);
    conf_close(c);
}

static void fill_feedback(sqlite3 *db)
{
    exec_ok(db, "INSERT INTO feedback(received_at, page, message, contact, status)"
                " VALUES ('2025-01-01T00:00:00Z', '/karte', 'Kontrast zu schwach', NULL,"
                " 'done'), ('2025-01-02T00:00:00Z', NULL, 'Danke', 'a@b.de', 'new')");
}

static void check_feedback(store *s)
{
    json_t *l;
    assert_int_equal(store_list_feedback(s, 0, &l, NULL), KL_OK);
    assert_int_equal(json_array_size(l), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(l, 1), "message")),
                        "Kontrast zu schwach");
    json_decref(l);
}

/* Accounts as migration 5 holds them: a user whose hash the program of
 * that version made, a token, a session, audit rows. */
static void fill_accounts(sqlite3 *db)
{
    char hash[crypto_pwhash_STRBYTES], q[600];
    assert_int_equal(crypto_pwhash_str(hash, "altes-langes-Passwort", 21,
                                       crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN),
                     0);
    snprintf(q, sizeof q,
             "INSERT INTO auth_user(id, name, role, land, ministries, pwhash, created_at)"
             " VALUES (1, 'alt.bayern', 'land-editor', 'DE-BY', '', '%s',"
             " '2025-01-01T00:00:00Z');"
             "INSERT INTO auth_audit(at, user, address, action) VALUES"
             " ('2025-01-01T00:00:00Z', 'alt.bayern', '10.0.0.1', 'login');",
             hash);
    exec_ok(db, q);
}

static void check_accounts(store *s)
{
    auth *a = NULL;
    auth_user u;
    auth_session sess;
    int wait;
    auth_config cfg = {.pw_ops = crypto_pwhash_OPSLIMIT_MIN, .pw_mem = crypto_pwhash_MEMLIMIT_MIN};
    assert_int_equal(auth_open(s, &cfg, &a, NULL), KL_OK);
    assert_int_equal(
        auth_login(a, "alt.bayern", "altes-langes-Passwort", NULL, &sess, &u, &wait, NULL), KL_OK);
    assert_string_equal(u.land, "DE-BY");
    auth_close(a);
}

static const struct fill {
    int since;         /* the first version with these tables */
    const char *table; /* one of them, which the fill must not leave empty */
    void (*fill)(sqlite3 *db);
    void (*check)(store *s);
} fills[] = {
    {1, "entry", fill_entries, check_entries},
    {2, "document", fill_documents, check_documents},
    {3, "conf_task", fill_conference, check_conference},
    {4, "feedback", fill_feedback, check_feedback},
    {5, "auth_user", fill_accounts, check_accounts},
};
#define N_FILLS (sizeof fills / sizeof fills[0])

/* ---- Nothing lost: every row of every old table, column by column --- */

/* snapshot: for every table of db (but the full-text index's own, whose
 * pages FTS5 may reorganise), "table|row as text" lines in a fixed
 * order, reading only the columns listed in cols (NULL: all of today's).
 * Returns the text; *cols_out (may be NULL) receives per table the
 * column list used, for reading the same columns later. */
static char *snapshot(sqlite3 *db, json_t *cols, json_t **cols_out)
{
    sbuf b = SBUF_INIT;
    json_t *used = json_object();
    sqlite3_stmt *t;
    sqlite3_prepare_v2(db,
                       "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE"
                       " 'sqlite_%' AND name NOT LIKE 'entry_fts%' ORDER BY name",
                       -1, &t, NULL);
    while (sqlite3_step(t) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(t, 0);
        json_t *list = cols ? json_object_get(cols, name) : NULL;
        sbuf q = SBUF_INIT;
        if (cols && !list)
            continue; /* a table the old version did not have */
        if (!list) {
            sqlite3_stmt *c;
            char *pq = xasprintf("SELECT name FROM pragma_table_info('%s') ORDER BY cid", name);
            list = json_array();
            sqlite3_prepare_v2(db, pq, -1, &c, NULL);
            while (sqlite3_step(c) == SQLITE_ROW)
                json_array_append_new(list, json_string((const char *)sqlite3_column_text(c, 0)));
            sqlite3_finalize(c);
            free(pq);
            json_object_set_new(used, name, list);
        }
        sbuf_adds(&q, "SELECT quote(");
        for (size_t i = 0; i < json_array_size(list); i++)
            sbuf_addf(&q, "%s\"%s\"", i ? ") || '|' || quote(" : "",
                      json_string_value(json_array_get(list, i)));
        sbuf_addf(&q, ") AS r FROM \"%s\" ORDER BY r", name);
        sqlite3_stmt *rows;
        if (sqlite3_prepare_v2(db, sbuf_cstr(&q), -1, &rows, NULL) != SQLITE_OK)
            fail_msg("table %s after migration: %s", name, sqlite3_errmsg(db));
        while (sqlite3_step(rows) == SQLITE_ROW)
            sbuf_addf(&b, "%s|%s\n", name, (const char *)sqlite3_column_text(rows, 0));
        sqlite3_finalize(rows);
        sbuf_free(&q);
    }
    sqlite3_finalize(t);
    /* Tables the old version had must all still be there. */
    const char *k;
    json_t *v;
    json_object_foreach(cols, k, v)
    {
        char *pq = xasprintf("SELECT 1 FROM sqlite_schema WHERE name = '%s'", k);
        sqlite3_stmt *c;
        sqlite3_prepare_v2(db, pq, -1, &c, NULL);
        if (sqlite3_step(c) != SQLITE_ROW)
            fail_msg("table %s is gone after the migration", k);
        sqlite3_finalize(c);
        free(pq);
    }
    if (cols_out)
        *cols_out = used;
    else
        json_decref(used);
    return sbuf_take(&b);
}

/* make_old: a file at version v holding the data of version v. */
static void make_old(int v)
{
    store *s = NULL;
    sqlite3 *db;
    test_unlink_db(path);
    assert_int_equal(store_open(path, g, v, &s, NULL), KL_OK);
    assert_int_equal(store_schema_version(s), v);
    store_close(s);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(gtok_register(db), SQLITE_OK);
    exec_ok(db, "BEGIN");
    for (size_t i = 0; i < N_FILLS; i++)
        if (fills[i].since <= v)
            fills[i].fill(db);
    exec_ok(db, "COMMIT");
    sqlite3_close(db);
}

static void check_integrity(store *s)
{
    sqlite3_stmt *st;
    sqlite3_prepare_v2(store_sqlite(s), "PRAGMA integrity_check", -1, &st, NULL);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
    sqlite3_finalize(st);
    exec_ok(store_sqlite(s), "INSERT INTO entry_fts(entry_fts) VALUES ('integrity-check')");
}

/* today_writes: what today's program writes works on the migrated file. */
static void today_writes(store *s)
{
    json_t *j = json_loads("{\"title\":\"Neu nach der Migration\",\"kind\":\"study\","
                           "\"land\":\"DE-SL\",\"summary\":\"Sprachmodelle\"}",
                           0, NULL);
    entry *e = NULL;
    int changed;
    long long id;
    assert_int_equal(entry_parse(j, g, NULL, &e, NULL), KL_OK);
    json_decref(j);
    assert_int_equal(store_put(s, e, "test", NULL, 0, &changed, NULL), KL_OK);
    entry_free(e);
    assert_int_equal(store_delete(s, "by-migration", "test", "Migrationstest", NULL), KL_OK);
    int nv;
    assert_int_equal(store_restore(s, "by-migration", 0, "test", &nv, NULL), KL_OK);
    assert_int_equal(nv, 4);
    assert_int_equal(store_add_feedback(s, NULL, "nach der Migration", NULL, &id, NULL), KL_OK);
    store_query q = {.q = "Sprachmodell"};
    json_t *r;
    assert_int_equal(store_search(s, &q, &r, NULL), KL_OK);
    assert_int_equal(json_integer_value(json_object_get(r, "total")), 1);
    json_decref(r);
    auth *a = NULL;
    auth_config cfg = {.pw_ops = crypto_pwhash_OPSLIMIT_MIN, .pw_mem = crypto_pwhash_MEMLIMIT_MIN};
    auth_user spec = {.name = "neu", .role = AUTH_ADMIN};
    assert_int_equal(auth_open(s, &cfg, &a, NULL), KL_OK);
    assert_int_equal(auth_user_add(a, &spec, "ganz-neues-Passwort", NULL, NULL, NULL), KL_OK);
    auth_close(a);
}

static void test_from_every_version(void **state)
{
    (void)state;
    int tested = 0;
    for (int v = 1; v < STORE_SCHEMA_VERSION; v++) {
        json_t *cols = NULL;
        sqlite3 *db;
        store *s = NULL;
        char *err = NULL;
        make_old(v);
        assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
        char *before = snapshot(db, NULL, &cols);
        sqlite3_close(db);
        /* Data of every kind the version has went in. */
        for (size_t i = 0; i < N_FILLS; i++)
            if (fills[i].since <= v) {
                char *line = xasprintf("\n%s|", fills[i].table);
                if (strncmp(before, line + 1, strlen(line + 1)) != 0 && !strstr(before, line))
                    fail_msg("version %d: no rows in %s", v, fills[i].table);
                free(line);
            }

        if (store_open(path, g, 0, &s, &err) != KL_OK)
            fail_msg("version %d: %s", v, err);
        assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
        char *after = snapshot(store_sqlite(s), cols, NULL);
        if (strcmp(before, after) != 0)
            fail_msg("version %d: rows changed by the migration:\n%s\n---\n%s", v, before, after);
        for (size_t i = 0; i < N_FILLS; i++)
            if (fills[i].since <= v)
                fills[i].check(s);
        check_integrity(s);
        today_writes(s);
        check_integrity(s);
        store_close(s);
        free(before);
        free(after);
        json_decref(cols);
        tested++;
    }
    assert_int_equal(tested, STORE_SCHEMA_VERSION - 1);
}

/* A backup written by any earlier version is restored and migrated. */
static void test_restore_every_version(void **state)
{
    (void)state;
    for (int v = 1; v < STORE_SCHEMA_VERSION; v++) {
        int version = 0, kept = -1;
        char *err = NULL;
        store *s = NULL;
        make_old(v);
        test_unlink_db(target);
        /* One target created, one replaced (kept as .bak). */
        if (backup_restore(target, path, g, &version, &kept, &err) != KL_OK)
            fail_msg("version %d: %s", v, err);
        assert_int_equal(version, v);
        assert_int_equal(kept, 0);
        assert_int_equal(backup_restore(target, path, g, &version, &kept, NULL), KL_OK);
        assert_int_equal(kept, 1);
        assert_int_equal(store_open(target, g, 0, &s, NULL), KL_OK);
        assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
        check_entries(s);
        check_integrity(s);
        store_close(s);
        /* The backup file itself is left as it was: still version v. */
        sqlite3 *db;
        sqlite3_open(path, &db);
        sqlite3_stmt *st;
        sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(st, 0), v);
        sqlite3_finalize(st);
        sqlite3_close(db);
    }
}

/* The fills of the current version must work too, so that they are
 * ready when the next migration makes this version an earlier one. */
static void test_fills_current(void **state)
{
    (void)state;
    store *s = NULL;
    make_old(STORE_SCHEMA_VERSION);
    assert_int_equal(store_open(path, g, 0, &s, NULL), KL_OK);
    for (size_t i = 0; i < N_FILLS; i++)
        fills[i].check(s);
    check_integrity(s);
    store_close(s);
    assert_true(fills[N_FILLS - 1].since <= STORE_SCHEMA_VERSION);
}

static int setup(void **state)
{
    (void)state;
    snprintf(path, sizeof path, "/tmp/kl-test-migrate-%d.db", (int)getpid());
    snprintf(target, sizeof target, "/tmp/kl-test-migrate-%d-target.db", (int)getpid());
    return sodium_init() < 0 || geo_open_builtin(&g, NULL) ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    test_unlink_db(path);
    test_unlink_db(target);
    geo_free(g);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_from_every_version),
        cmocka_unit_test(test_restore_every_version),
        cmocka_unit_test(test_fills_current),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
