/**
 * Finds what looks like a private person's details in text meant for a public ECFS filing: a
 * name, a telephone number, an e-mail address, an account number. The filing is public, and
 * complaint and pretexting summaries are about customers (§ 222 of the Act protects their
 * information; the certification must not republish it).
 *
 * Heuristics, tuned to warn rather than to be sure: a warning asks the user to look again, it
 * never blocks. Names are found by an honorific ("Mrs. Alvarez"), a relation ("her husband
 * John"), an initial ("J. Smith"), or a common given name ("Maria", "Maria Okafor").
 */

export type PersonalDetailKind = 'name' | 'phone' | 'email' | 'account';

export interface PersonalDetail {
  kind: PersonalDetailKind;
  /** The text as found. */
  excerpt: string;
  /** Where it starts in the text. */
  index: number;
}

const KIND_WORDS: Record<PersonalDetailKind, string> = {
  name: 'a person’s name',
  phone: 'a telephone number',
  email: 'an e-mail address',
  account: 'an account number',
};

/** "a person’s name (“Maria Okafor”)". */
export function describePersonalDetail(detail: Pick<PersonalDetail, 'kind' | 'excerpt'>): string {
  return `${KIND_WORDS[detail.kind]} (“${detail.excerpt}”)`;
}

/** "a person’s name (“Maria Okafor”) and a telephone number (“555-0142”)". */
export function describePersonalDetails(details: readonly Pick<PersonalDetail, 'kind' | 'excerpt'>[]): string {
  const parts = details.map(describePersonalDetail);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// (620) 555-0142, 620-555-0142, 620.555.0142, 620 555 0142, +1 620 555 0142, and 555-0142.
const PHONE = /(?<![\d-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d-])|(?<![\d-])\d{3}-\d{4}(?![\d-])/g;
// Dates and year ranges hold long runs of digits but are nobody's account.
const DATES = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b(?:19|20)\d{2}\s?[-–]\s?(?:(?:19|20)\d{2}|\d{2})\b/g;
const ACCOUNT_WORD =
  /\b(?:account|acct|a\/c|customer|subscriber|member|card|policy|order|ticket|invoice|phone|mobile|line)\s*(?:number|no\.?|num\.?|#|id)?\s*[:#]?\s*((?=[A-Z0-9-]*\d[A-Z0-9-]*\d[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,})\b/gi;
const LAST_DIGITS = /\b(?:ending|ends)\s+(?:in|with)\s+\d{4}\b|\blast\s+(?:four|4)(?:\s+digits)?(?:\s+(?:of|are|were))?\s*:?\s*\d{4}\b/gi;
// Six or more digits, maybe grouped by single spaces or hyphens.
const LONG_NUMBER = /(?<![\d.,§])\d(?:[ -]?\d){5,}(?![\d.,]\d)/g;
// A number that names a public document, not a person's account.
const PUBLIC_NUMBER_BEFORE = /(?:filer\s+id|frn|docket|case|file|petition|order|fcc|da|report|ecfs|confirmation|§)\s*(?:no\.?|number|#)?\s*[\w:-]*$/i;

const HONORIFIC = /\b(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+)?|\bMiss\s+[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+)?/g;
const RELATIONS =
  'ex-husband|ex-wife|ex-spouse|ex-partner|ex-boyfriend|ex-girlfriend|husband|wife|spouse|partner|boyfriend|girlfriend|fianc[eé]e?|son|daughter|stepson|stepdaughter|mother|father|stepmother|stepfather|mom|dad|brother|sister|aunt|uncle|cousin|niece|nephew|grandson|granddaughter|grandmother|grandfather|roommate|neighbou?r|landlord|tenant|caregiver|relative|friend|coworker|co-worker|employer';
const RELATION = new RegExp(`\\b(?:${RELATIONS}),?\\s+([A-Z][a-z'’-]+(?:\\s+[A-Z][a-z'’-]+)?)`, 'g');
const INITIAL = /(?<![\w.])[A-Z]\.\s?[A-Z][a-z'’-]{2,}/g;
const CAPITALISED_WORD = /\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)?/g;

/**
 * Common given names in the United States. Names that are also ordinary words a summary
 * starts a sentence with (Will, May, Grace, Bill…) count only when a surname follows.
 */
const GIVEN_NAMES = new Set(
  `Aaron Abdul Abigail Adam Adrian Ahmed Aisha Alan Albert Alejandro Alex Alexander Alexandra Alexis Alice Alicia Alison Allison Alyssa Amanda Amber Amelia Amy
  Ana Andrea Andrew Angela Angelica Anita Ann Anna Anne Annette Anthony Antonio Arthur Ashley Barbara Benjamin Bernard Beth Betty Beverly Blake Bobby
  Bonnie Brad Bradley Brandon Brenda Brian Brittany Bruce Bryan Caleb Cameron Carl Carla Carlos Carmen Caroline Carolyn Catherine Cecilia Chad Charles Charlotte
  Cheryl Chloe Chris Christina Christine Christopher Cindy Claire Clara Connie Craig Crystal Cynthia Dana Daniel Danielle David Deborah Debra Denise Dennis Derek
  Diana Diane Diego Dolores Donald Donna Doris Dorothy Douglas Dylan Earl Edward Eileen Elaine Elena Elijah Elizabeth Ella Ellen Emily Emma Eric Erica Erin
  Esther Ethan Evelyn Fatima Fernando Francisco Gabriel Gail Gary George Gerald Gina Gloria Gregory Guadalupe Hannah Harold Harry Heather Helen
  Henry Holly Howard Ian Irene Isaac Isabel Isabella Jacob Jacqueline James Jamie Jane Janet Janice Jared Jasmine Jason Javier Jeffrey Jennifer Jeremy Jerry
  Jesse Jessica Jesus Joan Joanne Joe Joel John Johnny Jonathan Jorge Jose Joseph Joshua Joyce Juan Judith Judy Julia Julian Julie Justin Karen
  Katherine Kathleen Kathryn Kathy Katie Kayla Keith Kelly Kenneth Kevin Kimberly Kyle Larry Laura Lauren Lawrence Leah Lee Leonard Leslie Linda Lisa Logan
  Lori Lucas Lucy Luis Luke Lydia Manuel Marcus Margaret Maria Marie Marilyn Marisol Marjorie Martha Martin Mary Matthew Megan Melissa Michael Michelle
  Miguel Mildred Mohamed Mohammed Monica Nancy Natalie Nathan Nicholas Nicole Noah Norma Olivia Omar Oscar Pamela Patricia Patrick Paul Paula Pedro Peggy
  Peter Philip Phillip Priya Rachel Rafael Ralph Ramon Randy Raymond Rebecca Regina Richard Ricardo Rita Robert Roberto Robin Roger Ronald Rosa Ruby Russell
  Ruth Ryan Samantha Samuel Sandra Sara Sarah Scott Sean Sergio Sharon Shirley Sofia Sophia Stephanie Stephen Steven Susan Tamara Tammy Teresa Terry
  Theresa Thomas Tiffany Timothy Tina Todd Tony Tracy Travis Tyler Valerie Vanessa Veronica Vicki Victor Vincent Walter Wanda Wayne Wei
  Wendy William Willie Yolanda Yusuf Zachary`.split(/\s+/),
);
/** Given names that are also common words: a name only with a surname after them. */
const GIVEN_NAMES_WITH_SURNAME_ONLY = new Set(
  'Austin Charlotte Florence Eugene Jordan Logan Madison Victoria Virginia Lincoln Dakota Bill Bob Carol Christian Don Frank Jack Mark Pat Ray Rob Rose Sue Dawn Hope Faith Grace Joy Will Grant Chase Art Rich Summer June April May August Sky Lane Chance Penny Ivy Violet Jean'.split(' '),
);
/** Capitalised words that follow a given name in places, institutions and titles, not surnames. */
const NOT_A_SURNAME = new Set(
  `Street St Avenue Ave Road Rd Drive Dr Lane Ln Boulevard Blvd Court Ct Place Way Highway County City Town Township Village Valley River Creek Lake Park
  Hill Hills Mountain Company Co Corporation Corp Inc LLC Ltd Telephone Telecom Communications Cooperative Wireless Networks Network Services Service
  Commission Department Bureau Office Center Centre University College School Hospital Clinic Bank Church Foundation Association Group Partners Holdings
  Credit Payment Period Review Report Rate Record Records Summary Date Account Statement Number Notice Customer Customers Team Staff Plan Program Manual Policy Procedures The This That These Those
  It Its In On At For From With After Before When While Our We They He She His Her A An And Or But If As By To Of Is Was Were`.split(/\s+/),
);
/** Words a summary may start a sentence with that are not names (for the initial pattern). */
const NOT_A_NAME_AFTER_INITIAL = NOT_A_SURNAME;

const withoutPossessive = (word: string) => word.replace(/['’]s?$/, '');

/** Every personal detail found, in the order they appear; overlapping finds are reported once. */
export function findPersonalDetails(text: string): PersonalDetail[] {
  const found: PersonalDetail[] = [];
  // Each match is blanked out of `work`, so a phone number is not also an account number.
  let work = text;
  const take = (kind: PersonalDetailKind, index: number, excerpt: string) => {
    found.push({ kind, index, excerpt: excerpt.trim() });
    work = work.slice(0, index) + ' '.repeat(excerpt.length) + work.slice(index + excerpt.length);
  };
  const each = (pattern: RegExp, visit: (m: RegExpExecArray) => void) => {
    for (const m of [...work.matchAll(pattern)]) visit(m);
  };

  each(EMAIL, (m) => take('email', m.index, m[0]));
  each(PHONE, (m) => take('phone', m.index, m[0]));
  each(DATES, (m) => {
    work = work.slice(0, m.index) + ' '.repeat(m[0].length) + work.slice(m.index + m[0].length);
  });
  each(ACCOUNT_WORD, (m) => take('account', m.index, m[0]));
  each(LAST_DIGITS, (m) => take('account', m.index, m[0]));
  each(LONG_NUMBER, (m) => {
    if (PUBLIC_NUMBER_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return;
    take('account', m.index, m[0]);
  });

  each(HONORIFIC, (m) => take('name', m.index, m[0]));
  each(RELATION, (m) => {
    const name = m[1]!;
    const first = withoutPossessive(name.split(/\s+/)[0]!);
    if (NOT_A_SURNAME.has(first)) return;
    take('name', m.index + m[0].indexOf(name), name);
  });
  each(INITIAL, (m) => {
    const word = m[0].replace(/^[A-Z]\.\s?/, '');
    if (NOT_A_NAME_AFTER_INITIAL.has(word)) return;
    take('name', m.index, m[0]);
  });
  each(CAPITALISED_WORD, (m) => {
    const [first, second] = m[0].split(/\s+/).map(withoutPossessive) as [string, string | undefined];
    const surname = second && !NOT_A_SURNAME.has(second) ? second : undefined;
    if (surname && (GIVEN_NAMES.has(first) || GIVEN_NAMES_WITH_SURNAME_ONLY.has(first))) take('name', m.index, `${first} ${surname}`);
    else if (GIVEN_NAMES.has(first)) take('name', m.index, first);
    else if (second && GIVEN_NAMES.has(second)) {
      // "The customer's daughter, Maria" is caught above; here "Called Maria" or "Ask Maria".
      take('name', m.index + m[0].indexOf(second), second);
    }
  });

  return found.sort((a, b) => a.index - b.index);
}
