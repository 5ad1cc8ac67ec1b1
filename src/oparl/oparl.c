/* oparl.c: the handle and its statements, lists with pagination, and
 * the helpers of the builders. The query of lists: oparl_query.c. See
 * oparl.h. */
#include "oparl/oparl_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"
#include "util/msg.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* The modified time of an object is the latest of its row and of what is
 * embedded in it or named by it (OParl 1.1: embedding objects change with
 * what they embed). Text order is time order ("...T07:02:00Z"). */
#define MEETING_MOD                                                                                \
    "max(m.modified,"                                                                              \
    " coalesce((SELECT max(g.modified) FROM conf_agenda g WHERE g.meeting = m.id), ''),"           \
    " coalesce((SELECT max(r.modified) FROM conf_resolution r JOIN conf_agenda g"                  \
    " ON g.id = r.agenda WHERE g.meeting = m.id), ''),"                                            \
    " coalesce((SELECT max(x.modified) FROM conf_annex x WHERE x.meeting = m.id), ''),"            \
    " coalesce((SELECT max(a.modified) FROM conf_attendance a WHERE a.meeting = m.id), ''),"       \
    " coalesce((SELECT max(dd.imported_at) FROM conf_yield y JOIN document dd"                     \
    " ON dd.name = y.document WHERE y.tbl = 'conf_meeting' AND y.key = m.id), ''),"                \
    " coalesce((SELECT max(dd.imported_at) FROM conf_annex x JOIN document dd"                     \
    " ON dd.name = x.file WHERE x.meeting = m.id), ''))"
#define AGENDA_MOD                                                                                 \
    "max(g.modified,"                                                                              \
    " coalesce((SELECT max(r.modified) FROM conf_resolution r WHERE r.agenda = g.id), ''),"        \
    " coalesce((SELECT max(x.modified) FROM conf_annex x WHERE x.agenda = g.id), ''),"             \
    " coalesce((SELECT max(dd.imported_at) FROM conf_annex x JOIN document dd"                     \
    " ON dd.name = x.file WHERE x.agenda = g.id), ''))"
#define PERSON_MOD                                                                                 \
    "max(p.modified,"                                                                              \
    " coalesce((SELECT max(a.modified) FROM conf_attendance a WHERE a.person = p.id), ''))"
#define RES_MOD                                                                                    \
    "max(r.modified,"                                                                              \
    " coalesce((SELECT dd.imported_at FROM document dd WHERE dd.name = r.document), ''),"          \
    " coalesce((SELECT g.modified FROM conf_agenda g WHERE g.id = r.agenda), ''),"                 \
    " coalesce((SELECT max(w.modified) FROM conf_resolution w WHERE w.noted_by = r.id), ''))"
#define ANNEX_MOD                                                                                  \
    "max(x.modified,"                                                                              \
    " coalesce((SELECT dd.imported_at FROM document dd WHERE dd.name = x.file), ''))"
#define PLENUM_MOD                                                                                 \
    "max(b.modified,"                                                                              \
    " coalesce((SELECT max(a.modified) FROM conf_attendance a JOIN conf_meeting mm"                \
    " ON mm.id = a.meeting WHERE mm.body = b.id), ''))"
/* The first body whose meeting a person attended: the person's body. */
#define PERSON_BODY                                                                                \
    "(SELECT mm.body FROM conf_attendance a JOIN conf_meeting mm ON mm.id = a.meeting"             \
    " WHERE a.person = p.id ORDER BY mm.year, mm.id LIMIT 1)"

