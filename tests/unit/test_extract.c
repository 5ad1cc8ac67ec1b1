/* test_extract.c: the importer (src/extract): reading, cleaning with its
 * offset map, segmentation, attachment of amounts and places, and the
 * annotated cases of tests/extract with recall and precision. */

#include "extract_fixture.h"

/* root: the repository, found from the working directory or $KL_ROOT. */
static char *path_of(const char *rel)
{
    const char *root = getenv("KL_ROOT");
    static const char *const tries[] = {".", "..", "../..", "../../.."};
    for (size_t i = 0; i < 4; i++) {
        char *p = xasprintf("%s/%s", root ? root : tries[i], rel);
        FILE *f = fopen(p, "rb");
        if (f) {
            fclose(f);
            return p;
        }
        free(p);
        if (root)
            break;
    }
    return NULL;
}

static char *slurp_abs(const char *p, size_t *n)
{
    FILE *f = fopen(p, "rb");
    if (!f)
        return NULL;
    sbuf b = SBUF_INIT;
    char buf[65536];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0)
        sbuf_add(&b, buf, got);
    fclose(f);
    *n = b.len;
    return sbuf_take(&b);
}

static char *slurp(const char *rel, size_t *n)
{
    char *p = path_of(rel);
    if (!p)
        return NULL;
    char *t = slurp_abs(p, n);
    free(p);
    return t;
}

static const char *const seeds[] = {
    "data/documents/000_edafe5ebfc9a010c.txt", "data/documents/001_7581a18e988eb4c7.txt",
    "data/documents/002_94e67f4646c14073.txt", "data/documents/003_829089b91600b15e.txt",
    "data/documents/004_1bee85cc57329fa5.txt",
};

static void test_clean_hyphens(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"ressort-übergreifenden KI-\nVorhaben im Land",
         "ressort-übergreifenden KI-Vorhaben im Land"},
        {"anderer Verwaltungs-\norganisationen in Gang",
         "anderer Verwaltungsorganisationen in Gang"},
        {"Verwaltungs-\n\norganisation und mehr\n\nText hier",
         "Verwaltungsorganisation und mehr\nText hier"},
        {"Entwicklungs-, Kooperations- \noder sonstige",
         "Entwicklungs-, Kooperations- oder sonstige"},
        {"Sachsen-\nAnhalt ist", "Sachsen-Anhalt ist"},
        {"\xEF\x82\xB7 Das KI-System „INSITU“ hilft.\n \xEF\x82\xB7 KIBARDOK wird",
         "Das KI-System „INSITU“ hilft.\nKIBARDOK wird"},
        {"Text  mit\t  Leerraum", "Text mit Leerraum"},
        {"- **BMBF: Titel**  \nDer Text.", "BMBF: Titel\nDer Text."},
        {"[Startseite](#) und mehr", "Startseite und mehr"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        xclean c;
        clean_str(cases[i].in, &c);
        if (strcmp(c.s, cases[i].out) != 0)
            fail_msg("case %zu: got „%s“, want „%s“", i, c.s, cases[i].out);
        xclean_free(&c);
    }
}

