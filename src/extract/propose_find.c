/* propose_find.c: the steps of propose.c that find things in the
 * words of a section: the named activities (names.c's names merged, the
 * items of announced lists), the places and the organisations each
 * activity is given. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/geo.h"
#include "extract/extract_int.h"
#include "extract/propose_int.h"
#include "util/text.h"
#include "util/xalloc.h"

/* ---- the words the place rules look for -----------------------------
 *
 * Every word of a section is tested against these lists, so they are one
 * table built once: a word's bits say in which lists it is. */
enum {
    W_NOT_PLACE = 1,    /* looks like a place, is a word: "Essen", "Mitte", "Sachsen" */
    W_WEAK = 2,         /* a place may follow: "in", "aus" */
    W_POS = 4,          /* a place follows: "Standorte", "Sitz" */
    W_NAMED = 8,        /* a known place may follow: "Universität", "TH" */
    W_PREP = 16,        /* continues a noun phrase: "aus der Wirtschaft" */
    W_JOIN = 32,        /* joins a list: "und", "sowie" */
    W_AM = 64,          /* "Frankfurt am Main", "Halle an der Saale" */
    W_DETERMINER = 128, /* a noun follows: "die Mitte", "den Minister" */
    W_LAND_WORD = 256,  /* "des Landes Bremen" is the Land */
};

static const struct {
    unsigned bits;
    const char *const words[30];
} word_lists[] = {
    {W_NOT_PLACE,
     {"Essen", "Halle", "Hagen", "Bergen", "Wissen", "Mark", "Weil", "Lage", "Laufen", "Sachsen",
      "Mitte", "Kunst", "Marl", "Senden", "Werne", "Lehre", "Forst", "Wetter", "Norden"}},
    {W_WEAK, {"in", "aus", "nach", "bei"}},
    {W_POS, {"Standort", "Standorte", "Standorten", "Regionen", "Region", "Sitz"}},
    {W_NAMED,
     {"Universität", "Hochschule", "TH", "TU", "Landkreis", "Stadt", "Universitätsmedizin",
      "Universitätsklinikum", "Uniklinik", "Fachhochschule"}},
    {W_PREP,
     {"aus", "der", "des", "mit", "von", "für", "zur", "zum", "im", "am", "vom", "den", "die",
      "das"}},
    {W_JOIN, {"und", "sowie", "oder"}},
    {W_AM, {"am", "an"}},
    {W_DETERMINER,
     {"der",    "die",  "das",   "den",    "dem",   "des",    "Der",   "Die",  "Das",
      "ein",    "eine", "einen", "einem",  "einer", "eines",  "Ein",   "Eine", "unser",
      "unsere", "ihre", "seine", "dieser", "diese", "dieses", "jeder", "jede"}},
    {W_LAND_WORD, {"Land", "Landes", "Freistaat", "Freistaates"}},
};

enum { NSLOT = 512 };
static struct {
    const char *w;
    unsigned char len;
    unsigned bits;
} word_slots[NSLOT];
static pthread_once_t words_once = PTHREAD_ONCE_INIT;

static size_t word_hash(const char *s, size_t n)
{
    return ((unsigned char)s[0] * 31u + (unsigned char)s[n - 1] * 7u + n) % NSLOT;
}

static void build_words(void)
{
    for (size_t l = 0; l < sizeof word_lists / sizeof word_lists[0]; l++)
        for (const char *const *w = word_lists[l].words; *w; w++) {
            size_t n = strlen(*w), h = word_hash(*w, n);
            while (word_slots[h].w && strcmp(word_slots[h].w, *w) != 0)
                h = (h + 1) % NSLOT;
            word_slots[h].w = *w;
            word_slots[h].len = (unsigned char)n;
            word_slots[h].bits |= word_lists[l].bits;
        }
}

/* word_bits: the lists the word w is in (no word of them is longer than
 * 23 bytes: "Universitätsklinikum"). */
static unsigned word_bits(const char *s, const xword *w)
{
    size_t n = w->b - w->a;
    if (n == 0 || n > 23)
        return 0;
    pthread_once(&words_once, build_words);
    for (size_t h = word_hash(s + w->a, n); word_slots[h].w; h = (h + 1) % NSLOT)
        if (word_slots[h].len == n && memcmp(word_slots[h].w, s + w->a, n) == 0)
            return word_slots[h].bits;
    return 0;
}

/* word_is: 1 if the word w is in one of the lists of bits. */
static int word_is(const char *s, const xword *w, unsigned bits)
{
    return (word_bits(s, w) & bits) != 0;
}

/* try_place: locate s[a..b) and give it to the owner of pos; a name from
 * a list of places that the gazetteer does not know is reported. */
static int weq_word(const char *s, const xword *w, const char *lit)
{
    size_t l = strlen(lit);
    return w->b - w->a == l && memcmp(s + w->a, lit, l) == 0;
}

/* dateline: s[a..b) opens a line of a news text as where it was written
 * ("KIEL. ...", "Rostock (dpa/mv).", "Erfurt - Ein ...", "Bremen, 14. Juli
 * 2025."): the place of the news, not of an activity. */
