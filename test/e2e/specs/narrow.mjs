import assert from 'node:assert/strict';
import { addRecord, createClient, heading, localToday, addDaysIso, startApp } from '../app-steps.mjs';

/** How far the page scrolls sideways; 0 when everything fits. */
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

export const tests = [
  {
    name: 'at 390 px wide no screen scrolls sideways: dashboard, clients, client, certifications, records, a record, settings',
    async fn({ page, origin }) {
      await startApp(page, origin);
      const clientId = await createClient(page, origin, { legalName: 'Prairie Valley Telephone Cooperative Association of Western Kansas', filerId: '812345' });
      const determined = addDaysIso(localToday(), -3);
      const recordId = await addRecord(page, origin, {
        clientId,
        kind: 'breach',
        title: 'Breach incident',
        fields: { 'Discovered on': determined, 'Reasonably determined on': determined, 'What CPNI was involved': 'Call detail records of 12 customers' },
      });
      await page.setViewportSize({ width: 390, height: 844 });
      for (const [path, title] of [
        ['/', 'Dashboard'],
        ['/clients', 'Clients'],
        [`/clients/${clientId}`, 'Prairie Valley Telephone Cooperative Association of Western Kansas'],
        ['/certifications', 'Certifications'],
        [`/records?client=${clientId}`, 'Records'],
        [`/records/${recordId}`, undefined],
        ['/settings', 'Settings'],
      ]) {
        await page.goto(`${origin}${path}`);
        if (title) await heading(page, title);
        else await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForTimeout(300);
        assert.equal(await sideways(page), 0, `${path} fits 390 px without sideways scrolling`);
      }
    },
  },
];
