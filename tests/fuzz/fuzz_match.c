/* fuzz_match.c: libFuzzer driver for store_match_expr
 * (src/core/store_search.c), which turns what a person typed into an FTS5
 * expression. Its promise: no input can break the FTS5 syntax. Checked by
 * running every expression as a MATCH against a small in-memory FTS5 table
 * with the German tokenizer: the statement must run to SQLITE_DONE.
 * Corpus: tests/fuzz/corpus/match. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/gtok.h"
#include "core/store_int.h"
#include "util/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what, const char *detail)
{
    if (!ok) {
        fprintf(stderr, "fuzz_match: contract broken: %s: %s\n", what, detail ? detail : "");
        abort();
    }
}

/* table: the MATCH statement on a table of two rows, prepared once per
 * process. */
static sqlite3_stmt *table(void)
{
    static sqlite3 *db;
    static sqlite3_stmt *st;
    if (st)
        return st;
    check(sqlite3_open(":memory:", &db) == SQLITE_OK, "open", NULL);
    check(gtok_register(db) == SQLITE_OK, "gtok_register", sqlite3_errmsg(db));
    const char *setup =
        "CREATE VIRTUAL TABLE t USING fts5(title, summary, tokenize = 'german');"
        "INSERT INTO t VALUES('KI-Kompetenzzentrum München', 'Forschung und Transfer');"
        "INSERT INTO t VALUES('Stiftungsprofessuren', 'Künstliche Intelligenz in Bayern');";
    check(sqlite3_exec(db, setup, NULL, NULL, NULL) == SQLITE_OK, "setup", sqlite3_errmsg(db));
    check(sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1", -1, &st, NULL) ==
              SQLITE_OK,
          "prepare", sqlite3_errmsg(db));
    return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sqlite3_stmt *st = table();
    /* What a person typed: a C string, so up to the first NUL. */
    char *q = xstrndup((const char *)data, size);
    char *m = store_match_expr(q);
    check(m != NULL, "expression", q);
    if (m[0]) {
        sqlite3_bind_text(st, 1, m, -1, SQLITE_TRANSIENT);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            ;
        if (rc != SQLITE_DONE)
            fprintf(stderr, "fuzz_match: query %s\n", q);
        check(rc == SQLITE_DONE, sqlite3_errmsg(sqlite3_db_handle(st)), m);
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    free(m);
    free(q);
    return 0;
}
