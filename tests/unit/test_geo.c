/* test_geo.c: the gazetteer (src/core/geo.c) and the Länder
 * (src/core/geo_land.c), against the builtin data and small files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/geo.h"
#include "util/err.h"
#include "util/sbuf.h"

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

/* find: geo_lookup that must succeed. */
static const geo_place *find(const geo *g, const char *name, const char *hint)
{
    const geo_place *p = NULL;
    char *err = NULL;
    int rc = geo_lookup(g, name, hint, &p, &err);
    if (rc != KL_OK)
        fail_msg("geo_lookup(%s): %s", name, err ? err : "?");
    assert_non_null(p);
    return p;
}

static void test_builtin_loads(void **state)
{
    const geo *g = *state;
    assert_true(geo_count(g) > 10000);
}

static void test_folding_and_english_names(void **state)
{
    const geo *g = *state;
    const geo_place *m = find(g, "München", NULL);
    assert_string_equal(m->name, "München");
    assert_string_equal(m->land, "DE-BY");
    assert_true(m->population > 1000000);
    assert_ptr_equal(find(g, "Muenchen", NULL), m);
    assert_ptr_equal(find(g, "MÜNCHEN", NULL), m);
    assert_ptr_equal(find(g, "Munich", NULL), m);
    assert_ptr_equal(find(g, "  münchen ", NULL), m);

    const geo_place *n = find(g, "Nürnberg", NULL);
    assert_string_equal(n->land, "DE-BY");
    assert_ptr_equal(find(g, "Nuremberg", NULL), n);
    assert_ptr_equal(find(g, "NUERNBERG", NULL), n);

    const geo_place *k = find(g, "Köln", NULL);
    assert_string_equal(k->land, "DE-NW");
    assert_ptr_equal(find(g, "Cologne", NULL), k);
    assert_ptr_equal(find(g, "Koeln", NULL), k);
}

static void test_qualified_names(void **state)
{
    const geo *g = *state;
    const geo_place *k = find(g, "Kempten (Allgäu)", NULL);
    assert_string_equal(k->land, "DE-BY");
    assert_true(fabs(k->lat - 47.72) < 0.02 && fabs(k->lon - 10.31) < 0.02);
    assert_ptr_equal(find(g, "Kempten", NULL), k);
    assert_ptr_equal(find(g, "Kempten Allgaeu", NULL), k);

    const geo_place *f = find(g, "Freiburg im Breisgau", NULL);
    assert_string_equal(f->land, "DE-BW");
    assert_true(f->population > 200000);
    assert_ptr_equal(find(g, "Freiburg", NULL), f);
    assert_ptr_equal(find(g, "Freiburg i. Br.", NULL), f);

    const geo_place *h = find(g, "Halle (Saale)", NULL);
    assert_string_equal(h->land, "DE-ST");
    assert_ptr_equal(find(g, "Halle an der Saale", NULL), h);
    assert_ptr_equal(find(g, "Halle/Saale", NULL), h);
    assert_ptr_equal(find(g, "Halle a. d. Saale", NULL), h);

    const geo_place *fm = find(g, "Frankfurt", NULL);
    assert_string_equal(fm->name, "Frankfurt am Main");
    assert_string_equal(fm->land, "DE-HE");
    assert_ptr_equal(find(g, "Frankfurt/Main", NULL), fm);
    const geo_place *fo = find(g, "Frankfurt (Oder)", NULL);
    assert_string_equal(fo->land, "DE-BB");
    assert_ptr_equal(find(g, "Frankfurt an der Oder", NULL), fo);
    assert_ptr_equal(find(g, "Frankfurt/Oder", NULL), fo);

    assert_string_equal(find(g, "St. Ingbert", NULL)->name, "Sankt Ingbert");
}

