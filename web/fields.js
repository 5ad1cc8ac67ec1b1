// fields.js: the fields of an entry as the editor pages see them: their
// names, the form's model (raw strings, so that nothing typed is lost
// between renders), the checks of the API (src/core/entry.c) done before
// sending, readable values for diffs and merges, and a word diff.
import { t, label, getLang, formatNumber } from './i18n.js';

// Every field of the canonical entry, in the order of the form.
export const ORDER = ['title', 'aliases', 'kind', 'level', 'land', 'ministries', 'organisations', 'summary',
  'places', 'fields', 'target_groups', 'amounts', 'counts', 'years', 'links', 'seeks_partners',
  'offers_reuse', 'status', 'source'];

const LABEL_KEY = {
  id: 'fId', title: 'fTitle', aliases: 'aliases', kind: 'kind', level: 'level', land: 'land',
  ministries: 'ministries', organisations: 'organisations', summary: 'summary', places: 'places',
  fields: 'fields', target_groups: 'targets', amounts: 'amounts', counts: 'counts', years: 'years',
  links: 'links', seeks_partners: 'fSeeks', offers_reuse: 'fOffers', status: 'fStatus', source: 'source',
};
export const fieldLabel = (k) => t(LABEL_KEY[k] || k);

const bytes = (s) => new TextEncoder().encode(s).length;
const lines = (s) => s.split('\n').map((x) => x.trim().replace(/\s+/g, ' ')).filter(Boolean);
const str = (v) => (v == null ? '' : String(v));

// The form's model of entry e (or of a new one with the defaults given).
export function toModel(e = {}) {
  return {
    id: str(e.id),
    title: str(e.title),
    aliases: (e.aliases || []).join('\n'),
    kind: str(e.kind),
    level: str(e.level || 'land'),
    land: str(e.land),
    ministries: [...(e.ministries || [])],
    organisations: (e.organisations || []).join('\n'),
    summary: str(e.summary),
    places: (e.places || []).map((p) => (typeof p === 'string' ? p : p.name)).join('\n'),
    fields: [...(e.fields || [])],
    target_groups: [...(e.target_groups || [])],
    amounts: (e.amounts || []).map((a) => ({
      eur: str(a.eur), per_year: !!a.per_year, from: str(a.from), to: str(a.to), text: str(a.text),
    })),
    counts: (e.counts || []).map((c) => ({ n: str(c.n), of: str(c.of) })),
    years: (e.years || []).join(', '),
    links: (e.links || []).map((l) => (typeof l === 'string' ? l : l.url)).join('\n'),
    seeks_partners: !!e.seeks_partners,
    offers_reuse: !!e.offers_reuse,
    status: str(e.status || 'draft'),
  };
}

const num = (s) => (s.trim() === '' ? NaN : Number(s.trim().replace(',', '.')));
const isYear = (y) => Number.isInteger(y) && y >= 1900 && y <= 2100;
const emptyAmount = (a) => !a.eur.trim() && !a.from.trim() && !a.to.trim() && !a.text.trim();
const emptyCount = (c) => !c.n.trim() && !c.of.trim();

// toEntry(m, base): the canonical JSON the API takes. A place whose name
// is unchanged keeps its coordinates from base (a new name is looked up
// by the server); the source stays as it was.
export function toEntry(m, base = null) {
  const known = new Map((base?.places || []).map((p) => [p.name, p]));
  const out = {
    title: m.title.trim(),
    aliases: lines(m.aliases),
    kind: m.kind,
    level: m.level,
    land: m.land || null,
    ministries: [...m.ministries],
    organisations: lines(m.organisations),
    summary: m.summary.trim() || null,
    places: lines(m.places).map((n) => known.get(n) || n),
    fields: [...m.fields],
    target_groups: [...m.target_groups],
    amounts: m.amounts.filter((a) => !emptyAmount(a)).map((a) => ({
      eur: num(a.eur), per_year: a.per_year,
      from: a.from.trim() ? num(a.from) : null, to: a.to.trim() ? num(a.to) : null,
      text: a.text.trim() || null,
    })),
    counts: m.counts.filter((c) => !emptyCount(c)).map((c) => ({ n: num(c.n), of: c.of.trim() })),
    years: m.years.split(/[\s,;]+/).filter(Boolean).map(Number),
    links: lines(m.links),
    seeks_partners: m.seeks_partners,
    offers_reuse: m.offers_reuse,
    status: m.status,
  };
  if (m.id.trim()) out.id = m.id.trim();
  if (base?.source) out.source = base.source;
  return out;
}

