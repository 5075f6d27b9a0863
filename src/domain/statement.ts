/**
 * The accompanying statement of the annual certification (§ 64.2009(e)): a questionnaire over
 * the topics of reference (e) → numbered sections that explain HOW each requirement is met
 * (process, owner, system, record). A section that does not apply says why. The wording is
 * CPNI Desk's own; every section stays editable, and the final text goes through
 * `lintStatement` (statement-lint.ts).
 */
import { formatLong, type IsoDate } from './dates';
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, type ComplaintCategory } from './records';
import type { Service } from './schema';
import { findBiographicalPrompts } from './statement-lint';

export type BreachRuleVersion = '2007' | '2023';
/** How a customer's approval is obtained for one kind of marketing use or disclosure. */
export type ApprovalChoice = 'none' | 'optOut' | 'optIn';

export interface StatementAnswers {
  marketing: {
    usesCpni: boolean;
    /** The carrier's own marketing of communications-related services. */
    own: ApprovalChoice;
    /** Disclosure to the carrier's agents for marketing communications-related services. */
    agents: ApprovalChoice;
    /** Disclosure to affiliates that provide communications-related services. */
    affiliates: ApprovalChoice;
    /** Joint-venture partners, independent contractors and other third parties: § 64.2007(b)
     * allows only opt-in, so opt-out is not a choice here. */
    thirdParties: 'none' | 'optIn';
  };
  /** § 64.2009(a): the system or field that shows approval status before CPNI is used. */
  approvalSystem: { name: string; howUsed: string };
  notices: {
    electronic: boolean;
    mail: boolean;
    /** Oral notice for one-time use during a single call (§ 64.2008(f)). */
    oralOneTime: boolean;
    optOutWaitDays: number;
    refreshEveryTwoYears: boolean;
  };
  approvalRecordsRetentionYears: number;
  training: {
    /** e.g. "in live sessions with a written CPNI manual and a quiz" */
    how: string;
    /** e.g. "All employees and contractors with access to CPNI" */
    who: string;
    /** e.g. "at hire and once a year after that" */
    schedule: string;
    /** Annual refresher training as the carrier's practice (never as an FCC requirement). */
    annualAsPractice: boolean;
    discipline: string;
  };
  campaignRecords: { system: string; retentionYears: number };
  supervisoryReview: { reviewer: string; retentionYears: number };
  optOutFailure: { owner: string };
  authentication: {
    calls: { password: boolean; callBack: boolean; mailToAddressOfRecord: boolean };
    online: { offered: boolean; initialAuthentication: string };
    retailStores: boolean;
    /** Free text; the lint catches biographical prompts in it. */
    passwordSetup: string;
    backupMethod: string;
  };
  accountChangeNotices: { voicemailOrText: boolean; mail: boolean; owner: string };
  /** § 64.2010(g): contracts with business customers that have a dedicated representative. */
  businessCustomers: { contractAuthentication: boolean };
  /** § 64.2010(h), used only when the services include CMRS. */
  cmrs: { simChangeSafeguards: string; complianceDate: IsoDate | '' };
  /** Affiliates, agents and contractors with access to CPNI to provide or bill service. */
  vendors: { hasAccess: boolean; description: string };
  breach: { owner: string; recordsSystem: string };
  /** Practice, not a rule. An empty name falls back to the signing officer. */
  contact: { name: string; title: string; email: string; phone: string };
  conclusion: { inCompliance: boolean; explanation: string };
}

export interface StatementContext {
  companies: { name: string; filerId: string }[];
  filingYear: number;
  coveredYear: number;
  services: Service[];
  breachRule: BreachRuleVersion;
  /** From the covered year's records; [] means none. Undefined leaves a placeholder. */
  dataBrokerActions?: string[];
  /** The counts by category, and the public summaries (none: the counts stand alone). */
  complaints?: { counts: Record<ComplaintCategory, number>; summaries: readonly string[] };
  pretexterInformation?: string;
}

export interface StatementSection {
  id: StatementSectionId;
  heading: string;
  body: string;
  citation: string;
}

export const STATEMENT_SECTION_IDS = [
  'scope', 'use', 'approval', 'approval-system', 'notices', 'approval-records', 'training',
  'campaign-records', 'supervisory-review', 'opt-out-failure', 'authentication', 'passwords',
  'account-changes', 'business-customers', 'cmrs', 'vendors', 'breach', 'data-brokers',
  'complaints', 'pretexting', 'contact', 'conclusion',
] as const;
export type StatementSectionId = (typeof STATEMENT_SECTION_IDS)[number];

/** The number a section prints under (sections are never dropped, so numbers are stable). */
function sec(id: StatementSectionId): number {
  return STATEMENT_SECTION_IDS.indexOf(id) + 1;
}
const AUTH_SECTIONS = `sections ${sec('authentication')} to ${sec('account-changes')}`;

