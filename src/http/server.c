/* server.c: the libmicrohttpd daemon: request lifecycle, dispatch,
 * access log, the per-thread stores, start and graceful stop. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "http/http_int.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* uri_log: MHD's first word on a request (the raw target, query and
 * all): the request record begins here and becomes MHD's req_cls. */
static void *uri_log(void *cls, const char *uri, struct MHD_Connection *con)
{
    (void)con;
    http_req *r = xcalloc(1, sizeof *r);
    r->srv = cls;
    r->uri = xstrdup(uri ? uri : "");
    r->t0 = now_s();
    r->wall = time(NULL);
    return r;
}

/* log_line: one line per request on stderr, written with one call so
 * that lines of concurrent requests do not interleave. Control bytes of
 * the target are shown as '?' (no terminal escapes from clients). */
static void log_line(const http_req *r)
{
    char when[32];
    struct tm tm;
    sbuf b = SBUF_INIT;
    gmtime_r(&r->wall, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    for (const char *p = r->uri; *p && b.len < 2000; p++)
        sbuf_addc(&b, (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p);
    fprintf(stderr, "%s %s %s %d %zu %.1fms\n", when, r->method ? r->method : "-", sbuf_cstr(&b),
            r->status, r->bytes, (now_s() - r->t0) * 1000.0);
    sbuf_free(&b);
}

static void completed(void *cls, struct MHD_Connection *con, void **req_cls,
                      enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)con;
    (void)toe;
    http_req *r = *req_cls;
    if (!r)
        return;
    log_line(r);
    http_params_free(&r->params);
    sbuf_free(&r->in);
    free(r->set_cookie);
    free(r->location);
    free(r->cache_key);
    free(r->uri);
    free(r);
    *req_cls = NULL;
}

/* worker_store: a connection for a worker thread. */
static int worker_store(http_server *h, store **s, char **err)
{
    int rc = store_open(h->cfg.db_path, h->cfg.g, 0, s, err);
    if (rc)
        return rc;
    /* Per worker thread: a smaller page cache (bench/RESULTS.md: the
     * default 64 MiB each made 380 MB at 1,000,000 entries). */
    store_set_cache_mb(*s, 8);
    http_ckpt_worker(store_sqlite(*s), h->ckpt);
    return KL_OK;
}

/* open_spares: one connection per worker thread, opened and shown to the
 * response cache before the first request. The cache must drop every
 * answer when it first meets a connection (its view may be newer than
 * the answers kept); a connection it met before anything was cached
 * costs nothing, where one opened at a worker's first request emptied
 * the cache then, at a random moment. Failures leave it to that. */
static void open_spares(http_server *h)
{
    h->spare = xcalloc(h->cfg.threads, sizeof *h->spare);
    for (unsigned i = 0; i < h->cfg.threads; i++) {
        store *s = NULL;
        char *err = NULL;
        if (worker_store(h, &s, &err) != KL_OK) {
            free(err);
            break;
        }
        if (h->cache)
            http_cache_check(h->cache, s);
        h->spare[h->nspare++] = s;
    }
}

static void free_spares(http_server *h)
{
    for (size_t i = 0; i < h->nspare; i++)
        store_close(h->spare[i]);
    free(h->spare);
}

http_slot *http_req_slot(http_req *r, enum MHD_Result *result)
{
    http_server *h = r->srv;
    pthread_t self = pthread_self();
    http_slot *sl = r->slot;
    store *s = NULL;
    char *err = NULL;
    if (sl)
        return sl;
    /* The array grows when another thread's first request adds a slot:
     * look under the lock. */
    pthread_mutex_lock(&h->mu);
    for (size_t i = 0; i < h->nslots && !sl; i++)
        if (pthread_equal(h->slots[i]->tid, self))
            sl = h->slots[i];
    pthread_mutex_unlock(&h->mu);
    if (!sl) {
        pthread_mutex_lock(&h->mu);
        if (h->nspare)
            s = h->spare[--h->nspare];
        pthread_mutex_unlock(&h->mu);
    }
    if (!sl && (s || worker_store(h, &s, &err) == KL_OK)) {
        sl = xcalloc(1, sizeof *sl);
        sl->tid = self;
        sl->s = s;
        pthread_mutex_lock(&h->mu);
        if (h->nslots == h->cap) {
            h->cap = h->cap ? 2 * h->cap : 8;
            h->slots = xrealloc(h->slots, h->cap * sizeof *h->slots);
        }
        h->slots[h->nslots++] = sl;
        pthread_mutex_unlock(&h->mu);
    }
    if (!sl) {
        fprintf(stderr, "kilandkarte serve: %s\n", err ? err : "Datenbank nicht lesbar");
        free(err);
        *result = http_reply_error(r, 500, NULL, "Die Datenbank ist nicht lesbar");
    }
    return r->slot = sl;
}

store *http_req_store(http_req *r, enum MHD_Result *result)
{
    http_slot *sl = http_req_slot(r, result);
    return sl ? sl->s : NULL;
}

int http_write_begin(http_server *h, store *s, char **err)
{
    pthread_mutex_lock(&h->write_mu);
    int rc = store_begin(s, err);
    if (rc)
        pthread_mutex_unlock(&h->write_mu);
    return rc;
}

int http_write_end(http_server *h, store *s, int rc, char **err)
{
    if (!rc)
        rc = store_commit(s, err);
    else
        store_rollback(s);
    pthread_mutex_unlock(&h->write_mu);
    return rc;
}

/* cacheable: the read endpoints whose answers the response cache keeps:
 * they depend on the database and the query only. */
static int cacheable(http_handler fn)
{
    return fn == api_entries_list || fn == api_entries_get || fn == api_laender ||
           fn == api_places || fn == api_export_geojson || fn == api_export_csv ||
           fn == api_export_jsonl || fn == api_chair || fn == api_meetings ||
           fn == api_meeting_get || fn == api_tasks;
}

void http_client_addr(http_req *r, char *out, size_t n)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const struct sockaddr *sa = ci ? ci->client_addr : NULL;
    snprintf(out, n, "?");
    if (sa && sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, (socklen_t)n);
    else if (sa && sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out, (socklen_t)n);
}

