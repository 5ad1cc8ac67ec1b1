/* cmd_analyse.c: `similar ID`, `links`, `partners` and `compare`: the
 * Anknüpfungspunkte and the comparison of the Länder (src/analyse). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/analyse.h"
#include "cli/cli.h"
#include "util/err.h"

/* --json here: one line, scores to ten digits. */
#define JSON_FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(10))

static const char *land_name(const json_t *land)
{
    const geo_land *l = json_is_string(land) ? geo_land_by_code(json_string_value(land)) : NULL;
    return l ? l->abbr : "Bund";
}

static void print_similar(const json_t *res)
{
    size_t i;
    json_t *v;
    json_t *items = json_object_get(res, "items");
    printf("%zu ähnliche Aktivitäten anderer Länder und des Bundes\n", json_array_size(items));
    json_array_foreach(items, i, v)
    {
        printf("%.3f  %-40s %s (%s)\n        %s\n", json_number_value(json_object_get(v, "score")),
               json_string_value(json_object_get(v, "id")),
               json_string_value(json_object_get(v, "title")),
               land_name(json_object_get(v, "land")),
               json_string_value(json_object_get(v, "reason")));
    }
}

/* The threshold is in res exactly as given (a JSON real of the double). */
static void print_links(const json_t *res)
{
    size_t i, k;
    json_t *g, *e;
    json_t *groups = json_object_get(res, "groups");
    printf("%zu Kooperationskandidaten (Mindestwert %.2f)\n", json_array_size(groups),
           json_real_value(json_object_get(res, "threshold")));
    json_array_foreach(groups, i, g)
    {
        printf("\n%zu. %s  (%.3f)\n   %s\n", i + 1, json_string_value(json_object_get(g, "label")),
               json_number_value(json_object_get(g, "score")),
               json_string_value(json_object_get(g, "reason")));
        json_array_foreach(json_object_get(g, "entries"), k, e)
            printf("   - %-5s %s (%s)\n", land_name(json_object_get(e, "land")),
                   json_string_value(json_object_get(e, "title")),
                   json_string_value(json_object_get(e, "id")));
    }
}

static void print_partners(const json_t *res)
{
    size_t i;
    json_t *v;
    json_t *items = json_object_get(res, "items");
    printf("%zu Einträge suchen Partner oder bieten Nachnutzung an\n", json_array_size(items));
    json_array_foreach(items, i, v)
    {
        int sp = json_is_true(json_object_get(v, "seeks_partners"));
        int ou = json_is_true(json_object_get(v, "offers_reuse"));
        printf("%-5s %-40s %s (%s%s%s)\n", land_name(json_object_get(v, "land")),
               json_string_value(json_object_get(v, "id")),
               json_string_value(json_object_get(v, "title")), sp ? "sucht Partner" : "",
               sp && ou ? ", " : "", ou ? "bietet Nachnutzung an" : "");
    }
}

static void print_text(char *text)
{
    fputs(text, stdout);
    free(text);
}

static void print_compare_csv(const json_t *res)
{
    print_text(analyse_compare_csv(res));
}

static void print_compare_table(const json_t *res)
{
    print_text(analyse_compare_table(res));
}

int cmd_similar(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"limit", 1, NULL, 0}, {"json", 0, NULL, 0}};
    const char *usage = "Aufruf: kilandkarte similar ID [--limit K] [--json]\n"
                        "  die ähnlichsten Aktivitäten anderer Länder und des Bundes, mit Grund\n";
    const char *pos[1];
    int npos, rc;
    long k = 5;
    if ((rc = cli_parse(argc, argv, opts, 2, pos, 1, &npos, usage)))
        return rc;
    if (npos != 1) {
        fprintf(stderr, "kilandkarte similar: die ID fehlt\n%s", usage);
        return EXIT_USAGE;
    }
    if ((rc = cli_opt_int(&opts[0], 1, 100, &k)))
        return rc;
    store *s = cli_store(c);
    json_t *res = NULL;
    char *err = NULL;
    if (!s)
        return EXIT_DB;
    rc = analyse_similar(s, pos[0], (int)k, NULL, &res, &err);
    return cli_show(rc, err, res, opts[1].set, JSON_FLAGS, print_similar);
}

