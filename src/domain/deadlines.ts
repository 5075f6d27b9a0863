/**
 * Every CPNI deadline: the annual certification, the clocks started by records, and the list
 * the dashboard shows (`deadlinesFor`). All numbers come from the duty table in duties.ts.
 */
import { describeStatus, type StatusFacts } from './certification-status';
import { addBusinessDays, type CalendarOptions } from './calendar';
import { formatWithWeekday, makeDate, yearOf, type IsoDate } from './dates';
import { DUTIES, CERTIFICATION_GAP_YEARS, FIRST_CERTIFICATION_YEAR, duty, type DutyId } from './duties';
import { closureDates, type BreachSettings } from './breach-clock';
import { DEFAULT_DUE_SOON_DAYS, clockStatus, recordClocks, type ClockContext, type ClockStatus } from './clock';
import { annualDutyDate } from './duty-dates';
import type { Client, Settings } from './schema';
import type { ComplianceRecord, NoticeRecord } from './records';

export { breachClock, breachRuleFor, type BreachClock, type BreachClockInput, type BreachRule } from './breach-clock';
export { addressOfRecordFrom, optOutApprovalFrom, optOutFailureNoticeDue, optOutNoticeRefreshDue } from './duty-dates';
export { doneBy } from './clock';

/** A dashboard row's status: the words and rules of clock.ts, shared with the record page and the certification. */
export type DeadlineStatus = ClockStatus;

export interface Deadline {
  clientId: string;
  recordId?: string;
  dutyId: DutyId;
  citation: string;
  due: IsoDate;
  status: DeadlineStatus;
  ruleVersion: string;
  note?: string;
  title: string;
}

export interface CertificationProgress extends StatusFacts {
  clientId: string;
  certificationYear: number;
  /** Set on an amended filing: it corrects a filing already made for the year. */
  amends?: boolean;
}

export type DeadlineSettings = Partial<Pick<Settings, 'closures' | 'breachRule2023EffectiveDate' | 'dueSoonDays'>>;

// ---------------------------------------------------------------------------------------------
// The annual certification (§ 64.2009(e))

/** March 1 of `certificationYear`, moved to the next business day under § 1.4(j). Covers year − 1. */
export function certificationDueDate(certificationYear: number, opts?: CalendarOptions): IsoDate {
  return annualDutyDate('annualCertification', certificationYear, opts);
}

/** False before the first filing (2008) and for 2017, when no certification was due. */
export function certificationRequired(certificationYear: number): boolean {
  return certificationYear >= FIRST_CERTIFICATION_YEAR && !CERTIFICATION_GAP_YEARS.includes(certificationYear);
}

/**
 * The certification year whose filing season contains `today`: the first required year whose
 * due date is on or after today. On the due date itself the season is still that year (a
 * filing that day is on time); the day after, the next year's season begins (2026-11-25 →
 * 2027, which covers 2026; 2027-03-01 → 2027; 2027-03-02 → 2028).
 */
export function filingSeason(today: IsoDate, opts?: CalendarOptions): number {
  let year = Math.max(yearOf(today), FIRST_CERTIFICATION_YEAR);
  while (!certificationRequired(year) || certificationDueDate(year, opts) < today) year++;
  return year;
}

/**
 * When March 1 is not a business day: the § 1.4(j) date is the legal deadline, but some FCC
 * reminders printed "March 1" in such years, so say so and name the safe day.
 */
export function certificationDueNote(certificationYear: number, opts?: CalendarOptions): string | undefined {
  const d = DUTIES.annualCertification;
  const nominal = makeDate(certificationYear, d.annualDate.month, d.annualDate.day);
  const due = certificationDueDate(certificationYear, opts);
  if (due === nominal) return undefined;
  const safe = addBusinessDays(nominal, -1, { calendar: d.calendar, ...opts });
  return `${formatWithWeekday(nominal)} is not an FCC business day, so under 47 C.F.R. § 1.4(j) the certification is due ${formatWithWeekday(due)}. Some FCC reminders have printed "March 1" in such years; filing by ${formatWithWeekday(safe)} avoids any doubt.`;
}

// ---------------------------------------------------------------------------------------------
// The dashboard list

/** A dashboard row's status: the one clock interpreter's (clock.ts). */
export function deadlineStatus(due: IsoDate, today: IsoDate, done: boolean, dueSoonDays = DEFAULT_DUE_SOON_DAYS): DeadlineStatus {
  return clockStatus({ kind: 'deadline', date: due, doneOn: done ? due : '' }, today, dueSoonDays);
}

