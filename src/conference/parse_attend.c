/* parse_attend.c: the attendance list of a protocol (seeds/004): the
 * members with their titles in the order of the Länder, the permanent
 * guest, further guests, the minute-taker and the further attendees
 * ("Weitere Anwesende"). See conf_int.h; called by parse.c. */
#include "conference/conf_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"
#include "util/xalloc.h"

static const char *const titles[] = {"Bundesministerin", "Bundesminister",   "Staatsministerin",
                                     "Staatsminister",   "Staatssekretärin", "Staatssekretär",
                                     "Staatsrätin",      "Staatsrat",        "Ministerin",
                                     "Minister",         "Senatorin",        "Senator"};

/* person_title: the title a line starts with ("Staatssekretärin"), or NULL. */
static const char *person_title(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
        size_t l = strlen(titles[i]);
        if (n > l && memcmp(s, titles[i], l) == 0 && s[l] == ' ')
            return titles[i];
    }
    return NULL;
}

/* add_person: a person fact and its attendance; returns the person id
 * (caller frees). */
/* person_id: the id of the person named name[0..n): the slug of the
 * name without academic titles ("benjamin-grimm"). Caller frees. */
static char *person_id(const char *name, size_t n)
{
    sbuf id = SBUF_INIT;
    conf_slug(&id, name, n);
    const char *v = id.s ? id.s : "";
    while (strncmp(v, "dr-", 3) == 0 || strncmp(v, "prof-", 5) == 0)
        v += v[0] == 'd' ? 3 : 5;
    char *pid = xstrdup(v);
    sbuf_free(&id);
    return pid;
}

static char *add_person(conf_proto *p, const char *name, size_t nn, const char *title,
                        const char *land, const char *org, const char *role, int chair,
                        size_t start, size_t end)
{
    char *pid = person_id(name, nn);
    json_t *o = conf_add(p->d, "persons");
    json_object_set_new(o, "id", json_string(pid));
    conf_set_str(o, "name", name, nn);
    json_object_set_new(o, "title", title ? json_string(title) : json_null());
    json_object_set_new(o, "org", org ? json_string(org) : json_null());
    json_t *a = conf_add(p->d, "attendance");
    json_object_set_new(a, "meeting", json_string(p->meeting));
    json_object_set_new(a, "person", json_string(pid));
    json_object_set_new(a, "role", json_string(role));
    json_object_set_new(a, "land", land ? json_string(land) : json_null());
    json_object_set_new(a, "org", org ? json_string(org) : json_null());
    json_object_set_new(a, "chair", json_boolean(chair));
    conf_set_span(p->d, a, start, end);
    return pid;
}

/* land_pos: the position of land code in the order of the Länder (the
 * order of the attendance lists), or -1. */
static int land_pos(const char *code)
{
    size_t nl;
    const geo_land *ls = geo_laender(&nl);
    for (size_t i = 0; code && i < nl; i++)
        if (strcmp(ls[i].code, code) == 0)
            return (int)i;
    return -1;
}

/* attendance_of: the attendance fact of person id in this document, or
 * NULL. Borrowed. */
static json_t *attendance_of(const conf_proto *p, const char *id)
{
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(p->d->j, "attendance"), i, a)
    {
        if (strcmp(json_string_value(json_object_get(a, "person")), id) == 0)
            return a;
    }
    return NULL;
}

/* org_label: the length of an organisation's abbreviation opening
 * s[0..n) ("BMDV Julian Jakob, ..."): a word of two or more capitals
 * followed by a space, not a Land's abbreviation; 0 if none. */
static size_t org_label(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && s[k] >= 'A' && s[k] <= 'Z')
        k++;
    if (k < 2 || k >= n || s[k] != ' ')
        return 0;
    char *w = xstrndup(s, k);
    int land = geo_land_find(w) != NULL;
    free(w);
    return land ? 0 : k;
}

/* next_name: the next comma-separated name in s[*a..end), trimmed, in
 * [*b, *e); advances *a. 0 when none is left. */
static int next_name(const char *s, size_t *a, size_t end, size_t *b, size_t *e)
{
    while (*a < end) {
        const char *comma = memchr(s + *a, ',', end - *a);
        size_t x = *a, y = comma ? (size_t)(comma - s) : end;
        *a = comma ? y + 1 : end;
        while (x < y && (s[x] == ' ' || s[x] == '\n'))
            x++;
        while (y > x && (s[y - 1] == ' ' || s[y - 1] == '\n'))
            y--;
        if (y > x) {
            *b = x;
            *e = y;
            return 1;
        }
    }
    return 0;
}

