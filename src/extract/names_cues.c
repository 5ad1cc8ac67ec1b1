/* names_cues.c: what the words around a name say about it, for
 * names.c: whether it is a party, a person's office, money's source, a
 * portfolio, a strategy of the text's own, a founded institute, a place
 * where another thing is, and the like. Each test reads the words of one
 * sentence (names_words.c) and decides nothing on its own: names.c
 * weighs them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/geo.h"
#include "extract/extract_int.h"
#include "util/text.h"
#include "util/xalloc.h"

/* adjective_like: a lower-case word with an adjective ending. */
int xn_adjective_like(const char *s, const xword *w)
{
    size_t n = w->b - w->a;
    if (n < 4 || !xis_lower_at(s, w->b, w->a))
        return 0;
    /* words of joining and comparing that end like one: "Distr@l sowie
     * der AI Quality & Testing Hub (AIQ)" are two names */
    static const char *const joins[] = {"sowie", "beziehungsweise", "ebenso", "aber", "ohne",
                                        "gegenüber", "wie", "oder", "jedoch", "sondern",
                                        /* verbs that end alike: "sollen neue ..." */
                                        "sollen", "werden", "können", "müssen", "wollen", "haben",
                                        "wurden", "würden", NULL};
    if (xw_in_list(s, w, joins))
        return 0;
    const char *e = s + w->b;
    return e[-1] == 'e' || (n > 4 && (memcmp(e - 2, "en", 2) == 0 || memcmp(e - 2, "er", 2) == 0 ||
                                      memcmp(e - 2, "es", 2) == 0));
}

/* party: s[a..b) is the abbreviation of a political party, said after a
 * person's name. */
int xn_party(const char *s, size_t a, size_t b)
{
    static const char *const parties[] = {
        "CDU",    "CSU",    "SPD",    "FDP",     "AfD",     "BSW",    "SSW", "Grüne",
        "GRÜNE",  "Grünen", "GRÜNEN", "Linke",   "LINKE",   "LINKEN", "FW",  "CDU/CSU",
        "FREIEN", "FREIE",  "WÄHLER", "WÄHLERN", "BÜNDNIS", NULL};
    /* an office said in short, alone or with its Land: "(CIO MV)", "(MdL)" */
    static const char *const offices[] = {"CIO", "CDO", "CEO", "CTO", "MdL", "MdB", "MdEP", NULL};
    for (const char *const *q = parties; *q; q++)
        if (strlen(*q) == b - a && memcmp(s + a, *q, b - a) == 0)
            return 1;
    for (const char *const *q = offices; *q; q++) {
        size_t l = strlen(*q);
        if (l <= b - a && memcmp(s + a, *q, l) == 0 && (l == b - a || s[a + l] == ' '))
            return 1;
    }
    return 0;
}

/* person_title: the word is an office or title said before a person's
 * name: "Wirtschaftsministerin", "Ministerpräsident", "Staatssekretär",
 * "Prof.", "Dr."; a name that begins with it names a person. */
int xn_person_title(const char *s, const xword *w)
{
    size_t n = w->te - w->a;
    if ((n == 5 && memcmp(s + w->a, "Prof.", 5) == 0) ||
        (n == 3 && memcmp(s + w->a, "Dr.", 3) == 0))
        return 1;
    static const char *const ends[] = {
        "minister",         "ministerin",   "präsident",   "präsidentin", "staatssekretär",
        "staatssekretärin", "beauftragter", "beauftragte", "senator",     "senatorin",
        "abgeordnete",      "abgeordneten", NULL};
    size_t l = w->b - w->a;
    for (const char *const *q = ends; *q; q++) {
        size_t e = strlen(*q);
        if (l >= e && memcmp(s + w->b - e, *q, e) == 0 &&
            (l == e || xis_lower_at(s, w->b, w->b - e) || s[w->b - e - 1] == '-'))
            return 1;
        /* the capitalised form standing alone ("Ministerin") */
        if (l == e && (unsigned char)s[w->a] == (unsigned char)((*q)[0] - 32) &&
            memcmp(s + w->a + 1, *q + 1, e - 1) == 0)
            return 1;
    }
    return 0;
}

/* foreign_source: the name from w[j] on is money's source of the EU or
 * the Bund ("aus dem Europäischen Fonds für regionale Entwicklung"):
 * not an activity of the Land whose text names it. */
int xn_foreign_source(const char *s, const xword *w, size_t j)
{
    size_t q = j;
    /* "aus Mitteln des bremischen EFRE Programms" */
    while (q > 0 && j - q < 3 && !w[q - 1].punct &&
           (xw_in_list(s, &w[q - 1], xn_articles) || xn_adjective_like(s, &w[q - 1])))
        q--;
    size_t n = w[j].b - w[j].a;
    /* "vom Europäischen Fonds für Regionale Entwicklung gefördert": the
     * EU's fund as the funder */
    if (q > 0 && (xw_eq(s, &w[q - 1], "vom") || xw_eq(s, &w[q - 1], "von")) && n >= 10 &&
        memcmp(s + w[j].a, "Europäisch", 10) == 0)
        return 1;
    if (!(q > 0 && (xw_eq(s, &w[q - 1], "aus") || xw_eq(s, &w[q - 1], "Mitteln"))))
        return 0;
    return (n >= 10 && memcmp(s + w[j].a, "Europäisch", 10) == 0) ||
           (n >= 2 && memcmp(s + w[j].a, "EU", 2) == 0) ||
           (n >= 4 && memcmp(s + w[j].a, "EFRE", 4) == 0) ||
           (n >= 3 && memcmp(s + w[j].a, "ESF", 3) == 0) ||
           (n >= 5 && memcmp(s + w[j].a, "Bundes", 5) == 0);
}

