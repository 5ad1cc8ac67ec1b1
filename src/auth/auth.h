/* auth.h: accounts, passwords, sessions, API tokens, the audit log, and
 * the one permission check of KI-Landkarte.
 *
 * Two parts, one prefix (auth_):
 *   permission  auth_may: pure, no store. Decides every write and who sees
 *               drafts, for every role. Nothing else in the program
 *               decides such a thing.
 *   accounts    auth_open on an open store: the auth_* tables (a store
 *               migration): users with argon2id password hashes
 *               (libsodium), sessions and API tokens stored only as
 *               hashes, the audit log, and login rate limiting counted
 *               from that log (so it survives restarts).
 *
 * Roles (see README, "Konten und Rechte"):
 *   admin           everything.
 *   chair           the chair's office: conference data (meetings, agenda,
 *                   resolutions, reporting tasks). No entry writes: entries
 *                   belong to the Länder and ministries that report them;
 *                   the chair's office reads them as the public does.
 *   land-editor     bound to one Land: creates, edits, publishes,
 *                   unpublishes, deletes, restores and imports the entries
 *                   of that Land only, and sees their drafts.
 *   federal-editor  bound to one or more ministries: the same for entries
 *                   of the Bund (no Land) that name one of them. A Land's
 *                   entry that names a ministry (co-funding) stays the
 *                   Land's: a federal editor may not change it.
 *   nobody          (no account, or a disabled one) reads published entries.
 *
 * Errors: the codes of util/err.h; for the HTTP layer KL_EAUTH means 401
 * (not logged in, or the login failed), KL_EPERM 403 (logged in, but the
 * role may not; also a write without the session's CSRF token) and
 * KL_ELIMIT 429 (too many failed logins: wait *retry_after seconds).
 *
 * An auth handle belongs to one store handle and, like it, to one thread
 * at a time (the server keeps one per worker thread). */
#ifndef KL_AUTH_H
#define KL_AUTH_H

#include <jansson.h>
#include <stddef.h>
#include <time.h>

#include "core/entry.h"
#include "core/store.h"

/* ---- Users and the permission check (pure) ------------------------- */

typedef enum {
    AUTH_NOBODY, /* no account: reads published entries */
    AUTH_ADMIN,
    AUTH_CHAIR,
    AUTH_LAND_EDITOR,
    AUTH_FEDERAL_EDITOR,
} auth_role;

/* What a request wants to do. Entry actions look at the entry (see
 * auth_may); the others do not. */
typedef enum {
    AUTH_READ,       /* see an entry: published ones everybody, drafts whoever may edit them */
    AUTH_HISTORY,    /* see an entry's versions (old drafts among them): whoever may edit it */
    AUTH_CREATE,     /* store a new entry */
    AUTH_EDIT,       /* store a new version of an entry */
    AUTH_PUBLISH,    /* draft -> published */
    AUTH_UNPUBLISH,  /* published -> draft */
    AUTH_DELETE,     /* tombstone */
    AUTH_RESTORE,    /* make an old version current (also undeletes) */
    AUTH_IMPORT,     /* upload a report to import; each proposed draft is then an AUTH_CREATE */
    AUTH_CONFERENCE, /* change conference data */
    AUTH_ACCOUNTS,   /* manage accounts */
    AUTH_AUDIT,      /* read the audit log */
    AUTH_FEEDBACK,   /* read the feedback messages */
    AUTH__ACTIONS
} auth_action;

#define AUTH_NAME_MAX 64      /* bytes of a user name: [a-z0-9._-], a letter first */
#define AUTH_MINISTRIES_MAX 8 /* ministries of one federal editor */
#define AUTH_PASSWORD_MIN 12  /* characters (UTF-8 code points) */
#define AUTH_PASSWORD_MAX 1024

/* A user as the permission check sees it: a plain value, nothing to
 * free. land and ministries point to static strings (the Länder table,
 * the ministry vocabulary of entry.h). */
typedef struct auth_user {
    long long id; /* 0: nobody */
    char name[AUTH_NAME_MAX + 1];
    auth_role role;
    const char *land;                            /* "DE-BY" for a land-editor, else NULL */
    const char *ministries[AUTH_MINISTRIES_MAX]; /* a federal-editor's, e.g. "BMBF" */
    size_t nministries;
    int disabled; /* a disabled user counts as nobody */
} auth_user;

/* What the check needs of an entry: its Land (NULL: the Bund), its
 * ministries and whether it is published. Strings borrowed. */
typedef struct auth_scope {
    const char *land;
    const char *const *ministries;
    size_t nministries;
    int published;
} auth_scope;

