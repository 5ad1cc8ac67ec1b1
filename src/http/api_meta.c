/* api_meta.c: what describes the data: /api/laender (the Länder with
 * counts), /api/openapi.json and /api/dcat.jsonld (DCAT-AP.de). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "http/http_int.h"
#include "util/err.h"
#include "util/xalloc.h"

/* published_facets: the Land facet and total of all published entries,
 * and the newest updated_at (into *newest, caller frees; may be NULL). */
static int published_facets(store *s, json_t **res, char **newest)
{
    store_query q = {0};
    char *err = NULL;
    q.status = "published";
    q.facets = 1;
    q.limit = 1;
    q.sort = "updated";
    int rc = store_search(s, &q, res, &err);
    free(err);
    if (rc)
        return rc;
    json_t *first = json_array_get(json_object_get(*res, "items"), 0);
    const char *u = json_string_value(json_object_get(first, "updated_at"));
    if (newest)
        *newest = u ? xstrdup(u) : NULL;
    return 0;
}

enum MHD_Result api_laender(http_req *r, const char *arg)
{
    enum MHD_Result ret;
    json_t *res;
    size_t n;
    (void)arg;
    store *s = http_req_store(r, &ret);
    if (!s)
        return ret;
    if (published_facets(s, &res, NULL))
        return http_reply_error(r, 500, NULL, "Die Zählung ist fehlgeschlagen");
    json_t *land = json_object_get(json_object_get(res, "facets"), "land");
    const geo_land *l = geo_laender(&n);
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items,
                              json_pack("{sssssssssI}", "code", l[i].code, "abbr", l[i].abbr,
                                        "name", l[i].name, "name_en", l[i].name_en, "entries",
                                        json_integer_value(json_object_get(land, l[i].code))));
    json_t *out =
        json_pack("{sos{sssssI}sI}", "items", items, "bund", "name", "Bund", "name_en",
                  "Federation", "entries", json_integer_value(json_object_get(land, "bund")),
                  "total", json_integer_value(json_object_get(res, "total")));
    json_decref(res);
    return http_reply_json(r, 200, out);
}

enum MHD_Result api_openapi(http_req *r, const char *arg)
{
    size_t n;
    const char *doc = http_openapi(&n);
    (void)arg;
    return http_reply_body(r, 200, "application/json", xstrndup(doc, n), n, 1);
}

/* base_url: "http://HOST" from the Host header when it looks like a host
 * name or address (it is echoed into the document), else the address the
 * server listens on. Caller frees. */
static char *base_url(http_req *r)
{
    const char *host = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Host");
    int ok = host && *host && strlen(host) < 256;
    for (const char *p = host; ok && *p; p++)
        ok = isalnum((unsigned char)*p) || strchr(".-:[]", *p);
    if (ok)
        return xasprintf("http://%s", host);
    return xasprintf("http://%s:%u", r->srv->cfg.bind, (unsigned)r->srv->port);
}

/* The Länder in the DCAT-AP.de political geocoding: state keys of the
 * Amtlicher Gemeindeschlüssel, by abbreviation. */
static const char *const state_keys[][2] = {
    {"SH", "01"}, {"HH", "02"}, {"NI", "03"}, {"HB", "04"}, {"NW", "05"}, {"HE", "06"},
    {"RP", "07"}, {"BW", "08"}, {"BY", "09"}, {"SL", "10"}, {"BE", "11"}, {"BB", "12"},
    {"MV", "13"}, {"SN", "14"}, {"ST", "15"}, {"TH", "16"},
};

static json_t *lang2(const char *de, const char *en)
{
    return json_pack("[{ssss}{ssss}]", "@value", de, "@language", "de", "@value", en, "@language",
                     "en");
}

static json_t *ref(const char *iri)
{
    return json_pack("{ss}", "@id", iri);
}

#define LICENCE "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
#define FILETYPE "http://publications.europa.eu/resource/authority/file-type/"

static json_t *distribution(const char *base, const char *file, const char *ftype,
                            const char *media, const char *de, const char *en)
{
    char *url = xasprintf("%s/api/%s", base, file);
    char *mt = xasprintf("https://www.iana.org/assignments/media-types/%s", media);
    char *ft = xasprintf(FILETYPE "%s", ftype);
    json_t *d =
        json_pack("{sssssosososososo}", "@id", url, "@type", "dcat:Distribution", "dct:title",
                  lang2(de, en), "dcat:accessURL", ref(url), "dcat:downloadURL", ref(url),
                  "dct:format", ref(ft), "dcat:mediaType", ref(mt), "dct:license", ref(LICENCE));
    free(url);
    free(mt);
    free(ft);
    return d;
}

