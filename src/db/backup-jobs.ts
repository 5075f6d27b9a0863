/**
 * The heavy steps of backup and restore, as jobs that run in a Web Worker in the browser
 * (src/features/settings/backup.worker.ts) and in the calling thread where there is no worker
 * (unit tests). Making a backup reads every table, writes its JSON and encrypts it; opening one
 * decodes, decrypts and checks every row; restoring writes the checked rows. The checked backup
 * stays here between "open" and "restore": only its summary crosses to the page.
 */
import { openBackupFile } from '../domain/backup-crypto';
import type { Backup, BackupCounts } from '../domain/backup';
import type { ChainHead } from '../domain/entities';
import { CURRENT_SCHEMA_VERSION, makeBackupFile, restoreBackup } from './backup';

/** Where a job has got to: a step in words and, when known, how much of it is done (0–1). */
export interface JobProgress {
  step: 'read' | 'check' | 'write' | 'make';
  fraction: number;
}

/** What the page is shown of a backup it opened. */
export type OpenedSummary =
  | { ok: true; encrypted: boolean; createdAt: string; counts: BackupCounts; deletedRecords: number; needsPassphrase?: undefined }
  | { ok: false; encrypted: boolean; problems: string[]; needsPassphrase?: boolean };

export interface BackupJobs {
  /** The backup file, as a Blob (handed between threads without a copy); encrypted when a passphrase is given. */
  make(passphrase: string, onProgress?: (p: JobProgress) => void): Promise<Blob>;
  /** Opens and checks a file (its bytes, or the chosen File, read where the job runs); nothing is stored. */
  open(file: Uint8Array | Blob, passphrase: string, onProgress?: (p: JobProgress) => void): Promise<OpenedSummary>;
  /** Replaces everything with the backup last opened (all or nothing). */
  restore(onProgress?: (p: JobProgress) => void): Promise<{ counts: BackupCounts; createdAt: string; changeLogHead?: ChainHead }>;
  /** Forgets the opened backup (and stops the worker, if any). */
  dispose(): void;
}

/** The jobs, run in this thread. */
export function backupJobRunner(): BackupJobs {
  let opened: Backup | undefined;
  return {
    async make(passphrase, onProgress) {
      onProgress?.({ step: 'make', fraction: 0 });
      const parts = await makeBackupFile(passphrase);
      onProgress?.({ step: 'make', fraction: 1 });
      return new Blob(parts as BlobPart[], { type: 'application/json' });
    },
    async open(file, passphrase, onProgress) {
      opened = undefined;
      onProgress?.({ step: 'read', fraction: 0 });
      const bytes = file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
      const result = await openBackupFile(bytes, passphrase, { schemaVersion: CURRENT_SCHEMA_VERSION }, (done, total) =>
        onProgress?.({ step: 'check', fraction: total ? done / total : 1 }),
      );
      if (!result.ok) return { ok: false, encrypted: result.encrypted, problems: result.problems, ...(result.needsPassphrase ? { needsPassphrase: true } : {}) };
      opened = result.backup;
      const { createdAt, counts } = result.backup;
      return { ok: true, encrypted: result.encrypted, createdAt, counts, deletedRecords: result.backup.data.records.filter((r) => r.deletedAt).length };
    },
    async restore(onProgress) {
      const backup = opened;
      if (!backup) throw new Error('Choose the backup file again: it is no longer open.');
      onProgress?.({ step: 'write', fraction: 0 });
      const { counts, changeLogHead } = await restoreBackup(backup, 'replace', { onProgress: (done, total) => onProgress?.({ step: 'write', fraction: total ? done / total : 1 }) });
      opened = undefined;
      return { counts, createdAt: backup.createdAt, ...(changeLogHead ? { changeLogHead } : {}) };
    },
    dispose() {
      opened = undefined;
    },
  };
}
