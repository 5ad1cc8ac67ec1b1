/* parse_other.c: conference facts from a resolution (seeds/000, the
 * Chef des Bundeskanzleramtes with the heads of the state chancelleries),
 * a press release on a D16 meeting (seeds/001) and the annex "Berichte
 * der Länder" of a DMK protocol (seeds/002: its meeting's date and the
 * annex it is). See conf_int.h. */
#include "conference/conf_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void conf_add_tasks(conf_doc *d, const char *res, size_t start, size_t end, const char *ag)
{
    conf_task *ts = NULL;
    size_t nt = 0;
    conf_tasks_find(d->text + start, end - start, start, &ts, &nt);
    for (size_t i = 0; i < nt; i++) {
        const conf_task *k = &ts[i];
        json_t *o = conf_add(d, "tasks");
        char *id = xasprintf("%s-t%zu", res, i + 1);
        json_object_set_new(o, "id", json_string(id));
        json_object_set_new(o, "resolution", json_string(res));
        json_object_set_new(o, "owner", json_string(k->owner));
        json_object_set_new(o, "owner_key", json_string(k->owner_key));
        json_object_set_new(o, "owner_body",
                            ag && strcmp(k->owner_key, "arbeitsgruppe") == 0 ? json_string(ag)
                                                                             : json_null());
        json_object_set_new(o, "action", json_string(k->action));
        json_object_set_new(o, "due_text", k->due_text ? json_string(k->due_text) : json_null());
        json_object_set_new(o, "due_year", k->due_year ? json_integer(k->due_year) : json_null());
        json_object_set_new(o, "due_season",
                            k->due_season ? json_string(k->due_season) : json_null());
        json_object_set_new(o, "due_meeting", json_null());
        conf_set_str(o, "quote", d->text + k->start, k->end - k->start);
        conf_set_span(d, o, k->start, k->end);
        free(id);
    }
    conf_tasks_free(ts, nt);
}

static void body(conf_doc *d, const char *id, const char *name, const char *successor)
{
    json_t *b = conf_add(d, "bodies");
    json_object_set_new(b, "id", json_string(id));
    json_object_set_new(b, "name", json_string(name));
    json_object_set_new(b, "kind", json_string("conference"));
    if (successor)
        json_object_set_new(b, "successor", json_string(successor));
}

static void members(conf_doc *d, const char *b, const char *extra, const char *role)
{
    size_t n;
    const geo_land *ls = geo_laender(&n);
    for (size_t i = 0; i <= n; i++) {
        if (i == n && !extra)
            break;
        json_t *o = conf_add(d, "members");
        json_object_set_new(o, "body", json_string(b));
        json_object_set_new(o, "member", json_string(i < n ? ls[i].code : extra));
        json_object_set_new(o, "role", json_string(i < n ? "member" : role));
    }
}

/* meeting_id: BODY-YYYY-MMDD of an ISO date. Caller frees. */
static char *meeting_id(const char *b, const char iso[11])
{
    return xasprintf("%s-%.4s-%.2s%.2s", b, iso, iso + 5, iso + 8);
}

static json_t *meeting(conf_doc *d, const char *id, const char *b, const char iso[11])
{
    json_t *m = conf_add(d, "meetings");
    json_object_set_new(m, "id", json_string(id));
    json_object_set_new(m, "body", json_string(b));
    json_object_set_new(m, "year", json_integer(atoi(iso)));
    json_object_set_new(m, "date", json_string(iso));
    return m;
}

/* point: resolution point k of meeting mid (and agenda item, may be NULL)
 * over d->text[a..e). */
static void point(conf_doc *d, const char *b, const char *mid, const char *agenda, int k, size_t a,
                  size_t e, size_t ta)
{
    char *rid = xasprintf("%s-%d", mid, k);
    json_t *r = conf_add(d, "resolutions");
    json_object_set_new(r, "id", json_string(rid));
    json_object_set_new(r, "body", json_string(b));
    json_object_set_new(r, "meeting", json_string(mid));
    json_object_set_new(r, "agenda", agenda ? json_string(agenda) : json_null());
    json_object_set_new(r, "point", json_integer(k));
    json_object_set_new(r, "written", json_false());
    conf_set_str(r, "text", d->text + ta, e - ta);
    conf_set_span(d, r, a, e);
    conf_add_tasks(d, rid, a, e, NULL);
    free(rid);
}

