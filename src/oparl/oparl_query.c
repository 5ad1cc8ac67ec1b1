/* oparl_query.c: what OParl reads from a request (outside input: see
 * tests/fuzz/fuzz_oparl.c): the RFC 3339 times of the filters, the query
 * of lists, the Host that ids are built from; and German local time for
 * the start and end of meetings. See oparl.h. */
#include "oparl/oparl_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"
#include "util/xalloc.h"

/* ---- Time ---- */

/* days_from_civil: days since 1970-01-01 of y-m-d (proleptic Gregorian;
 * H. Hinnant's algorithm). */
static long long days_from_civil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

static void civil_from_days(long long z, int *y, int *m, int *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long yy = (long long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : dm[m - 1];
}

/* digits: n decimal digits at s into *v; 0 if any is not a digit. */
static int digits(const char *s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        *v = *v * 10 + (s[i] - '0');
    }
    return 1;
}

int oparl_datetime(const char *s, int round_up, char out[24])
{
    int y, mo, d, h, mi, se, oh = 0, om = 0, sign = 0;
    if (strlen(s) < 20 || !digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) ||
        s[7] != '-' || !digits(s + 8, 2, &d) || (s[10] != 'T' && s[10] != 't') ||
        !digits(s + 11, 2, &h) || s[13] != ':' || !digits(s + 14, 2, &mi) || s[16] != ':' ||
        !digits(s + 17, 2, &se))
        return -1;
    const char *p = s + 19;
    int frac = 0;
    if (*p == '.') {
        p++;
        if (*p < '0' || *p > '9')
            return -1;
        for (; *p >= '0' && *p <= '9'; p++)
            frac |= *p != '0';
    }
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if (*p == '+' || *p == '-' || *p == ' ') {
        sign = *p == '-' ? -1 : 1;
        if (!digits(p + 1, 2, &oh) || p[3] != ':' || !digits(p + 4, 2, &om))
            return -1;
        p += 6;
    } else {
        return -1;
    }
    if (*p || y < 1 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 ||
        mi > 59 || se > 60 || oh > 23 || om > 59)
        return -1;
    if (se == 60) /* a leap second: the next second */
        se = 59, frac = 1;
    long long t = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + se;
    t -= (long long)sign * (oh * 3600 + om * 60);
    if (frac && round_up)
        t++;
    long long days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    long long rest = t - days * 86400;
    civil_from_days(days, &y, &mo, &d);
    if (y < 1 || y > 9999)
        return -1;
    unsigned sec = (unsigned)rest; /* 0..86399 */
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02u:%02u:%02uZ", y, mo, d, sec / 3600,
             sec % 3600 / 60, sec % 60);
    if (strlen(tmp) != 20)
        return -1;
    memcpy(out, tmp, 21);
    return 0;
}

/* last_sunday: the day of the month of the last Sunday of y-m. */
static int last_sunday(int y, int m)
{
    int last = days_in_month(y, m);
    long long z = days_from_civil(y, (unsigned)m, (unsigned)last);
    int wd = (int)((z % 7 + 11) % 7); /* 0 = Sunday; 1970-01-01 was a Thursday */
    return last - wd;
}

int ol_datetime_local(const char *date, const char *hm, char out[32])
{
    int y, m, d, h, mi;
    if (!date || !hm || strlen(date) != 10 || strlen(hm) != 5 || !digits(date, 4, &y) ||
        date[4] != '-' || !digits(date + 5, 2, &m) || date[7] != '-' || !digits(date + 8, 2, &d) ||
        !digits(hm, 2, &h) || hm[2] != ':' || !digits(hm + 3, 2, &mi) || m < 1 || m > 12 || d < 1 ||
        d > days_in_month(y, m) || h > 23 || mi > 59)
        return -1;
    /* Summer time from the last Sunday of March, 02:00, to the last
     * Sunday of October, 03:00 (local). */
    int md = m * 100 + d, start = 300 + last_sunday(y, 3), end = 1000 + last_sunday(y, 10);
    int summer = (md > start && md < end) || (md == start && h >= 2) || (md == end && h < 3);
    snprintf(out, 32, "%s:%02d:%02d:00%s", date, h, mi, summer ? "+02:00" : "+01:00");
    out[10] = 'T';
    return 0;
}

