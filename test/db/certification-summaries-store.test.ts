// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { getClient, saveClient } from '../../src/db/clients';
import { createCertification, getCertification, listCertificationSummaries, updateCertification } from '../../src/db/certifications';
import { backToDraft, markReady, startAmendedFiling } from '../../src/db/certification-steps';
import { summaryOf } from '../../src/db/certification-summaries';
import { newCertification } from '../../src/domain/certification-record';
import { CURRENT_SCHEMA_VERSION, makeBackup, restoreBackup } from '../../src/db/backup';
import { parseBackup } from '../../src/domain/backup';

beforeEach(() => useDatabase(new CpniDatabase(`summaries-store-${crypto.randomUUID()}`)));

/** Every certification has exactly its summary, and there is no other. */
async function expectInStep() {
  const d = db();
  const rows = await d.certifications.toArray();
  const summaries = await d.certificationSummaries.toArray();
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  expect(summaries.sort(byId)).toEqual(rows.map((r) => summaryOf(r as never)!).sort(byId));
  return summaries;
}

async function clientId(legalName = 'Mesa Rural Telephone Co.', filerId = '823456') {
  const r = await saveClient({ legalName, filerId, officers: [{ id: 'o1', name: 'Ana Ruiz', title: 'President', isDefaultSignatory: true }] });
  if (!r.ok) throw new Error('client');
  return r.id;
}

describe('the certification summaries store', () => {
  it('follows every write of a certification: created, edited, stepped, amended, deleted, cleared', async () => {
    const mesa = await clientId();
    const created = await createCertification(newCertification((await getClient(mesa))!, 2027));
    if (!created.ok) throw new Error(created.message);
    expect(await expectInStep()).toEqual([expect.objectContaining({ id: created.id, status: 'draft', signatureDate: '' })]);

    const edited = await updateCertification(created.id, { signatureDate: '2027-02-03' }, 'Dated');
    expect(edited.ok).toBe(true);
    expect((await expectInStep())[0]).toMatchObject({ signatureDate: '2027-02-03' });

    const ready = await markReady(created.id, (await getCertification(created.id))!);
    expect(ready.ok).toBe(true);
    expect((await expectInStep())[0]).toMatchObject({ status: 'ready' });
    expect((await backToDraft(created.id)).ok).toBe(true);
    expect((await expectInStep())[0]).toMatchObject({ status: 'draft' });

    // Dexie's own paths: modify of a collection, bulk writes, delete by key and by range.
    await db().certifications.where('clientId').equals(mesa).modify({ ecfsConfirmation: '1022000000001' });
    expect((await expectInStep())[0]).toMatchObject({ ecfsConfirmation: '1022000000001' });
    const row = (await getCertification(created.id))!;
    await db().certifications.bulkPut([{ ...row, id: 'copy-1', certificationYear: 2026 }, { ...row, id: 'copy-2', certificationYear: 2025 }]);
    expect(await expectInStep()).toHaveLength(3);
    await db().certifications.delete('copy-1');
    expect(await expectInStep()).toHaveLength(2);
    await db().certifications.where('certificationYear').below(2026).delete();
    expect(await expectInStep()).toHaveLength(1);
    await db().certifications.clear();
    expect(await expectInStep()).toEqual([]);
  });

  it('tells which filing of an amended chain is in force', async () => {
    const mesa = await clientId();
    const created = await createCertification(newCertification((await getClient(mesa))!, 2026));
    if (!created.ok) throw new Error(created.message);
    await db().certifications.update(created.id, { status: 'filed', filedOn: '2026-02-10', ecfsConfirmation: '1022000000001' });
    const amended = await startAmendedFiling(created.id);
    if (!amended.ok) throw new Error(amended.message);
    await expectInStep();
    const listed = await listCertificationSummaries();
    expect(listed.find((s) => s.id === created.id)).toMatchObject({ amendedById: amended.id });
    expect(listed.find((s) => s.id === amended.id)).toMatchObject({ amends: true });
  });

  it('is unchanged when the write that would change it fails', async () => {
    const mesa = await clientId();
    const created = await createCertification(newCertification((await getClient(mesa))!, 2027));
    if (!created.ok) throw new Error(created.message);
    const before = await expectInStep();
    const d = db();
    // A write that passes Dexie but whose transaction then fails: both roll back together.
    await expect(
      d.transaction('rw', d.certifications, async () => {
        await d.certifications.update(created.id, { status: 'ready' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // A row the write checks refuse.
    await expect(d.certifications.update(created.id, { certificationYear: 'next year' as never })).rejects.toThrow();
    expect(await expectInStep()).toEqual(before);
  });

  it('lists by client and year, whatever order the ids have', async () => {
    const b = await clientId('B Telephone', '800002');
    const a = await clientId('A Telephone', '800001');
    for (const [id, year] of [[b, 2027], [a, 2026], [b, 2025], [a, 2027]] as const) {
      const made = await createCertification(newCertification((await getClient(id))!, year));
      expect(made.ok).toBe(true);
    }
    const listed = await listCertificationSummaries();
    expect(listed).toHaveLength(4);
    const expected = [...listed].sort((x, y) => (x.clientId < y.clientId ? -1 : x.clientId > y.clientId ? 1 : x.certificationYear - y.certificationYear));
    expect(listed.map((s) => [s.clientId, s.certificationYear])).toEqual(expected.map((s) => [s.clientId, s.certificationYear]));
  });

  it('is rebuilt by a restore: the backup carries no summaries, and the restored certifications have theirs, with no stale one left', async () => {
    const mesa = await clientId();
    const kept = await createCertification(newCertification((await getClient(mesa))!, 2027));
    if (!kept.ok) throw new Error(kept.message);
    const text = await makeBackup('2027-01-05T12:00:00.000Z');
    expect(text).not.toContain('certificationSummaries');
    // A certification made after the backup: the restore replaces everything, so it goes.
    const later = await createCertification(newCertification((await getClient(mesa))!, 2026));
    if (!later.ok) throw new Error(later.message);
    const parsed = parseBackup(text, { schemaVersion: CURRENT_SCHEMA_VERSION });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    await restoreBackup(parsed.backup, 'replace');
    expect((await expectInStep()).map((s) => s.id)).toEqual([kept.id]);
  });
});
