/* api_export.c: GET /api/export.{geojson,csv,jsonl}: the published
 * entries matching the same filters as /api/entries, streamed.
 *
 * The body is produced page by page in MHD's content reader, which runs
 * on the connection's worker thread and so may use that thread's store:
 * memory stays at one page however large the registry. No ETag: the body
 * is not known before it is sent. With the response cache on, the bytes
 * sent are also gathered, up to the cache's limit for one answer, and a
 * complete export is kept (cache.c): a repeated export is then served
 * from memory, with an ETag. */
#include <stdlib.h>
#include <string.h>

#include "core/export.h"
#include "http/http_int.h"
#include "util/xalloc.h"

#define PAGE 200

typedef struct stream {
    http_req *r;
    store *s;
    store_query q;
    char *own[1]; /* a copy of q->q: the request's parameters may be
                     freed before the response */
    export_state x;
    sbuf b;
    size_t pos; /* bytes of b already sent */
    int offset; /* next page */
    int done;
    export_format fmt;
    char disp[64]; /* Content-Disposition */
    sbuf cap;      /* with a cache: every byte sent, for the cache */
    int capturing; /* 1 while cap holds the whole body so far */
} stream;

static void stream_free(void *cls)
{
    stream *st = cls;
    for (int i = 0; i < 1; i++)
        free(st->own[i]);
    sbuf_free(&st->b);
    sbuf_free(&st->cap);
    free(st);
}

/* fill: the next page into st->b; at the end, the format's tail. */
static int fill(stream *st)
{
    json_t *res, *v;
    char *err = NULL;
    size_t i;
    st->q.limit = PAGE;
    st->q.offset = st->offset;
    if (store_search(st->s, &st->q, &res, &err)) {
        free(err);
        return -1;
    }
    json_t *items = json_object_get(res, "items");
    json_array_foreach(items, i, v) export_add(&st->x, v, &st->b);
    st->offset += PAGE;
    if (json_array_size(items) < PAGE) {
        export_end(&st->x, &st->b);
        st->done = 1;
    }
    json_decref(res);
    return 0;
}

static ssize_t reader(void *cls, uint64_t pos, char *buf, size_t max)
{
    stream *st = cls;
    (void)pos;
    while (st->pos == st->b.len) {
        if (st->done) {
            if (st->capturing) {
                http_cache_put(st->r->srv->cache, st->r, export_content_type(st->fmt), st->disp,
                               st->cap.s ? st->cap.s : "", st->cap.len);
                st->capturing = 0;
            }
            return MHD_CONTENT_READER_END_OF_STREAM;
        }
        sbuf_reset(&st->b);
        st->pos = 0;
        if (fill(st))
            return MHD_CONTENT_READER_END_WITH_ERROR;
    }
    size_t n = st->b.len - st->pos;
    if (n > max)
        n = max;
    memcpy(buf, st->b.s + st->pos, n);
    if (st->capturing) {
        if (st->cap.len + n > http_cache_max_entry(st->r->srv->cache)) {
            st->capturing = 0;
            sbuf_free(&st->cap);
        } else
            sbuf_add(&st->cap, buf, n);
    }
    st->pos += n;
    st->r->bytes += n; /* the reader runs only while the request lives */
    return (ssize_t)n;
}

static const char *own(stream *st, int k, const char *s)
{
    st->own[k] = s ? xstrdup(s) : NULL;
    return st->own[k];
}

static enum MHD_Result export_reply(http_req *r, export_format fmt)
{
    http_problem pr = {0};
    enum MHD_Result ret;
    stream *st = xcalloc(1, sizeof *st);
    if (http_query_from_params(&r->params, r->srv->cfg.g, 0, 0, &st->q, &pr)) {
        stream_free(st);
        return http_reply_problem(r, &pr);
    }
    st->s = http_req_store(r, &ret);
    if (!st->s) {
        stream_free(st);
        return ret;
    }
    /* land, kind, field, target, status and sort point into static
     * tables; q->q into the request's parameters: copied. */
    st->q.q = own(st, 0, st->q.q);
    if (!st->q.sort)
        st->q.sort = "id";
    st->q.facets = 0;
    st->r = r;
    st->fmt = fmt;
    st->capturing = r->cache_key != NULL && !r->head;
    export_begin(&st->x, fmt, &st->b);
    struct MHD_Response *resp =
        MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 32 * 1024, reader, st, stream_free);
    snprintf(st->disp, sizeof st->disp, "attachment; filename=\"kilandkarte.%s\"",
             export_name(fmt));
    MHD_add_response_header(resp, "Content-Type", export_content_type(fmt));
    MHD_add_response_header(resp, "Content-Disposition", st->disp);
    if (r->cache_key)
        MHD_add_response_header(resp, "X-Cache", "miss");
    http_add_common_headers(r, resp);
    return http_queue(r, 200, resp);
}

enum MHD_Result api_export_geojson(http_req *r, const char *arg)
{
    (void)arg;
    return export_reply(r, EXPORT_GEOJSON);
}

enum MHD_Result api_export_csv(http_req *r, const char *arg)
{
    (void)arg;
    return export_reply(r, EXPORT_CSV);
}

enum MHD_Result api_export_jsonl(http_req *r, const char *arg)
{
    (void)arg;
    return export_reply(r, EXPORT_JSONL);
}
