// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { draftCertification, titleLine } from '../../src/domain/certification';
import type { ComplianceRecord } from '../../src/domain/records';

const base = { id: 'x', clientId: 'c', createdAt: '', updatedAt: '' };
const client = { legalName: 'Mesa Rural Telephone Co.', filerId: '823456', affiliates: [{ id: 'a', legalName: 'Mesa Long Distance LLC', filerId: '823457' }] };
const signatory = { name: 'Ann Lee', title: 'President' };

const complaint = (receivedOn: string, category: 'employeeAccess' | 'unauthorizedDisclosure' | 'onlineAccess' | 'other', id = receivedOn): ComplianceRecord =>
  ({ ...base, id, kind: 'complaint', receivedOn, category, summary: 'Caller obtained a bill copy.', resolution: '' }) as ComplianceRecord;

describe('certification model', () => {
  it('names the filing year and the covered year in the title line', () => {
    expect(titleLine(2027)).toBe('Annual 47 C.F.R. § 64.2009(e) CPNI Certification for 2027 covering calendar year 2026');
  });

  it('says "has not" affirmatively when the covered year has no data-broker actions or complaints', () => {
    const m = draftCertification({ client, certificationYear: 2027, records: [complaint('2025-12-31', 'employeeAccess')], signatory });
    expect(m.coveredYear).toBe(2026);
    expect(m.dataBrokers.has).toBe(false);
    expect(m.dataBrokers.statement).toMatch(/Mesa Rural Telephone Co. and Mesa Long Distance LLC have not taken any actions against data brokers in calendar year 2026/);
    expect(m.complaints.has).toBe(false);
    expect(m.complaints.statement).toMatch(/have not received any customer complaints in calendar year 2026/);
    expect(m.attachments).toEqual(['Accompanying statement of CPNI operating procedures']);
    expect(m.companies).toEqual([{ name: 'Mesa Rural Telephone Co.', filerId: '823456' }, { name: 'Mesa Long Distance LLC', filerId: '823457' }]);
  });

  it('counts complaints of the covered year by category and lists the attachments', () => {
    const records = [
      complaint('2026-01-02', 'employeeAccess', '1'),
      complaint('2026-05-02', 'employeeAccess', '2'),
      complaint('2026-12-31', 'onlineAccess', '3'),
      complaint('2027-01-01', 'unauthorizedDisclosure', '4'),
      { ...complaint('2026-06-01', 'unauthorizedDisclosure', '5'), deletedAt: '2026-07-01T00:00:00Z' } as ComplianceRecord,
      { ...base, kind: 'dataBrokerAction', actionOn: '2026-03-04', forum: 'court', actionKind: 'proceeding', description: 'Suit against a data broker selling call records.', outcome: '' } as ComplianceRecord,
    ];
    const m = draftCertification({ client, certificationYear: 2027, records, signatory });
    expect(m.complaints.counts).toEqual({ employeeAccess: 2, unauthorizedDisclosure: 0, onlineAccess: 1, other: 0 });
    expect(m.complaints.statement).toMatch(/received 3 customer complaints in calendar year 2026/);
    expect(m.dataBrokers.has).toBe(true);
    expect(m.dataBrokers.explanation).toMatch(/^On March 4, 2026, .* instituted a proceeding before the court system/);
    expect(m.attachments).toEqual(['Accompanying statement of CPNI operating procedures', 'Actions against data brokers', 'Summary of customer complaints']);
  });

  it('takes an override with its reason instead of the computed answer', () => {
    const m = draftCertification({
      client, certificationYear: 2027, records: [], signatory,
      overrides: { complaints: { value: { counts: { employeeAccess: 0, unauthorizedDisclosure: 1, onlineAccess: 0, other: 0 }, summary: 'One complaint logged on paper.' }, reason: 'Complaint kept in the paper log before the app was used.' } },
    });
    expect(m.complaints.has).toBe(true);
    expect(m.complaints.total).toBe(1);
    expect(m.complaints.overriddenBecause).toMatch(/paper log/);
  });

  it('has the officer certify as agent, with personal knowledge, citing § 64.2001 et seq.', () => {
    const m = draftCertification({ client, certificationYear: 2027, records: [], signatory });
    const text = m.certificationParagraphs.join(' ');
    expect(text).toMatch(/I, Ann Lee, certify that I am an officer of Mesa Rural Telephone Co\. and Mesa Long Distance LLC/);
    expect(text).toMatch(/acting as an agent of the company/);
    expect(text).toMatch(/personal knowledge/);
    expect(text).toMatch(/adequate to ensure compliance .* 47 C\.F\.R\. § 64\.2001 et seq\./);
    expect(m.truthfulness).toMatch(/§ 1\.17/);
  });

  it('lists the complaints in date order whatever order the records come in', () => {
    const m = draftCertification({ client, certificationYear: 2027, records: [complaint('2026-12-31', 'other', 'b'), complaint('2026-05-14', 'employeeAccess', 'a')], signatory });
    expect(m.complaints.summary.split('\n').map((l) => l.slice(0, 12))).toEqual(['May 14, 2026', 'December 31,']);
  });

  it('states only what the pretexting records hold, and asks for the response when they do not say', () => {
    const attempt = (howStopped: string, id: string) =>
      ({ ...base, id, kind: 'pretexting', occurredOn: '2026-06-01', channel: 'phone', method: 'Caller posed as the account holder', howStopped }) as ComplianceRecord;
    const told = draftCertification({ client, certificationYear: 2027, records: [attempt('Representative required the password', 'p1')], signatory });
    expect(told.pretexting.text).toMatch(/^In calendar year 2026, 1 attempt by pretexters to obtain CPNI was recorded, made by telephone\. Methods observed: Caller posed as the account holder\. Measures taken: Representative required the password\./);
    expect(told.pretexting.text).not.toMatch(/continues to train/);
    const silent = draftCertification({ client, certificationYear: 2027, records: [attempt('', 'p2')], signatory });
    expect(silent.pretexting.text).toContain('[To complete: how the company responded to these attempts.]');
  });

  it('names the carrier with its trade names, as filings do', () => {
    const m = draftCertification({ client: { ...client, dbaNames: ['Mesa Tel', ' '] }, certificationYear: 2027, records: [], signatory });
    expect(m.companies[0]).toEqual({ name: 'Mesa Rural Telephone Co. d/b/a Mesa Tel', filerId: '823456' });
    expect(m.certificationParagraphs[0]).toContain('officer of Mesa Rural Telephone Co. d/b/a Mesa Tel and Mesa Long Distance LLC');
  });
});

