import { CLOCK_STATUS_LABELS } from '../../domain/clock';
import type { Deadline } from '../../domain/deadlines';
import type { DutyId } from '../../domain/duties';

export const DEADLINE_GROUPS = {
  certification: 'Annual certification',
  breach: 'Breach notices',
  optOutFailure: 'Opt-out failure letters',
  noticeRefresh: 'Opt-out notice refresh',
} as const;
export type DeadlineGroup = keyof typeof DEADLINE_GROUPS;

export function groupOf(dutyId: DutyId): DeadlineGroup {
  if (dutyId === 'annualCertification') return 'certification';
  if (dutyId === 'optOutFailureNotice') return 'optOutFailure';
  if (dutyId === 'optOutNoticeRefresh') return 'noticeRefresh';
  return 'breach';
}

/** The same words as the record page: both come from clock.ts. */
export const STATUS_LABELS = CLOCK_STATUS_LABELS;

const STATUS_ORDER: Record<Deadline['status'], number> = { overdue: 0, early: 1, 'due-soon': 2, open: 3, upcoming: 4, waiting: 5, unknown: 6, late: 7, done: 8 };

/** Hidden unless "Include done" is ticked: the duty was done (a late one is still a finding in the certification checks). */
export function isHiddenByDefault(status: Deadline['status']): boolean {
  return status === 'done' || status === 'late';
}

/** Overdue first, then by date. */
export function byUrgency(a: Deadline, b: Deadline): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);
}

/** A row of the deadlines table: one deadline, or many identical ones (same duty, day and status) shown once. */
export type DeadlineRow = { kind: 'one'; deadline: Deadline } | { kind: 'many'; key: string; deadlines: Deadline[] };

/** Identical deadlines of at least `minimum` clients become one row, placed where the first of them was. */
export function groupIdentical(deadlines: readonly Deadline[], minimum = 3): DeadlineRow[] {
  const keyOf = (d: Deadline) => `${d.dutyId}|${d.due}|${d.status}`;
  const sizes = new Map<string, number>();
  for (const d of deadlines) sizes.set(keyOf(d), (sizes.get(keyOf(d)) ?? 0) + 1);
  const groups = new Map<string, Deadline[]>();
  const rows: DeadlineRow[] = [];
  for (const d of deadlines) {
    const key = keyOf(d);
    if ((sizes.get(key) ?? 0) < minimum) {
      rows.push({ kind: 'one', deadline: d });
      continue;
    }
    const group = groups.get(key);
    if (group) group.push(d);
    else {
      const fresh = [d];
      groups.set(key, fresh);
      rows.push({ kind: 'many', key, deadlines: fresh });
    }
  }
  return rows;
}

const DUTY_PLURALS: Partial<Record<DutyId, string>> = { annualCertification: 'annual certifications' };

/** "200 annual certifications due Monday, March 1, 2027" — the date as the caller writes it. */
export function groupTitle(group: readonly Deadline[], dueText: string): string {
  const first = group[0]!;
  const plural = DUTY_PLURALS[first.dutyId];
  return plural ? `${group.length} ${plural} due ${dueText}` : `${group.length} deadlines due ${dueText}: ${first.title}`;
}