static const char *const sql[Q__COUNT] = {
    [Q_BODY] = "SELECT b.*, " PLENUM_MOD " AS plenum_mod FROM conf_body b WHERE b.id = ?1",
    [Q_MEMBER] = "SELECT * FROM conf_member WHERE body = ?1 AND lower(member) = lower(?2)",
    [Q_PERSON] = "SELECT p.*, " PERSON_MOD " AS eff, " PERSON_BODY " AS body"
                 " FROM conf_person p WHERE p.id = ?1",
    [Q_PERSON_BODY] = "SELECT " PERSON_BODY " AS body FROM conf_person p WHERE p.id = ?1",
    [Q_PERSON_ATT] = "SELECT meeting, person FROM conf_attendance WHERE person = ?1"
                     " ORDER BY meeting",
    [Q_ATT] = "SELECT a.*, m.body AS mbody FROM conf_attendance a JOIN conf_meeting m"
              " ON m.id = a.meeting WHERE a.meeting = ?1 AND a.person = ?2",
    [Q_BODY_ATT] = "SELECT a.meeting, a.person FROM conf_attendance a JOIN conf_meeting m"
                   " ON m.id = a.meeting WHERE m.body = ?1 ORDER BY 1, 2",
    [Q_MEETING] = "SELECT m.*, " MEETING_MOD " AS eff FROM conf_meeting m WHERE m.id = ?1",
    [Q_MEETING_AGENDA] = "SELECT id FROM conf_agenda WHERE meeting = ?1 ORDER BY ord, id",
    [Q_MEETING_PEOPLE] = "SELECT person FROM conf_attendance WHERE meeting = ?1"
                         " AND deleted IS NULL ORDER BY person",
    /* with "agenda" when the document gives the meeting's agenda items:
     * then a protocol is the meeting's own, not one that mentions it */
    [Q_MEETING_DOCS] =
        "SELECT dd.name, dd.kind, EXISTS (SELECT 1 FROM conf_yield z JOIN conf_agenda g"
        " ON z.tbl = 'conf_agenda' AND z.key = g.id WHERE g.meeting = ?1"
        " AND z.document = dd.name) AS agenda FROM conf_yield y JOIN document dd"
        " ON dd.name = y.document WHERE y.tbl = 'conf_meeting' AND y.key = ?1"
        " ORDER BY dd.name",
    [Q_AGENDA] = "SELECT g.*, " AGENDA_MOD " AS eff, m.body AS mbody FROM conf_agenda g"
                 " JOIN conf_meeting m ON m.id = g.meeting WHERE g.id = ?1",
    [Q_AGENDA_RES] = "SELECT point, text FROM conf_resolution WHERE agenda = ?1"
                     " AND deleted IS NULL AND written = 0 ORDER BY point",
    [Q_AGENDA_FILES] = "SELECT DISTINCT x.file FROM conf_annex x JOIN document dd"
                       " ON dd.name = x.file WHERE x.agenda = ?1 AND x.deleted IS NULL"
                       " ORDER BY 1",
    [Q_AGENDA_WG] = "SELECT b.entry FROM conf_body b JOIN conf_resolution r"
                    " ON r.id = b.resolution WHERE r.agenda = ?1 AND b.entry IS NOT NULL"
                    " AND b.deleted IS NULL AND r.deleted IS NULL ORDER BY 1",
    [Q_RES] = "SELECT r.*, " RES_MOD " AS eff FROM conf_resolution r WHERE r.id = ?1",
    [Q_RES_NOTED] = "SELECT id FROM conf_resolution WHERE noted_by = ?1 AND deleted IS NULL"
                    " ORDER BY id",
    [Q_ANNEX] = "SELECT x.*, " ANNEX_MOD " AS eff, m.body AS mbody, m.date AS mdate"
                " FROM conf_annex x JOIN conf_meeting m ON m.id = x.meeting WHERE x.id = ?1",
    [Q_DOC] = "SELECT name, kind, title, created, imported_at,"
              " length(CAST(text AS BLOB)) AS size FROM document WHERE name = ?1",
    [Q_DOC_TEXT] = "SELECT text FROM document WHERE name = ?1",
    [Q_DOC_MEETINGS] = "SELECT y.key FROM conf_yield y JOIN conf_meeting m ON m.id = y.key"
                       " WHERE y.tbl = 'conf_meeting' AND y.document = ?1 ORDER BY 1",
    [Q_DOC_AGENDA] = "SELECT DISTINCT agenda FROM conf_annex WHERE file = ?1"
                     " AND agenda IS NOT NULL AND deleted IS NULL ORDER BY 1",
    [Q_DOC_PAPERS] = "SELECT id FROM conf_resolution WHERE document = ?1 AND written = 0"
                     " AND deleted IS NULL UNION SELECT id FROM conf_annex WHERE file = ?1"
                     " AND deleted IS NULL ORDER BY 1",
};

