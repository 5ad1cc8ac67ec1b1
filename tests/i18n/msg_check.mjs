// msg_check.mjs [--list]: every German message of the server has an
// English version in the catalogue (src/util/msg.c).
//
// Reads the C sources of src/ (not src/cli: the command line stays
// German) and collects the format strings given to the message builders
// (err_set, http_reply_error, http_problem_set, entry.c's fail and
// str_fail, and MSG(...), the marker of a message or fragment built some
// other way), and the literal pieces given to their %s that are German
// text (not a parameter or field name). Each must be a key of the
// catalogue whose English has the same conversions in the same order.
// One format is one test; closes with "msg: N passed, N failed".
// --list prints every format found with where it is.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const list = process.argv.includes('--list');

// The builders and the index of their format argument.
const builders = {
  err_set: 2,
  http_reply_error: 3,
  http_problem_set: 3,
  fail: 2,
  str_fail: 3,
  MSG: 0,
};
// Helpers that put a German fragment (the index of its argument) into a
// message: "Datenbankfehler beim %s: %s" with "Lesen der Einträge".
const pieces = {
  store_db_error: 2,
  auth_db_error: 2,
  auth_step_done: 3,
  db_fail: 2,
  step_done: 3,
  store_each_row: 4,
  exec: 3,
  conf_failed: 2,
  analysis_failed: 2,
  copy: 2,
};

// unescape: a C string literal's body as text.
function unescape(s) {
  return s.replace(/\\(x[0-9a-fA-F]+|[0-7]{1,3}|.)/g, (m, e) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', "'": "'", '?': '?' }[e] ?? e;
  });
}

// stripComments: the source with comments blanked (lines kept).
function stripComments(src) {
  let out = '';
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else if (src.startsWith('/*', i)) {
      const j = src.indexOf('*/', i + 2);
      const end = j < 0 ? src.length : j + 2;
      out += src.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
    } else if (src.startsWith('//', i)) {
      const j = src.indexOf('\n', i);
      const end = j < 0 ? src.length : j;
      out += ' '.repeat(end - i);
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

// args: the top-level arguments of the call whose '(' is at src[open]
// (raw text each), or null when the parentheses do not close.
function args(src, open) {
  const out = [];
  let depth = 0, start = open + 1;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) { out.push(src.slice(start, i)); return out; }
    } else if (c === ',' && depth === 1) { out.push(src.slice(start, i)); start = i + 1; }
  }
  return null;
}

// literals: the string literals of an argument, adjacent ones joined
// (so a ternary gives both of its strings).
function literals(a) {
  const out = [];
  const re = /"((?:[^"\\]|\\.)*)"/g;
  let m, cur = null, lastEnd = -1;
  while ((m = re.exec(a))) {
    if (cur !== null && /^\s*$/.test(a.slice(lastEnd, m.index))) cur += unescape(m[1]);
    else { if (cur !== null) out.push(cur); cur = unescape(m[1]); }
    lastEnd = re.lastIndex;
  }
  if (cur !== null) out.push(cur);
  return out;
}

// conversions: the printf conversions of a format, in order.
function conversions(f) {
  return [...f.matchAll(/%(?:%|[-+ #0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcsp])/g)]
    .map((m) => m[0])
    .filter((c) => c !== '%%');
}

// German: a literal piece that is text to translate, not a name or code.
const german = (s) => /\s|[^\x00-\x7f]/.test(s) || /^[A-ZÄÖÜ][a-zäöüß]+$/.test(s);

function walk(d, acc) {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) { if (p !== join(root, 'src', 'cli')) walk(p, acc); }
    else if (f.endsWith('.c')) acc.push(p);
  }
  return acc;
}

// The catalogue: the pairs of msg.c's table.
function catalogue() {
  const src = stripComments(readFileSync(join(root, 'src/util/msg.c'), 'utf8'));
  const a = src.indexOf('catalogue[] = {');
  const b = src.indexOf('\n};', a);
  const body = src.slice(a, b);
  const map = new Map();
  const re = /\{((?:\s*"(?:[^"\\]|\\.)*")+)\s*,((?:\s*"(?:[^"\\]|\\.)*")+)\s*\}/g;
  let m;
  while ((m = re.exec(body))) {
    const de = literals(m[1]).join(''), en = literals(m[2]).join('');
    if (map.has(de)) console.log(`FAIL: catalogue key twice: ${de}`);
    map.set(de, en);
  }
  return map;
}

const cat = catalogue();
const found = new Map(); // format -> first place
for (const file of walk(join(root, 'src'), [])) {
  const src = stripComments(readFileSync(file, 'utf8'));
  const re = new RegExp(`\\b(${[...Object.keys(builders), ...Object.keys(pieces)].join('|')})\\s*\\(`, 'g');
  let m;
  while ((m = re.exec(src))) {
    // Not the definition or declaration of the builder itself.
    const before = src.slice(Math.max(0, m.index - 40), m.index);
    if (/\b(int|void|char)\s*\*?\s*$/.test(before)) continue;
    const a = args(src, re.lastIndex - 1);
    if (!a) continue;
    const line = src.slice(0, m.index).split('\n').length;
    const where = `${file.slice(root.length + 1)}:${line}`;
    if (m[1] in pieces) {
      const x = a[pieces[m[1]]];
      if (x) for (const l of literals(x)) if (german(l) && !found.has(l)) found.set(l, where);
      continue;
    }
    const k = builders[m[1]];
    if (a.length <= k) continue;
    const fmts = literals(a[k]);
    for (const f of fmts) if (!found.has(f)) found.set(f, where);
    // Literal pieces for the conversions: German text is a fragment.
    for (const x of a.slice(k + 1))
      for (const l of literals(x)) if (german(l) && !found.has(l)) found.set(l, where);
  }
}

let passed = 0, failed = 0;
for (const [f, where] of found) {
  if (list) console.log(`${where}\t${f}`);
  if (conversions(f).length === 0 && !/[^\x00-\x7f]|\s/.test(f) && !german(f)) {
    // A plain name ("limit"): not a message.
    continue;
  }
  if (/^(%[a-z.0-9]+)+$/.test(f)) continue; // "%s": passes a message on
  const en = cat.get(f);
  if (en === undefined) {
    failed++;
    console.log(`FAIL: no English for ${JSON.stringify(f)} (${where})`);
  } else if (conversions(en).join() !== conversions(f).join()) {
    failed++;
    console.log(`FAIL: English of ${JSON.stringify(f)} has conversions ${conversions(en).join(' ')} (${where})`);
  } else passed++;
}
for (const [de, en] of cat)
  if (conversions(en).join() !== conversions(de).join()) {
    failed++;
    console.log(`FAIL: catalogue entry ${JSON.stringify(de)}: English has other conversions`);
  }
console.log(`msg: ${passed} passed, ${failed} failed (${cat.size} catalogue entries, ${found.size} strings found)`);
process.exit(failed ? 1 : 0);
