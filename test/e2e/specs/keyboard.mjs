import assert from 'node:assert/strict';
import { UUID_PATH, field, heading, startApp } from '../app-steps.mjs';

/** What has focus, in words a failure message can show. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { kind: 'body', name: '', outline: 'none', visible: false };
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent?.replace(/\s*\*$/, '').trim() : undefined;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
      kind: el.tagName.toLowerCase(),
      name: label ?? el.textContent?.trim() ?? '',
      outline: style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0 ? 'none' : `${style.outlineStyle} ${style.outlineWidth}`,
      visible: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight,
    };
  });
}

/** Presses Tab (or `key`) until `want` matches what has focus; returns every stop on the way. */
async function tabUntil(page, want, max = 40, key = 'Tab') {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    stops.push(now);
    if (want(now)) return stops;
  }
  throw new Error(`Tab never reached the target; stops: ${stops.map((s) => `${s.kind} "${s.name}"`).join(', ')}`);
}

export const tests = [
  {
    name: 'keyboard only: Tab reaches the skip link, the navigation and the form, focus is visible, and a client can be created',
    async fn({ page, origin }) {
      await page.goto(`${origin}/`);
      await page.getByTestId('welcome').waitFor();
      const toStart = await tabUntil(page, (f) => f.kind === 'button' && f.name === 'Start using CPNI Desk');
      assert.ok(toStart.every((s) => s.outline !== 'none'), `every stop shows focus: ${JSON.stringify(toStart)}`);
      await page.keyboard.press('Enter');
      await heading(page, 'Dashboard');

      await page.goto(`${origin}/clients/new`);
      await heading(page, 'New client');
      const stops = await tabUntil(page, (f) => f.kind === 'input' && f.name === 'Legal name');
      const first = stops[0];
      assert.equal(`${first.kind} ${first.name}`, 'a Skip to content', 'the first Tab stop is the skip link');
      assert.ok(first.visible, 'the focused skip link is on screen');
      const names = stops.map((s) => s.name);
      const nav = ['Dashboard', 'Clients', 'Certifications', 'Records', 'Settings'].map((n) => names.indexOf(n));
      assert.ok(nav.every((i) => i > 0), `every nav link is a Tab stop: ${names.join(' | ')}`);
      assert.deepEqual([...nav].sort((a, b) => a - b), nav, 'nav links come in their visual order');
      for (const s of stops) assert.notEqual(s.outline, 'none', `focus is visible on ${s.kind} "${s.name}"`);

      await page.keyboard.type('Lakeside Telephone Company');
      await tabUntil(page, (f) => f.name === 'Form 499 Filer ID', 3);
      await page.keyboard.type('845210');
      const toButton = await tabUntil(page, (f) => f.kind === 'button' && f.name === 'Add an officer');
      const button = toButton[toButton.length - 1];
      assert.notEqual(button.outline, 'none', 'a focused button shows an outline');
      assert.ok(button.visible);

      await page.keyboard.press('Enter');
      await page.getByTestId('officer-row').waitFor();
      // The new row sits above the button that added it.
      await tabUntil(page, (f) => f.name === 'Officer 1 name', 5, 'Shift+Tab');
      await page.keyboard.type('Dana Whitfield');
      await page.keyboard.press('Tab');
      await page.keyboard.type('President');
      await page.keyboard.press('Enter');

      await page.waitForURL(UUID_PATH);
      await heading(page, 'Lakeside Telephone Company');
      assert.equal(await field(page, 'Officer 1 title').inputValue(), 'President');
    },
  },
  {
    name: 'the skip link moves focus to the main content',
    async fn({ page, origin }) {
      await startApp(page, origin);
      await page.goto(`${origin}/clients/new`);
      await heading(page, 'New client');
      await field(page, 'Legal name').fill('Typed before skipping');
      let dialog;
      page.on('dialog', (d) => {
        dialog = d.message();
        void d.dismiss();
      });

      // The first Tab stop is the skip link (see the keyboard test); start from it.
      await page.getByRole('link', { name: 'Skip to content' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForTimeout(200);
      assert.equal(dialog, undefined, 'skipping to the content is not leaving the form');
      assert.equal(await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement)), true, 'focus is in <main>');
      await page.keyboard.press('Tab');
      const next = await focused(page);
      assert.equal(`${next.kind} ${next.name}`, 'input Legal name', 'the next Tab goes to the first form field, not back to the header');
      assert.equal(await field(page, 'Legal name').inputValue(), 'Typed before skipping');
    },
  },
  {
    name: 'leaving a form with unsaved changes asks first; dismissing keeps the form and its text',
    async fn({ page, origin }) {
      await startApp(page, origin);
      const mainNav = page.getByRole('navigation', { name: 'Main' });
      const dialogs = [];
      let answer = 'dismiss';
      page.on('dialog', (d) => {
        dialogs.push({ type: d.type(), message: d.message() });
        void (answer === 'accept' ? d.accept() : d.dismiss());
      });

      // An untouched form lets you go without asking.
      await page.goto(`${origin}/clients/new`);
      await heading(page, 'New client');
      await mainNav.getByRole('link', { name: 'Clients' }).click();
      await heading(page, 'Clients');
      assert.deepEqual(dialogs, []);

      await page.goto(`${origin}/clients/new`);
      await heading(page, 'New client');
      await field(page, 'Legal name').fill('Unsaved Rural Telephone');
      await mainNav.getByRole('link', { name: 'Dashboard' }).click();
      await page.waitForTimeout(300);
      assert.equal(dialogs.length, 1, 'one confirm dialog');
      assert.equal(dialogs[0].type, 'confirm');
      assert.match(dialogs[0].message, /unsaved changes/i);
      assert.equal(new URL(page.url()).pathname, '/clients/new');
      await heading(page, 'New client');
      assert.equal(await field(page, 'Legal name').inputValue(), 'Unsaved Rural Telephone');

      answer = 'accept';
      await mainNav.getByRole('link', { name: 'Dashboard' }).click();
      await heading(page, 'Dashboard');
      assert.equal(dialogs.length, 2);
      assert.equal(new URL(page.url()).pathname, '/');

      // Once saved, the form is clean again and nothing asks.
      await page.goto(`${origin}/clients/new`);
      await field(page, 'Legal name').fill('Saved Rural Telephone');
      await field(page, 'Form 499 Filer ID').fill('877001');
      await page.getByRole('button', { name: 'Create client' }).click();
      await page.waitForURL(UUID_PATH);
      await heading(page, 'Saved Rural Telephone');
      await mainNav.getByRole('link', { name: 'Clients' }).click();
      await heading(page, 'Clients');
      assert.equal(dialogs.length, 2, 'no dialog after saving');
    },
  },
];
