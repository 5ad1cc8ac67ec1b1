/* auth.c: the accounts handle, the helpers of the module, the audit log
 * and auth_check (see auth.h). Users: user.c; logins, sessions, tokens:
 * session.c; the permission rules: may.c. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth_int.h"
#include "core/geo.h"
#include "util/err.h"
#include "util/msg.h"
#include "util/text.h"
#include "util/xalloc.h"

static const char *const sql[AQ__COUNT] = {
    [AQ_USER_BY_NAME] = "SELECT " USER_COLS ", u.pwhash FROM auth_user u WHERE u.name = ?1",
    [AQ_USER_INSERT] = "INSERT INTO auth_user(name, role, land, ministries, pwhash, created_at)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [AQ_USER_DISABLE] = "UPDATE auth_user SET disabled = ?2 WHERE name = ?1 RETURNING id",
    [AQ_USER_PASSWD] = "UPDATE auth_user SET pwhash = ?2 WHERE id = ?1",
    [AQ_USER_LIST] = "SELECT u.name, u.role, u.land, u.ministries, u.disabled, u.created_at,"
                     " (SELECT count(*) FROM auth_session s WHERE s.user = u.id"
                     "  AND s.expires > ?1),"
                     " (SELECT count(*) FROM auth_token t WHERE t.user = u.id"
                     "  AND t.revoked_at IS NULL)"
                     " FROM auth_user u ORDER BY u.name",
    [AQ_SESSION_INSERT] = "INSERT INTO auth_session(hash, user, csrf, created_at, expires, address)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [AQ_SESSION_GET] = "SELECT s.csrf, s.expires, " USER_COLS " FROM auth_session s"
                       " JOIN auth_user u ON u.id = s.user WHERE s.hash = ?1",
    [AQ_SESSION_DEL] = "DELETE FROM auth_session WHERE hash = ?1",
    [AQ_SESSION_DEL_USER] = "DELETE FROM auth_session WHERE user = ?1",
    [AQ_SESSION_EXPIRE] = "DELETE FROM auth_session WHERE expires <= ?1",
    [AQ_TOKEN_INSERT] = "INSERT INTO auth_token(user, name, hash, created_at) VALUES (?1,?2,?3,?4)",
    [AQ_TOKEN_GET] = "SELECT t.id, t.last_used_at, " USER_COLS " FROM auth_token t"
                     " JOIN auth_user u ON u.id = t.user"
                     " WHERE t.hash = ?1 AND t.revoked_at IS NULL",
    [AQ_TOKEN_USED] = "UPDATE auth_token SET last_used_at = ?2 WHERE id = ?1",
    [AQ_TOKEN_LIST] = "SELECT t.id, u.name, t.name, t.created_at, t.last_used_at, t.revoked_at"
                      " FROM auth_token t JOIN auth_user u ON u.id = t.user"
                      " WHERE ?1 IS NULL OR u.name = ?1 ORDER BY t.id",
    [AQ_TOKEN_REVOKE] = "UPDATE auth_token SET revoked_at = ?3 WHERE id = ?1"
                        " AND user = (SELECT id FROM auth_user WHERE name = ?2)"
                        " AND revoked_at IS NULL",
    [AQ_AUDIT_INSERT] = "INSERT INTO auth_audit(at, user, address, action, object, detail)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [AQ_AUDIT_LIST] = "SELECT id, at, user, address, action, object, detail FROM auth_audit"
                      " WHERE (?1 IS NULL OR user = ?1) AND (?2 <= 0 OR id < ?2)"
                      " ORDER BY id DESC LIMIT ?3",
    /* A successful login clears the account's count; the address's count
     * runs on (one office behind one address may have many accounts, an
     * attacker too). */
    [AQ_FAIL_USER] = "SELECT CAST(strftime('%s', at) AS INTEGER) FROM auth_audit"
                     " WHERE user = ?1 AND action = 'login-failed' AND at > ?2"
                     " AND id > (SELECT coalesce(max(id), 0) FROM auth_audit"
                     "  WHERE user = ?1 AND action = 'login')"
                     " ORDER BY id DESC LIMIT 1 OFFSET ?3",
    [AQ_FAIL_ADDR] = "SELECT CAST(strftime('%s', at) AS INTEGER) FROM auth_audit"
                     " WHERE address = ?1 AND action = 'login-failed' AND at > ?2"
                     " ORDER BY id DESC LIMIT 1 OFFSET ?3",
    [AQ_LIMITED_SEEN] = "SELECT 1 FROM auth_audit WHERE action = 'login-limited' AND at > ?3"
                        " AND (user = ?1 OR address = ?2) LIMIT 1",
};

