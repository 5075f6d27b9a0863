// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { saveRecord } from '../../src/db/records';
import { changesFor, logChanges, verifyChangeLog } from '../../src/db/change-log';
import { CURRENT_SCHEMA_VERSION, makeBackup, restoreBackup } from '../../src/db/backup';
import { parseBackup } from '../../src/domain/backup';

beforeEach(() => useDatabase(new CpniDatabase(`log-${crypto.randomUUID()}`)));

async function someChanges() {
  const r = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
  if (!r.ok) throw new Error('client');
  await saveRecord('training', r.id, { heldOn: '2026-03-04', topic: 'CPNI basics' });
  await saveRecord('training', r.id, { heldOn: '2026-04-04', topic: 'Authentication' });
  return r.id;
}

describe('the stored change log', () => {
  it('lists a row’s history by when each change was made, entries brought from another device included', async () => {
    await logChanges([{ entity: 'client', entityId: 'c1', action: 'update', summary: 'Made here later', at: '2026-05-02T10:00:00.000Z' }]);
    await logChanges([{ entity: 'client', entityId: 'c1', action: 'create', summary: 'Made on the other laptop first', at: '2026-05-01T09:00:00.000Z' }], { asRecorded: true });
    expect((await changesFor('client', 'c1')).map((e) => e.summary)).toEqual(['Made on the other laptop first', 'Made here later']);
    expect((await verifyChangeLog()).ok).toBe(true);
  });

  it('chains every entry the app writes, and verifies', async () => {
    await someChanges();
    const entries = await db().changeLog.orderBy('seq').toArray();
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(entries[0]!.prev).toBe('');
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prev).toBe(entries[i - 1]!.hash);
    expect(await verifyChangeLog()).toMatchObject({ ok: true, chained: entries.length, unchained: 0 });
  });

  it('finds an entry altered or removed in the database behind the app’s back', async () => {
    await someChanges();
    const [first, second] = await db().changeLog.orderBy('seq').toArray();
    // Straight into IndexedDB, past the app's write checks, as a tamperer would.
    const raw = db().backendDB();
    await new Promise<void>((done, fail) => {
      const tx = raw.transaction('changeLog', 'readwrite');
      tx.objectStore('changeLog').put({ ...first!, summary: 'Created someone else' });
      tx.oncomplete = () => done();
      tx.onerror = () => fail(tx.error);
    });
    expect(await verifyChangeLog()).toMatchObject({ ok: false, broken: { seq: first!.seq, reason: expect.stringMatching(/changed after it was written/) } });
    await new Promise<void>((done, fail) => {
      const tx = raw.transaction('changeLog', 'readwrite');
      tx.objectStore('changeLog').put(first!);
      tx.objectStore('changeLog').delete(second!.seq!);
      tx.oncomplete = () => done();
      tx.onerror = () => fail(tx.error);
    });
    expect(await verifyChangeLog()).toMatchObject({ ok: false, broken: { reason: expect.stringMatching(/removed or moved/) } });
  });

  it('travels in a backup and still verifies after the restore, with the restore itself chained on', async () => {
    await someChanges();
    const text = await makeBackup();
    useDatabase(new CpniDatabase(`log-${crypto.randomUUID()}`));
    const parsed = parseBackup(text, { schemaVersion: CURRENT_SCHEMA_VERSION });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    await restoreBackup(parsed.backup, 'replace');
    const check = await verifyChangeLog();
    expect(check.ok).toBe(true);
    expect(check.chained).toBeGreaterThan(parsed.backup.data.changeLog!.length - 1);
  });
});
