/* auth_int.h: private to src/auth: the handle, its statements and the
 * helpers the files of the module share. */
#ifndef KL_AUTH_INT_H
#define KL_AUTH_INT_H

#include <sodium.h>
#include <sqlite3.h>

#include "auth/auth.h"

/* Statements prepared once per handle, indexed by this enum. */
enum {
    AQ_USER_BY_NAME,     /* USER_COLS, pwhash WHERE name = ?1 */
    AQ_USER_INSERT,      /* name, role, land, ministries, pwhash, created_at */
    AQ_USER_DISABLE,     /* name, disabled */
    AQ_USER_PASSWD,      /* id, pwhash */
    AQ_USER_LIST,        /* now */
    AQ_SESSION_INSERT,   /* hash, user, csrf, created_at, expires, address */
    AQ_SESSION_GET,      /* csrf, expires, USER_COLS WHERE hash = ?1 */
    AQ_SESSION_DEL,      /* hash */
    AQ_SESSION_DEL_USER, /* user id */
    AQ_SESSION_EXPIRE,   /* now: delete the expired */
    AQ_TOKEN_INSERT,     /* user, name, hash, created_at */
    AQ_TOKEN_GET,        /* id, last_used_at, USER_COLS WHERE hash = ?1, not revoked */
    AQ_TOKEN_USED,       /* id, at */
    AQ_TOKEN_LIST,       /* user name or NULL */
    AQ_TOKEN_REVOKE,     /* id, user name, at */
    AQ_AUDIT_INSERT,     /* at, user, address, action, object, detail */
    AQ_AUDIT_LIST,       /* user or NULL, before, limit */
    AQ_FAIL_USER,        /* unix times of the account's failures since ?2 after its last login */
    AQ_FAIL_ADDR,        /* unix times of the address's failures since ?2 */
    AQ_LIMITED_SEEN,     /* a "login-limited" row for user ?1 or address ?2 since ?3 */
    AQ__COUNT
};

/* The user columns every statement above that reads a user selects, in
 * this order, so one function turns them into an auth_user. */
#define USER_COLS "u.id, u.name, u.role, u.land, u.ministries, u.disabled"

struct auth {
    store *s;
    sqlite3 *db;
    auth_config cfg;
    sqlite3_stmt *st[AQ__COUNT];
    /* A hash of no password, verified against when a login names no
     * account, so that such a login costs the same time as a wrong
     * password. Made on first need. */
    char dummy[crypto_pwhash_STRBYTES];
};

/* auth_now: the configured clock. */
time_t auth_now(const auth *a);

/* auth_iso: t as "2026-11-22T10:00:00Z" into buf. */
void auth_iso(time_t t, char buf[32]);

/* auth_stmt: the statement, reset and cleared for reuse. */
sqlite3_stmt *auth_stmt(auth *a, int which);

/* auth_bind: bind text v (NULL binds NULL), transient copy. */
void auth_bind(sqlite3_stmt *st, int i, const char *v);

/* auth_db_error: a message naming what failed and SQLite's reason. */
int auth_db_error(auth *a, char **err, const char *what);

/* auth_step_done: step a write statement; KL_EDB naming what failed. */
int auth_step_done(auth *a, sqlite3_stmt *st, char **err, const char *what);

/* auth_tx_begin / auth_tx_end: a transaction of its own, or, inside the
 * caller's transaction (a store batch), none: the writes join it.
 * auth_tx_end commits or (rc != 0) rolls back what auth_tx_begin opened
 * and returns rc or the commit's error. */
int auth_tx_begin(auth *a, int *own, char **err);
int auth_tx_end(auth *a, int own, int rc, char **err);

/* auth_user_from_row: fill u from the USER_COLS at column col of st. */
void auth_user_from_row(sqlite3_stmt *st, int col, auth_user *u);

/* auth_secret: 32 random bytes, base64url without padding (43 chars). */
void auth_secret(char out[AUTH_SECRET_LEN + 1]);

/* auth_secret_hash: the BLAKE2b-256 hash of secret s under which it is
 * stored (secrets are random: no salt or slow hash needed). */
void auth_secret_hash(const char *s, unsigned char out[32]);

/* auth_secret_valid: s is exactly n characters of base64url. */
int auth_secret_valid(const char *s, size_t n);

/* auth_hash_password: argon2id of pw with the configured limits. */
int auth_hash_password(auth *a, const char *pw, char out[crypto_pwhash_STRBYTES], char **err);

/* auth_user_with_hash: auth_user_get, and the stored password hash. */
int auth_user_with_hash(auth *a, const char *name, auth_user *out,
                        char hash[crypto_pwhash_STRBYTES], char **err);

#endif