int xn_article_near(const char *s, const xword *w, size_t i)
{
    /* a preposition with the article in it: "Zum KI-Kongress der ..." */
    static const char *const fused[] = {"zum", "Zum", "zur", "Zur", "beim", "Beim", "vom",
                                        "Vom", "im",  "Im",  "am",  "Am",   NULL};
    for (size_t k = i; k > 0 && i - k < 4; k--) {
        if (w[k - 1].punct)
            return 0;
        if (xw_in_list(s, &w[k - 1], xn_articles) || xw_in_list(s, &w[k - 1], fused))
            return 1;
    }
    return 0;
}

/* Whom an offer is for: "Anlaufstelle für Unternehmen" describes, it
 * does not name. */
static const char *const audiences[] = {
    "Unternehmen", "Kommunen",     "Bürger",        "Bürgerinnen", "Beschäftigte", "Startups",
    "Start-ups",   "KMU",          "Studierende",   "Schulen",     "Schüler",      "Lehrkräfte",
    "Verwaltung",  "Gründer",      "Gründerinnen",  "Gründende",   "Hochschulen",  "Forschende",
    "Wirtschaft",  "Unternehmern", "Unternehmerin", "Mittelstand", "Fachkräfte",   NULL};

/* upper_word: two or more capitals and nothing else ("TU", "DLR"). */
static int upper_word(const char *s, const xword *w)
{
    if (w->b - w->a < 2)
        return 0;
    for (size_t i = w->a; i < w->b; i++)
        if (!(s[i] >= 'A' && s[i] <= 'Z'))
            return 0;
    return 1;
}

/* purpose_only: a plain head, "zur"/"zum" and a deverbal noun ("ein
 * Zentrum zur Entwicklung neuer Lernangebote", "die Plattform zur
 * Erstellung von Lernmaterialien") says what a thing is for; no word of
 * w[i..k] is a name in capitals and none up to the end of the clause
 * speaks of AI ("Förderprogramm zur Einführung und Implementierung von
 * generativen KI-Tools" is named by its AI purpose). */
static int purpose_only(const char *s, const xword *w, size_t nw, size_t i, size_t k)
{
    for (size_t q = k + 1; q < nw && !w[q - 1].punct; q++)
        if (xn_sentence_ai(s, &w[q], 1))
            return 0;
    if (k < i + 2 || w[i].compound || !(xw_eq(s, &w[i + 1], "zur") || xw_eq(s, &w[i + 1], "zum")))
        return 0;
    size_t l = w[i + 2].b - w[i + 2].a;
    if (l < 6 || memcmp(s + w[i + 2].b - 3, "ung", 3) != 0)
        return 0;
    for (size_t q = i; q <= k; q++)
        if (w[q].allcaps || w[q].compound || xn_sentence_ai(s, &w[q], 1))
            return 0;
    /* "Zentrum zur Erforschung Lernender Systeme": a capitalised adjective
     * before a noun makes the field a proper name */
    for (size_t q = i + 3; q < k; q++)
        if (w[q].cap && !w[q].punct && w[q + 1].cap && w[q].b - w[q].a > 3 &&
            (memcmp(s + w[q].b - 2, "er", 2) == 0 || memcmp(s + w[q].b - 2, "en", 2) == 0 ||
             memcmp(s + w[q].b - 2, "es", 2) == 0 || s[w[q].b - 1] == 'e'))
            return 0;
    return 1;
}

/* described_only: the name w[j..k] with its head at w[i] is only a head
 * and what it is for (purpose_only), whom it serves ("Anlaufstelle für
 * Unternehmen"), whose office it is, where it is ("ein Projekt in
 * Heilbronn"), who made it ("die Cloud von STACKIT"), or a unit of an
 * organisation named by its abbreviation ("Zentrum für
 * Leichtbauproduktionstechnologie des DLR": an institute of the DLR). */
int xn_described_only(const char *s, const xword *w, size_t nw, size_t j, size_t i, size_t k)
{
    if (j == i && purpose_only(s, w, nw, i, k))
        return 1;
    /* "die Geschäftsstelle von KI.NRW", "des Zentrum Digitalisierung.Bayern":
     * the office of a thing named after it */
    if (j == i && k >= i + 2 && w[i].b - w[i].a >= 16 &&
        memcmp(s + w[i].a, "Geschäftsstelle", 16) == 0 &&
        (xw_eq(s, &w[i + 1], "des") || xw_eq(s, &w[i + 1], "der") || xw_eq(s, &w[i + 1], "von")))
        return 1;
    if (j == i && k == i + 2 && xw_eq(s, &w[i + 1], "für") && xw_in_list(s, &w[k], audiences) &&
        !w[i].compound)
        return 1;
    if (k >= j + 2 && (xw_eq(s, &w[k - 1], "des") || xw_eq(s, &w[k - 1], "der")) && w[k].allcaps &&
        !w[k].hk && k > i)
        return 1;
    if (j == i && k >= i + 2 && !w[i].compound && xw_eq(s, &w[i + 1], "vom"))
        return 1; /* "der digitale Assistent vom GovTech-Startup": its maker */
    /* "ein Projekt in Heilbronn", "das Pilotprojekt in RLP": where, not
     * which */
    static const char *const plain[] = {
        "Projekt", "Projekts", "Pilotprojekt", "Pilotprojekts", "Vorhaben", "Modellprojekt", NULL};
    if (j == i && k == i + 2 && xw_in_list(s, &w[i], plain) && xw_eq(s, &w[i + 1], "in"))
        return 1;
    if (j == i && k == i + 2 && !w[i].compound && xw_eq(s, &w[i + 1], "von") && w[k].allcaps &&
        !xw_eq(s, &w[k], "KI"))
        return 1; /* "die Cloud von STACKIT": its maker's */
    /* "die Initiative des Bundes zur Einrichtung ...": a head and whose
     * ("Bildungsserver des Landes Sachsen-Anhalt" goes on to a name) */
    if (j == i && k >= i + 2 && !w[i].compound && xw_eq(s, &w[i + 1], "des") &&
        (k == i + 2 || !w[i + 3].cap) &&
        (xw_eq(s, &w[i + 2], "Bundes") || xw_eq(s, &w[i + 2], "Landes") ||
         xw_eq(s, &w[i + 2], "Freistaates") || xw_eq(s, &w[i + 2], "Freistaats")))
        return 1;
    /* "das Projekt der TU Darmstadt": a head and whose it is ("die
     * KI-Mobilitätsinitiative der TH Ingolstadt" is named by its compound) */
    /* ... "auf dem Campus der Technischen Universität Berlin" too ("der
     * Aufbau einer Außenstelle des Deutschen Forschungszentrums" is new) */
    static const char *const def[] = {"der", "die", "das", "dem", "den", NULL};
    int adj_org =
        k >= i + 3 && i > 0 && xw_in_list(s, &w[i - 1], def) && !w[i + 2].punct && w[i + 3].org &&
        (memcmp(s + w[i + 2].b - 2, "en", 2) == 0 || memcmp(s + w[i + 2].b - 2, "er", 2) == 0);
    return j == i && k >= i + 2 && !w[i].compound &&
           (xw_eq(s, &w[i + 1], "des") || xw_eq(s, &w[i + 1], "der")) &&
           (w[i + 2].org || (upper_word(s, &w[i + 2]) && !xw_eq(s, &w[i + 2], "KI")) || adj_org);
}

