/* classify.c: keyword rules for the kind of an activity (by its head
 * noun), its Handlungsfelder and its target groups (by words of the text
 * around it). All rules compare folded text (text_fold: lower case, ä to
 * ae, ß to ss), so "Förderprogramm" and "FOERDERPROGRAMM" match alike.
 *
 * The rules are documented here and nowhere else; a change belongs in the
 * tables below, with a case in tests/extract/ that shows it. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "util/sbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

/* A head noun: the folded stem, the kind it gives, and its plural: an
 * ending ("e"), or a whole word after "=" ("=zentren"); "" if the plural
 * equals the singular and so cannot be told apart. Genitive singular "-s" / "-es" is accepted for
 * all. */
typedef struct head {
    const char *stem;
    const char *kind;
    const char *plural;
    char gender;          /* 'm', 'f', 'n'; 'p': a plural word */
    unsigned char sl, pl; /* strlen of stem and plural */
} head;

#define H(stem, kind, plural, gender)                                                              \
    {                                                                                              \
        stem, kind, plural, gender, sizeof stem - 1, sizeof plural - 1                             \
    }

static const head heads[] = {
    H("zentrum", "centre", "=zentren", 'n'),
    H("kompetenzzentrum", "centre", "=kompetenzzentren", 'n'),
    H("center", "centre", "s", 'n'),
    H("hub", "centre", "s", 'm'),
    H("campus", "centre", "", 'm'),
    H("park", "centre", "s", 'm'),
    H("innovationspark", "centre", "s", 'm'),
    H("lab", "centre", "s", 'n'),
    H("werkstatt", "centre", "=werkstaetten", 'f'),
    H("inkubator", "centre", "en", 'm'),
    H("garage", "centre", "n", 'f'),
    H("transferstelle", "centre", "n", 'f'),
    H("beratungsstelle", "centre", "n", 'f'),
    H("servicestelle", "centre", "n", 'f'),
    H("valley", "network", "s", 'n'),
    H("kompetenzstelle", "centre", "n", 'f'),
    H("forschungsstelle", "centre", "n", 'f'),
    /* only as a compound: "DFKI-Standort Bremen", not "der Standort" */
    H("-standort", "centre", "e", 'm'),
    H("aussenstelle", "centre", "n", 'f'),
    H("anlaufstelle", "centre", "n", 'f'),
    H("programm", "programme", "e", 'n'),
    /* no heads: the running order of an event ("Vortragsprogramm zu
     * Themen") funds or builds nothing; the longest stem wins, so these
     * hide "programm" */
    H("vortragsprogramm", NULL, "e", 'n'),
    H("tagesprogramm", NULL, "e", 'n'),
    H("veranstaltungsprogramm", NULL, "e", 'n'),
    H("konferenzprogramm", NULL, "e", 'n'),
    H("buehnenprogramm", NULL, "e", 'n'),
    H("begleitprogramm", NULL, "e", 'n'),
    H("fonds", "programme", "", 'm'),
    H("bonus", "programme", "=boni", 'm'),
    H("wettbewerb", "programme", "e", 'm'),
    H("professur", "programme", "en", 'f'),
    H("foerderlinie", "programme", "n", 'f'),
    H("foerderformat", "programme", "e", 'n'),
    H("massnahmenpaket", "programme", "e", 'n'),
    H("ausschreibung", "programme", "en", 'f'),
    H("sondervermoegen", "programme", "", 'n'),
    H("foerderaufruf", "programme", "e", 'm'),
    H("foerderrichtlinie", "programme", "n", 'f'),
    /* a federal call: "die „Bekanntmachung zur Förderung der KI in der
     * Landwirtschaft, ...“" */
    H("bekanntmachung", "programme", "en", 'f'),
    H("richtlinie", "programme", "n", 'f'),
    H("stipendium", "programme", "=stipendien", 'n'),
    H("challenge", "programme", "s", 'f'),
    H("accelerator", "programme", "s", 'm'),
    H("kooperationsvereinbarung", "project", "en", 'f'),
    H("projekt", "project", "e", 'n'),
    H("reallabor", "project", "e", 'n'),
    H("labor", "project", "e", 'n'),
    H("innovationslabor", "project", "e", 'n'),
    H("sonderforschungsbereich", "project", "e", 'm'),
    H("modellvorhaben", "project", "", 'n'),
    H("modellversuch", "project", "e", 'm'),
    /* only as compounds: "KI-Ideenwerkstatt", "KI-Expertengespräche" */
    H("-werkstatt", "event", "=werkstaetten", 'f'),
    H("ideenwerkstatt", "event", "=ideenwerkstaetten", 'f'),
    H("-gespraech", "event", "e", 'n'),
    H("expertengespraech", "event", "e", 'n'),
    H("forschungsgruppe", "project", "n", 'f'),
    H("nachwuchsgruppe", "project", "n", 'f'),
    H("experimentierfeld", "infrastructure", "er", 'n'),
    H("leuchtturmvorhaben", "project", "", 'n'),
    H("sprachmodell", "application", "e", 'n'),
    H("basismodell", "application", "e", 'n'),
    /* only as a compound: "KI-Modell", not "Modell" */
    H("-modell", "application", "e", 'n'),
    H("ki-system", "application", "e", 'n'),
    H("engine", "application", "s", 'f'),
    H("tool", "application", "s", 'n'),
    H("software", "application", "s", 'f'),
    H("chatbot", "application", "s", 'm'),
    H("assistent", "application", "en", 'm'),
    H("assistenzsystem", "application", "e", 'n'),
    /* only as a compound: "KI-Assistenz", not "Assistenz" */
    H("-assistenz", "application", "en", 'f'),
    H("app", "application", "s", 'f'),
    H("portal", "application", "e", 'n'),
    H("strategie", "strategy", "n", 'f'),
    H("agenda", "strategy", "s", 'f'),
    H("roadmap", "strategy", "s", 'f'),
    H("leitlinien", "strategy", "", 'p'),
    /* only as a compound: "KI-Governance", not "Data Governance" */
    H("-governance", "strategy", "", 'f'),
    H("leitfaden", "strategy", "=leitfaeden", 'm'),
    H("handreichung", "strategy", "en", 'f'),
    H("handlungsempfehlung", "strategy", "en", 'f'),
    H("dienstanweisung", "strategy", "en", 'f'),
    H("aktionsplan", "strategy", "=aktionsplaene", 'm'),
    H("masterplan", "strategy", "=masterplaene", 'm'),
    H("handlungsrahmen", "strategy", "", 'm'),
    H("leitbild", "strategy", "er", 'n'),
    H("eckpunkte", "strategy", "", 'p'),
    H("rat", "body", "=raete", 'm'),
    H("beirat", "body", "=beiraete", 'm'),
    H("taskforce", "body", "s", 'f'),
    H("arbeitsgruppe", "body", "n", 'f'),
    H("kommission", "body", "en", 'f'),
    H("gremium", "body", "=gremien", 'n'),
    H("agentur", "body", "en", 'f'),
    H("fokusgruppe", "body", "n", 'f'),
    H("ausschuss", "body", "=ausschuesse", 'm'),
    H("geschaeftsstelle", "body", "n", 'f'),
    H("stabsstelle", "body", "n", 'f'),
    H("arbeitskreis", "body", "e", 'm'),
    H("lenkungskreis", "body", "e", 'm'),
    H("expertenkreis", "body", "e", 'm'),
    H("projektgruppe", "body", "n", 'f'),
    H("steuerungsgruppe", "body", "n", 'f'),
    H("expertengruppe", "body", "n", 'f'),
    H("koordinierungsstelle", "body", "n", 'f'),
    H("netzwerk", "network", "e", 'n'),
    /* only after a joining s: "Innovationsnetz", not "Stromnetz" */
    H("netz", "network", "e", 'n'),
    H("allianz", "network", "en", 'f'),
    H("cluster", "network", "", 'm'),
    H("verbund", "network", "e", 'm'),
    H("konsortium", "network", "=konsortien", 'n'),
    H("plattform", "network", "en", 'f'),
    H("partnerschaft", "network", "en", 'f'),
    H("buendnis", "network", "=buendnisse", 'n'),
    H("community", "network", "", 'f'),
    H("kongress", "event", "e", 'm'),
    H("forum", "event", "=foren", 'n'),
    H("konferenz", "event", "en", 'f'),
    H("digitaltag", "event", "e", 'm'),
    /* only as a compound: "Brandenburger KI-Tag", not "Tag" */
    H("-tag", "event", "e", 'm'),
    H("event", "event", "s", 'n'),
    H("tour", "event", "en", 'f'),
    /* "tour" is too short to be found inside a compound (stem_boundary) */
    H("dialogtour", "event", "en", 'f'),
    H("roadshow", "event", "s", 'f'),
    H("dialogreihe", "event", "n", 'f'),
    H("veranstaltungsreihe", "event", "n", 'f'),
    H("vortragsreihe", "event", "n", 'f'),
    H("wissenschaftsjahr", "event", "e", 'n'),
    H("empfang", "event", "=empfaenge", 'm'),
    H("tagung", "event", "en", 'f'),
    H("symposium", "event", "=symposien", 'n'),
    H("roundtable", "event", "s", 'm'),
    H("fachtag", "event", "e", 'm'),
    /* only as a compound: "KI-Workshop", not "im Workshop" */
    H("-workshop", "event", "s", 'm'),
    H("gipfel", "event", "", 'm'),
    H("hackathon", "event", "s", 'm'),
    /* "KI-Woche", "Aktionswoche"; not "die Woche in Chemnitz" */
    H("-woche", "event", "n", 'f'),
    H("aktionswoche", "event", "n", 'f'),
    H("themenwoche", "event", "n", 'f'),
    H("festival", "event", "s", 'n'),
    H("summit", "event", "s", 'm'),
    H("barcamp", "event", "s", 'n'),
    H("messe", "event", "n", 'f'),
    H("supercomputer", "infrastructure", "", 'm'),
    H("rechenzentrum", "infrastructure", "=rechenzentren", 'n'),
    H("infrastruktur", "infrastructure", "en", 'f'),
    H("server", "infrastructure", "", 'm'),
    H("testumgebung", "infrastructure", "en", 'f'),
    H("entwicklungsumgebung", "infrastructure", "en", 'f'),
    H("rechenumgebung", "infrastructure", "en", 'f'),
    H("fabrik", "infrastructure", "en", 'f'),
    H("factory", "infrastructure", "", 'f'),
    H("datenraum", "infrastructure", "=datenraeume", 'm'),
    H("cloud", "infrastructure", "s", 'f'),
    H("testfeld", "infrastructure", "er", 'n'),
    H("hochleistungsrechner", "infrastructure", "", 'm'),
    H("studie", "study", "n", 'f'),
    /* only as compounds: "KI-Atlas", "KI-Monitor", "KI-Index", "KI-Register" */
    H("-atlas", "study", "", 'm'),
    H("-monitor", "study", "e", 'm'),
    H("-index", "study", "", 'm'),
    H("-register", "application", "", 'n'),
    H("-landkarte", "application", "n", 'f'),
    H("-preis", "programme", "e", 'm'),
    /* only as a compound: "Medien- und KI-Budget" */
    H("-budget", "programme", "s", 'n'),
    H("award", "programme", "s", 'm'),
    H("gutachten", "study", "", 'n'),
    H("monitoring", "study", "s", 'n'),
    H("observatorium", "study", "=observatorien", 'n'),
    H("akademie", "education", "n", 'f'),
    H("academy", "education", "", 'f'),
    /* advisers as a programme, only as a compound: "KI-Lotsen" */
    H("-lotse", "programme", "n", 'm'),
    H("-botschafter", "programme", "", 'm'),
    H("scout", "education", "s", 'm'),
    H("hochschulinitiative", "education", "n", 'f'),
    H("studiengang", "education", "=studiengaenge", 'm'),
    H("lehrangebot", "education", "e", 'n'),
    H("kolleg", "education", "s", 'n'),
    H("masterclass", "education", "es", 'f'),
    H("lehrgang", "education", "=lehrgaenge", 'm'),
    H("kurs", "education", "e", 'm'),
    H("lehrstuhl", "education", "=lehrstuehle", 'm'),
    H("school", "education", "s", 'f'),
    H("bootcamp", "education", "s", 'n'),
    H("initiative", "initiative", "n", 'f'),
    H("foerderinitiative", "initiative", "n", 'f'),
    H("offensive", "initiative", "n", 'f'),
};

