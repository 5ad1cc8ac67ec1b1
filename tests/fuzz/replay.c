/* replay.c: main() for a fuzz driver built without libFuzzer. `make test`
 * links every tests/fuzz/fuzz_*.c with this file and the plain library,
 * and runs it on its saved corpus, so that the drivers keep compiling and
 * every saved input (among them the crashes found so far) is checked on
 * each test run, with ASan and UBSan in the sanitizer build.
 *
 *   fuzz_NAME DIR|FILE...   run LLVMFuzzerTestOneInput on every regular
 *                           file (directories: their files, by name)
 *
 * Prints "N inputs replayed" and exits 0; a broken contract aborts inside
 * the driver, an unreadable path exits 1. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/sbuf.h"
#include "util/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* replay_file: feed one file to the driver. Returns 0, or -1 when it
 * cannot be read. The bytes go into a buffer of exactly their size, so
 * that ASan sees any read past the end. */
static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: %s: cannot open\n", path);
        return -1;
    }
    sbuf b = SBUF_INIT;
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        sbuf_add(&b, chunk, got);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        sbuf_free(&b);
        fprintf(stderr, "replay: %s: cannot read\n", path);
        return -1;
    }
    uint8_t *data = xmalloc(b.len ? b.len : 1);
    if (b.len)
        memcpy(data, b.s, b.len);
    LLVMFuzzerTestOneInput(data, b.len);
    free(data);
    sbuf_free(&b);
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* replay_path: a file, or every regular file in a directory. Adds the
 * inputs replayed to *count. */
static int replay_path(const char *path, size_t *count)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "replay: %s: not found\n", path);
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        int rc = replay_file(path);
        *count += rc == 0;
        return rc;
    }
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "replay: %s: cannot open\n", path);
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 32;
            names = xrealloc(names, cap * sizeof *names);
        }
        names[n++] = xasprintf("%s/%s", path, de->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            if (replay_file(names[i]) == 0)
                (*count)++;
            else
                rc = -1;
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    size_t count = 0;
    int rc = 0;
    for (int i = 1; i < argc; i++)
        if (replay_path(argv[i], &count) != 0)
            rc = 1;
    printf("%zu inputs replayed\n", count);
    return rc;
}
