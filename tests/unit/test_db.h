/* test_db.h: what the unit tests that open a database file share. */
#ifndef KL_TEST_DB_H
#define KL_TEST_DB_H

#include <stdio.h>
#include <unistd.h>

/* test_unlink_db: remove the database file path and what SQLite and
 * `restore` leave beside it (-wal, -shm, .bak). */
static inline void test_unlink_db(const char *path)
{
    static const char *const side[] = {"", "-wal", "-shm", ".bak"};
    char p[512];
    for (size_t i = 0; i < sizeof side / sizeof *side; i++) {
        snprintf(p, sizeof p, "%s%s", path, side[i]);
        unlink(p);
    }
}

#endif
