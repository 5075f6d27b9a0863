/**
 * The clocks a record starts, and its retention date, as lines for the detail view: each with
 * its date, its state against today, its citation and the rule version it comes from. All
 * dates come from the rulebook (src/domain); this file only words them.
 */
import { breachClock, breachClockInput, closureDates, type BreachSettings } from '../../domain/breach-clock';
import { addDays, daysBetween, formatLong, type IsoDate } from '../../domain/dates';
import { optOutApprovalFrom, optOutFailureNoticeDue, optOutNoticeRefreshDue } from '../../domain/deadlines';
import { DUTIES, interpretationNote } from '../../domain/duties';
import type { ComplianceRecord } from '../../domain/records';
import { retentionFor } from '../../domain/retention';

export type ClockState = 'done' | 'late' | 'overdue' | 'due' | 'upcoming' | 'open' | 'waiting' | 'unknown';

export interface ClockLine {
  title: string;
  date?: IsoDate;
  state: ClockState;
  /** The state in words: "Done on March 5, 2026", "Overdue by 3 days". */
  stateText: string;
  citation: string;
  /** Which version of the rule the date comes from, in words. */
  ruleVersion: string;
  unverified?: boolean;
  note?: string;
}

export interface RecordClocks {
  lines: ClockLine[];
  notes: string[];
}

