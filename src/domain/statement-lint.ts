/**
 * Lint of the final certification text, the user's own edits included: each known pitfall in
 * real filings becomes a finding with the offending text, the rule and a fix.
 * Errors are things that make a filing wrong and block export unless overridden with a
 * recorded reason; warnings don't block.
 *
 * The checks read real prose: any case, wrapped lines, "§§", "Section 64.2009(e)",
 * "47 C.F.R. 64.2009(e)". Phrases that the rules forbid are not flagged when the sentence
 * denies them ("staff never prompt for the date of birth").
 */
import { findCitations, findSection, SUBPART_U_SECTIONS } from './citations';
import { formatLong, isIsoDate, makeDate, weekdayName, type IsoDate } from './dates';
import { looksLikeOfficerTitle } from './schema';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** The check that fired (stable: use it, with the excerpt, to key an override). */
  id: string;
  severity: Severity;
  message: string;
  /** The offending text, whitespace collapsed; '' when the finding is about something missing. */
  excerpt: string;
  /** The rule, e.g. '47 C.F.R. § 64.2011(b)'. */
  rule: string;
  fix: string;
  /** Offsets into the linted text, when the finding points at text. */
  start?: number;
  end?: number;
}

export interface LintContext {
  filingYear: number;
  coveredYear: number;
  /** The § 1.4(j) due date of this filing. */
  dueDate: IsoDate;
  breachRule: '2007' | '2023';
  frns: string[];
  filerIds: string[];
  signatoryTitle?: string;
  signatureDate?: IsoDate;
  dateFiled?: IsoDate;
}

// ---- text segmentation -------------------------------------------------------------------------

export interface Segment {
  text: string;
  start: number;
  end: number;
}

