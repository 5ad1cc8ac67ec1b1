/* cache.c: the response cache of the read API.
 *
 * GET answers of /api/entries, /api/entries/{id}, /api/laender,
 * /api/places and the exports (up to a size limit) are kept by their full
 * address: the path and the query with its parameters sorted by name
 * (they are decoded and unique, see http_params_parse). An answer is
 * served again only while the database is as it was when the answer was
 * made, which the cache tells by one number, the generation:
 *
 *   - Every worker, before it looks up or makes an answer, reads PRAGMA
 *     data_version on its own connection. That value changes whenever
 *     another connection (another worker, `kilandkarte add` in another
 *     process) committed since this connection last looked. When it
 *     differs from what this worker saw last time, the generation goes
 *     up and every cached answer is dropped.
 *   - data_version does not change for a connection's own writes, so a
 *     write made through this server must call http_cache_invalidate()
 *     after its commit (the hook for the write endpoints to come).
 *
 * An answer is stored with the generation read before its data was read,
 * and only while that is still the current one: an answer made from data
 * that changed while it was made is never kept, or kept under a
 * generation that is already gone for every later request (the next
 * data_version check of any worker sees the commit).
 *
 * Memory: bodies, keys and headers count against a byte budget
 * (--cache-mb, 32 MiB by default); the least recently used answers go
 * first. One answer may take at most a quarter of the budget.
 *
 * Threads: one mutex (http_cache.mu) guards everything in the cache: the
 * table, the LRU list, the byte count, the generation and the workers'
 * last data_version. It is held for a hash look-up and a few pointer
 * moves, never while a body is made, copied or sent: an answer in use by
 * a response is reference-counted and freed by the last user. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/http_int.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

typedef struct centry centry;
struct centry {
    centry *next_hash;   /* chain of the bucket */
    centry *prev, *next; /* LRU list: head most recent */
    char *key;           /* owned */
    uint64_t hash;
    char *body; /* owned, n bytes */
    size_t n;
    size_t cost; /* bytes counted against the budget */
    char etag[20];
    char *ctype;       /* owned */
    char *disposition; /* owned, or NULL */
    unsigned refs;     /* 1 for the table while linked, +1 per response */
    int linked;        /* in the table and the LRU list */
};

/* The last data_version a worker's connection reported. */
typedef struct watch {
    const store *s;
    long long dv;
} watch;

struct http_cache {
    pthread_mutex_t mu; /* guards every member below */
    size_t max_bytes, max_entry, bytes;
    centry **tab;
    size_t ntab, count;
    centry *head, *tail;
    unsigned long gen;
    watch *w;
    size_t nw, capw;
};

static uint64_t fnv(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

http_cache *http_cache_new(size_t max_bytes)
{
    if (!max_bytes)
        return NULL;
    http_cache *c = xcalloc(1, sizeof *c);
    pthread_mutex_init(&c->mu, NULL);
    c->max_bytes = max_bytes;
    c->max_entry = max_bytes / 4;
    c->ntab = 256;
    c->tab = xcalloc(c->ntab, sizeof *c->tab);
    c->gen = 1;
    return c;
}

static void centry_free(centry *e)
{
    free(e->key);
    free(e->ctype);
    free(e->body);
    free(e->disposition);
    free(e);
}

/* lru_remove: e out of the LRU list (its own links left as they are). */
static void lru_remove(http_cache *c, centry *e)
{
    if (e->prev)
        e->prev->next = e->next;
    else
        c->head = e->next;
    if (e->next)
        e->next->prev = e->prev;
    else
        c->tail = e->prev;
}

/* unlink_entry: out of the table and the LRU list; the table's reference
 * is dropped (freed unless a response still holds it). Caller holds mu. */
static void unlink_entry(http_cache *c, centry *e)
{
    centry **pp = &c->tab[e->hash & (c->ntab - 1)];
    while (*pp && *pp != e)
        pp = &(*pp)->next_hash;
    if (*pp)
        *pp = e->next_hash;
    lru_remove(c, e);
    e->prev = e->next = e->next_hash = NULL;
    e->linked = 0;
    c->bytes -= e->cost;
    c->count--;
    if (--e->refs == 0)
        centry_free(e);
}

/* clear: drop every answer. Caller holds mu. */
static void clear(http_cache *c)
{
    while (c->head)
        unlink_entry(c, c->head);
}

void http_cache_free(http_cache *c)
{
    if (!c)
        return;
    /* MHD is stopped: no response holds an answer any more. */
    clear(c);
    free(c->tab);
    free(c->w);
    pthread_mutex_destroy(&c->mu);
    free(c);
}

void http_cache_invalidate(http_cache *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&c->mu);
    c->gen++;
    clear(c);
    pthread_mutex_unlock(&c->mu);
}

