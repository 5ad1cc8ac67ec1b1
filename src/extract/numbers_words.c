/* numbers_words.c: reading one German number, in digits ("1.234,5") or in
 * words ("vier", "zweihundert"). See numbers.h; the scanner that finds
 * numbers in running text is numbers.c. */
#include "numbers.h"

#include <string.h>

#include "util/sbuf.h"
#include "util/text.h"

/* A word of the number grammar with its value. */
typedef struct nword {
    const char *z;
    int v;
} nword;

/* Words that stand for a value below 100 on their own. "ein" and its
 * article forms are 1 here; num_scan decides where an article counts. */
static const nword lt100_words[] = {
    {"ein", 1},        {"eine", 1},      {"einen", 1},     {"einem", 1},     {"einer", 1},
    {"eines", 1},      {"eins", 1},      {"zwei", 2},      {"drei", 3},      {"vier", 4},
    {"fuenf", 5},      {"sechs", 6},     {"sieben", 7},    {"acht", 8},      {"neun", 9},
    {"zehn", 10},      {"elf", 11},      {"zwoelf", 12},   {"dreizehn", 13}, {"vierzehn", 14},
    {"fuenfzehn", 15}, {"sechzehn", 16}, {"siebzehn", 17}, {"achtzehn", 18}, {"neunzehn", 19},
    {"zwanzig", 20},   {"dreissig", 30}, {"vierzig", 40},  {"fuenfzig", 50}, {"sechzig", 60},
    {"siebzig", 70},   {"achtzig", 80},  {"neunzig", 90},
};

/* The unit forms that begin a compound: "ein" in "einundzwanzig",
 * "einhundert"; "sieben" in "siebenundvierzig". */
static const nword unit_words[] = {
    {"ein", 1},   {"zwei", 2},   {"drei", 3}, {"vier", 4}, {"fuenf", 5},
    {"sechs", 6}, {"sieben", 7}, {"acht", 8}, {"neun", 9},
};

static int lookup(const nword *a, size_t na, const char *s, size_t n, int *v)
{
    for (size_t i = 0; i < na; i++) {
        if (n && a[i].z[0] == s[0] && strlen(a[i].z) == n && memcmp(a[i].z, s, n) == 0) {
            *v = a[i].v;
            return 1;
        }
    }
    return 0;
}

/* Offset of the first lit in s[0..n), or n when there is none. */
static size_t find(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, lit, m) == 0)
            return i;
    return n;
}

/* Each parser below matches all of s[0..n) or nothing: splitting at the
 * scale word ("hundert", "tausend", "und") keeps the grammar free of
 * backtracking. */
static int lt100(const char *s, size_t n, int *v)
{
    if (lookup(lt100_words, sizeof lt100_words / sizeof *lt100_words, s, n, v))
        return 1;
    size_t p = find(s, n, "und");
    int u, t;
    if (p == n || !lookup(unit_words, sizeof unit_words / sizeof *unit_words, s, p, &u))
        return 0;
    if (!lookup(lt100_words, sizeof lt100_words / sizeof *lt100_words, s + p + 3, n - p - 3, &t) ||
        t < 20 || t % 10 != 0)
        return 0;
    *v = t + u;
    return 1;
}

static int lt1000(const char *s, size_t n, int *v)
{
    size_t p = find(s, n, "hundert");
    if (p == n)
        return lt100(s, n, v);
    int head = 1, tail = 0;
    if (p > 0 && !lookup(unit_words, sizeof unit_words / sizeof *unit_words, s, p, &head))
        return 0;
    if (p + 7 < n && !lt100(s + p + 7, n - p - 7, &tail))
        return 0;
    *v = head * 100 + tail;
    return 1;
}

static int lt1e6(const char *s, size_t n, int *v)
{
    size_t p = find(s, n, "tausend");
    if (p == n)
        return lt1000(s, n, v);
    int head = 1, tail = 0;
    if (p > 0 && !lt1000(s, p, &head))
        return 0;
    if (p + 7 < n && !lt1000(s + p + 7, n - p - 7, &tail))
        return 0;
    *v = head * 1000 + tail;
    return 1;
}

int num_word_de(const char *folded, size_t n, double *value)
{
    int v;
    double d;
    /* Every number word begins with one of these: most words end here. */
    if (!folded || n < 3 || n > 64 || !folded[0] || !strchr("adefhnstvz", folded[0]))
        return 0;
    if (n == 10 && memcmp(folded, "anderthalb", 10) == 0) {
        d = 1.5;
    } else if (n > 7 && memcmp(folded + n - 7, "einhalb", 7) == 0) {
        /* "eineinhalb", "zweieinhalb" ... "zwoelfeinhalb" */
        if (!lt100(folded, n - 7, &v) || v > 12)
            return 0;
        d = v + 0.5;
    } else if (lt1e6(folded, n, &v)) {
        d = v;
    } else {
        return 0;
    }
    if (value)
        *value = d;
    return 1;
}

