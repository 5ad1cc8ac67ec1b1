/* bench_similar.c: all similar pairs (analyse_links) at scale.
 *
 *   bench_similar N DBPATH DOCS...
 *
 * Generates N entries as bench/bench.c does (titles from nouns of the
 * shipped documents, summaries as word windows of them, all kinds, fields
 * and Länder; the generator is copied in reduced form, without places,
 * and with its random state passed explicitly rather than global), adds
 * them in one transaction, then times analyse_links over all of them
 * (reading and analysing every entry included) and one analyse_similar.
 * Prints a Markdown row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "analyse/analyse.h"
#include "util/sbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

typedef struct words {
    char **w;
    size_t n, cap;
} words;

static unsigned rnd(unsigned long long *r, unsigned n)
{
    *r ^= *r << 13;
    *r ^= *r >> 7;
    *r ^= *r << 17;
    return (unsigned)(*r % n);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void push(words *v, const char *s, size_t n)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 1024;
        v->w = xrealloc(v->w, v->cap * sizeof *v->w);
    }
    v->w[v->n++] = xstrndup(s, n);
}

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

static json_t *gen_entry(unsigned long long *r, size_t i, words *all, words *nouns)
{
    size_t nk, nf, nt;
    const entry_term *kinds = entry_vocab(ENTRY_VOCAB_KIND, &nk);
    const entry_term *fields = entry_vocab(ENTRY_VOCAB_FIELD, &nf);
    const entry_term *targets = entry_vocab(ENTRY_VOCAB_TARGET, &nt);
    sbuf t = SBUF_INIT, s = SBUF_INIT;
    sbuf_addf(&t, "%s%s %s", rnd(r, 3) ? "KI-" : "", nouns->w[rnd(r, (unsigned)nouns->n)],
              nouns->w[rnd(r, (unsigned)nouns->n)]);
    size_t at = rnd(r, (unsigned)(all->n - 80)), len = 40 + rnd(r, 30);
    for (size_t k = 0; k < len; k++)
        sbuf_addf(&s, "%s%s", k ? " " : "", all->w[at + k]);
    const char *land = laender[rnd(r, 17)];
    char id[32];
    snprintf(id, sizeof id, "gen-%zu", i);
    json_t *j = json_pack(
        "{ss ss ss ss so ss s[s] s[s] s[i] ss sb}", "id", id, "title", sbuf_cstr(&t), "kind",
        kinds[rnd(r, (unsigned)nk)].slug, "level", land ? "land" : "bund", "land",
        land ? json_string(land) : json_null(), "summary", sbuf_cstr(&s), "fields",
        fields[rnd(r, (unsigned)nf)].slug, "target_groups", targets[rnd(r, (unsigned)nt)].slug,
        "years", 2016 + rnd(r, 10), "status", "published", "seeks_partners", rnd(r, 20) == 0);
    sbuf_free(&t);
    sbuf_free(&s);
    return j;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench_similar N DBPATH DOCS...\n");
        return 2;
    }
    size_t n = strtoul(argv[1], NULL, 10);
    const char *path = argv[2];
    unsigned long long r = 0x9E3779B97F4A7C15ULL;
    words all = {0}, nouns = {0};
    harvest(argc - 3, argv + 3, &all, &nouns);
    geo *g;
    store *s;
    char *err = NULL;
    remove(path);
    if (geo_open_builtin(&g, &err) || store_open(path, g, 0, &s, &err)) {
        fprintf(stderr, "bench_similar: %s\n", err);
        return 1;
    }
    store_begin(s, NULL);
    for (size_t i = 0; i < n; i++) {
        json_t *j = gen_entry(&r, i, &all, &nouns);
        entry *e;
        int changed;
        if (entry_parse(j, g, NULL, &e, &err) ||
            store_put(s, e, "bench", NULL, 0, &changed, &err)) {
            fprintf(stderr, "bench_similar: %s\n", err);
            return 1;
        }
        entry_free(e);
        json_decref(j);
    }
    store_commit(s, NULL);
    json_t *res;
    double t0 = now();
    if (analyse_links(s, 0, NULL, &res, &err)) {
        fprintf(stderr, "bench_similar: %s\n", err);
        return 1;
    }
    double links_s = now() - t0;
    size_t groups = json_array_size(json_object_get(res, "groups"));
    json_int_t pairs = json_integer_value(json_object_get(res, "pairs"));
    json_decref(res);
    t0 = now();
    if (analyse_similar(s, "gen-1", 5, NULL, &res, &err)) {
        fprintf(stderr, "bench_similar: %s\n", err);
        return 1;
    }
    double sim_s = now() - t0;
    json_decref(res);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("| %zu | %.2f s | %lld | %zu | %.2f s | %.0f MB |\n", n, links_s, (long long)pairs,
           groups, sim_s, (double)ru.ru_maxrss / 1024);
    store_close(s);
    geo_free(g);
    for (size_t i = 0; i < all.n; i++)
        free(all.w[i]);
    for (size_t i = 0; i < nouns.n; i++)
        free(nouns.w[i]);
    free(all.w);
    free(nouns.w);
    return 0;
}
