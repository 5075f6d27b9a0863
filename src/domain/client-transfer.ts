/**
 * Moving chosen clients between devices: the client file (the backup envelope with
 * `scope: 'clients'`, holding the clients with their records, certifications, signed packages,
 * the preparers those name and their change-log entries) and the merge plan of an import.
 *
 * Ids are kept, so a client that goes from one laptop to another and back is matched row by row.
 * Each side compares rows by a content hash (revision and version left out: they count local
 * saves). A device remembers, per entity, the hash it last exported or imported (its sync base):
 * if only the file's row moved from that base, the file's is taken; if only this device's moved,
 * this device's is kept; if both moved, it is a conflict the user decides (or "newer wins").
 */
import { backupEnvelope, parseBackup, signedPackageToBackup, type Backup, type BackupData, type SignedPackageInBackup } from './backup';
import type { Client, Preparer, Settings } from './schema';
import type { ComplianceRecord } from './records';
import type { Certification } from './certification-record';
import type { SignedPackage } from './signed-package';
import { canonicalJson, sha256Hex } from './sha256';
import type { ChangeLogEntry } from './entities';

export const CLIENT_FILE_SCOPE = 'clients';

/** The kinds of rows a client file merges, in the order they are listed and applied. */
export const TRANSFER_TABLES = ['clients', 'preparers', 'records', 'certifications', 'signedPackages'] as const;
export type TransferTable = (typeof TRANSFER_TABLES)[number];

export const TABLE_NOUNS: Record<TransferTable, string> = {
  clients: 'client',
  preparers: 'preparer',
  records: 'record',
  certifications: 'certification',
  signedPackages: 'signed package',
};

export type TransferRow = { id: string; [key: string]: unknown };

/** What a client file holds, as rows of this app (signed PDFs as bytes). */
export interface ClientTransferData {
  clients: Client[];
  preparers: Preparer[];
  records: ComplianceRecord[];
  certifications: Certification[];
  signedPackages: SignedPackage[];
  changeLog: ChangeLogEntry[];
}

export const syncKey = (table: TransferTable, id: string) => `${table}:${id}`;

/** The row's content as hashed: without its revision, entity version and derived columns (date, liveDate, progressKey); PDFs as base64. */
export function rowHash(table: TransferTable, row: object): string {
  return contentHash(table === 'signedPackages' ? signedPackageToBackup(row as SignedPackage) : row);
}

/** The hash of a row as the file holds it (a signed package's PDFs already in base64). */
function contentHash(row: object): string {
  const content: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  delete content.rev;
  delete content.entityVersion;
  delete content.date;
  // Index columns derived on every write (schema version 5): not content.
  delete content.liveDate;
  delete content.progressKey;
  return sha256Hex(canonicalJson(content));
}

/** A change-log entry's identity across devices (the local entry number is not kept). */
export const changeKey = (e: ChangeLogEntry) => canonicalJson([e.at, e.entity, e.entityId, e.action, e.summary]);

/** "CPNI Desk clients Mesa Rural Telephone Co. 2026-03-04.json" (or "3 clients"). */
export function clientFileName(names: string[], day: string): string {
  // eslint-disable-next-line no-control-regex
  const what = names.length === 1 ? names[0]!.replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ').trim().slice(0, 60) : `${names.length} clients`;
  return `CPNI Desk clients ${what} ${day}.json`;
}

/**
 * The client file's envelope: a backup of format 2 whose `scope` says it holds chosen clients,
 * with each row's revision and content hash (`data.rows`) so the importing side can check them.
 * Settings are the defaults (a client file carries none of this device's settings).
 */
export function clientFileEnvelope(data: ClientTransferData, meta: { createdAt: string; schemaVersion: number; defaultSettings: Settings }) {
  const backupData: BackupData = { ...data, settings: meta.defaultSettings };
  const envelope = backupEnvelope(backupData, meta);
  const rows: Record<string, { rev: number; hash: string }> = {};
  for (const table of TRANSFER_TABLES)
    for (const row of data[table] as unknown as (TransferRow & { rev?: number })[]) rows[syncKey(table, row.id)] = { rev: row.rev ?? 1, hash: rowHash(table, row) };
  return {
    ...envelope,
    scope: CLIENT_FILE_SCOPE,
    // Inside `data`, so an encrypted file shows neither names nor hashes.
    data: { ...envelope.data, signedPackages: data.signedPackages.map(signedPackageToBackup) as SignedPackageInBackup[], rows },
  };
}

export type ParsedClientFile = { ok: true; backup: Backup; data: ClientTransferData } | { ok: false; problems: string[] };

/**
 * Reads a (decrypted) client file: every row through its entity and the links between rows
 * (`parseBackup`), then the row hashes the file lists, so a file edited by hand is refused.
 */
