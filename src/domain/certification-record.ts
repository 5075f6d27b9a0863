/**
 * A certification as the user keeps it (one per client and certification year), and the pure
 * assembly of everything the filing package prints: the certification model, the statement
 * sections with the user's edits, and the lint over the final text.
 */
import { draftCertification, pretextingFacts, recordsInYear, type CertificationModel, type CertificationOverrides } from './certification';
import { draftStatement, renderStatementText, type StatementSection, type StatementSectionId } from './statement';
import { emptyAnswers, usesOptOut, type StoredAnswers } from './statement-answers';
import { carryForward, completeTopic, questionnaireProblems, questionnaireStatus, type TopicStatus } from './statement-topics';
import { upgradeAnswers } from './statement-upgrade';
import { breachRuleForCoveredYear } from './statement-rules';
import { hasBlockingFindings, lintCertification, lintStatement, mergeFindings, type Finding, type LintContext } from './statement-lint';
import { certificationDueDate, certificationRequired } from './deadlines';
import { publicTextFindings } from './public-text-check';
import { closureDates } from './breach-clock';
import { CLOCK_STATUS_LABELS, PROBLEM_STATUSES, clockStatus, clockStatusText, recordClocks, type ClockContext } from './clock';
import { DUTIES } from './duties';
import { recordDate, type ComplianceRecord, type NoticeRecord } from './records';
import { formatLong, isIsoDate, type IsoDate } from './dates';
import { defaultSignatory, type Client, type Settings } from './schema';

import type { CertificationStatus } from './certification-status';

export { CERTIFICATION_STATUSES, type CertificationStatus } from './certification-status';

export type SignatureChoice = { kind: 'typed' } | { kind: 'image'; dataUrl: string };

export interface LintOverride {
  id: string;
  excerpt: string;
  reason: string;
}

export interface CoverLetterFields {
  include: boolean;
  /** Addressee lines after the name; the FCC's address for filings is not confirmed: verify it before filing. */
  addressee: string[];
  body: string;
  cc: string[];
}

export interface CertificationFields {
  clientId: string;
  certificationYear: number;
  status: CertificationStatus;
  signatory: { name: string; title: string };
  preparerId: string;
  /** The "Date filed" printed on the certification: the planned ECFS submission date. */
  dateFiled: IsoDate | '';
  signatureDate: IsoDate | '';
  /** When it was actually filed, and ECFS's confirmation number. */
  filedOn: IsoDate | '';
  ecfsConfirmation: string;
  /**
   * The questionnaire's answers with each topic's review state. A row written by an earlier
   * version may hold an older shape: read them through `certificationAnswers`.
   */
  answers: StoredAnswers;
  /** Section bodies the user rewrote; a section without an edit prints the drafted text. */
  sectionEdits: Partial<Record<StatementSectionId, string>>;
  overrides: CertificationOverrides;
  lintOverrides: LintOverride[];
  signature: SignatureChoice;
  coverLetter: CoverLetterFields;
  /** The certification this one was rolled forward from. */
  rolledFromId?: string;
  /**
   * An amended filing: the filed certification it corrects. It has the same client and year;
   * the original keeps its own row, marked with `amendedById`.
   */
  amends?: { certificationId: string; filedOn: IsoDate; ecfsConfirmation: string };
  /** Set on a filed certification once an amended filing of it is started. */
  amendedById?: string;
  /** The package as the officer signed it (a row of its own); set while signed or filed. */
  signedPackageId?: string;
  /**
   * The last copy exported for a remote officer's signature: its text fingerprint (`filedTextHash`)
   * and the day. A signature that comes back is recorded only while the text still has it.
   */
  sentForSignature?: { textHash: string; on: IsoDate };
  /**
   * Version-1 answers only: the single tick that confirmed all answers at once. Each topic is now
   * reviewed on its own (`answers.topics`); `upgradeAnswers` keeps this date only as a note.
   */
  answersReviewedOn?: IsoDate | '';
}

/** The certification's answers in the current shape, whatever version stored them. */
export function certificationAnswers(cert: Pick<CertificationFields, 'answers' | 'answersReviewedOn'>): StoredAnswers {
  return upgradeAnswers(cert.answers, cert.answersReviewedOn);
}

export interface Certification extends CertificationFields {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** Revision: one more on every write; a save or step names the revision its screen loaded. */
  rev?: number;
  entityVersion?: number;
}

