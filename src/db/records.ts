import Dexie from 'dexie';
import type { Accessor } from 'solid-js';
import * as v from 'valibot';
import { validate, type FieldErrors } from '../domain/schema';
import { RECORD_FIELD_SCHEMAS, approvalKey, recordDate, type ComplianceRecord, type RecordKind } from '../domain/records';
import { CHANGED_ELSEWHERE } from '../domain/conflicts';
import { db, newId, nowInstant, type StoredRecord } from './database';
import { logChange } from './change-log';
import { createLiveQuery } from './live';
import type { SaveResult } from './clients';

export type RecordFields<K extends RecordKind> = v.InferOutput<(typeof RECORD_FIELD_SCHEMAS)[K]>;

export function validateRecord(kind: RecordKind, input: unknown) {
  return validate(RECORD_FIELD_SCHEMAS[kind] as v.GenericSchema, input) as
    | { ok: true; value: Record<string, unknown> }
    | { ok: false; errors: FieldErrors };
}

function stored(kind: RecordKind, clientId: string, fields: Record<string, unknown>, id: string, createdAt: string, now: string): StoredRecord {
  const record = { ...fields, id, clientId, kind, createdAt, updatedAt: now } as unknown as ComplianceRecord;
  return { ...record, date: recordDate(record) };
}

/**
 * Validates and stores a record of `kind`; nothing is written when validation fails, or when
 * the stored record is no longer revision `expectedRev` (compare-and-swap in the same
 * transaction). Deleting and restoring are their own steps: a save keeps `deletedAt` as stored.
 */
export async function saveRecord(kind: RecordKind, clientId: string, input: unknown, id?: string, expectedRev?: number): Promise<SaveResult<StoredRecord>> {
  const result = validateRecord(kind, input);
  if (!result.ok) return result;
  const database = db();
  return database.transaction('rw', database.records, database.clients, database.changeLog, async (): Promise<SaveResult<StoredRecord>> => {
    if (!(await database.clients.get(clientId))) return { ok: false, errors: { clientId: 'Choose the client this record belongs to.' } };
    const now = nowInstant();
    const existing = id ? await database.records.get(id) : undefined;
    if (id && !existing) return { ok: false, errors: { '': 'This record no longer exists (it may have been purged in another tab).' } };
    if (existing && expectedRev !== undefined && existing.rev !== expectedRev) return { ok: false, errors: { '': CHANGED_ELSEWHERE }, conflict: existing };
    const rowId = existing?.id ?? newId();
    const rev = (existing?.rev ?? 0) + 1;
    const row = { ...stored(kind, clientId, result.value, rowId, existing?.createdAt ?? now, now), rev } as StoredRecord;
    if (existing?.deletedAt) row.deletedAt = existing.deletedAt;
    await database.records.put(row);
    await logChange({ entity: 'record', entityId: rowId, action: existing ? 'update' : 'create', summary: `${existing ? 'Updated' : 'Added'} ${kind} record` });
    return { ok: true, id: rowId, rev };
  });
}

/** Adds many records of one kind in one transaction: all are stored, or none. */
export async function addRecords(kind: RecordKind, clientId: string, rows: Record<string, unknown>[]): Promise<number> {
  const database = db();
  return database.transaction('rw', database.records, database.changeLog, async () => {
    const now = nowInstant();
    const items = rows.map((fields) => stored(kind, clientId, fields, newId(), now, now));
    await database.records.bulkAdd(items);
    await logChange({ entity: 'record', entityId: clientId, action: 'create', summary: `Imported ${items.length} ${kind} records` });
    return items.length;
  });
}

export async function softDeleteRecord(id: string): Promise<void> {
  await setDeleted(id, nowInstant());
}

export async function restoreRecord(id: string): Promise<void> {
  await setDeleted(id, undefined);
}

async function setDeleted(id: string, deletedAt: string | undefined) {
  const database = db();
  await database.transaction('rw', database.records, database.changeLog, async () => {
    const record = await database.records.get(id);
    if (!record) return;
    await database.records.put({ ...record, deletedAt, updatedAt: nowInstant() } as StoredRecord);
    await logChange({ entity: 'record', entityId: id, action: deletedAt ? 'delete' : 'restore', summary: `${deletedAt ? 'Deleted' : 'Restored'} ${record.kind} record` });
  });
}

/**
 * Removes a soft-deleted record for good. The caller decides, with the rulebook, that its
 * retention period has passed; this refuses a record that was not deleted first.
 */
export async function purgeRecord(id: string, allowed: (record: StoredRecord) => boolean): Promise<boolean> {
  const database = db();
  return database.transaction('rw', database.records, database.changeLog, async () => {
    const record = await database.records.get(id);
    if (!record || !record.deletedAt || !allowed(record)) return false;
    await database.records.delete(id);
    await logChange({ entity: 'record', entityId: id, action: 'purge', summary: `Purged ${record.kind} record dated ${record.date}` });
    return true;
  });
}

export function getRecord(id: string): Promise<StoredRecord | undefined> {
  return db().records.get(id);
}

