// @vitest-environment node
/**
 * One clock interpreter: for many generated records of every kind, the dashboard, the record
 * page and the certification's checks give every clock the same status (§ 64.2011(b) for
 * breaches, § 64.2009(f) and § 64.2008(d) for opt-out). The example from the issue, customers
 * told before the 2007-rule wait ended, is checked by name first.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assemblePackage, newCertification } from '../../src/domain/certification-record';
import { PROBLEM_STATUSES, clockStatus } from '../../src/domain/clock';
import { addDays, type IsoDate } from '../../src/domain/dates';
import { deadlinesFor } from '../../src/domain/deadlines';
import { RECORD_FIELD_SCHEMAS, RECORD_KINDS, type ComplianceRecord, type RecordKind } from '../../src/domain/records';
import { validate } from '../../src/domain/schema';
import { recordClocks as recordPageClocks } from '../../src/features/records/record-clocks';
import { reviewedAnswers } from '../fixtures/answers';

const client = {
  id: 'c1', archived: false, legalName: 'Mesa Rural Telephone Co.', filerId: '823456', frn: '0012345678', affiliates: [], services: ['wireline' as const],
  officers: [{ id: 'o', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }],
};

/** Valid fields of each kind; the generator moves the dates. */
const BASE: Record<RecordKind, Record<string, unknown>> = {
  breach: { discoveredOn: '2026-03-01', determinedOn: '2026-03-02', cpniInvolved: 'Call detail records' },
  campaign: { name: 'Spring fiber upgrade', description: 'Letters', startedOn: '2026-04-01', cpniUsed: 'Service type', productsOffered: 'Fiber', approvalBasis: 'optOut' },
  disclosure: { recipient: 'Acme Billing LLC', what: 'Billing records', disclosedOn: '2026-05-05', basis: 'legalProcess' },
  approval: { accountRef: '100234', approvalType: 'optOut', medium: 'written', status: 'granted', decidedOn: '2026-01-15' },
  notice: { sentOn: '2026-01-05', method: 'mail', audienceSize: 1200 },
  supervisoryReview: { request: 'Outbound calls', reviewer: 'J. Ortiz', decision: 'approved', reviewedOn: '2026-02-02' },
  training: { heldOn: '2026-02-10', topic: 'CPNI basics' },
  complaint: { receivedOn: '2026-06-01', category: 'employeeAccess', summary: 'Employee looked up calls' },
  dataBrokerAction: { actionOn: '2026-07-07', forum: 'court', actionKind: 'petition', description: 'Petition' },
  pretexting: { occurredOn: '2026-08-08', channel: 'phone', method: 'Caller posed as the account holder' },
  optOutFailure: { learnedOn: '2026-09-09', mechanism: 'Web opt-out form', problem: 'Form submissions were not saved' },
};
const DATE_FIELD: Record<RecordKind, string> = {
  breach: 'determinedOn', campaign: 'startedOn', disclosure: 'disclosedOn', approval: 'decidedOn', notice: 'sentOn', supervisoryReview: 'reviewedOn',
  training: 'heldOn', complaint: 'receivedOn', dataBrokerAction: 'actionOn', pretexting: 'occurredOn', optOutFailure: 'learnedOn',
};

function makeRecord(kind: RecordKind, id: string, fields: Record<string, unknown>): ComplianceRecord {
  const result = validate(RECORD_FIELD_SCHEMAS[kind], { ...BASE[kind], ...fields });
  if (!result.ok) throw new Error(`${kind}: ${JSON.stringify(result.errors)}`);
  return { ...(result.value as object), id, clientId: 'c1', kind, createdAt: '', updatedAt: '' } as ComplianceRecord;
}

const START = '2025-06-01';
const day = (max: number) => fc.integer({ min: 0, max }).map((n) => addDays(START, n));
const maybeDay = (max: number) => fc.option(day(max), { nil: '' as const, freq: 3 });

const recordArb = (i: number) =>
  fc.constantFrom(...RECORD_KINDS).chain((kind) => {
    const id = `r${i}`;
    if (kind === 'breach')
      return fc
        .record({
          determinedOn: day(500),
          agenciesNotifiedOn: maybeDay(560),
          customersNotifiedOn: maybeDay(560),
          annualSummaryFiledOn: maybeDay(700),
          urgentHarm: fc.boolean(),
          lawEnforcementDelay: fc.boolean(),
          delayUntil: day(600),
          customersAffected: fc.constantFrom('' as const, 12, 499, 5000),
          harmLikely: fc.constantFrom('', 'yes', 'no'),
        })
        .map((f) => makeRecord(kind, id, { ...f, discoveredOn: f.determinedOn, cpniInvolved: `CPNI of ${id}`, delayUntil: f.lawEnforcementDelay ? f.delayUntil : '' }));
    if (kind === 'optOutFailure')
      return fc.record({ learnedOn: day(500), letterSentOn: maybeDay(560) }).map((f) => makeRecord(kind, id, f));
    if (kind === 'notice') return fc.record({ sentOn: day(800), method: fc.constantFrom('mail', 'electronic') }).map((f) => makeRecord(kind, id, f));
    return day(500).map((d) => makeRecord(kind, id, { [DATE_FIELD[kind]]: d }));
  });

const scenario = fc.record({
  records: fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => recordArb(i)))),
  today: day(900),
  dueSoonDays: fc.integer({ min: 1, max: 30 }),
  rule2023From: fc.constantFrom('', '2026-01-01', '2026-06-15'),
});

