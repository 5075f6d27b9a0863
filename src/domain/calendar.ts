/**
 * Federal holidays and business days, for counting the CPNI clocks.
 *
 * Two calendars:
 * - 'statutory': Saturdays, Sundays and the legal public holidays of 5 U.S.C. 6103(a) on the
 *   days they are observed.
 * - 'fcc' (the default): the holidays of 47 C.F.R. § 1.4(e)(1): the statutory ones, plus
 *   Inauguration Day (a holiday in the Washington, DC area, where the FCC sits, 5 U.S.C.
 *   6103(c)), plus days the FCC's headquarters was closed: the list shipped in fcc-closures.ts
 *   and the caller's `closures` (the user's own list from Settings).
 *
 * Holidays are computed here rather than taken from @18f/us-federal-holidays. Its dates agree
 * with OPM's tables (test/domain/calendar.test.ts checks both), but version 4 builds every
 * date as a local-midnight Date (it has no UTC option), which this app never does for a
 * calendar date; it files a New Year's Day observed on Dec 31 under the following year,
 * where we need holidays by the year they are observed in; and the rule is a few lines.
 *
 * Internally days are whole numbers since 1970-01-01, so no time zone can move them.
 */
import { fromDayNumber, makeDate, toDayNumber, type IsoDate } from './dates';
import { FCC_CLOSURES } from './fcc-closures';

export type CalendarKind = 'fcc' | 'statutory';

export interface CalendarOptions {
  calendar?: CalendarKind;
  /** Extra days the FCC's headquarters was closed ('YYYY-MM-DD'); used by the 'fcc' calendar. */
  closures?: string[];
}

export interface Holiday {
  date: IsoDate;
  name: string;
}

export interface FccHoliday extends Holiday {
  kind: 'statutory' | 'inauguration' | 'closure' | 'userClosure';
  /** For shipped closures: where the date comes from, and how sure we are of it. */
  source?: string;
  confidence?: 'V' | 'S' | 'R';
}

const MS_PER_DAY = 86_400_000;

function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7; // 0 = Sunday
}

