/* query.c: query strings: parsing (outside input) and the checks that
 * turn them into a store_query. Nothing a client sends is ignored: an
 * unknown parameter or a bad value is a 400 that names it. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/http_int.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

#define MAX_PARAMS 64

void http_problem_clear(http_problem *p)
{
    free(p->detail);
    p->detail = NULL;
    json_decref(p->extra);
    p->extra = NULL;
    p->param = NULL;
    p->status = 0;
}

int http_problem_set(http_problem *pr, int status, const char *param, const char *fmt, ...)
{
    va_list ap;
    sbuf b = SBUF_INIT;
    va_start(ap, fmt);
    sbuf_vaddf(&b, fmt, ap);
    va_end(ap);
    free(pr->detail);
    pr->detail = sbuf_take(&b);
    pr->status = status;
    pr->param = param;
    return status;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* decode: s[0..n) with %XX and + decoded into a fresh string (*out,
 * caller frees). 0, or -1 for a bad escape, invalid UTF-8 or a control
 * character. */
static int decode(const char *s, size_t n, char **out)
{
    char *d = xmalloc(n + 1);
    size_t k = 0;
    *out = d;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '+') {
            c = ' ';
        } else if (c == '%') {
            int hi = i + 2 < n ? hexval(s[i + 1]) : -1;
            int lo = i + 2 < n ? hexval(s[i + 2]) : -1;
            if (hi < 0 || lo < 0)
                return -1;
            c = (unsigned char)(hi * 16 + lo);
            i += 2;
        }
        if (c < 0x20 || c == 0x7f)
            return -1;
        d[k++] = (char)c;
    }
    d[k] = '\0';
    return text_utf8_valid(d, k, NULL) ? 0 : -1;
}

int http_params_parse(const char *qs, size_t n, http_params *out, http_problem *pr)
{
    out->a = NULL;
    out->n = 0;
    size_t i = 0;
    while (i < n) {
        const char *amp = memchr(qs + i, '&', n - i);
        size_t end = amp ? (size_t)(amp - qs) : n;
        if (end > i) {
            const char *eq = memchr(qs + i, '=', end - i);
            size_t nl = eq ? (size_t)(eq - qs) - i : end - i;
            char *name, *value;
            if (out->n == MAX_PARAMS)
                return http_problem_set(pr, 400, NULL, "Mehr als %d Parameter", MAX_PARAMS);
            int bad = decode(qs + i, nl, &name);
            bad |= eq ? decode(eq + 1, end - i - nl - 1, &value) : decode("", 0, &value);
            out->a = xrealloc(out->a, (out->n + 1) * sizeof *out->a);
            out->a[out->n].name = name;
            out->a[out->n].value = value;
            out->n++;
            if (bad)
                return http_problem_set(pr, 400, NULL,
                                        "Parameter %zu ist nicht lesbar (Prozentkodierung, UTF-8 "
                                        "oder Steuerzeichen)",
                                        out->n);
            if (!*name)
                return http_problem_set(pr, 400, NULL, "Parameter ohne Namen");
            for (size_t k = 0; k + 1 < out->n; k++)
                if (strcmp(out->a[k].name, name) == 0)
                    return http_problem_set(pr, 400, NULL, "Parameter „%s“ ist mehrfach angegeben",
                                            name);
        }
        i = end + 1;
    }
    return 0;
}

void http_params_free(http_params *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->a[i].name);
        free(p->a[i].value);
    }
    free(p->a);
    p->a = NULL;
    p->n = 0;
}

const char *http_param_get(const http_params *p, const char *name)
{
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->a[i].name, name) == 0)
            return p->a[i].value;
    return NULL;
}

/* In the order of the HTTP_P_ bits (http.h). */
static const char *const pnames[] = {
    "q", "land", "kind", "field", "target", "year", "status", "near", "km", "bbox", "limit",
    "offset", "sort", "start", "end", "min_score", "by", "format", "from", "to", "open", "reason",
    "version", "user", "before", "modified_since", "name",
    /* OParl lists */
    "page", "elementsPerPage", "created_since", "created_until", "modified_until"};

const char *http_param_name(unsigned bit)
{
    for (unsigned i = 0; i < sizeof pnames / sizeof pnames[0]; i++)
        if (bit == 1u << i)
            return pnames[i];
    return NULL;
}

int http_params_check(const http_params *p, unsigned allowed, http_problem *pr)
{
    for (size_t i = 0; i < p->n; i++) {
        unsigned k = 0;
        while (k < sizeof pnames / sizeof pnames[0] && strcmp(pnames[k], p->a[i].name) != 0)
            k++;
        if (k == sizeof pnames / sizeof pnames[0] || !(allowed & (1u << k))) {
            sbuf b = SBUF_INIT;
            for (k = 0; k < sizeof pnames / sizeof pnames[0]; k++)
                if (allowed & (1u << k))
                    sbuf_addf(&b, "%s%s", b.len ? ", " : "", pnames[k]);
            http_problem_set(pr, 400, p->a[i].name, "Unbekannter Parameter „%s“; erlaubt: %s",
                             p->a[i].name, b.len ? sbuf_cstr(&b) : "keine");
            sbuf_free(&b);
            return 400;
        }
    }
    return 0;
}

/* int_param: the value of name as an integer in [lo, hi] into *out (kept
 * when absent). 0 or 400. */
static int int_param(const http_params *p, const char *name, long lo, long hi, long *out,
                     http_problem *pr)
{
    const char *v = http_param_get(p, name);
    char *end;
    if (!v)
        return 0;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (errno || end == v || *end || x < lo || x > hi || (*v != '-' && (*v < '0' || *v > '9')))
        return http_problem_set(pr, 400, name,
                                "„%s“ erwartet eine ganze Zahl von %ld bis %ld, nicht „%s“", name,
                                lo, hi, v);
    *out = x;
    return 0;
}

