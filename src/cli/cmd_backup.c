/* cmd_backup.c: `kilandkarte backup DATEI` and the restore of such a
 * file (`kilandkarte restore DATEI`, reached through cmd_restore when
 * its argument is a path: entry ids never hold "." or "/"). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/backup.h"
#include "util/err.h"

static const char backup_usage[] =
    "Aufruf: kilandkarte backup DATEI [--force]\n"
    "  Schreibt eine in sich stimmige Kopie der Datenbank nach DATEI, auch während\n"
    "  ein Server schreibt (SQLite-Online-Backup). Eine vorhandene DATEI bleibt\n"
    "  unangetastet, außer mit --force. Zurückspielen: kilandkarte restore DATEI.\n";

int cmd_backup(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"force", 0, NULL, 0}};
    const char *pos[1];
    char *err = NULL;
    int npos, rc;
    if ((rc = cli_parse(argc, argv, opts, 1, pos, 1, &npos, backup_usage)))
        return rc;
    if (npos != 1) {
        fprintf(stderr, "kilandkarte backup: DATEI fehlt\n%s", backup_usage);
        return EXIT_USAGE;
    }
    if ((rc = backup_make(c->db_path, pos[0], opts[0].set, &err)))
        return cli_fail(rc, err);
    printf("Datenbank %s gesichert nach %s.\n", c->db_path, pos[0]);
    return EXIT_OK;
}

int cli_restore_file(cli *c, const char *file)
{
    char *err = NULL;
    int version = 0, kept = 0;
    const geo *g = cli_geo(c);
    if (!g)
        return EXIT_DB;
    int rc = backup_restore(c->db_path, file, g, &version, &kept, &err);
    if (rc)
        return cli_fail(rc, err);
    printf("Datenbank %s aus %s wiederhergestellt (Schemaversion %d, jetzt %d).\n", c->db_path,
           file, version, STORE_SCHEMA_VERSION);
    if (kept)
        printf("Die bisherige Datenbank liegt in %s.bak.\n", c->db_path);
    return EXIT_OK;
}
