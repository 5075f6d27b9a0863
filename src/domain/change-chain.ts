/**
 * The change log as a hash chain: each entry's hash is SHA-256 over the previous entry's hash
 * and the entry's own canonical JSON, so changing, removing or reordering any entry breaks every
 * link after it. Entries written before the chain began carry no hash; the chain starts at the
 * first that does. Pure and synchronous, so the hash is computed inside the write's transaction.
 */
import { canonicalJson, sha256Hex } from './sha256';
import type { ChainHead, ChangeLogEntry } from './entities/change-log';

/** The hash before the first chained entry. */
export const CHAIN_START = '';

/** What the hash covers: every field of the entry except its storage number and its own hash. */
export function entryHash(prev: string, entry: Omit<ChangeLogEntry, 'seq' | 'hash'>): string {
  const content: Record<string, unknown> = { ...entry, prev };
  delete content.seq;
  delete content.hash;
  return sha256Hex(`${prev}\n${canonicalJson(content)}`);
}

/** The entry with its link to `prev` and its own hash. */
export function chained<T extends Omit<ChangeLogEntry, 'seq' | 'hash' | 'prev'>>(prev: string, entry: T): T & { prev: string; hash: string } {
  return { ...entry, prev, hash: entryHash(prev, entry as Omit<ChangeLogEntry, 'seq' | 'hash'>) };
}

export type ChainCheck =
  | { ok: true; chained: number; unchained: number; firstChainedAt?: string }
  | {
      ok: false;
      chained: number;
      unchained: number;
      broken: { seq?: number; at: string; summary: string; reason: string };
      /** Set when the chain is intact but ends before the head recorded apart from it. */
      truncated?: { endsAt: number; recorded: number; recordedAt?: string };
    };

/** "the log ends at entry 12 but entry 15 was recorded (3 entries were removed from its end)". */
export function truncationWords(endsAt: number, recorded: number): string {
  const gone = recorded - endsAt;
  return `the log ends at entry ${endsAt} but entry ${recorded} was recorded: ${gone === 1 ? 'the newest entry was' : `the newest ${gone} entries were`} removed`;
}

/**
 * Checks the entries in log order (by `seq`); reports the first broken link in words. With the
 * `head` recorded apart from the log (number and hash of the newest entry), entries removed from
 * the end, which leave an intact shorter chain, are reported too.
 */
export function verifyChain(entries: readonly ChangeLogEntry[], head?: ChainHead): ChainCheck {
  let prev: string | undefined;
  let chainedCount = 0;
  let unchained = 0;
  let firstChainedAt: string | undefined;
  for (const entry of entries) {
    if (entry.hash === undefined) {
      // Only before the chain began: an unhashed entry after it means one was put in later.
      if (prev !== undefined) return { ok: false, chained: chainedCount, unchained, broken: { seq: entry.seq, at: entry.at, summary: entry.summary, reason: 'it has no hash, though entries before it do: it was added outside CPNI Desk' } };
      unchained++;
      continue;
    }
    const expectedPrev = prev ?? CHAIN_START;
    if ((entry.prev ?? '') !== expectedPrev)
      return {
        ok: false,
        chained: chainedCount,
        unchained,
        broken: { seq: entry.seq, at: entry.at, summary: entry.summary, reason: prev === undefined ? 'the first chained entry does not start the chain: entries before it were removed' : 'it does not follow the entry before it: an entry was removed or moved' },
      };
    if (entryHash(expectedPrev, entry) !== entry.hash)
      return { ok: false, chained: chainedCount, unchained, broken: { seq: entry.seq, at: entry.at, summary: entry.summary, reason: 'its content no longer matches its hash: it was changed after it was written' } };
    prev = entry.hash;
    chainedCount++;
    firstChainedAt ??= entry.at;
  }
  if (head) {
    const last = entries[entries.length - 1];
    const endsAt = last?.seq ?? 0;
    if (endsAt < head.seq)
      return {
        ok: false,
        chained: chainedCount,
        unchained,
        broken: { seq: head.seq, at: head.at ?? '', summary: '', reason: truncationWords(endsAt, head.seq) },
        truncated: { endsAt, recorded: head.seq, ...(head.at ? { recordedAt: head.at } : {}) },
      };
    const atHead = entries.find((e) => e.seq === head.seq);
    if (atHead && atHead.hash !== head.hash)
      return { ok: false, chained: chainedCount, unchained, broken: { seq: head.seq, at: atHead.at, summary: atHead.summary, reason: 'it is not the entry recorded as the newest at that number: the log was replaced or rewritten from there' } };
  }
  return { ok: true, chained: chainedCount, unchained, ...(firstChainedAt ? { firstChainedAt } : {}) };
}
