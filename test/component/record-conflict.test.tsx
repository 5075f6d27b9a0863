import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { saveRecord } from '../../src/db/records';
import { RecordDetail } from '../../src/features/records/RecordDetail';

let clientId = '';

beforeEach(async () => {
  useDatabase(new CpniDatabase(`t-${crypto.randomUUID()}`));
  const r = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
  if (!r.ok) throw new Error('client not saved');
  clientId = r.id;
});

const type = (label: RegExp | string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('a record edited in two places', () => {
  it('refuses the stale save, shows the other version’s change, and keeps both when the user saves the choices', async () => {
    const r = await saveRecord('training', clientId, { heldOn: '2026-02-10', topic: 'CPNI basics' });
    if (!r.ok) throw new Error();
    render(() => <Route path="/records/:id" component={RecordDetail} />, { location: `/records/${r.id}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    type(/^Trainer/, 'Jordan Fields');
    // Meanwhile, another tab changes the topic.
    const other = await saveRecord('training', clientId, { heldOn: '2026-02-10', topic: 'CPNI refresher' }, r.id, 1);
    expect(other.ok).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const conflict = await screen.findByTestId('conflict');
    expect(conflict.textContent).toContain('Changed in another tab or window');
    const topic = within(conflict).getByTestId('conflict-field');
    expect(topic.dataset.field).toBe('topic');
    expect((within(topic).getByRole('radio', { name: /Take the other: CPNI refresher/ }) as HTMLInputElement).checked).toBe(true);
    expect(await db().records.get(r.id)).toMatchObject({ topic: 'CPNI refresher', trainer: '', rev: 2 });

    fireEvent.click(within(conflict).getByRole('button', { name: 'Save with these choices' }));
    await screen.findByText('Saved.');
    expect(await db().records.get(r.id)).toMatchObject({ topic: 'CPNI refresher', trainer: 'Jordan Fields', rev: 3 });
  });
});
