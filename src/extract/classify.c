/* classify.c: keyword rules for the kind of an activity (by its head
 * noun), its Handlungsfelder and its target groups (by words of the text
 * around it). All rules compare folded text (text_fold: lower case, ä to
 * ae, ß to ss), so "Förderprogramm" and "FOERDERPROGRAMM" match alike.
 *
 * The rules are documented here and nowhere else; a change belongs in the
 * tables below, with a case in tests/extract/ that shows it. */
#include <string.h>

#include "extract/extract_int.h"
#include "util/sbuf.h"
#include "util/text.h"

/* A head noun: the folded stem, the kind it gives, and its plural: an
 * ending ("e"), or a whole word after "=" ("=zentren"); "" if the plural
 * equals the singular and so cannot be told apart. Genitive singular "-s" / "-es" is accepted for
 * all. */
typedef struct head {
    const char *stem;
    const char *kind;
    const char *plural;
} head;

static const head heads[] = {
    {"zentrum", "centre", "=zentren"},
    {"kompetenzzentrum", "centre", "=kompetenzzentren"},
    {"center", "centre", "s"},
    {"hub", "centre", "s"},
    {"campus", "centre", ""},
    {"park", "centre", "s"},
    {"kompetenzstelle", "centre", "n"},
    {"anlaufstelle", "centre", "n"},
    {"programm", "programme", "e"},
    {"fonds", "programme", ""},
    {"bonus", "programme", "=boni"},
    {"wettbewerb", "programme", "e"},
    {"professur", "programme", "en"},
    {"projekt", "project", "e"},
    {"reallabor", "project", "e"},
    {"labor", "project", "e"},
    {"innovationslabor", "project", "e"},
    {"sprachmodell", "application", "e"},
    {"ki-system", "application", "e"},
    {"engine", "application", "s"},
    {"tool", "application", "s"},
    {"software", "application", "s"},
    {"chatbot", "application", "s"},
    {"assistent", "application", "en"},
    {"strategie", "strategy", "n"},
    {"agenda", "strategy", "s"},
    {"roadmap", "strategy", "s"},
    {"leitlinien", "strategy", ""},
    {"aktionsplan", "strategy", "=aktionsplaene"},
    {"masterplan", "strategy", "=masterplaene"},
    {"rat", "body", "=raete"},
    {"beirat", "body", "=beiraete"},
    {"taskforce", "body", "s"},
    {"arbeitsgruppe", "body", "n"},
    {"kommission", "body", "en"},
    {"gremium", "body", "=gremien"},
    {"agentur", "body", "en"},
    {"fokusgruppe", "body", "n"},
    {"netzwerk", "network", "e"},
    {"allianz", "network", "en"},
    {"cluster", "network", ""},
    {"verbund", "network", "e"},
    {"plattform", "network", "en"},
    {"partnerschaft", "network", "en"},
    {"kongress", "event", "e"},
    {"forum", "event", "=foren"},
    {"konferenz", "event", "en"},
    {"digitaltag", "event", "e"},
    {"event", "event", "s"},
    {"tour", "event", "en"},
    {"wissenschaftsjahr", "event", "e"},
    {"empfang", "event", "=empfaenge"},
    {"tagung", "event", "en"},
    {"gipfel", "event", ""},
    {"hackathon", "event", "s"},
    {"supercomputer", "infrastructure", ""},
    {"rechenzentrum", "infrastructure", "=rechenzentren"},
    {"infrastruktur", "infrastructure", "en"},
    {"server", "infrastructure", ""},
    {"testumgebung", "infrastructure", "en"},
    {"studie", "study", "n"},
    {"gutachten", "study", ""},
    {"monitoring", "study", "s"},
    {"observatorium", "study", "=observatorien"},
    {"akademie", "education", "n"},
    {"scout", "education", "s"},
    {"hochschulinitiative", "education", "n"},
    {"studiengang", "education", "=studiengaenge"},
    {"lehrangebot", "education", "e"},
    {"initiative", "initiative", "n"},
    {"foerderinitiative", "initiative", "n"},
    {"offensive", "initiative", "n"},
};

