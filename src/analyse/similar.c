/* similar.c: the most similar activities of other Länder for one entry,
 * with the reason in words, and the list of entries that seek partners or
 * offer reuse. Scoring: see analyse.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/analyse_int.h"
#include "core/geo.h"
#include "util/err.h"
#include "util/text.h"
#include "util/xalloc.h"

/* The weights of the score (analyse.h documents them). */
#define W_COS 0.65
#define W_FIELD 0.15
#define W_TARGET 0.10
#define W_KIND 0.05
#define W_PARTNER 0.05

static int popcount(unsigned x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

static double jaccard(unsigned a, unsigned b)
{
    int u = popcount(a | b);
    return u ? (double)popcount(a & b) / u : 0;
}

double an_score(const an_doc *a, const an_doc *b, double cosine)
{
    double s = W_COS * cosine + W_FIELD * jaccard(a->fields, b->fields) +
               W_TARGET * jaccard(a->targets, b->targets);
    if (strcmp(a->kind, b->kind) == 0)
        s += W_KIND;
    if (b->flags)
        s += W_PARTNER;
    return s;
}

const char *an_land_label(const char *land)
{
    const geo_land *l = land ? geo_land_by_code(land) : NULL;
    return l ? l->name : "Bund";
}

typedef struct contrib {
    int term;
    double w;
} contrib;

static int cmp_contrib(const void *a, const void *b)
{
    const contrib *x = a, *y = b;
    return (x->w < y->w) - (x->w > y->w);
}

int an_shared(const an_corpus *c, const an_doc *a, const an_doc *b, int max, sbuf *out,
              json_t *list)
{
    contrib *v = xmalloc(((size_t)(a->nt < b->nt ? a->nt : b->nt) + 1) * sizeof *v);
    int n = 0, i = 0, k = 0, named = 0;
    while (i < a->nt && k < b->nt) {
        if (a->term[i] < b->term[k])
            i++;
        else if (a->term[i] > b->term[k])
            k++;
        else {
            v[n++] = (contrib){a->term[i], (double)a->w[i] * b->w[k]};
            i++;
            k++;
        }
    }
    qsort(v, (size_t)n, sizeof *v, cmp_contrib);
    /* An Oberbegriff that a shared word of its own already stands for
     * ("Leitlinien" for "Regeln") is no further reason. */
    for (int x = 0; x < n; x++)
        if (c->t[v[x].term].concept)
            for (int y = 0; y < n; y++)
                if (v[y].term == c->t[v[x].term].concept - 1)
                    v[y].w = -1;
    qsort(v, (size_t)n, sizeof *v, cmp_contrib);
    /* Words already named, folded, to name "Reallabor" once even when both
     * "KI-Reallabor" and "Reallabor" are shared; a part inside a named
     * word is left out too. */
    sbuf seen = SBUF_INIT;
    sbuf_addc(&seen, '|');
    for (int x = 0; x < n && named < max; x++) {
        const an_term *t = &c->t[v[x].term];
        if (!t->surface || v[x].w < 0 || v[x].w < v[0].w * 0.08)
            continue;
        char *f = text_fold_dup(t->surface);
        if (strstr(sbuf_cstr(&seen), f)) {
            free(f);
            continue;
        }
        sbuf_addf(&seen, "%s|", f);
        free(f);
        sbuf_addf(out, "%s%s%s", named ? ", " : "", t->surface,
                  t->is_concept ? " (Oberbegriff)" : "");
        if (list)
            json_array_append_new(list, json_string(t->surface));
        named++;
    }
    sbuf_free(&seen);
    free(v);
    return named;
}

/* same_terms: "gleiches Handlungsfeld: Verwaltung" for the shared bits of
 * vocabulary v; nothing when none are shared. */
static void same_terms(sbuf *b, unsigned x, unsigned y, entry_vocab_id v, const char *one,
                       const char *many)
{
    size_t n;
    const entry_term *t = entry_vocab(v, &n);
    unsigned both = x & y;
    if (!both)
        return;
    sbuf_addf(b, "%s%s: ", b->len ? "; " : "", popcount(both) > 1 ? many : one);
    int k = 0;
    for (size_t i = 0; i < n && i < 32; i++)
        if (both & (1u << i))
            sbuf_addf(b, "%s%s", k++ ? ", " : "", t[i].de);
}

char *an_reason(const an_corpus *c, const an_doc *a, const an_doc *b, json_t *list)
{
    sbuf r = SBUF_INIT, words = SBUF_INIT;
    if (an_shared(c, a, b, 4, &words, list) > 0)
        sbuf_addf(&r, "Gemeinsame Begriffe: %s", sbuf_cstr(&words));
    sbuf_free(&words);
    same_terms(&r, a->fields, b->fields, ENTRY_VOCAB_FIELD, "gleiches Handlungsfeld",
               "gleiche Handlungsfelder");
    same_terms(&r, a->targets, b->targets, ENTRY_VOCAB_TARGET, "gleiche Zielgruppe",
               "gleiche Zielgruppen");
    if (*a->kind && strcmp(a->kind, b->kind) == 0) {
        const entry_term *t = entry_vocab_find(ENTRY_VOCAB_KIND, a->kind);
        sbuf_addf(&r, "%sgleiche Art: %s", r.len ? "; " : "", t ? t->de : a->kind);
    }
    if (b->flags & AN_SEEKS)
        sbuf_addf(&r, "%ssucht Partner", r.len ? "; " : "");
    if (b->flags & AN_OFFERS)
        sbuf_addf(&r, "%sbietet Nachnutzung an", r.len ? "; " : "");
    return sbuf_take(&r);
}

typedef struct hit {
    size_t doc;
    double score;
} hit;

static int cmp_hit(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->score != y->score)
        return (x->score < y->score) - (x->score > y->score);
    return (x->doc > y->doc) - (x->doc < y->doc);
}

