// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeDeadlinesIcs } from '../../src/features/dashboard/ics-export';
import type { Deadline } from '../../src/domain/deadlines';

const deadline = (over: Partial<Deadline>): Deadline => ({
  clientId: 'c1', dutyId: 'annualCertification', citation: '47 C.F.R. § 64.2009(e)', due: '2027-03-01', status: 'upcoming', ruleVersion: '2007', title: 'Annual CPNI certification', ...over,
});

/** Unfolds RFC 5545 continuation lines and splits the file into events' properties. */
function events(ics: string) {
  const lines = ics.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const out: Record<string, string>[] = [];
  let cur: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') cur = {};
    else if (line === 'END:VEVENT') { out.push(cur!); cur = undefined; }
    else if (cur) {
      const i = line.indexOf(':');
      cur[line.slice(0, i)] = line.slice(i + 1);
    }
  }
  return out;
}

describe('calendar export', () => {
  it('makes one all-day event per open deadline naming client, duty and citation', async () => {
    const ics = await makeDeadlinesIcs(
      [
        { deadline: deadline({}), clientName: 'Mesa Rural Telephone Co.' },
        { deadline: deadline({ dutyId: 'breachAgencyNotice2007', recordId: 'r1', due: '2026-12-07', citation: '47 C.F.R. § 64.2011(b)', title: 'Breach notice to the USSS and FBI' }), clientName: 'Prairie Tel' },
        { deadline: deadline({ status: 'done', recordId: 'r2', dutyId: 'optOutFailureNotice' }), clientName: 'Done Co' },
      ],
      'CPNI deadlines — all clients',
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
});
