import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@solidjs/testing-library';
import { markBackedUp } from '../../src/db/backup';
import { logChanges } from '../../src/db/change-log';
import { Route } from '@solidjs/router';
import { Dashboard } from '../../src/features/dashboard/Dashboard';
import { CpniDatabase, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { saveRecord } from '../../src/db/records';
import { addBusinessDays } from '../../src/domain/calendar';
import { addDays, formatLong, formatWithWeekday, todayLocal } from '../../src/domain/dates';
import { filingSeason } from '../../src/domain/deadlines';
import { getClient } from '../../src/db/clients';
import { createCertification, getCertification } from '../../src/db/certifications';
import { markReady, signCertification } from '../../src/db/certification-steps';
import { newCertification } from '../../src/domain/certification-record';
import { contentHashOf, signedFile, type PackageSources, type SignedFacts } from '../../src/domain/signed-package';

// The dashboard's content is a lazy chunk: load it once up front, as the app does at startup.
beforeAll(async () => {
  await import('../../src/features/dashboard/DashboardView');
});

beforeEach(() => useDatabase(new CpniDatabase(`dash-${crypto.randomUUID()}`)));

async function client(legalName: string, filerId: string) {
  const r = await saveClient({ legalName, filerId });
  if (!r.ok) throw new Error('client');
  return r.id;
}

describe('Dashboard', () => {
  it('shows the certification deadline shared by many clients once, with how many are not yet ready, and lists them on demand', async () => {
    const ids = [];
    for (let i = 1; i <= 5; i += 1) ids.push(await client(`Carrier ${i} Telephone`, `84000${i}`));
    const today = todayLocal();
    const season = filingSeason(today, { calendar: 'fcc', closures: [] });
    const created = await createCertification(newCertification((await getClient(ids[0]!))!, season));
    if (!created.ok) throw new Error(created.message);
    await markReady(created.id, (await getCertification(created.id))!);

    render(() => <Route path="/" component={Dashboard} />, { location: '/' });
    const table = await screen.findByTestId('deadlines');
    const group = await within(table).findByTestId('deadline-group');
    expect(group.textContent).toContain('5 annual certifications due');
    expect(group.textContent).toContain('4 not yet ready');
    expect(within(table).getAllByRole('row')).toHaveLength(2); // the header and the group
    within(group).getByRole('button', { name: 'Show the 5 clients' }).click();
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(7));
    expect(table.textContent).toContain('Carrier 5 Telephone');
    expect(within(group).getByRole('button', { name: 'Hide the clients' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('lists an open breach clock, overdue first, with counts and the season certification', async () => {
    const mesa = await client('Mesa Rural Telephone Co.', '823456');
    await client('Prairie Telephone Cooperative', '812345');
    const today = todayLocal();
    const determinedOn = addDays(today, -30); // agency notice long overdue
    const saved = await saveRecord('breach', mesa, { discoveredOn: determinedOn, determinedOn, cpniInvolved: 'Call detail records' });
    expect(saved.ok).toBe(true);

    render(() => <Route path="/" component={Dashboard} />, { location: '/' });
    const table = await screen.findByTestId('deadlines');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]!.textContent).toContain('Breach notice to the USSS and FBI');
    expect(rows[0]!.textContent).toContain('Mesa Rural Telephone Co.');
    expect(rows[0]!.textContent).toContain('Overdue');
    expect(rows[0]!.textContent).toContain(formatWithWeekday(addBusinessDays(determinedOn, 7)));
    expect(rows[0]!.textContent).toContain('§ 64.2011(b)');
    expect(within(screen.getByTestId('status-counts')).getByText('overdue').parentElement!.textContent).toMatch(/^1 overdue/);

    const season = screen.getByTestId('certification-season');
    expect(within(season).getByText('Mesa Rural Telephone Co.')).toBeTruthy();
    expect(within(season).getAllByText('Not started')).toHaveLength(2);
  });

  it('says a certification is signed on its signature date, never on the planned date filed still to come', async () => {
    const mesa = await client('Mesa Rural Telephone Co.', '823456');
    const today = todayLocal();
    const season = filingSeason(today, { calendar: 'fcc', closures: [] });
    const signed = addDays(today, -1);
    const planned = addDays(today, 10);
    const created = await createCertification({ ...newCertification((await getClient(mesa))!, season), signatureDate: signed, dateFiled: planned });
    if (!created.ok) throw new Error(created.message);
    await markReady(created.id, (await getCertification(created.id))!);
    const content = { documents: [], facts: {} as SignedFacts };
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const result = await signCertification(created.id, (await getCertification(created.id))!.rev!, {
      appVersion: '0.1.0', content, contentHash: contentHashOf(content), sources: {} as PackageSources, files: { single: [signedFile('p.pdf', bytes)], separate: [] },
    });
    expect(result.ok).toBe(true);

    render(() => <Route path="/" component={Dashboard} />, { location: '/' });
    const card = await screen.findByTestId('certification-season');
    await waitFor(() => expect(card.textContent).toContain(`Signed on ${formatLong(signed)}`));
    expect(card.textContent).not.toContain(formatLong(planned));
    expect(card.textContent).not.toMatch(/lint/i);
  });

  it('says what to do first when there is no client', async () => {
    render(() => <Route path="/" component={Dashboard} />, { location: '/' });
    expect(await screen.findByText('Start with a client')).toBeTruthy();
  });

  it('reminds the user to back up until a backup has been made', async () => {
    await client('Mesa Rural Telephone Co.', '823456');
    render(() => <Route path="/" component={Dashboard} />, { location: '/' });
    expect((await screen.findByTestId('backup-reminder')).textContent).toContain('No backup of this data has been made yet.');
    await markBackedUp();
    await waitFor(() => expect(screen.queryByTestId('backup-reminder')).toBeNull());
    // A recent backup, but 100 changes since: the reminder is back, counting them.
    await new Promise((r) => setTimeout(r, 5));
    await logChanges(Array.from({ length: 100 }, (_, i) => ({ entity: 'client' as const, entityId: `c${i}`, action: 'update' as const, summary: `Edit ${i}` })));
    await waitFor(() => expect(screen.getByTestId('backup-reminder').textContent).toContain('The last backup was made today; 100 changes have been made since.'));
  });
});

