/**
 * The one interpreter of every clock a record starts. A clock is a date from the duty table
 * (a deadline, or a "not before" date) and the day the duty was done, if it was; its status
 * comes from `clockStatus` and nowhere else. The dashboard (deadlines.ts), the record page
 * (features/records/record-clocks.ts) and the certification's findings (certification-record.ts)
 * all read `recordClocks` and `clockStatus`, so they cannot disagree
 * (test/domain/clock-agreement.test.ts generates records of every kind to prove it).
 */
import { breachClock, breachClockInput, closureDates, type BreachSettings } from './breach-clock';
import { daysBetween, formatLong, type IsoDate } from './dates';
import { DUTIES, interpretationNote, type DutyId } from './duties';
import { optOutApprovalFrom, optOutFailureNoticeDue, optOutNoticeRefreshDue } from './duty-dates';
import type { ComplianceRecord, NoticeRecord } from './records';

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
  notices?: readonly Pick<NoticeRecord, 'id' | 'clientId' | 'sentOn' | 'deletedAt'>[];
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

const RULE_2007 = '2007 rule (in force)';

function breachClocks(r: Extract<ComplianceRecord, { kind: 'breach' }>, settings: BreachSettings): { clocks: Clock[]; notes: string[] } {
  const clock = breachClock(breachClockInput(r), settings);
  const is2023 = clock.rule === '2023';
  const version = is2023 ? `2023 rule (FCC 23-111), effective ${formatLong(settings.breachRule2023EffectiveDate ?? '')} per your Settings` : RULE_2007;
  const clocks: Clock[] = [];
  if (is2023 && clock.annualSummaryDue) {
    // Fewer than 500 customers and no likely harm: the summary replaces the agency notice (amended § 64.2011(a)(3)).
    clocks.push({
      dutyId: 'breachAnnualSummary2023',
      kind: 'deadline',
      date: clock.annualSummaryDue,
      doneOn: r.annualSummaryFiledOn,
      title: 'Annual summary to the FCC due (unverified date)',
      citation: DUTIES.breachAnnualSummary2023.citation,
      ruleVersion: version,
      unverified: true,
      note: DUTIES.breachAnnualSummary2023.interpretation,
    });
  } else {
    const agency = is2023 ? DUTIES.breachAgencyNotice2023 : DUTIES.breachAgencyNotice2007;
    clocks.push({
      dutyId: agency.id,
      kind: 'deadline',
      date: clock.agencyNoticeDue,
      doneOn: r.agenciesNotifiedOn,
      title: is2023 ? 'Notice to the FCC, USSS and FBI due' : 'Notice to the USSS and FBI due',
      citation: agency.citation,
      ruleVersion: version,
      note: is2023 ? 'Amended § 64.2011, in force from the effective date in your Settings.' : interpretationNote(agency.id),
    });
  }
  if (!is2023) {
    // § 64.2011(b)(1): a "not before" date; the 2007 rule sets no outer limit after it.
    clocks.push({
      dutyId: 'breachCustomerWait2007',
      kind: 'notBefore',
      date: clock.customerNoticeEarliest,
      doneOn: r.customersNotifiedOn,
      title: 'Customers may be told from',
      citation: DUTIES.breachCustomerWait2007.citation,
      ruleVersion: version,
      note: clock.customerNoticeEarliest
        ? `Customers may be told from ${formatLong(clock.customerNoticeEarliest)}, not before; the 2007 rule sets no outer limit after that.`
        : 'Enter the date the agencies were notified to see this date.',
    });
  } else if (clock.customerNoticeDue) {
    clocks.push({
      dutyId: 'breachCustomerNotice2023',
      kind: 'deadline',
      date: clock.customerNoticeDue,
      doneOn: r.customersNotifiedOn,
      title: 'Notice to customers due',
      citation: DUTIES.breachCustomerNotice2023.citation,
      ruleVersion: version,
      note: [
        clock.customerNoticeEarliest && clock.customerNoticeEarliest > r.determinedOn ? `Not before ${formatLong(clock.customerNoticeEarliest)}.` : undefined,
        interpretationNote('breachCustomerNotice2023'),
      ]
        .filter(Boolean)
        .join(' '),
    });
  }
  return { clocks, notes: clock.notes };
}

