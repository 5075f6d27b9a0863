/**
 * Backup and restore of everything on this device. The file's shape and its checks live in
 * domain/backup.ts; here the tables are read in one transaction and replaced in one, so a
 * restore that fails midway leaves the database as it was.
 */
import { encryptBackup } from '../domain/backup-crypto';
import type { Settings } from '../domain/schema';
import { defaultSettings as entityDefaults } from '../domain/entities';
import { recordDate, type ComplianceRecord } from '../domain/records';
import { backupCounts, backupEnvelope, signedPackageToBackup, type Backup, type BackupCounts } from '../domain/backup';
import { SCHEMA_VERSIONS, db, nowInstant, type SettingsRow, type StoredRecord } from './database';
import { changeLogHead, logChange, rememberHead } from './change-log';
import type { ChainHead } from '../domain/entities';
import { updateSettings } from './settings';

/** Rows written per step of a restore (all in one transaction). */
const RESTORE_CHUNK = 5000;

/** The database schema version this app runs (the newest one listed). */
export const CURRENT_SCHEMA_VERSION = Math.max(...SCHEMA_VERSIONS.map((s) => s.version));

// Fresh each time: a live query's store reconciles into the object it started from, so a shared
// DEFAULT_SETTINGS can hold another screen's values by now.
const defaultSettings = (): Settings => entityDefaults();

/** Every table the backup holds, the change log included. */
function backedUpTables() {
  const d = db();
  return [d.clients, d.preparers, d.settings, d.records, d.certifications, d.signedPackages, d.changeLog];
}

/** The whole database as the text of a backup file, read as one consistent snapshot. */
export async function makeBackup(createdAt: string = nowInstant()): Promise<string> {
  return JSON.stringify(await makeBackupEnvelope(createdAt));
}

/** The backup encrypted under `passphrase` (AES-256-GCM, PBKDF2-SHA-256): the envelope stays readable, the rows do not. */
export async function makeEncryptedBackup(passphrase: string, createdAt: string = nowInstant(), iterations?: number): Promise<string> {
  return JSON.stringify(await encryptBackup(await makeBackupEnvelope(createdAt), passphrase, iterations));
}

async function makeBackupEnvelope(createdAt: string) {
  const d = db();
  const data = await d.transaction('r', backedUpTables(), async () => {
    const [clients, preparers, settingsRow, stored, certifications, signedPackages, changeLog] = await Promise.all([
      d.clients.toArray(),
      d.preparers.toArray(),
      d.settings.get('app'),
      d.records.toArray(),
      d.certifications.toArray(),
      d.signedPackages.toArray(),
      d.changeLog.orderBy('seq').toArray(),
    ]);
    const settings: Partial<SettingsRow> = { ...settingsRow };
    delete settings.key;
    delete settings.rev;
    delete settings.entityVersion;
    const records = stored.map((row) => {
      const record: Partial<StoredRecord> & { liveDate?: string } = { ...row };
      delete record.date; // derived from the record's own fields; recomputed on restore
      delete record.liveDate; // likewise (schema version 5)
      return record as ComplianceRecord;
    });
    const certs = certifications.map((row) => {
      const cert: typeof row & { progressKey?: unknown } = { ...row };
      delete cert.progressKey; // derived (schema version 5)
      return cert;
    });
    return { clients, preparers, settings: { ...defaultSettings(), ...(settings as Settings) }, records, certifications: certs, signedPackages, changeLog };
  });
  const { data: rows, ...header } = backupEnvelope(data, { createdAt, schemaVersion: CURRENT_SCHEMA_VERSION });
  // The header names the newest change-log entry, so a log cut short in the file shows on restore.
  const last = data.changeLog.at(-1);
  const changeLogHead = last?.seq !== undefined && last.hash ? { changeLogHead: { seq: last.seq, hash: last.hash, at: last.at } } : {};
  // The PDFs as signed go into the file as base64 (JSON has no bytes).
  return { ...header, ...changeLogHead, data: { ...rows, signedPackages: (data.signedPackages ?? []).map(signedPackageToBackup) } };
}

