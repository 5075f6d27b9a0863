/**
 * How each kind of compliance record is presented: its names, what it is for (with the rule
 * it serves), the fields of its form and a one-line summary for lists. The generic RecordForm,
 * the detail view and the list read everything from this table, so a new kind is one entry
 * here plus its schema in src/domain/records.ts.
 */
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, RECORD_KINDS, type ComplianceRecord, type RecordKind, type RecordOf } from '../../domain/records';
import { formatLong, isIsoDate } from '../../domain/dates';

export type Control = 'text' | 'textarea' | 'date' | 'select' | 'number' | 'checkbox';

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface FieldDescriptor {
  /** The schema field it edits. */
  name: string;
  label: string;
  control: Control;
  /** For selects: the stored value and the words the user sees. */
  options?: readonly ChoiceOption[];
  /** For selects that may stay empty: what the empty choice says. */
  emptyLabel?: string;
  hint?: string;
  required?: boolean;
  /** Shown (and saved) only while another field of the draft has this value. */
  showWhen?: { field: string; is: string | boolean };
  /** A choice among this client's records of another kind (the stored value is that record's id). */
  linksTo?: RecordKind;
  /** Fields with the same group are rendered together under this legend. */
  group?: string;
}

export interface KindMeta<K extends RecordKind = RecordKind> {
  kind: K;
  title: string;
  plural: string;
  /** One line: what the record is for, with its citation. */
  description: string;
  citation: string;
  fields: readonly FieldDescriptor[];
  summary: (record: RecordOf<K>) => string;
}

const opts = (pairs: Record<string, string>): ChoiceOption[] => Object.entries(pairs).map(([value, label]) => ({ value, label }));

export const APPROVAL_BASIS_OPTIONS = opts({
  optIn: 'Customer opt-in approval',
  optOut: 'Customer opt-out approval',
  noneNeeded: 'No approval needed (a carve-out applies)',
});
export const DISCLOSURE_BASIS_OPTIONS = opts({
  customerApproval: 'Customer approval',
  legalProcess: 'Legal process (subpoena, court order or other legal requirement)',
  carveOut: 'A carve-out where no approval is needed',
});
export const APPROVAL_TYPE_OPTIONS = opts({ optIn: 'Opt-in', optOut: 'Opt-out' });
export const APPROVAL_MEDIUM_OPTIONS = opts({ oral: 'Oral', written: 'Written', electronic: 'Electronic' });
export const APPROVAL_STATUS_OPTIONS = opts({ granted: 'Granted', denied: 'Denied', revoked: 'Revoked' });
const NOTICE_METHOD_OPTIONS = opts({ electronic: 'Electronic (email)', mail: 'Mail' });
const DECISION_OPTIONS = opts({ approved: 'Approved', denied: 'Denied', changesRequested: 'Changes requested' });
const COMPLAINT_OPTIONS = COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: COMPLAINT_CATEGORY_LABELS[c] }));
const FORUM_OPTIONS = opts({ stateCommission: 'State commission', court: 'Court', fcc: 'FCC' });
const ACTION_KIND_OPTIONS = opts({ proceeding: 'Proceeding instituted', petition: 'Petition filed' });
const CHANNEL_OPTIONS = opts({ phone: 'Phone', online: 'Online', inStore: 'In store' });
const INTENT_OPTIONS = opts({ intentional: 'Intentional', inadvertent: 'Inadvertent' });
const HARM_OPTIONS = opts({ yes: 'Yes, harm is reasonably likely', no: 'No, harm is not reasonably likely' });

/** The words for a stored select value ('optOut' → 'Opt-out'); the value itself if unknown. */
export function optionLabel(field: FieldDescriptor, value: string): string {
  return field.options?.find((o) => o.value === value)?.label ?? value;
}

const clip = (s: string, max = 90): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
};
const label = (options: readonly ChoiceOption[], value: string) => options.find((o) => o.value === value)?.label ?? value;
const on = (date: string) => (isIsoDate(date) ? formatLong(date) : date);
const people = (n: number | '' | undefined, one: string, many: string) => (typeof n !== 'number' ? '' : `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`);
const join = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' · ');

function meta<K extends RecordKind>(m: KindMeta<K>): KindMeta<K> {
  return m;
}

