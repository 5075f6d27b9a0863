// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  BACKUP_VERSION,
  MAX_LISTED_PROBLEMS,
  backupEnvelope,
  backupFileName,
  describeBackupAge,
  backupReminder,
  parseBackup,
  type BackupData,
} from '../../src/domain/backup';
import { DEFAULT_SETTINGS } from '../../src/domain/schema';
import { newCertification } from '../../src/domain/certification-record';

const AT = '2026-03-10T14:00:00.000Z';
const CLIENT = 'c0ffee00-0000-4000-8000-000000000001';

function sampleData(): BackupData {
  const client = {
    id: CLIENT,
    legalName: 'Mesa Rural Telephone Co.',
    dbaNames: [],
    filerId: '823456',
    frn: '',
    address: { street: '', city: '', state: 'NM', zip: '' },
    phone: '',
    email: '',
    officers: [{ id: 'o1', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }],
    services: ['wireline' as const],
    affiliates: [],
    notes: '',
    archived: false,
    createdAt: AT,
    updatedAt: AT,
  };
  const cert = newCertification(client, 2026);
  return {
    clients: [client],
    preparers: [{ id: 'p1', name: 'Jordan Fields', credentials: 'CPA', firm: '', letterhead: [], address: { street: '', city: '', state: '', zip: '' }, phone: '', email: '', isDefault: true, createdAt: AT, updatedAt: AT }],
    settings: { ...DEFAULT_SETTINGS, dueSoonDays: 21, closures: [{ date: '2026-01-26', note: 'Snow' }] },
    records: [
      { id: 'r0', clientId: CLIENT, kind: 'training', heldOn: '2026-02-02', topic: 'CPNI basics', trainer: '', attendees: '', materials: '', acknowledgements: '', disciplinaryActions: '', createdAt: AT, updatedAt: AT },
      {
        id: 'r1', clientId: CLIENT, kind: 'breach', discoveredOn: '2026-03-01', determinedOn: '2026-03-04', cpniInvolved: 'Call records',
        coveredDataInvolved: '', circumstances: '', intent: '', customersAffected: 3, harmLikely: '', harmReasoning: '', agenciesNotifiedOn: '',
        reportingFacilityRef: '', urgentHarm: false, urgentHarmAgency: '', urgentHarmConsultedOn: '', lawEnforcementDelay: false, delayAgency: '',
        delayUntil: '', delayWrittenDirection: false, customersNotifiedOn: '', customerNoticeMethod: '', annualSummaryFiledOn: '', createdAt: AT, updatedAt: AT,
      },
      { id: 'r2', clientId: CLIENT, kind: 'complaint', receivedOn: '2026-01-15', category: 'employeeAccess', summary: 'Looked up a neighbour', publicSummary: '', resolution: '', createdAt: AT, updatedAt: AT, deletedAt: AT },
    ],
    certifications: [{ ...cert, id: 'k1', createdAt: AT, updatedAt: AT }],
  };
}

const file = (data: BackupData = sampleData(), patch: Record<string, unknown> = {}) =>
  JSON.stringify({ ...backupEnvelope(data, { createdAt: AT, schemaVersion: 2 }), ...patch });

