/* cmd_conference.c: `chair`, `meetings` and `tasks`: the conference cycle
 * (src/conference) on the command line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "conference/conference.h"
#include "util/err.h"
#include "util/xalloc.h"

static const char *s_or(const json_t *o, const char *k, const char *dflt)
{
    const char *v = json_string_value(json_object_get(o, k));
    return v ? v : dflt;
}

static void print_chair(const conf_chair *ch)
{
    sbuf names = SBUF_INIT;
    conf_chair_names(ch, &names);
    printf("%d  %-3s  %-26s  %s\n", ch->year,
           ch->body[0] == 'd' && ch->body[1] == 'm' ? "DMK" : "D16", sbuf_cstr(&names), ch->reason);
    sbuf_free(&names);
}

int cmd_chair(cli *c, int argc, char **argv)
{
    (void)c;
    cli_opt opts[] = {{"from", 1, NULL, 0}, {"to", 1, NULL, 0}, {"json", 0, NULL, 0}};
    const char *usage =
        "Aufruf: kilandkarte chair JAHR [--json]\n"
        "        kilandkarte chair --from JAHR --to JAHR [--json]\n"
        "  Vorsitzland der DMK (ab 2024; vorher D16) nach der Geschäftsordnung: jährlicher\n"
        "  Wechsel in alphabetischer Reihenfolge der Länder plus beschlossene Abweichungen;\n"
        "  nennt die Regel, die das Jahr ergibt, und die Sitzungsregel des Jahres.\n";
    const char *pos[1];
    int npos, rc;
    long from = 0, to = 0;
    if ((rc = cli_parse(argc, argv, opts, 3, pos, 1, &npos, usage)))
        return rc;
    if (npos == 1) {
        char *end;
        from = to = strtol(pos[0], &end, 10);
        if (*end || end == pos[0]) {
            fprintf(stderr, "kilandkarte chair: „%s“ ist kein Jahr\n%s", pos[0], usage);
            return EXIT_USAGE;
        }
    } else if (opts[0].set && opts[1].set) {
        if ((rc = cli_opt_int(&opts[0], 1, 9999, &from)) ||
            (rc = cli_opt_int(&opts[1], 1, 9999, &to)))
            return rc;
        if (to < from || to - from > 1000) {
            fprintf(stderr, "kilandkarte chair: --to muss ab --from und höchstens 1000 Jahre "
                            "danach liegen\n");
            return EXIT_USAGE;
        }
    } else {
        fprintf(stderr, "kilandkarte chair: ein Jahr oder --from und --to angeben\n%s", usage);
        return EXIT_USAGE;
    }
    json_t *all = json_array();
    const char *rule = NULL;
    for (long y = from; y <= to; y++) {
        conf_chair ch;
        char *err = NULL;
        if ((rc = conf_chair_for((int)y, &ch, &err))) {
            json_decref(all);
            return cli_fail(rc, err);
        }
        if (opts[2].set) {
            json_array_append_new(all, conf_chair_json(&ch));
            continue;
        }
        print_chair(&ch);
        if (!rule || strcmp(rule, ch.meetings) != 0)
            printf("      Sitzungen: %s\n", ch.meetings);
        rule = ch.meetings;
    }
    if (opts[2].set)
        cli_print_json(npos == 1 ? json_array_get(all, 0) : all, JSON_COMPACT);
    json_decref(all);
    return EXIT_OK;
}

/* open_conf: the conference tables of the CLI's store. */
static conf *open_conf(cli *c)
{
    store *s = cli_store(c);
    conf *cf = NULL;
    char *err = NULL;
    if (!s)
        return NULL;
    if (conf_open(s, &cf, &err)) {
        cli_fail(KL_EDB, err);
        return NULL;
    }
    return cf;
}

