// run.mjs: browser tests of the map page. Debian's chromium, driven by
// playwright-core (never a downloaded browser), against the real server on
// a loopback port (port 0) with a temporary database of the shipped
// documents. axe-core checks every view for WCAG 2.1 A/AA violations.
//
//   node tests/e2e/run.mjs BUILD/kilandkarte [WEB_DIR]
//
// WEB_DIR defaults to build/web (`make web`). Screenshots go to build/e2e/.
// Closes with "e2e: N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { editorTests } from './edit.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = resolve(process.argv[2] ?? 'build/kilandkarte');
const webDir = resolve(process.argv[3] ?? join(root, 'build/web'));
const shots = join(root, 'build/e2e');
const AXE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
mkdirSync(shots, { recursive: true });

const work = mkdtempSync(join(tmpdir(), 'kl-e2e-'));
const env = { ...process.env, KILANDKARTE_DB: join(work, 't.db'), KILANDKARTE_USER: 'e2e' };
const docs = readdirSync(join(root, 'data/documents')).filter((f) => f.endsWith('.txt'))
  .map((f) => join(root, 'data/documents', f));
// One published entry whose title is markup: the page must show it as text.
const EVIL = '<img src=x onerror=alert(1)><script>alert(2)</script> Probe';
const evilFile = join(work, 'evil.jsonl');
writeFileSync(evilFile, `${JSON.stringify({ title: EVIL, kind: 'project', land: 'DE-HB', status: 'published', places: [{ name: 'Bremen' }] })}\n`);
for (const args of [['init'], ['import', '--publish', ...docs], ['add', evilFile]]) {
  const r = spawnSync(bin, args, { env, encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`FAIL: kilandkarte ${args[0]}: ${r.stderr}`);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  }
}

// The server names its address on stdout once it listens.
const server = spawn(bin, ['serve', '--port', '0', '--web', webDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
server.stderr.on('data', (d) => { serverLog = (serverLog + d).slice(-4000); });
const base = await new Promise((ok, fail) => {
  let out = '';
  const timer = setTimeout(() => fail(new Error('server did not start')), 10000);
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
    if (m) { clearTimeout(timer); ok(`http://127.0.0.1:${m[1]}`); }
  });
  server.on('exit', () => fail(new Error(`server exited: ${serverLog}`)));
}).catch((e) => {
  console.log(`FAIL: ${e.message}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});

const ctx = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
});
// Anything not served by our server is a failure: the page must work
// without internet (no CDN, no tiles).
const foreign = [];
await ctx.route('**/*', (route) => {
  const url = route.request().url();
  if (url.startsWith(base) || url.startsWith('data:')) return route.continue();
  foreign.push(url);
  return route.abort();
});
const problems = []; // console errors, CSP violations, uncaught exceptions
function watch(page) {
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  return page;
}

let passed = 0;
let failed = 0;
let page = watch(await ctx.newPage());

async function test(name, fn) {
  try {
    await fn();
    passed++;
  } catch (e) {
    failed++;
    console.log(`FAIL: ${name}\n  ${String(e.message).split('\n').slice(0, 6).join('\n  ')}`);
    await page.screenshot({ path: join(shots, `fail-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
  }
}
function expect(cond, msg) {
  if (!cond) throw new Error(msg);
}

async function open(hash = '') {
  await page.goto(`${base}/${hash}`);
  await ready();
}
// The page sets data-ready once the map and the first list are drawn; a
// later step is done when the list stops being replaced.
async function ready() {
  await page.waitForSelector('body[data-ready]', { timeout: 10000 });
  await page.waitForLoadState('networkidle');
}

async function axe(name) {
  await page.evaluate(AXE);
  const res = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), AXE_TAGS);
  const v = res.violations;
  console.log(`axe ${name}: ${v.length} violations, ${res.passes.length} rules passed`);
  expect(v.length === 0, v.map((x) => `${x.id} (${x.impact}): ${x.help} — ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`).join('\n'));
}

