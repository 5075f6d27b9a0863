// Backup and restore at consultant scale in a real browser: the data set of bench-browser.mjs
// (300 clients, 150,000 records, 1,500 certifications), then, against the production build,
//   - an encrypted backup: click on "Download an encrypted backup" → the file is downloaded;
//   - an encrypted restore: the file chosen → its passphrase → checked → "Replace everything" → done;
// each beside a raw baseline in the same run (every store read with getAll and JSON.stringify;
// that text parsed with JSON.parse and written into the same stores in one transaction), and the
// longest main-thread long task (PerformanceObserver 'longtask') during each; and the floor under
// both: IndexedDB alone reading the records, and putting them into a store with no index.
// Part of `npm run bench`; prints a table, writes bench-results.backup.json, asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import os from 'node:os';
import { findChromium, launchBrowser } from '../test/e2e/browser.mjs';
import { startStaticServer } from '../test/e2e/static-server.mjs';
import { seedConsultantData } from './bench-seed.mjs';
import { median } from './bench-stats.mjs';

const CLIENTS = 300;
const RECORDS = Number(process.env.BENCH_RECORDS ?? 150_000);
// BENCH_RUNS (or RUNS) runs, 3 by default.
const RUNS = Number(process.env.BENCH_RUNS ?? process.env.RUNS ?? 3);
const DELETED = 140;
const CERT_YEARS = 5;
const PASSPHRASE = 'consultant scale winter';
const STORES = ['clients', 'preparers', 'settings', 'records', 'certifications', 'signedPackages', 'changeLog'];

