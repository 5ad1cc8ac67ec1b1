/* store_search.c: search, listing and counting (see store.h).
 *
 * A search first collects the matching rows into the connection's
 * temporary table hits(rid, rank, dist); the total, the page of items and
 * every facet are then cheap queries over that table instead of repeating
 * the full-text match once per facet. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/store_int.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

/* has_word_char: 1 if s[0..n) contains a letter or digit. */
static int has_word_char(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n)
        if (text_is_alnum(text_utf8_next(s, n, &i)))
            return 1;
    return 0;
}

static void add_quoted(sbuf *m, const char *s, size_t n)
{
    sbuf_addc(m, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            sbuf_addc(m, '"');
        sbuf_addc(m, s[i]);
    }
    sbuf_addc(m, '"');
}

/* match_expr: the FTS5 expression for what a person typed. Words are
 * ANDed; "quoted words" form a phrase; a trailing * makes a prefix; OR
 * between words is honoured. Everything is quoted, so no input can break
 * the FTS5 syntax. Caller frees; "" when nothing searchable is left. */
static char *match_expr(const char *q)
{
    sbuf m = SBUF_INIT;
    const char *p = q;
    int pending_or = 0;
    while (*p) {
        while (*p && isspace((unsigned char)*p))
            p++;
        if (!*p)
            break;
        const char *start = p;
        size_t n;
        int phrase = *p == '"';
        if (phrase) {
            start = ++p;
            while (*p && *p != '"')
                p++;
            n = (size_t)(p - start);
            if (*p)
                p++;
        } else {
            while (*p && !isspace((unsigned char)*p) && *p != '"')
                p++;
            n = (size_t)(p - start);
        }
        if (!phrase && n == 2 && memcmp(start, "OR", 2) == 0) {
            pending_or = m.len > 0;
            continue;
        }
        int prefix = !phrase && n > 1 && start[n - 1] == '*';
        if (prefix)
            n--;
        if (!has_word_char(start, n))
            continue;
        if (m.len)
            sbuf_adds(&m, pending_or ? " OR " : " AND ");
        pending_or = 0;
        add_quoted(&m, start, n);
        if (prefix)
            sbuf_adds(&m, " *");
    }
    return sbuf_take(&m);
}

/* The values bound to a built query, in order. */
typedef struct binds {
    int n;
    struct {
        int is_num;
        const char *s;
        double d;
    } v[24];
} binds;

static void bind_s(binds *b, const char *s)
{
    b->v[b->n].is_num = 0;
    b->v[b->n++].s = s;
}

static void bind_d(binds *b, double d)
{
    b->v[b->n].is_num = 1;
    b->v[b->n++].d = d;
}

static void facet_filter(sbuf *w, binds *b, const char *facet, const char *value)
{
    sbuf_adds(w, " AND e.rid IN (SELECT rid FROM entry_facet WHERE facet = ? AND value = ?)");
    bind_s(b, facet);
    bind_s(b, value);
}

