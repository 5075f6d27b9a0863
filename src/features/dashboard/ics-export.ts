import { addDays, type IsoDate } from '../../domain/dates';
import type { Deadline } from '../../domain/deadlines';
import { SETTLED_STATUSES } from '../../domain/clock';

export interface CalendarEntry {
  deadline: Deadline;
  clientName: string;
}

function dateArray(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** An iCalendar file of all-day events, one per open deadline (ics is loaded only on export). */
export async function makeDeadlinesIcs(entries: readonly CalendarEntry[], calendarName: string): Promise<string> {
  const { createEvents } = await import('ics');
  const events = entries
    .filter((e) => !SETTLED_STATUSES.has(e.deadline.status))
    .map(({ deadline: d, clientName }) => ({
      uid: `${d.clientId}-${d.recordId ?? 'certification'}-${d.dutyId}-${d.due}@cpni-desk`,
      title: `${clientName}: ${d.title}`,
      description: [`${d.title} — ${d.citation}.`, `Client: ${clientName.replace(/\.+$/, '')}.`, d.note ?? '', 'From CPNI Desk. Check the deadline against the rule before relying on it.'].filter(Boolean).join('\n'),
      start: dateArray(d.due),
      end: dateArray(addDays(d.due, 1)),
      categories: ['CPNI', d.citation],
      productId: 'cpni-desk/deadlines',
      calName: calendarName,
      busyStatus: 'FREE' as const,
    }));
  const { error, value } = createEvents(events, { calName: calendarName, productId: 'cpni-desk/deadlines' });
  if (error || !value) throw new Error(`Could not build the calendar file: ${error?.message ?? 'unknown error'}`);
  return value;
}