int xprop_dateline(const char *s, size_t a, size_t b)
{
    const char *e = s + b;
    int caps = b - a >= 3;
    /* a town in capitals has letters and hyphens only ("KI@MINT. Er
     * ..." ends a sentence) */
    for (size_t i = a; i < b && caps; i++)
        caps = !(s[i] >= 'a' && s[i] <= 'z') && !(s[i] >= '0' && s[i] <= '9') &&
               !strchr("@._/&+#", s[i]);
    if (caps && e[0] == '.' && e[1] == ' ')
        return 1; /* "KIEL. Die Landesregierung ..." wherever the line breaks */
    if (a > 0 && s[a - 1] != '\n')
        return 0;
    return (e[0] == '.' && e[1] == ' ') || (e[0] == ' ' && e[1] == '(') ||
           (e[0] == ' ' && e[1] == '-' && e[2] == ' ') ||
           /* strncmp: the clean text ends in a NUL, which stops it */
           (e[0] == ' ' && strncmp(e + 1, "\xE2\x80\x93 ", 4) == 0) ||
           (e[0] == ',' && e[1] == ' ' && e[2] >= '0' && e[2] <= '9');
}

/* opens_name: the capitalised word w[i] opens the name of a thing whose
 * head noun follows within three words ("Tübingen AI Center", "Berlin
 * Big Data Center"). */
static int opens_name(const xword *w, size_t nw, size_t i)
{
    for (size_t k = i + 1; k < nw && k <= i + 3; k++) {
        if (w[k - 1].punct || !w[k].cap)
            return 0;
        if (w[k].hk)
            return 1;
    }
    return 0;
}

/* city_state: the Land l is a city as well (Berlin, Hamburg, Bremen): its
 * name is a place too. */
static int city_state(const geo_land *l)
{
    return l &&
           (strcmp(l->abbr, "BE") == 0 || strcmp(l->abbr, "HH") == 0 || strcmp(l->abbr, "HB") == 0);
}

/* place_json: the place pl as an entry's place. Caller owns it. */
static json_t *place_json(const geo_place *pl)
{
    return json_pack("{sssfsfss}", "name", pl->name, "lat", pl->lat, "lon", pl->lon, "land",
                     pl->land);
}

/* attach_place: the place pl to the activity that owns byte pos. */
static void attach_place(pctx *p, const geo_place *pl, size_t pos)
{
    long o = xprop_owner(p, pos);
    if (o >= 0 && !xprop_json_has_str(p->acts[o].places, "name", pl->name) &&
        json_array_size(p->acts[o].places) < 30)
        json_array_append_new(p->acts[o].places, place_json(pl));
}

/* attach_town_adjective: the capitalised word at w, before a head noun, is the
 * adjective of a town of 100,000 or more ("Berliner Zentrum für ...",
 * "auf dem Saarbrücker Uni-Campus", "Münchner", "Bremer"): the town goes
 * to the activity as a place. */
static int attach_town_adjective(pctx *p, const xword *w)
{
    size_t l = w->b - w->a;
    const char *t = p->s + w->a;
    if (l < 6 || l > 40 || memcmp(t + l - 2, "er", 2) != 0 || w->punct)
        return 0;
    char c[48];
    /* "Berliner": Berlin; "Bremer": Bremen; "Münchner": München */
    const size_t cut[] = {2, 2, 3};
    const char *const add[] = {"", "en", "en"};
    for (size_t k = 0; k < 3; k++) {
        size_t n = l - cut[k];
        if (k == 2 && t[n] != 'n')
            continue;
        memcpy(c, t, n);
        strcpy(c + n, add[k]);
        const geo_place *pl = NULL;
        const geo_land *land = NULL;
        if (xpcache_lookup(p->x->cache, p->x->g, c, strlen(c), p->sec->land, &pl, NULL) &&
            pl->population >= 100000) {
            xpcache_lookup(p->x->cache, p->x->g, c, strlen(c), p->sec->land, &pl, &land);
            if (land && !city_state(land))
                return 0;
            attach_place(p, pl, w->ts);
            return 1;
        }
    }
    return 0;
}

static int try_place(pctx *p, size_t a, size_t b, size_t pos, int strong, int big_only)
{
    if (b - a < 2 || b - a > 100)
        return 0;
    if (p->sec->news && xprop_dateline(p->s, a, b))
        return 1; /* a place, but no activity's */
    const geo_place *pl = NULL;
    const geo_land *land = NULL;
    int found = 0,
        hit = xpcache_lookup(p->x->cache, p->x->g, p->s + a, b - a, p->sec->land, &pl, NULL);
    /* a Land is no place, but the city states are both (looked up only
     * for names the gazetteer knows: geo_land_find is the slower call) */
    if (hit || strong)
        xpcache_lookup(p->x->cache, p->x->g, p->s + a, b - a, p->sec->land, &pl, &land);
    if (hit && (!land || city_state(land)) && (!big_only || pl->population >= 100000)) {
        attach_place(p, pl, pos);
        found = 1;
    } else if (strong && !land && xis_upper_at(p->s, b, a)) {
        long o = xprop_owner(p, pos);
        if (o >= 0)
            json_array_append_new(p->x->unplaced, json_pack("{ss%ss}", "name", p->s + a, b - a,
                                                            "entry", p->acts[o].title));
    }
    return found;
}

