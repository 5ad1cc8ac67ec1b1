/* names.c: the names of activities in the words of a text (the words:
 * names_words.c; what the words around a name say of it: names_cues.c).
 *
 * A named activity is found by one of four rules (see xnames_find):
 *   quote   „KI-Transfer Plus“, "INSITU": a quoted name after a naming noun
 *           (Programm „…“), or one that looks like a name itself;
 *   abbr    Innovation Park Artificial Intelligence (IPAI): the long form
 *           before an abbreviation in parentheses, IPAI its alias;
 *   head    capitalised words around a head noun: Thüringer Zentrum für
 *           Lernende Systeme und Robotik, KI-Produktionsnetzwerk Augsburg,
 *           das KI-Reallabor in Osnabrück;
 *   caps    a name in capitals after a naming noun or alone: DOKIQ,
 *           KIBARDOK.
 * Organisations (Universität …, Fraunhofer …, Ministerium …) are named by
 * the same machinery and returned apart. The quote rule and enumerations
 * of compounds of AI are in names_quotes.c, the abbreviation rule in
 * names_abbrev.c, special forms (counted professorships, coined names
 * before a description, a Land's own things) in names_forms.c, and the
 * joining of names that two rules found of one thing in names_join.c. */
#include <stdint.h>
#include <string.h>

#include "core/entry.h"
#include "extract/extract_int.h"
#include "util/text.h"
#include "util/xalloc.h"

const char *const xn_articles[] = {
    "der", "die", "das", "dem", "den",  "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "Der", "Die", "Das", "Ein", "Eine", "Dem", "Den", "Des",  "sog.",  "neue",  "neuen", NULL};
const char *const xn_indefinite[] = {"ein", "eine", "einen", "einem", "einer", "eines", NULL};

const char *const xn_stop_caps[] = {
    "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einer", "Eines", "Einem", "Einen",
    "Im", "In", "Mit", "Zum", "Zur", "Beim", "Vom", "Am", "Auch", "Als", "Auf", "Aus", "Bei",
    "Durch", "Für", "Seit", "Über", "Unter", "Nach", "Von", "Vor", "Zu", "Dieser", "Diese",
    "Dieses", "Unser", "Unsere", "Sie", "Er", "Es", "Wir", "So", "Zudem", "Ziel", "Darüber",
    "Deshalb", "Dabei", "Hierzu", "Damit", "Mittels", "Gemeinsam", "Bereits", "Alle", "Weitere",
    "Neben", "Um", "Bis", "Ende", "Anfang", "Mitte", "Januar", "Juni", "Juli", "April", "Mai",
    "März", "Oktober", "Dezember", "Februar", "August", "September", "November", "Frühjahr",
    "Sommer", "Herbst", "Winter", "Kernelement", "Jahr", "Jahren", "Hier", "Prof.", "Dr.",
    "Staatsministerin", "Staatsminister", "Minister", "Ministerin", "Staatssekretär",
    "Staatssekretärin", "Herr", "Frau", "Senator", "Daher", "Konkret", "Weiterhin", "Insbesondere",
    /* nouns of fixed phrases: "im Rahmen der", "im Bereich", "im Zuge", "im Einsatz",
     * "in Höhe von", "im Zeitraum" */
    "Rahmen", "Bereich", "Zuge", "Hinblick", "Kontext", "Sinne", "Verfügung", "Einsatz", "Höhe",
    "Zeitraum", NULL};

const char *const xn_connectors[] = {"für", "und", "der", "des", "den", "dem", "im", "in",
                                     "zur", "zum", "zu",  "von", "vom", "for", "of", "and",
                                     "on",  "&",   "–",   "-",   "the", NULL};

const char *const xn_demonstratives[] = {"Dieser", "Diese", "Dieses", "Diesem", "Diesen",
                                         "dieser", "diese", "dieses", "diesem", NULL};

static const char *const roles[] = {"Direktor",        "Direktorin", "Leiter",
                                    "Leiterin",        "Präsident",  "Präsidentin",
                                    "Geschäftsführer", "Sprecher",   NULL};

xname *xnames_add(xnames *r, int org, size_t a, size_t b, const char *kind, int rule, size_t pos)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 16;
        r->v = xrealloc(r->v, r->cap * sizeof *r->v);
    }
    xname *x = &r->v[r->n++];
    memset(x, 0, sizeof *x);
    x->a = a;
    x->b = b;
    x->org = org;
    x->kind = kind;
    x->rule = rule;
    x->pos = pos;
    return x;
}

const char *xn_head_of(const char *s, const xword *w, int *plural)
{
    (void)s;
    /* head nouns are nouns: capitalised ("Zentrum", "KI-Reallabor") */
    *plural = w->hk ? (int)w->plural : 0;
    return w->hk;
}

/* number_name: the word is a number of one to four digits that is no
 * year ("115"). */
static int number_name(const char *s, const xword *w)
{
    size_t n = w->b - w->a;
    if (n < 1 || n > 4)
        return 0;
    for (size_t c = w->a; c < w->b; c++)
        if (!xw_is_digit(s[c]))
            return 0;
    return !(n == 4 && (s[w->a] == '1' || s[w->a] == '2'));
}

/* ministry_code: the word is a federal ministry's code ("BMUV") */
static int ministry_code(const char *s, const xword *w)
{
    char c[16];
    size_t l = w->b - w->a;
    if (l < 2 || l >= sizeof c)
        return 0;
    memcpy(c, s + w->a, l);
    c[l] = '\0';
    return entry_vocab_find(ENTRY_VOCAB_MINISTRY, c) != NULL;
}

/* extend_right: words after w[i] that continue a name: capitalised words,
 * name-like tokens, and xn_connectors followed by one. Stops before
 * organisations, quotes, parentheses and after punctuation. */