int cmd_links(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"min-score", 1, NULL, 0}, {"json", 0, NULL, 0}};
    const char *usage = "Aufruf: kilandkarte links [--min-score S] [--json]\n"
                        "  Kooperationskandidaten: Gruppen ähnlicher Aktivitäten mehrerer Länder\n"
                        "  (S zwischen 0 und 1, Vorgabe 0.25)\n";
    const char *pos[1];
    int npos, rc;
    double min = ANALYSE_LINKS_THRESHOLD;
    if ((rc = cli_parse(argc, argv, opts, 2, pos, 0, &npos, usage)))
        return rc;
    if (opts[0].set) {
        char *end;
        min = strtod(opts[0].value, &end);
        if (*end || !(min > 0 && min <= 1)) {
            fprintf(stderr, "kilandkarte links: --min-score erwartet eine Zahl in (0, 1]\n");
            return EXIT_USAGE;
        }
    }
    store *s = cli_store(c);
    json_t *res = NULL;
    char *err = NULL;
    if (!s)
        return EXIT_DB;
    rc = analyse_links(s, min, NULL, &res, &err);
    return cli_show(rc, err, res, opts[1].set, JSON_FLAGS, print_links);
}

int cmd_partners(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"json", 0, NULL, 0}};
    const char *usage = "Aufruf: kilandkarte partners [--json]\n"
                        "  Einträge, die Partner suchen oder ihre Lösung zur Nachnutzung "
                        "anbieten\n";
    const char *pos[1];
    int npos, rc;
    if ((rc = cli_parse(argc, argv, opts, 1, pos, 0, &npos, usage)))
        return rc;
    store *s = cli_store(c);
    json_t *res = NULL;
    char *err = NULL;
    if (!s)
        return EXIT_DB;
    rc = analyse_partners(s, NULL, &res, &err);
    return cli_show(rc, err, res, opts[0].set, JSON_FLAGS, print_partners);
}

int cmd_compare(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"by", 1, NULL, 0}, {"format", 1, NULL, 0}};
    const char *usage = "Aufruf: kilandkarte compare [--by field|kind|target]\n"
                        "         [--format table|csv|json]\n"
                        "  die Länder und der Bund im Vergleich: Einträge, genannte Mittel und\n"
                        "  Anzahlen, Abdeckung der Handlungsfelder mit Lücken, Veränderung\n";
    const char *pos[1];
    int npos, rc;
    if ((rc = cli_parse(argc, argv, opts, 2, pos, 0, &npos, usage)))
        return rc;
    const char *by = opts[0].set ? opts[0].value : "field";
    const char *fmt = opts[1].set ? opts[1].value : "table";
    if (strcmp(by, "field") && strcmp(by, "kind") && strcmp(by, "target")) {
        fprintf(stderr, "kilandkarte compare: --by „%s“ unbekannt; erlaubt: field kind target\n",
                by);
        return EXIT_USAGE;
    }
    if (strcmp(fmt, "table") && strcmp(fmt, "csv") && strcmp(fmt, "json")) {
        fprintf(stderr, "kilandkarte compare: --format „%s“ unbekannt; erlaubt: table csv json\n",
                fmt);
        return EXIT_USAGE;
    }
    store *s = cli_store(c);
    json_t *res = NULL;
    char *err = NULL;
    if (!s)
        return EXIT_DB;
    rc = analyse_compare(s, by, NULL, &res, &err);
    return cli_show(rc, err, res, strcmp(fmt, "json") == 0, JSON_FLAGS,
                    strcmp(fmt, "csv") == 0 ? print_compare_csv : print_compare_table);
}
