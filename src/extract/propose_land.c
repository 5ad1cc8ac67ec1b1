/* propose_land.c: whose activity a new one is where it is not its
 * section's Land: a known institution's Land, a Land named in the name,
 * the Bund's programme in a Land's text, a Land's centre in a federal
 * text. */
#include <string.h>

#include "core/geo.h"
#include "extract/extract_int.h"
#include "extract/propose_int.h"
#include "util/sbuf.h"

/* federal_name: in a Land's news text, the name at s[a..b) of sentence
 * sp is a federal programme: a federal word just before it ("im Rahmen
 * des Bundesprogramms „...“", "von der Bund-Länder-Initiative „...“",
 * "hatten Bund und Länder die Förderinitiative „...“ aufgelegt"), a
 * national name ("Nationale Initiative ...") or a federal word right
 * after it ("die KI-Servicezentren des Bundes", "die KI-Strategie der
 * Bundesregierung"). */
static int federal_name(const char *s, const xspan *sp, size_t a, size_t b)
{
    /* "ein deutsch-französisches Zentrum für ...": the Bund's with France */
    static const char *const before[] = {
        "Bundesprogramm",       "Bund-Länder",         "Bund/Länder", "Bund und Länder",
        "Bundesförderprogramm", "deutsch-französisch", NULL};
    static const char *const after[] = {" des Bundes", " der Bundesregierung", NULL};
    static const char *const own[] = {" der Bundesregierung", " des Bundes", NULL};
    for (size_t k = 0; own[k]; k++) {
        size_t l = strlen(own[k]);
        if (b - a > l && memcmp(s + b - l, own[k], l) == 0)
            return 1; /* "KI-Strategie der Bundesregierung" */
    }
    /* "der Nationalen Initiative Künstliche Intelligenz und Datenökonomie" */
    if ((b - a > 10 &&
         (memcmp(s + a, "Nationale ", 10) == 0 || memcmp(s + a, "nationale ", 10) == 0)) ||
        (b - a > 11 &&
         (memcmp(s + a, "Nationalen ", 11) == 0 || memcmp(s + a, "nationalen ", 11) == 0)))
        return 1;
    /* "einer Bundesstrategie zur Künstlichen Intelligenz", "der
     * Bundeswettbewerb ...": a federal compound (not "Bundesland") */
    if (b - a > 8 && memcmp(s + a, "Bundes", 6) == 0 && s[a + 6] >= 'a' && s[a + 6] <= 'z' &&
        memcmp(s + a + 6, "land", 4) != 0 && memcmp(s + a + 6, "l\xC3\xA4nd", 5) != 0)
        return 1;
    size_t from = a > sp->a + 40 ? a - 40 : sp->a;
    for (size_t k = 0; before[k]; k++) {
        size_t l = strlen(before[k]);
        for (size_t i = from; i + l <= a; i++)
            if (memcmp(s + i, before[k], l) == 0)
                return 1;
    }
    /* "Mit einer Förderinitiative wollen Bund und Länder ..." */
    for (size_t k = 2; k < 4; k++) {
        size_t l = strlen(before[k]);
        for (size_t i = b; i + l <= sp->b && i < b + 30; i++)
            if (memcmp(s + i, before[k], l) == 0)
                return 1;
    }
    size_t e = b;
    while (e < sp->b && e < b + 4 && (s[e] == '"' || (unsigned char)s[e] >= 0x80))
        e++; /* a closing quote */
    for (size_t k = 0; after[k]; k++) {
        size_t l = strlen(after[k]);
        if (e + l <= sp->b && memcmp(s + e, after[k], l) == 0 &&
            (e + l == sp->b || !(s[e + l] >= 'a' && s[e + l] <= 'z')))
            return 1;
    }
    return 0;
}

/* federal_programme: a programme or strategy named in a sentence whose
 * actor is a federal ministry ("erhöht das Bundesministerium für
 * Wirtschaft ... die Förderung des EXIST-Programms", "Mit EXIST will das
 * BMWi ...") and that names no Land: the Bund's. A centre or project the
 * Bund funds stays the Land's where it is. */
