/* geo.h: the gazetteer of German places and the 16 Länder.
 *
 * A place given by name in an entry ("Kempten (Allgäu)", "Munich") is
 * located here. The gazetteer is derived from GeoNames (see data/README)
 * and compiled into the binary; geo_open() can also read another file of
 * the same format (for tests). */
#ifndef KL_GEO_H
#define KL_GEO_H

#include <stddef.h>

#include "util/sbuf.h"

typedef struct geo geo;

typedef struct geo_place {
    const char *name; /* the official German name, "Halle (Saale)" */
    double lat, lon;
    const char *land; /* "DE-ST" */
    long population;
} geo_place;

/* The 16 Länder, in the alphabetical order of their German names. */
typedef struct geo_land {
    const char *code; /* "DE-BW" */
    const char *abbr; /* "BW", as the protocols write it */
    const char *name; /* "Baden-Württemberg" */
    const char *name_en;
} geo_land;

/* geo_open_builtin: the gazetteer compiled into the program. *out is set
 * to a handle the caller frees with geo_free(). Returns KL_OK. */
int geo_open_builtin(geo **out, char **err);

/* geo_open: read a gazetteer file (format: see data/README). On failure
 * *out is NULL and *err names the file and line. */
int geo_open(const char *path, geo **out, char **err);

/* geo_open_mem: parse a gazetteer held in memory: n bytes at data (the
 * format of geo_open; need not be NUL-terminated; copied, so the caller
 * may free data at once). name stands for the text in messages. On success
 * *out is a handle the caller frees with geo_free(); on failure *out is
 * NULL, the result KL_EINVAL and *err names the line. */
int geo_open_mem(const char *data, size_t n, const char *name, geo **out, char **err);

void geo_free(geo *g);

/* geo_lookup: locate a place by name. Umlauts and case are folded
 * (Muenchen = München), English and other names (Munich, Nuremberg) and
 * qualified names ("Freiburg im Breisgau", "Halle (Saale)", "Kempten
 * (Allgäu)", "Halle an der Saale") are understood. Among several places of
 * that name the one in land_hint (may be NULL) wins, else the largest.
 * land_hint is a code ("DE-BY") or anything geo_land_find() reads. A
 * place's own name (or its short form, "Kempten") counts before another
 * place's alternate name, so the town Verl is not taken for Werl.
 * Returns KL_OK with *out borrowed from g (valid until geo_free), or
 * KL_ENOTFOUND with a message in *err that names up to five candidates. */
int geo_lookup(const geo *g, const char *name, const char *land_hint, const geo_place **out,
               char **err);

/* geo_candidates: up to max places whose name (or another name) begins
 * with the folded query, largest first, each place once. Writes borrowed
 * pointers to out[]; returns how many. */
size_t geo_candidates(const geo *g, const char *query, const geo_place **out, size_t max);

/* geo_key: append to b the key under which a place name is indexed and
 * looked up: folded with text_fold, words (letters and digits) joined by
 * one space, "St." read as "Sankt", and the connecting words of qualified
 * names ("am", "an der", "im", "bei", "a. d.", ...) dropped after the first
 * word, so that "Halle (Saale)", "Halle/Saale" and "Halle an der Saale"
 * all give "halle saale". s[0..n) is UTF-8; invalid bytes are skipped. */
void geo_key(sbuf *b, const char *s, size_t n);

/* geo_count: number of places in g. */
size_t geo_count(const geo *g);

/* geo_distance_km: great-circle distance (haversine, R = 6371 km). */
double geo_distance_km(double lat1, double lon1, double lat2, double lon2);

/* geo_in_germany: 1 if the point lies in Germany's bounding box
 * (47.2..55.1 N, 5.8..15.1 E), else 0. */
int geo_in_germany(double lat, double lon);

/* geo_laender: the table of the 16 Länder; *n receives 16. Static. */
const geo_land *geo_laender(size_t *n);

/* geo_land_by_code: the Land of "DE-BY" (exact code), or NULL. Static. */
const geo_land *geo_land_by_code(const char *code);

/* geo_land_find: the Land named by "DE-BY", "BY", "Bayern", "Bavaria",
 * "Freistaat Bayern" (case and umlauts folded), or NULL. Static. */
const geo_land *geo_land_find(const char *text);

#endif