/* Organisations, not activities: their names become "organisations". */
static const char *const org_heads[] = {
    "universitaet",      "hochschule",      "institut",        "ministerium",
    "bundesanstalt",     "bundesamt",       "landesamt",       "kriminalamt",
    "forschungszentrum", "fraunhofer",      "helmholtz",       "kammer",
    "verband",           "senatskanzlei",   "staatskanzlei",   "bundesdruckerei",
    "dienstleister",     "museum",          "stiftung",        "gmbh",
    "landesregierung",   "staatsregierung", "bundesregierung", "senat",
    "behoerde",          "digitalagentur",  "landesbetrieb",   "fraktion",
    "bundesagentur",     "netzagentur",     "referat",         "abteilung",
    "landesportal",
};

/* stem_boundary: the stem at f[at..] is a whole word or the tail of a
 * compound ("ki-produktionsnetzwerk", "foerderprogramm"), not the middle
 * of another word that merely ends alike ("beitrag" for "tag"): short stems
 * must stand alone or after a hyphen. */
static int stem_boundary(const char *f, size_t at, size_t stemlen)
{
    if (at == 0 || f[at - 1] == '-' || f[at] == '-') /* "-tag": the hyphen is the boundary */
        return 1;
    /* "KI-Strukturierungstool": no German word merely ends in "tool" */
    if (stemlen >= 5 || (stemlen == 4 && memcmp(f + at, "tool", 4) == 0))
        return 1;
    /* "Anwendungshub", "Innovationslab", "Innovationsnetz": "hub",
     * "lab" and "netz" after a joining s ("Aufschub" has none) */
    if (at < 3 || f[at - 1] != 's')
        return 0;
    return (stemlen == 3 && (memcmp(f + at, "hub", 3) == 0 || memcmp(f + at, "lab", 3) == 0)) ||
           (stemlen == 4 && memcmp(f + at, "netz", 4) == 0);
}

