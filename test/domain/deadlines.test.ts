// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { addBusinessDays } from '../../src/domain/calendar';
import { addDays } from '../../src/domain/dates';
import {
  addressOfRecordFrom,
  breachClock,
  certificationDueDate,
  certificationDueNote,
  certificationRequired,
  deadlinesFor,
  filingSeason,
  optOutApprovalFrom,
  optOutFailureNoticeDue,
  optOutNoticeRefreshDue,
  type CertificationProgress,
} from '../../src/domain/deadlines';
import { RECORD_FIELD_SCHEMAS, type ComplianceRecord, type RecordKind, type RecordOf } from '../../src/domain/records';

let seq = 0;
function rec<K extends RecordKind>(kind: K, fields: Record<string, unknown>, extra: { clientId?: string; deletedAt?: string } = {}): RecordOf<K> {
  const parsed = v.parse(RECORD_FIELD_SCHEMAS[kind] as v.GenericSchema, fields) as object;
  return {
    id: `r${++seq}`,
    createdAt: '2025-01-01T12:00:00.000Z',
    updatedAt: '2025-01-01T12:00:00.000Z',
    clientId: extra.clientId ?? 'c1',
    kind,
    ...parsed,
    ...(extra.deletedAt ? { deletedAt: extra.deletedAt } : {}),
  } as RecordOf<K>;
}

const breach = (fields: Record<string, unknown>, extra?: { clientId?: string; deletedAt?: string }) =>
  rec('breach', { discoveredOn: fields.determinedOn, cpniInvolved: 'Call detail records', ...fields }, extra);
const optOutFailure = (fields: Record<string, unknown>, extra?: { clientId?: string; deletedAt?: string }) =>
  rec('optOutFailure', { mechanism: 'Web form', problem: 'Opt-outs were not saved', ...fields }, extra);
const notice = (sentOn: string, extra?: { clientId?: string; deletedAt?: string }) => rec('notice', { sentOn, method: 'mail' }, extra);

const clients = [
  { id: 'c1', archived: false },
  { id: 'c2', archived: false },
  { id: 'gone', archived: true },
];

describe('certificationDueDate (§ 64.2009(e), § 1.4(j))', () => {
  // March 1 of each year, and the date it moves to when it is not an FCC business day.
  const expected: Record<number, string> = {
    2008: '2008-03-03', // Saturday
    2009: '2009-03-02', // Sunday (DA 09-240 still printed "March 1")
    2010: '2010-03-01',
    2011: '2011-03-01',
    2012: '2012-03-01',
    2013: '2013-03-01',
    2014: '2014-03-03', // Saturday
    2015: '2015-03-02', // Sunday
    2016: '2016-03-01',
    2017: '2017-03-01', // no certification was due that year
    2018: '2018-03-01',
    2019: '2019-03-01',
    2020: '2020-03-02', // Sunday
    2021: '2021-03-01',
    2022: '2022-03-01',
    2023: '2023-03-01',
    2024: '2024-03-01',
    2025: '2025-03-03', // Saturday
    2026: '2026-03-02', // Sunday (not March 3, as one 2026 article said)
    2027: '2027-03-01',
    2028: '2028-03-01',
    2029: '2029-03-01',
    2030: '2030-03-01',
    2031: '2031-03-03', // Saturday
    2032: '2032-03-01',
  };
  it.each(Object.entries(expected))('%s → %s', (year, due) => {
    expect(certificationDueDate(Number(year))).toBe(due);
  });

  it('moves again when the user records an FCC closure on the Monday (March 3, 2014 snow day)', () => {
    expect(certificationDueDate(2014, { closures: ['2014-03-03'] })).toBe('2014-03-04');
  });

  it('says why the date moved, and names the safe day before March 1', () => {
    expect(certificationDueNote(2027)).toBeUndefined();
    const note = certificationDueNote(2026);
    expect(note).toContain('Sunday, March 1, 2026');
    expect(note).toContain('Monday, March 2, 2026');
    expect(note).toContain('§ 1.4(j)');
    expect(note).toContain('Friday, February 27, 2026');
  });

  it('knows which years required a certification', () => {
    expect(certificationRequired(2007)).toBe(false);
    expect(certificationRequired(2008)).toBe(true);
    expect(certificationRequired(2016)).toBe(true);
    expect(certificationRequired(2017)).toBe(false);
    expect(certificationRequired(2018)).toBe(true);
    expect(certificationRequired(2026)).toBe(true);
  });
});

