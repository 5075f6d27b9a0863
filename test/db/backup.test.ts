// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { savePreparer } from '../../src/db/preparers';
import { getSettings, updateSettings } from '../../src/db/settings';
import { restoreRecord, saveRecord, softDeleteRecord } from '../../src/db/records';
import { createCertification, updateCertification } from '../../src/db/certifications';
import { CURRENT_SCHEMA_VERSION, currentCounts, makeBackup, makeBackupFile, makeEncryptedBackup, markBackedUp, restoreBackup } from '../../src/db/backup';
import { backupJobRunner } from '../../src/db/backup-jobs';
import { decryptBackup, openBackupFile } from '../../src/domain/backup-crypto';
import { concatBytes } from '../../src/domain/backup-bytes';
import { backupEnvelope, parseBackup, signedPackageToBackup, type Backup } from '../../src/domain/backup';
import { defaultSettings } from '../../src/domain/entities';
import type { Settings } from '../../src/domain/schema';
import { newCertification } from '../../src/domain/certification-record';
import { markReady, signCertification, type NewSignedPackage } from '../../src/db/certification-steps';
import { contentHashOf, filedTextHash, signedFile, type PackageSources, type SignedFacts } from '../../src/domain/signed-package';
import { recordDate, type ComplianceRecord } from '../../src/domain/records';

const fresh = () => useDatabase(new CpniDatabase(`t-${crypto.randomUUID()}`));

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
}

