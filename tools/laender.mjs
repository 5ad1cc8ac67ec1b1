// laender.mjs: derive data/laender.geojson, the outlines of the 16 Länder
// that the map page draws (no tile server: these outlines are the map).
//
//   node tools/laender.mjs germany.geojson [out.geojson]
//
// Input: germany.geojson from the npm package
// @superset-ui/legacy-plugin-chart-country-map@0.20.3 (Apache-2.0; Natural
// Earth geometry), fetched with `npm pack` and not a dependency of the
// project (its React peer dependencies would come along); see
// data/README.md. Output: one Feature per Land with properties
// {"code": "DE-BY", "name": "Bayern"}, coordinates simplified
// (Douglas-Peucker) and rounded to 4 decimals, so the page loads fast.
import { readFileSync, writeFileSync } from 'node:fs';

const input = process.argv[2];
const output = process.argv[3] ?? 'data/laender.geojson';
if (!input) {
  console.error('usage: node tools/laender.mjs germany.geojson [out.geojson]');
  process.exit(2);
}
// About 100 m: finer than a screen pixel at the zoom levels of the page.
const TOLERANCE = 0.001;

// Distance of p from the segment a-b, in degrees (good enough at this scale).
function segDist(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len = dx * dx + dy * dy;
  let t = len ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function simplify(pts) {
  if (pts.length < 3) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop();
    let best = -1, far = 0;
    for (let k = i + 1; k < j; k++) {
      const d = segDist(pts[k], pts[i], pts[j]);
      if (d > far) { far = d; best = k; }
    }
    if (far > TOLERANCE) {
      keep[best] = 1;
      stack.push([i, best], [best, j]);
    }
  }
  return pts.filter((_, k) => keep[k]);
}

const r4 = (x) => Math.round(x * 1e4) / 1e4;

// A ring stays closed and keeps at least 4 points (a valid GeoJSON ring);
// rings that collapse (tiny islands) are dropped.
function ring(pts) {
  const out = [];
  for (const p of simplify(pts)) {
    const q = [r4(p[0]), r4(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out.length >= 4 ? out : null;
}

function polygon(rings) {
  const out = rings.map(ring);
  if (!out[0]) return null;
  return out.filter(Boolean);
}

const src = JSON.parse(readFileSync(input, 'utf8'));
const features = [];
for (const f of src.features) {
  const code = f.properties.ISO;
  if (!/^DE-[A-Z]{2}$/.test(code)) throw new Error(`unexpected ISO code ${code}`);
  const g = f.geometry;
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    .map(polygon).filter(Boolean);
  features.push({
    type: 'Feature',
    properties: { code, name: f.properties.NAME_1 },
    geometry: polys.length === 1
      ? { type: 'Polygon', coordinates: polys[0] }
      : { type: 'MultiPolygon', coordinates: polys },
  });
}
if (features.length !== 16) throw new Error(`expected 16 Länder, got ${features.length}`);
features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
// One feature per line: small diffs when the script changes.
const text = '{"type":"FeatureCollection","features":[\n' +
  features.map((f) => JSON.stringify(f)).join(',\n') + '\n]}\n';
writeFileSync(output, text);
console.log(`${output}: ${features.length} Länder, ${text.length} bytes`);
