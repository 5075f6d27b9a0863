/**
 * Renders packages for a batch in a module worker (package.worker.ts), one at a time, so the
 * page never runs a long task while hundreds of PDFs are drawn. Where no worker can be started
 * (an old browser, a test without one), the packages are rendered on the page instead.
 */
import type { ExportedFile, PackageInput, PackageMode } from './package';
import type { PackageJob, PackageJobResult } from './package.worker';

export interface PackageRenderer {
  render(input: PackageInput, mode: PackageMode): Promise<ExportedFile[]>;
  close(): void;
}

export function createPackageRenderer(): PackageRenderer {
  let worker: Worker | undefined;
  try {
    worker = typeof Worker === 'undefined' ? undefined : new Worker(new URL('./package.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = undefined;
  }
  if (!worker) {
    return {
      render: async (input, mode) => (await import('./package')).exportPackage(input, { mode }),
      close: () => {},
    };
  }
  const running = worker;
  const waiting = new Map<number, { done: (files: ExportedFile[]) => void; fail: (error: Error) => void }>();
  let next = 0;
  running.onmessage = (event: MessageEvent<PackageJobResult>) => {
    const job = waiting.get(event.data.id);
    if (!job) return;
    waiting.delete(event.data.id);
    if ('error' in event.data) job.fail(new Error(event.data.error));
    else job.done(event.data.files);
  };
  running.onerror = (event) => {
    event.preventDefault();
    for (const job of waiting.values()) job.fail(new Error(`The PDF could not be drawn: ${event.message || 'the export worker stopped'}.`));
    waiting.clear();
  };
  return {
    render: (input, mode) =>
      new Promise<ExportedFile[]>((done, fail) => {
        const id = ++next;
        waiting.set(id, { done, fail });
        // Only data crosses over: a plain copy of what the package is drawn from.
        running.postMessage({ id, input: JSON.parse(JSON.stringify(input)) as PackageInput, mode } satisfies PackageJob);
      }),
    close: () => running.terminate(),
  };
}