const hash = () => decodeURIComponent(new URL(page.url()).hash);
const text = (sel) => page.locator(sel).first().innerText();

await test('main page: Länder, markers, list', async () => {
  await open();
  const laender = await page.locator('path[data-land]').count();
  expect(laender === 16, `Länder drawn: ${laender}`);
  const pins = await page.locator('.kl-marker, .kl-cluster').count();
  expect(pins > 5, `markers and clusters: ${pins}`);
  expect((await text('#results .count')).includes('Einträge'), 'count line');
  expect(await page.locator('#results ol.results > li').count() === 20, 'a page of 20');
  await page.screenshot({ path: join(shots, 'main.png') });
});
await test('axe: main page', () => axe('main'));

await test('search Reallabor: Niedersachsen entry in the list and on the map', async () => {
  await page.fill('#q', 'Reallabor');
  await page.press('#q', 'Enter');
  await page.waitForFunction(() => location.hash.includes('q=Reallabor'));
  await ready();
  await page.locator('#results a', { hasText: 'KI-Reallabor in Osnabrück' }).waitFor();
  const pins = await page.locator('.kl-marker').count();
  expect(pins === 1, `one marker expected, ${pins}`);
  const title = await page.locator('.kl-marker').getAttribute('title');
  expect(title.includes('Osnabrück'), `marker title ${title}`);
});

await test('search as you type', async () => {
  await open();
  await page.locator('#q').pressSequentially('Kompetenzzentr', { delay: 20 });
  await page.waitForFunction(() => location.hash.includes('q=Kompetenzzentr'));
  await ready();
  expect(!(await text('#results .count')).startsWith('128'), 'the list was filtered');
});

await test('autocomplete offers places; choosing one filters by distance', async () => {
  await open();
  await page.locator('#q').pressSequentially('Kempt', { delay: 20 });
  await page.locator('#q-list [role=option]', { hasText: 'Kempten' }).waitFor();
  expect(await page.getAttribute('#q', 'aria-expanded') === 'true', 'aria-expanded');
  await page.press('#q', 'ArrowDown');
  expect(await page.getAttribute('#q', 'aria-activedescendant') === 'q-opt-0', 'active option');
  await page.press('#q', 'Enter');
  await page.waitForFunction(() => location.hash.includes('near=Kempten'));
  await ready();
  await page.locator('.chip', { hasText: 'Kempten' }).waitFor();
  expect(/^[1-9]/.test(await text('#results .count')), 'entries near Kempten');
});

await test('facet filter: kind', async () => {
  await open();
  await page.selectOption('#f-kind', 'project');
  await page.waitForFunction(() => location.hash.includes('kind=project'));
  await ready();
  const metas = await page.locator('#results .meta').allInnerTexts();
  expect(metas.length > 0 && metas.every((m) => m.startsWith('Projekt')), `metas ${metas.slice(0, 3)}`);
  expect(await page.locator('#f-kind').inputValue() === 'project', 'select keeps its value');
});

