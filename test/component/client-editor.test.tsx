import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import { ClientEditor } from '../../src/features/clients/ClientEditor';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';

beforeEach(() => useDatabase(new CpniDatabase(`editor-${crypto.randomUUID()}`)));

describe('ClientEditor', () => {
  it('archives and unarchives a client, saying which it did', async () => {
    const saved = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
    if (!saved.ok) throw new Error('client');
    render(() => <Route path="/clients/:id" component={ClientEditor} />, { location: `/clients/${saved.id}` });

    fireEvent.click(await screen.findByRole('button', { name: 'Archive' }));
    expect(await screen.findByText('Mesa Rural Telephone Co. is archived and hidden from the list.')).toBeTruthy();
    expect((await db().clients.get(saved.id))?.archived).toBe(true);

    fireEvent.click(await screen.findByRole('button', { name: 'Unarchive' }));
    expect(await screen.findByText('Mesa Rural Telephone Co. is active again.')).toBeTruthy();
    expect((await db().clients.get(saved.id))?.archived).toBe(false);
  });
});
