/* test_gtok.c: the German tokenizer (src/core/gtok.c, gtok_fts5.c).
 *
 * Two layers: gtok_run on its own (which terms, at which offsets, for
 * which words), then the FTS5 tokenizer "german" on an in-memory database,
 * proving every match the search promises and the false matches it must
 * not make. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "core/gtok.h"
#include "util/sbuf.h"

/* ---- gtok_run -------------------------------------------------------- */

enum { MAX_TERMS = 256 };

/* The terms of one run, as the callback saw them. */
typedef struct run {
    sbuf text;          /* terms, each NUL-ended */
    int off[MAX_TERMS]; /* offset of term k in text.s */
    int start[MAX_TERMS];
    int end[MAX_TERMS];
    int coloc[MAX_TERMS];
    int n;
    int stop_at; /* return 7 from the callback for term number stop_at (1-based) */
} run;

static int collect(void *ctx, const char *term, int len, int start, int end, int colocated)
{
    run *r = ctx;
    assert_int_equal((int)strlen(term), len);
    assert_true(r->n < MAX_TERMS);
    r->off[r->n] = (int)r->text.len;
    sbuf_add(&r->text, term, (size_t)len);
    sbuf_addc(&r->text, '\0');
    r->start[r->n] = start;
    r->end[r->n] = end;
    r->coloc[r->n] = colocated;
    r->n++;
    return r->n == r->stop_at ? 7 : 0;
}

static const char *term(const run *r, int k)
{
    return r->text.s + r->off[k];
}

/* analyse: run t over s in mode into a fresh r. Caller frees r->text. */
static int analyse(gtok *t, int mode, const char *s, run *r)
{
    memset(r, 0, sizeof *r);
    sbuf_init(&r->text);
    return gtok_run(t, mode, s, (int)strlen(s), r, collect);
}

static int has_term(const run *r, const char *want)
{
    for (int k = 0; k < r->n; k++)
        if (strcmp(term(r, k), want) == 0)
            return 1;
    return 0;
}

/* query_term: the single term query mode gives for a one-word string.
 * Static buffer, valid until the next call. */
static const char *query_term(gtok *t, const char *word)
{
    static char buf[300];
    run r;
    assert_int_equal(analyse(t, GTOK_QUERY, word, &r), 0);
    assert_int_equal(r.n, 1);
    snprintf(buf, sizeof buf, "%s", term(&r, 0));
    sbuf_free(&r.text);
    return buf;
}

static int setup_gtok(void **state)
{
    *state = gtok_new();
    return 0;
}

static int teardown_gtok(void **state)
{
    gtok_free(*state);
    return 0;
}

static void test_hyphenated_compound(void **state)
{
    gtok *t = *state;
    run r;
    assert_int_equal(analyse(t, GTOK_DOCUMENT, "KI-Kompetenzzentrum", &r), 0);
    /* whole word first and positioned, the rest colocated */
    assert_true(r.n >= 5);
    assert_string_equal(term(&r, 0), "kikompetenzzentr");
    assert_int_equal(r.coloc[0], 0);
    for (int k = 1; k < r.n; k++)
        assert_int_equal(r.coloc[k], 1);
    assert_true(has_term(&r, "ki"));
    assert_true(has_term(&r, "kompetenzzentr"));
    assert_true(has_term(&r, "zentr"));
    assert_true(has_term(&r, "kompetenz"));
    /* no term twice for one word */
    for (int a = 0; a < r.n; a++)
        for (int b = a + 1; b < r.n; b++)
            assert_string_not_equal(term(&r, a), term(&r, b));
    sbuf_free(&r.text);

    /* query mode: the whole word only, so FTS5 does not make a phrase */
    assert_int_equal(analyse(t, GTOK_QUERY, "KI-Kompetenzzentrum", &r), 0);
    assert_int_equal(r.n, 1);
    assert_string_equal(term(&r, 0), "kikompetenzzentr");
    sbuf_free(&r.text);
}

