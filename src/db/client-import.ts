import type { Client, ClientFields } from '../domain/schema';
import { logChanges } from './change-log';
import { db, newId, nowInstant, type ChangeLogEntry } from './database';

export interface ClientImportPlan {
  added: readonly ClientFields[];
  /** Each update names the stored client it was planned against, to refuse it if that row changed since. */
  updated: readonly { existing: Client; value: ClientFields }[];
}

export interface ClientImportResult {
  added: number;
  updated: number;
}

/**
 * Writes a planned client import in one transaction: every client is added or updated, or
 * none is. An update planned against a client that has changed since the preview (in another
 * tab, say) stops the whole import with a message, so nothing is overwritten unseen.
 */
export async function applyClientImport(plan: ClientImportPlan): Promise<ClientImportResult> {
  const database = db();
  return database.transaction('rw', database.clients, database.changeLog, async () => {
    const now = nowInstant();
    const filerIds = plan.added.map((c) => c.filerId);
    const clashes = await database.clients.where('filerId').anyOf(filerIds).toArray();
    if (clashes.length) throw new Error(`A client with Filer ID ${clashes[0]!.filerId} was added since the preview. Load the file again to see it as an update.`);
    const current = await database.clients.bulkGet(plan.updated.map((u) => u.existing.id));
    plan.updated.forEach((u, i) => {
      const stored = current[i];
      if (!stored) throw new Error(`${u.existing.legalName} was removed since the preview. Load the file again.`);
      if (stored.rev !== u.existing.rev || stored.updatedAt !== u.existing.updatedAt) throw new Error(`${u.existing.legalName} was changed since the preview (in another tab or window). Load the file again to see the changes.`);
    });

    const added = plan.added.map((value) => ({ ...value, id: newId(), createdAt: now, updatedAt: now }));
    const updated = plan.updated.map(({ existing, value }) => ({ ...value, id: existing.id, createdAt: existing.createdAt, updatedAt: now }));
    await database.clients.bulkAdd(added);
    await database.clients.bulkPut(updated);
    const log: ChangeLogEntry[] = [
      ...added.map((c) => ({ at: now, entity: 'client' as const, entityId: c.id, action: 'create' as const, summary: `Imported ${c.legalName} from a CSV file` })),
      ...updated.map((c) => ({ at: now, entity: 'client' as const, entityId: c.id, action: 'update' as const, summary: `Updated ${c.legalName} from a CSV file` })),
    ];
    await logChanges(log);
    return { added: added.length, updated: updated.length };
  });
}