/* place_genitive: the word is the genitive of Europe, Germany or a Land
 * ("Europas", "Deutschlands", "Bayerns"). */
static int place_genitive(const char *s, const xword *w)
{
    size_t l = w->b - w->a;
    if (l < 4 || l > 40 || s[w->b - 1] != 's' || w->punct)
        return 0;
    char t[48];
    memcpy(t, s + w->a, l - 1);
    t[l - 1] = '\0';
    return strcmp(t, "Europa") == 0 || strcmp(t, "Deutschland") == 0 || geo_land_find(t) != NULL;
}

/* predicative: the name from w[j] on follows "ist eine" or the like
 * ("Das Forum ist eine jährliche Highlevel-Konferenz für ..."): it says
 * what the subject is and names nothing new. */
int xn_predicative(const char *s, const xword *w, size_t j)
{
    static const char *const copula[] = {"ist",   "sind",   "war",    "waren", "wird",
                                         "wurde", "bleibt", "bildet", NULL};
    size_t q = j;
    while (q > 0 && j - q < 4 && !w[q - 1].punct && !xw_in_list(s, &w[q - 1], xn_indefinite) &&
           xn_adjective_like(s, &w[q - 1]))
        q--;
    /* "Begleitend vorgesehen ist ein Beirat ...": a participle before the
     * verb makes it a passive that introduces the thing */
    static const char *const planned[] = {"vorgesehen", "geplant",      "beabsichtigt",
                                          "angedacht",  "eingerichtet", "gegründet",
                                          "Vorgesehen", "Geplant",      NULL};
    if (q >= 3 && xw_in_list(s, &w[q - 3], planned))
        return 0;
    /* "entwickelt sich Schleswig-Holstein als Kraftzentrum für ...",
     * "soll sich als führendes Zentrum der KI-Forschung etablieren": what
     * the subject becomes (after adjectives only a bare head: "als neues
     * KI-Reallabor Oldenburg" may name it) */
    if (q >= 1 && xw_eq(s, &w[q - 1], "als") && (q == j || (w[j].hk && !w[j].compound)))
        return 1;
    /* "um Berlin zu einem dauerhaften Zentrum der KI-Forschung
     * auszubauen": what something is made into */
    /* ... "zu einem international führenden Zentrum der KI-Forschung" */
    for (size_t z = q; w[j].hk && !w[j].compound && z >= 2 && q - z < 3; z--) {
        if (xw_eq(s, &w[z - 2], "zu") &&
            (xw_eq(s, &w[z - 1], "einem") || xw_eq(s, &w[z - 1], "einer")))
            return 1;
        if (w[z - 1].cap || w[z - 1].punct)
            break;
    }
    /* "wir sind Europas Zentrum für Künstliche Intelligenz": a claim */
    if (q == j && q >= 1 && xw_in_list(s, &w[q - 1], copula) && place_genitive(s, &w[j]))
        return 1;
    return q >= 2 && xw_in_list(s, &w[q - 1], xn_indefinite) && xw_in_list(s, &w[q - 2], copula);
}

int xn_asked(const char *s, const xword *w, size_t nw, size_t j)
{
    if (nw == 0 || w[nw - 1].te == 0 || s[w[nw - 1].te - 1] != '?')
        return 0;
    size_t q = j;
    while (q > 0 && j - q < 3 && !w[q - 1].punct && !xw_in_list(s, &w[q - 1], xn_indefinite) &&
           xn_adjective_like(s, &w[q - 1]))
        q--;
    return q >= 1 && xw_in_list(s, &w[q - 1], xn_indefinite);
}

/* names_ministers: s[a..b) speaks of ministers ("Konferenz der
 * Gleichstellungs- und Frauenministerinnen", "Digitalministerkonferenz"):
 * a body of the governments, not an activity. "interministeriell" is an
 * adjective of many activities and does not count. */
