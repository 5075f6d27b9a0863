import type { Accessor } from 'solid-js';
import { validate, clientSchema, type Client, type ClientInput, type FieldErrors } from '../domain/schema';
import { db, newId, nowInstant } from './database';
import { logChange } from './change-log';
import { createLiveQuery } from './live';

export type SaveResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

/** Validates and stores a client; nothing is written when validation fails. */
export async function saveClient(input: ClientInput, id?: string): Promise<SaveResult> {
  const result = validate(clientSchema, input);
  if (!result.ok) return result;
  const database = db();
  return database.transaction('rw', database.clients, database.changeLog, async () => {
    const now = nowInstant();
    if (id) {
      const existing = await database.clients.get(id);
      if (!existing) return { ok: false, errors: { '': 'This client no longer exists (it may have been removed in another tab).' } };
      await database.clients.put({ ...result.value, id, createdAt: existing.createdAt, updatedAt: now });
      await logChange({ entity: 'client', entityId: id, action: 'update', summary: `Updated ${result.value.legalName}` });
      return { ok: true, id };
    }
    const newClientId = newId();
    await database.clients.add({ ...result.value, id: newClientId, createdAt: now, updatedAt: now });
    await logChange({ entity: 'client', entityId: newClientId, action: 'create', summary: `Created ${result.value.legalName}` });
    return { ok: true, id: newClientId };
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

export function listClients(): Promise<Client[]> {
  return db().clients.orderBy('legalName').toArray();
}

export interface ClientFilter {
  search: string;
  includeArchived: boolean;
}

export function matchesClient(client: Client, filter: ClientFilter): boolean {
  if (client.archived && !filter.includeArchived) return false;
  const q = filter.search.trim().toLowerCase();
  if (!q) return true;
  return (
    client.legalName.toLowerCase().includes(q) ||
    client.dbaNames.some((d) => d.toLowerCase().includes(q)) ||
    client.filerId.includes(q) ||
    client.affiliates.some((a) => a.filerId.includes(q) || a.legalName.toLowerCase().includes(q))
  );
}

export function createClientsQuery(filter: Accessor<ClientFilter> = () => ({ search: '', includeArchived: false })) {
  return createLiveQuery(async (f) => (await listClients()).filter((c) => matchesClient(c, f)), [] as Client[], filter);
}

export function createClientQuery(id: Accessor<string>) {
  return createLiveQuery((clientId) => getClient(clientId), undefined as Client | undefined, id);
}
