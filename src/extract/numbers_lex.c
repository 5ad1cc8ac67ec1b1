/* numbers_lex.c: the number scanner's tokens (numbers_int.h).
 *
 * The text is cut into tokens: numbers, words, single other characters.
 * Whitespace only leaves two marks on the token after it ("there was
 * space", "there was a line break"), because PDF-to-text output breaks
 * phrases anywhere: "9,1 Millionen\nEuro" is the same three tokens as on
 * one line. A token's folded form (for the keyword tests) is made when a
 * rule first asks for it: the rules look only around numbers. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract/numbers_int.h"
#include "util/text.h"
#include "util/xalloc.h"

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

static int is_letter(int32_t cp)
{
    return cp > 0 && is_alnum(cp) && !nx_is_digit(cp);
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
    while (j + 1 < sc->n && (sc->t[j] == '.' || sc->t[j] == ',') && nx_is_digit(sc->t[j + 1])) {
        j++;
        while (j < sc->n && nx_is_digit(sc->t[j]))
            j++;
    }
    k->numok = j == good && isfinite(v);
    k->val = v;
    k->pure = 1;
    for (size_t x = i; x < j; x++)
        if (!nx_is_digit(sc->t[x]))
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

const char *nx_folded(const scan *csc, size_t k, size_t *n)
{
    scan *sc = (scan *)csc; /* a cache: the scan itself is no const object */
    tok *t = &sc->a[k];
    if (!t->folded) {
        /* Words fold (whitespace inside a joined word dropped), so keyword
         * tests are one memcmp; numbers and marks keep their bytes. */
        t->fs = sc->fold.len;
        if (t->kind == T_WORD)
            fold_word(&sc->fold, sc->t, t->s, t->e);
        else
            sbuf_add(&sc->fold, sc->t + t->s, t->e - t->s);
        t->fn = sc->fold.len - t->fs;
        t->roles = (unsigned char)num_word_roles(sc->fold.s + t->fs, t->fn);
        t->folded = 1;
    }
    *n = t->fn;
    return sc->fold.s + t->fs;
}

static void push_tok(scan *sc, tok *k)
{
    if (sc->na == sc->cap) {
        sc->cap = sc->cap ? sc->cap * 2 : 256;
        sc->a = xrealloc(sc->a, sc->cap * sizeof *sc->a);
    }
    sc->a[sc->na++] = *k;
}

/* may_be_number_word: the word w[0..n) as written may fold to a number
 * word: it begins with two letters that one begins with ("vier",
 * "Zwölf", "fünf"; nx_number_start), so that most words need no folding.
 * A second byte beyond ASCII ("fü") is left to the folding. */
static int may_be_number_word(const char *w, size_t n)
{
    if (n < 3)
        return 0;
    char c0 = w[0], c1 = w[1];
    if (c0 >= 'A' && c0 <= 'Z')
        c0 = (char)(c0 + 32);
    if ((unsigned char)c1 >= 0x80)
        return strchr("adefhnstvz", c0) != NULL && c0 != '\0';
    if (c1 >= 'A' && c1 <= 'Z')
        c1 = (char)(c1 + 32);
    return nx_number_start(c0, c1);
}

void nx_tokenize(scan *sc)
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
        if (nx_is_digit(cp)) {
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
            t->trunc = sc->t[t->e - 1] == '-';
            if (!t->trunc && may_be_number_word(sc->t + t->s, t->e - t->s)) {
                size_t fn;
                const char *f = nx_folded(sc, sc->na - 1, &fn);
                if (!memchr(f, '-', fn))
                    t->numok = (unsigned char)num_word_de(f, fn, &t->val);
            }
        }
        i = t->e;
    }
}

/* ---- token tests --------------------------------------------------- */

int nx_fold_is(const scan *sc, size_t k, const char *lit)
{
    if (k >= sc->na)
        return 0;
    size_t fn;
    const char *f = nx_folded(sc, k, &fn);
    if (fn == 0 || f[0] != lit[0])
        return 0; /* the cheap test first: this runs for every token */
    size_t m = strlen(lit);
    return fn == m && memcmp(f, lit, m) == 0;
}

int nx_has_role(const scan *sc, size_t k, unsigned role)
{
    size_t fn;
    return k < sc->na && (nx_folded(sc, k, &fn), sc->a[k].roles & role);
}

int nx_in_list(const scan *sc, size_t k, const char *const *list)
{
    for (; *list; list++)
        if (nx_fold_is(sc, k, *list))
            return 1;
    return 0;
}

/* Tokens k.. spelling pat, folded tokens separated by spaces ("mehr als",
 * "p . a ."): the number of tokens, 0 if they do not match. Tokens of an
 * amount found before are never matched again. */
size_t nx_seq_at(const scan *sc, size_t k, const char *pat)
{
    size_t m = 0;
    while (*pat) {
        const char *sp = strchr(pat, ' ');
        size_t len = sp ? (size_t)(sp - pat) : strlen(pat);
        if (k + m >= sc->na)
            return 0;
        size_t fn;
        const char *f = nx_folded(sc, k + m, &fn);
        if (sc->a[k + m].amt || fn != len || memcmp(f, pat, len) != 0)
            return 0;
        m++;
        pat += len + (sp != NULL);
    }
    return m;
}

size_t nx_seq_any(const scan *sc, size_t k, const char *const *pats)
{
    size_t m;
    for (; *pats; pats++)
        if ((m = nx_seq_at(sc, k, *pats)))
            return m;
    return 0;
}

/* A pattern of pats that ends just before token k: its token count, and
 * the pattern in *which. */
size_t nx_seq_before(const scan *sc, size_t k, const char *const *pats, const char **which)
{
    for (; *pats; pats++) {
        size_t m = 1;
        for (const char *p = *pats; *p; p++)
            m += *p == ' ';
        if (k >= m && nx_seq_at(sc, k - m, *pats) == m) {
            *which = *pats;
            return m;
        }
    }
    return 0;
}

/* ---- output -------------------------------------------------------- */

/* Copy tokens a..b (inclusive) into dst[cap] as written: one space where
 * the text had whitespace, none inside a word joined across a line break,
 * invalid bytes and NUL dropped, cut before a character that does not
 * fit. dst is always NUL-terminated valid UTF-8. */
void nx_copy_phrase(const scan *sc, size_t a, size_t b, char *dst, size_t cap)
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
