// compare.js: the comparison of the Länder (#/vergleich) from
// /api/compare: the coverage matrix Land × Handlungsfeld with the gaps
// named in words, bar charts drawn here as inline SVG, each followed by
// an HTML table of the same numbers (the table is the accessible form),
// and the measure that colours the map (map.js: setChoropleth).
import { h } from './dom.js';
import { t, label, slugs, formatNumber } from './i18n.js';
import { format } from './state.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text != null) el.textContent = String(text);
  return el;
}

const landName = (code) => (code === 'bund' ? t('bund') : label('land', code));

// The value of the chosen measure for every row (16 Länder and the Bund):
// all entries, or the entries in one Handlungsfeld.
export function measureValues(data, measure) {
  const m = new Map();
  for (const r of data?.rows || []) m.set(r.land, measure ? (r.by_field?.[measure] || 0) : r.entries);
  return m;
}

export function measureName(measure) {
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
function barChart(rows) {
  const W = 520;
  const LABEL = 200;
  const BAR = 270;
  const ROW = 24;
  const max = Math.max(1, ...rows.map((r) => r.n));
  const svg = s('svg', { viewBox: `0 0 ${W} ${rows.length * ROW + 8}`, class: 'chart', 'aria-hidden': 'true', focusable: 'false' });
  rows.forEach((r, i) => {
    const y = i * ROW + 4;
    const w = Math.round((r.n / max) * BAR);
    svg.append(
      s('text', { x: LABEL - 8, y: y + 17, 'text-anchor': 'end', class: 'chart-label' }, r.label),
      s('rect', { x: LABEL, y: y + 3, width: Math.max(w, 1), height: ROW - 8, class: 'chart-bar' }),
      s('text', { x: LABEL + w + 6, y: y + 17, class: 'chart-value' }, formatNumber(r.n)));
  });
  return svg;
}

// The chart and its table: caption, column headers, row headers.
function chartBlock(id, title, colLabel, rows) {
  return h('section', { class: 'chart-block', 'aria-labelledby': `${id}-h` },
    h('h3', { id: `${id}-h` }, title),
    barChart(rows),
    h('p', { class: 'hint' }, t('chartTableHint')),
    h('table', { class: 'data', id: `${id}-table` },
      h('caption', {}, title),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, colLabel), h('th', { scope: 'col' }, t('entriesCol')))),
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
  const measure = slugs('field').includes(state.measure) ? state.measure : '';
  const values = measureValues(data, measure);
  const sel = h('select', { id: 'measure', name: 'measure', 'aria-describedby': 'measure-hint',
    onchange: () => { location.hash = format({ ...state, measure: sel.value }); } },
    h('option', { value: '' }, t('measureAll')),
    slugs('field').map((f) => h('option', { value: f, selected: f === measure }, t('measureField', label('field', f)))));
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
    chartBlock('by-kind', t('byKindTitle'), t('kind'), kindRows));
  return { values, measure };
}
