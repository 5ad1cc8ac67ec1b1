/* test_http.c: the routing table (src/http/route.c), query strings and
 * their validation (src/http/query.c), and api/openapi.json against the
 * router: every path and query parameter the router accepts is described,
 * and nothing else is. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/http.h"
#include "util/err.h"

static int setup(void **state)
{
    geo *g = NULL;
    if (geo_open_builtin(&g, NULL) != KL_OK)
        return -1;
    *state = g;
    return 0;
}

static int teardown(void **state)
{
    geo_free(*state);
    return 0;
}

static void test_route(void **state)
{
    const char *arg;
    size_t n;
    (void)state;
    static const struct {
        const char *path, *pattern, *arg;
    } cases[] = {
        {"/api/entries", "/api/entries", NULL},
        {"/api/entries/by-x", "/api/entries/{id}", "by-x"},
        {"/api/entries/", NULL, NULL},
        {"/api/entries/a/b", NULL, NULL},
        {"/api/entries/by-x/similar", "/api/entries/{id}/similar", "by-x"},
        {"/api/entries//similar", NULL, NULL},
        {"/api/entries/a/b/similar", NULL, NULL},
        {"/api/entries/by-x/similarx", NULL, NULL},
        {"/api/links", "/api/links", NULL},
        {"/api/partners", "/api/partners", NULL},
        {"/api/compare", "/api/compare", NULL},
        {"/api/entriesx", NULL, NULL},
        {"/api/places", "/api/places", NULL},
        {"/api/laender", "/api/laender", NULL},
        {"/api/export.csv", "/api/export.csv", NULL},
        {"/api/export.xml", NULL, NULL},
        {"/api/documents/002.txt", "/api/documents/{name}", "002.txt"},
        {"/api/openapi.json", "/api/openapi.json", NULL},
        {"/api/meetings", "/api/meetings", NULL},
        {"/api/meetings/dmk-2024-1", "/api/meetings/{id}", "dmk-2024-1"},
        {"/api/meetings/dmk-2024-1/x", NULL, NULL},
        {"/api/chair", "/api/chair", NULL},
        {"/api/tasks", "/api/tasks", NULL},
        {"/api", NULL, NULL},
        {"/oparl/v1/system", "/oparl/v1/system", NULL},
        {"/oparl/v1/bodies", "/oparl/v1/bodies", NULL},
        {"/oparl/v1/bodies/dmk", "/oparl/v1/bodies/{id}", "dmk"},
        {"/oparl/v1/bodies/dmk/meetings", "/oparl/v1/bodies/{id}/meetings", "dmk"},
        {"/oparl/v1/bodies/dmk/organizations", "/oparl/v1/bodies/{id}/organizations", "dmk"},
        {"/oparl/v1/bodies/dmk/x", NULL, NULL},
        {"/oparl/v1/bodies//meetings", NULL, NULL},
        {"/oparl/v1/meetings/dmk-2024-1", "/oparl/v1/meetings/{id}", "dmk-2024-1"},
        {"/oparl/v1/organizations/dmk.de-be", "/oparl/v1/organizations/{id}", "dmk.de-be"},
        {"/oparl/v1/files/004.txt", "/oparl/v1/files/{id}", "004.txt"},
        {"/oparl/v1/meetings", NULL, NULL},
        {"/oparl/v1/meetings/a/b", NULL, NULL},
        {"/oparl/v2/system", NULL, NULL},
    };
    char allow[HTTP_ALLOW_MAX];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const http_route *rt = http_route_find("GET", cases[i].path, &arg, &n, allow);
        if (!cases[i].pattern) {
            assert_null(rt);
            assert_string_equal(allow, "");
            continue;
        }
        assert_non_null(rt);
        size_t k = 0;
        while (k < http_route_count() && strcmp(http_route_pattern(k), cases[i].pattern) != 0)
            k++;
        assert_true(k < http_route_count());
        if (cases[i].arg) {
            assert_int_equal(n, strlen(cases[i].arg));
            assert_memory_equal(arg, cases[i].arg, n);
        } else {
            assert_null(arg);
        }
    }
    /* HEAD finds the GET route; another method finds none, and the
     * methods the path has are named for the 405. */
    assert_non_null(http_route_find("HEAD", "/api/entries", &arg, &n, allow));
    assert_null(http_route_find("DELETE", "/api/entries", &arg, &n, allow));
    assert_string_equal(allow, "GET, HEAD, POST, OPTIONS");
    assert_null(http_route_find("PATCH", "/api/entries/x", &arg, &n, allow));
    assert_string_equal(allow, "GET, HEAD, PUT, DELETE, OPTIONS");
    assert_non_null(http_route_find("PUT", "/api/entries/x", &arg, &n, allow));
    assert_non_null(http_route_find("POST", "/api/entries/x/restore", &arg, &n, allow));
    assert_int_equal(n, 1);
    assert_null(http_route_find("GET", "/api/entries/x/restore", &arg, &n, allow));
    assert_non_null(http_route_find("POST", "/api/feedback", &arg, &n, allow));
    assert_null(http_route_find("GET", "/api/feedback", &arg, &n, allow));
    assert_string_equal(allow, "POST, OPTIONS");
    assert_true(http_route_is_api("/api"));
    assert_true(http_route_is_api("/api/x"));
    assert_false(http_route_is_api("/apix"));
    assert_false(http_route_is_api("/index.html"));
    assert_true(http_route_is_api("/oparl"));
    assert_true(http_route_is_api("/oparl/v1/system"));
    assert_false(http_route_is_api("/oparlx"));
}

