/* http.h: the web server of KI-Landkarte: JSON API, open-data exports,
 * DCAT-AP.de metadata and the static pages of web/.
 *
 * Built on libmicrohttpd: a pool of worker threads, each with its own
 * SQLite connection (a store handle is one connection, used by one thread
 * at a time), opened on the thread's first request and closed at
 * shutdown. Every request owns one http request record from the moment
 * its URI arrives until it completes (then its memory is freed and its
 * access-log line written): no per-request memory outlives the request.
 *
 * Besides the server, this header names the parts tests and fuzzers
 * reach: the query-string parser and validator, and the routing table. */
#ifndef KL_HTTP_H
#define KL_HTTP_H

#include <jansson.h>
#include <stddef.h>

#include "core/geo.h"
#include "auth/auth.h"
#include "core/store.h"

/* ---- The server ---- */

typedef struct http_config {
    const char *bind;     /* "127.0.0.1" (default), "0.0.0.0", "::1" */
    unsigned short port;  /* 0: pick a free port */
    const char *db_path;  /* the database; must exist (kilandkarte init) */
    const char *web_dir;  /* static pages; NULL or missing: none served */
    const geo *g;         /* borrowed; must outlive the server */
    unsigned threads;     /* worker threads (and SQLite connections); 0: 4 */
    unsigned timeout_s;   /* idle connection timeout; 0: 30 s */
    unsigned max_conns;   /* connection limit; 0: 512 */
    size_t max_body;      /* request body limit in bytes; 0: 64 KiB */
    size_t max_upload;    /* the limit for an uploaded report (POST
                             /api/import); 0: 8 MiB */
    int cache_mb;         /* response cache in MiB; 0: 32 MiB; < 0: none */
    auth_config auth;     /* accounts: password cost, session lifetime,
                             login limits; zero members take defaults */
    const char *base_url; /* OParl ids begin with it ("https://host"); NULL:
                             "http://" and the request's Host */
} http_config;

typedef struct http_server http_server;

/* http_start: start serving with the configuration in cfg (copied; the
 * strings and g are borrowed and must outlive the server). On success
 * *out is the running server and http_port() tells the port; on failure
 * *out is NULL and *err says why (caller frees). The caller stops it
 * with http_stop(). */
int http_start(const http_config *cfg, http_server **out, char **err);

/* http_port: the port the server listens on (the chosen one for port 0). */
unsigned short http_port(const http_server *h);

/* http_stop: graceful shutdown: stop accepting, give requests in flight
 * up to grace_ms to finish, stop the workers, close every worker's store
 * and free h. NULL is a no-op. */
void http_stop(http_server *h, unsigned grace_ms);

/* ---- Query strings (outside input: see tests/fuzz/fuzz_query.c) ---- */

typedef struct http_param {
    char *name;  /* percent-decoded, NUL-terminated */
    char *value; /* percent-decoded; "" for "name" without "=" */
} http_param;

typedef struct http_params {
    http_param *a;
    size_t n;
} http_params;

/* A refusal of a request, for an application/problem+json reply. */
typedef struct http_problem {
    int status;        /* 400, 403, 404, 405, 413, 415, 429, 500 */
    const char *param; /* the offending parameter, or NULL; static or
                          borrowed from the params */
    char *detail;      /* German explanation; owned, free with
                          http_problem_clear() */
    json_t *extra;     /* more members of the problem ("current"), or
                          NULL; owned, freed with the problem */
} http_problem;

void http_problem_clear(http_problem *p);

/* http_params_parse: split a query string (without "?") at "&", decode
 * "%XX" and "+" in names and values. Refuses (400 in *pr) a bad escape,
 * invalid UTF-8, a control character, an empty name, a parameter given
 * twice, and more than 64 parameters. *out: caller frees with
 * http_params_free() (also on failure). */
int http_params_parse(const char *qs, size_t n, http_params *out, http_problem *pr);

void http_params_free(http_params *p);

/* http_param_get: the value of parameter name, or NULL. Borrowed. */
const char *http_param_get(const http_params *p, const char *name);

/* Which parameters an endpoint reads (a bit set for http_params_check). */
enum {
    HTTP_P_Q = 1 << 0,
    HTTP_P_LAND = 1 << 1,
    HTTP_P_KIND = 1 << 2,
    HTTP_P_FIELD = 1 << 3,
    HTTP_P_TARGET = 1 << 4,
    HTTP_P_YEAR = 1 << 5,
    HTTP_P_STATUS = 1 << 6,
    HTTP_P_NEAR = 1 << 7,
    HTTP_P_KM = 1 << 8,
    HTTP_P_BBOX = 1 << 9,
    HTTP_P_LIMIT = 1 << 10,
    HTTP_P_OFFSET = 1 << 11,
    HTTP_P_SORT = 1 << 12,
    HTTP_P_START = 1 << 13,
    HTTP_P_END = 1 << 14,
    HTTP_P_MIN_SCORE = 1 << 15,
    HTTP_P_BY = 1 << 16,
    HTTP_P_FORMAT = 1 << 17,
    HTTP_P_FROM = 1 << 18,
    HTTP_P_TO = 1 << 19,
    HTTP_P_OPEN = 1 << 20,
    HTTP_P_REASON = 1 << 21,
    HTTP_P_VERSION = 1 << 22,
    HTTP_P_USER = 1 << 23,
    HTTP_P_BEFORE = 1 << 24,
    HTTP_P_MODIFIED_SINCE = 1 << 25,
    HTTP_P_NAME = 1 << 26,
    /* OParl lists (src/oparl); modified_since is shared with /api/entries */
    HTTP_P_PAGE = 1 << 27,
    HTTP_P_ELEMENTS_PER_PAGE = 1 << 28,
    HTTP_P_CREATED_SINCE = 1 << 29,
    HTTP_P_CREATED_UNTIL = 1 << 30,
    /* The top bit: an enum constant is an int; the sets are used as
     * unsigned, where this is 1u << 31. */
    HTTP_P_MODIFIED_UNTIL = (int)(1u << 31),
};
#define HTTP_P_OPARL_LIST                                                                          \
    (HTTP_P_LIMIT | HTTP_P_PAGE | HTTP_P_ELEMENTS_PER_PAGE | HTTP_P_CREATED_SINCE |                \
     HTTP_P_CREATED_UNTIL | HTTP_P_MODIFIED_SINCE | HTTP_P_MODIFIED_UNTIL)
