/* test_entry_input.c: one input text to entries (src/core/entry_input.c):
 * each input shape, and where the messages say the problem is. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/entry_input.h"
#include "util/err.h"

#define OK1 "{\"title\": \"KI-Test Eins\", \"kind\": \"centre\", \"land\": \"DE-BY\"}"
#define OK2 "{\"title\": \"KI-Test Zwei\", \"kind\": \"project\", \"land\": \"BE\"}"
#define BADKIND "{\"title\": \"KI-Test Drei\", \"kind\": \"nope\", \"land\": \"DE-BY\"}"

static int setup(void **state)
{
    geo *g = NULL;
    char *err = NULL;
    if (geo_open_builtin(&g, &err) != KL_OK) {
        fprintf(stderr, "geo_open_builtin: %s\n", err ? err : "?");
        free(err);
        return -1;
    }
    *state = g;
    return 0;
}

static int teardown(void **state)
{
    geo_free(*state);
    return 0;
}

/* parse_ok: the text must give n entries; the first title is checked
 * when given. */
static void parse_ok(const geo *g, const char *text, size_t len, size_t n, const char *title0)
{
    entry **e = NULL;
    size_t count = 99;
    char *err = NULL;
    int rc = entry_input_parse(text, len, "in", g, &e, &count, &err);
    if (rc != KL_OK)
        fail_msg("entry_input_parse: %s", err ? err : "?");
    assert_null(err);
    assert_int_equal(count, n);
    if (n == 0)
        assert_null(e);
    if (title0)
        assert_string_equal(entry_title(e[0]), title0);
    entry_input_free(e, count);
}

/* parse_fail: the text must be refused with a message that contains
 * want. */
static void parse_fail(const geo *g, const char *text, size_t len, const char *want)
{
    entry **e = (entry **)&e;
    size_t count = 99;
    char *err = NULL;
    int rc = entry_input_parse(text, len, "in", g, &e, &count, &err);
    assert_int_equal(rc, KL_EINVAL);
    assert_null(e);
    assert_int_equal(count, 0);
    assert_non_null(err);
    if (!strstr(err, want))
        fail_msg("message \"%s\" lacks \"%s\"", err, want);
    free(err);
}

#define OKS(g, s, n, t) parse_ok(g, s, strlen(s), n, t)
#define FAILS(g, s, w) parse_fail(g, s, strlen(s), w)

static void test_single_object(void **state)
{
    OKS(*state, OK1, 1, "KI-Test Eins");
    OKS(*state, "\n\n  " OK1 "\n", 1, "KI-Test Eins");
    FAILS(*state, "\n\n" BADKIND, "in, Zeile 3, Feld „kind“");
}

static void test_json_lines(void **state)
{
    OKS(*state, OK1 "\n" OK2 "\n", 2, "KI-Test Eins");
    OKS(*state, OK1 "\n\n\n" OK2, 2, NULL);
    FAILS(*state, OK1 "\n" OK2 "\n" BADKIND "\n", "in, Zeile 3, Feld „kind“");
    FAILS(*state, OK1 "\n\n\n" BADKIND, "in, Zeile 4, Feld „kind“");
    /* An object over several lines is named by its first line. */
    FAILS(*state, OK1 "\n{\"title\": \"X\",\n \"kind\": \"nope\"}", "in, Zeile 2, Feld „kind“");
}

static void test_array(void **state)
{
    OKS(*state, "[" OK1 ", " OK2 "]", 2, "KI-Test Eins");
    OKS(*state, "  \n[]\n", 0, NULL);
    FAILS(*state, "[" OK1 ",\n" OK2 ",\n" BADKIND "]", "in, Element 3, Feld „kind“");
    FAILS(*state, "[" OK1 ", 5]", "in, Element 2");
    FAILS(*state, "\n\n[" OK1 ",\n" OK2 ",\n", "in, Zeile 5: ungültiges JSON");
}

static void test_empty_and_whitespace(void **state)
{
    parse_ok(*state, "", 0, 0, NULL);
    parse_ok(*state, NULL, 0, 0, NULL);
    OKS(*state, " \t\r\n\n  \r\n", 0, NULL);
}

