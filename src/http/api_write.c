/* api_write.c: changing entries through the API, and their history.
 *   POST   /api/entries                 create (201, Location)
 *   PUT    /api/entries/{id}            a new version; If-Match required
 *   DELETE /api/entries/{id}            delete (a tombstone); If-Match required
 *   POST   /api/entries/{id}/restore    make version ?version=N current
 *   GET    /api/entries/{id}/history    every version with who, when, why
 * Every write asks auth_check (the one permission check) first, is one
 * transaction of the store, keeps the previous version in the history
 * with the user and ?reason=, and empties the response cache. A stale
 * If-Match is refused with 412 and the current version in "current", so
 * the page can show both to merge. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/entry_input.h"
#include "http/http_int.h"
#include "util/err.h"
#include "util/msg.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* entry_etag: the ETag GET /api/entries/{id} gives e (the same bytes). */
static void entry_etag(const entry *e, char tag[20])
{
    char *s = json_dumps(entry_json(e), JSON_COMPACT | JSON_REAL_PRECISION(10));
    http_etag(s ? s : "", s ? strlen(s) : 0, tag);
    free(s);
}

/* writer: the user of a writing request and the pieces every write
 * needs; 0, or -1 after a reply (in *ret). */
typedef struct writer {
    http_server *srv;
    const auth_user *u;
    auth *au;
    store *s;
    char addr[48];
} writer;

static int writer_get(http_req *r, writer *w, enum MHD_Result *ret)
{
    w->srv = r->srv;
    w->s = http_req_store(r, ret);
    if (!w->s || http_req_user(r, 1, &w->u, ret))
        return -1;
    if (!w->u->id) {
        /* Said before the body is read: without an account there is
         * nothing to check. */
        *ret = http_reply_error(r, 401, NULL,
                                "Bitte anmelden: Ändern dürfen nur Bearbeiterinnen und Bearbeiter "
                                "(Sitzung oder API-Token)");
        return -1;
    }
    w->au = http_req_auth(r, ret);
    if (!w->au)
        return -1;
    http_client_addr(r, w->addr, sizeof w->addr);
    r->private_answer = 1;
    return 0;
}

/* body_entry: the request body as one entry (the canonical form). */
static int body_entry(http_req *r, const geo *g, entry **out, enum MHD_Result *ret)
{
    entry **es = NULL;
    size_t n = 0;
    char *err = NULL;
    *out = NULL;
    const char *ctype = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Content-Type");
    http_problem pr = {0};
    json_t *probe = NULL;
    /* The generic checks first (type, UTF-8, depth); the entry parser
     * then checks every field and names it. */
    if (http_body_json(ctype, r->in.s ? r->in.s : "", r->in.len, NULL, 1 << 16, &probe, &pr)) {
        *ret = http_reply_problem(r, &pr);
        return -1;
    }
    json_decref(probe);
    if (entry_input_parse(r->in.s, r->in.len, MSG("Anfrage"), g, &es, &n, &err) != KL_OK) {
        *ret = http_reply_error(r, 400, NULL, "%s", err);
        free(err);
        return -1;
    }
    if (n != 1) {
        entry_input_free(es, n);
        *ret = http_reply_error(r, 400, NULL, "Erwartet wird genau ein Eintrag, nicht %zu", n);
        return -1;
    }
    *out = es[0];
    es[0] = NULL;
    entry_input_free(es, n);
    return 0;
}

/* The write and its audit row are one transaction: both or neither.
 * finish: after the write (rc its result), the audit row (action NULL:
 * none, nothing changed), then commit; any failure rolls back. */
static int finish(writer *w, int rc, const char *action, const char *id, char **err)
{
    if (!rc && action)
        rc = auth_audit(w->au, w->u->name, w->addr, action, id, NULL, err);
    return http_write_end(w->srv, w->s, rc, err);
}

static enum MHD_Result store_failed(http_req *r, int rc, char *err)
{
    enum MHD_Result ret;
    if (rc == KL_EINVAL)
        ret = http_reply_error(r, 400, NULL, "%s", err ? err : "Ungültiger Eintrag");
    else if (rc == KL_ENOTFOUND)
        ret = http_reply_error(r, 404, NULL, "%s", err ? err : "Nicht gefunden");
    else {
        fprintf(stderr, "kilandkarte serve: %s\n", err ? err : "Schreiben fehlgeschlagen");
        ret = http_reply_error(r, 500, NULL, "Der Eintrag konnte nicht gespeichert werden");
    }
    free(err);
    return ret;
}

