/* api_entries.c: GET /api/entries (search with facets) and
 * GET /api/entries/{id}. Public readers see published entries only. */
#include <stdlib.h>
#include <string.h>

#include "http/http_int.h"
#include "util/err.h"

enum MHD_Result api_entries_list(http_req *r, const char *arg)
{
    store_query q;
    http_problem pr = {0};
    enum MHD_Result ret;
    sbuf res = SBUF_INIT;
    char *err = NULL;
    (void)arg;
    if (http_query_from_params(&r->params, r->srv->cfg.g, 1, &q, &pr))
        return http_reply_problem(r, &pr);
    store *s = http_req_store(r, &ret);
    if (!s)
        return ret;
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
    entry *e = NULL;
    char *err = NULL;
    store *s = http_req_store(r, &ret);
    if (!s)
        return ret;
    int rc = store_get(s, arg, &e, &err);
    free(err);
    if (rc == KL_OK && strcmp(entry_status(e), "published") == 0) {
        json_t *j = json_incref(entry_json(e));
        entry_free(e);
        return http_reply_json(r, 200, j);
    }
    entry_free(e);
    if (rc && rc != KL_ENOTFOUND)
        return http_reply_error(r, 500, NULL, "Der Eintrag ist nicht lesbar");
    /* A draft is "not found" for the public, not "forbidden": its
     * existence is not public either. */
    return http_reply_error(r, 404, NULL, "Kein veröffentlichter Eintrag „%s“", arg);
}
