/**
 * Every CPNI deadline: the annual certification, the clocks started by records, and the list
 * the dashboard shows (`deadlinesFor`). All numbers come from the duty table in duties.ts.
 */
import { describeStatus, type StatusFacts } from './certification-status';
import { addBusinessDays, rollForward, type CalendarOptions } from './calendar';
import { addDays, addYears, daysBetween, formatLong, formatWithWeekday, makeDate, yearOf, type IsoDate } from './dates';
import { DUTIES, CERTIFICATION_GAP_YEARS, FIRST_CERTIFICATION_YEAR, interpretationNote, type DutyId } from './duties';
import { breachClock, breachClockInput, closureDates, type BreachSettings } from './breach-clock';
import type { Client, Settings } from './schema';
import type { BreachRecord, ComplianceRecord, NoticeRecord } from './records';

export { breachClock, breachRuleFor, type BreachClock, type BreachClockInput, type BreachRule } from './breach-clock';

export type DeadlineStatus = 'done' | 'overdue' | 'due-soon' | 'upcoming';

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

const DEFAULT_DUE_SOON_DAYS = 14;

// ---------------------------------------------------------------------------------------------
// The annual certification (§ 64.2009(e))

/** March 1 of `certificationYear`, moved to the next business day under § 1.4(j). Covers year − 1. */
export function certificationDueDate(certificationYear: number, opts?: CalendarOptions): IsoDate {
  const { month, day } = DUTIES.annualCertification.annualDate;
  return rollForward(makeDate(certificationYear, month, day), { calendar: 'fcc', ...opts });
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
  const { month, day } = DUTIES.annualCertification.annualDate;
  const nominal = makeDate(certificationYear, month, day);
  const due = certificationDueDate(certificationYear, opts);
  if (due === nominal) return undefined;
  const safe = addBusinessDays(nominal, -1, { calendar: 'fcc', ...opts });
  return `${formatWithWeekday(nominal)} is not an FCC business day, so under 47 C.F.R. § 1.4(j) the certification is due ${formatWithWeekday(due)}. Some FCC reminders have printed "March 1" in such years; filing by ${formatWithWeekday(safe)} avoids any doubt.`;
}

// ---------------------------------------------------------------------------------------------
// Clocks started by a single date

/** § 64.2009(f): the letter to the FCC is due five business days after the carrier learns of the failure. */
export function optOutFailureNoticeDue(learnedOn: IsoDate, opts?: CalendarOptions): IsoDate {
  const d = DUTIES.optOutFailureNotice;
  return addBusinessDays(learnedOn, d.length, { calendar: d.calendar, ...opts });
}

/**
 * § 64.2008(d)(1): the first day approval may be assumed after an opt-out notice, the day after
 * the 30-day wait ends. For mail the wait begins on the third day after mailing. (Interpretation:
 * see DUTIES.optOutWait.)
 */
export function optOutApprovalFrom({ method, sentOn }: { method: 'electronic' | 'mail'; sentOn: IsoDate }): IsoDate {
  const d = DUTIES.optOutWait;
  // Electronic: day 1 is the day after sending. Mail: day 1 is the third day after mailing.
  const lastDayOfWait = method === 'mail' ? addDays(sentOn, d.startOffsetDays + d.length - 1) : addDays(sentOn, d.length);
  return addDays(lastDayOfWait, 1);
}

/** § 64.2008(d)(2): opt-out notice must be given again two years after the last one. */
export function optOutNoticeRefreshDue(lastNoticeOn: IsoDate): IsoDate {
  return addYears(lastNoticeOn, DUTIES.optOutNoticeRefresh.length);
}

/** § 64.2003(b): the first day an address counts as "of record" (30 days on the account). */
export function addressOfRecordFrom(addedOn: IsoDate): IsoDate {
  return addDays(addedOn, DUTIES.addressOfRecord.length + 1);
}

// ---------------------------------------------------------------------------------------------
// The dashboard list

/**
 * A duty counts as done only on or after the day it was done: a completion date still in the
 * future (a typo, or a plan) must not hide an overdue notice.
 */
export function doneBy(doneOn: IsoDate | '' | undefined, today: IsoDate): boolean {
  return !!doneOn && doneOn <= today;
}

export function deadlineStatus(due: IsoDate, today: IsoDate, done: boolean, dueSoonDays = DEFAULT_DUE_SOON_DAYS): DeadlineStatus {
  if (done) return 'done';
  if (due < today) return 'overdue';
  return daysBetween(today, due) <= dueSoonDays ? 'due-soon' : 'upcoming';
}

interface Context {
  today: IsoDate;
  dueSoonDays: number;
  cal: CalendarOptions;
  settings: BreachSettings;
  out: Deadline[];
}

