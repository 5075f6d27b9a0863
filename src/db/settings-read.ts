/** Reading the settings: apart from their schema and their writes, so the app shell can read them at startup. */
import { DEFAULT_SETTINGS } from '../domain/settings-defaults';
import type { Settings } from '../domain/schema';
import { db } from './database';
import { createLiveValue } from './live-value';
import { liveSource } from './live-source';

export async function getSettings(): Promise<Settings> {
  const row = await db().settings.get('app');
  if (!row) return structuredClone(DEFAULT_SETTINGS);
  const rest: Partial<typeof row> = { ...row };
  delete rest.key;
  return { ...DEFAULT_SETTINGS, ...rest };
}

/** The settings, read once for the shell and every screen that shows them. */
export const settingsSource = liveSource(getSettings);

export function createSettingsQuery() {
  return createLiveValue({ shared: () => settingsSource }, DEFAULT_SETTINGS);
}
