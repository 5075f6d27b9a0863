import assert from 'node:assert/strict';
import { eventually, waitForActiveServiceWorker } from '../app-steps.mjs';

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function fetchPng(origin, src) {
  const response = await fetch(new URL(src, origin));
  assert.equal(response.status, 200, `${src} is served`);
  const size = pngSize(Buffer.from(await response.arrayBuffer()));
  assert.ok(size, `${src} is a PNG`);
  return size;
}

/** Chrome's own verdict on whether the page can be installed as an app. */
async function installabilityErrors(page) {
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  await cdp.detach();
  return installabilityErrors.map((e) => e.errorId);
}

export const tests = [
  {
    name: 'the web manifest names the app and lists real 192, 512 and maskable 512 PNG icons',
    async fn({ page, origin }) {
      await page.goto(`${origin}/`);
      const links = await page.evaluate(() => ({
        manifest: document.querySelector('link[rel="manifest"]')?.getAttribute('href'),
        appleTouchIcon: document.querySelector('link[rel="apple-touch-icon"]')?.getAttribute('href'),
        themeColor: document.querySelector('meta[name="theme-color"]')?.getAttribute('content'),
      }));
      assert.equal(links.manifest, '/manifest.webmanifest');
      assert.ok(links.appleTouchIcon, 'index.html links an apple-touch-icon');
      const apple = await fetchPng(origin, links.appleTouchIcon);
      assert.deepEqual(apple, { width: 180, height: 180 }, 'the apple-touch-icon is 180 × 180');

      const response = await fetch(`${origin}/manifest.webmanifest`);
      assert.equal(response.status, 200);
      const manifest = await response.json();
      assert.equal(manifest.name, 'CPNI Desk');
      assert.ok(typeof manifest.short_name === 'string' && manifest.short_name.length > 0 && manifest.short_name.length <= 12, `short_name fits under an icon: ${manifest.short_name}`);
      assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
      assert.equal(manifest.theme_color.toLowerCase(), links.themeColor?.toLowerCase(), 'the page and the manifest agree on the theme colour');
      assert.equal(manifest.display, 'standalone');
      assert.equal(manifest.start_url, '/');

      const icon = (size, purpose) =>
        manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.type === 'image/png' && (i.purpose ?? 'any').split(/\s+/).includes(purpose));
      for (const [size, purpose] of [
        [192, 'any'],
        [512, 'any'],
        [512, 'maskable'],
      ]) {
        const entry = icon(size, purpose);
        assert.ok(entry, `the manifest lists a ${size} px ${purpose} PNG icon`);
        assert.deepEqual(await fetchPng(origin, entry.src), { width: size, height: size }, `${entry.src} is ${size} × ${size}`);
      }
    },
  },
  {
    name: 'Chrome reports the app installable, and not with its icons missing',
    async fn({ launchPersistent, origin, server }) {
      const context = await launchPersistent();
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${origin}/`);
      await page.getByTestId('welcome').waitFor();
      await waitForActiveServiceWorker(page);
      let errors;
      await eventually(async () => (errors = await installabilityErrors(page)).length === 0, { timeout: 10_000, message: 'no installability errors' }).catch(() => {
        throw new Error(`Chrome says the app cannot be installed: ${errors.join(', ')}`);
      });

      // The check above is only worth something if it can fail: with the icons gone it must.
      for (const path of ['/icons/icon-192.png', '/icons/icon-512.png', '/icons/maskable-512.png']) server.override(path, 'gone', 404);
      const broken = await launchPersistent();
      const brokenPage = broken.pages()[0] ?? (await broken.newPage());
      await brokenPage.goto(`${origin}/`);
      await brokenPage.getByTestId('welcome').waitFor();
      await eventually(async () => (errors = await installabilityErrors(brokenPage)).includes('no-acceptable-icon'), {
        timeout: 10_000,
        message: 'no-acceptable-icon with the icons missing',
      });
    },
  },
];
