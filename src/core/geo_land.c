/* geo_land.c: the 16 Länder and how texts name them. See geo.h.
 *
 * geo_land_find() compares the key of its text with the keys of every
 * code, name and alias. Those keys are folded once, on the first call
 * (pthread_once), into a static table: the importer asks for hundreds of
 * words a report that are no Land, and folding the 80 names again for
 * each cost more than the rest of its work on that word. Exact codes skip
 * even the folding of the text. */
#include "core/geo.h"

#include <pthread.h>
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

/* The folded keys of every code, abbreviation, name and alias, in the
 * order find() tries them: the Länder first, then the aliases. */
enum { N_KEYS = 4 * N_LAENDER + sizeof aliases / sizeof aliases[0], KEY_BYTES = 2048 };
static struct {
    unsigned short off;
    const geo_land *land;
} keys[N_KEYS];
static char key_text[KEY_BYTES];
static size_t n_keys, key_used;
static pthread_once_t keys_once = PTHREAD_ONCE_INIT;

static void add_key(sbuf *tmp, const char *name, const geo_land *l)
{
    sbuf_reset(tmp);
    geo_key(tmp, name, strlen(name));
    if (n_keys < N_KEYS && key_used + tmp->len + 1 <= KEY_BYTES) {
        memcpy(key_text + key_used, sbuf_cstr(tmp), tmp->len + 1);
        keys[n_keys].off = (unsigned short)key_used;
        keys[n_keys].land = l;
        n_keys++;
        key_used += tmp->len + 1;
    }
}

static void build_keys(void)
{
    sbuf tmp = SBUF_INIT;
    for (size_t i = 0; i < N_LAENDER; i++) {
        add_key(&tmp, laender[i].code, &laender[i]);
        add_key(&tmp, laender[i].abbr, &laender[i]);
        add_key(&tmp, laender[i].name, &laender[i]);
        add_key(&tmp, laender[i].name_en, &laender[i]);
    }
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        add_key(&tmp, aliases[i].alias, geo_land_by_code(aliases[i].code));
    sbuf_free(&tmp);
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
    pthread_once(&keys_once, build_keys);
    const geo_land *found = NULL;
    sbuf q = SBUF_INIT;
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
    for (size_t i = 0; i < n_keys && !found; i++)
        if (strcmp(key_text + keys[i].off, k) == 0)
            found = keys[i].land;
done:
    sbuf_free(&q);
    return found;
}
