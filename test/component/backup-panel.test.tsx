import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { saveRecord } from '../../src/db/records';
import { getSettings, updateSettings } from '../../src/db/settings';
import { CURRENT_SCHEMA_VERSION, makeBackup } from '../../src/db/backup';
import { parseBackup } from '../../src/domain/backup';
import { todayLocal } from '../../src/domain/dates';
import { BackupPanel } from '../../src/features/settings/BackupPanel';
import axe from 'axe-core';
import * as v from 'valibot';
import { settingsSchema } from '../../src/domain/schema';

// A settings row of its own: without one, getSettings() falls back to a shared default object
// that earlier tests' live queries may have reconciled their values into.
async function fresh() {
  useDatabase(new CpniDatabase(`t-${crypto.randomUUID()}`));
  await db().settings.put({ ...v.parse(settingsSchema, {}), key: 'app' });
}

async function addClient(legalName: string, filerId: string): Promise<string> {
  const r = await saveClient({ legalName, filerId });
  if (!r.ok) throw new Error('client not saved');
  return r.id;
}

/** A backup file made on "another device": two clients and three records. */
async function otherDeviceBackup(): Promise<string> {
  await fresh();
  const mesa = await addClient('Mesa Rural Telephone Co.', '823456');
  await addClient('Prairie Tel', '812345');
  await saveRecord('training', mesa, { heldOn: '2026-02-02', topic: 'CPNI basics' });
  await saveRecord('breach', mesa, { discoveredOn: '2026-03-01', determinedOn: '2026-03-04', cpniInvolved: 'Call records' });
  await saveRecord('complaint', mesa, { receivedOn: '2026-01-15', category: 'other', summary: 'Billing question' });
  return makeBackup('2026-07-01T12:00:00.000Z');
}

async function deviceState() {
  return { clients: (await db().clients.toArray()).map((c) => c.legalName).sort(), records: await db().records.count(), settings: await getSettings() };
}

function choose(text: string, name = 'CPNI Desk backup 2026-07-01.json') {
  fireEvent.change(screen.getByLabelText('Backup file (.json)'), { target: { files: [new File([text], name, { type: 'application/json' })] } });
}

beforeEach(fresh);

describe('downloading a backup', () => {
  const { createObjectURL, revokeObjectURL } = URL;
  afterEach(() => {
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
    vi.restoreAllMocks();
  });

  it('warns that there is no backup, then downloads a file that parses back and notes the time', async () => {
    const mesa = await addClient('Mesa Rural Telephone Co.', '823456');
    await saveRecord('training', mesa, { heldOn: '2026-02-02', topic: 'CPNI basics' });
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:cpni/backup';
    });
    URL.revokeObjectURL = vi.fn();
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });

    render(() => <BackupPanel />);
    expect(await screen.findByText('No backup yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download a backup' }));

    const name = `CPNI Desk backup ${todayLocal()}.json`;
    expect((await screen.findByTestId('backup-message')).textContent).toBe(`Downloaded “${name}”. Keep it somewhere other than this device. It is not encrypted: anyone with the file can read the records.`);
    expect(names).toEqual([name]);
    expect(blobs[0]?.type).toBe('application/json');
    const parsed = parseBackup(await blobs[0]!.text(), { schemaVersion: CURRENT_SCHEMA_VERSION });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    expect(parsed.backup.counts).toEqual({ clients: 1, preparers: 0, records: 1, certifications: 0 });
    expect(parsed.backup.data.clients[0]?.legalName).toBe('Mesa Rural Telephone Co.');

    expect((await getSettings()).lastBackupAt).not.toBe('');
    await waitFor(() => expect(screen.getByTestId('last-backup').textContent).toMatch(/^Last backup: .+ \(today\)\.$/));
    expect(screen.queryByText('No backup yet')).toBeNull();
  });

  it('warns when the last backup is more than 30 days old', async () => {
    await updateSettings({ lastBackupAt: new Date(Date.now() - 40 * 86_400_000).toISOString() });
    render(() => <BackupPanel />);
    expect(await screen.findByText('The last backup is 40 days old')).toBeTruthy();
  });
});

