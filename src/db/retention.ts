import type { IsoDate } from '../domain/dates';
import { retentionReviewCutoff } from '../domain/retention';
import { db, type StoredRecord } from './database';
import { deletedRecords } from './records';

const byDate = (a: StoredRecord, b: StoredRecord) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Records that might be past their minimum retention, oldest first: live ones by an index range
 * (not a scan), deleted ones from the few deleted; the rulebook decides for each.
 */
export function retentionCandidates(today: IsoDate): Promise<StoredRecord[]> {
  const cutoff = retentionReviewCutoff(today);
  const records = db().records;
  return db().transaction('r', records, async () => {
    const [live, deleted] = await Promise.all([records.where('liveDate').below(cutoff).toArray(), deletedRecords()]);
    return [...live, ...deleted.filter((r) => r.date < cutoff)].sort(byDate);
  });
}
