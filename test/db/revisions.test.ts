// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { getClient, saveClient, setClientArchived } from '../../src/db/clients';
import { getRecord, saveRecord, softDeleteRecord } from '../../src/db/records';
import { createCertification, getCertification, updateCertification } from '../../src/db/certifications';
import { markReady, signCertification } from '../../src/db/certification-steps';
import { newCertification } from '../../src/domain/certification-record';
import { savePreparer } from '../../src/db/preparers';
import { applyChoices, defaultChoices, otherChanges } from '../../src/domain/conflicts';
import { draftFromClient, inputFromDraft } from '../../src/features/clients/client-draft';
import { contentHashOf } from '../../src/domain/signed-package';
import { sha256Hex } from '../../src/domain/sha256';

let clientId = '';

beforeEach(async () => {
  useDatabase(new CpniDatabase(`rev-${crypto.randomUUID()}`));
  const c = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456', services: ['wireline'], officers: [{ id: 'o1', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }] });
  if (!c.ok) throw new Error('client not saved');
  clientId = c.id;
});

describe('revisions and compare-and-swap', () => {
  it('starts every row at revision 1 and adds one on every write, whatever wrote it', async () => {
    expect((await getClient(clientId))!.rev).toBe(1);
    await setClientArchived(clientId, true);
    expect((await getClient(clientId))!.rev).toBe(2);
    const saved = await saveClient({ ...inputFromDraft(draftFromClient((await getClient(clientId))!)), notes: 'x' }, clientId, 2);
    expect(saved).toMatchObject({ ok: true, rev: 3 });
    // The form never writes the archive flag: archiving is its own step.
    expect((await getClient(clientId))!.archived).toBe(true);
  });

  it('refuses a row that does not fit its entity, on any path, with the reason in words', async () => {
    await expect(db().clients.put({ id: 'x', legalName: '' } as never)).rejects.toThrow(/This client was not saved: .*Legal name is required/);
    await expect(db().clients.update(clientId, { filerId: 'abc' })).rejects.toThrow(/Filer ID must contain digits only/);
    expect((await getClient(clientId))!.filerId).toBe('823456');
    expect(await db().clients.count()).toBe(1);
  });

  it('a client renamed in one tab and its notes edited in another: the stale save writes nothing, and the rename survives the merge', async () => {
    const loaded = (await getClient(clientId))!;
    const tabB = draftFromClient(loaded);
    // Tab A renames.
    ok(await saveClient({ ...inputFromDraft(draftFromClient(loaded)), legalName: 'Mesa Rural Telephone Cooperative' }, clientId, loaded.rev));
    // Tab B, still on the old revision, edits the notes and saves.
    const mine = { ...tabB, notes: 'Call before filing.' };
    const stale = await saveClient(inputFromDraft(mine), clientId, loaded.rev);
    expect(stale.ok).toBe(false);
    if (stale.ok || !stale.conflict) throw new Error('expected a conflict');
    expect(stale.errors['']).toMatch(/changed in another tab or window/);
    expect((await getClient(clientId))!).toMatchObject({ legalName: 'Mesa Rural Telephone Cooperative', notes: '', rev: 2 });
    // The comparison lists the rename, offered as "take the other" (tab B never touched it).
    const theirs = draftFromClient(stale.conflict);
    const changes = otherChanges(tabB, mine, theirs, Object.keys(tabB));
    expect(changes).toEqual([{ key: 'legalName', mine: 'Mesa Rural Telephone Co.', theirs: 'Mesa Rural Telephone Cooperative', mineChanged: false }]);
    const merged = applyChoices(mine, changes, defaultChoices(changes));
    ok(await saveClient(inputFromDraft(merged), clientId, stale.conflict.rev));
    expect((await getClient(clientId))!).toMatchObject({ legalName: 'Mesa Rural Telephone Cooperative', notes: 'Call before filing.', rev: 3 });
  });

  it('a record edited in two tabs: the second save is refused, and a save never undoes a deletion', async () => {
    const r = ok(await saveRecord('training', clientId, { heldOn: '2026-02-10', topic: 'CPNI basics' }));
    ok(await saveRecord('training', clientId, { heldOn: '2026-02-10', topic: 'CPNI refresher' }, r.id, 1));
    const stale = await saveRecord('training', clientId, { heldOn: '2026-02-11', topic: 'CPNI basics' }, r.id, 1);
    expect(stale).toMatchObject({ ok: false, conflict: { topic: 'CPNI refresher', rev: 2 } });
    await softDeleteRecord(r.id);
    const deleted = (await getRecord(r.id))!;
    ok(await saveRecord('training', clientId, { heldOn: '2026-02-10', topic: 'CPNI refresher 2' }, r.id, deleted.rev));
    expect((await getRecord(r.id))!.deletedAt).toBe(deleted.deletedAt);
  });

  it('a certification marked ready in tab A: tab B’s stale save writes nothing and gets the stored one back', async () => {
    const client = (await getClient(clientId))!;
    const created = await createCertification(newCertification(client, 2027));
    if (!created.ok) throw new Error(created.message);
    const loaded = (await getCertification(created.id))!;
    ok(await markReady(created.id, { ...loaded, signatureDate: '2027-02-19', dateFiled: '2027-02-20' }, loaded.rev));
    const ready = (await getCertification(created.id))!;
    const stale = await updateCertification(created.id, { ...loaded, coverLetter: { ...loaded.coverLetter, body: 'Edited in B.' } }, 'Saved', loaded.rev);
    expect(stale).toMatchObject({ ok: false, message: expect.stringMatching(/changed in another tab or window/), conflict: { status: 'ready', signatureDate: '2027-02-19' } });
    expect(await getCertification(created.id)).toEqual(ready);
  });

  it('a save never writes the status, the filing or the signed package, even one that names no revision', async () => {
    const client = (await getClient(clientId))!;
    const created = await createCertification(newCertification(client, 2027));
    if (!created.ok) throw new Error(created.message);
    await updateCertification(created.id, { status: 'filed', filedOn: '2027-02-20', ecfsConfirmation: '123', signedPackageId: 'p', preparerId: '' }, 'Saved');
    expect(await getCertification(created.id)).toMatchObject({ status: 'draft', filedOn: '', ecfsConfirmation: '' });
    expect((await getCertification(created.id))!.signedPackageId).toBeUndefined();
  });

  it('a certification signed in tab A: tab B’s save is refused as a conflict, and it stays signed', async () => {
    const client = (await getClient(clientId))!;
    const created = await createCertification(newCertification(client, 2027));
    if (!created.ok) throw new Error(created.message);
    const loaded = (await getCertification(created.id))!;
    ok(await markReady(created.id, { signatureDate: '2027-02-19', dateFiled: '2027-02-20' }, loaded.rev));
    const ready = (await getCertification(created.id))!;
    const content = { documents: [], facts: {} as never };
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    ok(await signCertification(created.id, ready.rev!, { appVersion: '0.1.0', content, contentHash: contentHashOf(content), sources: {} as never, files: { single: [{ fileName: 'p.pdf', bytes, sha256: sha256Hex(bytes) }], separate: [] } }));
    const stale = await updateCertification(created.id, { ...ready, signatory: { name: 'Bo Diaz', title: 'CEO' } }, 'Saved', ready.rev);
    expect(stale).toMatchObject({ ok: false, conflict: { status: 'signed' } });
    expect(await getCertification(created.id)).toMatchObject({ status: 'signed', signatureDate: '2027-02-19', signatory: { name: 'Ann Lee' } });
  });
});

