import { db, nowInstant, type ChangeLogEntry } from './database';

/** Appends to the change log; call inside the transaction of the write it describes. */
export function logChange(entry: Omit<ChangeLogEntry, 'at' | 'seq'>): Promise<number | undefined> {
  return db().changeLog.add({ ...entry, at: nowInstant() });
}

export function changesFor(entity: ChangeLogEntry['entity'], entityId: string): Promise<ChangeLogEntry[]> {
  return db().changeLog.where('[entity+entityId]').equals([entity, entityId]).sortBy('seq');
}
