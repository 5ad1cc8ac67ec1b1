// audit.js: the audit log for admins (#/protokoll, GET /api/audit): sign-
// ins, failed sign-ins, refusals and changes, newest first, 100 at a
// time, filtered by account.
import { h, fill } from './dom.js';
import { t, formatDate, actionName } from './i18n-edit.js';
import * as st from './state.js';
import * as session from './session.js';

const PAGE = 100;
let filter = { user: '', before: 0 };

const redraw = () => window.dispatchEvent(new Event('statechange'));

export async function render(el, s) {
  const q = new URLSearchParams({ limit: String(PAGE) });
  if (filter.user) q.set('user', filter.user);
  if (filter.before) q.set('before', String(filter.before));
  const a = await session.get(`/api/audit?${q}`);
  if (st.format(st.parse()) !== st.format(s)) return null;
  const items = a.ok ? a.data.items : [];
  const userInput = h('input', { type: 'text', id: 'au-user', value: filter.user, spellcheck: 'false' });
  const last = items.length ? items[items.length - 1].id : 0;
  fill(el,
    h('h2', { id: 'view-h', tabindex: '-1' }, t('auditTitle')),
    h('p', {}, t('auditIntro')),
    h('form', {
      class: 'inline-form', novalidate: true,
      onsubmit: (ev) => {
        ev.preventDefault();
        filter = { user: userInput.value.trim(), before: 0 };
        redraw();
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'au-user' }, t('auditUser')), userInput),
    h('button', { type: 'submit' }, t('auditFilter'))),
    !a.ok ? h('p', {}, h('span', { lang: a.lang || 'de' }, a.data?.detail || t('error')))
      : items.length ? h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'au-caption' },
        h('table', { class: 'data audit' },
          h('caption', { id: 'au-caption' }, t('auditCaption', items.length, filter.user)),
          h('thead', {}, h('tr', {}, ['auditNo', 'auditAt', 'auditWho', 'auditAction', 'auditObject', 'auditAddress', 'auditDetail']
            .map((k) => h('th', { scope: 'col' }, t(k))))),
          h('tbody', {}, items.map((r) => h('tr', { class: /failed|refused|limited/.test(r.action || '') ? 'warn' : null },
            h('td', { class: 'num' }, r.id),
            h('td', {}, formatDate(r.at)),
            h('td', {}, r.user || t('nobody')),
            h('td', {}, actionName(r.action)),
            h('td', {}, r.object || ''),
            h('td', {}, r.address || ''),
            h('td', { lang: 'de' }, r.detail || '')))))) : h('p', {}, t('auditEmpty')),
    h('p', { class: 'pager' },
      filter.before ? h('button', { type: 'button', onclick: () => { filter.before = 0; redraw(); } }, t('auditNewest')) : null,
      items.length === PAGE ? h('button', { type: 'button', id: 'au-older', onclick: () => { filter.before = last; redraw(); } }, t('auditOlder')) : null));
  return t('auditTitle');
}