int xn_names_ministers(const char *s, size_t a, size_t b)
{
    if (b - a > 300)
        return 0;
    sbuf f = SBUF_INIT;
    xfold(&f, s + a, b - a);
    int yes = 0;
    for (const char *p = sbuf_cstr(&f); !yes && (p = strstr(p, "minister")); p += 8)
        yes = strncmp(p + 8, "iell", 4) != 0;
    /* the standing conferences of Bund and Länder and of the rectors */
    yes |=
        strstr(f.s, "wissenschaftskonferenz") != NULL || strstr(f.s, "rektorenkonferenz") != NULL;
    sbuf_free(&f);
    return yes;
}

/* kind_before: the kind of a head noun (singular or plural) among the
 * three words before w[i] ("Sprachmodelle, u.a. LeoLM"); NULL if none. */
const char *xn_kind_before(const char *s, const xword *w, size_t i)
{
    int plural;
    for (size_t k = i; k > 0 && i - k < 3; k--) {
        const char *hk = xn_head_of(s, &w[k - 1], &plural);
        if (hk)
            return hk;
        /* "das auf drei Jahre angelegte Vorhaben thurAI": a plan, too
         * common a word to be a head, names what follows it */
        static const char vh[] = "orhaben";
        size_t l = sizeof vh - 1, n = w[k - 1].b - w[k - 1].a;
        if (n > l && memcmp(s + w[k - 1].b - l, vh, l) == 0)
            return "project";
    }
    return NULL;
}

/* apposition: the name from w[j] on follows a dash after another name
 * ("„ThEx Wirtschaft 4.0“ – Thüringer Kompetenzzentrum für ..."): it is
 * that one's second name. */
int xn_apposition(const char *s, const xword *w, size_t j, size_t i, size_t e, const xnames *r)
{
    static const char *const arts[] = {"das", "der", "die", NULL};
    size_t at = SIZE_MAX;
    if (j >= 2 && (xw_eq(s, &w[j - 1], "–") || xw_eq(s, &w[j - 1], "-")))
        at = j - 2;
    /* "der KI-Allianz – die Initiative zur Bündelung ..." */
    else if (j >= 3 && xw_in_list(s, &w[j - 1], arts) &&
             (xw_eq(s, &w[j - 2], "–") || xw_eq(s, &w[j - 2], "-")))
        at = j - 3;
    /* "an hessian.AI, das hessische Zentrum für ...", "für TOPAS, das
     * Transferzentrum für ...": an article and a head after a name and
     * its comma rename it */
    size_t q = j;
    while (q > 0 && j - q < 2 && xn_adjective_like(s, &w[q - 1]) && !w[q - 1].punct)
        q--;
    /* not an item of a list of names: "hessian.AI, das Förderprogramm
     * Distr@l sowie ..." (the head and a name of its own) */
    /* "Startschuss für KI.SH: Das Netzwerk für gebündelte Expertise":
     * after a colon the same, with the article in capitals */
    static const char *const caps[] = {"Das", "Der", "Die", NULL};
    if (at == SIZE_MAX && q >= 2 && w[q - 2].punct && w[q - 2].te > w[q - 2].b && e > i &&
        xw_in_list(s, &w[i + 1], xn_connectors) &&
        ((s[w[q - 2].te - 1] == ',' && xw_in_list(s, &w[q - 1], arts)) ||
         (s[w[q - 2].te - 1] == ':' && xw_in_list(s, &w[q - 1], caps))))
        at = q - 2;
    if (at == SIZE_MAX)
        return 0;
    /* "an hessian.AI übergeben, das hessische Zentrum ...": a participle
     * or verb may end the clause after the name */
    for (size_t back = 0; back < 3 && at + 1 > back; back++) {
        size_t x = at - back;
        if (back > 0 && (w[x + 1].cap || w[x].punct))
            break;
        for (size_t k = 0; k < r->n; k++)
            if (!r->v[k].org && r->v[k].b == w[x].b)
                return 1;
    }
    return 0;
}

/* Participles of making a plan or strategy. */
static const char *const made_plan[] = {
    "veröffentlicht",  "beschlossen", "verabschiedet", "vorgestellt", "entwickelt", "erarbeitet",
    "fortgeschrieben", "vorgelegt",   "aktualisiert",  "angekündigt", NULL};

int xn_made_participle(const char *s, const xword *w)
{
    if (w->cap || w->punct)
        return 0;
    size_t n = w->b - w->a;
    for (const char *const *m = made_plan; *m; m++) {
        size_t l = strlen(*m);
        if (n > l && memcmp(s + w->a, *m, l) == 0)
            return 1;
    }
    return 0;
}

/* own_strategy: the bare "KI-Strategie" or "Digitalstrategie" at w[i]
 * is the Land's own: "eine landeseigene KI-Strategie", "mit unserer
 * KI-Strategie", "der im Oktober 2023 veröffentlichten Digitalstrategie",
 * "das eine KI-Strategie entwickelt hat", "die KI-Strategie des Landes",
 * "zur Umsetzung der KI-Strategie" (round 10: people count it); not "die
 * europäische KI-Strategie", "eine KI-Strategie" only spoken of, or a
 * "Digitalstrategie" with an article alone. */
