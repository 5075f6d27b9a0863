import Dexie from 'dexie';
import { CLOCKED_KIND_NAMES } from '../domain/kinds/clocked';
import type { CertificationProgress } from '../domain/deadlines';
import type { Client, Settings } from '../domain/schema';
import { db, type StoredRecord } from './database';
import { compareSummaries } from './certification-summaries';
import { getSettings } from './settings-read';
import { createLiveValue } from './live-value';
import { liveSource, liveSourceFamily } from './live-source';

/** What the dashboard shows first: the clients, each certification's progress and the settings. */
export interface SeasonData {
  clients: Client[];
  certifications: CertificationProgress[];
  settings: Settings;
  /** How many live records of the clocked kinds there are (counted from the index, not read). */
  clockedCount: number;
}

export interface DashboardData extends SeasonData {
  clocked: StoredRecord[];
}

/**
 * The clients, each certification's progress and the settings, in one read transaction.
 * Certifications come from their summaries (see certification-summaries.ts), never the
 * statement, answers or signature of 1,500 certifications.
 */
export async function loadSeason(): Promise<SeasonData> {
  const database = db();
  const [clients, settings, counts, certifications] = await database.transaction('r', [database.clients, database.settings, database.records, database.certificationSummaries], () =>
    Promise.all([
      database.clients.orderBy('legalName').toArray(),
      getSettings(),
      Promise.all(CLOCKED_KIND_NAMES.map((kind) => clockedRange(kind).count())),
      database.certificationSummaries.toArray(),
    ]),
  );
  return { clients, certifications: certifications.sort(compareSummaries), settings, clockedCount: counts.reduce((a, b) => a + b, 0) };
}

/**
 * The live records of the kinds that start clocks (approvals, the bulk of a carrier's records,
 * are never read): one key range per kind, which IndexedDB answers with a single getAll.
 */
export async function loadClocked(): Promise<StoredRecord[]> {
  const lists = await Promise.all(CLOCKED_KIND_NAMES.map((kind) => clockedRange(kind).toArray()));
  return lists.flat();
}

const clockedRange = (kind: string) => db().records.where('[kind+liveDate]').between([kind, Dexie.minKey], [kind, Dexie.maxKey], true, true);

/**
 * From how many clocked records the dashboard shows the season before their clocks are read.
 * Below it the clocks take a moment and the list appears once, complete.
 */
export const PROGRESSIVE_FROM = 2_000;

/** Everything the dashboard computes from. */
export async function loadDashboard(): Promise<DashboardData> {
  const [season, clocked] = await Promise.all([loadSeason(), loadClocked()]);
  return { ...season, clocked };
}

/**
 * The dashboard's data in two live parts: the season first, then (once the season is read, so
 * the two reads never compete) the records' clocks, which can be thousands of rows.
 */
export const seasonSource = liveSource(loadSeason);
const clockedSource = liveSourceFamily(String, (ready: boolean) => (ready ? loadClocked() : undefined));

export function createDashboardQuery() {
  const season = createLiveValue({ shared: () => seasonSource }, undefined as SeasonData | undefined);
  const clocked = createLiveValue(
    { shared: clockedSource },
    undefined as StoredRecord[] | undefined,
    () => !season.loading,
  );
  return { season, clocked };
}
