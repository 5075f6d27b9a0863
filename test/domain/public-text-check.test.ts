import { describe, expect, it } from 'vitest';
import { assemblePackage, newCertification, type CertificationFields } from '../../src/domain/certification-record';
import { PERSONAL_DETAILS_FINDING } from '../../src/domain/public-text-check';
import type { ComplianceRecord } from '../../src/domain/records';

const stamp = { createdAt: '2026-01-02T15:00:00Z', updatedAt: '2026-01-02T15:00:00Z', clientId: 'c1' };
const client = { id: 'c1', legalName: 'Mesa Rural Telephone Co.', filerId: '823456', frn: '', affiliates: [], services: ['wireline' as const], officers: [{ id: 'o1', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }] };
const settings = { closures: [], breachRule2023EffectiveDate: '' };

const complaint = (id: string, publicSummary: string, summary = 'Internal: Mrs. Alvarez, 620-555-0142.'): ComplianceRecord =>
  ({ ...stamp, id, kind: 'complaint', receivedOn: '2026-05-14', category: 'employeeAccess', summary, publicSummary, resolution: 'Called her back at 620-555-0142.' }) as ComplianceRecord;
const pretexting = (id: string, publicSummary: string): ComplianceRecord =>
  ({ ...stamp, id, kind: 'pretexting', occurredOn: '2026-07-01', channel: 'phone', method: 'Posed as John Smith', howStopped: '', publicSummary }) as ComplianceRecord;
const brokerAction = (id: string, publicSummary: string): ComplianceRecord =>
  ({ ...stamp, id, kind: 'dataBrokerAction', actionOn: '2026-03-04', forum: 'court', actionKind: 'proceeding', description: 'Sued on behalf of Linda Marsh', publicSummary, outcome: '' }) as ComplianceRecord;

function warnings(records: ComplianceRecord[], change: Partial<CertificationFields> = {}) {
  const cert = { ...newCertification(client, 2027), ...change };
  return assemblePackage(cert, client, records, settings).findings.filter((f) => f.id === PERSONAL_DETAILS_FINDING);
}

describe('warnings on what the filing prints about customers', () => {
  it('warns, as a warning that does not block, when a public summary names a person or gives a number, e-mail or account', () => {
    const found = warnings([
      complaint('a', 'Her husband John obtained her call records.'),
      complaint('b', 'The caller asked for records of account 4471-2209 and gave jdoe@example.com.'),
      pretexting('p', 'A caller posing as Maria Okafor asked for call detail.'),
      brokerAction('d', 'Suit against a data broker; contact (620) 555-0142.'),
    ]);
    expect(found.map((f) => f.message)).toEqual([
      'The public summary of the action against data brokers of March 4, 2026 appears to contain a telephone number (“(620) 555-0142”).',
      'The public summary of the complaint received on May 14, 2026 appears to contain a person’s name (“John”).',
      'The public summary of the complaint received on May 14, 2026 appears to contain an account number (“account 4471-2209”) and an e-mail address (“jdoe@example.com”).',
      'The public summary of the pretexting attempt of July 1, 2026 appears to contain a person’s name (“Maria Okafor”).',
    ]);
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
    expect(found[1]!.excerpt).toBe('Her husband John obtained her call records.');
    expect(found[1]!.fix).toMatch(/the filing is public/);
  });

  it('says nothing of internal notes, which are never printed, nor of clean public summaries', () => {
    expect(
      warnings([
        complaint('a', 'An employee viewed a customer’s call records without a business reason; the employee was disciplined.'),
        complaint('b', ''),
        pretexting('p', 'A caller posing as the account holder was refused without the password.'),
        brokerAction('d', 'The suit asked the court to stop a website from selling call records.'),
      ]),
    ).toEqual([]);
  });

  it('checks the user’s own wording when an answer is overridden, instead of the records', () => {
    const found = warnings([complaint('a', 'Her husband John obtained her call records.')], {
      overrides: { complaints: { value: { counts: { employeeAccess: 1, unauthorizedDisclosure: 0, onlineAccess: 0, other: 0 }, summary: 'Reported by Mrs. Alvarez.' }, reason: 'Paper log.' } },
    });
    expect(found.map((f) => f.message)).toEqual(['Your summary of the complaints appears to contain a person’s name (“Mrs. Alvarez”).']);
  });

  it('ignores records outside the covered year', () => {
    expect(warnings([{ ...complaint('a', 'Her husband John called.'), receivedOn: '2025-12-31' } as ComplianceRecord])).toEqual([]);
  });
});
