import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  RECORD_PATH,
  addDaysIso,
  addRecord,
  createClient,
  daysFromTo,
  heading,
  isoFromSpelled,
  localToday,
  longDate,
  spelledDate,
  startApp,
  weekdayOfIso,
} from '../app-steps.mjs';

const BREACH_DUTY = 'Breach notice to the USSS and FBI';

const iso = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The n-th `dow` (0 = Sunday) of a month. */
function nthWeekday(year, month, dow, n) {
  const first = iso(year, month, 1);
  return addDaysIso(first, ((dow - weekdayOfIso(first) + 7) % 7) + 7 * (n - 1));
}

function lastMonday(year, month) {
  const last = addDaysIso(iso(year, month + 1, 1), -1);
  return addDaysIso(last, -((weekdayOfIso(last) + 6) % 7));
}

/**
 * The legal public holidays of 5 U.S.C. 6103(a) on the days they are observed (Saturday → the
 * Friday before, Sunday → the Monday after), for `year` and its neighbours.
 */
function federalHolidays(year) {
  const observed = (date) => {
    const dow = weekdayOfIso(date);
    return dow === 6 ? addDaysIso(date, -1) : dow === 0 ? addDaysIso(date, 1) : date;
  };
  const days = new Set();
  for (const y of [year - 1, year, year + 1]) {
    for (const [m, d] of [[1, 1], [6, 19], [7, 4], [11, 11], [12, 25]]) days.add(observed(iso(y, m, d)));
    for (const d of [nthWeekday(y, 1, 1, 3), nthWeekday(y, 2, 1, 3), lastMonday(y, 5), nthWeekday(y, 9, 1, 1), nthWeekday(y, 10, 1, 2), nthWeekday(y, 11, 4, 4)]) days.add(d);
  }
  return days;
}

/**
 * Days the FCC may have been closed by an order that cannot be computed (Christmas Eve, the day
 * after Christmas, the Friday after Thanksgiving) or that only the FCC calendar counts
 * (Inauguration Day): a window holding one of these is not used.
 */
function doubtful(date) {
  if (['12-24', '12-26', '01-20', '01-21'].includes(date.slice(5))) return true;
  return date === addDaysIso(nthWeekday(Number(date.slice(0, 4)), 11, 4, 4), 1);
}

/**
 * A determination date about 20 days ago whose notice window holds no doubtful day, and the
 * day the 7 business days of § 64.2011(b) end: weekdays only, federal holidays skipped.
 */
function breachDates(today) {
  for (let back = 20; back < 60; back++) {
    const determinedOn = addDaysIso(today, -back);
    const holidays = federalHolidays(Number(determinedOn.slice(0, 4)));
    let day = determinedOn;
    let counted = 0;
    let clean = true;
    while (counted < 7) {
      day = addDaysIso(day, 1);
      if (doubtful(day)) clean = false;
      const dow = weekdayOfIso(day);
      if (dow !== 0 && dow !== 6 && !holidays.has(day)) counted++;
    }
    if (clean) return { determinedOn, discoveredOn: addDaysIso(determinedOn, -2), agencyNoticeDue: day };
  }
  throw new Error(`No clean notice window in the 60 days before ${today}.`);
}

/** A new client with one breach, added through the forms; the user ends on the breach's page. */
async function clientWithBreach(page, origin, legalName, filerId) {
  await startApp(page, origin);
  const clientId = await createClient(page, origin, { legalName, filerId });
  const dates = breachDates(localToday());
  const recordId = await addRecord(page, origin, {
    clientId,
    kind: 'breach',
    title: 'Breach incident',
    fields: {
      'Discovered on': dates.discoveredOn,
      'Reasonably determined on': dates.determinedOn,
      'What CPNI was involved': 'Call detail records of 212 accounts, viewed through a reused customer-portal password',
      'Intentional or inadvertent': 'Intentional',
      'Customers affected': '212',
    },
  });
  return { clientId, recordId, ...dates };
}

