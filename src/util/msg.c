/* msg.c: the English catalogue of the server's messages and the
 * matching that finds a formatted German message in it (see msg.h).
 *
 * The catalogue: each German printf format of src/ (not src/cli, the
 * command line stays German) with its English version, which has the
 * same conversions in the same order. Fragments without conversions
 * (what the database was doing, the name of an action) are pieces of
 * other messages. tests/i18n/msg_check.mjs reads this table: keep one
 * pair per entry, the German first. */
#include "util/msg.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/sbuf.h"
#include "util/xalloc.h"

typedef struct msg_pair {
    const char *de, *en;
} msg_pair;

static const msg_pair catalogue[] = {
    /* Outer formats of entry.c's fail() (built in pieces there) */
    {"%s, Feld „%s“: %s", "%s, field “%s”: %s"},
    {"Feld „%s“: %s", "Field “%s”: %s"},
    {"„%s“ %s", "“%s” %s"},
    {"%s, Element %zu", "%s, element %zu"},
    {"%s, Zeile %zu", "%s, line %zu"},
    {"Anfrage", "Request"},
    /* Entry validation (entry.c) */
    {"fehlt, ist aber Pflicht", "is missing but required"},
    {"muss eine Zeichenkette sein", "must be a string"},
    {"darf nicht leer sein", "must not be empty"},
    {"ist länger als %zu Bytes", "is longer than %zu bytes"},
    {"muss eine Liste sein", "must be a list"},
    {"Element %zu muss eine Zeichenkette sein", "element %zu must be a string"},
    {"Element %zu ist leer oder länger als %zu Bytes",
     "element %zu is empty or longer than %zu bytes"},
    {"unbekannter Wert „%s“ (erlaubt: %s)", "unknown value “%s” (allowed: %s)"},
    {"„%s“ ist kein Land (erwartet z. B. DE-BY oder Bayern)",
     "“%s” is not a Land (expected e.g. DE-BY or Bayern)"},
    {"muss ein Ortsname oder ein Objekt {name, lat, lon, land} sein",
     "must be a place name or an object {name, lat, lon, land}"},
    {"lat und lon müssen beide Zahlen sein oder beide fehlen",
     "lat and lon must both be numbers or both be absent"},
    {"Koordinaten %.5f, %.5f liegen nicht in Deutschland",
     "coordinates %.5f, %.5f are not in Germany"},
    {"„land“ ist kein Land", "“land” is not a Land"},
    {"Ort nicht gefunden", "place not found"},
    {"Element %zu unlesbar", "element %zu is unreadable"},
    {"„%s“ muss ein Jahr zwischen 1900 und 2100 sein", "“%s” must be a year between 1900 and 2100"},
    {"muss ein Objekt {eur, per_year, from, to, text} sein",
     "must be an object {eur, per_year, from, to, text}"},
    {"„eur“ muss ein positiver Betrag in Euro sein", "“eur” must be a positive amount in euros"},
    {"„per_year“ muss true oder false sein", "“per_year” must be true or false"},
    {"„from“ liegt nach „to“", "“from” is after “to”"},
    {"muss ein Objekt {n: ganze Zahl ≥ 0, of: Text} sein",
     "must be an object {n: integer ≥ 0, of: text}"},
    {"Element %zu muss ein Jahr zwischen 1900 und 2100 sein",
     "element %zu must be a year between 1900 and 2100"},
    {"Element %zu ist keine http(s)-Adresse", "element %zu is not an http(s) address"},
    {"muss true oder false sein", "must be true or false"},
    {"muss ein Objekt {document, start, end, quote} sein",
     "must be an object {document, start, end, quote}"},
    {"„start“ und „end“ müssen ganze Zahlen mit 0 ≤ start ≤ end sein",
     "“start” and “end” must be integers with 0 ≤ start ≤ end"},
    {"unbekanntes Feld", "unknown field"},
    {"fehlt: Einträge der Ebene „%s“ gehören zu einem Land",
     "is missing: entries of level “%s” belong to a Land"},
    {"muss bei Einträgen des Bundes leer (null) sein", "must be empty (null) for federal entries"},
    {"„%s“: nur Kleinbuchstaben a-z, Ziffern, - und _",
     "“%s”: only lower-case letters a-z, digits, - and _"},
    {"%s: ein Eintrag muss ein JSON-Objekt sein", "%s: an entry must be a JSON object"},
    {"ein Eintrag muss ein JSON-Objekt sein", "an entry must be a JSON object"},
    /* Reading entries (entry_input.c) */
    {"%s, Zeile %zu: ungültiges JSON: %s", "%s, line %zu: invalid JSON: %s"},
    {"%s, Zeile %zu: ungültiges UTF-8 (Byte %zu)", "%s, line %zu: invalid UTF-8 (byte %zu)"},
    /* Gazetteer (geo.c) */
    {"%s, Zeile %zu: %zu statt 6 Tab-getrennter Felder (Name, Breite, Länge, Land, Einwohner, "
     "weitere Namen)",
     "%s, line %zu: %zu instead of 6 tab-separated fields (name, latitude, longitude, Land, "
     "population, other names)"},
    {"%s, Zeile %zu: der Name fehlt", "%s, line %zu: the name is missing"},
    {"%s, Zeile %zu: kein gültiges UTF-8", "%s, line %zu: not valid UTF-8"},
    {"%s, Zeile %zu: Breite „%s“ ist keine Dezimalzahl zwischen -90 und 90",
     "%s, line %zu: latitude “%s” is not a decimal number between -90 and 90"},
    {"%s, Zeile %zu: Länge „%s“ ist keine Dezimalzahl zwischen -180 und 180",
     "%s, line %zu: longitude “%s” is not a decimal number between -180 and 180"},
    {"%s, Zeile %zu: Land „%s“ ist kein Code wie DE-BY",
     "%s, line %zu: Land “%s” is not a code like DE-BY"},
    {"%s, Zeile %zu: Einwohnerzahl „%s“ ist keine ganze Zahl ab 0",
     "%s, line %zu: population “%s” is not an integer of 0 or more"},
    {"%s: enthält NUL-Bytes, ist keine Textdatei", "%s: contains NUL bytes, is not a text file"},
    {"%s: enthält keine Orte", "%s: contains no places"},
    {"Ortsverzeichnis %s kann nicht geöffnet werden: %s", "gazetteer %s cannot be opened: %s"},
    {"Ortsverzeichnis %s kann nicht gelesen werden: %s", "gazetteer %s cannot be read: %s"},
    {"Ort „%s“ nicht im Ortsverzeichnis gefunden", "place “%s” not found in the gazetteer"},
    {"Ort „%s“ nicht im Ortsverzeichnis gefunden; meinten Sie: %s?",
     "place “%s” not found in the gazetteer; did you mean: %s?"},
    /* Backup (backup.c) */
    {"%s „%s“: %s", "%s “%s”: %s"},
    {"kein Speicher", "out of memory"},
    {"Datenbank lässt sich nicht öffnen:", "Database cannot be opened:"},
    {"Sicherung", "Backup"},
    {"Sicherung von", "Backup of"},
    {"Temporäre Datei neben „%s“ lässt sich nicht anlegen: %s",
     "a temporary file next to “%s” cannot be created: %s"},
    {"Datenbank „%s“ gibt es nicht", "database “%s” does not exist"},
    {"Datei „%s“ gibt es schon (überschreiben: --force)",
     "file “%s” exists already (to overwrite: --force)"},
    {"Die Sicherung besteht die Prüfung nicht: %s", "the backup fails the check: %s"},
    {"Sicherung „%s“ lässt sich nicht anlegen: %s", "backup “%s” cannot be created: %s"},
    {"„%s“ ist keine lesbare SQLite-Datenbank: %s", "“%s” is not a readable SQLite database: %s"},
    {"„%s“ ist beschädigt (integrity_check: %s)", "“%s” is damaged (integrity_check: %s)"},
    {"„%s“ ist keine Datenbank der KI-Landkarte", "“%s” is not a KI-Landkarte database"},
    {"„%s“ hat Schemaversion %lld, dieses Programm kennt nur bis %d: bitte eine neuere Version von "
     "kilandkarte verwenden",
     "“%s” has schema version %lld, this program knows only up to %d: please use a newer version "
     "of kilandkarte"},
    {"Sicherung „%s“ gibt es nicht", "backup “%s” does not exist"},
    {"„%s“ ist keine Datei", "“%s” is not a file"},
    {"Der Suchindex in „%s“ ist beschädigt: %s", "the search index in “%s” is damaged: %s"},
    {"Datenbank ersetzt, aber die vorige liegt in „%s“, nicht in „%s“: %s",
     "database replaced, but the previous one is in “%s”, not in “%s”: %s"},
    {"Datenbank „%s“ lässt sich nicht anlegen: %s", "database “%s” cannot be created: %s"},
    /* Store (store*.c, export.c) */
    {"Format „%s“ unbekannt (jsonl, csv, geojson)", "unknown format “%s” (jsonl, csv, geojson)"},
    {"Die Datenbank hat Schemaversion %d, dieses Programm kennt nur bis %d: bitte eine neuere "
     "Version von kilandkarte verwenden",
     "the database has schema version %d, this program knows only up to %d: please use a newer "
     "version of kilandkarte"},
    {"Datenbank „%s“ lässt sich nicht öffnen: %s", "database “%s” cannot be opened: %s"},
    {"Eintrag „%s“ ist beschädigt gespeichert", "entry “%s” is stored damaged"},
    {"Eintrag „%s“ wurde inzwischen geändert (Version %d, erwartet %d)",
     "entry “%s” has been changed meanwhile (version %d, expected %d)"},
    {"Eintrag „%s“ ist gelöscht (wiederherstellen: kilandkarte restore %s)",
     "entry “%s” is deleted (to restore: kilandkarte restore %s)"},
    {"Eintrag „%s“ nicht gefunden", "entry “%s” not found"},
    {"Eintrag „%s“ nicht gefunden (schon gelöscht)", "entry “%s” not found (deleted already)"},
    {"Eintrag „%s“ hat keine Version %d", "entry “%s” has no version %d"},
    {"Status „%s“ unbekannt (erlaubt: draft, published)",
     "unknown status “%s” (allowed: draft, published)"},
    {"derselbe Text ist schon als „%s“ gespeichert", "the same text is stored already as “%s”"},
    {"Dokument „%s“ nicht gefunden", "document “%s” not found"},
    {"Suchanfrage „%s“ nicht ausführbar: %s", "search query “%s” cannot be run: %s"},
    {"Feld „%s“: fehlt, ist aber Pflicht", "Field “%s”: is missing but required"},
    {"Feld „%s“: länger als %zu Bytes", "Field “%s”: longer than %zu bytes"},
    {"Feld „%s“: ungültiges UTF-8", "Field “%s”: invalid UTF-8"},
    {"Rückmeldung %lld nicht gefunden", "feedback %lld not found"},
    {"Sortierung „%s“ unbekannt (erlaubt: relevance, distance, title, updated, id)",
     "unknown sort order “%s” (allowed: relevance, distance, title, updated, id)"},
    {"Sortierung „distance“ braucht einen Ort (near)",
     "sort order “distance” needs a place (near)"},
    {"Umkreis muss zwischen 0 und 1000 km liegen", "the radius must be between 0 and 1000 km"},
    {"Treffer beschädigt gespeichert", "a hit is stored damaged"},
    {"Datenbankfehler beim %s: %s", "database error while %s: %s"},
    /* What the database was doing (store, auth, backup, conference) */
    {"Abschließen der Transaktion", "finishing the transaction"},
    {"Aktualisieren des Schemas", "updating the schema"},
    {"Aktualisieren des Suchindex", "updating the search index"},
    {"Anlegen einer Sitzung", "creating a session"},
    {"Anlegen eines Kontos", "creating an account"},
    {"Anlegen eines Tokens", "creating a token"},
    {"Aufräumen der Sitzungen", "cleaning up the sessions"},
    {"Beenden der Sitzungen", "ending the sessions"},
    {"Beenden einer Sitzung", "ending a session"},
    {"Beginnen der Transaktion", "beginning the transaction"},
    {"Einstellen der Datenbank", "configuring the database"},
    {"Erneuern eines Passwort-Hashes", "renewing a password hash"},
    {"Ersetzen der Datenbank", "replacing the database"},
    {"Kopieren der Sicherung", "copying the backup"},
    {"Lesen der Anmeldeversuche", "reading the login attempts"},
    {"Lesen der Dokumente", "reading the documents"},
    {"Lesen der Einträge", "reading the entries"},
    {"Lesen der Einträge eines Dokuments", "reading the entries of a document"},
    {"Lesen der Facetten", "reading the facets"},
    {"Lesen der Herkunft", "reading the provenance"},
    {"Lesen der Konferenzdaten", "reading the conference data"},
    {"Lesen der Konten", "reading the accounts"},
    {"Lesen der Rückmeldungen", "reading the feedback"},
    {"Lesen der Schemaversion", "reading the schema version"},
    {"Lesen der Tokens", "reading the tokens"},
    {"Lesen der Treffer", "reading the hits"},
    {"Lesen der Versionsgeschichte", "reading the version history"},
    {"Lesen der Änderungen", "reading the changes"},
    {"Lesen des Protokolls", "reading the log"},
    {"Lesen einer Sitzung", "reading a session"},
    {"Lesen eines Dokuments", "reading a document"},
    {"Lesen eines Eintrags", "reading an entry"},
    {"Lesen eines Kontos", "reading an account"},
    {"Lesen eines Tokens", "reading a token"},
    {"Markieren eines gelöschten Objekts", "marking a deleted object"},
    {"Registrieren der deutschen Suche", "registering the German search"},
    {"Schreiben der Versionsgeschichte", "writing the version history"},
    {"Schreiben des Protokolls", "writing the log"},
    {"Sichern der bisherigen Datenbank", "backing up the previous database"},
    {"Speichern der Facetten", "storing the facets"},
    {"Speichern der Herkunft", "storing the provenance"},
    {"Speichern der Orte", "storing the places"},
    {"Speichern einer Rückmeldung", "storing feedback"},
    {"Speichern eines Dokuments", "storing a document"},
    {"Speichern eines Eintrags", "storing an entry"},
    {"Vorbereiten der Abfragen", "preparing the queries"},
    {"Vorbereiten der Kontoabfragen", "preparing the account queries"},
    {"Vorbereiten der Suche", "preparing the search"},
    {"Widerrufen eines Tokens", "revoking a token"},
    {"Zählen der Einträge", "counting the entries"},
    {"Ändern einer Rückmeldung", "changing feedback"},
    {"Ändern eines Kontos", "changing an account"},
    {"Ändern eines Passworts", "changing a password"},
    /* Accounts and permissions (auth) */
    {"libsodium lässt sich nicht initialisieren", "libsodium cannot be initialised"},
    {"Passwort-Hash: zu wenig Speicher (%zu Bytes)",
     "password hash: not enough memory (%zu bytes)"},
    {"Protokoll: Feld „action“ fehlt", "log: field “action” is missing"},
    {"Anmeldung nötig: %s", "Login required: %s"},
    {"Anmeldung nötig: %s von Eintrag „%s“", "Login required: %s of entry “%s”"},
    {"%s von Eintrag „%s“ (%s) ist dem Konto „%s“ (%s) nicht erlaubt",
     "%s of entry “%s” (%s) is not allowed for the account “%s” (%s)"},
    {"%s ist dem Konto „%s“ (%s) nicht erlaubt", "%s is not allowed for the account “%s” (%s)"},
    {"Land %s", "Land %s"},
    {"Bund", "federal"},
    {"Bund (%s)", "federal (%s)"},
    {"Lesen", "reading"},
    {"Anlegen", "creating"},
    {"Ändern", "editing"},
    {"Veröffentlichen", "publishing"},
    {"Zurückziehen", "withdrawing"},
    {"Löschen", "deleting"},
    {"Wiederherstellen", "restoring"},
    {"Importieren von Berichten", "importing reports"},
    {"Ändern der Konferenzdaten", "changing the conference data"},
    {"Verwalten der Konten", "managing the accounts"},
    {"Rolle „%s“ unbekannt (erlaubt: admin, chair, land-editor, federal-editor)",
     "unknown role “%s” (allowed: admin, chair, land-editor, federal-editor)"},
    {"Passwort: länger als %d Bytes", "password: longer than %d bytes"},
    {"Passwort: ungültiges UTF-8", "password: invalid UTF-8"},
    {"Passwort: mindestens %d Zeichen (hat %zu)", "password: at least %d characters (has %zu)"},
    {"Feld „user“: fehlt", "Field “user”: missing"},
    {"Feld „password“: fehlt", "Field “password”: missing"},
    {"Feld „password“: länger als %d Bytes", "Field “password”: longer than %d bytes"},
    {"Zu viele fehlgeschlagene Anmeldungen: bitte in %d Sekunden wieder versuchen",
     "Too many failed logins: please try again in %d seconds"},
    {"Name oder Passwort falsch", "Wrong name or password"},
    {"Keine gültige Sitzung: bitte anmelden", "No valid session: please log in"},
    {"Sitzung abgelaufen: bitte neu anmelden", "Session expired: please log in again"},
    {"Konto „%s“ ist gesperrt", "account “%s” is disabled"},
    {"CSRF-Token fehlt oder passt nicht zur Sitzung (Kopfzeile X-CSRF-Token)",
     "CSRF token missing or not matching the session (header X-CSRF-Token)"},
    {"Feld „name“ des Tokens: höchstens 100 Bytes UTF-8",
     "Field “name” of the token: at most 100 bytes of UTF-8"},
    {"Kein gültiges API-Token", "No valid API token"},
    {"Das Konto dieses API-Tokens ist gesperrt", "The account of this API token is disabled"},
    {"Konto „%s“ hat kein gültiges Token %lld", "account “%s” has no valid token %lld"},
    {"Feld „name“: fehlt", "Field “name”: missing"},
    {"Feld „name“: länger als %d Bytes", "Field “name”: longer than %d bytes"},
    {"Feld „name“: muss mit einem Kleinbuchstaben a-z beginnen",
     "Field “name”: must begin with a lower-case letter a-z"},
    {"Feld „name“: nur a-z, 0-9, Punkt, Binde- und Unterstrich erlaubt",
     "Field “name”: only a-z, 0-9, dot, hyphen and underscore allowed"},
    {"Feld „role“: unbekannte Rolle", "Field “role”: unknown role"},
    {"Feld „land“: eine Landesredaktion braucht ein Land",
     "Field “land”: a Land editor needs a Land"},
    {"Feld „land“: nur die Rolle land-editor hat ein Land",
     "Field “land”: only the role land-editor has a Land"},
    {"Feld „land“: „%s“ ist kein Land (erwartet z. B. DE-BY)",
     "Field “land”: “%s” is not a Land (expected e.g. DE-BY)"},
    {"Feld „ministries“: eine Bundesredaktion braucht mindestens ein Ministerium",
     "Field “ministries”: a federal editor needs at least one ministry"},
    {"Feld „ministries“: nur die Rolle federal-editor hat Ministerien",
     "Field “ministries”: only the role federal-editor has ministries"},
    {"Feld „ministries“: mehr als %d", "Field “ministries”: more than %d"},
    {"Feld „ministries“: „%s“ ist kein Bundesministerium (z. B. BMBF, BMI)",
     "Field “ministries”: “%s” is not a federal ministry (e.g. BMBF, BMI)"},
    {"Konto „%s“ gibt es schon", "account “%s” exists already"},
    {"Konto „%s“ nicht gefunden", "account “%s” not found"},
    /* Reports (extract.c) */
    {"%s: die Datei ist mit %zu Bytes größer als die Grenze von %zu Bytes (20 MiB); ein Bericht "
     "ist viel kleiner",
     "%s: at %zu bytes the file is larger than the limit of %zu bytes (20 MiB); a report is much "
     "smaller"},
    {"%s: die Datei ist leer", "%s: the file is empty"},
    {"%s: keine Textdatei (NUL-Byte bei Byte %zu, Zeile %zu); erwartet wird Text, z. B. aus "
     "pdftotext",
     "%s: not a text file (NUL byte at byte %zu, line %zu); text is expected, e.g. from pdftotext"},
    {"%s: ungültiges UTF-8 bei Byte %zu (Zeile %zu); ist die Datei Latin-1 (ISO-8859-1), dann mit "
     "--latin1 einlesen",
     "%s: invalid UTF-8 at byte %zu (line %zu); if the file is Latin-1 (ISO-8859-1), read it with "
     "--latin1"},
    {"%s: ungültiges UTF-8 bei Byte %zu", "%s: invalid UTF-8 at byte %zu"},
    /* OParl */
    {"Datenbankfehler beim Vorbereiten der OParl-Abfragen: %s",
     "database error while preparing the OParl queries: %s"},
    {"Datenbankfehler beim Lesen für OParl: %s", "database error while reading for OParl: %s"},
    {"Kein Objekt „%s“ unter %s", "no object “%s” under %s"},
    {"Keine Körperschaft „%s“", "no body “%s”"},
    {"„page“: die Liste hat nur 1 Seite", "“page”: the list has only 1 page"},
    {"„page“: die Liste hat nur %lld Seiten", "“page”: the list has only %lld pages"},
    {"„%s“ erwartet Datum und Uhrzeit mit Zeitzone nach RFC 3339, z. B. 2024-04-19T09:00:00+02:00, "
     "nicht „%s“",
     "“%s” expects a date and time with time zone as in RFC 3339, e.g. 2024-04-19T09:00:00+02:00, "
     "not “%s”"},
    {"„%s“ erwartet eine Seitengröße von 1 bis %d, nicht „%s“",
     "“%s” expects a page size from 1 to %d, not “%s”"},
    {"„page“ erwartet eine Seitenzahl ab 1, nicht „%s“",
     "“page” expects a page number from 1, not “%s”"},
    {"Unbekannter Parameter „%s“", "Unknown parameter “%s”"},
    /* Conference */
    {"Datenbankfehler beim Vorbereiten der Konferenzabfragen: %s",
     "database error while preparing the conference queries: %s"},
    {"Datenbankfehler beim Speichern in %s: %s", "database error while storing into %s: %s"},
    {"Datenbankfehler beim Lesen der Konferenzdaten: %s",
     "database error while reading the conference data: %s"},
    {"Status „%s“ unbekannt (erlaubt: open, done)", "unknown status “%s” (allowed: open, done)"},
    {"Datenbankfehler beim Ändern einer Aufgabe: %s", "database error while changing a task: %s"},
    {"Aufgabe „%s“ nicht gefunden", "task “%s” not found"},
    {"Jahr %d: bekannt sind die D16 (ab 2019) und die DMK (ab 2024); erlaubt sind 2019 bis 9999",
     "year %d: known are the D16 (from 2019) and the DMK (from 2024); allowed are 2019 to 9999"},
    /* Analysis */
    {"--by „%s“ unbekannt; erlaubt: field, kind, target",
     "--by “%s” unknown; allowed: field, kind, target"},
    {"Datenbankfehler beim Lesen von PRAGMA data_version",
     "database error while reading PRAGMA data_version"},
    {"Anzahl %d außerhalb von 1..100", "count %d outside 1..100"},
    /* HTTP */
    {"Der Eintrag wurde inzwischen geändert: Ihre Fassung beruht auf einer älteren Version. "
     "Bitte beide Fassungen zusammenführen und erneut senden.",
     "The entry has been changed meanwhile: your version is based on an older one. Please "
     "merge both versions and send again."},
    {"nicht in Ihrem Bereich (anderes Land oder Ministerium)",
     "not in your area (another Land or ministry)"},
    {"gibt es schon", "exists already"},
    {"Ungültiger Parameter", "Invalid parameter"},
    {"Nicht angemeldet", "Not logged in"},
    {"Nicht erlaubt", "Not allowed"},
    {"Nicht gefunden", "Not found"},
    {"Methode nicht erlaubt", "Method not allowed"},
    {"Konflikt", "Conflict"},
    {"Inzwischen geändert", "Changed meanwhile"},
    {"Nicht verarbeitbar", "Unprocessable"},
    {"If-Match fehlt", "If-Match missing"},
    {"Anfrage zu groß", "Request too large"},
    {"Falsches Format des Inhalts", "Wrong content format"},
    {"Zu viele Anfragen", "Too many requests"},
    {"Interner Fehler", "Internal error"},
    {"Die Anfrage enthält ungültiges UTF-8", "The request contains invalid UTF-8"},
    {"„%s“ ist kein erlaubter Wert für %s; erlaubt: %s",
     "“%s” is not an allowed value for %s; allowed: %s"},
    {"%s ist fehlgeschlagen", "%s failed"},
    {"Die Suche nach ähnlichen Aktivitäten", "The search for similar activities"},
    {"Die Suche nach Kooperationsgruppen", "The search for cooperation groups"},
    {"Der Vergleich der Länder", "The comparison of the Länder"},
    {"Die Sitzung", "The meeting"},
    {"Die Liste der Sitzungen", "The list of meetings"},
    {"Die Liste der Partnerangebote", "The list of partner offers"},
    {"Die Liste der Berichtsaufträge", "The list of reporting tasks"},
    {"„limit“ erwartet eine ganze Zahl von 1 bis %d, nicht „%s“",
     "“limit” expects an integer from 1 to %d, not “%s”"},
    {"Kein veröffentlichter Eintrag „%s“", "No published entry “%s”"},
    {"„min_score“ erwartet eine Zahl über 0 bis 1 (z. B. 0.3), nicht „%s“",
     "“min_score” expects a number above 0 up to 1 (e.g. 0.3), not “%s”"},
    {"limit erwartet 1 bis 1000, nicht „%s“", "limit expects 1 to 1000, not “%s”"},
    {"before erwartet eine Nummer ab 1", "before expects a number from 1"},
    {"Das Protokoll ist nicht lesbar", "The log cannot be read"},
    {"Die Daten des Konferenzzyklus sind nicht lesbar",
     "The data of the conference cycle cannot be read"},
    {"„%s“ erwartet ein Jahr von 1900 bis 9999, nicht „%s“",
     "“%s” expects a year from 1900 to 9999, not “%s”"},
    {"Für dieses Jahr gibt es keinen Vorsitz", "There is no chair for this year"},
    {"Entweder year oder from und to angeben, nicht beides",
     "Give either year or from and to, not both"},
    {"year=JAHR oder from=JAHR&to=JAHR angeben", "Give year=YEAR or from=YEAR&to=YEAR"},
    {"from und to gehören zusammen", "from and to go together"},
    {"to (%d) liegt vor from (%d)", "to (%d) is before from (%d)"},
    {"Höchstens %d Jahre auf einmal (from %d bis to %d)",
     "At most %d years at once (from %d to to %d)"},
    {"Keine Sitzung „%s“", "No meeting “%s”"},
    {"„open“ erwartet 1 (nur offene Aufträge) oder 0 (alle), nicht „%s“",
     "“open” expects 1 (open tasks only) or 0 (all), not “%s”"},
    {"„%s“ erwartet eine Byte-Position von 0 bis %zu, nicht „%s“",
     "“%s” expects a byte position from 0 to %zu, not “%s”"},
    {"„%s“ liegt mitten in einem Zeichen", "“%s” is in the middle of a character"},
    {"Kein Dokument „%s“", "No document “%s”"},
    {"Das Dokument ist nicht lesbar", "The document cannot be read"},
    {"end (%zu) liegt vor start (%zu)", "end (%zu) is before start (%zu)"},
    {"Anfrage ungültig", "Invalid request"},
    {"modified_since verträgt sich nur mit limit und offset, nicht mit %s",
     "modified_since goes only with limit and offset, not with %s"},
    {"modified_since erwartet JJJJ-MM-TT oder JJJJ-MM-TTThh:mm:ssZ (UTC), nicht „%s“",
     "modified_since expects YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC), not “%s”"},
    {"Die Änderungen sind nicht lesbar", "The changes cannot be read"},
    {"Die Suche ist fehlgeschlagen", "The search failed"},
    {"Der Eintrag ist nicht lesbar", "The entry cannot be read"},
    {"Feld „%s“: erwartet wird Text", "Field “%s”: text is expected"},
    {"Zu viele Rückmeldungen von dieser Adresse; bitte in %u Minuten erneut versuchen",
     "Too many feedback messages from this address; please try again in %u minutes"},
    {"Die Rückmeldung konnte nicht gespeichert werden", "The feedback could not be stored"},
    {"Unter dem Namen „%s“ ist schon ein anderer Text gespeichert; Einträge zitieren ihn. Bitte "
     "die Datei umbenennen.",
     "Another text is stored already under the name “%s”; entries cite it. Please rename the "
     "file."},
    {"Bitte anmelden: Berichte laden nur Bearbeiter hoch",
     "Please log in: only editors upload reports"},
    {"name: der Dateiname des Berichts (Buchstaben, Ziffern, . _ -; höchstens 100 Zeichen), z. B. "
     "name=bericht-by-2025.txt",
     "name: the file name of the report (letters, digits, . _ -; at most 100 characters), e.g. "
     "name=bericht-by-2025.txt"},
    {"Der Bericht ist nicht lesbar", "The report cannot be read"},
    {"In „%s“ ist kein Bericht zu erkennen (keine Abschnitte der Länder, keine Maßnahmen des "
     "Bundes); nichts gespeichert",
     "No report can be recognised in “%s” (no sections of the Länder, no federal measures); "
     "nothing stored"},
    {"Import fehlgeschlagen", "Import failed"},
    {"Die Zählung ist fehlgeschlagen", "The count failed"},
    {"Die Metadaten sind nicht lesbar", "The metadata cannot be read"},
    {"Die OParl-Schnittstelle ist nicht verfügbar", "The OParl interface is not available"},
    {"Die Kopfzeile Host nennt keinen Rechner: die Adressen der OParl-Objekte lassen sich daraus "
     "nicht bilden",
     "The Host header names no host: the addresses of the OParl objects cannot be built from it"},
    {"Die OParl-Antwort ist fehlgeschlagen", "The OParl answer failed"},
    {"Entweder limit oder elementsPerPage angeben, nicht beides",
     "Give either limit or elementsPerPage, not both"},
    {"Unbekannte Liste: %s", "Unknown list: %s"},
    {"Unbekannte Adresse: %s", "Unknown address: %s"},
    {"Kein OParl-Objekt unter %s", "No OParl object under %s"},
    {"q (der Anfang eines Ortsnamens) fehlt", "q (the beginning of a place name) is missing"},
    {"q ist länger als 200 Bytes", "q is longer than 200 bytes"},
    {"Bitte anmelden: Ändern dürfen nur Bearbeiterinnen und Bearbeiter (Sitzung oder API-Token)",
     "Please log in: only editors may make changes (session or API token)"},
    {"Erwartet wird genau ein Eintrag, nicht %zu", "Exactly one entry is expected, not %zu"},
    {"Ungültiger Eintrag", "Invalid entry"},
    {"Der Eintrag konnte nicht gespeichert werden", "The entry could not be stored"},
    {"If-Match fehlt: bitte die ETag der Fassung senden, die geändert wird (GET /api/entries/%s)",
     "If-Match is missing: please send the ETag of the version being changed (GET "
     "/api/entries/%s)"},
    {"Kein Eintrag „%s“", "No entry “%s”"},
    {"Es gibt schon einen Eintrag „%s“: ändern mit PUT /api/entries/%s",
     "There is already an entry “%s”: change it with PUT /api/entries/%s"},
    {"Die id im Inhalt („%s“) ist nicht die der Adresse",
     "The id in the content (“%s”) is not the one of the address"},
    {"Der Eintrag wurde inzwischen geändert", "The entry has been changed meanwhile"},
    {"Verlauf nicht lesbar", "History cannot be read"},
    {"version erwartet eine Nummer ab 1", "version expects a number from 1"},
    {"Keine Version %d von „%s“", "No version %d of “%s”"},
    {"Ein Text ist länger als %zu Bytes", "A text is longer than %zu bytes"},
    {"Der Inhalt muss JSON sein (Content-Type: application/json)",
     "The content must be JSON (Content-Type: application/json)"},
    {"Der Inhalt ist kein gültiges UTF-8", "The content is not valid UTF-8"},
    {"Das JSON ist tiefer als %d Ebenen verschachtelt", "The JSON is nested deeper than %d levels"},
    {"Ungültiges JSON in Zeile %d, Spalte %d: %s", "Invalid JSON in line %d, column %d: %s"},
    {"Erwartet wird ein JSON-Objekt", "A JSON object is expected"},
    {"Unbekanntes Feld „%s“", "Unknown field “%s”"},
    {"Unbekanntes Feld (Name länger als 64 Bytes)", "Unknown field (name longer than 64 bytes)"},
    {"Mehr als %d Parameter", "More than %d parameters"},
    {"Parameter %zu ist nicht lesbar (Prozentkodierung, UTF-8 oder Steuerzeichen)",
     "Parameter %zu cannot be read (percent encoding, UTF-8 or control characters)"},
    {"Parameter ohne Namen", "Parameter without a name"},
    {"Parameter „%s“ ist mehrfach angegeben", "Parameter “%s” is given more than once"},
    {"Unbekannter Parameter „%s“; erlaubt: %s", "Unknown parameter “%s”; allowed: %s"},
    {"„%s“ erwartet eine ganze Zahl von %ld bis %ld, nicht „%s“",
     "“%s” expects an integer from %ld to %ld, not “%s”"},
    {"bbox erwartet SÜD,WEST,NORD,OST in Grad (z. B. 47.2,5.8,55.1,15.1), nicht „%s“",
     "bbox expects SOUTH,WEST,NORTH,EAST in degrees (e.g. 47.2,5.8,55.1,15.1), not “%s”"},
    {"km braucht near=ORT", "km needs near=PLACE"},
    {"Ort unbekannt", "Unknown place"},
    {"„%s“ ist kein Land (z. B. DE-BY, BY, Bayern, bund)",
     "“%s” is not a Land (e.g. DE-BY, BY, Bayern, bund)"},
    {"Entwürfe sind nur für angemeldete Bearbeiter sichtbar; öffentlich ist nur status=published",
     "Drafts are visible only to logged-in editors; public is only status=published"},
    {"„%s“ ist kein Status; öffentlich erlaubt: published",
     "“%s” is not a status; publicly allowed: published"},
    {"Sortierung „%s“ unbekannt; erlaubt: relevance, distance, title, updated, id",
     "Unknown sort order “%s”; allowed: relevance, distance, title, updated, id"},
    {"sort=distance braucht near=ORT", "sort=distance needs near=PLACE"},
    {"Die Datenbank ist nicht lesbar", "The database cannot be read"},
    {"Diese Adresse erlaubt nur: %s", "This address allows only: %s"},
    {"Der Inhalt der Anfrage ist größer als %zu Bytes",
     "The content of the request is larger than %zu bytes"},
    {"Unbekannte Adresse der Schnittstelle: %s", "Unknown address of the API: %s"},
    {"--bind „%s“ ist keine IP-Adresse", "--bind “%s” is not an IP address"},
    {"Der Server startet nicht auf %s:%u (%s)", "The server does not start on %s:%u (%s)"},
    {"Adresse belegt?", "address in use?"},
    {"Keine Seite unter dieser Adresse", "No page at this address"},
    {"Die Konten sind nicht lesbar", "The accounts cannot be read"},
    {"Anmeldung nicht lesbar", "Login cannot be read"},
};

