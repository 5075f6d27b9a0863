// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { CURRENT_SCHEMA_VERSION, makeBackup, restoreBackup } from '../../src/db/backup';
import { parseBackup } from '../../src/domain/backup';
import { saveClient } from '../../src/db/clients';
import { backupV1 } from '../fixtures/backups';

beforeEach(() => useDatabase(new CpniDatabase(`restore-${crypto.randomUUID()}`)));

function parsed(file: unknown) {
  const result = parseBackup(typeof file === 'string' ? file : JSON.stringify(file), { schemaVersion: CURRENT_SCHEMA_VERSION });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.backup;
}

describe('restoring a backup from every earlier version', () => {
  for (const schemaVersion of [1, 2, 3] as const) {
    it(`stores every row of a format-1 backup of schema ${schemaVersion} upgraded, and keeps this device's change log (the file has none)`, async () => {
      await saveClient({ legalName: 'Here Before', filerId: '811111' });
      const logBefore = await db().changeLog.count();
      await restoreBackup(parsed(backupV1(schemaVersion)));
      const d = db();
      for (const table of [d.clients, d.preparers, d.records, d.certifications]) for (const row of await table.toArray()) expect(row).toMatchObject({ rev: 1, entityVersion: 2 });
      expect(await d.settings.get('app')).toMatchObject({ rev: 1, entityVersion: 3, dueSoonDays: 21 });
      for (const cert of await d.certifications.toArray()) expect(cert.answers.version).toBe(2);
      expect(await d.changeLog.count()).toBe(logBefore + 1);
    });
  }

  it('carries the change log in the backup and restores it, then notes the restore', async () => {
    await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
    const text = await makeBackup('2026-07-01T12:00:00.000Z');
    const log = await db().changeLog.orderBy('seq').toArray();
    expect((JSON.parse(text) as { data: { changeLog: unknown[] } }).data.changeLog).toEqual(log);
    useDatabase(new CpniDatabase(`restore-${crypto.randomUUID()}`));
    await restoreBackup(parsed(text));
    const restored = await db().changeLog.orderBy('seq').toArray();
    expect(restored.slice(0, log.length)).toEqual(log);
    expect(restored.at(-1)?.summary).toBe('Restored a backup of 2026-07-01T12:00:00.000Z');
  });
});