/* qualified_town: w[k] and a qualifier in parentheses after it ("Frankfurt
 * (Oder)", "Halle (Saale)") are a town the gazetteer knows; given to the
 * owner of w[k]. */
static int qualified_town(pctx *p, const xword *w, size_t nw, size_t k)
{
    return k + 1 < nw && w[k + 1].popen && w[k + 1].pclose && !w[k].punct &&
           w[k + 1].b < w[k + 1].te && p->s[w[k + 1].b] == ')' &&
           try_place(p, w[k].a, w[k + 1].b + 1, w[k].ts, 0, 0);
}

/* pair_of_places: the word is two places joined by a hyphen ("Leipzig-
 * Halle", a centre of both cities) or a slash ("Bremen/Bremerhaven") and
 * not a place itself: both go to the owner. */
static int pair_of_places(pctx *p, const xword *w)
{
    const char *s = p->s;
    const char *h = memchr(s + w->a, '-', w->b - w->a);
    if (!h)
        h = memchr(s + w->a, '/', w->b - w->a);
    if (!h || h == s + w->a || h + 2 >= s + w->b || memchr(h + 1, *h, (size_t)(s + w->b - h - 1)) ||
        !xis_upper_at(s, w->b, (size_t)(h + 1 - s)))
        return 0;
    const geo_place *pl;
    size_t m = (size_t)(h - s);
    if (xpcache_lookup(p->x->cache, p->x->g, s + w->a, w->b - w->a, p->sec->land, &pl, NULL))
        return 0;
    if (!xpcache_lookup(p->x->cache, p->x->g, s + w->a, m - w->a, p->sec->land, &pl, NULL) ||
        !xpcache_lookup(p->x->cache, p->x->g, s + m + 1, w->b - m - 1, p->sec->land, &pl, NULL))
        return 0;
    try_place(p, w->a, m, w->ts, 0, 0);
    try_place(p, m + 1, w->b, w->ts, 0, 0);
    return 1;
}

/* noun_phrase_next: the word after w[k] continues a noun phrase
 * ("Praxispartnern aus der Wirtschaft"): w[k] is no place name. */
static int noun_phrase_next(const char *s, const xword *w, size_t nw, size_t k)
{
    return k + 1 < nw && !w[k].punct && !w[k].pclose && word_is(s, &w[k + 1], W_PREP);
}

/* place_list: the places from w[k] on: "München, Regensburg, ... und
 * Würzburg", "Erlangen (Health), Ingolstadt (Mobility)", "Dresden/Leipzig". */
static void place_list(pctx *p, const xword *w, size_t nw, size_t k, int strong)
{
    for (int items = 0; k < nw && items < 16; items++) {
        if (!w[k].cap || word_is(p->s, &w[k], W_NOT_PLACE))
            return;
        size_t a = w[k].a, b = w[k].b;
        if (k + 2 < nw && word_is(p->s, &w[k + 1], W_AM) && w[k + 2].cap &&
            try_place(p, a, w[k + 2].b, w[k].ts, 0, 0)) {
            k += 2;
        } else if (qualified_town(p, w, nw, k)) {
            /* "in Frankfurt (Oder)": the qualifier says which one; the
             * loop below steps over it */
        } else if (k + 1 < nw && b - a == 3 && memcmp(p->s + a, "St.", 3) == 0 && w[k + 1].cap) {
            try_place(p, a, w[k + 1].b, w[k].ts, strong, 0); /* St. Augustin */
            k++;
        } else if (memchr(p->s + a, '/', b - a)) {
            size_t x = a;
            while (x < b) {
                const char *sl = memchr(p->s + x, '/', b - x);
                size_t y = sl ? (size_t)(sl - p->s) : b;
                if (!try_place(p, x, y, w[k].ts, strong, 0) && y == b && k + 1 < nw && w[k + 1].cap)
                    try_place(p, x, w[k + 1].b, w[k].ts, strong, 0), k++;
                x = y + 1;
            }
        } else {
            try_place(p, a, b, w[k].ts, strong && !noun_phrase_next(p->s, w, nw, k), 0);
        }
        int comma = p->s[w[k].b] == ',';
        if (k + 1 < nw && w[k + 1].popen) {
            while (k + 1 < nw && !w[k].pclose)
                k++;
            comma = w[k].te > 0 && p->s[w[k].te - 1] == ',';
        }
        if (comma && k + 1 < nw)
            k++;
        else if (k + 2 < nw && word_is(p->s, &w[k + 1], W_JOIN))
            k += 2;
        else
            return;
    }
}

/* org_place: the "in" at w[i] says where an organisation is ("dem
 * Deutschen Museum in Bonn"): the name ends before it or takes it in. */
static int org_place(const xnames *orgs, const xword *w, size_t i)
{
    for (size_t k = 0; k < orgs->n; k++)
        if ((i > 0 && orgs->v[k].b == w[i - 1].b) ||
            (orgs->v[k].a < w[i].a && w[i].b <= orgs->v[k].b))
            return 1;
    return 0;
}

