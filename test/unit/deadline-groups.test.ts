// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { groupIdentical, groupTitle } from '../../src/features/dashboard/deadline-groups';
import type { Deadline } from '../../src/domain/deadlines';

const d = (clientId: string, over: Partial<Deadline> = {}): Deadline => ({
  clientId, dutyId: 'annualCertification', citation: '47 C.F.R. § 64.2009(e)', due: '2027-03-01', status: 'upcoming', ruleVersion: '2007', title: 'Annual CPNI certification', ...over,
});

describe('grouping identical deadlines', () => {
  it('puts three or more clients’ identical deadlines in one row where the first was, and leaves the rest alone', () => {
    const breach = d('a', { dutyId: 'breachAgencyNotice2007', recordId: 'r1', due: '2026-12-07', status: 'overdue', title: 'Breach notice to the USSS and FBI' });
    const rows = groupIdentical([breach, d('a'), d('b'), d('c', { status: 'overdue' }), d('d')]);
    expect(rows.map((r) => (r.kind === 'one' ? r.deadline.clientId : r.deadlines.map((x) => x.clientId).join('+')))).toEqual(['a', 'a+b+d', 'c']);
  });

  it('keeps two identical deadlines as two rows', () => {
    expect(groupIdentical([d('a'), d('b')]).every((r) => r.kind === 'one')).toBe(true);
  });

  it('titles a group by what is due and when', () => {
    expect(groupTitle([d('a'), d('b'), d('c')], 'Monday, March 1, 2027')).toBe('3 annual certifications due Monday, March 1, 2027');
    const notices = ['a', 'b', 'c'].map((c) => d(c, { dutyId: 'optOutNoticeRefresh', title: 'Opt-out notice refresh' }));
    expect(groupTitle(notices, 'Monday, March 1, 2027')).toBe('3 deadlines due Monday, March 1, 2027: Opt-out notice refresh');
  });
});