const ABBREVIATION =
  /(?:^|[\s(])(?:u\.s|no|nos|inc|corp|co|ltd|llc|l\.l\.c|mr|ms|mrs|dr|st|sec|secs|para|v|vs|e\.g|i\.e|c\.f\.r|u\.s\.c|fed|reg|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|approx|al|p\.o|a\.m|p\.m|ph\.d)\.$/i;

/** Sentences (and headings, list items, paragraphs) with their offsets in the text. */
export function segmentSentences(text: string): Segment[] {
  const out: Segment[] = [];
  let from = 0;
  const push = (end: number) => {
    const raw = text.slice(from, end);
    // Leading whitespace and a list marker ("1. ", "(a) ", "- ") are not part of the sentence.
    const lead = raw.length - raw.replace(/^\s*(?:(?:\d{1,3}|[a-z]|[ivx]{1,4})\.\s+|\([a-z0-9]{1,3}\)\s+|[-•*]\s+)?/i, '').length;
    const trimmed = raw.slice(lead).trimEnd();
    if (trimmed) out.push({ text: trimmed, start: from + lead, end: from + lead + trimmed.length });
  };
  const boundary = /([.!?])(["'”’)\]]*)(\s+)(?=\S)|\n[ \t]*\n|\n(?=[ \t]*(?:\d{1,2}\.\s|[-•*]\s|\([a-z0-9]{1,3}\)\s))/g;
  for (const m of text.matchAll(boundary)) {
    const at = m.index;
    if (m[1]) {
      const before = text.slice(Math.max(0, at - 12), at + 1);
      const next = text[at + m[0].length] ?? '';
      // "1. Heading": a list number, not the end of a sentence.
      const listNumber = /^(?:\d{1,3}|[a-z]|[ivx]{1,4})$/i.test(text.slice(from, at).trim());
      if (ABBREVIATION.test(before) || /[a-z]/.test(next) || listNumber) continue;
      const end = at + 1 + (m[2]?.length ?? 0);
      push(end);
      from = end;
    } else {
      push(at);
      from = at;
    }
  }
  push(text.length);
  return out;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A finding that points at text[start, end), or (without offsets) at something missing. */
function make(
  id: string,
  severity: Severity,
  message: string,
  rule: string,
  fix: string,
  text: string,
  start?: number,
  end?: number,
): Finding {
  if (start === undefined || end === undefined) return { id, severity, message, excerpt: '', rule, fix };
  return { id, severity, message, excerpt: collapse(text.slice(start, end)), rule, fix, start, end };
}

/** A finding about a value from the context or the fields, not from the text. */
function about(id: string, severity: Severity, message: string, rule: string, fix: string, excerpt: string): Finding {
  return { id, severity, message, excerpt, rule, fix };
}

function forSegment(id: string, severity: Severity, message: string, rule: string, fix: string, text: string, s: Segment): Finding {
  return make(id, severity, message, rule, fix, text, s.start, s.end);
}

// ---- negation ------------------------------------------------------------------------------------

const NEGATOR = String.raw`(?:\b(?:not|never|no|without|nor|neither|cannot)\b|n['’]t\b)`;
const NEGATED_VERB = new RegExp(
  `${NEGATOR}\\s+(?:[\\w'’-]+\\s+){0,3}?(?:use[sd]?|using|ask\\w*|prompt\\w*|request\\w*|rel(?:y|ies|ied|ying)|based?|accept\\w*|requir\\w*|permit\\w*|allow\\w*|referenc\\w*|includ\\w*|be|is|are|contain\\w*|collect\\w*|need\\w*|disclos\\w*|sent|send\\w*|go(?:es)?|mail\\w*|reveal\\w*|show\\w*|stat\\w*|list\\w*|display\\w*|given|give[sn]?|treat\\w*|appl(?:y|ies)|provid\\w*|offer\\w*|mandat\\w*|obligat\\w*|repeat\\w*|confirm\\w*|oral(?:ly)?|to)\\b`,
  'i',
);
const STRONG_NEGATOR = /\b(?:never|prohibit\w*|forbid\w*|no\s+longer|may\s+not|must\s+not|shall\s+not)\b/i;

/** Whether the part of a sentence before `at` denies what follows. */
function deniedBefore(sentence: string, at: number): boolean {
  let head = sentence.slice(0, at);
  // "If the customer does not know the password, the representative asks for …": the
  // negation belongs to the subordinate clause, not to what follows the comma.
  if (/^\s*(?:if|when|whenever|unless|where|after|before|once|while|because|since)\b/i.test(head) && head.includes(','))
    head = head.slice(head.indexOf(',') + 1);
  const turn = [...head.matchAll(/\b(?:but|however|instead|yet|except\s+that)\b|;/gi)].at(-1);
  if (turn) head = head.slice(turn.index + turn[0].length);
  return NEGATED_VERB.test(head) || STRONG_NEGATOR.test(head) || new RegExp(`${NEGATOR}\\s*$`, 'i').test(head.trimEnd() + ' ');
}

// ---- vocabulary ----------------------------------------------------------------------------------

const BIOGRAPHICAL =
  /\b(?:social\s+security(?:\s+(?:number|no\.?))?|SSNs?|last\s+(?:four|4)(?:\s+digits)?|date\s+of\s+birth|birth\s*date|birthday|DOB|mother['’]?s\s+maiden\s+name|maiden\s+name)\b/i;
const AUTH_CONTEXT =
  /\b(?:password|passcode|pass\s+code|PIN|back-?\s?up|security\s+question|secret\s+question|challenge|authenticat\w*|verif\w*|identif\w*|prompt\w*|hint|recover\w*|reset\w*|log\s*in|sign\s*in)\b/i;
const OPT_OUT = /\bopt(?:ing|s|ed)?[\s-]*out\b/i;
const OPT_IN = /\bopt(?:ing|s|ed)?[\s-]*in\b/i;
const BREACH = /\bbreach/i;
const AGENCY = /\b(?:USSS|Secret\s+Service|FBI|Federal\s+Bureau\s+of\s+Investigation)\b/i;
const FCC = String.raw`(?:(?<![\w./])FCC(?!\.gov|[\w/'’-])|Federal\s+Communications\s+Commission(?!['’]s)|\bCommission(?!['’]s))`;
const FCC_WITH_AGENCIES = new RegExp(
  String.raw`${FCC}[^.;]{0,40}?(?:,|\band\b)\s+(?:the\s+)?(?:U\.?\s?S\.?\s+|United\s+States\s+)?(?:Secret\s+Service|USSS|FBI|Federal\s+Bureau)|(?:Secret\s+Service|USSS|FBI|Federal\s+Bureau\s+of\s+Investigation)[^.;]{0,60}?(?:,|\band\b)\s+(?:to\s+)?(?:the\s+)?${FCC}|\b(?:notif\w*|report\w*|notice\s+to)\s+(?:\w+\s+){0,3}?(?:the\s+)?${FCC}`,
  'i',
);
const NOT_IN_EFFECT = /\b(?:not\s+(?:yet\s+)?(?:in\s+effect|effective|taken\s+effect|in\s+force)|(?:has|have)\s+not\s+(?:yet\s+)?(?:taken|gone\s+into|come\s+into)\s+(?:effect|force)|indefinitely\s+delayed|(?:effective\s+date|compliance\s+date)\s+(?:is\s+)?(?:pending|not\s+yet)|(?:when|once|after|until)\s+(?:they|it|the\s+\w+\s+\w*)\s*(?:take|takes|become|becomes)\s+(?:effect|effective))\b/i;

// ---- the checks ----------------------------------------------------------------------------------

type Check = (text: string, sentences: Segment[], ctx: LintContext) => Finding[];

const CERT_RULE = '47 C.F.R. § 64.2009(e)';

const citations: Check = (text, sentences) => {
  const out: Finding[] = [];
  for (const c of findCitations(text)) {
    const sentence = sentences.find((s) => s.start <= c.start && c.start < s.end)?.text ?? '';
    // "Annual 64.20xx(x) CPNI Certification": the citation names the certification itself.
    const namesCertification = /^\s*(?:CPNI\s+)?(?:compliance\s+)?certification/i.test(text.slice(c.end, c.end + 40));
    const inCertContext = namesCertification || (/certif/i.test(sentence) && !/password|back-?\s?up|authenticat/i.test(sentence));
    const top = c.paragraphs[0];
    const { section } = c;
    const known = findSection(section);
    if (!known) {
      out.push(
        make(
          'citation-unknown-section',
          'error',
          `§ ${section} does not exist. Subpart U has §§ ${SUBPART_U_SECTIONS.map((x) => x.section).join(', ')}${['64.2002', '64.2004', '64.2006'].includes(section) ? ` (§ ${section} existed only in the 2016 rules that Congress nullified in 2017)` : ''}.`,
          '47 C.F.R. Part 64, Subpart U',
          inCertContext ? 'Cite § 64.2009(e) for the certification.' : 'Cite the section that states the requirement (see the list of Subpart U sections).',
          text,
          c.start,
          c.end,
        ),
      );
      continue;
    }
    if (top && !known.paragraphs.includes(top)) {
      out.push(
        make(
          'citation-unknown-paragraph',
          'error',
          `§ ${section}(${top}) does not exist.${inCertContext ? ' The annual certification is required by § 64.2009(e).' : ''}`,
          `47 C.F.R. § ${section}`,
          inCertContext ? 'Cite § 64.2009(e) for the certification.' : `Cite an existing paragraph of § ${section}.`,
          text,
          c.start,
          c.end,
        ),
      );
      continue;
    }
    const isCertRule = section === '64.2009' && top === 'e';
    const isPasswordRule = section === '64.2010' && top === 'e';
    if (!isCertRule && (namesCertification || (inCertContext && isPasswordRule))) {
      out.push(
        make(
          'citation-wrong-certification-section',
          'error',
          `The certification is required by § 64.2009(e), not § ${section}${top ? `(${top})` : ''}${isPasswordRule ? ' (which covers password setup)' : ''}.`,
          CERT_RULE,
          'Replace the citation with § 64.2009(e).',
          text,
          c.start,
          c.end,
        ),
      );
    }
  }
  return out;
};

const SEVEN_DAYS = /\b(?:seven|7)(?:\s*\(7\))?[\s-]+(?:full[\s-]+)?(?:calendar[\s-]+)?days?\b/gi;
const FIVE_DAYS = /\b(?:five|5)(?:\s*\(5\))?[\s-]+(?:calendar[\s-]+)?days?\b/gi;

const businessDays: Check = (text, sentences) => {
  const out: Finding[] = [];
  for (const s of sentences) {
    if (/breach|USSS|Secret\s+Service|FBI|Federal\s+Bureau|law\s+enforcement|64\.2011|reporting\s+facility/i.test(s.text))
      for (const m of s.text.matchAll(SEVEN_DAYS))
        out.push(
          make(
            'breach-business-days',
            'error',
            `"${collapse(m[0])}": the breach rule counts seven business days (agency notice within seven business days; under the 2007 rule, customers wait seven full business days).`,
            '47 C.F.R. § 64.2011',
            'Write "seven business days" (or "seven full business days" for the 2007 customer wait).',
            text,
            s.start + m.index,
            s.start + m.index + m[0].length,
          ),
        );
    if (/opt[\s-]*out|64\.2009\s*\(f\)|letter|notif|notice|FCC|Commission/i.test(s.text))
      for (const m of s.text.matchAll(FIVE_DAYS))
        out.push(
          make(
            'opt-out-letter-business-days',
            'error',
            `"${collapse(m[0])}": the notice to the FCC when opt-out mechanisms fail is due within five business days.`,
            '47 C.F.R. § 64.2009(f)',
            'Write "five business days".',
            text,
            s.start + m.index,
            s.start + m.index + m[0].length,
          ),
        );
  }
  return out;
};

const optInInFailureDuty: Check = (text, sentences) =>
  sentences
    .filter((s) => OPT_IN.test(s.text) && /\bfail\w*|do(?:es)?\s+not\s+work|not\s+working|malfunction\w*|64\.2009\s*\(f\)|work\s+properly/i.test(s.text))
    .map((s) =>
      forSegment(
        'opt-in-in-opt-out-failure',
        'warning',
        'The § 64.2009(f) notice is about opt-out mechanisms that do not work properly, not opt-in.',
        '47 C.F.R. § 64.2009(f)',
        'Write "opt-out mechanisms".',
        text,
        s,
      ),
    );

const ANNUAL = /\b(?:annual(?:ly)?|yearly|each\s+year|every\s+year|once\s+a\s+year|every\s+(?:12|twelve)\s+months)\b/i;
const AUTHORITY_REQUIRES =
  /(?:\b(?:FCC|Commission|rules?|regulations?|law|64\.2009(?:\s*\(b\))?|Part\s+64)\b['’]?s?\s+(?:[\w'’-]+\s+){0,3}?(?:requir\w*|mandat\w*|obligat\w*)|\b(?:requir\w*|mandat\w*|obligat\w*)\s+(?:[\w'’-]+\s+){0,2}?(?:by|under)\s+(?:the\s+)?(?:FCC|Commission|rules?|regulations?|§|47\s+C\.?F\.?R|law|federal|CPNI\s+rules)|\bFCC[-\s](?:required|mandated))/i;

const annualTraining: Check = (text, sentences) =>
  sentences
    .filter((s) => /\btrain(?:ing|ed|s)?\b/i.test(s.text) && ANNUAL.test(s.text))
    .filter((s) => {
      const m = AUTHORITY_REQUIRES.exec(s.text);
      return m && !deniedBefore(s.text, m.index + m[0].length) && !/\bno\s+(?:set\s+)?frequency|\bnot\s+a\s+rule|\b(?:company|its|our|own)\s+(?:\w+\s+)?(?:practice|policy)\b|\bmatter\s+of\s+(?:company\s+)?(?:practice|policy)\b/i.test(s.text);
    })
    .map((s) =>
      forSegment(
        'annual-training-claim',
        'warning',
        'The FCC requires CPNI training but sets no frequency; do not say the FCC requires annual training.',
        '47 C.F.R. § 64.2009(b)',
        'Say training is given on a schedule the Company chooses, and label annual training as the Company\'s practice.',
        text,
        s,
      ),
    );

/**
 * Sentences of a password-setup or back-up-method answer that use biographical information
 * (the answer is about authentication already, so no other context is needed).
 */
export function findBiographicalPrompts(answer: string): Segment[] {
  return segmentSentences(answer).filter((s) => undeniedMatch(s.text, BIOGRAPHICAL));
}

/** The first match of `re` in the sentence that the sentence does not deny. */
function undeniedMatch(sentence: string, re: RegExp): RegExpExecArray | undefined {
  for (const m of sentence.matchAll(new RegExp(re.source, `${re.flags}g`))) if (!deniedBefore(sentence, m.index)) return m as RegExpExecArray;
  return undefined;
}

const biographicalPrompts: Check = (text, sentences) =>
  sentences.flatMap((s) => {
    const m = AUTH_CONTEXT.test(s.text) ? undeniedMatch(s.text, BIOGRAPHICAL) : undefined;
    if (!m) return [];
    return [
      forSegment(
        'biographical-prompt',
        'warning',
        `Passwords and back-up authentication must not prompt for readily available biographical or account information (here: "${collapse(m[0])}").`,
        '47 C.F.R. § 64.2010(b), (e)',
        'Use a password and a back-up question the customer chooses, neither prompted by biographical or account information.',
        text,
        s,
      ),
    ];
  });

const missingStatements: Check = (text, sentences) => {
  const out: Finding[] = [];
  const dataBroker = sentences.some(
    (s) => /\bdata[\s-]*brokers?\b/i.test(s.text) && /\b(?:actions?|proceedings?|petitions?|lawsuits?|suits?|instituted|filed|took|taken|none)\b/i.test(s.text),
  );
  if (!dataBroker)
    out.push(
      make(
        'data-broker-statement-missing',
        'error',
        'The filing must say whether the Company took any actions against data brokers in the covered year, even when it took none.',
        CERT_RULE,
        'Add, for example: "In calendar year [year], the Company took no actions against data brokers."',
        text,
      ),
    );
  const complaints = sentences.some(
    (s) => /\bcomplaints?\b/i.test(s.text) && /\b(?:receiv\w*|none|zero)\b|\bno\s+(?:\w+\s+){0,2}?complaints?\b|\b\d+\s+(?:\w+\s+){0,2}?complaints?\b/i.test(s.text),
  );
  if (!complaints)
    out.push(
      make(
        'complaint-statement-missing',
        'error',
        'The filing must summarize customer complaints about unauthorized release of CPNI in the covered year, or say affirmatively that there were none.',
        CERT_RULE,
        'Add, for example: "In calendar year [year], the Company received no customer complaints about the unauthorized release of CPNI."',
        text,
      ),
    );
  return out;
};

const TITLE_YEARS =
  /\bcertification\s+for\s+(?:the\s+)?(calendar\s+)?(?:year\s+)?(\d{4})(?:\s*,?\s*(?:covering|which\s+covers|for\s+data\s+pertaining\s+to)\s+(?:the\s+)?(?:prior\s+|previous\s+|preceding\s+)?(?:calendar\s+)?(?:year\s+)?(\d{4}))?/gi;
const COVERING = /\bcover(?:s|ing|ed)?\s+(?:the\s+)?(?:prior\s+|previous\s+|preceding\s+)?calendar\s+year\s+(\d{4})\b/gi;

const titleYears: Check = (text, _s, ctx) => {
  const out: Finding[] = [];
  const taken: [number, number][] = [];
  const rule = '47 C.F.R. § 64.2009(e) ("for data pertaining to the previous calendar year")';
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
      out.push(make('title-year-ambiguous', 'warning', `"for ${first}" alone is ambiguous: name the filing year and the covered year.`, rule, fix, text, start, end));
    }
    if (problems.length) out.push(make('title-years', 'error', `The title line's years do not match: ${problems.join('; ')}.`, rule, fix, text, start, end));
  }
  for (const m of text.matchAll(COVERING)) {
    const start = m.index;
    if (taken.some(([a, b]) => start >= a && start < b)) continue;
    if (Number(m[1]) !== ctx.coveredYear)
      out.push(make('title-years', 'error', `This filing covers calendar year ${ctx.coveredYear}, not ${m[1]}.`, rule, fix, text, start, start + m[0].length));
  }
  for (const m of text.matchAll(/\bfiscal\s+year\b/gi))
    out.push(
      make(
        'fiscal-year',
        'warning',
        'The certification covers the previous calendar year (January 1 to December 31), not a fiscal year.',
        rule,
        `Refer to calendar year ${ctx.coveredYear}.`,
        text,
        m.index,
        m.index + m[0].length,
      ),
    );
  return out;
};

const dockets: Check = (text, sentences) => {
  const out: Finding[] = [];
  const rule = '47 C.F.R. § 64.2009(e) (EB Docket No. 06-36)';
  const fix = 'Write "EB Docket No. 06-36".';
  for (const m of text.matchAll(/\bWCB?\s+Docket(?:\s+No\.?)?\s+06-36\b|\bWCB\s+Docket\b/gi))
    out.push(make('wrong-docket', 'error', `"${collapse(m[0])}": the certification is filed in EB Docket No. 06-36 (the Enforcement Bureau's docket).`, rule, fix, text, m.index, m.index + m[0].length));
  for (const m of text.matchAll(/\b(?:CC\s+Docket(?:\s+No\.?)?\s+96-115|WC\s+Docket(?:\s+No\.?)?\s+(?:04-36|22-21))\b/gi)) {
    const s = sentences.find((x) => x.start <= m.index && m.index < x.end);
    const line = text.slice(text.lastIndexOf('\n', m.index) + 1, (text.indexOf('\n', m.index) + 1 || text.length + 1) - 1);
    const asFilingDocket = line.trim().length <= 40 || (s && /\b(?:fil(?:e|ed|es|ing)|submit\w*|certification|proceeding)\b/i.test(s.text));
    if (asFilingDocket)
      out.push(
        make(
          'wrong-docket',
          'error',
          `"${collapse(m[0])}" is a rulemaking docket; the annual certification is filed in EB Docket No. 06-36.`,
          rule,
          fix,
          text,
          m.index,
          m.index + m[0].length,
        ),
      );
  }
  for (const m of text.matchAll(/(?<!\b(?:EB|WCB?)\s+)\bDocket(?:\s+No\.?)?\s+06-36\b/gi))
    out.push(make('docket-unqualified', 'warning', 'Name the docket in full.', rule, fix, text, m.index, m.index + m[0].length));
  return out;
};

const hedged: Check = (text) =>
  [...text.matchAll(/\b(?:substantial(?:ly)?|materially|generally|largely|mostly)\s+(?:in\s+)?complian(?:ce|t)\b|\bsubstantially\s+compl(?:y|ies)\b/gi)].map((m) =>
    make(
      'hedged-compliance',
      'warning',
      `"${collapse(m[0])}" hedges the conclusion: the statement must say the Company is in compliance, or explain why it is not.`,
      CERT_RULE,
      'Write "is in compliance", or "is not in compliance" with the reason.',
      text,
      m.index,
      m.index + m[0].length,
    ),
  );

const JV = /\b(?:joint[\s-]+ventures?(?:\s+partners?)?|JV\s+partners?|independent\s+contractors?|contractors?|(?:unaffiliated\s+)?third[\s-]+part(?:y|ies))\b/i;

const jvOptOut: Check = (text, sentences) =>
  sentences
    .filter((s) => {
      const o = OPT_OUT.exec(s.text);
      const j = JV.exec(s.text);
      if (!o || !j || OPT_IN.test(s.text)) return false;
      return !deniedBefore(s.text, Math.max(o.index, j.index));
    })
    .map((s) =>
      forSegment(
        'opt-out-for-third-parties',
        'warning',
        'Joint venture partners, independent contractors and other third parties may receive CPNI for marketing only with opt-in approval.',
        '47 C.F.R. § 64.2007(b)',
        'Use opt-in approval for them; keep opt-out for the Company, its agents and its affiliates that provide communications-related services.',
        text,
        s,
      ),
    );

const oralOptOut: Check = (text, sentences) =>
  sentences
    .filter((s) => {
      const oral = /\boral(?:ly)?\b/i.exec(s.text);
      if (!oral || !OPT_OUT.test(s.text) || !/notice|notif|inform/i.test(s.text)) return false;
      if (/one[\s-]+time|single\s+call|duration\s+of\s+(?:the|a|an)\s+(?:\w+\s+)?call|64\.2008\s*\(f\)/i.test(s.text)) return false;
      return !deniedBefore(s.text, oral.index);
    })
    .map((s) =>
      forSegment(
        'oral-opt-out-notice',
        'warning',
        'Opt-out notices must be written or electronic; oral notice is allowed only for one-time use of CPNI during a call.',
        '47 C.F.R. § 64.2008(d), (f)',
        'Send opt-out notices by mail or electronically; limit oral notice to one-time use for the length of the call.',
        text,
        s,
      ),
    );

const NEW_CONTACT =
  /\bto\s+(?:the\s+)?(?:customer['’]s\s+|account['’]s\s+)?(?:new|updated|newly[\s-]+\w+|changed)\s+(?:e-?mail(?:\s+address)?|address|mailing\s+address|phone(?:\s+number)?|telephone\s+number|number|contact(?:\s+information)?|device)/i;
const REVEALS =
  /\b(?:includ\w*|show\w*|stat(?:e|es|ing)|list\w*|display\w*|contain\w*|reveal\w*|confirm\w*|repeat\w*)\s+(?:the\s+)?(?:new|updated|changed)\s+(?:password|PIN|address|e-?mail|value|information|data|contact|number|answer)/i;

const accountChange: Check = (text, sentences) => {
  const out: Finding[] = [];
  for (const s of sentences) {
    if (!/chang|creat|updat|notice|notif|confirm/i.test(s.text)) continue;
    const n = NEW_CONTACT.exec(s.text);
    if (n && !deniedBefore(s.text, n.index))
      out.push(
        forSegment(
          'account-change-to-new-contact',
          'warning',
          'Account-change notices must not go to the new (changed) contact information.',
          '47 C.F.R. § 64.2010(f)',
          'Send the notice by carrier-originated voicemail or text to the telephone number of record, or by mail to the address of record (not the new one).',
          text,
          s,
        ),
      );
    const r = REVEALS.exec(s.text);
    if (r && !deniedBefore(s.text, r.index))
      out.push(
        forSegment(
          'account-change-reveals',
          'warning',
          'Account-change notices must not reveal the changed information.',
          '47 C.F.R. § 64.2010(f)',
          'Say only that the account changed, without the new value.',
          text,
          s,
        ),
      );
  }
  return out;
};

const subscriberList: Check = (text, sentences) =>
  sentences
    .filter((s) => {
      const m =
        /\bCPNI\b[^.]{0,60}?\b(includ\w*|cover\w*|encompass\w*|consists?\s+of|compris\w*)\b[^.]{0,160}?subscriber\s+list\s+information/i.exec(s.text) ??
        /subscriber\s+list\s+information\s+((?:is|are)\s+(?:also\s+)?(?:part\s+of\s+|a\s+form\s+of\s+|a\s+type\s+of\s+)?(?:CPNI|customer\s+proprietary))/i.exec(s.text);
      return m && !deniedBefore(s.text, m.index + m[0].indexOf(m[1]!));
    })
    .map((s) =>
      forSegment(
        'cpni-includes-subscriber-list',
        'warning',
        'CPNI does not include subscriber list information (47 U.S.C. 222(h)(1)).',
        '47 U.S.C. 222(h)(1); 47 C.F.R. § 64.2003',
        'Remove the statement, or say that subscriber list information is not CPNI.',
        text,
        s,
      ),
    );

const breachRule: Check = (text, sentences, ctx) => {
  const out: Finding[] = [];
  const rule = ctx.breachRule === '2023' ? '47 C.F.R. § 64.2011 (as amended by FCC 23-111)' : '47 C.F.R. § 64.2011 (2007 rule, in force)';
  const breachy = sentences.filter((s) => BREACH.test(s.text) || AGENCY.test(s.text) || /\b64\.2011\b|23-111/.test(s.text));
  if (ctx.breachRule === '2007') {
    const fix =
      'Describe the rule in force: notice to the USSS and FBI within seven business days through the central reporting facility, then a wait of seven full business days before notifying customers.';
    for (const s of breachy) {
      const denies = NOT_IN_EFFECT.test(s.text);
      const reasons: string[] = [];
      if (!denies && FCC_WITH_AGENCIES.test(s.text) && AGENCY.test(s.text) || !denies && BREACH.test(s.text) && new RegExp(String.raw`\b(?:notif\w*|report\w*)\s+(?:\w+\s+){0,3}?(?:the\s+)?${FCC}`, 'i').test(s.text))
        reasons.push('under the rule in force, breaches are reported to the USSS and FBI, not the FCC');
      if (!denies && /\b(?:within|no\s+later\s+than|not\s+later\s+than|in\s+no\s+case\s+more\s+than|no\s+more\s+than)\s+(?:30|thirty)(?:\s*\(30\))?\s+(?:calendar\s+)?days\b/i.test(s.text) && /customer|notif/i.test(s.text))
        reasons.push('the 30-day customer notice belongs to the 2023 amendments, which are not in effect');
      if (!denies && /\bcovered\s+data\b|fewer\s+than\s+500|\bannual\s+summary\b|harm[\s-]based/i.test(s.text))
        reasons.push('this describes the 2023 amendments, which are not in effect');
      if (!denies && /(?:2023|amended|new|23-111)[^.]{0,100}?(?:rules?|amendments?|requirements?|order)[^.]{0,60}?\b(?:is|are|took|takes|has\s+taken|have\s+taken|went|goes|now)\s+(?:in\s+|into\s+)?(?:effect|effective|in\s+force)/i.test(s.text))
        reasons.push('the 2023 amendments to § 64.2011 have not taken effect');
      if (reasons.length)
        out.push(forSegment('breach-rule-mismatch', 'error', `The breach paragraph does not match the rule in force (2007): ${reasons.join('; ')}.`, rule, fix, text, s));
    }
  } else {
    const fix =
      'Describe the 2023 rule: notice to the FCC, USSS and FBI within seven business days; customer notice without unreasonable delay and within 30 days, with no mandatory wait.';
    for (const s of breachy) {
      if (/\bfull\s+business\s+days\b|(?:wait\w*|until)\b[^.]{0,80}(?:seven|7)\s+business\s+days|(?:seven|7)\s+business\s+days\s+(?:have|has)\s+(?:passed|elapsed)/i.test(s.text) && !/no\s+longer|eliminat\w*|remov\w*|replac\w*/i.test(s.text))
        out.push(forSegment('breach-rule-mismatch', 'error', 'The 2023 rule removed the seven-business-day wait before customers are notified.', rule, fix, text, s));
      else if (/(?:2023|amended|23-111)/i.test(s.text) && NOT_IN_EFFECT.test(s.text))
        out.push(forSegment('breach-rule-mismatch', 'error', 'The 2023 amendments to § 64.2011 are in effect for this filing.', rule, fix, text, s));
    }
    const namesAgencies = breachy.find((s) => AGENCY.test(s.text));
    if (namesAgencies && !breachy.some((s) => FCC_WITH_AGENCIES.test(s.text)))
      out.push(
        forSegment(
          'breach-rule-mismatch',
          'error',
          'Under the 2023 rule, breaches are reported to the FCC as well as the USSS and FBI; the paragraph names only the USSS and FBI.',
          rule,
          fix,
          text,
          namesAgencies,
        ),
      );
  }
  return out;
};

const placeholders: Check = (text) =>
  [...text.matchAll(/\[(?:to\s+complete|tbd|todo|insert|x{2,})[^\]]*\]/gi)].map((m) =>
    make('placeholder', 'error', 'Text still to be completed: a filing must not carry bracketed placeholders.', CERT_RULE, 'Replace the bracketed text.', text, m.index, m.index + m[0].length),
  );

const bareAssertion: Check = (text) => {
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words >= 150 || !/procedures?/i.test(text)) return [];
  return [
    make(
      'bare-assertion',
      'warning',
      'The statement must explain how the operating procedures ensure compliance; saying that procedures exist is not enough.',
      CERT_RULE,
      'Describe, for each requirement, the process, who does it, the system used and the record kept.',
      text,
    ),
  ];
};

// -- the printed fields (title, Filer ID, signatory, dates) -------------------------------------

const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE = String.raw`(?:(?:${MONTH})\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})`;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 'March 2, 2026', 'Mar. 2 2026', '2026-03-02' or '3/2/2026' → '2026-03-02'. */
export function parseWrittenDate(s: string): IsoDate | undefined {
  const t = s.trim();
  if (isIsoDate(t)) return t;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) {
    const iso = `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : undefined;
  }
  m = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(t);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return undefined;
  const iso = `${m[3]}-${String(month).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

interface Located {
  value: string;
  start: number;
  end: number;
}

function firstLabelled(text: string, label: RegExp): Located | undefined {
  const re = new RegExp(`(?:${label.source})\\s*[:\\-–]?\\s*(${DATE})`, 'im');
  const m = re.exec(text);
  if (!m) return undefined;
  const value = m[1]!;
  const start = m.index + m[0].length - value.length;
  return { value, start, end: start + value.length };
}

const filerIds: Check = (text, _s, ctx) => {
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
          `${raw} looks like an FRN (10 digits${ctx.frns.includes(digits) ? ', and it is the client\'s FRN' : ''}), not a Form 499 Filer ID.`,
          '47 C.F.R. § 64.2009(e); FCC Form 499-A line 101',
          `Use the Form 499 Filer ID${ctx.filerIds.length ? ` (${ctx.filerIds.join(', ')})` : ''} from the company's Form 499-A.`,
          text,
          start,
          end,
        ),
      );
    else if (ctx.filerIds.length && !ctx.filerIds.includes(digits))
      out.push(
        make(
          'filer-id-unknown',
          'warning',
          `Filer ID ${raw} is not one of the Filer IDs on record (${ctx.filerIds.join(', ')}).`,
          '47 C.F.R. § 64.2009(e)',
          'Check the Filer ID against the client record and Form 499-A.',
          text,
          start,
          end,
        ),
      );
  }
  return out;
};

const NOT_OFFICER_FIX = 'Have an officer (president, CEO, vice president, secretary, treasurer…) sign, or override with the reason if the bylaws make this title an officer.';

function notOfficerMessage(title: string): string {
  return title
    ? `"${title}" is not an officer's title. An officer of the company, acting as its agent, must sign the certification.`
    : 'The signatory\'s title is missing. An officer of the company, acting as its agent, must sign the certification.';
}

const signatoryTitle: Check = (text, _s, ctx) => {
  const out: Finding[] = [];
  let printed = false;
  const lines = [...text.matchAll(/^.*$/gm)];
  lines.forEach((line, i) => {
    const body = line[0].trim();
    const previous = (lines[i - 1]?.[0] ?? '').trim();
    const labelled = /^(?:title\s+of\s+signatory|signatory['’]?s?\s+title)\s*:\s*(.+)$/i.exec(body);
    const plain = /^title\s*:\s*(.+)$/i.exec(body);
    const m = labelled ?? (plain && /^(?:name(?:\s+of\s+signatory)?|by|signature|signed)\s*:|^\/s\//i.test(previous) ? plain : null);
    if (!m) return;
    printed = true;
    const title = m[1]!.trim();
    if (looksLikeOfficerTitle(title)) return;
    const start = line.index + line[0].lastIndexOf(title);
    out.push(make('signatory-not-officer', 'error', notOfficerMessage(title), CERT_RULE, NOT_OFFICER_FIX, text, start, start + title.length));
  });
  const title = ctx.signatoryTitle?.trim();
  if (!printed && title !== undefined && !looksLikeOfficerTitle(title))
    out.push(about('signatory-not-officer', 'error', notOfficerMessage(title), CERT_RULE, NOT_OFFICER_FIX, title));
  return out;
};

const DATE_RULE = '47 C.F.R. § 64.2009(e); § 1.4(j)';

/** The date checks shared by the text lint and the field lint; `where` places each finding. */
function dateFindings(
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
    out.push(where('filed')('filed-after-due-date', `The date filed (${formatLong(filed)}) is after the due date, ${weekdayName(ctx.dueDate)}, ${formatLong(ctx.dueDate)}.`, `File on or before ${formatLong(ctx.dueDate)}; if the filing is already late, file now and explain.`));
  if (filed && filed < makeDate(filingYear, 1, 1))
    out.push(where('filed')('filed-before-year-end', `The date filed (${formatLong(filed)}) is before the end of calendar year ${filingYear - 1}, the year the certification covers.`, `File between January 1 and ${formatLong(ctx.dueDate)}.`));
  return out.filter((f): f is Finding => !!f);
}

const dates: Check = (text, _s, ctx) => {
  const out: Finding[] = [];
  const filedAt = firstLabelled(text, /\bdate\s+filed|\bfiling\s+date/);
  const signedAt = firstLabelled(text, /\bdate\s+signed|\bsignature\s+date|\bdate\s+of\s+signature|\bsigned\s+on|^[ \t]*dated/m);
  const filed = filedAt && parseWrittenDate(filedAt.value);
  const signed = signedAt && parseWrittenDate(signedAt.value);
  if (filed && ctx.dateFiled && filed !== ctx.dateFiled)
    out.push(make('date-filed-mismatch', 'error', `The text says the certification was filed on ${formatLong(filed)}, but the record says ${formatLong(ctx.dateFiled)}.`, DATE_RULE, 'Make the date filed the actual ECFS submission date, everywhere it appears.', text, filedAt.start, filedAt.end));
  if (signed && ctx.signatureDate && signed !== ctx.signatureDate)
    out.push(make('signature-date-mismatch', 'error', `The text says the certification was signed on ${formatLong(signed)}, but the record says ${formatLong(ctx.signatureDate)}.`, DATE_RULE, 'Use one signature date everywhere.', text, signedAt.start, signedAt.end));
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
    if (!d || d.slice(0, 4) !== String(ctx.filingYear) || d.slice(5, 7) !== ctx.dueDate.slice(5, 7) || d === ctx.dueDate) continue;
    const start = m.index + m[0].length - value.length;
    out.push(
      make(
        'due-date-stated',
        'warning',
        `The due date this year is ${weekdayName(ctx.dueDate)}, ${formatLong(ctx.dueDate)}${d.slice(5) === '03-01' ? `: March 1, ${ctx.filingYear} is a ${weekdayName(d)}, so § 1.4(j) moves the deadline to the next business day` : ''}.`,
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

const CHECKS: Check[] = [
  citations, businessDays, optInInFailureDuty, annualTraining, biographicalPrompts, missingStatements, titleYears,
  dockets, hedged, jvOptOut, oralOptOut, accountChange, subscriberList, breachRule, placeholders, bareAssertion,
  filerIds, signatoryTitle, dates,
];

/**
 * Lint the final text of the certification package or the accompanying statement. The
 * signatory title and dates in `ctx` are checked where the text does not print them, and
 * compared with what it prints where it does. A value from `ctx` gives a finding without
 * offsets whose excerpt is the value, the same as `lintCertification` gives, so
 * `mergeFindings` reports it once.
 */
export function lintStatement(text: string, ctx: LintContext): Finding[] {
  const sentences = segmentSentences(text);
  const findings = CHECKS.flatMap((check) => check(text, sentences, ctx));
  return findings.sort((a, b) => (a.start ?? -1) - (b.start ?? -1) || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
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
  if (fields.titleLine) for (const f of titleYears(fields.titleLine, [], ctx)) out.push({ ...f, start: undefined, end: undefined });
  if (fields.titleLine) for (const f of citations(fields.titleLine, segmentSentences(fields.titleLine), ctx)) out.push({ ...f, start: undefined, end: undefined });
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
  if (!looksLikeOfficerTitle(fields.signatoryTitle))
    out.push(about('signatory-not-officer', 'error', notOfficerMessage(fields.signatoryTitle.trim()), CERT_RULE, NOT_OFFICER_FIX, fields.signatoryTitle.trim()));
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
