import assert from 'node:assert/strict';
import { confirmAnswers, createClientWithOfficer, eventually, field, heading, localToday, longDate, saveCertification, startApp } from '../app-steps.mjs';

const CERTIFICATION_PATH = /\/certifications\/[0-9a-f-]{36}$/;

export const tests = [
  {
    name: 'two tabs: a certification signed in tab A while tab B edits it; B’s save writes nothing, shows the conflict, and the signature stands',
    async fn({ page, context, origin }) {
      const company = 'Juniper Flats Telephone Company';
      const today = localToday();
      const year = Number(today.slice(0, 4));
      const dateFiled = today < `${year}-02-20` ? today : `${year}-02-20`;

      await startApp(page, origin);
      await createClientWithOfficer(page, origin, { legalName: company, filerId: '827700', officer: 'Rosa Delgado' });
      await page.goto(`${origin}/certifications`);
      await heading(page, 'Certifications');
      const form = page.getByRole('form', { name: 'Start a certification' });
      await field(form, 'Certification year').fill(String(year));
      await form.getByRole('button', { name: 'Start' }).click();
      await page.waitForURL(CERTIFICATION_PATH);
      const url = page.url();
      await heading(page, `${company}: ${year} certification`);
      await field(page, 'Date filed').fill(dateFiled);
      await field(page, 'Signature date').fill(dateFiled);
      await confirmAnswers(page);
      await saveCertification(page);

      // Tab B opens the same certification and starts an edit it has not saved.
      const b = await context.newPage();
      await b.goto(url);
      await heading(b, `${company}: ${year} certification`);
      await field(b, 'Signatory title').fill('President and Chief Executive Officer');

      // Tab A marks it ready, then signed.
      const status = page.getByTestId('status-panel');
      await status.getByRole('button', { name: 'Mark ready to sign' }).click();
      await status.getByRole('heading', { name: 'Status: Ready to sign', exact: true }).waitFor();
      await status.getByRole('button', { name: 'Mark signed' }).click();
      await status.getByRole('heading', { name: `Status: Signed on ${longDate(dateFiled)}` }).waitFor();

      // Tab B still holds its edit, is told the certification changed, and its save is refused as a conflict.
      await b.getByTestId('changed-elsewhere').waitFor();
      assert.equal(await field(b, 'Signatory title').inputValue(), 'President and Chief Executive Officer', 'the unsaved edit is still on screen');
      await b.getByRole('button', { name: 'Save certification' }).click();
      const conflict = b.getByTestId('conflict');
      await conflict.waitFor();
      const text = await conflict.innerText();
      assert.match(text, /Changed in another tab or window/);
      assert.match(text, /It is now signed on .*, so your edits cannot be saved to it/);
      assert.match(text, /President and Chief Executive Officer/, 'B sees its own edit, to copy');
      assert.equal(await conflict.getByRole('button', { name: 'Save with these choices' }).count(), 0, 'a signed certification cannot take the edits');

      // Nothing was lost: the certification is still signed, with its dates, in a fresh tab.
      const c = await context.newPage();
      await c.goto(url);
      await c.getByTestId('status-panel').getByRole('heading', { name: `Status: Signed on ${longDate(dateFiled)}` }).waitFor();
      await c.close();

      // B takes the other version: it shows the signed certification.
      await conflict.getByRole('button', { name: 'Take the other version (discard mine)' }).click();
      await b.getByTestId('status-panel').getByRole('heading', { name: `Status: Signed on ${longDate(dateFiled)}` }).waitFor();
      await b.close();
    },
  },
  {
    name: 'two tabs: a client renamed in tab A and its notes edited in tab B; B sees the conflict and the rename is not reverted',
    async fn({ page, context, origin }) {
      await startApp(page, origin);
      const id = await createClientWithOfficer(page, origin, { legalName: 'Mesa Rural Telephone Co.', filerId: '823456', officer: 'Ann Lee' });
      const url = `${origin}/clients/${id}`;

      const b = await context.newPage();
      await b.goto(url);
      await heading(b, 'Mesa Rural Telephone Co.');
      await field(b, 'Notes').fill('Call the office manager before filing.');

      await field(page, 'Legal name').fill('Mesa Rural Telephone Cooperative');
      await page.getByRole('button', { name: 'Save client' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

      await b.getByTestId('changed-elsewhere').waitFor();
      await b.getByRole('button', { name: 'Save client' }).click();
      const conflict = b.getByTestId('conflict');
      await conflict.waitFor();
      assert.match(await conflict.innerText(), /Changed in another tab or window/);
      const rename = conflict.locator('[data-field="legalName"]');
      assert.match(await rename.innerText(), /Take the other: Mesa Rural Telephone Cooperative/);
      assert.equal(await rename.getByRole('radio', { name: /Take the other/ }).isChecked(), true, 'a field only the other tab changed defaults to the other version');

      // Nothing was written by the refused save.
      const c = await context.newPage();
      await c.goto(url);
      await heading(c, 'Mesa Rural Telephone Cooperative');
      assert.equal(await field(c, 'Notes').inputValue(), '');

      await conflict.getByRole('button', { name: 'Save with these choices' }).click();
      await b.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      await c.reload();
      await heading(c, 'Mesa Rural Telephone Cooperative');
      await eventually(async () => (await field(c, 'Notes').inputValue()) === 'Call the office manager before filing.', { message: 'the notes from tab B to be stored' });
      assert.equal(await field(c, 'Legal name').inputValue(), 'Mesa Rural Telephone Cooperative', 'the rename from tab A was not reverted');
      await b.close();
      await c.close();
    },
  },
  {
    name: 'two tabs: a backup restored in tab A; tab B, holding an unsaved edit of the same revision, is told and cannot write over the restored data',
    async fn({ page, context, origin }) {
      await startApp(page, origin);
      const id = await createClientWithOfficer(page, origin, { legalName: 'Mesa Rural Telephone Co.', filerId: '823456', officer: 'Ann Lee' });
      const url = `${origin}/clients/${id}`;
      await field(page, 'Notes').fill('Restored notes.');
      await page.getByRole('button', { name: 'Save client' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

      // The backup holds revision 2 with "Restored notes."; then the notes change, and change back to revision 2 by a restore.
      await page.goto(`${origin}/settings`);
      const panel = page.getByTestId('backup-panel');
      const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download a backup' }).click()]);
      const file = await download.path();
      await page.goto(url);
      await heading(page, 'Mesa Rural Telephone Co.');
      await field(page, 'Notes').fill('Notes written after the backup.');
      await page.getByRole('button', { name: 'Save client' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

      // Tab B loads that client and starts an edit.
      const b = await context.newPage();
      await b.goto(url);
      await heading(b, 'Mesa Rural Telephone Co.');
      await field(b, 'Phone').fill('(202) 555-0100');

      await page.goto(`${origin}/settings`);
      await page.getByTestId('backup-panel').getByLabel('Backup file (.json)').setInputFiles(file);
      await page.getByRole('button', { name: 'Replace everything with this backup' }).click();
      await page.getByTestId('backup-message').getByText('Restored').waitFor();

      await b.getByTestId('replaced-elsewhere').waitFor();
      // The tab that restored is not told so, and goes on saving.
      assert.equal(await page.getByTestId('replaced-elsewhere').count(), 0, 'the restoring tab keeps working');
      await page.goto(url);
      await heading(page, 'Mesa Rural Telephone Co.');
      assert.equal(await field(page, 'Notes').inputValue(), 'Restored notes.');
      await field(page, 'Notes').fill('Restored notes. Checked after the restore.');
      await page.getByRole('button', { name: 'Save client' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      await b.getByRole('button', { name: 'Save client' }).click();
      await b.getByRole('alert').filter({ hasText: /could not|can no longer|closed|reload/i }).first().waitFor();
      const c = await context.newPage();
      await c.goto(url);
      await heading(c, 'Mesa Rural Telephone Co.');
      assert.equal(await field(c, 'Notes').inputValue(), 'Restored notes. Checked after the restore.', 'the restored notes stand, with tab A’s later save');
      assert.equal(await field(c, 'Phone').inputValue(), '', 'tab B wrote nothing');
      await b.close();
      await c.close();
    },
  },
];