describe('filingSeason', () => {
  it.each([
    ['2026-11-25', 2027],
    ['2027-01-15', 2027],
    ['2027-03-01', 2027],
    ['2027-03-02', 2028],
    ['2026-03-01', 2026], // a Sunday: the deadline is Monday the 2nd
    ['2026-03-02', 2026],
    ['2026-03-03', 2027],
    ['2016-11-25', 2018], // no certification was due in 2017
    ['2005-06-01', 2008],
  ])('on %s the season is %i', (today, year) => {
    expect(filingSeason(today)).toBe(year);
  });
});

describe('single-date clocks', () => {
  it('gives the § 64.2009(f) letter five business days, skipping Thanksgiving', () => {
    expect(optOutFailureNoticeDue('2025-11-24')).toBe('2025-12-02');
    expect(optOutFailureNoticeDue('2026-03-02')).toBe('2026-03-09');
    expect(optOutFailureNoticeDue('2024-12-20')).toBe('2024-12-31'); // Dec 24 closure and Christmas
    expect(optOutFailureNoticeDue('2024-12-26')).toBe('2025-01-03'); // New Year's Day
  });

  it('lets opt-out approval be assumed after the 30-day wait, three days later for mail', () => {
    expect(optOutApprovalFrom({ method: 'electronic', sentOn: '2026-01-01' })).toBe('2026-02-01');
    expect(optOutApprovalFrom({ method: 'mail', sentOn: '2026-01-01' })).toBe('2026-02-03');
    expect(optOutApprovalFrom({ method: 'mail', sentOn: '2026-02-27' })).toBe('2026-04-01');
  });

  it('asks for a fresh opt-out notice two years after the last', () => {
    expect(optOutNoticeRefreshDue('2024-05-15')).toBe('2026-05-15');
    expect(optOutNoticeRefreshDue('2024-02-29')).toBe('2026-02-28');
  });

  it('counts an address as of record once it has been on the account 30 days', () => {
    expect(addressOfRecordFrom('2026-01-01')).toBe('2026-02-01');
    expect(addressOfRecordFrom('2026-02-15')).toBe('2026-03-18');
  });
});