/* ---- The query of lists ---- */

void oparl_filter_init(oparl_filter *f)
{
    memset(f, 0, sizeof *f);
    f->limit = OPARL_PAGE_DEFAULT;
    f->page = 1;
}

/* count_param: a whole number lo..hi in decimal digits, or -1. */
static long count_param(const char *v, long lo, long hi)
{
    long x = 0;
    size_t n = 0;
    for (; v[n] >= '0' && v[n] <= '9' && n < 8; n++)
        x = x * 10 + (v[n] - '0');
    return n && !v[n] && x >= lo && x <= hi ? x : -1;
}

int oparl_filter_set(oparl_filter *f, const char *name, const char *value, char **err)
{
    static const char *const times[] = {"created_since", "created_until", "modified_since",
                                        "modified_until"};
    char *slot[] = {f->created_since, f->created_until, f->modified_since, f->modified_until};
    for (int i = 0; i < 4; i++) {
        if (strcmp(name, times[i]) != 0)
            continue;
        if (oparl_datetime(value, i % 2 == 0, slot[i]) != 0)
            return err_set(err, KL_EINVAL,
                           "„%s“ erwartet Datum und Uhrzeit mit Zeitzone nach RFC 3339, z. B. "
                           "2024-04-19T09:00:00+02:00, nicht „%s“",
                           name, value);
        return KL_OK;
    }
    if (strcmp(name, "limit") == 0 || strcmp(name, "elementsPerPage") == 0) {
        long n = count_param(value, 1, OPARL_PAGE_MAX);
        if (n < 0)
            return err_set(err, KL_EINVAL,
                           "„%s“ erwartet eine Seitengröße von 1 bis %d, nicht „%s“", name,
                           OPARL_PAGE_MAX, value);
        f->limit = (int)n;
        return KL_OK;
    }
    if (strcmp(name, "page") == 0) {
        long n = count_param(value, 1, 1000000);
        if (n < 0)
            return err_set(err, KL_EINVAL, "„page“ erwartet eine Seitenzahl ab 1, nicht „%s“",
                           value);
        f->page = (int)n;
        return KL_OK;
    }
    return err_set(err, KL_ENOTFOUND, "Unbekannter Parameter „%s“", name);
}

/* host_ok: a Host header as RFC 9110 allows it here: a name of letters,
 * digits, "-" and ".", or an IPv6 address in brackets, then an optional
 * ":port". Nothing that could change a URL's meaning. */
static int host_ok(const char *h)
{
    size_t n = strlen(h), i = 0;
    if (!n || n > 255)
        return 0;
    if (h[0] == '[') {
        for (i = 1; i < n && h[i] != ']'; i++)
            if (!strchr("0123456789abcdefABCDEF:.", h[i]))
                return 0;
        if (i == n || i == 1)
            return 0;
        i++;
    } else {
        for (; i < n && h[i] != ':'; i++)
            if (!((h[i] >= 'a' && h[i] <= 'z') || (h[i] >= 'A' && h[i] <= 'Z') ||
                  (h[i] >= '0' && h[i] <= '9') || h[i] == '-' || h[i] == '.'))
                return 0;
        if (i == 0)
            return 0;
    }
    if (i == n)
        return 1;
    if (h[i] != ':' || i + 1 == n || n - i - 1 > 5)
        return 0;
    for (i++; i < n; i++)
        if (h[i] < '0' || h[i] > '9')
            return 0;
    return 1;
}

char *oparl_base_from_host(const char *host)
{
    return host && host_ok(host) ? xasprintf("http://%s", host) : NULL;
}