/* auth_may: may u (NULL: nobody) do a? Returns 1 or 0.
 * cur is the entry as stored, next the entry as it will be stored:
 *   AUTH_CREATE                       next (cur NULL)
 *   AUTH_EDIT, AUTH_RESTORE           cur and next (the restored version):
 *                                     both must be the user's, so nobody
 *                                     moves an entry out of, or into,
 *                                     another's Land or ministries
 *   AUTH_READ, AUTH_HISTORY, AUTH_PUBLISH, AUTH_UNPUBLISH, AUTH_DELETE
 *                                     cur (next NULL)
 *   the others                        no entry (both ignored)
 * A required entry that is NULL refuses. */
int auth_may(const auth_user *u, auth_action a, const entry *cur, const entry *next);

/* auth_may_scope: the same decision for entries given by their scope
 * (for callers that have the columns, not the entry). */
int auth_may_scope(const auth_user *u, auth_action a, const auth_scope *cur,
                   const auth_scope *next);

/* auth_role_parse: "admin", "chair", "land-editor", "federal-editor" to
 * the role. KL_EINVAL (message lists the roles) for anything else. */
int auth_role_parse(const char *s, auth_role *out, char **err);

/* auth_role_name, auth_action_name: the stable names ("land-editor",
 * "publish"); "nobody" for AUTH_NOBODY. Static. */
const char *auth_role_name(auth_role r);
const char *auth_action_name(auth_action a);

/* auth_password_check: KL_OK if pw is valid UTF-8 of AUTH_PASSWORD_MIN
 * characters up to AUTH_PASSWORD_MAX bytes, else KL_EINVAL saying why. */
int auth_password_check(const char *pw, char **err);

/* ---- Accounts, sessions, tokens, audit (on a store) ----------------- */

typedef struct auth auth;

/* Settings; a zero member takes its default. */
typedef struct auth_config {
    unsigned long long pw_ops; /* argon2id passes (default 2: libsodium's "interactive") */
    size_t pw_mem;             /* argon2id memory in bytes (default 64 MiB; ~0.1 s a hash) */
    int session_ttl;           /* seconds a session lasts from login (default 8 h) */
    int fail_window;           /* seconds failed logins count (default 900) */
    int fail_user_max;         /* failures per account in the window, then refused (default 5) */
    int fail_addr_max;         /* failures per address in the window, then refused (default 20) */
    time_t (*now)(void *ctx);  /* the clock (default time()); tests set it */
    void *now_ctx;
} auth_config;

/* auth_open: the accounts of store s (borrowed: must outlive the handle;
 * its schema must be current). cfg may be NULL (defaults); it is copied.
 * Caller closes with auth_close(). */
int auth_open(store *s, const auth_config *cfg, auth **out, char **err);
void auth_close(auth *a);

/* Every change below writes an audit row naming who did it (by: a user
 * name, or "cli:LOGIN" for the command line) and from where (addr: an IP
 * address, or "cli"); both may be NULL. Each call is one transaction;
 * called inside a store_begin batch, its writes join that transaction
 * instead (so an entry change and its audit row commit or roll back
 * together). Slow password hashing happens before any lock is taken. */

/* auth_user_add: a new account. spec gives name (lower-case [a-z0-9._-],
 * a letter first, at most AUTH_NAME_MAX bytes), role, and for a
 * land-editor land ("DE-BY": a code of the Länder table), for a
 * federal-editor 1..AUTH_MINISTRIES_MAX ministries (slugs of the ministry
 * vocabulary, any case); the other roles have neither. spec->id and
 * disabled are ignored. KL_EINVAL names the offending field; KL_ECONFLICT
 * if the name is taken. The password is hashed with argon2id. */
int auth_user_add(auth *a, const auth_user *spec, const char *password, const char *by,
                  const char *addr, char **err);

/* auth_user_get: the account name in *out. KL_ENOTFOUND if none. */
int auth_user_get(auth *a, const char *name, auth_user *out, char **err);

/* auth_user_list: every account, by name, as a JSON array of {"name",
 * "role", "land", "ministries", "disabled", "created_at", "sessions"
 * (active), "tokens" (not revoked)}. Caller owns *out (json_decref). */
int auth_user_list(auth *a, json_t **out, char **err);

/* auth_user_disable: disable (disabled 1: every session ends, tokens are
 * refused while disabled) or enable an account. KL_ENOTFOUND. */
int auth_user_disable(auth *a, const char *name, int disabled, const char *by, const char *addr,
                      char **err);

/* auth_user_passwd: set a new password; every session of the user ends.
 * KL_EINVAL (password rules), KL_ENOTFOUND. */
