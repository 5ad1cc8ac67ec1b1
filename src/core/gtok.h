/* gtok.h: the German tokenizer behind search and similarity.
 *
 * One analysis for documents and queries, so that both agree:
 *   - folding (text_fold): München = Muenchen = MÜNCHEN, ß = ss;
 *   - Snowball German stemming (libstemmer): Professuren -> Professur;
 *   - hyphenated words are indexed whole and in parts: "KI-Kompetenzzentrum"
 *     is found by "KI-Kompetenzzentrum", "Kompetenzzentrum" and "KI";
 *   - compounds are split at known heads (data/compounds.txt) so that
 *     "Zentrum" finds "Kompetenzzentrum", "Exzellenzzentren", "KI-Zentren",
 *     and "Professur" finds "Stiftungsprofessur".
 * Parts are emitted as colocated tokens at the position of the whole word,
 * so phrase queries keep working. */
#ifndef KL_GTOK_H
#define KL_GTOK_H

#include <sqlite3.h>

typedef struct gtok gtok;

enum { GTOK_DOCUMENT = 0, GTOK_QUERY = 1 };

/* One emitted term: folded, stemmed, NUL-terminated; borrowed, valid during
 * the callback only. colocated is 1 for a part emitted at the position of
 * the previous term. start/end are byte offsets of the source word. Return
 * non-zero from the callback to stop; gtok_run returns that value. */
typedef int (*gtok_cb)(void *ctx, const char *term, int len, int start, int end, int colocated);

/* gtok_new: a tokenizer instance (holds a stemmer, not thread-safe: one per
 * thread). Caller frees with gtok_free(). Never NULL. */
gtok *gtok_new(void);
void gtok_free(gtok *t);

/* gtok_run: analyse text[0..n) in GTOK_DOCUMENT or GTOK_QUERY mode.
 * Query mode emits each word once (the whole hyphenated form, no compound
 * parts); document mode adds the parts. Returns 0 or the callback's
 * non-zero value. */
int gtok_run(gtok *t, int mode, const char *text, int n, void *ctx, gtok_cb cb);

/* gtok_lexicon_size: how many words the compound lexicon (the embedded
 * data/compounds.txt) holds; for tests and diagnostics. */
int gtok_lexicon_size(const gtok *t);

/* gtok_register: register the FTS5 tokenizer "german" on db (used as
 * `tokenize = 'german'`). Returns an SQLite result code. */
int gtok_register(sqlite3 *db);

#endif
