// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DUTIES } from '../../src/domain/duties';
import { annualDutyDate, dutyPeriodEnd, dutyPeriodOver, optOutApprovalFrom } from '../../src/domain/duty-dates';

describe('dates come from the duty table’s columns', () => {
  it('counts business days on the duty’s calendar, with the user’s closure days (§ 1.4(e)(1))', () => {
    // Determined Friday 2026-01-30: seven FCC business days end Tuesday 2026-02-10.
    expect(DUTIES.breachAgencyNotice2007).toMatchObject({ length: 7, unit: 'businessDays', calendar: 'fcc' });
    expect(dutyPeriodEnd('breachAgencyNotice2007', '2026-01-30')).toBe('2026-02-10');
    expect(dutyPeriodEnd('breachAgencyNotice2007', '2026-01-30', { closures: ['2026-02-09'] })).toBe('2026-02-11');
  });

  it('counts calendar days from the day after the trigger, or from the offset day for mail (§ 64.2008(d)(1))', () => {
    expect(dutyPeriodEnd('breachCustomerNotice2023', '2026-07-01')).toBe('2026-07-31');
    expect(optOutApprovalFrom({ method: 'electronic', sentOn: '2026-01-05' })).toBe('2026-02-05');
    expect(optOutApprovalFrom({ method: 'mail', sentOn: '2026-01-05' })).toBe('2026-02-07');
    expect(dutyPeriodOver('addressOfRecord', '2026-01-05')).toBe('2026-02-05');
  });

  it('ends a period of years on the anniversary, and rolls annual filings forward only where the table says so (§ 1.4(j))', () => {
    expect(dutyPeriodEnd('optOutNoticeRefresh', '2024-02-29')).toBe('2026-02-28');
    expect(dutyPeriodOver('retainBreach2007', '2026-03-04')).toBe('2028-03-05');
    // March 1, 2026 is a Sunday.
    expect(DUTIES.annualCertification.rollsForward).toBe(true);
    expect(annualDutyDate('annualCertification', 2026)).toBe('2026-03-02');
    expect(annualDutyDate('annualCertification', 2027)).toBe('2027-03-01');
  });
});
