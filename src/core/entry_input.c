/* entry_input.c: one input text to validated entries (see entry_input.h).
 *
 * An input starting with '[' is one JSON array, read whole. Anything else
 * is a stream of objects, read one at a time with JSON_DISABLE_EOF_CHECK:
 * jansson reports how many bytes each object took, and the next object
 * starts after the whitespace that follows. Lines are counted on the way,
 * so a long JSON Lines file costs one pass, not one pass per object. */
#include "core/entry_input.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/err.h"
#include "util/msg.h"
#include "util/text.h"
#include "util/xalloc.h"

/* A parsed batch: the entries in input order. */
typedef struct batch {
    entry **e;
    size_t n, cap;
} batch;

static void batch_push(batch *b, entry *e)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? 2 * b->cap : 16;
        b->e = xrealloc(b->e, b->cap * sizeof *b->e);
    }
    b->e[b->n++] = e;
}

/* lines_in: the number of line ends in s[from..to). */
static size_t lines_in(const char *s, size_t from, size_t to)
{
    size_t k = 0;
    for (size_t i = from; i < to; i++)
        k += s[i] == '\n';
    return k;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int parse_one(const json_t *j, const geo *g, const char *where, batch *b, char **err)
{
    entry *e;
    int rc = entry_parse(j, g, where, &e, err);
    if (!rc)
        batch_push(b, e);
    return rc;
}

/* parse_array: the JSON array s[0..n); elements are named by number. */
static int parse_array(const char *s, size_t n, size_t line0, const char *name, const geo *g,
                       batch *b, char **err)
{
    json_error_t je;
    json_t *a = json_loadb(s, n, 0, &je);
    if (!a)
        return err_set(err, KL_EINVAL, "%s, Zeile %zu: ungültiges JSON: %s", name,
                       line0 + (size_t)je.line - 1, je.text);
    size_t i;
    json_t *v;
    int rc = KL_OK;
    json_array_foreach(a, i, v)
    {
        char where[512];
        snprintf(where, sizeof where, MSG("%s, Element %zu"), name, i + 1);
        if ((rc = parse_one(v, g, where, b, err)))
            break;
    }
    json_decref(a);
    return rc;
}

/* parse_stream: objects one after another in s[off..n); each is named by
 * the line it starts on. */
static int parse_stream(const char *s, size_t n, size_t off, const char *name, const geo *g,
                        batch *b, char **err)
{
    size_t line = 1 + lines_in(s, 0, off);
    for (;;) {
        size_t from = off;
        while (off < n && is_space(s[off]))
            off++;
        line += lines_in(s, from, off);
        if (off >= n)
            return KL_OK;
        json_error_t je;
        json_t *v = json_loadb(s + off, n - off, JSON_DISABLE_EOF_CHECK, &je);
        if (!v)
            return err_set(err, KL_EINVAL, "%s, Zeile %zu: ungültiges JSON: %s", name,
                           line + (size_t)je.line - 1, je.text);
        char where[512];
        snprintf(where, sizeof where, MSG("%s, Zeile %zu"), name, line);
        int rc = parse_one(v, g, where, b, err);
        json_decref(v);
        if (rc)
            return rc;
        line += lines_in(s, off, off + je.position);
        off += je.position;
    }
}

int entry_input_parse(const char *text, size_t n, const char *name, const geo *g, entry ***out,
                      size_t *count, char **err)
{
    *out = NULL;
    *count = 0;
    size_t bad, off = 0;
    if (!text_utf8_valid(text, n, &bad))
        return err_set(err, KL_EINVAL, "%s, Zeile %zu: ungültiges UTF-8 (Byte %zu)", name,
                       1 + lines_in(text, 0, bad), bad);
    if (n >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF)
        off = 3; /* byte order mark */
    size_t start = off;
    while (start < n && is_space(text[start]))
        start++;
    batch b = {0};
    int rc;
    if (start < n && text[start] == '[')
        rc = parse_array(text + start, n - start, 1 + lines_in(text, 0, start), name, g, &b, err);
    else
        rc = parse_stream(text, n, off, name, g, &b, err);
    if (rc) {
        entry_input_free(b.e, b.n);
        return rc;
    }
    *out = b.e;
    *count = b.n;
    return KL_OK;
}

void entry_input_free(entry **e, size_t count)
{
    for (size_t i = 0; i < count; i++)
        entry_free(e[i]);
    free(e);
}