int xn_own_strategy(const char *s, const xword *w, size_t nw, size_t i)
{
    static const char *const owners[] = {
        "landeseigene", "landeseigenen", "eigene", "eigenen",     "unsere",       "unserer",
        "unseren",      "neue",          "neuen",  "seine",       "seiner",       "ihre",
        "ihrer",        "erste",         "ersten", "landesweite", "landesweiten", NULL};
    static const char *const foreign[] = {"europäische",  "europäischen", "nationale",
                                          "nationalen",   "Nationale",    "Europäische",
                                          "Europäischen", "Nationalen",   NULL};
    static const char *const definite[] = {"der", "die", "den", "dem", "Die", "Der", NULL};
    if (i > 0 && xw_in_list(s, &w[i - 1], foreign))
        return 0;
    /* "der ressortübergreifenden KI-Strategie": an adjective of how
     * between the article and the word (not of whose: "der chinesischen
     * KI-Strategie") */
    static const char *const how[] = {"ressortübergreifende",
                                      "ressortübergreifenden",
                                      "umfassende",
                                      "umfassenden",
                                      "ganzheitliche",
                                      "ganzheitlichen",
                                      "gemeinsame",
                                      "gemeinsamen",
                                      "fortgeschriebene",
                                      "fortgeschriebenen",
                                      "aktualisierte",
                                      "aktualisierten",
                                      NULL};
    size_t art = i; /* w[art - 1] is the article, if one is */
    if (i > 1 && !w[i - 1].punct && xw_in_list(s, &w[i - 1], how) &&
        (xw_in_list(s, &w[i - 2], definite) || xw_eq(s, &w[i - 2], "eine") ||
         xw_eq(s, &w[i - 2], "einer")))
        art = i - 1;
    if (i > 0 && (xw_in_list(s, &w[i - 1], owners)))
        return 1;
    /* a participle of making before it: "veröffentlichten" */
    if (i > 0 && xn_made_participle(s, &w[i - 1]))
        return 1;
    /* "Vorhaben zur Umsetzung der KI-Strategie": in a Land's or the
     * Bund's text, the strategy of AI with a definite article is its own,
     * unless an owner follows ("der KI-Strategie der EU") */
    if (art > 0 && xw_in_list(s, &w[art - 1], definite) && w[i].b - w[i].a > 3 &&
        memcmp(s + w[i].a, "KI-", 3) == 0 &&
        !(i + 1 < nw && !w[i].punct && (xw_eq(s, &w[i + 1], "der") || xw_eq(s, &w[i + 1], "des"))))
        return 2;
    /* "die KI-Strategie des Landes", "... der Landesregierung" */
    if (i + 2 < nw && (xw_eq(s, &w[i + 1], "des") || xw_eq(s, &w[i + 1], "der")) &&
        (xw_eq(s, &w[i + 2], "Landes") || xw_eq(s, &w[i + 2], "Freistaates") ||
         xw_eq(s, &w[i + 2], "Landesregierung") || xw_eq(s, &w[i + 2], "Staatsregierung") ||
         xw_eq(s, &w[i + 2], "Senats")))
        return 1;
    /* "in der KI-Strategie, die die Bundesregierung vergangenen November
     * vorgestellt hat": a relative clause whose agent is a government */
    if (i + 3 < nw && w[i].punct && s[w[i].b] == ',' &&
        (xw_eq(s, &w[i + 1], "die") || xw_eq(s, &w[i + 1], "welche"))) {
        int gov = 0;
        for (size_t k = i + 2; k < nw && k < i + 5 && !gov; k++)
            gov = xw_eq(s, &w[k], "Bundesregierung") || xw_eq(s, &w[k], "Landesregierung") ||
                  xw_eq(s, &w[k], "Staatsregierung");
        for (size_t k = i + 3; k < nw && k < i + 10 && gov; k++)
            if (xw_in_list(s, &w[k], made_plan))
                return 1;
    }
    /* "das eine KI-Strategie entwickelt hat": with an indefinite article
     * and a verb of making in the sentence */
    if (art > 0 && (xw_eq(s, &w[art - 1], "eine") || xw_eq(s, &w[art - 1], "einer")))
        for (size_t k = i + 1; k < nw && k < i + 8; k++)
            if (xw_in_list(s, &w[k], made_plan) ||
                (xw_eq(s, &w[k], "Weg") && k + 1 < nw && xw_eq(s, &w[k + 1], "gebracht")))
                return 1; /* "auf den Weg gebracht" */
    return 0;
}

/* digit_inside: the word has a digit between letters ("GPU4GenAI",
 * "KI4KMU"), not a number with a unit ("5G") or a year. */
int xn_digit_inside(const char *s, const xword *w)
{
    for (size_t i = w->a + 1; i + 1 < w->b; i++)
        if (xw_is_digit(s[i]) && !xw_is_digit(s[i - 1]) && !xw_is_digit(s[i + 1]) &&
            s[i - 1] != '-' && s[i + 1] != '-' && s[i + 1] != '.')
            return 1;
    return 0;
}

/* dotted_coin: the word is a coined name of two parts joined by a dot,
 * one of them in capitals ("hessian.AI", "KI.NRW", "AICE.NRW"): not an
 * abbreviation ("z.B."), a number or a web address ("bmbf.de"). */
int xn_dotted_coin(const char *s, const xword *w)
{
    const char *d = memchr(s + w->a, '.', w->b - w->a);
    if (!d || memchr(d + 1, '.', (size_t)(s + w->b - d - 1)))
        return 0;
    size_t l = (size_t)(d - (s + w->a)), r = (size_t)(s + w->b - d - 1);
    if (l < 2 || r < 2)
        return 0;
    int lcaps = 1, rcaps = 1, letters = 1;
    for (size_t i = w->a; i < w->b; i++) {
        char c = s[i];
        if (c == '.')
            continue;
        int up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
        letters &= up || low || c == '-' || (unsigned char)c >= 0x80;
        if (s + i < d)
            lcaps &= up || c == '-';
        else
            rcaps &= up || c == '-';
    }
    /* "SR.DE", "land.nrw": a web address without its scheme */
    static const char *const tlds[] = {"de", "DE", "com", "COM",  "org",
                                       "eu", "EU", "net", "info", NULL};
    for (const char *const *t = tlds; *t; t++)
        if (strlen(*t) == r && memcmp(d + 1, *t, r) == 0)
            return 0;
    return letters && (lcaps || rcaps);
}

