/**
 * The backup file: one JSON envelope that says what it is (`type`), which format it uses
 * (`version`) and which database schema wrote it, around every stored row and the change log.
 * `parseBackup` is the only way in: it decodes the file as strict UTF-8, refuses nesting no
 * backup has, runs every row through its entity (src/domain/entities: a row from an earlier
 * version is upgraded, one from a newer version refused), checks the links between rows, and
 * either returns the backup to apply or says in words what is wrong and where.
 */
import * as v from 'valibot';
import type { Client, Preparer, Settings } from './schema';
import { RECORD_KINDS, recordDate, recordDates, type ComplianceRecord, type RecordKind } from './records';
import type { Certification } from './certification-record';
import { isIsoDate, type IsoDate } from './dates';
import { signedPackageProblems, type SignedFile, type SignedPackage } from './signed-package';
import {
  certificationEntity,
  changeLogEntity,
  checkAgainst,
  clientEntity,
  HASH,
  idSchema,
  instantSchema,
  isPlainObject,
  preparerEntity,
  recordEntity,
  settingsEntity,
  signedPackageEntity,
  upgradeRow,
  chainHeadSchema,
  type ChainHead,
  type ChangeLogEntry,
  type EntityDefinition,
} from './entities';
import { entryHash, verifyChain } from './change-chain';

export const BACKUP_TYPE = 'cpni-desk-backup';
/**
 * The backup format this app writes and the newest it reads. Format 2 added the change log and
 * each row's revision and entity version; a format-1 file is read through the same migrations.
 */
export const BACKUP_VERSION = 2;
/** The database schema version from which every backup carries the change log. */
export const LOG_IN_BACKUPS_SINCE = 4;
export const BACKUP_APP = 'CPNI Desk';
/** Problems listed one by one; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 50;
/** No backup nests deeper than this (a signed document is the deepest, at about a dozen levels). */
export const MAX_BACKUP_DEPTH = 64;

export interface BackupData {
  clients: Client[];
  preparers: Preparer[];
  settings: Settings;
  /** Soft-deleted records included; the stored `date` column is left out (it is derived). */
  records: ComplianceRecord[];
  certifications: Certification[];
  /** The packages as signed, PDFs included (kept with the backup: they cannot be drafted again). */
  signedPackages?: SignedPackage[];
  /** The change log, oldest first (backups of format 1 have none). */
  changeLog?: ChangeLogEntry[];
}

export interface BackupCounts {
  clients: number;
  preparers: number;
  records: number;
  certifications: number;
}

export interface Backup {
  type: typeof BACKUP_TYPE;
  version: typeof BACKUP_VERSION;
  /** The database schema version of the app that wrote the file. */
  schemaVersion: number;
  /** When the backup was made (instant, ISO 8601). */
  createdAt: string;
  app: typeof BACKUP_APP;
  counts: BackupCounts;
  /** The newest change-log entry when the file was made: a log cut short in the file shows. */
  changeLogHead?: ChainHead;
  data: BackupData;
}

/** What a client file (scope `clients`) also lists in `data.rows`: each row's revision and content hash, by `<table>:<id>`. */
export type RowHashes = Record<string, { rev: number; hash: string }>;

/** How far the check of a file has come: rows checked of all rows. */
export type CheckProgress = (done: number, total: number) => void;

export type ParsedBackup = { ok: true; backup: Backup; rows?: RowHashes } | { ok: false; problems: string[] };

/** What a file holds: everything (a backup) or chosen clients (`scope: 'clients'`). */
export type BackupScope = 'all' | 'clients';

export function backupCounts(data: Omit<BackupData, 'settings'>): BackupCounts {
  return { clients: data.clients.length, preparers: data.preparers.length, records: data.records.length, certifications: data.certifications.length };
}

/** A backup's readable fields but `data` (and `changeLogHead`), in the order files have them. */
export function backupHeader(counts: BackupCounts, meta: { createdAt: string; schemaVersion: number }): Omit<Backup, 'data' | 'changeLogHead'> {
  return { type: BACKUP_TYPE, version: BACKUP_VERSION, schemaVersion: meta.schemaVersion, createdAt: meta.createdAt, app: BACKUP_APP, counts };
}

export function backupEnvelope(data: BackupData, meta: { createdAt: string; schemaVersion: number }): Backup {
  return { ...backupHeader(backupCounts(data), meta), data };
}

