// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeDeadlinesIcs, parseReminderDays, type CalendarOptions } from '../../src/features/dashboard/ics-export';
import type { Deadline } from '../../src/domain/deadlines';

const deadline = (over: Partial<Deadline>): Deadline => ({
  clientId: 'c1', dutyId: 'annualCertification', citation: '47 C.F.R. § 64.2009(e)', due: '2027-03-01', status: 'upcoming', ruleVersion: '2007', title: 'Annual CPNI certification', ...over,
});

type ParsedEvent = Record<string, string> & { alarms: Record<string, string>[] };

/** Unfolds RFC 5545 continuation lines and splits the file into events' properties and their alarms. */
function events(ics: string): ParsedEvent[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const out: ParsedEvent[] = [];
  let cur: ParsedEvent | undefined;
  let alarm: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') cur = { alarms: [] } as unknown as ParsedEvent;
    else if (line === 'END:VEVENT') { out.push(cur!); cur = undefined; }
    else if (line === 'BEGIN:VALARM') alarm = {};
    else if (line === 'END:VALARM') { cur!.alarms.push(alarm!); alarm = undefined; }
    else if (cur) {
      const i = line.indexOf(':');
      (alarm ?? (cur as Record<string, unknown>))[line.slice(0, i)] = line.slice(i + 1).replace(/\\([,;\\])/g, '$1');
    }
  }
  return out;
}

const options = (over: Partial<CalendarOptions> = {}): CalendarOptions => ({
  calendarName: 'CPNI deadlines — all clients', grouping: 'each', reminderDays: [30, 7, 1], scope: 'all', now: new Date('2026-12-02T12:00:00Z'), ...over,
});

