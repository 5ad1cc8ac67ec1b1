/* store_doc.c: the source documents entries cite (see store.h). */
#include <sodium.h>
#include <string.h>
#include <time.h>

#include "core/store_int.h"
#include "util/err.h"
#include "util/xalloc.h"

static void sha256_hex(const char *text, size_t n, char out[65])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)text, n);
    sodium_bin2hex(out, 65, h, sizeof h);
}

int store_put_document(store *s, const char *name, const char *kind, const char *title,
                       const char *text, size_t n, int *changed, char **err)
{
    char hex[65], at[32];
    sqlite3_stmt *st = NULL;
    int rc = KL_OK;
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
    sha256_hex(text, n, hex);
    *changed = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT name FROM document WHERE sha256 = ?1", -1, &st, NULL) !=
        SQLITE_OK)
        return store_db_error(s, err, "Lesen der Dokumente");
    sqlite3_bind_text(st, 1, hex, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *other = (const char *)sqlite3_column_text(st, 0);
        if (strcmp(other, name) != 0)
            rc = err_set(err, KL_ECONFLICT, "derselbe Text ist schon als „%s“ gespeichert", other);
        sqlite3_finalize(st);
        return rc;
    }
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO document(name, sha256, kind, title, imported_at, created,"
                           " text) VALUES (?1,?2,?3,?4,?5,?5,?6) ON CONFLICT(name) DO UPDATE SET"
                           " sha256=excluded.sha256, kind=excluded.kind, title=excluded.title,"
                           " imported_at=excluded.imported_at, text=excluded.text",
                           -1, &st, NULL) != SQLITE_OK)
        return store_db_error(s, err, "Speichern eines Dokuments");
    int existed = 0;
    {
        sqlite3_stmt *q;
        if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM document WHERE name = ?1", -1, &q, NULL) ==
            SQLITE_OK) {
            sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
            existed = sqlite3_step(q) == SQLITE_ROW;
        }
        sqlite3_finalize(q);
    }
    store_bind_text(st, 1, name);
    sqlite3_bind_text(st, 2, hex, -1, SQLITE_STATIC);
    store_bind_text(st, 3, kind);
    store_bind_text(st, 4, title);
    sqlite3_bind_text(st, 5, at, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, text, (int)n, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = store_db_error(s, err, "Speichern eines Dokuments");
    else
        *changed = existed ? 2 : 1;
    sqlite3_finalize(st);
    return rc;
}

int store_get_document(store *s, const char *name, char **text, size_t *n, char **err)
{
    sqlite3_stmt *st;
    int rc = KL_OK;
    *text = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT text FROM document WHERE name = ?1", -1, &st, NULL) !=
        SQLITE_OK)
        return store_db_error(s, err, "Lesen eines Dokuments");
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        *n = (size_t)sqlite3_column_bytes(st, 0);
        *text = xstrndup((const char *)sqlite3_column_text(st, 0), *n);
    } else {
        rc = err_set(err, KL_ENOTFOUND, "Dokument „%s“ nicht gefunden", name);
    }
    sqlite3_finalize(st);
    return rc;
}

int store_document_info(store *s, const char *name, char **kind, char **title, char **err)
{
    sqlite3_stmt *st;
    int rc = KL_OK;
    *kind = *title = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT kind, title FROM document WHERE name = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        return store_db_error(s, err, "Lesen eines Dokuments");
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        if (sqlite3_column_type(st, 0) != SQLITE_NULL)
            *kind = xstrdup((const char *)sqlite3_column_text(st, 0));
        if (sqlite3_column_type(st, 1) != SQLITE_NULL)
            *title = xstrdup((const char *)sqlite3_column_text(st, 1));
    } else {
        rc = err_set(err, KL_ENOTFOUND, "Dokument „%s“ nicht gefunden", name);
    }
    sqlite3_finalize(st);
    return rc;
}

int store_each_cited(store *s, const char *name, const char *status, void *ctx, store_each_fn fn,
                     char **err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT h.body FROM entry e JOIN history h ON h.id = e.id"
                           " AND h.version = e.version WHERE e.doc = ?1 AND NOT e.deleted"
                           " AND (?2 IS NULL OR e.status = ?2) ORDER BY e.id",
                           -1, &st, NULL) != SQLITE_OK)
        return store_db_error(s, err, "Lesen der Einträge eines Dokuments");
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    store_bind_text(st, 2, status);
    return store_each_row(s, st, ctx, fn, "Lesen der Einträge eines Dokuments", err);
}
