/* cmd_add.c: `kilandkarte add [FILE|-]`: entries as JSON, a JSON array
 * or JSON Lines. The whole input is read and checked first
 * (entry_input_parse) and stored in one transaction: one bad entry and
 * nothing of the batch is stored. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/entry_input.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

static const char usage[] = "Aufruf: kilandkarte add [DATEI|-] [--reason TEXT]\n"
                            "  Liest Einträge als JSON-Objekt, JSON-Liste oder JSON Lines.\n";

/* read_all: the whole stream. Caller frees; NULL with *err on failure. */
static char *read_all(FILE *f, const char *name, size_t *n, char **err)
{
    sbuf b = SBUF_INIT;
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        sbuf_add(&b, chunk, got);
    if (ferror(f)) {
        sbuf_free(&b);
        err_set(err, KL_EIO, "„%s“ lässt sich nicht lesen", name);
        return NULL;
    }
    *n = b.len;
    return sbuf_take(&b);
}

/* store_batch: put every entry in one transaction. Counts new, changed
 * and unchanged entries. */
static int store_batch(store *s, entry **e, size_t n, const char *who, const char *reason,
                       int counts[3], char **err)
{
    int rc = store_begin(s, err);
    for (size_t i = 0; !rc && i < n; i++) {
        int changed = 0;
        rc = store_put(s, e[i], who, reason, 0, &changed, err);
        counts[changed == 2 ? 0 : changed ? 1 : 2]++;
    }
    if (rc) {
        store_rollback(s);
        return rc;
    }
    return store_commit(s, err);
}

int cmd_add(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"reason", 1, NULL, 0}};
    const char *pos[1];
    int npos, rc;
    if ((rc = cli_parse(argc, argv, opts, 1, pos, 1, &npos, usage)))
        return rc;
    const char *name = npos ? pos[0] : "-";
    int from_stdin = strcmp(name, "-") == 0;
    FILE *f = from_stdin ? stdin : fopen(name, "rb");
    char *err = NULL;
    if (!f)
        return cli_fail(KL_EIO, xasprintf("„%s“ lässt sich nicht öffnen", name));
    size_t n = 0;
    char *text = read_all(f, from_stdin ? "stdin" : name, &n, &err);
    if (!from_stdin)
        fclose(f);
    if (!text)
        return cli_fail(KL_EIO, err);
    store *s = cli_store(c);
    if (!s) {
        free(text);
        return EXIT_DB;
    }
    entry **e = NULL;
    size_t ne = 0;
    int counts[3] = {0, 0, 0};
    rc = entry_input_parse(text, n, from_stdin ? "stdin" : name, c->g, &e, &ne, &err);
    if (!rc)
        rc = store_batch(s, e, ne, c->user, opts[0].value, counts, &err);
    if (rc) {
        char *msg = xasprintf("%s\nNichts gespeichert.", err ? err : err_name(rc));
        free(err);
        rc = cli_fail(rc, msg);
    } else {
        printf("%zu Einträge gelesen: %d neu, %d geändert, %d unverändert.\n", ne, counts[0],
               counts[1], counts[2]);
    }
    entry_input_free(e, ne);
    free(text);
    return rc;
}
