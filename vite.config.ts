import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      // 'prompt', never 'autoUpdate': an automatic reload would throw away a half-filled form.
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      manifest: {
        name: 'CPNI Desk',
        short_name: 'CPNI Desk',
        description: 'FCC CPNI compliance records and the annual certification, kept on this device.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1e3a8a',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,ttf}'],
        // jsPDF's optional chunks are only for doc.html() and SVG, which the app never calls.
        globIgnores: ['**/html2canvas*.js', '**/purify.es*.js', '**/index.es*.js'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: '/index.html',
        // Take control on first install, so the first visit is already offline-capable. A
        // *new* version still waits for the user's "Reload now".
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: { target: 'es2022' },
});