static size_t extend_right(const char *s, const xword *w, size_t nw, size_t i)
{
    static const char *const states[] = {"Aufbau", "Bau",         "Betrieb", "Probebetrieb",
                                         "Test",   "Testbetrieb", NULL};
    static const char *const coord[] = {"und", "and", "&", NULL};
    size_t k = i;
    int nl, allc, prep = 0;
    while (k + 1 < nw && !w[k].punct && !w[k].pclose && !w[k].qclose && k - i < 7) {
        /* "Lehrstuhl Datenbank- und Informationssysteme": a suspended
         * hyphen and its pair */
        if (k > i && s[w[k].b - 1] == '-' && k + 2 < nw &&
            (xw_eq(s, &w[k + 1], "und") || xw_eq(s, &w[k + 1], "oder")) && w[k + 2].cap &&
            !w[k + 1].punct) {
            k += 2;
            continue;
        }
        /* "Chatbot 115": an application numbered */
        if (k == i && w[i].hk && strcmp(w[i].hk, "application") == 0 && number_name(s, &w[k + 1])) {
            k++;
            break;
        }
        /* "Rückkehrprogramm mit dem Schwerpunkt KI" */
        size_t f = k + 1 < nw && xw_eq(s, &w[k + 1], "mit") && !w[k + 1].punct ? k + 2 : nw;
        if (f < nw && xw_eq(s, &w[f], "dem") && !w[f].punct)
            f++;
        if (f + 1 < nw && xw_eq(s, &w[f], "Schwerpunkt") && !w[f].punct && w[f + 1].cap) {
            k = f + 1;
            continue;
        }
        size_t c = k + 1, hops = 0;
        int and = 0, of = 0;
        int and_article = 0;
        /* "KI-Strategie für die Verwaltung": after "für" the article of
         * any gender, for a compound head ("Leitlinien für die Nutzung"
         * name no one thing) */
        while (c < nw && hops < 2 && !w[c].punct &&
               (xw_in_list(s, &w[c], xn_connectors) ||
                (hops == 1 && w[i].compound && xw_eq(s, &w[c - 1], "für") &&
                 (xw_eq(s, &w[c], "die") || xw_eq(s, &w[c], "das"))))) {
            if (xw_in_list(s, &w[c], coord))
                and = 1;
            else
                of = 1;
            /* "des EXIST-Programms und des German Accelerator": "und" and
             * an article begin a second noun, not a part of this name */
            and_article |= and&&hops == 1 && xw_in_list(s, &w[c], xn_articles);
            c++, hops++;
        }
        if (and_article)
            break;
        /* "KI-Tag in Frankfurt (Oder)": the town's qualifier */
        if (hops == 0 && c < nw && w[c].popen && w[c].pclose && k > i && w[k].cap &&
            (xw_eq(s, &w[k - 1], "in") || xw_eq(s, &w[k - 1], "im")) && w[c].b < w[c].te &&
            s[w[c].b] == ')') {
            k = c;
            break;
        }
        /* "und" joins the parts of a complement ("für Lernende Systeme
         * und Robotik"), not a second noun to the name ("im
         * Trägerverbund und Partizipation an ...") */
        if (and&&!prep && !of)
            break;
        if (c >= nw || w[c].qopen || w[c].popen || xw_in_list(s, &w[c], xn_stop_caps))
            break;
        /* "das KI-Innovationslabor von hessian.AI": whose it is */
        if (hops == 1 && (xw_eq(s, &w[c - 1], "von") || xw_eq(s, &w[c - 1], "vom")) &&
            w[c].namelike && !w[c].cap)
            break;
        /* "des im Aufbau befindlichen ...", "im Probebetrieb": a state */
        if (hops && xw_eq(s, &w[c - 1], "im") && xw_in_list(s, &w[c], states))
            break;
        /* "Beirat für digitale Ethik", "Zentrum für digitale
         * Transformationen": the head, "für", one adjective and a noun */
        /* ... also after an article: "KI-Kompetenzzentrum für die
         * niedersächsische Verwaltung" */
        int fuer = (hops == 1 && xw_eq(s, &w[c - 1], "für")) ||
                   (hops == 2 && w[i].compound && xw_eq(s, &w[c - 2], "für") &&
                    xw_in_list(s, &w[c - 1], xn_articles));
        if (k == i && fuer && c + 1 < nw && !w[c].punct && xn_adjective_like(s, &w[c]) &&
            w[c + 1].cap && !w[c + 1].org && !xw_in_list(s, &w[c + 1], xn_stop_caps))
            c++;
        nl = xw_name_like(s, &w[c], &allc);
        if (!(w[c].cap || nl) || w[c].org)
            break;
        if (c + 1 < nw && !w[c].punct && w[c + 1].org)
            break;
        /* "KI-Ideenwerkstatt für Umweltschutz des BMUV": a ministry in the
         * genitive is the owner */
        if (of && (xw_eq(s, &w[c - 1], "der") || xw_eq(s, &w[c - 1], "des")) &&
            ministry_code(s, &w[c]))
            break;
        /* "KI-Lab Kurpfalz der Technologiepark Heidelberg GmbH": a
         * genitive whose noun phrase ends in an organisation is the owner */
        if (of && (xw_eq(s, &w[c - 1], "der") || xw_eq(s, &w[c - 1], "des")) && c + 2 < nw &&
            !w[c].punct && !w[c + 1].punct && w[c + 2].org)
            break;
        /* "Anwendungszentrum für KI und Quantencomputing", "Zentrum für KI
         * in M-V" go on; "Studie zu KI in Sachsen" is described */
        if (hops && w[c].b - w[c].a <= 3 && !nl && !xn_land_code(s, &w[c]) &&
            !((xw_eq(s, &w[c], "KI") || xw_eq(s, &w[c], "AI")) && xw_eq(s, &w[c - 1], "für")))
            break;
        k = c;
        prep |= of;
        int plural;
        /* "Förderprogramm InnoTecHH Fonds" ends at the second head,
         * unless the second head's own complement follows: "KI-Labor im
         * Zentrum für Maschinelles Lernen" */
        if (xn_head_of(s, &w[k], &plural) && k > i &&
            !(of && !w[k].punct && k + 2 < nw && xw_eq(s, &w[k + 1], "für") && w[k + 2].cap &&
              !w[k + 2].org))
            break;
    }
    return k;
}

/* Nouns of making something: "Aufbau von KI-Testumgebungen". */
static const char *const builds[] = {"Aufbau",      "Einrichtung", "Konzeption", "Ausrichtung",
                                     "Entwicklung", "Gründung",    "Schaffung",  "Ausbau",
                                     "Förderung",   NULL};

