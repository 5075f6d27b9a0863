// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { savePreparer } from '../../src/db/preparers';
import { saveRecord } from '../../src/db/records';
import { createCertification, updateCertification } from '../../src/db/certifications';
import { markReady, signCertification, type NewSignedPackage } from '../../src/db/certification-steps';
import { applyClientImport, exportClients, ImportChangedMeanwhile, previewClientImport, readClientFile } from '../../src/db/client-transfer';
import { makeBackup } from '../../src/db/backup';
import { updateSettings } from '../../src/db/settings';
import { CURRENT_SCHEMA_VERSION } from '../../src/db/backup';
import { parseBackup } from '../../src/domain/backup';
import { newCertification } from '../../src/domain/certification-record';
import { contentHashOf, signedFile, type PackageSources, type SignedFacts } from '../../src/domain/signed-package';
import { newerWins, type ClientTransferData, type MergePlan } from '../../src/domain/client-transfer';

const device = () => {
  const d = new CpniDatabase(`ct-${crypto.randomUUID()}`);
  useDatabase(d);
  return d;
};
const on = (d: CpniDatabase) => useDatabase(d);

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
}

function signedPackage(): NewSignedPackage {
  const content = { documents: [{ title: 'Certification', blocks: [{ kind: 'paragraph', text: 'I certify…' }] }], facts: { certificationYear: 2026 } as SignedFacts };
  const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 255, 128, 7]);
  return { appVersion: '0.1.0', content, contentHash: contentHashOf(content), sources: { answers: {} } as PackageSources, files: { single: [signedFile('Mesa 2026.pdf', bytes)], separate: [] } };
}

