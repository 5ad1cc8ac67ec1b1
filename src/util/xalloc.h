/* xalloc.h: allocation that cannot fail. Out of memory aborts the program
 * with a message: there is nothing sensible a registry can do with half an
 * entry, and checking every malloc by hand is where bugs hide. */
#ifndef KL_XALLOC_H
#define KL_XALLOC_H

#include <stddef.h>

/* All return memory the caller frees with free(). Never NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* xasprintf: printf into a fresh string. Caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
