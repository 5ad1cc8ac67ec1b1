/* links.c: cooperation candidates: groups of similar activities of
 * several Länder.
 *
 * All pairs without comparing all pairs. An inverted index maps each term
 * to the entries indexed under it; an entry is indexed under at most
 * MAX_INDEXED of its terms, heaviest first, and only under terms of weight
 * >= MIN_WEIGHT (light terms add little to any cosine) that occur in at
 * most max(DF_FLOOR, N / DF_SHARE) entries (a term in a hundredth of all
 * entries connects too much to point at anything). Walking the postings of
 * an entry's indexed terms adds up the partial dot products with every
 * later entry of another Land; each entry keeps its TOP_K best partners
 * by that partial sum; those pairs get their exact score (analyse.h) and
 * the pairs at or above the threshold are the edges. Groups grow
 * greedily, best edge first (complete linkage): two groups merge only when
 * every pair across them is an edge, which also keeps one entry per Land
 * in a group. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/analyse_int.h"
#include "util/err.h"
#include "util/xalloc.h"

#define MAX_INDEXED 12
#define MIN_WEIGHT 0.04f
#define DF_FLOOR 100
#define DF_SHARE 100
#define TOP_K 8
#define MAX_GROUP 17 /* 16 Länder and the Bund */

typedef struct cand {
    int doc;
    float s;
} cand;

typedef struct edge {
    int a, b; /* a < b */
    double s;
} edge;

/* The pairs kept as edges: a set of (a, b) for complete linkage. */
typedef struct pairset {
    uint64_t *k; /* (a+1) << 32 | (b+1); 0 empty */
    size_t cap;
} pairset;

static uint64_t pkey(int a, int b)
{
    if (a > b) {
        int t = a;
        a = b;
        b = t;
    }
    return ((uint64_t)(a + 1) << 32) | (uint64_t)(b + 1);
}

static size_t pslot(const pairset *p, uint64_t k)
{
    uint64_t h = k * 0x9E3779B97F4A7C15ULL;
    return (size_t)(h >> 17) & (p->cap - 1);
}

static void pair_add(pairset *p, uint64_t k)
{
    size_t i = pslot(p, k);
    while (p->k[i] && p->k[i] != k)
        i = (i + 1) & (p->cap - 1);
    p->k[i] = k;
}

static int pair_has(const pairset *p, int a, int b)
{
    uint64_t k = pkey(a, b);
    size_t i = pslot(p, k);
    while (p->k[i]) {
        if (p->k[i] == k)
            return 1;
        i = (i + 1) & (p->cap - 1);
    }
    return 0;
}

/* offer: keep the TOP_K best candidates of one entry (unsorted array). */
static void offer(cand *top, int *ntop, int doc, float s)
{
    if (*ntop < TOP_K) {
        top[(*ntop)++] = (cand){doc, s};
        return;
    }
    int low = 0;
    for (int i = 1; i < TOP_K; i++)
        if (top[i].s < top[low].s)
            low = i;
    if (s > top[low].s)
        top[low] = (cand){doc, s};
}

typedef struct idx_term {
    int term;
    float w;
} idx_term;

static int cmp_edge(const void *a, const void *b)
{
    const edge *x = a, *y = b;
    if (x->s != y->s)
        return (x->s < y->s) - (x->s > y->s);
    return x->a != y->a ? (x->a > y->a) - (x->a < y->a) : (x->b > y->b) - (x->b < y->b);
}

