/* test_conference.c: the conference cycle (src/conference): the chair
 * rotation against every row of the table in seeds/004 TOP 2b, the
 * deviations and their reasons, years after 2040, task extraction from
 * the phrases of the resolutions, stable resolution ids, and an import
 * that a second run leaves unchanged. */
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
#include "core/store.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#define DOC000 "data/documents/000_edafe5ebfc9a010c.txt"
#define DOC001 "data/documents/001_7581a18e988eb4c7.txt"
#define DOC002 "data/documents/002_94e67f4646c14073.txt"
#define DOC004 "data/documents/004_1bee85cc57329fa5.txt"

static char *chair_names(int year)
{
    conf_chair c;
    sbuf b = SBUF_INIT;
    assert_int_equal(conf_chair_for(year, &c, NULL), KL_OK);
    conf_chair_names(&c, &b);
    return sbuf_take(&b);
}

/* The table as printed, row by row. */
static void test_rotation_table(void **state)
{
    (void)state;
    static const char *const want[] = {"Berlin und Brandenburg",
                                       "Rheinland-Pfalz",
                                       "Hamburg",
                                       "Hessen",
                                       "Mecklenburg-Vorpommern",
                                       "Niedersachsen",
                                       "Nordrhein-Westfalen",
                                       "Bremen",
                                       "Saarland",
                                       "Sachsen",
                                       "Sachsen-Anhalt",
                                       "Schleswig-Holstein",
                                       "Thüringen",
                                       "Baden-Württemberg",
                                       "Bayern",
                                       "Berlin",
                                       "Brandenburg"};
    for (int i = 0; i < 17; i++) {
        char *got = chair_names(2024 + i);
        if (strcmp(got, want[i]) != 0)
            fail_msg("%d: %s, expected %s", 2024 + i, got, want[i]);
        free(got);
    }
}

/* The same table read from the protocol's text: every "N. YEAR NAME" row
 * between "# Jahr Vorsitzland" and point 3. */
static void test_rotation_matches_text(void **state)
{
    (void)state;
    size_t n;
    char *t = test_slurp(DOC004, &n);
    assert_non_null(t);
    char *p = strstr(t, "# Jahr Vorsitzland");
    char *end = strstr(t, "3. Abweichungen");
    assert_non_null(p);
    assert_non_null(end);
    int rows = 0;
    for (char *line = strchr(p, '\n'); line && line < end; line = strchr(line + 1, '\n')) {
        int num, year, off = 0;
        if (line[1] < '0' || line[1] > '9' ||
            sscanf(line + 1, "%d. %d %n", &num, &year, &off) != 2 || off == 0)
            continue;
        char *nl = strchr(line + 1 + off, '\n');
        char *name = xstrndup(line + 1 + off, (size_t)(nl - line - 1 - off));
        size_t l = strlen(name);
        while (l && name[l - 1] == ' ')
            name[--l] = '\0';
        char *got = chair_names(year);
        if (strcmp(got, name) != 0)
            fail_msg("row %d (%d): text says %s, computed %s", num, year, name, got);
        assert_int_equal(num, year - 2023);
        free(got);
        free(name);
        rows++;
    }
    assert_int_equal(rows, 17);
    free(t);
}

static void test_rotation_rules(void **state)
{
    (void)state;
    conf_chair c;
    assert_int_equal(conf_chair_for(2024, &c, NULL), KL_OK);
    assert_int_equal(c.rule, CONF_RULE_JOINT);
    assert_string_equal(c.land[0]->code, "DE-BE");
    assert_string_equal(c.land[1]->code, "DE-BB");
    assert_non_null(strstr(c.reason, "gemeinsamer Vorsitz"));
    assert_int_equal(conf_chair_for(2025, &c, NULL), KL_OK);
    assert_int_equal(c.rule, CONF_RULE_EXCHANGE);
    assert_non_null(strstr(c.reason, "23. Juni 2023"));
    assert_int_equal(conf_chair_for(2031, &c, NULL), KL_OK);
    assert_int_equal(c.rule, CONF_RULE_EXCHANGE);
    assert_string_equal(c.land[0]->code, "DE-HB");
    assert_int_equal(conf_chair_for(2026, &c, NULL), KL_OK);
    assert_int_equal(c.rule, CONF_RULE_BASE);
    assert_string_equal(c.rule_name, "base");
    /* after 2040 the order goes on: Bremen, Hamburg, ..., and every 16 years again */
    static const char *const after[] = {"Bremen",          "Hamburg",
                                        "Hessen",          "Mecklenburg-Vorpommern",
                                        "Niedersachsen",   "Nordrhein-Westfalen",
                                        "Rheinland-Pfalz", "Saarland"};
    for (int i = 0; i < 8; i++) {
        char *got = chair_names(2041 + i);
        assert_string_equal(got, after[i]);
        free(got);
    }
    for (int y = 2041; y < 2300; y++) {
        conf_chair a, b;
        conf_chair_for(y, &a, NULL);
        conf_chair_for(y + 16, &b, NULL);
        assert_int_equal(a.rule, CONF_RULE_BASE);
        assert_ptr_equal(a.land[0], b.land[0]);
        assert_null(a.land[1]);
    }
    /* the D16 before: the rule of 24 September 2020, the chair where known */
    assert_int_equal(conf_chair_for(2020, &c, NULL), KL_OK);
    assert_string_equal(c.body, "d16");
    assert_string_equal(c.land[0]->code, "DE-BY");
    assert_non_null(strstr(c.meetings, "eines virtuell und eines vor Ort"));
    assert_int_equal(conf_chair_for(2022, &c, NULL), KL_OK);
    assert_int_equal(c.rule, CONF_RULE_UNKNOWN);
    assert_null(c.land[0]);
    assert_non_null(strstr(c.meetings, "Sondersitzungen"));
    char *err = NULL;
    assert_int_equal(conf_chair_for(2018, &c, &err), KL_EINVAL);
    assert_non_null(err);
    free(err);
    assert_int_equal(conf_chair_for(2024, &c, NULL), KL_OK);
    json_t *j = conf_chair_json(&c);
    assert_string_equal(json_string_value(json_object_get(j, "rule")), "joint");
    assert_int_equal(json_array_size(json_object_get(j, "chair")), 2);
    assert_string_equal(json_string_value(json_object_get(j, "meetings_rule")), "dmk");
    assert_true(json_is_null(json_object_get(j, "other_year")));
    json_decref(j);
    /* an exchange names the year it was swapped with, both ways */
    assert_int_equal(conf_chair_for(2025, &c, NULL), KL_OK);
    assert_int_equal(c.other_year, 2031);
    assert_int_equal(conf_chair_for(2031, &c, NULL), KL_OK);
    assert_int_equal(c.other_year, 2025);
    assert_int_equal(conf_chair_for(2019, &c, NULL), KL_OK);
    assert_string_equal(c.meetings_rule, "d16-start");
    assert_int_equal(conf_chair_for(2021, &c, NULL), KL_OK);
    assert_string_equal(c.meetings_rule, "d16");
}

