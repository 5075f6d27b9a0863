import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import { CpniDatabase, useDatabase } from '../../src/db/database';
import { getClient, saveClient } from '../../src/db/clients';
import { createCertification } from '../../src/db/certifications';
import { newCertification } from '../../src/domain/certification-record';
import { filingSeason } from '../../src/domain/deadlines';
import { todayLocal } from '../../src/domain/dates';
import { Certifications } from '../../src/features/certifications/Certifications';

beforeEach(() => useDatabase(new CpniDatabase(`season-board-${crypto.randomUUID()}`)));

async function client(legalName: string, filerId: string) {
  const r = await saveClient({ legalName, filerId });
  if (!r.ok) throw new Error('client');
  return r.id;
}

describe('the season board', () => {
  it('never shows a started certification as "Not started" while the certifications are read', async () => {
    const started = await client('Mesa Rural Telephone Co.', '823456');
    await client('Prairie Tel', '812345');
    const season = filingSeason(todayLocal(), { calendar: 'fcc', closures: [] });
    const made = await createCertification(newCertification((await getClient(started))!, season));
    if (!made.ok) throw new Error(made.message);

    // Every state of the board's rows, as the page changes.
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      for (const row of document.querySelectorAll('[data-testid="season-table"] tbody tr')) seen.push(row.textContent ?? '');
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    render(() => <Route path="/certifications" component={Certifications} />, { location: '/certifications' });
    const table = await screen.findByTestId('season-table');
    await waitFor(() => expect(table.textContent).toContain('Draft'));
    observer.disconnect();

    expect(seen.filter((text) => text.includes('Prairie Tel'))).toContainEqual(expect.stringContaining('Not started'));
    expect(seen.filter((text) => text.includes('Mesa Rural') && text.includes('Not started'))).toEqual([]);
  });
  it('finds a client by name without its accents, by trade name and by Filer ID', async () => {
    await client('Teléfonos Peña Rural', '823456');
    const r = await saveClient({ legalName: 'Carrier Five Telephone', filerId: '812345', dbaNames: ['C005 Fiber'] });
    if (!r.ok) throw new Error('client');
    await client('Prairie Tel', '899999');
    render(() => <Route path="/certifications" component={Certifications} />, { location: '/certifications' });
    const table = await screen.findByTestId('season-table');
    await waitFor(() => expect(table.querySelectorAll('tbody tr')).toHaveLength(3));
    const search = screen.getByLabelText(/Find by name or Filer ID/) as HTMLInputElement;
    const shown = () => [...table.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('th, td')?.textContent ?? '');
    const find = async (text: string, names: string[]) => {
      fireEvent.input(search, { target: { value: text } });
      await waitFor(() => expect(shown().map((n) => n.replace(/\s+/g, ' ').trim())).toEqual(names.map((n) => expect.stringContaining(n))));
    };
    await find('pena', ['Teléfonos Peña Rural']);
    await find('TELEFONOS', ['Teléfonos Peña Rural']);
    await find('c005 fiber', ['Carrier Five Telephone']);
    await find('8999', ['Prairie Tel']);
  });
});
