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
// The page sets data-ready once the map and the first list are drawn and
// data-busy while it draws a later view (a hash change): a step is done
// when neither is pending. waitForLoadState alone returned at once after
// a hash change, and a test read the list of the filter before (CI, stop 16).
async function ready() {
  await page.waitForSelector('body[data-ready]:not([data-busy])', { timeout: 10000 });
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
  await ready();
  // the count of all entries, read from the page: the number of shipped
  // entries changes with the importer's rules
  const all = await text('#results .count');
  await page.locator('#q').pressSequentially('Kompetenzzentr', { delay: 20 });
  await page.waitForFunction(() => location.hash.includes('q=Kompetenzzentr'));
  await ready();
  await page
    .waitForFunction((a) => document.querySelector('#results .count')?.textContent.trim() !== a, all, { timeout: 5000 })
    .catch(() => {});
  expect((await text('#results .count')) !== all, `the list was filtered (${all})`);
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
  // The counts per Land from the table (the Bund is not on the map); which
  // Land has the most is the importer's business, the colours must follow.
  const counts = await page.locator('#by-land-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('th').innerText, Number(tr.querySelector('td').innerText.replace(/\D/g, ''))]));
  const values = counts.filter(([name]) => name !== 'Bund').map(([, n]) => n);
  // The choropleth: Länder with different values get different fills.
  const fills = await page.$$eval('path[data-land]', (ps) => ps.map((p) => p.getAttribute('fill')));
  expect(fills.length === 16 && new Set(fills).size >= 3, `fills ${[...new Set(fills)]}`);
  expect(await page.locator('#legend li').count() >= 3, 'legend');
  // Each Land's fill is its class: 0, then four equal steps up to the
  // largest count (web/compare.js classes, web/map.js COLOURS).
  const colours = ['#f3f1ea', '#c6dbef', '#6baed6', '#2b7bba', '#08306b'];
  const most = Math.max(...values);
  const step = Math.max(1, Math.ceil(most / 4));
  const want = values.map((v) => colours[Math.min(v === 0 ? 0 : 1 + Math.floor((v - 1) / step), 4)]);
  expect(values.length === 16 && [...want].sort().join() === [...fills].sort().join(),
    `fills ${[...fills].sort()} for counts ${values} (want ${[...want].sort()})`);
  expect(fills.includes(want[values.indexOf(most)]) && most > 0, `the most entries (${most}) darkest`);
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
  // ready() does not wait for the re-render of the same view: wait for it.
  await page.locator('#by-land-h', { hasText: 'Hoheitliche Aufgaben' }).waitFor({ timeout: 5000 });
  expect(await page.evaluate(() => document.activeElement.id) === 'measure', 'focus stays on the select');
  await page.waitForFunction((b) => [...document.querySelectorAll('path[data-land]')].map((p) => p.getAttribute('fill')).join() !== b,
    before, { timeout: 5000 }).catch(() => {});
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

// The funding and counts the reports state, listed apart and never added
// up, each linked to its entry; the change between two reports of a Land.
await test('comparison: stated funding and counts, apart and never summed', async () => {
  const api = await (await page.request.get(`${base}/api/compare`)).json();
  await open('#/vergleich');
  await page.locator('#funding').waitFor();
  const rowsOf = (kind) => api.rows.flatMap((r) => r.funding[kind].map((a) => ({ land: r.land, ...a })));
  for (const [kind, id] of [['totals', 'funding-totals'], ['per_year', 'funding-year']]) {
    const want = rowsOf(kind);
    const rows = page.locator(`#${id}-table tbody tr`);
    expect(await rows.count() === want.length, `${id}: ${await rows.count()} rows, API ${want.length}`);
    const bars = await page.locator(`#${id}-h ~ svg .chart-bar`).count();
    expect(bars === want.length, `${id}: ${bars} bars for ${want.length} amounts`);
    const hrefs = await page.locator(`#${id}-table tbody th a`).evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href'))));
    for (const a of want) expect(hrefs.some((x) => x.startsWith(`#/entry/${a.entry}`)), `${id}: link to ${a.entry}`);
  }
  const augsburg = await page.locator('#funding-totals-table tbody tr', { hasText: 'Augsburg' }).innerText();
  expect(augsburg.includes('2021–2025') && augsburg.includes('92.000.000'), `period and amount: ${augsburg}`);
  const hh = await page.locator('#funding-year-table tbody tr', { hasText: 'InnoTecHH' }).innerText();
  expect(hh.includes('2023–2024') && hh.includes('4.000.000'), `yearly budget: ${hh}`);
  // No sum anywhere: neither a Land's totals added up nor totals and
  // yearly budgets together.
  const text = await page.locator('#view').innerText();
  const de = (n) => new Intl.NumberFormat('de-DE').format(n);
  for (const r of api.rows) {
    const all = [...r.funding.totals, ...r.funding.per_year];
    if (all.length < 2) continue;
    const sum = all.reduce((x, a) => x + a.eur, 0);
    expect(!text.includes(de(sum)), `${r.land}: the sum ${de(sum)} is shown`);
  }
  const counts = api.rows.flatMap((r) => r.counts);
  expect(await page.locator('#counts-table tbody tr').count() === counts.length, 'a row per stated count');
  const prof = await page.locator('#counts-table tbody tr', { hasText: 'Humboldt' }).innerText();
  expect(prof.includes('30') && prof.includes('Professuren'), `count row: ${prof}`);
  expect(await page.locator('#counts-table thead th[scope=col]').count() === 4, 'count columns');
  await page.screenshot({ path: join(shots, 'vergleich-betraege.png'), fullPage: true });
});

await test('comparison: the change between two reports of the Bund', async () => {
  const api = await (await page.request.get(`${base}/api/compare`)).json();
  const bund = api.rows.find((r) => r.land === 'bund');
  const several = api.rows.filter((r) => r.reports.length > 1);
  expect(await page.locator('#changes section.change').count() === several.length, 'one block per Land with several reports');
  const block = page.locator('#change-bund');
  expect(await block.locator('tbody tr').count() === bund.reports.length, 'a row per report');
  const bars = await block.locator('svg .chart-value').allTextContents();
  const cells = await block.locator('tbody td.num').allTextContents();
  expect(bars.join() === cells.join(), `chart ${bars} vs table ${cells}`);
  const docHref = await block.locator('tbody th a').first().getAttribute('href');
  expect(docHref.startsWith('dokument.html?name='), `report link ${docHref}`);
  if (!bund.change.dated) expect((await block.innerText()).includes('nicht sicher'), 'undated order said');
  const summary = block.locator('details#change-bund-new summary');
  expect((await summary.innerText()).includes(`(${bund.change.new.length})`), 'count of new entries');
  await summary.click();
  const link = block.locator('details#change-bund-new a', { hasText: bund.change.new[0].title });
  await link.waitFor();
  await block.locator('details#change-bund-old summary').click();
  expect(await block.locator('details#change-bund-old li').count() === bund.change.not_repeated.length, 'not repeated listed');
  await axe('vergleich with the changes open');
  await link.click();
  await page.waitForFunction((id) => location.hash.startsWith(`#/entry/${id}`), bund.change.new[0].id);
  await page.locator('article.entry h2').waitFor();
});

await test('comparison: entries stating funding as the map measure', async () => {
  const api = await (await page.request.get(`${base}/api/compare`)).json();
  await open('#/vergleich');
  await page.locator('#measure').waitFor();
  await page.selectOption('#measure', 'funding');
  await page.waitForFunction(() => location.hash.includes('measure=funding'));
  await ready();
  await page.locator('#by-land-h', { hasText: 'Förderbetrag' }).waitFor({ timeout: 5000 });
  expect((await text('#legend-h')).includes('Förderbetrag'), 'legend names the measure');
  const n = (r) => new Set([...r.funding.totals, ...r.funding.per_year].map((a) => a.entry)).size;
  const max = Math.max(...api.rows.filter((r) => r.land !== 'bund').map(n));
  const top = api.rows.find((r) => r.land !== 'bund' && n(r) === max);
  const cell = await page.locator('#by-land-table tbody tr', { hasText: top.name }).locator('td').innerText();
  expect(cell === String(max), `${top.name}: ${cell}, expected ${max}`);
  // The top Land has the colour of the last class of the legend.
  const COLOURS = ['#f3f1ea', '#c6dbef', '#6baed6', '#2b7bba', '#08306b'];
  const last = Math.min(await page.locator('#legend li').count() - 1, 4);
  const fill = await page.getAttribute(`path[data-land="${top.land}"]`, 'fill');
  expect(fill === COLOURS[last], `${top.land}: ${fill}, expected ${COLOURS[last]}`);
  expect(await page.getAttribute('path[data-land="DE-MV"]', 'fill') === COLOURS[0], 'MV (none) lightest');
  await page.selectOption('#measure', 'counts');
  await page.waitForFunction(() => location.hash.includes('measure=counts'));
  await ready();
  await page.locator('#by-land-h', { hasText: 'genannter Anzahl' }).waitFor({ timeout: 5000 });
});

await test('comparison at 360 px: no horizontal scrolling', async () => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open('#/vergleich?measure=funding');
  await page.locator('#changes').waitFor();
  await page.locator('details#change-bund-new summary').click();
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide <= 360, `comparison is ${wide} px wide`);
  await page.screenshot({ path: join(shots, 'vergleich-360.png'), fullPage: true });
  await axe('vergleich 360px');
  await page.setViewportSize({ width: 1280, height: 900 });
});

