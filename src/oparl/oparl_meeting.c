/* oparl_meeting.c: Meeting, AgendaItem, Location, Paper, Consultation and
 * File from the conference tables and the source documents. See oparl.h. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/entry.h"
#include "oparl/oparl_int.h"
#include "util/xalloc.h"

/* meeting_name: "1. Sitzung der DMK am 19.04.2024", "2. Sitzung der DMK
 * (geplant: Herbst 2024)", "Sitzung der D16 am 24.09.2020". Into b. */
static void meeting_name(oparl *o, const json_t *m, sbuf *b)
{
    const char *date = ol_str(m, "date"), *planned = ol_str(m, "planned");
    json_int_t num = json_integer_value(json_object_get(m, "number"));
    if (num > 0)
        sbuf_addf(b, "%lld. ", (long long)num);
    sbuf_adds(b, "Sitzung der ");
    ob_body_short(o, ol_str(m, "body"), b);
    if (date && strlen(date) == 10)
        sbuf_addf(b, " am %.2s.%.2s.%.4s", date + 8, date + 5, date);
    else if (planned)
        sbuf_addf(b, " (geplant: %s)", planned);
}

static void today(char out[11])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

/* add_refs: for each row of rows, the URL path/row[key] into a new
 * array set as k on obj (not set when empty). */
static void add_refs(oparl *o, json_t *obj, const char *k, json_t *rows, const char *key,
                     const char *path)
{
    json_t *a = json_array(), *r;
    size_t i;
    json_array_foreach(rows, i, r)
    {
        const char *v = ol_str(r, key);
        if (v)
            json_array_append_new(a, ol_url(o, path, v));
    }
    if (json_array_size(a))
        json_object_set_new(obj, k, a);
    else
        json_decref(a);
}

/* org_refs: the organisations of body for the members in the list
 * codes ("DE-BE,DE-BB"), as k on obj (not set when none is known). */
static void org_refs(oparl *o, json_t *obj, const char *k, const char *body, const char *codes)
{
    json_t *list = ol_strings(codes), *c, *a = json_array();
    size_t i;
    json_array_foreach(list, i, c)
    {
        json_t *u = ob_org_ref(o, body, json_string_value(c));
        if (u)
            json_array_append_new(a, u);
    }
    json_decref(list);
    if (json_array_size(a))
        json_object_set_new(obj, k, a);
    else
        json_decref(a);
}

