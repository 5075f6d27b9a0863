/**
 * The one table of CPNI duties: every clock and retention period the app computes, with its
 * citation, what starts it, how long it runs, on which calendar, under which rule version and
 * from when. Dates are computed from these columns by duty-dates.ts (length, unit, calendar,
 * startOffsetDays, rollsForward, annualDate) and breach-clock.ts (effective dates), so a rule
 * change is one edit in one place. Facts are those of §§ 64.2003–64.2011 and § 1.4;
 * `confidence` carries its tags ('V' rule text read, 'S' secondary source, 'R' from memory),
 * and `interpretation` says where the app had to choose a reading the rule leaves open.
 */
import type { IsoDate } from './dates';
import type { CalendarKind } from './calendar';

export type DutyId =
  | 'annualCertification'
  | 'optOutFailureNotice'
  | 'optOutWait'
  | 'optOutNoticeRefresh'
  | 'addressOfRecord'
  | 'breachAgencyNotice2007'
  | 'breachCustomerWait2007'
  | 'breachLawEnforcementDelay2007'
  | 'breachAgencyNotice2023'
  | 'breachCustomerNotice2023'
  | 'breachAnnualSummary2023'
  | 'retainCampaign'
  | 'retainDisclosure'
  | 'retainSupervisoryReview'
  | 'retainApproval'
  | 'retainNotice'
  | 'retainBreach2007'
  | 'retainBreach2023'
  | 'retainCertification'
  | 'retainSupporting';

export type DurationUnit = 'businessDays' | 'calendarDays' | 'years' | 'annualDate';
export type RuleVersion = '2007' | '2023' | 'practice';

export interface Duty {
  id: DutyId;
  title: string;
  citation: string;
  /** What starts the clock, in words a user can check against their records. */
  trigger: string;
  length: number;
  unit: DurationUnit;
  /** For unit 'annualDate': the month and day the duty falls on each year. */
  annualDate?: { month: number; day: number };
  /** Which days count ('none': calendar days, or a fixed date). */
  calendar: CalendarKind | 'none';
  /** § 1.4(j): a date that lands on a holiday moves to the next business day (filings with the FCC). */
  rollsForward: boolean;
  /** For waits measured from a later start (mailed notices): days between the trigger and the first counted day. */
  startOffsetDays?: number;
  ruleVersion: RuleVersion;
  /** First day the version applies (null: set by the user in Settings, see `effectiveFromSetting`). */
  effectiveFrom: IsoDate | null;
  /** The Settings date that starts this version (breach-clock.ts reads it to pick the rule). */
  effectiveFromSetting?: 'breachRule2023EffectiveDate';
  /** The Settings date that ends this version (the 2023 rule replaces the 2007 one from that day). */
  effectiveUntilSetting?: 'breachRule2023EffectiveDate';
  basis: 'rule' | 'practice';
  confidence: 'V' | 'S' | 'R';
  /** Where the app chose a reading the rule leaves open; shown to users as an interpretation. */
  interpretation?: string;
}

/** The 2007 rules (FCC 07-22) took effect on this day; the first certification was due in 2008. */
export const RULES_2007_EFFECTIVE: IsoDate = '2007-12-08';
export const FIRST_CERTIFICATION_YEAR = 2008;
/** No certification was due in 2017 (the 2016 order and its 2017 repeal under the Congressional Review Act). */
export const CERTIFICATION_GAP_YEARS: readonly number[] = [2017];
/** Amended § 64.2011(a)(3): fewer than this many customers and no likely harm → annual summary. */
export const SMALL_BREACH_CUSTOMERS = 500;

// Keeps each row's literal shape (e.g. `annualDate` known to be present) while checking it is a Duty.
function D<const T extends Duty>(d: T): T {
  return d;
}

