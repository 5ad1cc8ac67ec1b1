/* api_auth.c: signing in and out of the page, and the audit log.
 *   POST /api/login   {"user", "password"}: a session cookie (HttpOnly,
 *                     SameSite=Strict, Secure behind TLS) and, in the
 *                     body, the CSRF token the page sends on writes.
 *   POST /api/logout  {"everywhere": true} ends every session of the user.
 *   GET  /api/session who is signed in (the page asks after a reload).
 *   GET  /api/audit   the audit log, for admins. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http/http_int.h"
#include "util/err.h"
#include "util/sbuf.h"

/* user_json: what the page may know of a user. */
static json_t *user_json(const auth_user *u)
{
    json_t *m = json_array();
    for (size_t i = 0; i < u->nministries; i++)
        json_array_append_new(m, json_string(u->ministries[i]));
    return json_pack("{sssssoso}", "name", u->name, "role", auth_role_name(u->role), "land",
                     u->land ? json_string(u->land) : json_null(), "ministries", m);
}

/* behind_tls: the request reached a TLS-terminating proxy in front of
 * us (X-Forwarded-Proto: https): the cookie must then be Secure. */
static int behind_tls(http_req *r)
{
    const char *p = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "X-Forwarded-Proto");
    return p && strcasecmp(p, "https") == 0;
}

static void set_cookie(http_req *r, const char *value, long long max_age)
{
    sbuf b = SBUF_INIT;
    sbuf_addf(&b, "%s=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%lld%s", HTTP_SESSION_COOKIE,
              value, max_age, behind_tls(r) ? "; Secure" : "");
    free(r->set_cookie);
    r->set_cookie = sbuf_take(&b);
}

static json_t *session_json(const auth_user *u, const auth_session *ss)
{
    return json_pack("{sosssI}", "user", user_json(u), "csrf", ss->csrf, "expires",
                     (json_int_t)ss->expires);
}

enum MHD_Result api_login(http_req *r, const char *arg)
{
    static const char *const fields[] = {"user", "password", NULL};
    http_problem pr = {0};
    json_t *j;
    enum MHD_Result ret;
    char addr[48], *err = NULL;
    auth_session ss;
    auth_user u;
    int wait = 0;
    (void)arg;
    const char *ctype = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Content-Type");
    if (http_body_json(ctype, r->in.s ? r->in.s : "", r->in.len, fields, AUTH_PASSWORD_MAX, &j,
                       &pr))
        return http_reply_problem(r, &pr);
    auth *au = http_req_auth(r, &ret);
    if (!au) {
        json_decref(j);
        return ret;
    }
    http_client_addr(r, addr, sizeof addr);
    r->private_answer = 1;
    int rc =
        auth_login(au, json_string_value(json_object_get(j, "user")),
                   json_string_value(json_object_get(j, "password")), addr, &ss, &u, &wait, &err);
    json_decref(j);
    if (rc == KL_EINVAL) {
        ret = http_reply_error(r, 400, NULL, "%s", err);
        free(err);
        return ret;
    }
    if (rc == KL_ELIMIT)
        snprintf(r->retry_after, sizeof r->retry_after, "%d", wait > 0 ? wait : 1);
    if (rc)
        return http_reply_refused(r, rc, err);
    set_cookie(r, ss.id, ss.expires - (long long)r->wall);
    return http_reply_json(r, 200, session_json(&u, &ss));
}

enum MHD_Result api_session(http_req *r, const char *arg)
{
    enum MHD_Result ret;
    auth_session ss;
    auth_user u;
    char *err = NULL;
    (void)arg;
    r->private_answer = 1;
    const char *sid = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, HTTP_SESSION_COOKIE);
    if (!sid)
        return http_reply_error(r, 401, NULL, "Nicht angemeldet");
    auth *au = http_req_auth(r, &ret);
    if (!au)
        return ret;
    int rc = auth_session_check(au, sid, 0, NULL, &u, &ss, &err);
    if (rc)
        return http_reply_refused(r, rc, err);
    return http_reply_json(r, 200, session_json(&u, &ss));
}

enum MHD_Result api_logout(http_req *r, const char *arg)
{
    static const char *const fields[] = {"everywhere", NULL};
    http_problem pr = {0};
    enum MHD_Result ret;
    const auth_user *u;
    json_t *j = NULL;
    char addr[48], *err = NULL;
    (void)arg;
    if (r->in.len) {
        const char *ctype = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Content-Type");
        if (http_body_json(ctype, r->in.s, r->in.len, fields, 16, &j, &pr))
            return http_reply_problem(r, &pr);
    }
    int everywhere = json_is_true(json_object_get(j, "everywhere"));
    json_decref(j);
    const char *sid = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, HTTP_SESSION_COOKIE);
    if (!sid)
        return http_reply_error(r, 401, NULL, "Nicht angemeldet");
    /* Logging out changes state: the CSRF token is checked like on any
     * write, so another site cannot sign the user out. */
    if (http_req_user(r, 1, &u, &ret))
        return ret;
    auth *au = http_req_auth(r, &ret);
    if (!au)
        return ret;
    http_client_addr(r, addr, sizeof addr);
    int rc = everywhere ? auth_logout_all(au, u->name, u->name, addr, NULL, &err)
                        : auth_logout(au, sid, addr, &err);
    if (rc)
        return http_reply_refused(r, rc, err);
    set_cookie(r, "", 0);
    return http_reply_body(r, 204, "application/json", NULL, 0, 0);
}

enum MHD_Result api_audit(http_req *r, const char *arg)
{
    enum MHD_Result ret;
    const auth_user *u;
    json_t *out = NULL;
    char *err = NULL;
    long long before = 0;
    int limit = 100;
    (void)arg;
    if (http_req_user(r, 0, &u, &ret))
        return ret;
    auth *au = http_req_auth(r, &ret);
    if (!au)
        return ret;
    char addr[48];
    http_client_addr(r, addr, sizeof addr);
    int rc = auth_check(au, u, addr, AUTH_AUDIT, NULL, NULL, &err);
    if (rc)
        return http_reply_refused(r, rc, err);
    const char *v = http_param_get(&r->params, "limit");
    if (v) {
        char *end;
        long x = strtol(v, &end, 10);
        if (end == v || *end || x < 1 || x > 1000)
            return http_reply_error(r, 400, "limit", "limit erwartet 1 bis 1000, nicht „%s“", v);
        limit = (int)x;
    }
    v = http_param_get(&r->params, "before");
    if (v) {
        char *end;
        before = strtoll(v, &end, 10);
        if (end == v || *end || before < 1)
            return http_reply_error(r, 400, "before", "before erwartet eine Nummer ab 1");
    }
    rc = auth_audit_list(au, http_param_get(&r->params, "user"), before, limit, &out, &err);
    if (rc) {
        free(err);
        return http_reply_error(r, 500, NULL, "Das Protokoll ist nicht lesbar");
    }
    return http_reply_json(r, 200, json_pack("{so}", "items", out));
}