export const RECORD_KIND_META: { [K in RecordKind]: KindMeta<K> } = {
  breach: meta({
    kind: 'breach',
    title: 'Breach incident',
    plural: 'Breach incidents',
    citation: '§ 64.2011',
    description: 'A breach of CPNI, its notices to law enforcement and customers, and its clocks; kept 2 years (§ 64.2011).',
    fields: [
      { name: 'discoveredOn', label: 'Discovered on', control: 'date', required: true, group: 'Discovery' },
      {
        name: 'determinedOn',
        label: 'Reasonably determined on',
        control: 'date',
        required: true,
        group: 'Discovery',
        hint: 'The day the carrier reasonably determined a breach occurred. The notice clocks start here (§ 64.2011(b)).',
      },
      {
        name: 'cpniInvolved',
        label: 'What CPNI was involved',
        control: 'textarea',
        required: true,
        group: 'What happened',
        hint: 'Describe the CPNI in detail (§ 64.2011(d)); do not paste the customers’ CPNI itself.',
      },
      {
        name: 'coveredDataInvolved',
        label: 'Covered data beyond CPNI (2023 rule)',
        control: 'textarea',
        group: 'What happened',
        hint: 'The 2023 amendments (FCC 23-111, not yet effective) also cover certain personally identifiable information.',
      },
      { name: 'circumstances', label: 'Circumstances', control: 'textarea', group: 'What happened' },
      {
        name: 'intent',
        label: 'Intentional or inadvertent',
        control: 'select',
        options: INTENT_OPTIONS,
        emptyLabel: 'Not yet known',
        group: 'What happened',
        hint: 'The 2007 rule in force covers intentional breaches; the 2023 rule would add inadvertent ones.',
      },
      { name: 'customersAffected', label: 'Customers affected', control: 'number', group: 'What happened', hint: 'A whole number; leave empty if not yet known.' },
      { name: 'harmLikely', label: 'Is harm to customers reasonably likely?', control: 'select', options: HARM_OPTIONS, emptyLabel: 'Not yet determined', group: 'What happened' },
      {
        name: 'harmReasoning',
        label: 'Why (the basis for the harm and customer-count determinations)',
        control: 'textarea',
        group: 'What happened',
      },
      {
        name: 'agenciesNotifiedOn',
        label: 'Agencies notified on',
        control: 'date',
        group: 'Notice to law enforcement',
        hint: 'The USSS and FBI, through the central reporting facility (§ 64.2011(b)).',
      },
      { name: 'reportingFacilityRef', label: 'Reporting facility reference', control: 'text', group: 'Notice to law enforcement' },
      {
        name: 'urgentHarm',
        label: 'Extraordinarily urgent need to notify customers to avoid immediate and irreparable harm',
        control: 'checkbox',
        group: 'Notice to law enforcement',
        hint: 'Customers may then be told sooner, but only after consulting the investigating agency (§ 64.2011(b)(2)).',
      },
      { name: 'urgentHarmAgency', label: 'Agency consulted', control: 'text', group: 'Notice to law enforcement', showWhen: { field: 'urgentHarm', is: true } },
      { name: 'urgentHarmConsultedOn', label: 'Consulted on', control: 'date', group: 'Notice to law enforcement', showWhen: { field: 'urgentHarm', is: true } },
      {
        name: 'lawEnforcementDelay',
        label: 'An agency directed a delay of customer notice',
        control: 'checkbox',
        group: 'Notice to law enforcement',
        hint: 'An initial period of up to 30 days, extendable; the direction must be in writing (§ 64.2011(b)(3)).',
      },
      { name: 'delayAgency', label: 'Agency that directed the delay', control: 'text', group: 'Notice to law enforcement', showWhen: { field: 'lawEnforcementDelay', is: true } },
      { name: 'delayUntil', label: 'Delay until', control: 'date', group: 'Notice to law enforcement', showWhen: { field: 'lawEnforcementDelay', is: true } },
      {
        name: 'delayWrittenDirection',
        label: 'Written direction received',
        control: 'checkbox',
        group: 'Notice to law enforcement',
        showWhen: { field: 'lawEnforcementDelay', is: true },
      },
      { name: 'customersNotifiedOn', label: 'Customers notified on', control: 'date', group: 'Notice to customers' },
      { name: 'customerNoticeMethod', label: 'How customers were notified', control: 'text', group: 'Notice to customers' },
      {
        name: 'annualSummaryFiledOn',
        label: 'Annual summary filed on',
        control: 'date',
        group: 'Annual summary to the FCC (2023 rule)',
        hint: 'Only under the 2023 rule, once in effect: a breach of fewer than 500 customers with no harm reasonably likely goes in an annual summary to the FCC instead (amended § 64.2011(a)(3)).',
      },
    ],
    summary: (r) => join(clip(r.cpniInvolved, 70), people(r.customersAffected, 'customer', 'customers'), r.agenciesNotifiedOn ? `agencies notified ${on(r.agenciesNotifiedOn)}` : 'agencies not yet notified'),
  }),
  campaign: meta({
    kind: 'campaign',
    title: 'Marketing campaign',
    plural: 'Marketing campaigns',
    citation: '§ 64.2009(c)',
    description: 'A sales or marketing campaign that used CPNI: what was used and what was offered; kept 1 year (§ 64.2009(c)).',
    fields: [
      { name: 'name', label: 'Campaign name', control: 'text', required: true },
      { name: 'description', label: 'Description', control: 'textarea', required: true },
      { name: 'startedOn', label: 'Start date', control: 'date', required: true },
      { name: 'endedOn', label: 'End date', control: 'date' },
      { name: 'cpniUsed', label: 'The specific CPNI used', control: 'textarea', required: true },
      { name: 'productsOffered', label: 'Products and services offered', control: 'textarea', required: true },
      { name: 'channels', label: 'Channels', control: 'text', hint: 'For example: bill insert, email, outbound calls.' },
      {
        name: 'approvalBasis',
        label: 'Approval basis',
        control: 'select',
        options: APPROVAL_BASIS_OPTIONS,
        required: true,
        hint: 'Opt-out suffices only for marketing communications-related services (§ 64.2007(b)); otherwise opt-in is required.',
      },
      {
        name: 'carveOut',
        label: 'Which carve-out',
        control: 'text',
        showWhen: { field: 'approvalBasis', is: 'noneNeeded' },
        hint: 'For example: services the customer already buys (§ 64.2005(a)).',
      },
      { name: 'supervisoryReviewId', label: 'Supervisory review', control: 'select', linksTo: 'supervisoryReview', emptyLabel: 'None linked', hint: 'The review of this outbound request (§ 64.2009(d)).' },
    ],
    summary: (r) => join(clip(r.name, 50), clip(r.productsOffered, 50), label(APPROVAL_BASIS_OPTIONS, r.approvalBasis)),
  }),
  disclosure: meta({
    kind: 'disclosure',
    title: 'Third-party disclosure',
    plural: 'Third-party disclosures',
    citation: '§ 64.2009(c)',
    description: 'CPNI disclosed or provided to, or accessed by, a third party; kept 1 year (§ 64.2009(c)).',
    fields: [
      { name: 'recipient', label: 'Recipient', control: 'text', required: true },
      { name: 'what', label: 'What CPNI was disclosed or accessed', control: 'textarea', required: true },
      { name: 'disclosedOn', label: 'Date', control: 'date', required: true },
      { name: 'basis', label: 'Basis', control: 'select', options: DISCLOSURE_BASIS_OPTIONS, required: true },
      { name: 'basisDetail', label: 'Details of the basis', control: 'textarea', hint: 'The approval, the legal process, or the carve-out relied on.' },
    ],
    summary: (r) => join(clip(r.recipient, 50), clip(r.what, 60), label(DISCLOSURE_BASIS_OPTIONS, r.basis)),
  }),
  approval: meta({
    kind: 'approval',
    title: 'Customer approval',
    plural: 'Customer approvals',
    citation: '§ 64.2007',
    description: 'A customer’s approval or disapproval of the use of CPNI; kept 1 year (§ 64.2007(a)(3)).',
    fields: [
      {
        name: 'accountRef',
        label: 'Customer account reference',
        control: 'text',
        required: true,
        hint: 'An account number or similar reference, not CPNI itself.',
      },
      { name: 'approvalType', label: 'Approval type', control: 'select', options: APPROVAL_TYPE_OPTIONS, required: true },
      {
        name: 'medium',
        label: 'Medium',
        control: 'select',
        options: APPROVAL_MEDIUM_OPTIONS,
        required: true,
        hint: 'With oral approval the carrier bears the burden of proving it (§ 64.2007(a)(1)).',
      },
      { name: 'status', label: 'Status', control: 'select', options: APPROVAL_STATUS_OPTIONS, required: true },
      { name: 'decidedOn', label: 'Date', control: 'date', required: true },
      { name: 'scope', label: 'Scope', control: 'textarea', hint: 'What the approval covers: uses, affiliates or agents, services.' },
    ],
    summary: (r) =>
      join(`Account ${clip(r.accountRef, 30)}`, label(APPROVAL_TYPE_OPTIONS, r.approvalType), label(APPROVAL_MEDIUM_OPTIONS, r.medium).toLowerCase(), label(APPROVAL_STATUS_OPTIONS, r.status).toLowerCase()),
  }),
  notice: meta({
    kind: 'notice',
    title: 'CPNI notice sent',
    plural: 'CPNI notices sent',
    citation: '§ 64.2008',
    description: 'An opt-out notice to customers: when approval may be assumed and when the two-year refresh is due; kept 1 year (§ 64.2008).',
    fields: [
      { name: 'sentOn', label: 'Sent on', control: 'date', required: true, hint: 'For mail, the day it was mailed.' },
      { name: 'method', label: 'Method', control: 'select', options: NOTICE_METHOD_OPTIONS, required: true },
      { name: 'audienceSize', label: 'Audience size', control: 'number', hint: 'How many customers the notice went to.' },
      { name: 'noticeVersion', label: 'Notice version', control: 'text', hint: 'Which text was sent, so you can find a copy.' },
    ],
    summary: (r) => join(label(NOTICE_METHOD_OPTIONS, r.method), people(r.audienceSize, 'customer', 'customers'), r.noticeVersion && `version ${clip(r.noticeVersion, 30)}`),
  }),
  supervisoryReview: meta({
    kind: 'supervisoryReview',
    title: 'Supervisory review',
    plural: 'Supervisory reviews',
    citation: '§ 64.2009(d)',
    description: 'A supervisor’s review of a proposed outbound request for customer approval; kept 1 year (§ 64.2009(d)).',
    fields: [
      { name: 'request', label: 'The marketing request', control: 'textarea', required: true },
      { name: 'reviewer', label: 'Reviewer', control: 'text', required: true },
      { name: 'decision', label: 'Decision', control: 'select', options: DECISION_OPTIONS, required: true },
      { name: 'reviewedOn', label: 'Review date', control: 'date', required: true },
    ],
    summary: (r) => join(clip(r.request, 60), label(DECISION_OPTIONS, r.decision), `by ${clip(r.reviewer, 30)}`),
  }),
  training: meta({
    kind: 'training',
    title: 'Training session',
    plural: 'Training sessions',
    citation: '§ 64.2009(b)',
    description: 'Training of personnel on when they may and may not use CPNI, and the disciplinary process (§ 64.2009(b)).',
    fields: [
      { name: 'heldOn', label: 'Training date', control: 'date', required: true },
      { name: 'topic', label: 'Topic', control: 'text', required: true },
      { name: 'trainer', label: 'Trainer', control: 'text' },
      { name: 'attendees', label: 'Attendees', control: 'textarea', hint: 'Names, or a count and where the sign-in sheet is kept.' },
      { name: 'materials', label: 'Materials', control: 'textarea' },
      { name: 'acknowledgements', label: 'Employee acknowledgements', control: 'textarea' },
      {
        name: 'disciplinaryActions',
        label: 'Disciplinary actions taken',
        control: 'textarea',
        hint: 'Actions under the carrier’s express disciplinary process for improper use of CPNI (§ 64.2009(b)).',
      },
    ],
    summary: (r) => join(clip(r.topic, 60), r.trainer && `by ${clip(r.trainer, 30)}`),
  }),
  complaint: meta({
    kind: 'complaint',
    title: 'Customer complaint',
    plural: 'Customer complaints',
    citation: '§ 64.2009(e)',
    description: 'A customer complaint about unauthorized release of CPNI; counted by category in the annual certification (§ 64.2009(e)).',
    fields: [
      { name: 'receivedOn', label: 'Received on', control: 'date', required: true },
      { name: 'category', label: 'Category', control: 'select', options: COMPLAINT_OPTIONS, required: true },
      { name: 'summary', label: 'Internal notes', control: 'textarea', required: true, hint: 'For your records only; never printed in the filing.' },
      { name: 'publicSummary', label: 'Public summary (printed in the filing)', control: 'textarea', hint: 'Printed in the public ECFS filing instead of the internal notes above. Leave blank to print only the count. Never name the customer or give a number, e-mail or account.' },
      { name: 'resolution', label: 'Resolution', control: 'textarea', hint: 'For your records only; never printed in the filing.' },
    ],
    summary: (r) => join(label(COMPLAINT_OPTIONS, r.category), clip(r.summary, 60)),
  }),
  dataBrokerAction: meta({
    kind: 'dataBrokerAction',
    title: 'Action against data brokers',
    plural: 'Actions against data brokers',
    citation: '§ 64.2009(e)',
    description: 'A proceeding instituted or petition filed against data brokers; reported in the annual certification (§ 64.2009(e)).',
    fields: [
      { name: 'actionOn', label: 'Date', control: 'date', required: true },
      { name: 'forum', label: 'Forum', control: 'select', options: FORUM_OPTIONS, required: true },
      { name: 'actionKind', label: 'Kind of action', control: 'select', options: ACTION_KIND_OPTIONS, required: true },
      { name: 'description', label: 'Description', control: 'textarea', required: true, hint: 'For your records only; never printed in the filing.' },
      { name: 'publicSummary', label: 'Public summary (printed in the filing)', control: 'textarea', hint: 'Printed in the public ECFS filing instead of the internal notes above. Leave blank to print only the count. Never name the customer or give a number, e-mail or account.' },
      { name: 'outcome', label: 'Outcome', control: 'textarea', hint: 'For your records only; never printed in the filing (put a public outcome in the public summary).' },
    ],
    summary: (r) => join(label(ACTION_KIND_OPTIONS, r.actionKind), label(FORUM_OPTIONS, r.forum), clip(r.description, 50)),
  }),
  pretexting: meta({
    kind: 'pretexting',
    title: 'Pretexting attempt',
    plural: 'Pretexting attempts',
    citation: '§ 64.2010(a)',
    description: 'An attempt to get CPNI by pretending to be the customer, and how it was stopped (§ 64.2010(a)).',
    fields: [
      { name: 'occurredOn', label: 'Date', control: 'date', required: true },
      { name: 'channel', label: 'Channel', control: 'select', options: CHANNEL_OPTIONS, required: true },
      { name: 'method', label: 'Method', control: 'textarea', required: true, hint: 'For your records only; never printed in the filing.' },
      { name: 'howStopped', label: 'How it was stopped', control: 'textarea', hint: 'For your records only; never printed in the filing.' },
      { name: 'publicSummary', label: 'Public summary (printed in the filing)', control: 'textarea', hint: 'Printed in the public ECFS filing instead of the internal notes above. Leave blank to print only the count. Never name the customer or give a number, e-mail or account.' },
    ],
    summary: (r) => join(label(CHANNEL_OPTIONS, r.channel), clip(r.method, 70)),
  }),
  optOutFailure: meta({
    kind: 'optOutFailure',
    title: 'Opt-out mechanism failure',
    plural: 'Opt-out mechanism failures',
    citation: '§ 64.2009(f)',
    description: 'An opt-out mechanism that did not work properly; a letter to the FCC is due within five business days (§ 64.2009(f)).',
    fields: [
      {
        name: 'learnedOn',
        label: 'Learned on',
        control: 'date',
        required: true,
        hint: 'The day you learned the problem was more than an anomaly.',
      },
      { name: 'mechanism', label: 'Opt-out mechanism', control: 'text', required: true },
      { name: 'problem', label: 'The problem', control: 'textarea', required: true },
      { name: 'remedy', label: 'Proposed remedy', control: 'textarea' },
      { name: 'remedyOn', label: 'Remedy in place on (or planned for)', control: 'date' },
      { name: 'stateCommissionsNotified', label: 'State commissions told', control: 'text' },
      { name: 'stateCommissionAction', label: 'Action the state commissions took', control: 'textarea' },
      { name: 'customerNotice', label: 'Notice to customers', control: 'textarea', hint: 'A copy of any notice sent to customers goes with the letter.' },
      { name: 'letterSentOn', label: 'Letter to the FCC sent on', control: 'date' },
    ],
    summary: (r) => join(clip(r.mechanism, 40), clip(r.problem, 60), r.letterSentOn ? `letter sent ${on(r.letterSentOn)}` : 'letter not yet sent'),
  }),
};

export const KIND_OPTIONS: ChoiceOption[] = RECORD_KINDS.map((k) => ({ value: k, label: RECORD_KIND_META[k].title }));

export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);
}

export function kindMeta<K extends RecordKind>(kind: K): KindMeta<K> {
  return RECORD_KIND_META[kind];
}

/** The one-line summary of any record, for lists. */
export function summarize(record: ComplianceRecord): string {
  return (RECORD_KIND_META[record.kind] as KindMeta).summary(record as never);
}
