/**
 * The database's write checks, loaded on demand (see `loadWriteChecks` in database.ts): every
 * write of every table is checked against its entity's schema and bumps the row's revision,
 * and schema version 4 rewrites every row through its entity's migrations.
 */
import Dexie, { type Transaction } from 'dexie';
import { ENTITIES, assertRow, migrateRow, VERSION_FIELD, type EntityTableName, type Row } from '../domain/entities';
import { DIFFED_TABLES, derivedColumns, noteWrite, onlyHead, type CpniDatabase } from './database';

/** Rewrites every row of every table through its entity's migrations (src/domain/entities). */
export async function upgradeEveryRow(tx: Transaction): Promise<void> {
  for (const name of Object.keys(ENTITIES) as EntityTableName[]) {
    const def = ENTITIES[name];
    if (def.version === 1) continue;
    await tx.table(name).toCollection().modify((row: Row) => {
      let next: Row;
      try {
        next = migrateRow(def, row);
      } catch {
        // A row that cannot be upgraded is kept as it was, never dropped: its screen says why.
        return;
      }
      for (const key of Object.keys(row)) if (!(key in next)) delete row[key];
      Object.assign(row, next);
    });
  }
}

/**
 * Every write of every table is checked against its entity's schema, and bumps the row's
 * revision: a row that does not fit is refused (the transaction is rolled back), whatever path
 * wrote it. The database upgrade itself is exempt: it keeps a row it cannot check.
 */
export function guardWrites(database: CpniDatabase): void {
  for (const name of Object.keys(ENTITIES) as EntityTableName[]) {
    const def = ENTITIES[name];
    const table = database.table(name);
    const versioned = name !== 'changeLog' && name !== 'syncBases';
    const diffed = DIFFED_TABLES.has(name);
    table.hook('creating', (key, obj: Row, tx) => {
      if (database.upgrading) return;
      if (diffed) noteWrite(tx, name, key ?? obj.id ?? obj.key, undefined, obj);
      for (const [key, value] of Object.entries(derivedColumns(name, obj) ?? {})) {
        if (value === undefined) delete obj[key];
        else obj[key] = value;
      }
      if (versioned) {
        if (obj.rev === undefined) obj.rev = 1;
        if (obj[VERSION_FIELD] === undefined) obj[VERSION_FIELD] = def.version;
      }
      assertRow(def as never, obj);
    });
    table.hook('updating', (mods, key, stored, tx) => {
      if (database.upgrading) return undefined;
      const obj = stored as Row;
      const next: Row = structuredClone(obj);
      for (const [path, value] of Object.entries(mods)) {
        if (value === undefined) Dexie.delByKeyPath(next, path);
        else Dexie.setByKeyPath(next, path, value);
      }
      // The chain's head is bookkeeping: writing it is not a change of the settings (no new revision).
      if (name === 'settings' && obj.rev !== undefined && obj[VERSION_FIELD] === def.version && onlyHead(mods as Record<string, unknown>, obj)) {
        assertRow(def as never, next);
        return undefined;
      }
      if (diffed) noteWrite(tx, name, key, obj, next);
      if (!versioned) {
        assertRow(def as never, next);
        return undefined;
      }
      const extra = { rev: (typeof obj.rev === 'number' ? obj.rev : 0) + 1, [VERSION_FIELD]: def.version, ...derivedColumns(name, next) };
      assertRow(def as never, { ...next, ...extra });
      return extra;
    });
  }
}
