/* geo_land.c: the 16 Länder and how texts name them. See geo.h.
 *
 * The table is const and small, so geo_land_find() folds the names on
 * every call instead of keeping a prepared index: no state to build or
 * share, and a call costs a few microseconds; exact codes skip even that. */
#include "core/geo.h"

#include <string.h>

#include "util/sbuf.h"

static const geo_land laender[] = {
    {"DE-BW", "BW", "Baden-Württemberg", "Baden-Württemberg"},
    {"DE-BY", "BY", "Bayern", "Bavaria"},
    {"DE-BE", "BE", "Berlin", "Berlin"},
    {"DE-BB", "BB", "Brandenburg", "Brandenburg"},
    {"DE-HB", "HB", "Bremen", "Bremen"},
    {"DE-HH", "HH", "Hamburg", "Hamburg"},
    {"DE-HE", "HE", "Hessen", "Hesse"},
    {"DE-MV", "MV", "Mecklenburg-Vorpommern", "Mecklenburg-Western Pomerania"},
    {"DE-NI", "NI", "Niedersachsen", "Lower Saxony"},
    {"DE-NW", "NW", "Nordrhein-Westfalen", "North Rhine-Westphalia"},
    {"DE-RP", "RP", "Rheinland-Pfalz", "Rhineland-Palatinate"},
    {"DE-SL", "SL", "Saarland", "Saarland"},
    {"DE-SN", "SN", "Sachsen", "Saxony"},
    {"DE-ST", "ST", "Sachsen-Anhalt", "Saxony-Anhalt"},
    {"DE-SH", "SH", "Schleswig-Holstein", "Schleswig-Holstein"},
    {"DE-TH", "TH", "Thüringen", "Thuringia"},
};

#define N_LAENDER (sizeof laender / sizeof laender[0])

/* Other names texts use: the official long forms (the constitutions call
 * Bayern, Sachsen and Thüringen "Freistaat", the city states "Freie
 * (und) Hansestadt"), common abbreviations beside the ISO ones, and older
 * or alternative English forms. The long forms starting with "Land" or
 * "Freistaat" need no entry: find() strips those words. */
static const struct {
    const char *alias;
    const char *code;
} aliases[] = {
    {"NRW", "DE-NW"},
    {"RLP", "DE-RP"},
    {"BaWü", "DE-BW"},
    {"Ba-Wü", "DE-BW"},
    {"Meck-Pomm", "DE-MV"},
    {"Freie Hansestadt Bremen", "DE-HB"},
    {"Freie und Hansestadt Hamburg", "DE-HH"},
    {"Hansestadt Hamburg", "DE-HH"},
    {"Hansestadt Bremen", "DE-HB"},
    {"Mecklenburg-West Pomerania", "DE-MV"},
    {"Mecklenburg-Vorpommern", "DE-MV"},
    {"Lower-Saxony", "DE-NI"},
    {"Rhineland-Palatinate", "DE-RP"},
    {"North-Rhine Westphalia", "DE-NW"},
    {"Thuringen", "DE-TH"},
    {"Free State of Bavaria", "DE-BY"},
    {"Free State of Saxony", "DE-SN"},
    {"Free State of Thuringia", "DE-TH"},
};

const geo_land *geo_laender(size_t *n)
{
    if (n)
        *n = N_LAENDER;
    return laender;
}

const geo_land *geo_land_by_code(const char *code)
{
    if (!code)
        return NULL;
    for (size_t i = 0; i < N_LAENDER; i++)
        if (strcmp(laender[i].code, code) == 0)
            return &laender[i];
    return NULL;
}

/* key_is: 1 if the geo_key of s equals key. tmp is scratch space. */
static int key_is(sbuf *tmp, const char *s, const char *key)
{
    sbuf_reset(tmp);
    geo_key(tmp, s, strlen(s));
    return strcmp(sbuf_cstr(tmp), key) == 0;
}

/* strip_word: if key begins with the word w followed by more, drop it. */
static const char *strip_word(const char *key, const char *w)
{
    size_t n = strlen(w);
    if (strncmp(key, w, n) == 0 && key[n] == ' ' && key[n + 1])
        return key + n + 1;
    return key;
}

const geo_land *geo_land_find(const char *text)
{
    if (!text)
        return NULL;
    /* The common case, a code as stored ("DE-BY") or as the protocols
     * write it ("BY"), needs no folding. */
    for (size_t i = 0; i < N_LAENDER; i++)
        if (strcmp(laender[i].code, text) == 0 || strcmp(laender[i].abbr, text) == 0)
            return &laender[i];
    const geo_land *found = NULL;
    sbuf q = SBUF_INIT, tmp = SBUF_INIT;
    geo_key(&q, text, strlen(text));
    /* "Land Hessen", "Bundesland Bayern", "Freistaat Sachsen": the
     * prefix says nothing the name does not say. geo_key has folded
     * case and umlauts already. */
    const char *k = sbuf_cstr(&q);
    k = strip_word(k, "bundesland");
    k = strip_word(k, "land");
    k = strip_word(k, "freistaat");
    k = strip_word(k, "state of");
    if (!*k)
        goto done;
    for (size_t i = 0; i < N_LAENDER && !found; i++) {
        const geo_land *l = &laender[i];
        if (key_is(&tmp, l->code, k) || key_is(&tmp, l->abbr, k) || key_is(&tmp, l->name, k) ||
            key_is(&tmp, l->name_en, k))
            found = l;
    }
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0] && !found; i++)
        if (key_is(&tmp, aliases[i].alias, k))
            found = geo_land_by_code(aliases[i].code);
done:
    sbuf_free(&q);
    sbuf_free(&tmp);
    return found;
}
