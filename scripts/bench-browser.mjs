// The consultant-scale app in a real browser: 300 clients, 150,000 records (~140 of them
// soft-deleted) and 1,500 certifications (five seasons; this season's 300 ready to sign) in
// IndexedDB, then the time from navigation start until each screen shows its data (and, for the
// lists, from a click on a link in the open app until they are painted), each beside
// a raw IndexedDB baseline measured in the same run (the same data read with no app around it).
// Part of `npm run bench`; prints a table, writes bench-results.json, asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { findChromium, launchBrowser } from '../test/e2e/browser.mjs';
import { startStaticServer } from '../test/e2e/static-server.mjs';
import { seedConsultantData } from './bench-seed.mjs';
import { prepareShownStamps, timeLoad } from './bench-shown.mjs';
import { spread } from './bench-stats.mjs';

const CLIENTS = 300;
const RECORDS = Number(process.env.BENCH_RECORDS ?? 150_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DELETED = 140;
const CERT_YEARS = 5;

if (!existsSync('dist/index.html')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
const server = await startStaticServer('dist');
const browser = await launchBrowser(findChromium());
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`console: ${m.text()}`));
  await page.goto(`${server.origin}/`);
  await page.getByTestId('start').click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

  const seeded = await seedConsultantData(page, { clients: CLIENTS, records: RECORDS, deleted: DELETED, certYears: CERT_YEARS });
  const seededRecords = seeded.records;

  /** Raw IndexedDB, no app: the median ms of `read` (a function body run in the page) over RUNS. */
  async function raw(read, arg) {
    // Built as text: the page's CSP forbids eval, and a function cannot be passed in as a value.
    const times = await page.evaluate(`(async () => {
      const read = ${read.toString()};
      const db = await new Promise((ok, fail) => {
        const req = indexedDB.open('cpni-desk');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const out = [];
      for (let i = 0; i < ${RUNS}; i++) {
        const t0 = performance.now();
        await read(db, ${JSON.stringify(arg ?? null)});
        out.push(performance.now() - t0);
      }
      db.close();
      return out;
    })()`);
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  }
  // What the dashboard shows, read raw: clients, the live clocked records, the certifications'
  // summaries, the settings.
  const rawDashboard = await raw(async (db) => {
    const q = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const tx = db.transaction(['clients', 'records', 'certificationSummaries', 'settings']);
    const kinds = ['breach', 'optOutFailure', 'notice'];
    await Promise.all([
      q(tx.objectStore('clients').index('legalName').getAll()),
      ...kinds.map((k) => q(tx.objectStore('records').index('[kind+liveDate]').getAll(IDBKeyRange.bound([k, ''], [k, '\uffff'])))),
      q(tx.objectStore('certificationSummaries').getAll()),
      q(tx.objectStore('settings').get('app')),
    ]);
  });
  // A page of 50 live records, newest first, and the count: one cursor and one count.
  const rawPage = (index, lower, upper) =>
    raw(
      async (db, { index, lower, upper }) => {
        const q = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
        const store = db.transaction('records').objectStore('records').index(index);
        const range = IDBKeyRange.bound(lower, upper);
        const rows = [];
        const page = new Promise((ok) => {
          const c = store.openCursor(range, 'prev');
          c.onsuccess = () => { if (c.result && rows.length < 50) { rows.push(c.result.value); c.result.continue(); } else ok(rows); };
        });
        await Promise.all([page, q(store.count(range))]);
      },
      { index, lower, upper },
    );
  const rawAll = await rawPage('liveDate', '', '\uffff');
  const rawOne = await rawPage('[clientId+liveDate]', ['client-7', ''], ['client-7', '\uffff']);
  // What the certifications screen shows, read raw: every certification's summary (never the
  // 3.6 KB rows) and the clients by name.
  const rawCerts = await raw(async (db) => {
    const q = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const tx = db.transaction(['certificationSummaries', 'clients']);
    await Promise.all([q(tx.objectStore('certificationSummaries').getAll()), q(tx.objectStore('clients').index('legalName').getAll())]);
  });

  // The moment a screen's data is on screen, stamped by the page itself (bench-shown.mjs): the
  // driver only listens, so its own scripts add nothing to the figures.
  await prepareShownStamps(page);

  /**
   * Milliseconds from navigation start until `selector` is on screen and painted, over RUNS loads.
   * Between loads the page rests on a screen that reads nothing, so that no load starts beside
   * the work the one before it left running (the dashboard reads the clocks after it is shown).
   */
  async function measure(path, selector) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${server.origin}/not-a-screen`);
      await page.waitForTimeout(1500);
      times.push((await timeLoad(page, `${server.origin}${path}`, selector, `${selector} > :first-child`)).painted);
    }
    return spread(times);
  }

  /**
   * Milliseconds from a click on a link inside the app (the dashboard open, its reads done) until
   * `testId` is on screen and painted: moving between screens, the way the app is mostly used.
   */
  async function measureInApp(path, testId) {
    const times = [];
    for (let i = 0; i < RUNS + 1; i++) {
      await page.goto(`${server.origin}/`);
      await page.getByTestId('deadlines').waitFor({ timeout: 60_000 });
      await page.waitForTimeout(300);
      const ms = await page.evaluate(
        ({ path, testId }) =>
          new Promise((done) => {
            const link = Object.assign(document.createElement('a'), { href: path });
            document.body.append(link);
            const t0 = performance.now();
            const painted = () => requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)));
            new MutationObserver((_, observer) => {
              if (!document.querySelector(`[data-testid="${testId}"] tbody tr`)) return;
              observer.disconnect();
              painted();
            }).observe(document.body, { subtree: true, childList: true });
            link.click();
            link.remove();
          }),
        { path, testId },
      );
      // The first visit also loads the screen's code; the median is of the visits after it.
      if (i > 0) times.push(ms);
    }
    return spread(times);
  }

  const rows = [
    ['dashboard: first deadlines shown (season first, clocks busy)', await measure('/', '[data-testid="deadlines"] tbody tr'), rawDashboard],
    ['dashboard: every deadline of every client, rendered', await measure('/', '[data-testid="deadlines"]:not([aria-busy]) tbody tr'), rawDashboard],
    [`records: first page of one client's ~${Math.round(seededRecords / CLIENTS)} records`, await measure('/records?client=client-7', '[data-testid="records-table"] tbody tr'), rawOne],
    [`records: first page of all ${seededRecords.toLocaleString('en-US')}, newest first`, await measure('/records', '[data-testid="records-table"] tbody tr'), rawAll],
    [`certifications: list of ${seeded.certifications.toLocaleString('en-US')}`, await measure('/certifications', '[data-testid="certifications-table"] tbody tr'), rawCerts],
  ];
  const inApp = [
    [`records: one client's first page, link clicked in the app`, await measureInApp('/records?client=client-7', 'records-table'), rawOne],
    [`records: first page of all, link clicked in the app`, await measureInApp('/records', 'records-table'), rawAll],
    [`certifications: list, link clicked in the app`, await measureInApp('/certifications', 'certifications-table'), rawCerts],
  ];
  // Initial JS: the entry chunk and what index.html loads with it, gzipped.
  const html = readFileSync('dist/index.html', 'utf8');
  const initialJs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].reduce((sum, m) => sum + gzipSync(readFileSync(`dist/${m[1]}`)).length, 0);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()} ${os.release()}`;
  console.log(`\nChromium ${browser.version()} on ${machine}`);
  console.log(`${CLIENTS} clients, ${seededRecords} records (${seeded.deleted} deleted), ${seeded.certifications} certifications; ms from navigation start, ${RUNS} loads`);
  console.log(`${'screen'.padEnd(56)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)} ${'raw IDB'.padStart(8)}`);
  for (const [name, t, base] of rows) console.log(`${name.padEnd(56)} ${t.median.toFixed(0).padStart(8)} ${t.min.toFixed(0).padStart(8)} ${t.max.toFixed(0).padStart(8)} ${base.toFixed(1).padStart(8)}`);
  console.log(`ms from a click on a link in the open app until the list is painted, ${RUNS} visits after the first`);
  for (const [name, t, base] of inApp) console.log(`${name.padEnd(56)} ${t.median.toFixed(0).padStart(8)} ${t.min.toFixed(0).padStart(8)} ${t.max.toFixed(0).padStart(8)} ${base.toFixed(1).padStart(8)}`);
  console.log(`initial JS (entry + its static imports), gzip: ${(initialJs / 1024).toFixed(1)} KB`);
  const results = {
    when: new Date().toISOString(),
    command: 'npm run bench',
    chromium: browser.version(),
    machine,
    data: { clients: CLIENTS, records: seededRecords, deletedRecords: seeded.deleted, certifications: seeded.certifications },
    runs: RUNS,
    initialJsGzipBytes: initialJs,
    screens: rows.map(([name, t, base]) => ({ name, medianMs: Math.round(t.median), minMs: Math.round(t.min), maxMs: Math.round(t.max), rawIndexedDbMs: Number(base.toFixed(1)) })),
    inApp: inApp.map(([name, t, base]) => ({ name, medianMs: Math.round(t.median), minMs: Math.round(t.min), maxMs: Math.round(t.max), rawIndexedDbMs: Number(base.toFixed(1)) })),
  };
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('written to bench-results.json');
} finally {
  await browser.close();
  await server.close();
}
