/**
 * The annual certification (§ 64.2009(e)) as data: client + certification year + the records
 * of the covered calendar year → every element of the Enforcement Bureau's suggested template.
 * The wording here is CPNI Desk's own; it covers each required element plainly.
 */
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CATEGORY_LABELS,
  recordDate,
  type ComplaintCategory,
  type ComplaintRecord,
  type ComplianceRecord,
  type DataBrokerActionRecord,
  type PretextingRecord,
} from './records';
import { formatLong, yearOf, type IsoDate } from './dates';
import type { Client } from './schema';

export const DOCKET = 'EB Docket No. 06-36';
export const CERTIFICATION_RULE = '47 C.F.R. § 64.2009(e)';

export interface Company {
  name: string;
  filerId: string;
}

export interface Override<T> {
  value: T;
  reason: string;
}

export interface CertificationOverrides {
  dataBrokers?: Override<{ has: boolean; explanation: string }>;
  complaints?: Override<{ counts: Record<ComplaintCategory, number>; summary: string }>;
  pretexting?: Override<{ text: string }>;
}

export interface CertificationDraftInput {
  client: Pick<Client, 'legalName' | 'filerId' | 'affiliates'> & Partial<Pick<Client, 'dbaNames'>>;
  certificationYear: number;
  /** The client's live records; those outside the covered year are ignored. */
  records: readonly ComplianceRecord[];
  signatory: { name: string; title: string };
  dateFiled?: IsoDate;
  signatureDate?: IsoDate;
  overrides?: CertificationOverrides;
  /** The accompanying statement's conclusion (§ 64.2009(e): "is or is not in compliance"). */
  inCompliance?: boolean;
  /** Set on an amended filing: the filing it amends. */
  amends?: AmendedFiling;
}

export interface DataBrokerSection {
  has: boolean;
  /** The records, for the editor's links; their descriptions are internal notes, never printed. */
  actions: DataBrokerActionRecord[];
  statement: string;
  /** One entry per action, as the filing prints it: the facts and the public summary only. */
  items: string[];
  overriddenBecause?: string;
}

export interface ComplaintSection {
  has: boolean;
  total: number;
  counts: Record<ComplaintCategory, number>;
  /** The records, for the editor's links; their notes and resolutions are never printed. */
  records: ComplaintRecord[];
  statement: string;
  /** The public summaries, one per complaint that has one; none means the filing gives the counts only. */
  summaries: string[];
  overriddenBecause?: string;
}

export interface PretextingSection {
  attempts: PretextingRecord[];
  text: string;
  overriddenBecause?: string;
}

/** The filing an amended certification corrects. */
export interface AmendedFiling {
  filedOn: IsoDate;
  ecfsConfirmation: string;
}

export interface CertificationModel {
  docket: typeof DOCKET;
  certificationYear: number;
  coveredYear: number;
  titleLine: string;
  /** On an amended filing, the sentence that says which filing it amends. */
  amendment?: string;
  dateFiled?: IsoDate;
  signatureDate?: IsoDate;
  companies: Company[];
  signatory: { name: string; title: string };
  certificationParagraphs: string[];
  statementReference: string;
  dataBrokers: DataBrokerSection;
  complaints: ComplaintSection;
  pretexting: PretextingSection;
  truthfulness: string;
  /** The attachments' titles, in filing order (what a signed package records). */
  attachments: string[];
  /** The same attachments, typed: the documents find each one by its kind, never by its title. */
  attachmentList: CertificationAttachment[];
}

export type CertificationAttachmentKind = 'statement' | 'dataBrokers' | 'complaints';
export interface CertificationAttachment {
  kind: CertificationAttachmentKind;
  title: string;
}

export function coveredYearOf(certificationYear: number): number {
  return certificationYear - 1;
}

export function titleLine(certificationYear: number): string {
  return `Annual ${CERTIFICATION_RULE} CPNI Certification for ${certificationYear} covering calendar year ${coveredYearOf(certificationYear)}`;
}

/** The companies covered, the carrier first with any trade names ("Legal Name d/b/a Trade Name"). */
export function companiesOf(client: CertificationDraftInput['client']): Company[] {
  const dbas = (client.dbaNames ?? []).map((d) => d.trim()).filter(Boolean);
  const name = dbas.length ? `${client.legalName} d/b/a ${dbas.join(', ')}` : client.legalName;
  return [{ name, filerId: client.filerId }, ...client.affiliates.map((a) => ({ name: a.legalName, filerId: a.filerId }))];
}