type NoticeList = NonNullable<ClockContext['notices']>;
const successorCache = new WeakMap<NoticeList, Map<string, IsoDate>>();

/** For each live notice, the day the next notice of the same client was sent (one sort per client, cached by list). */
function noticeSuccessors(notices: NoticeList): Map<string, IsoDate> {
  let next = successorCache.get(notices);
  if (next) return next;
  next = new Map();
  const byClient = new Map<string, { id: string; sentOn: IsoDate }[]>();
  for (const n of notices) {
    if (n.deletedAt) continue;
    let list = byClient.get(n.clientId);
    if (!list) byClient.set(n.clientId, (list = []));
    list.push(n);
  }
  for (const list of byClient.values()) {
    list.sort((a, b) => (a.sentOn < b.sentOn ? -1 : a.sentOn > b.sentOn ? 1 : 0));
    // Notices sent the same day do not refresh each other: the next one is the first later day.
    let later: IsoDate | undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      const n = list[i]!;
      if (i + 1 < list.length && list[i + 1]!.sentOn > n.sentOn) later = list[i + 1]!.sentOn;
      if (later) next.set(n.id, later);
    }
  }
  successorCache.set(notices, next);
  return next;
}

/** The day the next opt-out notice of the same client was sent, after `record` (§ 64.2008(d)(2) is then done). */
function nextNoticeOn(record: NoticeRecord, notices: ClockContext['notices']): IsoDate | undefined {
  return notices ? noticeSuccessors(notices).get(record.id) : undefined;
}

/**
 * Every clock `record` starts, with its done date, plus the notes the record page prints
 * under them. Kinds without a clock give none. Deleted records still have clocks (the record
 * page shows them); the dashboard skips deleted records.
 */
export function recordClocks(record: ComplianceRecord, ctx: ClockContext = {}): { clocks: Clock[]; notes: string[] } {
  const settings = ctx.settings ?? {};
  switch (record.kind) {
    case 'breach':
      return breachClocks(record, settings);
    case 'notice':
      return {
        clocks: [
          {
            dutyId: 'optOutWait',
            kind: 'notBefore',
            date: optOutApprovalFrom({ method: record.method, sentOn: record.sentOn }),
            title: 'Opt-out approval may be assumed from',
            citation: DUTIES.optOutWait.citation,
            ruleVersion: RULE_2007,
            informational: true,
            note: interpretationNote('optOutWait'),
          },
          {
            dutyId: 'optOutNoticeRefresh',
            kind: 'deadline',
            date: optOutNoticeRefreshDue(record.sentOn),
            doneOn: nextNoticeOn(record, ctx.notices),
            title: 'Next opt-out notice due (every two years)',
            citation: DUTIES.optOutNoticeRefresh.citation,
            ruleVersion: RULE_2007,
            note: `${interpretationNote('optOutNoticeRefresh') ?? ''} A later notice, once recorded, starts a new two years.`.trim(),
          },
        ],
        notes: [],
      };
    case 'optOutFailure':
      return {
        clocks: [
          {
            dutyId: 'optOutFailureNotice',
            kind: 'deadline',
            date: optOutFailureNoticeDue(record.learnedOn, { closures: closureDates(settings) }),
            doneOn: record.letterSentOn,
            title: 'Letter to the FCC due',
            citation: DUTIES.optOutFailureNotice.citation,
            ruleVersion: RULE_2007,
            note: interpretationNote('optOutFailureNotice'),
          },
        ],
        notes: [],
      };
    default:
      return { clocks: [], notes: [] };
  }
}
