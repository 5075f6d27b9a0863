/**
 * The clocks a record starts, and its retention date, as lines for the detail view: each with
 * its date, its status against today, its citation and the rule version it comes from. The
 * clocks and their status come from the one interpreter in src/domain/clock.ts (the dashboard
 * and the certification checks read the same); this file only words them.
 */
import type { BreachSettings } from '../../domain/breach-clock';
import { clockStatus, clockStatusText, recordClocks as clocksOf, type ClockContext, type ClockStatus } from '../../domain/clock';
import { addDays, formatLong, type IsoDate } from '../../domain/dates';
import type { DutyId } from '../../domain/duties';
import type { ComplianceRecord } from '../../domain/records';
import { retentionFor } from '../../domain/retention';

export type ClockState = ClockStatus;

export interface ClockLine {
  dutyId: DutyId;
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

/**
 * The clocks `record` starts (none for kinds without a deadline). `notices` are the client's
 * opt-out notices: a later one does the § 64.2008(d)(2) refresh of an earlier one.
 */
export function recordClocks(
  record: ComplianceRecord,
  settings: BreachSettings | undefined,
  today: IsoDate,
  notices?: ClockContext['notices'],
  dueSoonDays?: number,
): RecordClocks {
  const { clocks, notes } = clocksOf(record, { settings: settings ?? {}, notices });
  return {
    lines: clocks.map((c) => ({
      dutyId: c.dutyId,
      title: c.title,
      date: c.date,
      state: clockStatus(c, today, dueSoonDays),
      stateText: clockStatusText(c, today, dueSoonDays),
      citation: c.citation,
      ruleVersion: c.ruleVersion,
      ...(c.unverified ? { unverified: true } : {}),
      ...(c.note ? { note: c.note } : {}),
    })),
    notes,
  };
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
