// @vitest-environment node
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CpniDatabase, SCHEMA_VERSIONS, useDatabase } from '../../src/db/database';
import { everyRecordOf, queryRecords, restoreRecord, softDeleteRecord } from '../../src/db/records';
import { retentionCandidates } from '../../src/db/retention';
import { loadDashboard } from '../../src/db/dashboard';
import { v1Rows } from '../fixtures/db-v1';
import { upgradeAnswers } from '../../src/domain/statement-upgrade';

/** Writes `rows` into a database created with the schema versions up to `version` only. */
async function writeOldDatabase(name: string, version: number, rows: Record<string, object[]>) {
  const old = new Dexie(name);
  for (const s of SCHEMA_VERSIONS.filter((s) => s.version <= version)) old.version(s.version).stores(s.stores);
  await old.open();
  for (const [table, items] of Object.entries(rows)) await old.table(table).bulkAdd(items);
  old.close();
}

describe('schema versions', () => {
  it('only ever adds versions, in order', () => {
    expect(SCHEMA_VERSIONS.map((s) => s.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
  });

  it('matches the snapshot of every store and index (renaming one is a migration, never an edit)', () => {
    expect(SCHEMA_VERSIONS).toMatchInlineSnapshot(`
      [
        {
          "stores": {
            "changeLog": "++seq, at, [entity+entityId]",
            "clients": "id, legalName, filerId, updatedAt",
            "preparers": "id, name",
            "settings": "key",
          },
          "version": 1,
        },
        {
          "stores": {
            "certifications": "id, clientId, [clientId+certificationYear], certificationYear, status",
            "records": "id, clientId, kind, date, [clientId+kind+date], [clientId+date], [kind+date], deletedAt",
          },
          "version": 2,
        },
        {
          "stores": {
            "signedPackages": "id, certificationId",
          },
          "version": 3,
        },
        {
          "stores": {},
          "version": 4,
        },
        {
          "stores": {
            "certifications": "id, clientId, [clientId+certificationYear], certificationYear, status, progressKey",
            "records": "id, date, [clientId+date], deletedAt, liveDate, [clientId+liveDate], [kind+liveDate], [clientId+kind+liveDate]",
          },
          "version": 5,
        },
        {
          "stores": {
            "syncBases": "key",
          },
          "version": 6,
        },
        {
          "stores": {
            "records": "id, deletedAt, liveDate, [clientId+liveDate], [kind+liveDate], [clientId+kind+liveDate]",
          },
          "version": 7,
        },
        {
          "stores": {
            "certificationSummaries": "id",
            "certifications": "id, clientId, [clientId+certificationYear], certificationYear, status",
          },
          "version": 8,
        },
      ]
    `);
  });

  it('opens a database written by version 1 and keeps every row', async () => {
    const name = `upgrade-v1-${crypto.randomUUID()}`;
    await writeOldDatabase(name, 1, v1Rows);
    const current = new CpniDatabase(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    // Every row is kept, and carries its revision and entity version.
    const upgraded = <T extends object>(row: T) => ({ ...row, rev: 1, entityVersion: 2 });
    expect(await current.clients.toArray()).toEqual(v1Rows.clients.map(upgraded));
    expect(await current.preparers.toArray()).toEqual(v1Rows.preparers.map(upgraded));
    // Settings are at entity version 3 (the user's name) once written; the upgrade of schema 4 wrote them at 2.
    expect(await current.settings.get('app')).toEqual({ ...upgraded(v1Rows.settings[0]!), entityVersion: 3, userName: '' });
    expect(await current.changeLog.toArray()).toEqual([{ ...v1Rows.changeLog[0], seq: 1 }]);
    // The tables added since version 1 work on the upgraded database.
    expect(await current.records.count()).toBe(0);
    const at = '2026-02-01T10:00:00.000Z';
    await current.records.add({ id: 'r1', clientId: v1Rows.clients[0]!.id, kind: 'training', heldOn: '2026-02-01', topic: 'CPNI', trainer: '', attendees: '', materials: '', acknowledgements: '', disciplinaryActions: '', date: '2026-02-01', createdAt: at, updatedAt: at } as never);
    expect(await current.records.where('[clientId+kind+liveDate]').equals([v1Rows.clients[0]!.id, 'training', '2026-02-01']).count()).toBe(1);
    expect((await current.records.get('r1'))?.rev).toBe(1);
    current.close();
  });

  it('opens a database written by version 2, keeps its certifications as they were, and stores signed packages apart', async () => {
    const name = `upgrade-v2-${crypto.randomUUID()}`;
    const clientId = v1Rows.clients[0]!.id;
    // A certification marked signed before packages were frozen: it keeps its status, and has no package.
    const certification = {
      id: 'k1', clientId, certificationYear: 2026, status: 'signed', signatory: { name: 'Ann Lee', title: 'President' }, preparerId: '',
      dateFiled: '2026-02-20', signatureDate: '2026-02-19', filedOn: '', ecfsConfirmation: '', answers: {}, sectionEdits: {}, overrides: {}, lintOverrides: [],
      signature: { kind: 'typed' }, coverLetter: { include: false, addressee: [], body: '', cc: [] }, createdAt: '2026-02-01T10:00:00.000Z', updatedAt: '2026-02-19T10:00:00.000Z',
    };
    const record = { id: 'r1', clientId, kind: 'training', heldOn: '2025-02-01', topic: 'CPNI basics', date: '2025-02-01', createdAt: '2026-02-01T10:00:00.000Z', updatedAt: '2026-02-01T10:00:00.000Z' };
    await writeOldDatabase(name, 2, { ...v1Rows, certifications: [certification], records: [record] });
    const current = new CpniDatabase(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    // The certification keeps its status and dates; its answers (stored before answers had a
    // version) are upgraded into the current shape, each topic left to review again.
    const [stored] = await current.certifications.toArray();
    expect(stored).toEqual({ ...certification, rev: 1, entityVersion: 2, answers: upgradeAnswers({}, '') });
    expect(stored!.answers.version).toBe(2);
    expect(await current.certificationSummaries.toArray()).toEqual([
      { id: 'k1', clientId, certificationYear: 2026, status: 'signed', signatureDate: '2026-02-19', filedOn: '', ecfsConfirmation: '' },
    ]);
    expect(await current.records.toArray()).toEqual([{ ...record, rev: 1, entityVersion: 2, liveDate: '2025-02-01' }]);
    expect(await current.signedPackages.count()).toBe(0);
    current.close();
  });

  it('opens a database written by version 4: live records are listed by key range, deleted ones apart, and the dashboard reads certifications from their summaries', async () => {
    const name = `upgrade-v4-${crypto.randomUUID()}`;
    const clientId = v1Rows.clients[0]!.id;
    const at = '2026-02-01T10:00:00.000Z';
    const training = (id: string, date: string, deletedAt?: string) => ({
      id, clientId, kind: 'training', heldOn: date, topic: 'CPNI basics', date, createdAt: at, updatedAt: at, rev: 1, entityVersion: 2, ...(deletedAt ? { deletedAt } : {}),
    });
    const records = [training('r1', '2025-01-10'), training('r2', '2025-03-10', at), training('r3', '2025-05-10'), training('r4', '2025-07-10', at), training('r5', '2025-09-10')];
    const certification = {
      id: 'k1', clientId, certificationYear: 2026, status: 'filed', signatory: { name: 'Ann Lee', title: 'President' }, preparerId: '',
      dateFiled: '2026-02-20', signatureDate: '2026-02-19', filedOn: '2026-02-20', ecfsConfirmation: '2026022012345', answers: upgradeAnswers({}, ''), sectionEdits: {}, overrides: {}, lintOverrides: [],
      signature: { kind: 'typed' }, coverLetter: { include: false, addressee: [], body: '', cc: [] }, createdAt: at, updatedAt: at, rev: 3, entityVersion: 2,
    };
    await writeOldDatabase(name, 4, { ...v1Rows, records, certifications: [certification] });
    const current = new CpniDatabase(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    useDatabase(current);
    // Every row is kept; the live ones are paged in date order, newest first, with their total.
    expect(await current.records.count()).toBe(5);
    const page1 = await queryRecords({ clientId, kind: 'training', limit: 2 });
    expect(page1).toEqual({ total: 3, rows: [expect.objectContaining({ id: 'r5' }), expect.objectContaining({ id: 'r3' })] });
    expect((await queryRecords({ offset: 2, limit: 2 })).rows.map((r) => r.id)).toEqual(['r1']);
    expect((await queryRecords({ deleted: true })).rows.map((r) => r.id)).toEqual(['r4', 'r2']);
    // Deleting and restoring move a record between the two lists.
    await softDeleteRecord('r3');
    expect((await queryRecords({ clientId })).rows.map((r) => r.id)).toEqual(['r5', 'r1']);
    await restoreRecord('r2');
    expect((await queryRecords({ clientId })).rows.map((r) => r.id)).toEqual(['r5', 'r2', 'r1']);
    expect((await queryRecords({ deleted: true, order: 'asc' })).rows.map((r) => r.id)).toEqual(['r3', 'r4']);
    // The dashboard's certification progress, read from the summaries alone.
    expect((await loadDashboard()).certifications).toEqual([
      { id: 'k1', clientId, certificationYear: 2026, status: 'filed', signatureDate: '2026-02-19', filedOn: '2026-02-20', ecfsConfirmation: '2026022012345' },
    ]);
      current.close();
    });

  it('opens a database written by version 4 and keeps every row; client-file sync bases start empty', async () => {
    const name = `upgrade-v4-${crypto.randomUUID()}`;
    const v4 = <T extends object>(row: T) => ({ ...row, rev: 3, entityVersion: 2 });
    await writeOldDatabase(name, 4, { clients: v1Rows.clients.map(v4), preparers: v1Rows.preparers.map(v4), settings: v1Rows.settings.map(v4), changeLog: v1Rows.changeLog });
    const current = new CpniDatabase(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect(await current.clients.toArray()).toEqual(v1Rows.clients.map(v4));
    expect(await current.preparers.toArray()).toEqual(v1Rows.preparers.map(v4));
    expect(await current.syncBases.count()).toBe(0);
    await current.syncBases.put({ key: `clients:${v1Rows.clients[0]!.id}`, hash: 'a'.repeat(64), at: '2026-02-01T10:00:00.000Z' });
    await expect(current.syncBases.put({ key: 'clients:x', hash: 'not a hash', at: '2026-02-01T10:00:00.000Z' })).rejects.toThrow(/SHA-256/);
    current.close();
  });

  it('opens a database written by version 6 without the `date` indexes; the retention review and a client file still find deleted records', async () => {
    const name = `upgrade-v6-${crypto.randomUUID()}`;
    const a = v1Rows.clients[0]!.id;
    const b = 'client-b';
    const at = '2026-02-01T10:00:00.000Z';
    const training = (id: string, clientId: string, date: string, deletedAt?: string) => ({
      id, clientId, kind: 'training', heldOn: date, topic: 'CPNI basics', date, createdAt: at, updatedAt: at, rev: 1, entityVersion: 2, ...(deletedAt ? { deletedAt } : { liveDate: date }),
    });
    const records = [training('old-live', a, '2015-03-01'), training('old-gone', a, '2014-06-01', at), training('new-gone', b, '2026-01-05', at), training('new-live', b, '2026-01-06'), training('older-live', b, '2013-01-01')];
    await writeOldDatabase(name, 6, { ...v1Rows, records });
    const current = new CpniDatabase(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect(current.records.schema.indexes.map((i) => i.name)).not.toContain('date');
    useDatabase(current);
    expect(await current.records.count()).toBe(5);
    // Past the shortest retention period: live and deleted alike, oldest first; nothing recent.
    expect((await retentionCandidates('2026-12-02')).map((r) => r.id)).toEqual(['older-live', 'old-gone', 'old-live']);
    // A client file carries the client's deleted records too, and never another client's.
    expect((await everyRecordOf([a])).map((r) => r.id).sort()).toEqual(['old-gone', 'old-live']);
    expect((await everyRecordOf([b])).map((r) => r.id).sort()).toEqual(['new-gone', 'new-live', 'older-live']);
    current.close();
  });

  it('opens a database written by version 7: every certification gets its summary, and loses its `progressKey` column and index', async () => {
    const name = `upgrade-v7-${crypto.randomUUID()}`;
    const clientId = v1Rows.clients[0]!.id;
    const at = '2026-02-01T10:00:00.000Z';
    const certification = (id: string, year: number, status: string, extra: object = {}) => ({
      id, clientId, certificationYear: year, status, signatory: { name: 'Ann Lee', title: 'President' }, preparerId: '',
      dateFiled: '', signatureDate: `${year}-02-19`, filedOn: status === 'filed' ? `${year}-02-20` : '', ecfsConfirmation: status === 'filed' ? '2026022012345' : '', answers: upgradeAnswers({}, ''), sectionEdits: {}, overrides: {}, lintOverrides: [],
      signature: { kind: 'typed' }, coverLetter: { include: false, addressee: [], body: '', cc: [] }, createdAt: at, updatedAt: at, rev: 3, entityVersion: 2,
      progressKey: [clientId, year, status, `${year}-02-19`, '', '', 0], ...extra,
    });
    const rows = [certification('k1', 2026, 'filed', { amendedById: 'k2' }), certification('k2', 2026, 'draft', { amends: true }), certification('k3', 2027, 'ready')];
    await writeOldDatabase(name, 7, { ...v1Rows, certifications: rows });
    const current = new CpniDatabase(name);
    await current.open();
    useDatabase(current);
    expect(current.certifications.schema.indexes.map((i) => i.name)).not.toContain('progressKey');
    expect((await current.certifications.toArray()).some((r) => 'progressKey' in r)).toBe(false);
    const summaries = (await current.certificationSummaries.toArray()).sort((a, b) => a.id.localeCompare(b.id));
    expect(summaries).toEqual([
      { id: 'k1', clientId, certificationYear: 2026, status: 'filed', signatureDate: '2026-02-19', filedOn: '2026-02-20', ecfsConfirmation: '2026022012345', amendedById: 'k2' },
      { id: 'k2', clientId, certificationYear: 2026, status: 'draft', signatureDate: '2026-02-19', filedOn: '', ecfsConfirmation: '', amends: true },
      { id: 'k3', clientId, certificationYear: 2027, status: 'ready', signatureDate: '2027-02-19', filedOn: '', ecfsConfirmation: '' },
    ]);
    // And it is kept from then on.
    await current.certifications.update('k3', { status: 'draft' });
    expect(await current.certificationSummaries.get('k3')).toMatchObject({ status: 'draft' });
    current.close();
  });
});
