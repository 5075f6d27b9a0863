// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assemblePackage, certificationAnswers, newCertification, readinessProblems, rollForward, type CertificationFields } from '../../src/domain/certification-record';
import { ANSWERS_VERSION, TOPIC_IDS, emptyAnswers, isAnswered } from '../../src/domain/statement-answers';
import { TOPICS, questionnaireStatus, reviewTopic } from '../../src/domain/statement-topics';
import { AnswersTooNewError, upgradeAnswers } from '../../src/domain/statement-upgrade';
import { reviewedAnswers, version1Answers } from '../fixtures/answers';

const client = {
  id: 'c1', legalName: 'Mesa Rural Telephone Co.', filerId: '823456', frn: '', affiliates: [], services: ['wireline' as const],
  officers: [{ id: 'o', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }],
};
const settings = { closures: [], breachRule2023EffectiveDate: '' };

/** A certification row as version 1 stored it: the old answers and the single confirmation tick. */
function version1Row(answersReviewedOn: string, answers: Record<string, unknown> = version1Answers()): CertificationFields {
  return { ...newCertification(client, 2027), dateFiled: '2027-02-20', signatureDate: '2027-02-19', answers, answersReviewedOn } as unknown as CertificationFields;
}

function tooNew(x: unknown): boolean {
  return typeof x === 'object' && x !== null && typeof (x as { version?: unknown }).version === 'number' && (x as { version: number }).version > ANSWERS_VERSION;
}

