// edit.js: create an entry (#/neu) and edit one (#/bearbeiten/ID) in a
// form with every field of the canonical entry. The form checks what the
// API checks (fields.js) and shows each problem next to its field; a 400
// of the server is put next to the field it names. An edit carries the
// ETag of the version it started from (If-Match): when someone else
// saved in between (412), both versions are shown side by side, field by
// field, to merge, and the merge is saved against the current ETag.
// Nothing is overwritten silently.
import { h, fill } from './dom.js';
import { t, label, slugs, formatDate } from './i18n-edit.js';
import * as st from './state.js';
import * as session from './session.js';
import * as login from './login.js';
import { documentPage } from './api.js';
import { getLang } from './i18n.js';
import { toModel, toEntry, validate, serverField, fieldLabel, same, ORDER } from './fields.js';
import { values } from './diff.js';

let ed = null; // the state of the form shown: see load()
let pending = null; // a notice for the next view (after a create)

const enc = encodeURIComponent;
const LAENDER = () => slugs('land').filter((c) => c !== 'bund');

function defaults() {
  const u = session.user();
  if (u?.role === 'land-editor') return { level: 'land', land: u.land };
  if (u?.role === 'federal-editor') return { level: 'bund', ministries: u.ministries };
  return { level: 'land' };
}

const overtaken = (s) => st.format(st.parse()) !== st.format(s);

// open(s): whether the form or merge of view s is on the page (a
// sign-out meanwhile must not take it away: the inline login keeps it).
export const open = (s) => ed?.key === `${s.view}/${s.id}` && !!document.querySelector('#ed-form, #ed-merge');

// render(el, s): the view; the page title, or null when a newer state
// overtook this one.
export async function render(el, s) {
  const key = `${s.view}/${s.id}`;
  if (ed?.key === key && el.querySelector('#ed-form, #ed-merge')) {
    // The same form drawn again (language switch): keep what was typed,
    // and the focus where it was.
    const focused = document.activeElement?.id;
    if (el.querySelector('#ed-form')) ed.model = readModel();
    draw(el);
    if (focused) document.getElementById(focused)?.focus();
    return title();
  }
  ed = { key, id: s.id, base: null, etag: null, model: null, errors: {}, notice: pending, merge: null, missing: 0 };
  pending = null;
  if (s.view === 'bearbeiten') {
    const a = await session.get(`/api/entries/${enc(s.id)}`);
    if (overtaken(s)) return null;
    if (a.ok) {
      ed.base = a.data;
      ed.etag = a.etag;
      ed.model = toModel(a.data);
    } else ed.missing = a.status;
  } else ed.model = toModel(defaults());
  ed.model.reason = '';
  draw(el);
  return title();
}

const title = () => (ed.base ? t('editTitle', ed.base.title) : ed.missing ? t('notFound') : t('newTitle'));

function draw(el) {
  el = el || document.getElementById('view');
  const nav = ed.base ? h('p', { class: 'crumbs' },
    ed.base.status === 'published' ? h('a', { href: st.format({ view: 'entry', id: ed.base.id }) }, t('toEntry')) : null,
    ed.base.status === 'published' ? ' · ' : null,
    h('a', { href: st.format({ view: 'verlauf', id: ed.base.id }) }, t('toHistory'))) : null;
  if (ed.missing) {
    fill(el, h('h2', { id: 'view-h', tabindex: '-1' }, t('notFound')),
      h('p', {}, ed.missing === 404 ? t('notYours') : t('error')));
    return;
  }
  fill(el,
    h('h2', { id: 'view-h', tabindex: '-1' }, title()),
    nav,
    ed.notice ? noticeEl(ed.notice) : null,
    ed.merge ? mergeView() : formView());
}

// notice: {kind: 'ok'|'error', nodes: [...], login: bool}
function noticeEl(n) {
  return h('div', { class: `notice ${n.kind}`, id: 'ed-notice', tabindex: '-1', role: n.kind === 'error' ? 'alert' : 'status' },
    h('p', {}, n.nodes),
    n.login ? login.form({
      idPrefix: 'ed-login',
      onDone: () => {
        ed.notice = { kind: 'ok', nodes: [t('signedInAgain')] };
        keep();
        focusNotice();
      },
    }) : null);
}

function focusNotice() {
  document.getElementById('ed-notice')?.focus();
}

// keep(): draw again with what the form holds now.
function keep() {
  if (document.getElementById('ed-form')) ed.model = readModel();
  draw();
}

// ---- The form ------------------------------------------------------------