await test('comparison in English', async () => {
  await open('#/vergleich?lang=en&measure=forschung');
  // The English view may land just after the page went quiet: wait for it.
  await page.locator('#view-h', { hasText: 'Comparison of the states' }).waitFor({ timeout: 5000 });
  await page.locator('#coverage').waitFor();
  await page.locator('#funding-h', { hasText: 'Stated funding' }).waitFor({ timeout: 5000 });
  expect((await page.locator('#coverage td.gap').first().innerText()) === 'gap', 'gap in English');
  expect((await text('#nav a[data-view="vergleich"]')) === 'Compare the states', 'nav in English');
  expect((await text('#funding-h')) === 'Stated funding', `funding heading ${await text('#funding-h')}`);
  expect((await text('#counts-h')) === 'Stated counts', 'counts heading');
  expect((await text('#change-h')) === 'Change between two reports', 'change heading');
  expect((await page.locator('#funding-totals-table thead th').allInnerTexts()).join('|') === 'State|Entry|Amount|Period|Wording in the report', 'English columns');
  expect((await page.locator('#funding-year-table tbody tr').first().innerText()).includes('€4,000,000'), 'English amounts');
  await page.locator('#measure').selectOption('funding');
  await page.waitForFunction(() => location.hash.includes('measure=funding'));
  await ready();
  await page.locator('#by-land-h', { hasText: 'Entries stating a funding amount' }).waitFor({ timeout: 5000 });
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

// Issue 6: the pages of the conference cycle, checked against the API.
const apiJSON = async (path) => (await page.request.get(base + path)).json();
const focusId = () => page.evaluate(() => document.activeElement?.id);
async function noSideScroll(name, width) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide <= width, `${name} is ${wide} px wide at ${width} px`);
}

