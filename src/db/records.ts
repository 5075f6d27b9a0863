import Dexie from 'dexie';
import type { Accessor } from 'solid-js';
import * as v from 'valibot';
import { validate, type FieldErrors } from '../domain/schema';
import { RECORD_FIELD_SCHEMAS, approvalKey, recordDate, type ComplianceRecord, type RecordKind } from '../domain/records';
import { CHANGED_ELSEWHERE } from '../domain/conflicts';
import { changesOf } from '../domain/change-diff';
import { db, newId, nowInstant, type StoredRecord } from './database';
import { logChange } from './change-log';
import { createLiveQuery } from './live';
import { createLiveValue } from './live-value';
import { liveSourceFamily } from './live-source';
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

export const DELETED_ELSEWHERE =
  'This record was deleted in another tab or window while it was being edited here, so nothing was saved. What you typed is kept as a draft: restore the record from its page if the edit is still wanted.';

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
    // Deleted since the form loaded it: an edit lost a race with a delete (never taken as a conflict to resolve).
    if (existing?.deletedAt && expectedRev !== undefined && existing.rev !== expectedRev) return { ok: false, errors: { '': DELETED_ELSEWHERE } };
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
    // A delete is not among the writes the log diffs, so the purged fields are listed here.
    await logChange({ entity: 'record', entityId: id, action: 'purge', summary: `Purged ${record.kind} record dated ${record.date}`, changes: changesOf('purge', record, undefined) });
    return true;
  });
}

export function getRecord(id: string): Promise<StoredRecord | undefined> {
  return db().records.get(id);
}

/** Every deleted record: few by nature, read whole from the `deletedAt` index. */
export function deletedRecords(): Promise<StoredRecord[]> {
  return db().records.where('deletedAt').above('').toArray();
}

