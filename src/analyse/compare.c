/* compare.c: the Länder and the Bund side by side: entries by kind, field
 * and target group, the funding and counts the reports state (listed, not
 * added up: a total over 2021-2025 and a yearly budget are different
 * things), the coverage of the twelve fields with its gaps, and the change
 * between two reports of the same Land. Rendering: compare_fmt.c. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/analyse_int.h"
#include "core/geo.h"
#include "util/err.h"
#include "util/xalloc.h"

#define NROWS 17 /* 16 Länder, then the Bund */

typedef struct doc_of {
    char *name;
    json_t *entries; /* [{"id", "title"}] of this row's entries citing it */
} doc_of;

typedef struct row {
    json_t *kind, *field, *target; /* {slug: n} */
    json_t *totals, *per_year, *counts;
    int entries;
    doc_of *docs;
    size_t ndocs;
} row;

typedef struct cmp_ctx {
    row r[NROWS];
} cmp_ctx;

static int row_of(const char *land)
{
    size_t n;
    const geo_land *l = geo_laender(&n);
    for (size_t i = 0; land && i < n; i++)
        if (strcmp(l[i].code, land) == 0)
            return (int)i;
    return NROWS - 1;
}

static void bump(json_t *o, const char *slug)
{
    json_object_set_new(o, slug, json_integer(json_integer_value(json_object_get(o, slug)) + 1));
}

static void tally(json_t *o, json_t *a)
{
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) if (json_is_string(v)) bump(o, json_string_value(v));
}

static int on_entry(void *ctx, const entry *e)
{
    cmp_ctx *c = ctx;
    row *r = &c->r[row_of(entry_land(e))];
    json_t *j = entry_json(e), *v;
    size_t i;
    r->entries++;
    if (entry_kind(e))
        bump(r->kind, entry_kind(e));
    tally(r->field, json_object_get(j, "fields"));
    tally(r->target, json_object_get(j, "target_groups"));
    json_array_foreach(json_object_get(j, "amounts"), i, v)
    {
        json_t *a = json_deep_copy(v);
        json_object_set_new(a, "entry", json_string(entry_id(e)));
        json_object_set_new(a, "title", json_string(entry_title(e)));
        json_array_append_new(
            json_is_true(json_object_get(v, "per_year")) ? r->per_year : r->totals, a);
    }
    json_array_foreach(json_object_get(j, "counts"), i, v)
    {
        json_t *a = json_deep_copy(v);
        json_object_set_new(a, "entry", json_string(entry_id(e)));
        json_object_set_new(a, "title", json_string(entry_title(e)));
        json_array_append_new(r->counts, a);
    }
    const char *doc = json_string_value(json_object_get(json_object_get(j, "source"), "document"));
    if (doc) {
        size_t k = 0;
        while (k < r->ndocs && strcmp(r->docs[k].name, doc) != 0)
            k++;
        if (k == r->ndocs) {
            r->docs = xrealloc(r->docs, (r->ndocs + 1) * sizeof *r->docs);
            r->docs[k] = (doc_of){xstrdup(doc), json_array()};
            r->ndocs++;
        }
        json_array_append_new(r->docs[k].entries,
                              json_pack("{ssss}", "id", entry_id(e), "title", entry_title(e)));
    }
    return 0;
}

static const char *const months[] = {"Januar",    "Februar", "März",     "April",
                                     "Mai",       "Juni",    "Juli",     "August",
                                     "September", "Oktober", "November", "Dezember"};

/* doc_date: the first date "19. April 2024" in the opening of a document,
 * as "2024-04-19" in out[11]; "" when none. */
static void doc_date(store *s, const char *name, char out[11])
{
    char *text = NULL;
    size_t n = 0;
    out[0] = '\0';
    if (store_get_document(s, name, &text, &n, NULL) != KL_OK)
        return;
    size_t lim = n < 3000 ? n : 3000;
    for (size_t i = 0; i + 8 < lim && !out[0]; i++) {
        if (!isdigit((unsigned char)text[i]) || (i && isdigit((unsigned char)text[i - 1])))
            continue;
        int day = 0;
        size_t p = i;
        while (p < lim && isdigit((unsigned char)text[p]) && p - i < 2)
            day = day * 10 + (text[p++] - '0');
        if (p + 1 >= lim || text[p] != '.' || text[p + 1] != ' ' || day < 1 || day > 31)
            continue;
        p += 2;
        for (int m = 0; m < 12; m++) {
            size_t ml = strlen(months[m]);
            if (p + ml + 5 > lim || strncmp(text + p, months[m], ml) != 0 || text[p + ml] != ' ')
                continue;
            const char *y = text + p + ml + 1;
            if (isdigit((unsigned char)y[0]) && isdigit((unsigned char)y[1]) &&
                isdigit((unsigned char)y[2]) && isdigit((unsigned char)y[3])) {
                memcpy(out, y, 4);
                out[4] = '-';
                out[5] = (char)('0' + (m + 1) / 10);
                out[6] = (char)('0' + (m + 1) % 10);
                out[7] = '-';
                out[8] = (char)('0' + day / 10);
                out[9] = (char)('0' + day % 10);
                out[10] = '\0';
            }
            break;
        }
    }
    free(text);
}

typedef struct dated {
    char date[11];
    doc_of *d;
} dated;

static int cmp_dated(const void *a, const void *b)
{
    const dated *x = a, *y = b;
    /* Undated after dated; then by name (the shipped names carry the
     * order of the conference cycle). */
    int c = (!x->date[0]) - (!y->date[0]);
    if (!c)
        c = strcmp(x->date, y->date);
    return c ? c : strcmp(x->d->name, y->d->name);
}

