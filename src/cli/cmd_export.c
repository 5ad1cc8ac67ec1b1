/* cmd_export.c: `kilandkarte export`: open data as JSON Lines, CSV for a
 * German spreadsheet, or GeoJSON (RFC 7946). Written as a stream, so a
 * million entries need no more memory than one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

static const char usage[] =
    "Aufruf: kilandkarte export [--format jsonl|csv|geojson] [--status published|draft|all]\n"
    "         [--output DATEI] [--land DE-XX] [--kind K] [--field F] [--target T] [--year J]\n"
    "         [--near ORT --km N] [--bbox S,W,N,O] [--sort S]\n";

typedef struct out {
    FILE *f;
    size_t n; /* entries written */
} out;

static int write_jsonl(void *ctx, const entry *e)
{
    out *o = ctx;
    char *s = entry_dump(e);
    fputs(s, o->f);
    fputc('\n', o->f);
    free(s);
    o->n++;
    return 0;
}

/* csv_cell: one cell. Quoted when it holds the separator, a quote or a line
 * break; a leading = + - @ is defused with ' so a spreadsheet does not run
 * it as a formula. */
static void csv_cell(sbuf *b, const char *s, int first)
{
    if (!first)
        sbuf_addc(b, ';');
    if (!s)
        return;
    int quote = strpbrk(s, ";\"\r\n") != NULL;
    if (quote)
        sbuf_addc(b, '"');
    if (strchr("=+-@", s[0]) && s[0])
        sbuf_addc(b, '\'');
    for (; *s; s++) {
        if (*s == '"')
            sbuf_addc(b, '"');
        sbuf_addc(b, *s);
    }
    if (quote)
        sbuf_addc(b, '"');
}

/* joined: the values of array a (strings, numbers or member `key` of
 * objects) separated by " | ". Caller frees. */
static char *joined(json_t *a, const char *key)
{
    sbuf b = SBUF_INIT;
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v)
    {
        json_t *x = key ? json_object_get(v, key) : v;
        if (i)
            sbuf_adds(&b, " | ");
        if (json_is_string(x))
            sbuf_adds(&b, json_string_value(x));
        else if (json_is_integer(x))
            sbuf_addf(&b, "%lld", (long long)json_integer_value(x));
    }
    return sbuf_take(&b);
}

/* German decimal comma: a German spreadsheet reads 47,72674 as a number. */
static char *decimal(json_t *v)
{
    if (!json_is_number(v))
        return NULL;
    char *s = xasprintf("%.6g", json_number_value(v));
    for (char *p = s; *p; p++)
        if (*p == '.')
            *p = ',';
    return s;
}

static const char *const csv_cols[] = {
    "id",         "title",           "kind",          "level",       "land",
    "ministries", "organisations",   "summary",       "places",      "lat",
    "lon",        "fields",          "target_groups", "amounts_eur", "years",
    "status",     "source_document", "version",       "updated_at",
};

static int write_csv(void *ctx, const entry *e)
{
    out *o = ctx;
    json_t *j = entry_json(e), *p0 = json_array_get(json_object_get(j, "places"), 0);
    json_t *src = json_object_get(j, "source");
    char *multi[] = {
        joined(json_object_get(j, "ministries"), NULL),
        joined(json_object_get(j, "organisations"), NULL),
        joined(json_object_get(j, "places"), "name"),
        decimal(json_object_get(p0, "lat")),
        decimal(json_object_get(p0, "lon")),
        joined(json_object_get(j, "fields"), NULL),
        joined(json_object_get(j, "target_groups"), NULL),
        joined(json_object_get(j, "amounts"), "eur"),
        joined(json_object_get(j, "years"), NULL),
    };
    char version[16];
    snprintf(version, sizeof version, "%d", entry_version(e));
    const char *cells[] = {
        entry_id(e),
        entry_title(e),
        entry_kind(e),
        entry_level(e),
        entry_land(e),
        multi[0],
        multi[1],
        json_string_value(json_object_get(j, "summary")),
        multi[2],
        multi[3],
        multi[4],
        multi[5],
        multi[6],
        multi[7],
        multi[8],
        entry_status(e),
        json_string_value(json_object_get(src, "document")),
        version,
        json_string_value(json_object_get(j, "updated_at")),
    };
    sbuf b = SBUF_INIT;
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++)
        csv_cell(&b, cells[i], i == 0);
    sbuf_adds(&b, "\r\n");
    fwrite(b.s, 1, b.len, o->f);
    sbuf_free(&b);
    for (size_t i = 0; i < sizeof multi / sizeof multi[0]; i++)
        free(multi[i]);
    o->n++;
    return 0;
}

/* write_geojson: one Feature per entry that has a place: a Point, or a
 * MultiPoint for several places. Entries without a place have no geometry
 * to show and are left out (export jsonl has them all). */