export function recordsInYear<T extends ComplianceRecord>(records: readonly T[], year: number): T[] {
  return records.filter((r) => !r.deletedAt && yearOf(recordDate(r)) === year);
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names.slice(0, -1).join(', ')}, and ${names.at(-1)}`;
}

const FORUM: Record<DataBrokerActionRecord['forum'], string> = { stateCommission: 'a state commission', court: 'the court system', fcc: 'the Commission' };
const ACTION: Record<DataBrokerActionRecord['actionKind'], string> = { proceeding: 'instituted a proceeding', petition: 'filed a petition' };
const CHANNEL: Record<PretextingRecord['channel'], string> = { phone: 'by telephone', online: 'online', inStore: 'in person at a retail location' };

export function complaintCounts(records: readonly ComplaintRecord[]): Record<ComplaintCategory, number> {
  const counts = Object.fromEntries(COMPLAINT_CATEGORIES.map((c) => [c, 0])) as Record<ComplaintCategory, number>;
  for (const r of records) counts[r.category]++;
  return counts;
}

/** A public summary as a sentence of its own. */
function sentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return '';
  const capped = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]["'”’)\]]?$/.test(capped) ? capped : `${capped}.`;
}

/** Paragraphs of a text the user wrote, split at blank lines (a single line break stays). */
function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function dataBrokerSection(company: string, plural: boolean, year: number, actions: DataBrokerActionRecord[], o?: CertificationOverrides['dataBrokers']): DataBrokerSection {
  const has = o ? o.value.has : actions.length > 0;
  const items = o
    ? paragraphsOf(o.value.explanation)
    : actions.map((a) => [`On ${formatLong(a.actionOn)}, ${company} ${ACTION[a.actionKind]} before ${FORUM[a.forum]}.`, sentence(a.publicSummary ?? '')].filter(Boolean).join(' '));
  const statement = has
    ? `${company} ${plural ? 'have' : 'has'} taken actions against data brokers in calendar year ${year}, that is, ${plural ? 'they have' : 'it has'} instituted proceedings or filed petitions at a state commission, in the court system, or at the Commission against data brokers. These actions are explained in the attachment "Actions against data brokers".`
    : `${company} ${plural ? 'have' : 'has'} not taken any actions against data brokers in calendar year ${year}: ${plural ? 'they have' : 'it has'} not instituted proceedings or filed petitions at any state commission, in the court system, or at the Commission against data brokers.`;
  return { has, actions, statement, items: has ? items : [], overriddenBecause: o?.reason };
}

function complaintSection(company: string, plural: boolean, year: number, records: ComplaintRecord[], o?: CertificationOverrides['complaints']): ComplaintSection {
  const counts = o ? o.value.counts : complaintCounts(records);
  const total = COMPLAINT_CATEGORIES.reduce((sum, c) => sum + counts[c], 0);
  const has = total > 0;
  const breakdown = COMPLAINT_CATEGORIES.filter((c) => c !== 'other' || counts.other > 0)
    .map((c) => `${COMPLAINT_CATEGORY_LABELS[c].toLowerCase()}: ${counts[c]}`)
    .join('; ');
  const statement = has
    ? `${company} received ${total} customer ${total === 1 ? 'complaint' : 'complaints'} in calendar year ${year} concerning the unauthorized release of CPNI. By category: ${breakdown}. A summary is attached as "Summary of customer complaints".`
    : `${company} ${plural ? 'have' : 'has'} not received any customer complaints in calendar year ${year} concerning the unauthorized release of CPNI (improper access by employees, improper disclosure to individuals not authorized to receive the information, or improper access to online information by individuals not authorized to view the information).`;
  // Only what the user wrote for the public: internal notes and resolutions stay in the records.
  const summaries = o
    ? paragraphsOf(o.value.summary)
    : records.filter((r) => r.publicSummary?.trim()).map((r) => `${formatLong(r.receivedOn)} — ${COMPLAINT_CATEGORY_LABELS[r.category]}: ${sentence(r.publicSummary)}`);
  return { has, total, counts, records, statement, summaries: has ? summaries : [], overriddenBecause: o?.reason };
}

function pretextingSection(company: string, plural: boolean, year: number, attempts: PretextingRecord[], o?: CertificationOverrides['pretexting']): PretextingSection {
  if (o) return { attempts, text: o.value.text, overriddenBecause: o.reason };
  if (attempts.length === 0)
    return {
      attempts,
      text: `${company} ${plural ? 'have' : 'has'} no information, beyond what is generally known in the industry, about the processes pretexters are using to attempt to access CPNI. It protects CPNI against pretexting through the authentication and notification measures described in the accompanying statement (47 C.F.R. § 64.2010).`,
    };
  return {
    attempts,
    text: `${pretextingFacts(attempts, year)} The company's protections against pretexting are described in the accompanying statement (47 C.F.R. § 64.2010).`,
  };
}