/* reply_entry: the entry as stored now, with its ETag (201 with a
 * Location for a new one). */
static enum MHD_Result reply_entry(http_req *r, int status, const entry *e)
{
    if (status == 201) {
        sbuf b = SBUF_INIT;
        sbuf_addf(&b, "/api/entries/%s", entry_id(e));
        free(r->location);
        r->location = sbuf_take(&b);
    }
    /* http_reply_body hashes these bytes: the ETag GET gives too. */
    char *s = json_dumps(entry_json(e), JSON_COMPACT | JSON_REAL_PRECISION(10));
    return http_reply_body(r, status, "application/json", s, strlen(s), 1);
}

/* stale: If-Match does not name the current version: 412 with it. */
static enum MHD_Result stale(http_req *r, const entry *cur)
{
    entry_etag(cur, r->etag);
    http_problem pr = {412, NULL,
                       xstrdup(MSG("Der Eintrag wurde inzwischen geändert: Ihre Fassung beruht "
                                   "auf einer älteren Version. Bitte beide Fassungen "
                                   "zusammenführen und erneut senden.")),
                       json_pack("{sssO}", "etag", r->etag, "current", entry_json(cur))};
    return http_reply_problem(r, &pr);
}

/* if_match: 0 when If-Match names cur's ETag (or is "*"); else replies
 * 428 (missing: writes must say which version they change) or 412. */
static int if_match(http_req *r, const entry *cur, enum MHD_Result *ret)
{
    char tag[20];
    const char *im = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "If-Match");
    if (!im) {
        *ret = http_reply_error(r, 428, NULL,
                                "If-Match fehlt: bitte die ETag der Fassung senden, die "
                                "geändert wird (GET /api/entries/%s)",
                                entry_id(cur));
        return -1;
    }
    entry_etag(cur, tag);
    if (strcmp(im, "*") == 0 || strstr(im, tag))
        return 0;
    *ret = stale(r, cur);
    return -1;
}

/* visible_current: the current entry id for w's user: 404 when there is
 * none or the user may not see it (a draft's existence is not public). */
static int visible_current(http_req *r, writer *w, const char *id, entry **cur,
                           enum MHD_Result *ret)
{
    char *err = NULL;
    int rc = store_get(w->s, id, cur, &err);
    if (rc == KL_OK && !auth_may(w->u, AUTH_READ, *cur, NULL)) {
        entry_free(*cur);
        *cur = NULL;
        rc = KL_ENOTFOUND;
    }
    if (rc) {
        *ret = rc == KL_ENOTFOUND ? http_reply_error(r, 404, NULL, "Kein Eintrag „%s“", id)
                                  : store_failed(r, rc, err);
        if (rc == KL_ENOTFOUND)
            free(err);
        return -1;
    }
    return 0;
}

enum MHD_Result api_entries_post(http_req *r, const char *arg)
{
    writer w;
    enum MHD_Result ret;
    entry *e = NULL, *old = NULL;
    char *err = NULL;
    int changed = 0;
    (void)arg;
    if (writer_get(r, &w, &ret) || body_entry(r, r->srv->cfg.g, &e, &ret))
        return ret;
    int rc = auth_check(w.au, w.u, w.addr, AUTH_CREATE, NULL, e, &err);
    if (rc) {
        entry_free(e);
        return http_reply_refused(r, rc, err);
    }
    if (store_get(w.s, entry_id(e), &old, NULL) == KL_OK) {
        entry_free(old);
        ret = http_reply_error(r, 409, NULL,
                               "Es gibt schon einen Eintrag „%s“: ändern mit PUT "
                               "/api/entries/%s",
                               entry_id(e), entry_id(e));
        entry_free(e);
        return ret;
    }
    rc = http_write_begin(w.srv, w.s, &err);
    if (!rc) {
        rc = store_put(w.s, e, w.u->name, http_param_get(&r->params, "reason"), 0, &changed, &err);
        rc = finish(&w, rc, "create", entry_id(e), &err);
    }
    if (rc) {
        entry_free(e);
        return store_failed(r, rc, err);
    }
    http_cache_invalidate(r->srv->cache);
    ret = reply_entry(r, 201, e);
    entry_free(e);
    return ret;
}