json_t *ob_meeting(oparl *o, const char *id)
{
    json_t *r = ol_one(o, Q_MEETING, id, NULL);
    if (!r)
        return NULL;
    json_t *m = ol_new(o, OPARL_MEETING, id);
    const char *body = ol_str(r, "body"), *date = ol_str(r, "date");
    sbuf name = SBUF_INIT;
    meeting_name(o, r, &name);
    json_object_set_new(m, "name", json_string(sbuf_cstr(&name)));
    sbuf_free(&name);
    char now[11], t[32];
    today(now);
    if (date)
        json_object_set_new(m, "meetingState",
                            json_string(strcmp(date, now) < 0 ? "durchgeführt" : "geplant"));
    else if (ol_str(r, "planned"))
        json_object_set_new(m, "meetingState", json_string("geplant"));
    /* a time only where the text gives one: a date alone is no time */
    if (ol_datetime_local(date, ol_str(r, "start_time"), t) == 0)
        json_object_set_new(m, "start", json_string(t));
    if (ol_datetime_local(date, ol_str(r, "end_time"), t) == 0)
        json_object_set_new(m, "end", json_string(t));
    if (date && !json_object_get(m, "start"))
        json_object_set_new(m, "kilandkarte:date", json_string(date));
    ol_set_str(m, "kilandkarte:planned", ol_str(r, "planned"));
    const char *mode = ol_str(r, "mode");
    if (mode && strcmp(mode, "unknown") != 0)
        json_object_set_new(m, "kilandkarte:mode", json_string(mode));
    if (ol_str(r, "place"))
        json_object_set_new(m, "location", ob_location(o, id, 1));
    json_object_set_new(m, "organization", json_pack("[o]", ol_url(o, "organizations", body)));
    json_t *people = ol_all(o, Q_MEETING_PEOPLE, id, NULL);
    add_refs(o, m, "participant", people, "person", "persons");
    json_decref(people);
    org_refs(o, m, "kilandkarte:chair", body, ol_str(r, "chair"));
    /* the documents that give the meeting: its protocol (the one that
     * gives its agenda), and the others (an annex of reports, a press
     * release, a protocol that announces it) */
    json_t *docs = ol_all(o, Q_MEETING_DOCS, id, NULL), *d, *aux = json_array();
    size_t i;
    json_array_foreach(docs, i, d)
    {
        const char *kind = ol_str(d, "kind");
        json_t *f = ob_file(o, ol_str(d, "name"), 1);
        if (!f)
            continue;
        if (kind && strcmp(kind, "protocol") == 0 &&
            json_integer_value(json_object_get(d, "agenda")) &&
            !json_object_get(m, "resultsProtocol"))
            json_object_set_new(m, "resultsProtocol", f);
        else
            json_array_append_new(aux, f);
    }
    json_decref(docs);
    if (json_array_size(aux))
        json_object_set_new(m, "auxiliaryFile", aux);
    else
        json_decref(aux);
    json_t *items = ol_all(o, Q_MEETING_AGENDA, id, NULL), *a, *ais = json_array();
    json_array_foreach(items, i, a)
    {
        json_t *ai = ob_agendaitem(o, ol_str(a, "id"), 1);
        if (ai)
            json_array_append_new(ais, ai);
    }
    json_decref(items);
    if (json_array_size(ais))
        json_object_set_new(m, "agendaItem", ais);
    else
        json_decref(ais);
    if (ol_stamp(m, r, "eff"))
        ol_bury(m, OPARL_MEETING);
    json_decref(r);
    return m;
}

json_t *ob_location(oparl *o, const char *id, int embedded)
{
    json_t *r = ol_one(o, Q_MEETING, id, NULL);
    const char *place = ol_str(r, "place");
    if (!place) {
        json_decref(r);
        return NULL;
    }
    json_t *l = ol_new(o, OPARL_LOCATION, id);
    json_object_set_new(l, "description", json_string(place));
    /* "Hasso-Plattner-Institut, Potsdam": the town is the last part */
    const char *comma = strrchr(place, ',');
    const char *town = comma ? comma + 1 : place;
    while (*town == ' ')
        town++;
    const geo_place *gp = NULL;
    if (o->g && geo_lookup(o->g, town, NULL, &gp, NULL) == 0 && gp) {
        json_object_set_new(l, "locality", json_string(gp->name));
        json_object_set_new(l, "geojson",
                            json_pack("{s:s, s:{s:s, s:[f,f]}, s:{s:s}}", "type", "Feature",
                                      "geometry", "type", "Point", "coordinates", gp->lon, gp->lat,
                                      "properties", "name", place));
    }
    if (!embedded)
        json_object_set_new(l, "meetings", json_pack("[o]", ol_url(o, "meetings", id)));
    if (ol_stamp(l, r, "modified"))
        ol_bury(l, OPARL_LOCATION);
    json_decref(r);
    return l;
}

/* Entries of the registry imported from one document, published only. */
typedef struct doc_entries {
    oparl *o;
    const char *doc;
    json_t *urls;
} doc_entries;

static int collect(void *ctx, const entry *e)
{
    doc_entries *de = ctx;
    json_t *src = json_object_get(entry_json(e), "source");
    const char *d = json_string_value(json_object_get(src, "document"));
    if (d && strcmp(d, de->doc) == 0)
        json_array_append_new(de->urls, ol_api(de->o, "entries", entry_id(e)));
    return 0;
}

/* agenda_entries: what an agenda item concerns in the registry: the
 * published entries of its annexes' files and of the working groups its
 * resolutions set up. */