/* Bytes of a thousands separator at s[i]: "." or a no-break, narrow
 * no-break or thin space (what typeset reports put in "15 000"); 0 if
 * none. */
static size_t group_sep(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == '.')
        return 1;
    if (i + 1 < n && memcmp(s + i, "\xc2\xa0", 2) == 0)
        return 2;
    if (i + 2 < n &&
        (memcmp(s + i, "\xe2\x80\xaf", 3) == 0 || memcmp(s + i, "\xe2\x80\x89", 3) == 0))
        return 3;
    return 0;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* 1 if s[i..] holds exactly three digits followed by a non-digit. */
static int three_digits(const char *s, size_t n, size_t i)
{
    return i + 3 <= n && is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
           (i + 3 == n || !is_digit(s[i + 3]));
}

static size_t parse_digits(const char *s, size_t n, double *value)
{
    size_t i = 0;
    double v = 0;
    while (i < n && is_digit(s[i]))
        v = v * 10 + (s[i++] - '0');
    /* Groups only after a head of one to three digits, all with the same
     * separator: "1.234.567" but not "2.1" (a section) or "1000.000". */
    size_t sep = group_sep(s, n, i);
    if (i <= 3 && sep && three_digits(s, n, i + sep)) {
        char first[3];
        size_t nfirst = sep;
        memcpy(first, s + i, nfirst);
        while (sep == nfirst && memcmp(s + i, first, nfirst) == 0 && three_digits(s, n, i + sep)) {
            i += sep;
            for (int k = 0; k < 3; k++)
                v = v * 10 + (s[i++] - '0');
            sep = group_sep(s, n, i);
        }
    }
    /* Decimal comma: the mantissa is kept whole and divided once, so that
     * "9,1" is the double nearest to 9.1. */
    if (i + 1 < n && s[i] == ',' && is_digit(s[i + 1])) {
        double scale = 1;
        i++;
        while (i < n && is_digit(s[i])) {
            /* Digits past the 18th decimal cannot change a double. */
            if (scale < 1e18) {
                v = v * 10 + (s[i] - '0');
                scale *= 10;
            }
            i++;
        }
        v /= scale;
    }
    if (value)
        *value = v;
    return i;
}

size_t num_parse_de(const char *text, size_t n, double *value)
{
    if (!text || n == 0)
        return 0;
    if (is_digit(text[0]))
        return parse_digits(text, n, value);
    /* A number word: the whole word up to the first non-letter. */
    size_t i = 0, end = 0;
    while (i < n) {
        int32_t cp = text_utf8_next(text, n, &i);
        if (cp < 0 || !text_is_alnum(cp))
            break;
        end = i;
    }
    if (end == 0 || end > 64)
        return 0;
    sbuf b = SBUF_INIT;
    text_fold(&b, text, end);
    int ok = num_word_de(sbuf_cstr(&b), b.len, value);
    sbuf_free(&b);
    return ok ? end : 0;
}

int num_date_year(const char *text, size_t n)
{
    int parts[3], np = 0;
    size_t i = 0;
    if (!text)
        return 0;
    /* d{1,2}.m{1,2}.yyyy or m{1,2}.yyyy */
    while (i < n && np < 3) {
        size_t b = i;
        int v = 0;
        while (i < n && is_digit(text[i]) && i - b < 4)
            v = v * 10 + (text[i++] - '0');
        if (i == b || (i < n && text[i] != '.'))
            return 0;
        parts[np++] = v;
        if (i == n) {
            if (i - b != 4 || np < 2)
                return 0;
            break;
        }
        if (i - b > 2)
            return 0;
        i++;
    }
    if (i != n || np < 2)
        return 0;
    int month = parts[np - 2];
    if (month < 1 || month > 12 || (np == 3 && (parts[0] < 1 || parts[0] > 31)))
        return 0;
    return parts[np - 1] >= 1949 && parts[np - 1] <= 2100 ? parts[np - 1] : 0;
}

/* ---- the lexicon of num_word_roles --------------------------------- */

