// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MAX_BACKUP_DEPTH, parseBackup } from '../../src/domain/backup';
import { backupV1 } from '../fixtures/backups';

type Json = Record<string, unknown>;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const current = { schemaVersion: 4 };

function problems(file: unknown): string[] {
  const result = parseBackup(typeof file === 'string' ? file : JSON.stringify(file), current);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}
const data = (b: Json) => b.data as { clients: Json[]; preparers: Json[]; certifications: Json[]; records: Json[]; settings: Json; changeLog?: Json[] };

describe('a backup from every earlier version', () => {
  for (const schemaVersion of [1, 2, 3] as const) {
    it(`restores a format-1 backup of schema ${schemaVersion} with every row upgraded to the current version`, () => {
      const result = parseBackup(JSON.stringify(backupV1(schemaVersion)), current);
      if (!result.ok) throw new Error(result.problems.join('\n'));
      const d = result.backup.data;
      for (const row of [...d.clients, ...d.preparers, ...d.records, ...d.certifications]) expect(row).toMatchObject({ rev: 1, entityVersion: 2 });
      for (const cert of d.certifications) expect(cert.answers.version).toBe(2);
      if (schemaVersion >= 2) {
        // Version-1 answers are kept, each topic to review again with a note; version-2 answers as they were.
        expect(d.certifications[0]!.answers.values.training?.who).toBe('All employees and contractors who can see or use CPNI');
        expect(d.certifications[0]!.answers.topics.training).toMatchObject({ origin: 'sample', reviewedOn: '', note: expect.stringMatching(/one tick on February 1, 2025/) });
        expect(d.certifications[1]!.answers.topics.training).toEqual({ origin: 'user', reviewedOn: '2026-02-01' });
      }
      expect(d.changeLog).toBeUndefined();
    });
  }
});

describe('strict restore', () => {
  const base = () => clone(backupV1(3));

  it('refuses impossible instants that have the right shape', () => {
    const b = base();
    data(b).clients[0]!.createdAt = '2026-02-30T10:00:00.000Z';
    data(b).clients[0]!.updatedAt = '2026-01-05T24:00:00Z';
    expect(problems(b)).toEqual([
      'clients[0] (Prairie Telephone Cooperative, Inc.): Created at must be a real date and time (like 2026-03-04T15:00:00.000Z). Updated at must be a real date and time (like 2026-03-04T15:00:00.000Z).',
    ]);
  });

  it('matches ids exactly: an id with spaces around it links to nothing', () => {
    const b = base();
    data(b).records[0]!.clientId = ` ${data(b).clients[0]!.id as string}`;
    expect(problems(b)).toEqual([
      'records[0] (training of 2025-02-02): The client id has spaces around it or control characters in it.',
      expect.stringMatching(/^records\[0\] \(training of 2025-02-02\): Its client \(id .*\) is not in the backup\.$/),
    ]);
  });

  it('checks every nested value: answers, overrides and section edits; a list is not an object', () => {
    const b = base();
    const [first, second] = data(b).certifications;
    second!.answers = { version: 2, values: { training: { who: 42 } }, topics: {}, simChangeComplianceDate: '' };
    first!.overrides = [];
    first!.sectionEdits = { training: ['not', 'text'], nowhere: 'x' };
    const found = problems(b);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^certifications\[0\] \(2025 certification for Prairie Telephone Cooperative, Inc\.\): .*An edited statement section must be text\..*“overrides” must be an object \(not a list\)\./);
    expect(found[1]).toMatch(/^certifications\[1\] .*answers: The answer to “.*” must be text\./);
    const c = base();
    data(c).certifications[0]!.answers = [];
    expect(problems(c)[0]).toMatch(/The statement answers must be an object\./);
  });

  it('refuses deep nesting with a message, before any check runs', () => {
    const b = base();
    data(b).clients[0]!.notes = 'DEEP';
    const text = JSON.stringify(b).replace('"DEEP"', `${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`);
    expect(problems(text)).toEqual([`This is not a valid backup file: its data is nested more than ${MAX_BACKUP_DEPTH} levels deep, which no CPNI Desk backup is. Nothing was changed.`]);
  });

  it('decodes the file as strict UTF-8: a file saved in another encoding is refused, not altered', () => {
    const text = JSON.stringify(base()).replace('Prairie Tel"', 'Prairie Tél"');
    const utf8 = new TextEncoder().encode(text);
    expect(parseBackup(utf8, current).ok).toBe(true);
    const latin1 = Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    for (const bytes of [latin1, utf16]) expect(parseBackup(bytes, current)).toEqual({ ok: false, problems: [expect.stringMatching(/^This is not a valid backup file: its text is not UTF-8\./)] });
  });

  it('reports dangling preparer and roll-forward links, duplicate officer ids and two default preparers', () => {
    const b = base();
    const d = data(b);
    d.certifications[0]!.preparerId = 'gone';
    d.certifications[1]!.rolledFromId = 'k-1999';
    d.clients[0]!.officers = [
      { id: 'o1', name: 'Ann Lee', title: 'President', isDefaultSignatory: true },
      { id: 'o1', name: 'Bo Diaz', title: 'Secretary', isDefaultSignatory: false },
    ];
    d.preparers.push({ ...d.preparers[0], id: 'p2', name: 'Second Default' });
    (b.counts as Json).preparers = 2;
    expect(problems(b)).toEqual([
      'clients[0] (Prairie Telephone Cooperative, Inc.): Two officers have the same id; each officer needs its own.',
      'certifications[0] (2025 certification for Prairie Telephone Cooperative, Inc.): Its preparer (id gone) is not in the backup.',
      'certifications[1] (2026 certification for Prairie Telephone Cooperative, Inc.): The certification it was rolled forward from (id k-1999) is not in the backup.',
      'preparers: 2 preparers are marked the default (preparers[0] (Jordan Fields), preparers[1] (Second Default)); only one can be.',
    ]);
  });

  it('refuses rows and answers from a newer version, saying so', () => {
    const b = base();
    data(b).clients[0]!.entityVersion = 9;
    data(b).certifications[1]!.answers = { version: 7, values: {} };
    const found = problems(b);
    expect(found[0]).toMatch(/^clients\[0\] .*saved by a newer version of CPNI Desk \(client version 9; this version knows up to 2\)\. Update the app/);
    expect(found[1]).toMatch(/^certifications\[1\] .*saved by a newer version of CPNI Desk \(answers version 7/);
  });

  it('checks the change log and refuses two entries with one number', () => {
    const b = { ...base(), version: 2 };
    data(b).changeLog = [
      { seq: 1, at: '2026-01-05T15:00:00.000Z', entity: 'client', entityId: 'c', action: 'create', summary: 'Created' },
      { seq: 1, at: '2026-01-05T15:00:00.000Z', entity: 'nothing', entityId: 'c', action: 'create', summary: 'Created' },
    ];
    expect(problems(b)).toEqual([
      'changeLog[1] (Created): What changed must be one of client, preparer, settings, record, certification.',
      'changeLog[1] (Created): It has the same “seq” as changeLog[0]; each entry needs its own.',
    ]);
  });

  it('answers a very long email address at once, with the reason', () => {
    const b = base();
    data(b).clients[0]!.email = `${'a.'.repeat(50_000)}!`;
    expect(problems(b)).toEqual(['clients[0] (Prairie Telephone Cooperative, Inc.): An email address is at most 254 characters.']);
  });
});
