import { settingsSchema, validate, type Settings } from '../domain/schema';
import { db } from './database';
import { logChange } from './change-log';
import { getSettings } from './settings-read';
import type { SaveResult } from './clients';

export { createSettingsQuery, getSettings } from './settings-read';

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