static void test_compound_with_linking_s(void **state)
{
    gtok *t = *state;
    run r;
    assert_int_equal(analyse(t, GTOK_DOCUMENT, "Stiftungsprofessuren", &r), 0);
    assert_int_equal(r.n, 3);
    assert_string_equal(term(&r, 0), "stiftungsprofessur");
    assert_true(has_term(&r, "professur"));
    assert_true(has_term(&r, "stiftung"));
    sbuf_free(&r.text);

    assert_int_equal(analyse(t, GTOK_DOCUMENT, "Exzellenzzentren", &r), 0);
    assert_true(has_term(&r, "zentr"));
    assert_true(has_term(&r, "exzellenz"));
    sbuf_free(&r.text);

    /* head of a head: Rechenzentrum inside a longer compound */
    assert_int_equal(analyse(t, GTOK_DOCUMENT, "Hochleistungsrechenzentrums", &r), 0);
    assert_true(has_term(&r, "rechenzentr"));
    assert_true(has_term(&r, "zentr"));
    assert_true(has_term(&r, "leistung"));
    sbuf_free(&r.text);

    /* linking es stripped when the rest is known: Landes -> land */
    assert_int_equal(analyse(t, GTOK_DOCUMENT, "Landesregierung", &r), 0);
    assert_true(has_term(&r, "land"));
    assert_true(has_term(&r, query_term(t, "Regierung")));
    sbuf_free(&r.text);
}

static void test_folding(void **state)
{
    gtok *t = *state;
    char a[300];
    snprintf(a, sizeof a, "%s", query_term(t, "München"));
    assert_string_equal(query_term(t, "MÜNCHEN"), a);
    assert_string_equal(query_term(t, "Muenchen"), a);
    assert_string_equal(query_term(t, "muenchen"), a);
    snprintf(a, sizeof a, "%s", query_term(t, "Straße"));
    assert_string_equal(query_term(t, "Strasse"), a);
    assert_string_equal(query_term(t, "STRASSE"), a);
    assert_string_equal(query_term(t, "Straßen"), a);
    /* query and document agree on the whole word */
    run r;
    assert_int_equal(analyse(t, GTOK_DOCUMENT, "Größenvorteile", &r), 0);
    assert_string_equal(term(&r, 0), query_term(t, "GROESSENVORTEILE"));
    sbuf_free(&r.text);
}

/* Singular and plural get one term where Snowball alone keeps them apart. */
static void test_plural_normalisation(void **state)
{
    static const char *const pairs[][2] = {
        {"Zentrum", "Zentren"},
        {"Zentrums", "Zentren"},
        {"Museum", "Museen"},
        {"Gremium", "Gremien"},
        {"Konsortium", "Konsortien"},
        {"Studium", "Studien"},
        {"Studie", "Studien"},
        {"Datum", "Daten"},
        {"Kriterium", "Kriterien"},
        {"Algorithmus", "Algorithmen"},
        {"Thema", "Themen"},
        {"System", "Systeme"},
        {"Problem", "Probleme"},
        {"Risiko", "Risiken"},
        {"Szenario", "Szenarien"},
        {"Prinzip", "Prinzipien"},
        {"Strategie", "Strategien"},
        {"Professur", "Professuren"},
        {"Ministerium", "Ministerien"},
        {"Sicherheit", "Sicherheiten"},
    };
    gtok *t = *state;
    char a[300];
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        snprintf(a, sizeof a, "%s", query_term(t, pairs[i][0]));
        if (strcmp(a, query_term(t, pairs[i][1])) != 0)
            fail_msg("%s -> %s but %s -> %s", pairs[i][0], a, pairs[i][1],
                     query_term(t, pairs[i][1]));
    }
    /* German -um words are not Latin plurals */
    assert_string_equal(query_term(t, "Raum"), "raum");
    /* "sich" stays the pronoun, Sicherheit does not collapse onto it */
    assert_string_equal(query_term(t, "sich"), "sich");
    assert_string_not_equal(query_term(t, "Sicherheit"), "sich");
    assert_string_equal(query_term(t, "sicher"), query_term(t, "Sicherheit"));
}