/* ends_at: f[0..fl) ends with t[0..tl) followed by nothing; *at where. */
static int ends_at(const char *f, size_t fl, const char *t, size_t tl, size_t *at)
{
    if (tl > fl)
        return 0;
    /* from the end: most tails differ in their last bytes, and this runs
     * for every head of every capitalised word */
    for (size_t i = tl; i-- > 0;)
        if (f[fl - tl + i] != t[i])
            return 0;
    *at = fl - tl;
    return 1;
}

/* ---- indexes built once ---------------------------------------------
 *
 * xhead_kind_gender runs for every capitalised word of a report, so every
 * form of every head (the stem, the stem with a genitive -s or -es, the
 * plural) is put once into a trie of reversed forms: a word is read from
 * its end, and only as far as some form ends like it (most words leave
 * at the first or second letter). Every node keeps the forms that end
 * there. org_first[c] is the first organisation head beginning with the
 * two bytes c (as a 16-bit number), org_next[k] the next one after
 * org_heads[k]. */
enum { NHEADS = sizeof heads / sizeof heads[0], NORG = sizeof org_heads / sizeof org_heads[0] };
_Static_assert(NORG < 255, "one byte per organisation head");

enum { F_SING, F_GEN_S, F_GEN_ES, F_PLURAL }; /* tried in this order for one head */

