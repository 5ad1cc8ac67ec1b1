/* text.c: see text.h. */
#include "text.h"

#include <string.h>

#include "xalloc.h"

int32_t text_utf8_next(const char *s, size_t n, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    size_t left = n - *i;
    unsigned c = p[0];
    int32_t cp;
    size_t len;
    if (c < 0x80) {
        *i += 1;
        return (int32_t)c;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        *i += 1;
        return -1;
    }
    if (left < len) {
        *i += 1;
        return -1;
    }
    for (size_t k = 1; k < len; k++) {
        if ((p[k] & 0xC0) != 0x80) {
            *i += 1;
            return -1;
        }
        cp = (cp << 6) | (p[k] & 0x3F);
    }
    /* Overlong encodings, surrogates and values past U+10FFFF. */
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        *i += 1;
        return -1;
    }
    *i += len;
    return cp;
}

int text_utf8_valid(const char *s, size_t n, size_t *bad)
{
    size_t i = 0;
    while (i < n) {
        /* runs of ASCII eight bytes at a time: most of a German text */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        size_t at = i;
        if (text_utf8_next(s, n, &i) < 0) {
            if (bad)
                *bad = at;
            return 0;
        }
    }
    return 1;
}

void text_utf8_put(sbuf *b, int32_t cp)
{
    char o[4];
    size_t n;
    if (cp < 0x80) {
        o[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        o[0] = (char)(0xF0 | (cp >> 18));
        o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    sbuf_add(b, o, n);
}

int text_is_alnum(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp == 0xD7 || cp == 0xF7)
        return 0;
    if (cp >= 0xC0 && cp <= 0x24F)
        return 1;
    if (cp == 0x1E9E) /* capital sharp s */
        return 1;
    if (cp >= 0x386 && cp <= 0x3FF) /* Greek */
        return cp != 0x387;
    if (cp >= 0x400 && cp <= 0x4FF) /* Cyrillic */
        return 1;
    return 0;
}

/* Foldings of U+00C0..U+017F, indexed by cp - 0xC0. "" means "no folding,
 * keep the code point" (only × and ÷, which are not letters). */
static const char *const latin_fold[] = {
    /* C0 */ "a",  "a", "a",  "a",  "ae", "a", "ae", "c",
    "e",           "e", "e",  "e",  "i",  "i", "i",  "i",
    /* D0 */ "d",  "n", "o",  "o",  "o",  "o", "oe", "",
    "o",           "u", "u",  "u",  "ue", "y", "th",
    /* DF */ "ss",
    /* E0 */ "a",  "a", "a",  "a",  "ae", "a", "ae", "c",
    "e",           "e", "e",  "e",  "i",  "i", "i",  "i",
    /* F0 */ "d",  "n", "o",  "o",  "o",  "o", "oe", "",
    "o",           "u", "u",  "u",  "ue", "y", "th",
    /* FF */ "y",
    /* 100 */ "a", "a", "a",  "a",  "a",  "a", "c",  "c",
    "c",           "c", "c",  "c",  "c",  "c", "d",  "d",
    /* 110 */ "d", "d", "e",  "e",  "e",  "e", "e",  "e",
    "e",           "e", "e",  "e",  "g",  "g", "g",  "g",
    /* 120 */ "g", "g", "g",  "g",  "h",  "h", "h",  "h",
    "i",           "i", "i",  "i",  "i",  "i", "i",  "i",
    /* 130 */ "i", "i", "ij", "ij", "j",  "j", "k",  "k",
    "k",           "l", "l",  "l",  "l",  "l", "l",  "l",
    /* 140 */ "l", "l", "l",  "n",  "n",  "n", "n",  "n",
    "n",           "n", "n",  "n",  "o",  "o", "o",  "o",
    /* 150 */ "o", "o", "oe", "oe", "r",  "r", "r",  "r",
    "r",           "r", "s",  "s",  "s",  "s", "s",  "s",
    /* 160 */ "s", "s", "t",  "t",  "t",  "t", "t",  "t",
    "u",           "u", "u",  "u",  "u",  "u", "u",  "u",
    /* 170 */ "u", "u", "u",  "u",  "w",  "w", "y",  "y",
    "y",           "z", "z",  "z",  "z",  "z", "z",  "s",
};

void text_fold_cp(sbuf *b, int32_t cp)
{
    if (cp < 0x80) {
        sbuf_addc(b, (char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp));
        return;
    }
    if (cp >= 0xC0 && cp <= 0x17F && latin_fold[cp - 0xC0][0]) {
        sbuf_adds(b, latin_fold[cp - 0xC0]);
        return;
    }
    if (cp == 0x1E9E) {
        sbuf_adds(b, "ss");
        return;
    }
    if ((cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x410 && cp <= 0x42F))
        cp += 32; /* Greek and basic Cyrillic capitals */
    else if (cp >= 0x400 && cp <= 0x40F)
        cp += 80;
    text_utf8_put(b, cp);
}

void text_fold(sbuf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        int32_t cp = text_utf8_next(s, n, &i);
        if (cp >= 0)
            text_fold_cp(b, cp);
    }
}

char *text_fold_dup(const char *s)
{
    sbuf b = SBUF_INIT;
    text_fold(&b, s, strlen(s));
    return sbuf_take(&b);
}
