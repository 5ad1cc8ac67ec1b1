/* gen.c: see gen.h. */
#include "gen.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/text.h"
#include "util/xalloc.h"

const char *const gen_laender[17] = {"DE-BW", "DE-BY", "DE-BE", "DE-BB", "DE-HB", "DE-HH",
                                     "DE-HE", "DE-MV", "DE-NI", "DE-NW", "DE-RP", "DE-SL",
                                     "DE-SN", "DE-ST", "DE-SH", "DE-TH", NULL};

unsigned gen_rnd(unsigned long long *r, unsigned n)
{
    *r ^= *r << 13;
    *r ^= *r >> 7;
    *r ^= *r << 17;
    return (unsigned)(*r % n);
}

double gen_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void push(gen_words *v, const char *s, size_t n)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 1024;
        v->w = xrealloc(v->w, v->cap * sizeof *v->w);
    }
    v->w[v->n++] = xstrndup(s, n);
}

void gen_harvest(int argc, char **argv, gen_words *all, gen_words *nouns)
{
    for (int i = 0; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f)
            continue;
        char buf[512];
        while (fscanf(f, "%511s", buf) == 1) {
            size_t n = strlen(buf);
            while (n && strchr(".,;:!?()*\"#[]", buf[n - 1]))
                n--;
            size_t s = 0;
            while (s < n && strchr("(*\"#[-", buf[s]))
                s++;
            /* Words with typographic quotes („“) stay attached and are
             * skipped. */
            if (n <= s || !text_utf8_valid(buf + s, n - s, NULL) || strstr(buf + s, "\xE2\x80"))
                continue;
            push(all, buf + s, n - s);
            if (n - s >= 6 && buf[s] >= 'A' && buf[s] <= 'Z' && !strpbrk(buf + s, "0123456789/<>"))
                push(nouns, buf + s, n - s);
        }
        fclose(f);
    }
}
