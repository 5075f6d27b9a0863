// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assemblePackage, newCertification, readinessProblems, rollForward, type CertificationFields } from '../../src/domain/certification-record';
import { TOPIC_IDS, emptyAnswers } from '../../src/domain/statement-answers';
import { TOPICS, fillFromSample, hasUnanswered, questionnaireStatus, reviewTopic, setAnswer, topic } from '../../src/domain/statement-topics';
import { reviewedAnswers } from '../fixtures/answers';
import { answerSets, answersFrom } from '../fixtures/answer-sets';

const client = {
  id: 'c1', legalName: 'Mesa Rural Telephone Co.', filerId: '823456', frn: '0012345678', affiliates: [], services: ['wireline' as const],
  officers: [{ id: 'o', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }],
};
const wireless = { ...client, services: ['wireline' as const, 'wireless' as const] };
const settings = { closures: [], breachRule2023EffectiveDate: '' };
const dated = (year: number) => ({ dateFiled: `${year}-02-20`, signatureDate: `${year}-02-19` });
const ctx = { services: client.services, coveredYear: 2026 };

function ready(cert: CertificationFields, c = client, s = settings): string[] {
  return readinessProblems(cert, assemblePackage(cert, c, [], s));
}

const q = (id: (typeof TOPIC_IDS)[number], key: string) => topic(id).questions.find((x) => x.key === key)!;

describe('the questionnaire starts unanswered', () => {
  it('a new certification has no answers, so nothing is certified that nobody answered', () => {
    const cert = { ...newCertification(client, 2027), ...dated(2027) };
    expect(cert.answers).toEqual(emptyAnswers());
    const states = questionnaireStatus(cert.answers, ctx);
    // Topics that depend on how CPNI is used wait for that answer.
    expect(states.filter((s) => s.state === 'unanswered').map((s) => s.topic.id)).toEqual(TOPICS.filter((t) => !t.applies).map((t) => t.id));
    const problems = ready(cert);
    expect(problems).toContain('Fix the errors in the checks, or override them with a reason.');
    expect(problems).toContain('Answer the questionnaire topic “Use of CPNI for marketing”: it has no answers yet.');
    expect(problems).toContain('Answer the questionnaire topic “Training and discipline”: it has no answers yet.');
    expect(problems.filter((p) => p.startsWith('Answer the questionnaire topic')).length).toBe(TOPICS.filter((t) => !t.applies).length);
    // Every statement section drawn from an answer is a placeholder naming its topic.
    expect(assemblePackage(cert, client, [], settings).statementText).toContain('[To complete: answer “Training and discipline” in the questionnaire.]');
  });

  it('names the questions still unanswered in a topic the user began', () => {
    let a = setAnswer(emptyAnswers(), q('training', 'who'), 'All staff');
    a = setAnswer(a, q('training', 'how'), 'with a video course');
    const cert = { ...newCertification(client, 2027), ...dated(2027), answers: a };
    expect(ready(cert)).toContain(
      'Answer the questionnaire topic “Training and discipline”: “When each person is trained”, “How training is recorded”, “Express disciplinary process” have no answer.',
    );
  });

  it('counts a topic the user answered in full as done, without a confirmation', () => {
    let a = emptyAnswers();
    for (const [key, value] of Object.entries({ who: 'All staff', how: 'with a video course', schedule: 'at hire', records: 'A sign-in sheet.', discipline: 'Written warning, then dismissal.' }))
      a = setAnswer(a, q('training', key), value);
    expect(questionnaireStatus(a, ctx).find((s) => s.topic.id === 'training')?.state).toBe('done');
    // Clearing an answer reopens the topic.
    a = setAnswer(a, q('training', 'records'), '');
    expect(questionnaireStatus(a, ctx).find((s) => s.topic.id === 'training')?.state).toBe('unanswered');
  });
});

