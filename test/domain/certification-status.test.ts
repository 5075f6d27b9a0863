import { describe, expect, it } from 'vitest';
import { describeStatus, signingProblems, stepProblem } from '../../src/domain/certification-status';

describe('status words', () => {
  it('says Draft, Ready to sign, Signed on the signature date, Filed on the date filed with the ECFS number', () => {
    expect(describeStatus({ status: 'draft' })).toBe('Draft');
    expect(describeStatus({ status: 'ready' })).toBe('Ready to sign');
    expect(describeStatus({ status: 'signed', signatureDate: '2027-02-09', filedOn: '' }, '2027-02-09')).toBe('Signed on February 9, 2027');
    expect(describeStatus({ status: 'filed', signatureDate: '2027-02-09', filedOn: '2027-02-10', ecfsConfirmation: ' 1022098765432 ' }, '2027-03-01')).toBe(
      'Filed on February 10, 2027 (ECFS 1022098765432)',
    );
  });

  it('never shows a date still to come as done', () => {
    expect(describeStatus({ status: 'signed', signatureDate: '2027-02-10' }, '2027-02-01')).toBe('Marked signed, but the signature date (February 10, 2027) has not come yet');
    expect(describeStatus({ status: 'filed', filedOn: '2027-02-10', ecfsConfirmation: '1' }, '2027-02-01')).toMatch(/^Marked filed, but the filing date \(February 10, 2027\) has not come yet/);
  });

  it('never mentions the linter', () => {
    for (const status of ['draft', 'ready', 'signed', 'filed'] as const) expect(describeStatus({ status, signatureDate: '2027-02-01', filedOn: '2027-02-02' })).not.toMatch(/lint/i);
  });
});

describe('status steps', () => {
  it('allows each step only from the status it follows', () => {
    expect(stepProblem('markReady', { status: 'draft' })).toBe('');
    expect(stepProblem('sign', { status: 'ready' })).toBe('');
    expect(stepProblem('markFiled', { status: 'signed' })).toBe('');
    expect(stepProblem('reopen', { status: 'signed' })).toBe('');
    expect(stepProblem('amend', { status: 'filed' })).toBe('');
    expect(stepProblem('sign', { status: 'draft' })).toBe('It cannot be marked signed: it is draft.');
    expect(stepProblem('reopen', { status: 'filed', filedOn: '2027-02-10' })).toBe(
      'It cannot be reopened as a draft: it is filed on February 10, 2027. A filed certification is never changed; start an amended filing to correct it.',
    );
    expect(stepProblem('markReady', { status: 'signed', signatureDate: '2027-02-09' })).toMatch(/signed on February 9, 2027\. Reopen it as a draft first\.$/);
    expect(stepProblem('amend', { status: 'filed', amendedById: 'x' })).toBe('An amended filing of this certification has already been started.');
  });

  it('signs only on or after the signature date, and not after the date filed', () => {
    expect(signingProblems({ signatureDate: '2027-02-09', dateFiled: '2027-02-10' }, '2027-02-09')).toEqual([]);
    expect(signingProblems({ signatureDate: '', dateFiled: '2027-02-10' }, '2027-02-09')).toEqual(['Enter the signature date.']);
    expect(signingProblems({ signatureDate: '2027-02-11', dateFiled: '2027-02-10' }, '2027-02-09')).toEqual([
      'The signature date (February 11, 2027) has not come yet: mark it signed on the day the officer signs.',
      'The signature date is after the date filed.',
    ]);
  });
});
