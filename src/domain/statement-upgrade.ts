/**
 * One step from any stored questionnaire answers to the current shape (`StoredAnswers`,
 * version 2), for the database upgrade, a backup being restored, and every read of a
 * certification (so a row written by an earlier version never breaks the editor or an export).
 *
 * Version 1 (no `version` field) was one object that started pre-filled with sample
 * procedures, confirmed as a whole by the certification's `answersReviewedOn` tick. Its answers
 * are kept, but every topic becomes a sample to review: a single tick over sample text is not a
 * review of each topic, and the statement drafted from the answers has changed. A version-1
 * answer that cannot be read one way only (the statement printed both readings) is dropped, so
 * its question is asked again.
 *
 * Version 2 is checked the same way, answer by answer: anything of the wrong type is treated as
 * unanswered, never guessed.
 */
import { formatLong, isIsoDate } from './dates';
import {
  ANSWERS_VERSION,
  SAMPLE_ANSWERS,
  TOPIC_IDS,
  emptyAnswers,
  isAnswered,
  type AnswerOrigin,
  type StoredAnswers,
  type TopicId,
  type TopicReview,
} from './statement-answers';
import { topic } from './statement-topics';

export class AnswersTooNewError extends Error {
  constructor(version: number) {
    super(`These questionnaire answers were saved by a newer version of CPNI Desk (answers version ${version}; this version reads up to ${ANSWERS_VERSION}). Update the app to open them.`);
    this.name = 'AnswersTooNewError';
  }
}

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const obj = (x: unknown): Obj => (isObj(x) ? x : {});
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);
const bool = (x: unknown): boolean | null => (typeof x === 'boolean' ? x : null);
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? Math.floor(x) : null);
const date = (x: unknown): string => (typeof x === 'string' && isIsoDate(x) ? x : '');

/** A choice among the options the question offers, or null. */
function choice(id: TopicId, key: string, x: unknown): string | null {
  const question = topic(id).questions.find((q) => q.key === key);
  return typeof x === 'string' && !!question?.options?.some((o) => o.value === x) ? x : null;
}

/** One answer checked against the type of the question it answers. */
function checked(id: TopicId, key: string, x: unknown): unknown {
  const question = topic(id).questions.find((q) => q.key === key);
  switch (question?.control) {
    case 'yesNo': return bool(x);
    case 'select': return choice(id, key, x);
    case 'number': return num(x);
    case 'text':
    case 'textarea': return str(x);
    default: return null;
  }
}

const ORIGINS: readonly AnswerOrigin[] = ['user', 'sample', 'lastYear'];

function review(x: unknown): TopicReview | undefined {
  if (!isObj(x) || !ORIGINS.includes(x.origin as AnswerOrigin)) return undefined;
  const out: TopicReview = { origin: x.origin as AnswerOrigin, reviewedOn: date(x.reviewedOn) };
  if (typeof x.fromYear === 'number' && Number.isInteger(x.fromYear)) out.fromYear = x.fromYear;
  if (date(x.lastReviewedOn)) out.lastReviewedOn = date(x.lastReviewedOn);
  if (typeof x.note === 'string' && x.note) out.note = x.note;
  return out;
}

function fromVersion2(raw: Obj): StoredAnswers {
  const out = emptyAnswers();
  const values = obj(raw.values);
  const topics = obj(raw.topics);
  for (const id of TOPIC_IDS) {
    const given = obj(values[id]);
    const kept: Obj = {};
    for (const q of topic(id).questions) {
      const v = checked(id, q.key, given[q.key]);
      if (v !== null) kept[q.key] = v;
    }
    if (Object.keys(kept).length) (out.values as Record<string, Obj>)[id] = kept;
    const r = review(topics[id]);
    // A topic with answers always says where they came from; one the user never saw is a sample.
    if (r) out.topics[id] = r;
    else if (Object.values(kept).some(isAnswered)) out.topics[id] = { origin: 'sample', reviewedOn: '' };
  }
  out.simChangeComplianceDate = date(raw.simChangeComplianceDate);
  return out;
}

function approval(x: unknown): string | null {
  return x === 'none' || x === 'optOut' || x === 'optIn' ? x : null;
}

function method<T extends string>(a: boolean | null, b: boolean | null, one: T, other: T, both: T): T | null {
  if (a && b) return both;
  if (a) return one;
  if (b) return other;
  return null;
}

