/* names_words.c: the sentences and words of a text for names.c: sentence
 * and word boundaries, the tests of one word (does it look like a name,
 * is it in a list), and the marks every word gets once (folded form,
 * name-like, plural, organisation), kept in a cache across sections. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "util/text.h"
#include "util/xalloc.h"

int xw_closing_quote(const char *s)
{
    return (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
           ((unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x9D);
}

int xw_long_dash(const char *s)
{
    return (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
           ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94);
}

int xw_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int cp_upper(int32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || cp == 0x1E9E ||
           (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0);
}

static int cp_lower(int32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
           (cp >= 0x100 && cp <= 0x17F && cp % 2 == 1);
}

/* ASCII first: these run for every character of every word. */
int xis_upper_at(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    size_t j = i;
    return cp_upper(text_utf8_next(s, n, &j));
}

int xis_lower_at(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    size_t j = i;
    return cp_lower(text_utf8_next(s, n, &j));
}

static const char *const abbrevs[] = {
    "z.B",  "B",    "bzw",   "Dr",  "Prof", "ca",   "sog",  "bspw",  "Nr",  "Mio",
    "Mrd",  "v.a",  "o.g",   "u.a", "St",   "Ziff", "Vgl",  "vgl",   "Abs", "ggf",
    "etc",  "inkl", "max",   "min", "Mrd",  "d.h",  "z.T",  "i.d.R", "Tsd", "Std",
    "evtl", "usw",  "u.s.w", "Jh",  "Art",  "Kap",  "Dipl", "gem",   "lt",  "s.g",
    "a",    "w",    "g",     "s",   "o",    "u",    "d",    "v",     "z",
};

/* no_split_before: the word ending at s[dot] (exclusive) is an
 * abbreviation or a number, so the dot ends no sentence. */
static int no_split_before(const char *s, size_t from, size_t dot)
{
    size_t a = dot;
    while (a > from && s[a - 1] != ' ' && s[a - 1] != '\n' && s[a - 1] != '(')
        a--;
    if (a == dot)
        return 0;
    int digits = 1;
    for (size_t i = a; i < dot; i++)
        digits &= xw_is_digit(s[i]) || s[i] == '.';
    if (digits)
        return 1;
    if (dot - a > 5) /* longer than any abbreviation ("i.d.R", "u.s.w") */
        return 0;
    for (size_t k = 0; k < sizeof abbrevs / sizeof abbrevs[0]; k++)
        if (strlen(abbrevs[k]) == dot - a && memcmp(abbrevs[k], s + a, dot - a) == 0)
            return 1;
    return 0;
}

size_t xsentences(const char *s, size_t a, size_t e, xspan **out)
{
    size_t cap = 32, n = 0, st = a;
    xspan *v = xmalloc(cap * sizeof *v);
    int quote = 0;
    for (size_t i = a; i <= e; i++) {
        int end = i == e || s[i] == '\n';
        if (!end && s[i] == '\xE2' && i + 3 <= e && memcmp(s + i, "\xE2\x80\x9E", 3) == 0)
            quote = 1;
        else if (!end && s[i] == '\xE2' && i + 3 <= e && memcmp(s + i, "\xE2\x80\x9C", 3) == 0)
            quote = 0;
        size_t cut = i;
        if (!end && !quote && (s[i] == '.' || s[i] == '!' || s[i] == '?') && i + 1 < e &&
            s[i + 1] == ' ' &&
            (xis_upper_at(s, e, i + 2) || xw_is_digit(s[i + 2]) ||
             (i + 4 < e && memcmp(s + i + 2, "\xE2\x80\x9E", 3) == 0)) &&
            !(s[i] == '.' && no_split_before(s, st, i))) {
            end = 1;
            cut = i + 1;
        }
        if (!end)
            continue;
        size_t x = st, y = cut;
        while (x < y && (s[x] == ' ' || s[x] == '\n'))
            x++;
        while (y > x && (s[y - 1] == ' ' || s[y - 1] == '\n'))
            y--;
        if (y > x) {
            if (n == cap) {
                cap *= 2;
                v = xrealloc(v, cap * sizeof *v);
            }
            v[n++] = (xspan){x, y};
        }
        st = cut + (cut == i ? 1 : 0);
        if (s[i] == '\n')
            quote = 0;
    }
    *out = v;
    return n;
}

