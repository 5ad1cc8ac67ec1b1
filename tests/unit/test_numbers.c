/* test_numbers.c: money, counts and years in report text
 * (src/extract/numbers.c, numbers_words.c).
 *
 * Most cases are in numbers_cases.txt, one input line and the findings it
 * must give; this file reads that table and adds what a table cannot say
 * well: num_parse_de byte counts, truncation at a UTF-8 boundary, spans
 * that point back into the text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/numbers.h"
#include "util/sbuf.h"
#include "util/text.h"

#define CASES_DEFAULT "tests/unit/numbers_cases.txt"

/* Where the case table is: argv[1], $NUMBERS_CASES, the default relative
 * to the working directory (the repository root under tests/run.sh), or
 * relative to the binary (BUILD/tests/test_numbers). */
typedef struct cases_path {
    char path[4096];
} cases_path;

/* ---- num_parse_de ---------------------------------------------------- */

static void parses(const char *s, size_t want_len, double want)
{
    double v = -1;
    size_t got = num_parse_de(s, strlen(s), &v);
    if (got != want_len)
        fail_msg("num_parse_de(\"%s\") consumed %zu bytes, want %zu", s, got, want_len);
    if (want_len && fabs(v - want) > 1e-9)
        fail_msg("num_parse_de(\"%s\") = %.10g, want %.10g", s, v, want);
}

static void test_parse_digits(void **state)
{
    (void)state;
    parses("15.000", 6, 15000);
    parses("1.234,5", 7, 1234.5);
    parses("1.234.567,89 Euro", 12, 1234567.89);
    parses("5,5 Mrd.", 3, 5.5);
    parses("9,1", 3, 9.1);
    parses("92", 2, 92);
    parses("2.1 Forschung", 1, 2); /* a section, not 2100 */
    parses("23.09.2019", 2, 23);   /* a date: only the day */
    parses("1.2345", 1, 1);        /* groups are exactly three digits */
    parses("1000.000", 4, 1000);   /* a head of four digits has no groups */
    parses("5, 6", 1, 5);          /* a comma before a space is punctuation */
    parses("15\xc2\xa0"
           "000 €",
           7, 15000);
    parses("2.024", 5, 2024);
    parses("", 0, 0);
    parses("Euro", 0, 0);
    assert_int_equal(num_parse_de(NULL, 3, NULL), 0);
    assert_int_equal(num_parse_de("7", 1, NULL), 1); /* value may be NULL */
}

static void test_parse_words(void **state)
{
    (void)state;
    parses("vier Millionen", 4, 4);
    parses("Zwölf", 6, 12);
    parses("ZWÖLF", 6, 12);
    parses("zwoelf", 6, 12);
    parses("dreißig", 8, 30);
    parses("ein", 3, 1);
    parses("eine", 4, 1);
    parses("einen", 5, 1);
    parses("elf,", 3, 11);
    parses("zwanzig", 7, 20);
    parses("hundert", 7, 100);
    parses("tausend", 7, 1000);
    parses("einundzwanzig", 13, 21);
    parses("zweihundert", 11, 200);
    parses("dreitausendfünfhundert", 23, 3500);
    parses("eineinhalb", 10, 1.5);
    parses("fünf-", 5, 5);
    parses("Einsatz", 0, 0); /* no number word, though it begins like one */
    parses("achtsam", 0, 0);
    parses("und", 0, 0);
    parses("hunderthundert", 0, 0);
    double v;
    assert_true(num_word_de("sechzehn", 8, &v));
    assert_true(v == 16);
    assert_false(num_word_de("sechszehn", 9, &v));
    assert_false(num_word_de("", 0, &v));
}