static size_t extend_left(const char *s, const xword *w, size_t i)
{
    size_t j = i;
    int plural;
    /* „KI-Scout“, "(KI-Zentrum Hessen)": the quote or parenthesis
     * begins the name */
    if (w[i].qopen || w[i].popen)
        return i;
    while (j > 0 && i - j < 4) {
        const xword *p = &w[j - 1];
        if (p->punct || p->pclose || p->qclose || p->qopen || p->popen)
            break;
        /* "in Hamburg Steuerungsgremium Digitalisierung genannt": the
         * word after "in" is where, not a part of the name */
        if (p->cap && j >= 2 && (xw_eq(s, &w[j - 2], "in") || xw_eq(s, &w[j - 2], "aus")))
            break;
        /* "BMBF-Förderung KI-Kompetenzzentrum": whose money, not a name */
        static const char fund[] = "-Förderung";
        size_t fl = sizeof fund - 1;
        int funding = p->b - p->a > fl && memcmp(s + p->b - fl, fund, fl) == 0;
        if (p->cap && !xw_in_list(s, p, xn_stop_caps) && !xn_head_of(s, p, &plural) && !p->org &&
            !xw_in_list(s, p, builds) && !funding)
            j--;
        else if ((xw_eq(s, p, "&") || xw_eq(s, p, "–")) && j >= 2 && w[j - 2].cap)
            j--;
        else
            break;
    }
    while (j < i && !w[j].cap)
        j++;
    return j;
}

/* find_heads: names around head nouns, organisations, and capitals. */
/* new_before: w[i] is counted ("fünf", "150") with "neue" or "neuen"
 * among at most two words between ("fünf neue Regionalzentren", "150
 * neuen zusätzlichen KI-Professuren"): things being created. */
static int new_before(const char *s, const xword *w, size_t i)
{
    int fresh = 0;
    size_t q = i;
    while (q > 0 && i - q < 2 && !w[q - 1].punct && xn_adjective_like(s, &w[q - 1])) {
        fresh |= xw_eq(s, &w[q - 1], "neue") || xw_eq(s, &w[q - 1], "neuen");
        q--;
    }
    return fresh && q > 0 && !w[q - 1].punct &&
           ((xw_is_digit(s[w[q - 1].a]) &&
             !(w[q - 1].b - w[q - 1].a == 1 && s[w[q - 1].a] == '1')) ||
            xw_in_list(s, &w[q - 1], xn_number_words));
}

/* capital_tail: the word begins with a capital and ends in two or more
 * capitals right after a small letter ("BärGPT", "NordLM"); not "KfW". */
static int capital_tail(const char *s, const xword *w)
{
    size_t e = w->b, k = 0;
    if (e - w->a < 5 || !xis_upper_at(s, e, w->a))
        return 0;
    while (e > w->a && s[e - 1] >= 'A' && s[e - 1] <= 'Z') {
        e--;
        k++;
    }
    return k >= 2 && e > w->a + 1 &&
           ((s[e - 1] >= 'a' && s[e - 1] <= 'z') || (unsigned char)s[e - 1] >= 0x80);
}

/* counted_before: a number (digits other than 1, or a number word) stands
 * before w[i], with at most two adjectives between ("die fünf
 * KI-Kompetenzzentren", "sechs regionale Zentren"). */
static int counted_before(const char *s, const xword *w, size_t i)
{
    static const char *const nums[] = {"zwei", "drei", "vier", "fünf",  "sechs", "sieben",
                                       "acht", "neun", "zehn", "zwölf", NULL};
    size_t q = i;
    while (q > 0 && i - q < 2 && !w[q - 1].punct && xn_adjective_like(s, &w[q - 1]))
        q--;
    return q > 0 && !w[q - 1].punct &&
           ((xw_is_digit(s[w[q - 1].a]) &&
             !(w[q - 1].b - w[q - 1].a == 1 && s[w[q - 1].a] == '1')) ||
            xw_in_list(s, &w[q - 1], nums));
}

/* centre_list: "fördern die fünf KI-Kompetenzzentren Tübingen AI Center,
 * MCML, BIFOLD, Lamarr-Institut und ScaDS.AI seit ...": the names listed
 * right after counted centres are those centres (short capitals and
 * institutes too, which alone would be organisations). Adds them (at
 * least three, each of one to three capitalised words) and returns the
 * index of the list's last word, or i if there is no such list. */
static size_t centre_list(const char *s, const xword *w, size_t nw, size_t i, xnames *r)
{
    size_t st[12], en[12], n = 0, k = i + 1;
    if (w[i].punct)
        return i;
    while (k < nw && n < 12 && w[k].cap && !w[k].qopen && !w[k].popen) {
        size_t a = k;
        while (k < nw && !w[k].punct && k - a < 2 && k + 1 < nw && w[k + 1].cap &&
               !xw_eq(s, &w[k + 1], "und"))
            k++;
        st[n] = a;
        en[n++] = k;
        char after = w[k].b < w[k].te ? s[w[k].b] : ' ';
        if (w[k].punct && after == ',') {
            k++;
            continue;
        }
        if (!w[k].punct && k + 1 < nw &&
            (xw_eq(s, &w[k + 1], "und") || xw_eq(s, &w[k + 1], "sowie"))) {
            k += 2;
            continue;
        }
        break; /* the last item */
    }
    if (n < 3)
        return i;
    for (size_t x = 0; x < n; x++)
        if (!xw_not_a_name(s, w[st[x]].a, w[en[x]].b))
            xnames_add(r, 0, w[st[x]].a, w[en[x]].b, "centre", X_RULE_HEAD, w[st[x]].ts);
    return en[n - 1];
}

/* branch_of: the bare head w[i] and an organisation in the genitive
 * after it ("eine Außenstelle des Deutschen Forschungszentrums für KI"):
 * the branch of that organisation is named; the index of its last word,
 * else i. */
