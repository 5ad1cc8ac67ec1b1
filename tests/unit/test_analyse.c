/* test_analyse.c: similarity, links and comparison (src/analyse) on a real
 * temporary SQLite store filled with entries written for each case. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyse/analyse.h"
#include "analyse/analyse_int.h"
#include "util/err.h"

typedef struct fixture {
    char path[64];
    geo *g;
    store *s;
} fixture;

static const char *const entries[] = {
    "{\"id\": \"by-lab\", \"title\": \"KI-Reallabor für die KI-Verordnung\", \"kind\": "
    "\"project\", \"land\": \"BY\", \"fields\": [\"verwaltung\", \"ordnungsrahmen\"],"
    " \"target_groups\": [\"verwaltung\"], \"summary\": \"Ein Reallabor erprobt die "
    "KI-Verordnung in der Verwaltung mit Sandboxen.\"}",
    "{\"id\": \"by-lab2\", \"title\": \"Zweites Reallabor KI-Verordnung\", \"kind\": "
    "\"project\", \"land\": \"BY\", \"fields\": [\"verwaltung\"], \"summary\": \"Reallabor "
    "für die KI-Verordnung.\"}",
    "{\"id\": \"he-lab\", \"title\": \"Reallabore zur KI-Verordnung\", \"kind\": \"project\","
    " \"land\": \"HE\", \"fields\": [\"verwaltung\"], \"target_groups\": [\"verwaltung\"],"
    " \"summary\": \"Hessen richtet Reallabore ein, um die KI-Verordnung zu erproben.\"}",
    "{\"id\": \"nw-lab\", \"title\": \"Reallabor Verwaltung\", \"kind\": \"programme\","
    " \"land\": \"NW\", \"fields\": [\"verwaltung\"], \"summary\": \"Reallabor für die "
    "KI-Verordnung in Kommunen.\", \"seeks_partners\": true}",
    "{\"id\": \"sn-lab\", \"title\": \"Reallabor Verwaltung\", \"kind\": \"programme\","
    " \"land\": \"SN\", \"fields\": [\"verwaltung\"], \"summary\": \"Reallabor für die "
    "KI-Verordnung in Kommunen.\"}",
    "{\"id\": \"th-prof\", \"title\": \"Stiftungsprofessuren Robotik\", \"kind\": "
    "\"programme\", \"land\": \"TH\", \"fields\": [\"forschung\"], \"summary\": \"Zehn "
    "Professuren für Robotik.\", \"amounts\": [{\"eur\": 5000000, \"from\": 2021, \"to\": "
    "2025}, {\"eur\": 1000000, \"per_year\": true, \"from\": 2024}], \"counts\": [{\"n\": 10,"
    " \"of\": \"Professuren\"}]}",
    "{\"id\": \"th-prof2\", \"title\": \"Professuren Daten\", \"kind\": \"programme\","
    " \"land\": \"TH\", \"fields\": [\"forschung\"], \"amounts\": [{\"eur\": 3000000, "
    "\"from\": 2019, \"to\": 2020}]}",
    NULL};

/* put: store the entry given as JSON text through s. 0 or -1. */
static int put(store *s, const geo *g, const char *text)
{
    json_t *j = json_loads(text, 0, NULL);
    entry *e = NULL;
    char *err = NULL;
    int changed, rc = -1;
    if (j && entry_parse(j, g, NULL, &e, &err) == KL_OK &&
        store_put(s, e, "test", NULL, 0, &changed, &err) == KL_OK)
        rc = 0;
    else
        fprintf(stderr, "put: %s\n", err ? err : "bad JSON");
    free(err);
    entry_free(e);
    json_decref(j);
    return rc;
}

/* open_with: a fresh store named after the process and name, with the
 * entries of list. */
static fixture *open_with(const char *name, const char *const *list)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->path, sizeof f->path, "/tmp/kl-test-%s-%d.db", name, (int)getpid());
    remove(f->path);
    if (geo_open_builtin(&f->g, NULL) || store_open(f->path, f->g, 0, &f->s, NULL))
        return NULL;
    for (const char *const *p = list; *p; p++)
        if (put(f->s, f->g, *p))
            return NULL;
    return f;
}

