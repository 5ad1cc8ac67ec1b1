/* numbers_int.h: private to the number scanner (numbers.c,
 * numbers_lex.c, numbers_period.c); see numbers.h for what it finds.
 * numbers_lex.c cuts the text into tokens and tests them, numbers_period.c
 * knows the word lists and reads periods of years, numbers.c finds the
 * amounts, counts and years. */
#ifndef KL_NUMBERS_INT_H
#define KL_NUMBERS_INT_H

#include <stddef.h>
#include <stdint.h>

#include "extract/numbers.h"
#include "util/sbuf.h"

enum { T_NUM, T_WORD, T_PUNCT };

typedef struct tok {
    size_t s, e;   /* bytes s..e of the text */
    size_t fs, fn; /* folded form in scan.fold: words folded, the rest as written
                    * (made when first asked for: see nx_folded) */
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
    unsigned char folded; /* fs, fn and roles are made */
} tok;

typedef struct scan {
    const char *t;
    size_t n;
    tok *a;
    size_t na, cap;
    sbuf fold;
    size_t cap_amounts, cap_counts, cap_years;
} scan;

static inline int nx_is_digit(int32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* nx_number_start: every German number word begins with one of these
 * pairs of (folded) letters: "ei"n, "zw"ei, "dr"ei, "vi"er, "fu"enf,
 * "se"chs, "si"eben, "ac"ht, "ne"un, "ze"hn, "el"f, "hu"ndert, "ta"usend,
 * "an"derthalb. Most words are ruled out by it. */
static inline int nx_number_start(char c0, char c1)
{
    static const char pairs[][2] = {{'a', 'c'}, {'a', 'n'}, {'d', 'r'}, {'e', 'i'}, {'e', 'l'},
                                    {'f', 'u'}, {'h', 'u'}, {'n', 'e'}, {'s', 'e'}, {'s', 'i'},
                                    {'t', 'a'}, {'v', 'i'}, {'z', 'e'}, {'z', 'w'}};
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
        if (pairs[k][0] == c0 && pairs[k][1] == c1)
            return 1;
    return 0;
}

/* ---- numbers_lex.c: tokens and tests on them -------------------------- */

/* nx_tokenize: cut sc->t[0..sc->n) into sc->a. */
void nx_tokenize(scan *sc);

/* nx_folded: token k's folded form (its length in *n), made on first use:
 * most tokens of a report are never asked about. The scan is const to its
 * readers; the folded forms are a cache of it. */
const char *nx_folded(const scan *sc, size_t k, size_t *n);

/* nx_fold_is: token k folded is lit. nx_has_role: token k has one of the
 * NUM_ROLE_* bits of role. nx_in_list: token k folded is in list. */
int nx_fold_is(const scan *sc, size_t k, const char *lit);
int nx_has_role(const scan *sc, size_t k, unsigned role);
int nx_in_list(const scan *sc, size_t k, const char *const *list);

/* nx_seq_at: tokens k.. spell pat (folded tokens separated by spaces,
 * "mehr als", "p . a ."): the number of tokens, 0 if not (tokens of an
 * amount are never matched again). nx_seq_any: the first of pats that
 * matches there. nx_seq_before: a pattern of pats that ends just before
 * token k: its token count, the pattern in *which. */
size_t nx_seq_at(const scan *sc, size_t k, const char *pat);
size_t nx_seq_any(const scan *sc, size_t k, const char *const *pats);
size_t nx_seq_before(const scan *sc, size_t k, const char *const *pats, const char **which);

/* nx_copy_phrase: tokens a..b (inclusive) as written into dst[cap] (see
 * numbers_lex.c). */
void nx_copy_phrase(const scan *sc, size_t a, size_t b, char *dst, size_t cap);

/* ---- numbers_period.c: word lists and periods ------------------------- */

typedef struct unit {
    const char *z;
    double mul;
} unit;

extern const unit nx_scales[], nx_currencies[];
extern const char *const nx_quals[], *const nx_per_year_words[], *const nx_conjunctions[];

/* nx_unit_at: the unit of list that token k is (not inside an amount). */
const unit *nx_unit_at(const scan *sc, size_t k, const unit *list);

typedef struct period {
    int from, to;
    int jahr;   /* a "Jahr" word in it ("Haushaltsjahren") */
    int keyed;  /* begun by a word that makes it a period: von, bis, ab, Jahr, für */
    size_t end; /* token after the period */
} period;

/* nx_year_at: token k (before lim) as a year a period can name, or 0. */
int nx_year_at(const scan *sc, size_t k, size_t lim);

/* nx_match_period: a period beginning at token k and ending before lim
 * into *p; 1 if there is one. */
int nx_match_period(const scan *sc, size_t k, size_t lim, period *p);

#endif