static time_t system_clock(void *ctx)
{
    (void)ctx;
    return time(NULL);
}

int auth_open(store *s, const auth_config *cfg, auth **out, char **err)
{
    auth *a = xcalloc(1, sizeof *a);
    *out = NULL;
    if (sodium_init() < 0) {
        free(a);
        return err_set(err, KL_EIO, "libsodium lässt sich nicht initialisieren");
    }
    if (cfg)
        a->cfg = *cfg;
    if (!a->cfg.pw_ops)
        a->cfg.pw_ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
    if (!a->cfg.pw_mem)
        a->cfg.pw_mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    if (a->cfg.session_ttl <= 0)
        a->cfg.session_ttl = 8 * 3600;
    if (a->cfg.fail_window <= 0)
        a->cfg.fail_window = 900;
    if (a->cfg.fail_user_max <= 0)
        a->cfg.fail_user_max = 5;
    if (a->cfg.fail_addr_max <= 0)
        a->cfg.fail_addr_max = 20;
    if (!a->cfg.now)
        a->cfg.now = system_clock;
    a->s = s;
    a->db = store_sqlite(s);
    for (int i = 0; i < AQ__COUNT; i++)
        if (sqlite3_prepare_v3(a->db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, &a->st[i], NULL) !=
            SQLITE_OK) {
            int rc = auth_db_error(a, err, "Vorbereiten der Kontoabfragen");
            auth_close(a);
            return rc;
        }
    *out = a;
    return KL_OK;
}

void auth_close(auth *a)
{
    if (!a)
        return;
    for (int i = 0; i < AQ__COUNT; i++)
        sqlite3_finalize(a->st[i]);
    free(a);
}

time_t auth_now(const auth *a)
{
    return a->cfg.now(a->cfg.now_ctx);
}

void auth_iso(time_t t, char buf[32])
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

sqlite3_stmt *auth_stmt(auth *a, int which)
{
    sqlite3_stmt *st = a->st[which];
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
}