/* One group of the further attendees: [start, end) in the text; org: the
 * length of its organisation's label (0: a Land's delegation); lo..hi:
 * the positions in the order of the Länder it may have. */
typedef struct group {
    size_t start, end, org;
    int lo, hi;
} group;

#define MAX_GROUPS 40

/* attendee_groups: the groups of the lines after "Anwesende" up to the
 * first agenda item, into g; returns their count. */
static size_t attendee_groups(conf_proto *p, size_t from, group *g)
{
    size_t ng = 0;
    int open = 0;
    char num[8];
    for (size_t k = from; k < p->nl && !conf_top_number(p, k, num) && ng < MAX_GROUPS; k++) {
        size_t a = p->ls[k].start, n = p->ls[k].end - a;
        if (k == from && conf_line_is(p, k, "Anwesende"))
            a += 9, n -= 9;
        while (n && p->s[a] == ' ')
            a++, n--;
        if (!n) {
            open = 0;
            continue;
        }
        char *w = n <= 3 ? xstrndup(p->s + a, n) : NULL;
        int label = w && geo_land_find(w);
        free(w);
        if (label)
            continue;
        if (!open) {
            g[ng].start = a;
            g[ng].org = org_label(p->s + a, n);
            ng++;
            open = 1;
        }
        g[ng - 1].end = a + n;
    }
    return ng;
}

/* land_bounds: lo..hi for the delegations among g[0..ng): in order, with
 * as many Länder without a group as there are fewer groups than Länder,
 * narrowed by each member whose Land the document names elsewhere. */
static void land_bounds(conf_proto *p, group *g, size_t ng, int nlaender)
{
    int nd = 0;
    for (size_t k = 0; k < ng; k++)
        nd += !g[k].org;
    for (size_t k = 0, j = 0; k < ng; k++)
        if (!g[k].org) {
            g[k].lo = (int)j;
            g[k].hi = (int)j + nlaender - nd;
            j++;
        }
    for (size_t k = 0, j = 0; k < ng; k++) {
        if (g[k].org)
            continue;
        size_t a = g[k].start, b, e;
        while (next_name(p->s, &a, g[k].end, &b, &e)) {
            char *id = person_id(p->s + b, e - b);
            json_t *att = attendance_of(p, id);
            int pos = att ? land_pos(json_string_value(json_object_get(att, "land"))) : -1;
            free(id);
            if (pos < g[k].lo || pos > g[k].hi)
                continue; /* unknown, or against the order: no anchor */
            for (size_t m = 0, jm = 0; m < ng; m++) {
                if (g[m].org)
                    continue;
                int at = pos + (int)jm - (int)j; /* the tightest bound */
                if (jm < j && at < g[m].hi)
                    g[m].hi = at;
                if (jm > j && at > g[m].lo)
                    g[m].lo = at;
                if (jm == j)
                    g[m].lo = g[m].hi = pos;
                jm++;
            }
        }
        j++;
    }
}

/* further_attendees: "Weitere Anwesende": groups separated by blank
 * lines, names separated by commas (a name may cross a line break). A
 * group opened by an organisation's abbreviation ("BMDV ...") is that
 * organisation's; the others are the Länder's delegations in the order of
 * the Länder, with no group for a Land that sent nobody. So a group's
 * Land is set only where its position is certain (land_bounds). A lone
 * Land abbreviation on a line is a column of the PDF layout that lost its
 * rows: skipped. A person the document named before keeps that role. */
static void further_attendees(conf_proto *p)
{
    size_t nl, i = conf_find_line(p, 0, "Weitere Anwesende");
    const geo_land *ls = geo_laender(&nl);
    if (i == p->nl) {
        for (i = 0; i + 1 < p->nl; i++)
            if (conf_line_is(p, i, "Weitere") && p->ls[i].end - p->ls[i].start == 7 &&
                conf_line_is(p, i + 1, "Anwesende"))
                break;
        if (++i >= p->nl)
            return;
    }
    group g[MAX_GROUPS];
    size_t ng = attendee_groups(p, i, g);
    land_bounds(p, g, ng, (int)nl);
    for (size_t k = 0; k < ng; k++) {
        char *org = g[k].org ? xstrndup(p->s + g[k].start, g[k].org) : NULL;
        const char *land = !org && g[k].lo == g[k].hi ? ls[g[k].lo].code : NULL;
        size_t a = g[k].start + (org ? g[k].org + 1 : 0), b, e;
        while (next_name(p->s, &a, g[k].end, &b, &e)) {
            char *id = person_id(p->s + b, e - b);
            if (*id && !attendance_of(p, id))
                free(add_person(p, p->s + b, e - b, NULL, land, org, "attendee", 0, b, e));
            free(id);
        }
        free(org);
    }
}

