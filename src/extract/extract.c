/* extract.c: reading a document and running the pipeline (see extract.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "util/err.h"
#include "util/text.h"
#include "util/xalloc.h"

struct extract_result {
    xdoc_kind kind;
    char *title;
    entry **e;
    size_t n;
    json_t *report;
};

void xfold(sbuf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* a run of ASCII: copied in one append, then lowered in place */
        size_t j = i;
        while (j < n && (unsigned char)s[j] < 0x80)
            j++;
        if (j > i) {
            size_t at = b->len;
            sbuf_add(b, s + i, j - i);
            for (char *p = b->s + at, *e = b->s + b->len; p < e; p++)
                if (*p >= 'A' && *p <= 'Z')
                    *p = (char)(*p + 32);
            i = j;
            continue;
        }
        int32_t cp = text_utf8_next(s, n, &i);
        if (cp >= 0)
            text_fold_cp(b, cp);
    }
}

static size_t line_of(const char *s, size_t off)
{
    size_t line = 1;
    for (size_t i = 0; i < off; i++)
        line += s[i] == '\n';
    return line;
}

int extract_read(const char *data, size_t n, const char *name, int latin1, char **text, size_t *tn,
                 char **err)
{
    *text = NULL;
    *tn = 0;
    if (n > EXTRACT_MAX_BYTES)
        return err_set(err, KL_EINVAL,
                       "%s: die Datei ist mit %zu Bytes größer als die Grenze von %zu Bytes "
                       "(20 MiB); ein Bericht ist viel kleiner",
                       name, n, EXTRACT_MAX_BYTES);
    size_t blank = 0;
    while (blank < n && strchr(" \t\r\n\f\v", data[blank]))
        blank++;
    if (blank == n)
        return err_set(err, KL_EINVAL, "%s: die Datei ist leer", name);
    const char *nul = memchr(data, '\0', n);
    if (nul)
        return err_set(err, KL_EINVAL,
                       "%s: keine Textdatei (NUL-Byte bei Byte %zu, Zeile %zu); erwartet wird "
                       "Text, z. B. aus pdftotext",
                       name, (size_t)(nul - data), line_of(data, (size_t)(nul - data)));
    if (latin1) {
        sbuf b = SBUF_INIT;
        for (size_t i = 0; i < n; i++)
            text_utf8_put(&b, (unsigned char)data[i]);
        *tn = b.len;
        *text = sbuf_take(&b);
        return KL_OK;
    }
    size_t bad;
    if (!text_utf8_valid(data, n, &bad))
        return err_set(err, KL_EINVAL,
                       "%s: ungültiges UTF-8 bei Byte %zu (Zeile %zu); ist die Datei Latin-1 "
                       "(ISO-8859-1), dann mit --latin1 einlesen",
                       name, bad, line_of(data, bad));
    *text = xstrndup(data, n);
    *tn = n;
    return KL_OK;
}

/* land_of_places: the Land of a news text that names none decisively
 * ("KIEL. Die Landesregierung ..."): the cities of 100,000 or more the
 * text names vote by their Land; one with more than twice the votes of
 * any other wins. Words that are common nouns as well ("Essen", "Halle")
 * do not vote. NULL: undecided. */
static const char *land_of_places(const xclean *c, const geo *g)
{
    static const char *const nouns[] = {"Essen", "Halle", "Mark", "Hof", "Werne", "Lahr", NULL};
    size_t nl;
    const geo_land *all = geo_laender(&nl);
    int counts[16] = {0};
    const char *s = c->s;
    for (size_t i = 0; i < c->n;) {
        while (i < c->n && !((unsigned char)s[i] >= 0x80 || (s[i] >= 'A' && s[i] <= 'Z') ||
                             (s[i] >= 'a' && s[i] <= 'z')))
            i++;
        size_t a = i;
        while (i < c->n && ((unsigned char)s[i] >= 0x80 || (s[i] >= 'A' && s[i] <= 'Z') ||
                            (s[i] >= 'a' && s[i] <= 'z') || s[i] == '-'))
            i++;
        if (i - a < 3 || i - a > 40 || !xis_upper_at(s, c->n, a))
            continue;
        char w[48];
        memcpy(w, s + a, i - a);
        w[i - a] = '\0';
        int noun = 0;
        for (size_t k = 0; nouns[k] && !noun; k++)
            noun = strcmp(w, nouns[k]) == 0;
        const geo_place *pl = NULL;
        if (noun || geo_land_find(w) || geo_lookup(g, w, NULL, &pl, NULL) != KL_OK || !pl ||
            pl->population < 100000)
            continue;
        const geo_land *l = geo_land_by_code(pl->land);
        if (l && l - all < 16)
            counts[l - all]++;
    }
    int best = -1, second = 0;
    for (size_t k = 0; k < nl && k < 16; k++) {
        if (best < 0 || counts[k] > counts[best]) {
            if (best >= 0 && counts[best] > second)
                second = counts[best];
            best = (int)k;
        } else if (counts[k] > second) {
            second = counts[k];
        }
    }
    return best >= 0 && counts[best] >= 1 && counts[best] > 2 * second ? all[best].code : NULL;
}

static const char *const kind_names[][2] = {
    {"unknown", "ohne erkennbare Struktur"},      {"land-reports", "Länderberichte"},
    {"federal-measures", "Maßnahmen des Bundes"}, {"resolution", "Beschluss"},
    {"press-release", "Pressemitteilung"},        {"protocol", "Sitzungsprotokoll"},
};

