/**
 * The compliance records kept per client, one schema per kind. Every record carries the
 * common columns (id, clientId, kind, timestamps, optional soft-delete) and the fields of
 * its kind. `recordDate` gives the date a record is filed under (its year decides which
 * certification it belongs to).
 */
import * as v from 'valibot';
import { isoDate, optionalIsoDate, type Stamped } from './schema';
import type { IsoDate } from './dates';

export const RECORD_KINDS = [
  'breach', 'campaign', 'disclosure', 'approval', 'notice', 'supervisoryReview',
  'training', 'complaint', 'dataBrokerAction', 'pretexting', 'optOutFailure',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

const text = v.optional(v.pipe(v.string(), v.trim()), '');
const required = (label: string) => v.pipe(v.string(), v.trim(), v.nonEmpty(`${label} is required.`));
const count = (label: string) =>
  v.optional(
    v.union([
      v.literal(''),
      v.pipe(v.number(`${label} must be a number.`), v.integer(`${label} must be a whole number.`), v.minValue(0, `${label} cannot be negative.`)),
    ], `${label} must be a whole number.`),
    '',
  );
const yesNoUnknown = v.optional(v.picklist(['', 'yes', 'no']), '');

export const breachFields = v.object({
  discoveredOn: isoDate('Discovered on'),
  determinedOn: isoDate('Reasonably determined on'),
  cpniInvolved: required('What CPNI was involved'),
  coveredDataInvolved: text, // 2023 rule: covered data beyond CPNI
  circumstances: text,
  intent: v.optional(v.picklist(['', 'intentional', 'inadvertent']), ''),
  customersAffected: count('Customers affected'),
  harmLikely: yesNoUnknown,
  harmReasoning: text,
  agenciesNotifiedOn: optionalIsoDate('Agencies notified on'),
  reportingFacilityRef: text,
  urgentHarm: v.optional(v.boolean(), false),
  urgentHarmAgency: text,
  urgentHarmConsultedOn: optionalIsoDate('Urgent-harm consultation date'),
  lawEnforcementDelay: v.optional(v.boolean(), false),
  delayAgency: text,
  delayUntil: optionalIsoDate('Delay until'),
  delayWrittenDirection: v.optional(v.boolean(), false),
  customersNotifiedOn: optionalIsoDate('Customers notified on'),
  customerNoticeMethod: text,
  annualSummaryFiledOn: optionalIsoDate('Annual summary filed on'), // 2023 rule, small no-harm breaches
});

export const APPROVAL_BASES = ['optIn', 'optOut', 'noneNeeded'] as const;
export const campaignFields = v.object({
  name: required('Campaign name'),
  description: required('Description'),
  startedOn: isoDate('Start date'),
  endedOn: optionalIsoDate('End date'),
  cpniUsed: required('The specific CPNI used'),
  productsOffered: required('Products and services offered'),
  channels: text,
  approvalBasis: v.picklist(APPROVAL_BASES, 'Choose the approval basis.'),
  carveOut: text, // which § 64.2005 carve-out when no approval is needed
  supervisoryReviewId: text,
});

export const DISCLOSURE_BASES = ['customerApproval', 'legalProcess', 'carveOut'] as const;
export const disclosureFields = v.object({
  recipient: required('Recipient'),
  what: required('What CPNI was disclosed or accessed'),
  disclosedOn: isoDate('Date'),
  basis: v.picklist(DISCLOSURE_BASES, 'Choose the basis for the disclosure.'),
  basisDetail: text,
});

export const approvalFields = v.object({
  accountRef: v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty('Customer account reference is required.'),
    v.maxLength(64, 'Account reference is at most 64 characters.'),
  ),
  approvalType: v.picklist(['optIn', 'optOut'], 'Approval type must be opt-in or opt-out.'),
  medium: v.picklist(['oral', 'written', 'electronic'], 'Medium must be oral, written or electronic.'),
  status: v.picklist(['granted', 'denied', 'revoked'], 'Status must be granted, denied or revoked.'),
  decidedOn: isoDate('Date'),
  scope: text,
});

