/* test_text.c: UTF-8 decoding and German folding (src/util/text.c), and
 * the string buffer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"
#include "util/text.h"

static void fold_is(const char *in, const char *want)
{
    char *got = text_fold_dup(in);
    assert_string_equal(got, want);
    free(got);
}

static void test_fold_german(void **state)
{
    (void)state;
    fold_is("München", "muenchen");
    fold_is("MÜNCHEN", "muenchen");
    fold_is("Muenchen", "muenchen");
    fold_is("Straße", "strasse");
    fold_is("STRAẞE", "strasse");
    fold_is("Ökonomie Äpfel", "oekonomie aepfel");
    fold_is("Île-de-France Łódź", "ile-de-france lodz");
}

static void test_utf8_validation(void **state)
{
    (void)state;
    size_t bad = 99;
    assert_true(text_utf8_valid("Künstliche Intelligenz", strlen("Künstliche Intelligenz"), NULL));
    assert_false(text_utf8_valid("ab\xff", 3, &bad));
    assert_int_equal(bad, 2);
    assert_false(text_utf8_valid("\xc0\xaf", 2, &bad));     /* overlong "/" */
    assert_false(text_utf8_valid("\xed\xa0\x80", 3, &bad)); /* surrogate */
    assert_false(text_utf8_valid("\xe2\x82", 2, &bad));     /* truncated */
    assert_true(text_utf8_valid("\xf0\x9f\x98\x80", 4, NULL));
}

static void test_utf8_roundtrip(void **state)
{
    (void)state;
    const int32_t cps[] = {0x41, 0xE4, 0x20AC, 0x1F600};
    sbuf b = SBUF_INIT;
    for (size_t i = 0; i < 4; i++)
        text_utf8_put(&b, cps[i]);
    size_t at = 0;
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(text_utf8_next(b.s, b.len, &at), cps[i]);
    assert_int_equal(at, b.len);
    sbuf_free(&b);
}

static void test_alnum(void **state)
{
    (void)state;
    assert_true(text_is_alnum('a'));
    assert_true(text_is_alnum(0xDF));  /* ß */
    assert_false(text_is_alnum(0xD7)); /* × */
    assert_false(text_is_alnum('-'));
    assert_false(text_is_alnum(0x2013)); /* – */
}

static void test_sbuf(void **state)
{
    (void)state;
    sbuf b = SBUF_INIT;
    assert_string_equal(sbuf_cstr(&b), "");
    for (int i = 0; i < 1000; i++)
        sbuf_addf(&b, "%d,", i);
    assert_int_equal(strncmp(b.s, "0,1,2,", 6), 0);
    sbuf_reset(&b);
    sbuf_adds(&b, "x");
    char *s = sbuf_take(&b);
    assert_string_equal(s, "x");
    assert_null(b.s);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_german),    cmocka_unit_test(test_utf8_validation),
        cmocka_unit_test(test_utf8_roundtrip), cmocka_unit_test(test_alnum),
        cmocka_unit_test(test_sbuf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