static void test_offsets_multibyte(void **state)
{
    gtok *t = *state;
    /* bytes: "Die"0-3 "Straße"4-11 "in"12-14 "München"15-23 ", " "KI-Zentren"25-35 "." */
    const char *s = "Die Straße in München, KI-Zentren.";
    static const int want[][2] = {{0, 3}, {4, 11}, {12, 14}, {15, 23}, {25, 35}};
    run r;
    assert_int_equal(analyse(t, GTOK_DOCUMENT, s, &r), 0);
    int word = -1;
    for (int k = 0; k < r.n; k++) {
        if (!r.coloc[k])
            word++;
        assert_true(word >= 0 && word < 5);
        assert_int_equal(r.start[k], want[word][0]);
        assert_int_equal(r.end[k], want[word][1]);
    }
    assert_int_equal(word, 4);
    /* the offsets cut out the source words */
    assert_memory_equal(s + 4, "Straße", 7);
    assert_memory_equal(s + 15, "München", 8);
    sbuf_free(&r.text);
}

static void test_word_boundaries(void **state)
{
    gtok *t = *state;
    run r;
    /* years are searchable; a hyphen before digits does not join */
    assert_int_equal(analyse(t, GTOK_QUERY, "Covid-19 im Jahr 2024", &r), 0);
    assert_int_equal(r.n, 5);
    assert_string_equal(term(&r, 1), "19");
    assert_string_equal(term(&r, 4), "2024");
    sbuf_free(&r.text);

    /* slash separates; en dash separates; a dangling hyphen separates */
    assert_int_equal(analyse(t, GTOK_QUERY, "KI/Robotik Bund–Länder Staats- und", &r), 0);
    assert_int_equal(r.n, 6);
    sbuf_free(&r.text);

    /* non-breaking hyphen U+2011 joins like '-' */
    assert_int_equal(analyse(t, GTOK_DOCUMENT, "KI\xE2\x80\x91Zentren", &r), 0);
    assert_string_equal(term(&r, 0), "kizentr");
    assert_true(has_term(&r, "ki"));
    assert_true(has_term(&r, "zentr"));
    assert_int_equal(r.end[0], 12);
    sbuf_free(&r.text);

    /* a soft hyphen U+00AD inside a word is invisible */
    assert_int_equal(analyse(t, GTOK_QUERY, "Kompetenz\xC2\xADzentrum", &r), 0);
    assert_int_equal(r.n, 1);
    assert_string_equal(term(&r, 0), "kompetenzzentr");
    sbuf_free(&r.text);

    /* three parts */
    assert_int_equal(analyse(t, GTOK_DOCUMENT, "Bund-Länder-Kooperation", &r), 0);
    assert_true(has_term(&r, "bund"));
    assert_true(has_term(&r, query_term(t, "Länder")));
    assert_true(has_term(&r, query_term(t, "Kooperation")));
    sbuf_free(&r.text);
}

/* Words that must not be split into something they do not mean. */
static void test_no_false_splits(void **state)
{
    static const struct {
        const char *word, *not_term;
    } cases[] = {
        {"Zentralbank", "zentr"},   {"Beratung", "rat"},           {"Landwirtschaft", "land"},
        {"Kandidaten", "dat"},      {"Deutschland", "land"},       {"durchaus", "haus"},
        {"ebenfalls", "fall"},      {"besprechen", "rech"},        {"Hochschule", "schul"},
        {"Transport", "sport"},     {"Herausforderung", "forder"}, {"sicherstellen", "stell"},
        {"Niedersachsen", "sachs"}, {"Verbund", "bund"},           {"mehrfach", "fach"},
        {"beschriebene", "eben"},   {"Rheinland", "inland"},
    };
    gtok *t = *state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run r;
        assert_int_equal(analyse(t, GTOK_DOCUMENT, cases[i].word, &r), 0);
        if (has_term(&r, cases[i].not_term))
            fail_msg("%s was split into %s", cases[i].word, cases[i].not_term);
        sbuf_free(&r.text);
    }
}

