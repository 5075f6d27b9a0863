import assert from 'node:assert/strict';
import {
  addDaysIso,
  addRecord,
  chooseCsvFile,
  createClient,
  eventually,
  field,
  heading,
  localToday,
  longDate,
  openNewRecordForm,
  openRecordsList,
  startApp,
  waitForController,
} from '../app-steps.mjs';

/** The rows of the records table as the user reads them: [date, kind, summary]. */
async function recordRows(page) {
  const table = page.getByTestId('records-table');
  if (!(await table.isVisible())) return [];
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())));
}

async function countText(page) {
  return (await page.getByTestId('records-count').innerText()).trim();
}

export const tests = [
  {
    name: 'the breach form shows its clocks live: typing the dates changes each clock and its status before anything is saved',
    async fn({ page, origin }) {
      await startApp(page, origin);
      const clientId = await createClient(page, origin, { legalName: 'Prairie Valley Telephone Company', filerId: '812240' });
      const form = await openNewRecordForm(page, origin, { clientId, kind: 'breach', title: 'Breach incident' });
      const live = form.getByTestId('live-clocks');
      const clock = (title) => live.getByTestId('live-clock-lines').locator('li').filter({ hasText: title });
      const today = localToday();
      await eventually(async () => (await live.innerText()).includes('Enter “Reasonably determined on” to see the clocks'), { message: 'the words for a missing date' });

      // Determined 30 days ago, agencies not told: the § 64.2011(b) notice is overdue.
      const determined = addDaysIso(today, -30);
      await field(form, 'Reasonably determined on').fill(determined);
      await eventually(async () => (await clock('Notice to the USSS and FBI due').getAttribute('data-state')) === 'overdue', { message: 'an overdue agency notice' });
      assert.match(await clock('Notice to the USSS and FBI due').innerText(), /Overdue by \d+ days\./);
      assert.match(await live.getByTestId('live-retention').innerText(), /May be disposed of from .*§ 64\.2011\(d\)/s);

      // Told the next day: done on time; customers told the day after that: too early (§ 64.2011(b)(1)).
      await field(form, 'Agencies notified on').fill(addDaysIso(determined, 1));
      await eventually(async () => (await clock('Notice to the USSS and FBI due').innerText()).includes(`Done on ${longDate(addDaysIso(determined, 1))}, on time.`), {
        message: 'the agency notice done on time',
      });
      await field(form, 'Customers notified on').fill(addDaysIso(determined, 2));
      await eventually(async () => (await clock('Customers may be told from').getAttribute('data-state')) === 'early', { message: 'customers told too early' });
      assert.match(await clock('Customers may be told from').innerText(), /Done too early/);
      assert.doesNotMatch(await live.innerText(), /NaN|undefined|Invalid Date/);

      await field(form, 'Reasonably determined on').fill('');
      await eventually(async () => (await live.getByTestId('live-clock-lines').count()) === 0, { message: 'no clocks without a determination date' });
      assert.match(await live.innerText(), /Enter “Reasonably determined on”/);
    },
  },
  {
    name: 'a CSV of approvals with a bad row: the report names the row, nothing is stored until the valid rows are accepted',
    async fn({ page, context, origin }) {
      await startApp(page, origin);
      const clientId = await createClient(page, origin, { legalName: 'Tri-County Telephone Association', filerId: '809921' });

      await page.goto(`${origin}/records/import`);
      await heading(page, 'Import customer approvals');
      await field(page, 'Client').selectOption({ label: 'Tri-County Telephone Association' });
      await chooseCsvFile(
        page,
        'approvals.csv',
        [
          'account,type,medium,status,date,scope',
          '400117,opt-out,written,granted,2026-01-12,Marketing of communications-related services',
          '400245,opt-in,oral,granted,2/3/2026,One-time use during this call',
          '400388,opt-out,electronic,revoked,2026-02-30,',
          '400502,opt-in,electronic,denied,2026-03-04,',
          '',
        ].join('\r\n'),
      );

      const report = page.getByTestId('import-report');
      await report.waitFor();
      assert.match(await report.getByRole('heading', { level: 2 }).innerText(), /approvals\.csv/);
      assert.equal(
        (await page.getByTestId('import-summary').innerText()).trim(),
        '4 rows: 3 valid, 1 row with errors. Nothing has been stored. Fix the file and choose it again, or import only the valid rows.',
      );
      const errors = await report.locator('tbody .error').allInnerTexts();
      assert.deepEqual(errors, ['Row 4: Date is not a real date on the calendar.']);
      const badRow = report.locator('tbody tr').filter({ hasText: 'Row 4:' });
      assert.equal(await badRow.locator('th').innerText(), '4', 'the row number is the one a spreadsheet shows');
      assert.match(await badRow.innerText(), /400388/);

      // Nothing is stored yet: another tab on the same profile finds no approvals for the client.
      const other = await context.newPage();
      await openRecordsList(other, origin, { clientId, kind: 'approval' });
      await eventually(async () => (await countText(other)) === 'No customer approvals match these filters.', { message: 'an empty approvals list' });
      assert.deepEqual(await recordRows(other), []);

      await page.getByRole('button', { name: 'Import the 3 valid rows and skip 1 row with errors' }).click();
      const done = page.getByTestId('import-done');
      await done.waitFor();
      assert.match(await done.innerText(), /Imported 3 approvals for Tri-County Telephone Association/);

      await other.reload();
      await heading(other, 'Records');
      await eventually(async () => (await countText(other)) === '1–3 of 3 customer approvals', { message: 'three approvals in the list' });
      const rows = await recordRows(other);
      assert.equal(rows.length, 3);
      const summaries = rows.map((r) => r.at(-1)).sort();
      assert.deepEqual(summaries, [
        'Account 400117 · Opt-out · written · granted',
        'Account 400245 · Opt-in · oral · granted',
        'Account 400502 · Opt-in · electronic · denied',
      ]);
      // Newest first, and the M/D/YYYY date was read as February 3.
      assert.deepEqual(
        rows.map((r) => r[0]),
        ['March 4, 2026', 'February 3, 2026', 'January 12, 2026'],
      );
    },
  },
  {
    name: 'deleting a record offers Undo, and Undo puts it back in the list',
    async fn({ page, origin }) {
      await startApp(page, origin);
      const clientId = await createClient(page, origin, { legalName: 'Hill Country Telephone Cooperative', filerId: '806612' });
      const heldOn = addDaysIso(localToday(), -30);
      await addRecord(page, origin, {
        clientId,
        kind: 'training',
        title: 'Training session',
        fields: { 'Training date': heldOn, Topic: 'Authenticating callers before discussing call detail', Trainer: 'R. Okafor' },
      });
      const summary = 'Authenticating callers before discussing call detail · by R. Okafor';

      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/records' && url.searchParams.get('client') === clientId);
      const toast = page.getByTestId('undo-toast');
      await toast.waitFor();
      assert.match(await toast.innerText(), new RegExp(`Deleted the training session of ${longDate(heldOn)}\\.`));
      await eventually(async () => (await countText(page)) === 'No records match these filters.', { message: 'the deleted record to leave the list' });
      assert.equal(await page.getByRole('link', { name: summary }).count(), 0);

      await toast.getByRole('button', { name: 'Undo' }).click();
      await eventually(async () => (await toast.innerText()).includes('Restored.'), { message: 'the toast to say Restored.' });
      await page.getByTestId('records-table').getByRole('link', { name: summary }).waitFor();
      assert.equal(await countText(page), '1–1 of 1 records');
      assert.deepEqual(await recordRows(page), [[longDate(heldOn), 'Training session', summary]]);

      // Restored for good: still there on a fresh load.
      await openRecordsList(page, origin, { clientId });
      await page.getByTestId('records-table').getByRole('link', { name: summary }).waitFor();
    },
  },
  {
    name: 'offline, a training record saves to IndexedDB and shows in the list',
    async fn({ page, context, origin }) {
      await startApp(page, origin);
      await page.getByTestId('offline-ready').waitFor({ timeout: 20_000 });
      const clientId = await createClient(page, origin, { legalName: 'Lakeshore Telephone Company', filerId: '817703' });
      await waitForController(page);

      await context.setOffline(true);
      assert.equal(await page.evaluate((url) => fetch(url, { cache: 'no-store' }).then(() => 'reached', () => 'failed'), `${origin}/e2e-probe.txt`), 'failed');

      const heldOn = addDaysIso(localToday(), -3);
      const id = await addRecord(page, origin, {
        clientId,
        kind: 'training',
        title: 'Training session',
        fields: { 'Training date': heldOn, Topic: 'Annual CPNI refresher', Attendees: '14 customer service staff' },
      });
      assert.equal(await page.evaluate(() => navigator.onLine), false, 'the record was saved while offline');
      await heading(page, `Training session, ${longDate(heldOn)}`);

      const list = await page.goto(`${origin}/records?client=${clientId}`);
      assert.equal(list?.fromServiceWorker(), true, 'the list was answered by the service worker');
      await heading(page, 'Records');
      const link = page.getByTestId('records-table').getByRole('link', { name: 'Annual CPNI refresher' });
      await link.waitFor();
      assert.equal(await link.getAttribute('href'), `/records/${id}`);
      assert.equal(await countText(page), '1–1 of 1 records');
    },
  },
];
