// edit.mjs: browser tests of the editors' pages (issue 7), run by run.mjs
// against its real server and database. Accounts are made with the
// command line (`kilandkarte user add`, password on stdin), as
// tests/api/auth.sh does; everything else goes through the pages in
// Debian's chromium: sign-in, create an entry (the check at the field,
// in the page and from the server), upload a report and publish its
// draft from the review queue, edit one entry from two browser contexts
// (412, both versions side by side, merge), the history's diff and
// restore, publish, unpublish, delete and restore on the entry's page,
// the audit log, sign-out here and everywhere. axe-core on every new
// view at 1280 and 360 px; an entry titled with markup stays text.
//
//   const r = await editorTests({ base, bin, env, shots });  // {passed, failed}
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const AXE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PW = 'ein-langes-Testpasswort-7';
// The title of the entry made in the form: markup that must stay text.
const EVIL = '<script>alert("edit")</script><img src=x onerror=alert(3)> Redaktionsprobe';
const REPORT = `BY gibt folgenden Bericht zu Protokoll:

Mit dem Förderprogramm „KI-Werkstatt Oberpfalz“ unterstützt der Freistaat kleine und mittlere Unternehmen in Regensburg und Amberg bei der Einführung von KI. Das Programm ist mit 4 Mio. Euro ausgestattet.

NI gibt folgenden Bericht zu Protokoll:

Das „KI-Labor Weser“ in Bremerhaven und Nienburg erprobt KI-Anwendungen für die Verwaltung; das Land stellt 1,5 Mio. Euro bereit.
`;

