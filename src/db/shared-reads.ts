/**
 * Reads that several screens show, shared (see `liveSource`) and small enough to sit in the app's
 * entry: a route starts them as the app starts, so they run as soon as the database is open,
 * while the screen's own code is still loading, and the screen mounts with its data.
 */
import { compareSummaries, type CertificationSummary } from './certification-summaries';
import type { Client } from '../domain/schema';
import { db } from './database';
import { liveSource } from './live-source';

/** Every client, archived ones too, by legal name. */
export function listClients(): Promise<Client[]> {
  return db().clients.orderBy('legalName').toArray();
}

/**
 * What the certifications list and the season board show of every certification, without its
 * answers and statement: the summaries store (see certification-summaries.ts), by client and year.
 */
export async function listCertificationSummaries(): Promise<CertificationSummary[]> {
  return (await db().certificationSummaries.toArray()).sort(compareSummaries);
}

export const clientsSource = liveSource(listClients);
export const certificationSummariesSource = liveSource(listCertificationSummaries);
