// i18n.js: every string the page shows, German and English. The API sends
// vocabulary slugs; their labels mirror src/core/entry_vocab.c (slugs are
// stable there, so a label table here stays valid).

const UI = {
  de: {
    title: 'KI-Landkarte',
    tagline: 'KI-Aktivitäten von Bund und Ländern',
    skip: 'Zum Inhalt springen',
    switchLang: 'English',
    switchLangLabel: 'Switch to English',
    searchLabel: 'Suche',
    searchHint: 'Begriff oder Ort, z. B. Reallabor oder Kempten',
    searchButton: 'Suchen',
    filters: 'Filter',
    land: 'Land',
    kind: 'Art',
    field: 'Handlungsfeld',
    target: 'Zielgruppe',
    year: 'Jahr',
    any: 'alle',
    reset: 'Alle Filter zurücksetzen',
    near: 'Umkreis',
    nearOf: (km, place) => `${km} km um ${place}`,
    removeNear: (place) => `Umkreis um ${place} entfernen`,
    placeOption: (name, land) => `Einträge in der Nähe von ${name} (${land})`,
    suggestions: 'Vorschläge',
    results: 'Ergebnisse',
    count: (n) => (n === 1 ? '1 Eintrag' : `${n} Einträge`),
    countShown: (from, to, n) => `${from}–${to} von ${n}`,
    onMap: (n) => (n === 1 ? '1 davon auf der Karte' : `${n} davon auf der Karte`),
    noResults: 'Keine Einträge gefunden.',
    prev: 'Vorherige Seite',
    next: 'Nächste Seite',
    map: 'Karte',
    mapLabel: 'Karte der Länder mit den Einträgen, die einen Ort haben',
    mapNote: 'Alles, was die Karte zeigt, steht auch in der Liste.',
    onMapTag: 'auf der Karte',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    cluster: (n) => `${n} Einträge – vergrößern`,
    back: 'Zurück zur Liste',
    level: 'Ebene',
    ministries: 'Ressorts',
    organisations: 'Organisationen',
    places: 'Orte',
    fields: 'Handlungsfelder',
    targets: 'Zielgruppen',
    amounts: 'Beträge',
    counts: 'Anzahlen',
    years: 'Jahre',
    links: 'Links',
    aliases: 'Auch genannt',
    summary: 'Beschreibung',
    source: 'Quelle',
    sourceLink: 'Stelle im Quelldokument',
    sourceDoc: 'ganzes Dokument',
    updated: 'Stand',
    none: '–',
    notFound: 'Dieser Eintrag wurde nicht gefunden.',
    error: 'Die Daten konnten nicht geladen werden.',
    loading: 'Lädt …',
    landView: (name) => `${name}: KI-Aktivitäten`,
    landSummary: (n) => (n === 1 ? '1 veröffentlichter Eintrag' : `${n} veröffentlichte Einträge`),
    byKind: 'Nach Art',
    byField: 'Nach Handlungsfeld',
    byTarget: 'Nach Zielgruppe',
    allLaender: 'Alle Länder',
    laender: 'Länder',
    bund: 'Bund',
    footer: 'Ortsdaten: GeoNames (CC BY 3.0). Ländergrenzen: Natural Earth über Apache Superset (Apache-2.0). Daten: Datenlizenz Deutschland – Namensnennung 2.0.',
    openData: 'Offene Daten',
    a11y: 'Barrierefreiheit',
    easyLanguage: 'Leichte Sprache',
  },
  en: {
    title: 'AI Map of Germany',
    tagline: 'AI activities of the federal government and the Länder',
    skip: 'Skip to content',
    switchLang: 'Deutsch',
    switchLangLabel: 'Auf Deutsch wechseln',
    searchLabel: 'Search',
    searchHint: 'Term or place, e.g. Reallabor or Kempten',
    searchButton: 'Search',
    filters: 'Filters',
    land: 'State',
    kind: 'Kind',
    field: 'Field of action',
    target: 'Target group',
    year: 'Year',
    any: 'all',
    reset: 'Reset all filters',
    near: 'Radius',
    nearOf: (km, place) => `${km} km around ${place}`,
    removeNear: (place) => `Remove radius around ${place}`,
    placeOption: (name, land) => `Entries near ${name} (${land})`,
    suggestions: 'Suggestions',
    results: 'Results',
    count: (n) => (n === 1 ? '1 entry' : `${n} entries`),
    countShown: (from, to, n) => `${from}–${to} of ${n}`,
    onMap: (n) => `${n} of them on the map`,
    noResults: 'No entries found.',
    prev: 'Previous page',
    next: 'Next page',
    map: 'Map',
    mapLabel: 'Map of the Länder with the entries that have a place',
    mapNote: 'Everything the map shows is in the list as well.',
    onMapTag: 'on the map',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    cluster: (n) => `${n} entries – zoom in`,
    back: 'Back to the list',
    level: 'Level',
    ministries: 'Ministries',
    organisations: 'Organisations',
    places: 'Places',
    fields: 'Fields of action',
    targets: 'Target groups',
    amounts: 'Amounts',
    counts: 'Counts',
    years: 'Years',
    links: 'Links',
    aliases: 'Also called',
    summary: 'Description',
    source: 'Source',
    sourceLink: 'Passage in the source document',
    sourceDoc: 'whole document',
    updated: 'Updated',
    none: '–',
    notFound: 'This entry was not found.',
    error: 'The data could not be loaded.',
    loading: 'Loading …',
    landView: (name) => `${name}: AI activities`,
    landSummary: (n) => (n === 1 ? '1 published entry' : `${n} published entries`),
    byKind: 'By kind',
    byField: 'By field of action',
    byTarget: 'By target group',
    allLaender: 'All states',
    laender: 'States',
    bund: 'Federal',
    footer: 'Place data: GeoNames (CC BY 3.0). State borders: Natural Earth via Apache Superset (Apache-2.0). Data: Data licence Germany – attribution 2.0.',
    openData: 'Open data',
    a11y: 'Accessibility',
    easyLanguage: 'Easy Language',
  },
};

