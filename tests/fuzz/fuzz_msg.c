/* fuzz_msg.c: libFuzzer driver for msg_english (src/util/msg.c), which
 * matches any message text (with pieces from outside: ids, values,
 * names) against the catalogue's formats.
 *
 * Contract checked besides crashes and time: the English of valid UTF-8
 * is valid UTF-8 (pieces are cut only where a literal matches), and
 * translating the input again gives the same text. Seeds:
 * tests/fuzz/corpus/msg. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/msg.h"
#include "util/text.h"
#include "util/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_msg: contract broken: %s\n", what);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = xstrndup((const char *)data, size);
    char *en = msg_english(s);
    if (en) {
        if (text_utf8_valid(s, strlen(s), NULL))
            check(text_utf8_valid(en, strlen(en), NULL), "English of UTF-8 is UTF-8");
        char *again = msg_english(s);
        check(again && strcmp(again, en) == 0, "same English twice");
        free(again);
    }
    free(en);
    free(s);
    return 0;
}
