import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import solid from 'eslint-plugin-solid/configs/typescript';
import globals from 'globals';

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
    // Domain code is pure: no storage, views or documents (DESIGN.md, "Rules of the house").
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['dexie', 'solid-js*', 'jspdf', '**/db/**', '**/features/**', '**/ui/**', '**/documents/**'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['dexie'] }] },
  },
);