/* The objects of each list as rows (k: path segment, c: created, mo:
 * modified, del: deleted) of body ?1. */
static const char *const lists[OPARL__TYPES] = {
    [OPARL_BODY] = "SELECT id AS k, created AS c, modified AS mo, deleted AS del FROM conf_body"
                   " WHERE kind = 'conference'",
    [OPARL_ORGANIZATION] =
        "SELECT b.id AS k, b.created AS c, " PLENUM_MOD " AS mo, b.deleted AS del"
        " FROM conf_body b WHERE b.kind = 'conference' AND b.id = ?1"
        " UNION ALL SELECT body || '.' || lower(member), created, modified, deleted"
        " FROM conf_member WHERE body = ?1"
        " UNION ALL SELECT id, created, modified, deleted FROM conf_body"
        " WHERE kind <> 'conference' AND parent = ?1",
    [OPARL_PERSON] = "SELECT p.id AS k, p.created AS c, " PERSON_MOD " AS mo, p.deleted AS del"
                     " FROM conf_person p WHERE " PERSON_BODY " = ?1",
    [OPARL_MEMBERSHIP] = "SELECT a.meeting || '.' || a.person AS k, a.created AS c,"
                         " a.modified AS mo, a.deleted AS del FROM conf_attendance a"
                         " JOIN conf_meeting mm ON mm.id = a.meeting WHERE mm.body = ?1",
    [OPARL_MEETING] = "SELECT m.id AS k, m.created AS c, " MEETING_MOD " AS mo,"
                      " m.deleted AS del FROM conf_meeting m WHERE m.body = ?1",
    [OPARL_AGENDAITEM] = "SELECT g.id AS k, g.created AS c, " AGENDA_MOD " AS mo,"
                         " g.deleted AS del FROM conf_agenda g JOIN conf_meeting mm"
                         " ON mm.id = g.meeting WHERE mm.body = ?1",
    [OPARL_PAPER] = "SELECT r.id AS k, r.created AS c, " RES_MOD " AS mo, r.deleted AS del"
                    " FROM conf_resolution r WHERE r.body = ?1"
                    " UNION ALL SELECT x.id, x.created, " ANNEX_MOD ", x.deleted"
                    " FROM conf_annex x JOIN conf_meeting mm ON mm.id = x.meeting"
                    " WHERE mm.body = ?1",
    [OPARL_CONSULTATION] = "SELECT r.id AS k, r.created AS c, " RES_MOD " AS mo,"
                           " r.deleted AS del FROM conf_resolution r WHERE r.body = ?1"
                           " AND r.written = 0 AND r.meeting IS NOT NULL"
                           " UNION ALL SELECT x.id, x.created, " ANNEX_MOD ", x.deleted"
                           " FROM conf_annex x JOIN conf_meeting mm ON mm.id = x.meeting"
                           " WHERE mm.body = ?1",
    [OPARL_FILE] = "SELECT dd.name AS k, dd.created AS c, dd.imported_at AS mo, NULL AS del"
                   " FROM document dd WHERE dd.name IN ("
                   "SELECT y.document FROM conf_yield y JOIN conf_meeting m"
                   " ON y.tbl = 'conf_meeting' AND y.key = m.id WHERE m.body = ?1"
                   " UNION SELECT y.document FROM conf_yield y JOIN conf_resolution r"
                   " ON y.tbl = 'conf_resolution' AND y.key = r.id WHERE r.body = ?1"
                   " UNION SELECT x.file FROM conf_annex x JOIN conf_meeting m"
                   " ON m.id = x.meeting WHERE m.body = ?1)",
    [OPARL_LOCATION] = "SELECT m.id AS k, m.created AS c, m.modified AS mo, m.deleted AS del"
                       " FROM conf_meeting m WHERE m.body = ?1 AND m.place IS NOT NULL",
};

