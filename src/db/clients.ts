import type { Accessor } from 'solid-js';
import { validate, clientSchema, type Client, type ClientInput, type FieldErrors } from '../domain/schema';
import { CHANGED_ELSEWHERE } from '../domain/conflicts';
import { db, newId, nowInstant } from './database';
import { logChange } from './change-log';
import { createLiveQuery } from './live';

/**
 * A save's outcome. `rev` is the stored revision after it; `conflict` is the row as another tab
 * or window saved it, when that happened since the form loaded revision `expectedRev`: then
 * nothing was written.
 */
export type SaveResult<T = unknown> = { ok: true; id: string; rev?: number } | { ok: false; errors: FieldErrors; conflict?: T };

/**
 * Validates and stores a client; nothing is written when validation fails, or when the stored
 * client is no longer revision `expectedRev` (compare-and-swap in the same transaction). Whether
 * it is archived is not the form's to change: that is its own step (`setClientArchived`).
 */
export async function saveClient(input: ClientInput, id?: string, expectedRev?: number): Promise<SaveResult<Client>> {
  const result = validate(clientSchema, input);
  if (!result.ok) return result;
  const database = db();
  return database.transaction('rw', database.clients, database.changeLog, async (): Promise<SaveResult<Client>> => {
    const now = nowInstant();
    if (id) {
      const existing = await database.clients.get(id);
      if (!existing) return { ok: false, errors: { '': 'This client no longer exists (it may have been removed in another tab).' } };
      if (expectedRev !== undefined && existing.rev !== expectedRev) return { ok: false, errors: { '': CHANGED_ELSEWHERE }, conflict: existing };
      const rev = (existing.rev ?? 0) + 1;
      await database.clients.put({ ...result.value, archived: existing.archived, id, createdAt: existing.createdAt, updatedAt: now, rev });
      await logChange({ entity: 'client', entityId: id, action: 'update', summary: `Updated ${result.value.legalName}` });
      return { ok: true, id, rev };
    }
    const newClientId = newId();
    await database.clients.add({ ...result.value, id: newClientId, createdAt: now, updatedAt: now });
    await logChange({ entity: 'client', entityId: newClientId, action: 'create', summary: `Created ${result.value.legalName}` });
    return { ok: true, id: newClientId, rev: 1 };
  });
}

export async function setClientArchived(id: string, archived: boolean): Promise<void> {
  const database = db();
  await database.transaction('rw', database.clients, database.changeLog, async () => {
    const client = await database.clients.get(id);
    if (!client) return;
    await database.clients.update(id, { archived, updatedAt: nowInstant() });
    await logChange({ entity: 'client', entityId: id, action: archived ? 'archive' : 'unarchive', summary: `${archived ? 'Archived' : 'Unarchived'} ${client.legalName}` });
  });
}

export function getClient(id: string): Promise<Client | undefined> {
  return db().clients.get(id);
}

/** The other clients with this Filer ID: allowed (a form still saves), but worth a word. */
export function clientsWithFilerId(filerId: string, exceptId?: string): Promise<Client[]> {
  return db().clients.where('filerId').equals(filerId).filter((c) => c.id !== exceptId).toArray();
}

import { listClients } from './shared-reads';
import { matchesSearch } from '../domain/search-text';

export { listClients };

export interface ClientFilter {
  search: string;
  includeArchived: boolean;
}

export function matchesClient(client: Client, filter: ClientFilter): boolean {
  if (client.archived && !filter.includeArchived) return false;
  return matchesSearch([client.legalName, ...client.dbaNames, client.filerId, ...client.affiliates.flatMap((a) => [a.legalName, a.filerId])], filter.search);
}

export function createClientsQuery(filter: Accessor<ClientFilter> = () => ({ search: '', includeArchived: false })) {
  return createLiveQuery(async (f) => (await listClients()).filter((c) => matchesClient(c, f)), [] as Client[], filter);
}

export function createClientQuery(id: Accessor<string>) {
  return createLiveQuery((clientId) => getClient(clientId), undefined as Client | undefined, id);
}