/* city_of_state: an activity of Berlin, Hamburg or Bremen that no
 * sentence gives a place is in the city of its Land ("Wir haben eine
 * KI-Governance eingerichtet" in a Hamburg text): the map shows it there. */
static void city_of_state(pctx *p)
{
    for (size_t i = 0; i < p->na; i++) {
        act *a = &p->acts[i];
        const char *code = a->own_land ? a->land : p->sec->land;
        const geo_land *l = code ? geo_land_by_code(code) : NULL;
        const geo_place *pl;
        if (json_array_size(a->places) == 0 && city_state(l) &&
            xpcache_lookup(p->x->cache, p->x->g, l->name, strlen(l->name), code, &pl, NULL))
            json_array_append_new(a->places, place_json(pl));
    }
}

void xprop_attach_places(pctx *p, const xnames *orgs)
{
    int strong;
    for (size_t si = 0; si < p->ns; si++) {
        xword *w = p->W + p->ws[si];
        size_t nw = p->ws[si + 1] - p->ws[si];
        for (size_t i = 0; i < nw; i++) {
            /* the weak words are in lower case, the others capitalised:
             * one test for most words */
            if (!w[i].cap) {
                if (!(i + 1 < nw && w[i + 1].cap && word_is(p->s, &w[i], W_WEAK)))
                    continue;
                if (!org_place(orgs, w, i))
                    place_list(p, w, nw, i + 1, 0);
                else
                    i++; /* the organisation's place, not an activity's */
                continue;
            }
            /* 2 after a word that puts a place next ("Standorte sind ...",
             * "Sitz in", "Region"): a name there that the gazetteer does
             * not know is reported; 1 after a word that a place may follow
             * ("Universität Augsburg", "TH Ingolstadt", "Landkreis"): only
             * a known place counts ("TH Minister ..." in a list of
             * attendees is no place) */
            unsigned bits = word_bits(p->s, &w[i]);
            strong = bits & W_POS ? 2 : bits & W_NAMED ? 1 : 0;
            if (strong == 1 && p->sec->news && i > 1 && !weq_word(p->s, &w[i], "Stadt") &&
                !weq_word(p->s, &w[i], "Landkreis")) {
                /* "Partner sind ... die Hochschule Neubrandenburg", "das
                 * Projekt der Universität zu Lübeck": in a news text the
                 * place of a partner organisation, not of the activity;
                 * an organisation opening the sentence ("Die Hochschule
                 * Heilbronn bekommt ... für das KI-Labor") is where the
                 * activity is; a town or district is no partner's seat
                 * but the place ("erhielt die Stadt Halle (Saale)") */
                if (i + 2 < nw && !w[i].punct && weq_word(p->s, &w[i + 1], "zu"))
                    i++;
                if (i + 1 < nw && !w[i].punct)
                    i++;
                continue;
            }
            if (strong != 0) {
                for (size_t k = i + 1; k < nw && k <= i + 5; k++) {
                    if (w[k].cap && !word_is(p->s, &w[k], W_NOT_PLACE)) {
                        const geo_place *pl;
                        int ok = xpcache_lookup(p->x->cache, p->x->g, p->s + w[k].a,
                                                w[k].b - w[k].a, p->sec->land, &pl, NULL);
                        if (ok || (k == i + 1 && strong == 2)) {
                            place_list(p, w, nw, k, strong == 2);
                            break;
                        }
                    }
                    if (w[k].punct)
                        break;
                }
            } else if (p->sec->news && i > 0 && w[i - 1].allcaps && !w[i - 1].punct &&
                       w[i - 1].b - w[i - 1].a >= 3 && !weq_word(p->s, &w[i - 1], "KI")) {
                /* "die BTU Cottbus-Senftenberg", "das DFKI Kaiserslautern":
                 * in a news text the seat of an organisation */
            } else if (qualified_town(p, w, nw, i)) {
                /* "die Stadt Halle (Saale)": the qualifier makes the word
                 * that is a noun as well ("Halle") a town */
                i++;
            } else if (pair_of_places(p, &w[i])) {
                /* "Mittelstand-Digital-Zentrum Leipzig-Halle": both */
            } else if (w[i].popen && w[i].pclose && i > 0 && w[i - 1].cap && !w[i - 1].hk &&
                       !w[i - 1].punct) {
                /* "Rektoren Karla Pollmann (Tübingen), Peter Middendorf
                 * (Stuttgart)": where a person or organisation comes
                 * from, not where the activity is */
            } else if (i + 1 < nw && w[i + 1].cap && w[i + 1].hk && !(bits & W_NOT_PLACE) &&
                       attach_town_adjective(p, &w[i])) {
                /* "dem Berliner Zentrum für ...": the adjective opens a
                 * name, after an article too ("die Hamburger Verwaltung"
                 * is no name) */
            } else if (i > 0 && word_is(p->s, &w[i - 1], W_DETERMINER) && !(bits & W_NOT_PLACE) &&
                       opens_name(w, nw, i)) {
                /* "dem Berlin Big Data Center": after the article, the
                 * town opens the name */
                try_place(p, w[i].a, w[i].b, w[i].ts, 0, 0);
            } else if (w[i].b - w[i].a >= 4 && !(bits & W_NOT_PLACE) &&
                       !(i > 0 && word_is(p->s, &w[i - 1], W_DETERMINER | W_LAND_WORD))) {
                /* "des Landes Bremen" is the Land, not the city */
                /* a city named anywhere: Heilbronn, Augsburg; a word after
                 * an article is a noun ("die Mitte", "den Minister"). A
                 * list it begins names places of any size ("Augsburg,
                 * Berlin, ..., Kaiserslautern, Saarbrücken"). */
                /* right after an activity's head noun a town of any size
                 * is its place: "KI-Transferlabor Flensburg" */
                int named = i > 0 && w[i - 1].hk && !w[i - 1].punct && !w[i - 1].org;
                /* ... or opening the name: "Tübingen AI Center" */
                named |= opens_name(w, nw, i);
                /* ... or after "im" and a regional adjective: "Im
                 * unterfränkischen Schweinfurt unterstützt das Projekt" */
                named |= i >= 2 && !w[i - 1].cap && !w[i - 2].punct &&
                         w[i - 1].b - w[i - 1].a > 4 &&
                         memcmp(p->s + w[i - 1].b - 2, "en", 2) == 0 &&
                         (weq_word(p->s, &w[i - 2], "im") || weq_word(p->s, &w[i - 2], "Im"));
                if (try_place(p, w[i].a, w[i].b, w[i].ts, 0, !named) && i + 1 < nw &&
                    p->s[w[i].b] == ',')
                    place_list(p, w, nw, i, 0);
            }
        }
    }
    city_of_state(p);
}

