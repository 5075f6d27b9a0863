// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { addYears, fromDayNumber, toDayNumber } from '../../src/domain/dates';
import { RECORD_FIELD_SCHEMAS, RECORD_KINDS, type ComplianceRecord, type RecordKind } from '../../src/domain/records';
import { certificationRetainUntil, certificationRetention, isPastRetention, retainUntil, retentionFor, retentionReviewCutoff } from '../../src/domain/retention';

const VALID_FIELDS: Record<RecordKind, Record<string, unknown>> = {
  breach: { discoveredOn: '2025-01-01', determinedOn: '2025-01-01', cpniInvolved: 'Call records' },
  campaign: { name: 'Spring', description: 'Bundle offer', startedOn: '2025-01-01', cpniUsed: 'Plan type', productsOffered: 'Fiber', approvalBasis: 'optOut' },
  disclosure: { recipient: 'Billing vendor', what: 'Account numbers', disclosedOn: '2025-01-01', basis: 'carveOut' },
  approval: { accountRef: 'A-1', approvalType: 'optOut', medium: 'written', status: 'granted', decidedOn: '2025-01-01' },
  notice: { sentOn: '2025-01-01', method: 'mail' },
  supervisoryReview: { request: 'Outbound call list', reviewer: 'J. Doe', decision: 'approved', reviewedOn: '2025-01-01' },
  training: { heldOn: '2025-01-01', topic: 'CPNI basics' },
  complaint: { receivedOn: '2025-01-01', category: 'employeeAccess', summary: 'Rep looked up a neighbour' },
  dataBrokerAction: { actionOn: '2025-01-01', forum: 'court', actionKind: 'proceeding', description: 'Suit against a pretexter' },
  pretexting: { occurredOn: '2025-01-01', channel: 'phone', method: 'Posed as the account holder' },
  optOutFailure: { learnedOn: '2025-01-01', mechanism: 'Web form', problem: 'Not saved' },
};

function record(kind: RecordKind, fields: Record<string, unknown> = {}): ComplianceRecord {
  const parsed = v.parse(RECORD_FIELD_SCHEMAS[kind] as v.GenericSchema, { ...VALID_FIELDS[kind], ...fields }) as object;
  return { id: 'r1', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', clientId: 'c1', kind, ...parsed } as ComplianceRecord;
}

// The minimum each record must be kept, read off the CPNI reference, section (b).
const MINIMUM_YEARS: Record<RecordKind, { years: number; basis: 'rule' | 'practice'; citation?: RegExp }> = {
  campaign: { years: 1, basis: 'rule', citation: /§ 64\.2009\(c\)/ },
  disclosure: { years: 1, basis: 'rule', citation: /§ 64\.2009\(c\)/ },
  supervisoryReview: { years: 1, basis: 'rule', citation: /§ 64\.2009\(d\)/ },
  approval: { years: 1, basis: 'rule', citation: /§ 64\.2007\(a\)/ },
  notice: { years: 1, basis: 'rule', citation: /§ 64\.2008\(a\)\(2\)/ },
  breach: { years: 2, basis: 'rule', citation: /§ 64\.2011\(d\)/ },
  training: { years: 2, basis: 'practice' },
  complaint: { years: 2, basis: 'practice' },
  dataBrokerAction: { years: 2, basis: 'practice' },
  pretexting: { years: 2, basis: 'practice' },
  optOutFailure: { years: 2, basis: 'practice' },
};

describe('retainUntil', () => {
  it('keeps campaign records a year after their last date', () => {
    expect(retainUntil(record('campaign', { startedOn: '2025-03-10' }))).toBe('2026-03-11');
    expect(retainUntil(record('campaign', { startedOn: '2025-03-10', endedOn: '2025-06-30' }))).toBe('2026-07-01');
  });

  it('keeps breach records two years from the latest date in the record', () => {
    const r = record('breach', {
      discoveredOn: '2025-01-02',
      determinedOn: '2025-01-05',
      agenciesNotifiedOn: '2025-01-08',
      customersNotifiedOn: '2025-02-10',
    });
    expect(retainUntil(r)).toBe('2027-02-11');
    expect(retentionFor(r)).toMatchObject({ basis: 'rule', citation: '47 C.F.R. § 64.2011(d)', ruleVersion: '2007' });
  });

  it('cites the amended rule for breaches under the 2023 rule', () => {
    const r = record('breach', { discoveredOn: '2026-07-01', determinedOn: '2026-07-02' });
    expect(retentionFor(r, { breachRule2023EffectiveDate: '2026-06-01' })).toMatchObject({ date: '2028-07-03', ruleVersion: '2023' });
  });

  it('labels the two years for training, complaint and similar records as practice, not a rule', () => {
    for (const kind of ['training', 'complaint', 'dataBrokerAction', 'pretexting', 'optOutFailure'] as const) {
      const r = retentionFor(record(kind));
      expect(r.basis).toBe('practice');
      expect(r.date).toBe('2027-01-02');
      expect(r.note).toMatch(/practice, not a rule/i);
    }
  });

  it('handles a record dated February 29', () => {
    expect(retainUntil(record('notice', { sentOn: '2024-02-29' }))).toBe('2025-03-01');
  });

  it('says when a record may go', () => {
    const r = record('disclosure', { disclosedOn: '2025-05-20' });
    expect(isPastRetention(r, '2026-05-20')).toBe(false);
    expect(isPastRetention(r, '2026-05-21')).toBe(true);
  });

  it('is never earlier than the rule’s minimum', () => {
    const date = fc.integer({ min: toDayNumber('2008-01-01'), max: toDayNumber('2035-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(fc.constantFrom(...RECORD_KINDS), date, fc.option(date, { nil: undefined }), (kind, main, later) => {
        const fields: Record<string, unknown> = {};
        for (const [k, value] of Object.entries(VALID_FIELDS[kind])) if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) fields[k] = main;
        const laterField = kind === 'breach' ? 'customersNotifiedOn' : kind === 'campaign' ? 'endedOn' : undefined;
        if (later && laterField) fields[laterField] = later;
        const latest = later && laterField && later > main ? later : main;
        const rule = MINIMUM_YEARS[kind];
        const result = retentionFor(record(kind, fields));
        return result.date > addYears(latest, rule.years) && result.basis === rule.basis && (!rule.citation || rule.citation.test(result.citation));
      }),
    );
  });
});

describe('certification retention', () => {
  it('keeps a filed certification at least two years, as practice', () => {
    expect(certificationRetainUntil('2026-02-20')).toBe('2028-02-21');
    expect(certificationRetention('2026-02-20')).toMatchObject({ basis: 'practice', date: '2028-02-21' });
    expect(certificationRetention('2026-02-20').note).toMatch(/not a rule/);
  });
});

describe('retention review cutoff', () => {
  it('looks only at records dated more than a year back, and never misses one past retention', () => {
    expect(retentionReviewCutoff('2026-11-25')).toBe('2025-11-25');
    const base = { id: 'r', clientId: 'c', createdAt: '', updatedAt: '', kind: 'approval', accountRef: 'A1', approvalType: 'optOut', medium: 'written', status: 'granted', scope: '' };
    for (const decidedOn of ['2025-11-23', '2025-11-24', '2025-11-25', '2025-11-26']) {
      const record = { ...base, decidedOn } as never;
      if (decidedOn >= retentionReviewCutoff('2026-11-25')) expect(isPastRetention(record, '2026-11-25')).toBe(false);
    }
    expect(isPastRetention({ ...base, decidedOn: '2025-11-23' } as never, '2026-11-25')).toBe(true);
  });
});
