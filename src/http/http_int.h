/* http_int.h: private to src/http: the request record, the routing table
 * entries and the reply helpers the handlers share. */
#ifndef KL_HTTP_INT_H
#define KL_HTTP_INT_H

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>

#include "http/http.h"

/* One store per worker thread, found by the thread's id. */
typedef struct http_slot {
    pthread_t tid;
    store *s;
} http_slot;

struct http_server {
    http_config cfg;
    struct MHD_Daemon *d;
    unsigned short port;
    pthread_mutex_t mu; /* guards slots */
    http_slot *slots;
    size_t nslots, cap;
};

/* One request, from its URI to its completion (then http_req_free). */
typedef struct http_req {
    http_server *srv;
    struct MHD_Connection *conn;
    char *uri;          /* raw request target as received, for the log */
    const char *method; /* borrowed from MHD for the request's life */
    const char *path;   /* decoded path, borrowed from MHD */
    http_params params;
    double t0;    /* start, seconds (monotonic) */
    time_t wall;  /* start, wall clock, for the log */
    int status;   /* the status replied, for the log */
    size_t bytes; /* body bytes replied (or streamed) */
    int head;     /* a HEAD request: headers only */
    size_t body;  /* request body bytes seen (and dropped) */
} http_req;

/* A handler answers the request (queues a response) and returns what
 * MHD_queue_response returned. arg is the {id}/{name} path segment
 * (decoded, NUL-terminated) or NULL. */
typedef enum MHD_Result (*http_handler)(http_req *r, const char *arg);

struct http_route {
    const char *pattern; /* OpenAPI path: "/api/entries/{id}" */
    size_t prefix_len;   /* for patterns with {arg}: the length before it */
    unsigned params;     /* HTTP_P_ set of accepted query parameters */
    http_handler fn;
};

/* http_route_handler: the handler of route rt. */
http_handler http_route_handler(const http_route *rt);
unsigned http_route_allowed(const http_route *rt);

/* Reply helpers. Each queues a response on r->conn, records status and
 * bytes for the log, and returns MHD's result. */

/* http_reply_body: body (owned: taken and freed, may be NULL when n is 0)
 * with ctype. With etag set, the ETag is a hash of the body and an
 * If-None-Match that names it gives 304 without body. API paths get the
 * CORS header. */
enum MHD_Result http_reply_body(http_req *r, int status, const char *ctype, char *body, size_t n,
                                int etag);

/* http_reply_json: j as JSON (consumed: decref'd), with ETag. */
enum MHD_Result http_reply_json(http_req *r, int status, json_t *j);

/* http_reply_problem: pr as application/problem+json; clears pr. */
enum MHD_Result http_reply_problem(http_req *r, http_problem *pr);

/* http_reply_error: a problem from a status, the parameter (may be NULL)
 * and a German detail. */
enum MHD_Result http_reply_error(http_req *r, int status, const char *param, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* http_add_common_headers: security headers, and CORS for the API. */
void http_add_common_headers(http_req *r, struct MHD_Response *resp);

/* http_queue: queue resp with status, record it, destroy resp. */
enum MHD_Result http_queue(http_req *r, int status, struct MHD_Response *resp);

/* http_req_store: this worker thread's store, opened on first use.
 * NULL after replying 500 (the caller returns *result). Borrowed: valid
 * until http_stop. */
store *http_req_store(http_req *r, enum MHD_Result *result);

/* http_problem_set: fill pr (detail formatted) and return status. */
int http_problem_set(http_problem *pr, int status, const char *param, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* http_etag: the strong ETag of body[0..n) into out[20] ("\"%016llx\""). */
void http_etag(const char *body, size_t n, char out[20]);

/* http_status_title: the German title of a status ("Nicht gefunden"). */
const char *http_status_title(int status);

/* The handlers (api_*.c, static.c). */
enum MHD_Result api_entries_list(http_req *r, const char *arg);
enum MHD_Result api_entries_get(http_req *r, const char *arg);
enum MHD_Result api_places(http_req *r, const char *arg);
enum MHD_Result api_laender(http_req *r, const char *arg);
enum MHD_Result api_export_geojson(http_req *r, const char *arg);
enum MHD_Result api_export_csv(http_req *r, const char *arg);
enum MHD_Result api_export_jsonl(http_req *r, const char *arg);
enum MHD_Result api_openapi(http_req *r, const char *arg);
enum MHD_Result api_dcat(http_req *r, const char *arg);
enum MHD_Result api_document(http_req *r, const char *arg);
enum MHD_Result http_static_serve(http_req *r);

#endif