/** Version 1's nested answers, mapped question by question. */
function fromVersion1(raw: Obj, answersReviewedOn: string): StoredAnswers {
  const m = obj(raw.marketing);
  const n = obj(raw.notices);
  const t = obj(raw.training);
  const au = obj(raw.authentication);
  const calls = obj(au.calls);
  const online = obj(au.online);
  const change = obj(raw.accountChangeNotices);
  const cmrs = obj(raw.cmrs);
  const vendors = obj(raw.vendors);
  const contact = obj(raw.contact);
  const conclusion = obj(raw.conclusion);
  const marketed = bool(m.usesCpni);
  const recipient = (x: unknown) => (marketed === false ? 'none' : marketed ? approval(x) : null);
  const backup = str(au.backupMethod);
  const contactName = str(contact.name);
  const retailStores = bool(au.retailStores);

  const values: Record<TopicId, Obj> = {
    // Version 1 printed "within the categories a customer already buys" for every carrier, beside
    // "does not use CPNI for marketing" for some: which one was meant cannot be told.
    marketing: {
      withinCategories: null,
      own: recipient(m.own),
      agents: recipient(m.agents),
      affiliates: recipient(m.affiliates),
      thirdParties: marketed === false ? 'none' : m.thirdParties === 'optIn' || m.thirdParties === 'none' ? m.thirdParties : null,
    },
    approvalSystem: { name: str(obj(raw.approvalSystem).name), howUsed: str(obj(raw.approvalSystem).howUsed) },
    notices: {
      method: method(bool(n.mail), bool(n.electronic), 'mail', 'email', 'both'),
      optOutWaitDays: num(n.optOutWaitDays),
      refreshEveryTwoYears: bool(n.refreshEveryTwoYears),
      oralOneTime: bool(n.oralOneTime),
    },
    approvalRecords: { retentionYears: num(raw.approvalRecordsRetentionYears) },
    // Version 1 always printed the training log sentence; it is kept as the answer it stood for.
    training: { who: str(t.who), how: str(t.how), schedule: str(t.schedule), records: SAMPLE_ANSWERS.training.records, discipline: str(t.discipline) },
    campaignRecords: { system: str(obj(raw.campaignRecords).system), retentionYears: num(obj(raw.campaignRecords).retentionYears) },
    supervisoryReview: { reviewer: str(obj(raw.supervisoryReview).reviewer), retentionYears: num(obj(raw.supervisoryReview).retentionYears) },
    optOutFailure: { owner: str(obj(raw.optOutFailure).owner) },
    authentication: {
      callPassword: bool(calls.password),
      callBack: bool(calls.callBack),
      callMail: bool(calls.mailToAddressOfRecord),
      online: bool(online.offered),
      onlineFirstAuthentication: str(online.initialAuthentication),
      // "No retail stores" still promised photo ID at an office: ask again.
      inPerson: retailStores === true ? true : null,
    },
    passwords: {
      // New question: how the customer is authenticated before choosing a password (§ 64.2010(e)).
      setupAuthentication: null,
      choosing: str(au.passwordSetup),
      backupOffered: backup?.trim() ? true : null,
      backupMethod: backup,
    },
    accountChanges: { method: method(bool(change.voicemailOrText), bool(change.mail), 'voicemailOrText', 'mail', 'both'), owner: str(change.owner) },
    businessCustomers: { contractAuthentication: bool(obj(raw.businessCustomers).contractAuthentication) },
    simChanges: { safeguards: str(cmrs.simChangeSafeguards) },
    vendors: { hasAccess: bool(vendors.hasAccess), description: str(vendors.description) },
    breach: { owner: str(obj(raw.breach).owner), recordsSystem: str(obj(raw.breach).recordsSystem) },
    contact: contactName?.trim()
      ? { who: 'named', name: contactName, title: str(contact.title), email: str(contact.email), phone: str(contact.phone) }
      : isObj(raw.contact)
        ? { who: 'officer' }
        : {},
    conclusion: { inCompliance: bool(conclusion.inCompliance), explanation: str(conclusion.explanation) },
  };

  const note = answersReviewedOn
    ? `Kept from an earlier version of CPNI Desk, where all answers were confirmed with one tick on ${formatLong(answersReviewedOn)}: review this topic on its own.`
    : 'Kept from an earlier version of CPNI Desk, whose questionnaire started from sample procedures: review this topic.';
  const out = fromVersion2({ version: ANSWERS_VERSION, values, topics: {}, simChangeComplianceDate: cmrs.complianceDate });
  for (const id of TOPIC_IDS) {
    const r = out.topics[id];
    if (!r) continue;
    r.note = note;
    if (id === 'training' && bool(t.annualAsPractice))
      r.note = `${note} Yearly refresher training was a separate answer before: if it is your practice, say so in “When each person is trained”.`;
  }
  return out;
}

/**
 * Any stored answers → the current shape. `answersReviewedOn` is the version-1 certification's
 * single confirmation, kept only as a note: it never marks a topic reviewed.
 * Throws `AnswersTooNewError` for answers written by a newer version.
 */
export function upgradeAnswers(stored: unknown, answersReviewedOn?: unknown): StoredAnswers {
  if (!isObj(stored)) return emptyAnswers();
  const version = stored.version;
  if (version === undefined || version === 1) return fromVersion1(stored, date(answersReviewedOn));
  if (typeof version === 'number' && version > ANSWERS_VERSION) throw new AnswersTooNewError(version);
  return fromVersion2(stored);
}
