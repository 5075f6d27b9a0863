/**
 * Negation and hypotheticals: "staff never prompt for the date of birth" denies the pitfall;
 * "if the amendments take effect, the Company will also notify the FCC" is not a claim that
 * they are in effect.
 */

const NEGATOR = String.raw`(?:\b(?:not|never|no|without|nor|neither|cannot)\b|n['’]t\b)`;
const NEGATED_VERB = new RegExp(
  `${NEGATOR}\\s+(?:[\\w'’-]+\\s+){0,3}?(?:use[sd]?|using|ask\\w*|prompt\\w*|request\\w*|rel(?:y|ies|ied|ying)|based?|accept\\w*|requir\\w*|permit\\w*|allow\\w*|referenc\\w*|includ\\w*|be|is|are|contain\\w*|collect\\w*|need\\w*|disclos\\w*|sent|send\\w*|go(?:es)?|mail\\w*|reveal\\w*|show\\w*|stat\\w*|list\\w*|display\\w*|given|give[sn]?|treat\\w*|appl(?:y|ies)|provid\\w*|offer\\w*|mandat\\w*|obligat\\w*|repeat\\w*|confirm\\w*|oral(?:ly)?|to|notif\\w*|report\\w*|track\\w*|identif\\w*|releas\\w*|wait\\w*|keep\\w*|kept|tell\\w*|told|inform\\w*|contact\\w*|share[sd]?|sharing|market\\w*|assum\\w*)\\b`,
  'i',
);
const STRONG_NEGATOR = /\b(?:never|prohibit\w*|forbid\w*|no\s+longer|may\s+not|must\s+not|shall\s+not|rather\s+than|instead\s+of|in\s+place\s+of|not\s+permitted|is\s+not\s+allowed|are\s+not\s+allowed|other\s+than|except)\b/i;

/** Whether the part of a sentence before `at` denies what follows. */
export function deniedBefore(sentence: string, at: number): boolean {
  let head = sentence.slice(0, at);
  // "If the customer does not know the password, the representative asks for …": the
  // negation belongs to the subordinate clause, not to what follows the comma.
  if (/^\s*(?:if|when|whenever|unless|where|after|before|once|while|because|since)\b/i.test(head) && head.includes(','))
    head = head.slice(head.indexOf(',') + 1);
  const turn = [...head.matchAll(/\b(?:but|however|instead|yet|except\s+that|whereas)\b|;/gi)].at(-1);
  if (turn) head = head.slice(turn.index + turn[0].length);
  // A negated verb denies what closely follows it, not a clause further on ("customers who do not
  // respond … are treated as having approved after 20 days").
  return NEGATED_VERB.test(head.slice(-50)) || STRONG_NEGATOR.test(head) || new RegExp(`${NEGATOR}\\s+(?:[\\w'’-]+\\s+){0,2}$`, 'i').test(head.trimEnd() + ' ');
}

/** Whether what follows `end` denies it ("… the date of birth is not used", "… may never be asked"). */
export function deniedAfter(sentence: string, end: number): boolean {
  return /^[^.;]{0,30}?\b(?:is|are|was|were|may|will|shall|must|can|should)\s+(?:also\s+)?(?:not|never)\b|^[^.;]{0,30}?\b(?:isn['’]t|aren['’]t|cannot|can['’]t|won['’]t)\b|^[^.;]{0,30}?\b(?:is|are)\s+(?:prohibited|forbidden|not\s+permitted)/i.test(sentence.slice(end));
}

/** The first match of `re` in the sentence that the sentence does not deny. */
export function undeniedMatch(sentence: string, re: RegExp): RegExpExecArray | undefined {
  for (const m of sentence.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`)))
    if (!deniedBefore(sentence, m.index) && !deniedAfter(sentence, m.index + m[0].length)) return m as RegExpExecArray;
  return undefined;
}

/** Whether the whole sentence is a denial ("The Company does not …", "No … is …"). */
export function deniesAll(sentence: string): boolean {
  return /^\s*(?:the\s+company|it|we|our\s+\w+|staff|representatives|employees|customers)\s+(?:\w+\s+){0,2}?(?:does|do|did|will|shall|may|must|can)\s*(?:not|n['’]t)\b|^\s*(?:no|never|neither)\b/i.test(sentence);
}

/** A sentence about what would happen if a rule took effect, or what the rule no longer requires. */
export function isHypothetical(sentence: string): boolean {
  return (
    /\b(?:if|when|once|after|upon|until|should)\b[^.;]{0,120}?\b(?:takes?|took|become|becomes|go(?:es)?|come|comes|is|are)\s+(?:into\s+|in\s+)?(?:effect|effective|force)/i.test(sentence) ||
    /\b(?:would|will)\s+(?:then\s+|also\s+)?(?:require|apply|notify|add)\b[^.]{0,80}\b(?:if|when|once|after)\b/i.test(sentence) ||
    /\b(?:effective\s+date|compliance\s+date)\b[^.]{0,60}\b(?:announced|published|set|pending)/i.test(sentence)
  );
}
