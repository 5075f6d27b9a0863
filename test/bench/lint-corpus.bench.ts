// `npm run corpus` (and `npm run bench`): the filing checker's precision and recall on its
// corpus of correct and wrong sentences, per check and in total. Printed, never asserted here;
// test/domain/lint-corpus.test.ts holds the assertions.
import { it } from 'vitest';
import { LINT_CORPUS } from '../fixtures/lint-corpus';
import { runCorpus, scoreByCheck, totals } from '../fixtures/lint-corpus-score';

it('filing checker: precision and recall on the corpus', () => {
  const results = runCorpus();
  const scores = scoreByCheck(results);
  const clean = results.filter((r) => r.item.expect.length === 0);
  const all = totals(scores);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`\nCorpus: ${LINT_CORPUS.length} items (${clean.length} correct, ${LINT_CORPUS.length - clean.length} wrong), ${scores.length} checks`);
  console.log(`Clean items with any error: ${clean.filter((r) => r.findings.some((f) => f.severity === 'error')).length}; with any finding: ${clean.filter((r) => r.findings.length).length}`);
  console.log(`Findings: ${all.tp} right, ${all.fp} wrong, ${all.fn} missed — precision ${pct(all.precision)}, recall ${pct(all.recall)}\n`);
  console.table(
    scores.map((s) => ({
      check: s.check,
      caught: s.truePositives,
      'false alarms': s.falsePositives,
      missed: s.falseNegatives,
      precision: pct(s.truePositives / (s.truePositives + s.falsePositives || 1)),
      recall: pct(s.truePositives / (s.truePositives + s.falseNegatives || 1)),
    })),
  );
});
