/* reply.c: how responses leave: JSON and problem+json bodies, ETag and
 * If-None-Match, the security and CORS headers every response carries. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/http_int.h"
#include "util/sbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

const char *http_status_title(int status)
{
    switch (status) {
    case 400:
        return MSG("Ungültiger Parameter");
    case 401:
        return MSG("Nicht angemeldet");
    case 403:
        return MSG("Nicht erlaubt");
    case 404:
        return MSG("Nicht gefunden");
    case 405:
        return MSG("Methode nicht erlaubt");
    case 409:
        return MSG("Konflikt");
    case 412:
        return MSG("Inzwischen geändert");
    case 422:
        return MSG("Nicht verarbeitbar");
    case 428:
        return MSG("If-Match fehlt");
    case 413:
        return MSG("Anfrage zu groß");
    case 415:
        return MSG("Falsches Format des Inhalts");
    case 429:
        return MSG("Zu viele Anfragen");
    default:
        return MSG("Interner Fehler");
    }
}

/* 64-bit FNV-1a: cheap, and a strong validator only needs to change
 * whenever the body does. */
void http_etag(const char *body, size_t n, char out[20])
{
    unsigned long long h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)body[i];
        h *= 0x100000001b3ULL;
    }
    snprintf(out, 20, "\"%016llx\"", h);
}

/* etag_matches: If-None-Match is "*" or a list that names tag (a weak
 * W/ prefix compares equal for GET, RFC 9110 13.1.2). */
static int etag_matches(const char *inm, const char *tag)
{
    if (!inm)
        return 0;
    if (strcmp(inm, "*") == 0)
        return 1;
    return strstr(inm, tag) != NULL;
}

void http_add_common_headers(http_req *r, struct MHD_Response *resp)
{
    int api = http_route_is_api(r->path ? r->path : "");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    if (r->retry_after[0])
        MHD_add_response_header(resp, "Retry-After", r->retry_after);
    if (r->etag[0])
        MHD_add_response_header(resp, "ETag", r->etag);
    if (r->allow)
        MHD_add_response_header(resp, "Allow", r->allow);
    /* A problem's detail is German or English by Accept-Language. */
    if (r->content_language) {
        MHD_add_response_header(resp, "Content-Language", r->content_language);
        MHD_add_response_header(resp, "Vary", "Accept-Language");
    }
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "Content-Security-Policy",
                            api ? "default-src 'none'; frame-ancestors 'none'"
                                : "default-src 'self'; img-src 'self' data:; "
                                  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    if (api) {
        MHD_add_response_header(resp, "Access-Control-Allow-Origin", "*");
        MHD_add_response_header(resp, "Access-Control-Expose-Headers", "ETag, Content-Disposition");
    }
}

enum MHD_Result http_queue(http_req *r, int status, struct MHD_Response *resp)
{
    if (r->set_cookie)
        MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
    if (r->location)
        MHD_add_response_header(resp, "Location", r->location);
    if (status == 401)
        MHD_add_response_header(resp, "WWW-Authenticate", "Bearer realm=\"kilandkarte\"");
    /* An answer for a signed-in user (drafts, the session) is nobody
     * else's: no shared cache may keep it. */
    if (r->private_answer || (r->user_known && r->user.id))
        MHD_add_response_header(resp, "Cache-Control", "no-store");
    r->status = status;
    enum MHD_Result ret = MHD_queue_response(r->conn, (unsigned)status, resp);
    MHD_destroy_response(resp);
    return ret;
}

enum MHD_Result http_reply_body(http_req *r, int status, const char *ctype, char *body, size_t n,
                                int etag)
{
    char tag[20];
    struct MHD_Response *resp;
    /* A cacheable request (server.c): the cache keeps it and replies. */
    if (etag && status == 200 && r->cache_key)
        return http_cache_reply(r->srv->cache, r, ctype, body, n);
    if (etag) {
        http_etag(body ? body : "", n, tag);
        if (etag_matches(MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "If-None-Match"),
                         tag)) {
            free(body);
            resp = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
            MHD_add_response_header(resp, "ETag", tag);
            http_add_common_headers(r, resp);
            return http_queue(r, 304, resp);
        }
    }
    resp = MHD_create_response_from_buffer(n, body ? body : (char *)"",
                                           body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(resp, "Content-Type", ctype);
    if (etag) {
        MHD_add_response_header(resp, "ETag", tag);
        if (!r->private_answer && !(r->user_known && r->user.id))
            MHD_add_response_header(resp, "Cache-Control", "no-cache");
    }
    http_add_common_headers(r, resp);
    r->bytes = r->head ? 0 : n;
    return http_queue(r, status, resp);
}

enum MHD_Result http_reply_json(http_req *r, int status, json_t *j)
{
    char *s = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(10));
    json_decref(j);
    if (!s)
        s = xstrdup("null");
    return http_reply_body(r, status, "application/json", s, strlen(s), status == 200);
}

int http_req_english(http_req *r)
{
    return msg_wants_english(
        MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_LANGUAGE));
}

enum MHD_Result http_reply_problem(http_req *r, http_problem *pr)
{
    int status = pr->status ? pr->status : 500;
    const char *detail = pr->detail ? pr->detail : "";
    if (!text_utf8_valid(detail, strlen(detail), NULL))
        detail = MSG("Die Anfrage enthält ungültiges UTF-8");
    /* English when asked for and the catalogue knows the detail; a
     * detail it does not know stays German, and so does the title, so
     * that Content-Language names the language of both. */
    const char *title = http_status_title(status);
    char *en_detail = http_req_english(r) ? msg_english(detail) : NULL;
    char *en_title = en_detail ? msg_english(title) : NULL;
    if (en_detail && en_title) {
        detail = en_detail;
        title = en_title;
    }
    json_t *j = json_pack("{sssssiss}", "type", "about:blank", "title", title, "status", status,
                          "detail", detail);
    r->content_language = en_detail && en_title ? "en" : "de";
    free(en_detail);
    free(en_title);
    if (pr->param)
        json_object_set_new(j, "parameter", json_string(pr->param));
    if (pr->extra)
        json_object_update(j, pr->extra);
    char *s = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(10));
    json_decref(j);
    http_problem_clear(pr);
    return http_reply_body(r, status, "application/problem+json", s, strlen(s), 0);
}

enum MHD_Result http_reply_error(http_req *r, int status, const char *param, const char *fmt, ...)
{
    http_problem pr = {0};
    sbuf b = SBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sbuf_vaddf(&b, fmt, ap);
    va_end(ap);
    pr.status = status;
    pr.param = param;
    pr.detail = sbuf_take(&b);
    return http_reply_problem(r, &pr);
}
