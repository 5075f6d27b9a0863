import assert from 'node:assert/strict';
import { addDaysIso, addRecord, createClient, field, heading, localToday, startApp } from '../app-steps.mjs';

export const tests = [
  {
    name: 'form drafts: text typed into a form is offered back after a reload and restores; "Discard" forgets it',
    async fn({ page, origin }) {
      await startApp(page, origin);
      await page.goto(`${origin}/clients/new`);
      await heading(page, 'New client');
      await field(page, 'Legal name').fill('Half-typed Telephone Company');
      await field(page, 'Notes').fill('Call back about the 2026 filing.');

      // The reload is agreed to when the browser asks (the unsaved-changes guard).
      page.on('dialog', (dialog) => void dialog.accept());
      await page.reload();
      await heading(page, 'New client');
      const offer = page.getByTestId('draft-offer');
      await offer.waitFor();
      assert.match(await offer.innerText(), /You have unsaved changes from /);
      assert.equal(await field(page, 'Legal name').inputValue(), '', 'nothing is filled in before the user chooses');

      await offer.getByRole('button', { name: 'Restore them' }).click();
      await offer.waitFor({ state: 'detached' });
      assert.equal(await field(page, 'Legal name').inputValue(), 'Half-typed Telephone Company');
      assert.equal(await field(page, 'Notes').inputValue(), 'Call back about the 2026 filing.');
      await page.getByText('Unsaved changes', { exact: true }).waitFor();

      // Reloaded again, the draft is still there; discarded, it is gone for good.
      await page.reload();
      await heading(page, 'New client');
      await offer.getByRole('button', { name: 'Discard' }).click();
      await offer.waitFor({ state: 'detached' });
      assert.equal(await field(page, 'Legal name').inputValue(), '');
      await page.reload();
      await heading(page, 'New client');
      await page.waitForTimeout(500);
      assert.equal(await page.getByTestId('draft-offer').count(), 0);
    },
  },
  {
    name: 'form drafts: a second tab on the same form neither offers nor overwrites the first tab\'s draft',
    async fn({ page, context, origin }) {
      await startApp(page, origin);
      await page.goto(`${origin}/clients/new`);
      await heading(page, 'New client');
      await field(page, 'Legal name').fill('Typed in tab A');

      const b = await context.newPage();
      await b.goto(`${origin}/clients/new`);
      await heading(b, 'New client');
      await b.waitForTimeout(1_500);
      assert.equal(await b.getByTestId('draft-offer').count(), 0, 'tab A is still typing: its draft is not offered in tab B');
      await field(b, 'Legal name').fill('Typed in tab B');
      await b.getByTestId('draft-problem').waitFor();
      assert.match(await b.getByTestId('draft-problem').innerText(), /also open in another tab or window/);
      await b.close({ runBeforeUnload: false });

      page.on('dialog', (dialog) => void dialog.accept());
      await page.reload();
      await heading(page, 'New client');
      await page.getByTestId('draft-offer').getByRole('button', { name: 'Restore them' }).click();
      assert.equal(await field(page, 'Legal name').inputValue(), 'Typed in tab A');
    },
  },
  {
    name: 'form drafts: a record being edited in tab A opens as usual in tab B, which says so; after a reload tab A gets its edit back',
    async fn({ page, context, origin }) {
      await startApp(page, origin);
      const clientId = await createClient(page, origin, { legalName: 'Juniper Ridge Telephone Co.', filerId: '845123' });
      const id = await addRecord(page, origin, { clientId, kind: 'training', title: 'Training session', fields: { 'Training date': addDaysIso(localToday(), -10), Topic: 'CPNI use' } });
      await page.getByRole('button', { name: 'Edit' }).click();
      await field(page, 'Topic').fill('CPNI use and discipline');

      const b = await context.newPage();
      await b.goto(`${origin}/records/${id}`);
      await b.getByTestId('edited-elsewhere').waitFor();
      await b.getByRole('button', { name: 'Edit' }).waitFor();
      assert.equal(await b.getByRole('button', { name: 'Delete' }).count(), 1, 'tab B shows the record with its actions, not tab A’s form');
      await b.close({ runBeforeUnload: false });

      page.on('dialog', (dialog) => void dialog.accept());
      await page.reload();
      await page.getByTestId('draft-offer').getByRole('button', { name: 'Restore them' }).click();
      assert.equal(await field(page, 'Topic').inputValue(), 'CPNI use and discipline');
    },
  },
];
