// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KDF_ITERATIONS, canonicalJson, decryptBackup, encryptBackup, isEncryptedBackup } from '../../src/domain/backup-crypto';

const envelope = {
  type: 'cpni-desk-backup', version: 1, schemaVersion: 3, createdAt: '2026-12-02T10:00:00.000Z', app: 'CPNI Desk',
  counts: { clients: 1, preparers: 0, records: 0, certifications: 0 },
  data: { clients: [{ id: 'c1', legalName: 'Mesa Rural Telephone Co.', notes: 'her spouse obtained her call records' }], preparers: [], records: [], certifications: [], settings: {} },
};
const FAST = 1_000; // rounds for tests; the app writes KDF_ITERATIONS

describe('encrypted backups', () => {
  it('keeps the envelope readable, hides the rows, and decrypts back to the same backup', async () => {
    const file = await encryptBackup(envelope, 'correct horse battery staple', FAST);
    expect(isEncryptedBackup(file)).toBe(true);
    expect(file).toMatchObject({ type: 'cpni-desk-backup', counts: envelope.counts, encrypted: true, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: FAST }, cipher: { name: 'AES-GCM' } });
    expect(file).not.toHaveProperty('data');
    const text = JSON.stringify(file);
    expect(text).not.toContain('Mesa Rural');
    expect(text).not.toContain('spouse');
    expect(await decryptBackup(JSON.parse(text), 'correct horse battery staple')).toEqual({ ok: true, envelope });
  });

  it('uses a fresh 16-byte salt and 96-bit IV each time, and 600,000 rounds by default', async () => {
    const a = await encryptBackup(envelope, 'p', FAST);
    const b = await encryptBackup(envelope, 'p', FAST);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
    expect(atob(a.kdf.salt)).toHaveLength(16);
    expect(atob(a.cipher.iv)).toHaveLength(12);
    expect(KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('refuses a wrong passphrase, and an empty one, in words', async () => {
    const file = await encryptBackup(envelope, 'right', FAST);
    expect(await decryptBackup(file, 'wrong')).toEqual({ ok: false, problem: 'The passphrase is wrong, or the file was changed after it was made. Nothing was restored.' });
    expect(await decryptBackup(file, '')).toEqual({ ok: false, problem: 'This backup is encrypted: enter its passphrase.' });
  });

  it('refuses a file changed anywhere, the readable header included, or cut short (fast-check)', async () => {
    const file = await encryptBackup(envelope, 'right', FAST);
    const bits = (b64: string, index: number, bit: number) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      bytes[index % bytes.length]! ^= 1 << bit;
      return btoa(String.fromCharCode(...bytes));
    };
    const mutations = fc.oneof(
      fc.record({ at: fc.constant('ciphertext'), index: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ at: fc.constant('iv'), index: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ at: fc.constant('salt'), index: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ at: fc.constant('counts'), index: fc.nat({ max: 1000 }), bit: fc.constant(0) }),
      fc.record({ at: fc.constant('createdAt'), index: fc.nat({ max: 9 }), bit: fc.constant(0) }),
      fc.record({ at: fc.constant('truncate'), index: fc.nat(), bit: fc.constant(0) }),
    );
    await fc.assert(
      fc.asyncProperty(mutations, async ({ at, index, bit }) => {
        const changed = structuredClone(file) as typeof file;
        if (at === 'ciphertext') changed.ciphertext = bits(file.ciphertext, index, bit);
        if (at === 'iv') changed.cipher.iv = bits(file.cipher.iv, index, bit);
        if (at === 'salt') changed.kdf.salt = bits(file.kdf.salt, index, bit);
        if (at === 'counts') changed.counts = { ...(file.counts as object), records: index + 1 };
        if (at === 'createdAt') changed.createdAt = `202${index}-01-01T00:00:00.000Z`;
        if (at === 'truncate') {
          const raw = atob(file.ciphertext);
          changed.ciphertext = btoa(raw.slice(0, index % raw.length));
        }
        const result = await decryptBackup(changed, 'right');
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problem).toMatch(/wrong|changed|damaged|cut short/);
      }),
      { numRuns: 1_000 },
    );
  }, 120_000);

  it('refuses key-derivation settings it would not write, before deriving anything', async () => {
    const file = await encryptBackup(envelope, 'right', FAST);
    expect(await decryptBackup({ ...file, kdf: { ...file.kdf, iterations: 1e12 } }, 'right')).toMatchObject({ ok: false, problem: expect.stringMatching(/key-derivation rounds/) });
    expect(await decryptBackup({ ...file, kdf: { ...file.kdf, hash: 'SHA-1' } }, 'right')).toMatchObject({ ok: false, problem: expect.stringMatching(/PBKDF2-SHA-256/) });
    expect(await decryptBackup({ ...file, cipher: { name: 'AES-CBC', iv: file.cipher.iv } }, 'right')).toMatchObject({ ok: false, problem: expect.stringMatching(/AES-GCM/) });
  });

  it('authenticates the header as canonical JSON, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"e":3,"f":2}]},"b":1}');
  });
});