/* xprop_words_of_sentences: the words of every sentence, marked once. */
void xprop_words_of_sentences(pctx *p)
{
    size_t cap = 256, n = 0;
    p->W = xmalloc(cap * sizeof *p->W);
    p->ws = xmalloc((p->ns + 1) * sizeof *p->ws);
    sbuf tmp = SBUF_INIT;
    for (size_t si = 0; si < p->ns; si++) {
        xword *w;
        size_t nw = xwords(p->s, p->S[si].a, p->S[si].b, &w);
        xwords_mark(p->s, w, nw, &tmp, p->x->words);
        if (n + nw > cap) {
            while (n + nw > cap)
                cap *= 2;
            p->W = xrealloc(p->W, cap * sizeof *p->W);
        }
        memcpy(p->W + n, w, nw * sizeof *w);
        p->ws[si] = n;
        n += nw;
        free(w);
    }
    p->ws[p->ns] = n;
    sbuf_free(&tmp);
}

void xprop_attach_orgs(pctx *p, const xnames *orgs)
{
    for (size_t i = 0; i < orgs->n; i++) {
        const xname *n = &orgs->v[i];
        long o = xprop_owner(p, n->pos);
        if (o < 0 || n->b - n->a > 300 || json_array_size(p->acts[o].orgs) >= 10)
            continue;
        char *t = xstrndup(p->s + n->a, n->b - n->a);
        if (!xprop_json_has_str(p->acts[o].orgs, NULL, t))
            json_array_append_new(p->acts[o].orgs, json_string(t));
        free(t);
    }
}

/* same_text: n and m name the same words. */
static int same_text(const char *s, const xname *n, const xname *m)
{
    return n->b - n->a == m->b - m->a && memcmp(s + n->a, s + m->a, n->b - n->a) == 0;
}

/* ---- announced lists ------------------------------------------------
 *
 * "Aktuell werden folgende Vorhaben umgesetzt:" then one line per
 * project, named by what it does ("Erstellen eines
 * Potentialflächenkatasters", "Prüfen von Schwerlasttransportanträgen"):
 * a block ending in ':' whose last sentence announces ("folgende", "Im
 * Einzelnen", "Dazu zählen") and whose last two sentences name a plural
 * of activities (Vorhaben, Projekte, Forschungsverbünde ...) opens a
 * list; every block after it is an activity, up to a numbered heading
 * ("2. ..."), a sentence that begins with an article or pronoun (prose
 * again), a new announcement or twelve items. An item's title is its
 * first phrase, up to a dash, a colon, a parenthesis, a comma, "sowie" or
 * a sentence end, at most twelve words. */

static int has_any(const char *f, const char *const *w)
{
    for (; *w; w++)
        if (strstr(f, *w))
            return 1;
    return 0;
}

/* announces: the block s[a..e) (ending in ':') opens a list of
 * activities. */
