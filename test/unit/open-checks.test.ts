// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { assemblePackage, newCertification } from '../../src/domain/certification-record';
import { DEFAULT_SETTINGS, type Client } from '../../src/domain/schema';
import { describeOpenChecks, openChecks, openChecksWeight } from '../../src/features/certifications/open-checks';
import { reviewedAnswers } from '../fixtures/answers';

const client: Client = {
  id: 'c', createdAt: '', updatedAt: '', legalName: 'Mesa Rural Telephone Co.', dbaNames: [], filerId: '823456', frn: '', address: { street: '', city: '', state: '', zip: '' },
  phone: '', email: '', officers: [{ id: 'o', name: 'Ana Ruiz', title: 'President', isDefaultSignatory: true }], services: ['wireline'], affiliates: [], notes: '', archived: false,
};

describe('open checks on the season board', () => {
  it('counts every topic of a new certification as still to answer, and none once all are answered and reviewed', () => {
    const fresh = openChecks(assemblePackage(newCertification(client, 2027), client, [], DEFAULT_SETTINGS));
    expect(fresh.topics).toBeGreaterThan(5);
    expect(describeOpenChecks(fresh)).toMatch(/^(\d+ (errors?|warnings?), )*\d+ topics to answer or review$/);
    const answered = openChecks(assemblePackage({ ...newCertification(client, 2027), answers: reviewedAnswers('2027-01-15') }, client, [], DEFAULT_SETTINGS));
    expect(answered.topics).toBe(0);
  });

  it('describes nothing open as None and sorts errors before topics before warnings', () => {
    expect(describeOpenChecks({ errors: 0, warnings: 0, topics: 0 })).toBe('None');
    expect(describeOpenChecks({ errors: 1, warnings: 2, topics: 1 })).toBe('1 error, 2 warnings, 1 topic to answer or review');
    expect(openChecksWeight({ errors: 1, warnings: 0, topics: 0 })).toBeGreaterThan(openChecksWeight({ errors: 0, warnings: 50, topics: 50 }));
    expect(openChecksWeight(undefined)).toBeLessThan(openChecksWeight({ errors: 0, warnings: 0, topics: 0 }));
  });
});
