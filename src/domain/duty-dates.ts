/**
 * Dates computed from the duty table (duties.ts) and nothing else: a duty's `length`, `unit`,
 * `calendar`, `startOffsetDays` and `rollsForward` decide its date, so a rule change is one
 * edit in the table. deadlines.ts, breach-clock.ts, clock.ts and retention.ts call these.
 */
import { addBusinessDays, rollForward, type CalendarOptions } from './calendar';
import { addDays, addYears, makeDate, type IsoDate } from './dates';
import { DUTIES, duty, type Duty, type DutyId } from './duties';

/**
 * The last day of the period `id` sets, counted from `trigger`. § 1.4(c): the trigger day is
 * not counted; § 1.4(d): the last day is. With `countFromOffset` the first counted day is
 * `startOffsetDays` after the trigger instead (§ 64.2008(d)(1): mailed notices).
 */
export function dutyPeriodEnd(id: DutyId, trigger: IsoDate, opts: CalendarOptions & { countFromOffset?: boolean } = {}): IsoDate {
  const d = duty(id);
  const { countFromOffset, ...cal } = opts;
  const calendar = d.calendar === 'none' ? undefined : { calendar: d.calendar, ...cal };
  let end: IsoDate;
  switch (d.unit) {
    case 'businessDays':
      end = addBusinessDays(trigger, d.length, calendar ?? cal);
      break;
    case 'calendarDays':
      // Day 1 is the day after the trigger, or the offset day: the last day is length − 1 after day 1.
      end = addDays(trigger, (countFromOffset && d.startOffsetDays ? d.startOffsetDays : 1) + d.length - 1);
      break;
    case 'years':
      end = addYears(trigger, d.length);
      break;
    case 'annualDate':
      throw new Error(`${id} falls on a date each year: use annualDutyDate`);
  }
  return d.rollsForward && calendar ? rollForward(end, calendar) : end;
}

/** The day after the period ends: the first day a "not before" duty allows. */
export function dutyPeriodOver(id: DutyId, trigger: IsoDate, opts: CalendarOptions & { countFromOffset?: boolean } = {}): IsoDate {
  return addDays(dutyPeriodEnd(id, trigger, opts), 1);
}

/** An annual duty's date in `year` (moved to the next business day when the duty rolls forward, § 1.4(j)). */
export function annualDutyDate(id: 'annualCertification' | 'breachAnnualSummary2023', year: number, opts: CalendarOptions = {}): IsoDate {
  const d: Duty = DUTIES[id];
  const { month, day } = d.annualDate!;
  const nominal = makeDate(year, month, day);
  return d.rollsForward && d.calendar !== 'none' ? rollForward(nominal, { calendar: d.calendar, ...opts }) : nominal;
}

/** § 64.2009(f): the letter to the FCC is due five business days after the carrier learns of the failure. */
export function optOutFailureNoticeDue(learnedOn: IsoDate, opts?: CalendarOptions): IsoDate {
  return dutyPeriodEnd('optOutFailureNotice', learnedOn, opts);
}

/**
 * § 64.2008(d)(1): the first day approval may be assumed after an opt-out notice, the day after
 * the 30-day wait ends. For mail the wait begins on the third day after mailing. (Interpretation:
 * see DUTIES.optOutWait.)
 */
export function optOutApprovalFrom({ method, sentOn }: { method: 'electronic' | 'mail'; sentOn: IsoDate }): IsoDate {
  return dutyPeriodOver('optOutWait', sentOn, { countFromOffset: method === 'mail' });
}

/** § 64.2008(d)(2): opt-out notice must be given again two years after the last one. */
export function optOutNoticeRefreshDue(lastNoticeOn: IsoDate): IsoDate {
  return dutyPeriodEnd('optOutNoticeRefresh', lastNoticeOn);
}

/** § 64.2003(b): the first day an address counts as "of record" (30 days on the account). */
export function addressOfRecordFrom(addedOn: IsoDate): IsoDate {
  return dutyPeriodOver('addressOfRecord', addedOn);
}
