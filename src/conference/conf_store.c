/* conf_store.c: the conference tables (migration 3 of the store, with
 * the timestamps, tombstones and provenance of migration 5) and their
 * lists as JSON. See conference.h.
 *
 * Facts arrive as the JSON objects of a conf_doc whose keys are the
 * column names. Each table has one upsert, prepared once per handle: a
 * new row is inserted; an existing one takes only the values it lacks or
 * that changed (never NULLs, never the status of a task), and a row that
 * would not change is not written, so sqlite3_changes() counts what an
 * import really changed and a re-import counts 0. A row written or
 * brought back gets modified = now.
 *
 * Provenance: conf_yield holds which document yields which row. An
 * import of document D replaces D's yields; a row that D yielded before
 * and that no document yields any more is marked deleted (a tombstone:
 * the row and its data stay, OParl shows it as deleted). */
#include "conference/conference.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* The tables a conf_doc fills, with the JSON array that feeds each. */
static const struct table {
    const char *name, *key, *pk;
    const char *cols;    /* comma-separated, as in migrations 3 and 5 */
    const char *keyexpr; /* the key of conf_yield in SQL (migration 5) */
} tables[] = {
    {"conf_body", "bodies", "id",
     "id,name,kind,parent,successor,lead,resolution,document,start,end,entry", "id"},
    {"conf_member", "members", "body,member", "body,member,role", "body || '/' || member"},
    {"conf_person", "persons", "id", "id,name,title,org", "id"},
    {"conf_meeting", "meetings", "id",
     "id,body,number,year,date,planned,start_time,end_time,place,chair,chair_person,mode,"
     "document,start,end",
     "id"},
    {"conf_attendance", "attendance", "meeting,person",
     "meeting,person,role,land,org,chair,document,start,end", "meeting || '/' || person"},
    {"conf_agenda", "agenda", "id",
     "id,meeting,number,ord,parent,title,submitters,guests,result,document,start,end", "id"},
    {"conf_resolution", "resolutions", "id",
     "id,body,meeting,agenda,point,written,noted_by,text,document,start,end", "id"},
    {"conf_annex", "annexes", "id", "id,meeting,agenda,number,title,file", "id"},
    {"conf_task", "tasks", "id",
     "id,resolution,owner,owner_key,owner_body,action,due_text,due_year,due_season,"
     "due_meeting,quote,document,start,end",
     "id"},
};
#define N_TABLES (sizeof tables / sizeof tables[0])

enum {
    CQ_MEETINGS,
    CQ_AGENDA,
    CQ_RESOLUTIONS,
    CQ_ANNEXES,
    CQ_TASKS,
    CQ_TASKS_OPEN,
    CQ_TASK_STATUS,
    CQ_BODIES,
    CQ_MEMBERS,
    CQ_ATTENDANCE,
    CQ_MEETING_RES,
    CQ_NOTED,
    CQ_YIELD_PREV,
    CQ_YIELD_DROP,
    CQ_YIELD_ADD,
    CQ_YIELD_ANY,
    CQ_AGENDA_BODIES,
    CQ__COUNT
};

