/* parse.c: the protocol of a DMK meeting (seeds/004) to conference facts,
 * and the entry point conf_parse (see conference.h).
 *
 * The protocol is PDF text: a header block (Beginn/Ende, Ort,
 * Sitzungsleitung, Protokoll), the attendance (parse_attend.c), then
 * agenda items, each starting with a line "TOP n" or
 * "TOP 2a)", its title up to the next blank line with the submitting
 * Länder in parentheses, and a body: "Beschluss:" and numbered points
 * ("1." ... counted on, so the numbered rows of a table inside a point
 * are not taken for points), "Anlage n: title" lines. */
#include "conference/conf_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"
#include "util/xalloc.h"

int conf_line_is(const conf_proto *p, size_t i, const char *prefix)
{
    return conf_startswith(p->s + p->ls[i].start, p->ls[i].end - p->ls[i].start, prefix);
}

size_t conf_find_line(const conf_proto *p, size_t from, const char *prefix)
{
    for (size_t i = from; i < p->nl; i++)
        if (conf_line_is(p, i, prefix))
            return i;
    return p->nl;
}

int conf_top_number(const conf_proto *p, size_t i, char num[8])
{
    const char *s = p->s + p->ls[i].start;
    size_t n = p->ls[i].end - p->ls[i].start, k = 4, o = 0;
    if (!conf_startswith(s, n, "TOP ") || k >= n || s[k] < '0' || s[k] > '9')
        return 0;
    while (k < n && s[k] >= '0' && s[k] <= '9' && o < 4)
        num[o++] = s[k++];
    if (k < n && s[k] >= 'a' && s[k] <= 'z')
        num[o++] = s[k++];
    if (k < n && s[k] == ')')
        k++;
    num[o] = '\0';
    return k == n;
}

/* next_meeting: "Die 2. Sitzung der DMK findet im Herbst 2024 in Berlin
 * statt." Fills number, year, season text, place; 0 if absent. */
static int next_meeting(const conf_proto *p, int *num, int *year, char season[16], char place[64],
                        size_t *at)
{
    size_t n = p->d->n;
    size_t i = conf_find(p->s, n, 0, ". Sitzung der DMK findet im ");
    if (i == (size_t)-1)
        return 0;
    size_t b = i;
    while (b > 0 && p->s[b - 1] >= '0' && p->s[b - 1] <= '9')
        b--;
    *at = b;
    char tail[160];
    size_t o = i + strlen(". Sitzung der DMK findet im ");
    snprintf(tail, sizeof tail, "%.*s", (int)(n - o < 150 ? n - o : 150), p->s + o);
    *num = atoi(p->s + b);
    return sscanf(tail, "%15s %d in %63s statt", season, year, place) == 3 && *num > 0;
}

/* submitters: the "(BB/BE)" or "(Gast: BSI)" closing a title [a, e):
 * sets the facts on o and returns the end of the title without it. */
static size_t submitters(const conf_proto *p, json_t *o, size_t a, size_t e)
{
    const char *s = p->s;
    json_t *lands = json_array(), *guests = json_array();
    json_object_set_new(o, "submitters", lands);
    json_object_set_new(o, "guests", guests);
    if (e <= a || s[e - 1] != ')')
        return e;
    size_t par = e - 1;
    while (par > a && s[par] != '(')
        par--;
    if (s[par] != '(')
        return e;
    char *in = xstrndup(s + par + 1, e - par - 2);
    if (strncmp(in, "Gast: ", 6) == 0) {
        json_array_append_new(guests, json_string(in + 6));
    } else {
        for (char *sv = NULL, *tok = strtok_r(in, "/", &sv); tok; tok = strtok_r(NULL, "/", &sv)) {
            const geo_land *l = geo_land_find(tok);
            if (!l) {
                json_array_clear(lands);
                free(in);
                return e;
            }
            json_array_append_new(lands, json_string(l->code));
        }
    }
    free(in);
    while (par > a && (s[par - 1] == ' ' || s[par - 1] == '\n'))
        par--;
    return par;
}

