/**
 * Lint of the final certification text, the user's own edits included, and of a filing written
 * elsewhere: each pitfall of real filings becomes a finding with the offending text, its place
 * (offsets and line), the rule and a fix. Errors make a filing wrong and block export unless
 * overridden with a recorded reason; warnings (facts the app cannot know, stricter practices)
 * don't block.
 *
 * Modules: text (sentences within paragraphs and headings), negation, topics, citations,
 * citation-topics, day-counts, pitfalls, breach, whole-filing, officer-title, years.
 */
import { businessDays } from './day-counts';
import { breachRule } from './breach';
import { CERT_RULE, citations } from './citations';
import { citationTopics } from './citation-topics';
import { NOT_OFFICER_FIX, officerTitleKind, titleMessage } from './officer-title';
import {
  accountChange,
  annualTraining,
  biographicalIn,
  biographicalPrompts,
  callDetailRelease,
  customersBeforeLawEnforcement,
  hedged,
  inStoreId,
  jvOptOut,
  marketingContradiction,
  optInInFailureDuty,
  optInWithinCategories,
  optOutTiming,
  oralOptOut,
  retention,
  statementYear,
  subscriberList,
  trackingCompetitors,
  wrongPeriod,
} from './pitfalls';
import { about, analyse, lineOf, segmentSentences } from './text';
import {
  bareAssertion,
  DATE_RULE,
  dateFindings,
  dates,
  dockets,
  filerIds,
  FILING_CHECKS,
  missingStatements,
  placeholders,
  signatoryTitle,
  titleYears,
} from './whole-filing';
import type { Check, Finding, LintContext, Segment, Severity } from './types';
import type { IsoDate } from '../dates';

export type { Finding, LintContext, Segment, Severity, Block, Sentence, Doc, Check } from './types';
export { segmentSentences, segmentBlocks, analyse, lineOf } from './text';
export { parseWrittenDate, coverLetterDate, printedDates } from './whole-filing';
export { detectYears, type DetectedYears } from './years';
export { officerTitleKind, type TitleKind } from './officer-title';

/** Sentences of a password-setup or back-up-method answer that use biographical information. */
export function findBiographicalPrompts(answer: string): Segment[] {
  const sentences = segmentSentences(answer);
  return biographicalIn(sentences).map((i) => sentences[i]!);
}

/** Every check of a statement or package text, in the order of the pitfalls they catch. */
export const CHECKS: readonly Check[] = [
  citations, citationTopics, businessDays, optInInFailureDuty, annualTraining, biographicalPrompts, missingStatements, titleYears, dockets, hedged,
  jvOptOut, oralOptOut, accountChange, subscriberList, breachRule, placeholders, bareAssertion, filerIds, signatoryTitle, dates,
  customersBeforeLawEnforcement, retention, optOutTiming, callDetailRelease, inStoreId, optInWithinCategories, trackingCompetitors,
  marketingContradiction, wrongPeriod, statementYear,
];

