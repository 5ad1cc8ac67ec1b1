/* numbers.c: money, counts and years in German report text (numbers.h).
 *
 * The text is cut into tokens first: numbers, words, single other
 * characters. Whitespace only leaves two marks on the token after it
 * ("there was space", "there was a line break"), because PDF-to-text output
 * breaks phrases anywhere: "9,1 Millionen\nEuro" is the same three tokens
 * as on one line. The patterns then run over tokens: amounts first, since
 * they claim their number and their period; counts on what amounts left;
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
#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

enum { T_NUM, T_WORD, T_PUNCT };

typedef struct tok {
    size_t s, e;   /* bytes s..e of the text */
    size_t fs, fn; /* folded form in scan.fold: words folded, the rest as written */
    double val;    /* T_NUM, number word: the value */
    unsigned char kind;
    unsigned char ws;     /* whitespace before the token */
    unsigned char nl;     /* a line break (or the start of the text) before it */
    unsigned char upper;  /* T_WORD: begins with a capital letter */
    unsigned char trunc;  /* T_WORD: ends in '-' ("Entwicklungs-") */
    unsigned char numok;  /* T_NUM: one well-formed number; T_WORD: a number word */
    unsigned char pure;   /* T_NUM: ASCII digits only */
    unsigned char glued;  /* T_NUM: followed by "-word" ("4-Jahres-Plan") */
    unsigned char amt;    /* inside an amount phrase */
    unsigned char amtval; /* the number of an amount */
    unsigned char roles;  /* num_word_roles() of the folded form */
} tok;

typedef struct scan {
    const char *t;
    size_t n;
    tok *a;
    size_t na, cap;
    sbuf fold;
    size_t cap_amounts, cap_counts, cap_years;
} scan;

/* ---- characters ---------------------------------------------------- */

#define CP_END (-2)

/* The code point at byte i and the byte after it in *next; CP_END at the
 * end of the text, -1 for an invalid byte. */
static int32_t cp_at(const scan *sc, size_t i, size_t *next)
{
    if (i >= sc->n) {
        *next = i;
        return CP_END;
    }
    unsigned char c = (unsigned char)sc->t[i];
    if (c < 0x80) { /* most of a German text: no call */
        *next = i + 1;
        return c;
    }
    *next = i;
    return text_utf8_next(sc->t, sc->n, next);
}

static int is_alnum(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return text_is_alnum(cp);
}

