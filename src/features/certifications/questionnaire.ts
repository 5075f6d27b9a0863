import type { StatementAnswers } from '../../domain/statement';

/** One question of the accompanying-statement questionnaire, bound to a path in the answers. */
export interface Question {
  path: string;
  label: string;
  control: 'checkbox' | 'text' | 'textarea' | 'select' | 'number' | 'date';
  options?: { value: string; label: string }[];
  hint?: string;
  /** Shown only when this other path is truthy. */
  when?: string;
}

export interface QuestionGroup {
  title: string;
  citation: string;
  questions: Question[];
}

const APPROVAL = [
  { value: 'none', label: 'Not used for this' },
  { value: 'optOut', label: 'Opt-out approval' },
  { value: 'optIn', label: 'Opt-in approval' },
];

export const QUESTIONNAIRE: QuestionGroup[] = [
  {
    title: 'Use of CPNI and customer approval',
    citation: '§§ 64.2005, 64.2007',
    questions: [
      { path: 'marketing.usesCpni', label: 'The company uses CPNI to market services that need customer approval', control: 'checkbox' },
      { path: 'marketing.own', label: 'Its own marketing of communications-related services', control: 'select', options: APPROVAL, when: 'marketing.usesCpni' },
      { path: 'marketing.agents', label: 'Disclosure to its agents for such marketing', control: 'select', options: APPROVAL, when: 'marketing.usesCpni' },
      { path: 'marketing.affiliates', label: 'Disclosure to affiliates that provide communications-related services', control: 'select', options: APPROVAL, when: 'marketing.usesCpni' },
      {
        path: 'marketing.thirdParties', label: 'Joint-venture partners, independent contractors and other third parties', control: 'select', when: 'marketing.usesCpni',
        options: [{ value: 'none', label: 'No disclosure' }, { value: 'optIn', label: 'Opt-in approval (the only kind § 64.2007(b) allows)' }],
      },
      { path: 'approvalSystem.name', label: 'System that shows each customer’s approval status before CPNI is used', control: 'text', hint: '§ 64.2009(a): name the system or field.' },
      { path: 'approvalSystem.howUsed', label: 'How staff use it', control: 'textarea' },
    ],
  },
  {
    title: 'Customer notices',
    citation: '§ 64.2008',
    questions: [
      { path: 'notices.electronic', label: 'Opt-out notices sent electronically', control: 'checkbox' },
      { path: 'notices.mail', label: 'Opt-out notices sent by mail', control: 'checkbox' },
      { path: 'notices.oralOneTime', label: 'Oral notice for one-time use during a call', control: 'checkbox' },
      { path: 'notices.optOutWaitDays', label: 'Days the company waits before assuming opt-out approval', control: 'number', hint: 'At least 30 days (§ 64.2008(d)(1)).' },
      { path: 'notices.refreshEveryTwoYears', label: 'Opt-out notice repeated every two years', control: 'checkbox' },
    ],
  },
  {
    title: 'Training and discipline',
    citation: '§ 64.2009(b)',
    questions: [
      { path: 'training.how', label: 'How staff are trained', control: 'text' },
      { path: 'training.who', label: 'Who is trained', control: 'text' },
      { path: 'training.schedule', label: 'When training happens', control: 'text', hint: 'The rule sets no frequency; yearly training is practice, not a rule.' },
      { path: 'training.annualAsPractice', label: 'Yearly refresher training as the company’s own practice', control: 'checkbox' },
      { path: 'training.discipline', label: 'Express disciplinary process', control: 'textarea' },
    ],
  },
  {
    title: 'Records and supervisory review',
    citation: '§ 64.2009(c), (d), (f)',
    questions: [
      { path: 'campaignRecords.system', label: 'Where campaign and third-party disclosure records are kept', control: 'text' },
      { path: 'supervisoryReview.reviewer', label: 'Who approves outbound marketing requests', control: 'text' },
      { path: 'optOutFailure.owner', label: 'Who sends the five-business-day letter if opt-out mechanisms fail', control: 'text' },
    ],
  },
  {
    title: 'Authentication and account changes',
    citation: '§ 64.2010',
    questions: [
      { path: 'authentication.calls.password', label: 'Call detail on customer calls only with a password', control: 'checkbox' },
      { path: 'authentication.calls.callBack', label: 'Otherwise, call back to the telephone number of record', control: 'checkbox' },
      { path: 'authentication.calls.mailToAddressOfRecord', label: 'Otherwise, mail to the address of record', control: 'checkbox' },
      { path: 'authentication.online.offered', label: 'Customers can see account information online', control: 'checkbox' },
      { path: 'authentication.online.initialAuthentication', label: 'How online access is first authenticated', control: 'text', when: 'authentication.online.offered' },
      { path: 'authentication.retailStores', label: 'The company has retail stores (valid photo ID required)', control: 'checkbox' },
      { path: 'authentication.passwordSetup', label: 'How passwords are set up', control: 'textarea', hint: 'Never prompted by biographical or account information (§ 64.2010(e)).' },
      { path: 'authentication.backupMethod', label: 'Back-up method for a lost password', control: 'textarea' },
      { path: 'accountChangeNotices.voicemailOrText', label: 'Account-change notices by voicemail or text to the number of record', control: 'checkbox' },
      { path: 'accountChangeNotices.mail', label: 'Account-change notices by mail to the address of record', control: 'checkbox' },
      { path: 'accountChangeNotices.owner', label: 'Who sends account-change notices', control: 'text' },
      { path: 'businessCustomers.contractAuthentication', label: 'Business customers with a dedicated representative and a CPNI contract use contract authentication (§ 64.2010(g))', control: 'checkbox' },
    ],
  },
  {
    title: 'Wireless, vendors and breaches',
    citation: '§§ 64.2010(h), 64.2011',
    questions: [
      { path: 'cmrs.simChangeSafeguards', label: 'SIM-change safeguards (wireless carriers)', control: 'textarea', hint: 'Compliance with § 64.2010(h) is deferred until the FCC sets a date.' },
      { path: 'cmrs.complianceDate', label: '§ 64.2010(h) compliance date, if announced', control: 'date' },
      { path: 'vendors.hasAccess', label: 'Agents, affiliates or contractors have access to CPNI to provide or bill service', control: 'checkbox' },
      { path: 'vendors.description', label: 'Who they are and how they are bound', control: 'textarea', when: 'vendors.hasAccess' },
      { path: 'breach.owner', label: 'Who handles breaches', control: 'text' },
      { path: 'breach.recordsSystem', label: 'Where breach records are kept (two years)', control: 'text' },
    ],
  },
  {
    title: 'Contact and conclusion',
    citation: '§ 64.2009(e)',
    questions: [
      { path: 'contact.name', label: 'Compliance contact name', control: 'text', hint: 'Practice, not a rule. Empty: the signing officer.' },
      { path: 'contact.title', label: 'Compliance contact title', control: 'text' },
      { path: 'contact.email', label: 'Compliance contact email', control: 'text' },
      { path: 'contact.phone', label: 'Compliance contact phone', control: 'text' },
      { path: 'conclusion.inCompliance', label: 'The company’s procedures ensure it is in compliance', control: 'checkbox' },
      { path: 'conclusion.explanation', label: 'If not, why not and what is being done', control: 'textarea' },
    ],
  },
];

export function getPath(answers: StatementAnswers, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], answers);
}

/** A copy of `answers` with `path` set to `value`. */
export function setPath(answers: StatementAnswers, path: string, value: unknown): StatementAnswers {
  const next = structuredClone(answers) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let o = next;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[keys.at(-1)!] = value;
  return next as unknown as StatementAnswers;
}