describe('filling from typical small-carrier practice', () => {
  it('answers every question, marks each topic filled as a sample, and keeps the certification from being ready until each is confirmed', () => {
    const filled = fillFromSample(emptyAnswers());
    expect(hasUnanswered(filled)).toBe(false);
    for (const id of TOPIC_IDS) expect(filled.topics[id]).toEqual({ origin: 'sample', reviewedOn: '' });
    let cert = { ...newCertification(client, 2027), ...dated(2027), answers: filled };
    const problems = ready(cert);
    const applies = questionnaireStatus(filled, ctx).filter((s) => s.state !== 'notApplicable');
    expect(problems).toHaveLength(applies.length);
    expect(problems).toContain(
      'Review the questionnaire topic “Training and discipline”: its answers are samples from typical small-carrier practice, not yet confirmed as the company\'s procedures.',
    );
    // The statement reads fully, but readiness still waits for each review.
    expect(assemblePackage(cert, client, [], settings).findings).toEqual([]);
    for (const s of applies.slice(0, -1)) cert = { ...cert, answers: reviewTopic(cert.answers, s.topic.id, '2027-02-01') };
    expect(ready(cert)).toEqual([`Review the questionnaire topic “${applies.at(-1)!.topic.title}”: its answers are samples from typical small-carrier practice, not yet confirmed as the company's procedures.`]);
    cert = { ...cert, answers: reviewTopic(cert.answers, applies.at(-1)!.topic.id, '2027-02-01') };
    expect(ready(cert)).toEqual([]);
  });

  it('never overwrites an answer the user gave, and marks a topic it completes as a sample', () => {
    const mine = setAnswer(emptyAnswers(), q('training', 'who'), 'The two customer service clerks');
    const filled = fillFromSample(mine);
    expect(filled.values.training?.who).toBe('The two customer service clerks');
    expect(filled.values.training?.how).toBe('in person from the Company\'s written CPNI procedures manual');
    expect(filled.topics.training?.origin).toBe('sample');
  });

  it('keeps a sample topic to review after the user edits one of its answers', () => {
    const edited = setAnswer(fillFromSample(emptyAnswers()), q('breach', 'owner'), 'The general manager');
    expect(questionnaireStatus(edited, ctx).find((s) => s.topic.id === 'breach')?.state).toBe('needsReview');
  });

  it('asks for the topics a change of answer brings in', () => {
    // Filled and reviewed as the form shows them: only the topics that apply.
    let a = fillFromSample(emptyAnswers());
    for (const st of questionnaireStatus(a, ctx)) if (st.state === 'needsReview') a = reviewTopic(a, st.topic.id, '2027-02-01');
    expect(questionnaireStatus(a, ctx).find((s) => s.topic.id === 'notices')?.state).toBe('notApplicable');
    a = setAnswer(a, q('marketing', 'own'), 'optOut');
    const states = Object.fromEntries(questionnaireStatus(a, ctx).map((s) => [s.topic.id, s.state]));
    // The sample had filled them too: now that they apply, they are samples to review.
    expect([states.notices, states.approvalRecords, states.optOutFailure, states.supervisoryReview]).toEqual(['needsReview', 'needsReview', 'needsReview', 'needsReview']);
    // A reviewed topic the user then changes stays reviewed: the change is the user's own.
    expect(states.marketing).toBe('done');
    const fresh = setAnswer(setAnswer(emptyAnswers(), q('marketing', 'withinCategories'), false), q('marketing', 'own'), 'optOut');
    const freshStates = Object.fromEntries(questionnaireStatus(fresh, ctx).map((s) => [s.topic.id, s.state]));
    expect([freshStates.notices, freshStates.optOutFailure]).toEqual(['unanswered', 'unanswered']);
  });
});

describe('roll forward', () => {
  const last = { ...newCertification(client, 2026), ...dated(2026), status: 'filed' as const, answers: reviewedAnswers('2026-02-01', (a) => (a.breach.owner = 'the general manager')) };

  it('carries last year’s answers as reviewed last year, and asks for this year’s review of each', () => {
    const { next, changes } = rollForward(last, client, 'prev');
    expect(next.answers.values.breach?.owner).toBe('the general manager');
    for (const id of TOPIC_IDS) expect(next.answers.topics[id]).toEqual({ origin: 'lastYear', reviewedOn: '', fromYear: 2026, lastReviewedOn: '2026-02-01' });
    const applies = questionnaireStatus(next.answers, { services: client.services, coveredYear: 2026 }).filter((s) => s.state !== 'notApplicable').length;
    expect(applies).toBeLessThan(TOPIC_IDS.length);
    expect(changes).toContainEqual({ field: 'Questionnaire answers', from: `${applies} topics answered for 2025`, to: 'carried over, each to be reviewed for 2026' });
    const problems = ready({ ...next, ...dated(2027) });
    expect(problems).toContain('Review the questionnaire topic “Security breaches” for 2026: its answers were carried over from last year\'s certification (2026, covering 2025).');
    const reviewed = { ...next, ...dated(2027), answers: TOPIC_IDS.reduce((a, id) => reviewTopic(a, id, '2027-02-02'), next.answers) };
    expect(ready(reviewed)).toEqual([]);
  });

  it('rolls 2016 forward to 2018: no certification was due in 2017', () => {
    const { next, changes } = rollForward({ ...last, certificationYear: 2016 }, client);
    expect(next.certificationYear).toBe(2018);
    expect(changes).toContainEqual({ field: 'Skipped year', from: '2017', to: 'no certification was due' });
    expect(next.answers.topics.training?.fromYear).toBe(2016);
  });
});

