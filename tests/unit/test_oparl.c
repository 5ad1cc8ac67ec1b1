/* test_oparl.c: src/oparl: the date-times of the filters (outside
 * input), the query of lists, German local time with summer time, and
 * objects, lists and tombstones on a real store holding the protocol of
 * the 1st DMK. The whole tree against the OParl schemas: tests/oparl. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_conf.h"
#include "conference/conference.h"
#include "oparl/oparl_int.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

static void test_datetime(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        int round_up;
        const char *want; /* NULL: refused */
    } cases[] = {
        {"2024-04-19T09:02:00+02:00", 0, "2024-04-19T07:02:00Z"},
        {"2024-04-19T07:02:00Z", 0, "2024-04-19T07:02:00Z"},
        {"2024-04-19t07:02:00z", 0, "2024-04-19T07:02:00Z"},
        {"2024-04-19T07:02:00 02:00", 0, "2024-04-19T05:02:00Z"}, /* "+" arrived as " " */
        {"2024-01-01T00:30:00+01:00", 0, "2023-12-31T23:30:00Z"},
        {"2023-12-31T20:00:00-05:30", 0, "2024-01-01T01:30:00Z"},
        {"2024-04-19T07:02:00.000Z", 1, "2024-04-19T07:02:00Z"},
        {"2024-04-19T07:02:00.25Z", 0, "2024-04-19T07:02:00Z"},
        {"2024-04-19T07:02:00.25Z", 1, "2024-04-19T07:02:01Z"},
        {"2024-12-31T23:59:60Z", 1, "2025-01-01T00:00:00Z"},
        {"2024-02-29T12:00:00Z", 0, "2024-02-29T12:00:00Z"},
        {"2023-02-29T12:00:00Z", 0, NULL},
        {"2024-13-01T00:00:00Z", 0, NULL},
        {"2024-04-31T00:00:00Z", 0, NULL},
        {"2024-04-19T24:00:00Z", 0, NULL},
        {"2024-04-19T07:60:00Z", 0, NULL},
        {"2024-04-19T07:02:00", 0, NULL},
        {"2024-04-19", 0, NULL},
        {"2024-04-19T07:02:00+2:00", 0, NULL},
        {"2024-04-19T07:02:00+02:00x", 0, NULL},
        {"2024-04-19T07:02:00.Z", 0, NULL},
        {"0000-01-01T00:00:00Z", 0, NULL},
        {"0001-01-01T00:30:00+01:00", 0, NULL}, /* before year 1 in UTC */
        {"9999-12-31T23:59:59Z", 0, "9999-12-31T23:59:59Z"},
        {"9999-12-31T23:59:59-01:00", 0, NULL},
        {"", 0, NULL},
        {"２０２４-04-19T07:02:00Z", 0, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[24] = "";
        int rc = oparl_datetime(cases[i].in, cases[i].round_up, out);
        if (!cases[i].want) {
            if (rc == 0)
                fail_msg("%s: accepted as %s", cases[i].in, out);
            continue;
        }
        if (rc != 0)
            fail_msg("%s: refused", cases[i].in);
        assert_string_equal(out, cases[i].want);
    }
}

