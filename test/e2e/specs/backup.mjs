import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDaysIso, addRecord, createClient, heading, localToday, startApp } from '../app-steps.mjs';

export const tests = [
  {
    name: 'a backup downloaded on one device restores every client and record on another, only after confirmation',
    async fn({ page, origin, newContext }) {
      await startApp(page, origin);
      const clientId = await createClient(page, origin, { legalName: 'Juniper Ridge Telephone Co.', filerId: '845123' });
      await addRecord(page, origin, {
        clientId,
        kind: 'training',
        title: 'Training session',
        fields: { 'Training date': addDaysIso(localToday(), -10), Topic: 'CPNI use and discipline' },
      });

      await page.goto(`${origin}/settings`);
      await heading(page, 'Settings');
      const panel = page.getByTestId('backup-panel');
      const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download a backup' }).click()]);
      assert.equal(download.suggestedFilename(), `CPNI Desk backup ${localToday()}.json`);
      const file = join(mkdtempSync(join(tmpdir(), 'cpni-backup-')), download.suggestedFilename());
      await download.saveAs(file);
      const backup = JSON.parse(readFileSync(file, 'utf8'));
      assert.equal(backup.type, 'cpni-desk-backup');
      assert.equal(backup.data.clients[0].legalName, 'Juniper Ridge Telephone Co.');

      // Another device: a fresh browser profile with its own data.
      const other = await (await newContext()).newPage();
      await startApp(other, origin);
      await createClient(other, origin, { legalName: 'Somebody Else Telecom', filerId: '845999' });
      await other.goto(`${origin}/settings`);
      const restore = other.getByTestId('backup-panel');
      await restore.getByLabel('Backup file (.json)').setInputFiles(file);
      await restore.getByTestId('backup-summary').waitFor();
      // Nothing changes before the confirmation.
      await other.goto(`${origin}/clients`);
      await other.getByText('Somebody Else Telecom').waitFor();
      await other.goto(`${origin}/settings`);
      await other.getByTestId('backup-panel').getByLabel('Backup file (.json)').setInputFiles(file);
      await other.getByRole('button', { name: 'Replace everything with this backup' }).click();
      await other.getByTestId('backup-message').waitFor();
      assert.match(await other.getByTestId('backup-message').innerText(), /Restored/i);

      await other.goto(`${origin}/clients`);
      await other.getByText('Juniper Ridge Telephone Co.').waitFor();
      assert.equal(await other.getByText('Somebody Else Telecom').count(), 0, 'the restore replaces what was there');
      await other.goto(`${origin}/records?client=${clientId}`);
      await other.getByTestId('records-table').getByText('CPNI use and discipline').waitFor();
    },
  },
  {
    name: 'a backup encrypted with a passphrase restores on a fresh profile from the first screen, offline; a wrong passphrase restores nothing',
    async fn({ page, origin, newContext }) {
      await startApp(page, origin);
      await createClient(page, origin, { legalName: 'Cedar Hollow Telephone Co.', filerId: '845321' });
      await page.goto(`${origin}/settings`);
      const panel = page.getByTestId('backup-panel');
      await panel.getByLabel('Passphrase', { exact: true }).fill('cedar hollow winter');
      await panel.getByLabel('Passphrase again').fill('cedar hollow winter');
      const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download an encrypted backup' }).click()]);
      assert.equal(download.suggestedFilename(), `CPNI Desk backup ${localToday()} encrypted.json`);
      const file = join(mkdtempSync(join(tmpdir(), 'cpni-backup-')), download.suggestedFilename());
      await download.saveAs(file);
      const text = readFileSync(file, 'utf8');
      assert.ok(!text.includes('Cedar Hollow'), 'the client is not readable in the file');
      assert.equal(JSON.parse(text).counts.clients, 1, 'the envelope still says what the file holds');

      // A fresh profile: the app is loaded once, then the network goes away.
      const context = await newContext();
      const other = await context.newPage();
      await other.goto(`${origin}/`);
      await other.getByTestId('welcome').waitFor();
      await other.evaluate(() => navigator.serviceWorker.ready);
      await other.reload();
      await other.getByTestId('welcome').waitFor();
      await context.setOffline(true);
      await other.getByTestId('welcome').getByRole('button', { name: 'Restore a backup' }).click();
      await heading(other, 'Settings');
      const restore = other.getByTestId('backup-panel');
      // Every progress bar the panel shows is noted as it appears (a small file is quick).
      await other.evaluate(() => {
        const seen = (window.__progress = []);
        new MutationObserver(() => {
          for (const bar of document.querySelectorAll('[role=progressbar][aria-valuenow]')) seen.push(bar.getAttribute('aria-valuetext'));
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      await restore.getByLabel('Backup file (.json)').setInputFiles(file);
      await restore.getByLabel('Passphrase of this backup').fill('cedar hollow spring');
      await restore.getByRole('button', { name: 'Open the backup' }).click();
      await restore.getByTestId('backup-problems').waitFor();
      assert.match(await restore.getByTestId('backup-problems').innerText(), /passphrase is wrong, or the file was changed/);
      await restore.getByLabel('Passphrase of this backup').fill('cedar hollow winter');
      await restore.getByRole('button', { name: 'Open the backup' }).click();
      await restore.getByTestId('backup-summary').waitFor();
      assert.match(await restore.getByTestId('backup-summary').innerText(), /is an encrypted CPNI Desk backup/);
      await other.getByRole('button', { name: 'Replace everything with this backup' }).click();
      await other.getByTestId('backup-message').waitFor();
      assert.match(await other.getByTestId('backup-message').innerText(), /Restored the backup/);
      // Checked and restored in the backup worker (loaded offline from the precache), with progress shown.
      const seen = await other.evaluate(() => window.__progress);
      assert.ok(seen.some((t) => /^Checking every row|^Reading the file/.test(t)), `a progress bar while checking: ${seen.join(', ')}`);
      assert.ok(seen.some((t) => /^Restoring/.test(t)), `a progress bar while restoring: ${seen.join(', ')}`);
      await other.goto(`${origin}/clients`);
      await other.getByText('Cedar Hollow Telephone Co.').waitFor();
    },
  },
];
