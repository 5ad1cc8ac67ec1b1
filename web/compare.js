// compare.js: the comparison of the Länder (#/vergleich) from
// /api/compare: the coverage matrix Land × Handlungsfeld with the gaps
// named in words, bar charts drawn here as inline SVG, each followed by
// an HTML table of the same numbers (the table is the accessible form),
// the funding and counts the reports state (listed, never added up), the
// change between two reports of a Land, and the measure that colours the
// map (map.js: setChoropleth).
//
// Measures of the map: all entries, the entries of one Handlungsfeld, and
// the entries that state a funding amount or a count. Never a sum of
// euros or of counts: a total for 2021–2025, a yearly budget and a
// maximum grant cannot be added, nor 100 projects and 112 professorships.
import { h } from './dom.js';
import { t, label, slugs, formatNumber, getLang } from './i18n.js';
import { format } from './state.js';
import { documentPage } from './api.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text != null) el.textContent = String(text);
  return el;
}

const landName = (code) => (code === 'bund' ? t('bund') : label('land', code));
const entryLink = (state, id, title) => h('a', { href: format({ ...state, view: 'entry', id, land: '' }) }, title);

// The measures besides the fields: entries stating an amount, a count.
const STATED = { funding: (r) => [...(r.funding?.totals || []), ...(r.funding?.per_year || [])], counts: (r) => r.counts || [] };

export const measures = () => ['', ...Object.keys(STATED), ...slugs('field')];

// The value of the chosen measure for every row (16 Länder and the Bund):
// all entries, the entries in one Handlungsfeld, or the entries that
// state an amount (a count): each entry once, however many it states.
export function measureValues(data, measure) {
  const m = new Map();
  for (const r of data?.rows || []) {
    let v = r.entries;
    if (STATED[measure]) v = new Set(STATED[measure](r).map((a) => a.entry)).size;
    else if (measure) v = r.by_field?.[measure] || 0;
    m.set(r.land, v);
  }
  return m;
}

export function measureName(measure) {
  if (measure === 'funding') return t('measureFunding');
  if (measure === 'counts') return t('measureCounts');
  return measure ? t('measureField', label('field', measure)) : t('measureAll');
}

// Class breaks of the choropleth: 0 and four equal steps up to the
// largest value among the 16 Länder (the Bund is not on the map).
export function classes(values) {
  let max = 0;
  for (const [k, v] of values) if (k !== 'bund') max = Math.max(max, v);
  const step = Math.max(1, Math.ceil(max / 4));
  const out = [{ from: 0, to: 0 }];
  for (let lo = 1; lo <= max; lo += step) out.push({ from: lo, to: Math.min(max, lo + step - 1) });
  return out;
}

// A horizontal bar chart as SVG: decorative for screen readers (the table
// right below carries the same numbers), readable for everybody else.
// rows: {label, n, text?}; text is the value shown (default: n); scale
// maps n to 0..1 (default: linear from 0 to the largest n); wide: room
// for longer labels (cut with "…"; the table has them whole).
function barChart(rows, scale, wide = false) {
  const W = 530;
  const LABEL = wide ? 250 : 245;
  const BAR = wide ? 170 : 190;
  const ROW = 24;
  const CUT = wide ? 27 : 40;
  const max = Math.max(1, ...rows.map((r) => r.n));
  const f = scale || ((n) => n / max);
  const svg = s('svg', { viewBox: `0 0 ${W} ${rows.length * ROW + 8}`, class: 'chart', 'aria-hidden': 'true', focusable: 'false' });
  rows.forEach((r, i) => {
    const y = i * ROW + 4;
    const w = Math.round(f(r.n) * BAR);
    const name = r.label.length > CUT ? `${r.label.slice(0, CUT - 1)}…` : r.label;
    svg.append(
      s('text', { x: LABEL - 8, y: y + 17, 'text-anchor': 'end', class: 'chart-label' }, name),
      s('rect', { x: LABEL, y: y + 3, width: Math.max(w, 1), height: ROW - 8, class: 'chart-bar' }),
      s('text', { x: LABEL + w + 6, y: y + 17, class: 'chart-value' }, r.text ?? formatNumber(r.n)));
  });
  return svg;
}