/* The lists show live rows only: tombstones are for OParl (src/oparl). */
static const char *const queries[CQ__COUNT] = {
    [CQ_MEETINGS] = "SELECT * FROM conf_meeting WHERE deleted IS NULL ORDER BY year,"
                    " coalesce(date, printf('%04d-99', year)), number, id",
    [CQ_AGENDA] = "SELECT * FROM conf_agenda WHERE meeting = ?1 AND deleted IS NULL"
                  " ORDER BY ord, id",
    [CQ_RESOLUTIONS] = "SELECT * FROM conf_resolution WHERE agenda = ?1 AND deleted IS NULL"
                       " ORDER BY point",
    [CQ_ANNEXES] = "SELECT * FROM conf_annex WHERE meeting = ?1 AND deleted IS NULL"
                   " ORDER BY number",
    /* The task with its meeting, the year of that meeting and the Land
     * leading the body that owns it: what says who must act (task_who). */
    [CQ_TASKS] = "SELECT t.*, r.meeting AS meeting, m.year AS meeting_year,"
                 " b.lead AS owner_lead FROM conf_task t"
                 " LEFT JOIN conf_resolution r ON r.id = t.resolution"
                 " LEFT JOIN conf_meeting m ON m.id = r.meeting"
                 " LEFT JOIN conf_body b ON b.id = t.owner_body"
                 " WHERE t.deleted IS NULL ORDER BY coalesce(t.due_year, 9999), t.id",
    [CQ_TASKS_OPEN] = "SELECT t.*, r.meeting AS meeting, m.year AS meeting_year,"
                      " b.lead AS owner_lead FROM conf_task t"
                      " LEFT JOIN conf_resolution r ON r.id = t.resolution"
                      " LEFT JOIN conf_meeting m ON m.id = r.meeting"
                      " LEFT JOIN conf_body b ON b.id = t.owner_body"
                      " WHERE t.status = 'open' AND t.deleted IS NULL"
                      " ORDER BY coalesce(t.due_year, 9999), t.id",
    [CQ_TASK_STATUS] = "UPDATE conf_task SET modified = CASE WHEN status = ?2 THEN modified"
                       " ELSE ?3 END, status = ?2 WHERE id = ?1 AND deleted IS NULL",
    [CQ_BODIES] = "SELECT * FROM conf_body WHERE deleted IS NULL ORDER BY kind, id",
    [CQ_MEMBERS] = "SELECT member, role FROM conf_member WHERE body = ?1 AND deleted IS NULL"
                   " ORDER BY role, member",
    [CQ_ATTENDANCE] = "SELECT a.*, p.name, p.title FROM conf_attendance a JOIN conf_person p"
                      " ON p.id = a.person WHERE a.meeting = ?1 AND a.deleted IS NULL"
                      " ORDER BY a.start, a.person",
    /* Resolutions of a meeting that names no TOP (a press release). */
    [CQ_MEETING_RES] = "SELECT * FROM conf_resolution WHERE meeting = ?1 AND agenda IS NULL"
                       " AND deleted IS NULL ORDER BY point",
    /* Resolutions taken elsewhere (in writing) that a resolution point noted. */
    [CQ_NOTED] = "SELECT * FROM conf_resolution WHERE noted_by = ?1 AND deleted IS NULL"
                 " ORDER BY id",
    [CQ_YIELD_PREV] = "SELECT tbl, key FROM conf_yield WHERE document = ?1",
    [CQ_YIELD_DROP] = "DELETE FROM conf_yield WHERE document = ?1",
    [CQ_YIELD_ADD] = "INSERT OR IGNORE INTO conf_yield(tbl, key, document) VALUES (?1, ?2, ?3)",
    [CQ_YIELD_ANY] = "SELECT 1 FROM conf_yield WHERE tbl = ?1 AND key = ?2 LIMIT 1",
    [CQ_AGENDA_BODIES] = "SELECT b.entry FROM conf_body b JOIN conf_resolution r"
                         " ON r.id = b.resolution WHERE r.agenda = ?1 AND b.entry IS NOT NULL"
                         " AND b.deleted IS NULL AND r.deleted IS NULL ORDER BY b.entry",
};

struct conf {
    store *s;
    sqlite3 *db;
    sqlite3_stmt *up[N_TABLES];
    sqlite3_stmt *tomb[N_TABLES]; /* mark one row deleted */
    sqlite3_stmt *q[CQ__COUNT];
};

/* now_iso: the current time, UTC, to the second ("2024-04-19T07:02:00Z"):
 * the form of created, modified and deleted; text order is time order. */