export const DUTIES = {
  annualCertification: D({
    id: 'annualCertification',
    title: 'Annual CPNI certification',
    citation: '47 C.F.R. § 64.2009(e)',
    trigger: 'Each year, covering the previous calendar year (EB Docket No. 06-36)',
    length: 0,
    unit: 'annualDate',
    annualDate: { month: 3, day: 1 },
    calendar: 'fcc',
    rollsForward: true,
    ruleVersion: '2007',
    effectiveFrom: RULES_2007_EFFECTIVE,
    basis: 'rule',
    confidence: 'V',
  }),
  optOutFailureNotice: D({
    id: 'optOutFailureNotice',
    title: 'Letter to the FCC: opt-out mechanism failure',
    citation: '47 C.F.R. § 64.2009(f)',
    trigger: 'The carrier learns an opt-out mechanism did not work properly, to a degree beyond an anomaly',
    length: 5,
    unit: 'businessDays',
    calendar: 'fcc',
    rollsForward: false,
    ruleVersion: '2007',
    effectiveFrom: RULES_2007_EFFECTIVE,
    basis: 'rule',
    confidence: 'V',
    interpretation: 'The rule does not say when the five business days start; CPNI Desk counts from the day you learned of the failure.',
  }),
  optOutWait: D({
    id: 'optOutWait',
    title: 'Opt-out waiting period before approval may be assumed',
    citation: '47 C.F.R. § 64.2008(d)(1)',
    trigger: 'The opt-out notice is sent (electronic) or mailed',
    length: 30,
    unit: 'calendarDays',
    calendar: 'none',
    rollsForward: false,
    startOffsetDays: 3,
    ruleVersion: '2007',
    effectiveFrom: RULES_2007_EFFECTIVE,
    basis: 'rule',
    confidence: 'V',
    interpretation:
      'For electronic notice the day it was sent is not counted, so approval may be assumed from the 31st day after sending. For mail the 30 days begin on the third day after mailing (counted as day 1), so approval may be assumed from the 33rd day after mailing.',
  }),
  optOutNoticeRefresh: D({
    id: 'optOutNoticeRefresh',
    title: 'Opt-out notice every two years',
    citation: '47 C.F.R. § 64.2008(d)(2)',
    trigger: 'The last opt-out notice to customers',
    length: 2,
    unit: 'years',
    calendar: 'none',
    rollsForward: false,
    ruleVersion: '2007',
    effectiveFrom: RULES_2007_EFFECTIVE,
    basis: 'rule',
    confidence: 'V',
    interpretation: 'Applies if you rely on opt-out approval. CPNI Desk treats the two years as ending on the same date two years after the last notice.',
  }),
  addressOfRecord: D({
    id: 'addressOfRecord',
    title: 'Address becomes the "address of record"',
    citation: '47 C.F.R. § 64.2003(b)',
    trigger: 'The address is added to the account',
    length: 30,
    unit: 'calendarDays',
    calendar: 'none',
    rollsForward: false,
    ruleVersion: '2007',
    effectiveFrom: RULES_2007_EFFECTIVE,
    basis: 'rule',
    confidence: 'V',
    interpretation: 'The day the address was added is not counted: it counts as "of record" from the 31st day after it was added.',
  }),
  breachAgencyNotice2007: D({
    id: 'breachAgencyNotice2007',
    title: 'Breach notice to the USSS and FBI',
    citation: '47 C.F.R. § 64.2011(b)',
    trigger: 'Reasonable determination of the breach',
    length: 7,
    unit: 'businessDays',
    calendar: 'fcc',
    rollsForward: false,
    ruleVersion: '2007',
    effectiveFrom: RULES_2007_EFFECTIVE,
    effectiveUntilSetting: 'breachRule2023EffectiveDate',
    basis: 'rule',
    confidence: 'V',
    interpretation: 'The rules do not define "business day"; CPNI Desk uses § 1.4(e)(2) with the FCC calendar (the later, conservative date).',
  }),
  breachCustomerWait2007: D({
    id: 'breachCustomerWait2007',
    title: 'Earliest customer notice after a breach',
    citation: '47 C.F.R. § 64.2011(b)(1)',
    trigger: 'Notice of the breach to the USSS and FBI',
    length: 7,
    unit: 'businessDays',
    calendar: 'fcc',
    rollsForward: false,
    ruleVersion: '2007',
    effectiveFrom: RULES_2007_EFFECTIVE,
    effectiveUntilSetting: 'breachRule2023EffectiveDate',
    basis: 'rule',
    confidence: 'V',
    interpretation:
      '"7 full business days have passed" is read as: customers may be told from the day after the 7th business day following the agency notice, counted on the FCC calendar (the later date when calendars differ).',
  }),
  breachLawEnforcementDelay2007: D({
    id: 'breachLawEnforcementDelay2007',
    title: 'Law-enforcement delay of customer notice',
    citation: '47 C.F.R. § 64.2011(b)(3)',
    trigger: 'Written direction from the investigating agency',
    length: 30,
    unit: 'calendarDays',
    calendar: 'none',
    rollsForward: false,
    ruleVersion: '2007',
    effectiveFrom: RULES_2007_EFFECTIVE,
    effectiveUntilSetting: 'breachRule2023EffectiveDate',
    basis: 'rule',
    confidence: 'V',
    interpretation: 'The initial period is up to 30 days and may be extended; CPNI Desk uses the "delay until" date you enter and allows customer notice from the day after it.',
  }),
  breachAgencyNotice2023: D({
    id: 'breachAgencyNotice2023',
    title: 'Breach notice to the FCC, USSS and FBI',
    citation: '47 C.F.R. § 64.2011(a) (as amended by FCC 23-111)',
    trigger: 'Reasonable determination of the breach',
    length: 7,
    unit: 'businessDays',
    calendar: 'fcc',
    rollsForward: false,
    ruleVersion: '2023',
    effectiveFrom: null,
    effectiveFromSetting: 'breachRule2023EffectiveDate',
    basis: 'rule',
    confidence: 'V',
  }),
  breachCustomerNotice2023: D({
    id: 'breachCustomerNotice2023',
    title: 'Breach notice to affected customers',
    citation: '47 C.F.R. § 64.2011(b) (as amended by FCC 23-111)',
    trigger: 'Reasonable determination of the breach',
    length: 30,
    unit: 'calendarDays',
    calendar: 'none',
    rollsForward: false,
    ruleVersion: '2023',
    effectiveFrom: null,
    effectiveFromSetting: 'breachRule2023EffectiveDate',
    basis: 'rule',
    confidence: 'S',
    interpretation: 'The amended rule says "30 days" without "business"; CPNI Desk reads it as calendar days.',
  }),
  breachAnnualSummary2023: D({
    id: 'breachAnnualSummary2023',
    title: 'Annual summary of small breaches to the FCC',
    citation: '47 C.F.R. § 64.2011(a)(3) (as amended by FCC 23-111)',
    trigger: 'A breach of fewer than 500 customers with no harm reasonably likely, in the previous calendar year',
    length: 0,
    unit: 'annualDate',
    annualDate: { month: 2, day: 1 },
    calendar: 'fcc',
    rollsForward: true,
    ruleVersion: '2023',
    effectiveFrom: null,
    effectiveFromSetting: 'breachRule2023EffectiveDate',
    basis: 'rule',
    confidence: 'R',
    interpretation: 'The February 1 due date is unverified (not confirmed against the amended rule text); check amended § 64.2011(a)(3) before relying on it.',
  }),
  retainCampaign: D({
    id: 'retainCampaign',
    title: 'Keep records of marketing campaigns that use CPNI',
    citation: '47 C.F.R. § 64.2009(c)',
    trigger: 'The campaign record (its latest date)',
    length: 1,
    unit: 'years',
    calendar: 'none',
    rollsForward: false,
    ruleVersion: '2007',
    effectiveFrom: RULES_2007_EFFECTIVE,
    basis: 'rule',
    confidence: 'V',
  }),
  retainDisclosure: D({
    id: 'retainDisclosure',
    title: 'Keep records of CPNI disclosed to or accessed by third parties',
    citation: '47 C.F.R. § 64.2009(c)',
    trigger: 'The disclosure',
    length: 1,
    unit: 'years',
    calendar: 'none',
    rollsForward: false,
    ruleVersion: '2007',
    effectiveFrom: RULES_2007_EFFECTIVE,
    basis: 'rule',
    confidence: 'V',
  }),
  retainSupervisoryReview: D({
    id: 'retainSupervisoryReview',
    title: 'Keep records of supervisory review of outbound marketing',
    citation: '47 C.F.R. § 64.2009(d)',
    trigger: 'The review',
    length: 1,
    unit: 'years',
    calendar: 'none',
    rollsForward: false,
    ruleVersion: '2007',
    effectiveFrom: RULES_2007_EFFECTIVE,
    basis: 'rule',
    confidence: 'V',
  }),
  retainApproval: D({
    id: 'retainApproval',
    title: 'Keep records of customer approvals',
    citation: '47 C.F.R. § 64.2007(a)(3)',
    trigger: 'The approval or denial',
    length: 1,
    unit: 'years',
    calendar: 'none',
    rollsForward: false,
    ruleVersion: '2007',
    effectiveFrom: RULES_2007_EFFECTIVE,
    basis: 'rule',
    confidence: 'V',
  }),
  retainNotice: D({
    id: 'retainNotice',
    title: 'Keep records of CPNI notices to customers',
    citation: '47 C.F.R. § 64.2008(a)(2)',
    trigger: 'The notice',
    length: 1,
    unit: 'years',
    calendar: 'none',
    rollsForward: false,
    ruleVersion: '2007',
    effectiveFrom: RULES_2007_EFFECTIVE,
    basis: 'rule',
    confidence: 'V',
  }),
  retainBreach2007: D({
    id: 'retainBreach2007',
    title: 'Keep records of breaches and notifications',
    citation: '47 C.F.R. § 64.2011(d)',
    trigger: 'The latest date in the breach record',
    length: 2,
    unit: 'years',
    calendar: 'none',
    rollsForward: false,
    ruleVersion: '2007',
    effectiveFrom: RULES_2007_EFFECTIVE,
    effectiveUntilSetting: 'breachRule2023EffectiveDate',
    basis: 'rule',
    confidence: 'V',
    interpretation: 'The rule does not say from which date; CPNI Desk counts from the latest date in the record (the last notification).',
  }),
  retainBreach2023: D({
    id: 'retainBreach2023',
    title: 'Keep records of breaches, notifications and determinations',
    citation: '47 C.F.R. § 64.2011(c) (as amended by FCC 23-111)',
    trigger: 'The latest date in the breach record',
    length: 2,
    unit: 'years',
    calendar: 'none',
    rollsForward: false,
    ruleVersion: '2023',
    effectiveFrom: null,
    effectiveFromSetting: 'breachRule2023EffectiveDate',
    basis: 'rule',
    confidence: 'S',
    interpretation: 'The rule does not say from which date; CPNI Desk counts from the latest date in the record (the last notification).',
  }),
  retainCertification: D({
    id: 'retainCertification',
    title: 'Keep the filed certification and its attachments',
    citation: 'No rule sets a period (47 C.F.R. § 64.2009(e) requires the filing only)',
    trigger: 'The filing date',
    length: 2,
    unit: 'years',
    calendar: 'none',
    rollsForward: false,
    ruleVersion: 'practice',
    effectiveFrom: null,
    basis: 'practice',
    confidence: 'S',
    interpretation: 'Good practice, not a rule: keep at least two years.',
  }),
  retainSupporting: D({
    id: 'retainSupporting',
    title: 'Keep records that support the certification',
    citation: 'No rule sets a period for this record; it supports the § 64.2009(e) certification',
    trigger: 'The latest date in the record',
    length: 2,
    unit: 'years',
    calendar: 'none',
    rollsForward: false,
    ruleVersion: 'practice',
    effectiveFrom: null,
    basis: 'practice',
    confidence: 'S',
    interpretation: 'Good practice, not a rule: training, complaint, data-broker, pretexting and opt-out failure records feed the annual certification, so keep them at least two years.',
  }),
} as const satisfies Record<DutyId, Duty>;

export function duty(id: DutyId): Duty {
  return DUTIES[id] as Duty;
}

/** A short label for a duty's interpretation, for the UI (undefined when the rule is read as written). */
export function interpretationNote(id: DutyId): string | undefined {
  const text = duty(id).interpretation;
  return text ? `Interpretation: ${text}` : undefined;
}
