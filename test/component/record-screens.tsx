// Shared setup of the record-screen tests: "today" is Thursday, March 5, 2026 (only Date is
// faked, so IndexedDB keeps its real timers; local noon is the same day in every zone), a fresh
// database per test with one client, and the new-record and record pages mounted at a location.
import { afterEach, beforeEach, vi } from 'vitest';
import { render } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import { CpniDatabase, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { NewRecord } from '../../src/features/records/NewRecord';
import { RecordDetail } from '../../src/features/records/RecordDetail';

/** Registers the setup for the calling test file; `client()` is the id of this test's client. */
export function useRecordScreens(): { client: () => string; mount: (location: string) => ReturnType<typeof render> } {
  let clientId = '';
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 2, 5, 12, 0, 0));
    useDatabase(new CpniDatabase(`records-${crypto.randomUUID()}`));
    const r = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
    if (!r.ok) throw new Error('client not saved');
    clientId = r.id;
  });
  afterEach(() => vi.useRealTimers());
  const mount = (location: string) =>
    render(
      () => (
        <>
          <Route path="/records/new" component={NewRecord} />
          <Route path="/records/:id" component={RecordDetail} />
        </>
      ),
      { location },
    );
  return { client: () => clientId, mount };
}