describe('upgrading stored answers', () => {
  it('keeps version-1 answers but makes every topic a sample to review, even when the old tick confirmed them', () => {
    const up = upgradeAnswers(version1Answers(), '2027-02-01');
    expect(up.version).toBe(ANSWERS_VERSION);
    expect(up.values.training).toMatchObject({ who: 'All employees and contractors who can see or use CPNI', schedule: 'when they are hired and again whenever the procedures change' });
    expect(up.values.notices?.method).toBe('mail');
    expect(up.values.accountChanges?.method).toBe('both');
    expect(up.values.contact).toEqual({ who: 'officer' });
    expect(up.values.marketing).toMatchObject({ own: 'none', agents: 'none', affiliates: 'none', thirdParties: 'none' });
    for (const id of TOPIC_IDS) {
      const review = up.topics[id];
      if (!review) continue;
      expect(review.origin).toBe('sample');
      expect(review.reviewedOn).toBe('');
      expect(review.note).toContain('confirmed with one tick on February 1, 2027');
    }
    expect(up.topics.training?.note).toContain('Yearly refresher training was a separate answer before');
  });

  it('leaves unanswered what version 1 did not say one way only, and what it never asked', () => {
    const up = upgradeAnswers(version1Answers());
    // Version 1 printed both "markets within the categories" and "does not use CPNI for marketing".
    expect(up.values.marketing?.withinCategories).toBeUndefined();
    // "No retail stores" still promised photo ID at an office.
    expect(up.values.authentication?.inPerson).toBeUndefined();
    expect(up.values.passwords?.setupAuthentication).toBeUndefined();
    expect(up.topics.marketing?.note).toContain('started from sample procedures');
  });

  it('maps an opt-out carrier’s approvals, and drops approvals version 1 hid behind "does not market"', () => {
    const optOut = version1Answers();
    optOut.marketing = { usesCpni: true, own: 'optOut', agents: 'optIn', affiliates: 'none', thirdParties: 'optIn' };
    optOut.notices = { electronic: true, mail: true, oralOneTime: true, optOutWaitDays: 45, refreshEveryTwoYears: true };
    optOut.contact = { name: 'Lee Park', title: 'Compliance Manager', email: 'lee@example.com', phone: '' };
    const up = upgradeAnswers(optOut);
    expect(up.values.marketing).toMatchObject({ own: 'optOut', agents: 'optIn', affiliates: 'none', thirdParties: 'optIn' });
    expect(up.values.notices).toEqual({ method: 'both', optOutWaitDays: 45, refreshEveryTwoYears: true, oralOneTime: true });
    expect(up.values.contact).toMatchObject({ who: 'named', name: 'Lee Park', title: 'Compliance Manager' });

    const stale = version1Answers();
    stale.marketing = { usesCpni: false, own: 'optOut', agents: 'optOut', affiliates: 'none', thirdParties: 'optIn' };
    expect(upgradeAnswers(stale).values.marketing).toMatchObject({ own: 'none', agents: 'none', thirdParties: 'none' });
  });

  it('opens an old certification without crashing, and it is never ready until each topic is answered and reviewed', () => {
    const row = version1Row('2027-02-01');
    const p = assemblePackage(row, client, [], settings);
    expect(p.answers.version).toBe(ANSWERS_VERSION);
    expect(p.statementText).toContain('[To complete: answer “Use of CPNI for marketing” in the questionnaire.]');
    const problems = readinessProblems(row, p);
    expect(problems).toContain(
      'Answer the questionnaire topic “Use of CPNI for marketing”: “The company uses CPNI to market offerings within the categories of service (local, long distance, wireless) a customer already buys from it” has no answer.',
    );
    expect(problems).toContain(
      'Review the questionnaire topic “Training and discipline”: its answers are samples from typical small-carrier practice, not yet confirmed as the company\'s procedures.',
    );
    // Rolled forward, the old answers are last year's, to review again.
    const { next } = rollForward({ ...row, status: 'filed' }, client);
    expect(next.answers.version).toBe(ANSWERS_VERSION);
    expect(next.answers.topics.training).toEqual({ origin: 'lastYear', reviewedOn: '', fromYear: 2027 });
  });

  it('reads nonsense as unanswered, never as an answer', () => {
    for (const junk of [null, undefined, 'answers', 42, [], [1, 2]]) expect(upgradeAnswers(junk)).toEqual(emptyAnswers());
    const up = upgradeAnswers({
      version: 2,
      values: {
        marketing: { withinCategories: 'yes', own: 'sometimes', thirdParties: 'optOut' },
        training: { who: 7, how: 'in person', schedule: null },
        notices: { optOutWaitDays: -3, method: 'fax' },
        nonsense: { x: 1 },
      },
      topics: { training: { origin: 'user', reviewedOn: '2027-13-40' }, breach: { origin: 'trusted', reviewedOn: '2027-02-01' }, nonsense: {} },
      simChangeComplianceDate: 'soon',
    });
    expect(up.values).toEqual({ training: { how: 'in person' } });
    expect(up.topics).toEqual({ training: { origin: 'user', reviewedOn: '' } });
    expect(up.simChangeComplianceDate).toBe('');
    expect(upgradeAnswers({ version: 2, values: { breach: { owner: 'the GM' } } }).topics.breach).toEqual({ origin: 'sample', reviewedOn: '' });
  });

  it('refuses answers written by a newer version instead of guessing', () => {
    expect(() => upgradeAnswers({ version: ANSWERS_VERSION + 1, values: {} })).toThrow(AnswersTooNewError);
    expect(() => upgradeAnswers({ version: ANSWERS_VERSION + 1, values: {} })).toThrow(/newer version of CPNI Desk/);
  });

  it('gives current answers back unchanged, review state included', () => {
    const current = reviewTopic(reviewedAnswers(), 'training', '2027-02-03');
    expect(upgradeAnswers(current)).toEqual(current);
    expect(certificationAnswers({ answers: current })).toEqual(current);
  });

  it('takes anything at all to a valid current shape, the same on a second pass', () => {
    const v1ish = fc.record(
      {
        marketing: fc.record({ usesCpni: fc.anything(), own: fc.anything(), agents: fc.anything(), thirdParties: fc.anything() }, { requiredKeys: [] }),
        notices: fc.record({ electronic: fc.anything(), mail: fc.boolean(), optOutWaitDays: fc.anything() }, { requiredKeys: [] }),
        training: fc.record({ who: fc.anything(), schedule: fc.string(), annualAsPractice: fc.anything() }, { requiredKeys: [] }),
        authentication: fc.anything(),
        contact: fc.anything(),
        cmrs: fc.record({ complianceDate: fc.anything() }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), v1ish, fc.record({ version: fc.constant(2), values: fc.anything(), topics: fc.anything() })).filter((x) => !tooNew(x)),
        fc.anything(),
        (raw, tick) => {
        const up = upgradeAnswers(raw, tick);
        expect(upgradeAnswers(up)).toEqual(up);
        for (const t of TOPICS) {
          const values = (up.values[t.id] ?? {}) as Record<string, unknown>;
          for (const [key, value] of Object.entries(values)) {
            const question = t.questions.find((x) => x.key === key);
            expect(question, `${t.id}.${key} is a question`).toBeDefined();
            const type = { yesNo: 'boolean', select: 'string', number: 'number', text: 'string', textarea: 'string' }[question!.control];
            expect(typeof value).toBe(type);
          }
          // No topic is ever upgraded into "reviewed".
          if (raw && typeof raw === 'object' && !('version' in raw)) expect(up.topics[t.id]?.reviewedOn ?? '').toBe('');
          if (Object.values(values).some(isAnswered)) expect(up.topics[t.id]).toBeDefined();
        }
        expect(() => questionnaireStatus(up, { services: ['wireless'], coveredYear: 2026 })).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
