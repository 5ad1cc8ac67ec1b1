/* checkpoint.c: the server's WAL checkpoints, in a thread of their own.
 *
 * In WAL mode with synchronous=NORMAL a commit writes the log and does
 * not wait for the disk; only a checkpoint (copying the log back into
 * the database file) syncs. SQLite runs one automatically in whichever
 * connection's commit crosses 1000 pages, so now and then one request
 * pays for the sync: on the write benchmark that was the p99 (150 to
 * 200 ms against a median of 0.5 ms). The workers' connections switch
 * that off (http_checkpoint_worker) and this thread checkpoints
 * PASSIVE (never waiting for a reader or writer) every 200 ms instead.
 * A final TRUNCATE at shutdown leaves a short log behind. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "http/http_int.h"
#include "util/xalloc.h"

struct http_ckpt {
    pthread_t th;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int stop;
    sqlite3 *db;
};

static void *run(void *arg)
{
    http_ckpt *c = arg;
    pthread_mutex_lock(&c->mu);
    while (!c->stop) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 200 * 1000 * 1000;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&c->cv, &c->mu, &until);
        if (c->stop)
            break;
        pthread_mutex_unlock(&c->mu);
        /* Busy or locked is fine: the next round tries again. */
        sqlite3_wal_checkpoint_v2(c->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        pthread_mutex_lock(&c->mu);
    }
    pthread_mutex_unlock(&c->mu);
    return NULL;
}

http_ckpt *http_ckpt_start(const char *db_path)
{
    http_ckpt *c = xcalloc(1, sizeof *c);
    if (sqlite3_open_v2(db_path, &c->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        sqlite3_close(c->db);
        free(c);
        return NULL;
    }
    sqlite3_busy_timeout(c->db, 1000);
    pthread_mutex_init(&c->mu, NULL);
    pthread_cond_init(&c->cv, NULL);
    if (pthread_create(&c->th, NULL, run, c) != 0) {
        pthread_cond_destroy(&c->cv);
        pthread_mutex_destroy(&c->mu);
        sqlite3_close(c->db);
        free(c);
        return NULL;
    }
    return c;
}

void http_ckpt_worker(sqlite3 *db, const http_ckpt *c)
{
    /* Without the thread, SQLite's own checkpoints stay on. */
    if (c)
        sqlite3_wal_autocheckpoint(db, 0);
}

void http_ckpt_stop(http_ckpt *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&c->mu);
    c->stop = 1;
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->mu);
    pthread_join(c->th, NULL);
    sqlite3_wal_checkpoint_v2(c->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    sqlite3_close(c->db);
    pthread_cond_destroy(&c->cv);
    pthread_mutex_destroy(&c->mu);
    free(c);
}