/* open_fixture: open_with the entries above. */
static fixture *open_fixture(const char *name)
{
    return open_with(name, entries);
}

static void close_fixture(fixture *f)
{
    store_close(f->s);
    geo_free(f->g);
    remove(f->path);
    char wal[80];
    snprintf(wal, sizeof wal, "%s-wal", f->path);
    remove(wal);
    snprintf(wal, sizeof wal, "%s-shm", f->path);
    remove(wal);
    free(f);
}

static int setup(void **state)
{
    *state = open_fixture("analyse");
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    close_fixture(*state);
    return 0;
}

static const json_t *item_of(const json_t *items, const char *id)
{
    size_t i;
    json_t *v;
    json_array_foreach(items, i, v) if (strcmp(json_string_value(json_object_get(v, "id")), id) ==
                                        0) return v;
    return NULL;
}

/* Shared terms, same field, another Land: suggested with the reason. */
static void test_similar_reason(void **state)
{
    fixture *f = *state;
    json_t *res;
    assert_int_equal(analyse_similar(f->s, "by-lab", 5, NULL, &res, NULL), KL_OK);
    json_t *items = json_object_get(res, "items");
    const json_t *he = item_of(items, "he-lab");
    assert_non_null(he);
    const char *why = json_string_value(json_object_get(he, "reason"));
    assert_non_null(strstr(why, "Gemeinsame Begriffe: "));
    assert_non_null(strstr(why, "Reallabor"));
    assert_non_null(strstr(why, "gleiches Handlungsfeld: Hoheitliche Aufgaben und Verwaltung"));
    assert_non_null(strstr(why, "gleiche Art: Projekt"));
    assert_true(json_number_value(json_object_get(he, "score")) > 0.3);
    /* Scores never rise down the list. */
    size_t i;
    json_t *v;
    double last = 2;
    json_array_foreach(items, i, v)
    {
        double s = json_number_value(json_object_get(v, "score"));
        assert_true(s <= last);
        last = s;
    }
    json_decref(res);
}

/* Never the same Land: the second Bavarian lab is not suggested. */
static void test_similar_other_land_only(void **state)
{
    fixture *f = *state;
    json_t *res;
    assert_int_equal(analyse_similar(f->s, "by-lab", 10, NULL, &res, NULL), KL_OK);
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(res, "items"), i, v)
        assert_string_not_equal(json_string_value(json_object_get(v, "land")), "DE-BY");
    assert_null(item_of(json_object_get(res, "items"), "by-lab2"));
    json_decref(res);
    char *err = NULL;
    assert_int_equal(analyse_similar(f->s, "xx-none", 3, NULL, &res, &err), KL_ENOTFOUND);
    assert_null(res);
    free(err);
}

/* nw-lab and sn-lab have the same text; nw-lab seeks partners and ranks
 * above with the bonus, named in the reason. */
static void test_partner_bonus(void **state)
{
    fixture *f = *state;
    json_t *res;
    assert_int_equal(analyse_similar(f->s, "he-lab", 5, NULL, &res, NULL), KL_OK);
    json_t *items = json_object_get(res, "items");
    const json_t *nw = item_of(items, "nw-lab"), *sn = item_of(items, "sn-lab");
    assert_non_null(nw);
    assert_non_null(sn);
    double d = json_number_value(json_object_get(nw, "score")) -
               json_number_value(json_object_get(sn, "score"));
    assert_true(d > 0.04 && d < 0.06);
    assert_non_null(strstr(json_string_value(json_object_get(nw, "reason")), "sucht Partner"));
    json_decref(res);
    assert_int_equal(analyse_partners(f->s, NULL, &res, NULL), KL_OK);
    assert_int_equal(json_array_size(json_object_get(res, "items")), 1);
    json_decref(res);
}

/* The labs of several Länder form one group, one entry per Land. */
static void test_links_group(void **state)
{
    fixture *f = *state;
    json_t *res;
    assert_int_equal(analyse_links(f->s, 0.2, NULL, &res, NULL), KL_OK);
    json_t *g = json_array_get(json_object_get(res, "groups"), 0);
    assert_non_null(g);
    json_t *laender = json_object_get(g, "laender");
    assert_true(json_array_size(laender) >= 3);
    size_t i, k;
    json_t *a, *b;
    json_array_foreach(laender, i, a) json_array_foreach(laender, k, b) if (i != k)
        assert_string_not_equal(json_string_value(a), json_string_value(b));
    assert_non_null(strstr(json_string_value(json_object_get(g, "label")), "Reallabor"));
    json_decref(res);
}