/* The filters of every list: ?2..?5; the page: ?6 (limit), ?7 (offset). */
#define FILTERS                                                                                    \
    " WHERE (?2 IS NULL OR c >= ?2) AND (?3 IS NULL OR c <= ?3)"                                   \
    " AND (?4 IS NULL OR mo >= ?4) AND (?5 IS NULL OR mo <= ?5)"

static const char *const paths[OPARL__TYPES] = {
    [OPARL_BODY] = "bodies",      [OPARL_ORGANIZATION] = "organizations",
    [OPARL_PERSON] = "persons",   [OPARL_MEMBERSHIP] = "memberships",
    [OPARL_MEETING] = "meetings", [OPARL_AGENDAITEM] = "agendaitems",
    [OPARL_PAPER] = "papers",     [OPARL_CONSULTATION] = "consultations",
    [OPARL_FILE] = "files",       [OPARL_LOCATION] = "locations",
};

static const char *const names[OPARL__TYPES] = {
    [OPARL_BODY] = "Body",       [OPARL_ORGANIZATION] = "Organization",
    [OPARL_PERSON] = "Person",   [OPARL_MEMBERSHIP] = "Membership",
    [OPARL_MEETING] = "Meeting", [OPARL_AGENDAITEM] = "AgendaItem",
    [OPARL_PAPER] = "Paper",     [OPARL_CONSULTATION] = "Consultation",
    [OPARL_FILE] = "File",       [OPARL_LOCATION] = "Location",
};

const char *oparl_type_path(oparl_type t)
{
    return t < OPARL__TYPES ? paths[t] : NULL;
}

/* ---- The handle ---- */

static int prepare(oparl *o, const char *q, sqlite3_stmt **st)
{
    return sqlite3_prepare_v3(o->db, q, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
}

int oparl_open(store *s, const geo *g, oparl **out, char **err)
{
    oparl *o = xcalloc(1, sizeof *o);
    o->s = s;
    o->db = store_sqlite(s);
    o->g = g;
    *out = NULL;
    int rc = SQLITE_OK;
    for (int i = 0; rc == SQLITE_OK && i < Q__COUNT; i++)
        rc = prepare(o, sql[i], &o->q[i]);
    for (int t = 0; rc == SQLITE_OK && t < OPARL__TYPES; t++) {
        char *q =
            xasprintf("SELECT k FROM (%s)" FILTERS " ORDER BY k LIMIT ?6 OFFSET ?7", lists[t]);
        rc = prepare(o, q, &o->list[t]);
        free(q);
        if (rc != SQLITE_OK)
            break;
        q = xasprintf("SELECT count(*) FROM (%s)" FILTERS, lists[t]);
        rc = prepare(o, q, &o->count[t]);
        free(q);
    }
    if (rc != SQLITE_OK) {
        int r = err_set(err, KL_EDB, "Datenbankfehler beim Vorbereiten der OParl-Abfragen: %s",
                        sqlite3_errmsg(o->db));
        oparl_close(o);
        return r;
    }
    *out = o;
    return KL_OK;
}

void oparl_close(oparl *o)
{
    if (!o)
        return;
    for (int i = 0; i < Q__COUNT; i++)
        sqlite3_finalize(o->q[i]);
    for (int t = 0; t < OPARL__TYPES; t++) {
        sqlite3_finalize(o->list[t]);
        sqlite3_finalize(o->count[t]);
    }
    free(o->msg);
    free(o);
}

/* ---- Rows ---- */

static void failed(oparl *o)
{
    if (o->rc)
        return;
    o->rc = KL_EDB;
    o->msg = xasprintf(MSG("Datenbankfehler beim Lesen für OParl: %s"), sqlite3_errmsg(o->db));
}

static json_t *row_object(sqlite3_stmt *st)
{
    json_t *r = json_object();
    for (int i = 0; i < sqlite3_column_count(st); i++) {
        json_t *v;
        switch (sqlite3_column_type(st, i)) {
        case SQLITE_INTEGER:
            v = json_integer(sqlite3_column_int64(st, i));
            break;
        case SQLITE_NULL:
            continue;
        default:
            v = json_stringn((const char *)sqlite3_column_text(st, i),
                             (size_t)sqlite3_column_bytes(st, i));
        }
        json_object_set_new(r, sqlite3_column_name(st, i), v ? v : json_null());
    }
    return r;
}

static sqlite3_stmt *bound(oparl *o, int q, const char *a, const char *b)
{
    sqlite3_stmt *st = o->q[q];
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (a)
        sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
    if (b)
        sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
    return st;
}

json_t *ol_one(oparl *o, int q, const char *a, const char *b)
{
    sqlite3_stmt *st = bound(o, q, a, b);
    json_t *r = NULL;
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        r = row_object(st);
    else if (step != SQLITE_DONE)
        failed(o);
    sqlite3_reset(st);
    return r;
}

json_t *ol_all(oparl *o, int q, const char *a, const char *b)
{
    sqlite3_stmt *st = bound(o, q, a, b);
    json_t *all = json_array();
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW)
        json_array_append_new(all, row_object(st));
    if (step != SQLITE_DONE)
        failed(o);
    sqlite3_reset(st);
    return all;
}