static conf_task *find_tasks(const char *s, size_t *n)
{
    conf_task *ts = NULL;
    *n = 0;
    conf_tasks_find(s, strlen(s), 0, &ts, n);
    return ts;
}

static void test_task_phrases(void **state)
{
    (void)state;
    size_t n;
    const char *a = "Der Chef des Bundeskanzleramtes und die Chefin und Chefs der Staats- und "
                    "Senatskanzleien der Länder bitten die Ministerinnen und Minister der für "
                    "KI zuständigen Ressorts von Bund und Ländern, hierzu bei der Besprechung im "
                    "Frühjahr 2020 erneut zu berichten.";
    conf_task *t = find_tasks(a, &n);
    assert_int_equal(n, 1);
    assert_string_equal(t[0].owner, "die Ministerinnen und Minister der für KI zuständigen "
                                    "Ressorts von Bund und Ländern");
    assert_string_equal(t[0].owner_key, "fachministerien");
    assert_string_equal(t[0].due_text, "Besprechung im Frühjahr 2020");
    assert_int_equal(t[0].due_year, 2020);
    assert_string_equal(t[0].due_season, "fruehjahr");
    assert_int_equal(t[0].start, 0);
    assert_int_equal(t[0].end, strlen(a));
    conf_tasks_free(t, n);

    const char *b = "7. Die Ergebnisse der Prüfung durch die eingesetzte Arbeitsgruppe sollen "
                    "der DMK \n\nmöglichst in der nächsten regulären Sitzung im Herbst 2024 "
                    "vorgelegt werden und als Grundlage für das weitere Vorgehen dienen.";
    t = find_tasks(b, &n);
    assert_int_equal(n, 1);
    assert_string_equal(t[0].owner, "die eingesetzte Arbeitsgruppe");
    assert_string_equal(t[0].owner_key, "arbeitsgruppe");
    assert_string_equal(t[0].due_text, "nächste reguläre Sitzung im Herbst 2024");
    assert_string_equal(t[0].due_season, "herbst");
    assert_int_equal(t[0].start, 3); /* after the point number */
    conf_tasks_free(t, n);

    const char *c = "Der DMK-Vorsitz wird zu diesem Zweck ein Schreiben \nmit dem Vorschlag, "
                    "hierzu zeitnah Gespräche aufzunehmen, an den Bund richten.";
    t = find_tasks(c, &n);
    assert_int_equal(n, 1);
    assert_string_equal(t[0].owner, "Der DMK-Vorsitz");
    assert_string_equal(t[0].owner_key, "dmk-vorsitz");
    assert_string_equal(t[0].action, "Schreiben an den Bund richten");
    assert_string_equal(t[0].due_text, "zeitnah");
    conf_tasks_free(t, n);

    /* no addressee, no task */
    t = find_tasks("Die DMK nimmt den Bericht zur Kenntnis. Den Beschluss bitten wir "
                   "dahingehend zu konkretisieren, dass X.",
                   &n);
    assert_int_equal(n, 0);
    conf_tasks_free(t, n);
}

static conf_doc *parse(const char *rel, const char *kind, char **text, size_t *n)
{
    conf_doc *d = NULL;
    *text = test_slurp(rel, n);
    assert_non_null(*text);
    const char *name = strrchr(rel, '/') + 1;
    assert_int_equal(conf_parse(*text, *n, kind, name, NULL, &d, NULL), KL_OK);
    return d;
}

static json_t *by_id(json_t *arr, const char *id)
{
    size_t i;
    json_t *o;
    json_array_foreach(arr, i,
                       o) if (!strcmp(json_string_value(json_object_get(o, "id")), id)) return o;
    return NULL;
}