static void print_meeting(const json_t *m, int detail)
{
    const json_t *chair = json_object_get(m, "chair");
    sbuf ch = SBUF_INIT;
    size_t i;
    json_t *x;
    json_array_foreach(chair, i, x)
    {
        const geo_land *l = geo_land_by_code(json_string_value(x));
        sbuf_addf(&ch, "%s%s", i ? "/" : "", l ? l->abbr : json_string_value(x));
    }
    const char *mode = s_or(m, "mode", "unknown");
    const char *date = s_or(m, "date", NULL);
    const char *planned = s_or(m, "planned", NULL);
    size_t nres = 0;
    json_array_foreach(json_object_get(m, "agenda"), i, x) nres +=
        json_array_size(json_object_get(x, "resolutions"));
    printf("%-16s %-12s %-5s %-5s %-34.34s %-8s Vorsitz %-6s %2zu TOP, %2zu Beschlusspunkte\n",
           s_or(m, "id", "?"),
           date      ? date
           : planned ? planned
                     : "?",
           s_or(m, "start_time", ""), s_or(m, "end_time", ""), s_or(m, "place", "–"),
           !strcmp(mode, "virtual")   ? "virtuell"
           : !strcmp(mode, "on-site") ? "vor Ort"
                                      : "?",
           ch.len ? ch.s : "?", json_array_size(json_object_get(m, "agenda")), nres);
    sbuf_free(&ch);
    if (!detail)
        return;
    json_array_foreach(json_object_get(m, "agenda"), i, x)
    {
        const char *num = s_or(x, "number", NULL);
        printf("  %s%-4s %s", num ? "TOP " : "", num ? num : "", s_or(x, "title", ""));
        size_t k;
        json_t *y;
        json_array_foreach(json_object_get(x, "submitters"), k, y)
            printf("%s%s", k ? "/" : " (", json_string_value(y) + 3);
        if (json_array_size(json_object_get(x, "submitters")))
            putchar(')');
        putchar('\n');
        json_array_foreach(json_object_get(x, "resolutions"), k, y)
            printf("    %s  %.100s\n", s_or(y, "id", ""), s_or(y, "text", ""));
        json_array_foreach(json_object_get(x, "annexes"), k, y)
        {
            printf("    Anlage %lld: %s",
                   (long long)json_integer_value(json_object_get(y, "number")),
                   s_or(y, "title", ""));
            if (json_is_string(json_object_get(y, "file")))
                printf(" – %s, %zu Einträge", s_or(y, "file", ""),
                       json_array_size(json_object_get(y, "entries")));
            putchar('\n');
        }
    }
}

int cmd_meetings(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"json", 0, NULL, 0}};
    const char *usage =
        "Aufruf: kilandkarte meetings [ID] [--json]\n"
        "  Sitzungen der DMK, der D16 und der CdS-Besprechungen (aus importierten Protokollen,\n"
        "  Beschlüssen und Pressemitteilungen); mit ID die Tagesordnung, Beschlüsse, Anlagen.\n";
    const char *pos[1];
    int npos, rc;
    if ((rc = cli_parse(argc, argv, opts, 1, pos, 1, &npos, usage)))
        return rc;
    conf *cf = open_conf(c);
    if (!cf)
        return EXIT_DB;
    json_t *ms = NULL, *m;
    char *err = NULL;
    if ((rc = conf_meetings(cf, &ms, &err))) {
        conf_close(cf);
        return cli_fail(rc, err);
    }
    conf_close(cf);
    size_t i;
    int found = 0;
    json_array_foreach(ms, i, m)
    {
        if (npos && strcmp(s_or(m, "id", ""), pos[0]) != 0)
            continue;
        found = 1;
        if (opts[0].set && npos)
            cli_print_json(m, JSON_COMPACT);
        else if (!opts[0].set)
            print_meeting(m, npos);
    }
    if (opts[0].set && !npos)
        cli_print_json(ms, JSON_COMPACT);
    json_decref(ms);
    if (npos && !found)
        return cli_fail(KL_ENOTFOUND, xasprintf("Sitzung „%s“ nicht gefunden", pos[0]));
    return EXIT_OK;
}

static void print_tasks(const json_t *ts)
{
    size_t i;
    json_t *t;
    json_array_foreach(ts, i, t)
    {
        const char *due = s_or(t, "due_text", "ohne Frist");
        const char *dm = s_or(t, "due_meeting", NULL);
        printf("[%s] %s\n    %s: %s\n    fällig: %s%s%s%s\n",
               strcmp(s_or(t, "status", ""), "done") ? "offen" : "erledigt", s_or(t, "id", ""),
               s_or(t, "owner", ""), s_or(t, "action", ""), due, dm ? " (" : "", dm ? dm : "",
               dm ? ")" : "");
    }
    printf("%zu Aufgaben\n", json_array_size(ts));
}

int cmd_tasks(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {
        {"open", 0, NULL, 0}, {"json", 0, NULL, 0}, {"done", 1, NULL, 0}, {"reopen", 1, NULL, 0}};
    const char *usage =
        "Aufruf: kilandkarte tasks [--open] [--json]\n"
        "        kilandkarte tasks --done ID | --reopen ID\n"
        "  Berichtsaufträge aus den Beschlüssen: wer, was, bis wann, Status, Quelle.\n";
    const char *pos[1];
    int npos, rc;
    if ((rc = cli_parse(argc, argv, opts, 4, pos, 0, &npos, usage)))
        return rc;
    conf *cf = open_conf(c);
    if (!cf)
        return EXIT_DB;
    char *err = NULL;
    if (opts[2].set || opts[3].set) {
        const char *id = opts[2].set ? opts[2].value : opts[3].value;
        rc = conf_task_set_status(cf, id, opts[2].set ? "done" : "open", &err);
        conf_close(cf);
        if (rc)
            return cli_fail(rc, err);
        printf("Aufgabe %s: %s\n", id, opts[2].set ? "erledigt" : "offen");
        return EXIT_OK;
    }
    json_t *ts = NULL;
    rc = conf_tasks(cf, opts[0].set, &ts, &err);
    conf_close(cf);
    return cli_show(rc, err, ts, opts[1].set, JSON_COMPACT, print_tasks);
}