export const noticeFields = v.object({
  sentOn: isoDate('Sent on'),
  method: v.picklist(['electronic', 'mail'], 'Method must be electronic or mail.'),
  audienceSize: count('Audience size'),
  noticeVersion: text,
});

export const supervisoryReviewFields = v.object({
  request: required('The marketing request'),
  reviewer: required('Reviewer'),
  decision: v.picklist(['approved', 'denied', 'changesRequested'], 'Choose a decision.'),
  reviewedOn: isoDate('Review date'),
});

export const trainingFields = v.object({
  heldOn: isoDate('Training date'),
  topic: required('Topic'),
  trainer: text,
  attendees: text,
  materials: text,
  acknowledgements: text,
  disciplinaryActions: text,
});

export const COMPLAINT_CATEGORIES = ['employeeAccess', 'unauthorizedDisclosure', 'onlineAccess', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  employeeAccess: 'Improper access by employees',
  unauthorizedDisclosure: 'Improper disclosure to individuals not authorized to receive the information',
  onlineAccess: 'Improper access to online information by individuals not authorized to view the information',
  other: 'Other',
};
export const complaintFields = v.object({
  receivedOn: isoDate('Received on'),
  category: v.picklist(COMPLAINT_CATEGORIES, 'Choose a category.'),
  summary: required('Summary'),
  /** What the filing may print about it; internal notes stay in `summary`. */
  publicSummary: text,
  resolution: text,
});

export const dataBrokerActionFields = v.object({
  actionOn: isoDate('Date'),
  forum: v.picklist(['stateCommission', 'court', 'fcc'], 'Choose the forum.'),
  actionKind: v.picklist(['proceeding', 'petition'], 'Choose proceeding instituted or petition filed.'),
  description: required('Description'),
  publicSummary: text,
  outcome: text,
});

export const pretextingFields = v.object({
  occurredOn: isoDate('Date'),
  channel: v.picklist(['phone', 'online', 'inStore'], 'Choose the channel.'),
  method: required('Method'),
  howStopped: text,
  publicSummary: text,
});

export const optOutFailureFields = v.object({
  learnedOn: isoDate('Learned on'),
  mechanism: required('Opt-out mechanism'),
  problem: required('The problem'),
  remedy: text,
  remedyOn: optionalIsoDate('Remedy date'),
  stateCommissionsNotified: text,
  stateCommissionAction: text,
  customerNotice: text,
  letterSentOn: optionalIsoDate('Letter sent on'),
});

export const RECORD_FIELD_SCHEMAS = {
  breach: breachFields,
  campaign: campaignFields,
  disclosure: disclosureFields,
  approval: approvalFields,
  notice: noticeFields,
  supervisoryReview: supervisoryReviewFields,
  training: trainingFields,
  complaint: complaintFields,
  dataBrokerAction: dataBrokerActionFields,
  pretexting: pretextingFields,
  optOutFailure: optOutFailureFields,
} satisfies Record<RecordKind, v.GenericSchema>;

type FieldsOf<K extends RecordKind> = v.InferOutput<(typeof RECORD_FIELD_SCHEMAS)[K]>;

export interface RecordBase<K extends RecordKind> extends Stamped {
  clientId: string;
  kind: K;
  deletedAt?: string; // soft delete (instant); purged only after retention allows it
}

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

/** The date a record is filed under: its event date. */
export function recordDate(r: ComplianceRecord): IsoDate {
  switch (r.kind) {
    case 'breach': return r.determinedOn;
    case 'campaign': return r.startedOn;
    case 'disclosure': return r.disclosedOn;
    case 'approval': return r.decidedOn;
    case 'notice': return r.sentOn;
    case 'supervisoryReview': return r.reviewedOn;
    case 'training': return r.heldOn;
    case 'complaint': return r.receivedOn;
    case 'dataBrokerAction': return r.actionOn;
    case 'pretexting': return r.occurredOn;
    case 'optOutFailure': return r.learnedOn;
  }
}

/** Every calendar date a record holds (used for "the latest date in the record"). */
export function recordDates(r: ComplianceRecord): IsoDate[] {
  const out: IsoDate[] = [];
  for (const value of Object.values(r)) if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) out.push(value);
  return out;
}