static void now_iso(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* upsert_sql: INSERT ... ON CONFLICT DO UPDATE of the non-key columns
 * that the new row has and that differ; created and modified are the
 * last parameter. A tombstone that is yielded again comes back.
 * Caller frees. */
static char *upsert_sql(const struct table *t)
{
    sbuf b = SBUF_INIT, set = SBUF_INIT, differ = SBUF_INIT;
    char *cols = xstrdup(t->cols);
    int n = 0;
    sbuf_addf(&b, "INSERT INTO %s(%s,created,modified) VALUES (", t->name, t->cols);
    for (char *sv = NULL, *c = strtok_r(cols, ",", &sv); c; c = strtok_r(NULL, ",", &sv)) {
        sbuf_addf(&b, "%s?%d", n ? "," : "", n + 1);
        n++;
        char pat[64];
        snprintf(pat, sizeof pat, ",%s,", c);
        char *pks = xasprintf(",%s,", t->pk);
        int is_pk = strstr(pks, pat) != NULL;
        free(pks);
        if (is_pk)
            continue;
        /* The source span stays the first document's: a meeting named by
         * a protocol and its annex would otherwise change at every import. */
        int span = !strcmp(c, "document") || !strcmp(c, "start") || !strcmp(c, "end");
        sbuf_addf(&set,
                  span ? "%s%s = coalesce(%s, excluded.%s)" : "%s%s = coalesce(excluded.%s, %s)",
                  set.len ? ", " : "", c, c, c);
        if (span)
            sbuf_addf(&differ, "%s(%s IS NULL AND excluded.%s IS NOT NULL)",
                      differ.len ? " OR " : "", c, c);
        else
            sbuf_addf(&differ, "%s(excluded.%s IS NOT NULL AND excluded.%s IS NOT %s)",
                      differ.len ? " OR " : "", c, c, c);
    }
    sbuf_addf(&b,
              ",?%d,?%d) ON CONFLICT(%s) DO UPDATE SET %s, modified = excluded.modified,"
              " deleted = NULL WHERE %s OR deleted IS NOT NULL",
              n + 1, n + 1, t->pk, sbuf_cstr(&set), sbuf_cstr(&differ));
    free(cols);
    sbuf_free(&set);
    sbuf_free(&differ);
    return sbuf_take(&b);
}

int conf_open(store *s, conf **out, char **err)
{
    conf *c = xcalloc(1, sizeof *c);
    c->s = s;
    c->db = store_sqlite(s);
    *out = NULL;
    for (size_t i = 0; i < N_TABLES; i++) {
        char *q = upsert_sql(&tables[i]);
        int rc = sqlite3_prepare_v3(c->db, q, -1, SQLITE_PREPARE_PERSISTENT, &c->up[i], NULL);
        free(q);
        if (rc != SQLITE_OK)
            goto fail;
        q = xasprintf("UPDATE %s SET deleted = ?1, modified = ?1 WHERE %s = ?2"
                      " AND deleted IS NULL",
                      tables[i].name, tables[i].keyexpr);
        rc = sqlite3_prepare_v3(c->db, q, -1, SQLITE_PREPARE_PERSISTENT, &c->tomb[i], NULL);
        free(q);
        if (rc != SQLITE_OK)
            goto fail;
    }
    for (int i = 0; i < CQ__COUNT; i++)
        if (sqlite3_prepare_v3(c->db, queries[i], -1, SQLITE_PREPARE_PERSISTENT, &c->q[i], NULL) !=
            SQLITE_OK)
            goto fail;
    *out = c;
    return KL_OK;
fail:;
    int rc = err_set(err, KL_EDB, "Datenbankfehler beim Vorbereiten der Konferenzabfragen: %s",
                     sqlite3_errmsg(c->db));
    conf_close(c);
    return rc;
}

void conf_close(conf *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < N_TABLES; i++) {
        sqlite3_finalize(c->up[i]);
        sqlite3_finalize(c->tomb[i]);
    }
    for (int i = 0; i < CQ__COUNT; i++)
        sqlite3_finalize(c->q[i]);
    free(c);
}

/* bind_json: value v as parameter i: strings, integers, booleans as 0/1,
 * arrays of strings joined by ",", anything else NULL. */
static void bind_json(sqlite3_stmt *st, int i, json_t *v)
{
    if (json_is_string(v)) {
        sqlite3_bind_text(st, i, json_string_value(v), -1, SQLITE_TRANSIENT);
    } else if (json_is_integer(v)) {
        sqlite3_bind_int64(st, i, json_integer_value(v));
    } else if (json_is_boolean(v)) {
        sqlite3_bind_int(st, i, json_is_true(v));
    } else if (json_is_array(v)) {
        sbuf b = SBUF_INIT;
        size_t k;
        json_t *x;
        json_array_foreach(v, k, x) sbuf_addf(&b, "%s%s", k ? "," : "", json_string_value(x));
        sqlite3_bind_text(st, i, sbuf_cstr(&b), -1, SQLITE_TRANSIENT);
        sbuf_free(&b);
    } else {
        sqlite3_bind_null(st, i);
    }
}