export function defaultAnswers(): StatementAnswers {
  return {
    marketing: { usesCpni: false, own: 'none', agents: 'none', affiliates: 'none', thirdParties: 'none' },
    approvalSystem: {
      name: 'the "CPNI approval" field on each customer account in the billing system',
      howUsed: 'The field is set to "not approved" when an account is opened, and representatives check it before any use of CPNI that needs approval.',
    },
    notices: { electronic: false, mail: true, oralOneTime: false, optOutWaitDays: 30, refreshEveryTwoYears: true },
    approvalRecordsRetentionYears: 1,
    training: {
      how: 'in person from the Company\'s written CPNI procedures manual',
      who: 'All employees and contractors who can see or use CPNI',
      schedule: 'when they are hired and again whenever the procedures change',
      annualAsPractice: true,
      discipline: 'A violation is reported to the general manager, investigated, and recorded in the employee\'s file; depending on its seriousness it leads to retraining, a written warning, suspension or dismissal.',
    },
    campaignRecords: { system: 'the CPNI disclosure log kept by the compliance officer', retentionYears: 1 },
    supervisoryReview: { reviewer: 'the compliance officer', retentionYears: 1 },
    optOutFailure: { owner: 'The compliance officer' },
    authentication: {
      calls: { password: true, callBack: true, mailToAddressOfRecord: true },
      online: { offered: false, initialAuthentication: '' },
      retailStores: false,
      passwordSetup: 'When service starts, the customer chooses a password of their own in person or by mail; representatives never suggest one.',
      backupMethod: 'The customer writes a back-up question and answer of their own choosing when setting the password, and representatives do not suggest questions.',
    },
    accountChangeNotices: { voicemailOrText: true, mail: true, owner: 'the customer service supervisor' },
    businessCustomers: { contractAuthentication: false },
    cmrs: {
      simChangeSafeguards:
        'Before a SIM change, the customer is authenticated by a method that does not rely on biographical information, account information, recent payment information or call detail information. Representatives cannot see CPNI until the customer is authenticated, the Company reviews these methods at least once a year, and staff who handle SIM changes are trained to recognize SIM-swap fraud.',
      complianceDate: '',
    },
    vendors: { hasAccess: false, description: '' },
    breach: { owner: 'The compliance officer', recordsSystem: 'The breach log kept by the compliance officer' },
    contact: { name: '', title: '', email: '', phone: '' },
    conclusion: { inCompliance: true, explanation: '' },
  };
}

// ---- wording helpers -------------------------------------------------------------------------

