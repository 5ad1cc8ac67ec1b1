/* geo.c: the gazetteer: parsing data/gazetteer.tsv, the name index,
 * lookup and candidates. See geo.h; the Länder are in geo_land.c.
 *
 * The index is one sorted array of (key, place, tier) over every name of
 * every place: the official name, its alternate names and the short forms
 * of qualified names ("Kempten (Allgäu)" also as "kempten"). Exact lookup
 * and prefix search are binary searches in it. Tier 0 keys come from the
 * official name, tier 1 from the alternate names: "Verl" is an alternate
 * (misspelt) name of Werl in GeoNames, and must not beat the town Verl
 * just because Werl is larger. */
#include "core/geo.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"
#include "util/sbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

/* The bytes of data/gazetteer.tsv, from gazetteer_data.S. */
extern const char kl_gazetteer_data[];
extern const char kl_gazetteer_end[];

typedef struct geo_key_ent {
    size_t off;      /* of the key in g->keys, while the arena still grows */
    const char *key; /* NUL-terminated, set once the arena is complete */
    uint32_t place;
    uint32_t tier; /* 0: from the official name, 1: from an alternate name */
} geo_key_ent;

struct geo {
    char *text; /* copy of the file; place names point into it */
    geo_place *places;
    size_t nplaces;
    char *keys; /* all keys, NUL-separated */
    geo_key_ent *ents;
    size_t nents;
};

/* ---- keys ------------------------------------------------------------ */

/* Words that join a name to its qualifier: "an der", "am", "im", "ob der",
 * "vor der", "a. d.", "i.", "b.". Dropped after the first word, so that
 * the written-out and the abbreviated forms meet ("Neuburg a.d. Donau"). */
static const char *const connectors[] = {
    "a",   "an",  "am", "auf", "b",  "bei", "d",     "den", "der",  "des",
    "dem", "die", "i",  "im",  "in", "ob",  "unter", "vor", "vorm",
};

static int is_connector(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof connectors / sizeof connectors[0]; i++)
        if (strlen(connectors[i]) == n && memcmp(connectors[i], w, n) == 0)
            return 1;
    return 0;
}

/* key_build: append the key of s[0..n) to b (see geo_key) and return the
 * length of its short form, the words before the qualifier ("halle" of
 * "halle saale"), or 0 if the name has no qualifier. A qualifier starts at
 * "(", "/" or a connector after the first word. */
static size_t key_build(sbuf *b, const char *s, size_t n)
{
    size_t start = b->len, short_len = 0, nwords = 0;
    size_t i = 0;
    while (i < n) {
        size_t at = i;
        int32_t cp = text_utf8_next(s, n, &i);
        if (cp < 0)
            continue;
        if (cp == '(' || cp == '/') {
            if (nwords > 0 && !short_len)
                short_len = b->len - start;
            continue;
        }
        if (!text_is_alnum(cp))
            continue;
        /* A word: fold it whole, then decide whether it stays. */
        size_t wstart = b->len;
        if (nwords > 0)
            sbuf_addc(b, ' ');
        size_t fstart = b->len;
        i = at;
        while (i < n) {
            size_t before = i;
            cp = text_utf8_next(s, n, &i);
            if (cp >= 0 && !text_is_alnum(cp)) {
                i = before;
                break;
            }
            if (cp >= 0)
                text_fold_cp(b, cp);
        }
        const char *w = b->s + fstart;
        size_t wn = b->len - fstart;
        if (nwords > 0 && is_connector(w, wn)) {
            if (!short_len)
                short_len = wstart - start;
            b->len = wstart;
            b->s[b->len] = '\0';
            continue;
        }
        if (wn == 2 && memcmp(w, "st", 2) == 0) {
            b->len = fstart;
            sbuf_adds(b, "sankt");
        }
        nwords++;
    }
    return short_len;
}

void geo_key(sbuf *b, const char *s, size_t n)
{
    (void)key_build(b, s, n);
}

/* ---- parsing --------------------------------------------------------- */

/* parse_coord: a decimal number "-12.345" within [-lim, lim]. By hand
 * rather than strtod, which reads "12,5" under a German LC_NUMERIC. */