static void test_date_year_and_roles(void **state)
{
    (void)state;
    assert_int_equal(num_date_year("23.09.2019", 10), 2019);
    assert_int_equal(num_date_year("12.2023", 7), 2023);
    assert_int_equal(num_date_year("1.1.2024", 8), 2024);
    assert_int_equal(num_date_year("32.01.2019", 10), 0);
    assert_int_equal(num_date_year("13.2019", 7), 0);
    assert_int_equal(num_date_year("1.234", 5), 0);
    assert_int_equal(num_date_year("2019", 4), 0);
    assert_true(num_word_roles("der", 3) & NUM_ROLE_FUNCTION);
    assert_true(num_word_roles("jahre", 5) & NUM_ROLE_NOT_NOUN);
    assert_true(num_word_roles("platz", 5) & NUM_ROLE_LABEL);
    assert_true(num_word_roles("haushaltsjahren", 15) & NUM_ROLE_YEAR_WORD);
    assert_int_equal(num_word_roles("projekte", 8), 0);
}

/* ---- scan invariants ------------------------------------------------- */

/* s[0..n) without ASCII whitespace, into b. */
static void squeeze(sbuf *b, const char *s, size_t n)
{
    sbuf_reset(b);
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n\f\v", s[i]) || s[i] == '\0')
            sbuf_addc(b, s[i]);
}

/* Every finding must point back at its own words: an amount's text is its
 * span as written (whitespace aside), a count's span ends with its noun,
 * a year's span is the four digits. Returns the number of violations. */
static int check_spans(const char *text, size_t n, const num_list *l)
{
    sbuf span = SBUF_INIT, want = SBUF_INIT;
    int bad = 0;
    for (size_t i = 0; i < l->n_amounts; i++) {
        const num_amount *a = &l->amounts[i];
        size_t len = strlen(a->text);
        if (a->start >= a->end || a->end > n || !text_utf8_valid(a->text, len, NULL)) {
            bad++;
            continue;
        }
        squeeze(&span, text + a->start, a->end - a->start);
        squeeze(&want, a->text, len);
        /* Cut texts are a prefix; whole ones the span itself. */
        if (strncmp(sbuf_cstr(&span), sbuf_cstr(&want), want.len) != 0 ||
            (len + 4 < sizeof a->text && span.len != want.len)) {
            printf("  amount span \"%.*s\" != text \"%s\"\n", (int)(a->end - a->start),
                   text + a->start, a->text);
            bad++;
        }
    }
    for (size_t i = 0; i < l->n_counts; i++) {
        const num_count *c = &l->counts[i];
        size_t len = strlen(c->of);
        if (c->start >= c->end || c->end > n || !text_utf8_valid(c->of, len, NULL)) {
            bad++;
            continue;
        }
        squeeze(&span, text + c->start, c->end - c->start);
        squeeze(&want, c->of, len);
        if (!strstr(sbuf_cstr(&span), sbuf_cstr(&want)) ||
            (len + 4 < sizeof c->of &&
             strcmp(sbuf_cstr(&span) + span.len - want.len, sbuf_cstr(&want)) != 0)) {
            printf("  count span \"%.*s\" does not end with \"%s\"\n", (int)(c->end - c->start),
                   text + c->start, c->of);
            bad++;
        }
    }
    for (size_t i = 0; i < l->n_years; i++) {
        const num_year *y = &l->years[i];
        char digits[8];
        snprintf(digits, sizeof digits, "%d", y->year);
        if (y->end > n || y->end - y->start != 4 || memcmp(text + y->start, digits, 4) != 0)
            bad++;
    }
    sbuf_free(&span);
    sbuf_free(&want);
    return bad;
}

/* ---- the case table -------------------------------------------------- */

enum { W_AMOUNT, W_COUNT, W_YEAR };

typedef struct want {
    int kind;
    double eur;
    int per_year, from, to, has_text;
    long n;
    char text[256];
} want;

typedef struct tcase {
    int line;
    sbuf input;
    want w[32];
    int nw;
} tcase;

