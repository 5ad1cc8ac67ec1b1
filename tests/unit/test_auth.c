/* test_auth.c: accounts and permissions (src/auth): the permission check
 * for every role against every action, allowed and refused, as tables;
 * then accounts, logins, sessions with CSRF tokens and expiry, API
 * tokens, the login rate limit (also across a restart) and the audit log
 * on a real SQLite file, with a clock the test sets. */
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
#include "util/err.h"

/* ---- The permission check ------------------------------------------ */

/* The users of the tables, by index. */
enum { U_NOBODY, U_DISABLED, U_ADMIN, U_CHAIR, U_LAND, U_FEDERAL, U__N };
static const char *const user_names[U__N] = {"nobody", "disabled admin", "admin",
                                             "chair",  "land-editor BY", "federal BMBF+BMI"};

static const auth_user *user(int i)
{
    static auth_user u[U__N];
    static int made;
    if (!made) {
        u[U_DISABLED] = (auth_user){.id = 1, .name = "d", .role = AUTH_ADMIN, .disabled = 1};
        u[U_ADMIN] = (auth_user){.id = 2, .name = "a", .role = AUTH_ADMIN};
        u[U_CHAIR] = (auth_user){.id = 3, .name = "c", .role = AUTH_CHAIR};
        u[U_LAND] = (auth_user){.id = 4, .name = "l", .role = AUTH_LAND_EDITOR, .land = "DE-BY"};
        u[U_FEDERAL] = (auth_user){.id = 5,
                                   .name = "f",
                                   .role = AUTH_FEDERAL_EDITOR,
                                   .ministries = {"BMBF", "BMI"},
                                   .nministries = 2};
        made = 1;
    }
    return i == U_NOBODY ? NULL : &u[i];
}

/* The entries of the tables, by index (the position in the strings). */
enum { E_BY_DRAFT, E_BY_PUB, E_BE_DRAFT, E_BUND_BMBF, E_BUND_BMWK, E_BY_BMBF, E_BUND_NONE, E__N };
static const char *const entry_json_text[E__N] = {
    "{\"id\":\"by-a\",\"title\":\"A\",\"kind\":\"project\",\"land\":\"DE-BY\"}",
    "{\"id\":\"by-b\",\"title\":\"B\",\"kind\":\"project\",\"land\":\"DE-BY\","
    "\"status\":\"published\"}",
    "{\"id\":\"be-c\",\"title\":\"C\",\"kind\":\"project\",\"land\":\"DE-BE\"}",
    "{\"id\":\"bund-d\",\"title\":\"D\",\"kind\":\"programme\",\"ministries\":[\"BMBF\"]}",
    "{\"id\":\"bund-e\",\"title\":\"E\",\"kind\":\"programme\",\"ministries\":[\"BMWK\"]}",
    /* A Land's entry co-funded by a ministry: still the Land's. */
    "{\"id\":\"by-f\",\"title\":\"F\",\"kind\":\"project\",\"land\":\"DE-BY\","
    "\"ministries\":[\"BMBF\"]}",
    "{\"id\":\"bund-g\",\"title\":\"G\",\"kind\":\"programme\"}",
};

static entry *entries[E__N];
static geo *g;

static int setup_entries(void **state)
{
    (void)state;
    if (geo_open_builtin(&g, NULL))
        return -1;
    for (int i = 0; i < E__N; i++) {
        json_t *j = json_loads(entry_json_text[i], 0, NULL);
        char *err = NULL;
        if (!j || entry_parse(j, g, NULL, &entries[i], &err)) {
            fprintf(stderr, "entry %d: %s\n", i, err ? err : "?");
            return -1;
        }
        json_decref(j);
    }
    return 0;
}

static int teardown_entries(void **state)
{
    (void)state;
    for (int i = 0; i < E__N; i++)
        entry_free(entries[i]);
    geo_free(g);
    return 0;
}

/* Actions on one stored entry: expected answer per entry, in E_ order. */
static const struct {
    int user;
    auth_action act;
    const char *want;
} on_entry[] = {
    /* READ: published for all, drafts for who may edit them. */
    {U_NOBODY, AUTH_READ, "0100000"},
    {U_DISABLED, AUTH_READ, "0100000"},
    {U_ADMIN, AUTH_READ, "1111111"},
    {U_CHAIR, AUTH_READ, "0100000"},
    {U_LAND, AUTH_READ, "1100010"},
    {U_FEDERAL, AUTH_READ, "0101000"},
    /* The rest: only whoever owns the entry. */
    {U_NOBODY, AUTH_HISTORY, "0000000"},
    {U_DISABLED, AUTH_HISTORY, "0000000"},
    {U_ADMIN, AUTH_HISTORY, "1111111"},
    {U_CHAIR, AUTH_HISTORY, "0000000"},
    {U_LAND, AUTH_HISTORY, "1100010"},
    {U_FEDERAL, AUTH_HISTORY, "0001000"},
    {U_NOBODY, AUTH_PUBLISH, "0000000"},
    {U_DISABLED, AUTH_PUBLISH, "0000000"},
    {U_ADMIN, AUTH_PUBLISH, "1111111"},
    {U_CHAIR, AUTH_PUBLISH, "0000000"},
    {U_LAND, AUTH_PUBLISH, "1100010"},
    {U_FEDERAL, AUTH_PUBLISH, "0001000"},
    {U_NOBODY, AUTH_UNPUBLISH, "0000000"},
    {U_DISABLED, AUTH_UNPUBLISH, "0000000"},
    {U_ADMIN, AUTH_UNPUBLISH, "1111111"},
    {U_CHAIR, AUTH_UNPUBLISH, "0000000"},
    {U_LAND, AUTH_UNPUBLISH, "1100010"},
    {U_FEDERAL, AUTH_UNPUBLISH, "0001000"},
    {U_NOBODY, AUTH_DELETE, "0000000"},
    {U_DISABLED, AUTH_DELETE, "0000000"},
    {U_ADMIN, AUTH_DELETE, "1111111"},
    {U_CHAIR, AUTH_DELETE, "0000000"},
    {U_LAND, AUTH_DELETE, "1100010"},
    {U_FEDERAL, AUTH_DELETE, "0001000"},
};
/* CREATE: the new entry is next. */
static const struct {
    int user;
    const char *want;
} on_create[] = {
    {U_NOBODY, "0000000"}, {U_DISABLED, "0000000"}, {U_ADMIN, "1111111"},
    {U_CHAIR, "0000000"},  {U_LAND, "1100010"},     {U_FEDERAL, "0001000"},
};