export interface RecordQuery {
  clientId?: string;
  kind?: RecordKind;
  deleted?: boolean; // true: only deleted; false/undefined: only live
  from?: string;
  to?: string;
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/**
 * One page of records by date, through the narrowest index the filter allows. The page is
 * found on primary keys alone and only its rows are read: a cursor filtered on `deletedAt`
 * would read every row in the range for each page and for the count.
 */
export async function queryRecords(q: RecordQuery): Promise<{ rows: StoredRecord[]; total: number }> {
  const database = db();
  const table = database.records;
  const from = q.from ?? Dexie.minKey;
  const to = q.to ?? Dexie.maxKey;
  return database.transaction('r', table, async () => {
    let collection =
      q.clientId && q.kind
        ? table.where('[clientId+kind+date]').between([q.clientId, q.kind, from], [q.clientId, q.kind, to], true, true)
        : q.clientId
          ? table.where('[clientId+date]').between([q.clientId, from], [q.clientId, to], true, true)
          : q.kind
            ? table.where('[kind+date]').between([q.kind, from], [q.kind, to], true, true)
            : table.where('date').between(from, to, true, true);
    if (q.order !== 'asc') collection = collection.reverse();
    // Only soft-deleted rows are in the deletedAt index (a restored row's deletedAt is undefined).
    const deleted = new Set(await table.where('deletedAt').above('').primaryKeys());
    const wantDeleted = q.deleted === true;
    const offset = q.offset ?? 0;
    const limit = q.limit ?? 50;
    if (deleted.size === 0) {
      // The usual case: nothing is deleted, so the index counts and skips by itself.
      if (wantDeleted) return { rows: [], total: 0 };
      const total = await collection.clone().count();
      return { rows: await collection.offset(offset).limit(limit).toArray(), total };
    }
    const ids = (await collection.primaryKeys()).filter((id) => deleted.has(id) === wantDeleted);
    const page = await table.bulkGet(ids.slice(offset, offset + limit));
    return { rows: page.filter((r): r is StoredRecord => r !== undefined), total: ids.length };
  });
}

export function createRecordsQuery(q: Accessor<RecordQuery>) {
  return createLiveQuery((query) => queryRecords(query), { rows: [] as StoredRecord[], total: 0 }, q);
}

export function createRecordQuery(id: Accessor<string>) {
  return createLiveQuery((recordId) => getRecord(recordId), undefined as StoredRecord | undefined, id);
}

/** The live opt-out notices of one client ('' : none), oldest first: the record page needs the next one after a notice. */
export function createClientNoticesQuery(clientId: Accessor<string>) {
  return createLiveQuery(
    (id) =>
      id
        ? db()
            .records.where('[clientId+kind+date]')
            .between([id, 'notice', Dexie.minKey], [id, 'notice', Dexie.maxKey], true, true)
            .filter((r) => !r.deletedAt)
            .toArray()
            .then((rows) => rows.filter((r): r is Extract<StoredRecord, { kind: 'notice' }> => r.kind === 'notice'))
        : [],
    [] as Extract<StoredRecord, { kind: 'notice' }>[],
    clientId,
  );
}

export interface ApprovalImportRow {
  /** The row number in the file (as a spreadsheet shows it), for the report. */
  row: number;
  value: Record<string, unknown>;
}

export interface ApprovalImportResult {
  added: number;
  /** Rows not added because the same approval is already stored for this client (approvalKey). */
  alreadyStored: number[];
}

/**
 * Adds the approvals of an import, skipping any whose natural key (approvalKey: account, type,
 * decision, date) is already stored for the client, so importing the same file twice adds
 * nothing the second time. One transaction: all new rows are stored, or none.
 */
export async function importApprovals(clientId: string, rows: readonly ApprovalImportRow[]): Promise<ApprovalImportResult> {
  const database = db();
  return database.transaction('rw', database.records, database.changeLog, async () => {
    const existing = await database.records
      .where('[clientId+kind+date]')
      .between([clientId, 'approval', Dexie.minKey], [clientId, 'approval', Dexie.maxKey], true, true)
      .toArray();
    const seen = new Set(existing.filter((r) => !r.deletedAt && r.kind === 'approval').map((r) => approvalKey(clientId, r as Extract<StoredRecord, { kind: 'approval' }>)));
    const fresh: Record<string, unknown>[] = [];
    const alreadyStored: number[] = [];
    for (const { row, value } of rows) {
      const key = approvalKey(clientId, value as Parameters<typeof approvalKey>[1]);
      if (seen.has(key)) alreadyStored.push(row);
      else {
        seen.add(key);
        fresh.push(value);
      }
    }
    const now = nowInstant();
    if (fresh.length) {
      await database.records.bulkAdd(fresh.map((fields) => stored('approval', clientId, fields, newId(), now, now)));
      await logChange({ entity: 'record', entityId: clientId, action: 'create', summary: `Imported ${fresh.length} approval records${alreadyStored.length ? `, skipped ${alreadyStored.length} already stored` : ''}` });
    }
    return { added: fresh.length, alreadyStored };
  });
}