static void test_clean_noise(void **state)
{
    (void)state;
    sbuf b = SBUF_INIT;
    for (int page = 1; page <= 4; page++) {
        sbuf_addf(&b, "Ergebnisprotokoll der 1. Digitalministerkonferenz\n\n");
        sbuf_addf(&b, "Satz %d auf der Seite über die KI-Förderung des Landes.\n", page);
        sbuf_addf(&b, "Ein weiterer Satz %d über das Programm.\n", page);
        sbuf_addf(&b, "Noch ein Satz %d über ein Netzwerk der Forschung.\n", page);
        sbuf_addf(&b, "Und ein letzter Satz %d über Zentren und Labore.\n\n%d\n", page, page);
    }
    xclean c;
    xclean_run(b.s, b.len, &c);
    assert_null(strstr(c.s, "Ergebnisprotokoll"));
    assert_null(strstr(c.s, "Labore. 2 "));
    assert_non_null(strstr(c.s, "Satz 3 auf der Seite"));
    xclean_free(&c);
    sbuf_free(&b);
    /* a picture's credit line is no part of the heading after it */
    clean_str("Blick über die Stadt\n© Stadtverwaltung Ilmenau\nKI-Labor Ilmenau\nFoto: dpa/"
              "Max Muster\n",
              &c);
    assert_null(strstr(c.s, "Stadtverwaltung"));
    assert_null(strstr(c.s, "dpa"));
    assert_non_null(strstr(c.s, "KI-Labor Ilmenau"));
    xclean_free(&c);
    /* a web page copied with an empty line after every paragraph: the
     * paragraphs stay apart, a heading joins no paragraph */
    clean_str(
        "SHZ\n\nKiel\n\nDie Landesregierung will mit einer Offensive eine Vorreiterrolle "
        "bei Künstlicher Intelligenz sichern. Dazu richtet sie zwölf Professuren ein, hat der "
        "Ministerpräsident angekündigt.\n\nNeun Millionen Euro aus einem Sondervermögen\n\n"
        "Neun Millionen Euro spendiert das Land über die nächsten fünf Jahre für das "
        "Programm. Es wird aus einem Sondervermögen des Landes für KI finanziert, sagte die "
        "Ministerin.\n\nVier Städte profitieren\n",
        &c);
    assert_non_null(strstr(c.s, "Sondervermögen\nNeun"));
    xclean_free(&c);
    /* a PDF's empty line after every short line says nothing */
    clean_str("Das Land fördert die Forschung zur\n\nkünstlichen Intelligenz mit zwölf\n\n"
              "neuen Professuren an sechs\n\nHochschulen im ganzen Land.\n\nDie Mittel kommen "
              "aus dem\n\nHaushalt des Landes.\n",
              &c);
    assert_non_null(strstr(c.s, "Forschung zur künstlichen Intelligenz mit zwölf neuen"));
    xclean_free(&c);
    /* PDF text whose line breaks became spaces: "beein- flusst" is one
     * word, "Bildungs- und Forschungsregionen" stays, "KI- Academy" too */
    clean_str("Sie beein- flusst die Art, wie wir kommu- nizieren. Als eine der führenden "
              "Bildungs- und Forschungsre- gionen ist der Freistaat Bay- ern mit der KI- Academy "
              "Gestalter.\n",
              &c);
    assert_non_null(strstr(c.s, "beeinflusst die Art, wie wir kommunizieren"));
    assert_non_null(strstr(c.s, "Bildungs- und Forschungsregionen ist der Freistaat Bayern"));
    assert_non_null(strstr(c.s, "KI-Academy"));
    xclean_free(&c);
    clean_str("Nur ein Ein- und Ausgang und eine Digital- strategie.\n", &c);
    assert_non_null(strstr(c.s, "Digital- strategie")); /* one split is no reflowed text */
    xclean_free(&c);
}

/* map_ok: every byte of the clean text that is not a separator the
 * cleaner put in stands at its mapped offset in the original. */
static void map_ok(const char *orig, size_t n, const xclean *c, const char *name)
{
    for (size_t i = 0; i < c->n; i++) {
        size_t o = xclean_orig(c, i);
        assert_true(o < n);
        if (c->s[i] == ' ' || c->s[i] == '\n' || c->s[i] == '-')
            continue;
        if (orig[o] != c->s[i])
            fail_msg("%s: clean byte %zu ('%c') maps to %zu ('%c')", name, i, c->s[i], o, orig[o]);
    }
    size_t os, oe;
    xclean_span(c, 0, c->n, &os, &oe);
    assert_true(os <= oe && oe <= n);
}