interface Context {
  today: IsoDate;
  dueSoonDays: number;
  cal: CalendarOptions;
  settings: BreachSettings;
  out: Deadline[];
}

/** One row per dated duty clock of `record` (informational dates and unknown dates stay on the record page). */
function recordRows(ctx: Context, record: ComplianceRecord, clockCtx: ClockContext): void {
  for (const clock of recordClocks(record, clockCtx).clocks) {
    if (clock.informational || !clock.date) continue;
    const d = DUTIES[clock.dutyId];
    ctx.out.push({
      clientId: record.clientId,
      recordId: record.id,
      dutyId: clock.dutyId,
      citation: d.citation,
      due: clock.date,
      status: clockStatus(clock, ctx.today, ctx.dueSoonDays),
      ruleVersion: d.ruleVersion,
      title: d.title,
      note: clock.unverified ? `Unverified due date. ${duty(clock.dutyId).interpretation ?? ''}`.trim() : clock.note,
    });
  }
}

function certificationRows(ctx: Context, clientId: string, season: number, progress: Map<number, CertificationProgress> | undefined): void {
  const d = DUTIES.annualCertification;
  const add = (year: number, current: boolean) => {
    const entry = progress?.get(year);
    const due = certificationDueDate(year, ctx.cal);
    if (entry?.status === 'filed') {
      // The season's filed certification counts as done (on time or late); an earlier one is gone.
      if (current && entry.filedOn)
        ctx.out.push({
          clientId,
          dutyId: d.id,
          citation: d.citation,
          due,
          status: clockStatus({ kind: 'deadline', date: due, doneOn: entry.filedOn }, ctx.today, ctx.dueSoonDays),
          ruleVersion: d.ruleVersion,
          title: `${d.title} for ${year}, covering ${year - 1}`,
          note: `Filed on ${formatWithWeekday(entry.filedOn)}.`,
        });
      return;
    }
    const notes = [
      entry ? `In progress: ${describeStatus(entry, ctx.today)}.` : undefined,
      certificationDueNote(year, ctx.cal),
    ].filter(Boolean);
    ctx.out.push({
      clientId,
      dutyId: d.id,
      citation: d.citation,
      due,
      status: deadlineStatus(due, ctx.today, false, ctx.dueSoonDays),
      ruleVersion: d.ruleVersion,
      title: `${d.title} for ${year}, covering ${year - 1}`,
      note: notes.length ? notes.join(' ') : undefined,
    });
  };
  // A certification started in the app for the previous season and still not filed stays on
  // the list, overdue, until it is filed; otherwise only the current season is listed.
  let previous = season - 1;
  while (previous >= FIRST_CERTIFICATION_YEAR && !certificationRequired(previous)) previous--;
  if (previous >= FIRST_CERTIFICATION_YEAR && progress?.has(previous)) add(previous, false);
  add(season, true);
}

/**
 * Every deadline for the active (not archived) clients: the current season's certification
 * until it is filed, and the clocks started by their records (deleted records give none).
 * Linear in the number of records; sorted by due date, then client.
 */
export function deadlinesFor(
  clients: readonly Pick<Client, 'id' | 'archived'>[],
  records: readonly ComplianceRecord[],
  today: IsoDate,
  settings: DeadlineSettings = {},
  certifications: readonly CertificationProgress[] = [],
): Deadline[] {
  const closures = closureDates(settings);
  const ctx: Context = {
    today,
    dueSoonDays: settings.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    cal: { calendar: 'fcc', closures },
    settings,
    out: [],
  };
  const active = new Set<string>();
  for (const c of clients) if (!c.archived) active.add(c.id);

  const progressByClient = new Map<string, Map<number, CertificationProgress>>();
  for (const p of certifications) {
    if (!active.has(p.clientId)) continue;
    let byYear = progressByClient.get(p.clientId);
    if (!byYear) progressByClient.set(p.clientId, (byYear = new Map()));
    const seen = byYear.get(p.certificationYear);
    if (!seen || p.status === 'filed') byYear.set(p.certificationYear, p);
  }

  const season = filingSeason(today, ctx.cal);
  for (const id of active) certificationRows(ctx, id, season, progressByClient.get(id));

  const live = records.filter((r) => !r.deletedAt && active.has(r.clientId));
  const notices = live.filter((r): r is NoticeRecord => r.kind === 'notice');
  const clockCtx: ClockContext = { settings, notices };
  for (const r of live) recordRows(ctx, r, clockCtx);

  return ctx.out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0));
}
