/**
 * Runs package jobs (package.worker.ts) in a module worker, one after another, so the page never
 * runs a long task while hundreds of packages are assembled, checked or drawn. Where no worker
 * can be started (an old browser, a test without one), the jobs run on the page instead.
 */
import type { ExportedFile, PackageMode, PreparerProfile } from '../../documents/package';
import type { OpenChecks } from './open-checks';
import type { PackageJob, PackageJobResult, PackageSources } from './package.worker';

export interface PackageJobs {
  checks(sources: PackageSources): Promise<OpenChecks>;
  draft(sources: PackageSources, options: { preparer?: PreparerProfile; documentDate: string; mode: PackageMode }): Promise<ExportedFile[]>;
  close(): void;
}

/** Only data crosses over: settings and preparers may be store proxies, which cannot be cloned. */
const plain = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** `size` workers (a batch uses two, so a second core draws the next PDF meanwhile). */
export function createPackageJobs(size = 1): PackageJobs {
  const workers: { worker: Worker; busy: number }[] = [];
  try {
    for (let i = 0; i < size && typeof Worker !== 'undefined'; i++) workers.push({ worker: new Worker(new URL('./package.worker.ts', import.meta.url), { type: 'module' }), busy: 0 });
  } catch {
    for (const w of workers.splice(0)) w.worker.terminate();
  }
  const waiting = new Map<number, (result: PackageJobResult) => void>();
  let next = 0;
  for (const slot of workers) {
    slot.worker.onmessage = (event: MessageEvent<PackageJobResult>) => {
      slot.busy -= 1;
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    };
    slot.worker.onerror = (event) => {
      event.preventDefault();
      for (const [id, done] of waiting) done({ id, error: `The package could not be prepared: ${event.message || 'the worker stopped'}.` });
      waiting.clear();
    };
  }
  const run = async (job: PackageJob): Promise<PackageJobResult> => {
    if (!workers.length) return (await import('./package.worker')).runPackageJob(job);
    const slot = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy += 1;
    return new Promise((done) => {
      waiting.set(job.id, done);
      slot.worker.postMessage(job);
    });
  };
  const sourcesOf = (s: PackageSources): PackageSources => ({ cert: plain(s.cert), client: plain(s.client), records: s.records, settings: plain(s.settings) });
  return {
    async checks(sources) {
      const result = await run({ id: ++next, kind: 'checks', sources: sourcesOf(sources) });
      if ('error' in result) throw new Error(result.error);
      if (!('checks' in result)) throw new Error('The worker answered something else.');
      return result.checks;
    },
    async draft(sources, options) {
      const result = await run({ id: ++next, kind: 'draft', sources: sourcesOf(sources), preparer: plain(options.preparer), documentDate: options.documentDate, mode: options.mode });
      if ('error' in result) throw new Error(result.error);
      if (!('files' in result)) throw new Error('The worker answered something else.');
      return result.files;
    },
    close: () => {
      for (const slot of workers) slot.worker.terminate();
    },
  };
}