/* ---- Matching ----
 * A format matches a message when its literal text is found in the same
 * places, each conversion standing for a non-empty run of bytes. The
 * runs are tried shortest first (so "%s, Feld „%s“: %s" cuts at the
 * first ", Feld „"), backtracking when the rest does not match. One
 * budget of steps bounds the work of a whole msg_english() call, so a
 * long message of many separators cannot make an error reply slow. */

enum { MAX_CAPS = 12, MAX_DEPTH = 4, BUDGET = 2000000 };

typedef struct match {
    const char *cap[MAX_CAPS];
    size_t len[MAX_CAPS];
    int n;
} match;

/* conv_end: past the conversion at f ('%', not "%%"): flags, width,
 * precision, length modifier, one conversion letter. */
static const char *conv_end(const char *f)
{
    f++;
    while (*f && strchr("-+ #0", *f))
        f++;
    while (*f == '*' || (*f >= '0' && *f <= '9'))
        f++;
    if (*f == '.') {
        f++;
        while (*f == '*' || (*f >= '0' && *f <= '9'))
            f++;
    }
    while (*f && strchr("hlzjtL", *f))
        f++;
    return *f ? f + 1 : f;
}

/* literal_len: the bytes of f that are literal text ("%%" counts one). */
static size_t literal_len(const char *f)
{
    size_t n = 0;
    while (*f) {
        if (*f == '%' && f[1] == '%') {
            n++;
            f += 2;
        } else if (*f == '%') {
            f = conv_end(f);
        } else {
            n++;
            f++;
        }
    }
    return n;
}

