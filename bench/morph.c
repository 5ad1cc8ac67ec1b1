/* morph.c: see morph.h. */
#include "morph.h"

#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

#define Z "zentrum", "zentrums", "zentren"
#define FOE "foerderung", "foerderungen"
#define LOE "loesung", "loesungen"
#define STRAT "strategie", "strategien"

const morph_q morph_queries[] = {
    {"Zentren", "plural", {Z, NULL}},
    {"Hochschule", "plural", {"hochschule", "hochschulen", NULL}},
    {"Projekt", "plural", {"projekt", "projekte", "projekten", "projekts", "projektes", NULL}},
    {"Anwendungen", "plural", {"anwendung", "anwendungen", NULL}},
    {"Professur", "plural", {"professur", "professuren", NULL}},
    {"Strategien", "plural", {STRAT, NULL}},
    {"Netzwerke",
     "plural",
     {"netzwerk", "netzwerke", "netzwerken", "netzwerks", "netzwerkes", NULL}},
    {"Kommune", "plural", {"kommune", "kommunen", NULL}},
    {"Plattformen", "plural", {"plattform", "plattformen", NULL}},
    {"Lösung", "plural", {LOE, NULL}},
    {"Zentrum", "compound", {Z, NULL}},
    {"Förderung", "compound", {FOE, NULL}},
    {"Forschung", "compound", {"forschung", "forschungen", NULL}},
    {"Verwaltung", "compound", {"verwaltung", "verwaltungen", NULL}},
    {"Strategie", "compound", {STRAT, NULL}},
    {"Unternehmen", "compound", {"unternehmen", "unternehmens", NULL}},
    {"Bildung", "compound", {"bildung", "bildungen", NULL}},
    {"Kompetenz", "compound", {"kompetenz", "kompetenzen", NULL}},
    {"Muenchen", "umlaut", {"muenchen", NULL}},
    {"Foerderung", "umlaut", {FOE, NULL}},
    {"Loesungen", "umlaut", {LOE, NULL}},
    {"Laender", "umlaut", {"laender", "laendern", NULL}},
    {"Kuenstliche",
     "umlaut",
     {"kuenstliche", "kuenstlichen", "kuenstlicher", "kuenstliches", "kuenstlichem", NULL}},
};
const size_t morph_nq = sizeof morph_queries / sizeof *morph_queries;

/* The words seen so far and their masks: the generated texts are windows
 * of a few documents, so a few thousand distinct words cover a million
 * entries. Open addressing, doubled at half load. */
static struct slot {
    char *w;
    uint64_t mask;
} * tab;
static size_t cap, used;

static uint32_t hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static uint64_t judge(const char *w, size_t n)
{
    uint64_t m = 0;
    for (size_t q = 0; q < morph_nq; q++)
        for (const char *const *f = morph_queries[q].forms; *f; f++) {
            size_t k = strlen(*f);
            if (k <= n && memcmp(w + n - k, *f, k) == 0)
                m |= (uint64_t)1 << q;
        }
    return m;
}

static struct slot *find(struct slot *t, size_t c, const char *w, size_t n)
{
    size_t i = hash(w, n) & (c - 1);
    while (t[i].w && !(strlen(t[i].w) == n && memcmp(t[i].w, w, n) == 0))
        i = (i + 1) & (c - 1);
    return &t[i];
}

static uint64_t word_mask(const char *w, size_t n)
{
    if (2 * (used + 1) > cap) {
        size_t nc = cap ? 2 * cap : 8192;
        struct slot *nt = xcalloc(nc, sizeof *nt);
        for (size_t i = 0; i < cap; i++)
            if (tab[i].w)
                *find(nt, nc, tab[i].w, strlen(tab[i].w)) = tab[i];
        free(tab);
        tab = nt;
        cap = nc;
    }
    struct slot *s = find(tab, cap, w, n);
    if (!s->w) {
        s->w = xstrndup(w, n);
        s->mask = judge(w, n);
        used++;
    }
    return s->mask;
}

static uint64_t text_mask(const char *t)
{
    if (!t)
        return 0;
    sbuf f = SBUF_INIT;
    text_fold(&f, t, strlen(t));
    uint64_t m = 0;
    size_t i = 0, n = f.len;
    const char *s = sbuf_cstr(&f);
    while (i < n) {
        size_t at = i;
        int32_t cp = text_utf8_next(s, n, &i);
        if (!text_is_alnum(cp))
            continue;
        size_t end = i;
        while (end < n) {
            size_t j = end;
            if (!text_is_alnum(text_utf8_next(s, n, &j)))
                break;
            end = j;
        }
        m |= word_mask(s + at, end - at);
        i = end;
    }
    sbuf_free(&f);
    return m;
}

uint64_t morph_relevant(const char *title, const char *summary)
{
    return text_mask(title) | text_mask(summary);
}

void morph_free(void)
{
    for (size_t i = 0; i < cap; i++)
        free(tab[i].w);
    free(tab);
    tab = NULL;
    cap = used = 0;
}
