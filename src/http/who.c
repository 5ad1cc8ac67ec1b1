/* who.c: who sends a request. An API token (Authorization: Bearer) or
 * the session cookie of the page names a user; without either the
 * request is nobody's and reads what the public reads. Credentials that
 * are given but wrong are refused (401), never read as "nobody": a
 * script with a revoked token must learn so, not see the public view.
 * A state-changing request with the session cookie must also carry the
 * session's CSRF token (X-CSRF-Token): a page of another site can make
 * the browser send the cookie, but cannot read the token. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http/http_int.h"
#include "util/err.h"

auth *http_req_auth(http_req *r, enum MHD_Result *result)
{
    char *err = NULL;
    http_slot *sl = http_req_slot(r, result);
    if (!sl)
        return NULL;
    if (!sl->au && auth_open(sl->s, &r->srv->cfg.auth, &sl->au, &err) != KL_OK) {
        sl->au = NULL;
        fprintf(stderr, "kilandkarte serve: %s\n", err ? err : "Konten nicht lesbar");
        free(err);
        *result = http_reply_error(r, 500, NULL, "Die Konten sind nicht lesbar");
    }
    return sl->au;
}

/* bearer: the token of an "Authorization: Bearer TOKEN" header, or NULL. */
static const char *bearer(http_req *r)
{
    const char *v = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Authorization");
    if (!v || strncasecmp(v, "Bearer ", 7) != 0)
        return NULL;
    v += 7;
    while (*v == ' ')
        v++;
    return v;
}

int http_req_user(http_req *r, int write, const auth_user **u, enum MHD_Result *result)
{
    char *err = NULL;
    int rc;
    if (r->user_known) {
        *u = &r->user;
        return 0;
    }
    const char *token = bearer(r);
    const char *sid = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, HTTP_SESSION_COOKIE);
    memset(&r->user, 0, sizeof r->user);
    if (token || sid) {
        auth *au = http_req_auth(r, result);
        if (!au)
            return -1;
        if (token) {
            rc = auth_token_check(au, token, &r->user, &err);
        } else {
            const char *csrf =
                MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "X-CSRF-Token");
            rc = auth_session_check(au, sid, write, csrf, &r->user, NULL, &err);
        }
        if (rc) {
            int status = rc == KL_EPERM ? 403 : rc == KL_EAUTH ? 401 : 500;
            *result = http_reply_error(r, status, NULL, "%s", err ? err : "Anmeldung nicht lesbar");
            free(err);
            return -1;
        }
        r->via_session = !token;
    }
    r->user_known = 1;
    *u = &r->user;
    return 0;
}

enum MHD_Result http_reply_refused(http_req *r, int rc, char *err)
{
    int status = rc == KL_EAUTH ? 401 : rc == KL_EPERM ? 403 : rc == KL_ELIMIT ? 429 : 500;
    enum MHD_Result ret = http_reply_error(r, status, NULL, "%s", err ? err : "Nicht erlaubt");
    free(err);
    return ret;
}