static void test_callback_stops(void **state)
{
    gtok *t = *state;
    run r;
    memset(&r, 0, sizeof r);
    sbuf_init(&r.text);
    r.stop_at = 2;
    const char *s = "eins zwei drei";
    assert_int_equal(gtok_run(t, GTOK_QUERY, s, (int)strlen(s), &r, collect), 7);
    assert_int_equal(r.n, 2);
    sbuf_free(&r.text);
}

static void test_odd_input(void **state)
{
    gtok *t = *state;
    run r;
    assert_int_equal(analyse(t, GTOK_DOCUMENT, "", &r), 0);
    assert_int_equal(r.n, 0);
    sbuf_free(&r.text);
    assert_int_equal(gtok_run(t, GTOK_DOCUMENT, NULL, 0, &r, collect), 0);

    /* invalid UTF-8 separates words and is never part of a term */
    assert_int_equal(analyse(t, GTOK_QUERY, "ab\xFF\xC3 cd\xE2\x82", &r), 0);
    assert_int_equal(r.n, 2);
    assert_string_equal(term(&r, 0), "ab");
    assert_string_equal(term(&r, 1), "cd");
    sbuf_free(&r.text);

    /* a giant word and a giant hyphen chain stay bounded */
    static char big[20001];
    memset(big, 'a', 20000);
    assert_int_equal(analyse(t, GTOK_DOCUMENT, big, &r), 0);
    assert_int_equal(r.n, 1);
    assert_true(strlen(term(&r, 0)) <= 300);
    assert_int_equal(r.end[0], 20000);
    sbuf_free(&r.text);
    for (int i = 0; i < 20000; i += 2) {
        big[i] = 'x';
        big[i + 1] = '-';
    }
    big[19999] = 'x';
    assert_int_equal(analyse(t, GTOK_DOCUMENT, big, &r), 0);
    assert_true(r.n >= 1 && r.n <= 64);
    sbuf_free(&r.text);

    /* Greek and Cyrillic letters are words too */
    assert_int_equal(analyse(t, GTOK_QUERY, "ΑΘΗΝΑ Москва", &r), 0);
    assert_int_equal(r.n, 2);
    sbuf_free(&r.text);
}

/* The word and stem caches must not change what is emitted: the same text
 * twice, and each word on a fresh instance, give the same terms. */
static void test_cache_is_invisible(void **state)
{
    (void)state;
    const char *s = "Das KI-Kompetenzzentrum und das Kompetenzzentrum; Kizentren, KI-Zentren, "
                    "Hochleistungsrechenzentrums Hochleistungsrechenzentrums "
                    "Datenschutzaufsichtsbehoerdenleitungsebene Sicherheit sicher sich "
                    "Professuren Professuren Stiftungsprofessuren Zentrum Zentrum";
    gtok *t = gtok_new();
    run a, b;
    assert_int_equal(analyse(t, GTOK_DOCUMENT, s, &a), 0);
    assert_int_equal(analyse(t, GTOK_DOCUMENT, s, &b), 0);
    assert_int_equal(a.n, b.n);
    for (int k = 0; k < a.n; k++) {
        assert_string_equal(term(&a, k), term(&b, k));
        assert_int_equal(a.start[k], b.start[k]);
        assert_int_equal(a.coloc[k], b.coloc[k]);
    }
    /* query mode after document mode (cache warm) equals a cold instance */
    run q;
    gtok *cold = gtok_new();
    assert_int_equal(analyse(t, GTOK_QUERY, s, &q), 0);
    run c;
    assert_int_equal(analyse(cold, GTOK_QUERY, s, &c), 0);
    assert_int_equal(q.n, c.n);
    for (int k = 0; k < q.n; k++)
        assert_string_equal(term(&q, k), term(&c, k));
    /* and it is the first (positioned) term of each document word */
    int w = 0;
    for (int k = 0; k < a.n; k++)
        if (!a.coloc[k])
            assert_string_equal(term(&a, k), term(&q, w++));
    assert_int_equal(w, q.n);
    sbuf_free(&a.text);
    sbuf_free(&b.text);
    sbuf_free(&q.text);
    sbuf_free(&c.text);
    gtok_free(cold);
    gtok_free(t);
}

