/* numbers.c: money, counts and years in German report text (numbers.h).
 *
 * The text is cut into tokens first (numbers_lex.c). The patterns then run
 * over tokens: amounts first, since they claim their number and their
 * period (numbers_period.c reads periods); counts on what amounts left;
 * years on every number but an amount's own.
 *
 * Decisions (the unit tests hold the examples):
 * - A phrase begins at a qualifier that changes its meaning ("rund", "ca.",
 *   "über", "mehr als", "bis zu", "maximal", "mindestens", "je",
 *   "jeweils", "jährlich") but not at "insgesamt", which only sums up.
 * - text[] and of[] hold the phrase with every whitespace run as one
 *   space, cut before a character that does not fit; invalid UTF-8 bytes
 *   are dropped, so both are always valid UTF-8.
 * - "je" makes an amount yearly only with a "Jahr" word in its period
 *   ("je vier Millionen Euro in den Haushaltsjahren 2023 und 2024"):
 *   "je 5.000 Euro pro Projekt" is per project, not per year.
 * - A count of coordinated truncated compounds keeps the whole phrase:
 *   "Entwicklungs-, Kooperations- oder sonstige Projekte", since
 *   "Projekte" alone loses what was counted. Adjectives before the noun
 *   are left out ("112 neue KI-Professuren" counts "KI-Professuren").
 * - Articles ("eine Taskforce") are not counts; "ein"/"eine" is a number
 *   only before a scale ("eine Million Euro").
 * - Durations ("3 Jahre", "drei Stunden") are not counts; nor is a number
 *   after a label ("Platz 5", "Anlage 6", "Ziffer 3", "TOP 2").
 * - An amount needs its currency: "92 Mio. Einwohner" is neither amount
 *   nor count. A range "3 bis 5 Mio. Euro" gives the phrase of its upper
 *   bound; a compound ("5-Millionen-Euro-Programm") gives nothing.
 * - A period is looked for after the amount first ("92 Mio. Euro
 *   (bezogen auf den bisherigen Zeitraum 2021 – 2025)"), then before it
 *   in the same clause when a word makes it one ("Für die Jahre 2023 und
 *   2024 stehen je 4 Mio. Euro"), never across another number; the span
 *   then covers it. A year alone before an amount is no period. */
#include "numbers.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/numbers_int.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

static void *grow(void *p, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return p;
    *cap = *cap ? *cap * 2 : 8;
    return xrealloc(p, *cap * size);
}

/* ---- amounts ------------------------------------------------------- */

/* 1 if a period before an amount cannot reach across token k: the end of
 * a clause, another amount, another number ("Seit 2019 gibt es 417
 * Stellen und 92 Mio. Euro": 2019 belongs to the Stellen if to anything). */
static int stops_period(const scan *sc, size_t k)
{
    static const char *const ends[] = {".", ";", ":", "!", "?", NULL};
    const tok *t = &sc->a[k];
    if (t->amt || nx_in_list(sc, k, ends))
        return 1;
    return (t->kind == T_NUM || t->numok) && !nx_year_at(sc, k, sc->na);
}

/* money_without_currency: the scaled number at token k (its scale ends
 * before token j) is money although no currency follows: no noun says
 * what it counts (the next token is no capitalised word) and the clause
 * before it, or the words right after it, speak of funding ("Für die
 * Finanzierung ... stehen insgesamt 16,1 Mio. aus Mitteln des ...
 * zur Verfügung"). German press writes "Mio." alone for euros there. */
static int money_without_currency(const scan *sc, size_t k, size_t j)
{
    static const char *const stems[] = {"finanzier", "foerder", "mittel",   "budget",
                                        "haushalt",  "investi", "zuschuss", NULL};
    if (j < sc->na && sc->a[j].kind == T_WORD && sc->a[j].upper)
        return 0; /* "1,5 Mio. Einwohner" */
    if (j < sc->na && sc->a[j].kind == T_NUM)
        return 0;
    size_t lo = k > 12 ? k - 12 : 0;
    size_t hi = j + 3 < sc->na ? j + 3 : sc->na;
    for (size_t x = lo; x < hi; x++) {
        if (x == k)
            continue;
        if (x < k && sc->a[x].kind == T_PUNCT && (nx_fold_is(sc, x, ".") || nx_fold_is(sc, x, ";")))
            lo = x; /* the clause begins after a full stop */
    }
    for (size_t x = lo; x < hi; x++) {
        if (sc->a[x].kind != T_WORD || x == k)
            continue;
        size_t n;
        const char *f = nx_folded(sc, x, &n);
        for (const char *const *q = stems; *q; q++) {
            size_t l = strlen(*q);
            for (size_t i = 0; i + l <= n; i++)
                if (memcmp(f + i, *q, l) == 0)
                    return 1;
        }
    }
    return 0;
}