static void test_filter(void **state)
{
    (void)state;
    oparl_filter f;
    char *err = NULL;
    oparl_filter_init(&f);
    assert_int_equal(f.limit, OPARL_PAGE_DEFAULT);
    assert_int_equal(f.page, 1);
    assert_string_equal(f.modified_since, "");
    assert_int_equal(oparl_filter_set(&f, "modified_since", "2024-04-19T09:02:00.5+02:00", NULL),
                     KL_OK);
    assert_string_equal(f.modified_since, "2024-04-19T07:02:01Z"); /* since: rounded up */
    assert_int_equal(oparl_filter_set(&f, "modified_until", "2024-04-19T09:02:00.5+02:00", NULL),
                     KL_OK);
    assert_string_equal(f.modified_until, "2024-04-19T07:02:00Z"); /* until: down */
    assert_int_equal(oparl_filter_set(&f, "limit", "100", NULL), KL_OK);
    assert_int_equal(f.limit, 100);
    assert_int_equal(oparl_filter_set(&f, "elementsPerPage", "7", NULL), KL_OK);
    assert_int_equal(f.limit, 7);
    assert_int_equal(oparl_filter_set(&f, "page", "3", NULL), KL_OK);
    assert_int_equal(f.page, 3);
    static const char *const bad[][2] = {
        {"limit", "0"},
        {"limit", "101"},
        {"limit", "-1"},
        {"limit", "1e2"},
        {"limit", ""},
        {"elementsPerPage", "x"},
        {"page", "0"},
        {"page", "1000001"},
        {"page", "99999999999"},
        {"created_since", "gestern"},
        {"created_until", "2024"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(oparl_filter_set(&f, bad[i][0], bad[i][1], &err), KL_EINVAL);
        assert_non_null(strstr(err, bad[i][0])); /* the message names the parameter */
        free(err);
        err = NULL;
    }
    assert_int_equal(oparl_filter_set(&f, "sort", "id", &err), KL_ENOTFOUND);
    free(err);
    assert_int_equal(f.limit, 7); /* refused values change nothing */
    assert_int_equal(f.page, 3);
}

/* German local time: +01:00 in winter, +02:00 from the last Sunday of
 * March 02:00 to the last Sunday of October 03:00. */
static void test_local_time(void **state)
{
    (void)state;
    static const char *const cases[][3] = {
        {"2024-04-19", "09:02", "2024-04-19T09:02:00+02:00"},
        {"2024-12-01", "10:00", "2024-12-01T10:00:00+01:00"},
        {"2024-03-31", "01:59", "2024-03-31T01:59:00+01:00"},
        {"2024-03-31", "03:00", "2024-03-31T03:00:00+02:00"},
        {"2024-03-30", "12:00", "2024-03-30T12:00:00+01:00"},
        {"2024-10-27", "02:30", "2024-10-27T02:30:00+02:00"},
        {"2024-10-27", "03:00", "2024-10-27T03:00:00+01:00"},
        {"2025-03-30", "02:00", "2025-03-30T02:00:00+02:00"},
        {"2025-10-26", "12:00", "2025-10-26T12:00:00+01:00"},
        {"2019-09-27", "00:00", "2019-09-27T00:00:00+02:00"},
    };
    char out[32];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(ol_datetime_local(cases[i][0], cases[i][1], out), 0);
        assert_string_equal(out, cases[i][2]);
    }
    assert_int_equal(ol_datetime_local("2024-02-30", "09:00", out), -1);
    assert_int_equal(ol_datetime_local("2024-04-19", "9:02", out), -1);
    assert_int_equal(ol_datetime_local(NULL, "09:02", out), -1);
    assert_int_equal(ol_datetime_local("2024-04-19", NULL, out), -1);
}

static void test_host(void **state)
{
    (void)state;
    static const char *const good[] = {"localhost", "landkarte.example:8443", "127.0.0.1:80",
                                       "[::1]",     "[2001:db8::1]:8080",     "a-b.c"};
    static const char *const bad[] = {"",   ":80",  "a b",   "x/y", "x@y", "x:",  "x:123456",
                                      "[]", "[::1", "[::g]", "x?y", "x#y", "x:8a"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        char *b = oparl_base_from_host(good[i]);
        if (!b)
            fail_msg("Host %s refused", good[i]);
        assert_int_equal(strncmp(b, "http://", 7), 0);
        assert_string_equal(b + 7, good[i]);
        free(b);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *b = oparl_base_from_host(bad[i]);
        if (b)
            fail_msg("Host \"%s\" accepted as %s", bad[i], b);
    }
    assert_null(oparl_base_from_host(NULL));
}

#define DOC004 "data/documents/004_1bee85cc57329fa5.txt"
#define NAME004 "004_1bee85cc57329fa5.txt"
#define BASE "https://oparl.example"

typedef struct fx {
    test_conf db;
    oparl *o;
    char *text;
    size_t n;
} fx;

/* import: text as the protocol NAME004. */
static void import(fx *f, const char *text, size_t n)
{
    test_conf_import(&f->db, text, n, "protocol", NAME004);
}

static int setup(void **state)
{
    fx *f = xcalloc(1, sizeof *f);
    int changed;
    test_conf_open(&f->db, "oparl", 0);
    if (oparl_open(f->db.s, f->db.g, &f->o, NULL))
        return -1;
    f->text = test_slurp(DOC004, &f->n);
    if (!f->text ||
        store_put_document(f->db.s, NAME004, "protocol", "P", f->text, f->n, &changed, NULL))
        return -1;
    import(f, f->text, f->n);
    /* the annex of reports: it gives the meeting its date */
    size_t n2;
    char *t2 = test_slurp("data/documents/002_94e67f4646c14073.txt", &n2);
    if (!t2 || store_put_document(f->db.s, "002_94e67f4646c14073.txt", "land-reports", "R", t2, n2,
                                  &changed, NULL))
        return -1;
    test_conf_import(&f->db, t2, n2, "land-reports", "002_94e67f4646c14073.txt");
    free(t2);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    oparl_close(f->o);
    test_conf_close(&f->db);
    free(f->text);
    free(f);
    return 0;
}

