/**
 * The questionnaire's answers: what the company says it does, topic by topic, and how far each
 * topic has been answered and reviewed. A certification cannot be ready while a topic that
 * applies is unanswered, or holds answers nobody at the company has confirmed (samples from
 * typical small-carrier practice, or last year's answers not yet reviewed for this year).
 *
 * `StatementAnswers` is the complete shape the statement is drafted from; `StoredAnswers` is
 * what a certification keeps: every answer may still be missing (null), and each topic records
 * where its answers came from and when they were reviewed.
 */
import type { IsoDate } from './dates';

/** How a customer's approval is obtained for one kind of marketing use or disclosure. */
export type ApprovalChoice = 'none' | 'optOut' | 'optIn';
export type NoticeMethod = 'mail' | 'email' | 'both';
export type AccountChangeMethod = 'voicemailOrText' | 'mail' | 'both';

export interface StatementAnswers {
  marketing: {
    /** Marketing within the categories of service the customer already buys (§ 64.2005(a)): no approval needed. */
    withinCategories: boolean;
    /** The carrier's own marketing of communications-related services outside those categories. */
    own: ApprovalChoice;
    /** Disclosure to the carrier's agents for marketing communications-related services. */
    agents: ApprovalChoice;
    /** Disclosure to affiliates that provide communications-related services. */
    affiliates: ApprovalChoice;
    /** Joint-venture partners, independent contractors and other third parties: § 64.2007(b) allows only opt-in. */
    thirdParties: 'none' | 'optIn';
  };
  /** § 64.2009(a): the system or field that shows approval status before CPNI is used. */
  approvalSystem: { name: string; howUsed: string };
  notices: { method: NoticeMethod; optOutWaitDays: number; refreshEveryTwoYears: boolean; oralOneTime: boolean };
  approvalRecords: { retentionYears: number };
  training: { who: string; how: string; schedule: string; records: string; discipline: string };
  campaignRecords: { system: string; retentionYears: number };
  supervisoryReview: { reviewer: string; retentionYears: number };
  optOutFailure: { owner: string };
  authentication: {
    callPassword: boolean;
    callBack: boolean;
    callMail: boolean;
    online: boolean;
    onlineFirstAuthentication: string;
    inPerson: boolean;
  };
  passwords: { setupAuthentication: string; choosing: string; backupOffered: boolean; backupMethod: string };
  accountChanges: { method: AccountChangeMethod; owner: string };
  businessCustomers: { contractAuthentication: boolean };
  /** § 64.2010(h), for wireless carriers once compliance with it is required. */
  simChanges: { safeguards: string };
  /** Affiliates, agents and contractors with access to CPNI to provide or bill service. */
  vendors: { hasAccess: boolean; description: string };
  breach: { owner: string; recordsSystem: string };
  contact: { who: 'officer' | 'named'; name: string; title: string; email: string; phone: string };
  conclusion: { inCompliance: boolean; explanation: string };
}

export type TopicId = keyof StatementAnswers;
export const TOPIC_IDS = [
  'marketing', 'approvalSystem', 'notices', 'approvalRecords', 'training', 'campaignRecords', 'supervisoryReview', 'optOutFailure',
  'authentication', 'passwords', 'accountChanges', 'businessCustomers', 'simChanges', 'vendors', 'breach', 'contact', 'conclusion',
] as const satisfies readonly TopicId[];

/** One topic's answers as stored: each may be missing (null or absent). */
export type TopicValues<T extends TopicId> = { [K in keyof StatementAnswers[T]]?: StatementAnswers[T][K] | null };
export type AnswerValues = { [T in TopicId]?: TopicValues<T> };

/** Where a topic's answers came from. */
export type AnswerOrigin = 'user' | 'sample' | 'lastYear';

export interface TopicReview {
  origin: AnswerOrigin;
  /** When the user confirmed the topic for this certification ('' until then). Typed answers need no confirmation. */
  reviewedOn: IsoDate | '';
  /** For 'lastYear': the certification year the answers were carried from, and when they were reviewed for it. */
  fromYear?: number;
  lastReviewedOn?: IsoDate;
  /** Why the topic needs a look, when an upgrade of stored answers left something to say. */
  note?: string;
}

export const ANSWERS_VERSION = 2;