await test('header navigation to the meetings by keyboard', async () => {
  await open();
  await tabTo(() => document.activeElement?.dataset?.view === 'sitzungen', 20);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.startsWith('#/sitzungen'));
  await ready();
  await page.locator('#meetings').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'view-h', null, { timeout: 5000 }).catch(() => {});
  expect(await focusId() === 'view-h', `focus on the heading, not ${await focusId()}`);
  expect((await text('#view-h')) === 'Sitzungen des Konferenzzyklus', `h2 ${await text('#view-h')}`);
  expect(await page.getAttribute('#nav a[data-view="sitzungen"]', 'aria-current') === 'page', 'aria-current');
  expect(!(await page.locator('.map-section').isVisible()), 'no map beside the meetings');
  expect(!(await page.locator('#results-section').isVisible()), 'no entry list');
});

await test('meetings list: body, date, time, place, chair, form', async () => {
  const api = await apiJSON('/api/meetings');
  const rows = page.locator('#meetings tbody tr');
  expect(await rows.count() === api.items.length, `rows ${await rows.count()} for ${api.items.length} meetings`);
  expect(await page.locator('#meetings tbody th[scope=row] a').count() === api.items.length, 'a row header linking each meeting');
  expect(await page.locator('#meetings thead th[scope=col]').count() === 8, 'eight column headers');
  expect((await text('#meetings caption')).length > 0, 'caption');
  const dmk = await rows.filter({ hasText: '1. Sitzung der DMK' }).innerText();
  for (const part of ['Digitalministerkonferenz (DMK)', '19. April 2024', '09:02–12:58 Uhr', 'Potsdam', 'Berlin und Brandenburg', 'vor Ort', '15'])
    expect(dmk.includes(part), `1st DMK meeting lacks "${part}": ${dmk}`);
  const d16 = await rows.filter({ hasText: '24. September 2020' }).innerText();
  expect(d16.includes('Bayern') && d16.includes('virtuell') && d16.includes('Digitalministertreffen'), `D16 2020: ${d16}`);
  const next = await rows.filter({ hasText: '2. Sitzung der DMK' }).innerText();
  expect(next.includes('geplant: Herbst 2024') && next.includes('(laut Turnus)'), `planned meeting: ${next}`);
  // Oldest first, as the API gives them.
  const links = await page.locator('#meetings tbody th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(links.join() === api.items.map((m) => `#/sitzung/${m.id}`).join(), `order ${links}`);
  await page.screenshot({ path: join(shots, 'sitzungen.png'), fullPage: true });
});
await test('axe: meetings', () => axe('sitzungen'));

await test('meeting page: the 1st DMK meeting of 2024 with its TOPs', async () => {
  const m = await apiJSON('/api/meetings/dmk-2024-1');
  await page.locator('#meetings a', { hasText: '1. Sitzung der DMK' }).click();
  await page.waitForFunction(() => location.hash.startsWith('#/sitzung/dmk-2024-1'));
  await ready();
  await page.locator('#agenda').waitFor();
  expect((await text('#view-h')) === '1. Sitzung der DMK, 19. April 2024', `h2 ${await text('#view-h')}`);
  expect(await focusId() === 'view-h', 'focus on the heading');
  expect(await page.getAttribute('#nav a[data-view="sitzungen"]', 'aria-current') === 'page', 'still under Sitzungen');
  const facts = await text('.meeting .facts');
  for (const part of ['Hasso-Plattner-Institut, Potsdam', '09:02–12:58 Uhr', 'Staatssekretär Dr. Benjamin Grimm', 'vor Ort'])
    expect(facts.includes(part), `facts lack "${part}"`);
  // The agenda: every TOP of the API, in order, with submitters and guests.
  const tops = await page.locator('#agenda tbody th[scope=row]').allInnerTexts();
  expect(tops.join() === m.agenda.map((a) => a.number).join(), `TOPs ${tops}`);
  expect(tops.length === 15 && tops[0] === '0' && tops[3] === '2a' && tops.at(-1) === '12', `TOP 0 to 12 with 2a/2b: ${tops}`);
  const top2 = await page.locator('#agenda tbody tr', { hasText: 'Konstituierung der Digitalministerkonferenz' }).innerText();
  expect(top2.includes('Brandenburg und Berlin'), `TOP 2 submitted by BB/BE: ${top2}`);
  const top3 = await page.locator('#agenda tbody tr', { hasText: 'Bericht des Bundesministers' }).innerText();
  expect(top3.includes('(BMDV)'), `TOP 3 guest: ${top3}`);
  // Resolutions with their numbered points, as many as the API has.
  const top6 = page.locator('section.agenda-item', { has: page.locator('#top6-h') });
  const want6 = m.agenda.find((a) => a.number === '6').resolutions.length;
  expect(await top6.locator('ol.points > li').count() === want6, `TOP 6 points: ${want6}`);
  const values = await top6.locator('ol.points > li').evaluateAll((ls) => ls.map((l) => l.value));
  expect(values.join() === m.agenda.find((a) => a.number === '6').resolutions.map((r) => r.point).join(), `point numbers ${values}`);
  // Point 7 asks the working group to report in autumn 2024: the task, and its meeting.
  const task = top6.locator('li.task[data-task="dmk-2024-1-top6-7-t1"]');
  expect((await task.innerText()).includes('Herbst 2024'), `task: ${await task.innerText()}`);
  expect(await task.locator('a').getAttribute('href') === '#/sitzung/dmk-2024-2', 'due meeting linked');
  // The ASMK's Umlaufbeschluss noted under TOP 9.
  const noted = page.locator('section.agenda-item', { has: page.locator('#top9-h') }).locator('.noted');
  expect((await noted.innerText()).includes('im Umlaufverfahren gefasst'), 'Umlaufbeschluss noted');
  // Annex 6 of TOP 11 and the registry entries imported from it.
  const top11 = page.locator('section.agenda-item', { has: page.locator('#top11-h') });
  const want11 = m.agenda.find((a) => a.number === '11').annexes[0].entries.length;
  expect((await top11.locator('.annexes > li').first().innerText()).startsWith('Anlage 6: Berichte der Länder'), 'annex 6');
  expect(await top11.locator('details.annex-entries a').count() === want11 && want11 > 50, `annex entries: ${want11}`);
  // The source passage of a point: the document page with the passage
  // marked, as from the entry view.
  const p1 = top6.locator('ol.points > li').first().locator('a.passage');
  const href = await p1.getAttribute('href');
  const u = new URL(href, base + '/');
  expect(u.pathname === '/dokument.html' && /^004_/.test(u.searchParams.get('name')) && /^\d+$/.test(u.searchParams.get('start')) &&
    u.searchParams.get('from').startsWith('#/sitzung/'), `passage link ${href}`);
  const raw = `/api/documents/${encodeURIComponent(u.searchParams.get('name'))}?start=${u.searchParams.get('start')}&end=${u.searchParams.get('end')}`;
  const passage = await (await page.request.get(base + raw)).text();
  expect(passage.includes('evidenzbasierte Digitalpolitik'), 'the passage of TOP 6, point 1');
  expect(await page.locator('#attendance tbody tr').count() === m.attendance.length, 'participants');
  await page.screenshot({ path: join(shots, 'sitzung.png'), fullPage: true });
});
await test('axe: meeting page', () => axe('sitzung'));

await test('meeting page by keyboard: agenda link to a TOP, then an entry of annex 6', async () => {
  await tabTo(() => document.activeElement?.closest?.('#agenda') && document.activeElement.textContent.startsWith('Zusammenarbeit des Bundes'), 80);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.includes('top=top6'));
  await ready();
  await page.waitForFunction(() => document.activeElement?.id === 'top6-h', null, { timeout: 5000 }).catch(() => {});
  expect(await focusId() === 'top6-h', `focus on TOP 6, not ${await focusId()}`);
  await page.reload();
  await ready();
  await page.locator('#top6-h').waitFor();
  const inView = await page.evaluate(() => { const r = document.getElementById('top6-h').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; });
  expect(inView, 'a link with top= shows that TOP');
  await open('#/sitzung/dmk-2024-1');
  await tabTo(() => document.activeElement?.tagName === 'SUMMARY' && document.activeElement.closest('#view'), 400);
  await page.keyboard.press('Enter');
  await tabTo(() => document.activeElement?.closest?.('details.annex-entries') && document.activeElement.tagName === 'A', 3);
  const id = (await page.evaluate(() => document.activeElement.getAttribute('href'))).match(/#\/entry\/([^?]+)/)[1];
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.startsWith('#/entry/'));
  await ready();
  await page.locator('article.entry').waitFor();
  const e = await apiJSON(`/api/entries/${id}`);
  expect((await text('article.entry h2')) === e.title, 'the entry of the annex opens');
  expect(e.source.document === '002_94e67f4646c14073.txt', `imported from annex 6: ${e.source.document}`);
  await page.goBack();
  await page.locator('#agenda').waitFor();
});

