/**
 * Storage failures in words: what happened and what to do. Every path that writes or opens the
 * database reports its failure through `describeStorageError`, so a full disk reads the same
 * on the archive button as in Settings. Errors are recognised by their standard names (the
 * IndexedDB DOMException names, and Dexie's wrappers of them), never by their message text.
 */

export interface StorageProblem {
  /** What went wrong, in one sentence. */
  title: string;
  /** What to do about it. */
  todo: string;
  /** The browser's own wording, for support; may be empty. */
  detail: string;
  kind: 'quota' | 'unavailable' | 'blocked' | 'newer' | 'closed' | 'disk' | 'other';
}

function namesOf(error: unknown): string[] {
  const names: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
    e = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return names;
}

function detailOf(error: unknown): string {
  if (error instanceof Error || (error && typeof error === 'object' && 'message' in error)) return String((error as { message: unknown }).message ?? '');
  return typeof error === 'string' ? error : '';
}

/** `doing`: what the user asked for, as a verb phrase ("archive the client"). */
export function describeStorageError(error: unknown, doing = 'save'): StorageProblem {
  const names = namesOf(error);
  const has = (...n: string[]) => names.some((x) => n.includes(x));
  const detail = detailOf(error);
  if (has('QuotaExceededError'))
    return {
      kind: 'quota',
      title: `Could not ${doing}: this browser has no more storage space for CPNI Desk.`,
      todo: 'Nothing was changed. Free space on this device (or in the browser’s site data for other sites), download a backup from Settings, then try again.',
      detail,
    };
  if (has('MissingAPIError', 'SecurityError', 'InvalidStateError'))
    return {
      kind: 'unavailable',
      title: 'This browser does not let CPNI Desk keep data here.',
      todo: 'Private or incognito windows, and settings that block site data or cookies, turn storage off. Open CPNI Desk in a normal window, or allow site data for this site, then reload.',
      detail,
    };
  if (has('VersionError'))
    return {
      kind: 'newer',
      title: 'The records on this device were saved by a newer version of CPNI Desk.',
      todo: 'This tab is running an older version. Reload the page to get the newer one; if another tab shows an update prompt, accept it there first.',
      detail,
    };
  if (has('DatabaseClosedError'))
    return {
      kind: 'closed',
      title: `Could not ${doing}: this tab’s connection to the records was closed.`,
      todo: 'Another tab may have updated CPNI Desk or restored a backup. Copy anything you typed that is not saved, then reload the page.',
      detail,
    };
  if (has('UnknownError', 'DataError', 'NotReadableError', 'AbortError', 'TimeoutError'))
    return {
      kind: 'disk',
      title: `Could not ${doing}: the browser could not read or write its storage.`,
      todo: 'Nothing was changed. This is usually a disk or browser-profile problem: close other tabs of CPNI Desk, restart the browser and try again. If it keeps happening, download a backup from Settings while you still can.',
      detail,
    };
  return {
    kind: 'other',
    title: `Could not ${doing}.`,
    todo: 'Nothing was changed. Try again; if it keeps happening, reload the page and download a backup from Settings.',
    detail,
  };
}

/** The problem when another tab holds the database at an older version and will not let go. */
export const BLOCKED_BY_OTHER_TAB: StorageProblem = {
  kind: 'blocked',
  title: 'Another CPNI Desk tab or window is holding your records open with an older version.',
  todo: 'Close the other CPNI Desk tabs and windows (or reload them); this tab opens your records as soon as they are closed.',
  detail: '',
};
