/* test_entry.c: validation and normalisation of entries (src/core/entry.c).
 * Table-driven: each bad input with the field its message must name. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/entry.h"
#include "util/err.h"

static geo *g;

static int setup(void **state)
{
    (void)state;
    return geo_open_builtin(&g, NULL);
}

static int teardown(void **state)
{
    (void)state;
    geo_free(g);
    return 0;
}

static entry *parse_ok(const char *text)
{
    json_error_t je;
    json_t *j = json_loads(text, 0, &je);
    assert_non_null(j);
    entry *e = NULL;
    char *err = NULL;
    int rc = entry_parse(j, g, "Zeile 1", &e, &err);
    if (rc)
        fail_msg("unexpected refusal: %s", err);
    json_decref(j);
    return e;
}

static void test_defaults_and_id(void **state)
{
    (void)state;
    entry *e = parse_ok("{\"title\": \" KI-Transfer  Plus \", \"kind\": \"programme\","
                        " \"land\": \"BY\"}");
    assert_string_equal(entry_id(e), "by-ki-transfer-plus");
    assert_string_equal(entry_title(e), "KI-Transfer Plus");
    assert_string_equal(entry_land(e), "DE-BY");
    assert_string_equal(entry_level(e), "land");
    assert_string_equal(entry_status(e), "draft");
    assert_int_equal(json_array_size(json_object_get(entry_json(e), "places")), 0);
    entry_free(e);
}

static void test_places_and_amounts(void **state)
{
    (void)state;
    entry *e = parse_ok("{\"title\": \"X\", \"kind\": \"centre\", \"land\": \"DE-ST\","
                        " \"places\": [\"Halle (Saale)\", {\"name\": \"Eigener Ort\","
                        " \"lat\": 51.0, \"lon\": 11.0, \"land\": \"DE-TH\"}],"
                        " \"amounts\": [{\"eur\": 5500000000, \"per_year\": true,"
                        " \"from\": 2023, \"to\": 2024, \"text\": \"5,5 Mrd. Euro\"}],"
                        " \"years\": [2024, 2023, 2024]}");
    json_t *j = entry_json(e);
    json_t *p0 = json_array_get(json_object_get(j, "places"), 0);
    assert_string_equal(json_string_value(json_object_get(p0, "land")), "DE-ST");
    json_t *a0 = json_array_get(json_object_get(j, "amounts"), 0);
    assert_int_equal(json_integer_value(json_object_get(a0, "eur")), 5500000000LL);
    assert_true(json_is_true(json_object_get(a0, "per_year")));
    assert_int_equal(json_array_size(json_object_get(j, "years")), 2);
    entry_free(e);
}

static const struct {
    const char *json;
    const char *field; /* must appear in the message */
} refusals[] = {
    {"{\"kind\": \"programme\", \"land\": \"DE-BY\"}", "„title“"},
    {"{\"title\": \"\", \"kind\": \"programme\", \"land\": \"DE-BY\"}", "„title“"},
    {"{\"title\": \"X\", \"kind\": \"rocket\", \"land\": \"DE-BY\"}", "„kind“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"DE-XX\"}", "„land“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"level\": \"land\"}", "„land“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"level\": \"bund\", \"land\": \"BY\"}",
     "„land“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\", \"fields\": [\"ki\"]}",
     "„fields“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\", \"target_groups\": 3}",
     "„target_groups“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\","
     " \"places\": [{\"name\": \"P\", \"lat\": 40.0, \"lon\": 2.0}]}",
     "„places[1]“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\","
     " \"places\": [{\"name\": \"P\", \"lat\": 50.0}]}",
     "„places[1]“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\", \"places\": [\"Qwxyz\"]}",
     "„places[1]“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\","
     " \"amounts\": [{\"eur\": -5}]}",
     "„amounts[1]“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\","
     " \"amounts\": [{\"eur\": 5, \"from\": 2024, \"to\": 2020}]}",
     "„amounts[1]“"},
    /* A bad string inside a list item or object names the item and the
     * key, so a form can show it at its field. */
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\", \"counts\": [{\"n\": 3}]}",
     "Feld „counts[1]“: „of“ fehlt"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\", \"places\": [\"Kempten\", "
     "{\"name\": 7}]}",
     "Feld „places[2]“: „name“ muss"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\","
     " \"amounts\": [{\"eur\": 5, \"text\": [1]}]}",
     "Feld „amounts[1]“: „text“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\","
     " \"source\": {\"start\": 1, \"end\": 3}}",
     "Feld „source“: „document“ fehlt"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\", \"years\": [20]}", "„years“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\", \"links\": [\"ftp://x\"]}",
     "„links“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\", \"seeks_partners\": 1}",
     "„seeks_partners“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\", \"offers_reuse\": \"ja\"}",
     "„offers_reuse“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\", \"status\": \"live\"}",
     "„status“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\", \"id\": \"Große ID\"}", "„id“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\","
     " \"source\": {\"document\": \"d\", \"start\": 9, \"end\": 3}}",
     "„source“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\", \"ministries\": [\"BMXY\"]}",
     "„ministries“"},
    {"{\"title\": \"X\", \"kind\": \"programme\", \"land\": \"BY\", \"colour\": \"red\"}",
     "„colour“"},
};