static void test_clean_map(void **state)
{
    (void)state;
    const char *in = " Verwaltungs-\n\norganisation\n\n12\n\n- Punkt  eins";
    xclean c;
    clean_str(in, &c);
    assert_string_equal(c.s, "Verwaltungsorganisation\nPunkt eins");
    size_t at = strstr(c.s, "organisation") - c.s;
    assert_int_equal(xclean_orig(&c, at), strstr(in, "organisation") - in);
    size_t os, oe;
    xclean_span(&c, strstr(c.s, "Punkt") - c.s, c.n, &os, &oe);
    assert_string_equal(in + os, "Punkt  eins");
    assert_int_equal(oe, strlen(in));
    map_ok(in, strlen(in), &c, "inline");
    xclean_free(&c);
    for (size_t k = 0; k < sizeof seeds / sizeof seeds[0]; k++) {
        size_t n;
        char *t = slurp(seeds[k], &n);
        if (!t)
            skip();
        xclean_run(t, n, &c);
        map_ok(t, n, &c, seeds[k]);
        assert_null(strstr(c.s, "\xEF\x82\xB7")); /* no bullet glyph left */
        xclean_free(&c);
        free(t);
    }
}

static void test_segment_laender(void **state)
{
    (void)state;
    size_t n;
    char *t = slurp(seeds[2], &n);
    if (!t)
        skip();
    xclean c;
    xclean_run(t, n, &c);
    xsegs sg;
    xsegment(&c, &sg);
    assert_int_equal(sg.kind, XDOC_LAND_REPORTS);
    /* The document has the reports of 15 Länder: MV gave none. */
    static const char *const want[] = {"DE-BW", "DE-BY", "DE-BE", "DE-BB", "DE-HB",
                                       "DE-HH", "DE-HE", "DE-NI", "DE-NW", "DE-RP",
                                       "DE-SL", "DE-SN", "DE-ST", "DE-SH", "DE-TH"};
    assert_int_equal(sg.n, 15);
    for (size_t i = 0; i < sg.n; i++) {
        assert_string_equal(sg.a[i].land, want[i]);
        assert_true(sg.a[i].start < sg.a[i].end);
        const char *intro = strstr(c.s + sg.a[i].start, "gibt folgenden Bericht");
        assert_true(intro == NULL || intro >= c.s + sg.a[i].end); /* intro not in body */
    }
    xsegs_free(&sg);
    xclean_free(&c);
    free(t);
}

static void test_segment_bund(void **state)
{
    (void)state;
    size_t n;
    char *t = slurp(seeds[3], &n);
    if (!t)
        skip();
    xclean c;
    xclean_run(t, n, &c);
    xsegs sg;
    xsegment(&c, &sg);
    assert_int_equal(sg.kind, XDOC_FEDERAL);
    assert_true(sg.n >= 40);
    int seen_verwaltung = 0;
    for (size_t i = 0; i < sg.n; i++) {
        assert_true(sg.a[i].measure && sg.a[i].nmin > 0 && !sg.a[i].land);
        if (strncmp(c.s + sg.a[i].tstart, "Reallabor KI", 12) == 0) {
            assert_string_equal(xfield_slug(sg.a[i].field), "verwaltung");
            seen_verwaltung = 1;
        }
    }
    assert_true(seen_verwaltung);
    xsegs_free(&sg);
    xclean_free(&c);
    free(t);
}

