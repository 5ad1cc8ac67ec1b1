/* backup.c: backup and restore through SQLite's online backup API (see
 * backup.h). */
#include "core/backup.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/store.h"
#include "util/err.h"
#include "util/xalloc.h"

/* How long a backup step waits for a lock held by a writer. */
#define BUSY_TRIES 200 /* x 50 ms */

static int db_fail(sqlite3 *db, char **err, const char *what, const char *path)
{
    return err_set(err, KL_EDB, "%s „%s“: %s", what, path,
                   db ? sqlite3_errmsg(db) : "kein Speicher");
}

static int open_db(const char *path, int flags, sqlite3 **db, char **err)
{
    if (sqlite3_open_v2(path, db, flags, NULL) != SQLITE_OK) {
        int rc = db_fail(*db, err, "Datenbank lässt sich nicht öffnen:", path);
        sqlite3_close(*db);
        *db = NULL;
        return rc;
    }
    sqlite3_busy_timeout(*db, 5000);
    return KL_OK;
}

/* temp_beside: a new empty file next to path ("PATH.SUFFIX-XXXXXX").
 * Caller frees the name and unlinks the file. */
static char *temp_beside(const char *path, const char *suffix, char **err)
{
    char *name = xasprintf("%s.%s-XXXXXX", path, suffix);
    int fd = mkstemp(name);
    if (fd < 0) {
        err_set(err, KL_EIO, "Temporäre Datei neben „%s“ lässt sich nicht anlegen: %s", path,
                strerror(errno));
        free(name);
        return NULL;
    }
    close(fd);
    return name;
}

/* unlink_db: remove a database file and its sidecars. */
static void unlink_db(const char *path)
{
    static const char *const side[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < 4; i++) {
        char *p = xasprintf("%s%s", path, side[i]);
        unlink(p);
        free(p);
    }
}

/* copy: all of src into dst in one step, i.e. one read transaction on
 * src (consistent however much is written meanwhile) and one write
 * transaction on dst (atomic for its readers). Waits for locks. */
static int copy(sqlite3 *src, sqlite3 *dst, const char *what, const char *path, char **err)
{
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b)
        return db_fail(dst, err, what, path);
    int rc;
    for (int tries = 0;; tries++) {
        rc = sqlite3_backup_step(b, -1);
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries >= BUSY_TRIES)
            break;
        sqlite3_sleep(50);
    }
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE)
        return err_set(err, KL_EDB, "%s „%s“: %s", what, path, sqlite3_errstr(rc));
    return KL_OK;
}