/* EDIT and RESTORE: from the stored entry (cur) to the new version. */
static const struct {
    int cur, next;
} moves[] = {
    {E_BY_DRAFT, E_BY_PUB},     /* within Bayern */
    {E_BY_DRAFT, E_BE_DRAFT},   /* out of Bayern into Berlin */
    {E_BE_DRAFT, E_BY_DRAFT},   /* from Berlin into Bayern */
    {E_BUND_BMBF, E_BUND_BMBF}, /* within the BMBF */
    {E_BUND_BMBF, E_BUND_BMWK}, /* to another ministry */
    {E_BUND_BMWK, E_BUND_BMBF}, /* from another ministry */
    {E_BUND_BMBF, E_BY_BMBF},   /* from the Bund to a Land */
    {E_BUND_NONE, E_BUND_NONE}, /* the Bund without ministry */
};
static const struct {
    int user;
    auth_action act;
    const char *want; /* per move */
} on_move[] = {
    {U_NOBODY, AUTH_EDIT, "00000000"},    {U_DISABLED, AUTH_EDIT, "00000000"},
    {U_ADMIN, AUTH_EDIT, "11111111"},     {U_CHAIR, AUTH_EDIT, "00000000"},
    {U_LAND, AUTH_EDIT, "10000000"},      {U_FEDERAL, AUTH_EDIT, "00010000"},
    {U_NOBODY, AUTH_RESTORE, "00000000"}, {U_DISABLED, AUTH_RESTORE, "00000000"},
    {U_ADMIN, AUTH_RESTORE, "11111111"},  {U_CHAIR, AUTH_RESTORE, "00000000"},
    {U_LAND, AUTH_RESTORE, "10000000"},   {U_FEDERAL, AUTH_RESTORE, "00010000"},
};

/* Actions without an entry: IMPORT, CONFERENCE, ACCOUNTS, AUDIT, FEEDBACK. */
static const auth_action global_acts[] = {AUTH_IMPORT, AUTH_CONFERENCE, AUTH_ACCOUNTS, AUTH_AUDIT,
                                          AUTH_FEEDBACK};