static void test_amounts_attached(void **state)
{
    (void)state;
    size_t n;
    char *t = slurp(seeds[2], &n);
    if (!t)
        skip();
    extract_result *r;
    assert_int_equal(extract_run(t, n, "002.txt", g, "draft", &r, NULL), KL_OK);
    json_t *j = entry_by_title(r, "KI-Produktionsnetzwerk Augsburg");
    json_t *a0 = json_array_get(json_object_get(j, "amounts"), 0);
    assert_int_equal(json_integer_value(json_object_get(a0, "eur")), 92000000);
    assert_string_equal(json_string_value(json_object_get(j, "land")), "DE-BY");
    j = entry_by_title(r, "KI-Transfer Plus");
    a0 = json_array_get(json_object_get(j, "amounts"), 0);
    assert_int_equal(json_integer_value(json_object_get(a0, "eur")), 9100000);
    assert_int_equal(json_array_size(json_object_get(j, "places")), 8);
    j = entry_by_title(r, "Förderprogramm InnoTecHH Fonds");
    a0 = json_array_get(json_object_get(j, "amounts"), 0);
    assert_int_equal(json_integer_value(json_object_get(a0, "eur")), 4000000);
    assert_true(json_is_true(json_object_get(a0, "per_year")));
    /* the source span is in the original and its quote is the clean text */
    json_t *src = json_object_get(j, "source");
    size_t s0 = (size_t)json_integer_value(json_object_get(src, "start"));
    size_t s1 = (size_t)json_integer_value(json_object_get(src, "end"));
    assert_true(s0 < s1 && s1 <= n);
    assert_non_null(strstr(json_string_value(json_object_get(src, "quote")), "InnoTecHH"));
    char *orig = xstrndup(t + s0, s1 - s0);
    assert_non_null(strstr(orig, "InnoTecHH"));
    free(orig);
    extract_free(r);
    free(t);
}

static void test_read_refusals(void **state)
{
    (void)state;
    char *t = NULL, *err = NULL;
    size_t n;
    assert_int_equal(extract_read("  \n\n", 4, "a.txt", 0, &t, &n, &err), KL_EINVAL);
    assert_non_null(strstr(err, "leer"));
    free(err), err = NULL;
    assert_int_equal(extract_read("ab\0cd", 5, "a.txt", 0, &t, &n, &err), KL_EINVAL);
    assert_non_null(strstr(err, "NUL-Byte bei Byte 2"));
    free(err), err = NULL;
    assert_int_equal(extract_read("Zeile\nM\xfcnchen", 13, "a.txt", 0, &t, &n, &err), KL_EINVAL);
    assert_non_null(strstr(err, "Byte 7 (Zeile 2)"));
    assert_non_null(strstr(err, "--latin1"));
    free(err), err = NULL;
    assert_int_equal(extract_read("M\xfcnchen", 7, "a.txt", 1, &t, &n, &err), KL_OK);
    assert_string_equal(t, "München");
    free(t);
    assert_int_equal(extract_read("x", EXTRACT_MAX_BYTES + 1, "a.txt", 0, &t, &n, &err), KL_EINVAL);
    assert_non_null(strstr(err, "Grenze"));
    free(err);
}

static void test_no_structure(void **state)
{
    (void)state;
    const char *txt = "Dies ist ein Text ohne jede Struktur. Er handelt vom Wetter und vom "
                      "Garten, von Blumen und Bäumen, und nennt kein Programm und kein Land. "
                      "Der Sommer war lang und warm, der Herbst kam spät und brachte Regen "
                      "und Wind über die Felder und Wiesen am Rand der kleinen Stadt.";
    extract_result *r;
    assert_int_equal(extract_run(txt, strlen(txt), "x.txt", g, "draft", &r, NULL), KL_OK);
    assert_string_equal(extract_kind(r), "unknown");
    assert_int_equal(extract_count(r), 0);
    extract_free(r);
}

/* The fixes of the second round on 002 and 004: noise names, places in
 * place positions only, nominative titles, aliases merged, protocols. */
