/**
 * The accompanying statement of the annual certification (§ 64.2009(e)): the questionnaire's
 * answers → numbered sections that explain HOW each requirement is met (process, owner, system,
 * record). A section that does not apply says why.
 *
 * Consistent by construction: each answer drives its own sentences, and no sentence states what
 * no answer says. A topic not yet answered drafts a bracketed placeholder, which the lint
 * reports, never a guess. The statement speaks only for the company, in declarative sentences,
 * of the rules in force in the covered year (statement-rules.ts); the tool's own cautions go to
 * the editor. Every section stays editable, and the final text goes through `lintStatement`.
 */
import { formatLong, makeDate, type IsoDate } from './dates';
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, type ComplaintCategory } from './records';
import type { Service } from './schema';
import type { BreachRule } from './breach-clock';
import { findBiographicalPrompts } from './statement-lint';
import { marketsWithCpni, seeksApproval, usesOptIn, usesOptOut, type AnswerValues, type ApprovalChoice, type StatementAnswers, type TopicId } from './statement-answers';
import { completeTopic, topic as topicOf } from './statement-topics';
import { simChangeApplies } from './statement-rules';

export type { StatementAnswers } from './statement-answers';
export type BreachRuleVersion = BreachRule;

export interface StatementContext {
  companies: { name: string; filerId: string }[];
  filingYear: number;
  coveredYear: number;
  services: Service[];
  /** The version of § 64.2011 in force in the covered year (`breachRuleForCoveredYear`). */
  breachRule: BreachRule;
  /** The § 64.2010(h) compliance date, when one is set. */
  simChangeComplianceDate?: IsoDate | '';
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
  /** The rule the section answers to; '' for a section no rule requires. */
  citation: string;
  /**
   * The drafted body as structure, for sections that enumerate (data-broker actions, complaint
   * summaries): the PDF prints each item as one numbered item, whatever its text holds, instead
   * of splitting `body` again. Absent once the user edits the section (the edit is plain text).
   */
  blocks?: StatementBlock[];
}

export type StatementBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

export { STATEMENT_SECTION_IDS, type StatementSectionId } from './statement-sections';
import { STATEMENT_SECTION_IDS, type StatementSectionId } from './statement-sections';

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

/** Free text inside a sentence: trimmed, without a closing full stop. */
function asPhrase(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/[.;,]+$/, '');
}