static int match_at(const char *f, const char *s, const char *end, match *m, long *budget)
{
    for (;;) {
        if (--*budget <= 0)
            return 0;
        if (!*f)
            return s == end;
        if (*f == '%' && f[1] == '%') {
            if (s == end || *s != '%')
                return 0;
            f += 2;
            s++;
            continue;
        }
        if (*f != '%') {
            if (s == end || *f != *s)
                return 0;
            f++;
            s++;
            continue;
        }
        /* A conversion: a non-empty run up to where the rest matches. */
        const char *next = conv_end(f);
        if (m->n >= MAX_CAPS || s == end)
            return 0;
        int k = m->n++;
        m->cap[k] = s;
        if (!*next) {
            m->len[k] = (size_t)(end - s);
            return 1;
        }
        /* The byte the rest starts with, when it is literal: only the
         * places holding it are worth trying. */
        int want = *next != '%' ? (unsigned char)*next : next[1] == '%' ? '%' : -1;
        for (const char *e = s + 1; e < end; e++) {
            if (want >= 0) {
                e = memchr(e, want, (size_t)(end - e));
                if (!e)
                    break;
            }
            m->len[k] = (size_t)(e - s);
            m->n = k + 1;
            if (match_at(next, e, end, m, budget))
                return 1;
            if (*budget <= 0)
                break;
        }
        m->n = k;
        return 0;
    }
}

