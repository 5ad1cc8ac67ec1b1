/* gtok_int.h: private to the gtok module (gtok.c, gtok_compound.c): the
 * tokenizer state and the interface between word analysis and compound
 * splitting. Nothing outside src/core/gtok*.c includes this. */
#ifndef KL_GTOK_INT_H
#define KL_GTOK_INT_H

#include <libstemmer.h>
#include <stdint.h>

#include "core/gtok.h"
#include "util/sbuf.h"

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
    CACHE_SLOTS = 16384, /* remembered words (a power of two): 2 MiB */
    CACHE_KEY = 40,      /* longer words are not remembered */
    CACHE_DATA = 80,     /* nor words whose terms need more bytes */
    STEM_SLOTS = 8192,   /* remembered stems (a power of two): 512 KiB */
    STEM_KEY = 30,       /* longer strings are stemmed every time */
};

/* One remembered stem: libstemmer takes about half a microsecond per call,
 * and the same heads and modifiers come back in ever new compounds. */
typedef struct stem_slot {
    uint32_t hash;
    uint8_t klen; /* 0: empty */
    uint8_t vlen;
    char key[STEM_KEY]; /* folded input */
    char val[STEM_KEY]; /* its normalised stem (never longer than the input) */
} stem_slot;

/* One remembered word and its document-mode terms. Word frequencies are
 * Zipfian, so a small direct-mapped cache spares most words the stemmer
 * and the compound scan (which together are most of the time). */
typedef struct cache_slot {
    uint32_t hash;
    uint8_t klen; /* 0: empty */
    uint8_t nterms;
    uint16_t dlen;
    char key[CACHE_KEY];   /* the folded word, hyphen parts joined by '-' */
    char data[CACHE_DATA]; /* its terms, each NUL-ended; the first is the whole word */
} cache_slot;

/* One lexicon word: bytes at text.s + off, hash as by gtok_rhash(). */
typedef struct lex_entry {
    uint32_t off;
    uint32_t hash;
    uint16_t len;
    uint8_t flags;
} lex_entry;

/* The compound lexicon: an open-addressing hash set over the words of
 * compounds.txt, built once per gtok and read-only afterwards. */
typedef struct gtok_lex {
    sbuf text;      /* the folded words back to back */
    lex_entry *a;   /* entries */
    int n;          /* entries used */
    uint32_t *slot; /* index + 1 into a; 0 is empty */
    uint32_t mask;  /* slots - 1 (a power of two minus one) */
    int maxlen;     /* of the longest word: no head starts further left */
} gtok_lex;

struct gtok {
    struct sb_stemmer *stemmer;  /* UTF-8 */
    struct sb_stemmer *stemmer1; /* ISO-8859-1, for ASCII input: same result, faster */
    gtok_lex lex;
    sbuf word;                    /* the current word, folded, hyphens removed */
    int part[GTOK_MAX_PARTS + 1]; /* part k is word.s[part[k] .. part[k+1]) */
    int nparts;                   /* 1 for a word without hyphens */
    sbuf terms;                   /* terms of the current word, each NUL-ended */
    int term_off[GTOK_MAX_TERMS]; /* their offsets in terms.s */
    int term_len[GTOK_MAX_TERMS]; /* and lengths */
    int nterms;                   /* emitted so far for the current word */
    uint32_t rh[4][SPLIT_MAX];    /* gtok_split(): suffix hashes per candidate end */
    cache_slot *cache;            /* CACHE_SLOTS words with their terms, or NULL */
    stem_slot *stems;             /* STEM_SLOTS stems, or NULL */
    char ascii_alnum[128];        /* text_is_alnum() of each ASCII code point */
    char ascii_fold[128];         /* text_fold_cp() of each, 0 unless one byte */
    void *ctx;                    /* the current gtok_run call */
    gtok_cb cb;
    int start, end; /* byte offsets of the current word in the source text */
};

/* gtok_rhash: FNV-1a over s[0..n) read from the last byte to the first.
 * Backwards so that gtok_split() gets the hashes of all suffixes ending at
 * one place in a single pass. The lexicon and the caches use it; inline
 * because the caches hash every word. */
static inline uint32_t gtok_rhash(const char *s, int n)
{
    uint32_t h = 2166136261u;
    for (int i = n - 1; i >= 0; i--) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* gtok_lex_build: parse the embedded data/compounds.txt into l (see the
 * head of that file for the format). Free with gtok_lex_free(). */
void gtok_lex_build(gtok_lex *l);
void gtok_lex_free(gtok_lex *l);

/* gtok_split: emit, through gtok_emit(), the compound parts of the folded
 * word w[0..n) (depth 0 for a whole word part). Returns the callback's
 * value. In gtok_compound.c. */
int gtok_split(gtok *t, const char *w, int n, int depth);

/* gtok_emit: stem and normalise the folded s[0..n) and hand the term to the
 * callback of the current gtok_run() unless it was emitted for this word
 * already. Returns the callback's value. In gtok.c. */
int gtok_emit(gtok *t, const char *s, int n);

#endif
