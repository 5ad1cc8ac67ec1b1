// run.mjs KILANDKARTE: OParl 1.1 against the real server (see README.md):
// walk the whole tree from /oparl/v1/system, validate every object of
// every type against the schemas in schema/ with ajv, then pagination,
// filters, tombstones, ids from --base-url and Host, refusals.
// Closes with "oparl: N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const bin = resolve(process.argv[2] ?? join(root, 'build/kilandkarte'));
const docs = join(root, 'data/documents');
const work = mkdtempSync(join(tmpdir(), 'kl-oparl-'));
const env = { ...process.env, KILANDKARTE_DB: join(work, 't.db'), KILANDKARTE_USER: 'tester' };

let passed = 0;
let failed = 0;
function check(name, cond, detail) {
  if (cond) {
    passed++;
    return true;
  }
  failed++;
  console.log(`FAIL: ${name}${detail ? `\n  ${String(detail).slice(0, 600)}` : ''}`);
  return false;
}

// ---- The server ----

const procs = [];
function cleanup() {
  for (const p of procs) if (p.exitCode === null) p.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
process.on('exit', cleanup);

function kl(...args) {
  return spawnSync(bin, args, { env, encoding: 'utf8' });
}

function start(extra = []) {
  return new Promise((ok, fail) => {
    const p = spawn(bin, ['serve', '--port', '0', '--threads', '2', '--web', join(work, 'web'), ...extra], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    procs.push(p);
    let out = '';
    let log = '';
    p.stderr.on('data', (d) => { log = (log + d).slice(-4000); });
    p.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) ok({ proc: p, port: Number(m[1]), log: () => log });
    });
    p.on('exit', (code) => fail(new Error(`server ended (${code}): ${log}`)));
  });
}

function get(port, path, headers = {}, method = 'GET') {
  return new Promise((ok, fail) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        let json = null;
        try {
          json = JSON.parse(body.toString('utf8'));
        } catch {
          json = null;
        }
        ok({ status: res.statusCode, headers: res.headers, body, json });
      });
    });
    req.on('error', fail);
    req.end();
  });
}

// ---- The schemas ----

const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('url', (s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
});
const schemas = {};
const validators = {};
for (const f of readdirSync(join(here, 'schema')).filter((f) => f.endsWith('.json'))) {
  const name = basename(f, '.json');
  schemas[name] = JSON.parse(readFileSync(join(here, 'schema', f), 'utf8'));
  validators[name] = ajv.compile(schemas[name]);
}
// The validator must refuse what the schemas forbid, or it proves nothing.
const bad = [
  ['AgendaItem', { id: 'http://x/a', type: 'https://schema.oparl.org/1.1/AgendaItem' }], // no order
  ['Body', { id: 'http://x/b', type: 'https://schema.oparl.org/1.1/Body', name: 'B' }], // no lists
  ['Meeting', { id: 'http://x/m', type: 'https://schema.oparl.org/1.1/Meeting', start: 'gestern' }],
  ['Meeting', { id: 'http://x/m', type: 'https://schema.oparl.org/1.1/Paper' }],
  ['File', { id: 'http://x/f', type: 'https://schema.oparl.org/1.1/File', accessUrl: 'datei.txt' }],
  ['Person', { id: 'http://x/p', type: 'https://schema.oparl.org/1.1/Person', title: 'Dr.' }],
];
for (const [t, o] of bad) check(`the ${t} schema refuses ${JSON.stringify(o)}`, !validators[t](o));
const typeName = (t) => (typeof t === 'string' ? t.replace('https://schema.oparl.org/1.1/', '') : '');

// ---- The walk ----

let res = kl('init');
check('init', res.status === 0, res.stderr);
res = kl('import', '--publish', ...readdirSync(docs).filter((f) => f.endsWith('.txt')).sort().map((f) => join(docs, f)));
check('import of data/documents', res.status === 0, res.stderr);
const main = await start();
const port = main.port;
const base = `http://127.0.0.1:${port}`;
const oparl = `${base}/oparl/v1/`;
const pathOf = (u) => {
  const x = new URL(u);
  return x.pathname + x.search;
};

const seenTypes = new Map(); // type -> count of objects validated
const objects = new Map(); // id -> standalone object
const embedded = []; // [parent id, object]
const apiLinks = new Set();
const queue = [`${oparl}system`];
const visited = new Set();