const char *ol_str(const json_t *row, const char *k)
{
    return json_string_value(json_object_get(row, k));
}

/* ---- URLs and common properties ---- */

/* add_segment: s percent-encoded as one path segment (RFC 3986:
 * unreserved characters stay). */
static void add_segment(sbuf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '.' || *p == '_' || *p == '~')
            sbuf_addc(b, (char)*p);
        else
            sbuf_addf(b, "%%%02X", *p);
    }
}

static json_t *url(oparl *o, const char *root, const char *path, const char *id)
{
    sbuf b = SBUF_INIT;
    sbuf_addf(&b, "%s%s%s", o->base, root, path);
    if (id) {
        sbuf_addc(&b, '/');
        add_segment(&b, id);
    }
    json_t *j = json_string(sbuf_cstr(&b));
    sbuf_free(&b);
    return j;
}

json_t *ol_url(oparl *o, const char *path, const char *id)
{
    return url(o, "/oparl/v1/", path, id);
}

json_t *ol_api(oparl *o, const char *path, const char *id)
{
    return url(o, "/api/", path, id);
}

json_t *ol_type(const char *name)
{
    char t[64];
    snprintf(t, sizeof t, "https://schema.oparl.org/1.1/%s", name);
    return json_string(t);
}

json_t *ol_new(oparl *o, oparl_type t, const char *id)
{
    json_t *obj = json_object();
    json_object_set_new(obj, "id", ol_url(o, paths[t], id));
    json_object_set_new(obj, "type", ol_type(names[t]));
    return obj;
}

int ol_stamp(json_t *obj, const json_t *row, const char *mod_key)
{
    const char *c = ol_str(row, "created"), *m = ol_str(row, mod_key);
    const char *d = ol_str(row, "deleted");
    if (c)
        json_object_set_new(obj, "created", json_string(c));
    if (m && *m)
        json_object_set_new(obj, "modified", json_string(m));
    if (d)
        json_object_set_new(obj, "deleted", json_true());
    return d != NULL;
}

/* What the schema of each type requires besides id and type (the OParl
 * 1.1 schemas, "required"). */
static const char *const required[OPARL__TYPES][7] = {
    [OPARL_BODY] = {"name", "organization", "person", "meeting", "paper", "legislativeTerm"},
    [OPARL_AGENDAITEM] = {"order"},
    [OPARL_FILE] = {"accessUrl"},
};

