import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import { CpniDatabase, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { addRecords, saveRecord } from '../../src/db/records';
import { fromDayNumber, toDayNumber } from '../../src/domain/dates';
import { Records } from '../../src/features/records/Records';

let clientId = '';

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 25, 12, 0, 0));
  useDatabase(new CpniDatabase(`t-${crypto.randomUUID()}`));
  const c = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
  if (!c.ok) throw new Error('client not saved');
  clientId = c.id;
  // After the 10,000-record test, the in-memory IndexedDB of the tests can still be busy with
  // that test's database for a while; this first write waits its turn.
}, 60_000);
afterEach(() => vi.useRealTimers());

function mount(location: string) {
  render(() => <Route path="/records" component={Records} />, { location });
}
const count = () => screen.getByTestId('records-count').textContent;
const bodyRows = () => within(screen.getByTestId('records-table')).getAllByRole('row').slice(1);

/** `n` approvals, one a day backwards from 2026-11-24. */
function approvals(n: number) {
  const last = toDayNumber('2026-11-24');
  return Array.from({ length: n }, (_, i) => ({
    accountRef: String(100000 + i),
    approvalType: 'optOut',
    medium: 'written',
    status: 'granted',
    decidedOn: fromDayNumber(last - (i % 3000)),
    scope: '',
  }));
}

describe('the records list', () => {
  it('stays paged with 10,000 records for one client: 50 rows in the page, counts for the rest', async () => {
    await addRecords('approval', clientId, approvals(10_000));
    mount(`/records?client=${clientId}`);
    await waitFor(() => expect(count()).toBe('1–50 of 10,000 records'), { timeout: 20_000 });
    expect(bodyRows()).toHaveLength(50);
    expect(bodyRows()[0]!.textContent).toContain('November 24, 2026');

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(count()).toBe('51–100 of 10,000 records'), { timeout: 20_000 });
    expect(bodyRows()).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: 'Last page' }));
    await waitFor(() => expect(count()).toBe('9,951–10,000 of 10,000 records'), { timeout: 20_000 });
    expect(screen.getByText('Page 200 of 200')).toBeTruthy();
  }, 60_000);

  it('sorts by date either way, filters by kind and date range, and links each row to its page', async () => {
    await addRecords('approval', clientId, approvals(3));
    const t = await saveRecord('training', clientId, { heldOn: '2026-02-10', topic: 'CPNI basics' });
    if (!t.ok) throw new Error();
    mount(`/records?client=${clientId}`);
    await waitFor(() => expect(count()).toBe('1–4 of 4 records'));
    expect(bodyRows()[0]!.textContent).toContain('November 24, 2026');

    const sort = screen.getByRole('button', { name: /^Date/ });
    expect(sort.closest('th')!.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(sort);
    await waitFor(() => expect(bodyRows()[0]!.textContent).toContain('February 10, 2026'));
    expect(screen.getByRole('button', { name: /^Date/ }).closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    expect(within(bodyRows()[0]!).getByRole('link', { name: 'CPNI basics' }).getAttribute('href')).toBe(`/records/${t.id}`);

    fireEvent.change(screen.getByLabelText('Kind of record'), { target: { value: 'approval' } });
    await waitFor(() => expect(count()).toBe('1–3 of 3 customer approvals'));
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-11-23' } });
    await waitFor(() => expect(count()).toBe('1–2 of 2 customer approvals'));
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-11-01' } });
    await waitFor(() => expect(count()).toBe('No customer approvals match these filters.'));
    expect(screen.getByText(/This date is before the From date/)).toBeTruthy();
  });

  it('offers Add record and the CSV import for the chosen client and kind', async () => {
    mount(`/records?client=${clientId}&kind=notice`);
    await screen.findByRole('option', { name: 'Mesa Rural Telephone Co.' });
    await waitFor(() => expect((screen.getByLabelText('Client') as HTMLSelectElement).value).toBe(clientId));
    expect((screen.getByLabelText('Kind of record') as HTMLSelectElement).value).toBe('notice');
    expect(screen.getByRole('link', { name: 'Add record' }).getAttribute('href')).toBe(`/records/new?kind=notice&client=${clientId}`);
    expect(screen.getByRole('link', { name: 'Import approvals from CSV' }).getAttribute('href')).toBe(`/records/import?client=${clientId}`);
  });

  it('warns, as practice and not as a rule, when a client has no training this year, until one is recorded', async () => {
    mount('/records');
    const warning = await screen.findByTestId('training-warnings');
    expect(warning.textContent).toContain('Mesa Rural Telephone Co.: no training recorded yet in 2026.');
    // The client was added this year and has nothing older, so 2025 is not held against it.
    expect(warning.textContent).not.toContain('2025');
    expect(screen.getByText('The FCC rules require training (§ 64.2009(b)) but set no frequency; yearly training is common practice, not a rule.')).toBeTruthy();

    await saveRecord('training', clientId, { heldOn: '2026-02-10', topic: 'CPNI basics' });
    await waitFor(() => expect(screen.queryByTestId('training-warnings')).toBeNull());
  });

  it('holds last year against a client whose records go back to it', async () => {
    await saveRecord('complaint', clientId, { receivedOn: '2025-06-01', category: 'other', summary: 'Wrong bill sent' });
    await saveRecord('training', clientId, { heldOn: '2026-02-10', topic: 'CPNI basics' });
    mount(`/records?client=${clientId}`);
    const warning = await screen.findByTestId('training-warnings');
    expect(warning.textContent).toContain('no training recorded in 2025.');
    expect(warning.textContent).not.toContain('2026');
  });
});