static char *translate(const char *s, size_t n, int depth, long *budget);

/* build: the English format en with the pieces of m put in, each
 * translated when the catalogue knows it. Caller frees. */
static char *build(const char *en, const match *m, int depth, long *budget)
{
    sbuf b = SBUF_INIT;
    int k = 0;
    const char *f = en;
    while (*f) {
        if (*f == '%' && f[1] == '%') {
            sbuf_addc(&b, '%');
            f += 2;
        } else if (*f == '%') {
            f = conv_end(f);
            if (k < m->n) {
                char *t = translate(m->cap[k], m->len[k], depth + 1, budget);
                /* A translated piece that opens the message gets a
                 * capital ("reading" as in "Datenbankfehler beim %s"). */
                if (t && b.len == 0 && *t >= 'a' && *t <= 'z')
                    *t = (char)(*t - 'a' + 'A');
                if (t)
                    sbuf_adds(&b, t);
                else
                    sbuf_add(&b, m->cap[k], m->len[k]);
                free(t);
            }
            k++;
        } else {
            const char *lit = f;
            while (*f && *f != '%')
                f++;
            sbuf_add(&b, lit, (size_t)(f - lit));
        }
    }
    return sbuf_take(&b);
}

/* translate: s[0..n) in English, or NULL. Of the formats that match, the
 * one with the most literal text wins (the first of equals): "Feld
 * „%s“: fehlt" before "Feld „%s“: %s". */
