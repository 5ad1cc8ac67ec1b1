/* export.c: open data writers (see export.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/export.h"
#include "util/err.h"
#include "util/xalloc.h"

static const char *const names[] = {"jsonl", "csv", "geojson"};
static const char *const types[] = {"application/jsonl; charset=utf-8",
                                    "text/csv; charset=utf-8; header=present",
                                    "application/geo+json"};

int export_format_find(const char *name, export_format *out, char **err)
{
    for (int i = 0; i < 3; i++) {
        if (name && strcmp(name, names[i]) == 0) {
            *out = (export_format)i;
            return KL_OK;
        }
    }
    return err_set(err, KL_EINVAL, "Format „%s“ unbekannt (jsonl, csv, geojson)", name ? name : "");
}

const char *export_name(export_format fmt)
{
    return names[fmt];
}

const char *export_content_type(export_format fmt)
{
    return types[fmt];
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
static char *joined(const json_t *a, const char *key)
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
static char *decimal(const json_t *v)
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

static const char *str(const json_t *j, const char *key)
{
    return json_string_value(json_object_get(j, key));
}

static void add_csv(const json_t *j, sbuf *b)
{
    json_t *p0 = json_array_get(json_object_get(j, "places"), 0);
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
    char version[24];
    snprintf(version, sizeof version, "%lld",
             (long long)json_integer_value(json_object_get(j, "version")));
    const char *cells[] = {
        str(j, "id"),
        str(j, "title"),
        str(j, "kind"),
        str(j, "level"),
        str(j, "land"),
        multi[0],
        multi[1],
        str(j, "summary"),
        multi[2],
        multi[3],
        multi[4],
        multi[5],
        multi[6],
        multi[7],
        multi[8],
        str(j, "status"),
        str(json_object_get(j, "source"), "document"),
        version,
        str(j, "updated_at"),
    };
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++)
        csv_cell(b, cells[i], i == 0);
    sbuf_adds(b, "\r\n");
    for (size_t i = 0; i < sizeof multi / sizeof multi[0]; i++)
        free(multi[i]);
}

/* add_geojson: one Feature per entry that has a place: a Point, or a
 * MultiPoint for several places. Entries without a place have no geometry
 * to show and are left out (jsonl has them all). */
static int add_geojson(export_state *x, const json_t *j, sbuf *b)
{
    json_t *places = json_object_get(j, "places");
    size_t np = json_array_size(places), i;
    json_t *p, *coords;
    if (np == 0)
        return 0;
    coords = json_array();
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
        "{sOsOsOsOsOsOsOsOsOsOsO}", "id", json_object_get(j, "id"), "title",
        json_object_get(j, "title"), "kind", json_object_get(j, "kind"), "level",
        json_object_get(j, "level"), "land", json_object_get(j, "land"), "summary",
        json_object_get(j, "summary"), "places", json_object_get(j, "places"), "fields",
        json_object_get(j, "fields"), "target_groups", json_object_get(j, "target_groups"), "years",
        json_object_get(j, "years"), "status", json_object_get(j, "status"));
    json_t *feat = json_pack("{sssOsoso}", "type", "Feature", "id", json_object_get(j, "id"),
                             "geometry", geom, "properties", props);
    char *s = json_dumps(feat, JSON_COMPACT | JSON_REAL_PRECISION(8));
    sbuf_addf(b, "%s\n%s", x->written ? "," : "", s);
    free(s);
    json_decref(feat);
    json_decref(coords);
    return 1;
}

static void add_jsonl(const json_t *j, sbuf *b)
{
    json_t *copy = NULL;
    if (json_object_get(j, "distance_km")) {
        /* A search item: the distance belongs to the query, not the entry. */
        copy = json_copy((json_t *)j);
        json_object_del(copy, "distance_km");
        j = copy;
    }
    char *s = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(10));
    sbuf_adds(b, s ? s : "{}");
    sbuf_addc(b, '\n');
    free(s);
    json_decref(copy);
}

void export_begin(export_state *x, export_format fmt, sbuf *b)
{
    x->fmt = fmt;
    x->n = 0;
    x->written = 0;
    if (fmt == EXPORT_CSV) {
        sbuf_adds(b, "\xEF\xBB\xBF"); /* BOM: spreadsheets then read UTF-8 */
        for (size_t i = 0; i < sizeof csv_cols / sizeof csv_cols[0]; i++)
            sbuf_addf(b, "%s%s", i ? ";" : "", csv_cols[i]);
        sbuf_adds(b, "\r\n");
    } else if (fmt == EXPORT_GEOJSON) {
        sbuf_adds(b, "{\"type\":\"FeatureCollection\",\"features\":[");
    }
}

int export_add(export_state *x, const json_t *j, sbuf *b)
{
    int wrote = 1;
    x->n++;
    if (x->fmt == EXPORT_JSONL)
        add_jsonl(j, b);
    else if (x->fmt == EXPORT_CSV)
        add_csv(j, b);
    else
        wrote = add_geojson(x, j, b);
    x->written += (size_t)wrote;
    return wrote;
}

void export_end(export_state *x, sbuf *b)
{
    if (x->fmt == EXPORT_GEOJSON)
        sbuf_adds(b, "\n]}\n");
}
