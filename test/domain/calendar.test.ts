// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import holidayLib from '@18f/us-federal-holidays';
import { addBusinessDays, fccHolidays, federalHolidays, isBusinessDay, rollForward, type CalendarOptions } from '../../src/domain/calendar';
import { addDays, dayOfWeek, fromDayNumber, toDayNumber, yearOf } from '../../src/domain/dates';
import { FCC_CLOSURES } from '../../src/domain/fcc-closures';
import { OPM_TABLES } from '../fixtures/opm-holidays';

const YEARS = Array.from({ length: 2030 - 2012 + 1 }, (_, i) => 2012 + i);

/** OPM's rows regrouped by the year the observed day falls in (OPM files a Dec 31 New Year's under the next tab). */
function opmByObservedYear(): Map<number, { date: string; name: string }[]> {
  const out = new Map<number, { date: string; name: string }[]>();
  for (const { rows } of Object.values(OPM_TABLES)) {
    for (const row of rows) {
      if (row.name === 'Inauguration Day') continue;
      const y = yearOf(row.date);
      out.set(y, [...(out.get(y) ?? []), { date: row.date, name: row.name }]);
    }
  }
  for (const list of out.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

describe('federalHolidays against OPM', () => {
  const opm = opmByObservedYear();

  it('has an OPM table for every year 2012–2030', () => {
    expect(Object.keys(OPM_TABLES).map(Number)).toEqual(YEARS);
  });

  it.each(YEARS)('%i matches OPM’s observed dates and names', (year) => {
    expect(federalHolidays(year)).toEqual(opm.get(year));
  });

  it('moves every fixed holiday that fell on a weekend in 2012–2030 exactly as OPM did', () => {
    const fromOpm = Object.values(OPM_TABLES)
      .flatMap((t) => t.rows)
      .filter((r) => r.inLieuOf)
      .map((r) => `${r.inLieuOf} → ${r.date}`);
    // Read off OPM's footnotes ("falls on a Saturday/Sunday ... will be treated as a holiday").
    expect(fromOpm).toEqual([
      '2012-01-01 → 2012-01-02', '2012-11-11 → 2012-11-12',
      '2015-07-04 → 2015-07-03',
      '2016-12-25 → 2016-12-26',
      '2017-01-01 → 2017-01-02', '2017-11-11 → 2017-11-10',
      '2018-11-11 → 2018-11-12',
      '2020-07-04 → 2020-07-03',
      '2021-06-19 → 2021-06-18', '2021-07-04 → 2021-07-05', '2021-12-25 → 2021-12-24',
      '2022-01-01 → 2021-12-31', '2022-06-19 → 2022-06-20', '2022-12-25 → 2022-12-26',
      '2023-01-01 → 2023-01-02', '2023-11-11 → 2023-11-10',
      '2026-07-04 → 2026-07-03',
      '2027-06-19 → 2027-06-18', '2027-07-04 → 2027-07-05', '2027-12-25 → 2027-12-24',
      '2028-01-01 → 2027-12-31', '2028-11-11 → 2028-11-10',
      '2029-11-11 → 2029-11-12',
    ]);
    // And the list is complete: every fixed-date holiday on a weekend in the range is in it.
    const fixed = ['01-01', '07-04', '11-11', '12-25'];
    const weekendLegalDays = YEARS.flatMap((y) => [...fixed, ...(y >= 2021 ? ['06-19'] : [])].map((md) => `${y}-${md}`)).filter(
      (d) => dayOfWeek(d) === 0 || dayOfWeek(d) === 6,
    );
    expect(fromOpm.map((s) => s.slice(0, 10)).sort()).toEqual(weekendLegalDays.sort());
    for (const pair of fromOpm) {
      const observed = pair.slice(-10);
      expect(federalHolidays(yearOf(observed)).map((h) => h.date)).toContain(observed);
      expect(isBusinessDay(observed, { calendar: 'statutory' })).toBe(false);
    }
  });

  it('starts Juneteenth in 2021, observed Friday June 18 that first year', () => {
    const juneteenth = (y: number) => federalHolidays(y).find((h) => h.name === 'Juneteenth National Independence Day')?.date;
    expect(juneteenth(2020)).toBeUndefined();
    expect(juneteenth(2021)).toBe('2021-06-18');
    expect(juneteenth(2022)).toBe('2022-06-20');
    expect(juneteenth(2023)).toBe('2023-06-19');
    expect(isBusinessDay('2020-06-19', { calendar: 'statutory' })).toBe(true);
  });

  it('lists a Saturday New Year’s Day under the previous year, on December 31', () => {
    expect(federalHolidays(2021).at(-1)).toEqual({ date: '2021-12-31', name: "New Year's Day" });
    expect(federalHolidays(2022).some((h) => h.name === "New Year's Day")).toBe(false);
    expect(federalHolidays(2027).slice(-2).map((h) => h.date)).toEqual(['2027-12-24', '2027-12-31']);
    expect(federalHolidays(2028)[0]).toEqual({ date: '2028-01-17', name: 'Birthday of Martin Luther King, Jr.' });
  });

  it('agrees with @18f/us-federal-holidays on every observed date from 1986 to 2100', () => {
    // The library lists a Dec 31 New Year's Day under the following year; compare by date.
    const inRange = (d: string) => d >= '1986-01-01' && d <= '2100-12-30';
    const ours = new Set<string>();
    const theirs = new Set<string>();
    for (let y = 1985; y <= 2101; y++) {
      for (const h of federalHolidays(y)) if (inRange(h.date)) ours.add(h.date);
      for (const h of holidayLib.allForYear(y)) if (inRange(h.dateString)) theirs.add(h.dateString);
    }
    // The library has no start year for Martin Luther King Jr.'s Birthday; neither list has one before 1986 here.
    expect([...ours].sort()).toEqual([...theirs].sort());
    expect(ours.size).toBeGreaterThan(1200);
  });
});

describe('the FCC calendar', () => {
  it('adds Inauguration Day in the years OPM lists it, and none when January 20 is a Saturday', () => {
    const inaugurations = Object.values(OPM_TABLES)
      .flatMap((t) => t.rows)
      .filter((r) => r.name === 'Inauguration Day')
      .map((r) => r.date);
    expect(inaugurations).toEqual(['2013-01-21', '2017-01-20', '2021-01-20', '2025-01-20']);
    for (const d of inaugurations) {
      expect(fccHolidays(yearOf(d)).filter((h) => h.kind === 'inauguration').map((h) => h.date)).toEqual([d]);
    }
    expect(fccHolidays(2029).some((h) => h.kind === 'inauguration')).toBe(false);
    expect(fccHolidays(2041).find((h) => h.kind === 'inauguration')?.date).toBe('2041-01-21'); // Jan 20 is a Sunday
    expect(fccHolidays(2024).some((h) => h.kind === 'inauguration')).toBe(false);
  });

  it('treats Inauguration Day as a business day on the statutory calendar only', () => {
    expect(isBusinessDay('2021-01-20')).toBe(false);
    expect(isBusinessDay('2021-01-20', { calendar: 'fcc' })).toBe(false);
    expect(isBusinessDay('2021-01-20', { calendar: 'statutory' })).toBe(true);
  });

  it('includes the shipped closures, each with a source, and the caller’s closures', () => {
    const y2025 = fccHolidays(2025, { closures: ['2025-01-06'] });
    expect(y2025.filter((h) => h.kind === 'closure').map((h) => h.date)).toEqual(['2025-01-09', '2025-12-24', '2025-12-26']);
    expect(y2025.filter((h) => h.kind === 'userClosure').map((h) => h.date)).toEqual(['2025-01-06']);
    for (const h of y2025.filter((x) => x.kind === 'closure')) {
      expect(h.source).toBeTruthy();
      expect(h.confidence).toMatch(/^[VSR]$/);
    }
    expect(isBusinessDay('2025-01-09')).toBe(false);
    expect(isBusinessDay('2025-01-09', { calendar: 'statutory' })).toBe(true);
    expect(isBusinessDay('2025-01-06')).toBe(true);
    expect(isBusinessDay('2025-01-06', { closures: ['2025-01-06'] })).toBe(false);
  });

  it('ignores the caller’s FCC closures on the statutory calendar', () => {
    expect(isBusinessDay('2014-03-03', { calendar: 'statutory', closures: ['2014-03-03'] })).toBe(true);
  });
});

describe('business-day clocks (§ 1.4(c), (j))', () => {
  const cases: [string, string, number, CalendarOptions | undefined, string][] = [
    ['Thanksgiving (Thursday)', '2025-11-26', 1, undefined, '2025-11-28'],
    ['five days across Thanksgiving: the § 64.2009(f) letter', '2025-11-24', 5, undefined, '2025-12-02'],
    ['Christmas observed Friday Dec 24, 2021', '2021-12-23', 1, undefined, '2021-12-27'],
    ['New Year’s Day observed Friday Dec 31, 2021', '2021-12-30', 1, undefined, '2022-01-03'],
    ['Christmas observed Monday Dec 26, 2022', '2022-12-23', 1, undefined, '2022-12-27'],
    ['New Year’s Day observed Monday Jan 2, 2023', '2022-12-30', 1, undefined, '2023-01-03'],
    ['seven days over Christmas and New Year 2022', '2022-12-21', 7, undefined, '2023-01-03'],
    ['July 4 on a Saturday (observed Friday July 3, 2020)', '2020-07-02', 1, undefined, '2020-07-06'],
    ['July 4 on a Sunday (observed Monday July 5, 2021)', '2021-07-02', 1, undefined, '2021-07-06'],
    ['July 4, 2026 on a Saturday', '2026-07-01', 2, undefined, '2026-07-06'],
    ['Veterans Day on a Saturday (observed Friday Nov 10, 2023)', '2023-11-09', 1, undefined, '2023-11-13'],
    ['MLK Day and Inauguration Day, 2021 (FCC)', '2021-01-15', 3, { calendar: 'fcc' }, '2021-01-22'],
    ['MLK Day and Inauguration Day, 2021 (statutory)', '2021-01-15', 3, { calendar: 'statutory' }, '2021-01-21'],
    ['Inauguration Day on a Friday, 2017', '2017-01-19', 1, undefined, '2017-01-23'],
    ['Inauguration Day moved to Monday Jan 21, 2013', '2013-01-18', 1, undefined, '2013-01-22'],
    ['Christmas Eve 2024 closure (EO 14129)', '2024-12-20', 2, undefined, '2024-12-26'],
    ['Christmas Eve 2024 on the statutory calendar', '2024-12-20', 2, { calendar: 'statutory' }, '2024-12-24'],
    ['Dec 24 and 26, 2025 closures', '2025-12-23', 1, undefined, '2025-12-29'],
    ['Carter day of mourning, Jan 9, 2025', '2025-01-08', 1, undefined, '2025-01-10'],
    ['a closure passed by the caller', '2014-02-28', 1, { closures: ['2014-03-03'] }, '2014-03-04'],
    ['two caller closures next to the shipped Jan 9, 2025 closure', '2025-01-03', 2, { closures: ['2025-01-06', '2025-01-07'] }, '2025-01-10'],
    ['counting back to the last business day before a Sunday March 1', '2026-03-01', -1, undefined, '2026-02-27'],
    ['zero days is the same day', '2026-03-01', 0, undefined, '2026-03-01'],
  ];
  it.each(cases)('%s', (_label, from, n, opts, expected) => {
    expect(addBusinessDays(from, n, opts)).toBe(expected);
  });

  it('rolls a weekend or holiday forward to the next business day', () => {
    expect(rollForward('2026-03-01')).toBe('2026-03-02');
    expect(rollForward('2025-03-01')).toBe('2025-03-03');
    expect(rollForward('2025-03-03')).toBe('2025-03-03');
    expect(rollForward('2014-03-01', { closures: ['2014-03-03'] })).toBe('2014-03-04');
    expect(rollForward('2025-12-24')).toBe('2025-12-29');
    expect(rollForward('2025-12-24', { calendar: 'statutory' })).toBe('2025-12-24');
  });

  it('refuses a fractional number of business days', () => {
    expect(() => addBusinessDays('2026-01-05', 1.5)).toThrow(RangeError);
  });

  it('refuses a malformed date', () => {
    expect(() => isBusinessDay('2026-02-30')).toThrow(RangeError);
  });
});

describe('properties', () => {
  const day = fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2040-12-31') }).map(fromDayNumber);
  const closures = fc.uniqueArray(fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2041-12-31') }).map(fromDayNumber), { maxLength: 20 });
  const opts = fc.record({ calendar: fc.constantFrom<'fcc' | 'statutory'>('fcc', 'statutory'), closures });

  it('addBusinessDays lands on a business day after the start', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), opts, (d, n, o) => {
        const result = addBusinessDays(d, n, o);
        return isBusinessDay(result, o) && result > d;
      }),
    );
  });

  it('addBusinessDays strictly increases with n', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 20 }), opts, (d, n, extra, o) => {
        return addBusinessDays(d, n, o) < addBusinessDays(d, n + extra, o);
      }),
    );
  });

  it('counts exactly n business days', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), opts, (d, n, o) => {
        const end = addBusinessDays(d, n, o);
        let count = 0;
        for (let x = addDays(d, 1); x <= end; x = addDays(x, 1)) if (isBusinessDay(x, o)) count++;
        return count === n;
      }),
    );
  });

  it('rollForward is idempotent and never moves a business day', () => {
    fc.assert(
      fc.property(day, opts, (d, o) => {
        const once = rollForward(d, o);
        return rollForward(once, o) === once && isBusinessDay(once, o) && once >= d && (isBusinessDay(d, o) ? once === d : once > d);
      }),
    );
  });

  it('the FCC calendar is never earlier than the statutory one', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), (d, n) => addBusinessDays(d, n) >= addBusinessDays(d, n, { calendar: 'statutory' })),
    );
  });
});

describe('shipped closures', () => {
  it('are weekdays, unique, sorted, and each says where it comes from and how sure it is', () => {
    const dates = FCC_CLOSURES.map((c) => c.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const c of FCC_CLOSURES) {
      expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(c.date));
      expect(c.source.length).toBeGreaterThan(10);
      expect(['V', 'S', 'R']).toContain(c.confidence);
    }
    expect(FCC_CLOSURES.map((c) => c.date)).toEqual(expect.arrayContaining(['2019-12-24', '2020-12-24', '2024-12-24', '2025-01-09', '2025-12-24', '2025-12-26']));
  });

  it('do not include unconfirmed weather closures (the user adds those)', () => {
    expect(FCC_CLOSURES.map((c) => c.date)).not.toContain('2014-03-03');
  });
});
