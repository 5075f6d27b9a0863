// @vitest-environment node
/**
 * A thousand hostile backups: each one holds at least one defect a restore must refuse (wrong
 * types, lists for objects, impossible instants, ids with spaces, dangling links, newer
 * versions, deep nesting, another encoding), under noise (`__proto__`, `constructor` and random
 * keys anywhere). After each: the file is refused in words, every table is as it was, and no
 * prototype was touched.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { saveClient } from '../../src/db/clients';
import { savePreparer } from '../../src/db/preparers';
import { saveRecord } from '../../src/db/records';
import { createCertification } from '../../src/db/certifications';
import { CURRENT_SCHEMA_VERSION, makeBackup, restoreBackup } from '../../src/db/backup';
import { parseBackup } from '../../src/domain/backup';
import { newCertification } from '../../src/domain/certification-record';
import { updateSettings } from '../../src/db/settings';

type Json = Record<string, unknown>;
const TABLES = ['clients', 'preparers', 'settings', 'records', 'certifications', 'signedPackages', 'changeLog'] as const;

async function tables(): Promise<string> {
  const d = db();
  const all = await Promise.all(TABLES.map((t) => d.table(t).toArray()));
  return JSON.stringify(all);
}

let valid: Json;
let before = '';

beforeAll(async () => {
  useDatabase(new CpniDatabase(`fuzz-${crypto.randomUUID()}`));
  const c = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456', officers: [{ id: 'o1', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }], services: ['wireline'] });
  if (!c.ok) throw new Error('seed');
  await savePreparer({ name: 'Jordan Fields' });
  await updateSettings({ dueSoonDays: 21 });
  await saveRecord('training', c.id, { heldOn: '2026-02-02', topic: 'CPNI basics' });
  await saveRecord('complaint', c.id, { receivedOn: '2026-01-15', category: 'other', summary: 'Billing question' });
  const client = (await db().clients.get(c.id))!;
  await createCertification({ ...newCertification(client, 2027), sectionEdits: { training: 'Trained twice.' } });
  valid = JSON.parse(await makeBackup('2026-07-01T12:00:00.000Z')) as Json;
  before = await tables();
  // The untouched file is accepted: the defects below are what the restore refuses.
  expect(parseBackup(JSON.stringify(valid), { schemaVersion: CURRENT_SCHEMA_VERSION }).ok).toBe(true);
});

const data = (b: Json) => b.data as Record<string, Json[]> & { settings: Json };
/** The list's first row, or a stand-in when an earlier defect replaced the list. */
const first = (b: Json, list: string): Json => {
  const rows = data(b)[list] as unknown;
  return Array.isArray(rows) && typeof rows[0] === 'object' && rows[0] !== null ? (rows[0] as Json) : {};
};
const nest = (depth: number): unknown => {
  let x: unknown = 'x';
  for (let i = 0; i < depth; i++) x = { a: x };
  return x;
};

const impossibleInstant = fc.constantFrom('2026-02-30T10:00:00.000Z', '2026-01-05T24:00:00Z', '2026-13-01T00:00:00Z', '2026-01-05T10:60:00Z', '2026-02-29T00:00:00Z', '20260105T100000Z', '');
const notAnObject = fc.oneof(fc.constant([]), fc.constant(null), fc.integer(), fc.string(), fc.boolean(), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }));
const listOf = <T>(x: fc.Arbitrary<T>) => fc.array(x, { minLength: 1, maxLength: 3 });

