/**
 * The questionnaire behind the accompanying statement: its topics in order, each with its
 * questions, when it applies, and its state (unanswered, a sample or last year's answers to
 * review, done). The form, the readiness check and the statement draft all read this one table.
 */
import type { IsoDate } from './dates';
import type { Service } from './schema';
import {
  SAMPLE_ANSWERS,
  TOPIC_IDS,
  isAnswered,
  marketsWithCpni,
  seeksApproval,
  usesOptOut,
  type AnswerValues,
  type StatementAnswers,
  type StoredAnswers,
  type TopicId,
  type TopicReview,
} from './statement-answers';
import { simChangeApplies } from './statement-rules';

export type QuestionControl = 'yesNo' | 'select' | 'text' | 'textarea' | 'number';

export interface Question {
  topic: TopicId;
  key: string;
  label: string;
  control: QuestionControl;
  options?: { value: string; label: string }[];
  hint?: string;
  /** An optional answer never leaves its topic unanswered. */
  optional?: boolean;
  /** Asked only when this holds. */
  when?: (v: AnswerValues) => boolean;
}

export interface QuestionnaireContext {
  services: readonly Service[];
  coveredYear: number;
}

export interface Topic {
  id: TopicId;
  title: string;
  citation: string;
  questions: Question[];
  /** Whether the statement needs this topic at all (it always does, unless this says otherwise). */
  applies?: (answers: StoredAnswers, ctx: QuestionnaireContext) => boolean;
}

const APPROVAL = [
  { value: 'none', label: 'Not done' },
  { value: 'optOut', label: 'Done with opt-out approval' },
  { value: 'optIn', label: 'Done with opt-in approval' },
];

/** A question of topic T whose key is one of T's answers. */
function q<T extends TopicId>(topic: T, key: keyof StatementAnswers[T] & string, label: string, control: QuestionControl, more: Partial<Question> = {}): Question {
  return { topic, key, label, control, ...more };
}

const when = {
  online: (v: AnswerValues) => v.authentication?.online === true,
  backup: (v: AnswerValues) => v.passwords?.backupOffered === true,
  optOut: (v: AnswerValues) => usesOptOut(v.marketing),
  vendors: (v: AnswerValues) => v.vendors?.hasAccess === true,
  namedContact: (v: AnswerValues) => v.contact?.who === 'named',
  notInCompliance: (v: AnswerValues) => v.conclusion?.inCompliance === false,
};

