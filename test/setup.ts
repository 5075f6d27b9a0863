import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@solidjs/testing-library';

afterEach(() => cleanup());

// Form drafts live in localStorage: each test starts without any (node-environment tests have none).
afterEach(() => {
  if (typeof localStorage !== 'undefined') localStorage.clear();
});