describe('restoring a backup', () => {
  it('shows the problems of a bad file and changes nothing', async () => {
    const text = await otherDeviceBackup();
    await fresh();
    await addClient('Local Only Co.', '899999');
    await updateSettings({ firstRunDone: true });
    const before = await deviceState();
    const file = JSON.parse(text) as { data: { records: Record<string, unknown>[] } };
    const index = file.data.records.findIndex((r) => r.kind === 'training');
    file.data.records[index]!.topic = '   ';

    render(() => <BackupPanel />);
    choose(JSON.stringify(file));
    const problems = await screen.findByTestId('backup-problems');
    expect(problems.textContent).toBe(`records[${index}] (training of 2026-02-02): Topic is required.`);
    expect(screen.getByText('“CPNI Desk backup 2026-07-01.json” cannot be restored. Nothing on this device was changed.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Replace everything with this backup' })).toBeNull();
    expect(await deviceState()).toEqual(before);
  });

  it('says a cut-short file is not a valid backup file', async () => {
    const text = await otherDeviceBackup();
    await fresh();
    render(() => <BackupPanel />);
    choose(text.slice(0, 100));
    expect((await screen.findByTestId('backup-problems')).textContent).toMatch(/^This is not a valid backup file/);
    expect(await db().clients.count()).toBe(0);
  });

  it('shows what a good file holds and replaces nothing until the user confirms', async () => {
    const text = await otherDeviceBackup();
    await fresh();
    await addClient('Local Only Co.', '899999');
    await updateSettings({ firstRunDone: true });
    const before = await deviceState();

    render(() => <BackupPanel />);
    choose(text);
    const summary = await screen.findByTestId('backup-summary');
    await waitFor(() =>
      expect([...summary.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent))).toEqual([
        ['Clients', '2', '1'],
        ['Preparers', '0', '0'],
        ['Records', '3', '0'],
        ['Certifications', '0', '0'],
      ]),
    );
    expect(summary.textContent).toContain('All clients, preparers, records, certifications and settings now on this device will be deleted and replaced');
    expect(await deviceState()).toEqual(before);

    fireEvent.click(screen.getByRole('button', { name: 'Replace everything with this backup' }));
    const message = await screen.findByTestId('backup-message');
    expect(message.textContent).toMatch(/^Restored the backup made .+: 2 clients, 0 preparers, 3 records, 0 certifications\.$/);
    const after = await deviceState();
    expect(after.clients).toEqual(['Mesa Rural Telephone Co.', 'Prairie Tel']);
    expect(after.records).toBe(3);
    expect(after.settings.firstRunDone).toBe(true);
    expect(screen.queryByTestId('backup-summary')).toBeNull();
  });

  it('lets the user cancel after seeing the summary, leaving the device as it was', async () => {
    const text = await otherDeviceBackup();
    await fresh();
    await addClient('Local Only Co.', '899999');
    const before = await deviceState();
    render(() => <BackupPanel />);
    choose(text);
    await screen.findByTestId('backup-summary');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('backup-summary')).toBeNull();
    expect(await deviceState()).toEqual(before);
  });
});

describe('backup panel accessibility', () => {
  /** axe-core's violations (jsdom cannot judge colour contrast; the browser tests do). */
  async function violations(): Promise<string[]> {
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    return result.violations.flatMap((v) => v.nodes.map((n) => `[${v.id}] ${v.help} at ${n.target.join(' ')}`));
  }

  it('has no axe violations with a warning, with problems and with a summary to confirm', async () => {
    const text = await otherDeviceBackup();
    await fresh();
    render(() => <BackupPanel />);
    await screen.findByText('No backup yet');
    expect(await violations()).toEqual([]);
    choose('{"type":"cpni-desk-backup","version":1,"schemaVersion":2,"createdAt":"x","data":{}}');
    await screen.findByTestId('backup-problems');
    expect(await violations()).toEqual([]);
    choose(text);
    await screen.findByTestId('backup-summary');
    expect(await violations()).toEqual([]);
  });
});