void ol_bury(json_t *obj, oparl_type t)
{
    static const char *const keep[] = {"id", "type", "created", "modified", "deleted"};
    const char *k;
    json_t *v;
    void *tmp;
    json_object_foreach_safe(obj, tmp, k, v)
    {
        int stay = 0;
        for (size_t i = 0; i < sizeof keep / sizeof keep[0] && !stay; i++)
            stay = strcmp(k, keep[i]) == 0;
        for (size_t i = 0; i < 7 && required[t][i] && !stay; i++)
            stay = strcmp(k, required[t][i]) == 0;
        if (!stay)
            json_object_del(obj, k);
    }
}

void ol_set_str(json_t *obj, const char *k, const char *v)
{
    if (v && *v)
        json_object_set_new(obj, k, json_string(v));
}

json_t *ol_strings(const char *s)
{
    json_t *a = json_array();
    if (!s)
        return a;
    char *x = xstrdup(s);
    for (char *sv = NULL, *tok = strtok_r(x, ",", &sv); tok; tok = strtok_r(NULL, ",", &sv))
        json_array_append_new(a, json_string(tok));
    free(x);
    return a;
}

/* ---- Objects and lists ---- */

json_t *oparl_system(oparl *o, const char *base)
{
    o->base = base;
    json_t *s = json_object();
    json_object_set_new(s, "id", ol_url(o, "system", NULL));
    json_object_set_new(s, "type", ol_type("System"));
    json_object_set_new(s, "oparlVersion", json_string("https://schema.oparl.org/1.1/"));
    json_object_set_new(s, "name",
                        json_string("KI-Landkarte: Konferenzen der Digitalministerinnen und "
                                    "-minister von Bund und Ländern"));
    json_object_set_new(s, "body", ol_url(o, "bodies", NULL));
    json_object_set_new(s, "license", json_string("https://www.govdata.de/dl-de/by-2-0"));
    char *web = xasprintf("%s/", base);
    json_object_set_new(s, "website", json_string(web));
    free(web);
    return s;
}

/* build: the object of type t (a list member: not embedded). */
static json_t *build(oparl *o, oparl_type t, const char *id)
{
    switch (t) {
    case OPARL_BODY:
        return ob_body(o, id);
    case OPARL_ORGANIZATION:
        return ob_organization(o, id);
    case OPARL_PERSON:
        return ob_person(o, id);
    case OPARL_MEMBERSHIP:
        return ob_membership(o, id, 0);
    case OPARL_MEETING:
        return ob_meeting(o, id);
    case OPARL_AGENDAITEM:
        return ob_agendaitem(o, id, 0);
    case OPARL_PAPER:
        return ob_paper(o, id);
    case OPARL_CONSULTATION:
        return ob_consultation(o, id, 0);
    case OPARL_FILE:
        return ob_file(o, id, 0);
    case OPARL_LOCATION:
        return ob_location(o, id, 0);
    default:
        return NULL;
    }
}

/* finish: the result of a call: its error, if one was kept. */
static int finish(oparl *o, json_t **out, char **err)
{
    int rc = o->rc;
    if (rc) {
        json_decref(*out);
        *out = NULL;
        if (err) {
            *err = o->msg;
            o->msg = NULL;
        }
    }
    free(o->msg);
    o->msg = NULL;
    o->rc = KL_OK;
    o->base = NULL;
    return rc;
}

int oparl_object(oparl *o, const char *base, oparl_type t, const char *id, json_t **out, char **err)
{
    o->base = base;
    *out = build(o, t, id);
    int rc = finish(o, out, err);
    if (!rc && !*out)
        rc = err_set(err, KL_ENOTFOUND, "Kein Objekt „%s“ unter %s", id, paths[t]);
    return rc;
}

static void bind_filters(sqlite3_stmt *st, const char *body, const oparl_filter *f)
{
    const char *v[] = {f->created_since, f->created_until, f->modified_since, f->modified_until};
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (body)
        sqlite3_bind_text(st, 1, body, -1, SQLITE_TRANSIENT);
    for (int i = 0; i < 4; i++)
        if (*v[i])
            sqlite3_bind_text(st, 2 + i, v[i], -1, SQLITE_TRANSIENT);
}

