import assert from 'node:assert/strict';
import { UUID_PATH, createClient, field, heading, startApp } from '../app-steps.mjs';

export const tests = [
  {
    name: 'the first screen says what the app does and starts work: add a company, add or import clients, restore a backup',
    async fn({ page, origin }) {
      await page.goto(`${origin}/`);
      const welcome = page.getByTestId('welcome');
      await welcome.waitFor();
      assert.match(await welcome.innerText(), /stays in this browser on this device/);
      for (const name of ['Add your company', 'Add a client', 'Import clients from a CSV file', 'Restore a backup']) await welcome.getByRole('button', { name }).waitFor();
      await welcome.getByRole('button', { name: 'Import clients from a CSV file' }).click();
      await heading(page, 'Import clients');
      assert.match(await page.getByTestId('storage-indicator').innerText(), /^\s*Storage: /);
      // The first screen is done with: a reload stays on the app.
      await page.goto(`${origin}/`);
      await heading(page, 'Dashboard');
      await page.getByRole('link', { name: /^Storage: / }).click();
      await heading(page, 'Settings');
      await page.getByTestId('backup-panel').waitFor();
    },
  },
  {
    name: 'a client created through the form is still there after a reload',
    async fn({ page, origin }) {
      await startApp(page, origin);
      const id = await createClient(page, origin, { legalName: 'Prairie Valley Telephone Cooperative', filerId: '812345', frn: '0012345678' });

      await page.reload();
      await heading(page, 'Prairie Valley Telephone Cooperative');
      assert.equal(await field(page, 'Form 499 Filer ID').inputValue(), '812345');
      assert.equal(await field(page, 'FRN').inputValue(), '0012345678', 'the FRN keeps its leading zeros');

      await page.goto(`${origin}/clients`);
      const link = page.getByRole('link', { name: 'Prairie Valley Telephone Cooperative' });
      await link.waitFor();
      assert.equal(await link.getAttribute('href'), `/clients/${id}`);
      assert.equal(await page.getByTestId('clients-table').locator('tbody tr').count(), 1);
    },
  },
  {
    name: 'the client form shows errors beside the fields, keeps what was typed and saves nothing until fixed',
    async fn({ page, context, origin }) {
      await startApp(page, origin);
      await page.goto(`${origin}/clients/new`);
      await heading(page, 'New client');
      await field(page, 'Legal name').fill('Mesa Rural Telecom LLC');
      await field(page, 'Form 499 Filer ID').fill('12a');
      await field(page, 'FRN').fill('123456789');
      await page.getByRole('button', { name: 'Create client' }).click();

      await page.getByTestId('form-errors').waitFor();
      assert.match(await page.getByTestId('form-errors').innerText(), /2 fields need attention; nothing was saved/);
      await expectErrorBeside(page, 'Form 499 Filer ID', 'Form 499 Filer ID must contain digits only.');
      await expectErrorBeside(page, 'FRN', 'FRN must be exactly 10 digits (keep any leading zeros).');
      assert.equal(await field(page, 'Legal name').inputValue(), 'Mesa Rural Telecom LLC');
      assert.equal(await field(page, 'Form 499 Filer ID').inputValue(), '12a');
      assert.equal(await field(page, 'FRN').inputValue(), '123456789');
      assert.equal(await field(page, 'Legal name').getAttribute('aria-invalid'), null, 'a valid field is not marked invalid');
      assert.equal(new URL(page.url()).pathname, '/clients/new');

      // Another tab on the same profile sees the same database: nothing was stored.
      const other = await context.newPage();
      await other.goto(`${origin}/clients`);
      await heading(other, 'Clients');
      await other.getByRole('heading', { name: 'No clients yet' }).waitFor();
      await other.close();

      await field(page, 'Form 499 Filer ID').fill('831245');
      await field(page, 'FRN').fill('0001234567');
      await page.getByRole('button', { name: 'Create client' }).click();
      await page.waitForURL(UUID_PATH);
      await heading(page, 'Mesa Rural Telecom LLC');
      assert.equal(await field(page, 'FRN').inputValue(), '0001234567');

      await page.goto(`${origin}/clients`);
      await page.getByRole('link', { name: 'Mesa Rural Telecom LLC' }).waitFor();
      assert.equal(await page.getByTestId('clients-table').locator('tbody tr').count(), 1);
    },
  },
];

/** The message is in the same field block as the input and is announced with it. */
async function expectErrorBeside(page, label, message) {
  const input = field(page, label);
  assert.equal(await input.getAttribute('aria-invalid'), 'true', `${label} is marked invalid`);
  const error = page.locator('.field').filter({ has: input }).locator('.error');
  assert.equal((await error.innerText()).trim(), message);
  const errorId = await error.getAttribute('id');
  assert.ok((await input.getAttribute('aria-describedby'))?.split(' ').includes(errorId), `${label} is described by its error`);
}