export async function editorTests({ base, bin, env, shots }) {
  let passed = 0;
  let failed = 0;
  const cli = (args, input) => spawnSync(bin, args, { env, input, encoding: 'utf8' });
  for (const [name, ...rest] of [['anna', '--role', 'admin'], ['by', '--role', 'land-editor', '--land', 'DE-BY']]) {
    const r = cli(['user', 'add', name, ...rest], `${PW}\n`);
    if (r.status !== 0) {
      console.log(`FAIL: user add ${name}: ${r.stderr}`);
      return { passed: 0, failed: 1 };
    }
  }
  const token = cli(['user', 'token', 'anna']).stdout.trim();

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const foreign = [];
  const problems = [];
  const expected = []; // answers the tests provoke on purpose, logged by chromium
  let ended = false; // while the test of an ended session runs, its 401 is expected
  let probing = false; // while the form's checks are compared with the API's: 400, 403, 409
  async function context() {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith('data:')) return route.continue();
      foreign.push(url);
      return route.abort();
    });
    const page = await ctx.newPage();
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // Chromium logs every 4xx answer of fetch; the 400 and 412 the
      // tests provoke are expected, and the 401 of the wrong password
      // and of the ended session; nothing else is.
      const url = m.location()?.url || '';
      if (/Failed to load resource: the server responded with a status of (400|412)/.test(m.text())
        || (/status of 401/.test(m.text()) && (url.endsWith('/api/login') || (ended && url.includes('/api/entries/'))))
        || (probing && /status of (403|409)/.test(m.text()))) expected.push(m.text());
      else problems.push(`${page.url()}: ${m.text()} (${m.location()?.url || ''})`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
    return { ctx, page };
  }
  const A = await context(); // the Bayern editor
  const B = await context(); // the admin
  let current = A.page;

  async function test(name, fn) {
    try {
      await fn();
      passed++;
    } catch (e) {
      failed++;
      console.log(`FAIL: ${name}\n  ${String(e.message).split('\n').slice(0, 6).join('\n  ')}`);
      await current.screenshot({ path: join(shots, `fail-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
    }
  }
  function expect(cond, msg) {
    if (!cond) throw new Error(msg);
  }
  async function axe(page, name) {
    await page.evaluate(AXE);
    const res = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), AXE_TAGS);
    const v = res.violations;
    console.log(`axe ${name}: ${v.length} violations, ${res.passes.length} rules passed`);
    expect(v.length === 0, v.map((x) => `${x.id} (${x.impact}): ${x.help} — ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`).join('\n'));
  }
  // go(page, hash): open a view and wait until its heading is drawn.
  async function go(page, hash) {
    current = page;
    // A load of its own each time (a mere change of the hash would keep
    // the old view around until the new one is drawn).
    await page.goto('about:blank');
    await page.goto(`${base}/${hash}`);
    await page.waitForSelector('body[data-ready]', { timeout: 10000 });
    await page.waitForSelector('#view-h');
    await page.waitForLoadState('networkidle');
  }
  const text = (page, sel) => page.locator(sel).first().innerText();
  const focusId = (page) => page.evaluate(() => document.activeElement?.id || '');
  // No element made from stored text: the markup title stays characters.
  async function noMarkup(page, where) {
    const n = await page.locator('#view script, #view img, #account script, #account img').count();
    expect(n === 0, `${where}: ${n} elements from stored text`);
  }
  async function narrow(page, name) {
    await page.setViewportSize({ width: 360, height: 740 });
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.screenshot({ path: join(shots, `${name}-360.png`), fullPage: true });
    await axe(page, `${name} 360px`);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(w <= 360, `${name}: ${w} px wide at 360`);
  }
  const api = async (path, opts = {}) => {
    const res = await fetch(`${base}${path}`, { ...opts, headers: { Accept: 'application/json', ...(opts.headers || {}) } });
    const body = await res.text();
    return { status: res.status, etag: res.headers.get('etag'), data: body ? JSON.parse(body) : null };
  };
  const asAdmin = (path, opts = {}) => api(path, { ...opts, headers: { Authorization: `Bearer ${token}`, ...(opts.headers || {}) } });

  // ---- Signing in --------------------------------------------------------
  await test('editor: login form, a wrong password named at the field', async () => {
    await go(A.page, '#/anmelden');
    expect((await text(A.page, '#view-h')) === 'Anmelden', 'login heading');
    expect(await A.page.locator('#account').isHidden(), 'no account bar before signing in');
    await axe(A.page, 'login');
    await A.page.fill('#login-user', 'by');
    await A.page.fill('#login-pw', 'falsch-falsch-falsch');
    await A.page.press('#login-pw', 'Enter');
    await A.page.locator('#login-error:not([hidden])').waitFor();
    expect((await text(A.page, '#login-error')).includes('Name oder Passwort falsch'), `error: ${await text(A.page, '#login-error')}`);
    expect(await A.page.getAttribute('#login-pw', 'aria-invalid') === 'true', 'password marked');
    expect(await focusId(A.page) === 'login-pw', 'focus on the password');
    await axe(A.page, 'login with error');
    await narrow(A.page, 'login');
  });

  await test('editor: sign in by keyboard, the page remembers it after a reload', async () => {
    await A.page.fill('#login-pw', '');
    await A.page.focus('#login-user');
    await A.page.keyboard.press('Tab');
    expect(await focusId(A.page) === 'login-pw', 'Tab from name to password');
    await A.page.keyboard.type(PW);
    await A.page.keyboard.press('Enter');
    await A.page.waitForFunction(() => location.hash.startsWith('#/pruefen'));
    await A.page.locator('#account .who').waitFor();
    expect((await text(A.page, '#account .who')).includes('Angemeldet als by (Landesredaktion Bayern)'), `bar: ${await text(A.page, '#account .who')}`);
    await A.page.reload();
    await A.page.waitForSelector('body[data-ready]');
    await A.page.locator('#account .who').waitFor();
    expect((await text(A.page, '#view-h')) === 'Entwürfe prüfen', 'still on the review queue');
    expect(!(await A.page.locator('.login-form').count()), 'no login form after the reload');
  });

  await test('editor: the admin signs in in a second browser context', async () => {
    await go(B.page, '#/protokoll');
    expect((await text(B.page, '#view-h')) === 'Bitte anmelden', 'asks to sign in');
    await B.page.fill('.login-form input[name=user]', 'anna');
    await B.page.fill('.login-form input[name=password]', PW);
    await B.page.click('.login-form button[type=submit]');
    await B.page.locator('#view-h', { hasText: 'Protokoll' }).waitFor();
    expect((await text(B.page, '#account .who')).includes('anna (Administration)'), 'admin named');
  });

  // ---- Creating an entry -------------------------------------------------
  let id = '';
  await test('editor: new entry, a missing title named at the field', async () => {
    await A.page.click('#account a[href^="#/neu"]');
    await A.page.waitForSelector('#ed-form');
    current = A.page;
    expect(await A.page.inputValue('#ed-land') === 'DE-BY', 'Land preset from the account');
    await axe(A.page, 'new entry form');
    await A.page.selectOption('#ed-kind', 'project');
    await A.page.click('#ed-save');
    await A.page.locator('#ed-title-error').waitFor();
    expect((await text(A.page, '#ed-title-error')).includes('Pflicht'), `title error: ${await text(A.page, '#ed-title-error')}`);
    expect(await A.page.getAttribute('#ed-title', 'aria-invalid') === 'true', 'title marked invalid');
    expect((await A.page.getAttribute('#ed-title', 'aria-describedby')).includes('ed-title-error'), 'error tied to the field');
    expect(await focusId(A.page) === 'ed-title', 'focus on the title');
    expect(await A.page.locator('#ed-errors li').count() === 1, 'one problem in the summary');
    expect(await A.page.inputValue('#ed-kind') === 'project', 'the chosen kind kept');
    await A.page.screenshot({ path: join(shots, 'edit-error.png'), fullPage: true });
    await axe(A.page, 'new entry with error');
    await narrow(A.page, 'edit-error');
  });

  await test('editor: a place the server cannot find is named at the places field', async () => {
    await A.page.fill('#ed-title', EVIL);
    await A.page.fill('#ed-summary', 'Erste Fassung der Redaktionsprobe.');
    await A.page.fill('#ed-places', 'Atlantisstadt am Meer');
    await A.page.fill('#ed-years', '2023, 2100');
    await A.page.check('input[name=fields][value=verwaltung]');
    await A.page.click('#ed-amounts-add');
    expect(await focusId(A.page) === 'ed-amounts-0-eur', 'focus in the new amount');
    await A.page.keyboard.type('250000');
    await A.page.fill('#ed-amounts-0-text', '250.000 Euro');
    await A.page.click('#ed-save');
    await A.page.locator('#ed-places-error').waitFor();
    const msg = await text(A.page, '#ed-places-error');
    expect(msg.includes('Atlantisstadt'), `places error: ${msg}`);
    expect(await focusId(A.page) === 'ed-places', 'focus on the places');
    expect(await A.page.inputValue('#ed-title') === EVIL, 'title kept as typed');
    expect(await A.page.inputValue('#ed-amounts-0-eur') === '250000', 'amount kept');
    await noMarkup(A.page, 'form');
  });

  await test('editor: the entry is created', async () => {
    await A.page.fill('#ed-places', 'Regensburg');
    await A.page.fill('#ed-reason', 'Test der Redaktion');
    await A.page.click('#ed-save');
    await A.page.waitForFunction(() => location.hash.startsWith('#/bearbeiten/'));
    await A.page.locator('#ed-notice', { hasText: 'Angelegt' }).waitFor();
    id = decodeURIComponent(new URL(A.page.url()).hash.split('/')[2].split('?')[0]);
    expect(id.startsWith('by-script-alert-edit'), `id ${id}`);
    expect((await text(A.page, '#view-h')) === `Bearbeiten: ${EVIL}`, `heading: ${await text(A.page, '#view-h')}`);
    await noMarkup(A.page, 'edit form');
    const e = (await asAdmin(`/api/entries/${id}`)).data;
    expect(e.title === EVIL && e.status === 'draft' && e.places[0].name === 'Regensburg' && e.amounts[0].eur === 250000
      && e.years.join() === '2023,2100' && e.fields.join() === 'verwaltung', `stored: ${JSON.stringify(e).slice(0, 300)}`);
    await A.page.screenshot({ path: join(shots, 'edit-created.png'), fullPage: true });
    await axe(A.page, 'edit form');
  });

  // The same body through the form's checks (web/fields.js) and the API:
  // both accept it or both refuse it, naming the same field. The id of
  // the entry made above, so an accepted body ends in 409 (or 403 for
  // the Bund), never in a new entry.
  await test('editor: the form checks what the API checks', async () => {
    const long = (c, n) => c.repeat(n);
    const cases = [
      ['valid', {}], ['no title', { title: '' }], ['title too long', { title: long('x', 301) }],
      ['no kind', { kind: '' }], ['Land level without Land', { land: '' }],
      ['Bund with a Land', { level: 'bund' }], ['Bund without Land', { level: 'bund', land: '' }],
      ['municipality without Land', { level: 'kommune', land: '' }],
      ['bad id', { id: 'Gross' }], ['id too long', { id: long('a', 101) }],
      ['amount zero', { amounts: [{ eur: '0', per_year: false, from: '', to: '', text: '' }] }],
      ['amount years reversed', { amounts: [{ eur: '5', per_year: true, from: '2025', to: '2020', text: '' }] }],
      ['amount year too early', { amounts: [{ eur: '5', per_year: false, from: '1800', to: '', text: '' }] }],
      ['amount text too long', { amounts: [{ eur: '5', per_year: false, from: '', to: '', text: long('t', 201) }] }],
      ['amount valid', { amounts: [{ eur: '1500000', per_year: true, from: '2021', to: '2025', text: '1,5 Mio. Euro' }] }],
      ['count negative', { counts: [{ n: '-1', of: 'Stellen' }] }], ['count fraction', { counts: [{ n: '1.5', of: 'Stellen' }] }],
      ['count without of', { counts: [{ n: '3', of: '' }] }], ['count valid', { counts: [{ n: '3', of: 'Stellen' }] }],
      ['year too early', { years: '2023, 1899' }], ['year not a number', { years: '20x3' }], ['years valid', { years: '2023 2024' }],
      ['ftp link', { links: 'ftp://example.org' }], ['link valid', { links: 'https://example.org/ki' }],
      ['summary too long', { summary: long('ä', 2501) }], ['summary at the limit', { summary: long('a', 5000) }],
      ['alias too long', { aliases: long('b', 301) }], ['organisation too long', { organisations: `Gut\n${long('o', 301)}` }],
      ['place name too long', { places: long('p', 201) }],
    ];
    probing = true;
    const out = await A.page.evaluate(async ({ cases, id }) => {
      const f = await import('/fields.js');
      const session = await import('/session.js');
      const res = [];
      for (const [name, patch] of cases) {
        const m = { ...f.toModel({ id, title: 'Paritätsprobe', kind: 'project', level: 'land', land: 'DE-BY' }), reason: '', ...patch };
        const client = Object.keys(f.validate(m))[0] || null;
        const a = await session.send('POST', '/api/entries', { json: f.toEntry(m) });
        res.push({ name, client, status: a.status, server: a.status === 400 ? f.serverField(a.data).key : null, detail: a.data?.detail });
      }
      return res;
    }, { cases, id });
    probing = false;
    const wrong = out.filter((r) => (r.status === 400) !== (r.client !== null) || (r.status === 400 && r.client !== r.server)
      || ![400, 403, 409].includes(r.status));
    expect(wrong.length === 0, wrong.map((r) => `${r.name}: form ${r.client}, API ${r.status} ${r.server} (${r.detail})`).join('\n'));
    expect(out.filter((r) => r.status === 400).length === 22, `refused: ${out.filter((r) => r.status === 400).length}`);
  });

  // ---- Upload and review ---------------------------------------------------
  await test('editor: upload a report, its draft in the review queue beside the passage', async () => {
    await go(A.page, '#/pruefen');
    await A.page.setInputFiles('#up-file', { name: 'Bericht Bayern März.txt', mimeType: 'text/plain', buffer: Buffer.from(REPORT) });
    expect(await A.page.inputValue('#up-name') === 'Bericht-Bayern-Maerz.txt', `name: ${await A.page.inputValue('#up-name')}`);
    await A.page.click('#up-send');
    await A.page.waitForFunction(() => location.hash.includes('doc=Bericht-Bayern-Maerz.txt'));
    await A.page.locator('#rv-notice').waitFor();
    const note = await text(A.page, '#rv-notice');
    expect(note.includes('2 Vorschläge, 1 als Entwurf angelegt') && note.includes('KI-Labor Weser'), `notice: ${note}`);
    expect(await focusId(A.page) === 'rv-notice', 'focus on the outcome');
    const card = A.page.locator('article.draft', { hasText: 'KI-Werkstatt Oberpfalz' });
    expect(await A.page.locator('article.draft').count() === 1, 'only the new draft of this report');
    const marked = await card.locator('.passage mark').innerText();
    expect(marked.includes('Förderprogramm „KI-Werkstatt Oberpfalz“') && marked.includes('4 Mio. Euro'), `passage: ${marked}`);
    const around = await card.locator('.passage').innerText();
    expect(around.includes('BY gibt folgenden Bericht') && around.length > marked.length, 'context around the passage');
    const fields = await card.locator('dl.fields').innerText();
    expect(fields.includes('Regensburg (Bayern)') && fields.includes('Amberg') && fields.includes('4.000.000'), `fields: ${fields}`);
    await A.page.screenshot({ path: join(shots, 'review.png'), fullPage: true });
    await axe(A.page, 'review queue');
    await narrow(A.page, 'review');
  });

  await test('editor: publish the draft from the review queue', async () => {
    const card = A.page.locator('article.draft', { hasText: 'KI-Werkstatt Oberpfalz' });
    await card.locator('button[data-act=publish]').focus();
    await A.page.keyboard.press('Enter');
    await A.page.locator('#rv-notice', { hasText: 'veröffentlicht' }).waitFor();
    expect(await A.page.locator('article.draft').count() === 0, 'the queue of this report is empty');
    const pub = await api('/api/entries/by-ki-werkstatt-oberpfalz');
    expect(pub.status === 200 && pub.data.status === 'published', `public: ${pub.status}`);
    const hist = (await asAdmin('/api/entries/by-ki-werkstatt-oberpfalz/history')).data.versions;
    expect(hist[0].by === 'by' && hist[0].reason === 'Geprüft und veröffentlicht', `history: ${JSON.stringify(hist[0]).slice(0, 200)}`);
  });

  await test('editor: the markup title is text in the review queue', async () => {
    await go(A.page, '#/pruefen');
    const card = A.page.locator('article.draft', { hasText: 'Redaktionsprobe' });
    expect((await card.locator('h4').innerText()) === EVIL, 'title as text');
    await noMarkup(A.page, 'review');
  });

  // ---- Two editors at once: 412 and merge ----------------------------------
  await test('editor: a stale edit is refused, both versions shown to merge', async () => {
    await go(A.page, `#/bearbeiten/${id}`);
    await go(B.page, `#/bearbeiten/${id}`);
    // The admin saves first: a new summary and an organisation.
    await B.page.fill('#ed-summary', 'Fassung B der Beschreibung.');
    await B.page.fill('#ed-organisations', 'Organisation B');
    await B.page.click('#ed-save');
    await B.page.locator('#ed-notice', { hasText: 'Version 2' }).waitFor();
    // The Land's editor, still on version 1: summary and years.
    current = A.page;
    await A.page.fill('#ed-summary', 'Fassung A der Beschreibung.');
    await A.page.fill('#ed-years', '2024');
    await A.page.click('#ed-save');
    await A.page.locator('#ed-merge').waitFor();
    expect((await text(A.page, '#ed-notice')).includes('inzwischen geändert'), 'says why');
    expect((await text(A.page, '#ed-merge')).includes('gespeichert von anna'), 'names who saved');
    const keys = await A.page.$$eval('#ed-merge fieldset.merge-field', (fs) => fs.map((f) => f.id));
    expect(keys.join() === 'mg-organisations,mg-summary,mg-years', `fields to merge: ${keys}`);
    expect((await A.page.locator('#mg-summary .side.mine').innerText()).includes('Fassung A'), 'mine beside');
    expect((await A.page.locator('#mg-summary .side.theirs').innerText()).includes('Fassung B'), 'theirs');
    expect((await text(A.page, '#mg-summary legend')).includes('von beiden geändert'), 'both changed it');
    expect(await A.page.isChecked('#mg-years input[value=mine]'), 'years: only mine changed');
    expect(await A.page.isChecked('#mg-organisations input[value=theirs]'), 'organisations: only theirs');
    expect(!(await A.page.isChecked('#mg-summary input[value=mine]')) && !(await A.page.isChecked('#mg-summary input[value=theirs]')), 'summary: a choice to make');
    expect((await text(A.page, '#mg-years legend')).includes('von Ihnen geändert'), 'years: said who changed it');
    expect((await text(A.page, '#mg-organisations legend')).includes('inzwischen geändert'), 'organisations: said who changed it');
    const stored = (await asAdmin(`/api/entries/${id}`)).data;
    expect(stored.version === 2 && stored.summary === 'Fassung B der Beschreibung.', 'nothing overwritten');
    await noMarkup(A.page, 'merge');
    expect((await text(A.page, '#view-h')).includes(EVIL), 'title as text in the merge view');
    await A.page.screenshot({ path: join(shots, 'merge.png'), fullPage: true });
    await axe(A.page, 'merge');
  });

  await test('editor: the merge needs a choice, made by keyboard, saved against the current ETag', async () => {
    await A.page.click('#mg-save');
    await A.page.locator('#mg-error').waitFor();
    expect((await text(A.page, '#mg-error')).includes('Beschreibung'), 'names the open field');
    expect(await A.page.evaluate(() => document.activeElement?.name) === 'mg-summary', 'focus on its choice');
    await A.page.keyboard.press('Space');
    expect(await A.page.isChecked('#mg-summary input[value=mine]'), 'mine chosen by keyboard');
    await A.page.click('#mg-save');
    await A.page.locator('#ed-notice', { hasText: 'Zusammengeführt und gespeichert als Version 3' }).waitFor();
    const e = (await asAdmin(`/api/entries/${id}`)).data;
    expect(e.version === 3 && e.summary === 'Fassung A der Beschreibung.' && e.years.join() === '2024'
      && e.organisations.join() === 'Organisation B' && e.title === EVIL, `merged: ${JSON.stringify(e).slice(0, 300)}`);
    expect(await A.page.inputValue('#ed-summary') === 'Fassung A der Beschreibung.', 'the form shows the merged version');
  });

  // ---- History ---------------------------------------------------------------
  await test('editor: history with a readable diff, any two versions compared', async () => {
    await A.page.click('.crumbs a[href^="#/verlauf/"]');
    await A.page.locator('#view-h', { hasText: 'Verlauf' }).waitFor();
    await A.page.waitForLoadState('networkidle');
    expect((await text(A.page, '#view-h')) === `Verlauf: ${EVIL}`, 'heading with the title as text');
    expect(await A.page.locator('ol.versions > li').count() === 3, 'three versions');
    const v3 = A.page.locator('ol.versions > li').first();
    const meta = await v3.locator('.meta').innerText();
    expect(meta.includes('von by'), `who: ${meta}`);
    const diff = v3.locator('#hi-3-summary').locator('xpath=..');
    expect((await diff.locator('.before del').innerText()).includes('B'), 'old word struck out');
    expect((await diff.locator('.after ins').innerText()).includes('A'), 'new word inserted');
    expect((await diff.locator('.after ins .visually-hidden').first().innerText()).includes('hinzugefügt'), 'named in words');
    const v2 = A.page.locator('ol.versions > li').nth(1);
    expect((await v2.locator('.meta').innerText()).includes('von anna'), 'version 2 by the admin');
    expect((await v3.innerText()).includes('Jahre'), 'years in the diff');
    await A.page.selectOption('#hi-from', '1');
    await A.page.selectOption('#hi-to', '3');
    await A.page.click('#hi-compare');
    await A.page.waitForFunction(() => document.activeElement?.id === 'hi-cmp-result');
    const cmp = await text(A.page, '#hi-cmp-result');
    expect(cmp.includes('Organisationen') && cmp.includes('Beschreibung') && cmp.includes('Jahre'), `compare 1-3: ${cmp.slice(0, 200)}`);
    await noMarkup(A.page, 'history');
    await A.page.screenshot({ path: join(shots, 'history.png'), fullPage: true });
    await axe(A.page, 'history');
    await narrow(A.page, 'history');
  });

  await test('editor: restore a version from the history', async () => {
    await A.page.click('button.restore[data-version="1"]');
    await A.page.locator('#hi-notice', { hasText: 'Version 1 ist wiederhergestellt, als neue Version 4' }).waitFor();
    expect(await focusId(A.page) === 'hi-notice', 'focus on the outcome');
    const e = (await asAdmin(`/api/entries/${id}`)).data;
    expect(e.version === 4 && e.summary === 'Erste Fassung der Redaktionsprobe.' && !e.organisations.length, `restored: ${e.summary}`);
    expect(await A.page.locator('ol.versions > li').count() === 4, 'four versions now');
  });

  // ---- The entry's page: publish, unpublish, delete, restore ------------------
  await test('editor: publish, unpublish and delete on the entry page, restore after', async () => {
    await go(A.page, `#/entry/${id}`);
    await A.page.locator('section.tools').waitFor();
    expect((await text(A.page, 'article.entry h2')) === EVIL, 'entry heading as text');
    await axe(A.page, 'entry with editor tools');
    await A.page.click('#tools-toggle');
    await A.page.locator('#tools-status', { hasText: 'Veröffentlicht' }).waitFor();
    expect((await api(`/api/entries/${id}`)).status === 200, 'public now');
    expect((await text(A.page, '#tools-toggle')) === 'Zurückziehen', 'now offers to unpublish');
    await A.page.click('#tools-toggle');
    await A.page.locator('#tools-status', { hasText: 'Zurückgezogen' }).waitFor();
    expect((await api(`/api/entries/${id}`)).status === 404, 'hidden from the public again');
    await A.page.click('#tools-delete');
    await A.page.waitForFunction(() => location.hash.startsWith('#/verlauf/'));
    await A.page.locator('#hi-gone').waitFor();
    expect((await asAdmin(`/api/entries/${id}`)).status === 404, 'deleted');
    await axe(A.page, 'history of a deleted entry');
    await A.page.click('#hi-restore-last');
    await A.page.locator('#hi-notice', { hasText: 'Wiederhergestellt als Version 8' }).waitFor();
    const e = (await asAdmin(`/api/entries/${id}`)).data;
    expect(e.version === 8 && e.title === EVIL && e.status === 'draft', `restored: v${e.version} ${e.status}`);
  });

  await test('editor: delete from the review queue and undo', async () => {
    await go(A.page, '#/pruefen');
    const card = A.page.locator('article.draft', { hasText: 'Redaktionsprobe' });
    await card.locator('button[data-act=delete]').click();
    await A.page.locator('#rv-notice', { hasText: 'gelöscht' }).waitFor();
    expect(await A.page.locator('article.draft', { hasText: 'Redaktionsprobe' }).count() === 0, 'gone from the queue');
    await A.page.click('#rv-undo');
    await A.page.locator('#rv-notice', { hasText: 'wiederhergestellt' }).waitFor();
    expect(await A.page.locator('article.draft', { hasText: 'Redaktionsprobe' }).count() === 1, 'back in the queue');
    await A.page.click('#rv-deleted');
    await A.page.locator('#rv-deleted-h').waitFor();
    await A.page.waitForFunction(() => !document.getElementById('rv-deleted'));
  });

  // ---- 360 px: the form and a merge ----------------------------------------------
  await test('editor: at 360 px the form and a merge fit, without horizontal scrolling', async () => {
    await A.page.setViewportSize({ width: 360, height: 740 });
    await go(A.page, `#/bearbeiten/${id}`);
    // Someone else changes the entry through the API meanwhile.
    const cur = await asAdmin(`/api/entries/${id}`);
    const body = { ...cur.data, summary: 'Per API geändert.' };
    delete body.version;
    delete body.updated_at;
    const put = await asAdmin(`/api/entries/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': cur.etag }, body: JSON.stringify(body) });
    expect(put.status === 200, `API edit ${put.status}`);
    await A.page.fill('#ed-summary', 'In der Seite geändert.');
    await A.page.click('#ed-save');
    await A.page.locator('#ed-merge').waitFor();
    const w = await A.page.evaluate(() => document.documentElement.scrollWidth);
    expect(w <= 360, `merge is ${w} px wide`);
    await A.page.screenshot({ path: join(shots, 'merge-360.png'), fullPage: true });
    await axe(A.page, 'merge 360px');
    // Take the current summary, back into the form, and save from there.
    await A.page.check('#mg-summary input[value=theirs]');
    await A.page.click('#mg-form');
    await A.page.locator('#ed-form').waitFor();
    expect((await text(A.page, '#ed-notice')).includes('Noch nicht gespeichert'), 'says it is not saved yet');
    expect(await A.page.inputValue('#ed-summary') === 'Per API geändert.', 'the chosen version in the form');
    await A.page.fill('#ed-years', '2025');
    await A.page.click('#ed-save');
    await A.page.locator('#ed-notice', { hasText: 'Gespeichert als Version' }).waitFor();
    const e = (await asAdmin(`/api/entries/${id}`)).data;
    expect(e.summary === 'Per API geändert.' && e.years.join() === '2025', `saved: ${e.summary} ${e.years}`);
    await A.page.setViewportSize({ width: 1280, height: 900 });
    await narrow(A.page, 'edit');
  });

  await test('editor: the session ends while editing: signing in again in the form keeps the input', async () => {
    await go(A.page, `#/bearbeiten/${id}`);
    await A.page.fill('#ed-summary', 'Nach erneuter Anmeldung gespeichert.');
    const before = await A.ctx.cookies();
    await A.ctx.clearCookies(); // as if the session had expired
    ended = true;
    await A.page.click('#ed-save');
    await A.page.locator('#ed-login-user').waitFor();
    expect((await text(A.page, '#ed-notice')).includes('Sitzung ist abgelaufen'), 'says the session ended');
    expect(await A.page.inputValue('#ed-summary') === 'Nach erneuter Anmeldung gespeichert.', 'input kept');
    await axe(A.page, 'form with login inside');
    await A.page.fill('#ed-login-user', 'by');
    await A.page.fill('#ed-login-pw', PW);
    await A.page.press('#ed-login-pw', 'Enter');
    await A.page.locator('#ed-notice', { hasText: 'Wieder angemeldet' }).waitFor();
    ended = false;
    expect(await A.page.inputValue('#ed-summary') === 'Nach erneuter Anmeldung gespeichert.', 'input still there');
    await A.page.click('#ed-save');
    await A.page.locator('#ed-notice', { hasText: 'Gespeichert als Version' }).waitFor();
    expect((await asAdmin(`/api/entries/${id}`)).data.summary === 'Nach erneuter Anmeldung gespeichert.', 'saved');
    expect(before.length > 0, 'there was a cookie to lose');
  });

  // ---- Audit log ---------------------------------------------------------------
  await test('editor: the audit log for admins only', async () => {
    await go(B.page, '#/protokoll');
    await B.page.locator('table.audit').waitFor();
    const log = await B.page.locator('table.audit').innerText();
    for (const w of ['Anmeldung', 'Fehlversuch', 'geändert', 'Bericht hochgeladen', 'gelöscht', 'wiederhergestellt'])
      expect(log.includes(w), `audit lacks ${w}`);
    await B.page.fill('#au-user', 'by');
    await B.page.press('#au-user', 'Enter');
    await B.page.waitForFunction(() => document.querySelector('#au-caption')?.textContent.includes('des Kontos by'));
    const who = await B.page.$$eval('table.audit tbody tr td:nth-child(3)', (tds) => [...new Set(tds.map((td) => td.textContent))]);
    expect(who.join() === 'by', `only by: ${who}`);
    await B.page.screenshot({ path: join(shots, 'audit.png'), fullPage: true });
    await axe(B.page, 'audit');
    await narrow(B.page, 'audit');
    await go(A.page, '#/protokoll');
    expect((await text(A.page, '#view-h')) === 'Nicht erlaubt', 'not for the Land editor');
  });

  await test('editor: the pages in English', async () => {
    await go(A.page, `#/verlauf/${id}?lang=en`);
    expect((await text(A.page, '#view-h')) === `History: ${EVIL}`, `heading ${await text(A.page, '#view-h')}`);
    expect((await text(A.page, '#account .who')).includes('Signed in as by'), 'bar in English');
    await axe(A.page, 'history english');
    await go(A.page, '#/pruefen?lang=en');
    expect((await text(A.page, '#view-h')) === 'Review drafts', 'review in English');
  });

  // The server's message in the page's language (Accept-Language), marked
  // with the language of the answer (Content-Language).
  await test('editor: a server message in English on the English page, lang="en"', async () => {
    const binary = { name: 'binaer.txt', mimeType: 'text/plain', buffer: Buffer.from([0, 1, 0x62, 0x69, 0x6e]) };
    await go(A.page, '#/pruefen?lang=en');
    await A.page.setInputFiles('#up-file', binary);
    await A.page.click('#up-send');
    await A.page.locator('#up-error:not([hidden]) span[lang]').waitFor();
    const en = A.page.locator('#up-error span[lang]');
    expect(await en.getAttribute('lang') === 'en', `lang ${await en.getAttribute('lang')}`);
    const msg = await en.innerText();
    expect(msg === 'binaer.txt: not a text file (NUL byte at byte 0, line 1); text is expected, e.g. from pdftotext', `English message: ${msg}`);
    await axe(A.page, 'upload error english');
    await go(A.page, '#/pruefen');
    await A.page.setInputFiles('#up-file', binary);
    await A.page.click('#up-send');
    await A.page.locator('#up-error:not([hidden]) span[lang]').waitFor();
    const de = A.page.locator('#up-error span[lang]');
    expect(await de.getAttribute('lang') === 'de', `lang ${await de.getAttribute('lang')}`);
    expect((await de.innerText()).startsWith('binaer.txt: keine Textdatei'), `German message: ${await de.innerText()}`);
  });

  // ---- A long review queue ------------------------------------------------
  await test('editor: the review queue pages through many drafts', async () => {
    const made = [];
    for (let i = 1; i <= 41; i++) {
      const r = await asAdmin('/api/entries', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: `Seitenprobe ${String(i).padStart(2, '0')}`, kind: 'project', land: 'DE-BY', status: 'draft' }),
      });
      expect(r.status === 201, `draft ${i}: ${r.status} ${JSON.stringify(r.data).slice(0, 200)}`);
      made.push(r.data.id);
    }
    await go(A.page, '#/pruefen');
    const total = await A.page.evaluate(async () => (await (await fetch('/api/entries?status=draft&limit=1')).json()).total);
    expect(total >= 41, `drafts the editor sees: ${total}`);
    expect((await text(A.page, '#rv-list-h + .count')).startsWith(`${total} Entwürfe`), `count: ${await text(A.page, '#rv-list-h + .count')}`);
    expect(await A.page.locator('article.draft').count() === 20, `cards on page 1: ${await A.page.locator('article.draft').count()}`);
    const nav = A.page.locator('nav.pager');
    expect((await nav.innerText()).includes(`1–20 von ${total}`), `pager: ${await nav.innerText()}`);
    expect(await nav.locator('a[rel=prev]').count() === 0, 'no previous page on page 1');
    await nav.locator('a[rel=next]').click();
    await A.page.waitForFunction(() => location.hash.includes('page=2'));
    await A.page.locator('nav.pager', { hasText: `21–` }).waitFor();
    expect(await A.page.locator('ol.drafts').getAttribute('start') === '21', 'numbering goes on');
    const seen = new Set();
    for (let p = 1; p <= Math.ceil(total / 20); p++) {
      await go(A.page, `#/pruefen?page=${p}`);
      for (const tt of await A.page.locator('article.draft h4').allInnerTexts()) seen.add(tt);
    }
    const probes = [...seen].filter((x) => x.startsWith('Seitenprobe'));
    expect(probes.length === 41, `every draft on some page, once: ${probes.length}`);
    await axe(A.page, 'review queue, last page');
    for (const id of made) {
      const cur = await asAdmin(`/api/entries/${id}`);
      const d = await asAdmin(`/api/entries/${id}`, { method: 'DELETE', headers: { 'If-Match': cur.etag } });
      expect(d.status === 200 || d.status === 204, `delete ${id}: ${d.status}`);
    }
  });

  // ---- Signing out ---------------------------------------------------------------
  await test('editor: sign out, and sign out everywhere', async () => {
    await go(A.page, '#/pruefen');
    const mine = (await A.ctx.cookies()).find((c) => c.name === 'kl_session');
    expect(mine, 'a session cookie');
    await A.page.click('#logout');
    await A.page.waitForFunction(() => location.hash.startsWith('#/anmelden'));
    await A.page.locator('.login-form').waitFor();
    expect(await A.page.locator('#account').isHidden(), 'bar gone');
    expect((await text(A.page, '#account-note')) === 'Sie sind abgemeldet.', 'says so');
    expect(!(await A.ctx.cookies()).some((c) => c.name === 'kl_session'), 'cookie cleared');
    const s = (await api('/api/session', { headers: { Cookie: `kl_session=${mine.value}` } })).status;
    expect(s === 401, `session after logout: ${s}`);
    // A second session of the admin (a script's), ended by the button.
    const other = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'anna', password: PW }) });
    const cookie = (other.headers.get('set-cookie') || '').split(';')[0];
    expect(other.status === 200 && cookie.startsWith('kl_session='), `second login ${other.status}`);
    expect((await api('/api/session', { headers: { Cookie: cookie } })).status === 200, 'second session works');
    await go(B.page, '#/pruefen');
    await B.page.click('#logout-all');
    await B.page.waitForFunction(() => location.hash.startsWith('#/anmelden'));
    expect((await text(B.page, '#account-note')).includes('allen Geräten'), 'says so');
    expect((await api('/api/session', { headers: { Cookie: cookie } })).status === 401, 'the other session ended too');
  });

  await test('editor pages: nothing from outside, no errors but the provoked 400 and 412', async () => {
    expect(foreign.length === 0, `foreign requests: ${foreign.slice(0, 5)}`);
    expect(problems.length === 0, problems.slice(0, 8).join('\n'));
    expect(expected.some((m) => m.includes('412')) && expected.some((m) => m.includes('400')), `provoked: ${expected.length}`);
  });

  await browser.close();
  return { passed, failed };
}
