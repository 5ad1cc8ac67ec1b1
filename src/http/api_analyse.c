/* api_analyse.c: the Anknüpfungspunkte and the comparison of the Länder
 * (src/analyse) for public readers: GET /api/entries/{id}/similar,
 * /api/links, /api/partners and /api/compare. Like /api/entries they see
 * published entries only; answers carry an ETag (If-None-Match: 304) and
 * the CORS header (reply.c).
 *
 * Similarity and links reuse the corpus this worker thread's analysis
 * context keeps (analyse.h): built on the first call, rebuilt only when
 * the database changed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/http_int.h"
#include "util/err.h"
#include "util/xalloc.h"

#define SIMILAR_DEFAULT 5
#define SIMILAR_MAX 100

/* req_analyse: this worker thread's store in *s and its analysis
 * context, both created on first use. NULL after replying 500 (the caller
 * returns *result). Borrowed: the server frees both in http_stop. */
static analyse_ctx *req_analyse(http_req *r, store **s, enum MHD_Result *result)
{
    http_slot *sl = http_req_slot(r, result);
    if (!sl)
        return NULL;
    *s = sl->s;
    if (!sl->an)
        sl->an = analyse_ctx_new();
    return sl->an;
}

/* choice: the value of parameter name, one of the NULL-terminated
 * allowed values (def when absent), into *out (static). 0 or 400. */
static int choice(const http_params *p, const char *name, const char *const *allowed,
                  const char *def, const char **out, http_problem *pr)
{
    const char *v = http_param_get(p, name);
    *out = def;
    if (!v)
        return 0;
    sbuf b = SBUF_INIT;
    for (size_t i = 0; allowed[i]; i++) {
        if (strcmp(v, allowed[i]) == 0) {
            *out = allowed[i];
            sbuf_free(&b);
            return 0;
        }
        sbuf_addf(&b, "%s%s", i ? ", " : "", allowed[i]);
    }
    http_problem_set(pr, 400, name, "„%s“ ist kein erlaubter Wert für %s; erlaubt: %s", v, name,
                     sbuf_cstr(&b));
    sbuf_free(&b);
    return 400;
}

/* fraction: "0.3", "1", ".25": digits with at most one point, a value in
 * (0, 1]. 1 and *out set, or 0. Written out rather than strtod: no
 * "nan", "1e-1", " 0.3" or locale. */
static int fraction(const char *v, double *out)
{
    double x = 0, scale = 1;
    int digits = 0, point = 0;
    for (const char *c = v; *c; c++) {
        if (*c == '.' && !point) {
            point = 1;
        } else if (*c >= '0' && *c <= '9' && digits < 12) {
            digits++;
            if (point)
                x += (*c - '0') * (scale /= 10);
            else
                x = x * 10 + (*c - '0');
        } else {
            return 0;
        }
    }
    if (!digits || x <= 0 || x > 1)
        return 0;
    *out = x;
    return 1;
}

/* analysis_failed: 500 for an error of the analysis (its message goes to
 * the server's log, not to the reader). err is freed. */
static enum MHD_Result analysis_failed(http_req *r, char *err, const char *what)
{
    fprintf(stderr, "kilandkarte serve: %s: %s\n", what, err ? err : "unbekannter Fehler");
    free(err);
    return http_reply_error(r, 500, NULL, "%s ist fehlgeschlagen", what);
}

enum MHD_Result api_similar(http_req *r, const char *arg)
{
    enum MHD_Result ret;
    store *s;
    json_t *res = NULL;
    char *err = NULL;
    long k = SIMILAR_DEFAULT;
    const char *v = http_param_get(&r->params, "limit");
    if (v) {
        char *end;
        k = strtol(v, &end, 10);
        if (*v < '0' || *v > '9' || *end || k < 1 || k > SIMILAR_MAX)
            return http_reply_error(r, 400, "limit",
                                    "„limit“ erwartet eine ganze Zahl von 1 bis %d, nicht „%s“",
                                    SIMILAR_MAX, v);
    }
    /* The route ends in "/similar" (route.c): the id is before it. */
    size_t n = strlen(arg), sl = strlen("/similar");
    char *id = xstrndup(arg, n > sl ? n - sl : 0);
    analyse_ctx *a = req_analyse(r, &s, &ret);
    if (!a) {
        free(id);
        return ret;
    }
    int rc = analyse_ctx_similar(a, s, id, (int)k, "published", &res, &err);
    if (rc == KL_ENOTFOUND) {
        /* Drafts are "not found" too, as for /api/entries/{id}. */
        free(err);
        ret = http_reply_error(r, 404, NULL, "Kein veröffentlichter Eintrag „%s“", id);
    } else if (rc) {
        ret = analysis_failed(r, err, "Die Suche nach ähnlichen Aktivitäten");
    } else {
        ret = http_reply_json(r, 200, res);
    }
    free(id);
    return ret;
}

enum MHD_Result api_links(http_req *r, const char *arg)
{
    enum MHD_Result ret;
    store *s;
    json_t *res = NULL;
    char *err = NULL;
    double min = ANALYSE_LINKS_THRESHOLD;
    const char *v = http_param_get(&r->params, "min_score");
    (void)arg;
    if (v && !fraction(v, &min))
        return http_reply_error(r, 400, "min_score",
                                "„min_score“ erwartet eine Zahl über 0 bis 1 (z. B. 0.3), "
                                "nicht „%s“",
                                v);
    analyse_ctx *a = req_analyse(r, &s, &ret);
    if (!a)
        return ret;
    if (analyse_ctx_links(a, s, min, "published", &res, &err))
        return analysis_failed(r, err, "Die Suche nach Kooperationsgruppen");
    return http_reply_json(r, 200, res);
}

enum MHD_Result api_partners(http_req *r, const char *arg)
{
    enum MHD_Result ret;
    json_t *res = NULL;
    char *err = NULL;
    (void)arg;
    store *s = http_req_store(r, &ret);
    if (!s)
        return ret;
    if (analyse_partners(s, "published", &res, &err))
        return analysis_failed(r, err, "Die Liste der Partnerangebote");
    return http_reply_json(r, 200, res);
}

enum MHD_Result api_compare(http_req *r, const char *arg)
{
    static const char *const bys[] = {"field", "kind", "target", NULL};
    static const char *const formats[] = {"json", "csv", NULL};
    enum MHD_Result ret;
    http_problem pr = {0};
    const char *by, *format;
    json_t *res = NULL;
    char *err = NULL;
    (void)arg;
    if (choice(&r->params, "by", bys, "field", &by, &pr) ||
        choice(&r->params, "format", formats, "json", &format, &pr))
        return http_reply_problem(r, &pr);
    store *s = http_req_store(r, &ret);
    if (!s)
        return ret;
    if (analyse_compare(s, by, "published", &res, &err))
        return analysis_failed(r, err, "Der Vergleich der Länder");
    if (strcmp(format, "csv") == 0) {
        /* For a German spreadsheet: BOM, semicolons, CRLF (analyse.h). */
        char *csv = analyse_compare_csv(res);
        json_decref(res);
        return http_reply_body(r, 200, "text/csv; charset=utf-8", csv, strlen(csv), 1);
    }
    return http_reply_json(r, 200, res);
}