/* instead_of: "36 statt der bisher geplanten 18 Millionen Euro": the
 * number before "statt" and the words of the old plan, whose scale and
 * currency the sum at token k gives; its token, or SIZE_MAX. */
static size_t instead_of(const scan *sc, size_t k)
{
    static const char *const fill[] = {"der",          "den",   "die",           "bisher",
                                       "bislang",      "zuvor", "urspruenglich", "geplanten",
                                       "vorgesehenen", NULL};
    size_t b = k;
    for (int moved = 1; moved && b > 0 && k - b < 5;) {
        moved = 0;
        for (const char *const *f = fill; *f && !moved; f++)
            if (nx_fold_is(sc, b - 1, *f)) {
                b--;
                moved = 1;
            }
    }
    if (b < 2 || !nx_fold_is(sc, b - 1, "statt"))
        return SIZE_MAX;
    const tok *n = &sc->a[b - 2];
    if (!((n->kind == T_NUM && n->numok) || (n->kind == T_WORD && n->numok)) || n->amt)
        return SIZE_MAX;
    return b - 2;
}

/* The amount whose number is token k, if there is one: number, scale,
 * currency, a per-year marker, a period after it or before it in the same
 * clause, qualifiers before. Marks its tokens so that counts and later
 * amounts leave them alone. */
static void find_amount(scan *sc, size_t k, num_list *out)
{
    const tok *t = &sc->a[k];
    const unit *u;
    size_t j = k + 1, first = k, m;
    double mul = 1;
    int scaled = 0, cur = 0, py = 0, je = 0, have = 0;
    /* "Mit rund 18. Mio. Euro": a stray dot; an ordinal has no scale */
    if (t->kind == T_NUM && nx_fold_is(sc, j, ".") && !sc->a[j].ws &&
        nx_unit_at(sc, j + 1, nx_scales))
        j++;
    if ((u = nx_unit_at(sc, j, nx_scales))) {
        mul = u->mul;
        scaled = 1;
        j++;
        if (nx_fold_is(sc, j, ".") && !sc->a[j].ws)
            j++;
    }
    if ((u = nx_unit_at(sc, j, nx_currencies))) {
        mul *= u->mul;
        cur = 1;
        j++;
    } else if (k > 0 && (nx_fold_is(sc, k - 1, "\xe2\x82\xac") || nx_fold_is(sc, k - 1, "eur")) &&
               !sc->a[k - 1].amt) {
        cur = 1; /* "€ 15.000", "EUR 5 Mio." */
        first = k - 1;
    }
    if (!cur && scaled && money_without_currency(sc, k, j))
        cur = 1; /* "stehen ... 16,1 Mio. aus Mitteln des EFRE zur Verfügung" */
    if (!cur || (t->kind == T_WORD && t->val < 1.25 && !scaled))
        return;
    double eur = t->val * mul;
    size_t instead = instead_of(sc, k);
    if (instead != SIZE_MAX) { /* "36 statt der bisher geplanten 18 Millionen Euro" */
        eur = sc->a[instead].val * mul;
        first = instead;
    }
    if (!isfinite(eur) || eur > 1e15)
        return;
    /* Cents are the finest unit; rounding also hides 9.1 * 1e6 != 9100000. */
    eur = round(eur * 100) / 100;

    size_t last = j - 1;
    period p;
    memset(&p, 0, sizeof p);
    if ((m = nx_seq_any(sc, j, nx_per_year_words)) && !(m == 2 && nx_year_at(sc, j + 2, sc->na))) {
        py = 1;
        j += m;
        last = j - 1;
    }
    if (nx_match_period(sc, j, sc->na, &p)) {
        have = 1;
        j = p.end;
        last = j - 1;
        if (!py && (m = nx_seq_any(sc, j, nx_per_year_words))) {
            py = 1;
            last = j + m - 1;
        }
    }
    size_t q = first;
    for (int r = 0; r < 3; r++) {
        const char *which = NULL;
        if (!(m = nx_seq_before(sc, q, nx_quals, &which)))
            break;
        q -= m;
        je |= !strcmp(which, "je") || !strcmp(which, "jeweils");
        py |= !strcmp(which, "jaehrlich") || !strcmp(which, "pro jahr");
    }
    if (!have) {
        /* "Für die Jahre 2023 und 2024 stehen je 4 Mio. Euro bereit": a
         * period earlier in the same clause, begun by a word that makes
         * it one (not "die 2019 gegründete Stelle erhält ..."). */
        size_t lo = q;
        while (lo > 0 && q - lo < 12 && !stops_period(sc, lo - 1))
            lo--;
        for (size_t s = lo; s < q && !have; s++) {
            if (nx_has_role(sc, s, NUM_ROLE_PERIOD) && !nx_has_role(sc, s, NUM_ROLE_PERIOD_KEY))
                continue; /* a weak word ("die", "in") begins no period */
            if (nx_match_period(sc, s, q, &p) && p.keyed) {
                have = 1;
                /* "Im Zeitraum 2019-2023": the lead-in belongs to it. */
                while (s > lo && nx_has_role(sc, s - 1, NUM_ROLE_PERIOD) &&
                       !nx_fold_is(sc, s - 1, "("))
                    s--;
                q = s;
            }
        }
    }
    if (je && have && p.jahr)
        py = 1;

    out->amounts = grow(out->amounts, out->n_amounts, &sc->cap_amounts, sizeof *out->amounts);
    num_amount *a = &out->amounts[out->n_amounts++];
    memset(a, 0, sizeof *a);
    a->eur = eur;
    a->per_year = py;
    a->from = have ? p.from : 0;
    a->to = have ? p.to : 0;
    a->start = sc->a[q].s;
    a->end = sc->a[last].e;
    nx_copy_phrase(sc, q, last, a->text, sizeof a->text);
    for (size_t x = q; x <= last; x++)
        sc->a[x].amt = 1;
    sc->a[k].amtval = 1;
}