/* portfolio: the name from w[j] on is what a minister or ministry is for
 * ("Ministerin für Digitale Strategie und Entwicklung"): the name of an
 * office, not an activity. */
int xn_portfolio(const char *s, const xword *w, size_t j)
{
    if (j < 2 || !xw_eq(s, &w[j - 1], "für"))
        return 0;
    const xword *o = &w[j - 2];
    static const char *const offices[] = {"ministerium", "ministeriums", "Ministerium", "Behörde",
                                          NULL};
    size_t n = o->b - o->a;
    if (xn_person_title(s, o) || xw_in_list(s, o, offices))
        return 1;
    for (const char *const *q = offices; *q; q++) {
        size_t l = strlen(*q);
        if (n > l && memcmp(s + o->b - l, *q, l) == 0)
            return 1;
    }
    return 0;
}

/* land_adjective: the word is a Land's adjective ("hessische"). */
int xn_land_adjective(const char *s, const xword *w, sbuf *tmp)
{
    sbuf_reset(tmp);
    xfold(tmp, s + w->a, w->b - w->a);
    return xadj_land(tmp->s, tmp->len) != NULL;
}

int xn_ki_adjective(const char *s, const xword *w)
{
    size_t n = w->b - w->a;
    if (n < 7 || memcmp(s + w->a, "KI-", 3) != 0 || !xis_lower_at(s, w->b, w->a + 3))
        return 0;
    const char *e = s + w->b;
    return e[-1] == 'e' || memcmp(e - 2, "en", 2) == 0 || memcmp(e - 2, "er", 2) == 0 ||
           memcmp(e - 2, "es", 2) == 0;
}

/* decided_thing: the bare compound head w[i] names the thing a text
 * reports on, though no capital word names it: after a Land's adjective
 * ("das nordrhein-westfälische Rückkehrprogramm"), or with an indefinite
 * article and a verb of deciding or starting in the sentence ("hat ein
 * Maßnahmenpaket zur Stärkung ... beschlossen", "haben eine
 * Kooperationsvereinbarung unterzeichnet", "Mit einer neuen
 * Sonderausschreibung ... unterstützt das Land"). A short word ("ein
 * Programm", "eine Arbeitsgruppe") is too general. */
/* sentence_ai: the sentence w[0..nw) speaks of AI ("KI", "KI-...",
 * "...-KI", "Künstliche Intelligenz"). */
int xn_sentence_ai(const char *s, const xword *w, size_t nw)
{
    int ai = 0;
    for (size_t k = 0; k < nw && !ai; k++) {
        size_t l = w[k].b - w[k].a;
        ai = (l >= 2 && memcmp(s + w[k].a, "KI", 2) == 0) ||
             (l >= 10 && (memcmp(s + w[k].a, "Künstlich", 10) == 0 ||
                          memcmp(s + w[k].a, "künstlich", 10) == 0)) ||
             (l >= 11 && memcmp(s + w[k].a, "Intelligenz", 11) == 0);
        for (size_t c = w[k].a; c + 3 <= w[k].b && !ai; c++)
            ai = memcmp(s + c, "-KI", 3) == 0;
    }
    return ai;
}

int xn_decided_thing(const char *s, const xword *w, size_t nw, size_t i, sbuf *tmp)
{
    static const char *const decide[] = {
        "beschlossen", "beschließt",   "beschloss",     "unterzeichnet", "unterzeichneten",
        "gestartet",   "startet",      "aufgelegt",     "ausgelobt",     "eingerichtet",
        "unterstützt", "vorgestellt",  "verabschiedet", "entwickelt",    "entwickelte",
        "entstehen",   "entsteht",     "gegründet",     "errichtet",     "aufgebaut",
        "vorgesehen",  "unterstützen", "fördern",       "geplant",       "Geplant",
        NULL};
    if (i == 0 || w[i].b - w[i].a < 15 || w[i].popen || w[i].qopen)
        return 0;
    size_t q = i;
    while (q > 0 && i - q < 2 && !w[q - 1].punct && !xw_in_list(s, &w[q - 1], xn_indefinite) &&
           (xn_adjective_like(s, &w[q - 1]) || xn_ki_adjective(s, &w[q - 1]))) {
        if (xn_land_adjective(s, &w[q - 1], tmp))
            return q >= 2 && xw_in_list(s, &w[q - 2], xn_articles);
        q--;
    }
    if (q == 0 || !xw_in_list(s, &w[q - 1], xn_indefinite))
        return 0;
    /* only a thing of AI: the sentence speaks of it */
    if (!xn_sentence_ai(s, w, nw))
        return 0;
    /* the verb after the noun, or before it ("Begleitend vorgesehen ist
     * ein Beirat ...") */
    for (size_t k = q > 8 ? q - 8 : 0; k < nw && k < i + 32; k++)
        if (k != i && xw_in_list(s, &w[k], decide))
            return 1;
    return 0;
}

/* partitive: the plural at w[i] is a part of a set named elsewhere:
 * "zwei der nationalen KI-Kompetenzzentren", "eines der ...". */
int xn_partitive(const char *s, const xword *w, size_t i)
{
    size_t q = i;
    while (q > 0 && i - q < 2 && xn_adjective_like(s, &w[q - 1]))
        q--;
    return q >= 2 && (xw_eq(s, &w[q - 1], "der") || xw_eq(s, &w[q - 1], "den")) &&
           !w[q - 2].punct && !w[q - 2].cap;
}

/* research_org: the word is a research institution's head that a text
 * may found as an activity ("Institut", "Institute", "Forschungszentrum",
 * "Center"), not a university or a ministry. */
