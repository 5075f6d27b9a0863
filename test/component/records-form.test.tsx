import { describe, expect, it } from 'vitest';
import { useRecordScreens } from './record-screens';
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { db } from '../../src/db/database';
import { saveRecord } from '../../src/db/records';

const screens = useRecordScreens();
const { mount } = screens;

const type = (label: RegExp | string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('the record form', () => {
  it('shows each error beside its field, keeps what was typed, focuses the first bad field and saves nothing', async () => {
    mount(`/records/new?kind=breach&client=${screens.client()}`);
    const form = await screen.findByRole('form', { name: 'Breach incident' });
    type(/^What CPNI was involved/, 'Call detail of 40 accounts');
    type(/^Customers affected/, '-3');
    type(/^Circumstances/, 'A former employee kept a login');
    fireEvent.click(within(form).getByRole('button', { name: 'Save breach incident' }));

    expect(await screen.findByText('Reasonably determined on is required.')).toBeTruthy();
    expect(screen.getByText('Discovered on is required.')).toBeTruthy();
    expect(screen.getByText('Customers affected cannot be negative.')).toBeTruthy();
    expect(screen.getByTestId('form-errors').textContent).toContain('3 fields need attention; nothing was saved.');

    const count = screen.getByLabelText(/^Customers affected/) as HTMLInputElement;
    expect(count.getAttribute('aria-invalid')).toBe('true');
    expect(count.getAttribute('aria-describedby')).toContain(`${count.id}-error`);
    expect(count.value).toBe('-3');
    expect((screen.getByLabelText(/^What CPNI was involved/) as HTMLTextAreaElement).value).toBe('Call detail of 40 accounts');
    expect((screen.getByLabelText(/^Circumstances/) as HTMLTextAreaElement).value).toBe('A former employee kept a login');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Discovered on/)));
    expect(await db().records.count()).toBe(0);
  });

  it('shows the urgent-harm and delay details only when their box is ticked', async () => {
    mount(`/records/new?kind=breach&client=${screens.client()}`);
    await screen.findByRole('form', { name: 'Breach incident' });
    expect(screen.queryByLabelText(/^Agency consulted/)).toBeNull();
    expect(screen.queryByLabelText(/^Delay until/)).toBeNull();
    fireEvent.click(screen.getByLabelText(/Extraordinarily urgent need/));
    expect(screen.getByLabelText(/^Agency consulted/)).toBeTruthy();
    expect(screen.getByLabelText(/^Consulted on/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('An agency directed a delay of customer notice'));
    expect(screen.getByLabelText(/^Delay until/)).toBeTruthy();
    expect(screen.getByLabelText('Written direction received')).toBeTruthy();
  });

  it('asks for the kind before showing a form; the only client is chosen already', async () => {
    mount('/records/new');
    await screen.findByRole('option', { name: 'Mesa Rural Telephone Co.' });
    expect(screen.queryByRole('form')).toBeNull();
    await waitFor(() => expect((screen.getByLabelText(/^Client/) as HTMLSelectElement).value).toBe(screens.client()));
    fireEvent.change(screen.getByLabelText(/^Kind of record/), { target: { value: 'training' } });
    expect(await screen.findByRole('form', { name: 'Training session' })).toBeTruthy();
    expect(screen.getByLabelText(/^Topic/)).toBeTruthy();
  });

  it('saves a valid breach, opens its page and shows the agency-notice clock with its rule', async () => {
    mount(`/records/new?kind=breach&client=${screens.client()}`);
    await screen.findByRole('form', { name: 'Breach incident' });
    type(/^Discovered on/, '2026-03-01');
    type(/^Reasonably determined on/, '2026-03-02');
    type(/^What CPNI was involved/, 'Call detail of 40 accounts');
    type(/^Customers affected/, '40');
    fireEvent.click(screen.getByRole('button', { name: 'Save breach incident' }));

    const clocks = await screen.findByTestId('record-clocks');
    const stored = await db().records.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: 'breach', clientId: screens.client(), determinedOn: '2026-03-02', customersAffected: 40 });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Breach incident, March 2, 2026');

    // Seven business days after Monday, March 2, 2026 (§ 64.2011(b)); "today" is March 5.
    const agency = within(clocks).getByText('Notice to the USSS and FBI due').closest('li')!;
    expect(agency.textContent).toContain('Wednesday, March 11, 2026');
    expect(agency.textContent).toContain('Due in 6 days.');
    expect(agency.textContent).toContain('47 C.F.R. § 64.2011(b)');
    expect(agency.textContent).toContain('2007 rule (in force)');
    expect(clocks.textContent).toContain('Enter the date the agencies were notified');
    expect(screen.getByTestId('record-retention').textContent).toContain('May be disposed of from March 3, 2028');
    expect(screen.getByTestId('record-retention').textContent).toContain('47 C.F.R. § 64.2011(d)');
  });

  it('edits in place with the same form, and the clocks follow the saved dates', async () => {
    const r = await saveRecord('breach', screens.client(), { discoveredOn: '2026-03-01', determinedOn: '2026-03-02', cpniInvolved: 'Call detail' });
    if (!r.ok) throw new Error();
    mount(`/records/${r.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    type(/^Agencies notified on/, '2026-03-04');
    type(/^Customers affected/, 'forty');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Customers affected must be a whole number.')).toBeTruthy();
    expect((screen.getByLabelText(/^Agencies notified on/) as HTMLInputElement).value).toBe('2026-03-04');

    type(/^Customers affected/, '40');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved.');
    const clock = (title: string) => within(screen.getByTestId('record-clocks')).getByText(title).closest('li')!;
    await waitFor(() => expect(clock('Notice to the USSS and FBI due').textContent).toContain('Done on March 4, 2026, on time.'));
    // Seven full business days after the agency notice (§ 64.2011(b)(1)): from Saturday, March 14.
    expect(clock('Customers may be told from').textContent).toContain('Saturday, March 14, 2026');
    expect(screen.getByTestId('record-fields').textContent).toContain('March 4, 2026');
    expect(await db().records.get(r.id)).toMatchObject({ customersAffected: 40, agenciesNotifiedOn: '2026-03-04' });
  });

  it('shows the § 64.2009(f) letter due five business days after an opt-out failure', async () => {
    const r = await saveRecord('optOutFailure', screens.client(), { learnedOn: '2026-03-05', mechanism: 'Web form', problem: 'Not saved' });
    if (!r.ok) throw new Error();
    mount(`/records/${r.id}`);
    const line = (await screen.findByText('Letter to the FCC due')).closest('li')!;
    expect(line.textContent).toContain('Thursday, March 12, 2026');
    expect(line.textContent).toContain('47 C.F.R. § 64.2009(f)');
  });

  it('shows when opt-out approval may be assumed after a mailed notice, and the refresh date', async () => {
    const r = await saveRecord('notice', screens.client(), { sentOn: '2026-01-05', method: 'mail' });
    if (!r.ok) throw new Error();
    mount(`/records/${r.id}`);
    const from = (await screen.findByText('Opt-out approval may be assumed from')).closest('li')!;
    expect(from.textContent).toContain('February 7, 2026');
    expect(from.textContent).toContain('47 C.F.R. § 64.2008(d)(1)');
    const refresh = screen.getByText('Next opt-out notice due (every two years)').closest('li')!;
    expect(refresh.textContent).toContain('January 5, 2028');
  });

  it('labels retention that rests on practice rather than a rule, and shows no clocks for training', async () => {
    const r = await saveRecord('training', screens.client(), { heldOn: '2026-02-10', topic: 'CPNI basics' });
    if (!r.ok) throw new Error();
    mount(`/records/${r.id}`);
    const retention = await screen.findByTestId('record-retention');
    expect(retention.textContent).toContain('practice, not a rule');
    expect(screen.queryByTestId('record-clocks')).toBeNull();
  });
});