function joinList(items: string[], conj: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} ${conj} ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, ${conj} ${items.at(-1)}`;
}

/** Free text as a sentence: trimmed, capitalised, ending in a full stop. */
function asSentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return '';
  const capped = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]["')\]]?$/.test(capped) ? capped : `${capped}.`;
}

function years(n: number): string {
  return n === 1 ? 'one year' : `${n} years`;
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function paragraphs(...parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ');
}

function usesOptOut(a: StatementAnswers): boolean {
  const m = a.marketing;
  return m.usesCpni && [m.own, m.agents, m.affiliates].includes('optOut');
}

function usesOptIn(a: StatementAnswers): boolean {
  const m = a.marketing;
  return m.usesCpni && ([m.own, m.agents, m.affiliates].includes('optIn') || m.thirdParties === 'optIn');
}

function seeksApproval(a: StatementAnswers): boolean {
  return usesOptOut(a) || usesOptIn(a);
}

const APPROVAL_WORDS: Record<Exclude<ApprovalChoice, 'none'>, string> = {
  optOut: 'opt-out approval',
  optIn: 'opt-in approval',
};

// ---- the sections ------------------------------------------------------------------------------

type Draft = Omit<StatementSection, 'id'>;

const SERVICE_WORDS: Record<Service, string> = {
  wireline: 'wireline telecommunications service',
  interconnectedVoip: 'interconnected VoIP service',
  wireless: 'commercial mobile radio service (wireless)',
};

function scope(ctx: StatementContext): Draft {
  const names = ctx.companies.map((c) => c.name.trim() || '[To complete: company name]');
  const list = ctx.companies.length
    ? ctx.companies.map((c, i) => `${names[i]} (Form 499 Filer ID ${c.filerId.trim() || '[To complete: Filer ID]'})`)
    : ['[To complete: company name and Form 499 Filer ID]'];
  const who = names.length > 1 ? `${joinList(names)} (together, "the Company")` : `${names[0] ?? '[To complete: company name]'} ("the Company")`;
  const services = ctx.services.map((s) => SERVICE_WORDS[s]);
  return {
    heading: 'Companies, services and period covered',
    citation: '47 C.F.R. § 64.2009(e)',
    body: paragraphs(
      `This statement accompanies the annual CPNI certification of ${who}, filed in EB Docket No. 06-36 under 47 C.F.R. § 64.2009(e).`,
      `The certification is filed in ${ctx.filingYear} and covers calendar year ${ctx.coveredYear}, January 1 through December 31, ${ctx.coveredYear}.`,
      `Companies covered: ${joinList(list)}.`,
      services.length
        ? `The Company provides ${joinList(services)}${ctx.services.includes('interconnectedVoip') ? '; § 64.2003(o) treats interconnected VoIP providers as telecommunications carriers for these rules' : ''}.`
        : 'Services provided: [To complete: the services the Company provides].',
      'This statement explains how the Company\'s operating procedures meet each requirement of 47 C.F.R. §§ 64.2001 through 64.2011: who does what, with which system, and what record is kept.',
    ),
  };
}

function use(a: StatementAnswers): Draft {
  const base =
    'The Company uses, discloses and permits access to CPNI without customer approval only to provide and bill for the services its customers buy, to market offerings within the categories of service a customer already buys, to protect its rights and property and protect customers and other carriers from fraudulent, abusive or unlawful use, and as the law requires (§ 64.2005; 47 U.S.C. 222(c)(1), (d)).';
  return {
    heading: 'How the Company uses CPNI',
    citation: '47 C.F.R. §§ 64.2005, 64.2007',
    body: a.marketing.usesCpni
      ? paragraphs(
          base,
          `It also uses CPNI for marketing, with the customer approvals described in section ${sec('approval')}.`,
          'It never uses CPNI to identify or track customers who call competing service providers (§ 64.2005(b)).',
        )
      : paragraphs(
          base,
          'The Company does not use CPNI for marketing, and it does not disclose CPNI to agents, affiliates or third parties for their marketing.',
          'It never uses CPNI to identify or track customers who call competing service providers (§ 64.2005(b)).',
        ),
  };
}

function approval(a: StatementAnswers): Draft {
  const m = a.marketing;
  const head = { heading: 'Customer approval for marketing', citation: '47 C.F.R. § 64.2007' };
  if (!m.usesCpni)
    return {
      ...head,
      body: paragraphs(
        'Because the Company does not use CPNI for marketing, it does not seek customer approval under § 64.2007.',
        'Before it ever uses CPNI for marketing, it will adopt approval and notice procedures under §§ 64.2007 and 64.2008 and revise this statement.',
      ),
    };
  const lines: string[] = [];
  lines.push(
    m.own === 'none'
      ? 'The Company does not use CPNI in its own marketing of services outside the categories a customer already buys.'
      : `For its own marketing of communications-related services to a customer, the Company uses CPNI only with the customer's ${APPROVAL_WORDS[m.own]}.`,
  );
  lines.push(
    m.agents === 'none'
      ? 'It does not disclose CPNI to its agents for marketing.'
      : `It discloses CPNI to its agents for marketing communications-related services only with the customer's ${APPROVAL_WORDS[m.agents]}.`,
  );
  lines.push(
    m.affiliates === 'none'
      ? 'It does not disclose CPNI to affiliates for marketing.'
      : `It discloses CPNI to affiliates that provide communications-related services, for marketing those services, only with the customer's ${APPROVAL_WORDS[m.affiliates]}.`,
  );
  lines.push(
    m.thirdParties === 'optIn'
      ? 'Joint venture partners, independent contractors and other third parties receive CPNI for marketing only with the customer\'s opt-in approval, as § 64.2007(b) requires.'
      : 'It does not disclose CPNI to joint venture partners, independent contractors or other third parties for marketing.',
  );
  if (usesOptOut(a)) lines.push('Opt-out approval is used only for marketing communications-related services; any use of CPNI to market other services requires opt-in approval (§ 64.2007(b)).');
  if (seeksApproval(a))
    lines.push(
      'A customer may give or deny approval in writing, orally or electronically; the Company bears the burden of proving oral approval, so representatives record it on the account when it is given.',
      'An approval or denial stays in effect until the customer revokes or limits it (§ 64.2007(a)).',
    );
  return { ...head, body: paragraphs(...lines) };
}

function approvalSystem(a: StatementAnswers): Draft {
  const name = a.approvalSystem.name.trim() || '[To complete: the system or field that shows approval status]';
  return {
    heading: 'System that shows approval status before CPNI is used',
    citation: '47 C.F.R. § 64.2009(a)',
    body: seeksApproval(a)
      ? paragraphs(
          `Each customer's CPNI approval status is recorded in ${name}, so that it can be clearly established before CPNI is used.`,
          asSentence(a.approvalSystem.howUsed),
          'Marketing lists are built only from accounts whose status allows the intended use.',
        )
      : paragraphs(
          `Because the Company seeks no approval, every account is treated as not having approved any use of CPNI that needs approval, and ${name} shows that status.`,
          asSentence(a.approvalSystem.howUsed),
        ),
  };
}