static const json_t *row_of(const json_t *cmp, const char *land)
{
    size_t i;
    json_t *r;
    json_array_foreach(json_object_get(cmp, "rows"), i,
                       r) if (strcmp(json_string_value(json_object_get(r, "land")), land) ==
                              0) return r;
    return NULL;
}

/* Amounts of different periods and per-year budgets stay apart. */
static void test_compare_no_sums(void **state)
{
    fixture *f = *state;
    json_t *cmp;
    assert_int_equal(analyse_compare(f->s, "kind", NULL, &cmp, NULL), KL_OK);
    const json_t *th = row_of(cmp, "DE-TH");
    const json_t *fund = json_object_get(th, "funding");
    json_t *totals = json_object_get(fund, "totals"), *py = json_object_get(fund, "per_year");
    assert_int_equal(json_array_size(totals), 2);
    assert_int_equal(json_array_size(py), 1);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(py, 0), "eur")), 1000000);
    char *table = analyse_compare_table(cmp);
    assert_null(strstr(table, "8.000.000")); /* 5 + 3 million never appear as one */
    assert_null(strstr(table, "9.000.000"));
    assert_non_null(strstr(table, "5.000.000 € (2021–2025)"));
    assert_non_null(strstr(table, "pro Jahr 1.000.000 € (ab 2024)"));
    free(table);
    assert_int_equal(
        json_integer_value(json_object_get(json_object_get(th, "by_kind"), "programme")), 2);
    assert_int_equal(json_array_size(json_object_get(th, "counts")), 1);
    char *csv = analyse_compare_csv(cmp);
    assert_memory_equal(csv, "\xEF\xBB\xBFLand;Code;Zentrum;", 21);
    assert_non_null(strstr(csv, "Thüringen;DE-TH;0;2;0;"));
    free(csv);
    json_decref(cmp);
    char *err = NULL;
    assert_int_equal(analyse_compare(f->s, "colour", NULL, &cmp, &err), KL_EINVAL);
    free(err);
}

/* Coverage: the gaps of each Land and the fields nobody reports. */
static void test_coverage_gaps(void **state)
{
    fixture *f = *state;
    json_t *cmp;
    assert_int_equal(analyse_compare(f->s, NULL, NULL, &cmp, NULL), KL_OK);
    json_t *cov = json_object_get(cmp, "coverage");
    json_t *nobody = json_object_get(cov, "nobody");
    size_t i;
    json_t *v, *r;
    int standards = 0, verwaltung = 0;
    json_array_foreach(nobody, i, v)
    {
        standards |= strcmp(json_string_value(v), "standards") == 0;
        verwaltung |= strcmp(json_string_value(v), "verwaltung") == 0;
    }
    assert_true(standards && !verwaltung);
    json_array_foreach(json_object_get(cov, "rows"), i, r)
    {
        if (strcmp(json_string_value(json_object_get(r, "land")), "DE-TH") != 0)
            continue;
        json_t *gaps = json_object_get(r, "gaps");
        assert_int_equal(json_array_size(gaps), 11); /* all but forschung */
        assert_int_equal(json_integer_value(json_array_get(json_object_get(r, "cells"), 0)), 2);
    }
    char *table = analyse_compare_table(cmp);
    assert_non_null(strstr(table, "Mecklenburg-Vorpommern"));
    assert_non_null(strstr(table, "Handlungsfelder, die kein Land berichtet:"));
    free(table);
    json_decref(cmp);
}

/* similar_has: whether analyse_ctx_similar for id lists other. */
static int similar_has(analyse_ctx *a, store *s, const char *id, const char *status,
                       const char *other)
{
    json_t *res = NULL;
    assert_int_equal(analyse_ctx_similar(a, s, id, 10, status, &res, NULL), KL_OK);
    int has = item_of(json_object_get(res, "items"), other) != NULL;
    json_decref(res);
    return has;
}