static void test_noise_and_forms(void **state)
{
    (void)state;
    size_t n;
    char *t = slurp(seeds[2], &n);
    if (!t)
        skip();
    extract_result *r;
    assert_int_equal(extract_run(t, n, "002.txt", g, "draft", &r, NULL), KL_OK);
    /* an institute of the DLR and "a contact point for companies" */
    assert_false(has_title(r, "Zentrum für Leichtbauproduktionstechnologie des DLR"));
    assert_false(has_title(r, "Anlaufstelle für Unternehmen"));
    /* "des Bayerischen KI-Rates": the nominative, the inflected form kept */
    json_t *j = entry_by_title(r, "Bayerischer KI-Rat");
    assert_string_equal(json_string_value(json_array_get(json_object_get(j, "aliases"), 0)),
                        "Bayerischen KI-Rates");
    entry_by_title(r, "Hessisches Zentrum für Künstliche Intelligenz");
    /* "den Innovationspark KI. Dieser Innovation Park Artificial
     * Intelligence (IPAI)": one entry */
    j = entry_by_title(r, "Innovationspark KI");
    char *al = json_dumps(json_object_get(j, "aliases"), 0);
    assert_non_null(strstr(al, "IPAI"));
    free(al);
    assert_false(has_title(r, "Innovation Park Artificial Intelligence"));
    /* "Landkreis Osnabrück sowie Praxispartnern aus der Wirtschaft" */
    char *un = json_dumps(json_object_get(extract_report(r), "unplaced"), 0);
    assert_null(strstr(un, "Praxispartnern"));
    free(un);
    extract_free(r);
    free(t);

    /* 004: minutes of the DMK (attendance, TOPs, resolutions) */
    t = slurp(seeds[4], &n);
    assert_non_null(t);
    assert_int_equal(extract_run(t, n, "004.txt", g, "draft", &r, NULL), KL_OK);
    assert_string_equal(extract_kind(r), "protocol");
    assert_int_equal(extract_count(r), 0); /* it names no AI activity */
    un = json_dumps(json_object_get(extract_report(r), "unplaced"), 0);
    assert_null(strstr(un, "Minister")); /* "TH Minister ..." */
    free(un);
    extract_free(r);
    free(t);

    /* minutes that do name one */
    const char *p = "Protokoll der 3. Sitzung\nSitzungsleitung Staatssekretärin X\n"
                    "TOP 1\nBegrüßung durch den Vorsitz.\nTOP 2\nDie Konferenz nimmt den "
                    "Bericht der Sozialministerkonferenz zur Kenntnis.\nTOP 3\nDas Land stellt "
                    "das neue KI-Kompetenzzentrum Nordwest in Oldenburg vor. Die "
                    "Digitalministerkonferenz zu Künstlicher Intelligenz tagt wieder im Mai.\n";
    assert_int_equal(extract_run(p, strlen(p), "p.txt", g, "draft", &r, NULL), KL_OK);
    assert_string_equal(extract_kind(r), "protocol");
    assert_int_equal(extract_count(r), 1);
    assert_non_null(strstr(entry_title(extract_entry(r, 0)), "KI-Kompetenzzentrum Nordwest"));
    extract_free(r);
}

/* The rules of the third round (tests/extract/README.md) on a made-up
 * news text: recognised without a dated dateline, its Land by adjectives,
 * a lead paragraph read, persons and the EU's money no activities, an
 * announced list, the Land's own strategy by its bare word, a genitive
 * head and a place at the end out of the title. */