/* Cross-origin pages may read the API, never write to it: writes are
 * made by this site's own pages (and by scripts, which need no CORS). */
static const char cors_methods[] = "GET, HEAD, OPTIONS";

static enum MHD_Result preflight(http_req *r, const char *allow)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(resp, "Allow", allow);
    MHD_add_response_header(resp, "Access-Control-Allow-Methods", cors_methods);
    MHD_add_response_header(resp, "Access-Control-Allow-Headers", "If-None-Match");
    MHD_add_response_header(resp, "Access-Control-Max-Age", "86400");
    http_add_common_headers(r, resp);
    return http_queue(r, 204, resp);
}

static enum MHD_Result not_allowed(http_req *r, const char *allow)
{
    r->allow = allow;
    enum MHD_Result ret = http_reply_error(r, 405, NULL, "Diese Adresse erlaubt nur: %s", allow);
    r->allow = NULL; /* allow may be the caller's buffer */
    return ret;
}

/* body_limit: the largest body r may send: reports uploaded for import
 * are larger than any JSON. */
static size_t body_limit(const http_req *r)
{
    return strcmp(r->path, "/api/import") == 0 ? r->srv->cfg.max_upload : r->srv->cfg.max_body;
}

/* take_body: the first call with headers decides what happens to the
 * body: a writing request keeps it (up to the limit) for its handler,
 * any other request has it counted and dropped. A body over the limit,
 * announced or sent, is refused with 413 at once. */
static enum MHD_Result take_body(http_req *r, const char *data, size_t *size)
{
    size_t max = body_limit(r);
    r->body += *size;
    if (r->body > max && !r->status) {
        sbuf_free(&r->in);
        r->keep_body = 0;
        *size = 0;
        return http_reply_error(r, 413, NULL, "Der Inhalt der Anfrage ist größer als %zu Bytes",
                                max);
    }
    if (r->keep_body && !r->status)
        sbuf_add(&r->in, data, *size);
    *size = 0;
    return MHD_YES;
}