static const struct {
    const char *name, *id, *full;
} conferences[] = {
    {"Arbeits- und Sozialministerkonferenz", "asmk", "Arbeits- und Sozialministerkonferenz"},
    {"Wirtschaftsministerkonferenz", "wmk", "Wirtschaftsministerkonferenz"},
};

/* point_facts: what a resolution point sets up besides tasks: a working
 * group (a body), a resolution in writing it takes note of. Returns the
 * id of the working group or NULL (caller frees). */
static char *point_facts(conf_proto *p, const char *res, const char *agenda, const char *top,
                         size_t a, size_t e)
{
    char *ag = NULL;
    sbuf sq = SBUF_INIT; /* the point on one line: phrases cross line breaks */
    conf_squeeze(p->s + a, e - a, &sq, NULL);
    const char *t = sq.s ? sq.s : "";
    size_t n = sq.len;
    static const char lead[] = "eine Arbeitsgruppe unter der Leitung ";
    size_t i = conf_find(t, n, 0, lead);
    if (i != (size_t)-1) {
        size_t w = i + strlen(lead), we = w;
        while (we < n && t[we] != ' ')
            we++;
        char *who = xstrndup(t + w, we - w);
        const geo_land *l = geo_land_find(who);
        if (!l && we - w > 1 && who[we - w - 1] == 's') { /* genitive: "Sachsens" */
            who[we - w - 1] = '\0';
            l = geo_land_find(who);
        }
        free(who);
        ag = xasprintf("%s-ag", agenda);
        json_t *o = conf_add(p->d, "bodies");
        json_object_set_new(o, "id", json_string(ag));
        char *name = l ? xasprintf("Arbeitsgruppe der DMK zu TOP %s (Leitung: %s)", top, l->name)
                       : xstrdup("Arbeitsgruppe der DMK");
        json_object_set_new(o, "name", json_string(name));
        free(name);
        json_object_set_new(o, "kind", json_string("working-group"));
        json_object_set_new(o, "parent", json_string(p->body));
        json_object_set_new(o, "lead", l ? json_string(l->code) : json_null());
        json_object_set_new(o, "resolution", json_string(res));
        conf_set_span(p->d, o, a, e);
        /* and an entry of the registry (conf_entries): a Gremium of the
         * leading Land, its summary and source the resolution point */
        json_t *e1 = json_pack("{sssss[s]}", "title", json_string_value(json_object_get(o, "name")),
                               "kind", "body", "organisations", "Digitalministerkonferenz (DMK)");
        if (l)
            json_object_set_new(e1, "land", json_string(l->code));
        size_t num = 0; /* the point without its number "6. " */
        while (num < n && ((t[num] >= '0' && t[num] <= '9') || t[num] == '.' || t[num] == ' '))
            num++;
        size_t ra = a;
        while (ra < e && ((p->s[ra] >= '0' && p->s[ra] <= '9') || p->s[ra] == '.' ||
                          p->s[ra] == ' ' || p->s[ra] == '\n'))
            ra++;
        json_object_set_new(e1, "summary", json_string(t + num));
        json_object_set_new(e1, "source",
                            json_pack("{sssIsIss}", "document", p->d->name, "start", (json_int_t)ra,
                                      "end", (json_int_t)e, "quote", t + num));
        json_object_set_new(o, "proposal", e1);
    }
    i = conf_find(t, n, 0, "Umlaufbeschluss der ");
    if (i != (size_t)-1) {
        size_t q = i + strlen("Umlaufbeschluss der ");
        int num = atoi(t + q);
        for (size_t c = 0; c < sizeof conferences / sizeof conferences[0]; c++) {
            size_t at = conf_find(t, n, q, conferences[c].name);
            if (at == (size_t)-1 || at > q + 8)
                continue;
            json_t *b = conf_add(p->d, "bodies");
            json_object_set_new(b, "id", json_string(conferences[c].id));
            json_object_set_new(b, "name", json_string(conferences[c].full));
            json_object_set_new(b, "kind", json_string("conference"));
            json_t *o = conf_add(p->d, "resolutions");
            char *id = xasprintf("%s-%d-umlauf", conferences[c].id, num);
            json_object_set_new(o, "id", json_string(id));
            json_object_set_new(o, "body", json_string(conferences[c].id));
            json_object_set_new(o, "meeting", json_null());
            json_object_set_new(o, "agenda", json_null());
            json_object_set_new(o, "point", json_null());
            json_object_set_new(o, "written", json_true());
            size_t se = conf_find(t, n, at, " zur Kenntnis");
            conf_set_str(o, "text", t + i, (se == (size_t)-1 ? n : se) - i);
            json_object_set_new(o, "noted_by", json_string(res));
            conf_set_span(p->d, o, a, e);
            free(id);
        }
    }
    sbuf_free(&sq);
    return ag;
}