function problemsOf(text: string): string[] {
  const result = parseBackup(text, { schemaVersion: 2 });
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

describe('parseBackup', () => {
  it('refuses a field of megabytes (a client’s notes, a complaint’s summary) with the limit in words', () => {
    const data = sampleData();
    data.clients[0]!.notes = 'x'.repeat(5_000_000);
    (data.records[2] as { summary: string }).summary = 'y'.repeat(100_001);
    const problems = problemsOf(file(data)).join('\n');
    expect(problems).toMatch(/clients\[0\][^\n]*longer than 100,000 characters/);
    expect(problems).toMatch(/records\[2\][^\n]*longer than 100,000 characters/);
    data.clients[0]!.notes = 'x'.repeat(100_000);
    (data.records[2] as { summary: string }).summary = 'y'.repeat(100_000);
    expect(parseBackup(file(data), { schemaVersion: 2 }).ok).toBe(true);
  });

  it('accepts a whole backup and gives back every row as written, upgraded to the current version (revision 1)', () => {
    const data = sampleData();
    const result = parseBackup(file(data), { schemaVersion: 2 });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const upgraded = <T extends object>(rows: T[]) => rows.map((r) => ({ ...r, rev: 1, entityVersion: 2 }));
    expect(result.backup.data).toEqual({
      ...data,
      clients: upgraded(data.clients),
      preparers: upgraded(data.preparers),
      records: upgraded(data.records),
      certifications: upgraded(data.certifications),
    });
    expect(result.backup.counts).toEqual({ clients: 1, preparers: 1, records: 3, certifications: 1 });
    expect(result.backup.createdAt).toBe(AT);
  });

  it('refuses an answer this version does not know, instead of keeping it where nothing reads it', () => {
    const data = sampleData();
    data.certifications[0]!.answers = { ...data.certifications[0]!.answers, futureQuestion: { kept: true } } as never;
    expect(problemsOf(file(data))).toEqual([
      'certifications[0] (2026 certification for Mesa Rural Telephone Co.): answers: “futureQuestion” is not a field this version of CPNI Desk knows.',
    ]);
  });

  it('drops the stored date column of records (it is recomputed on restore)', () => {
    const data = sampleData();
    const withDate = { ...data, records: data.records.map((r) => ({ ...r, date: '1999-01-01' })) } as BackupData;
    const result = parseBackup(file(withDate));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.backup.data.records[0]).not.toHaveProperty('date');
  });

  it('names the record and the field of a bad record, and refuses the whole file', () => {
    const data = sampleData();
    Object.assign(data.records[1]!, { determinedOn: '2026-02-30', date: '2026-03-04' });
    expect(problemsOf(file(data))).toEqual(['records[1] (breach of 2026-03-04): Reasonably determined on is not a real date on the calendar.']);
  });

  it('says in words which field is missing or of the wrong type', () => {
    const data = sampleData();
    const breach = data.records[1] as unknown as Record<string, unknown>;
    delete breach.cpniInvolved;
    breach.urgentHarm = 'no';
    data.clients[0]!.filerId = '12-34';
    expect(problemsOf(file(data))).toEqual([
      'clients[0] (Mesa Rural Telephone Co.): Form 499 Filer ID must contain digits only.',
      'records[1] (breach of 2026-03-04): “cpniInvolved” is missing. “urgentHarm” must be true or false.',
    ]);
  });

  it('refuses a record or certification whose client is not in the backup', () => {
    const data = sampleData();
    data.records[0]!.clientId = 'gone';
    data.certifications[0]!.clientId = 'gone';
    expect(problemsOf(file(data))).toEqual([
      'records[0] (training of 2026-02-02): Its client (id gone) is not in the backup.',
      'certifications[0] (2026 certification): Its client (id gone) is not in the backup.',
    ]);
  });

  it('checks certifications strictly on ids, year, status and dates', () => {
    const data = sampleData();
    Object.assign(data.certifications[0]!, { certificationYear: 2026.5, status: 'sent', dateFiled: '3/1/2026', signatureDate: '' });
    expect(problemsOf(file(data))).toEqual([
      'certifications[0] (2026.5 certification for Mesa Rural Telephone Co.): Certification year must be a whole number. Status must be one of draft, ready, signed, filed. Date filed must be a date (YYYY-MM-DD) or empty.',
    ]);
  });

  it('refuses a signature image that is not held in the file', () => {
    const data = sampleData();
    data.certifications[0]!.signature = { kind: 'image', dataUrl: 'https://example.com/sig.png' };
    expect(problemsOf(file(data))[0]).toContain('The signature image must be stored in the file');
  });

  it('refuses two rows with the same id, and two certifications for the same client and year', () => {
    const data = sampleData();
    data.records[2]!.id = 'r0';
    data.certifications.push({ ...data.certifications[0]!, id: 'k2' });
    expect(problemsOf(file(data))).toEqual([
      'records[2] (complaint of 2026-01-15): It has the same id as records[0]; each row needs its own.',
      'certifications[1] (2026 certification for Mesa Rural Telephone Co.): The same client already has a 2026 certification (certifications[0]).',
    ]);
  });

  it('refuses a file written by a newer version, asking the user to update the app', () => {
    const [newer] = problemsOf(file(undefined, { version: BACKUP_VERSION + 1 }));
    expect(newer).toMatch(/^This backup was made by a newer version of CPNI Desk \(backup format 3; this version reads format 2\)\. Update the app/);
    const [newerSchema] = problemsOf(file(undefined, { schemaVersion: 3 }));
    expect(newerSchema).toMatch(/newer version of CPNI Desk \(database schema 3; this version knows 2\)\. Update the app/);
  });

  it('says a cut-short file is not a valid backup file', () => {
    const text = file();
    expect(problemsOf(text.slice(0, text.length - 40))).toEqual([
      'This is not a valid backup file: its text is not complete JSON. The file may have been cut short or changed after it was saved.',
    ]);
    expect(problemsOf('')[0]).toMatch(/^This is not a valid backup file/);
  });

  it('says another JSON file is not a CPNI Desk backup', () => {
    expect(problemsOf('{"type":"excalidraw","version":2}')[0]).toMatch(/^This is not a valid backup file: it is not a CPNI Desk backup/);
    expect(problemsOf('[1,2,3]')[0]).toMatch(/^This is not a valid backup file/);
  });

  it('accepts an amended filing beside the filing it amends, but not two certifications in force for one year', () => {
    const data = sampleData();
    const original = { ...data.certifications[0]!, status: 'filed' as const, filedOn: '2026-02-20', ecfsConfirmation: '1022', amendedById: 'k2' };
    const amendment = { ...data.certifications[0]!, id: 'k2', amends: { certificationId: 'k1', filedOn: '2026-02-20', ecfsConfirmation: '1022' } };
    const result = parseBackup(file({ ...data, certifications: [original, amendment] }), { schemaVersion: 2 });
    expect(result.ok && result.backup.data.certifications.map((c) => [c.id, c.amendedById, c.amends?.certificationId])).toEqual([
      ['k1', 'k2', undefined],
      ['k2', undefined, 'k1'],
    ]);
    const { amendedById: _dropped, ...unlinked } = original;
    void _dropped;
    expect(problemsOf(file({ ...data, certifications: [unlinked, { ...amendment, amends: { ...amendment.amends, certificationId: 'k9' } }] }))).toEqual([
      'certifications[1] (2026 certification for Mesa Rural Telephone Co.): The certification it amends (id k9) is not in the backup.',
      'certifications[1] (2026 certification for Mesa Rural Telephone Co.): The same client already has a 2026 certification (certifications[0]).',
    ]);
  });

  it('notices rows missing against the counts the file declares', () => {
    const data = sampleData();
    const text = JSON.stringify({ ...backupEnvelope(data, { createdAt: AT, schemaVersion: 2 }), counts: { clients: 1, preparers: 1, records: 4, certifications: 1 } });
    expect(problemsOf(text)).toEqual(['The file: It says it holds 4 records but contains 3; it may have been cut short or edited.']);
  });

  it(`lists at most ${MAX_LISTED_PROBLEMS} problems and counts the rest`, () => {
    const data = sampleData();
    const bad = Array.from({ length: 70 }, (_, i) => ({ ...data.records[0]!, id: `t${i}`, heldOn: 'soon' }));
    const problems = problemsOf(file({ ...data, records: bad }));
    expect(problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(problems[0]).toBe('records[0] (training): Training date must be a date (YYYY-MM-DD).');
    expect(problems.at(-1)).toBe('…and 20 more problems not listed.');
  });
});

describe('backup file name and reminder', () => {
  it('names the file by the day it was made', () => {
    expect(backupFileName('2026-03-04')).toBe('CPNI Desk backup 2026-03-04.json');
  });

  it('reminds when there is no backup or the last one is more than 30 days old', () => {
    const now = new Date('2026-04-10T12:00:00.000Z');
    expect(backupReminder('', now)).toEqual({ kind: 'none', changes: 0 });
    expect(backupReminder('2026-03-11T12:00:00.000Z', now)).toEqual({ kind: 'recent', days: 30, changes: 0 });
    expect(backupReminder('2026-03-10T11:00:00.000Z', now)).toEqual({ kind: 'stale', days: 31, changes: 0 });
    // Counted changes, not only days: a backup made yesterday is stale after 100 changes.
    expect(backupReminder('2026-04-09T12:00:00.000Z', now, 99)).toEqual({ kind: 'recent', days: 1, changes: 99 });
    expect(backupReminder('2026-04-09T12:00:00.000Z', now, 100)).toEqual({ kind: 'stale', days: 1, changes: 100 });
    expect(describeBackupAge(backupReminder('2026-04-09T12:00:00.000Z', now, 240))).toBe('The last backup was made yesterday; 240 changes have been made since.');
    expect(describeBackupAge(backupReminder('', now))).toBe('No backup of this data has been made yet.');
  });
});
