/* may.c: the one permission check (see auth.h for the rules) and the
 * names of roles and actions. Pure: no store, no clock. */
#include <string.h>

#include "auth/auth.h"
#include "util/err.h"
#include "util/text.h"

static const char *const role_names[] = {
    [AUTH_NOBODY] = "nobody",
    [AUTH_ADMIN] = "admin",
    [AUTH_CHAIR] = "chair",
    [AUTH_LAND_EDITOR] = "land-editor",
    [AUTH_FEDERAL_EDITOR] = "federal-editor",
};

static const char *const action_names[AUTH__ACTIONS] = {
    [AUTH_READ] = "read",         [AUTH_HISTORY] = "history",
    [AUTH_CREATE] = "create",     [AUTH_EDIT] = "edit",
    [AUTH_PUBLISH] = "publish",   [AUTH_UNPUBLISH] = "unpublish",
    [AUTH_DELETE] = "delete",     [AUTH_RESTORE] = "restore",
    [AUTH_IMPORT] = "import",     [AUTH_CONFERENCE] = "conference",
    [AUTH_ACCOUNTS] = "accounts", [AUTH_AUDIT] = "audit",
    [AUTH_FEEDBACK] = "feedback",
};

const char *auth_role_name(auth_role r)
{
    return r >= AUTH_NOBODY && r <= AUTH_FEDERAL_EDITOR ? role_names[r] : "nobody";
}

const char *auth_action_name(auth_action a)
{
    return a >= 0 && a < AUTH__ACTIONS ? action_names[a] : "unknown";
}

int auth_role_parse(const char *s, auth_role *out, char **err)
{
    for (int r = AUTH_ADMIN; r <= AUTH_FEDERAL_EDITOR; r++)
        if (s && strcmp(s, role_names[r]) == 0) {
            *out = (auth_role)r;
            return KL_OK;
        }
    /* Echo only what can be shown: the text may come from anywhere. */
    int show = s && strlen(s) <= 40 && text_utf8_valid(s, strlen(s), NULL);
    return err_set(err, KL_EINVAL,
                   "Rolle „%s“ unbekannt (erlaubt: admin, chair, land-editor, federal-editor)",
                   show ? s : "?");
}

int auth_password_check(const char *pw, char **err)
{
    size_t n = pw ? strlen(pw) : 0;
    if (n > AUTH_PASSWORD_MAX)
        return err_set(err, KL_EINVAL, "Passwort: länger als %d Bytes", AUTH_PASSWORD_MAX);
    if (!text_utf8_valid(pw ? pw : "", n, NULL))
        return err_set(err, KL_EINVAL, "Passwort: ungültiges UTF-8");
    size_t chars = 0;
    for (size_t i = 0; i < n; i++)
        chars += ((unsigned char)pw[i] & 0xC0) != 0x80;
    if (chars < AUTH_PASSWORD_MIN)
        return err_set(err, KL_EINVAL, "Passwort: mindestens %d Zeichen (hat %zu)",
                       AUTH_PASSWORD_MIN, chars);
    return KL_OK;
}

/* effective: the role that counts (a disabled or missing user is nobody). */
static auth_role effective(const auth_user *u)
{
    return u && !u->disabled ? u->role : AUTH_NOBODY;
}

/* owns: is an entry of scope x the user's to change? */
static int owns(const auth_user *u, const auth_scope *x)
{
    switch (effective(u)) {
    case AUTH_ADMIN:
        return 1;
    case AUTH_LAND_EDITOR:
        return u->land && x->land && strcmp(u->land, x->land) == 0;
    case AUTH_FEDERAL_EDITOR:
        /* Only the Bund's entries: a Land's entry naming a ministry as
         * funder stays the Land's. */
        if (x->land)
            return 0;
        for (size_t i = 0; i < u->nministries; i++)
            for (size_t k = 0; k < x->nministries; k++)
                if (u->ministries[i] && x->ministries[k] &&
                    strcmp(u->ministries[i], x->ministries[k]) == 0)
                    return 1;
        return 0;
    default:
        return 0;
    }
}

int auth_may_scope(const auth_user *u, auth_action a, const auth_scope *cur, const auth_scope *next)
{
    auth_role r = effective(u);
    switch (a) {
    case AUTH_READ:
        return cur && (cur->published || owns(u, cur));
    case AUTH_HISTORY:
    case AUTH_PUBLISH:
    case AUTH_UNPUBLISH:
    case AUTH_DELETE:
        return cur && owns(u, cur);
    case AUTH_CREATE:
        return next && owns(u, next);
    case AUTH_EDIT:
    case AUTH_RESTORE:
        return cur && next && owns(u, cur) && owns(u, next);
    case AUTH_IMPORT:
        return r == AUTH_ADMIN || r == AUTH_LAND_EDITOR || r == AUTH_FEDERAL_EDITOR;
    case AUTH_CONFERENCE:
        return r == AUTH_ADMIN || r == AUTH_CHAIR;
    case AUTH_ACCOUNTS:
    case AUTH_AUDIT:
    case AUTH_FEEDBACK:
        return r == AUTH_ADMIN;
    default:
        return 0;
    }
}

/* scope_of: the scope of entry e (ministries borrowed into buf). */
static const auth_scope *scope_of(const entry *e, auth_scope *x, const char **buf, size_t cap)
{
    if (!e)
        return NULL;
    json_t *m = json_object_get(entry_json(e), "ministries");
    const char *status = entry_status(e);
    x->land = entry_land(e);
    x->nministries = 0;
    for (size_t i = 0; i < json_array_size(m) && x->nministries < cap; i++) {
        const char *s = json_string_value(json_array_get(m, i));
        if (s)
            buf[x->nministries++] = s;
    }
    x->ministries = buf;
    x->published = status && strcmp(status, "published") == 0;
    return x;
}

int auth_may(const auth_user *u, auth_action a, const entry *cur, const entry *next)
{
    /* An entry names at most 20 ministries (entry.c). */
    const char *bc[32], *bn[32];
    auth_scope c, n;
    return auth_may_scope(u, a, scope_of(cur, &c, bc, 32), scope_of(next, &n, bn, 32));
}
