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

#include "gen.h"

static json_t *gen_entry(unsigned long long *r, size_t i, gen_words *all, gen_words *nouns)
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
    char id[32];
    snprintf(id, sizeof id, "gen-%zu", i);
    json_t *j =
        json_pack("{ss ss ss ss so ss s[s] s[s] s[i] ss sb}", "id", id, "title", sbuf_cstr(&t),
                  "kind", kinds[gen_rnd(r, (unsigned)nk)].slug, "level", land ? "land" : "bund",
                  "land", land ? json_string(land) : json_null(), "summary", sbuf_cstr(&s),
                  "fields", fields[gen_rnd(r, (unsigned)nf)].slug, "target_groups",
                  targets[gen_rnd(r, (unsigned)nt)].slug, "years", 2016 + gen_rnd(r, 10), "status",
                  "published", "seeks_partners", gen_rnd(r, 20) == 0);
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
    unsigned long long r = GEN_SEED;
    gen_words all = {0}, nouns = {0};
    gen_harvest(argc - 3, argv + 3, &all, &nouns);
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
    double t0 = gen_now();
    if (analyse_links(s, 0, NULL, &res, &err)) {
        fprintf(stderr, "bench_similar: %s\n", err);
        return 1;
    }
    double links_s = gen_now() - t0;
    size_t groups = json_array_size(json_object_get(res, "groups"));
    json_int_t pairs = json_integer_value(json_object_get(res, "pairs"));
    json_decref(res);
    t0 = gen_now();
    if (analyse_similar(s, "gen-1", 5, NULL, &res, &err)) {
        fprintf(stderr, "bench_similar: %s\n", err);
        return 1;
    }
    double sim_s = gen_now() - t0;
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