static size_t branch_of(const char *s, const xword *w, size_t nw, size_t i)
{
    if (w[i].punct || i + 2 >= nw || !(xw_eq(s, &w[i + 1], "des") || xw_eq(s, &w[i + 1], "der")))
        return i;
    size_t k = i + 2;
    int org = 0;
    while (k < nw && k < i + 8 &&
           (w[k].cap || (xw_in_list(s, &w[k], xn_connectors) && k + 1 < nw && w[k + 1].cap))) {
        org |= w[k].org;
        if (w[k].punct || w[k].pclose)
            break;
        k++;
    }
    if (k == nw || !w[k].cap)
        k--;
    return org && k > i + 1 ? k : i;
}

/* url_like: the word is (a piece of) a web address: "www.bmbf.de/...",
 * "...beginnt/24120224.html?ticket=ST-63350". */
static int url_like(const char *s, const xword *w)
{
    size_t n = w->b - w->a;
    const char *p = s + w->a;
    for (size_t i = 0; i < n; i++)
        if (p[i] == '?' || p[i] == '=' || (p[i] == '/' && i + 1 < n && p[i + 1] == '/') ||
            (i + 5 <= n && memcmp(p + i, ".html", 5) == 0) ||
            (i + 4 <= n && memcmp(p + i, "www.", 4) == 0))
            return 1;
    return 0;
}

/* funded_passive: the bare compound w[i] is what a passive of funding or
 * building speaks of ("Unter anderem werden damit KI-Servicecenter an den
 * Hochschulen gefördert"): a thing of the text, named by its compound. */
static int funded_passive(const char *s, const xword *w, size_t nw, size_t i)
{
    static const char *const aux[] = {"werden", "wird", "wurden", "wurde", NULL};
    static const char *const part[] = {"gefördert",  "aufgebaut", "eingerichtet", "finanziert",
                                       "geschaffen", "gegründet", "errichtet",    NULL};
    int before = 0;
    for (size_t k = i; k > 0 && i - k < 3 && !before; k--) {
        if (w[k - 1].punct)
            break;
        before = xw_in_list(s, &w[k - 1], aux);
    }
    if (!before || w[i].punct)
        return 0;
    for (size_t k = i + 1; k < nw && k <= i + 8; k++) {
        if (xw_in_list(s, &w[k], part))
            return 1;
        if (w[k].punct)
            break;
    }
    return 0;
}

/* parliament_caps: a word of a parliamentary paper's header in capitals
 * ("LANDTAG NORDRHEIN-WESTFALEN", "BÜRGERSCHAFT", "DRUCKSACHE"): a body
 * or a Land, no name. */
static int parliament_caps(const char *s, const xword *w)
{
    static const char *const words[] = {"landtag",    "buergerschaft",   "abgeordnetenhaus",
                                        "drucksache", "wahlperiode",     "bundestag",
                                        "bundesrat",  "plenarprotokoll", NULL};
    sbuf f = SBUF_INIT;
    xfold(&f, s + w->a, w->b - w->a);
    int yes = 0;
    for (const char *const *q = words; *q && !yes; q++)
        yes = strcmp(f.s, *q) == 0;
    if (!yes) {
        /* "NORDRHEIN-WESTFALEN": a Land's name in capitals */
        char t[48];
        size_t n = f.len < sizeof t - 1 ? f.len : sizeof t - 1;
        for (size_t k = 0; k < n; k++)
            t[k] = (char)(k == 0 || f.s[k - 1] == '-'
                              ? f.s[k] - ('a' <= f.s[k] && f.s[k] <= 'z' ? 32 : 0)
                              : f.s[k]);
        t[n] = '\0';
        yes = geo_land_find(t) != NULL;
    }
    sbuf_free(&f);
    return yes;
}

/* shouted: w[i] stands among three or more words in capitals ("BÜRGERSCHAFT
 * DER FREIEN UND HANSESTADT HAMBURG"): a heading set in capitals, not a
 * name. */
static int upper_only(const char *s, const xword *w)
{
    size_t letters = 0;
    for (size_t i = w->a; i < w->b; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            return 0;
        letters += s[i] >= 'A' && s[i] <= 'Z';
    }
    return letters >= 2;
}

static int shouted(const char *s, const xword *w, size_t nw, size_t i)
{
    size_t a = i, b = i;
    while (a > 0 && !w[a - 1].punct && upper_only(s, &w[a - 1]))
        a--;
    while (b + 1 < nw && !w[b].punct && upper_only(s, &w[b + 1]))
        b++;
    return b - a >= 2;
}

/* welcome: "heißt Unternehmen aus ganz Europa willkommen": the words
 * after w[i] up to the clause's end say "willkommen". */
static int welcome(const char *s, const xword *w, size_t nw, size_t i)
{
    for (size_t k = i; k < nw && k < i + 8; k++) {
        if (xw_eq(s, &w[k], "willkommen"))
            return 1;
        if (w[k].punct)
            break;
    }
    return 0;
}

/* dotted_coin: w[i] is a coined word with a dot ("Förderbescheid an
 * hessian.AI"): added to r as a name or an organisation; 1 if so. */
static int dotted_coin(const char *s, const xword *w, size_t nw, size_t i, xnames *r)
{
    int plural;
    if (!(!w[i].qopen && !w[i].popen && xn_dotted_coin(s, &w[i]) &&
          !xw_not_a_name(s, w[i].a, w[i].b) &&
          !(i > 0 && (xw_eq(s, &w[i - 1], "namens") || xw_eq(s, &w[i - 1], "Namen")))))
        return 0;
    const char *ck = i > 0 ? xn_head_of(s, &w[i - 1], &plural) : NULL;
    int org = 0;
    if (!ck && i > 0 && w[i - 1].org) {
        /* "KI-Forschungszentrum hessian.AI" is a centre of AI,
         * "der Landesbetrieb ... IT.NRW" an organisation */
        if (w[i - 1].b - w[i - 1].a > 3 && memcmp(s + w[i - 1].a, "KI-", 3) == 0)
            ck = "centre";
        else
            org = 1;
    }
    /* "Entwickelt wird diese derzeit von IT.NRW": the agent of
     * a passive is who makes the thing */
    static const char *const made[] = {"entwickelt",  "Entwickelt", "betrieben", "getragen",
                                       "koordiniert", "geleitet",   NULL};
    if (i > 0 && xw_eq(s, &w[i - 1], "von"))
        for (size_t k = 0; k + 1 < i && !org; k++)
            org = xw_in_list(s, &w[k], made);
    /* "IT.NRW, der zentrale IT-Dienstleister des Landes" */
    for (size_t k = i + 1; k < nw && k < i + 5 && w[i].punct && !org; k++)
        org = w[k].org;
    int after_dash = xn_apposition(s, w, i, i, i, r);
    xnames_add(r, org, w[i].a, w[i].b, ck ? ck : "initiative", X_RULE_CAPS, w[i].ts)
        ->demonstrative = after_dash;
    return 1;
}

