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

export const STATUS_LABELS: Record<Deadline['status'], string> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  upcoming: 'Upcoming',
  done: 'Done',
};

const STATUS_ORDER: Record<Deadline['status'], number> = { overdue: 0, 'due-soon': 1, upcoming: 2, done: 3 };

/** Overdue first, then by date. */
export function byUrgency(a: Deadline, b: Deadline): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);
}