static int federal_programme(const pctx *p, const xspan *sp, const char *kind)
{
    static const char *const fed[] = {
        "Bundesministeri", "BMBF", "BMWi", "BMWK", "BMAS", "BMDV", "BMUV", "BMFTR", NULL};
    if (!kind || (strcmp(kind, "programme") != 0 && strcmp(kind, "strategy") != 0))
        return 0;
    const char *s = p->s;
    int f = 0;
    for (size_t k = 0; fed[k] && !f; k++) {
        size_t l = strlen(fed[k]);
        for (size_t i = sp->a; i + l <= sp->b && !f; i++)
            f = memcmp(s + i, fed[k], l) == 0;
    }
    if (!f)
        return 0;
    /* a Land named in the sentence: its own programme with federal money */
    for (size_t i = sp->a; i < sp->b;) {
        while (i < sp->b && !xis_upper_at(s, sp->b, i))
            i++;
        size_t e = i;
        while (e < sp->b && s[e] != ' ' && s[e] != ',' && s[e] != '.' && s[e] != ')')
            e++;
        if (e > i && xprop_named_land(p->x->cache, s, i, e))
            return 0;
        i = e > i ? e : i + 1;
    }
    return 1;
}

/* named_land: the Land whose name or adjective is a word of the name
 * s[a..b) ("Berliner Zentrum für Maschinelles Lernen", "KI-Campus
 * Berlin"), or NULL. */
const char *xprop_named_land(xpcache *c, const char *s, size_t a, size_t b)
{
    sbuf f = SBUF_INIT;
    const char *code = NULL;
    for (size_t i = a; i < b && !code;) {
        while (i < b && (s[i] == ' ' || s[i] == '-' || s[i] == '(' || s[i] == ')' || s[i] == ',' ||
                         s[i] == '"'))
            i++;
        /* "Baden-Württemberg" whole, else "KI-Allianz-Bayern" by parts */
        size_t whole = i;
        while (whole < b && s[whole] != ' ' && s[whole] != ')' && s[whole] != ',')
            whole++;
        if (whole - i >= 3 && whole - i < 40 && memchr(s + i, '-', whole - i)) {
            char w[48];
            memcpy(w, s + i, whole - i);
            w[whole - i] = '\0';
            if (whole - i <= 4) { /* "M-V", "S-H": a code */
                size_t n = 0;
                for (size_t q = 0; w[q]; q++)
                    if (w[q] != '-')
                        w[n++] = w[q];
                w[n] = '\0';
            }
            const geo_land *l = xpcache_land(c, w, strlen(w));
            /* "Sachsen-Anhalts": the genitive, not "Sachsen" */
            if (!l && strlen(w) > 5 && w[strlen(w) - 1] == 's')
                l = xpcache_land(c, w, strlen(w) - 1);
            if (l) {
                code = l->code;
                break;
            }
        }
        size_t e = i;
        while (e < b && s[e] != ' ' && s[e] != '-' && s[e] != ')' && s[e] != ',')
            e++;
        if (e - i >= 4 && e - i < 40 && xis_upper_at(s, b, i)) {
            char w[48];
            memcpy(w, s + i, e - i);
            w[e - i] = '\0';
            const geo_land *l = xpcache_land(c, w, strlen(w));
            if (l)
                code = l->code;
            sbuf_reset(&f);
            xfold(&f, s + i, e - i);
            if (!code)
                code = xadj_land(f.s, f.len);
        }
        i = e;
    }
    sbuf_free(&f);
    return code;
}

/* city_land: the Land of a town (of at least 50,000 people: a name's
 * small word is rarely a town) that begins the name s[a..b) or follows
 * its head ("Tübingen AI Center", "KI-Zentrum Rostock"), or NULL. A
 * centre is where it stands; a federal text names the Länder's centres. */