unsigned long http_cache_check(http_cache *c, store *s)
{
    /* Outside the lock: the statement runs on this worker's connection. */
    long long dv = store_data_version(s);
    unsigned long gen;
    pthread_mutex_lock(&c->mu);
    size_t i = 0;
    while (i < c->nw && c->w[i].s != s)
        i++;
    if (i == c->nw) {
        /* A connection not seen before: its view may be newer than the
         * answers kept (a worker opened after a change). */
        if (c->nw == c->capw) {
            c->capw = c->capw ? 2 * c->capw : 8;
            c->w = xrealloc(c->w, c->capw * sizeof *c->w);
        }
        c->w[c->nw++] = (watch){s, dv - 1};
    }
    if (dv < 0 || c->w[i].dv != dv) {
        c->w[i].dv = dv;
        c->gen++;
        clear(c);
    }
    gen = c->gen;
    pthread_mutex_unlock(&c->mu);
    return gen;
}

char *http_cache_key(const char *path, const http_params *p)
{
    /* Names and values are decoded and free of control characters
     * (http_params_parse refuses them): \x01 and \x02 cannot be forged. */
    size_t *ord = xmalloc((p->n ? p->n : 1) * sizeof *ord);
    for (size_t i = 0; i < p->n; i++) {
        size_t j = i;
        while (j > 0 && strcmp(p->a[ord[j - 1]].name, p->a[i].name) > 0) {
            ord[j] = ord[j - 1];
            j--;
        }
        ord[j] = i;
    }
    sbuf b = SBUF_INIT;
    sbuf_adds(&b, path);
    for (size_t i = 0; i < p->n; i++) {
        sbuf_addc(&b, i ? '\x02' : '?');
        sbuf_adds(&b, p->a[ord[i]].name);
        sbuf_addc(&b, '\x01');
        sbuf_adds(&b, p->a[ord[i]].value);
    }
    free(ord);
    return sbuf_take(&b);
}

static centry *find(http_cache *c, const char *key, uint64_t h)
{
    for (centry *e = c->tab[h & (c->ntab - 1)]; e; e = e->next_hash)
        if (e->hash == h && strcmp(e->key, key) == 0)
            return e;
    return NULL;
}

/* lru_push: e, in no list, at the head of the LRU list (newest). */
static void lru_push(http_cache *c, centry *e)
{
    e->prev = NULL;
    e->next = c->head;
    if (c->head)
        c->head->prev = e;
    c->head = e;
    if (!c->tail)
        c->tail = e;
}

static void lru_front(http_cache *c, centry *e)
{
    if (c->head == e)
        return;
    lru_remove(c, e);
    lru_push(c, e);
}

static void grow(http_cache *c)
{
    size_t n = c->ntab * 2;
    centry **t = xcalloc(n, sizeof *t);
    for (size_t i = 0; i < c->ntab; i++)
        for (centry *e = c->tab[i], *nx; e; e = nx) {
            nx = e->next_hash;
            e->next_hash = t[e->hash & (n - 1)];
            t[e->hash & (n - 1)] = e;
        }
    free(c->tab);
    c->tab = t;
    c->ntab = n;
}

/* The response keeps a pointer to its cache so the release can lock. */
typedef struct hold {
    http_cache *c;
    centry *e;
} hold;

/* drop: give back one reference to e. */
static void drop(http_cache *c, centry *e)
{
    pthread_mutex_lock(&c->mu);
    if (--e->refs == 0)
        centry_free(e);
    pthread_mutex_unlock(&c->mu);
}

/* hold_release: MHD's free callback of a response made from an answer
 * (runs when the response is destroyed, on some MHD thread). */
static void hold_release(void *cls)
{
    hold *h = cls;
    drop(h->c, h->e);
    free(h);
}

/* respond: queue e (a reference held by the caller, passed on to the
 * response) as a 200, or 304 when If-None-Match names its ETag. */