export function parseClientFile(text: string | Uint8Array | ArrayBuffer, app?: { schemaVersion: number }): ParsedClientFile {
  const parsed = parseBackup(text, app, { scope: CLIENT_FILE_SCOPE });
  if (!parsed.ok) return parsed;
  const { data } = parsed.backup;
  const transfer: ClientTransferData = {
    clients: data.clients,
    preparers: data.preparers,
    records: data.records,
    certifications: data.certifications,
    signedPackages: data.signedPackages ?? [],
    changeLog: data.changeLog ?? [],
  };
  if (transfer.clients.length === 0) return { ok: false, problems: ['This client file holds no client. Nothing was changed.'] };
  const listed = parsed.rows;
  const problems: string[] = [];
  // The rows exactly as the file holds them: a field added, changed or removed after export is seen,
  // even one the entity checks would drop.
  const raw = (JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text)) as { data: Record<TransferTable, TransferRow[]> }).data;
  if (listed) {
    for (const table of TRANSFER_TABLES)
      for (const row of raw[table] ?? []) {
        const said = listed[syncKey(table, row.id)];
        if (!said) problems.push(`The ${TABLE_NOUNS[table]} ${row.id} is not in the file's list of rows; the file may have been edited.`);
        else if (said.hash !== contentHash(row) || said.rev !== (row.rev ?? 1)) problems.push(`The ${TABLE_NOUNS[table]} ${row.id} does not match the hash the file lists for it; the file was changed after it was made.`);
      }
  } else problems.push('The file has no list of its rows and their hashes (data.rows); it is not a client file made by CPNI Desk.');
  if (problems.length) {
    const shown = [...problems.slice(0, 20), ...(problems.length > 20 ? [`…and ${problems.length - 20} more problems not listed.`] : [])];
    shown[shown.length - 1] += ' Nothing was changed.';
    return { ok: false, problems: shown };
  }
  return { ok: true, backup: parsed.backup, data: transfer };
}

// ---- The merge plan ----

/**
 * new: not on this device. same: identical. theirs: only the file changed since the last sync.
 * ours: only this device changed. conflict: both changed since the last sync. differs: never
 * synced, and not the same. clash: cannot be added (another certification holds its year).
 */
export type MergeStatus = 'new' | 'same' | 'theirs' | 'ours' | 'conflict' | 'differs' | 'clash';
export type Side = 'theirs' | 'ours';

export interface MergeItem {
  table: TransferTable;
  id: string;
  label: string;
  status: MergeStatus;
  /** Which side was saved later (by its updated or signed time); undefined when new, same or equal. */
  newer?: Side;
  theirs: TransferRow;
  ours?: TransferRow;
  theirsHash: string;
  oursHash?: string;
  /** Why a clash cannot be added. */
  reason?: string;
  /** Worth knowing before adding it (a new client whose Filer ID another client here has). */
  note?: string;
}

export interface MergePlan {
  items: MergeItem[];
  /** Change-log entries of the file not yet on this device. */
  newChanges: ChangeLogEntry[];
}

export interface LocalState {
  rows: Partial<Record<TransferTable, TransferRow[]>>;
  /** Sync bases by `syncKey`. */
  bases: Map<string, string>;
  /** This device's certifications of the file's clients (to find a second one for a year). */
  certificationsOfClients: Certification[];
  changeKeys: Set<string>;
}

function savedAt(table: TransferTable, row: TransferRow): string {
  if (table === 'signedPackages') return String(row.reopenedAt ?? row.signedAt ?? '');
  return String(row.updatedAt ?? '');
}

function labelOf(table: TransferTable, row: TransferRow, clientNames: Map<string, string>): string {
  const client = typeof row.clientId === 'string' ? clientNames.get(row.clientId) : undefined;
  const of = client ? ` of ${client}` : '';
  switch (table) {
    case 'clients':
      return `Client ${String(row.legalName)}`;
    case 'preparers':
      return `Preparer ${String(row.name)}`;
    case 'records':
      return `Record (${String(row.kind)})${of}`;
    case 'certifications':
      return `${String(row.certificationYear)} certification${of}`;
    case 'signedPackages':
      return `Signed ${String(row.certificationYear)} package${of}`;
  }
}