static void test_params(void **state)
{
    (void)state;
    static const struct {
        const char *qs;
        int status;               /* 0: parsed */
        size_t n;                 /* parameters when parsed */
        const char *name, *value; /* one of them, decoded */
    } cases[] = {
        {"", 0, 0, NULL, NULL},
        {"q=Zentrum", 0, 1, "q", "Zentrum"},
        {"q=M%C3%BCnchen+Nord&land=BY", 0, 2, "q", "München Nord"},
        {"q", 0, 1, "q", ""},
        {"&&q=a&&", 0, 1, "q", "a"},
        {"q=%zz", 400, 0, NULL, NULL},
        {"q=%4", 400, 0, NULL, NULL},
        {"q=%FF", 400, 0, NULL, NULL},   /* not UTF-8 */
        {"q=%0A", 400, 0, NULL, NULL},   /* control character */
        {"=x", 400, 0, NULL, NULL},      /* no name */
        {"q=a&q=b", 400, 0, NULL, NULL}, /* twice */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        http_params p;
        http_problem pr = {0};
        int rc = http_params_parse(cases[i].qs, strlen(cases[i].qs), &p, &pr);
        assert_int_equal(rc, cases[i].status);
        if (!rc) {
            assert_int_equal(p.n, cases[i].n);
            if (cases[i].name)
                assert_string_equal(http_param_get(&p, cases[i].name), cases[i].value);
        } else {
            assert_non_null(pr.detail);
        }
        http_problem_clear(&pr);
        http_params_free(&p);
    }
}

/* check: parse qs for /api/entries and validate; the status and the
 * parameter named. */
static void check(const geo *g, const char *qs, int status, const char *param)
{
    http_params p;
    http_problem pr = {0};
    store_query q;
    int rc = http_params_parse(qs, strlen(qs), &p, &pr);
    if (!rc)
        rc = http_params_check(&p, HTTP_P_FILTERS | HTTP_P_LIMIT | HTTP_P_OFFSET, &pr);
    if (!rc)
        rc = http_query_from_params(&p, g, 1, 0, &q, &pr);
    if (rc != status || (param && (!pr.param || strcmp(pr.param, param) != 0)))
        fail_msg("%s: status %d (%s: %s), expected %d %s", qs, rc, pr.param ? pr.param : "-",
                 pr.detail ? pr.detail : "", status, param ? param : "");
    if (!rc) {
        assert_string_equal(q.status, "published");
        assert_true(q.limit >= 1 && q.limit <= 1000);
    }
    http_problem_clear(&pr);
    http_params_free(&p);
}

static void test_query(void **state)
{
    const geo *g = *state;
    check(g, "", 0, NULL);
    check(g, "q=Zentrum&land=Bayern&kind=centre&field=forschung&target=kmu&year=2023", 0, NULL);
    check(g, "land=bund&limit=1000&offset=5&sort=title", 0, NULL);
    check(g, "near=Kempten&km=50&sort=distance", 0, NULL);
    check(g, "bbox=47.2,5.8,55.1,15.1&status=published", 0, NULL);
    check(g, "colour=red", 400, "colour");
    check(g, "start=1", 400, "start");
    check(g, "land=Atlantis", 400, "land");
    check(g, "kind=rocket", 400, "kind");
    check(g, "field=x", 400, "field");
    check(g, "target=x", 400, "target");
    check(g, "year=1800", 400, "year");
    check(g, "year=2023x", 400, "year");
    check(g, "year=+2023", 400, "year");
    check(g, "limit=0", 400, "limit");
    check(g, "limit=1001", 400, "limit");
    check(g, "offset=-1", 400, "offset");
    check(g, "km=5", 400, "km");
    check(g, "near=Kempten&km=0", 400, "km");
    check(g, "near=Xyzzyq", 400, "near");
    check(g, "bbox=1,2,3", 400, "bbox");
    check(g, "bbox=50,10,40,12", 400, "bbox");
    check(g, "sort=colour", 400, "sort");
    check(g, "sort=distance", 400, "sort");
    check(g, "status=draft", 403, "status");
    check(g, "status=all", 403, "status");
    check(g, "status=x", 400, "status");

    /* The values land in the store query as the store wants them. */
    http_params p;
    http_problem pr = {0};
    store_query q;
    const char *qs = "land=BY&kind=centre&near=Kempten&km=40";
    assert_int_equal(http_params_parse(qs, strlen(qs), &p, &pr), 0);
    assert_int_equal(http_query_from_params(&p, g, 1, 0, &q, &pr), 0);
    assert_string_equal(q.land, "DE-BY");
    assert_string_equal(q.kind, "centre");
    assert_true(q.has_near && q.km == 40 && q.near_lat > 47.5 && q.near_lat < 48);
    assert_int_equal(q.limit, 20);
    http_params_free(&p);
}

