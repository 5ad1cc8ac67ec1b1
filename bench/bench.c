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
 * and how many hits German analysis adds. Prints Markdown rows.
 *
 * With BENCH_OUT=DIR it also writes, for bench/pg.sh and bench_pg.c, the
 * same entries and queries: DIR/entries.tsv (PostgreSQL COPY text format:
 * id, title, summary, land, kind, status, fields, targets, years, the
 * morphology relevance mask of morph.h, the entry's JSON), DIR/queries.txt
 * (the 200 queries), and the judged morphology queries with what our
 * search and the stock tokenizer retrieve: DIR/morph.tsv (bit, category,
 * query, relevant, ours retrieved, ours relevant retrieved, unicode61
 * retrieved, unicode61 relevant retrieved), and DIR/result.tsv (the
 * figures of the row, one "key value" a line). */
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
#include "morph.h"

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

/* tsv_field: s in COPY text format (\N for NULL), then sep (none: 0). */
static void tsv_field(FILE *f, const char *s, char sep)
{
    if (!s) {
        fputs("\\N", f);
    } else {
        for (; *s; s++) {
            if (*s == '\\')
                fputs("\\\\", f);
            else if (*s == '\t')
                fputs("\\t", f);
            else if (*s == '\n')
                fputs("\\n", f);
            else if (*s == '\r')
                fputs("\\r", f);
            else
                fputc(*s, f);
        }
    }
    if (sep)
        fputc(sep, f);
}

/* tsv_array: a JSON array of strings or integers as a PostgreSQL array. */
static void tsv_array(FILE *f, json_t *a, char sep)
{
    size_t i;
    json_t *v;
    fputc('{', f);
    json_array_foreach(a, i, v)
    {
        if (i)
            fputc(',', f);
        if (json_is_integer(v))
            fprintf(f, "%lld", (long long)json_integer_value(v));
        else
            tsv_field(f, json_string_value(v), '\0');
    }
    fputc('}', f);
    fputc(sep, f);
}

/* export_open: DIR/entries.tsv for writing (see the top). */
static FILE *export_open(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/entries.tsv", dir);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    return f;
}

/* export_row: one entry (its JSON j) as a line of entries.tsv. */
static void export_row(FILE *f, json_t *j, uint64_t rel)
{
    char *body = json_dumps(j, JSON_COMPACT);
    tsv_field(f, json_string_value(json_object_get(j, "id")), '\t');
    tsv_field(f, json_string_value(json_object_get(j, "title")), '\t');
    tsv_field(f, json_string_value(json_object_get(j, "summary")), '\t');
    tsv_field(f, json_string_value(json_object_get(j, "land")), '\t');
    tsv_field(f, json_string_value(json_object_get(j, "kind")), '\t');
    tsv_field(f, json_string_value(json_object_get(j, "status")), '\t');
    tsv_array(f, json_object_get(j, "fields"), '\t');
    tsv_array(f, json_object_get(j, "target_groups"), '\t');
    tsv_array(f, json_object_get(j, "years"), '\t');
    fprintf(f, "%lld\t", (long long)rel);
    tsv_field(f, body, '\n');
    free(body);
}

/* export_queries: DIR/queries.txt, one query a line. */
static void export_queries(const char *dir, char qs[][256])
{
    char path[4096];
    snprintf(path, sizeof path, "%s/queries.txt", dir);
    FILE *f = fopen(path, "w");
    for (int q = 0; f && q < NQ; q++)
        fprintf(f, "%s\n", qs[q]);
    if (f)
        fclose(f);
}

/* retrieved: the rowids db's FTS5 table tab finds for the word w (one
 * quoted word, the same expression for both tokenizers), as entry indexes
 * (rowid - 1) marked in hit[]; returns how many, and in *relevant how many
 * of them have bit b in rel[]. */
static long retrieved(sqlite3 *db, const char *tab, const char *w, const uint64_t *rel, int b,
                      size_t n, long *relevant)
{
    char sql[128], expr[128];
    snprintf(sql, sizeof sql, "SELECT rowid FROM %s WHERE %s MATCH ?", tab, tab);
    snprintf(expr, sizeof expr, "\"%s\"", w);
    sqlite3_stmt *st;
    long k = 0;
    *relevant = 0;
    sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    sqlite3_bind_text(st, 1, expr, -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW) {
        sqlite3_int64 r = sqlite3_column_int64(st, 0) - 1;
        if (r < 0 || (size_t)r >= n)
            continue;
        k++;
        *relevant += (rel[r] >> b) & 1;
    }
    sqlite3_finalize(st);
    return k;
}

/* morph_eval: DIR/morph.tsv (see the top). own: our store's file, whose
 * rid is the entry index + 1 (checked: the entries were added in order to
 * a new file); ref: the unicode61 table r, rowid likewise. */
static void morph_eval(const char *dir, sqlite3 *own, sqlite3 *ref, const uint64_t *rel, size_t n)
{
    sqlite3_stmt *st;
    sqlite3_prepare_v2(own, "SELECT count(*) FROM entry WHERE id <> 'gen-' || (rid - 1)", -1, &st,
                       NULL);
    if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int64(st, 0) != 0) {
        fprintf(stderr, "bench: rid is not the entry index + 1\n");
        exit(1);
    }
    sqlite3_finalize(st);
    char path[4096];
    snprintf(path, sizeof path, "%s/morph.tsv", dir);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    for (size_t q = 0; q < morph_nq; q++) {
        long relevant = 0, ours_rel, ref_rel;
        for (size_t i = 0; i < n; i++)
            relevant += (rel[i] >> q) & 1;
        long ours = retrieved(own, "entry_fts", morph_queries[q].q, rel, (int)q, n, &ours_rel);
        long theirs = retrieved(ref, "r", morph_queries[q].q, rel, (int)q, n, &ref_rel);
        fprintf(f, "%zu\t%s\t%s\t%ld\t%ld\t%ld\t%ld\t%ld\n", q, morph_queries[q].cat,
                morph_queries[q].q, relevant, ours, ours_rel, theirs, ref_rel);
    }
    fclose(f);
}

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
    /* The reference: the same text under FTS5's stock tokenizer. */
    sqlite3 *ref;
    sqlite3_open(":memory:", &ref);
    sqlite3_exec(ref, "CREATE VIRTUAL TABLE r USING fts5(title, summary); BEGIN", NULL, NULL, NULL);
    sqlite3_stmt *ins;
    sqlite3_prepare_v2(ref, "INSERT INTO r VALUES (?, ?)", -1, &ins, NULL);
    const char *outdir = getenv("BENCH_OUT");
    uint64_t *rel = outdir ? xmalloc(n * sizeof *rel) : NULL;
    FILE *tsv = outdir ? export_open(outdir) : NULL;

    /* In chunks, so that a million entries never sit in memory at once:
     * generation and validation, the reference, the morphology judgement
     * and the export are outside the timed part (store_put and the
     * commit). */
    enum { CHUNK = 10000 };
    entry **es = xmalloc(CHUNK * sizeof *es);
    double add_s = 0, t0 = gen_now();
    int changed;
    store_begin(s, NULL);
    add_s += gen_now() - t0;
    for (size_t at = 0; at < n; at += CHUNK) {
        size_t k = n - at < CHUNK ? n - at : CHUNK;
        for (size_t i = 0; i < k; i++) {
            json_t *j = gen_entry(r, at + i, g, &all, &nouns);
            if (entry_parse(j, g, NULL, &es[i], &err)) {
                fprintf(stderr, "bench: %s\n", err);
                return 1;
            }
            json_decref(j);
        }
        t0 = gen_now();
        for (size_t i = 0; i < k; i++)
            if (store_put(s, es[i], "bench", NULL, 0, &changed, &err)) {
                fprintf(stderr, "bench: %s\n", err);
                return 1;
            }
        add_s += gen_now() - t0;
        for (size_t i = 0; i < k; i++) {
            json_t *j = entry_json(es[i]);
            const char *title = json_string_value(json_object_get(j, "title"));
            const char *summary = json_string_value(json_object_get(j, "summary"));
            sqlite3_bind_text(ins, 1, title, -1, NULL);
            sqlite3_bind_text(ins, 2, summary, -1, NULL);
            sqlite3_step(ins);
            sqlite3_reset(ins);
            if (rel) {
                rel[at + i] = morph_relevant(title, summary);
                export_row(tsv, j, rel[at + i]);
            }
            entry_free(es[i]);
        }
    }
    t0 = gen_now();
    store_commit(s, NULL);
    add_s += gen_now() - t0;
    free(es);
    sqlite3_finalize(ins);
    sqlite3_exec(ref, "COMMIT", NULL, NULL, NULL);
    if (tsv)
        fclose(tsv);

    /* The queries, drawn as before (the same figures as earlier runs). */
    static char qlist[NQ][256];
    for (int q = 0; q < NQ; q++) {
        char *qs = qlist[q];
        if (q % 2)
            snprintf(qs, 256, "%s", nouns.w[gen_rnd(r, (unsigned)nouns.n)]);
        else
            snprintf(qs, 256, "%s %s", nouns.w[gen_rnd(r, (unsigned)nouns.n)],
                     nouns.w[gen_rnd(r, (unsigned)nouns.n)]);
        for (char *p = qs; *p; p++)
            if (strchr("\"*-", *p))
                *p = ' ';
    }
    if (outdir)
        export_queries(outdir, qlist);

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
        memcpy(qs, qlist[q], sizeof qs);
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
    if (outdir)
        morph_eval(outdir, own, ref, rel, n);
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
    if (outdir) {
        char rp[4096];
        snprintf(rp, sizeof rp, "%s/result.tsv", outdir);
        FILE *f = fopen(rp, "w");
        if (f) {
            fprintf(
                f,
                "entries %zu\nadd_s %.3f\ndb_bytes %lld\nhits_median %.0f\nours_median_ms %.3f\n"
                "ours_p99_ms %.3f\nfts_median_ms %.3f\nu61_median_ms %.3f\nu61_p99_ms %.3f\n"
                "hits_ratio %.2f\npeak_rss_mb %.0f\n",
                n, add_s, (long long)st.st_size, nhits[NQ / 2], ours[NQ / 2], ours[NQ * 99 / 100],
                fts[NQ / 2], theirs[NQ / 2], theirs[NQ * 99 / 100],
                hits_ref ? (double)hits_ours / (double)hits_ref : 0.0, (double)ru.ru_maxrss / 1024);
            fclose(f);
        }
    }
    free(rel);
    morph_free();
    sqlite3_close(ref);
    geo_free(g);
    return 0;
}