/* The context keeps the corpus while nothing changed, and builds it again
 * after a write through the same store (its own writes: data_version does
 * not see them) and after a commit of another connection (data_version). */
static void test_ctx_cache(void **state)
{
    (void)state;
    fixture *f = open_fixture("analyse-ctx");
    assert_non_null(f);
    analyse_ctx *a = analyse_ctx_new();
    json_t *one = NULL, *two = NULL, *links = NULL;
    assert_int_equal(analyse_ctx_builds(a), 0);
    assert_int_equal(analyse_ctx_similar(a, f->s, "by-lab", 5, NULL, &one, NULL), KL_OK);
    assert_int_equal(analyse_ctx_builds(a), 1);
    assert_int_equal(analyse_ctx_similar(a, f->s, "by-lab", 5, NULL, &two, NULL), KL_OK);
    assert_int_equal(analyse_ctx_builds(a), 1);
    assert_true(json_equal(one, two));
    /* The same answer as without a context. */
    json_decref(two);
    assert_int_equal(analyse_similar(f->s, "by-lab", 5, NULL, &two, NULL), KL_OK);
    assert_true(json_equal(one, two));
    json_decref(one);
    json_decref(two);
    assert_int_equal(analyse_ctx_links(a, f->s, 0.2, NULL, &links, NULL), KL_OK);
    assert_int_equal(analyse_ctx_builds(a), 1);
    /* The kept links answer is a copy: changing one answer changes no
     * other. */
    json_object_set_new(links, "groups", json_array());
    json_decref(links);
    assert_int_equal(analyse_ctx_links(a, f->s, 0.2, NULL, &links, NULL), KL_OK);
    assert_int_equal(analyse_links(f->s, 0.2, NULL, &two, NULL), KL_OK);
    assert_true(json_equal(links, two));
    assert_true(json_array_size(json_object_get(links, "groups")) > 0);
    json_decref(links);
    json_decref(two);

    /* Another status filter is a corpus of its own; both are kept. Nothing
     * is published yet. */
    char *err = NULL;
    assert_int_equal(analyse_ctx_similar(a, f->s, "by-lab", 5, "published", &one, &err),
                     KL_ENOTFOUND);
    free(err);
    assert_int_equal(analyse_ctx_builds(a), 2);
    assert_false(similar_has(a, f->s, "by-lab", NULL, "rp-lab"));
    assert_int_equal(analyse_ctx_builds(a), 2);

    /* A write through the same store. */
    assert_int_equal(put(f->s, f->g,
                         "{\"id\": \"rp-lab\", \"title\": \"Reallabor KI-Verordnung\", "
                         "\"kind\": \"project\", \"land\": \"RP\"}"),
                     0);
    assert_true(similar_has(a, f->s, "by-lab", NULL, "rp-lab"));
    assert_int_equal(analyse_ctx_builds(a), 3);
    /* The links answer kept with the old corpus went with it. */
    assert_int_equal(analyse_ctx_links(a, f->s, 0.2, NULL, &links, NULL), KL_OK);
    char *dump = json_dumps(links, 0);
    assert_non_null(strstr(dump, "\"rp-lab\""));
    free(dump);
    json_decref(links);
    assert_true(similar_has(a, f->s, "by-lab", NULL, "rp-lab"));
    assert_int_equal(analyse_ctx_builds(a), 3);

    /* Publishing (a write of another kind) changes the published corpus. */
    assert_int_equal(store_set_status(f->s, "by-lab", "published", "test", NULL), KL_OK);
    assert_int_equal(store_set_status(f->s, "he-lab", "published", "test", NULL), KL_OK);
    assert_true(similar_has(a, f->s, "by-lab", "published", "he-lab"));
    assert_int_equal(analyse_ctx_builds(a), 4);
    assert_true(similar_has(a, f->s, "by-lab", NULL, "rp-lab"));
    assert_int_equal(analyse_ctx_builds(a), 5);

    /* A commit of another connection to the same file. */
    store *other = NULL;
    assert_int_equal(store_open(f->path, f->g, 0, &other, NULL), KL_OK);
    assert_int_equal(put(other, f->g,
                         "{\"id\": \"sh-lab\", \"title\": \"Reallabor KI-Verordnung\", "
                         "\"kind\": \"project\", \"land\": \"SH\"}"),
                     0);
    assert_true(similar_has(a, f->s, "by-lab", NULL, "sh-lab"));
    assert_int_equal(analyse_ctx_builds(a), 6);
    /* ... and one while the other connection stays open. */
    assert_int_equal(store_delete(other, "sh-lab", "test", NULL, NULL), KL_OK);
    assert_false(similar_has(a, f->s, "by-lab", NULL, "sh-lab"));
    assert_int_equal(analyse_ctx_builds(a), 7);
    store_close(other);
    /* The published corpus saw it too (it was kept, now stale). */
    assert_true(similar_has(a, f->s, "by-lab", "published", "he-lab"));
    assert_int_equal(analyse_ctx_builds(a), 8);
    assert_true(similar_has(a, f->s, "by-lab", NULL, "rp-lab"));
    assert_int_equal(analyse_ctx_builds(a), 8);

    analyse_ctx_free(a);
    analyse_ctx_free(NULL);
    close_fixture(f);
}

