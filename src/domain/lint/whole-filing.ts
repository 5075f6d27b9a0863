/**
 * Checks of the filing as a whole: the printed fields (title years, docket, Filer IDs,
 * signatory, dates) and the statements § 64.2009(e) requires whether or not there is anything
 * to report. `FILING_CHECKS` are for a complete filing pasted in (the signature line, the cover
 * letter, the template's pretexter paragraph); the app's own drafts print those elsewhere.
 */
import { formatLong, isIsoDate, makeDate, weekdayName, type IsoDate } from '../dates';
import { CERT_RULE } from './citations';
import { NOT_OFFICER_FIX, officerTitleKind, titleMessage } from './officer-title';
import { about, collapse, lineOf, make, sentenceAt } from './text';
import type { Check, Finding, LintContext } from './types';

const YEAR_RULE = '47 C.F.R. § 64.2009(e) ("for data pertaining to the previous calendar year")';

export const missingStatements: Check = (doc) => {
  const out: Finding[] = [];
  const dataBroker = doc.sentences.some(
    (s) => /\bdata[\s-]*brokers?\b/i.test(s.text) && /\b(?:actions?|proceedings?|petitions?|lawsuits?|suits?|instituted|filed|took|taken|none)\b/i.test(s.text),
  );
  if (!dataBroker)
    out.push(
      make(
        'data-broker-statement-missing',
        'error',
        '§ 64.2009(e) requires an explanation of any actions taken against data brokers; say so affirmatively even when the Company took none.',
        CERT_RULE,
        'Add, for example: "In calendar year [year], the Company took no actions against data brokers."',
        doc.text,
      ),
    );
  const complaints = doc.sentences.some(
    (s) => /\bcomplaints?\b/i.test(s.text) && /\b(?:receiv\w*|none|zero)\b|\bno\s+(?:\w+\s+){0,2}?complaints?\b|\b\d+\s+(?:\w+\s+){0,2}?complaints?\b/i.test(s.text),
  );
  if (!complaints)
    out.push(
      make(
        'complaint-statement-missing',
        'error',
        '§ 64.2009(e) requires a summary of customer complaints about unauthorized release of CPNI in the covered year; say affirmatively that there were none if so.',
        CERT_RULE,
        'Add, for example: "In calendar year [year], the Company received no customer complaints about the unauthorized release of CPNI."',
        doc.text,
      ),
    );
  return out;
};

const TITLE_YEARS =
  /\bcertification\s+for\s+(?:the\s+)?(calendar\s+)?(?:year\s+)?(\d{4})(?:\s*,?\s*(?:covering|which\s+covers|for\s+data\s+pertaining\s+to)\s+(?:the\s+)?(?:prior\s+|previous\s+|preceding\s+)?(?:calendar\s+)?(?:year\s+)?(\d{4}))?/gi;
const COVERING = /\bcover(?:s|ing|ed)?\s+(?:the\s+)?(?:prior\s+|previous\s+|preceding\s+)?calendar\s+year\s+(\d{4})\b/gi;