static int announces(const char *s, size_t a, size_t e)
{
    static const char *const cue[] = {
        "folgende", "im einzelnen", "dazu zaehlen", "dazu gehoeren", "darunter", "und zwar", NULL};
    static const char *const plurals[] = {"vorhaben",    "projekte",         "pilotprojekte",
                                          "massnahmen",  "verbuende",        "forschungsverbuende",
                                          "anwendungen", "anwendungsfaelle", "use cases",
                                          "initiativen", "programme",        NULL};
    /* the last two sentences */
    size_t st = a, dots = 0;
    for (size_t i = e; i > a + 1 && dots < 2; i--)
        if (s[i - 1] == ' ' && s[i - 2] == '.') {
            dots++;
            if (dots == 1 || dots == 2)
                st = i;
        }
    if (dots < 2)
        st = a;
    size_t last = a;
    for (size_t i = e; i > a + 1; i--)
        if (s[i - 1] == ' ' && s[i - 2] == '.') {
            last = i;
            break;
        }
    if (e - st > 600)
        return 0;
    sbuf f = SBUF_INIT, g = SBUF_INIT;
    xfold(&f, s + last, e - last);
    xfold(&g, s + st, e - st);
    int yes = has_any(f.s, cue) && has_any(g.s, plurals);
    sbuf_free(&f);
    sbuf_free(&g);
    return yes;
}

/* item_ok: the block s[a..e) can be an item of the list: no numbered
 * heading, no prose beginning with an article or pronoun. */
static int item_ok(const char *s, size_t a, size_t e)
{
    static const char *const prose[] = {"Der ",  "Die ",  "Das ", "Es ",   "Sie ",  "Er ",
                                        "Wir ",  "Dies",  "Ein ", "Eine ", "Im ",   "In ",
                                        "Mit ",  "Zudem", "Auch", "Dabei", "Damit", "Hierzu",
                                        "Neben", "Ziel",  NULL};
    if (e - a < 6)
        return 0;
    if (s[a] >= '0' && s[a] <= '9') {
        size_t i = a;
        while (i < e && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i < e && (s[i] == '.' || s[i] == ')'))
            return 0;
    }
    for (const char *const *q = prose; *q; q++)
        if (strncmp(s + a, *q, strlen(*q)) == 0)
            return 0;
    return 1;
}

/* item_title: the end of the first phrase of the item at s[a..e); *named
 * is set if a dash, colon or parenthesis ends it (a name, then what it
 * is). */
static size_t item_title(const char *s, size_t a, size_t e, int *named)
{
    static const char *const stops[] = {" \xE2\x80\x93 ", " - ", ": ", " (", ", ",
                                        " sowie ",        ". ",  "; ", NULL};
    size_t b = e, words = 0;
    for (size_t i = a; i < e; i++) {
        for (const char *const *q = stops; *q; q++) {
            size_t l = strlen(*q);
            if (i + l <= e && memcmp(s + i, *q, l) == 0 && i < b)
                b = i;
        }
        if (i >= b)
            break;
        if (s[i] == ' ' && ++words == 12) {
            b = i;
            break;
        }
    }
    *named = b < e &&
             (s[b] == ':' || s[b + 1] == '-' || s[b + 1] == '(' || (unsigned char)s[b + 1] == 0xE2);
    while (b > a && strchr(".,;: ", s[b - 1]))
        b--;
    return b;
}

/* announces_parts: the block s[a..e) (ending in ':') announces the parts
 * of a strategy ("Die KI-Strategie definiert acht Handlungsfelder ...:",
 * "Folgende strategische Ziele werden genannt:"): its items name fields,
 * not activities ("KI@Netzwerk" is a Handlungsfeld). */
static int announces_parts(const char *s, size_t a, size_t e)
{
    static const char *const parts[] = {"handlungsfelder", "ziele",        "schwerpunkte",
                                        "saeulen",         "themenfelder", "innovationsfelder",
                                        "leitlinien",      "grundsaetze",  NULL};
    size_t last = a;
    for (size_t i = e; i > a + 1; i--)
        if (s[i - 1] == ' ' && s[i - 2] == '.') {
            last = i;
            break;
        }
    sbuf f = SBUF_INIT;
    xfold(&f, s + last, e - last);
    int yes = has_any(f.s, parts);
    sbuf_free(&f);
    return yes;
}

/* part_labels: where the items of such lists begin (after "1. "), in
 * order, into *out (caller frees); returns the count. */
static size_t part_labels(const pctx *p, size_t **out)
{
    const char *s = p->s;
    size_t a = p->sec->start, end = p->sec->end, n = 0, cap = 0;
    size_t *v = NULL;
    int open = 0, k = 0;
    while (a < end) {
        const char *nl = memchr(s + a, '\n', end - a);
        size_t e = nl ? (size_t)(nl - s) : end, b = e;
        while (b > a && s[b - 1] == ' ')
            b--;
        int colon = b > a && s[b - 1] == ':';
        size_t i = a;
        while (i < b && s[i] >= '0' && s[i] <= '9')
            i++;
        int numbered = i > a && i + 1 < b && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ';
        if (open && (colon || k >= 16 || (!numbered && b - a > 300)))
            open = 0;
        if (open) {
            k++;
            if (n == cap) {
                cap = cap ? 2 * cap : 8;
                v = xrealloc(v, cap * sizeof *v);
            }
            /* "2. Eine Forschungsagenda für neue Perspektiven aufsetzen":
             * the label is named after its article */
            static const char *const arts[] = {"Die ",  "Der ", "Das ",   "Den ",
                                               "Eine ", "Ein ", "Einen ", NULL};
            size_t at = numbered ? i + 2 : a;
            for (size_t q = 0; arts[q]; q++)
                if (at + strlen(arts[q]) < b && memcmp(s + at, arts[q], strlen(arts[q])) == 0) {
                    at += strlen(arts[q]);
                    break;
                }
            v[n++] = at;
        }
        if (colon && announces_parts(s, a, b)) {
            open = 1;
            k = 0;
        }
        a = e + 1;
    }
    *out = v;
    return n;
}