typedef struct form {
    unsigned char head, how, len; /* heads[head]; F_*; bytes of the form */
    short next;                   /* the next form ending at the same node, -1 */
} form;

typedef struct tnode {
    short child, sibling, forms; /* -1: none */
    unsigned char c;
} tnode;

/* Every form of every head fits: at most 4 forms a head of at most 24
 * bytes each; build_index aborts if a longer table outgrows this. */
enum { MAXFORMS = 4 * NHEADS, MAXNODES = 4 * NHEADS * 24 };
_Static_assert(MAXNODES < 32768, "trie links are shorts");
static form forms[MAXFORMS];
static tnode trie[MAXNODES];
static size_t nforms, nnodes;
static unsigned char org_first[65536], org_next[NORG], org_len[NORG];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static short trie_step(short at, unsigned char c, int make)
{
    for (short k = trie[at].child; k >= 0; k = trie[k].sibling)
        if (trie[k].c == c)
            return k;
    if (!make || nnodes >= MAXNODES)
        return -1;
    short k = (short)nnodes++;
    trie[k] = (tnode){-1, trie[at].child, -1, c};
    trie[at].child = k;
    return k;
}

static void add_form(size_t hk, int how, const char *a, size_t al, const char *b, size_t bl)
{
    short at = 0;
    for (size_t i = bl; i-- > 0 && at >= 0;)
        at = trie_step(at, (unsigned char)b[i], 1);
    for (size_t i = al; i-- > 0 && at >= 0;)
        at = trie_step(at, (unsigned char)a[i], 1);
    if (at < 0 || nforms >= MAXFORMS) {
        /* a head longer than the bound above: the table is wrong */
        fputs("classify.c: head table outgrows the trie\n", stderr);
        abort();
    }
    forms[nforms] =
        (form){(unsigned char)hk, (unsigned char)how, (unsigned char)(al + bl), trie[at].forms};
    trie[at].forms = (short)nforms++;
}

