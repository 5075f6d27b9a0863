/**
 * The backup file: one JSON envelope that says what it is (`type`), which format it uses
 * (`version`) and which database schema wrote it, around every stored row. `parseBackup` is
 * the only way in: it checks the envelope, every row against the entity's own schema and the
 * links between rows, and either returns the backup to apply or says in words what is wrong
 * and where. A file written by a newer version is refused, never guessed at.
 */
import * as v from 'valibot';
import { clientSchema, preparerSchema, settingsSchema, type Client, type Preparer, type Settings } from './schema';
import { RECORD_FIELD_SCHEMAS, RECORD_KINDS, recordDate, recordDates, type ComplianceRecord, type RecordKind } from './records';
import { CERTIFICATION_STATUSES, type Certification } from './certification-record';
import type { StoredAnswers } from './statement-answers';
import type { CertificationOverrides } from './certification';
import { isIsoDate, type IsoDate } from './dates';
import { signedPackageProblems, type SignedFile, type SignedPackage } from './signed-package';

export const BACKUP_TYPE = 'cpni-desk-backup';
/** The backup format this app writes and the newest it reads. */
export const BACKUP_VERSION = 1;
export const BACKUP_APP = 'CPNI Desk';
/** Problems listed one by one; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 50;
/** A backup older than this is worth a reminder. */
export const BACKUP_STALE_DAYS = 30;

export interface BackupData {
  clients: Client[];
  preparers: Preparer[];
  settings: Settings;
  /** Soft-deleted records included; the stored `date` column is left out (it is derived). */
  records: ComplianceRecord[];
  certifications: Certification[];
  /** The packages as signed, PDFs included (kept with the backup: they cannot be drafted again). */
  signedPackages?: SignedPackage[];
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
  data: BackupData;
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; problems: string[] };

export function backupCounts(data: Omit<BackupData, 'settings'>): BackupCounts {
  return { clients: data.clients.length, preparers: data.preparers.length, records: data.records.length, certifications: data.certifications.length };
}

export function backupEnvelope(data: BackupData, meta: { createdAt: string; schemaVersion: number }): Backup {
  return { type: BACKUP_TYPE, version: BACKUP_VERSION, schemaVersion: meta.schemaVersion, createdAt: meta.createdAt, app: BACKUP_APP, counts: backupCounts(data), data };
}

/** "CPNI Desk backup 2026-03-04.json". */
export function backupFileName(day: IsoDate): string {
  return `CPNI Desk backup ${day}.json`;
}

export type BackupReminder = { kind: 'none' } | { kind: 'recent' | 'stale'; days: number };

/** Whether to remind the user to back up: never backed up, or the last one is over 30 days old. */
export function backupReminder(lastBackupAt: string, now: Date): BackupReminder {
  const at = lastBackupAt ? Date.parse(lastBackupAt) : NaN;
  if (Number.isNaN(at)) return { kind: 'none' };
  const days = Math.max(0, Math.floor((now.getTime() - at) / 86_400_000));
  return { kind: days > BACKUP_STALE_DAYS ? 'stale' : 'recent', days };
}

// ---- Row schemas: the entity schemas serve the form, the database and this importer. ----

const idText = (label: string) => v.pipe(v.string(`${label} must be text.`), v.nonEmpty(`${label} is empty.`));
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const instant = (label: string) =>
  v.pipe(v.string(`${label} must be a date and time.`), v.check((s) => INSTANT.test(s) && !Number.isNaN(Date.parse(s)), `${label} must be a date and time (like 2026-03-04T15:00:00.000Z).`));

const stampSchema = v.object({ id: idText('The id'), createdAt: instant('Created at'), updatedAt: instant('Updated at') });

const recordBaseSchema = v.object({
  id: idText('The id'),
  clientId: idText('The client id'),
  kind: v.picklist(RECORD_KINDS),
  createdAt: instant('Created at'),
  updatedAt: instant('Updated at'),
  deletedAt: v.optional(instant('Deleted at')),
});

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const dateOrEmpty = (label: string) =>
  v.pipe(v.string(`${label} must be a date (YYYY-MM-DD) or empty.`), v.check((s) => s === '' || isIsoDate(s), `${label} must be a date (YYYY-MM-DD) or empty.`));
