// conference.js: the pages of the conference cycle (issue 6), drawn from
// the conference API: the meetings (#/sitzungen), one meeting with its
// agenda, resolution points, annexes and the registry entries they
// concern (#/sitzung/ID), the open reporting tasks by Land and due date
// (#/auftraege) and the chair rotation with the rule behind each year
// (#/vorsitz). Texts quoted from the documents are German: on the English
// page they carry lang="de", so a screen reader reads them as German.
import { h } from './dom.js';
import { t, label, has, slugs, getLang } from './i18n.js';
import { format } from './state.js';
import { documentPage, documentUrl } from './api.js';

// The rotation table: from the first D16 year (the API knows none
// before) up to the year asked for, at most 100 years (the API's limit).
export const CHAIR_FIRST = 2019;
export const CHAIR_MIN_TO = 2040;
export const CHAIR_MAX_TO = CHAIR_FIRST + 99;
export const CHAIR_DEFAULT_TO = 2056; // two full rounds of the 16 Länder after 2024

// chairTo(state): the last year of the rotation table the URL asks for.
export function chairTo(state) {
  const n = Number(state.bis);
  return Number.isInteger(n) && n >= CHAIR_MIN_TO && n <= CHAIR_MAX_TO ? n : CHAIR_DEFAULT_TO;
}

// A link to another view; the keys of this one (top, bis) stay behind.
const go = (state, patch) => format({ ...state, top: '', bis: '', ...patch });

// A text from the documents: German, and marked so on the English page.
const de = (text, tag = 'span', attrs = {}) => h(tag, { ...attrs, lang: getLang() === 'en' ? 'de' : null }, text);

// fill(el, ...parts): el's new content; arrays flattened, gaps left out.
const fill = (el, ...parts) => el.replaceChildren(...parts.flat(Infinity).filter((x) => x != null && x !== false));

const heading = (text) => h('h2', { id: 'view-h', tabindex: '-1' }, text);

function longDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(getLang() === 'en' ? 'en-GB' : 'de-DE',
    { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

// "Berlin und Brandenburg": the items (strings or nodes) joined.
function joined(items) {
  const out = [];
  items.forEach((x, i) => {
    if (i) out.push(i === items.length - 1 ? t('and') : ', ');
    out.push(x);
  });
  return out;
}

// A Land, the Bund, an organisation (BKAmt, BSI) or what the text says.
function party(code) {
  if (has('land', code)) return label('land', code);
  if (has('org', code)) return label('org', code);
  return code;
}

export function meetingName(m) {
  const kind = has('meetingKind', m.body) ? label('meetingKind', m.body) : t('colMeeting');
  return t('meetingName', m.number, kind, has('bodyAbbr', m.body) ? label('bodyAbbr', m.body) : String(m.body).toUpperCase());
}

const bodyName = (b) => (has('body', b) ? label('body', b) : b);

function when(m) {
  if (m.date) return h('time', { datetime: m.date }, longDate(m.date));
  if (m.planned) return [t('plannedLabel'), ' ', de(m.planned)];
  return m.year ? String(m.year) : t('notStated');
}

const timeOf = (m) => (m.start_time ? t('timeRange', m.start_time, m.end_time) : t('notStated'));
const modeOf = (m) => (has('mode', m.mode) ? label('mode', m.mode) : t('notStated'));

// The chair as the documents name it; for a DMK meeting without one, the
// chair of its year by the rotation, said so.
function chairOf(m, rotation) {
  if (m.chair?.length) return joined(m.chair.map(party)).join('');
  const r = m.body === 'dmk' ? rotation?.get(m.year) : null;
  if (r?.chair?.length) return t('byRotation', joined(r.chair.map(party)).join(''));
  return t('notStated');
}

// A table in a region of its own that scrolls sideways on a narrow
// screen (the page itself never does); the region is named by the caption.
function scrollTable(id, caption, head, rows, cls = '') {
  return h('div', { class: 'table-scroll', role: 'region', 'aria-labelledby': `${id}-cap`, tabindex: '0' },
    h('table', { class: `data ${cls}`.trim(), id },
      h('caption', { id: `${id}-cap` }, caption),
      h('thead', {}, h('tr', {}, head.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows)));
}

// ---- The list of meetings ------------------------------------------------

export function meetings(el, state, data, rotation) {
  const items = data?.items || [];
  const rows = items.map((m) => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: go(state, { view: 'sitzung', id: m.id }) }, meetingName(m))),
    h('td', {}, bodyName(m.body)),
    h('td', {}, when(m)),
    h('td', {}, timeOf(m)),
    h('td', {}, m.place ? de(m.place) : t('notStated')),
    h('td', {}, chairOf(m, rotation)),
    h('td', {}, modeOf(m)),
    h('td', { class: 'num' }, String(m.agenda_items ?? 0))));
  fill(el, 
    heading(t('meetingsTitle')),
    h('p', {}, t('meetingsIntro')),
    !data ? h('p', {}, t('error'))
      : items.length ? scrollTable('meetings', t('meetingsCaption'),
        [t('colMeeting'), t('colBody'), t('colDate'), t('colTime'), t('colPlace'), t('colChair'), t('colMode'), t('colAgenda')], rows)
        : h('p', { class: 'empty' }, t('meetingsNone')));
}

