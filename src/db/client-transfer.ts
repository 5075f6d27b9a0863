/**
 * Export and import of chosen clients. The file's shape, its checks and the merge plan live in
 * domain/client-transfer.ts; here the rows are read in one transaction and the chosen ones
 * written in one (every write still checked against its entity by database.ts), with the sync
 * bases that let a later import tell "only the file changed" from "both changed".
 */
import { defaultSettings } from '../domain/entities';
import { encryptBackup, unsealFile } from '../domain/backup-crypto';
import {
  changeKey,
  changesOf,
  clientFileEnvelope,
  clientFileName,
  itemKey,
  parseClientFile,
  planMerge,
  rowHash,
  rowsToWrite,
  summarize,
  syncKey,
  TABLE_NOUNS,
  TRANSFER_TABLES,
  type Choices,
  type ClientTransferData,
  type MergePlan,
  type ParsedClientFile,
  type PlanSummary,
  type TransferRow,
  type TransferTable,
} from '../domain/client-transfer';
import { recordDate, type ComplianceRecord } from '../domain/records';
import type { Client } from '../domain/schema';
import { todayLocal } from '../domain/dates';
import type { SignedPackage } from '../domain/signed-package';
import { CURRENT_SCHEMA_VERSION } from './backup';
import { db, nowInstant, type StoredRecord } from './database';
import { logChange, logChanges } from './change-log';
import { everyRecordOf } from './records';

function tables() {
  const d = db();
  return [d.clients, d.preparers, d.records, d.certifications, d.signedPackages, d.changeLog, d.syncBases];
}

const withoutDate = (row: StoredRecord): ComplianceRecord => {
  const record: Partial<StoredRecord> = { ...row };
  delete record.date;
  return record as ComplianceRecord;
};

/** The chosen clients with everything that belongs to them, read as one snapshot. */
async function readClients(clientIds: string[]): Promise<ClientTransferData> {
  const d = db();
  const clients = (await d.clients.bulkGet(clientIds)).filter((c) => c !== undefined);
  const ids = clients.map((c) => c.id);
  const records = (await everyRecordOf(ids)).map(withoutDate);
  const certifications = await d.certifications.where('clientId').anyOf(ids).toArray();
  const signedPackages = await d.signedPackages.where('certificationId').anyOf(certifications.map((c) => c.id)).toArray();
  const preparerIds = [...new Set(certifications.map((c) => c.preparerId).filter(Boolean))];
  const preparers = (await d.preparers.bulkGet(preparerIds)).filter((p) => p !== undefined);
  const log = await d.changeLog.orderBy('seq').toArray();
  const data = { clients, preparers, records, certifications, signedPackages };
  return { ...data, changeLog: changesOf(data, log) };
}

export interface ClientFile {
  text: string;
  fileName: string;
  encrypted: boolean;
  clients: number;
}

/**
 * The chosen clients as the text of a client file, encrypted when a passphrase is given. Each
 * exported row's hash becomes this device's sync base for it (the other device will hold exactly it).
 */
export async function exportClients(clientIds: string[], options: { passphrase?: string; createdAt?: string; iterations?: number } = {}): Promise<ClientFile> {
  const createdAt = options.createdAt ?? nowInstant();
  const d = db();
  const data = await d.transaction('rw', tables(), async () => {
    const read = await readClients(clientIds);
    await d.syncBases.bulkPut(
      TRANSFER_TABLES.flatMap((table) => (read[table] as unknown as TransferRow[]).map((row) => ({ key: syncKey(table, row.id), hash: rowHash(table, row), at: createdAt }))),
    );
    return read;
  });
  if (data.clients.length === 0) throw new Error('None of the chosen clients is on this device any more.');
  const envelope = clientFileEnvelope(data, { createdAt, schemaVersion: CURRENT_SCHEMA_VERSION, defaultSettings: defaultSettings() });
  const fileName = clientFileName(
    data.clients.map((c) => c.legalName),
    options.createdAt ? createdAt.slice(0, 10) : todayLocal(),
  );
  if (options.passphrase) {
    const sealed = await encryptBackup(envelope, options.passphrase, options.iterations);
    return { text: JSON.stringify(sealed), fileName, encrypted: true, clients: data.clients.length };
  }
  return { text: JSON.stringify(envelope), fileName, encrypted: false, clients: data.clients.length };
}

export type ReadClientFile = ParsedClientFile | { ok: false; problems: string[]; needsPassphrase: true };

/** Reads a client file's bytes (decrypting it with the passphrase when it is encrypted). Changes nothing. */
export async function readClientFile(bytes: Uint8Array | ArrayBuffer | string, passphrase = ''): Promise<ReadClientFile> {
  const unsealed = await unsealFile(bytes, passphrase, { file: 'client file', untouched: 'Nothing was changed.' });
  if (!unsealed.ok) return !passphrase && unsealed.encrypted ? { ok: false, needsPassphrase: true, problems: unsealed.problems } : { ok: false, problems: unsealed.problems };
  if (!unsealed.encrypted) {
    try {
      JSON.parse(unsealed.text);
    } catch {
      return { ok: false, problems: ['This is not a valid client file: its text is not complete JSON. The file may have been cut short or changed after it was saved. Nothing was changed.'] };
    }
  }
  return parseClientFile(unsealed.text, { schemaVersion: CURRENT_SCHEMA_VERSION });
}

