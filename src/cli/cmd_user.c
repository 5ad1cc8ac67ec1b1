/* cmd_user.c: `kilandkarte user ...` (accounts, passwords, API tokens,
 * sessions) and `kilandkarte audit` (the audit log). Passwords are read
 * from the terminal without echo, or from the first line of stdin when
 * stdin is not a terminal; never from the command line, where every user
 * of the machine could read them in the process list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "auth/auth.h"
#include "cli/cli.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

static const char usage[] =
    "Aufruf: kilandkarte user add NAME --role ROLLE [--land LAND] [--ministry KÜRZEL]...\n"
    "        kilandkarte user list [--json]\n"
    "        kilandkarte user disable NAME | user enable NAME\n"
    "        kilandkarte user passwd NAME\n"
    "        kilandkarte user token NAME [--name BEZEICHNUNG]\n"
    "        kilandkarte user tokens [NAME] [--json]\n"
    "        kilandkarte user revoke NAME TOKEN-NR\n"
    "        kilandkarte user logout NAME\n"
    "  Rollen: admin, chair (Vorsitzbüro: Konferenzdaten), land-editor (mit --land,\n"
    "  z. B. DE-BY), federal-editor (mit --ministry, auch mehrfach, z. B. BMBF).\n"
    "  Das Passwort (mindestens 12 Zeichen) wird am Terminal ohne Echo zweimal\n"
    "  abgefragt, sonst aus der ersten Zeile der Standardeingabe gelesen, nie aus\n"
    "  der Befehlszeile. token zeigt ein neues API-Token einmal (nur sein Hash wird\n"
    "  gespeichert); logout beendet alle Sitzungen des Kontos; disable sperrt es.\n";

/* read_line: one line of f into buf (without its line end). 0, or -1 at
 * EOF, -2 when it is longer than cap - 2 bytes. */
static int read_line(FILE *f, char *buf, size_t cap)
{
    if (!fgets(buf, (int)cap, f))
        return -1;
    size_t n = strlen(buf);
    int whole = n > 0 && buf[n - 1] == '\n';
    if (!whole && !feof(f))
        return -2;
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
        buf[--n] = '\0';
    return 0;
}

