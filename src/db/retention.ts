import Dexie from 'dexie';
import type { IsoDate } from '../domain/dates';
import { retentionReviewCutoff } from '../domain/retention';
import { db, type StoredRecord } from './database';

/** Records that might be past their minimum retention (an index range, not a scan); the rulebook decides for each. */
export function retentionCandidates(today: IsoDate): Promise<StoredRecord[]> {
  return db().records.where('date').between(Dexie.minKey, retentionReviewCutoff(today), true, false).toArray();
}
