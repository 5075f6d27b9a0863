import { formatCount } from './counts';
/** When to remind the user to back up: kept apart from the backup format, which the dashboard never needs. */

/** A backup older than this is worth a reminder. */
export const BACKUP_STALE_DAYS = 30;
export type BackupReminder = { kind: 'none'; changes: number } | { kind: 'recent' | 'stale'; days: number; changes: number };

/** So many changes since the last backup are worth one, however recent it is. */
export const BACKUP_STALE_CHANGES = 100;

/**
 * Whether to remind the user to back up: never backed up, the last one over 30 days old, or
 * 100 or more changes made since (`changes`: change-log entries after the last backup).
 */
export function backupReminder(lastBackupAt: string, now: Date, changes = 0): BackupReminder {
  const at = lastBackupAt ? Date.parse(lastBackupAt) : NaN;
  if (Number.isNaN(at)) return { kind: 'none', changes };
  const days = Math.max(0, Math.floor((now.getTime() - at) / 86_400_000));
  return { kind: days > BACKUP_STALE_DAYS || changes >= BACKUP_STALE_CHANGES ? 'stale' : 'recent', days, changes };
}

/** "The last backup was made 3 days ago; 240 changes have been made since." */
export function describeBackupAge(r: BackupReminder): string {
  if (r.kind === 'none') return r.changes ? `No backup of this data has been made yet. ${formatCount(r.changes)} ${r.changes === 1 ? 'change has' : 'changes have'} been made so far.` : 'No backup of this data has been made yet.';
  const ago = r.days === 0 ? 'today' : r.days === 1 ? 'yesterday' : `${r.days} days ago`;
  const since = r.changes === 0 ? 'nothing has changed since' : `${formatCount(r.changes)} ${r.changes === 1 ? 'change has' : 'changes have'} been made since`;
  return `The last backup was made ${ago}; ${since}.`;
}