static int parse_coord(const char *s, double lim, double *out)
{
    int neg = *s == '-';
    s += neg;
    uint64_t m = 0;
    int digits = 0, frac = 0, dot = 0;
    for (; *s; s++) {
        if (*s == '.' && !dot) {
            dot = 1;
        } else if (*s >= '0' && *s <= '9') {
            if (digits >= 15)
                return -1;
            m = m * 10 + (uint64_t)(*s - '0');
            digits++;
            frac += dot;
        } else {
            return -1;
        }
    }
    if (!digits)
        return -1;
    double v = (double)m / pow(10.0, frac);
    if (v > lim)
        return -1;
    *out = neg ? -v : v;
    return 0;
}

static int parse_pop(const char *s, long *out)
{
    if (!*s)
        return -1;
    long v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > 100000000)
            return -1;
        v = v * 10 + (*s - '0');
    }
    *out = v;
    return 0;
}

static void add_ent(geo *g, size_t *cap, size_t off, size_t place, uint32_t tier)
{
    if (g->nents == *cap) {
        *cap = *cap ? *cap * 2 : 1024;
        g->ents = xrealloc(g->ents, *cap * sizeof *g->ents);
    }
    g->ents[g->nents++] = (geo_key_ent){off, NULL, (uint32_t)place, tier};
}

/* index_name: add the key of name (and its short form) for place. */
static void index_name(geo *g, sbuf *keys, size_t *cap, const char *name, size_t n, size_t place,
                       uint32_t tier)
{
    size_t off = keys->len;
    size_t short_len = key_build(keys, name, n);
    if (keys->len == off)
        return; /* nothing but punctuation */
    sbuf_addc(keys, '\0');
    add_ent(g, cap, off, place, tier);
    if (short_len) {
        /* Copied byte by byte by offset: an sbuf_add from keys->s itself
         * would read freed memory when the append moves the buffer. */
        size_t soff = keys->len;
        for (size_t k = 0; k < short_len; k++)
            sbuf_addc(keys, keys->s[off + k]);
        sbuf_addc(keys, '\0');
        add_ent(g, cap, soff, place, tier);
    }
}

static int ent_cmp(const void *a, const void *b)
{
    const geo_key_ent *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    if (x->place != y->place)
        return x->place < y->place ? -1 : 1;
    return (x->tier > y->tier) - (x->tier < y->tier);
}

#define GEO_FIELDS 6

/* parse_line: split line (NUL-terminated, inside g->text) into a place
 * and its index entries. where and lineno name it in messages. */
static int parse_line(geo *g, sbuf *keys, size_t *cap, char *line, const char *where, size_t lineno,
                      char **err)
{
    char *f[GEO_FIELDS];
    size_t nf = 0;
    for (char *p = line;; p++) {
        if (nf < GEO_FIELDS)
            f[nf] = p;
        nf++;
        p = strchr(p, '\t');
        if (!p)
            break;
        *p = '\0';
    }
    /* The last column may be missing when a place has no other names and
     * an editor stripped the trailing tab. */
    if (nf == GEO_FIELDS - 1)
        f[nf] = f[nf - 1] + strlen(f[nf - 1]); /* its NUL: empty */
    else if (nf != GEO_FIELDS)
        return err_set(err, KL_EINVAL,
                       "%s, Zeile %zu: %zu statt 6 Tab-getrennter Felder (Name, Breite, Länge, "
                       "Land, Einwohner, weitere Namen)",
                       where, lineno, nf);
    geo_place pl;
    if (!f[0][0])
        return err_set(err, KL_EINVAL, "%s, Zeile %zu: der Name fehlt", where, lineno);
    if (!text_utf8_valid(f[0], strlen(f[0]), NULL) || !text_utf8_valid(f[5], strlen(f[5]), NULL))
        return err_set(err, KL_EINVAL, "%s, Zeile %zu: kein gültiges UTF-8", where, lineno);
    if (parse_coord(f[1], 90.0, &pl.lat) < 0)
        return err_set(err, KL_EINVAL,
                       "%s, Zeile %zu: Breite „%s“ ist keine Dezimalzahl zwischen -90 und 90",
                       where, lineno, f[1]);
    if (parse_coord(f[2], 180.0, &pl.lon) < 0)
        return err_set(err, KL_EINVAL,
                       "%s, Zeile %zu: Länge „%s“ ist keine Dezimalzahl zwischen -180 und 180",
                       where, lineno, f[2]);
    const geo_land *l = geo_land_by_code(f[3]);
    if (!l)
        return err_set(err, KL_EINVAL, "%s, Zeile %zu: Land „%s“ ist kein Code wie DE-BY", where,
                       lineno, f[3]);
    if (parse_pop(f[4], &pl.population) < 0)
        return err_set(err, KL_EINVAL,
                       "%s, Zeile %zu: Einwohnerzahl „%s“ ist keine ganze Zahl ab 0", where, lineno,
                       f[4]);
    pl.name = f[0];
    pl.land = l->code; /* static, so places share it */
    size_t idx = g->nplaces++;
    g->places[idx] = pl;
    index_name(g, keys, cap, f[0], strlen(f[0]), idx, 0);
    for (const char *a = f[5]; *a;) {
        const char *e = strchr(a, '|');
        size_t n = e ? (size_t)(e - a) : strlen(a);
        index_name(g, keys, cap, a, n, idx, 1);
        a += n + (e != NULL);
    }
    return KL_OK;
}

