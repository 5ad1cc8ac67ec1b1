/* fuzz_body.c: libFuzzer driver for the bodies of writing requests
 * (src/http/body.c): any bytes through http_body_json with the fields of
 * the feedback form. The first byte picks the Content-Type.
 *
 * Contract checked besides crashes: a refusal is 400 or 415 with a
 * detail in valid UTF-8 and, when it names a field, one of the allowed
 * fields; an accepted body is an object with allowed members only.
 * Seeds: tests/fuzz/corpus/body. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/http.h"
#include "util/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_body: contract broken: %s\n", what);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const fields[] = {"message", "page", "contact", NULL};
    static const char *const ctypes[] = {"application/json", "application/json; charset=utf-8",
                                         "text/plain", NULL};
    http_problem pr = {0};
    json_t *j = NULL;
    if (!size)
        return 0;
    const char *ctype = ctypes[data[0] % 4];
    int rc = http_body_json(ctype, (const char *)data + 1, size - 1, fields, 5000, &j, &pr);
    if (rc) {
        check(rc == 400 || rc == 415, "status 400 or 415");
        check(pr.status == rc, "problem status is the result");
        check(j == NULL, "no object on refusal");
        check(pr.detail && text_utf8_valid(pr.detail, strlen(pr.detail), NULL), "detail UTF-8");
        if (pr.param) {
            int known = 0;
            for (const char *const *f = fields; *f; f++)
                known |= strcmp(*f, pr.param) == 0;
            check(known, "named field is an allowed one");
        }
        http_problem_clear(&pr);
        return 0;
    }
    check(ctype && strncmp(ctype, "application/json", 16) == 0, "JSON content type");
    check(json_is_object(j), "an object");
    const char *k;
    json_t *v;
    json_object_foreach(j, k, v)
    {
        int known = 0;
        for (const char *const *f = fields; *f; f++)
            known |= strcmp(*f, k) == 0;
        check(known, "only allowed members");
    }
    json_decref(j);
    return 0;
}
