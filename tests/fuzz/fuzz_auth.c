/* fuzz_auth.c: libFuzzer driver for what src/auth reads from outside:
 * session cookie values, CSRF headers, bearer tokens, login names and
 * passwords, texts for the audit log. The input is split at newlines
 * into name, password, session id, CSRF token, bearer token, address.
 *
 * Contract checked besides crashes, against one real account ("anna",
 * a known password) in a database in memory: a login succeeds only with
 * that name (in any case) and exactly that password; made-up session
 * ids and tokens never authenticate and leave the user as nobody; a
 * session just made is refused for writing without its CSRF token and
 * accepted with it; every message is valid UTF-8; nobody's permissions
 * never exceed reading published entries. Seeds: tests/fuzz/corpus/auth. */
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "auth/auth.h"
#include "util/err.h"
#include "util/text.h"
#include "util/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PASSWORD "richtig-langes-Passwort"

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_auth: contract broken: %s\n", what);
        abort();
    }
}

static void check_msg(char **err)
{
    if (*err)
        check(text_utf8_valid(*err, strlen(*err), NULL), "message is UTF-8");
    free(*err);
    *err = NULL;
}

static int nobody(const auth_user *u)
{
    return u->id == 0 && u->role == AUTH_NOBODY && u->name[0] == '\0';
}

/* The account, made once per process; cheap hashes and no rate limit,
 * so that every input reaches the password check. */
static store *s;

static auth *handle(void)
{
    static geo *g;
    static auth *a;
    if (a)
        return a;
    auth_config cfg = {.pw_ops = crypto_pwhash_OPSLIMIT_MIN,
                       .pw_mem = crypto_pwhash_MEMLIMIT_MIN,
                       .fail_user_max = 1 << 30,
                       .fail_addr_max = 1 << 30};
    auth_user spec = {.name = "anna", .role = AUTH_ADMIN};
    if (geo_open_builtin(&g, NULL) || store_open(":memory:", g, 0, &s, NULL) ||
        auth_open(s, &cfg, &a, NULL) || auth_user_add(a, &spec, PASSWORD, NULL, NULL, NULL))
        abort();
    return a;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auth *a = handle();
    char *text = xmalloc(size + 1), *field[6] = {"", "", "", "", "", ""};
    memcpy(text, data, size);
    text[size] = '\0';
    char *p = text;
    for (int i = 0; i < 6 && p; i++) {
        field[i] = p;
        p = strchr(p, '\n');
        if (p)
            *p++ = '\0';
    }
    const char *name = field[0], *pw = field[1], *sid = field[2], *csrf = field[3],
               *token = field[4], *addr = *field[5] ? field[5] : NULL;
    char *err = NULL;
    auth_user u;
    auth_session sess, info;
    int wait, rc;

    /* Login: only anna's exact password opens. */
    rc = auth_login(a, name, pw, addr, &sess, &u, &wait, &err);
    check_msg(&err);
    int right = strcasecmp(name, "anna") == 0 && strcmp(pw, PASSWORD) == 0;
    check((rc == KL_OK) == right, "login succeeds exactly with the right password");
    check(rc == KL_OK ? strcmp(u.name, "anna") == 0 : nobody(&u), "login user");
    if (rc == KL_OK) {
        check(auth_session_check(a, sess.id, 1, NULL, &u, NULL, NULL) == KL_EPERM,
              "write without CSRF refused");
        check(auth_session_check(a, sess.id, 1, csrf, &u, NULL, NULL) ==
                  (strcmp(csrf, sess.csrf) == 0 ? KL_OK : KL_EPERM),
              "CSRF compared");
        check(auth_session_check(a, sess.id, 1, sess.csrf, &u, &info, NULL) == KL_OK,
              "write with CSRF");
        check(strcmp(info.id, sess.id) == 0, "session info");
        check(auth_logout(a, sess.id, addr, NULL) == KL_OK, "logout");
    }

    /* Made-up session ids and tokens never authenticate. */
    rc = auth_session_check(a, sid, 0, csrf, &u, NULL, &err);
    check_msg(&err);
    check(rc == KL_EAUTH && nobody(&u), "made-up session refused");
    rc = auth_token_check(a, token, &u, &err);
    check_msg(&err);
    check(rc == KL_EAUTH && nobody(&u), "made-up token refused");
    check(auth_logout(a, sid, addr, NULL) == KL_OK, "logout of anything is fine");

    /* Texts for the log are kept in bounds and in UTF-8. */
    rc = auth_audit(a, name, addr, *token ? token : "fuzz", sid, pw, &err);
    check_msg(&err);
    check(rc == KL_OK, "audit row written");
    json_t *rows;
    check(auth_audit_list(a, NULL, 0, 1, &rows, NULL) == KL_OK, "audit list");
    char *dump = json_dumps(rows, 0);
    check(dump != NULL, "audit rows are valid JSON text");
    free(dump);
    json_decref(rows);

    rc = auth_password_check(pw, &err);
    check_msg(&err);
    auth_role role;
    rc = auth_role_parse(name, &role, &err);
    check_msg(&err);
    check(rc == KL_EINVAL || (role >= AUTH_ADMIN && role <= AUTH_FEDERAL_EDITOR), "role");

    /* Nobody: reading published entries at most. */
    auth_scope x = {.land = addr, .published = 0};
    for (int act = 0; act < AUTH__ACTIONS; act++)
        check(!auth_may_scope(NULL, (auth_action)act, &x, &x), "nobody may nothing on drafts");

    /* The database in memory must not grow without end. */
    static unsigned long calls;
    if (++calls % 256 == 0)
        sqlite3_exec(store_sqlite(s), "DELETE FROM auth_audit; DELETE FROM auth_session", NULL,
                     NULL, NULL);
    free(text);
    return 0;
}