static json_t *agenda_entries(oparl *o, const char *id, json_t *files)
{
    json_t *urls = json_array(), *f;
    size_t i;
    json_array_foreach(files, i, f)
    {
        doc_entries de = {o, ol_str(f, "file"), urls};
        store_query q = {0};
        q.status = "published";
        q.sort = "id";
        store_each(o->s, &q, &de, collect, NULL);
    }
    json_t *wg = ol_all(o, Q_AGENDA_WG, id, NULL), *w;
    json_array_foreach(wg, i, w)
    {
        entry *e = NULL;
        const char *eid = ol_str(w, "entry");
        if (store_get(o->s, eid, &e, NULL) == 0 && strcmp(entry_status(e), "published") == 0)
            json_array_append_new(urls, ol_api(o, "entries", eid));
        entry_free(e);
    }
    json_decref(wg);
    return urls;
}

json_t *ob_agendaitem(oparl *o, const char *id, int embedded)
{
    json_t *r = ol_one(o, Q_AGENDA, id, NULL);
    if (!r)
        return NULL;
    json_t *a = ol_new(o, OPARL_AGENDAITEM, id);
    const char *body = ol_str(r, "mbody");
    if (!embedded)
        json_object_set_new(a, "meeting", ol_url(o, "meetings", ol_str(r, "meeting")));
    ol_set_str(a, "number", ol_str(r, "number"));
    json_object_set_new(a, "order", json_integer(json_integer_value(json_object_get(r, "ord"))));
    json_object_set_new(a, "name", json_string(ol_str(r, "title")));
    json_object_set_new(a, "public", json_true());
    ol_set_str(a, "result", ol_str(r, "result"));
    json_t *res = ol_all(o, Q_AGENDA_RES, id, NULL), *x;
    size_t i;
    sbuf text = SBUF_INIT;
    json_array_foreach(res, i, x)
        sbuf_addf(&text, "%s%lld. %s", i ? "\n\n" : "",
                  (long long)json_integer_value(json_object_get(x, "point")), ol_str(x, "text"));
    ol_set_str(a, "resolutionText", sbuf_cstr(&text));
    sbuf_free(&text);
    json_decref(res);
    json_t *files = ol_all(o, Q_AGENDA_FILES, id, NULL), *aux = json_array();
    json_array_foreach(files, i, x)
    {
        json_t *f = ob_file(o, ol_str(x, "file"), 1);
        if (f)
            json_array_append_new(aux, f);
    }
    if (json_array_size(aux))
        json_object_set_new(a, "auxiliaryFile", aux);
    else
        json_decref(aux);
    org_refs(o, a, "kilandkarte:submitters", body, ol_str(r, "submitters"));
    json_t *guests = ol_strings(ol_str(r, "guests"));
    if (json_array_size(guests))
        json_object_set_new(a, "kilandkarte:guests", guests);
    else
        json_decref(guests);
    if (ol_str(r, "parent"))
        json_object_set_new(a, "kilandkarte:parent", ol_url(o, "agendaitems", ol_str(r, "parent")));
    json_t *entries = agenda_entries(o, id, files);
    if (json_array_size(entries))
        json_object_set_new(a, "kilandkarte:entries", entries);
    else
        json_decref(entries);
    json_decref(files);
    if (ol_stamp(a, r, "eff"))
        ol_bury(a, OPARL_AGENDAITEM);
    json_decref(r);
    return a;
}

/* passage: the API URL of document[start, end): the cited text. */
static json_t *passage(oparl *o, const json_t *r)
{
    const char *doc = ol_str(r, "document");
    json_t *s = json_object_get(r, "start"), *e = json_object_get(r, "end");
    if (!doc || !json_is_integer(s) || !json_is_integer(e))
        return NULL;
    json_t *u = ol_api(o, "documents", doc);
    char *x = xasprintf("%s?start=%lld&end=%lld", json_string_value(u),
                        (long long)json_integer_value(s), (long long)json_integer_value(e));
    json_decref(u);
    u = json_string(x);
    free(x);
    return u;
}