/* Undo the escapes of the table (\n \r \t \\ \xHH) from s into b. */
static void unescape(sbuf *b, const char *s)
{
    sbuf_reset(b);
    while (*s) {
        if (s[0] == '\\' && s[1]) {
            unsigned v;
            switch (s[1]) {
            case 'n':
                sbuf_addc(b, '\n');
                s += 2;
                continue;
            case 'r':
                sbuf_addc(b, '\r');
                s += 2;
                continue;
            case 't':
                sbuf_addc(b, '\t');
                s += 2;
                continue;
            case '\\':
                sbuf_addc(b, '\\');
                s += 2;
                continue;
            case 'x':
                if (sscanf(s + 2, "%2x", &v) == 1) {
                    sbuf_addc(b, (char)v);
                    s += 4;
                    continue;
                }
                break;
            default:
                break;
            }
        }
        sbuf_addc(b, *s++);
    }
}

/* Parse one expectation line into *w; 0 if it is malformed. */
static int parse_want(const char *line, want *w)
{
    sbuf b = SBUF_INIT;
    int ok = 1;
    memset(w, 0, sizeof *w);
    if (strncmp(line, "amount ", 7) == 0) {
        char *end;
        w->kind = W_AMOUNT;
        w->eur = strtod(line + 7, &end);
        const char *p = end;
        while (*p == ' ') {
            p++;
            if (strncmp(p, "per_year", 8) == 0) {
                w->per_year = 1;
                p += 8;
            } else if (sscanf(p, "from=%d", &w->from) == 1 || sscanf(p, "to=%d", &w->to) == 1) {
                p += strcspn(p, " ");
            } else if (strncmp(p, "text=", 5) == 0) {
                unescape(&b, p + 5);
                snprintf(w->text, sizeof w->text, "%s", sbuf_cstr(&b));
                w->has_text = 1;
                p += strlen(p);
            } else {
                ok = 0;
                break;
            }
        }
        ok = ok && *p == '\0' && end != line + 7;
    } else if (strncmp(line, "count ", 6) == 0) {
        char *end;
        w->kind = W_COUNT;
        w->n = strtol(line + 6, &end, 10);
        ok = end != line + 6 && *end == ' ';
        if (ok) {
            unescape(&b, end + 1);
            snprintf(w->text, sizeof w->text, "%s", sbuf_cstr(&b));
        }
    } else if (sscanf(line, "year %d", &w->from) == 1) {
        w->kind = W_YEAR;
    } else {
        ok = 0;
    }
    sbuf_free(&b);
    return ok;
}

/* Run one case; print what differs and return the number of differences. */
static int run_case(const tcase *c)
{
    num_list l;
    int bad = 0;
    size_t ia = 0, ic = 0, iy = 0;
    num_scan(c->input.s, c->input.len, &l);
    for (int i = 0; i < c->nw; i++) {
        const want *w = &c->w[i];
        if (w->kind == W_AMOUNT) {
            const num_amount *a = ia < l.n_amounts ? &l.amounts[ia++] : NULL;
            if (!a || fabs(a->eur - w->eur) > 0.005 || a->per_year != w->per_year ||
                a->from != w->from || a->to != w->to ||
                (w->has_text && strcmp(a->text, w->text) != 0)) {
                printf("  want amount %.2f py=%d %d-%d \"%s\"\n", w->eur, w->per_year, w->from,
                       w->to, w->text);
                if (a)
                    printf("   got amount %.2f py=%d %d-%d \"%s\"\n", a->eur, a->per_year, a->from,
                           a->to, a->text);
                bad++;
            }
        } else if (w->kind == W_COUNT) {
            const num_count *k = ic < l.n_counts ? &l.counts[ic++] : NULL;
            if (!k || k->n != w->n || strcmp(k->of, w->text) != 0) {
                printf("  want count %ld \"%s\"\n", w->n, w->text);
                if (k)
                    printf("   got count %ld \"%s\"\n", k->n, k->of);
                bad++;
            }
        } else {
            const num_year *y = iy < l.n_years ? &l.years[iy++] : NULL;
            if (!y || y->year != w->from) {
                printf("  want year %d, got %d\n", w->from, y ? y->year : 0);
                bad++;
            }
        }
    }
    for (; ia < l.n_amounts; ia++, bad++)
        printf("  extra amount %.2f \"%s\"\n", l.amounts[ia].eur, l.amounts[ia].text);
    for (; ic < l.n_counts; ic++, bad++)
        printf("  extra count %ld \"%s\"\n", l.counts[ic].n, l.counts[ic].of);
    for (; iy < l.n_years; iy++, bad++)
        printf("  extra year %d\n", l.years[iy].year);
    bad += check_spans(c->input.s ? c->input.s : "", c->input.len, &l);
    num_list_free(&l);
    return bad;
}