/* Quote marks: „ “ ” « » and ASCII "; guillemets either way round
 * (»Name« in German print, «Name» in news agencies' copy); the single
 * ones ‚Name‘ and ‘Name‘ of web pages too. */
static size_t open_quote(const char *s, size_t n, size_t i)
{
    if (i + 3 <= n &&
        (memcmp(s + i, "\xE2\x80\x9E", 3) == 0 || memcmp(s + i, "\xE2\x80\x9C", 3) == 0 ||
         memcmp(s + i, "\xE2\x80\x9A", 3) == 0 || memcmp(s + i, "\xE2\x80\x98", 3) == 0))
        return 3;
    if (i + 2 <= n && (memcmp(s + i, "\xC2\xBB", 2) == 0 || memcmp(s + i, "\xC2\xAB", 2) == 0))
        return 2;
    /* 'EndoKI' of typewriter copy: a single quote before a capital */
    if (s[i] == '\'' && i + 1 < n && s[i + 1] >= 'A' && s[i + 1] <= 'Z')
        return 1;
    return s[i] == '"' ? 1 : 0;
}

static size_t close_quote_back(const char *s, size_t a, size_t e)
{
    if (e >= a + 3 &&
        (memcmp(s + e - 3, "\xE2\x80\x9C", 3) == 0 || memcmp(s + e - 3, "\xE2\x80\x9D", 3) == 0 ||
         memcmp(s + e - 3, "\xE2\x80\x98", 3) == 0 || memcmp(s + e - 3, "\xE2\x80\x99", 3) == 0))
        return 3;
    if (e >= a + 2 &&
        (memcmp(s + e - 2, "\xC2\xAB", 2) == 0 || memcmp(s + e - 2, "\xC2\xBB", 2) == 0))
        return 2;
    /* 'EndoKI': after a letter or digit, not "Klaus'" (a genitive) */
    if (e >= a + 2 && s[e - 1] == '\'' && !strchr("sxz'", s[e - 2]) &&
        ((s[e - 2] >= 'A' && s[e - 2] <= 'Z') || (s[e - 2] >= 'a' && s[e - 2] <= 'z') ||
         xw_is_digit(s[e - 2])))
        return 1;
    return e > a && s[e - 1] == '"' ? 1 : 0;
}

size_t xwords(const char *s, size_t a, size_t e, xword **out)
{
    size_t cap = 64, n = 0, i = a;
    xword *v = xmalloc(cap * sizeof *v);
    while (i < e) {
        while (i < e && s[i] == ' ')
            i++;
        if (i >= e)
            break;
        size_t ws = i;
        while (i < e && s[i] != ' ')
            i++;
        xword w = {0};
        w.ts = ws;
        w.te = i;
        size_t x = ws, y = i, k;
        for (;;) {
            if (x < y && (k = open_quote(s, y, x))) {
                w.qopen = 1;
                w.qsingle_open = (k == 3 && ((unsigned char)s[x + 2] == 0x9A ||
                                             (unsigned char)s[x + 2] == 0x98)) ||
                                 (k == 1 && s[x] == '\'');
                x += k;
            } else if (x < y && (s[x] == '(' || s[x] == '[')) {
                w.popen = 1;
                x++;
            } else {
                break;
            }
        }
        for (;;) {
            if (y > x && (k = close_quote_back(s, x, y))) {
                w.qclose = 1;
                w.qsingle_close = (k == 3 && ((unsigned char)s[y - 1] == 0x98 ||
                                              (unsigned char)s[y - 1] == 0x99)) ||
                                  (k == 1 && s[y - 1] == '\'');
                y -= k;
            } else if (y > x && strchr(",.;:!?)]", s[y - 1])) {
                if (s[y - 1] == ')')
                    w.pclose = 1;
                else if (!(s[y - 1] == '.' && no_split_before(s, x, y - 1)))
                    w.punct = 1;
                if (s[y - 1] == '.' && no_split_before(s, x, y - 1))
                    break;
                y--;
            } else {
                break;
            }
        }
        w.a = x;
        w.b = y;
        w.cap = y > x && xis_upper_at(s, y, x);
        if (n == cap) {
            cap *= 2;
            v = xrealloc(v, cap * sizeof *v);
        }
        v[n++] = w;
    }
    *out = v;
    return n;
}

