// views.js: the parts of the page drawn from API answers: facet filters,
// the result list, the page of one Land and the view of one entry.
import { h } from './dom.js';
import { t, label, slugs, formatNumber, getLang } from './i18n.js';
import { format } from './state.js';
import { PAGE_SIZE, documentPage, documentUrl } from './api.js';

const link = (state, patch) => format({ ...state, ...patch });

// One <select> per facet; each option names its count under the current
// filters. The chosen value stays listed even with a count of 0.
const FACETS = [['land', 'land'], ['kind', 'kind'], ['field', 'field'], ['target', 'target'], ['year', null]];

export function filters(form, state, facets, onChange) {
  const groups = FACETS.map(([key, vocab]) => {
    const counts = facets?.[key] || {};
    let values = vocab ? slugs(vocab).filter((s) => counts[s] || s === state[key])
      : Object.keys(counts).sort().reverse();
    if (state[key] && !values.includes(state[key])) values = [state[key], ...values];
    const id = `f-${key}`;
    const sel = h('select', { id, name: key, onchange: () => onChange(key, sel.value) },
      h('option', { value: '' }, t('any')),
      values.map((v) => h('option', { value: v, selected: v === state[key] },
        `${vocab ? label(vocab, v) : v} (${counts[v] ?? 0})`)));
    return h('div', { class: 'field' }, h('label', { for: id }, t(key)), sel);
  });
  const near = state.near
    ? h('p', { class: 'chip' }, t('nearOf', state.km || 50, state.near), ' ',
      h('button', { type: 'button', class: 'chip-x', 'aria-label': t('removeNear', state.near),
        onclick: () => onChange('near', '') }, '×'))
    : null;
  form.replaceChildren(h('h2', { id: 'filters-h' }, t('filters')), ...(near ? [near] : []), ...groups,
    h('button', { type: 'button', class: 'link-button', onclick: () => onChange('*', '') }, t('reset')));
}

function meta(e) {
  const parts = [label('kind', e.kind)];
  if (e.land) parts.push(label('land', e.land));
  else if (e.level === 'bund') parts.push(t('bund'));
  if (e.places?.length) parts.push(e.places.map((p) => p.name).join(', '));
  if (e.years?.length) parts.push(e.years.join(', '));
  return parts.join(' · ');
}

// The result list: every entry under the filters, page by page; an entry
// with a place is on the map too (marked with a pin symbol and words).
export function results(el, state, data, onMap) {
  const page = Math.max(1, Number(state.page) || 1);
  const from = (page - 1) * PAGE_SIZE + 1;
  const to = Math.min(data.total, page * PAGE_SIZE);
  const items = data.items.map((e) => h('li', { class: e.id === state.id ? 'current' : null },
    h('a', { href: link(state, { view: 'entry', id: e.id }), 'data-id': e.id }, e.title),
    h('p', { class: 'meta' }, meta(e)),
    e.places?.length ? h('p', { class: 'on-map' }, h('span', { 'aria-hidden': 'true' }, '◉ '), t('onMapTag')) : null));
  const pager = data.total > PAGE_SIZE ? h('nav', { class: 'pager', 'aria-label': t('results') },
    page > 1 ? h('a', { href: link(state, { page: String(page - 1) }), rel: 'prev' }, t('prev')) : null,
    h('span', {}, t('countShown', from, to, data.total)),
    to < data.total ? h('a', { href: link(state, { page: String(page + 1) }), rel: 'next' }, t('next')) : null) : null;
  el.replaceChildren(
    h('p', { class: 'count' }, t('count', data.total), onMap != null ? ` · ${t('onMap', onMap)}` : ''),
    data.total ? h('ol', { class: 'results', start: from }, items) : h('p', {}, t('noResults')),
    pager);
}

function counts(title, vocab, obj) {
  const rows = Object.entries(obj || {}).sort((a, b) => b[1] - a[1]);
  if (!rows.length) return null;
  return h('div', { class: 'counts' }, h('h3', {}, title),
    h('ul', {}, rows.map(([k, n]) => h('li', {}, h('span', {}, label(vocab, k)), ' ', h('span', { class: 'n' }, n)))));
}

