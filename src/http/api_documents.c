/* api_documents.c: GET /api/documents/{name}?start=&end= : the text of a
 * source document, or the cited passage of it (byte offsets, as entries'
 * source.start and source.end give them), as text/plain. */
#include <stdlib.h>
#include <string.h>

#include "http/http_int.h"
#include "util/err.h"
#include "util/text.h"

/* offset_param: a byte offset in [0, n] on a UTF-8 character boundary. */
static int offset_param(const http_params *p, const char *name, const char *text, size_t n,
                        size_t *out, http_problem *pr)
{
    const char *v = http_param_get(p, name);
    char *end;
    if (!v)
        return 0;
    unsigned long long x = strtoull(v, &end, 10);
    if (end == v || *end || *v < '0' || *v > '9' || x > n)
        return http_problem_set(pr, 400, name,
                                "„%s“ erwartet eine Byte-Position von 0 bis %zu, nicht „%s“", name,
                                n, v);
    if (x < n && ((unsigned char)text[x] & 0xC0) == 0x80)
        return http_problem_set(pr, 400, name, "„%s“ liegt mitten in einem Zeichen", name);
    *out = (size_t)x;
    return 0;
}

enum MHD_Result api_document(http_req *r, const char *arg)
{
    enum MHD_Result ret;
    http_problem pr = {0};
    char *text = NULL, *err = NULL;
    size_t n = 0, start = 0, end;
    store *s = http_req_store(r, &ret);
    if (!s)
        return ret;
    int rc = store_get_document(s, arg, &text, &n, &err);
    free(err);
    if (rc == KL_ENOTFOUND)
        return http_reply_error(r, 404, NULL, "Kein Dokument „%s“", arg);
    if (rc)
        return http_reply_error(r, 500, NULL, "Das Dokument ist nicht lesbar");
    end = n;
    if (offset_param(&r->params, "start", text, n, &start, &pr) ||
        offset_param(&r->params, "end", text, n, &end, &pr)) {
        free(text);
        return http_reply_problem(r, &pr);
    }
    if (start > end) {
        free(text);
        return http_reply_error(r, 400, "end", "end (%zu) liegt vor start (%zu)", end, start);
    }
    memmove(text, text + start, end - start);
    return http_reply_body(r, 200, "text/plain; charset=utf-8", text, end - start, 1);
}
