// @vitest-environment node
/**
 * The change log as an auditor reads it: who made each change, what changed field by field,
 * and a head kept apart from the log so that entries removed from its end are noticed, in the
 * database and in a backup file.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { purgeRecord, saveRecord, softDeleteRecord } from '../../src/db/records';
import { deletePreparer, savePreparer } from '../../src/db/preparers';
import { updateSettings } from '../../src/db/settings';
import { changesFor, rememberHead, storedHead, verifyChangeLog } from '../../src/db/change-log';
import { CURRENT_SCHEMA_VERSION, makeBackup, restoreBackup } from '../../src/db/backup';
import { parseBackup } from '../../src/domain/backup';
import { verifyChain } from '../../src/domain/change-chain';

beforeEach(() => {
  useDatabase(new CpniDatabase(`log-fields-${crypto.randomUUID()}`));
});

/** Straight into IndexedDB, past the app, as someone covering their tracks would. */
async function deleteEntries(seqs: number[]) {
  const raw = db().backendDB();
  await new Promise<void>((done, fail) => {
    const tx = raw.transaction('changeLog', 'readwrite');
    for (const seq of seqs) tx.objectStore('changeLog').delete(seq);
    tx.oncomplete = () => done();
    tx.onerror = () => fail(tx.error);
  });
}

async function clientWithRecord() {
  await updateSettings({ userName: 'Dana Whitfield' });
  const c = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
  if (!c.ok) throw new Error('client');
  const r = await saveRecord('training', c.id, { heldOn: '2026-03-04', topic: 'CPNI basics' });
  if (!r.ok) throw new Error('record');
  return { clientId: c.id, recordId: r.id };
}

describe('field-level entries', () => {
  it('an update lists only the fields that changed, before and after, under the name set in Settings', async () => {
    const { clientId, recordId } = await clientWithRecord();
    const rec = (await db().records.get(recordId))!;
    const saved = await saveRecord('training', clientId, { heldOn: '2026-03-04', topic: 'CPNI basics and authentication' }, recordId, rec.rev);
    expect(saved.ok).toBe(true);
    const entries = await changesFor('record', recordId);
    expect(entries).toHaveLength(2);
    const [created, updated] = entries;
    expect(created).toMatchObject({ action: 'create', by: 'Dana Whitfield' });
    expect(created!.changes).toEqual(expect.arrayContaining([{ field: 'topic', after: 'CPNI basics' }, { field: 'heldOn', after: '2026-03-04' }]));
    expect(updated).toMatchObject({ action: 'update', by: 'Dana Whitfield', changes: [{ field: 'topic', before: 'CPNI basics', after: 'CPNI basics and authentication' }] });
  });

  it('a client edit lists nested fields by path, and a deletion the whole row as it was', async () => {
    const { clientId, recordId } = await clientWithRecord();
    const client = (await db().clients.get(clientId))!;
    await saveClient({ ...client, address: { ...client.address, city: 'Mesa' } }, clientId, client.rev);
    const [, edit] = await changesFor('client', clientId);
    expect(edit!.changes).toEqual([{ field: 'address.city', before: '', after: 'Mesa' }]);
    await softDeleteRecord(recordId);
    const deleted = (await changesFor('record', recordId)).at(-1)!;
    expect(deleted.action).toBe('delete');
    expect(deleted.changes).toEqual(expect.arrayContaining([{ field: 'topic', before: 'CPNI basics' }]));
  });

  it('a record purged for good and a preparer deleted are logged with every field as it was', async () => {
    const { recordId } = await clientWithRecord();
    await softDeleteRecord(recordId);
    expect(await purgeRecord(recordId, () => true)).toBe(true);
    const purged = (await changesFor('record', recordId)).at(-1)!;
    expect(purged).toMatchObject({ action: 'purge', by: 'Dana Whitfield' });
    expect(purged.changes).toEqual(expect.arrayContaining([{ field: 'topic', before: 'CPNI basics' }, { field: 'heldOn', before: '2026-03-04' }]));

    const saved = await savePreparer({ name: 'Lee Ortiz', firm: 'Ortiz Regulatory LLC' });
    if (!saved.ok) throw new Error('preparer');
    await deletePreparer(saved.id);
    const deleted = (await changesFor('preparer', saved.id)).at(-1)!;
    expect(deleted.action).toBe('delete');
    expect(deleted.changes).toEqual(expect.arrayContaining([{ field: 'name', before: 'Lee Ortiz' }]));
    expect((await verifyChangeLog()).ok).toBe(true);
  });

  it('the hash covers the name and the field changes: editing either breaks the chain', async () => {
    const { recordId } = await clientWithRecord();
    const entries = await db().changeLog.orderBy('seq').toArray();
    expect(verifyChain(entries)).toMatchObject({ ok: true });
    const at = entries.findIndex((e) => e.entityId === recordId);
    const changedValue = entries.map((e, i) => (i === at ? { ...e, changes: [{ field: 'topic', after: 'Something else' }] } : e));
    expect(verifyChain(changedValue)).toMatchObject({ ok: false, broken: { reason: expect.stringMatching(/changed after it was written/) } });
    const changedName = entries.map((e, i) => (i === at ? { ...e, by: 'Someone else' } : e));
    expect(verifyChain(changedName)).toMatchObject({ ok: false, broken: { reason: expect.stringMatching(/changed after it was written/) } });
  });

  it('older entries without a name or field changes still verify', async () => {
    const { chained } = await import('../../src/domain/change-chain');
    const old = chained('', { at: '2025-01-01T10:00:00.000Z', entity: 'client', entityId: 'c1', action: 'create', summary: 'Created A' });
    const next = chained(old.hash, { at: '2026-01-01T10:00:00.000Z', entity: 'client', entityId: 'c1', action: 'update', summary: 'Updated A', by: 'Dana', changes: [{ field: 'legalName', before: 'A', after: 'B' }] });
    expect(verifyChain([{ ...old, seq: 1 }, { ...next, seq: 2 }])).toMatchObject({ ok: true, chained: 2 });
  });
});

