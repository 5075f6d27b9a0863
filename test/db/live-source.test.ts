// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRoot } from 'solid-js';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { liveSource, type Snapshot } from '../../src/db/live-source';
import { createLiveValue } from '../../src/db/live-value';
import { saveClient } from '../../src/db/clients';

beforeEach(() => useDatabase(new CpniDatabase(`live-source-${crypto.randomUUID()}`)));
afterEach(() => vi.useRealTimers());

const until = async (check: () => boolean) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('a shared live source', () => {
  it('reads once for a preload and every screen that then shows it, and follows writes', async () => {
    // The database opened and settled first: its opening is not what is counted.
    await db().clients.toArray();
    let reads = 0;
    const source = liveSource(() => {
      reads += 1;
      return db().clients.toArray();
    });
    source.preload();
    await until(() => source.latest !== undefined);
    await new Promise((r) => setTimeout(r, 50));
    const preloaded = reads;
    expect(preloaded).toBeGreaterThan(0);
    await createRoot(async (dispose) => {
      // A screen mounting after the preload starts with the value, in its first render.
      const a = createLiveValue({ shared: () => source }, [] as unknown[]);
      const b = createLiveValue({ shared: () => source }, [] as unknown[]);
      expect(a.loading).toBe(false);
      expect(b.loading).toBe(false);
      expect(reads).toBe(preloaded);
      const saved = await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
      expect(saved.ok).toBe(true);
      await until(() => a.value.length === 1 && b.value.length === 1);
      // One read for the write, not one per screen.
      expect(reads).toBe(preloaded + 1);
      dispose();
    });
  });

  it('stops some time after its last listener leaves, and forgets what it read', async () => {
    const source = liveSource(() => db().clients.toArray());
    const seen: Snapshot<unknown[]>[] = [];
    const stop = source.subscribe((s) => seen.push(s));
    await until(() => seen.length === 1);
    stop();
    expect(source.latest).toBeDefined();
    await until(() => source.latest === undefined);
  });

  it('shows nothing read from a database that has since been replaced', async () => {
    const source = liveSource(() => db().clients.toArray());
    await saveClient({ legalName: 'Mesa Rural Telephone Co.', filerId: '823456' });
    const stop = source.subscribe(() => undefined);
    await until(() => (source.latest as { value?: unknown[] } | undefined)?.value?.length === 1);
    useDatabase(new CpniDatabase(`live-source-${crypto.randomUUID()}`));
    expect(source.latest).toBeUndefined();
    const seen: Snapshot<unknown[]>[] = [];
    const again = source.subscribe((s) => seen.push(s));
    await until(() => seen.length > 0);
    expect(seen.at(-1)).toEqual({ value: [] });
    again();
    stop();
  });

  it('reports a failed read, and reads again for the next listener', async () => {
    let fail = true;
    const source = liveSource(async () => {
      if (fail) throw new Error('The disk is full.');
      return db().clients.toArray();
    });
    const seen: Snapshot<unknown[]>[] = [];
    const stop = source.subscribe((s) => seen.push(s));
    await until(() => seen.length === 1);
    expect(seen[0]).toEqual({ error: new Error('The disk is full.') });
    fail = false;
    const later: Snapshot<unknown[]>[] = [];
    const again = source.subscribe((s) => later.push(s));
    await until(() => later.some((s) => 'value' in s));
    stop();
    again();
  });
});
