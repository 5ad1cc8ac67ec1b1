/* store_search.c: search, listing and counting (see store.h).
 *
 * A search reads the matching rows once, narrow columns only: the hits are
 * sorted in memory and the facets counted on the way, so neither the
 * full-text match nor the wide JSON is touched more than needed; only the
 * page of items shown fetches its JSON. */
#include <ctype.h>
#include <stdlib.h>
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

/* store_match_expr: the FTS5 expression for what a person typed. Words are
 * ANDed; "quoted words" form a phrase; a trailing * makes a prefix; OR
 * between words is honoured. Everything is quoted, so no input can break
 * the FTS5 syntax. Caller frees; "" when nothing searchable is left. */
char *store_match_expr(const char *q)
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

/* build: "SELECT cols FROM <entries matching q> [ORDER BY order]" into sql,
 * the values to bind into b. match is q's FTS5 expression ("" for none).
 * Columns may use e (entry), f.rank (with a match) and dist. */
static void build(const store_query *q, const char *match, const char *cols, const char *order,
                  sbuf *sql, binds *b, char year[16])
{
    sbuf_addf(sql, "SELECT %s FROM (SELECT e.*, %s AS rank, ", cols, *match ? "f.rank" : "0");
    if (q->has_near) {
        sbuf_adds(sql, "(SELECT min(kl_distance(p.lat, p.lon, ?, ?)) FROM entry_place p"
                       " WHERE p.rid = e.rid) AS dist");
        bind_d(b, q->near_lat);
        bind_d(b, q->near_lon);
    } else {
        sbuf_adds(sql, "NULL AS dist");
    }
    if (*match) {
        /* Title and aliases weigh most, then organisations and places. */
        sbuf_adds(sql, " FROM (SELECT rowid AS rid, bm25(entry_fts, 10.0, 8.0, 1.0, 3.0, 2.0)"
                       " AS rank FROM entry_fts WHERE entry_fts MATCH ?) f"
                       " JOIN entry e ON e.rid = f.rid");
        bind_s(b, match);
    } else {
        sbuf_adds(sql, " FROM entry e");
    }
    sbuf_adds(sql, " WHERE e.deleted = 0");
    if (q->land && strcmp(q->land, "bund") == 0) {
        sbuf_adds(sql, " AND e.land IS NULL");
    } else if (q->land) {
        sbuf_adds(sql, " AND e.land = ?");
        bind_s(b, q->land);
    }
    if (q->kind) {
        sbuf_adds(sql, " AND e.kind = ?");
        bind_s(b, q->kind);
    }
    if (q->status) {
        sbuf_adds(sql, " AND e.status = ?");
        bind_s(b, q->status);
    }
    if (q->field)
        facet_filter(sql, b, "field", q->field);
    if (q->target)
        facet_filter(sql, b, "target", q->target);
    if (q->year) {
        snprintf(year, 16, "%d", q->year);
        facet_filter(sql, b, "year", year);
    }
    if (q->has_near) {
        /* A box around the circle lets the lat index do the coarse work. */
        double dlat = q->km / 111.2, dlon = q->km / (111.2 * cos(q->near_lat * M_PI / 180));
        sbuf_adds(sql, " AND e.rid IN (SELECT rid FROM entry_place WHERE lat BETWEEN ? AND ?"
                       " AND lon BETWEEN ? AND ? AND kl_distance(lat, lon, ?, ?) <= ?)");
        bind_d(b, q->near_lat - dlat);
        bind_d(b, q->near_lat + dlat);
        bind_d(b, q->near_lon - dlon);
        bind_d(b, q->near_lon + dlon);
        bind_d(b, q->near_lat);
        bind_d(b, q->near_lon);
        bind_d(b, q->km);
    }
    if (q->has_bbox) {
        sbuf_adds(sql, " AND e.rid IN (SELECT rid FROM entry_place WHERE lat BETWEEN ? AND ?"
                       " AND lon BETWEEN ? AND ?)");
        bind_d(b, q->bbox[0]);
        bind_d(b, q->bbox[2]);
        bind_d(b, q->bbox[1]);
        bind_d(b, q->bbox[3]);
    }
    sbuf_adds(sql, ") e");
    if (order)
        sbuf_addf(sql, " ORDER BY %s", order);
}

/* prepare_query: the statement for build(...), values bound. Caller
 * finalizes. NULL after setting *err. */
