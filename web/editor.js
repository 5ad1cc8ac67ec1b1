// editor.js: the pages for editors, wired into app.js: which views are
// theirs (state.EDIT), the sign-in they need, the bar saying who is
// signed in, and the tools on an entry's page (edit, history, publish or
// unpublish, delete). The server decides every right; the page only
// leaves out buttons that would be refused.
import { h, fill, $ } from './dom.js';
import { t } from './i18n-edit.js';
import * as st from './state.js';
import * as session from './session.js';
import * as login from './login.js';
import * as act from './actions.js';
import * as edit from './edit.js';
import * as review from './review.js';
import * as history from './history.js';
import * as audit from './audit.js';

export const handles = (view) => st.EDIT.includes(view);

const redraw = () => window.dispatchEvent(new Event('statechange'));

// start(): the session after a reload; a sign-in or sign-out (also in
// another tab) draws the page again.
export async function start() {
  await session.load();
  window.addEventListener('kl-session', redraw);
}

export const bar = (s) => login.bar(s);
export const signedIn = () => !!session.user();

// render(el, s): an editor's view; its title, or null when overtaken.
export async function render(el, s) {
  if (s.view === 'anmelden') return login.view(el, s);
  const u = session.user();
  // Signed out while a form is open (the session ended, or another tab
  // signed out): the form stays, with a login inside it.
  if (!u && edit.open(s)) return edit.render(el, s);
  if (!u) {
    fill(el, h('h2', { id: 'view-h', tabindex: '-1' }, t('loginNeeded')),
      h('p', {}, t('loginNeededText')),
      login.form({ idPrefix: 'login', onDone: redraw }));
    return t('loginNeeded');
  }
  if (s.view === 'protokoll') return session.isAdmin() ? audit.render(el, s) : refuse(el);
  if (!session.mayWrite()) return refuse(el);
  if (s.view === 'pruefen') return review.render(el, s);
  if (s.view === 'verlauf') return history.render(el, s);
  return edit.render(el, s);
}

function refuse(el) {
  fill(el, h('h2', { id: 'view-h', tabindex: '-1' }, t('notAllowed')), h('p', {}, t('notAllowedText')));
  return t('notAllowed');
}

let toolsNote = ''; // said under the tools after the page was drawn again

// entryTools(article, e): the editor's tools under an entry they may
// change.
export function entryTools(article, e) {
  if (!article || !session.mayEdit(e)) return;
  const status = h('p', { id: 'tools-status', role: 'status', tabindex: toolsNote ? '-1' : null }, toolsNote);
  const run = async (fn, done) => {
    status.textContent = t('working');
    const r = await fn();
    if (r.ok) return done(r);
    fill(status, r.stale ? t('staleNow') : r.status === 401 ? t('sessionEnded')
      : [t('notDone'), ' ', h('span', { lang: r.lang || 'de' }, r.detail || `HTTP ${r.status}`)]);
    if (r.stale) {
      toolsNote = t('staleNow');
      redraw();
    }
  };
  const published = e.status === 'published';
  const toggle = h('button', {
    type: 'button', id: 'tools-toggle',
    onclick: () => run(() => act.setStatus(e, published ? 'draft' : 'published', t(published ? 'reasonUnpublish' : 'reasonPublish')),
      () => {
        toolsNote = t(published ? 'unpublishedNote' : 'publishedNote');
        redraw();
      }),
  }, published ? t('unpublish') : t('publish'));
  const del = h('button', {
    type: 'button', id: 'tools-delete',
    onclick: () => run(() => act.remove(e, ''), () => st.go({ view: 'verlauf', id: e.id })),
  }, t('delete'));
  article.append(h('section', { class: 'tools', 'aria-labelledby': 'tools-h' },
    h('h3', { id: 'tools-h' }, t('toolsTitle')),
    h('p', { class: 'meta' }, `${t('statusIs', published)} · ${t('versionN', e.version)}`),
    h('p', { class: 'actions' },
      h('a', { class: 'button', href: st.format({ ...st.parse(), view: 'bearbeiten', id: e.id }) }, t('edit')),
      h('a', { class: 'button', href: st.format({ ...st.parse(), view: 'verlauf', id: e.id }) }, t('toHistory')),
      toggle, del),
    status));
  if (toolsNote && status.isConnected) status.focus();
  toolsNote = '';
}
