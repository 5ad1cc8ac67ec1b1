/* bench_query.c: our search alone, pass after pass, on a database of
 * bench.c: for profiling and for A/B runs of two builds without
 * PostgreSQL (bench/RESULTS.md, issue 8's p99).
 *
 *   bench_query DBPATH QUERIES PASSES
 *
 * QUERIES is bench's queries.txt (one query a line). Each pass runs every
 * query twice as bench_pg does, limit 10 without and then with facets
 * (store_search_text, as the server calls it). Pass 1 is the first the
 * store sees (cold: nothing remembered); per pass it prints the median,
 * p99 (bench_pg's: the 2nd slowest of 200) and the maximum in ms of
 * each form, and its three slowest queries with their number of hits. Under valgrind
 * --tool=callgrind
 * --toggle-collect=store_search_text it counts the search's instructions
 * only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store.h"
#include "core/store_int.h"
#include "util/sbuf.h"

#include "gen.h"

#define MAXQ 1000

typedef struct timing {
    double ms;
    long total;
    int q;
} timing;

static int cmp_t(const void *a, const void *b)
{
    double x = ((const timing *)a)->ms, y = ((const timing *)b)->ms;
    return (x > y) - (x < y);
}

static double run(store *s, const char *q, int facets, sbuf *out, long *total)
{
    store_query sq = {.q = q, .limit = 10, .facets = facets};
    char *err = NULL;
    sbuf_reset(out);
    double t0 = gen_now();
    if (store_search_text(s, &sq, out, &err)) {
        fprintf(stderr, "bench_query: %s\n", err);
        exit(1);
    }
    double ms = (gen_now() - t0) * 1000;
    *total = strtol(out->s + strlen("{\"total\":"), NULL, 10);
    return ms;
}

static void report(const char *form, timing *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, cmp_t);
    printf("  %-7s median %7.2f ms  p99 %7.2f ms  max %7.2f ms\n", form, t[n / 2].ms,
           t[n * 99 / 100].ms, t[n - 1].ms);
}

/* slowest: the three slowest of t (sorted by report). */
static void slowest(const timing *t, int n, char (*qs)[256])
{
    for (int i = n - 1; i >= n - 3 && i >= 0; i--)
        printf("    %7.2f ms  %7ld hits  %s\n", t[i].ms, t[i].total, qs[t[i].q]);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: bench_query DBPATH QUERIES PASSES\n");
        return 2;
    }
    static char qs[MAXQ][256];
    int n = 0, passes = atoi(argv[3]);
    FILE *f = fopen(argv[2], "r");
    while (f && n < MAXQ && fgets(qs[n], sizeof qs[n], f)) {
        qs[n][strcspn(qs[n], "\n")] = '\0';
        n++;
    }
    if (f)
        fclose(f);
    geo *g;
    store *s;
    char *err = NULL;
    if (n == 0 || geo_open_builtin(&g, &err) || store_open(argv[1], g, 0, &s, &err)) {
        fprintf(stderr, "bench_query: %s\n", err ? err : "no queries");
        return 1;
    }
    if (getenv("BENCH_NOMEMO"))
        s->memo_min_hits = (size_t)-1;
    static timing top[MAXQ], fac[MAXQ];
    sbuf out = SBUF_INIT;
    for (int pass = 1; pass <= passes; pass++) {
        for (int q = 0; q < n; q++) {
            top[q].ms = run(s, qs[q], 0, &out, &top[q].total);
            top[q].q = q;
            fac[q].ms = run(s, qs[q], 1, &out, &fac[q].total);
            fac[q].q = q;
        }
        printf("pass %d (%d queries, %zu searches answered from memory so far)\n", pass, n,
               s->memo_used);
        report("top 10", top, n);
        slowest(top, n, qs);
        report("facets", fac, n);
        slowest(fac, n, qs);
    }
    sbuf_free(&out);
    store_close(s);
    geo_free(g);
    return 0;
}