// BENCH_DIST: another copy of the build (so a rebuild of dist/ cannot disturb a long run).
const DIST = process.env.BENCH_DIST ?? 'dist';
if (!existsSync(`${DIST}/index.html`)) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
const server = await startStaticServer(DIST);
const browser = await launchBrowser(findChromium());
const dir = mkdtempSync(join(tmpdir(), 'cpni-bench-backup-'));
try {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(180_000);
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`console: ${m.text()}`));
  await page.goto(`${server.origin}/`);
  await page.getByTestId('start').click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  const seeded = await seedConsultantData(page, { clients: CLIENTS, records: RECORDS, deleted: DELETED, certYears: CERT_YEARS });

  /** Starts noting the page's long tasks (again after every navigation); `longest()` reads the longest since. */
  const watchLongTasks = () =>
    page.evaluate(() => {
      window.__longest = 0;
      if (window.__longTaskObserver) return;
      window.__longTaskObserver = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
      });
      window.__longTaskObserver.observe({ type: 'longtask' });
    });
  const longest = () => page.evaluate(() => window.__longest);

  // A raw job is run as text in the page (its CSP forbids eval); it returns its milliseconds.
  const rawJob = (body) =>
    page.evaluate(`(async () => {
      const db = await new Promise((ok, fail) => { const r = indexedDB.open('cpni-desk'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
      const stores = ${JSON.stringify(STORES)};
      const t0 = performance.now();
      ${body}
      const ms = performance.now() - t0;
      db.close();
      return ms;
    })()`);
  const rawBackup = () =>
    rawJob(`
      const tx = db.transaction(stores);
      const rows = await Promise.all(stores.map((s) => new Promise((ok, fail) => { const r = tx.objectStore(s).getAll(); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); })));
      window.__rawText = JSON.stringify(Object.fromEntries(stores.map((s, i) => [s, rows[i]])));`);
  const rawRestore = () =>
    rawJob(`
      const data = JSON.parse(window.__rawText);
      await new Promise((ok, fail) => {
        const tx = db.transaction(stores, 'readwrite');
        for (const s of stores) { const store = tx.objectStore(s); store.clear(); for (const row of data[s]) store.put(row); }
        tx.oncomplete = ok; tx.onerror = () => fail(tx.error); tx.onabort = () => fail(tx.error);
      });`);

  // The floor under both, whatever the app does: IndexedDB alone reading the records with one
  // getAll, and putting those rows into a scratch database's store that has no index at all.
  const floorRead = () =>
    rawJob(`
      await new Promise((ok, fail) => { const r = db.transaction('records').objectStore('records').getAll(); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });`);
  const floorWrite = () =>
    page.evaluate(`(async () => {
      const open = (name, upgrade) => new Promise((ok, fail) => { const r = indexedDB.open(name); r.onupgradeneeded = () => upgrade?.(r.result); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
      const db = await open('cpni-desk');
      const rows = await new Promise((ok, fail) => { const r = db.transaction('records').objectStore('records').getAll(); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
      db.close();
      const scratch = await open('cpni-bench-floor', (d) => d.createObjectStore('rows', { keyPath: 'id' }));
      const t0 = performance.now();
      await new Promise((ok, fail) => {
        const tx = scratch.transaction('rows', 'readwrite');
        const store = tx.objectStore('rows');
        for (const row of rows) store.put(row);
        tx.oncomplete = ok; tx.onerror = () => fail(tx.error); tx.onabort = () => fail(tx.error);
      });
      const ms = performance.now() - t0;
      scratch.close();
      await new Promise((ok) => { const r = indexedDB.deleteDatabase('cpni-bench-floor'); r.onsuccess = r.onerror = ok; });
      return ms;
    })()`);

  const runs = { floorRead: [], floorWrite: [], backup: [], backupLongTask: [], rawBackup: [], rawBackupLongTask: [], restore: [], restoreCheck: [], restoreWrite: [], restoreLongTask: [], rawRestore: [], rawRestoreLongTask: [] };
  let fileBytes = 0;
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${server.origin}/settings`);
    const panel = page.getByTestId('backup-panel');
    await panel.waitFor();
    runs.floorRead.push(await floorRead());
    runs.floorWrite.push(await floorWrite());
    // Raw: read every store and write its JSON, on the page's thread.
    await watchLongTasks();
    runs.rawBackup.push(await rawBackup());
    runs.rawBackupLongTask.push(await longest());

    // The app: click → the file.
    await panel.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await panel.getByLabel('Passphrase again').fill(PASSPHRASE);
    await watchLongTasks();
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download an encrypted backup' }).click()]);
    const file = join(dir, `backup-${run}.json`);
    await download.saveAs(file);
    runs.backup.push(Date.now() - t0);
    await panel.getByTestId('backup-message').waitFor();
    runs.backupLongTask.push(await longest());
    fileBytes = statSync(file).size;

    // Raw: that JSON parsed and written into the same stores, in one transaction.
    await watchLongTasks();
    runs.rawRestore.push(await rawRestore());
    runs.rawRestoreLongTask.push(await longest());
    await page.evaluate(() => delete window.__rawText);

    // The app: the file chosen → its passphrase → checked → replaced → done.
    await page.goto(`${server.origin}/settings`);
    await panel.waitFor();
    await watchLongTasks();
    const t1 = Date.now();
    await panel.getByLabel('Backup file (.json)').setInputFiles(file);
    await panel.getByLabel('Passphrase of this backup').fill(PASSPHRASE);
    const t2 = Date.now();
    await panel.getByRole('button', { name: 'Open the backup' }).click();
    await panel.getByTestId('backup-summary').or(panel.getByTestId('backup-problems')).waitFor();
    if (await panel.getByTestId('backup-problems').count()) throw new Error(`The app refused the backup: ${(await panel.getByTestId('backup-problems').innerText()).slice(0, 2000)}`);
    const t3 = Date.now();
    await page.getByRole('button', { name: 'Replace everything with this backup' }).click();
    await panel.getByTestId('backup-message').getByText('Restored').waitFor();
    const t4 = Date.now();
    runs.restore.push(t4 - t1);
    runs.restoreCheck.push(t3 - t2);
    runs.restoreWrite.push(t4 - t3);
    runs.restoreLongTask.push(await longest());
  }

  const m = Object.fromEntries(Object.entries(runs).map(([k, xs]) => [k, median(xs)]));
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()} ${os.release()}`;
  const rows = [
    { name: 'encrypted backup: click → file downloaded', medianMs: m.backup, rawMs: m.rawBackup, longestTaskMs: m.backupLongTask, rawLongestTaskMs: m.rawBackupLongTask },
    { name: 'encrypted restore: file chosen → restored', medianMs: m.restore, rawMs: m.rawRestore, longestTaskMs: m.restoreLongTask, rawLongestTaskMs: m.rawRestoreLongTask, checkMs: m.restoreCheck, writeMs: m.restoreWrite },
  ];
  console.log(`\nChromium ${browser.version()} on ${machine}`);
  console.log(`${CLIENTS} clients, ${seeded.records} records (${seeded.deleted} deleted), ${seeded.certifications} certifications; encrypted file ${(fileBytes / 2 ** 20).toFixed(1)} MB; medians of ${RUNS} runs`);
  console.log(`${'what'.padEnd(44)} ${'ms'.padStart(8)} ${'raw ms'.padStart(8)} ${'ratio'.padStart(6)} ${'longest task'.padStart(13)} ${'raw longest'.padStart(12)}`);
  for (const r of rows)
    console.log(`${r.name.padEnd(44)} ${String(Math.round(r.medianMs)).padStart(8)} ${String(Math.round(r.rawMs)).padStart(8)} ${(r.medianMs / r.rawMs).toFixed(2).padStart(6)} ${String(Math.round(r.longestTaskMs)).padStart(13)} ${String(Math.round(r.rawLongestTaskMs)).padStart(12)}`);
  console.log(`IndexedDB alone, ${seeded.records} records: read with one getAll ${Math.round(m.floorRead)} ms; put into a store with no index ${Math.round(m.floorWrite)} ms`);
  console.log(`restore: check ${Math.round(m.restoreCheck)} ms (passphrase entered → summary), write ${Math.round(m.restoreWrite)} ms (Replace → done)`);
  const results = {
    when: new Date().toISOString(),
    command: 'npm run bench (scripts/bench-backup.mjs)',
    chromium: browser.version(),
    machine,
    data: { clients: CLIENTS, records: seeded.records, deletedRecords: seeded.deleted, certifications: seeded.certifications, encryptedFileBytes: fileBytes },
    runs: RUNS,
    goals: { maxMs: 10_000, maxLongTaskMs: 200, restoreToRawRatio: 1.0 },
    indexedDbFloor: { readRecordsMs: Math.round(m.floorRead), putRecordsNoIndexMs: Math.round(m.floorWrite) },
    operations: rows.map((r) => ({ ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v) : v])), ratioToRaw: Number((r.medianMs / r.rawMs).toFixed(2)) })),
    samples: runs,
  };
  writeFileSync('bench-results.backup.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('written to bench-results.backup.json');
} finally {
  await browser.close();
  await server.close();
}
