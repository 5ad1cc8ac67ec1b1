/* route.c: the routing table of the API. One row per path; the OpenAPI
 * test (tests/unit/test_http.c) holds api/openapi.json against it. */
#include <stdio.h>
#include <string.h>

#include "http/http_int.h"

/* Reading routes (GET, and HEAD with it): a fixed path, a path ending in
 * {arg}, a path with {arg} between a prefix and a suffix. */
#define R(p, params, fn)                                                                           \
    {                                                                                              \
        "GET", p, 0, params, fn, NULL                                                              \
    }
#define RA(p, pre, params, fn)                                                                     \
    {                                                                                              \
        "GET", p, sizeof(pre) - 1, params, fn, NULL                                                \
    }
#define RAS(p, pre, suf, params, fn)                                                               \
    {                                                                                              \
        "GET", p, sizeof(pre) - 1, params, fn, suf                                                 \
    }
/* Writing routes: method m, the request body read before fn is called. */
#define W(m, p, params, fn)                                                                        \
    {                                                                                              \
        m, p, 0, params, fn, NULL                                                                  \
    }
#define WA(m, p, pre, params, fn)                                                                  \
    {                                                                                              \
        m, p, sizeof(pre) - 1, params, fn, NULL                                                    \
    }
#define WAS(m, p, pre, suf, params, fn)                                                            \
    {                                                                                              \
        m, p, sizeof(pre) - 1, params, fn, suf                                                     \
    }

static const http_route routes[] = {
    R("/api/entries", HTTP_P_FILTERS | HTTP_P_LIMIT | HTTP_P_OFFSET | HTTP_P_MODIFIED_SINCE,
      api_entries_list),
    RA("/api/entries/{id}", "/api/entries/", 0, api_entries_get),
    R("/api/places", HTTP_P_Q, api_places),
    R("/api/laender", 0, api_laender),
    R("/api/export.geojson", HTTP_P_FILTERS, api_export_geojson),
    R("/api/export.csv", HTTP_P_FILTERS, api_export_csv),
    R("/api/export.jsonl", HTTP_P_FILTERS, api_export_jsonl),
    R("/api/openapi.json", 0, api_openapi),
    R("/api/dcat.jsonld", 0, api_dcat),
    RA("/api/documents/{name}", "/api/documents/", HTTP_P_START | HTTP_P_END, api_document),
    RAS("/api/entries/{id}/similar", "/api/entries/", "/similar", HTTP_P_LIMIT, api_similar),
    R("/api/links", HTTP_P_MIN_SCORE, api_links),
    R("/api/partners", 0, api_partners),
    R("/api/compare", HTTP_P_BY | HTTP_P_FORMAT, api_compare),
    R("/api/chair", HTTP_P_YEAR | HTTP_P_FROM | HTTP_P_TO, api_chair),
    R("/api/meetings", 0, api_meetings),
    RA("/api/meetings/{id}", "/api/meetings/", 0, api_meeting_get),
    R("/api/tasks", HTTP_P_OPEN, api_tasks),
    W("POST", "/api/feedback", 0, api_feedback_post),
    W("POST", "/api/login", 0, api_login),
    W("POST", "/api/logout", 0, api_logout),
    R("/api/session", 0, api_session),
    W("POST", "/api/import", HTTP_P_NAME, api_import),
    R("/api/audit", HTTP_P_LIMIT | HTTP_P_USER | HTTP_P_BEFORE, api_audit),
    W("POST", "/api/entries", HTTP_P_REASON, api_entries_post),
    WA("PUT", "/api/entries/{id}", "/api/entries/", HTTP_P_REASON, api_entries_put),
    WA("DELETE", "/api/entries/{id}", "/api/entries/", HTTP_P_REASON, api_entries_delete),
    WAS("POST", "/api/entries/{id}/restore", "/api/entries/", "/restore", HTTP_P_VERSION,
        api_entries_restore),
    RAS("/api/entries/{id}/history", "/api/entries/", "/history", 0, api_entries_history),
};

#define NROUTES (sizeof routes / sizeof routes[0])

/* match: 1 if path is rt's path, with its {arg} segment in *arg. */
static int match(const http_route *rt, const char *path, const char **arg, size_t *arg_len)
{
    if (!rt->prefix_len)
        return strcmp(path, rt->pattern) == 0;
    if (strncmp(path, rt->pattern, rt->prefix_len) != 0)
        return 0;
    /* One non-empty segment after the prefix: no "/" inside it; with a
     * suffix, the segment ends where the suffix ends the path. */
    const char *a = path + rt->prefix_len;
    size_t n = strlen(a), sl = rt->suffix ? strlen(rt->suffix) : 0;
    if (sl && n > sl && strcmp(a + n - sl, rt->suffix) == 0 && !memchr(a, '/', n - sl)) {
        *arg = a;
        *arg_len = n - sl;
        return 1;
    }
    if (!sl && *a && !strchr(a, '/')) {
        *arg = a;
        *arg_len = n;
        return 1;
    }
    return 0;
}

const http_route *http_route_find(const char *method, const char *path, const char **arg,
                                  size_t *arg_len, char allow[HTTP_ALLOW_MAX])
{
    const char *want = strcmp(method, "HEAD") == 0 ? "GET" : method;
    allow[0] = '\0';
    for (size_t i = 0; i < NROUTES; i++) {
        const http_route *rt = &routes[i];
        const char *a = NULL;
        size_t n = 0;
        if (!match(rt, path, &a, &n))
            continue;
        if (strcmp(rt->method, want) == 0) {
            *arg = a;
            *arg_len = n;
            allow[0] = '\0';
            return rt;
        }
        /* The methods this path has, for the Allow header of a 405. */
        size_t len = strlen(allow);
        snprintf(allow + len, HTTP_ALLOW_MAX - len, "%s%s%s", len ? ", " : "", rt->method,
                 strcmp(rt->method, "GET") == 0 ? ", HEAD" : "");
    }
    *arg = NULL;
    *arg_len = 0;
    if (allow[0]) {
        size_t len = strlen(allow);
        snprintf(allow + len, HTTP_ALLOW_MAX - len, ", OPTIONS");
    }
    return NULL;
}

int http_route_is_api(const char *path)
{
    return strncmp(path, "/api", 4) == 0 && (path[4] == '\0' || path[4] == '/');
}

size_t http_route_count(void)
{
    return NROUTES;
}

const char *http_route_method(size_t i)
{
    return i < NROUTES ? routes[i].method : NULL;
}

const char *http_route_pattern(size_t i)
{
    return i < NROUTES ? routes[i].pattern : NULL;
}

unsigned http_route_params(size_t i)
{
    return i < NROUTES ? routes[i].params : 0;
}

http_handler http_route_handler(const http_route *rt)
{
    return rt->fn;
}

unsigned http_route_allowed(const http_route *rt)
{
    return rt->params;
}
