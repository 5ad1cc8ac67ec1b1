/* propose_same.c: another form of the title of an activity named before:
 * the same count of the same head, the same words in another order or
 * spelling, a head noun and the short form or coined name. Used by
 * merge_name (propose_merge.c) when no key matches. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "extract/propose_int.h"
#include "util/sbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

/* last_head: the last word of t[0..n) folded, without "ki-"
 * ("KI-Professuren" and "Professuren" alike); caller frees. */
static char *last_head(const char *t, size_t n)
{
    size_t a = n;
    while (a > 0 && t[a - 1] != ' ')
        a--;
    sbuf f = SBUF_INIT;
    xfold(&f, t + a, n - a);
    char *r = xstrdup(f.len > 3 && memcmp(f.s, "ki-", 3) == 0 ? f.s + 3 : sbuf_cstr(&f));
    sbuf_free(&f);
    return r;
}

/* same_count: "100 zusätzliche Professuren" after "100 zusätzliche neue
 * KI-Professuren": the same number of the same thing is the same
 * programme. SIZE_MAX if none. */
size_t xprop_same_count(const pctx *p, const xname *n)
{
    const char *t = p->s + n->a;
    size_t d = 0, l = n->b - n->a;
    while (d < l && t[d] >= '0' && t[d] <= '9')
        d++;
    if (d == 0 || d >= l || t[d] != ' ' || n->head_b <= n->head_a)
        return SIZE_MAX;
    /* the head words, not the last words ("... für Künstliche Intelligenz") */
    char *h = last_head(p->s + n->head_a, n->head_b - n->head_a);
    size_t found = SIZE_MAX;
    for (size_t i = 0; i < p->na && found == SIZE_MAX; i++) {
        const act *a = &p->acts[i];
        if (strncmp(a->title, t, d + 1) != 0 || !a->head)
            continue;
        char *ah = last_head(a->head, strlen(a->head));
        if (strcmp(ah, h) == 0)
            found = i;
        free(ah);
    }
    free(h);
    return found;
}

/* ordinal: the number of a leading ordinal of t[0..n) ("3." -> 3), 0 if
 * none. */
static long ordinal(const char *t, size_t n)
{
    long v = 0;
    size_t k = 0;
    while (k < n && k < 4 && t[k] >= '0' && t[k] <= '9')
        v = v * 10 + (t[k++] - '0');
    return k > 0 && k < n && t[k] == '.' ? v : 0;
}

/* squash: t folded without its separators, without the word "ki" and a
 * leading ordinal ("3. Landes-KI-Konferenz in Lübeck" and
 * "KI-Landeskonferenz in Lübeck": "landeskonferenzinluebeck"); caller
 * frees. */
static char *squash(const char *t, size_t n)
{
    sbuf f = SBUF_INIT, o = SBUF_INIT;
    xfold(&f, t, n);
    const char *p = sbuf_cstr(&f);
    int first = 1;
    while (*p) {
        size_t l = strcspn(p, " -");
        int ordinal = first && l >= 2 && p[l - 1] == '.' && p[0] >= '0' && p[0] <= '9';
        if (!(l == 2 && p[0] == 'k' && p[1] == 'i') && !ordinal)
            for (size_t i = 0; i < l; i++)
                if (text_is_alnum((unsigned char)p[i]))
                    sbuf_addc(&o, p[i]);
        first = 0;
        p += l;
        p += *p != '\0';
    }
    sbuf_free(&f);
    char *r = xstrdup(sbuf_cstr(&o));
    sbuf_free(&o);
    return r;
}

/* same_squashed: the activity whose title is t[0..n) but for separators,
 * the word KI and an ordinal; SIZE_MAX if none. */
size_t xprop_same_squashed(pctx *p, const char *t, size_t n)
{
    char *q = squash(t, n);
    long o = ordinal(t, n);
    size_t found = SIZE_MAX;
    for (size_t i = 0; i < p->na && found == SIZE_MAX && strlen(q) >= 8; i++) {
        act *a = &p->acts[i];
        if (!a->squashed) /* a new title (retitle) drops it */
            a->squashed = squash(a->title, strlen(a->title));
        /* "1. KI-Gipfel Kiel" and "2. KI-Gipfel Kiel" are two */
        long ao = ordinal(a->title, strlen(a->title));
        if (strcmp(a->squashed, q) == 0 && (!o || !ao || o == ao))
            found = i;
    }
    free(q);
    return found;
}

/* head_then: the activity titled by a head noun and s[0..n) ("Plattform
 * PLAIN" for the short form PLAIN of "Platform Analysis and Information
 * System"); SIZE_MAX if none. */
size_t xprop_head_then(const pctx *p, const char *s, size_t n)
{
    for (size_t i = 0; i < p->na; i++) {
        const char *t = p->acts[i].title, *sp = strchr(t, ' ');
        if (sp && strlen(sp + 1) == n && memcmp(sp + 1, s, n) == 0 && p->acts[i].head)
            return i;
    }
    return SIZE_MAX;
}

/* same_coined_tail: "Sprachmodell GovTeuken" after "Projekt GovTeuken":
 * a head noun and the same coined name (a capital inside or a digit) are
 * the same activity. */
size_t xprop_same_coined_tail(const pctx *p, const char *t, size_t n)
{
    const char *sp = memchr(t, ' ', n);
    if (!sp || memchr(sp + 1, ' ', (size_t)(t + n - sp - 1)))
        return SIZE_MAX; /* two words */
    const char *w = sp + 1;
    size_t wl = (size_t)(t + n - w);
    int coined = 0;
    for (size_t i = 1; i < wl; i++)
        coined |= (w[i] >= 'A' && w[i] <= 'Z') || (w[i] >= '0' && w[i] <= '9');
    if (wl < 5 || !coined)
        return SIZE_MAX;
    for (size_t i = 0; i < p->na; i++) {
        const char *at = p->acts[i].title, *s2 = strchr(at, ' ');
        if (s2 && !strchr(s2 + 1, ' ') && strlen(s2 + 1) == wl && memcmp(s2 + 1, w, wl) == 0)
            return i;
    }
    return SIZE_MAX;
}

int xprop_has_word(const char *hay, const char *w, size_t wl)
{
    for (const char *q = hay; *q; q++)
        if ((q == hay || q[-1] == ' ') && strncmp(q, w, wl) == 0 && (q[wl] == ' ' || q[wl] == '\0'))
            return 1;
    return 0;
}

/* head_and_alias: "Zentrum KI MV" after "Zentrum für Künstliche
 * Intelligenz in Mecklenburg-Vorpommern (KI MV)": a head noun of the
 * title, then the title's short name, is the same activity. */
size_t xprop_head_and_alias(const pctx *p, const char *t, size_t n)
{
    const char *sp = memchr(t, ' ', n);
    if (!sp)
        return SIZE_MAX;
    size_t hl = (size_t)(sp - t), rl = n - hl - 1;
    for (size_t i = 0; i < p->na; i++) {
        const act *a = &p->acts[i];
        /* or the head a word of the title: "Regionales Kompetenzzentrum
         * der ..." with the alias "K-M-I", then "Kompetenzzentrum K-M-I" */
        if (!xprop_has_word(a->title, t, hl))
            continue;
        size_t k;
        json_t *v;
        json_array_foreach(a->aliases, k,
                           v) if (json_string_length(v) == rl &&
                                  memcmp(json_string_value(v), sp + 1, rl) == 0) return i;
    }
    return SIZE_MAX;
}
