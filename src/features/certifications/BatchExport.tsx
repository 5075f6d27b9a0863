import { For, Show, createMemo, createSignal } from 'solid-js';
import { describeStatus } from '../../domain/certification-status';
import { clientRecords, getCertifications, type CertificationSummary } from '../../db/certifications';
import type { Certification } from '../../domain/certification-record';
import type { StoredRecord } from '../../db/database';
import type { Client, Preparer, Settings } from '../../domain/schema';
import { todayLocal } from '../../domain/dates';
import { downloadBytes } from '../../documents/file-names';
import type { PackageJobs } from './package-jobs';
import { noteBatchExport } from './export-running';

const DRAFT_WORKERS = 2;
/** Packages handed to each worker at once: one drawing, the next ones waiting in its queue. */
const QUEUED_PER_WORKER = 3;

/** A consultant's batch: every chosen client's package in one zip; failures listed, never skipped silently. */
export function BatchExport(props: { certifications: CertificationSummary[]; clients: Client[]; preparers: Preparer[]; settings: Settings; season: number }) {
  // eslint-disable-next-line solid/reactivity -- the season is only the starting choice
  const [year, setYear] = createSignal(props.season);
  const [chosen, setChosen] = createSignal<Set<string>>(new Set());
  const [progress, setProgress] = createSignal<{ done: number; total: number; label: string } | undefined>();
  const [result, setResult] = createSignal<{ exported: string[]; failed: { label: string; reason: string }[] } | undefined>();
  const [error, setError] = createSignal('');
  const [kind, setKind] = createSignal<'signed' | 'drafts'>('signed');
  const clientsById = createMemo(() => new Map(props.clients.map((c) => [c.id, c])));
  const clientOf = (c: { clientId: string }) => clientsById().get(c.clientId);
  const years = createMemo(() => [...new Set(props.certifications.map((c) => c.certificationYear))].sort((a, b) => b - a));
  // By client name, as people sort names ("Carrier 9" before "Carrier 10"), so a client is found in a long list.
  const inYear = createMemo(() => {
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    const name = (c: CertificationSummary) => clientOf(c)?.legalName ?? '';
    return props.certifications
      .filter((c) => c.certificationYear === year())
      .map((c) => ({ c, name: name(c) }))
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((x) => x.c);
  });
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  const run = async () => {
    setError('');
    setResult(undefined);
    const pickedIds = inYear().filter((c) => chosen().has(c.id)).map((c) => c.id);
    if (!pickedIds.length) return setError('Choose at least one client.');
    setProgress({ done: 0, total: pickedIds.length, label: 'the packages' });
    let jobs: PackageJobs | undefined;
    const finished = noteBatchExport();
    try {
      // Every chosen certification whole in one read; each client's records by its key range,
      // read ahead while the packages before it render (IndexedDB never waits on the PDF).
      const [{ exportBatch }, { createPackageJobs }, whole] = await Promise.all([import('../../documents/batch'), import('./package-jobs'), getCertifications(pickedIds)]);
      // Drafts are assembled and drawn in two workers: the page stays responsive through hundreds.
      // Each worker has the next packages queued, so it never waits for the page to hand one over.
      jobs = kind() === 'drafts' ? createPackageJobs(DRAFT_WORKERS) : undefined;
      const ahead = kind() === 'drafts' ? DRAFT_WORKERS * QUEUED_PER_WORKER : 1;
      const draw = jobs;
      const picked = whole.filter((c): c is Certification => !!c);
      const reads = new Map<number, Promise<StoredRecord[]>>();
      const recordsOf = (i: number): Promise<StoredRecord[]> | undefined => {
        const client = picked[i] && clientOf(picked[i]!);
        if (kind() !== 'drafts' || !client) return undefined;
        let read = reads.get(i);
        if (!read) {
          read = clientRecords(client.id);
          read.catch(() => {});
          reads.set(i, read);
        }
        return read;
      };
      const items = picked.map((cert, i) => {
        const client = clientOf(cert);
        return {
          label: client?.legalName ?? 'Unknown client',
          build: async () => {
            if (!client) throw new Error('The client no longer exists on this device.');
            const frozen = cert.status === 'signed' || cert.status === 'filed';
            if (kind() === 'signed') {
              // The files as signed, byte for byte; an unsigned package never goes out looking final.
              if (!frozen) throw new Error(`Not signed yet (${describeStatus(cert, todayLocal())}): export it with the drafts for review, or sign it first.`);
              if (!cert.signedPackageId) throw new Error('It was marked signed by an earlier version of CPNI Desk, which did not keep the package as signed: reopen it as a draft and sign it again.');
              const { signedFiles } = await import('../../db/certification-steps');
              return signedFiles(cert.signedPackageId, 'single');
            }
            if (frozen) throw new Error(`Already ${cert.status}: export it with the signed packages.`);
            const records = await recordsOf(i)!;
            reads.delete(i);
            recordsOf(i + ahead);
            const preparer = props.preparers.find((p) => p.id === cert.preparerId) ?? props.preparers.find((p) => p.isDefault);
            // A draft for review: marked on every page, no signature. Errors in the checks still stop it (the export names them).
            return draw!.draft({ cert, client, records, settings: props.settings }, { preparer, documentDate: cert.dateFiled || todayLocal(), mode: 'single' });
          },
        };
      });
      const out = await exportBatch(items, (done, total, label) => setProgress({ done, total, label }), { date: todayLocal(), ahead });
      downloadBytes(out.zip, `CPNI Certifications ${year()}${kind() === 'drafts' ? ' DRAFTS' : ''}.zip`, 'application/zip');
      setResult({ exported: out.exported, failed: out.failed });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      finished();
      jobs?.close();
      setProgress(undefined);
    }
  };

  return (
    <section class="panel" aria-labelledby="batch-heading" data-testid="batch-export">
      <h2 id="batch-heading">Export several clients at once</h2>
      <fieldset class="inline-choices">
        <legend>Packages</legend>
        <div class="field field--checkbox">
          <input id="batch-signed" type="radio" name="batch-kind" checked={kind() === 'signed'} onChange={() => setKind('signed')} />
          <label for="batch-signed">Signed packages, exactly as signed (for filing)</label>
        </div>
        <div class="field field--checkbox">
          <input id="batch-drafts" type="radio" name="batch-kind" checked={kind() === 'drafts'} onChange={() => setKind('drafts')} />
          <label for="batch-drafts">Drafts for review, marked “DRAFT — not signed” on every page</label>
        </div>
      </fieldset>
      <div class="form form--inline">
        <div class="field">
          <label for="batch-year">Year to export</label>
          <select id="batch-year" value={year()} onChange={(e) => { setYear(Number(e.currentTarget.value)); setChosen(new Set<string>()); }}>
            <For each={years().length ? years() : [props.season]}>{(y) => <option value={y}>{y}</option>}</For>
          </select>
        </div>
        <button type="button" onClick={() => setChosen(new Set(inYear().filter((c) => (kind() === 'signed') === (c.status === 'signed' || c.status === 'filed')).map((c) => c.id)))}>
          {kind() === 'signed' ? 'Select all signed or filed' : 'Select all drafts'}
        </button>
        <button type="button" onClick={() => setChosen(new Set(inYear().map((c) => c.id)))}>Select all</button>
      </div>
      <ul class="plain-list">
        <For each={inYear()}>
          {(c) => (
            <li class="field field--checkbox">
              <input id={`batch-${c.id}`} type="checkbox" checked={chosen().has(c.id)} onChange={(e) => toggle(c.id, e.currentTarget.checked)} />
              <label for={`batch-${c.id}`}>
                {clientOf(c)?.legalName ?? 'Unknown client'} <span class="muted">({describeStatus(c, todayLocal())})</span>
              </label>
            </li>
          )}
        </For>
      </ul>
      <button type="button" class="primary" disabled={!!progress()} onClick={() => void run()} data-testid="batch-export-button">
        Export {chosen().size} {chosen().size === 1 ? 'package' : 'packages'} as a zip
      </button>
      <Show when={progress()}>
        {(p) => (
          <div>
            <label for="batch-progress">Exporting {p().label}…</label>
            <progress id="batch-progress" max={p().total} value={p().done}>{p().done} of {p().total}</progress>{' '}
            <span class="hint">{p().done} of {p().total}</span>
          </div>
        )}
      </Show>
      <Show when={error()}>
        <p class="error" role="alert">{error()}</p>
      </Show>
      <Show when={result()}>
        {(r) => (
          <div role="status" data-testid="batch-result">
            <p class="success">Exported {r().exported.length}: {r().exported.join(', ') || 'none'}.</p>
            <Show when={r().failed.length}>
              <p class="error">Not exported ({r().failed.length}):</p>
              <ul>
                <For each={r().failed}>{(f) => <li><strong>{f.label}</strong>: {f.reason}</li>}</For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