static void test_press_forms(void **state)
{
    (void)state;
    const char *t =
        "Das hessische Digitalministerium fördert die Forschung zur Künstlichen Intelligenz mit "
        "insgesamt 12 Millionen Euro aus dem Europäischen Fonds für regionale Entwicklung (EFRE), "
        "sagte Digitalministerin Erika Muster (CDU) in Wiesbaden.\n\n"
        "Hessen hat 2022 eine landeseigene KI-Strategie vorgestellt. Dazu gehört die Einrichtung "
        "des Innovationsparks KI Nordhessen in Kassel. Im Einzelnen werden folgende Projekte "
        "gefördert:\n\n"
        "Erstellen eines Lärmkatasters für Straßen\n\n"
        "Prüfen von Bauanträgen (mit Sprachmodellen)\n\n"
        "Die hessische Landesregierung will weitere Vorhaben unterstützen.\n";
    extract_result *r;
    assert_int_equal(extract_run(t, strlen(t), "p.txt", g, "draft", &r, NULL), KL_OK);
    assert_string_equal(extract_kind(r), "press-release");
    for (size_t i = 0; i < extract_count(r); i++) {
        json_t *j = entry_json(extract_entry(r, i));
        assert_string_equal(json_string_value(json_object_get(j, "land")), "DE-HE");
        assert_null(strstr(entry_title(extract_entry(r, i)), "Muster"));
        assert_null(strstr(entry_title(extract_entry(r, i)), "Fonds"));
    }
    entry_by_title(r, "KI-Strategie Hessen");
    json_t *j = entry_by_title(r, "Innovationspark KI Nordhessen in Kassel");
    assert_string_equal(
        json_string_value(json_object_get(json_array_get(json_object_get(j, "places"), 0), "name")),
        "Kassel");
    entry_by_title(r, "Erstellen eines Lärmkatasters für Straßen");
    entry_by_title(r, "Prüfen von Bauanträgen");
    assert_int_equal(extract_count(r), 4);
    extract_free(r);

    /* no Land named: the cities named decide; a body of all the Länder
     * stays the Bund's (data/documents/001) */
    const char *k = "KIEL. Die Landesregierung fördert die Künstliche Intelligenz (KI) mit dem "
                    "Programm „KI-Transfer Nord“ und drei Millionen Euro, sagte die Ministerin "
                    "heute. Das Programm startet in Lübeck und Flensburg.\n";
    assert_int_equal(extract_run(k, strlen(k), "k.txt", g, "draft", &r, NULL), KL_OK);
    assert_int_equal(extract_count(r), 1);
    j = entry_json(extract_entry(r, 0));
    assert_string_equal(json_string_value(json_object_get(j, "land")), "DE-SH");
    extract_free(r);
}

/* ---- annotated cases --------------------------------------------------- */

/* fold_contains: the expected title in the proposed one, or the proposed
 * one in the expected title when it is at least half of it (a proposal
 * "KI" must not count as "KI-Event"). */
static int fold_contains(const char *hay, const char *needle)
{
    char *h = text_fold_dup(hay), *n = text_fold_dup(needle);
    int ok = strstr(h, n) != NULL || (strstr(n, h) != NULL && 2 * strlen(h) >= strlen(n));
    free(h);
    free(n);
    return ok;
}

static int matches(const json_t *exp, const json_t *e)
{
    const char *t = json_string_value(json_object_get(exp, "title"));
    if (fold_contains(json_string_value(json_object_get(e, "title")), t))
        return 1;
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(e, "aliases"), i,
                       a) if (fold_contains(json_string_value(a), t)) return 1;
    return 0;
}

typedef struct figures {
    size_t expected, found, proposed, correct, land_ok, places, places_ok, amounts, amounts_ok;
    size_t places_extra; /* places of a found entry that the annotation does not name */
} figures;

/* say: the lines about single cases (what was missed or added); off for
 * a set that is scored but not to be studied (KL_EXTRACT_EVAL). */
static int say = 1;

