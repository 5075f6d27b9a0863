// The consultant-scale dashboard in a real browser: 300 clients and 150,000 records in
// IndexedDB, then the time from navigation start until each screen shows its data.
// Part of `npm run bench`; prints measurements, asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, launchBrowser } from '../test/e2e/browser.mjs';
import { startStaticServer } from '../test/e2e/static-server.mjs';

const CLIENTS = 300;
const RECORDS = Number(process.env.BENCH_RECORDS ?? 150_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

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
    async ({ clients, records }) => {
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
          const base = { id: `r-${n}`, clientId: `client-${n % clients}`, kind, date, createdAt: now, updatedAt: now };
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
      db.close();
      return n;
    },
    { clients: CLIENTS, records: RECORDS },
  );

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
    ['dashboard: every deadline of every client, rendered', await measure('/', () => page.getByTestId('deadlines').waitFor({ timeout: 60_000 }))],
    [`records: first page of one client's ~${Math.round(seeded / CLIENTS)} records`, await measure('/records?client=client-7', () => page.getByTestId('records-table').waitFor({ timeout: 60_000 }))],
    [`records: first page of all ${seeded.toLocaleString('en-US')}, newest first`, await measure('/records', () => page.getByTestId('records-table').waitFor({ timeout: 60_000 }))],
  ];
  console.log(`\nChromium ${browser.version()}, ${CLIENTS} clients, ${seeded} records in IndexedDB; ms from navigation start (${RUNS} loads)`);
  console.log(`${'screen'.padEnd(56)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}`);
  for (const [name, t] of rows) console.log(`${name.padEnd(56)} ${t.median.toFixed(0).padStart(8)} ${t.min.toFixed(0).padStart(8)} ${t.max.toFixed(0).padStart(8)}`);
} finally {
  await browser.close();
  await server.close();
}