// The chart and its table: caption, column headers, row headers.
function chartBlock(id, title, colLabel, rows, valueLabel = t('entriesCol')) {
  return h('section', { class: 'chart-block', 'aria-labelledby': `${id}-h` },
    h('h3', { id: `${id}-h` }, title),
    barChart(rows),
    h('p', { class: 'hint' }, t('chartTableHint')),
    h('table', { class: 'data', id: `${id}-table` },
      h('caption', {}, title),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, colLabel), h('th', { scope: 'col' }, valueLabel))),
      h('tbody', {}, rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.label), h('td', { class: 'num' }, formatNumber(r.n)))))));
}

function coverage(data) {
  const cov = data.coverage || { fields: [], rows: [] };
  const head = h('tr', {}, h('th', { scope: 'col' }, t('land')),
    cov.fields.map((f) => h('th', { scope: 'col' }, label('field', f))),
    h('th', { scope: 'col' }, t('gapsCol')));
  const body = cov.rows.map((r) => h('tr', {},
    h('th', { scope: 'row' }, landName(r.land)),
    r.cells.map((n) => (n ? h('td', { class: 'num' }, formatNumber(n))
      : h('td', { class: 'gap' }, t('gap')))),
    h('td', { class: 'num' }, formatNumber(r.gaps?.length ?? r.cells.filter((n) => !n).length))));
  return h('section', { 'aria-labelledby': 'coverage-h' },
    h('h3', { id: 'coverage-h' }, t('coverageTitle')),
    h('p', {}, t('coverageHint')),
    h('div', { class: 'table-scroll', role: 'region', 'aria-labelledby': 'coverage-h', tabindex: '0' },
      h('table', { class: 'data coverage', id: 'coverage' },
        h('caption', {}, t('coverageCaption')),
        h('thead', {}, head), h('tbody', {}, body))));
}

