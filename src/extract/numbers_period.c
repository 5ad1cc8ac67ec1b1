/* numbers_period.c: the words around amounts (nx_scales, nx_currencies,
 * qualifiers) and periods of years ("von 2021 bis 2025", "in den
 * Haushaltsjahren 2023 und 2024"); see numbers_int.h. */
#include <string.h>

#include "extract/numbers_int.h"

/* ---- word lists (folded) ------------------------------------------- */

const unit nx_scales[] = {
    {"tsd", 1e3},        {"tausend", 1e3},   {"mio", 1e6},      {"mill", 1e6},
    {"million", 1e6},    {"millionen", 1e6}, {"mrd", 1e9},      {"milliarde", 1e9},
    {"milliarden", 1e9}, {"bio", 1e12},      {"billion", 1e12}, {"billionen", 1e12},
    {NULL, 0},
};

const unit nx_currencies[] = {
    {"euro", 1}, {"euros", 1}, {"eur", 1}, {"\xe2\x82\xac", 1}, {"teur", 1e3}, {NULL, 0},
};

const char *const nx_quals[] = {
    "rund",       "ca .",  "circa",    "zirka",       "etwa",     "knapp",   "fast",
    "nahezu",     "ueber", "mehr als", "weniger als", "bis zu",   "maximal", "max .",
    "mindestens", "je",    "jeweils",  "jaehrlich",   "pro jahr", NULL,
};

const char *const nx_per_year_words[] = {
    "jaehrlich",         "pro jahr",         "p . a .", "p . a",
    "per anno",          "jedes jahr",       "je jahr", "/ jahr",
    "pro haushaltsjahr", "je haushaltsjahr", "im jahr", NULL,
};

const char *const nx_conjunctions[] = {"und", "oder", "sowie", "bzw .", "bzw", NULL};

const unit *nx_unit_at(const scan *sc, size_t k, const unit *list)
{
    for (; list->z; list++)
        if (nx_fold_is(sc, k, list->z) && !sc->a[k].amt)
            return list;
    return NULL;
}

/* ---- periods ------------------------------------------------------- */

/* A year a period can name: 1949..2100 in four digits, not the number of
 * an amount ("2024 Euro"). */
int nx_year_at(const scan *sc, size_t k, size_t lim)
{
    if (k >= lim || k >= sc->na)
        return 0;
    const tok *t = &sc->a[k];
    if (t->kind != T_NUM || !t->pure || t->e - t->s != 4 || t->amtval || t->val < 1949 ||
        t->val > 2100)
        return 0;
    if (nx_unit_at(sc, k + 1, nx_scales) || nx_unit_at(sc, k + 1, nx_currencies))
        return 0;
    return (int)t->val;
}

static size_t nx_skip_words(const scan *sc, size_t j, size_t lim, const char *const *list, int max)
{
    for (int i = 0; i < max && j < lim && nx_in_list(sc, j, list); i++)
        j++;
    return j;
}

/* The year of a two-digit "23" glued to what comes before ("2022/23",
 * "2019-23"), in the century of year; 0 if token k is no such thing. */
static int nx_short_year(const scan *sc, size_t k, int year)
{
    if (k >= sc->na)
        return 0;
    const tok *t = &sc->a[k];
    if (t->kind != T_NUM || !t->pure || t->e - t->s != 2 || t->ws)
        return 0;
    return year / 100 * 100 + (int)t->val;
}

/* After the first year of p at *pj: "bis 2025", "- 2023", "– 2025",
 * "/2024", "/23", "und 2024", ", 2024 und 2025". Moves *pj past it and
 * returns 1 if there was one. */
