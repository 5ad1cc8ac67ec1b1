/* fuzz_lang.c: libFuzzer driver for the Accept-Language parser
 * (msg_wants_english, src/util/msg.c): any bytes as the header value.
 *
 * Contract checked besides crashes: the answer is 0 or 1; German named
 * first with full weight wins whatever follows ("de," + input gives 0),
 * and so does English ("en," + input gives 1). Seeds:
 * tests/fuzz/corpus/lang. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/msg.h"
#include "util/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_lang: contract broken: %s\n", what);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = xstrndup((const char *)data, size);
    int r = msg_wants_english(s);
    check(r == 0 || r == 1, "0 or 1");
    size_t n = strlen(s);
    char *p = xmalloc(n + 4);
    memcpy(p, "de,", 3);
    memcpy(p + 3, s, n + 1);
    check(msg_wants_english(p) == 0, "de first wins");
    memcpy(p, "en,", 3);
    check(msg_wants_english(p) == 1, "en first wins");
    free(p);
    free(s);
    return 0;
}
