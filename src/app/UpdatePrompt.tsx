import { Show, createSignal } from 'solid-js';
import { useRegisterSW } from 'virtual:pwa-register/solid';
import { unsavedForms } from '../ui/unsaved-forms';
import { agreeToReload } from '../ui/unsaved-guard';

/**
 * Offers a reload when a new version is waiting. Nothing reloads until the user says so
 * (registerType 'prompt'), and a tab with unsaved changes asks first, saying whether they are kept
 * as a draft and offered back after the reload.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });
  /** Set while asking about unsaved changes: whether every one of them is kept as a draft. */
  const [asking, setAsking] = createSignal<{ allKept: boolean } | undefined>();

  const reload = () => {
    agreeToReload();
    void updateServiceWorker(true);
  };
  const reloadNow = () => {
    const forms = unsavedForms();
    if (forms.dirty) return setAsking({ allKept: forms.allKept });
    reload();
  };

  return (
    <>
      <Show when={needRefresh()}>
        <div class="toast" role="status" data-testid="update-prompt">
          <Show
            when={asking()}
            fallback={
              <>
                <p>A new version of CPNI Desk is ready. Reload to use it.</p>
                <div class="toast-actions">
                  <button type="button" class="primary" onClick={reloadNow}>Reload now</button>
                  <button type="button" onClick={() => setNeedRefresh(false)}>Later</button>
                </div>
              </>
            }
          >
            {(a) => (
              <>
                <p data-testid="update-unsaved">
                  {a().allKept
                    ? 'A form on this page has unsaved changes. They are kept as a draft on this device and offered back after the reload, for you to restore or discard.'
                    : 'A form on this page has unsaved changes that this browser cannot keep as a draft: reloading now loses them. Save the form first.'}
                </p>
                <div class="toast-actions">
                  <button type="button" class="primary" onClick={reload}>{a().allKept ? 'Reload now' : 'Reload and lose them'}</button>
                  <button type="button" onClick={() => setAsking(undefined)}>Not yet</button>
                </div>
              </>
            )}
          </Show>
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