static int is_space(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

static int is_break(int32_t cp)
{
    return cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0x2028 || cp == 0x2029;
}

static int is_digit(int32_t cp)
{
    return cp >= '0' && cp <= '9';
}

static int is_letter(int32_t cp)
{
    return cp > 0 && is_alnum(cp) && !is_digit(cp);
}

static int is_upper(int32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || cp == 0x1E9E;
}

/* ---- tokens -------------------------------------------------------- */

/* End of the word that continues at byte i: letters and digits, inner
 * hyphens ("KI-Professuren"), a hyphen at a line break before a capital
 * ("HTA-\nEinzelmaßnahmen" is one word the PDF broke), and the final
 * hyphen of a truncated compound ("Entwicklungs-, Kooperations- oder"). */
static size_t lex_word(const scan *sc, size_t i)
{
    for (;;) {
        size_t j, k, w, x;
        int32_t cp = cp_at(sc, i, &j);
        if (cp > 0 && is_alnum(cp)) {
            i = j;
            continue;
        }
        if (cp != '-')
            return i;
        int32_t next = cp_at(sc, j, &k);
        if (next > 0 && is_alnum(next)) {
            i = j;
            continue;
        }
        int brk = 0;
        int32_t c;
        for (w = j; is_space(c = cp_at(sc, w, &x)); w = x)
            brk |= is_break(c);
        if (brk && is_upper(c)) {
            i = w;
            continue;
        }
        return j;
    }
}

/* End of the number at byte i (a digit) and its fields in *k. A run like
 * "23.09.2019" or "2.1" is one token that is not one number (numok 0), so
 * that no part of it passes for a count. */
static size_t lex_number(const scan *sc, size_t i, tok *k)
{
    double v = 0;
    size_t j = i + num_parse_de(sc->t + i, sc->n - i, &v);
    size_t good = j;
    while (j + 1 < sc->n && (sc->t[j] == '.' || sc->t[j] == ',') && is_digit(sc->t[j + 1])) {
        j++;
        while (j < sc->n && is_digit(sc->t[j]))
            j++;
    }
    k->numok = j == good && isfinite(v);
    k->val = v;
    k->pure = 1;
    for (size_t x = i; x < j; x++)
        if (!is_digit(sc->t[x]))
            k->pure = 0;
    return j;
}

/* Append the folded form of the word t[a..e) to b, whitespace (of a word
 * joined across a line break) and NUL dropped. ASCII runs go in as one
 * append: this runs for every word of a report. */
static void fold_word(sbuf *b, const char *t, size_t a, size_t e)
{
    char run[64];
    size_t k = 0, i = a;
    while (i < e) {
        unsigned char c = (unsigned char)t[i];
        if (c < 0x80) {
            i++;
            if (c && !is_space(c))
                run[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            if (k == sizeof run) {
                sbuf_add(b, run, k);
                k = 0;
            }
            continue;
        }
        if (k) {
            sbuf_add(b, run, k);
            k = 0;
        }
        int32_t cp = text_utf8_next(t, e, &i);
        if (cp > 0 && !is_space(cp))
            text_fold_cp(b, cp);
    }
    if (k)
        sbuf_add(b, run, k);
}

static void push_tok(scan *sc, tok *k)
{
    /* Words fold (whitespace inside a joined word dropped), so keyword
     * tests are one memcmp; numbers and marks keep their bytes. */
    k->fs = sc->fold.len;
    if (k->kind == T_WORD) {
        fold_word(&sc->fold, sc->t, k->s, k->e);
    } else {
        sbuf_add(&sc->fold, sc->t + k->s, k->e - k->s);
    }
    k->fn = sc->fold.len - k->fs;
    k->roles = (unsigned char)num_word_roles(sc->fold.s + k->fs, k->fn);
    if (sc->na == sc->cap) {
        sc->cap = sc->cap ? sc->cap * 2 : 256;
        sc->a = xrealloc(sc->a, sc->cap * sizeof *sc->a);
    }
    sc->a[sc->na++] = *k;
}

static void tokenize(scan *sc)
{
    size_t i = 0, j;
    int ws = 1, nl = 1;
    while (i < sc->n) {
        int32_t cp = cp_at(sc, i, &j);
        if (is_space(cp)) {
            ws = 1;
            nl |= is_break(cp);
            i = j;
            continue;
        }
        tok k;
        memset(&k, 0, sizeof k);
        k.s = i;
        k.ws = (unsigned char)ws;
        k.nl = (unsigned char)nl;
        ws = nl = 0;
        if (is_digit(cp)) {
            k.kind = T_NUM;
            k.e = lex_number(sc, i, &k);
            size_t x, y;
            int32_t c = cp_at(sc, k.e, &x);
            if (is_letter(c)) { /* "3D", "5G", "2019er": a word */
                k.kind = T_WORD;
                k.numok = k.pure = 0;
                k.val = 0;
                k.e = lex_word(sc, x);
            } else if (c == '-' && is_letter(cp_at(sc, x, &y))) {
                k.glued = 1;
            }
        } else if (is_letter(cp)) {
            k.kind = T_WORD;
            k.upper = (unsigned char)is_upper(cp);
            k.e = lex_word(sc, j);
        } else {
            k.kind = T_PUNCT;
            k.e = j;
        }
        push_tok(sc, &k);
        tok *t = &sc->a[sc->na - 1];
        if (t->kind == T_WORD) {
            const char *f = sc->fold.s + t->fs;
            t->trunc = sc->t[t->e - 1] == '-';
            if (!t->trunc && !memchr(f, '-', t->fn) && !is_digit(sc->t[t->s]))
                t->numok = (unsigned char)num_word_de(f, t->fn, &t->val);
        }
        i = t->e;
    }
}

/* ---- token tests --------------------------------------------------- */

static int fold_is(const scan *sc, size_t k, const char *lit)
{
    if (k >= sc->na || sc->a[k].fn == 0 || sc->fold.s[sc->a[k].fs] != lit[0])
        return 0; /* the cheap test first: this runs for every token */
    size_t m = strlen(lit);
    return sc->a[k].fn == m && memcmp(sc->fold.s + sc->a[k].fs, lit, m) == 0;
}

static int has_role(const scan *sc, size_t k, unsigned role)
{
    return k < sc->na && (sc->a[k].roles & role);
}

static int in_list(const scan *sc, size_t k, const char *const *list)
{
    for (; *list; list++)
        if (fold_is(sc, k, *list))
            return 1;
    return 0;
}

/* Tokens k.. spelling pat, folded tokens separated by spaces ("mehr als",
 * "p . a ."): the number of tokens, 0 if they do not match. Tokens of an
 * amount found before are never matched again. */
static size_t seq_at(const scan *sc, size_t k, const char *pat)
{
    size_t m = 0;
    while (*pat) {
        const char *sp = strchr(pat, ' ');
        size_t len = sp ? (size_t)(sp - pat) : strlen(pat);
        if (k + m >= sc->na)
            return 0;
        const tok *t = &sc->a[k + m];
        if (t->amt || t->fn != len || memcmp(sc->fold.s + t->fs, pat, len) != 0)
            return 0;
        m++;
        pat += len + (sp != NULL);
    }
    return m;
}

static size_t seq_any(const scan *sc, size_t k, const char *const *pats)
{
    size_t m;
    for (; *pats; pats++)
        if ((m = seq_at(sc, k, *pats)))
            return m;
    return 0;
}

/* A pattern of pats that ends just before token k: its token count, and
 * the pattern in *which. */
static size_t seq_before(const scan *sc, size_t k, const char *const *pats, const char **which)
{
    for (; *pats; pats++) {
        size_t m = 1;
        for (const char *p = *pats; *p; p++)
            m += *p == ' ';
        if (k >= m && seq_at(sc, k - m, *pats) == m) {
            *which = *pats;
            return m;
        }
    }
    return 0;
}

/* ---- word lists (folded) ------------------------------------------- */

typedef struct unit {
    const char *z;
    double mul;
} unit;

static const unit scales[] = {
    {"tsd", 1e3},        {"tausend", 1e3},   {"mio", 1e6},      {"mill", 1e6},
    {"million", 1e6},    {"millionen", 1e6}, {"mrd", 1e9},      {"milliarde", 1e9},
    {"milliarden", 1e9}, {"bio", 1e12},      {"billion", 1e12}, {"billionen", 1e12},
    {NULL, 0},
};

static const unit currencies[] = {
    {"euro", 1}, {"euros", 1}, {"eur", 1}, {"\xe2\x82\xac", 1}, {"teur", 1e3}, {NULL, 0},
};

static const char *const quals[] = {
    "rund",       "ca .",  "circa",    "zirka",       "etwa",     "knapp",   "fast",
    "nahezu",     "ueber", "mehr als", "weniger als", "bis zu",   "maximal", "max .",
    "mindestens", "je",    "jeweils",  "jaehrlich",   "pro jahr", NULL,
};

static const char *const per_year_words[] = {
    "jaehrlich",         "pro jahr",         "p . a .", "p . a",
    "per anno",          "jedes jahr",       "je jahr", "/ jahr",
    "pro haushaltsjahr", "je haushaltsjahr", "im jahr", NULL,
};

static const char *const conjunctions[] = {"und", "oder", "sowie", "bzw .", "bzw", NULL};

static const unit *unit_at(const scan *sc, size_t k, const unit *list)
{
    for (; list->z; list++)
        if (fold_is(sc, k, list->z) && !sc->a[k].amt)
            return list;
    return NULL;
}

/* ---- periods ------------------------------------------------------- */

typedef struct period {
    int from, to;
    int jahr;   /* a "Jahr" word in it ("Haushaltsjahren") */
    int keyed;  /* begun by a word that makes it a period: von, bis, ab, Jahr, für */
    size_t end; /* token after the period */
} period;

/* A year a period can name: 1949..2100 in four digits, not the number of
 * an amount ("2024 Euro"). */
static int year_at(const scan *sc, size_t k, size_t lim)
{
    if (k >= lim || k >= sc->na)
        return 0;
    const tok *t = &sc->a[k];
    if (t->kind != T_NUM || !t->pure || t->e - t->s != 4 || t->amtval || t->val < 1949 ||
        t->val > 2100)
        return 0;
    if (unit_at(sc, k + 1, scales) || unit_at(sc, k + 1, currencies))
        return 0;
    return (int)t->val;
}

static size_t skip_words(const scan *sc, size_t j, size_t lim, const char *const *list, int max)
{
    for (int i = 0; i < max && j < lim && in_list(sc, j, list); i++)
        j++;
    return j;
}

/* The year of a two-digit "23" glued to what comes before ("2022/23",
 * "2019-23"), in the century of year; 0 if token k is no such thing. */
static int short_year(const scan *sc, size_t k, int year)
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
static int range_tail(const scan *sc, size_t *pj, size_t lim, period *p)
{
    static const char *const to_words[] = {"bis zum jahr", "bis zum",      "bis", "-",
                                           "\xe2\x80\x93", "\xe2\x80\x94", "/",   NULL};
    static const char *const list_words[] = {"und", ",", NULL};
    size_t j = *pj, m;
    int y;
    if ((m = seq_any(sc, j, to_words)) && j + m < lim) {
        y = year_at(sc, j + m, lim);
        if (!y && m == 1 && !fold_is(sc, j, "bis"))
            y = short_year(sc, j + m, p->from);
        if (y && y >= p->from) {
            p->to = y;
            j += m + 1;
            /* "2020 bis 2022/23": the budget year ends in the next one. */
            if (j + 1 < lim && fold_is(sc, j, "/") && !sc->a[j].ws &&
                (y = short_year(sc, j + 1, p->to)) && y == p->to + 1) {
                p->to = y;
                j += 2;
            }
            *pj = j;
            return 1;
        }
        return 0;
    }
    int any = 0;
    while ((m = seq_any(sc, j, list_words)) && (y = year_at(sc, j + m, lim)) && y > p->to) {
        p->to = y;
        j += m + 1;
        any = 1;
        if (fold_is(sc, j - 2, "und"))
            break;
    }
    *pj = j;
    return any;
}

/* A period beginning at token k and ending before token lim: "von 2021
 * bis 2025", "2019-2023", "bis (Ende) 2025", "ab 2021", "für die Jahre
 * 2023 und 2024", "in den Haushaltsjahren 2023 und 2024", "(bezogen auf
 * den bisherigen Zeitraum 2021 – 2025)". Fills *p and returns 1. */
static int match_period(const scan *sc, size_t k, size_t lim, period *p)
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
        if (!has_role(sc, j, NUM_ROLE_PERIOD))
            break;
        paren |= fold_is(sc, j, "(");
        p->keyed |= has_role(sc, j, NUM_ROLE_PERIOD_KEY);
        p->jahr |= has_role(sc, j, NUM_ROLE_YEAR_WORD);
    }
    if (in_list(sc, j, from_to) && j < lim) {
        j = skip_words(sc, j + 1, lim, after_von, 2);
        if (!(y = year_at(sc, j, lim)))
            return 0;
        p->from = p->to = y;
        j++;
        if (!range_tail(sc, &j, lim, p))
            return 0;
        p->keyed = 1;
    } else if (fold_is(sc, j, "bis") && j < lim) {
        j = skip_words(sc, j + 1, lim, after_bis, 3);
        if (!(p->to = year_at(sc, j, lim)))
            return 0;
        j++;
        p->keyed = 1;
    } else if (in_list(sc, j, from_only) && j < lim) {
        j = skip_words(sc, j + 1, lim, after_ab, 2);
        if (!(p->from = year_at(sc, j, lim)))
            return 0;
        j++;
        p->keyed = 1;
    } else if ((y = year_at(sc, j, lim))) {
        p->from = p->to = y;
        j++;
        if (range_tail(sc, &j, lim, p))
            p->keyed = 1;
    } else {
        return 0;
    }
    if (paren && j < lim && fold_is(sc, j, ")"))
        j++;
    p->end = j;
    return 1;
}

