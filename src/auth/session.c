/* session.c: logins with their rate limit, sessions and API tokens (see
 * auth.h). Secrets are random (libsodium's randombytes_buf) and kept
 * only as hashes: whoever reads the database cannot log in with them. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth_int.h"
#include "util/err.h"
#include "util/text.h"
#include "util/xalloc.h"

/* normalise: the account name a login names, lower-cased; 0 when it
 * cannot be a name at all (the login still costs a hash, see below). */
static int normalise(const char *name, char out[AUTH_NAME_MAX + 1])
{
    size_t n = strlen(name);
    if (n == 0 || n > AUTH_NAME_MAX)
        return 0;
    for (size_t i = 0; i <= n; i++)
        out[i] = (char)tolower((unsigned char)name[i]);
    if (!(out[0] >= 'a' && out[0] <= 'z'))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!(isalnum((unsigned char)out[i]) || out[i] == '.' || out[i] == '_' || out[i] == '-'))
            return 0;
    return 1;
}

/* fail_wait: the seconds key (an account or an address) must wait: it
 * has max failures since `since` (statement which), and the refusal
 * lasts until the max-th newest of them leaves the window. Raises *wait
 * to that. */
static int fail_wait(auth *a, int which, const char *key, int max, time_t now, const char *since,
                     int *wait, char **err)
{
    if (!key)
        return KL_OK;
    sqlite3_stmt *st = auth_stmt(a, which);
    auth_bind(st, 1, key);
    auth_bind(st, 2, since);
    sqlite3_bind_int(st, 3, max - 1);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        long long w = sqlite3_column_int64(st, 0) + a->cfg.fail_window - (long long)now;
        if (w < 1)
            w = 1;
        if (w > *wait)
            *wait = w > 1 << 30 ? 1 << 30 : (int)w;
    }
    sqlite3_reset(st);
    return step == SQLITE_ROW || step == SQLITE_DONE
               ? KL_OK
               : auth_db_error(a, err, "Lesen der Anmeldeversuche");
}

/* limited: log a refused login once per window and key. */
static void log_limited(auth *a, const char *who, const char *addr, const char *since, int wait)
{
    sqlite3_stmt *st = auth_stmt(a, AQ_LIMITED_SEEN);
    auth_bind(st, 1, who);
    auth_bind(st, 2, addr);
    auth_bind(st, 3, since);
    int seen = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_reset(st);
    if (!seen) {
        char detail[80];
        snprintf(detail, sizeof detail, "gesperrt für %d s", wait);
        auth_audit(a, who, addr, "login-limited", NULL, detail, NULL);
    }
}

/* verify: does password match the account's hash? Without an account
 * (hash NULL) the same work against a dummy hash, so that the answer
 * takes as long and tells nothing. */
