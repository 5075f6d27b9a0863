import { addDays, formatLong, type IsoDate } from '../../domain/dates';
import type { Deadline } from '../../domain/deadlines';
import { SETTLED_STATUSES } from '../../domain/clock';

export interface CalendarEntry {
  deadline: Deadline;
  clientName: string;
}

export interface CalendarOptions {
  calendarName: string;
  /** 'each': one event per deadline; 'day': one event per day listing that day's deadlines. */
  grouping: 'each' | 'day';
  /** Reminders, in whole days before the due date. */
  reminderDays: readonly number[];
  /** Names the scope in per-day UIDs, so an all-clients calendar and one client's do not collide. */
  scope: string;
  /** The export instant; sets SEQUENCE so a re-import updates events already in the calendar. */
  now?: Date;
}

export const DEFAULT_REMINDER_DAYS = [30, 7, 1] as const;

/** "30, 7, 1" → [30, 7, 1]; an error in words for anything that is not whole days from 0 to 365. */
export function parseReminderDays(text: string): { days: number[] } | { error: string } {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  const days: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p) || Number(p) > 365) return { error: `“${p}” is not a number of days from 0 to 365. Separate days with commas, like 30, 7, 1.` };
    if (!days.includes(Number(p))) days.push(Number(p));
  }
  return { days: days.sort((a, b) => b - a) };
}

function dateArray(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

// UIDs name what a deadline is about, not its date: editing a record moves its event instead of
// adding a second one. A duty without a record recurs yearly, so its year is part of its name.
function uidOf(d: Deadline): string {
  const subject = d.recordId ? `record-${d.recordId}` : `year-${d.due.slice(0, 4)}`;
  return `${d.clientId}.${subject}.${d.dutyId}@cpni-desk.invalid`;
}

// Calendars replace an event with the same UID only when its SEQUENCE is higher; minutes since
// 2024 grow with every export and fit the 32-bit integer some calendars expect.
function sequenceAt(now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.UTC(2024, 0, 1)) / 60_000));
}

/** RFC 5545 § 3.3.11 text escaping, which the ics library leaves out of alarm descriptions. */
const escapeText = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`);

function alarms(days: readonly number[], text: string) {
  return days.map((n) => ({
    action: 'display' as const,
    description: escapeText(n === 0 ? `Due today: ${text}` : `Due in ${n} ${n === 1 ? 'day' : 'days'}: ${text}`),
    // At 9 a.m. local time n days before (the events are all-day, starting at midnight).
    trigger: n === 0 ? { before: false, hours: 9 } : { before: true, ...(n > 1 ? { days: n - 1 } : {}), hours: 15 },
  }));
}

function byDay(entries: readonly CalendarEntry[]): Map<IsoDate, CalendarEntry[]> {
  const out = new Map<IsoDate, CalendarEntry[]>();
  for (const e of entries) {
    const day = out.get(e.deadline.due);
    if (day) day.push(e);
    else out.set(e.deadline.due, [e]);
  }
  return out;
}

const line = ({ deadline: d, clientName }: CalendarEntry) => `${clientName}: ${d.title} (${d.citation})`;

/**
 * A day of certifications only (the season's big day) is named after the season, not its date:
 * when § 1.4(j) or a closure day moves it (March 1 → March 2), or clients file and leave it, a
 * re-import moves or updates the event instead of leaving the old one behind. Other days are
 * named after their date.
 */
function dayUid(due: IsoDate, day: readonly CalendarEntry[], scope: string): string {
  const season = day.every((e) => e.deadline.dutyId === 'annualCertification' && !e.deadline.recordId);
  return season ? `day.${scope}.annualCertification-${due.slice(0, 4)}@cpni-desk.invalid` : `day.${scope}.${due}@cpni-desk.invalid`;
}

/**
 * Lines folded at 75 octets, as RFC 5545 § 3.1 asks (the ics library counts characters, so a
 * line with "§" or "—" came out longer), never inside a UTF-8 sequence.
 */
export function foldLines(ics: string): string {
  const encoder = new TextEncoder();
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map((line) => {
      const parts: string[] = [];
      let part = '';
      let octets = 0;
      for (const ch of line) {
        const size = encoder.encode(ch).length;
        if (octets + size > (parts.length ? 74 : 75)) {
          parts.push(part);
          part = '';
          octets = 0;
        }
        part += ch;
        octets += size;
      }
      parts.push(part);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

/** An iCalendar file of all-day events for the open deadlines (ics is loaded only on export). */
export async function makeDeadlinesIcs(entries: readonly CalendarEntry[], options: CalendarOptions): Promise<string> {
  const { createEvents } = await import('ics');
  const open = entries.filter((e) => !SETTLED_STATUSES.has(e.deadline.status));
  const sequence = sequenceAt(options.now ?? new Date());
  const common = { productId: 'cpni-desk/deadlines', calName: options.calendarName, busyStatus: 'FREE' as const, sequence };
  const events =
    options.grouping === 'each'
      ? open.map((entry) => {
          const { deadline: d, clientName } = entry;
          return {
            ...common,
            uid: uidOf(d),
            title: `${clientName}: ${d.title}`,
            description: [`${d.title} — ${d.citation}.`, `Client: ${clientName}${clientName.endsWith('.') ? '' : '.'}`, d.note ?? '', 'From CPNI Desk. Check the deadline against the rule before relying on it.'].filter(Boolean).join('\n'),
            start: dateArray(d.due),
            end: dateArray(addDays(d.due, 1)),
            categories: ['CPNI', d.citation],
            alarms: alarms(options.reminderDays, `${clientName}: ${d.title}`),
          };
        })
      : [...byDay(open)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([due, day]) => {
          const title = day.length === 1 ? `${day[0]!.clientName}: ${day[0]!.deadline.title}` : `${day.length} CPNI deadlines due ${formatLong(due)}`;
          return {
            ...common,
            uid: dayUid(due, day, options.scope),
            title,
            description: [...day.map(line), 'From CPNI Desk. Check each deadline against the rule before relying on it.'].join('\n'),
            start: dateArray(due),
            end: dateArray(addDays(due, 1)),
            categories: ['CPNI'],
            alarms: alarms(options.reminderDays, title),
          };
        });
  const { error, value } = createEvents(events, { calName: options.calendarName, productId: 'cpni-desk/deadlines' });
  if (error || !value) throw new Error(`Could not build the calendar file: ${error?.message ?? 'unknown error'}`);
  return foldLines(value);
}
