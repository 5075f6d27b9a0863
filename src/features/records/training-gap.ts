/**
 * Years in which a client recorded no training. The FCC rules require training
 * (§ 64.2009(b)) but set no frequency, so this is a practice check, never a rule finding.
 */
import { trainingFacts } from '../../db/records';
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
 * record dated in or before it. Every client is checked in one read, not a query per client.
 */
export async function trainingGapsOf(clients: readonly { id: string; createdAt: string }[], currentYear: number): Promise<TrainingGap[]> {
  const years = [currentYear - 1, currentYear];
  const addedIn = (c: { createdAt: string }) => new Date(c.createdAt).getFullYear();
  const late = clients.filter((c) => addedIn(c) > years[0]!).map((c) => c.id);
  const { trained, firstDate } = await trainingFacts(
    clients.map((c) => c.id),
    years[0]!,
    currentYear,
    late,
  );
  const gaps: TrainingGap[] = [];
  for (const client of clients) {
    for (const year of years) {
      const first = firstDate.get(client.id);
      const existed = addedIn(client) <= year || (first !== undefined && first <= makeDate(year, 12, 31));
      if (!existed) continue;
      if (!trained.get(year)?.has(client.id)) gaps.push({ clientId: client.id, year, current: year === currentYear });
    }
  }
  return gaps;
}

/** The gaps of one client (see `trainingGapsOf`). */
export function trainingGaps(client: { id: string; createdAt: string }, currentYear: number): Promise<TrainingGap[]> {
  return trainingGapsOf([client], currentYear);
}