await test('a list item opens the entry with quote and source link', async () => {
  await page.locator('#results a', { hasText: 'KI-Reallabor in Osnabrück' }).click();
  await page.waitForFunction(() => location.hash.startsWith('#/entry/'));
  await ready();
  await page.locator('article.entry h2', { hasText: 'KI-Reallabor in Osnabrück' }).waitFor();
  const quote = await text('.source blockquote');
  expect(quote.includes('Reallabor'), `quote: ${quote}`);
  const href = await page.getAttribute('a.source-link', 'href');
  expect(/^dokument\.html\?name=[^&]+&from=[^&]+&start=\d+&end=\d+$/.test(href), `source link ${href}`);
  expect(await page.locator('.kl-marker.kl-selected').count() === 1, 'marker selected');
  await page.screenshot({ path: join(shots, 'entry.png') });
});
await test('axe: entry view', () => axe('entry'));
// The source link opens the whole document with the cited passage marked
// and focused; back leads to the entry.
await test('source document with the passage marked', async () => {
  const entryUrl = page.url();
  const quote = await text('.source blockquote');
  await page.locator('a.source-link').click();
  await page.waitForURL(/dokument\.html/);
  await page.locator('mark#passage').waitFor();
  expect(await page.evaluate(() => document.activeElement?.id) === 'passage', 'focus on the passage');
  const marked = await text('mark#passage');
  expect(marked.includes('Reallabor'), `marked: ${marked.slice(0, 80)}`);
  const words = quote.replace(/[„“"…]/g, ' ').split(/\s+/).filter((w) => w.length > 6).slice(0, 3);
  expect(words.every((w) => marked.replace(/\s+/g, ' ').includes(w)), `quote words ${words} in the passage`);
  const whole = await text('#doc-text');
  expect(whole.length > marked.length * 3, 'the whole document around it');
  expect((await text('#doc-status')).includes('hervorgehoben'), 'status says what is marked');
  await page.screenshot({ path: join(shots, 'dokument.png') });
  await axe('dokument');
  const back = await page.getAttribute('#doc-back', 'href');
  expect(back === `./${new URL(entryUrl).hash}`, `back link ${back} leads to ${entryUrl}`);
  await page.goBack();
  await page.waitForURL(entryUrl);
  await ready();
  await page.locator('article.entry h2', { hasText: 'KI-Reallabor in Osnabrück' }).waitFor();
});

await test('URL state survives a reload; back returns to the list', async () => {
  const before = hash();
  expect(before.includes('kind=project'), `filters kept in ${before}`);
  await page.reload();
  await ready();
  await page.locator('article.entry h2', { hasText: 'KI-Reallabor' }).waitFor();
  expect(await page.locator('#f-kind').inputValue() === 'project', 'filter restored');
  await page.goBack();
  await page.waitForFunction(() => !location.hash.startsWith('#/entry/'));
  await ready();
  expect(hash().includes('kind=project'), 'back to the filtered list');
  expect(await page.locator('#results-section').isVisible(), 'list visible');
});

await test('clicking a Land on the map opens its page', async () => {
  await open();
  await page.locator('path[data-land="DE-BY"]').click({ force: true });
  await page.waitForFunction(() => location.hash.startsWith('#/land/DE-BY'));
  await ready();
  expect((await text('#view h2')).startsWith('Bayern'), 'Land heading');
  expect(await page.locator('#f-land').inputValue() === 'DE-BY', 'Land select');
  const metas = await page.locator('#results .meta').allInnerTexts();
  expect(metas.length > 0 && metas.every((m) => m.includes('Bayern')), 'only Bayern');
  expect(await page.locator('.counts').count() >= 1, 'counts shown');
  await page.screenshot({ path: join(shots, 'land.png') });
});
await test('axe: Land page', () => axe('land'));

await test('language switch to English and back', async () => {
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await ready();
  expect(hash().includes('lang=en'), 'lang in the URL');
  expect((await text('h1')) === 'AI Map of Germany', 'English title');
  expect((await text('#view h2')).startsWith('Bavaria'), 'English Land name');
  expect((await page.locator('label[for=f-kind]').innerText()) === 'Kind', 'English labels');
  await page.screenshot({ path: join(shots, 'english.png') });
  await axe('english');
  await page.reload();
  await ready();
  expect(await page.evaluate(() => document.documentElement.lang) === 'en', 'English after reload');
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
});

await test('keyboard only: skip link, search, list, entry, back', async () => {
  await open();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement.id) === 'skip', 'skip link first');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline !== 'none', 'focus visible');
  let id = '';
  for (let i = 0; i < 12 && id !== 'q'; i++) { // skip link, home, the views, language
    await page.keyboard.press('Tab');
    id = await page.evaluate(() => document.activeElement.id);
  }
  expect(id === 'q', 'search box reached by Tab');
  await page.keyboard.type('Reallabor');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.includes('q=Reallabor'));
  await ready();
  let label = '';
  for (let i = 0; i < 40 && !label.includes('Osnabrück'); i++) {
    await page.keyboard.press('Tab');
    label = await page.evaluate(() => document.activeElement.textContent);
  }
  expect(label.includes('Osnabrück'), 'list item reached by Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.startsWith('#/entry/'));
  await ready();
  // The focus moves when the entry view has rendered, which may be just
  // after the page reports ready for the list: wait for it (bounded).
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'view-h', null, { timeout: 3000 }).catch(() => {});
  expect(await page.evaluate(() => document.activeElement.id) === 'view-h', 'focus on the entry heading');
  await page.keyboard.press('Shift+Tab');
  expect((await page.evaluate(() => document.activeElement.className)) === 'back', 'back link before heading');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !location.hash.startsWith('#/entry/'));
  await ready();
  const back = await page.evaluate(() => document.activeElement.textContent);
  expect(back.includes('Osnabrück'), `focus back on the list item, got ${back}`);
  // The map's markers are buttons in the tab order too.
  const tabbable = await page.locator('.kl-marker[tabindex="0"][role="button"]').count();
  expect(tabbable === 1, `marker focusable: ${tabbable}`);
});

