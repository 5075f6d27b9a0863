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
    name: 'a waiting new version shows the update prompt; nothing reloads until "Reload now", which asks first over unsaved changes and offers them back after',
    async fn(t) {
      const { page, origin } = t;
      await halfFilledFormWhenV2Waits(t);
      const prompt = page.getByTestId('update-prompt');
      await prompt.getByRole('button', { name: 'Reload now' }).waitFor();
      await prompt.getByRole('button', { name: 'Later' }).waitFor();

      await page.waitForTimeout(3_000);
      await assertNothingReloaded(page, origin);

      // The form still has unsaved text, so the prompt asks first and says it is kept as a draft.
      const dialogs = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.type());
        void dialog.accept();
      });
      await prompt.getByRole('button', { name: 'Reload now' }).click();
      const asked = page.getByTestId('update-unsaved');
      await asked.waitFor();
      assert.match(await asked.innerText(), /unsaved changes\. They are kept as a draft on this device and offered back after the reload/);
      await page.waitForTimeout(1_000);
      await assertNothingReloaded(page, origin);

      // "Not yet" goes back; asked again, "Reload now" reloads without a second question.
      await prompt.getByRole('button', { name: 'Not yet' }).click();
      await asked.waitFor({ state: 'detached' });
      await prompt.getByRole('button', { name: 'Reload now' }).click();
      await asked.waitFor();
      await Promise.all([page.waitForEvent('load', { timeout: 15_000 }), prompt.getByRole('button', { name: 'Reload now' }).click()]);
      await heading(page, 'New client');
      assert.equal(await page.evaluate(() => window.__e2eMarker), undefined, 'the page reloaded');
      assert.deepEqual(dialogs, [], 'the browser did not ask a second time');
      assert.equal(await controllerVersion(page), 'v2', 'the new version controls the page');
      assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null), null);
      assert.equal(await page.getByTestId('update-prompt').count(), 0);

      // What was typed is offered back.
      const offer = page.getByTestId('draft-offer');
      await offer.waitFor();
      assert.equal(await field(page, 'Legal name').inputValue(), '');
      await offer.getByRole('button', { name: 'Restore them' }).click();
      assert.equal(await field(page, 'Legal name').inputValue(), 'Half-typed Telephone Company');
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