static enum MHD_Result dispatch(http_req *r, const char *url, const char *method)
{
    http_server *h = r->srv;
    http_problem pr = {0};
    int get = r->head || strcmp(method, "GET") == 0;
    int options = strcmp(method, "OPTIONS") == 0;
    static const char static_allow[] = "GET, HEAD, OPTIONS";
    if (!http_route_is_api(url)) {
        if (options)
            return preflight(r, static_allow);
        return get ? http_static_serve(r) : not_allowed(r, static_allow);
    }
    const char *arg;
    size_t arg_len;
    char allow[HTTP_ALLOW_MAX];
    const http_route *rt = http_route_find(options ? "GET" : method, url, &arg, &arg_len, allow);
    if (options)
        return rt ? preflight(r, static_allow) : preflight(r, allow);
    if (!rt && allow[0])
        return not_allowed(r, allow);
    if (!rt)
        return http_reply_error(r, 404, NULL, "Unbekannte Adresse der Schnittstelle: %s", url);
    const char *qm = strchr(r->uri, '?');
    if ((qm && http_params_parse(qm + 1, strlen(qm + 1), &r->params, &pr)) ||
        http_params_check(&r->params, http_route_allowed(rt), &pr))
        return http_reply_problem(r, &pr);
    http_handler fn = http_route_handler(rt);
    /* Only the public's answers are shared: a request with credentials
     * may see drafts, so it is never answered from, or kept in, the
     * cache. */
    int credentials = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Authorization") ||
                      MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, HTTP_SESSION_COOKIE);
    if (h->cache && cacheable(fn) && !credentials) {
        /* The generation is read before anything of the database is:
         * an answer made now is kept under it (see cache.c). */
        enum MHD_Result ret;
        store *s = http_req_store(r, &ret);
        if (!s)
            return ret;
        r->cache_gen = http_cache_check(h->cache, s);
        r->cache_key = http_cache_key(url, &r->params);
        if (http_cache_serve(h->cache, r, &ret))
            return ret;
    }
    return fn(r, arg);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **req_cls)
{
    http_server *h = cls;
    http_req *r = *req_cls;
    (void)version;
    if (!r)
        *req_cls = r = uri_log(h, url, conn);
    if (!r->conn) {
        /* First call: the headers are in. A body announced too large is
         * refused now; otherwise MHD calls again once the request is
         * complete (answering earlier would cost the keep-alive). */
        r->conn = conn;
        r->method = method;
        r->path = url;
        r->head = strcmp(method, "HEAD") == 0;
        r->keep_body = strcmp(method, "POST") == 0 || strcmp(method, "PUT") == 0;
        const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
        if (cl && strtoull(cl, NULL, 10) > body_limit(r))
            return http_reply_error(r, 413, NULL, "Der Inhalt der Anfrage ist größer als %zu Bytes",
                                    body_limit(r));
        return MHD_YES;
    }
    if (*upload_data_size)
        return take_body(r, upload_data, upload_data_size);
    if (r->status)
        return MHD_YES;
    return dispatch(r, url, method);
}

