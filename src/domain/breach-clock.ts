/**
 * The clocks that start when a carrier reasonably determines a CPNI breach (§ 64.2011).
 *
 * The 2007 rule is in force. The 2023 amendments (FCC 23-111) apply only once the user enters
 * their effective date in Settings, and only to breaches determined on or after it: the
 * Federal Register delayed them indefinitely and no effective date has been announced.
 */
import type { CalendarOptions } from './calendar';
import { addDays, formatLong, isIsoDate, maxDate, yearOf, type IsoDate } from './dates';
import { annualDutyDate, dutyPeriodEnd, dutyPeriodOver } from './duty-dates';
import { DUTIES, RULES_2007_EFFECTIVE, SMALL_BREACH_CUSTOMERS, interpretationNote } from './duties';
import type { Settings } from './schema';

export type BreachRule = '2007' | '2023';

export interface BreachClockInput {
  determinedOn: IsoDate;
  agenciesNotifiedOn?: IsoDate | '';
  urgentHarm?: boolean;
  lawEnforcementDelayUntil?: IsoDate | '';
  customersAffected?: number | '';
  /** Whether harm to customers is reasonably likely ('' or undefined: not yet determined). */
  harmLikely?: boolean | 'yes' | 'no' | '';
}

/** A breach record's fields as the clock reads them (the delay counts only when it was directed). */
export function breachClockInput(
  r: Pick<BreachClockInput, 'determinedOn' | 'agenciesNotifiedOn' | 'urgentHarm' | 'customersAffected' | 'harmLikely'> & { lawEnforcementDelay?: boolean; delayUntil?: IsoDate | '' },
): BreachClockInput {
  return {
    determinedOn: r.determinedOn,
    agenciesNotifiedOn: r.agenciesNotifiedOn,
    urgentHarm: r.urgentHarm,
    lawEnforcementDelayUntil: r.lawEnforcementDelay ? r.delayUntil : '',
    customersAffected: r.customersAffected,
    harmLikely: r.harmLikely,
  };
}

export interface BreachClock {
  rule: BreachRule;
  agencyNoticeDue: IsoDate;
  customerNoticeEarliest?: IsoDate;
  customerNoticeDue?: IsoDate;
  annualSummaryDue?: IsoDate;
  notes: string[];
}

export type BreachSettings = Partial<Pick<Settings, 'breachRule2023EffectiveDate' | 'closures'>>;

/** Which version of § 64.2011 governs a breach determined on `determinedOn`. */
export function breachRuleFor(determinedOn: IsoDate, settings?: BreachSettings): BreachRule {
  // The table names the Settings date that starts the 2023 version (and ends the 2007 one).
  const effective = settings?.[DUTIES.breachAgencyNotice2023.effectiveFromSetting];
  return effective && isIsoDate(effective) && determinedOn >= effective ? '2023' : '2007';
}

function calendarOptions(settings: BreachSettings | undefined): CalendarOptions {
  return { calendar: 'fcc', closures: closureDates(settings) };
}

// Settings hand over the same closures array each time; keep the derived date list stable
// so calendar.ts can cache its set by identity.
const closureDateCache = new WeakMap<object, string[]>();
export function closureDates(settings: Pick<BreachSettings, 'closures'> | undefined): string[] | undefined {
  const closures = settings?.closures;
  if (!closures || closures.length === 0) return undefined;
  let dates = closureDateCache.get(closures);
  if (!dates) {
    dates = closures.map((c) => c.date);
    closureDateCache.set(closures, dates);
  }
  return dates;
}

function harmIsLikely(value: BreachClockInput['harmLikely']): boolean | undefined {
  if (value === true || value === 'yes') return true;
  if (value === false || value === 'no') return false;
  return undefined;
}

const present = (d: IsoDate | '' | undefined): IsoDate | undefined => (d ? d : undefined);

export function breachClock(input: BreachClockInput, settings?: BreachSettings): BreachClock {
  return breachRuleFor(input.determinedOn, settings) === '2023'
    ? clock2023(input, settings, settings?.breachRule2023EffectiveDate ?? '')
    : clock2007(input, settings);
}