/**
 * What the year's pretexting records show: how many attempts, by which channels, and the public
 * summaries (the records' methods and responses are internal notes, never printed).
 */
export function pretextingFacts(attempts: readonly PretextingRecord[], year: number): string {
  const channels = [...new Set(attempts.map((a) => CHANNEL[a.channel]))];
  const summaries = attempts.map((a) => sentence(a.publicSummary ?? '')).filter(Boolean);
  return [
    `In calendar year ${year}, ${attempts.length} ${attempts.length === 1 ? 'attempt' : 'attempts'} by pretexters to obtain CPNI ${attempts.length === 1 ? 'was' : 'were'} recorded, made ${joinNames(channels)}.`,
    ...summaries,
  ].join(' ');
}

/** "This certification amends the certification for 2027 filed on February 20, 2027 (ECFS confirmation 1022…)." */
export function amendmentSentence(certificationYear: number, amends: AmendedFiling): string {
  const confirmation = amends.ecfsConfirmation.trim() ? ` (ECFS confirmation ${amends.ecfsConfirmation.trim()})` : '';
  return `This is an amended certification. It amends the company's certification for ${certificationYear} filed on ${formatLong(amends.filedOn)}${confirmation} in ${DOCKET}.`;
}

export function draftCertification(input: CertificationDraftInput): CertificationModel {
  const { certificationYear: filingYear } = input;
  const year = coveredYearOf(filingYear);
  const companies = companiesOf(input.client);
  const company = joinNames(companies.map((c) => c.name));
  const plural = companies.length > 1;
  // Chronological, so summaries read in order whatever order storage returned.
  const inYear = recordsInYear(input.records, year).sort((a, b) => recordDate(a).localeCompare(recordDate(b)) || a.id.localeCompare(b.id));
  const actions = inYear.filter((r): r is DataBrokerActionRecord => r.kind === 'dataBrokerAction');
  const complaints = inYear.filter((r): r is ComplaintRecord => r.kind === 'complaint');
  const attempts = inYear.filter((r): r is PretextingRecord => r.kind === 'pretexting');
  const dataBrokers = dataBrokerSection(company, plural, year, actions, input.overrides?.dataBrokers);
  const complaintPart = complaintSection(company, plural, year, complaints, input.overrides?.complaints);
  const { name, title } = input.signatory;

  const attachmentList: CertificationAttachment[] = [
    { kind: 'statement', title: 'Accompanying statement of CPNI operating procedures' },
    ...(dataBrokers.has ? [{ kind: 'dataBrokers' as const, title: 'Actions against data brokers' }] : []),
    ...(complaintPart.has ? [{ kind: 'complaints' as const, title: 'Summary of customer complaints' }] : []),
  ];
  return {
    docket: DOCKET,
    certificationYear: filingYear,
    coveredYear: year,
    titleLine: titleLine(filingYear),
    ...(input.amends ? { amendment: amendmentSentence(filingYear, input.amends) } : {}),
    dateFiled: input.dateFiled,
    signatureDate: input.signatureDate,
    companies,
    signatory: { name, title },
    certificationParagraphs: [
      `I, ${name || '[name of officer]'}, certify that I am an officer of ${company}, that I serve as ${title || '[title]'}, and that I am acting as an agent of the company in making this certification.`,
      `I have personal knowledge that the company has established operating procedures that are adequate to ensure compliance with the Commission's rules on customer proprietary network information, 47 C.F.R. § 64.2001 et seq., for calendar year ${year}.`,
    ],
    statementReference: `Attached to this certification is an accompanying statement explaining how the company's operating procedures ensure that it ${input.inCompliance === false ? 'is not, and why it is not,' : 'is'} in compliance with 47 C.F.R. § 64.2001 et seq., including the requirements on the use of CPNI and customer approval, training and discipline, recordkeeping, and supervisory review of outbound marketing.`,
    dataBrokers,
    complaints: complaintPart,
    pretexting: pretextingSection(company, plural, year, attempts, input.overrides?.pretexting),
    truthfulness: `The company represents and warrants that this certification is consistent with 47 C.F.R. § 1.17, which requires truthful and accurate statements to the Commission. The company also acknowledges that false statements and misrepresentations to the Commission are punishable under Title 18 of the U.S. Code and may subject it to enforcement action.`,
    attachments: attachmentList.map((a) => a.title),
    attachmentList,
  };
}