static void build_index(void)
{
    _Static_assert(NHEADS < 256, "one byte per head");
    trie[0] = (tnode){-1, -1, -1, 0};
    nnodes = 1;
    for (size_t k = 0; k < NHEADS; k++) {
        const head *h = &heads[k];
        add_form(k, F_SING, h->stem, h->sl, "", 0);
        add_form(k, F_GEN_S, h->stem, h->sl, "s", 1);
        add_form(k, F_GEN_ES, h->stem, h->sl, "es", 2);
        if (h->plural[0] == '=')
            add_form(k, F_PLURAL, h->plural + 1, h->pl - 1u, "", 0);
        else if (h->pl)
            add_form(k, F_PLURAL, h->stem, h->sl, h->plural, h->pl);
    }
    memset(org_first, NORG, sizeof org_first);
    for (size_t k = NORG; k-- > 0;) {
        unsigned c = (unsigned char)org_heads[k][0] << 8 | (unsigned char)org_heads[k][1];
        org_next[k] = org_first[c];
        org_first[c] = (unsigned char)k;
        org_len[k] = (unsigned char)strlen(org_heads[k]);
    }
}

const char *xhead_kind_folded(const char *f, size_t fl, int *plural)
{
    return xhead_kind_gender(f, fl, plural, NULL, NULL);
}

const char *xhead_kind_gender(const char *f, size_t fl, int *plural, char *gender, size_t *gen)
{
    *plural = 0;
    if (fl < 2)
        return NULL;
    pthread_once(&index_once, build_index);
    /* the longest stem wins; of equal ones the head first in the table,
     * and of one head's forms the first in F_* order */
    const form *best = NULL;
    short at = 0;
    for (size_t i = fl; i-- > 0;) {
        if ((at = trie_step(at, (unsigned char)f[i], 0)) < 0)
            break;
        for (short k = trie[at].forms; k >= 0; k = forms[k].next) {
            const form *x = &forms[k];
            const head *h = &heads[x->head];
            if (h->sl > fl || !stem_boundary(f, i, h->sl))
                continue; /* "Boni": the plural of a stem longer than the word */
            if (!best || h->sl > heads[best->head].sl ||
                (h->sl == heads[best->head].sl &&
                 (x->head < best->head || (x->head == best->head && x->how < best->how))))
                best = x;
        }
    }
    if (!best)
        return NULL;
    const head *h = &heads[best->head];
    if (!h->kind)
        return NULL; /* a word that hides a head ("Vortragsprogramm") */
    /* "DFKI-Standort Bremen" is a site of an institute; "KI-Standort
     * Bayern" a Land's slogan */
    if (h->stem[0] == '-' && strcmp(h->stem, "-standort") == 0 && fl > 3 &&
        memcmp(f, "ki-", 3) == 0)
        return NULL;
    *plural = best->how == F_PLURAL;
    if (gender)
        *gender = h->gender;
    if (gen)
        *gen = best->how == F_GEN_S ? 1 : best->how == F_GEN_ES ? 2 : 0;
    return h->kind;
}

size_t xhead_check(void)
{
    size_t missing = 0;
    char w[64];
    for (size_t k = 0; k < NHEADS; k++) {
        /* a head only for compounds ("-governance") is tried as one */
        int n = snprintf(w, sizeof w, "%s%s", heads[k].stem[0] == '-' ? "ab" : "", heads[k].stem);
        int plural;
        const char *kind = n > 0 ? xhead_kind_folded(w, (size_t)n, &plural) : NULL;
        missing += heads[k].kind ? !kind || strcmp(kind, heads[k].kind) != 0 : kind != NULL;
    }
    return missing;
}

const char *xhead_kind(const char *w, size_t n, int *plural)
{
    *plural = 0;
    if (n < 2 || n > 120)
        return NULL;
    sbuf b = SBUF_INIT;
    xfold(&b, w, n);
    const char *kind = b.len < 512 ? xhead_kind_folded(b.s, b.len, plural) : NULL;
    sbuf_free(&b);
    return kind;
}

/* Organisations by the end of the word only ("DigitalBüro", "Projektbüros";
 * "Bürokratieabbau" is none). */
static const char *const org_tails[] = {"buero", "bueros"};