describe('the head kept apart from the log', () => {
  it('is written with every append, to the settings row and to localStorage-like storage when there is one', async () => {
    await clientWithRecord();
    const last = await db().changeLog.orderBy('seq').last();
    expect((await db().settings.get('app'))!.changeLogHead).toMatchObject({ seq: last!.seq, hash: last!.hash });
  });

  it('removing the newest entries is reported in words: the log ends at entry N but entry M was recorded', async () => {
    await clientWithRecord();
    const entries = await db().changeLog.orderBy('seq').toArray();
    expect(await verifyChangeLog()).toMatchObject({ ok: true });
    const lastTwo = entries.slice(-2).map((e) => e.seq!);
    await deleteEntries(lastTwo);
    const check = await verifyChangeLog();
    const endsAt = entries.at(-3)!.seq!;
    const recorded = entries.at(-1)!.seq!;
    expect(check).toMatchObject({ ok: false, truncated: { endsAt, recorded } });
    if (check.ok) throw new Error('unreachable');
    expect(check.broken.reason).toBe(`the log ends at entry ${endsAt} but entry ${recorded} was recorded: the newest 2 entries were removed`);
  });

  it('a backup carries the head in its header; a file whose log was cut short is refused, nothing changed', async () => {
    await clientWithRecord();
    const file = JSON.parse(await makeBackup()) as { changeLogHead: { seq: number }; data: { changeLog: unknown[] } };
    expect(file.changeLogHead.seq).toBe(file.data.changeLog.length);
    expect(parseBackup(JSON.stringify(file), { schemaVersion: CURRENT_SCHEMA_VERSION }).ok).toBe(true);
    const cut = { ...file, data: { ...file.data, changeLog: file.data.changeLog.slice(0, -1) } };
    const parsed = parseBackup(JSON.stringify(cut), { schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(parsed).toMatchObject({ ok: false, problems: [expect.stringMatching(/change log in the file: It ends at entry \d+ but the file says entry \d+ was recorded: entries were removed from its end/)] });
    const edited = { ...file, data: { ...file.data, changeLog: file.data.changeLog.map((e, i) => (i === 1 ? { ...(e as object), by: 'Someone else' } : e)) } };
    expect(parseBackup(JSON.stringify(edited), { schemaVersion: CURRENT_SCHEMA_VERSION })).toMatchObject({ ok: false, problems: [expect.stringMatching(/changed after it was written/)] });
    // The log and its head both taken out: a backup of this schema always has a log, so it is refused too.
    const stripped = { ...file, data: { ...file.data } } as { changeLogHead?: unknown; data: Record<string, unknown> };
    delete stripped.changeLogHead;
    delete stripped.data.changeLog;
    expect(parseBackup(JSON.stringify(stripped), { schemaVersion: CURRENT_SCHEMA_VERSION })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/change log in the file: It is missing, though every backup made at database schema 4 or later carries it/)],
    });
  });

  it('restoring an older backup moves the head back with the log: Verify still checks out', async () => {
    await clientWithRecord();
    const older = await makeBackup();
    await saveClient({ legalName: 'Later Telephone Co.', filerId: '823999' });
    await saveClient({ legalName: 'Even Later Telephone Co.', filerId: '823998' });
    rememberHead({ seq: 99, hash: 'f'.repeat(64) }); // a head remembered outside IndexedDB, further on
    const parsed = parseBackup(older, { schemaVersion: CURRENT_SCHEMA_VERSION });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    await restoreBackup(parsed.backup, 'replace');
    expect(await verifyChangeLog()).toMatchObject({ ok: true });
    expect(storedHead()).toBeUndefined(); // no localStorage in node: the settings row alone holds it
  });
});
