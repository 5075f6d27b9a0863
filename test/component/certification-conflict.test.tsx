import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { Route } from '@solidjs/router';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { createCertification, getCertification } from '../../src/db/certifications';
import { markReady } from '../../src/db/certification-steps';
import { newCertification } from '../../src/domain/certification-record';
import { CertificationEditor } from '../../src/features/certifications/CertificationEditor';
import { reviewedAnswers } from '../fixtures/answers';

let certId = '';

beforeEach(async () => {
  useDatabase(new CpniDatabase(`t-${crypto.randomUUID()}`));
  const c = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456', services: ['wireline'], officers: [{ id: 'o1', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }] });
  if (!c.ok) throw new Error('client not saved');
  const client = (await db().clients.get(c.id))!;
  const created = await createCertification({ ...newCertification(client, 2026), answers: reviewedAnswers('2026-02-01'), dateFiled: '2026-02-20', signatureDate: '2026-02-19' });
  if (!created.ok) throw new Error(created.message);
  certId = created.id;
});

describe('a certification marked ready in another tab while this one edits it', { timeout: 30_000 }, () => {
  it('says so, refuses the stale save, and saves the edit only once the user chose, as a draft again', async () => {
    render(() => <Route path="/certifications/:id" component={CertificationEditor} />, { location: `/certifications/${certId}` });
    const title = (await screen.findByLabelText('Signatory title', {}, { timeout: 15_000 })) as HTMLInputElement;
    fireEvent.input(title, { target: { value: 'President and CEO' } });

    // The other tab marks it ready.
    const stored = (await getCertification(certId))!;
    const ready = await markReady(certId, stored, stored.rev);
    expect(ready.ok).toBe(true);
    await screen.findByTestId('changed-elsewhere', {}, { timeout: 15_000 });
    expect(title.value).toBe('President and CEO');

    fireEvent.click(screen.getByRole('button', { name: 'Save certification' }));
    const conflict = await screen.findByTestId('conflict', {}, { timeout: 15_000 });
    expect(conflict.textContent).toContain('Changed in another tab or window');
    expect(conflict.textContent).toContain('It is now ready to sign. Saving your edits puts it back to draft');
    // Nothing was written: it is still ready, with the title the other tab saw.
    expect(await getCertification(certId)).toMatchObject({ status: 'ready', signatory: { title: 'President' }, signatureDate: '2026-02-19' });

    fireEvent.click(within(conflict).getByRole('button', { name: 'Save with these choices' }));
    await screen.findByText(/^Saved\. The certification changed after it was marked ready, so it is a draft again/, {}, { timeout: 15_000 });
    expect(await getCertification(certId)).toMatchObject({ status: 'draft', signatory: { title: 'President and CEO' }, signatureDate: '2026-02-19', dateFiled: '2026-02-20' });
  });
});