function notices(a: StatementAnswers): Draft {
  const n = a.notices;
  const head = { heading: 'Customer notices', citation: '47 C.F.R. § 64.2008' };
  if (!seeksApproval(a))
    return {
      ...head,
      body: a.marketing.usesCpni
        ? 'The Company seeks no customer approval, so it sends no CPNI notices under § 64.2008.'
        : 'Because the Company does not use CPNI for marketing and seeks no approval, it sends no CPNI notices under § 64.2008.',
    };
  const parts: string[] = [
    'Each notice tells the customer that the customer has a right, and the Company a duty, under federal law to protect the confidentiality of CPNI; describes the types of CPNI, who would receive it and for what purposes; explains that the customer may deny or withdraw approval at any time, how to do so, and that a denial will not affect the services the customer buys; and says that the choice stays valid until the customer revokes or limits it (§ 64.2008(c)).',
    `A copy of each notice version and the date and method of each mailing are kept with the approval records described in section ${sec('approval-records')}.`,
  ];
  if (usesOptOut(a)) {
    const how = [n.mail && 'in writing by mail', n.electronic && 'electronically by e-mail'].filter((x): x is string => !!x);
    parts.push(
      how.length
        ? `Opt-out notices are sent ${joinList(how, 'or')} (§ 64.2008(d)).`
        : 'The Company has not yet chosen how it sends opt-out notices; they must be written or electronic (§ 64.2008(d)).',
      `The Company waits at least ${n.optOutWaitDays} days after a notice is sent before treating a customer who has not opted out as having approved; for a mailed notice the period starts on the third day after mailing (§ 64.2008(d)(1)).`,
      n.refreshEveryTwoYears
        ? 'Every two years the Company sends customers whose approval rests on opt-out a new notice (§ 64.2008(d)(2)).'
        : 'The Company does not yet send customers whose approval rests on opt-out a new notice every two years, as § 64.2008(d)(2) requires.',
    );
    if (n.electronic)
      parts.push(
        'E-mail notices go only to customers who agreed in advance to receive notices by e-mail; customers can opt out by replying; a notice that bounces back is sent again by mail before it counts as given; the subject line names the topic; and a free way to opt out is available at all hours (§ 64.2008(d)(3)).',
      );
  } else {
    parts.push('The Company does not rely on opt-out approval, so the waiting period and two-year renewal of § 64.2008(d) do not apply.');
  }
  if (usesOptIn(a)) parts.push('Opt-in notices are given orally, in writing or electronically, as § 64.2008(e) allows.');
  if (n.oralOneTime)
    parts.push(
      'For one-time use of CPNI during a single inbound or outbound call, representatives may give the shorter oral notice that § 64.2008(f) permits, make clear that the approval lasts only for that call, and note it on the account.',
    );
  return { ...head, body: paragraphs(...parts) };
}

function approvalRecords(a: StatementAnswers): Draft {
  const head = { heading: 'Records of approvals and notices', citation: '47 C.F.R. §§ 64.2007(a)(3), 64.2008(a)(2)' };
  if (!seeksApproval(a))
    return {
      ...head,
      body: 'Because the Company seeks no approval and sends no notices, it has no approval or notice records to keep. If that changes, it will keep each approval and each notice for at least one year.',
    };
  return {
    ...head,
    body: paragraphs(
      `Each customer's approval or denial, with its date and how it was given, is recorded in ${a.approvalSystem.name.trim() || 'the approval system'}, and each notice is kept with its date and delivery method.`,
      `These records are kept for at least ${years(a.approvalRecordsRetentionYears)}.`,
    ),
  };
}

function training(a: StatementAnswers): Draft {
  const t = a.training;
  return {
    heading: 'Training and discipline',
    citation: '47 C.F.R. § 64.2009(b)',
    body: paragraphs(
      `${asSentence(t.who || '[To complete: who is trained]').replace(/\.$/, '')} are trained on when they may and may not use, disclose or permit access to CPNI, and on the authentication and account-change procedures described in ${AUTH_SECTIONS}.`,
      `Training is given ${t.how.trim() || '[To complete: how training is given]'}, on a schedule the Company chooses: ${t.schedule.trim() || '[To complete: when training is given]'}.`,
      t.annualAsPractice
        ? 'Annual refresher training is the Company\'s own practice; the rules require training but set no frequency.'
        : 'The rules require training but set no frequency.',
      'Each session is logged with its date, the people trained and the material covered, and each trainee signs an acknowledgement.',
      `The Company has an express disciplinary process for improper use or disclosure of CPNI. ${asSentence(t.discipline || '[To complete: the disciplinary process]')}`,
    ),
  };
}

function campaignRecords(a: StatementAnswers, ctx: StatementContext): Draft {
  const r = a.campaignRecords;
  const system = r.system.trim() || '[To complete: where the records are kept]';
  const thirdParty =
    'every instance in which CPNI was disclosed or provided to a third party, or a third party was allowed access to it';
  return {
    heading: 'Records of marketing campaigns and third-party disclosures',
    citation: '47 C.F.R. § 64.2009(c)',
    body: a.marketing.usesCpni
      ? paragraphs(
          `The Company records in ${system} each sales and marketing campaign, its own and its affiliates', that uses customers' CPNI: a description of the campaign, the specific CPNI used, and the products and services offered.`,
          `The same record covers ${thirdParty}.`,
          `Each entry is kept for at least ${years(r.retentionYears)}.`,
        )
      : paragraphs(
          `The Company ran no sales or marketing campaigns using CPNI in ${ctx.coveredYear}, because it does not use CPNI for marketing.`,
          `It still records in ${system} ${thirdParty} (for example, under a subpoena), with the CPNI involved and the reason, and keeps each entry for at least ${years(r.retentionYears)}.`,
        ),
  };
}

function supervisoryReview(a: StatementAnswers): Draft {
  const r = a.supervisoryReview;
  const reviewer = r.reviewer.trim() || '[To complete: the reviewer]';
  return {
    heading: 'Supervisory review of outbound marketing',
    citation: '47 C.F.R. § 64.2009(d)',
    body: a.marketing.usesCpni
      ? paragraphs(
          `Sales personnel must obtain the approval of ${reviewer} before making any outbound marketing request for customer approval.`,
          `${capitalise(reviewer)} checks each request against the customers' approval status and these rules, and records the decision.`,
          `These records, which show the Company's compliance with the CPNI rules in outbound marketing, are kept for at least ${years(r.retentionYears)}.`,
        )
      : paragraphs(
          'The Company makes no outbound marketing requests for customer approval, because it does not use CPNI for marketing.',
          `Any proposal to begin would need the prior approval of ${reviewer}, and the Company would keep records of that review for at least one year.`,
        ),
  };
}