async function seed() {
  const mesa = ok(await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456', officers: [{ id: 'o1', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }], services: ['wireline'] })).id;
  const prairie = ok(await saveClient({ legalName: 'Prairie Tel', filerId: '812345', dbaNames: ['PT'], address: { street: '1 Main', city: 'Dodge City', state: 'KS', zip: '67801' } })).id;
  ok(await savePreparer({ name: 'Jordan Fields', credentials: 'CPA', letterhead: ['Fields Regulatory LLC'] }));
  ok(await updateSettings({ closures: [{ date: '2026-01-26', note: 'Snow' }], dueSoonDays: 21, firstRunDone: true }));
  ok(await saveRecord('breach', mesa, { discoveredOn: '2026-03-01', determinedOn: '2026-03-04', cpniInvolved: 'Call detail records', customersAffected: 12, agenciesNotifiedOn: '2026-03-09' }));
  ok(await saveRecord('training', mesa, { heldOn: '2026-02-02', topic: 'CPNI basics' }));
  ok(await saveRecord('approval', prairie, { accountRef: '100234', approvalType: 'optOut', medium: 'written', status: 'granted', decidedOn: '2026-01-15' }));
  const deleted = ok(await saveRecord('complaint', prairie, { receivedOn: '2026-05-01', category: 'onlineAccess', summary: 'Password reset by a stranger' })).id;
  await softDeleteRecord(deleted);
  const undeleted = ok(await saveRecord('pretexting', mesa, { occurredOn: '2026-06-01', channel: 'phone', method: 'Caller posed as the account holder' })).id;
  await softDeleteRecord(undeleted);
  await restoreRecord(undeleted);
  const cert = ok(await createCertification(newCertification({ id: mesa, legalName: 'Mesa Rural Telephone Co.', officers: [{ id: 'o1', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }], services: ['wireline'] }, 2026))).id;
  await updateCertification(cert, { signatureDate: '2026-02-20', signature: { kind: 'image', dataUrl: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' }, sectionEdits: { training: 'Trained twice.' } }, 'Edited');
  const stored = (await db().certifications.get(cert))!;
  ok(await markReady(cert, stored));
  const ready = (await db().certifications.get(cert))!;
  ok(await signCertification(cert, ready.rev!, signedPackage()));
}

/** A signed package as the app stores it, with a small stand-in for the PDF. */
function signedPackage(): NewSignedPackage {
  const content = { documents: [{ title: 'Certification', blocks: [{ kind: 'paragraph', text: 'I certify…' }] }], facts: { certificationYear: 2026 } as SignedFacts };
  const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 255, 128, 7]);
  return {
    appVersion: '0.1.0',
    content,
    contentHash: contentHashOf(content),
    sources: { answers: {} } as PackageSources,
    files: { single: [signedFile('Mesa CPNI Certification 2026.pdf', bytes)], separate: [signedFile('Mesa - 1 Certification.pdf', bytes.slice(0, 5))] },
  };
}

async function snapshot() {
  const d = db();
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
  return {
    clients: byId(await d.clients.toArray()),
    preparers: byId(await d.preparers.toArray()),
    records: byId(await d.records.toArray()),
    certifications: byId(await d.certifications.toArray()),
    signedPackages: byId(await d.signedPackages.toArray()),
    // The revision and the change log's head are this device's bookkeeping (the restore logs itself).
    settings: withoutBookkeeping((await getSettings()) as Record<string, unknown>),
  };
}

function withoutBookkeeping(settings: Record<string, unknown>) {
  const rest = { ...settings };
  delete rest.rev;
  delete rest.changeLogHead;
  return rest;
}

function parsed(text: string): Backup {
  const result = parseBackup(text, { schemaVersion: CURRENT_SCHEMA_VERSION });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.backup;
}

beforeEach(fresh);

describe('backup and restore', () => {
  it('an encrypted backup restores every row into a fresh database, with its passphrase only', async () => {
    await seed();
    const before = await snapshot();
    const text = await makeEncryptedBackup('four words of passphrase', '2026-07-01T12:00:00.000Z', 1_000);
    expect(text).not.toContain('Mesa Rural');
    expect(JSON.parse(text)).toMatchObject({ type: 'cpni-desk-backup', encrypted: true, counts: { clients: 2, records: 5 } });
    const bytes = new TextEncoder().encode(text);

    fresh();
    const app = { schemaVersion: CURRENT_SCHEMA_VERSION };
    expect(await openBackupFile(bytes, '', app)).toMatchObject({ ok: false, encrypted: true, needsPassphrase: true, problems: ['This backup is encrypted: enter its passphrase.'] });
    expect(await openBackupFile(bytes, 'not it', app)).toMatchObject({ ok: false, needsPassphrase: true, problems: [expect.stringMatching(/passphrase is wrong/)] });
    expect(await currentCounts()).toEqual({ clients: 0, preparers: 0, records: 0, certifications: 0 });
    const opened = await openBackupFile(bytes, 'four words of passphrase', app);
    if (!opened.ok) throw new Error(opened.problems.join('\n'));
    expect(opened.encrypted).toBe(true);
    await restoreBackup(opened.backup, 'replace');
    const after = await snapshot();
    expect(after.clients).toEqual(before.clients);
    expect(after.records).toEqual(before.records);
    expect(after.certifications).toEqual(before.certifications);
    expect(after.signedPackages).toEqual(before.signedPackages);
  });

  it('opens a plain backup file as before, and says it is not encrypted', async () => {
    await seed();
    const opened = await openBackupFile(new TextEncoder().encode(await makeBackup()), '', { schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(opened).toMatchObject({ ok: true, encrypted: false });
  });

  it('restores every row of every table into a fresh database, soft-deleted records included', async () => {
    await seed();
    const before = await snapshot();
    expect(before.records.filter((r) => r.deletedAt)).toHaveLength(1);
    const text = await makeBackup('2026-07-01T12:00:00.000Z');

    fresh();
    const { counts } = await restoreBackup(parsed(text), 'replace');
    expect(counts).toEqual({ clients: 2, preparers: 1, records: 5, certifications: 1 });
    const after = await snapshot();
    expect(after.clients).toEqual(before.clients);
    expect(after.preparers).toEqual(before.preparers);
    expect(after.records).toEqual(before.records);
    expect(after.certifications).toEqual(before.certifications);
    // The package as signed comes back byte for byte.
    expect(after.signedPackages).toHaveLength(1);
    expect(after.signedPackages).toEqual(before.signedPackages);
    expect([...after.signedPackages[0]!.files.single[0]!.bytes]).toEqual([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 255, 128, 7]);
    expect(after.settings).toEqual({ ...before.settings, firstRunDone: false, lastBackupAt: '2026-07-01T12:00:00.000Z' });
    expect(await currentCounts()).toEqual(counts);
  });

  it('replaces what was on the device, change log included, keeps its first-run choice and logs the restore', async () => {
    await seed();
    const text = await makeBackup('2026-07-01T12:00:00.000Z');
    const backedUpLog = (await db().changeLog.orderBy('seq').toArray()).map((e) => e.summary);
    fresh();
    const local = ok(await saveClient({ legalName: 'Local Only Co.', filerId: '899999' })).id;
    ok(await updateSettings({ firstRunDone: true, dueSoonDays: 5 }));

    await restoreBackup(parsed(text));
    expect(await db().clients.get(local)).toBeUndefined();
    expect((await db().clients.toArray()).map((c) => c.legalName).sort()).toEqual(['Mesa Rural Telephone Co.', 'Prairie Tel']);
    const settings = await getSettings();
    expect(settings.firstRunDone).toBe(true);
    expect(settings.dueSoonDays).toBe(21);
    const log = await db().changeLog.orderBy('seq').toArray();
    expect(log.at(-1)?.summary).toBe('Restored a backup of 2026-07-01T12:00:00.000Z');
    // The log is the backup's, then the restore: what happened on this device since is gone with its data.
    expect(log.map((e) => e.summary)).toEqual([...backedUpLog, 'Restored a backup of 2026-07-01T12:00:00.000Z']);
  });

  it('files each restored record under its own event date, whatever the file said', async () => {
    await seed();
    const backup = parsed(await makeBackup());
    for (const r of backup.data.records) (r as ComplianceRecord & { date?: string }).date = '1999-01-01';
    fresh();
    await restoreBackup(backup);
    for (const r of await db().records.toArray()) expect(r.date).toBe(recordDate(r));
    expect((await db().records.toArray()).map((r) => r.date).sort()).toEqual(['2026-01-15', '2026-02-02', '2026-03-04', '2026-05-01', '2026-06-01']);
  });

  it('leaves the previous data intact when a write fails inside the restore', async () => {
    await seed();
    const backup = parsed(await makeBackup());
    fresh();
    ok(await saveClient({ legalName: 'Local Only Co.', filerId: '899999' }));
    ok(await saveRecord('training', (await db().clients.toArray())[0]!.id, { heldOn: '2026-04-01', topic: 'Refresher' }));
    ok(await updateSettings({ firstRunDone: true, dueSoonDays: 7 }));
    const before = await snapshot();
    const logBefore = await db().changeLog.count();
    // Two records with one id: the second add breaks the primary-key constraint midway.
    backup.data.records.push({ ...backup.data.records[0]! });

    await expect(restoreBackup(backup)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
    expect(await db().changeLog.count()).toBe(logBefore);
  });

  it('refuses a file with one bad record without touching the database, naming the record and the field', async () => {
    await seed();
    const text = await makeBackup();
    const file = JSON.parse(text) as { data: { records: Record<string, unknown>[] } };
    const index = file.data.records.findIndex((r) => r.kind === 'breach');
    file.data.records[index]!.determinedOn = '03/04/2026';
    const before = await snapshot();
    const result = parseBackup(JSON.stringify(file), { schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(result).toEqual({ ok: false, problems: [`records[${index}] (breach of 2026-03-01): Reasonably determined on must be a date (YYYY-MM-DD).`] });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a signed package whose PDF or content no longer matches its hash', async () => {
    await seed();
    const file = JSON.parse(await makeBackup()) as { data: { signedPackages: { files: { single: { base64: string }[] }; content: { facts: { certificationYear: number } } }[] } };
    file.data.signedPackages[0]!.files.single[0]!.base64 = Buffer.from('%PDF-changed').toString('base64');
    file.data.signedPackages[0]!.content.facts.certificationYear = 2025;
    const result = parseBackup(JSON.stringify(file), { schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(result).toEqual({
      ok: false,
      problems: [
        'signedPackages[0] (signed 2026 package of Mesa Rural Telephone Co.): Its content does not match its SHA-256 hash: it was changed after signing. The PDF “Mesa CPNI Certification 2026.pdf” does not match its SHA-256 hash: it was changed after signing.',
      ],
    });
  });

  it('refuses a hostile signature image or text fingerprint in words, and gives a version-2 package its fingerprint', async () => {
    await seed();
    type Pkg = { entityVersion?: number; textHash?: unknown; content: { documents: unknown[] } };
    const file = JSON.parse(await makeBackup()) as { data: { certifications: { signature: unknown }[]; signedPackages: Pkg[] } };
    const older = structuredClone(file);
    older.data.signedPackages[0]!.entityVersion = 2;
    const upgraded = parseBackup(JSON.stringify(older), { schemaVersion: CURRENT_SCHEMA_VERSION });
    if (!upgraded.ok) throw new Error(upgraded.problems.join('\n'));
    expect(upgraded.backup.data.signedPackages![0]).toMatchObject({ entityVersion: 3, textHash: filedTextHash(older.data.signedPackages[0]!.content.documents) });

    file.data.certifications[0]!.signature = { kind: 'image', dataUrl: `data:image/svg+xml;base64,${Buffer.from('<svg onload="alert(1)"/>').toString('base64')}` };
    file.data.signedPackages[0]!.textHash = 'not a hash';
    const refused = parseBackup(JSON.stringify(file), { schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(refused.ok).toBe(false);
    const problems = refused.ok ? [] : refused.problems;
    expect(problems).toContainEqual(expect.stringMatching(/^certifications\[0\] .*: The signature image must be a PNG or JPEG picture, stored in the file as a base64 data: URL\.$/));
    expect(problems).toContainEqual(expect.stringMatching(/^signedPackages\[0\] .*: The text fingerprint must be a SHA-256 hash \(64 hex digits\)\.$/));

    file.data.certifications[0]!.signature = { kind: 'image', dataUrl: `data:image/png;base64,${Buffer.from('GIF89a not a png').toString('base64')}` };
    file.data.signedPackages[0]!.textHash = 'a'.repeat(64);
    const mismatched = parseBackup(JSON.stringify(file), { schemaVersion: CURRENT_SCHEMA_VERSION });
    const words = mismatched.ok ? [] : mismatched.problems;
    // A stored image is held to its form, not its bytes: one recorded by an earlier version stays restorable.
    expect(words).not.toContainEqual(expect.stringMatching(/The signature image says it is a PNG, but its content is not a PNG picture\.$/));
    expect(words).toContainEqual(expect.stringMatching(/Its text fingerprint does not match its documents: it was changed after signing\.$/));
  });

  it('refuses a certification whose signed package is missing from the file', async () => {
    await seed();
    const file = JSON.parse(await makeBackup()) as { data: { signedPackages: unknown[] } };
    file.data.signedPackages = [];
    const result = parseBackup(JSON.stringify(file), { schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/^certifications\[0\] \(2026 certification for Mesa Rural Telephone Co\.\): Its signed package \(id .*\) is not in the backup\.$/);
  });

  it('writes the envelope with its type, versions and counts', async () => {
    await seed();
    const envelope = JSON.parse(await makeBackup('2026-07-01T12:00:00.000Z')) as Record<string, unknown>;
    expect(envelope).toMatchObject({ type: 'cpni-desk-backup', version: 2, schemaVersion: CURRENT_SCHEMA_VERSION, createdAt: '2026-07-01T12:00:00.000Z', app: 'CPNI Desk', counts: { clients: 2, preparers: 1, records: 5, certifications: 1 } });
    expect((envelope.data as { records: object[] }).records[0]).not.toHaveProperty('date');
  });

  it('remembers when the last backup was downloaded', async () => {
    await markBackedUp('2026-07-02T09:30:00.000Z');
    expect((await getSettings()).lastBackupAt).toBe('2026-07-02T09:30:00.000Z');
  });
});

/** The file as the previous version of the app wrote it (one JSON.stringify of everything read with Dexie): the reference for "same bytes". */
async function previousPlainFile(createdAt: string): Promise<string> {
  const d = db();
  const [clients, preparers, settingsRow, stored, certifications, signedPackages, changeLog] = await Promise.all([
    d.clients.toArray(),
    d.preparers.toArray(),
    d.settings.get('app'),
    d.records.toArray(),
    d.certifications.toArray(),
    d.signedPackages.toArray(),
    d.changeLog.orderBy('seq').toArray(),
  ]);
  const settings: Record<string, unknown> = { ...settingsRow };
  for (const key of ['key', 'rev', 'entityVersion']) delete settings[key];
  const records = stored.map((row) => {
    const record: Record<string, unknown> = { ...row };
    delete record.date;
    delete record.liveDate;
    return record as unknown as ComplianceRecord;
  });
  const data = { clients, preparers, settings: { ...defaultSettings(), ...(settings as Settings) }, records, certifications, signedPackages, changeLog };
  const { data: rows, ...header } = backupEnvelope(data, { createdAt, schemaVersion: CURRENT_SCHEMA_VERSION });
  const last = changeLog.at(-1);
  const head = last?.seq !== undefined && last.hash ? { changeLogHead: { seq: last.seq, hash: last.hash, at: last.at } } : {};
  return JSON.stringify({ ...header, ...head, data: { ...rows, signedPackages: signedPackages.map(signedPackageToBackup) } });
}

describe('the backup file stays the file older versions read', () => {
  const at = '2026-07-01T12:00:00.000Z';

  it('a plain backup is byte for byte what the previous version wrote, however many rows are read at a time', async () => {
    await seed();
    // Text beyond ASCII, as real notes have.
    ok(await saveRecord('complaint', (await db().clients.toArray())[0]!.id, { receivedOn: '2026-05-02', category: 'other', summary: 'Caller said “I’m the owner” — § 64.2010 😀' }));
    const previous = await previousPlainFile(at);
    for (const pageRows of [1, 2, 3, 10_000]) expect(textOf(await makeBackupFile('', at, undefined, pageRows))).toBe(previous);
    expect(await makeBackup(at)).toBe(previous);
  });

  it('an encrypted backup holds exactly the data of the plain one, laid out as JSON.stringify writes it, and restores', async () => {
    await seed();
    const plain = JSON.parse(await previousPlainFile(at)) as Record<string, unknown>;
    const text = textOf(await makeBackupFile('four words of passphrase', at, 1_000, 2));
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(JSON.stringify(file)).toBe(text);
    expect(Object.keys(file).at(-1)).toBe('ciphertext');
    const { data, ...readable } = plain;
    expect(file).toMatchObject({ ...readable, encrypted: true, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1_000 }, cipher: { name: 'AES-GCM' } });
    const opened = await decryptBackup(file, 'four words of passphrase');
    if (!opened.ok) throw new Error(opened.problem);
    expect(opened.envelope).toEqual(plain);
    expect(data).toEqual(opened.envelope.data);
  });

  it('the backup job hands over the file as a Blob that opens again', async () => {
    await seed();
    const jobs = backupJobRunner();
    const blob = await jobs.make('four words of passphrase');
    expect(blob.type).toBe('application/json');
    const opened = await openBackupFile(new Uint8Array(await blob.arrayBuffer()), 'four words of passphrase', { schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(opened).toMatchObject({ ok: true, encrypted: true, backup: { counts: { clients: 2, records: 5 } } });
  });
});

const textOf = (parts: Uint8Array[]) => new TextDecoder().decode(concatBytes(parts));