/* parse_bind: the listening address from text; 1 for IPv6. -1 if bad. */
static int parse_bind(const char *bind, unsigned short port, struct sockaddr_storage *ss)
{
    memset(ss, 0, sizeof *ss);
    struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
    if (inet_pton(AF_INET, bind, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons(port);
        return 0;
    }
    if (inet_pton(AF_INET6, bind, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons(port);
        return 1;
    }
    return -1;
}

int http_start(const http_config *cfg, http_server **out, char **err)
{
    struct sockaddr_storage ss;
    store *probe = NULL;
    *out = NULL;
    http_server *h = xcalloc(1, sizeof *h);
    h->cfg = *cfg;
    if (!h->cfg.bind)
        h->cfg.bind = "127.0.0.1";
    if (!h->cfg.threads)
        h->cfg.threads = 4;
    if (!h->cfg.timeout_s)
        h->cfg.timeout_s = 30;
    if (!h->cfg.max_conns)
        h->cfg.max_conns = 512;
    if (!h->cfg.max_body)
        h->cfg.max_body = 64 * 1024;
    if (!h->cfg.max_upload)
        h->cfg.max_upload = 8 * 1024 * 1024;
    int v6 = parse_bind(h->cfg.bind, h->cfg.port, &ss);
    if (v6 < 0) {
        free(h);
        return err_set(err, KL_EINVAL, "--bind „%s“ ist keine IP-Adresse", cfg->bind);
    }
    /* Open the database once before listening: a wrong path fails now,
     * not at the first request. */
    if (store_open(h->cfg.db_path, h->cfg.g, 0, &probe, err) != KL_OK) {
        free(h);
        return KL_EDB;
    }
    store_close(probe);
    pthread_mutex_init(&h->mu, NULL);
    pthread_mutex_init(&h->write_mu, NULL);
    h->ckpt = http_ckpt_start(h->cfg.db_path);
    /* Ten messages per address and hour: more than a person writes. */
    h->feedback_limit = http_limit_new(10, 3600);
    if (h->cfg.cache_mb >= 0)
        h->cache = http_cache_new((size_t)(h->cfg.cache_mb ? h->cfg.cache_mb : 32) << 20);
    open_spares(h);
    /* epoll where the platform has it, else poll, else select. */
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
    if (MHD_is_feature_supported(MHD_FEATURE_EPOLL) == MHD_YES)
        flags |= MHD_USE_EPOLL;
    else if (MHD_is_feature_supported(MHD_FEATURE_POLL) == MHD_YES)
        flags |= MHD_USE_POLL;
    if (v6)
        flags |= MHD_USE_IPv6;
    h->d = MHD_start_daemon(flags, h->cfg.port, NULL, NULL, on_request, h, MHD_OPTION_SOCK_ADDR,
                            (const struct sockaddr *)&ss, MHD_OPTION_THREAD_POOL_SIZE,
                            (unsigned int)h->cfg.threads, MHD_OPTION_CONNECTION_TIMEOUT,
                            (unsigned int)h->cfg.timeout_s, MHD_OPTION_CONNECTION_LIMIT,
                            (unsigned int)h->cfg.max_conns, MHD_OPTION_URI_LOG_CALLBACK, uri_log, h,
                            MHD_OPTION_NOTIFY_COMPLETED, completed, h, MHD_OPTION_END);
    if (!h->d) {
        int e = errno;
        free_spares(h);
        http_cache_free(h->cache);
        http_limit_free(h->feedback_limit);
        http_ckpt_stop(h->ckpt);
        pthread_mutex_destroy(&h->write_mu);
        pthread_mutex_destroy(&h->mu);
        free(h);
        return err_set(err, KL_EIO, "Der Server startet nicht auf %s:%u (%s)", cfg->bind,
                       (unsigned)cfg->port, e ? strerror(e) : "Adresse belegt?");
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
    h->port = info ? info->port : h->cfg.port;
    *out = h;
    return KL_OK;
}

unsigned short http_port(const http_server *h)
{
    return h->port;
}

void http_stop(http_server *h, unsigned grace_ms)
{
    if (!h)
        return;
    /* Stop accepting; requests in flight get grace_ms to finish. */
    MHD_socket lfd = MHD_quiesce_daemon(h->d);
    double end = now_s() + grace_ms / 1000.0;
    while (now_s() < end) {
        const union MHD_DaemonInfo *info =
            MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
        if (!info || info->num_connections == 0)
            break;
        struct timespec ts = {0, 20 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    MHD_stop_daemon(h->d);
    if (lfd != MHD_INVALID_SOCKET)
        close(lfd);
    http_cache_free(h->cache); /* after MHD: no response holds an answer */
    http_limit_free(h->feedback_limit);
    for (size_t i = 0; i < h->nslots; i++) {
        http_slot *sl = h->slots[i];
        analyse_ctx_free(sl->an);
        conf_close(sl->cf);
        auth_close(sl->au);
        oparl_close(sl->op);
        store_close(sl->s);
        free(sl);
    }
    free(h->slots);
    free_spares(h);
    http_ckpt_stop(h->ckpt); /* after the workers' connections are closed */
    pthread_mutex_destroy(&h->write_mu);
    pthread_mutex_destroy(&h->mu);
    free(h);
}