export interface StoredAnswers {
  version: typeof ANSWERS_VERSION;
  values: AnswerValues;
  topics: { [T in TopicId]?: TopicReview };
  /**
   * The date compliance with § 64.2010(h) (SIM changes) is required from, when the FCC has set
   * one; a fact about the rule the user enters, not an answer about the company.
   */
  simChangeComplianceDate: IsoDate | '';
}

export function emptyAnswers(): StoredAnswers {
  return { version: ANSWERS_VERSION, values: {}, topics: {}, simChangeComplianceDate: '' };
}

/** Whether one answer has been given: text that is not blank, a number, a choice. */
export function isAnswered(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  return true;
}

/**
 * Typical procedures of a small carrier that does not use CPNI for marketing: a starting point
 * the user fills in one step, each topic marked as a sample until the user reviews it.
 */
export const SAMPLE_ANSWERS: StatementAnswers = {
  marketing: { withinCategories: false, own: 'none', agents: 'none', affiliates: 'none', thirdParties: 'none' },
  approvalSystem: {
    name: 'the "CPNI approval" field on each customer account in the billing system',
    howUsed: 'The field is set to "not approved" when an account is opened, and representatives check it before any use of CPNI that needs approval.',
  },
  notices: { method: 'mail', optOutWaitDays: 30, refreshEveryTwoYears: true, oralOneTime: false },
  approvalRecords: { retentionYears: 1 },
  training: {
    who: 'All employees and contractors who can see or use CPNI',
    how: 'in person from the Company\'s written CPNI procedures manual',
    schedule: 'before they are given access to CPNI and again whenever the procedures change',
    records: 'Each session is logged with its date, the people trained and the material covered, and each trainee signs an acknowledgement.',
    discipline:
      'A violation is reported to the general manager, investigated, and recorded in the employee\'s file; depending on its seriousness it leads to retraining, a written warning, suspension or dismissal.',
  },
  campaignRecords: { system: 'the CPNI disclosure log kept by the compliance officer', retentionYears: 1 },
  supervisoryReview: { reviewer: 'the compliance officer', retentionYears: 1 },
  optOutFailure: { owner: 'the compliance officer' },
  authentication: { callPassword: true, callBack: true, callMail: true, online: false, onlineFirstAuthentication: '', inPerson: true },
  passwords: {
    setupAuthentication: 'in person with a valid government-issued photo ID, or by calling the customer back at the telephone number of record',
    choosing: 'The customer chooses the password; representatives never suggest one.',
    backupOffered: true,
    backupMethod: 'When setting the password, the customer writes a back-up question and answer of the customer\'s own choosing; representatives do not suggest questions.',
  },
  accountChanges: { method: 'both', owner: 'the customer service supervisor' },
  businessCustomers: { contractAuthentication: false },
  simChanges: {
    safeguards:
      'Before a SIM change, the customer is authenticated by a method that does not rely on readily available biographical information, account information, recent payment information or call detail information. Representatives cannot see CPNI until the customer is authenticated, the Company reviews these methods at least once a year, and staff who handle SIM changes are trained to recognize fraudulent SIM change requests and to refer possible victims to specially trained staff.',
  },
  vendors: { hasAccess: false, description: '' },
  breach: { owner: 'the compliance officer', recordsSystem: 'the breach log kept by the compliance officer' },
  contact: { who: 'officer', name: '', title: '', email: '', phone: '' },
  conclusion: { inCompliance: true, explanation: '' },
};

// ---- what the marketing answers imply ------------------------------------------------------------

type MarketingValues = TopicValues<'marketing'> | undefined;

export function usesOptOut(m: MarketingValues): boolean {
  return !!m && [m.own, m.agents, m.affiliates].includes('optOut');
}

export function usesOptIn(m: MarketingValues): boolean {
  return !!m && ([m.own, m.agents, m.affiliates].includes('optIn') || m.thirdParties === 'optIn');
}

/** Marketing that needs the customer's approval (§ 64.2007) for some recipient. */
export function seeksApproval(m: MarketingValues): boolean {
  return usesOptOut(m) || usesOptIn(m);
}

/** Any use of CPNI for marketing, with or without approval. */
export function marketsWithCpni(m: MarketingValues): boolean {
  return m?.withinCategories === true || seeksApproval(m);
}