static int nx_range_tail(const scan *sc, size_t *pj, size_t lim, period *p)
{
    static const char *const to_words[] = {"bis zum jahr", "bis zum",      "bis", "-",
                                           "\xe2\x80\x93", "\xe2\x80\x94", "/",   NULL};
    static const char *const list_words[] = {"und", ",", NULL};
    size_t j = *pj, m;
    int y;
    if ((m = nx_seq_any(sc, j, to_words)) && j + m < lim) {
        y = nx_year_at(sc, j + m, lim);
        if (!y && m == 1 && !nx_fold_is(sc, j, "bis"))
            y = nx_short_year(sc, j + m, p->from);
        if (y && y >= p->from) {
            p->to = y;
            j += m + 1;
            /* "2020 bis 2022/23": the budget year ends in the next one. */
            if (j + 1 < lim && nx_fold_is(sc, j, "/") && !sc->a[j].ws &&
                (y = nx_short_year(sc, j + 1, p->to)) && y == p->to + 1) {
                p->to = y;
                j += 2;
            }
            *pj = j;
            return 1;
        }
        return 0;
    }
    int any = 0;
    while ((m = nx_seq_any(sc, j, list_words)) && (y = nx_year_at(sc, j + m, lim)) && y > p->to) {
        p->to = y;
        j += m + 1;
        any = 1;
        if (nx_fold_is(sc, j - 2, "und"))
            break;
    }
    *pj = j;
    return any;
}

/* A period beginning at token k and ending before token lim: "von 2021
 * bis 2025", "2019-2023", "bis (Ende) 2025", "ab 2021", "für die Jahre
 * 2023 und 2024", "in den Haushaltsjahren 2023 und 2024", "(bezogen auf
 * den bisherigen Zeitraum 2021 – 2025)". Fills *p and returns 1. */
int nx_match_period(const scan *sc, size_t k, size_t lim, period *p)
{
    static const char *const from_to[] = {"von", "vom", "zwischen", NULL};
    static const char *const from_only[] = {"ab", "seit", NULL};
    static const char *const after_von[] = {"dem", "den", "jahr", "jahren", NULL};
    static const char *const after_bis[] = {
        "zum", "ende", "jahr", "des", "jahres", "einschliesslich", NULL};
    static const char *const after_ab[] = {"dem", "jahr", "anfang", NULL};
    size_t j = k;
    int paren = 0, y;
    memset(p, 0, sizeof *p);
    for (int nf = 0; j < lim && nf < 8; nf++, j++) {
        if (!nx_has_role(sc, j, NUM_ROLE_PERIOD))
            break;
        paren |= nx_fold_is(sc, j, "(");
        p->keyed |= nx_has_role(sc, j, NUM_ROLE_PERIOD_KEY);
        p->jahr |= nx_has_role(sc, j, NUM_ROLE_YEAR_WORD);
    }
    if (nx_in_list(sc, j, from_to) && j < lim) {
        j = nx_skip_words(sc, j + 1, lim, after_von, 2);
        if (!(y = nx_year_at(sc, j, lim)))
            return 0;
        p->from = p->to = y;
        j++;
        if (!nx_range_tail(sc, &j, lim, p))
            return 0;
        p->keyed = 1;
    } else if (nx_fold_is(sc, j, "bis") && j < lim) {
        j = nx_skip_words(sc, j + 1, lim, after_bis, 3);
        if (!(p->to = nx_year_at(sc, j, lim)))
            return 0;
        j++;
        p->keyed = 1;
    } else if (nx_in_list(sc, j, from_only) && j < lim) {
        j = nx_skip_words(sc, j + 1, lim, after_ab, 2);
        if (!(p->from = nx_year_at(sc, j, lim)))
            return 0;
        j++;
        p->keyed = 1;
    } else if ((y = nx_year_at(sc, j, lim))) {
        p->from = p->to = y;
        j++;
        if (nx_range_tail(sc, &j, lim, p))
            p->keyed = 1;
    } else {
        return 0;
    }
    if (paren && j < lim && nx_fold_is(sc, j, ")"))
        j++;
    p->end = j;
    return 1;
}
