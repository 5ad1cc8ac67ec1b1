/* cmd_places.c: `kilandkarte places QUERY`: candidates from the gazetteer,
 * so a person can see how a place name will be located. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "util/err.h"

int cmd_places(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"limit", 1, NULL, 0}, {"json", 0, NULL, 0}};
    const char *pos[1];
    int npos, rc;
    long limit = 10;
    if ((rc = cli_parse(argc, argv, opts, 2, pos, 1, &npos,
                        "Aufruf: kilandkarte places ANFANG [--limit N] [--json]\n")) ||
        (rc = cli_opt_int(&opts[0], 1, 100, &limit)))
        return rc;
    if (npos != 1) {
        fprintf(stderr, "kilandkarte places: der Ortsname fehlt\n");
        return EXIT_USAGE;
    }
    const geo *g = cli_geo(c);
    if (!g)
        return EXIT_DB;
    const geo_place *found[100];
    size_t n = geo_candidates(g, pos[0], found, (size_t)limit);
    if (opts[1].set) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(a, json_pack("{sssfsfsssI}", "name", found[i]->name, "lat",
                                               found[i]->lat, "lon", found[i]->lon, "land",
                                               found[i]->land, "population",
                                               (json_int_t)found[i]->population));
        char *s = json_dumps(a, JSON_COMPACT | JSON_REAL_PRECISION(8));
        puts(s);
        free(s);
        json_decref(a);
    } else {
        for (size_t i = 0; i < n; i++)
            printf("%-32s %s  %9.5f %9.5f  %ld Einw.\n", found[i]->name, found[i]->land,
                   found[i]->lat, found[i]->lon, found[i]->population);
    }
    if (n == 0) {
        fprintf(stderr, "kilandkarte: kein Ort beginnt mit „%s“\n", pos[0]);
        return EXIT_NOTFOUND;
    }
    return EXIT_OK;
}
