import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import axe from 'axe-core';
import { CpniDatabase, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { saveRecord } from '../../src/db/records';
import { Records } from '../../src/features/records/Records';
import { RecordDetail } from '../../src/features/records/RecordDetail';
import { NewRecord } from '../../src/features/records/NewRecord';
import { ImportApprovals } from '../../src/features/records/ImportApprovals';
import { kindMeta } from '../../src/features/records/record-kinds';
import { RECORD_KINDS } from '../../src/domain/records';

let clientId = '';
let breachId = '';

beforeEach(async () => {
  useDatabase(new CpniDatabase(`t-${crypto.randomUUID()}`));
  const c = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
  if (!c.ok) throw new Error('client not saved');
  clientId = c.id;
  const b = await saveRecord('breach', clientId, { discoveredOn: '2026-03-01', determinedOn: '2026-03-02', cpniInvolved: 'Call detail', lawEnforcementDelay: true, delayUntil: '2026-04-01' });
  if (!b.ok) throw new Error('record not saved');
  breachId = b.id;
});

function mount(location: string) {
  render(
    () => (
      <>
        <Route path="/records" component={Records} />
        <Route path="/records/new" component={NewRecord} />
        <Route path="/records/import" component={ImportApprovals} />
        <Route path="/records/:id" component={RecordDetail} />
      </>
    ),
    { location },
  );
}

/** axe-core's violations (jsdom cannot judge colour contrast; the browser tests do). */
async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.flatMap((v) => v.nodes.map((n) => `[${v.id}] ${v.help} at ${n.target.join(' ')}`));
}

describe('records screens: labels and structure (axe-core)', () => {
  it('the list with filters, rows and the training warning', async () => {
    mount('/records');
    await screen.findByTestId('records-table');
    await screen.findByTestId('training-warnings');
    expect(await violations()).toEqual([]);
  });

  it('the form of every kind, showing its errors', async () => {
    for (const kind of RECORD_KINDS) {
      mount(`/records/new?client=${clientId}&kind=${kind}`);
      const form = await screen.findByRole('form', { name: kindMeta(kind).title });
      fireEvent.submit(form);
      await screen.findByTestId('form-errors');
      expect(await violations(), kind).toEqual([]);
      cleanup();
    }
  });

  it('the detail of a breach, with its clocks, and its form in edit mode', async () => {
    mount(`/records/${breachId}`);
    await screen.findByTestId('record-clocks');
    expect(await violations()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    await screen.findByRole('button', { name: 'Save changes' });
    expect(await violations()).toEqual([]);
  });

  it('the CSV import with a report', async () => {
    mount(`/records/import?client=${clientId}`);
    await screen.findByRole('option', { name: 'Mesa Rural Telephone Co.' });
    const file = new File(['account,type,medium,status,date\n1,opt-in,fax,granted,2026-01-01\n2,opt-in,oral,granted,2026-01-02\n'], 'a.csv');
    fireEvent.change(screen.getByLabelText('CSV file of customer approvals'), { target: { files: [file] } });
    await screen.findByTestId('import-table');
    expect(await violations()).toEqual([]);
  });
});