static int write_geojson(void *ctx, const entry *e)
{
    out *o = ctx;
    json_t *j = entry_json(e), *places = json_object_get(j, "places");
    size_t np = json_array_size(places), i;
    json_t *p, *coords = json_array();
    if (np == 0) {
        json_decref(coords);
        return 0;
    }
    json_array_foreach(places, i, p)
    {
        json_array_append_new(coords,
                              json_pack("[ff]", json_number_value(json_object_get(p, "lon")),
                                        json_number_value(json_object_get(p, "lat"))));
    }
    json_t *geom =
        np == 1 ? json_pack("{sssO}", "type", "Point", "coordinates", json_array_get(coords, 0))
                : json_pack("{sssO}", "type", "MultiPoint", "coordinates", coords);
    json_t *props = json_pack(
        "{sOsOsOsOsOsOsOsOsOsO}", "id", json_object_get(j, "id"), "title",
        json_object_get(j, "title"), "kind", json_object_get(j, "kind"), "level",
        json_object_get(j, "level"), "land", json_object_get(j, "land"), "summary",
        json_object_get(j, "summary"), "places", json_object_get(j, "places"), "fields",
        json_object_get(j, "fields"), "target_groups", json_object_get(j, "target_groups"), "years",
        json_object_get(j, "years"), "status", json_object_get(j, "status"));
    json_t *feat = json_pack("{sssOsoso}", "type", "Feature", "id", json_object_get(j, "id"),
                             "geometry", geom, "properties", props);
    char *s = json_dumps(feat, JSON_COMPACT | JSON_REAL_PRECISION(8));
    fprintf(o->f, "%s\n%s", o->n ? "," : "", s);
    free(s);
    json_decref(feat);
    json_decref(coords);
    o->n++;
    return 0;
}

int cmd_export(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {CLI_FILTER_OPTS, {"format", 1, NULL, 0}, {"output", 1, NULL, 0}};
    const char *pos[1];
    int npos, rc;
    store_query q = {0};
    if ((rc = cli_parse(argc, argv, opts, sizeof opts / sizeof opts[0], pos, 0, &npos, usage)) ||
        (rc = cli_query_from_opts(c, opts, "published", &q)))
        return rc;
    const char *format = opts[CLI_F__N].set ? opts[CLI_F__N].value : "jsonl";
    store_each_fn fn = strcmp(format, "jsonl") == 0     ? write_jsonl
                       : strcmp(format, "csv") == 0     ? write_csv
                       : strcmp(format, "geojson") == 0 ? write_geojson
                                                        : NULL;
    if (!fn) {
        fprintf(stderr, "kilandkarte export: Format „%s“ unbekannt (jsonl, csv, geojson)\n",
                format);
        return EXIT_USAGE;
    }
    if (!q.sort)
        q.sort = "id";
    store *s = cli_store(c);
    if (!s)
        return EXIT_DB;
    const char *path = opts[CLI_F__N + 1].value;
    char *tmp = path ? xasprintf("%s.tmp", path) : NULL;
    out o = {path ? fopen(tmp, "wb") : stdout, 0};
    char *err = NULL;
    if (!o.f) {
        rc = cli_fail(KL_EIO, xasprintf("„%s“ lässt sich nicht schreiben", tmp));
        free(tmp);
        return rc;
    }
    if (fn == write_csv) {
        fputs("\xEF\xBB\xBF", o.f); /* BOM: spreadsheets then read UTF-8 */
        for (size_t i = 0; i < sizeof csv_cols / sizeof csv_cols[0]; i++)
            fprintf(o.f, "%s%s", i ? ";" : "", csv_cols[i]);
        fputs("\r\n", o.f);
    } else if (fn == write_geojson) {
        fputs("{\"type\":\"FeatureCollection\",\"features\":[", o.f);
    }
    rc = store_each(s, &q, &o, fn, &err);
    if (fn == write_geojson)
        fputs("\n]}\n", o.f);
    if (path) {
        /* Written aside and renamed: a failed export never leaves half a
         * file where the last good one was. */
        int bad = fclose(o.f) != 0 || rc;
        if (!bad && rename(tmp, path) != 0)
            bad = 1;
        if (bad)
            remove(tmp);
        if (bad && !rc)
            rc = err_set(&err, KL_EIO, "„%s“ lässt sich nicht schreiben", path);
    } else if (fflush(stdout) != 0 && !rc) {
        rc = err_set(&err, KL_EIO, "Ausgabe lässt sich nicht schreiben");
    }
    free(tmp);
    if (rc)
        return cli_fail(rc, err);
    if (path)
        fprintf(stderr, "%zu Einträge nach %s exportiert.\n", o.n, path);
    return EXIT_OK;
}