static enum MHD_Result respond(http_req *r, http_cache *c, centry *e, const char *xcache)
{
    struct MHD_Response *resp;
    const char *inm = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "If-None-Match");
    if (inm && (strcmp(inm, "*") == 0 || strstr(inm, e->etag))) {
        resp = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(resp, "ETag", e->etag);
        MHD_add_response_header(resp, "Cache-Control", "no-cache");
        MHD_add_response_header(resp, "X-Cache", xcache);
        http_add_common_headers(r, resp);
        drop(c, e);
        return http_queue(r, 304, resp);
    }
    hold *h = xmalloc(sizeof *h);
    h->c = c;
    h->e = e;
    resp = MHD_create_response_from_buffer_with_free_callback_cls(e->n, e->body, hold_release, h);
    MHD_add_response_header(resp, "Content-Type", e->ctype);
    if (e->disposition)
        MHD_add_response_header(resp, "Content-Disposition", e->disposition);
    MHD_add_response_header(resp, "ETag", e->etag);
    MHD_add_response_header(resp, "Cache-Control", "no-cache");
    MHD_add_response_header(resp, "X-Cache", xcache);
    http_add_common_headers(r, resp);
    r->bytes = r->head ? 0 : e->n;
    return http_queue(r, 200, resp);
}

int http_cache_serve(http_cache *c, http_req *r, enum MHD_Result *result)
{
    uint64_t h = fnv(r->cache_key, strlen(r->cache_key));
    pthread_mutex_lock(&c->mu);
    centry *e = c->gen == r->cache_gen ? find(c, r->cache_key, h) : NULL;
    if (e) {
        lru_front(c, e);
        e->refs++;
    }
    pthread_mutex_unlock(&c->mu);
    if (!e)
        return 0;
    *result = respond(r, c, e, "hit");
    return 1;
}

/* insert: make an answer of body (taken) and keep it when it fits and
 * gen is still current. Returns the answer with one reference for the
 * caller, or NULL (body freed) when it is not kept. */
static centry *insert(http_cache *c, const http_req *r, const char *ctype, const char *disposition,
                      char *body, size_t n, int keep_ref)
{
    centry *e = xcalloc(1, sizeof *e);
    e->key = xstrdup(r->cache_key);
    e->hash = fnv(e->key, strlen(e->key));
    e->body = body;
    e->n = n;
    e->ctype = xstrdup(ctype);
    e->disposition = disposition ? xstrdup(disposition) : NULL;
    http_etag(body ? body : "", n, e->etag);
    e->cost = n + strlen(e->key) + (disposition ? strlen(disposition) : 0) + sizeof *e + 64;
    e->refs = keep_ref ? 1 : 0;
    pthread_mutex_lock(&c->mu);
    if (c->gen == r->cache_gen && e->cost <= c->max_entry) {
        centry *old = find(c, e->key, e->hash);
        if (old)
            unlink_entry(c, old);
        while (c->tail && c->bytes + e->cost > c->max_bytes)
            unlink_entry(c, c->tail);
        if (c->count >= c->ntab)
            grow(c);
        e->next_hash = c->tab[e->hash & (c->ntab - 1)];
        c->tab[e->hash & (c->ntab - 1)] = e;
        lru_push(c, e);
        e->linked = 1;
        e->refs++;
        c->bytes += e->cost;
        c->count++;
    }
    pthread_mutex_unlock(&c->mu);
    if (!e->refs) {
        centry_free(e);
        return NULL;
    }
    return e;
}

enum MHD_Result http_cache_reply(http_cache *c, http_req *r, const char *ctype, char *body,
                                 size_t n)
{
    if (!body) {
        body = xmalloc(1);
        n = 0;
    }
    /* One reference for the response; the table takes its own. */
    centry *e = insert(c, r, ctype, NULL, body, n, 1);
    return respond(r, c, e, "miss");
}

void http_cache_put(http_cache *c, const http_req *r, const char *ctype, const char *disposition,
                    const char *body, size_t n)
{
    if (n + strlen(r->cache_key) > c->max_entry)
        return;
    char *copy = xmalloc(n ? n : 1);
    memcpy(copy, body, n);
    insert(c, r, ctype, disposition, copy, n, 0);
}

size_t http_cache_max_entry(const http_cache *c)
{
    return c->max_entry; /* fixed at creation: no lock needed */
}