/** The FCC Secretary's address lines; not verified, so editable and flagged. */
export const DEFAULT_ADDRESSEE = ['Marlene H. Dortch, Secretary', 'Office of the Secretary', 'Federal Communications Commission', '45 L Street NE', 'Washington, DC 20554'];
export const ADDRESSEE_CAUTION =
  'The name of the FCC Secretary and the FCC address are not verified (the FCC moved to 45 L Street NE in 2020; the office holder may have changed). Check the current Secretary and filing instructions before you print.';

export function coverLetterBody(companyNames: string, certificationYear: number): string {
  return `On behalf of ${companyNames}, enclosed for filing in EB Docket No. 06-36 is the company's annual CPNI compliance certification for ${certificationYear}, covering calendar year ${certificationYear - 1}, with its accompanying statement, as required by 47 C.F.R. § 64.2009(e). Please contact the undersigned with any questions about this filing.`;
}

/** The cover letter of an amended filing: it names the filing it amends. */
export function amendedCoverLetterBody(companyNames: string, certificationYear: number, amends: { filedOn: IsoDate; ecfsConfirmation: string }): string {
  const confirmation = amends.ecfsConfirmation.trim() ? ` (ECFS confirmation ${amends.ecfsConfirmation.trim()})` : '';
  return `On behalf of ${companyNames}, enclosed for filing in EB Docket No. 06-36 is an amended annual CPNI compliance certification for ${certificationYear}, covering calendar year ${certificationYear - 1}, with its accompanying statement, as required by 47 C.F.R. § 64.2009(e). It amends the certification filed on ${formatLong(amends.filedOn)}${confirmation}. Please contact the undersigned with any questions about this filing.`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The bodies the app writes itself, for any company, year and amended filing, as patterns. */
const HOLES: [string, string][] = [
  ['\u0001', '(.+)'],
  [` (ECFS confirmation \u0002)`, '(?: \\(ECFS confirmation [^)]*\\))?'],
  [formatLong('1111-01-01'), '[A-Z][a-z]+ \\d{1,2}, \\d{4}'],
  ['1111', '\\d{4}'],
  ['1110', '\\d{4}'],
];
const GENERATED_BODIES = [coverLetterBody('\u0001', 1111), amendedCoverLetterBody('\u0001', 1111, { filedOn: '1111-01-01', ecfsConfirmation: '\u0002' })].map((body) => {
  const holes = new RegExp(HOLES.map(([text]) => escapeRegExp(text)).join('|'), 'g');
  let pattern = '';
  let from = 0;
  for (const m of body.matchAll(holes)) {
    pattern += escapeRegExp(body.slice(from, m.index)) + HOLES.find(([text]) => text === m[0])![1];
    from = m.index + m[0].length;
  }
  return new RegExp(`^${pattern}${escapeRegExp(body.slice(from))}$`, 's');
});

/**
 * Whether roll-forward may write this body afresh for `legalName`: one the app wrote for this
 * name, or for one company under another name (a rename). A body naming more than one company
 * ("Acme Inc. and its affiliate Beta LLC") was edited by hand and is kept.
 */
function rewritableBody(body: string, legalName: string): boolean {
  const name = GENERATED_BODIES.map((re) => re.exec(body)?.[1]).find((n) => n !== undefined);
  return name !== undefined && (name === legalName || !/\band\b|&|;|\baffiliat/i.test(name));
}

export function newCertification(client: Pick<Client, 'id' | 'legalName' | 'officers' | 'services'>, certificationYear: number, preparerId = ''): CertificationFields {
  const signatory = defaultSignatory(client);
  return {
    clientId: client.id,
    certificationYear,
    status: 'draft',
    signatory: { name: signatory?.name ?? '', title: signatory?.title ?? '' },
    preparerId,
    dateFiled: '',
    signatureDate: '',
    filedOn: '',
    ecfsConfirmation: '',
    answers: emptyAnswers(),
    sectionEdits: {},
    overrides: {},
    lintOverrides: [],
    signature: { kind: 'typed' },
    coverLetter: { include: true, addressee: [...DEFAULT_ADDRESSEE], body: coverLetterBody(client.legalName, certificationYear), cc: [] },
    // Stored empty, as the backup format expects; review state lives in `answers.topics`.
    answersReviewedOn: '',
  };
}

export interface RollForwardChange {
  field: string;
  from: string;
  to: string;
}

/** The certification due after `year` (2016 is followed by 2018: no certification was due in 2017). */
export function nextCertificationYear(year: number): number {
  let next = year + 1;
  while (!certificationRequired(next) && next < year + 10) next++;
  return next;
}

/** The certification before `year` that a new one rolls forward from. */
export function previousCertificationYear(year: number): number {
  let previous = year - 1;
  while (!certificationRequired(previous) && previous > year - 10) previous--;
  return previous;
}

/**
 * Next year's certification from last year's: answers, edits, signatory, signature choice
 * and cover letter carried over; dates, status, overrides and lint overrides reset (they
 * belong to last year's facts); every answered questionnaire topic to be reviewed again for
 * the new year; the changes listed for the user to review.
 */
export function rollForward(previous: CertificationFields, client: Pick<Client, 'id' | 'legalName' | 'officers' | 'services'>, previousId?: string): { next: CertificationFields; changes: RollForwardChange[] } {
  const year = nextCertificationYear(previous.certificationYear);
  const fresh = newCertification(client, year, previous.preparerId);
  const answers = carryForward(certificationAnswers(previous), previous.certificationYear);
  const next: CertificationFields = {
    ...fresh,
    signatory: previous.signatory.name ? { ...previous.signatory } : fresh.signatory,
    answers,
    sectionEdits: { ...previous.sectionEdits },
    signature: previous.signature,
    coverLetter: { ...previous.coverLetter, body: rewritableBody(previous.coverLetter.body, client.legalName) ? fresh.coverLetter.body : previous.coverLetter.body },
    rolledFromId: previousId,
  };
  const changes: RollForwardChange[] = [
    { field: 'Certification year', from: String(previous.certificationYear), to: String(year) },
    { field: 'Calendar year covered', from: String(previous.certificationYear - 1), to: String(year - 1) },
    { field: 'Status', from: previous.status, to: 'draft' },
  ];
  if (previous.dateFiled) changes.push({ field: 'Date filed', from: previous.dateFiled, to: '(to be set)' });
  if (previous.signatureDate) changes.push({ field: 'Signature date', from: previous.signatureDate, to: '(to be set)' });
  if (Object.keys(previous.overrides).length) changes.push({ field: 'Overrides of data-broker, complaint or pretexting answers', from: 'set', to: 'recomputed from this year’s records' });
  const carried = questionnaireStatus(answers, { services: client.services, coveredYear: year - 1 }).filter((t) => t.state !== 'notApplicable' && t.review).length;
  if (carried)
    changes.push({ field: 'Questionnaire answers', from: `${carried} ${carried === 1 ? 'topic' : 'topics'} answered for ${previous.certificationYear - 1}`, to: `carried over, each to be reviewed for ${year - 1}` });
  if (previous.lintOverrides.length) changes.push({ field: 'Overridden checks', from: `${previous.lintOverrides.length}`, to: 'cleared: review this year’s findings' });
  if (previous.coverLetter.body !== next.coverLetter.body) changes.push({ field: 'Cover letter body', from: 'last year’s', to: 'this year’s years and the client’s name' });
  else if (previous.coverLetter.include && previous.coverLetter.body.trim()) changes.push({ field: 'Cover letter body', from: 'written by hand', to: 'kept as written: check its years and names' });
  if (year !== previous.certificationYear + 1) changes.push({ field: 'Skipped year', from: String(previous.certificationYear + 1), to: 'no certification was due' });
  const stale = Object.entries(previous.sectionEdits).filter(([, body]) => body?.includes(String(previous.certificationYear - 1)) || body?.includes(String(previous.certificationYear)));
  for (const [id] of stale) changes.push({ field: `Edited statement section “${id}”`, from: `mentions ${previous.certificationYear - 1} or ${previous.certificationYear}`, to: 'kept as written: check its years' });
  return { next, changes };
}

export interface AssembledPackage {
  model: CertificationModel;
  /** The certification's answers in the current shape, and each questionnaire topic's state. */
  answers: StoredAnswers;
  questionnaire: TopicStatus[];
  sections: StatementSection[];
  statementText: string;
  lintContext: LintContext;
  findings: Finding[];
  /** Findings not overridden, with errors blocking export. */
  openFindings: Finding[];
  blocked: boolean;
  dueDate: IsoDate;
}

/**
 * Every clock of a covered-year record that went wrong (overdue, done late, done too early),
 * with the status the dashboard and the record page give it: the one interpreter in clock.ts.
 */
function clockFindings(r: ComplianceRecord, settings: Pick<Settings, 'closures' | 'breachRule2023EffectiveDate'>, today: IsoDate, notices: ClockContext['notices']): Finding[] {
  const out: Finding[] = [];
  for (const clock of recordClocks(r, { settings, notices }).clocks) {
    if (clock.informational || !clock.date) continue;
    const status = clockStatus(clock, today);
    if (!PROBLEM_STATUSES.has(status)) continue;
    const agency = clock.dutyId === 'breachAgencyNotice2007' || clock.dutyId === 'breachAgencyNotice2023';
    if (agency && r.kind === 'breach') {
      out.push({
        id: 'records-late-breach-notice',
        severity: 'warning',
        message: status === 'late'
          ? `The breach determined on ${formatLong(r.determinedOn)} was reported to the agencies on ${formatLong(clock.doneOn as IsoDate)}, after the deadline of ${formatLong(clock.date)}; the statement says notice is given within seven business days.`
          : `The breach determined on ${formatLong(r.determinedOn)} has no agency notice recorded, and it was due ${formatLong(clock.date)}; the statement says notice is given within seven business days.`,
        excerpt: r.cpniInvolved,
        rule: clock.citation.replace(/ \(as amended.*\)$/, ''),
        fix: 'Record the notice date, or explain in the breach section what happened and what the company changed.',
      });
      continue;
    }
    out.push({
      id: `records-clock-${clock.dutyId}`,
      severity: 'warning',
      message: `${DUTIES[clock.dutyId].title}, for the record of ${formatLong(recordDate(r))}: ${CLOCK_STATUS_LABELS[status].toLowerCase()}. ${clockStatusText(clock, today)}`,
      excerpt: `${r.kind} ${r.id}`,
      rule: clock.citation.replace(/ \(as amended.*\)$/, ''),
      fix: 'Correct the dates in the record if they were entered wrongly; otherwise explain in the statement what happened and what the company changed.',
    });
  }
  return out;
}

/** Where the statement's answers say one thing and the covered year's records another. */
function recordFindings(
  answers: StoredAnswers,
  records: readonly ComplianceRecord[],
  coveredYear: number,
  settings: Pick<Settings, 'closures' | 'breachRule2023EffectiveDate'>,
  today: IsoDate,
): Finding[] {
  const out: Finding[] = [];
  const inYear = recordsInYear(records, coveredYear);
  const notices = records.filter((r): r is NoticeRecord => r.kind === 'notice');
  // Until the marketing topic is answered, the statement says nothing about opt-out either way.
  const marketing = completeTopic(answers.values, 'marketing');
  for (const r of inYear) {
    if (r.kind === 'optOutFailure' && marketing && !usesOptOut(marketing))
      out.push({
        id: 'records-opt-out-failure',
        severity: 'error',
        message: `An opt-out mechanism failure is recorded on ${formatLong(r.learnedOn)}, but the statement says the company does not use opt-out approval.`,
        excerpt: r.mechanism,
        rule: '47 C.F.R. § 64.2009(f)',
        fix: 'Correct the approval answers in the questionnaire, or the record if it was entered in error.',
      });
    out.push(...clockFindings(r, settings, today, notices));
  }
  return out;
}

/** A finding the app adds itself; it is fixed by giving the reason, never overridden. */
export const OVERRIDE_WITHOUT_REASON = 'override-without-reason';
const OVERRIDE_LABELS = { dataBrokers: 'data-broker', complaints: 'customer complaint', pretexting: 'pretexting' } as const;

export function findingKey(f: Pick<Finding, 'id' | 'excerpt'>): string {
  return `${f.id}|${f.excerpt}`;
}

/** Everything the package prints and the lint over it, from the stored certification. */
export function assemblePackage(
  cert: CertificationFields,
  client: Pick<Client, 'legalName' | 'filerId' | 'frn' | 'affiliates' | 'services'> & Partial<Pick<Client, 'dbaNames'>>,
  records: readonly ComplianceRecord[],
  settings: Pick<Settings, 'closures' | 'breachRule2023EffectiveDate'>,
  /** The day the record checks are made (the editor passes today); by default the filing date, or the due date. */
  today?: IsoDate,
): AssembledPackage {
  const cal = { calendar: 'fcc' as const, closures: closureDates(settings) };
  const dueDate = certificationDueDate(cert.certificationYear, cal);
  const asOf = today ?? (isIsoDate(cert.dateFiled) ? cert.dateFiled : dueDate);
  const answers = certificationAnswers(cert);
  const model = draftCertification({
    client,
    certificationYear: cert.certificationYear,
    records,
    signatory: cert.signatory,
    dateFiled: cert.dateFiled || undefined,
    signatureDate: cert.signatureDate || undefined,
    overrides: cert.overrides,
    inCompliance: answers.values.conclusion?.inCompliance !== false,
    ...(cert.amends ? { amends: { filedOn: cert.amends.filedOn, ecfsConfirmation: cert.amends.ecfsConfirmation } } : {}),
  });
  // The statement speaks of the covered year, under the rule versions in force then.
  const breachRule = breachRuleForCoveredYear(model.coveredYear, settings);
  const questionnaire = questionnaireStatus(answers, { services: client.services, coveredYear: model.coveredYear });
  const drafted = draftStatement(answers.values, {
    companies: model.companies,
    filingYear: model.certificationYear,
    coveredYear: model.coveredYear,
    services: client.services,
    breachRule,
    simChangeComplianceDate: answers.simChangeComplianceDate,
    dataBrokerActions: model.dataBrokers.items,
    complaints: { counts: model.complaints.counts, summaries: model.complaints.summaries },
    // The statement adds its own sentence on protective measures, so it gets only the facts.
    pretexterInformation: model.pretexting.overriddenBecause
      ? model.pretexting.text
      : model.pretexting.attempts.length
        ? pretextingFacts(model.pretexting.attempts, model.coveredYear)
        : undefined,
  });
  // An edited section is the user's text: its drafted structure no longer describes it.
  const sections = drafted.map((s) => (cert.sectionEdits[s.id] !== undefined ? { id: s.id, heading: s.heading, citation: s.citation, body: cert.sectionEdits[s.id]! } : s));
  const statementText = renderStatementText(sections);
  const lintContext: LintContext = {
    filingYear: model.certificationYear,
    coveredYear: model.coveredYear,
    dueDate,
    breachRule,
    frns: client.frn ? [client.frn] : [],
    filerIds: model.companies.map((c) => c.filerId),
    signatoryTitle: cert.signatory.title,
    signatureDate: cert.signatureDate || undefined,
    dateFiled: cert.dateFiled || undefined,
  };
  const findings = mergeFindings(
    lintCertification(
      {
        filingYear: model.certificationYear,
        coveredYear: model.coveredYear,
        titleLine: model.titleLine,
        docket: model.docket,
        companies: model.companies,
        signatoryName: cert.signatory.name,
        signatoryTitle: cert.signatory.title,
        signatureDate: cert.signatureDate,
        dateFiled: cert.dateFiled,
        dataBrokerStatement: model.dataBrokers.statement,
        complaintStatement: model.complaints.statement,
        certificationText: model.certificationParagraphs.join(' '),
      },
      lintContext,
    ),
    lintStatement(statementText, lintContext),
  );
  findings.push(...recordFindings(answers, records, model.coveredYear, settings, asOf), ...publicTextFindings(model, cert.overrides), ...(cert.preparerId ? coverLetterFindings(cert.coverLetter, model) : []));
  for (const [what, o] of Object.entries(cert.overrides))
    if (o && !o.reason.trim())
      findings.push({
        id: OVERRIDE_WITHOUT_REASON,
        severity: 'error',
        message: `The ${OVERRIDE_LABELS[what as keyof typeof OVERRIDE_LABELS] ?? what} answer is overridden without a reason.`,
        excerpt: '',
        rule: '47 C.F.R. § 64.2009(e)',
        fix: 'Give the reason for the override, or remove it and use the answer computed from the records.',
      });
  const overridden = new Set(cert.lintOverrides.filter((o) => o.reason.trim() && o.id !== OVERRIDE_WITHOUT_REASON).map(findingKey));
  const openFindings = findings.filter((f) => !overridden.has(findingKey(f)));
  return { model, answers, questionnaire, sections, statementText, lintContext, findings, openFindings, blocked: hasBlockingFindings(openFindings), dueDate };
}

/**
 * The cover letter goes into the filing with the certification: a body carried from another year
 * or written for another name says so here ("certification for 2026" in the 2027 package).
 */
export function coverLetterFindings(letter: CoverLetterFields, model: Pick<CertificationModel, 'certificationYear' | 'coveredYear' | 'companies'>): Finding[] {
  if (!letter.include) return [];
  const out: Finding[] = [];
  const wrongYear = (excerpt: string, message: string) =>
    out.push({ id: 'cover-letter-years', severity: 'error', message, excerpt, rule: '47 C.F.R. § 64.2009(e) (the years the certification is for; a cover letter is practice, not required by rule)', fix: `Write the cover letter for the ${model.certificationYear} certification, covering calendar year ${model.coveredYear}.` });
  for (const m of letter.body.matchAll(/\bcertification\s+for\s+(\d{4})\b/gi))
    if (Number(m[1]) !== model.certificationYear) wrongYear(m[0], `The cover letter speaks of the certification for ${m[1]}; this is the certification for ${model.certificationYear}.`);
  for (const m of letter.body.matchAll(/\bcalendar\s+year\s+(\d{4})\b/gi))
    if (Number(m[1]) !== model.coveredYear) wrongYear(m[0], `The cover letter says calendar year ${m[1]}; this certification covers calendar year ${model.coveredYear}.`);
  const named = model.companies.filter((c) => letter.body.includes(c.name));
  if (model.companies.length && letter.body.trim() && !named.length)
    out.push({
      id: 'cover-letter-company',
      severity: 'warning',
      message: `The cover letter does not name ${model.companies.map((c) => c.name).join(' or ')}, as the certification does.`,
      excerpt: letter.body.slice(0, 80),
      rule: 'Cover letter practice (not required by rule); the certification names the company under 47 C.F.R. § 64.2009(e)',
      fix: 'Name the company as the certification does (its legal name may have changed since the letter was written).',
    });
  return out;
}

/**
 * What stands between a certification and "ready to sign": the same list gates the status, the
 * single export of a final package and the consultant's batch. Every questionnaire topic that
 * applies must be answered, and none may hold samples or last year's answers nobody reviewed;
 * a certification already signed or filed was signed on what it said then.
 */
export function readinessProblems(cert: CertificationFields, assembled: Pick<AssembledPackage, 'blocked' | 'questionnaire'>): string[] {
  const out: string[] = [];
  if (assembled.blocked) out.push('Fix the errors in the checks, or override them with a reason.');
  if (cert.status === 'draft' || cert.status === 'ready') out.push(...questionnaireProblems(assembled.questionnaire, cert.certificationYear - 1));
  if (!cert.signatory.name.trim() || !cert.signatory.title.trim()) out.push('Enter the signing officer’s name and title.');
  if (!cert.dateFiled) out.push('Enter the date filed (the day you will submit it).');
  if (!cert.signatureDate) out.push('Enter the signature date.');
  return out;
}

/**
 * When ECFS received the filing on another day than the "Date filed" the signed certification
 * prints: recorded as it happened, and said, since the filed text then names another day.
 */
export function filedDateNote(cert: Pick<CertificationFields, 'filedOn' | 'dateFiled'>): string | undefined {
  if (!cert.filedOn || !cert.dateFiled || cert.filedOn === cert.dateFiled) return undefined;
  return `The certification prints “Date filed: ${formatLong(cert.dateFiled)}”, but ECFS received it on ${formatLong(cert.filedOn)}. If ${formatLong(cert.filedOn)} is right, the filed text names another day: consider an amended filing.`;
}

/** Problems with the filing record itself (§ 1.4(f): an ECFS filing counts on the day ECFS receives it). */
export function filedProblems(
  cert: Pick<CertificationFields, 'certificationYear' | 'filedOn' | 'ecfsConfirmation'> & Partial<Pick<CertificationFields, 'signatureDate'>>,
  today: IsoDate,
): string[] {
  const out: string[] = [];
  if (!cert.filedOn) out.push('Enter the day it was filed.');
  else if (cert.filedOn > today) out.push('The filing date is in the future: record it once it has been filed.');
  else if (cert.filedOn < `${cert.certificationYear}-01-01`) out.push(`A certification for ${cert.certificationYear} covers calendar year ${cert.certificationYear - 1} and is filed after that year ends, not on ${formatLong(cert.filedOn)}.`);
  else if (cert.signatureDate && cert.filedOn < cert.signatureDate)
    out.push(`The officer signed it on ${formatLong(cert.signatureDate)}, so it cannot have been filed before that, on ${formatLong(cert.filedOn)}. Check the date ECFS gave.`);
  if (!cert.ecfsConfirmation.trim()) out.push('Enter the ECFS confirmation number.');
  return out;
}