describe('breachClock, 2007 rule', () => {
  it('gives the USSS and FBI seven business days from determination, skipping Thanksgiving', () => {
    const c = breachClock({ determinedOn: '2025-11-20' });
    expect(c.rule).toBe('2007');
    expect(c.agencyNoticeDue).toBe('2025-12-02');
    expect(c.customerNoticeDue).toBeUndefined();
    expect(c.annualSummaryDue).toBeUndefined();
  });

  it('waits seven full business days after the agency notice before customers may be told', () => {
    const c = breachClock({ determinedOn: '2025-11-20', agenciesNotifiedOn: '2025-12-01' });
    expect(c.customerNoticeEarliest).toBe(addDays(addBusinessDays('2025-12-01', 7), 1));
    expect(c.customerNoticeEarliest).toBe('2025-12-11');
  });

  it('does not count the 2025 Christmas closures in the wait, and says the statutory calendar differs', () => {
    const c = breachClock({ determinedOn: '2025-12-19', agenciesNotifiedOn: '2025-12-22' });
    expect(c.customerNoticeEarliest).toBe('2026-01-07');
    expect(c.notes.join(' ')).toContain('January 3, 2026');
  });

  it('counts closures from Settings', () => {
    const settings = { closures: [{ date: '2025-12-02', note: 'Snow' }] };
    expect(breachClock({ determinedOn: '2025-11-20' }, settings).agencyNoticeDue).toBe('2025-12-03');
  });

  it('leaves the customer date open until the agencies are notified, and says so', () => {
    const c = breachClock({ determinedOn: '2025-11-20' });
    expect(c.customerNoticeEarliest).toBeUndefined();
    expect(c.notes.join(' ')).toMatch(/7 full business days/);
  });

  it('allows immediate customer notice for urgent harm, after consulting the agency', () => {
    const c = breachClock({ determinedOn: '2025-11-20', agenciesNotifiedOn: '2025-11-21', urgentHarm: true });
    expect(c.customerNoticeEarliest).toBe('2025-11-21');
    expect(c.notes.join(' ')).toContain('only after consulting the investigating agency');
  });

  it('holds customer notice until the day after a law-enforcement delay ends', () => {
    const delayed = breachClock({ determinedOn: '2025-11-20', agenciesNotifiedOn: '2025-12-01', lawEnforcementDelayUntil: '2025-12-31' });
    expect(delayed.customerNoticeEarliest).toBe('2026-01-01');
    const shortDelay = breachClock({ determinedOn: '2025-11-20', agenciesNotifiedOn: '2025-12-01', lawEnforcementDelayUntil: '2025-12-03' });
    expect(shortDelay.customerNoticeEarliest).toBe('2025-12-11');
    const urgentButDelayed = breachClock({
      determinedOn: '2025-11-20',
      agenciesNotifiedOn: '2025-11-21',
      urgentHarm: true,
      lawEnforcementDelayUntil: '2025-12-10',
    });
    expect(urgentButDelayed.customerNoticeEarliest).toBe('2025-12-11');
  });

  it('labels its readings of the rule as interpretation', () => {
    const c = breachClock({ determinedOn: '2025-11-20', agenciesNotifiedOn: '2025-12-01' });
    expect(c.notes.some((n) => n.startsWith('Interpretation:'))).toBe(true);
  });
});

describe('breachClock, 2023 rule', () => {
  const settings = { breachRule2023EffectiveDate: '2026-06-01' };

  it('stays on the 2007 rule unless Settings holds an effective date on or before the determination', () => {
    expect(breachClock({ determinedOn: '2026-07-01' }).rule).toBe('2007');
    expect(breachClock({ determinedOn: '2026-07-01' }, { breachRule2023EffectiveDate: '' }).rule).toBe('2007');
    expect(breachClock({ determinedOn: '2026-05-31' }, settings).rule).toBe('2007');
    expect(breachClock({ determinedOn: '2026-06-01' }, settings).rule).toBe('2023');
  });

  it('gives the FCC, USSS and FBI seven business days and customers 30 calendar days', () => {
    const c = breachClock({ determinedOn: '2026-06-30', customersAffected: 1200, harmLikely: 'yes' }, settings);
    expect(c.agencyNoticeDue).toBe('2026-07-10'); // July 3 is the observed Independence Day
    expect(c.customerNoticeDue).toBe('2026-07-30');
    expect(c.annualSummaryDue).toBeUndefined();
    expect(c.notes.join(' ')).toContain('FCC, USSS and FBI');
  });

  it('sends fewer than 500 customers with no likely harm to the annual summary, labelled unverified', () => {
    const c = breachClock({ determinedOn: '2030-08-01', customersAffected: 120, harmLikely: 'no' }, { breachRule2023EffectiveDate: '2026-06-01' });
    expect(c.annualSummaryDue).toBe('2031-02-03'); // February 1, 2031 is a Saturday
    expect(c.customerNoticeDue).toBeUndefined();
    expect(c.notes.join(' ')).toMatch(/unverified/i);
  });

  it('treats an undetermined harm question as harm likely', () => {
    const c = breachClock({ determinedOn: '2026-07-01', customersAffected: 120 }, settings);
    expect(c.annualSummaryDue).toBeUndefined();
    expect(c.customerNoticeDue).toBe('2026-07-31');
  });

  it('needs no customer notice when no harm is reasonably likely, even for a large breach', () => {
    const c = breachClock({ determinedOn: '2026-07-01', customersAffected: 5000, harmLikely: false }, settings);
    expect(c.customerNoticeDue).toBeUndefined();
    expect(c.annualSummaryDue).toBeUndefined();
  });

  it('moves the customer limit past a law-enforcement delay', () => {
    const c = breachClock({ determinedOn: '2026-07-01', harmLikely: 'yes', lawEnforcementDelayUntil: '2026-08-15' }, settings);
    expect(c.customerNoticeEarliest).toBe('2026-08-16');
    expect(c.customerNoticeDue).toBe('2026-08-16');
  });
});

