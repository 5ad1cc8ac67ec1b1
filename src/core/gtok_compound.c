/* gtok_compound.c: the compound lexicon (data/compounds.txt, embedded by
 * compounds_data.S) and the splitting of compounds at known heads, for the
 * German tokenizer (gtok.h). Part of the gtok module: see gtok_int.h.
 *
 * The lexicon is an open-addressing hash set built once per gtok and
 * read-only afterwards. Splitting a word costs one backward hashing pass
 * per candidate end and one probe per start position; no allocation. */
#include "core/gtok_int.h"

#include <stdlib.h>
#include <string.h>

#include "util/text.h"
#include "util/xalloc.h"

/* data/compounds.txt, embedded by compounds_data.S. */
extern const char kl_compounds_data[];
extern const char kl_compounds_end[];

/* lex_find: the entry for s[0..n) with hash h (= gtok_rhash(s, n)), or NULL. */
static const lex_entry *lex_find(const gtok_lex *l, const char *s, int n, uint32_t h)
{
    for (uint32_t i = h & l->mask; l->slot[i]; i = (i + 1) & l->mask) {
        const lex_entry *e = &l->a[l->slot[i] - 1];
        if (e->hash == h && e->len == n && memcmp(l->text.s + e->off, s, (size_t)n) == 0)
            return e;
    }
    return NULL;
}

/* lex_has: 1 if s[0..n) is a lexicon word (of any length). */
static int lex_has(const gtok_lex *l, const char *s, int n)
{
    return lex_find(l, s, n, gtok_rhash(s, n)) != NULL;
}

/* lex_add: add the folded word s[0..n) with flags. A word listed twice
 * keeps the union of its flags, so one '!' line wins over a plain one. The
 * table was sized for every line of the list, so it never fills. */
static void lex_add(gtok_lex *l, const char *s, int n, int flags)
{
    uint32_t h = gtok_rhash(s, n);
    uint32_t i = h & l->mask;
    for (; l->slot[i]; i = (i + 1) & l->mask) {
        lex_entry *e = &l->a[l->slot[i] - 1];
        if (e->hash == h && e->len == n && memcmp(l->text.s + e->off, s, (size_t)n) == 0) {
            e->flags |= (uint8_t)flags;
            return;
        }
    }
    lex_entry *e = &l->a[l->n];
    e->off = (uint32_t)l->text.len;
    e->hash = h;
    e->len = (uint16_t)n;
    e->flags = (uint8_t)flags;
    sbuf_add(&l->text, s, (size_t)n);
    l->slot[i] = (uint32_t)++l->n;
    if (n > l->maxlen)
        l->maxlen = n;
}

/* gtok_lex_build: see gtok_int.h. Words are folded here again so that a
 * hand-edited "München" still means "muenchen". */
void gtok_lex_build(gtok_lex *l)
{
    const char *p = kl_compounds_data, *end = kl_compounds_end;
    int lines = 1;
    for (const char *c = p; c < end; c++)
        lines += *c == '\n';
    uint32_t slots = 64;
    while (slots < 2u * (uint32_t)lines)
        slots *= 2;
    sbuf_init(&l->text);
    l->a = xcalloc((size_t)lines, sizeof *l->a);
    l->n = 0;
    l->maxlen = 0;
    l->slot = xcalloc(slots, sizeof *l->slot);
    l->mask = slots - 1;

    sbuf fold = SBUF_INIT;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *hash = memchr(p, '#', (size_t)(le - p));
        const char *s = p, *e = hash ? hash : le;
        p = nl ? nl + 1 : end;
        while (s < e && (*s == ' ' || *s == '\t' || *s == '\r'))
            s++;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
            e--;
        int flags = 0;
        if (s < e && *s == '!') {
            flags |= LEX_NOSPLIT;
            s++;
        }
        if (e > s && e[-1] == '-') {
            flags |= LEX_MODONLY;
            e--;
        }
        sbuf_reset(&fold);
        text_fold(&fold, s, (size_t)(e - s));
        if (fold.len > 0 && fold.len <= SPLIT_MAX)
            lex_add(l, fold.s, (int)fold.len, flags);
    }
    sbuf_free(&fold);
}

void gtok_lex_free(gtok_lex *l)
{
    sbuf_free(&l->text);
    free(l->a);
    free(l->slot);
}

/* Verb particles and participle beginnings: a "modifier" that is only one
 * of these is no modifier (Ausfall, Verbund, Einleitung, Nachfrage,
 * aufgerichtet), so such a split is refused. */
static const char *const particles[] = {
    "auf",    "aus",   "bei",     "dar",    "durch",  "ein",    "ent",    "her",
    "hin",    "mit",   "nach",    "ueber",  "unter",  "ver",    "vor",    "weg",
    "wider",  "zer",   "zurueck", "heraus", "hinaus", "hinein", "herein", "hervor",
    "herauf", "herab", "voran",   "voraus", "abge",   "ange",   "aufge",  "ausge",
    "einge",  "unge",  "umge",    "vorge",  "zuge",   "nachge", NULL,
};

static int is_particle(const char *s, int n)
{
    for (int i = 0; particles[i]; i++)
        if ((int)strlen(particles[i]) == n && memcmp(particles[i], s, (size_t)n) == 0)
            return 1;
    return 0;
}