// [slug, German, English], as in src/core/entry_vocab.c.
const VOCAB = {
  kind: [
    ['centre', 'Zentrum', 'Centre'], ['programme', 'Programm', 'Programme'],
    ['project', 'Projekt', 'Project'], ['application', 'Anwendung', 'Application'],
    ['strategy', 'Strategie', 'Strategy'], ['body', 'Gremium', 'Body'],
    ['network', 'Netzwerk', 'Network'], ['event', 'Veranstaltung', 'Event'],
    ['infrastructure', 'Infrastruktur', 'Infrastructure'], ['study', 'Studie', 'Study'],
    ['education', 'Bildungsangebot', 'Education offer'], ['initiative', 'Initiative', 'Initiative'],
  ],
  level: [['bund', 'Bund', 'Federal'], ['land', 'Land', 'State'],
    ['kommune', 'Kommune', 'Municipality'], ['eu', 'EU', 'EU']],
  field: [
    ['forschung', 'Forschung stärken', 'Research'],
    ['innovationswettbewerbe', 'Innovationswettbewerbe und Cluster', 'Innovation competitions'],
    ['transfer', 'Transfer in die Wirtschaft, Mittelstand', 'Transfer to industry, SMEs'],
    ['gruendungen', 'Gründungsdynamik', 'Start-ups'],
    ['arbeitswelt', 'Arbeitswelt und Arbeitsmarkt', 'World of work'],
    ['ausbildung', 'Ausbildung und Fachkräfte', 'Education and skilled workers'],
    ['verwaltung', 'Hoheitliche Aufgaben und Verwaltung', 'Public administration'],
    ['daten', 'Daten verfügbar machen', 'Data'],
    ['ordnungsrahmen', 'Ordnungsrahmen', 'Regulatory framework'],
    ['standards', 'Standards setzen', 'Standards'],
    ['vernetzung', 'Nationale und internationale Vernetzung', 'Networking'],
    ['dialog', 'Dialog in der Gesellschaft', 'Dialogue with society'],
  ],
  target: [
    ['kmu', 'Kleine und mittlere Unternehmen', 'SMEs'],
    ['wirtschaft', 'Wirtschaft und Industrie', 'Industry'],
    ['startups', 'Start-ups und Gründende', 'Start-ups'],
    ['forschung', 'Forschung', 'Research'], ['hochschulen', 'Hochschulen', 'Universities'],
    ['studierende', 'Studierende', 'Students'],
    ['schulen', 'Schulen und Lehrkräfte', 'Schools and teachers'],
    ['verwaltung', 'Öffentliche Verwaltung', 'Public administration'],
    ['kommunen', 'Kommunen', 'Municipalities'], ['justiz', 'Justiz und Polizei', 'Justice and police'],
    ['gesundheit', 'Gesundheitswesen', 'Health care'],
    ['fachkraefte', 'Fachkräfte und Beschäftigte', 'Skilled workers and employees'],
    ['oeffentlichkeit', 'Bürgerinnen, Bürger und Öffentlichkeit', 'Citizens and the public'],
    ['politik', 'Politik', 'Policy makers'],
  ],
  // The 16 Länder in the order of /api/laender, and the Bund.
  land: [
    ['DE-BW', 'Baden-Württemberg', 'Baden-Württemberg'], ['DE-BY', 'Bayern', 'Bavaria'],
    ['DE-BE', 'Berlin', 'Berlin'], ['DE-BB', 'Brandenburg', 'Brandenburg'],
    ['DE-HB', 'Bremen', 'Bremen'], ['DE-HH', 'Hamburg', 'Hamburg'], ['DE-HE', 'Hessen', 'Hesse'],
    ['DE-MV', 'Mecklenburg-Vorpommern', 'Mecklenburg-Western Pomerania'],
    ['DE-NI', 'Niedersachsen', 'Lower Saxony'], ['DE-NW', 'Nordrhein-Westfalen', 'North Rhine-Westphalia'],
    ['DE-RP', 'Rheinland-Pfalz', 'Rhineland-Palatinate'], ['DE-SL', 'Saarland', 'Saarland'],
    ['DE-SN', 'Sachsen', 'Saxony'], ['DE-ST', 'Sachsen-Anhalt', 'Saxony-Anhalt'],
    ['DE-SH', 'Schleswig-Holstein', 'Schleswig-Holstein'], ['DE-TH', 'Thüringen', 'Thuringia'],
    ['bund', 'Bund', 'Federal'],
  ],
};

let lang = 'de';

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'de';
  document.documentElement.lang = lang;
}

export const getLang = () => lang;

// t('count', 3): the string or the function's result for the current language.
export function t(key, ...args) {
  const v = UI[lang][key] ?? UI.de[key] ?? key;
  return typeof v === 'function' ? v(...args) : v;
}

// label('kind', 'centre') -> 'Zentrum'; an unknown slug shows as itself.
export function label(vocab, slug) {
  const row = VOCAB[vocab]?.find((r) => r[0] === slug);
  return row ? row[lang === 'en' ? 2 : 1] : String(slug);
}

// The slugs of a vocabulary in its defined order.
export const slugs = (vocab) => VOCAB[vocab].map((r) => r[0]);

export function formatNumber(n) {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'de-DE').format(n);
}
