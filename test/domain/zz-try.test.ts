import { it } from 'vitest';
import { runCorpus } from '../fixtures/lint-corpus-score';
it('prints', () => {
  for (const r of runCorpus()) {
    const bad = r.missed.length || r.extra.length || r.item.expect.some((e) => { const f = r.findings.find((x) => x.id === e.id && x.severity === e.severity); return f && !`${f.message} ${f.rule}`.includes(r.item.rule); });
    if (bad) console.log('ITEM', JSON.stringify(r.item.text.slice(0, 100)), 'expect', JSON.stringify(r.item.expect), 'got', JSON.stringify(r.findings.map((f) => [f.id, f.severity, f.rule])));
  }
});
