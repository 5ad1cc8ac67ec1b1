/* http_int.h: private to src/http: the request record, the routing table
 * entries and the reply helpers the handlers share. */
#ifndef KL_HTTP_INT_H
#define KL_HTTP_INT_H

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>

#include "analyse/analyse.h"
#include "auth/auth.h"
#include "conference/conference.h"
#include "http/http.h"
#include "util/msg.h"
#include "util/sbuf.h"
#include "oparl/oparl.h"

/* One store per worker thread, found by the thread's id, and next to it
 * the thread's analysis context (its kept corpora, analyse.h) and its
 * conference handle (prepared statements on that store, conference.h).
 * All are owned by the server: created on the thread's first use, freed
 * by http_stop (the context and the handle before the store). */
typedef struct http_slot {
    pthread_t tid;
    store *s;
    analyse_ctx *an; /* NULL until the thread's first analysis */
    conf *cf;        /* NULL until the thread's first conference request */
    auth *au;        /* NULL until the thread's first request with credentials */
    oparl *op;       /* NULL until the thread's first OParl request */
} http_slot;

/* The checkpoint thread (checkpoint.c); opaque. */
typedef struct http_ckpt http_ckpt;

/* http_ckpt_start: a thread that checkpoints the WAL of db_path every
 * 200 ms on a connection of its own; NULL if it cannot start (then the
 * workers keep SQLite's automatic checkpoints). Stop and free with
 * http_ckpt_stop() (NULL is a no-op) after the workers are done. */
http_ckpt *http_ckpt_start(const char *db_path);
void http_ckpt_stop(http_ckpt *c);

/* http_ckpt_worker: a worker's connection leaves checkpoints to c. */
void http_ckpt_worker(sqlite3 *db, const http_ckpt *c);

/* A rate limit per client address (limit.c); opaque. */
typedef struct http_limit http_limit;

/* The response cache (cache.c); opaque. */
typedef struct http_cache http_cache;

struct http_server {
    http_config cfg;
    http_cache *cache;          /* NULL: no caching (--cache-mb 0) */
    http_limit *feedback_limit; /* messages per address and window */
    http_ckpt *ckpt;            /* NULL: SQLite checkpoints in the workers */
    pthread_mutex_t write_mu;   /* one writing transaction at a time */
    struct MHD_Daemon *d;
    unsigned short port;
    pthread_mutex_t mu; /* guards the array slots (not what the slots hold) */
    http_slot **slots;  /* each allocated once: a thread's slot never moves */
    size_t nslots, cap;
    store **spare; /* connections opened before listening, for the */
    size_t nspare; /* workers' first requests (see http_req_slot) */
};

/* One request, from its URI to its completion (then http_req_free). */
typedef struct http_req {
    http_server *srv;
    struct MHD_Connection *conn;
    char *uri;          /* raw request target as received, for the log */
    const char *method; /* borrowed from MHD for the request's life */
    const char *path;   /* decoded path, borrowed from MHD */
    http_params params;
    double t0;                    /* start, seconds (monotonic) */
    time_t wall;                  /* start, wall clock, for the log */
    int status;                   /* the status replied, for the log */
    size_t bytes;                 /* body bytes replied (or streamed) */
    int head;                     /* a HEAD request: headers only */
    size_t body;                  /* request body bytes seen */
    sbuf in;                      /* the body of a writing request (POST, PUT) */
    int keep_body;                /* 1: collect the body in `in`; 0: drop it */
    char retry_after[16];         /* set: a Retry-After header (seconds) */
    char etag[20];                /* set: an ETag header for a reply without
                                     a body of its own to hash (412) */
    const char *allow;            /* static or the route's: an Allow header */
    const char *content_language; /* static: "de" or "en" of a problem */
    int user_known;               /* 1: user holds who sent the request */
    int via_session;              /* the user came from the session cookie */
    auth_user user;               /* see http_req_user */
    http_slot *slot;              /* this worker's, once looked up */
    int private_answer;           /* 1: Cache-Control: no-store */
    char *set_cookie;             /* owned; a Set-Cookie header to send */
    char *location;               /* owned; a Location header to send */
    char *cache_key;              /* owned; set when the answer may be cached */
    unsigned long cache_gen;      /* the cache generation before any reading */
} http_req;