static int verify(auth *a, const char *hash, const char *password)
{
    if (!hash) {
        if (!a->dummy[0] && crypto_pwhash_str(a->dummy, "-", 1, a->cfg.pw_ops, a->cfg.pw_mem) != 0)
            return 0;
        /* The result does not matter: no account, no login. */
        int same = crypto_pwhash_str_verify(a->dummy, password, strlen(password));
        (void)same;
        return 0;
    }
    return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

/* start: write the session of user u (and the login) in one transaction;
 * with rehash set, store that as the user's new hash. */
static int start(auth *a, const auth_user *u, const char *addr, const char *rehash,
                 auth_session *sess, char **err)
{
    time_t now = auth_now(a);
    char at[32];
    unsigned char h[32];
    int own, rc = auth_tx_begin(a, &own, err);
    if (rc)
        return rc;
    auth_iso(now, at);
    auth_secret(sess->id);
    auth_secret(sess->csrf);
    sess->expires = (long long)now + a->cfg.session_ttl;
    auth_secret_hash(sess->id, h);
    sqlite3_stmt *st = auth_stmt(a, AQ_SESSION_EXPIRE);
    sqlite3_bind_int64(st, 1, (sqlite3_int64)now);
    rc = auth_step_done(a, st, err, "Aufräumen der Sitzungen");
    if (!rc) {
        st = auth_stmt(a, AQ_SESSION_INSERT);
        sqlite3_bind_blob(st, 1, h, sizeof h, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, u->id);
        auth_bind(st, 3, sess->csrf);
        auth_bind(st, 4, at);
        sqlite3_bind_int64(st, 5, sess->expires);
        auth_bind(st, 6, addr);
        rc = auth_step_done(a, st, err, "Anlegen einer Sitzung");
    }
    if (!rc && rehash) {
        st = auth_stmt(a, AQ_USER_PASSWD);
        sqlite3_bind_int64(st, 1, u->id);
        auth_bind(st, 2, rehash);
        rc = auth_step_done(a, st, err, "Erneuern eines Passwort-Hashes");
    }
    if (!rc)
        rc = auth_audit(a, u->name, addr, "login", NULL, NULL, err);
    rc = auth_tx_end(a, own, rc, err);
    if (rc)
        memset(sess, 0, sizeof *sess);
    return rc;
}

int auth_login(auth *a, const char *name, const char *password, const char *addr,
               auth_session *sess, auth_user *u, int *retry_after, char **err)
{
    char norm[AUTH_NAME_MAX + 1], hash[crypto_pwhash_STRBYTES], since[32];
    char fresh[crypto_pwhash_STRBYTES];
    int wait = 0, rc;
    memset(u, 0, sizeof *u);
    memset(sess, 0, sizeof *sess);
    *retry_after = 0;
    if (!name || !*name)
        return err_set(err, KL_EINVAL, "Feld „user“: fehlt");
    if (!password || !*password)
        return err_set(err, KL_EINVAL, "Feld „password“: fehlt");
    if (strlen(password) > AUTH_PASSWORD_MAX)
        return err_set(err, KL_EINVAL, "Feld „password“: länger als %d Bytes", AUTH_PASSWORD_MAX);
    const char *who = normalise(name, norm) ? norm : NULL;
    time_t now = auth_now(a);
    auth_iso(now - a->cfg.fail_window, since);
    /* The limit first: a refused attempt costs no hash. */
    rc = fail_wait(a, AQ_FAIL_USER, who, a->cfg.fail_user_max, now, since, &wait, err);
    if (!rc)
        rc = fail_wait(a, AQ_FAIL_ADDR, addr, a->cfg.fail_addr_max, now, since, &wait, err);
    if (rc)
        return rc;
    if (wait) {
        log_limited(a, who, addr, since, wait);
        *retry_after = wait;
        return err_set(err, KL_ELIMIT,
                       "Zu viele fehlgeschlagene Anmeldungen: bitte in %d Sekunden wieder "
                       "versuchen",
                       wait);
    }
    rc = who ? auth_user_with_hash(a, who, u, hash, err) : KL_ENOTFOUND;
    if (rc && rc != KL_ENOTFOUND)
        return rc;
    int found = rc == KL_OK;
    int ok = verify(a, found ? hash : NULL, password);
    if (!ok || u->disabled) {
        const char *why = !found ? "unbekanntes Konto" : !ok ? "Passwort falsch" : "Konto gesperrt";
        memset(u, 0, sizeof *u);
        sodium_memzero(hash, sizeof hash);
        rc = auth_audit(a, who, addr, "login-failed", NULL, who ? why : "ungültiger Name", err);
        return rc ? rc : err_set(err, KL_EAUTH, "Name oder Passwort falsch");
    }
    /* Hashes made with weaker limits than today's are renewed now, while
     * the password is at hand. */
    int renew = crypto_pwhash_str_needs_rehash(hash, a->cfg.pw_ops, a->cfg.pw_mem) != 0 &&
                auth_hash_password(a, password, fresh, NULL) == KL_OK;
    sodium_memzero(hash, sizeof hash);
    rc = start(a, u, addr, renew ? fresh : NULL, sess, err);
    sodium_memzero(fresh, sizeof fresh);
    if (rc)
        memset(u, 0, sizeof *u);
    return rc;
}

/* find_session: the row of session sid; KL_EAUTH if none. csrf receives
 * its CSRF token, *expires its expiry. */
static int find_session(auth *a, const char *sid, auth_user *u, char csrf[AUTH_SECRET_LEN + 1],
                        long long *expires, char **err)
{
    unsigned char h[32];
    memset(u, 0, sizeof *u);
    if (!auth_secret_valid(sid, AUTH_SECRET_LEN))
        return err_set(err, KL_EAUTH, "Keine gültige Sitzung: bitte anmelden");
    auth_secret_hash(sid, h);
    sqlite3_stmt *st = auth_stmt(a, AQ_SESSION_GET);
    sqlite3_bind_blob(st, 1, h, sizeof h, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        const char *c = (const char *)sqlite3_column_text(st, 0);
        snprintf(csrf, AUTH_SECRET_LEN + 1, "%s", c ? c : "");
        *expires = sqlite3_column_int64(st, 1);
        auth_user_from_row(st, 2, u);
    }
    sqlite3_reset(st);
    if (step == SQLITE_ROW)
        return KL_OK;
    if (step != SQLITE_DONE)
        return auth_db_error(a, err, "Lesen einer Sitzung");
    return err_set(err, KL_EAUTH, "Keine gültige Sitzung: bitte anmelden");
}

int auth_session_check(auth *a, const char *sid, int write, const char *csrf, auth_user *u,
                       auth_session *info, char **err)
{
    char want[AUTH_SECRET_LEN + 1];
    long long expires = 0;
    if (info)
        memset(info, 0, sizeof *info);
    int rc = find_session(a, sid, u, want, &expires, err);
    if (!rc && expires <= (long long)auth_now(a))
        rc = err_set(err, KL_EAUTH, "Sitzung abgelaufen: bitte neu anmelden");
    if (!rc && u->disabled)
        rc = err_set(err, KL_EAUTH, "Konto „%s“ ist gesperrt", u->name);
    /* Compared in constant time: the token is a secret of the page. */
    if (!rc && write &&
        (!csrf || strlen(csrf) != strlen(want) || sodium_memcmp(csrf, want, strlen(want)) != 0))
        rc = err_set(err, KL_EPERM,
                     "CSRF-Token fehlt oder passt nicht zur Sitzung (Kopfzeile X-CSRF-Token)");
    if (rc) {
        memset(u, 0, sizeof *u);
        return rc;
    }
    if (info) {
        snprintf(info->id, sizeof info->id, "%s", sid);
        snprintf(info->csrf, sizeof info->csrf, "%s", want);
        info->expires = expires;
    }
    return KL_OK;
}

int auth_logout(auth *a, const char *sid, const char *addr, char **err)
{
    auth_user u;
    char csrf[AUTH_SECRET_LEN + 1];
    long long expires;
    unsigned char h[32];
    int rc = find_session(a, sid, &u, csrf, &expires, err);
    if (rc == KL_EAUTH)
        return KL_OK;
    int own = 0;
    if (!rc)
        rc = auth_tx_begin(a, &own, err);
    if (rc)
        return rc;
    auth_secret_hash(sid, h);
    sqlite3_stmt *st = auth_stmt(a, AQ_SESSION_DEL);
    sqlite3_bind_blob(st, 1, h, sizeof h, SQLITE_TRANSIENT);
    rc = auth_step_done(a, st, err, "Beenden einer Sitzung");
    if (!rc)
        rc = auth_audit(a, u.name, addr, "logout", NULL, NULL, err);
    return auth_tx_end(a, own, rc, err);
}

int auth_token_new(auth *a, const char *name, const char *label, char token[AUTH_TOKEN_LEN + 1],
                   long long *id, const char *by, const char *addr, char **err)
{
    auth_user u;
    char at[32], detail[160];
    unsigned char h[32];
    int own = 0;
    token[0] = '\0';
    if (label && (strlen(label) > 100 || !text_utf8_valid(label, strlen(label), NULL)))
        return err_set(err, KL_EINVAL, "Feld „name“ des Tokens: höchstens 100 Bytes UTF-8");
    int rc = auth_user_get(a, name, &u, err);
    if (!rc)
        rc = auth_tx_begin(a, &own, err);
    if (rc)
        return rc;
    memcpy(token, "klt_", 4);
    auth_secret(token + 4);
    auth_secret_hash(token, h);
    auth_iso(auth_now(a), at);
    sqlite3_stmt *st = auth_stmt(a, AQ_TOKEN_INSERT);
    sqlite3_bind_int64(st, 1, u.id);
    auth_bind(st, 2, label ? label : "");
    sqlite3_bind_blob(st, 3, h, sizeof h, SQLITE_TRANSIENT);
    auth_bind(st, 4, at);
    rc = auth_step_done(a, st, err, "Anlegen eines Tokens");
    long long tid = rc ? 0 : (long long)sqlite3_last_insert_rowid(a->db);
    snprintf(detail, sizeof detail, "Token %lld%s%s", tid, label && *label ? ": " : "",
             label ? label : "");
    if (!rc)
        rc = auth_audit(a, by, addr, "token-new", name, detail, err);
    rc = auth_tx_end(a, own, rc, err);
    if (rc)
        sodium_memzero(token, AUTH_TOKEN_LEN + 1);
    else if (id)
        *id = tid;
    return rc;
}

int auth_token_check(auth *a, const char *token, auth_user *u, char **err)
{
    unsigned char h[32];
    char used[32], stale[32];
    memset(u, 0, sizeof *u);
    if (!token || strncmp(token, "klt_", 4) != 0 || !auth_secret_valid(token + 4, AUTH_SECRET_LEN))
        return err_set(err, KL_EAUTH, "Kein gültiges API-Token");
    auth_secret_hash(token, h);
    sqlite3_stmt *st = auth_stmt(a, AQ_TOKEN_GET);
    sqlite3_bind_blob(st, 1, h, sizeof h, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    long long tid = 0;
    if (step == SQLITE_ROW) {
        const char *last = (const char *)sqlite3_column_text(st, 1);
        tid = sqlite3_column_int64(st, 0);
        snprintf(used, sizeof used, "%s", last ? last : "");
        auth_user_from_row(st, 2, u);
    }
    sqlite3_reset(st);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return auth_db_error(a, err, "Lesen eines Tokens");
    if (step == SQLITE_DONE)
        return err_set(err, KL_EAUTH, "Kein gültiges API-Token");
    if (u->disabled) {
        memset(u, 0, sizeof *u);
        return err_set(err, KL_EAUTH, "Das Konto dieses API-Tokens ist gesperrt");
    }
    /* When the token was last used, to the hour: a write per request
     * would serialise the readers behind the writer. Best effort. */
    time_t now = auth_now(a);
    auth_iso(now - 3600, stale);
    if (strcmp(used, stale) < 0) {
        auth_iso(now, used);
        st = auth_stmt(a, AQ_TOKEN_USED);
        sqlite3_bind_int64(st, 1, tid);
        auth_bind(st, 2, used);
        auth_step_done(a, st, NULL, NULL);
    }
    return KL_OK;
}

static json_t *text_or_null(sqlite3_stmt *st, int col)
{
    const char *v = (const char *)sqlite3_column_text(st, col);
    return v ? json_string(v) : json_null();
}

int auth_token_list(auth *a, const char *name, json_t **out, char **err)
{
    sqlite3_stmt *st = auth_stmt(a, AQ_TOKEN_LIST);
    json_t *list = json_array();
    int step;
    *out = NULL;
    auth_bind(st, 1, name);
    while ((step = sqlite3_step(st)) == SQLITE_ROW)
        json_array_append_new(
            list, json_pack("{sI so so so so so}", "id", (json_int_t)sqlite3_column_int64(st, 0),
                            "user", text_or_null(st, 1), "name", text_or_null(st, 2), "created_at",
                            text_or_null(st, 3), "last_used_at", text_or_null(st, 4), "revoked_at",
                            text_or_null(st, 5)));
    sqlite3_reset(st);
    if (step != SQLITE_DONE) {
        json_decref(list);
        return auth_db_error(a, err, "Lesen der Tokens");
    }
    *out = list;
    return KL_OK;
}

int auth_token_revoke(auth *a, const char *name, long long id, const char *by, const char *addr,
                      char **err)
{
    char at[32], detail[40];
    int own, rc = auth_tx_begin(a, &own, err);
    if (rc)
        return rc;
    auth_iso(auth_now(a), at);
    sqlite3_stmt *st = auth_stmt(a, AQ_TOKEN_REVOKE);
    sqlite3_bind_int64(st, 1, id);
    auth_bind(st, 2, name);
    auth_bind(st, 3, at);
    rc = auth_step_done(a, st, err, "Widerrufen eines Tokens");
    if (!rc && sqlite3_changes(a->db) == 0)
        rc = err_set(err, KL_ENOTFOUND, "Konto „%s“ hat kein gültiges Token %lld", name ? name : "",
                     id);
    snprintf(detail, sizeof detail, "Token %lld", id);
    if (!rc)
        rc = auth_audit(a, by, addr, "token-revoke", name, detail, err);
    return auth_tx_end(a, own, rc, err);
}
