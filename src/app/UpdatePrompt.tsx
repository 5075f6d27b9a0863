import { Show } from 'solid-js';
import { useRegisterSW } from 'virtual:pwa-register/solid';

/**
 * Offers a reload when a new version is waiting. Nothing reloads until the user says so,
 * so a half-filled form is never lost (registerType 'prompt').
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });

  return (
    <>
      <Show when={needRefresh()}>
        <div class="toast" role="status" data-testid="update-prompt">
          <p>A new version of CPNI Desk is ready. Save any open form, then reload to use it.</p>
          <div class="toast-actions">
            <button type="button" class="primary" onClick={() => void updateServiceWorker(true)}>Reload now</button>
            <button type="button" onClick={() => setNeedRefresh(false)}>Later</button>
          </div>
        </div>
      </Show>
      <Show when={offlineReady() && !needRefresh()}>
        <div class="toast" role="status" data-testid="offline-ready">
          <p>CPNI Desk is ready to work offline.</p>
          <div class="toast-actions">
            <button type="button" onClick={() => setOfflineReady(false)}>Dismiss</button>
          </div>
        </div>
      </Show>
    </>
  );
}