export function planMerge(file: ClientTransferData, local: LocalState): MergePlan {
  const clientNames = new Map<string, string>(file.clients.map((c) => [c.id, c.legalName]));
  const items: MergeItem[] = [];
  for (const table of TRANSFER_TABLES) {
    const ours = new Map((local.rows[table] ?? []).map((r) => [r.id, r]));
    for (const row of file[table] as unknown as TransferRow[]) {
      const theirsHash = rowHash(table, row);
      const mine = ours.get(row.id);
      const base: Omit<MergeItem, 'status'> = { table, id: row.id, label: labelOf(table, row, clientNames), theirs: row, theirsHash };
      if (!mine) {
        if (table === 'certifications') {
          const cert = row as unknown as Certification;
          const other = local.certificationsOfClients.find((c) => c.clientId === cert.clientId && c.certificationYear === cert.certificationYear && c.id !== cert.id && !c.amendedById);
          if (other && !cert.amendedById) {
            items.push({ ...base, status: 'clash', reason: `This device already has another ${cert.certificationYear} certification for this client; it is not imported (open both and keep one).` });
            continue;
          }
        }
        items.push({ ...base, status: 'new' });
        continue;
      }
      const oursHash = rowHash(table, mine);
      const withOurs = { ...base, ours: mine, oursHash };
      if (oursHash === theirsHash) {
        items.push({ ...withOurs, status: 'same' });
        continue;
      }
      const a = savedAt(table, row);
      const b = savedAt(table, mine);
      const newer: Side | undefined = a > b ? 'theirs' : b > a ? 'ours' : undefined;
      const synced = local.bases.get(syncKey(table, row.id));
      const status: MergeStatus = synced === undefined ? 'differs' : synced === oursHash ? 'theirs' : synced === theirsHash ? 'ours' : 'conflict';
      items.push({ ...withOurs, status, newer });
    }
  }
  // An item whose parent is not taken cannot be taken: a clash's signed package goes with it.
  const clashed = new Set(items.filter((i) => i.status === 'clash').map((i) => i.id));
  for (const item of items)
    if (item.status === 'new' && item.table === 'signedPackages' && clashed.has(String(item.theirs.certificationId)))
      Object.assign(item, { status: 'clash', reason: 'Its certification is not imported.' });
  const newChanges = file.changeLog.filter((e) => !local.changeKeys.has(changeKey(e)));
  return { items, newChanges };
}

export type Choices = Record<string, Side>;
export const itemKey = (i: Pick<MergeItem, 'table' | 'id'>) => syncKey(i.table, i.id);

/** The side taken unless the user picks: the file where only it changed, ours where only ours did, else the newer (ours on a tie). */
export function defaultSide(item: MergeItem): Side | undefined {
  switch (item.status) {
    case 'new':
    case 'theirs':
      return 'theirs';
    case 'ours':
      return 'ours';
    case 'conflict':
    case 'differs':
      return item.newer ?? 'ours';
    default:
      return undefined;
  }
}

/** "Newer wins" for every item that differs. */
export function newerWins(plan: MergePlan): Choices {
  const out: Choices = {};
  for (const item of plan.items) {
    const side = item.status === 'new' ? 'theirs' : item.status === 'same' || item.status === 'clash' ? undefined : (item.newer ?? 'ours');
    if (side) out[itemKey(item)] = side;
  }
  return out;
}

/** The rows to write: each item whose chosen side is the file's (new rows included). */
export function rowsToWrite(plan: MergePlan, choices: Choices): MergeItem[] {
  return plan.items.filter((i) => i.status !== 'same' && i.status !== 'clash' && (choices[itemKey(i)] ?? defaultSide(i)) === 'theirs');
}

export interface PlanSummary {
  added: number;
  updated: number;
  kept: number;
  conflicts: number;
  skipped: number;
  changes: number;
}

export function summarize(plan: MergePlan, choices: Choices): PlanSummary {
  const writes = new Set(rowsToWrite(plan, choices).map(itemKey));
  const count = (f: (i: MergeItem) => boolean) => plan.items.filter(f).length;
  return {
    added: count((i) => i.status === 'new' && writes.has(itemKey(i))),
    updated: count((i) => i.status !== 'new' && writes.has(itemKey(i))),
    kept: count((i) => i.status !== 'same' && i.status !== 'clash' && i.status !== 'new' && !writes.has(itemKey(i))),
    conflicts: count((i) => i.status === 'conflict'),
    skipped: count((i) => i.status === 'clash' || (i.status === 'new' && !writes.has(itemKey(i)))),
    changes: plan.newChanges.length,
  };
}

/** The ids of a client's rows, for picking its change-log entries. */
export function changesOf(data: Omit<ClientTransferData, 'changeLog'>, log: ChangeLogEntry[]): ChangeLogEntry[] {
  const ids = {
    client: new Set(data.clients.map((c) => c.id)),
    record: new Set(data.records.map((r) => r.id)),
    certification: new Set(data.certifications.map((c) => c.id)),
    preparer: new Set<string>(),
    settings: new Set<string>(),
  };
  return log.filter((e) => ids[e.entity].has(e.entityId));
}
