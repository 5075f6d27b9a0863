// The consultant-scale app in a real browser: 300 clients, 150,000 records (~140 of them
// soft-deleted) and 1,500 certifications (five seasons; this season's 300 ready to sign) in
// IndexedDB, then the time from navigation start until each screen shows its data, each beside
// a raw IndexedDB baseline measured in the same run (the same data read with no app around it).
// Part of `npm run bench`; prints a table, writes bench-results.json, asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { findChromium, launchBrowser } from '../test/e2e/browser.mjs';
import { startStaticServer } from '../test/e2e/static-server.mjs';

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

  const seeded = await page.evaluate(
    async ({ clients, records, deleted, certYears }) => {
      const db = await new Promise((ok, fail) => {
        const req = indexedDB.open('cpni-desk');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const put = (store, rows) =>
        new Promise((ok, fail) => {
          const tx = db.transaction(store, 'readwrite');
          for (const r of rows) tx.objectStore(store).put(r);
          tx.oncomplete = ok;
          tx.onerror = () => fail(tx.error);
        });
      const now = new Date().toISOString();
      const iso = (n) => new Date(Date.UTC(2024, 0, 1) + (n % 1060) * 86400000).toISOString().slice(0, 10);
      await put('clients', Array.from({ length: clients }, (_, i) => ({
        id: `client-${i}`, legalName: `Carrier ${String(i).padStart(3, '0')} Telephone Co.`, dbaNames: [], filerId: String(800000 + i), frn: '',
        address: { street: '', city: '', state: '', zip: '' }, phone: '', email: '', officers: [], services: ['wireline'], affiliates: [], notes: '',
        archived: false, createdAt: now, updatedAt: now,
      })));
      // Mostly approvals, as at real small carriers; a few percent carry clocks.
      const kinds = [['approval', 0.85], ['training', 0.03], ['campaign', 0.03], ['notice', 0.03], ['breach', 0.02], ['optOutFailure', 0.01], ['complaint', 0.03]];
      let n = 0;
      let batch = [];
      for (const [kind, share] of kinds) {
        for (let i = 0; i < Math.round(records * share); i++, n++) {
          const date = iso(n);
          // Rows as the app stores them (schema version 5): a live record carries its `liveDate`.
          const gone = n % Math.floor(records / deleted) === 7;
          const base = { id: `r-${n}`, clientId: `client-${n % clients}`, kind, date, createdAt: now, updatedAt: now, rev: 1, entityVersion: 2, ...(gone ? { deletedAt: now } : { liveDate: date }) };
          batch.push(
            kind === 'breach' ? { ...base, discoveredOn: date, determinedOn: date, cpniInvolved: 'CDR', customersAffected: '', agenciesNotifiedOn: n % 3 ? date : '' }
            : kind === 'optOutFailure' ? { ...base, learnedOn: date, mechanism: 'web', problem: 'down', letterSentOn: n % 2 ? date : '' }
            : kind === 'notice' ? { ...base, sentOn: date, method: 'mail' }
            : kind === 'approval' ? { ...base, accountRef: `A${n}`, approvalType: 'optOut', medium: 'written', status: 'granted', decidedOn: date, scope: '' }
            : kind === 'training' ? { ...base, heldOn: date, topic: 'CPNI' }
            : kind === 'campaign' ? { ...base, name: 'Promo', description: 'd', startedOn: date, cpniUsed: 'usage', productsOffered: 'x', approvalBasis: 'optOut' }
            : { ...base, receivedOn: date, category: 'other', summary: 's' },
          );
          if (batch.length === 10_000) { await put('records', batch); batch = []; }
        }
      }
      await put('records', batch);
      // Five seasons of certifications, each ~3.6 KB like a drafted one (answers, edited
      // sections); this season's are ready to sign, earlier ones filed.
      const season = new Date().getFullYear();
      const edit = 'The Company trains every employee with access to CPNI before access is granted and yearly after that. '.repeat(30);
      const certs = [];
      for (let y = 0; y < certYears; y++) {
        for (let c = 0; c < clients; c++) {
          const year = season - y;
          const status = y === 0 ? 'ready' : 'filed';
          const signatureDate = y === 0 ? '' : `${year}-02-20`;
          const filedOn = y === 0 ? '' : `${year}-02-25`;
          const ecfsConfirmation = y === 0 ? '' : `${year}0225${String(c).padStart(5, '0')}`;
          certs.push({
            id: `k-${year}-${c}`, clientId: `client-${c}`, certificationYear: year, status, signatory: { name: 'Ann Lee', title: 'President' }, preparerId: '',
            dateFiled: '', signatureDate, filedOn, ecfsConfirmation, answers: {}, sectionEdits: { training: edit }, overrides: {}, lintOverrides: [],
            signature: { kind: 'typed' }, coverLetter: { include: false, addressee: [], body: '', cc: [] }, createdAt: now, updatedAt: now, rev: 1, entityVersion: 2,
            progressKey: [`client-${c}`, year, status, signatureDate, filedOn, ecfsConfirmation, 0],
          });
        }
      }
      await put('certifications', certs);
      const deletedCount = await new Promise((ok) => {
        const req = db.transaction('records').objectStore('records').index('deletedAt').count();
        req.onsuccess = () => ok(req.result);
      });
      db.close();
      return { records: n, deleted: deletedCount, certifications: certs.length };
    },
    { clients: CLIENTS, records: RECORDS, deleted: DELETED, certYears: CERT_YEARS },
  );
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
  // progress from their index keys, the settings.
  const rawDashboard = await raw(async (db) => {
    const q = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const tx = db.transaction(['clients', 'records', 'certifications', 'settings']);
    const keys = [];
    const cursor = new Promise((ok) => {
      const c = tx.objectStore('certifications').index('progressKey').openKeyCursor();
      c.onsuccess = () => { if (c.result) { keys.push(c.result.key); c.result.continue(); } else ok(keys); };
    });
    const kinds = ['breach', 'optOutFailure', 'notice'];
    await Promise.all([
      q(tx.objectStore('clients').index('legalName').getAll()),
      ...kinds.map((k) => q(tx.objectStore('records').index('[kind+liveDate]').getAll(IDBKeyRange.bound([k, ''], [k, '\uffff'])))),
      cursor,
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
  // What the certifications screen shows, read raw: each certification's progressKey index key
  // with its primary key (one key cursor, never the 3.6 KB rows) and the clients by name.
  const rawCerts = await raw(async (db) => {
    const q = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const tx = db.transaction(['certifications', 'clients']);
    const rows = [];
    const cursor = new Promise((ok) => {
      const c = tx.objectStore('certifications').index('progressKey').openKeyCursor();
      c.onsuccess = () => { if (c.result) { rows.push([c.result.primaryKey, c.result.key]); c.result.continue(); } else ok(rows); };
    });
    await Promise.all([cursor, q(tx.objectStore('clients').index('legalName').getAll())]);
  });

  /** Milliseconds from navigation start until `ready` resolves, over RUNS loads. */
  async function measure(path, ready) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${server.origin}${path}`);
      try {
        await ready();
      } catch (error) {
        await page.screenshot({ path: 'test-results/bench-timeout.png', fullPage: true });
        throw error;
      }
      times.push(await page.evaluate(() => performance.now()));
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)], min: times[0], max: times.at(-1) };
  }

  const rows = [
    ['dashboard: every deadline of every client, rendered', await measure('/', () => page.getByTestId('deadlines').waitFor({ timeout: 60_000 })), rawDashboard],
    [`records: first page of one client's ~${Math.round(seededRecords / CLIENTS)} records`, await measure('/records?client=client-7', () => page.getByTestId('records-table').waitFor({ timeout: 60_000 })), rawOne],
    [`records: first page of all ${seededRecords.toLocaleString('en-US')}, newest first`, await measure('/records', () => page.getByTestId('records-table').waitFor({ timeout: 60_000 })), rawAll],
    [`certifications: list of ${seeded.certifications.toLocaleString('en-US')}`, await measure('/certifications', () => page.getByTestId('certifications-table').waitFor({ timeout: 60_000 })), rawCerts],
  ];
  // Initial JS: the entry chunk and what index.html loads with it, gzipped.
  const html = readFileSync('dist/index.html', 'utf8');
  const initialJs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].reduce((sum, m) => sum + gzipSync(readFileSync(`dist/${m[1]}`)).length, 0);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()} ${os.release()}`;
  console.log(`\nChromium ${browser.version()} on ${machine}`);
  console.log(`${CLIENTS} clients, ${seededRecords} records (${seeded.deleted} deleted), ${seeded.certifications} certifications; ms from navigation start, ${RUNS} loads`);
  console.log(`${'screen'.padEnd(56)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)} ${'raw IDB'.padStart(8)}`);
  for (const [name, t, base] of rows) console.log(`${name.padEnd(56)} ${t.median.toFixed(0).padStart(8)} ${t.min.toFixed(0).padStart(8)} ${t.max.toFixed(0).padStart(8)} ${base.toFixed(1).padStart(8)}`);
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
  };
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('written to bench-results.json');
} finally {
  await browser.close();
  await server.close();
}