static char *translate(const char *s, size_t n, int depth, long *budget)
{
    if (depth > MAX_DEPTH || n == 0)
        return NULL;
    size_t nent = sizeof catalogue / sizeof catalogue[0];
    size_t best_lit = 0;
    const msg_pair *best = NULL;
    match bm = {0};
    for (size_t i = 0; i<nent && * budget> 0; i++) {
        const msg_pair *p = &catalogue[i];
        size_t lit = literal_len(p->de);
        if (lit > n || (best && lit <= best_lit))
            continue;
        /* Cheap refusals: a literal first or last byte that differs. */
        if (p->de[0] != '%' && p->de[0] != s[0])
            continue;
        match m = {0};
        if (match_at(p->de, s, s + n, &m, budget)) {
            best = p;
            best_lit = lit;
            bm = m;
        }
    }
    return best ? build(best->en, &bm, depth, budget) : NULL;
}

char *msg_english(const char *de)
{
    if (!de)
        return NULL;
    long budget = BUDGET;
    return translate(de, strlen(de), 0, &budget);
}

char *msg_english_of(const char *de)
{
    char *en = msg_english(de);
    return en ? en : xstrdup(de ? de : "");
}

size_t msg_count(void)
{
    return sizeof catalogue / sizeof catalogue[0];
}

