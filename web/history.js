// history.js: the history of an entry (#/verlauf/ID, from
// GET /api/entries/{id}/history): every version with who, when, why and
// what it changed, each as a readable diff field by field against the
// version before; any two versions compared; any version restored
// (POST /api/entries/{id}/restore?version=N), also after a deletion.
import { h, fill } from './dom.js';
import { t, formatDate, actionName } from './i18n-edit.js';
import * as st from './state.js';
import * as session from './session.js';
import * as act from './actions.js';
import { fieldLabel } from './fields.js';
import { table, created } from './diff.js';

let notice = null;
let pair = null; // {id, from, to}: the two versions compared
let focusResult = false; // after a comparison asked for: focus its result

const redraw = () => window.dispatchEvent(new Event('statechange'));

export async function render(el, s) {
  const a = await session.get(`/api/entries/${encodeURIComponent(s.id)}/history`);
  if (st.format(st.parse()) !== st.format(s)) return null;
  const n = notice;
  notice = null;
  if (!a.ok) {
    fill(el, h('h2', { id: 'view-h', tabindex: '-1' }, t('historyTitle', s.id)),
      h('p', {}, a.status === 404 ? t('notYours') : h('span', { lang: a.lang || 'de' }, a.data?.detail || t('error'))));
    return t('historyTitle', s.id);
  }
  const versions = a.data.versions; // newest first
  const newest = versions[0];
  const gone = newest.action === 'delete';
  const title = newest.entry?.title || s.id;
  if (!pair || pair.id !== s.id || !versions.some((v) => v.version === pair.to)) {
    pair = { id: s.id, from: versions[1]?.version || newest.version, to: newest.version };
  }
  fill(el,
    h('h2', { id: 'view-h', tabindex: '-1' }, t('historyTitle', title)),
    h('p', { class: 'crumbs' },
      !gone && newest.entry?.status === 'published' ? [h('a', { href: st.format({ view: 'entry', id: s.id, lang: s.lang }) }, t('toEntry')), ' · '] : null,
      !gone ? h('a', { href: st.format({ view: 'bearbeiten', id: s.id, lang: s.lang }) }, t('edit')) : null),
    n ? h('div', { class: `notice ${n.kind}`, id: 'hi-notice', tabindex: '-1', role: n.kind === 'error' ? 'alert' : 'status' }, h('p', {}, n.nodes)) : null,
    gone ? h('div', { class: 'notice error', id: 'hi-gone' },
      h('p', {}, t('isDeleted', newest.by, formatDate(newest.at))),
      h('button', { type: 'button', id: 'hi-restore-last', onclick: () => restore(s.id, 0) }, t('restoreLast'))) : null,
    versions.length > 1 ? compareForm(versions) : null,
    h('section', { 'aria-labelledby': 'hi-list-h' },
      h('h3', { id: 'hi-list-h' }, t('versionsTitle', versions.length)),
      h('ol', { class: 'versions', reversed: true }, versions.map((v, i) => version(s.id, v, versions[i + 1], i, gone)))));
  if (n) document.getElementById('hi-notice')?.focus();
  else if (focusResult) document.getElementById('hi-cmp-result')?.focus();
  focusResult = false;
  return t('historyTitle', title);
}

function version(id, v, prev, i, gone) {
  const hid = `hi-v${v.version}`;
  const current = i === 0 && !gone;
  return h('li', { 'aria-labelledby': hid },
    h('h4', { id: hid }, t('versionN', v.version), ` – ${actionName(v.action)}`, current ? ` (${t('currentVersion')})` : ''),
    h('p', { class: 'meta' }, t('byAt', v.by || '?', formatDate(v.at)), v.reason ? [' · ', t('reasonIs'), ' ', h('q', {}, v.reason)] : null),
    v.action === 'update' || v.action === 'restore'
      ? h('p', {}, t('changedFields'), ' ', (v.changed || []).map(fieldLabel).join(', ') || t('none')) : null,
    v.action === 'delete' ? null : h('details', { open: i === 0 },
      h('summary', {}, prev ? t('diffTo', prev.version) : t('diffCreate')),
      prev ? table(prev.entry, v.entry, [t('versionN', prev.version), t('versionN', v.version)], `hi-${v.version}`) : created(v.entry)),
    current || v.action === 'delete' ? null
      : h('button', { type: 'button', class: 'restore', 'data-version': v.version, onclick: () => restore(id, v.version) },
        t('restoreN', v.version)));
}

function compareForm(versions) {
  const opts = (sel) => versions.map((v) => h('option', { value: v.version, selected: v.version === sel }, `${t('versionN', v.version)} (${formatDate(v.at)})`));
  const from = h('select', { id: 'hi-from' }, opts(pair.from));
  const to = h('select', { id: 'hi-to' }, opts(pair.to));
  const byV = (n) => versions.find((v) => v.version === n);
  const a = byV(pair.from);
  const b = byV(pair.to);
  return h('section', { 'aria-labelledby': 'hi-cmp-h', class: 'compare-versions' },
    h('h3', { id: 'hi-cmp-h' }, t('compareVersions')),
    h('form', {
      class: 'inline-form', novalidate: true,
      onsubmit: (ev) => {
        ev.preventDefault();
        pair.from = Number(from.value);
        pair.to = Number(to.value);
        focusResult = true;
        redraw();
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'hi-from' }, t('fromVersion')), from),
    h('div', { class: 'field' }, h('label', { for: 'hi-to' }, t('toVersion')), to),
    h('button', { type: 'submit', id: 'hi-compare' }, t('compare'))),
    h('div', { id: 'hi-cmp-result', tabindex: '-1', 'aria-label': t('compareResult', pair.from, pair.to) },
      a && b ? table(a.entry, b.entry, [t('versionN', a.version), t('versionN', b.version)], 'hi-cmp') : null));
}

async function restore(id, version) {
  const r = await act.restore(id, version);
  if (r.ok) notice = { kind: 'ok', nodes: [version ? t('restoredN', version, r.entry.version) : t('restoredLast', r.entry.version)] };
  else notice = { kind: 'error', nodes: [t('notDone'), ' ', h('span', { lang: r.lang || 'de' }, r.detail || `HTTP ${r.status}`)] };
  redraw();
}
