import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { saveRecord, softDeleteRecord } from '../../src/db/records';
import { Records } from '../../src/features/records/Records';
import { RecordDetail } from '../../src/features/records/RecordDetail';
import { dismissUndo } from '../../src/features/records/UndoToast';

let clientId = '';
let recordId = '';

beforeEach(async () => {
  useDatabase(new CpniDatabase(`t-${crypto.randomUUID()}`));
  const c = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
  if (!c.ok) throw new Error('client not saved');
  clientId = c.id;
  const r = await saveRecord('complaint', clientId, { receivedOn: '2026-06-01', category: 'employeeAccess', summary: 'Employee looked up a neighbour’s calls' });
  if (!r.ok) throw new Error('record not saved');
  recordId = r.id;
});
afterEach(() => {
  dismissUndo();
  vi.useRealTimers();
});

function mount(location: string) {
  render(
    () => (
      <>
        <Route path="/records" component={Records} />
        <Route path="/records/:id" component={RecordDetail} />
      </>
    ),
    { location },
  );
}

// Polls on setImmediate, which stays real while the test fakes setTimeout for the toast's clock.
async function until(check: () => void, tries = 500): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      check();
      return;
    } catch (error) {
      if (i >= tries) throw error;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
const count = () => screen.getByTestId('records-count').textContent;

describe('deleting a record', () => {
  it('hides the record, offers Undo, and Undo brings it back', async () => {
    mount(`/records/${recordId}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));

    const toast = await screen.findByTestId('undo-toast');
    expect(toast.textContent).toContain('Deleted the customer complaint of June 1, 2026.');
    expect(toast.closest('[role="status"]')).not.toBeNull();
    await until(() => expect(count()).toBe('No records match these filters.'));
    expect((await db().records.get(recordId))?.deletedAt).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await until(() => expect(count()).toBe('1–1 of 1 records'));
    expect(screen.getByTestId('undo-toast').textContent).toContain('Restored.');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect((await db().records.get(recordId))?.deletedAt).toBeUndefined();
  });

  it('takes the Undo offer away after about ten seconds; the record stays deleted', async () => {
    mount(`/records/${recordId}`);
    const del = await screen.findByRole('button', { name: 'Delete' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.click(del);
    await until(() => expect(screen.getByTestId('undo-toast')).toBeTruthy());
    vi.advanceTimersByTime(9_000);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
    vi.advanceTimersByTime(1_500);
    await until(() => expect(screen.queryByTestId('undo-toast')).toBeNull());
    expect((await db().records.get(recordId))?.deletedAt).toBeTruthy();
  });

  it('says a deleted record is deleted, lists it among deleted records, and restores it', async () => {
    await softDeleteRecord(recordId);
    mount(`/records?client=${clientId}&deleted=1`);
    await until(() => expect(count()).toBe('1–1 of 1 deleted records'));
    fireEvent.click(screen.getByRole('link', { name: /Improper access by employees/ }));

    expect(await screen.findByText('This record is deleted')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText('Restored. The record is back in the lists.')).toBeTruthy();
    await until(() => expect(screen.queryByText('This record is deleted')).toBeNull());
    expect((await db().records.get(recordId))?.deletedAt).toBeUndefined();
  });
});
