import { DEFAULT_SETTINGS, settingsSchema, validate, type Settings } from '../domain/schema';
import { db } from './database';
import { logChange } from './change-log';
import { createLiveQuery } from './live';
import type { SaveResult } from './clients';

export async function getSettings(): Promise<Settings> {
  const row = await db().settings.get('app');
  if (!row) return DEFAULT_SETTINGS;
  const rest: Partial<typeof row> = { ...row };
  delete rest.key;
  return { ...DEFAULT_SETTINGS, ...rest };
}

/** Merges a change into the settings after validating the whole result. */
/** `at` dates the change-log entry (the backup stamp's entry carries the backup's own instant, so it is not counted as a change since). */
export async function updateSettings(change: Partial<Settings>, summary = 'Updated settings', at?: string): Promise<SaveResult> {
  const database = db();
  return database.transaction('rw', database.settings, database.changeLog, async () => {
    const next = validate(settingsSchema, { ...(await getSettings()), ...change });
    if (!next.ok) return next;
    await database.settings.put({ ...next.value, key: 'app' });
    await logChange({ entity: 'settings', entityId: 'app', action: 'update', summary, ...(at ? { at } : {}) });
    return { ok: true, id: 'app' };
  });
}

export function createSettingsQuery() {
  return createLiveQuery(() => getSettings(), DEFAULT_SETTINGS);
}
