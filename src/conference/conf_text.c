/* conf_text.c: text helpers of the conference parsers (see conf_int.h). */
#include "conference/conf_int.h"

#include <stdio.h>
#include <string.h>

#include "util/text.h"
#include "util/xalloc.h"

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

size_t conf_lines(const char *s, size_t n, conf_line **out)
{
    size_t cap = 64, k = 0;
    conf_line *ls = xmalloc(cap * sizeof *ls);
    for (size_t i = 0; i <= n;) {
        size_t e = i;
        while (e < n && s[e] != '\n')
            e++;
        size_t a = i, b = e;
        while (a < b && is_space(s[a]))
            a++;
        while (b > a && is_space(s[b - 1]))
            b--;
        if (k == cap) {
            cap *= 2;
            ls = xrealloc(ls, cap * sizeof *ls);
        }
        ls[k].start = a;
        ls[k].end = a == b ? a : b;
        k++;
        if (e >= n)
            break;
        i = e + 1;
    }
    *out = ls;
    return k;
}

static int page_number(const char *s, size_t a, size_t b)
{
    if (b <= a || b - a > 3)
        return 0;
    for (size_t i = a; i < b; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

void conf_squeeze(const char *s, size_t n, sbuf *b, size_t **map)
{
    size_t base = b->len, cap = n + 1, k = 0;
    size_t *m = map ? xmalloc(cap * sizeof *m) : NULL;
    int pending = 0; /* a space is owed before the next word */
    size_t i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && s[e] != '\n')
            e++;
        size_t a = i, z = e;
        while (a < z && is_space(s[a]))
            a++;
        while (z > a && is_space(s[z - 1]))
            z--;
        if (!page_number(s, a, z)) {
            for (size_t p = a; p < z; p++) {
                if (is_space(s[p])) {
                    pending = 1;
                    continue;
                }
                /* "Ökodesign-" at a line end and "Verordnung" on the next
                 * line are one word */
                if (pending && b->len > base + 1 && b->s[b->len - 1] == '-' &&
                    b->s[b->len - 2] != ' ' && p == a)
                    pending = 0;
                if (pending && b->len > base) {
                    if (m)
                        m[k++] = p;
                    sbuf_addc(b, ' ');
                }
                pending = 0;
                if (m)
                    m[k++] = p;
                sbuf_addc(b, s[p]);
            }
            if (z > a)
                pending = 1;
        }
        i = e + 1;
    }
    if (m) {
        m[k] = n;
        *map = m;
    }
}

int conf_startswith(const char *s, size_t n, const char *p)
{
    size_t l = strlen(p);
    return n >= l && memcmp(s, p, l) == 0;
}

size_t conf_find(const char *s, size_t n, size_t from, const char *p)
{
    size_t l = strlen(p);
    for (size_t i = from; i + l <= n; i++)
        if (memcmp(s + i, p, l) == 0)
            return i;
    return (size_t)-1;
}

int conf_month(const char *s, size_t n, size_t *len)
{
    static const char *const names[] = {"Januar",   "Februar",  "März",   "April",     "Mai",
                                        "Juni",     "Juli",     "August", "September", "Oktober",
                                        "November", "Dezember", "Maerz",  "Jänner"};
    static const int month[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 3, 1};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t l = strlen(names[i]);
        if (n >= l && memcmp(s, names[i], l) == 0 &&
            (n == l || !((s[l] >= 'a' && s[l] <= 'z') || (s[l] >= 'A' && s[l] <= 'Z')))) {
            *len = l;
            return month[i];
        }
    }
    return 0;
}

static size_t digits(const char *s, size_t n, size_t max, int *v)
{
    size_t i = 0;
    *v = 0;
    while (i < n && i < max && s[i] >= '0' && s[i] <= '9')
        *v = *v * 10 + (s[i++] - '0');
    return i;
}

size_t conf_date(const char *s, size_t n, char iso[11])
{
    int d, m, y;
    size_t i = digits(s, n, 2, &d), k;
    if (i == 0 || i >= n || s[i] != '.' || d < 1 || d > 31)
        return 0;
    i++;
    if (i < n && s[i] >= '0' && s[i] <= '9') { /* 23.09.2019 */
        k = digits(s + i, n - i, 2, &m);
        if (k == 0 || i + k >= n || s[i + k] != '.')
            return 0;
        i += k + 1;
    } else {
        while (i < n && s[i] == ' ')
            i++;
        if (!(m = conf_month(s + i, n - i, &k)))
            return 0;
        i += k;
        while (i < n && s[i] == ' ')
            i++;
    }
    k = digits(s + i, n - i, 4, &y);
    if (k != 4 || m < 1 || m > 12)
        return 0;
    char buf[40];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    memcpy(iso, buf, 10);
    iso[10] = '\0';
    return i + k;
}

void conf_slug(sbuf *b, const char *s, size_t n)
{
    sbuf f = SBUF_INIT;
    text_fold(&f, s, n);
    int dash = 0;
    size_t start = b->len;
    for (size_t i = 0; i < f.len; i++) {
        char c = f.s[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && b->len > start)
                sbuf_addc(b, '-');
            dash = 0;
            sbuf_addc(b, c);
        } else {
            dash = 1;
        }
    }
    sbuf_free(&f);
}

json_t *conf_add(conf_doc *d, const char *key)
{
    json_t *arr = json_object_get(d->j, key);
    if (!arr) {
        arr = json_array();
        json_object_set_new(d->j, key, arr);
    }
    json_t *o = json_object();
    json_array_append_new(arr, o);
    return o;
}

void conf_set_str(json_t *o, const char *k, const char *s, size_t n)
{
    sbuf b = SBUF_INIT;
    if (s)
        conf_squeeze(s, n, &b, NULL);
    json_object_set_new(o, k, b.len ? json_string(b.s) : json_null());
    sbuf_free(&b);
}

void conf_set_span(conf_doc *d, json_t *o, size_t start, size_t end)
{
    json_object_set_new(o, "document", json_string(d->name));
    json_object_set_new(o, "start", json_integer((json_int_t)start));
    json_object_set_new(o, "end", json_integer((json_int_t)end));
}