int xhead_is_org_folded(const char *f)
{
    /* One pass over the word, trying only the heads that begin with the
     * byte at hand (25 strstr calls per capitalised word were a hot spot) */
    pthread_once(&index_once, build_index);
    size_t n = strlen(f), at;
    for (size_t k = 0; k < sizeof org_tails / sizeof org_tails[0]; k++)
        if (ends_at(f, n, org_tails[k], strlen(org_tails[k]), &at))
            return 1;
    /* "das Auswärtige Amt", "Finanzamt", "Landratsamtes": an office; not
     * "Insgesamt", "Ehrenamt", "Lehramt" (review, session 9) */
    static const char *const amt[] = {"amt", "amts", "amtes"};
    static const char *const offices[] = {
        "",         "finanz", "landrats",    "jugend",      "gesundheits",
        "ordnungs", "sozial", "standes",     "vermessungs", "kataster",
        "umwelt",   "bau",    "versorgungs", "arbeits",     NULL};
    for (size_t k = 0; k < 3; k++)
        if (ends_at(f, n, amt[k], strlen(amt[k]), &at)) {
            if (at > 0 && f[at - 1] == ' ')
                return 1; /* the word "Amt" in a name */
            for (size_t o = 0; offices[o]; o++)
                if (strlen(offices[o]) == at && memcmp(f, offices[o], at) == 0)
                    return 1;
        }
    for (size_t i = 0; i + 1 < n; i++)
        for (size_t k = org_first[(unsigned char)f[i] << 8 | (unsigned char)f[i + 1]]; k < NORG;
             k = org_next[k])
            if (org_len[k] <= n - i && memcmp(f + i, org_heads[k], org_len[k]) == 0)
                return 1;
    return 0;
}

int xhead_is_org(const char *w, size_t n)
{
    sbuf b = SBUF_INIT;
    xfold(&b, w, n);
    int org = xhead_is_org_folded(sbuf_cstr(&b));
    sbuf_free(&b);
    return org;
}

/* adj_stem: the length of the capitalised adjective w[0..n) without its
 * ending, if it is one whose pattern is clear ("Bayerischen" -> 9 for
 * "Bayerisch", "Nationale" -> 8); else 0. */
static size_t adj_stem(const char *w, size_t n)
{
    static const char *const ends[] = {"en", "em", "er", "es", "e"};
    /* a lower-case one only where it opens a title: "nationalen
     * KI-Strategie" */
    if (n < 5 || !(xis_upper_at(w, n, 0) || (w[0] >= 'a' && w[0] <= 'z')))
        return 0;
    for (size_t k = 0; k < 5; k++) {
        size_t l = strlen(ends[k]);
        if (n > l + 3 && memcmp(w + n - l, ends[k], l) == 0) {
            size_t st = n - l;
            /* "-isch", "-al", "-ell" ("Interministeriellen Arbeitsgruppe"),
             * "-iv" ("Generative Sprachmodell"; not the nouns "Initiative",
             * "Offensive"), "-igent", "-zient", "-arent" ("Intelligenten
             * Videobeobachtung"; not the persons "Patienten", "Studenten") */
            int plural;
            if (memcmp(w + st - 4, "isch", 4) == 0 || memcmp(w + st - 2, "al", 2) == 0 ||
                memcmp(w + st - 3, "ell", 3) == 0 ||
                (st >= 5 &&
                 (memcmp(w + st - 5, "igent", 5) == 0 || memcmp(w + st - 5, "zient", 5) == 0 ||
                  memcmp(w + st - 5, "arent", 5) == 0)) ||
                (memcmp(w + st - 2, "iv", 2) == 0 && !xhead_kind(w, n, &plural)))
                return st;
        }
    }
    return 0;
}

/* feminine_noun: the folded noun f[0..n) ends in a suffix of feminine
 * nouns in the singular ("-ung", "-heit", "-keit", "-schaft", "-tion",
 * "-taet"). */
static int feminine_noun(const char *f, size_t n)
{
    static const char *const suf[] = {"ung", "heit", "keit", "schaft", "tion", "taet", NULL};
    for (size_t i = 0; suf[i]; i++) {
        size_t l = strlen(suf[i]);
        if (n > l + 2 && memcmp(f + n - l, suf[i], l) == 0)
            return 1;
    }
    return 0;
}

/* nominative: "Bayerischen KI-Rates" -> "Bayerischer KI-Rat", "Hessische
 * Zentrum für ..." -> "Hessisches Zentrum für ...": adjectives of a clear
 * pattern before a head noun take the ending of the nominative without
 * article (by the head's gender), the head loses a genitive -s/-es. NULL
 * if the title has no such form or is in it already. */