static const struct {
    int user;
    const char *want;
} on_global[] = {
    {U_NOBODY, "00000"}, {U_DISABLED, "00000"}, {U_ADMIN, "11111"},
    {U_CHAIR, "01000"},  {U_LAND, "10000"},     {U_FEDERAL, "10000"},
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int failures;
static void expect(int got, char want, const char *what, int u, auth_action a, const char *obj)
{
    if (got != (want == '1')) {
        fprintf(stderr, "%s: %s %s %s: got %d\n", what, user_names[u], auth_action_name(a), obj,
                got);
        failures++;
    }
}

static void test_may_table(void **state)
{
    (void)state;
    /* seen[user][action]: allowed and refused cases met. */
    int allowed[U__N][AUTH__ACTIONS] = {{0}}, refused[U__N][AUTH__ACTIONS] = {{0}};
    failures = 0;
    for (size_t r = 0; r < N(on_entry); r++)
        for (int e = 0; e < E__N; e++) {
            int got = auth_may(user(on_entry[r].user), on_entry[r].act, entries[e], NULL);
            expect(got, on_entry[r].want[e], "entry", on_entry[r].user, on_entry[r].act,
                   entry_id(entries[e]));
            (got ? allowed : refused)[on_entry[r].user][on_entry[r].act]++;
        }
    for (size_t r = 0; r < N(on_create); r++)
        for (int e = 0; e < E__N; e++) {
            int got = auth_may(user(on_create[r].user), AUTH_CREATE, NULL, entries[e]);
            expect(got, on_create[r].want[e], "create", on_create[r].user, AUTH_CREATE,
                   entry_id(entries[e]));
            (got ? allowed : refused)[on_create[r].user][AUTH_CREATE]++;
        }
    for (size_t r = 0; r < N(on_move); r++)
        for (size_t m = 0; m < N(moves); m++) {
            const entry *cur = entries[moves[m].cur], *next = entries[moves[m].next];
            int got = auth_may(user(on_move[r].user), on_move[r].act, cur, next);
            char obj[80];
            snprintf(obj, sizeof obj, "%s -> %s", entry_id(cur), entry_id(next));
            expect(got, on_move[r].want[m], "move", on_move[r].user, on_move[r].act, obj);
            (got ? allowed : refused)[on_move[r].user][on_move[r].act]++;
        }
    for (size_t r = 0; r < N(on_global); r++)
        for (size_t k = 0; k < N(global_acts); k++) {
            int got = auth_may(user(on_global[r].user), global_acts[k], entries[0], entries[0]);
            expect(got, on_global[r].want[k], "global", on_global[r].user, global_acts[k], "-");
            (got ? allowed : refused)[on_global[r].user][global_acts[k]]++;
        }
    assert_int_equal(failures, 0);
    /* Every role meets every action; each action is allowed to someone
     * and refused to someone; every editor role is both allowed and
     * refused every entry action (its own and another's entries). */
    for (int a = 0; a < AUTH__ACTIONS; a++) {
        int any_yes = 0, any_no = 0;
        for (int u = 0; u < U__N; u++) {
            if (allowed[u][a] + refused[u][a] == 0)
                fail_msg("%s never tested for %s", auth_action_name((auth_action)a), user_names[u]);
            any_yes |= allowed[u][a] > 0;
            any_no |= refused[u][a] > 0;
        }
        assert_true(any_yes && any_no);
        if (a <= AUTH_RESTORE) {
            assert_true(allowed[U_LAND][a] && refused[U_LAND][a]);
            assert_true(allowed[U_FEDERAL][a] && refused[U_FEDERAL][a]);
            assert_true(allowed[U_ADMIN][a] && !refused[U_ADMIN][a]);
        }
    }
}

/* A required entry that is missing refuses, even the admin. */
static void test_may_needs_entry(void **state)
{
    (void)state;
    const auth_user *admin = user(U_ADMIN);
    assert_false(auth_may(admin, AUTH_READ, NULL, NULL));
    assert_false(auth_may(admin, AUTH_CREATE, NULL, NULL));
    assert_false(auth_may(admin, AUTH_EDIT, entries[0], NULL));
    assert_false(auth_may(admin, AUTH_EDIT, NULL, entries[0]));
    assert_false(auth_may(admin, AUTH_RESTORE, NULL, entries[0]));
    assert_false(auth_may(admin, AUTH_DELETE, NULL, entries[0]));
    assert_false(auth_may(admin, (auth_action)99, entries[0], entries[0]));
    /* The scope form answers as the entry form. */
    const char *m[] = {"BMI"};
    auth_scope bund = {NULL, m, 1, 0}, by = {"DE-BY", NULL, 0, 0};
    assert_true(auth_may_scope(user(U_FEDERAL), AUTH_EDIT, &bund, &bund));
    assert_false(auth_may_scope(user(U_FEDERAL), AUTH_EDIT, &bund, &by));
    assert_true(auth_may_scope(user(U_LAND), AUTH_DELETE, &by, NULL));
    by.published = 1;
    assert_true(auth_may_scope(NULL, AUTH_READ, &by, NULL));
}

static void test_names(void **state)
{
    (void)state;
    auth_role r;
    char *err = NULL;
    assert_int_equal(auth_role_parse("federal-editor", &r, NULL), KL_OK);
    assert_int_equal(r, AUTH_FEDERAL_EDITOR);
    assert_int_equal(auth_role_parse("root", &r, &err), KL_EINVAL);
    assert_non_null(strstr(err, "land-editor"));
    free(err);
    assert_int_equal(auth_role_parse("nobody", &r, NULL), KL_EINVAL);
    assert_string_equal(auth_role_name(AUTH_LAND_EDITOR), "land-editor");
    assert_string_equal(auth_action_name(AUTH_UNPUBLISH), "unpublish");
    for (int a = 0; a < AUTH__ACTIONS; a++)
        assert_string_not_equal(auth_action_name((auth_action)a), "unknown");
    err = NULL;
    assert_int_equal(auth_password_check("kurz", &err), KL_EINVAL);
    assert_non_null(strstr(err, "mindestens 12"));
    free(err);
    /* Characters, not bytes: twelve umlauts are twelve. */
    assert_int_equal(auth_password_check("ääääääääääää", NULL), KL_OK);
    assert_int_equal(auth_password_check("äääääääääää", NULL), KL_EINVAL);
    assert_int_equal(auth_password_check("abcdefghijk\xff", NULL), KL_EINVAL);
}

/* ---- Accounts on a real file --------------------------------------- */

typedef struct fx {
    store *s;
    auth *a;
    time_t now;
    char path[64];
    auth_config cfg;
} fx;

static time_t fake_clock(void *ctx)
{
    return *(time_t *)ctx;
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    snprintf(f->path, sizeof f->path, "/tmp/kl-test-auth-%d.db", (int)getpid());
    unlink(f->path);
    f->now = 1790000000;
    /* Cheap hashes: the test checks the logic, bench the cost. */
    f->cfg = (auth_config){.pw_ops = crypto_pwhash_OPSLIMIT_MIN,
                           .pw_mem = crypto_pwhash_MEMLIMIT_MIN,
                           .session_ttl = 3600,
                           .fail_window = 600,
                           .fail_user_max = 3,
                           .fail_addr_max = 6,
                           .now = fake_clock,
                           .now_ctx = &f->now};
    if (store_open(f->path, g, 0, &f->s, NULL) || auth_open(f->s, &f->cfg, &f->a, NULL))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    auth_close(f->a);
    store_close(f->s);
    test_unlink_db(f->path);
    free(f);
    return 0;
}

#define PW "richtig-langes-Passwort"

static void add(fx *f, const char *name, auth_role role, const char *land, const char *m1)
{
    auth_user spec = {.role = role, .land = land};
    char *err = NULL;
    snprintf(spec.name, sizeof spec.name, "%s", name);
    if (m1) {
        spec.ministries[0] = m1;
        spec.nministries = 1;
    }
    if (auth_user_add(f->a, &spec, PW, "cli:test", "cli", &err) != KL_OK)
        fail_msg("add %s: %s", name, err);
}

static int add_err(fx *f, const char *name, auth_role role, const char *land, const char *m1,
                   const char *pw, const char *want)
{
    auth_user spec = {.role = role, .land = land};
    char *err = NULL;
    snprintf(spec.name, sizeof spec.name, "%s", name);
    if (m1) {
        spec.ministries[0] = m1;
        spec.nministries = 1;
    }
    int rc = auth_user_add(f->a, &spec, pw, NULL, NULL, &err);
    if (!err || !strstr(err, want))
        fail_msg("add %s: message „%s“ lacks „%s“", name, err ? err : "(none)", want);
    free(err);
    return rc;
}

static void test_users(void **state)
{
    fx *f = *state;
    add(f, "anna", AUTH_ADMIN, NULL, NULL);
    add(f, "bayern.1", AUTH_LAND_EDITOR, "DE-BY", NULL);
    add(f, "bund-bmbf", AUTH_FEDERAL_EDITOR, NULL, "bmbf"); /* any case */
    add(f, "vorsitz", AUTH_CHAIR, NULL, NULL);
    assert_int_equal(add_err(f, "Anna", AUTH_ADMIN, NULL, NULL, PW, "Kleinbuchstaben"), KL_EINVAL);
    assert_int_equal(add_err(f, "an na", AUTH_ADMIN, NULL, NULL, PW, "a-z"), KL_EINVAL);
    assert_int_equal(add_err(f, "", AUTH_ADMIN, NULL, NULL, PW, "name"), KL_EINVAL);
    assert_int_equal(add_err(f, "x", AUTH_LAND_EDITOR, NULL, NULL, PW, "braucht ein Land"),
                     KL_EINVAL);
    assert_int_equal(add_err(f, "x", AUTH_ADMIN, "DE-BY", NULL, PW, "nur die Rolle land-editor"),
                     KL_EINVAL);
    assert_int_equal(add_err(f, "x", AUTH_LAND_EDITOR, "DE-XX", NULL, PW, "kein Land"), KL_EINVAL);
    assert_int_equal(add_err(f, "x", AUTH_FEDERAL_EDITOR, NULL, NULL, PW, "mindestens ein"),
                     KL_EINVAL);
    assert_int_equal(add_err(f, "x", AUTH_FEDERAL_EDITOR, NULL, "BMXY", PW, "kein Bundesmin"),
                     KL_EINVAL);
    assert_int_equal(add_err(f, "x", AUTH_CHAIR, NULL, "BMI", PW, "nur die Rolle federal"),
                     KL_EINVAL);
    assert_int_equal(add_err(f, "x", AUTH_ADMIN, NULL, NULL, "kurz", "mindestens 12"), KL_EINVAL);
    assert_int_equal(add_err(f, "anna", AUTH_CHAIR, NULL, NULL, PW, "gibt es schon"), KL_ECONFLICT);

    auth_user u;
    assert_int_equal(auth_user_get(f->a, "bund-bmbf", &u, NULL), KL_OK);
    assert_int_equal(u.role, AUTH_FEDERAL_EDITOR);
    assert_int_equal(u.nministries, 1);
    assert_string_equal(u.ministries[0], "BMBF");
    assert_int_equal(auth_user_get(f->a, "bayern.1", &u, NULL), KL_OK);
    assert_string_equal(u.land, "DE-BY");
    assert_int_equal(auth_user_get(f->a, "niemand", &u, NULL), KL_ENOTFOUND);

    json_t *list;
    assert_int_equal(auth_user_list(f->a, &list, NULL), KL_OK);
    assert_int_equal(json_array_size(list), 4);
    json_t *first = json_array_get(list, 0);
    assert_string_equal(json_string_value(json_object_get(first, "name")), "anna");
    assert_string_equal(json_string_value(json_object_get(first, "role")), "admin");
    json_t *fed = json_array_get(list, 2);
    assert_string_equal(json_string_value(json_array_get(json_object_get(fed, "ministries"), 0)),
                        "BMBF");
    /* Nothing secret in the list. */
    char *text = json_dumps(list, 0);
    assert_null(strstr(text, "argon2"));
    free(text);
    json_decref(list);

    /* The password is stored as an argon2id hash, never as given. */
    sqlite3_stmt *st;
    sqlite3_prepare_v2(store_sqlite(f->s), "SELECT pwhash FROM auth_user WHERE name = 'anna'", -1,
                       &st, NULL);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    const char *h = (const char *)sqlite3_column_text(st, 0);
    assert_true(strncmp(h, "$argon2id$", 10) == 0);
    assert_null(strstr(h, PW));
    sqlite3_finalize(st);
}

/* count_rows: rows of a query's count(*). */
static long long count_rows(fx *f, const char *q)
{
    sqlite3_stmt *st;
    long long n = -1;
    if (sqlite3_prepare_v2(store_sqlite(f->s), q, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void test_login_session(void **state)
{
    fx *f = *state;
    auth_session s1, s2, info;
    auth_user u;
    int wait;
    char *err = NULL;
    add(f, "bayern.1", AUTH_LAND_EDITOR, "DE-BY", NULL);
    assert_int_equal(auth_login(f->a, "bayern.1", PW, "10.0.0.1", &s1, &u, &wait, NULL), KL_OK);
    assert_string_equal(u.name, "bayern.1");
    assert_int_equal(u.role, AUTH_LAND_EDITOR);
    assert_int_equal(strlen(s1.id), AUTH_SECRET_LEN);
    assert_int_equal(strlen(s1.csrf), AUTH_SECRET_LEN);
    assert_int_equal(s1.expires, f->now + 3600);
    /* Names are matched in any case. */
    assert_int_equal(auth_login(f->a, "Bayern.1", PW, "10.0.0.1", &s2, &u, &wait, NULL), KL_OK);
    assert_string_not_equal(s1.id, s2.id);

    /* Reading needs the session; writing also its CSRF token. */
    assert_int_equal(auth_session_check(f->a, s1.id, 0, NULL, &u, &info, NULL), KL_OK);
    assert_string_equal(u.land, "DE-BY");
    assert_string_equal(info.csrf, s1.csrf);
    assert_int_equal(auth_session_check(f->a, s1.id, 1, NULL, &u, NULL, &err), KL_EPERM);
    assert_non_null(strstr(err, "CSRF"));
    free(err);
    assert_int_equal(auth_session_check(f->a, s1.id, 1, s2.csrf, &u, NULL, NULL), KL_EPERM);
    assert_int_equal(u.role, AUTH_NOBODY);
    assert_int_equal(auth_session_check(f->a, s1.id, 1, "", &u, NULL, NULL), KL_EPERM);
    assert_int_equal(auth_session_check(f->a, s1.id, 1, s1.csrf, &u, NULL, NULL), KL_OK);
    /* Garbage, unknown ids: no session. */
    assert_int_equal(auth_session_check(f->a, "x", 0, NULL, &u, NULL, NULL), KL_EAUTH);
    assert_int_equal(auth_session_check(f->a, NULL, 0, NULL, &u, NULL, NULL), KL_EAUTH);
    char other[AUTH_SECRET_LEN + 1];
    memset(other, 'A', AUTH_SECRET_LEN);
    other[AUTH_SECRET_LEN] = '\0';
    assert_int_equal(auth_session_check(f->a, other, 0, NULL, &u, NULL, NULL), KL_EAUTH);
    /* Only hashes are stored. */
    char q[200];
    snprintf(q, sizeof q, "SELECT count(*) FROM auth_session WHERE hash = '%s' OR csrf = '%s'",
             s1.id, s1.id);
    assert_int_equal(count_rows(f, q), 0);

    /* Wrong password, unknown account, garbage name: one answer. */
    err = NULL;
    assert_int_equal(
        auth_login(f->a, "bayern.1", "falsches-Passwort", "10.0.0.2", &s2, &u, &wait, &err),
        KL_EAUTH);
    assert_string_equal(err, "Name oder Passwort falsch");
    free(err);
    assert_int_equal(u.id, 0);
    assert_int_equal(auth_login(f->a, "niemand", PW, "10.0.0.2", &s2, &u, &wait, NULL), KL_EAUTH);
    assert_int_equal(auth_login(f->a, "\xff\xfe", PW, "10.0.0.3", &s2, &u, &wait, NULL), KL_EAUTH);
    assert_int_equal(auth_login(f->a, "bayern.1", "", NULL, &s2, &u, &wait, NULL), KL_EINVAL);
    assert_int_equal(auth_login(f->a, NULL, PW, NULL, &s2, &u, &wait, NULL), KL_EINVAL);

    /* Sessions expire. */
    f->now += 3599;
    assert_int_equal(auth_session_check(f->a, s1.id, 0, NULL, &u, NULL, NULL), KL_OK);
    f->now += 1;
    err = NULL;
    assert_int_equal(auth_session_check(f->a, s1.id, 0, NULL, &u, NULL, &err), KL_EAUTH);
    assert_non_null(strstr(err, "abgelaufen"));
    free(err);
    /* A login clears expired sessions away. */
    assert_int_equal(auth_login(f->a, "bayern.1", PW, NULL, &s2, &u, &wait, NULL), KL_OK);
    assert_int_equal(count_rows(f, "SELECT count(*) FROM auth_session"), 1);

    /* Logout ends one session; twice is fine. */
    assert_int_equal(auth_logout(f->a, s2.id, "10.0.0.1", NULL), KL_OK);
    assert_int_equal(auth_session_check(f->a, s2.id, 0, NULL, &u, NULL, NULL), KL_EAUTH);
    assert_int_equal(auth_logout(f->a, s2.id, "10.0.0.1", NULL), KL_OK);

    /* Logout everywhere. */
    int ended = -1;
    assert_int_equal(auth_login(f->a, "bayern.1", PW, NULL, &s1, &u, &wait, NULL), KL_OK);
    assert_int_equal(auth_login(f->a, "bayern.1", PW, NULL, &s2, &u, &wait, NULL), KL_OK);
    assert_int_equal(auth_logout_all(f->a, "bayern.1", "cli:test", "cli", &ended, NULL), KL_OK);
    assert_int_equal(ended, 2);
    assert_int_equal(auth_session_check(f->a, s1.id, 0, NULL, &u, NULL, NULL), KL_EAUTH);
    assert_int_equal(auth_session_check(f->a, s2.id, 0, NULL, &u, NULL, NULL), KL_EAUTH);
    assert_int_equal(auth_logout_all(f->a, "niemand", NULL, NULL, NULL, NULL), KL_ENOTFOUND);
}

static void test_disable_passwd(void **state)
{
    fx *f = *state;
    auth_session s;
    auth_user u;
    int wait;
    char tok[AUTH_TOKEN_LEN + 1];
    add(f, "bund-bmbf", AUTH_FEDERAL_EDITOR, NULL, "BMBF");
    assert_int_equal(auth_login(f->a, "bund-bmbf", PW, NULL, &s, &u, &wait, NULL), KL_OK);
    assert_int_equal(auth_token_new(f->a, "bund-bmbf", "skript", tok, NULL, NULL, NULL, NULL),
                     KL_OK);
    /* Disabled: no session, no login, no token. */
    assert_int_equal(auth_user_disable(f->a, "bund-bmbf", 1, "cli:test", "cli", NULL), KL_OK);
    assert_int_equal(auth_session_check(f->a, s.id, 0, NULL, &u, NULL, NULL), KL_EAUTH);
    assert_int_equal(auth_login(f->a, "bund-bmbf", PW, NULL, &s, &u, &wait, NULL), KL_EAUTH);
    assert_int_equal(auth_token_check(f->a, tok, &u, NULL), KL_EAUTH);
    assert_int_equal(auth_user_get(f->a, "bund-bmbf", &u, NULL), KL_OK);
    assert_true(u.disabled);
    assert_false(auth_may(&u, AUTH_IMPORT, NULL, NULL));
    assert_int_equal(auth_user_disable(f->a, "niemand", 1, NULL, NULL, NULL), KL_ENOTFOUND);
    /* Enabled again: the token works again, the session stays ended. */
    assert_int_equal(auth_user_disable(f->a, "bund-bmbf", 0, NULL, NULL, NULL), KL_OK);
    assert_int_equal(auth_token_check(f->a, tok, &u, NULL), KL_OK);
    assert_int_equal(auth_session_check(f->a, s.id, 0, NULL, &u, NULL, NULL), KL_EAUTH);

    /* A new password: the old one fails, sessions end. */
    assert_int_equal(auth_login(f->a, "bund-bmbf", PW, NULL, &s, &u, &wait, NULL), KL_OK);
    assert_int_equal(auth_user_passwd(f->a, "bund-bmbf", "zu kurz", NULL, NULL, NULL), KL_EINVAL);
    assert_int_equal(
        auth_user_passwd(f->a, "bund-bmbf", "ein-ganz-neues-Passwort", "cli:test", "cli", NULL),
        KL_OK);
    assert_int_equal(auth_session_check(f->a, s.id, 0, NULL, &u, NULL, NULL), KL_EAUTH);
    assert_int_equal(auth_login(f->a, "bund-bmbf", PW, NULL, &s, &u, &wait, NULL), KL_EAUTH);
    assert_int_equal(
        auth_login(f->a, "bund-bmbf", "ein-ganz-neues-Passwort", NULL, &s, &u, &wait, NULL), KL_OK);
    assert_int_equal(auth_user_passwd(f->a, "niemand", PW, NULL, NULL, NULL), KL_ENOTFOUND);
}

static void test_tokens(void **state)
{
    fx *f = *state;
    char t1[AUTH_TOKEN_LEN + 1], t2[AUTH_TOKEN_LEN + 1];
    long long id1, id2;
    auth_user u;
    add(f, "anna", AUTH_ADMIN, NULL, NULL);
    add(f, "bayern.1", AUTH_LAND_EDITOR, "DE-BY", NULL);
    assert_int_equal(auth_token_new(f->a, "anna", "Export", t1, &id1, "cli:test", "cli", NULL),
                     KL_OK);
    assert_int_equal(auth_token_new(f->a, "bayern.1", NULL, t2, &id2, NULL, NULL, NULL), KL_OK);
    assert_int_equal(strlen(t1), AUTH_TOKEN_LEN);
    assert_true(strncmp(t1, "klt_", 4) == 0);
    char t3[AUTH_TOKEN_LEN + 1];
    assert_int_equal(auth_token_new(f->a, "niemand", NULL, t3, NULL, NULL, NULL, NULL),
                     KL_ENOTFOUND);
    assert_string_equal(t3, "");
    assert_int_equal(auth_token_check(f->a, t1, &u, NULL), KL_OK);
    assert_string_equal(u.name, "anna");
    assert_int_equal(u.role, AUTH_ADMIN);
    /* Near misses are refused. */
    char bad[AUTH_TOKEN_LEN + 1];
    memcpy(bad, t1, sizeof bad);
    bad[10] = bad[10] == 'A' ? 'B' : 'A';
    assert_int_equal(auth_token_check(f->a, bad, &u, NULL), KL_EAUTH);
    assert_int_equal(auth_token_check(f->a, t1 + 4, &u, NULL), KL_EAUTH);
    assert_int_equal(auth_token_check(f->a, "", &u, NULL), KL_EAUTH);
    assert_int_equal(auth_token_check(f->a, NULL, &u, NULL), KL_EAUTH);
    /* Only the hash is stored. */
    char q[200];
    snprintf(q, sizeof q, "SELECT count(*) FROM auth_token WHERE hash = '%s' OR name = '%s'", t1,
             t1);
    assert_int_equal(count_rows(f, q), 0);
    /* Listed with names and ids, never the token. */
    json_t *list;
    assert_int_equal(auth_token_list(f->a, "anna", &list, NULL), KL_OK);
    assert_int_equal(json_array_size(list), 1);
    json_t *t = json_array_get(list, 0);
    assert_int_equal(json_integer_value(json_object_get(t, "id")), id1);
    assert_string_equal(json_string_value(json_object_get(t, "name")), "Export");
    assert_true(json_is_string(json_object_get(t, "last_used_at")));
    char *text = json_dumps(list, 0);
    assert_null(strstr(text, t1 + 4));
    free(text);
    json_decref(list);
    assert_int_equal(auth_token_list(f->a, NULL, &list, NULL), KL_OK);
    assert_int_equal(json_array_size(list), 2);
    json_decref(list);
    /* Revoked: refused; revoking another user's token or twice: not found. */
    assert_int_equal(auth_token_revoke(f->a, "bayern.1", id1, NULL, NULL, NULL), KL_ENOTFOUND);
    assert_int_equal(auth_token_revoke(f->a, "anna", id1, "cli:test", "cli", NULL), KL_OK);
    assert_int_equal(auth_token_check(f->a, t1, &u, NULL), KL_EAUTH);
    assert_int_equal(auth_token_revoke(f->a, "anna", id1, NULL, NULL, NULL), KL_ENOTFOUND);
    assert_int_equal(auth_token_check(f->a, t2, &u, NULL), KL_OK);
    assert_string_equal(u.land, "DE-BY");
    assert_int_equal(auth_user_list(f->a, &list, NULL), KL_OK);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(list, 0), "tokens")), 0);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(list, 1), "tokens")), 1);
    json_decref(list);
}

