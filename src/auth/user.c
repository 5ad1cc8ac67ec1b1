/* user.c: accounts: add, read, list, disable, new password (see auth.h). */
#include <stdio.h>
#include <string.h>

#include "auth/auth_int.h"
#include "core/geo.h"
#include "util/err.h"
#include "util/sbuf.h"

/* check_name: lower-case [a-z0-9._-], a letter first, 1..AUTH_NAME_MAX. */
static int check_name(const char *name, char **err)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0)
        return err_set(err, KL_EINVAL, "Feld „name“: fehlt");
    if (n > AUTH_NAME_MAX)
        return err_set(err, KL_EINVAL, "Feld „name“: länger als %d Bytes", AUTH_NAME_MAX);
    if (!(name[0] >= 'a' && name[0] <= 'z'))
        return err_set(err, KL_EINVAL, "Feld „name“: muss mit einem Kleinbuchstaben a-z beginnen");
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            return err_set(err, KL_EINVAL,
                           "Feld „name“: nur a-z, 0-9, Punkt, Binde- und Unterstrich erlaubt");
    }
    return KL_OK;
}

/* check_scope: land and ministries fit the role; *land_code and m (the
 * ministries as stored, "BMBF,BMI") receive the normalised values. */
static int check_scope(const auth_user *spec, const char **land_code, sbuf *m, char **err)
{
    int land_editor = spec->role == AUTH_LAND_EDITOR;
    int federal = spec->role == AUTH_FEDERAL_EDITOR;
    *land_code = NULL;
    if (spec->role < AUTH_ADMIN || spec->role > AUTH_FEDERAL_EDITOR)
        return err_set(err, KL_EINVAL, "Feld „role“: unbekannte Rolle");
    if (land_editor && !spec->land)
        return err_set(err, KL_EINVAL, "Feld „land“: eine Landesredaktion braucht ein Land");
    if (!land_editor && spec->land)
        return err_set(err, KL_EINVAL, "Feld „land“: nur die Rolle land-editor hat ein Land");
    if (spec->land) {
        const geo_land *l = geo_land_by_code(spec->land);
        if (!l)
            return err_set(err, KL_EINVAL, "Feld „land“: „%s“ ist kein Land (erwartet z. B. DE-BY)",
                           spec->land);
        *land_code = l->code;
    }
    if (federal && spec->nministries == 0)
        return err_set(
            err, KL_EINVAL,
            "Feld „ministries“: eine Bundesredaktion braucht mindestens ein Ministerium");
    if (!federal && spec->nministries)
        return err_set(err, KL_EINVAL,
                       "Feld „ministries“: nur die Rolle federal-editor hat Ministerien");
    if (spec->nministries > AUTH_MINISTRIES_MAX)
        return err_set(err, KL_EINVAL, "Feld „ministries“: mehr als %d", AUTH_MINISTRIES_MAX);
    for (size_t i = 0; i < spec->nministries; i++) {
        const char *want = spec->ministries[i];
        size_t count;
        const entry_term *t = entry_vocab(ENTRY_VOCAB_MINISTRY, &count), *hit = NULL;
        for (size_t k = 0; k < count && want && !hit; k++)
            if (strcasecmp(t[k].slug, want) == 0)
                hit = &t[k];
        if (!hit) {
            sbuf_reset(m);
            return err_set(err, KL_EINVAL,
                           "Feld „ministries“: „%s“ ist kein Bundesministerium (z. B. BMBF, BMI)",
                           want ? want : "");
        }
        if (m->len)
            sbuf_addc(m, ',');
        sbuf_adds(m, hit->slug);
    }
    return KL_OK;
}

int auth_user_add(auth *a, const auth_user *spec, const char *password, const char *by,
                  const char *addr, char **err)
{
    char hash[crypto_pwhash_STRBYTES], at[32];
    const char *land = NULL;
    sbuf m = SBUF_INIT;
    int rc = check_name(spec->name, err), own = 0;
    if (!rc)
        rc = check_scope(spec, &land, &m, err);
    if (!rc)
        rc = auth_password_check(password, err);
    /* The slow hash before the transaction: nobody waits on the lock. */
    if (!rc)
        rc = auth_hash_password(a, password, hash, err);
    if (!rc)
        rc = auth_tx_begin(a, &own, err);
    if (rc) {
        sbuf_free(&m);
        return rc;
    }
    auth_iso(auth_now(a), at);
    sqlite3_stmt *st = auth_stmt(a, AQ_USER_INSERT);
    auth_bind(st, 1, spec->name);
    auth_bind(st, 2, auth_role_name(spec->role));
    auth_bind(st, 3, land);
    auth_bind(st, 4, sbuf_cstr(&m));
    auth_bind(st, 5, hash);
    auth_bind(st, 6, at);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step == SQLITE_CONSTRAINT_UNIQUE)
        rc = err_set(err, KL_ECONFLICT, "Konto „%s“ gibt es schon", spec->name);
    else if (step != SQLITE_DONE)
        rc = auth_db_error(a, err, "Anlegen eines Kontos");
    if (!rc) {
        char detail[200];
        snprintf(detail, sizeof detail, "%s%s%s%s%s", auth_role_name(spec->role), land ? " " : "",
                 land ? land : "", m.len ? " " : "", sbuf_cstr(&m));
        rc = auth_audit(a, by, addr, "user-add", spec->name, detail, err);
    }
    sodium_memzero(hash, sizeof hash);
    sbuf_free(&m);
    return auth_tx_end(a, own, rc, err);
}

