/**
 * Backup and restore for the page: in the browser every heavy step runs in a Web Worker (so the
 * page stays responsive with 150,000 records); where there is no Worker (unit tests in jsdom or
 * node) the same jobs run in this thread.
 */
import { backupJobRunner, type BackupJobs, type JobProgress } from '../../db/backup-jobs';
import { rememberHead } from '../../db/change-log';
import type { WorkerRequest } from './backup.worker';

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void; onProgress?: (p: JobProgress) => void };
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

function workerJobs(): BackupJobs {
  const worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, Pending>();
  let next = 1;
  worker.onmessage = (event: MessageEvent<{ id: number; progress?: JobProgress; result?: unknown; error?: { name: string; message: string } }>) => {
    const { id, progress, result, error } = event.data;
    const job = pending.get(id);
    if (!job) return;
    if (progress) return job.onProgress?.(progress);
    pending.delete(id);
    if (error) job.reject(Object.assign(new Error(error.message), { name: error.name }));
    else job.resolve(result as never);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const error = new Error(`The backup worker stopped: ${event.message || 'it could not be started'}.`);
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  const send = <T>(request: Request, onProgress?: (p: JobProgress) => void, transfer: Transferable[] = []) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (value: never) => void, reject, onProgress });
      worker.postMessage({ ...request, id }, transfer);
    });
  return {
    make: (passphrase, onProgress) => send({ job: 'make', passphrase }, onProgress),
    // The chosen File crosses as a handle; the worker reads its bytes.
    open: (file, passphrase, onProgress) => send({ job: 'open', file, passphrase }, onProgress),
    restore: async (onProgress) => {
      const result = await send<Awaited<ReturnType<BackupJobs['restore']>>>({ job: 'restore' }, onProgress);
      // The worker has no localStorage: the restored log's head is remembered here.
      rememberHead(result.changeLogHead, true);
      return result;
    },
    dispose: () => {
      worker.terminate();
      const error = new Error('The backup job was cancelled.');
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    },
  };
}

/** Whether the jobs run in a worker (in the browser) rather than in this thread (unit tests). */
export const backupJobsInWorker = () => typeof Worker === 'function';

/** A set of backup jobs sharing one worker (the opened backup lives there until restored or disposed). */
export function createBackupJobs(): BackupJobs {
  return backupJobsInWorker() ? workerJobs() : backupJobRunner();
}
