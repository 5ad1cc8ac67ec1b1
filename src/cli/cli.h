/* cli.h: private to the command line (src/cli). One function per command,
 * a shared context, and the small option parser they all use. */
#ifndef KL_CLI_H
#define KL_CLI_H

#include <stddef.h>

#include "core/geo.h"
#include "core/store.h"

/* Exit codes of kilandkarte (documented in README and --help). */
enum {
    EXIT_OK = 0,
    EXIT_INVALID = 1,     /* bad input data: nothing of it was stored */
    EXIT_USAGE = 2,       /* bad command line */
    EXIT_NOTFOUND = 3,    /* no such entry or place */
    EXIT_DB = 4,          /* database or file could not be read or written */
    EXIT_CONFLICT = 5,    /* changed meanwhile, or exists already */
    CLI_HELP_SHOWN = 100, /* not an exit code: --help was answered */
};

typedef struct cli {
    const char *db_path; /* --db, $KILANDKARTE_DB, ./kilandkarte.db */
    const char *user;    /* who changes: --user, $KILANDKARTE_USER, $USER */
    int english;         /* --lang en or LANG=en*: help in English */
    geo *g;              /* loaded on first use */
    store *s;            /* opened on first use */
} cli;

/* cli_geo, cli_store: the gazetteer and the store, loaded or opened on
 * first use. NULL after printing the reason to stderr. Borrowed from c. */
const geo *cli_geo(cli *c);
store *cli_store(cli *c);

/* cli_exit_code: the exit code for an error code of err.h. */
int cli_exit_code(int rc);

/* cli_fail: print "kilandkarte: MSG" to stderr, free msg, return the exit
 * code for rc. */
int cli_fail(int rc, char *msg);

/* cli_print_json: j as JSON text (json_dumps with flags) and a newline on
 * stdout; "null" when jansson cannot write it. Borrows j. */
void cli_print_json(const json_t *j, size_t flags);

/* cli_show: the end of a command that asked the core for a JSON result
 * with --json or as text. rc != 0: cli_fail(rc, err). Otherwise res
 * through cli_print_json(res, json_flags) when as_json, else through
 * text(res). Takes ownership of err and res (NULL when rc != 0); returns
 * the exit code. */
int cli_show(int rc, char *err, json_t *res, int as_json, size_t json_flags,
             void (*text)(const json_t *res));

/* One option of a command: "--name" alone (flag) or "--name VALUE" /
 * "--name=VALUE". */
typedef struct cli_opt {
    const char *name;
    int takes_value;
    const char *value; /* set by cli_parse; borrowed from argv */
    int set;
} cli_opt;

/* cli_parse: read argv[0..argc) into opts and the positional arguments
 * (collected into pos[], at most maxpos). Returns 0; or prints usage to
 * stdout for --help and returns CLI_HELP_SHOWN; or prints what is wrong
 * and returns EXIT_USAGE. */
int cli_parse(int argc, char **argv, cli_opt *opts, size_t nopts, const char **pos, int maxpos,
              int *npos, const char *usage);

/* cli_opt_int: the option's value as an integer in [lo, hi], or prints an
 * error and returns EXIT_USAGE. *out keeps its value when unset. */
int cli_opt_int(const cli_opt *o, long lo, long hi, long *out);

/* The filter options shared by search, list and export, in this order at
 * the start of the command's option table (CLI_FILTER_OPTS). */
enum {
    CLI_F_LAND,
    CLI_F_KIND,
    CLI_F_FIELD,
    CLI_F_TARGET,
    CLI_F_YEAR,
    CLI_F_STATUS,
    CLI_F_NEAR,
    CLI_F_KM,
    CLI_F_BBOX,
    CLI_F_SORT,
    CLI_F__N
};

#define CLI_FILTER_OPTS                                                                            \
    {"land", 1, NULL, 0}, {"kind", 1, NULL, 0}, {"field", 1, NULL, 0}, {"target", 1, NULL, 0},     \
        {"year", 1, NULL, 0}, {"status", 1, NULL, 0}, {"near", 1, NULL, 0}, {"km", 1, NULL, 0},    \
        {"bbox", 1, NULL, 0},                                                                      \
    {                                                                                              \
        "sort", 1, NULL, 0                                                                         \
    }

/* cli_query_from_opts: fill q from the filter options f[0..CLI_F__N),
 * checking each value. The status defaults to def_status ("published" for
 * export, NULL = all for search). Returns 0 or an exit code after printing
 * what is wrong. Strings in q are borrowed from f, the Länder table or
 * the vocabularies. */
int cli_query_from_opts(cli *c, cli_opt *f, const char *def_status, store_query *q);

/* The commands. argv[0] is the command name. */
int cmd_init(cli *c, int argc, char **argv);
int cmd_add(cli *c, int argc, char **argv);
int cmd_get(cli *c, int argc, char **argv);
int cmd_list(cli *c, int argc, char **argv);
int cmd_search(cli *c, int argc, char **argv);
int cmd_history(cli *c, int argc, char **argv);
int cmd_delete(cli *c, int argc, char **argv);
int cmd_restore(cli *c, int argc, char **argv);
int cmd_publish(cli *c, int argc, char **argv);
int cmd_export(cli *c, int argc, char **argv);
int cmd_places(cli *c, int argc, char **argv);
int cmd_summary(cli *c, int argc, char **argv);
int cmd_import(cli *c, int argc, char **argv);
int cmd_similar(cli *c, int argc, char **argv);
int cmd_links(cli *c, int argc, char **argv);
int cmd_partners(cli *c, int argc, char **argv);
int cmd_compare(cli *c, int argc, char **argv);
int cmd_serve(cli *c, int argc, char **argv);
int cmd_feedback(cli *c, int argc, char **argv);
int cmd_chair(cli *c, int argc, char **argv);
int cmd_meetings(cli *c, int argc, char **argv);
int cmd_tasks(cli *c, int argc, char **argv);
int cmd_user(cli *c, int argc, char **argv);
int cmd_audit(cli *c, int argc, char **argv);
int cmd_backup(cli *c, int argc, char **argv);

/* cli_restore_file: `restore DATEI`: replace the database with a backup
 * (cmd_backup.c). Returns the exit code. */
int cli_restore_file(cli *c, const char *file);

#endif