function yearOfDay(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

function nthWeekday(year: number, month: number, dow: number, n: number): number {
  const first = toDayNumber(makeDate(year, month, 1));
  return first + ((dow - weekday(first) + 7) % 7) + 7 * (n - 1);
}

function lastWeekday(year: number, month: number, dow: number): number {
  const last = toDayNumber(makeDate(year, month + 1, 1)) - 1;
  return last - ((weekday(last) - dow + 7) % 7);
}

/** 5 U.S.C. 6103(b): Saturday → the Friday before; Executive Order 11582 § 3(a): Sunday → the Monday after. */
function observed(dayNumber: number): number {
  const dow = weekday(dayNumber);
  return dow === 6 ? dayNumber - 1 : dow === 0 ? dayNumber + 1 : dayNumber;
}

/** The legal public holidays whose statutory date falls in `year`, with their observed day. */
function statutoryHolidaysOf(year: number): { day: number; name: string }[] {
  const fixed = (month: number, day: number) => observed(toDayNumber(makeDate(year, month, day)));
  const list: { day: number; name: string }[] = [{ day: fixed(1, 1), name: "New Year's Day" }];
  // First observed in 1986 (Pub. L. 98-144).
  if (year >= 1986) list.push({ day: nthWeekday(year, 1, 1, 3), name: 'Birthday of Martin Luther King, Jr.' });
  list.push(
    { day: nthWeekday(year, 2, 1, 3), name: "Washington's Birthday" },
    { day: lastWeekday(year, 5, 1), name: 'Memorial Day' },
  );
  // Pub. L. 117-17, signed June 17, 2021; first observed Friday, June 18, 2021.
  if (year >= 2021) list.push({ day: fixed(6, 19), name: 'Juneteenth National Independence Day' });
  list.push(
    { day: fixed(7, 4), name: 'Independence Day' },
    { day: nthWeekday(year, 9, 1, 1), name: 'Labor Day' },
    { day: nthWeekday(year, 10, 1, 2), name: 'Columbus Day' },
    { day: fixed(11, 11), name: 'Veterans Day' },
    { day: nthWeekday(year, 11, 4, 4), name: 'Thanksgiving Day' },
    { day: fixed(12, 25), name: 'Christmas Day' },
  );
  return list;
}

interface YearTables {
  statutory: readonly Holiday[];
  statutoryDays: ReadonlySet<number>;
  fcc: readonly FccHoliday[]; // without caller closures
  fccDays: ReadonlySet<number>;
}

const yearCache = new Map<number, YearTables>();

function inaugurationDay(year: number): number | undefined {
  // 5 U.S.C. 6103(c): January 20 of each fourth year after 1965; January 21 when the 20th is a
  // Sunday; no substitute day when it is a Saturday.
  if (year < 1969 || (year - 1969) % 4 !== 0) return undefined;
  const jan20 = toDayNumber(makeDate(year, 1, 20));
  const dow = weekday(jan20);
  if (dow === 6) return undefined;
  return dow === 0 ? jan20 + 1 : jan20;
}

function tablesFor(year: number): YearTables {
  const cached = yearCache.get(year);
  if (cached) return cached;

  const statutory = [...statutoryHolidaysOf(year), ...statutoryHolidaysOf(year + 1)]
    .filter((h) => yearOfDay(h.day) === year)
    .sort((a, b) => a.day - b.day)
    .map((h) => ({ date: fromDayNumber(h.day), name: h.name }));

  const fcc: FccHoliday[] = statutory.map((h) => ({ ...h, kind: 'statutory' }));
  const inauguration = inaugurationDay(year);
  if (inauguration !== undefined) fcc.push({ date: fromDayNumber(inauguration), name: 'Inauguration Day', kind: 'inauguration' });
  for (const c of FCC_CLOSURES) {
    if (c.date.startsWith(`${year}-`)) {
      fcc.push({ date: c.date, name: `FCC closed: ${c.note}`, kind: 'closure', source: c.source, confidence: c.confidence });
    }
  }
  fcc.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const tables: YearTables = {
    statutory,
    statutoryDays: new Set(statutory.map((h) => toDayNumber(h.date))),
    fcc,
    fccDays: new Set(fcc.map((h) => toDayNumber(h.date))),
  };
  yearCache.set(year, tables);
  return tables;
}

/**
 * The legal public holidays of 5 U.S.C. 6103(a) whose observed date falls in `year`, sorted.
 * A New Year's Day on a Saturday is observed on December 31 and appears in the previous year.
 */
export function federalHolidays(year: number): Holiday[] {
  return tablesFor(year).statutory.map((h) => ({ ...h }));
}

/**
 * Every § 1.4(e)(1) holiday other than weekends in `year`: the statutory holidays, Inauguration
 * Day, the shipped FCC closures and the caller's closures. Sorted by date; a day can appear
 * twice (Inauguration Day 2025 was also Martin Luther King Jr.'s Birthday).
 */
export function fccHolidays(year: number, opts?: Pick<CalendarOptions, 'closures'>): FccHoliday[] {
  const list = tablesFor(year).fcc.map((h) => ({ ...h }));
  for (const date of opts?.closures ?? []) {
    if (date.startsWith(`${year}-`)) list.push({ date, name: 'FCC closed (from your Settings)', kind: 'userClosure' });
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// The same Settings array is passed for thousands of deadlines: build its set once.
const closureSets = new WeakMap<readonly string[], ReadonlySet<number>>();

function closureDays(closures: readonly string[] | undefined): ReadonlySet<number> | undefined {
  if (!closures || closures.length === 0) return undefined;
  let set = closureSets.get(closures);
  if (!set) {
    set = new Set(closures.map(toDayNumber));
    closureSets.set(closures, set);
  }
  return set;
}

interface Resolved {
  fcc: boolean;
  closures: ReadonlySet<number> | undefined;
}

function resolve(opts: CalendarOptions | undefined): Resolved {
  const fcc = (opts?.calendar ?? 'fcc') === 'fcc';
  return { fcc, closures: fcc ? closureDays(opts?.closures) : undefined };
}

function isBusinessDayNumber(day: number, r: Resolved): boolean {
  const dow = weekday(day);
  if (dow === 0 || dow === 6) return false;
  const t = tablesFor(yearOfDay(day));
  if ((r.fcc ? t.fccDays : t.statutoryDays).has(day)) return false;
  return !r.closures?.has(day);
}

/** § 1.4(e)(2): a day that is not a Saturday, a Sunday or a holiday of the chosen calendar. */
export function isBusinessDay(date: IsoDate, opts?: CalendarOptions): boolean {
  return isBusinessDayNumber(toDayNumber(date), resolve(opts));
}

/**
 * The n-th business day strictly after `date` (§ 1.4(c): the day of the event is not counted).
 * A negative n counts back: -1 is the last business day before `date`. n = 0 returns `date`.
 */
export function addBusinessDays(date: IsoDate, n: number, opts?: CalendarOptions): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Business days must be a whole number, not ${n}.`);
  const r = resolve(opts);
  let day = toDayNumber(date);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isBusinessDayNumber(day, r)) left--;
  }
  return fromDayNumber(day);
}

/** § 1.4(j): `date` if it is a business day, otherwise the next business day. */
export function rollForward(date: IsoDate, opts?: CalendarOptions): IsoDate {
  const r = resolve(opts);
  let day = toDayNumber(date);
  while (!isBusinessDayNumber(day, r)) day++;
  return fromDayNumber(day);
}
