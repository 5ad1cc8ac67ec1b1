/* gazcache.c: gazetteer answers cached for one extraction run.
 *
 * The place rules ask the gazetteer about the same words again and again
 * (every capitalised word of a report is a candidate, and a report names
 * its cities and Länder many times); geo_lookup folds and searches and
 * geo_land_find folds the names of all Länder on every call. The cache
 * keeps, per (word, Land hint), the place found and, once asked for, the
 * Land the word names. Owned by one extract_run; nothing is shared. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "util/xalloc.h"

typedef struct slot {
    char *name; /* NULL: empty */
    size_t n;
    const char *hint;
    const geo_place *place;
    const geo_land *land;
    int land_done;
} slot;

/* The hint of slots that only answer xpcache_land (no place looked up). */
static const char land_only[] = "";

struct xpcache {
    slot *v;
    size_t cap, used;
};

xpcache *xpcache_new(void)
{
    xpcache *c = xcalloc(1, sizeof *c);
    c->cap = 256;
    c->v = xcalloc(c->cap, sizeof *c->v);
    return c;
}

void xpcache_free(xpcache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->cap; i++)
        free(c->v[i].name);
    free(c->v);
    free(c);
}

static uint64_t hash(const char *s, size_t n, const char *hint)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    for (; hint && *hint; hint++)
        h = (h ^ (unsigned char)*hint) * 1099511628211ULL;
    return h;
}

static int same_hint(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static slot *find(xpcache *c, const char *s, size_t n, const char *hint)
{
    size_t i = (size_t)hash(s, n, hint) & (c->cap - 1);
    while (c->v[i].name &&
           !(c->v[i].n == n && memcmp(c->v[i].name, s, n) == 0 && same_hint(c->v[i].hint, hint)))
        i = (i + 1) & (c->cap - 1);
    return &c->v[i];
}

static void grow(xpcache *c)
{
    slot *old = c->v;
    size_t oc = c->cap;
    c->cap *= 2;
    c->v = xcalloc(c->cap, sizeof *c->v);
    for (size_t i = 0; i < oc; i++)
        if (old[i].name)
            *find(c, old[i].name, old[i].n, old[i].hint) = old[i];
    free(old);
}

const geo_land *xpcache_land(xpcache *c, const char *s, size_t n)
{
    if (!c) {
        char *w = xstrndup(s, n);
        const geo_land *l = geo_land_find(w);
        free(w);
        return l;
    }
    slot *e = find(c, s, n, land_only);
    if (!e->name) {
        if (2 * (c->used + 1) > c->cap) {
            grow(c);
            e = find(c, s, n, land_only);
        }
        e->name = xstrndup(s, n);
        e->n = n;
        e->hint = land_only;
        e->land = geo_land_find(e->name);
        e->land_done = 1;
        c->used++;
    }
    return e->land;
}

int xpcache_lookup(xpcache *c, const geo *g, const char *s, size_t n, const char *hint,
                   const geo_place **place, const geo_land **land)
{
    slot *e = find(c, s, n, hint);
    if (!e->name) {
        if (2 * (c->used + 1) > c->cap) {
            grow(c);
            e = find(c, s, n, hint);
        }
        e->name = xstrndup(s, n);
        e->n = n;
        e->hint = hint;
        if (geo_lookup(g, e->name, hint, &e->place, NULL) != 0)
            e->place = NULL;
        c->used++;
    }
    if (land && !e->land_done) {
        e->land = geo_land_find(e->name);
        e->land_done = 1;
    }
    *place = e->place;
    if (land)
        *land = e->land;
    return e->place != NULL;
}