/** Every record of these clients, deleted ones included (a client file carries them all). */
export async function everyRecordOf(clientIds: readonly string[]): Promise<StoredRecord[]> {
  const records = db().records;
  const chosen = new Set(clientIds);
  const [live, deleted] = await Promise.all([
    Promise.all(clientIds.map((id) => records.where('[clientId+liveDate]').between([id, Dexie.minKey], [id, Dexie.maxKey], true, true).toArray())),
    deletedRecords(),
  ]);
  return [...live.flat(), ...deleted.filter((r) => chosen.has(r.clientId))];
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

/** Equal for two queries that ask for the same records (whatever object holds them). */
export function recordQueryKey(q: RecordQuery): string {
  return JSON.stringify([q.clientId ?? '', q.kind ?? '', q.deleted === true, q.from ?? '', q.to ?? '', q.order === 'asc' ? 'asc' : 'desc', q.offset ?? 0, q.limit ?? 50]);
}

/** The deleted records a query asks for, in its order (few by nature: read whole and sorted here). */
async function deletedMatching(q: RecordQuery): Promise<StoredRecord[]> {
  const inRange = (r: StoredRecord) =>
    (!q.clientId || r.clientId === q.clientId) && (!q.kind || r.kind === q.kind) && (!q.from || r.date >= q.from) && (!q.to || r.date <= q.to);
  const rows = (await deletedRecords()).filter(inRange);
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (q.order !== 'asc') rows.reverse();
  return rows;
}

/**
 * The live records a query asks for, as a key range of one of the `liveDate` indexes (which
 * hold live records only, schema version 5), in its order. A fresh collection each time:
 * Dexie's offset and limit change a collection in place.
 */
function liveRange(q: RecordQuery) {
  const table = db().records;
  const from = q.from ?? Dexie.minKey;
  const to = q.to ?? Dexie.maxKey;
  const collection =
    q.clientId && q.kind
      ? table.where('[clientId+kind+liveDate]').between([q.clientId, q.kind, from], [q.clientId, q.kind, to], true, true)
      : q.clientId
        ? table.where('[clientId+liveDate]').between([q.clientId, from], [q.clientId, to], true, true)
        : q.kind
          ? table.where('[kind+liveDate]').between([q.kind, from], [q.kind, to], true, true)
          : table.where('liveDate').between(from, to, true, true);
  return q.order === 'asc' ? collection : collection.reverse();
}

/**
 * One page of records by date: live records through a key range (IndexedDB skips to the page
 * itself, however many records are deleted), deleted ones from the `deletedAt` index.
 */
export async function recordsPage(q: RecordQuery): Promise<StoredRecord[]> {
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 50;
  if (q.deleted === true) return (await deletedMatching(q)).slice(offset, offset + limit);
  return liveRange(q).offset(offset).limit(limit).toArray();
}

/**
 * How many records a query matches. Apart from the page: counting a long range can take far
 * longer than reading a page of it (in a database that has been written for years, hundreds of
 * milliseconds for 150,000 records), and the page need not wait for it.
 */
export async function countRecords(q: RecordQuery): Promise<number> {
  if (q.deleted === true) return (await deletedMatching(q)).length;
  return liveRange(q).count();
}

/** A page of records and how many the query matches, read in one transaction. */
export async function queryRecords(q: RecordQuery): Promise<{ rows: StoredRecord[]; total: number }> {
  const database = db();
  return database.transaction('r', database.records, async () => {
    const [rows, total] = await Promise.all([recordsPage(q), countRecords(q)]);
    return { rows, total };
  });
}

/** Up to this many clients, the training check reads each client's own records. */
const FEW_CLIENTS = 20;

/**
 * For the training check of many clients at once, in one read transaction: the clients (of
 * `clientIds`) with a live training record in each year from `fromYear` to `toYear`, and the
 * earliest live record date of each client in `checkFirst` (clients added to CPNI Desk after
 * the start of a year, who may still have records from before).
 */
export async function trainingFacts(
  clientIds: readonly string[],
  fromYear: number,
  toYear: number,
  checkFirst: readonly string[],
): Promise<{ trained: Map<number, Set<string>>; firstDate: Map<string, string> }> {
  const database = db();
  const table = database.records;
  return database.transaction('r', table, async () => {
    const wanted = new Set(clientIds);
    const from = `${fromYear}-01-01`;
    const to = `${toYear}-12-31`;
    // A few clients: their own ranges; many: one range of every client's training, filtered here.
    const trainingOf = (ids: readonly string[]) =>
      ids.length <= FEW_CLIENTS
        ? Promise.all(ids.map((id) => table.where('[clientId+kind+liveDate]').between([id, 'training', from], [id, 'training', to], true, true).toArray())).then((lists) => lists.flat())
        : table.where('[kind+liveDate]').between(['training', from], ['training', to], true, true).toArray();
    const [training, firsts] = await Promise.all([
      trainingOf(clientIds),
      Promise.all(
        checkFirst.map((id) =>
          table
            .where('[clientId+liveDate]')
            .between([id, Dexie.minKey], [id, Dexie.maxKey], true, true)
            .first()
            .then((r) => [id, r?.date] as const),
        ),
      ),
    ]);
    const trained = new Map<number, Set<string>>();
    for (const r of training) {
      if (!wanted.has(r.clientId)) continue;
      const year = Number(r.date.slice(0, 4));
      if (!trained.has(year)) trained.set(year, new Set());
      trained.get(year)!.add(r.clientId);
    }
    const firstDate = new Map<string, string>();
    for (const [id, date] of firsts) if (date) firstDate.set(id, date);
    return { trained, firstDate };
  });
}

export function createRecordsQuery(q: Accessor<RecordQuery>) {
  return createLiveQuery((query) => queryRecords(query), { rows: [] as StoredRecord[], total: 0 }, q);
}

/** One page of records per query, shared (the route reads it while the screen loads). */
export const recordsPageSource = liveSourceFamily(recordQueryKey, recordsPage);
/** How many records a query matches, with the query's key (a new query shows no stale count). */
export const recordsCountSource = liveSourceFamily(recordQueryKey, async (query: RecordQuery) => ({ key: recordQueryKey(query), total: await countRecords(query) }));

/** One page of records, live; its count is `createRecordsCountQuery`, which the page never waits for. */
export function createRecordsPageQuery(q: Accessor<RecordQuery>) {
  return createLiveQuery({ shared: recordsPageSource }, [] as StoredRecord[], q);
}

/** How many records a query matches, live, with the key of the query it was counted for. */
export function createRecordsCountQuery(q: Accessor<RecordQuery>) {
  return createLiveValue({ shared: recordsCountSource }, undefined as { key: string; total: number } | undefined, q);
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
            .records.where('[clientId+kind+liveDate]')
            .between([id, 'notice', Dexie.minKey], [id, 'notice', Dexie.maxKey], true, true)
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
      .where('[clientId+kind+liveDate]')
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