static int login(fx *f, const char *name, const char *pw, const char *addr, int *wait)
{
    auth_session s;
    auth_user u;
    return auth_login(f->a, name, pw, addr, &s, &u, wait, NULL);
}

static void test_rate_limit(void **state)
{
    fx *f = *state;
    int wait = 0;
    add(f, "anna", AUTH_ADMIN, NULL, NULL);
    add(f, "bert", AUTH_CHAIR, NULL, NULL);
    /* Per account: 3 failures in the window, then refused even with the
     * right password, from any address, until the first failure ages
     * out. */
    for (int i = 0; i < 3; i++) {
        assert_int_equal(login(f, "anna", "falsch-falsch-falsch", "10.0.0.1", &wait), KL_EAUTH);
        f->now += 10;
    }
    assert_int_equal(login(f, "anna", PW, "10.0.0.9", &wait), KL_ELIMIT);
    assert_int_equal(wait, 600 - 30);
    assert_int_equal(login(f, "ANNA", PW, "10.0.0.8", &wait), KL_ELIMIT);
    /* Another account from the same address is not affected yet. */
    assert_int_equal(login(f, "bert", PW, "10.0.0.1", &wait), KL_OK);
    /* It survives a restart: the count is in the database. */
    auth_close(f->a);
    store_close(f->s);
    assert_int_equal(store_open(f->path, g, 0, &f->s, NULL), KL_OK);
    assert_int_equal(auth_open(f->s, &f->cfg, &f->a, NULL), KL_OK);
    assert_int_equal(login(f, "anna", PW, "10.0.0.9", &wait), KL_ELIMIT);
    f->now += wait - 1;
    assert_int_equal(login(f, "anna", PW, "10.0.0.9", &wait), KL_ELIMIT);
    assert_int_equal(wait, 1);
    f->now += 1;
    assert_int_equal(login(f, "anna", PW, "10.0.0.9", &wait), KL_OK);
    /* A success clears the account's count. */
    for (int i = 0; i < 2; i++)
        assert_int_equal(login(f, "anna", "falsch-falsch-falsch", "10.0.0.2", &wait), KL_EAUTH);
    assert_int_equal(login(f, "anna", PW, "10.0.0.2", &wait), KL_OK);
    for (int i = 0; i < 2; i++)
        assert_int_equal(login(f, "anna", "falsch-falsch-falsch", "10.0.0.2", &wait), KL_EAUTH);
    assert_int_equal(login(f, "anna", PW, "10.0.0.2", &wait), KL_OK);
    /* Per address: 6 failures from 10.0.0.3 under changing names, then
     * that address is refused for every account; others are not. */
    const char *names[] = {"x1", "x2", "x3", "x4", "x5", "bert"};
    for (int i = 0; i < 6; i++)
        assert_int_equal(login(f, names[i], "falsch-falsch-falsch", "10.0.0.3", &wait), KL_EAUTH);
    assert_int_equal(login(f, "bert", PW, "10.0.0.3", &wait), KL_ELIMIT);
    assert_int_equal(login(f, "anna", PW, "10.0.0.3", &wait), KL_ELIMIT);
    assert_int_equal(wait, 600);
    assert_int_equal(login(f, "bert", PW, "10.0.0.4", &wait), KL_OK);
    /* The audit log has each failure, and the refusals once per key. */
    assert_int_equal(count_rows(f, "SELECT count(*) FROM auth_audit WHERE action = 'login-failed'"),
                     3 + 4 + 6);
    assert_int_equal(
        count_rows(f, "SELECT count(*) FROM auth_audit WHERE action = 'login-limited'"), 2);
    assert_int_equal(count_rows(f, "SELECT count(*) FROM auth_audit WHERE action = 'login-failed'"
                                   " AND user IS NULL"),
                     0);
}

