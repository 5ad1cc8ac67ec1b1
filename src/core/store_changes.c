/* store_changes.c: the change feed for systems that copy the registry
 * (see store.h, store_changes): every entry changed since a point in
 * time, deleted ones too, oldest change first. */
#include <string.h>

#include "core/store_int.h"
#include "util/err.h"

int store_changes(store *s, const char *since, void *ctx, store_change_fn fn, char **err)
{
    sqlite3_stmt *st;
    int rc = KL_OK, step;
    /* ever_published: whether the public ever saw the entry, so a feed
     * for the public can tell "withdrawn" from "never shown". */
    if (sqlite3_prepare_v2(s->db,
                           "SELECT e.id, e.version, e.updated_at, e.deleted, h.body,"
                           " EXISTS (SELECT 1 FROM history x WHERE x.id = e.id"
                           "  AND json_extract(x.body, '$.status') = 'published')"
                           " FROM entry e JOIN history h ON h.id = e.id AND h.version = e.version"
                           " WHERE e.updated_at >= ?1 ORDER BY e.updated_at, e.id",
                           -1, &st, NULL) != SQLITE_OK)
        return store_db_error(s, err, "Lesen der Änderungen");
    sqlite3_bind_text(st, 1, since, -1, SQLITE_STATIC);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        store_change c;
        c.id = (const char *)sqlite3_column_text(st, 0);
        c.version = sqlite3_column_int(st, 1);
        c.updated_at = (const char *)sqlite3_column_text(st, 2);
        c.deleted = sqlite3_column_int(st, 3);
        c.ever_published = sqlite3_column_int(st, 5);
        entry *e = entry_from_stored((const char *)sqlite3_column_text(st, 4));
        c.e = e;
        int stop = e ? fn(ctx, &c) : 0;
        entry_free(e);
        if (stop)
            break;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = store_db_error(s, err, "Lesen der Änderungen");
    sqlite3_finalize(st);
    return rc;
}
