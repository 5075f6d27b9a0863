import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { UUID_PATH, addRecord, eventually, field, heading, startApp, waitForController } from '../app-steps.mjs';

const CERTIFICATION_PATH = /\/certifications\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const BLOCKED_REASON = 'Export is blocked by errors in the checks: fix them or override them with a reason.';

export const tests = [
  {
    name: 'a certification drafted for a new client is exported offline as a draft PDF that reads right and is marked as a draft; a signature date still to come cannot be marked signed',
    async fn({ page, context, origin }) {
      const company = 'Cedar Bluff Telephone Company';
      const filerId = '827614';
      const officer = 'Maria Okafor';
      await startApp(page, origin);
      await page.getByTestId('offline-ready').waitFor({ timeout: 20_000 });
      await addPreparer(page, origin, {
        name: 'Jordan Ellis',
        firm: 'Ellis Regulatory Services',
        letterhead: ['Ellis Regulatory Services', '200 Main Street, Suite 4', 'Topeka, KS 66603'],
        email: 'jordan@ellis-regulatory.example',
      });
      const clientId = await createClientWithOfficers(page, origin, { legalName: company, filerId, officers: [{ name: officer, title: 'President' }] });
      // Two complaints in the covered year, one on the last day of the year before: only two count.
      await addComplaint(page, origin, clientId, {
        receivedOn: '2026-05-14',
        category: 'Improper access by employees',
        summary: 'A billing clerk looked up a neighbour’s call records.',
        publicSummary: 'An employee viewed a customer’s call records without a business reason; the employee was disciplined.',
      });
      await addComplaint(page, origin, clientId, {
        receivedOn: '2026-12-31',
        category: 'Improper access to online information by individuals not authorized to view the information',
        summary: 'A former spouse signed in to the customer’s online account.',
      });
      await addComplaint(page, origin, clientId, { receivedOn: '2025-12-31', category: 'Other', summary: 'Complaint from the previous year about a mailed bill.' });

      await waitForController(page);
      await context.setOffline(true);
      assert.equal(await page.evaluate((url) => fetch(url, { cache: 'no-store' }).then(() => 'reached', () => 'failed'), `${origin}/e2e-probe.txt`), 'failed', 'the context is offline');

      const certPage = await page.goto(`${origin}/certifications`);
      assert.equal(certPage?.fromServiceWorker(), true, 'the certifications screen came from the service worker');
      await startCertification(page, { client: company, year: '2027' });
      await page.waitForURL(CERTIFICATION_PATH);
      await heading(page, `${company}: 2027 certification`);
      assert.equal(await field(page, 'Signatory name').inputValue(), officer, 'the default signatory comes from the client');
      assert.equal(await field(page, 'Signatory title').inputValue(), 'President');
      assert.match(await page.getByTestId('complaint-statement').innerText(), /received 2 customer complaints in calendar year 2026/);

      await field(page, 'Date filed').fill('2027-02-20');
      await field(page, 'Signature date').fill('2027-02-19');

      // Nothing is answered yet: the statement holds placeholders and the certification cannot be ready.
      const topics = page.getByTestId('questionnaire').getByTestId('topic');
      assert.ok((await topics.count()) > 10, 'the questionnaire lists its topics');
      for (const status of await topics.getByTestId('topic-status').allInnerTexts()) assert.equal(status.trim(), 'To answer: Not answered yet.');
      const status = page.getByTestId('status-panel');
      assert.match(await status.innerText(), /Answer the questionnaire topic “Use of CPNI for marketing”: it has no answers yet\./);
      assert.equal(await status.getByRole('button', { name: 'Mark ready to sign' }).count(), 0, 'an unanswered questionnaire cannot be ready');

      // Filled from typical practice, every topic is a sample until reviewed.
      await page.getByRole('button', { name: 'Fill from typical small-carrier practice' }).click();
      await eventually(async () => (await topics.filter({ hasText: 'Sample answers from typical small-carrier practice, not yet reviewed' }).count()) === (await topics.count()), {
        message: 'every topic marked as a sample',
      });
      assert.match(await status.innerText(), /Review the questionnaire topic “Training and discipline”: its answers are samples/);
      assert.equal(await status.getByRole('button', { name: 'Mark ready to sign' }).count(), 0, 'unreviewed samples cannot be ready');
      await confirmEveryTopic(page);
      await saveCertification(page);

      const lint = page.getByTestId('lint');
      assert.match(await lint.innerText(), /No problems found in the certification or the statement\.|No open errors\. Warnings do not block export\./);
      assert.equal(await errorFindings(page).count(), 0, 'no error in the checks');

      const exportPanel = page.getByTestId('export-panel');
      assert.equal(await exportPanel.getByLabel(/^One filing package PDF/).isChecked(), true, 'one filing package is the default');
      assert.equal(await exportPanel.getByRole('alert').count(), 0, 'nothing blocks the export');
      const dir = mkdtempSync(join(tmpdir(), 'cpni-e2e-cert-'));
      try {
        const download = await exportPdf(page);
        const fileName = `${company} CPNI Certification 2027 DRAFT.pdf`;
        assert.equal(download.suggestedFilename(), fileName);
        await exportPanel.getByText(`Exported ${fileName}.`).waitFor();
        const path = join(dir, fileName);
        await download.saveAs(path);
        assert.equal(readFileSync(path).subarray(0, 5).toString('latin1'), '%PDF-');

        const text = pdfText(path);
        for (const expected of [
          'Via ECFS',
          company,
          filerId,
          'EB Docket No. 06-36',
          'Annual 47 C.F.R. § 64.2009(e) CPNI Certification for 2027 covering calendar year 2026',
          'personal knowledge',
          'DRAFT — not signed',
          'received 2 customer complaints in calendar year 2026',
          'Form 499 Filer ID: 827614',
          'Date filed: February 20, 2027',
          'Attachment A: Accompanying statement of CPNI operating procedures',
          'Attachment B: Summary of customer complaints',
          'Page 1 of',
        ]) {
          assert.ok(text.includes(expected), `the PDF's text contains ${JSON.stringify(expected)}`);
        }
        assert.ok(!text.includes('/s/'), 'a draft carries no signature');
        assert.ok(!text.includes('Date: February 19, 2027'), 'a draft carries no signature date');
        assert.ok(text.includes('An employee viewed a customer’s call records without a business reason'), 'the public summary is attached');
        assert.ok(!text.includes('A billing clerk looked up'), 'internal notes are never printed');
        assert.ok(!text.includes('former spouse'), 'internal notes are never printed');
        assert.ok(!text.includes('about a mailed bill'), 'a complaint from 2025 is not part of the 2026 certification');
        const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
        assert.ok(pages > 1, 'the package has several pages');
        assert.ok(text.includes(`Page ${pages} of ${pages}`), 'the last page is numbered');
        const info = spawnSync('/usr/bin/pdfinfo', [path], { encoding: 'utf8' }).stdout;
        assert.match(info, new RegExp(`^Pages:\\s+${pages}$`, 'm'), 'the page numbers count every page');
        assert.match(info, /^Page size:\s+612 x 792 pts \(letter\)/m);
        assert.match(info, /^Title:\s+Annual 47 C\.F\.R\. § 64\.2009\(e\) CPNI Certification for 2027 covering calendar year 2026/m);
        // Not signed yet: a draft on every page, with nothing over the signature lines.
        assert.ok(!text.includes('/s/'), 'the draft prints no /s/ signature');
        pdfPages(path).forEach((pageText, i) => assert.ok(pageText.includes('DRAFT — not signed'), `page ${i + 1} of the draft is marked`));
        assert.match(info, /^Title:.*\(DRAFT — not signed\)$/m);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }

      await status.getByRole('heading', { name: 'Status: Draft' }).waitFor();
      assert.doesNotMatch(await status.innerText(), /questionnaire/, 'every topic is answered and reviewed');
      await status.getByRole('button', { name: 'Mark ready to sign' }).click();
      await status.getByRole('heading', { name: 'Status: Ready to sign', exact: true }).waitFor();
      assert.match(await status.innerText(), new RegExp(`/s/ ${officer}`));
      // The officer signs on the signature date, which has not come: it cannot be marked signed yet.
      assert.equal(await status.getByRole('button', { name: 'Mark signed' }).isDisabled(), true, 'a signature date still to come cannot be marked signed');
      assert.match(await status.getByTestId('signing-problems').innerText(), /The signature date \(February 19, 2027\) has not come yet/);

      // Still ready after a reload (from the service worker, still offline) and in the list.
      await page.reload();
      await heading(page, `${company}: 2027 certification`);
      await page.getByTestId('status-panel').getByRole('heading', { name: 'Status: Ready to sign', exact: true }).waitFor();
      await page.goto(`${origin}/certifications`);
      const row = page.getByTestId('certifications-table').getByRole('row', { name: new RegExp(company) });
      await row.waitFor();
      assert.match(await row.innerText(), /2027 \(covers 2026\)/);
      assert.match(await row.innerText(), /Ready to sign/);
      assert.doesNotMatch(await page.locator('main').innerText(), /lint/i, 'no “lint” anywhere on the screen');
    },
  },
  {
    name: 'certification questionnaire answers and statement edits survive a save and a reload',
    async fn({ page, origin }) {
      const company = 'Willow Flat Telephone Co.';
      await startApp(page, origin);
      await createClientWithOfficers(page, origin, { legalName: company, filerId: '831966', officers: [{ name: 'Ruth Amari', title: 'President' }] });
      await page.goto(`${origin}/certifications`);
      await startCertification(page, { client: company, year: '2027' });
      await page.waitForURL(CERTIFICATION_PATH);
      await heading(page, `${company}: 2027 certification`);

      await page.getByRole('button', { name: 'Fill from typical small-carrier practice' }).click();
      await field(page, 'How they are trained').fill('with a recorded video course and a written quiz');
      await field(page, 'Customers can see account information online').selectOption('yes');
      await field(page, 'How a customer is authenticated before online access is first given').fill('with a one-time code mailed to the address of record');
      await page.getByRole('button', { name: 'Confirm “Training and discipline”' }).click();
      await saveCertification(page);
      await page.reload();
      await heading(page, `${company}: 2027 certification`);
      assert.equal(await field(page, 'How they are trained').inputValue(), 'with a recorded video course and a written quiz');
      assert.equal(await field(page, 'Customers can see account information online').inputValue(), 'yes');
      const topic = (id) => page.locator(`[data-testid="topic"][data-topic="${id}"]`).getByTestId('topic-status');
      assert.match(await topic('training').innerText(), /^Sample answers reviewed on /);
      assert.match(await topic('authentication').innerText(), /^To review: Sample answers/, 'an edited sample still waits for its review');
      const statement = (await page.getByRole('region', { name: 'Accompanying statement' }).locator('textarea').evaluateAll((areas) => areas.map((a) => a.value))).join('\n');
      assert.match(statement, /with a recorded video course and a written quiz/);
      assert.match(statement, /authenticates the customer with a one-time code mailed to the address of record/);
    },
  },
  {
    name: 'certification checks with errors block the export until each is overridden with a reason',
    async fn({ page, origin }) {
      const company = 'Hollow Creek Communications Inc.';
      await startApp(page, origin);
      await createClientWithOfficers(page, origin, { legalName: company, filerId: '831977', officers: [{ name: 'Samuel Reyes', title: 'President' }] });
      await page.goto(`${origin}/certifications`);
      await startCertification(page, { client: company, year: '2027' });
      await page.waitForURL(CERTIFICATION_PATH);
      await heading(page, `${company}: 2027 certification`);

      await answerQuestionnaire(page);
      await field(page, 'Signatory title').fill('Regulatory Consultant');
      await field(page, 'Date filed').fill('2027-02-20');
      await field(page, 'Signature date').fill('2027-02-22');
      await saveCertification(page);

      const lint = page.getByTestId('lint');
      const titleError = errorFindings(page).filter({ hasText: '"Regulatory Consultant" is not an officer\'s title.' });
      const dateError = errorFindings(page).filter({ hasText: 'The signature date (February 22, 2027) is after the date filed (February 20, 2027).' });
      await titleError.first().waitFor();
      await dateError.first().waitFor();
      const errorCount = await errorFindings(page).count();
      assert.ok(errorCount >= 2, `at least the two errors are listed (got ${errorCount})`);
      assert.match(await lint.innerText(), new RegExp(`${errorCount} errors block export until fixed or overridden with a reason\\.`));

      const exportPanel = page.getByTestId('export-panel');
      const exportButton = exportPanel.getByTestId('export-pdf');
      assert.equal(await exportButton.isDisabled(), true, 'export is blocked');
      assert.equal((await exportPanel.getByRole('alert').innerText()).trim(), BLOCKED_REASON);
      const status = page.getByTestId('status-panel');
      assert.match(await status.innerText(), /Fix the errors in the checks, or override them with a reason\./);
      assert.equal(await status.getByRole('button', { name: 'Mark ready to sign' }).count(), 0, 'it cannot be marked ready');

      // Override the errors one at a time; the export stays blocked until the last one.
      let overridden = 0;
      for (;;) {
        // Held by position: once its override button is clicked, the finding no longer matches a filter on it.
        const open = await errorFindings(page).evaluateAll((items) => items.findIndex((li) => [...li.querySelectorAll('button')].some((b) => b.textContent === 'Override with a reason')));
        if (open < 0) break;
        assert.equal(await exportButton.isDisabled(), true, `export is still blocked with ${errorCount - overridden} errors open`);
        const finding = errorFindings(page).nth(open);
        await finding.getByRole('button', { name: 'Override with a reason' }).click();
        const reason = `Reviewed with counsel, reason ${overridden + 1}.`;
        await field(finding, 'Why this is correct as written').fill(reason);
        await finding.getByRole('button', { name: 'Record override' }).click();
        await lint.getByText(`Overridden: ${reason}`).waitFor();
        overridden++;
      }
      assert.equal(overridden, errorCount, 'every error offered an override');
      assert.match(await lint.innerText(), /No open errors\. Warnings do not block export\./);
      assert.match(await titleError.first().innerText(), /Overridden: /, 'the overridden finding stays listed with its reason');
      assert.equal(await exportButton.isDisabled(), false, 'export is possible once every error is overridden');
      assert.equal(await exportPanel.getByRole('alert').count(), 0, 'the blocking reason is gone');

      // The overrides are kept with the certification.
      await saveCertification(page);
      await page.reload();
      await heading(page, `${company}: 2027 certification`);
      await page.getByTestId('lint').getByText('Overridden: Reviewed with counsel, reason 1.').waitFor();
      assert.equal(await page.getByTestId('export-pdf').isDisabled(), false);
      const download = await exportPdf(page);
      assert.equal(download.suggestedFilename(), `${company} CPNI Certification 2027 DRAFT.pdf`);
    },
  },
  {
    name: 'starting next year’s certification rolls last year’s forward and lists what changed',
    async fn({ page, origin }) {
      const company = 'Lone Pine Rural Telephone';
      const added = 'The compliance officer reviews this statement with the staff every January.';
      await startApp(page, origin);
      await createClientWithOfficers(page, origin, {
        legalName: company,
        filerId: '829530',
        officers: [
          { name: 'Maria Okafor', title: 'President' },
          { name: 'Dana Whitfield', title: 'Vice President' },
        ],
      });

      // Last year's certification, signed by the second officer, with an edited section, filed.
      await page.goto(`${origin}/certifications`);
      await startCertification(page, { client: company, year: '2026' });
      await page.waitForURL(CERTIFICATION_PATH);
      const previousId = CERTIFICATION_PATH.exec(new URL(page.url()).pathname)?.[1];
      await heading(page, `${company}: 2026 certification`);
      await field(page, 'Choose an officer').selectOption({ label: 'Dana Whitfield, Vice President' });
      assert.equal(await field(page, 'Signatory name').inputValue(), 'Dana Whitfield');
      await field(page, 'Date filed').fill('2026-02-20');
      await field(page, 'Signature date').fill('2026-02-19');
      await answerQuestionnaire(page);
      await field(page, 'Who handles a suspected breach').fill('the general manager');
      const section = page.getByLabel(/^1\. /);
      const drafted = await section.inputValue();
      await section.fill(`${drafted} ${added}`);
      await saveCertification(page);
      const status = page.getByTestId('status-panel');
      await status.getByRole('button', { name: 'Mark ready to sign' }).click();
      await status.getByRole('button', { name: 'Mark signed' }).click();
      await status.getByRole('heading', { name: 'Status: Signed on February 19, 2026' }).waitFor();
      await field(status, 'Filed on').fill('2026-02-20');
      await field(status, 'ECFS confirmation number').fill('1022011122233');
      await status.getByRole('button', { name: 'Mark filed' }).click();
      await status.getByRole('heading', { name: 'Status: Filed on February 20, 2026 (ECFS 1022011122233)' }).waitFor();

      await page.goto(`${origin}/certifications`);
      await startCertification(page, { client: company, year: '2027' });
      const changes = page.getByTestId('roll-forward-changes');
      await changes.waitFor();
      const items = (await changes.getByRole('listitem').allInnerTexts()).map((t) => t.trim());
      for (const expected of [
        'Certification year: 2026 → 2027',
        'Calendar year covered: 2025 → 2026',
        'Status: filed → draft',
        'Date filed: 2026-02-20 → (to be set)',
        'Signature date: 2026-02-19 → (to be set)',
        'Questionnaire answers: 12 topics answered for 2025 → carried over, each to be reviewed for 2026',
      ]) {
        assert.ok(items.includes(expected), `the changes list ${JSON.stringify(expected)} (got ${JSON.stringify(items)})`);
      }
      assert.equal(new URL(page.url()).pathname, '/certifications', 'the list is shown before opening the new certification');

      await page.getByRole('link', { name: 'Open the new certification' }).click();
      await page.waitForURL(CERTIFICATION_PATH);
      const nextId = CERTIFICATION_PATH.exec(new URL(page.url()).pathname)?.[1];
      assert.notEqual(nextId, previousId, 'a new certification, not last year’s');
      await heading(page, `${company}: 2027 certification`);
      assert.equal(await field(page, 'Signatory name').inputValue(), 'Dana Whitfield', 'last year’s signatory, not the client’s default officer');
      assert.equal(await field(page, 'Signatory title').inputValue(), 'Vice President');
      assert.equal(await field(page, 'Date filed').inputValue(), '');
      assert.equal(await field(page, 'Signature date').inputValue(), '');
      await page.getByTestId('status-panel').getByRole('heading', { name: 'Status: Draft', exact: true }).waitFor();
      assert.ok((await page.getByLabel(/^1\. /).inputValue()).includes(added), 'the edited statement section is carried over');

      // Last year's answers are kept, each to be reviewed for this year before it can be ready.
      assert.equal(await field(page, 'Who handles a suspected breach').inputValue(), 'the general manager');
      const breachStatus = page.locator('[data-testid="topic"][data-topic="breach"]').getByTestId('topic-status');
      assert.match(
        (await breachStatus.innerText()).trim(),
        /^To review: Carried over from the 2026 certification \(calendar year 2025\), reviewed then on [A-Z][a-z]+ \d{1,2}, \d{4}: not yet reviewed for 2026\. Change what is different now, then confirm\.$/,
      );
      const nextStatus = page.getByTestId('status-panel');
      assert.match(await nextStatus.innerText(), /Review the questionnaire topic “Security breaches” for 2026: its answers were carried over from last year's certification \(2026, covering 2025\)\./);
      await page.getByRole('button', { name: 'Confirm “Security breaches”' }).click();
      assert.match((await breachStatus.innerText()).trim(), /^Reviewed for 2026 on /);
      assert.doesNotMatch(await nextStatus.innerText(), /“Security breaches”/);

      await page.goto(`${origin}/certifications`);
      const rows = page.getByTestId('certifications-table').locator('tbody tr');
      await eventually(async () => (await rows.count()) === 2, { message: 'both years in the table' });
      const byYear = Object.fromEntries(
        (await rows.allInnerTexts()).map((t) => [/(\d{4}) \(covers/.exec(t)?.[1], t]),
      );
      assert.match(byYear['2026'], /Filed on February 20, 2026 \(ECFS 1022011122233\)/, 'last year’s stays filed');
      assert.match(byYear['2027'], /Draft/);
    },
  },
  {
    name: 'a batch export of three clients’ drafts for review zips the two clean packages, each marked DRAFT, and lists the blocked client with the reason',
    async fn({ page, origin }) {
      const clean = ['Aspen Valley Telephone Co.', 'Brookside Telecom LLC'];
      const blocked = 'Copper Ridge Networks Inc.';
      await startApp(page, origin);
      for (const [i, legalName] of [...clean, blocked].entries()) {
        await createClientWithOfficers(page, origin, { legalName, filerId: `82000${i + 1}`, officers: [{ name: `Officer ${i + 1} Lee`, title: 'President' }] });
        await page.goto(`${origin}/certifications`);
        await startCertification(page, { client: legalName, year: '2027' });
        await page.waitForURL(CERTIFICATION_PATH);
        await heading(page, `${legalName}: 2027 certification`);
        await field(page, 'Date filed').fill('2027-02-20');
        await field(page, 'Signature date').fill('2027-02-19');
        await answerQuestionnaire(page);
        if (legalName === blocked) await field(page, 'Signatory title').fill('Regulatory Consultant');
        await saveCertification(page);
        if (legalName === blocked) await errorFindings(page).filter({ hasText: '"Regulatory Consultant" is not an officer\'s title.' }).first().waitFor();
      }

      await page.goto(`${origin}/certifications`);
      const batch = page.getByTestId('batch-export');
      await batch.waitFor();
      await batch.getByLabel('Year to export').selectOption('2027');
      // None is signed, so none goes out as a signed package; they go out as drafts for review.
      await batch.getByLabel(/^Drafts for review/).check();
      await batch.getByRole('button', { name: 'Select all', exact: true }).click();
      for (const name of [...clean, blocked]) {
        assert.equal(await batch.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(name)}`) }).isChecked(), true, `${name} is chosen`);
      }
      const button = batch.getByTestId('batch-export-button');
      assert.equal((await button.innerText()).trim(), 'Export 3 packages as a zip');

      // Record what the progress bar shows while the batch runs.
      await page.evaluate(() => {
        const seen = [];
        window.__batchProgress = seen;
        new MutationObserver(() => {
          const bar = document.querySelector('[data-testid="batch-export"] progress');
          if (bar) seen.push({ value: bar.value, max: bar.max });
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      assert.equal(download.suggestedFilename(), 'CPNI Certifications 2027 DRAFTS.zip');
      const result = batch.getByTestId('batch-result');
      await result.waitFor();

      const dir = mkdtempSync(join(tmpdir(), 'cpni-e2e-batch-'));
      try {
        const zipPath = join(dir, 'batch.zip');
        await download.saveAs(zipPath);
        const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
        const names = Object.keys(entries).sort();
        const pdfNames = clean.map((c) => `${c} CPNI Certification 2027 DRAFT.pdf`).sort();
        assert.deepEqual(names, [...pdfNames, 'README.txt'].sort(), 'two PDFs and a README, nothing for the blocked client');
        for (const [i, name] of clean.entries()) {
          const path = join(dir, `client-${i}.pdf`);
          const bytes = entries[`${name} CPNI Certification 2027 DRAFT.pdf`];
          assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
          writeFileSync(path, bytes);
          const text = pdfText(path);
          assert.ok(text.includes(name), `${name}'s PDF names the company`);
          assert.ok(text.includes('Annual 47 C.F.R. § 64.2009(e) CPNI Certification for 2027 covering calendar year 2026'), `${name}'s PDF has the title line`);
          assert.ok(text.includes('DRAFT — not signed'), `${name}'s PDF is marked as a draft`);
          assert.ok(!text.includes('/s/'), `${name}'s PDF carries no signature`);
          for (const other of [...clean, blocked].filter((n) => n !== name)) assert.ok(!text.includes(other), `${name}'s PDF does not mention ${other}`);
        }
        const readme = Buffer.from(entries['README.txt']).toString('utf8').replace(/\r\n/g, '\n');
        assert.match(readme, /Exported \(2\):/);
        for (const name of clean) assert.ok(readme.includes(`- ${name}`), `the README lists ${name} as exported`);
        assert.match(readme, /Not exported \(1\):/);
        const blockedLine = readme.split('\n').find((l) => l.startsWith(`- ${blocked}:`));
        assert.ok(blockedLine, `the README lists ${blocked} as not exported`);
        assert.match(blockedLine, /cannot be exported/);
        assert.match(blockedLine, /"Regulatory Consultant" is not an officer's title/, 'the README says why');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }

      const shown = await result.innerText();
      assert.match(shown, /Exported 2: /);
      for (const name of clean) assert.ok(shown.includes(name), `the result lists ${name} as exported`);
      assert.match(shown, /Not exported \(1\):/);
      const failedItem = result.getByRole('listitem').filter({ hasText: blocked });
      assert.equal(await failedItem.count(), 1, 'the blocked client is listed as not exported');
      assert.match(await failedItem.innerText(), /"Regulatory Consultant" is not an officer's title/);
      const progress = await page.evaluate(() => window.__batchProgress);
      assert.ok(progress.some((p) => p.max === 3 && p.value >= 1), `the progress bar counted the three clients (saw ${JSON.stringify(progress)})`);
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Steps of this spec

async function addPreparer(page, origin, { name, firm, letterhead, email }) {
  await page.goto(`${origin}/settings`);
  await heading(page, 'Settings');
  await page.getByRole('button', { name: 'Add a preparer' }).click();
  const form = page.getByRole('form', { name: 'Preparer' });
  await field(form, 'Name').fill(name);
  await field(form, 'Firm').fill(firm);
  await field(form, 'Letterhead lines').fill(letterhead.join('\n'));
  await field(form, 'Email').fill(email);
  await field(form, 'Default preparer').setChecked(true);
  await form.getByRole('button', { name: 'Save preparer' }).click();
  await form.waitFor({ state: 'detached' });
  await page.getByTestId('preparers').getByText(name, { exact: true }).waitFor();
}

/** The new-client form with officers (the first one is the default signatory); returns the id. */
async function createClientWithOfficers(page, origin, { legalName, filerId, officers }) {
  await page.goto(`${origin}/clients/new`);
  await heading(page, 'New client');
  await field(page, 'Legal name').fill(legalName);
  await field(page, 'Form 499 Filer ID').fill(filerId);
  for (const [i, officer] of officers.entries()) {
    await page.getByRole('button', { name: 'Add an officer' }).click();
    await field(page, `Officer ${i + 1} name`).fill(officer.name);
    await field(page, `Officer ${i + 1} title`).fill(officer.title);
  }
  // The statement names the services; without one it carries a placeholder that blocks export.
  await page.getByLabel('Wireline telecommunications').check();
  await page.getByRole('button', { name: 'Create client' }).click();
  await page.waitForURL(UUID_PATH);
  await heading(page, legalName);
  const id = UUID_PATH.exec(new URL(page.url()).pathname)?.[1];
  assert.ok(id, `expected /clients/<uuid> after creating, got ${page.url()}`);
  return id;
}

function addComplaint(page, origin, clientId, { receivedOn, category, summary, publicSummary = '' }) {
  return addRecord(page, origin, {
    clientId,
    kind: 'complaint',
    title: 'Customer complaint',
    fields: { 'Received on': receivedOn, Category: category, 'Internal notes': summary, ...(publicSummary ? { 'Public summary (printed in the filing)': publicSummary } : {}) },
  });
}

/** Fills the "Start a certification" form on the Certifications screen and submits it. */
async function startCertification(page, { client, year }) {
  await heading(page, 'Certifications');
  const form = page.getByRole('form', { name: 'Start a certification' });
  await field(form, 'Client').selectOption({ label: client });
  await field(form, 'Certification year').fill(year);
  await form.getByText(`Covers calendar year ${Number(year) - 1}.`).waitFor();
  await form.getByRole('button', { name: 'Start' }).click();
}

/** Confirms, one topic at a time, every questionnaire topic still waiting for review. */
async function confirmEveryTopic(page) {
  const confirm = page.getByTestId('questionnaire').getByRole('button', { name: /^Confirm “/ });
  for (let left = await confirm.count(); left > 0; left = await confirm.count()) {
    await confirm.first().click();
    await eventually(async () => (await confirm.count()) < left, { message: 'the confirmed topic to show as reviewed' });
  }
}

/** Fills the questionnaire from typical small-carrier practice and reviews every topic. */
async function answerQuestionnaire(page) {
  await page.getByRole('button', { name: 'Fill from typical small-carrier practice' }).click();
  await confirmEveryTopic(page);
}

async function saveCertification(page) {
  const save = page.getByRole('button', { name: 'Save certification' });
  await save.click();
  await page.getByRole('status').filter({ hasText: /^Saved\./ }).first().waitFor();
  await eventually(() => save.isDisabled(), { message: 'the save button to settle' });
}

function errorFindings(page) {
  return page.getByTestId('lint').getByTestId('finding').filter({ has: page.locator('.status', { hasText: /^Error$/ }) });
}

async function exportPdf(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
  return download;
}

/** The PDF's text as pdftotext reads it, with every run of whitespace made one space. */
function pdfText(path) {
  const run = spawnSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  assert.equal(run.status, 0, `pdftotext failed: ${run.stderr}`);
  return run.stdout.replace(/\s+/g, ' ');
}

/** Each page's text as pdftotext reads it. */
function pdfPages(path) {
  const run = spawnSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  assert.equal(run.status, 0, `pdftotext failed: ${run.stderr}`);
  return run.stdout.split('\f').filter((page) => page.trim());
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