static void test_protocol(void **state)
{
    (void)state;
    char *t;
    size_t n;
    conf_doc *d = parse(DOC004, "protocol", &t, &n);
    json_t *j = conf_doc_json(d);
    json_t *m = by_id(json_object_get(j, "meetings"), "dmk-2024-1");
    assert_non_null(m);
    assert_string_equal(json_string_value(json_object_get(m, "start_time")), "09:02");
    assert_string_equal(json_string_value(json_object_get(m, "end_time")), "12:58");
    assert_string_equal(json_string_value(json_object_get(m, "chair")), "DE-BE,DE-BB");
    assert_non_null(strstr(json_string_value(json_object_get(m, "place")), "Potsdam"));
    json_t *next = by_id(json_object_get(j, "meetings"), "dmk-2024-2");
    assert_string_equal(json_string_value(json_object_get(next, "planned")), "Herbst 2024");
    /* 15 agenda items: TOP 0..12 with 2a and 2b */
    assert_int_equal(json_array_size(json_object_get(j, "agenda")), 15);
    json_t *top5 = by_id(json_object_get(j, "agenda"), "dmk-2024-1-top5");
    assert_int_equal(json_array_size(json_object_get(top5, "submitters")), 2);
    /* stable ids: body-year-meeting-top-point */
    json_t *res = json_object_get(j, "resolutions");
    json_t *r = by_id(res, "dmk-2024-1-top5-2");
    assert_non_null(r);
    assert_int_equal(
        strncmp(json_string_value(json_object_get(r, "text")), "Mit Bund und Kommunen", 21), 0);
    assert_non_null(by_id(res, "dmk-2024-1-top2b-3"));
    assert_null(by_id(res, "dmk-2024-1-top2b-4")); /* table rows are no points */
    assert_non_null(by_id(res, "dmk-2024-1-top6-7"));
    json_t *u = by_id(res, "asmk-100-umlauf");
    assert_true(json_is_true(json_object_get(u, "written")));
    /* the source span of a point is its text */
    json_int_t s = json_integer_value(json_object_get(r, "start"));
    assert_memory_equal(t + s, "2. Mit Bund", 11);
    /* the working group became a body, owner of the task of point 7 */
    json_t *ag = by_id(json_object_get(j, "bodies"), "dmk-2024-1-top6-ag");
    assert_string_equal(json_string_value(json_object_get(ag, "lead")), "DE-SN");
    json_t *task = by_id(json_object_get(j, "tasks"), "dmk-2024-1-top6-7-t1");
    assert_string_equal(json_string_value(json_object_get(task, "owner_body")),
                        "dmk-2024-1-top6-ag");
    assert_string_equal(json_string_value(json_object_get(task, "due_meeting")), "dmk-2024-2");
    task = by_id(json_object_get(j, "tasks"), "dmk-2024-1-top6-4-t1");
    assert_string_equal(json_string_value(json_object_get(task, "action")),
                        "Schreiben an den Bund richten");
    /* ... and an entry of the registry: a Gremium of Sachsen, sourced to
     * the point that set it up, linked from the body */
    entry **es;
    size_t ne;
    geo *g;
    assert_int_equal(geo_open_builtin(&g, NULL), KL_OK);
    assert_int_equal(conf_entries(d, g, "published", &es, &ne, NULL), KL_OK);
    assert_int_equal(ne, 1);
    assert_string_equal(entry_kind(es[0]), "body");
    assert_string_equal(entry_land(es[0]), "DE-SN");
    assert_string_equal(entry_status(es[0]), "published");
    assert_string_equal(json_string_value(json_object_get(ag, "entry")), entry_id(es[0]));
    json_t *src = json_object_get(entry_json(es[0]), "source");
    assert_memory_equal(t + json_integer_value(json_object_get(src, "start")), "Die DMK richtet",
                        15);
    entry_free(es[0]);
    free(es);
    geo_free(g);
    json_t *an = by_id(json_object_get(j, "annexes"), "dmk-2024-1-anlage6");
    assert_string_equal(json_string_value(json_object_get(an, "agenda")), "dmk-2024-1-top11");
    /* 16 members in the order of the Länder, two chairs */
    size_t i, chairs = 0, members = 0;
    json_t *a;
    json_array_foreach(json_object_get(j, "attendance"), i, a)
    {
        members += !strcmp(json_string_value(json_object_get(a, "role")), "member");
        chairs += json_is_true(json_object_get(a, "chair"));
    }
    assert_int_equal(members, 16);
    assert_int_equal(chairs, 2);
    conf_doc_free(d);
    free(t);
}

/* attendee: the attendance fact of person id in j, or NULL. */
static json_t *attendee(json_t *j, const char *id)
{
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(j, "attendance"), i, a)
    {
        if (!strcmp(json_string_value(json_object_get(a, "person")), id))
            return a;
    }
    return NULL;
}

static const char *att_str(json_t *j, const char *id, const char *key)
{
    json_t *a = attendee(j, id);
    assert_non_null(a);
    return json_string_value(json_object_get(a, key));
}

/* "Weitere Anwesende" of 004: 28 further attendees; the delegations are in
 * the order of the Länder with one Land missing, and the minute-taker of
 * Brandenburg in the fourth group fixes the first four; the rest could be
 * either of two Länder and get none. */