/* page_url: self_path with the filters, the page size and page, the
 * parameters in one fixed order (OParl: one canonical URL). */
static json_t *page_url(oparl *o, const char *self_path, const oparl_filter *f, int page)
{
    static const char *const keys[] = {"created_since", "created_until", "modified_since",
                                       "modified_until"};
    const char *v[] = {f->created_since, f->created_until, f->modified_since, f->modified_until};
    sbuf b = SBUF_INIT;
    char sep = '?';
    sbuf_addf(&b, "%s%s", o->base, self_path);
    for (int i = 0; i < 4; i++)
        if (*v[i]) {
            sbuf_addf(&b, "%c%s=", sep, keys[i]);
            add_segment(&b, v[i]);
            sep = '&';
        }
    if (f->limit != OPARL_PAGE_DEFAULT) {
        sbuf_addf(&b, "%climit=%d", sep, f->limit);
        sep = '&';
    }
    if (page > 1)
        sbuf_addf(&b, "%cpage=%d", sep, page);
    json_t *j = json_string(sbuf_cstr(&b));
    sbuf_free(&b);
    return j;
}

int oparl_list(oparl *o, const char *base, oparl_type t, const char *body, const oparl_filter *f,
               const char *self_path, json_t **out, char **err)
{
    o->base = base;
    *out = NULL;
    if (t != OPARL_BODY) {
        json_t *b = ol_one(o, Q_BODY, body, NULL);
        int known = b && strcmp(ol_str(b, "kind"), "conference") == 0;
        json_decref(b);
        if (!known && !o->rc) {
            finish(o, out, NULL);
            return err_set(err, KL_ENOTFOUND, "Keine Körperschaft „%s“", body ? body : "");
        }
    }
    sqlite3_stmt *cnt = o->count[t];
    bind_filters(cnt, body, f);
    long long total = 0;
    if (sqlite3_step(cnt) == SQLITE_ROW)
        total = sqlite3_column_int64(cnt, 0);
    else
        failed(o);
    sqlite3_reset(cnt);
    long long pages = total ? (total + f->limit - 1) / f->limit : 1;
    if (!o->rc && f->page > pages) {
        finish(o, out, NULL);
        return pages == 1 ? err_set(err, KL_EINVAL, "„page“: die Liste hat nur 1 Seite")
                          : err_set(err, KL_EINVAL, "„page“: die Liste hat nur %lld Seiten", pages);
    }
    json_t *data = json_array();
    sqlite3_stmt *st = o->list[t];
    bind_filters(st, body, f);
    sqlite3_bind_int(st, 6, f->limit);
    sqlite3_bind_int64(st, 7, (long long)(f->page - 1) * f->limit);
    json_t *keys = json_array();
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW)
        json_array_append_new(keys, json_string((const char *)sqlite3_column_text(st, 0)));
    if (step != SQLITE_DONE)
        failed(o);
    sqlite3_reset(st);
    size_t i;
    json_t *k;
    json_array_foreach(keys, i, k)
    {
        json_t *obj = build(o, t, json_string_value(k));
        if (obj)
            json_array_append_new(data, obj);
    }
    json_decref(keys);
    json_t *links = json_object();
    json_object_set_new(links, "first", page_url(o, self_path, f, 1));
    if (f->page > 1)
        json_object_set_new(links, "prev", page_url(o, self_path, f, f->page - 1));
    json_object_set_new(links, "self", page_url(o, self_path, f, f->page));
    if (f->page < pages)
        json_object_set_new(links, "next", page_url(o, self_path, f, f->page + 1));
    json_object_set_new(links, "last", page_url(o, self_path, f, (int)pages));
    *out = json_pack("{s:o, s:{s:I, s:i, s:i, s:I}, s:o}", "data", data, "pagination",
                     "totalElements", (json_int_t)total, "elementsPerPage", f->limit, "currentPage",
                     f->page, "totalPages", (json_int_t)pages, "links", links);
    return finish(o, out, err);
}