static void annex(conf_proto *p, size_t i, const char *agenda)
{
    const char *s = p->s + p->ls[i].start;
    size_t n = p->ls[i].end - p->ls[i].start;
    int num = atoi(s + 7);
    const char *colon = memchr(s, ':', n);
    if (num <= 0 || !colon)
        return;
    json_t *o = conf_add(p->d, "annexes");
    char *id = xasprintf("%s-anlage%d", p->meeting, num);
    json_object_set_new(o, "id", json_string(id));
    json_object_set_new(o, "meeting", json_string(p->meeting));
    json_object_set_new(o, "agenda", agenda ? json_string(agenda) : json_null());
    json_object_set_new(o, "number", json_integer(num));
    conf_set_str(o, "title", colon + 1, n - (size_t)(colon + 1 - s));
    json_object_set_new(o, "file", json_null());
    free(id);
}

/* agenda_item: TOP at line t (number num) up to line te. */
static void agenda_item(conf_proto *p, size_t t, size_t te, const char *num, int ord)
{
    char *id = xasprintf("%s-top%s", p->meeting, num);
    size_t i = t + 1;
    while (i < te && p->ls[i].start == p->ls[i].end)
        i++;
    size_t ta = i < te ? p->ls[i].start : p->ls[t].end, tl = i;
    while (tl < te && p->ls[tl].start != p->ls[tl].end && !conf_line_is(p, tl, "Beschluss:"))
        tl++;
    size_t tend = tl > i ? p->ls[tl - 1].end : ta;
    json_t *o = conf_add(p->d, "agenda");
    json_object_set_new(o, "id", json_string(id));
    json_object_set_new(o, "meeting", json_string(p->meeting));
    json_object_set_new(o, "number", json_string(num));
    json_object_set_new(o, "ord", json_integer(ord));
    size_t te2 = submitters(p, o, ta, tend);
    conf_set_str(o, "title", p->s + ta, te2 - ta);
    if (num[strlen(num) - 1] >= 'a') {
        char *parent = xasprintf("%s-top%.*s", p->meeting, (int)strlen(num) - 1, num);
        json_object_set_new(o, "parent", json_string(parent));
        free(parent);
    }
    conf_set_span(p->d, o, p->ls[t].start, te < p->nl ? p->ls[te].start : p->d->n);
    /* the body: a resolution with numbered points, or a result */
    size_t b = conf_find_line(p, tl, "Beschluss:");
    int expect = 1;
    size_t pt_line[64], npt = 0, body_end = te;
    for (size_t k = tl; k < te; k++)
        if (conf_line_is(p, k, "Anlage ")) {
            annex(p, k, id);
            if (body_end == te)
                body_end = k;
        }
    for (size_t k = b + 1; b < te && k < body_end && npt < 64; k++) {
        char lead[16];
        snprintf(lead, sizeof lead, "%d.", expect);
        size_t x = p->ls[k].start + strlen(lead);
        /* "3. Abweichungen", not the table row "3. 2026 Hamburg" */
        if (conf_line_is(p, k, lead) && p->ls[k].end > x + 1 && p->s[x] == ' ' &&
            !(p->s[x + 1] >= '0' && p->s[x + 1] <= '9')) {
            pt_line[npt++] = k;
            expect++;
        }
    }
    size_t rstart = tl < te ? p->ls[tl].start : p->ls[t].end;
    size_t rend = body_end < p->nl ? p->ls[body_end].start : p->d->n;
    if (npt == 0) {
        conf_set_str(o, "result", p->s + rstart, rend > rstart ? rend - rstart : 0);
    } else if (pt_line[0] > b + 1) {
        size_t pa = p->ls[b + 1].start, pe = p->ls[pt_line[0]].start;
        conf_set_str(o, "result", p->s + pa, pe - pa);
    }
    char *ag = NULL;
    for (size_t k = 0; k < npt; k++) {
        size_t a = p->ls[pt_line[k]].start;
        size_t e = k + 1 < npt ? p->ls[pt_line[k + 1]].start : rend;
        while (e > a && (p->s[e - 1] == ' ' || p->s[e - 1] == '\n'))
            e--;
        char *rid = xasprintf("%s-%zu", id, k + 1);
        json_t *r = conf_add(p->d, "resolutions");
        json_object_set_new(r, "id", json_string(rid));
        json_object_set_new(r, "body", json_string(p->body));
        json_object_set_new(r, "meeting", json_string(p->meeting));
        json_object_set_new(r, "agenda", json_string(id));
        json_object_set_new(r, "point", json_integer((json_int_t)k + 1));
        json_object_set_new(r, "written", json_false());
        /* the text without its number */
        size_t ta2 = a + strlen("1.") + (k + 1 >= 10);
        conf_set_str(r, "text", p->s + ta2, e - ta2);
        conf_set_span(p->d, r, a, e);
        char *made = point_facts(p, rid, id, num, a, e);
        if (made) {
            free(ag);
            ag = made;
        }
        conf_add_tasks(p->d, rid, a, e, ag);
        free(rid);
    }
    free(ag);
    free(id);
}

