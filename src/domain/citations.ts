/**
 * The sections of 47 C.F.R. Part 64, Subpart U that exist today, and a finder for the
 * "64.20xx" citations in free text. Sections 64.2002, 64.2004 and 64.2006 existed only in the
 * 2016 Broadband Privacy Order, which Congress nullified in 2017 ("2017
 * anomaly"); citing them, or any other number, is an error in a filing.
 */

export interface SubpartUSection {
  /** '64.2009' */
  section: string;
  subject: string;
  /** The top-level paragraph letters the section has. */
  paragraphs: readonly string[];
}

const letters = (last: string): string[] => {
  const out: string[] = [];
  for (let c = 'a'.charCodeAt(0); c <= last.charCodeAt(0); c++) out.push(String.fromCharCode(c));
  return out;
};

export const SUBPART_U_SECTIONS: readonly SubpartUSection[] = [
  { section: '64.2001', subject: 'Basis and purpose', paragraphs: letters('b') },
  { section: '64.2003', subject: 'Definitions', paragraphs: letters('r') },
  { section: '64.2005', subject: 'Use of CPNI without customer approval', paragraphs: letters('d') },
  { section: '64.2007', subject: 'Approval required for use of CPNI', paragraphs: letters('b') },
  { section: '64.2008', subject: 'Notice required for use of CPNI', paragraphs: letters('f') },
  { section: '64.2009', subject: 'Safeguards required for use of CPNI (including the annual certification, paragraph (e))', paragraphs: letters('f') },
  { section: '64.2010', subject: 'Safeguards on the disclosure of CPNI (authentication, passwords, account-change notices)', paragraphs: letters('i') },
  // (f): the section does not supersede State law that is not inconsistent with it.
  { section: '64.2011', subject: 'Notification of CPNI security breaches', paragraphs: letters('f') },
];

/** The certification itself: § 64.2009(e), never § 64.2010(e) (password setup). */
export const CERTIFICATION_CITATION = '47 C.F.R. § 64.2009(e)';
export const FILING_DOCKET = 'EB Docket No. 06-36';

export function findSection(section: string): SubpartUSection | undefined {
  return SUBPART_U_SECTIONS.find((s) => s.section === section);
}

/**
 * Paragraphs added after the 2007 rules, with the first calendar year they existed in:
 * § 64.2010(h) (SIM changes and port-outs) and (i) (line separations) came with the rules
 * published Dec. 8, 2023 (88 FR 85814).
 */
export const PARAGRAPH_ADDED: Readonly<Record<string, number>> = { '64.2010(h)': 2023, '64.2010(i)': 2023 };

/** The paragraphs of a section in the rule text in force in `year` (latest text without a year). */
export function paragraphsIn(section: SubpartUSection, year?: number): readonly string[] {
  if (year === undefined) return section.paragraphs;
  return section.paragraphs.filter((p) => (PARAGRAPH_ADDED[`${section.section}(${p})`] ?? 0) <= year);
}

export interface CitationMatch {
  /** The matched text, e.g. '64.2009(e)(1)'. */
  raw: string;
  /** '64.2009' */
  section: string;
  /** ['e', '1'] for '64.2009(e)(1)'. */
  paragraphs: string[];
  start: number;
  end: number;
}

// Any "64.20xx" reference, with its parenthesised paragraphs; the prefixes that real filings
// use ("§", "§§", "Section", "47 C.F.R.", "47 CFR") are irrelevant to which section is meant.
const CITATION = /(?<![\d.])64\.(20\d\d)(?!\d)((?:\s?\([a-z]{1,2}\))(?:\([a-z0-9]{1,4}\))*)?/gi;

export function findCitations(text: string): CitationMatch[] {
  const out: CitationMatch[] = [];
  for (const m of text.matchAll(CITATION)) {
    const paragraphs = [...(m[2] ?? '').matchAll(/\(([a-z0-9]{1,4})\)/gi)].map((p) => p[1]!.toLowerCase());
    const start = m.index;
    out.push({ raw: m[0], section: `64.${m[1]}`, paragraphs, start, end: start + m[0].length });
  }
  return out;
}

export type CitationProblem =
  | { kind: 'unknown-section'; citation: CitationMatch }
  | { kind: 'unknown-paragraph'; citation: CitationMatch; section: SubpartUSection };

/** Citations to sections or top-level paragraphs that Subpart U does not have. */
export function citationProblems(text: string): CitationProblem[] {
  const out: CitationProblem[] = [];
  for (const c of findCitations(text)) {
    const section = findSection(c.section);
    if (!section) out.push({ kind: 'unknown-section', citation: c });
    else if (c.paragraphs[0] && !section.paragraphs.includes(c.paragraphs[0]))
      out.push({ kind: 'unknown-paragraph', citation: c, section });
  }
  return out;
}

/** '§ 64.2009(e)' for ('64.2009', 'e'). */
export function cite(section: string, ...paragraphs: string[]): string {
  return `§ ${section}${paragraphs.map((p) => `(${p})`).join('')}`;
}
