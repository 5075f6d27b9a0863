import { A } from '@solidjs/router';
import { For, Show, createMemo, createSignal, createUniqueId, onCleanup, onMount } from 'solid-js';
import { applyClientImport } from '../../db/client-import';
import { listClients } from '../../db/clients';
import { CheckboxField } from '../../ui/fields';
import { FileNotices, Notice, PageHeader } from '../../ui/page';
import { Pager } from '../../ui/Pager';
import { CLIENT_COLUMNS, clientsCsvTemplate, parseClientsCsv, type ClientCsvReport, type ClientCsvRow } from './clients-csv';
import '../records/records.css';
import { formatCount } from '../../domain/counts';

const REPORT_PAGE = 100;
const n = formatCount;
const plural = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;

type DuplicateChoice = 'update' | 'skip';

/** What happens to a row, in words, given the user's choice for clients already stored. */
export function rowOutcome(row: ClientCsvRow, duplicates: DuplicateChoice): string {
  switch (row.action) {
    case 'new':
      return 'New client';
    case 'update':
      if (duplicates === 'skip') return `Skipped: ${row.existing?.legalName ?? 'a client'} already has this Filer ID`;
      return row.changes?.length ? `Updates ${row.existing?.legalName}: ${row.changes.join(', ')}` : `No change to ${row.existing?.legalName}`;
    case 'duplicateInFile':
      return `Skipped: same Filer ID as row ${row.firstRow}`;
    case 'invalid':
      return `Not imported: ${row.errors.join(' ')}`;
  }
}

export function importClientsLabel(report: ClientCsvReport, duplicates: DuplicateChoice): string {
  const added = report.counts.new;
  const updated = duplicates === 'update' ? report.rows.filter((r) => r.action === 'update' && r.changes?.length).length : 0;
  const parts = [added ? `add ${plural(added, 'client', 'clients')}` : '', updated ? `update ${plural(updated, 'client', 'clients')}` : ''].filter(Boolean);
  const text = parts.join(' and ');
  return text ? `${text[0]!.toUpperCase()}${text.slice(1)}` : 'Nothing to import';
}