await test('meeting without TOPs: points, tasks and entries of the 2020 D16 meeting', async () => {
  const m = await apiJSON('/api/meetings/d16-2020-0924');
  await open('#/sitzung/d16-2020-0924');
  await page.locator('#points-h').waitFor();
  expect(await page.locator('ol.points > li').count() === m.resolutions.length, 'every point');
  const first = page.locator('ol.points > li').first();
  expect(await first.locator('a[href^="#/entry/bund-programm-der-ki-trainer"]').count() === 1, 'the entry from the point\'s span');
  expect(await first.locator('li.task').count() >= 1, 'its task');
  await axe('sitzung ohne TOP');
  // An unknown meeting says so; the browser logs the API's 404, which is
  // the one console error expected here.
  const before = problems.length;
  await open('#/sitzung/dmk-1999-9');
  await page.locator('#view-h', { hasText: 'nicht gefunden' }).waitFor();
  const extra = problems.splice(before);
  expect(extra.every((x) => x.includes('dmk-1999-9') && x.includes('404')), `unexpected: ${extra}`);
});

await test('open tasks: grouped by Land, sorted by due date, with owner, due, status, source', async () => {
  const api = await apiJSON('/api/tasks?open=1');
  await open('#/auftraege');
  await page.locator('.task-group').first().waitFor();
  expect((await text('#view .count')) === `${api.items.length} offene Aufträge`, `count ${await text('#view .count')}`);
  const shown = await page.locator('tr[data-task]').evaluateAll((rs) => rs.map((r) => r.dataset.task));
  expect(new Set(shown).size === api.items.length && api.items.every((x) => shown.includes(x.id)), 'every open task listed');
  const groups = await page.locator('.task-group').evaluateAll((gs) => gs.map((g) => g.dataset.group));
  expect(groups.slice(0, 3).join() === 'DE-BE,DE-BB,DE-SN', `Länder first, in order: ${groups}`);
  expect(groups.includes('bund') && groups.includes('alle'), `joint groups: ${groups}`);
  const byId = new Map(api.items.map((x) => [x.id, x]));
  for (const g of groups) {
    const ids = await page.locator(`.task-group[data-group="${g}"] tr[data-task]`).evaluateAll((rs) => rs.map((r) => r.dataset.task));
    const years = ids.map((id) => byId.get(id).due_year ?? 9999);
    expect(years.every((y, i) => !i || years[i - 1] <= y), `${g} sorted by due year: ${years}`);
    for (const id of ids) {
      const r = byId.get(id).responsible;
      expect(r.laender.includes(g) || (!r.laender.length && ((g === 'bund-laender' && r.all_laender && r.bund)
        || (g === 'alle' && r.all_laender && !r.bund) || (g === 'bund' && r.bund && !r.all_laender))), `${id} in group ${g}`);
    }
  }
  // The working group's task: under Sachsen (it leads), due at the 2nd DMK meeting.
  const ag = page.locator('.task-group[data-group="DE-SN"] tr[data-task="dmk-2024-1-top6-7-t1"]');
  const cells = await ag.locator('th, td').allInnerTexts();
  expect(cells[0].includes('Ergebnisse der Prüfung vorlegen'), `task: ${cells[0]}`);
  expect(cells[1].includes('Arbeitsgruppe') && cells[1].includes('leitet'), `owner: ${cells[1]}`);
  expect(cells[2].includes('Herbst 2024') && cells[2].includes('2. Sitzung der DMK'), `due: ${cells[2]}`);
  expect(cells[3] === 'offen', `status: ${cells[3]}`);
  expect(cells[4].includes('1. Sitzung der DMK, TOP 6, Ziffer 7'), `source: ${cells[4]}`);
  {
    const src = byId.get('dmk-2024-1-top6-7-t1').source;
    const u = new URL(await ag.locator('a.passage').getAttribute('href'), base + '/');
    expect(u.pathname === '/dokument.html' && u.searchParams.get('name') === '004_1bee85cc57329fa5.txt' &&
      u.searchParams.get('start') === String(src.start) && u.searchParams.get('end') === String(src.end), `passage link ${u}`);
  }
  // A task of the chair of 2024 stands with both chairing Länder.
  for (const g of ['DE-BE', 'DE-BB'])
    expect(await page.locator(`.task-group[data-group="${g}"] tr[data-task="dmk-2024-1-top6-4-t1"]`).count() === 1, `chair task under ${g}`);
  expect(await page.locator('table.tasks caption').count() === groups.length, 'a caption per table');
  await page.screenshot({ path: join(shots, 'auftraege.png'), fullPage: true });
  await axe('auftraege');
  await ag.locator('a', { hasText: 'TOP 6, Ziffer 7' }).click();
  await page.waitForFunction(() => location.hash.startsWith('#/sitzung/dmk-2024-1?top=top6'));
  await page.waitForFunction(() => document.activeElement?.id === 'top6-h', null, { timeout: 5000 }).catch(() => {});
  expect(await focusId() === 'top6-h', 'the source link leads to the TOP');
});

