import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { ImportApprovals } from '../../src/features/records/ImportApprovals';
import { parseApprovalsCsv, sampleApprovalsCsv } from '../../src/features/records/approvals-csv';

let clientId = '';

beforeEach(async () => {
  useDatabase(new CpniDatabase(`t-${crypto.randomUUID()}`));
  const r = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
  if (!r.ok) throw new Error('client not saved');
  clientId = r.id;
});

const csv = (...lines: string[]) => new File([lines.join('\n')], 'approvals.csv', { type: 'text/csv' });

async function mount(withClient = true) {
  render(() => <Route path="/records/import" component={ImportApprovals} />, { location: withClient ? `/records/import?client=${clientId}` : '/records/import' });
  // The first mount of the file also loads the screen's modules: give it time on a busy machine.
  await screen.findByRole('option', { name: 'Mesa Rural Telephone Co.' }, { timeout: 10_000 });
}

function choose(file: File) {
  fireEvent.change(screen.getByLabelText('CSV file of customer approvals'), { target: { files: [file] } });
}

const stored = async () => (await db().records.toArray()).sort((a, b) => a.date.localeCompare(b.date));

describe('importing customer approvals from CSV', () => {
  it('stores nothing from a file with a bad row until the user accepts the valid rows, then stores exactly those', async () => {
    await mount();
    choose(
      csv(
        'Account,TYPE,Medium,Status,Date,Scope',
        '100234,opt-out,written,granted,2026-01-15,Affiliates',
        '100871,Opt-In,oral,granted,2/3/2026,',
        '101552,opt-in,fax,denied,2026-02-30,',
      ),
    );
    expect(await screen.findByText('Row 4: Medium must be oral, written or electronic. Date is not a real date on the calendar.')).toBeTruthy();
    expect(screen.getByTestId('import-summary').textContent).toContain('3 rows: 2 valid, 1 row with errors.');
    expect(screen.getByTestId('import-summary').textContent).toContain('Nothing has been stored.');
    expect(screen.queryByRole('button', { name: /^Import \d+ approvals?$/ })).toBeNull();
    expect(await db().records.count()).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Import the 2 valid rows and skip 1 row with errors' }));
    expect(await screen.findByText(/Imported 2 approvals for Mesa Rural Telephone Co\./)).toBeTruthy();
    const rows = await stored();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => [r.kind, r.clientId])).toEqual([
      ['approval', clientId],
      ['approval', clientId],
    ]);
    expect(rows[0]).toMatchObject({ accountRef: '100234', approvalType: 'optOut', medium: 'written', status: 'granted', decidedOn: '2026-01-15', scope: 'Affiliates' });
    // M/D/YYYY is taken and stored as an ISO date.
    expect(rows[1]).toMatchObject({ accountRef: '100871', approvalType: 'optIn', medium: 'oral', decidedOn: '2026-02-03', date: '2026-02-03' });
    expect(screen.queryByTestId('import-report')).toBeNull();
  });

  it('imports a clean file with one click and reports the count', async () => {
    await mount();
    choose(new File([sampleApprovalsCsv()], 'sample.csv', { type: 'text/csv' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Import 4 approvals' }));
    expect(await screen.findByText(/Imported 4 approvals/)).toBeTruthy();
    expect(await db().records.count()).toBe(4);
  });

  it('reports missing columns before any row and offers no import', async () => {
    await mount();
    choose(csv('account,type,medium,when', '100234,opt-out,written,2026-01-15'));
    const report = await screen.findByTestId('import-report');
    expect(report.textContent).toContain('Missing columns “status”, “date”.');
    expect(report.textContent).toContain('The column “when” is not used by CPNI Desk and will be ignored.');
    expect(screen.queryByTestId('import-table')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(await db().records.count()).toBe(0);
  });

  it('asks for the client before importing, and takes a file dropped on the page', async () => {
    await mount(false);
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [csv('account,type,medium,status,date', '7,opt-in,written,granted,2026-03-01')] } });
    fireEvent.click(await screen.findByRole('button', { name: 'Import 1 approval' }));
    expect(await screen.findByText('Choose the client these approvals belong to.')).toBeTruthy();
    expect(await db().records.count()).toBe(0);
    fireEvent.change(screen.getByLabelText(/^Client/), { target: { value: clientId } });
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 approval' }));
    await waitFor(async () => expect(await db().records.count()).toBe(1));
  });
});