// problems: what is wrong with obj and the objects embedded in it
// (validated against the schema their property names), as strings.
function problems(obj, where, out = []) {
  const t = typeName(obj?.type);
  const v = validators[t];
  if (!v) {
    out.push(`${where}: no OParl type: ${JSON.stringify(obj).slice(0, 200)}`);
    return out;
  }
  if (!v(obj)) out.push(`${where}: ${t} ${obj.id}: ${ajv.errorsText(v.errors)}`);
  seenTypes.set(t, (seenTypes.get(t) ?? 0) + 1);
  if (obj.deleted && !(obj.deleted === true && obj.id && obj.type && obj.created && obj.modified))
    out.push(`${where}: tombstone ${obj.id} without id, type, created or modified`);
  if (typeof obj.id !== 'string' || !obj.id.startsWith(oparl)) out.push(`${where}: ${obj.id} not under ${oparl}`);
  for (const [k, ps] of Object.entries(schemas[t].properties)) {
    const val = obj[k];
    const emb = ps.schema ?? ps.items?.schema;
    if (val === undefined || !emb || !String(emb).endsWith('.json')) continue;
    for (const e of Array.isArray(val) ? val : [val]) {
      if (!e || typeof e !== 'object') continue;
      if (typeName(e.type) !== basename(emb, '.json')) out.push(`${where}: ${k} of ${obj.id} is no ${emb}`);
      problems(e, `${where} > ${k}`, out);
      embedded.push([obj, k, e]);
    }
  }
  return out;
}

// validate: one check for obj with everything embedded in it.
function validate(obj, where) {
  const p = problems(obj, where);
  return check(`${where}: ${obj?.id} valid against the OParl schemas`, p.length === 0, p.join('\n  '));
}

// links: every URL of the tree in an object (ids of embedded objects too)
function collect(v) {
  if (typeof v === 'string') {
    if (v.startsWith(oparl) && !visited.has(v)) queue.push(v);
    else if (v.startsWith(`${base}/api/`)) apiLinks.add(v);
  } else if (Array.isArray(v)) {
    v.forEach(collect);
  } else if (v && typeof v === 'object') {
    Object.values(v).forEach(collect);
  }
}

let lists = 0;
while (queue.length) {
  const u = queue.shift();
  if (visited.has(u)) continue;
  visited.add(u);
  const r = await get(port, pathOf(u));
  if (!check(`GET ${u} 200`, r.status === 200 && r.json, `${r.status} ${r.body.toString().slice(0, 200)}`)) continue;
  const j = r.json;
  if (Array.isArray(j.data)) {
    lists++;
    const pg = j.pagination ?? {};
    const ln = j.links ?? {};
    check(`${u}: a list page (data, pagination, links; at most elementsPerPage; next but on the last)`,
      typeof ln.first === 'string' && ln.self === u && j.data.length <= pg.elementsPerPage &&
      (pg.currentPage < pg.totalPages) === (typeof ln.next === 'string'), JSON.stringify([pg, ln]));
    if (ln.next) queue.unshift(ln.next);
    const p = [];
    for (const o of j.data) {
      problems(o, u, p);
      objects.set(o.id, objects.get(o.id) ?? o);
      collect(o);
    }
    check(`${u}: all ${j.data.length} objects valid against the OParl schemas`, p.length === 0, p.join('\n  '));
  } else {
    const p = problems(j, u);
    check(`${u}: the object at its id, valid against the OParl schemas`, j.id === u && p.length === 0,
      `${j.id} ${p.join('\n  ')}`);
    objects.set(j.id, j);
    collect(j);
  }
}
check('the walk reached the lists', lists >= 10, lists);
for (const t of ['System', 'Body', 'Organization', 'Person', 'Membership', 'Meeting', 'AgendaItem', 'Paper',
  'Consultation', 'File', 'Location'])
  check(`objects of type ${t} seen and validated`, (seenTypes.get(t) ?? 0) > 0, [...seenTypes.entries()].join(' '));
console.log(`walked ${visited.size} URLs, ${lists} lists; validated: ${[...seenTypes.entries()].map(([t, n]) => `${t} ${n}`).join(', ')}`);

// every embedded object is also at its id, the same apart from the back
// reference to its parent; the parent is modified no earlier than it
const unlike = [];
for (const [parent, k, e] of embedded) {
  const s = objects.get(e.id);
  if (!s) unlike.push(`${e.id} (${k} of ${parent.id}) not fetched at its id`);
  else if (s.type !== e.type || s.created !== e.created || s.modified !== e.modified)
    unlike.push(`${e.id}: ${JSON.stringify([e.created, e.modified])} embedded, ${JSON.stringify([s.created, s.modified])} at its id`);
  if (parent.modified && e.modified && parent.modified < e.modified)
    unlike.push(`${parent.id} modified before its embedded ${e.id}`);
}
check(`all ${embedded.length} embedded objects are at their ids with the same type, created, modified; ` +
  'no parent modified before what it embeds', embedded.length > 100 && unlike.length === 0, unlike.join('\n  '));

