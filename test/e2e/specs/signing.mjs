import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { addRecord, confirmAnswers, createClientWithOfficer, eventually, field, heading, localToday, longDate, saveCertification, startApp, tinyPng } from '../app-steps.mjs';

const CERTIFICATION_PATH = /\/certifications\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const tests = [
  {
    name: 'a signed certification stays as signed when a complaint is added in its year: the change is listed, the export is byte-identical; reopened as a draft it is marked DRAFT',
    async fn({ page, origin }) {
      const company = 'Juniper Flats Telephone Company';
      const officer = 'Rosa Delgado';
      // The season whose dates have all come: a certification for this year, covering last year,
      // signed and dated on a day that has come (never later than the usual filing date).
      const today = localToday();
      const year = Number(today.slice(0, 4));
      const covered = year - 1;
      const dateFiled = today < `${year}-02-20` ? today : `${year}-02-20`;
      const signatureDate = dateFiled;

      await startApp(page, origin);
      const clientId = await createClientWithOfficer(page, origin, { legalName: company, filerId: '827700', officer });
      await addComplaint(page, origin, clientId, {
        receivedOn: `${covered}-05-14`,
        notes: 'Mrs. Alvarez said her husband John obtained her call records at the front desk.',
        publicSummary: 'A customer reported that a family member obtained call records at the front desk; staff were retrained on authentication.',
      });

      await page.goto(`${origin}/certifications?client=${clientId}`);
      await heading(page, 'Certifications');
      const form = page.getByRole('form', { name: 'Start a certification' });
      await eventually(async () => (await field(form, 'Client').inputValue()) === clientId, { message: 'the linked client to be chosen' });
      await field(form, 'Certification year').fill(String(year));
      await form.getByRole('button', { name: 'Start' }).click();
      await page.waitForURL(CERTIFICATION_PATH);
      const certificationUrl = page.url();
      await heading(page, `${company}: ${year} certification`);

      await field(page, 'Date filed').fill(dateFiled);
      await field(page, 'Signature date').fill(signatureDate);
      await confirmAnswers(page);
      await saveCertification(page);
      const status = page.getByTestId('status-panel');
      await status.getByRole('button', { name: 'Mark ready to sign' }).click();
      await status.getByRole('heading', { name: 'Status: Ready to sign', exact: true }).waitFor();
      await status.getByRole('button', { name: 'Mark signed' }).click();
      await status.getByRole('heading', { name: `Status: Signed on ${longDate(signatureDate)}` }).waitFor();

      const dir = mkdtempSync(join(tmpdir(), 'cpni-e2e-signing-'));
      try {
        // The package as signed: the signature, no draft mark, the one complaint.
        const first = await exportPdf(page, join(dir, 'signed-1.pdf'));
        assert.equal(first.fileName, `${company} CPNI Certification ${year}.pdf`);
        const signedText = pdfText(first.path);
        assert.ok(signedText.includes(`/s/ ${officer}`), 'the signed package carries the signature');
        assert.ok(!signedText.includes('DRAFT'), 'the signed package carries no draft mark');
        assert.ok(signedText.includes(`received 1 customer complaint in calendar year ${covered}`));
        assert.ok(signedText.includes('a family member obtained call records at the front desk'), 'the public summary is printed');
        assert.ok(!signedText.includes('Alvarez') && !signedText.includes('John'), 'the internal notes are not');

        // A complaint in the covered year, added after signing.
        const addedOn = `${covered}-11-10`;
        await addComplaint(page, origin, clientId, { receivedOn: addedOn, notes: 'Second complaint, after signing.', publicSummary: '' });

        await page.goto(certificationUrl);
        await heading(page, `${company}: ${year} certification`);
        await page.getByTestId('status-panel').getByRole('heading', { name: `Status: Signed on ${longDate(signatureDate)}` }).waitFor();
        assert.match(await page.getByTestId('signed-complaints').innerText(), /^1 customer complaint /, 'the certification still states one complaint');
        const changes = page.getByTestId('changes-since-signing');
        await changes.waitFor();
        assert.match(await changes.innerText(), new RegExp(`1 complaint dated ${addedOn} was added after signing\\.`));

        const second = await exportPdf(page, join(dir, 'signed-2.pdf'));
        assert.equal(second.fileName, first.fileName);
        assert.ok(readFileSync(second.path).equals(readFileSync(first.path)), 'the export after the change is byte for byte the one made before');

        // The consultant's batch of signed packages holds the same file.
        await page.goto(`${origin}/certifications`);
        const batch = page.getByTestId('batch-export');
        await batch.waitFor();
        await batch.getByLabel('Year to export').selectOption(String(year));
        await batch.getByLabel(/^Signed packages/).check();
        await batch.getByRole('button', { name: 'Select all signed or filed' }).click();
        const [zipDownload] = await Promise.all([page.waitForEvent('download'), batch.getByTestId('batch-export-button').click()]);
        assert.equal(zipDownload.suggestedFilename(), `CPNI Certifications ${year}.zip`);
        const zipPath = join(dir, 'batch.zip');
        await zipDownload.saveAs(zipPath);
        const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
        assert.ok(Buffer.from(entries[first.fileName]).equals(readFileSync(first.path)), 'the batch holds the signed bytes');

        await page.goto(certificationUrl);
        await heading(page, `${company}: ${year} certification`);

        // Reopened as a draft: the signature and its date are cleared and every export is marked.
        const reopen = page.getByTestId('status-panel');
        await reopen.getByRole('button', { name: 'Reopen as draft' }).click();
        await reopen.getByRole('group', { name: 'Reopen as draft' }).getByRole('button', { name: 'Reopen as draft' }).click();
        await page.getByTestId('status-panel').getByRole('heading', { name: 'Status: Draft', exact: true }).waitFor();
        assert.equal(await field(page, 'Signature date').inputValue(), '', 'the signature date is cleared');
        assert.match(await page.getByTestId('complaint-statement').innerText(), new RegExp(`received 2 customer complaints in calendar year ${covered}`));

        const draft = await exportPdf(page, join(dir, 'draft.pdf'));
        assert.equal(draft.fileName, `${company} CPNI Certification ${year} DRAFT.pdf`);
        const pages = pdfPages(draft.path);
        assert.ok(pages.length > 1);
        assert.ok(pages.join(' ').includes('DRAFT — not signed'), 'the draft is marked');
        assert.ok(!pages.join(' ').includes('/s/'), 'the draft carries no signature');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'a remote officer signs: the copy for signature carries a signature page and the fingerprint the signed package keeps; an uploaded signature image is checked and printed on the signature line',
    async fn({ page, origin }) {
      const company = 'Cedar Bluff Telephone Company';
      const officer = 'Imani Okafor';
      const today = localToday();
      const year = Number(today.slice(0, 4));
      const signatureDate = today < `${year}-02-20` ? today : `${year}-02-20`;

      await startApp(page, origin);
      const clientId = await createClientWithOfficer(page, origin, { legalName: company, filerId: '827710', officer });
      await page.goto(`${origin}/certifications?client=${clientId}`);
      await heading(page, 'Certifications');
      const form = page.getByRole('form', { name: 'Start a certification' });
      await eventually(async () => (await field(form, 'Client').inputValue()) === clientId, { message: 'the linked client to be chosen' });
      await field(form, 'Certification year').fill(String(year));
      await form.getByRole('button', { name: 'Start' }).click();
      await page.waitForURL(CERTIFICATION_PATH);
      await heading(page, `${company}: ${year} certification`);
      await field(page, 'Date filed').fill(signatureDate);
      await field(page, 'Signature date').fill(signatureDate);
      await confirmAnswers(page);

      // A file that says it is a PNG but is not one is refused in words; a real PNG is taken.
      const upload = page.getByLabel('Upload a signature image');
      await upload.setInputFiles({ name: 'signature.png', mimeType: 'image/png', buffer: Buffer.from('GIF89a, not a PNG at all') });
      await page.getByRole('alert').filter({ hasText: 'signature.png' }).waitFor();
      assert.match(await page.getByRole('alert').filter({ hasText: 'signature.png' }).innerText(), /says it is a PNG, but its content is not a PNG picture/);
      await upload.setInputFiles({ name: 'signature.png', mimeType: 'image/png', buffer: tinyPng(90, 30) });
      await page.getByTestId('signature-preview').waitFor();
      await saveCertification(page);
      const status = page.getByTestId('status-panel');
      await status.getByRole('button', { name: 'Mark ready to sign' }).click();
      await status.getByRole('heading', { name: 'Status: Ready to sign', exact: true }).waitFor();

      const dir = mkdtempSync(join(tmpdir(), 'cpni-e2e-for-signature-'));
      try {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-for-signature').click()]);
        assert.equal(download.suggestedFilename(), `${company} CPNI Certification ${year} FOR SIGNATURE.pdf`);
        const copyPath = join(dir, 'copy.pdf');
        await download.saveAs(copyPath);
        const copy = pdfPages(copyPath);
        const last = copy.at(-1);
        assert.match(last, /Signature page for the officer/);
        assert.match(last, new RegExp(`Officer: ${officer}`));
        assert.match(last, /Date: _{16}/);
        assert.ok(copy.every((p) => p.includes('DRAFT — not signed')), 'every page of the copy is marked');
        assert.ok(!copy.join(' ').includes('/s/'), 'the copy carries no signature');
        assert.equal(pdfImageCount(copyPath), 0, 'the copy carries no signature image');
        const fingerprint = /Text fingerprint: ([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})/.exec(last)?.[1];
        assert.ok(fingerprint, 'the signature page prints the text fingerprint');

        await status.getByRole('button', { name: 'Mark signed' }).click();
        await status.getByRole('heading', { name: `Status: Signed on ${longDate(signatureDate)}` }).waitFor();
        assert.match(await page.getByTestId('text-fingerprint').innerText(), new RegExp(`Text fingerprint ${fingerprint}`));
        const signed = await exportPdf(page, join(dir, 'signed.pdf'));
        assert.equal(pdfImageCount(signed.path), 1, 'the signed package prints the signature image');
        assert.ok(!pdfText(signed.path).includes('/s/'), 'signed with the image, not a typed /s/');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'a filed certification is read-only; an amended filing says which filing it amends, and starting that year again opens the amendment',
    async fn({ page, origin }) {
      const company = 'Sagebrush Valley Telephone Cooperative';
      const today = localToday();
      const year = Number(today.slice(0, 4));
      const dateFiled = today < `${year}-02-20` ? today : `${year}-02-20`;
      await startApp(page, origin);
      const clientId = await createClientWithOfficer(page, origin, { legalName: company, filerId: '827701', officer: 'Lena Marsh' });

      // The only client is chosen already.
      await page.goto(`${origin}/certifications`);
      await heading(page, 'Certifications');
      const form = page.getByRole('form', { name: 'Start a certification' });
      await eventually(async () => (await field(form, 'Client').inputValue()) === clientId, { message: 'the only client to be chosen' });
      await field(form, 'Certification year').fill(String(year));
      await form.getByRole('button', { name: 'Start' }).click();
      await page.waitForURL(CERTIFICATION_PATH);
      const originalUrl = page.url();
      await field(page, 'Date filed').fill(dateFiled);
      await field(page, 'Signature date').fill(dateFiled);
      await confirmAnswers(page);
      await saveCertification(page);
      const status = page.getByTestId('status-panel');
      await status.getByRole('button', { name: 'Mark ready to sign' }).click();
      await status.getByRole('button', { name: 'Mark signed' }).click();
      await status.getByRole('heading', { name: `Status: Signed on ${longDate(dateFiled)}` }).waitFor();
      await field(status, 'Filed on').fill(dateFiled);
      await field(status, 'ECFS confirmation number').fill('1022033344455');
      await status.getByRole('button', { name: 'Mark filed' }).click();
      await status.getByRole('heading', { name: `Status: Filed on ${longDate(dateFiled)} (ECFS 1022033344455)` }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Reopen as draft' }).count(), 0, 'a filed certification cannot be reopened');
      assert.equal(await page.getByRole('button', { name: 'Save certification' }).count(), 0, 'a filed certification has nothing to edit');

      await status.getByRole('button', { name: 'Start an amended filing' }).click();
      await page.waitForURL((url) => CERTIFICATION_PATH.test(url.pathname) && url.href !== originalUrl);
      const amendmentUrl = page.url();
      await heading(page, `${company}: ${year} certification`);
      await page.getByText(`This is an amended filing of the certification filed on ${longDate(dateFiled)} (ECFS 1022033344455).`, { exact: false }).waitFor();
      await page.getByTestId('status-panel').getByRole('heading', { name: 'Status: Draft', exact: true }).waitFor();
      assert.equal(await field(page, 'Signature date').inputValue(), '', 'the amendment is signed anew');

      const dir = mkdtempSync(join(tmpdir(), 'cpni-e2e-amend-'));
      try {
        const draft = await exportPdf(page, join(dir, 'amended.pdf'));
        const text = pdfText(draft.path);
        assert.ok(
          text.includes(`This is an amended certification. It amends the company's certification for ${year} filed on ${longDate(dateFiled)} (ECFS confirmation 1022033344455) in EB Docket No. 06-36.`),
          'the package says which filing it amends',
        );
        assert.ok(text.includes('DRAFT — not signed'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }

      // The same client and year again: the filing in force is the amendment.
      await page.goto(`${origin}/certifications?client=${clientId}`);
      const rows = page.getByTestId('certifications-table').locator('tbody tr');
      await eventually(async () => (await rows.count()) === 2, { message: 'both filings of the year in the list' });
      const texts = await rows.allInnerTexts();
      assert.ok(texts.some((t) => t.includes(`Filed on ${longDate(dateFiled)} (ECFS 1022033344455); amended since`)), `the original is listed as filed and amended (${texts.join(' | ')})`);
      assert.ok(texts.some((t) => t.includes('Amended filing: Draft')), 'the amendment is listed as a draft');
      const again = page.getByRole('form', { name: 'Start a certification' });
      await field(again, 'Certification year').fill(String(year));
      await again.getByRole('button', { name: 'Start' }).click();
      await page.waitForURL(amendmentUrl);
    },
  },
];


function addComplaint(page, origin, clientId, { receivedOn, notes, publicSummary }) {
  return addRecord(page, origin, {
    clientId,
    kind: 'complaint',
    title: 'Customer complaint',
    fields: {
      'Received on': receivedOn,
      Category: 'Improper disclosure to individuals not authorized to receive the information',
      'Internal notes': notes,
      ...(publicSummary ? { 'Public summary (printed in the filing)': publicSummary } : {}),
    },
  });
}

async function exportPdf(page, path) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
  await download.saveAs(path);
  return { fileName: download.suggestedFilename(), path };
}

function pdfPages(path) {
  const run = spawnSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  assert.equal(run.status, 0, `pdftotext failed: ${run.stderr}`);
  return run.stdout.split('\f').map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

function pdfText(path) {
  return pdfPages(path).join(' ');
}

function pdfImageCount(path) {
  const run = spawnSync('/usr/bin/pdfimages', ['-list', path], { encoding: 'utf8' });
  assert.equal(run.status, 0, `pdfimages failed: ${run.stderr}`);
  return run.stdout.trim().split('\n').length - 2;
}
