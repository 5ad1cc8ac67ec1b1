// login.js: signing in and out. The login form (#/anmelden, and inline
// where a write finds the session ended, so nothing typed is lost), and
// the bar under the header that says who is signed in, links to the
// editors' pages and signs out (here or everywhere).
import { h, fill, $ } from './dom.js';
import { t, label } from './i18n.js';
import * as st from './state.js';
import * as session from './session.js';

let seq = 0;

// role(u): "Landesredaktion Bayern", "Bundesredaktion (BMBF)", ...
export function roleText(u) {
  if (u.role === 'land-editor') return t('roleLand', label('land', u.land));
  if (u.role === 'federal-editor') return t('roleFederal', (u.ministries || []).join(', '));
  return t({ admin: 'roleAdmin', chair: 'roleChair' }[u.role] || 'roleNone');
}

// form({onDone}): a login form; onDone(session) after a sign-in.
export function form({ onDone, idPrefix = `login${++seq}` } = {}) {
  const err = h('p', { class: 'field-error', id: `${idPrefix}-error`, hidden: true, role: 'alert' });
  const name = h('input', { id: `${idPrefix}-user`, name: 'user', type: 'text', autocomplete: 'username', required: true, 'aria-describedby': `${idPrefix}-error` });
  const pw = h('input', { id: `${idPrefix}-pw`, name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'aria-describedby': `${idPrefix}-error` });
  const button = h('button', { type: 'submit' }, t('loginButton'));
  const fail = (msg, field) => {
    err.textContent = msg;
    err.hidden = false;
    for (const f of [name, pw]) f.removeAttribute('aria-invalid');
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    }
  };
  const f = h('form', {
    class: 'login-form', novalidate: true,
    onsubmit: async (ev) => {
      ev.preventDefault();
      if (!name.value.trim()) return fail(t('loginNoUser'), name);
      if (!pw.value) return fail(t('loginNoPassword'), pw);
      button.disabled = true;
      try {
        const a = await session.login(name.value.trim(), pw.value);
        if (a.ok) {
          pw.value = '';
          err.hidden = true;
          onDone?.(a.data);
        } else if (a.status === 429) {
          fail(t('loginWait', Number(a.retry) || 60), pw);
        } else {
          fail(a.data?.detail || t('loginFailed'), pw);
        }
      } catch {
        fail(t('offline'));
      } finally {
        button.disabled = false;
      }
    },
  },
  h('div', { class: 'field' }, h('label', { for: name.id }, t('loginUser')), name),
  h('div', { class: 'field' }, h('label', { for: pw.id }, t('loginPassword')), pw),
  err,
  button);
  return f;
}

// The view #/anmelden: the form, or who is signed in.
export function view(el, s) {
  const u = session.user();
  const next = s.id && st.EDIT.includes(s.id) ? s.id : 'pruefen';
  fill(el,
    h('h2', { id: 'view-h', tabindex: '-1' }, u ? t('signedInTitle') : t('loginTitle')),
    u ? h('p', {}, t('signedInAs', u.name, roleText(u))) : h('p', {}, t('loginIntro')),
    u ? logoutButtons() : form({ idPrefix: 'login', onDone: () => st.go({ view: next, id: '' }) }));
  return u ? t('signedInTitle') : t('loginTitle');
}

function logoutButtons() {
  const out = async (everywhere) => {
    const a = await session.logout(everywhere);
    const note = $('#account-note');
    if (note) note.textContent = a.ok ? t(everywhere ? 'loggedOutAll' : 'loggedOut') : (a.data?.detail || t('offline'));
    st.go({ view: 'anmelden', id: '' });
  };
  return h('p', { class: 'account-actions' },
    h('button', { type: 'button', id: 'logout', onclick: () => out(false) }, t('logout')), ' ',
    h('button', { type: 'button', id: 'logout-all', onclick: () => out(true) }, t('logoutAll')));
}

// The bar under the header: empty and hidden when nobody is signed in.
export function bar(s) {
  const el = $('#account');
  if (!el) return;
  const u = session.user();
  const note = $('#account-note');
  if (!u) {
    el.hidden = true;
    fill(el);
    return;
  }
  const links = [];
  if (session.mayWrite()) {
    links.push(['pruefen', t('navReview')], ['neu', t('navNew')]);
  }
  if (session.isAdmin()) links.push(['protokoll', t('navAudit')]);
  el.hidden = false;
  fill(el,
    h('h2', { id: 'account-h', class: 'visually-hidden' }, t('accountTitle')),
    h('p', { class: 'who' }, t('signedInAs', u.name, roleText(u))),
    links.length ? h('nav', { 'aria-label': t('accountNav') }, h('ul', {}, links.map(([view, text]) => h('li', {},
      h('a', { href: st.format({ view, id: '', lang: s.lang }), 'aria-current': s.view === view ? 'page' : null }, text))))) : null,
    logoutButtons());
  if (note) note.textContent = '';
}
