/**
 * Who may sign (pitfall 7): an officer of the company, acting as its agent (§ 64.2009(e)).
 * Some titles plainly are officers' titles, some plainly are not; others ("Compliance Officer",
 * "Director of Regulatory Affairs", "Owner", "General Manager") depend on the bylaws or the
 * operating agreement, so they get a warning with the reason, not an error.
 */
export type TitleKind = 'officer' | 'maybe' | 'not';

const OFFICER =
  /\b(?:president|vice[\s-]+president|(?:senior|executive)\s+vice|vp|ceo|cfo|coo|cto|cio|chief\s+(?:\w+\s+){0,3}officer|chief\s+executive|secretary|treasurer|chair(?:man|woman|person)?(?:\s+of\s+the\s+board)?|managing\s+member|member[\s-]+manager|general\s+partner|corporate\s+officer)\b/i;
const NOT_OFFICER = /\b(?:consultant|counsel|attorney|lawyer|paralegal|agent|coordinator|analyst|specialist|clerk|representative|contractor|accountant|preparer|bookkeeper|administrator|supervisor|technician|engineer|intern|associate|advisor|adviser)\b/i;
const MAYBE = /\b(?:officer|director|owner|proprietor|manager|partner|principal|member|head)\b/i;

export function officerTitleKind(title: string): TitleKind {
  const t = title.trim();
  if (!t) return 'not';
  if (/\bassistant\b/i.test(t) && /\b(?:secretary|treasurer)\b/i.test(t)) return 'officer';
  if (/\bassistant\b|\bexecutive\s+assistant\b/i.test(t)) return 'not';
  // "CPNI Compliance Officer", "Compliance Officer": an employee with "officer" in the title,
  // who is a corporate officer only if the bylaws make the post one.
  const chief = /\bchief\b/i.test(t);
  if (OFFICER.test(t) && !(/\bcompliance\s+officer\b/i.test(t) && !chief)) return NOT_OFFICER.test(t.replace(OFFICER, '')) ? 'maybe' : 'officer';
  if (NOT_OFFICER.test(t)) return 'not';
  if (MAYBE.test(t)) return 'maybe';
  return 'not';
}

export function titleMessage(title: string, kind: TitleKind): string {
  if (!title) return 'The signatory\'s title is missing. An officer of the company, acting as its agent, must sign the certification (§ 64.2009(e)).';
  if (kind === 'maybe')
    return `"${title}" may not be a corporate officer's title: § 64.2009(e) requires an officer, acting as the company's agent, to sign. It is one only if the bylaws or operating agreement make this post an officer.`;
  return `"${title}" is not an officer's title. An officer of the company, acting as its agent, must sign the certification (§ 64.2009(e)).`;
}

export const NOT_OFFICER_FIX = 'Have an officer (president, CEO, vice president, secretary, treasurer…) sign, or confirm from the bylaws that this title is an officer (override with that reason).';
