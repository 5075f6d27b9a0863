import { useBeforeLeave } from '@solidjs/router';
import { onCleanup, type Accessor } from 'solid-js';

const MESSAGE = 'You have unsaved changes. Leave this page and lose them?';

/** Set once the user agreed to reload (the update prompt asked first): the browser does not ask again. */
let reloadAgreed = false;
export function agreeToReload(): void {
  reloadAgreed = true;
}

/** Asks before the user navigates away from, reloads or closes a form with unsaved changes. */
export function useUnsavedGuard(dirty: Accessor<boolean>, message = MESSAGE): void {
  useBeforeLeave((e) => {
    if (!dirty() || e.defaultPrevented) return;
    e.preventDefault();
    if (window.confirm(message)) e.retry(true);
  });
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!dirty() || reloadAgreed) return;
    e.preventDefault();
    e.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  onCleanup(() => window.removeEventListener('beforeunload', onBeforeUnload));
}