/* annex_titles: the list "Anlagen:" after the end marker gives each
 * annex's title on one line; in the agenda items a title may be cut by a
 * line break. */
static void annex_titles(conf_proto *p, size_t from)
{
    for (size_t k = conf_find_line(p, from, "Anlagen:"); k < p->nl; k++) {
        if (!conf_line_is(p, k, "Anlage "))
            continue;
        const char *s = p->s + p->ls[k].start;
        size_t n = p->ls[k].end - p->ls[k].start;
        const char *colon = memchr(s, ':', n);
        int num = atoi(s + 7);
        size_t i;
        json_t *o;
        json_array_foreach(json_object_get(p->d->j, "annexes"), i, o)
        {
            if (colon && json_integer_value(json_object_get(o, "number")) == num)
                conf_set_str(o, "title", colon + 1, n - (size_t)(colon + 1 - s));
        }
    }
}

/* d16_mentions: meetings of the D16 the text refers to by date. */
static void d16_mentions(conf_doc *d)
{
    static const char *const pats[] = {"D16 in der Sitzung vom ", "Digitalministertreffens vom "};
    for (size_t k = 0; k < 2; k++) {
        for (size_t i = conf_find(d->text, d->n, 0, pats[k]); i != (size_t)-1;
             i = conf_find(d->text, d->n, i + 1, pats[k])) {
            char iso[11];
            size_t q = i + strlen(pats[k]), l = conf_date(d->text + q, d->n - q, iso);
            if (!l)
                continue;
            char *id = xasprintf("d16-%.4s-%.2s%.2s", iso, iso + 5, iso + 8);
            json_t *o = conf_add(d, "meetings");
            json_object_set_new(o, "id", json_string(id));
            json_object_set_new(o, "body", json_string("d16"));
            json_object_set_new(o, "year", json_integer(atoi(iso)));
            json_object_set_new(o, "date", json_string(iso));
            size_t e = q + l;
            if (conf_startswith(d->text + e, d->n - e, " in ")) {
                size_t w = e + 4, we = w;
                while (we < d->n && d->text[we] != ' ' && d->text[we] != '\n')
                    we++;
                conf_set_str(o, "place", d->text + w, we - w);
                json_object_set_new(o, "mode", json_string("on-site"));
                e = we;
            }
            conf_set_span(d, o, i, e);
            free(id);
        }
    }
}

