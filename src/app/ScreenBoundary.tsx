/**
 * Contains a crash to the screen it happened on: the navigation stays, the user reads what
 * happened, and can download a backup before anything else. Moving to another path tries the
 * screen again.
 */
import { A } from '@solidjs/router';
import { ErrorBoundary, Show, createEffect, createSignal, on, type JSX } from 'solid-js';

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : 'An unexpected error.';
}

export function ScreenCrash(props: { error: unknown; reset: () => void }) {
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<{ tone: string; text: string } | undefined>();
  const download = async () => {
    setBusy(true);
    try {
      // Loaded on demand: the backup code is large and a crash is rare.
      const { backupDownloadMessage, downloadBackupNow } = await import('../features/settings/backup-download');
      setMessage(backupDownloadMessage(await downloadBackupNow()));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel screen-crash" aria-labelledby="crash-heading" data-testid="screen-crash">
      <h1 id="crash-heading" tabIndex={-1}>This screen stopped working</h1>
      <div class="notice notice--error" role="alert">
        <p class="notice-title">Something on this screen failed, so it could not be shown.</p>
        <p>What happened: {errorText(props.error)}</p>
      </div>
      <p>
        Your saved records are not affected by this: they stay in this browser. To be safe, download a backup now, then try the screen again or go to
        another one with the menu above.
      </p>
      <div class="form-actions">
        <button type="button" class="primary" disabled={busy()} onClick={() => void download()}>
          {busy() ? 'Making the backup…' : 'Download a backup now'}
        </button>
        <button type="button" onClick={() => props.reset()}>Try again</button>
        <A href="/">Go to the dashboard</A>
      </div>
      <Show when={message()}>
        {(m) => (
          <p role={m().tone === 'success' ? 'status' : 'alert'} class={m().tone === 'success' ? 'success' : 'error'}>
            {m().text}
          </p>
        )}
      </Show>
    </section>
  );
}

/** `path`: the current location; when it changes, a crashed screen is tried again. */
export function ScreenBoundary(props: { path: string; children: JSX.Element }) {
  return (
    <ErrorBoundary
      fallback={(error, reset) => {
        createEffect(on(() => props.path, () => reset(), { defer: true }));
        return <ScreenCrash error={error} reset={reset} />;
      }}
    >
      {props.children}
    </ErrorBoundary>
  );
}
