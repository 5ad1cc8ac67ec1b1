/* cmd_search.c: `search QUERY` and `list`, and the filter options they
 * share with `export`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/err.h"

static int bad_vocab(const char *opt, const char *value, entry_vocab_id v)
{
    size_t n;
    const entry_term *t = entry_vocab(v, &n);
    fprintf(stderr, "kilandkarte: --%s „%s“ unbekannt; erlaubt:", opt, value);
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, " %s", t[i].slug);
    fputc('\n', stderr);
    return EXIT_USAGE;
}

static int vocab_opt(const cli_opt *o, entry_vocab_id v, const char **out)
{
    if (!o->set)
        return 0;
    if (!entry_vocab_find(v, o->value))
        return bad_vocab(o->name, o->value, v);
    *out = o->value;
    return 0;
}

int cli_query_from_opts(cli *c, cli_opt *f, const char *def_status, store_query *q)
{
    int rc;
    long year = 0;
    q->status = def_status;
    if (f[CLI_F_LAND].set) {
        const geo_land *l = geo_land_find(f[CLI_F_LAND].value);
        if (strcmp(f[CLI_F_LAND].value, "bund") == 0) {
            q->land = "bund";
        } else if (!l) {
            fprintf(stderr, "kilandkarte: --land „%s“ ist kein Land (z. B. DE-BY, Bayern, bund)\n",
                    f[CLI_F_LAND].value);
            return EXIT_USAGE;
        } else {
            q->land = l->code;
        }
    }
    if ((rc = vocab_opt(&f[CLI_F_KIND], ENTRY_VOCAB_KIND, &q->kind)) ||
        (rc = vocab_opt(&f[CLI_F_FIELD], ENTRY_VOCAB_FIELD, &q->field)) ||
        (rc = vocab_opt(&f[CLI_F_TARGET], ENTRY_VOCAB_TARGET, &q->target)) ||
        (rc = cli_opt_int(&f[CLI_F_YEAR], 1900, 2100, &year)))
        return rc;
    q->year = (int)year;
    if (f[CLI_F_STATUS].set) {
        if (strcmp(f[CLI_F_STATUS].value, "all") == 0)
            q->status = NULL;
        else if ((rc = vocab_opt(&f[CLI_F_STATUS], ENTRY_VOCAB_STATUS, &q->status)))
            return rc;
    }
    if (f[CLI_F_KM].set && !f[CLI_F_NEAR].set) {
        fprintf(stderr, "kilandkarte: --km braucht --near ORT\n");
        return EXIT_USAGE;
    }
    if (f[CLI_F_NEAR].set) {
        const geo *g = cli_geo(c);
        const geo_place *p;
        char *err = NULL;
        long km = 50;
        if (!g)
            return EXIT_DB;
        if ((rc = cli_opt_int(&f[CLI_F_KM], 1, 1000, &km)))
            return rc;
        if ((rc = geo_lookup(g, f[CLI_F_NEAR].value, NULL, &p, &err)))
            return cli_fail(rc, err);
        q->has_near = 1;
        q->near_lat = p->lat;
        q->near_lon = p->lon;
        q->km = (double)km;
    }
    if (f[CLI_F_BBOX].set) {
        double *b = q->bbox;
        char tail;
        if (sscanf(f[CLI_F_BBOX].value, "%lf,%lf,%lf,%lf%c", &b[0], &b[1], &b[2], &b[3], &tail) !=
                4 ||
            b[0] > b[2] || b[1] > b[3]) {
            fprintf(stderr, "kilandkarte: --bbox erwartet SÜD,WEST,NORD,OST in Grad\n");
            return EXIT_USAGE;
        }
        q->has_bbox = 1;
    }
    q->sort = f[CLI_F_SORT].value;
    return 0;
}

static void print_hit(json_t *item)
{
    json_t *land = json_object_get(item, "land"), *dist = json_object_get(item, "distance_km");
    printf("%-40s %s (%s, %s%s", json_string_value(json_object_get(item, "id")),
           json_string_value(json_object_get(item, "title")),
           json_is_string(land) ? json_string_value(land) : "Bund",
           json_string_value(json_object_get(item, "kind")),
           strcmp(json_string_value(json_object_get(item, "status")), "draft") ? "" : ", Entwurf");
    if (dist)
        printf(", %.1f km", json_number_value(dist));
    printf(")\n");
}

static int run_query(cli *c, store_query *q, int json, int facets)
{
    store *s = cli_store(c);
    json_t *res;
    char *err = NULL;
    int rc;
    if (!s)
        return EXIT_DB;
    q->facets = json || facets;
    if (json) {
        sbuf out = SBUF_INIT;
        if ((rc = store_search_text(s, q, &out, &err))) {
            sbuf_free(&out);
            return cli_fail(rc, err);
        }
        puts(out.s);
        sbuf_free(&out);
        return EXIT_OK;
    }
    if ((rc = store_search(s, q, &res, &err)))
        return cli_fail(rc, err);
    {
        json_int_t total = json_integer_value(json_object_get(res, "total"));
        size_t i, shown = json_array_size(json_object_get(res, "items"));
        json_t *v;
        printf("%lld Treffer\n", (long long)total);
        json_array_foreach(json_object_get(res, "items"), i, v) print_hit(v);
        if ((json_int_t)(q->offset + (int)shown) < total)
            printf("… %lld weitere (--offset %d)\n", (long long)(total - q->offset - (int)shown),
                   q->offset + (int)shown);
    }
    json_decref(res);
    return EXIT_OK;
}

static int query_cmd(cli *c, int argc, char **argv, int with_text)
{
    cli_opt opts[] = {
        CLI_FILTER_OPTS, {"limit", 1, NULL, 0}, {"offset", 1, NULL, 0}, {"json", 0, NULL, 0}};
    const char *usage =
        with_text ? "Aufruf: kilandkarte search ANFRAGE [--land DE-XX] [--kind K] [--field F]\n"
                    "         [--target T] [--year J] [--status draft|published|all]\n"
                    "         [--near ORT --km N] [--bbox S,W,N,O] [--sort S] [--limit N]\n"
                    "         [--offset N] [--json]\n"
                  : "Aufruf: kilandkarte list [--land DE-XX] [--kind K] [--field F] [--target T]\n"
                    "         [--year J] [--status S] [--near ORT --km N] [--sort S]\n"
                    "         [--limit N] [--offset N] [--json]\n";
    const char *pos[1];
    int npos, rc;
    long limit = 20, offset = 0;
    store_query q = {0};
    if ((rc = cli_parse(argc, argv, opts, sizeof opts / sizeof opts[0], pos, with_text, &npos,
                        usage)))
        return rc;
    if (with_text && npos != 1) {
        fprintf(stderr, "kilandkarte search: die Suchanfrage fehlt\n%s", usage);
        return EXIT_USAGE;
    }
    if ((rc = cli_query_from_opts(c, opts, NULL, &q)) ||
        (rc = cli_opt_int(&opts[CLI_F__N], 1, 10000, &limit)) ||
        (rc = cli_opt_int(&opts[CLI_F__N + 1], 0, 100000000, &offset)))
        return rc;
    q.q = with_text ? pos[0] : NULL;
    q.limit = (int)limit;
    q.offset = (int)offset;
    return run_query(c, &q, opts[CLI_F__N + 2].set, 0);
}

int cmd_search(cli *c, int argc, char **argv)
{
    return query_cmd(c, argc, argv, 1);
}

int cmd_list(cli *c, int argc, char **argv)
{
    return query_cmd(c, argc, argv, 0);
}