#define HTTP_P_FILTERS                                                                             \
    (HTTP_P_Q | HTTP_P_LAND | HTTP_P_KIND | HTTP_P_FIELD | HTTP_P_TARGET | HTTP_P_YEAR |           \
     HTTP_P_STATUS | HTTP_P_NEAR | HTTP_P_KM | HTTP_P_BBOX | HTTP_P_SORT)

/* http_param_name: the name of one HTTP_P_ bit ("q", "land", ...), or
 * NULL. Static. */
const char *http_param_name(unsigned bit);

/* http_params_check: refuse (400, naming it) the first parameter that is
 * not in the set `allowed`. */
int http_params_check(const http_params *p, unsigned allowed, http_problem *pr);

/* http_query_from_params: the search a public reader asked for, every
 * value checked: land (code, abbreviation, name or "bund"), kind, field,
 * target (vocabulary slugs), year (1900..2100), status ("published"; draft
 * and all only with drafts_ok, for a signed-in user, else 403), near (a place
 * of g) with km (1..1000, default 50), bbox S,W,N,E, sort, and when
 * paging is 1, limit (1..1000, default 20) and offset (0..10^8). The
 * caller has run http_params_check. Strings in q are borrowed from p, the
 * Länder table or the vocabularies. Returns 0, or the HTTP status with *pr
 * filled. */
int http_query_from_params(const http_params *p, const geo *g, int paging, int drafts_ok,
                           store_query *q, http_problem *pr);

/* ---- Request bodies (outside input: see tests/fuzz/fuzz_body.c) ---- */

/* The deepest nesting of arrays and objects a body may have. */
#define HTTP_JSON_DEPTH 16

/* http_body_json: the body body[0..n) of a writing request as a JSON
 * object. Refuses (status returned, *pr filled) a Content-Type ctype
 * (may be NULL) other than application/json (415), invalid UTF-8,
 * malformed JSON (line and column named), nesting deeper than
 * HTTP_JSON_DEPTH, a value that is no object, a member given twice, a
 * member not named in fields (a NULL-terminated list; NULL: any member,
 * for callers whose own parser checks the members), and a string
 * longer than max_string bytes anywhere in a member (named in
 * pr->param) (all 400). Returns 0 with *out the object (caller
 * decrefs). */
int http_body_json(const char *ctype, const char *body, size_t n, const char *const *fields,
                   size_t max_string, json_t **out, http_problem *pr);

/* ---- Routing ---- */

typedef struct http_route http_route;

/* The longest Allow list http_route_find writes, with its NUL. */
#define HTTP_ALLOW_MAX 64

/* http_route_find: the route for method ("HEAD" finds the GET route) and
 * path (decoded, without query). Returns the route, with the {id}/{name}
 * segment (borrowed from path, not NUL-terminated:
 * "/api/entries/{id}/similar" has text after it) in *arg / *arg_len; or
 * NULL, with allow empty when no route has the path (404) and otherwise
 * the methods it has ("GET, HEAD, OPTIONS": 405). Paths outside /api/
 * and /oparl/ are static files (the caller checks http_route_is_api). */
const http_route *http_route_find(const char *method, const char *path, const char **arg,
                                  size_t *arg_len, char allow[HTTP_ALLOW_MAX]);

/* http_route_is_api: 1 for "/api", "/oparl" and paths beneath them: the
 * machine interfaces (routed, CORS, problem+json), not static pages. */
int http_route_is_api(const char *path);

/* http_route_count / http_route_method / http_route_pattern /
 * http_route_params: the table, for the OpenAPI test: the i-th route's
 * method ("GET"), OpenAPI path ("/api/entries/{id}") and the HTTP_P_ set
 * of its query parameters. Static strings. */
size_t http_route_count(void);
const char *http_route_method(size_t i);
const char *http_route_pattern(size_t i);
unsigned http_route_params(size_t i);

/* http_openapi: the OpenAPI 3.1 document (api/openapi.json compiled
 * into the program). Static, *n bytes, not NUL-terminated. */
const char *http_openapi(size_t *n);

#endif
