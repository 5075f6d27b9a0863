import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import solid from 'eslint-plugin-solid/configs/typescript';
import globals from 'globals';

const DEXIE = {
  group: ['dexie', 'dexie/*'],
  message: 'Only src/db touches Dexie: read and write through a repository in src/db.',
};

/** What src/domain may never import: libraries with side effects, and every layer above it. */
export const DOMAIN_FORBIDDEN = [
  DEXIE,
  {
    group: ['solid-js', 'solid-js/*', '@solidjs/*', 'jspdf', 'jspdf/*', 'workbox-window', 'virtual:*'],
    message: 'src/domain is pure TypeScript: no views, PDFs or service worker here.',
  },
  {
    group: ['**/db', '**/db/*', '**/documents', '**/documents/*', '**/features', '**/features/*', '**/ui', '**/ui/*', '**/app', '**/app/*'],
    message: 'src/domain imports nothing from db, documents, features, ui or app: pass data in as arguments.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dev-dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['src/**/*.{ts,tsx}'], ...solid },
  {
    files: ['scripts/**/*.mjs', 'test/e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Only the storage layer touches Dexie. The domain has its own, stricter block below; this
    // one must not match it, or (flat config: the later block wins) it would replace the
    // domain's list with this shorter one.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/db/**', 'src/domain/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [DEXIE] }] },
  },
  {
    // The domain is pure: no storage, views, documents or rendering libraries
    // (docs/ARCHITECTURE.md, "Layers"). test/unit/layering.test.ts proves a forbidden import fails.
    files: ['src/domain/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: DOMAIN_FORBIDDEN }] },
  },
);
