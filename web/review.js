// review.js: the review queue (#/pruefen, #/pruefen?doc=NAME): the drafts
// the signed-in user may edit (GET /api/entries?status=draft), each with
// its proposed fields beside the source passage, highlighted in its
// context (the bytes the entry cites, passage.js), and buttons to
// publish, edit and delete. Above it the upload of a report text
// (POST /api/import?name=FILE): its new drafts are shown right after.
import { h, fill } from './dom.js';
import { t, label, formatDate } from './i18n-edit.js';
import { getLang } from './i18n.js';
import * as st from './state.js';
import * as session from './session.js';
import * as act from './actions.js';
import * as passage from './passage.js';
import { documentPage } from './api.js';
import { ORDER, fieldLabel, display } from './fields.js';

let notice = null; // {kind, nodes} shown on the next render, and focused
let deleted = null; // the recently deleted entries, once asked for
let focusDeleted = false;

const CONTEXT = 400; // bytes of the document shown around a passage

const redraw = () => window.dispatchEvent(new Event('statechange'));

function say(kind, ...nodes) {
  notice = { kind, nodes };
  redraw();
}

const PER_PAGE = 20; // drafts a page shows: each card loads its passage

// drafts(s): the drafts of the page s asks for and the counts around
// them: {ok, detail, items, total (under the filter), all (every draft)}.
// Without a document the server pages; for one document every draft is
// read (the API has no filter by source document) and paged here.
async function drafts(s, page) {
  if (!s.doc) {
    const a = await session.get(`/api/entries?status=draft&limit=${PER_PAGE}&offset=${(page - 1) * PER_PAGE}`);
    return a.ok ? { ok: true, items: a.data.items, total: a.data.total, all: a.data.total } : { ok: false, detail: a.data?.detail, lang: a.lang };
  }
  const mine = [];
  let all = 0;
  for (let off = 0; ; off += 1000) {
    const a = await session.get(`/api/entries?status=draft&limit=1000&offset=${off}`);
    if (!a.ok) return { ok: false, detail: a.data?.detail, lang: a.lang };
    all = a.data.total;
    mine.push(...a.data.items.filter((e) => e.source?.document === s.doc));
    if (!a.data.items.length || off + 1000 >= all) break;
  }
  return { ok: true, items: mine.slice((page - 1) * PER_PAGE, page * PER_PAGE), total: mine.length, all };
}

function pager(s, page, total) {
  if (total <= PER_PAGE) return null;
  const from = (page - 1) * PER_PAGE + 1;
  const to = Math.min(total, page * PER_PAGE);
  const at = (p) => st.format({ ...s, page: String(p) });
  return h('nav', { class: 'pager', 'aria-label': t('reviewPages') },
    page > 1 ? h('a', { href: at(page - 1), rel: 'prev' }, t('prevPage')) : null,
    h('span', {}, t('shownOf', from, to, total)),
    to < total ? h('a', { href: at(page + 1), rel: 'next' }, t('nextPage')) : null);
}

export async function render(el, s) {
  const page = Math.max(1, Number(s.page) || 1);
  const a = await drafts(s, page);
  if (st.format(st.parse()) !== st.format(s)) return null;
  if (a.ok && !a.items.length && a.total > 0) {
    // Past the end (the last drafts of this page were just published):
    // to the last page there is.
    st.go({ page: String(Math.ceil(a.total / PER_PAGE)) }, { replace: true });
    return null;
  }
  const items = a.ok ? a.items : [];
  const cards = await Promise.all(items.map((e, i) => card(e, i, s)));
  if (st.format(st.parse()) !== st.format(s)) return null;
  const n = notice;
  notice = null;
  fill(el,
    h('h2', { id: 'view-h', tabindex: '-1' }, t('reviewTitle')),
    n ? h('div', { class: `notice ${n.kind}`, id: 'rv-notice', tabindex: '-1', role: n.kind === 'error' ? 'alert' : 'status' }, h('p', {}, n.nodes)) : null,
    uploadForm(),
    h('section', { 'aria-labelledby': 'rv-list-h' },
      h('h3', { id: 'rv-list-h' }, s.doc ? t('reviewDocTitle', s.doc) : t('reviewListTitle')),
      !a.ok ? h('p', {}, h('span', { lang: a.lang || 'de' }, a.detail || t('error')))
        : h('p', { class: 'count' }, t('draftCount', a.total),
          s.doc ? [' · ', h('a', { href: st.format({ view: 'pruefen', id: '', lang: s.lang }) }, t('allDrafts', a.all))] : null),
      items.length ? h('ol', { class: 'drafts', start: (page - 1) * PER_PAGE + 1 }, cards.map((c) => h('li', {}, c))) : h('p', {}, t('noDrafts')),
      a.ok ? pager(s, page, a.total) : null),
    deletedSection(s));
  if (n) document.getElementById('rv-notice')?.focus();
  else if (focusDeleted) document.getElementById('rv-deleted-h')?.focus();
  focusDeleted = false;
  return t('reviewTitle');
}