static const char *const function_words[] = {
    "der",    "die",   "das",    "des",    "dem",   "den",   "ein",   "eine",    "einer",
    "einem",  "einen", "eines",  "und",    "oder",  "sowie", "bzw",   "in",      "im",
    "ins",    "an",    "am",     "auf",    "aus",   "bei",   "beim",  "mit",     "nach",
    "von",    "vom",   "zu",     "zum",    "zur",   "fuer",  "ueber", "unter",   "vor",
    "neben",  "durch", "gegen",  "ohne",   "um",    "als",   "wie",   "bis",     "ab",
    "seit",   "je",    "pro",    "per",    "sind",  "ist",   "war",   "waren",   "wird",
    "werden", "wurde", "wurden", "hat",    "haben", "hatte", "kann",  "koennen", "soll",
    "sollen", "will",  "wollen", "muss",   "es",    "sie",   "er",    "wir",     "ich",
    "ihr",    "man",   "sich",   "nicht",  "auch",  "noch",  "nur",   "so",      "da",
    "dass",   "ob",    "wenn",   "weil",   "mal",   "aller", "alle",  "allen",   "zwischen",
    "dies",   "diese", "dieser", "dieses", "damit", "dabei", "dazu",  "daher",   "davon",
    "aber",   "hier",  "dort",   NULL,
};

/* Capitalised, yet no counted noun: units of time and money, months
 * ("7 Juni" is a date, "3 Jahre" a duration). Function words are added by
 * num_word_roles, since any of them may open a sentence. */
static const char *const not_nouns[] = {
    "uhr",      "prozent",  "prozentpunkte", "euro",      "eur",       "teur",       "mio",
    "mrd",      "tsd",      "million",       "millionen", "milliarde", "milliarden", "tausend",
    "hundert",  "jahr",     "jahre",         "jahren",    "jahres",    "monat",      "monate",
    "monaten",  "monats",   "woche",         "wochen",    "tag",       "tage",       "tagen",
    "stunde",   "stunden",  "minute",        "minuten",   "sekunde",   "sekunden",   "quartal",
    "quartale", "semester", "januar",        "februar",   "maerz",     "april",      "mai",
    "juni",     "juli",     "august",        "september", "oktober",   "november",   "dezember",
    "jan",      "feb",      "mrz",           "apr",       "jun",       "jul",        "aug",
    "sep",      "sept",     "okt",           "nov",       "dez",       NULL,
};

static const char *const label_words[] = {
    "platz",     "rang",       "nr",        "nummer",     "no",     "seite",   "s",
    "kapitel",   "kap",        "abschnitt", "artikel",    "art",    "anlage",  "anhang",
    "modul",     "ziffer",     "ziff",      "ziffern",    "punkt",  "tabelle", "tab",
    "abbildung", "abb",        "teil",      "band",       "bd",     "heft",    "version",
    "stufe",     "phase",      "level",     "paragraph",  "absatz", "abs",     "satz",
    "drs",       "drucksache", "folie",     "randnummer", "rn",     "rz",      "#",
    "\xc2\xa7",  NULL,
};

static const char *const period_words[] = {
    "(", "in", "im", "den", "die", "der", "dem", "des", "bezogen", "auf", "bisherigen", NULL,
};

static const char *const period_keys[] = {"fuer", "zeitraum", "foerderzeitraum", "laufzeit", NULL};

static const char *const year_words[] = {
    "doppelhaushalt",
    "haushalt",
    "jahr",
    "jahre",
    "jahren",
    "jahres",
    "haushaltsjahr",
    "haushaltsjahre",
    "haushaltsjahren",
    "haushaltsjahres",
    "kalenderjahr",
    "kalenderjahre",
    "kalenderjahren",
    NULL,
};

/* The first byte decides for nearly every entry, so strlen runs rarely:
 * this is called once for every token of a report. */
static int listed(const char *const *list, const char *s, size_t n)
{
    for (; *list; list++)
        if ((*list)[0] == s[0] && strlen(*list) == n && memcmp(*list, s, n) == 0)
            return 1;
    return 0;
}

unsigned num_word_roles(const char *folded, size_t n)
{
    unsigned r = 0;
    if (!folded || n == 0 || n > 15) /* the longest is "haushaltsjahren" */
        return 0;
    if (listed(function_words, folded, n))
        r |= NUM_ROLE_FUNCTION | NUM_ROLE_NOT_NOUN;
    if (listed(not_nouns, folded, n))
        r |= NUM_ROLE_NOT_NOUN;
    if (listed(label_words, folded, n))
        r |= NUM_ROLE_LABEL;
    if (listed(period_words, folded, n))
        r |= NUM_ROLE_PERIOD;
    if (listed(period_keys, folded, n))
        r |= NUM_ROLE_PERIOD | NUM_ROLE_PERIOD_KEY;
    if (listed(year_words, folded, n))
        r |= NUM_ROLE_PERIOD | NUM_ROLE_PERIOD_KEY | NUM_ROLE_YEAR_WORD;
    return r;
}