/* speaks_of_ai: s[a..b) names AI. */
int xprop_speaks_of_ai(const char *s, size_t a, size_t b)
{
    static const char *const ai[] = {"KI",           "Künstliche",   "Künstlicher",
                                     "künstliche",   "künstlicher",  "Intelligenz",
                                     "Maschinelles", "maschinelles", "Machine Learning",
                                     "AI",           "Data Science", NULL};
    for (const char *const *k = ai; *k; k++) {
        size_t l = strlen(*k);
        for (size_t i = a; i + l <= b; i++)
            if (memcmp(s + i, *k, l) == 0)
                return 1;
    }
    return 0;
}

/* ai_item: in a news text, an item at s[a..e) that heads a paragraph of
 * prose, or the paragraph, speaks of AI: of a list of funded items ("Dazu
 * zählen: Potentiale der Hochschulen entfalten ... Künstliche Intelligenz
 * zugänglich machen ...") only the AI ones are activities of the map. A
 * list of bare items and a report's list of its projects keep every
 * item. */
static int ai_item(const pctx *p, size_t a, size_t e)
{
    if (!p->sec->news)
        return 1;
    const char *s = p->s;
    size_t end = p->sec->end, nb = e < end ? e + 1 : end;
    while (nb < end && s[nb] == '\n')
        nb++;
    const char *nl = nb < end ? memchr(s + nb, '\n', end - nb) : NULL;
    size_t ne = nl ? (size_t)(nl - s) : end;
    if (ne - nb <= 200)
        return 1;
    return xprop_speaks_of_ai(s, a, ne);
}

/* list_items: the items of announced lists in the section, as names
 * (title span, kind by a head noun in it, else "project"). */
static void list_items(pctx *p, xnames *items)
{
    const char *s = p->s;
    size_t a = p->sec->start, end = p->sec->end;
    int open = 0, n = 0, headed = 0;
    while (a < end) {
        const char *nl = memchr(s + a, '\n', end - a);
        size_t e = nl ? (size_t)(nl - s) : end, b = e;
        while (b > a && s[b - 1] == ' ')
            b--;
        int colon = b > a && s[b - 1] == ':';
        /* in a news text an item may head a paragraph of prose ("Kluge
         * Köpfe für die Wissenschaft" / "Mit rund 11 Mio. Euro sollen
         * ..."): the paragraph does not end the list */
        if (open && headed && !colon && b - a > 200 && p->sec->news) {
            headed = 0;
            a = e + 1;
            continue;
        }
        headed = 0;
        if (open && (colon || !item_ok(s, a, b) || n >= 12))
            open = 0;
        int named = 0;
        size_t t = open ? item_title(s, a, b, &named) : a;
        /* a paragraph of prose under a heading item is no item; an item
         * may go on after its name ("KI-TIERWOHL – Smarte Technologien
         * ... Das Projekt ...") */
        if (open && (b - a <= 200 || named)) {
            headed = b - a <= 200 && t > a + 3;
            if (t > a + 3 && ai_item(p, a, e) &&
                !(t - a <= 40 && memchr(s + a, ' ', t - a) == NULL && !xis_upper_at(s, t, a))) {
                xname *x = xnames_add(items, 0, a, t, "project", X_RULE_HEAD, a);
                xword *w;
                size_t nw = xwords(s, a, t, &w);
                for (size_t k = 0; k < nw; k++) {
                    int pl;
                    const char *hk = xhead_kind(s + w[k].a, w[k].b - w[k].a, &pl);
                    if (hk && !pl && xis_upper_at(s, w[k].b, w[k].a)) {
                        x->kind = hk;
                        break;
                    }
                }
                free(w);
                n++;
            }
        }
        if (colon && announces(s, a, b)) {
            open = 1;
            n = 0;
        }
        a = e + 1;
    }
}

/* table_cells: a row of a table of the Länder ("| Bayern | KI-Agenda
 * (2025); KI-Transfer Plus; Bayern-KI | MCML München (Bund-Land) |")
 * lists its activities as the items of its cells, between '|' and ';'.
 * An item that speaks of AI or begins with a name in capitals is one,
 * titled by its first phrase; a ministry's ("BMBF-Förderung ...") is the
 * Bund's help, not an activity of the row. */