/* status_action: what a change of status from cur to next asks for. */
static int status_changes(const entry *cur, const entry *next)
{
    return strcmp(entry_status(cur), entry_status(next)) != 0;
}

enum MHD_Result api_entries_put(http_req *r, const char *arg)
{
    writer w;
    enum MHD_Result ret;
    entry *e = NULL, *cur = NULL;
    char *err = NULL;
    int changed = 0, rc;
    if (writer_get(r, &w, &ret) || visible_current(r, &w, arg, &cur, &ret))
        return ret;
    if (if_match(r, cur, &ret) || body_entry(r, r->srv->cfg.g, &e, &ret)) {
        entry_free(cur);
        return ret;
    }
    if (strcmp(entry_id(e), arg) != 0) {
        ret = http_reply_error(r, 400, "id", "Die id im Inhalt („%s“) ist nicht die der Adresse",
                               entry_id(e));
        goto done;
    }
    /* Publishing is its own right; a change of content is an edit. */
    if (status_changes(cur, e) &&
        (rc = auth_check(w.au, w.u, w.addr,
                         strcmp(entry_status(e), "published") == 0 ? AUTH_PUBLISH : AUTH_UNPUBLISH,
                         cur, NULL, &err))) {
        ret = http_reply_refused(r, rc, err);
        goto done;
    }
    if ((rc = auth_check(w.au, w.u, w.addr, AUTH_EDIT, cur, e, &err))) {
        ret = http_reply_refused(r, rc, err);
        goto done;
    }
    rc = http_write_begin(w.srv, w.s, &err);
    if (!rc) {
        /* "If-Match: *" asks for no particular version (RFC 9110
         * 13.1.1): a write between our read and ours is no conflict. */
        const char *im = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "If-Match");
        int expect = im && strcmp(im, "*") == 0 ? 0 : entry_version(cur);
        rc = store_put(w.s, e, w.u->name, http_param_get(&r->params, "reason"), expect, &changed,
                       &err);
        rc = finish(&w, rc, changed ? "update" : NULL, arg, &err);
    }
    if (rc == KL_ECONFLICT) {
        /* Changed between our read and the write: the newest wins the
         * race, this one is told so, as for a stale If-Match. */
        free(err);
        entry_free(cur);
        cur = NULL;
        if (store_get(w.s, arg, &cur, NULL) == KL_OK)
            ret = stale(r, cur);
        else
            ret = http_reply_error(r, 412, NULL, "Der Eintrag wurde inzwischen geändert");
        goto done;
    }
    if (rc) {
        ret = store_failed(r, rc, err);
        goto done;
    }
    if (changed)
        http_cache_invalidate(r->srv->cache);
    ret = reply_entry(r, 200, e);
done:
    entry_free(e);
    entry_free(cur);
    return ret;
}

enum MHD_Result api_entries_delete(http_req *r, const char *arg)
{
    writer w;
    enum MHD_Result ret;
    entry *cur = NULL;
    char *err = NULL;
    if (writer_get(r, &w, &ret) || visible_current(r, &w, arg, &cur, &ret))
        return ret;
    if (if_match(r, cur, &ret)) {
        entry_free(cur);
        return ret;
    }
    int rc = auth_check(w.au, w.u, w.addr, AUTH_DELETE, cur, NULL, &err);
    entry_free(cur);
    if (rc)
        return http_reply_refused(r, rc, err);
    rc = http_write_begin(w.srv, w.s, &err);
    if (!rc) {
        rc = store_delete(w.s, arg, w.u->name, http_param_get(&r->params, "reason"), &err);
        rc = finish(&w, rc, "delete", arg, &err);
    }
    if (rc)
        return store_failed(r, rc, err);
    http_cache_invalidate(r->srv->cache);
    return http_reply_body(r, 204, "application/json", NULL, 0, 0);
}

/* history_of: the versions of id, newest first, and its newest state
 * (deleted ones too) as an entry. 404 when there is none. */
static int history_of(http_req *r, writer *w, const char *id, json_t **hist, entry **newest,
                      enum MHD_Result *ret)
{
    char *err = NULL;
    int rc = store_history(w->s, id, hist, &err);
    if (rc == KL_OK && json_array_size(*hist) == 0)
        rc = KL_ENOTFOUND;
    if (rc) {
        json_decref(*hist);
        *hist = NULL;
        free(err);
        *ret = rc == KL_ENOTFOUND ? http_reply_error(r, 404, NULL, "Kein Eintrag „%s“", id)
                                  : http_reply_error(r, 500, NULL, "Verlauf nicht lesbar");
        return -1;
    }
    char *s = json_dumps(json_object_get(json_array_get(*hist, 0), "entry"), JSON_COMPACT);
    *newest = s ? entry_from_stored(s) : NULL;
    free(s);
    return 0;
}