/* ask: prompt on stderr and read a line from the terminal without echo. */
static int ask(const char *prompt, char *buf, size_t cap)
{
    struct termios old, quiet;
    int have = tcgetattr(STDIN_FILENO, &old) == 0;
    fputs(prompt, stderr);
    fflush(stderr);
    if (have) {
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    int rc = read_line(stdin, buf, cap);
    if (have)
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
    fputc('\n', stderr);
    return rc;
}

/* read_password: the new password into buf (AUTH_PASSWORD_MAX + 2
 * bytes), checked. 0 or an exit code after printing why. */
static int read_password(char *buf, size_t cap)
{
    char *err = NULL;
    int rc;
    if (isatty(STDIN_FILENO)) {
        char *again = xmalloc(cap);
        rc = ask("Neues Passwort: ", buf, cap);
        if (!rc)
            rc = ask("Passwort wiederholen: ", again, cap);
        int same = rc == 0 && strcmp(buf, again) == 0;
        explicit_bzero(again, cap);
        free(again);
        if (rc == 0 && !same) {
            fprintf(stderr, "kilandkarte: die Passwörter stimmen nicht überein\n");
            return EXIT_INVALID;
        }
    } else {
        rc = read_line(stdin, buf, cap);
    }
    if (rc == -1) {
        fprintf(stderr, "kilandkarte: kein Passwort gelesen (Terminal oder erste Zeile der "
                        "Standardeingabe)\n");
        return EXIT_INVALID;
    }
    if (rc == -2) {
        fprintf(stderr, "kilandkarte: Passwort länger als %d Bytes\n", AUTH_PASSWORD_MAX);
        return EXIT_INVALID;
    }
    if ((rc = auth_password_check(buf, &err)))
        return cli_fail(rc, err);
    return 0;
}

/* A command on the accounts: the store, the handle, who acts. */
typedef struct ctx {
    store *s;
    auth *a;
    char by[AUTH_NAME_MAX + 8]; /* "cli:LOGIN" */
} ctx;

static int ctx_open(cli *c, ctx *x)
{
    char *err = NULL;
    memset(x, 0, sizeof *x);
    if (!(x->s = cli_store(c)))
        return EXIT_DB;
    int rc = auth_open(x->s, NULL, &x->a, &err);
    if (rc)
        return cli_fail(rc, err);
    snprintf(x->by, sizeof x->by, "cli:%s", c->user ? c->user : "?");
    return 0;
}

/* take_ministries: remove every "--ministry X" / "--ministry=X" from
 * argv (cli_parse keeps one value per option), collecting the values,
 * also comma-separated ones ("BMBF,BMI"). Returns the new argc, or -1
 * after printing what is wrong. The values point into argv or into
 * *keep (caller frees). */
static int take_ministries(int argc, char **argv, const char **m, size_t *n, char **keep)
{
    int out = 0;
    sbuf all = SBUF_INIT;
    *n = 0;
    for (int i = 0; i < argc; i++) {
        const char *v = NULL;
        if (strcmp(argv[i], "--ministry") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "kilandkarte user: Option „--ministry“ braucht einen Wert\n");
                sbuf_free(&all);
                return -1;
            }
            v = argv[++i];
        } else if (strncmp(argv[i], "--ministry=", 11) == 0) {
            v = argv[i] + 11;
        } else {
            argv[out++] = argv[i];
            continue;
        }
        sbuf_adds(&all, v);
        sbuf_addc(&all, ',');
    }
    *keep = sbuf_take(&all);
    for (char *p = *keep, *tok; (tok = strsep(&p, ","));) {
        if (!*tok)
            continue;
        if (*n >= AUTH_MINISTRIES_MAX) {
            fprintf(stderr, "kilandkarte user: höchstens %d Ministerien\n", AUTH_MINISTRIES_MAX);
            return -1;
        }
        m[(*n)++] = tok;
    }
    return out;
}

static int user_add(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"role", 1, NULL, 0}, {"land", 1, NULL, 0}};
    const char *pos[1], *m[AUTH_MINISTRIES_MAX];
    char *keep = NULL, *err = NULL;
    auth_user spec = {0};
    int npos, rc;
    argc = take_ministries(argc, argv, m, &spec.nministries, &keep);
    if (argc < 0) {
        free(keep);
        return EXIT_USAGE;
    }
    rc = cli_parse(argc, argv, opts, 2, pos, 1, &npos, usage);
    if (!rc && (npos != 1 || !opts[0].set)) {
        fprintf(stderr, "kilandkarte user add: NAME und --role fehlen\n%s", usage);
        rc = EXIT_USAGE;
    }
    if (!rc && (rc = auth_role_parse(opts[0].value, &spec.role, &err)))
        rc = cli_fail(rc, err);
    if (!rc && strlen(pos[0]) > AUTH_NAME_MAX) {
        fprintf(stderr, "kilandkarte: Name länger als %d Bytes\n", AUTH_NAME_MAX);
        rc = EXIT_INVALID;
    }
    if (!rc && opts[1].set) {
        /* Any name of a Land ("Bayern", "BY"), stored as its code. */
        const geo_land *l = geo_land_find(opts[1].value);
        if (!l) {
            fprintf(stderr, "kilandkarte: „%s“ ist kein Land (z. B. DE-BY oder Bayern)\n",
                    opts[1].value);
            rc = EXIT_INVALID;
        } else {
            spec.land = l->code;
        }
    }
    for (size_t i = 0; i < spec.nministries; i++)
        spec.ministries[i] = m[i];
    ctx x = {0};
    char *pw = xmalloc(AUTH_PASSWORD_MAX + 2);
    if (!rc) {
        snprintf(spec.name, sizeof spec.name, "%s", pos[0]);
        rc = ctx_open(c, &x);
    }
    /* Everything else is checked before the password is asked for. */
    if (!rc) {
        auth_user none;
        int found = auth_user_get(x.a, spec.name, &none, NULL) == KL_OK;
        if (found) {
            fprintf(stderr, "kilandkarte: Konto „%s“ gibt es schon\n", spec.name);
            rc = EXIT_CONFLICT;
        }
    }
    if (!rc)
        rc = read_password(pw, AUTH_PASSWORD_MAX + 2);
    if (!rc && (rc = auth_user_add(x.a, &spec, pw, x.by, "cli", &err)))
        rc = cli_fail(rc, err);
    if (!rc)
        printf("Konto %s (%s) angelegt.\n", spec.name, auth_role_name(spec.role));
    explicit_bzero(pw, AUTH_PASSWORD_MAX + 2);
    free(pw);
    free(keep);
    auth_close(x.a);
    return rc;
}