// the links into the API: files' text (size and SHA-512 as announced),
// registry entries, cited passages
const dead = [];
for (const u of apiLinks) {
  const r = await get(port, pathOf(u));
  if (r.status !== 200) dead.push(`${u}: ${r.status}`);
}
check(`all ${apiLinks.size} links into /api/ answer 200`, apiLinks.size > 50 && dead.length === 0, dead.join('\n  '));
for (const f of [...objects.values()].filter((o) => typeName(o.type) === 'File')) {
  const r = await get(port, pathOf(f.accessUrl));
  check(`${f.id}: accessUrl gives the text`, r.status === 200 && /^text\/plain/.test(r.headers['content-type']));
  check(`${f.id}: size as announced`, r.body.length === f.size, `${r.body.length} vs ${f.size}`);
  check(`${f.id}: SHA-512 as announced`, createHash('sha512').update(r.body).digest('hex') === f.sha512Checksum);
}

// ---- What the objects say ----

const obj = (path) => objects.get(`${oparl}${path}`);
const dmk = obj('bodies/dmk');
check('the DMK is a body', dmk?.shortName === 'DMK' && dmk.name === 'Digitalministerkonferenz');
check('the D16 names the DMK as its successor', obj('bodies/d16')?.['kilandkarte:successor'] === `${oparl}bodies/dmk`);
const m1 = obj('meetings/dmk-2024-1');
check('1st DMK: start and end in German summer time',
  m1?.start === '2024-04-19T09:02:00+02:00' && m1.end === '2024-04-19T12:58:00+02:00', `${m1?.start} ${m1?.end}`);
check('1st DMK: 15 agenda items in order', m1?.agendaItem?.length === 15 &&
  m1.agendaItem.every((a, i) => a.order === i), m1?.agendaItem?.length);
check('1st DMK: the protocol as results protocol', m1?.resultsProtocol?.fileName === '004_1bee85cc57329fa5.txt');
check('1st DMK: in Potsdam, with a point', m1?.location?.locality === 'Potsdam' &&
  m1.location.geojson?.geometry?.type === 'Point');
check('1st DMK: the chair Berlin and Brandenburg',
  JSON.stringify(m1?.['kilandkarte:chair']) === JSON.stringify([`${oparl}organizations/dmk.de-be`, `${oparl}organizations/dmk.de-bb`]));
check('1st DMK: 47 participants', m1?.participant?.length === 47, m1?.participant?.length);
const top11 = obj('agendaitems/dmk-2024-1-top11');
check('TOP 11 concerns the registry entries of annex 6', top11?.['kilandkarte:entries']?.length > 50 &&
  top11.auxiliaryFile?.[0]?.fileName === '002_94e67f4646c14073.txt');
const top6 = obj('agendaitems/dmk-2024-1-top6');
check('TOP 6 concerns the entry of the working group it set up',
  JSON.stringify(top6?.['kilandkarte:entries']) === JSON.stringify([`${base}/api/entries/sn-arbeitsgruppe-der-dmk-zu-top-6-leitung-sachsen`]));
check('TOP 6 holds its resolution text', /^1\. Die DMK stimmt darin überein/.test(top6?.resolutionText ?? ''));
const ag = obj('organizations/dmk-2024-1-top6-ag');
check('the working group: an organisation of the DMK under its plenary',
  ag?.classification === 'Arbeitsgruppe' && ag.subOrganizationOf === `${oparl}organizations/dmk` &&
  ag['kilandkarte:lead'] === `${oparl}organizations/dmk.de-sn` && ag.startDate === '2024-04-19');
const grimm = obj('persons/benjamin-grimm');
check('a member chairing, on behalf of Brandenburg, with vote', grimm?.membership?.[0]?.role === 'Mitglied (Vorsitz)' &&
  grimm.membership[0].onBehalfOf === `${oparl}organizations/dmk.de-bb` && grimm.membership[0].votingRight === true &&
  JSON.stringify(grimm.title ?? null) === '["Dr."]' && grimm.familyName === 'Grimm');