/** One finding per check and sentence ("seven days … seven days" in one sentence is one mistake), each with its line. */
function placeOnce(text: string, findings: Finding[]): Finding[] {
  const doc = analyse(text);
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.start !== undefined) {
      const s = doc.sentences.find((x) => x.start <= f.start! && f.start! < x.end);
      const key = `${f.id}|${s ? s.index : f.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...f, line: lineOf(text, f.start) });
    } else out.push(f);
  }
  return out.sort((a, b) => (a.start ?? -1) - (b.start ?? -1) || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/**
 * Lint the final text of the certification package or the accompanying statement. The
 * signatory title and dates in `ctx` are checked where the text does not print them, and
 * compared with what it prints where it does. A value from `ctx` gives a finding without
 * offsets whose excerpt is the value, the same as `lintCertification` gives, so
 * `mergeFindings` reports it once.
 */
export function lintStatement(text: string, ctx: LintContext): Finding[] {
  const doc = analyse(text);
  return placeOnce(text, CHECKS.flatMap((check) => check(doc, ctx)));
}

/**
 * Lint a complete filing written elsewhere (pasted, or read from a PDF): everything
 * `lintStatement` checks, plus the signature line, the cover letter's date, the pretexter
 * paragraph, the officer's certification language and the selected client's Filer IDs.
 */
export function lintFiling(text: string, ctx: LintContext): Finding[] {
  const doc = analyse(text);
  return placeOnce(text, [...CHECKS, ...FILING_CHECKS].flatMap((check) => check(doc, ctx)));
}

export interface CertificationLintFields {
  filingYear: number;
  coveredYear: number;
  /** The title line as printed. */
  titleLine?: string;
  docket?: string;
  companies: { name: string; filerId: string }[];
  signatoryName: string;
  signatoryTitle: string;
  signatureDate?: IsoDate | '';
  dateFiled?: IsoDate | '';
  /** The data-broker and complaint statements as printed ('' or undefined = missing). */
  dataBrokerStatement?: string;
  complaintStatement?: string;
  /** The officer's certification paragraph(s), to check for "officer", "agent" and "personal knowledge". */
  certificationText?: string;
}

/** Lint of the certification's structured fields. */
export function lintCertification(fields: CertificationLintFields, ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  const add = (id: string, severity: Severity, message: string, rule: string, fix: string, excerpt = '') =>
    out.push({ id, severity, message, excerpt, rule, fix });
  const yearRule = '47 C.F.R. § 64.2009(e) ("for data pertaining to the previous calendar year")';

  if (fields.coveredYear !== fields.filingYear - 1)
    add('title-years', 'error', `The filing made in ${fields.filingYear} covers calendar year ${fields.filingYear - 1}, not ${fields.coveredYear}.`, yearRule, `Set the covered year to ${fields.filingYear - 1}.`, `${fields.filingYear} / ${fields.coveredYear}`);
  else if (fields.filingYear !== ctx.filingYear)
    add('title-years', 'error', `This is the ${ctx.filingYear} filing, but the certification says ${fields.filingYear}.`, yearRule, `Use ${ctx.filingYear}.`, String(fields.filingYear));
  if (fields.titleLine) {
    const title = analyse(fields.titleLine);
    for (const f of [...titleYears(title, ctx), ...citations(title, ctx)]) out.push({ ...f, start: undefined, end: undefined });
  }
  if (fields.docket !== undefined && !/^\s*EB\s+Docket\s+No\.?\s+06-36\s*$/i.test(fields.docket))
    add('wrong-docket', 'error', `"${fields.docket}" is not the filing docket; the certification is filed in EB Docket No. 06-36.`, '47 C.F.R. § 64.2009(e) (EB Docket No. 06-36)', 'Write "EB Docket No. 06-36".', fields.docket);

  if (fields.companies.length === 0) add('companies-missing', 'error', 'Name each company the certification covers.', CERT_RULE, 'Add the company and its Form 499 Filer ID.');
  for (const c of fields.companies) {
    const name = c.name.trim() || 'A company';
    const id = c.filerId.trim();
    if (!c.name.trim()) add('company-name-missing', 'error', 'A company covered has no name.', CERT_RULE, 'Enter the legal name.');
    if (!id) add('filer-id-missing', 'error', `${name} has no Form 499 Filer ID; each company covered is listed with its own Filer ID.`, CERT_RULE, 'Enter the Filer ID from its Form 499-A.');
    else if (id.length === 10 || ctx.frns.includes(id))
      add('filer-id-is-frn', 'error', `${name}: ${id} looks like an FRN (10 digits${ctx.frns.includes(id) ? ', and it is the client\'s FRN' : ''}), not a Form 499 Filer ID.`, '47 C.F.R. § 64.2009(e); FCC Form 499-A line 101', 'Use the Filer ID from Form 499-A, line 101.', id);
    else if (!/^\d+$/.test(id)) add('filer-id-format', 'error', `${name}: a Form 499 Filer ID contains digits only.`, CERT_RULE, 'Use the Filer ID from Form 499-A, line 101.', id);
    else if (id.length !== 6)
      add('filer-id-length', 'warning', `${name}: Filer IDs in public CPNI filings are six digits; this one has ${id.length} (six digits is observed, not confirmed by the FCC).`, 'FCC Form 499-A line 101', 'Check the Filer ID against Form 499-A.', id);
  }

  if (!fields.signatoryName.trim()) add('signatory-missing', 'error', 'Name the officer who signs the certification.', CERT_RULE, 'Enter the signing officer\'s name.');
  const kind = officerTitleKind(fields.signatoryTitle);
  if (kind !== 'officer')
    out.push(about('signatory-not-officer', kind === 'maybe' ? 'warning' : 'error', titleMessage(fields.signatoryTitle.trim(), kind), CERT_RULE, NOT_OFFICER_FIX, fields.signatoryTitle.trim()));
  const filed = fields.dateFiled || undefined;
  const signed = fields.signatureDate || undefined;
  out.push(
    ...dateFindings(filed, signed, fields.filingYear, ctx, (what) => (id, message, fix) =>
      about(id, 'error', message, DATE_RULE, fix, (what === 'signed' ? signed : filed) ?? ''),
    ),
  );

  if (!fields.dataBrokerStatement?.trim())
    add('data-broker-statement-missing', 'error', 'Say whether the Company took any actions against data brokers in the covered year, even when it took none.', CERT_RULE, 'Add the data-broker statement.');
  if (!fields.complaintStatement?.trim())
    add('complaint-statement-missing', 'error', 'Summarize customer complaints about unauthorized release of CPNI in the covered year, or say there were none.', CERT_RULE, 'Add the complaint statement.');
  if (fields.certificationText !== undefined) {
    const t = fields.certificationText;
    const missing = [
      !/\bofficer\b/i.test(t) && 'that the signer is an officer',
      !/\bagent\b/i.test(t) && 'that the officer acts as an agent of the company',
      !/\bpersonal\s+knowledge\b/i.test(t) && 'that the officer has personal knowledge',
      !/\bprocedures\b[^.]*\badequate\b|\badequate\b[^.]*\bprocedures\b/i.test(t) && 'that the operating procedures are adequate to ensure compliance',
    ].filter((x): x is string => !!x);
    if (missing.length)
      add('certification-language-missing', 'error', `The officer's certification must say ${missing.join(', ')}.`, CERT_RULE, 'Restore the certification paragraph\'s officer, agent and personal-knowledge language.');
  }
  return out;
}

/** Findings of several lints, each reported once (same check, same excerpt, same place). */
export function mergeFindings(...lists: readonly (readonly Finding[])[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of lists.flat()) {
    const key = `${f.id}|${f.excerpt}|${f.start ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

export function hasBlockingFindings(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
export { numberedLines, type NumberedLine, type LinePiece } from './highlight';
export { clientFromFiling, type ClientProposal } from './client-from-filing';