static int put_row(conf *c, size_t t, json_t *o, const char *now, int *changed, char **err)
{
    sqlite3_stmt *st = c->up[t];
    char *cols = xstrdup(tables[t].cols);
    int i = 1;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    for (char *sv = NULL, *col = strtok_r(cols, ",", &sv); col; col = strtok_r(NULL, ",", &sv))
        bind_json(st, i++, json_object_get(o, col));
    free(cols);
    sqlite3_bind_text(st, i, now, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step != SQLITE_DONE)
        return err_set(err, KL_EDB, "Datenbankfehler beim Speichern in %s: %s", tables[t].name,
                       sqlite3_errmsg(c->db));
    *changed += sqlite3_changes(c->db);
    return KL_OK;
}

/* row_key: the key of fact o of table t in conf_yield: its primary key,
 * parts joined by '/'. Caller frees. */
static char *row_key(size_t t, json_t *o)
{
    sbuf b = SBUF_INIT;
    char *pk = xstrdup(tables[t].pk);
    for (char *sv = NULL, *col = strtok_r(pk, ",", &sv); col; col = strtok_r(NULL, ",", &sv)) {
        const char *v = json_string_value(json_object_get(o, col));
        sbuf_addf(&b, "%s%s", b.len ? "/" : "", v ? v : "");
    }
    free(pk);
    return sbuf_take(&b);
}

/* step_text: run statement q with up to three text parameters. */
static int step_text(conf *c, int q, const char *a, const char *b, const char *d, char **err)
{
    sqlite3_stmt *st = c->q[q];
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
    if (b)
        sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
    if (d)
        sqlite3_bind_text(st, 3, d, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    return step == SQLITE_DONE || step == SQLITE_ROW
               ? KL_OK
               : store_db_error(c->s, err, "Speichern der Herkunft");
}

/* yields_take: what document doc yielded until now, as [[tbl, key], ...]
 * in *out (caller owns), and forget it: the import records it anew. */
static int yields_take(conf *c, const char *doc, json_t **out, char **err)
{
    sqlite3_stmt *st = c->q[CQ_YIELD_PREV];
    json_t *a = json_array();
    int step;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, doc, -1, SQLITE_TRANSIENT);
    while ((step = sqlite3_step(st)) == SQLITE_ROW)
        json_array_append_new(a, json_pack("[ss]", (const char *)sqlite3_column_text(st, 0),
                                           (const char *)sqlite3_column_text(st, 1)));
    sqlite3_reset(st);
    *out = a;
    if (step != SQLITE_DONE)
        return store_db_error(c->s, err, "Lesen der Herkunft");
    return step_text(c, CQ_YIELD_DROP, doc, NULL, NULL, err);
}

