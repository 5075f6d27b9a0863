/**
 * Whether a batch export is running on this page. The season board's count of open checks
 * waits while one does: both build every package, and the export is what the user asked for.
 */
let running = 0;

/** Marks a batch export as running until the returned function is called. */
export function noteBatchExport(): () => void {
  running += 1;
  let done = false;
  return () => {
    if (!done) running -= 1;
    done = true;
  };
}

/** Resolves once no batch export is running (at once when none is). */
export function afterBatchExports(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (running > 0 ? setTimeout(check, 250) : resolve());
    check();
  });
}
