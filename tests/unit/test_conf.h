/* test_conf.h: the fixtures test_conference.c and test_oparl.c share: a
 * shipped document read from the repository, a store with the conference
 * tables in a fresh file, and a document parsed and imported into it.
 * Include after cmocka.h (the helpers assert). */
#ifndef KL_TEST_CONF_H
#define KL_TEST_CONF_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_db.h"
#include "conference/conference.h"
#include "core/store.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* test_slurp: the file rel of the repository, found below $KL_ROOT, else
 * below the working directory or one of the three folders above it; its
 * length in *n. NULL when not found. Caller frees. */
static inline char *test_slurp(const char *rel, size_t *n)
{
    const char *root = getenv("KL_ROOT");
    static const char *const tries[] = {".", "..", "../..", "../../.."};
    for (size_t i = 0; i < 4; i++) {
        char *p = xasprintf("%s/%s", root ? root : tries[i], rel);
        FILE *f = fopen(p, "rb");
        free(p);
        if (!f) {
            if (root)
                break;
            continue;
        }
        sbuf b = SBUF_INIT;
        char buf[65536];
        size_t got;
        while ((got = fread(buf, 1, sizeof buf, f)) > 0)
            sbuf_add(&b, buf, got);
        fclose(f);
        *n = b.len;
        return sbuf_take(&b);
    }
    return NULL;
}

/* A store in a fresh file for one test or group; test_conf_close removes
 * the file. */
typedef struct test_conf {
    char path[64];
    geo *g;
    store *s;
    conf *c; /* NULL when opened at an old schema version */
} test_conf;

/* test_conf_open: the store /tmp/kl-test-TAG-PID.db, new, at schema
 * version (0: the newest, with the conference tables opened into d->c;
 * else d->c stays NULL, for a migration test to fill by hand). */
static inline void test_conf_open(test_conf *d, const char *tag, int version)
{
    snprintf(d->path, sizeof d->path, "/tmp/kl-test-%s-%d.db", tag, (int)getpid());
    unlink(d->path);
    d->c = NULL;
    assert_int_equal(geo_open_builtin(&d->g, NULL), KL_OK);
    assert_int_equal(store_open(d->path, d->g, version, &d->s, NULL), KL_OK);
    if (!version)
        assert_int_equal(conf_open(d->s, &d->c, NULL), KL_OK);
}

static inline void test_conf_close(test_conf *d)
{
    conf_close(d->c);
    store_close(d->s);
    geo_free(d->g);
    test_unlink_db(d->path);
}

/* test_conf_import: conf_import of text[0..n) read as a document of kind
 * under name; returns the count of rows changed. */
static inline int test_conf_import(test_conf *d, const char *text, size_t n, const char *kind,
                                   const char *name)
{
    conf_doc *cd = NULL;
    int changed = -1;
    assert_int_equal(conf_parse(text, n, kind, name, NULL, &cd, NULL), KL_OK);
    assert_int_equal(conf_import(d->c, cd, 0, &changed, NULL), KL_OK);
    conf_doc_free(cd);
    return changed;
}

/* test_conf_import_file: test_conf_import of the repository's file rel
 * under its own name (what follows the last "/"). */
static inline int test_conf_import_file(test_conf *d, const char *rel, const char *kind)
{
    size_t n;
    char *text = test_slurp(rel, &n);
    assert_non_null(text);
    int changed = test_conf_import(d, text, n, kind, strrchr(rel, '/') + 1);
    free(text);
    return changed;
}

#endif
