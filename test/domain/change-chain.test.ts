// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chained, verifyChain } from '../../src/domain/change-chain';
import type { ChangeLogEntry } from '../../src/domain/entities/change-log';

function log(n: number, unchained = 0): ChangeLogEntry[] {
  const out: ChangeLogEntry[] = [];
  for (let i = 0; i < unchained; i++) out.push({ seq: i + 1, at: `2026-01-0${(i % 9) + 1}T10:00:00.000Z`, entity: 'client', entityId: `c${i}`, action: 'create', summary: `Created client ${i}` });
  let prev = '';
  for (let i = 0; i < n; i++) {
    const row = chained(prev, { at: `2026-02-${String((i % 28) + 1).padStart(2, '0')}T10:00:00.000Z`, entity: 'record' as const, entityId: `r${i}`, action: 'update' as const, summary: `Updated record ${i}` });
    out.push({ ...row, seq: unchained + i + 1 });
    prev = row.hash;
  }
  return out;
}

describe('the change log hash chain', () => {
  it('checks out when nothing was touched, counting entries from before the chain apart', () => {
    expect(verifyChain(log(20, 3))).toEqual({ ok: true, chained: 20, unchained: 3, firstChainedAt: '2026-02-01T10:00:00.000Z' });
    expect(verifyChain([])).toEqual({ ok: true, chained: 0, unchained: 0 });
  });

  it('reports the first broken link when an entry is edited, removed, moved or slipped in (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.nat(), fc.constantFrom('edit', 'remove', 'swap', 'insert', 'rehash-one'), (n, pick, how) => {
        const entries = log(n);
        // The newest entry removed leaves a valid, shorter chain: only the chain's head kept elsewhere could tell.
        const i = how === 'remove' ? pick % (n - 1) : pick % n;
        const tampered = structuredClone(entries);
        if (how === 'edit') tampered[i]!.summary += ' (edited)';
        if (how === 'remove') tampered.splice(i, 1);
        if (how === 'swap') [tampered[i], tampered[(i + 1) % n]] = [tampered[(i + 1) % n]!, tampered[i]!];
        if (how === 'insert') tampered.splice(i + 1, 0, { seq: 999, at: '2026-03-01T00:00:00.000Z', entity: 'client', entityId: 'x', action: 'delete', summary: 'Deleted x' });
        // Editing an entry and recomputing its own hash still breaks the next link.
        if (how === 'rehash-one') {
          const { at, entity, entityId, action, prev, seq } = tampered[i]!;
          tampered[i] = { ...chained(prev!, { at, entity, entityId, action, summary: 'Forged' }), seq };
          if (i === n - 1) tampered.push({ ...entries[i]!, seq: 1000 }); // a later entry still linking to the original
        }
        const result = verifyChain(tampered);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.broken.reason).toMatch(/changed|removed|moved|added outside/);
      }),
      { numRuns: 1_000 },
    );
  });

  it('says in words which entry broke the chain', () => {
    const entries = log(5);
    entries[2]!.summary = 'Updated record 2 differently';
    const result = verifyChain(entries);
    expect(result).toMatchObject({ ok: false, chained: 2, broken: { seq: 3, summary: 'Updated record 2 differently', reason: 'its content no longer matches its hash: it was changed after it was written' } });
  });
});