const krebs = obj('persons/stefan-krebs');
check('a further attendee of Baden-Württemberg', krebs?.membership?.[0]?.role === 'Weitere Anwesende' &&
  krebs.membership[0].onBehalfOf === `${oparl}organizations/dmk.de-bw` && krebs.membership[0].votingRight === false);
const prasad = obj('persons/edgar-prasad');
check('a further attendee whose Land is uncertain has none', prasad && !prasad.membership[0].onBehalfOf);
const umlauf = obj('papers/asmk-100-umlauf');
check('the Umlaufbeschluss of the ASMK is a paper, related to the point that took note',
  umlauf?.paperType === 'Umlaufbeschluss' && umlauf.body === `${oparl}bodies/asmk` &&
  JSON.stringify(umlauf.relatedPaper) === JSON.stringify([`${oparl}papers/dmk-2024-1-top9-1`]));
const p67 = obj('papers/dmk-2024-1-top6-7');
check('a resolution point: paper with consultation at its agenda item', p67?.paperType === 'Beschluss' &&
  p67.reference === 'dmk-2024-1-top6-7' && p67.consultation?.[0]?.agendaItem === `${oparl}agendaitems/dmk-2024-1-top6` &&
  p67.consultation[0].authoritative === true && p67.originatorOrganization?.[0] === `${oparl}organizations/dmk.de-sn`);
const cds = obj('meetings/cds-2019-1114');
check('a meeting with a date and no time has no start', cds && !cds.start && cds['kilandkarte:date'] === '2019-11-14');
check('no LegislativeTerm: every body lists none', [...objects.values()].filter((o) => typeName(o.type) === 'Body')
  .every((b) => Array.isArray(b.legislativeTerm) && b.legislativeTerm.length === 0));

// ---- Pagination ----

async function walkList(path) {
  const ids = [];
  let u = `${base}${path}`;
  let pages = 0;
  let first = null;
  while (u && pages < 100) {
    const r = await get(port, pathOf(u));
    if (!check(`page ${u}`, r.status === 200, r.status)) return null;
    const j = r.json;
    first ??= j;
    pages++;
    check(`${u}: currentPage ${pages}`, j.pagination.currentPage === pages);
    if (pages > 1) check(`${u}: prev links back`, typeof j.links.prev === 'string');
    else check(`${u}: no prev on page 1`, j.links.prev === undefined);
    ids.push(...j.data.map((o) => o.id));
    u = j.links.next;
  }
  return { ids, pages, first };
}
const persons = await walkList('/oparl/v1/bodies/dmk/persons?limit=5');
check('persons by 5: every one once', persons && new Set(persons.ids).size === persons.ids.length &&
  persons.ids.length === persons.first.pagination.totalElements, persons?.ids.length);
check('persons by 5: totalPages pages', persons?.pages === Math.ceil(persons.first.pagination.totalElements / 5) &&
  persons.pages === persons.first.pagination.totalPages);
check('persons by 5: sorted by id (stable)', persons && persons.ids.join() === [...persons.ids].sort().join());
const all = await get(port, '/oparl/v1/bodies/dmk/persons?limit=100');
check('persons in one page: the same ones', all.json?.data.map((o) => o.id).join() === persons?.ids.join());
let r = await get(port, '/oparl/v1/bodies/dmk/persons?elementsPerPage=7');
check('elementsPerPage is a page size too', r.json?.pagination.elementsPerPage === 7 && r.json.data.length === 7 &&
  /limit=7/.test(r.json.links.next));
r = await get(port, '/oparl/v1/bodies/dmk/persons');
check(`default page size ${20}`, r.json?.pagination.elementsPerPage === 20);
const last = r.json?.links.last;
r = await get(port, pathOf(last));
check('the last page', r.status === 200 && r.json.pagination.currentPage === r.json.pagination.totalPages && !r.json.links.next);