function described(k, hint) {
  const ids = [hint ? `ed-${k}-hint` : null, ed.errors[k] ? `ed-${k}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : null;
}
const errorEl = (k) => (ed.errors[k] ? h('p', { class: 'field-error', id: `ed-${k}-error` }, ed.errors[k]) : null);
const hintEl = (k, hint) => (hint ? h('p', { class: 'hint', id: `ed-${k}-hint` }, hint) : null);

// field(k, control, hint): one control with label, hint and error.
function field(k, control, hint, required = false) {
  control.id = `ed-${k}`;
  control.name = k;
  const d = described(k, hint);
  if (d) control.setAttribute('aria-describedby', d);
  if (ed.errors[k]) control.setAttribute('aria-invalid', 'true');
  if (required) control.setAttribute('aria-required', 'true');
  return h('div', { class: `field${ed.errors[k] ? ' invalid' : ''}` },
    h('label', { for: control.id }, fieldLabel(k), required ? h('span', { class: 'req' }, ` (${t('required')})`) : null),
    hintEl(k, hint), errorEl(k), control);
}

// group(k, content, hint): a fieldset of several controls.
function group(k, content, hint) {
  return h('fieldset', { class: `field group${ed.errors[k] ? ' invalid' : ''}`, id: `ed-${k}`, 'aria-describedby': described(k, hint) },
    h('legend', {}, fieldLabel(k)), hintEl(k, hint), errorEl(k), content);
}

const text = (value, attrs = {}) => h('input', { type: 'text', value, ...attrs });
const area = (value, rows = 3) => h('textarea', { rows }, value);
function select(value, options) {
  return h('select', {}, options.map(([v, txt]) => h('option', { value: v, selected: v === value }, txt)));
}
function checks(k, vocab, chosen, text2 = (v) => label(vocab, v)) {
  return h('div', { class: 'checks' }, slugs(vocab).map((v) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: k, value: v, checked: chosen.includes(v) }), ' ', text2(v))));
}
const flag = (k, on) => h('div', { class: 'field' }, h('label', { class: 'check' },
  h('input', { type: 'checkbox', id: `ed-${k}`, name: k, checked: on }), ' ', fieldLabel(k)));

function rows(k, items, cells) {
  return h('div', { class: 'rows' },
    items.map((item, i) => h('div', { class: 'row', 'data-list': k, role: 'group', 'aria-labelledby': `ed-${k}-${i}-h` },
      h('p', { class: 'row-h', id: `ed-${k}-${i}-h` }, t(k === 'amounts' ? 'amountN' : 'countN', i + 1)),
      cells(item, i).map(([c, txt, attrs]) => {
        const id = `ed-${k}-${i}-${c}`;
        const input = attrs.type === 'checkbox'
          ? h('input', { id, 'data-k': c, ...attrs, checked: item[c] })
          : h('input', { id, 'data-k': c, value: item[c], ...attrs });
        return attrs.type === 'checkbox'
          ? h('label', { class: 'check cell' }, input, ' ', txt)
          : h('div', { class: 'cell' }, h('label', { for: id }, txt), input);
      }),
      h('button', { type: 'button', class: 'link-button', onclick: () => removeRow(k, i) }, t(k === 'amounts' ? 'removeAmount' : 'removeCount', i + 1)))),
    h('button', { type: 'button', id: `ed-${k}-add`, onclick: () => addRow(k) }, t(k === 'amounts' ? 'addAmount' : 'addCount')));
}

function addRow(k) {
  ed.model = readModel();
  ed.model[k].push(k === 'amounts' ? { eur: '', per_year: false, from: '', to: '', text: '' } : { n: '', of: '' });
  draw();
  document.getElementById(`ed-${k}-${ed.model[k].length - 1}-${k === 'amounts' ? 'eur' : 'n'}`)?.focus();
}

function removeRow(k, i) {
  ed.model = readModel();
  ed.model[k].splice(i, 1);
  draw();
  document.getElementById(`ed-${k}-add`)?.focus();
}

function formView() {
  const m = ed.model;
  const errs = Object.entries(ed.errors);
  const src = ed.base?.source;
  const yearAttrs = { type: 'number', min: '1900', max: '2100', step: '1', inputmode: 'numeric' };
  return h('form', { id: 'ed-form', class: 'entry-form', novalidate: true, onsubmit: (ev) => { ev.preventDefault(); save(); } },
    errs.length ? h('div', { class: 'error-summary', id: 'ed-errors', 'aria-labelledby': 'ed-errors-h' },
      h('h3', { id: 'ed-errors-h' }, t('errorsTitle', errs.length)),
      h('ul', {}, errs.map(([k, msg]) => h('li', {}, h('button', {
        type: 'button', class: 'link-button', onclick: () => focusField(k),
      }, `${k === 'id' ? t('fId') : fieldLabel(k)}: ${msg}`))))) : null,
    h('p', { class: 'hint' }, t('formIntro')),
    h('fieldset', { class: 'section' }, h('legend', {}, t('secBasics')),
      field('title', text(m.title, { maxlength: 300 }), null, true),
      field('id', text(m.id, { readonly: !!ed.base, pattern: '[a-z0-9_-]+', spellcheck: 'false' }), ed.base ? t('idFixed') : t('idHint')),
      field('kind', select(m.kind, [['', t('chooseKind')], ...slugs('kind').map((v) => [v, label('kind', v)])]), null, true),
      field('level', select(m.level, slugs('level').map((v) => [v, label('level', v)]))),
      field('land', select(m.land, [['', t('noLand')], ...LAENDER().map((v) => [v, label('land', v)])]), t('landHint')),
      group('ministries', checks('ministries', 'ministry', m.ministries, (v) => `${v} – ${label('ministry', v)}`), t('ministriesHint')),
      field('aliases', area(m.aliases, 2), t('perLine')),
      field('organisations', area(m.organisations, 2), t('perLine'))),
    h('fieldset', { class: 'section' }, h('legend', {}, t('secContent')),
      field('summary', area(m.summary, 6), t('summaryHint')),
      field('places', area(m.places, 3), t('placesHint')),
      group('fields', checks('fields', 'field', m.fields)),
      group('target_groups', checks('target_groups', 'target', m.target_groups))),
    h('fieldset', { class: 'section' }, h('legend', {}, t('secNumbers')),
      group('amounts', rows('amounts', m.amounts, () => [
        ['eur', t('eur'), { type: 'number', min: '0', step: 'any', inputmode: 'decimal' }],
        ['per_year', t('perYear'), { type: 'checkbox' }],
        ['from', t('fromYear'), yearAttrs],
        ['to', t('toYear'), yearAttrs],
        ['text', t('amountText'), { type: 'text', maxlength: 200 }],
      ])),
      group('counts', rows('counts', m.counts, () => [
        ['n', t('countNumber'), { type: 'number', min: '0', step: '1', inputmode: 'numeric' }],
        ['of', t('countOf'), { type: 'text', maxlength: 200 }],
      ])),
      field('years', text(m.years, { inputmode: 'numeric' }), t('yearsHint'))),
    h('fieldset', { class: 'section' }, h('legend', {}, t('secLinks')),
      field('links', area(m.links, 2), t('linksHint')),
      flag('seeks_partners', m.seeks_partners),
      flag('offers_reuse', m.offers_reuse)),
    h('fieldset', { class: 'section' }, h('legend', {}, t('secPublish')),
      h('fieldset', { class: 'field group', id: 'ed-status' }, h('legend', {}, fieldLabel('status')),
        ['draft', 'published'].map((v) => h('label', { class: 'check' },
          h('input', { type: 'radio', name: 'status', value: v, checked: m.status === v }), ' ', label('status', v)))),
      h('div', { class: 'field' }, h('label', { for: 'ed-reason' }, t('reason')),
        h('p', { class: 'hint', id: 'ed-reason-hint' }, t('reasonHint')),
        h('input', { type: 'text', id: 'ed-reason', name: 'reason', value: m.reason || '', maxlength: 300, 'aria-describedby': 'ed-reason-hint' }))),
    src ? h('section', { class: 'section source', 'aria-labelledby': 'ed-source-h' },
      h('h3', { id: 'ed-source-h' }, t('source')),
      src.quote ? h('blockquote', {}, src.quote) : null,
      h('p', {}, h('a', { href: documentPage(src, getLang(), st.format(st.parse())) }, t('sourceLink')), ` (${src.document})`)) : null,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'ed-save' }, ed.base ? t('save') : t('create')),
      ed.base ? h('a', { href: st.format({ view: 'verlauf', id: ed.base.id }) }, t('toHistory')) : null));
}

function focusField(k) {
  const el = document.getElementById(`ed-${k}`);
  if (!el) return;
  const target = el.tagName === 'FIELDSET' ? el.querySelector('input, select, textarea, button') : el;
  (target || el).focus();
}

function readModel() {
  const f = document.getElementById('ed-form');
  const val = (k) => f.querySelector(`[name="${k}"]`)?.value ?? '';
  const chosen = (k) => [...f.querySelectorAll(`input[name="${k}"]:checked`)].map((x) => x.value);
  const list = (k) => [...f.querySelectorAll(`.row[data-list="${k}"]`)].map((row) => {
    const o = {};
    for (const input of row.querySelectorAll('input[data-k]')) o[input.dataset.k] = input.type === 'checkbox' ? input.checked : input.value;
    return o;
  });
  return {
    id: val('id'), title: val('title'), aliases: val('aliases'), kind: val('kind'), level: val('level'),
    land: val('land'), ministries: chosen('ministries'), organisations: val('organisations'),
    summary: val('summary'), places: val('places'), fields: chosen('fields'),
    target_groups: chosen('target_groups'), amounts: list('amounts'), counts: list('counts'),
    years: val('years'), links: val('links'),
    seeks_partners: f.querySelector('input[name="seeks_partners"]').checked,
    offers_reuse: f.querySelector('input[name="offers_reuse"]').checked,
    status: f.querySelector('input[name="status"]:checked')?.value || 'draft',
    reason: val('reason'),
  };
}

function showErrors(errors) {
  ed.errors = errors;
  ed.notice = null;
  draw();
  focusField(Object.keys(errors)[0]);
}

const reasonQuery = (r) => (r.trim() ? `?reason=${enc(r.trim())}` : '');

// What an answer other than success means for the form.
function failed(a) {
  if (a.status === 400 || a.status === 409) {
    const { key, msg } = serverField(a.data);
    const k = a.status === 409 ? 'id' : key;
    if (k === 'id' || (ORDER.includes(k) && k !== 'source')) return showErrors({ [k]: msg });
  }
  ed.errors = {};
  if (a.status === 401) ed.notice = { kind: 'error', nodes: [t('sessionEnded')], login: true };
  else ed.notice = { kind: 'error', nodes: [t('notSaved'), ' ', h('span', { lang: a.lang || 'de' }, a.data?.detail || `HTTP ${a.status}`)] };
  draw();
  focusNotice();
}

async function save() {
  ed.model = readModel();
  const errors = validate(ed.model);
  if (Object.keys(errors).length) return showErrors(errors);
  ed.errors = {};
  const body = toEntry(ed.model, ed.base);
  const button = document.getElementById('ed-save');
  if (button) button.disabled = true;
  let a;
  try {
    a = ed.base
      ? await session.send('PUT', `/api/entries/${enc(ed.base.id)}${reasonQuery(ed.model.reason)}`, { json: { ...body, id: ed.base.id }, etag: ed.etag })
      : await session.send('POST', `/api/entries${reasonQuery(ed.model.reason)}`, { json: body });
  } catch {
    a = { status: 0, data: { detail: t('offline') }, lang: getLang() };
  }
  if (button) button.disabled = false;
  if (a.status === 201) {
    session.changed();
    pending = { kind: 'ok', nodes: [t('created', a.data.id)] };
    st.go({ view: 'bearbeiten', id: a.data.id });
    return;
  }
  if (a.status === 200) return saved(a, t('saved', a.data.version));
  if (a.status === 412 && a.data?.current) return startMerge(body, a.data.current, a.data.etag, ed.base);
  failed(a);
}

function saved(a, message) {
  session.changed();
  ed.base = a.data;
  ed.etag = a.etag;
  ed.model = toModel(a.data);
  ed.model.reason = '';
  ed.merge = null;
  ed.errors = {};
  ed.notice = { kind: 'ok', nodes: [message] };
  draw();
  focusNotice();
}

// ---- Merging after a 412 -------------------------------------------------

// startMerge(mine, theirs, etag, base): the fields in which my version
// and the current one differ. A field only I changed keeps mine, one
// only they changed keeps theirs; one both changed must be chosen.
async function startMerge(mine, theirs, etag, base) {
  const keys = ORDER.filter((k) => k !== 'source' && !same(k, mine, theirs));
  const choice = {};
  const both = {};
  const mineOnly = {};
  for (const k of keys) {
    const mc = !same(k, mine, base);
    const tc = !same(k, theirs, base);
    both[k] = mc && tc;
    mineOnly[k] = mc && !tc;
    choice[k] = mc && !tc ? 'mine' : !mc && tc ? 'theirs' : '';
  }
  ed.merge = { mine, theirs, etag, keys, choice, both, mineOnly, reason: ed.model?.reason || '', who: null, error: '' };
  ed.notice = { kind: 'error', nodes: [t('conflict')] };
  // Who saved the current version: from the history (best effort).
  const hist = await session.get(`/api/entries/${enc(theirs.id)}/history`).catch(() => null);
  const v = hist?.ok ? hist.data.versions.find((x) => x.version === theirs.version) : null;
  if (v) ed.merge.who = v.by;
  draw();
  focusNotice();
}

function mergeView() {
  const mg = ed.merge;
  const when = mg.theirs.updated_at ? formatDate(mg.theirs.updated_at) : '';
  const theirsHead = t('theirsHead', mg.theirs.version);
  return h('form', { id: 'ed-merge', class: 'merge', novalidate: true, onsubmit: (ev) => { ev.preventDefault(); mergeSave(); } },
    h('h3', {}, t('mergeTitle')),
    h('p', {}, t('mergeIntro', mg.theirs.version, mg.who, when)),
    mg.keys.length ? h('p', { class: 'hint' }, t('mergeHint')) : h('p', {}, t('mergeSame')),
    mg.error ? h('p', { class: 'field-error', id: 'mg-error' }, mg.error) : null,
    mg.keys.map((k) => h('fieldset', { class: `merge-field${mg.error && !mg.choice[k] ? ' invalid' : ''}`, id: `mg-${k}` },
      h('legend', {}, fieldLabel(k), ` – ${t(mg.both[k] ? 'bothChanged' : mg.mineOnly[k] ? 'mineChanged' : 'theirsChanged')}`),
      h('div', { class: 'pair' },
        ['mine', 'theirs'].map((which) => h('div', { class: `side ${which}` },
          h('label', { class: 'check side-h' },
            h('input', {
              type: 'radio', name: `mg-${k}`, value: which, checked: mg.choice[k] === which,
              'aria-describedby': `mg-${k}-${which}-v`, onchange: () => { mg.choice[k] = which; },
            }), ' ', which === 'mine' ? t('takeMine') : t('takeTheirs', mg.theirs.version)),
          h('div', { id: `mg-${k}-${which}-v`, class: 'value' }, values(k, which === 'mine' ? mg.mine : mg.theirs))))))),
    h('p', { class: 'hint' }, t('mergeOthers', theirsHead)),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'mg-save' }, t('mergeSave')),
      h('button', { type: 'button', id: 'mg-form', onclick: mergeToForm }, t('mergeToForm')),
      h('button', { type: 'button', id: 'mg-discard', onclick: mergeDiscard }, t('mergeDiscard'))));
}

function merged() {
  const mg = ed.merge;
  const out = { ...mg.theirs };
  delete out.version;
  delete out.updated_at;
  for (const k of mg.keys) if (mg.choice[k] === 'mine') out[k] = mg.mine[k];
  return out;
}

// resolved(): whether every field both sides changed has a choice; if
// not, says which are open and puts the focus on the first.
function resolved() {
  const mg = ed.merge;
  const open = mg.keys.filter((k) => !mg.choice[k]);
  if (!open.length) return true;
  mg.error = t('mergeChoose', open.map(fieldLabel).join(', '));
  draw();
  document.querySelector(`#mg-${open[0]} input`)?.focus();
  return false;
}

async function mergeSave() {
  const mg = ed.merge;
  if (!resolved()) return;
  const body = merged();
  const a = await session.send('PUT', `/api/entries/${enc(mg.theirs.id)}${reasonQuery(mg.reason)}`, { json: body, etag: mg.etag })
    .catch(() => ({ status: 0, data: { detail: t('offline') }, lang: getLang() }));
  if (a.status === 200) return saved(a, t('mergeSaved', a.data.version));
  if (a.status === 412 && a.data?.current) return startMerge(body, a.data.current, a.data.etag, mg.theirs);
  // Anything else: back to the form with the merged values, against the
  // current version, and the problem named there.
  toForm(body);
  failed(a);
}

function toForm(entry) {
  const mg = ed.merge;
  ed.base = mg.theirs;
  ed.etag = mg.etag;
  ed.model = toModel(entry);
  ed.model.reason = mg.reason;
  ed.merge = null;
}

function mergeToForm() {
  if (!resolved()) return;
  toForm(merged());
  ed.notice = { kind: 'ok', nodes: [t('mergedInForm', ed.base.version)] };
  draw();
  focusNotice();
}

function mergeDiscard() {
  toForm(ed.merge.theirs);
  ed.notice = { kind: 'ok', nodes: [t('mergeDiscarded', ed.base.version)] };
  draw();
  focusNotice();
}
