/**
 * Years in which a client recorded no training. The FCC rules require training
 * (§ 64.2009(b)) but set no frequency, so this is a practice check, never a rule finding.
 */
import { queryRecords } from '../../db/records';
import { makeDate } from '../../domain/dates';

export const TRAINING_PRACTICE_NOTE =
  'The FCC rules require training (§ 64.2009(b)) but set no frequency; yearly training is common practice, not a rule.';

export interface TrainingGap {
  clientId: string;
  year: number;
  current: boolean;
}

/**
 * The current year and the year before it (the year the next certification covers), each
 * checked only if the client existed then: added to CPNI Desk in or before it, or with a
 * record dated in or before it.
 */
export async function trainingGaps(client: { id: string; createdAt: string }, currentYear: number): Promise<TrainingGap[]> {
  const gaps: TrainingGap[] = [];
  for (const year of [currentYear - 1, currentYear]) {
    const yearEnd = makeDate(year, 12, 31);
    const existed =
      new Date(client.createdAt).getFullYear() <= year ||
      (await queryRecords({ clientId: client.id, to: yearEnd, order: 'asc', limit: 1 })).rows.length > 0;
    if (!existed) continue;
    const trained = await queryRecords({ clientId: client.id, kind: 'training', from: makeDate(year, 1, 1), to: yearEnd, limit: 1 });
    if (trained.total === 0) gaps.push({ clientId: client.id, year, current: year === currentYear });
  }
  return gaps;
}