static void test_cases(void **state)
{
    const cases_path *cp = *state;
    FILE *f = fopen(cp->path, "r");
    if (!f)
        fail_msg("cannot open %s (pass the path as argv[1] or $NUMBERS_CASES)", cp->path);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int lineno = 0, ncases = 0, nfailed = 0, open = 0;
    tcase *c = calloc(1, sizeof *c);
    assert_non_null(c);
    sbuf_init(&c->input);
    for (;;) {
        len = getline(&line, &cap, f);
        if (len >= 0) {
            lineno++;
            while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
                line[--len] = '\0';
        }
        /* A new input or the end closes the case before it. */
        if ((len < 0 || line[0] == '>') && open) {
            ncases++;
            int bad = run_case(c);
            if (bad) {
                printf("%s:%d: %d difference(s) for: %s\n", cp->path, c->line, bad,
                       sbuf_cstr(&c->input));
                nfailed++;
            }
            open = 0;
        }
        if (len < 0)
            break;
        if (line[0] == '>') {
            unescape(&c->input, line[1] == ' ' ? line + 2 : line + 1);
            c->line = lineno;
            c->nw = 0;
            open = 1;
        } else if (line[0] != '#' && line[0] != '\0') {
            if (!open || c->nw == 32 || !parse_want(line, &c->w[c->nw]))
                fail_msg("%s:%d: cannot read \"%s\"", cp->path, lineno, line);
            c->nw++;
        }
    }
    free(line);
    fclose(f);
    sbuf_free(&c->input);
    free(c);
    printf("%s: %d cases, %d failed\n", cp->path, ncases, nfailed);
    assert_true(ncases >= 40);
    assert_int_equal(nfailed, 0);
}

/* ---- what the table cannot say ----------------------------------------- */

static void test_empty_and_free(void **state)
{
    (void)state;
    num_list l;
    num_scan(NULL, 0, &l);
    assert_int_equal(l.n_amounts + l.n_counts + l.n_years, 0);
    num_list_free(&l);
    num_scan("", 0, &l);
    assert_null(l.amounts);
    num_list_free(&l);
    num_list_free(NULL);
    /* n bounds the text: the amount past it is not seen. */
    num_scan("5 Mio. Euro", 5, &l);
    assert_int_equal(l.n_amounts, 0);
    num_list_free(&l);
}

static void test_truncation(void **state)
{
    (void)state;
    /* A phrase longer than text[] and a noun longer than of[], both cut
     * inside runs of two-byte characters: the cut must fall between
     * characters. */
    sbuf b = SBUF_INIT;
    sbuf_adds(&b, "Für die Jahre 2023 und 2024 erhält das ");
    for (int i = 0; i < 60; i++)
        sbuf_adds(&b, "ü");
    sbuf_adds(&b, " je 4 Mio. Euro. Es gibt 7 Ä");
    for (int i = 0; i < 80; i++)
        sbuf_adds(&b, "ö");
    sbuf_adds(&b, " heute.");
    num_list l;
    num_scan(b.s, b.len, &l);
    assert_int_equal(l.n_amounts, 1);
    assert_int_equal(l.amounts[0].per_year, 1);
    assert_int_equal(l.amounts[0].from, 2023);
    size_t n = strlen(l.amounts[0].text);
    assert_true(n < sizeof l.amounts[0].text);
    assert_true(n > sizeof l.amounts[0].text - 4);
    assert_true(text_utf8_valid(l.amounts[0].text, n, NULL));
    assert_int_equal(strncmp(l.amounts[0].text, "Für die Jahre", 14), 0);
    assert_int_equal(l.n_counts, 1);
    assert_int_equal(l.counts[0].n, 7);
    n = strlen(l.counts[0].of);
    assert_true(n < sizeof l.counts[0].of && n > sizeof l.counts[0].of - 4);
    assert_true(text_utf8_valid(l.counts[0].of, n, NULL));
    assert_int_equal(check_spans(b.s, b.len, &l), 0);
    num_list_free(&l);
    sbuf_free(&b);
}

