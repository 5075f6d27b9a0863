/**
 * Form drafts kept in this browser (localStorage) while the user types, so a reload, a crash or
 * an app update never loses what was typed. One draft per form and entity, under a key such as
 * `client:new`, `client:<id>`, `record:new:<kind>:<clientId>`, `record:<id>`,
 * `certification:<id>` or `preparer:<id>`. Drafts never leave this device and are not in backups.
 */

const PREFIX = 'cpni-desk:draft:';
const FORMAT = 1;
/** A draft larger than this is not kept (forms are small; a pasted image or book is not a draft). */
export const MAX_DRAFT_CHARS = 200_000;

export interface StoredDraft<T> {
  /** When it was saved (ISO timestamp). */
  savedAt: string;
  /** The stored revision the form started from (undefined for a new entity). */
  rev?: number;
  /** What the form held. */
  value: T;
  /** The stored values the form started from: the base of a conflict comparison. */
  base?: T;
}

interface Envelope<T> extends StoredDraft<T> {
  format: number;
}

export const DRAFTS_BLOCKED =
  'This browser does not let CPNI Desk keep drafts (site storage is blocked or turned off), so what you type here is lost if the tab reloads. Save the form to keep it.';
export const DRAFTS_FULL =
  "This browser's storage for CPNI Desk is full, so what you type here is not kept as a draft. Save the form to keep it, or free space (Settings → storage).";
export const DRAFT_TOO_LARGE = 'This form holds too much text to keep as a draft on this device. Save the form to keep it.';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // reading localStorage itself throws when site data is blocked
  }
}

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22);
}

/** Keeps the draft; returns why it could not be kept, in words, or undefined when it was. */
export function saveDraft<T>(key: string, draft: Omit<StoredDraft<T>, 'savedAt'> & { savedAt?: string }): string | undefined {
  const store = storage();
  if (!store) return DRAFTS_BLOCKED;
  const envelope: Envelope<T> = { format: FORMAT, savedAt: draft.savedAt ?? new Date().toISOString(), rev: draft.rev, value: draft.value, base: draft.base };
  const text = JSON.stringify(envelope);
  if (text.length > MAX_DRAFT_CHARS) {
    clearDraft(key); // an older, smaller draft would be offered back as if it were current
    return DRAFT_TOO_LARGE;
  }
  try {
    store.setItem(PREFIX + key, text);
    return undefined;
  } catch (e) {
    return isQuotaError(e) ? DRAFTS_FULL : DRAFTS_BLOCKED;
  }
}

/** The draft kept for this form, or undefined (none, unreadable, or from a newer format). */
export function loadDraft<T>(key: string): StoredDraft<T> | undefined {
  const store = storage();
  if (!store) return undefined;
  let text: string | null;
  try {
    text = store.getItem(PREFIX + key);
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<Envelope<T>>;
    if (parsed.format !== FORMAT || typeof parsed.savedAt !== 'string' || parsed.value === undefined) return undefined;
    return { savedAt: parsed.savedAt, rev: typeof parsed.rev === 'number' ? parsed.rev : undefined, value: parsed.value, base: parsed.base };
  } catch {
    return undefined;
  }
}

export function hasDraft(key: string): boolean {
  return loadDraft(key) !== undefined;
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    // nothing kept, nothing to clear
  }
}

/** The keys of every draft kept in this browser. */
export function draftKeys(): string[] {
  const store = storage();
  if (!store) return [];
  const keys: string[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (k?.startsWith(PREFIX)) keys.push(k.slice(PREFIX.length));
    }
  } catch {
    return [];
  }
  return keys;
}

/** "2 Dec 2026, 12:38": when a draft was saved, in this browser's time zone. */
export function draftTime(savedAt: string): string {
  const d = new Date(savedAt);
  if (Number.isNaN(d.getTime())) return 'an earlier session';
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
