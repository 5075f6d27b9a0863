import { chained, verifyChain, type ChainCheck } from '../domain/change-chain';
import { db, nowInstant, type ChangeLogEntry } from './database';

type NewEntry = Omit<ChangeLogEntry, 'at' | 'seq' | 'prev' | 'hash'> & { at?: string };

/**
 * Appends to the change log, each entry linked to the one before it by its hash; call inside
 * the transaction of the write it describes (the read of the last entry and the add are then
 * one step, so two writes never link to the same entry).
 */
export async function logChanges(entries: readonly NewEntry[]): Promise<void> {
  if (!entries.length) return;
  const table = db().changeLog;
  let prev = (await table.orderBy('seq').last())?.hash ?? '';
  const now = nowInstant();
  const rows = entries.map((e) => {
    const row = chained(prev, { ...e, at: e.at ?? now });
    prev = row.hash;
    return row;
  });
  await table.bulkAdd(rows);
}

export function logChange(entry: NewEntry): Promise<void> {
  return logChanges([entry]);
}

/** Checks the whole change log's chain, in log order. */
export async function verifyChangeLog(): Promise<ChainCheck> {
  return verifyChain(await db().changeLog.orderBy('seq').toArray());
}

export function changesFor(entity: ChangeLogEntry['entity'], entityId: string): Promise<ChangeLogEntry[]> {
  return db().changeLog.where('[entity+entityId]').equals([entity, entityId]).sortBy('seq');
}

export { createChangesSinceQuery } from './changes-since';
