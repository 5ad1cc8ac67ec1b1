/* cmd_export.c: `kilandkarte export`: open data as JSON Lines, CSV for a
 * German spreadsheet, or GeoJSON (RFC 7946), written by src/core/export
 * as a stream, so a million entries need no more memory than one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/export.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

static const char usage[] =
    "Aufruf: kilandkarte export [--format jsonl|csv|geojson] [--status published|draft|all]\n"
    "         [--output DATEI] [--land DE-XX] [--kind K] [--field F] [--target T] [--year J]\n"
    "         [--near ORT --km N] [--bbox S,W,N,O] [--sort S]\n";

typedef struct out {
    FILE *f;
    export_state x;
    sbuf b; /* drained to f after every entry */
} out;

static void drain(out *o)
{
    if (o->b.len)
        fwrite(o->b.s, 1, o->b.len, o->f);
    sbuf_reset(&o->b);
}

static int write_one(void *ctx, const entry *e)
{
    out *o = ctx;
    export_add(&o->x, entry_json(e), &o->b);
    drain(o);
    return 0;
}

int cmd_export(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {CLI_FILTER_OPTS, {"format", 1, NULL, 0}, {"output", 1, NULL, 0}};
    const char *pos[1];
    int npos, rc;
    store_query q = {0};
    export_format fmt = EXPORT_JSONL;
    char *err = NULL;
    if ((rc = cli_parse(argc, argv, opts, sizeof opts / sizeof opts[0], pos, 0, &npos, usage)) ||
        (rc = cli_query_from_opts(c, opts, "published", &q)))
        return rc;
    if (opts[CLI_F__N].set && export_format_find(opts[CLI_F__N].value, &fmt, &err) != KL_OK) {
        fprintf(stderr, "kilandkarte export: %s\n", err);
        free(err);
        return EXIT_USAGE;
    }
    if (!q.sort)
        q.sort = "id";
    store *s = cli_store(c);
    if (!s)
        return EXIT_DB;
    const char *path = opts[CLI_F__N + 1].value;
    char *tmp = path ? xasprintf("%s.tmp", path) : NULL;
    out o = {path ? fopen(tmp, "wb") : stdout, {0}, SBUF_INIT};
    if (!o.f) {
        rc = cli_fail(KL_EIO, xasprintf("„%s“ lässt sich nicht schreiben", tmp));
        free(tmp);
        return rc;
    }
    export_begin(&o.x, fmt, &o.b);
    drain(&o);
    rc = store_each(s, &q, &o, write_one, &err);
    export_end(&o.x, &o.b);
    drain(&o);
    sbuf_free(&o.b);
    if (path) {
        /* Written aside and renamed: a failed export never leaves half a
         * file where the last good one was. */
        int bad = fclose(o.f) != 0 || rc;
        if (!bad && rename(tmp, path) != 0)
            bad = 1;
        if (bad)
            remove(tmp);
        if (bad && !rc)
            rc = err_set(&err, KL_EIO, "„%s“ lässt sich nicht schreiben", path);
    } else if (fflush(stdout) != 0 && !rc) {
        rc = err_set(&err, KL_EIO, "Ausgabe lässt sich nicht schreiben");
    }
    free(tmp);
    if (rc)
        return cli_fail(rc, err);
    if (path)
        fprintf(stderr, "%zu Einträge nach %s exportiert.\n", o.x.written, path);
    return EXIT_OK;
}
