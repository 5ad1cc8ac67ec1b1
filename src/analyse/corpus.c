/* corpus.c: entries as TF-IDF vectors over the terms of the German
 * analysis (see analyse.h for the weighting), with a readable word kept for
 * every term so that a reason can name "Reallabor" rather than the stem
 * "reallabor". */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/analyse_int.h"
#include "core/gtok.h"
#include "util/err.h"
#include "util/text.h"
#include "util/xalloc.h"

/* Function words and words every report uses: they connect everything
 * and so explain nothing. Given in their written form; the tokenizer turns
 * them into terms when the corpus starts. */
static const char *const stopwords[] = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "und", "oder", "sowie", "auch", "mit", "von", "vom", "zu", "zum", "zur", "im", "in", "an", "am",
    "auf", "aus", "bei", "für", "über", "unter", "nach", "vor", "durch", "als", "wie", "so", "dass",
    "daß", "ist", "sind", "wird", "werden", "wurde", "wurden", "hat", "haben", "sein", "seit",
    "sich", "es", "er", "sie", "wir", "uns", "unsere", "unser", "ihre", "ihr", "dies", "diese",
    "dieser", "dieses", "diesem", "hierzu", "dazu", "damit", "dabei", "bereits", "weitere",
    "weiteren", "weiterer", "neue", "neuen", "neuer", "insbesondere", "sollen", "soll", "kann",
    "können", "nicht", "noch", "nur", "um", "bis", "ab", "sowohl", "zudem", "hier", "alle", "allen",
    "aller", "mehr", "sehr", "the", "of", "and", "for", "land", "länder", "landes", "bund",
    "bundes", "bundesregierung", "ki", "künstliche", "künstlicher", "künstlichen", "intelligenz",
    "artificial", "intelligence", "ai", "grund", "thema", "bereich", "rahmen", "ziel", "jahr",
    "jahre", "u", "a", "o", "g", "z", "b", "s", "sog", "bzw", "ca", "rund", "breg", "top",
    /* The Länder by name: a name connects an entry to its own Land, which
     * is never a reason to suggest another Land's activity. */
    "baden-württemberg", "bayern", "bayerische", "bayerischen", "berlin", "berliner", "brandenburg",
    "brandenburger", "bremen", "bremer", "hamburg", "hamburger", "hessen", "hessische",
    "hessischen", "mecklenburg-vorpommern", "niedersachsen", "niedersächsische",
    "nordrhein-westfalen", "nrw", "rheinland-pfalz", "saarland", "saarländische", "sachsen",
    "sächsische", "sächsischen", "sachsen-anhalt", "schleswig-holstein", "thüringen", "thüringer",
    "freistaat", "hansestadt",
    /* Function words that stand capitalised at the start of a sentence
     * (lower-case words are left out anyway, see lower_start). */
    "neben", "beim", "hierfür", "hierbei", "darüber", "darin", "deshalb", "daher", "ferner",
    "außerdem", "zunächst", "derzeit", "aktuell", "inzwischen", "weiterhin", "gleichzeitig",
    "insgesamt", "jeweils", "künftig", "bisher", "bislang", "dadurch", "darunter", "somit",
    "gemeinsam", "gemeinsame", "gemeinsamen", "besondere", "besonderes", "erste", "ersten",
    "zweite", "zweiten", "dritte", "mehrere", "verschiedene", "verschiedenen", "wichtige",
    "wichtigen", "deren", "dessen", "welche", "beispielsweise", "anschließend",
    /* The calendar: a month or a year two reports share says nothing about
     * what their activities are (numbers are left out in on_term). */
    "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "dezember", "frühjahr", "sommer", "herbst", "winter", "frühsommer", "tag", "tage",
    "tages",
    /* English adjectives stand capitalised in names ("European Digital
     * Innovation Hub"). */
    "european", "international", "national",
    /* Other names of KI itself: "lernende Systeme", "intelligent". */
    "intelligent", "lernende", "lernenden", "learning", "machine", NULL};