/* bury: mark deleted every row of prev that no document yields now. */
static int bury(conf *c, json_t *prev, const char *now, int *changed, char **err)
{
    size_t i;
    json_t *p;
    json_array_foreach(prev, i, p)
    {
        const char *tbl = json_string_value(json_array_get(p, 0));
        const char *key = json_string_value(json_array_get(p, 1));
        sqlite3_stmt *any = c->q[CQ_YIELD_ANY];
        sqlite3_reset(any);
        sqlite3_bind_text(any, 1, tbl, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(any, 2, key, -1, SQLITE_TRANSIENT);
        int step = sqlite3_step(any);
        sqlite3_reset(any);
        if (step == SQLITE_ROW)
            continue;
        if (step != SQLITE_DONE)
            return store_db_error(c->s, err, "Lesen der Herkunft");
        for (size_t t = 0; t < N_TABLES; t++) {
            if (strcmp(tables[t].name, tbl) != 0)
                continue;
            sqlite3_stmt *st = c->tomb[t];
            sqlite3_reset(st);
            sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
            step = sqlite3_step(st);
            sqlite3_reset(st);
            if (step != SQLITE_DONE)
                return store_db_error(c->s, err, "Markieren eines gelöschten Objekts");
            *changed += sqlite3_changes(c->db);
        }
    }
    return KL_OK;
}

int conf_import(conf *c, const conf_doc *d, int in_batch, int *changed, char **err)
{
    json_t *j = conf_doc_json(d), *prev = NULL;
    const char *doc = json_string_value(json_object_get(j, "document"));
    char now[32];
    now_iso(now);
    int rc = in_batch ? KL_OK : store_begin(c->s, err);
    *changed = 0;
    if (!rc && doc)
        rc = yields_take(c, doc, &prev, err);
    for (size_t t = 0; !rc && t < N_TABLES; t++) {
        size_t i;
        json_t *o;
        json_array_foreach(json_object_get(j, tables[t].key), i, o)
        {
            if ((rc = put_row(c, t, o, now, changed, err)))
                break;
            if (doc) {
                char *key = row_key(t, o);
                rc = step_text(c, CQ_YIELD_ADD, tables[t].name, key, doc, err);
                free(key);
                if (rc)
                    break;
            }
        }
    }
    if (!rc && prev)
        rc = bury(c, prev, now, changed, err);
    json_decref(prev);
    if (in_batch)
        return rc;
    if (rc) {
        store_rollback(c->s);
        return rc;
    }
    return store_commit(c->s, err);
}

/* row_json: the current row of st as an object of its columns; the flags
 * as booleans, the lists as arrays, the span as "source". The bookkeeping
 * of migration 5 (created, modified, deleted) is OParl's, not shown. */
static json_t *row_json(sqlite3_stmt *st)
{
    json_t *o = json_object(), *src = NULL;
    for (int i = 0; i < sqlite3_column_count(st); i++) {
        const char *name = sqlite3_column_name(st, i);
        json_t *v;
        if (!strcmp(name, "created") || !strcmp(name, "modified") || !strcmp(name, "deleted"))
            continue;
        switch (sqlite3_column_type(st, i)) {
        case SQLITE_INTEGER:
            v = json_integer(sqlite3_column_int64(st, i));
            break;
        case SQLITE_NULL:
            v = json_null();
            break;
        default:
            v = json_string((const char *)sqlite3_column_text(st, i));
        }
        if ((!strcmp(name, "written") || !strcmp(name, "chair")) && json_is_integer(v)) {
            json_t *b = json_boolean(json_integer_value(v));
            json_decref(v);
            v = b;
        }
        if ((!strcmp(name, "submitters") || !strcmp(name, "guests") || !strcmp(name, "chair")) &&
            json_is_string(v)) {
            json_t *a = json_array();
            char *x = xstrdup(json_string_value(v));
            for (char *sv = NULL, *tok = strtok_r(x, ",", &sv); tok; tok = strtok_r(NULL, ",", &sv))
                json_array_append_new(a, json_string(tok));
            free(x);
            json_decref(v);
            v = a;
        }
        if (!strcmp(name, "document") || !strcmp(name, "start") || !strcmp(name, "end") ||
            !strcmp(name, "quote")) {
            if (!src)
                src = json_object();
            json_object_set_new(src, name, v);
            continue;
        }
        json_object_set_new(o, name, v);
    }
    if (src)
        json_object_set_new(o, "source", src);
    return o;
}

/* rows: all rows of query q (bound to the text key, if not NULL). */
static int rows(conf *c, int q, const char *key, json_t **out, char **err)
{
    sqlite3_stmt *st = c->q[q];
    json_t *a = json_array();
    int step;
    sqlite3_reset(st);
    if (key)
        sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    while ((step = sqlite3_step(st)) == SQLITE_ROW)
        json_array_append_new(a, row_json(st));
    sqlite3_reset(st);
    if (step != SQLITE_DONE) {
        json_decref(a);
        *out = NULL;
        return err_set(err, KL_EDB, "Datenbankfehler beim Lesen der Konferenzdaten: %s",
                       sqlite3_errmsg(c->db));
    }
    *out = a;
    return KL_OK;
}

/* One registry entry as a meeting links to it: where its source lies,
 * and what a reader needs to follow the link. */
typedef struct entry_ref {
    const char *doc;  /* one of entry_refs.docs */
    json_int_t start; /* -1: the entry names no span */
    json_t *ref;      /* {"id", "title", "kind", "level", "land"} */
} entry_ref;

/* The entries the meetings link to, read per cited document on first
 * use (store_each_cited), not all entries at once. */
typedef struct entry_refs {
    store *s;
    const char *status; /* which entries a reader may see; NULL: all */
    entry_ref *v;
    size_t n, cap;
    char **docs; /* the documents read so far, owned */
    size_t ndocs;
    int rc; /* the first failure to read, with err */
    char *err;
} entry_refs;

static json_t *ref_json(const entry *e)
{
    return json_pack("{ss ss ss ss ss?}", "id", entry_id(e), "title", entry_title(e), "kind",
                     entry_kind(e), "level", entry_level(e), "land", entry_land(e));
}

static int collect(void *ctx, const entry *e)
{
    entry_refs *r = ctx;
    json_t *st = json_object_get(json_object_get(entry_json(e), "source"), "start");
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 64;
        r->v = xrealloc(r->v, r->cap * sizeof *r->v);
    }
    r->v[r->n].doc = r->docs[r->ndocs - 1];
    r->v[r->n].start = json_is_integer(st) ? json_integer_value(st) : -1;
    r->v[r->n].ref = ref_json(e);
    r->n++;
    return 0;
}