await test('360 px wide: no horizontal scrolling, all parts usable', async () => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open('#/?q=Zentrum');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide <= 360, `page is ${wide} px wide`);
  expect(await page.locator('#map').isVisible(), 'map visible');
  expect(await page.locator('#results ol.results').isVisible(), 'list visible');
  await page.screenshot({ path: join(shots, 'mobile.png'), fullPage: true });
  await axe('360px');
  await open('#/entry/ni-ki-reallabor-in-osnabrueck');
  const wide2 = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide2 <= 360, `entry view is ${wide2} px wide`);
  await page.setViewportSize({ width: 1280, height: 900 });
});

await test('entry text is shown as text, never as markup', async () => {
  await open('#/land/DE-HB');
  const link = page.locator('#results a', { hasText: 'Probe' });
  expect((await link.innerText()) === EVIL, `list shows ${await link.innerText()}`);
  expect(await page.locator('#results img, #results script').count() === 0, 'no element from the title');
  await link.click();
  await page.locator('article.entry h2', { hasText: 'Probe' }).waitFor();
  expect((await text('article.entry h2')) === EVIL, 'heading as text');
  expect(await page.locator('main img:not(.leaflet-marker-icon), main script').count() === 0, 'no element in the view');
  // Its marker shares Bremen's coordinates with others: selecting the
  // entry fans its cluster out.
  await page.locator('.kl-marker.kl-selected').hover();
  await page.locator('.leaflet-tooltip', { hasText: 'Probe' }).waitFor();
  expect(await page.locator('.leaflet-tooltip img, .leaflet-tooltip script').count() === 0, 'tooltip as text');
});

