/* fuzz_entry_input.c: libFuzzer driver for entry_input_parse
 * (src/core/entry_input.c, and through it entry_parse in entry.c): the
 * text of `add` and, later, of the HTTP API, with the builtin gazetteer.
 *
 * Besides crashes it checks the contract: on failure no entries and a
 * message that names the input; on success every entry, written out in
 * its canonical form and read again, is accepted unchanged (the canonical
 * form is valid input). Corpus: tests/fuzz/corpus/entry_input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/entry_input.h"
#include "util/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_entry_input: contract broken: %s\n", what);
        abort();
    }
}

/* builtin: the gazetteer, loaded once per process (the driver's only
 * state; it is never changed after loading). */
static const geo *builtin(void)
{
    static geo *g;
    if (!g && geo_open_builtin(&g, NULL) != KL_OK)
        abort();
    return g;
}

/* roundtrip: the canonical text of e must parse to one entry of the same
 * content. */
static void roundtrip(const geo *g, const entry *e)
{
    char *text = entry_dump(e);
    check(text != NULL, "entry_dump");
    entry **back = NULL;
    size_t n = 0;
    char *err = NULL;
    int rc = entry_input_parse(text, strlen(text), "rt", g, &back, &n, &err);
    if (rc != KL_OK)
        fprintf(stderr, "fuzz_entry_input: canonical form refused: %s\n%s\n", err, text);
    check(rc == KL_OK && n == 1, "canonical form parses");
    check(entry_same_content(e, back[0]), "canonical form parses to the same entry");
    entry_input_free(back, n);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const geo *g = builtin();
    entry **e = NULL;
    size_t n = 0;
    char *err = NULL;
    int rc = entry_input_parse((const char *)data, size, "fuzz", g, &e, &n, &err);
    if (rc != KL_OK) {
        check(rc == KL_EINVAL, "failure is KL_EINVAL");
        check(e == NULL && n == 0, "nothing returned on failure");
        check(err != NULL && strncmp(err, "fuzz, ", 6) == 0, "message names the input");
        free(err);
        return 0;
    }
    check(err == NULL, "no message on success");
    check((n == 0) == (e == NULL), "array iff entries");
    for (size_t i = 0; i < n; i++) {
        check(e[i] != NULL && entry_id(e[i]) && entry_title(e[i]), "entry has id and title");
        roundtrip(g, e[i]);
    }
    entry_input_free(e, n);
    return 0;
}