/* collect: fill temp.hits with the rows matching q. */
static int collect(store *s, const store_query *q, char **err)
{
    sbuf sql = SBUF_INIT;
    binds b = {0};
    char year[16];
    char *match = q->q ? match_expr(q->q) : xstrdup("");
    int rc = KL_OK;
    sqlite3_stmt *st = NULL;

    if (sqlite3_exec(s->db,
                     "CREATE TEMP TABLE IF NOT EXISTS hits("
                     "rid INTEGER PRIMARY KEY, rank REAL, dist REAL, land TEXT, kind TEXT,"
                     " status TEXT);"
                     "DELETE FROM temp.hits;",
                     NULL, NULL, NULL) != SQLITE_OK) {
        rc = store_db_error(s, err, "Vorbereiten der Suche");
        goto done;
    }
    /* The facet columns ride along, so counting them needs no second look
     * at the (wide) entry rows. */
    sbuf_adds(&sql, "INSERT INTO temp.hits(rid, land, kind, status, rank, dist)"
                    " SELECT e.rid, coalesce(e.land, 'bund'), e.kind, e.status, ");
    sbuf_adds(&sql, *match ? "f.rank, " : "0, ");
    if (q->has_near) {
        sbuf_adds(&sql, "(SELECT min(kl_distance(p.lat, p.lon, ?, ?)) FROM entry_place p"
                        " WHERE p.rid = e.rid)");
        bind_d(&b, q->near_lat);
        bind_d(&b, q->near_lon);
    } else {
        sbuf_adds(&sql, "NULL");
    }
    if (*match) {
        /* Title and aliases weigh most, then organisations and places. */
        sbuf_adds(&sql, " FROM (SELECT rowid AS rid, bm25(entry_fts, 10.0, 8.0, 1.0, 3.0, 2.0)"
                        " AS rank FROM entry_fts WHERE entry_fts MATCH ?) f"
                        " JOIN entry e ON e.rid = f.rid");
        bind_s(&b, match);
    } else {
        sbuf_adds(&sql, " FROM entry e");
    }
    sbuf_adds(&sql, " WHERE e.deleted = 0");
    if (q->land && strcmp(q->land, "bund") == 0) {
        sbuf_adds(&sql, " AND e.land IS NULL");
    } else if (q->land) {
        sbuf_adds(&sql, " AND e.land = ?");
        bind_s(&b, q->land);
    }
    if (q->kind) {
        sbuf_adds(&sql, " AND e.kind = ?");
        bind_s(&b, q->kind);
    }
    if (q->status) {
        sbuf_adds(&sql, " AND e.status = ?");
        bind_s(&b, q->status);
    }
    if (q->field)
        facet_filter(&sql, &b, "field", q->field);
    if (q->target)
        facet_filter(&sql, &b, "target", q->target);
    if (q->year) {
        snprintf(year, sizeof year, "%d", q->year);
        facet_filter(&sql, &b, "year", year);
    }
    if (q->has_near) {
        /* A box around the circle lets the lat index do the coarse work. */
        double dlat = q->km / 111.2, dlon = q->km / (111.2 * cos(q->near_lat * M_PI / 180));
        sbuf_adds(&sql, " AND e.rid IN (SELECT rid FROM entry_place WHERE lat BETWEEN ? AND ?"
                        " AND lon BETWEEN ? AND ? AND kl_distance(lat, lon, ?, ?) <= ?)");
        bind_d(&b, q->near_lat - dlat);
        bind_d(&b, q->near_lat + dlat);
        bind_d(&b, q->near_lon - dlon);
        bind_d(&b, q->near_lon + dlon);
        bind_d(&b, q->near_lat);
        bind_d(&b, q->near_lon);
        bind_d(&b, q->km);
    }
    if (q->has_bbox) {
        sbuf_adds(&sql, " AND e.rid IN (SELECT rid FROM entry_place WHERE lat BETWEEN ? AND ?"
                        " AND lon BETWEEN ? AND ?)");
        bind_d(&b, q->bbox[0]);
        bind_d(&b, q->bbox[2]);
        bind_d(&b, q->bbox[1]);
        bind_d(&b, q->bbox[3]);
    }
    if (sqlite3_prepare_v2(s->db, sbuf_cstr(&sql), -1, &st, NULL) != SQLITE_OK) {
        rc = store_db_error(s, err, "Vorbereiten der Suche");
        goto done;
    }
    for (int i = 0; i < b.n; i++) {
        if (b.v[i].is_num)
            sqlite3_bind_double(st, i + 1, b.v[i].d);
        else
            store_bind_text(st, i + 1, b.v[i].s);
    }
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = err_set(err, KL_EINVAL, "Suchanfrage „%s“ nicht ausführbar: %s", q->q ? q->q : "",
                     sqlite3_errmsg(s->db));
done:
    sqlite3_finalize(st);
    sbuf_free(&sql);
    free(match);
    return rc;
}

