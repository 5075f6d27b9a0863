import Dexie from 'dexie';
import type { IsoDate } from '../domain/dates';
import { CLOCKED_KINDS } from '../domain/records';
import { retentionReviewCutoff } from '../domain/retention';
import type { CertificationProgress } from '../domain/deadlines';
import type { Client, Settings } from '../domain/schema';
import { db, type ProgressKey, type StoredRecord } from './database';
import { getSettings } from './settings';
import { createLiveQuery } from './live';

/** The record kinds whose clocks reach the dashboard (the others only need retention): the registry says which. */
export { CLOCKED_KINDS };

export interface DashboardData {
  clients: Client[];
  clocked: StoredRecord[];
  certifications: CertificationProgress[];
  settings: Settings;
}

/**
 * Everything the dashboard computes from, read in one pass through the indexes: clients,
 * the clocked record kinds only (approvals, the bulk of a carrier's records, are skipped) and
 * each certification's progress.
 */
export async function loadDashboard(): Promise<DashboardData> {
  const database = db();
  return database.transaction('r', database.clients, database.records, database.certifications, database.settings, async () => {
    const [clients, clocked, certs, settings] = await Promise.all([
      database.clients.orderBy('legalName').toArray(),
      // One key range of live records per kind: IndexedDB answers each with a single getAll.
      Promise.all(
        CLOCKED_KINDS.map((kind) => database.records.where('[kind+liveDate]').between([kind, Dexie.minKey], [kind, Dexie.maxKey], true, true).toArray()),
      ).then((lists) => lists.flat()),
      // Only what the dashboard shows, read from the `progressKey` index alone (getAllKeys):
      // never the statement, answers or signature of 1,500 certifications.
      database.certifications.orderBy('progressKey').keys() as Promise<unknown[]> as Promise<ProgressKey[]>,
      getSettings(),
    ]);
    const certifications = certs.map(([clientId, certificationYear, status, signatureDate, filedOn, ecfsConfirmation, amends]) => ({
      clientId,
      certificationYear,
      status,
      signatureDate,
      filedOn,
      ecfsConfirmation,
      ...(amends ? { amends: true } : {}),
    })) as CertificationProgress[];
    return { clients, clocked, certifications, settings };
  });
}

export function createDashboardQuery() {
  return createLiveQuery(() => loadDashboard(), undefined as DashboardData | undefined);
}

/** Records that might be past their minimum retention (an index range, not a scan); the rulebook decides for each. */
export function retentionCandidates(today: IsoDate): Promise<StoredRecord[]> {
  return db().records.where('date').between(Dexie.minKey, retentionReviewCutoff(today), true, false).toArray();
}
