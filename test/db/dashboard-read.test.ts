// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CpniDatabase, db, useDatabase, type ProgressKey } from '../../src/db/database';
import { getClient, saveClient } from '../../src/db/clients';
import { saveRecord } from '../../src/db/records';
import { createCertification } from '../../src/db/certifications';
import { loadDashboard } from '../../src/db/dashboard';
import { readIndexKeys } from '../../src/db/index-keys';
import { newCertification } from '../../src/domain/certification-record';

beforeEach(() => useDatabase(new CpniDatabase(`dashboard-${crypto.randomUUID()}`)));

describe('what the dashboard reads', () => {
  it('the clients, each certification’s progress from the index, the settings and the live clocked records', async () => {
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

  it('refuses to read index keys inside a transaction, which would commit under it', async () => {
    const database = db();
    await expect(database.transaction('r', database.certifications, () => readIndexKeys(database.certifications, 'progressKey'))).rejects.toThrow('outside a Dexie transaction');
  });

  it('reads every index key once, in index order, whatever the ids look like', async () => {
    const database = db();
    // UUID-like ids, and ids no app version makes: upper case, past "f", digits only, not ASCII.
    const clientIds = ['0f1c', '1a', '9z', 'A1', 'F', 'f0', 'ffff', 'g-1', 'zz', 'client-3', '00', '1', 'é'];
    const client = (await getClient((await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' }) as { id: string }).id))!;
    for (const [i, clientId] of clientIds.entries()) {
      const made = await createCertification({ ...newCertification({ ...client, id: clientId }, 2020 + (i % 5)) });
      expect(made.ok).toBe(true);
    }
    const viaDexie = await database.certifications.orderBy('progressKey').primaryKeys();
    const read = await readIndexKeys<ProgressKey>(database.certifications, 'progressKey');
    expect(read.map((k) => k.primaryKey)).toEqual(viaDexie);
    expect(read.map((k) => k.key[0]).sort()).toEqual([...clientIds].sort());
  });
});
