/* err.c: see err.h. */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int err_set(char **err, int code, const char *fmt, ...)
{
    if (!err || *err)
        return code;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return code;
    char *p = malloc((size_t)n + 1);
    if (!p)
        return code;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    *err = p;
    return code;
}

const char *err_name(int code)
{
    switch (code) {
    case KL_OK:
        return "ok";
    case KL_EINVAL:
        return "invalid";
    case KL_ENOTFOUND:
        return "not-found";
    case KL_EDB:
        return "database";
    case KL_EIO:
        return "io";
    case KL_ECONFLICT:
        return "conflict";
    case KL_EAMBIG:
        return "ambiguous";
    case KL_EAUTH:
        return "unauthenticated";
    case KL_EPERM:
        return "forbidden";
    case KL_ELIMIT:
        return "rate-limited";
    }
    return "unknown";
}