await test('chair rotation: every year with its Land and rule, 2019 to beyond 2040', async () => {
  const api = await apiJSON('/api/chair?from=2024&to=2056');
  await open('#/vorsitz');
  await page.locator('#chair-dmk').waitFor();
  const rows = page.locator('#chair-dmk tbody tr');
  expect(await rows.count() === api.items.length, `DMK rows ${await rows.count()}`);
  for (let i = 0; i < api.items.length; i++) {
    const c = api.items[i];
    const cells = await rows.nth(i).locator('th, td').allInnerTexts();
    expect(cells[0].startsWith(String(c.year)) && cells[1] === c.names && cells[2] === c.reason, `row ${c.year}: ${cells}`);
  }
  const row = async (y) => (await rows.filter({ has: page.locator('th', { hasText: String(y) }) }).first().locator('td').allInnerTexts());
  expect((await row(2024))[0] === 'Berlin und Brandenburg', '2024 joint');
  expect((await row(2025))[0] === 'Rheinland-Pfalz' && (await row(2025))[1].includes('Tausch'), `2025: ${await row(2025)}`);
  expect((await row(2031))[0] === 'Bremen', '2031 Bremen');
  expect((await row(2040))[0] === 'Brandenburg' && (await row(2041))[0] === 'Bremen', 'the order goes on after 2040');
  expect((await text('#dmk-h ~ p')).includes('Geschäftsordnung'), 'the DMK meeting rule');
  const d16 = await page.locator('#chair-d16 tbody tr').allInnerTexts();
  expect(d16.length === 5 && d16[0].startsWith('2019'), `D16 years: ${d16.length}`);
  expect(d16[1].includes('Bayern') && d16[1].includes('eines virtuell und eines vor Ort'), `2020 with the D16 rule: ${d16[1]}`);
  expect(await page.locator('#chair-dmk thead th[scope=col]').count() === 3 && await page.locator('#chair-dmk tbody th[scope=row]').count() === api.items.length, 'headers');
  expect(await page.locator('#chair-dmk a[href^="#/land/DE-RP"]').count() >= 1, 'Länder linked to their pages');
  await page.screenshot({ path: join(shots, 'vorsitz.png'), fullPage: true });
  await axe('vorsitz');
  // Further years by keyboard: the form keeps the focus, the URL the year.
  await page.focus('#bis');
  await page.fill('#bis', '2075');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.includes('bis=2075'));
  await ready();
  await page.locator('#chair-dmk tbody tr th', { hasText: '2075' }).waitFor();
  expect(await focusId() === 'bis', `focus stays in the form: ${await focusId()}`);
  const last = await page.locator('#chair-dmk tbody tr').last().locator('th, td').allInnerTexts();
  const c2075 = await apiJSON('/api/chair?year=2075');
  expect(last[0].startsWith('2075') && last[1] === c2075.names, `2075: ${last}`);
  await page.fill('#bis', '2300');
  await page.keyboard.press('Enter');
  expect(hash().includes('bis=2075'), 'a year out of range is refused by the form');
  expect(await page.evaluate(() => !document.getElementById('bis').checkValidity()), 'and marked invalid');
});