export const titleYears: Check = (doc, ctx) => {
  const { text } = doc;
  const out: Finding[] = [];
  const taken: [number, number][] = [];
  const fix = `Write "for ${ctx.filingYear} covering calendar year ${ctx.coveredYear}".`;
  for (const m of text.matchAll(TITLE_YEARS)) {
    const start = m.index;
    const end = start + m[0].length;
    taken.push([start, end]);
    const first = Number(m[2]);
    const covering = m[3] ? Number(m[3]) : undefined;
    const problems: string[] = [];
    if (covering !== undefined) {
      if (covering !== first - 1) problems.push(`the covered year (${covering}) must be the year before the filing year (${first})`);
      if (first !== ctx.filingYear) problems.push(`this is the ${ctx.filingYear} filing, not ${first}`);
      if (covering !== ctx.coveredYear && covering === first - 1) problems.push(`it covers calendar year ${ctx.coveredYear}, not ${covering}`);
    } else if (m[1]) {
      if (first !== ctx.coveredYear) problems.push(`it covers calendar year ${ctx.coveredYear}, not ${first}`);
    } else if (first !== ctx.filingYear && first !== ctx.coveredYear) {
      problems.push(`${first} is neither the filing year (${ctx.filingYear}) nor the covered year (${ctx.coveredYear})`);
    } else {
      out.push(make('title-year-ambiguous', 'warning', `"for ${first}" alone is ambiguous: name the filing year and the covered year.`, YEAR_RULE, fix, text, start, end));
    }
    if (problems.length) out.push(make('title-years', 'error', `The title line's years do not match: ${problems.join('; ')}.`, YEAR_RULE, fix, text, start, end));
  }
  for (const m of text.matchAll(COVERING)) {
    const start = m.index;
    if (taken.some(([a, b]) => start >= a && start < b)) continue;
    if (Number(m[1]) !== ctx.coveredYear)
      out.push(make('title-years', 'error', `This filing covers calendar year ${ctx.coveredYear}, not ${m[1]} (§ 64.2009(e): the previous calendar year).`, YEAR_RULE, fix, text, start, start + m[0].length));
  }
  for (const m of text.matchAll(/\bfiscal\s+year\b/gi)) {
    const s = doc.sentences.find((x) => x.start <= m.index && m.index < x.end)?.text ?? '';
    const covers = /\bcover\w*|\bperiod\b|\bpertain\w*|\bfor\s+(?:the|its)\s+(?:\w+\s+)?fiscal\s+year/i.test(s);
    out.push(
      make(
        'fiscal-year',
        covers ? 'error' : 'warning',
        covers
          ? 'The certification covers the previous calendar year (January 1 to December 31), not a fiscal year (§ 64.2009(e)).'
          : 'A fiscal year is mentioned: the certification covers the previous calendar year (January 1 to December 31), so make sure nothing here counts a fiscal year (§ 64.2009(e)).',
        YEAR_RULE,
        `Refer to calendar year ${ctx.coveredYear}.`,
        text,
        m.index,
        m.index + m[0].length,
      ),
    );
  }
  return out;
};

export const dockets: Check = (doc) => {
  const { text } = doc;
  const out: Finding[] = [];
  const rule = '47 C.F.R. § 64.2009(e) (EB Docket No. 06-36)';
  const fix = 'Write "EB Docket No. 06-36".';
  for (const m of text.matchAll(/\bWCB?\s+Docket(?:\s+No\.?)?\s+06-36\b|\bWCB\s+Docket\b/gi))
    out.push(make('wrong-docket', 'error', `"${collapse(m[0])}": the certification is filed in EB Docket No. 06-36 (the Enforcement Bureau's docket, § 64.2009(e)).`, rule, fix, text, m.index, m.index + m[0].length));
  for (const m of text.matchAll(/\b(?:CC\s+Docket(?:\s+No\.?)?\s+96-115|WC\s+Docket(?:\s+No\.?)?\s+(?:04-36|22-21))\b/gi)) {
    const s = doc.sentences.find((x) => x.start <= m.index && m.index < x.end);
    const line = text.slice(text.lastIndexOf('\n', m.index) + 1, (text.indexOf('\n', m.index) + 1 || text.length + 1) - 1);
    const asFilingDocket = line.trim().length <= 40 || (s && /\b(?:fil(?:e|ed|es|ing)|submit\w*|certification|proceeding)\b/i.test(s.text));
    if (asFilingDocket)
      out.push(make('wrong-docket', 'error', `"${collapse(m[0])}" is a rulemaking docket; the annual certification is filed in EB Docket No. 06-36 (§ 64.2009(e)).`, rule, fix, text, m.index, m.index + m[0].length));
  }
  // A mistyped number of the Enforcement Bureau's docket ("EB Docket No. 06-63").
  for (const m of text.matchAll(/\bEB\s+Docket(?:\s+No\.?)?\s+(\d{2})-(\d{2,3})\b/gi))
    if (`${m[1]}-${m[2]}` !== '06-36')
      out.push(make('wrong-docket', 'error', `"${collapse(m[0])}": the certification is filed in EB Docket No. 06-36 (§ 64.2009(e)).`, rule, fix, text, m.index, m.index + m[0].length));
  for (const m of text.matchAll(/(?<!\b(?:EB|WCB?)\s+)\bDocket(?:\s+No\.?)?\s+06-36\b/gi))
    out.push(make('docket-unqualified', 'warning', 'Name the docket in full: EB Docket No. 06-36 (§ 64.2009(e)).', rule, fix, text, m.index, m.index + m[0].length));
  return out;
};