/* candidates: fill top[i * TOP_K ..] and ntop[i] for every entry. */
static void candidates(const an_corpus *c, cand *top, int *ntop)
{
    size_t n = c->n, nt = c->nterms;
    int dfmax = (int)(n / DF_SHARE > DF_FLOOR ? n / DF_SHARE : DF_FLOOR);
    /* The indexed terms of every entry, then the postings (CSR). */
    int *start = xcalloc(nt + 1, sizeof *start);
    int *nidx = xcalloc(n + 1, sizeof *nidx);
    idx_term *idx = xmalloc((n * MAX_INDEXED + 1) * sizeof *idx);
    for (size_t i = 0; i < n; i++) {
        const an_doc *d = &c->d[i];
        idx_term *mine = idx + i * MAX_INDEXED;
        int m = 0;
        for (int k = 0; k < d->nt; k++) {
            if (d->w[k] < MIN_WEIGHT || c->t[d->term[k]].df > dfmax || c->t[d->term[k]].df < 2)
                continue;
            if (m < MAX_INDEXED) {
                mine[m++] = (idx_term){d->term[k], d->w[k]};
                continue;
            }
            /* Replace the lightest kept term. */
            int low = 0;
            for (int x = 1; x < m; x++)
                if (mine[x].w < mine[low].w)
                    low = x;
            if (d->w[k] > mine[low].w)
                mine[low] = (idx_term){d->term[k], d->w[k]};
        }
        nidx[i] = m;
        for (int x = 0; x < m; x++)
            start[mine[x].term + 1]++;
    }
    for (size_t t = 0; t < nt; t++)
        start[t + 1] += start[t];
    int *fill = xmalloc((nt + 1) * sizeof *fill);
    memcpy(fill, start, (nt + 1) * sizeof *fill);
    int *pdoc = xmalloc(((size_t)start[nt] + 1) * sizeof *pdoc);
    float *pw = xmalloc(((size_t)start[nt] + 1) * sizeof *pw);
    for (size_t i = 0; i < n; i++)
        for (int x = 0; x < nidx[i]; x++) {
            idx_term it = idx[i * MAX_INDEXED + (size_t)x];
            pdoc[fill[it.term]] = (int)i;
            pw[fill[it.term]++] = it.w;
        }
    /* Accumulate partial dot products with later entries of other Länder
     * (postings are in entry order: start past i). */
    float *acc = xcalloc(n + 1, sizeof *acc);
    int *touched = xmalloc((n + 1) * sizeof *touched);
    for (size_t i = 0; i < n; i++) {
        const char *land = c->d[i].land;
        int nt_i = 0;
        for (int x = 0; x < nidx[i]; x++) {
            idx_term it = idx[i * MAX_INDEXED + (size_t)x];
            int lo = start[it.term], hi = start[it.term + 1];
            /* Binary search for the first posting after i. */
            while (lo < hi) {
                int mid = (lo + hi) / 2;
                if (pdoc[mid] <= (int)i)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (int p = lo; p < start[it.term + 1]; p++) {
                int j = pdoc[p];
                if (acc[j] == 0) {
                    if (strcmp(c->d[j].land, land) == 0)
                        continue;
                    touched[nt_i++] = j;
                }
                acc[j] += it.w * pw[p];
            }
        }
        for (int x = 0; x < nt_i; x++) {
            int j = touched[x];
            offer(top + i * TOP_K, &ntop[i], j, acc[j]);
            offer(top + (size_t)j * TOP_K, &ntop[j], (int)i, acc[j]);
            acc[j] = 0;
        }
    }
    free(acc);
    free(touched);
    free(pdoc);
    free(pw);
    free(fill);
    free(start);
    free(idx);
    free(nidx);
}

/* pair_score: the score of a pair, the same both ways: the partner bonus
 * counts when either entry seeks partners or offers reuse. */
static double pair_score(const an_corpus *c, const an_doc *a, const an_doc *b)
{
    double sub, cs = an_cosine(c, a, b, &sub);
    if (sub <= 0)
        return 0;
    return b->flags ? an_score(a, b, cs) : an_score(b, a, cs);
}

/* group_json: one group as JSON, with its label and reason. */
static json_t *group_json(const an_corpus *c, const int *m, int nm, double score)
{
    json_t *entries = json_array(), *laender = json_array();
    for (int i = 0; i < nm; i++) {
        const an_doc *d = &c->d[m[i]];
        json_array_append_new(entries, json_pack("{ss ss ss ss}", "id", d->id, "title", d->title,
                                                 "land", d->land, "kind", d->kind));
        json_array_append_new(laender, json_string(d->land));
    }
    /* Label and reason from the words the two best-connected members
     * share, and the Länder. */
    sbuf words = SBUF_INIT, r = SBUF_INIT;
    an_shared(c, &c->d[m[0]], &c->d[m[1]], 3, &words, NULL);
    char *label = xstrdup(words.len ? words.s : c->d[m[0]].title);
    char *comma = strstr(label, ", ");
    if (comma && strstr(comma + 2, ", "))
        *strstr(comma + 2, ", ") = '\0';
    sbuf_addf(&r, "%d Länder", nm);
    for (int i = 0; i < nm; i++)
        sbuf_addf(&r, "%s%s", i ? ", " : " (", an_land_label(c->d[m[i]].land));
    sbuf_addf(&r, ")");
    if (words.len)
        sbuf_addf(&r, "; gemeinsame Begriffe: %s", words.s);
    unsigned fields = ~0u;
    for (int i = 0; i < nm; i++)
        fields &= c->d[m[i]].fields;
    size_t nf;
    const entry_term *ft = entry_vocab(ENTRY_VOCAB_FIELD, &nf);
    for (size_t i = 0, k = 0; i < nf; i++)
        if (fields & (1u << i))
            sbuf_addf(&r, "%s%s", k++ ? ", " : "; gemeinsames Handlungsfeld: ", ft[i].de);
    json_t *g = json_pack("{ss sf ss so so}", "label", label, "score", round(score * 1000) / 1000,
                          "reason", sbuf_cstr(&r), "laender", laender, "entries", entries);
    free(label);
    sbuf_free(&words);
    sbuf_free(&r);
    return g;
}

typedef struct grp {
    int m[MAX_GROUP];
    int n;
    double sum; /* of the pair scores inside */
    int pairs;
    int alive;
} grp;

static int cmp_grp(const void *a, const void *b)
{
    const grp *x = a, *y = b;
    if (x->n != y->n)
        return y->n - x->n;
    double sx = x->sum / x->pairs, sy = y->sum / y->pairs;
    return (sx < sy) - (sx > sy);
}

int analyse_ctx_links(analyse_ctx *cx, store *s, double threshold, const char *status, json_t **out,
                      char **err)
{
    const an_corpus *c = NULL;
    int rc;
    *out = NULL;
    if (threshold <= 0)
        threshold = ANALYSE_LINKS_THRESHOLD;
    if ((rc = an_ctx_corpus(cx, s, status, &c, err)))
        return rc;
    if ((*out = an_ctx_links_get(cx, c, threshold)))
        return KL_OK;
    size_t n = c->n;
    cand *top = xmalloc((n * TOP_K + 1) * sizeof *top);
    int *ntop = xcalloc(n + 1, sizeof *ntop);
    candidates(c, top, ntop);
    /* Exact scores of the kept pairs; each pair once. */
    pairset ps = {NULL, 1};
    while (ps.cap < n * TOP_K * 2 + 16)
        ps.cap *= 2;
    ps.k = xcalloc(ps.cap, sizeof *ps.k);
    edge *e = xmalloc((n * TOP_K + 1) * sizeof *e);
    size_t ne = 0;
    for (size_t i = 0; i < n; i++)
        for (int x = 0; x < ntop[i]; x++) {
            int j = top[i * TOP_K + (size_t)x].doc;
            if (pair_has(&ps, (int)i, j))
                continue;
            const an_doc *a = &c->d[i < (size_t)j ? i : (size_t)j];
            const an_doc *b = &c->d[i < (size_t)j ? (size_t)j : i];
            double sc = pair_score(c, a, b);
            if (sc >= threshold) {
                pair_add(&ps, pkey((int)i, j));
                e[ne++] = (edge){(int)(i < (size_t)j ? i : (size_t)j),
                                 (int)(i < (size_t)j ? (size_t)j : i), sc};
            }
        }
    qsort(e, ne, sizeof *e, cmp_edge);
    /* Complete linkage over the edges, best first. */
    int *gof = xmalloc((n + 1) * sizeof *gof);
    for (size_t i = 0; i < n; i++)
        gof[i] = -1;
    grp *g = xcalloc(ne + 1, sizeof *g);
    size_t ng = 0;
    for (size_t x = 0; x < ne; x++) {
        int a = e[x].a, b = e[x].b, ga = gof[a], gb = gof[b];
        if (ga >= 0 && ga == gb)
            continue;
        int ma[1] = {a}, mb[1] = {b};
        const int *A = ga >= 0 ? g[ga].m : ma, *B = gb >= 0 ? g[gb].m : mb;
        int na = ga >= 0 ? g[ga].n : 1, nb = gb >= 0 ? g[gb].n : 1;
        if (na + nb > MAX_GROUP)
            continue;
        double sum = 0;
        int ok = 1;
        for (int p = 0; p < na && ok; p++)
            for (int q = 0; q < nb && ok; q++) {
                ok = pair_has(&ps, A[p], B[q]);
                if (ok)
                    sum += pair_score(c, &c->d[A[p]], &c->d[B[q]]);
            }
        if (!ok)
            continue;
        int into = ga >= 0 ? ga : gb >= 0 ? gb : (int)ng++;
        grp *G = &g[into];
        if (ga < 0 && gb < 0) {
            G->m[G->n++] = a;
            G->m[G->n++] = b;
            G->alive = 1;
            gof[a] = gof[b] = into;
        } else {
            int other = into == ga ? gb : ga;
            const int *O = other >= 0 ? g[other].m : (into == ga ? mb : ma);
            int no = other >= 0 ? g[other].n : 1;
            for (int p = 0; p < no; p++) {
                G->m[G->n++] = O[p];
                gof[O[p]] = into;
            }
            if (other >= 0) {
                G->sum += g[other].sum;
                G->pairs += g[other].pairs;
                g[other].alive = 0;
            }
        }
        G->sum += sum;
        G->pairs += na * nb;
    }
    grp *live = xmalloc((ng + 1) * sizeof *live);
    size_t nl = 0;
    for (size_t x = 0; x < ng; x++)
        if (g[x].alive)
            live[nl++] = g[x];
    qsort(live, nl, sizeof *live, cmp_grp);
    json_t *groups = json_array();
    for (size_t x = 0; x < nl; x++)
        json_array_append_new(groups,
                              group_json(c, live[x].m, live[x].n, live[x].sum / live[x].pairs));
    *out = json_pack("{sf sI sI so}", "threshold", threshold, "entries", (json_int_t)n, "pairs",
                     (json_int_t)ne, "groups", groups);
    an_ctx_links_put(cx, c, threshold, *out);
    free(live);
    free(g);
    free(gof);
    free(e);
    free(ps.k);
    free(top);
    free(ntop);
    return KL_OK;
}

int analyse_links(store *s, double threshold, const char *status, json_t **out, char **err)
{
    analyse_ctx *cx = analyse_ctx_new();
    int rc = analyse_ctx_links(cx, s, threshold, status, out, err);
    analyse_ctx_free(cx);
    return rc;
}