/** This device's side of the merge, read with Dexie calls only (so the transaction stays open). */
async function planNow(data: ClientTransferData): Promise<MergePlan> {
  const d = db();
  const keys = TRANSFER_TABLES.flatMap((t) => (data[t] as unknown as TransferRow[]).map((r) => syncKey(t, r.id)));
  const ids = new Set([...data.clients, ...data.records, ...data.certifications].map((r) => r.id));
  const [found, bases, certificationsOfClients, entries] = await Promise.all([
    Promise.all(TRANSFER_TABLES.map((table) => d.table(table).bulkGet((data[table] as unknown as TransferRow[]).map((r) => r.id)) as Promise<(TransferRow | undefined)[]>)),
    d.syncBases.bulkGet(keys),
    d.certifications.where('clientId').anyOf(data.clients.map((c) => c.id)).toArray(),
    d.changeLog.filter((e) => ids.has(e.entityId)).toArray(),
  ]);
  const rows = {} as Record<TransferTable, TransferRow[]>;
  TRANSFER_TABLES.forEach((table, i) => {
    const present = found[i]!.filter((r): r is TransferRow => r !== undefined);
    rows[table] = table === 'records' ? present.map((r) => withoutDate(r as unknown as StoredRecord) as unknown as TransferRow) : present;
  });
  const plan = planMerge(data, {
    rows,
    bases: new Map(bases.filter((b) => b !== undefined).map((b) => [b.key, b.hash])),
    certificationsOfClients,
    changeKeys: new Set(entries.map(changeKey)),
  });
  // A client new to this device under a Filer ID another client here has: the same carrier twice?
  const added = plan.items.filter((i) => i.table === 'clients' && i.status === 'new');
  const sameFiler = await d.clients.where('filerId').anyOf(added.map((i) => (i.theirs as unknown as Client).filerId)).toArray();
  for (const item of added) {
    const filerId = (item.theirs as unknown as Client).filerId;
    const here = sameFiler.filter((c) => c.filerId === filerId && c.id !== item.id);
    if (here.length) item.note = `${here.map((c) => c.legalName).join(', ')} on this device ${here.length === 1 ? 'has' : 'have'} the same Filer ID ${filerId}: check it is not the same carrier twice before adding it.`;
  }
  return plan;
}

/** The merge preview of a checked client file against this device. Changes nothing. */
export async function previewClientImport(data: ClientTransferData): Promise<MergePlan> {
  const d = db();
  return d.transaction('r', tables(), () => planNow(data));
}

export class ImportChangedMeanwhile extends Error {
  constructor(what: string) {
    super(`${what} changed on this device while you looked at the preview, so nothing was imported. Look at the preview again.`);
    this.name = 'ImportChangedMeanwhile';
  }
}

/**
 * Applies the user's choices in one transaction: the rows taken from the file are written
 * through the entity checks, the file's change-log entries this device lacks are added, each
 * write is logged, and every row of the file becomes synced at the file's hash. If this
 * device's rows moved since the preview, or any write is refused, nothing is changed.
 */
export async function applyClientImport(data: ClientTransferData, plan: MergePlan, choices: Choices, at: string = nowInstant()): Promise<PlanSummary> {
  const d = db();
  return d.transaction('rw', tables(), async () => {
    const now = await planNow(data);
    const before = new Map(plan.items.map((i) => [itemKey(i), i.oursHash]));
    for (const item of now.items) if (before.get(itemKey(item)) !== item.oursHash) throw new ImportChangedMeanwhile(item.label);
    const writes = rowsToWrite(now, choices);
    const localDefault = await d.preparers.filter((p) => p.isDefault).first();
    for (const item of writes) {
      const table = d.table(item.table);
      let row: Record<string, unknown> = { ...item.theirs };
      if (item.table === 'records') row.date = recordDate(item.theirs as unknown as ComplianceRecord);
      if (item.table === 'preparers' && row.isDefault === true && localDefault && localDefault.id !== item.id) row.isDefault = false;
      if (item.ours) row = { ...row, rev: item.ours.rev };
      else delete row.rev;
      await table.put(row);
      const entity = item.table === 'signedPackages' ? 'certification' : item.table === 'clients' ? 'client' : item.table === 'preparers' ? 'preparer' : item.table === 'records' ? 'record' : 'certification';
      const entityId = item.table === 'signedPackages' ? String((item.theirs as unknown as SignedPackage).certificationId) : item.id;
      await logChange({ entity, entityId, action: item.ours ? 'update' : 'create', summary: `${item.ours ? 'Updated' : 'Added'} ${TABLE_NOUNS[item.table]} from a client file` });
    }
    // The other device's entries join this device's chain as they come: numbered and hashed again
    // here, with their own times and words.
    if (now.newChanges.length)
      await logChanges(
        now.newChanges.map((entry) => {
          const copy = { ...entry };
          delete copy.seq;
          delete copy.prev;
          delete copy.hash;
          return copy;
        }),
        { asRecorded: true },
      );
    await d.syncBases.bulkPut(now.items.filter((i) => i.status !== 'clash').map((i) => ({ key: itemKey(i), hash: i.theirsHash, at })));
    return summarize(now, choices);
  });
}