// ---- One meeting ---------------------------------------------------------

// The key of an agenda item within its meeting ("top2a", "item1"): the
// URL's top= and the id of the item's heading.
export const topKey = (m, a) => (a.id.startsWith(`${m.id}-`) ? a.id.slice(m.id.length + 1) : a.id);

function fact(term, value) {
  if (value == null || value === '' || (Array.isArray(value) && !value.length)) return null;
  return [h('dt', {}, term), h('dd', {}, value)];
}

function entryLinks(state, refs, cls = 'entry-links') {
  return h('ul', { class: cls }, refs.map((r) => h('li', {},
    h('a', { href: go(state, { view: 'entry', id: r.id, land: '' }) }, de(r.title)),
    ` (${r.land ? label('land', r.land) : r.level === 'bund' ? t('bund') : label('kind', r.kind)})`)));
}

function passageLink(source, what) {
  if (!source?.document) return null;
  return h('a', { href: documentPage(source, getLang(), location.hash), class: 'passage' }, t('passageOf', what));
}

// The reporting tasks a point gave: who, what, by when, and how far.
function pointTasks(state, list, meetingsById) {
  if (!list?.length) return null;
  return h('div', { class: 'point-tasks' },
    h('p', { class: 'concerns-h' }, t('tasksOf', list.length)),
    h('ul', {}, list.map((task) => {
      const due = task.due_meeting ? meetingsById?.get(task.due_meeting) : null;
      return h('li', { class: 'task', 'data-task': task.id },
        de(task.owner || ''), ': ', de(task.action || ''), ' – ',
        t('dueLabel'), ' ', task.due_text ? de(task.due_text) : t('noDue'),
        task.due_meeting ? [' (', h('a', { href: go(state, { view: 'sitzung', id: task.due_meeting }) },
          due ? meetingName(due) : task.due_meeting), ')'] : null,
        ` – ${t(`status_${task.status}`)}`);
    })));
}

// One resolution point: its text, where it stands, what it concerns, the
// tasks it gave and the resolutions taken elsewhere that it took note of.
function point(state, r, shown, ctx = {}) {
  for (const e of r.entries || []) shown.add(e.id);
  const what = t('point', r.point ?? '');
  return h('li', { value: r.point ?? null, id: r.id ? `p-${r.id}` : null },
    de(r.text || '', 'p', { class: 'point-text' }),
    r.written ? h('p', { class: 'flag' }, t('written')) : null,
    h('p', { class: 'meta' }, passageLink(r.source, what)),
    pointTasks(state, ctx.tasks?.get(r.id), ctx.meetings),
    r.entries?.length ? h('div', { class: 'concerns' }, h('p', { class: 'concerns-h' }, t('concerns')), entryLinks(state, r.entries)) : null,
    (r.noted || []).map((n) => {
      for (const e of n.entries || []) shown.add(e.id);
      return h('div', { class: 'noted' },
        h('p', { class: 'concerns-h' }, t('noted'), n.written ? ` (${t('written')})` : ''),
        de(n.text || '', 'p'),
        h('p', { class: 'meta' }, passageLink(n.source, t('noted'))),
        n.entries?.length ? entryLinks(state, n.entries) : null);
    }));
}

function points(state, list, shown, hid, title, ctx) {
  if (!list?.length) return null;
  return [h('h4', { id: hid }, title),
    h('ol', { class: 'points', 'aria-labelledby': hid }, list.map((r) => point(state, r, shown, ctx)))];
}

function annexItem(state, x, refs, shown) {
  const mine = (x.entries || []).map((id) => refs.get(id)).filter(Boolean);
  for (const e of mine) shown.add(e.id);
  return h('li', {},
    t('annex', x.number, ''), x.title ? [': ', de(x.title)] : null,
    x.file ? [' · ', h('a', { href: documentUrl({ document: x.file }) }, t('annexDoc'))] : null,
    mine.length ? h('details', { class: 'annex-entries' },
      h('summary', {}, t('annexEntries', mine.length)), entryLinks(state, mine)) : null);
}