static const char *str(json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

static void test_objects(void **state)
{
    fx *f = *state;
    json_t *o = NULL;
    char *err = NULL;
    json_t *sys = oparl_system(f->o, BASE);
    assert_string_equal(str(sys, "id"), BASE "/oparl/v1/system");
    assert_string_equal(str(sys, "oparlVersion"), "https://schema.oparl.org/1.1/");
    assert_string_equal(str(sys, "body"), BASE "/oparl/v1/bodies");
    json_decref(sys);
    assert_int_equal(oparl_object(f->o, BASE, OPARL_MEETING, "dmk-2024-1", &o, NULL), KL_OK);
    assert_string_equal(str(o, "type"), "https://schema.oparl.org/1.1/Meeting");
    assert_string_equal(str(o, "start"), "2024-04-19T09:02:00+02:00");
    assert_int_equal(json_array_size(json_object_get(o, "agendaItem")), 15);
    json_t *top6 = json_array_get(json_object_get(o, "agendaItem"), 8);
    assert_string_equal(str(top6, "id"), BASE "/oparl/v1/agendaitems/dmk-2024-1-top6");
    assert_null(json_object_get(top6, "meeting")); /* embedded: no way back */
    assert_string_equal(str(json_object_get(o, "resultsProtocol"), "accessUrl"),
                        BASE "/api/documents/" NAME004);
    json_decref(o);
    /* a member organisation: one URL, the lower-case one */
    assert_int_equal(oparl_object(f->o, BASE, OPARL_ORGANIZATION, "dmk.de-sn", &o, NULL), KL_OK);
    assert_string_equal(str(o, "name"), "Sachsen");
    assert_string_equal(str(o, "classification"), "Mitglied");
    json_decref(o);
    assert_int_equal(oparl_object(f->o, BASE, OPARL_ORGANIZATION, "dmk.DE-SN", &o, &err),
                     KL_ENOTFOUND);
    free(err);
    err = NULL;
    assert_int_equal(oparl_object(f->o, BASE, OPARL_ORGANIZATION, "dmk.bmdv", &o, NULL), KL_OK);
    assert_string_equal(str(o, "name"), "Bundesministerium für Digitales und Verkehr");
    assert_string_equal(str(o, "classification"), "Ständiger Gast");
    json_decref(o);
    /* a membership: on behalf of the Land, in the plenary */
    assert_int_equal(
        oparl_object(f->o, BASE, OPARL_MEMBERSHIP, "dmk-2024-1.martina-klement", &o, NULL), KL_OK);
    assert_string_equal(str(o, "role"), "Mitglied (Vorsitz)");
    assert_string_equal(str(o, "organization"), BASE "/oparl/v1/organizations/dmk");
    assert_string_equal(str(o, "onBehalfOf"), BASE "/oparl/v1/organizations/dmk.de-be");
    json_decref(o);
    /* ids that are none */
    static const struct {
        oparl_type t;
        const char *id;
    } none[] = {{OPARL_MEETING, "dmk-2099-1"},      {OPARL_BODY, "dmk-2024-1-top6-ag"},
                {OPARL_MEMBERSHIP, "nobody"},       {OPARL_PAPER, "dmk-2024-1-top6"},
                {OPARL_FILE, "none.txt"},           {OPARL_CONSULTATION, "asmk-100-umlauf"},
                {OPARL_LOCATION, "dmk-2024-1-top6"}};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        o = NULL;
        assert_int_equal(oparl_object(f->o, BASE, none[i].t, none[i].id, &o, &err), KL_ENOTFOUND);
        assert_null(o);
        free(err);
        err = NULL;
    }
}