/* get: the account name with its hash (hash may be NULL). */
static int get(auth *a, const char *name, auth_user *out, char hash[crypto_pwhash_STRBYTES],
               char **err)
{
    sqlite3_stmt *st = auth_stmt(a, AQ_USER_BY_NAME);
    auth_bind(st, 1, name);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        auth_user_from_row(st, 0, out);
        if (hash)
            snprintf(hash, crypto_pwhash_STRBYTES, "%s", (const char *)sqlite3_column_text(st, 6));
    }
    sqlite3_reset(st);
    if (step == SQLITE_ROW)
        return KL_OK;
    if (step != SQLITE_DONE)
        return auth_db_error(a, err, "Lesen eines Kontos");
    return err_set(err, KL_ENOTFOUND, "Konto „%s“ nicht gefunden", name ? name : "");
}

int auth_user_with_hash(auth *a, const char *name, auth_user *out,
                        char hash[crypto_pwhash_STRBYTES], char **err)
{
    return get(a, name, out, hash, err);
}

int auth_user_get(auth *a, const char *name, auth_user *out, char **err)
{
    return get(a, name, out, NULL, err);
}

static json_t *text_or_null(sqlite3_stmt *st, int col)
{
    const char *v = (const char *)sqlite3_column_text(st, col);
    return v ? json_string(v) : json_null();
}

int auth_user_list(auth *a, json_t **out, char **err)
{
    sqlite3_stmt *st = auth_stmt(a, AQ_USER_LIST);
    json_t *list = json_array();
    int step;
    *out = NULL;
    sqlite3_bind_int64(st, 1, (sqlite3_int64)auth_now(a));
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        json_t *m = json_array();
        const char *p = (const char *)sqlite3_column_text(st, 3);
        while (p && *p) {
            size_t n = strcspn(p, ",");
            json_array_append_new(m, json_stringn(p, n));
            p += n + (p[n] == ',');
        }
        json_array_append_new(list,
                              json_pack("{so so so so sb so sI sI}", "name", text_or_null(st, 0),
                                        "role", text_or_null(st, 1), "land", text_or_null(st, 2),
                                        "ministries", m, "disabled", sqlite3_column_int(st, 4),
                                        "created_at", text_or_null(st, 5), "sessions",
                                        (json_int_t)sqlite3_column_int64(st, 6), "tokens",
                                        (json_int_t)sqlite3_column_int64(st, 7)));
    }
    sqlite3_reset(st);
    if (step != SQLITE_DONE) {
        json_decref(list);
        return auth_db_error(a, err, "Lesen der Konten");
    }
    *out = list;
    return KL_OK;
}

/* end_sessions: delete every session of user id; *n how many. */
static int end_sessions(auth *a, long long id, int *n, char **err)
{
    sqlite3_stmt *st = auth_stmt(a, AQ_SESSION_DEL_USER);
    sqlite3_bind_int64(st, 1, id);
    int rc = auth_step_done(a, st, err, "Beenden der Sitzungen");
    if (n)
        *n = rc ? 0 : sqlite3_changes(a->db);
    return rc;
}

int auth_user_disable(auth *a, const char *name, int disabled, const char *by, const char *addr,
                      char **err)
{
    int own, rc = auth_tx_begin(a, &own, err);
    if (rc)
        return rc;
    sqlite3_stmt *st = auth_stmt(a, AQ_USER_DISABLE);
    auth_bind(st, 1, name);
    sqlite3_bind_int(st, 2, disabled ? 1 : 0);
    int step = sqlite3_step(st);
    long long id = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    if (step == SQLITE_ROW)
        step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step != SQLITE_DONE)
        rc = auth_db_error(a, err, "Ändern eines Kontos");
    else if (!id)
        rc = err_set(err, KL_ENOTFOUND, "Konto „%s“ nicht gefunden", name ? name : "");
    if (!rc && disabled)
        rc = end_sessions(a, id, NULL, err);
    if (!rc)
        rc = auth_audit(a, by, addr, disabled ? "user-disable" : "user-enable", name, NULL, err);
    return auth_tx_end(a, own, rc, err);
}

int auth_user_passwd(auth *a, const char *name, const char *password, const char *by,
                     const char *addr, char **err)
{
    char hash[crypto_pwhash_STRBYTES];
    auth_user u;
    int own = 0, rc = auth_password_check(password, err);
    if (!rc)
        rc = auth_user_get(a, name, &u, err);
    if (!rc)
        rc = auth_hash_password(a, password, hash, err);
    if (!rc)
        rc = auth_tx_begin(a, &own, err);
    if (rc)
        return rc;
    sqlite3_stmt *st = auth_stmt(a, AQ_USER_PASSWD);
    sqlite3_bind_int64(st, 1, u.id);
    auth_bind(st, 2, hash);
    sodium_memzero(hash, sizeof hash);
    rc = auth_step_done(a, st, err, "Ändern eines Passworts");
    if (!rc)
        rc = end_sessions(a, u.id, NULL, err);
    if (!rc)
        rc = auth_audit(a, by, addr, "user-passwd", name, NULL, err);
    return auth_tx_end(a, own, rc, err);
}

int auth_logout_all(auth *a, const char *name, const char *by, const char *addr, int *ended,
                    char **err)
{
    auth_user u;
    char detail[40];
    int n = 0, own = 0, rc = auth_user_get(a, name, &u, err);
    if (!rc)
        rc = auth_tx_begin(a, &own, err);
    if (rc)
        return rc;
    rc = end_sessions(a, u.id, &n, err);
    snprintf(detail, sizeof detail, "%d Sitzungen beendet", n);
    if (!rc)
        rc = auth_audit(a, by, addr, "logout-all", name, detail, err);
    rc = auth_tx_end(a, own, rc, err);
    if (ended)
        *ended = rc ? 0 : n;
    return rc;
}
