/* gtok.c: the German tokenizer (see gtok.h): word scanning, folding,
 * stemming, the plural normalisation and compound splitting. The FTS5 glue
 * is in gtok_fts5.c and uses only the public interface.
 *
 * Per word the work is: fold into t->word (no allocation once the buffers
 * have grown), one Snowball call per emitted term, and for words of 7 or
 * more bytes a scan over their suffixes against the compound lexicon with
 * hashes computed in one pass per candidate end. Nothing is allocated per
 * token. */
#include "core/gtok.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

/* data/compounds.txt, embedded by compounds_data.S. */
extern const char kl_compounds_data[];
extern const char kl_compounds_end[];

enum {
    /* A folded word is cut at this many bytes (both documents and queries
     * cut the same way, so they still agree); longer "words" are base64,
     * hashes or table debris, not language. */
    GTOK_MAX_WORD = 256,
    GTOK_MAX_PARTS = 16, /* hyphen parts of one word; more are merged into the last */
    GTOK_MAX_TERMS = 48, /* distinct terms emitted for one word */
    SPLIT_MIN = 7,       /* shorter parts are not compound-split */
    SPLIT_MAX = 64,      /* neither are longer ones: no real compound is that long */
    SPLIT_DEPTH = 4,     /* recursion into heads and modifiers */
    HEAD_MIN = 4,        /* a head is a lexicon word of at least 4 bytes */
    MOD_MIN = 3,         /* a modifier keeps at least 3 bytes */
    LEX_NOSPLIT = 1,     /* "!word" in compounds.txt: lexicalised, never split */
    LEX_MODONLY = 2,     /* "word-" in compounds.txt: a known modifier, never a head */
};

/* One lexicon word: bytes at text.s + off, hash as by rhash(). */
typedef struct lex_entry {
    uint32_t off;
    uint32_t hash;
    uint16_t len;
    uint8_t flags;
} lex_entry;

/* The compound lexicon: an open-addressing hash set over the words of
 * compounds.txt, built once per gtok and read-only afterwards. */
typedef struct lex {
    sbuf text;      /* the folded words back to back */
    lex_entry *a;   /* entries */
    int n;          /* entries used */
    uint32_t *slot; /* index + 1 into a; 0 is empty */
    uint32_t mask;  /* slots - 1 (a power of two minus one) */
} lex;

struct gtok {
    struct sb_stemmer *stemmer;
    lex lex;
    sbuf word;                    /* the current word, folded, hyphens removed */
    int part[GTOK_MAX_PARTS + 1]; /* part k is word.s[part[k] .. part[k+1]) */
    int nparts;                   /* 1 for a word without hyphens */
    sbuf terms;                   /* terms of the current word, each NUL-ended */
    int term_off[GTOK_MAX_TERMS]; /* their offsets in terms.s */
    int term_len[GTOK_MAX_TERMS]; /* and lengths */
    int nterms;                   /* emitted so far for the current word */
    uint32_t rh[4][SPLIT_MAX];    /* split(): suffix hashes per candidate end */
    void *ctx;                    /* the current gtok_run call */
    gtok_cb cb;
    int start, end; /* byte offsets of the current word in the source text */
};

/* die: an unrecoverable setup failure (libstemmer out of memory or built
 * without German). Like xmalloc there is nothing sensible to continue
 * with: a tokenizer that silently stops stemming would make documents and
 * queries disagree. */
static void die(const char *what)
{
    fprintf(stderr, "kilandkarte: Tokenizer: %s\n", what);
    abort();
}

/* rhash: FNV-1a over s[0..n) read from the last byte to the first. Backwards
 * so that split() gets the hashes of all suffixes ending at one place in a
 * single pass (see suffix_hashes()). */
