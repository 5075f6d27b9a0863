/**
 * Calendar dates as 'YYYY-MM-DD' strings. A deadline is a day on the calendar, not an instant,
 * so nothing here builds a Date at local midnight: arithmetic runs on whole days since the
 * epoch, computed in UTC where no time zone can shift the day.
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: IsoDate): [number, number, number] {
  const m = ISO.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function makeDate(year: number, month: number, day: number): IsoDate {
  return fromDayNumber(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Whole days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const yyyy = y >= 0 && y < 10000 ? String(y).padStart(4, '0') : String(y);
  return `${yyyy}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Same day n months later, clamped to the month's end (Feb 29 + 12 months = Feb 28). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return makeDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addYears(date: IsoDate, n: number): IsoDate {
  return addMonths(date, 12 * n);
}

/** b − a in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: IsoDate): number {
  return parts(date)[0];
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(...dates: (IsoDate | undefined | null)[]): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const d of dates) if (d && (!best || d > best)) best = d;
  return best;
}

/** The calendar date on the user's wall clock, in the device's time zone. */
export function todayLocal(now: Date = new Date()): IsoDate {
  return makeDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "March 2, 2026" — the form dates take in letters and filings. */
export function formatLong(date: IsoDate): string {
  const [y, m, d] = parts(date);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

/** "Monday, March 2, 2026". */
export function formatWithWeekday(date: IsoDate): string {
  return `${WEEKDAYS[dayOfWeek(date)]}, ${formatLong(date)}`;
}

export function weekdayName(date: IsoDate): string {
  return WEEKDAYS[dayOfWeek(date)]!;
}
