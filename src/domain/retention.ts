/**
 * How long each record must be kept. The app never disposes of anything by
 * itself: these dates only say from when the user may, and flag younger records.
 *
 * A period of N years starts the day after its starting date (the § 1.4(c) convention the app
 * uses for every clock), so it ends on the anniversary and disposal is allowed from the day
 * after. The starting date is the latest date in the record, which is never earlier than any
 * narrower reading of the rule.
 */
import { addDays, addYears, maxDate, type IsoDate } from './dates';
import { DUTIES, duty, type DutyId, type RuleVersion } from './duties';
import { breachRuleFor, type BreachSettings } from './breach-clock';
import { recordDate, recordDates, type ComplianceRecord, type RecordKind } from './records';

export interface Retention {
  /** The earliest day the record may be disposed of. */
  date: IsoDate;
  basis: 'rule' | 'practice';
  citation: string;
  dutyId: DutyId;
  ruleVersion: RuleVersion;
  note?: string;
}

const RETENTION_DUTY: Record<Exclude<RecordKind, 'breach'>, DutyId> = {
  campaign: 'retainCampaign',
  disclosure: 'retainDisclosure',
  supervisoryReview: 'retainSupervisoryReview',
  approval: 'retainApproval',
  notice: 'retainNotice',
  training: 'retainSupporting',
  complaint: 'retainSupporting',
  dataBrokerAction: 'retainSupporting',
  pretexting: 'retainSupporting',
  optOutFailure: 'retainSupporting',
};

function endOf(start: IsoDate, years: number): IsoDate {
  return addDays(addYears(start, years), 1);
}

/** The rule (or practice) that sets how long `record` is kept, and the first day it may go. */
export function retentionFor(record: ComplianceRecord, settings?: BreachSettings): Retention {
  const id: DutyId =
    record.kind === 'breach'
      ? breachRuleFor(record.determinedOn, settings) === '2023'
        ? 'retainBreach2023'
        : 'retainBreach2007'
      : RETENTION_DUTY[record.kind];
  const d = duty(id);
  const start = maxDate(recordDate(record), ...recordDates(record)) ?? recordDate(record);
  const notes = [
    d.basis === 'practice' ? d.interpretation : d.interpretation && `Interpretation: ${d.interpretation}`,
    record.kind === 'approval' ? 'While you still rely on this approval, keep it: it is your proof of approval.' : undefined,
  ].filter(Boolean);
  return {
    date: endOf(start, d.length),
    basis: d.basis,
    citation: d.citation,
    dutyId: id,
    ruleVersion: d.ruleVersion,
    note: notes.length ? notes.join(' ') : undefined,
  };
}

/** The earliest date `record` may be disposed of. */
export function retainUntil(record: ComplianceRecord, settings?: BreachSettings): IsoDate {
  return retentionFor(record, settings).date;
}

/** True once `record` has been kept as long as its rule (or practice) asks. */
export function isPastRetention(record: ComplianceRecord, today: IsoDate, settings?: BreachSettings): boolean {
  return today >= retainUntil(record, settings);
}

/** Filed certifications: no rule sets a period; keep at least two years (practice). */
export function certificationRetainUntil(filedOn: IsoDate): IsoDate {
  return endOf(filedOn, DUTIES.retainCertification.length);
}

export function certificationRetention(filedOn: IsoDate): Retention {
  const d = DUTIES.retainCertification;
  return {
    date: certificationRetainUntil(filedOn),
    basis: d.basis,
    citation: d.citation,
    dutyId: d.id,
    ruleVersion: d.ruleVersion,
    note: d.interpretation,
  };
}

/**
 * Records dated on or after this day are still inside every minimum retention period: the
 * shortest period runs from the latest date in a record, which is never before its own date.
 * The retention review only needs to look at records dated before it.
 */
export function retentionReviewCutoff(today: IsoDate): IsoDate {
  const shortest = Math.min(...Object.values(DUTIES).filter((d) => d.id.startsWith('retain') && d.unit === 'years').map((d) => d.length));
  return addYears(today, -shortest);
}