static void test_lists(void **state)
{
    fx *f = *state;
    oparl_filter flt;
    json_t *l = NULL;
    char *err = NULL;
    oparl_filter_init(&flt);
    flt.limit = 4;
    flt.page = 2;
    assert_int_equal(oparl_list(f->o, BASE, OPARL_AGENDAITEM, "dmk", &flt,
                                "/oparl/v1/bodies/dmk/agendaitems", &l, NULL),
                     KL_OK);
    json_t *pg = json_object_get(l, "pagination"), *ln = json_object_get(l, "links");
    assert_int_equal(json_integer_value(json_object_get(pg, "totalElements")), 15);
    assert_int_equal(json_integer_value(json_object_get(pg, "totalPages")), 4);
    assert_int_equal(json_array_size(json_object_get(l, "data")), 4);
    assert_string_equal(str(ln, "first"), BASE "/oparl/v1/bodies/dmk/agendaitems?limit=4");
    assert_string_equal(str(ln, "prev"), BASE "/oparl/v1/bodies/dmk/agendaitems?limit=4");
    assert_string_equal(str(ln, "self"), BASE "/oparl/v1/bodies/dmk/agendaitems?limit=4&page=2");
    assert_string_equal(str(ln, "next"), BASE "/oparl/v1/bodies/dmk/agendaitems?limit=4&page=3");
    json_decref(l);
    flt.page = 5;
    assert_int_equal(oparl_list(f->o, BASE, OPARL_AGENDAITEM, "dmk", &flt, "/x", &l, &err),
                     KL_EINVAL);
    assert_non_null(strstr(err, "page"));
    free(err);
    err = NULL;
    flt.page = 1;
    assert_int_equal(oparl_list(f->o, BASE, OPARL_MEETING, "nope", &flt, "/x", &l, &err),
                     KL_ENOTFOUND);
    free(err);
    /* an empty list has one page */
    assert_int_equal(oparl_filter_set(&flt, "created_until", "2000-01-01T00:00:00Z", NULL), KL_OK);
    assert_int_equal(oparl_list(f->o, BASE, OPARL_MEETING, "dmk", &flt, "/m", &l, NULL), KL_OK);
    assert_int_equal(json_array_size(json_object_get(l, "data")), 0);
    assert_int_equal(
        json_integer_value(json_object_get(json_object_get(l, "pagination"), "totalPages")), 1);
    assert_string_equal(str(json_object_get(l, "links"), "self"),
                        BASE "/m?created_until=2000-01-01T00%3A00%3A00Z&limit=4");
    assert_null(json_object_get(json_object_get(l, "links"), "next"));
    json_decref(l);
}

/* The protocol again without TOP 10: the item is a tombstone that keeps
 * id, type, created, modified, deleted and the order its schema
 * requires; modified_since finds it. */
static void test_tombstone(void **state)
{
    fx *f = *state;
    const char *a = strstr(f->text, " TOP 10"), *b = a ? strstr(a + 1, " TOP 11") : NULL;
    assert_non_null(b);
    sbuf cut = SBUF_INIT;
    sbuf_add(&cut, f->text, (size_t)(a - f->text));
    sbuf_adds(&cut, b);
    sleep(1);
    import(f, cut.s, cut.len);
    json_t *o = NULL;
    assert_int_equal(oparl_object(f->o, BASE, OPARL_AGENDAITEM, "dmk-2024-1-top10", &o, NULL),
                     KL_OK);
    assert_true(json_is_true(json_object_get(o, "deleted")));
    assert_int_equal(json_object_size(o), 6);
    assert_true(json_is_integer(json_object_get(o, "order")));
    assert_true(strcmp(str(o, "modified"), str(o, "created")) > 0);
    oparl_filter flt;
    oparl_filter_init(&flt);
    memcpy(flt.modified_since, str(o, "modified"), 21);
    json_decref(o);
    json_t *l = NULL;
    assert_int_equal(oparl_list(f->o, BASE, OPARL_PAPER, "dmk", &flt, "/p", &l, NULL), KL_OK);
    size_t i, dead = 0;
    json_t *p;
    json_array_foreach(json_object_get(l, "data"), i, p) dead +=
        json_is_true(json_object_get(p, "deleted"));
    assert_int_equal(dead, 4);
    assert_int_equal(json_array_size(json_object_get(l, "data")), 4);
    json_decref(l);
    sbuf_free(&cut);
    import(f, f->text, f->n); /* back for the other tests */
}

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(test_datetime),
        cmocka_unit_test(test_filter),
        cmocka_unit_test(test_local_time),
        cmocka_unit_test(test_host),
    };
    const struct CMUnitTest stored[] = {
        cmocka_unit_test(test_objects),
        cmocka_unit_test(test_lists),
        cmocka_unit_test(test_tombstone),
    };
    int rc = cmocka_run_group_tests(plain, NULL, NULL);
    return rc | cmocka_run_group_tests(stored, setup, teardown);
}
