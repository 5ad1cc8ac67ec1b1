/* fuzz_route.c: libFuzzer driver for the router (src/http/route.c): the
 * first byte picks the method, the rest (up to a NUL) is the path.
 *
 * Contract checked besides crashes: a route found starts with "/api/"
 * or "/oparl/"
 * and has the method asked for (GET for HEAD) and an {arg} segment
 * inside the path without "/"; no route found leaves the Allow list
 * empty or ending in "OPTIONS". Seeds: tests/fuzz/corpus/route. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_route: contract broken: %s\n", what);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const methods[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"};
    char allow[HTTP_ALLOW_MAX], *path;
    const char *arg = NULL;
    size_t n = 0;
    if (!size)
        return 0;
    const char *method = methods[data[0] % 6];
    path = malloc(size);
    memcpy(path, data + 1, size - 1);
    path[size - 1] = '\0';
    const http_route *rt = http_route_find(method, path, &arg, &n, allow);
    if (rt) {
        check(strncmp(path, "/api/", 5) == 0 || strncmp(path, "/oparl/", 7) == 0,
              "routes live under /api/ and /oparl/");
        check(allow[0] == '\0', "no Allow list with a route");
        if (arg) {
            check(arg > path && arg + n <= path + strlen(path), "arg inside the path");
            check(n > 0 && !memchr(arg, '/', n), "arg is one segment");
        }
    } else {
        size_t al = strlen(allow);
        check(al < HTTP_ALLOW_MAX, "Allow fits");
        check(al == 0 || (al >= 7 && strcmp(allow + al - 7, "OPTIONS") == 0),
              "Allow ends in OPTIONS");
    }
    free(path);
    return 0;
}