const key = (recordId: string, dutyId: string) => `${recordId}|${dutyId}`;

describe('one clock interpreter', () => {
  const settings = { closures: [], breachRule2023EffectiveDate: '', dueSoonDays: 14 };

  it('customers told before the 2007-rule wait ended are "done too early" on the dashboard, the record page and in the checks', () => {
    // Agencies told 2026-02-03; seven full business days (Presidents Day 2026-02-16 is after) end 2026-02-12.
    const breach = makeRecord('breach', 'b1', { determinedOn: '2026-01-30', agenciesNotifiedOn: '2026-02-03', customersNotifiedOn: '2026-02-04', cpniInvolved: 'Call records' });
    const today = '2026-03-10';
    const row = deadlinesFor([client], [breach], today, settings).find((d) => d.dutyId === 'breachCustomerWait2007');
    expect(row).toMatchObject({ due: '2026-02-13', status: 'early' });
    const line = recordPageClocks(breach, settings, today).lines.find((l) => l.dutyId === 'breachCustomerWait2007');
    expect(line).toMatchObject({ date: '2026-02-13', state: 'early' });
    expect(line?.stateText).toBe('Done on February 4, 2026, before the earliest allowed day (February 13, 2026).');
    const cert = { ...newCertification(client, 2027), answers: reviewedAnswers(), dateFiled: '2027-02-20', signatureDate: '2027-02-19' };
    const findings = assemblePackage(cert, client, [breach], settings, today).findings.filter((f) => f.id === 'records-clock-breachCustomerWait2007');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/done too early/);
  });

  it('gives every clock the same status on the dashboard, the record page and in the certification checks', () => {
    fc.assert(
      fc.property(scenario, ({ records, today, dueSoonDays, rule2023From }) => {
        const s = { closures: [], breachRule2023EffectiveDate: rule2023From, dueSoonDays };
        const notices = records.filter((r) => r.kind === 'notice');

        const dashboard = new Map<string, string>();
        for (const d of deadlinesFor([client], records, today, s)) if (d.recordId) dashboard.set(key(d.recordId, d.dutyId), `${d.due} ${d.status}`);

        const page = new Map<string, string>();
        for (const r of records)
          for (const line of recordPageClocks(r, s, today, notices, dueSoonDays).lines)
            if (line.date && line.dutyId !== 'optOutWait') page.set(key(r.id, line.dutyId), `${line.date} ${line.state}`);
        expect(page).toEqual(dashboard);

        // The certification for the year after each record's year checks that year's records.
        for (const coveredYear of [2025, 2026]) {
          const cert = { ...newCertification(client, coveredYear + 1), answers: reviewedAnswers(), dateFiled: `${coveredYear + 1}-02-20`, signatureDate: `${coveredYear + 1}-02-19` };
          const flagged = new Set<string>();
          for (const f of assemblePackage(cert, client, records, s, today).findings) {
            if (f.id === 'records-late-breach-notice') flagged.add(key(records.find((r) => r.kind === 'breach' && r.cpniInvolved === f.excerpt)!.id, 'agency'));
            else if (f.id.startsWith('records-clock-')) flagged.add(key(f.excerpt.split(' ')[1]!, f.id.slice('records-clock-'.length)));
          }
          const expected = new Set<string>();
          for (const [k, value] of dashboard) {
            const [recordId, dutyId] = k.split('|') as [string, string];
            const record = records.find((r) => r.id === recordId)!;
            const status = value.split(' ')[1] as ReturnType<typeof clockStatus>;
            // The checks use the default due-soon window, which never changes whether a status is a problem.
            if (!record || !PROBLEM_STATUSES.has(status)) continue;
            const dated = record.kind === 'breach' ? record.determinedOn : record.kind === 'optOutFailure' ? record.learnedOn : record.kind === 'notice' ? record.sentOn : '';
            if (!dated.startsWith(String(coveredYear))) continue;
            expected.add(key(recordId, dutyId.startsWith('breachAgencyNotice') ? 'agency' : dutyId));
          }
          expect(flagged).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });
});

// The interpreter itself, on the words the issue names.
describe('clockStatus', () => {
  const t = '2026-03-10' as IsoDate;
  it('reads deadlines and "not before" dates', () => {
    expect(clockStatus({ kind: 'deadline', date: '2026-03-09', doneOn: '2026-03-08' }, t)).toBe('done');
    expect(clockStatus({ kind: 'deadline', date: '2026-03-09', doneOn: '2026-03-10' }, t)).toBe('late');
    expect(clockStatus({ kind: 'deadline', date: '2026-03-09' }, t)).toBe('overdue');
    expect(clockStatus({ kind: 'deadline', date: '2026-03-09', doneOn: '2026-04-01' }, t)).toBe('overdue');
    expect(clockStatus({ kind: 'deadline', date: '2026-03-12' }, t)).toBe('due-soon');
    expect(clockStatus({ kind: 'deadline', date: '2026-05-12' }, t)).toBe('upcoming');
    expect(clockStatus({ kind: 'notBefore', date: '2026-03-13', doneOn: '2026-03-04' }, t)).toBe('early');
    expect(clockStatus({ kind: 'notBefore', date: '2026-03-03', doneOn: '2026-03-04' }, t)).toBe('done');
    expect(clockStatus({ kind: 'notBefore', date: '2026-03-03' }, t)).toBe('open');
    expect(clockStatus({ kind: 'notBefore', date: '2026-03-13' }, t)).toBe('waiting');
    expect(clockStatus({ kind: 'notBefore' }, t)).toBe('unknown');
  });
});