// The head of a Land's page: its name, how many entries, what kinds,
// fields and target groups they cover (counts under the other filters).
export function landHead(el, state, data) {
  const name = label('land', state.land);
  el.replaceChildren(
    h('h2', { id: 'view-h', tabindex: '-1' }, t('landView', name)),
    h('p', {}, t('landSummary', data.total), ' · ', h('a', { href: link(state, { view: 'list', land: '', page: '' }) }, t('allLaender'))),
    h('div', { class: 'count-grid' },
      counts(t('byKind'), 'kind', data.facets?.kind),
      counts(t('byField'), 'field', data.facets?.field),
      counts(t('byTarget'), 'target', data.facets?.target)));
}

function euro(a) {
  const fmt = new Intl.NumberFormat(getLang() === 'en' ? 'en-GB' : 'de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const span = a.from || a.to ? ` (${[a.from, a.to].filter(Boolean).join('–')})` : '';
  return `${fmt.format(a.eur)}${a.per_year ? ' p. a.' : ''}${span} – „${a.text}“`;
}

function row(term, values) {
  if (!values || (Array.isArray(values) && !values.length)) return null;
  const list = Array.isArray(values) ? values : [values];
  return [h('dt', {}, term), list.map((v) => h('dd', {}, v))];
}

// One entry with all its fields and the source: the quote and a link to
// that passage of the source document (served by /api/documents).
export function entry(el, state, e) {
  const back = h('a', { href: link(state, { view: state.land ? 'land' : 'list', id: '' }), class: 'back' },
    h('span', { 'aria-hidden': 'true' }, '← '), t('back'));
  if (!e) {
    el.replaceChildren(back, h('h2', { id: 'view-h', tabindex: '-1' }, t('notFound')));
    return;
  }
  const src = e.source || {};
  const links = (e.links || []).map((l) => {
    const url = typeof l === 'string' ? l : l.url;
    return /^https?:\/\//.test(url) ? h('a', { href: url }, (typeof l === 'object' && l.label) || url) : url;
  });
  el.replaceChildren(back,
    h('article', { class: 'entry', 'aria-labelledby': 'view-h' },
      h('h2', { id: 'view-h', tabindex: '-1' }, e.title),
      h('p', { class: 'meta' }, meta(e)),
      e.summary ? h('p', { class: 'summary' }, e.summary) : null,
      h('dl', {},
        row(t('kind'), label('kind', e.kind)),
        row(t('level'), e.level ? label('level', e.level) : null),
        row(t('land'), e.land ? h('a', { href: link(state, { view: 'land', land: e.land, id: '' }) }, label('land', e.land)) : null),
        row(t('aliases'), e.aliases),
        row(t('ministries'), e.ministries),
        row(t('organisations'), e.organisations),
        row(t('places'), (e.places || []).map((p) => `${p.name}${p.land ? ` (${label('land', p.land)})` : ''}`)),
        row(t('fields'), (e.fields || []).map((f) => label('field', f))),
        row(t('targets'), (e.target_groups || []).map((f) => label('target', f))),
        row(t('amounts'), (e.amounts || []).map(euro)),
        row(t('counts'), (e.counts || []).map((c) => `${formatNumber(c.n)} ${c.of || ''}`.trim())),
        row(t('years'), (e.years || []).join(', ') || null),
        row(t('links'), links),
        row(t('updated'), e.updated_at ? e.updated_at.slice(0, 10) : null)),
      src.document ? h('section', { class: 'source', 'aria-labelledby': 'source-h' },
        h('h3', { id: 'source-h' }, t('source')),
        src.quote ? h('blockquote', {}, src.quote) : null,
        h('p', {},
          h('a', { href: documentPage(src, getLang(), link(state, {})), class: 'source-link' }, t('sourceLink')), ' (',
          h('a', { href: documentUrl({ document: src.document }) }, `${src.document}, ${t('sourceDoc')}`), ')')) : null));
}