static void run_case_in(const char *dir, const char *name, figures *f)
{
    char rel[1024];
    size_t n, en;
    snprintf(rel, sizeof rel, "%s/%s.txt", dir, name);
    char *t = dir[0] == '/' ? slurp_abs(rel, &n) : slurp(rel, &n);
    snprintf(rel, sizeof rel, "%s/%s.expected.jsonl", dir, name);
    char *ex = dir[0] == '/' ? slurp_abs(rel, &en) : slurp(rel, &en);
    assert_non_null(t);
    assert_non_null(ex);
    extract_result *r;
    assert_int_equal(extract_run(t, n, name, g, "draft", &r, NULL), KL_OK);
    size_t np = extract_count(r);
    char *used = xcalloc(np + 1, 1);
    size_t found = 0, total = 0;
    for (char *line = strtok(ex, "\n"); line; line = strtok(NULL, "\n")) {
        json_t *exp = json_loads(line, 0, NULL);
        assert_non_null(exp);
        total++;
        json_t *hit = NULL;
        /* one proposal answers one expected activity */
        for (size_t i = 0; i < np && !hit; i++)
            if (!used[i] && matches(exp, entry_json(extract_entry(r, i)))) {
                hit = entry_json(extract_entry(r, i));
                used[i] = 1;
            }
        if (hit) {
            found++;
            json_t *el = json_object_get(exp, "land"), *hl = json_object_get(hit, "land");
            int land_ok = json_equal(el, hl) || (json_is_null(el) && json_is_null(hl));
            f->land_ok += land_ok;
            if (!land_ok && say)
                printf("  %s: Land %s statt %s bei %s\n", name,
                       json_is_string(hl) ? json_string_value(hl) : "Bund",
                       json_is_string(el) ? json_string_value(el) : "Bund",
                       json_string_value(json_object_get(hit, "title")));
            size_t i, k;
            json_t *v, *w;
            json_array_foreach(json_object_get(exp, "places"), i, v)
            {
                f->places++;
                int ok = 0;
                json_array_foreach(json_object_get(hit, "places"), k, w) ok |=
                    json_equal(v, json_object_get(w, "name"));
                f->places_ok += ok;
                if (!ok && say)
                    printf("  %s: Ort fehlt: %s bei %s\n", name, json_string_value(v),
                           json_string_value(json_object_get(hit, "title")));
            }
            json_array_foreach(json_object_get(hit, "places"), k, w)
            {
                int named = 0;
                json_array_foreach(json_object_get(exp, "places"), i, v) named |=
                    json_equal(v, json_object_get(w, "name"));
                f->places_extra += !named;
                if (!named && say)
                    printf("  %s: Ort zusätzlich: %s bei %s\n", name,
                           json_string_value(json_object_get(w, "name")),
                           json_string_value(json_object_get(hit, "title")));
            }
            json_array_foreach(json_object_get(exp, "amounts"), i, v)
            {
                f->amounts++;
                int ok = 0;
                json_array_foreach(json_object_get(hit, "amounts"), k, w) ok |=
                    json_number_value(json_object_get(w, "eur")) == json_number_value(v);
                f->amounts_ok += ok;
                if (!ok && say)
                    printf("  %s: Betrag fehlt: %.0f bei %s\n", name, json_number_value(v),
                           json_string_value(json_object_get(hit, "title")));
            }
        } else if (say) {
            printf("  %s: nicht gefunden: %s\n", name,
                   json_string_value(json_object_get(exp, "title")));
        }
        json_decref(exp);
    }
    size_t correct = 0;
    for (size_t i = 0; i < np; i++) {
        correct += used[i];
        if (!used[i] && say)
            printf("  %s: zusätzlich: %s\n", name, entry_title(extract_entry(r, i)));
    }
    if (say)
        printf("%-18s erwartet %2zu gefunden %2zu, vorgeschlagen %2zu davon richtig %2zu\n", name,
               total, found, np, correct);
    f->expected += total;
    f->found += found;
    f->proposed += np;
    f->correct += correct;
    free(used);
    extract_free(r);
    free(t);
    free(ex);
}

static void run_case(const char *name, figures *f)
{
    run_case_in("tests/extract", name, f);
}

static void print_figures(const char *label, const figures *f)
{
    double recall = f->expected ? 100.0 * f->found / f->expected : 0.0;
    double precision = f->proposed ? 100.0 * f->correct / f->proposed : 0.0;
    printf("%s: Recall %.1f %% (%zu/%zu), Präzision %.1f %% (%zu/%zu), Land %zu/%zu, "
           "Orte %zu/%zu (zusätzlich %zu), Beträge %zu/%zu\n",
           label, recall, f->found, f->expected, precision, f->correct, f->proposed, f->land_ok,
           f->found, f->places_ok, f->places, f->places_extra, f->amounts_ok, f->amounts);
}

static figures run_cases(const char *label, const char *const *cases, size_t n)
{
    figures f = {0};
    for (size_t i = 0; i < n; i++)
        run_case(cases[i], &f);
    print_figures(label, &f);
    return f;
}

static void figures_add(figures *a, const figures *b)
{
    a->expected += b->expected;
    a->found += b->found;
    a->proposed += b->proposed;
    a->correct += b->correct;
    a->land_ok += b->land_ok;
    a->places += b->places;
    a->places_ok += b->places_ok;
    a->amounts += b->amounts;
    a->amounts_ok += b->amounts_ok;
    a->places_extra += b->places_extra;
}