function topSection(state, m, a, ctx) {
  const key = topKey(m, a);
  const shown = new Set();
  const refs = new Map((a.entries || []).map((e) => [e.id, e]));
  const who = [];
  if (a.submitters?.length) who.push(`${t('colSubmitters')}: ${joined(a.submitters.map(party)).join('')}`);
  if (a.guests?.length) who.push(`${t('colGuests')}: ${joined(a.guests.map(party)).join('')}`);
  const pts = points(state, a.resolutions, shown, `${key}-res`, t('resolution'), ctx);
  const annexes = a.annexes?.length ? [h('h4', { id: `${key}-anx` }, t('annexes')),
    h('ul', { class: 'annexes', 'aria-labelledby': `${key}-anx` }, a.annexes.map((x) => annexItem(state, x, refs, shown)))] : null;
  const more = (a.entries || []).filter((e) => !shown.has(e.id));
  return h('section', { class: `agenda-item${a.parent ? ' sub' : ''}`, 'aria-labelledby': `${key}-h` },
    h('h3', { id: `${key}-h`, tabindex: '-1' }, t('topPrefix', a.number), de(a.title)),
    who.length ? h('p', { class: 'meta' }, who.join(' · ')) : null,
    a.result ? de(a.result, 'p', { class: 'result' }) : null,
    pts, annexes,
    more.length ? [h('h4', {}, t('concernsMore')), entryLinks(state, more)] : null,
    h('p', { class: 'meta' }, passageLink(a.source, a.number ? t('topName', a.number) : a.title)));
}

function agendaTable(state, m) {
  const rows = m.agenda.map((a) => h('tr', { class: a.parent ? 'sub' : null },
    h('th', { scope: 'row' }, a.number ?? '–'),
    h('td', {}, h('a', { href: go(state, { view: 'sitzung', id: m.id, top: topKey(m, a) }) }, de(a.title))),
    h('td', {}, a.submitters?.length ? joined(a.submitters.map(party)).join('') : '–'),
    h('td', {}, a.guests?.length ? joined(a.guests.map(party)).join('') : '–')));
  return scrollTable('agenda', t('agendaCaption'), [t('colTop'), t('colTitle'), t('colSubmitters'), t('colGuests')], rows);
}

function attendanceTable(m) {
  const rows = m.attendance.map((p) => h('tr', {},
    h('th', { scope: 'row' }, p.name),
    h('td', {}, p.title ? de(p.title) : '–'),
    h('td', {}, p.land ? label('land', p.land) : p.org ? party(p.org) : '–'),
    h('td', {}, [has('role', p.role) ? label('role', p.role) : p.role, p.chair ? ` (${t('chairMark')})` : ''].join(''))));
  return scrollTable('attendance', t('attendanceCaption'), [t('colName'), t('colFunction'), t('colLandOrg'), t('colRole')], rows);
}

// meeting(el, state, m, rotation, taskData, meetingsData): the page of
// meeting m (null: not found; undefined: not loaded), with the tasks its
// points gave. Returns its title.
export function meeting(el, state, m, rotation, taskData, meetingsData) {
  const back = h('a', { href: go(state, { view: 'sitzungen', id: '' }), class: 'back' },
    h('span', { 'aria-hidden': 'true' }, '← '), t('backMeetings'));
  if (!m) {
    const title = m === null ? t('meetingNotFound') : t('error');
    fill(el, back, heading(title));
    return title;
  }
  const title = `${meetingName(m)}${m.date ? `, ${longDate(m.date)}` : ''}`;
  const shown = new Set();
  const agenda = m.agenda || [];
  const ctx = { tasks: new Map(), meetings: new Map((meetingsData?.items || []).map((x) => [x.id, x])) };
  for (const task of taskData?.items || []) {
    if (!ctx.tasks.has(task.resolution)) ctx.tasks.set(task.resolution, []);
    ctx.tasks.get(task.resolution).push(task);
  }
  fill(el, back,
    h('article', { class: 'meeting', 'aria-labelledby': 'view-h' },
      heading(title),
      h('dl', { class: 'facts' },
        fact(t('colBody'), bodyName(m.body)),
        fact(t('colDate'), when(m)),
        fact(t('colTime'), timeOf(m)),
        fact(t('colPlace'), m.place ? de(m.place) : t('notStated')),
        fact(t('colChair'), chairOf(m, rotation)),
        fact(t('chairPerson'), m.chair_person ? de(m.chair_person) : null),
        fact(t('colMode'), modeOf(m)),
        fact(t('source'), passageLink(m.source, m.source?.document || ''))),
      h('section', { 'aria-labelledby': 'agenda-h' },
        h('h3', { id: 'agenda-h' }, t('agendaTitle')),
        agenda.length ? agendaTable(state, m) : h('p', {}, t('agendaNone'))),
      agenda.map((a) => topSection(state, m, a, ctx)),
      m.resolutions?.length ? h('section', { class: 'agenda-item', 'aria-labelledby': 'points-h' },
        h('h3', { id: 'points-h' }, t('resolutions')),
        h('ol', { class: 'points', 'aria-labelledby': 'points-h' }, m.resolutions.map((r) => point(state, r, shown, ctx)))) : null,
      m.attendance?.length ? h('section', { 'aria-labelledby': 'attendance-h' },
        h('h3', { id: 'attendance-h' }, t('attendance')), attendanceTable(m)) : null));
  return title;
}

