/**
 * The compliance records kept per client. Each kind is defined once in src/domain/kinds/ (its
 * fields, date field, retention duty, clocks and summary); this module keeps the names the
 * rest of the code imports. Every record carries the common columns (id, clientId, kind,
 * timestamps, optional soft-delete) and the fields of its kind. `recordDate` gives the date a
 * record is filed under (its year decides which certification it belongs to).
 */
import type * as v from 'valibot';
import type { IsoDate } from './dates';
import { RECORD_KIND_REGISTRY, RECORD_KINDS, type RecordBase, type RecordKind } from './kinds';

export {
  RECORD_KINDS,
  RECORD_KIND_REGISTRY,
  CLOCKED_KINDS,
  isRecordKind,
  APPROVAL_BASES,
  DISCLOSURE_BASES,
  COMPLAINT_CATEGORIES,
  COMPLAINT_CATEGORY_LABELS,
  APPROVAL_BASIS_OPTIONS,
  APPROVAL_MEDIUM_OPTIONS,
  APPROVAL_STATUS_OPTIONS,
  APPROVAL_TYPE_OPTIONS,
  DISCLOSURE_BASIS_OPTIONS,
  approvalKey,
  type ComplaintCategory,
  type RecordKind,
  type RecordBase,
  type ChoiceOption,
  type Control,
  type FieldDescriptor,
} from './kinds';

export const breachFields = RECORD_KIND_REGISTRY.breach.schema;
export const campaignFields = RECORD_KIND_REGISTRY.campaign.schema;
export const disclosureFields = RECORD_KIND_REGISTRY.disclosure.schema;
export const approvalFields = RECORD_KIND_REGISTRY.approval.schema;
export const noticeFields = RECORD_KIND_REGISTRY.notice.schema;
export const supervisoryReviewFields = RECORD_KIND_REGISTRY.supervisoryReview.schema;
export const trainingFields = RECORD_KIND_REGISTRY.training.schema;
export const complaintFields = RECORD_KIND_REGISTRY.complaint.schema;
export const dataBrokerActionFields = RECORD_KIND_REGISTRY.dataBrokerAction.schema;
export const pretextingFields = RECORD_KIND_REGISTRY.pretexting.schema;
export const optOutFailureFields = RECORD_KIND_REGISTRY.optOutFailure.schema;

type Schemas = { [K in RecordKind]: (typeof RECORD_KIND_REGISTRY)[K]['schema'] };
/** Each kind's field schema, by kind (the backup check and the storage layer validate with these). */
export const RECORD_FIELD_SCHEMAS = Object.fromEntries(RECORD_KINDS.map((k) => [k, RECORD_KIND_REGISTRY[k].schema])) as Schemas;

type FieldsOf<K extends RecordKind> = v.InferOutput<Schemas[K]>;

export type RecordOf<K extends RecordKind> = RecordBase<K> & FieldsOf<K>;
export type BreachRecord = RecordOf<'breach'>;
export type CampaignRecord = RecordOf<'campaign'>;
export type DisclosureRecord = RecordOf<'disclosure'>;
export type ApprovalRecord = RecordOf<'approval'>;
export type NoticeRecord = RecordOf<'notice'>;
export type SupervisoryReviewRecord = RecordOf<'supervisoryReview'>;
export type TrainingRecord = RecordOf<'training'>;
export type ComplaintRecord = RecordOf<'complaint'>;
export type DataBrokerActionRecord = RecordOf<'dataBrokerAction'>;
export type PretextingRecord = RecordOf<'pretexting'>;
export type OptOutFailureRecord = RecordOf<'optOutFailure'>;
export type ComplianceRecord = { [K in RecordKind]: RecordOf<K> }[RecordKind];

/** The date a record is filed under: its event date (the kind's `dateField`). */
export function recordDate(r: ComplianceRecord): IsoDate {
  return (r as unknown as Record<string, IsoDate>)[RECORD_KIND_REGISTRY[r.kind].dateField]!;
}

/** Every calendar date a record holds (used for "the latest date in the record"). */
export function recordDates(r: ComplianceRecord): IsoDate[] {
  const out: IsoDate[] = [];
  for (const value of Object.values(r)) if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) out.push(value);
  return out;
}