void conf_parse_protocol(conf_doc *d)
{
    conf_proto p = {.d = d, .s = d->text};
    p.nl = conf_lines(d->text, d->n, &p.ls);
    p.body = conf_find(d->text, d->n, 0, "DMK") != (size_t)-1 ? "dmk" : "unknown";
    int next = 0, year = 0;
    char season[16] = "", place[64] = "";
    size_t at = 0;
    int has_next = next_meeting(&p, &next, &year, season, place, &at);
    int number = has_next ? next - 1 : 0;
    if (!number && conf_find(d->text, d->n, 0, "konstituierenden") != (size_t)-1)
        number = 1;
    snprintf(p.meeting, sizeof p.meeting, "%s-%d-%d", p.body, year, number);
    json_t *m = conf_add(d, "meetings");
    json_object_set_new(m, "id", json_string(p.meeting));
    json_object_set_new(m, "body", json_string(p.body));
    json_object_set_new(m, "number", json_integer(number));
    json_object_set_new(m, "year", json_integer(year));
    size_t i = conf_find_line(&p, 0, "Beginn/Ende ");
    if (i < p.nl) {
        int h1, m1, h2, m2;
        char t[32];
        if (sscanf(d->text + p.ls[i].start + 12, "%d:%d Uhr – %d:%d", &h1, &m1, &h2, &m2) == 4) {
            snprintf(t, sizeof t, "%02d:%02d", h1 % 24, m1 % 60);
            json_object_set_new(m, "start_time", json_string(t));
            snprintf(t, sizeof t, "%02d:%02d", h2 % 24, m2 % 60);
            json_object_set_new(m, "end_time", json_string(t));
        }
    }
    if ((i = conf_find_line(&p, 0, "Ort ")) < p.nl)
        conf_set_str(m, "place", d->text + p.ls[i].start + 4, p.ls[i].end - p.ls[i].start - 4);
    int virt = conf_find(d->text, d->n, 0, "Videokonferenz") != (size_t)-1 ||
               conf_find(d->text, d->n, 0, "virtuell") != (size_t)-1;
    json_object_set_new(m, "mode", json_string(i < p.nl && !virt ? "on-site" : "unknown"));
    if ((i = conf_find_line(&p, 0, "Sitzungsleitung ")) < p.nl)
        conf_set_str(m, "chair_person", d->text + p.ls[i].start + 16,
                     p.ls[i].end - p.ls[i].start - 16);
    char *chair = conf_attendance(&p);
    json_object_set_new(m, "chair", *chair ? json_string(chair) : json_null());
    free(chair);
    conf_set_span(d, m, 0, d->n);
    if (has_next) {
        json_t *nm = conf_add(d, "meetings");
        char *nid = xasprintf("%s-%d-%d", p.body, year, next);
        json_object_set_new(nm, "id", json_string(nid));
        json_object_set_new(nm, "body", json_string(p.body));
        json_object_set_new(nm, "number", json_integer(next));
        json_object_set_new(nm, "year", json_integer(year));
        char *planned = xasprintf("%s %d", season, year);
        json_object_set_new(nm, "planned", json_string(planned));
        json_object_set_new(nm, "place", json_string(place));
        json_object_set_new(nm, "mode", json_string("on-site"));
        size_t e = conf_find(d->text, d->n, at, "statt.");
        conf_set_span(d, nm, at, e == (size_t)-1 ? at : e + 6);
        free(planned);
        free(nid);
    }
    /* agenda items, up to the end marker of the protocol */
    size_t end = conf_find_line(&p, 0, "* * *");
    size_t tops[64], ntop = 0;
    char nums[64][8];
    for (size_t k = 0; k < end && ntop < 64; k++)
        if (conf_top_number(&p, k, nums[ntop]))
            tops[ntop++] = k;
    for (size_t k = 0; k < ntop; k++)
        agenda_item(&p, tops[k], k + 1 < ntop ? tops[k + 1] : end, nums[k], (int)k);
    annex_titles(&p, end);
    d16_mentions(d);
    json_t *b = conf_add(d, "bodies");
    json_object_set_new(b, "id", json_string("d16"));
    json_object_set_new(b, "name", json_string("Digitalministertreffen (D16)"));
    json_object_set_new(b, "kind", json_string("conference"));
    json_object_set_new(b, "successor", json_string(p.body));
    free(p.ls);
}