/* What counts as a term (corpus.c): "KI-" before a word is dropped, so
 * "KI-Leitlinien" and "Leitlinien" meet; container nouns, years and months
 * connect nothing; a suggestion below ANALYSE_SIMILAR_MIN is not made. */
static const char *const rule_entries[] = {
    "{\"id\": \"hh-leit\", \"title\": \"KI-Leitlinien\", \"kind\": \"strategy\", \"land\": "
    "\"HH\", \"summary\": \"Leitlinien für die Verwaltung.\"}",
    "{\"id\": \"bb-leit\", \"title\": \"Leitlinien der Staatskanzlei\", \"kind\": \"body\", "
    "\"land\": \"BB\"}",
    "{\"id\": \"be-proj\", \"title\": \"Projekt Systeme\", \"kind\": \"project\", \"land\": "
    "\"BE\", \"summary\": \"Im Oktober 2019 gestartet: Anwendungen und Innovation.\"}",
    "{\"id\": \"sn-proj\", \"title\": \"Projekt Systeme\", \"kind\": \"event\", \"land\": "
    "\"SN\", \"summary\": \"Im Oktober 2019 beendet: Anwendungen und Innovation.\"}",
    "{\"id\": \"th-prof\", \"title\": \"Stiftungsprofessur Robotik\", \"kind\": \"programme\", "
    "\"land\": \"TH\"}",
    "{\"id\": \"sl-rob\", \"title\": \"Robotik\", \"kind\": \"centre\", \"land\": \"SL\"}",
    "{\"id\": \"st-prof\", \"title\": \"Professur\", \"kind\": \"centre\", \"land\": \"ST\"}",
    NULL};

static void test_similar_terms(void **state)
{
    (void)state;
    fixture *f = open_with("analyse-terms", rule_entries);
    assert_non_null(f);
    json_t *res;
    assert_int_equal(analyse_similar(f->s, "hh-leit", 5, NULL, &res, NULL), KL_OK);
    const json_t *bb = item_of(json_object_get(res, "items"), "bb-leit");
    assert_non_null(bb);
    const char *why = json_string_value(json_object_get(bb, "reason"));
    /* "Leitlinien" stands for its Oberbegriff "Regeln", which is not named
     * again; the Staatskanzlei and the Verwaltung meet in theirs. */
    assert_string_equal(why, "Gemeinsame Begriffe: Leitlinien, Verwaltung (Oberbegriff)");
    json_decref(res);
    /* Sharing only "Projekt", "Systeme", "Anwendungen", "Innovation", a
     * month and a year is no reason. */
    assert_int_equal(analyse_similar(f->s, "be-proj", 5, NULL, &res, NULL), KL_OK);
    assert_int_equal(json_array_size(json_object_get(res, "items")), 0);
    json_decref(res);
    /* Every suggestion reaches the minimum. */
    size_t i;
    json_t *v;
    assert_int_equal(analyse_similar(f->s, "th-prof", 5, NULL, &res, NULL), KL_OK);
    assert_true(json_array_size(json_object_get(res, "items")) > 0);
    json_array_foreach(json_object_get(res, "items"), i, v)
        assert_true(json_number_value(json_object_get(v, "score")) >= ANALYSE_SIMILAR_MIN);
    json_decref(res);
    close_fixture(f);
}

