/**
 * The pitfalls of real filings that a sentence commits on its own (approval, notices,
 * authentication, training, breaches, retention, period). Each check reads only the sentences
 * about its subject and stays quiet when the sentence denies the pitfall.
 */
import { collapse, forSegment, make } from './text';
import { deniedBefore, isHypothetical, undeniedMatch } from './negation';
import { isAbout, topicsOf } from './topics';
import type { Check, Finding, Sentence } from './types';

export const OPT_OUT = /\bopt(?:ing|s|ed)?[\s-]*out\b/i;
export const OPT_IN = /\bopt(?:ing|s|ed)?[\s-]*in\b/i;
const BIOGRAPHICAL =
  /\b(?:social\s+security(?:\s+(?:number|no\.?))?|SSNs?|last\s+(?:four|4)(?:\s+digits)?|date\s+of\s+birth|birth\s*date|birthday|DOB|mother['’]?s\s+maiden\s+name|maiden\s+name|home\s+address)\b/i;
const ACCOUNT_INFO = /\b(?:account\s+(?:number|no\.?|PIN)|(?:amount\s+of\s+the\s+|last\s+)?bill(?:ing)?\s+amount|telephone\s+number\s+on\s+the\s+account|billing\s+address|service\s+address|name\s+and\s+address|(?:recent\s+)?payment\s+amount)\b/i;
const AUTH_CONTEXT =
  /\b(?:password|passcode|pass\s+code|PIN|back-?\s?up|security\s+question|secret\s+question|challenge|authenticat\w*|verif\w*|identif\w*|prompt\w*|hint|recover\w*|reset\w*|log\s*in|sign\s*in)\b/i;

/** Sentences of a check, one finding per sentence. */
function perSentence(
  id: string,
  severity: 'error' | 'warning',
  message: string | ((s: Sentence) => string),
  rule: string,
  fix: string,
  test: (s: Sentence) => boolean,
): Check {
  return (doc) =>
    doc.sentences.filter(test).map((s) => forSegment(id, severity, typeof message === 'string' ? message : message(s), rule, fix, doc.text, s));
}

/** Pitfall 3: the § 64.2009(f) duty is about opt-out mechanisms. */
export const optInInFailureDuty: Check = (doc) =>
  doc.sentences.flatMap((s) => {
    const m = /\bopt[\s-]*in\s+(?:approval\s+)?(?:mechanisms?|methods?|systems?|process(?:es)?)\b/i.exec(s.text);
    const aboutFailure = isAbout(s, 'optOutFailure') && /\bfail\w*|do(?:es)?\s+not\s+work|not\s+working|malfunction\w*|work\s+properly|64\.2009\s*\(f\)|anomal/i.test(s.text);
    if (!m || !aboutFailure || deniedBefore(s.text, m.index)) return [];
    const alsoOptOut = OPT_OUT.test(s.text);
    return [
      make(
        'opt-in-in-opt-out-failure',
        alsoOptOut ? 'warning' : 'error',
        alsoOptOut
          ? 'The § 64.2009(f) letter is due when opt-out mechanisms fail; reporting opt-in failures too is the Company\'s own practice, not the rule.'
          : 'The § 64.2009(f) letter is due when opt-out mechanisms do not work properly, not opt-in mechanisms.',
        '47 C.F.R. § 64.2009(f)',
        'Write "opt-out mechanisms".',
        doc.text,
        s.start + m.index,
        s.start + m.index + m[0].length,
      ),
    ];
  });

const ANNUAL = /\b(?:annual(?:ly)?|yearly|each\s+year|every\s+year|once\s+a\s+year|every\s+(?:12|twelve)\s+months)\b/i;
const AUTHORITY_REQUIRES =
  /(?:\b(?:FCC|Commission|rules?|regulations?|law|64\.2009(?:\s*\(b\))?|Part\s+64)\b['’]?s?\s+(?:[\w'’-]+\s+){0,3}?(?:requir\w*|mandat\w*|obligat\w*)|\b(?:requir\w*|mandat\w*|obligat\w*)\s+(?:[\w'’-]+\s+){0,2}?(?:by|under)\s+(?:the\s+)?(?:FCC|Commission|rules?|regulations?|§|47\s+C\.?F\.?R|law|federal|CPNI\s+rules)|\bFCC[-\s](?:required|mandated))/i;

/** Pitfall 13. */
export const annualTraining: Check = perSentence(
  'annual-training-claim',
  'error',
  '§ 64.2009(b) requires CPNI training and an express disciplinary process but sets no frequency; the FCC does not require annual training.',
  '47 C.F.R. § 64.2009(b)',
  'Say training is given on a schedule the Company chooses, and label annual training as the Company\'s practice.',
  (s) => {
    if (!/\btrain(?:ing|ed|s)?\b/i.test(s.text) || !ANNUAL.test(s.text)) return false;
    const m = AUTHORITY_REQUIRES.exec(s.text);
    return (
      !!m &&
      !deniedBefore(s.text, m.index + m[0].length) &&
      !/\bno\s+(?:set\s+)?frequency|\bnot\s+a\s+rule|\b(?:company|its|our|own)\s+(?:\w+\s+)?(?:practice|policy)\b|\bmatter\s+of\s+(?:company\s+)?(?:practice|policy)\b/i.test(s.text)
    );
  },
);

/**
 * Sentences of a password-setup or back-up-method answer that use biographical information
 * (the answer is about authentication already, so no other context is needed).
 */
export function biographicalIn(sentences: readonly { text: string }[]): number[] {
  return sentences.flatMap((s, i) => (undeniedMatch(s.text, BIOGRAPHICAL) ? [i] : []));
}

/**
 * "Does not release call detail to a caller without the password, even if the caller can state
 * the account number": the account number is named as what is refused, which is the rule kept.
 */
const REFUSED_WITHOUT_PASSWORD =
  /\b(?:does|do|will|shall|may|must|can)\s+not\s+(?:\w+\s+)?(?:releas|disclos|provid|giv|discuss|shar)\w*\b[^.;]*\b(?:who|that)\s+(?:cannot|can\s*not|does\s+not|do\s+not|fails?\s+to)\s+(?:provide|give|state|supply|know)\w*\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:account\s+)?password\b/i;

/** Only a sentence of one clause, with no exception to the refusal ("unless", "except"). */
const refusedWithoutPassword = (sentence: string) => REFUSED_WITHOUT_PASSWORD.test(sentence) && !/;|\bunless\b|\bexcept\b/i.test(sentence);

/** Pitfall 14: biographical prompts for passwords and back-up questions (§ 64.2010(e)). */
export const biographicalPrompts: Check = (doc) =>
  doc.sentences.flatMap((s) => {
    if (refusedWithoutPassword(s.text)) return [];
    if (!AUTH_CONTEXT.test(s.text) || /\bcall\s+detail|\bin[\s-]+(?:store|person)|\bphoto/i.test(s.text) && !/password|back-?\s?up|security\s+question/i.test(s.text)) return [];
    const m = undeniedMatch(s.text, BIOGRAPHICAL);
    if (!m) return [];
    return [
      forSegment(
        'biographical-prompt',
        'error',
        `Passwords and back-up authentication must not prompt for readily available biographical or account information (here: "${collapse(m[0])}") (§ 64.2010(e); § 64.2003).`,
        '47 C.F.R. § 64.2010(b), (e)',
        'Use a password and a back-up question the customer chooses, neither prompted by biographical or account information.',
        doc.text,
        s,
      ),
    ];
  });

const CALL_DETAIL = /\bcall\s+detail|\bcall\s+(?:records?|history|logs?)\b|\bnumbers?\s+(?:called|dialed)|\bcalls?\s+(?:made|placed)\b/i;
const RELEASE = /\b(?:disclos\w*|releas\w*|provid\w*|discuss\w*|giv(?:e|es|en|ing)|read\w*|shar\w*|access\w*)\b/i;

/** Pitfall 22: call detail on account or biographical information; in-store access without a valid photo ID. */
export const callDetailRelease: Check = (doc) =>
  doc.sentences.flatMap((s) => {
    if (!CALL_DETAIL.test(s.text) || !RELEASE.test(s.text) || refusedWithoutPassword(s.text)) return [];
    const m = undeniedMatch(s.text, new RegExp(`${BIOGRAPHICAL.source}|${ACCOUNT_INFO.source}`, 'i'));
    if (!m) return [];
    // "… after the caller gives the password; the account number is never enough" is denied above.
    return [
      forSegment(
        'call-detail-without-password',
        'error',
        `Call detail may be disclosed on a customer-initiated call only on a password not prompted by biographical or account information, by calling back the telephone number of record, or by mail to the address of record; "${collapse(m[0])}" is not enough (§ 64.2010(b)).`,
        '47 C.F.R. § 64.2010(b)',
        'Require the password, or call back the telephone number of record, or mail the information to the address of record.',
        doc.text,
        s,
      ),
    ];
  });

const IN_STORE = /\bin[\s-]+(?:store|person)\b|\bretail\s+(?:stores?|locations?|staff|outlets?)|\b(?:our|its|the\s+Company['’]s)\s+(?:stores?|offices?|business\s+office)\b|\bwalk[\s-]+in\b/i;
const WEAK_ID = /\b(?:(?:recent\s+|copy\s+of\s+(?:a|the)\s+)?(?:billing\s+statement|bill|invoice|utility\s+bill)|account\s+(?:number|PIN)|credit\s+card|debit\s+card|SSN|social\s+security\s+(?:number|card)|last\s+(?:four|4)\s+digits|date\s+of\s+birth|expired\s+(?:photo\s+)?(?:ID|identification|license|passport)|employee\s+(?:ID|badge)|business\s+card)\b/i;

export const inStoreId: Check = (doc) =>
  doc.sentences.flatMap((s) => {
    if (!IN_STORE.test(s.text) || !/\b(?:ID|identif\w*|authenticat\w*|verif\w*|show\w*|present\w*|produc\w*|accept\w*|access|disclos\w*)\b/i.test(s.text)) return [];
    // The weak ID must be what the customer shows ("show a billing statement"), not "pay their bill".
    const m = [...s.text.matchAll(new RegExp(WEAK_ID.source, 'gi'))].find(
      (x) =>
        /\b(?:show\w*|present\w*|provid\w*|accept\w*|produc\w*|with|using|basis\s+of|or|as)\b[^.;]{0,30}$/i.test(s.text.slice(0, x.index)) &&
        !/\bpay\w*\s+(?:\w+\s+)?$/i.test(s.text.slice(0, x.index)) &&
        !deniedBefore(s.text, x.index),
    );
    if (!m) return [];
    return [
      forSegment(
        'in-store-without-photo-id',
        'error',
        `In a store, CPNI is disclosed only on a valid (government-issued, unexpired) photo ID matching the account; "${collapse(m[0])}" is not enough (§ 64.2010(d); § 64.2003(r)).`,
        '47 C.F.R. § 64.2010(d)',
        'Require a valid government-issued photo ID that matches the account information.',
        doc.text,
        s,
      ),
    ];
  });

const NEW_CONTACT =
  /\bto\s+(?:the\s+)?(?:customer['’]s\s+|account['’]s\s+)?(?:new|updated|newly[\s-]+\w+|changed)\s+(?:e-?mail(?:\s+address)?|address|mailing\s+address|phone(?:\s+number)?|telephone\s+number|number|contact(?:\s+information)?|device)/i;
const REVEALS =
  /\b(?:includ\w*|show\w*|stat(?:e|es|ing)|list\w*|display\w*|contain\w*|reveal\w*|confirm\w*|repeat\w*|giv\w*|print\w*)\s+(?:the\s+)?(?:new|updated|changed)\s+(?:password|PIN|address|e-?mail|value|information|data|contact|number|answer|back-?\s?up\s+answer)/i;
const NOT_IMMEDIATE =
  /\bwithin\s+(?:\w+\s+)?(?:\(\d+\)\s+)?(?:\d+|one|two|three|five|seven|ten|fifteen|thirty)(?:\s*\(\d+\))?\s+(?:business\s+|calendar\s+)?(?:days?|weeks?|months?)\b|\b(?:on|with|in)\s+the\s+(?:next|following)\s+(?:monthly\s+)?(?:bill|billing\s+(?:statement|cycle)|statement|invoice)|\bat\s+the\s+next\s+bill\w*|\b(?:monthly|weekly|quarterly)\b/i;

/** Pitfalls 15 and 23: account-change notices (§ 64.2010(f)). */
export const accountChange: Check = (doc) => {
  const out: Finding[] = [];
  for (const s of doc.sentences) {
    if (!isAbout(s, 'accountChange', ['breach', 'notice', 'optOutFailure'])) continue;
    if (!/chang|creat|updat|notice|notif|confirm|letter|message|text|e-?mail/i.test(s.text)) continue;
    const n = NEW_CONTACT.exec(s.text);
    if (n && !deniedBefore(s.text, n.index))
      out.push(
        forSegment(
          'account-change-to-new-contact',
          'error',
          'Account-change notices must not go to the new (changed) contact information (§ 64.2010(f)).',
          '47 C.F.R. § 64.2010(f)',
          'Send the notice by carrier-originated voicemail or text to the telephone number of record, or by mail to the address of record (not the new one).',
          doc.text,
          s,
        ),
      );
    const r = REVEALS.exec(s.text);
    if (r && !deniedBefore(s.text, r.index))
      out.push(
        forSegment(
          'account-change-reveals',
          'error',
          'Account-change notices must not reveal the changed information (§ 64.2010(f)).',
          '47 C.F.R. § 64.2010(f)',
          'Say only that the account changed, without the new value.',
          doc.text,
          s,
        ),
      );
    const late = NOT_IMMEDIATE.exec(s.text);
    if (late && /notif|notice|letter|message|text|e-?mail|inform|tell/i.test(s.text) && !deniedBefore(s.text, late.index))
      out.push(
        make(
          'account-change-not-immediate',
          'error',
          `"${collapse(late[0])}": account-change notices are sent immediately when a password, back-up answer, online account or address of record is created or changed (§ 64.2010(f)).`,
          '47 C.F.R. § 64.2010(f)',
          'Write "immediately".',
          doc.text,
          s.start + late.index,
          s.start + late.index + late[0].length,
        ),
      );
  }
  return out;
};

/** Pitfall 21: the opt-out wait (§ 64.2008(d)(1)) and refresh (§ 64.2008(d)(2)). */
export const optOutTiming: Check = (doc) => {
  const out: Finding[] = [];
  for (const s of doc.sentences) {
    if (!OPT_OUT.test(s.text) && !/\bsilence\b|\bnotices?\b/i.test(s.text) && !isAbout(s, 'notice')) continue;
    const mailed = /\b(?:(?:thirty|30)(?:\s*\(30\))?\s+(?:calendar\s+)?days\s+(?:after|from|following)\s+(?:the\s+)?(?:date\s+(?:of\s+|on\s+which\s+)?(?:the\s+)?)?(?:notice\s+is\s+|notices\s+are\s+|it\s+is\s+)?(?:mail\w*|posted|sent\s+by\s+mail))|\bmail\w*[^.]{0,60}?(?:thirty|30)(?:\s*\(30\))?\s+days\s+(?:later|after)/i.exec(s.text);
    if (mailed && !/\bthird\s+day|\bthree\s+(?:\(3\)\s+)?days|\b3\s+days|\b33\s+days|thirty-three/i.test(s.text) && !deniedBefore(s.text, mailed.index) && /approv|silen|assum|treat|deem|consent|use/i.test(s.text))
      out.push(
        make(
          'opt-out-wait-from-mailing',
          'error',
          'For mailed opt-out notices, the 30-day wait starts on the third day after mailing, not on the day of mailing (§ 64.2008(d)(1)).',
          '47 C.F.R. § 64.2008(d)(1)',
          'Write "at least 30 days, counted from the third day after mailing".',
          doc.text,
          s.start + mailed.index,
          s.start + mailed.index + mailed[0].length,
        ),
      );
    const short = /\b(?:after|wait\w*)\s+(?:only\s+|at\s+least\s+)?(?:ten|fifteen|twenty|10|14|15|20|21|25)(?:\s*\(\d+\))?\s+days\b/i.exec(s.text);
    if (short && /approv|silen|assum|treat|deem|consent/i.test(s.text) && OPT_OUT.test(s.text) && !deniedBefore(s.text, short.index))
      out.push(
        make(
          'opt-out-wait-short',
          'error',
          `"${collapse(short[0])}": the Company must wait at least 30 days after an opt-out notice before assuming approval (§ 64.2008(d)(1)).`,
          '47 C.F.R. § 64.2008(d)(1)',
          'Wait at least 30 days (counted from the third day after mailing for mailed notices).',
          doc.text,
          s.start + short.index,
          s.start + short.index + short[0].length,
        ),
      );
    const refresh = /\b(?:every|once\s+every|each)\s+(?:three|four|five|3|4|5)(?:\s*\(\d\))?\s+years\b|\b(?:triennial(?:ly)?)\b|\b(?:every|once\s+every|each)\s+(?:(?:2[5-9]|[3-9]\d)|thirty[\s-]six|forty[\s-]eight)(?:\s*\(\d+\))?\s+months\b/i.exec(s.text);
    if (refresh && OPT_OUT.test(s.text) && /notice|notif|remind|send|mail/i.test(s.text) && !deniedBefore(s.text, refresh.index))
      out.push(
        make(
          'opt-out-refresh-interval',
          'error',
          `"${collapse(refresh[0])}": a carrier that relies on opt-out approval gives the notice every two years (§ 64.2008(d)(2)).`,
          '47 C.F.R. § 64.2008(d)(2)',
          'Write "every two years" (or more often, as the Company\'s practice).',
          doc.text,
          s.start + refresh.index,
          s.start + refresh.index + refresh[0].length,
        ),
      );
  }
  return out;
};

const JV = /\b(?:joint[\s-]+ventures?(?:\s+partners?)?|JV\s+partners?|independent\s+contractors?|contractors?|(?:unaffiliated\s+)?third[\s-]+part(?:y|ies)|unaffiliated\s+(?:entities|companies|vendors))\b/i;

/** Pitfall 17. */
export const jvOptOut: Check = perSentence(
  'opt-out-for-third-parties',
  'error',
  'Joint venture partners, independent contractors and other third parties may receive CPNI for marketing only with opt-in approval; opt-out covers only the Company, its agents and affiliates providing communications-related services (§ 64.2007(b)).',
  '47 C.F.R. § 64.2007(b)',
  'Use opt-in approval for them; keep opt-out for the Company, its agents and its affiliates that provide communications-related services.',
  (s) => {
    if (OPT_IN.test(s.text) || /\bfail\w*|do(?:es)?\s+not\s+work|64\.2009\s*\(f\)/i.test(s.text)) return false;
    // Read clause by clause: "agents under opt-out; third parties never under opt-out".
    return s.text.split(/;|\bbut\b|\bwhile\b|\bwhereas\b/i).some((clause) => {
      const j = JV.exec(clause);
      // "… with joint venture partners if the customer does not opt out": opt-out approval in other words.
      const implied = /(?:does\s+not|doesn['’]t|has\s+not|hasn['’]t|fails?\s+to|unless\s+(?:the\s+)?customers?\s+)\s*opt(?:s|ed)?[\s-]*out/i.exec(clause);
      if (j && implied && !/\b(?:never|no\s+CPNI|not\s+(?:share|disclose|give|provide))\b/i.test(clause.slice(0, j.index))) return true;
      const o = OPT_OUT.exec(clause);
      return !!o && !!j && !deniedBefore(clause, Math.max(o.index, j.index)) && !/\b(?:never|not|no)\b/i.test(clause);
    });
  },
);

/** Pitfall 16. */
export const oralOptOut: Check = perSentence(
  'oral-opt-out-notice',
  'error',
  'Opt-out notices must be written or electronic; oral notice is allowed only for one-time use of CPNI during a call (§ 64.2008(d), (f)).',
  '47 C.F.R. § 64.2008(d), (f)',
  'Send opt-out notices by mail or electronically; limit oral notice to one-time use for the length of the call.',
  (s) => {
    const oral = /\b(?:oral(?:ly)?|verbal(?:ly)?|by\s+(?:tele)?phone|over\s+the\s+(?:tele)?phone)\b/i.exec(s.text);
    if (!oral || !OPT_OUT.test(s.text) || !/notice|notif|inform|told|tell/i.test(s.text)) return false;
    if (/one[\s-]+time|single\s+call|duration\s+of\s+(?:the|a|an)\s+(?:\w+\s+)?call|64\.2008\s*\(f\)|opt[\s-]*out\s+(?:requests?|by\s+call)|customers?\s+(?:may|can)\s+opt[\s-]*out/i.test(s.text)) return false;
    return !deniedBefore(s.text, oral.index);
  },
);

/** Pitfall 24: no approval is needed within the categories the customer already buys. */
export const optInWithinCategories: Check = perSentence(
  'opt-in-for-existing-services',
  'error',
  'No customer approval is needed to use CPNI for marketing within the categories of service the customer already buys (§ 64.2005(a)); a stricter practice is allowed, but it is not the rule.',
  '47 C.F.R. § 64.2005(a)',
  'Say that the Company, as its own practice, asks for approval even where the rule does not require it — or remove the claim.',
  (s) => {
    const m = /\b(?:opt[\s-]*in|(?:customer['’]?s?|prior|express|affirmative)\s+approval|consent)\b/i.exec(s.text);
    if (!m || !/\b(?:required|requires?|must|needs?|needed|necessary|mandat\w*|obligat\w*)\b/i.test(s.text)) return false;
    if (!/\b(?:already\s+(?:buys?|subscribes?|purchases?|takes?|has|uses?)|existing\s+(?:services?|categor\w*|(?:service\s+)?relationship)|categor(?:y|ies)\s+of\s+service\s+(?:the\s+customer|to\s+which)|(?:currently|now)\s+(?:subscribes?|buys?|receives?)|same\s+categor\w*|current\s+services?)\b/i.test(s.text)) return false;
    if (/\b(?:own|internal)\s+(?:practice|policy)|\bas\s+a\s+(?:matter\s+of\s+)?(?:practice|policy)|\beven\s+though|\balthough|\bnot\s+required\s+by|\bno\s+(?:\w+\s+)?(?:approval|consent|opt[\s-]*in)\b|\bwithout\s+(?:\w+\s+)?approval|\bstricter/i.test(s.text)) return false;
    return !deniedBefore(s.text, m.index);
  },
);

/** Pitfall 25: tracking customers who call competitors (§ 64.2005(b)(2)). */
export const trackingCompetitors: Check = perSentence(
  'tracking-competitor-callers',
  'error',
  'CPNI may never be used to identify or track customers who call competing service providers (§ 64.2005(b)(2)).',
  '47 C.F.R. § 64.2005(b)(2)',
  'Remove the practice; state that the Company does not use CPNI to identify or track calls to competitors.',
  (s) => {
    const m = /\b(?:identif\w*|track\w*|monitor\w*|flag\w*|target\w*|list\w*|find\w*)\b[^.]{0,80}?\b(?:call\w*|contact\w*|dial\w*)\b[^.]{0,40}?\bcompet\w*/i.exec(s.text);
    return !!m && !deniedBefore(s.text, m.index) && !/\bprohibit|\bnever\b|\bnot\s+(?:permitted|allowed)/i.test(s.text);
  },
);

/** Pitfall 18. */
export const subscriberList: Check = perSentence(
  'cpni-includes-subscriber-list',
  'error',
  'CPNI does not include subscriber list information (47 U.S.C. 222(h)(1)).',
  '47 U.S.C. 222(h)(1); 47 C.F.R. § 64.2003',
  'Remove the statement, or say that subscriber list information is not CPNI.',
  (s) => {
    const m =
      /\bCPNI\b[^.]{0,60}?\b(includ\w*|cover\w*|encompass\w*|consists?\s+of|compris\w*)\b[^.]{0,160}?subscriber\s+list\s+information/i.exec(s.text) ??
      /subscriber\s+list\s+information\s+((?:is|are)\s+(?:also\s+)?(?:part\s+of\s+|a\s+form\s+of\s+|a\s+type\s+of\s+)?(?:CPNI|customer\s+proprietary))/i.exec(s.text);
    return !!m && !deniedBefore(s.text, m.index + m[0].indexOf(m[1]!));
  },
);

/** Pitfall 19: customers are told only after law enforcement (2007 rule, § 64.2011(a), (b)(1)–(2)). */
export const customersBeforeLawEnforcement: Check = (doc, ctx) => {
  if (ctx.breachRule !== '2007') return [];
  const out: Finding[] = [];
  const AGENCY = String.raw`(?:USSS|Secret\s+Service|FBI|law\s+enforcement|the\s+(?:investigating\s+)?agenc(?:y|ies)|authorities)`;
  for (const s of doc.sentences) {
    if (!isAbout(s, 'breach', ['accountChange', 'notice', 'optOutFailure'])) continue;
    const before = new RegExp(String.raw`\bcustomers?\b[^.]{0,100}?\b(?:before|prior\s+to|ahead\s+of)\s+(?:\w+\s+){0,3}?${AGENCY}|\b(?:first|initially)\s+(?:\w+\s+){0,2}?notif\w*\s+(?:\w+\s+){0,3}?customers?\b[^.]{0,80}?\b(?:then|afterwards?|after\s+that)\b[^.]{0,40}?${AGENCY}|\bnotif\w*\s+(?:\w+\s+){0,3}?customers?\s+(?:first|and\s+then)\b|\bcustomers?\b[^.;]{0,40}?\b(?:notified|told|informed|contacted)\s+first\b|\bcustomers?\b[^.;]{0,60}?\b(?:and\s+then|then)\s+(?:\w+\s+){0,3}?${AGENCY}|\bcustomers?\b[^.;]{0,80}?\bfollowed\s+by\s+(?:\w+\s+){0,3}?${AGENCY}`, 'i').exec(s.text);
    const immediately = /\b(?:notif\w*|tell|let)\s+(?:\w+\s+){0,3}?customers?\s+(?:know\s+)?(?:immediately|right\s+away|at\s+once)|\bcustomers?\b[^.;]{0,60}?\b(?:notified|told|informed)\s+immediately|\bimmediately\s+(?:notif\w*|tell\w*|inform\w*)\s+(?:\w+\s+){0,2}?customers?/i.exec(s.text);
    const hit = before && !deniedBefore(s.text, before.index) ? before : immediately && !/\bconsult\w*|\bafter\s+(?:\w+\s+){0,4}(?:USSS|Secret|FBI|law\s+enforcement|agenc)/i.test(s.text) && !deniedBefore(s.text, immediately.index) ? immediately : undefined;
    if (hit)
      out.push(
        forSegment(
          'customers-before-law-enforcement',
          'error',
          'Under § 64.2011 (2007 rule), customers are notified only after the USSS and FBI have been notified and seven full business days have passed; earlier notice requires the urgent-harm exception and consultation with the investigating agency (§ 64.2011(a), (b)(1)–(2)).',
          '47 C.F.R. § 64.2011(a), (b)',
          'Notify the USSS and FBI first; notify customers after seven full business days, or sooner only after consulting the investigating agency.',
          doc.text,
          s,
        ),
      );
  }
  return out;
};

const RETAIN = /\b(?:kept|keeps?|keeping|retain\w*|maintain\w*|stored?|preserv\w*|held|hold)\b/i;
const PERIOD = /\b(?:for\s+)?(?:(?:at\s+least|a\s+minimum\s+of|no\s+less\s+than|only)\s+)?(one|two|three|four|five|six|nine|twelve|eighteen|thirty|sixty|ninety|\d{1,3})(?:\s*\(\d+\))?[\s-]+(years?|months?|days?)\b/gi;
const NUMBER: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, nine: 9, twelve: 12, eighteen: 18, thirty: 30, sixty: 60, ninety: 90 };

function months(n: string, unit: string): number {
  const v = NUMBER[n.toLowerCase()] ?? Number(n);
  return /^y/i.test(unit) ? v * 12 : /^m/i.test(unit) ? v : v / 30;
}

/** Pitfall 20: retention periods (§ 64.2011(d): two years; §§ 64.2007(a)(3), 64.2008(a)(2), 64.2009(c)–(d): one year). */
export const retention: Check = (doc) => {
  const out: Finding[] = [];
  for (const s of doc.sentences) {
    const keep = RETAIN.exec(s.text);
    if (!keep || !/\brecords?\b|\blogs?\b|\bdocument\w*|\bcop(?:y|ies)\b|\bfiles?\b/i.test(s.text)) continue;
    const periods = [...s.text.matchAll(PERIOD)].filter((m) => m.index > keep.index - 40 && !/\bup\s+to\s*$/i.test(s.text.slice(0, m.index)));
    const p = periods[0];
    if (!p || deniedBefore(s.text, keep.index)) continue;
    const m = months(p[1]!, p[2]!);
    const breach = /\bbreach\w*/i.test(s.text) || (isAbout(s, 'breach', ['marketing', 'notice', 'accountChange']) && !/campaign|approval|marketing|notice\s+records/i.test(s.text));
    if (breach && m < 24)
      out.push(
        make('breach-records-retention', 'error', `"${collapse(p[0])}": breach records are kept for at least two years (§ 64.2011(d)).`, '47 C.F.R. § 64.2011(d)', 'Write "at least two years".', doc.text, s.start + p.index, s.start + p.index + p[0].length),
      );
    else if (!breach && m < 12 && /campaign|approv|notice|notif|marketing|disclos|third\s+part|supervis|outbound/i.test(s.text))
      out.push(
        make(
          'record-retention-too-short',
          'error',
          `"${collapse(p[0])}": marketing-campaign, third-party-disclosure, supervisory-review, approval and notice records are kept for at least one year (§§ 64.2007(a)(3), 64.2008(a)(2), 64.2009(c), (d)).`,
          '47 C.F.R. §§ 64.2007(a)(3), 64.2008(a)(2), 64.2009(c)–(d)',
          'Keep them at least one year.',
          doc.text,
          s.start + p.index,
          s.start + p.index + p[0].length,
        ),
      );
  }
  return out;
};

/** Pitfall 26: "does not use CPNI for marketing" beside a sentence saying it markets with CPNI. */
export const marketingContradiction: Check = (doc) => {
  const denial = doc.sentences.find((s) =>
    /\b(?:does|do|did)\s+not\s+use\s+(?:its\s+customers['’]\s+)?CPNI\s+(?:for|to|in)\s+(?:any\s+)?(?:sales|marketing|market)|\bno(?:t)?\s+(?:use\s+of\s+)?CPNI\s+(?:is\s+used\s+)?(?:for|in)\s+(?:any\s+)?(?:sales\s+or\s+)?marketing|\bdoes\s+not\s+(?:engage\s+in|conduct)\s+(?:any\s+)?(?:CPNI[\s-]based\s+)?marketing/i.test(s.text),
  );
  if (!denial) return [];
  return doc.sentences
    .filter((s) => s !== denial && !/^\s*(?:if|should|in\s+the\s+event|were|unless|when(?:ever)?)\b/i.test(s.text) && !isHypothetical(s.text))
    .filter((s) => {
      const m = /\buses?\s+(?:customers['’]\s+)?CPNI\s+to\s+market|\bmarket(?:s|ing)?\b[^.]{0,100}?\b(?:using|with|based\s+on|from)\s+(?:its\s+customers['’]\s+)?CPNI|\bmarkets?\b[^.]{0,100}?\bwithin\s+(?:the\s+)?[^.]{0,30}?categor|\bCPNI[\s-]based\s+(?:sales|marketing)\s+campaigns?\s+(?:were|was|are)\s+(?:run|conducted)|\bopt[\s-]*(?:out|in)\s+approval\s+to\s+(?:market|use)|\bmarkets?\s+(?:\w+\s+){0,5}?within\s+(?:the\s+)?(?:\w+\s+){0,3}?categor/i.exec(s.text);
      return !!m && !deniedBefore(s.text, m.index);
    })
    .map((s) =>
      forSegment(
        'marketing-contradiction',
        'error',
        `This contradicts the statement that the Company does not use CPNI for marketing ("${collapse(denial.text).slice(0, 80)}"). Marketing within existing service categories is still use of CPNI, and every CPNI-based campaign needs a record (§§ 64.2005(a), 64.2009(c)).`,
        '47 C.F.R. §§ 64.2005, 64.2009(c)',
        'Make the statement say one thing: either the Company uses CPNI for marketing (and how), or it does not.',
        doc.text,
        s,
      ),
    );
};

const LATER_RULE = /\b23-111\b|\bSIM[\s-](?:card\s+)?(?:change|swap)\w*|\bport[\s-]?out\s+fraud|\bSafe\s+Connections\s+Act|\bline\s+separation|\bcovered\s+data\b|\b2023\s+(?:breach\s+)?(?:rules?|amendments?|order|data\s+breach)|\bData\s+Breach\s+(?:Reporting\s+)?(?:Order|Requirements)/i;

/** Pitfall 27: statements about rules that did not exist in the covered year, and the tool's notes in a filing. */
export const wrongPeriod: Check = (doc, ctx) => {
  const out: Finding[] = [];
  for (const s of doc.sentences) {
    const m = LATER_RULE.exec(s.text);
    if (m && ctx.coveredYear < 2023 && ctx.breachRule !== '2023' && !/64\.2010\s*\((?:h|i)\)/.test(s.text))
      out.push(
        make(
          'rule-not-in-covered-year',
          'error',
          `"${collapse(m[0])}" belongs to rules adopted in 2023 (FCC 23-111 and the SIM-change order); this filing covers calendar year ${ctx.coveredYear} and speaks of the rules in force then (§ 64.2009(e)).`,
          '47 C.F.R. § 64.2009(e)',
          `Describe the Company's practice under the rules in force in ${ctx.coveredYear}.`,
          doc.text,
          s.start + m.index,
          s.start + m.index + m[0].length,
        ),
      );
    const note = /\b(?:unverified|(?:has\s+)?not\s+(?:been\s+)?(?:verified|confirmed)\s+(?:by|with|against)|could\s+not\s+(?:be\s+)?(?:confirm|verif)\w*|CPNI\s+Desk|verify\s+(?:this|before\s+filing))|\[(?:R|S|V)\]/i.exec(s.text);
    if (note)
      out.push(
        make(
          'preparer-note-in-filing',
          'warning',
          'This reads like a preparer\'s note about what is unverified; the filing speaks only for the company, about what it does (§ 64.2009(e)).',
          '47 C.F.R. § 64.2009(e)',
          'Remove the note from the filing text.',
          doc.text,
          s.start + note.index,
          s.start + note.index + note[0].length,
        ),
      );
  }
  return out;
};

/**
 * The data-broker and complaint statements are about the year the filing covers (§ 64.2009(e)):
 * "no complaints in calendar year 2026" in the filing that covers 2025 states the wrong year.
 * Only a year named as a period counts ("in", "during", "for", "calendar year"), not a date.
 */
const STATEMENT_SUBJECT = /\bdata[\s-]+brokers?\b|\bpretexters?\b|\bcomplaints?\b/i;
/** What the statements report: complaints received, actions taken (not a history of the policy). */
const STATEMENT_EVENT = /\b(?:receiv\w*|filed|taken|took|instituted|brought|initiated|no\s+(?:customer\s+)?complaints|any\s+actions?|actions?\s+against)\b/i;
/** A year a procedure or system dates from ("adopted in 2019", "installed in 2018"), not the period reported on. */
const STATEMENT_HISTORY = /\b(?:adopted|installed|implemented|introduced|established|began|started|since|created|put\s+in\s+place)\b/i;
const PERIOD_YEAR = /\b(?:(?:calendar|fiscal)\s+year|year|during|in|for|throughout)\s+(?:the\s+(?:calendar\s+)?year\s+)?((?:19|20)\d\d)\b(?![-/]\d|,?\s*(?:through|to|until))/gi;

export const statementYear: Check = (doc, ctx) => {
  const out: Finding[] = [];
  for (const s of doc.sentences) {
    if (!STATEMENT_SUBJECT.test(s.text) || !STATEMENT_EVENT.test(s.text) || STATEMENT_HISTORY.test(s.text) || new RegExp(`\\b${ctx.coveredYear}\\b`).test(s.text)) continue;
    for (const m of s.text.matchAll(PERIOD_YEAR)) {
      if (Number(m[1]) === ctx.coveredYear) continue;
      const at = s.start + m.index + m[0].length - m[1]!.length;
      out.push(
        make(
          'statement-wrong-year',
          'error',
          `"${m[1]}": this filing covers calendar year ${ctx.coveredYear}, and its statements on data brokers and customer complaints are about that year (§ 64.2009(e)).`,
          '47 C.F.R. § 64.2009(e)',
          `Write calendar year ${ctx.coveredYear}.`,
          doc.text,
          at,
          at + m[1]!.length,
        ),
      );
    }
  }
  return out;
};

export const hedged: Check = (doc) =>
  [...doc.text.matchAll(/\b(?:substantial(?:ly)?|materially|generally|largely|mostly)\s+(?:in\s+)?complian(?:ce|t)\b|\bsubstantially\s+compl(?:y|ies)\b/gi)].map((m) =>
    make(
      'hedged-compliance',
      'warning',
      `"${collapse(m[0])}" hedges the conclusion: § 64.2009(e) asks how the procedures ensure the Company is, or is not, in compliance.`,
      '47 C.F.R. § 64.2009(e)',
      'Write "is in compliance", or "is not in compliance" with the reason.',
      doc.text,
      m.index,
      m.index + m[0].length,
    ),
  );

export { topicsOf };