static void test_further_attendees(void **state)
{
    (void)state;
    char *t;
    size_t n;
    conf_doc *d = parse(DOC004, "protocol", &t, &n);
    json_t *j = conf_doc_json(d);
    size_t i, count = 0;
    json_t *a;
    json_array_foreach(json_object_get(j, "attendance"), i, a) count +=
        !strcmp(json_string_value(json_object_get(a, "role")), "attendee");
    assert_int_equal(count, 28);
    assert_string_equal(att_str(j, "stefan-krebs", "land"), "DE-BW");
    assert_string_equal(att_str(j, "delia-pfeiffer-hummelt", "land"), "DE-BY");
    assert_string_equal(att_str(j, "sara-kandziora", "land"), "DE-BE");
    assert_string_equal(att_str(j, "kerstin-fritzsche", "land"), "DE-BB");
    assert_null(att_str(j, "carola-heilemann-jeschke", "land"));
    assert_null(att_str(j, "edgar-prasad", "land"));
    assert_string_equal(att_str(j, "julian-jakob", "org"), "BMDV");
    assert_null(att_str(j, "julian-jakob", "land"));
    assert_string_equal(att_str(j, "michael-amler", "org"), "BSI");
    /* named once as minute-taker: that role stays, no second fact */
    assert_string_equal(att_str(j, "lukas-koegel", "role"), "minutes");
    count = 0;
    json_array_foreach(json_object_get(j, "attendance"), i, a) count +=
        !strcmp(json_string_value(json_object_get(a, "person")), "lukas-koegel");
    assert_int_equal(count, 1);
    /* a name across a line break: one name, its span the text */
    json_t *p = by_id(json_object_get(j, "persons"), "frank-hofmann");
    assert_string_equal(json_string_value(json_object_get(p, "name")), "Frank Hofmann");
    a = attendee(j, "sabine-dannelke");
    json_int_t s = json_integer_value(json_object_get(a, "start"));
    json_int_t e = json_integer_value(json_object_get(a, "end"));
    assert_memory_equal(t + s, "Sabine \nDannelke", (size_t)(e - s));
    p = by_id(json_object_get(j, "persons"), "daniela-ochmann");
    assert_string_equal(json_string_value(json_object_get(p, "name")), "Dr. Daniela Ochmann");
    conf_doc_free(d);
    free(t);
}

/* The Land of a delegation, on made-up lists: certain with one group per
 * Land, or when an anchor forces the position; a lone abbreviation of a
 * Land is layout, not a label; an anchor against the order is ignored. */
static void test_attendee_lands(void **state)
{
    (void)state;
    static const struct {
        const char *minutes; /* the minute-taker's Land, or "" */
        int groups;          /* delegations, Person1 .. PersonN */
        int anchor;          /* the group the minute-taker is in, or -1 */
        const char *want[3]; /* Land of Person1, Person2, PersonN; "" none */
    } cases[] = {
        {"", 16, -1, {"DE-BW", "DE-BY", "DE-TH"}},
        {"", 15, -1, {"", "", ""}},
        {"BY", 15, 0, {"DE-BY", "DE-BE", "DE-TH"}}, /* BW sent nobody */
        {"BB", 15, 3, {"DE-BW", "DE-BY", ""}},      /* as in 004 */
        {"TH", 15, 14, {"", "", "DE-TH"}},          /* the gap may be anywhere */
        {"BW", 15, 5, {"", "", ""}},                /* against the order: ignored */
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        sbuf b = SBUF_INIT;
        if (*cases[c].minutes)
            sbuf_addf(&b, "Protokoll Maria Muster (%s)\n\n", cases[c].minutes);
        sbuf_adds(&b, "Weitere \nAnwesende \n BE \n");
        for (int g = 1; g <= cases[c].groups; g++)
            sbuf_addf(&b, "%sPerson%d Nachname%s\n\n",
                      g - 1 == cases[c].anchor ? "Maria Muster, " : "", g,
                      g == 3 ? ", Zweite \nPerson" : "");
        sbuf_adds(&b, "BMDV Olga Gast\n TOP 1\n\nTitel (BE)\n");
        conf_doc *d = NULL;
        assert_int_equal(conf_parse(b.s, b.len, "protocol", "x.txt", NULL, &d, NULL), KL_OK);
        json_t *j = conf_doc_json(d);
        char id[3][32];
        snprintf(id[0], sizeof id[0], "person1-nachname");
        snprintf(id[1], sizeof id[1], "person2-nachname");
        snprintf(id[2], sizeof id[2], "person%d-nachname", cases[c].groups);
        for (int k = 0; k < 3; k++) {
            const char *got = att_str(j, id[k], "land");
            if (*cases[c].want[k])
                assert_string_equal(got ? got : "(none)", cases[c].want[k]);
            else if (got)
                fail_msg("case %zu: %s has Land %s, expected none", c, id[k], got);
        }
        assert_string_equal(att_str(j, "olga-gast", "org"), "BMDV");
        assert_non_null(attendee(j, "zweite-person"));
        conf_doc_free(d);
        sbuf_free(&b);
    }
}

static void test_resolution_and_press(void **state)
{
    (void)state;
    char *t;
    size_t n;
    conf_doc *d = parse(DOC000, "resolution", &t, &n);
    json_t *j = conf_doc_json(d);
    assert_non_null(by_id(json_object_get(j, "meetings"), "cds-2019-1114"));
    assert_int_equal(json_array_size(json_object_get(j, "resolutions")), 6);
    json_t *task = by_id(json_object_get(j, "tasks"), "cds-2019-1114-6-t1");
    assert_non_null(task);
    assert_string_equal(json_string_value(json_object_get(task, "due_text")),
                        "Besprechung im Frühjahr 2020");
    assert_non_null(by_id(json_object_get(j, "tasks"), "cds-2019-1114-4-t1"));
    conf_doc_free(d);
    free(t);
    d = parse(DOC001, "press-release", &t, &n);
    j = conf_doc_json(d);
    json_t *m = by_id(json_object_get(j, "meetings"), "d16-2020-0924");
    assert_string_equal(json_string_value(json_object_get(m, "mode")), "virtual");
    assert_string_equal(json_string_value(json_object_get(m, "chair")), "DE-BY");
    assert_non_null(by_id(json_object_get(j, "meetings"), "d16-2019-0927"));
    assert_int_equal(json_array_size(json_object_get(j, "resolutions")), 3);
    conf_doc_free(d);
    free(t);
}

