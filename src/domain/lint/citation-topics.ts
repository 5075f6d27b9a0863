/**
 * Pitfall 1, second half: a citation that exists but belongs to another duty ("records of all
 * breaches are kept for two years, § 64.2011(c)"). A sentence about one well-defined duty that
 * cites Subpart U, but never the paragraph of that duty, gets a warning naming the right one
 * (never an error: the paragraph exists, and the text may have a reason the checker cannot
 * see). A sentence that reads as more than one of these duties is left alone.
 */
import { cite, findCitations, findSection, type CitationMatch } from '../citations';
import { TOPIC_PATTERNS } from './topics';
import { make } from './text';
import type { Check, Finding, LintContext } from './types';

interface Duty {
  /** What the sentence is about, in the words of the finding. */
  what: string;
  /** The sentence is about this duty. */
  about: (sentence: string) => boolean;
  section: string;
  paragraph: string;
  /** Other paragraphs of the section a sentence on this duty may fairly cite. */
  also?: readonly string[];
  /** Only while this version of the breach rule applies (the 2023 rule renumbers § 64.2011). */
  breachRule?: LintContext['breachRule'];
}

const KEPT = /\b(?:keeps?|kept|retain\w*|maintain\w*|preserv\w*)\b/i;
const RECORDS = /\b(?:records?|logs?|documentation)\b/i;
const NOTIFIES = /\b(?:notif\w*|notices?|letters?|informs?|informed|alerts?|alerted|report(?:s|ed|ing)?|writing|written)\b/i;

const DUTIES: readonly Duty[] = [
  {
    what: 'records of breaches',
    about: (s) => /\bbreach\w*/i.test(s) && RECORDS.test(s) && KEPT.test(s),
    section: '64.2011',
    paragraph: 'd',
    breachRule: '2007',
  },
  {
    what: 'the letter to the Commission when opt-out mechanisms fail',
    about: (s) => TOPIC_PATTERNS.optOutFailure.test(s) && NOTIFIES.test(s),
    section: '64.2009',
    paragraph: 'f',
  },
  {
    what: 'records of sales and marketing campaigns',
    about: (s) => /\b(?:campaigns?|marketing)\b/i.test(s) && RECORDS.test(s) && KEPT.test(s) && !/\bbreach|\bsupervis/i.test(s),
    section: '64.2009',
    paragraph: 'c',
  },
  {
    what: 'supervisory review of outbound marketing',
    about: (s) => /\bsupervis\w*/i.test(s) && /\b(?:market\w*|outbound|solicit\w*)/i.test(s),
    section: '64.2009',
    paragraph: 'd',
  },
  {
    what: 'the opt-out notice every two years',
    about: (s) => /\bopt[\s-]*out\b/i.test(s) && /\bnotices?\b/i.test(s) && /\bevery\s+(?:two|2|other)\s+years?\b|\bbiennial\w*|\b(?:two|2)[\s-]+year\b/i.test(s),
    section: '64.2008',
    paragraph: 'd',
  },
  // Duties named here so that a sentence on two of them (breach records and the agency notice,
  // password setup and change notices, approval and campaign records) is left alone.
  {
    what: 'the notice of a breach to the USSS and the FBI',
    about: (s) => /\b(?:USSS|Secret\s+Service|FBI|law\s+enforcement|reporting\s+facility)\b/i.test(s) && NOTIFIES.test(s),
    section: '64.2011',
    paragraph: 'b',
    also: ['a', 'c'],
    breachRule: '2007',
  },
  {
    what: 'setting up passwords',
    about: (s) => /\bpasswords?\b[^.]{0,80}\b(?:establish\w*|set\s+up|creat\w*|chos\w*|select\w*)|\b(?:establish\w*|set\s+up|creat\w*)\b[^.]{0,40}\bpasswords?\b/i.test(s),
    section: '64.2010',
    paragraph: 'e',
    // Passwords run through § 64.2010: call detail (b), online access (c), in store (d) and on.
    also: ['a', 'b', 'c', 'd', 'f', 'g', 'h', 'i'],
  },
  {
    what: 'records of customer approvals',
    about: (s) => /\bapprovals?\b/i.test(s) && RECORDS.test(s) && KEPT.test(s),
    section: '64.2007',
    paragraph: 'a',
  },
  {
    what: 'notice to the customer of an account change',
    about: (s) => TOPIC_PATTERNS.accountChange.test(s) && NOTIFIES.test(s) && !/\bbreach/i.test(s),
    section: '64.2010',
    paragraph: 'f',
  },
];

/** § 64.2001 ("basis and purpose", or "§ 64.2001 et seq.") speaks for the whole subpart. */
const isGeneral = (c: CitationMatch) => c.section === '64.2001';
/** Citations that name nothing (an unknown section or paragraph) have findings of their own. */
const exists = (c: CitationMatch) => {
  const known = findSection(c.section);
  return !!known && (!c.paragraphs[0] || known.paragraphs.includes(c.paragraphs[0]));
};
const fits = (c: CitationMatch, d: Duty) => c.section === d.section && (c.paragraphs.length === 0 || c.paragraphs[0] === d.paragraph || !!d.also?.includes(c.paragraphs[0]!));

export const citationTopics: Check = (doc, ctx) => {
  const { text } = doc;
  const out: Finding[] = [];
  for (const s of doc.sentences) {
    const cited = findCitations(s.text);
    if (!cited.length || cited.some(isGeneral)) continue;
    const duties = DUTIES.filter((d) => d.about(s.text));
    if (duties.length !== 1) continue;
    const duty = duties[0]!;
    if ((duty.breachRule && duty.breachRule !== ctx.breachRule) || cited.some((c) => fits(c, duty))) continue;
    const right = cite(duty.section, duty.paragraph);
    for (const c of cited.filter(exists))
      out.push(
        make(
          'citation-wrong-duty',
          // The cited paragraph exists: the text may have a reason the checker cannot see.
          'warning',
          `${cite(c.section, ...c.paragraphs)} is not the rule for ${duty.what}: that is ${right}.`,
          `47 C.F.R. ${right}`,
          `Cite ${right}.`,
          text,
          s.start + c.start,
          s.start + c.end,
        ),
      );
  }
  return out;
};
