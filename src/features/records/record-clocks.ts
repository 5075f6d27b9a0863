/**
 * The clocks a record starts, and its retention date, as lines for the detail view: each with
 * its date, its status against today, its citation and the rule version it comes from. The
 * clocks and their status come from the one interpreter in src/domain/clock.ts (the dashboard
 * and the certification checks read the same); this file only words them.
 */
import type { BreachSettings } from '../../domain/breach-clock';
import { clockStatus, clockStatusText, recordClocks as clocksOf, type ClockContext, type ClockStatus } from '../../domain/clock';
import { addDays, formatLong, isIsoDate, type IsoDate } from '../../domain/dates';
import type { DutyId } from '../../domain/duties';
import { RECORD_KIND_REGISTRY, type ComplianceRecord, type RecordKind } from '../../domain/records';
import { retentionFor } from '../../domain/retention';
import { kindMeta } from './record-kinds';

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

/** True for kinds whose form shows its clocks while being filled (the kinds that start a clock). */
export function hasLiveClocks(kind: RecordKind): boolean {
  return typeof (RECORD_KIND_REGISTRY[kind] as { clocks?: unknown }).clocks === 'function';
}

export interface DraftClocks {
  /** Why no clock can be computed yet, in words (the record's own date is missing or not a date). */
  missing?: string;
  /** Dates typed that are not calendar dates, in words; the clocks leave them out until corrected. */
  problems: string[];
  clocks?: RecordClocks;
  retention?: RetentionLine;
}

/**
 * The clocks and retention of a record still being filled in: `fields` as the form would save
 * them. Bad dates are named in words and left out, so the clocks never show a date computed
 * from one; the status of each clock still comes from the one interpreter.
 */
export function draftClocks(
  kind: RecordKind,
  fields: Record<string, unknown>,
  settings: BreachSettings | undefined,
  today: IsoDate,
  notices?: ClockContext['notices'],
  dueSoonDays?: number,
): DraftClocks {
  const problems: string[] = [];
  const clean: Record<string, unknown> = { ...fields };
  for (const f of kindMeta(kind).fields) {
    const value = clean[f.name];
    if (f.control !== 'date' || typeof value !== 'string' || value === '' || isIsoDate(value)) continue;
    problems.push(`${f.label}: “${value}” is not a date on the calendar; the clocks leave it out until it is corrected.`);
    clean[f.name] = '';
  }
  const dateField = RECORD_KIND_REGISTRY[kind].dateField;
  if (!clean[dateField]) {
    const label = kindMeta(kind).fields.find((f) => f.name === dateField)?.label ?? dateField;
    return { problems, missing: `Enter “${label}” to see the clocks this record starts and how long it must be kept.` };
  }
  const record = { ...clean, kind, id: '', clientId: '', createdAt: '', updatedAt: '' } as unknown as ComplianceRecord;
  return {
    problems,
    clocks: recordClocks(record, settings, today, notices, dueSoonDays),
    retention: retentionLine(record, settings ?? {}, today),
  };
}