/** "CPNI Desk backup 2026-03-04.json". */
export function backupFileName(day: IsoDate, kind: 'plain' | 'encrypted' = 'plain'): string {
  return kind === 'encrypted' ? `CPNI Desk backup ${day} encrypted.json` : `CPNI Desk backup ${day}.json`;
}

export { BACKUP_STALE_CHANGES, BACKUP_STALE_DAYS, backupReminder, describeBackupAge, type BackupReminder } from './backup-reminder';

/** Bytes as base64, the way a backup file holds a PDF. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A signed package's PDF as the file holds it: the bytes in base64. */
export type SignedFileInBackup = Omit<SignedFile, 'bytes'> & { base64: string };

/** A signed package as the file holds it. */
export type SignedPackageInBackup = Omit<SignedPackage, 'files'> & { files: Record<'single' | 'separate', SignedFileInBackup[]> };

export function signedPackageToBackup(pkg: SignedPackage): SignedPackageInBackup {
  const files = (list: SignedFile[]) => list.map(({ fileName, sha256, bytes }) => ({ fileName, sha256, base64: bytesToBase64(bytes) }));
  return { ...pkg, files: { single: files(pkg.files.single), separate: files(pkg.files.separate) } };
}

const signedFileSchema = v.object(
  {
    fileName: idSchema('A signed PDF’s file name'),
    sha256: HASH('A signed PDF’s hash'),
    base64: v.pipe(v.string('A signed PDF must be stored in the file (base64).'), v.check((s) => s.length % 4 === 0 && BASE64.test(s), 'A signed PDF is not valid base64.')),
  },
  'A signed PDF must be an object.',
);
const signedFilesSchema = v.object({ single: v.array(signedFileSchema, '“files.single” must be a list.'), separate: v.array(signedFileSchema, '“files.separate” must be a list.') }, '“files” must be an object.');

const isObject = isPlainObject;

function checkSignedPackage(row: unknown): { output?: SignedPackage; messages: string[] } {
  if (!isObject(row)) return { messages: ['A signed package must be an object.'] };
  const files = checkAgainst(signedFilesSchema, row.files);
  if (!files.output) return { messages: files.messages };
  const decode = (list: SignedFileInBackup[]) => list.map(({ fileName, sha256, base64 }) => ({ fileName, sha256, bytes: base64ToBytes(base64) }));
  const result = upgradeRow(signedPackageEntity, { ...row, files: { single: decode(files.output.single), separate: decode(files.output.separate) } });
  if (!result.ok) return { messages: result.messages };
  const pkg = result.value;
  if (pkg.reopenedAt === undefined) delete pkg.reopenedAt;
  const problems = signedPackageProblems(pkg);
  return problems.length ? { messages: problems } : { output: pkg, messages: [] };
}

/** A row of any version through its entity: upgraded and checked, or its problems in words. */
function viaEntity<T>(def: EntityDefinition<T>) {
  return (row: unknown): { output?: T; messages: string[] } => {
    const result = upgradeRow(def, row);
    return result.ok ? { output: result.value, messages: [] } : { messages: result.messages };
  };
}

const KIND_NOUNS: Record<RecordKind, string> = {
  breach: 'breach',
  campaign: 'campaign',
  disclosure: 'disclosure',
  approval: 'approval',
  notice: 'notice',
  supervisoryReview: 'supervisory review',
  training: 'training',
  complaint: 'complaint',
  dataBrokerAction: 'data-broker action',
  pretexting: 'pretexting attempt',
  optOutFailure: 'opt-out failure',
};

const isKind = (x: unknown): x is RecordKind => typeof x === 'string' && (RECORD_KINDS as readonly string[]).includes(x);
/** Text from the file, short and printable (a control character shows as “?”). */
// eslint-disable-next-line no-control-regex
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s).replace(/[\u0000-\u001f\u007f]/g, '?');
/** For labels: the text of a field, trimmed. */
const textOf = (row: unknown, key: string) => (isObject(row) && typeof row[key] === 'string' ? row[key].trim() : '');
/** For links: an id exactly as written (ids are never trimmed into another row's id). */
const idOf = (row: unknown, key: string) => (isObject(row) && typeof row[key] === 'string' ? row[key] : '');

function recordLabel(row: unknown, i: number): string {
  if (!isObject(row) || !isKind(row.kind)) return `records[${i}]`;
  const kind = row.kind;
  // The record's own date, else any valid date in it: enough to find the record.
  const candidates = [recordDate(row as unknown as ComplianceRecord), row.date, ...recordDates(row as unknown as ComplianceRecord)];
  const date = candidates.find(isIsoDate);
  return `records[${i}] (${KIND_NOUNS[kind]}${date ? ` of ${date}` : ''})`;
}

