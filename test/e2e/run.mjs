#!/usr/bin/env node
// Browser tests of the production build in the system Chromium.
//
//   node test/e2e/run.mjs [name filter]
//
// Every spec in test/e2e/specs/*.mjs exports `tests`: [{ name, fn }]. Each test gets a fresh
// browser context (fresh IndexedDB, no service worker yet) and a page in it. Every request of
// every context, the service worker's included, is recorded; one that goes anywhere but the
// test server fails the test. E2E_RESULTS names a file for a one-line JSON summary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MissingChromiumError, findChromium, launchBrowser, launchPersistent } from './browser.mjs';
import { startStaticServer } from './static-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(ROOT, 'dist');
const RESULTS_DIR = join(ROOT, 'test-results');
const TEST_TIMEOUT_MS = 90_000;
const ACTION_TIMEOUT_MS = 10_000;

const filter = process.argv[2];
const results = [];
let server;
let browser;

try {
  const executablePath = findChromium();
  ensureBuild();
  server = await startStaticServer(DIST);
  browser = await launchBrowser(executablePath);
  console.log(`e2e: ${browser.version()} at ${executablePath}, app at ${server.origin}`);
  mkdirSync(RESULTS_DIR, { recursive: true });

  for (const { file, test } of await loadTests()) {
    if (filter && !test.name.toLowerCase().includes(filter.toLowerCase())) continue;
    results.push(await runTest(file, test, { executablePath }));
  }
  if (results.length === 0) throw new Error(filter ? `No test name contains "${filter}".` : 'No tests found in test/e2e/specs.');
} catch (error) {
  // Missing Chromium, a failed build or a broken harness is a failure, never a skip.
  const message = error instanceof MissingChromiumError ? error.message : error?.stack ?? String(error);
  console.error(`✗ e2e could not run: ${message}`);
  results.push({ name: 'e2e harness', file: 'test/e2e/run.mjs', ok: false, ms: 0, error: message.split('\n')[0] });
} finally {
  await browser?.close().catch(() => {});
  await server?.close().catch(() => {});
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (process.env.E2E_RESULTS) {
  writeFileSync(process.env.E2E_RESULTS, JSON.stringify({ suite: 'e2e', passed, failed, tests: results }) + '\n');
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

async function loadTests() {
  const specsDir = join(ROOT, 'test/e2e/specs');
  const files = readdirSync(specsDir).filter((f) => f.endsWith('.mjs')).sort();
  const all = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(join(specsDir, f)).href);
    if (!Array.isArray(mod.tests)) throw new Error(`test/e2e/specs/${f} does not export a tests array.`);
    for (const test of mod.tests) all.push({ file: `test/e2e/specs/${f}`, test });
  }
  return all;
}

async function runTest(file, test, { executablePath }) {
  const started = performance.now();
  const contexts = [];
  const cleanups = [];
  const requests = [];
  const pageErrors = [];
  const allowedPageErrors = [];

  const track = (context) => {
    contexts.push(context);
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    context.on('request', (r) => requests.push(r.url()));
    const watch = (page) => page.on('pageerror', (e) => pageErrors.push(e));
    context.pages().forEach(watch);
    context.on('page', watch);
    return context;
  };

  const t = {
    origin: server.origin,
    server,
    browser,
    /** Another fresh context, e.g. { bypassCSP: true }; closed after the test. */
    async newContext(options = {}) {
      return track(await browser.newContext(options));
    },
    /** A context with its own profile directory (Chrome's installability check needs one). */
    async launchPersistent(options = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'cpni-e2e-profile-'));
      const context = track(await launchPersistent(executablePath, dir, options));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return context;
    },
    /** An uncaught page error matching `pattern` is expected and does not fail the test. */
    allowPageError(pattern) {
      allowedPageErrors.push(pattern);
    },
  };
  t.context = await t.newContext();
  t.page = await t.context.newPage();

  let error;
  let timer;
  try {
    await Promise.race([
      test.fn(t),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Timed out after ${TEST_TIMEOUT_MS / 1000} s.`)), TEST_TIMEOUT_MS);
      }),
    ]);
    const strayErrors = pageErrors.filter((e) => !allowedPageErrors.some((p) => p.test(e.message)));
    if (strayErrors.length) throw new Error(`Uncaught error in the page: ${strayErrors.map((e) => e.stack ?? e.message).join('\n')}`);
  } catch (e) {
    error = e;
  } finally {
    clearTimeout(timer);
  }

  // Off-origin requests fail the test even when the test itself passed.
  const strays = [...new Set(requests.filter((url) => !isLocal(url, server.origin)))];
  if (!error && strays.length) error = new Error(`Requests left ${server.origin}:\n  ${strays.join('\n  ')}`);

  const screenshots = error ? await screenshot(contexts, test.name) : [];
  for (const context of contexts) await context.close().catch(() => {});
  for (const cleanup of cleanups) cleanup();
  server.reset();

  const ms = Math.round(performance.now() - started);
  if (error) {
    console.log(`✗ ${test.name} (${ms} ms)`);
    console.log(indent(error.stack ?? String(error)));
    if (strays.length && !String(error.message).startsWith('Requests left')) console.log(indent(`Requests left ${server.origin}:\n  ${strays.join('\n  ')}`));
    for (const s of screenshots) console.log(indent(`screenshot: ${s}`));
  } else {
    console.log(`✓ ${test.name} (${ms} ms)`);
  }
  return { name: test.name, file, ok: !error, ms, requests: requests.length, ...(error ? { error: String(error.message ?? error), screenshots } : {}) };
}

function isLocal(url, origin) {
  return url === origin || url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
}

async function screenshot(contexts, name) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
  const saved = [];
  let n = 0;
  for (const context of contexts) {
    for (const page of context.pages()) {
      const path = join(RESULTS_DIR, `${slug}${n++ ? `-${n}` : ''}.png`);
      try {
        await page.screenshot({ path, fullPage: true, timeout: 5_000 });
        saved.push(relative(ROOT, path));
      } catch {
        // A page that is closing or blocked by a dialog has no picture to give.
      }
    }
  }
  return saved;
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

/** Builds only when dist/ is missing or older than anything it is built from. */
function ensureBuild() {
  const builtAt = ['index.html', 'sw.js'].map((f) => join(DIST, f)).filter(existsSync).map((f) => statSync(f).mtimeMs);
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => join(ROOT, p));
  const newestSource = Math.max(...sources.filter(existsSync).map(newestMtime));
  if (builtAt.length === 2 && Math.min(...builtAt) >= newestSource) return;
  console.log(builtAt.length < 2 ? 'e2e: no build in dist/, running npm run build' : 'e2e: dist/ is older than the sources, running npm run build');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status ?? build.signal}).`);
}

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}
