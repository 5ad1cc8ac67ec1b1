/* export.h: the registry as open data: JSON Lines, CSV for a German
 * spreadsheet, GeoJSON (RFC 7946).
 *
 * The writers append to an sbuf one entry at a time, so the command line
 * (to a file) and the HTTP server (to a socket, page by page) both stream:
 * a million entries need no more memory than one. A run is
 *   export_begin(&x, fmt, b); export_add(&x, j, b)...; export_end(&x, b);
 * and the caller drains b whenever it likes (write b->s, sbuf_reset). */
#ifndef KL_EXPORT_H
#define KL_EXPORT_H

#include <jansson.h>
#include <stddef.h>

#include "util/sbuf.h"

typedef enum {
    EXPORT_JSONL,
    EXPORT_CSV,
    EXPORT_GEOJSON,
} export_format;

/* The state of one export run; set up by export_begin. */
typedef struct export_state {
    export_format fmt;
    size_t n;       /* entries given to export_add */
    size_t written; /* of those, entries written (GeoJSON skips placeless) */
} export_state;

/* export_format_find: the format named "jsonl", "csv" or "geojson".
 * Returns KL_OK, or KL_EINVAL with a German message in *err. */
int export_format_find(const char *name, export_format *out, char **err);

/* export_name: "jsonl", "csv", "geojson". Static storage. */
const char *export_name(export_format fmt);

/* export_content_type: the media type to serve the format with
 * ("application/geo+json", ...). Static storage. */
const char *export_content_type(export_format fmt);

/* export_begin: start a run in x and append the format's head to b (the
 * CSV byte order mark and header line, the GeoJSON collection's opening). */
void export_begin(export_state *x, export_format fmt, sbuf *b);

/* export_add: append one entry given as its canonical JSON object
 * (entry_json(), or an item of store_search; a "distance_km" member is
 * left out). j is borrowed. Returns 1 if something was written, 0 if the
 * format has no place for the entry (GeoJSON: an entry without places). */
int export_add(export_state *x, const json_t *j, sbuf *b);

/* export_end: append the format's tail (closing the GeoJSON collection). */
void export_end(export_state *x, sbuf *b);

#endif
