import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createRoot } from 'solid-js';
import { CpniDatabase, useDatabase } from '../../src/db/database';
import { createSettingsQuery, getSettings, updateSettings } from '../../src/db/settings';
import { DEFAULT_SETTINGS } from '../../src/domain/schema';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('live queries', () => {
  it('never write one database’s values into the shared defaults', async () => {
    const before = structuredClone(DEFAULT_SETTINGS);
    useDatabase(new CpniDatabase(`live-${crypto.randomUUID()}`));
    await updateSettings({ dueSoonDays: 45, lastBackupAt: '2026-01-01T00:00:00.000Z' });
    await createRoot(async (dispose) => {
      const settings = createSettingsQuery();
      await until(() => settings.value.dueSoonDays === 45);
      expect(settings.value.dueSoonDays).toBe(45);
      dispose();
    });
    expect(DEFAULT_SETTINGS).toEqual(before);
    useDatabase(new CpniDatabase(`live-${crypto.randomUUID()}`));
    expect(await getSettings()).toEqual(before);
  });
});
