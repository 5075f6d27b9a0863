import { For, Show, batch, createEffect, createMemo, createSignal, createUniqueId, on, onCleanup, untrack } from 'solid-js';
import { listCertificationsOfYear, recordsOfClients, type CertificationSummary } from '../../db/certifications';
import { createLiveValue } from '../../db/live-value';
import { afterBatchExports } from './export-running';
import { shortFingerprint } from '../../domain/signed-package';
import { describeOpenChecks, openChecksWeight, type OpenChecks } from './open-checks';
import type { PackageJobs } from './package-jobs';
import type { FiledResult, SeasonStartItem } from '../../db/season';
// Starting the season and marking filings need the certification model and its checks: loaded on click.
const seasonSteps = () => import('../../db/season');
import type { Certification } from '../../domain/certification-record';
import { describeStatus, type CertificationStatus } from '../../domain/certification-status';
import { formatLong, formatWithWeekday, todayLocal, type IsoDate } from '../../domain/dates';
import { parseFiledList, seasonProgress } from '../../domain/season';
import { matchesSearch } from '../../domain/search-text';
import type { Client, Settings } from '../../domain/schema';
import { RECORD_KIND_META } from '../records/record-kinds';
import { SelectField, TextArea, TextField } from '../../ui/fields';
import { Notice } from '../../ui/page';
import { downloadBytes } from '../../documents/file-names';
import { readSignatureFile } from './signature-file';
import { formatCount } from '../../domain/counts';

type SortKey = 'client' | 'filerId' | 'status' | 'checks' | 'signatory' | 'updated';
type Row = { client: Client; cert?: CertificationSummary };

const STATUS_ORDER: Record<CertificationStatus | 'none', number> = { none: 0, draft: 1, ready: 2, signed: 3, filed: 4 };
const STATUS_FILTERS: Record<CertificationStatus | 'none', string> = { none: 'Not started', draft: 'Draft', ready: 'Ready to sign', signed: 'Signed', filed: 'Filed' };
const n = formatCount;
// Names as people sort them: case and accents aside, "Carrier 9" before "Carrier 10".
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
/** Open checks are counted for this many clients per read transaction. */
const CHECKS_CHUNK = 10;

function counts(item: SeasonStartItem): string {
  const parts = Object.entries(item.recordCounts).map(([kind, count]) => `${RECORD_KIND_META[kind as keyof typeof RECORD_KIND_META].plural.toLowerCase()}: ${count}`);
  return parts.length ? parts.join('; ') : 'no records';
}

const nextTask = () => new Promise<void>((done) => setTimeout(done, 0));

