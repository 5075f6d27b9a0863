import assert from 'node:assert/strict';
import { createClient, field, heading, startApp, waitForController } from '../app-steps.mjs';

export const tests = [
  {
    name: 'after the first visit the app and a deep link load offline from the service worker',
    async fn({ page, context, origin }) {
      await startApp(page, origin);
      await page.getByTestId('offline-ready').waitFor({ timeout: 20_000 });
      const id = await createClient(page, origin, { legalName: 'Blue Ridge Mountain Telephone', filerId: '804112' });
      await waitForController(page);
      await heading(page, 'Blue Ridge Mountain Telephone');

      await context.setOffline(true);
      // Prove the network really is gone for this context, not just for the app.
      assert.equal(await page.evaluate((url) => fetch(url, { cache: 'no-store' }).then(() => 'reached', () => 'failed'), `${origin}/e2e-probe.txt`), 'failed');

      const reloaded = await page.reload();
      assert.ok(reloaded, 'the reload produced a response');
      assert.equal(reloaded.status(), 200);
      assert.equal(reloaded.fromServiceWorker(), true, 'the reload was answered by the service worker');
      await heading(page, 'Blue Ridge Mountain Telephone');
      assert.equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true);

      const deep = await page.goto(`${origin}/clients/${id}`);
      assert.ok(deep);
      assert.equal(deep.fromServiceWorker(), true, 'the deep link was answered by the service worker');
      await heading(page, 'Blue Ridge Mountain Telephone');
      assert.equal(await field(page, 'Form 499 Filer ID').inputValue(), '804112');

      // The built scripts and styles came from the precache through the browser's static router,
      // without waking the service worker for each.
      const assets = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => new URL(e.name).pathname.startsWith('/assets/'))
          .map((e) => e.workerMatchedSourceType),
      );
      assert.ok(assets.length > 0, 'the page loaded built assets');
      assert.deepEqual([...new Set(assets)], ['cache']);

      const list = await page.goto(`${origin}/clients`);
      assert.equal(list?.fromServiceWorker(), true);
      await page.getByRole('link', { name: 'Blue Ridge Mountain Telephone' }).waitFor();

      // A new tab opened while offline starts from the cache too.
      const fresh = await context.newPage();
      const opened = await fresh.goto(`${origin}/clients/${id}`);
      assert.equal(opened?.fromServiceWorker(), true);
      await heading(fresh, 'Blue Ridge Mountain Telephone');
    },
  },
];
