// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DUTIES, duty, interpretationNote, type Duty, type DutyId } from '../../src/domain/duties';
import { FCC_CLOSURES, closureLabel } from '../../src/domain/fcc-closures';

const ALL: Duty[] = Object.values(DUTIES);
// Sections that exist in Subpart U (§§ 64.2001–64.2011).
const SECTIONS = ['64.2001', '64.2003', '64.2005', '64.2007', '64.2008', '64.2009', '64.2010', '64.2011'];

describe('the duty table', () => {
  it('keys every row by its own id', () => {
    for (const [key, d] of Object.entries(DUTIES)) expect(d.id).toBe(key);
    expect(duty('optOutFailureNotice')).toBe(DUTIES.optOutFailureNotice);
  });

  it('cites only sections that exist', () => {
    for (const d of ALL) {
      for (const [, section] of d.citation.matchAll(/§ (64\.\d{4})/g)) expect(SECTIONS).toContain(section);
    }
  });

  it('cites § 64.2009(e) for the certification, not § 64.2010(e)', () => {
    expect(DUTIES.annualCertification.citation).toBe('47 C.F.R. § 64.2009(e)');
  });

  it('states the clocks the rules set', () => {
    const clock = (id: DutyId) => [DUTIES[id].length, DUTIES[id].unit];
    expect(clock('breachAgencyNotice2007')).toEqual([7, 'businessDays']);
    expect(clock('breachCustomerWait2007')).toEqual([7, 'businessDays']);
    expect(clock('breachAgencyNotice2023')).toEqual([7, 'businessDays']);
    expect(clock('breachCustomerNotice2023')).toEqual([30, 'calendarDays']);
    expect(clock('optOutFailureNotice')).toEqual([5, 'businessDays']);
    expect(clock('optOutWait')).toEqual([30, 'calendarDays']);
    expect(clock('optOutNoticeRefresh')).toEqual([2, 'years']);
    expect(clock('addressOfRecord')).toEqual([30, 'calendarDays']);
    expect(DUTIES.annualCertification.annualDate).toEqual({ month: 3, day: 1 });
  });

  it('rolls forward only filings with the FCC (§ 1.4(j))', () => {
    expect(ALL.filter((d) => d.rollsForward).map((d) => d.id).sort()).toEqual(['annualCertification', 'breachAnnualSummary2023']);
  });

  it('keeps the 2023 breach rule behind the Settings date and ends the 2007 rule there', () => {
    for (const d of ALL.filter((x) => x.ruleVersion === '2023')) {
      expect(d.effectiveFrom).toBeNull();
      expect(d.effectiveFromSetting).toBe('breachRule2023EffectiveDate');
    }
    for (const id of ['breachAgencyNotice2007', 'breachCustomerWait2007', 'breachLawEnforcementDelay2007', 'retainBreach2007'] as const) {
      expect(DUTIES[id].effectiveUntilSetting).toBe('breachRule2023EffectiveDate');
    }
  });

  it('labels practice as practice and every unverified row with a note for the user', () => {
    for (const d of ALL) {
      if (d.basis === 'practice') {
        expect(d.ruleVersion).toBe('practice');
        expect(d.interpretation).toMatch(/practice, not a rule/i);
      }
      if (d.confidence === 'R') expect(d.interpretation).toMatch(/unverified/i);
    }
  });

  it('prefixes interpretations so the UI can show them as such', () => {
    expect(interpretationNote('optOutWait')).toMatch(/^Interpretation: /);
    expect(interpretationNote('annualCertification')).toBeUndefined();
  });
});

describe('shipped closure labels', () => {
  it('labels closures known only from memory as unverified', () => {
    const fromMemory = FCC_CLOSURES.filter((c) => c.confidence === 'R');
    expect(fromMemory.length).toBeGreaterThan(0);
    for (const c of fromMemory) expect(closureLabel(c)).toMatch(/unverified/i);
    const executiveOrder = FCC_CLOSURES.find((c) => c.date === '2024-12-24');
    expect(executiveOrder?.source).toContain('14129');
  });
});
