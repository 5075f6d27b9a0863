/**
 * A certification as stored, with its questionnaire answers, overrides and section edits, each
 * checked value by value: an answer of the wrong type, an override without its reason or a
 * section edit of a section that does not exist is refused, never kept to break a screen later.
 *
 * Version 1 rows (before versions were kept) hold answers of any answers version; the step to
 * version 2 reads them through `upgradeAnswers` (statement-upgrade.ts), so every stored
 * certification holds answers in the current shape.
 */
import * as v from 'valibot';
import type { Certification } from '../certification-record';
import { CERTIFICATION_STATUSES } from '../certification-status';
import { COMPLAINT_CATEGORIES } from '../records';
import { ANSWERS_VERSION, TOPIC_IDS, type TopicId } from '../statement-answers';
import { topic } from '../statement-topics';
import { storedSignatureImageProblem } from '../signature-image';
import { AnswersTooNewError, upgradeAnswers } from '../statement-upgrade';
import { STATEMENT_SECTION_IDS } from '../statement-sections';
import { checkAgainst, dateOrEmpty, defineEntity, EntityProblem, idSchema, isPlainObject, plain, stampEntries, type Row } from './entity';
import { HASH } from './signed-package';

export const CERTIFICATION_VERSION = 2;

const text = (label: string) => v.string(`${label} must be text.`);

// ---- The questionnaire's answers (answers version 2) ----

function answerSchema(id: TopicId, key: string) {
  const q = topic(id).questions.find((x) => x.key === key)!;
  const where = `The answer to “${q.label}”`;
  switch (q.control) {
    case 'yesNo':
      return v.nullable(v.boolean(`${where} must be yes or no (true or false).`));
    case 'select':
      return v.nullable(v.picklist((q.options ?? []).map((o) => o.value), `${where} must be one of ${(q.options ?? []).map((o) => o.value).join(', ')}.`));
    case 'number':
      return v.nullable(v.pipe(v.number(`${where} must be a number.`), v.integer(`${where} must be a whole number.`), v.minValue(0, `${where} cannot be negative.`)));
    default:
      return v.nullable(text(where));
  }
}

const topicValuesSchema = (id: TopicId) =>
  v.optional(plain(v.strictObject(Object.fromEntries(topic(id).questions.map((q) => [q.key, v.optional(answerSchema(id, q.key))])))));

const reviewSchema = v.optional(
  plain(v.strictObject(
    {
      origin: v.picklist(['user', 'sample', 'lastYear'], 'Where a topic’s answers came from must be user, sample or lastYear.'),
      reviewedOn: dateOrEmpty('A topic’s review date'),
      fromYear: v.optional(v.pipe(v.number('The year answers were carried from must be a number.'), v.integer('The year answers were carried from must be a whole number.'))),
      lastReviewedOn: v.optional(dateOrEmpty('The date last year’s answers were reviewed')),
      note: v.optional(text('A topic’s note')),
    },
  )),
);

export const answersSchema = plain(v.strictObject(
  {
    version: v.literal(ANSWERS_VERSION, `The answers version must be ${ANSWERS_VERSION}.`),
    values: plain(v.strictObject(Object.fromEntries(TOPIC_IDS.map((id) => [id, topicValuesSchema(id)])))),
    topics: plain(v.strictObject(Object.fromEntries(TOPIC_IDS.map((id) => [id, reviewSchema])))),
    simChangeComplianceDate: dateOrEmpty('The SIM-change compliance date'),
  },
));

// ---- Overrides of what the records say ----

const reason = (what: string) => v.pipe(v.string(`The reason for overriding ${what} must be text.`), v.trim(), v.nonEmpty(`The reason for overriding ${what} is empty.`));
const count = (label: string) => v.pipe(v.number(`${label} must be a number.`), v.integer(`${label} must be a whole number.`), v.minValue(0, `${label} cannot be negative.`), v.maxValue(1e9, `${label} is too large.`));

export const overridesSchema = plain(v.strictObject(
  {
    dataBrokers: v.optional(
      plain(v.strictObject({
        value: plain(v.strictObject({ has: v.boolean('Whether there were data-broker actions must be true or false.'), explanation: text('The data-broker explanation') })),
        reason: reason('the data-broker actions'),
      })),
    ),
    complaints: v.optional(
      plain(v.strictObject({
        value: plain(v.strictObject({
          counts: plain(v.strictObject(Object.fromEntries(COMPLAINT_CATEGORIES.map((c) => [c, count(`The count of ${c} complaints`)])))),
          summary: text('The complaint summary'),
        })),
        reason: reason('the complaints'),
      })),
    ),
    pretexting: v.optional(plain(v.strictObject({ value: plain(v.strictObject({ text: text('The pretexting text') })), reason: reason('the pretexting attempts') }))),
  },
));

export const sectionEditsSchema = v.pipe(
  v.custom<unknown>(isPlainObject, 'The edited statement sections must be an object (not a list).'),
  v.record(v.string(), text('An edited statement section'), 'The edited statement sections must be an object.'),
  v.check(
    (edits) => Object.keys(edits).every((k) => (STATEMENT_SECTION_IDS as readonly string[]).includes(k)),
    `An edited statement section is not one of the statement’s sections (${STATEMENT_SECTION_IDS.join(', ')}).`,
  ),
);