// The BITV 2.0 pages: reached from the footer of the map by keyboard
// alone, and free of axe violations like every other page.
async function tabTo(pred, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(pred)) return;
  }
  throw new Error(`not reached by Tab in ${max} steps`);
}
await test('footer: Barrierefreiheit by keyboard', async () => {
  await open();
  await tabTo(() => document.activeElement?.id === 'a11y-link');
  await page.keyboard.press('Enter');
  await page.waitForURL(/barrierefreiheit\.html$/);
  expect((await text('h1')) === 'Erklärung zur Barrierefreiheit', `h1: ${await text('h1')}`);
  const body = await page.locator('main').innerText();
  for (const part of ['Stand der Vereinbarkeit', 'Nicht barrierefreie Inhalte', 'Feedback und Kontakt', 'Schlichtungsverfahren', '§ 16 BGG', 'axe-core', 'Accessibility statement'])
    expect(body.includes(part), `statement lacks "${part}"`);
  await page.screenshot({ path: join(shots, 'barrierefreiheit.png'), fullPage: true });
});
await test('axe: Erklärung zur Barrierefreiheit', () => axe('barrierefreiheit'));
// The feedback form: a missing message is named next to the field, with
// focus on it; a message sent by keyboard reaches the admins' list.
await test('feedback form: empty message refused at the field', async () => {
  await page.locator('#feedback button[type="submit"]').click();
  await page.locator('#fb-message-error:not([hidden])').waitFor();
  expect(await page.evaluate(() => document.activeElement?.id) === 'fb-message', 'focus on the message');
  expect((await page.getAttribute('#fb-message', 'aria-invalid')) === 'true', 'message marked invalid');
  expect((await text('#fb-status')).startsWith('Nicht gesendet'), `status: ${await text('#fb-status')}`);
  await axe('feedback form with error');
});
await test('feedback form: sent by keyboard, stored for the admins', async () => {
  await page.keyboard.type('Die Filter sind mit dem Screenreader schwer zu finden.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('/#/liste');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent) === 'Rückmeldung senden', 'Tab reaches the button');
  await page.keyboard.press('Enter');
  await page.locator('#fb-status', { hasText: 'Danke' }).waitFor();
  expect(await page.locator('#fb-message-error').isHidden(), 'no error left');
  expect((await page.inputValue('#fb-message')) === '', 'form emptied');
  const list = JSON.parse(spawnSync(bin, ['feedback', '--json'], { env, encoding: 'utf8' }).stdout);
  expect(list.some((m) => m.message === 'Die Filter sind mit dem Screenreader schwer zu finden.' && m.page === '/#/liste'),
    `stored: ${JSON.stringify(list).slice(0, 200)}`);
  await page.screenshot({ path: join(shots, 'feedback-sent.png'), fullPage: true });
});
await test('Leichte Sprache by keyboard, back to the map', async () => {
  await tabTo(() => document.activeElement?.getAttribute('href') === 'leichte-sprache.html');
  await page.keyboard.press('Enter');
  await page.waitForURL(/leichte-sprache\.html$/);
  expect((await text('h1')).includes('Leichter Sprache'), `h1: ${await text('h1')}`);
  expect((await page.locator('main').innerText()).includes('KI heißt: Künstliche Intelligenz.'), 'explains KI');
  await page.screenshot({ path: join(shots, 'leichte-sprache.png'), fullPage: true });
  await axe('leichte-sprache');
  await tabTo(() => document.activeElement?.getAttribute('href') === './');
  await page.keyboard.press('Enter');
  await ready();
});
await test('footer links in English', async () => {
  await open('#/?lang=en');
  expect((await text('#a11y-link')) === 'Accessibility', `link: ${await text('#a11y-link')}`);
  expect((await text('#easy-link')) === 'Easy Language', `link: ${await text('#easy-link')}`);
});

// Issue 5: comparison, Anknüpfungspunkte, cooperation, partners.
await test('entry view: Anknüpfungspunkte with score and reason', async () => {
  await open('#/entry/st-zukunftszentrum-digitale-arbeit');
  await page.locator('#similar-h', { hasText: 'Anknüpfungspunkte' }).waitFor();
  const items = page.locator('.similar-list > li');
  const n = await items.count();
  expect(n >= 1, `similar items: ${n}`);
  const first = await items.first().innerText();
  expect(first.includes('Zukunftszentren Ost'), `first suggestion: ${first}`);
  expect(/Ähnlichkeit 0,\d\d/.test(first), `score shown: ${first}`);
  expect(first.includes('Gemeinsame Begriffe'), `reason shown: ${first}`);
  const href = await items.first().locator('a').getAttribute('href');
  expect(href.startsWith('#/entry/bund-zukunftszentren-ost'), `link ${href}`);
  await page.screenshot({ path: join(shots, 'similar.png'), fullPage: true });
  await axe('entry with Anknüpfungspunkte');
  await items.first().locator('a').click();
  await page.waitForFunction(() => location.hash.startsWith('#/entry/bund-zukunftszentren-ost'));
  await page.locator('article.entry h2', { hasText: 'Zukunftszentren Ost' }).waitFor();
});

await test('header navigation to the comparison by keyboard', async () => {
  await open();
  await tabTo(() => document.activeElement?.dataset?.view === 'vergleich', 20);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.startsWith('#/vergleich'));
  await ready();
  await page.locator('#coverage').waitFor();
  expect(await page.evaluate(() => document.activeElement.id) === 'view-h', 'focus on the heading');
  expect(await page.getAttribute('#nav a[data-view="vergleich"]', 'aria-current') === 'page', 'aria-current');
  // The measure chooser, the table region and nothing else in the way.
  await tabTo(() => document.activeElement?.id === 'measure', 10);
  await tabTo(() => document.activeElement?.classList.contains('table-scroll'), 10);
});

