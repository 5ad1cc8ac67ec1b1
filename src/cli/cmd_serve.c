/* cmd_serve.c: `kilandkarte serve`: the JSON API and the pages of web/
 * until SIGTERM or SIGINT, then a graceful stop.
 *
 * Signals need no global state here: SIGINT and SIGTERM are blocked
 * before the server's threads start (so they inherit the mask) and the
 * main thread takes them with sigwait(). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "http/http.h"
#include "util/err.h"
#include "util/xalloc.h"

static const char usage[] =
    "Aufruf: kilandkarte serve [--port 8080] [--bind 127.0.0.1] [--db PFAD] [--threads N]\n"
    "         [--web VERZEICHNIS] [--cache-mb 32] [--base-url https://RECHNER]\n"
    "  --port 0 wählt einen freien Port und nennt ihn. Ende mit Strg-C oder SIGTERM.\n"
    "  --cache-mb N: Speicher für zwischengespeicherte Antworten der API (0: keiner).\n"
    "  --base-url: womit die Adressen (ids) der OParl-Objekte unter /oparl/v1/ beginnen,\n"
    "    z. B. die öffentliche https-Adresse hinter einem Proxy; ohne: http:// und der\n"
    "    Host der Anfrage.\n";

/* base_url_ok: "http://" or "https://", a host, maybe a port and a path,
 * printable ASCII without spaces, query or fragment; one "/" at the end
 * is taken off. 0 when it is not such a URL. */
static int base_url_ok(char *u)
{
    size_t n = strlen(u);
    const char *rest = !strncmp(u, "https://", 8)  ? u + 8
                       : !strncmp(u, "http://", 7) ? u + 7
                                                   : NULL;
    if (!rest || !*rest || *rest == '/' || n > 200)
        return 0;
    for (const char *p = u; *p; p++)
        if (*p <= ' ' || *p >= 0x7f || *p == '?' || *p == '#' || *p == '"' || *p == '\\')
            return 0;
    if (u[n - 1] == '/')
        u[n - 1] = '\0';
    return 1;
}

int cmd_serve(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"port", 1, NULL, 0},    {"bind", 1, NULL, 0}, {"db", 1, NULL, 0},
                      {"threads", 1, NULL, 0}, {"web", 1, NULL, 0},  {"cache-mb", 1, NULL, 0},
                      {"base-url", 1, NULL, 0}};
    const char *pos[1];
    int npos, rc, sig;
    long port = 8080, threads = 4, cache_mb = 32;
    char *err = NULL;
    http_server *h;
    sigset_t set;
    if ((rc = cli_parse(argc, argv, opts, sizeof opts / sizeof opts[0], pos, 0, &npos, usage)) ||
        (rc = cli_opt_int(&opts[0], 0, 65535, &port)) ||
        (rc = cli_opt_int(&opts[3], 1, 256, &threads)) ||
        (rc = cli_opt_int(&opts[5], 0, 65536, &cache_mb)))
        return rc;
    char *base = opts[6].set ? xstrdup(opts[6].value) : NULL;
    if (base && !base_url_ok(base)) {
        fprintf(
            stderr,
            "kilandkarte serve: --base-url „%s“ ist keine Adresse wie https://rechner.example\n",
            opts[6].value);
        free(base);
        return EXIT_USAGE;
    }
    if (opts[2].set)
        c->db_path = opts[2].value;
    const geo *g = cli_geo(c);
    if (!g) {
        free(base);
        return EXIT_DB;
    }
    http_config cfg = {0};
    cfg.bind = opts[1].set ? opts[1].value : "127.0.0.1";
    cfg.port = (unsigned short)port;
    cfg.db_path = c->db_path;
    cfg.web_dir = opts[4].set ? opts[4].value : "web";
    cfg.g = g;
    cfg.threads = (unsigned)threads;
    cfg.cache_mb = cache_mb ? (int)cache_mb : -1;
    cfg.base_url = base;

    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    if ((rc = http_start(&cfg, &h, &err))) {
        free(base);
        return cli_fail(rc, err);
    }
    int v6 = strchr(cfg.bind, ':') != NULL;
    printf("KI-Landkarte läuft auf http://%s%s%s:%u/ (Datenbank %s, %ld Threads)\n", v6 ? "[" : "",
           cfg.bind, v6 ? "]" : "", (unsigned)http_port(h), cfg.db_path, threads);
    fflush(stdout);
    sigwait(&set, &sig);
    fprintf(stderr, "kilandkarte serve: %s, beende laufende Anfragen …\n",
            sig == SIGINT ? "SIGINT" : "SIGTERM");
    http_stop(h, 3000);
    fprintf(stderr, "kilandkarte serve: beendet\n");
    free(base);
    return EXIT_OK;
}