export interface RetentionLine {
  date: IsoDate;
  basis: 'rule' | 'practice';
  /** "Rule" or "Practice, not a rule", with the citation. */
  basisText: string;
  citation: string;
  past: boolean;
  stateText: string;
  note?: string;
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** A deadline against today, or against the day it was met. */
function deadlineState(due: IsoDate, today: IsoDate, doneOn?: IsoDate | ''): Pick<ClockLine, 'state' | 'stateText'> {
  if (doneOn && doneOn > today) {
    const pending = deadlineState(due, today);
    return { state: pending.state, stateText: `${pending.stateText} The record says it was done on ${formatLong(doneOn)}, which has not come yet: check that date.` };
  }
  if (doneOn) {
    return doneOn <= due
      ? { state: 'done', stateText: `Done on ${formatLong(doneOn)}, on time.` }
      : { state: 'late', stateText: `Done on ${formatLong(doneOn)}, ${days(daysBetween(due, doneOn))} after it was due.` };
  }
  if (today > due) return { state: 'overdue', stateText: `Overdue by ${days(daysBetween(due, today))}.` };
  if (today === due) return { state: 'due', stateText: 'Due today.' };
  return { state: 'upcoming', stateText: `Due in ${days(daysBetween(today, due))}.` };
}

/** A "not before" date: waiting until it comes, then open. */
function notBeforeState(from: IsoDate, today: IsoDate, doneOn?: IsoDate | ''): Pick<ClockLine, 'state' | 'stateText'> {
  if (doneOn && doneOn > today) {
    const pending = notBeforeState(from, today);
    return { state: pending.state, stateText: `${pending.stateText} The record says it was done on ${formatLong(doneOn)}, which has not come yet: check that date.` };
  }
  if (doneOn) {
    return doneOn >= from
      ? { state: 'done', stateText: `Done on ${formatLong(doneOn)}.` }
      : { state: 'late', stateText: `Done on ${formatLong(doneOn)}, before the earliest allowed day.` };
  }
  return today >= from ? { state: 'open', stateText: 'That day has come.' } : { state: 'waiting', stateText: `In ${days(daysBetween(today, from))}.` };
}

const RULE_2007 = '2007 rule (in force)';

function breachClocks(r: Extract<ComplianceRecord, { kind: 'breach' }>, settings: BreachSettings, today: IsoDate): RecordClocks {
  const clock = breachClock(
    breachClockInput(r),
    settings,
  );
  const is2023 = clock.rule === '2023';
  const version = is2023 ? `2023 rule (FCC 23-111), effective ${formatLong(settings.breachRule2023EffectiveDate ?? '')} per your Settings` : RULE_2007;
  const agency = is2023 ? DUTIES.breachAgencyNotice2023 : DUTIES.breachAgencyNotice2007;
  const lines: ClockLine[] = [
    {
      title: is2023 ? 'Notice to the FCC, USSS and FBI due' : 'Notice to the USSS and FBI due',
      date: clock.agencyNoticeDue,
      ...deadlineState(clock.agencyNoticeDue, today, r.agenciesNotifiedOn),
      citation: agency.citation,
      ruleVersion: version,
    },
  ];
  if (clock.customerNoticeEarliest) {
    lines.push({
      title: 'Customers may be told from',
      date: clock.customerNoticeEarliest,
      ...notBeforeState(clock.customerNoticeEarliest, today, r.customersNotifiedOn),
      citation: is2023 ? DUTIES.breachCustomerNotice2023.citation : DUTIES.breachCustomerWait2007.citation,
      ruleVersion: version,
    });
  } else if (!is2023) {
    lines.push({
      title: 'Customers may be told from',
      state: 'unknown',
      stateText: 'Enter the date the agencies were notified to see this date.',
      citation: DUTIES.breachCustomerWait2007.citation,
      ruleVersion: version,
    });
  }
  if (clock.customerNoticeDue) {
    lines.push({
      title: 'Notice to customers due',
      date: clock.customerNoticeDue,
      ...deadlineState(clock.customerNoticeDue, today, r.customersNotifiedOn),
      citation: DUTIES.breachCustomerNotice2023.citation,
      ruleVersion: version,
    });
  }
  if (clock.annualSummaryDue) {
    lines.push({
      title: 'Annual summary to the FCC due (unverified date)',
      date: clock.annualSummaryDue,
      ...deadlineState(clock.annualSummaryDue, today, r.annualSummaryFiledOn),
      citation: DUTIES.breachAnnualSummary2023.citation,
      ruleVersion: version,
      unverified: true,
      note: DUTIES.breachAnnualSummary2023.interpretation,
    });
  }
  return { lines, notes: clock.notes };
}

/** The clocks `record` starts (none for kinds without a deadline). */
export function recordClocks(record: ComplianceRecord, settings: BreachSettings, today: IsoDate): RecordClocks {
  switch (record.kind) {
    case 'breach':
      return breachClocks(record, settings, today);
    case 'notice': {
      const from = optOutApprovalFrom({ method: record.method, sentOn: record.sentOn });
      const refresh = optOutNoticeRefreshDue(record.sentOn);
      return {
        lines: [
          {
            title: 'Opt-out approval may be assumed from',
            date: from,
            ...notBeforeState(from, today),
            citation: DUTIES.optOutWait.citation,
            ruleVersion: RULE_2007,
            note: interpretationNote('optOutWait'),
          },
          {
            title: 'Next opt-out notice due (every two years)',
            date: refresh,
            ...deadlineState(refresh, today),
            citation: DUTIES.optOutNoticeRefresh.citation,
            ruleVersion: RULE_2007,
            note: `${interpretationNote('optOutNoticeRefresh') ?? ''} A later notice, once recorded, starts a new two years.`.trim(),
          },
        ],
        notes: [],
      };
    }
    case 'optOutFailure': {
      const due = optOutFailureNoticeDue(record.learnedOn, { closures: closureDates(settings) });
      return {
        lines: [
          {
            title: 'Letter to the FCC due',
            date: due,
            ...deadlineState(due, today, record.letterSentOn),
            citation: DUTIES.optOutFailureNotice.citation,
            ruleVersion: RULE_2007,
            note: interpretationNote('optOutFailureNotice'),
          },
        ],
        notes: [],
      };
    }
    default:
      return { lines: [], notes: [] };
  }
}

/** How long `record` must be kept, on what basis, and whether that time is over. */
export function retentionLine(record: ComplianceRecord, settings: BreachSettings, today: IsoDate): RetentionLine {
  const r = retentionFor(record, settings);
  const past = today >= r.date;
  return {
    date: r.date,
    basis: r.basis,
    basisText: r.basis === 'rule' ? `Rule: ${r.citation}` : `Practice, not a rule. ${r.citation}.`,
    citation: r.citation,
    past,
    stateText: past
      ? 'The minimum retention period is over. You may dispose of this record; nothing is deleted automatically.'
      : `Keep until at least ${formatLong(addDays(r.date, -1))}.`,
    note: r.note,
  };
}