static const char *const generic[] = {
    /* Words that name the container rather than the topic: the kind of an
     * entry is compared on its own (analyse.h), and these nouns stand in
     * reports on any subject ("das Projekt", "die Nutzung", "Systeme" and
     * "Anwendungen" of KI, "Innovation" and "Digitalisierung" in every
     * digital policy). Unlike a stop word, a compound given here does not
     * take its parts with it: "Kompetenzzentrum" is left out, "Kompetenz"
     * is not. */
    "projekt", "projekte", "programm", "programme", "initiative", "initiativen", "maßnahme",
    "maßnahmen", "vorhaben", "angebot", "angebote", "einrichtung", "einrichtungen", "zentrum",
    "zentren", "gruppe", "gruppen", "standort", "standorte", "ende", "anfang", "beginn", "start",
    "entwicklung", "entwicklungen", "umsetzung", "stärkung", "ausbau", "grundlage", "grundlagen",
    "frage", "fragen", "phase", "beschluss", "beschlüsse", "modell", "modelle", "system", "systeme",
    "anwendung", "anwendungen", "lösung", "lösungen", "technologie", "technologien", "innovation",
    "innovationen", "digital", "digitale", "digitalisierung", "studie", "beispiel", "beispiele",
    "möglichkeit", "möglichkeiten", "teil", "form", "weg", "schritt", "stand", "ebene",
    "zusammenhang", "hinblick", "ergebnis", "ergebnisse", "aufgabe", "aufgaben", "bedeutung",
    "vertreter", "vertreterinnen", "partner", "akteure", "ziele", "fokus", "blick", "kontext",
    /* Funding and lead as such: "Förderprogramm", "Fonds", "Förderung",
     * "Federführung" say how an activity is run, not what it is about;
     * "Handlungs-" (Handlungsbedarfe, -empfehlungen, -felder) the same. */
    "förderprogramm", "förderprogramme", "förderung", "fonds", "federführung", "handlungs",
    /* "der Einsatz", "die Nutzung" of KI: said of any use of it. */
    "einsatz", "nutzung",
    /* The same for the kind of institution: a "Hub", "Labor", "Campus" or
     * "Netzwerk" of one Land and another's may have nothing else in
     * common (a Digital Innovation Hub for firms, an AI Quality & Testing
     * Hub for research). */
    "hub", "hubs", "labor", "labore", "campus", "wettbewerb", "kompetenzzentrum",
    "kompetenzzentren", "forschungseinrichtung", "forschungseinrichtungen", "universität",
    "universitäten", "institut", "institute", "arbeitsgruppe", "arbeitsgruppen", "ressort",
    "ressorts", "plattform", "netzwerk", "netzwerke", NULL};

/* Broad words: the sectors and groups an activity is for or comes from
 * ("Wirtschaft", "Wissenschaft", "Gesellschaft", "Forschung"). Nearly
 * every report names them, so two activities sharing them need not have
 * anything else in common (a dialogue forum and a transfer programme both
 * address "Wirtschaft und Gesellschaft"), and what they say is compared
 * already by the fields of action and the target groups (analyse.h).
 * They stay terms, so a reason can name them, at BROAD_WEIGHT. */
static const char *const broad[] = {
    "wirtschaft",  "wissenschaft",      "gesellschaft",    "zivilgesellschaft", "forschung",
    "politik",     "industrie",         "unternehmen",     "öffentlichkeit",    "praxis",
    "bürger",      "bürgerinnen",       "hochschule",      "hochschulen",       "ministerium",
    "ministerien", "staatsministerium", "landesregierung", "staatsregierung",   "regierung",
    NULL};

/* Oberbegriffe: different words for the same kind of activity or the
 * same subject ("Kongress", "Forum" and "Empfang" are all events; "KMU",
 * "Mittelstand" and "Betriebe" the same firms). An entry that has one of
 * the words (as a word of its own or as the last part of a compound:
 * "Beirat" in "Digitalbeirat", not "Arbeit" in "Arbeitsgruppe") also has
 * the Oberbegriff as a term, weighted by IDF like any other; a reason names
 * it as "Veranstaltung (Oberbegriff)". The words are general German of
 * public administration and research policy, not names of single
 * activities; they go through the same analysis, so inflected forms and
 * the stems of the list meet. */