/* ---- output -------------------------------------------------------- */

/* Copy tokens a..b (inclusive) into dst[cap] as written: one space where
 * the text had whitespace, none inside a word joined across a line break,
 * invalid bytes and NUL dropped, cut before a character that does not
 * fit. dst is always NUL-terminated valid UTF-8. */
static void copy_phrase(const scan *sc, size_t a, size_t b, char *dst, size_t cap)
{
    size_t o = 0;
    for (size_t k = a; k <= b; k++) {
        const tok *t = &sc->a[k];
        if (k > a && t->ws) {
            if (o + 1 >= cap)
                break;
            dst[o++] = ' ';
        }
        for (size_t i = t->s, j; i < t->e; i = j) {
            j = i;
            int32_t cp = text_utf8_next(sc->t, t->e, &j);
            if (cp <= 0 || (t->kind == T_WORD && is_space(cp)))
                continue;
            if (o + (j - i) >= cap)
                goto done;
            memcpy(dst + o, sc->t + i, j - i);
            o += j - i;
        }
    }
done:
    while (o > 0 && dst[o - 1] == ' ')
        o--;
    dst[o] = '\0';
}

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
    if (t->amt || in_list(sc, k, ends))
        return 1;
    return (t->kind == T_NUM || t->numok) && !year_at(sc, k, sc->na);
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
    if ((u = unit_at(sc, j, scales))) {
        mul = u->mul;
        scaled = 1;
        j++;
        if (fold_is(sc, j, ".") && !sc->a[j].ws)
            j++;
    }
    if ((u = unit_at(sc, j, currencies))) {
        mul *= u->mul;
        cur = 1;
        j++;
    } else if (k > 0 && (fold_is(sc, k - 1, "\xe2\x82\xac") || fold_is(sc, k - 1, "eur")) &&
               !sc->a[k - 1].amt) {
        cur = 1; /* "€ 15.000", "EUR 5 Mio." */
        first = k - 1;
    }
    if (!cur || (t->kind == T_WORD && t->val < 1.25 && !scaled))
        return;
    double eur = t->val * mul;
    if (!isfinite(eur) || eur > 1e15)
        return;
    /* Cents are the finest unit; rounding also hides 9.1 * 1e6 != 9100000. */
    eur = round(eur * 100) / 100;

    size_t last = j - 1;
    period p;
    memset(&p, 0, sizeof p);
    if ((m = seq_any(sc, j, per_year_words)) && !(m == 2 && year_at(sc, j + 2, sc->na))) {
        py = 1;
        j += m;
        last = j - 1;
    }
    if (match_period(sc, j, sc->na, &p)) {
        have = 1;
        j = p.end;
        last = j - 1;
        if (!py && (m = seq_any(sc, j, per_year_words))) {
            py = 1;
            last = j + m - 1;
        }
    }
    size_t q = first;
    for (int r = 0; r < 3; r++) {
        const char *which = NULL;
        if (!(m = seq_before(sc, q, quals, &which)))
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
            if (has_role(sc, s, NUM_ROLE_PERIOD) && !has_role(sc, s, NUM_ROLE_PERIOD_KEY))
                continue; /* a weak word ("die", "in") begins no period */
            if (match_period(sc, s, q, &p) && p.keyed) {
                have = 1;
                /* "Im Zeitraum 2019-2023": the lead-in belongs to it. */
                while (s > lo && has_role(sc, s - 1, NUM_ROLE_PERIOD) && !fold_is(sc, s - 1, "("))
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
    copy_phrase(sc, q, last, a->text, sizeof a->text);
    for (size_t x = q; x <= last; x++)
        sc->a[x].amt = 1;
    sc->a[k].amtval = 1;
}

/* ---- counts -------------------------------------------------------- */

static int is_opener(const scan *sc, size_t k)
{
    static const char *const openers[] = {
        "(", "[", "\"", "\xe2\x80\x9e", "\xe2\x80\x9c", "\xc2\xbb", "\xc2\xab", NULL};
    return in_list(sc, k, openers);
}

/* 1 if token k follows a label: "Platz 5", "Nr. 3", "TOP 2", "## 2". */
static int after_label(const scan *sc, size_t k)
{
    if (k == 0)
        return 0;
    size_t p = k - 1;
    if (fold_is(sc, p, ".") && !sc->a[p].ws && p > 0)
        p--;
    const tok *t = &sc->a[p];
    /* "TOP" only in capitals: "Top fünf Gründe" is a count. */
    if (t->e - t->s == 3 && memcmp(sc->t + t->s, "TOP", 3) == 0)
        return 1;
    return has_role(sc, p, NUM_ROLE_LABEL);
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
    if (after_label(sc, k) || (k >= 2 && in_list(sc, k - 1, range_words) &&
                               sc->a[k - 2].kind == T_NUM && after_label(sc, k - 2)))
        return; /* "Ziffern 4 und 5" */

    size_t j = k + 1, adj = 0;
    for (;;) {
        if (j >= sc->na)
            return;
        const tok *w = &sc->a[j];
        if (w->kind == T_PUNCT && in_list(sc, j, quotes) && j + 1 < sc->na && !sc->a[j + 1].ws &&
            sc->a[j + 1].kind == T_WORD && sc->a[j + 1].upper) {
            j++;
            continue;
        }
        if (w->kind != T_WORD || w->amt)
            return;
        if (w->upper)
            break;
        if (adj >= 3 || w->numok || w->trunc || is_digit(sc->t[w->s]) ||
            has_role(sc, j, NUM_ROLE_FUNCTION))
            return;
        adj++;
        j++;
    }
    size_t n0 = j;
    if (sc->a[j].trunc) {
        /* "Entwicklungs-, Kooperations- oder sonstige Projekte" */
        while (j < sc->na && sc->a[j].kind == T_WORD && sc->a[j].trunc) {
            j++;
            if (fold_is(sc, j, ","))
                j++;
        }
        size_t m = seq_any(sc, j, conjunctions);
        if (!m)
            return;
        j += m;
        for (adj = 0; j < sc->na && sc->a[j].kind == T_WORD && !sc->a[j].upper && adj < 2 &&
                      !has_role(sc, j, NUM_ROLE_FUNCTION);
             adj++)
            j++;
        if (j >= sc->na || sc->a[j].kind != T_WORD || !sc->a[j].upper || sc->a[j].trunc)
            return;
    }
    if (has_role(sc, j, NUM_ROLE_NOT_NOUN))
        return;
    size_t q = k, m;
    const char *which;
    for (int r = 0; r < 3 && (m = seq_before(sc, q, quals, &which)); r++)
        q -= m;

    out->counts = grow(out->counts, out->n_counts, &sc->cap_counts, sizeof *out->counts);
    num_count *c = &out->counts[out->n_counts++];
    memset(c, 0, sizeof *c);
    c->n = (long)t->val;
    c->start = sc->a[q].s;
    c->end = sc->a[j].e;
    copy_phrase(sc, n0, j, c->of, sizeof c->of);
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
    tokenize(&sc);
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
