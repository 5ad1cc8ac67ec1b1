/* analyse_int.h: private to src/analyse: the corpus of term vectors that
 * similarity and links share. */
#ifndef KL_ANALYSE_INT_H
#define KL_ANALYSE_INT_H

#include <stddef.h>

#include "analyse/analyse.h"
#include "util/sbuf.h"

enum { AN_SEEKS = 1, AN_OFFERS = 2 };

/* One term of the corpus: the folded stem, in how many entries it occurs,
 * and a readable word seen in the texts for it. */
typedef struct an_term {
    char *s;
    char *surface;     /* "Reallabor"; owned */
    int surface_whole; /* 1: seen as a whole word */
    int df;
    int stop;       /* a function word: never in a vector */
    int concept;    /* id + 1 of the term of its Oberbegriff, 0: none */
    int is_concept; /* 1: the term of an Oberbegriff ("#Veranstaltung") */
    int broad;      /* 1: a broad word ("Wirtschaft"), weighed less */
} an_term;

/* One entry as the analysis sees it. Strings owned. */
typedef struct an_doc {
    char *id, *title, *land, *kind; /* land: "DE-BY" or "bund" */
    unsigned fields, targets;       /* bit i: i-th slug of the vocabulary */
    int flags;                      /* AN_SEEKS | AN_OFFERS */
    int nt;                         /* terms, sorted by term id */
    int *term;
    float *w; /* TF-IDF weights, L2-normalised */
} an_doc;

typedef struct an_corpus {
    an_doc *d;
    size_t n, cap;
    an_term *t;
    size_t nterms, tcap;
    int *slot; /* open addressing: term id + 1, 0 empty */
    size_t nslot;
} an_corpus;

/* an_corpus_load: every entry of status (NULL: all) as a vector. Caller
 * frees with an_corpus_free(). */
int an_corpus_load(store *s, const char *status, an_corpus **out, char **err);
void an_corpus_free(an_corpus *c);

/* an_ctx_corpus: the corpus of status from a (context.c), built when a
 * keeps none for s and status or the data changed since. Borrowed: valid
 * until the next an_ctx_corpus with a or analyse_ctx_free(a). */
int an_ctx_corpus(analyse_ctx *a, store *s, const char *status, const an_corpus **out, char **err);

/* an_ctx_links_get / an_ctx_links_put: the answer of analyse_ctx_links
 * for threshold, kept with corpus c of a and dropped with it (one answer
 * per corpus: the last threshold asked for). get: a deep copy the caller
 * owns, or NULL when none is kept. put: keeps a deep copy of j. */
json_t *an_ctx_links_get(analyse_ctx *a, const an_corpus *c, double threshold);
void an_ctx_links_put(analyse_ctx *a, const an_corpus *c, double threshold, const json_t *j);

/* an_find: the index of entry id in c, or -1. */
long an_find(const an_corpus *c, const char *id);

/* an_cosine: dot product of two normalised vectors of c; *subject (when
 * not NULL) gets the part of it from terms that are not broad words: 0
 * when a and b share only broad words ("Wirtschaft", "Forschung"), which
 * is no reason to suggest one for the other. */
double an_cosine(const an_corpus *c, const an_doc *a, const an_doc *b, double *subject);

/* an_score: the combined score of suggesting b for a (analyse.h). */
double an_score(const an_doc *a, const an_doc *b, double cosine);

/* an_shared: the up to max most weighty terms a and b share, as readable
 * words without repeats, appended to b ("Reallabor, KI-Verordnung").
 * Returns how many. */
int an_shared(const an_corpus *c, const an_doc *a, const an_doc *b, int max, sbuf *out,
              json_t *list);

/* an_reason: the German sentence why b is suggested for a. Caller frees.
 * list (may be NULL) receives the shared words as JSON strings. */
char *an_reason(const an_corpus *c, const an_doc *a, const an_doc *b, json_t *list);

/* an_land_label: "Bayern" for "DE-BY", "Bund" for "bund". Static. */
const char *an_land_label(const char *land);

#endif