static json_t *resolution_paper(oparl *o, const char *id, json_t *r)
{
    json_t *p = ol_new(o, OPARL_PAPER, id);
    const char *agenda = ol_str(r, "agenda"), *meeting = ol_str(r, "meeting");
    int written = json_integer_value(json_object_get(r, "written")) != 0;
    json_t *g = agenda ? ol_one(o, Q_AGENDA, agenda, NULL) : NULL;
    json_t *m = meeting ? ol_one(o, Q_MEETING, meeting, NULL) : NULL;
    json_object_set_new(p, "body", ol_url(o, "bodies", ol_str(r, "body")));
    sbuf name = SBUF_INIT;
    json_int_t point = json_integer_value(json_object_get(r, "point"));
    if (written) {
        sbuf_adds(&name, ol_str(r, "text") ? ol_str(r, "text") : id);
    } else if (g) {
        sbuf_addf(&name, "TOP %s, Ziffer %lld: %s", ol_str(g, "number") ? ol_str(g, "number") : "",
                  (long long)point, ol_str(g, "title"));
    } else {
        if (m)
            meeting_name(o, m, &name);
        sbuf_addf(&name, ", Ziffer %lld", (long long)point);
    }
    json_object_set_new(p, "name", json_string(sbuf_cstr(&name)));
    sbuf_free(&name);
    json_object_set_new(p, "reference", json_string(id));
    ol_set_str(p, "date", ol_str(m, "date"));
    json_object_set_new(p, "paperType", json_string(written ? "Umlaufbeschluss" : "Beschluss"));
    if (!written && ol_str(r, "document")) {
        json_t *f = ob_file(o, ol_str(r, "document"), 1);
        if (f)
            json_object_set_new(p, "mainFile", f);
    }
    if (!written && meeting)
        json_object_set_new(p, "consultation", json_pack("[o]", ob_consultation(o, id, 1)));
    if (g)
        org_refs(o, p, "originatorOrganization", ol_str(g, "mbody"), ol_str(g, "submitters"));
    /* a point that takes note of a resolution in writing, and back */
    json_t *rel = json_array();
    if (ol_str(r, "noted_by"))
        json_array_append_new(rel, ol_url(o, "papers", ol_str(r, "noted_by")));
    json_t *noted = ol_all(o, Q_RES_NOTED, id, NULL), *n;
    size_t i;
    json_array_foreach(noted, i, n)
        json_array_append_new(rel, ol_url(o, "papers", ol_str(n, "id")));
    json_decref(noted);
    if (json_array_size(rel))
        json_object_set_new(p, "relatedPaper", rel);
    else
        json_decref(rel);
    ol_set_str(p, "kilandkarte:text", ol_str(r, "text"));
    json_t *src = passage(o, r);
    if (src)
        json_object_set_new(p, "kilandkarte:source", src);
    json_decref(g);
    json_decref(m);
    if (ol_stamp(p, r, "eff"))
        ol_bury(p, OPARL_PAPER);
    return p;
}

static json_t *annex_paper(oparl *o, const char *id, json_t *r)
{
    json_t *p = ol_new(o, OPARL_PAPER, id);
    json_object_set_new(p, "body", ol_url(o, "bodies", ol_str(r, "mbody")));
    sbuf name = SBUF_INIT;
    sbuf_addf(&name, "Anlage %lld", (long long)json_integer_value(json_object_get(r, "number")));
    if (ol_str(r, "title"))
        sbuf_addf(&name, ": %s", ol_str(r, "title"));
    json_object_set_new(p, "name", json_string(sbuf_cstr(&name)));
    sbuf_free(&name);
    json_object_set_new(p, "reference", json_string(id));
    ol_set_str(p, "date", ol_str(r, "mdate"));
    json_object_set_new(p, "paperType", json_string("Anlage"));
    json_t *f = ol_str(r, "file") ? ob_file(o, ol_str(r, "file"), 1) : NULL;
    if (f)
        json_object_set_new(p, "mainFile", f);
    json_object_set_new(p, "consultation", json_pack("[o]", ob_consultation(o, id, 1)));
    if (ol_stamp(p, r, "eff"))
        ol_bury(p, OPARL_PAPER);
    return p;
}

json_t *ob_paper(oparl *o, const char *id)
{
    json_t *r = ol_one(o, Q_RES, id, NULL), *p = NULL;
    if (r) {
        p = resolution_paper(o, id, r);
    } else if ((r = ol_one(o, Q_ANNEX, id, NULL))) {
        p = annex_paper(o, id, r);
    }
    json_decref(r);
    return p;
}