static void test_lexicon(void **state)
{
    gtok *t = *state;
    assert_true(gtok_lexicon_size(t) >= 300);
    assert_true(gtok_lexicon_size(t) <= 1000);
}

/* ---- FTS5 ------------------------------------------------------------ */

static const char *const rows[][2] = {
    /* 1 */ {"KI-Kompetenzzentrum Ostwestfalen", "Beratung für den Mittelstand."},
    /* 2 */ {"Exzellenzzentren für Robotik", "Spitzenforschung in Bayern."},
    /* 3 */ {"Neue KI-Zentren in Sachsen", "Ausbau der Rechenkapazität."},
    /* 4 */ {"Stiftungsprofessur Maschinelles Lernen", "Eine Universität in Tübingen."},
    /* 5 */ {"Drei Professuren für Robotik", "Besetzt im Jahr 2024."},
    /* 6 */ {"Forschung in München", "Künstliche Intelligenz für die Verwaltung."},
    /* 7 */ {"Zentralbank und Beratung", "Landwirtschaft mit Drohnen."},
    /* 8 */ {"Intelligenz, künstliche", "Umgekehrte Reihenfolge."},
    /* 9 */ {"Die Stadt bewirbt sich", "Ein Antrag."},
    /* 10 */ {"IT-Sicherheit für Kommunen", "Schulungen."},
};

static int setup_db(void **state)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK)
        return -1;
    if (gtok_register(db) != SQLITE_OK)
        return -1;
    if (sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(title, summary, tokenize='german')",
                     NULL, NULL, NULL) != SQLITE_OK)
        return -1;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO t(rowid, title, summary) VALUES (?1, ?2, ?3)", -1, &st,
                           NULL) != SQLITE_OK)
        return -1;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        sqlite3_bind_int(st, 1, (int)i + 1);
        sqlite3_bind_text(st, 2, rows[i][0], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, rows[i][1], -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            return -1;
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    *state = db;
    return 0;
}

static int teardown_db(void **state)
{
    sqlite3_close(*state);
    return 0;
}

/* hits: the matching rowids of query q, ascending, as "1,3" ("" for none). */
static const char *hits(sqlite3 *db, const char *q)
{
    static char buf[256];
    sqlite3_stmt *st = NULL;
    buf[0] = '\0';
    int rc = sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid", -1, &st,
                                NULL);
    assert_int_equal(rc, SQLITE_OK);
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        size_t n = strlen(buf);
        snprintf(buf + n, sizeof buf - n, "%s%d", n ? "," : "", sqlite3_column_int(st, 0));
    }
    if (rc != SQLITE_DONE)
        fail_msg("query %s: %s", q, sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return buf;
}

static void test_fts_compounds(void **state)
{
    sqlite3 *db = *state;
    assert_string_equal(hits(db, "Zentrum"), "1,2,3");
    assert_string_equal(hits(db, "Zentren"), "1,2,3");
    assert_string_equal(hits(db, "Professur"), "4,5");
    assert_string_equal(hits(db, "Professuren"), "4,5");
    assert_string_equal(hits(db, "Kompetenzzentrum"), "1");
    assert_string_equal(hits(db, "KI"), "1,3");
    assert_string_equal(hits(db, "\"KI-Kompetenzzentrum\""), "1");
    assert_string_equal(hits(db, "Stiftung"), "4");
    assert_string_equal(hits(db, "Forschung"), "2,6");
}