static void print_user(const json_t *u)
{
    json_t *land = json_object_get(u, "land"), *m = json_object_get(u, "ministries");
    char scope[200] = "-";
    if (json_is_string(land)) {
        snprintf(scope, sizeof scope, "%s", json_string_value(land));
    } else if (json_array_size(m)) {
        size_t n = 0, i;
        json_t *v;
        json_array_foreach(m, i, v) n += (size_t)snprintf(scope + n, sizeof scope - n, "%s%s",
                                                          i ? "," : "", json_string_value(v));
    }
    printf("%-20s %-15s %-16s %-9s %8lld %6lld\n", json_string_value(json_object_get(u, "name")),
           json_string_value(json_object_get(u, "role")), scope,
           json_is_true(json_object_get(u, "disabled")) ? "gesperrt" : "aktiv",
           (long long)json_integer_value(json_object_get(u, "sessions")),
           (long long)json_integer_value(json_object_get(u, "tokens")));
}

static void print_users(const json_t *list)
{
    size_t i;
    json_t *u;
    printf("%-20s %-15s %-16s %-9s %8s %6s\n", "NAME", "ROLLE", "LAND/MINISTERIEN", "STATUS",
           "SITZUNG.", "TOKENS");
    json_array_foreach(list, i, u) print_user(u);
}

static int user_list(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"json", 0, NULL, 0}};
    const char *pos[1];
    int npos, rc;
    char *err = NULL;
    json_t *list = NULL;
    ctx x;
    if ((rc = cli_parse(argc, argv, opts, 1, pos, 0, &npos, usage)) || (rc = ctx_open(c, &x)))
        return rc;
    rc = auth_user_list(x.a, &list, &err);
    auth_close(x.a);
    return cli_show(rc, err, list, opts[0].set, JSON_INDENT(2), print_users);
}

/* one_name: the commands that take exactly the NAME. */
static int one_name(int argc, char **argv, cli_opt *opts, size_t nopts, const char **name)
{
    const char *pos[1];
    int npos, rc = cli_parse(argc, argv, opts, nopts, pos, 1, &npos, usage);
    if (rc)
        return rc;
    if (npos != 1) {
        fprintf(stderr, "kilandkarte user %s: ein NAME fehlt\n%s", argv[0], usage);
        return EXIT_USAGE;
    }
    *name = pos[0];
    return 0;
}

static int user_disable(cli *c, int argc, char **argv)
{
    const char *name;
    char *err = NULL;
    int disable = strcmp(argv[0], "disable") == 0;
    ctx x;
    int rc = one_name(argc, argv, NULL, 0, &name);
    if (rc || (rc = ctx_open(c, &x)))
        return rc;
    rc = auth_user_disable(x.a, name, disable, x.by, "cli", &err);
    auth_close(x.a);
    if (rc)
        return cli_fail(rc, err);
    printf(disable ? "Konto %s gesperrt; seine Sitzungen sind beendet.\n"
                   : "Konto %s wieder freigegeben.\n",
           name);
    return EXIT_OK;
}

