import Dexie from 'dexie';
import { chained, verifyChain, type ChainCheck } from '../domain/change-chain';
import { changesOf, type FieldChange } from '../domain/change-diff';
import type { ChainHead } from '../domain/entities';
import { db, nowInstant, rowsWritten, type ChangeLogEntry } from './database';
import { createLiveQuery } from './live';

type NewEntry = Omit<ChangeLogEntry, 'at' | 'seq' | 'prev' | 'hash' | 'by' | 'changes'> & { at?: string; changes?: FieldChange[]; /** Only with `asRecorded`: the author another device recorded. */ by?: string };

const TABLE_OF: Record<ChangeLogEntry['entity'], string> = { client: 'clients', preparer: 'preparers', settings: 'settings', record: 'records', certification: 'certifications' };

/** The second copy of the chain's head, outside IndexedDB: per database, in this browser's localStorage. */
const headKey = () => `cpni-desk:change-log-head:${db().name}`;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage blocked: the settings row still holds the head
  }
}

export function storedHead(): ChainHead | undefined {
  try {
    const head = JSON.parse(storage()?.getItem(headKey()) ?? 'null') as ChainHead | null;
    return head && typeof head.seq === 'number' && typeof head.hash === 'string' ? head : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the head outside IndexedDB; an older head never replaces a newer one unless `replace` (a restore). */
export function rememberHead(head: ChainHead | undefined, replace = false): void {
  const store = storage();
  if (!store) return;
  if (!head) return store.removeItem(headKey());
  const known = storedHead();
  if (replace || !known || known.seq <= head.seq) store.setItem(headKey(), JSON.stringify(head));
}

/**
 * Appends to the change log, each entry linked to the one before it by its hash; call inside
 * the transaction of the write it describes (the read of the last entry and the add are then
 * one step, so two writes never link to the same entry). Each entry names the user set in
 * Settings and, field by field, what the transaction's write of that row changed. The new head
 * (number and hash of the last entry) is written to the settings row in the same transaction,
 * and to localStorage once the transaction has committed.
 */
export async function logChanges(entries: readonly NewEntry[], options: { asRecorded?: boolean } = {}): Promise<void> {
  if (!entries.length) return;
  const d = db();
  const table = d.changeLog;
  const settings = await d.settings.get('app');
  const by = settings?.userName?.trim();
  let prev = (await table.orderBy('seq').last())?.hash ?? '';
  const now = nowInstant();
  const rows = entries.map((e) => {
    // Entries from another device (`asRecorded`) keep their own author and field changes: this
    // device's user did not make them, and this transaction's writes are not what they describe.
    const written = e.changes || options.asRecorded ? undefined : rowsWritten(TABLE_OF[e.entity], e.entityId);
    const changes = e.changes ?? (written ? changesOf(e.action, written.before, written.after) : []);
    const author = options.asRecorded ? e.by?.trim() : by;
    const rest: NewEntry = { ...e };
    delete rest.changes;
    delete rest.by;
    const row = chained(prev, { ...rest, at: e.at ?? now, ...(author ? { by: author } : {}), ...(changes.length ? { changes } : {}) });
    prev = row.hash;
    return row;
  });
  const lastSeq = (await table.bulkAdd(rows)) as number;
  const head: ChainHead = { seq: lastSeq, hash: prev, at: rows[rows.length - 1]!.at };
  if (settings) await d.settings.update('app', { changeLogHead: head });
  else await d.settings.put({ key: 'app', changeLogHead: head } as never);
  let tx = Dexie.currentTransaction;
  while (tx?.parent) tx = tx.parent;
  if (tx) tx.on('complete', () => rememberHead(head));
  else rememberHead(head);
}

export function logChange(entry: NewEntry): Promise<void> {
  return logChanges([entry]);
}

/** The head as recorded: the settings row's, or localStorage's when that one is further on. */
async function recordedHead(): Promise<ChainHead | undefined> {
  const inSettings = (await db().settings.get('app'))?.changeLogHead;
  const outside = storedHead();
  if (!inSettings) return outside;
  return outside && outside.seq > inSettings.seq ? outside : inSettings;
}

/** Checks the whole change log's chain, in log order, and that it still reaches the head recorded with the last append. */
export async function verifyChangeLog(): Promise<ChainCheck> {
  const entries = await db().changeLog.orderBy('seq').toArray();
  return verifyChain(entries, await recordedHead());
}

/** The newest entry's number and hash (for a backup's header). */
export async function changeLogHead(): Promise<ChainHead | undefined> {
  const last = await db().changeLog.orderBy('seq').last();
  return last?.seq !== undefined && last.hash ? { seq: last.seq, hash: last.hash, at: last.at } : undefined;
}

/**
 * The entries about one row, oldest first by when they happened: entries brought in from another
 * device's client file come after this device's in the chain, but read in the order they were made.
 */
export async function changesFor(entity: ChangeLogEntry['entity'], entityId: string): Promise<ChangeLogEntry[]> {
  const entries = await db().changeLog.where('[entity+entityId]').equals([entity, entityId]).toArray();
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : (a.seq ?? 0) - (b.seq ?? 0)));
}

export { createChangesSinceQuery } from './changes-since';

/** The entries about one row (oldest first), live. */
export function createHistoryQuery(entity: () => ChangeLogEntry['entity'], entityId: () => string) {
  return createLiveQuery(([e, id]: [ChangeLogEntry['entity'], string]) => (id ? changesFor(e, id) : Promise.resolve([])), [] as ChangeLogEntry[], () => [entity(), entityId()] as [ChangeLogEntry['entity'], string]);
}
