// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Bytes, concatBytes, JsonListWriter, jsonWithLastField, strictBase64ToBytes, Utf8Buffer } from '../../src/domain/backup-bytes';
import { base64ToBytes, bytesToBase64 } from '../../src/domain/backup';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('backup bytes: what older versions of the app read', () => {
  it('writes base64 exactly as btoa does, for every length and byte', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 151 + n * 7) & 255);
      expect(text(base64Bytes(bytes))).toBe(bytesToBase64(bytes));
    }
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => text(base64Bytes(bytes)) === bytesToBase64(bytes)), { numRuns: 500 });
  });

  it('writes a list page by page as the JSON.stringify of the whole list, whatever the text', () => {
    const row = fc.record({ id: fc.string(), note: fc.string({ unit: 'binary' }), n: fc.oneof(fc.integer(), fc.double()), gone: fc.option(fc.constant(undefined)), tags: fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 6 }), { maxLength: 6 }), (pages) => {
        const list = new JsonListWriter();
        for (const page of pages) list.add(page);
        expect(text(list.finish())).toBe(JSON.stringify(pages.flat()));
        expect(list.count).toBe(pages.flat().length);
      }),
      { numRuns: 120 },
    );
    expect(text(new JsonListWriter().finish())).toBe('[]');
  });

  it('grows its buffer past any size, characters outside the Basic Multilingual Plane included', () => {
    const out = new Utf8Buffer(4);
    const parts = ['{"a":', '“Café” ', '😀'.repeat(5_000), 'x'.repeat(100_000), '§ 64.2009', '}'];
    for (const part of parts) out.text(part);
    expect(text(out.bytes())).toBe(parts.join(''));
    expect(out.length).toBe(new TextEncoder().encode(parts.join('')).length);
  });

  it('puts a field already written as bytes last in an object, as JSON.stringify would', () => {
    const head = { type: 'cpni-desk-backup', counts: { clients: 2 }, note: 'ü "quoted"' };
    const joined = (parts: Uint8Array[]) => text(concatBytes(parts));
    expect(joined(jsonWithLastField(head, 'data', new TextEncoder().encode('{"x":[1,"é"]}')))).toBe(JSON.stringify({ ...head, data: { x: [1, 'é'] } }));
    expect(joined(jsonWithLastField(head, 'ciphertext', new TextEncoder().encode('AAEC'), true))).toBe(JSON.stringify({ ...head, ciphertext: 'AAEC' }));
    expect(joined(jsonWithLastField({}, 'data', new TextEncoder().encode('[]')))).toBe('{"data":[]}');
    expect(() => jsonWithLastField(head, 'note', new Uint8Array())).toThrow();
  });

  it('reads base64 back, and refuses exactly what the earlier check (/^[A-Za-z0-9+/]*={0,2}$/, then atob) refused', () => {
    const earlier = (text: string) => (text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text) ? base64ToBytes(text) : undefined);
    const same = (text: string) => {
      expect(strictBase64ToBytes(text)).toEqual(earlier(text));
    };
    for (const text of ['', '====', 'A===', 'AA==', 'AB==', 'AAA=', 'AB=C', 'AAAA', 'AAAAA', 'AA=A', 'AAAA====', ' AAA', 'AAA\n', 'ÀAAA', 'AA😀']) same(text);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
          expect(strictBase64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
        }), { numRuns: 300 });
    // Valid base64 with one character changed, added or removed, and strings of base64-like characters.
    const damaged = fc.tuple(fc.uint8Array({ maxLength: 40 }), fc.nat(), fc.constantFrom('=', 'A', '/', '-', '_', ' ', '\n', 'é', ''), fc.constantFrom('replace', 'insert', 'drop')).map(([bytes, at, ch, how]) => {
      const text = bytesToBase64(bytes);
      const i = text.length ? at % text.length : 0;
      return how === 'replace' ? text.slice(0, i) + ch + text.slice(i + 1) : how === 'insert' ? text.slice(0, i) + ch + text.slice(i) : text.slice(0, i) + text.slice(i + 1);
    });
    fc.assert(fc.property(fc.oneof(damaged, fc.string({ unit: fc.constantFrom('A', 'b', '9', '+', '/', '=', '-') })), same), { numRuns: 1_000 });
  });
});