export const placeholders: Check = (doc) =>
  [...doc.text.matchAll(/\[(?:to\s+complete|tbd|todo|insert|x{2,})[^\]]*\]/gi)].map((m) =>
    make('placeholder', 'error', 'Text still to be completed: a filing must not carry bracketed placeholders (§ 64.2009(e)).', CERT_RULE, 'Replace the bracketed text.', doc.text, m.index, m.index + m[0].length),
  );

export const bareAssertion: Check = (doc) => {
  const words = doc.text.split(/\s+/).filter(Boolean).length;
  if (words >= 150 || !/procedures?/i.test(doc.text)) return [];
  return [
    make(
      'bare-assertion',
      'warning',
      '§ 64.2009(e) asks how the operating procedures ensure compliance; saying that procedures exist is not enough.',
      CERT_RULE,
      'Describe, for each requirement, the process, who does it, the system used and the record kept.',
      doc.text,
    ),
  ];
};

// -- the printed fields (Filer ID, signatory, dates) ----------------------------------------------

const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE = String.raw`(?:(?:${MONTH})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:${MONTH})\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})`;
/** A date that may lack its year ("January 27"). */
const DATE_OR_DAY = String.raw`(?:${DATE}|(?:${MONTH})\.?\s+\d{1,2}(?:st|nd|rd|th)?\b)`;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 'March 2, 2026', 'Mar. 2 2026', '2 March 2026', '2026-03-02' or '3/2/2026' → '2026-03-02'; a missing year is `year`. */
export function parseWrittenDate(s: string, year?: number): IsoDate | undefined {
  const t = s.trim();
  if (isIsoDate(t)) return t;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) {
    const iso = `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : undefined;
  }
  let monthName: string, day: string, y: string | undefined;
  m = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/i.exec(t);
  if (m) [monthName, day, y] = [m[1]!, m[2]!, m[3]];
  else {
    m = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(t);
    if (!m) return undefined;
    [day, monthName, y] = [m[1]!, m[2]!, m[3]];
  }
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  if (month === 0 || !new RegExp(`^(?:${MONTH})$`, 'i').test(monthName)) return undefined;
  const yy = y ?? (year !== undefined ? String(year) : undefined);
  if (!yy) return undefined;
  const iso = `${yy}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

export interface Located {
  value: string;
  start: number;
  end: number;
}

function firstLabelled(text: string, label: RegExp, date = DATE): Located | undefined {
  const re = new RegExp(`(?:${label.source})\\s*[:\\-–]?\\s*(${date})`, 'im');
  const m = re.exec(text);
  if (!m) return undefined;
  const value = m[1]!;
  const start = m.index + m[0].length - value.length;
  return { value, start, end: start + value.length };
}

const FILED_LABEL = /\bdate\s+filed|\bfiling\s+date|\bdate\s+of\s+filing/;
const SIGNED_LABEL = /\bdate\s+signed|\bsignature\s+date|\bdate\s+of\s+signature|\bsigned\s+on|^[ \t]*dated/m;

/** The date a cover letter carries: a line with only a date, above the salutation or "Re:". */
export function coverLetterDate(text: string): Located | undefined {
  const salutation = /^[ \t]*(?:dear\b|re:|re\s*:|subject:|via\s+(?:ecfs|electronic))/im.exec(text);
  if (!salutation) return undefined;
  const head = text.slice(0, salutation.index);
  const re = new RegExp(`^[ \\t]*(${DATE})[ \\t]*$`, 'gim');
  const m = re.exec(head);
  if (!m) return undefined;
  const start = m.index + m[0].indexOf(m[1]!);
  return { value: m[1]!, start, end: start + m[1]!.length };
}

export function printedDates(text: string, year?: number): { filedAt?: Located; signedAt?: Located; filed?: IsoDate; signed?: IsoDate; cover?: Located; coverDate?: IsoDate } {
  const cover = coverLetterDate(text);
  const coverDate = cover && parseWrittenDate(cover.value);
  const y = coverDate ? Number(coverDate.slice(0, 4)) : year;
  const filedAt = firstLabelled(text, FILED_LABEL, DATE_OR_DAY);
  const signedAt = firstLabelled(text, SIGNED_LABEL, DATE_OR_DAY);
  return { filedAt, signedAt, filed: filedAt && parseWrittenDate(filedAt.value, y), signed: signedAt && parseWrittenDate(signedAt.value, y), cover, coverDate };
}

export const filerIds: Check = (doc, ctx) => {
  const { text } = doc;
  const out: Finding[] = [];
  const re = /\bfiler\s*(?:id|identification)(?:\(s\)|s)?(?:\s*(?:no\.?|number|#))?\s*(?:\([^)\n]{0,20}\))?\s*[:#-]?\s*(\d[\d-]*\d)/gi;
  for (const m of text.matchAll(re)) {
    const raw = m[1]!;
    const digits = raw.replace(/-/g, '');
    const start = m.index + m[0].length - raw.length;
    const end = start + raw.length;
    if (digits.length === 10 || ctx.frns.includes(digits))
      out.push(
        make(
          'filer-id-is-frn',
          'error',
          `${raw} looks like an FRN (10 digits${ctx.frns.includes(digits) ? ', and it is the client\'s FRN' : ''}), not a Form 499 Filer ID (§ 64.2009(e)).`,
          '47 C.F.R. § 64.2009(e); FCC Form 499-A line 101',
          `Use the Form 499 Filer ID${ctx.filerIds.length ? ` (${ctx.filerIds.join(', ')})` : ''} from the company's Form 499-A.`,
          text,
          start,
          end,
        ),
      );
    else if (ctx.filerIds.length && !ctx.filerIds.includes(digits))
      out.push(
        make('filer-id-unknown', 'warning', `Filer ID ${raw} is not one of the client's Filer IDs on record (${ctx.filerIds.join(', ')}).`, '47 C.F.R. § 64.2009(e)', 'Check the Filer ID against the client record and Form 499-A.', text, start, end),
      );
    else if (digits.length !== 6)
      out.push(
        make('filer-id-length', 'warning', `Filer IDs in public CPNI filings are six digits; ${raw} has ${digits.length} (six digits is observed, not confirmed by the FCC).`, 'FCC Form 499-A line 101', 'Check the Filer ID against Form 499-A.', text, start, end),
      );
  }
  return out;
};

export const signatoryTitle: Check = (doc, ctx) => {
  const { text } = doc;
  const out: Finding[] = [];
  let printed = false;
  const lines = [...text.matchAll(/^.*$/gm)];
  lines.forEach((line, i) => {
    const body = line[0].trim();
    const previous = (lines[i - 1]?.[0] ?? '').trim();
    const labelled = /^(?:title\s+of\s+signatory|signatory['’]?s?\s+title)\s*:\s*(.+)$/i.exec(body);
    const plain = /^(?:title|its)\s*:\s*(.+)$/i.exec(body);
    const m = labelled ?? (plain && /^(?:name(?:\s+of\s+signatory)?|by|signature|signed|printed\s+name)\s*:|^\/s\/|^name\s*:/i.test(previous) ? plain : null);
    if (!m) return;
    printed = true;
    const title = m[1]!.trim();
    const kind = officerTitleKind(title);
    if (kind === 'officer') return;
    const start = line.index + line[0].lastIndexOf(title);
    out.push(make('signatory-not-officer', kind === 'maybe' ? 'warning' : 'error', titleMessage(title, kind), CERT_RULE, NOT_OFFICER_FIX, text, start, start + title.length));
  });
  // "I, Tom Reeder, Owner of Reeder Long Distance LLC, certify …": the title in the certificate itself.
  if (!printed)
    for (const m of text.matchAll(/\bI,\s+[A-Z][^,\n]{2,40},\s+((?:the\s+)?[A-Z][^,\n]{1,60}?)\s+of\s+[^,\n]{2,80},?\s+(?:do\s+)?(?:hereby\s+)?certif/g)) {
      printed = true;
      const t = m[1]!.replace(/^the\s+/i, '').trim();
      const kind = officerTitleKind(t);
      if (kind === 'officer') continue;
      const start = m.index + m[0].indexOf(m[1]!) + (m[1]!.length - m[1]!.replace(/^the\s+/i, '').length);
      out.push(make('signatory-not-officer', kind === 'maybe' ? 'warning' : 'error', titleMessage(t, kind), CERT_RULE, NOT_OFFICER_FIX, text, start, start + t.length));
    }
  const title = ctx.signatoryTitle?.trim();
  if (!printed && title !== undefined) {
    const kind = officerTitleKind(title);
    if (kind !== 'officer') out.push(about('signatory-not-officer', kind === 'maybe' ? 'warning' : 'error', titleMessage(title, kind), CERT_RULE, NOT_OFFICER_FIX, title));
  }
  return out;
};

export const DATE_RULE = '47 C.F.R. § 64.2009(e); § 1.4(j)';

/** The date checks shared by the text lint and the field lint; `where` places each finding. */
export function dateFindings(
  filed: IsoDate | undefined,
  signed: IsoDate | undefined,
  filingYear: number,
  ctx: LintContext,
  where: (what: 'filed' | 'signed') => (id: string, message: string, fix: string) => Finding | undefined,
): Finding[] {
  const out: (Finding | undefined)[] = [];
  if (filed && signed && signed > filed)
    out.push(where('signed')('signature-after-filing', `The signature date (${formatLong(signed)}) is after the date filed (${formatLong(filed)}).`, 'The officer signs on or before the day the certification is filed.'));
  if (filed && filed > ctx.dueDate)
    out.push(where('filed')('filed-after-due-date', `The date filed (${formatLong(filed)}) is after the due date, ${weekdayName(ctx.dueDate)}, ${formatLong(ctx.dueDate)} (§ 64.2009(e): on or before March 1; § 1.4(j)).`, `File on or before ${formatLong(ctx.dueDate)}; if the filing is already late, file now and explain.`));
  if (filed && filed < makeDate(filingYear, 1, 1))
    out.push(where('filed')('filed-before-year-end', `The date filed (${formatLong(filed)}) is before the end of calendar year ${filingYear - 1}, the year the certification covers.`, `File between January 1 and ${formatLong(ctx.dueDate)}.`));
  return out.filter((f): f is Finding => !!f);
}

export const dates: Check = (doc, ctx) => {
  const { text } = doc;
  const out: Finding[] = [];
  const { filedAt, signedAt, filed, signed } = printedDates(text, ctx.filingYear);
  if (filed && ctx.dateFiled && filed !== ctx.dateFiled)
    out.push(make('date-filed-mismatch', 'error', `The text says the certification was filed on ${formatLong(filed)}, but the record says ${formatLong(ctx.dateFiled)}.`, DATE_RULE, 'Make the date filed the actual ECFS submission date, everywhere it appears.', text, filedAt!.start, filedAt!.end));
  if (signed && ctx.signatureDate && signed !== ctx.signatureDate)
    out.push(make('signature-date-mismatch', 'error', `The text says the certification was signed on ${formatLong(signed)}, but the record says ${formatLong(ctx.signatureDate)}.`, DATE_RULE, 'Use one signature date everywhere.', text, signedAt!.start, signedAt!.end));
  const fileDate = filed || ctx.dateFiled || undefined;
  const signDate = signed || ctx.signatureDate || undefined;
  out.push(
    ...dateFindings(fileDate, signDate, ctx.filingYear, ctx, (what) => (id, message, fix) => {
      const at = what === 'signed' ? (signed ? signedAt : undefined) : filed ? filedAt : undefined;
      if (at) return make(id, 'error', message, DATE_RULE, fix, text, at.start, at.end);
      return about(id, 'error', message, DATE_RULE, fix, (what === 'signed' ? signDate : fileDate) ?? '');
    }),
  );
  // A copied "March 1" in a year when March 1 falls on a weekend (§ 1.4(j)).
  const dueRe = new RegExp(String.raw`\b(?:due|deadline)\b[^.\n]{0,30}?((?:${MONTH})\.?\s+\d{1,2}(?:,?\s+\d{4})?)`, 'gi');
  for (const m of text.matchAll(dueRe)) {
    const value = m[1]!;
    const withYear = /\d{4}$/.test(value) ? value : `${value}, ${ctx.filingYear}`;
    const d = parseWrittenDate(withYear);
    if (!d || d.slice(0, 4) !== String(ctx.filingYear) || d === ctx.dueDate) continue;
    const start = m.index + m[0].length - value.length;
    const sentence = sentenceAt(doc, m.index)?.text ?? '';
    if (d.slice(5) !== '03-01') {
      // "due March 31", "on or before April 1": not the date § 64.2009(e) sets. Only a date the
      // due date is given as, in a sentence about the certification ("due to an outage on
      // January 15", "training is due by June 30" are other things).
      const between = m[0].slice(/^\w+/.exec(m[0])![0].length, m[0].length - value.length);
      if (!/^\s*(?:(?:is|was|date\s+is)\s+)?(?:on\s+or\s+before|no\s+later\s+than|by|on|of)?\s*:?\s*$/i.test(between) || !/\bcertif\w*|\bECFS\b|64\.2009/i.test(sentence) || /\bannual\s+summary|\bbreach/i.test(sentence))
        continue;
      out.push(
        make(
          'due-date-wrong',
          'error',
          `The certification is due on or before March 1 (§ 64.2009(e)), not ${collapse(value)}${ctx.dueDate.slice(5) === '03-01' ? '' : `; this year § 1.4(j) moves it to ${weekdayName(ctx.dueDate)}, ${formatLong(ctx.dueDate)}`}.`,
          '47 C.F.R. § 64.2009(e)',
          `Write ${ctx.dueDate.slice(5) === '03-01' ? 'March 1' : formatLong(ctx.dueDate)}.`,
          text,
          start,
          start + value.length,
        ),
      );
      continue;
    }
    // "due on March 1 each year": the rule's own date, stated in general, is right.
    if (!/\d{4}$/.test(value) && /\beach\s+year|\bevery\s+year|\bannual(?:ly)?\b|\bpreceding\b|\bprior\s+(?:calendar\s+)?year/i.test(sentence)) continue;
    out.push(
      make(
        'due-date-stated',
        'warning',
        `The due date this year is ${weekdayName(ctx.dueDate)}, ${formatLong(ctx.dueDate)}${d.slice(5) === '03-01' ? `: March 1, ${ctx.filingYear} is a ${weekdayName(d)}, so § 1.4(j) moves the deadline to the next business day` : ` (§ 64.2009(e): March 1, moved by § 1.4(j) only when it falls on a weekend or holiday)`}.`,
        '47 C.F.R. §§ 64.2009(e), 1.4(j)',
        `Write ${formatLong(ctx.dueDate)}.`,
        text,
        start,
        start + value.length,
      ),
    );
  }
  return out;
};

// -- a complete filing pasted in ------------------------------------------------------------------

/** Pitfall 4: the cover letter's date is the date filed. */
export const coverLetter: Check = (doc, ctx) => {
  const { filedAt, filed, cover, coverDate } = printedDates(doc.text, ctx.filingYear);
  if (!cover || !coverDate || !filed || !filedAt || coverDate === filed) return [];
  return [
    make(
      'cover-letter-date-mismatch',
      'error',
      `"Date filed" says ${formatLong(filed)}, but the cover letter (line ${lineOf(doc.text, cover.start)}) is dated ${formatLong(coverDate)}; the date filed is the day the certification is submitted, the same day the cover letter carries.`,
      DATE_RULE,
      'Use the actual ECFS submission date in both places.',
      doc.text,
      filedAt.start,
      filedAt.end,
    ),
  ];
};

/** An empty "Signed:" line: the filed certification carries the officer's signature (§ 64.2009(e)). */
export const signatureLine: Check = (doc) =>
  [...doc.text.matchAll(/^[ \t]*(?:signed|signature|signed\s+by|by)[ \t]*:[ \t_]*$/gim)].map((m) => {
    const start = m.index + m[0].length - m[0].trimStart().length;
    return make(
      'signature-missing',
      'error',
      'The signature line is empty: the certification must be signed by an officer of the company (§ 64.2009(e)). An unsigned certificate is not a filing.',
      CERT_RULE,
      'Have the officer sign (a typed "/s/ Name" is common on ECFS) before filing.',
      doc.text,
      start,
      start + m[0].trim().length,
    );
  });

/** A draft marked as such ("DRAFT — not signed") is not a filing. */
export const draftMark: Check = (doc) => {
  const m = /\bDRAFT\s*[—–-]\s*not\s+signed\b/i.exec(doc.text);
  if (!m) return [];
  return [
    make(
      'unsigned-draft',
      'error',
      'This is a draft marked "not signed": the certification filed must be signed by an officer of the company (§ 64.2009(e)).',
      CERT_RULE,
      'File the signed version, not the draft.',
      doc.text,
      m.index,
      m.index + m[0].length,
    ),
  ];
};

/** The template's paragraph on pretexters' methods and the steps taken (EB template, § 64.2009(e)). */
export const pretexterStatement: Check = (doc) =>
  /\bpretext\w*/i.test(doc.text)
    ? []
    : [
        make(
          'pretexter-statement-missing',
          'warning',
          'The filing says nothing about pretexters: the Enforcement Bureau\'s template for the § 64.2009(e) certification asks for any information the company has about pretexters\' methods and the steps it takes to protect CPNI. Not a rule text requirement, but expected.',
          CERT_RULE,
          'Add, for example: "The Company has no information about the methods pretexters use beyond …; it protects CPNI by …".',
          doc.text,
        ),
      ];

/** Pitfall 7: the officer's certification says officer, agent, personal knowledge. */
export const certificationLanguage: Check = (doc) => {
  const cert = doc.sentences.find((s) => /\bcertif(?:y|ies)\b/i.test(s.text) && /\bofficer\b|\bI,\s|\bundersigned\b/i.test(s.text));
  if (!cert) return [];
  // The certificate's paragraphs: from the "I certify" sentence on, about a page of text.
  const block = doc.text.slice(cert.block.start, cert.start + 1500);
  const missing = [
    !/\bofficer\b/i.test(block) && 'that the signer is an officer of the company',
    !/\bagent\b/i.test(block) && 'that the officer acts as an agent of the company',
    !/\bpersonal\s+knowledge\b/i.test(block) && 'that the officer has personal knowledge',
    !/\bprocedures\b[^.]*\badequate\b|\badequate\b[^.]*\bprocedures\b/i.test(block) && 'that the operating procedures are adequate to ensure compliance',
  ].filter((x): x is string => !!x);
  if (!missing.length) return [];
  return [
    make(
      'certification-language-missing',
      'error',
      `The officer's certification must say ${missing.join(', ')} (§ 64.2009(e)).`,
      CERT_RULE,
      'Restore the certification paragraph\'s officer, agent and personal-knowledge language.',
      doc.text,
      cert.start,
      cert.end,
    ),
  ];
};

/** The selected client's Filer IDs appear in the filing. */
export const clientFilerIds: Check = (doc, ctx) => {
  if (!ctx.filerIds.length || !/\bfiler\s*id/i.test(doc.text)) return [];
  const printed = [...doc.text.matchAll(/\bfiler\s*(?:id|identification)[^\n\d]{0,30}(\d{5,7})\b/gi)].map((m) => m[1]);
  const absent = ctx.filerIds.filter((id) => id && !printed.includes(id));
  if (!absent.length) return [];
  return [
    make(
      'client-filer-id-not-printed',
      'warning',
      `The client's Filer ID${absent.length > 1 ? 's' : ''} ${absent.join(', ')} ${absent.length > 1 ? 'are' : 'is'} not printed: each company the certification covers is listed with its own Form 499 Filer ID (§ 64.2009(e)).`,
      CERT_RULE,
      'List every company covered with its Filer ID, or choose the right client.',
      doc.text,
    ),
  ];
};

export const FILING_CHECKS: Check[] = [coverLetter, signatureLine, draftMark, pretexterStatement, certificationLanguage, clientFilerIds];
