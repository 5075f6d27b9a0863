import type { Accessor } from 'solid-js';
import type { Certification, CertificationFields } from '../domain/certification-record';
import { db, newId, nowInstant } from './database';
import { logChange } from './change-log';
import { createLiveQuery } from './live';
import type { StoredRecord } from './database';

export async function createCertification(fields: CertificationFields): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  const database = db();
  return database.transaction('rw', database.certifications, database.changeLog, async () => {
    const existing = await database.certifications.where('[clientId+certificationYear]').equals([fields.clientId, fields.certificationYear]).first();
    if (existing) return { ok: false as const, message: `This client already has a ${fields.certificationYear} certification.`, id: existing.id };
    const now = nowInstant();
    const id = newId();
    await database.certifications.add({ ...fields, id, createdAt: now, updatedAt: now });
    await logChange({ entity: 'certification', entityId: id, action: 'create', summary: `Started the ${fields.certificationYear} certification` });
    return { ok: true as const, id };
  });
}

/** Saves a change to a certification; `summary` goes to the change log. */
export async function updateCertification(id: string, change: Partial<CertificationFields>, summary: string): Promise<void> {
  const database = db();
  await database.transaction('rw', database.certifications, database.changeLog, async () => {
    const existing = await database.certifications.get(id);
    if (!existing) throw new Error('This certification no longer exists on this device.');
    // What was signed never changes: the status steps (certification-steps.ts) are the only way on.
    if (existing.status === 'signed') throw new Error('It is signed, so it cannot be changed. Reopen it as a draft first: the officer then signs again.');
    if (existing.status === 'filed') throw new Error('It is filed, so it cannot be changed. Start an amended filing to correct it.');
    if (change.status && change.status !== existing.status && change.status !== 'draft')
      throw new Error('The status moves on only through its own steps (ready to sign, signed, filed).');
    await database.certifications.put({ ...existing, ...change, id, updatedAt: nowInstant() });
    await logChange({ entity: 'certification', entityId: id, action: 'update', summary });
  });
}

export function getCertification(id: string): Promise<Certification | undefined> {
  return db().certifications.get(id);
}

/**
 * The client's certification for a year. An amended filing shares its original's client and
 * year, so the index holds the whole chain; the one in force is the one nobody has amended.
 */
export async function findCertification(clientId: string, year: number): Promise<Certification | undefined> {
  const chain = await db().certifications.where('[clientId+certificationYear]').equals([clientId, year]).toArray();
  return chain.find((c) => !c.amendedById) ?? chain.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

export function listCertifications(): Promise<Certification[]> {
  return db().certifications.orderBy('certificationYear').reverse().toArray();
}

/** The live records of one client (what a certification is computed from). */
export function clientRecords(clientId: string): Promise<StoredRecord[]> {
  return db().records.where('clientId').equals(clientId).filter((r) => !r.deletedAt).toArray();
}

export function createCertificationsQuery() {
  return createLiveQuery(() => listCertifications(), [] as Certification[]);
}

export interface CertificationWorkspace {
  certification: Certification;
  records: StoredRecord[];
}

export function createCertificationQuery(id: Accessor<string>) {
  return createLiveQuery(
    async (certId) => {
      const certification = await getCertification(certId);
      if (!certification) return undefined;
      return { certification, records: await clientRecords(certification.clientId) } satisfies CertificationWorkspace;
    },
    undefined as CertificationWorkspace | undefined,
    id,
  );
}
