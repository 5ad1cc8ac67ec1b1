/* cmd_util.c: what every command shares: context, errors, options. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/err.h"

const geo *cli_geo(cli *c)
{
    char *err = NULL;
    if (!c->g && geo_open_builtin(&c->g, &err) != KL_OK) {
        cli_fail(KL_EIO, err);
        return NULL;
    }
    return c->g;
}

store *cli_store(cli *c)
{
    char *err = NULL;
    if (c->s)
        return c->s;
    if (!cli_geo(c))
        return NULL;
    if (store_open(c->db_path, c->g, 0, &c->s, &err) != KL_OK) {
        cli_fail(KL_EDB, err);
        return NULL;
    }
    return c->s;
}

int cli_exit_code(int rc)
{
    switch (rc) {
    case KL_OK:
        return EXIT_OK;
    case KL_EINVAL:
    case KL_EAMBIG:
        return EXIT_INVALID;
    case KL_ENOTFOUND:
        return EXIT_NOTFOUND;
    case KL_ECONFLICT:
        return EXIT_CONFLICT;
    default:
        return EXIT_DB;
    }
}

int cli_fail(int rc, char *msg)
{
    fprintf(stderr, "kilandkarte: %s\n", msg ? msg : err_name(rc));
    free(msg);
    return cli_exit_code(rc);
}

void cli_print_json(const json_t *j, size_t flags)
{
    char *out = json_dumps(j, flags);
    puts(out ? out : "null");
    free(out);
}

int cli_show(int rc, char *err, json_t *res, int as_json, size_t json_flags,
             void (*text)(const json_t *res))
{
    if (rc)
        return cli_fail(rc, err);
    if (as_json)
        cli_print_json(res, json_flags);
    else
        text(res);
    json_decref(res);
    return EXIT_OK;
}

static cli_opt *find_opt(cli_opt *opts, size_t n, const char *name, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(opts[i].name) == len && strncmp(opts[i].name, name, len) == 0)
            return &opts[i];
    return NULL;
}

int cli_parse(int argc, char **argv, cli_opt *opts, size_t nopts, const char **pos, int maxpos,
              int *npos, const char *usage)
{
    *npos = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++) {
                if (*npos >= maxpos)
                    goto too_many;
                pos[(*npos)++] = argv[i];
            }
            break;
        }
        if (strncmp(a, "--", 2) != 0 || strlen(a) == 2) {
            if (*npos >= maxpos)
                goto too_many;
            pos[(*npos)++] = a;
            continue;
        }
        if (strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return CLI_HELP_SHOWN;
        }
        const char *eq = strchr(a + 2, '=');
        size_t len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
        cli_opt *o = find_opt(opts, nopts, a + 2, len);
        if (!o) {
            fprintf(stderr, "kilandkarte %s: unbekannte Option „%.*s“\n%s", argv[0], (int)len + 2,
                    a, usage);
            return EXIT_USAGE;
        }
        o->set = 1;
        if (!o->takes_value) {
            if (eq) {
                fprintf(stderr, "kilandkarte %s: Option „--%s“ nimmt keinen Wert\n", argv[0],
                        o->name);
                return EXIT_USAGE;
            }
            continue;
        }
        if (eq) {
            o->value = eq + 1;
        } else if (i + 1 < argc) {
            o->value = argv[++i];
        } else {
            fprintf(stderr, "kilandkarte %s: Option „--%s“ braucht einen Wert\n", argv[0], o->name);
            return EXIT_USAGE;
        }
    }
    return 0;
too_many:
    fprintf(stderr, "kilandkarte %s: zu viele Argumente\n%s", argv[0], usage);
    return EXIT_USAGE;
}

int cli_opt_int(const cli_opt *o, long lo, long hi, long *out)
{
    if (!o->set)
        return 0;
    char *end;
    errno = 0;
    long v = strtol(o->value, &end, 10);
    if (errno || end == o->value || *end || v < lo || v > hi) {
        fprintf(stderr, "kilandkarte: „--%s %s“: erwartet eine ganze Zahl von %ld bis %ld\n",
                o->name, o->value, lo, hi);
        return EXIT_USAGE;
    }
    *out = v;
    return 0;
}