/* attendance: the members (16 titled lines, in the order of the Länder),
 * the permanent guest, further guests, chair, minute-taker and further
 * attendees. Returns
 * the chairing Länder as "DE-BE,DE-BB" (caller frees). */
char *conf_attendance(conf_proto *p)
{
    size_t nl;
    const geo_land *ls = geo_laender(&nl);
    size_t from = conf_find_line(p, 0, "Mitglieder der"),
           to = conf_find_line(p, from, "Ständiger Gast");
    size_t idx[32], k = 0;
    for (size_t i = from; i < to && k < 32; i++)
        if (person_title(p->s + p->ls[i].start, p->ls[i].end - p->ls[i].start))
            idx[k++] = i;
    sbuf chair = SBUF_INIT;
    /* Only a complete list can be read by position. */
    for (size_t m = 0; k == nl && m < k; m++) {
        const conf_line *l = &p->ls[idx[m]];
        const char *s = p->s + l->start;
        size_t n = l->end - l->start;
        const char *title = person_title(s, n);
        size_t a = strlen(title) + 1, e = n;
        int is_chair = n > 10 && memcmp(s + n - 9, "(Vorsitz)", 9) == 0;
        if (is_chair)
            e -= 9;
        free(add_person(p, s + a, e - a, title, ls[m].code, NULL, "member", is_chair, l->start,
                        l->end));
        if (is_chair)
            sbuf_addf(&chair, "%s%s", chair.len ? "," : "", ls[m].code);
    }
    for (size_t i = 0; i < nl; i++) {
        json_t *o = conf_add(p->d, "members");
        json_object_set_new(o, "body", json_string(p->body));
        json_object_set_new(o, "member", json_string(ls[i].code));
        json_object_set_new(o, "role", json_string("member"));
    }
    /* "Ständiger Gast BMDV Bundesminister Dr. Volker Wissing",
     * "Weitere Gäste BSI Claudia Plattner" */
    static const char *const guests[][2] = {{"Ständiger Gast ", "permanent-guest"},
                                            {"Weitere Gäste ", "guest"}};
    for (size_t g = 0; g < 2; g++) {
        size_t i = conf_find_line(p, 0, guests[g][0]);
        if (i == p->nl)
            continue;
        const char *s = p->s + p->ls[i].start + strlen(guests[g][0]);
        size_t n = p->ls[i].end - p->ls[i].start - strlen(guests[g][0]);
        const char *sp = memchr(s, ' ', n);
        if (!sp)
            continue;
        char *org = xstrndup(s, (size_t)(sp - s));
        const char *rest = sp + 1;
        size_t rn = n - (size_t)(rest - s);
        const char *title = person_title(rest, rn);
        size_t a = title ? strlen(title) + 1 : 0;
        free(add_person(p, rest + a, rn - a, title, NULL, org, guests[g][1], 0, p->ls[i].start,
                        p->ls[i].end));
        json_t *o = conf_add(p->d, "members");
        json_object_set_new(o, "body", json_string(p->body));
        json_object_set_new(o, "member", json_string(org));
        json_object_set_new(o, "role", json_string(guests[g][1]));
        free(org);
    }
    /* "Protokoll Lukas Kögel (BB)" */
    size_t i = conf_find_line(p, 0, "Protokoll ");
    if (i < p->nl) {
        const char *s = p->s + p->ls[i].start + 10;
        size_t n = p->ls[i].end - p->ls[i].start - 10;
        const char *par = memchr(s, '(', n);
        const geo_land *l = NULL;
        if (par) {
            char *code = xstrndup(par + 1, n - (size_t)(par - s) - 2);
            l = geo_land_find(code);
            free(code);
        }
        free(add_person(p, s, par ? (size_t)(par - s) : n, NULL, l ? l->code : NULL, NULL,
                        "minutes", 0, p->ls[i].start, p->ls[i].end));
    }
    further_attendees(p);
    return sbuf_take(&chair);
}
