import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import { CpniDatabase, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { saveRecord } from '../../src/db/records';
import { Dashboard } from '../../src/features/dashboard/Dashboard';
import { RecordDetail } from '../../src/features/records/RecordDetail';

// Customers told on 2026-02-04, before the 2007-rule wait after the 2026-02-03 agency notice
// ended (customers may be told from 2026-02-13, § 64.2011(b)(1)): the dashboard and the record
// page say the same thing, in the same words.
let recordId = '';
// The dashboard's content is a lazy chunk: load it once up front, as the app does at startup.
beforeAll(async () => {
  await import('../../src/features/dashboard/DashboardView');
});

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 2, 10, 12, 0, 0));
  useDatabase(new CpniDatabase(`words-${crypto.randomUUID()}`));
  const client = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
  if (!client.ok) throw new Error('client');
  const saved = await saveRecord('breach', client.id, {
    discoveredOn: '2026-01-30',
    determinedOn: '2026-01-30',
    cpniInvolved: 'Call detail records',
    agenciesNotifiedOn: '2026-02-03',
    customersNotifiedOn: '2026-02-04',
  });
  if (!saved.ok) throw new Error('record');
  recordId = saved.id;
});
afterEach(() => vi.useRealTimers());

describe('one clock, the same words on every screen', () => {
  it('shows customers told too early as "Done too early" on the dashboard', async () => {
    render(() => <Route path="/" component={Dashboard} />, { location: '/' });
    const table = await screen.findByTestId('deadlines');
    const row = within(table).getByText('Earliest customer notice after a breach').closest('tr')!;
    expect(row.textContent).toContain('Done too early');
    expect(screen.getByTestId('status-counts').textContent).toContain('1 done too early');
  });

  it('shows the same status, and why, on the record page', async () => {
    render(() => <Route path="/records/:id" component={RecordDetail} />, { location: `/records/${recordId}` });
    const clocks = await screen.findByTestId('record-clocks');
    const line = within(clocks).getByText('Customers may be told from').closest('li')!;
    expect(line.getAttribute('data-state')).toBe('early');
    expect(line.textContent).toContain('Done too early');
    expect(line.textContent).toContain('Done on February 4, 2026, before the earliest allowed day (February 13, 2026).');
  });
});
