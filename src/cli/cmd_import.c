/* cmd_import.c: `kilandkarte import FILE...`: documents to draft entries.
 *
 * Every file is read and checked first (empty, binary, encoding, size);
 * one bad file and nothing is stored. Then the documents and their
 * proposals are stored in one transaction. An entry proposed again is
 * updated only while it is untouched: its last version was written by the
 * importer ("import") from the same document with the same status.
 * Otherwise the difference is reported and the entry left as it is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "conference/conference.h"
#include "extract/extract.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#define IMPORT_USER "import"
#define MAX_FILES 256

static const char usage[] =
    "Aufruf: kilandkarte import DATEI... [--dry-run] [--publish] [--latin1]\n"
    "  Liest Berichte als Text (UTF-8; aus PDF, Markdown oder Webseiten), erkennt die\n"
    "  Abschnitte je Land oder Ministerium und schlägt Einträge vor, jeden mit Quelle.\n"
    "  --dry-run  Vorschläge als JSON Lines ausgeben, nichts speichern\n"
    "  --publish  Einträge veröffentlicht statt als Entwurf speichern\n"
    "  --latin1   Dateien als Latin-1 (ISO-8859-1) lesen\n"
    "  Grenze: 20 MiB je Datei. Alles in einer Transaktion: ein Fehler, nichts geändert.\n";

typedef struct doc {
    const char *path;
    const char *name; /* basename, borrowed from path */
    char *text;
    size_t n;
    extract_result *r;
} doc;

static int read_file(const char *path, char **data, size_t *n, char **err)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (!f)
        return err_set(err, KL_EIO, "„%s“ lässt sich nicht öffnen", path);
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        return err_set(err, KL_EIO, "„%s“ ist ein Verzeichnis", path);
    }
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
        (size_t)st.st_size > EXTRACT_MAX_BYTES) {
        fclose(f);
        return err_set(err, KL_EINVAL,
                       "%s: die Datei ist mit %lld Bytes größer als die Grenze von %zu Bytes "
                       "(20 MiB); ein Bericht ist viel kleiner",
                       path, (long long)st.st_size, EXTRACT_MAX_BYTES);
    }
    sbuf b = SBUF_INIT;
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= EXTRACT_MAX_BYTES)
        sbuf_add(&b, chunk, got);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        sbuf_free(&b);
        return err_set(err, KL_EIO, "„%s“ lässt sich nicht lesen", path);
    }
    *n = b.len;
    *data = sbuf_take(&b);
    return KL_OK;
}

/* changed_fields: the top-level keys in which a and b differ (without
 * version and updated_at), comma-separated. Caller frees. */
static char *changed_fields(const entry *a, const entry *b)
{
    sbuf s = SBUF_INIT;
    const char *k;
    json_t *v, *jb = entry_json(b);
    json_object_foreach(entry_json(a), k, v)
    {
        if (strcmp(k, "version") == 0 || strcmp(k, "updated_at") == 0)
            continue;
        if (!json_equal(v, json_object_get(jb, k)))
            sbuf_addf(&s, "%s%s", s.len ? ", " : "", k);
    }
    return sbuf_take(&s);
}

static const char *source_doc(const entry *e)
{
    json_t *src = json_object_get(entry_json(e), "source");
    return json_string_value(json_object_get(src, "document"));
}

typedef struct tally {
    int added, updated, same, kept;
    int conference; /* rows of the conference tables inserted or changed */
} tally;

/* put_one: store e unless a person changed the stored entry since the
 * import; then say how the proposal differs. */
static int put_one(store *s, entry *e, const char *docname, tally *t, char **err)
{
    entry *old = NULL;
    int rc = store_get(s, entry_id(e), &old, NULL), changed = 0, existed = rc == KL_OK;
    if (existed) {
        if (entry_same_content(old, e)) {
            t->same++;
            entry_free(old);
            return KL_OK;
        }
        json_t *h = NULL;
        const char *by = NULL;
        if (store_history(s, entry_id(e), &h, NULL) == KL_OK)
            by = json_string_value(json_object_get(json_array_get(h, 0), "by"));
        const char *od = source_doc(old);
        int untouched = by && strcmp(by, IMPORT_USER) == 0 &&
                        strcmp(entry_status(old), entry_status(e)) == 0 && od &&
                        strcmp(od, docname) == 0;
        if (!untouched) {
            char *diff = changed_fields(old, e);
            printf("  nicht überschrieben: %s (%s; zuletzt von %s%s%s) – neu wären: %s\n",
                   entry_id(e), entry_status(old), by ? by : "?",
                   od && strcmp(od, docname) != 0 ? ", Quelle " : "",
                   od && strcmp(od, docname) != 0 ? od : "", diff);
            free(diff);
            t->kept++;
            json_decref(h);
            entry_free(old);
            return KL_OK;
        }
        json_decref(h);
        entry_free(old);
    }
    char *reason = xasprintf("Import aus %s", docname);
    rc = store_put(s, e, IMPORT_USER, reason, 0, &changed, err);
    free(reason);
    if (rc == KL_OK) {
        if (!existed)
            t->added++;
        else if (changed)
            t->updated++;
        else
            t->same++;
    }
    return rc;
}