/** Each defect is a change that no accepted backup may hold. */
const defects: fc.Arbitrary<(b: Json) => void>[] = [
  impossibleInstant.map((at) => (b: Json) => void (first(b, 'clients').createdAt = at)),
  impossibleInstant.map((at) => (b: Json) => void (first(b, 'changeLog').at = at)),
  fc.constantFrom(' ', '\t', '\n', '\u0000').map((ws) => (b: Json) => void (first(b, 'records').clientId = `${first(b, 'records').clientId as string}${ws}`)),
  notAnObject.map((x) => (b: Json) => void (first(b, 'certifications').overrides = x)),
  notAnObject.filter((x) => x !== null).map((x) => (b: Json) => void (first(b, 'certifications').sectionEdits = Array.isArray(x) ? x : [x])),
  fc.oneof(fc.integer(), fc.boolean(), fc.constant([]), fc.constant({})).map((x) => (b: Json) => {
    const answers = first(b, 'certifications').answers as Json;
    answers.values = { training: { who: x } };
  }),
  fc.string().filter((k) => !['breach', 'campaign', 'disclosure', 'approval', 'notice', 'supervisoryReview', 'training', 'complaint', 'dataBrokerAction', 'pretexting', 'optOutFailure'].includes(k)).map((k) => (b: Json) => void (first(b, 'records').kind = k)),
  fc.uuid().map((id) => (b: Json) => void (first(b, 'certifications').preparerId = id)),
  fc.uuid().map((id) => (b: Json) => void (first(b, 'certifications').rolledFromId = id)),
  fc.constant((b: Json) => {
    const preparers = data(b).preparers as unknown;
    if (!Array.isArray(preparers)) return;
    preparers.push({ ...first(b, 'preparers'), id: 'second-default', isDefault: true });
    (b.counts as Json).preparers = preparers.length;
  }),
  fc.constant((b: Json) => void (first(b, 'clients').officers = [{ id: 'o1', name: 'A', title: 'President' }, { id: 'o1', name: 'B', title: 'Secretary' }])),
  fc.integer({ min: 3, max: 1e6 }).map((n) => (b: Json) => void (b.version = n)),
  fc.tuple(fc.constantFrom('clients', 'preparers', 'records', 'certifications'), fc.integer({ min: 3, max: 1e6 })).map(([list, n]) => (b: Json) => void (first(b, list).entityVersion = n)),
  fc.integer({ min: 65, max: 400 }).map((depth) => (b: Json) => void (first(b, 'clients').notes = nest(depth))),
  fc.oneof(fc.integer({ max: 0 }), fc.string(), fc.constant(null)).map((x) => (b: Json) => void (data(b).settings.dueSoonDays = x)),
  notAnObject.filter((x) => !Array.isArray(x)).map((x) => (b: Json) => void (data(b).records = x as never)),
  fc.oneof(fc.integer({ max: 0 }), fc.constant(1.5), fc.string()).map((x) => (b: Json) => void (first(b, 'clients').rev = x)),
];

const KEYS = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'), fc.string({ maxLength: 8 }));
const noise = fc.array(fc.tuple(fc.constantFrom('clients', 'preparers', 'records', 'certifications', 'changeLog'), KEYS, fc.jsonValue({ maxDepth: 3 })), { maxLength: 4 });

/** The file as text; `__proto__` keys are written into the JSON itself, where JSON.parse makes them own keys. */
function fileText(b: Json, extra: [string, string, unknown][]): string {
  let text = JSON.stringify(b);
  for (const [list, key, value] of extra) {
    const at = text.indexOf(`"${list}":[{`);
    if (at < 0) continue;
    const insert = at + `"${list}":[{`.length;
    text = `${text.slice(0, insert)}${JSON.stringify(key)}:${JSON.stringify(value)},${text.slice(insert)}`;
  }
  return text;
}

// eslint-disable-next-line no-control-regex -- a NUL in a message is exactly what must not be there
const inWords = (p: string) => typeof p === 'string' && /[A-Za-z]{3}/.test(p) && !/\[object|\u0000|undefined|NaN|Invalid type:/.test(p);

describe('hostile backups', () => {
  it('refuses each of 1,000 hostile files in words, leaving every table and every prototype as it was', async () => {
    await fc.assert(
      fc.asyncProperty(listOf(fc.oneof(...defects)), noise, fc.constantFrom('utf-8', 'utf-16'), async (changes, extra, encoding) => {
        const b = structuredClone(valid);
        for (const change of changes) change(b);
        const text = fileText(b, extra);
        const bytes =
          encoding === 'utf-8' ? new TextEncoder().encode(text) : new Uint8Array([0xff, 0xfe, ...[...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
        const result = parseBackup(bytes, { schemaVersion: CURRENT_SCHEMA_VERSION });
        // The app's path: a file that checks out would be restored.
        if (result.ok) await restoreBackup(result.backup).catch(() => undefined);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) expect(inWords(p), p).toBe(true);
        }
        expect(Object.keys(Object.prototype)).toEqual([]);
        expect(({} as Json).polluted).toBeUndefined();
        expect(await tables()).toBe(before);
      }),
      { numRuns: 1000, seed: 20261202 },
    );
  });

  it('refuses random bytes and random JSON as not a backup', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.jsonValue().map((j) => new TextEncoder().encode(JSON.stringify(j) ?? ''))), (bytes) => {
        const result = parseBackup(bytes, { schemaVersion: CURRENT_SCHEMA_VERSION });
        expect(result.ok).toBe(false);
        if (!result.ok) for (const p of result.problems) expect(inWords(p), p).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