/* ki_system: "ein KI-gestütztes „Risikomanagementsystem“ für Hamburgs
 * Finanzämter": a system of AI, one of a kind, named by the quote, is
 * added to r (1 if so); without it ("eine KI-gesteuerte
 * Sprachübersetzung", "ein KI-gestütztes Reinigungssystem") the words
 * describe a thing and name none (rounds 15 to 18: eight such, none an
 * activity). */
static int ki_system(const char *s, const xword *w, size_t i, xnames *r)
{
    if (!(i >= 2 && w[i].qopen && !w[i - 1].punct && !w[i - 2].punct &&
          xn_ki_adjective(s, &w[i - 1]) && xw_in_list(s, &w[i - 2], xn_indefinite) &&
          w[i].b - w[i].a >= 10 && !w[i].org && !xw_not_a_name(s, w[i].a, w[i].b)))
        return 0;
    size_t e = w[i].b; /* with the closing quote of an opened one */
    if (s[e] == '"')
        e++;
    else if (memcmp(s + e, "\xE2\x80\x9C", 3) == 0)
        e += 3;
    xnames_add(r, 0, w[i - 1].a, e, "application", X_RULE_HEAD, w[i - 1].ts);
    return 1;
}

/* org_name: w[i] is an organisation's word: an organisation of AI being
 * founded is an activity, else the organisation's name is added to r
 * as one. The index of its last word. */
static size_t org_name(const char *s, const xword *w, size_t nw, size_t i, sbuf *tmp, xnames *r)
{
    int allc;
    if (w[i].b - w[i].a > 3 && memcmp(s + w[i].a, "KI-", 3) == 0 && extend_left(s, w, i) == i &&
        !(i > 0 && xn_land_adjective(s, &w[i - 1], tmp)) && xn_decided_thing(s, w, nw, i, tmp)) {
        /* "In Nürnberg soll eine KI-Universität entstehen": an
         * organisation of AI being founded is an activity */
        xnames_add(r, 0, w[i].a, w[i].b, "centre", X_RULE_HEAD, w[i].ts);
        return i;
    }
    size_t j = extend_left(s, w, i), k = extend_right(s, w, nw, i);
    if (xn_founded_org(s, w, nw, j, i) && !xw_not_a_name(s, w[j].a, w[k].b)) {
        /* "soll ein KI Mission Institute gegründet werden" */
        xnames_add(r, 0, w[j].a, w[k].b, "centre", X_RULE_HEAD, w[j].ts);
        r->v[r->n - 1].head_a = w[i].a;
        r->v[r->n - 1].head_b = w[i].b;
        return k;
    }
    /* "dieses KI-Forschungszentrum" speaks of a thing named before */
    int again = j > 0 && xw_in_list(s, &w[j - 1], xn_demonstratives);
    if (!again && (k > j || (xw_name_like(s, &w[i], &allc) && allc)))
        xnames_add(r, 1, w[j].a, w[k].b, NULL, X_RULE_HEAD, w[j].ts);
    return k; /* "Fraunhofer IOSB-INA": its parts name nothing else */
}

/* year: the word is a year, 1900 to 2099 */
static int year(const char *s, const xword *w)
{
    const char *y = s + w->a;
    return w->b - w->a == 4 && (memcmp(y, "19", 2) == 0 || memcmp(y, "20", 2) == 0) &&
           xw_is_digit(y[2]) && xw_is_digit(y[3]);
}

/* ki_edition: "den KI-Frühling 2022", "Förderrichtlinie: KI-Nachwuchs@FH
 * 2021": a compound of AI with the year it is held names an edition of an
 * event (a season, a week, a day, a festival, a camp), or of a programme
 * when the word before says so; added to r. "die KI-Forschung 1500 neue
 * Stellen", "im KI-Haushalt 2025" name nothing. */
static int ki_edition(const char *s, const xword *w, size_t nw, size_t i, xnames *r)
{
    static const char *const events[] = {"Frühling", "Sommer",    "Herbst", "Winter",
                                         "Woche",    "Wochen",    "Tag",    "Tage",
                                         "Festival", "Festivals", "Camp",   NULL};
    if (i + 1 >= nw || w[i].punct || w[i].b - w[i].a <= 4 || memcmp(s + w[i].a, "KI-", 3) != 0 ||
        !year(s, &w[i + 1]) || xw_not_a_name(s, w[i].a, w[i].b))
        return 0;
    xword tail = w[i];
    tail.a += 3;
    const char *ck = xn_kind_before(s, w, i);
    if (!ck && !xw_in_list(s, &tail, events))
        return 0;
    xnames_add(r, 0, w[i].a, w[i + 1].b, ck ? ck : "event", X_RULE_CAPS, w[i].ts);
    return 1;
}

/* unheaded: w[i] is a capitalised word that is no head noun: a coined
 * name in capitals, with digits or after a naming word ("namens",
 * "heißt") is added to r. The index of its last word. */
