// PDF export in a real browser, through the UI of the production build: one certification
// package (click → download) beside bare jsPDF writing the same text in the same page, and a
// consultant's batch of 300 draft packages (click → zip) with the longest task the page ran
// meanwhile. Part of `npm run bench`; prints a table, writes bench-results.export.json, asserts
// nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium, launchBrowser } from '../test/e2e/browser.mjs';
import { startStaticServer } from '../test/e2e/static-server.mjs';
import { confirmAnswers, createClientWithOfficer, field, heading, saveCertification, startApp } from '../test/e2e/app-steps.mjs';
import { median } from './bench-stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? process.env.RUNS ?? 5);
const BATCH = Number(process.env.BENCH_BATCH ?? 300);
const YEAR = 2027;


if (!existsSync('dist/index.html')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
const jspdfChunk = readdirSync('dist/assets').find((f) => /^jspdf\.es\.min-.*\.js$/.test(f));
if (!jspdfChunk) throw new Error('No jsPDF chunk in dist/assets.');
const server = await startStaticServer('dist');
const browser = await launchBrowser(findChromium());
const dir = mkdtempSync(join(tmpdir(), 'cpni-bench-export-'));
try {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  // Every download the app offers goes through URL.createObjectURL: note when, and of what.
  await page.addInitScript(() => {
    window.__downloads = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob) => {
      window.__downloads.push({ at: performance.now(), type: blob.type, size: blob.size });
      return create(blob);
    };
  });
  const { origin } = server;
  await startApp(page, origin);

  // One client's certification, drafted as a user would, clean enough to export.
  const clientId = await createClientWithOfficer(page, origin, { legalName: 'Aspen Valley Telephone Co.', filerId: '820001', officer: 'Robin Lee' });
  await page.goto(`${origin}/certifications`);
  await heading(page, 'Certifications');
  const form = page.getByRole('form', { name: 'Start a certification' });
  await field(form, 'Client').selectOption({ label: 'Aspen Valley Telephone Co.' });
  await field(form, 'Certification year').fill(String(YEAR));
  await form.getByRole('button', { name: 'Start' }).click();
  await page.waitForURL(/\/certifications\/[0-9a-f-]{36}$/);
  const certPath = new URL(page.url()).pathname;
  await field(page, 'Date filed').fill(`${YEAR}-02-20`);
  await field(page, 'Signature date').fill(`${YEAR}-02-19`);
  await confirmAnswers(page);
  await saveCertification(page);

  // Package PDF: click → the download is offered, timed in the page; the first click loads jsPDF.
  const exportOnce = () =>
    page.evaluate(async () => {
      const before = window.__downloads.length;
      const t0 = performance.now();
      document.querySelector('[data-testid="export-pdf"]').click();
      while (window.__downloads.length === before) await new Promise((done) => setTimeout(done, 1));
      return window.__downloads[before].at - t0;
    });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').waitFor().then(exportOnce)]);
  const pdfPath = join(dir, 'package.pdf');
  await download.saveAs(pdfPath);
  const pkg = [];
  for (let i = 0; i < RUNS; i++) {
    await page.waitForFunction(() => !document.querySelector('[data-testid="export-pdf"]').disabled);
    pkg.push(await exportOnce());
  }
  // The same text, line by line and page by page, written by bare jsPDF in the same page.
  const text = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).stdout;
  const pages = text.split('\f').map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean)).filter((p) => p.length);
  const bare = await page.evaluate(
    async ({ url, pages, runs }) => {
      const { jsPDF } = await import(url);
      const once = () => {
        const pdf = new jsPDF({ unit: 'pt', format: 'letter', orientation: 'portrait', compress: true });
        pages.forEach((lines, i) => {
          if (i > 0) pdf.addPage('letter', 'portrait');
          pdf.setFont('helvetica', 'normal');
          pdf.setFontSize(11);
          lines.forEach((line, j) => pdf.text(line.replace(/[^\x20-\xff]/g, ' '), 72, 72 + j * 13));
        });
        return pdf.output('arraybuffer');
      };
      once();
      const out = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        once();
        out.push(performance.now() - t0);
      }
      return out;
    },
    { url: `/assets/${jspdfChunk}`, pages, runs: RUNS },
  );

  // A consultant's batch: the same client and draft cloned to BATCH clients, straight into IndexedDB.
  await page.evaluate(
    async ({ clientId, certPath, count }) => {
      const db = await new Promise((ok, fail) => {
        const req = indexedDB.open('cpni-desk');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const q = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
      const tx = db.transaction(['clients', 'certifications', 'certificationSummaries'], 'readwrite');
      const client = await q(tx.objectStore('clients').get(clientId));
      const cert = await q(tx.objectStore('certifications').get(certPath.split('/').pop()));
      const summary = await q(tx.objectStore('certificationSummaries').get(cert.id));
      for (let i = 1; i < count; i++) {
        const id = `bench-client-${i}`;
        tx.objectStore('clients').put({ ...client, id, legalName: `Carrier ${String(i).padStart(3, '0')} Telephone Co.`, filerId: String(830000 + i) });
        tx.objectStore('certifications').put({ ...cert, id: `bench-cert-${i}`, clientId: id });
        // Past the app, so its summary too, as the app keeps it.
        tx.objectStore('certificationSummaries').put({ ...summary, id: `bench-cert-${i}`, clientId: id });
      }
      await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
      db.close();
    },
    { clientId, certPath, count: BATCH },
  );
  await page.goto(`${origin}/certifications`);
  const panel = page.getByTestId('batch-export');
  await panel.waitFor({ timeout: 60_000 });
  await panel.getByLabel('Year to export').selectOption(String(YEAR));
  await panel.getByLabel(/^Drafts for review/).check();
  await panel.getByRole('button', { name: 'Select all drafts' }).click();
  await panel.getByRole('button', { name: `Export ${BATCH} packages as a zip` }).waitFor();
  const [zipDownload, batch] = await Promise.all([
    page.waitForEvent('download', { timeout: 600_000 }),
    page.evaluate(async () => {
      const tasks = [];
      const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type: 'longtask' });
      const before = window.__downloads.length;
      const t0 = performance.now();
      document.querySelector('[data-testid="batch-export-button"]').click();
      while (window.__downloads.length === before) await new Promise((done) => setTimeout(done, 20));
      const ms = window.__downloads[before].at - t0;
      await new Promise((done) => setTimeout(done, 50));
      observer.disconnect();
      return { ms, longest: Math.max(0, ...tasks), longTasks: tasks.length, zipBytes: window.__downloads[before].size };
    }),
  ]);
  await zipDownload.saveAs(join(dir, 'batch.zip'));
  const exported = await panel.getByTestId('batch-result').innerText();

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()} ${os.release()}`;
  const results = {
    when: new Date().toISOString(),
    command: 'npm run bench (scripts/bench-export.mjs)',
    chromium: browser.version(),
    machine,
    runs: RUNS,
    packagePdf: {
      pages: pages.length,
      medianMs: Number(median(pkg).toFixed(1)),
      minMs: Number(Math.min(...pkg).toFixed(1)),
      bareJsPdfMedianMs: Number(median(bare).toFixed(1)),
      // The figure to judge on a busy machine: both are measured in the same page, in the same run.
      ratioToBare: Number((median(pkg) / median(bare)).toFixed(2)),
    },
    batch: { packages: BATCH, ms: Math.round(batch.ms), longestTaskMs: Math.round(batch.longest), longTasks: batch.longTasks, zipBytes: batch.zipBytes, result: exported.split(':')[0] },
  };
  console.log(`\nChromium ${browser.version()} on ${machine}; production build, ${RUNS} runs (medians, ms)`);
  console.log(`${'what'.padEnd(64)} ${'ms'.padStart(8)} ${'baseline'.padStart(9)}   goal`);
  console.log(`${`package PDF (${pages.length} pages): click → download`.padEnd(64)} ${results.packagePdf.medianMs.toFixed(1).padStart(8)} ${results.packagePdf.bareJsPdfMedianMs.toFixed(1).padStart(9)}   ≤ 30, ≤ 2× bare jsPDF (same text, same page): ${results.packagePdf.ratioToBare}×`);
  console.log(`${`batch of ${BATCH} draft packages: click → zip`.padEnd(64)} ${String(results.batch.ms).padStart(8)} ${''.padStart(9)}   ≤ 10000`);
  console.log(`${'batch: longest task meanwhile (PerformanceObserver longtask)'.padEnd(64)} ${String(results.batch.longestTaskMs).padStart(8)} ${''.padStart(9)}   ≤ 200 (${batch.longTasks} tasks over 50 ms)`);
  console.log(`batch: ${results.batch.result}; zip ${(batch.zipBytes / 2 ** 20).toFixed(1)} MB`);
  writeFileSync('bench-results.export.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('written to bench-results.export.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
  await browser.close();
  await server.close();
}
