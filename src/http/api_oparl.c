/* api_oparl.c: OParl 1.1 under /oparl/v1/ (the objects: src/oparl):
 * GET /oparl/v1/system, /oparl/v1/bodies, /oparl/v1/bodies/{id}, the
 * lists /oparl/v1/bodies/{id}/{organizations,persons,...} and every
 * object at /oparl/v1/{type}/{id}. JSON with ETag and the CORS header
 * (reply.c), as the API; unknown parameters and bad values are 400
 * problem+json naming the parameter.
 *
 * The ids are absolute URLs. They begin with `serve --base-url` when it
 * is given (behind a proxy: the public https address), else with
 * "http://" and the Host the request names (checked: a host name or
 * address and a port, nothing else), so a client that reaches the server
 * under another name gets ids it can follow. The answers depend on the
 * Host, so the response cache does not keep them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/http_int.h"
#include "util/err.h"
#include "util/xalloc.h"

/* req_oparl: this worker thread's OParl handle, opened on first use.
 * NULL after replying 500. Borrowed: closed by http_stop. */
static oparl *req_oparl(http_req *r, enum MHD_Result *result)
{
    char *err = NULL;
    http_slot *sl = http_req_slot(r, result);
    if (!sl)
        return NULL;
    if (!sl->op && oparl_open(sl->s, r->srv->cfg.g, &sl->op, &err) != KL_OK) {
        sl->op = NULL;
        fprintf(stderr, "kilandkarte serve: %s\n", err ? err : "OParl nicht verfügbar");
        free(err);
        *result = http_reply_error(r, 500, NULL, "Die OParl-Schnittstelle ist nicht verfügbar");
    }
    return sl->op;
}

/* base_url: the start of every id (caller frees), or NULL after
 * replying 400 for a Host that is no host. */
static char *base_url(http_req *r, enum MHD_Result *result)
{
    const http_config *c = &r->srv->cfg;
    if (c->base_url)
        return xstrdup(c->base_url);
    const char *host = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Host");
    if (!host) { /* HTTP/1.0 without Host: the address the server listens on */
        int v6 = strchr(c->bind, ':') != NULL;
        return xasprintf("http://%s%s%s:%u", v6 ? "[" : "", c->bind, v6 ? "]" : "",
                         (unsigned)r->srv->port);
    }
    char *base = oparl_base_from_host(host);
    if (!base)
        *result = http_reply_error(r, 400, NULL,
                                   "Die Kopfzeile Host nennt keinen Rechner: die Adressen der "
                                   "OParl-Objekte lassen sich daraus nicht bilden");
    return base;
}

/* ready: the handle and the start of every id (*base: caller frees) of
 * this request; 0 after replying (500 or 400, *result). */
static int ready(http_req *r, oparl **op, char **base, enum MHD_Result *result)
{
    *op = req_oparl(r, result);
    *base = *op ? base_url(r, result) : NULL;
    return *base != NULL;
}

/* failed: 500 for an error of src/oparl (its message to the log). */
static enum MHD_Result failed(http_req *r, char *err)
{
    fprintf(stderr, "kilandkarte serve: OParl: %s\n", err ? err : "unbekannter Fehler");
    free(err);
    return http_reply_error(r, 500, NULL, "Die OParl-Antwort ist fehlgeschlagen");
}

enum MHD_Result api_oparl_system(http_req *r, const char *arg)
{
    enum MHD_Result ret;
    oparl *op;
    char *base;
    (void)arg;
    if (!ready(r, &op, &base, &ret))
        return ret;
    json_t *s = oparl_system(op, base);
    free(base);
    return http_reply_json(r, 200, s);
}

/* list_reply: one page of the list of type t of body (NULL: bodies),
 * the query read from the request. */
static enum MHD_Result list_reply(http_req *r, oparl_type t, const char *body, const char *self)
{
    enum MHD_Result ret;
    oparl_filter f;
    char *err = NULL;
    oparl_filter_init(&f);
    if (http_param_get(&r->params, "limit") && http_param_get(&r->params, "elementsPerPage"))
        return http_reply_error(r, 400, "elementsPerPage",
                                "Entweder limit oder elementsPerPage angeben, nicht beides");
    for (size_t i = 0; i < r->params.n; i++) {
        const http_param *p = &r->params.a[i];
        if (oparl_filter_set(&f, p->name, p->value, &err) != KL_OK) {
            enum MHD_Result x = http_reply_error(r, 400, p->name, "%s", err);
            free(err);
            return x;
        }
    }
    oparl *op;
    char *base;
    if (!ready(r, &op, &base, &ret))
        return ret;
    json_t *out = NULL;
    int rc = oparl_list(op, base, t, body, &f, self, &out, &err);
    free(base);
    if (rc == KL_ENOTFOUND || rc == KL_EINVAL) {
        ret = http_reply_error(r, rc == KL_EINVAL ? 400 : 404, rc == KL_EINVAL ? "page" : NULL,
                               "%s", err);
        free(err);
        return ret;
    }
    if (rc)
        return failed(r, err);
    return http_reply_json(r, 200, out);
}

enum MHD_Result api_oparl_bodies(http_req *r, const char *arg)
{
    (void)arg;
    return list_reply(r, OPARL_BODY, NULL, "/oparl/v1/bodies");
}

/* type_of: the type whose path segment is path[0..n), or OPARL__TYPES. */
static oparl_type type_of(const char *path, size_t n)
{
    for (int t = 0; t < OPARL__TYPES; t++) {
        const char *p = oparl_type_path((oparl_type)t);
        if (strlen(p) == n && strncmp(p, path, n) == 0)
            return (oparl_type)t;
    }
    return OPARL__TYPES;
}

/* arg: "dmk/meetings" (the route's suffix is part of it). */
enum MHD_Result api_oparl_list(http_req *r, const char *arg)
{
    const char *slash = strchr(arg, '/');
    oparl_type t = slash ? type_of(slash + 1, strlen(slash + 1)) : OPARL__TYPES;
    if (t == OPARL__TYPES || t == OPARL_BODY)
        return http_reply_error(r, 404, NULL, "Unbekannte Liste: %s", r->path);
    char *body = xstrndup(arg, (size_t)(slash - arg));
    enum MHD_Result ret = list_reply(r, t, body, r->path);
    free(body);
    return ret;
}

/* The object at /oparl/v1/{type}/{id}: the type from the path. */
enum MHD_Result api_oparl_object(http_req *r, const char *arg)
{
    enum MHD_Result ret;
    const char *p = r->path + strlen("/oparl/v1/");
    const char *slash = strchr(p, '/');
    oparl_type t = slash ? type_of(p, (size_t)(slash - p)) : OPARL__TYPES;
    if (t == OPARL__TYPES)
        return http_reply_error(r, 404, NULL, "Unbekannte Adresse: %s", r->path);
    oparl *op;
    char *base;
    if (!ready(r, &op, &base, &ret))
        return ret;
    json_t *out = NULL;
    char *err = NULL;
    int rc = oparl_object(op, base, t, arg, &out, &err);
    free(base);
    if (rc == KL_ENOTFOUND) {
        free(err);
        return http_reply_error(r, 404, NULL, "Kein OParl-Objekt unter %s", r->path);
    }
    if (rc)
        return failed(r, err);
    return http_reply_json(r, 200, out);
}