static const char *order_by(const store_query *q)
{
    const char *sort = q->sort;
    if (!sort)
        sort = q->q && *q->q ? "relevance" : q->has_near ? "distance" : "title";
    if (strcmp(sort, "relevance") == 0)
        return "h.rank, e.title_key";
    if (strcmp(sort, "distance") == 0)
        return "h.dist, e.title_key";
    if (strcmp(sort, "updated") == 0)
        return "e.updated_at DESC, e.id";
    if (strcmp(sort, "id") == 0)
        return "e.id";
    return "e.title_key, e.id";
}

static int valid_sort(const char *sort)
{
    static const char *const ok[] = {"relevance", "distance", "title", "updated", "id", NULL};
    for (const char *const *p = ok; *p; p++)
        if (strcmp(*p, sort) == 0)
            return 1;
    return 0;
}

/* count_into: run a two-column (key, count) query into object o. */
static int count_into(store *s, const char *sql, const char *facet, json_t *o)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return KL_EDB;
    if (facet)
        sqlite3_bind_text(st, 1, facet, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW)
        json_object_set_new(o, (const char *)sqlite3_column_text(st, 0),
                            json_integer(sqlite3_column_int64(st, 1)));
    return sqlite3_finalize(st) == SQLITE_OK ? KL_OK : KL_EDB;
}

static json_t *facets(store *s, int *rc)
{
    static const char *const cols[] = {"land", "kind", "status"};
    json_t *f = json_object();
    for (size_t i = 0; i < 3 && !*rc; i++) {
        json_t *o = json_object();
        char *sql = xasprintf("SELECT %s, count(*) FROM temp.hits GROUP BY 1 ORDER BY 2 DESC, 1",
                              cols[i]);
        *rc = count_into(s, sql, NULL, o);
        free(sql);
        json_object_set_new(f, cols[i], o);
    }
    /* The side facets in one pass over entry_facet. */
    json_object_set_new(f, "field", json_object());
    json_object_set_new(f, "target", json_object());
    json_object_set_new(f, "year", json_object());
    sqlite3_stmt *st;
    if (*rc || sqlite3_prepare_v2(s->db,
                                  "SELECT x.facet, x.value, count(*) FROM temp.hits h"
                                  " JOIN entry_facet x ON x.rid = h.rid"
                                  " WHERE x.facet IN ('field', 'target', 'year')"
                                  " GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2",
                                  -1, &st, NULL) != SQLITE_OK) {
        *rc = KL_EDB;
        return f;
    }
    while (sqlite3_step(st) == SQLITE_ROW)
        json_object_set_new(json_object_get(f, (const char *)sqlite3_column_text(st, 0)),
                            (const char *)sqlite3_column_text(st, 1),
                            json_integer(sqlite3_column_int64(st, 2)));
    if (sqlite3_finalize(st) != SQLITE_OK)
        *rc = KL_EDB;
    return f;
}

/* items: call fn for each hit in order, limit < 0 for all. */
typedef int (*item_fn)(void *ctx, const entry *e, double dist, int has_dist);

static int items(store *s, const store_query *q, int limit, int offset, void *ctx, item_fn fn,
                 char **err)
{
    char *sql = xasprintf("SELECT e.body, h.dist FROM temp.hits h JOIN entry e ON e.rid = h.rid"
                          " ORDER BY %s LIMIT %d OFFSET %d",
                          order_by(q), limit, offset);
    sqlite3_stmt *st;
    int rc = KL_OK, step;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        free(sql);
        return store_db_error(s, err, "Lesen der Treffer");
    }
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        entry *e = entry_from_stored((const char *)sqlite3_column_text(st, 0));
        int stop =
            e ? fn(ctx, e, sqlite3_column_double(st, 1), sqlite3_column_type(st, 1) != SQLITE_NULL)
              : 0;
        entry_free(e);
        if (stop) {
            step = SQLITE_DONE;
            break;
        }
    }
    if (step != SQLITE_DONE)
        rc = store_db_error(s, err, "Lesen der Treffer");
    sqlite3_finalize(st);
    free(sql);
    return rc;
}

static int add_item(void *ctx, const entry *e, double dist, int has_dist)
{
    json_t *o = json_copy(entry_json(e));
    if (has_dist)
        json_object_set_new(o, "distance_km", json_real(round(dist * 10) / 10));
    json_array_append_new((json_t *)ctx, o);
    return 0;
}