typedef struct concept {
    const char *label;
    const char *words;
}
concept;

static const concept concepts[] = {
    {"Veranstaltung", "Veranstaltung Veranstaltungen Kongress Konferenz Tagung Event Events Forum "
                      "Gipfel Empfang Messe Workshop Workshops Symposium Fachtag"},
    {"Austausch", "Dialog Austausch Gespräch Gespräche Diskussion Bürgerdialog Beteiligung"},
    {"Verwaltung", "Verwaltung Verwaltungen Landesverwaltung Behörde Behörden Amt Ämter "
                   "E-Government eGovernment Kommunalverwaltung Kommunalverwaltungen "
                   "Staatskanzlei Senatskanzlei Kommune Kommunen"},
    {"Weiterbildung", "Weiterbildung Fortbildung Fortbildungen Qualifizierung Schulung Schulungen "
                      "Lehrgang Kurs Kurse Weiterbildungsangebot"},
    {"Mittelstand", "Mittelstand KMU Betriebe Betrieb Handwerk Mittelständler"},
    {"Gründung", "Gründung Gründungen Existenzgründung Existenzgründungen Startup Startups "
                 "Start-up Start-ups Gründer Gründerinnen Ausgründung"},
    {"Gremium", "Gremium Gremien Rat Beirat Taskforce Kommission Fokusgruppe Arbeitsgruppe "
                "Ausschuss Steuerungsgremium"},
    {"Strategie", "Strategie Strategien Agenda Masterplan Aktionsplan"},
    {"Regeln", "Leitlinien Leitlinie Richtlinie Richtlinien Dienstanweisung Handlungsempfehlung "
               "Governance Regeln Regelung Guideline Leitplanke Prinzipien Grundsätze"},
    {"Sprachmodell", "Sprachmodell Sprachmodelle LLM LLMs GPT ChatGPT Chatbot Chatbots"},
    {"Infrastruktur", "Infrastruktur Infrastrukturen Rechenzentrum Rechenzentren Supercomputer "
                      "Hochleistungsrechner Cloud Dateninfrastruktur"},
    {"Erprobung", "Reallabor Reallabore Experimentierraum Experimentierräume Testumgebung Testfeld "
                  "Sandbox Erprobung Pilotierung Pilotprojekt Testphase"},
    {"Professur", "Professur Professuren Lehrstuhl Lehrstühle Stiftungsprofessur"},
    {"Vernetzung", "Ökosystem Netzwerk Netzwerke Vernetzung Cluster Community"},
    {"Arbeitswelt", "Arbeitswelt Arbeit Beschäftigte Arbeitnehmer Fachkräfte Arbeitsmarkt "
                    "Sozialpartner Gewerkschaften"},
    {"Gesundheit", "Gesundheit Gesundheitswesen Medizin Patienten Klinik Kliniken Versorgung "
                   "Pflege Krankenhaus"},
    {"Schule", "Schule Schulen Lehrkräfte Schüler Schülerinnen Unterricht"},
    {NULL, NULL}};

typedef struct tfv {
    int term;
    float tf;
    int whole; /* 1: seen as a word of its own, 0: only as a part */
} tfv;

/* The weight of a term an entry has only as a part of its words, against
 * one it has as a word of its own: "Labor" in "Reallabor" and in
 * "Digital-Labor", "Steuer" in "Steuerungsgremium" and in
 * "Steuerfestsetzung" are weaker evidence of a common topic than the same
 * word standing alone. */
#define PART_WEIGHT 0.5

/* The most one shared term adds to a cosine. Entries are mostly one
 * sentence, so a single word can carry nearly all of a vector's weight,
 * and one shared word ("Algorithmen", "Gründung", "Professuren") then
 * makes two otherwise unrelated activities look alike. Capped, one word
 * alone gives 0.65 * 0.15 < ANALYSE_SIMILAR_MIN: a suggestion needs a
 * second shared word (or the Oberbegriff beside it), a field, a target
 * group or the kind as well. */
