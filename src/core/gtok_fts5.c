/* gtok_fts5.c: the FTS5 tokenizer "german" on top of gtok (see gtok.h).
 *
 * FTS5 creates one tokenizer instance per table and connection; each owns
 * its own gtok, because the Snowball stemmer inside is not thread-safe and
 * connections may live on different threads. */
#include "core/gtok.h"

#include <sqlite3.h>
#include <stddef.h>

/* The glue between a gtok callback and FTS5's xToken. */
typedef struct fts_call {
    void *ctx;
    int (*token)(void *ctx, int tflags, const char *tok, int n, int start, int end);
} fts_call;

static int fts_create(void *unused, const char **argv, int argc, Fts5Tokenizer **out)
{
    (void)unused;
    (void)argv;
    *out = NULL;
    if (argc > 0)
        return SQLITE_ERROR; /* "german" takes no options */
    *out = (Fts5Tokenizer *)gtok_new();
    return SQLITE_OK;
}

static void fts_delete(Fts5Tokenizer *tok)
{
    gtok_free((gtok *)tok);
}

static int fts_token(void *ctx, const char *term, int len, int start, int end, int colocated)
{
    fts_call *c = ctx;
    return c->token(c->ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, term, len, start, end);
}

/* fts_tokenize: DOCUMENT and AUX (highlight, snippet) get the document
 * analysis with colocated parts; QUERY gets only whole words, because FTS5
 * turns several tokens of one query string into a phrase, which the parts
 * would break.
 *
 * Prefix queries (QUERY|PREFIX, "Kompetenz*") get the same folded, stemmed
 * and normalised form, as if the prefix were a whole word. The index holds
 * stems, and a stem (also after our normalisation) is always a prefix of
 * the folded word, so the stem of what the user typed matches every
 * stored term the raw prefix would, plus those whose stem is shorter than
 * what was typed: "Professuren*" finds Professur, "Zentrum*" finds
 * Zentren (and Zentralbank: a prefix is a prefix). What it cannot do is
 * find a word when the prefix runs past that word's stem into an ending
 * the stemmer does not cut from the fragment: "Zentru*" misses Zentrum
 * (stored "zentr"), "Sicherh*" misses Sicherheit (stored "sicher"); "Zent*"
 * or the whole word work. Emitting the unstemmed prefix instead would miss
 * far more ("Professuren*" would find nothing). */
static int fts_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int n,
                        int (*token)(void *, int, const char *, int, int, int))
{
    fts_call c = {ctx, token};
    int mode = (flags & FTS5_TOKENIZE_QUERY) ? GTOK_QUERY : GTOK_DOCUMENT;
    return gtok_run((gtok *)tok, mode, text, n, &c, fts_token);
}

/* fts5_api_of: the FTS5 API of db, or NULL when FTS5 is missing; the
 * documented way through "SELECT fts5(?1)" with a bound pointer. */
static fts5_api *fts5_api_of(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return api;
}

int gtok_register(sqlite3 *db)
{
    static fts5_tokenizer german = {fts_create, fts_delete, fts_tokenize};
    fts5_api *api = fts5_api_of(db);
    if (!api || api->iVersion < 2)
        return SQLITE_ERROR;
    return api->xCreateTokenizer(api, "german", NULL, &german, NULL);
}
