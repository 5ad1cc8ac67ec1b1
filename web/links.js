// links.js: Anknüpfungspunkte between the activities of Bund and Länder:
// the similar activities on an entry's page (/api/entries/{id}/similar),
// the cooperation candidates (#/kooperation, /api/links) and the entries
// that seek partners or offer reuse (#/partner, /api/partners).
import { h } from './dom.js';
import { t, label, getLang } from './i18n.js';
import { format } from './state.js';

const landName = (code) => (!code || code === 'bund' ? t('bund') : label('land', code));
const entryLink = (state, id, title) => h('a', { href: format({ ...state, view: 'entry', id, land: '' }) }, title);
const score = (x) => new Intl.NumberFormat(getLang() === 'en' ? 'en-GB' : 'de-DE',
  { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);

// The server explains in German; in English the same reasons are put
// together from the fields both entries share.
function reasonEn(e, o) {
  const parts = [];
  if (o.shared_terms?.length) parts.push(`shared terms: ${o.shared_terms.join(', ')}`);
  const same = (a, b) => (a || []).filter((x) => (b || []).includes(x));
  const f = same(e.fields, o.fields);
  if (f.length) parts.push(`same field of action: ${f.map((x) => label('field', x)).join(', ')}`);
  const g = same(e.target_groups, o.target_groups);
  if (g.length) parts.push(`same target group: ${g.map((x) => label('target', x)).join(', ')}`);
  if (e.kind === o.kind) parts.push(`same kind: ${label('kind', o.kind)}`);
  const s = parts.join('; ');
  return s ? s[0].toUpperCase() + s.slice(1) : o.reason;
}

const flags = (o) => [o.seeks_partners ? t('seeksPartners') : null, o.offers_reuse ? t('offersReuse') : null].filter(Boolean);

// The section appended to an entry's view.
export function similar(state, e, data) {
  const items = data?.items || [];
  return h('section', { class: 'similar', 'aria-labelledby': 'similar-h' },
    h('h3', { id: 'similar-h' }, t('similarTitle')),
    h('p', { class: 'hint' }, t('similarHint')),
    items.length ? h('ol', { class: 'similar-list' }, items.map((o) => h('li', {},
      entryLink(state, o.id, o.title),
      h('p', { class: 'meta' }, `${landName(o.land || o.level)} · ${label('kind', o.kind)} · ${t('score', score(o.score))}`),
      flags(o).length ? h('p', { class: 'flag' }, flags(o).join(' · ')) : null,
      h('p', { class: 'reason' }, getLang() === 'en' ? reasonEn(e, o) : o.reason))))
      : h('p', {}, data ? t('similarNone') : t('error')));
}

export function cooperation(el, state, data) {
  const groups = data?.groups || [];
  el.replaceChildren(
    h('h2', { id: 'view-h', tabindex: '-1' }, t('coopTitle')),
    h('p', {}, t('coopIntro')),
    !data ? h('p', {}, t('error'))
      : groups.length ? h('ol', { class: 'groups' }, groups.map((g, i) => h('li', { 'aria-labelledby': `g-${i}` },
        h('h3', { id: `g-${i}` }, g.label),
        h('p', { class: 'meta' }, `${t('participants', g.laender.length)}: ${g.laender.map(landName).join(', ')} · ${t('score', score(g.score))}`),
        h('p', { class: 'reason' }, getLang() === 'en'
          ? `${t('participants', g.laender.length)}; shared terms: ${g.label}` : g.reason),
        h('ul', {}, g.entries.map((x) => h('li', {}, entryLink(state, x.id, x.title),
          ` (${landName(x.land)}, ${label('kind', x.kind)})`))))))
        : h('p', {}, t('coopNone')));
}

export function partners(el, state, data) {
  const items = data?.items || [];
  el.replaceChildren(
    h('h2', { id: 'view-h', tabindex: '-1' }, t('partnerTitle')),
    h('p', {}, t('partnerIntro')),
    !data ? h('p', {}, t('error'))
      : items.length ? h('ul', { class: 'partner-list' }, items.map((o) => h('li', {},
        entryLink(state, o.id, o.title),
        h('p', { class: 'meta' }, `${landName(o.land || o.level)} · ${label('kind', o.kind)}`),
        h('p', { class: 'flag' }, flags(o).join(' · ')))))
        : h('p', { class: 'empty' }, t('partnerNone')));
}