static int ends_with(const char *s, int n, const char *suf)
{
    int k = (int)strlen(suf);
    return n >= k && memcmp(s + n - k, suf, (size_t)k) == 0;
}

/* modifier_len: the length of the modifier w[0..p) without its linking
 * element (Fugenelement). The rule, in order:
 *   1. a modifier that is a lexicon word stays whole (daten, rechen...);
 *   2. else strip es, en, s, n or e when what remains is a lexicon word of
 *      at least 3 bytes (bundes -> bund, landes -> land, stiftungs ->
 *      stiftung);
 *   3. else strip an s after the suffixes that always take the linking s
 *      (-ung, -heit, -keit, -schaft, -tion, -sion, -taet, -tum, -ling):
 *      forschungs -> forschung, sicherheits -> sicherheit, even when the
 *      word is not in the lexicon;
 *   4. else keep it as it is (the stemmer still cuts a plain -s or -en).
 * Guessing beyond that (strip any -n?) would turn "rechen" into "reche". */
static int modifier_len(const gtok *t, const char *w, int p)
{
    static const char *const links[] = {"es", "en", "s", "n", "e", NULL};
    static const char *const fugen_s[] = {"ung",  "heit", "keit", "schaft", "tion",
                                          "sion", "taet", "tum",  "ling",   NULL};
    if (lex_has(&t->lex, w, p))
        return p;
    for (int i = 0; links[i]; i++) {
        int k = (int)strlen(links[i]);
        if (p - k >= MOD_MIN && ends_with(w, p, links[i]) && lex_has(&t->lex, w, p - k))
            return p - k;
    }
    if (w[p - 1] == 's')
        for (int i = 0; fugen_s[i]; i++)
            if (ends_with(w, p - 1, fugen_s[i]))
                return p - 1;
    return p;
}

/* word_ends: the places a head may end in w[0..n): n itself, and before an
 * inflection ending (s, es, e, n, en, er, ern), so that the lexicon needs
 * "professur" only, not "professuren" and "professurs". Returns how many
 * were stored in q (at most 4), q[0] == n. */
static int word_ends(const char *w, int n, int q[4])
{
    int nq = 0;
    q[nq++] = n;
    char c = w[n - 1];
    if (c == 's' || c == 'e' || c == 'n')
        q[nq++] = n - 1;
    if (ends_with(w, n, "es") || ends_with(w, n, "en") || ends_with(w, n, "er"))
        q[nq++] = n - 2;
    if (ends_with(w, n, "ern"))
        q[nq++] = n - 3;
    return nq;
}

/* take: emit the split of w[0..n) at p: the head w[p..n) (with its
 * inflection ending, so it stems exactly like the word on its own), its own
 * parts unless it is lexicalised, then the modifier and its parts. */
static int take(gtok *t, const char *w, int n, int p, int head_flags, int depth)
{
    int rc = gtok_emit(t, w + p, n - p);
    if (rc == 0 && !(head_flags & LEX_NOSPLIT))
        rc = gtok_split(t, w + p, n - p, depth + 1);
    if (rc != 0)
        return rc;
    int m = modifier_len(t, w, p);
    if (m >= MOD_MIN) {
        rc = gtok_emit(t, w, m);
        if (rc == 0)
            rc = gtok_split(t, w, m, depth + 1);
    }
    return rc;
}

/* gtok_split: emit the compound parts of the folded word w[0..n) as terms.
 * The longest lexicon head (>= 4 bytes) that is a proper suffix of w,
 * possibly before an inflection ending, with a modifier of >= 3 bytes that
 * is not a bare verb particle, wins; head and modifier are split again.
 * Lexicalised words ('!' in compounds.txt, also with an ending) are left
 * whole. Returns the callback's value. */
int gtok_split(gtok *t, const char *w, int n, int depth)
{
    if (n < SPLIT_MIN || n > SPLIT_MAX || depth >= SPLIT_DEPTH)
        return 0;
    int q[4];
    int nq = word_ends(w, n, q);
    /* rh[k][i] is the hash of w[i..q[k]), all of them in one backward pass. */
    for (int k = 0; k < nq; k++) {
        uint32_t h = 2166136261u;
        for (int i = q[k] - 1; i >= 0; i--) {
            h ^= (unsigned char)w[i];
            h *= 16777619u;
            t->rh[k][i] = h;
        }
    }
    for (int k = 0; k < nq; k++) {
        const lex_entry *e = lex_find(&t->lex, w, q[k], t->rh[k][0]);
        if (e && (e->flags & LEX_NOSPLIT))
            return 0;
    }
    /* heads longer than the longest lexicon word (plus an ending) cannot match */
    int p0 = n - t->lex.maxlen - 3;
    for (int p = p0 > MOD_MIN ? p0 : MOD_MIN; p <= n - HEAD_MIN; p++) {
        if (((unsigned char)w[p] & 0xC0) == 0x80)
            continue; /* inside a multibyte code point */
        for (int k = 0; k < nq; k++) {
            if (q[k] - p < HEAD_MIN)
                continue;
            const lex_entry *e = lex_find(&t->lex, w + p, q[k] - p, t->rh[k][p]);
            if (!e || (e->flags & LEX_MODONLY))
                continue;
            if (is_particle(w, p))
                break; /* try a shorter head */
            return take(t, w, n, p, e->flags, depth);
        }
    }
    return 0;
}