// ---- Open reporting tasks --------------------------------------------------

const SEASON = { fruehjahr: 1, sommer: 2, h2: 2.5, herbst: 3, winter: 4 };

// Due order: a year (and season) first, then a due in words only
// ("zeitnah"), then none; the id keeps the order stable.
function dueKey(task) {
  if (task.due_year) return [0, task.due_year, SEASON[task.due_season] ?? 5];
  return [task.due_text ? 1 : 2, 0, 0];
}

function byDue(a, b) {
  const x = dueKey(a);
  const y = dueKey(b);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// The agenda item and point of a resolution id (conference.h: a point is
// AGENDA-POINT with AGENDA = MEETING-topN or MEETING-itemN, or
// MEETING-POINT without a TOP).
export function resolutionPlace(resolution, meetingId) {
  if (!meetingId || !resolution.startsWith(`${meetingId}-`)) return null;
  const rest = resolution.slice(meetingId.length + 1);
  let x = rest.match(/^((?:top([0-9a-z]+))|item\d+)-(\d+)$/);
  if (x) return { key: x[1], top: x[2] || '', point: x[3] };
  x = rest.match(/^(\d+)$/);
  return x ? { key: '', top: '', point: x[1] } : null;
}

// Tasks by who must act: every Land named (the chair of the year, the
// Land leading the working group), then the joint groups.
function groupTasks(items) {
  const groups = new Map();
  const add = (key, name, task) => {
    if (!groups.has(key)) groups.set(key, { key, name, items: [] });
    groups.get(key).items.push(task);
  };
  for (const task of items) {
    const r = task.responsible || {};
    if (r.laender?.length) for (const c of r.laender) add(c, party(c), task);
    else if (r.all_laender && r.bund) add('bund-laender', t('groupBundLaender'), task);
    else if (r.all_laender) add('alle', t('groupAll'), task);
    else if (r.bund) add('bund', t('groupBund'), task);
    else add('ohne', t('groupNone'), task);
  }
  const order = [...slugs('land').filter((c) => c !== 'bund'), 'alle', 'bund-laender', 'bund', 'ohne'];
  const rank = (k) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...groups.values()].sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : 1))
    .map((g) => ({ ...g, items: g.items.sort(byDue) }));
}

function taskRow(state, task, meetingsById, year) {
  const r = task.responsible || {};
  const why = r.rule === 'chair' && r.year ? t('whyChair', r.year) : r.rule === 'lead' ? t('whyLead') : '';
  const due = task.due_meeting ? meetingsById.get(task.due_meeting) : null;
  const meet = meetingsById.get(task.meeting);
  const place = resolutionPlace(task.resolution, task.meeting);
  const ref = place ? t('resolutionRef', place.top, place.point) : task.resolution;
  return h('tr', { 'data-task': task.id },
    h('th', { scope: 'row' }, de(task.action || '')),
    h('td', {}, de(task.owner || ''), why ? ` (${why})` : ''),
    h('td', {},
      task.due_text ? de(task.due_text) : t('noDue'),
      task.due_year && task.due_year < year ? [' ', h('strong', { class: 'overdue' }, t('overdue'))] : null,
      task.due_meeting ? [h('br'), h('a', { href: go(state, { view: 'sitzung', id: task.due_meeting }) },
        due ? meetingName(due) : task.due_meeting)] : null),
    h('td', {}, t(`status_${task.status}`)),
    h('td', {},
      meet ? h('a', { href: go(state, { view: 'sitzung', id: meet.id, top: place?.key || '' }) }, `${meetingName(meet)}, ${ref}`) : ref,
      task.source?.document ? [h('br'), h('a', { href: documentPage(task.source, getLang(), location.hash), class: 'passage' }, t('passage'))] : null));
}

