/* bench.c: the registry benchmark of `make bench`.
 *
 *   bench N DBPATH DOCS...
 *
 * Generates N realistic entries (titles from nouns of the shipped
 * documents, summaries as word windows of those documents, places from the
 * gazetteer, all kinds, fields and Länder), bulk-adds them in one
 * transaction, then times 200 one- and two-word searches (with facets, as
 * the API runs them). The same summaries go into a stock FTS5 table with
 * the unicode61 tokenizer in the same run, as the reference: its latency
 * and how many hits German analysis adds. Prints Markdown rows. */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "core/gtok.h"
#include "core/store.h"
#include "util/sbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

#include "gen.h"

static const char *const prefixes[] = {
    "Ba", "Be", "Bo", "Br", "Da", "Do", "Du", "Er", "Fr", "Ge", "Ha", "He", "Ka", "Ki", "Ko", "Le",
    "Lu", "Ma", "Mu", "No", "Os", "Po", "Re", "Ro", "Sa", "St", "Tr", "Ul", "Wi", "Wu", "Ze"};

static json_t *gen_entry(unsigned long long *r, size_t i, const geo *g, gen_words *all,
                         gen_words *nouns)
{
    size_t nk, nf, nt;
    const entry_term *kinds = entry_vocab(ENTRY_VOCAB_KIND, &nk);
    const entry_term *fields = entry_vocab(ENTRY_VOCAB_FIELD, &nf);
    const entry_term *targets = entry_vocab(ENTRY_VOCAB_TARGET, &nt);
    sbuf t = SBUF_INIT, s = SBUF_INIT;
    sbuf_addf(&t, "%s%s %s", gen_rnd(r, 3) ? "KI-" : "", nouns->w[gen_rnd(r, (unsigned)nouns->n)],
              nouns->w[gen_rnd(r, (unsigned)nouns->n)]);
    size_t at = gen_rnd(r, (unsigned)(all->n - 80)), len = 40 + gen_rnd(r, 30);
    for (size_t k = 0; k < len; k++)
        sbuf_addf(&s, "%s%s", k ? " " : "", all->w[at + k]);
    const char *land = gen_laender[gen_rnd(r, 17)];
    json_t *places = json_array();
    const geo_place *cand[50];
    size_t nc =
        geo_candidates(g, prefixes[gen_rnd(r, sizeof prefixes / sizeof *prefixes)], cand, 50);
    for (size_t k = 0, np = gen_rnd(r, 3); k < np && nc; k++) {
        const geo_place *p = cand[gen_rnd(r, (unsigned)nc)];
        json_array_append_new(places, json_pack("{sssfsfss}", "name", p->name, "lat", p->lat, "lon",
                                                p->lon, "land", p->land));
    }
    char id[32];
    snprintf(id, sizeof id, "gen-%zu", i);
    json_t *j =
        json_pack("{ss ss ss ss so ss so s[s] s[s] s[i] ss}", "id", id, "title", sbuf_cstr(&t),
                  "kind", kinds[gen_rnd(r, (unsigned)nk)].slug, "level", land ? "land" : "bund",
                  "land", land ? json_string(land) : json_null(), "summary", sbuf_cstr(&s),
                  "places", places, "fields", fields[gen_rnd(r, (unsigned)nf)].slug,
                  "target_groups", targets[gen_rnd(r, (unsigned)nt)].slug, "years",
                  2016 + gen_rnd(r, 10), "status", gen_rnd(r, 4) ? "published" : "draft");
    sbuf_free(&t);
    sbuf_free(&s);
    return j;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

#define NQ 200

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench N DBPATH DOCS...\n");
        return 2;
    }
    size_t n = strtoul(argv[1], NULL, 10);
    const char *path = argv[2];
    gen_words all = {0}, nouns = {0};
    unsigned long long rng = GEN_SEED, *r = &rng;
    gen_harvest(argc - 3, argv + 3, &all, &nouns);
    geo *g;
    store *s;
    char *err = NULL;
    remove(path);
    if (geo_open_builtin(&g, &err) || store_open(path, g, 0, &s, &err)) {
        fprintf(stderr, "bench: %s\n", err);
        return 1;
    }
    /* Generation and validation are outside the timed add. */
    entry **es = xmalloc(n * sizeof *es);
    for (size_t i = 0; i < n; i++) {
        json_t *j = gen_entry(r, i, g, &all, &nouns);
        if (entry_parse(j, g, NULL, &es[i], &err)) {
            fprintf(stderr, "bench: %s\n", err);
            return 1;
        }
        json_decref(j);
    }
    double t0 = gen_now();
    int changed;
    store_begin(s, NULL);
    for (size_t i = 0; i < n; i++)
        if (store_put(s, es[i], "bench", NULL, 0, &changed, &err)) {
            fprintf(stderr, "bench: %s\n", err);
            return 1;
        }
    store_commit(s, NULL);
    double add_s = gen_now() - t0;

    /* The reference: the same text under FTS5's stock tokenizer. */
    sqlite3 *ref;
    sqlite3_open(":memory:", &ref);
    sqlite3_exec(ref, "CREATE VIRTUAL TABLE r USING fts5(title, summary); BEGIN", NULL, NULL, NULL);
    sqlite3_stmt *ins;
    sqlite3_prepare_v2(ref, "INSERT INTO r VALUES (?, ?)", -1, &ins, NULL);
    for (size_t i = 0; i < n; i++) {
        json_t *j = entry_json(es[i]);
        sqlite3_bind_text(ins, 1, json_string_value(json_object_get(j, "title")), -1, NULL);
        sqlite3_bind_text(ins, 2, json_string_value(json_object_get(j, "summary")), -1, NULL);
        sqlite3_step(ins);
        sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    sqlite3_exec(ref, "COMMIT", NULL, NULL, NULL);

    double ours[NQ], theirs[NQ], fts[NQ], nhits[NQ], one[NQ / 2], two[NQ / 2];
    long hits_ours = 0, hits_ref = 0;
    /* The German FTS5 match and ranking alone, on the store's own file:
     * what the search costs before facets and entries are read. */
    sqlite3 *own;
    sqlite3_stmt *oq;
    sqlite3_open_v2(path, &own, SQLITE_OPEN_READONLY, NULL);
    gtok_register(own);
    sqlite3_prepare_v2(own,
                       "SELECT count(*) FROM (SELECT rowid FROM entry_fts WHERE entry_fts"
                       " MATCH ? ORDER BY bm25(entry_fts) LIMIT 1000000)",
                       -1, &oq, NULL);
    sqlite3_stmt *rq;
    sqlite3_prepare_v2(ref,
                       "SELECT count(*) FROM (SELECT rowid FROM r WHERE r MATCH ?"
                       " ORDER BY bm25(r) LIMIT 1000000)",
                       -1, &rq, NULL);
    for (int q = 0; q < NQ; q++) {
        char qs[256];
        if (q % 2)
            snprintf(qs, sizeof qs, "%s", nouns.w[gen_rnd(r, (unsigned)nouns.n)]);
        else
            snprintf(qs, sizeof qs, "%s %s", nouns.w[gen_rnd(r, (unsigned)nouns.n)],
                     nouns.w[gen_rnd(r, (unsigned)nouns.n)]);
        for (char *p = qs; *p; p++)
            if (strchr("\"*-", *p))
                *p = ' ';
        store_query sq = {.q = qs,
                          .limit = getenv("LIMIT") ? atoi(getenv("LIMIT")) : 20,
                          .facets = getenv("NOFACETS") ? 0 : 1};
        sbuf res = SBUF_INIT;
        t0 = gen_now();
        /* The server's path: the answer as JSON text. */
        if (store_search_text(s, &sq, &res, &err)) {
            fprintf(stderr, "bench: %s\n", err);
            return 1;
        }
        ours[q] = (gen_now() - t0) * 1000;
        if (q % 2)
            one[q / 2] = ours[q];
        else
            two[q / 2] = ours[q];
        nhits[q] = strtod(res.s + strlen("{\"total\":"), NULL);
        hits_ours += (long)nhits[q];
        sbuf_free(&res);
        sbuf rqs = SBUF_INIT;
        char *tok = strtok(qs, " ");
        while (tok) {
            sbuf_addf(&rqs, "%s\"%s\"", rqs.len ? " " : "", tok);
            tok = strtok(NULL, " ");
        }
        sqlite3_bind_text(oq, 1, sbuf_cstr(&rqs), -1, SQLITE_TRANSIENT);
        t0 = gen_now();
        sqlite3_step(oq);
        fts[q] = (gen_now() - t0) * 1000;
        sqlite3_reset(oq);
        sqlite3_bind_text(rq, 1, sbuf_cstr(&rqs), -1, SQLITE_TRANSIENT);
        t0 = gen_now();
        if (sqlite3_step(rq) == SQLITE_ROW)
            hits_ref += sqlite3_column_int(rq, 0);
        theirs[q] = (gen_now() - t0) * 1000;
        sqlite3_reset(rq);
        sbuf_free(&rqs);
    }
    sqlite3_finalize(rq);
    sqlite3_finalize(oq);
    sqlite3_close(own);
    qsort(ours, NQ, sizeof *ours, cmp_d);
    qsort(fts, NQ, sizeof *fts, cmp_d);
    qsort(one, NQ / 2, sizeof *one, cmp_d);
    qsort(two, NQ / 2, sizeof *two, cmp_d);
    qsort(nhits, NQ, sizeof *nhits, cmp_d);
    qsort(theirs, NQ, sizeof *theirs, cmp_d);
    store_close(s);
    struct stat st;
    stat(path, &st);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("| %zu | %.2f s | %.0f | %.0f | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f "
           "ms | %.2f ms | %.1f | %.1f MB | %.0f MB |\n",
           n, add_s, (double)n / add_s, nhits[NQ / 2], ours[NQ / 2], one[NQ / 4], two[NQ / 4],
           ours[NQ * 99 / 100], fts[NQ / 2], theirs[NQ / 2], theirs[NQ * 99 / 100],
           hits_ref ? (double)hits_ours / (double)hits_ref : 0.0, (double)st.st_size / 1e6,
           (double)ru.ru_maxrss / 1024);
    for (size_t i = 0; i < n; i++)
        entry_free(es[i]);
    free(es);
    sqlite3_close(ref);
    geo_free(g);
    return 0;
}