function optOutFailure(a: StatementAnswers): Draft {
  const owner = a.optOutFailure.owner.trim() || '[To complete: who sends the notice]';
  const head = { heading: 'Notice to the FCC if opt-out mechanisms do not work', citation: '47 C.F.R. § 64.2009(f)' };
  if (!usesOptOut(a))
    return {
      ...head,
      body: paragraphs(
        'The Company does not use opt-out approval.',
        'It therefore has no opt-out mechanism that could fail and no notice to give under § 64.2009(f).',
        'If it adopts opt-out approval, it will give the FCC the written notice described in that paragraph within five business days of any such failure.',
      ),
    };
  return {
    ...head,
    body: paragraphs(
      `If the Company's opt-out mechanisms do not work properly, to such a degree that customers' inability to opt out is more than an anomaly, ${owner.replace(/^\w/, (c) => c.toLowerCase())} sends a written notice to the FCC within five business days of learning of the problem, even if other opt-out methods were still available.`,
      'The notice gives the Company\'s name, a description of the opt-out mechanisms used, the problems experienced, the remedy proposed and when it will be or was put in place, whether the relevant state commissions have been notified and whether they have taken any action, a copy of any notice sent to customers, and contact information.',
      'A copy of the notice and the record of the failure are kept with the opt-out records.',
    ),
  };
}

function authentication(a: StatementAnswers): Draft {
  const au = a.authentication;
  const c = au.calls;
  const fallback = [c.callBack && 'call back the telephone number of record', c.mailToAddressOfRecord && 'mail the information to the address of record'].filter(
    (x): x is string => !!x,
  );
  const calls = c.password
    ? paragraphs(
        'On a customer-initiated call, representatives disclose call detail information only after the caller gives the account password, which is never prompted by biographical or account information.',
        fallback.length
          ? `A caller without the password is not told call detail on that call; instead the representative offers to ${joinList(fallback, 'or')} (§ 64.2010(b)).`
          : 'A caller without the password is not told call detail (§ 64.2010(b)).',
      )
    : fallback.length
      ? `The Company uses no telephone passwords, so representatives never disclose call detail information on a customer-initiated call; instead they offer to ${joinList(fallback, 'or')} (§ 64.2010(b)).`
      : 'Representatives never disclose call detail information on a customer-initiated call (§ 64.2010(b)).';
  const online = au.online.offered
    ? `Before giving a customer online access to CPNI, the Company authenticates the customer ${au.online.initialAuthentication.trim() || '[To complete: how online access is first authenticated]'}, without using readily available biographical information or account information; after that, the customer signs in with a password that is not prompted by such information (§ 64.2010(c)).`
    : 'The Company does not offer customers online access to CPNI, so § 64.2010(c) does not apply.';
  const store = au.retailStores
    ? 'In its retail stores, staff disclose CPNI only to a customer who presents a valid, unexpired, government-issued photo ID that matches the customer\'s account information (§ 64.2010(d)).'
    : 'The Company has no retail stores, so § 64.2010(d) does not apply; if a customer asks for CPNI in person at a Company office, staff require a valid photo ID that matches the account information.';
  return {
    heading: 'Protection against pretexting; customer authentication',
    citation: '47 C.F.R. § 64.2010(a)-(d)',
    body: paragraphs(
      'The Company takes reasonable measures to discover and protect against attempts to gain unauthorized access to CPNI, and authenticates every customer before disclosing CPNI on a customer-initiated call, online or in person (§ 64.2010(a)).',
      calls,
      'If a caller recites call detail without the representative\'s help, the representative may discuss only the details the caller gave.',
      online,
      store,
    ),
  };
}

function passwords(a: StatementAnswers): Draft {
  const au = a.authentication;
  return {
    heading: 'Passwords and back-up authentication',
    citation: '47 C.F.R. § 64.2010(e)',
    body: paragraphs(
      `Password setup: ${asSentence(au.passwordSetup || '[To complete: how passwords are set up]')}`,
      `Back-up authentication: ${asSentence(au.backupMethod || '[To complete: the back-up method for lost passwords]')}`,
      'Staff never prompt for a customer\'s Social Security number or its last four digits, date of birth, mother\'s maiden name, account number or telephone number when a password or back-up answer is set up or used.',
      `If a customer cannot give either the password or the back-up answer, a new password is set up only after the customer is authenticated by one of the methods in section ${sec('authentication')}.`,
    ),
  };
}

