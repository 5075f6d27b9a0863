// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  changeKey,
  newerWins,
  planMerge,
  rowHash,
  rowsToWrite,
  summarize,
  syncKey,
  type ClientTransferData,
  type LocalState,
  type MergePlan,
  type TransferRow,
} from '../../src/domain/client-transfer';
import type { ChangeLogEntry } from '../../src/domain/entities';

const client = (over: Record<string, unknown> = {}) => ({ id: 'c1', legalName: 'Mesa Rural Telephone Co.', filerId: '823456', updatedAt: '2026-01-01T00:00:00.000Z', rev: 1, ...over });
const record = (id: string, over: Record<string, unknown> = {}) => ({ id, clientId: 'c1', kind: 'training', heldOn: '2026-02-02', topic: 'CPNI basics', updatedAt: '2026-01-01T00:00:00.000Z', rev: 1, ...over });
const entry = (summary: string): ChangeLogEntry => ({ at: '2026-01-01T00:00:00.000Z', entity: 'client', entityId: 'c1', action: 'update', summary });

function file(records: TransferRow[], c = client(), changeLog: ChangeLogEntry[] = []): ClientTransferData {
  return { clients: [c], preparers: [], records, certifications: [], signedPackages: [], changeLog } as unknown as ClientTransferData;
}

/** A device: its rows and the hashes it last synced at. */
function device(clients: TransferRow[], records: TransferRow[], synced: ClientTransferData | undefined, log: ChangeLogEntry[] = []): LocalState {
  const bases = new Map<string, string>();
  if (synced) {
    for (const c of synced.clients as unknown as TransferRow[]) bases.set(syncKey('clients', c.id), rowHash('clients', c));
    for (const r of synced.records as unknown as TransferRow[]) bases.set(syncKey('records', r.id), rowHash('records', r));
  }
  return { rows: { clients, records }, bases, certificationsOfClients: [], changeKeys: new Set(log.map(changeKey)) };
}

const listed = (plan: MergePlan) =>
  plan.items
    .filter((i) => i.status !== 'same')
    .map((i) => `${i.status}:${i.id}${i.newer ? `:${i.newer}-newer` : ''}`)
    .sort();

describe('the merge plan of a client file', () => {
  it('lists new rows, rows changed in the file only, rows changed here only, and conflicts', () => {
    const base = file([record('r1'), record('r2'), record('r3'), record('r4')]);
    // Since the last sync: the file changed r1 and r3 and added r5; this device changed r2 and r3.
    const theirs = file([record('r1', { topic: 'Theirs', updatedAt: '2026-03-01T00:00:00.000Z' }), record('r2'), record('r3', { topic: 'Theirs', updatedAt: '2026-03-01T00:00:00.000Z' }), record('r4'), record('r5')]);
    const ours = device(
      [client()],
      [record('r1'), record('r2', { topic: 'Ours', updatedAt: '2026-02-01T00:00:00.000Z' }), record('r3', { topic: 'Ours', updatedAt: '2026-04-01T00:00:00.000Z', rev: 7 }), record('r4', { rev: 9 })],
      base,
    );
    const plan = planMerge(theirs, ours);
    expect(listed(plan)).toEqual(['conflict:r3:ours-newer', 'new:r5', 'ours:r2:ours-newer', 'theirs:r1:theirs-newer']);
    // r4 differs only in its local revision: the same row.
    expect(plan.items.find((i) => i.id === 'r4')!.status).toBe('same');
    // By default: the file's where only it changed, ours where only ours did, the newer in a conflict.
    expect(rowsToWrite(plan, {}).map((i) => i.id).sort()).toEqual(['r1', 'r5']);
    expect(summarize(plan, {})).toEqual({ added: 1, updated: 1, kept: 2, conflicts: 1, skipped: 0, changes: 0 });
    // The user takes the file's side of the conflict.
    expect(rowsToWrite(plan, { 'records:r3': 'theirs' }).map((i) => i.id).sort()).toEqual(['r1', 'r3', 'r5']);
  });

  it('never synced and different: "differs"; newer wins picks the later save on each row', () => {
    const theirs = file([record('r1', { topic: 'Theirs', updatedAt: '2026-05-01T00:00:00.000Z' }), record('r2', { topic: 'Theirs', updatedAt: '2026-01-02T00:00:00.000Z' })]);
    const ours = device([client()], [record('r1', { topic: 'Ours', updatedAt: '2026-04-01T00:00:00.000Z' }), record('r2', { topic: 'Ours', updatedAt: '2026-06-01T00:00:00.000Z' })], undefined);
    const plan = planMerge(theirs, ours);
    expect(listed(plan)).toEqual(['differs:r1:theirs-newer', 'differs:r2:ours-newer']);
    const choices = newerWins(plan);
    expect(choices).toEqual({ 'records:r1': 'theirs', 'records:r2': 'ours' });
    expect(rowsToWrite(plan, choices).map((i) => i.id)).toEqual(['r1']);
  });

  it('A → B → A: the rows come back as the same rows (ids kept), and a second import adds nothing', () => {
    const onA = file([record('r1'), record('r2')], client(), [entry('Created')]);
    // B starts empty: everything is new.
    const toB = planMerge(onA, device([], [], undefined));
    expect(toB.items.map((i) => i.status)).toEqual(['new', 'new', 'new']);
    expect(toB.newChanges).toHaveLength(1);
    // B edits r2 (its revision moves on) and sends everything back.
    const fromB = file([record('r1', { rev: 2 }), record('r2', { topic: 'Edited on B', updatedAt: '2026-03-01T00:00:00.000Z', rev: 3 })], client({ rev: 2 }), [entry('Created'), entry('Edited on B')]);
    const backOnA = planMerge(fromB, device([client()], [record('r1'), record('r2')], onA, [entry('Created')]));
    expect(listed(backOnA)).toEqual(['theirs:r2:theirs-newer']);
    expect(backOnA.items.filter((i) => i.status === 'new')).toEqual([]);
    expect(backOnA.newChanges.map((e) => e.summary)).toEqual(['Edited on B']);
    // Applied, A holds B's rows; the same file again is all "same".
    const afterwards = device([client()], [record('r1'), fromB.records[1] as unknown as TransferRow], fromB, [entry('Created'), entry('Edited on B')]);
    const again = planMerge(fromB, afterwards);
    expect(listed(again)).toEqual([]);
    expect(again.newChanges).toEqual([]);
    expect(rowsToWrite(again, newerWins(again))).toEqual([]);
  });

  it('a certification for a year this device already holds under another id is not added', () => {
    const cert = { id: 'k1', clientId: 'c1', certificationYear: 2026, updatedAt: '2026-01-01T00:00:00.000Z' };
    const theirs = { ...file([]), certifications: [cert] } as unknown as ClientTransferData;
    const plan = planMerge(theirs, { ...device([client()], [], undefined), certificationsOfClients: [{ ...cert, id: 'k2' }] as never });
    expect(plan.items.find((i) => i.id === 'k1')).toMatchObject({ status: 'clash' });
    expect(rowsToWrite(plan, { 'certifications:k1': 'theirs' })).toEqual([]);
  });
});