/* dump: every conference row, for comparing two imports. */
static char *dump(conf *c)
{
    json_t *m = NULL, *t = NULL, *b = NULL;
    assert_int_equal(conf_meetings(c, &m, NULL), KL_OK);
    assert_int_equal(conf_tasks(c, 0, &t, NULL), KL_OK);
    assert_int_equal(conf_bodies(c, &b, NULL), KL_OK);
    json_t *all = json_pack("{sososo}", "m", m, "t", t, "b", b);
    char *s = json_dumps(all, JSON_SORT_KEYS);
    json_decref(all);
    return s;
}

static void test_import_idempotent(void **state)
{
    (void)state;
    test_conf db;
    test_conf_open(&db, "conf", 0);
    conf *c = db.c;
    static const char *const docs[][2] = {{DOC004, "protocol"},
                                          {DOC000, "resolution"},
                                          {DOC001, "press-release"},
                                          {DOC002, "land-reports"}};
    char *first = NULL;
    for (int round = 0; round < 2; round++) {
        int total = 0;
        for (int k = 0; k < 4; k++)
            total += test_conf_import_file(&db, docs[k][0], docs[k][1]);
        if (round == 0) {
            assert_true(total > 100);
            first = dump(c);
        } else {
            assert_int_equal(total, 0);
            char *second = dump(c);
            assert_string_equal(first, second);
            free(second);
        }
    }
    /* 002 gave the date of the meeting whose annex it is */
    json_t *ms;
    assert_int_equal(conf_meetings(c, &ms, NULL), KL_OK);
    size_t i;
    json_t *m;
    int seen = 0;
    json_array_foreach(ms, i,
                       m) if (!strcmp(json_string_value(json_object_get(m, "id")), "dmk-2024-1"))
    {
        assert_string_equal(json_string_value(json_object_get(m, "date")), "2024-04-19");
        seen = 1;
    }
    assert_true(seen);
    json_decref(ms);
    /* a task's status survives a re-import */
    assert_int_equal(conf_task_set_status(c, "cds-2019-1114-6-t1", "done", NULL), KL_OK);
    assert_int_equal(conf_task_set_status(c, "nope", "done", NULL), KL_ENOTFOUND);
    char *t;
    size_t n;
    int changed;
    conf_doc *d = parse(DOC000, "resolution", &t, &n);
    assert_int_equal(conf_import(c, d, 0, &changed, NULL), KL_OK);
    assert_int_equal(changed, 0);
    conf_doc_free(d);
    free(t);
    json_t *open;
    assert_int_equal(conf_tasks(c, 1, &open, NULL), KL_OK);
    json_array_foreach(open, i, m)
        assert_string_not_equal(json_string_value(json_object_get(m, "id")), "cds-2019-1114-6-t1");
    json_decref(open);
    free(first);
    test_conf_close(&db);
}

/* put_entry: an entry whose source lies in document doc at [start, end),
 * published or draft. */
static void put_entry(store *s, const char *id, const char *doc, int start, int end,
                      const char *status)
{
    char *js = xasprintf("{\"id\": \"%s\", \"title\": \"Probe %s\", \"kind\": \"project\","
                         " \"land\": \"DE-SN\", \"status\": \"%s\", \"source\": {\"document\":"
                         " \"%s\", \"start\": %d, \"end\": %d, \"quote\": \"x\"}}",
                         id, id, status, doc, start, end);
    json_t *j = json_loads(js, 0, NULL);
    entry *e = NULL;
    char *err = NULL;
    int changed = 0;
    free(js);
    assert_non_null(j);
    if (entry_parse(j, NULL, NULL, &e, &err))
        fail_msg("%s", err);
    json_decref(j);
    assert_int_equal(store_put(s, e, "test", NULL, 0, &changed, NULL), KL_OK);
    entry_free(e);
}

static json_t *find_in(json_t *arr, const char *key, const char *value)
{
    size_t i;
    json_t *o;
    json_array_foreach(arr, i, o)
    {
        const char *v = json_string_value(json_object_get(o, key));
        if (v && !strcmp(v, value))
            return o;
    }
    return NULL;
}

/* What a meeting links to: the entries of an annex's file, the entries
 * whose source lies in a resolution point's span (published only when
 * asked), the Umlaufbeschluss noted by a point; and who must act on a
 * task, as Länder. */
