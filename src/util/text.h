/* text.h: UTF-8 and the German folding every comparison of words uses.
 *
 * Folding is what makes "München", "Muenchen" and "MÜNCHEN" one word:
 * lower case, ä ö ü to ae oe ue, ß and ẞ to ss, other Latin accents dropped
 * (é to e, ł to l). Search, the gazetteer and similarity all fold with
 * text_fold so that they agree on what "the same word" is. */
#ifndef KL_TEXT_H
#define KL_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

/* text_utf8_next: decode the code point at s[*i] (n bytes in s) and advance
 * *i past it. Returns the code point, or -1 for an invalid or truncated
 * sequence (then *i advances by one byte). Overlong forms and surrogates
 * are invalid. */
int32_t text_utf8_next(const char *s, size_t n, size_t *i);

/* text_utf8_valid: 1 if s[0..n) is valid UTF-8, else 0 with the byte
 * offset of the first bad sequence in *bad (if bad is not NULL). */
int text_utf8_valid(const char *s, size_t n, size_t *bad);

/* text_utf8_put: append code point cp encoded as UTF-8 to b. */
void text_utf8_put(sbuf *b, int32_t cp);

/* text_is_alnum: 1 for letters and digits of the scripts German texts use
 * (ASCII, Latin-1, Latin Extended-A/B, Greek, Cyrillic), else 0. */
int text_is_alnum(int32_t cp);

/* text_fold_cp: append the folded form of cp to b (see above). Code points
 * without a folding are appended unchanged. */
void text_fold_cp(sbuf *b, int32_t cp);

/* text_fold: append the folded form of s[0..n) to b. Invalid bytes are
 * skipped. */
void text_fold(sbuf *b, const char *s, size_t n);

/* text_fold_dup: folded copy of a NUL-terminated string. Caller frees. */
char *text_fold_dup(const char *s);

#endif
