// Steps a user takes in CPNI Desk, shared by the specs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

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
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  for (let attempt = 0; attempt < 8; attempt++) {
    // The worker claims open pages as it activates (clientsClaim); give the claim a moment first.
    for (let wait = 0; wait < 10; wait++) {
      if (await controlled()) return;
      await page.waitForTimeout(100);
    }
    await page.reload();
    await page.waitForLoadState('load');
  }
  throw new Error('No service worker took control of the page after 8 reloads.');
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

// ---------------------------------------------------------------------------------------------
// Calendar dates, computed here independently of the app. Dates are 'YYYY-MM-DD' strings and
// arithmetic runs on UTC day numbers, so no time zone can shift a day.

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n) => String(n).padStart(2, '0');

/** Today's date on this machine's clock and zone, which the browser it launched shares. */
export function localToday(now = new Date()) {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function utcDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDaysIso(iso, n) {
  const day = utcDay(iso);
  day.setUTCDate(day.getUTCDate() + n);
  return day.toISOString().slice(0, 10);
}

/** 0 = Sunday. */
export function weekdayOfIso(iso) {
  return utcDay(iso).getUTCDay();
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysFromTo(a, b) {
  return Math.round((utcDay(b).getTime() - utcDay(a).getTime()) / 86_400_000);
}

/** "November 17, 2026", as a user reads it. */
export function longDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTH_NAMES[m - 1]} ${d}, ${y}`;
}

/** "Tuesday, November 17, 2026". */
export function spelledDate(iso) {
  return `${WEEKDAY_NAMES[weekdayOfIso(iso)]}, ${longDate(iso)}`;
}

/** "November 17, 2026" (with or without a weekday in front) back to '2026-11-17'. */
export function isoFromSpelled(text) {
  const match = /(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})/.exec(text);
  assert.ok(match, `no spelled-out date in ${JSON.stringify(text)}`);
  return `${match[3]}-${pad(MONTH_NAMES.indexOf(match[1]) + 1)}-${pad(Number(match[2]))}`;
}

// ---------------------------------------------------------------------------------------------
// Records

export const RECORD_PATH = /\/records\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * Fills controls by their labels inside `scope` (a page or a locator): a select takes the
 * option with that text, a checkbox takes true or false, anything else is typed in.
 */
export async function fillFields(scope, values) {
  for (const [label, value] of Object.entries(values)) {
    const control = field(scope, label);
    const kind = await control.evaluate((el) => (el instanceof HTMLInputElement && el.type === 'checkbox' ? 'checkbox' : el.tagName.toLowerCase()));
    if (kind === 'select') await control.selectOption({ label: value });
    else if (kind === 'checkbox') await control.setChecked(value === true);
    else await control.fill(value);
  }
}

/** The form of one kind of record on the New record screen, with client and kind chosen by the address. */
export async function openNewRecordForm(page, origin, { clientId, kind, title }) {
  await page.goto(`${origin}/records/new?kind=${encodeURIComponent(kind)}&client=${encodeURIComponent(clientId)}`);
  await heading(page, 'New record');
  const form = page.getByRole('form', { name: title, exact: true });
  await form.waitFor();
  return form;
}

/**
 * Adds a record through the New record form (`title` is the kind as the app names it, e.g.
 * "Breach incident"; `fields` maps labels to values) and returns its id from the detail URL.
 */
export async function addRecord(page, origin, { clientId, kind, title, fields }) {
  const form = await openNewRecordForm(page, origin, { clientId, kind, title });
  await fillFields(form, fields);
  await form.getByRole('button', { name: `Save ${title.toLowerCase()}` }).click();
  await page.waitForURL(RECORD_PATH);
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${title}, `) }).waitFor();
  const id = RECORD_PATH.exec(new URL(page.url()).pathname)?.[1];
  assert.ok(id, `expected /records/<uuid> after saving, got ${page.url()}`);
  return id;
}

/** The records list of one client, optionally of one kind; resolves once its count line has settled. */
export async function openRecordsList(page, origin, { clientId, kind }) {
  const query = new URLSearchParams({ client: clientId, ...(kind ? { kind } : {}) });
  await page.goto(`${origin}/records?${query}`);
  await heading(page, 'Records');
  const count = page.getByTestId('records-count');
  await eventually(async () => !/Loading/.test(await count.innerText()), { message: 'the records count' });
  return count;
}

/**
 * On the import screen: writes `text` to a temporary file called `name`, chooses it in the file
 * input and waits for the check of the file. The browser reads a chosen file only when the app
 * asks for its text, so the file is kept until the report is on screen.
 */
export async function chooseCsvFile(page, name, text) {
  const dir = mkdtempSync(join(tmpdir(), 'cpni-e2e-csv-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, text);
    await field(page, 'CSV file of customer approvals').setInputFiles(file);
    await page.getByTestId('import-report').waitFor();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fills the questionnaire from typical small-carrier practice and reviews every topic. */
export async function confirmAnswers(page) {
  await page.getByRole('button', { name: 'Fill from typical small-carrier practice' }).click();
  const confirm = page.getByTestId('questionnaire').getByRole('button', { name: /^Confirm “/ });
  for (let left = await confirm.count(); left > 0; left = await confirm.count()) {
    await confirm.first().click();
    await eventually(async () => (await confirm.count()) < left, { message: 'the confirmed topic to show as reviewed' });
  }
}

/** Saves the certification editor and waits for the save to settle. */
export async function saveCertification(page) {
  const save = page.getByRole('button', { name: 'Save certification' });
  await save.click();
  await page.getByRole('status').filter({ hasText: /^Saved\./ }).first().waitFor();
  await eventually(() => save.isDisabled(), { message: 'the save button to settle' });
}

/** A client with one officer (its default signatory) and wireline service, created through the form; resolves to its id. */
export async function createClientWithOfficer(page, origin, { legalName, filerId, officer }) {
  await page.goto(`${origin}/clients/new`);
  await heading(page, 'New client');
  await field(page, 'Legal name').fill(legalName);
  await field(page, 'Form 499 Filer ID').fill(filerId);
  await page.getByRole('button', { name: 'Add an officer' }).click();
  await field(page, 'Officer 1 name').fill(officer);
  await field(page, 'Officer 1 title').fill('President');
  await page.getByLabel('Wireline telecommunications').check();
  await page.getByRole('button', { name: 'Create client' }).click();
  await page.waitForURL(UUID_PATH);
  await heading(page, legalName);
  return UUID_PATH.exec(new URL(page.url()).pathname)?.[1];
}

/** A small PNG: a dark diagonal stroke on white. */
export function tinyPng(width, height) {
  const row = width * 3 + 1;
  const raw = Buffer.alloc(row * height, 0xff);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0;
    const x = Math.floor((y / height) * width);
    raw.fill(0x20, y * row + 1 + x * 3, y * row + 1 + Math.min(width, x + 3) * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
