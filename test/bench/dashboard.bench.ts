import 'fake-indexeddb/auto';
import { it } from 'vitest';
import { deadlinesFor } from '../../src/domain/deadlines';
import { retainUntil } from '../../src/domain/retention';
import { draftCertification } from '../../src/domain/certification';
import { recordDate } from '../../src/domain/records';
import { CpniDatabase, useDatabase } from '../../src/db/database';
import { loadDashboard } from '../../src/db/dashboard';
import { CLOCKED_KINDS } from '../../src/domain/records';
import { queryRecords } from '../../src/db/records';
import { consultantBook } from './fixtures';
import { measure } from './measure';

const { clients, records } = consultantBook();
const clocked = records.filter((r) => (CLOCKED_KINDS as readonly string[]).includes(r.kind));
const settings = { closures: [], breachRule2023EffectiveDate: '', dueSoonDays: 14 };
const scale = `${clients.length} clients, ${records.length} records`;

it(`domain at consultant scale (${scale}; ${clocked.length} with clocks)`, async () => {
  await measure('deadlinesFor over the clocked records (what the dashboard computes)', () => deadlinesFor(clients, clocked, '2026-11-25', settings));
  await measure('deadlinesFor over every record', () => deadlinesFor(clients, records, '2026-11-25', settings), 5);
  await measure('retainUntil for every record (retention review, worst case)', () => { for (const r of records) retainUntil(r, settings); }, 5);
  const own = records.filter((r) => r.clientId === 'client-0');
  await measure(`draftCertification for one client (${own.length} records)`, () =>
    draftCertification({ client: { ...clients[0]!, affiliates: [] }, certificationYear: 2027, records: own, signatory: { name: 'A', title: 'President' } }),
  );
});

it(`IndexedDB through fake-indexeddb in Node (${scale}; a real browser is faster)`, async () => {
  const database = new CpniDatabase(`bench-${Date.now()}`);
  useDatabase(database);
  await database.clients.bulkAdd(clients);
  await database.records.bulkAdd(records.map((r) => ({ ...r, date: recordDate(r) })));
  await measure('load the dashboard data (clients, clocked records, certifications)', () => loadDashboard(), 3);
  await measure("one page (50) of one client's approvals, newest first", () => queryRecords({ clientId: 'client-7', kind: 'approval', limit: 50 }), 10);
});