function accountChanges(a: StatementAnswers): Draft {
  const n = a.accountChangeNotices;
  const how = [
    n.voicemailOrText && 'a Company-originated voicemail or text message to the telephone number of record',
    n.mail && 'mail to the address of record',
  ].filter((x): x is string => !!x);
  return {
    heading: 'Notice of account changes',
    citation: '47 C.F.R. § 64.2010(f)',
    body: paragraphs(
      'The Company notifies the customer immediately whenever a password, a customer response to a back-up means of authentication, an online account or an address of record is created or changed, except when the customer first starts service.',
      how.length
        ? `${capitalise(n.owner.trim() || 'the customer service supervisor')} makes sure the notice goes out by ${joinList(how, 'or')}.`
        : 'The Company has not yet set up a way to send these notices.',
      'The notice is never sent to the new address or contact information, and it does not reveal the changed information.',
    ),
  };
}

function businessCustomers(a: StatementAnswers): Draft {
  return {
    heading: 'Business customers',
    citation: '47 C.F.R. § 64.2010(g)',
    body: a.businessCustomers.contractAuthentication
      ? paragraphs(
          `For a business customer that has both a dedicated account representative and a contract that specifically addresses the Company's protection of CPNI, the Company follows the authentication terms of that contract instead of those in sections ${sec('authentication')} and ${sec('passwords')}, as § 64.2010(g) permits.`,
          'A business customer that lacks either condition is authenticated like any other customer.',
        )
      : `The Company does not use the business-customer exemption of § 64.2010(g); business customers are authenticated like any other customer, as described in ${AUTH_SECTIONS}.`,
  };
}

function cmrs(a: StatementAnswers, ctx: StatementContext): Draft {
  const head = { heading: 'SIM changes (wireless service)', citation: '47 C.F.R. § 64.2010(h)' };
  if (!ctx.services.includes('wireless'))
    return { ...head, body: 'The Company does not provide commercial mobile radio service (CMRS), so the SIM-change safeguards of § 64.2010(h) do not apply.' };
  return {
    ...head,
    body: paragraphs(
      'As a CMRS provider, the Company is subject to the SIM-change safeguards of § 64.2010(h).',
      a.cmrs.complianceDate
        ? `Compliance with them is required from ${formatLong(a.cmrs.complianceDate)}.`
        : 'Their compliance date is pending: the FCC has not yet announced it (§ 64.2010(h)(9)).',
      asSentence(a.cmrs.simChangeSafeguards || '[To complete: the SIM-change safeguards]'),
    ),
  };
}

function vendors(a: StatementAnswers): Draft {
  const head = { heading: 'Affiliates, agents and contractors with access to CPNI', citation: '47 C.F.R. §§ 64.2005, 64.2007(b); practice' };
  if (!a.vendors.hasAccess) return { ...head, body: 'No affiliate, agent or contractor has access to the Company\'s CPNI.' };
  return {
    ...head,
    body: paragraphs(
      asSentence(a.vendors.description || '[To complete: who has access to CPNI and why]'),
      `They receive only the CPNI they need to provide or bill for the Company's services, which needs no customer approval (§ 64.2005; 47 U.S.C. 222(c)(1)), and none of them uses it for marketing except as described in section ${sec('approval')}.`,
      'As a matter of practice, not a rule requirement, each is bound by a written agreement to keep CPNI confidential and use it only for the Company\'s services.',
    ),
  };
}

function breach(a: StatementAnswers, ctx: StatementContext): Draft {
  const owner = a.breach.owner.trim() || '[To complete: who handles breaches]';
  const records = a.breach.recordsSystem.trim() || '[To complete: where breach records are kept]';
  if (ctx.breachRule === '2023')
    return {
      heading: 'Security breaches',
      citation: '47 C.F.R. § 64.2011 (as amended in 2023)',
      body: paragraphs(
        `${owner} investigates any suspected breach of covered data and decides whether a breach has occurred.`,
        'As soon as practicable, and no later than seven business days after reasonably determining that a breach occurred, the Company notifies the FCC, the United States Secret Service and the Federal Bureau of Investigation through the central reporting facility, describing the incident, how the data was compromised, the dates involved, the approximate number of customers affected, any estimated financial loss, and the types of data involved (§ 64.2011(a)).',
        'A breach that affects fewer than 500 customers, where the Company reasonably determines that no harm to customers is reasonably likely, is reported instead in the annual summary filed with the FCC.',
        'The Company notifies affected customers of a breach without unreasonable delay after notifying the agencies, and no later than 30 days after reasonably determining that the breach occurred, unless it reasonably determines that no harm to customers is reasonably likely (§ 64.2011(b)).',
        'If the FCC or a law enforcement or national security agency directs the Company to delay notice of a breach, it waits for the period directed, initially up to 30 days, and any extension given in writing (§ 64.2011(a)(2)).',
        `${records} holds a record of each breach and of each notice, with the dates of discovery and notice, a description of the data involved and the circumstances, and the basis for any determination about the number of customers affected or the likelihood of harm; each record is kept for at least two years.`,
      ),
    };
  return {
    heading: 'Security breaches',
    citation: '47 C.F.R. § 64.2011',
    body: paragraphs(
      `${owner} investigates any suspected breach of CPNI and decides whether a breach has occurred.`,
      'As soon as practicable, and no later than seven business days after reasonably determining that a breach occurred, the Company notifies the United States Secret Service and the Federal Bureau of Investigation electronically through the central reporting facility linked from www.fcc.gov/eb/cpni (§ 64.2011(b)).',
      'The Company does not notify customers or disclose a breach publicly until seven full business days have passed after that notice (§ 64.2011(b)(1)).',
      'If it believes there is an extraordinarily urgent need to notify customers of a breach to avoid immediate and irreparable harm, it says so in its notice and notifies customers sooner only after consulting the investigating agency (§ 64.2011(b)(2)).',
      'If the investigating agency directs the Company not to disclose a breach or notify customers, it waits for the period the agency sets and any extension the agency gives in writing (§ 64.2011(b)(3)).',
      'After the waiting period, the Company notifies affected customers of the breach (§ 64.2011(c)).',
      `${records} holds a record of each breach and of the notices to the agencies and to customers, with the dates of discovery and notice, a detailed description of the CPNI involved and the circumstances, and each record is kept for at least two years (§ 64.2011(d)).`,
      'The amendments to § 64.2011 adopted by the FCC in December 2023 (FCC 23-111) have not taken effect; the Company will revise this procedure when they do.',
    ),
  };
}