static int research_org(const char *s, const xword *w)
{
    sbuf f = SBUF_INIT;
    xfold(&f, s + w->a, w->b - w->a);
    const char *x = sbuf_cstr(&f);
    int yes = strstr(x, "institut") || strstr(x, "forschungszentrum") || strstr(x, "center") ||
              strstr(x, "centre") || strstr(x, "school");
    yes &= !strstr(x, "universitaet") && !strstr(x, "hochschule");
    sbuf_free(&f);
    return yes;
}

/* founded_org: the research institution named from w[j] (head at w[i])
 * is new, being founded: a new one ("ein KI Mission Institute ...
 * gegründet", "das neue Berlin Institute for ...") with a verb of
 * founding or merging in the sentence ("geht aus ... hervor"), one opened
 * now ("haben das Lamarr-Institut für ... eröffnet"), or "die Gründung
 * des Fraunhofer-Instituts für ...". An existing one named with "der",
 * "am", "von" is a carrier or a partner. */
int xn_founded_org(const char *s, const xword *w, size_t nw, size_t j, size_t i)
{
    static const char *const newly[] = {"ein",   "eine",  "einen", "einem", "eines",  "neue",
                                        "neuen", "neues", "neuer", "erste", "ersten", NULL};
    static const char *const found[] = {"Gründung", "Errichtung", "Einrichtung", "Aufbau", NULL};
    static const char *const verbs[] = {
        "gegründet",      "gründen",    "errichtet", "eingerichtet",
        "entsteht",       "entstehen",  "aufgebaut", "zusammengeführt",
        "zusammengelegt", "geschaffen", "hervor",    "hervorgegangen",
        "gestartet",      NULL};
    if (j == 0)
        return 0;
    /* "bei der zu gründenden Digitalagentur Sachsen" */
    if (xw_eq(s, &w[j - 1], "gründenden") || xw_eq(s, &w[j - 1], "gründende"))
        return 1;
    if (!research_org(s, &w[i]))
        return 0;
    size_t q = j;
    if (q >= 2 && (xw_eq(s, &w[q - 1], "des") || xw_eq(s, &w[q - 1], "eines")) &&
        xw_in_list(s, &w[q - 2], found))
        return 1;
    int fresh = 0;
    for (size_t k = q; k > 0 && q - k < 2 && !fresh; k--)
        fresh = xw_in_list(s, &w[k - 1], newly) && !w[k - 1].punct;
    /* "haben am Donnerstag das Lamarr-Institut für ... eröffnet": opened,
     * the participle ending the sentence with no other object before it
     * ("hat das Fraunhofer-Institut ... ein neues KI-Labor eröffnet") */
    static const char *const opened[] = {"eröffnet", "eingeweiht", NULL};
    if (!fresh && q >= 1 && nw > i + 1 && xw_in_list(s, &w[nw - 1], opened) &&
        (xw_eq(s, &w[q - 1], "das") || xw_eq(s, &w[q - 1], "die") || xw_eq(s, &w[q - 1], "den"))) {
        int object = 0;
        for (size_t k = i + 1; k + 1 < nw && !object; k++)
            object = xw_in_list(s, &w[k], xn_articles) || w[k].punct;
        if (!object)
            return 1;
    }
    if (!fresh)
        return 0;
    for (size_t k = 0; k < nw; k++) {
        if (!xw_in_list(s, &w[k], verbs))
            continue;
        if (!xw_eq(s, &w[k], "hervor"))
            return 1;
        for (size_t m = 0; m < nw; m++) /* "geht aus ... hervor", not "hob ... hervor" */
            if (xw_eq(s, &w[m], "aus"))
                return 1;
    }
    return 0;
}

/* ends_with: the word ends with the lower-case ASCII tail t
 * ("Forschungskooperationen", "Kooperation": "ooperation"). */
static int ends_with(const char *s, const xword *w, const char *t)
{
    size_t l = strlen(t);
    return w->b - w->a >= l && memcmp(s + w->b - l, t, l) == 0;
}

/* carrier: the name w[j..k] says where another thing is: "ein
 * ELLIS-Institut am Helmholtz Zentrum München" (after "am" or "beim" with
 * a name before it in the sentence), "von zwei im Digital Hub Industry
 * angesiedelten Projekten" — the host, an organisation, not an
 * activity. */
int xn_carrier(const char *s, const xword *w, size_t nw, size_t j, size_t k, const xnames *r)
{
    if (j == 0)
        return 0;
    /* "gemeinsam mit der Zukunftsagentur ...", "in Zusammenarbeit mit
     * dem ...": a partner */
    size_t c = j; /* "Forschungskooperationen mit dem inneruniversitären Zentrum" */
    if (c >= 4 && !w[c - 1].cap && !w[c - 1].punct && !xw_in_list(s, &w[c - 1], xn_articles) &&
        xn_adjective_like(s, &w[c - 1]))
        c--;
    if (c >= 3 && xw_in_list(s, &w[c - 1], xn_articles) && xw_eq(s, &w[c - 2], "mit") &&
        !w[c - 3].punct &&
        (xw_eq(s, &w[c - 3], "gemeinsam") || xw_eq(s, &w[c - 3], "Zusammenarbeit") ||
         ends_with(s, &w[c - 3], "ooperation") || ends_with(s, &w[c - 3], "ooperationen")))
        return 1;
    if (xw_eq(s, &w[j - 1], "am") || xw_eq(s, &w[j - 1], "beim")) {
        for (size_t m = 0; m < r->n; m++)
            if (r->v[m].a >= w[0].a && r->v[m].b <= w[j - 1].a && !r->v[m].org)
                return 1;
        return 0;
    }
    if ((xw_eq(s, &w[j - 1], "im") || xw_eq(s, &w[j - 1], "am")) && k + 1 < nw) {
        size_t l = w[k + 1].b - w[k + 1].a;
        return l >= 10 && memcmp(s + w[k + 1].a, "angesiedel", 10) == 0;
    }
    return 0;
}