static int user_passwd(cli *c, int argc, char **argv)
{
    const char *name;
    char *err = NULL, *pw;
    auth_user u;
    ctx x;
    int rc = one_name(argc, argv, NULL, 0, &name);
    if (rc || (rc = ctx_open(c, &x)))
        return rc;
    if ((rc = auth_user_get(x.a, name, &u, &err))) {
        auth_close(x.a);
        return cli_fail(rc, err);
    }
    pw = xmalloc(AUTH_PASSWORD_MAX + 2);
    rc = read_password(pw, AUTH_PASSWORD_MAX + 2);
    if (!rc && (rc = auth_user_passwd(x.a, name, pw, x.by, "cli", &err)))
        rc = cli_fail(rc, err);
    if (!rc)
        printf("Passwort von %s geändert; alle Sitzungen des Kontos sind beendet.\n", name);
    explicit_bzero(pw, AUTH_PASSWORD_MAX + 2);
    free(pw);
    auth_close(x.a);
    return rc;
}

static int user_token(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"name", 1, NULL, 0}};
    const char *name;
    char *err = NULL, token[AUTH_TOKEN_LEN + 1];
    long long id;
    ctx x;
    int rc = one_name(argc, argv, opts, 1, &name);
    if (rc || (rc = ctx_open(c, &x)))
        return rc;
    rc = auth_token_new(x.a, name, opts[0].value, token, &id, x.by, "cli", &err);
    auth_close(x.a);
    if (rc)
        return cli_fail(rc, err);
    /* The token alone on stdout, so that a script can take it. */
    fprintf(stderr,
            "Neues API-Token Nr. %lld für %s. Es wird nur jetzt angezeigt; senden als\n"
            "„Authorization: Bearer TOKEN“. Widerrufen: kilandkarte user revoke %s %lld\n",
            id, name, name, id);
    puts(token);
    explicit_bzero(token, sizeof token);
    return EXIT_OK;
}

static void print_tokens(const json_t *list)
{
    size_t i;
    json_t *t;
    json_array_foreach(list, i, t)
    {
        json_t *used = json_object_get(t, "last_used_at");
        json_t *revoked = json_object_get(t, "revoked_at");
        printf("%5lld  %-20s %-24s angelegt %s, benutzt %s%s%s\n",
               (long long)json_integer_value(json_object_get(t, "id")),
               json_string_value(json_object_get(t, "user")),
               json_string_value(json_object_get(t, "name")),
               json_string_value(json_object_get(t, "created_at")),
               json_is_string(used) ? json_string_value(used) : "nie",
               json_is_string(revoked) ? ", widerrufen " : "",
               json_is_string(revoked) ? json_string_value(revoked) : "");
    }
}

static int user_tokens(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"json", 0, NULL, 0}};
    const char *pos[1];
    char *err = NULL;
    json_t *list = NULL;
    int npos, rc;
    ctx x;
    if ((rc = cli_parse(argc, argv, opts, 1, pos, 1, &npos, usage)) || (rc = ctx_open(c, &x)))
        return rc;
    auth_user u;
    if (npos == 1 && (rc = auth_user_get(x.a, pos[0], &u, &err))) {
        auth_close(x.a);
        return cli_fail(rc, err);
    }
    rc = auth_token_list(x.a, npos == 1 ? pos[0] : NULL, &list, &err);
    auth_close(x.a);
    return cli_show(rc, err, list, opts[0].set, JSON_INDENT(2), print_tokens);
}