// ---- The certification ----

export const certificationRowSchema = v.object({
  ...stampEntries(CERTIFICATION_VERSION),
  clientId: idSchema('The client id'),
  certificationYear: v.pipe(
    v.number('Certification year must be a number.'),
    v.integer('Certification year must be a whole number.'),
    v.minValue(1000, 'Certification year must have four digits.'),
    v.maxValue(9999, 'Certification year must have four digits.'),
  ),
  status: v.picklist(CERTIFICATION_STATUSES, `Status must be one of ${CERTIFICATION_STATUSES.join(', ')}.`),
  signatory: plain(v.object({ name: text('Signatory name'), title: text('Signatory title') }, 'The signatory must be an object.')),
  preparerId: v.union([v.literal(''), idSchema('The preparer id')], 'The preparer id must be an id or empty.'),
  dateFiled: dateOrEmpty('Date filed'),
  signatureDate: dateOrEmpty('Signature date'),
  filedOn: dateOrEmpty('Filed on'),
  ecfsConfirmation: text('ECFS confirmation'),
  answers: answersSchema,
  sectionEdits: sectionEditsSchema,
  overrides: overridesSchema,
  lintOverrides: v.array(
    plain(v.object({ id: text('An overridden check’s id'), excerpt: text('An overridden check’s excerpt'), reason: text('An overridden check’s reason') }, 'An overridden check must be an object.')),
    'The overridden checks must be a list.',
  ),
  signature: v.variant(
    'kind',
    [
      v.object({ kind: v.literal('typed') }),
      // Only an image held in the file itself: a web address would make the app fetch it.
      // A PNG or JPEG data: URL, size-limited; new images are also checked by their bytes where they come in (signature-image.ts).
      v.object({
        kind: v.literal('image'),
        dataUrl: v.pipe(
          v.string('The signature image must be stored in the file (a data:image/ URL).'),
          v.check((s) => storedSignatureImageProblem(s) === undefined, (issue) => storedSignatureImageProblem(issue.input) ?? 'The signature image is not usable.'),
        ),
      }),
    ],
    'The signature must be typed or an image.',
  ),
  coverLetter: plain(v.object(
    {
      include: v.boolean('Whether to include the cover letter must be true or false.'),
      addressee: v.array(text('An addressee line'), 'The addressee must be a list of lines.'),
      body: text('The cover letter body'),
      cc: v.array(text('A cc line'), 'The cc lines must be a list.'),
    },
    'The cover letter must be an object.',
  )),
  rolledFromId: v.optional(idSchema('The id of the certification it was rolled forward from')),
  amends: v.optional(
    plain(v.object({ certificationId: idSchema('The id of the amended certification'), filedOn: dateOrEmpty('The amended filing’s date filed'), ecfsConfirmation: text('The amended filing’s ECFS confirmation') })),
  ),
  amendedById: v.optional(idSchema('The id of the amended filing')),
  signedPackageId: v.optional(idSchema('The id of the signed package')),
  sentForSignature: v.optional(
    plain(v.object({ textHash: HASH('The fingerprint of the copy sent for signature'), on: dateOrEmpty('The day the copy for signature was exported') })),
  ),
  answersReviewedOn: v.optional(dateOrEmpty('The answers-reviewed date'), ''),
});

/**
 * Version 1 → 2: revisions, and the answers in the current shape. Answers that say they are the
 * current version are checked as they are (an answer of the wrong type is a problem to report,
 * not one to drop); older answers are upgraded question by question.
 */
function certificationFrom1(row: Row): Row {
  const answers = row.answers;
  if (!isPlainObject(answers)) throw new EntityProblem('The statement answers must be an object.');
  if (answers.version === ANSWERS_VERSION) {
    const checked = checkAgainst(answersSchema, answers);
    if (checked.messages.length) throw new EntityProblem(checked.messages.map((m) => `answers: ${m}`).join(' '));
  } else if (answers.version !== undefined && answers.version !== 1) {
    if (typeof answers.version === 'number' && answers.version > ANSWERS_VERSION) throw new EntityProblem(new AnswersTooNewError(answers.version).message);
    throw new EntityProblem('The statement answers’ version must be a whole number.');
  }
  return { ...row, answers: upgradeAnswers(answers, row.answersReviewedOn), rev: typeof row.rev === 'number' ? row.rev : 1 };
}

export const certificationEntity = defineEntity<Certification>({
  name: 'certification',
  version: CERTIFICATION_VERSION,
  schema: certificationRowSchema as unknown as v.GenericSchema<unknown, Certification>,
  migrations: { 1: certificationFrom1 },
});

/**
 * What the certification editor writes. The status and what only a status step sets (the
 * filing's date and confirmation, the signed package, the amendment links) are never among
 * them, so a save from a screen that is behind can never undo a step taken elsewhere.
 */
export const EDITABLE_CERTIFICATION_FIELDS = [
  'signatory', 'preparerId', 'dateFiled', 'signatureDate', 'answers', 'sectionEdits', 'overrides', 'lintOverrides', 'signature', 'coverLetter',
] as const satisfies readonly (keyof Certification)[];
export type EditableCertificationField = (typeof EDITABLE_CERTIFICATION_FIELDS)[number];