/* refs_read: the entries citing doc are in r (read now if not yet). */
static void refs_read(entry_refs *r, const char *doc)
{
    for (size_t i = 0; i < r->ndocs; i++)
        if (!strcmp(r->docs[i], doc))
            return;
    r->docs = xrealloc(r->docs, (r->ndocs + 1) * sizeof *r->docs);
    r->docs[r->ndocs++] = xstrdup(doc);
    if (!r->rc)
        r->rc = store_each_cited(r->s, doc, r->status, r, collect, &r->err);
}

static void refs_free(entry_refs *r)
{
    for (size_t i = 0; i < r->n; i++)
        json_decref(r->v[i].ref);
    for (size_t i = 0; i < r->ndocs; i++)
        free(r->docs[i]);
    free(r->docs);
    free(r->v);
    free(r->err);
}

static int has_ref(json_t *list, const char *id)
{
    size_t i;
    json_t *x;
    json_array_foreach(list, i,
                       x) if (!strcmp(json_string_value(json_object_get(x, "id")), id)) return 1;
    return 0;
}

/* refs_add: to list, the entries from document doc whose source starts
 * inside [start, end) (all of doc when end is negative), each once. */
static void refs_add(entry_refs *r, const char *doc, json_int_t start, json_int_t end, json_t *list)
{
    if (!doc)
        return;
    refs_read(r, doc);
    for (size_t i = 0; i < r->n; i++) {
        const entry_ref *x = &r->v[i];
        if (strcmp(x->doc, doc) != 0)
            continue;
        if (end >= 0 && (x->start < start || x->start >= end))
            continue;
        if (!has_ref(list, json_string_value(json_object_get(x->ref, "id"))))
            json_array_append(list, x->ref);
    }
}

/* refs_in_span: the entries whose source lies in the span of o (an
 * agenda item or a resolution point): what it concerns. */
static json_t *refs_in_span(entry_refs *r, json_t *o)
{
    json_t *src = json_object_get(o, "source"), *list = json_array();
    json_t *st = json_object_get(src, "start"), *en = json_object_get(src, "end");
    if (json_is_integer(st) && json_is_integer(en))
        refs_add(r, json_string_value(json_object_get(src, "document")), json_integer_value(st),
                 json_integer_value(en), list);
    return list;
}

/* with_entries: every resolution of the array res gets "entries" and
 * "noted": the resolutions taken elsewhere in writing that it took note
 * of (the Umlaufbeschluss of another conference), each with its entries. */
static int with_entries(conf *c, entry_refs *r, json_t *res, char **err)
{
    size_t i, k;
    json_t *x, *y, *noted = NULL;
    int rc = KL_OK;
    json_array_foreach(res, i, x)
    {
        json_object_set_new(x, "entries", refs_in_span(r, x));
        if (!rc)
            rc = rows(c, CQ_NOTED, json_string_value(json_object_get(x, "id")), &noted, err);
        if (rc)
            continue;
        json_array_foreach(noted, k, y) json_object_set_new(y, "entries", refs_in_span(r, y));
        json_object_set_new(x, "noted", noted);
    }
    return rc;
}

/* annex_entries: the ids of the entries imported from the annex's file:
 * what an agenda item with that annex concerns. */