int xw_eq(const char *s, const xword *w, const char *lit)
{
    if (w->b == w->a || lit[0] != s[w->a])
        return 0;
    size_t l = strlen(lit);
    return w->b - w->a == l && memcmp(s + w->a, lit, l) == 0;
}

int xw_in_list(const char *s, const xword *w, const char *const *list)
{
    for (; *list; list++)
        if (xw_eq(s, w, *list))
            return 1;
    return 0;
}

static const char *const not_names[] = {
    "kuenstliche intelligenz", "ki", "ai act", "ai", "kmu", "eu", "it", "ki-verordnung", "dsgvo",
    "oecd", "wipo", "ki-strategie", "ki-strategien", "digitalstrategie", "bundesregierung",
    "landesregierung",
    /* things of AI in general, not one named: "ein KI-System", "das KI-Projekt" */
    "ki-system", "ki-systeme", "ki-projekt", "ki-projekte", "ki-anwendung", "ki-anwendungen",
    "ki-loesung", "ki-loesungen", "ki-tool", "ki-tools", "ki-modell", "ki-modelle",
    /* bodies and funds of the EU */
    "eu-kommission", "europaeische kommission", "efre", "esf",
    /* papers signed on the way to an activity */
    "letter of intent", "memorandum of understanding", "absichtserklaerung", NULL};

int xw_phrase_word(const char *s, const xword *w)
{
    static const char *const small[] = {"den-", "der-", "die-", "das-", "dem-", "für-",
                                        "zur-", "zum-", "mit-", "und-", NULL};
    if (w->b - w->a < 9 || !(s[w->a] >= 'A' && s[w->a] <= 'Z'))
        return 0;
    /* from hyphen to hyphen: most words have none */
    for (const char *h = memchr(s + w->a, '-', w->b - w->a); h;
         h = memchr(h + 1, '-', (size_t)(s + w->b - h - 1))) {
        size_t at = (size_t)(h - s) + 1;
        for (const char *const *k = small; *k; k++) {
            size_t l = strlen(*k);
            if (at + l < w->b && memcmp(s + at, *k, l) == 0 && xis_upper_at(s, w->b, at + l))
                return 1;
        }
    }
    return 0;
}

/* name_like: a token with a capital inside ("LLMoin", "KI-Transfer",
 * "digital.LÄND") or in capitals throughout ("DOKIQ"); KI and AI alone do
 * not count. */