function dataBrokers(ctx: StatementContext): Draft {
  const head = { heading: 'Actions against data brokers', citation: '47 C.F.R. § 64.2009(e)' };
  const actions = ctx.dataBrokerActions;
  if (!actions)
    return { ...head, body: `[To complete: state whether the Company took any actions against data brokers in calendar year ${ctx.coveredYear}, and if so, which.]` };
  if (actions.length === 0)
    return {
      ...head,
      body: `In calendar year ${ctx.coveredYear}, the Company took no actions against data brokers: it instituted no proceedings and filed no petitions against data brokers at any state commission, in any court or at the FCC.`,
    };
  return {
    ...head,
    body: paragraphs(
      `In calendar year ${ctx.coveredYear}, the Company took the following actions against data brokers:`,
      ...actions.map((x, i) => `(${i + 1}) ${asSentence(x)}`),
    ),
  };
}

function complaints(ctx: StatementContext): Draft {
  const head = { heading: 'Customer complaints about unauthorized release of CPNI', citation: '47 C.F.R. § 64.2009(e)' };
  const c = ctx.complaints;
  if (!c)
    return {
      ...head,
      body: `[To complete: the number of customer complaints received in calendar year ${ctx.coveredYear} about the unauthorized release of CPNI, by category, or a statement that there were none.]`,
    };
  const cats = COMPLAINT_CATEGORIES.filter((k) => k !== 'other' || c.counts.other > 0);
  const total = cats.reduce((s, k) => s + c.counts[k], 0);
  const breakdown = cats.map((k) => `${COMPLAINT_CATEGORY_LABELS[k].toLowerCase()}: ${c.counts[k]}`).join('; ');
  return {
    ...head,
    body:
      total === 0
        ? `In calendar year ${ctx.coveredYear}, the Company received no customer complaints about the unauthorized release of CPNI (${breakdown}).`
        : paragraphs(
            `In calendar year ${ctx.coveredYear}, the Company received ${total} customer ${total === 1 ? 'complaint' : 'complaints'} about the unauthorized release of CPNI. By category: ${breakdown}.`,
            ...(c.summaries.length ? ['In summary:', ...c.summaries.map((x, i) => `(${i + 1}) ${asSentence(x)}`)] : []),
          ),
  };
}

function pretexting(ctx: StatementContext): Draft {
  const info = ctx.pretexterInformation?.trim();
  return {
    heading: 'Information about pretexters',
    citation: '47 C.F.R. § 64.2010(a)',
    body: paragraphs(
      info
        ? asSentence(info)
        : `The Company has no information about the methods pretexters used in ${ctx.coveredYear} beyond those generally known in the industry, such as callers who pose as the account holder, ask for call detail or account changes, or press representatives to skip authentication.`,
      `It protects CPNI against these methods through the authentication and account-change procedures in ${AUTH_SECTIONS} and the training in section ${sec('training')}.`,
    ),
  };
}

function contact(a: StatementAnswers): Draft {
  const c = a.contact;
  const reach = [c.email.trim(), c.phone.trim()].filter(Boolean);
  return {
    heading: 'Compliance contact',
    citation: 'Practice; not a rule requirement',
    body: c.name.trim()
      ? `As a matter of practice, not a rule requirement, ${c.name.trim()}${c.title.trim() ? `, ${c.title.trim()},` : ''} oversees the Company's CPNI procedures, including the access of agents and contractors, and answers questions about this statement${reach.length ? ` (${reach.join(', ')})` : ''}.`
      : 'As a matter of practice, not a rule requirement, the officer who signs the certification oversees the Company\'s CPNI procedures, including the access of agents and contractors, and answers questions about this statement.',
  };
}

function conclusion(a: StatementAnswers): Draft {
  const c = a.conclusion;
  const why = c.explanation.trim();
  return {
    heading: 'Conclusion',
    citation: '47 C.F.R. § 64.2009(e)',
    body: c.inCompliance
      ? paragraphs(
          'The operating procedures described above ensure that the Company is in compliance with the FCC\'s CPNI rules, 47 C.F.R. § 64.2001 et seq.',
          why && asSentence(why),
        )
      : paragraphs(
          `The Company is not in compliance with the FCC's CPNI rules, 47 C.F.R. § 64.2001 et seq., in the following respect: ${asSentence(why || '[To complete: what is not in compliance, why, and what the Company is doing about it and by when]')}`,
          'In every other respect, the procedures described above ensure the Company\'s compliance with those rules.',
        ),
  };
}

