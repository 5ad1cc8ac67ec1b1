// api.js: the few calls the page makes to the JSON API (api/openapi.json).
// A newer call of the same kind aborts the older one, so a slow answer to
// an old search never overwrites the answer to the current one.

import { getLang } from './i18n.js';

const pending = new Map();

async function getJSON(kind, url) {
  pending.get(kind)?.abort();
  const ctl = new AbortController();
  pending.set(kind, ctl);
  const res = await fetch(url, { signal: ctl.signal, headers: { Accept: 'application/json', 'Accept-Language': getLang() === 'en' ? 'en, de;q=0.5' : 'de, en;q=0.5' } });
  if (pending.get(kind) === ctl) pending.delete(kind);
  if (!res.ok) {
    const err = new Error(`${res.status} ${url}`);
    err.status = res.status;
    throw err;
  }
  return res.json();
}

export const PAGE_SIZE = 20;

export function entries(params, page = 1) {
  const p = new URLSearchParams(params);
  p.set('limit', String(PAGE_SIZE));
  p.set('offset', String((page - 1) * PAGE_SIZE));
  return getJSON('entries', `/api/entries?${p}`);
}

// Every entry with a place under the same filters, for the map.
export const geojson = (params) => getJSON('geojson', `/api/export.geojson?${params}`);

export const entry = (id) => getJSON('entry', `/api/entries/${encodeURIComponent(id)}`);

export const places = (q) => getJSON('places', `/api/places?${new URLSearchParams({ q })}`);

export const laender = () => getJSON('laender', '/api/laender');

export const outlines = () => getJSON('outlines', '/laender.geojson');

// The plain text of a source document, or of the passage an entry cites.
export function documentUrl(source) {
  const base = `/api/documents/${encodeURIComponent(source.document)}`;
  if (source.start == null) return base;
  return `${base}?start=${source.start}&end=${source.end}`;
}

// The page that shows the whole document with the cited passage marked.
// from: the hash of the view that links here ("#/entry/ID?..."), for the
// way back.
export function documentPage(source, lang, from) {
  const q = new URLSearchParams({ name: source.document });
  if (from) q.set('from', from);
  if (source.start != null) {
    q.set('start', source.start);
    q.set('end', source.end);
  }
  if (lang === 'en') q.set('lang', 'en');
  return `dokument.html?${q}`;
}

// Comparison and Anknüpfungspunkte (issue 5).
export const similar = (id) => getJSON('similar', `/api/entries/${encodeURIComponent(id)}/similar?limit=5`);
export const links = () => getJSON('links', '/api/links');
export const partners = () => getJSON('partners', '/api/partners');
export const compare = () => getJSON('compare', '/api/compare?by=field&format=json');

// The conference cycle (issue 6).
export const meetings = () => getJSON('meetings', '/api/meetings');
export const meeting = (id) => getJSON('meeting', `/api/meetings/${encodeURIComponent(id)}`);
// open: only the open tasks; otherwise all, with their status.
export const tasks = (open = true) => getJSON('tasks', `/api/tasks${open ? '?open=1' : ''}`);
export const chairs = (from, to) => getJSON('chair', `/api/chair?${new URLSearchParams({ from, to })}`);
