import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import { CheckStatement } from '../../src/features/certifications/CheckStatement';
import { CpniDatabase, useDatabase } from '../../src/db/database';
import { cleanStatementText, faultyStatementText } from '../fixtures/statements';
import { filing2013 } from '../fixtures/filing-2013';

beforeEach(() => useDatabase(new CpniDatabase(`check-${crypto.randomUUID()}`)));

function mount() {
  render(() => <Route path="/certifications/check" component={CheckStatement} />, { location: '/certifications/check' });
}

describe('Check a filing written elsewhere', () => {
  it('finds the wrong section, the wrong docket and the year mix-up in a pasted filing', async () => {
    mount();
    fireEvent.input(await screen.findByLabelText('Filing year'), { target: { value: '2026' } });
    fireEvent.input(screen.getByLabelText('Text of the filing'), { target: { value: faultyStatementText } });
    const results = screen.getByTestId('check-results');
    const text = results.textContent ?? '';
    expect(text).toMatch(/§ 64\.2010\(e\)/);
    expect(text).toMatch(/WC Docket No\. 06-36/);
    expect(text).toMatch(/for 2025 covering 2025/);
    expect(within(results).getAllByTestId('finding').length).toBeGreaterThan(10);
  });

  it('finds nothing in a clean statement', async () => {
    mount();
    fireEvent.input(await screen.findByLabelText('Filing year'), { target: { value: '2026' } });
    fireEvent.input(screen.getByLabelText('Text of the filing'), { target: { value: cleanStatementText } });
    expect(screen.getByTestId('check-results').textContent).toContain('No problems found.');
  });

  it('reads the year of a 2013 filing from its text, checks it against the rules of 2012, and shows where each finding is', async () => {
    mount();
    fireEvent.input(await screen.findByLabelText('Text of the filing'), { target: { value: filing2013 } });
    expect((screen.getByLabelText('Filing year') as HTMLInputElement).value).toBe('2013');
    expect(screen.getByTestId('year-source').textContent).toMatch(/for 2013 covering 2012/);
    const results = screen.getByTestId('check-results');
    expect(results.textContent).toContain('Checked as the 2013 filing covering calendar year 2012');
    const findings = within(results).getAllByTestId('finding').map((li) => li.textContent ?? '');
    const lines = filing2013.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    // The cover letter is dated February 6; "Date Filed: January 27" is not.
    expect(findings.find((f) => f.includes('cover letter'))).toContain(`Line ${lineOf('Date Filed')}`);
    expect(findings.find((f) => f.includes('Compliance Officer'))).toMatch(/^Warning/);
    expect(findings.find((f) => f.includes('signature line is empty'))).toContain(`Line ${lineOf('Signed:')}`);
    expect(findings.find((f) => f.includes('seven (7) days') || f.includes('"seven (7) days"'))).toContain(`Line ${lineOf('company shall not wait')}`);
    expect(findings.some((f) => f.includes('pretexters'))).toBe(true);
    // Nothing about the year: the title line matches the year read from it.
    expect(findings.some((f) => f.includes('title line'))).toBe(false);
    // Each finding's text is highlighted in the numbered copy; clicking "Line n" selects it.
    const numbered = screen.getByTestId('numbered-text');
    expect(within(numbered).getAllByTestId('highlight').map((m) => m.textContent)).toContain('January 27');
    fireEvent.click(within(results).getAllByTestId('finding-line')[0]!);
    expect(numbered.querySelector('mark.mark--selected')).not.toBeNull();
  });

  it('lets the user set another year, and says the text suggests otherwise', async () => {
    mount();
    fireEvent.input(await screen.findByLabelText('Text of the filing'), { target: { value: filing2013 } });
    fireEvent.input(screen.getByLabelText('Filing year'), { target: { value: '2014' } });
    expect(screen.getByTestId('year-source').textContent).toContain('the text suggests 2013');
    expect(screen.getByTestId('check-results').textContent).toMatch(/this is the 2014 filing, not 2013/);
  });
});

describe('Start a client from a filing', () => {
  it('shows what it read for confirmation, stores nothing until "Create client", and refuses a bad value with a message', async () => {
    const { listClients } = await import('../../src/db/clients');
    mount();
    fireEvent.input(await screen.findByLabelText('Text of the filing'), { target: { value: filing2013 } });
    fireEvent.click(screen.getByRole('button', { name: 'Start a client from this filing' }));
    const panel = screen.getByTestId('client-from-filing');
    expect((within(panel).getByLabelText(/^Legal name/) as HTMLInputElement).value).toBe('Prairie Line Telephone Company');
    expect((within(panel).getByLabelText(/^Form 499 Filer ID/) as HTMLInputElement).value).toBe('823901');
    expect((within(panel).getByLabelText('Signatory') as HTMLInputElement).value).toBe('Dale Hutchins');
    expect((within(panel).getByLabelText("Signatory's title") as HTMLInputElement).value).toBe('Compliance Officer');
    expect(await listClients()).toEqual([]);
    fireEvent.input(within(panel).getByLabelText('State'), { target: { value: 'Kansas' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Create client' }));
    expect(await within(panel).findByText(/State must be a USPS code/)).toBeTruthy();
    expect(await listClients()).toEqual([]);
    fireEvent.input(within(panel).getByLabelText('State'), { target: { value: 'KS' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Create client' }));
    expect(await within(panel).findByText(/Client created/)).toBeTruthy();
    const [client] = await listClients();
    expect(client).toMatchObject({ legalName: 'Prairie Line Telephone Company', filerId: '823901', officers: [{ name: 'Dale Hutchins', title: 'Compliance Officer', isDefaultSignatory: true }] });
    expect(client!.address.state).toBe('KS');
  });
});