static int user_revoke(cli *c, int argc, char **argv)
{
    const char *pos[2];
    char *err = NULL, *end;
    int npos, rc;
    ctx x;
    if ((rc = cli_parse(argc, argv, NULL, 0, pos, 2, &npos, usage)))
        return rc;
    long long id = npos == 2 ? strtoll(pos[1], &end, 10) : 0;
    if (npos != 2 || !*pos[1] || *end || id <= 0) {
        fprintf(stderr, "kilandkarte user revoke: NAME und TOKEN-NR erwartet\n%s", usage);
        return EXIT_USAGE;
    }
    if ((rc = ctx_open(c, &x)))
        return rc;
    rc = auth_token_revoke(x.a, pos[0], id, x.by, "cli", &err);
    auth_close(x.a);
    if (rc)
        return cli_fail(rc, err);
    printf("Token %lld von %s widerrufen.\n", id, pos[0]);
    return EXIT_OK;
}

static int user_logout(cli *c, int argc, char **argv)
{
    const char *name;
    char *err = NULL;
    int ended;
    ctx x;
    int rc = one_name(argc, argv, NULL, 0, &name);
    if (rc || (rc = ctx_open(c, &x)))
        return rc;
    rc = auth_logout_all(x.a, name, x.by, "cli", &ended, &err);
    auth_close(x.a);
    if (rc)
        return cli_fail(rc, err);
    printf("%d Sitzungen von %s beendet.\n", ended, name);
    return EXIT_OK;
}

int cmd_user(cli *c, int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*run)(cli *c, int argc, char **argv);
    } sub[] = {
        {"add", user_add},        {"list", user_list},     {"disable", user_disable},
        {"enable", user_disable}, {"passwd", user_passwd}, {"token", user_token},
        {"tokens", user_tokens},  {"revoke", user_revoke}, {"logout", user_logout},
    };
    if (argc < 2 || strcmp(argv[1], "--help") == 0) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : CLI_HELP_SHOWN;
    }
    for (size_t i = 0; i < sizeof sub / sizeof sub[0]; i++)
        if (strcmp(argv[1], sub[i].name) == 0)
            return sub[i].run(c, argc - 1, argv + 1);
    fprintf(stderr, "kilandkarte user: unbekannter Unterbefehl „%s“\n%s", argv[1], usage);
    return EXIT_USAGE;
}

static const char audit_usage[] =
    "Aufruf: kilandkarte audit [--user NAME] [--limit N] [--before ID] [--json]\n"
    "  Das Protokoll, neueste zuerst: Anmeldungen, Fehlversuche, Sperren,\n"
    "  verweigerte Zugriffe, Kontenänderungen und Änderungen an Einträgen.\n";

static void print_audit(const json_t *list)
{
    size_t i;
    json_t *r;
    json_array_foreach(list, i, r)
    {
        const char *keys[] = {"user", "address", "object", "detail"};
        printf("%6lld  %s  %-14s", (long long)json_integer_value(json_object_get(r, "id")),
               json_string_value(json_object_get(r, "at")),
               json_string_value(json_object_get(r, "action")));
        for (size_t k = 0; k < 4; k++) {
            json_t *v = json_object_get(r, keys[k]);
            printf("  %s", json_is_string(v) ? json_string_value(v) : "-");
        }
        putchar('\n');
    }
}

int cmd_audit(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {
        {"user", 1, NULL, 0}, {"limit", 1, NULL, 0}, {"before", 1, NULL, 0}, {"json", 0, NULL, 0}};
    const char *pos[1];
    long limit = 50, before = 0;
    int npos, rc;
    char *err = NULL;
    json_t *list = NULL;
    ctx x;
    if ((rc = cli_parse(argc, argv, opts, 4, pos, 0, &npos, audit_usage)) ||
        (rc = cli_opt_int(&opts[1], 1, 100000, &limit)) ||
        (rc = cli_opt_int(&opts[2], 1, 1L << 62, &before)) || (rc = ctx_open(c, &x)))
        return rc;
    rc = auth_audit_list(x.a, opts[0].value, before, (int)limit, &list, &err);
    auth_close(x.a);
    return cli_show(rc, err, list, opts[3].set, JSON_INDENT(2), print_audit);
}