#define TERM_CAP 0.15

/* The weight of a broad word against a word of the subject. */
#define BROAD_WEIGHT 0.3

/* The state of loading: the corpus, the tokenizer, the vector of the entry
 * being read. */
typedef struct loader {
    an_corpus *c;
    gtok *tok;
    tfv *v;
    size_t nv, capv;
    float weight;     /* of the text being read: title 3, aliases 2, else 1 */
    const char *text; /* being read, for surfaces */
    int stop;    /* while interning: 1 stop words, 2 generic words, 3 concepts, 4 broad words */
    int concept; /* while interning concepts: id + 1 of the Oberbegriff */
} loader;

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

static void grow_slots(an_corpus *c)
{
    size_t n = c->nslot ? c->nslot * 2 : 4096;
    int *slot = xcalloc(n, sizeof *slot);
    for (size_t i = 0; i < c->nterms; i++) {
        size_t h = hash(c->t[i].s, strlen(c->t[i].s)) & (n - 1);
        while (slot[h])
            h = (h + 1) & (n - 1);
        slot[h] = (int)i + 1;
    }
    free(c->slot);
    c->slot = slot;
    c->nslot = n;
}

/* intern: the id of term s[0..n), added when new. */
static int intern(an_corpus *c, const char *s, size_t n)
{
    if (2 * (c->nterms + 1) > c->nslot)
        grow_slots(c);
    size_t h = hash(s, n) & (c->nslot - 1);
    while (c->slot[h]) {
        an_term *t = &c->t[c->slot[h] - 1];
        if (strlen(t->s) == n && memcmp(t->s, s, n) == 0)
            return c->slot[h] - 1;
        h = (h + 1) & (c->nslot - 1);
    }
    if (c->nterms == c->tcap) {
        c->tcap = c->tcap ? c->tcap * 2 : 1024;
        c->t = xrealloc(c->t, c->tcap * sizeof *c->t);
    }
    an_term *t = &c->t[c->nterms];
    memset(t, 0, sizeof *t);
    t->s = xstrndup(s, n);
    c->slot[h] = (int)c->nterms + 1;
    return (int)c->nterms++;
}

/* part_surface: the readable form of compound part term inside word
 * w[0..n): the hyphen segment or the piece of a segment whose folded form
 * holds the term ("Zentren" for "zentr" in "Kompetenzzentren"). Caller
 * frees; NULL if the term is not found. */
static char *part_surface(const char *term, const char *w, size_t n)
{
    size_t tl = strlen(term), seg = 0;
    while (seg < n) {
        size_t end = seg;
        while (end < n && w[end] != '-')
            end++;
        /* Fold the segment code point by code point, noting where each
         * folded byte came from. */
        sbuf f = SBUF_INIT;
        size_t *from = xmalloc((4 * (end - seg) + 8) * sizeof *from), i = seg;
        while (i < end) {
            size_t at = i, before = f.len;
            int32_t cp = text_utf8_next(w, end, &i);
            if (cp >= 0)
                text_fold_cp(&f, cp);
            for (size_t k = before; k < f.len; k++)
                from[k] = at;
        }
        from[f.len] = end;
        const char *hit = f.len ? strstr(f.s, term) : NULL;
        char *out = NULL;
        if (hit) {
            size_t p = (size_t)(hit - f.s);
            size_t a = from[p], b = p == 0 ? from[p + tl < f.len ? p + tl : f.len] : end;
            if (p == 0 && p + tl >= f.len)
                b = end;
            out = xstrndup(w + a, b - a);
            if (out[0] >= 'a' && out[0] <= 'z')
                out[0] = (char)(out[0] - 'a' + 'A');
        }
        free(from);
        sbuf_free(&f);
        if (out)
            return out;
        seg = end + 1;
    }
    return NULL;
}

/* lower_start: 1 if the word at w begins with a lower-case letter. Nouns
 * (and names, acronyms) carry what an activity is about; German writes
 * them with a capital, so lower-case words are left out. */