const text = (label: string) => v.string(`${label} must be text.`);

/**
 * A stored certification. Strict where other code relies on it (ids, year, status, dates);
 * the questionnaire answers and overrides are kept as they are, so a backup never loses an
 * answer this version does not know about.
 */
export const certificationSchema = v.object({
  id: idText('The id'),
  clientId: idText('The client id'),
  certificationYear: v.pipe(
    v.number('Certification year must be a number.'),
    v.integer('Certification year must be a whole number.'),
    v.minValue(1000, 'Certification year must have four digits.'),
    v.maxValue(9999, 'Certification year must have four digits.'),
  ),
  status: v.picklist(CERTIFICATION_STATUSES, `Status must be one of ${CERTIFICATION_STATUSES.join(', ')}.`),
  signatory: v.object({ name: text('Signatory name'), title: text('Signatory title') }),
  preparerId: text('The preparer id'),
  dateFiled: dateOrEmpty('Date filed'),
  signatureDate: dateOrEmpty('Signature date'),
  filedOn: dateOrEmpty('Filed on'),
  ecfsConfirmation: text('ECFS confirmation'),
  // Any version of the answers; every read goes through `upgradeAnswers` (statement-upgrade.ts).
  answers: v.custom<StoredAnswers>(isObject, 'The statement answers must be an object.'),
  sectionEdits: v.record(v.string(), text('An edited statement section')),
  overrides: v.custom<CertificationOverrides>(isObject, 'The overrides must be an object.'),
  lintOverrides: v.array(v.object({ id: text('An overridden check’s id'), excerpt: text('An overridden check’s excerpt'), reason: text('An overridden check’s reason') })),
  signature: v.variant(
    'kind',
    [
      v.object({ kind: v.literal('typed') }),
      // Only an image held in the file itself: a web address would make the app fetch it.
      v.object({ kind: v.literal('image'), dataUrl: v.pipe(v.string(), v.startsWith('data:', 'The signature image must be stored in the file (a data: URL).')) }),
    ],
    'The signature must be typed or an image.',
  ),
  coverLetter: v.object({
    include: v.boolean('Whether to include the cover letter must be true or false.'),
    addressee: v.array(text('An addressee line')),
    body: text('The cover letter body'),
    cc: v.array(text('A cc line')),
  }),
  rolledFromId: v.optional(v.string()),
  amends: v.optional(
    v.object({ certificationId: idText('The id of the amended certification'), filedOn: dateOrEmpty('The amended filing’s date filed'), ecfsConfirmation: text('The amended filing’s ECFS confirmation') }),
  ),
  amendedById: v.optional(idText('The id of the amended filing')),
  signedPackageId: v.optional(idText('The id of the signed package')),
  answersReviewedOn: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.check((d: string) => isIsoDate(d)))], 'The answers-reviewed date must be YYYY-MM-DD or empty.'), ''),
  createdAt: instant('Created at'),
  updatedAt: instant('Updated at'),
});

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

const HASH = (label: string) => v.pipe(v.string(`${label} must be text.`), v.regex(/^[0-9a-f]{64}$/, `${label} must be a SHA-256 hash (64 hex digits).`));
const signedFileSchema = v.object({
  fileName: idText('A signed PDF’s file name'),
  sha256: HASH('A signed PDF’s hash'),
  base64: v.pipe(v.string('A signed PDF must be stored in the file (base64).'), v.check((s) => BASE64.test(s) && s.length % 4 === 0, 'A signed PDF is not valid base64.')),
});