enum MHD_Result api_entries_history(http_req *r, const char *arg)
{
    enum MHD_Result ret;
    writer w;
    json_t *hist = NULL;
    entry *cur = NULL;
    char *err = NULL;
    char id[256];
    size_t n = strlen(arg) - strlen("/history");
    snprintf(id, sizeof id, "%.*s", (int)(n < sizeof id ? n : sizeof id - 1), arg);
    w.s = http_req_store(r, &ret);
    if (!w.s || http_req_user(r, 0, &w.u, &ret) || history_of(r, &w, id, &hist, &cur, &ret))
        return ret;
    int rc = KL_OK;
    if (!auth_may(w.u, AUTH_HISTORY, cur, NULL)) {
        /* Not theirs: a signed-in user is told (and the refusal logged);
         * the public learns nothing, as for a draft. */
        json_decref(hist);
        if (w.u->id && (w.au = http_req_auth(r, &ret))) {
            http_client_addr(r, w.addr, sizeof w.addr);
            rc = auth_check(w.au, w.u, w.addr, AUTH_HISTORY, cur, NULL, &err);
            entry_free(cur);
            return http_reply_refused(r, rc ? rc : KL_EPERM, err);
        }
        entry_free(cur);
        return w.u->id ? ret : http_reply_error(r, 404, NULL, "Kein Eintrag „%s“", id);
    }
    entry_free(cur);
    r->private_answer = w.u->id != 0;
    return http_reply_json(r, 200, json_pack("{ssso}", "id", id, "versions", hist));
}

enum MHD_Result api_entries_restore(http_req *r, const char *arg)
{
    writer w;
    enum MHD_Result ret;
    json_t *hist = NULL;
    entry *cur = NULL, *target = NULL, *now = NULL;
    char *err = NULL, id[256];
    int version = 0, nv = 0;
    size_t n = strlen(arg) - strlen("/restore");
    snprintf(id, sizeof id, "%.*s", (int)(n < sizeof id ? n : sizeof id - 1), arg);
    const char *v = http_param_get(&r->params, "version");
    if (v) {
        char *end;
        long x = strtol(v, &end, 10);
        if (end == v || *end || x < 1 || x > 1000000)
            return http_reply_error(r, 400, "version", "version erwartet eine Nummer ab 1");
        version = (int)x;
    }
    if (writer_get(r, &w, &ret) || history_of(r, &w, id, &hist, &cur, &ret))
        return ret;
    /* The version to restore, as the permission check needs it: the
     * restored entry must be the user's as much as the current one. */
    size_t i;
    json_t *row;
    json_array_foreach(hist, i, row)
    {
        int ver = (int)json_integer_value(json_object_get(row, "version"));
        const char *act = json_string_value(json_object_get(row, "action"));
        /* version 0: the newest version that is no deletion. */
        if (version ? ver != version : strcmp(act ? act : "", "delete") == 0)
            continue;
        char *s = json_dumps(json_object_get(row, "entry"), JSON_COMPACT);
        target = s ? entry_from_stored(s) : NULL;
        free(s);
        break;
    }
    json_decref(hist);
    if (!target) {
        entry_free(cur);
        return http_reply_error(r, 404, "version", "Keine Version %d von „%s“", version, id);
    }
    int rc = auth_check(w.au, w.u, w.addr, AUTH_RESTORE, cur, target, &err);
    entry_free(cur);
    entry_free(target);
    if (rc)
        return http_reply_refused(r, rc, err);
    rc = http_write_begin(w.srv, w.s, &err);
    if (!rc) {
        rc = store_restore(w.s, id, version, w.u->name, &nv, &err);
        rc = finish(&w, rc, "restore", id, &err);
    }
    if (rc)
        return store_failed(r, rc, err);
    http_cache_invalidate(r->srv->cache);
    if (store_get(w.s, id, &now, &err) != KL_OK)
        return store_failed(r, KL_EDB, err);
    ret = reply_entry(r, 200, now);
    entry_free(now);
    return ret;
}