/* geo_parse: build g from the n bytes at src (copied). */
static int geo_parse(const char *src, size_t n, const char *where, geo **out, char **err)
{
    *out = NULL;
    geo *g = xcalloc(1, sizeof *g);
    sbuf keys = SBUF_INIT;
    size_t cap = 0, nlines = 1, lineno = 0;
    int rc = KL_OK;
    g->text = xmalloc(n + 1);
    memcpy(g->text, src, n);
    g->text[n] = '\0';
    if (memchr(g->text, '\0', n)) {
        rc = err_set(err, KL_EINVAL, "%s: enthält NUL-Bytes, ist keine Textdatei", where);
        goto done;
    }
    for (const char *p = g->text; (p = strchr(p, '\n')); p++)
        nlines++;
    g->places = xmalloc(nlines * sizeof *g->places);
    for (char *line = g->text; *line;) {
        char *nl = strchr(line, '\n');
        char *next = nl ? nl + 1 : line + strlen(line);
        if (nl)
            *nl = '\0';
        lineno++;
        size_t len = strlen(line);
        if (len && line[len - 1] == '\r')
            line[--len] = '\0';
        if (len && line[0] != '#') {
            rc = parse_line(g, &keys, &cap, line, where, lineno, err);
            if (rc)
                goto done;
        }
        line = next;
    }
    if (!g->nplaces) {
        rc = err_set(err, KL_EINVAL, "%s: enthält keine Orte", where);
        goto done;
    }
    g->keys = sbuf_take(&keys);
    for (size_t i = 0; i < g->nents; i++)
        g->ents[i].key = g->keys + g->ents[i].off;
    qsort(g->ents, g->nents, sizeof *g->ents, ent_cmp);
    /* One entry per (key, place), the best tier: the sort put it first. */
    size_t w = 0;
    for (size_t i = 0; i < g->nents; i++) {
        if (w && g->ents[w - 1].place == g->ents[i].place &&
            strcmp(g->ents[w - 1].key, g->ents[i].key) == 0)
            continue;
        g->ents[w++] = g->ents[i];
    }
    g->nents = w;
done:
    sbuf_free(&keys);
    if (rc) {
        geo_free(g);
        return rc;
    }
    *out = g;
    return KL_OK;
}

int geo_open_builtin(geo **out, char **err)
{
    size_t n = (size_t)((uintptr_t)kl_gazetteer_end - (uintptr_t)kl_gazetteer_data);
    return geo_parse(kl_gazetteer_data, n, "eingebautes Ortsverzeichnis", out, err);
}

int geo_open_mem(const char *data, size_t n, const char *name, geo **out, char **err)
{
    return geo_parse(n ? data : "", n, name, out, err);
}