static void test_land_hint(void **state)
{
    const geo *g = *state;
    /* Neustadt an der Weinstraße (RP, ~54,000) is the largest Neustadt;
     * the hint picks Neustadt in Holstein (SH, ~16,000). */
    const geo_place *big = find(g, "Neustadt", NULL);
    assert_string_equal(big->land, "DE-RP");
    const geo_place *sh = find(g, "Neustadt", "DE-SH");
    assert_string_equal(sh->land, "DE-SH");
    assert_string_equal(sh->name, "Neustadt in Holstein");
    assert_true(sh->population < big->population);
    /* Two places officially named Freiburg: the hint picks the small one
     * on the Elbe; the hint may also be a name or an abbreviation. */
    const geo_place *fe = find(g, "Freiburg", "DE-NI");
    assert_string_equal(fe->land, "DE-NI");
    assert_true(fe->population < 10000);
    assert_ptr_equal(find(g, "Freiburg", "Niedersachsen"), fe);
    assert_ptr_equal(find(g, "Freiburg", "NI"), fe);
    /* A hint no place of that name matches changes nothing. */
    assert_string_equal(find(g, "Freiburg", "DE-HB")->land, "DE-BW");
    assert_string_equal(find(g, "Freiburg", "Atlantis")->land, "DE-BW");
}

static void test_official_name_beats_alternate(void **state)
{
    const geo *g = *state;
    /* GeoNames lists "Verl" as another name of the larger Werl. */
    assert_string_equal(find(g, "Verl", NULL)->name, "Verl");
    assert_string_equal(find(g, "Werl", NULL)->name, "Werl");
}

static void test_not_found(void **state)
{
    const geo *g = *state;
    const geo_place *p = (const geo_place *)g; /* must be reset */
    char *err = NULL;
    assert_int_equal(geo_lookup(g, "Muenchn", NULL, &p, &err), KL_ENOTFOUND);
    assert_null(p);
    assert_non_null(err);
    assert_non_null(strstr(err, "Ort „Muenchn“ nicht im Ortsverzeichnis gefunden; meinten Sie: "));
    assert_non_null(strstr(err, "München (DE-BY)"));
    free(err);

    err = NULL;
    assert_int_equal(geo_lookup(g, "Kemp", NULL, &p, &err), KL_ENOTFOUND);
    assert_non_null(strstr(err, "meinten Sie: Kempten (Allgäu) (DE-BY), Kempen (DE-NW)"));
    free(err);

    err = NULL;
    assert_int_equal(geo_lookup(g, "Frankfurt an der Spree", NULL, &p, &err), KL_ENOTFOUND);
    assert_non_null(strstr(err, "Frankfurt am Main (DE-HE)"));
    assert_non_null(strstr(err, "Frankfurt (Oder) (DE-BB)"));
    free(err);

    /* No message wanted, none made. */
    assert_int_equal(geo_lookup(g, "Xyzzyqqq", NULL, &p, NULL), KL_ENOTFOUND);
    err = NULL;
    assert_int_equal(geo_lookup(g, "", NULL, &p, &err), KL_ENOTFOUND);
    assert_non_null(err);
    free(err);
}

static void test_candidates(void **state)
{
    const geo *g = *state;
    const geo_place *c[8];
    size_t n = geo_candidates(g, "Kemp", c, 8);
    assert_true(n >= 2);
    assert_string_equal(c[0]->name, "Kempten (Allgäu)");
    for (size_t i = 1; i < n; i++) {
        assert_true(c[i - 1]->population >= c[i]->population);
        for (size_t j = 0; j < i; j++)
            assert_ptr_not_equal(c[i], c[j]);
    }
    assert_int_equal(geo_candidates(g, "Kemp", c, 1), 1);
    assert_string_equal(c[0]->name, "Kempten (Allgäu)");
    assert_int_equal(geo_candidates(g, "Kemp", c, 0), 0);
    /* "Mün" finds München first; "Munich" is one of its names. */
    assert_true(geo_candidates(g, "mün", c, 8) > 1);
    assert_string_equal(c[0]->name, "München");
    assert_int_equal(geo_candidates(g, "Xyzzyqqq", c, 8), 0);
}