describe('deadlinesFor', () => {
  const settings = { dueSoonDays: 14 };
  const today = '2026-03-10';

  it('marks deadlines done, overdue, due soon and upcoming', () => {
    const records: ComplianceRecord[] = [
      optOutFailure({ learnedOn: '2026-03-02' }), // due 2026-03-09
      optOutFailure({ learnedOn: '2026-03-05' }), // due 2026-03-12
      optOutFailure({ learnedOn: '2026-03-02', letterSentOn: '2026-03-04' }),
      notice('2025-01-15'), // refresh due 2027-01-15
    ];
    const rows = deadlinesFor(clients, records, today, settings).filter((d) => d.clientId === 'c1' && d.dutyId !== 'annualCertification');
    // Sorted by due date; rows due the same day keep the order of the records.
    expect(rows.map((d) => [d.dutyId, d.due, d.status])).toEqual([
      ['optOutFailureNotice', '2026-03-09', 'overdue'],
      ['optOutFailureNotice', '2026-03-09', 'done'],
      ['optOutFailureNotice', '2026-03-12', 'due-soon'],
      ['optOutNoticeRefresh', '2027-01-15', 'upcoming'],
    ]);
    for (const d of rows) {
      expect(d.citation).toMatch(/^47 C\.F\.R\. § 64\.20/);
      expect(d.recordId).toBeTruthy();
      expect(d.title).toBeTruthy();
    }
  });

  it('does not count a completion dated in the future as done', () => {
    const records: ComplianceRecord[] = [
      breach({ discoveredOn: '2026-02-20', determinedOn: '2026-02-20', agenciesNotifiedOn: '2027-03-01' }),
      optOutFailure({ learnedOn: '2026-03-02', letterSentOn: '2026-12-04' }),
    ];
    const rows = deadlinesFor(clients, records, today, settings).filter((d) => d.clientId === 'c1' && d.dutyId !== 'annualCertification');
    expect(rows.find((d) => d.dutyId === 'breachAgencyNotice2007')?.status).toBe('overdue');
    expect(rows.find((d) => d.dutyId === 'optOutFailureNotice')?.status).toBe('overdue');
  });

  it('uses the due-soon window from Settings', () => {
    const records = [optOutFailure({ learnedOn: '2026-03-05' })]; // due 2026-03-12
    const soon = deadlinesFor(clients, records, today, { dueSoonDays: 2 }).find((d) => d.dutyId === 'optOutFailureNotice');
    expect(soon?.status).toBe('due-soon');
    const later = deadlinesFor(clients, records, '2026-03-09', { dueSoonDays: 2 }).find((d) => d.dutyId === 'optOutFailureNotice');
    expect(later?.status).toBe('upcoming');
    const defaultWindow = deadlinesFor(clients, records, '2026-02-26').find((d) => d.dutyId === 'optOutFailureNotice');
    expect(defaultWindow?.status).toBe('due-soon');
  });

  it('lists each active client’s certification for the current season until it is filed', () => {
    const rows = deadlinesFor(clients, [], '2026-11-25', settings).filter((d) => d.dutyId === 'annualCertification');
    expect(rows.map((d) => d.clientId).sort()).toEqual(['c1', 'c2']);
    for (const d of rows) {
      expect(d.due).toBe('2027-03-01');
      expect(d.status).toBe('upcoming');
      expect(d.title).toContain('for 2027, covering 2026');
      expect(d.citation).toBe('47 C.F.R. § 64.2009(e)');
    }
    const filed: CertificationProgress[] = [{ clientId: 'c1', certificationYear: 2027, status: 'filed', filedOn: '2027-02-10' }];
    const after = deadlinesFor(clients, [], '2027-02-20', settings, filed).filter((d) => d.dutyId === 'annualCertification');
    // The filed one stays on the list as done (the dashboard hides done rows until asked).
    expect(after.map((d) => [d.clientId, d.status])).toEqual([
      ['c1', 'done'],
      ['c2', 'due-soon'],
    ]);
    expect(after[0]!.note).toBe('Filed on Wednesday, February 10, 2027.');
    // Once the season has moved on, last season's filed certification is no longer listed.
    const next = deadlinesFor(clients, [], '2027-03-05', settings, [{ ...filed[0]!, filedOn: '2027-03-03' }]).filter((d) => d.clientId === 'c1' && d.dutyId === 'annualCertification');
    expect(next.map((d) => [d.due, d.status])).toEqual([['2028-03-01', 'upcoming']]);
  });

  it('keeps the season through the due date, then moves to the next year', () => {
    const due = (today: string) => deadlinesFor([{ id: 'c1', archived: false }], [], today).find((d) => d.dutyId === 'annualCertification');
    expect(due('2027-03-01')).toMatchObject({ due: '2027-03-01', status: 'due-soon' });
    expect(due('2027-03-02')).toMatchObject({ due: '2028-03-01', status: 'upcoming' });
  });

  it('explains a certification due date moved off a weekend', () => {
    const row = deadlinesFor([{ id: 'c1', archived: false }], [], '2026-02-10').find((d) => d.dutyId === 'annualCertification');
    expect(row?.due).toBe('2026-03-02');
    expect(row?.note).toContain('§ 1.4(j)');
  });

  it('keeps last season’s certification, overdue, while one started in the app is not filed', () => {
    const progress: CertificationProgress[] = [{ clientId: 'c1', certificationYear: 2026, status: 'signed', signatureDate: '2026-02-27' }];
    const rows = deadlinesFor(clients, [], '2026-03-05', settings, progress).filter((d) => d.dutyId === 'annualCertification' && d.clientId === 'c1');
    expect(rows.map((d) => [d.due, d.status])).toEqual([
      ['2026-03-02', 'overdue'],
      ['2027-03-01', 'upcoming'],
    ]);
    expect(rows[0]?.note).toContain('In progress: Signed on February 27, 2026.');
  });

  it('gives archived clients and deleted records no deadlines', () => {
    const records = [
      optOutFailure({ learnedOn: '2026-03-05' }, { clientId: 'gone' }),
      optOutFailure({ learnedOn: '2026-03-05' }, { deletedAt: '2026-03-06T10:00:00.000Z' }),
      breach({ determinedOn: '2026-03-05' }, { deletedAt: '2026-03-06T10:00:00.000Z' }),
    ];
    const rows = deadlinesFor(clients, records, today, settings);
    expect(rows.filter((d) => d.clientId === 'gone')).toEqual([]);
    expect(rows.filter((d) => d.dutyId !== 'annualCertification')).toEqual([]);
  });

  it('asks for a new opt-out notice only after the latest one', () => {
    const records = [notice('2024-01-10'), notice('2025-06-01'), notice('2023-03-01', { clientId: 'c2' })];
    const rows = deadlinesFor(clients, records, today, settings).filter((d) => d.dutyId === 'optOutNoticeRefresh');
    expect(rows.map((d) => [d.clientId, d.due, d.status])).toEqual([
      ['c2', '2025-03-01', 'overdue'],
      ['c1', '2026-01-10', 'done'],
      ['c1', '2027-06-01', 'upcoming'],
    ]);
  });

  it('turns a 2007-rule breach into the agency notice and the customer "not before" date', () => {
    const open = breach({ determinedOn: '2026-03-05' });
    const notified = breach({ determinedOn: '2026-02-20', agenciesNotifiedOn: '2026-02-24' });
    const rows = deadlinesFor(clients, [open, notified], today, settings).filter((d) => d.dutyId.startsWith('breach'));
    expect(rows.map((d) => [d.recordId, d.dutyId, d.due, d.status, d.ruleVersion])).toEqual([
      [notified.id, 'breachAgencyNotice2007', '2026-03-03', 'done', '2007'],
      [notified.id, 'breachCustomerWait2007', '2026-03-06', 'open', '2007'],
      [open.id, 'breachAgencyNotice2007', '2026-03-16', 'due-soon', '2007'],
    ]);
    expect(rows[1]?.note).toContain('not before');
    const told = breach({ determinedOn: '2026-02-20', agenciesNotifiedOn: '2026-02-24', customersNotifiedOn: '2026-03-09' });
    const toldRows = deadlinesFor(clients, [told], today, settings).filter((d) => d.dutyId === 'breachCustomerWait2007');
    expect(toldRows[0]?.status).toBe('done');
  });

  it('follows the 2023 rule once Settings holds its effective date', () => {
    const s = { ...settings, breachRule2023EffectiveDate: '2026-01-01' };
    const big = breach({ determinedOn: '2026-03-02', customersAffected: 900, harmLikely: 'yes' });
    const small = breach({ determinedOn: '2026-03-02', customersAffected: 12, harmLikely: 'no' });
    const rows = deadlinesFor(clients, [big, small], today, s).filter((d) => d.dutyId.startsWith('breach'));
    expect(rows.map((d) => [d.recordId === big.id ? 'big' : 'small', d.dutyId, d.due, d.status, d.ruleVersion])).toEqual([
      ['big', 'breachAgencyNotice2023', '2026-03-11', 'due-soon', '2023'],
      ['big', 'breachCustomerNotice2023', '2026-04-01', 'upcoming', '2023'],
      ['small', 'breachAnnualSummary2023', '2027-02-01', 'upcoming', '2023'],
    ]);
    expect(rows[2]?.note).toMatch(/unverified/i);
  });

  it('gives every open deadline of 150,000 records across 300 clients (its speed is measured by npm run bench)', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ id: `k${i}`, archived: i % 50 === 0 }));
    const templates = {
      campaign: rec('campaign', { name: 'n', description: 'd', startedOn: '2025-01-01', cpniUsed: 'u', productsOffered: 'p', approvalBasis: 'optOut' }),
      breach: breach({ determinedOn: '2025-01-01' }),
      optOutFailure: optOutFailure({ learnedOn: '2025-01-01' }),
      notice: notice('2025-01-01'),
      training: rec('training', { heldOn: '2025-01-01', topic: 't' }),
    };
    const kinds = Object.keys(templates) as (keyof typeof templates)[];
    const dateField = { campaign: 'startedOn', breach: 'determinedOn', optOutFailure: 'learnedOn', notice: 'sentOn', training: 'heldOn' } as const;
    const records: ComplianceRecord[] = [];
    for (let i = 0; i < 150_000; i++) {
      const kind = kinds[i % kinds.length]!;
      const date = addDays('2020-01-01', (i * 7) % 2500);
      records.push({ ...templates[kind], id: `x${i}`, clientId: `k${i % 300}`, [dateField[kind]]: date } as ComplianceRecord);
    }
    const rows = deadlinesFor(many, records, '2026-03-10', { dueSoonDays: 14, closures: [{ date: '2025-01-06', note: 'Snow' }] });
    expect(rows.length).toBeGreaterThan(80_000);
  });
});
