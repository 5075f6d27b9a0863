import { describe, expect, it } from 'vitest';
import { afterBatchExports, noteBatchExport } from '../../src/features/certifications/export-running';

describe('the season board’s checks wait for a batch export', () => {
  it('go on at once with no export running, and only after every running export has finished', async () => {
    let went = false;
    await afterBatchExports();
    const first = noteBatchExport();
    const second = noteBatchExport();
    const waiting = afterBatchExports().then(() => (went = true));
    first();
    first();
    await new Promise((r) => setTimeout(r, 400));
    expect(went).toBe(false);
    second();
    await waiting;
    expect(went).toBe(true);
  });
});