export function tasks(el, state, data, meetingsData) {
  const items = data?.items || [];
  const meetingsById = new Map((meetingsData?.items || []).map((m) => [m.id, m]));
  const year = new Date().getFullYear();
  const groups = groupTasks(items);
  const head = [t('colTask'), t('colOwner'), t('colDue'), t('colStatus'), t('colSource')];
  fill(el, 
    heading(t('tasksTitle')),
    h('p', {}, t('tasksIntro')),
    !data ? h('p', {}, t('error'))
      : !items.length ? h('p', { class: 'empty' }, t('tasksNone'))
        : [h('p', { class: 'count' }, t('tasksCount', items.length)),
          groups.map((g, i) => h('section', { class: 'task-group', 'aria-labelledby': `tg-${i}-h`, 'data-group': g.key },
            h('h3', { id: `tg-${i}-h` }, g.name),
            scrollTable(`tg-${i}`, t('tasksCaption', g.name, g.items.length), head,
              g.items.map((task) => taskRow(state, task, meetingsById, year)), 'tasks')))]);
}

// ---- The chair rotation ----------------------------------------------------

function ruleText(c, byYear) {
  if (getLang() !== 'en') return c.reason;
  const names = joined((c.chair || []).map(party)).join('');
  if (c.rule === 'joint') return t('rule_joint', names);
  if (c.rule === 'exchange' && c.other_year) return t('rule_exchange', c.year, c.other_year, byYear.get(c.other_year));
  return t(`rule_${c.rule}`);
}

const meetingRule = (c) => (getLang() === 'en' ? t(`meetings_${c.meetings_rule}`) : c.meetings);

function chairCell(state, c) {
  if (!c.chair?.length) return t('chairUnknown');
  return joined(c.chair.map((code) => (has('land', code)
    ? h('a', { href: go(state, { view: 'land', land: code, id: '' }) }, label('land', code)) : code)));
}

function yearCell(c, now) {
  return h('th', { scope: 'row' }, String(c.year),
    c.year === now ? h('span', { class: 'now' }, ` (${t('currentYear')})`) : null);
}

function untilForm(state, to) {
  const input = h('input', { id: 'bis', name: 'bis', type: 'number', min: CHAIR_MIN_TO, max: CHAIR_MAX_TO,
    step: 1, value: to, required: true, 'aria-describedby': 'bis-hint' });
  return h('form', { class: 'until', id: 'until',
    onsubmit: (ev) => {
      ev.preventDefault();
      location.hash = format({ ...state, bis: String(Number(input.value)) });
    } },
  h('label', { for: 'bis' }, t('untilLabel')),
  h('div', { class: 'search-row' }, input, h('button', { type: 'submit', id: 'bis-go' }, t('untilButton'))),
  h('p', { class: 'hint', id: 'bis-hint' }, t('untilHint', CHAIR_MIN_TO, CHAIR_MAX_TO)));
}

export function chair(el, state, data) {
  const items = data?.items || [];
  const byYear = new Map(items.map((c) => [c.year, c]));
  const now = new Date().getFullYear();
  const dmk = items.filter((c) => c.body === 'dmk');
  const d16 = items.filter((c) => c.body === 'd16');
  const span = (list) => [list[0].year, list[list.length - 1].year];
  fill(el, 
    heading(t('chairTitle')),
    h('p', {}, t('chairIntro')),
    untilForm(state, chairTo(state)),
    !data ? h('p', {}, t('error')) : null,
    dmk.length ? h('section', { 'aria-labelledby': 'dmk-h' },
      h('h3', { id: 'dmk-h' }, t('dmkSection', ...span(dmk))),
      h('p', {}, t('meetingRuleOf', meetingRule(dmk[0]))),
      scrollTable('chair-dmk', t('chairCaption', ...span(dmk)), [t('colYear'), t('colChairLand'), t('colRule')],
        dmk.map((c) => h('tr', { class: c.rule === 'base' ? null : 'deviation', 'aria-current': c.year === now ? 'date' : null },
          yearCell(c, now), h('td', {}, chairCell(state, c)), h('td', {}, ruleText(c, byYear)))))) : null,
    d16.length ? h('section', { 'aria-labelledby': 'd16-h' },
      h('h3', { id: 'd16-h' }, t('d16Section', ...span(d16))),
      scrollTable('chair-d16', t('d16Caption', ...span(d16)), [t('colYear'), t('colChairLand'), t('colRule'), t('colMeetingRule')],
        d16.map((c) => h('tr', {}, yearCell(c, now), h('td', {}, chairCell(state, c)),
          h('td', {}, ruleText(c, byYear)), h('td', {}, meetingRule(c)))))) : null);
}