static void print_doc(FILE *f, const doc *d)
{
    json_t *rep = extract_report(d->r);
    json_t *secs = json_object_get(rep, "sections");
    fprintf(f, "%s: %s", d->name, extract_kind_de(d->r));
    if (!strcmp(extract_kind(d->r), "unknown")) {
        fprintf(f, " – keine Abschnitte erkannt, nichts vorgeschlagen\n");
        return;
    }
    fprintf(f, ", %zu Abschnitte, %zu Einträge vorgeschlagen", json_array_size(secs),
            extract_count(d->r));
    size_t nrej = json_array_size(json_object_get(rep, "rejected"));
    if (nrej)
        fprintf(f, " (%zu verworfen)", nrej);
    fputc('\n', f);
}

static void print_summary(FILE *f, doc *docs, int nd)
{
    size_t nl;
    const geo_land *ls = geo_laender(&nl);
    int per[16] = {0}, bund = 0;
    json_int_t props = 0, places = 0, amounts = 0, counts = 0;
    for (int i = 0; i < nd; i++) {
        json_t *rep = extract_report(docs[i].r), *sec;
        size_t k;
        json_array_foreach(json_object_get(rep, "sections"), k, sec)
        {
            const geo_land *l = geo_land_by_code(json_string_value(json_object_get(sec, "land")));
            if (l)
                per[l - ls]++;
            else
                bund++;
        }
        props += json_integer_value(json_object_get(rep, "proposed"));
        places += json_integer_value(json_object_get(rep, "places"));
        amounts += json_integer_value(json_object_get(rep, "amounts"));
        counts += json_integer_value(json_object_get(rep, "counts"));
    }
    fprintf(f, "Abschnitte je Land:");
    for (size_t k = 0; k < nl && k < 16; k++)
        if (per[k])
            fprintf(f, " %s %d", ls[k].abbr, per[k]);
    fprintf(f, "%sBund %d\n", " ", bund);
    fprintf(f, "Einträge vorgeschlagen: %lld; Orte: %lld; Beträge: %lld; Zahlen: %lld\n",
            (long long)props, (long long)places, (long long)amounts, (long long)counts);
    for (int i = 0; i < nd; i++) {
        json_t *rep = extract_report(docs[i].r), *u;
        size_t k;
        json_array_foreach(json_object_get(rep, "unplaced"), k, u)
            fprintf(f, "Nicht zugeordneter Ort: %s (bei „%s“, %s)\n",
                    json_string_value(json_object_get(u, "name")),
                    json_string_value(json_object_get(u, "entry")), docs[i].name);
        json_array_foreach(json_object_get(rep, "rejected"), k, u)
            fprintf(f, "Verworfen: %s\n", json_string_value(json_object_get(u, "error")));
    }
}

/* put_conference: the conference facts of a protocol, resolution, press
 * release or annex of Länder reports (meetings, agenda items,
 * resolutions, tasks; src/conference), inside the import's transaction. */
static int put_conference(store *s, conf *cf, const doc *d, const geo *g, const char *status,
                          tally *t, char **err)
{
    conf_doc *cd = NULL;
    entry **es = NULL;
    size_t ne = 0;
    int n = 0;
    int rc = conf_parse(d->text, d->n, extract_kind(d->r), d->name, g, &cd, err);
    /* the entries the facts propose (a working group a resolution set up)
     * first: the body then records the entry's id */
    if (!rc)
        rc = conf_entries(cd, g, status, &es, &ne, err);
    for (size_t k = 0; !rc && k < ne; k++)
        rc = put_one(s, es[k], d->name, t, err);
    if (!rc)
        rc = conf_import(cf, cd, 1, &n, err);
    for (size_t k = 0; k < ne; k++)
        entry_free(es[k]);
    free(es);
    conf_doc_free(cd);
    t->conference += n;
    return rc;
}

static void print_entry(const entry *e)
{
    char *line = entry_dump(e);
    puts(line);
    free(line);
}

