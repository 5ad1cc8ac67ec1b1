/* cmd_add.c: `kilandkarte add [FILE|-]`: entries as JSON, a JSON array
 * or JSON Lines. The whole input is read and checked first and stored in
 * one transaction: one bad entry and nothing of the batch is stored. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/text.h"
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

static int line_of(const char *s, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off; i++)
        line += s[i] == '\n';
    return line;
}

/* A parsed batch: the entries in input order. */
typedef struct batch {
    entry **e;
    size_t n, cap;
} batch;

static void batch_push(batch *b, entry *e)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? 2 * b->cap : 64;
        b->e = xrealloc(b->e, b->cap * sizeof *b->e);
    }
    b->e[b->n++] = e;
}

static void batch_free(batch *b)
{
    for (size_t i = 0; i < b->n; i++)
        entry_free(b->e[i]);
    free(b->e);
}

static int parse_one(const json_t *j, const geo *g, const char *where, batch *b, char **err)
{
    entry *e;
    int rc = entry_parse(j, g, where, &e, err);
    if (!rc)
        batch_push(b, e);
    return rc;
}

/* parse_input: a JSON array, or a stream of JSON values (one object, JSON
 * Lines, or objects one after another), each checked with entry_parse. */
static int parse_input(const char *s, size_t n, const char *name, const geo *g, batch *b,
                       char **err)
{
    size_t bad, off = 0;
    if (!text_utf8_valid(s, n, &bad))
        return err_set(err, KL_EINVAL, "%s, Zeile %d: ungültiges UTF-8 (Byte %zu)", name,
                       line_of(s, bad), bad);
    while (off < n && strchr(" \t\r\n", s[off]))
        off++;
    if (off < n && s[off] == '[') {
        json_error_t je;
        json_t *a = json_loadb(s, n, 0, &je);
        if (!a)
            return err_set(err, KL_EINVAL, "%s, Zeile %d: ungültiges JSON: %s", name, je.line,
                           je.text);
        size_t i;
        json_t *v;
        int rc = KL_OK;
        json_array_foreach(a, i, v)
        {
            char where[64];
            snprintf(where, sizeof where, "%s, Element %zu", name, i + 1);
            if ((rc = parse_one(v, g, where, b, err)))
                break;
        }
        json_decref(a);
        return rc;
    }
    while (off < n) {
        while (off < n && strchr(" \t\r\n", s[off]))
            off++;
        if (off >= n)
            break;
        json_error_t je;
        int line = line_of(s, off);
        json_t *v = json_loadb(s + off, n - off, JSON_DISABLE_EOF_CHECK, &je);
        if (!v)
            return err_set(err, KL_EINVAL, "%s, Zeile %d: ungültiges JSON: %s", name,
                           line + je.line - 1, je.text);
        char where[64];
        snprintf(where, sizeof where, "%s, Zeile %d", name, line);
        int rc = parse_one(v, g, where, b, err);
        json_decref(v);
        if (rc)
            return rc;
        off += je.position;
    }
    return KL_OK;
}

/* store_batch: put every entry in one transaction. Counts new, changed
 * and unchanged entries. */
static int store_batch(store *s, batch *b, const char *who, const char *reason, int counts[3],
                       char **err)
{
    int rc = store_begin(s, err);
    for (size_t i = 0; !rc && i < b->n; i++) {
        int changed;
        rc = store_put(s, b->e[i], who, reason, 0, &changed, err);
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
    batch b = {0};
    int counts[3] = {0, 0, 0};
    rc = parse_input(text, n, from_stdin ? "stdin" : name, c->g, &b, &err);
    if (!rc)
        rc = store_batch(s, &b, c->user, opts[0].value, counts, &err);
    if (rc) {
        char *msg = xasprintf("%s\nNichts gespeichert.", err ? err : err_name(rc));
        free(err);
        rc = cli_fail(rc, msg);
    } else {
        printf("%zu Einträge gelesen: %d neu, %d geändert, %d unverändert.\n", b.n, counts[0],
               counts[1], counts[2]);
    }
    batch_free(&b);
    free(text);
    return rc;
}
