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

static unsigned long long rng = 0x9E3779B97F4A7C15ULL;

static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

typedef struct words {
    char **w;
    size_t n, cap;
} words;

static void push(words *v, const char *s, size_t n)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 1024;
        v->w = xrealloc(v->w, v->cap * sizeof *v->w);
    }
    v->w[v->n++] = xstrndup(s, n);
}

/* harvest: all words of the documents (for summaries) and the capitalised
 * ones of 6+ bytes (nouns, for titles and queries). */
static void harvest(int argc, char **argv, words *all, words *nouns)
{
    for (int i = 0; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f)
            continue;
        char buf[512];
        while (fscanf(f, "%511s", buf) == 1) {
            size_t n = strlen(buf);
            while (n && strchr(".,;:!?()*\"#[]", buf[n - 1]))
                n--;
            size_t s = 0;
            while (s < n && strchr("(*\"#[-", buf[s]))
                s++;
            /* Only ASCII is stripped, so a word stays valid UTF-8; quotes
             * like „ stay attached and such words are skipped. */
            if (n <= s || !text_utf8_valid(buf + s, n - s, NULL) || strstr(buf + s, "\xE2\x80"))
                continue;
            push(all, buf + s, n - s);
            if (n - s >= 6 && buf[s] >= 'A' && buf[s] <= 'Z' && !strpbrk(buf + s, "0123456789/<>"))
                push(nouns, buf + s, n - s);
        }
        fclose(f);
    }
}

static const char *const laender[] = {"DE-BW", "DE-BY", "DE-BE", "DE-BB", "DE-HB", "DE-HH",
                                      "DE-HE", "DE-MV", "DE-NI", "DE-NW", "DE-RP", "DE-SL",
                                      "DE-SN", "DE-ST", "DE-SH", "DE-TH", NULL};
static const char *const prefixes[] = {
    "Ba", "Be", "Bo", "Br", "Da", "Do", "Du", "Er", "Fr", "Ge", "Ha", "He", "Ka", "Ki", "Ko", "Le",
    "Lu", "Ma", "Mu", "No", "Os", "Po", "Re", "Ro", "Sa", "St", "Tr", "Ul", "Wi", "Wu", "Ze"};

static json_t *gen_entry(size_t i, const geo *g, words *all, words *nouns)
{
    size_t nk, nf, nt;
    const entry_term *kinds = entry_vocab(ENTRY_VOCAB_KIND, &nk);
    const entry_term *fields = entry_vocab(ENTRY_VOCAB_FIELD, &nf);
    const entry_term *targets = entry_vocab(ENTRY_VOCAB_TARGET, &nt);
    sbuf t = SBUF_INIT, s = SBUF_INIT;
    sbuf_addf(&t, "%s%s %s", rnd(3) ? "KI-" : "", nouns->w[rnd((unsigned)nouns->n)],
              nouns->w[rnd((unsigned)nouns->n)]);
    size_t at = rnd((unsigned)(all->n - 80)), len = 40 + rnd(30);
    for (size_t k = 0; k < len; k++)
        sbuf_addf(&s, "%s%s", k ? " " : "", all->w[at + k]);
    const char *land = laender[rnd(17)];
    json_t *places = json_array();
    const geo_place *cand[50];
    size_t nc = geo_candidates(g, prefixes[rnd(sizeof prefixes / sizeof *prefixes)], cand, 50);
    for (size_t k = 0, np = rnd(3); k < np && nc; k++) {
        const geo_place *p = cand[rnd((unsigned)nc)];
        json_array_append_new(places, json_pack("{sssfsfss}", "name", p->name, "lat", p->lat, "lon",
                                                p->lon, "land", p->land));
    }
    char id[32];
    snprintf(id, sizeof id, "gen-%zu", i);
    json_t *j = json_pack(
        "{ss ss ss ss so ss so s[s] s[s] s[i] ss}", "id", id, "title", sbuf_cstr(&t), "kind",
        kinds[rnd((unsigned)nk)].slug, "level", land ? "land" : "bund", "land",
        land ? json_string(land) : json_null(), "summary", sbuf_cstr(&s), "places", places,
        "fields", fields[rnd((unsigned)nf)].slug, "target_groups", targets[rnd((unsigned)nt)].slug,
        "years", 2016 + rnd(10), "status", rnd(4) ? "published" : "draft");
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
    words all = {0}, nouns = {0};
    harvest(argc - 3, argv + 3, &all, &nouns);
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
        json_t *j = gen_entry(i, g, &all, &nouns);
        if (entry_parse(j, g, NULL, &es[i], &err)) {
            fprintf(stderr, "bench: %s\n", err);
            return 1;
        }
        json_decref(j);
    }
    double t0 = now();
    int changed;
    store_begin(s, NULL);
    for (size_t i = 0; i < n; i++)
        if (store_put(s, es[i], "bench", NULL, 0, &changed, &err)) {
            fprintf(stderr, "bench: %s\n", err);
            return 1;
        }
    store_commit(s, NULL);
    double add_s = now() - t0;

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
            snprintf(qs, sizeof qs, "%s", nouns.w[rnd((unsigned)nouns.n)]);
        else
            snprintf(qs, sizeof qs, "%s %s", nouns.w[rnd((unsigned)nouns.n)],
                     nouns.w[rnd((unsigned)nouns.n)]);
        for (char *p = qs; *p; p++)
            if (strchr("\"*-", *p))
                *p = ' ';
        store_query sq = {.q = qs,
                          .limit = getenv("LIMIT") ? atoi(getenv("LIMIT")) : 20,
                          .facets = getenv("NOFACETS") ? 0 : 1};
        sbuf res = SBUF_INIT;
        t0 = now();
        /* The server's path: the answer as JSON text. */
        if (store_search_text(s, &sq, &res, &err)) {
            fprintf(stderr, "bench: %s\n", err);
            return 1;
        }
        ours[q] = (now() - t0) * 1000;
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
        t0 = now();
        sqlite3_step(oq);
        fts[q] = (now() - t0) * 1000;
        sqlite3_reset(oq);
        sqlite3_bind_text(rq, 1, sbuf_cstr(&rqs), -1, SQLITE_TRANSIENT);
        t0 = now();
        if (sqlite3_step(rq) == SQLITE_ROW)
            hits_ref += sqlite3_column_int(rq, 0);
        theirs[q] = (now() - t0) * 1000;
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
