import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { saveRecord } from '../../src/db/records';
import { createCertification, getCertification } from '../../src/db/certifications';
import { newCertification } from '../../src/domain/certification-record';
import { ClientEditor } from '../../src/features/clients/ClientEditor';
import { RecordDetail } from '../../src/features/records/RecordDetail';
import { CertificationEditor } from '../../src/features/certifications/CertificationEditor';
import { hasDraft, loadDraft } from '../../src/ui/draft-store';
import { unsavedForms } from '../../src/ui/form-draft';
import { reviewedAnswers } from '../fixtures/answers';

beforeEach(() => useDatabase(new CpniDatabase(`drafts-${crypto.randomUUID()}`)));

const type = (label: RegExp | string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const valueOf = (label: RegExp | string) => (screen.getByLabelText(label) as HTMLInputElement).value;

/** The tab reloads: the screen goes away (nothing saved) and opens again. */
function reopen(mount: () => void) {
  cleanup();
  mount();
}

const newClient = () => render(() => <Route path="/clients/new" component={ClientEditor} />, { location: '/clients/new' });
const clientPage = (id: string) => render(() => <Route path="/clients/:id" component={ClientEditor} />, { location: `/clients/${id}` });

async function storedClient() {
  const saved = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
  if (!saved.ok) throw new Error('client not saved');
  return saved.id;
}

describe('drafts of the client form', () => {
  it('keeps what is typed, offers it back after a reload, and restoring marks the form unsaved; saving clears the draft', async () => {
    newClient();
    await screen.findByLabelText(/Legal name/);
    expect(screen.queryByTestId('draft-offer')).toBeNull();
    type(/Legal name/, 'Half-typed Telephone Company');
    type(/Form 499 Filer ID/, '812345');
    expect(loadDraft<{ legalName: string }>('client:new')?.value.legalName).toBe('Half-typed Telephone Company');
    expect(unsavedForms()).toEqual({ dirty: true, allKept: true });

    reopen(newClient);
    const offer = await screen.findByTestId('draft-offer');
    expect(offer.textContent).toMatch(/^You have unsaved changes from .+\./);
    expect(valueOf(/Legal name/)).toBe('');
    expect(screen.queryByText('Unsaved changes')).toBeNull();

    fireEvent.click(within(offer).getByRole('button', { name: 'Restore them' }));
    expect(screen.queryByTestId('draft-offer')).toBeNull();
    expect(valueOf(/Legal name/)).toBe('Half-typed Telephone Company');
    expect(valueOf(/Form 499 Filer ID/)).toBe('812345');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Create client' }));
    await waitFor(async () => expect(await db().clients.count()).toBe(1));
    await waitFor(() => expect(hasDraft('client:new')).toBe(false));
  });

  it('"Discard" throws the draft away and leaves the form as stored', async () => {
    newClient();
    await screen.findByLabelText(/Legal name/);
    type(/Legal name/, 'Never mind Co.');
    reopen(newClient);
    fireEvent.click(within(await screen.findByTestId('draft-offer')).getByRole('button', { name: 'Discard' }));
    expect(screen.queryByTestId('draft-offer')).toBeNull();
    expect(valueOf(/Legal name/)).toBe('');
    expect(hasDraft('client:new')).toBe(false);
    reopen(newClient);
    await screen.findByLabelText(/Legal name/);
    expect(screen.queryByTestId('draft-offer')).toBeNull();
  });

  it('undoing the typing by hand leaves no draft to offer', async () => {
    const id = await storedClient();
    clientPage(id);
    await screen.findByLabelText(/Legal name/);
    type(/Legal name/, 'Mesa Rural Telephone Company');
    expect(hasDraft(`client:${id}`)).toBe(true);
    type(/Legal name/, 'Mesa Rural Telephone Co.');
    expect(hasDraft(`client:${id}`)).toBe(false);
  });

  it('a draft of a client changed since says so, and its save goes through the conflict choices', async () => {
    const id = await storedClient();
    clientPage(id);
    await screen.findByDisplayValue('Mesa Rural Telephone Co.');
    type(/^City/, 'Mesa');
    expect(loadDraft(`client:${id}`)?.rev).toBe(1);
    cleanup();

    // Meanwhile the client is changed elsewhere (another tab, or a restore).
    const other = await saveClient({ legalName: 'Mesa Rural Telephone Cooperative', filerId: '823456' }, id, 1);
    expect(other.ok).toBe(true);

    clientPage(id);
    const offer = await screen.findByTestId('draft-offer');
    expect(within(offer).getByTestId('draft-stale').textContent).toContain('The stored client changed since then');
    fireEvent.click(within(offer).getByRole('button', { name: 'Restore them' }));
    expect(valueOf(/^City/)).toBe('Mesa');
    expect(screen.getByTestId('changed-elsewhere')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Save client' }));
    const conflict = await screen.findByTestId('conflict');
    expect(within(conflict).getByTestId('conflict-field').dataset.field).toBe('legalName');
    expect((await db().clients.get(id))?.address.city).toBe('');
    fireEvent.click(within(conflict).getByRole('button', { name: 'Save with these choices' }));
    await screen.findByText('Saved.');
    expect(await db().clients.get(id)).toMatchObject({ legalName: 'Mesa Rural Telephone Cooperative', address: { city: 'Mesa' }, rev: 3 });
    expect(hasDraft(`client:${id}`)).toBe(false);
  });
});

describe('drafts of the record form', () => {
  it('a record page with a draft opens its form and offers it back; saving clears it', async () => {
    const clientId = await storedClient();
    const r = await saveRecord('training', clientId, { heldOn: '2026-02-10', topic: 'CPNI basics' });
    if (!r.ok) throw new Error('record not saved');
    const page = () => render(() => <Route path="/records/:id" component={RecordDetail} />, { location: `/records/${r.id}` });
    page();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    type(/^Trainer/, 'Jordan Fields');

    reopen(page);
    const offer = await screen.findByTestId('draft-offer');
    expect(within(offer).queryByTestId('draft-stale')).toBeNull();
    expect(valueOf(/^Trainer/)).toBe('');
    fireEvent.click(within(offer).getByRole('button', { name: 'Restore them' }));
    expect(valueOf(/^Trainer/)).toBe('Jordan Fields');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved.');
    expect(await db().records.get(r.id)).toMatchObject({ trainer: 'Jordan Fields' });
    expect(hasDraft(`record:${r.id}`)).toBe(false);
  });

  it('"Cancel" on a record with unsaved changes discards its draft too', async () => {
    const clientId = await storedClient();
    const r = await saveRecord('training', clientId, { heldOn: '2026-02-10', topic: 'CPNI basics' });
    if (!r.ok) throw new Error('record not saved');
    render(() => <Route path="/records/:id" component={RecordDetail} />, { location: `/records/${r.id}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    type(/^Trainer/, 'Jordan Fields');
    expect(hasDraft(`record:${r.id}`)).toBe(true);
    const confirm = window.confirm;
    window.confirm = () => true;
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    } finally {
      window.confirm = confirm;
    }
    expect(hasDraft(`record:${r.id}`)).toBe(false);
  });
});

describe('drafts of the certification editor', { timeout: 30_000 }, () => {
  it('offers back an edit after a reload; "Discard" keeps the stored certification', async () => {
    const c = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456', services: ['wireline'], officers: [{ id: 'o1', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }] });
    if (!c.ok) throw new Error('client not saved');
    const client = (await db().clients.get(c.id))!;
    const created = await createCertification({ ...newCertification(client, 2026), answers: reviewedAnswers('2026-02-01'), dateFiled: '2026-02-20', signatureDate: '2026-02-19' });
    if (!created.ok) throw new Error(created.message);
    const page = () => render(() => <Route path="/certifications/:id" component={CertificationEditor} />, { location: `/certifications/${created.id}` });
    const title = async () => (await screen.findByLabelText('Signatory title', {}, { timeout: 15_000 })) as HTMLInputElement;

    page();
    fireEvent.input(await title(), { target: { value: 'President and CEO' } });
    expect(hasDraft(`certification:${created.id}`)).toBe(true);

    reopen(page);
    let offer = await screen.findByTestId('draft-offer', {}, { timeout: 15_000 });
    expect((await title()).value).toBe('President');
    fireEvent.click(within(offer).getByRole('button', { name: 'Restore them' }));
    expect((await title()).value).toBe('President and CEO');

    reopen(page);
    offer = await screen.findByTestId('draft-offer', {}, { timeout: 15_000 });
    fireEvent.click(within(offer).getByRole('button', { name: 'Discard' }));
    expect((await title()).value).toBe('President');
    expect(hasDraft(`certification:${created.id}`)).toBe(false);
    expect((await getCertification(created.id))?.signatory.title).toBe('President');
  });
});
