import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

// jsPDF imports these lazily for doc.html() and SVG only; the app never calls either, so they
// resolve to an empty module and are neither built nor precached.
const emptyModule = fileURLToPath(new URL('./src/vendor/empty-module.ts', import.meta.url));

// The dev server injects CSS as <style> elements and talks to its HMR socket; the built app
// needs neither, so only `npm run dev` gets a looser policy. The production CSP stays strict.
const devServerCsp: Plugin = {
  name: 'cpni-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:* ws://localhost:*"),
};

// The records, clients and certifications models, their storage and the shared form pieces:
// nearly every screen opens with them. Left to the bundler they come as some twenty small
// chunks, fetched and evaluated one by one before a screen can read anything; as one chunk a
// screen opens with three files (the entry, this, its own). What a screen loads only on a click
// (the statement checker, the certification model, PDFs, backups, the season steps) stays apart.
const CORE = /[\\/]src[\\/](db|domain|ui)[\\/]|[\\/]src[\\/]features[\\/]records[\\/](ClientSelect|record-kinds)\.|[\\/]src[\\/]documents[\\/]file-names\.|[\\/]node_modules[\\/](valibot|solid-js[\\/]store)[\\/]/;
const LOADED_ON_CLICK = /[\\/]domain[\\/]lint[\\/]|statement(-lint)?\.ts$|certification-record|backup|season|certification-steps|client-transfer|client-import|personal-details|public-text-check|citations/;

export default defineConfig({
  plugins: [
    devServerCsp,
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
        // .mjs: pdf.js's worker, bundled with the check screen so a PDF can be read offline.
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,webmanifest,ttf}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: '/index.html',
        importScripts: ['/sw-routes.js'],
        // Take control on first install, so the first visit is already offline-capable. A
        // *new* version still waits for the user's "Reload now".
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: { alias: { html2canvas: emptyModule, canvg: emptyModule, dompurify: emptyModule } },
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What the entry loads stays in the entry's own files (the initial JS).
            { name: 'index', tags: ['$initial'], priority: 2 },
            { name: 'core', test: (id) => CORE.test(id) && !LOADED_ON_CLICK.test(id), minShareCount: 2, includeDependenciesRecursively: false, priority: 1 },
          ],
        },
      },
    },
  },
  // Module workers (the batch export's PDF worker) load jsPDF as a chunk of their own.
  worker: { format: 'es' },
});