static int vocab_param(const http_params *p, const char *name, entry_vocab_id v, const char **out,
                       http_problem *pr)
{
    const char *x = http_param_get(p, name);
    if (!x)
        return 0;
    const entry_term *t = entry_vocab_find(v, x);
    if (!t) {
        size_t n;
        const entry_term *all = entry_vocab(v, &n);
        sbuf b = SBUF_INIT;
        for (size_t i = 0; i < n; i++)
            sbuf_addf(&b, "%s%s", i ? ", " : "", all[i].slug);
        http_problem_set(pr, 400, name, "„%s“ ist kein erlaubter Wert für %s; erlaubt: %s", x, name,
                         sbuf_cstr(&b));
        sbuf_free(&b);
        return 400;
    }
    *out = t->slug;
    return 0;
}

static int bbox_param(const http_params *p, store_query *q, http_problem *pr)
{
    const char *v = http_param_get(p, "bbox");
    double *b = q->bbox;
    char tail;
    if (!v)
        return 0;
    if (sscanf(v, "%lf,%lf,%lf,%lf%c", &b[0], &b[1], &b[2], &b[3], &tail) != 4 ||
        !(b[0] <= b[2] && b[1] <= b[3] && b[0] >= -90 && b[2] <= 90 && b[1] >= -180 && b[3] <= 180))
        return http_problem_set(pr, 400, "bbox",
                                "bbox erwartet SÜD,WEST,NORD,OST in Grad (z. B. "
                                "47.2,5.8,55.1,15.1), nicht „%s“",
                                v);
    q->has_bbox = 1;
    return 0;
}

static int near_param(const http_params *p, const geo *g, store_query *q, http_problem *pr)
{
    const char *near = http_param_get(p, "near");
    long km = 50;
    const geo_place *pl;
    char *err = NULL;
    int rc;
    if (!near) {
        if (http_param_get(p, "km"))
            return http_problem_set(pr, 400, "km", "km braucht near=ORT");
        return 0;
    }
    if ((rc = int_param(p, "km", 1, 1000, &km, pr)))
        return rc;
    if (geo_lookup(g, near, NULL, &pl, &err) != KL_OK) {
        http_problem_set(pr, 400, "near", "%s", err ? err : "Ort unbekannt");
        free(err);
        return 400;
    }
    q->has_near = 1;
    q->near_lat = pl->lat;
    q->near_lon = pl->lon;
    q->km = (double)km;
    return 0;
}

static const char *const sorts[] = {"relevance", "distance", "title", "updated", "id"};

int http_query_from_params(const http_params *p, const geo *g, int paging, int drafts_ok,
                           store_query *q, http_problem *pr)
{
    int rc;
    long year = 0, limit = 20, offset = 0;
    const char *v;
    memset(q, 0, sizeof *q);
    q->status = "published";
    q->q = http_param_get(p, "q");
    if ((v = http_param_get(p, "land"))) {
        const geo_land *l = geo_land_find(v);
        if (strcmp(v, "bund") == 0)
            q->land = "bund";
        else if (l)
            q->land = l->code;
        else
            return http_problem_set(pr, 400, "land",
                                    "„%s“ ist kein Land (z. B. DE-BY, BY, Bayern, bund)", v);
    }
    if ((rc = vocab_param(p, "kind", ENTRY_VOCAB_KIND, &q->kind, pr)) ||
        (rc = vocab_param(p, "field", ENTRY_VOCAB_FIELD, &q->field, pr)) ||
        (rc = vocab_param(p, "target", ENTRY_VOCAB_TARGET, &q->target, pr)) ||
        (rc = int_param(p, "year", 1900, 2100, &year, pr)))
        return rc;
    q->year = (int)year;
    if ((v = http_param_get(p, "status"))) {
        if (drafts_ok && strcmp(v, "draft") == 0)
            q->status = "draft";
        else if (drafts_ok && strcmp(v, "all") == 0)
            q->status = NULL;
        else if (strcmp(v, "draft") == 0 || strcmp(v, "all") == 0)
            return http_problem_set(pr, 403, "status",
                                    "Entwürfe sind nur für angemeldete Bearbeiter sichtbar; "
                                    "öffentlich ist nur status=published");
        else if (strcmp(v, "published") != 0)
            return http_problem_set(pr, 400, "status",
                                    "„%s“ ist kein Status; öffentlich erlaubt: published", v);
    }
    if ((rc = near_param(p, g, q, pr)) || (rc = bbox_param(p, q, pr)))
        return rc;
    if ((v = http_param_get(p, "sort"))) {
        size_t i = 0;
        while (i < sizeof sorts / sizeof sorts[0] && strcmp(v, sorts[i]) != 0)
            i++;
        if (i == sizeof sorts / sizeof sorts[0])
            return http_problem_set(pr, 400, "sort",
                                    "Sortierung „%s“ unbekannt; erlaubt: relevance, distance, "
                                    "title, updated, id",
                                    v);
        if (i == 1 && !q->has_near)
            return http_problem_set(pr, 400, "sort", "sort=distance braucht near=ORT");
        q->sort = sorts[i];
    }
    if (paging) {
        if ((rc = int_param(p, "limit", 1, 1000, &limit, pr)) ||
            (rc = int_param(p, "offset", 0, 100000000, &offset, pr)))
            return rc;
        q->limit = (int)limit;
        q->offset = (int)offset;
    }
    return 0;
}