enum MHD_Result api_dcat(http_req *r, const char *arg)
{
    enum MHD_Result ret;
    json_t *res;
    char *newest = NULL;
    (void)arg;
    store *s = http_req_store(r, &ret);
    if (!s)
        return ret;
    if (published_facets(s, &res, &newest))
        return http_reply_error(r, 500, NULL, "Die Metadaten sind nicht lesbar");
    json_decref(res);
    char *base = base_url(r);
    char *id = xasprintf("%s/api/dcat.jsonld#dataset", base);
    json_t *pgeo = json_array();
    for (size_t i = 0; i < sizeof state_keys / sizeof state_keys[0]; i++) {
        char *u =
            xasprintf("http://dcat-ap.de/def/politicalGeocoding/stateKey/%s", state_keys[i][1]);
        json_array_append_new(pgeo, ref(u));
        free(u);
    }
    json_t *dists = json_array();
    json_array_append_new(dists, distribution(base, "export.csv", "CSV", "text/csv",
                                              "Alle Einträge als CSV (Semikolon, UTF-8 mit BOM)",
                                              "All entries as CSV (semicolon, UTF-8 with BOM)"));
    json_array_append_new(
        dists, distribution(base, "export.geojson", "GEOJSON", "application/geo+json",
                            "Einträge mit Ort als GeoJSON", "Entries with a place as GeoJSON"));
    json_array_append_new(dists, distribution(base, "export.jsonl", "JSON", "application/json",
                                              "Alle Einträge als JSON Lines",
                                              "All entries as JSON Lines"));
    json_t *ctx = json_pack(
        "{ssssssssssss}", "dcat", "http://www.w3.org/ns/dcat#", "dct", "http://purl.org/dc/terms/",
        "dcatde", "http://dcat-ap.de/def/dcatde/", "foaf", "http://xmlns.com/foaf/0.1/", "xsd",
        "http://www.w3.org/2001/XMLSchema#", "adms", "http://www.w3.org/ns/adms#");
    json_t *ds = json_pack(
        "{sosssssssosososososososo}", "@context", ctx, "@id", id, "@type", "dcat:Dataset",
        "dct:identifier", "kilandkarte-ki-aktivitaeten", "dct:title",
        lang2("KI-Landkarte: KI-Aktivitäten von Bund und Ländern",
              "KI-Landkarte: AI activities of the Federation and the Länder"),
        "dct:description",
        lang2("Zentren, Programme, Projekte und weitere KI-Aktivitäten, die Bund und Länder "
              "berichten, mit Ort, Handlungsfeld der KI-Strategie, Zielgruppe und Quelle. "
              "Ortskoordinaten aus GeoNames (CC BY).",
              "Centres, programmes, projects and other AI activities reported by the "
              "Federation and the Länder, with place, field of the AI strategy, target group "
              "and source. Coordinates from GeoNames (CC BY)."),
        "dct:publisher",
        json_pack("{sss[{ssss}]}", "@type", "foaf:Organization", "foaf:name", "@value",
                  "KI-Landkarte (Digitalministerkonferenz)", "@language", "de"),
        "dct:license", ref(LICENCE), "dcatde:licenseAttributionByText",
        json_string("KI-Landkarte; Ortskoordinaten: GeoNames (CC BY)"),
        "dcatde:politicalGeocodingLevelURI",
        ref("http://dcat-ap.de/def/politicalGeocoding/Level/federal"),
        "dcatde:politicalGeocodingURI", pgeo, "dct:spatial",
        ref("http://publications.europa.eu/resource/authority/country/DEU"));
    json_object_set_new(ds, "dcat:theme",
                        ref("http://publications.europa.eu/resource/authority/data-theme/TECH"));
    json_object_set_new(ds, "dcat:keyword",
                        json_pack("[ssss]", "Künstliche Intelligenz", "KI", "Förderung",
                                  "Digitalministerkonferenz"));
    if (newest)
        json_object_set_new(ds, "dct:modified",
                            json_pack("{ssss}", "@value", newest, "@type", "xsd:dateTime"));
    json_object_set_new(ds, "dcat:distribution", dists);
    free(newest);
    free(base);
    free(id);
    char *body = json_dumps(ds, JSON_INDENT(1));
    json_decref(ds);
    return http_reply_body(r, 200, "application/ld+json", body, strlen(body), 1);
}

extern const char kl_openapi_data[], kl_openapi_end[];

const char *http_openapi(size_t *n)
{
    *n = (size_t)(kl_openapi_end - kl_openapi_data);
    return kl_openapi_data;
}
