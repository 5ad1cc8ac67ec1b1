// state.js: the whole view state lives in the URL hash, so a view can be
// shared and the browser's back and forward buttons work:
//   #/                       the list and the map
//   #/entry/ID?...           one entry (the filters stay for "back")
//   #/land/DE-BY?...         the page of one Land (the Land is the filter)
//   #/vergleich?measure=F    the comparison of the Länder (measure: a
//                            Handlungsfeld slug, funding or counts (the
//                            entries stating them), empty = all entries)
//   #/kooperation, #/partner cooperation candidates, partner offers
//   #/sitzungen              the meetings of the conference cycle
//   #/sitzung/ID?top=N       one meeting (top: the agenda item to go to)
//   #/auftraege              open reporting tasks by Land
//   #/vorsitz?bis=YEAR       the chair rotation up to YEAR
//   #/anmelden, #/neu, #/bearbeiten/ID, #/pruefen?doc=NAME,
//   #/verlauf/ID, #/protokoll    the pages for editors (editor.js)
// Query keys: q, kind, field, target, year, near, km, page, lang, measure,
// top, bis, doc. A hash keeps the server out of routing: every view is the
// same index.html.

const KEYS = ['q', 'kind', 'field', 'target', 'year', 'near', 'km', 'page', 'lang', 'measure', 'top', 'bis', 'doc'];
export const PAGES = ['vergleich', 'kooperation', 'partner'];
// The pages of the conference cycle (conference.js): no list, no map.
export const CONF = ['sitzungen', 'sitzung', 'auftraege', 'vorsitz'];
export const EDIT = ['anmelden', 'neu', 'bearbeiten', 'pruefen', 'verlauf', 'protokoll'];
// Keys that belong to one view only.
const ONLY = { measure: 'vergleich', top: 'sitzung', bis: 'vorsitz', doc: 'pruefen' };

export function parse(hash = location.hash) {
  const h = hash.replace(/^#/, '');
  const [path, query = ''] = h.split('?');
  const params = new URLSearchParams(query);
  const s = { view: 'list', id: '', land: '' };
  for (const k of KEYS) s[k] = params.get(k) ?? '';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'entry' && parts[1]) {
    s.view = 'entry';
    s.id = parts[1];
  } else if (parts[0] === 'land' && parts[1]) {
    s.view = 'land';
    s.land = parts[1];
  } else if (parts[0] === 'sitzung' && parts[1]) {
    s.view = 'sitzung';
    s.id = parts[1];
  } else if (PAGES.includes(parts[0]) || (CONF.includes(parts[0]) && parts[0] !== 'sitzung')) {
    s.view = parts[0];
  } else if (EDIT.includes(parts[0])) {
    s.view = parts[0];
    s.id = parts[1] || '';
  }
  // The Land filter of the list and entry views rides along as a key.
  if (s.view !== 'land') s.land = params.get('land') ?? '';
  return s;
}

export function format(s) {
  let path = '/';
  if (s.view === 'entry' && s.id) path = `/entry/${encodeURIComponent(s.id)}`;
  else if (s.view === 'land' && s.land) path = `/land/${encodeURIComponent(s.land)}`;
  else if (s.view === 'sitzung' && s.id) path = `/sitzung/${encodeURIComponent(s.id)}`;
  else if (PAGES.includes(s.view) || (CONF.includes(s.view) && s.view !== 'sitzung')) path = `/${s.view}`;
  else if (EDIT.includes(s.view)) path = s.id ? `/${s.view}/${encodeURIComponent(s.id)}` : `/${s.view}`;
  const params = new URLSearchParams();
  if (s.view !== 'land' && s.land) params.set('land', s.land);
  for (const k of KEYS) {
    if (ONLY[k] && s.view !== ONLY[k]) continue;
    if (s[k] && !(k === 'lang' && s[k] === 'de') && !(k === 'page' && s[k] === '1')) params.set(k, s[k]);
  }
  const q = params.toString();
  return `#${path}${q ? `?${q}` : ''}`;
}

// go(patch): a new history entry for a deliberate step (a filter, an
// entry); replace: true for steps that should not fill the history, such
// as each pause while typing.
export function go(patch, { replace = false } = {}) {
  const next = { ...parse(), ...patch };
  const url = format(next);
  if (url === location.hash) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new Event('statechange'));
}

// The filters that the API takes, as query parameters.
export function apiParams(s) {
  const p = new URLSearchParams();
  for (const k of ['q', 'land', 'kind', 'field', 'target', 'year', 'near', 'km']) {
    if (s[k]) p.set(k, s[k]);
  }
  if (s.near && !s.km) p.set('km', '50');
  return p;
}
