/**
 * What a sentence is about. A check fires on the sentence that is about its subject; a sentence
 * that names no subject of its own is read under its paragraph and heading ("shall not wait the
 * additional seven (7) days" in the breach paragraph is about the breach wait).
 */
import type { Sentence } from './types';

export type Topic =
  | 'breach'
  | 'optOutFailure'
  | 'training'
  | 'staffing'
  | 'accountChange'
  | 'authentication'
  | 'notice'
  | 'records'
  | 'filing'
  | 'marketing';

const TOPIC_WORDS: [Topic, RegExp][] = [
  ['breach', /\bbreach\w*|\bUSSS\b|Secret\s+Service|\bFBI\b|Federal\s+Bureau|law\s+enforcement|investigating\s+agency|64\.2011|reporting\s+facility|\bintrusion|unauthori[sz]ed\s+access\s+incident/i],
  ['optOutFailure', /\bopt[\s-]*(?:out|in)\b[^.]{0,120}?(?:\bfail\w*|do(?:es)?\s+not\s+work|not\s+working|malfunction\w*|work\s+properly|anomal\w*)|(?:\bfail\w*|malfunction\w*|anomal\w*)[^.]{0,120}?\bopt[\s-]*(?:out|in)\b|64\.2009\s*\(f\)/i],
  ['training', /\btrain(?:ing|ed|s)?\b|\bhire[ds]?\b|\bhiring\b|\bnew\s+employees?\b|\bonboard\w*/i],
  ['staffing', /\bstaffed\b|\bopen\b[^.]{0,30}\bdays?\s+a\s+week|\bbusiness\s+hours\b|\bcustomer\s+service\s+(?:center|hours)/i],
  ['accountChange', /\b(?:password|back-?\s?up|online\s+account|address\s+of\s+record)\b[^.]{0,80}\b(?:chang\w*|creat\w*|updat\w*)|\baccount[\s-]+change|\bchang\w*\s+(?:an?|the|their|his|her|its)\s+(?:\w+\s+)?(?:address|password|PIN|e-?mail)|\bchange\s+of\s+(?:the\s+)?(?:customer['’]s\s+)?(?:address|password|e-?mail)|\b(?:address|password|PIN|e-?mail)\s+(?:changes?|updates?)\b|\b(?:address|password|PIN|e-?mail(?:\s+address)?)\s+(?:is|was|are|has\s+been)\s+(?:chang|updat)\w*/i],
  ['authentication', /\bauthenticat\w*|\bpassword|\bcall\s+detail|\bphoto\s+(?:ID|identification)|\bin[\s-]+(?:store|person)|\bretail\s+(?:store|location)/i],
  ['notice', /\bopt[\s-]*out\s+notices?|\bnotices?\b[^.]{0,40}\bopt[\s-]*out|\bCPNI\s+notices?/i],
  ['records', /\brecords?\b|\blogs?\b|\bretain\w*|\bkept\b|\bkeeps?\b/i],
  ['filing', /\bfil(?:e|ed|es|ing)\b[^.]{0,40}\b(?:certification|deadline|ECFS|March)|\bdeadline\b/i],
  ['marketing', /\bmarket\w*|\bcampaign|\bsolicit\w*/i],
];

/** Each topic's words, by name. */
export const TOPIC_PATTERNS = Object.fromEntries(TOPIC_WORDS) as Record<Topic, RegExp>;

export function topicsOf(text: string): Set<Topic> {
  return new Set(TOPIC_WORDS.filter(([, re]) => re.test(text)).map(([t]) => t));
}

/**
 * Whether the sentence is about `topic`: it names it itself, or it names no competing subject
 * and its paragraph (or heading) is about it.
 */
export function isAbout(s: Sentence, topic: Topic, competing: readonly Topic[] = []): boolean {
  const own = topicsOf(s.text);
  if (own.has(topic)) return true;
  if (competing.some((t) => own.has(t))) return false;
  return topicsOf(s.block.heading).has(topic) || topicsOf(s.block.text).has(topic);
}