char *xnominative(const char *t)
{
    size_t n = strlen(t), pos = 0, stems[4], ends[4], na = 0;
    while (na < 4) {
        const char *sp = memchr(t + pos, ' ', n - pos);
        size_t e = sp ? (size_t)(sp - t) : n, st = adj_stem(t + pos, e - pos);
        if (!st)
            break;
        if (!sp)
            return NULL;
        stems[na] = pos + st;
        ends[na++] = e;
        pos = e + 1;
    }
    if (!na || na == 4)
        return NULL;
    size_t he = pos;
    while (he < n && t[he] != ' ')
        he++;
    sbuf f = SBUF_INIT;
    xfold(&f, t + pos, he - pos);
    int plural = 0;
    char g = 0;
    size_t gen = 0;
    const char *kind = f.len >= 2 ? xhead_kind_gender(f.s, f.len, &plural, &g, &gen) : NULL;
    int fem = feminine_noun(f.s, f.len); /* of this word, before f holds the next */
    if (!kind && he < n && t[pos] >= 'A' && t[pos] <= 'Z') {
        /* "Internationale Leibniz Zukunftslabor": a name word between the
         * adjective and its head */
        size_t p2 = he + 1, e2 = p2;
        while (e2 < n && t[e2] != ' ')
            e2++;
        sbuf_reset(&f);
        xfold(&f, t + p2, e2 - p2);
        kind = f.len >= 2 ? xhead_kind_gender(f.s, f.len, &plural, &g, &gen) : NULL;
        if (kind)
            he = e2, pos = p2;
    }
    if (!kind && fem)
        kind = "", g = 'f'; /* "Intelligenten Videobeobachtung": no head, but its gender */
    sbuf_free(&f);
    if (!kind || plural || g == 'p' || (gen && g == 'f'))
        return NULL;
    const char *ending = g == 'm' ? "er" : g == 'n' ? "es" : "e";
    sbuf o = SBUF_INIT;
    size_t at = 0;
    for (size_t k = 0; k < na; k++) {
        sbuf_add(&o, t + at, stems[k] - at);
        sbuf_adds(&o, ending);
        at = ends[k];
    }
    sbuf_add(&o, t + at, he - gen - at);
    sbuf_adds(&o, t + he);
    if (strcmp(o.s, t) == 0) {
        sbuf_free(&o);
        return NULL;
    }
    return sbuf_take(&o);
}

/* Handlungsfelder: slug and the folded words that speak of it. */
typedef struct rule {
    const char *slug;
    const char *words[10];
} rule;

static const rule field_rules[] = {
    {"forschung", {"forschung", "wissenschaft", "professur"}},
    {"innovationswettbewerbe", {"wettbewerb", "cluster"}},
    {"transfer", {"transfer", "mittelstand", "kmu", "unternehmen"}},
    {"gruendungen", {"gruendung", "start-up", "startup", "gruender"}},
    {"arbeitswelt", {"arbeitswelt", "arbeitsmarkt", "beschaeftigte", "arbeitsprozess"}},
    {"ausbildung",
     {"ausbildung", "weiterbildung", "fortbildung", "lehrkraefte", "studium", "studieng",
      "lehrangebot", "qualifizierung", "schulung", "fachkraefte"}},
    {"verwaltung", {"verwaltung", "behoerde", "polizei", "kriminal", "steuer", "hoheitlich"}},
    {"daten",
     {"dateninfrastruktur", "datenplattform", "datennutzung", "rechenzentrum", "supercomputer",
      "gaia-x", "datenanalyse", "datenraum"}},
    {"ordnungsrahmen",
     {"regulierung", "ai act", "ai-act", "rechtssicherheit", "ethik", "ordnungsrahmen",
      "compliance", "sandbox", "ki-verordnung", "regulator"}},
    {"standards", {"normung", "standardisierung", "zertifizierung", "normen und standards"}},
    {"vernetzung", {"vernetzung", "netzwerk", "international", "europaeisch", "kooperation"}},
    {"dialog", {"buergerinnen", "gesellschaft", "dialog", "oeffentlichkeit"}},
};