export const TOPICS: Topic[] = [
  {
    id: 'marketing',
    title: 'Use of CPNI for marketing',
    citation: '§§ 64.2005, 64.2007',
    questions: [
      q('marketing', 'withinCategories', 'The company uses CPNI to market offerings within the categories of service (local, long distance, wireless) a customer already buys from it', 'yesNo', {
        hint: 'No customer approval is needed for this (§ 64.2005(a)), but each such campaign is recorded (§ 64.2009(c)).',
      }),
      q('marketing', 'own', 'Its own marketing of other communications-related services to a customer', 'select', { options: APPROVAL }),
      q('marketing', 'agents', 'Disclosure to its agents for marketing communications-related services', 'select', { options: APPROVAL }),
      q('marketing', 'affiliates', 'Disclosure to affiliates that provide communications-related services, for marketing them', 'select', { options: APPROVAL }),
      q('marketing', 'thirdParties', 'Disclosure to joint-venture partners, independent contractors or other third parties for marketing', 'select', {
        options: [
          { value: 'none', label: 'Not done' },
          { value: 'optIn', label: 'Done with opt-in approval (the only kind § 64.2007(b) allows)' },
        ],
      }),
    ],
  },
  {
    id: 'approvalSystem',
    title: 'System that shows approval status',
    citation: '§ 64.2009(a)',
    questions: [
      q('approvalSystem', 'name', 'System or field that shows each customer’s approval status before CPNI is used', 'text', { hint: 'Name the system or field, e.g. a field on the account in the billing system.' }),
      q('approvalSystem', 'howUsed', 'How staff use it', 'textarea'),
    ],
  },
  {
    id: 'notices',
    title: 'Customer notices',
    citation: '§ 64.2008',
    applies: (a) => seeksApproval(a.values.marketing),
    questions: [
      q('notices', 'method', 'How CPNI notices are sent', 'select', {
        options: [
          { value: 'mail', label: 'In writing, by mail' },
          { value: 'email', label: 'By e-mail' },
          { value: 'both', label: 'By mail or by e-mail' },
        ],
        hint: 'Opt-out notices must be written or electronic, never oral (§ 64.2008(d)).',
      }),
      q('notices', 'optOutWaitDays', 'Days the company waits after an opt-out notice before assuming approval', 'number', {
        when: when.optOut,
        hint: 'At least 30 days; for a mailed notice they start on the third day after mailing. The notice tells the customer this period (§ 64.2008(d)(1)).',
      }),
      q('notices', 'refreshEveryTwoYears', 'The opt-out notice is sent again every two years', 'yesNo', { when: when.optOut, hint: '§ 64.2008(d)(2).' }),
      q('notices', 'oralOneTime', 'Representatives give oral notice for one-time use of CPNI during a call', 'yesNo', { hint: '§ 64.2008(f).' }),
    ],
  },
  {
    id: 'approvalRecords',
    title: 'Records of approvals and notices',
    citation: '§§ 64.2007(a)(3), 64.2008(a)(2)',
    applies: (a) => seeksApproval(a.values.marketing),
    questions: [q('approvalRecords', 'retentionYears', 'Years each approval and each notice is kept', 'number', { hint: 'At least one year.' })],
  },
  {
    id: 'training',
    title: 'Training and discipline',
    citation: '§ 64.2009(b)',
    questions: [
      q('training', 'who', 'Who is trained', 'text', { hint: 'E.g. "All employees and contractors who can see or use CPNI".' }),
      q('training', 'how', 'How they are trained', 'text', { hint: 'E.g. "in person from the Company’s written CPNI procedures manual".' }),
      q('training', 'schedule', 'When each person is trained', 'text', {
        hint: 'One answer, printed as one sentence: e.g. "before they are given access to CPNI and once a year after that". The rule requires training but sets no frequency.',
      }),
      q('training', 'records', 'How training is recorded', 'textarea'),
      q('training', 'discipline', 'Express disciplinary process', 'textarea'),
    ],
  },
  {
    id: 'campaignRecords',
    title: 'Records of marketing campaigns and third-party disclosures',
    citation: '§ 64.2009(c)',
    questions: [
      q('campaignRecords', 'system', 'Where campaign and third-party disclosure records are kept', 'text', {
        hint: 'Every campaign that uses CPNI is recorded, whether or not it needed approval, and every disclosure to a third party.',
      }),
      q('campaignRecords', 'retentionYears', 'Years each record is kept', 'number', { hint: 'At least one year.' }),
    ],
  },
  {
    id: 'supervisoryReview',
    title: 'Supervisory review of outbound marketing',
    citation: '§ 64.2009(d)',
    applies: (a) => marketsWithCpni(a.values.marketing),
    questions: [
      q('supervisoryReview', 'reviewer', 'Who reviews outbound marketing and approves requests for customer approval', 'text'),
      q('supervisoryReview', 'retentionYears', 'Years the review records are kept', 'number', { hint: 'At least one year.' }),
    ],
  },
  {
    id: 'optOutFailure',
    title: 'Notice to the FCC if opt-out mechanisms fail',
    citation: '§ 64.2009(f)',
    applies: (a) => usesOptOut(a.values.marketing),
    questions: [q('optOutFailure', 'owner', 'Who sends the FCC the letter within five business days', 'text')],
  },
  {
    id: 'authentication',
    title: 'Customer authentication',
    citation: '§ 64.2010(a)–(d)',
    questions: [
      q('authentication', 'callPassword', 'On customer calls, call detail is given only to a caller with the account password', 'yesNo'),
      q('authentication', 'callBack', 'Otherwise, the representative offers to call back the telephone number of record', 'yesNo'),
      q('authentication', 'callMail', 'Otherwise, the representative offers to mail the information to the address of record', 'yesNo'),
      q('authentication', 'online', 'Customers can see account information online', 'yesNo'),
      q('authentication', 'onlineFirstAuthentication', 'How a customer is authenticated before online access is first given', 'text', {
        when: when.online,
        hint: 'Without readily available biographical or account information (§ 64.2010(c)); e.g. "with a one-time code mailed to the address of record".',
      }),
      q('authentication', 'inPerson', 'Customers can get account information in person, at a store or business office (valid photo ID required)', 'yesNo'),
    ],
  },
  {
    id: 'passwords',
    title: 'Passwords and back-up authentication',
    citation: '§ 64.2010(e)',
    questions: [
      q('passwords', 'setupAuthentication', 'How the customer is authenticated before choosing a password', 'text', {
        hint: 'Without readily available biographical or account information (§ 64.2010(e)); e.g. "in person with a valid government-issued photo ID".',
      }),
      q('passwords', 'choosing', 'How the password is chosen', 'textarea'),
      q('passwords', 'backupOffered', 'There is a back-up method for a lost or forgotten password', 'yesNo'),
      q('passwords', 'backupMethod', 'The back-up method', 'textarea', { when: when.backup, hint: 'It must not prompt for biographical or account information.' }),
    ],
  },
  {
    id: 'accountChanges',
    title: 'Notice of account changes',
    citation: '§ 64.2010(f)',
    questions: [
      q('accountChanges', 'method', 'How account-change notices are sent', 'select', {
        options: [
          { value: 'voicemailOrText', label: 'Voicemail or text to the telephone number of record' },
          { value: 'mail', label: 'Mail to the address of record' },
          { value: 'both', label: 'Either of these' },
        ],
      }),
      q('accountChanges', 'owner', 'Who makes sure the notices go out', 'text'),
    ],
  },
  {
    id: 'businessCustomers',
    title: 'Business customers',
    citation: '§ 64.2010(g)',
    questions: [
      q('businessCustomers', 'contractAuthentication', 'Business customers with a dedicated representative and a contract on CPNI protection use the contract’s authentication', 'yesNo'),
    ],
  },
  {
    id: 'simChanges',
    title: 'SIM changes (wireless service)',
    citation: '§ 64.2010(h)',
    applies: (a, ctx) => ctx.services.includes('wireless') && simChangeApplies(a.simChangeComplianceDate, ctx.coveredYear),
    questions: [q('simChanges', 'safeguards', 'How SIM change requests are authenticated, reviewed and handled', 'textarea')],
  },
  {
    id: 'vendors',
    title: 'Affiliates, agents and contractors with access to CPNI',
    citation: '47 U.S.C. 222(c)(1), (d)(1)',
    questions: [
      q('vendors', 'hasAccess', 'Affiliates, agents or contractors have access to CPNI to provide or bill for service', 'yesNo'),
      q('vendors', 'description', 'Who they are, what they do and how they are bound to protect CPNI', 'textarea', { when: when.vendors }),
    ],
  },
  {
    id: 'breach',
    title: 'Security breaches',
    citation: '§ 64.2011',
    questions: [
      q('breach', 'owner', 'Who handles a suspected breach', 'text'),
      q('breach', 'recordsSystem', 'Where breach records are kept (at least two years)', 'text'),
    ],
  },
  {
    id: 'contact',
    title: 'Compliance contact',
    citation: 'not a rule requirement',
    questions: [
      q('contact', 'who', 'Who oversees the CPNI procedures and answers questions about the statement', 'select', {
        options: [
          { value: 'officer', label: 'The officer who signs the certification' },
          { value: 'named', label: 'Someone else, named here' },
        ],
      }),
      q('contact', 'name', 'Contact name', 'text', { when: when.namedContact }),
      q('contact', 'title', 'Contact title', 'text', { when: when.namedContact, optional: true }),
      q('contact', 'email', 'Contact email', 'text', { when: when.namedContact, optional: true }),
      q('contact', 'phone', 'Contact phone', 'text', { when: when.namedContact, optional: true }),
    ],
  },
  {
    id: 'conclusion',
    title: 'Conclusion',
    citation: '§ 64.2009(e)',
    questions: [
      q('conclusion', 'inCompliance', 'The company’s procedures ensure it is in compliance with the CPNI rules', 'yesNo'),
      q('conclusion', 'explanation', 'What is not in compliance, why, and what is being done about it', 'textarea', { when: when.notInCompliance }),
    ],
  },
];