/** The dashboard's deadline rows, each as the user reads it. */
async function deadlineRows(page) {
  const table = page.getByTestId('deadlines');
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((tr) => {
      const cells = [...tr.querySelectorAll('td')];
      const link = cells[2]?.querySelector('a');
      return {
        due: cells[0]?.innerText ?? '',
        client: cells[1]?.innerText.trim() ?? '',
        duty: cells[2]?.innerText ?? '',
        dutyLink: link?.textContent?.trim() ?? '',
        href: link?.getAttribute('href') ?? '',
        status: cells[3]?.innerText.trim() ?? '',
      };
    }),
  );
}

async function openDashboard(page, origin, clientName) {
  await page.goto(`${origin}/`);
  await heading(page, 'Dashboard');
  await page.getByTestId('deadlines').getByText(clientName).first().waitFor();
}

/** RFC 5545 text: lines unfolded (on octets, as a calendar reads them), one property map per VEVENT. */
function parseIcs(bytes) {
  const text = Buffer.from(bytes.toString('latin1').replace(/\r\n[ \t]/g, ''), 'latin1').toString('utf8');
  assert.match(text, /^BEGIN:VCALENDAR\r\n/, 'the file is an iCalendar file with CRLF line ends');
  assert.match(text, /END:VCALENDAR\r\n?$/);
  const unescape = (v) => v.replace(/\\([\\;,nN])/g, (_, c) => (c === 'n' || c === 'N' ? '\n' : c));
  const events = [];
  let current;
  let alarm;
  for (const line of text.split('\r\n')) {
    if (line === 'BEGIN:VEVENT') current = { alarms: [] };
    else if (line === 'END:VEVENT') {
      events.push(current);
      current = undefined;
    } else if (line === 'BEGIN:VALARM') alarm = {};
    else if (line === 'END:VALARM') {
      current.alarms.push(alarm);
      alarm = undefined;
    } else if (alarm) {
      const colon = line.indexOf(':');
      alarm[line.slice(0, colon)] = unescape(line.slice(colon + 1));
    } else if (current) {
      const colon = line.indexOf(':');
      const [name, ...params] = line.slice(0, colon).split(';');
      current[[name, ...params].join(';')] = unescape(line.slice(colon + 1));
    }
  }
  return events;
}

const compact = (iso) => iso.replaceAll('-', '');

