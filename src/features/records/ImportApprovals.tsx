import { A, useSearchParams } from '@solidjs/router';
import { For, Show, createMemo, createSignal, createUniqueId, onCleanup, onMount } from 'solid-js';
import { createClientsQuery } from '../../db/clients';
import { importApprovals } from '../../db/records';
import { CheckboxField } from '../../ui/fields';
import { ClientSelect } from './ClientSelect';
import { FileNotices, Notice, PageHeader } from '../../ui/page';
import { Pager } from '../../ui/Pager';
import { APPROVAL_COLUMNS, duplicateMessage, parseApprovalsCsv, rowList, rowMessage, sampleApprovalsCsv, type CsvReport } from './approvals-csv';
import { recordsHref } from './records-href';
import './records.css';
import { formatCount } from '../../domain/counts';

const REPORT_PAGE = 100;
const n = formatCount;
const plural = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;

export function importButtonLabel(valid: number, invalid: number): string {
  return invalid === 0
    ? `Import ${plural(valid, 'approval', 'approvals')}`
    : `Import the ${plural(valid, 'valid row', 'valid rows')} and skip ${plural(invalid, 'row', 'rows')} with errors`;
}

function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

export function ImportApprovals() {
  const [params] = useSearchParams<{ client?: string }>();
  const clients = createClientsQuery();
  const [clientId, setClientId] = createSignal(params.client ?? '');
  const [clientError, setClientError] = createSignal('');
  const [fileName, setFileName] = createSignal('');
  const [reading, setReading] = createSignal(false);
  const [report, setReport] = createSignal<CsvReport | undefined>();
  const [onlyErrors, setOnlyErrors] = createSignal(false);
  const [page, setPage] = createSignal(1);
  const [importing, setImporting] = createSignal(false);
  const [done, setDone] = createSignal<{ count: number; clientId: string; name: string; alreadyStored: number[]; inFile: number[] } | undefined>();
  const [failure, setFailure] = createSignal('');
  const [over, setOver] = createSignal(false);
  const [sampleHref, setSampleHref] = createSignal<string>();
  const fileId = createUniqueId();
  const clientSelectId = createUniqueId();
  let fileInput: HTMLInputElement | undefined;

  // The sample is made here in the browser: no request leaves the device.
  onMount(() => {
    if (typeof URL.createObjectURL !== 'function') return;
    const url = URL.createObjectURL(new Blob([sampleApprovalsCsv()], { type: 'text/csv' }));
    setSampleHref(url);
    onCleanup(() => URL.revokeObjectURL(url));
  });

  const clientName = () => clients.value.find((c) => c.id === clientId())?.legalName ?? '';
  const known = () => clients.value.some((c) => c.id === clientId());

  const load = async (file: File | undefined) => {
    if (!file) return;
    setDone(undefined);
    setFailure('');
    setFileName(file.name);
    setReading(true);
    setReport(undefined);
    try {
      const parsed = parseApprovalsCsv(await readText(file));
      setReport(parsed);
      setOnlyErrors(parsed.invalid > 0 && parsed.rows.length > REPORT_PAGE);
      setPage(1);
    } catch (error) {
      setFailure(`Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setReading(false);
    }
  };

  const shown = createMemo(() => {
    const rows = report()?.rows ?? [];
    return onlyErrors() ? rows.filter((r) => r.errors.length > 0) : rows;
  });
  const pages = () => Math.max(1, Math.ceil(shown().length / REPORT_PAGE));
  const pageRows = () => shown().slice((page() - 1) * REPORT_PAGE, page() * REPORT_PAGE);

  const importRows = async () => {
    const r = report();
    if (!r) return;
    if (!known()) {
      setClientError('Choose the client these approvals belong to.');
      document.getElementById(clientSelectId)?.focus();
      return;
    }
    setImporting(true);
    setFailure('');
    try {
      const rows = r.rows.flatMap((row) => (row.value ? [{ row: row.row, value: row.value }] : []));
      const result = await importApprovals(clientId(), rows);
      const inFile = r.rows.flatMap((row) => (row.duplicateOf !== undefined ? [row.row] : []));
      setDone({ count: result.added, clientId: clientId(), name: clientName(), alreadyStored: result.alreadyStored, inFile });
      setReport(undefined);
      setFileName('');
      if (fileInput) fileInput.value = '';
      queueMicrotask(() => document.querySelector<HTMLElement>('[data-testid="import-done"]')?.focus());
    } catch (error) {
      setFailure(`Nothing was imported: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setImporting(false);
    }
  };

  return (
    <>
      <PageHeader title="Import customer approvals" lead="Customer approvals and denials from a CSV file (§ 64.2007), checked row by row before anything is stored." />
      <p>
        <A href={recordsHref('/records', { client: clientId() || undefined, kind: 'approval' })}>Back to records</A>
      </p>

      <Show when={done()}>
        {(d) => (
          <div class="notice notice--success" tabIndex={-1} data-testid="import-done">
            <p role="status">
              {d().count > 0 ? `Imported ${plural(d().count, 'approval', 'approvals')}` : 'Nothing new to import'} for {d().name.replace(/\.$/, '')}.{' '}
              <A href={recordsHref('/records', { client: d().clientId, kind: 'approval' })}>See them in the records</A>.
            </p>
            <Show when={d().alreadyStored.length > 0}>
              <p data-testid="import-already-stored">
                Skipped {plural(d().alreadyStored.length, 'approval', 'approvals')} already stored for this client (same account, type, status and date):{' '}
                {rowList(d().alreadyStored)}. Nothing was added twice.
              </p>
            </Show>
            <Show when={d().inFile.length > 0}>
              <p>Skipped {plural(d().inFile.length, 'row', 'rows')} repeating an earlier row of the file: {rowList(d().inFile)}.</p>
            </Show>
          </div>
        )}
      </Show>
      <Show when={failure()}>
        <Notice tone="error">
          <p>{failure()}</p>
        </Notice>
      </Show>

      <div class="form">
        <ClientSelect
          id={clientSelectId}
          label="Client"
          required
          value={clientId()}
          options={clients.value.map((c) => ({ value: c.id, label: c.legalName }))}
          placeholder="Choose a client…"
          error={clientError()}
          onValue={(v) => {
            setClientId(v);
            setClientError('');
          }}
        />

        <div
          class="drop-zone"
          classList={{ 'drop-zone--over': over() }}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            void load(e.dataTransfer?.files[0]);
          }}
          data-testid="drop-zone"
        >
          <div class="field">
            <label for={fileId}>CSV file of customer approvals</label>
            <input
              ref={(el) => (fileInput = el)}
              id={fileId}
              type="file"
              accept=".csv,text/csv"
              aria-describedby={`${fileId}-hint`}
              onChange={(e) => void load(e.currentTarget.files?.[0])}
            />
            <p class="hint" id={`${fileId}-hint`}>
              Choose a file, or drop it here. A header row is required, naming the columns {APPROVAL_COLUMNS.join(', ')} (scope is optional; any
              order, any capitalisation). Type: opt-in or opt-out. Medium: oral, written or electronic. Status: granted, denied or revoked. Date:
              YYYY-MM-DD or M/D/YYYY. Use account numbers, not CPNI itself.
            </p>
          </div>
          <p>
            <a href={sampleHref()} download="cpni-approvals-sample.csv">
              Download a sample CSV
            </a>
          </p>
        </div>
      </div>

      <Show when={reading()}>
        <p aria-live="polite">Reading {fileName()}…</p>
      </Show>

      <Show when={report()}>
        {(r) => (
          <section class="panel" aria-labelledby="report-heading" data-testid="import-report">
            <h2 id="report-heading">Check of {fileName()}</h2>
            <FileNotices errors={r().fileErrors} warnings={r().warnings} />
            <Show when={r().fileErrors.length === 0}>
              <p role="status" data-testid="import-summary">
                {plural(r().rows.length, 'row', 'rows')}: {n(r().valid)} valid, {plural(r().invalid, 'row', 'rows')} with errors
                {r().duplicates > 0 ? `, ${plural(r().duplicates, 'row repeats', 'rows repeat')} an earlier row and will be skipped` : ''}.{' '}
                {r().invalid > 0 ? 'Nothing has been stored. Fix the file and choose it again, or import only the valid rows.' : 'Nothing has been stored yet.'}
              </p>
              <Show when={r().valid > 0}>
                <div class="form-actions import-actions">
                  <button type="button" class="primary" disabled={importing()} onClick={importRows}>
                    {importing() ? 'Importing…' : importButtonLabel(r().valid, r().invalid)}
                  </button>
                </div>
              </Show>
              <p class="hint">
                Row numbers are those a spreadsheet shows: the header is row 1. Approvals already stored for the client (same account, type, status
                and date) are skipped on import and listed afterwards.
              </p>
              <Show when={r().invalid > 0}>
                <CheckboxField
                  label="Show only rows with errors"
                  checked={onlyErrors()}
                  onChecked={(v) => {
                    setOnlyErrors(v);
                    setPage(1);
                  }}
                />
              </Show>
              <table class="table import-report" data-testid="import-table">
                <caption class="visually-hidden">Rows of the file; row numbers as a spreadsheet shows them, the header being row 1</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <For each={APPROVAL_COLUMNS}>{(c) => <th scope="col">{c}</th>}</For>
                    <th scope="col">Result</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={pageRows()}>
                    {(row) => (
                      <tr classList={{ 'row-error': row.errors.length > 0 }}>
                        <th scope="row">{row.row}</th>
                        <For each={APPROVAL_COLUMNS}>{(c) => <td>{row.values[c]}</td>}</For>
                        <td>
                          <Show when={row.errors.length > 0} fallback={row.duplicateOf !== undefined ? duplicateMessage(row) : 'OK'}>
                            <span class="error">{rowMessage(row)}</span>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <Pager page={page()} pages={pages()} label="Pages of the report" onPage={setPage} />
            </Show>
          </section>
        )}
      </Show>
    </>
  );
}
