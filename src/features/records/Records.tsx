import { A, useSearchParams } from '@solidjs/router';
import { For, Show, createMemo } from 'solid-js';
import { clientsSource } from '../../db/shared-reads';
import type { Client } from '../../domain/schema';
import { createLiveValue } from '../../db/live-value';
import { createRecordsCountQuery, createRecordsPageQuery, recordQueryKey, recordsCountSource, recordsPageSource, type RecordQuery } from '../../db/records';
import { PAGE_SIZE, recordQueryOf, type RecordsParams } from './records-url';
import { createLiveQuery } from '../../db/live';
import { formatLong, todayLocal, yearOf } from '../../domain/dates';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { EmptyState, Notice, PageHeader } from '../../ui/page';
import { Pager } from '../../ui/Pager';
import { KIND_OPTIONS, kindMeta, summarize } from './record-kinds';
import { TRAINING_PRACTICE_NOTE, trainingGapsOf, type TrainingGap } from './training-gap';
import { UndoToast } from './UndoToast';
import { ClientSelect } from './ClientSelect';
import { recordsHref } from './records-href';
import './records.css';
import { formatCount } from '../../domain/counts';

export { PAGE_SIZE };

type Params = RecordsParams;

const number = formatCount;

/** What the screen shows first for an address's query string, read while its code loads (see LiveSource). */
export function preloadRecords(search: string): void {
  const query = recordQueryOf(Object.fromEntries(new URLSearchParams(search)) as RecordsParams);
  recordsPageSource(query).preload();
  recordsCountSource(query).preload();
  clientsSource.preload();
}