static void test_meeting_links(void **state)
{
    (void)state;
    test_conf db;
    test_conf_open(&db, "links", 0);
    store *s = db.s;
    conf *c = db.c;
    static const char *const docs[][2] = {{DOC004, "protocol"}, {DOC002, "land-reports"}};
    for (int k = 0; k < 2; k++)
        test_conf_import_file(&db, docs[k][0], docs[k][1]);
    const char *d2 = strrchr(DOC002, '/') + 1, *d4 = strrchr(DOC004, '/') + 1;
    put_entry(s, "sn-annex-pub", d2, 100, 200, "published");
    put_entry(s, "sn-annex-draft", d2, 300, 400, "draft");
    json_t *ms = NULL;
    assert_int_equal(conf_meetings(c, &ms, NULL), KL_OK);
    json_t *m = find_in(ms, "id", "dmk-2024-1");
    json_t *top6 = find_in(json_object_get(m, "agenda"), "number", "6");
    json_t *top11 = find_in(json_object_get(m, "agenda"), "number", "11");
    assert_non_null(top11);
    /* any status: both entries of the annex's file */
    assert_int_equal(json_array_size(json_object_get(top11, "entries")), 2);
    /* the point of TOP 6 that sets up the working group: its span */
    json_t *p6 = json_array_get(json_object_get(top6, "resolutions"), 5);
    json_int_t from = json_integer_value(json_object_get(json_object_get(p6, "source"), "start"));
    json_decref(ms);
    put_entry(s, "sn-top6", d4, (int)from + 1, (int)from + 20, "published");
    assert_int_equal(conf_meetings_with(c, "published", &ms, NULL), KL_OK);
    m = find_in(ms, "id", "dmk-2024-1");
    top6 = find_in(json_object_get(m, "agenda"), "number", "6");
    top11 = find_in(json_object_get(m, "agenda"), "number", "11");
    json_t *e11 = json_object_get(top11, "entries");
    assert_int_equal(json_array_size(e11), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(e11, 0), "title")),
                        "Probe sn-annex-pub");
    json_t *annex = json_array_get(json_object_get(top11, "annexes"), 0);
    assert_int_equal(json_array_size(json_object_get(annex, "entries")), 1);
    p6 = json_array_get(json_object_get(top6, "resolutions"), 5);
    assert_non_null(find_in(json_object_get(p6, "entries"), "id", "sn-top6"));
    assert_non_null(find_in(json_object_get(top6, "entries"), "id", "sn-top6"));
    /* the other points of TOP 6 do not concern it */
    assert_int_equal(json_array_size(json_object_get(
                         json_array_get(json_object_get(top6, "resolutions"), 0), "entries")),
                     0);
    /* TOP 9, point 1 took note of the ASMK's Umlaufbeschluss */
    json_t *top9 = find_in(json_object_get(m, "agenda"), "number", "9");
    json_t *noted =
        json_object_get(json_array_get(json_object_get(top9, "resolutions"), 0), "noted");
    assert_int_equal(json_array_size(noted), 1);
    assert_true(json_is_true(json_object_get(json_array_get(noted, 0), "written")));
    assert_int_equal(json_array_size(json_object_get(m, "resolutions")), 0);
    json_decref(ms);
    /* who must act */
    json_t *ts = NULL;
    assert_int_equal(conf_tasks(c, 1, &ts, NULL), KL_OK);
    json_t *chair = json_object_get(find_in(ts, "id", "dmk-2024-1-top6-4-t1"), "responsible");
    assert_string_equal(json_string_value(json_object_get(chair, "rule")), "chair");
    assert_int_equal(json_integer_value(json_object_get(chair, "year")), 2024);
    assert_int_equal(json_array_size(json_object_get(chair, "laender")), 2);
    json_t *ag = find_in(ts, "id", "dmk-2024-1-top6-7-t1");
    assert_string_equal(json_string_value(json_object_get(ag, "meeting")), "dmk-2024-1");
    ag = json_object_get(ag, "responsible");
    assert_string_equal(json_string_value(json_object_get(ag, "rule")), "lead");
    assert_string_equal(json_string_value(json_array_get(json_object_get(ag, "laender"), 0)),
                        "DE-SN");
    json_t *all = json_object_get(find_in(ts, "id", "dmk-2024-1-top5-1-t1"), "responsible");
    assert_true(json_is_true(json_object_get(all, "all_laender")));
    assert_true(json_is_false(json_object_get(all, "bund")));
    json_t *bund = json_object_get(find_in(ts, "id", "dmk-2024-1-top8-1-t1"), "responsible");
    assert_true(json_is_true(json_object_get(bund, "bund")));
    assert_true(json_is_false(json_object_get(bund, "all_laender")));
    assert_null(json_object_get(find_in(ts, "id", "dmk-2024-1-top8-1-t1"), "owner_lead"));
    json_decref(ts);
    test_conf_close(&db);
}

/* one_int / one_text: the single value a query yields (text: caller
 * frees; NULL for SQL NULL). */
