// Steps a user takes in CPNI Desk, shared by the specs.
import assert from 'node:assert/strict';

export const UUID_PATH = /\/clients\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Opens the app on a fresh profile and gets past the first-run screen. */
export async function startApp(page, origin) {
  await page.goto(`${origin}/`);
  await page.getByTestId('welcome').waitFor();
  await page.getByTestId('start').click();
  await page.getByTestId('welcome').waitFor({ state: 'detached' });
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}

/** The heading of the current screen, once it is there. */
export async function heading(page, name) {
  const h1 = page.getByRole('heading', { level: 1, name, exact: true });
  await h1.waitFor();
  return h1;
}

/** The control labelled exactly `label` (a required field's label ends in an aria-hidden "*"). */
export function field(page, label) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}(\\s*\\*)?$`));
}

/** Fills the new-client form and creates the client; returns its id from the URL. */
export async function createClient(page, origin, { legalName, filerId, frn = '' }) {
  await page.goto(`${origin}/clients/new`);
  await heading(page, 'New client');
  await field(page, 'Legal name').fill(legalName);
  await field(page, 'Form 499 Filer ID').fill(filerId);
  if (frn) await field(page, 'FRN').fill(frn);
  await page.getByRole('button', { name: 'Create client' }).click();
  await page.waitForURL(UUID_PATH);
  await heading(page, legalName);
  const id = UUID_PATH.exec(new URL(page.url()).pathname)?.[1];
  assert.ok(id, `expected /clients/<uuid> after creating, got ${page.url()}`);
  return id;
}

/** Waits until this origin's service worker has installed its precache and is active. */
export async function waitForActiveServiceWorker(page) {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration?.active?.state === 'activated';
  }, undefined, { timeout: 20_000, polling: 100 });
}

/**
 * The service worker takes control of pages loaded after it activated (no clientsClaim, so the
 * very first page stays uncontrolled). Chromium sometimes lets a reload made within moments of
 * activation bypass the new worker, hence more than one try.
 */
export async function waitForController(page) {
  await waitForActiveServiceWorker(page);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await page.evaluate(() => navigator.serviceWorker.controller !== null)) return;
    await page.reload();
    await page.waitForTimeout(100 * attempt);
  }
  throw new Error('No service worker took control of the page after 5 reloads.');
}

/** Polls `check` until it returns a truthy value or the time is up. */
export async function eventually(check, { timeout = 5_000, interval = 100, message = 'condition' } = {}) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`Timed out waiting for ${message} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}