async function refused(path, param, status = 400) {
  const x = await get(port, path);
  check(`${path}: ${status} problem+json${param ? ` naming ${param}` : ''}`,
    x.status === status && /^application\/problem\+json/.test(x.headers['content-type']) &&
    (!param || x.json?.parameter === param) && (x.json?.detail ?? '').length > 0,
    `${x.status} ${x.body.toString().slice(0, 200)}`);
}
await refused('/oparl/v1/bodies/dmk/persons?page=99', 'page');
await refused('/oparl/v1/bodies/dmk/persons?page=0', 'page');
await refused('/oparl/v1/bodies/dmk/persons?page=x', 'page');
await refused('/oparl/v1/bodies/dmk/persons?limit=0', 'limit');
await refused('/oparl/v1/bodies/dmk/persons?limit=101', 'limit');
await refused('/oparl/v1/bodies/dmk/persons?limit=5&elementsPerPage=5', 'elementsPerPage');
await refused('/oparl/v1/bodies/dmk/persons?sort=name', 'sort');
await refused('/oparl/v1/bodies/dmk/meetings?created_since=2024-13-01T00:00:00Z', 'created_since');
await refused('/oparl/v1/bodies/dmk/meetings?modified_since=2024-04-19', 'modified_since');
await refused('/oparl/v1/bodies/dmk/meetings?modified_until=2024-04-19T10:00:00', 'modified_until');
await refused('/oparl/v1/meetings/dmk-2024-1?limit=5', 'limit');
await refused('/oparl/v1/system?x=1', 'x');
await refused('/oparl/v1/bodies/nope/meetings', null, 404);
await refused('/oparl/v1/meetings/nope', null, 404);
await refused('/oparl/v1/nothing', null, 404);
r = await get(port, '/oparl/v1/system', {}, 'POST');
check('POST is refused (read only)', r.status === 405);
r = await get(port, '/oparl/v1/system');
check('CORS for OParl clients in the browser', r.headers['access-control-allow-origin'] === '*');
check('an ETag', typeof r.headers.etag === 'string');
r = await get(port, '/oparl/v1/system', { 'If-None-Match': r.headers.etag });
check('If-None-Match: 304', r.status === 304);

// ---- Filters ----

const total = (x) => x.json?.pagination?.totalElements;
r = await get(port, '/oparl/v1/bodies/dmk/meetings?created_until=2000-01-01T00:00:00Z');
check('created_until before the import: none', r.status === 200 && total(r) === 0);
r = await get(port, '/oparl/v1/bodies/dmk/meetings?created_since=2000-01-01T00:00:00%2B01:00');
check('created_since before the import: all', total(r) === 2, total(r));
r = await get(port, '/oparl/v1/bodies/dmk/meetings?created_since=2000-01-01T00:00:00+01:00');
check('an unencoded + in the zone is read as +', total(r) === 2, `${r.status} ${total(r)}`);
r = await get(port, '/oparl/v1/bodies/dmk/persons?modified_since=2000-01-01T00:00:00Z&limit=5');
check('the filter stays in the links', /modified_since=2000-01-01T00%3A00%3A00Z/.test(r.json?.links.next ?? '') &&
  /limit=5/.test(r.json.links.next), r.json?.links.next);

// ---- Tombstones: the protocol again without TOP 10 ----

const stamp = (d) => d.toISOString().replace(/\.\d+Z$/, 'Z');
const later = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);
await new Promise((ok) => setTimeout(ok, later - Date.now() + 50));
const since = stamp(later);
const cutDir = join(work, 'cut');
mkdirSync(cutDir);
const proto = readFileSync(join(docs, '004_1bee85cc57329fa5.txt'), 'utf8');
const a = proto.indexOf(' TOP 10');
const b = proto.indexOf(' TOP 11', a + 1);
writeFileSync(join(cutDir, '004_1bee85cc57329fa5.txt'), proto.slice(0, a) + proto.slice(b));
let imp = kl('import', '--publish', join(cutDir, '004_1bee85cc57329fa5.txt'));
check('import of the cut protocol', imp.status === 0, imp.stderr);
const q = `modified_since=${encodeURIComponent(since)}`;
r = await get(port, `/oparl/v1/bodies/dmk/agendaitems?${q}`);
const changed = (r.json?.data ?? []).map((o) => o.id.replace(`${oparl}agendaitems/`, '')).sort();
check('modified_since: TOP 10 buried, TOP 11 and 12 moved up', JSON.stringify(changed) ===
  JSON.stringify(['dmk-2024-1-top10', 'dmk-2024-1-top11', 'dmk-2024-1-top12']), changed);
const t10 = (r.json?.data ?? []).find((o) => o.id.endsWith('/dmk-2024-1-top10'));
check('TOP 10 is a tombstone', t10?.deleted === true && t10.modified >= since && t10.created < since &&
  Object.keys(t10).sort().join() === 'created,deleted,id,modified,order,type', JSON.stringify(t10));