static int lower_start(const unsigned char *w)
{
    return (w[0] >= 'a' && w[0] <= 'z') ||
           (w[0] == 0xC3 && (w[1] == 0xA4 || w[1] == 0xB6 || w[1] == 0xBC || w[1] == 0x9F));
}

/* is_head: 1 if term (a stem) is the last part of the compound w[0..n),
 * up to an ending: "beirat" in "Digitalbeirat", not "arbeit" in
 * "Arbeitsgruppe". */
static int is_head(const char *term, int len, const char *w, int n)
{
    char *word = xstrndup(w, (size_t)n);
    char *f = text_fold_dup(word);
    size_t fl = strlen(f), tl = (size_t)len;
    int head = 0;
    for (size_t i = fl >= tl ? fl - tl + 1 : 0; i-- > 0 && !head;)
        if (memcmp(f + i, term, tl) == 0)
            head = fl - i - tl <= 3; /* -en, -n, -e, -es, -ern */
    free(f);
    free(word);
    return head;
}

static void push(loader *L, int term, int whole)
{
    if (L->nv == L->capv) {
        L->capv = L->capv ? L->capv * 2 : 64;
        L->v = xrealloc(L->v, L->capv * sizeof *L->v);
    }
    L->v[L->nv++] = (tfv){term, L->weight, whole};
}

static int on_term(void *ctx, const char *term, int len, int start, int end, int colocated)
{
    loader *L = ctx;
    an_corpus *c = L->c;
    if (len < 2)
        return 0;
    /* Numbers (years above all: "2019" is in every report of that year)
     * name no topic. */
    int digits = 1;
    for (int i = 0; i < len && digits; i++)
        digits = term[i] >= '0' && term[i] <= '9';
    if (digits && !L->stop)
        return 0;
    if (!L->stop && lower_start((const unsigned char *)L->text + start))
        return 0;
    int id = intern(c, term, (size_t)len);
    an_term *t = &c->t[id];
    if (L->stop == 4) {
        if (!colocated)
            t->broad = 1;
        return 0;
    }
    if (L->stop == 3) {
        if (!colocated)
        t->concept = L->concept;
        return 0;
    }
    if (L->stop) {
        /* A stop word's parts too: "Rheinland-Pfalz" names no topic. */
        if (L->stop == 1 || !colocated)
            t->stop = 1;
        return 0;
    }
    /* The Oberbegriff even of a generic word ("Netzwerk"): the word alone
     * says too little, the kind of activity it names does not. From the
     * last part of a compound at the weight of a part. */
    if (t->concept && (!colocated || is_head(term, len, L->text + start, end - start)))
        push(L, t->concept - 1, !colocated);
    if (t->stop)
        return 0;
    /* Keep the shortest whole word seen (more often the singular), else
     * the piece of a compound. */
    if (!colocated && (!t->surface_whole || (size_t)(end - start) < strlen(t->surface))) {
        free(t->surface);
        t->surface = xstrndup(L->text + start, (size_t)(end - start));
        t->surface_whole = 1;
    } else if (colocated && !t->surface) {
        t->surface = part_surface(t->s, L->text + start, (size_t)(end - start));
    }
    push(L, id, !colocated);
    return 0;
}

/* blank_ki: blank "KI-" at the start of the word t[i..e) (after opening
 * quotes or brackets too): in reports on KI, "KI-Leitlinien" are
 * "Leitlinien", and the whole hyphenated word would otherwise be a term of
 * its own that only the same spelling matches. */
static void blank_ki(char *t, size_t i, size_t e)
{
    const unsigned char *u = (const unsigned char *)t;
    size_t p = i;
    while (p < e && (u[p] == '(' || u[p] == '"' || u[p] == '\'' || u[p] == '/'))
        p++;
    if (p + 2 < e && u[p] == 0xE2 && u[p + 1] == 0x80) /* „ “ ‚ ‘ */
        p += 3;
    if (p + 3 < e && u[p] == 'K' && u[p + 1] == 'I' && u[p + 2] == '-' &&
        ((u[p + 3] >= 'A' && u[p + 3] <= 'Z') || (u[p + 3] >= 'a' && u[p + 3] <= 'z') ||
         u[p + 3] >= 0xC3))
        memset(t + p, ' ', 3);
}

