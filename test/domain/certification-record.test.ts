// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { assemblePackage, coverLetterBody, filedDateNote, filedProblems, newCertification, readinessProblems, rollForward } from '../../src/domain/certification-record';
import type { ComplianceRecord } from '../../src/domain/records';
import { reviewedAnswers } from '../fixtures/answers';

const client = {
  id: 'c1', legalName: 'Mesa Rural Telephone Co.', filerId: '823456', frn: '0012345678', affiliates: [], services: ['wireline' as const],
  officers: [{ id: 'o', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }],
};
const settings = { closures: [], breachRule2023EffectiveDate: '' };
const complaint = (receivedOn: string): ComplianceRecord =>
  ({ id: receivedOn, clientId: 'c1', createdAt: '', updatedAt: '', kind: 'complaint', receivedOn, category: 'employeeAccess', summary: 'A clerk looked up a neighbour’s calls.', resolution: 'Disciplined.' }) as ComplianceRecord;

describe('certification record', () => {
  it('starts from the client: default signatory, cover letter naming both years, no findings once dated', () => {
    const cert = { ...newCertification(client, 2027), answers: reviewedAnswers() };
    expect(cert.signatory).toEqual({ name: 'Ann Lee', title: 'President' });
    expect(cert.coverLetter.body).toContain('for 2027, covering calendar year 2026');
    const p = assemblePackage({ ...cert, dateFiled: '2027-02-20', signatureDate: '2027-02-19' }, client, [], settings);
    expect(p.dueDate).toBe('2027-03-01');
    expect(p.findings).toEqual([]);
    const withTradeName = assemblePackage({ ...cert, dateFiled: '2027-02-20', signatureDate: '2027-02-19' }, { ...client, dbaNames: ['Mesa Tel'] }, [], settings);
    expect(withTradeName.findings).toEqual([]);
    expect(withTradeName.statementText).toContain('Mesa Rural Telephone Co. d/b/a Mesa Tel');
    expect(p.blocked).toBe(false);
  });

  it('blocks export on a non-officer signatory and a signature after the filing date, until overridden with a reason', () => {
    const cert = { ...newCertification(client, 2027), signatory: { name: 'Cy Dale', title: 'Regulatory Consultant' }, dateFiled: '2027-02-20', signatureDate: '2027-02-25' };
    const p = assemblePackage(cert, client, [], settings);
    expect(p.blocked).toBe(true);
    const ids = p.findings.filter((f) => f.severity === 'error').map((f) => f.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const overridden = assemblePackage({ ...cert, lintOverrides: p.findings.filter((f) => f.severity === 'error').map((f) => ({ id: f.id, excerpt: f.excerpt, reason: 'Counsel reviewed' })) }, client, [], settings);
    expect(overridden.blocked).toBe(false);
    expect(overridden.findings.length).toBe(p.findings.length);
  });

  it('reports a date filed after the § 1.4(j) due date', () => {
    const p = assemblePackage({ ...newCertification(client, 2026), answers: reviewedAnswers(), dateFiled: '2026-03-03', signatureDate: '2026-03-01' }, client, [], settings);
    expect(p.dueDate).toBe('2026-03-02');
    expect(p.blocked).toBe(true);
    expect(p.findings.map((f) => f.message).join(' ')).toMatch(/March 2, 2026|2026-03-02/);
  });

  it('counts the covered year’s complaints into the certification and the statement', () => {
    const p = assemblePackage({ ...newCertification(client, 2027), dateFiled: '2027-02-20', signatureDate: '2027-02-19' }, client, [complaint('2026-04-01'), complaint('2025-04-01')], settings);
    expect(p.model.complaints.total).toBe(1);
    expect(p.statementText).toMatch(/Improper access by employees: 1|improper access by employees: 1/i);
  });

  it('rolls forward: carries answers and edits, resets dates and status, lists what changed', () => {
    const last = {
      ...newCertification(client, 2026),
      answers: reviewedAnswers('2026-02-01', (a) => (a.training.how = 'with a video course')),
      status: 'filed' as const, dateFiled: '2026-02-27', signatureDate: '2026-02-26', filedOn: '2026-02-27', ecfsConfirmation: '2026227123',
      sectionEdits: { training: 'Training for calendar year 2025 was held in March.' },
      lintOverrides: [{ id: 'x', excerpt: 'y', reason: 'z' }],
    };
    const { next, changes } = rollForward(last, client, 'prev-id');
    expect(next.certificationYear).toBe(2027);
    expect(next.status).toBe('draft');
    expect([next.dateFiled, next.signatureDate, next.filedOn, next.ecfsConfirmation]).toEqual(['', '', '', '']);
    expect(next.answers.values.training?.how).toBe('with a video course');
    expect(next.answers.topics.training).toEqual({ origin: 'lastYear', reviewedOn: '', fromYear: 2026, lastReviewedOn: '2026-02-01' });
    expect(next.sectionEdits.training).toBe('Training for calendar year 2025 was held in March.');
    expect(next.lintOverrides).toEqual([]);
    expect(next.rolledFromId).toBe('prev-id');
    expect(next.coverLetter.body).toContain('for 2027, covering calendar year 2026');
    const fields = changes.map((c) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['Certification year', 'Calendar year covered', 'Status', 'Date filed', 'Overridden checks', 'Edited statement section “training”']));
  });

  it('rewrites a cover letter the app wrote for the client’s new name and year; keeps one written by hand and says to check it', () => {
    const last = { ...newCertification({ ...client, legalName: 'Beta Telephone' }, 2026), preparerId: 'p1' };
    const renamed = { ...client, legalName: 'Beta Telephone Holdings, Inc.' };
    const { next, changes } = rollForward(last, renamed);
    expect(next.coverLetter.body).toBe(newCertification(renamed, 2027).coverLetter.body);
    expect(changes).toContainEqual({ field: 'Cover letter body', from: 'last year’s', to: 'this year’s years and the client’s name' });

    // The app's wording, but naming an affiliate too: edited by hand, so kept.
    const withAffiliate = { ...last, coverLetter: { ...last.coverLetter, body: coverLetterBody('Beta Telephone and its affiliate Beta Wireless LLC', 2026) } };
    expect(rollForward(withAffiliate, renamed).next.coverLetter.body).toBe(withAffiliate.coverLetter.body);

    const handWritten = { ...last, coverLetter: { ...last.coverLetter, body: 'Enclosed is Beta Telephone’s certification for 2026, covering calendar year 2025.' } };
    const kept = rollForward(handWritten, renamed);
    expect(kept.next.coverLetter.body).toBe(handWritten.coverLetter.body);
    expect(kept.changes).toContainEqual({ field: 'Cover letter body', from: 'written by hand', to: 'kept as written: check its years and names' });
    // …and the package says what is wrong with it.
    const p = assemblePackage({ ...kept.next, answers: reviewedAnswers(), dateFiled: '2027-02-20', signatureDate: '2027-02-19' }, renamed, [], settings);
    expect(p.findings.map((f) => [f.id, f.severity, f.excerpt])).toEqual([
      ['cover-letter-years', 'error', 'certification for 2026'],
      ['cover-letter-years', 'error', 'calendar year 2025'],
      ['cover-letter-company', 'warning', handWritten.coverLetter.body.slice(0, 80)],
    ]);
    expect(p.blocked).toBe(true);
    // Without a preparer there is no cover letter in the package, so nothing to say about it.
    expect(assemblePackage({ ...kept.next, preparerId: '', answers: reviewedAnswers(), dateFiled: '2027-02-20', signatureDate: '2027-02-19' }, renamed, [], settings).findings).toEqual([]);
  });

  it('blocks export while an override of the records has no reason, and names it', () => {
    const cert = { ...newCertification(client, 2027), answers: reviewedAnswers(), dateFiled: '2027-02-20', signatureDate: '2027-02-19' };
    const withOverride = { ...cert, overrides: { complaints: { value: { counts: { employeeAccess: 1, unauthorizedDisclosure: 0, onlineAccess: 0, other: 0 }, summary: 'Paper log.' }, reason: ' ' } } };
    const p = assemblePackage(withOverride, client, [], settings);
    expect(p.blocked).toBe(true);
    expect(p.openFindings.map((f) => f.message)).toContain('The customer complaint answer is overridden without a reason.');
    // Overriding that finding itself does not count: only the reason fixes it.
    const dodged = assemblePackage({ ...withOverride, lintOverrides: p.findings.map((f) => ({ id: f.id, excerpt: f.excerpt, reason: 'x' })) }, client, [], settings);
    expect(dodged.blocked).toBe(true);
    const fixed = assemblePackage({ ...withOverride, overrides: { complaints: { ...withOverride.overrides.complaints, reason: 'Kept on paper before the app.' } } }, client, [], settings);
    expect(fixed.blocked).toBe(false);
  });

  it('says "is not in compliance" in the certification when the statement concludes so', () => {
    const cert = {
      ...newCertification(client, 2027),
      answers: reviewedAnswers('2027-02-01', (a) => (a.conclusion = { inCompliance: false, explanation: 'Training records were lost in a fire; training is being repeated.' })),
    };
    const p = assemblePackage(cert, client, [], settings);
    expect(p.model.statementReference).toMatch(/ensure that it is not, and why it is not, in compliance/);
  });

  it('is ready to sign only with clean checks, every topic answered and reviewed, an officer and both dates', () => {
    const cert = { ...newCertification(client, 2027), answers: reviewedAnswers() };
    const p = assemblePackage(cert, client, [], settings);
    expect(readinessProblems(cert, p)).toEqual(['Enter the date filed (the day you will submit it).', 'Enter the signature date.']);
    const dated = { ...cert, dateFiled: '2027-02-20', signatureDate: '2027-02-19' };
    expect(readinessProblems(dated, assemblePackage(dated, client, [], settings))).toEqual([]);
    expect(readinessProblems(dated, { ...assemblePackage(dated, client, [], settings), blocked: true })).toEqual(['Fix the errors in the checks, or override them with a reason.']);
  });

  it('records a filing only on a day that has come, after the covered year, with a confirmation number', () => {
    const base = { certificationYear: 2027, ecfsConfirmation: '1022098765432' };
    expect(filedProblems({ ...base, filedOn: '2027-02-20' }, '2026-11-25')).toEqual(['The filing date is in the future: record it once it has been filed.']);
    expect(filedProblems({ ...base, filedOn: '2026-12-30' }, '2027-03-01')[0]).toMatch(/covers calendar year 2026 and is filed after that year ends/);
    expect(filedProblems({ ...base, filedOn: '2027-02-20', ecfsConfirmation: ' ' }, '2027-03-01')).toEqual(['Enter the ECFS confirmation number.']);
    expect(filedProblems({ ...base, filedOn: '2027-02-20' }, '2027-03-01')).toEqual([]);
  });

  it('refuses a filing day before the signature, and says when the filed text prints another day', () => {
    const base = { certificationYear: 2027, ecfsConfirmation: '1022098765432', signatureDate: '2027-02-20' };
    expect(filedProblems({ ...base, filedOn: '2027-02-19' }, '2027-03-01')).toEqual([
      'The officer signed it on February 20, 2027, so it cannot have been filed before that, on February 19, 2027. Check the date ECFS gave.',
    ]);
    expect(filedProblems({ ...base, filedOn: '2027-02-20' }, '2027-03-01')).toEqual([]);
    expect(filedDateNote({ filedOn: '2027-02-27', dateFiled: '2027-02-27' })).toBeUndefined();
    expect(filedDateNote({ filedOn: '2027-02-27', dateFiled: '' })).toBeUndefined();
    expect(filedDateNote({ filedOn: '2027-02-28', dateFiled: '2027-02-27' })).toBe(
      'The certification prints “Date filed: February 27, 2027”, but ECFS received it on February 28, 2027. If February 28, 2027 is right, the filed text names another day: consider an amended filing.',
    );
  });

  it('flags where the year’s records contradict the statement', () => {
    const cert = { ...newCertification(client, 2027), answers: reviewedAnswers(), dateFiled: '2027-02-20', signatureDate: '2027-02-19' };
    const stamp = { clientId: 'c1', createdAt: '', updatedAt: '' };
    const failure = { ...stamp, id: 'f1', kind: 'optOutFailure', learnedOn: '2026-11-23', mechanism: 'Web opt-out form', problem: 'Down', remedy: '', remedyOn: '', stateCommissionsNotified: '', stateCommissionAction: '', customerNotice: '', letterSentOn: '' } as ComplianceRecord;
    const breach = { ...stamp, id: 'b1', kind: 'breach', discoveredOn: '2026-06-01', determinedOn: '2026-06-01', cpniInvolved: 'Call records', agenciesNotifiedOn: '2026-07-15', lawEnforcementDelay: false, urgentHarm: false, customersAffected: '', harmLikely: '' } as ComplianceRecord;
    const p = assemblePackage(cert, client, [failure, breach], settings);
    const optOut = p.findings.find((f) => f.id === 'records-opt-out-failure');
    expect(optOut?.severity).toBe('error');
    expect(optOut?.message).toMatch(/November 23, 2026, but the statement says the company does not use opt-out approval/);
    const late = p.findings.find((f) => f.id === 'records-late-breach-notice');
    expect(late?.severity).toBe('warning');
    expect(late?.message).toMatch(/reported to the agencies on July 15, 2026, after the deadline of June 10, 2026/);

    const optOutUser = { ...cert, answers: reviewedAnswers('2027-02-01', (a) => (a.marketing.own = 'optOut')) };
    expect(assemblePackage(optOutUser, client, [failure], settings).findings.some((f) => f.id === 'records-opt-out-failure')).toBe(false);
  });
});