/* A term an entry has only as a part of a compound weighs half of one it
 * has as a word of its own: in "Stiftungsprofessur Robotik", "Professur"
 * (a part) against "Robotik" (a word), with the same text weight and the
 * same number of entries holding each. */
static void test_part_weight(void **state)
{
    (void)state;
    fixture *f = open_with("analyse-part", rule_entries);
    assert_non_null(f);
    an_corpus *c = NULL;
    assert_int_equal(an_corpus_load(f->s, NULL, &c, NULL), KL_OK);
    long d = an_find(c, "th-prof");
    assert_true(d >= 0);
    float wpart = 0, wword = 0;
    for (int k = 0; k < c->d[d].nt; k++) {
        const char *word = c->t[c->d[d].term[k]].surface;
        if (c->t[c->d[d].term[k]].is_concept)
            continue; /* the Oberbegriff "Professur" */
        if (word && strcmp(word, "Professur") == 0)
            wpart = c->d[d].w[k];
        else if (word && strcmp(word, "Robotik") == 0)
            wword = c->d[d].w[k];
    }
    assert_true(wword > 0 && wpart > 0);
    assert_true(wpart / wword > 0.49 && wpart / wword < 0.51);
    an_corpus_free(c);
    close_fixture(f);
}

/* Oberbegriffe: a Kongress and a Forum are both a Veranstaltung; the
 * last part of a compound names its Oberbegriff ("Digitalbeirat": a
 * Gremium), another part does not ("Arbeitsgruppe" is no Arbeitswelt). */
static const char *const concept_entries[] = {
    "{\"id\": \"sn-kon\", \"title\": \"Kongress\", \"kind\": \"event\", \"land\": \"SN\"}",
    "{\"id\": \"bb-for\", \"title\": \"Forum Digitales\", \"kind\": \"event\", \"land\": "
    "\"BB\"}",
    "{\"id\": \"nw-bei\", \"title\": \"Digitalbeirat\", \"kind\": \"body\", \"land\": \"NW\"}",
    "{\"id\": \"rp-ag\", \"title\": \"Arbeitsgruppe\", \"kind\": \"body\", \"land\": \"RP\"}",
    "{\"id\": \"st-arb\", \"title\": \"Arbeitswelt\", \"kind\": \"study\", \"land\": \"ST\"}",
    NULL};

static void test_concepts(void **state)
{
    (void)state;
    fixture *f = open_with("analyse-concepts", concept_entries);
    assert_non_null(f);
    json_t *res;
    assert_int_equal(analyse_similar(f->s, "sn-kon", 5, NULL, &res, NULL), KL_OK);
    const json_t *bb = item_of(json_object_get(res, "items"), "bb-for");
    assert_non_null(bb);
    assert_string_equal(json_string_value(json_object_get(bb, "reason")),
                        "Gemeinsame Begriffe: Veranstaltung (Oberbegriff); gleiche Art: "
                        "Veranstaltung");
    assert_string_equal(json_string_value(json_array_get(json_object_get(bb, "shared_terms"), 0)),
                        "Veranstaltung");
    json_decref(res);
    assert_int_equal(analyse_similar(f->s, "nw-bei", 5, NULL, &res, NULL), KL_OK);
    assert_non_null(item_of(json_object_get(res, "items"), "rp-ag"));
    json_decref(res);
    assert_int_equal(analyse_similar(f->s, "rp-ag", 5, NULL, &res, NULL), KL_OK);
    assert_null(item_of(json_object_get(res, "items"), "st-arb"));
    json_decref(res);
    close_fixture(f);
}

/* Documents a Land's entries cite, oldest first with the importer's kind
 * and title, and the change between the last two: entries with id and
 * title; "dated" false when the newer one has no date. */
