/* gtok.c: the German tokenizer (see gtok.h): word scanning, folding,
 * stemming, the plural normalisation and the caches; compound splitting is
 * in gtok_compound.c, the FTS5 glue in gtok_fts5.c (which uses only the
 * public interface). Shared state: gtok_int.h.
 *
 * Per word the work is: fold into t->word; look the word up in a cache of
 * whole analyses (most words of a text are frequent ones); else one
 * Snowball call per emitted term (itself through a stem cache, because
 * libstemmer costs about half a microsecond a call and heads recur in ever
 * new compounds) and, for words of 7 bytes or more, gtok_split(). Nothing
 * is allocated per token: the buffers keep their size, the caches are
 * fixed arrays. */
#include "core/gtok_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"
#include "util/xalloc.h"

/* die: an unrecoverable setup failure (libstemmer out of memory or built
 * without German). Like xmalloc there is nothing sensible to continue
 * with: a tokenizer that silently stops stemming would make documents and
 * queries disagree. */
static void die(const char *what)
{
    fprintf(stderr, "kilandkarte: Tokenizer: %s\n", what);
    abort();
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

/* stem: append the stem of the folded s[0..n) to t->terms: Snowball,
 * then normalise(); through the stem cache. */
static void stem(gtok *t, const char *s, int n)
{
    stem_slot *c = NULL;
    uint32_t h = 0;
    if (n <= STEM_KEY && t->stems) {
        h = gtok_rhash(s, n);
        c = &t->stems[h & (STEM_SLOTS - 1)];
        if (c->klen == n && c->hash == h && memcmp(c->key, s, (size_t)n) == 0) {
            sbuf_add(&t->terms, c->val, c->vlen);
            return;
        }
    }
    /* Folded German is ASCII; there the Latin-1 stemmer gives the same
     * result as the UTF-8 one (checked on 156,000 word forms) in three
     * quarters of the time. */
    struct sb_stemmer *sb = t->stemmer1;
    for (int i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) {
            sb = t->stemmer;
            break;
        }
    const sb_symbol *r = sb_stemmer_stem(sb, (const sb_symbol *)s, n);
    if (!r)
        die("Stemmer ohne Speicher");
    const char *z = (const char *)r;
    int rn = sb_stemmer_length(sb);
    if (rn == 4 && n >= 6 && memcmp(z, "sich", 4) == 0 && memcmp(s, "sicher", 6) == 0) {
        /* Snowball stems sicher, Sicherheit to "sich", the reflexive
         * pronoun of nearly every German sentence: a search for Sicherheit
         * would find everything. */
        z = "sicher";
        rn = 6;
    } else {
        rn = normalise(z, rn);
    }
    sbuf_add(&t->terms, z, (size_t)rn);
    if (c && rn <= STEM_KEY) {
        c->hash = h;
        c->klen = (uint8_t)n;
        memcpy(c->key, s, (size_t)n);
        c->vlen = (uint8_t)rn;
        memcpy(c->val, z, (size_t)rn);
    }
}

/* gtok_emit: stem, normalise and hand s[0..n) (folded) to the callback, unless
 * the same term was emitted for this word already (a part that equals the
 * whole, a head found twice). The first term of a word is the positioned
 * one, every later one is colocated. Digit-only terms skip the stemmer (it
 * would not change them). Returns the callback's value. */
int gtok_emit(gtok *t, const char *s, int n)
{
    if (n <= 0 || t->nterms == GTOK_MAX_TERMS)
        return 0;
    int off = (int)t->terms.len;
    int letters = 0;
    for (int i = 0; i < n && !letters; i++)
        letters = s[i] < '0' || s[i] > '9';
    if (letters) {
        stem(t, s, n);
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

/* The scanner's hot path: most text is ASCII, so ASCII code points are
 * decoded, classified and folded through tables that gtok_new() fills by
 * calling text_is_alnum() and text_fold_cp() (one folding for the whole
 * project, just not one call per byte). Everything else goes through text.h
 * directly. */
static int32_t next_cp(const char *s, size_t n, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    if (c < 0x80) {
        *i += 1;
        return c;
    }
    return text_utf8_next(s, n, i);
}

static int is_alnum(const gtok *t, int32_t cp)
{
    return cp >= 0 && cp < 0x80 ? t->ascii_alnum[cp] : text_is_alnum(cp);
}

static int is_letter(const gtok *t, int32_t cp)
{
    return is_alnum(t, cp) && !(cp >= '0' && cp <= '9');
}

/* fold_add: append the folding of cp to t->word, up to GTOK_MAX_WORD bytes.
 * gtok_new() reserved room for that, so the ASCII path writes directly. */
static void fold_add(gtok *t, int32_t cp)
{
    sbuf *w = &t->word;
    if (w->len >= GTOK_MAX_WORD)
        return;
    if (cp < 0x80 && t->ascii_fold[cp])
        w->s[w->len++] = t->ascii_fold[cp];
    else
        text_fold_cp(w, cp);
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
        int32_t c = next_cp(text, n, &j);
        if (is_alnum(t, c)) {
            fold_add(t, c);
            last = c;
            i = j;
            continue;
        }
        if ((c == '-' || c == 0x2011 || c == 0xAD) && j < n && is_letter(t, last)) {
            size_t k = j;
            int32_t d = next_cp(text, n, &k);
            if (is_letter(t, d)) {
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
    t->word.s[t->word.len] = '\0';
    t->part[t->nparts] = (int)t->word.len;
    return i;
}

/* cache_key: the cache key of the word in t->word (the folded word with its
 * hyphen parts joined by '-', which folded text never contains, so
 * "KI-Zentren" and "Kizentren" differ) into key; its length, or 0 when it
 * does not fit. */
static int cache_key(const gtok *t, char key[CACHE_KEY])
{
    int n = (int)t->word.len + t->nparts - 1;
    if (n > CACHE_KEY)
        return 0;
    int o = 0;
    for (int k = 0; k < t->nparts; k++) {
        if (k > 0)
            key[o++] = '-';
        memcpy(key + o, t->word.s + t->part[k], (size_t)(t->part[k + 1] - t->part[k]));
        o += t->part[k + 1] - t->part[k];
    }
    return o;
}

/* replay: emit the remembered terms of c (only the first in query mode,
 * which is exactly what query mode would have computed). */
static int replay(gtok *t, const cache_slot *c, int mode)
{
    const char *p = c->data;
    for (int k = 0; k < c->nterms; k++) {
        int len = (int)strlen(p);
        int rc = t->cb(t->ctx, p, len, t->start, t->end, k > 0);
        if (rc != 0 || mode != GTOK_DOCUMENT)
            return rc;
        p += len + 1;
    }
    return 0;
}

/* word: emit the terms of the word in t->word: the whole (hyphens removed);
 * in document mode also each hyphen part and the compound parts of each
 * part, colocated. A word seen before is replayed from the cache; a new
 * one analysed in document mode is remembered. */
static int word(gtok *t, int mode)
{
    char key[CACHE_KEY];
    int klen = cache_key(t, key);
    cache_slot *c = NULL;
    uint32_t h = 0;
    if (klen > 0 && !t->cache && mode == GTOK_DOCUMENT) {
        /* Only instances that index get the caches (2.5 MiB, zeroed, so
         * pages are touched only as they fill); one that only parses
         * queries stays small. */
        t->cache = xcalloc(CACHE_SLOTS, sizeof *t->cache);
        t->stems = xcalloc(STEM_SLOTS, sizeof *t->stems);
    }
    if (klen > 0 && t->cache) {
        h = gtok_rhash(key, klen);
        c = &t->cache[h & (CACHE_SLOTS - 1)];
        if (c->klen == klen && c->hash == h && memcmp(c->key, key, (size_t)klen) == 0)
            return replay(t, c, mode);
    }
    t->nterms = 0;
    sbuf_reset(&t->terms);
    int rc = gtok_emit(t, t->word.s, (int)t->word.len);
    if (rc != 0 || mode != GTOK_DOCUMENT)
        return rc;
    for (int k = 0; k < t->nparts && rc == 0 && t->nparts > 1; k++)
        rc = gtok_emit(t, t->word.s + t->part[k], t->part[k + 1] - t->part[k]);
    for (int k = 0; k < t->nparts && rc == 0; k++)
        rc = gtok_split(t, t->word.s + t->part[k], t->part[k + 1] - t->part[k], 0);
    if (rc == 0 && c && t->terms.len <= CACHE_DATA && t->nterms < GTOK_MAX_TERMS) {
        c->hash = h;
        c->klen = (uint8_t)klen;
        memcpy(c->key, key, (size_t)klen);
        c->nterms = (uint8_t)t->nterms;
        c->dlen = (uint16_t)t->terms.len;
        memcpy(c->data, t->terms.s, t->terms.len);
    }
    return rc;
}

gtok *gtok_new(void)
{
    gtok *t = xcalloc(1, sizeof *t);
    t->stemmer = sb_stemmer_new("german", "UTF_8");
    t->stemmer1 = sb_stemmer_new("german", "ISO_8859_1");
    if (!t->stemmer || !t->stemmer1)
        die("Snowball-Stemmer \"german\" nicht verfügbar");
    gtok_lex_build(&t->lex);
    sbuf_init(&t->word);
    sbuf_init(&t->terms);
    /* room for GTOK_MAX_WORD bytes plus the widest folding and the NUL */
    char room[GTOK_MAX_WORD + 16] = {0};
    sbuf_add(&t->word, room, sizeof room);
    sbuf_reset(&t->word);
    sbuf fold = SBUF_INIT;
    for (int32_t c = 0; c < 0x80; c++) {
        t->ascii_alnum[c] = (char)text_is_alnum(c);
        sbuf_reset(&fold);
        text_fold_cp(&fold, c);
        t->ascii_fold[c] = fold.len == 1 && fold.s[0] != '\0' ? fold.s[0] : 0;
    }
    sbuf_free(&fold);
    return t;
}

void gtok_free(gtok *t)
{
    if (!t)
        return;
    sb_stemmer_delete(t->stemmer);
    sb_stemmer_delete(t->stemmer1);
    gtok_lex_free(&t->lex);
    sbuf_free(&t->word);
    sbuf_free(&t->terms);
    free(t->cache);
    free(t->stems);
    free(t);
}

int gtok_run(gtok *t, int mode, const char *text, int n, void *ctx, gtok_cb cb)
{
    size_t len = n > 0 ? (size_t)n : 0, i = 0;
    t->ctx = ctx;
    t->cb = cb;
    while (i < len) {
        size_t at = i;
        int32_t cp = next_cp(text, len, &i);
        if (!is_alnum(t, cp))
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
