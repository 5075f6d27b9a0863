import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { confirmAnswers, eventually, field, heading, localToday, longDate, saveCertification, startApp, tinyPng } from '../app-steps.mjs';

const CERTIFICATION_PATH = /\/certifications\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

function clientsCsv(count, firstFilerId) {
  const rows = ['legal_name,filer_id,services,officer_1_name,officer_1_title'];
  for (let i = 1; i <= count; i += 1) rows.push(`Carrier ${String(i).padStart(3, '0')} Telephone,${firstFilerId + i},wireline,Officer ${i},President`);
  return rows.join('\n') + '\n';
}

async function importClients(page, origin, csv) {
  await page.goto(`${origin}/clients/import`);
  await heading(page, 'Import clients');
  await field(page, 'CSV file of clients').setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('clients-import-summary').waitFor();
  await page.getByRole('button', { name: /^Add \d+ clients?$/ }).click();
  await page.getByTestId('clients-import-done').waitFor();
}

export const tests = [
  {
    name: 'a consultant imports 200 clients and starts the season for all of them in one step; the board shows 200 drafts and the dashboard one grouped certification deadline',
    async fn({ page, origin }) {
      await startApp(page, origin);
      await importClients(page, origin, clientsCsv(200, 840000));

      await page.goto(`${origin}/certifications`);
      await heading(page, 'Certifications');
      const board = page.getByTestId('season-board');
      const progress = board.getByTestId('season-progress');
      await eventually(async () => /0 of 200 filed .* 200 not started/.test(await progress.innerText()), { message: 'the board to count 200 clients not started' });
      await board.getByTestId('start-season').click();
      const summary = board.getByTestId('season-report-summary');
      await summary.waitFor({ timeout: 30_000 });
      assert.equal(await summary.innerText(), '0 rolled forward from last year, 200 new, 0 already started (left as they were).');
      await eventually(async () => /0 of 200 filed · 0 signed · 0 ready to sign · 200 drafts · 0 not started/.test(await progress.innerText()), { message: 'the board to count 200 drafts' });
      assert.equal(await board.getByTestId('season-table').locator('tbody tr').count(), 200);
      // Each new draft's open checks are counted after the board is on screen: every questionnaire topic is still to answer.
      await eventually(async () => /\d+ topics to answer or review/.test(await board.getByTestId('season-table').locator('tbody tr').first().innerText()), {
        timeout: 30_000,
        message: 'the first draft to show its open checks',
      });

      // Sorted by client name; a click on the header reverses it and puts the last carrier first.
      await board.getByRole('button', { name: /^Client/ }).click();
      assert.equal(await board.getByRole('columnheader', { name: /^Client/ }).getAttribute('aria-sort'), 'descending');
      assert.match(await board.getByTestId('season-table').locator('tbody tr').first().innerText(), /^Carrier 200 Telephone/);
      await field(board, 'Find by name or Filer ID').fill('Carrier 01');
      await eventually(async () => (await board.getByTestId('season-table').locator('tbody tr').count()) === 10, { message: 'the search to keep Carrier 010–019' });

      await page.goto(`${origin}/`);
      await heading(page, 'Dashboard');
      const group = page.getByTestId('deadline-group');
      await group.waitFor();
      assert.equal(await group.count(), 1, 'the 200 identical certification deadlines are one row');
      assert.match(await group.innerText(), /200 annual certifications due .* — 200 not yet ready/);
    },
  },
  {
    name: 'signatures that came back from remote officers are recorded in bulk, then filings are marked filed from a pasted list',
    async fn({ page, origin }) {
      // The season whose dates have all come: this year's certification, covering last year.
      const today = localToday();
      const year = Number(today.slice(0, 4));
      const dateFiled = today < `${year}-02-20` ? today : `${year}-02-20`;
      await startApp(page, origin);
      await importClients(page, origin, clientsCsv(2, 861000));

      for (const name of ['Carrier 001 Telephone', 'Carrier 002 Telephone']) {
        await page.goto(`${origin}/certifications`);
        const form = page.getByRole('form', { name: 'Start a certification' });
        await field(form, 'Client').selectOption({ label: name });
        await field(form, 'Certification year').fill(String(year));
        await form.getByRole('button', { name: 'Start' }).click();
        await page.waitForURL(CERTIFICATION_PATH);
        await field(page, 'Date filed').fill(dateFiled);
        await field(page, 'Signature date').fill(dateFiled);
        await confirmAnswers(page);
        await saveCertification(page);
        const status = page.getByTestId('status-panel');
        await status.getByRole('button', { name: 'Mark ready to sign' }).click();
        await status.getByRole('heading', { name: 'Status: Ready to sign', exact: true }).waitFor();
      }

      await page.goto(`${origin}/certifications`);
      const board = page.getByTestId('season-board');
      await field(board, 'Season').selectOption(String(year));
      const progress = board.getByTestId('season-progress');
      await eventually(async () => /0 of 2 filed · 0 signed · 2 ready to sign/.test(await progress.innerText()), { message: 'two certifications ready to sign' });

      const signatures = board.getByTestId('season-signatures');
      await signatures.locator('summary').click();
      await signatures.getByLabel('Record the signature for Carrier 001 Telephone').check();
      await signatures.getByLabel('Record the signature for Carrier 002 Telephone').check();

      // The officers' copies for signature, one PDF each in one zip.
      const dir = mkdtempSync(join(tmpdir(), 'cpni-e2e-copies-'));
      try {
        const [zipDownload] = await Promise.all([page.waitForEvent('download'), signatures.getByTestId('export-for-signature-batch').click()]);
        assert.equal(zipDownload.suggestedFilename(), `CPNI Certifications ${year} FOR SIGNATURE.zip`);
        await zipDownload.saveAs(join(dir, 'copies.zip'));
        const names = Object.keys(unzipSync(new Uint8Array(readFileSync(join(dir, 'copies.zip'))))).sort();
        assert.deepEqual(names, ['Carrier 001 Telephone CPNI Certification ' + year + ' FOR SIGNATURE.pdf', 'Carrier 002 Telephone CPNI Certification ' + year + ' FOR SIGNATURE.pdf', 'README.txt']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      await eventually(async () => /Exported 2 copies for signature\./.test(await signatures.getByRole('status').innerText()), { message: 'the copies reported' });

      // One officer sent back a signature image: a file that is not a picture is refused in words, a PNG is taken.
      const image = signatures.getByLabel('Signature image for Carrier 002 Telephone');
      await image.setInputFiles({ name: 'scan.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a picture') });
      await signatures.getByText('“scan.jpg”: The signature image says it is a JPEG, but its content is not a JPEG picture.').waitFor();
      // Recording with the refused image signs nothing: never a typed "/s/" the officer did not give.
      await signatures.getByLabel('Record the signature for Carrier 001 Telephone').uncheck();
      await signatures.getByTestId('record-signatures').click();
      await eventually(async () => /^Carrier 002 Telephone: not signed: the signature image was refused/.test(await signatures.getByTestId('signature-results').innerText()), { message: 'the refused image reported' });
      assert.match(await progress.innerText(), /0 signed · 2 ready to sign/);
      await signatures.getByLabel('Record the signature for Carrier 001 Telephone').check();
      await signatures.getByLabel('Record the signature for Carrier 002 Telephone').check();
      await image.setInputFiles({ name: 'okafor.png', mimeType: 'image/png', buffer: tinyPng(90, 30) });
      await signatures.getByText('okafor.png: the image goes on the signature line.').waitFor();

      await signatures.getByTestId('record-signatures').click();
      const results = signatures.getByTestId('signature-results');
      await eventually(async () => /^Carrier 001 Telephone: signed/.test(await results.innerText()), { message: 'both signatures recorded', timeout: 30_000 });
      const fingerprint = '; text fingerprint [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4} \\(it must match the officer’s copy\\)';
      assert.match(
        await results.innerText(),
        new RegExp(`^Carrier 001 Telephone: signed on ${longDate(dateFiled)}${fingerprint}\nCarrier 002 Telephone: signed on ${longDate(dateFiled)} with the signature image${fingerprint}$`),
      );
      await eventually(async () => /0 of 2 filed · 2 signed/.test(await progress.innerText()), { message: 'two signed' });

      await board.locator('details.season-filed summary').click();
      await field(board, 'Filings').fill(`861001\t${dateFiled}\t1022000000001\n999999, ${dateFiled}, 1022000000002`);
      await board.getByTestId('mark-filed-list').click();
      const filed = board.getByTestId('filed-results');
      await filed.waitFor();
      assert.equal(await filed.innerText(), `Line 1: Carrier 001 Telephone marked filed on ${longDate(dateFiled)} (ECFS 1022000000001).\nLine 2: not marked: No client has Filer ID 999999.`);
      await eventually(async () => /1 of 2 filed · 1 signed/.test(await progress.innerText()), { message: 'one filed, one signed' });
      assert.equal(await field(board, 'Filings').inputValue(), `999999, ${dateFiled}, 1022000000002`, 'the line not applied stays in the box to correct');
    },
  },
];
