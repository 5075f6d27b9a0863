// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CpniDatabase, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { addRecords, countRecords, queryRecords, recordsPage, softDeleteRecord, type RecordQuery } from '../../src/db/records';

let a = '';
let b = '';

beforeEach(async () => {
  useDatabase(new CpniDatabase(`records-page-${crypto.randomUUID()}`));
  const saved = await Promise.all([saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' }), saveClient({ legalName: 'Prairie Tel', filerId: '812345' })]);
  a = saved[0].ok ? saved[0].id : '';
  b = saved[1].ok ? saved[1].id : '';
  const day = (i: number) => `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  await addRecords('training', a, Array.from({ length: 70 }, (_, i) => ({ heldOn: day(i), topic: `Session ${i}` })));
  await addRecords('complaint', b, Array.from({ length: 40 }, (_, i) => ({ receivedOn: day(i), category: 'other', summary: `Complaint ${i}`, publicSummary: '', resolution: '' })));
  const { rows } = await queryRecords({ clientId: a, limit: 5 });
  for (const r of rows) await softDeleteRecord(r.id);
});

describe('a page of records and its count, read apart', () => {
  it('give the same page and total as reading both together, for every kind of query', async () => {
    const queries: RecordQuery[] = [
      {},
      { order: 'asc', offset: 50 },
      { clientId: a },
      { clientId: b, kind: 'complaint', offset: 30, limit: 20 },
      { kind: 'training', from: '2026-03-01', to: '2026-06-30' },
      { deleted: true },
      { deleted: true, clientId: a, order: 'asc', offset: 2 },
      { clientId: b, kind: 'training' },
    ];
    for (const q of queries) {
      const together = await queryRecords(q);
      expect({ rows: (await recordsPage(q)).map((r) => r.id), total: await countRecords(q) }).toEqual({ rows: together.rows.map((r) => r.id), total: together.total });
    }
    expect(await countRecords({})).toBe(105);
    expect(await countRecords({ deleted: true })).toBe(5);
    expect((await recordsPage({ offset: 100 })).length).toBe(5);
  });
});
