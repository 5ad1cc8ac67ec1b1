/* api_feedback.c: POST /api/feedback, the feedback form of the
 * accessibility statement (BITV 2.0 § 7): anyone may send a message; it
 * is stored for the admins (kilandkarte feedback), never shown to other
 * readers. No account is needed, so no session and no CSRF token: the
 * limit per address keeps floods out. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "http/http_int.h"
#include "util/err.h"

enum MHD_Result api_feedback_post(http_req *r, const char *arg)
{
    static const char *const fields[] = {"message", "page", "contact", NULL};
    http_problem pr = {0};
    json_t *j;
    enum MHD_Result ret;
    char addr[48], *err = NULL;
    long long id;
    (void)arg;
    const char *ctype = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Content-Type");
    if (http_body_json(ctype, r->in.s ? r->in.s : "", r->in.len, fields, 5000, &j, &pr))
        return http_reply_problem(r, &pr);
    for (const char *const *f = fields; *f; f++) {
        json_t *v = json_object_get(j, *f);
        if (v && !json_is_string(v) && !json_is_null(v)) {
            json_decref(j);
            return http_reply_error(r, 400, *f, "Feld „%s“: erwartet wird Text", *f);
        }
    }
    http_client_addr(r, addr, sizeof addr);
    unsigned wait = http_limit_hit(r->srv->feedback_limit, addr, time(NULL));
    if (wait) {
        json_decref(j);
        /* Retry-After tells a client program when to come back. */
        snprintf(r->retry_after, sizeof r->retry_after, "%u", wait);
        ret = http_reply_error(r, 429, NULL,
                               "Zu viele Rückmeldungen von dieser Adresse; bitte in %u Minuten "
                               "erneut versuchen",
                               (wait + 59) / 60);
        return ret;
    }
    store *s = http_req_store(r, &ret);
    if (!s) {
        json_decref(j);
        return ret;
    }
    int rc = store_add_feedback(s, json_string_value(json_object_get(j, "page")),
                                json_string_value(json_object_get(j, "message")),
                                json_string_value(json_object_get(j, "contact")), &id, &err);
    json_decref(j);
    if (rc == KL_EINVAL) {
        ret = http_reply_error(r, 400, NULL, "%s", err);
        free(err);
        return ret;
    }
    if (rc) {
        fprintf(stderr, "kilandkarte serve: %s\n", err ? err : "Rückmeldung nicht gespeichert");
        free(err);
        return http_reply_error(r, 500, NULL, "Die Rückmeldung konnte nicht gespeichert werden");
    }
    return http_reply_json(r, 201,
                           json_pack("{ss}", "status", "Danke! Ihre Rückmeldung ist angekommen."));
}
