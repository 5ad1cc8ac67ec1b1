/* test_msg.c: the English catalogue of the server's messages
 * (src/util/msg.c): composition from pieces, no match, every key
 * matching itself, the Accept-Language choice. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/msg.h"
#include "util/sbuf.h"

static void english_is(const char *de, const char *want)
{
    char *got = msg_english(de);
    if (!got)
        fail_msg("no English for \"%s\"", de);
    assert_string_equal(got, want);
    free(got);
}

/* A validation message of entry.c: where (itself "Anfrage, Zeile %zu"),
 * the field and the fragment each translated. */
static void test_composed(void **state)
{
    (void)state;
    english_is("Anfrage, Zeile 3, Feld „title“: darf nicht leer sein",
               "Request, line 3, field “title”: must not be empty");
    english_is("Feld „places[2]“: „name“ fehlt, ist aber Pflicht",
               "Field “places[2]”: “name” is missing but required");
    english_is("Anfrage, Element 2, Feld „years“: Element 1 muss ein Jahr zwischen 1900 und 2100 "
               "sein",
               "Request, element 2, field “years”: element 1 must be a year between 1900 and 2100");
    /* A piece that is data (an id, a SQLite message) stays as it is. */
    english_is("Eintrag „lesen-in-bayern“ nicht gefunden", "entry “lesen-in-bayern” not found");
    english_is("Datenbankfehler beim Lesen der Einträge: disk I/O error",
               "database error while reading the entries: disk I/O error");
    /* A fragment that opens the message gets a capital. */
    english_is("Ändern von Eintrag „x“ (Land DE-BY) ist dem Konto „bob“ (land-editor) nicht "
               "erlaubt",
               "Editing of entry “x” (Land DE-BY) is not allowed for the account “bob” "
               "(land-editor)");
    english_is("Ändern von Eintrag „y“ (Bund (BMBF, BMI)) ist dem Konto „fed“ (federal-editor) "
               "nicht erlaubt",
               "Editing of entry “y” (federal (BMBF, BMI)) is not allowed for the account “fed” "
               "(federal-editor)");
    /* The most specific format wins over a general one. */
    english_is("Feld „user“: fehlt", "Field “user”: missing");
    english_is("Feld „note“: länger als 4000 Bytes", "Field “note”: longer than 4000 bytes");
}

static void test_no_match(void **state)
{
    (void)state;
    assert_null(msg_english(""));
    assert_null(msg_english("Ein ganz anderer Satz"));
    assert_null(msg_english("Eintrag „“ nicht gefunden"));     /* a conversion is never empty */
    assert_null(msg_english("Feld „x“ darf nicht leer sein")); /* ": " missing */
    assert_null(msg_english(NULL));
    char *s = msg_english_of("Ein ganz anderer Satz");
    assert_string_equal(s, "Ein ganz anderer Satz");
    free(s);
}

/* Each German format, taken as a message, gives its own English: the
 * conversions stand for themselves, and no other entry is more specific. */
static void test_keys_match_themselves(void **state)
{
    (void)state;
    size_t n = msg_count();
    assert_true(n > 300);
    for (size_t i = 0; i < n; i++) {
        const char *de, *en;
        msg_entry(i, &de, &en);
        char *got = msg_english(de);
        sbuf want = SBUF_INIT;
        /* "%%" in the English format is one '%' in the text. */
        for (const char *p = en; *p; p++) {
            sbuf_addc(&want, *p);
            if (*p == '%' && p[1] == '%')
                p++;
        }
        if (!got || strcmp(got, sbuf_cstr(&want)) != 0)
            fail_msg("entry %zu \"%s\": got \"%s\", want \"%s\"", i, de, got ? got : "(none)",
                     sbuf_cstr(&want));
        free(got);
        sbuf_free(&want);
    }
}

/* A long message of many separators stays within the step budget. */
static void test_long_input(void **state)
{
    (void)state;
    sbuf b = SBUF_INIT;
    for (int i = 0; i < 20000; i++)
        sbuf_adds(&b, ", Feld „");
    char *got = msg_english(sbuf_cstr(&b));
    free(got);
    sbuf_free(&b);
}

static void test_accept_language(void **state)
{
    (void)state;
    assert_false(msg_wants_english(NULL));
    assert_false(msg_wants_english(""));
    assert_true(msg_wants_english("en"));
    assert_true(msg_wants_english("en-GB,en;q=0.9,de;q=0.8"));
    assert_false(msg_wants_english("de-DE,de;q=0.9,en;q=0.8"));
    assert_true(msg_wants_english("de;q=0.5, en;q=0.7"));
    assert_true(msg_wants_english("fr, EN-us;q=0.5"));    /* the best we offer */
    assert_false(msg_wants_english("fr, *;q=0.5"));       /* nothing of ours: German */
    assert_false(msg_wants_english("en;q=0, de"));        /* q=0: not acceptable */
    assert_false(msg_wants_english("de, en"));            /* equal: the first */
    assert_true(msg_wants_english("en;q=1.000, de;q=1")); /* equal: the first */
    assert_false(msg_wants_english("en;q=2"));            /* malformed weight */
    assert_false(msg_wants_english("en;q=0.1234"));
    assert_false(msg_wants_english("english"));
    assert_true(msg_wants_english("  en ; q=0.3 ,fr"));
    assert_false(msg_wants_english(",,;q=,"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_composed),
        cmocka_unit_test(test_no_match),
        cmocka_unit_test(test_keys_match_themselves),
        cmocka_unit_test(test_long_input),
        cmocka_unit_test(test_accept_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
