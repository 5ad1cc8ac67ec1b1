/* static.c: the pages of web/: files by path, with content types and
 * ETags. A path can name only a file beneath the web directory: ".."
 * and hidden segments are refused, and the resolved path (symlinks
 * followed) must still lie inside the directory. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "http/http_int.h"
#include "util/xalloc.h"

#define MAX_FILE (32 * 1024 * 1024)

static const char *const types[][2] = {
    {".html", "text/html; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".json", "application/json"},
    {".geojson", "application/geo+json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".ico", "image/x-icon"},
    {".webp", "image/webp"},
    {".woff2", "font/woff2"},
    {".txt", "text/plain; charset=utf-8"},
    {".map", "application/json"},
};

static const char *content_type(const char *path)
{
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (strcmp(dot, types[i][0]) == 0)
            return types[i][1];
    return "application/octet-stream";
}

/* safe_path: 1 if every segment of path is a plain name (no "", ".",
 * "..", hidden files, backslashes). path starts with "/". */
static int safe_path(const char *path)
{
    if (path[0] != '/' || strchr(path, '\\') || strlen(path) > 1024)
        return 0;
    for (const char *p = path + 1; *p;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n == 0 || p[0] == '.')
            return 0;
        p += n + (slash ? 1 : 0);
    }
    return 1;
}

/* read_file: the whole file at path, if it is a regular file inside
 * root. Caller frees *out. 0 or -1. */
static int read_file(const char *root, const char *path, char **out, size_t *n)
{
    char real[PATH_MAX];
    size_t rl = strlen(root);
    int fd = -1;
    struct stat st;
    *out = NULL;
    if (!realpath(path, real) || strncmp(real, root, rl) != 0 || real[rl] != '/')
        return -1;
    if ((fd = open(real, O_RDONLY | O_CLOEXEC)) < 0)
        return -1;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > MAX_FILE) {
        close(fd);
        return -1;
    }
    char *buf = xmalloc((size_t)st.st_size + 1);
    size_t got = 0;
    while (got < (size_t)st.st_size) {
        ssize_t k = read(fd, buf + got, (size_t)st.st_size - got);
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    close(fd);
    if (got != (size_t)st.st_size) {
        free(buf);
        return -1;
    }
    *out = buf;
    *n = got;
    return 0;
}

enum MHD_Result http_static_serve(http_req *r)
{
    char root[PATH_MAX];
    const char *dir = r->srv->cfg.web_dir;
    const char *path = r->path;
    if (!dir || !realpath(dir, root) || !safe_path(strcmp(path, "/") == 0 ? "/index.html" : path))
        return http_reply_error(r, 404, NULL, "Keine Seite unter dieser Adresse");
    size_t pl = strlen(path);
    char *full = xasprintf("%s%s%s", root, path, path[pl - 1] == '/' ? "index.html" : "");
    char *body;
    size_t n;
    int rc = read_file(root, full, &body, &n);
    enum MHD_Result ret;
    if (rc)
        ret = http_reply_error(r, 404, NULL, "Keine Seite unter dieser Adresse");
    else
        ret = http_reply_body(r, 200, content_type(full), body, n, 1);
    free(full);
    return ret;
}