// validate(m): {field: message} for every field the API would refuse, by
// the rules of src/core/entry.c (the server checks again; places are
// looked up there).
export function validate(m) {
  const err = {};
  const put = (k, msg) => { if (!err[k]) err[k] = msg; };
  const title = m.title.trim();
  if (!title) put('title', t('vRequired'));
  else if (bytes(title) > 300) put('title', t('vTooLong', 300));
  const id = m.id.trim();
  if (id && !/^[a-z0-9_-]+$/.test(id)) put('id', t('vId'));
  else if (bytes(id) > 100) put('id', t('vTooLong', 100));
  for (const [k, max] of [['aliases', 300], ['organisations', 300], ['places', 200]]) {
    lines(m[k]).forEach((x, i) => { if (bytes(x) > max) put(k, t('vLineTooLong', i + 1, max)); });
  }
  if (!m.kind) put('kind', t('vChoose'));
  if ((m.level === 'land' || m.level === 'kommune') && !m.land) put('land', t('vLandNeeded', label('level', m.level)));
  if (m.level === 'bund' && m.land) put('land', t('vLandBund'));
  if (bytes(m.summary.trim()) > 5000) put('summary', t('vTooLong', 5000));
  m.amounts.forEach((a, i) => {
    if (emptyAmount(a)) return;
    const eur = num(a.eur);
    const from = a.from.trim() ? num(a.from) : null;
    const to = a.to.trim() ? num(a.to) : null;
    if (!(eur > 0) || eur > 1e13) put('amounts', t('vRow', i + 1, t('vEur')));
    else if ((from !== null && !isYear(from)) || (to !== null && !isYear(to))) put('amounts', t('vRow', i + 1, t('vYear')));
    else if (from !== null && to !== null && from > to) put('amounts', t('vRow', i + 1, t('vFromTo')));
    else if (bytes(a.text.trim()) > 200) put('amounts', t('vRow', i + 1, t('vTooLong', 200)));
  });
  m.counts.forEach((c, i) => {
    if (emptyCount(c)) return;
    const n = num(c.n);
    if (!Number.isInteger(n) || n < 0) put('counts', t('vRow', i + 1, t('vCountN')));
    else if (!c.of.trim()) put('counts', t('vRow', i + 1, t('vCountOf')));
    else if (bytes(c.of.trim()) > 200) put('counts', t('vRow', i + 1, t('vTooLong', 200)));
  });
  const years = m.years.split(/[\s,;]+/).filter(Boolean);
  const bad = years.find((y) => !/^\d{4}$/.test(y) || !isYear(Number(y)));
  if (bad) put('years', t('vYears', bad));
  lines(m.links).forEach((l, i) => {
    if (!/^https?:\/\//.test(l)) put('links', t('vLink', i + 1));
    else if (bytes(l) > 2000) put('links', t('vLineTooLong', i + 1, 2000));
  });
  return err;
}

// serverField(problem): the form field a 400 answer names, and its
// message: the "parameter" of the problem, or the field the entry
// parser names in its detail ("Anfrage, Zeile 1, Feld „places[2]“: …",
// in English "Request, line 1, field “places[2]”: …").
export function serverField(p) {
  const detail = p?.detail || '';
  const m = /(?:Feld „([^“]+)“|[Ff]ield “([^”]+)”): ([\s\S]*)$/.exec(detail);
  if (m) m.splice(1, 2, m[1] ?? m[2]);
  let key = p?.parameter || (m ? m[1] : '');
  const item = /^(\w+)\[(\d+)\]$/.exec(key);
  key = item ? item[1] : key;
  const msg = m ? (item ? t('vRow', Number(item[2]), m[2]) : m[2]) : detail;
  return { key, msg };
}

function euro(a) {
  const fmt = new Intl.NumberFormat(getLang() === 'en' ? 'en-GB' : 'de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 });
  const span = a.from || a.to ? ` (${[a.from, a.to].map((y) => y || '…').join('–')})` : '';
  const v = typeof a.eur === 'number' && Number.isFinite(a.eur) ? fmt.format(a.eur) : String(a.eur);
  return `${v}${a.per_year ? ' p. a.' : ''}${span}${a.text ? ` – „${a.text}“` : ''}`;
}

// Fields whose value is a list (shown as one).
export const LISTS = ['aliases', 'ministries', 'organisations', 'places', 'fields', 'target_groups', 'amounts', 'counts', 'years', 'links'];

// display(k, v): the value of field k as readable lines (each item of a
// list on its own), for the review queue, diffs and merges.
export function display(k, v) {
  if (v == null || v === '') return [];
  switch (k) {
    case 'kind': case 'level': return [label(k, v)];
    case 'status': return [label('status', v)];
    case 'land': return [label('land', v)];
    case 'fields': return v.map((x) => label('field', x));
    case 'target_groups': return v.map((x) => label('target', x));
    case 'ministries': return v.map((x) => `${x} (${label('ministry', x)})`);
    case 'places': return v.map((p) => (typeof p === 'string' ? p : `${p.name}${p.land ? ` (${label('land', p.land)})` : ''}`));
    case 'amounts': return v.map(euro);
    case 'counts': return v.map((c) => `${Number.isFinite(c.n) ? formatNumber(c.n) : c.n} ${c.of || ''}`.trim());
    case 'years': return v.map(String);
    case 'links': return v.map((l) => (typeof l === 'string' ? l : l.url));
    case 'seeks_partners': case 'offers_reuse': return [v ? t('yes') : t('no')];
    case 'source': return [`${v.document}${v.start != null ? ` (Byte ${v.start}–${v.end})` : ''}`];
    default: return Array.isArray(v) ? v.map(String) : [String(v)];
  }
}

// same(k, a, b): whether two entries agree on field k, as a reader sees it
// (a place given by name equals the located place of that name).
export function same(k, a, b) {
  // Absent, null, "" and [] all mean "nothing"; false is a flag's nothing.
  const norm = (e) => {
    const v = e?.[k];
    if (k === 'seeks_partners' || k === 'offers_reuse') return JSON.stringify(!!v);
    if (v == null || v === '' || (Array.isArray(v) && !v.length)) return 'null';
    if (k === 'places') return JSON.stringify(v.map((p) => (typeof p === 'string' ? p : p.name)));
    return JSON.stringify(v);
  };
  return norm(a) === norm(b);
}

// wordDiff(a, b): the words of a and b as [op, text] with op '=', '-'
// (only in a) or '+' (only in b); longest common subsequence of words.
export function wordDiff(a, b) {
  const x = a.split(/(\s+)/).filter(Boolean);
  const y = b.split(/(\s+)/).filter(Boolean);
  const n = x.length;
  const m = y.length;
  if (n * m > 4e6) return [['-', a], ['+', b]];
  const L = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      L[i * (m + 1) + j] = x[i] === y[j] ? L[(i + 1) * (m + 1) + j + 1] + 1
        : Math.max(L[(i + 1) * (m + 1) + j], L[i * (m + 1) + j + 1]);
    }
  }
  const out = [];
  const push = (op, s) => {
    if (out.length && out[out.length - 1][0] === op) out[out.length - 1][1] += s;
    else out.push([op, s]);
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) { push('=', x[i]); i++; j++; } else if (L[(i + 1) * (m + 1) + j] >= L[i * (m + 1) + j + 1]) push('-', x[i++]);
    else push('+', y[j++]);
  }
  while (i < n) push('-', x[i++]);
  while (j < m) push('+', y[j++]);
  return out;
}
