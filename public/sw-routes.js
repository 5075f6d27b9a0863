/* global self */
// Loaded by the generated service worker (workbox `importScripts`). The built files under
// /assets/ carry their content hash in their names and are precached under their own URLs, so
// the browser can answer them from the precache itself, without starting or waking the
// service worker for each one (the static routing API; browsers without it ignore this).
self.addEventListener('install', (event) => {
  if (typeof event.addRoutes !== 'function') return;
  event.addRoutes({
    condition: { urlPattern: { pathname: '/assets/*' }, requestMethod: 'GET' },
    source: { cacheName: `workbox-precache-v2-${self.registration.scope}` },
  }).catch(() => {});
});