/* due_meetings: a task due "im Herbst 2024" is due at the meeting the
 * same document plans for "Herbst 2024". */
static void due_meetings(conf_doc *d)
{
    size_t i, k;
    json_t *t, *m;
    json_array_foreach(json_object_get(d->j, "tasks"), i, t)
    {
        const char *season = json_string_value(json_object_get(t, "due_season"));
        json_int_t year = json_integer_value(json_object_get(t, "due_year"));
        if (!season || !year)
            continue;
        char *want = xasprintf("%s-%lld", season, (long long)year);
        json_array_foreach(json_object_get(d->j, "meetings"), k, m)
        {
            const char *planned = json_string_value(json_object_get(m, "planned"));
            sbuf slug = SBUF_INIT;
            if (planned)
                conf_slug(&slug, planned, strlen(planned));
            if (slug.s && strcmp(slug.s, want) == 0)
                json_object_set(t, "due_meeting", json_object_get(m, "id"));
            sbuf_free(&slug);
        }
        free(want);
    }
}

int conf_parse(const char *text, size_t n, const char *kind, const char *name, const geo *g,
               conf_doc **out, char **err)
{
    (void)err;
    conf_doc *d = xcalloc(1, sizeof *d);
    d->j = json_pack("{ss ss? s[] s[] s[] s[] s[] s[] s[] s[] s[] s[]}", "document", name, "kind",
                     kind, "bodies", "members", "persons", "attendance", "meetings", "agenda",
                     "resolutions", "annexes", "tasks", "links");
    d->text = text;
    d->n = n;
    d->name = json_string_value(json_object_get(d->j, "document"));
    d->g = g;
    if (kind && strcmp(kind, "protocol") == 0) {
        json_t *b = conf_add(d, "bodies");
        json_object_set_new(b, "id", json_string("dmk"));
        json_object_set_new(b, "name", json_string("Digitalministerkonferenz (DMK)"));
        json_object_set_new(b, "kind", json_string("conference"));
        conf_parse_protocol(d);
    } else if (kind && strcmp(kind, "resolution") == 0) {
        conf_parse_resolution(d);
    } else if (kind && strcmp(kind, "press-release") == 0) {
        conf_parse_press(d);
    } else if (kind && strcmp(kind, "land-reports") == 0) {
        conf_parse_reports(d);
    }
    due_meetings(d);
    d->text = NULL;
    *out = d;
    return KL_OK;
}

int conf_entries(conf_doc *d, const geo *g, const char *status, entry ***out, size_t *n, char **err)
{
    size_t i;
    json_t *b;
    int rc = KL_OK;
    *out = NULL;
    *n = 0;
    json_array_foreach(json_object_get(d->j, "bodies"), i, b)
    {
        json_t *prop = json_object_get(b, "proposal");
        entry *e = NULL;
        if (!prop)
            continue;
        json_object_set_new(prop, "status", json_string(status));
        if ((rc = entry_parse(prop, g, json_string_value(json_object_get(b, "id")), &e, err)))
            break;
        json_object_set_new(b, "entry", json_string(entry_id(e)));
        *out = xrealloc(*out, (*n + 1) * sizeof **out);
        (*out)[(*n)++] = e;
    }
    if (rc) {
        for (i = 0; i < *n; i++)
            entry_free((*out)[i]);
        free(*out);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

void conf_doc_free(conf_doc *d)
{
    if (!d)
        return;
    json_decref(d->j);
    free(d);
}

json_t *conf_doc_json(const conf_doc *d)
{
    return d->j;
}