static void test_fts_folding_phrase_prefix(void **state)
{
    sqlite3 *db = *state;
    assert_string_equal(hits(db, "Muenchen"), "6");
    assert_string_equal(hits(db, "MÜNCHEN"), "6");
    assert_string_equal(hits(db, "\"Künstliche Intelligenz\""), "6");
    assert_string_equal(hits(db, "\"kuenstliche intelligenz\""), "6");
    assert_string_equal(hits(db, "Intelligenz"), "6,8");
    assert_string_equal(hits(db, "Kompetenz*"), "1");
    assert_string_equal(hits(db, "Profess*"), "4,5");
    assert_string_equal(hits(db, "Professuren*"), "4,5"); /* stemmed like a word */
    assert_string_equal(hits(db, "Zentrum*"), "1,2,3,7"); /* zentr*: Zentralbank too */
    assert_string_equal(hits(db, "\"KI-Komp\" *"), "1");
    assert_string_equal(hits(db, "Tueb*"), "4");
    assert_string_equal(hits(db, "2024"), "5");
    assert_string_equal(hits(db, "title : Robotik"), "2,5");
    assert_string_equal(hits(db, "Zentrum AND Sachsen"), "3");
}

static void test_fts_negative(void **state)
{
    sqlite3 *db = *state;
    assert_string_equal(hits(db, "Rat"), "");  /* not Beratung */
    assert_string_equal(hits(db, "Land"), ""); /* not Landwirtschaft */
    assert_string_equal(hits(db, "Zentrum NOT Zentralbank"), "1,2,3");
    assert_string_equal(hits(db, "Bank"), "7");        /* but Zentralbank is split */
    assert_string_equal(hits(db, "Sicherheit"), "10"); /* not "sich" */
    assert_string_equal(hits(db, "sich"), "9");
    assert_string_equal(hits(db, "Schule"), ""); /* not Schulungen */
}

/* highlight() goes through the AUX mode and the byte offsets. */
static void test_fts_highlight(void **state)
{
    sqlite3 *db = *state;
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT highlight(t, 0, '[', ']'), highlight(t, 1, "
                                        "'[', ']') FROM t WHERE t MATCH ?1 ORDER BY rowid",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, "Zentrum OR Muenchen", -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0),
                        "[KI-Kompetenzzentrum] Ostwestfalen");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "[Exzellenzzentren] für Robotik");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "Neue [KI-Zentren] in Sachsen");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "Forschung in [München]");
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
}

static void test_fts_rejects_options(void **state)
{
    sqlite3 *db = *state;
    assert_int_not_equal(
        sqlite3_exec(db, "CREATE VIRTUAL TABLE u USING fts5(a, tokenize='german extra')", NULL,
                     NULL, NULL),
        SQLITE_OK);
    /* a second table on the same connection gets its own instance */
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE VIRTUAL TABLE v USING fts5(a, tokenize='german');"
                                  "INSERT INTO v VALUES ('Rechenzentren in Jülich');",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_stmt *st = NULL;
    assert_int_equal(
        sqlite3_prepare_v2(db, "SELECT count(*) FROM v WHERE v MATCH 'Zentrum'", -1, &st, NULL),
        SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
}

int main(void)
{
    const struct CMUnitTest unit[] = {
        cmocka_unit_test(test_hyphenated_compound),
        cmocka_unit_test(test_compound_with_linking_s),
        cmocka_unit_test(test_folding),
        cmocka_unit_test(test_plural_normalisation),
        cmocka_unit_test(test_offsets_multibyte),
        cmocka_unit_test(test_word_boundaries),
        cmocka_unit_test(test_no_false_splits),
        cmocka_unit_test(test_callback_stops),
        cmocka_unit_test(test_odd_input),
        cmocka_unit_test(test_cache_is_invisible),
        cmocka_unit_test(test_lexicon),
    };
    const struct CMUnitTest fts[] = {
        cmocka_unit_test(test_fts_compounds),
        cmocka_unit_test(test_fts_folding_phrase_prefix),
        cmocka_unit_test(test_fts_negative),
        cmocka_unit_test(test_fts_highlight),
        cmocka_unit_test(test_fts_rejects_options),
    };
    int failed = cmocka_run_group_tests_name("gtok", unit, setup_gtok, teardown_gtok);
    failed += cmocka_run_group_tests_name("gtok_fts5", fts, setup_db, teardown_db);
    return failed ? 1 : 0;
}