function namedLabel(list: string, key: string) {
  return (row: unknown, i: number) => {
    const name = textOf(row, key);
    return `${list}[${i}]${name ? ` (${short(name)})` : ''}`;
  };
}

class Problems {
  readonly all: string[] = [];
  add(where: string | (() => string), messages: string[]) {
    if (messages.length) this.all.push(`${typeof where === 'string' ? where : where()}: ${messages.join(' ')}`);
  }
  listed(): string[] {
    if (this.all.length <= MAX_LISTED_PROBLEMS) return this.all;
    const more = this.all.length - MAX_LISTED_PROBLEMS;
    return [...this.all.slice(0, MAX_LISTED_PROBLEMS), `…and ${more} more ${more === 1 ? 'problem' : 'problems'} not listed.`];
  }
}

const NOT_A_BACKUP = 'This is not a valid backup file';

function updateMessage(what: string): string {
  return `This backup was made by a newer version of CPNI Desk (${what}). Update the app, then restore it again: open CPNI Desk while online and accept the update when it is offered. Nothing was changed.`;
}

/** Checks a list's rows, reports each bad row with where it is, and keeps the good outputs. */
function checkRows<T>(problems: Problems, rows: unknown[], label: (row: unknown, i: number) => string, checkRow: (row: unknown) => { output?: T; messages: string[] }): T[] {
  const out: T[] = [];
  rows.forEach((row, i) => {
    const result = checkRow(row);
    problems.add(() => label(row, i), result.messages);
    if (result.output) out.push(result.output);
  });
  return out;
}

function checkRecord(row: unknown): { output?: ComplianceRecord; messages: string[] } {
  if (isObject(row) && !isKind(row.kind)) {
    const known = RECORD_KINDS.join(', ');
    return {
      messages: [
        row.kind === undefined
          ? `“kind” is missing (one of ${known}).`
          : typeof row.kind !== 'string'
            ? `Its kind must be text (one of ${known}).`
            : `Its kind “${short(row.kind)}” is not one this version of CPNI Desk knows (${known}).`,
      ],
    };
  }
  const result = upgradeRow(recordEntity, row);
  if (!result.ok) return { messages: result.messages };
  const record: Partial<typeof result.value> = { ...result.value };
  delete record.date; // derived; the restore computes it again
  return { output: record as ComplianceRecord, messages: [] };
}

/** Same id twice in one list: the restore could not store both. */
function checkUniqueIds(problems: Problems, list: string, rows: unknown[], label: (row: unknown, i: number) => string, key = 'id') {
  const first = new Map<string, number>();
  rows.forEach((row, i) => {
    const id = isObject(row) && (typeof row[key] === 'string' || typeof row[key] === 'number') ? String(row[key]) : '';
    if (!id) return;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, i);
    else problems.add(label(row, i), [key === 'id' ? `It has the same id as ${list}[${earlier}]; each row needs its own.` : `It has the same “${key}” as ${list}[${earlier}]; each entry needs its own.`]);
  });
}

/**
 * How deeply a parsed value nests, counted without recursion (so no input can overflow the
 * stack), stopping as soon as it passes `limit`.
 */
export function nestingDepth(value: unknown, limit = MAX_BACKUP_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(item) ? item : Object.values(item)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The file's bytes as text: strict UTF-8 (a byte-order mark allowed), or a message in words. */
export function decodeBackupFile(bytes: Uint8Array | ArrayBuffer): { ok: true; text: string } | { ok: false; problems: string[] } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      problems: [`${NOT_A_BACKUP}: its text is not UTF-8. CPNI Desk writes backups in UTF-8; this file may have been saved again in another encoding (such as UTF-16 or Windows-1252) by another program. Nothing was changed.`],
    };
  }
}

/**
 * Reads a backup file (its bytes, decoded as strict UTF-8, or its text). `app.schemaVersion` is
 * the database schema this app runs; a file from a newer schema may hold fields this version
 * would drop, so it is refused.
 */