/* xn_agent_before: the name from w[j] on follows "seitens" (with an article
 * or not): whoever acts there is an organisation. */
int xn_agent_before(const char *s, const xword *w, size_t j)
{
    size_t q = j;
    if (q > 0 && xw_in_list(s, &w[q - 1], xn_articles))
        q--;
    return q > 0 && xw_eq(s, &w[q - 1], "seitens");
}

int xn_member_of(const char *s, const xword *w, size_t j, size_t k)
{
    static const char *const members[] = {"Mitglied", "Mitglieder", "Vorsitzende", "Vorsitzender",
                                          NULL};
    if (j < 2 || !xw_in_list(s, &w[j - 1], xn_articles) || !xw_in_list(s, &w[j - 2], members) ||
        w[j - 2].punct)
        return 0;
    for (size_t q = j; q <= k; q++)
        if (xn_sentence_ai(s, &w[q], 1))
            return 0; /* "Mitglied der KI-Allianz Baden-Württemberg" */
    return 1;
}

int xn_created(const char *s, const xword *w, size_t nw)
{
    static const char *const made[] = {
        "eingerichtet", "geschaffen",     "einrichten", "schaffen",    "besetzt", "entstehen",
        "entstanden",   "ausgeschrieben", "Schaffung",  "Einrichtung", NULL};
    for (size_t k = 0; k < nw; k++)
        if (xw_in_list(s, &w[k], made))
            return 1;
    return 0;
}

/* chairs_of_named: the professorships at w[i] are created within a
 * programme the sentence names next ("112 neuen KI-Professuren über den
 * Wettbewerb ...", "22 neue KI-Professuren entstanden im Rahmen von
 * HTA-Einzelmaßnahmen"): a figure of that programme. */
int xn_chairs_of_named(const char *s, const xword *w, size_t nw, size_t i)
{
    for (size_t k = i + 1; k + 1 < nw && k <= i + 4; k++)
        if ((xw_eq(s, &w[k], "über") &&
             (xw_eq(s, &w[k + 1], "den") || xw_eq(s, &w[k + 1], "die"))) ||
            (xw_eq(s, &w[k], "im") && xw_eq(s, &w[k + 1], "Rahmen")))
            return 1;
    return 0;
}

/* definite_description: w[i..k], a bare head after a definite article
 * and words without a name in them ("das Netzwerk zum Startschuss vom
 * Land", "Der Innovationscampus für Künstliche Intelligenz und
 * Robotik"), describes; where an activity named before has that head,
 * it is that one again (propose_merge.c). */
int xn_definite_description(const char *s, const xword *w, size_t i, size_t k)
{
    static const char *const def[] = {"das", "der", "die", "dem", "den", "des", "Das",
                                      "Der", "Die", "Dem", "Den", "Des", NULL};
    int allc;
    if (i == 0 || w[i].compound || w[i - 1].punct || !xw_in_list(s, &w[i - 1], def))
        return 0;
    /* two capitalised words in a row are a proper name's ("Zukunftszentrum
     * Digitale Arbeit"), but for the field of AI itself */
    for (size_t q = i; q <= k; q++)
        if ((q > i && (w[q].qopen || w[q].popen || w[q].allcaps || w[q].camel ||
                       xw_is_digit(s[w[q].a]) || memchr(s + w[q].a, '/', w[q].b - w[q].a) ||
                       (xw_name_like(s, &w[q], &allc) && !w[q].cap))) ||
            (q < k && w[q].cap && w[q + 1].cap && !w[q].punct && !xw_eq(s, &w[q], "Künstliche")))
            return 0;
    return 1;
}

size_t xn_owned_strategy(const char *s, const xword *w, size_t nw, size_t i)
{
    /* "in der KI-Strategie der Bundesregierung", "Beitrag zur
     * KI-Strategie der Bundesregierung": the Bund's own (after an
     * article) */
    if (xw_not_a_name(s, w[i].a, w[i].b) && i > 0 &&
        (xw_in_list(s, &w[i - 1], xn_articles) || xw_eq(s, &w[i - 1], "zur")) && i + 2 < nw &&
        !w[i].punct && !w[i + 1].punct &&
        ((xw_eq(s, &w[i + 1], "der") && xw_eq(s, &w[i + 2], "Bundesregierung")) ||
         (xw_eq(s, &w[i + 1], "des") && xw_eq(s, &w[i + 2], "Bundes"))))
        return i + 2;
    /* "die Strategie der Landesregierung zur Künstlichen Intelligenz" */
    static const char *const govs[] = {"Landesregierung",
                                       "Staatsregierung",
                                       "Bundesregierung",
                                       "Landes",
                                       "Bundes",
                                       "Freistaates",
                                       NULL};
    if (i + 4 >= nw || w[i].punct || w[i + 1].punct || w[i + 2].punct ||
        !(xw_eq(s, &w[i + 1], "der") || xw_eq(s, &w[i + 1], "des")) ||
        !xw_in_list(s, &w[i + 2], govs) ||
        !(xw_eq(s, &w[i + 3], "zur") || xw_eq(s, &w[i + 3], "für")))
        return i;
    if (xw_eq(s, &w[i + 4], "KI"))
        return i + 4;
    static const char *const ai[] = {"Künstliche", "Künstlichen", "künstliche", "künstlichen",
                                     NULL};
    if (i + 5 < nw && !w[i + 4].punct && xw_in_list(s, &w[i + 4], ai) &&
        xw_eq(s, &w[i + 5], "Intelligenz"))
        return i + 5;
    return i;
}
