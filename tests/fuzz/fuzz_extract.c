/* fuzz_extract.c: libFuzzer driver for the importer: any bytes through
 * extract_read (UTF-8 and Latin-1) and, when accepted, extract_run. Every
 * proposal must be a valid entry and its source span must lie inside the
 * text. Build: see tests/fuzz/README or the report of issue 3:
 *   clang -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_extract.c
 *         src/util/\*.c src/core/\*.c src/core/\*.S src/extract/\*.c ... */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "util/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static geo *g;
    if (!g && geo_open_builtin(&g, NULL) != KL_OK)
        abort();
    for (int latin1 = 0; latin1 < 2; latin1++) {
        char *text = NULL, *err = NULL;
        size_t n = 0;
        if (extract_read((const char *)data, size, "fuzz", latin1, &text, &n, &err) != KL_OK) {
            free(err);
            continue;
        }
        extract_result *r = NULL;
        if (extract_run(text, n, "fuzz.txt", g, "draft", &r, &err) != KL_OK)
            abort(); /* extract_read gave valid UTF-8 */
        for (size_t i = 0; i < extract_count(r); i++) {
            json_t *src = json_object_get(entry_json(extract_entry(r, i)), "source");
            json_int_t a = json_integer_value(json_object_get(src, "start"));
            json_int_t b = json_integer_value(json_object_get(src, "end"));
            if (a < 0 || b < a || (size_t)b > n)
                abort();
        }
        extract_free(r);
        free(text);
    }
    return 0;
}
