import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@solidjs/testing-library';

// A screen that reads IndexedDB can take over a second on a loaded CI machine; findBy and waitFor
// wait up to 5 s instead of failing there at 1 s.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());

// Form drafts live in localStorage: each test starts without any (node-environment tests have none).
afterEach(() => {
  if (typeof localStorage !== 'undefined') localStorage.clear();
});