static json_t *section_json(const xclean *c, const xsection *x, size_t entries)
{
    size_t os, oe;
    xclean_span(c, x->start, x->end, &os, &oe);
    json_t *j = json_object();
    if (x->land)
        json_object_set_new(j, "land", json_string(x->land));
    if (x->nmin) {
        json_t *m = json_array();
        for (int i = 0; i < x->nmin; i++)
            json_array_append_new(m, json_string(x->ministries[i]));
        json_object_set_new(j, "ministries", m);
    }
    if (x->field >= 0)
        json_object_set_new(j, "field", json_string(xfield_slug(x->field)));
    json_object_set_new(j, "start", json_integer((json_int_t)os));
    json_object_set_new(j, "end", json_integer((json_int_t)oe));
    json_object_set_new(j, "entries", json_integer((json_int_t)entries));
    return j;
}

/* What validation found so far: the proposals are validated section by
 * section, so that those of one section are freed before the next (a
 * long document held all of them at once). */
typedef struct checked {
    json_t *rejected, *seen; /* seen: the ids kept, a hash table */
    size_t done, cap, dups, places, amounts, counts;
} checked;

/* validate: run the proposals of one section through entry_parse; keep
 * the valid ones (one per id), report the others. */
static void validate(extract_result *r, checked *ck, json_t *props, const geo *g)
{
    size_t i;
    json_t *v;
    if (r->n + json_array_size(props) + 1 > ck->cap) {
        ck->cap = 2 * (r->n + json_array_size(props) + 1);
        r->e = xrealloc(r->e, ck->cap * sizeof *r->e);
    }
    json_array_foreach(props, i, v)
    {
        entry *e = NULL;
        char *err = NULL, where[48];
        snprintf(where, sizeof where, "Vorschlag %zu", ++ck->done);
        if (entry_parse(v, g, where, &e, &err) != KL_OK) {
            json_array_append_new(ck->rejected,
                                  json_pack("{s:O,s:s}", "title", json_object_get(v, "title"),
                                            "error", err ? err : "ungültig"));
            free(err);
            continue;
        }
        if (json_object_get(ck->seen, entry_id(e))) {
            ck->dups++;
            entry_free(e);
            continue;
        }
        json_object_set_new(ck->seen, entry_id(e), json_true());
        json_t *j = entry_json(e);
        ck->places += json_array_size(json_object_get(j, "places"));
        ck->amounts += json_array_size(json_object_get(j, "amounts"));
        ck->counts += json_array_size(json_object_get(j, "counts"));
        r->e[r->n++] = e;
    }
    json_array_clear(props);
}

static void report_checked(const extract_result *r, checked *ck, json_t *rep)
{
    json_object_set_new(rep, "proposed", json_integer((json_int_t)r->n));
    json_object_set_new(rep, "places", json_integer((json_int_t)ck->places));
    json_object_set_new(rep, "amounts", json_integer((json_int_t)ck->amounts));
    json_object_set_new(rep, "counts", json_integer((json_int_t)ck->counts));
    json_object_set_new(rep, "rejected", ck->rejected);
    json_object_set_new(rep, "duplicates", json_integer((json_int_t)ck->dups));
    json_decref(ck->seen);
}

int extract_run(const char *text, size_t n, const char *document, const geo *g, const char *status,
                extract_result **out, char **err)
{
    *out = NULL;
    size_t bad;
    if (!text_utf8_valid(text, n, &bad))
        return err_set(err, KL_EINVAL, "%s: ungültiges UTF-8 bei Byte %zu", document, bad);
    extract_result *r = xcalloc(1, sizeof *r);
    xclean c;
    xclean_run(text, n, &c);
    xsegs sg;
    xsegment(&c, &sg);
    for (size_t i = 0; i < sg.n; i++)
        if (sg.a[i].land_open)
            sg.a[i].land = land_of_places(&c, g);
    r->kind = sg.kind;
    r->title = xstrdup(sg.title);
    xctx x = {.orig = text,
              .c = &c,
              .document = document,
              .g = g,
              .status = status ? status : "draft",
              .props = json_array(),
              .unplaced = json_array(),
              .cache = xpcache_new(),
              .words = xwcache_new()};
    json_t *sections = json_array();
    checked ck = {json_array(), json_object(), 0, 0, 0, 0, 0, 0};
    r->e = xcalloc(1, sizeof *r->e);
    for (size_t i = 0; i < sg.n; i++) {
        size_t k = xpropose(&x, &sg.a[i]);
        json_array_append_new(sections, section_json(&c, &sg.a[i], k));
        validate(r, &ck, x.props, g);
    }
    r->report = json_pack("{sssssosO}", "kind", kind_names[r->kind][0], "title", r->title,
                          "sections", sections, "unplaced", x.unplaced);
    report_checked(r, &ck, r->report);
    json_decref(x.props);
    json_decref(x.unplaced);
    xpcache_free(x.cache);
    xwcache_free(x.words);
    xsegs_free(&sg);
    xclean_free(&c);
    *out = r;
    return KL_OK;
}

void extract_free(extract_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++)
        entry_free(r->e[i]);
    free(r->e);
    free(r->title);
    json_decref(r->report);
    free(r);
}

const char *extract_kind(const extract_result *r)
{
    return kind_names[r->kind][0];
}

const char *extract_kind_de(const extract_result *r)
{
    return kind_names[r->kind][1];
}

const char *extract_title(const extract_result *r)
{
    return r->title;
}

size_t extract_count(const extract_result *r)
{
    return r->n;
}

entry *extract_entry(const extract_result *r, size_t i)
{
    return i < r->n ? r->e[i] : NULL;
}

json_t *extract_report(const extract_result *r)
{
    return r->report;
}