static void read_text(loader *L, const char *s, float weight)
{
    if (!s || !*s)
        return;
    L->weight = weight;
    if (L->stop) {
        L->text = s;
        gtok_run(L->tok, GTOK_DOCUMENT, s, (int)strlen(s), L, on_term);
        return;
    }
    /* Blank out the lower-case words before the analysis (on_term would
     * drop them anyway): same offsets, far less work. */
    size_t n = strlen(s);
    char *t = xstrndup(s, n);
    for (size_t i = 0; i < n;) {
        if (t[i] == ' ' || t[i] == '\n' || t[i] == '\t') {
            i++;
            continue;
        }
        size_t e = i;
        while (e < n && t[e] != ' ' && t[e] != '\n' && t[e] != '\t')
            e++;
        if (lower_start((const unsigned char *)t + i))
            memset(t + i, ' ', e - i);
        else
            blank_ki(t, i, e);
        i = e;
    }
    L->text = t;
    gtok_run(L->tok, GTOK_DOCUMENT, t, (int)n, L, on_term);
    free(t);
}

static int cmp_tfv(const void *a, const void *b)
{
    const tfv *x = a, *y = b;
    return (x->term > y->term) - (x->term < y->term);
}

static unsigned vocab_bits(const json_t *a, entry_vocab_id v)
{
    size_t n, i;
    const entry_term *t = entry_vocab(v, &n);
    json_t *x;
    unsigned bits = 0;
    json_array_foreach(a, i, x)
    {
        for (size_t k = 0; k < n && k < 32; k++)
            if (json_is_string(x) && strcmp(t[k].slug, json_string_value(x)) == 0)
                bits |= 1u << k;
    }
    return bits;
}

static int on_entry(void *ctx, const entry *e)
{
    loader *L = ctx;
    an_corpus *c = L->c;
    json_t *j = entry_json(e), *x;
    size_t i;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 256;
        c->d = xrealloc(c->d, c->cap * sizeof *c->d);
    }
    an_doc *d = &c->d[c->n++];
    memset(d, 0, sizeof *d);
    d->id = xstrdup(entry_id(e));
    d->title = xstrdup(entry_title(e));
    d->land = xstrdup(entry_land(e) ? entry_land(e) : "bund");
    d->kind = xstrdup(entry_kind(e) ? entry_kind(e) : "");
    d->fields = vocab_bits(json_object_get(j, "fields"), ENTRY_VOCAB_FIELD);
    d->targets = vocab_bits(json_object_get(j, "target_groups"), ENTRY_VOCAB_TARGET);
    d->flags = (json_is_true(json_object_get(j, "seeks_partners")) ? AN_SEEKS : 0) |
               (json_is_true(json_object_get(j, "offers_reuse")) ? AN_OFFERS : 0);
    L->nv = 0;
    read_text(L, entry_title(e), 3);
    json_array_foreach(json_object_get(j, "aliases"), i, x) read_text(L, json_string_value(x), 2);
    read_text(L, json_string_value(json_object_get(j, "summary")), 1);
    json_array_foreach(json_object_get(j, "organisations"), i, x)
        read_text(L, json_string_value(x), 1);
    /* Merge the occurrences into (term, weighted frequency). */
    qsort(L->v, L->nv, sizeof *L->v, cmp_tfv);
    size_t k = 0;
    for (i = 0; i < L->nv; i++) {
        if (k && L->v[k - 1].term == L->v[i].term) {
            L->v[k - 1].tf += L->v[i].tf;
            L->v[k - 1].whole |= L->v[i].whole;
        } else
            L->v[k++] = L->v[i];
    }
    d->nt = (int)k;
    d->term = xmalloc((k ? k : 1) * sizeof *d->term);
    d->w = xmalloc((k ? k : 1) * sizeof *d->w);
    for (i = 0; i < k; i++) {
        d->term[i] = L->v[i].term;
        /* The weighted tf until the idf is known; negative for a term
         * seen only as a part (weigh() applies PART_WEIGHT). */
        d->w[i] = L->v[i].whole ? L->v[i].tf : -L->v[i].tf;
        c->t[L->v[i].term].df++;
    }
    return 0;
}