it('does not hold a certification already signed or filed to this year’s questionnaire', () => {
  const signed = { ...newCertification(client, 2027), ...dated(2027), status: 'signed' as const };
  expect(ready(signed).some((p) => p.includes('questionnaire'))).toBe(false);
});

describe('the rules of the covered year', () => {
  const configured = { closures: [], breachRule2023EffectiveDate: '2026-06-01' };
  const wirelessAnswers = () => ({ ...reviewedAnswers(), simChangeComplianceDate: '2025-07-15' });

  it('a 2013 certification has no FCC 23-111 or § 64.2010(h) sentence, whatever the settings', () => {
    const cert = { ...newCertification(wireless, 2013), ...dated(2013), answers: wirelessAnswers() };
    const p = assemblePackage(cert, wireless, [], configured);
    expect(p.lintContext.breachRule).toBe('2007');
    expect(p.statementText).not.toMatch(/23-111|64\.2010\(h\)|SIM|covered data|as amended in 2023|30 days after reasonably determining/);
    expect(p.statementText).toContain('the Company notifies the United States Secret Service and the Federal Bureau of Investigation');
    expect(p.findings).toEqual([]);
    // A date before the 2023 order is ignored, not applied to an old year.
    expect(assemblePackage(cert, wireless, [], { closures: [], breachRule2023EffectiveDate: '2010-01-01' }).statementText).not.toMatch(/covered data/);
  });

  it('a 2027 certification under a configured 2023-rule effective date describes that rule, and its SIM-change procedures', () => {
    const cert = { ...newCertification(wireless, 2027), ...dated(2027), answers: wirelessAnswers() };
    const p = assemblePackage(cert, wireless, [], configured);
    expect(p.lintContext.breachRule).toBe('2023');
    expect(p.statementText).toContain('the Company notifies the FCC, the United States Secret Service and the Federal Bureau of Investigation');
    expect(p.statementText).toContain('no later than 30 days after reasonably determining that the breach occurred');
    expect(p.statementText).not.toContain('seven full business days');
    expect(p.statementText).toContain('SIM changes (wireless service) (47 C.F.R. § 64.2010(h))');
    expect(p.findings).toEqual([]);
    // Without the setting, or with a date after the covered year, the 2007 rule is described.
    for (const s of [settings, { closures: [], breachRule2023EffectiveDate: '2027-01-15' }]) {
      const old = assemblePackage(cert, wireless, [], s);
      expect(old.statementText).toContain('seven full business days');
      expect(old.statementText).not.toMatch(/covered data|23-111/);
    }
  });

  it('asks for the SIM-change topic only once § 64.2010(h) applies to a wireless carrier', () => {
    const none = questionnaireStatus(emptyAnswers(), { services: wireless.services, coveredYear: 2026 });
    expect(none.find((s) => s.topic.id === 'simChanges')?.state).toBe('notApplicable');
    const set = questionnaireStatus({ ...emptyAnswers(), simChangeComplianceDate: '2026-03-01' }, { services: wireless.services, coveredYear: 2026 });
    expect(set.find((s) => s.topic.id === 'simChanges')?.state).toBe('unanswered');
    const wireline = questionnaireStatus({ ...emptyAnswers(), simChangeComplianceDate: '2026-03-01' }, ctx);
    expect(wireline.find((s) => s.topic.id === 'simChanges')?.state).toBe('notApplicable');
  });

  it('finds nothing to lint, certification or statement, for any answers, certification year, rule setting and service mix', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2009, max: 2031 }),
        fc.constantFrom('', '2024-03-13', '2025-09-01', '2027-01-01', '2030-12-31'),
        fc.constantFrom('', '2024-07-15', '2026-06-30', '2029-01-01'),
        fc.subarray(['wireline', 'interconnectedVoip', 'wireless'] as const, { minLength: 1 }),
        answerSets,
        (year, effective, simDate, services, set) => {
          const c = { ...client, services: [...services] };
          const answers = { ...reviewedAnswers(`${year}-02-01`, (a) => Object.assign(a, answersFrom(set))), simChangeComplianceDate: simDate };
          const p = assemblePackage({ ...newCertification(c, year), ...dated(year), answers }, c, [], { closures: [], breachRule2023EffectiveDate: effective });
          expect(p.findings).toEqual([]);
          if (year - 1 < 2024) expect(p.statementText).not.toMatch(/23-111|64\.2010\(h\)|covered data/);
        },
      ),
      { numRuns: 120 },
    );
  }, 60_000);
});
