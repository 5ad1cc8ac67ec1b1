/* fuzz_gazetteer.c: libFuzzer driver for the gazetteer (src/core/geo.c):
 * geo_open_mem on any bytes, and geo_lookup / geo_candidates with the same
 * bytes as a place name against the builtin gazetteer (entries name places
 * in free text).
 *
 * Contract checked: a failed open returns NULL and a message; an opened
 * gazetteer holds at least one place, each with a name, coordinates in
 * range and a Land code; a lookup returns a place of the gazetteer.
 * Corpus: tests/fuzz/corpus/gazetteer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/geo.h"
#include "util/err.h"
#include "util/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_gazetteer: contract broken: %s\n", what);
        abort();
    }
}

static const geo *builtin(void)
{
    static geo *g;
    if (!g && geo_open_builtin(&g, NULL) != KL_OK)
        abort();
    return g;
}

static void check_place(const geo_place *p)
{
    check(p && p->name && p->name[0], "place name");
    check(p->lat >= -90 && p->lat <= 90 && p->lon >= -180 && p->lon <= 180, "coordinates");
    check(p->land && geo_land_by_code(p->land) != NULL, "Land code");
    check(p->population >= 0, "population");
}

/* query: lookup and candidates for name in g. */
static void query(const geo *g, const char *name)
{
    const geo_place *p = NULL;
    char *err = NULL;
    int rc = geo_lookup(g, name, "DE-BY", &p, &err);
    if (rc == KL_OK)
        check_place(p);
    else
        check(rc == KL_ENOTFOUND && err != NULL, "lookup failure has a message");
    free(err);
    const geo_place *c[8];
    size_t k = geo_candidates(g, name, c, 8);
    check(k <= 8, "candidates bounded");
    for (size_t i = 0; i < k; i++)
        check_place(c[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    geo *g = NULL;
    char *err = NULL;
    int rc = geo_open_mem((const char *)data, size, "fuzz", &g, &err);
    /* The bytes up to the first NUL as a name. */
    char *name = xstrndup((const char *)data, size);
    if (rc == KL_OK) {
        check(g && geo_count(g) > 0 && !err, "opened");
        query(g, name);
        /* The first field of the text: a name that is there. */
        name[strcspn(name, "\t\n")] = '\0';
        query(g, name);
        geo_free(g);
    } else {
        check(!g && err != NULL, "failure: no handle, a message");
        free(err);
        query(builtin(), name);
    }
    free(name);
    return 0;
}