void msg_entry(size_t i, const char **de, const char **en)
{
    *de = catalogue[i].de;
    *en = catalogue[i].en;
}

/* ---- Accept-Language (RFC 9110 12.5.4) ----
 * A list of language ranges, each with an optional weight ";q=0.5".
 * Outside input: read byte by byte, anything unexpected in an element
 * drops that element. */

/* lang_of: 1 German, 2 English, 0 another range, for range r[0..n). */
static int lang_of(const char *r, size_t n)
{
    if (n >= 2 && (n == 2 || r[2] == '-')) {
        if (strncasecmp(r, "de", 2) == 0)
            return 1;
        if (strncasecmp(r, "en", 2) == 0)
            return 2;
    }
    return 0;
}

/* qvalue: "0", "0.ddd", "1", "1.000" as thousandths, or -1. */
static int qvalue(const char *q, size_t n)
{
    if (n == 0 || (q[0] != '0' && q[0] != '1'))
        return -1;
    int v = (q[0] - '0') * 1000;
    if (n == 1)
        return v;
    if (q[1] != '.' || n > 5)
        return -1;
    int scale = 100;
    for (size_t i = 2; i < n; i++, scale /= 10) {
        if (q[i] < '0' || q[i] > '9')
            return -1;
        v += (q[i] - '0') * scale;
    }
    return v > 1000 ? -1 : v;
}