static void annex_entries(entry_refs *r, json_t *annex)
{
    const char *file = json_string_value(json_object_get(annex, "file"));
    json_t *list = json_array(), *ids = json_array(), *x;
    size_t i;
    refs_add(r, file, 0, -1, list);
    json_array_foreach(list, i, x) json_array_append(ids, json_object_get(x, "id"));
    json_decref(list);
    json_object_set_new(annex, "entries", ids);
}

/* working_groups: to list, the entries that working groups set up by
 * the resolutions of agenda item aid became (those a reader of refs may
 * see). */
static int working_groups(conf *c, entry_refs *refs, const char *aid, json_t *list, char **err)
{
    sqlite3_stmt *st = c->q[CQ_AGENDA_BODIES];
    int step;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, aid, -1, SQLITE_TRANSIENT);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        entry *e = NULL;
        /* Gone or not visible: no link (a body's entry may be deleted). */
        if (!has_ref(list, id) && store_get(c->s, id, &e, NULL) == KL_OK &&
            (!refs->status || !strcmp(entry_status(e), refs->status)))
            json_array_append_new(list, ref_json(e));
        entry_free(e);
    }
    sqlite3_reset(st);
    return step == SQLITE_DONE ? KL_OK : store_db_error(c->s, err, "Lesen der Konferenzdaten");
}

/* agenda_item: the resolutions of agenda item a, its annexes (from the
 * meeting's) and the entries it concerns. */
static int agenda_item(conf *c, entry_refs *refs, json_t *a, json_t *annexes, char **err)
{
    json_t *res = NULL, *mine = json_array(), *x;
    size_t r;
    const char *aid = json_string_value(json_object_get(a, "id"));
    int rc = rows(c, CQ_RESOLUTIONS, aid, &res, err);
    json_object_set_new(a, "resolutions", res ? res : json_array());
    if (!rc)
        rc = with_entries(c, refs, res, err);
    json_t *concerns = refs_in_span(refs, a);
    json_array_foreach(annexes, r, x)
    {
        const char *of = json_string_value(json_object_get(x, "agenda"));
        if (of && strcmp(of, aid) == 0) {
            json_array_append(mine, x);
            refs_add(refs, json_string_value(json_object_get(x, "file")), 0, -1, concerns);
        }
    }
    json_object_set_new(a, "annexes", mine);
    if (!rc)
        rc = working_groups(c, refs, aid, concerns, err);
    json_object_set_new(a, "entries", concerns);
    return rc;
}

int conf_meetings_with(conf *c, const char *status, json_t **out, char **err)
{
    json_t *ms = NULL;
    entry_refs refs = {.s = c->s, .status = status};
    int rc = rows(c, CQ_MEETINGS, NULL, &ms, err);
    size_t i, k, r;
    json_t *m, *a, *x;
    json_array_foreach(ms, i, m)
    {
        const char *id = json_string_value(json_object_get(m, "id"));
        json_t *agenda = NULL, *annexes = NULL, *att = NULL, *loose = NULL;
        if (rc || (rc = rows(c, CQ_AGENDA, id, &agenda, err)) ||
            (rc = rows(c, CQ_ANNEXES, id, &annexes, err)) ||
            (rc = rows(c, CQ_ATTENDANCE, id, &att, err)) ||
            (rc = rows(c, CQ_MEETING_RES, id, &loose, err))) {
            json_decref(agenda);
            json_decref(annexes);
            json_decref(att);
            break;
        }
        json_array_foreach(annexes, r, x) annex_entries(&refs, x);
        json_array_foreach(agenda, k, a) if (!rc) rc = agenda_item(c, &refs, a, annexes, err);
        if (!rc)
            rc = with_entries(c, &refs, loose, err);
        json_object_set_new(m, "agenda", agenda);
        json_object_set_new(m, "annexes", annexes);
        json_object_set_new(m, "attendance", att);
        json_object_set_new(m, "resolutions", loose);
    }
    if (!rc && refs.rc) {
        rc = refs.rc;
        if (err) {
            *err = refs.err;
            refs.err = NULL;
        }
    }
    refs_free(&refs);
    if (rc) {
        json_decref(ms);
        *out = NULL;
        return rc;
    }
    *out = ms;
    return KL_OK;
}