async function seed() {
  const preparer = ok(await savePreparer({ name: 'Jordan Fields', credentials: 'CPA' })).id;
  const mesa = ok(await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456', officers: [{ id: 'o1', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }], services: ['wireline'] })).id;
  const prairie = ok(await saveClient({ legalName: 'Prairie Tel', filerId: '812345' })).id;
  const breach = ok(await saveRecord('breach', mesa, { discoveredOn: '2026-03-01', determinedOn: '2026-03-04', cpniInvolved: 'Call detail records', customersAffected: 12 })).id;
  ok(await saveRecord('training', mesa, { heldOn: '2026-02-02', topic: 'CPNI basics' }));
  ok(await saveRecord('training', prairie, { heldOn: '2026-02-03', topic: 'Prairie only' }));
  const client = (await db().clients.get(mesa))!;
  const cert = ok(await createCertification(newCertification(client, 2026, preparer))).id;
  await updateCertification(cert, { signatureDate: '2026-02-20', signature: { kind: 'image', dataUrl: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' } }, 'Edited');
  ok(await markReady(cert, (await db().certifications.get(cert))!));
  ok(await signCertification(cert, (await db().certifications.get(cert))!.rev!, signedPackage()));
  return { mesa, prairie, breach, cert, preparer };
}

/** A client's rows as the user sees them (revisions are local save counters, left out). */
async function clientData(clientId: string) {
  const d = db();
  const strip = <T extends object>(rows: T[]) =>
    rows
      .map((r) => {
        const x = { ...r } as Record<string, unknown>;
        delete x.rev;
        return x;
      })
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const certs = await d.certifications.where('clientId').equals(clientId).toArray();
  return {
    clients: strip((await d.clients.bulkGet([clientId])).filter(Boolean) as object[]),
    records: strip(await d.records.where('clientId').equals(clientId).toArray()),
    certifications: strip(certs),
    signedPackages: strip(await d.signedPackages.where('certificationId').anyOf(certs.map((c) => c.id)).toArray()),
  };
}

async function read(text: string, passphrase = ''): Promise<ClientTransferData> {
  const r = await readClientFile(text, passphrase);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.data;
}

async function importAll(text: string, choose: (plan: MergePlan) => Record<string, 'theirs' | 'ours'> = () => ({})) {
  const data = await read(text);
  const plan = await previewClientImport(data);
  return { plan, summary: await applyClientImport(data, plan, choose(plan)) };
}

const affected = (r: unknown) => (r as { customersAffected?: number }).customersAffected;
const statuses = (plan: MergePlan) => plan.items.filter((i) => i.status !== 'same').map((i) => `${i.status} ${i.label}`);

describe('client files', () => {
  it('export → wipe → import gives the client back identical: records, certification, signed PDF, preparer and change log', async () => {
    device();
    const { mesa } = await seed();
    const before = await clientData(mesa);
    const log = (await db().changeLog.toArray()).filter((e) => e.entityId === mesa);
    const file = await exportClients([mesa], { createdAt: '2026-07-01T12:00:00.000Z' });
    expect(file.fileName).toBe('CPNI Desk clients Mesa Rural Telephone Co. 2026-07-01.json');

    device();
    const { plan, summary } = await importAll(file.text);
    expect(plan.items.every((i) => i.status === 'new')).toBe(true);
    expect(summary).toMatchObject({ added: 6, updated: 0, conflicts: 0 });
    expect(await clientData(mesa)).toEqual(before);
    expect((await db().preparers.toArray()).map((p) => p.name)).toEqual(['Jordan Fields']);
    // Prairie was not chosen and did not travel.
    expect(await db().clients.count()).toBe(1);
    const logAfter = await db().changeLog.toArray();
    for (const e of log) expect(logAfter.some((x) => x.at === e.at && x.summary === e.summary && x.entityId === e.entityId)).toBe(true);
    expect([...(await db().signedPackages.toArray())[0]!.files.single[0]!.bytes]).toEqual([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 255, 128, 7]);
  });

  it('a client new to this device under a Filer ID another client here has is listed with a note', async () => {
    device();
    const { mesa } = await seed();
    const file = await exportClients([mesa], { createdAt: '2026-07-01T12:00:00.000Z' });
    device();
    ok(await saveClient({ legalName: 'Mesa Own Telephone', filerId: '823456' }));
    const plan = await previewClientImport(await read(file.text));
    const item = plan.items.find((i) => i.table === 'clients')!;
    expect(item.status).toBe('new');
    expect(item.note).toBe('Mesa Own Telephone on this device has the same Filer ID 823456: check it is not the same carrier twice before adding it.');
    expect(plan.items.filter((i) => i.note)).toHaveLength(1);
  });

  it('an encrypted client file needs its passphrase; a wrong one is refused in words', async () => {
    device();
    const { mesa } = await seed();
    const file = await exportClients([mesa], { passphrase: 'correct horse', iterations: 1000 });
    expect(file.encrypted).toBe(true);
    expect(file.text).not.toContain('Mesa Rural');
    device();
    const none = await readClientFile(file.text);
    expect(none.ok).toBe(false);
    expect(!none.ok && none.problems[0]).toMatch(/encrypted: enter its passphrase/);
    const wrong = await readClientFile(file.text, 'wrong');
    expect(!wrong.ok && wrong.problems[0]).toMatch(/passphrase is wrong.*Nothing was changed/);
    const right = await readClientFile(file.text, 'correct horse');
    expect(right.ok && right.data.clients.map((c) => c.legalName)).toEqual(['Mesa Rural Telephone Co.']);
  }, 20_000);

  it('A → B → A loses nothing and duplicates nothing; edits on each side arrive as changes', async () => {
    const a = device();
    const { mesa, breach } = await seed();
    const first = await exportClients([mesa]);
    const b = device();
    await importAll(first.text);
    // B edits the breach and adds a record.
    const stored = (await db().records.get(breach))!;
    ok(await saveRecord('breach', mesa, { ...stored, customersAffected: 40 }, breach, stored.rev));
    ok(await saveRecord('training', mesa, { heldOn: '2026-04-04', topic: 'Added on B' }));
    const back = await exportClients([mesa]);

    on(a);
    const { plan } = await importAll(back.text);
    expect(statuses(plan).sort()).toEqual(['new Record (training) of Mesa Rural Telephone Co.', 'theirs Record (breach) of Mesa Rural Telephone Co.']);
    const onA = await clientData(mesa);
    on(b);
    expect(await clientData(mesa)).toEqual(onA);
    on(a);
    expect(await db().clients.count()).toBe(2);
    expect(await db().records.where('clientId').equals(mesa).count()).toBe(3);
    expect(affected(await db().records.get(breach))).toBe(40);
    // Importing the same file again changes nothing and adds nothing.
    const again = await importAll(back.text);
    expect(statuses(again.plan)).toEqual([]);
    expect(again.plan.newChanges).toEqual([]);
    expect(await db().records.count()).toBe(4);
  });

  it('entries from another device keep the author and field changes that device recorded', async () => {
    device();
    ok(await updateSettings({ userName: 'Alice' }));
    const { mesa, breach } = await seed();
    const stored = (await db().records.get(breach))!;
    ok(await saveRecord('breach', mesa, { ...stored, customersAffected: 40 }, breach, stored.rev));
    const onA = (await db().changeLog.toArray()).find((e) => e.entity === 'record' && e.entityId === breach && e.action === 'update')!;
    expect(onA.by).toBe('Alice');
    const file = await exportClients([mesa]);

    device();
    ok(await updateSettings({ userName: 'Bob' }));
    await importAll(file.text);
    const onB = await db().changeLog.toArray();
    const arrived = onB.find((e) => e.entity === 'record' && e.entityId === breach && e.action === 'update' && e.summary === onA.summary && e.at === onA.at)!;
    expect(arrived.by).toBe('Alice');
    expect(arrived.changes).toEqual(onA.changes);
    // What this device did to take the file in is this device's user's.
    expect(onB.filter((e) => e.summary.endsWith('from a client file')).every((e) => e.by === 'Bob')).toBe(true);
  });

  it('both sides changed since the last sync: a conflict; newer wins, or the user keeps this device’s', async () => {
    const a = device();
    const { mesa, breach } = await seed();
    const first = await exportClients([mesa]);
    const b = device();
    await importAll(first.text);
    let r = (await db().records.get(breach))!;
    ok(await saveRecord('breach', mesa, { ...r, customersAffected: 40 }, breach, r.rev));
    const fromB = await exportClients([mesa]);
    on(a);
    await new Promise((res) => setTimeout(res, 5)); // A's edit is later
    r = (await db().records.get(breach))!;
    ok(await saveRecord('breach', mesa, { ...r, customersAffected: 99 }, breach, r.rev));

    const data = await read(fromB.text);
    const plan = await previewClientImport(data);
    const conflict = plan.items.find((i) => i.id === breach)!;
    expect(conflict.status).toBe('conflict');
    expect(conflict.newer).toBe('ours');
    await applyClientImport(data, plan, newerWins(plan));
    expect(affected(await db().records.get(breach))).toBe(99);
    // The same file again: only this device changed since → kept, not a conflict any more.
    const plan2 = await previewClientImport(data);
    expect(plan2.items.find((i) => i.id === breach)!.status).toBe('ours');
    // The user may still take the file's.
    await applyClientImport(data, plan2, { [`records:${breach}`]: 'theirs' });
    expect(affected(await db().records.get(breach))).toBe(40);
    on(b);
    expect(await db().records.count()).toBe(2);
  });

  it('refuses to apply when this device changed after the preview, and changes nothing', async () => {
    device();
    const { mesa, breach } = await seed();
    const file = await exportClients([mesa]);
    const data = await read(file.text);
    let r = (await db().records.get(breach))!;
    ok(await saveRecord('breach', mesa, { ...r, customersAffected: 3 }, breach, r.rev));
    const plan = await previewClientImport(data);
    r = (await db().records.get(breach))!;
    ok(await saveRecord('breach', mesa, { ...r, customersAffected: 4 }, breach, r.rev));
    const logCount = await db().changeLog.count();
    await expect(applyClientImport(data, plan, { [`records:${breach}`]: 'theirs' })).rejects.toBeInstanceOf(ImportChangedMeanwhile);
    expect(affected(await db().records.get(breach))).toBe(4);
    expect(await db().changeLog.count()).toBe(logCount);
  });

  it('a whole backup and a client file are not mistaken for each other', async () => {
    device();
    const { mesa } = await seed();
    const clientFile = await exportClients([mesa]);
    const asBackup = parseBackup(clientFile.text, { schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(!asBackup.ok && asBackup.problems[0]).toMatch(/holds chosen clients, not a whole backup/);
    const whole = await readClientFile(await makeBackup());
    expect(!whole.ok && whole.problems[0]).toMatch(/whole backup, not a client file/);
  });
});