/* Organisations, not activities: their names become "organisations". */
static const char *const org_heads[] = {
    "universitaet",
    "hochschule",
    "institut",
    "ministerium",
    "bundesanstalt",
    "bundesamt",
    "landesamt",
    "kriminalamt",
    "forschungszentrum",
    "fraunhofer",
    "kammer",
    "verband",
    "senatskanzlei",
    "staatskanzlei",
    "bundesdruckerei",
    "dienstleister",
    "museum",
    "stiftung",
    "gmbh",
    "landesregierung",
    "staatsregierung",
    "bundesregierung",
    "senat",
    "behoerde",
    "digitalagentur",
};

/* stem_boundary: the stem at f[at..] is a whole word or the tail of a
 * compound ("ki-produktionsnetzwerk", "foerderprogramm"), not the middle
 * of another word that merely ends alike ("beitrag" for "tag"): short stems
 * must stand alone or after a hyphen. */
static int stem_boundary(const char *f, size_t at, size_t stemlen)
{
    if (at == 0 || f[at - 1] == '-')
        return 1;
    return stemlen >= 5;
}

/* ends_at: f[0..fl) ends with t[0..tl) followed by nothing; *at where. */
static int ends_at(const char *f, size_t fl, const char *t, size_t tl, size_t *at)
{
    if (tl > fl || memcmp(f + fl - tl, t, tl) != 0)
        return 0;
    *at = fl - tl;
    return 1;
}

const char *xhead_kind(const char *w, size_t n, int *plural)
{
    *plural = 0;
    if (n < 2 || n > 120)
        return NULL;
    char buf[512];
    sbuf b = SBUF_INIT;
    text_fold(&b, w, n);
    if (b.len >= sizeof buf) {
        sbuf_free(&b);
        return NULL;
    }
    memcpy(buf, b.s, b.len + 1);
    size_t fl = b.len, best = 0, at;
    sbuf_free(&b);
    const char *f = buf, *kind = NULL;
    for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++) {
        const head *h = &heads[k];
        size_t sl = strlen(h->stem);
        if (sl <= best || sl > fl)
            continue;
        int pl = -1;
        /* singular, genitive -s, genitive -es */
        if ((ends_at(f, fl, h->stem, sl, &at) ||
             (f[fl - 1] == 's' && ends_at(f, fl - 1, h->stem, sl, &at)) ||
             (fl >= 2 && f[fl - 1] == 's' && f[fl - 2] == 'e' &&
              ends_at(f, fl - 2, h->stem, sl, &at))) &&
            stem_boundary(f, at, sl))
            pl = 0;
        const char *p = h->plural;
        if (pl < 0 && *p == '=') {
            size_t l = strlen(p + 1);
            if (ends_at(f, fl, p + 1, l, &at) && stem_boundary(f, at, sl))
                pl = 1;
        } else if (pl < 0 && *p) {
            size_t l = strlen(p);
            if (ends_at(f, fl, p, l, &at) && ends_at(f, fl - l, h->stem, sl, &at) &&
                stem_boundary(f, at, sl))
                pl = 1;
        }
        if (pl >= 0) {
            best = sl;
            kind = h->kind;
            *plural = pl;
        }
    }
    return kind;
}

int xhead_is_org(const char *w, size_t n)
{
    sbuf b = SBUF_INIT;
    text_fold(&b, w, n);
    int org = 0;
    for (size_t k = 0; k < sizeof org_heads / sizeof org_heads[0] && !org; k++)
        org = strstr(sbuf_cstr(&b), org_heads[k]) != NULL;
    sbuf_free(&b);
    return org;
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

static void apply(const char *f, const rule *r, size_t nr, json_t *out)
{
    for (size_t k = 0; k < nr; k++)
        for (size_t w = 0; w < 10 && r[k].words[w]; w++)
            if (strstr(f, r[k].words[w])) {
                if (!has_slug(out, r[k].slug))
                    json_array_append_new(out, json_string(r[k].slug));
                break;
            }
}

void xclassify(const char *text, size_t n, json_t *fields, json_t *targets)
{
    sbuf b = SBUF_INIT;
    text_fold(&b, text, n);
    const char *f = sbuf_cstr(&b);
    if (fields)
        apply(f, field_rules, sizeof field_rules / sizeof field_rules[0], fields);
    if (targets)
        apply(f, target_rules, sizeof target_rules / sizeof target_rules[0], targets);
    sbuf_free(&b);
}

const char *xfield_slug(int i)
{
    size_t n;
    const entry_term *t = entry_vocab(ENTRY_VOCAB_FIELD, &n);
    return i >= 0 && (size_t)i < n ? t[i].slug : NULL;
}