static double round3(double x)
{
    return round(x * 1000) / 1000;
}

int analyse_ctx_similar(analyse_ctx *cx, store *s, const char *id, int k, const char *status,
                        json_t **out, char **err)
{
    const an_corpus *c = NULL;
    hit *h = NULL;
    int rc;
    *out = NULL;
    if (k < 1 || k > 100)
        return err_set(err, KL_EINVAL, "Anzahl %d außerhalb von 1..100", k);
    if ((rc = an_ctx_corpus(cx, s, status, &c, err)))
        return rc;
    long self = an_find(c, id);
    if (self < 0) {
        rc = err_set(err, KL_ENOTFOUND, "Eintrag „%s“ nicht gefunden", id);
        goto done;
    }
    const an_doc *me = &c->d[self];
    h = xmalloc((c->n + 1) * sizeof *h);
    size_t n = 0;
    for (size_t i = 0; i < c->n; i++) {
        const an_doc *b = &c->d[i];
        if (strcmp(me->land, b->land) == 0)
            continue;
        double sub, cs = an_cosine(c, me, b, &sub), sc;
        if (sub > 0 && (sc = an_score(me, b, cs)) >= ANALYSE_SIMILAR_MIN)
            h[n++] = (hit){i, sc};
    }
    qsort(h, n, sizeof *h, cmp_hit);
    json_t *items = json_array();
    for (size_t i = 0; i < n && i < (size_t)k; i++) {
        const an_doc *b = &c->d[h[i].doc];
        entry *e = NULL;
        if (store_get(s, b->id, &e, NULL) != KL_OK)
            continue;
        json_t *item = json_deep_copy(entry_json(e)), *words = json_array();
        entry_free(e);
        char *why = an_reason(c, me, b, words);
        json_object_set_new(item, "score", json_real(round3(h[i].score)));
        json_object_set_new(item, "reason", json_string(why));
        json_object_set_new(item, "shared_terms", words);
        free(why);
        json_array_append_new(items, item);
    }
    *out = json_pack("{ssso}", "id", id, "items", items);
done:
    free(h);
    return rc;
}

int analyse_similar(store *s, const char *id, int k, const char *status, json_t **out, char **err)
{
    analyse_ctx *cx = analyse_ctx_new();
    int rc = analyse_ctx_similar(cx, s, id, k, status, out, err);
    analyse_ctx_free(cx);
    return rc;
}

typedef struct partners {
    json_t *items;
} partners;

static int on_partner(void *ctx, const entry *e)
{
    partners *p = ctx;
    json_t *j = entry_json(e);
    json_t *sp = json_object_get(j, "seeks_partners"), *ou = json_object_get(j, "offers_reuse");
    if (!json_is_true(sp) && !json_is_true(ou))
        return 0;
    json_t *summary = json_object_get(j, "summary");
    json_array_append_new(
        p->items,
        json_pack("{ss ss so ss sb sb sO}", "id", entry_id(e), "title", entry_title(e), "land",
                  entry_land(e) ? json_string(entry_land(e)) : json_null(), "kind", entry_kind(e),
                  "seeks_partners", json_is_true(sp), "offers_reuse", json_is_true(ou), "summary",
                  summary ? summary : json_null()));
    return 0;
}

static int cmp_partner(const void *a, const void *b)
{
    json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    json_t *lx = json_object_get(x, "land"), *ly = json_object_get(y, "land");
    /* The Bund (null) after the Länder. */
    int c = json_is_null(lx) - json_is_null(ly);
    if (!c && json_is_string(lx))
        c = strcmp(json_string_value(lx), json_string_value(ly));
    return c ? c
             : strcmp(json_string_value(json_object_get(x, "title")),
                      json_string_value(json_object_get(y, "title")));
}

int analyse_partners(store *s, const char *status, json_t **out, char **err)
{
    partners p = {json_array()};
    store_query q = {.status = status, .sort = "id", .limit = -1};
    *out = NULL;
    int rc = store_each(s, &q, &p, on_partner, err);
    if (rc) {
        json_decref(p.items);
        return rc;
    }
    size_t n = json_array_size(p.items);
    json_t **v = xmalloc((n + 1) * sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = json_incref(json_array_get(p.items, i));
    qsort(v, n, sizeof *v, cmp_partner);
    json_t *sorted = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(sorted, v[i]);
    free(v);
    json_decref(p.items);
    *out = json_pack("{so}", "items", sorted);
    return KL_OK;
}
