/* fuzz_query.c: libFuzzer driver for the API's query strings
 * (src/http/query.c): any bytes through http_params_parse, the check
 * against the parameters of /api/entries, and http_query_from_params.
 *
 * Contract checked besides crashes: a refusal is 400 or 403 with a
 * detail in valid UTF-8 and, when it names a parameter, one that was
 * given; an accepted query has status "published", limit in 1..1000,
 * offset in 0..10^8, and every decoded name and value is valid UTF-8
 * without control characters. Seeds: tests/fuzz/corpus/query. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/http.h"
#include "util/err.h"
#include "util/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_query: contract broken: %s\n", what);
        abort();
    }
}

static int clean(const char *s)
{
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return 0;
    return text_utf8_valid(s, strlen(s), NULL);
}

static void check_problem(const http_problem *pr, const http_params *p, int rc)
{
    check(rc == 400 || rc == 403, "status 400 or 403");
    check(pr->status == rc, "problem status is the result");
    check(pr->detail && text_utf8_valid(pr->detail, strlen(pr->detail), NULL), "detail UTF-8");
    if (pr->param)
        check(http_param_get(p, pr->param) != NULL, "named parameter was given");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static geo *g; /* the gazetteer, loaded once per fuzzing process */
    if (!g && geo_open_builtin(&g, NULL) != KL_OK)
        abort();
    http_params p;
    http_problem pr = {0};
    store_query q;
    int rc = http_params_parse((const char *)data, size, &p, &pr);
    if (rc) {
        check_problem(&pr, &p, rc);
        goto done;
    }
    for (size_t i = 0; i < p.n; i++)
        check(clean(p.a[i].name) && clean(p.a[i].value), "decoded text clean");
    if ((rc = http_params_check(&p, HTTP_P_FILTERS | HTTP_P_LIMIT | HTTP_P_OFFSET, &pr))) {
        check_problem(&pr, &p, rc);
        check(pr.param && http_param_get(&p, pr.param), "unknown parameter named");
        goto done;
    }
    rc = http_query_from_params(&p, g, 1, 0, &q, &pr);
    if (rc) {
        check_problem(&pr, &p, rc);
        goto done;
    }
    check(strcmp(q.status, "published") == 0, "public status");
    check(q.limit >= 1 && q.limit <= 1000, "limit range");
    check(q.offset >= 0 && q.offset <= 100000000, "offset range");
    check(!q.has_near || (q.km >= 1 && q.km <= 1000), "km range");
done:
    http_problem_clear(&pr);
    http_params_free(&p);
    return 0;
}