/* reports: the documents a row's entries cite, oldest first, and the
 * change between the last two. */
static void reports(store *s, row *r, json_t *out)
{
    dated *v = xmalloc((r->ndocs + 1) * sizeof *v);
    for (size_t i = 0; i < r->ndocs; i++) {
        v[i].d = &r->docs[i];
        doc_date(s, r->docs[i].name, v[i].date);
    }
    qsort(v, r->ndocs, sizeof *v, cmp_dated);
    json_t *list = json_array();
    for (size_t i = 0; i < r->ndocs; i++) {
        char *kind = NULL, *title = NULL;
        store_document_info(s, v[i].d->name, &kind, &title, NULL);
        json_array_append_new(list,
                              json_pack("{ss so so so sI}", "document", v[i].d->name, "date",
                                        v[i].date[0] ? json_string(v[i].date) : json_null(), "kind",
                                        kind ? json_string(kind) : json_null(), "title",
                                        title ? json_string(title) : json_null(), "entries",
                                        (json_int_t)json_array_size(v[i].d->entries)));
        free(kind);
        free(title);
    }
    json_object_set_new(out, "reports", list);
    if (r->ndocs < 2) {
        json_object_set_new(out, "change", json_null());
    } else {
        /* An activity reported again is one entry that now cites the newer
         * report, so the older report keeps what was not repeated. */
        const doc_of *old = v[r->ndocs - 2].d, *neu = v[r->ndocs - 1].d;
        /* dated: both reports carry a date; otherwise the order of the two
         * is the assumption above (undated last), and readers are told. */
        int both = v[r->ndocs - 2].date[0] && v[r->ndocs - 1].date[0];
        json_object_set_new(out, "change",
                            json_pack("{ss ss sb sO sO}", "from", old->name, "to", neu->name,
                                      "dated", both, "new", neu->entries, "not_repeated",
                                      old->entries));
    }
    free(v);
}

int analyse_compare(store *s, const char *by, const char *status, json_t **out, char **err)
{
    entry_vocab_id v;
    *out = NULL;
    if (!by)
        by = "field";
    if (strcmp(by, "kind") == 0)
        v = ENTRY_VOCAB_KIND;
    else if (strcmp(by, "field") == 0)
        v = ENTRY_VOCAB_FIELD;
    else if (strcmp(by, "target") == 0)
        v = ENTRY_VOCAB_TARGET;
    else
        return err_set(err, KL_EINVAL, "--by „%s“ unbekannt; erlaubt: field, kind, target", by);
    cmp_ctx c;
    for (int i = 0; i < NROWS; i++)
        c.r[i] = (row){json_object(),
                       json_object(),
                       json_object(),
                       json_array(),
                       json_array(),
                       json_array(),
                       0,
                       NULL,
                       0};
    store_query q = {.status = status, .sort = "id", .limit = -1};
    int rc = store_each(s, &q, &c, on_entry, err);
    json_t *rows = json_array(), *cov = json_array(), *columns = json_array();
    size_t nv, nf, nl;
    const entry_term *t = entry_vocab(v, &nv), *ft = entry_vocab(ENTRY_VOCAB_FIELD, &nf);
    const geo_land *l = geo_laender(&nl);
    unsigned reported = 0;
    for (size_t i = 0; i < nv; i++)
        json_array_append_new(columns, json_pack("{ssss}", "slug", t[i].slug, "label", t[i].de));
    for (int i = 0; i < NROWS && !rc; i++) {
        row *r = &c.r[i];
        const char *code = i < NROWS - 1 ? l[i].code : "bund";
        json_t *o = json_pack("{ss ss si sO sO sO s{sOsO} sO}", "land", code, "name",
                              i < NROWS - 1 ? l[i].name : "Bund", "entries", r->entries, "by_kind",
                              r->kind, "by_field", r->field, "by_target", r->target, "funding",
                              "totals", r->totals, "per_year", r->per_year, "counts", r->counts);
        reports(s, r, o);
        json_array_append_new(rows, o);
        json_t *cells = json_array(), *gaps = json_array();
        for (size_t k = 0; k < nf; k++) {
            json_int_t n = json_integer_value(json_object_get(r->field, ft[k].slug));
            json_array_append_new(cells, json_integer(n));
            if (!n)
                json_array_append_new(gaps, json_string(ft[k].slug));
            else if (i < NROWS - 1)
                reported |= 1u << k;
        }
        json_array_append_new(cov,
                              json_pack("{ss so so}", "land", code, "cells", cells, "gaps", gaps));
    }
    json_t *fields = json_array(), *nobody = json_array();
    for (size_t k = 0; k < nf; k++) {
        json_array_append_new(fields, json_string(ft[k].slug));
        if (!(reported & (1u << k)))
            json_array_append_new(nobody, json_string(ft[k].slug));
    }
    if (!rc)
        *out = json_pack("{ss so so s{so so so}}", "by", by, "columns", columns, "rows", rows,
                         "coverage", "fields", fields, "rows", cov, "nobody", nobody);
    else {
        json_decref(columns);
        json_decref(rows);
        json_decref(cov);
        json_decref(fields);
        json_decref(nobody);
    }
    for (int i = 0; i < NROWS; i++) {
        row *r = &c.r[i];
        json_decref(r->kind);
        json_decref(r->field);
        json_decref(r->target);
        json_decref(r->totals);
        json_decref(r->per_year);
        json_decref(r->counts);
        for (size_t k = 0; k < r->ndocs; k++) {
            free(r->docs[k].name);
            json_decref(r->docs[k].entries);
        }
        free(r->docs);
    }
    return rc;
}