json_t *ob_consultation(oparl *o, const char *id, int embedded)
{
    json_t *r = ol_one(o, Q_RES, id, NULL);
    int annex = 0;
    if (r && (json_integer_value(json_object_get(r, "written")) || !ol_str(r, "meeting"))) {
        json_decref(r);
        return NULL; /* taken in writing: no consultation at a meeting */
    }
    if (!r) {
        r = ol_one(o, Q_ANNEX, id, NULL);
        annex = 1;
    }
    if (!r)
        return NULL;
    json_t *c = ol_new(o, OPARL_CONSULTATION, id);
    const char *meeting = ol_str(r, "meeting"), *agenda = ol_str(r, "agenda");
    json_t *m = ol_one(o, Q_MEETING, meeting, NULL);
    if (!embedded)
        json_object_set_new(c, "paper", ol_url(o, "papers", id));
    if (agenda)
        json_object_set_new(c, "agendaItem", ol_url(o, "agendaitems", agenda));
    json_object_set_new(c, "meeting", ol_url(o, "meetings", meeting));
    if (m)
        json_object_set_new(c, "organization",
                            json_pack("[o]", ol_url(o, "organizations", ol_str(m, "body"))));
    json_object_set_new(c, "authoritative", json_boolean(!annex));
    json_object_set_new(c, "role", json_string(annex ? "Anlage" : "Beschlussfassung"));
    json_decref(m);
    if (ol_stamp(c, r, "eff"))
        ol_bury(c, OPARL_CONSULTATION);
    json_decref(r);
    return c;
}

/* sha512_hex: the SHA-512 of document name, hex, into out[129]; 0 or -1. */
static int sha512_hex(oparl *o, const char *name, char out[129])
{
    sqlite3_stmt *st = o->q[Q_DOC_TEXT];
    int rc = -1;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        unsigned char h[crypto_hash_sha512_BYTES];
        crypto_hash_sha512(h, sqlite3_column_blob(st, 0),
                           (unsigned long long)sqlite3_column_bytes(st, 0));
        sodium_bin2hex(out, 129, h, sizeof h);
        rc = 0;
    }
    sqlite3_reset(st);
    return rc;
}

json_t *ob_file(oparl *o, const char *name, int embedded)
{
    json_t *d = ol_one(o, Q_DOC, name, NULL);
    if (!d)
        return NULL;
    json_t *f = ol_new(o, OPARL_FILE, name);
    /* a protocol's first line is no title ("Beginn/Ende 9:02 Uhr") */
    const char *kind = ol_str(d, "kind"), *title = ol_str(d, "title");
    if (kind && strcmp(kind, "protocol") == 0)
        title = "Sitzungsprotokoll";
    json_object_set_new(f, "name", json_string(title && *title ? title : name));
    json_object_set_new(f, "fileName", json_string(name));
    json_object_set_new(f, "mimeType", json_string("text/plain"));
    json_object_set_new(f, "size", json_integer(json_integer_value(json_object_get(d, "size"))));
    char hex[129];
    if (sha512_hex(o, name, hex) == 0)
        json_object_set_new(f, "sha512Checksum", json_string(hex));
    json_object_set_new(f, "accessUrl", ol_api(o, "documents", name));
    json_object_set_new(f, "downloadUrl", ol_api(o, "documents", name));
    ol_set_str(f, "kilandkarte:kind", ol_str(d, "kind"));
    if (!embedded) {
        json_t *rows = ol_all(o, Q_DOC_MEETINGS, name, NULL);
        add_refs(o, f, "meeting", rows, "key", "meetings");
        json_decref(rows);
        rows = ol_all(o, Q_DOC_AGENDA, name, NULL);
        add_refs(o, f, "agendaItem", rows, "agenda", "agendaitems");
        json_decref(rows);
        rows = ol_all(o, Q_DOC_PAPERS, name, NULL);
        add_refs(o, f, "paper", rows, "id", "papers");
        json_decref(rows);
    }
    ol_stamp(f, d, "imported_at");
    json_decref(d);
    return f;
}