describe('preparers', () => {
  it('a preparer saved from a stale form is refused; marking another the default is a change the form is told about', async () => {
    const a = ok(await savePreparer({ name: 'Jordan Fields' }));
    const b = ok(await savePreparer({ name: 'Casey Moore', isDefault: true }));
    expect(b.rev).toBe(1);
    // Jordan was the default until Casey took it: Jordan's row moved on.
    const stale = await savePreparer({ name: 'Jordan Fields, CPA', isDefault: true }, a.id, a.rev);
    expect(stale).toMatchObject({ ok: false, conflict: { name: 'Jordan Fields', isDefault: false, rev: 2 } });
    expect((await db().preparers.get(b.id))!.isDefault).toBe(true);
  });
});

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

describe('the write checks on a database just opened', () => {
  it('check its very first write, before any read, and reads never wait for them', async () => {
    const fresh = new CpniDatabase(`first-${crypto.randomUUID()}`);
    await expect(fresh.clients.put({ id: 'x', legalName: '' } as never)).rejects.toThrow(/Legal name is required/);
    expect(await fresh.clients.count()).toBe(0);
    const other = new CpniDatabase(`first-${crypto.randomUUID()}`);
    const now = new Date().toISOString();
    await other.clients.add({ id: 'c1', legalName: 'Prairie Tel', filerId: '812345', createdAt: now, updatedAt: now } as never);
    const stored = await other.clients.get('c1');
    expect(stored).toMatchObject({ rev: 1, legalName: 'Prairie Tel' });
    fresh.close();
    other.close();
  });
});