export function parseBackup(file: string | Uint8Array | ArrayBuffer | { json: unknown }, app?: { schemaVersion: number }, options: { scope?: BackupScope; onProgress?: CheckProgress } = {}): ParsedBackup {
  let json: unknown;
  if (typeof file === 'object' && 'json' in file) json = file.json; // already parsed (a decrypted file)
  else {
    let text: string;
    if (typeof file === 'string') text = file;
    else {
      const decoded = decodeBackupFile(file);
      if (!decoded.ok) return decoded;
      text = decoded.text;
    }
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, problems: [`${NOT_A_BACKUP}: its text is not complete JSON. The file may have been cut short or changed after it was saved.`] };
    }
  }
  if (nestingDepth(json) > MAX_BACKUP_DEPTH)
    return { ok: false, problems: [`${NOT_A_BACKUP}: its data is nested more than ${MAX_BACKUP_DEPTH} levels deep, which no CPNI Desk backup is. Nothing was changed.`] };
  if (!isObject(json) || json.type !== BACKUP_TYPE)
    return { ok: false, problems: [`${NOT_A_BACKUP}: it is not a CPNI Desk backup (a backup starts with "type": "${BACKUP_TYPE}").`] };
  const wanted = options.scope ?? 'all';
  const scope = json.scope === undefined ? 'all' : json.scope;
  if (scope !== 'all' && scope !== 'clients') return { ok: false, problems: [`${NOT_A_BACKUP}: it says it holds “${short(String(scope))}”, which this version of CPNI Desk does not read.`] };
  if (scope === 'clients' && wanted === 'all')
    return { ok: false, problems: ['This file holds chosen clients, not a whole backup. Import it from Clients → “Import clients from a file”, which merges it with what is here. Nothing was changed.'] };
  if (scope === 'all' && wanted === 'clients')
    return { ok: false, problems: ['This is a whole backup, not a client file. Restore it from Settings → Backup. Nothing was changed.'] };
  const { version, schemaVersion } = json;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, problems: [`${NOT_A_BACKUP}: its format version is missing or not a whole number.`] };
  if (version > BACKUP_VERSION) return { ok: false, problems: [updateMessage(`backup format ${version}; this version reads format ${BACKUP_VERSION}`)] };
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1)
    return { ok: false, problems: [`${NOT_A_BACKUP}: its database schema version is missing or not a whole number.`] };
  if (app && schemaVersion > app.schemaVersion) return { ok: false, problems: [updateMessage(`database schema ${schemaVersion}; this version knows ${app.schemaVersion}`)] };

  const problems = new Problems();
  const createdAt = checkAgainst(instantSchema('The date the backup was made'), json.createdAt);
  problems.add('The file', createdAt.messages);
  const data = isObject(json.data) ? json.data : undefined;
  if (!data) return { ok: false, problems: [`${NOT_A_BACKUP}: it holds no data.`] };
  const list = (name: 'clients' | 'preparers' | 'records' | 'certifications'): unknown[] => {
    const rows = data[name];
    if (Array.isArray(rows)) return rows;
    problems.add('The file', [`It has no list of ${name} (data.${name}).`]);
    return [];
  };
  /** A list that older backups do not have. */
  const optionalList = (name: 'signedPackages' | 'changeLog', words: string): unknown[] =>
    data[name] === undefined ? [] : Array.isArray(data[name]) ? data[name] : (problems.add('The file', [`Its ${words} (data.${name}) are not a list.`]), []);
  const rawClients = list('clients');
  const rawPreparers = list('preparers');
  const rawRecords = list('records');
  const rawCertifications = list('certifications');
  const rawSignedPackages = optionalList('signedPackages', 'signed packages');
  const rawChangeLog = optionalList('changeLog', 'change-log entries');
  // Every backup made since schema version 4 carries the change log: one without it had it taken out.
  if (scope === 'all' && data.changeLog === undefined && schemaVersion >= LOG_IN_BACKUPS_SINCE)
    problems.add('The change log in the file', [`It is missing, though every backup made at database schema ${LOG_IN_BACKUPS_SINCE} or later carries it (this one says ${schemaVersion}): it was removed from the file. Nothing was changed.`]);
  const total = rawClients.length + rawPreparers.length + rawRecords.length + rawCertifications.length + rawSignedPackages.length + rawChangeLog.length;
  let done = 0;
  /** Counts the rows checked, for a progress bar (every 2,000 rows and at the end). */
  const counted =
    <T>(checkRow: (row: unknown) => { output?: T; messages: string[] }) =>
    (row: unknown) => {
      if (++done % 2000 === 0 || done === total) options.onProgress?.(done, total);
      return checkRow(row);
    };

  const clientLabel = namedLabel('clients', 'legalName');
  const clients = checkRows(problems, rawClients, clientLabel, counted(viaEntity(clientEntity)));
  const preparerLabel = namedLabel('preparers', 'name');
  const preparers = checkRows(problems, rawPreparers, preparerLabel, counted(viaEntity(preparerEntity)));
  const settingsResult = isObject(data.settings) ? upgradeRow(settingsEntity, { ...data.settings, key: 'app' }) : undefined;
  if (!settingsResult) problems.add('The file', ['It has no settings (data.settings).']);
  else if (!settingsResult.ok) problems.add('settings', settingsResult.messages);
  const records = checkRows(problems, rawRecords, recordLabel, counted(checkRecord));

  const clientNames = new Map(rawClients.map((c) => [idOf(c, 'id'), textOf(c, 'legalName')]));
  const certificationLabel = (row: unknown, i: number) => {
    const year = isObject(row) && typeof row.certificationYear === 'number' ? `${row.certificationYear} certification` : 'certification';
    const name = clientNames.get(idOf(row, 'clientId'));
    return `certifications[${i}] (${year}${name ? ` for ${short(name)}` : ''})`;
  };
  const certifications = checkRows(problems, rawCertifications, certificationLabel, counted(viaEntity(certificationEntity)));

  checkUniqueIds(problems, 'clients', rawClients, clientLabel);
  checkUniqueIds(problems, 'preparers', rawPreparers, preparerLabel);
  checkUniqueIds(problems, 'records', rawRecords, recordLabel);
  checkUniqueIds(problems, 'certifications', rawCertifications, certificationLabel);
  const signedPackageLabel = (row: unknown, i: number) => {
    const year = isObject(row) && typeof row.certificationYear === 'number' ? `${row.certificationYear} package` : 'package';
    const name = clientNames.get(idOf(row, 'clientId'));
    return `signedPackages[${i}] (signed ${year}${name ? ` of ${short(name)}` : ''})`;
  };
  const signedPackages = checkRows(problems, rawSignedPackages, signedPackageLabel, counted(checkSignedPackage));
  checkUniqueIds(problems, 'signedPackages', rawSignedPackages, signedPackageLabel);

  const changeLabel = (row: unknown, i: number) => `changeLog[${i}]${textOf(row, 'summary') ? ` (${short(textOf(row, 'summary'))})` : ''}`;
  const changeLog = checkRows(problems, rawChangeLog, changeLabel, counted(viaEntity(changeLogEntity)));
  checkUniqueIds(problems, 'changeLog', rawChangeLog, changeLabel, 'seq');

  // ---- Links between rows: ids match exactly ----
  const certificationIds = new Set(rawCertifications.map((c) => idOf(c, 'id')).filter(Boolean));
  const preparerIds = new Set(rawPreparers.map((p) => idOf(p, 'id')).filter(Boolean));
  const packageIds = new Map(rawSignedPackages.map((p) => [idOf(p, 'id'), idOf(p, 'certificationId')]));
  rawSignedPackages.forEach((row, i) => {
    const certificationId = idOf(row, 'certificationId');
    if (certificationId && !certificationIds.has(certificationId)) problems.add(signedPackageLabel(row, i), [`Its certification (id ${short(certificationId)}) is not in the backup.`]);
  });
  rawCertifications.forEach((row, i) => {
    if (!isObject(row)) return;
    const packageId = idOf(row, 'signedPackageId');
    if (packageId && packageIds.get(packageId) !== idOf(row, 'id')) problems.add(certificationLabel(row, i), [`Its signed package (id ${short(packageId)}) is not in the backup.`]);
    const amended = isObject(row.amends) ? idOf(row.amends, 'certificationId') : '';
    if (amended && !certificationIds.has(amended)) problems.add(certificationLabel(row, i), [`The certification it amends (id ${short(amended)}) is not in the backup.`]);
    const amendedBy = idOf(row, 'amendedById');
    if (amendedBy && !certificationIds.has(amendedBy)) problems.add(certificationLabel(row, i), [`Its amended filing (id ${short(amendedBy)}) is not in the backup.`]);
    const rolledFrom = idOf(row, 'rolledFromId');
    if (rolledFrom && !certificationIds.has(rolledFrom)) problems.add(certificationLabel(row, i), [`The certification it was rolled forward from (id ${short(rolledFrom)}) is not in the backup.`]);
    const preparerId = idOf(row, 'preparerId');
    if (preparerId && !preparerIds.has(preparerId)) problems.add(certificationLabel(row, i), [`Its preparer (id ${short(preparerId)}) is not in the backup.`]);
  });

  const clientIds = new Set(rawClients.map((c) => idOf(c, 'id')).filter(Boolean));
  const checkClientLink = (rows: unknown[], label: (row: unknown, i: number) => string) =>
    rows.forEach((row, i) => {
      const clientId = idOf(row, 'clientId');
      if (clientId && !clientIds.has(clientId)) problems.add(label(row, i), [`Its client (id ${short(clientId)}) is not in the backup.`]);
    });
  checkClientLink(rawRecords, recordLabel);
  checkClientLink(rawCertifications, certificationLabel);
  checkClientLink(rawSignedPackages, signedPackageLabel);

  const defaults = rawPreparers.flatMap((p, i) => (isObject(p) && p.isDefault === true ? [i] : []));
  if (defaults.length > 1)
    problems.add('preparers', [`${defaults.length} preparers are marked the default (${defaults.map((i) => preparerLabel(rawPreparers[i], i)).join(', ')}); only one can be.`]);

  // An amended filing shares its original's year; only one certification per year is in force.
  const seenYears = new Map<string, number>();
  rawCertifications.forEach((row, i) => {
    if (!isObject(row) || typeof row.certificationYear !== 'number' || idOf(row, 'amendedById')) return;
    const key = `${idOf(row, 'clientId')}|${row.certificationYear}`;
    const earlier = seenYears.get(key);
    if (earlier === undefined) seenYears.set(key, i);
    else problems.add(certificationLabel(row, i), [`The same client already has a ${row.certificationYear} certification (certifications[${earlier}]).`]);
  });

  if (isObject(json.counts)) {
    const actual: BackupCounts = { clients: rawClients.length, preparers: rawPreparers.length, records: rawRecords.length, certifications: rawCertifications.length };
    for (const name of Object.keys(actual) as (keyof BackupCounts)[]) {
      const said = json.counts[name];
      if (typeof said === 'number' && said !== actual[name])
        problems.add('The file', [`It says it holds ${said} ${name} but contains ${actual[name]}; it may have been cut short or edited.`]);
    }
  }

  // ---- The change log proves itself: a whole backup's chain is intact up to the head in its header; each entry of a client file matches its own hash ----
  let head: ChainHead | undefined;
  if (json.changeLogHead !== undefined) {
    const checked = checkAgainst(chainHeadSchema, json.changeLogHead);
    problems.add('The file', checked.messages);
    head = checked.output;
  }
  if (!problems.all.length && changeLog.length) {
    if (scope === 'all') {
      const check = verifyChain(changeLog, head);
      if (!check.ok)
        problems.add(
          'The change log in the file',
          [
            check.truncated
              ? `It ends at entry ${check.truncated.endsAt} but the file says entry ${check.truncated.recorded} was recorded: entries were removed from its end. Nothing was changed.`
              : `It is broken at entry ${check.broken.seq ?? '?'} (“${short(check.broken.summary)}”): ${check.broken.reason}. Nothing was changed.`,
          ],
        );
    } else
      changeLog.forEach((entry, i) => {
        if (entry.hash !== undefined && entryHash(entry.prev ?? '', entry) !== entry.hash)
          problems.add(changeLabel(entry, i), ['Its content no longer matches its hash: it was changed after it was written.']);
      });
  } else if (!problems.all.length && head && scope === 'all')
    problems.add('The change log in the file', [`It is empty but the file says entry ${head.seq} was recorded: its entries were removed. Nothing was changed.`]);

  if (problems.all.length || !settingsResult?.ok || !createdAt.output) return { ok: false, problems: problems.listed() };
  const settings: Partial<typeof settingsResult.value> = { ...settingsResult.value };
  delete settings.key;
  delete settings.rev;
  delete settings.entityVersion;
  const backupData: BackupData = {
    clients,
    preparers,
    settings: settings as Settings,
    records,
    certifications,
    ...(data.signedPackages === undefined ? {} : { signedPackages }),
    ...(data.changeLog === undefined ? {} : { changeLog }),
  };
  const backup: Backup = { ...backupEnvelope(backupData, { createdAt: createdAt.output, schemaVersion }), ...(head ? { changeLogHead: head } : {}) };
  if (scope !== 'clients') return { ok: true, backup };
  const rows: RowHashes = {};
  if (isObject(data.rows))
    for (const [key, said] of Object.entries(data.rows))
      if (isObject(said) && typeof said.hash === 'string' && typeof said.rev === 'number') rows[key] = { rev: said.rev, hash: said.hash };
  return { ok: true, backup, ...(isObject(data.rows) ? { rows } : {}) };
}