await test('comparison: coverage table, charts with tables, choropleth', async () => {
  await open('#/vergleich');
  await page.locator('#coverage').waitFor();
  expect(await page.locator('#coverage tbody tr').count() === 17, 'coverage: 16 Länder + Bund');
  expect(await page.locator('#coverage tbody th[scope=row]').count() === 17, 'row headers');
  expect(await page.locator('#coverage thead th[scope=col]').count() === 14, 'Land, 12 fields, gaps');
  expect((await page.locator('#coverage caption').count()) === 1, 'caption');
  const gaps = await page.locator('#coverage td.gap').allInnerTexts();
  expect(gaps.length > 0 && gaps.every((g) => g === 'Lücke'), 'gaps named in words');
  const mv = await page.locator('#coverage tbody tr', { hasText: 'Mecklenburg' }).locator('td.gap').count();
  expect(mv === 12, `Mecklenburg-Vorpommern: all gaps, got ${mv}`);
  // The charts and their tables show the same numbers.
  for (const id of ['by-land', 'by-kind']) {
    const bars = await page.locator(`#${id}-h ~ svg .chart-value`).allTextContents();
    const cells = await page.locator(`#${id}-table tbody td`).allTextContents();
    expect(bars.length > 0 && bars.join() === cells.join(), `${id}: chart ${bars} vs table ${cells}`);
  }
  expect(await page.locator('#by-land-table tbody tr').count() === 17, 'Land table: 17 rows');
  const nw = await page.locator('#by-land-table tbody tr', { hasText: 'Nordrhein-Westfalen' }).locator('td').innerText();
  // The choropleth: Länder with different values get different fills.
  const fills = await page.$$eval('path[data-land]', (ps) => ps.map((p) => p.getAttribute('fill')));
  expect(fills.length === 16 && new Set(fills).size >= 3, `fills ${[...new Set(fills)]}`);
  expect(await page.locator('#legend li').count() >= 3, 'legend');
  const nwFill = await page.getAttribute('path[data-land="DE-NW"]', 'fill');
  expect(nwFill === '#08306b', `NW (${nw}) darkest: ${nwFill}`);
  expect(await page.getAttribute('path[data-land="DE-MV"]', 'fill') === '#f3f1ea', 'MV (0) lightest');
  await page.screenshot({ path: join(shots, 'vergleich.png'), fullPage: true });
});
await test('axe: comparison', () => axe('vergleich'));