int conf_meetings(conf *c, json_t **out, char **err)
{
    return conf_meetings_with(c, NULL, out, err);
}

/* task_who: who must act on task t, as Länder: the chair of the year the
 * task falls in (its due year, else the year of its meeting) for the
 * DMK-Vorsitz, the Land leading the working group for an Arbeitsgruppe,
 * all Länder and/or the Bund when the owner's words name them. Sets
 * "responsible": {"laender", "all_laender", "bund", "rule", "year"} and
 * drops the helper columns of the query. */
static void task_who(json_t *t)
{
    const char *key = json_string_value(json_object_get(t, "owner_key"));
    const char *owner = json_string_value(json_object_get(t, "owner"));
    const char *lead = json_string_value(json_object_get(t, "owner_lead"));
    json_t *due = json_object_get(t, "due_year"), *my = json_object_get(t, "meeting_year");
    json_t *laender = json_array();
    int all = 0, bund = 0, year = 0;
    const char *rule = "owner";
    if (!key)
        key = "";
    if (!owner)
        owner = "";
    if (!strcmp(key, "dmk-vorsitz")) {
        conf_chair ch;
        year = json_is_integer(due)  ? (int)json_integer_value(due)
               : json_is_integer(my) ? (int)json_integer_value(my)
                                     : 0;
        rule = "chair";
        if (year && conf_chair_for(year, &ch, NULL) == KL_OK) {
            for (int i = 0; i < 2; i++)
                if (ch.land[i])
                    json_array_append_new(laender, json_string(ch.land[i]->code));
        } else {
            year = 0;
        }
    } else if (!strcmp(key, "arbeitsgruppe") && lead) {
        rule = "lead";
        json_array_append_new(laender, json_string(lead));
    } else {
        bund = !strcmp(key, "bund") || !strcmp(key, "bund-laender") || strstr(owner, "Bund") ||
               strstr(owner, "BMDV");
        all = !strcmp(key, "dmk") || !strcmp(key, "bund-laender") || strstr(owner, "Länder");
    }
    if (!json_array_size(laender) && !all && !bund)
        rule = "unknown";
    json_object_set_new(t, "responsible",
                        json_pack("{so sb sb ss so}", "laender", laender, "all_laender", all,
                                  "bund", bund, "rule", rule, "year",
                                  year ? json_integer(year) : json_null()));
    json_object_del(t, "owner_lead");
    json_object_del(t, "meeting_year");
}

int conf_tasks(conf *c, int open_only, json_t **out, char **err)
{
    int rc = rows(c, open_only ? CQ_TASKS_OPEN : CQ_TASKS, NULL, out, err);
    size_t i;
    json_t *t;
    if (!rc)
        json_array_foreach(*out, i, t) task_who(t);
    return rc;
}

int conf_task_set_status(conf *c, const char *id, const char *status, char **err)
{
    if (strcmp(status, "open") != 0 && strcmp(status, "done") != 0)
        return err_set(err, KL_EINVAL, "Status „%s“ unbekannt (erlaubt: open, done)", status);
    sqlite3_stmt *st = c->q[CQ_TASK_STATUS];
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
    char now[32];
    now_iso(now);
    sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step != SQLITE_DONE)
        return err_set(err, KL_EDB, "Datenbankfehler beim Ändern einer Aufgabe: %s",
                       sqlite3_errmsg(c->db));
    if (sqlite3_changes(c->db) == 0)
        return err_set(err, KL_ENOTFOUND, "Aufgabe „%s“ nicht gefunden", id);
    return KL_OK;
}

int conf_bodies(conf *c, json_t **out, char **err)
{
    json_t *bs;
    int rc = rows(c, CQ_BODIES, NULL, &bs, err);
    size_t i;
    json_t *b;
    json_array_foreach(bs, i, b)
    {
        json_t *m = NULL;
        if (!rc)
            rc = rows(c, CQ_MEMBERS, json_string_value(json_object_get(b, "id")), &m, err);
        json_object_set_new(b, "members", m ? m : json_array());
    }
    if (rc) {
        json_decref(bs);
        *out = NULL;
        return rc;
    }
    *out = bs;
    return KL_OK;
}