static int check_query(const store_query *q, char **err)
{
    if (q->sort && !valid_sort(q->sort))
        return err_set(err, KL_EINVAL,
                       "Sortierung „%s“ unbekannt (erlaubt: relevance, distance, title, "
                       "updated, id)",
                       q->sort);
    if (q->sort && strcmp(q->sort, "distance") == 0 && !q->has_near)
        return err_set(err, KL_EINVAL, "Sortierung „distance“ braucht einen Ort (near)");
    if (q->has_near && !(q->km > 0 && q->km <= 1000))
        return err_set(err, KL_EINVAL, "Umkreis muss zwischen 0 und 1000 km liegen");
    return KL_OK;
}

int store_search(store *s, const store_query *q, json_t **out, char **err)
{
    *out = NULL;
    int rc = check_query(q, err);
    if (!rc)
        rc = collect(s, q, err);
    if (rc)
        return rc;
    json_t *res = json_object(), *list = json_array();
    sqlite3_stmt *st;
    sqlite3_int64 total = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM temp.hits", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        total = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    json_object_set_new(res, "total", json_integer(total));
    rc = items(s, q, q->limit ? q->limit : 20, q->offset, list, add_item, err);
    json_object_set_new(res, "items", list);
    if (!rc && q->facets) {
        json_t *f = facets(s, &rc);
        json_object_set_new(res, "facets", f);
        if (rc)
            store_db_error(s, err, "Zählen der Facetten");
    }
    if (rc) {
        json_decref(res);
        return rc;
    }
    *out = res;
    return KL_OK;
}

typedef struct each_ctx {
    void *ctx;
    store_each_fn fn;
} each_ctx;

static int each_item(void *ctx, const entry *e, double dist, int has_dist)
{
    (void)dist;
    (void)has_dist;
    each_ctx *c = ctx;
    return c->fn(c->ctx, e);
}

int store_each(store *s, const store_query *q, void *ctx, store_each_fn fn, char **err)
{
    int rc = check_query(q, err);
    if (!rc)
        rc = collect(s, q, err);
    if (rc)
        return rc;
    each_ctx c = {ctx, fn};
    return items(s, q, -1, 0, &c, each_item, err);
}

int store_summary(store *s, json_t **out, char **err)
{
    json_t *o = json_object(), *by_land = json_object(), *by_kind = json_object();
    sqlite3_stmt *st;
    int rc = KL_OK;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT count(*) FILTER (WHERE NOT deleted),"
                           " count(*) FILTER (WHERE NOT deleted AND status = 'published'),"
                           " count(*) FILTER (WHERE NOT deleted AND status = 'draft'),"
                           " count(*) FILTER (WHERE deleted) FROM entry",
                           -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        json_object_set_new(o, "entries", json_integer(sqlite3_column_int64(st, 0)));
        json_object_set_new(o, "published", json_integer(sqlite3_column_int64(st, 1)));
        json_object_set_new(o, "drafts", json_integer(sqlite3_column_int64(st, 2)));
        json_object_set_new(o, "deleted", json_integer(sqlite3_column_int64(st, 3)));
    } else {
        rc = KL_EDB;
    }
    sqlite3_finalize(st);
    if (!rc)
        rc = count_into(s,
                        "SELECT coalesce(land, 'bund'), count(*) FROM entry WHERE NOT deleted"
                        " GROUP BY 1 ORDER BY 1",
                        NULL, by_land);
    if (!rc)
        rc = count_into(s,
                        "SELECT kind, count(*) FROM entry WHERE NOT deleted GROUP BY 1"
                        " ORDER BY 2 DESC, 1",
                        NULL, by_kind);
    json_object_set_new(o, "by_land", by_land);
    json_object_set_new(o, "by_kind", by_kind);
    if (rc) {
        json_decref(o);
        *out = NULL;
        return store_db_error(s, err, "Zählen der Einträge");
    }
    *out = o;
    return KL_OK;
}