static size_t unheaded(const char *s, const xword *w, size_t nw, size_t i, xnames *r)
{
    int plural, allc;
    /* DOKIQ, KIBARDOK: a name in capitals; LeoLM: a name with a
     * capital inside, after a head noun that says what it is
     * ("große Sprachmodelle, u.a. LeoLM": many such words name
     * products of others, ChatGPT, YouTube) */
    int caps = xw_name_like(s, &w[i], &allc) && allc && w[i].b - w[i].a >= 5 && !url_like(s, &w[i]);
    /* "BERLIN (dts Nachrichtenagentur) -": a dateline, no name */
    if (caps && i == 0 && i + 1 < nw && w[i + 1].popen)
        caps = 0;
    /* "Mit GPU4GenAI investiert": a name of capitals and digits
     * mixed is coined, not a word */
    caps |= xw_name_like(s, &w[i], &allc) && w[i].b - w[i].a >= 5 && xn_digit_inside(s, &w[i]) &&
            !url_like(s, &w[i]);
    /* "BärGPT setzt hier an": a word with a tail of capitals
     * after a small letter, as the subject opening a sentence, is
     * a coined name ("So eine Art BayernGPT" names nothing) */
    caps |= i == 0 && capital_tail(s, &w[i]);
    caps |= xw_phrase_word(s, &w[i]) && !url_like(s, &w[i]); /* "Frag-den-Michel" */
    if (caps && (shouted(s, w, nw, i) || xn_party(s, w[i].a, w[i].b) || parliament_caps(s, &w[i])))
        caps = 0; /* a heading, "die FREIEN WÄHLER", "den GRÜNEN" */
    /* "eine Verwaltungsassistenz namens NRW.Genius", "hat den
     * Namen F13": what follows the word names the thing */
    /* "Das Tool heißt Telli" names it too */
    int heisst = i > 1 && (xw_eq(s, &w[i - 1], "heißt") || xw_eq(s, &w[i - 1], "heißen")) &&
                 !w[i - 2].punct && xn_head_of(s, &w[i - 2], &plural) && !welcome(s, w, nw, i);
    if (i > 0 && (xw_eq(s, &w[i - 1], "namens") || xw_eq(s, &w[i - 1], "Namen") || heisst) &&
        !w[i].qopen && !xw_not_a_name(s, w[i].a, w[i].b) && !xw_in_list(s, &w[i], xn_stop_caps)) {
        size_t k = i;
        while (k + 1 < nw && !w[k].punct &&
               (xw_name_like(s, &w[k + 1], &allc) || xw_eq(s, &w[k + 1], "KI") ||
                xw_eq(s, &w[k + 1], "AI")) &&
               k - i < 3)
            k++; /* "den Namen Mission KI" */
        size_t e = w[k].b;
        while (e > w[i].a && s[e - 1] == '.')
            e--;
        const char *ck = xn_kind_before(s, w, i - 1);
        xnames_add(r, 0, w[i].a, e, ck ? ck : "application", X_RULE_CAPS, w[i].ts);
        return k;
    }
    if (ki_edition(s, w, nw, i, r))
        return i + 1;
    const char *ctx = caps ? NULL : xn_kind_before(s, w, i);
    if ((caps || (w[i].camel && ctx)) && !w[i].popen &&
        (!memchr(s + w[i].a, '.', w[i].b - w[i].a) || xn_digit_inside(s, &w[i])) &&
        !xw_not_a_name(s, w[i].a, w[i].b) && !w[i].qopen) {
        const char *ck = ctx;
        if (i > 0 && xw_eq(s, &w[i - 1], "Anwendung"))
            ck = "application";
        else if (i > 0 && !ck)
            ck = xn_head_of(s, &w[i - 1], &plural);
        /* "das Projekt zur Verankerung von KI in der Lehre –
         * KI@MINT": the coined name of the one described */
        int after_dash = xn_apposition(s, w, i, i, i, r);
        xnames_add(r, 0, w[i].a, w[i].b, ck ? ck : "application", X_RULE_CAPS, w[i].ts)
            ->demonstrative = after_dash;
    }
    return i;
}

/* plural_head: whether the head w[i] (plural as the head table says) is
 * a plural here: an English -s, a weak noun's -en. */
static int plural_head(const char *s, const xword *w, size_t nw, size_t i, int plural)
{
    if (!plural && s[w[i].b - 1] == 's' && w[i].b - w[i].a > 4 && s[w[i].b - 2] != 's' &&
        s[w[i].b - 2] != 'e') {
        /* "16 regionale KI-Labs", "Chatbots für Verwaltung und Bürger":
         * an -s that no genitive article or count explains is a
         * plural (of an English head: Labs, Hubs, Chatbots, Tools) */
        static const char *const gen[] = {"des",    "eines",   "Des",   "Eines", "dieses",
                                          "seines", "unseres", "ihres", NULL};
        size_t q = i;
        while (q > 0 && i - q < 2 && !w[q - 1].punct && xn_adjective_like(s, &w[q - 1]))
            q--;
        int count = q > 0 && !w[q - 1].punct && xw_is_digit(s[w[q - 1].a]) &&
                    !(w[q - 1].b - w[q - 1].a == 1 && s[w[q - 1].a] == '1');
        int genitive = q > 0 && !w[q - 1].punct && xw_in_list(s, &w[q - 1], gen);
        int english = 0;
        if (!count && !genitive) {
            /* the head is English when it has no German genitive in -es */
            sbuf f = SBUF_INIT;
            xfold(&f, s + w[i].a, w[i].b - w[i].a - 1);
            static const char *const en[] = {"lab",    "hub",    "chatbot", "tool",
                                             "center", "server", "cluster", NULL};
            for (size_t e = 0; en[e] && !english; e++) {
                size_t l = strlen(en[e]);
                english = f.len >= l && memcmp(f.s + f.len - l, en[e], l) == 0;
            }
            sbuf_free(&f);
        }
        plural = count || (english && !genitive);
    }
    /* "auf den KI-Assistenten LLMoin": a weak noun's -en after a
     * singular article and before a coined name is no plural */
    if (plural && i > 0 && i + 1 < nw && !w[i].punct && w[i + 1].namelike &&
        (xw_eq(s, &w[i - 1], "den") || xw_eq(s, &w[i - 1], "dem") || xw_eq(s, &w[i - 1], "des")))
        plural = 0;
    return plural;
}

/* add_plural: the plural programme whose head is w[i], of kind, with its
 * count, words and complement of AI (xn_plural_from, xn_plural_end),
 * added to r; the index of its last word. */
static size_t add_plural(const char *s, const xword *w, size_t nw, size_t i, const char *kind,
                         xnames *r)
{
    size_t f = xn_plural_from(s, w, i), e = xn_plural_end(s, w, nw, i);
    xnames_add(r, 0, w[f].a, w[e].b, kind, X_RULE_HEAD, w[f].ts);
    r->v[r->n - 1].plural = 1;
    r->v[r->n - 1].head_a = w[i].a;
    r->v[r->n - 1].head_b = w[i].b;
    return e;
}