int auth_user_passwd(auth *a, const char *name, const char *password, const char *by,
                     const char *addr, char **err);

/* Secrets (session ids, CSRF tokens) are 32 random bytes in base64url:
 * 43 characters. API tokens carry a prefix: "klt_" + 43 characters. */
#define AUTH_SECRET_LEN 43
#define AUTH_TOKEN_LEN (4 + AUTH_SECRET_LEN)

typedef struct auth_session {
    char id[AUTH_SECRET_LEN + 1];   /* the cookie value; only its hash is stored */
    char csrf[AUTH_SECRET_LEN + 1]; /* the page sends it back (X-CSRF-Token) on writes */
    long long expires;              /* unix time */
} auth_session;

/* auth_login: check name and password from address addr (may be NULL)
 * and start a session: *sess receives its id, CSRF token and expiry, *u
 * the user. KL_EINVAL when name or password is missing (names the field
 * "user" or "password"); KL_EAUTH "Name oder Passwort falsch" for an
 * unknown name, a wrong password or a disabled account alike (no hint
 * which; the same argon2id work in each case); KL_ELIMIT when the account
 * or the address has too many failed logins in the window, with
 * *retry_after the seconds to wait (no password is checked then). Logs
 * "login", "login-failed" or "login-limited" (once per window). */
int auth_login(auth *a, const char *name, const char *password, const char *addr,
               auth_session *sess, auth_user *u, int *retry_after, char **err);

/* auth_session_check: the user of session sid (the cookie value). For a
 * state-changing request write is 1 and csrf must be the session's CSRF
 * token (NULL or wrong: KL_EPERM). KL_EAUTH for an unknown, ended or
 * expired session or a disabled user. info (may be NULL) receives the
 * session (id, CSRF token, expiry) for the page. */
int auth_session_check(auth *a, const char *sid, int write, const char *csrf, auth_user *u,
                       auth_session *info, char **err);

/* auth_logout: end session sid (no error when it is unknown: logging out
 * twice is fine). */
int auth_logout(auth *a, const char *sid, const char *addr, char **err);

/* auth_logout_all: end every session of user name ("logout everywhere");
 * *ended (may be NULL) receives how many. KL_ENOTFOUND. */
int auth_logout_all(auth *a, const char *name, const char *by, const char *addr, int *ended,
                    char **err);

/* auth_token_new: a new API token for user name, labelled label (may be
 * NULL; at most 100 bytes). token receives it, NUL-terminated: show it
 * once, it is stored only as a hash. *id (may be NULL) receives the
 * token's number for auth_token_revoke. KL_ENOTFOUND. */
int auth_token_new(auth *a, const char *name, const char *label, char token[AUTH_TOKEN_LEN + 1],
                   long long *id, const char *by, const char *addr, char **err);

/* auth_token_check: the user of API token (the text after "Bearer ").
 * KL_EAUTH for an unknown or revoked token or a disabled user. Needs no
 * CSRF token: a browser never sends it by itself. */
int auth_token_check(auth *a, const char *token, auth_user *u, char **err);

/* auth_token_list: the tokens of user name (NULL: of everybody), as a
 * JSON array of {"id", "user", "name", "created_at", "last_used_at",
 * "revoked_at"}. Caller owns *out. */
int auth_token_list(auth *a, const char *name, json_t **out, char **err);

/* auth_token_revoke: revoke token id of user name. KL_ENOTFOUND if that
 * user has no such token that is not revoked yet. */
int auth_token_revoke(auth *a, const char *name, long long id, const char *by, const char *addr,
                      char **err);

/* auth_audit: add a row to the audit log: user (may be NULL), address
 * (may be NULL), action (required, e.g. "update"), object (e.g. the entry
 * id; may be NULL), detail (may be NULL). Texts are cut to 1000 bytes. */
int auth_audit(auth *a, const char *user, const char *addr, const char *action, const char *object,
               const char *detail, char **err);

/* auth_check: auth_may, and when it refuses: an audit row "refused" and
 * the error to reply, with a German message naming the action and the
 * entry: KL_EAUTH when nobody is logged in, else KL_EPERM. KL_OK when
 * allowed. */
int auth_check(auth *a, const auth_user *u, const char *addr, auth_action act, const entry *cur,
               const entry *next, char **err);

/* auth_audit_list: the newest rows first, at most limit (<= 0: 100), only
 * those of user when user is not NULL, only those with an id below
 * before when before > 0 (paging). A JSON array of {"id", "at", "user",
 * "address", "action", "object", "detail"}. Caller owns *out. */
int auth_audit_list(auth *a, const char *user, long long before, int limit, json_t **out,
                    char **err);

#endif
