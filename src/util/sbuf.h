/* sbuf.h: a growable byte string, always NUL-terminated.
 *
 * An sbuf lives on the caller's stack or inside a struct; initialise it
 * with SBUF_INIT or sbuf_init(), release it with sbuf_free(). The bytes in
 * b->s are owned by the sbuf until sbuf_take() hands them to the caller. */
#ifndef KL_SBUF_H
#define KL_SBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct sbuf {
    char *s;    /* NUL-terminated; NULL until the first append */
    size_t len; /* bytes before the NUL */
    size_t cap; /* bytes allocated */
} sbuf;

#define SBUF_INIT                                                                                  \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

void sbuf_init(sbuf *b);
void sbuf_free(sbuf *b);
/* sbuf_reset: keep the allocation, forget the content. */
void sbuf_reset(sbuf *b);
/* sbuf_add: append s[0..n). s must not point into b->s: the append may
 * move the buffer (copy such bytes one by one with sbuf_addc). */
void sbuf_add(sbuf *b, const char *s, size_t n);
void sbuf_adds(sbuf *b, const char *s);
void sbuf_addc(sbuf *b, char c);
void sbuf_addf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sbuf_vaddf(sbuf *b, const char *fmt, va_list ap);
/* sbuf_cstr: the content, "" when empty. Borrowed: valid until the next
 * change of b. */
const char *sbuf_cstr(const sbuf *b);
/* sbuf_take: hand the content to the caller (who frees it with free()) and
 * leave b empty. Never NULL. */
char *sbuf_take(sbuf *b);

#endif