static uint32_t rhash(const char *s, int n)
{
    uint32_t h = 2166136261u;
    for (int i = n - 1; i >= 0; i--) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* lex_find: the entry for s[0..n) with hash h (= rhash(s, n)), or NULL. */
static const lex_entry *lex_find(const lex *l, const char *s, int n, uint32_t h)
{
    for (uint32_t i = h & l->mask; l->slot[i]; i = (i + 1) & l->mask) {
        const lex_entry *e = &l->a[l->slot[i] - 1];
        if (e->hash == h && e->len == n && memcmp(l->text.s + e->off, s, (size_t)n) == 0)
            return e;
    }
    return NULL;
}

/* lex_has: 1 if s[0..n) is a lexicon word (of any length). */
static int lex_has(const lex *l, const char *s, int n)
{
    return lex_find(l, s, n, rhash(s, n)) != NULL;
}

/* lex_add: add the folded word s[0..n) with flags. A word listed twice
 * keeps the union of its flags, so one '!' line wins over a plain one. The
 * table was sized for every line of the list, so it never fills. */
static void lex_add(lex *l, const char *s, int n, int flags)
{
    uint32_t h = rhash(s, n);
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
}

/* lex_build: parse the embedded compounds.txt into l (see the head of that
 * file for the format). Words are folded here again so that a hand-edited
 * "München" still means "muenchen". */
static void lex_build(lex *l)
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

static void lex_free(lex *l)
{
    sbuf_free(&l->text);
    free(l->a);
    free(l->slot);
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* normalise: the length of the stem s[0..n) after uniting the plural
 * classes Snowball leaves apart (it keeps the singular whole and cuts the
 * plural, or the other way round). Only ever cuts at the end, so a
 * normalised stem is still a prefix of the folded word (prefix queries
 * rely on that). First one of:
 *   -um   zentrum/zentr(en), museum/muse(en), datum/dat(en): cut -um; not
 *         after a or ae, because Raum, Baum, Räume are German words;
 *   -mus  algorithmus/algorithm(en), mechanismus: cut -us;
 *   -ma   thema/them(en), firma/firm(en): cut -a; not -uma (Trauma/Traum);
 *   -tem, -lem, -rem  system/syst but systeme/system, problem/probl,
 *         extrem/extr: Snowball takes -em for the dative ending; cut it
 *         from the plural too (not -hem: themen/them belongs to thema);
 *   -iko, -ario  risiko/risik(en), szenario/szenari(en): cut -o;
 * then -i after a consonant: gremi(um|en), studi(e|en|um), strategi(e|en),
 * prinzipi(en)/prinzip, materiali(en)/material: cut -i. The remainder keeps
 * at least 3 bytes. */
static int normalise(const char *s, int n)
{
    if (n >= 5 && s[n - 2] == 'u' && s[n - 1] == 'm' && s[n - 3] != 'a' &&
        !(s[n - 3] == 'e' && s[n - 4] == 'a'))
        n -= 2;
    else if (n >= 7 && s[n - 3] == 'm' && s[n - 2] == 'u' && s[n - 1] == 's')
        n -= 2;
    else if (n >= 5 && s[n - 2] == 'm' && s[n - 1] == 'a' && s[n - 3] != 'u')
        n -= 1;
    else if (n >= 6 && s[n - 2] == 'e' && s[n - 1] == 'm' &&
             (s[n - 3] == 't' || s[n - 3] == 'l' || s[n - 3] == 'r'))
        n -= 2;
    else if ((n >= 5 && memcmp(s + n - 3, "iko", 3) == 0) ||
             (n >= 6 && memcmp(s + n - 4, "ario", 4) == 0))
        n -= 1;
    if (n >= 5 && s[n - 1] == 'i' && !is_vowel(s[n - 2]))
        n -= 1;
    return n;
}

/* emit: stem, normalise and hand s[0..n) (folded) to the callback, unless
 * the same term was emitted for this word already (a part that equals the
 * whole, a head found twice). The first term of a word is the positioned
 * one, every later one is colocated. Digit-only terms skip the stemmer (it
 * would not change them). Returns the callback's value. */
static int emit(gtok *t, const char *s, int n)
{
    if (n <= 0 || t->nterms == GTOK_MAX_TERMS)
        return 0;
    int off = (int)t->terms.len;
    int letters = 0;
    for (int i = 0; i < n && !letters; i++)
        letters = s[i] < '0' || s[i] > '9';
    if (letters) {
        const sb_symbol *r = sb_stemmer_stem(t->stemmer, (const sb_symbol *)s, n);
        if (!r)
            die("Stemmer ohne Speicher");
        int rn = sb_stemmer_length(t->stemmer);
        if (rn == 4 && n >= 6 && memcmp(r, "sich", 4) == 0 && memcmp(s, "sicher", 6) == 0) {
            /* Snowball stems sicher, Sicherheit to "sich", the reflexive
             * pronoun of nearly every German sentence: a search for
             * Sicherheit would find everything. */
            sbuf_add(&t->terms, "sicher", 6);
        } else {
            rn = normalise((const char *)r, rn);
            sbuf_add(&t->terms, (const char *)r, (size_t)rn);
        }
    } else {
        sbuf_add(&t->terms, s, (size_t)n);
    }
    int len = (int)t->terms.len - off;
    for (int k = 0; k < t->nterms; k++) {
        if (t->term_len[k] == len &&
            memcmp(t->terms.s + t->term_off[k], t->terms.s + off, (size_t)len) == 0) {
            t->terms.len = (size_t)off;
            t->terms.s[off] = '\0';
            return 0;
        }
    }
    sbuf_addc(&t->terms, '\0');
    t->term_off[t->nterms] = off;
    t->term_len[t->nterms] = len;
    t->nterms++;
    return t->cb(t->ctx, t->terms.s + off, len, t->start, t->end, t->nterms > 1);
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

static int split(gtok *t, const char *w, int n, int depth);

/* take: emit the split of w[0..n) at p: the head w[p..n) (with its
 * inflection ending, so it stems exactly like the word on its own), its own
 * parts unless it is lexicalised, then the modifier and its parts. */
static int take(gtok *t, const char *w, int n, int p, int head_flags, int depth)
{
    int rc = emit(t, w + p, n - p);
    if (rc == 0 && !(head_flags & LEX_NOSPLIT))
        rc = split(t, w + p, n - p, depth + 1);
    if (rc != 0)
        return rc;
    int m = modifier_len(t, w, p);
    if (m >= MOD_MIN) {
        rc = emit(t, w, m);
        if (rc == 0)
            rc = split(t, w, m, depth + 1);
    }
    return rc;
}

/* split: emit the compound parts of the folded word w[0..n) as terms.
 * The longest lexicon head (>= 4 bytes) that is a proper suffix of w,
 * possibly before an inflection ending, with a modifier of >= 3 bytes that
 * is not a bare verb particle, wins; head and modifier are split again.
 * Lexicalised words ('!' in compounds.txt, also with an ending) are left
 * whole. Returns the callback's value. */
static int split(gtok *t, const char *w, int n, int depth)
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
    for (int p = MOD_MIN; p <= n - HEAD_MIN; p++) {
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

static int is_letter(int32_t cp)
{
    return text_is_alnum(cp) && !(cp >= '0' && cp <= '9');
}

static void fold_add(gtok *t, int32_t cp)
{
    if (t->word.len < GTOK_MAX_WORD)
        text_fold_cp(&t->word, cp);
}

/* scan_word: read the word whose first code point cp has just been decoded
 * from text (i is the offset after it): alphanumeric runs joined across
 * '-' and U+2011 when letters stand on both sides (each join starts a new
 * part), and across a soft hyphen U+00AD between letters (no new part: it
 * is invisible typesetting). Fills t->word and t->part. Returns the offset
 * after the word. */
static size_t scan_word(gtok *t, const char *text, size_t n, size_t i, int32_t cp)
{
    sbuf_reset(&t->word);
    t->part[0] = 0;
    t->nparts = 1;
    fold_add(t, cp);
    int32_t last = cp;
    while (i < n) {
        size_t j = i;
        int32_t c = text_utf8_next(text, n, &j);
        if (text_is_alnum(c)) {
            fold_add(t, c);
            last = c;
            i = j;
            continue;
        }
        if ((c == '-' || c == 0x2011 || c == 0xAD) && j < n && is_letter(last)) {
            size_t k = j;
            int32_t d = text_utf8_next(text, n, &k);
            if (is_letter(d)) {
                if (c != 0xAD && t->nparts < GTOK_MAX_PARTS)
                    t->part[t->nparts++] = (int)t->word.len;
                fold_add(t, d);
                last = d;
                i = k;
                continue;
            }
        }
        break;
    }
    t->part[t->nparts] = (int)t->word.len;
    return i;
}

/* word: emit the terms of the word in t->word: the whole (hyphens removed);
 * in document mode also each hyphen part and the compound parts of each
 * part, colocated. */
static int word(gtok *t, int mode)
{
    t->nterms = 0;
    sbuf_reset(&t->terms);
    int rc = emit(t, t->word.s, (int)t->word.len);
    if (rc != 0 || mode != GTOK_DOCUMENT)
        return rc;
    for (int k = 0; k < t->nparts && rc == 0 && t->nparts > 1; k++)
        rc = emit(t, t->word.s + t->part[k], t->part[k + 1] - t->part[k]);
    for (int k = 0; k < t->nparts && rc == 0; k++)
        rc = split(t, t->word.s + t->part[k], t->part[k + 1] - t->part[k], 0);
    return rc;
}

gtok *gtok_new(void)
{
    gtok *t = xcalloc(1, sizeof *t);
    t->stemmer = sb_stemmer_new("german", "UTF_8");
    if (!t->stemmer)
        die("Snowball-Stemmer \"german\" nicht verfügbar");
    lex_build(&t->lex);
    sbuf_init(&t->word);
    sbuf_init(&t->terms);
    return t;
}

void gtok_free(gtok *t)
{
    if (!t)
        return;
    sb_stemmer_delete(t->stemmer);
    lex_free(&t->lex);
    sbuf_free(&t->word);
    sbuf_free(&t->terms);
    free(t);
}

int gtok_run(gtok *t, int mode, const char *text, int n, void *ctx, gtok_cb cb)
{
    size_t len = n > 0 ? (size_t)n : 0, i = 0;
    t->ctx = ctx;
    t->cb = cb;
    while (i < len) {
        size_t at = i;
        int32_t cp = text_utf8_next(text, len, &i);
        if (!text_is_alnum(cp))
            continue;
        i = scan_word(t, text, len, i, cp);
        t->start = (int)at;
        t->end = (int)i;
        int rc = word(t, mode);
        if (rc != 0)
            return rc;
    }
    return 0;
}

int gtok_lexicon_size(const gtok *t)
{
    return t->lex.n;
}
