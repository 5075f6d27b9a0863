import { createSignal } from 'solid-js';

// Stand-in for vite-plugin-pwa's virtual module, which exists only in the app build.
export function useRegisterSW() {
  return {
    needRefresh: createSignal(false),
    offlineReady: createSignal(false),
    updateServiceWorker: async () => {},
  };
}
