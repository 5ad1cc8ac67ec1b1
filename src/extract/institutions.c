/* institutions.c: AI institutions of one Land (data/institutions.tsv),
 * whose Land a text need not say: "Der Bund fördert ... MCML, BIFOLD,
 * Lamarr-Institut und ScaDS.AI" speaks of centres of Bayern, Berlin,
 * Nordrhein-Westfalen and Sachsen. The list is parsed once into static
 * tables (no allocation); its names are compared folded. */
#include <pthread.h>
#include <string.h>

#include "extract/extract_int.h"
#include "util/sbuf.h"
#include "util/text.h"

extern const char kl_institutions_data[];
extern const char kl_institutions_end[];

enum { MAX_NAMES = 96, POOL = 8192 };

static struct {
    unsigned off, len;
    char land[6];
} names[MAX_NAMES];
static size_t nnames;
static char pool[POOL];
static size_t used;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* add: the name s[0..n) of the institution of Land land, folded. */
static void add(const char *s, size_t n, const char *land, size_t ll)
{
    sbuf f = SBUF_INIT;
    xfold(&f, s, n);
    for (size_t k = 0; k < f.len; k++)
        if (f.s[k] == '-')
            f.s[k] = ' ';
    if (nnames < MAX_NAMES && f.len > 0 && used + f.len <= POOL && ll < sizeof names[0].land) {
        memcpy(pool + used, f.s, f.len);
        names[nnames].off = (unsigned)used;
        names[nnames].len = (unsigned)f.len;
        memcpy(names[nnames].land, land, ll);
        names[nnames].land[ll] = '\0';
        used += f.len;
        nnames++;
    }
    sbuf_free(&f);
}

/* parse: every line "name TAB land TAB other|names TAB source"; '#'
 * begins a comment line. */
static void parse(void)
{
    const char *p = kl_institutions_data, *end = kl_institutions_end;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        const char *t1 = memchr(p, '\t', (size_t)(e - p));
        const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(e - t1 - 1)) : NULL;
        if (*p != '#' && t1 && t1 > p) {
            const char *le = t2 ? t2 : e;
            size_t ll = (size_t)(le - t1 - 1);
            add(p, (size_t)(t1 - p), t1 + 1, ll);
            const char *o = t2 ? t2 + 1 : e;
            const char *oe = o < e ? memchr(o, '\t', (size_t)(e - o)) : NULL;
            if (!oe)
                oe = e;
            while (o < oe) {
                const char *bar = memchr(o, '|', (size_t)(oe - o));
                const char *q = bar ? bar : oe;
                if (q > o)
                    add(o, (size_t)(q - o), t1 + 1, ll);
                o = q + 1;
            }
        }
        p = e + 1;
    }
}

const char *xinst_land(const char *s, size_t n)
{
    pthread_once(&once, parse);
    if (n == 0 || n > 200)
        return NULL;
    sbuf f = SBUF_INIT;
    xfold(&f, s, n);
    const char *land = NULL;
    /* a hyphen and a space alike: "Cyber-Valley", "Cyber Valley" */
    for (size_t k = 0; k < f.len; k++)
        if (f.s[k] == '-')
            f.s[k] = ' ';
    /* at any word: "Projekt Cyber Valley", "Standort des MCML" */
    for (size_t at = 0; at < f.len && !land; at++) {
        if (at > 0 && f.s[at - 1] != ' ')
            continue;
        for (size_t i = 0; i < nnames && !land; i++) {
            size_t l = names[i].len;
            if (f.len - at >= l && memcmp(f.s + at, pool + names[i].off, l) == 0 &&
                (f.len - at == l || f.s[at + l] == ' '))
                land = names[i].land;
        }
    }
    sbuf_free(&f);
    return land;
}
