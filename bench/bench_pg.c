/* bench_pg.c: our search beside PostgreSQL's full-text search, in the
 * same process and the same run, on the same entries and queries.
 *
 *   bench_pg DBPATH DIR CONNINFO PASSES
 *
 * DBPATH is our store written by bench (BENCH_OUT=DIR), DIR holds its
 * queries.txt and morph.tsv, and PostgreSQL (bench/pg.sh) holds the same
 * entries in table e. Each query runs in two forms, each on both sides,
 * interleaved query by query so that both see the same noise (who goes
 * first alternates from query to query):
 *
 *   top 10:  the 10 best entries' JSON and the total number of hits.
 *            Ours: store_search_text, limit 10, no facets (in process).
 *            PostgreSQL: tsv @@ plainto_tsquery('german', q) ranked by
 *            ts_rank, id; count(*) OVER () for the total (libpq, prepared
 *            statement, Unix socket).
 *   facets:  the same plus the counts per Land, kind, status, field,
 *            target group and year over all hits, as the API answers.
 *            Ours: the same call with facets; PostgreSQL: one statement,
 *            the hits materialised once, six GROUP BYs over them.
 *
 * One pass over the queries warms both up; then PASSES timed passes. The
 * median and p99 of each pass are kept; printed are the median of those
 * and their range. Also: how many of PostgreSQL's top 10 are in ours, the
 * total hits of both, the round trip of "SELECT 1" (what the socket alone
 * costs PostgreSQL), and PostgreSQL's answers to the judged morphology
 * queries (DIR/pgmorph.tsv: bit, retrieved, relevant retrieved). Results
 * as "key value" lines in DIR/pg.tsv. */
#include <libpq-fe.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#include "gen.h"

#define NQ 200
#define MAXPASS 20

static const char *const sql_top =
    "SELECT id, body, count(*) OVER () FROM e, plainto_tsquery('german', $1) q"
    " WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC, id LIMIT 10";

static const char *const sql_facets =
    "WITH m AS MATERIALIZED (SELECT id, land, kind, status, fields, targets, years, body,"
    " ts_rank(tsv, q) AS r FROM e, plainto_tsquery('german', $1) q WHERE tsv @@ q)"
    " (SELECT 'item', body, NULL::bigint FROM m ORDER BY r DESC, id LIMIT 10)"
    " UNION ALL SELECT 'total', NULL, count(*) FROM m"
    " UNION ALL SELECT 'land', coalesce(land, 'bund'), count(*) FROM m GROUP BY 2"
    " UNION ALL SELECT 'kind', kind, count(*) FROM m GROUP BY 2"
    " UNION ALL SELECT 'status', status, count(*) FROM m GROUP BY 2"
    " UNION ALL SELECT 'field', f, count(*) FROM m, unnest(fields) f GROUP BY 2"
    " UNION ALL SELECT 'target', t, count(*) FROM m, unnest(targets) t GROUP BY 2"
    " UNION ALL SELECT 'year', y::text, count(*) FROM m, unnest(years) y GROUP BY 2";

static const char *const sql_morph =
    "SELECT count(*), count(*) FILTER (WHERE rel & $2::bigint <> 0) FROM e"
    " WHERE tsv @@ plainto_tsquery('german', $1)";

static void die_pg(PGconn *c, const char *what)
{
    fprintf(stderr, "bench_pg: %s: %s", what, PQerrorMessage(c));
    exit(1);
}

static void prepare(PGconn *c, const char *name, const char *sql, int nparams)
{
    PGresult *r = PQprepare(c, name, sql, nparams, NULL);
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
        die_pg(c, name);
    PQclear(r);
}

/* pg_run: one prepared statement; the result, checked. Caller PQclears. */
static PGresult *pg_run(PGconn *c, const char *name, int n, const char *const *v)
{
    PGresult *r = PQexecPrepared(c, name, n, v, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK)
        die_pg(c, name);
    return r;
}