/* ---- counts -------------------------------------------------------- */

static int is_opener(const scan *sc, size_t k)
{
    static const char *const openers[] = {
        "(", "[", "\"", "\xe2\x80\x9e", "\xe2\x80\x9c", "\xc2\xbb", "\xc2\xab", NULL};
    return nx_in_list(sc, k, openers);
}

/* 1 if token k follows a label: "Platz 5", "Nr. 3", "TOP 2", "## 2". */
static int after_label(const scan *sc, size_t k)
{
    if (k == 0)
        return 0;
    size_t p = k - 1;
    if (nx_fold_is(sc, p, ".") && !sc->a[p].ws && p > 0)
        p--;
    const tok *t = &sc->a[p];
    /* "TOP" only in capitals: "Top fünf Gründe" is a count. */
    if (t->e - t->s == 3 && memcmp(sc->t + t->s, "TOP", 3) == 0)
        return 1;
    return nx_has_role(sc, p, NUM_ROLE_LABEL);
}

/* The count whose number is token k, if there is one. */
static void find_count(scan *sc, size_t k, num_list *out)
{
    static const char *const quotes[] = {"\"",       "\xe2\x80\x9e", "\xe2\x80\x9c",
                                         "\xc2\xbb", "\xe2\x80\x9a", NULL};
    static const char *const range_words[] = {"und", "oder", "bis", ",", "-", "\xe2\x80\x93", NULL};
    const tok *t = &sc->a[k];
    if (t->amt)
        return;
    if (t->kind == T_NUM) {
        if (!t->numok || t->glued || memchr(sc->t + t->s, ',', t->e - t->s))
            return;
        if (t->pure && t->e - t->s == 4 && t->val >= 1900 && t->val <= 2100)
            return; /* a year */
    } else if (t->kind != T_WORD || !t->numok || t->val < 2 || t->val != floor(t->val)) {
        return;
    }
    if (t->val > 1e12)
        return;
    /* Standing alone: "19.", "58%", "1)", "18/6273" and "9:02" are no counts. */
    if (k > 0 && !t->ws && !is_opener(sc, k - 1))
        return;
    if (k + 1 >= sc->na || !sc->a[k + 1].ws)
        return;
    if (t->nl && sc->a[k + 1].nl)
        return; /* a page number on its own line */
    if (after_label(sc, k) || (k >= 2 && nx_in_list(sc, k - 1, range_words) &&
                               sc->a[k - 2].kind == T_NUM && after_label(sc, k - 2)))
        return; /* "Ziffern 4 und 5" */

    size_t j = k + 1, adj = 0;
    for (;;) {
        if (j >= sc->na)
            return;
        const tok *w = &sc->a[j];
        if (w->kind == T_PUNCT && nx_in_list(sc, j, quotes) && j + 1 < sc->na && !sc->a[j + 1].ws &&
            sc->a[j + 1].kind == T_WORD && sc->a[j + 1].upper) {
            j++;
            continue;
        }
        if (w->kind != T_WORD || w->amt)
            return;
        if (w->upper)
            break;
        if (adj >= 3 || w->numok || w->trunc || nx_is_digit(sc->t[w->s]) ||
            nx_has_role(sc, j, NUM_ROLE_FUNCTION))
            return;
        adj++;
        j++;
    }
    size_t n0 = j;
    if (sc->a[j].trunc) {
        /* "Entwicklungs-, Kooperations- oder sonstige Projekte" */
        while (j < sc->na && sc->a[j].kind == T_WORD && sc->a[j].trunc) {
            j++;
            if (nx_fold_is(sc, j, ","))
                j++;
        }
        size_t m = nx_seq_any(sc, j, nx_conjunctions);
        if (!m)
            return;
        j += m;
        for (adj = 0; j < sc->na && sc->a[j].kind == T_WORD && !sc->a[j].upper && adj < 2 &&
                      !nx_has_role(sc, j, NUM_ROLE_FUNCTION);
             adj++)
            j++;
        if (j >= sc->na || sc->a[j].kind != T_WORD || !sc->a[j].upper || sc->a[j].trunc)
            return;
    }
    if (nx_has_role(sc, j, NUM_ROLE_NOT_NOUN))
        return;
    size_t q = k, m;
    const char *which;
    for (int r = 0; r < 3 && (m = nx_seq_before(sc, q, nx_quals, &which)); r++)
        q -= m;

    out->counts = grow(out->counts, out->n_counts, &sc->cap_counts, sizeof *out->counts);
    num_count *c = &out->counts[out->n_counts++];
    memset(c, 0, sizeof *c);
    c->n = (long)t->val;
    c->start = sc->a[q].s;
    c->end = sc->a[j].e;
    nx_copy_phrase(sc, n0, j, c->of, sizeof c->of);
}