export function Records() {
  const [params, setParams] = useSearchParams<Params>();
  // Read and shown whole (a name map and the client filter's options): plain values, no row-by-row reconcile.
  const clients = createLiveValue({ shared: () => clientsSource }, [] as Client[]);
  const clientName = createMemo(() => new Map(clients.value.map((c) => [c.id, c.legalName])));
  const clientOptions = createMemo(() =>
    clients.value.map((c) => ({ value: c.id, label: c.archived ? `${c.legalName} (archived)` : c.legalName })),
  );

  const query = createMemo<RecordQuery>(() => recordQueryOf(params));
  const kind = () => query().kind;
  const from = () => query().from;
  const to = () => query().to;
  const deleted = () => query().deleted === true;
  const order = () => query().order;
  const requestedPage = () => query().offset! / PAGE_SIZE + 1;
  // The page is shown as soon as it is read; the count follows (a long range counts slowly).
  const records = createRecordsPageQuery(query);
  const counted = createRecordsCountQuery(query);
  /** The count of this query, once counted (never the last query's). */
  const total = () => (counted.value?.key === recordQueryKey(query()) ? counted.value.total : undefined);
  const rows = () => records.value;
  const lastPage = () => Math.max(1, Math.ceil((total() ?? 0) / PAGE_SIZE));
  const page = () => Math.min(requestedPage(), lastPage());
  const firstShown = () => (rows().length === 0 ? 0 : (requestedPage() - 1) * PAGE_SIZE + 1);
  const lastShown = () => firstShown() + rows().length - 1;

  // Filters change the result set: start again at its first page.
  const setFilter = (change: Partial<Params>) => setParams({ ...change, page: undefined }, { replace: true, scroll: false });
  const goTo = (p: number) => setParams({ page: p > 1 ? String(p) : undefined }, { scroll: false });

  const rangeBackwards = () => !!from() && !!to() && from()! > to()!;
  const noun = () => (kind() ? kindMeta(kind()!).plural.toLowerCase() : 'records');

  return (
    <>
      <PageHeader
        title="Records"
        lead="The year's CPNI compliance evidence, kept per client, each with its clocks and retention period."
        actions={
          <>
            <A class="button primary" href={recordsHref('/records/new', { kind: kind(), client: params.client })}>
              Add record
            </A>
            <A class="button" href={recordsHref('/records/import', { client: params.client })}>
              Import approvals from CSV
            </A>
          </>
        }
      />
      <UndoToast />

      <Show when={!clients.loading && clients.value.length === 0}>
        <EmptyState title="No clients yet">
          <p>
            Records are kept per client. <A href="/clients/new">Add the first carrier you file for</A>, then come back to add its records.
          </p>
        </EmptyState>
      </Show>

      {/* After the first page is on screen: the training check reads every client's training records. */}
      <Show when={!deleted() && !records.loading && total() !== undefined && !clients.loading}>
        <TrainingWarnings clients={clients.value.filter((c) => (params.client ? c.id === params.client : !c.archived))} names={clientName()} />
      </Show>

      <form class="filters records-filters" role="search" aria-label="Filter records" onSubmit={(e) => e.preventDefault()}>
        <ClientSelect label="Client" value={params.client ?? ''} options={clientOptions()} placeholder="All clients" onValue={(v) => setFilter({ client: v })} />
        <SelectField label="Kind of record" value={kind() ?? ''} options={KIND_OPTIONS} placeholder="All kinds" onValue={(v) => setFilter({ kind: v })} />
        <TextField label="From" type="date" value={from() ?? ''} onValue={(v) => setFilter({ from: v })} />
        <TextField
          label="To"
          type="date"
          value={to() ?? ''}
          onValue={(v) => setFilter({ to: v })}
          warning={rangeBackwards() ? 'This date is before the From date, so no record can match.' : undefined}
        />
        <CheckboxField label="Show deleted records only" checked={deleted()} onChecked={(v) => setFilter({ deleted: v ? '1' : undefined })} />
      </form>

      <Show when={kind()}>
        <p class="hint">{kindMeta(kind()!).description}</p>
      </Show>

      <p class="records-count" aria-live="polite" data-testid="records-count">
        <Show when={!records.loading || rows().length > 0} fallback="Loading records…">
          {total() === 0
            ? `No ${deleted() ? 'deleted ' : ''}${noun()} match these filters.`
            : rows().length === 0
              ? total() === undefined
                ? 'Loading records…'
                : `No ${deleted() ? 'deleted ' : ''}${noun()} on this page: there are ${number(total()!)}.`
              : `${number(firstShown())}–${number(lastShown())} of ${total() === undefined ? '…' : number(total()!)} ${deleted() ? 'deleted ' : ''}${noun()}`}
        </Show>
      </p>

      <Show when={rows().length > 0}>
        <table class="table" data-testid="records-table" aria-busy={records.loading ? 'true' : undefined}>
          <caption class="visually-hidden">
            {deleted() ? 'Deleted records' : 'Records'}, {order() === 'desc' ? 'newest first' : 'oldest first'}
          </caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={order() === 'desc' ? 'descending' : 'ascending'}>
                <button type="button" class="link sort-button" onClick={() => setFilter({ order: order() === 'desc' ? 'asc' : undefined })}>
                  Date <span aria-hidden="true">{order() === 'desc' ? '↓' : '↑'}</span>
                  <span class="visually-hidden">{order() === 'desc' ? ', newest first; show oldest first' : ', oldest first; show newest first'}</span>
                </button>
              </th>
              <th scope="col">Kind</th>
              <Show when={!params.client}>
                <th scope="col">Client</th>
              </Show>
              <th scope="col">Summary</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(r) => (
                <tr>
                  <td class="nowrap">{formatLong(r.date)}</td>
                  <td>{kindMeta(r.kind).title}</td>
                  <Show when={!params.client}>
                    <td>{clientName().get(r.clientId) ?? <span class="muted">Unknown client</span>}</td>
                  </Show>
                  <td>
                    <a href={`/records/${r.id}`}>{summarize(r) || kindMeta(r.kind).title}</a>
                    <Show when={r.deletedAt}>
                      <span class="badge">Deleted</span>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={(total() ?? 0) > 0}>
        <Pager page={page()} pages={lastPage()} label="Pages of records" onPage={goTo} firstLast />
      </Show>
    </>
  );
}

function TrainingWarnings(props: { clients: { id: string; createdAt: string }[]; names: Map<string, string> }) {
  const gaps = createLiveQuery(
    (clients: { id: string; createdAt: string }[]) => trainingGapsOf(clients, yearOf(todayLocal())),
    [] as TrainingGap[],
    () => props.clients.map((c) => ({ id: c.id, createdAt: c.createdAt })),
  );
  const text = (g: TrainingGap) =>
    `${props.names.get(g.clientId) ?? 'A client'}: ${g.current ? `no training recorded yet in ${g.year}` : `no training recorded in ${g.year}`}.`;
  return (
    <Show when={gaps.value.length > 0}>
      <Notice tone="warning" title="Training (practice, not a rule)">
        <ul class="plain-list" data-testid="training-warnings">
          <For each={gaps.value}>
            {(g) => (
              <li>
                {text(g)}{' '}
                <A href={recordsHref('/records/new', { kind: 'training', client: g.clientId })}>Record a training session</A>
              </li>
            )}
          </For>
        </ul>
        <p>{TRAINING_PRACTICE_NOTE}</p>
      </Notice>
    </Show>
  );
}
