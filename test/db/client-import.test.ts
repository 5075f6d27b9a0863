// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { getClient, listClients, saveClient } from '../../src/db/clients';
import { applyClientImport } from '../../src/db/client-import';
import { parseClientsCsv } from '../../src/features/clients/clients-csv';

beforeEach(() => useDatabase(new CpniDatabase(`client-import-${crypto.randomUUID()}`)));

async function plan(csv: string) {
  const report = parseClientsCsv(csv, await listClients());
  return {
    added: report.rows.flatMap((r) => (r.action === 'new' && r.value ? [r.value] : [])),
    updated: report.rows.flatMap((r) => (r.action === 'update' && r.value && r.existing ? [{ existing: r.existing, value: r.value }] : [])),
  };
}

describe('applying a client import', () => {
  it('adds and updates in one go, logging each change', async () => {
    const saved = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456', notes: 'keep me' });
    if (!saved.ok) throw new Error('not saved');
    const result = await applyClientImport(await plan('legal_name,filer_id,city\nMesa Rural Telephone Co.,823456,Tempe\nHigh Plains Tel,823499,Colby\n'));
    expect(result).toEqual({ added: 1, updated: 1 });
    expect(await getClient(saved.id)).toMatchObject({ notes: 'keep me', address: { city: 'Tempe' } });
    expect((await listClients()).map((c) => c.legalName)).toEqual(['High Plains Tel', 'Mesa Rural Telephone Co.']);
    expect((await db().changeLog.toArray()).map((e) => e.summary)).toEqual(
      expect.arrayContaining(['Imported High Plains Tel from a CSV file', 'Updated Mesa Rural Telephone Co. from a CSV file']),
    );
  });

  it('writes nothing when a client it updates changed after the preview, and says so', async () => {
    const saved = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
    if (!saved.ok) throw new Error('not saved');
    const planned = await plan('legal_name,filer_id,city\nMesa Rural Telephone Co.,823456,Tempe\nHigh Plains Tel,823499,Colby\n');
    await new Promise((r) => setTimeout(r, 5));
    await saveClient({ legalName: 'Mesa Rural Telephone Cooperative', filerId: '823456' }, saved.id);
    await expect(applyClientImport(planned)).rejects.toThrow(/Mesa Rural Telephone Co\. was changed since the preview/);
    expect((await listClients()).map((c) => c.legalName)).toEqual(['Mesa Rural Telephone Cooperative']);
  });

  it('writes nothing when a new client’s Filer ID was taken after the preview', async () => {
    const planned = await plan('legal_name,filer_id\nHigh Plains Tel,823499\nAcme Tel,823111\n');
    await saveClient({ legalName: 'High Plains Telephone', filerId: '823499' });
    await expect(applyClientImport(planned)).rejects.toThrow(/Filer ID 823499 was added since the preview/);
    expect(await listClients()).toHaveLength(1);
  });
});