static int name_like_raw(const char *s, const xword *w, int *all_caps, int *camel)
{
    size_t n = w->b - w->a, upper = 0, letters = 0, inner = 0;
    int was_lower = 0;
    *camel = 0;
    /* "#ai_berlin hub": a hashtag is a coined name */
    if (n >= 4 && s[w->a] == '#' &&
        ((s[w->a + 1] >= 'a' && s[w->a + 1] <= 'z') ||
         (s[w->a + 1] >= 'A' && s[w->a + 1] <= 'Z'))) {
        *all_caps = 1;
        *camel = 0;
        return 1;
    }
    /* most words: lower case ASCII throughout, nothing to count */
    size_t i0 = w->a;
    while (i0 < w->b && !((unsigned char)s[i0] >= 0x80 || (s[i0] >= 'A' && s[i0] <= 'Z')))
        i0++;
    if (i0 == w->b) {
        *all_caps = 0;
        return 0;
    }
    for (size_t i = w->a; i < w->b;) {
        unsigned char c = (unsigned char)s[i];
        size_t j = i + 1;
        int up, lo;
        if (c < 0x80) {
            up = c >= 'A' && c <= 'Z';
            lo = c >= 'a' && c <= 'z';
        } else {
            j = i;
            int32_t cp = text_utf8_next(s, w->b, &j);
            up = cp_upper(cp);
            lo = cp_lower(cp);
        }
        letters += up || lo;
        upper += up;
        *camel |= up && was_lower;
        was_lower = lo;
        if (up && i > w->a && !(i >= w->a + 1 && (s[i - 1] == '-' || s[i - 1] == '/')))
            inner++;
        i = j;
    }
    *all_caps = letters >= 3 && upper == letters;
    if (n == 2 && (xw_eq(s, w, "KI") || xw_eq(s, w, "AI")))
        return 0;
    int ki_only = n > 3 && (memcmp(s + w->a, "KI-", 3) == 0) && inner <= 1;
    return (*all_caps || inner > 0 || xw_phrase_word(s, w)) && !ki_only;
}

int xw_name_like(const char *s, const xword *w, int *all_caps)
{
    (void)s;
    *all_caps = w->allcaps;
    return w->namelike;
}

/* Products and firms of others that reports name as tools they use
 * ("GPT-4 Turbo", "wie bei ChatGPT"): never an activity of a Land. A name
 * that is one of them or begins with one (then a space, '-' or digit). */
static const char *const products[] = {
    "chatgpt",  "gpt",         "openai",   "copilot", "gemini",     "llama",
    "luminous", "aleph alpha", "mistral",  "claude",  "midjourney", "dall-e",
    "deepl",    "microsoft",   "google",   "amazon",  "youtube",    "linkedin",
    "facebook", "instagram",   "whatsapp", NULL};

static int is_product(const char *f, size_t n)
{
    for (const char *const *p = products; *p; p++) {
        size_t l = strlen(*p);
        if (n >= l && memcmp(f, *p, l) == 0 &&
            (n == l || f[l] == ' ' || f[l] == '-' || (f[l] >= '0' && f[l] <= '9')))
            return 1;
    }
    return 0;
}

int xw_not_a_name(const char *s, size_t a, size_t b)
{
    /* "(Umsetzungs-)Strategie": a piece of a word in parentheses */
    if (memchr(s + a, ')', b - a) && !memchr(s + a, '(', b - a))
        return 1;
    char f[128];
    sbuf fb = SBUF_INIT;
    xfold(&fb, s + a, b - a < 200 ? b - a : 200);
    size_t l = fb.len < sizeof f ? fb.len : sizeof f - 1;
    memcpy(f, sbuf_cstr(&fb), l);
    f[l] = '\0';
    sbuf_free(&fb);
    /* "Plattform ChatGPT", "Sprachmodell GPT-4o des US-Unternehmens
     * OpenAI": a product of others after the word for what it is */
    const char *sp = memchr(f, ' ', l);
    int bad = is_product(f, l) || (sp && is_product(sp + 1, l - (size_t)(sp + 1 - f)));
    if (b - a > 40) /* longer than any of not_names */
        return bad;
    for (const char *const *p = not_names; *p && !bad; p++)
        bad = f[0] == (*p)[0] && strcmp(f, *p) == 0;
    return bad;
}