export function topic(id: TopicId): Topic {
  return TOPICS.find((t) => t.id === id)!;
}

export function answerOf(values: AnswerValues, question: Pick<Question, 'topic' | 'key'>): unknown {
  return (values[question.topic] as Record<string, unknown> | undefined)?.[question.key];
}

export function isAsked(question: Question, values: AnswerValues): boolean {
  return !question.when || question.when(values);
}

export function topicApplies(t: Topic, answers: StoredAnswers, ctx: QuestionnaireContext): boolean {
  return !t.applies || t.applies(answers, ctx);
}

/** The questions of a topic that are asked and still have no answer. */
export function unansweredQuestions(t: Topic, values: AnswerValues): Question[] {
  return t.questions.filter((x) => !x.optional && isAsked(x, values) && !isAnswered(answerOf(values, x)));
}

/** One topic's answers, complete, or undefined while a question it asks is unanswered. */
export function completeTopic<T extends TopicId>(values: AnswerValues, id: T): StatementAnswers[T] | undefined {
  const t = topic(id);
  if (unansweredQuestions(t, values).length) return undefined;
  const out: Record<string, unknown> = {};
  for (const x of t.questions) {
    const v = answerOf(values, x);
    // A question not asked (or optional and blank) drafts nothing; its empty value stands in.
    out[x.key] = isAsked(x, values) && isAnswered(v) ? v : emptyValue(SAMPLE_ANSWERS[id][x.key as keyof StatementAnswers[T]]);
  }
  return out as StatementAnswers[T];
}