static const rule target_rules[] = {
    {"kmu", {"kmu", "mittelstand", "kleine und mittlere", "kleinen und mittleren"}},
    {"wirtschaft", {"unternehmen", "industrie", "wirtschaft"}},
    {"startups", {"start-up", "startup", "gruender", "existenzgruend"}},
    {"forschung",
     {"forschungseinrichtung", "forschende", "wissenschaftler", "forschungsakteure",
      "forschungsgruppe"}},
    {"hochschulen", {"hochschule", "universitaet"}},
    {"studierende", {"studierende", "studium", "studieng"}},
    {"schulen", {"schule", "lehrkraefte", "unterricht"}},
    {"verwaltung", {"verwaltung", "behoerde"}},
    {"kommunen", {"kommune", "kommunal", "gemeinden"}},
    {"justiz", {"polizei", "justiz", "kriminal", "tatort", "strafverfolg"}},
    {"gesundheit", {"gesundheit", "pflege", "medizin", "klinik", "patient"}},
    {"fachkraefte",
     {"beschaeftigte", "fachkraefte", "mitarbeiterinnen", "mitarbeitende", "erwerbstaetige"}},
    {"oeffentlichkeit", {"buergerinnen", "oeffentlichkeit", "bevoelkerung", "zivilgesellschaft"}},
};

static int has_slug(const json_t *a, const char *slug)
{
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) if (strcmp(json_string_value(v), slug) == 0) return 1;
    return 0;
}

/* The words of both tables in one pass over the text: pat_first[b] is the
 * first word whose first two bytes are b (as a 16-bit number), pat_next[k]
 * the next one after word k; a word knows its table and rule. Most
 * positions of a text begin no word at all, so one table look-up each is
 * all they cost (a strstr per word over the text was a hot spot). */
enum {
    NFIELD = sizeof field_rules / sizeof field_rules[0],
    NTARGET = sizeof target_rules / sizeof target_rules[0],
    MAXPAT = 10 * (NFIELD + NTARGET) /* every word of every rule */
};

typedef struct pat {
    const char *w;
    unsigned short len, rule; /* rule: index in field_rules, or NFIELD + index in target_rules */
} pat;

static pat pats[MAXPAT];
static unsigned short npats, pat_next[MAXPAT], pat_first[65536];
static pthread_once_t pat_once = PTHREAD_ONCE_INIT;

static void add_pats(const rule *r, size_t nr, unsigned short base)
{
    for (size_t k = 0; k < nr; k++)
        for (size_t w = 0; w < 10 && r[k].words[w]; w++)
            pats[npats++] = (pat){r[k].words[w], (unsigned short)strlen(r[k].words[w]),
                                  (unsigned short)(base + k)};
}

static void build_pats(void)
{
    add_pats(field_rules, NFIELD, 0);
    add_pats(target_rules, NTARGET, NFIELD);
    for (size_t b = 0; b < 65536; b++)
        pat_first[b] = MAXPAT;
    for (size_t k = npats; k-- > 0;) {
        if (pats[k].len < 3)
            abort(); /* the scan compares the third byte first */
        unsigned b = (unsigned char)pats[k].w[0] << 8 | (unsigned char)pats[k].w[1];
        pat_next[k] = pat_first[b];
        pat_first[b] = (unsigned short)k;
    }
}

/* apply: the slugs of rules r[0..nr) whose words were seen, in the
 * order of the rules, to out. */
static void apply(const unsigned char *seen, const rule *r, size_t nr, json_t *out)
{
    for (size_t k = 0; k < nr; k++)
        if (seen[k] && !has_slug(out, r[k].slug))
            json_array_append_new(out, json_string(r[k].slug));
}

void xclassify(const char *text, size_t n, json_t *fields, json_t *targets)
{
    pthread_once(&pat_once, build_pats);
    _Static_assert(NFIELD + NTARGET <= 64, "the rules fit seen[]");
    sbuf b = SBUF_INIT;
    xfold(&b, text, n);
    const char *f = sbuf_cstr(&b);
    unsigned char seen[64] = {0};
    for (size_t i = 0; i + 1 < b.len; i++) {
        unsigned bg = (unsigned char)f[i] << 8 | (unsigned char)f[i + 1];
        for (unsigned k = pat_first[bg]; k < MAXPAT; k = pat_next[k])
            if (!seen[pats[k].rule] && pats[k].len <= b.len - i && f[i + 2] == pats[k].w[2] &&
                memcmp(f + i, pats[k].w, pats[k].len) == 0)
                seen[pats[k].rule] = 1;
    }
    if (fields)
        apply(seen, field_rules, NFIELD, fields);
    if (targets)
        apply(seen + NFIELD, target_rules, NTARGET, targets);
    sbuf_free(&b);
}

const char *xfield_slug(int i)
{
    size_t n;
    const entry_term *t = entry_vocab(ENTRY_VOCAB_FIELD, &n);
    return i >= 0 && (size_t)i < n ? t[i].slug : NULL;
}
