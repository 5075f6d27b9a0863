// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CpniDatabase, useDatabase } from '../../src/db/database';
import { getClient, saveClient } from '../../src/db/clients';
import { saveRecord } from '../../src/db/records';
import { createCertification } from '../../src/db/certifications';
import { loadDashboard } from '../../src/db/dashboard';
import { newCertification } from '../../src/domain/certification-record';

beforeEach(() => useDatabase(new CpniDatabase(`dashboard-${crypto.randomUUID()}`)));

describe('what the dashboard reads', () => {
  it('the clients, each certification’s progress from its summary, the settings and the live clocked records', async () => {
    const saved = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456', officers: [{ id: 'o1', name: 'Ana Ruiz', title: 'President', isDefaultSignatory: true }] });
    if (!saved.ok) throw new Error('client');
    const created = await createCertification(newCertification((await getClient(saved.id))!, 2027));
    if (!created.ok) throw new Error(created.message);
    const breach = await saveRecord('breach', saved.id, { discoveredOn: '2026-11-02', determinedOn: '2026-11-03', cpniInvolved: 'Call detail records' });
    expect(breach.ok).toBe(true);

    const data = await loadDashboard();
    expect(data.clients.map((c) => c.legalName)).toEqual(['Mesa Rural Telephone Co.']);
    expect(data.certifications).toEqual([expect.objectContaining({ clientId: saved.id, certificationYear: 2027, status: 'draft' })]);
    expect(data.clockedCount).toBe(1);
    expect(data.clocked.map((r) => r.kind)).toEqual(['breach']);
    expect(data.settings.firstRunDone).toBeDefined();
  });
});
