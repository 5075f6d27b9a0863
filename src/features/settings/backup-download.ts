/**
 * "Download a backup now", as one step shared by Settings and the crash screen. The download and
 * the "last backup" stamp are separate: a backup that downloaded is reported as downloaded even
 * if the stamp cannot be saved (a full disk), and the stamp failure is said in its own words.
 */
import { markBackedUp } from '../../db/backup';
import { createBackupJobs } from './backup-jobs';
import { backupFileName } from '../../domain/backup';
import { todayLocal } from '../../domain/dates';
import { downloadBlob } from '../../documents/file-names';
import { describeStorageError, type StorageProblem } from '../../domain/storage-errors';


export type BackupDownload =
  | { ok: true; fileName: string; /** Set when the download worked but its date could not be recorded. */ stampProblem?: StorageProblem }
  | { ok: false; problem: StorageProblem };

/** With a passphrase the file is encrypted; without one it is plain JSON (and says so). */
export async function downloadBackupNow(passphrase = ''): Promise<BackupDownload> {
  let fileName: string;
  try {
    // Read, written out and encrypted in a worker: the page stays responsive with 150,000 records.
    const jobs = createBackupJobs();
    let file: Blob;
    try {
      file = await jobs.make(passphrase);
    } finally {
      jobs.dispose();
    }
    fileName = backupFileName(todayLocal(), passphrase ? 'encrypted' : 'plain');
    downloadBlob(file, fileName);
  } catch (error) {
    return { ok: false, problem: describeStorageError(error, 'make the backup') };
  }
  try {
    await markBackedUp();
    return { ok: true, fileName };
  } catch (error) {
    return { ok: true, fileName, stampProblem: describeStorageError(error, 'record the date of this backup') };
  }
}

/** What the user reads after pressing the button. */
export function backupDownloadMessage(result: BackupDownload): { tone: 'success' | 'warning' | 'error'; text: string } {
  if (!result.ok) return { tone: 'error', text: `The backup could not be made. ${result.problem.title} ${result.problem.todo}` };
  const done = `Downloaded “${result.fileName}”. Keep it somewhere other than this device.${/encrypted/.test(result.fileName) ? ' It can be restored only with its passphrase, which CPNI Desk does not keep.' : ' It is not encrypted: anyone with the file can read the records.'}`;
  if (!result.stampProblem) return { tone: 'success', text: done };
  return {
    tone: 'warning',
    text: `${done} The backup file is complete, but the date of this backup could not be recorded, so the reminder may still say no recent backup was made. ${result.stampProblem.title} ${result.stampProblem.todo}`,
  };
}
