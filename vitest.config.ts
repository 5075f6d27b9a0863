import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [solid()],
  resolve: {
    alias: {
      'virtual:pwa-register/solid': fileURLToPath(new URL('./test/mocks/pwa-register.ts', import.meta.url)),
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./test/setup.ts'],
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**'],
    // Whole-PDF and whole-screen tests take seconds each on a busy 2-core machine.
    testTimeout: 30_000,
    server: { deps: { inline: [/@solidjs\/testing-library/] } },
  },
});
