/* cmd_feedback.c: `kilandkarte feedback`: the messages sent through the
 * feedback form of the accessibility statement, for the admins. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/err.h"

static const char usage[] = "Aufruf: kilandkarte feedback [--all] [--json]\n"
                            "        kilandkarte feedback done NUMMER\n"
                            "  Zeigt neue Rückmeldungen (--all: auch erledigte); done markiert\n"
                            "  eine als erledigt.\n";

static int mark_done(store *s, const char *arg)
{
    char *end, *err = NULL;
    long long id = strtoll(arg, &end, 10);
    if (!*arg || *end || id <= 0) {
        fprintf(stderr, "kilandkarte feedback done: „%s“ ist keine Nummer\n", arg);
        return EXIT_USAGE;
    }
    int rc = store_feedback_done(s, id, &err);
    if (rc)
        return cli_fail(rc, err);
    printf("Rückmeldung %lld erledigt.\n", id);
    return EXIT_OK;
}

static void print_one(json_t *m)
{
    json_t *page = json_object_get(m, "page"), *contact = json_object_get(m, "contact");
    printf("#%lld  %s  %s%s%s\n", (long long)json_integer_value(json_object_get(m, "id")),
           json_string_value(json_object_get(m, "received_at")),
           json_string_value(json_object_get(m, "status")), json_is_string(page) ? "  Seite: " : "",
           json_is_string(page) ? json_string_value(page) : "");
    if (json_is_string(contact))
        printf("    Kontakt: %s\n", json_string_value(contact));
    printf("    %s\n", json_string_value(json_object_get(m, "message")));
}

int cmd_feedback(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"all", 0, NULL, 0}, {"json", 0, NULL, 0}};
    const char *pos[2];
    int npos, rc;
    if ((rc = cli_parse(argc, argv, opts, 2, pos, 2, &npos, usage)))
        return rc;
    if (npos == 1 || (npos == 2 && strcmp(pos[0], "done") != 0)) {
        fprintf(stderr, "kilandkarte feedback: unbekannter Aufruf\n%s", usage);
        return EXIT_USAGE;
    }
    store *s = cli_store(c);
    if (!s)
        return EXIT_DB;
    if (npos == 2)
        return mark_done(s, pos[1]);
    json_t *list;
    char *err = NULL;
    if ((rc = store_list_feedback(s, !opts[0].set, &list, &err)))
        return cli_fail(rc, err);
    if (opts[1].set) {
        char *out = json_dumps(list, JSON_COMPACT);
        puts(out);
        free(out);
    } else {
        size_t i;
        json_t *m;
        printf("%zu Rückmeldungen\n", json_array_size(list));
        json_array_foreach(list, i, m) print_one(m);
    }
    json_decref(list);
    return EXIT_OK;
}
