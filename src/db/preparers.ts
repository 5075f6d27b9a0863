import { validate, preparerSchema, type Preparer, type PreparerFields } from '../domain/schema';
import { CHANGED_ELSEWHERE } from '../domain/conflicts';
import { changesOf } from '../domain/change-diff';
import { db, newId, nowInstant } from './database';
import { logChange } from './change-log';
import { createLiveQuery } from './live';
import type { SaveResult } from './clients';

/**
 * Stores a preparer; marking one the default unmarks the others in the same transaction. A
 * compare-and-swap like every save: when the stored preparer is no longer revision
 * `expectedRev`, nothing is written and it comes back as `conflict`.
 */
export async function savePreparer(input: unknown, id?: string, expectedRev?: number): Promise<SaveResult<Preparer>> {
  const result = validate(preparerSchema, input);
  if (!result.ok) return result;
  const database = db();
  return database.transaction('rw', database.preparers, database.changeLog, async (): Promise<SaveResult<Preparer>> => {
    const now = nowInstant();
    const all = await database.preparers.toArray();
    const stored = id ? all.find((p) => p.id === id) : undefined;
    if (id && !stored) return { ok: false, errors: { '': 'This preparer no longer exists (it may have been deleted in another tab).' } };
    if (stored && expectedRev !== undefined && stored.rev !== expectedRev) return { ok: false, errors: { '': CHANGED_ELSEWHERE }, conflict: stored };
    const value: PreparerFields = { ...result.value, isDefault: result.value.isDefault || all.filter((p) => p.id !== id).length === 0 };
    if (value.isDefault) {
      for (const p of all) if (p.id !== id && p.isDefault) await database.preparers.update(p.id, { isDefault: false, updatedAt: now });
    }
    const existing = id ? await database.preparers.get(id) : undefined;
    const rowId = existing?.id ?? newId();
    await database.preparers.put({ ...value, id: rowId, createdAt: existing?.createdAt ?? now, updatedAt: now });
    await logChange({ entity: 'preparer', entityId: rowId, action: existing ? 'update' : 'create', summary: `${existing ? 'Updated' : 'Created'} preparer ${value.name}` });
    return { ok: true, id: rowId, rev: (existing?.rev ?? 0) + 1 };
  });
}

export async function deletePreparer(id: string): Promise<void> {
  const database = db();
  await database.transaction('rw', database.preparers, database.changeLog, async () => {
    const p = await database.preparers.get(id);
    if (!p) return;
    await database.preparers.delete(id);
    if (p.isDefault) {
      const next = await database.preparers.orderBy('name').first();
      if (next) await database.preparers.update(next.id, { isDefault: true });
    }
    // A delete is not among the writes the log diffs, so the deleted fields are listed here.
    await logChange({ entity: 'preparer', entityId: id, action: 'delete', summary: `Deleted preparer ${p.name}`, changes: changesOf('delete', p, undefined) });
  });
}

export function listPreparers(): Promise<Preparer[]> {
  return db().preparers.orderBy('name').toArray();
}

export function createPreparersQuery() {
  return createLiveQuery(() => listPreparers(), [] as Preparer[]);
}