function emptyValue(sample: unknown): unknown {
  if (typeof sample === 'string') return '';
  if (typeof sample === 'number') return 0;
  if (typeof sample === 'boolean') return false;
  return 'none';
}

export type TopicState = 'notApplicable' | 'unanswered' | 'needsReview' | 'done';

export interface TopicStatus {
  topic: Topic;
  state: TopicState;
  /** Questions still to answer (state 'unanswered'). */
  missing: Question[];
  review?: TopicReview;
}

export function needsReview(review: TopicReview | undefined): boolean {
  return !!review && review.origin !== 'user' && !review.reviewedOn;
}

export function topicStatus(t: Topic, answers: StoredAnswers, ctx: QuestionnaireContext): TopicStatus {
  const review = answers.topics[t.id];
  if (!topicApplies(t, answers, ctx)) return { topic: t, state: 'notApplicable', missing: [], review };
  const missing = unansweredQuestions(t, answers.values);
  if (missing.length) return { topic: t, state: 'unanswered', missing, review };
  return { topic: t, state: needsReview(review) ? 'needsReview' : 'done', missing, review };
}

export function questionnaireStatus(answers: StoredAnswers, ctx: QuestionnaireContext): TopicStatus[] {
  return TOPICS.map((t) => topicStatus(t, answers, ctx));
}