void conf_parse_resolution(conf_doc *d)
{
    const char *s = d->text;
    size_t n = d->n, h = conf_find(s, n, 0, "Besprechung des Chefs des Bundeskanzleramtes");
    if (h == (size_t)-1)
        return;
    size_t hend = conf_find(s, n, h, "**"), am = h;
    while ((am = conf_find(s, n, am + 1, "am ")) != (size_t)-1 && s[am - 1] != ' ' &&
           s[am - 1] != '\n')
        ;
    if (am != (size_t)-1)
        am--; /* at the blank before "am " */
    char iso[11];
    if (am == (size_t)-1 || (hend != (size_t)-1 && am > hend) ||
        !conf_date(s + am + 4, n - am - 4, iso))
        return;
    body(d, "cds",
         "Besprechung des Chefs des Bundeskanzleramtes mit den Chefinnen und Chefs der Staats- "
         "und Senatskanzleien der Länder (CdS)",
         NULL);
    members(d, "cds", "BKAmt", "chair");
    char *mid = meeting_id("cds", iso);
    json_t *m = meeting(d, mid, "cds", iso);
    json_object_set_new(m, "chair", json_string("BKAmt"));
    json_object_set_new(m, "mode", json_string("unknown"));
    conf_set_span(d, m, h, hend == (size_t)-1 ? am : hend);
    /* the item: the next bold line */
    size_t ta = hend == (size_t)-1 ? (size_t)-1 : conf_find(s, n, hend + 2, "**");
    size_t te = ta == (size_t)-1 ? (size_t)-1 : conf_find(s, n, ta + 2, "**");
    char *aid = xasprintf("%s-item1", mid);
    if (te != (size_t)-1) {
        json_t *o = conf_add(d, "agenda");
        json_object_set_new(o, "id", json_string(aid));
        json_object_set_new(o, "meeting", json_string(mid));
        json_object_set_new(o, "number", json_null());
        json_object_set_new(o, "ord", json_integer(0));
        conf_set_str(o, "title", s + ta + 2, te - ta - 2);
        json_object_set_new(o, "submitters", json_array());
        json_object_set_new(o, "guests", json_array());
        conf_set_span(d, o, ta, n);
    }
    /* numbered points, counted on */
    conf_line *ls;
    size_t nl = conf_lines(s, n, &ls), pts[64], np = 0;
    for (size_t i = 0; i < nl && np < 64; i++) {
        char lead[32];
        snprintf(lead, sizeof lead, "%zu. ", np + 1);
        if (conf_startswith(s + ls[i].start, ls[i].end - ls[i].start, lead))
            pts[np++] = ls[i].start;
    }
    for (size_t k = 0; k < np; k++) {
        size_t e = k + 1 < np ? pts[k + 1] : n;
        while (e > pts[k] && (s[e - 1] == ' ' || s[e - 1] == '\n'))
            e--;
        point(d, "cds", mid, te != (size_t)-1 ? aid : NULL, (int)k + 1, pts[k], e,
              pts[k] + 2 + (k + 1 >= 10));
    }
    free(ls);
    free(aid);
    free(mid);
}

