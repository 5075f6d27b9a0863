/// <reference lib="webworker" />
/**
 * The backup worker: makes, opens and restores backups off the page's thread, with the app's
 * own database code (Dexie works in a worker; the page's live queries hear of the writes).
 * Messages: { id, job: 'make' | 'open' | 'restore', args } in; { id, progress } while working,
 * then { id, result } or { id, error: { name, message } }.
 */
import { backupJobRunner } from '../../db/backup-jobs';

const jobs = backupJobRunner();
const scope = self as unknown as DedicatedWorkerGlobalScope;

export type WorkerRequest = { id: number; job: 'make'; passphrase: string } | { id: number; job: 'open'; file: Uint8Array | Blob; passphrase: string } | { id: number; job: 'restore' };

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const progress = (p: unknown) => scope.postMessage({ id: request.id, progress: p });
  try {
    if (request.job === 'make') {
      // A Blob crosses to the page as a handle: the page never copies the file's bytes.
      scope.postMessage({ id: request.id, result: await jobs.make(request.passphrase, progress) });
    } else if (request.job === 'open') scope.postMessage({ id: request.id, result: await jobs.open(request.file, request.passphrase, progress) });
    else scope.postMessage({ id: request.id, result: await jobs.restore(progress) });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    scope.postMessage({ id: request.id, error: { name: e.name, message: e.message } });
  }
};
