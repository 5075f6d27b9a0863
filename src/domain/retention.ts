/**
 * How long each record must be kept. The app never disposes of anything by
 * itself: these dates only say from when the user may, and flag younger records.
 *
 * A period of N years starts the day after its starting date (the § 1.4(c) convention the app
 * uses for every clock), so it ends on the anniversary and disposal is allowed from the day
 * after. The starting date is the latest date in the record, which is never earlier than any
 * narrower reading of the rule.
 */
import { addYears, maxDate, type IsoDate } from './dates';
import { dutyPeriodOver } from './duty-dates';
import { DUTIES, duty, type DutyId, type RuleVersion } from './duties';
import type { BreachSettings } from './breach-clock';
import { RECORD_KIND_REGISTRY, recordDate, recordDates, type ComplianceRecord } from './records';

export interface Retention {
  /** The earliest day the record may be disposed of. */
  date: IsoDate;
  basis: 'rule' | 'practice';
  citation: string;
  dutyId: DutyId;
  ruleVersion: RuleVersion;
  note?: string;
}


/** The first day after the duty's period from `start` (its length and unit come from the duty table). */
function disposableFrom(id: DutyId, start: IsoDate): IsoDate {
  return dutyPeriodOver(id, start);
}

/** The rule (or practice) that sets how long `record` is kept, and the first day it may go. */
export function retentionFor(record: ComplianceRecord, settings?: BreachSettings): Retention {
  // The kind's file names its retention duty (src/domain/kinds/).
  const kind = RECORD_KIND_REGISTRY[record.kind] as { retention: DutyId | ((r: ComplianceRecord, s?: BreachSettings) => DutyId); retentionNote?: string };
  const id: DutyId = typeof kind.retention === 'function' ? kind.retention(record, settings) : kind.retention;
  const d = duty(id);
  const start = maxDate(recordDate(record), ...recordDates(record)) ?? recordDate(record);
  const notes = [
    d.basis === 'practice' ? d.interpretation : d.interpretation && `Interpretation: ${d.interpretation}`,
    kind.retentionNote,
  ].filter(Boolean);
  return {
    date: disposableFrom(id, start),
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
  return disposableFrom('retainCertification', filedOn);
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
