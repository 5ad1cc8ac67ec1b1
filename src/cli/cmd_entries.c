/* cmd_entries.c: commands on single entries and the database: init, get,
 * history, delete, restore, publish/unpublish, summary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/err.h"
#include "util/xalloc.h"

int cmd_init(cli *c, int argc, char **argv)
{
    const char *pos[1];
    int npos, rc;
    if ((rc = cli_parse(argc, argv, NULL, 0, pos, 0, &npos, "Aufruf: kilandkarte init\n")))
        return rc;
    store *s = cli_store(c);
    if (!s)
        return EXIT_DB;
    printf("Datenbank %s bereit (Schemaversion %d).\n", c->db_path, store_schema_version(s));
    return EXIT_OK;
}

/* Entries as JSON: indented, numbers to ten digits. */
#define JSON_FLAGS (JSON_INDENT(2) | JSON_REAL_PRECISION(10))

/* one_id: parse a command that takes exactly one id. */
static int one_id(int argc, char **argv, cli_opt *opts, size_t nopts, const char *usage,
                  const char **id)
{
    const char *pos[1];
    int npos;
    int rc = cli_parse(argc, argv, opts, nopts, pos, 1, &npos, usage);
    if (rc)
        return rc;
    if (npos != 1) {
        fprintf(stderr, "kilandkarte %s: eine ID fehlt\n%s", argv[0], usage);
        return EXIT_USAGE;
    }
    *id = pos[0];
    return 0;
}

int cmd_get(cli *c, int argc, char **argv)
{
    const char *id;
    int rc = one_id(argc, argv, NULL, 0, "Aufruf: kilandkarte get ID\n", &id);
    if (rc)
        return rc;
    store *s = cli_store(c);
    entry *e;
    char *err = NULL;
    if (!s)
        return EXIT_DB;
    if ((rc = store_get(s, id, &e, &err)))
        return cli_fail(rc, err);
    cli_print_json(entry_json(e), JSON_FLAGS);
    entry_free(e);
    return EXIT_OK;
}

static void print_changed(json_t *changed)
{
    size_t i;
    json_t *v;
    json_array_foreach(changed, i, v) printf("%s%s", i ? ", " : "", json_string_value(v));
}

static void print_history(const json_t *h)
{
    size_t i;
    json_t *v;
    json_array_foreach(h, i, v)
    {
        json_t *reason = json_object_get(v, "reason");
        printf("Version %lld  %s  %-8s %s",
               (long long)json_integer_value(json_object_get(v, "version")),
               json_string_value(json_object_get(v, "at")),
               json_string_value(json_object_get(v, "action")),
               json_string_value(json_object_get(v, "by")));
        if (json_array_size(json_object_get(v, "changed"))) {
            printf("  geändert: ");
            print_changed(json_object_get(v, "changed"));
        }
        if (json_is_string(reason))
            printf("  („%s“)", json_string_value(reason));
        putchar('\n');
    }
}

int cmd_history(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"json", 0, NULL, 0}};
    const char *id;
    int rc = one_id(argc, argv, opts, 1, "Aufruf: kilandkarte history ID [--json]\n", &id);
    if (rc)
        return rc;
    store *s = cli_store(c);
    json_t *h = NULL;
    char *err = NULL;
    if (!s)
        return EXIT_DB;
    rc = store_history(s, id, &h, &err);
    return cli_show(rc, err, h, opts[0].set, JSON_FLAGS, print_history);
}

int cmd_delete(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"reason", 1, NULL, 0}};
    const char *id;
    int rc = one_id(argc, argv, opts, 1, "Aufruf: kilandkarte delete ID [--reason TEXT]\n", &id);
    if (rc)
        return rc;
    store *s = cli_store(c);
    char *err = NULL;
    if (!s)
        return EXIT_DB;
    if ((rc = store_delete(s, id, c->user, opts[0].value, &err)))
        return cli_fail(rc, err);
    printf("Eintrag %s gelöscht (rückgängig: kilandkarte restore %s).\n", id, id);
    return EXIT_OK;
}

int cmd_restore(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"version", 1, NULL, 0}};
    const char *id;
    long version = 0;
    int rc =
        one_id(argc, argv, opts, 1,
               "Aufruf: kilandkarte restore ID [--version N]\n"
               "        kilandkarte restore DATEI   (die Datenbank aus einer Sicherung;\n"
               "                                    ein Pfad mit . oder /, z. B. ./sicherung)\n",
               &id);
    if (rc || (rc = cli_opt_int(&opts[0], 1, 1000000000, &version)))
        return rc;
    /* Entry ids are [a-z0-9_-]: a "." or "/" makes it a path. */
    if (strpbrk(id, "./")) {
        if (opts[0].set) {
            fprintf(stderr, "kilandkarte restore: --version gilt nur für Einträge\n");
            return EXIT_USAGE;
        }
        return cli_restore_file(c, id);
    }
    store *s = cli_store(c);
    char *err = NULL;
    int nv;
    if (!s)
        return EXIT_DB;
    if ((rc = store_restore(s, id, (int)version, c->user, &nv, &err)))
        return cli_fail(rc, err);
    printf("Eintrag %s wiederhergestellt als Version %d.\n", id, nv);
    return EXIT_OK;
}

int cmd_publish(cli *c, int argc, char **argv)
{
    const char *id;
    int publish = strcmp(argv[0], "publish") == 0;
    int rc = one_id(
        argc, argv, NULL, 0,
        publish ? "Aufruf: kilandkarte publish ID\n" : "Aufruf: kilandkarte unpublish ID\n", &id);
    if (rc)
        return rc;
    store *s = cli_store(c);
    char *err = NULL;
    if (!s)
        return EXIT_DB;
    if ((rc = store_set_status(s, id, publish ? "published" : "draft", c->user, &err)))
        return cli_fail(rc, err);
    printf("Eintrag %s ist %s.\n", id, publish ? "veröffentlicht" : "wieder ein Entwurf");
    return EXIT_OK;
}

static void print_counts(const char *label, json_t *o)
{
    const char *k;
    json_t *v;
    printf("%s:", label);
    json_object_foreach(o, k, v) printf(" %s %lld", k, (long long)json_integer_value(v));
    putchar('\n');
}

static void print_summary(const json_t *o)
{
    printf("%lld Einträge (%lld veröffentlicht, %lld Entwürfe, %lld gelöscht)\n",
           (long long)json_integer_value(json_object_get(o, "entries")),
           (long long)json_integer_value(json_object_get(o, "published")),
           (long long)json_integer_value(json_object_get(o, "drafts")),
           (long long)json_integer_value(json_object_get(o, "deleted")));
    print_counts("Nach Land", json_object_get(o, "by_land"));
    print_counts("Nach Art", json_object_get(o, "by_kind"));
}

int cmd_summary(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"json", 0, NULL, 0}};
    const char *pos[1];
    int npos, rc;
    if ((rc = cli_parse(argc, argv, opts, 1, pos, 0, &npos,
                        "Aufruf: kilandkarte summary [--json]\n")))
        return rc;
    store *s = cli_store(c);
    json_t *o = NULL;
    char *err = NULL;
    if (!s)
        return EXIT_DB;
    rc = store_summary(s, &o, &err);
    return cli_show(rc, err, o, opts[0].set, JSON_FLAGS, print_summary);
}
