import assert from 'node:assert/strict';
import { createClient, field, heading, startApp } from '../app-steps.mjs';

/** 200 rows: 195 new carriers, 2 that are already stored (same Filer ID, new city), 3 with errors. */
function seasonCsv() {
  const rows = ['legal_name,filer_id,city,state,services,officer_1_name,officer_1_title'];
  for (let i = 1; i <= 195; i += 1) rows.push(`"Carrier ${String(i).padStart(3, '0')}, Inc.",${840000 + i},Town ${i},KS,wireline,Officer ${i},President`);
  rows.push('Mesa Rural Telephone Co.,823456,Tempe,AZ,,,');
  rows.push('Canyon Rim Communications,829900,Flagstaff,AZ,,,');
  rows.push('No Filer Id Telephone,,Hays,KS,,,'); // row 199
  rows.push('Bad State Telephone,850001,Hays,ZZ,,,'); // row 200
  rows.push('Cable Telephone,850002,Hays,KS,cable TV,,'); // row 201
  return rows.join('\r\n') + '\r\n';
}

export const tests = [
  {
    name: 'importing 200 clients from a CSV: the report names the 3 bad rows and the 2 already stored, nothing is stored until accepted, then the list shows 197',
    async fn({ page, origin }) {
      await startApp(page, origin);
      await createClient(page, origin, { legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
      await createClient(page, origin, { legalName: 'Canyon Rim Communications', filerId: '829900' });

      await page.goto(`${origin}/clients`);
      await page.getByRole('link', { name: 'Import clients from CSV' }).click();
      await heading(page, 'Import clients');
      await field(page, 'CSV file of clients').setInputFiles({ name: 'season.csv', mimeType: 'text/csv', buffer: Buffer.from(seasonCsv()) });
      const summary = page.getByTestId('clients-import-summary');
      await summary.waitFor();
      assert.match(await summary.innerText(), /200 rows: 195 new, 2 clients already here \(same Filer ID\), 0 repeated in the file, 3 rows with errors\. Nothing has been stored yet\./);

      const duplicates = page.getByTestId('clients-duplicates');
      assert.match(await duplicates.innerText(), /Row 197: Updates Mesa Rural Telephone Co\.: address/);
      assert.match(await duplicates.innerText(), /Row 198: Updates Canyon Rim Communications: address/);

      // Large file: the table starts on the rows that need a look.
      const table = page.getByTestId('clients-import-table');
      const text = await table.innerText();
      assert.match(text, /199\s+No Filer Id Telephone\s+Not imported: Form 499 Filer ID is required\./);
      assert.match(text, /200\s+Bad State Telephone\s+850001\s+Not imported: State must be a USPS code/);
      assert.match(text, /201\s+Cable Telephone\s+850002\s+Not imported: Services: “cable TV” is not one of wireline, interconnected VoIP, wireless\./);

      // Nothing stored yet: the client list still has 2.
      const other = await page.context().newPage();
      await other.goto(`${origin}/clients`);
      await other.getByTestId('clients-table').waitFor();
      assert.equal(await other.getByTestId('clients-table').locator('tbody tr').count(), 2);

      await page.getByRole('button', { name: 'Add 195 clients and update 2 clients' }).click();
      await page.getByTestId('clients-import-done').waitFor();
      assert.match(await page.getByTestId('clients-import-done').innerText(), /Added 195 clients and updated 2 clients\./);

      await other.reload();
      await other.getByRole('link', { name: 'Carrier 195, Inc.' }).waitFor();
      assert.equal(await other.getByTestId('clients-table').locator('tbody tr').count(), 197);
      await other.getByRole('link', { name: 'Mesa Rural Telephone Co.' }).click();
      await heading(other, 'Mesa Rural Telephone Co.');
      assert.equal(await field(other, 'City').inputValue(), 'Tempe');

      // The same file again: every row is now an existing client, and nothing is duplicated.
      await field(page, 'CSV file of clients').setInputFiles({ name: 'season.csv', mimeType: 'text/csv', buffer: Buffer.from(seasonCsv()) });
      await summary.waitFor();
      assert.match(await summary.innerText(), /200 rows: 0 new, 197 clients already here/);
    },
  },
];
