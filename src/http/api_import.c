/* api_import.c: POST /api/import?name=FILE: a desk officer uploads the
 * text of a report (the body, as the file's bytes) and gets drafts for
 * the review queue. The importer of `kilandkarte import` reads it; of
 * its proposals only those the user may create are stored (a Land's
 * editor gets the entries of their Land), as drafts, new ones only: an
 * id that exists already is left alone and named in the answer (the
 * command line import, run by the operators, is the way to update). The
 * document is kept so the drafts' source passages can be shown; a name
 * already used for another text is refused (409), since entries cite
 * documents by name. Everything is one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "http/http_int.h"
#include "util/err.h"

/* name_ok: a plain file name: [A-Za-z0-9._-], 1..100 bytes, not
 * starting with a dot. */
static int name_ok(const char *s)
{
    size_t n = strlen(s);
    if (!n || n > 100 || s[0] == '.')
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

typedef struct outcome {
    json_t *created, *skipped;
    int doc_changed;
    int english; /* the reasons of skipped proposals in English */
} outcome;

/* put_all: the document and the user's proposals, in one transaction. */
static int put_all(http_server *h, store *s, auth *au, const auth_user *u, const char *addr,
                   const char *name, const char *text, size_t n, extract_result *x, outcome *o,
                   char **err)
{
    int rc = http_write_begin(h, s, err);
    if (rc)
        return rc;
    rc = store_put_document(s, name, extract_kind(x), extract_title(x), text, n, &o->doc_changed,
                            err);
    if (!rc && o->doc_changed == 2)
        rc = err_set(err, KL_ECONFLICT,
                     "Unter dem Namen „%s“ ist schon ein anderer Text gespeichert; Einträge "
                     "zitieren ihn. Bitte die Datei umbenennen.",
                     name);
    for (size_t i = 0; !rc && i < extract_count(x); i++) {
        entry *e = extract_entry(x, i), *old = NULL;
        const char *why = NULL;
        if (!auth_may(u, AUTH_CREATE, NULL, e))
            why = MSG("nicht in Ihrem Bereich (anderes Land oder Ministerium)");
        else if (store_get(s, entry_id(e), &old, NULL) == KL_OK)
            why = MSG("gibt es schon");
        entry_free(old);
        if (why) {
            char *en = o->english ? msg_english(why) : NULL;
            json_array_append_new(
                o->skipped, json_pack("{ssssss}", "id", entry_id(e), "title",
                                      json_string_value(json_object_get(entry_json(e), "title")),
                                      "reason", en ? en : why));
            free(en);
            continue;
        }
        int changed = 0;
        char reason[160];
        snprintf(reason, sizeof reason, "Hochgeladen: %s", name);
        rc = store_put(s, e, u->name, reason, 0, &changed, err);
        if (!rc)
            json_array_append_new(o->created, json_string(entry_id(e)));
    }
    if (!rc)
        rc = auth_audit(au, u->name, addr, "import", name, NULL, err);
    return http_write_end(h, s, rc, err);
}

enum MHD_Result api_import(http_req *r, const char *arg)
{
    enum MHD_Result ret;
    const auth_user *u;
    char addr[48], *err = NULL, *text = NULL;
    size_t tn = 0;
    extract_result *x = NULL;
    (void)arg;
    store *s = http_req_store(r, &ret);
    if (!s || http_req_user(r, 1, &u, &ret))
        return ret;
    r->private_answer = 1;
    if (!u->id)
        return http_reply_error(r, 401, NULL, "Bitte anmelden: Berichte laden nur Bearbeiter hoch");
    auth *au = http_req_auth(r, &ret);
    if (!au)
        return ret;
    http_client_addr(r, addr, sizeof addr);
    int rc = auth_check(au, u, addr, AUTH_IMPORT, NULL, NULL, &err);
    if (rc)
        return http_reply_refused(r, rc, err);
    const char *name = http_param_get(&r->params, "name");
    if (!name || !name_ok(name))
        return http_reply_error(r, 400, "name",
                                "name: der Dateiname des Berichts (Buchstaben, Ziffern, . _ -; "
                                "höchstens 100 Zeichen), z. B. name=bericht-by-2025.txt");
    int latin1 = 0;
    const char *ct = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Content-Type");
    if (ct && strstr(ct, "charset=iso-8859-1"))
        latin1 = 1;
    rc = extract_read(r->in.s ? r->in.s : "", r->in.len, name, latin1, &text, &tn, &err);
    if (!rc)
        rc = extract_run(text, tn, name, r->srv->cfg.g, "draft", &x, &err);
    if (rc) {
        free(text);
        ret = http_reply_error(r, 400, NULL, "%s", err ? err : "Der Bericht ist nicht lesbar");
        free(err);
        return ret;
    }
    if (strcmp(extract_kind(x), "unknown") == 0) {
        /* Nothing to review: say so, and keep nothing. */
        free(text);
        extract_free(x);
        return http_reply_error(r, 422, NULL,
                                "In „%s“ ist kein Bericht zu erkennen (keine Abschnitte der "
                                "Länder, keine Maßnahmen des Bundes); nichts gespeichert",
                                name);
    }
    outcome o = {json_array(), json_array(), 0, http_req_english(r)};
    /* The reasons of skipped proposals are in the answer's language. */
    r->content_language = o.english ? "en" : "de";
    rc = put_all(r->srv, s, au, u, addr, name, text, tn, x, &o, &err);
    free(text);
    if (rc) {
        json_decref(o.created);
        json_decref(o.skipped);
        extract_free(x);
        ret = http_reply_error(r,
                               rc == KL_ECONFLICT ? 409
                               : rc == KL_EINVAL  ? 400
                                                  : 500,
                               NULL, "%s", err ? err : "Import fehlgeschlagen");
        free(err);
        return ret;
    }
    http_cache_invalidate(r->srv->cache);
    json_t *ans = json_pack("{sssssisoso sO}", "document", name, "kind", extract_kind(x),
                            "proposed", (int)extract_count(x), "created", o.created, "skipped",
                            o.skipped, "report", extract_report(x));
    extract_free(x);
    return http_reply_json(r, 201, ans);
}
