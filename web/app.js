// app.js: wires the page together. The URL hash is the only state
// (state.js); every change of it re-renders from the API: filters, list,
// map, the entry or Land view. Data is fetched again only when the
// filters behind it changed.
import * as api from './api.js';
import * as mapView from './map.js';
import * as search from './search.js';
import * as views from './views.js';
import * as compare from './compare.js';
import * as linkViews from './links.js';
import * as conference from './conference.js';
import * as editor from './editor.js';
import * as st from './state.js';
import { $, h } from './dom.js';
import { t, label, setLang } from './i18n.js';

const FILTER_KEYS = ['q', 'land', 'kind', 'field', 'target', 'year', 'near', 'km'];
let last = null; // the state rendered last
let cache = { listKey: null, list: null, geoKey: null, onMap: null };
let box;
// The view whose focus was placed last: a render that a newer one
// overtakes never gets there, so the newer one compares with this.
let placed = null;

function translate() {
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  const other = document.documentElement.lang === 'en' ? 'de' : 'en';
  $('#lang').lang = other;
  $('#lang').textContent = t('switchLang');
}

// The header's links to the views; each keeps the language.
function nav(s) {
  for (const a of document.querySelectorAll('#nav a[data-view]')) {
    a.href = st.format({ view: a.dataset.view, lang: s.lang });
    const here = a.dataset.view === s.view || (a.dataset.view === 'list' && ['list', 'land', 'entry'].includes(s.view))
      || (a.dataset.view === 'sitzungen' && s.view === 'sitzung');
    if (here) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

// The views of issue 5 replace the list; their data comes with them.
async function page(s, viewEl) {
  const get = { vergleich: api.compare, kooperation: api.links, partner: api.partners }[s.view];
  let data = null;
  try {
    data = await get();
  } catch (err) {
    if (err.name === 'AbortError') return null;
  }
  if (st.format(st.parse()) !== st.format(s)) return null;
  let choro = null;
  if (s.view === 'vergleich') {
    if (!data) viewEl.replaceChildren(h('h2', { id: 'view-h', tabindex: '-1' }, t('compareTitle')), h('p', {}, t('error')));
    else keepFocus(() => { choro = compare.render(viewEl, s, data); });
  } else if (s.view === 'kooperation') linkViews.cooperation(viewEl, s, data);
  else linkViews.partners(viewEl, s, data);
  return { title: t({ vergleich: 'compareTitle', kooperation: 'coopTitle', partner: 'partnerTitle' }[s.view]), choro };
}

// load(fn): the answer of an API call, null when it failed; throws only
// when a newer call aborted it (the newer render takes over).
async function load(fn) {
  try {
    return await fn();
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    return err.status === 404 ? null : undefined;
  }
}

// The chair of every year of the DMK meetings that name none, by the
// rotation (a missing table only leaves the cells "not stated").
async function rotationOf(ms) {
  const years = ms.filter((m) => m.body === 'dmk' && !m.chair?.length && m.year).map((m) => m.year);
  if (!years.length) return null;
  const data = await load(() => api.chairs(Math.min(...years), Math.max(...years)));
  return new Map((data?.items || []).map((c) => [c.year, c]));
}

// The pages of the conference cycle (issue 6): they replace list and map.
async function confPage(s, viewEl) {
  let draw;
  try {
    if (s.view === 'sitzungen') {
      const ms = await load(api.meetings);
      const rot = ms ? await rotationOf(ms.items || []) : null;
      draw = () => { conference.meetings(viewEl, s, ms, rot); return t('meetingsTitle'); };
    } else if (s.view === 'sitzung') {
      const [m, ts, ms] = await Promise.all([load(() => api.meeting(s.id)), load(() => api.tasks(false)), load(api.meetings)]);
      const rot = m ? await rotationOf([m]) : null;
      draw = () => conference.meeting(viewEl, s, m, rot, ts, ms);
    } else if (s.view === 'auftraege') {
      const [ts, ms] = await Promise.all([load(() => api.tasks(true)), load(api.meetings)]);
      draw = () => { conference.tasks(viewEl, s, ts, ms); return t('tasksTitle'); };
    } else {
      const data = await load(() => api.chairs(conference.CHAIR_FIRST, conference.chairTo(s)));
      draw = () => { keepFocus(() => conference.chair(viewEl, s, data)); return t('chairTitle'); };
    }
  } catch (err) {
    return null; // aborted by a newer call
  }
  if (st.format(st.parse()) !== st.format(s)) return null;
  return { title: draw() };
}

function onFilter(key, value) {
  const s = st.parse();
  if (key === '*') {
    return st.go({ view: 'list', id: '', page: '', ...Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) });
  }
  if (key === 'land') return st.go({ view: value ? 'land' : 'list', land: value, id: '', page: '' });
  const patch = { [key]: value, page: '', view: s.view === 'entry' ? 'list' : s.view, id: '' };
  if (key === 'near' && !value) patch.km = '';
  return st.go(patch);
}

// Restore focus to the control with the same id after a re-render
// replaced it (a select that changed the filters must keep the focus).
function keepFocus(fn) {
  const id = document.activeElement?.id;
  fn();
  if (id && document.activeElement?.id !== id) document.getElementById(id)?.focus();
}

async function loadList(s) {
  const params = st.apiParams(s);
  const listKey = `${params}|${s.page}`;
  const geoKey = String(params);
  const jobs = [];
  if (listKey !== cache.listKey) {
    jobs.push(api.entries(params, Math.max(1, Number(s.page) || 1)).then((d) => {
      cache.list = d;
      cache.listKey = listKey;
    }));
  }
  if (geoKey !== cache.geoKey) {
    jobs.push(api.geojson(params).then((d) => {
      cache.onMap = mapView.setEntries(d);
      cache.geoKey = geoKey;
    }));
  }
  await Promise.all(jobs);
}

// data-busy is set while a view is being drawn, so that the browser tests
// wait for the list of a new filter instead of reading the old one.
let drawing = 0;
async function render() {
  drawing++;
  document.body.dataset.busy = 'true';
  try {
    await draw();
  } finally {
    if (--drawing === 0) delete document.body.dataset.busy;
  }
}

async function draw() {
  const s = st.parse();
  const prev = last;
  last = s;
  setLang(s.lang);
  translate();
  nav(s);
  const wide = st.PAGES.includes(s.view);
  const full = st.CONF.includes(s.view); // no map beside these pages
  const relayout = $('#main').classList.contains('wide') !== wide || $('#main').classList.contains('full') !== full;
  $('#main').classList.toggle('wide', wide);
  $('#main').classList.toggle('full', full);
  $('.map-section').hidden = full;
  if (relayout && prev) { // the map column changed width: measure and fit again
    mapView.resize();
    mapView.setLand(s.land);
  }
  box.set(s.q);
  editor.bar(s);
  // The editors' pages (editor.js) take the whole width: no list, no map.
  const editing = editor.handles(s.view);
  document.body.classList.toggle('editing', editing);
  if (editing) {
    const title = await editor.render($('#view'), s);
    if (title == null || st.format(st.parse()) !== st.format(s)) return;
    document.title = `${title} – ${t('title')}`;
    moveFocus(s);
    return;
  }
  if (prev && editor.handles(prev.view)) { // the map was hidden: measure again
    mapView.resize();
    mapView.setLand(s.land);
  }
  const viewEl = $('#view');
  const resultsSection = $('#results-section');
  try {
    await loadList(s);
  } catch (e) {
    if (e.name === 'AbortError') return;
    $('#status').textContent = t('error');
    $('#results').textContent = t('error');
    return;
  }
  if (st.format(st.parse()) !== st.format(s)) return; // a newer state arrived
  keepFocus(() => views.filters($('#filters'), s, cache.list.facets, onFilter));
  views.results($('#results'), s, cache.list, cache.onMap);
  $('#status').textContent = t('count', cache.list.total);
  if (!prev || prev.land !== s.land) mapView.setLand(s.land);
  let title = t('title');
  if (s.view === 'entry') {
    let e = null;
    let sim = null;
    const similar = () => api.similar(s.id).catch((err) => {
      if (err.name === 'AbortError') throw err;
      return null;
    });
    // An editor may open a draft, which has no similar entries (404):
    // for them, ask only once the entry is known to be published.
    const later = editor.signedIn();
    try {
      [e, sim] = await Promise.all([api.entry(s.id), later ? null : similar()]);
      if (later && e?.status === 'published') sim = await similar();
    } catch (err) {
      if (err.name === 'AbortError') return;
    }
    if (st.format(st.parse()) !== st.format(s)) return;
    views.entry(viewEl, s, e);
    if (e) {
      if (e.status !== 'draft') $('article.entry')?.append(linkViews.similar(s, e, sim));
      editor.entryTools($('article.entry'), e);
      title = `${e.title} – ${title}`;
    }
    resultsSection.hidden = true;
  } else if (s.view === 'land') {
    views.landHead(viewEl, s, cache.list);
    title = `${t('landView', label('land', s.land))} – ${title}`;
    resultsSection.hidden = false;
  } else if (st.PAGES.includes(s.view)) {
    resultsSection.hidden = true;
    const r = await page(s, viewEl);
    if (!r) return;
    title = `${r.title} – ${title}`;
    if (r.choro) {
      mapView.setChoropleth(r.choro.values, compare.classes(r.choro.values), compare.measureName(r.choro.measure));
    }
  } else if (full) {
    resultsSection.hidden = true;
    const r = await confPage(s, viewEl);
    if (!r) return;
    title = `${r.title} – ${title}`;
  } else {
    viewEl.replaceChildren();
    resultsSection.hidden = false;
  }
  if (s.view !== 'vergleich') mapView.setChoropleth(null);
  mapView.select(s.view === 'entry' ? s.id : '');
  document.title = title;
  moveFocus(s);
}

// After a step to another view, put the focus where the new content
// starts (its heading), and back on the entry's link when returning to
// the list, so keyboard and screen reader users keep their place.
// A meeting's page with top= goes to that agenda item's heading instead.
function moveFocus(s) {
  const key = `${s.view}|${s.id || ''}|${s.view === 'land' ? s.land : ''}|${s.view === 'sitzung' ? s.top : ''}|${s.view === 'vorsitz' ? s.bis : ''}`;
  const before = placed;
  if (before && before.key === key) return;
  placed = { key, s };
  const top = s.view === 'sitzung' && s.top ? document.getElementById(`${s.top}-h`) : null;
  if (!before) { // the first view of a visit keeps the browser's focus
    top?.scrollIntoView();
    return;
  }
  if (s.view === 'vorsitz' && before.s.view === 'vorsitz') return; // the table grew: stay in the form
  if (top) top.focus();
  else if (s.view === 'entry' || s.view === 'land' || st.PAGES.includes(s.view) || st.CONF.includes(s.view) ||
    editor.handles(s.view)) $('#view-h')?.focus();
  else if (before.s.view === 'entry') document.querySelector(`#results a[data-id="${CSS.escape(before.s.id)}"]`)?.focus();
}

async function start() {
  box = search.init({
    input: $('#q'),
    list: $('#q-list'),
    form: $('#search-form'),
    onQuery: (q, opts) => {
      const s = st.parse();
      if (q.trim() === s.q) return;
      st.go({ q: q.trim(), page: '', view: s.view === 'entry' ? 'list' : s.view, id: '' }, opts);
    },
    onPlace: (p) => st.go({ near: p.name, km: '50', q: '', page: '', view: 'list', id: '', land: '' }),
  });
  $('#q').value = st.parse().q;
  $('#lang').addEventListener('click', () => st.go({ lang: document.documentElement.lang === 'en' ? 'de' : 'en' }));
  setLang(st.parse().lang);
  translate();
  try {
    await mapView.init($('#map'), await api.outlines(), {
      land: (code) => st.go({ view: 'land', land: code, id: '', page: '' }),
      entry: (id) => st.go({ view: 'entry', id }),
    });
  } catch (e) {
    $('#map-note').textContent = t('error');
  }
  await editor.start();
  // A write through the editors' pages: lists and map are fetched again.
  window.addEventListener('kl-changed', () => { cache = { listKey: null, list: null, geoKey: null, onMap: null }; });
  window.addEventListener('hashchange', render);
  window.addEventListener('statechange', render);
  window.addEventListener('resize', mapView.resize);
  await render();
  document.body.dataset.ready = 'true'; // for the browser tests
}

start();