/** An answer placed mid-sentence: a leading word like "The" or "With" loses its capital, a name keeps it. */
function lowerFirst(s: string): string {
  return s.replace(/^(?:The|A|An|In|By|With|Without|Before|After|At|When|Whenever|Every|Each|Once|On|Through|From|Using|Upon|During|Our|Its|Their|Twice|Annually|Yearly|Monthly|Online|Over|Via)\b/, (w) => w.toLowerCase());
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function years(n: number): string {
  return n === 1 ? 'one year' : `${n} years`;
}

function paragraphs(...parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ');
}

const APPROVAL_WORDS: Record<Exclude<ApprovalChoice, 'none'>, string> = {
  optOut: 'opt-out approval',
  optIn: 'opt-in approval',
};

// ---- the sections ------------------------------------------------------------------------------

type Draft = Omit<StatementSection, 'id'>;

/** Section numbers as printed, and the topics answered so far. */
interface Drafting {
  values: AnswerValues;
  ctx: StatementContext;
  sec: (id: StatementSectionId) => number;
}

/** The placeholder a section carries until the topics it is drafted from are answered. */
function unanswered(...topics: TopicId[]): string {
  return `[To complete: answer ${joinList(topics.map((t) => `“${topicOf(t).title}”`))} in the questionnaire.]`;
}

/**
 * The complete answers of the topics a section needs, or the placeholder that names the topics
 * still unanswered.
 */
function need<T extends TopicId>(d: Drafting, ...ids: T[]): { [K in T]: StatementAnswers[K] } | string {
  const out: Partial<Record<T, unknown>> = {};
  const missing: T[] = [];
  for (const id of ids) {
    const t = completeTopic(d.values, id);
    if (t === undefined) missing.push(id);
    else out[id] = t;
  }
  return missing.length ? unanswered(...missing) : (out as { [K in T]: StatementAnswers[K] });
}

const SERVICE_WORDS: Record<Service, string> = {
  wireline: 'wireline telecommunications service',
  interconnectedVoip: 'interconnected VoIP service',
  wireless: 'commercial mobile radio service (wireless)',
};

function scope({ ctx }: Drafting): Draft {
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

function use(d: Drafting): Draft {
  const head = { heading: 'How the Company uses CPNI', citation: '47 C.F.R. §§ 64.2005, 64.2007' };
  const a = need(d, 'marketing');
  if (typeof a === 'string') return { ...head, body: a };
  const m = a.marketing;
  return {
    ...head,
    body: paragraphs(
      'The Company uses, discloses and permits access to CPNI without customer approval to provide and bill for the services its customers buy, to protect its rights and property and to protect its customers and other carriers from fraudulent, abusive or unlawful use, and as the law requires (§ 64.2005(d); 47 U.S.C. 222(c)(1), (d)).',
      m.withinCategories &&
        'It uses CPNI, without customer approval, to market service offerings within the categories of service (local, interexchange and commercial mobile radio service) to which a customer already subscribes from it, as § 64.2005(a) permits.',
      seeksApproval(m)
        ? `It uses or discloses CPNI for ${m.withinCategories ? 'any other ' : ''}marketing only with the customer approvals described in section ${d.sec('approval')}.`
        : m.withinCategories
          ? 'It does not use or disclose CPNI for any marketing that requires customer approval.'
          : 'The Company does not use CPNI for marketing, and it does not disclose CPNI to agents, affiliates or third parties for marketing.',
      'It never uses CPNI to identify or track customers who call competing service providers (§ 64.2005(b)(2)).',
    ),
  };
}

function approval(d: Drafting): Draft {
  const head = { heading: 'Customer approval for marketing', citation: '47 C.F.R. § 64.2007' };
  const a = need(d, 'marketing');
  if (typeof a === 'string') return { ...head, body: a };
  const m = a.marketing;
  if (!seeksApproval(m))
    return {
      ...head,
      body: m.withinCategories
        ? 'Because the Company uses CPNI for marketing only within the categories of service a customer already buys, which requires no approval, it does not seek customer approval under § 64.2007.'
        : 'Because the Company does not use CPNI for marketing, it does not seek customer approval under § 64.2007.',
    };
  return {
    ...head,
    body: paragraphs(
      m.own === 'none'
        ? 'The Company does not use CPNI for its own marketing of services outside the categories of service a customer already buys.'
        : `For its own marketing of communications-related services outside the categories of service a customer already buys, the Company uses CPNI only with the customer's ${APPROVAL_WORDS[m.own]}.`,
      m.agents === 'none'
        ? 'It does not disclose CPNI to its agents for marketing that requires customer approval.'
        : `It discloses CPNI to its agents, for marketing communications-related services, only with the customer's ${APPROVAL_WORDS[m.agents]}.`,
      m.affiliates === 'none'
        ? 'It does not disclose CPNI to its affiliates for marketing that requires customer approval.'
        : `It discloses CPNI to its affiliates that provide communications-related services, for marketing those services, only with the customer's ${APPROVAL_WORDS[m.affiliates]}.`,
      m.thirdParties === 'optIn'
        ? 'It discloses CPNI to joint venture partners, independent contractors and other third parties for marketing only with the customer\'s opt-in approval (§ 64.2007(b)).'
        : 'It does not disclose CPNI to joint venture partners, independent contractors or other third parties for marketing.',
      usesOptOut(m) && 'It relies on opt-out approval only to market communications-related services; it uses CPNI to market any other service only with opt-in approval (§ 64.2007(b)).',
      'Each approval or denial is recorded on the customer\'s account when it is given, including an oral approval, which the Company bears the burden of proving (§ 64.2007(a)(1)).',
      'An approval or denial stays in effect until the customer revokes or limits it (§ 64.2007(a)(2)).',
    ),
  };
}

function approvalSystem(d: Drafting): Draft {
  const head = { heading: 'System that shows approval status before CPNI is used', citation: '47 C.F.R. § 64.2009(a)' };
  const a = need(d, 'marketing', 'approvalSystem');
  if (typeof a === 'string') return { ...head, body: a };
  const name = asPhrase(a.approvalSystem.name);
  return {
    ...head,
    body: seeksApproval(a.marketing)
      ? paragraphs(`Each customer's CPNI approval status is recorded in ${name}, so that it can be clearly established before CPNI is used.`, asSentence(a.approvalSystem.howUsed))
      : paragraphs(
          `Because the Company seeks no customer approval, ${name} shows every account as not having approved any use of CPNI that requires approval, so that this status is clear before CPNI is used.`,
          asSentence(a.approvalSystem.howUsed),
        ),
  };
}

const NOTICE_WAYS = { mail: 'in writing by mail', email: 'by e-mail', both: 'in writing by mail or by e-mail' } as const;

function noticeWaitStart(method: StatementAnswers['notices']['method']): string {
  switch (method) {
    case 'mail': return 'counted from the third day after the notice was mailed';
    case 'email': return 'counted from the day the notice was sent';
    case 'both': return 'counted from the day an e-mailed notice was sent, or from the third day after a notice was mailed';
  }
}

function notices(d: Drafting): Draft {
  const head = { heading: 'Customer notices', citation: '47 C.F.R. § 64.2008' };
  const m = need(d, 'marketing');
  if (typeof m === 'string') return { ...head, body: m };
  if (!seeksApproval(m.marketing))
    return {
      ...head,
      body: m.marketing.withinCategories
        ? 'Because the Company seeks no customer approval, it sends no CPNI notices under § 64.2008.'
        : 'Because the Company does not use CPNI for marketing and seeks no customer approval, it sends no CPNI notices under § 64.2008.',
    };
  const a = need(d, 'notices');
  if (typeof a === 'string') return { ...head, body: a };
  const n = a.notices;
  const optOut = usesOptOut(m.marketing);
  return {
    ...head,
    body: paragraphs(
      'Before soliciting a customer\'s approval, the Company gives the customer individual notice of the right to restrict the use of, disclosure of and access to CPNI (§ 64.2008(a), (b)).',
      'Each notice tells the customer that the customer has a right, and the Company a duty, under federal law to protect the confidentiality of CPNI; describes the types of CPNI, who would receive it and for what purposes; explains that the customer may deny or withdraw approval at any time, how to do so, and that a denial will not affect the services the customer buys; and says that the choice stays valid until the customer revokes or limits it (§ 64.2008(c)).',
      `The Company sends its CPNI notices ${NOTICE_WAYS[n.method]} (§ 64.2008(${optOut && usesOptIn(m.marketing) ? 'd), (e' : optOut ? 'd' : 'e'})).`,
      optOut && `Each opt-out notice tells the customer that the Company waits ${n.optOutWaitDays} days for a response before it assumes approval (§ 64.2008(d)(1)).`,
      optOut && `The Company treats a customer who has not opted out as having approved only after those ${n.optOutWaitDays} days have passed, ${noticeWaitStart(n.method)}.`,
      optOut &&
        (n.refreshEveryTwoYears
          ? 'Every two years the Company sends a new notice to customers whose approval rests on opt-out (§ 64.2008(d)(2)).'
          : 'The Company does not send customers whose approval rests on opt-out a new notice every two years.'),
      optOut &&
        n.method !== 'mail' &&
        'E-mail notices go only to customers who agreed in advance to receive notices by e-mail; customers can opt out by replying; a notice that bounces back is sent again another way before it counts as given; the subject line names the topic; and a free way to opt out is available at all hours (§ 64.2008(d)(3)).',
      !optOut && 'The Company does not use opt-out approval, so the waiting period and two-year renewal of § 64.2008(d) do not apply to it.',
      n.oralOneTime &&
        'For one-time use of CPNI during a single inbound or outbound call, representatives may give the shorter oral notice that § 64.2008(f) permits, make clear that the approval lasts only for that call, and note it on the account.',
      `A copy of each notice version, with the date and method of each delivery, is kept with the approval records described in section ${d.sec('approval-records')}.`,
    ),
  };
}

function approvalRecords(d: Drafting): Draft {
  const head = { heading: 'Records of approvals and notices', citation: '47 C.F.R. §§ 64.2007(a)(3), 64.2008(a)(2)' };
  const m = need(d, 'marketing');
  if (typeof m === 'string') return { ...head, body: m };
  if (!seeksApproval(m.marketing)) return { ...head, body: 'Because the Company seeks no customer approval and sends no CPNI notices, it has no approval or notice records to keep.' };
  const a = need(d, 'approvalRecords');
  if (typeof a === 'string') return { ...head, body: a };
  return {
    ...head,
    body: paragraphs(
      `Each customer's approval or denial is recorded, with its date and how it was given, in the system described in section ${d.sec('approval-system')}, and each notice is kept with its date and delivery method.`,
      `These records are kept for at least ${years(a.approvalRecords.retentionYears)}.`,
    ),
  };
}

function training(d: Drafting): Draft {
  const head = { heading: 'Training and discipline', citation: '47 C.F.R. § 64.2009(b)' };
  const a = need(d, 'training');
  if (typeof a === 'string') return { ...head, body: a };
  const t = a.training;
  return {
    ...head,
    body: paragraphs(
      `${capitalise(asPhrase(t.who))} are trained on when they are and are not authorized to use, disclose or permit access to CPNI, and on the authentication and account-change procedures described in sections ${d.sec('authentication')} to ${d.sec('account-changes')}.`,
      `They are trained ${lowerFirst(asPhrase(t.how))}, ${lowerFirst(asPhrase(t.schedule))}.`,
      asSentence(t.records),
      `The Company has an express disciplinary process for improper use or disclosure of CPNI. ${asSentence(t.discipline)}`,
    ),
  };
}

function campaignRecords(d: Drafting): Draft {
  const head = { heading: 'Records of marketing campaigns and third-party disclosures', citation: '47 C.F.R. § 64.2009(c)' };
  const a = need(d, 'marketing', 'campaignRecords');
  if (typeof a === 'string') return { ...head, body: a };
  const r = a.campaignRecords;
  const system = asPhrase(r.system);
  const thirdParty = 'every instance in which CPNI was disclosed or provided to a third party, or a third party was allowed access to it, with the CPNI involved';
  return {
    ...head,
    body: marketsWithCpni(a.marketing)
      ? paragraphs(
          `The Company records in ${system} each sales and marketing campaign, its own and its affiliates', that uses its customers' CPNI, whether or not the campaign needed customer approval; each record describes the campaign, the specific CPNI used, and the products and services offered.`,
          `It records there as well ${thirdParty}.`,
          `Each record is kept for at least ${years(r.retentionYears)}.`,
        )
      : paragraphs(
          'The Company runs no sales or marketing campaigns that use its customers\' CPNI, and it gives no affiliate CPNI for such campaigns.',
          `It records in ${system} ${thirdParty}, and keeps each record for at least ${years(r.retentionYears)}.`,
        ),
  };
}

function supervisoryReview(d: Drafting): Draft {
  const head = { heading: 'Supervisory review of outbound marketing', citation: '47 C.F.R. § 64.2009(d)' };
  const m = need(d, 'marketing');
  if (typeof m === 'string') return { ...head, body: m };
  if (!marketsWithCpni(m.marketing))
    return {
      ...head,
      body: 'The Company does not use CPNI for outbound marketing and makes no outbound marketing requests for customer approval, so it has no outbound marketing to review under § 64.2009(d).',
    };
  const a = need(d, 'supervisoryReview');
  if (typeof a === 'string') return { ...head, body: a };
  const reviewer = asPhrase(a.supervisoryReview.reviewer);
  const kept = `These records of the Company's compliance with the CPNI rules in outbound marketing are kept for at least ${years(a.supervisoryReview.retentionYears)}.`;
  return {
    ...head,
    body: seeksApproval(m.marketing)
      ? paragraphs(
          `Sales personnel must obtain the approval of ${lowerFirst(reviewer)} before making any outbound marketing request for customer approval.`,
          `${capitalise(reviewer)} checks each request against the customers' approval status and these rules, and records the decision.`,
          kept,
        )
      : paragraphs(
          `${capitalise(reviewer)} reviews each outbound marketing campaign that uses CPNI for compliance with these rules before it begins, and records the review.`,
          'The Company seeks no customer approval, so its sales personnel make no outbound requests for approval.',
          kept,
        ),
  };
}

function optOutFailure(d: Drafting): Draft {
  const head = { heading: 'Notice to the FCC if opt-out mechanisms do not work', citation: '47 C.F.R. § 64.2009(f)' };
  const m = need(d, 'marketing');
  if (typeof m === 'string') return { ...head, body: m };
  if (!usesOptOut(m.marketing))
    return { ...head, body: 'The Company does not use opt-out approval, so it has no opt-out mechanism that could fail and no notice to give under § 64.2009(f).' };
  const a = need(d, 'optOutFailure');
  if (typeof a === 'string') return { ...head, body: a };
  return {
    ...head,
    body: paragraphs(
      `If the Company's opt-out mechanisms do not work properly, to such a degree that customers' inability to opt out is more than an anomaly, ${lowerFirst(asPhrase(a.optOutFailure.owner))} sends a written notice to the FCC within five business days, even if other opt-out methods were still available.`,
      'The notice is a letter that gives the Company\'s name, a description of the opt-out mechanisms used, the problems experienced, the remedy proposed and when it will be or was put in place, whether the relevant state commissions have been notified and whether they have taken any action, a copy of the notice sent to customers, and contact information.',
      'A copy of the letter and the record of the failure are kept with the approval records.',
    ),
  };
}

function authentication(d: Drafting): Draft {
  const head = { heading: 'Protection against pretexting; customer authentication', citation: '47 C.F.R. § 64.2010(a)-(d)' };
  const a = need(d, 'authentication');
  if (typeof a === 'string') return { ...head, body: a };
  const au = a.authentication;
  const fallback = [au.callBack && 'call back the telephone number of record', au.callMail && 'mail the information to the address of record'].filter((x): x is string => !!x);
  const channels = ['on a customer-initiated call', au.online && 'through online account access', au.inPerson && 'in person'].filter((x): x is string => !!x);
  const calls = au.callPassword
    ? paragraphs(
        'On a customer-initiated call, representatives disclose call detail information only after the caller gives the account password, which is never prompted by readily available biographical information or account information (§ 64.2010(b)).',
        fallback.length ? `A caller without the password is not told call detail on that call; instead the representative offers to ${joinList(fallback, 'or')}.` : 'A caller without the password is not told call detail.',
      )
    : fallback.length
      ? `The Company uses no telephone passwords, so representatives never disclose call detail information on a customer-initiated call; instead they offer to ${joinList(fallback, 'or')} (§ 64.2010(b)).`
      : 'Representatives never disclose call detail information on a customer-initiated call (§ 64.2010(b)).';
  return {
    ...head,
    body: paragraphs(
      `The Company takes reasonable measures to discover and protect against attempts to gain unauthorized access to CPNI, and authenticates every customer before disclosing CPNI ${joinList(channels, 'or')} (§ 64.2010(a)).`,
      calls,
      'If a caller recites call detail without the representative\'s help, the representative may discuss only the call detail the caller gave.',
      au.online
        ? `Before giving a customer online access to CPNI, the Company authenticates the customer ${lowerFirst(asPhrase(au.onlineFirstAuthentication))}, without using readily available biographical information or account information; after that, the customer signs in with a password that is not prompted by such information (§ 64.2010(c)).`
        : 'The Company does not offer customers online access to CPNI, so § 64.2010(c) does not apply.',
      au.inPerson
        ? 'In person, at a store or business office, staff disclose CPNI only to a customer who presents a valid, unexpired, government-issued photo ID that matches the customer\'s account information (§ 64.2010(d)).'
        : 'The Company does not disclose CPNI to customers in person at any store or office, so § 64.2010(d) does not apply.',
    ),
  };
}

function passwords(d: Drafting): Draft {
  const head = { heading: 'Passwords and back-up authentication', citation: '47 C.F.R. § 64.2010(e)' };
  const a = need(d, 'passwords');
  if (typeof a === 'string') return { ...head, body: a };
  const p = a.passwords;
  return {
    ...head,
    body: paragraphs(
      `Before a customer establishes a password, the Company authenticates the customer ${lowerFirst(asPhrase(p.setupAuthentication))}, without using readily available biographical information or account information.`,
      asSentence(p.choosing),
      p.backupOffered
        ? paragraphs(
            `For a lost or forgotten password, the Company offers this back-up method of authentication: ${lowerFirst(asSentence(p.backupMethod))}`,
            'The back-up method never prompts the customer for readily available biographical information or account information.',
            'A customer who cannot give the correct password or the correct back-up answer establishes a new password only after being authenticated in the same way as for a first password.',
          )
        : 'The Company offers no back-up method of authentication; a customer who cannot give the correct password establishes a new password only after being authenticated in the same way as for a first password.',
    ),
  };
}

const ACCOUNT_CHANGE_WAYS = {
  voicemailOrText: 'a Company-originated voicemail or text message to the telephone number of record',
  mail: 'mail to the address of record',
  both: 'a Company-originated voicemail or text message to the telephone number of record, or by mail to the address of record',
} as const;

function accountChanges(d: Drafting): Draft {
  const head = { heading: 'Notice of account changes', citation: '47 C.F.R. § 64.2010(f)' };
  const a = need(d, 'accountChanges', 'authentication');
  if (typeof a === 'string') return { ...head, body: a };
  const items = ['a password', 'a customer response to a back-up means of authentication', a.authentication.online && 'an online account', 'an address of record'].filter((x): x is string => !!x);
  return {
    ...head,
    body: paragraphs(
      `The Company notifies the customer immediately whenever ${joinList(items, 'or')} is created or changed, except when the customer first starts service.`,
      `${capitalise(asPhrase(a.accountChanges.owner))} makes sure each notice goes out by ${ACCOUNT_CHANGE_WAYS[a.accountChanges.method]}.`,
      'The notice is never sent to the new address or contact information, and it does not reveal the changed information.',
    ),
  };
}

function businessCustomers(d: Drafting): Draft {
  const head = { heading: 'Business customers', citation: '47 C.F.R. § 64.2010(g)' };
  const a = need(d, 'businessCustomers');
  if (typeof a === 'string') return { ...head, body: a };
  return {
    ...head,
    body: a.businessCustomers.contractAuthentication
      ? paragraphs(
          `For a business customer that has both a dedicated account representative and a contract that specifically addresses the Company's protection of CPNI, the Company follows the authentication terms of that contract instead of those in sections ${d.sec('authentication')} and ${d.sec('passwords')}, as § 64.2010(g) permits.`,
          'A business customer that lacks either condition is authenticated like any other customer.',
        )
      : `The Company does not use the business-customer exemption of § 64.2010(g); business customers are authenticated like any other customer, as described in sections ${d.sec('authentication')} to ${d.sec('account-changes')}.`,
  };
}

function simChanges(d: Drafting): Draft {
  const head = { heading: 'SIM changes (wireless service)', citation: '47 C.F.R. § 64.2010(h)' };
  const a = need(d, 'simChanges');
  if (typeof a === 'string') return { ...head, body: a };
  const date = d.ctx.simChangeComplianceDate ?? '';
  const midYear = !!date && date > makeDate(d.ctx.coveredYear, 1, 1);
  return {
    ...head,
    body: paragraphs(
      midYear
        ? `Since ${formatLong(date)}, as a provider of commercial mobile radio service, the Company has handled SIM change requests as follows.`
        : 'As a provider of commercial mobile radio service, the Company handles SIM change requests as follows.',
      asSentence(a.simChanges.safeguards),
    ),
  };
}

function vendors(d: Drafting): Draft {
  const head = { heading: 'Affiliates, agents and contractors with access to CPNI', citation: '47 U.S.C. 222(c)(1), (d)(1)' };
  const a = need(d, 'vendors');
  if (typeof a === 'string') return { ...head, body: a };
  return {
    ...head,
    body: a.vendors.hasAccess
      ? paragraphs(
          'Affiliates, agents or contractors have access to CPNI to provide or bill for the Company\'s services, which requires no customer approval.',
          asSentence(a.vendors.description),
        )
      : 'No affiliate, agent or contractor has access to the Company\'s CPNI to provide or bill for its services.',
  };
}

function breach(d: Drafting): Draft {
  const a = need(d, 'breach');
  const rule2023 = d.ctx.breachRule === '2023';
  const head = { heading: 'Security breaches', citation: rule2023 ? '47 C.F.R. § 64.2011 (as amended in 2023)' : '47 C.F.R. § 64.2011' };
  if (typeof a === 'string') return { ...head, body: a };
  const owner = capitalise(asPhrase(a.breach.owner));
  const records = capitalise(asPhrase(a.breach.recordsSystem));
  if (rule2023)
    return {
      ...head,
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
    ...head,
    body: paragraphs(
      `${owner} investigates any suspected breach of CPNI and decides whether a breach has occurred.`,
      'As soon as practicable, and no later than seven business days after reasonably determining that a breach occurred, the Company notifies the United States Secret Service and the Federal Bureau of Investigation electronically through the central reporting facility linked from www.fcc.gov/eb/cpni (§ 64.2011(b)).',
      'The Company does not notify customers or disclose a breach publicly until seven full business days have passed after that notice (§ 64.2011(b)(1)).',
      'If it believes there is an extraordinarily urgent need to notify customers of a breach to avoid immediate and irreparable harm, it says so in its notice and notifies customers sooner only after consulting the investigating agency (§ 64.2011(b)(2)).',
      'If the investigating agency directs the Company not to disclose a breach or notify customers, it waits for the period the agency sets and any extension the agency gives in writing (§ 64.2011(b)(3)).',
      'After the waiting period, the Company notifies affected customers of the breach (§ 64.2011(c)).',
      `${records} holds a record of each breach and of the notices to the agencies and to customers, with the dates of discovery and notice, a detailed description of the CPNI involved and the circumstances, and each record is kept for at least two years (§ 64.2011(d)).`,
    ),
  };
}

function dataBrokers({ ctx }: Drafting): Draft {
  const head = { heading: 'Actions against data brokers', citation: '47 C.F.R. § 64.2009(e)' };
  const actions = ctx.dataBrokerActions;
  if (!actions)
    return { ...head, body: `[To complete: state whether the Company took any actions against data brokers in calendar year ${ctx.coveredYear}, and if so, which.]` };
  if (actions.length === 0)
    return {
      ...head,
      body: `In calendar year ${ctx.coveredYear}, the Company took no actions against data brokers: it instituted no proceedings and filed no petitions against data brokers at any state commission, in any court or at the FCC.`,
    };
  const lead = `In calendar year ${ctx.coveredYear}, the Company took the following actions against data brokers:`;
  const items = actions.map((x) => asSentence(x));
  return {
    ...head,
    body: paragraphs(lead, ...items.map((x, i) => `(${i + 1}) ${x}`)),
    blocks: [
      { kind: 'paragraph', text: lead },
      { kind: 'list', items },
    ],
  };
}

function complaints({ ctx }: Drafting): Draft {
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
  if (total === 0) return { ...head, body: `In calendar year ${ctx.coveredYear}, the Company received no customer complaints about the unauthorized release of CPNI (${breakdown}).` };
  const lead = `In calendar year ${ctx.coveredYear}, the Company received ${total} customer ${total === 1 ? 'complaint' : 'complaints'} about the unauthorized release of CPNI. By category: ${breakdown}.`;
  const items = c.summaries.map((x) => asSentence(x));
  return {
    ...head,
    body: paragraphs(lead, ...(items.length ? ['In summary:', ...items.map((x, i) => `(${i + 1}) ${x}`)] : [])),
    ...(items.length
      ? {
          blocks: [
            { kind: 'paragraph', text: `${lead} In summary:` },
            { kind: 'list', items },
          ] satisfies StatementBlock[],
        }
      : {}),
  };
}

function pretexting(d: Drafting): Draft {
  const info = d.ctx.pretexterInformation?.trim();
  return {
    heading: 'Information about pretexters',
    citation: '47 C.F.R. § 64.2010(a)',
    body: paragraphs(
      info
        ? asSentence(info)
        : `The Company has no information about the methods pretexters used in ${d.ctx.coveredYear} beyond those generally known in the industry, such as callers who pose as the account holder, ask for call detail or account changes, or press representatives to skip authentication.`,
      `It protects CPNI against these methods through the authentication and account-change procedures in sections ${d.sec('authentication')} to ${d.sec('account-changes')} and the training in section ${d.sec('training')}.`,
    ),
  };
}

function contact(d: Drafting): Draft {
  const head = { heading: 'Compliance contact', citation: '' };
  const a = need(d, 'contact');
  if (typeof a === 'string') return { ...head, body: a };
  const c = a.contact;
  const role = 'oversees the Company\'s CPNI procedures, including the access of agents and contractors to CPNI, and answers questions about this statement';
  if (c.who === 'officer') return { ...head, body: `The officer who signs the certification ${role}.` };
  const reach = [c.email.trim(), c.phone.trim()].filter(Boolean);
  return { ...head, body: `${asPhrase(c.name)}${c.title.trim() ? `, ${asPhrase(c.title)},` : ''} ${role}${reach.length ? ` (${reach.join(', ')})` : ''}.` };
}

function conclusion(d: Drafting): Draft {
  const head = { heading: 'Conclusion', citation: '47 C.F.R. § 64.2009(e)' };
  const a = need(d, 'conclusion');
  if (typeof a === 'string') return { ...head, body: a };
  const c = a.conclusion;
  return {
    ...head,
    body: c.inCompliance
      ? 'The operating procedures described above ensure that the Company is in compliance with the FCC\'s CPNI rules, 47 C.F.R. § 64.2001 et seq.'
      : paragraphs(
          `The Company is not in compliance with the FCC's CPNI rules, 47 C.F.R. § 64.2001 et seq., in the following respect: ${asSentence(c.explanation)}`,
          'In every other respect, the procedures described above ensure the Company\'s compliance with those rules.',
        ),
  };
}

const DRAFTERS: Record<StatementSectionId, (d: Drafting) => Draft> = {
  scope,
  use,
  approval,
  'approval-system': approvalSystem,
  notices,
  'approval-records': approvalRecords,
  training,
  'campaign-records': campaignRecords,
  'supervisory-review': supervisoryReview,
  'opt-out-failure': optOutFailure,
  authentication,
  passwords,
  'account-changes': accountChanges,
  'business-customers': businessCustomers,
  cmrs: simChanges,
  vendors,
  breach,
  'data-brokers': dataBrokers,
  complaints,
  pretexting,
  contact,
  conclusion,
};

/** The sections a statement has: every one, except SIM changes before § 64.2010(h) applies or for a carrier without wireless service. */
export function statementSectionIds(ctx: Pick<StatementContext, 'services' | 'coveredYear' | 'simChangeComplianceDate'>): StatementSectionId[] {
  const sim = ctx.services.includes('wireless') && simChangeApplies(ctx.simChangeComplianceDate, ctx.coveredYear);
  return STATEMENT_SECTION_IDS.filter((id) => id !== 'cmrs' || sim);
}

/** The statement's sections, drafted from the answers given so far (complete answers, or stored ones). */
export function draftStatement(answers: AnswerValues | StatementAnswers, ctx: StatementContext): StatementSection[] {
  const ids = statementSectionIds(ctx);
  const d: Drafting = { values: answers as AnswerValues, ctx, sec: (id) => ids.indexOf(id) + 1 };
  return ids.map((id) => ({ id, ...DRAFTERS[id](d) }));
}

/** Numbered headings and bodies, the text that is linted and printed. */
export function renderStatementText(sections: readonly StatementSection[]): string {
  return sections
    .map((s, i) => `${i + 1}. ${s.heading}${s.citation ? ` (${s.citation})` : ''}\n\n${s.body.trim()}`)
    .join('\n\n');
}

export interface AnswerProblem {
  /** 'topic.key' of the answer, e.g. 'notices.optOutWaitDays'. */
  field: string;
  message: string;
}

/**
 * Answers that make the statement describe a gap, shown beside the questionnaire. None of them
 * stops drafting: the statement must tell the truth, gap included.
 */
export function answerProblems(values: AnswerValues): AnswerProblem[] {
  const out: AnswerProblem[] = [];
  const gap = (field: string, message: string) => out.push({ field, message });
  const m = values.marketing;
  const below = (n: number | null | undefined) => typeof n === 'number' && n < 1;
  if (usesOptOut(m)) {
    const wait = values.notices?.optOutWaitDays;
    if (typeof wait === 'number' && wait < 30) gap('notices.optOutWaitDays', 'Opt-out approval may be assumed only after at least 30 days (§ 64.2008(d)(1)).');
    if (values.notices?.refreshEveryTwoYears === false) gap('notices.refreshEveryTwoYears', 'Carriers that rely on opt-out must send the notice again every two years (§ 64.2008(d)(2)).');
  }
  if (seeksApproval(m) && below(values.approvalRecords?.retentionYears))
    gap('approvalRecords.retentionYears', 'Approval and notice records must be kept for at least one year (§§ 64.2007(a)(3), 64.2008(a)(2)).');
  if (below(values.campaignRecords?.retentionYears)) gap('campaignRecords.retentionYears', 'Campaign and disclosure records must be kept for at least one year (§ 64.2009(c)).');
  if (marketsWithCpni(m) && below(values.supervisoryReview?.retentionYears))
    gap('supervisoryReview.retentionYears', 'Supervisory review records must be kept for at least one year (§ 64.2009(d)).');
  for (const field of ['setupAuthentication', 'choosing', 'backupMethod'] as const) {
    const text = values.passwords?.[field];
    if (typeof text === 'string' && findBiographicalPrompts(text).length)
      gap(`passwords.${field}`, 'Passwords and back-up questions must not rely on biographical or account information such as the SSN, its last four digits, date of birth or mother\'s maiden name (§ 64.2010(e)).');
  }
  const online = values.authentication?.onlineFirstAuthentication;
  if (values.authentication?.online && typeof online === 'string' && findBiographicalPrompts(online).length)
    gap('authentication.onlineFirstAuthentication', 'Online access must be authenticated without biographical or account information (§ 64.2010(c)).');
  if (values.conclusion?.inCompliance === true && out.length > 0)
    gap('conclusion.inCompliance', 'The statement says the Company is in compliance, but the answers above describe a gap; fix the gap or explain it in the conclusion.');
  return out;
}
