import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { Route, Router } from '@solidjs/router';
import * as v from 'valibot';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { openDatabase, type OpenState } from '../../src/db/open';
import { getSettings } from '../../src/db/settings';
import { settingsSchema } from '../../src/domain/schema';
import { describeStorageError } from '../../src/domain/storage-errors';
import { Layout } from '../../src/app/Layout';
import { BackupPanel } from '../../src/features/settings/BackupPanel';
import { clearStorageError } from '../../src/ui/storage-error';
import { saveClient } from '../../src/db/clients';
import { ClientEditor } from '../../src/features/clients/ClientEditor';

const domError = (name: string, message = `${name} from the browser`) => Object.assign(new Error(message), { name });

async function fresh(settings: Record<string, unknown> = { firstRunDone: true }) {
  useDatabase(new CpniDatabase(`crash-${crypto.randomUUID()}`));
  await db().settings.put({ ...v.parse(settingsSchema, settings), key: 'app' });
}

function captureDownloads() {
  const names: string[] = [];
  URL.createObjectURL = vi.fn(() => 'blob:cpni/backup');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return names;
}

const { createObjectURL, revokeObjectURL } = URL;
beforeEach(() => fresh());
afterEach(() => {
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
  vi.restoreAllMocks();
  clearStorageError();
});

describe('storage failures in words', () => {
  it('names a full disk, storage turned off, a newer version and a disk error, looking through Dexie’s wrappers', () => {
    expect(describeStorageError(domError('QuotaExceededError'), 'archive the client')).toMatchObject({
      kind: 'quota',
      title: 'Could not archive the client: this browser has no more storage space for CPNI Desk.',
    });
    const wrapped = Object.assign(new Error('OpenFailedError'), { name: 'OpenFailedError', inner: domError('QuotaExceededError') });
    expect(describeStorageError(wrapped).kind).toBe('quota');
    expect(describeStorageError(domError('MissingAPIError')).todo).toMatch(/Private or incognito windows/);
    expect(describeStorageError(domError('VersionError')).title).toMatch(/newer version of CPNI Desk/);
    expect(describeStorageError(domError('UnknownError')).todo).toMatch(/disk or browser-profile problem/);
    expect(describeStorageError('a string').title).toBe('Could not save.');
  });
});

describe('a database that cannot be opened', () => {
  it('explains a browser with storage turned off instead of "Opening your records…" forever', async () => {
    window.history.pushState({}, '', '/');
    vi.spyOn(db(), 'open').mockRejectedValue(domError('MissingAPIError', 'IndexedDB API missing'));
    vi.spyOn(db().settings, 'get').mockRejectedValue(domError('MissingAPIError', 'IndexedDB API missing'));
    render(() => (
      <Router root={Layout}>
        <Route path="/" component={() => <p>Dashboard</p>} />
      </Router>
    ));
    const problem = await screen.findByTestId('database-problem');
    expect(problem.textContent).toContain('This browser does not let CPNI Desk keep data here.');
    expect(problem.textContent).toContain('Open CPNI Desk in a normal window');
    expect(screen.queryByText('Opening your records…')).toBeNull();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it('says when another tab holds an old version open, and opens once it lets go', async () => {
    const states: OpenState['state'][] = [];
    let release!: () => void;
    vi.spyOn(db(), 'open').mockImplementation(() => {
      db().on('blocked').fire(new Event('blocked'));
      return new Promise((resolve) => (release = () => resolve(db()))) as never;
    });
    const opened = openDatabase((s) => states.push(s.state));
    await waitFor(() => expect(states).toEqual(['opening', 'blocked']));
    release();
    await opened;
    expect(states).toEqual(['opening', 'blocked', 'open']);
  });
});

describe('a crash on one screen', () => {
  function Broken(): never {
    throw new TypeError("Cannot read properties of undefined (reading 'marketing')");
  }

  it('shows what happened, keeps the navigation, and downloads a backup on request', async () => {
    window.history.pushState({}, '', '/');
    const names = captureDownloads();
    render(() => (
      <Router root={Layout}>
        <Route path="/" component={Broken} />
      </Router>
    ));
    const crash = await screen.findByTestId('screen-crash');
    expect(crash.textContent).toContain("What happened: Cannot read properties of undefined (reading 'marketing')");
    expect(screen.getByRole('navigation', { name: 'Main' }).textContent).toContain('Settings');
    fireEvent.click(screen.getByRole('button', { name: 'Download a backup now' }));
    await waitFor(() => expect(names).toHaveLength(1));
    expect(await screen.findByText(/^Downloaded “CPNI Desk backup \d{4}-\d{2}-\d{2}\.json”/)).toBeTruthy();
    expect((await getSettings()).lastBackupAt).not.toBe('');
  });
});

describe('a backup that downloaded', () => {
  it('is reported as downloaded even when its date cannot be recorded (disk full)', async () => {
    const names = captureDownloads();
    vi.spyOn(db().settings, 'put').mockRejectedValue(domError('QuotaExceededError'));
    render(() => <BackupPanel />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download a backup' }));
    const message = (await screen.findByTestId('backup-message')).textContent ?? '';
    expect(names).toHaveLength(1);
    expect(message).toMatch(/^Downloaded “CPNI Desk backup .+\.json”/);
    expect(message).toContain('The backup file is complete, but the date of this backup could not be recorded');
    expect(message).toContain('no more storage space');
    expect(message).not.toMatch(/could not be made/);
  });
});

describe('a write that fails for lack of space', () => {
  it('says so in words when archiving a client, and leaves the client as it was', async () => {
    const saved = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
    if (!saved.ok) throw new Error('client');
    vi.spyOn(db().clients, 'update').mockRejectedValue(domError('QuotaExceededError'));
    window.history.pushState({}, '', `/clients/${saved.id}`);
    render(() => (
      <Router root={Layout}>
        <Route path="/clients/:id" component={ClientEditor} />
      </Router>
    ));
    fireEvent.click(await screen.findByRole('button', { name: 'Archive' }));
    const banner = await screen.findByTestId('storage-error');
    expect(banner.textContent).toContain('Could not archive the client: this browser has no more storage space for CPNI Desk.');
    expect(banner.textContent).toContain('Nothing was changed.');
    expect((await db().clients.get(saved.id))?.archived).toBeFalsy();
    expect(screen.queryByText(/is archived and hidden/)).toBeNull();
  });
});
