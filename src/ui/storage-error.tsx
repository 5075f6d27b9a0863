/**
 * One place where a failed write that has no form of its own to speak in (archive, delete,
 * restore, purge, settings toggles, the backup date) is told to the user: a banner under the
 * navigation, in words from describeStorageError. Promises that escape anyway land here too.
 */
import { Show, createSignal, onCleanup, onMount } from 'solid-js';
import { describeStorageError, type StorageProblem } from '../domain/storage-errors';

const [problem, setProblem] = createSignal<StorageProblem | undefined>();

export function reportStorageError(error: unknown, doing: string): StorageProblem {
  const p = describeStorageError(error, doing);
  setProblem(p);
  return p;
}

/**
 * Runs a storage action; a failure is reported in words and gives `undefined`. `doing` is what
 * the user asked for, as a verb phrase ("archive the client").
 */
export async function guardStorage<T>(doing: string, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    reportStorageError(error, doing);
    return undefined;
  }
}

export function clearStorageError(): void {
  setProblem(undefined);
}

/** The banner; also catches promise rejections nobody handled, so no failure is silent. */
export function StorageErrorBanner() {
  onMount(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      reportStorageError(event.reason, 'finish what you asked');
    };
    window.addEventListener('unhandledrejection', onRejection);
    onCleanup(() => window.removeEventListener('unhandledrejection', onRejection));
  });
  return (
    <Show when={problem()}>
      {(p) => (
        <div class="notice notice--error storage-error" role="alert" data-testid="storage-error">
          <p class="notice-title">{p().title}</p>
          <p>{p().todo}</p>
          <Show when={p().detail}>
            <p class="hint">The browser said: {p().detail}</p>
          </Show>
          <button type="button" onClick={clearStorageError}>Dismiss</button>
        </div>
      )}
    </Show>
  );
}
