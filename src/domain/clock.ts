/**
 * The one interpreter of every clock a record starts. A clock is a date from the duty table
 * (a deadline, or a "not before" date) and the day the duty was done, if it was; its status
 * comes from `clockStatus` and nowhere else. The dashboard (deadlines.ts), the record page
 * (features/records/record-clocks.ts) and the certification's findings (certification-record.ts)
 * all read `recordClocks` and `clockStatus`, so they cannot disagree
 * (test/domain/clock-agreement.test.ts generates records of every kind to prove it).
 */
import type { BreachSettings } from './breach-clock';
import { daysBetween, formatLong, type IsoDate } from './dates';
import type { DutyId } from './duties';
import { RECORD_KIND_REGISTRY } from './kinds';
import type { ComplianceRecord } from './records';

/** 'deadline': due on or before the date. 'notBefore': allowed only from the date (§ 64.2011(b)(1) wait, § 64.2008(d)(1) wait). */
export type ClockKind = 'deadline' | 'notBefore';

export type ClockStatus =
  /** Done on time (a deadline), or on or after the first allowed day (a "not before" date). */
  | 'done'
  /** Done after the deadline. */
  | 'late'
  /** Done before the first allowed day: e.g. customers told before the § 64.2011(b)(1) wait ended. */
  | 'early'
  | 'overdue'
  | 'due-soon'
  | 'upcoming'
  /** A "not before" date still to come. */
  | 'waiting'
  /** A "not before" date that has come, not yet done. */
  | 'open'
  /** The date cannot be computed yet (a field it depends on is empty). */
  | 'unknown';

/** The status words, the same on every screen. */
export const CLOCK_STATUS_LABELS: Record<ClockStatus, string> = {
  overdue: 'Overdue',
  early: 'Done too early',
  'due-soon': 'Due soon',
  open: 'Allowed now',
  upcoming: 'Upcoming',
  waiting: 'Not yet allowed',
  late: 'Done late',
  done: 'Done',
  unknown: 'Date not known yet',
};

/** Statuses that say something went wrong; the certification's findings list every one of them. */
export const PROBLEM_STATUSES: ReadonlySet<ClockStatus> = new Set(['overdue', 'late', 'early']);
/** Statuses of a clock that is over (done, in time or not). */
export const SETTLED_STATUSES: ReadonlySet<ClockStatus> = new Set(['done', 'late', 'early']);

export const DEFAULT_DUE_SOON_DAYS = 14;

export interface Clock {
  dutyId: DutyId;
  kind: ClockKind;
  /** Undefined while a date it depends on is missing (the 2007 customer wait before the agency notice). */
  date?: IsoDate;
  /** The day the duty was done ('' or undefined: not done). */
  doneOn?: IsoDate | '';
  /** What the record page and the dashboard call it. */
  title: string;
  citation: string;
  ruleVersion: string;
  /** True for a date the user may act from that is no duty (nothing marks it done): the dashboard leaves it out. */
  informational?: boolean;
  unverified?: boolean;
  note?: string;
}

export interface ClockContext {
  settings?: BreachSettings;
  /**
   * Opt-out notices of the record's client (any order; deleted ones are skipped). The refresh
   * duty of § 64.2008(d)(2) is done by the next notice, so a notice's clock needs its successors.
   */
  notices?: readonly { id: string; clientId: string; sentOn: IsoDate; deletedAt?: string }[];
}

/**
 * A duty counts as done only on or after the day it was done: a completion date still in the
 * future (a typo, or a plan) must not hide an overdue notice.
 */
export function doneBy(doneOn: IsoDate | '' | undefined, today: IsoDate): doneOn is IsoDate {
  return !!doneOn && doneOn <= today;
}

/** The status of `clock` on `today`. The only place a clock's status is decided. */
export function clockStatus(clock: Pick<Clock, 'kind' | 'date' | 'doneOn'>, today: IsoDate, dueSoonDays = DEFAULT_DUE_SOON_DAYS): ClockStatus {
  const { date, doneOn } = clock;
  if (!date) return doneBy(doneOn, today) ? 'done' : 'unknown';
  if (doneBy(doneOn, today)) {
    if (clock.kind === 'notBefore') return doneOn >= date ? 'done' : 'early';
    return doneOn <= date ? 'done' : 'late';
  }
  if (clock.kind === 'notBefore') return today >= date ? 'open' : 'waiting';
  if (date < today) return 'overdue';
  return daysBetween(today, date) <= dueSoonDays ? 'due-soon' : 'upcoming';
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** The status in a sentence: "Done on March 5, 2026, on time.", "Overdue by 3 days.". */
export function clockStatusText(clock: Pick<Clock, 'kind' | 'date' | 'doneOn'>, today: IsoDate, dueSoonDays = DEFAULT_DUE_SOON_DAYS): string {
  const status = clockStatus(clock, today, dueSoonDays);
  const { date, doneOn } = clock;
  const future = doneOn && doneOn > today ? ` The record says it was done on ${formatLong(doneOn)}, which has not come yet: check that date.` : '';
  switch (status) {
    case 'done':
      return date && clock.kind === 'deadline' ? `Done on ${formatLong(doneOn as IsoDate)}, on time.` : `Done on ${formatLong(doneOn as IsoDate)}.`;
    case 'late':
      return `Done on ${formatLong(doneOn as IsoDate)}, ${days(daysBetween(date!, doneOn as IsoDate))} after it was due.`;
    case 'early':
      return `Done on ${formatLong(doneOn as IsoDate)}, before the earliest allowed day (${formatLong(date!)}).`;
    case 'overdue':
      return `Overdue by ${days(daysBetween(date!, today))}.${future}`;
    case 'due-soon':
    case 'upcoming':
      return (date === today ? 'Due today.' : `Due in ${days(daysBetween(today, date!))}.`) + future;
    case 'open':
      return `That day has come.${future}`;
    case 'waiting':
      return `In ${days(daysBetween(today, date!))}.${future}`;
    case 'unknown':
      return `The date is not known yet.${future}`;
  }
}

/**
 * Every clock `record` starts, with its done date, plus the notes the record page prints
 * under them. The kind's file in src/domain/kinds/ says which; kinds without a clock give none.
 * Deleted records still have clocks (the record page shows them); the dashboard skips them.
 */
export function recordClocks(record: ComplianceRecord, ctx: ClockContext = {}): { clocks: Clock[]; notes: string[] } {
  const entry = RECORD_KIND_REGISTRY[record.kind] as { clocks?: (r: ComplianceRecord, c: ClockContext) => { clocks: Clock[]; notes: string[] } };
  return entry.clocks ? entry.clocks(record, { ...ctx, settings: ctx.settings ?? {} }) : { clocks: [], notes: [] };
}