/* sync_dir: make a rename in the directory of path durable. */
static void sync_dir(const char *path)
{
    char *copy_of = xstrdup(path);
    int fd = open(dirname(copy_of), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(copy_of);
}

/* one_text: the text of the first row of q on db into buf; 0 if none. */
static int one_text(sqlite3 *db, const char *q, char *buf, size_t cap)
{
    sqlite3_stmt *st;
    int ok = 0;
    buf[0] = '\0';
    if (sqlite3_prepare_v2(db, q, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        snprintf(buf, cap, "%s", v ? v : "");
        ok = 1;
    }
    sqlite3_finalize(st);
    return ok;
}

static long long one_int(sqlite3 *db, const char *q)
{
    char buf[32];
    return one_text(db, q, buf, sizeof buf) ? strtoll(buf, NULL, 10) : -1;
}

int backup_make(const char *db_path, const char *out, int force, char **err)
{
    struct stat sb;
    sqlite3 *src = NULL, *dst = NULL;
    char *tmp = NULL, check[200];
    int rc = KL_OK;
    if (stat(db_path, &sb) != 0)
        return err_set(err, KL_ENOTFOUND, "Datenbank „%s“ gibt es nicht", db_path);
    if (!force && access(out, F_OK) == 0)
        return err_set(err, KL_ECONFLICT, "Datei „%s“ gibt es schon (überschreiben: --force)", out);
    if (!(tmp = temp_beside(out, "tmp", err)))
        return KL_EIO;
    rc = open_db(db_path, SQLITE_OPEN_READWRITE, &src, err);
    if (!rc)
        rc = open_db(tmp, SQLITE_OPEN_READWRITE, &dst, err);
    if (!rc)
        rc = copy(src, dst, "Sicherung von", db_path, err);
    /* The copy stands alone: no -wal file belongs to it. */
    if (!rc && !one_text(dst, "PRAGMA journal_mode = DELETE", check, sizeof check))
        rc = db_fail(dst, err, "Sicherung", tmp);
    /* integrity_check, not quick_check: SQLite 3.40's quick_check reports
     * false NULLs in the key columns of WITHOUT ROWID tables. */
    if (!rc &&
        (!one_text(dst, "PRAGMA integrity_check", check, sizeof check) || strcmp(check, "ok") != 0))
        rc = err_set(err, KL_EDB, "Die Sicherung besteht die Prüfung nicht: %s", check);
    sqlite3_close(dst);
    sqlite3_close(src);
    if (!rc) {
        /* link() refuses an existing name: no overwrite even if out
         * appeared meanwhile. */
        int moved = force ? rename(tmp, out) : link(tmp, out);
        if (moved != 0 && !force && errno == EEXIST)
            rc = err_set(err, KL_ECONFLICT, "Datei „%s“ gibt es schon (überschreiben: --force)",
                         out);
        else if (moved != 0)
            rc = err_set(err, KL_EIO, "Sicherung „%s“ lässt sich nicht anlegen: %s", out,
                         strerror(errno));
        else
            sync_dir(out);
    }
    unlink_db(tmp);
    free(tmp);
    return rc;
}

/* has_table: the file has a table of that name. */
static int has_table(sqlite3 *db, const char *name)
{
    char q[160], buf[8];
    snprintf(q, sizeof q, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '%s'", name);
    return one_text(db, q, buf, sizeof buf);
}

/* check_open: the checks of backup_check on an open connection. */
static int check_open(sqlite3 *db, const char *file, int *version, char **err)
{
    char first[300];
    sqlite3_stmt *st;
    /* integrity_check answers "ok", or one row per problem. */
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
        return err_set(err, KL_EINVAL, "„%s“ ist keine lesbare SQLite-Datenbank: %s", file,
                       sqlite3_errmsg(db));
    int step = sqlite3_step(st), rows = 0;
    first[0] = '\0';
    for (; step == SQLITE_ROW; step = sqlite3_step(st))
        if (rows++ == 0)
            snprintf(first, sizeof first, "%s", (const char *)sqlite3_column_text(st, 0));
    if (step != SQLITE_DONE)
        snprintf(first, sizeof first, "%s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    if (step != SQLITE_DONE || rows != 1 || strcmp(first, "ok") != 0)
        return err_set(err, KL_EINVAL, "„%s“ ist beschädigt (integrity_check: %s)", file, first);
    long long app = one_int(db, "PRAGMA application_id");
    long long v = one_int(db, "PRAGMA user_version");
    int ours = app == STORE_APPLICATION_ID ||
               (app == 0 && v >= 1 && has_table(db, "entry") && has_table(db, "history"));
    if (!ours)
        return err_set(err, KL_EINVAL, "„%s“ ist keine Datenbank der KI-Landkarte", file);
    if (v > STORE_SCHEMA_VERSION)
        return err_set(err, KL_EINVAL,
                       "„%s“ hat Schemaversion %lld, dieses Programm kennt nur bis %d: bitte eine "
                       "neuere Version von kilandkarte verwenden",
                       file, v, STORE_SCHEMA_VERSION);
    if (version)
        *version = (int)v;
    return KL_OK;
}

int backup_check(const char *file, int *version, char **err)
{
    struct stat sb;
    sqlite3 *db = NULL;
    if (stat(file, &sb) != 0)
        return err_set(err, KL_ENOTFOUND, "Sicherung „%s“ gibt es nicht", file);
    if (!S_ISREG(sb.st_mode))
        return err_set(err, KL_EINVAL, "„%s“ ist keine Datei", file);
    int rc = open_db(file, SQLITE_OPEN_READONLY, &db, err);
    if (!rc)
        rc = check_open(db, file, version, err);
    sqlite3_close(db);
    return rc;
}

/* prepare_copy: the backup, copied to tmp, migrated, its search index
 * checked. */
static int prepare_copy(const char *file, const char *tmp, const geo *g, char **err)
{
    sqlite3 *src = NULL, *dst = NULL;
    store *s = NULL;
    int rc = open_db(file, SQLITE_OPEN_READONLY, &src, err);
    if (!rc)
        rc = open_db(tmp, SQLITE_OPEN_READWRITE, &dst, err);
    if (!rc)
        rc = copy(src, dst, "Kopieren der Sicherung", file, err);
    sqlite3_close(dst);
    sqlite3_close(src);
    if (!rc)
        rc = store_open(tmp, g, 0, &s, err);
    if (!rc &&
        sqlite3_exec(store_sqlite(s), "INSERT INTO entry_fts(entry_fts) VALUES ('integrity-check')",
                     NULL, NULL, NULL) != SQLITE_OK)
        rc = err_set(err, KL_EINVAL, "Der Suchindex in „%s“ ist beschädigt: %s", file,
                     sqlite3_errmsg(store_sqlite(s)));
    store_close(s);
    return rc;
}

/* replace: keep db_path as .bak and write tmp into it. */
static int replace(const char *db_path, const char *tmp, char **err)
{
    sqlite3 *live = NULL, *bakc = NULL, *src = NULL;
    char *bak = xasprintf("%s.bak", db_path), *baktmp = temp_beside(db_path, "bak", err);
    int rc = baktmp ? open_db(db_path, SQLITE_OPEN_READWRITE, &live, err) : KL_EIO;
    if (!rc)
        rc = open_db(baktmp, SQLITE_OPEN_READWRITE, &bakc, err);
    if (!rc)
        rc = copy(live, bakc, "Sichern der bisherigen Datenbank", db_path, err);
    if (!rc && !one_text(bakc, "PRAGMA journal_mode = DELETE", (char[16]){0}, 16))
        rc = db_fail(bakc, err, "Sichern der bisherigen Datenbank", baktmp);
    sqlite3_close(bakc);
    int replaced = 0;
    if (!rc)
        rc = open_db(tmp, SQLITE_OPEN_READONLY, &src, err);
    if (!rc)
        replaced = !(rc = copy(src, live, "Ersetzen der Datenbank", db_path, err));
    sqlite3_close(src);
    sqlite3_close(live);
    if (replaced && rename(baktmp, bak) != 0)
        rc = err_set(err, KL_EIO,
                     "Datenbank ersetzt, aber die vorige liegt in „%s“, nicht in „%s“: %s", baktmp,
                     bak, strerror(errno));
    else if (replaced)
        sync_dir(bak);
    else if (baktmp)
        unlink_db(baktmp);
    free(baktmp);
    free(bak);
    return rc;
}

int backup_restore(const char *db_path, const char *file, const geo *g, int *version, int *kept,
                   char **err)
{
    struct stat sb;
    if (kept)
        *kept = 0;
    int rc = backup_check(file, version, err);
    if (rc)
        return rc;
    char *tmp = temp_beside(db_path, "restore", err);
    if (!tmp)
        return KL_EIO;
    rc = prepare_copy(file, tmp, g, err);
    if (!rc && stat(db_path, &sb) == 0) {
        rc = replace(db_path, tmp, err);
        if (!rc && kept)
            *kept = 1;
    } else if (!rc) {
        if (rename(tmp, db_path) != 0)
            rc = err_set(err, KL_EIO, "Datenbank „%s“ lässt sich nicht anlegen: %s", db_path,
                         strerror(errno));
        else
            sync_dir(db_path);
    }
    unlink_db(tmp);
    free(tmp);
    return rc;
}
