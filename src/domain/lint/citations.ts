/** Pitfall 1: every "64.20xx" citation names a section and paragraph that exist in the rule text of the year. */
import { findCitations, findSection, paragraphsIn, PARAGRAPH_ADDED, SUBPART_U_SECTIONS } from '../citations';
import { make, sentenceAt } from './text';
import type { Check, Finding } from './types';

export const CERT_RULE = '47 C.F.R. § 64.2009(e)';

export const citations: Check = (doc, ctx) => {
  const { text } = doc;
  const out: Finding[] = [];
  for (const c of findCitations(text)) {
    const sentence = sentenceAt(doc, c.start)?.text ?? '';
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
          `§ ${section}(${top}) does not exist; § ${section} has paragraphs (${known.paragraphs[0]})–(${known.paragraphs.at(-1)}).${inCertContext ? ' The annual certification is required by § 64.2009(e).' : ''}`,
          `47 C.F.R. § ${section}`,
          inCertContext ? 'Cite § 64.2009(e) for the certification.' : `Cite an existing paragraph of § ${section}.`,
          text,
          c.start,
          c.end,
        ),
      );
      continue;
    }
    if (top && !paragraphsIn(known, ctx.coveredYear).includes(top)) {
      out.push(
        make(
          'citation-not-yet-in-force',
          'error',
          `§ ${section}(${top}) was added in ${PARAGRAPH_ADDED[`${section}(${top})`]}; it was not part of the rules in calendar year ${ctx.coveredYear}, which this filing covers.`,
          `47 C.F.R. § ${section}`,
          'Describe the rules in force in the covered year.',
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
