// diff.js: two versions of an entry side by side, field by field, for
// the history (what a version changed) and the merge after a 412 (yours
// and the current one). Removed and added parts are marked with <del>
// and <ins> and named in words for screen readers, never by colour
// alone.
import { h } from './dom.js';
import { t } from './i18n.js';
import { ORDER, LISTS, fieldLabel, display, same, wordDiff } from './fields.js';

const TEXT = ['title', 'summary'];
const del = (s) => h('del', {}, h('span', { class: 'visually-hidden' }, `${t('removed')}: `), s);
const ins = (s) => h('ins', {}, h('span', { class: 'visually-hidden' }, `${t('added')}: `), s);

// changedFields(a, b): the fields in which entries a and b differ.
export const changedFields = (a, b) => ORDER.filter((k) => !same(k, a, b));

// values(k, e): the value of field k of e as a list, or "–".
export function values(k, e) {
  const v = display(k, e?.[k]);
  if (!v.length) return h('p', { class: 'none' }, t('empty'));
  if (!LISTS.includes(k)) {
    return h('p', { class: k === 'summary' ? 'long' : null }, v[0]);
  }
  return h('ul', {}, v.map((x) => h('li', {}, x)));
}

// sides(k, a, b): [before, after] nodes of field k, the differences marked.
export function sides(k, a, b) {
  const va = display(k, a?.[k]);
  const vb = display(k, b?.[k]);
  if (TEXT.includes(k) && va.length <= 1 && vb.length <= 1) {
    const ops = wordDiff(va[0] || '', vb[0] || '');
    const left = ops.filter(([op]) => op !== '+').map(([op, s]) => (op === '-' ? del(s) : s));
    const right = ops.filter(([op]) => op !== '-').map(([op, s]) => (op === '+' ? ins(s) : s));
    return [h('p', { class: 'long' }, va.length ? left : t('empty')), h('p', { class: 'long' }, vb.length ? right : t('empty'))];
  }
  if (!LISTS.includes(k)) {
    const one = (v, mark) => h('p', {}, v.length ? mark(v.join(' ')) : t('empty'));
    return [one(va, del), one(vb, ins)];
  }
  const list = (items, other, mark) => (items.length
    ? h('ul', {}, items.map((x) => h('li', {}, other.includes(x) ? x : mark(x))))
    : h('p', { class: 'none' }, t('empty')));
  return [list(va, vb, del), list(vb, va, ins)];
}

// table(a, b, heads): every field in which a and b differ, each as a
// group with a heading and the two sides under the given headings.
export function table(a, b, [headA, headB], idPrefix) {
  const keys = changedFields(a, b);
  if (!keys.length) return h('p', {}, t('noChanges'));
  return h('div', { class: 'diff' }, keys.map((k) => {
    const [l, r] = sides(k, a, b);
    const id = `${idPrefix}-${k}`;
    return h('section', { class: 'diff-field', 'aria-labelledby': id },
      h('h4', { id }, fieldLabel(k)),
      h('div', { class: 'pair' },
        h('div', { class: 'side before' }, h('p', { class: 'side-h' }, headA), l),
        h('div', { class: 'side after' }, h('p', { class: 'side-h' }, headB), r)));
  }));
}

// created(e, idPrefix): the fields of a new entry, as a list of terms.
export function created(e) {
  const keys = ORDER.filter((k) => !same(k, null, e));
  return h('dl', { class: 'fields' }, keys.map((k) => [h('dt', {}, fieldLabel(k)), display(k, e[k]).map((x) => h('dd', {}, x))]));
}
