import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import { CpniDatabase, useDatabase } from '../../src/db/database';
import { getClient, saveClient } from '../../src/db/clients';
import { createCertification } from '../../src/db/certifications';
import { newCertification } from '../../src/domain/certification-record';
import { Certifications } from '../../src/features/certifications/Certifications';
import { NewRecord } from '../../src/features/records/NewRecord';

beforeEach(() => useDatabase(new CpniDatabase(`links-${crypto.randomUUID()}`)));

async function client(legalName: string, filerId: string) {
  const r = await saveClient({ legalName, filerId });
  if (!r.ok) throw new Error('client');
  return r.id;
}

async function certification(clientId: string, year: number) {
  const r = await createCertification(newCertification((await getClient(clientId))!, year));
  if (!r.ok) throw new Error(r.message);
}

const selected = (label: string) => (screen.getByLabelText(new RegExp(`^${label}`)) as HTMLSelectElement).value;

describe('links that name a client', () => {
  it('choose that client on the certifications screen, for the list and for starting one', async () => {
    const mesa = await client('Mesa Rural Telephone Co.', '823456');
    const prairie = await client('Prairie Tel', '812345');
    await certification(mesa, 2027);
    await certification(prairie, 2027);
    render(() => <Route path="/certifications" component={Certifications} />, { location: `/certifications?client=${prairie}` });
    const table = await screen.findByTestId('certifications-table');
    await waitFor(() => expect(selected('Show the certifications of')).toBe(prairie));
    expect(selected('Client')).toBe(prairie);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('Prairie Tel')]);
  });

  it('choose the only client by default on the new record and certifications screens', async () => {
    const only = await client('Mesa Rural Telephone Co.', '823456');
    const first = render(() => <Route path="/records/new" component={NewRecord} />, { location: '/records/new?kind=training' });
    await waitFor(() => expect(selected('Client')).toBe(only));
    expect(await screen.findByRole('form', { name: 'Training session' })).toBeTruthy();
    first.unmount();

    render(() => <Route path="/certifications" component={Certifications} />, { location: '/certifications' });
    await waitFor(() => expect(selected('Client')).toBe(only));
  });

  it('leave the choice open when there are several clients and no link names one', async () => {
    await client('Mesa Rural Telephone Co.', '823456');
    await client('Prairie Tel', '812345');
    render(() => <Route path="/records/new" component={NewRecord} />, { location: '/records/new' });
    await screen.findByRole('option', { name: 'Prairie Tel' });
    expect(selected('Client')).toBe('');
  });
});
