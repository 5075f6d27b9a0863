// Finds the system Chromium and launches it so that nothing but 127.0.0.1 can be reached.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const INSTALL_HINT =
  'Install Chromium with `sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome executable.';

export class MissingChromiumError extends Error {}

/** CHROMIUM_PATH, else Debian's wrapper, else the binary behind it. Never a downloaded browser. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new MissingChromiumError(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which does not exist. ${INSTALL_HINT}`);
    return env.CHROMIUM_PATH;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/lib/chromium/chromium']) {
    if (existsSync(candidate)) return candidate;
  }
  throw new MissingChromiumError(`No Chromium found at /usr/bin/chromium or /usr/lib/chromium/chromium. ${INSTALL_HINT}`);
}

// Chromium calls Google services by itself (updates, accounts, autofill) even with these
// switches; the resolver rule makes every host but 127.0.0.1 unresolvable, so none leaves.
// No --disable-features here: it would replace Playwright's own list (toolchain.md, gotcha 8).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export function launchBrowser(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** A context with a real profile directory: the only kind where Chrome judges installability. */
export function launchPersistent(executablePath, userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, { executablePath, headless: true, args: CHROMIUM_ARGS, ...options });
}