static void test_key(void **state)
{
    (void)state;
    static const struct {
        const char *in, *key;
    } cases[] = {
        {"Halle (Saale)", "halle saale"},        {"Halle an der Saale", "halle saale"},
        {"Halle/Saale", "halle saale"},          {"MÜNCHEN", "muenchen"},
        {"St. Ingbert", "sankt ingbert"},        {"Am Mellensee", "am mellensee"},
        {"Neuburg a.d. Donau", "neuburg donau"}, {" -- ", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sbuf b = SBUF_INIT;
        geo_key(&b, cases[i].in, strlen(cases[i].in));
        assert_string_equal(sbuf_cstr(&b), cases[i].key);
        sbuf_free(&b);
    }
}

static void test_distance_and_bbox(void **state)
{
    const geo *g = *state;
    const geo_place *m = find(g, "München", NULL), *b = find(g, "Berlin", NULL);
    double d = geo_distance_km(m->lat, m->lon, b->lat, b->lon);
    assert_true(fabs(d - 504.0) < 5.0);
    assert_true(fabs(geo_distance_km(b->lat, b->lon, m->lat, m->lon) - d) < 1e-9);
    assert_true(geo_distance_km(m->lat, m->lon, m->lat, m->lon) < 1e-9);
    assert_true(geo_in_germany(m->lat, m->lon));
    assert_true(geo_in_germany(54.9, 8.3));    /* Sylt */
    assert_false(geo_in_germany(48.86, 2.35)); /* Paris */
    assert_false(geo_in_germany(-48.1, 11.6));
    assert_false(geo_in_germany(47.1, 10.0));
}

static void test_laender(void **state)
{
    (void)state;
    size_t n = 0;
    const geo_land *l = geo_laender(&n);
    assert_int_equal(n, 16);
    assert_string_equal(l[0].name, "Baden-Württemberg");
    assert_string_equal(l[15].name, "Thüringen");
    for (size_t i = 0; i < n; i++) {
        assert_ptr_equal(geo_land_by_code(l[i].code), &l[i]);
        assert_ptr_equal(geo_land_find(l[i].abbr), &l[i]);
        assert_ptr_equal(geo_land_find(l[i].name), &l[i]);
        assert_ptr_equal(geo_land_find(l[i].name_en), &l[i]);
        assert_int_equal(strncmp(l[i].code + 3, l[i].abbr, 2), 0);
    }
    const geo_land *by = geo_land_by_code("DE-BY");
    assert_non_null(by);
    assert_null(geo_land_by_code("BY"));
    assert_null(geo_land_by_code(NULL));
    const char *const bavaria[] = {"BY",      "DE-BY", "Bayern",     "bavaria", "Freistaat Bayern",
                                   "BAYERN ", "de-by", "Land Bayern"};
    for (size_t i = 0; i < sizeof bavaria / sizeof bavaria[0]; i++)
        assert_ptr_equal(geo_land_find(bavaria[i]), by);
    const geo_land *nw = geo_land_by_code("DE-NW");
    assert_ptr_equal(geo_land_find("Nordrhein-Westfalen"), nw);
    assert_ptr_equal(geo_land_find("NRW"), nw);
    assert_ptr_equal(geo_land_find("North Rhine-Westphalia"), nw);
    assert_ptr_equal(geo_land_find("Thueringen"), geo_land_by_code("DE-TH"));
    assert_ptr_equal(geo_land_find("Freistaat Sachsen"), geo_land_by_code("DE-SN"));
    assert_ptr_equal(geo_land_find("Freie und Hansestadt Hamburg"), geo_land_by_code("DE-HH"));
    assert_ptr_equal(geo_land_find("Freie Hansestadt Bremen"), geo_land_by_code("DE-HB"));
    assert_ptr_equal(geo_land_find("Sachsen-Anhalt"), geo_land_by_code("DE-ST"));
    assert_null(geo_land_find("Atlantis"));
    assert_null(geo_land_find(""));
    assert_null(geo_land_find("Land"));
    assert_null(geo_land_find(NULL));
}

/* write_tmp: a file under /tmp with content; returns its path (static). */
static const char *write_tmp(const char *content)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/test_geo_%ld.tsv", (long)getpid());
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
    return path;
}

