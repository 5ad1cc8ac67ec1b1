/* err.h: the one error convention of KI-Landkarte.
 *
 * Functions that can fail return int: KL_OK (0) on success or one of the
 * negative codes below. Where a caller needs to tell a person what went
 * wrong, the function also takes `char **err`: on failure it stores a
 * message there (German, naming the field, line or parameter) that the
 * caller frees with free(); on success it leaves *err untouched. err may be
 * NULL when the caller does not want the message. */
#ifndef KL_ERR_H
#define KL_ERR_H

enum {
    KL_OK = 0,
    KL_EINVAL = -1,    /* bad input: the message says what and where */
    KL_ENOTFOUND = -2, /* no such entry, place, document */
    KL_EDB = -3,       /* SQLite failed: disk, corruption, lock */
    KL_EIO = -4,       /* file or stream could not be read or written */
    KL_ECONFLICT = -5, /* the thing exists already or changed meanwhile */
    KL_EAMBIG = -6,    /* a name matched several candidates */
    KL_EAUTH = -7,     /* not logged in, or the login failed (HTTP 401) */
    KL_EPERM = -8,     /* logged in, but the role may not (HTTP 403) */
    KL_ELIMIT = -9,    /* too many failed logins: wait (HTTP 429) */
};

/* err_set: if err is not NULL and *err is NULL, store a formatted message
 * in *err (caller frees). Returns code, so a failing path reads
 * `return err_set(err, KL_EINVAL, "...", ...);`. */
int err_set(char **err, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* err_name: a short stable name of a code ("invalid", "not-found", ...).
 * Static storage, never freed. */
const char *err_name(int code);

#endif