describe('approvals CSV check', () => {
  it('needs a header row', () => {
    const r = parseApprovalsCsv('100234,opt-out,written,granted,2026-01-15\n');
    expect(r.fileErrors[0]).toMatch(/^The first row must be a header row\./);
    expect(r.rows).toEqual([]);
  });

  it('numbers rows as a spreadsheet does, counting blank lines, and flags extra values', () => {
    const r = parseApprovalsCsv('account,type,medium,status,date\n1,opt-in,written,granted,2026-01-01\n\n2,opt-in,written,granted,2026-01-02,extra\n');
    expect(r.rows.map((x) => x.row)).toEqual([2, 4]);
    expect(r.rows[1]!.errors).toEqual(['This row has 6 values but the header names 5 columns; check for an unquoted comma.']);
    expect([r.valid, r.invalid]).toEqual([1, 1]);
  });

  it('warns about a very large file but still checks every row', () => {
    const lines = ['account,type,medium,status,date'];
    for (let i = 0; i < 50_001; i++) lines.push(`${i},opt-out,electronic,granted,2026-01-01`);
    const r = parseApprovalsCsv(lines.join('\n'));
    expect(r.valid).toBe(50_001);
    expect(r.warnings.join(' ')).toContain('This file has 50,001 rows, more than 50,000. It can still be imported');
  });
});

describe('importing the same approvals twice', () => {
  it('adds nothing the second time and lists the rows already stored', async () => {
    await mount();
    choose(new File([sampleApprovalsCsv()], 'sample.csv', { type: 'text/csv' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Import 4 approvals' }));
    expect(await screen.findByText(/Imported 4 approvals/)).toBeTruthy();
    expect(await db().records.count()).toBe(4);

    choose(new File([sampleApprovalsCsv()], 'sample.csv', { type: 'text/csv' }));
    expect((await screen.findByTestId('import-report')).textContent).toContain('Approvals already stored for the client (same account, type, status and date) are skipped on import');
    fireEvent.click(await screen.findByRole('button', { name: 'Import 4 approvals' }));
    expect(await screen.findByText(/Nothing new to import for Mesa Rural Telephone Co\./)).toBeTruthy();
    expect(screen.getByTestId('import-already-stored').textContent).toBe(
      'Skipped 4 approvals already stored for this client (same account, type, status and date): rows 2, 3, 4 and 5. Nothing was added twice.',
    );
    expect(await db().records.count()).toBe(4);
  });

  it('stores a row repeated within one file once, and says which row it repeats', async () => {
    await mount();
    choose(csv('account,type,medium,status,date', '100234,opt-out,written,granted,2026-01-15', ' 100234 ,Opt-Out,electronic,granted,1/15/2026', '100234,opt-out,written,revoked,2026-01-15'));
    expect(await screen.findByText('Same approval as row 2 (account, type, status and date): skipped.')).toBeTruthy();
    expect(screen.getByTestId('import-summary').textContent).toContain('3 rows: 2 valid, 0 rows with errors, 1 row repeats an earlier row and will be skipped.');
    fireEvent.click(screen.getByRole('button', { name: 'Import 2 approvals' }));
    expect(await screen.findByText(/Imported 2 approvals/)).toBeTruthy();
    expect((await stored()).map((r) => (r.kind === 'approval' ? r.status : '')).sort()).toEqual(['granted', 'revoked']);
  });
});

describe('the approvals natural key', () => {
  it('is the same for the same client, account (any case, spaces), type, status and date, and differs otherwise', async () => {
    const { approvalKey } = await import('../../src/domain/records');
    const a = { accountRef: 'ab-100', approvalType: 'optOut', status: 'granted', decidedOn: '2026-01-15' };
    expect(approvalKey('c1', a)).toBe(approvalKey('c1', { ...a, accountRef: ' AB-100 ' }));
    expect(approvalKey('c1', a)).not.toBe(approvalKey('c2', a));
    expect(approvalKey('c1', a)).not.toBe(approvalKey('c1', { ...a, status: 'revoked' }));
    expect(approvalKey('c1', a)).not.toBe(approvalKey('c1', { ...a, decidedOn: '2026-01-16' }));
  });
});