static const char *city_land(pctx *p, size_t a, size_t b)
{
    const char *s = p->s;
    for (size_t i = a, k = 0; i < b && k < 6; k++) {
        while (i < b && (s[i] == ' ' || s[i] == '"' || (unsigned char)s[i] >= 0x80) &&
               !xis_upper_at(s, b, i))
            i++;
        size_t e = i;
        while (e < b && s[e] != ' ' && s[e] != ',' && s[e] != ')' && s[e] != '-')
            e++;
        if (e - i >= 4 && xis_upper_at(s, b, i)) {
            const geo_place *pl = NULL;
            if (xpcache_lookup(p->x->cache, p->x->g, s + i, e - i, NULL, &pl, NULL) && pl &&
                pl->population >= 50000)
                return pl->land;
        }
        i = e > i ? e + 1 : i + 1;
    }
    return NULL;
}

/* adjective_before: "das hessische Zentrum für ...": the Land of the
 * adjective right before the name at s[a..), within the sentence from
 * from; NULL if none. */
static const char *adjective_before(const char *s, size_t from, size_t a)
{
    size_t e = a;
    while (e > from && s[e - 1] == ' ')
        e--;
    size_t b = e;
    while (b > from && s[b - 1] != ' ')
        b--;
    if (e - b < 5 || e - b > 40)
        return NULL;
    sbuf f = SBUF_INIT;
    xfold(&f, s + b, e - b);
    const char *code = xadj_land(f.s, f.len);
    sbuf_free(&f);
    return code;
}

/* names_land: a word of s[a..b) (split at spaces and hyphens) names the
 * Land code: "KI-Servicezentrum Berlin-Brandenburg" is Brandenburg's too. */
static int names_land(xpcache *c, const char *s, size_t a, size_t b, const char *code)
{
    for (size_t i = a; i < b;) {
        while (i < b && (s[i] == ' ' || s[i] == '-'))
            i++;
        size_t e = i;
        while (e < b && s[e] != ' ' && s[e] != '-')
            e++;
        char w[48];
        if (e - i >= 2 && e - i < sizeof w) {
            memcpy(w, s + i, e - i);
            w[e - i] = '\0';
            const geo_land *l = xpcache_land(c, w, strlen(w));
            if (l && strcmp(l->code, code) == 0)
                return 1;
        }
        i = e;
    }
    return 0;
}

/* xprop_act_land: the Land of a new activity where it is not the section's:
 * a federal programme named in a Land's news text is the Bund's; a
 * centre named by its Land in a federal news text ("Das
 * Bundesforschungsministerium erhöht die Förderung ... des Berliner
 * Zentrums für ...") is that Land's. */
void xprop_act_land(pctx *p, act *a, const xname *n, long si)
{
    const xsection *sec = p->sec;
    /* "MCML", "BIFOLD": a known institution of one Land is that Land's
     * in any text */
    const char *inst = xinst_land(p->s + n->a, n->b - n->a);
    if (!inst && n->alias_b > n->alias_a)
        inst = xinst_land(p->s + n->alias_a, n->alias_b - n->alias_a);
    if (inst) {
        if (!sec->land || strcmp(sec->land, inst) != 0) {
            a->own_land = 1;
            a->land = inst;
        }
        return;
    }
    /* "das Zentrum für Künstliche Intelligenz in M-V" in another Land's
     * text is that Land's */
    const char *named = sec->land ? xprop_named_land(p->x->cache, p->s, n->a, n->b) : NULL;
    if (named && strcmp(named, sec->land) != 0 &&
        !names_land(p->x->cache, p->s, n->a, n->b, sec->land)) {
        a->own_land = 1;
        a->land = named;
        return;
    }
    if ((!sec->news && !sec->measure) || si < 0 || (size_t)si >= p->ns)
        return;
    if (sec->land &&
        (federal_name(p->s, &p->S[si], n->a, n->b) || federal_programme(p, &p->S[si], n->kind))) {
        a->own_land = 1;
        a->land = NULL;
    } else if (!sec->land) {
        const char *code = xprop_named_land(p->x->cache, p->s, n->a, n->b);
        if (!code)
            code = adjective_before(p->s, p->S[si].a, n->a);
        if (!code && n->kind && strcmp(n->kind, "centre") == 0)
            code = city_land(p, n->a, n->b);
        if (code) {
            a->own_land = 1;
            a->land = code;
        }
    }
}