static const char *const report_entries[] = {
    "{\"id\": \"by-a\", \"title\": \"Alt\", \"kind\": \"project\", \"land\": \"BY\", "
    "\"source\": {\"document\": \"r1.txt\", \"start\": 0, \"end\": 5}}",
    "{\"id\": \"by-b\", \"title\": \"Beide\", \"kind\": \"project\", \"land\": \"BY\", "
    "\"source\": {\"document\": \"r2.txt\", \"start\": 0, \"end\": 5}}",
    "{\"id\": \"by-c\", \"title\": \"Neu\", \"kind\": \"project\", \"land\": \"BY\", "
    "\"source\": {\"document\": \"r2.txt\", \"start\": 0, \"end\": 5}}",
    NULL};

static void put_doc(store *s, const char *name, const char *title, const char *text)
{
    int changed;
    assert_int_equal(
        store_put_document(s, name, "land-reports", title, text, strlen(text), &changed, NULL),
        KL_OK);
}

static void test_compare_change(void **state)
{
    (void)state;
    fixture *f = open_with("analyse-reports", report_entries);
    assert_non_null(f);
    put_doc(f->s, "r1.txt", "Erster Bericht", "Berlin, 19. April 2024. Bericht eins.");
    put_doc(f->s, "r2.txt", "Zweiter Bericht", "Stand: 3. Mai 2025. Bericht zwei.");
    json_t *cmp;
    assert_int_equal(analyse_compare(f->s, NULL, NULL, &cmp, NULL), KL_OK);
    const json_t *by = row_of(cmp, "DE-BY");
    json_t *reports = json_object_get(by, "reports");
    assert_int_equal(json_array_size(reports), 2);
    json_t *r1 = json_array_get(reports, 0), *r2 = json_array_get(reports, 1);
    assert_string_equal(json_string_value(json_object_get(r1, "document")), "r1.txt");
    assert_string_equal(json_string_value(json_object_get(r1, "date")), "2024-04-19");
    assert_string_equal(json_string_value(json_object_get(r1, "title")), "Erster Bericht");
    assert_string_equal(json_string_value(json_object_get(r1, "kind")), "land-reports");
    assert_int_equal(json_integer_value(json_object_get(r2, "entries")), 2);
    json_t *ch = json_object_get(by, "change");
    assert_string_equal(json_string_value(json_object_get(ch, "from")), "r1.txt");
    assert_string_equal(json_string_value(json_object_get(ch, "to")), "r2.txt");
    assert_true(json_is_true(json_object_get(ch, "dated")));
    json_t *neu = json_object_get(ch, "new"), *old = json_object_get(ch, "not_repeated");
    assert_int_equal(json_array_size(neu), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(old, 0), "id")), "by-a");
    assert_string_equal(json_string_value(json_object_get(json_array_get(old, 0), "title")), "Alt");
    assert_non_null(json_object_get(json_array_get(neu, 0), "id"));
    assert_true(json_is_null(json_object_get(row_of(cmp, "DE-HE"), "change")));
    json_decref(cmp);
    char *kind = NULL, *title = NULL, *err = NULL;
    assert_int_equal(store_document_info(f->s, "r9.txt", &kind, &title, &err), KL_ENOTFOUND);
    assert_non_null(strstr(err, "r9.txt"));
    assert_null(kind);
    free(err);
    /* The newer report loses its date: still taken as the newer, and said. */
    put_doc(f->s, "r2.txt", "Zweiter Bericht", "Ohne Datum. Bericht zwei, geändert.");
    assert_int_equal(analyse_compare(f->s, NULL, NULL, &cmp, NULL), KL_OK);
    ch = json_object_get(row_of(cmp, "DE-BY"), "change");
    assert_string_equal(json_string_value(json_object_get(ch, "to")), "r2.txt");
    assert_true(json_is_false(json_object_get(ch, "dated")));
    assert_true(json_is_null(json_object_get(
        json_array_get(json_object_get(row_of(cmp, "DE-BY"), "reports"), 1), "date")));
    json_decref(cmp);
    close_fixture(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_similar_reason),  cmocka_unit_test(test_similar_other_land_only),
        cmocka_unit_test(test_partner_bonus),   cmocka_unit_test(test_links_group),
        cmocka_unit_test(test_compare_no_sums), cmocka_unit_test(test_coverage_gaps),
        cmocka_unit_test(test_ctx_cache),       cmocka_unit_test(test_similar_terms),
        cmocka_unit_test(test_part_weight),     cmocka_unit_test(test_compare_change),
        cmocka_unit_test(test_concepts),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
