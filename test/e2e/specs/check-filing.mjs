// "Check a filing written elsewhere": a pasted filing is read for its year, each finding shows its
// line and highlights its text; a PDF made by the app's own export reads back with the findings
// its text gives.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UUID_PATH, eventually, field, heading, startApp, waitForController } from '../app-steps.mjs';

const CERTIFICATION_PATH = /\/certifications\/[0-9a-f-]{36}$/;

/** A certification written the way small carriers wrote them in 2013 (written for the test). */
const FILING_2013 = `February 6, 2013

Marlene H. Dortch, Secretary
Federal Communications Commission
445 12th Street, SW
Washington, DC 20554

Re: EB Docket No. 06-36, Annual CPNI Certification of Prairie Line Telephone Company

Dear Ms. Dortch:

Enclosed is the annual CPNI compliance certification of Prairie Line Telephone Company.

EB Docket No. 06-36

Annual 64.2009(e) CPNI Certification for 2013 covering the prior calendar year 2012

Date Filed: January 27
Name of company covered by this certification: Prairie Line Telephone Company
Form 499 Filer ID: 823901
Name of signatory: Dale Hutchins
Title of signatory: Compliance Officer

I, Dale Hutchins, certify that I am an officer of the company named above, and acting as an
agent of the company, that I have personal knowledge that the company has established
operating procedures that are adequate to ensure compliance with the Commission's CPNI rules.

The company has not taken any actions against data brokers in the past year. The company
has not received any customer complaints in the past year concerning the unauthorized
release of CPNI.

Signed:

ACCOMPANYING STATEMENT

1. Breaches. The company notifies the United States Secret Service and the FBI within seven
(7) business days of a reasonable determination of a breach. If there is an urgent need to
avoid immediate and irreparable harm, the company shall not wait the additional seven (7)
days, but consults the investigating agency first.
`;

