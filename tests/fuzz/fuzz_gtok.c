/* fuzz_gtok.c: libFuzzer driver for the German tokenizer
 * (src/core/gtok.c, gtok_compound.c) in both modes: it analyses every
 * document and every query.
 *
 * Contract checked for each emitted term: non-empty, NUL-terminated at
 * len, valid UTF-8; its source span lies inside the input, is not empty
 * and does not go back before the previous word; a colocated part follows
 * a term and lies within that term's word. Corpus: tests/fuzz/corpus/gtok. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/gtok.h"
#include "util/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_gtok: contract broken: %s\n", what);
        abort();
    }
}

typedef struct seen {
    int n;                    /* input length */
    int terms;                /* terms so far */
    int word_start, word_end; /* span of the last whole word */
} seen;

static int on_term(void *ctx, const char *term, int len, int start, int end, int colocated)
{
    seen *s = ctx;
    check(term != NULL && len > 0, "term non-empty");
    check((int)strlen(term) == len, "term NUL-terminated at len");
    check(text_utf8_valid(term, (size_t)len, NULL), "term is valid UTF-8");
    check(0 <= start && start < end && end <= s->n, "span inside the input");
    if (colocated) {
        check(s->terms > 0, "colocated part follows a term");
        check(start >= s->word_start && end <= s->word_end, "part inside its word");
    } else {
        check(start >= s->word_end, "words in order, not overlapping");
        s->word_start = start;
        s->word_end = end;
    }
    s->terms++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static gtok *t; /* one tokenizer for the process: its caches are what
                       a long-running server exercises */
    if (!t)
        t = gtok_new();
    if (size > 1 << 20)
        return 0;
    /* A copy of exactly size bytes, so that ASan sees any read past n. */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    for (int mode = GTOK_DOCUMENT; mode <= GTOK_QUERY; mode++) {
        seen s = {(int)size, 0, 0, 0};
        check(gtok_run(t, mode, text, (int)size, &s, on_term) == 0, "gtok_run returns 0");
    }
    free(text);
    return 0;
}
