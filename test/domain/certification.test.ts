// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { draftCertification, titleLine } from '../../src/domain/certification';
import type { ComplianceRecord } from '../../src/domain/records';

const base = { id: 'x', clientId: 'c', createdAt: '', updatedAt: '' };
const client = { legalName: 'Mesa Rural Telephone Co.', filerId: '823456', affiliates: [{ id: 'a', legalName: 'Mesa Long Distance LLC', filerId: '823457' }] };
const signatory = { name: 'Ann Lee', title: 'President' };

const complaint = (receivedOn: string, category: 'employeeAccess' | 'unauthorizedDisclosure' | 'onlineAccess' | 'other', id = receivedOn): ComplianceRecord =>
  ({ ...base, id, kind: 'complaint', receivedOn, category, summary: 'Caller obtained a bill copy.', publicSummary: '', resolution: '' }) as ComplianceRecord;

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
    expect(m.dataBrokers.items).toEqual(['On March 4, 2026, Mesa Rural Telephone Co. and Mesa Long Distance LLC instituted a proceeding before the court system.']);
    expect(m.attachments).toEqual(['Accompanying statement of CPNI operating procedures', 'Actions against data brokers', 'Summary of customer complaints']);
  });

  it('takes an override with its reason instead of the computed answer', () => {
    const m = draftCertification({
      client, certificationYear: 2027, records: [], signatory,
      overrides: { complaints: { value: { counts: { employeeAccess: 0, unauthorizedDisclosure: 1, onlineAccess: 0, other: 0 }, summary: 'One complaint logged on paper.' }, reason: 'Complaint kept in the paper log before the app was used.' } },
    });
    expect(m.complaints.summaries).toEqual(['One complaint logged on paper.']);
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

  it('lists the public complaint summaries in date order whatever order the records come in', () => {
    const withSummary = (r: ComplianceRecord, publicSummary: string) => ({ ...r, publicSummary }) as ComplianceRecord;
    const m = draftCertification({
      client, certificationYear: 2027, signatory,
      records: [withSummary(complaint('2026-12-31', 'other', 'b'), 'a bill was mailed to an old address'), withSummary(complaint('2026-05-14', 'employeeAccess', 'a'), 'An employee viewed records without a business reason.')],
    });
    expect(m.complaints.summaries).toEqual([
      'May 14, 2026 — Improper access by employees: An employee viewed records without a business reason.',
      'December 31, 2026 — Other: A bill was mailed to an old address.',
    ]);
  });

  it('states the pretexting counts and channels, and the public summaries only', () => {
    const attempt = (id: string, publicSummary: string) =>
      ({ ...base, id, kind: 'pretexting', occurredOn: '2026-06-01', channel: 'phone', method: 'Caller posed as Mr. Grant, her neighbour', howStopped: 'Refused; the neighbour was told', publicSummary }) as ComplianceRecord;
    const told = draftCertification({ client, certificationYear: 2027, records: [attempt('p1', 'a caller posed as the account holder and was refused without the password')], signatory });
    expect(told.pretexting.text).toBe(
      'In calendar year 2026, 1 attempt by pretexters to obtain CPNI was recorded, made by telephone. A caller posed as the account holder and was refused without the password. The company\'s protections against pretexting are described in the accompanying statement (47 C.F.R. § 64.2010).',
    );
    const silent = draftCertification({ client, certificationYear: 2027, records: [attempt('p2', ''), { ...attempt('p3', ''), channel: 'online' } as ComplianceRecord], signatory });
    expect(silent.pretexting.text).toMatch(/^In calendar year 2026, 2 attempts by pretexters to obtain CPNI were recorded, made by telephone and online\. The company's protections/);
    for (const m of [told, silent]) expect(m.pretexting.text).not.toMatch(/Grant|neighbour|Refused|\[To complete/);
  });

  it('never prints internal notes: complaint notes and resolutions, data-broker descriptions and outcomes', () => {
    const records = [
      { ...complaint('2026-03-01', 'employeeAccess', 'c1'), summary: 'Her husband John read her call log.', resolution: 'Clerk Dana fired.' } as ComplianceRecord,
      { ...base, id: 'd1', kind: 'dataBrokerAction', actionOn: '2026-03-04', forum: 'court', actionKind: 'proceeding', description: 'Sued CallTrace Inc. after Mrs. Alvarez complained.', publicSummary: '', outcome: 'Settled for $5,000.' } as ComplianceRecord,
      { ...base, id: 'd2', kind: 'dataBrokerAction', actionOn: '2026-04-04', forum: 'stateCommission', actionKind: 'petition', description: 'Internal: see file 12.\nSecond line of notes.', publicSummary: 'the petition asked the commission to\nstop a website selling call records', outcome: '' } as ComplianceRecord,
    ];
    const m = draftCertification({ client, certificationYear: 2027, records, signatory });
    const printed = JSON.stringify({ ...m, dataBrokers: { ...m.dataBrokers, actions: [] }, complaints: { ...m.complaints, records: [] } });
    for (const note of ['John', 'Dana', 'CallTrace', 'Alvarez', '5,000', 'file 12', 'Second line']) expect(printed).not.toContain(note);
    // One action per record, however many lines its summary has.
    expect(m.dataBrokers.items).toEqual([
      'On March 4, 2026, Mesa Rural Telephone Co. and Mesa Long Distance LLC instituted a proceeding before the court system.',
      'On April 4, 2026, Mesa Rural Telephone Co. and Mesa Long Distance LLC filed a petition before a state commission. The petition asked the commission to stop a website selling call records.',
    ]);
    expect(m.complaints.summaries).toEqual([]);
    expect(m.complaints.total).toBe(1);
  });

  it('says on an amended filing which filing it amends', () => {
    const m = draftCertification({ client, certificationYear: 2027, records: [], signatory, amends: { filedOn: '2027-02-20', ecfsConfirmation: '1022098765432' } });
    expect(m.amendment).toBe("This is an amended certification. It amends the company's certification for 2027 filed on February 20, 2027 (ECFS confirmation 1022098765432) in EB Docket No. 06-36.");
    expect(draftCertification({ client, certificationYear: 2027, records: [], signatory }).amendment).toBeUndefined();
  });

  it('names the carrier with its trade names, as filings do', () => {
    const m = draftCertification({ client: { ...client, dbaNames: ['Mesa Tel', ' '] }, certificationYear: 2027, records: [], signatory });
    expect(m.companies[0]).toEqual({ name: 'Mesa Rural Telephone Co. d/b/a Mesa Tel', filerId: '823456' });
    expect(m.certificationParagraphs[0]).toContain('officer of Mesa Rural Telephone Co. d/b/a Mesa Tel and Mesa Long Distance LLC');
  });
});