static void test_spans(void **state)
{
    (void)state;
    const char *s = "Seit 2019 gibt es 417 Stellen und 92 Mio. Euro.";
    num_list l;
    num_scan(s, strlen(s), &l);
    assert_int_equal(l.n_years, 1);
    assert_int_equal(l.years[0].start, 5);
    assert_int_equal(l.years[0].end, 9);
    assert_int_equal(l.n_counts, 1);
    assert_int_equal(l.counts[0].start, 18);
    assert_int_equal(l.counts[0].end, 29);
    assert_int_equal(l.n_amounts, 1);
    assert_int_equal(l.amounts[0].start, 34);
    assert_int_equal(l.amounts[0].end, 46);
    num_list_free(&l);
    /* The year inside a date points at its four digits. */
    s = "am 23.09.2019";
    num_scan(s, strlen(s), &l);
    assert_int_equal(l.n_years, 1);
    assert_int_equal(l.years[0].start, 9);
    num_list_free(&l);
}

/* A long text with page numbers between the paragraphs: every finding
 * still points back at its own words, and none is lost or doubled. */
static void test_long_text(void **state)
{
    (void)state;
    sbuf b = SBUF_INIT;
    for (int i = 0; i < 300; i++)
        sbuf_addf(&b,
                  "Bis %d sollen 112 neue KI-Professuren mit je %d,5 Mio. Euro in den "
                  "Jahren 2023 und 2024 entstehen.\n\n%d\n\n",
                  2000 + i % 100, i, i + 1);
    num_list l;
    num_scan(b.s, b.len, &l);
    assert_int_equal(l.n_amounts, 300);
    assert_int_equal(l.n_counts, 300);
    assert_int_equal(check_spans(b.s, b.len, &l), 0);
    num_list_free(&l);
    sbuf_free(&b);
}

int main(int argc, char **argv)
{
    cases_path cp;
    const char *env = getenv("NUMBERS_CASES");
    FILE *probe;
    if (argc > 1)
        snprintf(cp.path, sizeof cp.path, "%s", argv[1]);
    else if (env && *env)
        snprintf(cp.path, sizeof cp.path, "%s", env);
    else if ((probe = fopen(CASES_DEFAULT, "r")) != NULL) {
        fclose(probe);
        snprintf(cp.path, sizeof cp.path, "%s", CASES_DEFAULT);
    } else {
        /* BUILD/tests/test_numbers -> BUILD/tests/../../tests/unit/... */
        const char *slash = strrchr(argv[0], '/');
        int dir = slash ? (int)(slash - argv[0]) : 1;
        snprintf(cp.path, sizeof cp.path, "%.*s/../../%s", dir, slash ? argv[0] : ".",
                 CASES_DEFAULT);
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_digits),
        cmocka_unit_test(test_parse_words),
        cmocka_unit_test(test_date_year_and_roles),
        cmocka_unit_test_prestate(test_cases, &cp),
        cmocka_unit_test(test_empty_and_free),
        cmocka_unit_test(test_truncation),
        cmocka_unit_test(test_spans),
        cmocka_unit_test(test_long_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