static long long one_int(test_conf *d, const char *sql)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(store_sqlite(d->s), sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static char *one_text(test_conf *d, const char *sql)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(store_sqlite(d->s), sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    const unsigned char *t = sqlite3_column_text(st, 0);
    char *v = t ? xstrdup((const char *)t) : NULL;
    sqlite3_finalize(st);
    return v;
}

/* without: text with the bytes from the first line starting with `from`
 * up to the first line starting with `to` cut out. Caller frees. */
static char *without(const char *text, size_t *n, const char *from, const char *to)
{
    const char *a = strstr(text, from), *b = a ? strstr(a + 1, to) : NULL;
    assert_non_null(a);
    assert_non_null(b);
    sbuf s = SBUF_INIT;
    sbuf_add(&s, text, (size_t)(a - text));
    sbuf_adds(&s, b);
    *n = s.len;
    return sbuf_take(&s);
}

/* A re-import that no longer yields an object keeps its row as a
 * tombstone (deleted, modified = then); the lists leave it out; yielding
 * it again brings it back; an object another document still yields
 * stays. */
static void test_tombstones(void **state)
{
    (void)state;
    test_conf d;
    test_conf_open(&d, "conf", 0);
    char *t4, *t1;
    size_t n4, n1;
    t4 = test_slurp(DOC004, &n4);
    t1 = test_slurp(DOC001, &n1);
    const char *name4 = strrchr(DOC004, '/') + 1;
    assert_true(test_conf_import(&d, t4, n4, "protocol", name4) > 100);
    assert_true(test_conf_import(&d, t1, n1, "press-release", "001.txt") > 0);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_agenda WHERE deleted IS NOT NULL"), 0);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_agenda WHERE created IS NULL OR"
                                 " modified IS NULL OR modified < created"),
                     0);
    /* the protocol again, without TOP 10: its item, its four points and
     * the task of point 4 become tombstones; TOP 11 and 12 move up one
     * place (ord); nothing else changes */
    size_t n;
    char *cut = without(t4, &n, " TOP 10", " TOP 11");
    sleep(1); /* a new second: modified tells the re-import apart */
    int changed = test_conf_import(&d, cut, n, "protocol", name4);
    assert_int_equal(changed, 1 + 4 + 1 + 2);
    assert_int_equal(one_int(&d, "SELECT ord FROM conf_agenda WHERE id = 'dmk-2024-1-top11'"), 12);
    assert_int_equal(
        one_int(&d, "SELECT count(*) FROM conf_agenda WHERE id = 'dmk-2024-1-top10'"
                    " AND deleted IS NOT NULL AND deleted = modified AND modified > created"
                    " AND title LIKE 'Länderabfrage%'"),
        1);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_resolution WHERE deleted IS NOT NULL"
                                 " AND id LIKE 'dmk-2024-1-top10-%' AND text IS NOT NULL"),
                     4);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_task WHERE deleted IS NOT NULL"), 1);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_agenda WHERE deleted IS NOT NULL"), 1);
    json_t *ms;
    assert_int_equal(conf_meetings(d.c, &ms, NULL), KL_OK);
    char *dumped = json_dumps(ms, 0);
    assert_null(strstr(dumped, "dmk-2024-1-top10"));
    assert_non_null(strstr(dumped, "dmk-2024-1-top11"));
    free(dumped);
    json_decref(ms);
    /* the same cut text once more: nothing to do */
    assert_int_equal(test_conf_import(&d, cut, n, "protocol", name4), 0);
    /* the whole protocol again: the tombstones come back */
    sleep(1);
    assert_int_equal(test_conf_import(&d, t4, n4, "protocol", name4), 6 + 2);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_agenda WHERE id = 'dmk-2024-1-top10'"
                                 " AND deleted IS NULL AND modified > created"),
                     1);
    /* 004 read as a document of no known kind yields nothing: what only
     * 004 gave is buried, the D16 that 001 also names stays */
    assert_true(test_conf_import(&d, t4, n4, "unknown", name4) > 100);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_agenda WHERE deleted IS NULL"), 0);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_body WHERE id = 'dmk'"
                                 " AND deleted IS NOT NULL"),
                     1);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_body WHERE id = 'd16'"
                                 " AND deleted IS NULL"),
                     1);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_meeting WHERE id = 'dmk-2024-1'"), 1);
    free(cut);
    free(t4);
    free(t1);
    test_conf_close(&d);
}

/* The v4 columns of the conference tables, as that program wrote them
 * (before migration 5 added entry to conf_body). */
static const char *const v4_tables[][3] = {
    {"conf_body", "bodies", "id,name,kind,parent,successor,lead,resolution,document,start,end"},
    {"conf_member", "members", "body,member,role"},
    {"conf_person", "persons", "id,name,title,org"},
    {"conf_meeting", "meetings",
     "id,body,number,year,date,planned,start_time,end_time,place,chair,chair_person,mode,"
     "document,start,end"},
    {"conf_attendance", "attendance", "meeting,person,role,land,org,chair,document,start,end"},
    {"conf_agenda", "agenda",
     "id,meeting,number,ord,parent,title,submitters,guests,result,document,start,end"},
    {"conf_resolution", "resolutions",
     "id,body,meeting,agenda,point,written,noted_by,text,document,start,end"},
    {"conf_annex", "annexes", "id,meeting,agenda,number,title,file"},
    {"conf_task", "tasks",
     "id,resolution,owner,owner_key,owner_body,action,due_text,due_year,due_season,"
     "due_meeting,quote,document,start,end"},
};

/* v4_write: the facts of a document and the document row into a
 * version-4 file with plain SQL, as version 4 stored them (first fact
 * of a key wins). */
static void v4_write(sqlite3 *raw, const char *rel, const char *kind, const char *when)
{
    char *text;
    size_t n;
    conf_doc *d = parse(rel, kind, &text, &n);
    json_t *j = conf_doc_json(d);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(raw,
                                        "INSERT INTO document(name, sha256, kind, title,"
                                        " imported_at, text) VALUES (?1, ?1, ?2, 'T', ?3, ?4)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, strrchr(rel, '/') + 1, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, when, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, text, (int)n, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    for (size_t t = 0; t < sizeof v4_tables / sizeof v4_tables[0]; t++) {
        size_t ncol = 1, i;
        for (const char *c = v4_tables[t][2]; *c; c++)
            ncol += *c == ',';
        sbuf q = SBUF_INIT;
        sbuf_addf(&q, "INSERT OR IGNORE INTO %s(%s) VALUES (", v4_tables[t][0], v4_tables[t][2]);
        for (i = 0; i < ncol; i++)
            sbuf_addf(&q, "%s?", i ? "," : "");
        sbuf_adds(&q, ")");
        assert_int_equal(sqlite3_prepare_v2(raw, sbuf_cstr(&q), -1, &st, NULL), SQLITE_OK);
        sbuf_free(&q);
        json_t *o;
        json_array_foreach(json_object_get(j, v4_tables[t][1]), i, o)
        {
            char *cols = xstrdup(v4_tables[t][2]);
            int k = 1;
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            for (char *sv = NULL, *c = strtok_r(cols, ",", &sv); c; c = strtok_r(NULL, ",", &sv)) {
                json_t *v = json_object_get(o, c);
                if (json_is_string(v))
                    sqlite3_bind_text(st, k, json_string_value(v), -1, SQLITE_TRANSIENT);
                else if (json_is_integer(v))
                    sqlite3_bind_int64(st, k, json_integer_value(v));
                else if (json_is_boolean(v))
                    sqlite3_bind_int(st, k, json_is_true(v));
                else if (json_is_array(v) && json_array_size(v))
                    sqlite3_bind_text(st, k, json_string_value(json_array_get(v, 0)), -1,
                                      SQLITE_TRANSIENT);
                k++;
            }
            free(cols);
            assert_int_equal(sqlite3_step(st), SQLITE_DONE);
        }
        sqlite3_finalize(st);
    }
    conf_doc_free(d);
    free(text);
}

