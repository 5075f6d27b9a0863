import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { addDaysIso, addRecord, chooseCsvFile, createClient, heading, localToday, openNewRecordForm } from '../app-steps.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's findings on the page as it is now, one line per failing element. */
async function axeViolations(page, screen) {
  // Inline script: allowed only because this context bypasses the app's CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
  return violations.flatMap((v) => v.nodes.map((n) => `${screen}: [${v.id}, ${v.impact}] ${v.help} at ${n.target}\n      ${(n.summary ?? '').replace(/\n/g, ' ')}`));
}

/** A page that may run axe (the CSP is bypassed in this context only) and collects what it finds. */
async function axeSession(newContext) {
  const page = await (await newContext({ bypassCSP: true })).newPage();
  const found = [];
  return {
    page,
    check: async (screen) => found.push(...(await axeViolations(page, screen))),
    assertClean: () => assert.equal(found.length, 0, `axe-core violations:\n    ${found.join('\n    ')}`),
  };
}

export const tests = [
  {
    name: 'axe-core finds no violations on any screen',
    async fn({ newContext, origin }) {
      const { page, check, assertClean } = await axeSession(newContext);

      await page.goto(`${origin}/`);
      await page.getByTestId('welcome').waitFor();
      await page.getByTestId('welcome-restore').waitFor();
      await check('welcome');

      await page.getByTestId('start').click();
      await heading(page, 'Dashboard');
      await page.getByRole('heading', { name: 'Start with a client' }).waitFor();
      await check('dashboard, no clients');

      await page.goto(`${origin}/clients`);
      await page.getByRole('heading', { name: 'No clients yet' }).waitFor();
      await check('clients list, empty');

      await page.goto(`${origin}/clients/new`);
      await heading(page, 'New client');
      await page.getByRole('button', { name: 'Add an officer' }).click();
      await page.getByRole('button', { name: 'Add an affiliate' }).click();
      await page.getByRole('button', { name: 'Create client' }).click();
      await page.getByTestId('form-errors').waitFor();
      await check('new client form with errors');

      await createClient(page, origin, { legalName: 'Northern Plains Telecom Inc.', filerId: '12345', frn: '0012345678' });
      await page.getByText('Check:', { exact: false }).first().waitFor();
      await check('client detail, with a warning');

      await page.goto(`${origin}/clients`);
      await page.getByTestId('clients-table').waitFor();
      await check('clients list, one client');

      await page.goto(`${origin}/`);
      await heading(page, 'Dashboard');
      await page.locator('main').getByText('Northern Plains Telecom Inc.').first().waitFor();
      await check('dashboard, one client');

      for (const [path, title] of [
        ['/certifications', 'Certifications'],
        ['/clients/import', 'Import clients'],
        ['/records', 'Records'],
        ['/settings', 'Settings'],
        ['/no-such-screen', undefined],
      ]) {
        await page.goto(`${origin}${path}`);
        if (title) await heading(page, title);
        else await page.locator('main h1').waitFor();
        if (path === '/settings') await page.getByTestId('usage').waitFor();
        if (path === '/certifications') await page.getByTestId('season-table').waitFor();
        await check(path === '/no-such-screen' ? 'not found' : title);
      }

      // The check screen with findings, the numbered copy of the filing and a client to confirm.
      await page.goto(`${origin}/certifications/check`);
      await heading(page, 'Check a filing written elsewhere');
      await page.getByLabel('Text of the filing').fill('Annual CPNI Certification for 2013 covering calendar year 2012\nDate filed: January 27, 2013\nForm 499 Filer ID: 823901\nName of signatory: Dale Hutchins\nTitle of signatory: Compliance Officer\n\nSigned:\n\nBreaches are reported to the FBI within seven days.\n');
      await page.getByTestId('numbered-text').getByTestId('highlight').first().waitFor();
      await page.getByTestId('finding-line').first().click();
      await page.getByRole('button', { name: 'Start a client from this filing' }).click();
      await page.getByTestId('client-from-filing').waitFor();
      await check('check a filing, with findings and a client to confirm');

      assertClean();
    },
  },
  {
    name: 'axe-core finds no violations on the record screens and the dashboard with deadlines',
    async fn({ newContext, origin }) {
      const { page, check, assertClean } = await axeSession(newContext);

      await page.goto(`${origin}/`);
      await page.getByTestId('start').click();
      await heading(page, 'Dashboard');
      const clientId = await createClient(page, origin, { legalName: 'Northern Plains Telecom Inc.', filerId: '12345', frn: '0012345678' });

      const form = await openNewRecordForm(page, origin, { clientId, kind: 'breach', title: 'Breach incident' });
      await form.getByRole('button', { name: 'Save breach incident' }).click();
      await page.getByTestId('form-errors').waitFor();
      await check('new breach form with errors');

      const today = localToday();
      await addRecord(page, origin, {
        clientId,
        kind: 'breach',
        title: 'Breach incident',
        fields: {
          'Discovered on': addDaysIso(today, -22),
          'Reasonably determined on': addDaysIso(today, -20),
          'What CPNI was involved': 'Call detail records of 40 accounts',
        },
      });
      await page.getByTestId('record-clocks').waitFor();
      await check('breach detail with its clocks');

      // Approvals two years old are past their one-year retention (§ 64.2007(a)(3)).
      const old = addDaysIso(today, -730);
      await page.goto(`${origin}/records/import?client=${clientId}`);
      await heading(page, 'Import customer approvals');
      const rows = [`500101,opt-out,written,granted,${old},`, '500102,opt-in,oral,granted,not a date,', `500103,opt-in,electronic,denied,${old},`];
      await chooseCsvFile(page, 'approvals.csv', ['account,type,medium,status,date,scope', ...rows, ''].join('\n'));
      await page.getByTestId('import-table').waitFor();
      await check('CSV import with its report');
      await page.getByRole('button', { name: 'Import the 2 valid rows and skip 1 row with errors' }).click();
      await page.getByTestId('import-done').waitFor();
      await check('CSV import, done');

      await page.goto(`${origin}/records?client=${clientId}`);
      await heading(page, 'Records');
      await page.getByTestId('records-table').waitFor();
      await check('records list with records');

      await page.goto(`${origin}/`);
      await heading(page, 'Dashboard');
      await page.getByTestId('deadlines').waitFor();
      await page.getByTestId('certification-season').waitFor();
      const review = page.getByTestId('retention-review');
      await review.getByRole('button', { name: 'Find records past their retention period' }).click();
      await review.getByRole('table').waitFor();
      await check('dashboard with deadlines and the retention review open');

      assertClean();
    },
  },
  {
    name: 'axe-core finds no violations on the certification screens and the opt-out failure letter',
    async fn({ newContext, origin }) {
      const { page, check, assertClean } = await axeSession(newContext);

      await page.goto(`${origin}/`);
      await page.getByTestId('start').click();
      await heading(page, 'Dashboard');
      const clientId = await createClient(page, origin, { legalName: 'Northern Plains Telecom Inc.', filerId: '123456' });

      await addRecord(page, origin, {
        clientId,
        kind: 'optOutFailure',
        title: 'Opt-out mechanism failure',
        fields: { 'Learned on': addDaysIso(localToday(), -2), 'Opt-out mechanism': 'Web opt-out form', 'The problem': 'The form dropped submissions for two days.' },
      });
      await page.getByTestId('opt-out-letter').waitFor();
      await check('opt-out failure with its § 64.2009(f) letter');

      await page.goto(`${origin}/certifications`);
      await heading(page, 'Certifications');
      await page.getByLabel('Client').selectOption({ label: 'Northern Plains Telecom Inc.' });
      await page.getByLabel('Certification year').fill('2027');
      await page.getByRole('button', { name: 'Start' }).click();
      await page.waitForURL(/\/certifications\/[0-9a-f-]{36}$/);
      await page.getByTestId('lint').waitFor();
      // A non-officer signatory makes the checks list an error with its override control.
      await page.getByLabel('Signatory title').fill('Regulatory Consultant');
      await page.getByTestId('finding').first().waitFor();
      await check('certification editor with findings');

      await page.getByRole('button', { name: 'Save certification' }).click();
      await page.goto(`${origin}/certifications/check`);
      await heading(page, 'Check a filing written elsewhere');
      await page.getByLabel('Text of the filing').fill('Annual 64.2010(e) CPNI Certification for 2026 covering 2026. Breaches are reported within 7 days. WC Docket No. 06-36.');
      await page.getByTestId('check-results').getByTestId('finding').first().waitFor();
      await check('check a filing written elsewhere, with findings');

      await page.goto(`${origin}/certifications`);
      await page.getByTestId('certifications-table').waitFor();
      await page.getByTestId('batch-export').waitFor();
      await check('certifications list with batch export');

      assertClean();
    },
  },
  {
    name: 'the Content-Security-Policy blocks inline scripts and requests to other origins',
    async fn({ page, origin }) {
      await page.goto(`${origin}/`);
      await page.getByTestId('welcome').waitFor();
      const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
      assert.deepEqual(directives['default-src'], ["'self'"]);
      assert.deepEqual(directives['script-src'], ["'self'"]);
      assert.deepEqual(directives['connect-src'], ["'self'"]);

      const outcome = await page.evaluate(async () => {
        const violations = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
        const fetched = await fetch('https://example.com/').then(
          () => 'fetched',
          (e) => `refused: ${e}`,
        );
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true;';
        document.head.append(script);
        await new Promise((r) => setTimeout(r, 100));
        return { fetched, inlineRan: 'inlineRan' in window || '__inlineRan' in window, violations };
      });
      assert.match(outcome.fetched, /^refused/);
      assert.equal(outcome.inlineRan, false, 'an inline script did not run');
      assert.ok(outcome.violations.includes('connect-src https://example.com/'), `the fetch was refused by connect-src: ${JSON.stringify(outcome.violations)}`);
      assert.ok(outcome.violations.some((v) => v.startsWith('script-src-elem inline')), `the inline script was refused: ${JSON.stringify(outcome.violations)}`);
    },
  },
];