/* plural_name: the plural head w[i] of kind: counted professorships,
 * a list of counted centres, centres or infrastructure of AI counted,
 * new, described or being built are added to r as one programme. The
 * index of the last word used. */
static size_t plural_name(const char *s, const xword *w, size_t nw, size_t i, const char *kind,
                          xnames *r)
{
    if (strcmp(kind, "programme") == 0 && i > 0) {
        size_t e = xn_chairs(s, w, nw, i, kind, r);
        if (e != SIZE_MAX)
            return e;
    }
    if (strcmp(kind, "centre") == 0 && counted_before(s, w, i)) {
        size_t last = centre_list(s, w, nw, i, r);
        if (last > i)
            return last;
    }
    if (strcmp(kind, "centre") == 0 && !w[i].compound && new_before(s, w, i) &&
        !xw_not_a_name(s, w[i].a, w[i].b)) {
        /* "kündigte fünf neue Regionalzentren an": centres counted
         * and new are one programme being built, with or without a
         * compound of AI (the text is about AI); titled with their
         * count and words ("50 neue Forschungsstellen im Bereich der
         * Künstlichen Intelligenz") */
        return add_plural(s, w, nw, i, kind, r);
    }
    /* "zwölf innovative Projekte im Bereich der künstlichen
     * Intelligenz", "neue Forschungsgruppen im Bereich KI": things of the
     * field of AI counted or new are one programme of them */
    if (xn_plural_end(s, w, nw, i) > i && i + 1 < nw && xw_eq(s, &w[i + 1], "im") &&
        (counted_before(s, w, i) ||
         (i > 0 && (xw_eq(s, &w[i - 1], "neue") || xw_eq(s, &w[i - 1], "neuen")))) &&
        !xw_not_a_name(s, w[i].a, w[i].b) && !xn_partitive(s, w, i))
        return add_plural(s, w, nw, i, "programme", r);
    /* "regionale KI-Exzellenzzentren aufbauen", "16 sogenannte
     * KI-Labs", "Konzeption von KI-Testumgebungen": centres or
     * infrastructure of AI in the plural, counted, described or
     * being built, are one programme; plural projects, systems
     * and tools are too common to name anything */
    int built = i >= 2 && (xw_eq(s, &w[i - 1], "von") || xw_eq(s, &w[i - 1], "der")) &&
                xw_in_list(s, &w[i - 2], builds);
    /* "Bei den KI-Kompetenzzentren", "Etat für KI-Forschungszentren":
     * centres of AI in the plural are the programme of them */
    static const char *const lead[] = {"den", "die", "der", "für", "und", NULL};
    int ki_centres = strcmp(kind, "centre") == 0 && w[i].b - w[i].a > 3 &&
                     memcmp(s + w[i].a, "KI-", 3) == 0 && i > 0 && xw_in_list(s, &w[i - 1], lead);
    if (w[i].compound && (strcmp(kind, "centre") == 0 || strcmp(kind, "infrastructure") == 0) &&
        i > 0 && !w[i - 1].punct &&
        (xn_adjective_like(s, &w[i - 1]) || xw_is_digit(s[w[i - 1].a]) ||
         xw_eq(s, &w[i - 1], "sogenannte") || xw_eq(s, &w[i - 1], "sog.") || built || ki_centres) &&
        (!xw_in_list(s, &w[i - 1], xn_articles) || ki_centres) &&
        !xw_not_a_name(s, w[i].a, w[i].b) && !xn_partitive(s, w, i))
        return add_plural(s, w, nw, i, kind, r);
    return i;
}

/* strategy_in_prose: a strategy named with its owner in prose ("in der
 * KI-Strategie der Bundesregierung", "die Strategie der Landesregierung
 * zur Künstlichen Intelligenz"), the national one, or the Land's own,
 * added to r. The index of its last word, or 0 if none. */
static size_t strategy_in_prose(const char *s, const xword *w, size_t nw, size_t j, size_t i,
                                size_t k, const char *kind, xnames *r)
{
    size_t e =
        j == i && k == i && strcmp(kind, "strategy") == 0 ? xn_owned_strategy(s, w, nw, i) : i;
    if (e > i) {
        xnames_add(r, 0, w[i].a, w[e].b, kind, X_RULE_HEAD, w[i].ts);
        r->v[r->n - 1].head_a = w[i].a;
        r->v[r->n - 1].head_b = w[i].b;
        return e;
    }
    if (xn_national_strategy(s, w, j, i, k, kind, r))
        return k;
    int own = j == i && k == i && strcmp(kind, "strategy") == 0 && xw_not_a_name(s, w[i].a, w[i].b)
                  ? xn_own_strategy(s, w, nw, i)
                  : 0;
    if (own) {
        xnames_add(r, 0, w[i].a, w[i].b, kind, X_RULE_HEAD, w[i].ts);
        r->v[r->n - 1].own = own;
        return i;
    }
    return 0;
}

/* name_level: whether the head w[i] with the words w[j..*k] names a
 * thing: 1 a name, 2 a weak one (a bare head after an article), 0 only
 * spoken of. A branch of a centre extends *k. */
static int name_level(const char *s, const xword *w, size_t nw, size_t j, size_t i, size_t *k,
                      const char *kind, sbuf *tmp)
{
    int allc, compound = w[i].compound;
    if (j < i || *k > i)
        return 1;
    /* "Geplant ist der Aufbau eines gemeinsamen Master-Studiengangs":
     * a thing decided is named, not only spoken of */
    if (xn_decided_thing(s, w, nw, i, tmp))
        return 1;
    if (xn_article_near(s, w, i) && (compound || xw_name_like(s, &w[i], &allc)))
        return 2;
    /* "der von Ministerpräsident Söder angekündigten KI-Offensive" */
    if (compound && i > 0 && xn_made_participle(s, &w[i - 1]))
        return 2;
    size_t b;
    if (strcmp(kind, "centre") == 0 && (b = branch_of(s, w, nw, i)) > i) {
        *k = b;
        return 1;
    }
    return compound && funded_passive(s, w, nw, i);
}