/* The OpenAPI description and the router agree, both ways. */
static void test_openapi(void **state)
{
    size_t n;
    json_error_t e;
    (void)state;
    const char *doc = http_openapi(&n);
    json_t *j = json_loadb(doc, n, 0, &e);
    if (!j)
        fail_msg("api/openapi.json: %s (line %d)", e.text, e.line);
    assert_true(strncmp(json_string_value(json_object_get(j, "openapi")), "3.1", 3) == 0);
    json_t *paths = json_object_get(j, "paths"), *item;
    const char *key;
    size_t ops = 0;
    static const char *const methods[] = {"get", "post", "put", "delete", "patch", NULL};
    json_object_foreach(paths, key, item) for (const char *const *m = methods; *m; m++) ops +=
        json_object_get(item, *m) != NULL;
    assert_int_equal(ops, http_route_count());
    for (size_t i = 0; i < http_route_count(); i++) {
        const char *pat = http_route_pattern(i);
        char method[8];
        size_t ml = 0;
        for (const char *c = http_route_method(i); *c && ml < sizeof method - 1; c++)
            method[ml++] = (char)(*c - 'A' + 'a');
        method[ml] = '\0';
        json_t *get = json_object_get(json_object_get(paths, pat), method);
        if (!get)
            fail_msg("%s %s: not in api/openapi.json", method, pat);
        unsigned want = http_route_params(i), got = 0;
        size_t k;
        json_t *prm;
        json_array_foreach(json_object_get(get, "parameters"), k, prm)
        {
            /* a shared parameter: "#/components/parameters/NAME" */
            const char *ref = json_string_value(json_object_get(prm, "$ref"));
            if (ref) {
                assert_int_equal(strncmp(ref, "#/components/parameters/", 24), 0);
                prm = json_object_get(
                    json_object_get(json_object_get(j, "components"), "parameters"), ref + 24);
                if (!prm)
                    fail_msg("%s: %s does not resolve", pat, ref);
            }
            const char *in = json_string_value(json_object_get(prm, "in"));
            const char *name = json_string_value(json_object_get(prm, "name"));
            if (strcmp(in, "header") == 0)
                continue; /* headers are read by the handlers, not the router */
            if (strcmp(in, "path") == 0) {
                char brace[128];
                snprintf(brace, sizeof brace, "{%s}", name);
                assert_non_null(strstr(pat, brace));
                continue;
            }
            unsigned bit = 0;
            for (unsigned b = 1; b && !bit; b <<= 1)
                if (http_param_name(b) && strcmp(http_param_name(b), name) == 0)
                    bit = b;
            if (!bit || !(want & bit))
                fail_msg("%s: parameter %s described but not accepted", pat, name);
            got |= bit;
        }
        if (got != want)
            fail_msg("%s: accepted parameters missing in api/openapi.json (%#x of %#x)", pat, got,
                     want);
    }
    json_decref(j);
}

/* Every operation that can answer with a problem documents the language
 * negotiation: Accept-Language in, Content-Language on each problem. */
static void test_openapi_languages(void **state)
{
    size_t n;
    (void)state;
    const char *doc = http_openapi(&n);
    json_t *j = json_loadb(doc, n, 0, NULL);
    assert_non_null(j);
    json_t *comp = json_object_get(j, "components");
    const char *in = json_string_value(json_object_get(
        json_object_get(json_object_get(comp, "parameters"), "AcceptLanguage"), "in"));
    assert_non_null(in);
    assert_string_equal(in, "header");
    assert_non_null(json_object_get(json_object_get(comp, "headers"), "ContentLanguage"));
    const char *path, *method, *code;
    json_t *item, *op, *resp;
    int problems = 0;
    json_object_foreach(json_object_get(j, "paths"), path, item)
    {
        json_object_foreach(item, method, op)
        {
            int has = 0;
            json_object_foreach(json_object_get(op, "responses"), code, resp)
            {
                if (!json_object_get(json_object_get(resp, "content"), "application/problem+json"))
                    continue;
                has = 1;
                problems++;
                if (!json_object_get(json_object_get(resp, "headers"), "Content-Language"))
                    fail_msg("%s %s %s: problem without Content-Language", method, path, code);
            }
            if (!has)
                continue;
            size_t k;
            json_t *prm;
            int found = 0;
            json_array_foreach(json_object_get(op, "parameters"), k, prm)
            {
                const char *ref = json_string_value(json_object_get(prm, "$ref"));
                found |= ref && strcmp(ref, "#/components/parameters/AcceptLanguage") == 0;
            }
            if (!found)
                fail_msg("%s %s: Accept-Language not described", method, path);
        }
    }
    assert_true(problems > 0);
    json_decref(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_route),
        cmocka_unit_test(test_params),
        cmocka_unit_test(test_query),
        cmocka_unit_test(test_openapi),
        cmocka_unit_test(test_openapi_languages),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
