/**
 * The season's heavy lifting off the page's main thread: assembling a certification's package
 * (answers, records, the statement's checks) and drawing its PDF for a batch, or counting its
 * open checks for the season board. The page stays responsive through hundreds of clients.
 * A package that cannot be exported comes back as its reason in words.
 */
import { assemblePackage, type Certification } from '../../domain/certification-record';
import type { ComplianceRecord } from '../../domain/records';
import type { Client, Settings } from '../../domain/schema';
import type { ExportedFile, PackageMode, PreparerProfile } from '../../documents/package';
import { openChecks, type OpenChecks } from './open-checks';

export interface PackageSources {
  cert: Certification;
  client: Client;
  records: ComplianceRecord[];
  settings: Settings;
}

export type PackageJob =
  | { id: number; kind: 'checks'; sources: PackageSources }
  | { id: number; kind: 'draft'; sources: PackageSources; preparer?: PreparerProfile; documentDate: string; mode: PackageMode };

export type PackageJobResult = { id: number; checks: OpenChecks } | { id: number; files: ExportedFile[] } | { id: number; error: string };

/** What a job computes, wherever it runs (in the worker, or on the page without one). */
export async function runPackageJob(job: PackageJob): Promise<PackageJobResult> {
  const { cert, client, records, settings } = job.sources;
  try {
    const assembled = assemblePackage(cert, client, records, settings);
    if (job.kind === 'checks') return { id: job.id, checks: openChecks(assembled) };
    const { exportPackage } = await import('../../documents/package');
    // A draft for review: marked on every page, no signature. Errors in the checks still stop it (the export names them).
    const files = await exportPackage({ cert, assembled, client, preparer: job.preparer, documentDate: job.documentDate, signed: false }, { mode: job.mode });
    return { id: job.id, files };
  } catch (error) {
    return { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
}

const scope = globalThis as unknown as { WorkerGlobalScope?: abstract new () => unknown };
if (scope.WorkerGlobalScope && self instanceof scope.WorkerGlobalScope) {
  // One job at a time, in the order they came: the page queues a few ahead so the worker never
  // waits for it, and one package's PDF is finished and sent before the next one starts.
  let queue = Promise.resolve();
  self.onmessage = (event: MessageEvent<PackageJob>) => {
    queue = queue.then(async () => {
      const reply = await runPackageJob(event.data);
      try {
        self.postMessage(reply, { transfer: 'files' in reply ? reply.files.map((f) => f.bytes.buffer as ArrayBuffer) : [] });
      } catch (error) {
        self.postMessage({ id: reply.id, error: `The package could not be handed back: ${error instanceof Error ? error.message : String(error)}` } satisfies PackageJobResult);
      }
    });
  };
}
