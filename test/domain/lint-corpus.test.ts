// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/domain/statement-lint';
import { LINT_CORPUS } from '../fixtures/lint-corpus';
import { runCorpus } from '../fixtures/lint-corpus-score';

const results = runCorpus();
const label = (t: string) => t.replace(/\s+/g, ' ').slice(0, 90);

describe('the filing checker on its corpus', () => {
  it('has at least 150 items', () => {
    expect(LINT_CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(CHECKS.length).toBeGreaterThan(20);
  });

  it.each(results.filter((r) => r.item.expect.length === 0).map((r) => [label(r.item.text), r] as const))('clean: %s', (_l, r) => {
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.id}: ${f.message}`)).toEqual([]);
    expect(r.findings.map((f) => f.id)).toEqual([]);
  });

  it.each(results.filter((r) => r.item.expect.length > 0).map((r) => [label(r.item.text), r] as const))('caught: %s', (_l, r) => {
    expect(r.missed, JSON.stringify(r.findings.map((f) => [f.id, f.severity]))).toEqual([]);
    for (const e of r.item.expect) {
      const f = r.findings.find((x) => x.id === e.id && x.severity === e.severity)!;
      // On topic: the message or its rule names the section the item turns on.
      expect(`${f.message} ${f.rule}`).toContain(r.item.rule);
    }
    // Nothing else that blocks.
    expect(r.extra.filter((f) => f.severity === 'error').map((f) => f.id)).toEqual([]);
  });

  it('has at least two wrong and two correct items for every check it exercises', () => {
    const ids = new Set(results.flatMap((r) => [...r.item.expect.map((e) => e.id), ...r.item.about]));
    for (const id of ids) {
      const positive = results.filter((r) => r.item.expect.some((e) => e.id === id)).length;
      const negative = results.filter((r) => r.item.about.includes(id) && !r.findings.some((f) => f.id === id)).length;
      expect({ id, positive: Math.min(positive, 2), negative: Math.min(negative, 2) }).toEqual({ id, positive: 2, negative: 2 });
    }
  });
});