/* ours_run: our answer as the server builds it; *total from its text. */
static double ours_run(store *s, const char *q, int facets, sbuf *out, long *total)
{
    store_query sq = {.q = q, .limit = 10, .facets = facets};
    char *err = NULL;
    sbuf_reset(out);
    double t0 = gen_now();
    if (store_search_text(s, &sq, out, &err)) {
        fprintf(stderr, "bench_pg: %s\n", err);
        exit(1);
    }
    double ms = (gen_now() - t0) * 1000;
    *total = strtol(out->s + strlen("{\"total\":"), NULL, 10);
    return ms;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Per timed form: the median and p99 of each pass. */
typedef struct series {
    double med[MAXPASS], p99[MAXPASS];
} series;

static void pass_stats(double *v, series *s, int pass)
{
    qsort(v, NQ, sizeof *v, cmp_d);
    s->med[pass] = v[NQ / 2];
    s->p99[pass] = v[NQ * 99 / 100];
}

static void print_series(FILE *f, const char *name, series *s, int passes)
{
    double m[MAXPASS], p[MAXPASS];
    memcpy(m, s->med, sizeof m);
    memcpy(p, s->p99, sizeof p);
    qsort(m, (size_t)passes, sizeof *m, cmp_d);
    qsort(p, (size_t)passes, sizeof *p, cmp_d);
    fprintf(f, "%s_median_ms %.3f\n%s_median_min %.3f\n%s_median_max %.3f\n", name, m[passes / 2],
            name, m[0], name, m[passes - 1]);
    fprintf(f, "%s_p99_ms %.3f\n%s_p99_min %.3f\n%s_p99_max %.3f\n", name, p[passes / 2], name,
            p[0], name, p[passes - 1]);
}

/* overlap: how many ids of PostgreSQL's result r (column 0) are among the
 * items of our answer text. */
static int overlap(const char *ours, PGresult *r)
{
    json_t *j = json_loads(ours, 0, NULL);
    json_t *items = json_object_get(j, "items"), *it;
    int k = 0;
    size_t i;
    for (int row = 0; row < PQntuples(r); row++) {
        json_array_foreach(items, i, it)
        {
            const char *id = json_string_value(json_object_get(it, "id"));
            k += id && strcmp(id, PQgetvalue(r, row, 0)) == 0;
        }
    }
    json_decref(j);
    return k;
}

static void morph_pg(PGconn *c, const char *dir)
{
    char path[4096], line[512];
    snprintf(path, sizeof path, "%s/morph.tsv", dir);
    FILE *in = fopen(path, "r");
    snprintf(path, sizeof path, "%s/pgmorph.tsv", dir);
    FILE *out = fopen(path, "w");
    if (!in || !out) {
        perror(path);
        exit(1);
    }
    prepare(c, "morph", sql_morph, 2);
    while (fgets(line, sizeof line, in)) {
        char cat[32], q[128], mask[32];
        int bit;
        if (sscanf(line, "%d\t%31[^\t]\t%127[^\t]", &bit, cat, q) != 3)
            continue;
        snprintf(mask, sizeof mask, "%lld", 1LL << bit);
        const char *v[2] = {q, mask};
        PGresult *r = pg_run(c, "morph", 2, v);
        fprintf(out, "%d\t%s\t%s\n", bit, PQgetvalue(r, 0, 0), PQgetvalue(r, 0, 1));
        PQclear(r);
    }
    fclose(in);
    fclose(out);
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: bench_pg DBPATH DIR CONNINFO PASSES\n");
        return 2;
    }
    const char *dir = argv[2];
    int passes = atoi(argv[4]);
    if (passes < 1 || passes > MAXPASS)
        passes = 3;
    static char qs[NQ][256];
    char path[4096];
    snprintf(path, sizeof path, "%s/queries.txt", dir);
    FILE *f = fopen(path, "r");
    for (int q = 0; q < NQ; q++) {
        if (!f || !fgets(qs[q], sizeof qs[q], f)) {
            fprintf(stderr, "bench_pg: %s: fewer than %d queries\n", path, NQ);
            return 1;
        }
        qs[q][strcspn(qs[q], "\n")] = '\0';
    }
    fclose(f);
    geo *g;
    store *s;
    char *err = NULL;
    if (geo_open_builtin(&g, &err) || store_open(argv[1], g, 0, &s, &err)) {
        fprintf(stderr, "bench_pg: %s\n", err);
        return 1;
    }
    PGconn *c = PQconnectdb(argv[3]);
    if (PQstatus(c) != CONNECTION_OK)
        die_pg(c, "connect");
    prepare(c, "top", sql_top, 1);
    prepare(c, "facets", sql_facets, 1);
    prepare(c, "one", "SELECT 1", 0);

    static series s_ours_top, s_pg_top, s_ours_f, s_pg_f, s_rtt;
    double v_ot[NQ], v_pt[NQ], v_of[NQ], v_pf[NQ], v_rtt[NQ];
    long sum_overlap = 0, with_pg = 0, tot_ours = 0, tot_pg = 0;
    sbuf out = SBUF_INIT;
    for (int pass = -1; pass < passes; pass++) {
        for (int q = 0; q < NQ; q++) {
            const char *v[1] = {qs[q]};
            long total;
            /* Who goes first alternates: the second finds caches warm. */
            if (!(q % 2))
                v_ot[q] = ours_run(s, qs[q], 0, &out, &total);
            double t0 = gen_now();
            PGresult *r = pg_run(c, "top", 1, v);
            v_pt[q] = (gen_now() - t0) * 1000;
            if (q % 2)
                v_ot[q] = ours_run(s, qs[q], 0, &out, &total);
            if (pass == 0) {
                long pt = PQntuples(r) ? atol(PQgetvalue(r, 0, 2)) : 0;
                tot_ours += total;
                tot_pg += pt;
                if (PQntuples(r)) {
                    sum_overlap += overlap(out.s, r);
                    with_pg += PQntuples(r);
                }
            }
            PQclear(r);
            if (!(q % 2))
                v_of[q] = ours_run(s, qs[q], 1, &out, &total);
            t0 = gen_now();
            r = pg_run(c, "facets", 1, v);
            v_pf[q] = (gen_now() - t0) * 1000;
            PQclear(r);
            if (q % 2)
                v_of[q] = ours_run(s, qs[q], 1, &out, &total);
            t0 = gen_now();
            r = pg_run(c, "one", 0, NULL);
            v_rtt[q] = (gen_now() - t0) * 1000;
            PQclear(r);
        }
        if (pass < 0)
            continue;
        pass_stats(v_ot, &s_ours_top, pass);
        pass_stats(v_pt, &s_pg_top, pass);
        pass_stats(v_of, &s_ours_f, pass);
        pass_stats(v_pf, &s_pg_f, pass);
        pass_stats(v_rtt, &s_rtt, pass);
    }
    sbuf_free(&out);
    morph_pg(c, dir);

    snprintf(path, sizeof path, "%s/pg.tsv", dir);
    f = fopen(path, "w");
    if (!f) {
        perror(path);
        return 1;
    }
    fprintf(f, "passes %d\n", passes);
    print_series(f, "ours_top", &s_ours_top, passes);
    print_series(f, "pg_top", &s_pg_top, passes);
    print_series(f, "ours_facets", &s_ours_f, passes);
    print_series(f, "pg_facets", &s_pg_f, passes);
    print_series(f, "pg_rtt", &s_rtt, passes);
    fprintf(f, "overlap %ld\noverlap_of %ld\nhits_ours %ld\nhits_pg %ld\n", sum_overlap, with_pg,
            tot_ours, tot_pg);
    PGresult *r =
        PQexec(c, "SELECT pg_total_relation_size('e'), current_setting('server_version')");
    if (PQresultStatus(r) == PGRES_TUPLES_OK)
        fprintf(f, "pg_bytes %s\npg_version %s\n", PQgetvalue(r, 0, 0), PQgetvalue(r, 0, 1));
    PQclear(r);
    fclose(f);
    PQfinish(c);
    store_close(s);
    geo_free(g);
    return 0;
}