const euro = (n) => new Intl.NumberFormat(getLang() === 'en' ? 'en-GB' : 'de-DE',
  { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);

// In the chart, where room is short: "5,5 Mrd. €".
const euroShort = (n) => new Intl.NumberFormat(getLang() === 'en' ? 'en-GB' : 'de-DE',
  { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 }).format(n);

// The period an amount is stated for: "2021–2025", "ab 2024", or none.
function period(a) {
  if (a.from && a.to) return a.from === a.to ? String(a.from) : `${a.from}–${a.to}`;
  if (a.from) return t('periodFrom', a.from);
  if (a.to) return t('periodTo', a.to);
  return t('periodNone');
}

// One kind of stated amount (totals or yearly budgets) of every Land: a
// chart on a logarithmic scale (amounts from 15,000 € to billions: on a
// linear one all but the largest would vanish) and the table with the
// period, the words of the report and the entry. Nothing is added up.
function amountBlock(state, data, kind) {
  const id = `funding-${kind === 'totals' ? 'totals' : 'year'}`;
  const title = t(kind === 'totals' ? 'fundingTotals' : 'fundingPerYear');
  const list = [];
  for (const r of data.rows || []) {
    for (const a of (r.funding?.[kind] || []).slice().sort((x, y) => y.eur - x.eur)) list.push({ land: r.land, a });
  }
  const head = h('h4', { id: `${id}-h` }, title);
  if (!list.length) return h('section', { 'aria-labelledby': `${id}-h` }, head, h('p', { class: 'empty' }, t('fundingNone')));
  const lo = Math.floor(Math.log10(Math.min(...list.map((x) => x.a.eur))));
  const hi = Math.ceil(Math.log10(Math.max(...list.map((x) => x.a.eur)))) + 0.001;
  const rows = list.map((x) => ({ label: `${landName(x.land)}: ${x.a.title}`, n: x.a.eur, text: euroShort(x.a.eur) }));
  const scale = (n) => 0.1 + (0.9 * (Math.log10(n) - lo)) / Math.max(1, hi - lo);
  return h('section', { class: 'chart-block', 'aria-labelledby': `${id}-h` },
    head,
    barChart(rows, scale, true),
    h('p', { class: 'hint' }, t('fundingScale'), ' ', t('chartTableHint')),
    h('div', { class: 'table-scroll', role: 'region', 'aria-labelledby': `${id}-h`, tabindex: '0' },
      h('table', { class: 'data', id: `${id}-table` },
        h('caption', {}, title),
        h('thead', {}, h('tr', {},
          [t('land'), t('entryCol'), t('amountCol'), t('periodCol'), t('statedCol')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, list.map((x) => h('tr', {},
          h('td', {}, landName(x.land)),
          h('th', { scope: 'row' }, entryLink(state, x.a.entry, x.a.title)),
          h('td', { class: 'num' }, euro(x.a.eur)),
          h('td', {}, period(x.a)),
          h('td', {}, h('q', {}, x.a.text))))))));
}

function funding(state, data) {
  return h('section', { 'aria-labelledby': 'funding-h', id: 'funding' },
    h('h3', { id: 'funding-h' }, t('fundingTitle')),
    h('p', {}, t('fundingIntro')),
    amountBlock(state, data, 'totals'),
    amountBlock(state, data, 'per_year'));
}

// The counts the reports state, Land by Land: a table only, since counts
// of different things (projects, professorships, trainers) share no axis.
function counts(state, data) {
  const list = [];
  for (const r of data.rows || []) for (const c of r.counts || []) list.push({ land: r.land, c });
  return h('section', { 'aria-labelledby': 'counts-h', id: 'counts' },
    h('h3', { id: 'counts-h' }, t('countsTitle')),
    h('p', {}, t('countsIntro')),
    list.length ? h('div', { class: 'table-scroll', role: 'region', 'aria-labelledby': 'counts-h', tabindex: '0' },
      h('table', { class: 'data', id: 'counts-table' },
        h('caption', {}, t('countsTitle')),
        h('thead', {}, h('tr', {},
          [t('land'), t('entryCol'), t('countCol'), t('ofCol')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, list.map((x) => h('tr', {},
          h('td', {}, landName(x.land)),
          h('th', { scope: 'row' }, entryLink(state, x.c.entry, x.c.title)),
          h('td', { class: 'num' }, formatNumber(x.c.n)),
          h('td', {}, x.c.of || '')))))) : h('p', { class: 'empty' }, t('countsNone')));
}

// "14. November 2019" (style long) or "14.11.2019" (short) for the
// date of a report, "ohne Datum" when it has none.
function reportDate(rep, style = 'long') {
  return rep.date ? new Intl.DateTimeFormat(getLang() === 'en' ? 'en-GB' : 'de-DE', { dateStyle: style, timeZone: 'UTC' })
    .format(new Date(`${rep.date}T12:00:00Z`)) : t('undated');
}

const reportName = (rep) => `${reportDate(rep)}: ${rep.title || rep.document}`;

function entryList(state, id, title, items) {
  return h('details', { class: 'change-list', id },
    h('summary', {}, `${title} (${formatNumber(items.length)})`),
    items.length ? h('ul', {}, items.map((e) => h('li', {}, entryLink(state, e.id, e.title))))
      : h('p', {}, t('none')));
}

// One Land with entries from two or more reports: the reports as a chart
// of their entries and a table (each linked to the document), and what
// changed between the last two.
function changeBlock(state, r) {
  const id = `change-${r.land}`;
  const ch = r.change;
  const byName = Object.fromEntries(r.reports.map((rep) => [rep.document, rep]));
  const rows = r.reports.map((rep) => ({ label: reportDate(rep, 'medium'), n: rep.entries }));
  return h('section', { class: 'chart-block change', 'aria-labelledby': `${id}-h`, id },
    h('h4', { id: `${id}-h` }, t('changeLand', landName(r.land))),
    barChart(rows),
    h('p', { class: 'hint' }, t('chartTableHint')),
    h('div', { class: 'table-scroll', role: 'region', 'aria-labelledby': `${id}-h`, tabindex: '0' },
      h('table', { class: 'data', id: `${id}-table` },
        h('caption', {}, t('reportsCaption', landName(r.land))),
        h('thead', {}, h('tr', {}, [t('dateCol'), t('reportCol'), t('entriesCol')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, r.reports.map((rep) => h('tr', {},
          h('td', {}, reportDate(rep)),
          h('th', { scope: 'row' }, h('a', { href: documentPage({ document: rep.document }, getLang(), format(state)) }, rep.title || rep.document)),
          h('td', { class: 'num' }, formatNumber(rep.entries))))))),
    ch ? h('p', {}, t('changeFromTo', reportName(byName[ch.from] || { document: ch.from }), reportName(byName[ch.to] || { document: ch.to }))) : null,
    ch && !ch.dated ? h('p', { class: 'hint' }, t('changeUndated')) : null,
    ch ? entryList(state, `${id}-new`, t('changeNew'), ch.new || []) : null,
    ch ? entryList(state, `${id}-old`, t('changeOld'), ch.not_repeated || []) : null);
}

function changes(state, data) {
  const several = (data.rows || []).filter((r) => (r.reports || []).length > 1);
  return h('section', { 'aria-labelledby': 'change-h', id: 'changes' },
    h('h3', { id: 'change-h' }, t('changeTitle')),
    h('p', {}, t('changeIntro')),
    several.length ? several.map((r) => changeBlock(state, r)) : h('p', { class: 'empty' }, t('changeNone')));
}

// The legend of the map's colours: the classes c0–c4 of style.css hold
// the same colours as COLOURS in map.js (no inline styles under the CSP).
export function legend(values, measure) {
  const cls = classes(values);
  const range = (c) => (c.from === c.to ? formatNumber(c.from) : `${formatNumber(c.from)}–${formatNumber(c.to)}`);
  return h('div', { class: 'legend', id: 'legend' },
    h('p', { class: 'legend-title', id: 'legend-h' }, t('legendTitle', measureName(measure))),
    h('ul', { 'aria-labelledby': 'legend-h' }, cls.map((c, i) => h('li', {},
      h('span', { class: `swatch c${Math.min(i, 4)}`, 'aria-hidden': 'true' }),
      range(c)))),
    values.has('bund') ? h('p', { class: 'hint' }, t('legendBund', formatNumber(values.get('bund')))) : null);
}

export function render(el, state, data) {
  const measure = measures().includes(state.measure) ? state.measure : '';
  const values = measureValues(data, measure);
  const option = (m) => h('option', { value: m, selected: m === measure }, measureName(m));
  const sel = h('select', { id: 'measure', name: 'measure', 'aria-describedby': 'measure-hint',
    onchange: () => { location.hash = format({ ...state, measure: sel.value }); } },
    option(''),
    h('optgroup', { label: t('measureStated') }, Object.keys(STATED).map(option)),
    h('optgroup', { label: t('fields') }, slugs('field').map(option)));
  const kinds = {};
  for (const r of data.rows || []) for (const [k, n] of Object.entries(r.by_kind || {})) kinds[k] = (kinds[k] || 0) + n;
  const kindRows = slugs('kind').filter((k) => kinds[k]).map((k) => ({ label: label('kind', k), n: kinds[k] }));
  const landRows = (data.rows || []).map((r) => ({ label: landName(r.land), n: values.get(r.land) }));
  el.replaceChildren(
    h('h2', { id: 'view-h', tabindex: '-1' }, t('compareTitle')),
    h('p', {}, t('compareIntro')),
    h('div', { class: 'field measure' },
      h('label', { for: 'measure' }, t('measureLabel')), sel,
      h('p', { class: 'hint', id: 'measure-hint' }, t('measureHint'))),
    legend(values, measure),
    chartBlock('by-land', t('perLandTitle', measureName(measure)), t('land'), landRows),
    coverage(data),
    chartBlock('by-kind', t('byKindTitle'), t('kind'), kindRows),
    funding(state, data),
    counts(state, data),
    changes(state, data));
  return { values, measure };
}
