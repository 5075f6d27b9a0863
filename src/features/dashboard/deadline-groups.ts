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
