import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@solidjs/testing-library';

afterEach(() => cleanup());

// Form drafts live in localStorage: each test starts without any.
afterEach(() => localStorage.clear());
