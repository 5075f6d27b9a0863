import assert from 'node:assert/strict';
import { field, heading, startApp, waitForController } from '../app-steps.mjs';

// Appended to the built sw.js to make a new version. It answers "which version are you?",
// which the old worker never does, so the test can tell who controls the page.
const NEW_VERSION_CODE = `
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'E2E_VERSION') event.ports[0].postMessage('v2');
});
`;

/** The controlling worker's answer: 'v2' from the new build, 'v1' when it does not answer. */
function controllerVersion(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const controller = navigator.serviceWorker.controller;
        if (!controller) return resolve('none');
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => resolve(e.data);
        controller.postMessage({ type: 'E2E_VERSION' }, [channel.port2]);
        setTimeout(() => resolve('v1'), 1500);
      }),
  );
}

/** A half-filled form on a page controlled by v1, then v2 is published and found. */
async function halfFilledFormWhenV2Waits({ page, origin, server }) {
  await startApp(page, origin);
  await waitForController(page);
  await page.goto(`${origin}/clients/new`);
  await heading(page, 'New client');
  assert.equal(await controllerVersion(page), 'v1');

  await page.evaluate(() => {
    window.__e2eMarker = 'loaded before the update';
  });
  await field(page, 'Legal name').fill('Half-typed Telephone Company');

  server.override('/sw.js', server.read('/sw.js') + NEW_VERSION_CODE);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  await page.getByTestId('update-prompt').waitFor({ timeout: 20_000 });
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state), 'installed', 'the new worker waits');
}

async function assertNothingReloaded(page, origin) {
  assert.equal(await page.evaluate(() => window.__e2eMarker), 'loaded before the update', 'the page was not reloaded');
  assert.equal(await field(page, 'Legal name').inputValue(), 'Half-typed Telephone Company', 'the typed text is kept');
  assert.equal(page.url(), `${origin}/clients/new`);
  assert.equal(await controllerVersion(page), 'v1', 'the old version still controls the page');
}

export const tests = [
  {
    name: 'a waiting new version shows the update prompt and nothing reloads until "Reload now"',
    async fn(t) {
      const { page, origin } = t;
      await halfFilledFormWhenV2Waits(t);
      const prompt = page.getByTestId('update-prompt');
      await prompt.getByRole('button', { name: 'Reload now' }).waitFor();
      await prompt.getByRole('button', { name: 'Later' }).waitFor();

      await page.waitForTimeout(3_000);
      await assertNothingReloaded(page, origin);

      // The form still has unsaved text, so the browser asks before the reload discards it.
      const dialogs = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.type());
        void dialog.accept();
      });
      await Promise.all([page.waitForEvent('load', { timeout: 15_000 }), prompt.getByRole('button', { name: 'Reload now' }).click()]);
      await heading(page, 'New client');
      assert.equal(await page.evaluate(() => window.__e2eMarker), undefined, 'the page reloaded');
      assert.deepEqual(dialogs, ['beforeunload'], 'the unsaved-changes guard asked before reloading');
      assert.equal(await controllerVersion(page), 'v2', 'the new version controls the page');
      assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null), null);
      assert.equal(await page.getByTestId('update-prompt').count(), 0);
    },
  },
  {
    name: '"Later" hides the update prompt and keeps the page and the old version',
    async fn(t) {
      const { page, origin } = t;
      await halfFilledFormWhenV2Waits(t);
      await page.getByTestId('update-prompt').getByRole('button', { name: 'Later' }).click();
      await page.getByTestId('update-prompt').waitFor({ state: 'detached' });
      await page.waitForTimeout(1_000);
      await assertNothingReloaded(page, origin);
      assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state), 'installed', 'the new version still waits');
    },
  },
];