/** A signed package: its ids and hashes strictly; its documents and snapshot as they are. */
export const signedPackageSchema = v.object({
  id: idText('The id'),
  certificationId: idText('The certification id'),
  clientId: idText('The client id'),
  certificationYear: v.pipe(v.number('Certification year must be a number.'), v.integer('Certification year must be a whole number.')),
  signedAt: instant('Signed at'),
  appVersion: text('The app version'),
  contentHash: HASH('The content hash'),
  content: v.object({
    documents: v.array(v.custom<object>(isObject, 'A signed document must be an object.')),
    facts: v.custom<SignedPackage['content']['facts']>(isObject, 'The signed facts must be an object.'),
  }),
  sources: v.custom<SignedPackage['sources']>(isObject, 'What the package was signed from must be an object.'),
  files: v.object({ single: v.array(signedFileSchema), separate: v.array(signedFileSchema) }),
  reopenedAt: v.optional(instant('Reopened at')),
});

function checkSignedPackage(row: unknown): { output?: SignedPackage; messages: string[] } {
  const result = check(signedPackageSchema, row);
  if (!result.output) return { messages: result.messages };
  const files = (list: SignedFileInBackup[]) => list.map(({ fileName, sha256, base64 }) => ({ fileName, sha256, bytes: base64ToBytes(base64) }));
  const pkg: SignedPackage = { ...result.output, files: { single: files(result.output.files.single), separate: files(result.output.files.separate) } } as SignedPackage;
  if (pkg.reopenedAt === undefined) delete pkg.reopenedAt;
  const problems = signedPackageProblems(pkg);
  return problems.length ? { messages: problems } : { output: pkg, messages: [] };
}

// ---- Problems in words ----

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  loose_object: 'an object',
  record: 'an object',
  integer: 'a whole number',
};

/** Valibot's own message for a check that has none of ours: the field's name, in words. */
function plainMessage(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  const field = path ? `“${path}”` : 'The row';
  if (issue.input === undefined) return `${field} is missing.`;
  if ((issue.type === 'picklist' || issue.type === 'literal') && issue.expected) {
    const options = issue.expected.replace(/^\((.*)\)$/, '$1').split(' | ').map((o) => (o === '""' ? 'empty' : o.replaceAll('"', '')));
    return `${field} must be ${options.length > 1 ? `one of ${options.join(', ')}` : options[0]}.`;
  }
  return `${field} must be ${TYPE_WORDS[issue.type] ?? issue.expected ?? 'something else'}.`;
}

// A nested issue gets its path only after its message is made, so ours is written afterwards.
const PLAIN = '\u0000plain';
const CONFIG = { abortPipeEarly: true, message: () => PLAIN } as const;

/** Every field's first message, in order. */
function check<S extends v.GenericSchema>(schema: S, input: unknown): { output?: v.InferOutput<S>; messages: string[] } {
  const result = v.safeParse(schema, input, CONFIG);
  if (result.success) return { output: result.output, messages: [] };
  const seen = new Set<string>();
  const messages: string[] = [];
  for (const issue of result.issues) {
    const key = v.getDotPath(issue) ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    messages.push(issue.message === PLAIN ? plainMessage(issue) : issue.message);
  }
  return { messages };
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
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
const textOf = (row: unknown, key: string) => (isObject(row) && typeof row[key] === 'string' ? row[key].trim() : '');

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

/** An entity schema and the stored columns, checked together and merged. */
function stamped<S extends v.GenericSchema>(schema: S) {
  return (row: unknown) => {
    const fields = check(schema, row);
    const stamp = check(stampSchema, row);
    const messages = [...fields.messages, ...stamp.messages];
    return messages.length || !fields.output || !stamp.output ? { messages } : { output: { ...(fields.output as object), ...stamp.output } as v.InferOutput<S> & v.InferOutput<typeof stampSchema>, messages };
  };
}

function checkRecord(row: unknown): { output?: ComplianceRecord; messages: string[] } {
  if (isObject(row) && !isKind(row.kind)) {
    const known = RECORD_KINDS.join(', ');
    return { messages: [row.kind === undefined ? `“kind” is missing (one of ${known}).` : `Its kind “${short(String(row.kind))}” is not one this version of CPNI Desk knows (${known}).`] };
  }
  const base = check(recordBaseSchema, row);
  const fields = isObject(row) && isKind(row.kind) ? check(RECORD_FIELD_SCHEMAS[row.kind] as v.GenericSchema, row) : { messages: [] };
  const messages = [...fields.messages, ...base.messages];
  if (messages.length || !base.output || !fields.output) return { messages };
  const record = { ...(fields.output as object), ...base.output };
  if (record.deletedAt === undefined) delete record.deletedAt;
  return { output: record as unknown as ComplianceRecord, messages };
}

/** Same id twice in one list: the restore could not store both. */
function checkUniqueIds(problems: Problems, list: string, rows: unknown[], label: (row: unknown, i: number) => string) {
  const first = new Map<string, number>();
  rows.forEach((row, i) => {
    const id = textOf(row, 'id');
    if (!id) return;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, i);
    else problems.add(label(row, i), [`It has the same id as ${list}[${earlier}]; each row needs its own.`]);
  });
}

