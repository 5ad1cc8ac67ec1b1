/* morph.h: the judged queries where German morphology matters (plural
 * and inflection, compounds, umlaut spellings), for comparing search
 * engines by recall and precision on the generated entries.
 *
 * How relevance is judged, independently of every tokenizer compared: an
 * entry is relevant to a query when a word of its title or summary, folded
 * (lower case, ä ö ü to ae oe ue, ß to ss; text.h), is one of the forms
 * listed for the query or ends with one (a compound whose head it is, such
 * as Kompetenzzentrum for Zentrum). Words are split at every character that
 * is no letter or digit, so KI-Zentren gives "zentren". The forms are
 * written by hand from a German grammar, not from any engine's output. */
#ifndef KL_BENCH_MORPH_H
#define KL_BENCH_MORPH_H

#include <stddef.h>
#include <stdint.h>

typedef struct morph_q {
    const char *q;        /* as a person types it */
    const char *cat;      /* "plural", "compound", "umlaut" */
    const char *forms[6]; /* folded forms of the lemma, NULL-terminated */
} morph_q;

/* The judged queries (at most 64: one bit each in a mask). */
extern const morph_q morph_queries[];
extern const size_t morph_nq;

/* morph_relevant: bit i set when the entry with this title and summary is
 * relevant to morph_queries[i]. Keeps a cache of the words seen (freed by
 * morph_free). */
uint64_t morph_relevant(const char *title, const char *summary);

void morph_free(void);

#endif
