/* api_entries.c: GET /api/entries (search with facets, or with
 * modified_since the change feed) and GET /api/entries/{id}. The public
 * sees published entries; a signed-in editor also the drafts that
 * auth_may lets them read. */
#include <stdlib.h>
#include <string.h>

#include "http/http_int.h"
#include "util/err.h"
#include "util/sbuf.h"

/* page: one page (offset, limit) of the items a filter lets through,
 * and how many it let through: for the answers the store cannot page
 * itself because what a user may see is decided here. */
typedef struct page {
    const auth_user *u;
    json_t *items;
    long total, offset, limit;
} page;

/* page_add: count item (taken; NULL: filtered out), keep it if on the page. */
static void page_add(page *p, json_t *item)
{
    if (!item)
        return;
    if (p->total >= p->offset && p->total < p->offset + p->limit)
        json_array_append(p->items, item);
    json_decref(item);
    p->total++;
}

static enum MHD_Result page_reply(http_req *r, page *p)
{
    return http_reply_json(r, 200,
                           json_pack("{sIso}", "total", (json_int_t)p->total, "items", p->items));
}

/* Searches that include drafts, for a user who may not see them all:
 * the matches filtered by permission. No facets. */
static int visible_add(void *ctx, const entry *e)
{
    page *p = ctx;
    page_add(p, auth_may(p->u, AUTH_READ, e, NULL) ? json_incref(entry_json(e)) : NULL);
    return 0;
}

static enum MHD_Result list_visible(http_req *r, store *s, const auth_user *u, store_query *q)
{
    char *err = NULL;
    page p = {u, json_array(), 0, q->offset, q->limit};
    if (store_each(s, q, &p, visible_add, &err)) {
        json_decref(p.items);
        enum MHD_Result ret = http_reply_error(r, 400, NULL, "%s", err ? err : "Anfrage ungültig");
        free(err);
        return ret;
    }
    return page_reply(r, &p);
}

/* The change feed: what changed since a time, so another system can
 * copy the registry incrementally. Entries the user may read come
 * whole; deleted ones, and ones withdrawn from the user's view, come as
 * tombstones {"id", "version", "updated_at", "deleted": true}. An entry
 * the user never could see does not appear. */
static int feed_add(void *ctx, const store_change *c)
{
    page *p = ctx;
    json_t *item = NULL;
    if (!c->deleted && auth_may(p->u, AUTH_READ, c->e, NULL))
        item = json_incref(entry_json(c->e));
    else if (c->ever_published || auth_may(p->u, AUTH_HISTORY, c->e, NULL))
        item = json_pack("{sssisssb}", "id", c->id, "version", c->version, "updated_at",
                         c->updated_at, "deleted", 1);
    page_add(p, item);
    return 0;
}

/* since_ok: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ". */
static int since_ok(const char *v)
{
    static const char pat[] = "dddd-dd-ddTdd:dd:ddZ";
    size_t n = strlen(v);
    if (n != 10 && n != 20)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (pat[i] == 'd' ? v[i] < '0' || v[i] > '9' : v[i] != pat[i])
            return 0;
    return 1;
}

static enum MHD_Result changes(http_req *r, store *s, const auth_user *u, const store_query *q,
                               const char *since)
{
    char *err = NULL;
    for (size_t i = 0; i < r->params.n; i++) {
        const char *n = r->params.a[i].name;
        if (strcmp(n, "modified_since") && strcmp(n, "limit") && strcmp(n, "offset"))
            return http_reply_error(r, 400, n,
                                    "modified_since verträgt sich nur mit limit und offset, "
                                    "nicht mit %s",
                                    n);
    }
    if (!since_ok(since))
        return http_reply_error(r, 400, "modified_since",
                                "modified_since erwartet JJJJ-MM-TT oder JJJJ-MM-TTThh:mm:ssZ "
                                "(UTC), nicht „%s“",
                                since);
    page f = {u, json_array(), 0, q->offset, q->limit};
    if (store_changes(s, since, &f, feed_add, &err)) {
        json_decref(f.items);
        free(err);
        return http_reply_error(r, 500, NULL, "Die Änderungen sind nicht lesbar");
    }
    return page_reply(r, &f);
}

enum MHD_Result api_entries_list(http_req *r, const char *arg)
{
    store_query q;
    http_problem pr = {0};
    enum MHD_Result ret;
    const auth_user *u;
    sbuf res = SBUF_INIT;
    char *err = NULL;
    (void)arg;
    store *s = http_req_store(r, &ret);
    if (!s || http_req_user(r, 0, &u, &ret))
        return ret;
    if (http_query_from_params(&r->params, r->srv->cfg.g, 1, u->id != 0, &q, &pr))
        return http_reply_problem(r, &pr);
    const char *since = http_param_get(&r->params, "modified_since");
    if (since)
        return changes(r, s, u, &q, since);
    int drafts = !q.status || strcmp(q.status, "published") != 0;
    if (drafts && u->role != AUTH_ADMIN)
        return list_visible(r, s, u, &q);
    q.facets = 1;
    int rc = store_search_text(s, &q, &res, &err);
    if (rc)
        sbuf_free(&res);
    if (rc == KL_EINVAL) {
        /* The search syntax could not read q (or a combination the store
         * refuses): the store's message says why. */
        ret = http_reply_error(r, 400, q.q ? "q" : NULL, "%s", err ? err : "Anfrage ungültig");
        free(err);
        return ret;
    }
    if (rc) {
        ret = http_reply_error(r, 500, NULL, "Die Suche ist fehlgeschlagen");
        free(err);
        return ret;
    }
    size_t len = res.len;
    return http_reply_body(r, 200, "application/json", sbuf_take(&res), len, 1);
}

enum MHD_Result api_entries_get(http_req *r, const char *arg)
{
    enum MHD_Result ret;
    const auth_user *u;
    entry *e = NULL;
    char *err = NULL;
    store *s = http_req_store(r, &ret);
    if (!s || http_req_user(r, 0, &u, &ret))
        return ret;
    int rc = store_get(s, arg, &e, &err);
    free(err);
    if (rc == KL_OK && auth_may(u, AUTH_READ, e, NULL)) {
        json_t *j = json_incref(entry_json(e));
        entry_free(e);
        return http_reply_json(r, 200, j);
    }
    entry_free(e);
    if (rc && rc != KL_ENOTFOUND)
        return http_reply_error(r, 500, NULL, "Der Eintrag ist nicht lesbar");
    /* A draft is "not found" for those who may not see it, not
     * "forbidden": its existence is not public either. */
    return http_reply_error(r, 404, NULL, "Kein veröffentlichter Eintrag „%s“", arg);
}
