import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { createStorageStatus } from './storage-status';

/** One line in the footer: whether the browser has agreed to keep the data; the details are in Settings. */
export function StorageIndicator() {
  const [status] = createStorageStatus();
  return (
    <Show when={status()}>
      {(s) => (
        <span class="storage-indicator" data-testid="storage-indicator">
          {' '}
          <A href="/settings">
            {!s().supported ? 'Storage: this browser does not say whether it keeps the data' : s().persisted ? 'Storage: kept by the browser' : 'Storage: the browser may clear it under pressure'}
          </A>
          .
        </span>
      )}
    </Show>
  );
}
