/**
 * Backup and restore of everything on this device. The file's shape and its checks live in
 * domain/backup.ts; here the tables are read in one transaction and replaced in one, so a
 * restore that fails midway leaves the database as it was.
 */
import { encryptedFileParts, sealBackup, startSealing } from '../domain/backup-crypto';
import { concatBytes, JsonListWriter, jsonWithLastField } from '../domain/backup-bytes';
import type { Settings } from '../domain/schema';
import { defaultSettings as entityDefaults } from '../domain/entities';
import { recordDate, type ComplianceRecord } from '../domain/records';
import { backupCounts, backupHeader, signedPackageToBackup, type Backup, type BackupCounts } from '../domain/backup';
import type { SignedPackage } from '../domain/signed-package';
import { SCHEMA_VERSIONS, db, nowInstant, type SettingsRow } from './database';
import { changeLogHead, logChange, rememberHead } from './change-log';
import type { ChainHead, ChangeLogEntry } from '../domain/entities';
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
  return textOf(await makeBackupFile('', createdAt));
}

/** The backup encrypted under `passphrase` (AES-256-GCM, PBKDF2-SHA-256): the envelope stays readable, the rows do not. */
export async function makeEncryptedBackup(passphrase: string, createdAt: string = nowInstant(), iterations?: number): Promise<string> {
  return textOf(await makeBackupFile(passphrase, createdAt, iterations));
}

const textOf = (parts: Uint8Array[]) => new TextDecoder().decode(concatBytes(parts));

/** Rows asked of the database at a time while a backup is made. */
const READ_PAGE = 10_000;

function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('The database could not be read.'));
  });
}

type Row = Record<string, unknown>;

/**
 * Every row of a store, in key order, page by page: the next page is asked for before this one
 * is handed to `onPage`, so the database reads it while this thread writes the last one out.
 */
async function readPages(store: IDBObjectStore, pageRows: number, onPage: (rows: Row[]) => void): Promise<Row | undefined> {
  const keyPath = store.keyPath as string;
  let next: Promise<Row[]> | undefined = requested(store.getAll(null, pageRows));
  let last: Row | undefined;
  while (next) {
    const rows: Row[] = await next;
    last = rows.at(-1) ?? last;
    next = rows.length === pageRows ? requested(store.getAll(IDBKeyRange.lowerBound(last![keyPath] as IDBValidKey, true), pageRows)) : undefined;
    onPage(rows);
  }
  return last;
}

/**
 * The backup file's bytes, as parts (a Blob is made of them without another copy): encrypted
 * when a passphrase is given, plain JSON otherwise. Every table is read in one read-only
 * transaction (one consistent snapshot), page by page, each page written straight out as JSON
 * bytes, and the key derived meanwhile; the data is written out once. The bytes are exactly
 * those of `JSON.stringify` of the envelope (and of its data, for the ciphertext).
 */
export async function makeBackupFile(passphrase: string, createdAt: string = nowInstant(), iterations?: number, pageRows = READ_PAGE): Promise<Uint8Array[]> {
  const sealing = passphrase ? startSealing(passphrase, iterations) : undefined;
  const d = db();
  if (!d.isOpen()) await d.open();
  const tables = backedUpTables().map((t) => t.name);
  const tx = d.backendDB().transaction(tables, 'readonly');
  const lists = { records: new JsonListWriter(), certifications: new JsonListWriter(), changeLog: new JsonListWriter() };
  const [clients, preparers, settingsRow, , , signedPackages, lastChange] = await Promise.all([
    requested(tx.objectStore('clients').getAll()),
    requested(tx.objectStore('preparers').getAll()),
    requested(tx.objectStore('settings').get('app')) as Promise<SettingsRow | undefined>,
    readPages(tx.objectStore('records'), pageRows, (rows) => {
      // `date` and `liveDate` are derived from the record's own fields and recomputed on restore;
      // a field set to undefined is left out by JSON.stringify, as if deleted.
      for (const row of rows) row.date = row.liveDate = undefined;
      lists.records.add(rows);
    }),
    readPages(tx.objectStore('certifications'), pageRows, (rows) => lists.certifications.add(rows)),
    requested(tx.objectStore('signedPackages').getAll()) as Promise<SignedPackage[]>,
    readPages(tx.objectStore('changeLog'), pageRows, (rows) => lists.changeLog.add(rows)) as Promise<ChangeLogEntry | undefined>,
  ]);
  const settings: Partial<SettingsRow> = { ...settingsRow };
  delete settings.key;
  delete settings.rev;
  delete settings.entityVersion;
  const counts = { clients: clients.length, preparers: preparers.length, records: lists.records.count, certifications: lists.certifications.count };
  // The same fields in the same order as JSON.stringify of `data` in backupEnvelope.
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const data = concatBytes([
    utf8(`{"clients":${JSON.stringify(clients)},"preparers":${JSON.stringify(preparers)},"settings":${JSON.stringify({ ...defaultSettings(), ...(settings as Settings) })},"records":`),
    lists.records.finish(),
    utf8(',"certifications":'),
    lists.certifications.finish(),
    // The PDFs as signed go into the file as base64 (JSON has no bytes).
    utf8(`,"signedPackages":${JSON.stringify(signedPackages.map(signedPackageToBackup))},"changeLog":`),
    lists.changeLog.finish(),
    utf8('}'),
  ]);
  // The header names the newest change-log entry, so a log cut short in the file shows on restore.
  const readable = { ...backupHeader(counts, { createdAt, schemaVersion: CURRENT_SCHEMA_VERSION }), ...(lastChange?.seq !== undefined && lastChange.hash ? { changeLogHead: { seq: lastChange.seq, hash: lastChange.hash, at: lastChange.at } } : {}) };
  if (!sealing) return jsonWithLastField(readable, 'data', data);
  const { header: sealedHeader, sealed } = await sealBackup(readable, data, sealing);
  return encryptedFileParts(sealedHeader, sealed);
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
   * Writes in chunks inside the one transaction, so progress can be shown, and a failure in any
   * chunk still rolls back every chunk (and the clears) with it. The next chunk is checked and
   * queued while the one before is being stored: IndexedDB never waits for the checks.
   */
  const addInChunks = async <T>(table: { bulkAdd(rows: readonly T[]): Promise<unknown> }, rows: readonly T[], map: (row: T) => T = (r) => r) => {
    let storing: Promise<void> | undefined;
    for (let i = 0; i < rows.length; i += RESTORE_CHUNK) {
      const count = Math.min(RESTORE_CHUNK, rows.length - i);
      const next = table.bulkAdd(rows.slice(i, i + RESTORE_CHUNK).map(map)).then(() => {
        done += count;
        options.onProgress?.(done, total);
      });
      // If an earlier chunk fails, the transaction aborts and this one fails with it: that
      // failure is the same one, reported once.
      next.catch(() => undefined);
      if (storing) await storing;
      storing = next;
    }
    await storing;
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