/** What keeps the questionnaire from supporting a certification, one message per topic. */
export function questionnaireProblems(statuses: readonly TopicStatus[], coveredYear: number): string[] {
  const out: string[] = [];
  for (const s of statuses) {
    const title = `“${s.topic.title}”`;
    if (s.state === 'unanswered')
      out.push(
        !s.review
          ? `Answer the questionnaire topic ${title}: it has no answers yet.`
          : `Answer the questionnaire topic ${title}: ${s.missing.map((x) => `“${x.label}”`).join(', ')} ${s.missing.length === 1 ? 'has' : 'have'} no answer.`,
      );
    else if (s.state === 'needsReview')
      out.push(
        s.review?.origin === 'lastYear'
          ? `Review the questionnaire topic ${title} for ${coveredYear}: its answers were carried over from last year's certification${s.review.fromYear ? ` (${s.review.fromYear}, covering ${s.review.fromYear - 1})` : ''}.`
          : `Review the questionnaire topic ${title}: its answers are samples from typical small-carrier practice, not yet confirmed as the company's procedures.`,
      );
  }
  return out;
}

// ---- changes ----------------------------------------------------------------------------------

/** A copy of the answers with one answer set; a topic answered for the first time is the user's own. */
export function setAnswer(answers: StoredAnswers, question: Pick<Question, 'topic' | 'key'>, value: unknown): StoredAnswers {
  const next = structuredClone(answers);
  const values = ((next.values as Record<string, Record<string, unknown>>)[question.topic] ??= {});
  values[question.key] = value === '' ? null : value;
  next.topics[question.topic] ??= { origin: 'user', reviewedOn: '' };
  return next;
}

/** The user confirms that a topic's answers describe the company's procedures. */
export function reviewTopic(answers: StoredAnswers, id: TopicId, on: IsoDate): StoredAnswers {
  const next = structuredClone(answers);
  const review = next.topics[id];
  if (review) {
    review.reviewedOn = on;
    delete review.note;
  }
  return next;
}

/**
 * "Fill from typical small-carrier practice": every unanswered question gets the sample answer,
 * and each topic that received one is marked as a sample until the user reviews it.
 */
export function fillFromSample(answers: StoredAnswers): StoredAnswers {
  const next = structuredClone(answers);
  for (const id of TOPIC_IDS) {
    const sample = SAMPLE_ANSWERS[id] as Record<string, unknown>;
    const values = ((next.values as Record<string, Record<string, unknown>>)[id] ??= {});
    let filled = false;
    for (const [key, value] of Object.entries(sample)) {
      if (isAnswered(values[key]) || !isAnswered(value)) continue;
      values[key] = value;
      filled = true;
    }
    if (filled) next.topics[id] = { origin: 'sample', reviewedOn: '' };
  }
  return next;
}

/** Whether any question of any topic is still unanswered (what the sample fill would change). */
export function hasUnanswered(answers: StoredAnswers): boolean {
  return TOPIC_IDS.some((id) =>
    Object.entries(SAMPLE_ANSWERS[id] as Record<string, unknown>).some(([key, sample]) => isAnswered(sample) && !isAnswered((answers.values[id] as Record<string, unknown> | undefined)?.[key])),
  );
}

/** Last year's answers for this year: kept, each answered topic to be reviewed again. */
export function carryForward(answers: StoredAnswers, fromYear: number): StoredAnswers {
  const next = structuredClone(answers);
  next.topics = {};
  for (const id of TOPIC_IDS) {
    const values = answers.values[id] as Record<string, unknown> | undefined;
    if (!values || !Object.values(values).some(isAnswered)) continue;
    const before = answers.topics[id];
    const lastReviewedOn = before?.reviewedOn || undefined;
    next.topics[id] = { origin: 'lastYear', reviewedOn: '', fromYear, ...(lastReviewedOn ? { lastReviewedOn } : {}) };
  }
  return next;
}