/* names_nothing: the words w[j..k] name a purpose, a question, a
 * portfolio or a predicate rather than a thing. */
static int names_nothing(const char *s, const xword *w, size_t nw, size_t j, size_t i, size_t k)
{
    /* "ein Maßnahmenpaket zur Stärkung der Innovationskraft": a thing
     * named by its purpose is an AI activity only where the sentence
     * speaks of AI */
    static const char *const aims[] = {"Stärkung", "Förderung", "Unterstützung", "Ausbau", NULL};
    int purpose = k > i + 1 && (xw_eq(s, &w[i + 1], "zur") || xw_eq(s, &w[i + 1], "zum")) &&
                  xw_in_list(s, &w[i + 2], aims) && !xn_sentence_ai(s, w, nw);
    return purpose || xw_not_a_name(s, w[j].a, w[k].b) || xn_predicative(s, w, j) ||
           xn_asked(s, w, nw, j) || xn_portfolio(s, w, j);
}

/* singular_name: the name whose head noun of kind is w[i], with the
 * words before and after that belong to it, added to r unless it names
 * nothing (a purpose, a question, a minister) or an organisation. The
 * index of its last word. */
static size_t singular_name(const char *s, const xword *w, size_t nw, size_t i, const char *kind,
                            sbuf *tmp, xnames *r)
{
    size_t j = extend_left(s, w, i), k = extend_right(s, w, nw, i), e;
    /* "3. Landes-KI-Konferenz": an event's ordinal is part of its name */
    if (strcmp(kind, "event") == 0 && j > 0 && (j < i || k > i || w[i].compound) &&
        w[j - 1].b - w[j - 1].a >= 2 && w[j - 1].b - w[j - 1].a <= 3 && s[w[j - 1].b - 1] == '.' &&
        xw_is_digit(s[w[j - 1].a]) && xw_is_digit(s[w[j - 1].b - 2]))
        j--;
    if ((e = strategy_in_prose(s, w, nw, j, i, k, kind, r)) > 0)
        return e;
    if (xn_coined_before(s, w, j, kind, r) || xn_land_own(s, w, j, i, k, kind, tmp, r))
        return k;
    int name = name_level(s, w, nw, j, i, &k, kind, tmp);
    if (!name)
        return i;
    /* "Digitalisierungs- und KI-Strategie des Landes": the first part
     * of a pair of compounds belongs to the name (it makes none) */
    if (j >= 2 && (xw_eq(s, &w[j - 1], "und") || xw_eq(s, &w[j - 1], "oder")) && w[j - 2].cap &&
        w[j - 2].b > w[j - 2].a && s[w[j - 2].b - 1] == '-')
        j -= 2;
    if (j >= 2 && xw_in_list(s, &w[j - 1], xn_connectors) &&
        (xw_in_list(s, &w[j - 2], roles) || w[j - 2].org))
        return i; /* "Direktor des Deutschen Zentrums für ..." is an organisation */
    if (names_nothing(s, w, nw, j, i, k))
        return k;
    if (xn_names_ministers(s, w[j].a, w[k].b) || xn_agent_before(s, w, j) ||
        xn_member_of(s, w, j, k) || xn_foreign_source(s, w, j) || xn_person_title(s, &w[j]) ||
        xn_carrier(s, w, nw, j, k, r)) {
        xnames_add(r, 1, w[j].a, w[k].b, NULL, X_RULE_HEAD, w[j].ts);
        return k;
    }
    if (xn_described_only(s, w, nw, j, i, k)) {
        if (k > i + 2 && w[k].allcaps) /* the DLR's institute: an organisation */
            xnames_add(r, 1, w[j].a, w[k].b, NULL, X_RULE_HEAD, w[j].ts);
        return k;
    }
    /* "Das Berliner KI-Kompetenzzentrum Berlin Institute for ...
     * (BIFOLD)": the head before a long form says what it is */
    for (size_t m = 0; m < r->n && k + 1 < nw && !w[k].punct; m++)
        if (r->v[m].rule == X_RULE_ABBR && r->v[m].a == w[k + 1].a && r->v[m].kind &&
            strcmp(r->v[m].kind, kind) == 0)
            return k;
    xnames_add(r, 0, w[j].a, w[k].b, kind, X_RULE_HEAD, w[j].ts);
    xname *n = &r->v[r->n - 1];
    n->weak = name == 2;
    n->described = j == i && xn_definite_description(s, w, i, k);
    n->demonstrative =
        (j > 0 && xw_in_list(s, &w[j - 1], xn_demonstratives)) || xn_apposition(s, w, j, i, k, r);
    n->head_a = w[i].a;
    n->head_b = w[i].b;
    return k;
}

/* find_heads: the names in the sentence w[0..nw) by their head nouns,
 * and the coined names beside them, appended to r. */
static void find_heads(const char *s, const xword *w, size_t nw, xnames *r)
{
    sbuf tmp = SBUF_INIT;
    for (size_t i = 0; i < nw; i++) {
        int plural, allc;
        if (dotted_coin(s, w, nw, i, r) || ki_system(s, w, i, r))
            continue;
        if (!(w[i].cap || xw_name_like(s, &w[i], &allc)))
            continue;
        const char *kind = xn_head_of(s, &w[i], &plural);
        if (w[i].org)
            i = org_name(s, w, nw, i, &tmp, r);
        else if (!kind)
            i = unheaded(s, w, nw, i, r);
        else if (plural_head(s, w, nw, i, plural))
            i = plural_name(s, w, nw, i, kind, r);
        else
            i = singular_name(s, w, nw, i, kind, &tmp, r);
    }
    sbuf_free(&tmp);
}

void xnames_find(const char *s, const xword *w, size_t nw, xpcache *cache, xnames *r)
{
    size_t from = r->n;
    xn_find_quotes(s, w, nw, r);
    xn_find_abbrevs(s, w, nw, cache, r);
    find_heads(s, w, nw, r);
    xn_find_ki_lists(s, w, nw, r);
    xn_join(s, r, from);
}

void xnames_free(xnames *r)
{
    free(r->v);
    memset(r, 0, sizeof *r);
}