function clock2007(input: BreachClockInput, settings: BreachSettings | undefined): BreachClock {
  const cal = calendarOptions(settings);
  const agency = DUTIES.breachAgencyNotice2007;
  const wait = DUTIES.breachCustomerWait2007;
  const notifiedOn = present(input.agenciesNotifiedOn);
  const delayUntil = present(input.lawEnforcementDelayUntil);
  const notes: string[] = [];

  const effectiveFrom = agency.effectiveFrom ?? RULES_2007_EFFECTIVE;
  if (input.determinedOn < effectiveFrom) {
    notes.push(`This breach was determined before the 2007 rule took effect (${formatLong(effectiveFrom)}); the dates below apply that rule anyway.`);
  }
  const agencyNoticeDue = dutyPeriodEnd(agency.id, input.determinedOn, cal);
  notes.push(
    `2007 rule (in force): notify the USSS and FBI through the central reporting facility as soon as practicable and no later than ${agency.length} business days after reasonable determination (${agency.citation}). The FCC is not a recipient under this version.`,
  );

  let customerNoticeEarliest: IsoDate | undefined;
  if (!notifiedOn) {
    notes.push(`Customers may not be told until ${wait.length} full business days have passed after the agency notice (${wait.citation}); enter the date the agencies were notified to see that date.`);
  } else if (input.urgentHarm) {
    customerNoticeEarliest = notifiedOn;
    notes.push(
      'Urgent harm: customers may be told immediately, but only after consulting the investigating agency, and the agency notice must say so (47 C.F.R. § 64.2011(b)(2)).',
    );
  } else {
    customerNoticeEarliest = dutyPeriodOver(wait.id, notifiedOn, cal);
    const statutory = dutyPeriodOver(wait.id, notifiedOn, { calendar: 'statutory' });
    if (statutory !== customerNoticeEarliest) {
      notes.push(
        `On the statutory holiday calendar alone (without Inauguration Day or FCC closures) the wait would end earlier, from ${formatLong(statutory)}; CPNI Desk uses the later date.`,
      );
    }
    notes.push(interpretationNote(wait.id) ?? '');
  }
  if (delayUntil) {
    const afterDelay = addDays(delayUntil, 1);
    customerNoticeEarliest = maxDate(customerNoticeEarliest, afterDelay);
    notes.push(
      `Law-enforcement delay: no customer notice or public disclosure until the agency releases the delay in writing; the agency's direction, extensions and release must be in writing (${DUTIES.breachLawEnforcementDelay2007.citation}). ${DUTIES.breachLawEnforcementDelay2007.interpretation}`,
    );
  }
  notes.push('The 2007 rule sets no outer limit for customer notice once the wait is over.');
  notes.push(interpretationNote(agency.id) ?? '');
  return { rule: '2007', agencyNoticeDue, customerNoticeEarliest, notes: notes.filter(Boolean) };
}

function clock2023(input: BreachClockInput, settings: BreachSettings | undefined, effectiveOn: IsoDate): BreachClock {
  const cal = calendarOptions(settings);
  const agency = DUTIES.breachAgencyNotice2023;
  const customer = DUTIES.breachCustomerNotice2023;
  const summary = DUTIES.breachAnnualSummary2023;
  const notifiedOn = present(input.agenciesNotifiedOn);
  const delayUntil = present(input.lawEnforcementDelayUntil);
  const harm = harmIsLikely(input.harmLikely);
  const notes: string[] = [
    `2023 rule, effective ${formatLong(effectiveOn)} per your Settings: notify the FCC, USSS and FBI through the central reporting facility no later than ${agency.length} business days after reasonable determination (${agency.citation}).`,
  ];

  const agencyNoticeDue = dutyPeriodEnd(agency.id, input.determinedOn, cal);
  let annualSummaryDue: IsoDate | undefined;
  const small = typeof input.customersAffected === 'number' && input.customersAffected < SMALL_BREACH_CUSTOMERS;
  if (small && harm === false) {
    annualSummaryDue = annualDutyDate(summary.id, yearOf(input.determinedOn) + 1, cal);
    notes.push(
      `Fewer than ${SMALL_BREACH_CUSTOMERS} customers and no harm reasonably likely: no individual notice to the agencies is required; report the breach in the annual summary to the FCC instead (${summary.citation}). The agency date above applies if that determination changes.`,
    );
    notes.push(`Annual summary due ${formatLong(annualSummaryDue)}: unverified. ${summary.interpretation}`);
  }

  let customerNoticeEarliest: IsoDate | undefined;
  let customerNoticeDue: IsoDate | undefined;
  if (harm === false) {
    notes.push(`No harm reasonably likely: customer notice is not required (${customer.citation}). Keep the basis for that determination with the record.`);
  } else {
    if (harm === undefined) notes.push('Whether harm is reasonably likely is not recorded yet; until it is, customer notice is treated as required.');
    customerNoticeDue = dutyPeriodEnd(customer.id, input.determinedOn);
    customerNoticeEarliest = notifiedOn;
    notes.push(
      `Customers: without unreasonable delay after the agency notice and no later than ${customer.length} days after reasonable determination (${customer.citation}). ${interpretationNote(customer.id) ?? ''}`,
    );
  }
  if (delayUntil) {
    const afterDelay = addDays(delayUntil, 1);
    customerNoticeEarliest = maxDate(customerNoticeEarliest, afterDelay);
    if (customerNoticeDue) customerNoticeDue = maxDate(customerNoticeDue, afterDelay);
    notes.push(
      'Law-enforcement delay: the FCC or a law-enforcement or national-security agency directed a delay in writing (amended § 64.2011(a)(2)). Interpretation: CPNI Desk allows customer notice from the day after the delay ends and moves the 30-day limit to that day if the delay runs past it.',
    );
  }
  notes.push(interpretationNote(DUTIES.breachAgencyNotice2007.id) ?? '');
  return { rule: '2023', agencyNoticeDue, customerNoticeEarliest, customerNoticeDue, annualSummaryDue, notes: notes.filter(Boolean) };
}
