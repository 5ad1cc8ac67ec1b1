/* entry_vocab.c: the closed vocabularies of an entry (kinds, levels, the
 * twelve Handlungsfelder of the federal AI strategy, target groups,
 * statuses, federal ministries). Slugs are stable: they are stored, sent by
 * the API and written into exports, so a slug is never renamed. */
#include <string.h>

#include "core/entry.h"

static const entry_term kinds[] = {
    {"centre", "Zentrum", "Centre"},
    {"programme", "Programm", "Programme"},
    {"project", "Projekt", "Project"},
    {"application", "Anwendung", "Application"},
    {"strategy", "Strategie", "Strategy"},
    {"body", "Gremium", "Body"},
    {"network", "Netzwerk", "Network"},
    {"event", "Veranstaltung", "Event"},
    {"infrastructure", "Infrastruktur", "Infrastructure"},
    {"study", "Studie", "Study"},
    {"education", "Bildungsangebot", "Education offer"},
    {"initiative", "Initiative", "Initiative"},
};

static const entry_term levels[] = {
    {"bund", "Bund", "Federal"},
    {"land", "Land", "State"},
    {"kommune", "Kommune", "Municipality"},
    {"eu", "EU", "EU"},
};

/* Sections 2.1 to 2.12 of the interim report on the federal AI strategy
 * (seeds/003), in that order. */
static const entry_term fields[] = {
    {"forschung", "Forschung stärken", "Research"},
    {"innovationswettbewerbe", "Innovationswettbewerbe und Cluster", "Innovation competitions"},
    {"transfer", "Transfer in die Wirtschaft, Mittelstand", "Transfer to industry, SMEs"},
    {"gruendungen", "Gründungsdynamik", "Start-ups"},
    {"arbeitswelt", "Arbeitswelt und Arbeitsmarkt", "World of work"},
    {"ausbildung", "Ausbildung und Fachkräfte", "Education and skilled workers"},
    {"verwaltung", "Hoheitliche Aufgaben und Verwaltung", "Public administration"},
    {"daten", "Daten verfügbar machen", "Data"},
    {"ordnungsrahmen", "Ordnungsrahmen", "Regulatory framework"},
    {"standards", "Standards setzen", "Standards"},
    {"vernetzung", "Nationale und internationale Vernetzung", "Networking"},
    {"dialog", "Dialog in der Gesellschaft", "Dialogue with society"},
};

static const entry_term targets[] = {
    {"kmu", "Kleine und mittlere Unternehmen", "SMEs"},
    {"wirtschaft", "Wirtschaft und Industrie", "Industry"},
    {"startups", "Start-ups und Gründende", "Start-ups"},
    {"forschung", "Forschung", "Research"},
    {"hochschulen", "Hochschulen", "Universities"},
    {"studierende", "Studierende", "Students"},
    {"schulen", "Schulen und Lehrkräfte", "Schools and teachers"},
    {"verwaltung", "Öffentliche Verwaltung", "Public administration"},
    {"kommunen", "Kommunen", "Municipalities"},
    {"justiz", "Justiz und Polizei", "Justice and police"},
    {"gesundheit", "Gesundheitswesen", "Health care"},
    {"fachkraefte", "Fachkräfte und Beschäftigte", "Skilled workers and employees"},
    {"oeffentlichkeit", "Bürgerinnen, Bürger und Öffentlichkeit", "Citizens and the public"},
    {"politik", "Politik", "Policy makers"},
};

static const entry_term statuses[] = {
    {"draft", "Entwurf", "Draft"},
    {"published", "Veröffentlicht", "Published"},
};

/* Federal ministries under the names the protocols use, old and new: a
 * report of 2019 says BMWi, one of 2024 BMWK. */
static const entry_term ministries[] = {
    {"AA", "Auswärtiges Amt", "Federal Foreign Office"},
    {"BKAmt", "Bundeskanzleramt", "Federal Chancellery"},
    {"BKM", "Beauftragte für Kultur und Medien", "Commissioner for Culture and Media"},
    {"BMAS", "Arbeit und Soziales", "Labour and Social Affairs"},
    {"BMBF", "Bildung und Forschung", "Education and Research"},
    {"BMBFSFJ", "Bildung, Familie, Senioren, Frauen und Jugend", "Education and Family"},
    {"BMDS", "Digitales und Staatsmodernisierung", "Digital Affairs and Modernisation"},
    {"BMDV", "Digitales und Verkehr", "Digital Affairs and Transport"},
    {"BMEL", "Ernährung und Landwirtschaft", "Food and Agriculture"},
    {"BMF", "Finanzen", "Finance"},
    {"BMFSFJ", "Familie, Senioren, Frauen und Jugend", "Family Affairs"},
    {"BMFTR", "Forschung, Technologie und Raumfahrt", "Research, Technology and Space"},
    {"BMG", "Gesundheit", "Health"},
    {"BMI", "Inneres", "Interior"},
    {"BMJ", "Justiz", "Justice"},
    {"BMJV", "Justiz und Verbraucherschutz", "Justice and Consumer Protection"},
    {"BMU", "Umwelt", "Environment"},
    {"BMUV", "Umwelt und Verbraucherschutz", "Environment and Consumer Protection"},
    {"BMVg", "Verteidigung", "Defence"},
    {"BMVI", "Verkehr und digitale Infrastruktur", "Transport and Digital Infrastructure"},
    {"BMWi", "Wirtschaft und Energie", "Economic Affairs and Energy"},
    {"BMWK", "Wirtschaft und Klimaschutz", "Economic Affairs and Climate Action"},
    {"BMWE", "Wirtschaft und Energie (seit 2025)", "Economic Affairs and Energy (since 2025)"},
    {"BMWSB", "Wohnen, Stadtentwicklung und Bauwesen", "Housing and Building"},
    {"BMZ", "Wirtschaftliche Zusammenarbeit", "Economic Cooperation"},
    {"BReg", "Bundesregierung", "Federal Government"},
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

const entry_term *entry_vocab(entry_vocab_id v, size_t *n)
{
    switch (v) {
    case ENTRY_VOCAB_KIND:
        *n = N(kinds);
        return kinds;
    case ENTRY_VOCAB_LEVEL:
        *n = N(levels);
        return levels;
    case ENTRY_VOCAB_FIELD:
        *n = N(fields);
        return fields;
    case ENTRY_VOCAB_TARGET:
        *n = N(targets);
        return targets;
    case ENTRY_VOCAB_STATUS:
        *n = N(statuses);
        return statuses;
    case ENTRY_VOCAB_MINISTRY:
        *n = N(ministries);
        return ministries;
    }
    *n = 0;
    return NULL;
}

const entry_term *entry_vocab_find(entry_vocab_id v, const char *slug)
{
    size_t n;
    const entry_term *t = entry_vocab(v, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].slug, slug) == 0)
            return &t[i];
    return NULL;
}