void auth_bind(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

int auth_db_error(auth *a, char **err, const char *what)
{
    return store_db_error(a->s, err, what); /* the same words as every module's */
}

int auth_step_done(auth *a, sqlite3_stmt *st, char **err, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? KL_OK : auth_db_error(a, err, what);
}

int auth_tx_begin(auth *a, int *own, char **err)
{
    *own = sqlite3_get_autocommit(a->db);
    if (*own && sqlite3_exec(a->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return auth_db_error(a, err, "Beginnen der Transaktion");
    return KL_OK;
}

int auth_tx_end(auth *a, int own, int rc, char **err)
{
    if (!own)
        return rc;
    if (rc) {
        sqlite3_exec(a->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    if (sqlite3_exec(a->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        rc = auth_db_error(a, err, "Abschließen der Transaktion");
        sqlite3_exec(a->db, "ROLLBACK", NULL, NULL, NULL);
    }
    return rc;
}

/* find_ministry: the vocabulary's slug for s, any case; NULL if none. */
static const char *find_ministry(const char *s, size_t n)
{
    size_t count;
    const entry_term *t = entry_vocab(ENTRY_VOCAB_MINISTRY, &count);
    for (size_t i = 0; i < count; i++)
        if (strlen(t[i].slug) == n && strncasecmp(t[i].slug, s, n) == 0)
            return t[i].slug;
    return NULL;
}

void auth_user_from_row(sqlite3_stmt *st, int col, auth_user *u)
{
    const char *name = (const char *)sqlite3_column_text(st, col + 1);
    const char *role = (const char *)sqlite3_column_text(st, col + 2);
    const char *land = (const char *)sqlite3_column_text(st, col + 3);
    const char *m = (const char *)sqlite3_column_text(st, col + 4);
    const geo_land *l = land ? geo_land_by_code(land) : NULL;
    memset(u, 0, sizeof *u);
    u->id = sqlite3_column_int64(st, col);
    snprintf(u->name, sizeof u->name, "%s", name ? name : "");
    if (auth_role_parse(role, &u->role, NULL) != KL_OK)
        u->role = AUTH_NOBODY; /* unreadable: fail closed */
    u->land = l ? l->code : NULL;
    /* ministries: "BMBF,BMI" */
    while (m && *m && u->nministries < AUTH_MINISTRIES_MAX) {
        size_t n = strcspn(m, ",");
        const char *slug = find_ministry(m, n);
        if (slug)
            u->ministries[u->nministries++] = slug;
        m += n + (m[n] == ',');
    }
    u->disabled = sqlite3_column_int(st, col + 5);
}

void auth_secret(char out[AUTH_SECRET_LEN + 1])
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2base64(out, AUTH_SECRET_LEN + 1, raw, sizeof raw,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw, sizeof raw);
}

void auth_secret_hash(const char *s, unsigned char out[32])
{
    crypto_generichash(out, 32, (const unsigned char *)s, strlen(s), NULL, 0);
}

int auth_secret_valid(const char *s, size_t n)
{
    if (!s)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == '_'))
            return 0;
    return s[n] == '\0';
}

int auth_hash_password(auth *a, const char *pw, char out[crypto_pwhash_STRBYTES], char **err)
{
    if (crypto_pwhash_str(out, pw, strlen(pw), a->cfg.pw_ops, a->cfg.pw_mem) != 0)
        return err_set(err, KL_EIO, "Passwort-Hash: zu wenig Speicher (%zu Bytes)", a->cfg.pw_mem);
    return KL_OK;
}

/* bind_cut: bind text v cut to at most 1000 bytes at a character
 * boundary; text that is not UTF-8 is replaced by a note. */
static void bind_cut(sqlite3_stmt *st, int i, const char *v)
{
    if (!v) {
        sqlite3_bind_null(st, i);
        return;
    }
    size_t n = strlen(v);
    if (n > 1000) {
        n = 1000;
        while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
            n--;
    }
    if (!text_utf8_valid(v, n, NULL))
        sqlite3_bind_text(st, i, "(ungültiges UTF-8)", -1, SQLITE_STATIC);
    else
        sqlite3_bind_text(st, i, v, (int)n, SQLITE_TRANSIENT);
}

int auth_audit(auth *a, const char *user, const char *addr, const char *action, const char *object,
               const char *detail, char **err)
{
    char at[32];
    if (!action || !*action)
        return err_set(err, KL_EINVAL, "Protokoll: Feld „action“ fehlt");
    auth_iso(auth_now(a), at);
    sqlite3_stmt *st = auth_stmt(a, AQ_AUDIT_INSERT);
    auth_bind(st, 1, at);
    bind_cut(st, 2, user);
    bind_cut(st, 3, addr);
    bind_cut(st, 4, action);
    bind_cut(st, 5, object);
    bind_cut(st, 6, detail);
    return auth_step_done(a, st, err, "Schreiben des Protokolls");
}

static json_t *text_or_null(sqlite3_stmt *st, int col)
{
    const char *v = (const char *)sqlite3_column_text(st, col);
    return v ? json_string(v) : json_null();
}

int auth_audit_list(auth *a, const char *user, long long before, int limit, json_t **out,
                    char **err)
{
    sqlite3_stmt *st = auth_stmt(a, AQ_AUDIT_LIST);
    json_t *list = json_array();
    int step;
    *out = NULL;
    auth_bind(st, 1, user);
    sqlite3_bind_int64(st, 2, before);
    sqlite3_bind_int(st, 3, limit > 0 ? limit : 100);
    while ((step = sqlite3_step(st)) == SQLITE_ROW)
        json_array_append_new(
            list, json_pack("{sI so so so so so so}", "id", (json_int_t)sqlite3_column_int64(st, 0),
                            "at", text_or_null(st, 1), "user", text_or_null(st, 2), "address",
                            text_or_null(st, 3), "action", text_or_null(st, 4), "object",
                            text_or_null(st, 5), "detail", text_or_null(st, 6)));
    sqlite3_reset(st);
    if (step != SQLITE_DONE) {
        json_decref(list);
        return auth_db_error(a, err, "Lesen des Protokolls");
    }
    *out = list;
    return KL_OK;
}

/* What an action is called in a message. */
static const char *const action_de[AUTH__ACTIONS] = {
    [AUTH_READ] = MSG("Lesen"),
    [AUTH_HISTORY] = MSG("Lesen der Versionsgeschichte"),
    [AUTH_CREATE] = MSG("Anlegen"),
    [AUTH_EDIT] = MSG("Ändern"),
    [AUTH_PUBLISH] = MSG("Veröffentlichen"),
    [AUTH_UNPUBLISH] = MSG("Zurückziehen"),
    [AUTH_DELETE] = MSG("Löschen"),
    [AUTH_RESTORE] = MSG("Wiederherstellen"),
    [AUTH_IMPORT] = MSG("Importieren von Berichten"),
    [AUTH_CONFERENCE] = MSG("Ändern der Konferenzdaten"),
    [AUTH_ACCOUNTS] = MSG("Verwalten der Konten"),
    [AUTH_AUDIT] = MSG("Lesen des Protokolls"),
    [AUTH_FEEDBACK] = MSG("Lesen der Rückmeldungen"),
};

/* whose: "Land DE-BY", "Bund (BMBF, BMI)", "Bund" for the entry e. */
static void whose(const entry *e, char *buf, size_t cap)
{
    const char *land = entry_land(e);
    json_t *m = json_object_get(entry_json(e), "ministries");
    if (land) {
        snprintf(buf, cap, MSG("Land %s"), land);
        return;
    }
    /* "Bund (BMBF, BMI)": the catalogue (msg.c) knows "Bund (%s)". */
    size_t n = (size_t)snprintf(buf, cap, MSG("Bund"));
    for (size_t i = 0; i < json_array_size(m) && n < cap; i++)
        n += (size_t)snprintf(buf + n, cap - n, "%s%s", i ? ", " : " (",
                              json_string_value(json_array_get(m, i)));
    if (json_array_size(m) && n < cap)
        snprintf(buf + n, cap - n, ")");
}

int auth_check(auth *a, const auth_user *u, const char *addr, auth_action act, const entry *cur,
               const entry *next, char **err)
{
    if (auth_may(u, act, cur, next))
        return KL_OK;
    int nobody = !u || u->disabled || u->role == AUTH_NOBODY;
    const entry *e = next && (!cur || !auth_may(u, AUTH_CREATE, NULL, next)) ? next : cur;
    const char *what = act >= 0 && act < AUTH__ACTIONS ? action_de[act] : "?";
    char scope[200] = "", detail[100];
    if (e)
        whose(e, scope, sizeof scope);
    snprintf(detail, sizeof detail, "%s (%s)", auth_action_name(act),
             auth_role_name(nobody ? AUTH_NOBODY : u->role));
    /* The refusal stands even when the log cannot be written. */
    auth_audit(a, nobody ? NULL : u->name, addr, "refused", e ? entry_id(e) : NULL, detail, NULL);
    if (nobody)
        return e ? err_set(err, KL_EAUTH, "Anmeldung nötig: %s von Eintrag „%s“", what, entry_id(e))
                 : err_set(err, KL_EAUTH, "Anmeldung nötig: %s", what);
    if (e)
        return err_set(err, KL_EPERM,
                       "%s von Eintrag „%s“ (%s) ist dem Konto „%s“ (%s) nicht erlaubt", what,
                       entry_id(e), scope, u->name, auth_role_name(u->role));
    return err_set(err, KL_EPERM, "%s ist dem Konto „%s“ (%s) nicht erlaubt", what, u->name,
                   auth_role_name(u->role));
}