const lineOf = (text, needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** Each finding's text without its "Line n:" place, sorted: what the findings say, wherever. */
async function findingTexts(page) {
  const items = await page.getByTestId('check-results').getByTestId('finding').allInnerTexts();
  return items.map((t) => t.replace(/Line \d+: /, '').replace(/\s+/g, ' ').replace(/“[^”]*”/g, '“…”').trim()).sort();
}

export const tests = [
  {
    name: 'check screen: a pasted 2013 filing with no year set is checked as the 2013 filing; each finding shows its line and highlights its text',
    async fn({ page, origin }) {
      await startApp(page, origin);
      await page.goto(`${origin}/certifications/check`);
      await heading(page, 'Check a filing written elsewhere');
      await field(page, 'Text of the filing').fill(FILING_2013);

      await eventually(async () => (await field(page, 'Filing year').inputValue()) === '2013', { message: 'the filing year read from the text' });
      assert.match(await page.getByTestId('year-source').innerText(), /title line: for 2013 covering 2012 \(line 16\)/);
      const results = page.getByTestId('check-results');
      assert.match(await results.innerText(), /Checked as the 2013 filing covering calendar year 2012/);

      const findings = results.getByTestId('finding');
      const all = await findings.allInnerTexts();
      const find = (re) => all.find((t) => re.test(t)) ?? '';
      assert.match(find(/cover letter/), new RegExp(`Line ${lineOf(FILING_2013, 'Date Filed')}:`), 'the date filed differs from the cover letter, on its line');
      assert.match(find(/signature line is empty/), new RegExp(`^Error\\s+Line ${lineOf(FILING_2013, 'Signed:')}:`));
      assert.match(find(/Compliance Officer/), /^Warning/, 'a title that may not be an officer is a warning');
      assert.match(find(/seven \(7\)\s+days/), new RegExp(`Line ${lineOf(FILING_2013, 'the company shall not wait the additional seven')}:`));
      assert.equal(all.filter((t) => /title line's years/.test(t)).length, 0, 'no year error: the year was read from the text');

      // The finding's text is highlighted in the numbered copy, and "Line n" goes there.
      const numbered = page.getByTestId('numbered-text');
      assert.ok((await numbered.getByTestId('highlight').allInnerTexts()).includes('January 27'));
      const signatureFinding = findings.filter({ hasText: 'signature line is empty' });
      await signatureFinding.getByTestId('finding-line').click();
      const selected = numbered.locator('mark.mark--selected');
      assert.equal(await selected.innerText(), 'Signed:');
      await eventually(() => selected.isVisible(), { message: 'the selected text in view' });
      const line = page.locator(`#check-line-${lineOf(FILING_2013, 'Signed:')}`);
      await eventually(async () => {
        const [box, view] = await Promise.all([line.boundingBox(), numbered.boundingBox()]);
        return box && view && box.y >= view.y && box.y + box.height <= view.y + view.height;
      }, { message: 'the numbered copy scrolled to the line' });
    },
  },
  {
    name: 'check screen: a PDF made by the app’s own export is read in the browser, offline, and gives the same findings as its text',
    async fn({ page, context, origin }) {
      const company = 'Juniper Flats Telephone Company';
      await startApp(page, origin);
      await page.goto(`${origin}/clients/new`);
      await heading(page, 'New client');
      await field(page, 'Legal name').fill(company);
      await field(page, 'Form 499 Filer ID').fill('826611');
      await page.getByRole('button', { name: 'Add an officer' }).click();
      await field(page, 'Officer 1 name').fill('Rosa Vidal');
      await field(page, 'Officer 1 title').fill('Compliance Officer');
      await page.getByLabel('Wireline telecommunications').check();
      await page.getByRole('button', { name: 'Create client' }).click();
      await page.waitForURL(UUID_PATH);

      await page.goto(`${origin}/certifications`);
      await heading(page, 'Certifications');
      const form = page.getByRole('form', { name: 'Start a certification' });
      await field(form, 'Client').selectOption({ label: company });
      await field(form, 'Certification year').fill('2026');
      await form.getByRole('button', { name: 'Start' }).click();
      await page.waitForURL(CERTIFICATION_PATH);
      await field(page, 'Date filed').fill('2026-02-20');
      await field(page, 'Signature date').fill('2026-02-19');
      await page.getByRole('button', { name: 'Fill from typical small-carrier practice' }).click();
      const confirm = page.getByTestId('questionnaire').getByRole('button', { name: /^Confirm “/ });
      for (let left = await confirm.count(); left > 0; left = await confirm.count()) {
        await confirm.first().click();
        await eventually(async () => (await confirm.count()) < left, { message: 'the topic confirmed' });
      }
      await page.getByRole('button', { name: 'Save certification' }).click();
      await page.getByRole('status').filter({ hasText: /^Saved\./ }).first().waitFor();

      const editorFindings = (await page.getByTestId('lint').getByTestId('finding').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      assert.ok(editorFindings.some((t) => /“Compliance Officer” may not be|"Compliance Officer" may not be/.test(t)), 'the editor warns about the title');
      const dir = mkdtempSync(join(tmpdir(), 'cpni-e2e-check-'));
      try {
        await page.getByTestId('export-panel').getByLabel(/^Each document as its own PDF/).check();
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
        const path = join(dir, download.suggestedFilename());
        await download.saveAs(path);

        // Offline: pdf.js and its worker come from the service worker's precache.
        await waitForController(page);
        await context.setOffline(true);
        await page.goto(`${origin}/certifications/check`);
        await heading(page, 'Check a filing written elsewhere');
        await page.locator('#check-file').setInputFiles(path);
        await page.getByTestId('file-note').waitFor();
        const read = await field(page, 'Text of the filing').inputValue();
        assert.match(read, /Annual 47 C\.F\.R\. § 64\.2009\(e\) CPNI Certification for 2026 covering/);
        assert.equal(await field(page, 'Filing year').inputValue(), '2026', 'the year read from the PDF');
        const fromPdf = await findingTexts(page);
        assert.ok(fromPdf.some((t) => /Compliance Officer/.test(t)), 'the title that may not be an officer is found in the PDF');
        // A draft is not a filing: the check screen says so, once, where the mark is.
        assert.equal(fromPdf.filter((t) => /draft marked "not signed"/.test(t)).length, 1);

        // The same findings as the certification editor's checks gave on the text the PDF was made from.
        const message = (t) => /(?:Error|Warning)\s+(?:Line \d+: |Whole filing: )?(.*?) \(47 C\.F\.R\./s.exec(t)?.[1] ?? t;
        // Every finding read from the PDF is one the editor gave; the editor's findings about the
        // text (not about records or answers, which a PDF does not carry) are all found again.
        const editorMessages = editorFindings.map(message);
        for (const m of fromPdf.map(message).filter((x) => !/draft marked "not signed"/.test(x))) assert.ok(editorMessages.includes(m), `the editor also found: ${m}`);
        assert.equal(fromPdf.filter((t) => t.startsWith('Error')).length, 1, 'the only error in the app’s own draft: it is a draft');
        for (const m of editorMessages.filter((x) => /officer|Filer ID|docket|business days|§ 64\.20\d\d\(\w\) does not exist/i.test(x))) assert.ok(fromPdf.map(message).includes(m), `found in the PDF too: ${m}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