static void test_open_file(void **state)
{
    (void)state;
    const char *path = write_tmp("# test\n"
                                 "Aheim\t48.5\t9.25\tDE-BW\t1200\tA-Heim|Ah\n"
                                 "Aheim\t50\t11\tDE-BY\t900\t\n"
                                 "Be (Oben)\t-0.5\t-1.25\tDE-BE\t0\r\n"
                                 "\n"
                                 "Ce\t1\t2\tDE-HH\t5\tSee");
    geo *g = NULL;
    char *err = NULL;
    assert_int_equal(geo_open(path, &g, &err), KL_OK);
    assert_null(err);
    assert_int_equal(geo_count(g), 4);
    const geo_place *p = find(g, "aheim", NULL);
    assert_string_equal(p->land, "DE-BW");
    assert_true(p->lat == 48.5 && p->lon == 9.25 && p->population == 1200);
    assert_ptr_equal(find(g, "A-Heim", NULL), p);
    assert_string_equal(find(g, "Aheim", "BY")->land, "DE-BY");
    p = find(g, "Be", NULL);
    assert_string_equal(p->name, "Be (Oben)");
    assert_true(p->lat == -0.5 && p->lon == -1.25);
    assert_string_equal(find(g, "see", NULL)->name, "Ce");
    geo_free(g);
    unlink(path);
}

static void test_open_errors(void **state)
{
    (void)state;
    static const struct {
        const char *content, *needle;
    } cases[] = {
        {"# c\nA\t1\t2\tDE-BW\t3\t\nB\t1\t2\tDE-BW\n", "Zeile 3: 4 statt 6"},
        {"A\t1\t2\tDE-BW\t3\t\tx\n", "Zeile 1: 7 statt 6"},
        {"A\t91\t2\tDE-BW\t3\t\n", "Zeile 1: Breite „91“"},
        {"A\t1\t2,5\tDE-BW\t3\t\n", "Zeile 1: Länge „2,5“"},
        {"A\t1\t2\tBY\t3\t\n", "Zeile 1: Land „BY“"},
        {"A\t1\t2\tDE-BW\t-3\t\n", "Zeile 1: Einwohnerzahl „-3“"},
        {"\t1\t2\tDE-BW\t3\t\n", "Zeile 1: der Name fehlt"},
        {"A\xff\t1\t2\tDE-BW\t3\t\n", "Zeile 1: kein gültiges UTF-8"},
        {"# nur ein Kommentar\n", "keine Orte"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *path = write_tmp(cases[i].content);
        geo *g = (geo *)path; /* must be reset */
        char *err = NULL;
        assert_int_equal(geo_open(path, &g, &err), KL_EINVAL);
        assert_null(g);
        assert_non_null(err);
        if (!strstr(err, path) || !strstr(err, cases[i].needle))
            fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err, cases[i].needle);
        free(err);
        unlink(path);
    }
    geo *g = (geo *)state;
    char *err = NULL;
    assert_int_equal(geo_open("/tmp/test_geo_missing/none.tsv", &g, &err), KL_EIO);
    assert_null(g);
    assert_non_null(strstr(err, "/tmp/test_geo_missing/none.tsv"));
    free(err);
    /* err may be NULL. */
    assert_int_equal(geo_open("/tmp/test_geo_missing/none.tsv", &g, NULL), KL_EIO);
    geo_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_loads),
        cmocka_unit_test(test_folding_and_english_names),
        cmocka_unit_test(test_qualified_names),
        cmocka_unit_test(test_land_hint),
        cmocka_unit_test(test_official_name_beats_alternate),
        cmocka_unit_test(test_not_found),
        cmocka_unit_test(test_candidates),
        cmocka_unit_test(test_key),
        cmocka_unit_test(test_distance_and_bbox),
        cmocka_unit_test(test_laender),
        cmocka_unit_test(test_open_file),
        cmocka_unit_test(test_open_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