await test('comparison: the measure is a labelled select kept in the URL', async () => {
  expect((await page.locator('label[for=measure]').innerText()).length > 0, 'label');
  const before = await page.$$eval('path[data-land]', (ps) => ps.map((p) => p.getAttribute('fill')).join());
  await page.focus('#measure');
  await page.selectOption('#measure', 'verwaltung');
  await page.waitForFunction(() => location.hash.includes('measure=verwaltung'));
  await ready();
  expect((await text('#by-land-h')).includes('Hoheitliche Aufgaben'), 'chart names the measure');
  expect(await page.evaluate(() => document.activeElement.id) === 'measure', 'focus stays on the select');
  const after = await page.$$eval('path[data-land]', (ps) => ps.map((p) => p.getAttribute('fill')).join());
  expect(before !== after, 'map recoloured');
  await page.reload();
  await ready();
  await page.locator('#measure').waitFor();
  expect(await page.locator('#measure').inputValue() === 'verwaltung', 'measure restored');
  await page.locator('#nav a[data-view="list"]').click();
  await page.waitForFunction(() => !location.hash.includes('vergleich'));
  await ready();
  expect(!hash().includes('measure'), 'measure only on the comparison');
  const plain = await page.$$eval('path[data-land]', (ps) => new Set(ps.map((p) => p.getAttribute('fill'))).size);
  expect(plain === 1, `plain map again: ${plain} fills`);
});

await test('comparison in English', async () => {
  await open('#/vergleich?lang=en&measure=forschung');
  await page.locator('#coverage').waitFor();
  expect((await text('#view-h')) === 'Comparison of the states', `h2 ${await text('#view-h')}`);
  expect((await page.locator('#coverage td.gap').first().innerText()) === 'gap', 'gap in English');
  expect((await text('#nav a[data-view="vergleich"]')) === 'Compare the states', 'nav in English');
  await page.screenshot({ path: join(shots, 'vergleich-en.png'), fullPage: true });
  await axe('vergleich english');
});

await test('cooperation candidates: groups with Länder, terms and entry links', async () => {
  await open('#/kooperation');
  await page.locator('#view-h', { hasText: 'Kooperationskandidaten' }).waitFor();
  const groups = page.locator('ol.groups > li');
  expect(await groups.count() >= 2, `groups: ${await groups.count()}`);
  const g = page.locator('ol.groups > li', { hasText: 'Zukunftszentren' }).first();
  const meta = await g.locator('.meta').innerText();
  expect(meta.includes('Sachsen-Anhalt') && meta.includes('Bund'), `Länder: ${meta}`);
  expect((await g.locator('.reason').innerText()).includes('gemeinsame Begriffe'), 'shared terms');
  await g.locator('a', { hasText: 'Zukunftszentrum Digitale Arbeit' }).click();
  await page.waitForFunction(() => location.hash.startsWith('#/entry/st-zukunftszentrum-digitale-arbeit'));
  await page.goBack();
  await page.locator('ol.groups').waitFor();
  await page.screenshot({ path: join(shots, 'kooperation.png'), fullPage: true });
  await axe('kooperation');
});

await test('partners page: says plainly when empty', async () => {
  const res = await (await page.request.get(`${base}/api/partners`)).json();
  await open('#/partner');
  await page.locator('#view-h', { hasText: 'Partnersuche' }).waitFor();
  if (res.items.length) expect(await page.locator('.partner-list > li').count() === res.items.length, 'all listed');
  else expect((await text('#view .empty')).includes('sucht kein Eintrag Partner'), 'empty said plainly');
  await axe('partner');
  await open('#/partner?lang=en');
  await page.locator('#view-h', { hasText: 'Partners and reuse' }).waitFor();
  await axe('partner english');
});

// Issue 7: the editors' pages, in a browser of their own (edit.mjs).
{
  const r = await editorTests({ base, bin, env, shots });
  passed += r.passed;
  failed += r.failed;
}

await test('nothing loaded from outside; no console errors or CSP violations', async () => {
  expect(foreign.length === 0, `foreign requests: ${foreign.slice(0, 5)}`);
  expect(problems.length === 0, problems.slice(0, 8).join('\n'));
});

await ctx.close();
server.kill('SIGTERM');
rmSync(work, { recursive: true, force: true });
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
