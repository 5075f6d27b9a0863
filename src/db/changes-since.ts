import { db } from './database';
import { createLiveValue } from './live-value';

/** Change-log entries written after `since` (an instant; all of them when empty), live. */
export function createChangesSinceQuery(since: () => string) {
  return createLiveValue((at: string) => (at ? db().changeLog.where('at').above(at).count() : db().changeLog.count()), 0, since);
}