/* Hashes made with weaker limits are renewed at the next login. */
static void test_rehash(void **state)
{
    fx *f = *state;
    int wait;
    add(f, "anna", AUTH_ADMIN, NULL, NULL);
    auth_close(f->a);
    auth_config stronger = f->cfg;
    stronger.pw_ops = 2;
    assert_int_equal(auth_open(f->s, &stronger, &f->a, NULL), KL_OK);
    assert_int_equal(count_rows(f, "SELECT count(*) FROM auth_user WHERE pwhash LIKE '%t=1,%'"), 1);
    assert_int_equal(login(f, "anna", PW, NULL, &wait), KL_OK);
    assert_int_equal(count_rows(f, "SELECT count(*) FROM auth_user WHERE pwhash LIKE '%t=2,%'"), 1);
    assert_int_equal(login(f, "anna", PW, NULL, &wait), KL_OK);
}

static void test_audit(void **state)
{
    fx *f = *state;
    int wait;
    char *err = NULL;
    add(f, "anna", AUTH_ADMIN, NULL, NULL);
    add(f, "bayern.1", AUTH_LAND_EDITOR, "DE-BY", NULL);
    assert_int_equal(login(f, "bayern.1", PW, "192.0.2.7", &wait), KL_OK);
    assert_int_equal(login(f, "bayern.1", "falsch-falsch-falsch", "192.0.2.7", &wait), KL_EAUTH);
    /* auth_check: allowed passes silently; refused is logged and says why. */
    auth_user by;
    assert_int_equal(auth_user_get(f->a, "bayern.1", &by, NULL), KL_OK);
    assert_int_equal(
        auth_check(f->a, &by, "192.0.2.7", AUTH_EDIT, entries[E_BY_DRAFT], entries[E_BY_PUB], NULL),
        KL_OK);
    assert_int_equal(auth_check(f->a, &by, "192.0.2.7", AUTH_EDIT, entries[E_BY_DRAFT],
                                entries[E_BE_DRAFT], &err),
                     KL_EPERM);
    assert_non_null(strstr(err, "be-c"));
    assert_non_null(strstr(err, "Land DE-BE"));
    assert_non_null(strstr(err, "bayern.1"));
    free(err);
    err = NULL;
    assert_int_equal(
        auth_check(f->a, NULL, "192.0.2.8", AUTH_DELETE, entries[E_BUND_BMBF], NULL, &err),
        KL_EAUTH);
    assert_non_null(strstr(err, "Anmeldung"));
    free(err);
    err = NULL;
    assert_int_equal(auth_check(f->a, &by, NULL, AUTH_ACCOUNTS, NULL, NULL, &err), KL_EPERM);
    assert_non_null(strstr(err, "Konten"));
    free(err);
    assert_int_equal(auth_audit(f->a, "bayern.1", "192.0.2.7", "update", "by-a", "Titel", NULL),
                     KL_OK);
    assert_int_equal(auth_audit(f->a, NULL, NULL, "", NULL, NULL, NULL), KL_EINVAL);

    json_t *list;
    assert_int_equal(auth_audit_list(f->a, NULL, 0, 0, &list, NULL), KL_OK);
    const char *want[] = {"update",       "refused", "refused",  "refused",
                          "login-failed", "login",   "user-add", "user-add"};
    assert_int_equal(json_array_size(list), N(want));
    for (size_t i = 0; i < N(want); i++)
        assert_string_equal(json_string_value(json_object_get(json_array_get(list, i), "action")),
                            want[i]);
    json_t *refused = json_array_get(list, 3);
    assert_string_equal(json_string_value(json_object_get(refused, "user")), "bayern.1");
    assert_string_equal(json_string_value(json_object_get(refused, "address")), "192.0.2.7");
    assert_string_equal(json_string_value(json_object_get(refused, "object")), "be-c");
    assert_string_equal(json_string_value(json_object_get(refused, "detail")),
                        "edit (land-editor)");
    assert_true(json_is_null(json_object_get(json_array_get(list, 2), "user")));
    json_int_t third = json_integer_value(json_object_get(json_array_get(list, 2), "id"));
    json_decref(list);
    /* Paging and one user's rows. */
    assert_int_equal(auth_audit_list(f->a, NULL, third, 2, &list, NULL), KL_OK);
    assert_int_equal(json_array_size(list), 2);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(list, 0), "id")), third - 1);
    json_decref(list);
    assert_int_equal(auth_audit_list(f->a, "bayern.1", 0, 0, &list, NULL), KL_OK);
    assert_int_equal(json_array_size(list), 5);
    json_decref(list);

    /* Inside a store batch the row joins the batch: rolled back with it. */
    assert_int_equal(store_begin(f->s, NULL), KL_OK);
    assert_int_equal(auth_audit(f->a, "anna", NULL, "update", "by-b", NULL, NULL), KL_OK);
    store_rollback(f->s);
    assert_int_equal(count_rows(f, "SELECT count(*) FROM auth_audit WHERE object = 'by-b'"), 0);
    /* Long and broken texts are kept in bounds. */
    char big[3000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(auth_audit(f->a, "anna", NULL, "note", big, "\xff", NULL), KL_OK);
    assert_int_equal(count_rows(f, "SELECT length(object) = 1000 AND detail = '(ungültiges UTF-8)'"
                                   " FROM auth_audit WHERE action = 'note'"),
                     1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_may_table),
        cmocka_unit_test(test_may_needs_entry),
        cmocka_unit_test(test_names),
        cmocka_unit_test_setup_teardown(test_users, setup, teardown),
        cmocka_unit_test_setup_teardown(test_login_session, setup, teardown),
        cmocka_unit_test_setup_teardown(test_disable_passwd, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tokens, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rate_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rehash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_audit, setup, teardown),
    };
    return cmocka_run_group_tests(tests, setup_entries, teardown_entries);
}
