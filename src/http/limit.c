/* limit.c: a fixed-window rate limit per key (a client address), kept in
 * memory: enough against a script flooding the feedback form; it need
 * not survive a restart. The table is bounded: when it is full, the
 * oldest window gives way. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/http_int.h"
#include "util/xalloc.h"

#define LIMIT_KEYS 4096

typedef struct slot {
    char key[48]; /* an IPv6 address in text fits */
    time_t start;
    unsigned n;
} slot;

struct http_limit {
    pthread_mutex_t mu;
    unsigned max, window_s;
    slot s[LIMIT_KEYS];
};

http_limit *http_limit_new(unsigned max, unsigned window_s)
{
    http_limit *l = xcalloc(1, sizeof *l);
    pthread_mutex_init(&l->mu, NULL);
    l->max = max;
    l->window_s = window_s;
    return l;
}

void http_limit_free(http_limit *l)
{
    if (!l)
        return;
    pthread_mutex_destroy(&l->mu);
    free(l);
}

unsigned http_limit_hit(http_limit *l, const char *key, time_t now)
{
    slot *hit = NULL, *oldest = &l->s[0];
    unsigned wait = 0;
    pthread_mutex_lock(&l->mu);
    for (size_t i = 0; i < LIMIT_KEYS && !hit; i++) {
        slot *s = &l->s[i];
        if (strcmp(s->key, key) == 0)
            hit = s;
        else if (s->start < oldest->start)
            oldest = s;
    }
    if (hit && now - hit->start >= (time_t)l->window_s) {
        hit->start = now;
        hit->n = 0;
    }
    if (!hit) {
        hit = oldest;
        snprintf(hit->key, sizeof hit->key, "%s", key);
        hit->start = now;
        hit->n = 0;
    }
    if (hit->n >= l->max)
        wait = (unsigned)(hit->start + (time_t)l->window_s - now);
    else
        hit->n++;
    pthread_mutex_unlock(&l->mu);
    return wait;
}