static int letters_at_least(const char *s, const xword *w, size_t n)
{
    size_t k = 0;
    for (size_t i = w->a; i < w->b && k < n; i++)
        k += (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z');
    return k >= n;
}

/* ---- the word cache ------------------------------------------------- */

typedef struct wslot {
    size_t off; /* of the word in keys; SIZE_MAX: empty */
    size_t len;
    const char *hk;
    unsigned char plural, org, compound;
} wslot;

struct xwcache {
    sbuf keys; /* the words, one after another */
    wslot *v;
    size_t cap, used;
};

xwcache *xwcache_new(void)
{
    xwcache *c = xcalloc(1, sizeof *c);
    c->cap = 1024;
    c->v = xmalloc(c->cap * sizeof *c->v);
    for (size_t i = 0; i < c->cap; i++)
        c->v[i].off = SIZE_MAX;
    return c;
}

void xwcache_free(xwcache *c)
{
    if (!c)
        return;
    sbuf_free(&c->keys);
    free(c->v);
    free(c);
}

static size_t wc_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return (size_t)h;
}

/* wc_find: the slot of s[0..n), or the empty one where it would go. */
static wslot *wc_find(xwcache *c, const char *s, size_t n)
{
    size_t i = wc_hash(s, n) & (c->cap - 1);
    while (c->v[i].off != SIZE_MAX &&
           !(c->v[i].len == n && memcmp(c->keys.s + c->v[i].off, s, n) == 0))
        i = (i + 1) & (c->cap - 1);
    return &c->v[i];
}

static void wc_grow(xwcache *c)
{
    wslot *old = c->v;
    size_t oc = c->cap;
    c->cap *= 2;
    c->v = xmalloc(c->cap * sizeof *c->v);
    for (size_t i = 0; i < c->cap; i++)
        c->v[i].off = SIZE_MAX;
    for (size_t i = 0; i < oc; i++)
        if (old[i].off != SIZE_MAX)
            *wc_find(c, c->keys.s + old[i].off, old[i].len) = old[i];
    free(old);
}

/* mark_folded: the head kind, organisation and compound marks of the
 * word x from its folded core. */
static void mark_folded(const char *s, xword *x, sbuf *tmp)
{
    int pl = 0;
    sbuf_reset(tmp);
    xfold(tmp, s + x->a, x->b - x->a);
    const char *f = sbuf_cstr(tmp);
    x->hk = x->cap && tmp->len >= 2 ? xhead_kind_folded(f, tmp->len, &pl) : NULL;
    x->plural = (unsigned)pl;
    /* organisations are named in capitals ("Universität", "GmbH") */
    x->org = (x->cap || x->namelike) && xhead_is_org_folded(f);
    x->compound = tmp->len > 3 && (strncmp(f, "ki-", 3) == 0 || strncmp(f, "digital", 7) == 0);
}

void xwords_mark(const char *s, xword *w, size_t nw, sbuf *tmp, xwcache *cache)
{
    for (size_t i = 0; i < nw; i++) {
        xword *x = &w[i];
        int allc, camel;
        x->namelike = (unsigned)name_like_raw(s, x, &allc, &camel);
        x->allcaps = (unsigned)allc;
        x->camel = (unsigned)(camel && letters_at_least(s, x, 4));
        /* head nouns and organisations are capitalised: other words need
         * no folding */
        if (x->b - x->a > 120 || !(x->cap || x->namelike)) {
            x->hk = NULL;
            x->org = x->compound = x->plural = 0;
            continue;
        }
        /* the marks depend on the word as written only (cap and namelike
         * are of the same bytes), so a word seen before has them */
        size_t n = x->b - x->a;
        wslot *e = cache ? wc_find(cache, s + x->a, n) : NULL;
        if (e && e->off != SIZE_MAX) {
            x->hk = e->hk;
            x->plural = e->plural;
            x->org = e->org;
            x->compound = e->compound;
            continue;
        }
        mark_folded(s, x, tmp);
        if (!cache)
            continue;
        if (2 * (cache->used + 1) > cache->cap) {
            wc_grow(cache);
            e = wc_find(cache, s + x->a, n);
        }
        *e = (wslot){
            cache->keys.len,           n, x->hk, (unsigned char)x->plural, (unsigned char)x->org,
            (unsigned char)x->compound};
        sbuf_add(&cache->keys, s + x->a, n);
        cache->used++;
    }
}