/* weigh: tf-idf with a sublinear tf (every tf is >= 1: the text weights
 * are whole numbers), parts at PART_WEIGHT, then unit length. */
static void weigh(an_corpus *c)
{
    double n = (double)c->n;
    for (size_t i = 0; i < c->n; i++) {
        an_doc *d = &c->d[i];
        double sum = 0;
        for (int k = 0; k < d->nt; k++) {
            double idf = log(1.0 + n / (double)c->t[d->term[k]].df);
            double tf = fabs(d->w[k]);
            double w = (1.0 + log(tf)) * idf * (d->w[k] < 0 ? PART_WEIGHT : 1.0) *
                       (c->t[d->term[k]].broad ? BROAD_WEIGHT : 1.0);
            d->w[k] = (float)w;
            sum += w * w;
        }
        double norm = sum > 0 ? 1.0 / sqrt(sum) : 0;
        for (int k = 0; k < d->nt; k++)
            d->w[k] = (float)(d->w[k] * norm);
    }
}

int an_corpus_load(store *s, const char *status, an_corpus **out, char **err)
{
    an_corpus *c = xcalloc(1, sizeof *c);
    loader L = {.c = c, .tok = gtok_new(), .stop = 1};
    *out = NULL;
    for (const char *const *w = stopwords; *w; w++)
        read_text(&L, *w, 1);
    L.stop = 2;
    for (const char *const *w = generic; *w; w++)
        read_text(&L, *w, 1);
    L.stop = 3;
    for (const concept *k = concepts; k->label; k++) {
        sbuf key = SBUF_INIT;
        sbuf_addf(&key, "#%s", k->label); /* no word of a text starts with '#' */
        int cid = intern(c, key.s, key.len);
        sbuf_free(&key);
        c->t[cid].surface = xstrdup(k->label);
        c->t[cid].surface_whole = 1;
        c->t[cid].is_concept = 1;
        L.concept = cid + 1;
        read_text(&L, k->words, 1);
    }
    L.stop = 4;
    for (const char *const *w = broad; *w; w++)
        read_text(&L, *w, 1);
    L.stop = 0;
    L.nv = 0;
    store_query q = {.status = status, .sort = "id", .limit = -1};
    int rc = store_each(s, &q, &L, on_entry, err);
    gtok_free(L.tok);
    free(L.v);
    if (rc) {
        an_corpus_free(c);
        return rc;
    }
    weigh(c);
    *out = c;
    return KL_OK;
}

void an_corpus_free(an_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        an_doc *d = &c->d[i];
        free(d->id);
        free(d->title);
        free(d->land);
        free(d->kind);
        free(d->term);
        free(d->w);
    }
    for (size_t i = 0; i < c->nterms; i++) {
        free(c->t[i].s);
        free(c->t[i].surface);
    }
    free(c->d);
    free(c->t);
    free(c->slot);
    free(c);
}

long an_find(const an_corpus *c, const char *id)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->d[i].id, id) == 0)
            return (long)i;
    return -1;
}

double an_cosine(const an_corpus *c, const an_doc *a, const an_doc *b, double *subject)
{
    double dot = 0, sub = 0;
    int i = 0, k = 0;
    while (i < a->nt && k < b->nt) {
        if (a->term[i] < b->term[k])
            i++;
        else if (a->term[i] > b->term[k])
            k++;
        else {
            double x = (double)a->w[i] * b->w[k];
            if (x > TERM_CAP)
                x = TERM_CAP;
            dot += x;
            if (!c->t[a->term[i]].broad)
                sub += x;
            i++;
            k++;
        }
    }
    if (subject)
        *subject = sub;
    return dot;
}