/* Migration 5 on a version-4 file holding the conference data of two
 * documents: nothing is lost, every row gets created and modified (its
 * document's import time) and is credited to both documents; re-importing
 * one document buries nothing the other may still give. */
static void test_migrate_v4(void **state)
{
    (void)state;
    test_conf d;
    test_conf_open(&d, "conf", 4);
    assert_int_equal(store_schema_version(d.s), 4);
    sqlite3 *raw = store_sqlite(d.s);
    v4_write(raw, DOC004, "protocol", "2025-01-02T03:04:05Z");
    v4_write(raw, DOC000, "resolution", "2025-01-03T00:00:00Z");
    long long before[9];
    static const char *const counts[] = {
        "SELECT count(*) FROM conf_body",       "SELECT count(*) FROM conf_member",
        "SELECT count(*) FROM conf_person",     "SELECT count(*) FROM conf_meeting",
        "SELECT count(*) FROM conf_attendance", "SELECT count(*) FROM conf_agenda",
        "SELECT count(*) FROM conf_resolution", "SELECT count(*) FROM conf_annex",
        "SELECT count(*) FROM conf_task"};
    for (int i = 0; i < 9; i++) {
        before[i] = one_int(&d, counts[i]);
        assert_true(before[i] > 0);
    }
    store_close(d.s);
    /* today's program opens it: migration 5 */
    assert_int_equal(store_open(d.path, d.g, 0, &d.s, NULL), KL_OK);
    assert_int_equal(store_schema_version(d.s), STORE_SCHEMA_VERSION);
    for (int i = 0; i < 9; i++)
        assert_int_equal(one_int(&d, counts[i]), before[i]);
    char *c = one_text(&d, "SELECT created FROM conf_agenda WHERE id = 'dmk-2024-1-top6'");
    assert_string_equal(c, "2025-01-02T03:04:05Z");
    free(c);
    c = one_text(&d, "SELECT modified FROM conf_resolution WHERE id = 'cds-2019-1114-6'");
    assert_string_equal(c, "2025-01-03T00:00:00Z");
    free(c);
    c = one_text(&d, "SELECT created FROM document WHERE name = '000_edafe5ebfc9a010c.txt'");
    assert_string_equal(c, "2025-01-03T00:00:00Z");
    free(c);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_member WHERE created IS NULL"
                                 " OR modified IS NULL OR deleted IS NOT NULL"),
                     0);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_yield WHERE tbl = 'conf_task'"),
                     2 * before[8]);
    /* 004 again: the same facts, nothing buried, created kept */
    assert_int_equal(conf_open(d.s, &d.c, NULL), KL_OK);
    char *t4;
    size_t n4;
    t4 = test_slurp(DOC004, &n4);
    test_conf_import(&d, t4, n4, "protocol", strrchr(DOC004, '/') + 1);
    for (int i = 0; i < 9; i++)
        assert_int_equal(one_int(&d, counts[i]), before[i]);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_agenda WHERE deleted IS NOT NULL"), 0);
    c = one_text(&d, "SELECT created FROM conf_agenda WHERE id = 'dmk-2024-1-top6'");
    assert_string_equal(c, "2025-01-02T03:04:05Z");
    free(c);
    /* 004 as a document that yields nothing: its rows are still credited
     * to 000 (a version-4 file does not know better), so none is buried */
    test_conf_import(&d, t4, n4, "unknown", strrchr(DOC004, '/') + 1);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_agenda WHERE deleted IS NOT NULL"), 0);
    /* once 000 is imported again, what neither yields is buried; 000's
     * own resolution stays */
    char *t0;
    size_t n0;
    t0 = test_slurp(DOC000, &n0);
    test_conf_import(&d, t0, n0, "resolution", strrchr(DOC000, '/') + 1);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_agenda WHERE deleted IS NULL"), 1);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_resolution WHERE deleted IS NULL"
                                 " AND id = 'cds-2019-1114-6'"),
                     1);
    assert_int_equal(one_int(&d, "SELECT count(*) FROM conf_resolution WHERE deleted IS NOT NULL"
                                 " AND id = 'dmk-2024-1-top6-6' AND text IS NOT NULL"),
                     1);
    free(t0);
    free(t4);
    test_conf_close(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rotation_table),    cmocka_unit_test(test_rotation_matches_text),
        cmocka_unit_test(test_rotation_rules),    cmocka_unit_test(test_task_phrases),
        cmocka_unit_test(test_protocol),          cmocka_unit_test(test_resolution_and_press),
        cmocka_unit_test(test_import_idempotent), cmocka_unit_test(test_meeting_links),
        cmocka_unit_test(test_tombstones),        cmocka_unit_test(test_migrate_v4),
        cmocka_unit_test(test_further_attendees), cmocka_unit_test(test_attendee_lands),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