describe('calendar export', () => {
  it('makes one all-day event per open deadline naming client, duty and citation', async () => {
    const ics = await makeDeadlinesIcs(
      [
        { deadline: deadline({}), clientName: 'Mesa Rural Telephone Co.' },
        { deadline: deadline({ dutyId: 'breachAgencyNotice2007', recordId: 'r1', due: '2026-12-07', citation: '47 C.F.R. § 64.2011(b)', title: 'Breach notice to the USSS and FBI' }), clientName: 'Prairie Tel' },
        { deadline: deadline({ status: 'done', recordId: 'r2', dutyId: 'optOutFailureNotice' }), clientName: 'Done Co' },
      ],
      options(),
    );
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('X-WR-CALNAME:CPNI deadlines — all clients');
    const parsed = events(ics);
    expect(parsed).toHaveLength(2);
    expect(parsed[0]!['SUMMARY']).toBe('Mesa Rural Telephone Co.: Annual CPNI certification');
    expect(parsed[0]!['DTSTART;VALUE=DATE']).toBe('20270301');
    expect(parsed[0]!['DTEND;VALUE=DATE']).toBe('20270302');
    expect(parsed[1]!['SUMMARY']).toBe('Prairie Tel: Breach notice to the USSS and FBI');
    expect(parsed[1]!['DESCRIPTION']).toContain('47 C.F.R. § 64.2011(b)');
    expect(new Set(parsed.map((e) => e['UID'])).size).toBe(2);
  });

  it('gives every event reminders at the chosen days before, 30, 7 and 1 by default', async () => {
    const [event] = events(await makeDeadlinesIcs([{ deadline: deadline({}), clientName: 'Mesa Rural Telephone Co.' }], options()));
    expect(event!.alarms.map((a) => a['TRIGGER'])).toEqual(['-P29DT15H', '-P6DT15H', '-PT15H']);
    expect(event!.alarms.every((a) => a['ACTION'] === 'DISPLAY')).toBe(true);
    expect(event!.alarms[1]!['DESCRIPTION']).toBe('Due in 7 days: Mesa Rural Telephone Co.: Annual CPNI certification');
    const sameDay = events(await makeDeadlinesIcs([{ deadline: deadline({}), clientName: 'Mesa' }], options({ reminderDays: [0] })));
    expect(sameDay[0]!.alarms.map((a) => a['TRIGGER'])).toEqual(['PT9H']);
    const none = events(await makeDeadlinesIcs([{ deadline: deadline({}), clientName: 'Mesa' }], options({ reminderDays: [] })));
    expect(none[0]!.alarms).toEqual([]);
  });

  it('keeps an event’s UID when its due date moves, and raises SEQUENCE, so a re-import updates it', async () => {
    const first = events(await makeDeadlinesIcs([{ deadline: deadline({ recordId: 'r1', dutyId: 'breachAgencyNotice2007', due: '2026-12-07' }), clientName: 'A' }], options()));
    const later = events(
      await makeDeadlinesIcs([{ deadline: deadline({ recordId: 'r1', dutyId: 'breachAgencyNotice2007', due: '2026-12-08' }), clientName: 'A' }], options({ now: new Date('2026-12-03T09:00:00Z') })),
    );
    expect(later[0]!['UID']).toBe(first[0]!['UID']);
    expect(Number(later[0]!['SEQUENCE'])).toBeGreaterThan(Number(first[0]!['SEQUENCE']));
    // Two years' certifications of one client are two events.
    const years = events(await makeDeadlinesIcs([{ deadline: deadline({}), clientName: 'A' }, { deadline: deadline({ due: '2028-03-01' }), clientName: 'A' }], options()));
    expect(new Set(years.map((e) => e['UID'])).size).toBe(2);
  });

  it('can make one event per day listing every deadline due that day', async () => {
    const entries = [
      ...Array.from({ length: 200 }, (_, i) => ({ deadline: deadline({ clientId: `c${i}` }), clientName: `Carrier ${i}` })),
      { deadline: deadline({ recordId: 'r1', dutyId: 'breachAgencyNotice2007', due: '2026-12-07', title: 'Breach notice to the USSS and FBI', citation: '47 C.F.R. § 64.2011(b)' }), clientName: 'Prairie Tel' },
    ];
    const parsed = events(await makeDeadlinesIcs(entries, options({ grouping: 'day' })));
    expect(parsed.map((e) => e['SUMMARY'])).toEqual(['Prairie Tel: Breach notice to the USSS and FBI', '200 CPNI deadlines due March 1, 2027']);
    expect(parsed[1]!['DESCRIPTION']!.split('\\n')).toHaveLength(201);
    expect(parsed[1]!['DESCRIPTION']).toContain('Carrier 199: Annual CPNI certification (47 C.F.R. § 64.2009(e))');
    expect(parsed[1]!.alarms).toHaveLength(3);
  });

  it('folds lines at 75 octets, never inside a character, and escapes commas in every text, reminders included', async () => {
    const ics = await makeDeadlinesIcs(
      [{ deadline: deadline({ title: 'Annual CPNI certification — § 64.2009(e) — for 2027, covering 2026', note: '§ 1.4(j) — '.repeat(12) }), clientName: 'Carrier 184 Telephone, Inc.' }],
      options(),
    );
    const lines = ics.split('\r\n');
    for (const l of lines) {
      expect(Buffer.byteLength(l, 'utf8'), l).toBeLessThanOrEqual(75);
      expect(l).not.toContain('\uFFFD');
    }
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    const raw = ics.replace(/\r\n[ \t]/g, '');
    expect(raw).toContain('DESCRIPTION:Due in 30 days: Carrier 184 Telephone\\, Inc.: Annual CPNI certification — § 64.2009(e) — for 2027\\, covering 2026');
    expect(events(ics)[0]!.alarms[0]!['DESCRIPTION']).toBe('Due in 30 days: Carrier 184 Telephone, Inc.: Annual CPNI certification — § 64.2009(e) — for 2027, covering 2026');
  });

  it('keeps the season day’s UID when § 1.4(j) moves it or clients file and leave it', async () => {
    const day = (due: string, from = 0) =>
      makeDeadlinesIcs(
        Array.from({ length: 3 - from }, (_, i) => ({ deadline: deadline({ clientId: `c${i + from}`, due }), clientName: `Carrier ${i + from}` })),
        options({ grouping: 'day' }),
      );
    const [before] = events(await day('2027-03-01'));
    const [after] = events(await day('2027-03-02'));
    expect(after!['DTSTART;VALUE=DATE']).toBe('20270302');
    expect(after!['UID']).toBe(before!['UID']);
    const [fewer] = events(await day('2027-03-01', 1));
    expect(fewer!['UID']).toBe(before!['UID']);
    // Next season's day is another event.
    const [next] = events(await day('2028-03-01'));
    expect(next!['UID']).not.toBe(before!['UID']);
    // Another scope (one client's calendar) never shares it.
    const [other] = events(await makeDeadlinesIcs([{ deadline: deadline({ clientId: 'c0' }), clientName: 'Carrier 0' }], options({ grouping: 'day', scope: 'client-c0' })));
    expect(other!['UID']).not.toBe(before!['UID']);
  });

  it('reads reminder days typed as a list, and says what is wrong with anything else', () => {
    expect(parseReminderDays('1, 30 ,7, 7')).toEqual({ days: [30, 7, 1] });
    expect(parseReminderDays('')).toEqual({ days: [] });
    expect(parseReminderDays('30, a week')).toEqual({ error: expect.stringMatching(/“a” is not a number of days/) });
    expect(parseReminderDays('400')).toEqual({ error: expect.stringMatching(/from 0 to 365/) });
  });
});