#define NCASES(a) (sizeof(a) / sizeof(a)[0])

static void test_annotated_cases(void **state)
{
    (void)state;
    /* first round: by, hh, th, be, bund_massnahmen, and nw, he (held out
     * in the first round, studied in the second); second round: cut and
     * annotated before the extractor ran on them (tests/extract/README.md) */
    static const char *const first[] = {"by_bericht",      "hh_bericht", "th_bericht", "be_bericht",
                                        "bund_massnahmen", "nw_bericht", "he_bericht"};
    static const char *const second[] = {"bw_bericht", "bb_bericht", "hb_bericht",   "ni_bericht",
                                         "sl_bericht", "sn_bericht", "bund_ausblick"};
    char *probe = path_of("tests/extract/README.md");
    if (!probe)
        skip();
    free(probe);
    /* third round: rp, st, sh, held out in the second round, studied in
     * the third (tests/extract/README.md) */
    static const char *const third[] = {"rp_bericht", "st_bericht", "sh_bericht"};
    figures f = run_cases("Training 1. Runde", first, NCASES(first));
    figures g2 = run_cases("Training 2. Runde", second, NCASES(second));
    figures g3 = run_cases("Training 3. Runde", third, NCASES(third));
    figures_add(&f, &g2);
    figures_add(&f, &g3);
    print_figures("Erkennung", &f);
    /* floors that keep the figures from sliding back unnoticed (third
     * round: 100 % recall, 95.0 % precision, places 43/44, amounts 5/5;
     * tests/extract/README.md) */
    assert_true(f.found * 100 >= f.expected * 95);
    assert_true(f.correct * 100 >= f.proposed * 90);
    assert_int_equal(f.land_ok, f.found);
    assert_true(f.amounts_ok * 100 >= f.amounts * 95);
    assert_true(f.places_ok * 100 >= f.places * 90);
}

/* An outside evaluation set: KL_EXTRACT_EVAL=DIR scores every DIR/NAME.txt
 * against DIR/NAME.expected.jsonl with the matching above and prints only
 * the figures (KL_EXTRACT_EVAL_VERBOSE=1 also the single cases). Used for
 * a held-out set that must not be copied into the project. */
static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_eval_dir(void **state)
{
    (void)state;
    const char *dir = getenv("KL_EXTRACT_EVAL");
    if (!dir || !*dir)
        skip();
    DIR *d = opendir(dir);
    assert_non_null(d);
    char **names = NULL;
    size_t nn = 0;
    for (struct dirent *de; (de = readdir(d));) {
        size_t l = strlen(de->d_name);
        if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0) {
            names = xrealloc(names, (nn + 1) * sizeof *names);
            names[nn++] = xstrndup(de->d_name, l - 4);
        }
    }
    closedir(d);
    qsort(names, nn, sizeof *names, name_cmp);
    const char *v = getenv("KL_EXTRACT_EVAL_VERBOSE");
    say = v && strcmp(v, "1") == 0;
    figures f = {0};
    for (size_t i = 0; i < nn; i++) {
        run_case_in(dir, names[i], &f);
        free(names[i]);
    }
    free(names);
    say = 1;
    printf("(%zu Fälle aus %s)\n", nn, dir);
    print_figures("Auswertungssatz", &f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_hyphens),   cmocka_unit_test(test_clean_noise),
        cmocka_unit_test(test_clean_map),       cmocka_unit_test(test_segment_laender),
        cmocka_unit_test(test_segment_bund),    cmocka_unit_test(test_amounts_attached),
        cmocka_unit_test(test_read_refusals),   cmocka_unit_test(test_no_structure),
        cmocka_unit_test(test_noise_and_forms), cmocka_unit_test(test_annotated_cases),
        cmocka_unit_test(test_press_forms),     cmocka_unit_test(test_eval_dir),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
