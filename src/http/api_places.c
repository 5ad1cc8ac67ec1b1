/* api_places.c: GET /api/places?q= : autocomplete from the gazetteer. */
#include <string.h>

#include "http/http_int.h"

#define MAX_PLACES 10

enum MHD_Result api_places(http_req *r, const char *arg)
{
    const geo_place *hits[MAX_PLACES];
    const char *q = http_param_get(&r->params, "q");
    (void)arg;
    if (!q || !*q)
        return http_reply_error(r, 400, "q", "q (der Anfang eines Ortsnamens) fehlt");
    if (strlen(q) > 200)
        return http_reply_error(r, 400, "q", "q ist länger als 200 Bytes");
    size_t n = geo_candidates(r->srv->cfg.g, q, hits, MAX_PLACES);
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++) {
        const geo_land *l = geo_land_by_code(hits[i]->land);
        json_array_append_new(items, json_pack("{sssfsfsssssI}", "name", hits[i]->name, "lat",
                                               hits[i]->lat, "lon", hits[i]->lon, "land",
                                               hits[i]->land, "land_name", l ? l->name : "",
                                               "population", (json_int_t)hits[i]->population));
    }
    return http_reply_json(r, 200, json_pack("{so}", "items", items));
}
