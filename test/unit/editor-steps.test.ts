// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { assemblePackage, newCertification } from '../../src/domain/certification-record';
import { DEFAULT_SETTINGS, type Client } from '../../src/domain/schema';
import { editorSteps } from '../../src/features/certifications/editor-steps';
import { reviewedAnswers } from '../fixtures/answers';

const client: Client = {
  id: 'c', createdAt: '', updatedAt: '', legalName: 'Mesa Rural Telephone Co.', dbaNames: [], filerId: '823456', frn: '', address: { street: '', city: '', state: '', zip: '' },
  phone: '', email: '', officers: [{ id: 'o', name: 'Ana Ruiz', title: 'President', isDefaultSignatory: true }], services: ['wireline'], affiliates: [], notes: '', archived: false,
};

describe('the certification editor’s steps', () => {
  it('lists the six steps in page order, saying what is left on a new certification', () => {
    const cert = newCertification(client, 2027);
    const steps = editorSteps(cert, assemblePackage(cert, client, [], DEFAULT_SETTINGS), '2027-01-15');
    expect(steps.map((s) => s.title)).toEqual(['Signatory and dates', 'Records of the year', 'Questionnaire', 'Statement', 'Checks', 'Export and status']);
    expect(steps[0]).toMatchObject({ state: 'todo', detail: 'To fill in: signature date, date filed' });
    expect(steps[2]).toMatchObject({ state: 'todo', detail: expect.stringMatching(/^\d+ topics to answer or review$/) });
    expect(steps[5]!.detail).toMatch(/^Draft/);
  });

  it('marks the signatory and questionnaire steps done once dated, answered and reviewed', () => {
    const cert = { ...newCertification(client, 2027), signatureDate: '2027-02-10', dateFiled: '2027-02-12', answers: reviewedAnswers('2027-01-15') };
    const steps = editorSteps(cert, assemblePackage(cert, client, [], DEFAULT_SETTINGS), '2027-01-15');
    expect(steps[0]).toMatchObject({ state: 'done', detail: 'Ana Ruiz, President' });
    expect(steps[2]).toMatchObject({ state: 'done', detail: 'Every topic answered and reviewed' });
  });
});
