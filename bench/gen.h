/* gen.h: what the benchmarks share to generate realistic entries: a small
 * deterministic random generator, the vocabulary of the shipped documents
 * and the Länder codes. */
#ifndef KL_BENCH_GEN_H
#define KL_BENCH_GEN_H

#include <stddef.h>

/* The seed every benchmark starts from, so runs are comparable. */
#define GEN_SEED 0x9E3779B97F4A7C15ULL

/* gen_rnd: the next value in [0, n) of the xorshift state *r. */
unsigned gen_rnd(unsigned long long *r, unsigned n);

/* gen_now: monotonic seconds. */
double gen_now(void);

/* Words harvested from documents; strings owned by the list. */
typedef struct gen_words {
    char **w;
    size_t n, cap;
} gen_words;

/* gen_harvest: all words of the files argv[0..argc) into all, and the
 * capitalised ones of 6+ bytes (nouns, for titles and queries) into nouns.
 * Only ASCII punctuation is stripped, so every word stays valid UTF-8. */
void gen_harvest(int argc, char **argv, gen_words *all, gen_words *nouns);

/* The 16 Länder codes, then NULL (the Bund): index with gen_rnd(r, 17). */
extern const char *const gen_laender[17];

#endif