function push(ctx: Context, clientId: string, dutyId: DutyId, due: IsoDate, done: boolean, extra: Partial<Deadline> = {}): void {
  const d = DUTIES[dutyId];
  ctx.out.push({
    clientId,
    dutyId,
    citation: d.citation,
    due,
    status: deadlineStatus(due, ctx.today, done, ctx.dueSoonDays),
    ruleVersion: d.ruleVersion,
    title: d.title,
    ...extra,
  });
}

function breachDeadlines(ctx: Context, r: BreachRecord): void {
  const clock = breachClock(
    breachClockInput(r),
    ctx.settings,
  );
  const base = { recordId: r.id };
  const customersDone = doneBy(r.customersNotifiedOn, ctx.today);
  if (clock.rule === '2007') {
    push(ctx, r.clientId, 'breachAgencyNotice2007', clock.agencyNoticeDue, doneBy(r.agenciesNotifiedOn, ctx.today), {
      ...base,
      note: interpretationNote('breachAgencyNotice2007'),
    });
    if (clock.customerNoticeEarliest) {
      const d = DUTIES.breachCustomerWait2007;
      const status = deadlineStatus(clock.customerNoticeEarliest, ctx.today, customersDone, ctx.dueSoonDays);
      ctx.out.push({
        clientId: r.clientId,
        ...base,
        dutyId: d.id,
        citation: d.citation,
        due: clock.customerNoticeEarliest,
        // A "not before" date: once it passes, notice is due but the 2007 rule sets no outer limit.
        status: status === 'overdue' ? 'due-soon' : status,
        ruleVersion: d.ruleVersion,
        title: d.title,
        note: `Customers may be told from ${formatLong(clock.customerNoticeEarliest)}, not before; the 2007 rule sets no outer limit after that.`,
      });
    }
    return;
  }
  if (clock.annualSummaryDue) {
    push(ctx, r.clientId, 'breachAnnualSummary2023', clock.annualSummaryDue, doneBy(r.annualSummaryFiledOn, ctx.today), {
      ...base,
      note: `Unverified due date. ${DUTIES.breachAnnualSummary2023.interpretation}`,
    });
  } else {
    push(ctx, r.clientId, 'breachAgencyNotice2023', clock.agencyNoticeDue, doneBy(r.agenciesNotifiedOn, ctx.today), {
      ...base,
      note: 'Amended § 64.2011, in force from the effective date in your Settings.',
    });
  }
  if (clock.customerNoticeDue) {
    push(ctx, r.clientId, 'breachCustomerNotice2023', clock.customerNoticeDue, customersDone, {
      ...base,
      note: [
        clock.customerNoticeEarliest && clock.customerNoticeEarliest > r.determinedOn ? `Not before ${formatLong(clock.customerNoticeEarliest)}.` : undefined,
        interpretationNote('breachCustomerNotice2023'),
      ]
        .filter(Boolean)
        .join(' '),
    });
  }
}

function certificationRows(ctx: Context, clientId: string, season: number, progress: Map<number, CertificationProgress> | undefined): void {
  const d = DUTIES.annualCertification;
  const add = (year: number) => {
    const entry = progress?.get(year);
    if (entry?.status === 'filed') return;
    const due = certificationDueDate(year, ctx.cal);
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
  if (previous >= FIRST_CERTIFICATION_YEAR && progress?.has(previous)) add(previous);
  add(season);
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

  const latestNotice = new Map<string, IsoDate>();
  const notices: NoticeRecord[] = [];
  for (const r of records) {
    if (r.deletedAt || !active.has(r.clientId)) continue;
    switch (r.kind) {
      case 'breach':
        breachDeadlines(ctx, r);
        break;
      case 'optOutFailure':
        push(ctx, r.clientId, 'optOutFailureNotice', optOutFailureNoticeDue(r.learnedOn, ctx.cal), doneBy(r.letterSentOn, ctx.today), {
          recordId: r.id,
          note: interpretationNote('optOutFailureNotice'),
        });
        break;
      case 'notice': {
        notices.push(r);
        const latest = latestNotice.get(r.clientId);
        if ((!latest || r.sentOn > latest) && r.sentOn <= ctx.today) latestNotice.set(r.clientId, r.sentOn);
        break;
      }
      default:
        break;
    }
  }
  for (const r of notices) {
    const superseded = (latestNotice.get(r.clientId) ?? r.sentOn) > r.sentOn;
    push(ctx, r.clientId, 'optOutNoticeRefresh', optOutNoticeRefreshDue(r.sentOn), superseded, {
      recordId: r.id,
      note: interpretationNote('optOutNoticeRefresh'),
    });
  }

  return ctx.out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0));
}