// ---- One draft -------------------------------------------------------

async function sourceBlock(e, i) {
  const src = e.source;
  if (!src?.document) return h('p', {}, t('noSource'));
  let part = null;
  let problem = '';
  if (src.start != null) {
    try {
      part = passage.cut(await passage.bytes(src.document, getLang()), src.start, src.end, CONTEXT);
      if (!part) problem = t('badRange');
    } catch (err) {
      problem = err.message;
    }
  }
  const link = h('a', { href: documentPage(src, getLang(), st.format({ ...st.parse() })) }, t('wholeDocument', src.document));
  if (!part) {
    return [src.quote ? h('blockquote', {}, src.quote) : null, problem ? h('p', {}, problem) : null, h('p', {}, link)];
  }
  return [
    h('div', { class: 'passage', id: `rv-${i}-passage`, tabindex: '0', role: 'region', 'aria-label': t('passageOf', e.title) },
      part.clippedStart ? '… ' : null, part.before,
      h('mark', {}, h('span', { class: 'visually-hidden' }, `${t('passageStart')} `), part.passage,
        h('span', { class: 'visually-hidden' }, ` ${t('passageEnd')}`)),
      part.after, part.clippedEnd ? ' …' : null),
    h('p', { class: 'hint' }, t('passageBytes', src.start, src.end), ' · ', link),
  ];
}

async function card(e, i, s) {
  const hid = `rv-${i}-h`;
  const named = (text) => [text, h('span', { class: 'visually-hidden' }, `: ${e.title}`)];
  const fields = ORDER.filter((k) => !['title', 'source', 'status'].includes(k))
    .filter((k) => !['seeks_partners', 'offers_reuse'].includes(k) || e[k])
    .map((k) => [k, display(k, e[k])]).filter(([, v]) => v.length);
  return h('article', { class: 'draft', 'aria-labelledby': hid, 'data-id': e.id },
    h('h4', { id: hid }, e.title),
    h('p', { class: 'meta' }, [e.land ? label('land', e.land) : t('bundLevel'), label('kind', e.kind), t('versionN', e.version),
      e.updated_at ? formatDate(e.updated_at) : null].filter(Boolean).join(' · ')),
    h('div', { class: 'review-grid' },
      h('section', { 'aria-labelledby': `${hid}-f` },
        h('h5', { id: `${hid}-f` }, t('proposedFields')),
        h('dl', { class: 'fields' }, fields.map(([k, v]) => [h('dt', {}, fieldLabel(k)), v.map((x) => h('dd', {}, x))]))),
      h('section', { 'aria-labelledby': `${hid}-s` },
        h('h5', { id: `${hid}-s` }, t('sourcePassage')),
        await sourceBlock(e, i))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', 'data-act': 'publish', onclick: () => publish(e) }, named(t('publish'))),
      h('a', { class: 'button', href: st.format({ view: 'bearbeiten', id: e.id, lang: s.lang }) }, named(t('edit'))),
      h('button', { type: 'button', 'data-act': 'delete', onclick: () => remove(e) }, named(t('delete')))));
}

function problem(r) {
  if (r.stale) return t('staleNow');
  if (r.status === 401) return t('sessionEnded');
  return [t('notDone'), ' ', h('span', { lang: r.lang || 'de' }, r.detail || `HTTP ${r.status}`)];
}

async function publish(e) {
  const r = await act.setStatus(e, 'published', t('reasonPublish'));
  if (r.ok) say('ok', t('published', e.title), ' ', h('a', { href: st.format({ view: 'entry', id: e.id }) }, t('toEntry')));
  else say('error', problem(r));
}

async function remove(e) {
  const r = await act.remove(e, t('reasonReject'));
  if (r.ok) {
    say('ok', t('deletedNote', e.title), ' ',
      h('button', { type: 'button', class: 'link-button', id: 'rv-undo', onclick: () => undo(e) }, t('undoDelete')));
  } else say('error', problem(r));
}

async function undo(e) {
  const r = await act.restore(e.id);
  if (r.ok) say('ok', t('restoredNote', e.title, r.entry.version));
  else say('error', problem(r));
}