/** Every active client's certification for one season: progress, start for all, sort, filter, mark filed from a list. */
export function SeasonBoard(props: {
  clients: Client[];
  certifications: CertificationSummary[];
  /** True once the certifications above are read: the board's details are read after they are on screen. */
  loaded?: boolean;
  settings: Settings;
  season: number;
  dueFor: (year: number) => IsoDate;
}) {
  const today = todayLocal();
  // eslint-disable-next-line solid/reactivity -- the current season is only the starting choice
  const [year, setYear] = createSignal(props.season);
  const years = createMemo(() => [...new Set([props.season, props.season - 1, ...props.certifications.map((c) => c.certificationYear)])].sort((a, b) => b - a));
  const [sort, setSort] = createSignal<{ key: SortKey; up: boolean }>({ key: 'client', up: true });
  const [statusFilter, setStatusFilter] = createSignal('');
  const [search, setSearch] = createSignal('');
  const [starting, setStarting] = createSignal<{ done: number; total: number } | undefined>();
  const [report, setReport] = createSignal<SeasonStartItem[] | undefined>();
  const [error, setError] = createSignal('');
  const [pasted, setPasted] = createSignal('');
  const [filing, setFiling] = createSignal(false);
  const [filed, setFiled] = createSignal<FiledResult[] | undefined>();
  const headingId = createUniqueId();
  const [signDates, setSignDates] = createSignal<Record<string, string>>({});
  const [signChosen, setSignChosen] = createSignal<ReadonlySet<string>>(new Set());
  const [signing, setSigning] = createSignal<{ done: number; total: number } | undefined>();
  const [signed, setSigned] = createSignal<{ name: string; ok: boolean; message: string }[] | undefined>();
  const recordSignatures = async () => {
    const chosen = readyRows().filter((r) => signChosen().has(r.cert!.id));
    if (!chosen.length) return;
    const { recordSignature } = await import('./record-signatures');
    const out: { name: string; ok: boolean; message: string }[] = [];
    setSigning({ done: 0, total: chosen.length });
    for (const [i, r] of chosen.entries()) {
      const chosenImage = signImages()[r.cert!.id];
      const image = chosenImage?.dataUrl;
      // An image was chosen but refused: never fall back to a typed "/s/" the officer did not give.
      if (chosenImage && !image) {
        out.push({ name: r.client.legalName, ok: false, message: `the signature image was refused: ${chosenImage.message} Choose it again, or clear it to record a typed signature.` });
        setSigning({ done: i + 1, total: chosen.length });
        continue;
      }
      const result = await recordSignature({ certificationId: r.cert!.id, signatureDate: signDateOf(r.cert!), ...(image ? { image } : {}) });
      out.push({ name: r.client.legalName, ok: result.ok, message: result.ok ? `signed on ${formatLong(signDateOf(r.cert!))}${image ? ' with the signature image' : ''}; text fingerprint ${shortFingerprint(result.textHash)} (it must match the officer’s copy)` : result.message });
      setSigning({ done: i + 1, total: chosen.length });
    }
    setSigning(undefined);
    setSignChosen(new Set<string>());
    setSigned(out);
  };

  const [signImages, setSignImages] = createSignal<Record<string, { dataUrl?: string; message: string }>>({});
  const chooseImage = async (certId: string, file: File | undefined) => {
    const rest = { ...signImages() };
    delete rest[certId];
    if (!file) return setSignImages(rest);
    const read = await readSignatureFile(file);
    setSignImages({ ...rest, [certId]: read.ok ? { dataUrl: read.dataUrl, message: `${file.name}: the image goes on the signature line.` } : { message: read.message } });
  };
  const [copies, setCopies] = createSignal('');
  const exportCopies = async () => {
    const chosen = readyRows().filter((r) => signChosen().has(r.cert!.id));
    if (!chosen.length) return;
    setCopies('Exporting…');
    try {
      const { exportForSignatureBatch } = await import('./record-signatures');
      const out = await exportForSignatureBatch(chosen.map((r) => r.cert!.id));
      downloadBytes(out.zip, `CPNI Certifications ${year()} FOR SIGNATURE.zip`, 'application/zip');
      setCopies(`Exported ${n(out.exported.length)} ${out.exported.length === 1 ? 'copy' : 'copies'} for signature.${out.failed.map((f) => ` ${f.label}: not exported: ${f.reason}`).join('')}`);
    } catch (e) {
      setCopies(`Nothing was exported: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const progress = createMemo(() => seasonProgress(props.clients, props.certifications, year()));
  const rows = createMemo((): Row[] => {
    const current = new Map<string, CertificationSummary>();
    for (const c of props.certifications) if (c.certificationYear === year() && !c.amendedById) current.set(c.clientId, c);
    return props.clients.filter((c) => !c.archived).map((client) => ({ client, cert: current.get(client.id) }));
  });

  // The season's certifications whole (signatory, last change, what the checks need) are read
  // once the board is painted from the summaries: 300 rows of answers and statements never hold
  // up the first paint.
  const [painted, setPainted] = createSignal(false);
  createEffect(() => {
    if (!props.loaded || painted()) return;
    const frame = requestAnimationFrame(() => setTimeout(() => setPainted(true), 0));
    onCleanup(() => cancelAnimationFrame(frame));
  });
  const details = createLiveValue((y) => (y === undefined ? [] : listCertificationsOfYear(y)), [] as Certification[], () => (painted() ? year() : undefined));
  const fullById = createMemo(() => new Map(details.value.map((c) => [c.id, c])));
  const fullOf = (r: Row) => (r.cert ? fullById().get(r.cert.id) : undefined);

  // Open checks need each client's records and the whole package's lint: counted after the board
  // is on screen, in the order shown, a few clients per read transaction, in a worker (the page
  // only reads and hands over), and kept until that certification changes.
  const [checks, setChecks] = createSignal<ReadonlyMap<string, OpenChecks>>(new Map());
  const checkKey = (cert: Certification) => `${cert.id}|${cert.updatedAt}`;
  let jobs: Promise<PackageJobs> | undefined;
  onCleanup(() => void jobs?.then((j) => j.close()));
  createEffect(
    on(fullById, (byId) => {
      let stopped = false;
      onCleanup(() => (stopped = true));
      const known = untrack(checks);
      // The rows on screen first, in their order.
      const position = new Map(untrack(shown).map((r, i) => [r.client.id, i]));
      const todo = [...byId.values()]
        .filter((c) => !c.amendedById && (c.status === 'draft' || c.status === 'ready') && !known.has(checkKey(c)))
        .sort((a, b) => (position.get(a.clientId) ?? 1e9) - (position.get(b.clientId) ?? 1e9));
      if (!todo.length) return;
      const clientsById = new Map(props.clients.map((c) => [c.id, c]));
      jobs ??= import('./package-jobs').then((m) => m.createPackageJobs());
      void (async () => {
        const worker = await jobs!;
        for (let start = 0; start < todo.length; start += CHECKS_CHUNK) {
          await nextTask();
          await afterBatchExports();
          if (stopped) return;
          const chunk = todo.slice(start, start + CHECKS_CHUNK);
          const records = await recordsOfClients(chunk.map((c) => c.clientId));
          const found = new Map<string, OpenChecks>();
          for (const cert of chunk) {
            if (stopped) return;
            const client = clientsById.get(cert.clientId);
            if (!client) continue;
            try {
              found.set(checkKey(cert), await worker.checks({ cert, client, records: records.get(cert.clientId) ?? [], settings: props.settings }));
            } catch {
              // A certification the checks cannot read is opened in its editor, which says why.
            }
          }
          if (stopped) return;
          batch(() => setChecks(new Map([...checks(), ...found])));
        }
      })();
    }),
  );
  const checksOf = (r: Row) => {
    const full = fullOf(r);
    return full ? checks().get(checkKey(full)) : undefined;
  };
  const [signaturesOpen, setSignaturesOpen] = createSignal(false);
  const readyRows = createMemo(() => rows().filter((r) => r.cert?.status === 'ready' && fullOf(r)));
  const signDateOf = (cert: CertificationSummary) => signDates()[cert.id] ?? (cert.signatureDate && cert.signatureDate <= today ? cert.signatureDate : today);
  const statusOf = (r: Row) => r.cert?.status ?? 'none';
  const sortValue = (r: Row, key: SortKey): string | number => {
    switch (key) {
      case 'client':
        return r.client.legalName;
      case 'filerId':
        return r.client.filerId;
      case 'status':
        return STATUS_ORDER[r.cert?.status ?? 'none'];
      case 'checks':
        return openChecksWeight(checksOf(r));
      case 'signatory':
        return fullOf(r)?.signatory.name ?? '';
      case 'updated':
        return fullOf(r)?.updatedAt ?? '';
    }
  };
  /** What the search looks in: name, trade names, Filer ID and signatory. */
  const searchFields = (r: Row) => [r.client.legalName, ...r.client.dbaNames, r.client.filerId, fullOf(r)?.signatory.name ?? ''];
  const compare = (a: string | number, b: string | number) => (typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b)));
  const shown = createMemo(() => {
    const q = search();
    const { key, up } = sort();
    const filter = statusFilter();
    return rows()
      .filter((r) => (!filter || statusOf(r) === filter) && matchesSearch(searchFields(r), q))
      .map((r) => ({ r, v: sortValue(r, key) }))
      .sort((a, b) => (compare(a.v, b.v) || collator.compare(a.r.client.legalName, b.r.client.legalName)) * (up ? 1 : -1))
      .map((x) => x.r);
  });

  const start = async () => {
    setError('');
    setReport(undefined);
    setStarting({ done: 0, total: progress().total });
    try {
      const { startSeason } = await seasonSteps();
      const started = await startSeason(year(), (done, total) => setStarting({ done, total }));
      setReport([...started].sort((a, b) => collator.compare(a.legalName, b.legalName)));
    } catch (e) {
      setError(`The season could not be started: ${e instanceof Error ? e.message : String(e)}. Certifications already started are kept.`);
    } finally {
      setStarting(undefined);
    }
  };

  const markFiled = async () => {
    const lines = parseFiledList(pasted());
    if (!lines.length) return setFiled([]);
    setFiling(true);
    try {
      const { markFiledFromList } = await seasonSteps();
      const results = await markFiledFromList(lines, year());
      setFiled(results);
      setPasted(results.filter((r) => !r.ok).map((r) => r.text).join('\n'));
    } finally {
      setFiling(false);
    }
  };

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort().key === key ? (sort().up ? 'ascending' : 'descending') : 'none'}>
      <button type="button" class="link" onClick={() => setSort({ key, up: sort().key === key ? !sort().up : true })}>
        {label}
        {sort().key === key ? (sort().up ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );

  return (
    <section class="panel" aria-labelledby={headingId} data-testid="season-board">
      <SelectField
        label="Season"
        value={String(year())}
        options={years().map((y) => ({ value: String(y), label: `${y} (covers ${y - 1})` }))}
        onValue={(v) => {
          setYear(Number(v));
          setReport(undefined);
          setFiled(undefined);
          setSigned(undefined);
        }}
      />
      <h2 id={headingId}>
        {year()} season: covers calendar year {year() - 1}, due {formatWithWeekday(props.dueFor(year()))}
      </h2>
      <p role="status" data-testid="season-progress">
        {n(progress().byStatus.filed)} of {n(progress().total)} filed · {n(progress().byStatus.signed)} signed · {n(progress().byStatus.ready)} ready to sign ·{' '}
        {n(progress().byStatus.draft)} {progress().byStatus.draft === 1 ? 'draft' : 'drafts'} · {n(progress().notStarted)} not started
      </p>
      <progress max={progress().total || 1} value={progress().byStatus.filed} aria-label={`${progress().byStatus.filed} of ${progress().total} filed`} />

      <Show when={progress().notStarted > 0}>
        <p>
          <button type="button" class="primary" disabled={!!starting()} onClick={() => void start()} data-testid="start-season">
            Create the {year()} certification for the {n(progress().notStarted)} {progress().notStarted === 1 ? 'client' : 'clients'} without one
          </button>
          <span class="hint"> Rolled forward from {year() - 1} where there is one; nothing already started is changed.</span>
        </p>
      </Show>
      <Show when={starting()}>
        {(s) => (
          <p>
            <progress max={s().total || 1} value={s().done} aria-label="Starting the season" /> {n(s().done)} of {n(s().total)} clients…
          </p>
        )}
      </Show>
      <Show when={error()}>
        <p class="error" role="alert">{error()}</p>
      </Show>
      <Show when={report()}>
        {(items) => (
          <Notice tone="success" title="Season under way">
            <p data-testid="season-report-summary">
              {n(items().filter((i) => i.outcome === 'rolled').length)} rolled forward from last year, {n(items().filter((i) => i.outcome === 'new').length)} new,{' '}
              {n(items().filter((i) => i.outcome === 'exists').length)} already started (left as they were).
            </p>
            <details>
              <summary>What each client's certification carried over, what changed, and what to review</summary>
              <table class="table" data-testid="season-report">
                <caption class="visually-hidden">The season's certifications as started</caption>
                <thead>
                  <tr>
                    <th scope="col">Client</th>
                    <th scope="col">Started</th>
                    <th scope="col">Changed and to review</th>
                    <th scope="col">Records of {year() - 1}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={items()}>
                    {(item) => (
                      <tr>
                        <th scope="row">{item.id ? <a href={`/certifications/${item.id}`}>{item.legalName}</a> : item.legalName}</th>
                        <td>{item.outcome === 'rolled' ? `Rolled forward from ${year() - 1}` : item.outcome === 'new' ? 'New' : 'Already started'}</td>
                        <td>
                          <ul class="compact">
                            <For each={item.changes.filter((c) => !['Certification year', 'Calendar year covered', 'Status'].includes(c.field))}>
                              {(c) => (
                                <li>
                                  {c.field}: {c.from} → {c.to}
                                </li>
                              )}
                            </For>
                            <For each={item.attention}>{(a) => <li class="warning-text">{a}</li>}</For>
                          </ul>
                        </td>
                        <td>{counts(item)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </details>
          </Notice>
        )}
      </Show>

      <div class="filters">
        <TextField label="Find by name or Filer ID" hint="Also finds trade names and signatories." type="search" value={search()} onValue={setSearch} />
        <SelectField
          label="Show certifications that are"
          value={statusFilter()}
          placeholder="Any status"
          options={Object.entries(STATUS_FILTERS).map(([value, label]) => ({ value, label }))}
          onValue={setStatusFilter}
        />
      </div>
      <p class="hint">
        Showing {n(shown().length)} of {n(rows().length)} active clients.
      </p>
      <div class="table-scroll">
        <table class="table season-table" data-testid="season-table">
          <caption class="visually-hidden">Each active client's {year()} certification; sort by any column</caption>
          <colgroup>
            <col class="season-col-client" />
            <col class="season-col-filer" />
            <col span="2" class="season-col-status" />
            <col class="season-col-signatory" />
            <col class="season-col-changed" />
          </colgroup>
          <thead>
            <tr>
              {header('client', 'Client')}
              {header('filerId', 'Filer ID')}
              {header('status', 'Status')}
              {header('checks', 'Open checks')}
              {header('signatory', 'Signatory')}
              {header('updated', 'Last change')}
            </tr>
          </thead>
          <tbody>
            <For each={shown()}>
              {(r) => {
                // A row's client and summary never change under it (a change makes a new row), so
                // only the cells filled in after the first paint (checks, signatory, last change)
                // are reactive: 300 rows render with a few hundred computations, not thousands.
                const { client, cert } = r;
                const settled = !cert || cert.status === 'signed' || cert.status === 'filed';
                return (
                  <tr>
                    <th scope="row">{cert ? <a href={`/certifications/${cert.id}`}>{client.legalName}</a> : client.legalName}</th>
                    <td>{client.filerId}</td>
                    <td>{cert ? `${cert.amends ? 'Amended filing: ' : ''}${describeStatus(cert, today)}` : 'Not started'}</td>
                    {settled ? (
                      <td class="muted">—</td>
                    ) : (
                      <td>{checksOf(r) ? describeOpenChecks(checksOf(r)!) : <span class="muted">counting…</span>}</td>
                    )}
                    {cert ? (
                      <td>{fullOf(r) ? fullOf(r)!.signatory.name || <span class="muted">none</span> : <span class="muted">…</span>}</td>
                    ) : (
                      <td class="muted">none</td>
                    )}
                    <td>{fullOf(r) ? formatLong(fullOf(r)!.updatedAt.slice(0, 10)) : ''}</td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </div>

      {/* Up to one row of inputs per client: built when opened, never while the board loads. */}
      <details class="season-signatures" data-testid="season-signatures" onToggle={(e) => setSignaturesOpen(e.currentTarget.open)}>
        <summary>Record signatures that came back ({n(readyRows().length)} ready to sign)</summary>
        <p>
          For officers who sign remotely: send each one the copy for signature (the text as it will be filed, with a signature page), and when an
          officer confirms signing, record the signature here with the date the officer gave. It is recorded as a typed “/s/” signature, or as the
          signature image that came back, and the package is frozen as signed, exactly as “Mark signed” does in the certification.
        </p>
        <Show when={signaturesOpen()}>
          <Show when={readyRows().length} fallback={<p class="muted">No certification is ready to sign.</p>}>
            <table class="table">
              <caption class="visually-hidden">Certifications ready to sign</caption>
              <thead>
                <tr>
                  <th scope="col">Record</th>
                  <th scope="col">Client</th>
                  <th scope="col">Officer</th>
                  <th scope="col">Date the officer signed</th>
                  <th scope="col">Signature image (optional)</th>
                </tr>
              </thead>
              <tbody>
                <For each={readyRows()}>
                  {(r) => (
                    <tr>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`Record the signature for ${r.client.legalName}`}
                          checked={signChosen().has(r.cert!.id)}
                          onChange={(e) => {
                            const next = new Set(signChosen());
                            if (e.currentTarget.checked) next.add(r.cert!.id);
                            else next.delete(r.cert!.id);
                            setSignChosen(next);
                          }}
                        />
                      </td>
                      <th scope="row">{r.client.legalName}</th>
                      <td>
                        {fullOf(r)!.signatory.name}, {fullOf(r)!.signatory.title}
                      </td>
                      <td>
                        <input
                          type="date"
                          aria-label={`Date ${fullOf(r)!.signatory.name} signed for ${r.client.legalName}`}
                          value={signDateOf(r.cert!)}
                          max={today}
                          onInput={(e) => setSignDates({ ...signDates(), [r.cert!.id]: e.currentTarget.value })}
                        />
                      </td>
                      <td>
                        <input
                          type="file"
                          accept="image/png,image/jpeg"
                          aria-label={`Signature image for ${r.client.legalName}`}
                          onChange={(e) => void chooseImage(r.cert!.id, e.currentTarget.files?.[0])}
                        />
                        <Show when={signImages()[r.cert!.id]}>
                          {(img) => <p classList={{ error: !img().dataUrl, hint: !!img().dataUrl }}>{img().message}</p>}
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <button type="button" disabled={!!signing() || signChosen().size === 0} onClick={() => void recordSignatures()} data-testid="record-signatures">
              Record {n(signChosen().size)} {signChosen().size === 1 ? 'signature' : 'signatures'}
            </button>{' '}
            <button type="button" disabled={copies() === 'Exporting…' || signChosen().size === 0} onClick={() => void exportCopies()} data-testid="export-for-signature-batch">
              Export the officers’ copies for signature (zip)
            </button>
            <Show when={copies()}>
              <p role="status">{copies()}</p>
            </Show>
          </Show>
          <Show when={signing()}>
            {(s) => (
              <p>
                <progress max={s().total} value={s().done} aria-label="Recording signatures" /> {n(s().done)} of {n(s().total)}…
              </p>
            )}
          </Show>
        </Show>
        <Show when={signed()}>
          {(results) => (
            <ul data-testid="signature-results">
              <For each={results()}>{(r) => <li classList={{ error: !r.ok }}>{r.name}: {r.ok ? r.message : `not signed: ${r.message}`}</li>}</For>
            </ul>
          )}
        </Show>
      </details>

      <details class="season-filed">
        <summary>Mark filed from a list</summary>
        <p>
          Paste one filing per line: the Form 499 Filer ID, the date filed and the ECFS confirmation number, separated by commas or tabs (as copied from a
          spreadsheet). Only signed certifications can be marked filed; each line is applied on its own and says what happened.
        </p>
        <TextArea label="Filings" value={pasted()} onValue={setPasted} rows={6} hint="For example: 823456, 2027-02-20, 20220298765432" />
        <button type="button" disabled={filing() || !pasted().trim()} onClick={() => void markFiled()} data-testid="mark-filed-list">
          Mark these filed
        </button>
        <Show when={filed()}>
          {(results) => (
            <ul data-testid="filed-results">
              <Show when={results().length === 0}>
                <li>No filings in the text.</li>
              </Show>
              <For each={results()}>
                {(r) => (
                  <li classList={{ error: !r.ok }}>
                    Line {r.line}: {r.ok ? `${r.clientName} marked filed on ${formatLong(r.filedOn!)} (ECFS ${r.ecfsConfirmation}).${r.note ? ` ${r.note}` : ''}` : `not marked: ${r.clientName ? `${r.clientName}: ` : ''}${r.error}`}
                  </li>
                )}
              </For>
            </ul>
          )}
        </Show>
      </details>
    </section>
  );
}
