/* bench_extract.c: throughput of the importer's extraction (issue 3).
 *
 *   bench_extract [MB] DOCS...
 *
 * Concatenates the documents (the shipped data/documents, all .txt), over and
 * over, to about MB megabytes (default 10) of report text, and runs the
 * extraction on it as one input on one core: extract_read (checks, UTF-8)
 * and extract_run (cleaning, sections, names, proposals validated by
 * entry_parse); no database. Prints one Markdown row:
 *   | MB | seconds | MB/s | proposals | RSS before | peak RSS |
 * where "RSS before" is the process with the gazetteer open and the input
 * in memory, and "peak RSS" the high-water mark (getrusage) after the run.
 * The best of three runs is reported (the machine is shared). The CPU
 * time of the process (CLOCK_PROCESS_CPUTIME_ID) is given beside the wall
 * time: on a shared machine the wall time includes the waits for a core,
 * the CPU time is what the extraction costs one core. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "extract/extract.h"
#include "util/err.h"
#include "util/sbuf.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double rss_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0; /* kilobytes on Linux */
}

static int slurp(const char *path, sbuf *b)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char buf[65536];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0)
        sbuf_add(b, buf, got);
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    int first = 1;
    double mb = 10.0;
    if (argc > 1 && strspn(argv[1], "0123456789.") == strlen(argv[1])) {
        mb = atof(argv[1]);
        first = 2;
    }
    if (first >= argc || mb <= 0 || mb > 19) {
        fprintf(stderr, "usage: bench_extract [MB (<= 19)] DOCS...\n");
        return 2;
    }
    sbuf docs = SBUF_INIT;
    for (int i = first; i < argc; i++) {
        if (slurp(argv[i], &docs) != 0) {
            fprintf(stderr, "bench_extract: %s: cannot read\n", argv[i]);
            return 1;
        }
        sbuf_addc(&docs, '\n');
    }
    size_t want = (size_t)(mb * 1e6);
    sbuf in = SBUF_INIT;
    while (in.len + docs.len <= want)
        sbuf_add(&in, docs.s, docs.len);
    if (!in.len)
        sbuf_add(&in, docs.s, docs.len);
    sbuf_free(&docs);
    geo *g = NULL;
    if (geo_open_builtin(&g, NULL) != KL_OK) {
        fprintf(stderr, "bench_extract: no gazetteer\n");
        return 1;
    }
    double before = rss_mb(), best = 0, best_cpu = 0;
    size_t proposals = 0;
    for (int run = 0; run < 3; run++) {
        char *text = NULL, *err = NULL;
        size_t n = 0;
        double t0 = now(), c0 = cpu_now();
        if (extract_read(in.s, in.len, "bench.txt", 0, &text, &n, &err) != KL_OK) {
            fprintf(stderr, "bench_extract: %s\n", err);
            return 1;
        }
        extract_result *r = NULL;
        if (extract_run(text, n, "bench.txt", g, "draft", &r, &err) != KL_OK) {
            fprintf(stderr, "bench_extract: %s\n", err);
            return 1;
        }
        double t = now() - t0, c = cpu_now() - c0;
        proposals = extract_count(r);
        extract_free(r);
        free(text);
        if (run == 0 || t < best)
            best = t;
        if (run == 0 || c < best_cpu)
            best_cpu = c;
    }
    double size = (double)in.len / 1e6;
    printf("| %.1f MB | %.2f s | %.1f MB/s | %.2f s | %.1f MB/s | %zu | %.0f MB | %.0f MB |\n",
           size, best, size / best, best_cpu, size / best_cpu, proposals, before, rss_mb());
    sbuf_free(&in);
    geo_free(g);
    return 0;
}
