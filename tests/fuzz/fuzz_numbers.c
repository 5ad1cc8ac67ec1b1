/* fuzz_numbers.c: libFuzzer driver for num_scan and num_parse_de
 * (src/extract/numbers.c, numbers_words.c), which read outside input:
 * PDF-to-text output of any quality.
 *
 * Besides crashes (with ASan/UBSan) it checks the contract: every span
 * lies inside the input, every text is NUL-terminated valid UTF-8 within
 * its array, a year's span is its four digits, and num_parse_de never
 * consumes more than it was given.
 *
 * Build with clang -fsanitize=fuzzer,address,undefined from this file,
 * src/extract/numbers.c, numbers_words.c and the src/util sources (-Isrc
 * -lm); run with the seed corpus tests/fuzz/corpus/numbers, cut from the
 * seed reports. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/numbers.h"
#include "util/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_numbers: contract broken: %s\n", what);
        abort();
    }
}

/* 1 if buf[0..cap) holds a NUL and the string before it is valid UTF-8. */
static int good_text(const char *buf, size_t cap)
{
    const char *nul = memchr(buf, '\0', cap);
    return nul && text_utf8_valid(buf, (size_t)(nul - buf), NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A copy of exactly size bytes, so that ASan sees any read past n. */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    memcpy(text, data, size);

    num_list l;
    num_scan(text, size, &l);
    for (size_t i = 0; i < l.n_amounts; i++) {
        const num_amount *a = &l.amounts[i];
        check(a->start < a->end && a->end <= size, "amount span");
        check(good_text(a->text, sizeof a->text), "amount text");
        check(a->eur >= 0 && a->eur <= 1e15, "amount value");
        check(a->from == 0 || a->to == 0 || a->from <= a->to, "amount period");
    }
    for (size_t i = 0; i < l.n_counts; i++) {
        const num_count *c = &l.counts[i];
        check(c->start < c->end && c->end <= size, "count span");
        check(good_text(c->of, sizeof c->of), "count noun");
        check(c->n >= 0, "count value");
    }
    for (size_t i = 0; i < l.n_years; i++) {
        const num_year *y = &l.years[i];
        char digits[16];
        snprintf(digits, sizeof digits, "%d", y->year);
        check(y->year >= 1949 && y->year <= 2100, "year range");
        check(y->end <= size && y->end - y->start == 4 && memcmp(text + y->start, digits, 4) == 0,
              "year span");
    }
    num_list_free(&l);

    /* num_parse_de at every start of the first bytes. */
    for (size_t i = 0; i < size && i < 64; i++) {
        double v;
        check(num_parse_de(text + i, size - i, &v) <= size - i, "num_parse_de length");
    }
    free(text);
    return 0;
}
