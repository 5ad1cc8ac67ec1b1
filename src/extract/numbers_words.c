/* numbers_words.c: reading one German number, in digits ("1.234,5") or in
 * words ("vier", "zweihundert"). See numbers.h; the scanner that finds
 * numbers in running text is numbers.c. */
#include "numbers.h"

#include <string.h>

#include "extract/numbers_int.h"
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
    /* most words end here (nx_number_start) */
    if (!folded || n < 3 || n > 64 || !nx_number_start(folded[0], folded[1]))
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

/* The roles, as the lists they stand for:
 * R_FN  function words: articles, prepositions, pronouns, auxiliaries
 *       (always also R_NN, since any of them may open a sentence);
 * R_NN  capitalised, yet no counted noun: units of time and money,
 *       months ("7 Juni" is a date, "3 Jahre" a duration);
 * R_LB  labels: a number after them is a position ("Platz 5", "§ 3");
 * R_PD  words that may stand between an amount and its years;
 * R_PK  the same, and they make the years a period ("für", "Zeitraum");
 * R_YW  Jahr and Haushalt words: "je" before them means "per year". */
#define R_FN NUM_ROLE_FUNCTION
#define R_NN NUM_ROLE_NOT_NOUN
#define R_LB NUM_ROLE_LABEL
#define R_PD NUM_ROLE_PERIOD
#define R_PK NUM_ROLE_PERIOD_KEY
#define R_YW NUM_ROLE_YEAR_WORD

typedef struct lexent {
    const char *z;
    unsigned char n;
    unsigned char roles;
} lexent;

/* Sorted by bytes (unsigned, a prefix first) for the binary search in
 * num_word_roles, which runs once for every token of a report. A word has
 * one row with all its roles. */