/** How many rows of each backed-up kind this device holds now. */
export async function currentCounts(): Promise<BackupCounts> {
  const d = db();
  return d.transaction('r', [d.clients, d.preparers, d.records, d.certifications], async () => {
    const [clients, preparers, records, certifications] = await Promise.all([d.clients.count(), d.preparers.count(), d.records.count(), d.certifications.count()]);
    return { clients, preparers, records, certifications };
  });
}

/**
 * Replaces everything on this device with a checked backup (from `parseBackup`, whose rows are
 * already upgraded through their entities), in one transaction: if any write fails, nothing is
 * changed. Every row is checked again as it is written (database.ts). The change log becomes
 * the backup's (a format-1 backup has none, so this device's is kept), followed by the restore.
 * This device's first-run choice is kept; the last-backup time becomes the backup's own, since
 * the data now here is exactly that file.
 */
export async function restoreBackup(
  backup: Backup,
  mode: 'replace' = 'replace',
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<{ counts: BackupCounts; changeLogHead?: ChainHead }> {
  if (mode !== 'replace') throw new Error(`Unknown restore mode: ${String(mode)}`);
  const d = db();
  const { data } = backup;
  const total = (data.changeLog?.length ?? 0) + data.clients.length + data.preparers.length + data.records.length + data.certifications.length + (data.signedPackages?.length ?? 0);
  let done = 0;
  /**
   * Writes in chunks inside the one transaction: each chunk's requests are queued only once the
   * one before has been stored, so progress can be shown, and a failure in any chunk still rolls
   * back every chunk (and the clears) with it.
   */
  const addInChunks = async <T>(table: { bulkAdd(rows: readonly T[]): Promise<unknown> }, rows: readonly T[], map: (row: T) => T = (r) => r) => {
    for (let i = 0; i < rows.length; i += RESTORE_CHUNK) {
      await table.bulkAdd(rows.slice(i, i + RESTORE_CHUNK).map(map));
      done += Math.min(RESTORE_CHUNK, rows.length - i);
      options.onProgress?.(done, total);
    }
  };
  const result = await d.transaction('rw', [...backedUpTables(), d.changeLog], async () => {
    const current = await d.settings.get('app');
    await Promise.all([d.clients.clear(), d.preparers.clear(), d.settings.clear(), d.records.clear(), d.certifications.clear(), d.signedPackages.clear()]);
    if (data.changeLog) {
      await d.changeLog.clear();
      await addInChunks(d.changeLog, data.changeLog);
    }
    await addInChunks(d.clients, data.clients);
    await addInChunks(d.preparers, data.preparers);
    await addInChunks(d.records as unknown as { bulkAdd(rows: readonly ComplianceRecord[]): Promise<unknown> }, data.records, (r) => ({ ...r, date: recordDate(r) }) as unknown as ComplianceRecord);
    await addInChunks(d.certifications, data.certifications);
    await addInChunks(d.signedPackages, data.signedPackages ?? []);
    await d.settings.put({
      ...data.settings,
      firstRunDone: current?.firstRunDone ?? defaultSettings().firstRunDone,
      lastBackupAt: backup.createdAt,
      key: 'app',
    });
    await logChange({ entity: 'settings', entityId: 'app', action: 'restore', summary: `Restored a backup of ${backup.createdAt}` });
    return { counts: backupCounts(data), changeLogHead: await changeLogHead() };
  });
  // The log is now the backup's: its head replaces the one remembered outside IndexedDB (in a
  // worker there is no localStorage, and the page does this with the head returned).
  rememberHead(result.changeLogHead, true);
  return result;
}

/** Notes that a backup was just downloaded (the reminder counts from here). */
export async function markBackedUp(at: string = nowInstant()): Promise<void> {
  const result = await updateSettings({ lastBackupAt: at }, 'Downloaded a backup', at);
  if (!result.ok) throw new Error('The time of the backup could not be saved.');
}
