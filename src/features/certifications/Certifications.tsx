import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { For, Show, createEffect, createMemo, createSignal } from 'solid-js';
import { describeStatus } from '../../domain/certification-status';
import { createCertificationSummariesQuery, createCertification, findCertification } from '../../db/certifications';
import { clientsSource } from '../../db/shared-reads';
import type { Client } from '../../domain/schema';
import { createLiveValue } from '../../db/live-value';
import { createPreparersQuery } from '../../db/preparers';
import { createSettingsQuery } from '../../db/settings';
import type { RollForwardChange } from '../../domain/certification-record';
import { certificationDueDate, certificationRequired, filingSeason } from '../../domain/deadlines';
import { closureDates } from '../../domain/breach-clock';
import { formatLong, todayLocal } from '../../domain/dates';
import { TextField } from '../../ui/fields';
import { ClientSelect } from '../records/ClientSelect';
import { EmptyState, Notice, PageHeader } from '../../ui/page';
import { BatchExport } from './BatchExport';
import { SeasonBoard } from './SeasonBoard';

// Every year's certifications of every client can run to thousands; the season board above is where a season is worked.
const LIST_PAGE = 50;

export function Certifications() {
  const [limit, setLimit] = createSignal(LIST_PAGE);
  const [params, setParams] = useSearchParams<{ client?: string; year?: string }>();
  const navigate = useNavigate();
  const settings = createSettingsQuery();
  // Plain signals, not stores: 1,500 certifications are read from an index and shown as they come.
  const everyClient = createLiveValue({ shared: () => clientsSource }, [] as Client[]);
  const clients = createMemo(() => everyClient.value.filter((c) => !c.archived));
  const preparers = createPreparersQuery();
  const certifications = createCertificationSummariesQuery();
  const cal = createMemo(() => ({ calendar: 'fcc' as const, closures: closureDates(settings.value) }));
  // One due date per year, not one computation per row.
  const dueDates = createMemo(() => {
    const byYear = new Map<number, string>();
    for (const c of certifications.value) if (!byYear.has(c.certificationYear)) byYear.set(c.certificationYear, formatLong(certificationDueDate(c.certificationYear, cal())));
    return byYear;
  });
  const season = createMemo(() => filingSeason(todayLocal(), cal()));
  // A link that names a client (?client=…) chooses it; with a single client, that one.
  const [clientId, setClientId] = createSignal(params.client ?? '');
  const chosenClient = () => clientId() || (clients().length === 1 ? clients()[0]!.id : '');
  const shownClient = () => (clients().some((c) => c.id === params.client) ? params.client! : '');
  const [year, setYear] = createSignal(params.year ?? '');
  const [error, setError] = createSignal('');
  const [changes, setChanges] = createSignal<{ id: string; list: RollForwardChange[] } | undefined>();
  const chosenYear = () => Number(year() || season());
  // One lookup table, built once per change of the clients: the list below sorts 1,500 rows.
  const clientNames = createMemo(() => new Map(clients().map((c) => [c.id, c.legalName])));
  const clientName = (id: string) => clientNames().get(id) ?? '(archived or removed client)';
  // By client (names as people sort them: "Carrier 9" before "Carrier 10"), then the newest year first.
  const listed = createMemo(() => {
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    const shownId = shownClient();
    return certifications.value
      .filter((c) => !shownId || c.clientId === shownId)
      .map((c) => ({ c, name: clientName(c.clientId) }))
      .sort((a, b) => collator.compare(a.name, b.name) || b.c.certificationYear - a.c.certificationYear)
      .map((x) => x.c);
  });
  const page = createMemo(() => listed().slice(0, limit()));
  // What the first look at the board does not need waits until the board has been painted: the
  // batch export at the foot of a long page (its list of every client's certification) and the
  // options of the two client selects (hundreds of them, unseen until a select is opened).
  const [boardPainted, setBoardPainted] = createSignal(false);
  createEffect(() => {
    if (certifications.loading || boardPainted()) return;
    requestAnimationFrame(() => setTimeout(() => setBoardPainted(true)));
  });
  const clientOptions = createMemo(() => (boardPainted() ? clients().map((c) => ({ value: c.id, label: c.legalName })) : []));

  const start = async (e: SubmitEvent) => {
    e.preventDefault();
    setError('');
    const client = clients().find((c) => c.id === chosenClient());
    if (!client) return setError('Choose the client.');
    const y = chosenYear();
    if (!Number.isInteger(y) || y < 2008 || y > 2100) return setError('Enter a certification year such as 2027.');
    if (!certificationRequired(y)) return setError(y === 2017 ? 'No certification was due in 2017 (the 2016 rules had dropped it; filings resumed in 2018 for calendar year 2017).' : 'The annual certification was first due in 2008.');
    const existing = await findCertification(client.id, y);
    if (existing) return navigate(`/certifications/${existing.id}`);
    // The certification model and its checks load when a certification is started, not with the screen.
    const { newCertification, previousCertificationYear, rollForward } = await import('../../domain/certification-record');
    const previous = await findCertification(client.id, previousCertificationYear(y));
    const preparerId = preparers.value.find((p) => p.isDefault)?.id ?? '';
    const rolled = previous ? rollForward(previous, client, previous.id) : undefined;
    const result = await createCertification(rolled?.next ?? newCertification(client, y, preparerId));
    if (!result.ok) return setError(result.message);
    if (rolled) setChanges({ id: result.id, list: rolled.changes });
    else navigate(`/certifications/${result.id}`);
  };

  return (
    <>
      <PageHeader
        title="Certifications"
        lead="The annual CPNI compliance certification for each client (47 C.F.R. § 64.2009(e), EB Docket No. 06-36)."
        actions={<A class="button" href="/certifications/check">Check a filing written elsewhere</A>}
      />
      <section class="panel" aria-labelledby="start-heading">
        <h2 id="start-heading">Start a certification</h2>
        <p>
          The {season()} certification covers calendar year {season() - 1} and is due {formatLong(certificationDueDate(season(), cal()))}. When
          last year's certification exists, it is rolled forward: everything is carried over and the dates and counts are recomputed.
        </p>
        <form class="form form--inline" onSubmit={start} novalidate aria-label="Start a certification">
          <ClientSelect label="Client" value={chosenClient()} placeholder="Choose a client" options={clientOptions()} onValue={setClientId} />
          <TextField label="Certification year" inputMode="numeric" value={year() || String(season())} onValue={setYear} hint={`Covers calendar year ${chosenYear() - 1}.`} />
          <button type="submit" class="primary">Start</button>
        </form>
        <Show when={error()}>
          <p class="error" role="alert">{error()}</p>
        </Show>
        <Show when={changes()}>
          {(c) => (
            <Notice tone="info" title="Rolled forward from last year">
              <p>Review what changed:</p>
              <ul data-testid="roll-forward-changes">
                <For each={c().list}>{(ch) => <li>{ch.field}: {ch.from} → {ch.to}</li>}</For>
              </ul>
              <A class="button primary" href={`/certifications/${c().id}`}>Open the new certification</A>
            </Notice>
          )}
        </Show>
      </section>

      {/* Shown once both are read: never a moment of "Not started" for a client whose certification is still being read. */}
      <Show when={!certifications.loading && clients().some((c) => !c.archived)}>
        <SeasonBoard clients={clients()} certifications={certifications.value} loaded={!certifications.loading} settings={settings.value} season={season()} dueFor={(y) => certificationDueDate(y, cal())} />
      </Show>

      <Show
        when={certifications.value.length}
        fallback={
          <Show when={!certifications.loading}>
            <EmptyState title="No certifications yet">
              <p>Start one above. CPNI Desk drafts the officer's certification and the accompanying statement from your answers and the year's records, checks them for known filing mistakes, and exports a PDF ready for ECFS.</p>
            </EmptyState>
          </Show>
        }
      >
        <div class="form form--inline">
          <ClientSelect
            label="Show the certifications of"
            value={shownClient()}
            placeholder="All clients"
            options={clientOptions()}
            onValue={(v) => {
              setParams({ client: v || undefined });
              if (v) setClientId(v);
            }}
          />
        </div>
        <Show when={listed().length === 0}>
          <p>No certifications for this client yet: start one above.</p>
        </Show>
        <table class="table" data-testid="certifications-table">
          <caption class="visually-hidden">Certifications</caption>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Year</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            <For each={page()}>
              {(c) => (
                <tr>
                  <th scope="row"><a href={`/certifications/${c.id}`}>{clientName(c.clientId)}</a></th>
                  <td>{c.certificationYear} (covers {c.certificationYear - 1})</td>
                  <td>{dueDates().get(c.certificationYear)}</td>
                  <td>
                    {c.amends ? 'Amended filing: ' : ''}
                    {describeStatus(c, todayLocal())}
                    {c.amendedById ? '; amended since' : ''}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <Show when={listed().length > limit()}>
          <p>
            Showing {limit()} of {listed().length}.{' '}
            <button type="button" onClick={() => setLimit(limit() + LIST_PAGE)}>
              Show {Math.min(LIST_PAGE, listed().length - limit())} more
            </button>
          </p>
        </Show>
        <Show when={boardPainted()}>
          <BatchExport certifications={certifications.value} clients={clients()} preparers={preparers.value} settings={settings.value} season={season()} />
        </Show>
      </Show>
    </>
  );
}
