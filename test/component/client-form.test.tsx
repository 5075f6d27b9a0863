import { describe, expect, it, beforeEach } from 'vitest';
import { render, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import { ClientForm } from '../../src/features/clients/ClientForm';
import { emptyDraft, inputFromDraft } from '../../src/features/clients/client-draft';
import { CpniDatabase, useDatabase, db } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';

function mount() {
  let savedId = '';
  const result = render(
    () => <Route path="/" component={() => <ClientForm onSave={(d) => saveClient(inputFromDraft(d))} onSaved={(id) => (savedId = id)} />} />,
    { location: '/' },
  );
  return { ...result, savedId: () => savedId };
}

const type = (label: RegExp | string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('ClientForm', () => {
  beforeEach(() => useDatabase(new CpniDatabase(`test-${crypto.randomUUID()}`)));

  it('shows errors beside the fields, keeps what was typed, and saves nothing', async () => {
    mount();
    await screen.findByLabelText(/Legal name/);
    type(/Legal name/, 'Mesa Rural Telephone Co.');
    type(/Form 499 Filer ID/, '81A345');
    type(/^FRN/, '123');
    type(/^ZIP/, '9021');
    fireEvent.click(screen.getByRole('button', { name: 'Save client' }));

    expect(await screen.findByText('Form 499 Filer ID must contain digits only.')).toBeTruthy();
    expect(screen.getByText('FRN must be exactly 10 digits (keep any leading zeros).')).toBeTruthy();
    expect(screen.getByText('ZIP must be 5 digits or ZIP+4 (12345-6789).')).toBeTruthy();
    const filer = screen.getByLabelText(/Form 499 Filer ID/) as HTMLInputElement;
    expect(filer.getAttribute('aria-invalid')).toBe('true');
    expect(filer.getAttribute('aria-describedby')).toContain(`${filer.id}-error`);
    expect((screen.getByLabelText(/Legal name/) as HTMLInputElement).value).toBe('Mesa Rural Telephone Co.');
    expect(filer.value).toBe('81A345');
    expect(await db().clients.count()).toBe(0);
  });

  it('warns about a 7-digit Filer ID and a non-officer signatory but still saves', async () => {
    const { savedId } = mount();
    await screen.findByLabelText(/Legal name/);
    type(/Legal name/, 'Mesa Rural Telephone Co.');
    type(/Form 499 Filer ID/, '8123456');
    expect(await screen.findByText(/usually 6 digits; this one has 7/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add an officer' }));
    type('Officer 1 name', 'Dana Ruiz');
    type('Officer 1 title', 'Compliance Consultant');
    expect(await screen.findByText(/does not look like an officer's title/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Interconnected VoIP'));
    fireEvent.click(screen.getByRole('button', { name: 'Save client' }));

    await waitFor(() => expect(savedId()).not.toBe(''));
    const stored = await db().clients.get(savedId());
    expect(stored?.legalName).toBe('Mesa Rural Telephone Co.');
    expect(stored?.filerId).toBe('8123456');
    expect(stored?.officers).toEqual([expect.objectContaining({ name: 'Dana Ruiz', title: 'Compliance Consultant', isDefaultSignatory: true })]);
    expect(stored?.services).toEqual(['interconnectedVoip']);
    expect(stored?.createdAt).toBe(stored?.updatedAt);
  });

  it('says when another client already has the Filer ID typed, and still saves', async () => {
    const first = await saveClient(inputFromDraft({ ...emptyDraft(), legalName: 'Delta Own Telephone', filerId: '844444' }));
    expect(first.ok).toBe(true);
    const { savedId } = mount();
    await screen.findByLabelText(/Legal name/);
    type(/Legal name/, 'Delta Telephone Company');
    type(/Form 499 Filer ID/, '844444');
    expect(await screen.findByText(/Delta Own Telephone has this Filer ID too\. Each carrier files under its own Filer ID/)).toBeTruthy();
    type(/Form 499 Filer ID/, '844445');
    await waitFor(() => expect(screen.queryByText(/has this Filer ID too/)).toBeNull());
    type(/Form 499 Filer ID/, '844444');
    await screen.findByText(/has this Filer ID too/);
    fireEvent.click(screen.getByRole('button', { name: 'Save client' }));
    await waitFor(() => expect(savedId()).not.toBe(''));
    expect(await db().clients.where('filerId').equals('844444').count()).toBe(2);
  });

  it('refuses a Filer ID equal to the FRN', async () => {
    mount();
    await screen.findByLabelText(/Legal name/);
    type(/Legal name/, 'Mesa Rural Telephone Co.');
    type(/Form 499 Filer ID/, '0001234567');
    type(/^FRN/, '0001234567');
    fireEvent.click(screen.getByRole('button', { name: 'Save client' }));
    expect(await screen.findByText(/same as the FRN/)).toBeTruthy();
    expect(await db().clients.count()).toBe(0);
  });
});