static void table_cells(pctx *p, xnames *items)
{
    const char *s = p->s;
    size_t a = p->sec->start, end = p->sec->end;
    if (a == 0 || s[a - 1] != '|')
        return;
    while (a < end) {
        size_t e = a;
        while (e < end && s[e] != '|' && s[e] != ';' && s[e] != '\n')
            e++;
        while (a < e && s[a] == ' ')
            a++;
        int named;
        size_t t = item_title(s, a, e, &named);
        xword *w;
        size_t nw = xwords(s, a, t, &w);
        int acronym = nw > 0 && w[0].allcaps;
        int ministry = nw > 0 && w[0].b - w[0].a >= 2 && s[w[0].a] == 'B' && s[w[0].a + 1] == 'M';
        /* "KI integriert in GD:B" is a remark, not a name */
        int prose = 0;
        for (size_t k = 1; k < nw && !prose; k++)
            prose = !w[k].cap && !xw_in_list(s, &w[k], xn_connectors) && !xw_is_digit(s[w[k].a]);
        free(w);
        if (t > a + 2 && t - a <= 60 && xis_upper_at(s, t, a) && !ministry && !prose &&
            (xprop_speaks_of_ai(s, a, t) || acronym)) {
            xname *x = xnames_add(items, 0, a, t, "project", X_RULE_HEAD, a);
            int pl;
            const char *hk = xhead_kind(s + a, t - a, &pl);
            if (hk && !pl)
                x->kind = hk;
        }
        a = e + 1;
    }
}

static int cmp_item(const void *x, const void *y)
{
    const xname *a = x, *b = y;
    return (a->a > b->a) - (a->a < b->a);
}

/* xprop_find_acts: names of every sentence merged into activities, and the
 * mentions; organisations into *orgs. */
void xprop_find_acts(pctx *p, xnames *orgs)
{
    xnames all = {0}, items = {0};
    size_t *sent = NULL, cap = 0, it = 0;
    list_items(p, &items);
    table_cells(p, &items);
    if (items.n > 1)
        qsort(items.v, items.n, sizeof *items.v, cmp_item);
    for (size_t si = 0; si < p->ns; si++) {
        size_t from = all.n;
        /* an item names its activity before any name inside it */
        while (it < items.n && items.v[it].a < p->S[si].b) {
            if (all.n == all.cap) {
                all.cap = all.cap ? 2 * all.cap : 16;
                all.v = xrealloc(all.v, all.cap * sizeof *all.v);
            }
            all.v[all.n++] = items.v[it++];
        }
        xnames_find(p->s, p->W + p->ws[si], p->ws[si + 1] - p->ws[si], p->x->cache, &all);
        if (all.n > cap) {
            cap = all.cap;
            sent = xrealloc(sent, cap * sizeof *sent);
        }
        for (size_t k = from; k < all.n; k++)
            sent[k] = si;
    }
    size_t *labels, nl = part_labels(p, &labels), li = 0;
    long cur = -1;
    for (size_t k = 0; k < all.n; k++) {
        xname *n = &all.v[k];
        while (li < nl && labels[li] < n->a)
            li++;
        if (li < nl && labels[li] == n->a && !n->org)
            continue; /* the label of a Handlungsfeld */
        if (n->org) {
            if (orgs->n == orgs->cap) {
                orgs->cap = orgs->cap ? 2 * orgs->cap : 16;
                orgs->v = xrealloc(orgs->v, orgs->cap * sizeof *orgs->v);
            }
            orgs->v[orgs->n++] = *n;
            continue;
        }
        /* "gemeinsam mit der Zukunftsagentur X" then "Die Zukunftsagentur
         * X übernimmt ...": an organisation named before stays one */
        int was_org = 0;
        for (size_t q = 0; q < orgs->n && !was_org; q++)
            was_org = same_text(p->s, n, &orgs->v[q]);
        /* "BNetzA zum Umsetzungsstand" in the heading, "Die
         * Bundesnetzagentur (BNetzA)" after it: the short name of an
         * organisation named later is the organisation */
        for (size_t q = k + 1; q < all.n && !was_org; q++)
            was_org = all.v[q].org && all.v[q].alias_b > all.v[q].alias_a &&
                      all.v[q].alias_b - all.v[q].alias_a == n->b - n->a &&
                      memcmp(p->s + all.v[q].alias_a, p->s + n->a, n->b - n->a) == 0;
        /* "(v. l.): Andreas Hennig, KI-Transfer-Hub SH, ..." in a caption,
         * then "In Kooperation mit dem KI-Transfer-Hub SH": the same words
         * an organisation later are one before */
        for (size_t q = k + 1; q < all.n && !was_org; q++)
            was_org = all.v[q].org && n->rule == X_RULE_HEAD && all.v[q].rule == X_RULE_HEAD &&
                      same_text(p->s, n, &all.v[q]);
        if (was_org || xprop_not_an_activity(p, n, &p->S[sent[k]]))
            continue;
        if (n->repeat) {
            int again = 0;
            for (size_t q = 0; q < all.n && !again; q++)
                again = q != k && all.v[q].rule == X_RULE_QUOTE && same_text(p->s, n, &all.v[q]);
            if (!again)
                continue;
        }
        size_t had = p->na, ai = xprop_merge_name(p, n, (long)sent[k], cur);
        if (ai != SIZE_MAX) {
            /* "Mit der KI-Strategie gibt sich Brandenburg ...": a mere
             * reference to a strategy named before continues it, as a
             * sentence without a name does */
            if (!(n->own == 2 && ai < had))
                xprop_add_mention(p, n->pos, ai);
            cur = (long)ai;
        }
    }
    free(sent);
    free(labels);
    xnames_free(&all);
    xnames_free(&items);
}
