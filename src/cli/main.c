/* main.c: `kilandkarte [--db PATH] [--user NAME] [--lang de|en] COMMAND`.
 * Reads the global options, finds the command and runs it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

typedef struct command {
    const char *name;
    int (*run)(cli *c, int argc, char **argv);
    const char *de, *en;
} command;

static const command commands[] = {
    {"init", cmd_init, "Datenbank anlegen oder auf den neuesten Stand bringen",
     "create or upgrade the database"},
    {"add", cmd_add, "Einträge aus JSON / JSON Lines hinzufügen oder ändern",
     "add or change entries from JSON / JSON Lines"},
    {"get", cmd_get, "einen Eintrag als JSON zeigen", "show one entry as JSON"},
    {"list", cmd_list, "Einträge nach Filtern auflisten", "list entries by filters"},
    {"search", cmd_search, "auf Deutsch suchen (Stammformen, Komposita, Umlaute)",
     "search in German (stems, compounds, umlauts)"},
    {"export", cmd_export, "offene Daten: JSON Lines, CSV, GeoJSON",
     "open data: JSON Lines, CSV, GeoJSON"},
    {"history", cmd_history, "alle Versionen eines Eintrags", "all versions of an entry"},
    {"delete", cmd_delete, "einen Eintrag löschen (umkehrbar)", "delete an entry (reversible)"},
    {"restore", cmd_restore,
     "eine Version wiederherstellen, oder die Datenbank aus einer Sicherung",
     "restore a version, or the database from a backup"},
    {"publish", cmd_publish, "einen Entwurf veröffentlichen", "publish a draft"},
    {"unpublish", cmd_publish, "eine Veröffentlichung zurückziehen", "withdraw a publication"},
    {"places", cmd_places, "Orte im Ortsverzeichnis suchen", "look up places in the gazetteer"},
    {"summary", cmd_summary, "Überblick über die Einträge", "overview of the entries"},
    {"import", cmd_import, "Berichte einlesen und Einträge vorschlagen",
     "import reports, propose entries"},
    {"similar", cmd_similar, "ähnliche Aktivitäten anderer Länder (Anknüpfungspunkte)",
     "similar activities of other Länder"},
    {"links", cmd_links, "Kooperationskandidaten über Ländergrenzen",
     "cooperation candidates across Länder"},
    {"partners", cmd_partners, "Einträge, die Partner suchen oder Nachnutzung anbieten",
     "entries seeking partners or offering reuse"},
    {"compare", cmd_compare, "die Länder im Vergleich", "compare the Länder"},
    {"chair", cmd_chair, "Vorsitzland eines Jahres nach der Geschäftsordnung (mit Regel)",
     "chair of a year by the rules of procedure (with the rule)"},
    {"meetings", cmd_meetings, "Sitzungen, Tagesordnungen, Beschlüsse",
     "meetings, agenda items, resolutions"},
    {"tasks", cmd_tasks, "Berichtsaufträge aus Beschlüssen (offen, erledigt)",
     "reporting tasks from resolutions (open, done)"},
    {"serve", cmd_serve, "JSON-API und Webseiten ausliefern", "serve the JSON API and web pages"},
    {"feedback", cmd_feedback, "Rückmeldungen zur Barrierefreiheit (für Admins)",
     "feedback on accessibility (for admins)"},
    {"user", cmd_user, "Konten, Passwörter, API-Tokens, Sitzungen",
     "accounts, passwords, API tokens, sessions"},
    {"audit", cmd_audit, "Protokoll: Anmeldungen, Verweigerungen, Änderungen (für Admins)",
     "audit log: logins, refusals, changes (for admins)"},
    {"backup", cmd_backup, "stimmige Kopie der Datenbank, auch im laufenden Betrieb",
     "consistent copy of the database, also while serving"},
};

static void help(FILE *f, int en)
{
    fprintf(f, en ? "Usage: kilandkarte [--db PATH] [--user NAME] [--lang de|en] COMMAND ...\n\n"
                    "Commands:\n"
                  : "Aufruf: kilandkarte [--db PFAD] [--user NAME] [--lang de|en] BEFEHL ...\n\n"
                    "Befehle:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, en ? commands[i].en : commands[i].de);
    fprintf(f, en ? "\nDatabase: --db, else $KILANDKARTE_DB, else ./kilandkarte.db.\n"
                    "KILANDKARTE COMMAND --help explains a command.\n"
                    "Exit codes: 0 ok, 1 invalid input (nothing stored), 2 usage, 3 not found,\n"
                    "4 database or file error, 5 changed meanwhile or exists already.\n"
                  : "\nDatenbank: --db, sonst $KILANDKARTE_DB, sonst ./kilandkarte.db.\n"
                    "kilandkarte BEFEHL --help erklärt einen Befehl.\n"
                    "Rückgabewerte: 0 gut, 1 ungültige Eingabe (nichts gespeichert), 2 Aufruf\n"
                    "falsch, 3 nicht gefunden, 4 Datenbank- oder Dateifehler, 5 inzwischen\n"
                    "geändert oder schon vorhanden.\n");
}

/* global: consume the global option at argv[*i]; 1 if it was one, 0 if not,
 * -1 on error. */
static int global(cli *c, int argc, char **argv, int *i)
{
    static const char *const names[] = {"--db", "--user", "--lang"};
    for (size_t k = 0; k < 3; k++) {
        size_t len = strlen(names[k]);
        const char *a = argv[*i], *v;
        if (strncmp(a, names[k], len) != 0 || (a[len] != '\0' && a[len] != '='))
            continue;
        if (a[len] == '=') {
            v = a + len + 1;
        } else if (*i + 1 < argc) {
            v = argv[++*i];
        } else {
            fprintf(stderr, "kilandkarte: Option „%s“ braucht einen Wert\n", names[k]);
            return -1;
        }
        if (k == 0)
            c->db_path = v;
        else if (k == 1)
            c->user = v;
        else
            c->english = strcmp(v, "en") == 0;
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    cli c = {0};
    const char *lang = getenv("LANG");
    c.db_path = getenv("KILANDKARTE_DB");
    c.user = getenv("KILANDKARTE_USER");
    if (!c.user)
        c.user = getenv("USER");
    c.english = lang && strncmp(lang, "en", 2) == 0;
    int i = 1;
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            help(stdout, c.english);
            return EXIT_OK;
        }
        int r = global(&c, argc, argv, &i);
        if (r < 0)
            return EXIT_USAGE;
        if (r == 0) {
            fprintf(stderr, "kilandkarte: unbekannte Option „%s“\n", argv[i]);
            return EXIT_USAGE;
        }
    }
    if (!c.db_path || !*c.db_path)
        c.db_path = "kilandkarte.db";
    if (i >= argc) {
        help(stderr, c.english);
        return EXIT_USAGE;
    }
    for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++) {
        if (strcmp(commands[k].name, argv[i]) != 0)
            continue;
        int rc = commands[k].run(&c, argc - i, argv + i);
        store_close(c.s);
        geo_free(c.g);
        return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
    }
    fprintf(stderr, "kilandkarte: unbekannter Befehl „%s“ (kilandkarte --help)\n", argv[i]);
    return EXIT_USAGE;
}
