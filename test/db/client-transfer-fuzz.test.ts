// @vitest-environment node
/**
 * Hostile client files: a valid file with one defect (a row edited after export, a row or its
 * hash removed, a foreign scope, text cut short, a changed byte in an encrypted file, a wrong
 * passphrase). Each is refused in words before anything is written, and this device's tables
 * are exactly as they were.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { saveRecord } from '../../src/db/records';
import { exportClients, readClientFile } from '../../src/db/client-transfer';

type Json = Record<string, unknown>;
const TABLES = ['clients', 'preparers', 'settings', 'records', 'certifications', 'signedPackages', 'changeLog', 'syncBases'] as const;
const tables = async () => JSON.stringify(await Promise.all(TABLES.map((t) => db().table(t).toArray())));

let plain = '';
let sealed: Json = {};
let before = '';

beforeAll(async () => {
  useDatabase(new CpniDatabase(`ctf-${crypto.randomUUID()}`));
  const c = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
  if (!c.ok) throw new Error('seed');
  await saveRecord('training', c.id, { heldOn: '2026-02-02', topic: 'CPNI basics' });
  await saveRecord('complaint', c.id, { receivedOn: '2026-01-15', category: 'other', summary: 'Billing question' });
  plain = (await exportClients([c.id])).text;
  sealed = JSON.parse((await exportClients([c.id], { passphrase: 'right', iterations: 1000 })).text) as Json;
  // This device now holds someone else's state: the imports below must leave it as it is.
  await saveRecord('training', c.id, { heldOn: '2026-03-03', topic: 'Local only' });
  before = await tables();
  expect((await readClientFile(plain)).ok).toBe(true);
});

const LISTS = ['clients', 'records'] as const;

/** One defect applied to the plain file. */
const defect = fc.oneof(
  // A field of a row changed (or added) after export.
  fc.record({ kind: fc.constant('edit' as const), list: fc.constantFrom(...LISTS), index: fc.nat(5), field: fc.constantFrom('legalName', 'topic', 'heldOn', 'id', 'clientId', 'rev', 'updatedAt', 'filerId', 'kind', 'extra', '__proto__'), value: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.object()) }),
  fc.record({ kind: fc.constant('remove' as const), list: fc.constantFrom(...LISTS), index: fc.nat(5) }),
  fc.record({ kind: fc.constant('unhash' as const), index: fc.nat(5) }),
  fc.record({ kind: fc.constant('scope' as const), scope: fc.oneof(fc.string(), fc.constant('all'), fc.integer()) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function apply(d: { kind: string; [k: string]: unknown }): string {
  if (d.kind === 'truncate') return plain.slice(0, (d.at as number) % (plain.length - 1));
  const file = JSON.parse(plain) as Json & { data: Json & { rows: Json } };
  if (d.kind === 'scope') {
    file.scope = d.scope === 'clients' ? 'client' : d.scope;
    return JSON.stringify(file);
  }
  if (d.kind === 'unhash') {
    const keys = Object.keys(file.data.rows);
    delete file.data.rows[keys[(d.index as number) % keys.length]!];
    return JSON.stringify(file);
  }
  const rows = file.data[d.list as string] as Json[];
  const i = (d.index as number) % rows.length;
  if (d.kind === 'remove') rows.splice(i, 1);
  else {
    const row = rows[i]!;
    const old = JSON.stringify(row[d.field as string]);
    Object.defineProperty(row, d.field as string, { value: JSON.stringify(d.value) === old ? { hostile: d.value } : d.value, enumerable: true, configurable: true, writable: true });
  }
  return JSON.stringify(file);
}

describe('hostile client files', () => {
  it('are refused in words and change nothing (1,000 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(defect, async (d) => {
        const result = await readClientFile(apply(d));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problems.length).toBeGreaterThan(0);
        for (const p of result.problems) {
          expect(p).toMatch(/(\b[a-z]{2,}\b.*){4}/i);
          expect(p).not.toMatch(/\[object Object\]|undefined|TypeError/);
        }
      }),
      { numRuns: 1000, seed: 20261202 },
    );
    expect(await tables()).toBe(before);
  }, 120_000);

  it('an encrypted file with a changed character, or the wrong passphrase, is refused (100 cases)', async () => {
    const fields = ['ciphertext', 'kdf.salt', 'cipher.iv', 'createdAt', 'scope', 'passphrase'] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.nat(), async (field, at) => {
        const file = structuredClone(sealed) as Json & { kdf: Json; cipher: Json };
        let passphrase = 'right';
        const flip = (s: string) => {
          const i = at % s.length;
          return `${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`;
        };
        if (field === 'passphrase') passphrase = 'wrong';
        else if (field === 'kdf.salt') file.kdf.salt = flip(String(file.kdf.salt));
        else if (field === 'cipher.iv') file.cipher.iv = flip(String(file.cipher.iv));
        else file[field] = flip(String(file[field]));
        const result = await readClientFile(JSON.stringify(file), passphrase);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems.join(' ')).toMatch(/passphrase is wrong|damaged|changed|not|cut short/);
      }),
      { numRuns: 100, seed: 7 },
    );
    expect(await tables()).toBe(before);
  }, 120_000);
});