void conf_parse_press(conf_doc *d)
{
    const char *s = d->text;
    size_t n = d->n;
    if (conf_find(s, n, 0, "D16") == (size_t)-1)
        return;
    conf_line *ls;
    size_t nl = conf_lines(s, n, &ls), dl = nl;
    char iso[11];
    for (size_t i = 0; i < nl; i++)
        if (ls[i].end > ls[i].start &&
            conf_date(s + ls[i].start, ls[i].end - ls[i].start, iso) == ls[i].end - ls[i].start) {
            dl = i;
            break;
        }
    if (dl == nl) {
        free(ls);
        return;
    }
    body(d, "d16", "Digitalministertreffen (D16)", "dmk");
    members(d, "d16", NULL, NULL);
    char *mid = meeting_id("d16", iso);
    json_t *m = meeting(d, mid, "d16", iso);
    size_t v = conf_find(s, n, 0, "D16-Treffen unter dem Vorsitz ");
    json_object_set_new(m, "mode",
                        json_string(conf_find(s, n, 0, "virtuellen D16-Treffen") != (size_t)-1
                                        ? "virtual"
                                        : "unknown"));
    if (v != (size_t)-1) {
        size_t w = v + strlen("D16-Treffen unter dem Vorsitz "), we = w;
        while (we < n && s[we] != ' ' && s[we] != ',' && s[we] != '\n')
            we++;
        char *who = xstrndup(s + w, we - w);
        const geo_land *l = geo_land_find(who);
        if (!l && we - w > 1 && who[we - w - 1] == 's') {
            who[we - w - 1] = '\0';
            l = geo_land_find(who);
        }
        json_object_set_new(m, "chair", l ? json_string(l->code) : json_null());
        free(who);
    }
    conf_set_span(d, m, ls[dl].start, ls[dl].end);
    /* paragraphs that report what the meeting decided */
    int k = 0;
    for (size_t i = dl + 1; i < nl; i++) {
        if (ls[i].end == ls[i].start)
            continue;
        size_t a = ls[i].start, e = ls[i].end;
        while (i + 1 < nl && ls[i + 1].end > ls[i + 1].start)
            e = ls[++i].end;
        if (conf_find(s, e, a, "Beschluss des D16-Treffens") == (size_t)-1 &&
            conf_find(s, e, a, " bitten ") == (size_t)-1 &&
            conf_find(s, e, a, "beschlossen") == (size_t)-1)
            continue;
        point(d, "d16", mid, NULL, ++k, a, e, a);
    }
    /* "Das Gremium hatte sich am 27. September 2019 in Frankfurt am Main
     * erstmalig getroffen" */
    size_t g = conf_find(s, n, 0, "hatte sich am ");
    char iso0[11];
    size_t l;
    if (g != (size_t)-1 && (l = conf_date(s + g + 14, n - g - 14, iso0))) {
        char *id0 = meeting_id("d16", iso0);
        json_t *m0 = meeting(d, id0, "d16", iso0);
        size_t p = g + 14 + l, pe = conf_find(s, n, p, " erstmalig");
        if (conf_startswith(s + p, n - p, " in ") && pe != (size_t)-1)
            conf_set_str(m0, "place", s + p + 4, pe - p - 4);
        json_object_set_new(m0, "mode", json_string("on-site"));
        json_object_set_new(m0, "number", json_integer(1));
        conf_set_span(d, m0, g, pe == (size_t)-1 ? g + 14 + l : pe + 10);
        free(id0);
    }
    if (conf_find(s, n, 0, "Gremium der Digitalkoordinatoren") != (size_t)-1)
        body(d, "digitalkoordinatoren", "Gremium der Digitalkoordinatoren", "d16");
    free(ls);
    free(mid);
}

void conf_parse_reports(conf_doc *d)
{
    const char *s = d->text;
    size_t n = d->n, h = conf_find(s, n, 0, "Ergebnisprotokoll der ");
    if (h == (size_t)-1 || h > 400)
        return;
    size_t q = h + strlen("Ergebnisprotokoll der ");
    int num = atoi(s + q);
    size_t am = conf_find(s, n, q, ". Digitalministerkonferenz am ");
    char iso[11];
    if (num <= 0 || am == (size_t)-1 || am > q + 4 || !conf_date(s + am + 30, n - am - 30, iso))
        return;
    char *mid = xasprintf("dmk-%.4s-%d", iso, num);
    json_t *m = meeting(d, mid, "dmk", iso);
    json_object_set_new(m, "number", json_integer(num));
    conf_set_span(d, m, h, am + 30 + 10);
    size_t a = conf_find(s, n, q, "Anlage ");
    int an = a == (size_t)-1 ? 0 : atoi(s + a + 7);
    if (an > 0 && a < 600) {
        conf_line *ls;
        size_t nl = conf_lines(s, n, &ls), i = 0;
        while (i < nl && ls[i].start <= a)
            i++;
        while (i < nl && ls[i].end == ls[i].start)
            i++;
        json_t *o = conf_add(d, "annexes");
        char *aid = xasprintf("%s-anlage%d", mid, an);
        json_object_set_new(o, "id", json_string(aid));
        json_object_set_new(o, "meeting", json_string(mid));
        json_object_set_new(o, "agenda", json_null());
        json_object_set_new(o, "number", json_integer(an));
        if (i < nl)
            conf_set_str(o, "title", s + ls[i].start, ls[i].end - ls[i].start);
        json_object_set_new(o, "file", json_string(d->name));
        free(aid);
        free(ls);
    }
    free(mid);
}
