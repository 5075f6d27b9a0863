/**
 * Pitfall 2: days vs. business days. A count fires only in the sentence about its duty — the
 * breach notice or wait (§ 64.2011(b)) or the § 64.2009(f) letter — read within its paragraph
 * and heading; "staffed seven days a week" or "within five days of hire" are about other things.
 */
import { collapse, make } from './text';
import { isAbout } from './topics';
import type { Check, Finding } from './types';

const SEVEN_DAYS = /\b(?:seven|7)(?:\s*\(7\))?[\s-]+(?:full[\s-]+)?(?:calendar[\s-]+)?days?\b(?![\s-]+(?:a|per|each)\s+week|[\s-]+of\s+the\s+week)|\b(?:within|in|after|than)\s+(?:a|one|1)\s+(?:calendar\s+)?week\b/gi;
const FIVE_DAYS = /\b(?:five|5)(?:\s*\(5\))?[\s-]+(?:calendar[\s-]+)?days?\b(?![\s-]+(?:a|per|each)\s+week|[\s-]+of\s+the\s+week)/gi;
/** A count that is not a deadline for the duty: before a deadline, after hire, a week's schedule. */
const NOT_THE_DUTY = /^[\s,]*(?:before|prior\s+to|ahead\s+of)\s+(?:the\s+)?(?:deadline|due\s+date|filing|March)|^[\s,]*(?:of|after|from)\s+(?:hire|hiring|the\s+(?:start|hire)|joining|employment)/i;

/**
 * The clause around a count, so that "investigates … within seven days of a report" is not read
 * as the notice deadline that follows it in the same sentence.
 */
function clauseAround(sentence: string, at: number): string {
  const cut = /;|,\s+(?:and|but|while|whereas)\s|\s+and,\s/gi;
  let from = 0;
  let before = 0;
  let to = sentence.length;
  for (const m of sentence.matchAll(cut)) {
    if (m.index < at) {
      before = from;
      from = m.index + m[0].length;
    } else {
      to = m.index;
      break;
    }
  }
  // "… as soon as practicable, and in no event later than seven days …": the limit of the
  // clause before it, which names the duty.
  if (CONTINUATION.test(sentence.slice(from, to))) from = before;
  const clause = sentence.slice(from, to);
  // "Within seven days, the Company notifies …": a bare lead-in reads with what follows.
  return clause.trim().split(/\s+/).length < 6 ? sentence.slice(from) : clause;
}

/** A clause that only limits the one before it: "in no event later than", "in any case within". */
const CONTINUATION = /^\s*(?:in\s+(?:no|any)\s+(?:event|case)|at\s+the\s+(?:latest|outside)|(?:but\s+)?(?:no|not)\s+later\s+than|by\s+no\s+later)\b/i;

/** The clause is about a notice or a wait (the duty), not another task with its own count. */
const DUTY_WORDS = /\b(?:notif\w*|notice|report\w*\s+(?:to|through|it|the\s+breach|breach\w*|incidents?)|law\s+enforcement|reported|wait\w*|disclos\w*|inform\w*|tell\w*|told|contact\w*|letter|writ\w*|USSS|Secret\s+Service|FBI|customers?|deadline|due|send\w*|sent|(?<!\b(?:the|a|an|its|each|every|their|customer|account|case)\s+)file[sd]?)\b/i;

export const businessDays: Check = (doc) => {
  const { text } = doc;
  const out: Finding[] = [];
  for (const s of doc.sentences) {
    const sevens = [...s.text.matchAll(SEVEN_DAYS)].filter((m) => !NOT_THE_DUTY.test(s.text.slice(m.index + m[0].length)) && DUTY_WORDS.test(clauseAround(s.text, m.index)));
    if (sevens.length && isAbout(s, 'breach', ['staffing', 'training', 'accountChange', 'optOutFailure', 'filing', 'notice']))
      for (const m of sevens)
        out.push(
          make(
            'breach-business-days',
            'error',
            `"${collapse(m[0])}": § 64.2011(b) counts seven business days (agency notice within seven business days; under the 2007 rule, customers wait seven full business days after it).`,
            '47 C.F.R. § 64.2011(b)',
            'Write "seven business days" (or "seven full business days" for the 2007 customer wait).',
            text,
            s.start + m.index,
            s.start + m.index + m[0].length,
          ),
        );
    const fives = [...s.text.matchAll(FIVE_DAYS)].filter((m) => !NOT_THE_DUTY.test(s.text.slice(m.index + m[0].length)) && DUTY_WORDS.test(clauseAround(s.text, m.index)));
    if (fives.length && isAbout(s, 'optOutFailure', ['staffing', 'training', 'accountChange', 'breach', 'filing']))
      for (const m of fives)
        out.push(
          make(
            'opt-out-letter-business-days',
            'error',
            `"${collapse(m[0])}": under § 64.2009(f) the letter to the FCC when opt-out mechanisms fail is due within five business days.`,
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
