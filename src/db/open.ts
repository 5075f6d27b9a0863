/**
 * Opening the database, with every way it can fail reported in words: storage turned off
 * (private windows, blocked site data), a disk error, a newer version saved by another tab,
 * or another tab holding an old version open (the upgrade is then "blocked").
 */
import { BLOCKED_BY_OTHER_TAB, describeStorageError, type StorageProblem } from '../domain/storage-errors';
import { db } from './database';

export type OpenState = { state: 'opening' } | { state: 'open' } | { state: 'blocked'; problem: StorageProblem } | { state: 'failed'; problem: StorageProblem };

/** Set when `startOpening` began the opening and another tab blocked it before anyone listened. */
let blockedEarly = false;

/**
 * Starts opening the database now, so IndexedDB works on it while the app renders its shell;
 * `openDatabase` then picks up the same opening (Dexie's `open()` joins one in progress).
 */
export function startOpening(): void {
  if (typeof indexedDB === 'undefined') return;
  const database = db();
  const onBlocked = () => (blockedEarly = true);
  database.on('blocked', onBlocked);
  database
    .open()
    .catch(() => undefined)
    .finally(() => database.on('blocked').unsubscribe(onBlocked));
}

/**
 * Opens the database and tells `onState` how it goes: 'blocked' while another tab holds an
 * older version (then 'open' once it lets go), 'failed' with the reason in words.
 */
export async function openDatabase(onState: (s: OpenState) => void): Promise<void> {
  const database = db();
  onState({ state: 'opening' });
  const onBlocked = () => onState({ state: 'blocked', problem: BLOCKED_BY_OTHER_TAB });
  database.on('blocked', onBlocked);
  if (blockedEarly && !database.isOpen()) onBlocked();
  try {
    if (typeof indexedDB === 'undefined') throw Object.assign(new Error('IndexedDB is not available in this browser.'), { name: 'MissingAPIError' });
    await database.open();
    onState({ state: 'open' });
  } catch (error) {
    onState({ state: 'failed', problem: describeStorageError(error, 'open your records') });
  } finally {
    database.on('blocked').unsubscribe(onBlocked);
  }
}
