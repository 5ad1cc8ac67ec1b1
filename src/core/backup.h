/* backup.h: consistent copies of a live database, and their restore.
 *
 * Both go through SQLite's online backup API, never through file copies:
 * a backup is one read transaction on the live file (a server may go on
 * writing; the copy shows the state at one moment, every transaction
 * whole or not at all), and a restore writes the checked copy into the
 * live file as one write transaction (a running server sees the old or
 * the new database, never a mix, and needs no restart). */
#ifndef KL_BACKUP_H
#define KL_BACKUP_H

#include "core/geo.h"

/* backup_make: copy the database at db_path to out. out must not exist
 * unless force; the copy is written beside it under a temporary name
 * and moved into place only when complete, so out is never half
 * written. The copy is a plain file (no -wal beside it) that passes
 * integrity_check. KL_ENOTFOUND when db_path does not exist (no empty
 * database is made); KL_ECONFLICT when out exists and !force; KL_EDB,
 * KL_EIO otherwise. */
int backup_make(const char *db_path, const char *out, int force, char **err);

/* backup_check: is file a KI-Landkarte database this program can use?
 * It must pass integrity_check, carry our application_id (or, written
 * before the id existed, have our tables) and a schema version not newer
 * than STORE_SCHEMA_VERSION. *version (may be NULL) receives that
 * version. The file is opened read-only. KL_EINVAL says what is wrong;
 * KL_ENOTFOUND when there is no such file. */
int backup_check(const char *file, int *version, char **err);

/* backup_restore: replace the database at db_path with the backup file:
 * check it (backup_check), copy it beside db_path, migrate the copy to
 * this program's schema and check its full-text index, then keep the
 * current database as db_path.bak (replacing an older .bak) and write
 * the copy into db_path in one transaction (or move it there when
 * db_path does not exist yet). On any failure db_path is unchanged.
 * file itself is only read. g: the gazetteer the store needs (borrowed).
 * *version receives the schema version the file had, *kept (may be
 * NULL) 1 when a previous database was kept as .bak. Writes that a
 * running server commits between the .bak copy and the replacement are
 * in neither: restore with the server stopped when that matters. */
int backup_restore(const char *db_path, const char *file, const geo *g, int *version, int *kept,
                   char **err);

#endif