for (const o of r.json?.data ?? []) validate(o, 'after the re-import');
r = await get(port, '/oparl/v1/agendaitems/dmk-2024-1-top10');
check('the tombstone answers 200 at its id', r.status === 200 && r.json.deleted === true);
r = await get(port, `/oparl/v1/bodies/dmk/papers?${q}`);
const buried = (r.json?.data ?? []).filter((o) => o.deleted).map((o) => o.id.replace(`${oparl}papers/`, '')).sort();
check('the four points of TOP 10 are tombstones', JSON.stringify(buried) === JSON.stringify(
  ['dmk-2024-1-top10-1', 'dmk-2024-1-top10-2', 'dmk-2024-1-top10-3', 'dmk-2024-1-top10-4']), buried);
for (const o of r.json?.data ?? []) validate(o, 'after the re-import');
r = await get(port, `/oparl/v1/bodies/dmk/meetings?${q}`);
const mm = r.json?.data ?? [];
// the 1st DMK embeds the tombstone; both embed the protocol, whose text changed
check('modified_since: only the meetings that embed them', mm.length === 2 && mm[0].id === `${oparl}meetings/dmk-2024-1` &&
  mm.every((x) => x.modified >= since) && mm[0].agendaItem.some((x) => x.deleted && x.id.endsWith('top10')) &&
  mm[1].id === `${oparl}meetings/dmk-2024-2` && mm[1].auxiliaryFile?.[0]?.modified >= since && !mm[1].resultsProtocol,
  JSON.stringify(mm.map((x) => [x.id, x.modified])));
for (const o of mm) validate(o, 'after the re-import');
r = await get(port, `/oparl/v1/bodies/dmk/memberships?${q}`);
check('modified_since: no membership changed', total(r) === 0, total(r));
r = await get(port, `/oparl/v1/bodies/dmk/agendaitems?created_since=${encodeURIComponent(since)}`);
check('created_since: nothing new', total(r) === 0, total(r));
const before = stamp(new Date(later - 1000));
r = await get(port, `/oparl/v1/bodies/dmk/agendaitems?modified_until=${encodeURIComponent(before)}`);
check('modified_until before: the unchanged ones', total(r) === 12, total(r));
r = await get(port, '/oparl/v1/bodies/dmk/agendaitems?limit=100');
check('the list keeps the tombstone', total(r) === 15 && r.json.data.filter((o) => o.deleted).length === 1);
r = await get(port, '/api/meetings/dmk-2024-1');
check('/api shows live items only', r.status === 200 && r.json.agenda.length === 14 &&
  !r.json.agenda.some((x) => x.id === 'dmk-2024-1-top10'));
imp = kl('import', '--publish', join(docs, '004_1bee85cc57329fa5.txt'));
check('import of the whole protocol again', imp.status === 0, imp.stderr);
r = await get(port, '/oparl/v1/agendaitems/dmk-2024-1-top10');
check('TOP 10 is back', r.status === 200 && r.json.deleted === undefined && r.json.name?.startsWith('Länderabfrage'));

// ---- Ids from Host and from --base-url ----

r = await get(port, '/oparl/v1/system', { Host: 'landkarte.example:8443' });
check('ids from the Host of the request', r.json?.id === 'http://landkarte.example:8443/oparl/v1/system' &&
  r.json.body === 'http://landkarte.example:8443/oparl/v1/bodies');
r = await get(port, '/oparl/v1/system', { Host: '[::1]:8080' });
check('an IPv6 Host', r.json?.id === 'http://[::1]:8080/oparl/v1/system', r.json?.id);
for (const bad of ['a b', 'x/y', 'x@y', 'x:99999999']) {
  r = await get(port, '/oparl/v1/system', { Host: bad });
  check(`Host "${bad}": 400`, r.status === 400 && /^application\/problem\+json/.test(r.headers['content-type']));
}
const proxied = await start(['--base-url', 'https://oparl.example/kl/']);
r = await get(proxied.port, '/oparl/v1/bodies/dmk', { Host: 'ignored.example' });
check('--base-url makes the ids', r.json?.id === 'https://oparl.example/kl/oparl/v1/bodies/dmk' &&
  r.json.meeting === 'https://oparl.example/kl/oparl/v1/bodies/dmk/meetings', r.json?.id);
r = await get(proxied.port, '/oparl/v1/bodies?limit=2');
check('--base-url in the links of lists', r.json?.links.next === 'https://oparl.example/kl/oparl/v1/bodies?limit=2&page=2',
  r.json?.links.next);
const badBase = kl('serve', '--port', '0', '--base-url', 'ftp://x');
check('--base-url must be an http(s) address', badBase.status === 2 && /base-url/.test(badBase.stderr));

console.log(`oparl: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
for (const p of procs) p.kill('SIGTERM');
