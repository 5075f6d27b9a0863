import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import Dexie from 'dexie';
import { CpniDatabase, SCHEMA_VERSIONS, db, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { getCertification } from '../../src/db/certifications';
import { newCertification, type CertificationFields } from '../../src/domain/certification-record';
import { CertificationEditor } from '../../src/features/certifications/CertificationEditor';
import { version1Answers } from '../fixtures/answers';

let clientId = '';

beforeEach(async () => {
  useDatabase(new CpniDatabase(`t-${crypto.randomUUID()}`));
  const c = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456', services: ['wireline'], officers: [{ id: 'o1', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }] });
  if (!c.ok) throw new Error('client not saved');
  clientId = c.id;
});

/**
 * A certification as an earlier version stored it: written with schema version 3, then opened
 * by this version (the database upgrade runs every row through its entity's migrations).
 */
async function stored(change: Partial<CertificationFields> | Record<string, unknown>): Promise<string> {
  const client = { ...(await db().clients.get(clientId))! };
  delete client.rev;
  delete client.entityVersion;
  const name = `old-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  for (const s of SCHEMA_VERSIONS.filter((s) => s.version <= 3)) old.version(s.version).stores(s.stores);
  await old.open();
  const at = '2027-01-10T10:00:00.000Z';
  await old.table('clients').add(client);
  await old.table('certifications').add({ ...newCertification(client, 2027), ...change, id: 'k-old', createdAt: at, updatedAt: at });
  old.close();
  useDatabase(new CpniDatabase(name));
  return 'k-old';
}

function mount(id: string) {
  render(() => <Route path="/certifications/:id" component={CertificationEditor} />, { location: `/certifications/${id}` });
}

describe('the certification editor and stored answers', { timeout: 30_000 }, () => {
  it('opens a certification saved before topics were reviewed one by one: answers kept, each topic to review, nothing ready', async () => {
    const id = await stored({ answers: version1Answers(), answersReviewedOn: '2027-02-01' });
    mount(id);
    const training = (await screen.findAllByTestId('topic')).find((t) => t.dataset.topic === 'training')!;
    expect((within(training).getByLabelText('Who is trained') as HTMLInputElement).value).toBe('All employees and contractors who can see or use CPNI');
    expect(within(training).getByTestId('topic-status').textContent).toMatch(/^To review: Sample answers/);
    expect(training.textContent).toContain('confirmed with one tick on February 1, 2027');
    const marketing = screen.getAllByTestId('topic').find((t) => t.dataset.topic === 'marketing')!;
    expect(within(marketing).getByTestId('topic-status').textContent).toBe('To answer: Not finished: 1 question has no answer.');
    expect(screen.getByTestId('status-panel').textContent).toContain('Answer the questionnaire topic “Use of CPNI for marketing”');
    expect(screen.queryByRole('button', { name: 'Mark ready to sign' })).toBeNull();
    // The database upgrade stored them in the current shape: nothing marked reviewed.
    expect((await getCertification(id))!.answers.version).toBe(2);
    expect((await getCertification(id))!.answers.topics.training?.reviewedOn).toBe('');
    fireEvent.click(within(training).getByRole('button', { name: 'Confirm “Training and discipline”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save certification' }));
    await screen.findByText('Saved.', {}, { timeout: 15_000 });
    expect((await getCertification(id))!.answers.topics.training?.reviewedOn).not.toBe('');
  });

  it('says so, instead of breaking, when the answers were saved by a newer version', async () => {
    const id = await stored({ answers: { version: 99, values: {} } });
    mount(id);

    expect((await screen.findByRole('alert')).textContent).toMatch(/saved by a newer version of CPNI Desk/);
  });
});
