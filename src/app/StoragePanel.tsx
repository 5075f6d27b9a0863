import { Show } from 'solid-js';
import { createStorageStatus, formatBytes, requestPersistence } from './storage-status';

export function StoragePanel() {
  const [status, { refetch }] = createStorageStatus();
  const ask = async () => {
    await requestPersistence();
    await refetch();
  };
  return (
    <section class="panel" aria-labelledby="storage-heading" data-testid="storage-panel">
      <h2 id="storage-heading">Storage on this device</h2>
      <p>
        All data stays in this browser on this device. CPNI Desk has no server and no account; nothing you enter is sent
        anywhere. Clearing this browser's site data deletes it, so keep backups.
      </p>
      <Show when={status()} fallback={<p>Checking storage…</p>}>
        {(s) => (
          <>
            <Show when={s().supported} fallback={<p>This browser does not report storage persistence.</p>}>
              <p data-testid="persistence">
                Persistent storage: <strong>{s().persisted ? 'granted' : 'not granted'}</strong>.{' '}
                {s().persisted
                  ? 'The browser will not clear this data to free up space.'
                  : 'The browser may clear this data when the disk runs low. Installing the app or bookmarking it often helps the browser grant persistence.'}
              </p>
              <p data-testid="usage">
                Used: {formatBytes(s().usage)} of {formatBytes(s().quota)} available to this site.
              </p>
            </Show>
            <Show when={s().supported && !s().persisted}>
              <button type="button" onClick={() => void ask()}>Ask the browser for persistent storage</button>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