static sqlite3_stmt *prepare_query(store *s, const store_query *q, const char *cols,
                                   const char *order, char **err)
{
    sbuf sql = SBUF_INIT;
    binds b = {0};
    char year[16];
    char *match = q->q ? store_match_expr(q->q) : xstrdup("");
    sqlite3_stmt *st = NULL;
    build(q, match, cols, order, &sql, &b, year);
    if (sqlite3_prepare_v2(s->db, sbuf_cstr(&sql), -1, &st, NULL) != SQLITE_OK) {
        store_db_error(s, err, "Vorbereiten der Suche");
    } else {
        for (int i = 0; i < b.n; i++) {
            if (b.v[i].is_num)
                sqlite3_bind_double(st, i + 1, b.v[i].d);
            else
                sqlite3_bind_text(st, i + 1, b.v[i].s, -1, SQLITE_TRANSIENT);
        }
    }
    sbuf_free(&sql);
    free(match);
    return st;
}

static const char *const sort_names[] = {"relevance", "distance", "title", "updated", "id", NULL};

/* The SQL order of each sort, for streaming in store_each. */
static const char *const sort_sql[] = {"e.rank, e.rid", "e.dist, e.title_key", "e.title_key, e.id",
                                       "e.updated_at DESC, e.id", "e.id"};

static sort_by sort_of(const store_query *q)
{
    for (int i = 0; q->sort && sort_names[i]; i++)
        if (strcmp(q->sort, sort_names[i]) == 0)
            return (sort_by)i;
    return q->q && *q->q ? SORT_RELEVANCE : q->has_near ? SORT_DISTANCE : SORT_TITLE;
}

/* cmp_hit: each hit carries how it sorts, so qsort needs no context. */
static int cmp_hit(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->by_num && x->num != y->num)
        return (x->num > y->num) - (x->num < y->num);
    int c = x->dir * strcmp(x->kp, y->kp);
    return c ? c : (x->rid > y->rid) - (x->rid < y->rid);
}

/* collect: read every matching row once: hits for sorting, facets into c
 * (when not NULL). */
static int collect(store *s, const store_query *q, hits *hs, counts *c, char **err)
{
    /* Equal relevance: the older entry first, as in the fast path. */
    static const char *const key_col[] = {"''", "e.title_key", "e.title_key", "e.updated_at",
                                          "e.id"};
    hs->by = sort_of(q);
    char *cols = xasprintf("e.rid, e.rank, e.dist, e.land, e.kind, e.status, e.fmask, e.tmask,"
                           " e.years, %s",
                           key_col[hs->by]);
    sqlite3_stmt *st = prepare_query(s, q, cols, NULL, err);
    free(cols);
    if (!st)
        return KL_EDB;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (hs->n == hs->cap) {
            hs->cap = hs->cap ? 2 * hs->cap : 256;
            hs->h = xrealloc(hs->h, hs->cap * sizeof *hs->h);
        }
        hit *h = &hs->h[hs->n++];
        h->rid = sqlite3_column_int64(st, 0);
        h->dist = sqlite3_column_type(st, 2) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 2);
        h->num = hs->by == SORT_DISTANCE ? h->dist : sqlite3_column_double(st, 1);
        h->key = hs->pool.len;
        const char *k = (const char *)sqlite3_column_text(st, 9);
        sbuf_add(&hs->pool, k ? k : "", k ? strlen(k) + 1 : 1);
        if (c)
            counts_add_sql(c, (const char *)sqlite3_column_text(st, 3),
                           (const char *)sqlite3_column_text(st, 4),
                           (const char *)sqlite3_column_text(st, 5), sqlite3_column_int64(st, 6),
                           sqlite3_column_int64(st, 7), (const char *)sqlite3_column_text(st, 8));
    }
    sqlite3_finalize(st);
    if (step != SQLITE_DONE)
        return err_set(err, KL_EINVAL, "Suchanfrage „%s“ nicht ausführbar: %s", q->q ? q->q : "",
                       sqlite3_errmsg(s->db));
    for (size_t i = 0; i < hs->n; i++) {
        hs->h[i].kp = hs->pool.s + hs->h[i].key;
        hs->h[i].dir = hs->by == SORT_UPDATED ? -1 : 1;
        hs->h[i].by_num = hs->by == SORT_RELEVANCE || hs->by == SORT_DISTANCE;
    }
    if (hs->n)
        qsort(hs->h, hs->n, sizeof *hs->h, cmp_hit);
    return KL_OK;
}