/* ---- years --------------------------------------------------------- */

/* The year of token k, or 0: a four-digit 1949..2100, or the year of a
 * date "23.09.2019" / "12.2023" (then *off is where it starts in the
 * token). Amount numbers ("2024 Euro") are no years. */
static int year_of(const scan *sc, size_t k, size_t *off)
{
    const tok *t = &sc->a[k];
    size_t len = t->e - t->s;
    *off = 0;
    if (t->kind != T_NUM || t->amtval)
        return 0;
    if (!t->pure) {
        int y = num_date_year(sc->t + t->s, len);
        *off = len - 4;
        return y;
    }
    if (len != 4 || t->val < 1949 || t->val > 2100)
        return 0;
    return (int)t->val;
}

/* ---- public -------------------------------------------------------- */

void num_scan(const char *text, size_t n, num_list *out)
{
    scan sc;
    memset(out, 0, sizeof *out);
    if (!text || n == 0)
        return;
    memset(&sc, 0, sizeof sc);
    sc.t = text;
    sc.n = n;
    sbuf_init(&sc.fold);
    nx_tokenize(&sc);
    for (size_t k = 0; k < sc.na; k++) {
        const tok *t = &sc.a[k];
        if (!t->amt && t->numok && !t->glued && (t->kind == T_NUM || t->kind == T_WORD))
            find_amount(&sc, k, out);
    }
    for (size_t k = 0; k < sc.na; k++)
        find_count(&sc, k, out);
    for (size_t k = 0; k < sc.na; k++) {
        size_t off;
        int y = year_of(&sc, k, &off);
        if (!y)
            continue;
        out->years = grow(out->years, out->n_years, &sc.cap_years, sizeof *out->years);
        num_year *yr = &out->years[out->n_years++];
        yr->year = y;
        yr->start = sc.a[k].s + off;
        yr->end = sc.a[k].e;
    }
    free(sc.a);
    sbuf_free(&sc.fold);
}

void num_list_free(num_list *l)
{
    if (!l)
        return;
    free(l->amounts);
    free(l->counts);
    free(l->years);
    memset(l, 0, sizeof *l);
}
