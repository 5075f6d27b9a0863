// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CpniDatabase, useDatabase } from '../../src/db/database';
import { getClient, saveClient } from '../../src/db/clients';
import { saveRecord } from '../../src/db/records';
import { createRoot } from 'solid-js';
import { createCertification, createCertificationSummariesQuery, getCertification, getCertifications, listCertificationSummaries, listCertificationsOfYear, recordsOfClients } from '../../src/db/certifications';
import { markFiled, markReady, signCertification, startAmendedFiling } from '../../src/db/certification-steps';
import { newCertification } from '../../src/domain/certification-record';
import { contentHashOf, signedFile, type PackageSources, type SignedFacts } from '../../src/domain/signed-package';

beforeEach(() => useDatabase(new CpniDatabase(`summaries-${crypto.randomUUID()}`)));

async function client(legalName: string, filerId: string) {
  const r = await saveClient({ legalName, filerId, officers: [{ id: 'o1', name: 'Ana Ruiz', title: 'President', isDefaultSignatory: true }] });
  if (!r.ok) throw new Error('client');
  return r.id;
}

async function start(clientId: string, year: number) {
  const created = await createCertification({ ...newCertification((await getClient(clientId))!, year), signatureDate: `${year}-02-01`, dateFiled: `${year}-02-10` });
  if (!created.ok) throw new Error(created.message);
  return created.id;
}

async function filed(clientId: string, year: number) {
  const id = await start(clientId, year);
  await markReady(id, (await getCertification(id))!);
  const content = { documents: [], facts: {} as SignedFacts };
  const signed = await signCertification(id, (await getCertification(id))!.rev!, {
    appVersion: '0.1.0', content, contentHash: contentHashOf(content), sources: {} as PackageSources, files: { single: [signedFile('p.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46]))], separate: [] },
  });
  if (!signed.ok) throw new Error(signed.message);
  const done = await markFiled(id, `${year}-02-10`, '1022000000001', `${year}-03-01`);
  if (!done.ok) throw new Error(done.message);
  return id;
}

describe('what the certifications screen reads', () => {
  it('lists every certification from the index with its status facts, and tells which filing of an amended chain is in force', async () => {
    const mesa = await client('Mesa Rural Telephone Co.', '823456');
    const canyon = await client('Canyon Rim Communications', '829900');
    const original = await filed(mesa, 2026);
    const amended = await startAmendedFiling(original);
    if (!amended.ok) throw new Error(amended.message);
    const draft = await start(canyon, 2027);

    const summaries = await listCertificationSummaries();
    expect(summaries).toHaveLength(3);
    const byId = new Map(summaries.map((s) => [s.id, s]));
    expect(byId.get(original)).toMatchObject({ clientId: mesa, certificationYear: 2026, status: 'filed', filedOn: '2026-02-10', ecfsConfirmation: '1022000000001', amendedById: amended.id });
    expect(byId.get(original)!.amends).toBeUndefined();
    expect(byId.get(amended.id)).toMatchObject({ clientId: mesa, certificationYear: 2026, status: 'draft', amends: true });
    expect(byId.get(amended.id)!.amendedById).toBeUndefined();
    expect(byId.get(draft)).toEqual({ id: draft, clientId: canyon, certificationYear: 2027, status: 'draft', signatureDate: '2027-02-01', filedOn: '', ecfsConfirmation: '' });
    // Only what the list shows: never the answers or the statement.
    expect(Object.keys(byId.get(draft)!)).not.toContain('answers');
  });

  it('reads a year whole, chosen certifications whole in their order, and many clients’ live records in one go', async () => {
    const mesa = await client('Mesa Rural Telephone Co.', '823456');
    const canyon = await client('Canyon Rim Communications', '829900');
    const a = await start(mesa, 2027);
    const b = await start(canyon, 2027);
    await start(mesa, 2026);
    expect((await listCertificationsOfYear(2027)).map((c) => c.id).sort()).toEqual([a, b].sort());
    expect((await getCertifications([b, 'gone', a])).map((c) => c?.id)).toEqual([b, undefined, a]);

    const saved = await saveRecord('complaint', mesa, { receivedOn: '2026-05-01', category: 'employeeAccess', summary: 'A bill' });
    expect(saved.ok).toBe(true);
    const records = await recordsOfClients([mesa, canyon]);
    expect(records.get(mesa)!.map((r) => r.kind)).toEqual(['complaint']);
    expect(records.get(canyon)).toEqual([]);
  });
});

describe('the certifications screen’s live list', () => {
  it('is a plain array that follows every write', async () => {
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
    };
    const mesa = await client('Mesa Rural Telephone Co.', '823456');
    await createRoot(async (dispose) => {
      const list = createCertificationSummariesQuery();
      await until(() => !list.loading);
      expect(list.value).toEqual([]);
      const id = await start(mesa, 2027);
      await until(() => list.value.length === 1);
      expect(list.value.map((s) => [s.id, s.status])).toEqual([[id, 'draft']]);
      await markReady(id, (await getCertification(id))!);
      await until(() => list.value[0]?.status === 'ready');
      expect(list.value[0]!.status).toBe('ready');
      dispose();
    });
  });
});