/* A handler answers the request (queues a response) and returns what
 * MHD_queue_response returned. arg is the {id}/{name} path segment
 * (decoded, NUL-terminated) or NULL. */
typedef enum MHD_Result (*http_handler)(http_req *r, const char *arg);

struct http_route {
    const char *method;  /* "GET" (HEAD with it), "POST", "PUT", "DELETE" */
    const char *pattern; /* OpenAPI path: "/api/entries/{id}" */
    size_t prefix_len;   /* for patterns with {arg}: the length before it */
    unsigned params;     /* HTTP_P_ set of accepted query parameters */
    http_handler fn;
    const char *suffix; /* after {arg}: "/similar", or NULL. The handler's
                           arg then runs to the end of the path, suffix
                           included: the handler takes it off. */
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

/* http_req_english: the request asks for English: its Accept-Language
 * prefers English to German (msg_wants_english). Problem details then
 * go out in English where the catalogue (util/msg.h) knows them. */
int http_req_english(http_req *r);

/* http_add_common_headers: security headers, and CORS for the API. */
void http_add_common_headers(http_req *r, struct MHD_Response *resp);

/* http_queue: queue resp with status, record it, destroy resp. */
enum MHD_Result http_queue(http_req *r, int status, struct MHD_Response *resp);

/* http_limit_new: at most max hits per key in each window of window_s
 * seconds. Free with http_limit_free() (NULL is a no-op). */
http_limit *http_limit_new(unsigned max, unsigned window_s);
void http_limit_free(http_limit *l);

/* http_limit_hit: count one hit of key (truncated to 47 bytes) at time
 * now: 0 when it is allowed, else the seconds until the next window. */
unsigned http_limit_hit(http_limit *l, const char *key, time_t now);

/* http_client_addr: the client's address as text into out (at least 48
 * bytes); "?" when unknown. */
void http_client_addr(http_req *r, char *out, size_t n);

/* The cookie of a page's session. */
#define HTTP_SESSION_COOKIE "kl_session"

/* http_req_auth: this worker thread's accounts handle on its store,
 * opened on first use. NULL after replying 500 (the caller returns
 * *result). Borrowed: the server closes it in http_stop. */
auth *http_req_auth(http_req *r, enum MHD_Result *result);

/* http_req_user: who sent r (see who.c): the user of the Bearer token or
 * of the session cookie (for write 1 with the session's X-CSRF-Token), or
 * nobody (id 0) without credentials. Returns 0 with *u (borrowed from r),
 * or -1 after replying 401/403/500 (the caller returns *result). */
int http_req_user(http_req *r, int write, const auth_user **u, enum MHD_Result *result);

/* http_reply_refused: reply to an auth_ error rc with its message err
 * (taken): KL_EAUTH 401, KL_EPERM 403, KL_ELIMIT 429, else 500. */
enum MHD_Result http_reply_refused(http_req *r, int rc, char *err);

/* http_write_begin: begin a writing transaction on s (this worker's
 * store) when no other worker has one open: writers queue on a mutex
 * instead of in SQLite's busy handler, which sleeps up to 100 ms a try.
 * http_write_end: commit (rc 0) or roll back (rc not 0), then let the
 * next writer in; returns rc, or the commit's error. Every successful
 * http_write_begin is paired with one http_write_end. */
int http_write_begin(http_server *h, store *s, char **err);
int http_write_end(http_server *h, store *s, int rc, char **err);

/* http_req_slot: this worker thread's slot, created with its store on
 * the thread's first request. The slot is the thread's alone and never
 * moves, so its handles are used without a lock. NULL after replying 500
 * (the caller returns *result). Borrowed: freed by http_stop. */
http_slot *http_req_slot(http_req *r, enum MHD_Result *result);

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

/* ---- The response cache (cache.c) ----
 * Answers of the read API kept by address and served again while the
 * database is unchanged: see the comment at the top of cache.c. All
 * functions are safe to call from any worker thread. */

/* http_cache_new: a cache of at most max_bytes (0: NULL, no cache).
 * Free with http_cache_free() after MHD has stopped. */
http_cache *http_cache_new(size_t max_bytes);
void http_cache_free(http_cache *c);

/* http_cache_key: the cache key of path with the parameters p sorted by
 * name. Caller frees. */
char *http_cache_key(const char *path, const http_params *p);

/* http_cache_check: read data_version on s (this worker's store) and
 * return the current generation (raised, and the cache emptied, when the
 * database changed since this connection last looked). Call before the
 * request reads the database; the answer is kept under this generation. */
unsigned long http_cache_check(http_cache *c, store *s);

/* http_cache_invalidate: the hook for writes made through this server
 * (data_version does not see a connection's own commits): call after
 * every commit. Raises the generation and empties the cache. NULL: no-op. */
void http_cache_invalidate(http_cache *c);

/* http_cache_serve: with r->cache_key and r->cache_gen set, answer from
 * the cache (200 with the kept ETag, or 304) and return 1 with MHD's
 * result in *result; 0 when there is no valid answer. */
int http_cache_serve(http_cache *c, http_req *r, enum MHD_Result *result);

/* http_cache_reply: reply 200 with body (taken, may be NULL when n is 0)
 * and keep it for r->cache_key; ETag, If-None-Match and X-Cache: miss as
 * http_reply_body does. */
enum MHD_Result http_cache_reply(http_cache *c, http_req *r, const char *ctype, char *body,
                                 size_t n);

/* http_cache_put: keep a copy of a streamed answer (body borrowed) for
 * r->cache_key, with its Content-Disposition (may be NULL), when it is at
 * most http_cache_max_entry() bytes and the generation is still current. */
void http_cache_put(http_cache *c, const http_req *r, const char *ctype, const char *disposition,
                    const char *body, size_t n);

/* http_cache_max_entry: the largest answer kept, in bytes. */
size_t http_cache_max_entry(const http_cache *c);

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
enum MHD_Result api_similar(http_req *r, const char *arg);
enum MHD_Result api_links(http_req *r, const char *arg);
enum MHD_Result api_partners(http_req *r, const char *arg);
enum MHD_Result api_compare(http_req *r, const char *arg);
enum MHD_Result api_chair(http_req *r, const char *arg);
enum MHD_Result api_meetings(http_req *r, const char *arg);
enum MHD_Result api_meeting_get(http_req *r, const char *arg);
enum MHD_Result api_tasks(http_req *r, const char *arg);
enum MHD_Result api_feedback_post(http_req *r, const char *arg);
enum MHD_Result api_login(http_req *r, const char *arg);
enum MHD_Result api_import(http_req *r, const char *arg);
enum MHD_Result api_logout(http_req *r, const char *arg);
enum MHD_Result api_session(http_req *r, const char *arg);
enum MHD_Result api_audit(http_req *r, const char *arg);
enum MHD_Result api_entries_post(http_req *r, const char *arg);
enum MHD_Result api_entries_put(http_req *r, const char *arg);
enum MHD_Result api_entries_delete(http_req *r, const char *arg);
enum MHD_Result api_entries_restore(http_req *r, const char *arg);
enum MHD_Result api_entries_history(http_req *r, const char *arg);
enum MHD_Result api_oparl_system(http_req *r, const char *arg);
enum MHD_Result api_oparl_bodies(http_req *r, const char *arg);
enum MHD_Result api_oparl_list(http_req *r, const char *arg);
enum MHD_Result api_oparl_object(http_req *r, const char *arg);
enum MHD_Result http_static_serve(http_req *r);

#endif
