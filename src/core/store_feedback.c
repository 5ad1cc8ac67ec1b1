/* store_feedback.c: messages from the feedback form (see store.h). Only
 * the admins read them; the public can only add. */
#include <string.h>
#include <time.h>

#include "core/store_int.h"
#include "util/err.h"
#include "util/text.h"

/* check_text: s is NULL (when optional), or valid UTF-8 of 1..max bytes. */
static int check_text(const char *s, const char *field, size_t max, int required, char **err)
{
    if (!s || !*s)
        return required ? err_set(err, KL_EINVAL, "Feld „%s“: fehlt, ist aber Pflicht", field)
                        : KL_OK;
    size_t n = strlen(s);
    if (n > max)
        return err_set(err, KL_EINVAL, "Feld „%s“: länger als %zu Bytes", field, max);
    if (!text_utf8_valid(s, n, NULL))
        return err_set(err, KL_EINVAL, "Feld „%s“: ungültiges UTF-8", field);
    return KL_OK;
}

int store_add_feedback(store *s, const char *page, const char *message, const char *contact,
                       long long *id, char **err)
{
    char at[32];
    time_t t = time(NULL);
    struct tm tm;
    sqlite3_stmt *st;
    int rc = check_text(message, "message", 5000, 1, err);
    if (!rc)
        rc = check_text(page, "page", 500, 0, err);
    if (!rc)
        rc = check_text(contact, "contact", 500, 0, err);
    if (rc)
        return rc;
    gmtime_r(&t, &tm);
    strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO feedback(received_at, page, message, contact)"
                           " VALUES (?1, ?2, ?3, ?4)",
                           -1, &st, NULL) != SQLITE_OK)
        return store_db_error(s, err, "Speichern einer Rückmeldung");
    sqlite3_bind_text(st, 1, at, -1, SQLITE_STATIC);
    store_bind_text(st, 2, page && *page ? page : NULL);
    store_bind_text(st, 3, message);
    store_bind_text(st, 4, contact && *contact ? contact : NULL);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = store_db_error(s, err, "Speichern einer Rückmeldung");
    else
        *id = (long long)sqlite3_last_insert_rowid(s->db);
    sqlite3_finalize(st);
    return rc;
}

static json_t *text_or_null(sqlite3_stmt *st, int col)
{
    const char *v = (const char *)sqlite3_column_text(st, col);
    return v ? json_string(v) : json_null();
}

int store_list_feedback(store *s, int only_new, json_t **out, char **err)
{
    sqlite3_stmt *st;
    *out = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT id, received_at, page, message, contact, status FROM feedback"
                           " WHERE ?1 = 0 OR status = 'new' ORDER BY id DESC",
                           -1, &st, NULL) != SQLITE_OK)
        return store_db_error(s, err, "Lesen der Rückmeldungen");
    sqlite3_bind_int(st, 1, only_new);
    json_t *a = json_array();
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW)
        json_array_append_new(a, json_pack("{sI so so so so so}", "id",
                                           (json_int_t)sqlite3_column_int64(st, 0), "received_at",
                                           text_or_null(st, 1), "page", text_or_null(st, 2),
                                           "message", text_or_null(st, 3), "contact",
                                           text_or_null(st, 4), "status", text_or_null(st, 5)));
    sqlite3_finalize(st);
    if (step != SQLITE_DONE) {
        json_decref(a);
        return store_db_error(s, err, "Lesen der Rückmeldungen");
    }
    *out = a;
    return KL_OK;
}

int store_feedback_done(store *s, long long id, char **err)
{
    sqlite3_stmt *st;
    int rc = KL_OK;
    if (sqlite3_prepare_v2(s->db, "UPDATE feedback SET status = 'done' WHERE id = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        return store_db_error(s, err, "Ändern einer Rückmeldung");
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = store_db_error(s, err, "Ändern einer Rückmeldung");
    else if (sqlite3_changes(s->db) == 0)
        rc = err_set(err, KL_ENOTFOUND, "Rückmeldung %lld nicht gefunden", id);
    sqlite3_finalize(st);
    return rc;
}