static void test_refusals(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
        json_t *j = json_loads(refusals[i].json, 0, NULL);
        assert_non_null(j);
        entry *e = (entry *)1;
        char *err = NULL;
        assert_int_equal(entry_parse(j, g, "Zeile 7", &e, &err), KL_EINVAL);
        assert_null(e);
        assert_non_null(err);
        if (!strstr(err, refusals[i].field) || !strstr(err, "Zeile 7"))
            fail_msg("case %zu: message „%s“ lacks %s", i, err, refusals[i].field);
        free(err);
        json_decref(j);
    }
}

static void test_not_an_object(void **state)
{
    (void)state;
    json_t *j = json_array();
    entry *e;
    char *err = NULL;
    assert_int_equal(entry_parse(j, g, "Zeile 2", &e, &err), KL_EINVAL);
    assert_non_null(strstr(err, "Zeile 2"));
    free(err);
    json_decref(j);
}

static void test_same_content_and_slug(void **state)
{
    (void)state;
    entry *a = parse_ok("{\"title\": \"A\", \"kind\": \"study\", \"land\": \"HB\"}");
    entry *b = parse_ok("{\"title\": \"A\", \"kind\": \"study\", \"land\": \"Bremen\"}");
    entry_set_meta(b, 7, "2026-01-01T00:00:00Z");
    assert_true(entry_same_content(a, b));
    entry_set_status(b, "published");
    assert_false(entry_same_content(a, b));
    char *s = entry_slug("Künstliche Intelligenz – für alle!", 80);
    assert_string_equal(s, "kuenstliche-intelligenz-fuer-alle");
    free(s);
    entry_free(a);
    entry_free(b);
}

/* The partner flags: default false, kept when true, placed after "links". */
static void test_partner_flags(void **state)
{
    (void)state;
    entry *e = parse_ok("{\"title\": \"X\", \"kind\": \"project\", \"land\": \"BY\"}");
    json_t *j = entry_json(e);
    assert_true(json_is_false(json_object_get(j, "seeks_partners")));
    assert_true(json_is_false(json_object_get(j, "offers_reuse")));
    char *text = entry_dump(e);
    const char *l = strstr(text, "\"links\""), *sp = strstr(text, "\"seeks_partners\""),
               *ou = strstr(text, "\"offers_reuse\""), *src = strstr(text, "\"source\"");
    assert_true(l && sp && ou && src && l < sp && sp < ou && ou < src);
    free(text);
    entry_free(e);
    e = parse_ok("{\"title\": \"X\", \"kind\": \"project\", \"land\": \"BY\","
                 " \"seeks_partners\": true, \"offers_reuse\": null}");
    assert_true(json_is_true(json_object_get(entry_json(e), "seeks_partners")));
    assert_true(json_is_false(json_object_get(entry_json(e), "offers_reuse")));
    entry_free(e);
}

static void test_vocab(void **state)
{
    (void)state;
    size_t n;
    entry_vocab(ENTRY_VOCAB_FIELD, &n);
    assert_int_equal(n, 12);
    entry_vocab(ENTRY_VOCAB_KIND, &n);
    assert_int_equal(n, 12);
    assert_non_null(entry_vocab_find(ENTRY_VOCAB_TARGET, "kmu"));
    assert_null(entry_vocab_find(ENTRY_VOCAB_TARGET, "aliens"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_and_id),
        cmocka_unit_test(test_places_and_amounts),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_not_an_object),
        cmocka_unit_test(test_same_content_and_slug),
        cmocka_unit_test(test_partner_flags),
        cmocka_unit_test(test_vocab),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