static void test_bom(void **state)
{
    OKS(*state, "\xEF\xBB\xBF" OK1, 1, "KI-Test Eins");
    OKS(*state, "\xEF\xBB\xBF[" OK1 "]", 1, "KI-Test Eins");
    OKS(*state, "\xEF\xBB\xBF\n" OK1 "\n" OK2, 2, NULL);
    /* Line numbers are not shifted by the mark. */
    FAILS(*state, "\xEF\xBB\xBF" OK1 "\n" BADKIND, "in, Zeile 2, Feld „kind“");
    /* Only at the start: later it is a stray character. */
    FAILS(*state, OK1 "\n\xEF\xBB\xBF" OK2, "in, Zeile 2: ungültiges JSON");
    /* Only the mark, and half a mark. */
    OKS(*state, "\xEF\xBB\xBF", 0, NULL);
    FAILS(*state, "\xEF\xBB", "in, Zeile 1: ungültiges UTF-8 (Byte 0)");
}

static void test_crlf(void **state)
{
    OKS(*state, OK1 "\r\n" OK2 "\r\n", 2, "KI-Test Eins");
    FAILS(*state, OK1 "\r\n" OK2 "\r\n" BADKIND "\r\n", "in, Zeile 3, Feld „kind“");
    FAILS(*state, "[" OK1 ",\r\n" OK2 ",\r\n" BADKIND "]\r\n", "in, Element 3");
}

static void test_two_objects_on_one_line(void **state)
{
    OKS(*state, OK1 " " OK2 "\n", 2, "KI-Test Eins");
    OKS(*state, OK1 OK2, 2, NULL);
    FAILS(*state, OK1 " " BADKIND "\n", "in, Zeile 1, Feld „kind“");
    FAILS(*state, OK1 "\n" OK2 " " BADKIND, "in, Zeile 2, Feld „kind“");
}

static void test_trailing_garbage(void **state)
{
    FAILS(*state, OK1 " x", "in, Zeile 1: ungültiges JSON");
    FAILS(*state, OK1 "\n" OK2 "\n,\n", "in, Zeile 3: ungültiges JSON");
    FAILS(*state, "[" OK1 "]\n\n]", "in, Zeile 3: ungültiges JSON");
    FAILS(*state, "[" OK1 "] " OK2, "in, Zeile 1: ungültiges JSON");
    FAILS(*state, OK1 "\n5\n", "in, Zeile 2: ungültiges JSON");
}

static void test_invalid_utf8(void **state)
{
    /* "ü" cut to its first byte on line 2, byte offset 7 + strlen(OK1). */
    char text[512];
    int n = snprintf(text, sizeof text, "%s\n{\"t\": \"\xC3\"}", OK1);
    char want[64];
    snprintf(want, sizeof want, "in, Zeile 2: ungültiges UTF-8 (Byte %zu)", strlen(OK1) + 8);
    parse_fail(*state, text, (size_t)n, want);
    FAILS(*state, "\xFF", "in, Zeile 1: ungültiges UTF-8 (Byte 0)");
    /* A NUL byte is valid UTF-8 but no JSON. */
    parse_fail(*state, OK1 "\n\0", strlen(OK1) + 2, "in, Zeile 2: ungültiges JSON");
}

static void test_nothing_returned_on_failure(void **state)
{
    /* The first entries are valid; the third is not: none is returned
     * (the test would leak under valgrind/ASan otherwise). */
    FAILS(*state, OK1 "\n" OK2 "\n" BADKIND, "Zeile 3");
    entry_input_free(NULL, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_object),
        cmocka_unit_test(test_json_lines),
        cmocka_unit_test(test_array),
        cmocka_unit_test(test_empty_and_whitespace),
        cmocka_unit_test(test_bom),
        cmocka_unit_test(test_crlf),
        cmocka_unit_test(test_two_objects_on_one_line),
        cmocka_unit_test(test_trailing_garbage),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_nothing_returned_on_failure),
    };
    return cmocka_run_group_tests_name("entry_input", tests, setup, teardown);
}