/**
 * Reads a backup file's text. `app.schemaVersion` is the database schema this app runs; a
 * file from a newer schema may hold fields this version would drop, so it is refused.
 */
export function parseBackup(text: string, app?: { schemaVersion: number }): ParsedBackup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: [`${NOT_A_BACKUP}: its text is not complete JSON. The file may have been cut short or changed after it was saved.`] };
  }
  if (!isObject(json) || json.type !== BACKUP_TYPE)
    return { ok: false, problems: [`${NOT_A_BACKUP}: it is not a CPNI Desk backup (a backup starts with "type": "${BACKUP_TYPE}").`] };
  const { version, schemaVersion } = json;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, problems: [`${NOT_A_BACKUP}: its format version is missing or not a whole number.`] };
  if (version > BACKUP_VERSION) return { ok: false, problems: [updateMessage(`backup format ${version}; this version reads format ${BACKUP_VERSION}`)] };
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1)
    return { ok: false, problems: [`${NOT_A_BACKUP}: its database schema version is missing or not a whole number.`] };
  if (app && schemaVersion > app.schemaVersion) return { ok: false, problems: [updateMessage(`database schema ${schemaVersion}; this version knows ${app.schemaVersion}`)] };

  const problems = new Problems();
  const createdAt = check(instant('The date the backup was made'), json.createdAt);
  problems.add('The file', createdAt.messages);
  const data = isObject(json.data) ? json.data : undefined;
  if (!data) return { ok: false, problems: [`${NOT_A_BACKUP}: it holds no data.`] };
  const list = (name: keyof Omit<BackupData, 'settings'>): unknown[] => {
    const rows = data[name];
    if (Array.isArray(rows)) return rows;
    problems.add('The file', [`It has no list of ${name} (data.${name}).`]);
    return [];
  };
  const rawClients = list('clients');
  const rawPreparers = list('preparers');
  const rawRecords = list('records');
  const rawCertifications = list('certifications');
  // Backups made before signed packages were kept have none.
  const rawSignedPackages = data.signedPackages === undefined ? [] : Array.isArray(data.signedPackages) ? data.signedPackages : (problems.add('The file', ['Its signed packages (data.signedPackages) are not a list.']), []);

  const clientLabel = namedLabel('clients', 'legalName');
  const clients = checkRows(problems, rawClients, clientLabel, stamped(clientSchema));
  const preparerLabel = namedLabel('preparers', 'name');
  const preparers = checkRows(problems, rawPreparers, preparerLabel, stamped(preparerSchema));
  const settings = isObject(data.settings) ? check(settingsSchema, data.settings) : { messages: ['It has no settings (data.settings).'] };
  problems.add(isObject(data.settings) ? 'settings' : 'The file', settings.messages);
  const records = checkRows(problems, rawRecords, recordLabel, checkRecord);

  const clientNames = new Map(rawClients.map((c) => [textOf(c, 'id'), textOf(c, 'legalName')]));
  const certificationLabel = (row: unknown, i: number) => {
    const year = isObject(row) && typeof row.certificationYear === 'number' ? `${row.certificationYear} certification` : 'certification';
    const name = clientNames.get(textOf(row, 'clientId'));
    return `certifications[${i}] (${year}${name ? ` for ${short(name)}` : ''})`;
  };
  const certifications = checkRows(problems, rawCertifications, certificationLabel, (row) => check(certificationSchema, row));

  checkUniqueIds(problems, 'clients', rawClients, clientLabel);
  checkUniqueIds(problems, 'preparers', rawPreparers, preparerLabel);
  checkUniqueIds(problems, 'records', rawRecords, recordLabel);
  checkUniqueIds(problems, 'certifications', rawCertifications, certificationLabel);
  const signedPackageLabel = (row: unknown, i: number) => {
    const year = isObject(row) && typeof row.certificationYear === 'number' ? `${row.certificationYear} package` : 'package';
    const name = clientNames.get(textOf(row, 'clientId'));
    return `signedPackages[${i}] (signed ${year}${name ? ` of ${short(name)}` : ''})`;
  };
  const signedPackages = checkRows(problems, rawSignedPackages, signedPackageLabel, checkSignedPackage);
  checkUniqueIds(problems, 'signedPackages', rawSignedPackages, signedPackageLabel);
  const certificationIds = new Set(rawCertifications.map((c) => textOf(c, 'id')).filter(Boolean));
  const packageIds = new Map(rawSignedPackages.map((p) => [textOf(p, 'id'), textOf(p, 'certificationId')]));
  rawSignedPackages.forEach((row, i) => {
    const certificationId = textOf(row, 'certificationId');
    if (certificationId && !certificationIds.has(certificationId)) problems.add(signedPackageLabel(row, i), [`Its certification (id ${short(certificationId)}) is not in the backup.`]);
  });
  rawCertifications.forEach((row, i) => {
    if (!isObject(row)) return;
    const packageId = textOf(row, 'signedPackageId');
    if (packageId && packageIds.get(packageId) !== textOf(row, 'id')) problems.add(certificationLabel(row, i), [`Its signed package (id ${short(packageId)}) is not in the backup.`]);
    const amended = isObject(row.amends) ? textOf(row.amends, 'certificationId') : '';
    if (amended && !certificationIds.has(amended)) problems.add(certificationLabel(row, i), [`The certification it amends (id ${short(amended)}) is not in the backup.`]);
    const amendedBy = textOf(row, 'amendedById');
    if (amendedBy && !certificationIds.has(amendedBy)) problems.add(certificationLabel(row, i), [`Its amended filing (id ${short(amendedBy)}) is not in the backup.`]);
  });

  const clientIds = new Set(rawClients.map((c) => textOf(c, 'id')).filter(Boolean));
  const checkClientLink = (rows: unknown[], label: (row: unknown, i: number) => string) =>
    rows.forEach((row, i) => {
      const clientId = textOf(row, 'clientId');
      if (clientId && !clientIds.has(clientId)) problems.add(label(row, i), [`Its client (id ${short(clientId)}) is not in the backup.`]);
    });
  checkClientLink(rawRecords, recordLabel);
  checkClientLink(rawCertifications, certificationLabel);

  // An amended filing shares its original's year; only one certification per year is in force.
  const seenYears = new Map<string, number>();
  rawCertifications.forEach((row, i) => {
    if (!isObject(row) || typeof row.certificationYear !== 'number' || textOf(row, 'amendedById')) return;
    const key = `${textOf(row, 'clientId')}|${row.certificationYear}`;
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

  if (problems.all.length || !settings.output || !createdAt.output) return { ok: false, problems: problems.listed() };
  const backupData: BackupData = { clients, preparers, settings: settings.output, records, certifications, ...(data.signedPackages === undefined ? {} : { signedPackages }) };
  return { ok: true, backup: backupEnvelope(backupData, { createdAt: createdAt.output, schemaVersion }) };
}