static int is_ows(char c)
{
    return c == ' ' || c == '\t';
}

/* element: weigh one list element e[0..n): its language (lang_of) in
 * *lang and its q in thousandths, or -1 when malformed. */
static int element(const char *e, size_t n, int *lang)
{
    size_t i = 0;
    while (i < n && is_ows(e[i]))
        i++;
    size_t r0 = i;
    while (i < n && (isalnum((unsigned char)e[i]) || e[i] == '-' || e[i] == '*'))
        i++;
    size_t rn = i - r0;
    if (rn == 0)
        return -1;
    *lang = lang_of(e + r0, rn);
    int q = 1000;
    while (i < n) {
        while (i < n && is_ows(e[i]))
            i++;
        if (i == n)
            break;
        if (e[i] != ';')
            return -1;
        i++;
        while (i < n && is_ows(e[i]))
            i++;
        size_t p0 = i;
        while (i < n && e[i] != ';' && !is_ows(e[i]))
            i++;
        /* Only the weight counts; other parameters are not defined. */
        if (i - p0 >= 2 && (e[p0] == 'q' || e[p0] == 'Q') && e[p0 + 1] == '=') {
            q = qvalue(e + p0 + 2, i - p0 - 2);
            if (q < 0)
                return -1;
        } else {
            return -1;
        }
    }
    return q;
}

int msg_wants_english(const char *al)
{
    if (!al)
        return 0;
    int best = 0, best_q = 0;
    const char *p = al;
    for (;;) {
        const char *c = strchr(p, ',');
        size_t n = c ? (size_t)(c - p) : strlen(p);
        int lang = 0;
        int q = element(p, n, &lang);
        if (lang && q > best_q) {
            best = lang;
            best_q = q;
        }
        if (!c)
            break;
        p = c + 1;
    }
    return best == 2;
}