export function draftStatement(answers: StatementAnswers, ctx: StatementContext): StatementSection[] {
  const drafts: Record<StatementSectionId, Draft> = {
    scope: scope(ctx),
    use: use(answers),
    approval: approval(answers),
    'approval-system': approvalSystem(answers),
    notices: notices(answers),
    'approval-records': approvalRecords(answers),
    training: training(answers),
    'campaign-records': campaignRecords(answers, ctx),
    'supervisory-review': supervisoryReview(answers),
    'opt-out-failure': optOutFailure(answers),
    authentication: authentication(answers),
    passwords: passwords(answers),
    'account-changes': accountChanges(answers),
    'business-customers': businessCustomers(answers),
    cmrs: cmrs(answers, ctx),
    vendors: vendors(answers),
    breach: breach(answers, ctx),
    'data-brokers': dataBrokers(ctx),
    complaints: complaints(ctx),
    pretexting: pretexting(ctx),
    contact: contact(answers),
    conclusion: conclusion(answers),
  };
  return STATEMENT_SECTION_IDS.map((id) => ({ id, ...drafts[id] }));
}

/** Numbered headings and bodies, the text that is linted and printed. */
export function renderStatementText(sections: readonly StatementSection[]): string {
  return sections
    .map((s, i) => `${i + 1}. ${s.heading}${s.citation ? ` (${s.citation})` : ''}\n\n${s.body.trim()}`)
    .join('\n\n');
}

export interface AnswerProblem {
  /** Dot path into StatementAnswers, e.g. 'notices.optOutWaitDays'. */
  field: string;
  message: string;
}

/**
 * Answers that would make the statement describe a gap, shown beside the questionnaire before
 * drafting. None of them stops drafting: the statement must tell the truth, gap included.
 */
export function answerProblems(a: StatementAnswers): AnswerProblem[] {
  const out: AnswerProblem[] = [];
  const gap = (field: string, message: string) => out.push({ field, message });
  if (usesOptOut(a)) {
    if (a.notices.optOutWaitDays < 30) gap('notices.optOutWaitDays', 'Opt-out approval may be assumed only after at least 30 days (§ 64.2008(d)(1)).');
    if (!a.notices.refreshEveryTwoYears) gap('notices.refreshEveryTwoYears', 'Carriers that rely on opt-out must send the notice again every two years (§ 64.2008(d)(2)).');
    if (!a.notices.mail && !a.notices.electronic) gap('notices.mail', 'Opt-out notices must be sent in writing or electronically (§ 64.2008(d)).');
  }
  if (a.marketing.usesCpni && !seeksApproval(a))
    gap('marketing.own', 'You use CPNI for marketing but chose no approval for anyone; that is right only if you market solely within the categories of service each customer already buys (§ 64.2005(a)).');
  if (seeksApproval(a) && a.approvalRecordsRetentionYears < 1)
    gap('approvalRecordsRetentionYears', 'Approval and notice records must be kept for at least one year (§§ 64.2007(a)(3), 64.2008(a)(2)).');
  if (a.campaignRecords.retentionYears < 1) gap('campaignRecords.retentionYears', 'Campaign and disclosure records must be kept for at least one year (§ 64.2009(c)).');
  if (a.marketing.usesCpni && a.supervisoryReview.retentionYears < 1)
    gap('supervisoryReview.retentionYears', 'Supervisory review records must be kept for at least one year (§ 64.2009(d)).');
  if (!a.approvalSystem.name.trim()) gap('approvalSystem.name', 'Name the system or field that shows each customer\'s approval status (§ 64.2009(a)).');
  if (!a.training.discipline.trim()) gap('training.discipline', 'Describe the express disciplinary process (§ 64.2009(b)).');
  if (a.authentication.online.offered && !a.authentication.online.initialAuthentication.trim())
    gap('authentication.online.initialAuthentication', 'Say how a customer is authenticated before online access is given (§ 64.2010(c)).');
  for (const field of ['passwordSetup', 'backupMethod'] as const)
    if (findBiographicalPrompts(a.authentication[field]).length)
      gap(`authentication.${field}`, 'Passwords and back-up questions must not prompt for biographical or account information such as the SSN, its last four digits, date of birth or mother\'s maiden name (§ 64.2010(e)).');
  if (!a.accountChangeNotices.voicemailOrText && !a.accountChangeNotices.mail)
    gap('accountChangeNotices.mail', 'Account-change notices go by carrier-originated voicemail or text to the telephone number of record, or by mail to the address of record (§ 64.2010(f)).');
  if (!a.conclusion.inCompliance && !a.conclusion.explanation.trim())
    gap('conclusion.explanation', 'Explain what is not in compliance and why (§ 64.2009(e)).');
  const gapsBeforeConclusion = out.length;
  if (a.conclusion.inCompliance && gapsBeforeConclusion > 0)
    gap('conclusion.inCompliance', 'The statement says the Company is in compliance, but the answers above describe a gap; fix the gap or explain it in the conclusion.');
  return out;
}