int geo_open(const char *path, geo **out, char **err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return err_set(err, KL_EIO, "Ortsverzeichnis %s kann nicht geöffnet werden: %s", path,
                       strerror(errno));
    sbuf b = SBUF_INIT;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sbuf_add(&b, buf, n);
    int rc;
    if (ferror(f))
        rc = err_set(err, KL_EIO, "Ortsverzeichnis %s kann nicht gelesen werden: %s", path,
                     strerror(errno));
    else
        rc = geo_parse(b.s ? b.s : "", b.len, path, out, err);
    fclose(f);
    sbuf_free(&b);
    return rc;
}

void geo_free(geo *g)
{
    if (!g)
        return;
    free(g->text);
    free(g->places);
    free(g->keys);
    free(g->ents);
    free(g);
}

size_t geo_count(const geo *g)
{
    return g->nplaces;
}

/* ---- lookup ---------------------------------------------------------- */

/* lower_bound: the first entry whose key is not less than key. */
static size_t lower_bound(const geo *g, const char *key)
{
    size_t lo = 0, hi = g->nents;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(g->ents[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* better: 1 if entry a is a better answer than b: in the hinted Land,
 * then from the official name, then the larger place, then the first. */
static int better(const geo *g, const geo_key_ent *a, const geo_key_ent *b, const char *hint)
{
    const geo_place *pa = &g->places[a->place], *pb = &g->places[b->place];
    int ha = hint && pa->land == hint, hb = hint && pb->land == hint;
    if (ha != hb)
        return ha;
    if (a->tier != b->tier)
        return a->tier < b->tier;
    if (pa->population != pb->population)
        return pa->population > pb->population;
    return a->place < b->place;
}

/* best_match: the best entry whose key equals key (or, with prefix, begins
 * with it), or NULL. */
static const geo_key_ent *best_match(const geo *g, const char *key, int prefix, const char *hint)
{
    size_t kn = strlen(key);
    const geo_key_ent *best = NULL;
    for (size_t i = lower_bound(g, key); i < g->nents; i++) {
        const geo_key_ent *e = &g->ents[i];
        if (prefix ? strncmp(e->key, key, kn) != 0 : strcmp(e->key, key) != 0)
            break;
        if (!best || better(g, e, best, hint))
            best = e;
    }
    return best;
}

/* top_add: keep out[0..*n) the up to max largest distinct places. */
static void top_add(const geo_place **out, size_t *n, size_t max, const geo_place *p)
{
    for (size_t i = 0; i < *n; i++)
        if (out[i] == p)
            return;
    size_t at = *n;
    while (at > 0 && out[at - 1]->population < p->population)
        at--;
    if (at >= max)
        return;
    size_t last = *n < max ? *n : max - 1;
    memmove(out + at + 1, out + at, (last - at) * sizeof *out);
    out[at] = p;
    if (*n < max)
        (*n)++;
}

static size_t prefix_places(const geo *g, const char *key, const geo_place **out, size_t max)
{
    size_t n = 0, kn = strlen(key);
    if (!max || !kn)
        return 0;
    for (size_t i = lower_bound(g, key); i < g->nents; i++) {
        if (strncmp(g->ents[i].key, key, kn) != 0)
            break;
        top_add(out, &n, max, &g->places[g->ents[i].place]);
    }
    return n;
}

size_t geo_candidates(const geo *g, const char *query, const geo_place **out, size_t max)
{
    if (!query)
        return 0;
    sbuf k = SBUF_INIT;
    geo_key(&k, query, strlen(query));
    size_t n = prefix_places(g, sbuf_cstr(&k), out, max);
    sbuf_free(&k);
    return n;
}

#define EDIT_MAX 2
#define EDIT_LEN 64

/* edit_within: Levenshtein distance of a and b if at most EDIT_MAX, else
 * EDIT_MAX + 1. Stops as soon as a row exceeds the bound. */
static int edit_within(const char *a, size_t an, const char *b, size_t bn)
{
    if (an > EDIT_LEN || bn > EDIT_LEN || (an > bn ? an - bn : bn - an) > EDIT_MAX)
        return EDIT_MAX + 1;
    int row[EDIT_LEN + 1];
    for (size_t j = 0; j <= bn; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= an; i++) {
        int diag = row[0], lo = (int)i;
        row[0] = (int)i;
        for (size_t j = 1; j <= bn; j++) {
            int up = row[j];
            int v = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < lo)
                lo = v;
        }
        if (lo > EDIT_MAX)
            return EDIT_MAX + 1;
    }
    return row[bn];
}

#define NEAR_MAX 5

/* near_places: up to max (<= NEAR_MAX) places with a key within EDIT_MAX
 * edits of key, nearest first, then largest. Only reached for a name that
 * is not found, so one plain pass over the index is cheap enough (about a
 * millisecond: most keys fail the length test). */
static size_t near_places(const geo *g, const char *key, const geo_place **out, size_t max)
{
    const geo_place *top[EDIT_MAX][NEAR_MAX];
    size_t nt[EDIT_MAX] = {0}, n = 0, kn = strlen(key);
    int d = EDIT_MAX + 1;
    if (max > NEAR_MAX)
        max = NEAR_MAX;
    for (size_t i = 0; i < g->nents; i++) {
        const geo_key_ent *e = &g->ents[i];
        /* Equal keys are adjacent: measure each once. */
        if (i == 0 || strcmp(e->key, g->ents[i - 1].key) != 0)
            d = edit_within(e->key, strlen(e->key), key, kn);
        if (d >= 1 && d <= EDIT_MAX)
            top_add(top[d - 1], &nt[d - 1], max, &g->places[e->place]);
    }
    for (int k = 0; k < EDIT_MAX; k++)
        for (size_t i = 0; i < nt[k] && n < max; i++) {
            size_t j = 0;
            while (j < n && out[j] != top[k][i])
                j++;
            if (j == n)
                out[n++] = top[k][i];
        }
    return n;
}

int geo_lookup(const geo *g, const char *name, const char *land_hint, const geo_place **out,
               char **err)
{
    *out = NULL;
    if (!name)
        name = "";
    /* The hint is mostly an ISO code; names ("Bayern") are understood too. */
    const geo_land *hl = geo_land_by_code(land_hint);
    if (!hl)
        hl = geo_land_find(land_hint);
    const char *hint = hl ? hl->code : NULL;
    sbuf k = SBUF_INIT;
    size_t short_len = key_build(&k, name, strlen(name));
    const char *key = sbuf_cstr(&k);
    const geo_key_ent *e = best_match(g, key, 0, hint);
    /* An abbreviated qualifier: "Freiburg i. Br.", "Weilheim i. OB" begin
     * the key of "Freiburg im Breisgau", "Weilheim in Oberbayern". */
    if (!e && short_len && k.len - short_len > 2)
        e = best_match(g, key, 1, hint);
    int rc = KL_OK;
    if (e) {
        *out = &g->places[e->place];
        goto done;
    }
    rc = KL_ENOTFOUND;
    if (!err)
        goto done;
    const geo_place *cand[5];
    size_t nc = prefix_places(g, key, cand, 5);
    if (!nc && short_len) {
        /* "Frankfurt an der Spree": offer the Frankfurts. */
        char *s = xstrndup(key, short_len);
        nc = prefix_places(g, s, cand, 5);
        free(s);
    }
    if (!nc && *key)
        nc = near_places(g, key, cand, 5);
    if (!nc) {
        err_set(err, rc, "Ort „%s“ nicht im Ortsverzeichnis gefunden", name);
        goto done;
    }
    sbuf m = SBUF_INIT;
    for (size_t i = 0; i < nc; i++)
        sbuf_addf(&m, "%s%s (%s)", i ? ", " : "", cand[i]->name, cand[i]->land);
    err_set(err, rc, "Ort „%s“ nicht im Ortsverzeichnis gefunden; meinten Sie: %s?", name,
            sbuf_cstr(&m));
    sbuf_free(&m);
done:
    sbuf_free(&k);
    return rc;
}

/* ---- geometry -------------------------------------------------------- */

double geo_distance_km(double lat1, double lon1, double lat2, double lon2)
{
    const double rad = M_PI / 180.0;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2.0 * 6371.0 * atan2(sqrt(a), sqrt(1.0 - a));
}

int geo_in_germany(double lat, double lon)
{
    return lat >= 47.2 && lat <= 55.1 && lon >= 5.8 && lon <= 15.1;
}
