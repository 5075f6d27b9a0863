/**
 * Pitfall 12: the breach paragraph describes the version of § 64.2011 in force for the covered
 * year. Negation ("does not notify the FCC") and hypotheticals ("if the 2023 amendments take
 * effect, …") are not claims about the rule in force.
 */
import { forSegment } from './text';
import { deniedBefore, isHypothetical } from './negation';
import { isAbout } from './topics';
import type { Check, Finding } from './types';

const BREACH = /\bbreach/i;
const AGENCY = /\b(?:USSS|Secret\s+Service|FBI|Federal\s+Bureau\s+of\s+Investigation)\b/i;
const FCC = String.raw`(?:(?<![\w./])FCC(?!\.gov|[\w/'’-])|Federal\s+Communications\s+Commission(?!['’]s)|\bCommission(?!['’]s))`;
const FCC_RE = new RegExp(FCC, 'gi');
const FCC_WITH_AGENCIES = new RegExp(
  String.raw`${FCC}[^.;]{0,40}?(?:,|\band\b)\s+(?:the\s+)?(?:U\.?\s?S\.?\s+|United\s+States\s+)?(?:Secret\s+Service|USSS|FBI|Federal\s+Bureau)|(?:Secret\s+Service|USSS|FBI|Federal\s+Bureau\s+of\s+Investigation)[^.;]{0,60}?(?:,|\band\b)\s+(?:to\s+)?(?:the\s+)?${FCC}|\b(?:notif\w*|report\w*|notice\s+to)\s+(?:\w+\s+){0,3}?(?:the\s+)?${FCC}`,
  'i',
);
const NOT_IN_EFFECT = /\b(?:not\s+(?:yet\s+)?(?:in\s+effect|effective|taken\s+effect|in\s+force)|(?:has|have)\s+not\s+(?:yet\s+)?(?:taken|gone\s+into|come\s+into)\s+(?:effect|force)|indefinitely\s+delayed|(?:effective\s+date|compliance\s+date)\s+(?:is\s+)?(?:pending|not\s+yet)|(?:when|once|after|until)\s+(?:they|it|the\s+\w+\s+\w*)\s*(?:take|takes|become|becomes)\s+(?:effect|effective))\b/i;

/** Whether the sentence names the FCC as a recipient of breach notice, undenied. */
function fccAsRecipient(sentence: string): boolean {
  if (!FCC_WITH_AGENCIES.test(sentence) && !new RegExp(String.raw`\b(?:notif\w*|report\w*)\s+(?:\w+\s+){0,3}?(?:the\s+)?${FCC}`, 'i').test(sentence)) return false;
  // Every mention of the FCC in the sentence must be undenied for it to count ("… and does not notify the FCC").
  const mentions = [...sentence.matchAll(FCC_RE)];
  return mentions.some((m) => !deniedBefore(sentence, m.index) && !/\b(?:link|website|web\s+site|maintain\w*|site)\b/i.test(sentence.slice(Math.max(0, m.index - 40), m.index + 40)));
}

export const breachRule: Check = (doc, ctx) => {
  const out: Finding[] = [];
  const { text } = doc;
  const rule = ctx.breachRule === '2023' ? '47 C.F.R. § 64.2011 (as amended by FCC 23-111)' : '47 C.F.R. § 64.2011 (2007 rule, in force)';
  const breachy = doc.sentences.filter((s) => BREACH.test(s.text) || AGENCY.test(s.text) || /\b64\.2011\b|23-111/.test(s.text) || isAbout(s, 'breach', ['accountChange', 'optOutFailure', 'notice', 'training', 'staffing']));
  if (ctx.breachRule === '2007') {
    const fix =
      'Describe the rule in force: notice to the USSS and FBI within seven business days through the central reporting facility, then a wait of seven full business days before notifying customers.';
    for (const s of breachy) {
      if (NOT_IN_EFFECT.test(s.text) || isHypothetical(s.text)) continue;
      const reasons: string[] = [];
      if ((AGENCY.test(s.text) || BREACH.test(s.text)) && fccAsRecipient(s.text))
        reasons.push('under § 64.2011(b) breaches are reported to the USSS and FBI, not the FCC');
      const thirty = /\b(?:within|no\s+later\s+than|not\s+later\s+than|in\s+no\s+case\s+more\s+than|no\s+more\s+than)\s+(?:30|thirty)(?:\s*\(30\))?\s+(?:calendar\s+)?days\b/i.exec(s.text);
      if (thirty && /customer|notif/i.test(s.text) && !/\bdelay|\bdirect\w*|\bagenc|\bup\s+to\s+(?:30|thirty)/i.test(s.text) && !deniedBefore(s.text, thirty.index))
        reasons.push('the 30-day customer notice belongs to the 2023 amendments, which are not in effect');
      if (/\bcovered\s+data\b|fewer\s+than\s+500|\bannual\s+summary\b|harm[\s-]based/i.test(s.text))
        reasons.push('this describes the 2023 amendments, which are not in effect');
      if (/(?:2023|amended|new|23-111)[^.]{0,100}?(?:rules?|amendments?|requirements?|order)[^.]{0,60}?\b(?:is|are|took|takes|has\s+taken|have\s+taken|went|goes|now)\s+(?:in\s+|into\s+)?(?:effect|effective|in\s+force)/i.test(s.text))
        reasons.push('the 2023 amendments to § 64.2011 have not taken effect');
      if (reasons.length)
        out.push(forSegment('breach-rule-mismatch', 'error', `The breach paragraph does not match the rule in force (2007 text of § 64.2011): ${reasons.join('; ')}.`, rule, fix, text, s));
    }
  } else {
    const fix =
      'Describe the 2023 rule: notice to the FCC, USSS and FBI within seven business days; customer notice without unreasonable delay and within 30 days, with no mandatory wait.';
    for (const s of breachy) {
      if (isHypothetical(s.text)) continue;
      if (/\bfull\s+business\s+days\b|(?:wait\w*|until)\b[^.]{0,80}(?:seven|7)\s+business\s+days|(?:seven|7)\s+business\s+days\s+(?:have|has)\s+(?:passed|elapsed)/i.test(s.text) && !/no\s+longer|eliminat\w*|remov\w*|replac\w*/i.test(s.text))
        out.push(forSegment('breach-rule-mismatch', 'error', 'The 2023 text of § 64.2011 removed the seven-business-day wait before customers are notified.', rule, fix, text, s));
      else if (/(?:2023|amended|23-111)/i.test(s.text) && NOT_IN_EFFECT.test(s.text))
        out.push(forSegment('breach-rule-mismatch', 'error', 'The 2023 amendments to § 64.2011 are in effect for this filing.', rule, fix, text, s));
    }
    const namesAgencies = breachy.find((s) => AGENCY.test(s.text));
    if (namesAgencies && !breachy.some((s) => FCC_WITH_AGENCIES.test(s.text)))
      out.push(
        forSegment(
          'breach-rule-mismatch',
          'error',
          'Under the 2023 text of § 64.2011(a), breaches are reported to the FCC as well as the USSS and FBI; the paragraph names only the USSS and FBI.',
          rule,
          fix,
          text,
          namesAgencies,
        ),
      );
  }
  return out;
};
