/* store_memo.c: the answers of frequent searches, remembered until the
 * data change.
 *
 * A word in a quarter of all entries (at 1,000,000 entries: "KI",
 * "Intelligenz", "Verwaltung") has a quarter million hits, and every one
 * of them is ranked and counted for the facets: 40 to 70 ms, the slowest
 * searches (bench/RESULTS.md). Such words are also the ones people ask for
 * again. So after the fast path has read all hits of a search that
 * walked at least STORE_MEMO_MIN_HITS rows (hits, or the rows of its most
 * frequent word, which an AND of words steps through), it keeps what the
 * answer needs: the number of hits, the facet counts and the best
 * STORE_MEMO_TOP hits in order (exactly what a full pass chose; a page beyond them is read again
 * in full). The key is the match expression and the filters, so a
 * remembered answer is the very answer a new pass would give while the
 * data are the same: the store forgets all of them on every change (its
 * own writes, rollbacks, and another connection's commit, seen through
 * PRAGMA data_version), as it forgets the row counts per phrase.
 *
 * Bounded: STORE_MEMO_SLOTS answers of at most STORE_MEMO_TOP hits each
 * (with the counts about 6 KB an answer, 1.6 MB per connection when all
 * are taken). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/store_int.h"
#include "util/xalloc.h"

/* STORE_MEMO_SLOTS answers; a new one takes a free slot or the one used
 * longest ago. Any key may sit in any slot (a lookup compares hashes
 * first, 256 of them in well under a microsecond): a search repeated
 * among fewer than STORE_MEMO_SLOTS frequent ones always stays. */
#define STORE_MEMO_SLOTS 256

struct store_memo {
    char *key;          /* NULL: free slot */
    uint32_t hash;      /* of key */
    unsigned long used; /* s->memo_clock when last used */
    size_t total, n;
    counts c;
    struct memo_hit {
        sqlite3_int64 rid;
        double num;
    } top[STORE_MEMO_TOP];
};

uint32_t store_hash(const char *key)
{
    uint32_t h = 2166136261u;
    for (const char *c = key; *c; c++)
        h = (h ^ (unsigned char)*c) * 16777619u;
    return h;
}

/* find: key's slot, NULL if it is not remembered. */
static struct store_memo *find(store *s, const char *key, uint32_t h)
{
    for (size_t i = 0; s->memo && i < STORE_MEMO_SLOTS; i++)
        if (s->memo[i].key && s->memo[i].hash == h && strcmp(s->memo[i].key, key) == 0)
            return &s->memo[i];
    return NULL;
}

/* victim: the slot a new answer takes: a free one, else the one used
 * longest ago. */
static struct store_memo *victim(store *s)
{
    if (!s->memo)
        s->memo = xcalloc(STORE_MEMO_SLOTS, sizeof *s->memo);
    struct store_memo *v = s->memo;
    for (size_t i = 0; i < STORE_MEMO_SLOTS; i++) {
        if (!s->memo[i].key)
            return &s->memo[i];
        if (s->memo[i].used < v->used)
            v = &s->memo[i];
    }
    return v;
}

int store_memo_get(store *s, const char *key, size_t k, hits *top, size_t *total, counts *c)
{
    struct store_memo *m = find(s, key, store_hash(key));
    if (!m)
        return 0;
    /* The page must lie within the hits kept, or they must be all. */
    if (k > m->n && m->n < m->total)
        return 0;
    size_t n = k < m->n ? k : m->n;
    top->h = xrealloc(top->h, (n ? n : 1) * sizeof *top->h);
    top->cap = n;
    top->n = n;
    top->by = SORT_RELEVANCE;
    for (size_t i = 0; i < n; i++)
        top->h[i] = (hit){m->top[i].rid, m->top[i].num, NAN, 0, "", 1, 1};
    *total = m->total;
    if (c)
        *c = m->c;
    m->used = ++s->memo_clock;
    s->memo_used++;
    return 1;
}

void store_memo_put(store *s, const char *key, const hit *best, size_t n, size_t total,
                    const counts *c)
{
    uint32_t h = store_hash(key);
    struct store_memo *m = find(s, key, h);
    if (!m) {
        m = victim(s);
        free(m->key);
        m->key = xstrdup(key);
        m->hash = h;
    }
    m->used = ++s->memo_clock;
    m->total = total;
    m->n = n < STORE_MEMO_TOP ? n : STORE_MEMO_TOP;
    m->c = *c;
    for (size_t i = 0; i < m->n; i++)
        m->top[i] = (struct memo_hit){best[i].rid, best[i].num};
}

void store_memo_clear(store *s)
{
    for (size_t i = 0; s->memo && i < STORE_MEMO_SLOTS; i++) {
        free(s->memo[i].key);
        s->memo[i].key = NULL;
    }
}

void store_memo_free(store *s)
{
    store_memo_clear(s);
    free(s->memo);
    s->memo = NULL;
}