await test('conference pages in English', async () => {
  await open('#/vorsitz?lang=en');
  // From the German #/vorsitz only the hash changes: no new page load, so
  // the table of the German view is there before the English one replaces
  // it. Wait for the language switch (the check below says what it found).
  await page
    .waitForFunction(() => document.documentElement.lang === 'en' && document.getElementById('view-h')?.textContent.startsWith('Chair'), null, { timeout: 5000 })
    .catch(() => {});
  await page.locator('#chair-dmk').waitFor();
  expect((await text('#view-h')) === 'Chair: order of the states', `h2 ${await text('#view-h')}`);
  const r2025 = await page.locator('#chair-dmk tbody tr').nth(1).locator('td').allInnerTexts();
  expect(r2025[0] === 'Rhineland-Palatinate' && r2025[1].includes('exchanged') && r2025[1].includes('2031'), `2025: ${r2025}`);
  expect((await text('#nav a[data-view="auftraege"]')) === 'Reporting tasks', 'nav in English');
  await axe('vorsitz english');
  await open('#/sitzung/dmk-2024-1?lang=en');
  await page.locator('#agenda').waitFor();
  expect((await text('#view-h')) === '1st meeting of the DMK, 19 April 2024', `h2 ${await text('#view-h')}`);
  // The German texts of the protocol say so to a screen reader.
  expect(await page.locator('#top6-h span[lang="de"]').count() === 1, 'German title marked');
  expect(await page.locator('ol.points .point-text[lang="de"]').count() > 20, 'German points marked');
  await axe('sitzung english');
  await open('#/auftraege?lang=en');
  await page.locator('.task-group').first().waitFor();
  expect((await text('.task-group[data-group="bund"] h3')) === 'Federal government', 'group names in English');
  await axe('auftraege english');
});