export const tests = [
  {
    name: 'a breach added through the form shows on the dashboard as an overdue agency notice, due 7 business days after determination',
    async fn({ page, origin }) {
      const name = 'Sandhills Rural Telephone Company';
      const breach = await clientWithBreach(page, origin, name, '823310');
      const today = localToday();
      assert.ok(breach.agencyNoticeDue < today, `the test's own due date ${breach.agencyNoticeDue} is before today ${today}`);

      await openDashboard(page, origin, name);
      const rows = await deadlineRows(page);
      const breachRows = rows.filter((r) => r.dutyLink === BREACH_DUTY);
      assert.equal(breachRows.length, 1, `one agency notice row: ${JSON.stringify(rows)}`);
      const [row] = breachRows;
      assert.deepEqual(rows[0], row, 'overdue deadlines come first');
      assert.equal(row.client, name);
      assert.equal(row.status, 'Overdue');
      assert.equal(row.due.split('\n')[0].trim(), spelledDate(breach.agencyNoticeDue));
      const daysAgo = daysFromTo(breach.agencyNoticeDue, today);
      assert.match(row.due, new RegExp(`${daysAgo} days ago`));
      assert.match(row.duty, /47 C\.F\.R\. § 64\.2011\(b\) \(2007 rule\)/);
      assert.equal(row.href, `/records/${breach.recordId}`);

      const overdue = page.getByTestId('status-counts').locator('li').filter({ hasText: /overdue/i });
      assert.equal((await overdue.innerText()).replace(/\s+/g, ' ').trim(), '1 overdue');

      // The certification of the season is listed for the same client, not overdue.
      const certification = rows.find((r) => r.dutyLink.startsWith('Annual CPNI certification'));
      assert.ok(certification, `the annual certification is listed: ${JSON.stringify(rows)}`);
      assert.notEqual(certification.status, 'Overdue');

      await page.getByTestId('deadlines').getByRole('link', { name: BREACH_DUTY }).click();
      await page.waitForURL(RECORD_PATH);
      assert.equal(new URL(page.url()).pathname, `/records/${breach.recordId}`);
      await page.getByRole('heading', { level: 1, name: `Breach incident, ${longDate(breach.determinedOn)}` }).waitFor();
      const clock = page.getByTestId('record-clocks').locator('li').filter({ hasText: 'Notice to the USSS and FBI due' });
      const clockText = await clock.innerText();
      assert.match(clockText, new RegExp(spelledDate(breach.agencyNoticeDue)));
      assert.match(clockText, new RegExp(`Overdue by ${daysAgo} days\\.`));
      assert.match(clockText, /§ 64\.2011\(b\)/);
      assert.match(clockText, /2007 rule \(in force\)/);
      assert.equal(await clock.getAttribute('data-state'), 'overdue');
    },
  },
  {
    name: 'the .ics export holds the breach notice and the annual certification, named, cited and dated as on the dashboard',
    async fn({ newContext, origin }) {
      const context = await newContext({ acceptDownloads: true });
      const page = await context.newPage();
      // A comma in the name must survive the calendar's text escaping.
      const name = 'Copper Valley Telephone, Inc.';
      const breach = await clientWithBreach(page, origin, name, '824417');
      await openDashboard(page, origin, name);
      const rows = await deadlineRows(page);
      const shown = (prefix) => {
        const row = rows.find((r) => r.dutyLink.startsWith(prefix));
        assert.ok(row, `the dashboard lists "${prefix}": ${JSON.stringify(rows)}`);
        return { ...row, date: isoFromSpelled(row.due) };
      };
      const breachRow = shown(BREACH_DUTY);
      const certificationRow = shown('Annual CPNI certification');
      assert.equal(breachRow.date, breach.agencyNoticeDue);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ics').click()]);
      assert.match(download.suggestedFilename(), /\.ics$/);
      const path = await download.path();
      assert.ok(path, 'the download was saved');
      const events = parseIcs(readFileSync(path));
      assert.equal(events.length, 2, `one event per open deadline: ${JSON.stringify(events, null, 2)}`);

      const eventFor = (duty) => {
        const found = events.filter((e) => e.SUMMARY?.includes(duty));
        assert.equal(found.length, 1, `one event for "${duty}": ${JSON.stringify(events, null, 2)}`);
        return found[0];
      };
      const notice = eventFor(BREACH_DUTY);
      assert.equal(notice.SUMMARY, `${name}: ${BREACH_DUTY}`);
      assert.match(notice.DESCRIPTION, /§ 64\.2011\(b\)/);
      assert.ok(notice.DESCRIPTION.includes(name), 'the description names the client');
      assert.equal(notice['DTSTART;VALUE=DATE'], compact(breachRow.date));

      const certification = eventFor(certificationRow.dutyLink);
      assert.equal(certification.SUMMARY, `${name}: ${certificationRow.dutyLink}`);
      assert.match(certification.DESCRIPTION, /§ 64\.2009\(e\)/);
      assert.equal(certification['DTSTART;VALUE=DATE'], compact(certificationRow.date));
      // An all-day event ends (exclusively) the next day.
      assert.equal(certification['DTEND;VALUE=DATE'], compact(addDaysIso(certificationRow.date, 1)));
      assert.notEqual(notice.UID, certification.UID);
      // Reminders at 9 a.m. 30, 7 and 1 days before, by default.
      assert.deepEqual(certification.alarms.map((a) => a.TRIGGER), ['-P29DT15H', '-P6DT15H', '-PT15H']);
    },
  },
];