static int check_query(const store_query *q, char **err)
{
    int known = !q->sort;
    for (int i = 0; q->sort && sort_names[i]; i++)
        known |= strcmp(q->sort, sort_names[i]) == 0;
    if (!known)
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

/* page_text: the stored JSON of hits [offset, offset+limit) as the items
 * of a JSON array, pasted as stored: parsing and printing them again cost
 * more than the whole search. */
static int page_text(store *s, const hits *hs, int limit, int offset, sbuf *out, char **err)
{
    sbuf_addc(out, '[');
    for (size_t i = (size_t)offset; i < hs->n && i < (size_t)offset + (size_t)limit; i++) {
        sqlite3_stmt *st = store_stmt(s, ST_BODY_BY_RID);
        sqlite3_bind_int64(st, 1, hs->h[i].rid);
        if (sqlite3_step(st) != SQLITE_ROW)
            return store_db_error(s, err, "Lesen der Treffer");
        const char *body = (const char *)sqlite3_column_text(st, 0);
        size_t n = (size_t)sqlite3_column_bytes(st, 0);
        if (n < 2 || body[n - 1] != '}') {
            sqlite3_reset(st);
            return err_set(err, KL_EDB, "Treffer beschädigt gespeichert");
        }
        if (i > (size_t)offset)
            sbuf_addc(out, ',');
        if (isnan(hs->h[i].dist)) {
            sbuf_add(out, body, n);
        } else {
            sbuf_add(out, body, n - 1);
            sbuf_addf(out, ",\"distance_km\":%.1f}", round(hs->h[i].dist * 10) / 10);
        }
        sqlite3_reset(st);
    }
    sbuf_addc(out, ']');
    return KL_OK;
}

int store_search_text(store *s, const store_query *q, sbuf *out, char **err)
{
    hits hs = {0};
    counts c;
    memset(&c, 0, sizeof c);
    int limit = q->limit ? q->limit : 20;
    size_t total = 0, mark = out->len;
    int rc = check_query(q, err);
    if (!rc) {
        char *match = q->q ? store_match_expr(q->q) : xstrdup("");
        rc = store_fast_search(s, q, match, (size_t)q->offset + (size_t)limit, &hs, &total,
                               q->facets ? &c : NULL, err);
        free(match);
        if (rc == 0) {
            rc = collect(s, q, &hs, q->facets ? &c : NULL, err);
            total = hs.n;
        } else if (rc == 1) {
            rc = KL_OK;
        }
    }
    if (!rc) {
        sbuf_addf(out, "{\"total\":%zu,\"items\":", total);
        rc = page_text(s, &hs, limit, q->offset, out, err);
    }
    if (!rc && q->facets) {
        json_t *f = counts_json(&c);
        char *ft = json_dumps(f, JSON_COMPACT);
        sbuf_addf(out, ",\"facets\":%s", ft ? ft : "{}");
        free(ft);
        json_decref(f);
    }
    if (!rc)
        sbuf_addc(out, '}');
    free(hs.h);
    sbuf_free(&hs.pool);
    if (rc) {
        out->len = mark;
        if (out->s)
            out->s[mark] = '\0';
    }
    return rc;
}

int store_search(store *s, const store_query *q, json_t **out, char **err)
{
    sbuf text = SBUF_INIT;
    *out = NULL;
    int rc = store_search_text(s, q, &text, err);
    if (!rc && !(*out = json_loadb(text.s, text.len, 0, NULL)))
        rc = err_set(err, KL_EDB, "Treffer beschädigt gespeichert");
    sbuf_free(&text);
    return rc;
}

int store_each(store *s, const store_query *q, void *ctx, store_each_fn fn, char **err)
{
    int rc = check_query(q, err);
    if (rc)
        return rc;
    /* Streamed in SQL order: an export of a million entries holds one. */
    sqlite3_stmt *st = prepare_query(s, q,
                                     "(SELECT body FROM history h WHERE h.id = e.id"
                                     " AND h.version = e.version)",
                                     sort_sql[sort_of(q)], err);
    if (!st)
        return KL_EDB;
    return store_each_row(s, st, ctx, fn, "Lesen der Einträge", err);
}

/* count_into: run a two-column (key, count) query into object o. */
static int count_into(store *s, const char *sql, json_t *o)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return KL_EDB;
    while (sqlite3_step(st) == SQLITE_ROW)
        json_object_set_new(o, (const char *)sqlite3_column_text(st, 0),
                            json_integer(sqlite3_column_int64(st, 1)));
    return sqlite3_finalize(st) == SQLITE_OK ? KL_OK : KL_EDB;
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
                        by_land);
    if (!rc)
        rc = count_into(s,
                        "SELECT kind, count(*) FROM entry WHERE NOT deleted GROUP BY 1"
                        " ORDER BY 2 DESC, 1",
                        by_kind);
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
