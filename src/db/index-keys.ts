import Dexie, { type Table } from 'dexie';

/**
 * Every key of one index with its row's primary key, in index order, from one bare key cursor.
 * Dexie's own key cursors (`eachKey`, `keys()`) cost several times the read itself at 1,500
 * certifications, most of it in a live query's bookkeeping of each key read; here a live query
 * observes the whole index by one count instead, which any change to the index wakes.
 * A Dexie promise, so a live query awaiting it keeps its context. Not for use inside a Dexie
 * transaction: that transaction would commit while the cursor, outside it, is still reading.
 */
export function readIndexKeys<K>(table: Table, index: string): Dexie.Promise<{ key: K; primaryKey: string }[]> {
  if (Dexie.currentTransaction) return Dexie.Promise.reject(new Error(`readIndexKeys(${table.name}.${index}) reads in a transaction of its own: call it outside a Dexie transaction.`));
  return table
    .orderBy(index)
    .count()
    .then(
      () =>
        new Dexie.Promise<{ key: K; primaryKey: string }[]>((resolve, reject) => {
          const out: { key: K; primaryKey: string }[] = [];
          const request = table.db.backendDB().transaction(table.name, 'readonly').objectStore(table.name).index(index).openKeyCursor();
          request.onsuccess = () => {
            const cursor = request.result;
            if (!cursor) return resolve(out);
            out.push({ key: cursor.key as K, primaryKey: String(cursor.primaryKey) });
            cursor.continue();
          };
          request.onerror = () => reject(request.error ?? new Error(`The ${table.name} could not be read.`));
        }),
    );
}
