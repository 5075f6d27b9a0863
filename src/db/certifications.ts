import type { Accessor } from 'solid-js';
import Dexie from 'dexie';
import type { Certification, CertificationFields } from '../domain/certification-record';
import { EDITABLE_CERTIFICATION_FIELDS, type EditableCertificationField } from '../domain/entities';
import { CHANGED_ELSEWHERE } from '../domain/conflicts';
import { canonicalJson } from '../domain/sha256';
import { db, newId, nowInstant } from './database';
import { logChange } from './change-log';
import { createLiveQuery } from './live';
import { createLiveValue } from './live-value';
import type { StoredRecord } from './database';
import { certificationSummariesSource } from './shared-reads';
import type { CertificationSummary } from './certification-summaries';

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

export type CertificationSave =
  | { ok: true; rev: number; status: Certification['status'] }
  | { ok: false; message: string; conflict?: Certification };

/** The fields the editor may write, and nothing else (never the status or what a step sets). */
export function editableFields(change: Partial<CertificationFields>): Partial<Pick<CertificationFields, EditableCertificationField>> {
  const out: Partial<Record<EditableCertificationField, unknown>> = {};
  for (const key of EDITABLE_CERTIFICATION_FIELDS) if (change[key] !== undefined) out[key] = structuredClone(change[key]);
  return out as Partial<Pick<CertificationFields, EditableCertificationField>>;
}

/**
 * Saves the editor's fields (`EDITABLE_CERTIFICATION_FIELDS`) of a certification; `summary` goes
 * to the change log. A compare-and-swap in one transaction: when the stored certification is no
 * longer revision `expectedRev` (another tab or window saved it, or took a status step), nothing
 * is written and the stored one comes back as `conflict`. The status, the filing's date and
 * confirmation and the signed package are never written here, so a stale save cannot undo a
 * step; a certification that was ready to sign and is edited becomes a draft again.
 */
export async function updateCertification(id: string, change: Partial<CertificationFields>, summary: string, expectedRev?: number): Promise<CertificationSave> {
  const database = db();
  return database.transaction('rw', database.certifications, database.changeLog, async (): Promise<CertificationSave> => {
    const existing = await database.certifications.get(id);
    if (!existing) return { ok: false, message: 'This certification no longer exists on this device.' };
    if (expectedRev !== undefined && existing.rev !== expectedRev) return { ok: false, message: CHANGED_ELSEWHERE, conflict: existing };
    // What was signed never changes: the status steps (certification-steps.ts) are the only way on.
    if (existing.status === 'signed') return { ok: false, message: 'It is signed, so it cannot be changed. Reopen it as a draft first: the officer then signs again.' };
    if (existing.status === 'filed') return { ok: false, message: 'It is filed, so it cannot be changed. Start an amended filing to correct it.' };
    const fields = editableFields(change);
    const next: Certification = { ...existing, ...fields, id, updatedAt: nowInstant(), rev: (existing.rev ?? 0) + 1 };
    const edited = EDITABLE_CERTIFICATION_FIELDS.some((k) => canonicalJson(existing[k] ?? null) !== canonicalJson(next[k] ?? null));
    // A certification that changes after it was marked ready must be checked again.
    if (existing.status === 'ready' && edited) next.status = 'draft';
    await database.certifications.put(next);
    await logChange({ entity: 'certification', entityId: id, action: 'update', summary: next.status !== existing.status ? `${summary}; it is a draft again` : summary });
    return { ok: true, rev: next.rev!, status: next.status };
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
  return db().records.where('[clientId+liveDate]').between([clientId, Dexie.minKey], [clientId, Dexie.maxKey], true, true).toArray();
}

export type { CertificationSummary } from './certification-summaries';

export { certificationSummariesSource, listCertificationSummaries } from './shared-reads';

/** Every certification's summary as a plain signal (see `listCertificationSummaries`). */
export function createCertificationSummariesQuery() {
  return createLiveValue({ shared: () => certificationSummariesSource }, [] as CertificationSummary[]);
}

/** The certifications of `ids` whole, in that order (undefined where one no longer exists), in one read. */
export async function getCertifications(ids: readonly string[]): Promise<(Certification | undefined)[]> {
  return db().certifications.bulkGet([...ids]);
}

/** One year's certifications, whole (the season board's signatories, dates and open checks). */
export function listCertificationsOfYear(year: number): Promise<Certification[]> {
  return db().certifications.where('certificationYear').equals(year).toArray();
}

/**
 * The live records of each of `clientIds`, read in one transaction (one key range per client),
 * for counting many certifications' checks without a transaction per client.
 */
export async function recordsOfClients(clientIds: readonly string[]): Promise<Map<string, StoredRecord[]>> {
  const database = db();
  return database.transaction('r', database.records, async () => {
    const lists = await Promise.all(clientIds.map((id) => clientRecords(id)));
    return new Map(clientIds.map((id, i) => [id, lists[i]!]));
  });
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
