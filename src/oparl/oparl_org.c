/* oparl_org.c: Body, Organization, Person and Membership from the
 * conference tables. See oparl.h for the model. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/entry.h"
#include "oparl/oparl_int.h"
#include "util/xalloc.h"

/* split_name: "Digitalministerkonferenz (DMK)" into the name and the
 * short name in parentheses at its end (none: short stays empty). */
static void split_name(const char *full, sbuf *name, sbuf *shrt)
{
    size_t n = strlen(full);
    const char *open = n && full[n - 1] == ')' ? strrchr(full, '(') : NULL;
    if (!open || open == full) {
        sbuf_adds(name, full);
        return;
    }
    size_t e = (size_t)(open - full);
    while (e && full[e - 1] == ' ')
        e--;
    sbuf_add(name, full, e);
    sbuf_add(shrt, open + 1, n - (size_t)(open - full) - 2);
}

void ob_body_short(oparl *o, const char *id, sbuf *b)
{
    json_t *r = ol_one(o, Q_BODY, id, NULL);
    sbuf name = SBUF_INIT, shrt = SBUF_INIT;
    if (r)
        split_name(ol_str(r, "name"), &name, &shrt);
    if (shrt.len) {
        sbuf_adds(b, sbuf_cstr(&shrt));
    } else {
        for (const char *p = id; *p; p++)
            sbuf_addc(b, (char)toupper((unsigned char)*p));
    }
    sbuf_free(&name);
    sbuf_free(&shrt);
    json_decref(r);
}

