// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { getClient, saveClient } from '../../src/db/clients';
import { createCertification, getCertification } from '../../src/db/certifications';
import { markReady, signCertification } from '../../src/db/certification-steps';
import { saveRecord } from '../../src/db/records';
import { markFiledFromList, startSeason } from '../../src/db/season';
import { newCertification } from '../../src/domain/certification-record';
import { parseFiledList, seasonProgress } from '../../src/domain/season';
import { contentHashOf, signedFile, type PackageSources, type SignedFacts } from '../../src/domain/signed-package';

beforeEach(() => useDatabase(new CpniDatabase(`season-${crypto.randomUUID()}`)));

async function client(legalName: string, filerId: string, officers = [{ id: 'o1', name: 'Ana Ruiz', title: 'President', isDefaultSignatory: true }]) {
  const r = await saveClient({ legalName, filerId, officers });
  if (!r.ok) throw new Error('client');
  return r.id;
}

async function signed(clientId: string, year: number) {
  const created = await createCertification({ ...newCertification((await getClient(clientId))!, year), signatureDate: `${year}-02-01`, dateFiled: `${year}-02-10` });
  if (!created.ok) throw new Error(created.message);
  await markReady(created.id, (await getCertification(created.id))!);
  const content = { documents: [], facts: {} as SignedFacts };
  const result = await signCertification(created.id, (await getCertification(created.id))!.rev!, {
    appVersion: '0.1.0', content, contentHash: contentHashOf(content), sources: {} as PackageSources, files: { single: [signedFile('p.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46]))], separate: [] },
  });
  if (!result.ok) throw new Error(result.message);
  return created.id;
}

describe('starting the season', () => {
  it('rolls forward last year’s certification, starts new ones, leaves one already started alone, and counts the covered year’s records', async () => {
    const rolled = await client('Mesa Rural Telephone Co.', '823456');
    const fresh = await client('High Plains Tel', '823499', []);
    const started = await client('Canyon Rim Communications', '829900');
    await signed(rolled, 2026);
    const existing = await createCertification(newCertification((await getClient(started))!, 2027));
    if (!existing.ok) throw new Error('cert');
    await saveRecord('complaint', rolled, { receivedOn: '2026-05-01', category: 'employeeAccess', summary: 'x' });
    await saveRecord('complaint', rolled, { receivedOn: '2025-05-01', category: 'employeeAccess', summary: 'x' });

    const progress: [number, number][] = [];
    const items = await startSeason(2027, (done, total) => progress.push([done, total]));
    const by = new Map(items.map((i) => [i.clientId, i]));
    expect(by.get(rolled)).toMatchObject({ outcome: 'rolled', recordCounts: { complaint: 1 } });
    expect(by.get(rolled)!.attention).toContain('Every questionnaire topic is to be answered.');
    expect(by.get(fresh)).toMatchObject({ outcome: 'new' });
    expect(by.get(fresh)!.attention).toContain('No officer on file to sign: add one on the client page.');
    expect(by.get(started)).toMatchObject({ outcome: 'exists', id: existing.id });
    expect(progress.at(-1)).toEqual([3, 3]);

    const certs = await db().certifications.where('certificationYear').equals(2027).toArray();
    expect(certs).toHaveLength(3);
    expect(certs.find((c) => c.clientId === rolled)).toMatchObject({ status: 'draft', rolledFromId: expect.any(String) });

    // Again: nothing new, nothing overwritten.
    const again = await startSeason(2027);
    expect(again.every((i) => i.outcome === 'exists')).toBe(true);
    expect(await db().certifications.where('certificationYear').equals(2027).count()).toBe(3);
    expect(seasonProgress(await db().clients.toArray(), await db().certifications.toArray(), 2027)).toEqual({ total: 3, notStarted: 0, byStatus: { draft: 3, ready: 0, signed: 0, filed: 0 } });
  });
});

describe('marking filed from a pasted list', () => {
  it('files each signed certification named by Filer ID and says why the other lines were not applied', async () => {
    const a = await client('Mesa Rural Telephone Co.', '823456');
    await client('High Plains Tel', '823499');
    await signed(a, 2026);
    await startSeason(2026);
    const lines = parseFiledList('Filer ID\tDate\tConfirmation\n823456\t2/12/2026\t20260212000001\n823499, 2026-02-12, 20260212000002\n999999,2026-02-12,1\n823456,2026-02-31,2\n');
    const results = await markFiledFromList(lines, 2026);
    expect(results.map((r) => [r.line, r.ok])).toEqual([[2, true], [3, false], [4, false], [5, false]]);
    expect(results[1]!.error).toMatch(/draft|sign/i);
    expect(results[2]!.error).toBe('No client has Filer ID 999999.');
    expect(results[3]!.error).toMatch(/not a date/);
    const cert = (await db().certifications.toArray()).find((c) => c.clientId === a)!;
    expect(cert).toMatchObject({ status: 'filed', filedOn: '2026-02-12', ecfsConfirmation: '20260212000001' });
    // Filed on another day than the certification prints: recorded, and said.
    expect(results[0]!.note).toMatch(/prints “Date filed: February 10, 2026”, but ECFS received it on February 12, 2026/);
  });

  it('refuses a filing day before the officer signed, naming the client', async () => {
    const a = await client('Mesa Rural Telephone Co.', '823456');
    await signed(a, 2026);
    const [result] = await markFiledFromList(parseFiledList('823456,2026-01-20,20260120000001'), 2026);
    expect(result).toMatchObject({ ok: false, clientName: 'Mesa Rural Telephone Co.' });
    expect(result!.error).toMatch(/signed it on February 1, 2026, so it cannot have been filed before that, on January 20, 2026/);
    expect((await db().certifications.toArray()).find((c) => c.clientId === a)).toMatchObject({ status: 'signed', filedOn: '' });
  });
});
