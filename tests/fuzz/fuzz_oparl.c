/* fuzz_oparl.c: libFuzzer driver for what OParl reads from a request
 * (src/oparl): any bytes as a query string through http_params_parse,
 * then every parameter through oparl_filter_set, and every value through
 * oparl_datetime both ways; the bytes up to the first NUL also as a Host
 * header through oparl_base_from_host.
 *
 * Contract checked besides crashes: an accepted date-time is exactly
 * "YYYY-MM-DDTHH:MM:SSZ" (20 bytes, digits where digits belong, a real
 * date) and reads back as itself; rounding up never gives an earlier
 * time; a refused parameter leaves the filter as it was and its message
 * names it; limit stays in 1..OPARL_PAGE_MAX and page >= 1; an accepted
 * Host gives "http://" + host, made of letters, digits and "-.:[]" only.
 * Seeds: tests/fuzz/corpus/oparl. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/http.h"
#include "oparl/oparl.h"
#include "util/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_oparl: contract broken: %s\n", what);
        abort();
    }
}

static void check_time(const char *t)
{
    static const char shape[] = "DDDD-DD-DDTDD:DD:DDZ";
    check(strlen(t) == 20, "time: 20 bytes");
    for (size_t i = 0; i < 20; i++)
        check(shape[i] == 'D' ? t[i] >= '0' && t[i] <= '9' : t[i] == shape[i], "time: shape");
    char again[24];
    check(oparl_datetime(t, 0, again) == 0 && strcmp(again, t) == 0, "time reads back as itself");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    http_params p;
    http_problem pr = {0};
    oparl_filter f;
    oparl_filter_init(&f);
    if (http_params_parse((const char *)data, size, &p, &pr) == 0) {
        for (size_t i = 0; i < p.n; i++) {
            char down[24], up[24], *err = NULL;
            int a = oparl_datetime(p.a[i].value, 0, down);
            int b = oparl_datetime(p.a[i].value, 1, up);
            if (a == 0)
                check_time(down);
            if (b == 0)
                check_time(up);
            if (a == 0 && b == 0)
                check(strcmp(up, down) >= 0, "rounding up is not earlier");
            oparl_filter before = f;
            int rc = oparl_filter_set(&f, p.a[i].name, p.a[i].value, &err);
            check(rc == KL_OK || rc == KL_EINVAL || rc == KL_ENOTFOUND, "result code");
            if (rc) {
                check(memcmp(&before, &f, sizeof f) == 0, "refusal leaves the filter");
                check(err && strstr(err, p.a[i].name), "message names the parameter");
            }
            free(err);
            check(f.limit >= 1 && f.limit <= OPARL_PAGE_MAX, "limit range");
            check(f.page >= 1, "page range");
            const char *times[] = {f.created_since, f.created_until, f.modified_since,
                                   f.modified_until};
            for (int k = 0; k < 4; k++)
                if (*times[k])
                    check_time(times[k]);
        }
    }
    http_problem_clear(&pr);
    http_params_free(&p);
    char *host = strndup((const char *)data, size);
    char *base = oparl_base_from_host(host);
    if (base) {
        check(strncmp(base, "http://", 7) == 0 && strcmp(base + 7, host) == 0, "base of host");
        for (const char *c = host; *c; c++)
            check((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                      (*c >= '0' && *c <= '9') || strchr("-.:[]", *c),
                  "host characters");
    }
    free(base);
    free(host);
    return 0;
}
