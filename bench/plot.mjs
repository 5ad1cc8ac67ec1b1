// plot.mjs IN OUT: the plots of bench/RESULTS.md as SVG, from the
// tab-separated figures bench/run.sh leaves in IN (bench/out):
//   OUT/latency.svg  median search latency against corpus size (log-log):
//                    ours and PostgreSQL with facets and top 10, and
//                    unicode61 FTS5 alone beside our German FTS5 alone
//   OUT/http.svg     requests per second against connections, ours and
//                    nginx, per path
// No dependencies: the SVG is written by hand.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const [inDir, outDir] = process.argv.slice(2);
const W = 640, H = 400, M = { l: 70, r: 210, t: 40, b: 50 };
const colours = ['#1b6ca8', '#d1495b', '#2e933c', '#edae49', '#6a4c93', '#00798c', '#7f7f7f', '#b5651d'];

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const rows = (f) =>
    existsSync(f)
        ? readFileSync(f, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split(/\t| /))
        : [];

// ticks: powers of ten (log axis) or about five round steps (linear).
function ticks(lo, hi, log) {
    if (log) {
        const t = [];
        for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) t.push(10 ** e);
        return t;
    }
    const step = 10 ** Math.floor(Math.log10(hi / 5 || 1));
    const s = [1, 2, 5, 10].map((k) => k * step).find((k) => hi / k <= 6);
    const t = [];
    for (let v = 0; v <= hi + 1e-9; v += s) t.push(v);
    return t;
}

// chart: series [{name, pts: [[x, y]], dash}] on axes with the given scales.
function chart(title, xlabel, ylabel, series, { xlog, ylog, xcat }) {
    const xs = series.flatMap((s) => s.pts.map((p) => p[0]));
    const ys = series.flatMap((s) => s.pts.map((p) => p[1])).filter((v) => v > 0);
    let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
    let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
    const xt = xcat ? [...new Set(xs)].sort((a, b) => a - b) : ticks(x0, x1, xlog);
    const yt = ticks(ylog ? y0 : 0, y1, ylog);
    if (ylog) [y0, y1] = [yt[0], yt[yt.length - 1]];
    else [y0, y1] = [0, yt[yt.length - 1]];
    if (xlog || xcat) [x0, x1] = [xt[0], xt[xt.length - 1]];
    const pw = W - M.l - M.r, ph = H - M.t - M.b;
    const fx = (v) => {
        if (xcat) return M.l + (xt.length > 1 ? (xt.indexOf(v) / (xt.length - 1)) * pw : pw / 2);
        const t = xlog ? Math.log10(v / x0) / Math.log10(x1 / x0) : (v - x0) / (x1 - x0 || 1);
        return M.l + t * pw;
    };
    const fy = (v) => {
        const t = ylog ? Math.log10(v / y0) / Math.log10(y1 / y0) : (v - y0) / (y1 - y0 || 1);
        return M.t + ph - t * ph;
    };
    const fmt = (v) => (v >= 1000 ? `${v / 1000}k` : `${v}`).replace('000k', 'M');
    const o = [];
    o.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
    o.push(`<title>${esc(title)}</title><rect width="${W}" height="${H}" fill="#fff"/>`);
    o.push(`<text x="${M.l}" y="22" font-size="14" font-weight="bold">${esc(title)}</text>`);
    for (const v of yt) {
        o.push(`<line x1="${M.l}" x2="${M.l + pw}" y1="${fy(v)}" y2="${fy(v)}" stroke="#ddd"/>`);
        o.push(`<text x="${M.l - 6}" y="${fy(v) + 4}" text-anchor="end">${fmt(v)}</text>`);
    }
    for (const v of xt) {
        o.push(`<line x1="${fx(v)}" x2="${fx(v)}" y1="${M.t}" y2="${M.t + ph}" stroke="#eee"/>`);
        o.push(`<text x="${fx(v)}" y="${M.t + ph + 16}" text-anchor="middle">${fmt(v)}</text>`);
    }
    o.push(`<rect x="${M.l}" y="${M.t}" width="${pw}" height="${ph}" fill="none" stroke="#444"/>`);
    o.push(`<text x="${M.l + pw / 2}" y="${H - 10}" text-anchor="middle">${esc(xlabel)}</text>`);
    o.push(`<text transform="translate(16 ${M.t + ph / 2}) rotate(-90)" text-anchor="middle">${esc(ylabel)}</text>`);
    series.forEach((s, i) => {
        const c = colours[i % colours.length];
        const pts = s.pts.filter((p) => p[1] > 0 || !ylog);
        const d = pts.map((p, k) => `${k ? 'L' : 'M'}${fx(p[0]).toFixed(1)},${fy(p[1]).toFixed(1)}`).join('');
        o.push(`<path d="${d}" fill="none" stroke="${c}" stroke-width="2"${s.dash ? ' stroke-dasharray="6 4"' : ''}/>`);
        for (const p of pts) o.push(`<circle cx="${fx(p[0]).toFixed(1)}" cy="${fy(p[1]).toFixed(1)}" r="3" fill="${c}"/>`);
        const ly = M.t + 10 + i * 18;
        o.push(`<line x1="${W - M.r + 12}" x2="${W - M.r + 36}" y1="${ly}" y2="${ly}" stroke="${c}" stroke-width="2"${s.dash ? ' stroke-dasharray="6 4"' : ''}/>`);
        o.push(`<text x="${W - M.r + 42}" y="${ly + 4}">${esc(s.name)}</text>`);
    });
    o.push('</svg>');
    return o.join('\n') + '\n';
}

// latency.tsv: n, ours facets median, p99, pg facets median, p99,
// ours top10 median, pg top10 median, unicode61 alone, German FTS5 alone,
// ours bench.c median.
const lat = rows(`${inDir}/latency.tsv`).map((r) => r.map(Number));
if (lat.length) {
    const col = (k) => lat.map((r) => [r[0], r[k]]);
    writeFileSync(
        `${outDir}/latency.svg`,
        chart('Search latency against corpus size (median; p99 where named)', 'entries', 'ms (log scale)', [
            { name: 'ours, with facets', pts: col(1) },
            { name: 'PostgreSQL, with facets', pts: col(3) },
            { name: 'ours, top 10', pts: col(5), dash: true },
            { name: 'PostgreSQL, top 10', pts: col(6), dash: true },
            { name: 'FTS5 German alone', pts: col(8), dash: true },
            { name: 'FTS5 unicode61 alone', pts: col(7), dash: true },
            { name: 'ours p99, with facets', pts: col(2), dash: true },
            { name: 'PostgreSQL p99, facets', pts: col(4), dash: true },
        ], { xlog: true, ylog: true }),
    );
}

// http.tsv: path, conns, ours rps, ours p99, nginx rps, nginx p99.
const http = rows(`${inDir}/http.tsv`);
if (http.length) {
    const paths = [...new Set(http.map((r) => r[0]))];
    const series = [];
    for (const p of paths) {
        const short = p.startsWith('/api/entries?') ? 'search' : 'one entry';
        const sel = http.filter((r) => r[0] === p);
        series.push({ name: `ours, ${short}`, pts: sel.map((r) => [Number(r[1]), Number(r[2])]) });
        series.push({ name: `nginx, ${short}`, pts: sel.map((r) => [Number(r[1]), Number(r[4])]), dash: true });
    }
    writeFileSync(
        `${outDir}/http.svg`,
        chart('HTTP throughput against connections (wrk)', 'connections', 'requests per second', series, { xcat: true }),
    );
}