/* lower: s in ASCII lower case (as SQLite's lower()). Caller frees. */
static char *lower(const char *s)
{
    char *l = xstrdup(s);
    for (char *p = l; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return l;
}

json_t *ob_org_ref(oparl *o, const char *body, const char *member)
{
    if (!body || !member)
        return NULL;
    json_t *r = ol_one(o, Q_MEMBER, body, member);
    if (!r)
        return NULL;
    char *l = lower(ol_str(r, "member"));
    char *id = xasprintf("%s.%s", body, l);
    json_t *u = ol_url(o, "organizations", id);
    free(id);
    free(l);
    json_decref(r);
    return u;
}

/* body_list: the URL of a body's list ("bodies/dmk/meetings"). */
static json_t *body_list(oparl *o, const char *id, const char *what)
{
    json_t *u = ol_url(o, "bodies", id);
    char *s = xasprintf("%s/%s", json_string_value(u), what);
    json_decref(u);
    u = json_string(s);
    free(s);
    return u;
}

json_t *ob_body(oparl *o, const char *id)
{
    json_t *r = ol_one(o, Q_BODY, id, NULL);
    if (!r || strcmp(ol_str(r, "kind"), "conference") != 0) {
        json_decref(r);
        return NULL;
    }
    json_t *b = ol_new(o, OPARL_BODY, id);
    sbuf name = SBUF_INIT, shrt = SBUF_INIT;
    split_name(ol_str(r, "name"), &name, &shrt);
    json_object_set_new(b, "system", ol_url(o, "system", NULL));
    ol_set_str(b, "shortName", sbuf_cstr(&shrt));
    json_object_set_new(b, "name", json_string(sbuf_cstr(&name)));
    sbuf_free(&name);
    sbuf_free(&shrt);
    static const char *const lists[][2] = {
        {"organization", "organizations"},
        {"person", "persons"},
        {"meeting", "meetings"},
        {"paper", "papers"},
        {"agendaItem", "agendaitems"},
        {"consultation", "consultations"},
        {"file", "files"},
        {"locationList", "locations"},
        {"membership", "memberships"},
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        json_object_set_new(b, lists[i][0], body_list(o, id, lists[i][1]));
    json_object_set_new(b, "legislativeTerm", json_array());
    json_object_set_new(b, "mainOrganization", ol_url(o, "organizations", id));
    json_object_set_new(b, "classification", json_string("Konferenz"));
    const char *succ = ol_str(r, "successor");
    json_t *sr = succ ? ol_one(o, Q_BODY, succ, NULL) : NULL;
    if (sr)
        json_object_set_new(b, "kilandkarte:successor", ol_url(o, "bodies", succ));
    json_decref(sr);
    if (ol_stamp(b, r, "modified"))
        ol_bury(b, OPARL_BODY);
    json_decref(r);
    return b;
}

/* The roles of conf_member and conf_attendance in German. */
static const char *role_de(const char *role)
{
    static const char *const roles[][2] = {
        {"member", "Mitglied"},   {"permanent-guest", "Ständiger Gast"},
        {"guest", "Gast"},        {"chair", "Vorsitz"},
        {"minutes", "Protokoll"}, {"attendee", "Weitere Anwesende"},
    };
    for (size_t i = 0; role && i < sizeof roles / sizeof roles[0]; i++)
        if (strcmp(role, roles[i][0]) == 0)
            return roles[i][1];
    return role ? role : "Teilnahme";
}

/* member_name: the German name of a member: a Land, a federal ministry
 * ("BMDV": "Bundesministerium für Digitales und Verkehr"), else the
 * abbreviation as written. Into b. */
static void member_name(const char *member, sbuf *b)
{
    const geo_land *l = geo_land_by_code(member);
    const entry_term *m = l ? NULL : entry_vocab_find(ENTRY_VOCAB_MINISTRY, member);
    if (l)
        sbuf_adds(b, l->name);
    else if (m && strncmp(member, "BM", 2) == 0)
        sbuf_addf(b, "Bundesministerium für %s", m->de);
    else
        sbuf_adds(b, m ? m->de : member);
}

static json_t *member_org(oparl *o, const char *id, const char *body, const char *member)
{
    json_t *r = ol_one(o, Q_MEMBER, body, member);
    if (!r)
        return NULL;
    char *l = lower(ol_str(r, "member"));
    int canonical = strcmp(l, member) == 0;
    free(l);
    if (!canonical) { /* one URL per object: the lower-case one */
        json_decref(r);
        return NULL;
    }
    const char *m = ol_str(r, "member");
    const geo_land *land = geo_land_by_code(m);
    json_t *org = ol_new(o, OPARL_ORGANIZATION, id);
    sbuf name = SBUF_INIT;
    member_name(m, &name);
    json_object_set_new(org, "body", ol_url(o, "bodies", body));
    json_object_set_new(org, "name", json_string(sbuf_cstr(&name)));
    json_object_set_new(org, "shortName", json_string(land ? land->abbr : m));
    json_object_set_new(org, "organizationType", json_string("Institution"));
    json_object_set_new(org, "classification", json_string(role_de(ol_str(r, "role"))));
    sbuf_free(&name);
    if (ol_stamp(org, r, "modified"))
        ol_bury(org, OPARL_ORGANIZATION);
    json_decref(r);
    return org;
}

static json_t *plenum(oparl *o, const char *id, json_t *r)
{
    json_t *org = ol_new(o, OPARL_ORGANIZATION, id);
    sbuf name = SBUF_INIT, shrt = SBUF_INIT;
    split_name(ol_str(r, "name"), &name, &shrt);
    json_object_set_new(org, "body", ol_url(o, "bodies", id));
    json_object_set_new(org, "name", json_string(sbuf_cstr(&name)));
    ol_set_str(org, "shortName", sbuf_cstr(&shrt));
    json_object_set_new(org, "organizationType", json_string("Gremium"));
    json_object_set_new(org, "classification", json_string("Plenum"));
    sbuf_free(&name);
    sbuf_free(&shrt);
    json_t *att = ol_all(o, Q_BODY_ATT, id, NULL), *a, *ms = json_array();
    size_t i;
    json_array_foreach(att, i, a)
    {
        char *mid = xasprintf("%s.%s", ol_str(a, "meeting"), ol_str(a, "person"));
        json_array_append_new(ms, ol_url(o, "memberships", mid));
        free(mid);
    }
    json_decref(att);
    if (json_array_size(ms))
        json_object_set_new(org, "membership", ms);
    else
        json_decref(ms);
    if (ol_stamp(org, r, "plenum_mod"))
        ol_bury(org, OPARL_ORGANIZATION);
    return org;
}

/* published_entry: the API URL of entry id while it is published. */
static json_t *published_entry(oparl *o, const char *id)
{
    entry *e = NULL;
    json_t *u = NULL;
    if (id && store_get(o->s, id, &e, NULL) == 0 && strcmp(entry_status(e), "published") == 0)
        u = ol_api(o, "entries", id);
    entry_free(e);
    return u;
}

static json_t *working_group(oparl *o, const char *id, json_t *r)
{
    json_t *org = ol_new(o, OPARL_ORGANIZATION, id);
    const char *parent = ol_str(r, "parent"), *res = ol_str(r, "resolution");
    if (parent) {
        json_object_set_new(org, "body", ol_url(o, "bodies", parent));
        json_object_set_new(org, "subOrganizationOf", ol_url(o, "organizations", parent));
    }
    json_object_set_new(org, "name", json_string(ol_str(r, "name")));
    json_object_set_new(org, "organizationType", json_string("Gremium"));
    json_object_set_new(org, "classification", json_string("Arbeitsgruppe"));
    json_t *rr = res ? ol_one(o, Q_RES, res, NULL) : NULL;
    json_t *m =
        rr && ol_str(rr, "meeting") ? ol_one(o, Q_MEETING, ol_str(rr, "meeting"), NULL) : NULL;
    ol_set_str(org, "startDate", ol_str(m, "date"));
    json_decref(m);
    json_decref(rr);
    json_t *lead = ob_org_ref(o, parent, ol_str(r, "lead"));
    if (lead)
        json_object_set_new(org, "kilandkarte:lead", lead);
    if (res)
        json_object_set_new(org, "kilandkarte:resolution", ol_url(o, "papers", res));
    json_t *e = published_entry(o, ol_str(r, "entry"));
    if (e)
        json_object_set_new(org, "kilandkarte:entry", e);
    if (ol_stamp(org, r, "modified"))
        ol_bury(org, OPARL_ORGANIZATION);
    return org;
}

json_t *ob_organization(oparl *o, const char *id)
{
    const char *dot = strchr(id, '.');
    if (dot) {
        char *body = xstrndup(id, (size_t)(dot - id));
        json_t *org = member_org(o, id, body, dot + 1);
        free(body);
        return org;
    }
    json_t *r = ol_one(o, Q_BODY, id, NULL), *org = NULL;
    if (r)
        org = strcmp(ol_str(r, "kind"), "conference") == 0 ? plenum(o, id, r)
                                                           : working_group(o, id, r);
    json_decref(r);
    return org;
}

/* person_names: "Prof. Dr. Kristina Sinemus": academic titles ("Prof.",
 * "Dr."), given and family name (the last word). */
static void person_names(json_t *p, const char *full)
{
    json_t *titles = json_array();
    const char *s = full;
    while (!strncmp(s, "Dr. ", 4) || !strncmp(s, "Prof. ", 6)) {
        size_t n = s[0] == 'D' ? 3 : 5;
        json_array_append_new(titles, json_stringn(s, n));
        s += n + 1;
    }
    const char *last = strrchr(s, ' ');
    if (last) {
        json_object_set_new(p, "givenName", json_stringn(s, (size_t)(last - s)));
        json_object_set_new(p, "familyName", json_string(last + 1));
    }
    if (json_array_size(titles))
        json_object_set_new(p, "title", titles);
    else
        json_decref(titles);
}

json_t *ob_person(oparl *o, const char *id)
{
    json_t *r = ol_one(o, Q_PERSON, id, NULL);
    if (!r)
        return NULL;
    json_t *p = ol_new(o, OPARL_PERSON, id);
    if (ol_str(r, "body"))
        json_object_set_new(p, "body", ol_url(o, "bodies", ol_str(r, "body")));
    json_object_set_new(p, "name", json_string(ol_str(r, "name")));
    person_names(p, ol_str(r, "name"));
    if (ol_str(r, "title"))
        json_object_set_new(p, "status", json_pack("[s]", ol_str(r, "title")));
    json_t *att = ol_all(o, Q_PERSON_ATT, id, NULL), *a, *ms = json_array();
    size_t i;
    json_array_foreach(att, i, a)
    {
        char *mid = xasprintf("%s.%s", ol_str(a, "meeting"), ol_str(a, "person"));
        json_t *m = ob_membership(o, mid, 1);
        if (m)
            json_array_append_new(ms, m);
        free(mid);
    }
    json_decref(att);
    if (json_array_size(ms))
        json_object_set_new(p, "membership", ms);
    else
        json_decref(ms);
    if (ol_stamp(p, r, "eff"))
        ol_bury(p, OPARL_PERSON);
    json_decref(r);
    return p;
}

json_t *ob_membership(oparl *o, const char *id, int embedded)
{
    const char *dot = strchr(id, '.');
    if (!dot)
        return NULL;
    char *meeting = xstrndup(id, (size_t)(dot - id));
    json_t *r = ol_one(o, Q_ATT, meeting, dot + 1);
    free(meeting);
    if (!r)
        return NULL;
    json_t *m = ol_new(o, OPARL_MEMBERSHIP, id);
    const char *body = ol_str(r, "mbody"), *role = ol_str(r, "role");
    if (!embedded)
        json_object_set_new(m, "person", ol_url(o, "persons", ol_str(r, "person")));
    json_object_set_new(m, "organization", ol_url(o, "organizations", body));
    int chair = json_integer_value(json_object_get(r, "chair")) != 0;
    char *role_text = xasprintf("%s%s", role_de(role), chair ? " (Vorsitz)" : "");
    json_object_set_new(m, "role", json_string(role_text));
    free(role_text);
    json_object_set_new(m, "votingRight", json_boolean(role && strcmp(role, "member") == 0));
    json_t *behalf = ob_org_ref(o, body, ol_str(r, "land"));
    if (!behalf)
        behalf = ob_org_ref(o, body, ol_str(r, "org"));
    if (behalf)
        json_object_set_new(m, "onBehalfOf", behalf);
    json_object_set_new(m, "kilandkarte:meeting", ol_url(o, "meetings", ol_str(r, "meeting")));
    if (ol_stamp(m, r, "modified"))
        ol_bury(m, OPARL_MEMBERSHIP);
    json_decref(r);
    return m;
}
