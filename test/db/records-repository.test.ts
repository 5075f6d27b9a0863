// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { DELETED_ELSEWHERE, addRecords, purgeRecord, queryRecords, restoreRecord, saveRecord, softDeleteRecord } from '../../src/db/records';

let clientId = '';

beforeEach(async () => {
  useDatabase(new CpniDatabase(`records-${crypto.randomUUID()}`));
  const r = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
  if (!r.ok) throw new Error('client not saved');
  clientId = r.id;
});

const training = (heldOn: string) => ({ heldOn, topic: 'CPNI basics' });

describe('records repository', () => {
  it('stores a valid record with its event date and refuses an invalid one without writing', async () => {
    const ok = await saveRecord('training', clientId, training('2026-03-04'));
    expect(ok.ok).toBe(true);
    const bad = await saveRecord('training', clientId, { heldOn: '2026-02-30', topic: '' });
    expect(bad).toEqual({ ok: false, errors: { heldOn: 'Training date is not a real date on the calendar.', topic: 'Topic is required.' } });
    const all = await db().records.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ kind: 'training', clientId, date: '2026-03-04', topic: 'CPNI basics' });
  });

  it('refuses an edit of a record deleted since the form opened, and writes nothing', async () => {
    const made = await saveRecord('training', clientId, training('2026-03-04'));
    if (!made.ok) throw new Error('not saved');
    await softDeleteRecord(made.id);
    const edit = await saveRecord('training', clientId, { ...training('2026-03-04'), topic: 'Edited' }, made.id, made.rev);
    expect(edit).toEqual({ ok: false, errors: { '': DELETED_ELSEWHERE } });
    expect(await db().records.get(made.id)).toMatchObject({ topic: 'CPNI basics', deletedAt: expect.any(String) });
  });

  it('refuses a record for a client that does not exist', async () => {
    expect(await saveRecord('training', 'nope', training('2026-03-04'))).toEqual({ ok: false, errors: { clientId: 'Choose the client this record belongs to.' } });
  });

  it('pages records newest first and hides soft-deleted ones until restored', async () => {
    await addRecords('training', clientId, Array.from({ length: 120 }, (_, i) => training(`2026-01-${String((i % 28) + 1).padStart(2, '0')}`)));
    const first = await queryRecords({ clientId, kind: 'training', limit: 50 });
    expect(first.total).toBe(120);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]!.date >= first.rows[49]!.date).toBe(true);
    const victim = first.rows[0]!.id;
    await softDeleteRecord(victim);
    expect((await queryRecords({ clientId })).total).toBe(119);
    expect((await queryRecords({ clientId, deleted: true })).rows.map((r) => r.id)).toEqual([victim]);
    await restoreRecord(victim);
    expect((await queryRecords({ clientId })).total).toBe(120);
  });

  it('purges only a record that was deleted first and that the caller allows', async () => {
    const r = await saveRecord('training', clientId, training('2020-01-01'));
    if (!r.ok) throw new Error();
    expect(await purgeRecord(r.id, () => true)).toBe(false); // not deleted yet
    await softDeleteRecord(r.id);
    expect(await purgeRecord(r.id, () => false)).toBe(false); // retention not over
    expect(await db().records.count()).toBe(1);
    expect(await purgeRecord(r.id, () => true)).toBe(true);
    expect(await db().records.count()).toBe(0);
  });

  it('adds a batch all or nothing', async () => {
    const existing = await saveRecord('training', clientId, training('2026-03-04'));
    if (!existing.ok) throw new Error();
    const row = { ...training('2026-03-05') };
    await expect(
      db().transaction('rw', db().records, db().changeLog, async () => {
        await addRecords('training', clientId, [row, row]);
        await db().records.add({ id: existing.id } as never); // a clash aborts the whole batch
      }),
    ).rejects.toThrow();
    expect(await db().records.count()).toBe(1);
  });
});