await test('conference pages at 360 px: no side scrolling, no axe violations', async () => {
  await page.setViewportSize({ width: 360, height: 740 });
  try {
    for (const [hashPart, sel] of [['#/sitzungen', '#meetings'], ['#/sitzung/dmk-2024-1', '#agenda'], ['#/auftraege', '.task-group'], ['#/vorsitz', '#chair-dmk']]) {
      await open(hashPart);
      await page.locator(sel).first().waitFor();
      await noSideScroll(hashPart, 360);
      await axe(`${hashPart} 360px`);
    }
    await page.screenshot({ path: join(shots, 'vorsitz-mobile.png'), fullPage: true });
    // The wide tables scroll inside their own region, reachable by keyboard.
    expect(await page.locator('.table-scroll[role=region][tabindex="0"]').count() >= 2, 'scroll regions');
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

await test('back from the conference pages: the map and list again', async () => {
  await open('#/vorsitz');
  await page.locator('#nav a[data-view="list"]').click();
  await page.waitForFunction(() => !location.hash.includes('vorsitz'));
  await ready();
  expect(await page.locator('.map-section').isVisible(), 'map shown again');
  expect(await page.locator('#results ol.results > li').count() === 20, 'the list again');
  const laender = await page.locator('path[data-land]').count();
  expect(laender === 16, `Länder drawn: ${laender}`);
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