export function ImportClients() {
  const [fileName, setFileName] = createSignal('');
  const [report, setReport] = createSignal<ClientCsvReport | undefined>();
  const [duplicates, setDuplicates] = createSignal<DuplicateChoice>('update');
  const [onlyProblems, setOnlyProblems] = createSignal(false);
  const [page, setPage] = createSignal(1);
  const [busy, setBusy] = createSignal('');
  const [done, setDone] = createSignal<{ added: number; updated: number } | undefined>();
  const [failure, setFailure] = createSignal('');
  const [templateHref, setTemplateHref] = createSignal<string>();
  const fileId = createUniqueId();
  let fileInput: HTMLInputElement | undefined;

  onMount(() => {
    if (typeof URL.createObjectURL !== 'function') return;
    const url = URL.createObjectURL(new Blob([clientsCsvTemplate()], { type: 'text/csv' }));
    setTemplateHref(url);
    onCleanup(() => URL.revokeObjectURL(url));
  });

  const load = async (file: File | undefined) => {
    if (!file) return;
    setDone(undefined);
    setFailure('');
    setReport(undefined);
    setFileName(file.name);
    setBusy(`Reading ${file.name}…`);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        // Spreadsheets on Windows often save CSV as Windows-1252; read it as that rather than mangle names.
        text = new TextDecoder('windows-1252').decode(bytes);
      }
      const parsed = parseClientsCsv(text, await listClients());
      setReport(parsed);
      setOnlyProblems(parsed.rows.length > REPORT_PAGE && parsed.counts.invalid + parsed.counts.duplicateInFile > 0);
      setPage(1);
    } catch (error) {
      setFailure(`Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy('');
    }
  };

  const problem = (r: ClientCsvRow) => r.action === 'invalid' || r.action === 'duplicateInFile' || r.action === 'update' || r.warnings.length > 0;
  const shown = createMemo(() => {
    const rows = report()?.rows ?? [];
    return onlyProblems() ? rows.filter(problem) : rows;
  });
  const pages = () => Math.max(1, Math.ceil(shown().length / REPORT_PAGE));
  const pageRows = () => shown().slice((page() - 1) * REPORT_PAGE, page() * REPORT_PAGE);

  const accept = async () => {
    const r = report();
    if (!r) return;
    setBusy('Importing…');
    setFailure('');
    try {
      const added = r.rows.flatMap((row) => (row.action === 'new' && row.value ? [row.value] : []));
      const updated =
        duplicates() === 'update'
          ? r.rows.flatMap((row) => (row.action === 'update' && row.value && row.existing && row.changes?.length ? [{ existing: row.existing, value: row.value }] : []))
          : [];
      setDone(await applyClientImport({ added, updated }));
      setReport(undefined);
      setFileName('');
      if (fileInput) fileInput.value = '';
      queueMicrotask(() => document.querySelector<HTMLElement>('[data-testid="clients-import-done"]')?.focus());
    } catch (error) {
      setFailure(`Nothing was imported: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy('');
    }
  };

  return (
    <>
      <PageHeader title="Import clients" lead="Carriers from a CSV file or a spreadsheet saved as CSV, checked row by row and matched by Form 499 Filer ID before anything is stored." />
      <p>
        <A href="/clients">Back to clients</A>
      </p>

      <Show when={done()}>
        {(d) => (
          <div class="notice notice--success" tabIndex={-1} data-testid="clients-import-done">
            <p role="status">
              Added {plural(d().added, 'client', 'clients')}
              {d().updated ? ` and updated ${plural(d().updated, 'client', 'clients')}` : ''}. <A href="/clients">See the clients</A>.
            </p>
          </div>
        )}
      </Show>
      <Show when={failure()}>
        <Notice tone="error">
          <p>{failure()}</p>
        </Notice>
      </Show>

      <div class="form">
        <div class="field">
          <label for={fileId}>CSV file of clients</label>
          <input
            ref={(el) => (fileInput = el)}
            id={fileId}
            type="file"
            accept=".csv,.txt,text/csv"
            aria-describedby={`${fileId}-hint`}
            onChange={(e) => void load(e.currentTarget.files?.[0])}
            data-testid="clients-file"
          />
          <p class="hint" id={`${fileId}-hint`}>
            One client per row, with a header row. Only legal_name and filer_id are required; columns may come in any order, commas or semicolons
            may separate them, and a column the app does not know is ignored and named in the report.
          </p>
        </div>
        <p>
          <a href={templateHref()} download="cpni-desk-clients-template.csv">
            Download the template (CSV)
          </a>
        </p>
        <details>
          <summary>What each column holds</summary>
          <table class="table">
            <caption class="visually-hidden">Columns of the client file</caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Holds</th>
              </tr>
            </thead>
            <tbody>
              <For each={CLIENT_COLUMNS}>
                {(c) => (
                  <tr>
                    <th scope="row">
                      <code>{c.name}</code>
                      {c.required ? ' (required)' : ''}
                    </th>
                    <td>{c.explain}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </details>
      </div>

      <Show when={busy()}>
        <p aria-live="polite">{busy()}</p>
      </Show>

      <Show when={report()}>
        {(r) => (
          <section class="panel" aria-labelledby="clients-report-heading" data-testid="clients-import-report">
            <h2 id="clients-report-heading">Check of {fileName()}</h2>
            <FileNotices errors={r().fileErrors} warnings={r().warnings} />
            <Show when={r().fileErrors.length === 0 && r().rows.length > 0}>
              <p role="status" data-testid="clients-import-summary">
                {plural(r().rows.length, 'row', 'rows')}: {n(r().counts.new)} new, {plural(r().counts.update, 'client', 'clients')} already here (same Filer ID),{' '}
                {n(r().counts.duplicateInFile)} repeated in the file, {plural(r().counts.invalid, 'row', 'rows')} with errors. Nothing has been stored yet.
              </p>
              <Show when={r().counts.update > 0}>
                <fieldset class="field" data-testid="clients-duplicates">
                  <legend>Clients already here, matched by Filer ID</legend>
                  <label>
                    <input type="radio" name="duplicates" checked={duplicates() === 'update'} onChange={() => setDuplicates('update')} /> Update them with the
                    file’s values (empty cells keep what is stored)
                  </label>
                  <label>
                    <input type="radio" name="duplicates" checked={duplicates() === 'skip'} onChange={() => setDuplicates('skip')} /> Skip them
                  </label>
                  <ul>
                    <For each={r().rows.filter((row) => row.action === 'update')}>
                      {(row) => (
                        <li>
                          Row {row.row}: {rowOutcome(row, duplicates())}
                        </li>
                      )}
                    </For>
                  </ul>
                </fieldset>
              </Show>
              <div class="form-actions import-actions">
                <button type="button" class="primary" disabled={!!busy() || importClientsLabel(r(), duplicates()) === 'Nothing to import'} onClick={() => void accept()}>
                  {importClientsLabel(r(), duplicates())}
                </button>
                <Show when={r().counts.invalid + r().counts.duplicateInFile > 0}>
                  <span class="hint"> Rows with errors and repeated rows are skipped; fix the file and choose it again to include them.</span>
                </Show>
              </div>
              <CheckboxField
                label="Show only rows that are skipped, update a client or have warnings"
                checked={onlyProblems()}
                onChecked={(v) => {
                  setOnlyProblems(v);
                  setPage(1);
                }}
              />
              <p class="hint">Row numbers are those a spreadsheet shows: the header is row 1.</p>
              <div class="table-scroll">
                <table class="table import-report" data-testid="clients-import-table">
                  <caption class="visually-hidden">Rows of the file and what importing does with each</caption>
                  <thead>
                    <tr>
                      <th scope="col">Row</th>
                      <th scope="col">Legal name</th>
                      <th scope="col">Filer ID</th>
                      <th scope="col">Result</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={pageRows()}>
                      {(row) => (
                        <tr classList={{ 'row-error': row.action === 'invalid' }}>
                          <th scope="row">{row.row}</th>
                          <td>{row.legalName}</td>
                          <td>{row.filerId}</td>
                          <td>
                            <span classList={{ error: row.action === 'invalid' }}>{rowOutcome(row, duplicates())}</span>
                            <For each={row.warnings}>{(w) => <span class="warning-text"> {w}</span>}</For>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <Show when={pages() > 1}>
                <Pager page={page()} pages={pages()} label="Rows of the file" onPage={setPage} />
              </Show>
            </Show>
          </section>
        )}
      </Show>
    </>
  );
}