/* print_conference: for --dry-run, the entries the conference facts of d
 * would add (what put_conference stores), as JSON Lines. */
static int print_conference(const doc *d, const geo *g, const char *status, char **err)
{
    conf_doc *cd = NULL;
    entry **es = NULL;
    size_t ne = 0;
    int rc = conf_parse(d->text, d->n, extract_kind(d->r), d->name, g, &cd, err);
    if (!rc)
        rc = conf_entries(cd, g, status, &es, &ne, err);
    for (size_t k = 0; k < ne; k++) {
        if (!rc)
            print_entry(es[k]);
        entry_free(es[k]);
    }
    free(es);
    conf_doc_free(cd);
    return rc;
}

static int store_all(store *s, doc *docs, int nd, const geo *g, const char *status, tally *t,
                     char **err)
{
    conf *cf = NULL;
    int rc = conf_open(s, &cf, err);
    if (!rc)
        rc = store_begin(s, err);
    else
        return rc;
    for (int i = 0; !rc && i < nd; i++) {
        int changed;
        rc = store_put_document(s, docs[i].name, extract_kind(docs[i].r), extract_title(docs[i].r),
                                docs[i].text, docs[i].n, &changed, err);
        for (size_t k = 0; !rc && k < extract_count(docs[i].r); k++)
            rc = put_one(s, extract_entry(docs[i].r, k), docs[i].name, t, err);
        if (!rc)
            rc = put_conference(s, cf, &docs[i], g, status, t, err);
    }
    conf_close(cf);
    if (rc) {
        store_rollback(s);
        return rc;
    }
    return store_commit(s, err);
}

int cmd_import(cli *c, int argc, char **argv)
{
    cli_opt opts[] = {{"dry-run", 0, NULL, 0}, {"publish", 0, NULL, 0}, {"latin1", 0, NULL, 0}};
    const char *pos[MAX_FILES];
    int npos, rc;
    if ((rc = cli_parse(argc, argv, opts, 3, pos, MAX_FILES, &npos, usage)))
        return rc;
    if (npos == 0) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    int dry = opts[0].set, latin1 = opts[2].set;
    const char *status = opts[1].set ? "published" : "draft";
    doc *docs = xcalloc((size_t)npos, sizeof *docs);
    char *err = NULL;
    int nd = 0;
    rc = KL_OK;
    const geo *g = cli_geo(c);
    if (!g) {
        free(docs);
        return EXIT_DB;
    }
    for (int i = 0; i < npos && !rc; i++, nd++) {
        doc *d = &docs[i];
        char *data = NULL;
        size_t n = 0;
        d->path = pos[i];
        const char *slash = strrchr(pos[i], '/');
        d->name = slash ? slash + 1 : pos[i];
        rc = read_file(d->path, &data, &n, &err);
        if (!rc)
            rc = extract_read(data, n, d->path, latin1, &d->text, &d->n, &err);
        free(data);
        if (!rc)
            rc = extract_run(d->text, d->n, d->name, g, status, &d->r, &err);
    }
    if (!rc) {
        FILE *info = dry ? stderr : stdout;
        for (int i = 0; i < nd; i++)
            print_doc(info, &docs[i]);
        if (dry) {
            for (int i = 0; i < nd && !rc; i++) {
                for (size_t k = 0; k < extract_count(docs[i].r); k++)
                    print_entry(extract_entry(docs[i].r, k));
                rc = print_conference(&docs[i], g, status, &err);
            }
        } else {
            store *s = cli_store(c);
            tally t = {0};
            if (!s) {
                rc = KL_EDB;
                err = xstrdup("Datenbank nicht verfügbar");
            } else if (!(rc = store_all(s, docs, nd, g, status, &t, &err))) {
                printf("Gespeichert: %d neu, %d aktualisiert, %d unverändert, %d nicht "
                       "überschrieben (von Hand geändert oder veröffentlicht).\n",
                       t.added, t.updated, t.same, t.kept);
                printf("Konferenzdaten: %d neu oder geändert (Sitzungen, TOPs, Beschlüsse, "
                       "Aufgaben).\n",
                       t.conference);
            }
        }
        if (!rc)
            print_summary(info, docs, nd);
    }
    if (rc) {
        char *msg = xasprintf("%s\nNichts gespeichert.", err ? err : err_name(rc));
        free(err);
        rc = cli_fail(rc, msg);
    }
    for (int i = 0; i < nd; i++) {
        free(docs[i].text);
        extract_free(docs[i].r);
    }
    free(docs);
    return rc;
}
