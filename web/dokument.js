// dokument.js: a source document with the passage an entry cites marked.
// dokument.html?name=NAME&start=S&end=E[&lang=en][&from=HASH]: S and E are byte
// offsets into the UTF-8 text (as entries' source.start and source.end
// give them), so the text is fetched as bytes and cut there, never by
// JavaScript string index. The passage gets focus so that keyboard and
// screen reader users land on it as sighted users do.
import { cut } from './passage.js';

const TEXT = {
  de: {
    title: (n) => `Quelldokument ${n}`,
    back: 'Zur Karte',
    backEntry: 'Zurück zum Eintrag',
    backReview: 'Zurück zur Prüfung der Entwürfe',
    raw: 'Reiner Text',
    jump: 'Zur zitierten Stelle springen',
    passage: 'Zitierte Stelle',
    loading: 'Dokument wird geladen …',
    marked: (a, b) => `Die zitierte Stelle (Byte ${a} bis ${b}) ist hervorgehoben.`,
    whole: 'Das ganze Dokument.',
    missing: 'Kein Dokument angegeben.',
    error: (d) => `Das Dokument kann nicht gezeigt werden: ${d}`,
    badRange: 'Die angegebene Stelle liegt nicht im Dokument.',
  },
  en: {
    title: (n) => `Source document ${n}`,
    back: 'Back to the map',
    backEntry: 'Back to the entry',
    backReview: 'Back to the review of drafts',
    raw: 'Plain text',
    jump: 'Jump to the cited passage',
    passage: 'Cited passage',
    loading: 'Loading the document …',
    marked: (a, b) => `The cited passage (bytes ${a} to ${b}) is highlighted.`,
    whole: 'The whole document.',
    missing: 'No document given.',
    error: (d) => `The document cannot be shown: ${d}`,
    badRange: 'The given passage is not inside the document.',
  },
};

const q = new URLSearchParams(location.search);
const lang = q.get('lang') === 'en' ? 'en' : 'de';
const T = TEXT[lang];
const $ = (id) => document.getElementById(id);
const status = $('doc-status');

function offset(name, max) {
  const v = q.get(name);
  if (v === null || v === '') return null;
  return /^\d+$/.test(v) && Number(v) <= max ? Number(v) : NaN;
}

function label() {
  document.documentElement.lang = lang;
  // from: the view that linked here, with its filters; only a hash of
  // this site's own page is followed.
  const from = q.get('from') || '';
  const entry = from.startsWith('#/entry/');
  $('doc-back').textContent = entry ? T.backEntry : from.startsWith('#/pruefen') ? T.backReview : T.back;
  $('doc-back').href = from.startsWith('#/') ? `./${from}` : lang === 'en' ? './#/?lang=en' : './';
  $('doc-raw').textContent = T.raw;
  $('doc-jump-link').textContent = T.jump;
}

async function show() {
  label();
  const name = q.get('name');
  if (!name) {
    status.textContent = T.missing;
    return;
  }
  const url = `/api/documents/${encodeURIComponent(name)}`;
  $('doc-raw').href = url;
  $('doc-h').textContent = T.title(name);
  document.title = `${T.title(name)} – KI-Landkarte`;
  status.textContent = T.loading;
  const res = await fetch(url, { headers: { 'Accept-Language': lang === 'en' ? 'en, de;q=0.5' : 'de, en;q=0.5' } });
  if (!res.ok) {
    const p = await res.json().catch(() => ({}));
    status.textContent = T.error(p.detail || res.status);
    return;
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const dec = new TextDecoder('utf-8');
  const start = offset('start', bytes.length);
  const end = offset('end', bytes.length);
  const pre = $('doc-text');
  if (start === null || end === null) {
    pre.textContent = dec.decode(bytes);
    status.textContent = T.whole;
    return;
  }
  if (Number.isNaN(start) || Number.isNaN(end) || start > end) {
    pre.textContent = dec.decode(bytes);
    status.textContent = T.badRange;
    return;
  }
  const part = cut(bytes, start, end);
  const mark = document.createElement('mark');
  mark.id = 'passage';
  mark.tabIndex = -1;
  mark.setAttribute('aria-label', T.passage);
  mark.textContent = part.passage;
  pre.replaceChildren(part.before, mark, part.after);
  status.textContent = T.marked(start, end);
  $('doc-jump').hidden = false;
  mark.scrollIntoView({ block: 'center' });
  mark.focus({ preventScroll: true });
}

show().catch((e) => {
  status.textContent = T.error(e.message);
});
