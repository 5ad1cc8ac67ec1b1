/* store_schema.c: the schema of the registry file, as the migrations
 * that build it (store.c applies them). */
#include "core/store_int.h"

/* Migration n (1-based) brings a file from user_version n-1 to n. Never
 * edit a released migration: add a new one. */
const char *const store_migrations[STORE_SCHEMA_VERSION] = {
    /* 1: entries, their search index, facets, places and history. */
    "CREATE TABLE entry("
    " rid INTEGER PRIMARY KEY,"
    " id TEXT NOT NULL UNIQUE,"
    " title TEXT NOT NULL,"
    " title_key TEXT NOT NULL," /* folded title: sorting in German order */
    " kind TEXT NOT NULL,"
    " level TEXT NOT NULL,"
    " land TEXT,"
    " status TEXT NOT NULL CHECK (status IN ('draft','published')),"
    " version INTEGER NOT NULL,"
    " updated_at TEXT NOT NULL,"
    " deleted INTEGER NOT NULL DEFAULT 0,"
    /* Facet values in compact form, so counting facets over thousands of
     * hits reads narrow rows only: bit i of fmask / tmask is the i-th
     * Handlungsfeld / target group of entry_vocab(); years "2021,2023". The
     * entry's JSON is its current row in history. */
    " fmask INTEGER NOT NULL DEFAULT 0,"
    " tmask INTEGER NOT NULL DEFAULT 0,"
    " years TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX entry_land ON entry(land, kind);"
    "CREATE INDEX entry_title ON entry(title_key);"
    "CREATE TABLE entry_facet("
    " rid INTEGER NOT NULL REFERENCES entry(rid) ON DELETE CASCADE,"
    " facet TEXT NOT NULL, value TEXT NOT NULL,"
    " PRIMARY KEY (facet, value, rid)) WITHOUT ROWID;"
    "CREATE INDEX entry_facet_rid ON entry_facet(rid);"
    "CREATE TABLE entry_place("
    " rid INTEGER NOT NULL REFERENCES entry(rid) ON DELETE CASCADE,"
    " idx INTEGER NOT NULL, name TEXT NOT NULL,"
    " lat REAL NOT NULL, lon REAL NOT NULL, land TEXT,"
    " PRIMARY KEY (rid, idx)) WITHOUT ROWID;"
    "CREATE INDEX entry_place_lat ON entry_place(lat, lon);"
    "CREATE VIRTUAL TABLE entry_fts USING fts5("
    " title, aliases, summary, organisations, places, tokenize = 'german');"
    /* A larger buffer of pending terms (default 1 MB) means fewer, larger
     * segments and far less merging when many entries arrive at once. */
    "INSERT INTO entry_fts(entry_fts, rank) VALUES ('hashsize', 33554432);"
    "CREATE TABLE history("
    " hid INTEGER PRIMARY KEY,"
    " id TEXT NOT NULL, version INTEGER NOT NULL,"
    " action TEXT NOT NULL CHECK (action IN ('create','update','delete','restore')),"
    " body TEXT NOT NULL CHECK (json_valid(body)),"
    " changed_by TEXT NOT NULL, changed_at TEXT NOT NULL,"
    " reason TEXT, UNIQUE (id, version));",
    /* 2: the source documents entries cite (the importer stores them, the
     * server shows the cited passage). */
    "CREATE TABLE document("
    " name TEXT PRIMARY KEY,"
    " sha256 TEXT NOT NULL UNIQUE,"
    " kind TEXT, title TEXT,"
    " imported_at TEXT NOT NULL,"
    " text TEXT NOT NULL);",
    /* 3: the conference cycle (src/conference owns these tables): bodies,
     * members, persons, attendance, meetings, agenda items, resolutions,
     * annexes, reporting tasks. Spans are byte offsets in document. IF NOT
     * EXISTS: a file rebuilt to an older version may still hold them. */
    "CREATE TABLE IF NOT EXISTS conf_body(id TEXT PRIMARY KEY, name TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " parent TEXT, successor TEXT, lead TEXT, resolution TEXT,"
    " document TEXT, start INTEGER, end INTEGER);"
    "CREATE TABLE IF NOT EXISTS conf_member(body TEXT NOT NULL, member TEXT NOT NULL,"
    " role TEXT NOT NULL,"
    " PRIMARY KEY (body, member)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS conf_person(id TEXT PRIMARY KEY, name TEXT NOT NULL,"
    " title TEXT, org TEXT);"
    "CREATE TABLE IF NOT EXISTS conf_attendance(meeting TEXT NOT NULL, person TEXT NOT NULL,"
    " role TEXT NOT NULL, land TEXT, org TEXT, chair INTEGER NOT NULL DEFAULT 0,"
    " document TEXT, start INTEGER, end INTEGER,"
    " PRIMARY KEY (meeting, person)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS conf_meeting(id TEXT PRIMARY KEY, body TEXT NOT NULL,"
    " number INTEGER,"
    " year INTEGER, date TEXT, planned TEXT, start_time TEXT, end_time TEXT, place TEXT,"
    " chair TEXT, chair_person TEXT,"
    " mode TEXT CHECK (mode IN ('virtual','on-site','unknown')),"
    " document TEXT, start INTEGER, end INTEGER);"
    "CREATE TABLE IF NOT EXISTS conf_agenda(id TEXT PRIMARY KEY, meeting TEXT NOT NULL,"
    " number TEXT,"
    " ord INTEGER, parent TEXT, title TEXT NOT NULL, submitters TEXT, guests TEXT,"
    " result TEXT, document TEXT, start INTEGER, end INTEGER);"
    "CREATE INDEX IF NOT EXISTS conf_agenda_meeting ON conf_agenda(meeting, ord);"
    "CREATE TABLE IF NOT EXISTS conf_resolution(id TEXT PRIMARY KEY, body TEXT NOT NULL,"
    " meeting TEXT,"
    " agenda TEXT, point INTEGER, written INTEGER NOT NULL DEFAULT 0, noted_by TEXT,"
    " text TEXT, document TEXT, start INTEGER, end INTEGER);"
    "CREATE INDEX IF NOT EXISTS conf_resolution_agenda ON conf_resolution(agenda, point);"
    "CREATE TABLE IF NOT EXISTS conf_annex(id TEXT PRIMARY KEY, meeting TEXT NOT NULL, agenda TEXT,"
    " number INTEGER, title TEXT, file TEXT);"
    "CREATE TABLE IF NOT EXISTS conf_task(id TEXT PRIMARY KEY, resolution TEXT NOT NULL,"
    " owner TEXT NOT NULL, owner_key TEXT, owner_body TEXT, action TEXT, due_text TEXT,"
    " due_year INTEGER, due_season TEXT, due_meeting TEXT,"
    " status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done')),"
    " quote TEXT, document TEXT, start INTEGER, end INTEGER);",
    /* 4: messages sent through the feedback form of the accessibility
     * statement (BITV 2.0), kept for the admins. */
    "CREATE TABLE feedback("
    " id INTEGER PRIMARY KEY,"
    " received_at TEXT NOT NULL,"
    " page TEXT,"
    " message TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),"
    " contact TEXT,"
    " status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','done')));",
    /* 5: accounts (src/auth owns these tables): users with argon2id
     * hashes, sessions and API tokens kept only as hashes, and the audit
     * log, from which the login rate limit is counted. Users are never
     * deleted (disabled instead), so the log's names stay meaningful.
     * ministries: the slugs of a federal editor, "BMBF,BMI". From here on
     * the file also says it is ours (application_id "KiLa"; restore
     * checks it). */
    "PRAGMA application_id = 1265192033;"
    "CREATE TABLE auth_user("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE,"
    " role TEXT NOT NULL CHECK (role IN ('admin','chair','land-editor','federal-editor')),"
    " land TEXT CHECK ((role = 'land-editor') = (land IS NOT NULL)),"
    " ministries TEXT NOT NULL DEFAULT '',"
    " pwhash TEXT NOT NULL,"
    " disabled INTEGER NOT NULL DEFAULT 0,"
    " created_at TEXT NOT NULL);"
    "CREATE TABLE auth_session("
    " hash BLOB PRIMARY KEY,"
    " user INTEGER NOT NULL REFERENCES auth_user(id),"
    " csrf TEXT NOT NULL,"
    " created_at TEXT NOT NULL,"
    " expires INTEGER NOT NULL,"
    " address TEXT) WITHOUT ROWID;"
    "CREATE INDEX auth_session_user ON auth_session(user);"
    "CREATE TABLE auth_token("
    " id INTEGER PRIMARY KEY,"
    " user INTEGER NOT NULL REFERENCES auth_user(id),"
    " name TEXT NOT NULL DEFAULT '',"
    " hash BLOB NOT NULL UNIQUE,"
    " created_at TEXT NOT NULL,"
    " last_used_at TEXT,"
    " revoked_at TEXT);"
    "CREATE TABLE auth_audit("
    " id INTEGER PRIMARY KEY,"
    " at TEXT NOT NULL,"
    " user TEXT, address TEXT,"
    " action TEXT NOT NULL, object TEXT, detail TEXT);"
    "CREATE INDEX auth_audit_user ON auth_audit(user, action, at);"
    "CREATE INDEX auth_audit_address ON auth_audit(address, action, at);",
    /* 6: incremental sync of the conference data (OParl, src/oparl): when
     * each conf_* row was created and last modified, and when an import
     * stopped yielding it (deleted: the row stays, a tombstone); which
     * documents yield which row (conf_yield: tbl, key = the primary key,
     * composite keys joined by '/'); the registry entry a working group
     * became (conf_body.entry); when a document was first stored. Rows of
     * a version-4 file take the import time of their source document, else
     * the time of this migration, and are credited to every stored
     * document: a row is only tombstoned once each document that may have
     * given it was imported again without it. */
    "ALTER TABLE conf_body ADD COLUMN created TEXT;"
    "ALTER TABLE conf_body ADD COLUMN modified TEXT;"
    "ALTER TABLE conf_body ADD COLUMN deleted TEXT;"
    "UPDATE conf_body SET created = coalesce((SELECT imported_at FROM document d"
    " WHERE d.name = conf_body.document), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));"
    "UPDATE conf_body SET modified = created;"
    "ALTER TABLE conf_member ADD COLUMN created TEXT;"
    "ALTER TABLE conf_member ADD COLUMN modified TEXT;"
    "ALTER TABLE conf_member ADD COLUMN deleted TEXT;"
    "UPDATE conf_member SET created = strftime('%Y-%m-%dT%H:%M:%SZ', 'now');"
    "UPDATE conf_member SET modified = created;"
    "ALTER TABLE conf_person ADD COLUMN created TEXT;"
    "ALTER TABLE conf_person ADD COLUMN modified TEXT;"
    "ALTER TABLE conf_person ADD COLUMN deleted TEXT;"
    "UPDATE conf_person SET created = strftime('%Y-%m-%dT%H:%M:%SZ', 'now');"
    "UPDATE conf_person SET modified = created;"
    "ALTER TABLE conf_attendance ADD COLUMN created TEXT;"
    "ALTER TABLE conf_attendance ADD COLUMN modified TEXT;"
    "ALTER TABLE conf_attendance ADD COLUMN deleted TEXT;"
    "UPDATE conf_attendance SET created = coalesce((SELECT imported_at FROM document d"
    " WHERE d.name = conf_attendance.document), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));"
    "UPDATE conf_attendance SET modified = created;"
    "ALTER TABLE conf_meeting ADD COLUMN created TEXT;"
    "ALTER TABLE conf_meeting ADD COLUMN modified TEXT;"
    "ALTER TABLE conf_meeting ADD COLUMN deleted TEXT;"
    "UPDATE conf_meeting SET created = coalesce((SELECT imported_at FROM document d"
    " WHERE d.name = conf_meeting.document), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));"
    "UPDATE conf_meeting SET modified = created;"
    "ALTER TABLE conf_agenda ADD COLUMN created TEXT;"
    "ALTER TABLE conf_agenda ADD COLUMN modified TEXT;"
    "ALTER TABLE conf_agenda ADD COLUMN deleted TEXT;"
    "UPDATE conf_agenda SET created = coalesce((SELECT imported_at FROM document d"
    " WHERE d.name = conf_agenda.document), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));"
    "UPDATE conf_agenda SET modified = created;"
    "ALTER TABLE conf_resolution ADD COLUMN created TEXT;"
    "ALTER TABLE conf_resolution ADD COLUMN modified TEXT;"
    "ALTER TABLE conf_resolution ADD COLUMN deleted TEXT;"
    "UPDATE conf_resolution SET created = coalesce((SELECT imported_at FROM document d"
    " WHERE d.name = conf_resolution.document), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));"
    "UPDATE conf_resolution SET modified = created;"
    "ALTER TABLE conf_annex ADD COLUMN created TEXT;"
    "ALTER TABLE conf_annex ADD COLUMN modified TEXT;"
    "ALTER TABLE conf_annex ADD COLUMN deleted TEXT;"
    "UPDATE conf_annex SET created = strftime('%Y-%m-%dT%H:%M:%SZ', 'now');"
    "UPDATE conf_annex SET modified = created;"
    "ALTER TABLE conf_task ADD COLUMN created TEXT;"
    "ALTER TABLE conf_task ADD COLUMN modified TEXT;"
    "ALTER TABLE conf_task ADD COLUMN deleted TEXT;"
    "UPDATE conf_task SET created = coalesce((SELECT imported_at FROM document d"
    " WHERE d.name = conf_task.document), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));"
    "UPDATE conf_task SET modified = created;"
    "ALTER TABLE conf_body ADD COLUMN entry TEXT;"
    "ALTER TABLE document ADD COLUMN created TEXT;"
    "UPDATE document SET created = imported_at;"
    "CREATE TABLE conf_yield(tbl TEXT NOT NULL, key TEXT NOT NULL, document TEXT NOT NULL,"
    " PRIMARY KEY (tbl, key, document)) WITHOUT ROWID;"
    "CREATE INDEX conf_yield_document ON conf_yield(document);"
    "INSERT INTO conf_yield SELECT 'conf_body', r.id, d.name FROM conf_body r, document d;"
    "INSERT INTO conf_yield SELECT 'conf_member', r.body || '/' || r.member, d.name FROM "
    "conf_member r, document d;"
    "INSERT INTO conf_yield SELECT 'conf_person', r.id, d.name FROM conf_person r, document d;"
    "INSERT INTO conf_yield SELECT 'conf_attendance', r.meeting || '/' || r.person, d.name FROM "
    "conf_attendance r, document d;"
    "INSERT INTO conf_yield SELECT 'conf_meeting', r.id, d.name FROM conf_meeting r, document d;"
    "INSERT INTO conf_yield SELECT 'conf_agenda', r.id, d.name FROM conf_agenda r, document d;"
    "INSERT INTO conf_yield SELECT 'conf_resolution', r.id, d.name FROM conf_resolution r, "
    "document d;"
    "INSERT INTO conf_yield SELECT 'conf_annex', r.id, d.name FROM conf_annex r, document d;"
    "INSERT INTO conf_yield SELECT 'conf_task', r.id, d.name FROM conf_task r, document d;",
    /* 7: the document an entry cites, as a column with an index: a
     * meeting reads the entries of its protocol and annexes by it instead
     * of reading every entry (1.2 s at 20,000 entries before). */
    "ALTER TABLE entry ADD COLUMN doc TEXT;"
    "UPDATE entry SET doc = (SELECT json_extract(h.body, '$.source.document') FROM history h"
    " WHERE h.id = entry.id AND h.version = entry.version);"
    "CREATE INDEX entry_doc ON entry(doc) WHERE doc IS NOT NULL;",
};