static const lexent lexicon[] = {
    {"#", 1, R_LB},
    {"(", 1, R_PD},
    {"ab", 2, R_FN | R_NN},
    {"abb", 3, R_LB},
    {"abbildung", 9, R_LB},
    {"aber", 4, R_FN | R_NN},
    {"abs", 3, R_LB},
    {"absatz", 6, R_LB},
    {"abschnitt", 9, R_LB},
    {"alle", 4, R_FN | R_NN},
    {"allen", 5, R_FN | R_NN},
    {"aller", 5, R_FN | R_NN},
    {"als", 3, R_FN | R_NN},
    {"am", 2, R_FN | R_NN},
    {"an", 2, R_FN | R_NN},
    {"anhang", 6, R_LB},
    {"anlage", 6, R_LB},
    {"apr", 3, R_NN},
    {"april", 5, R_NN},
    {"art", 3, R_LB},
    {"artikel", 7, R_LB},
    {"auch", 4, R_FN | R_NN},
    {"auf", 3, R_FN | R_NN | R_PD},
    {"aug", 3, R_NN},
    {"august", 6, R_NN},
    {"aus", 3, R_FN | R_NN},
    {"band", 4, R_LB},
    {"bd", 2, R_LB},
    {"bei", 3, R_FN | R_NN},
    {"beim", 4, R_FN | R_NN},
    {"bezogen", 7, R_PD},
    {"bis", 3, R_FN | R_NN},
    {"bisherigen", 10, R_PD},
    {"bzw", 3, R_FN | R_NN},
    {"da", 2, R_FN | R_NN},
    {"dabei", 5, R_FN | R_NN},
    {"daher", 5, R_FN | R_NN},
    {"damit", 5, R_FN | R_NN},
    {"das", 3, R_FN | R_NN},
    {"dass", 4, R_FN | R_NN},
    {"davon", 5, R_FN | R_NN},
    {"dazu", 4, R_FN | R_NN},
    {"dem", 3, R_FN | R_NN | R_PD},
    {"den", 3, R_FN | R_NN | R_PD},
    {"der", 3, R_FN | R_NN | R_PD},
    {"des", 3, R_FN | R_NN | R_PD},
    {"dez", 3, R_NN},
    {"dezember", 8, R_NN},
    {"die", 3, R_FN | R_NN | R_PD},
    {"dies", 4, R_FN | R_NN},
    {"diese", 5, R_FN | R_NN},
    {"dieser", 6, R_FN | R_NN},
    {"dieses", 6, R_FN | R_NN},
    {"doppelhaushalt", 14, R_PD | R_PK | R_YW},
    {"dort", 4, R_FN | R_NN},
    {"drs", 3, R_LB},
    {"drucksache", 10, R_LB},
    {"durch", 5, R_FN | R_NN},
    {"ein", 3, R_FN | R_NN},
    {"eine", 4, R_FN | R_NN},
    {"einem", 5, R_FN | R_NN},
    {"einen", 5, R_FN | R_NN},
    {"einer", 5, R_FN | R_NN},
    {"eines", 5, R_FN | R_NN},
    {"er", 2, R_FN | R_NN},
    {"es", 2, R_FN | R_NN},
    {"eur", 3, R_NN},
    {"euro", 4, R_NN},
    {"feb", 3, R_NN},
    {"februar", 7, R_NN},
    {"foerderzeitraum", 15, R_PD | R_PK},
    {"folie", 5, R_LB},
    {"fuer", 4, R_FN | R_NN | R_PD | R_PK},
    {"gegen", 5, R_FN | R_NN},
    {"haben", 5, R_FN | R_NN},
    {"hat", 3, R_FN | R_NN},
    {"hatte", 5, R_FN | R_NN},
    {"haushalt", 8, R_PD | R_PK | R_YW},
    {"haushaltsjahr", 13, R_PD | R_PK | R_YW},
    {"haushaltsjahre", 14, R_PD | R_PK | R_YW},
    {"haushaltsjahren", 15, R_PD | R_PK | R_YW},
    {"haushaltsjahres", 15, R_PD | R_PK | R_YW},
    {"heft", 4, R_LB},
    {"hier", 4, R_FN | R_NN},
    {"hundert", 7, R_NN},
    {"ich", 3, R_FN | R_NN},
    {"ihr", 3, R_FN | R_NN},
    {"im", 2, R_FN | R_NN | R_PD},
    {"in", 2, R_FN | R_NN | R_PD},
    {"ins", 3, R_FN | R_NN},
    {"ist", 3, R_FN | R_NN},
    {"jahr", 4, R_NN | R_PD | R_PK | R_YW},
    {"jahre", 5, R_NN | R_PD | R_PK | R_YW},
    {"jahren", 6, R_NN | R_PD | R_PK | R_YW},
    {"jahres", 6, R_NN | R_PD | R_PK | R_YW},
    {"jan", 3, R_NN},
    {"januar", 6, R_NN},
    {"je", 2, R_FN | R_NN},
    {"jul", 3, R_NN},
    {"juli", 4, R_NN},
    {"jun", 3, R_NN},
    {"juni", 4, R_NN},
    {"kalenderjahr", 12, R_PD | R_PK | R_YW},
    {"kalenderjahre", 13, R_PD | R_PK | R_YW},
    {"kalenderjahren", 14, R_PD | R_PK | R_YW},
    {"kann", 4, R_FN | R_NN},
    {"kap", 3, R_LB},
    {"kapitel", 7, R_LB},
    {"koennen", 7, R_FN | R_NN},
    {"laufzeit", 8, R_PD | R_PK},
    {"level", 5, R_LB},
    {"maerz", 5, R_NN},
    {"mai", 3, R_NN},
    {"mal", 3, R_FN | R_NN},
    {"man", 3, R_FN | R_NN},
    {"milliarde", 9, R_NN},
    {"milliarden", 10, R_NN},
    {"million", 7, R_NN},
    {"millionen", 9, R_NN},
    {"minute", 6, R_NN},
    {"minuten", 7, R_NN},
    {"mio", 3, R_NN},
    {"mit", 3, R_FN | R_NN},
    {"modul", 5, R_LB},
    {"monat", 5, R_NN},
    {"monate", 6, R_NN},
    {"monaten", 7, R_NN},
    {"monats", 6, R_NN},
    {"mrd", 3, R_NN},
    {"mrz", 3, R_NN},
    {"muss", 4, R_FN | R_NN},
    {"nach", 4, R_FN | R_NN},
    {"neben", 5, R_FN | R_NN},
    {"nicht", 5, R_FN | R_NN},
    {"no", 2, R_LB},
    {"noch", 4, R_FN | R_NN},
    {"nov", 3, R_NN},
    {"november", 8, R_NN},
    {"nr", 2, R_LB},
    {"nummer", 6, R_LB},
    {"nur", 3, R_FN | R_NN},
    {"ob", 2, R_FN | R_NN},
    {"oder", 4, R_FN | R_NN},
    {"ohne", 4, R_FN | R_NN},
    {"okt", 3, R_NN},
    {"oktober", 7, R_NN},
    {"paragraph", 9, R_LB},
    {"per", 3, R_FN | R_NN},
    {"phase", 5, R_LB},
    {"platz", 5, R_LB},
    {"pro", 3, R_FN | R_NN},
    {"prozent", 7, R_NN},
    {"prozentpunkte", 13, R_NN},
    {"punkt", 5, R_LB},
    {"quartal", 7, R_NN},
    {"quartale", 8, R_NN},
    {"randnummer", 10, R_LB},
    {"rang", 4, R_LB},
    {"rn", 2, R_LB},
    {"rz", 2, R_LB},
    {"s", 1, R_LB},
    {"satz", 4, R_LB},
    {"seit", 4, R_FN | R_NN},
    {"seite", 5, R_LB},
    {"sekunde", 7, R_NN},
    {"sekunden", 8, R_NN},
    {"semester", 8, R_NN},
    {"sep", 3, R_NN},
    {"sept", 4, R_NN},
    {"september", 9, R_NN},
    {"sich", 4, R_FN | R_NN},
    {"sie", 3, R_FN | R_NN},
    {"sind", 4, R_FN | R_NN},
    {"so", 2, R_FN | R_NN},
    {"soll", 4, R_FN | R_NN},
    {"sollen", 6, R_FN | R_NN},
    {"sowie", 5, R_FN | R_NN},
    {"stufe", 5, R_LB},
    {"stunde", 6, R_NN},
    {"stunden", 7, R_NN},
    {"tab", 3, R_LB},
    {"tabelle", 7, R_LB},
    {"tag", 3, R_NN},
    {"tage", 4, R_NN},
    {"tagen", 5, R_NN},
    {"tausend", 7, R_NN},
    {"teil", 4, R_LB},
    {"teur", 4, R_NN},
    {"tsd", 3, R_NN},
    {"ueber", 5, R_FN | R_NN},
    {"uhr", 3, R_NN},
    {"um", 2, R_FN | R_NN},
    {"und", 3, R_FN | R_NN},
    {"unter", 5, R_FN | R_NN},
    {"version", 7, R_LB},
    {"vom", 3, R_FN | R_NN},
    {"von", 3, R_FN | R_NN},
    {"vor", 3, R_FN | R_NN},
    {"war", 3, R_FN | R_NN},
    {"waren", 5, R_FN | R_NN},
    {"weil", 4, R_FN | R_NN},
    {"wenn", 4, R_FN | R_NN},
    {"werden", 6, R_FN | R_NN},
    {"wie", 3, R_FN | R_NN},
    {"will", 4, R_FN | R_NN},
    {"wir", 3, R_FN | R_NN},
    {"wird", 4, R_FN | R_NN},
    {"woche", 5, R_NN},
    {"wochen", 6, R_NN},
    {"wollen", 6, R_FN | R_NN},
    {"wurde", 5, R_FN | R_NN},
    {"wurden", 6, R_FN | R_NN},
    {"zeitraum", 8, R_PD | R_PK},
    {"ziff", 4, R_LB},
    {"ziffer", 6, R_LB},
    {"ziffern", 7, R_LB},
    {"zu", 2, R_FN | R_NN},
    {"zum", 3, R_FN | R_NN},
    {"zur", 3, R_FN | R_NN},
    {"zwischen", 8, R_FN | R_NN},
    {"\xc2\xa7", 2, R_LB},
};

/* Byte order of z[0..zn) against s[0..n): a prefix sorts first. */
static int lex_cmp(const char *z, size_t zn, const char *s, size_t n)
{
    size_t m = zn < n ? zn : n;
    for (size_t i = 0; i < m; i++)
        if (z[i] != s[i])
            return (unsigned char)z[i] < (unsigned char)s[i] ? -1 : 1;
    return zn < n ? -1 : zn > n;
}

unsigned num_word_roles(const char *folded, size_t n)
{
    if (!folded || n == 0 || n > 15) /* the longest is "haushaltsjahren" */
        return 0;
    size_t lo = 0, hi = sizeof lexicon / sizeof *lexicon;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = lex_cmp(lexicon[mid].z, lexicon[mid].n, folded, n);
        if (c == 0)
            return lexicon[mid].roles;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}
