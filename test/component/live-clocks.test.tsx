import { describe, expect, it } from 'vitest';
import { useRecordScreens } from './record-screens';
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { db } from '../../src/db/database';
import { saveRecord } from '../../src/db/records';
import { draftClocks } from '../../src/features/records/record-clocks';

const screens = useRecordScreens();
const { mount } = screens;

const type = (label: RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const live = () => screen.getByTestId('live-clocks');
const clock = (title: string) => within(live()).getByText(title).closest('li')!;

describe('the breach form shows its clocks while being filled', () => {
  it('recomputes each § 64.2011 clock and its status as the dates are typed, and saves nothing', async () => {
    mount(`/records/new?kind=breach&client=${screens.client()}`);
    await screen.findByRole('form', { name: 'Breach incident' });
    expect(live().textContent).toContain('Enter “Reasonably determined on” to see the clocks this record starts and how long it must be kept.');

    type(/^Reasonably determined on/, '2026-03-02');
    // Seven business days after Monday, March 2, 2026 (§ 64.2011(b)).
    await waitFor(() => expect(clock('Notice to the USSS and FBI due').textContent).toContain('Wednesday, March 11, 2026'));
    expect(clock('Notice to the USSS and FBI due').textContent).toContain('Due soon Due in 6 days.');
    expect(clock('Customers may be told from').textContent).toContain('Enter the date the agencies were notified to see this date.');
    expect(within(live()).getByTestId('live-retention').textContent).toContain('May be disposed of from March 3, 2028');
    expect(within(live()).getByTestId('live-retention').textContent).toContain('47 C.F.R. § 64.2011(d)');

    type(/^Agencies notified on/, '2026-03-04');
    await waitFor(() => expect(clock('Notice to the USSS and FBI due').textContent).toContain('Done on March 4, 2026, on time.'));
    // Seven full business days after the agency notice (§ 64.2011(b)(1)).
    expect(clock('Customers may be told from').textContent).toContain('Saturday, March 14, 2026');
    expect(clock('Customers may be told from').textContent).toContain('Not yet allowed In 9 days.');

    type(/^Customers notified on/, '2026-03-05');
    await waitFor(() => expect(clock('Customers may be told from').textContent).toContain('Done too early'));
    expect(clock('Customers may be told from').getAttribute('data-state')).toBe('early');

    // An agency notice still to come, after a determination long past: overdue. Washington's
    // Birthday (Monday, February 16) is not a business day, so the seventh is Friday the 20th.
    type(/^Customers notified on/, '');
    type(/^Agencies notified on/, '');
    type(/^Reasonably determined on/, '2026-02-10');
    await waitFor(() => expect(clock('Notice to the USSS and FBI due').textContent).toContain('Overdue'));
    expect(clock('Notice to the USSS and FBI due').textContent).toContain('Friday, February 20, 2026');

    // A law-enforcement delay moves the earliest customer notice past it (§ 64.2011(b)(3)).
    type(/^Agencies notified on/, '2026-02-12');
    fireEvent.click(screen.getByLabelText('An agency directed a delay of customer notice'));
    type(/^Delay until/, '2026-04-01');
    await waitFor(() => expect(clock('Customers may be told from').textContent).toContain('Thursday, April 2, 2026'));

    type(/^Reasonably determined on/, '');
    await waitFor(() => expect(within(live()).queryByTestId('live-clock-lines')).toBeNull());
    expect(live().textContent).toContain('Enter “Reasonably determined on”');
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Invalid Date/);
    expect(await db().records.count()).toBe(0);
  });

  it('while editing, the form’s clocks take the place of the saved ones until the change is saved', async () => {
    const r = await saveRecord('breach', screens.client(), { discoveredOn: '2026-03-01', determinedOn: '2026-03-02', cpniInvolved: 'Call detail' });
    if (!r.ok) throw new Error();
    mount(`/records/${r.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    expect(screen.queryByTestId('record-clocks')).toBeNull();
    expect(screen.queryByTestId('record-retention')).toBeNull();
    expect(clock('Notice to the USSS and FBI due').textContent).toContain('Due in 6 days.');

    type(/^Agencies notified on/, '2026-03-04');
    await waitFor(() => expect(clock('Notice to the USSS and FBI due').textContent).toContain('Done on March 4, 2026, on time.'));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved.');
    await waitFor(() =>
      expect(within(screen.getByTestId('record-clocks')).getByText('Notice to the USSS and FBI due').closest('li')!.textContent).toContain('Done on March 4, 2026, on time.'),
    );
    expect(screen.queryByTestId('live-clocks')).toBeNull();
  });

  it('shows no clock panel on a form of a kind that starts no clock', async () => {
    mount(`/records/new?kind=training&client=${screens.client()}`);
    await screen.findByRole('form', { name: 'Training session' });
    expect(screen.queryByTestId('live-clocks')).toBeNull();
  });
});

describe('draftClocks', () => {
  it('names a date that is not on the calendar in words and leaves it out of the clocks', () => {
    const out = draftClocks('breach', { determinedOn: '2026-03-02', agenciesNotifiedOn: '2026-02-30', customersNotifiedOn: '' }, {}, '2026-03-05');
    expect(out.problems).toEqual(['Agencies notified on: “2026-02-30” is not a date on the calendar; the clocks leave it out until it is corrected.']);
    const agency = out.clocks!.lines.find((l) => l.dutyId === 'breachAgencyNotice2007')!;
    expect(agency).toMatchObject({ date: '2026-03-11', state: 'due-soon' });
    expect(out.retention!.date).toBe('2028-03-03');
  });

  it('gives no clock, only words, when the determination date is missing or not a date', () => {
    const out = draftClocks('breach', { determinedOn: '20266-03-02' }, {}, '2026-03-05');
    expect(out.clocks).toBeUndefined();
    expect(out.retention).toBeUndefined();
    expect(out.problems[0]).toContain('Reasonably determined on: “20266-03-02” is not a date on the calendar');
    expect(out.missing).toBe('Enter “Reasonably determined on” to see the clocks this record starts and how long it must be kept.');
  });
});