// ---- Uploading a report ------------------------------------------------

// A name the server takes ([A-Za-z0-9._-], 1..100, no leading dot).
export function safeName(file) {
  const s = file.normalize('NFC').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 100);
  return s || 'bericht.txt';
}

function uploadForm() {
  const err = h('p', { class: 'field-error', id: 'up-error', hidden: true });
  const file = h('input', { type: 'file', id: 'up-file', accept: '.txt,text/plain', 'aria-describedby': 'up-hint up-error' });
  const name = h('input', { type: 'text', id: 'up-name', maxlength: 100, spellcheck: 'false', 'aria-describedby': 'up-name-hint up-error' });
  file.addEventListener('change', () => {
    if (file.files[0]) name.value = safeName(file.files[0].name);
  });
  const button = h('button', { type: 'submit', id: 'up-send' }, t('uploadButton'));
  const fail = (msg, field) => {
    fill(err, msg);
    err.hidden = false;
    field.setAttribute('aria-invalid', 'true');
    field.focus();
  };
  return h('form', {
    class: 'upload', id: 'upload', novalidate: true, 'aria-labelledby': 'up-h',
    onsubmit: async (ev) => {
      ev.preventDefault();
      file.removeAttribute('aria-invalid');
      name.removeAttribute('aria-invalid');
      err.hidden = true;
      const f = file.files[0];
      if (!f) return fail(t('uploadNoFile'), file);
      const n = name.value.trim() || safeName(f.name);
      if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/.test(n)) return fail(t('uploadBadName'), name);
      button.disabled = true;
      let a;
      try {
        a = await session.send('POST', `/api/import?name=${encodeURIComponent(n)}`,
          { body: await f.arrayBuffer(), type: 'text/plain; charset=utf-8' });
      } catch {
        a = { status: 0, data: { detail: t('offline') }, lang: getLang() };
      }
      button.disabled = false;
      if (a.status === 201) return uploaded(a.data, a.lang);
      const detail = h('span', { lang: a.lang || 'de' }, a.data?.detail || `HTTP ${a.status}`);
      if (a.status === 409 || a.data?.parameter === 'name') return fail([t('uploadRefused'), ' ', detail], name);
      if (a.status === 401) return fail(t('sessionEnded'), file);
      return fail([t('uploadRefused'), ' ', detail], file);
    },
  },
  h('h3', { id: 'up-h' }, t('uploadTitle')),
  h('p', { class: 'hint', id: 'up-hint' }, t('uploadHint')),
  h('div', { class: 'field' }, h('label', { for: 'up-file' }, t('uploadFile')), file),
  h('div', { class: 'field' }, h('label', { for: 'up-name' }, t('uploadName')),
    h('p', { class: 'hint', id: 'up-name-hint' }, t('uploadNameHint')), name),
  err,
  button);
}

function uploaded(d, lang = 'de') {
  session.changed();
  const skipped = d.skipped || [];
  notice = {
    kind: 'ok',
    nodes: [t('uploadDone', d.document, d.proposed, d.created.length),
      skipped.length ? [' ', t('uploadSkipped'), ' ', skipped.map((x, i) => [i ? '; ' : '', `${x.title} (`, h('span', { lang }, x.reason), ')'])] : null],
  };
  const s = st.parse();
  if (s.doc === d.document) redraw();
  else st.go({ view: 'pruefen', id: '', doc: d.document, page: '' });
}

// ---- Recently deleted ----------------------------------------------------

// The change feed of the last 90 days names deleted entries as
// tombstones; their history leads to the restore.
function deletedSection(s) {
  const body = deleted == null
    ? h('button', {
      type: 'button', id: 'rv-deleted',
      onclick: async () => {
        const since = new Date(Date.now() - 90 * 86400e3).toISOString().slice(0, 10);
        const a = await session.get(`/api/entries?modified_since=${since}&limit=1000`);
        deleted = a.ok ? a.data.items.filter((x) => x.deleted).reverse() : [];
        focusDeleted = true;
        redraw();
      },
    }, t('showDeleted'))
    : deleted.length ? h('ul', {}, deleted.map((x) => h('li', {},
      h('a', { href: st.format({ view: 'verlauf', id: x.id, lang: s.lang }) }, x.id),
      ` – ${t('deletedAt', formatDate(x.updated_at))}`)))
      : h('p', {}, t('noDeleted'));
  return h('section', { 'aria-labelledby': 'rv-deleted-h', class: 'deleted' },
    h('h3', { id: 'rv-deleted-h', tabindex: '-1' }, t('deletedTitle')), body);
}
