import { A } from '@solidjs/router';
import { For, Show, Suspense, createMemo, createSignal, lazy } from 'solid-js';
import type { SeasonData } from '../../db/dashboard';
import type { StoredRecord } from '../../db/database';
import type { LiveResult } from '../../db/live';
import { deadlinesFor, type Deadline } from '../../domain/deadlines';
import { daysBetween, formatWithWeekday, todayLocal } from '../../domain/dates';
import { EmptyState, Notice } from '../../ui/page';
import { backupReminder, describeBackupAge } from '../../domain/backup-reminder';
import { createChangesSinceQuery } from '../../db/change-log';
import { CheckboxField, SelectField } from '../../ui/fields';
import { CertificationSeason } from './CertificationSeason';
import { Reminders } from './Reminders';
import { DEADLINE_GROUPS, STATUS_LABELS, byUrgency, groupIdentical, groupOf, groupTitle, isHiddenByDefault, type DeadlineGroup } from './deadline-groups';

// Below the deadlines and used on demand: loaded after the deadlines are on screen.
const RetentionReview = lazy(() => import('./RetentionReview').then((m) => ({ default: m.RetentionReview })));
const CalendarExport = lazy(() => import('./CalendarExport').then((m) => ({ default: m.CalendarExport })));

const PAGE = 100;
const STATUS_ORDERED = Object.keys(STATUS_LABELS) as Deadline['status'][];
/** Always shown in the counts; the other statuses only when some deadline has them. */
const ALWAYS_COUNTED: readonly Deadline['status'][] = ['overdue', 'due-soon', 'upcoming', 'done'];

export function daysLeftLabel(due: string, today: string): string {
  const n = daysBetween(today, due);
  if (n === 0) return 'today';
  return n > 0 ? `in ${n} ${n === 1 ? 'day' : 'days'}` : `${-n} ${n === -1 ? 'day' : 'days'} ago`;
}

/**
 * The dashboard's content, loaded while its data is read (Dashboard.tsx). The season shows as
 * soon as it is read; the records' clocks join the list when they are.
 */
export function DashboardView(props: { season: LiveResult<SeasonData | undefined>; clocked: LiveResult<StoredRecord[] | undefined> }) {
  const data = { get value() { return props.season.value; } };
  const clocksRead = () => props.clocked.value !== undefined;
  const changesSinceBackup = createChangesSinceQuery(() => data.value?.settings.lastBackupAt ?? '');
  const today = todayLocal();
  const [clientFilter, setClientFilter] = createSignal('');
  const [groupFilter, setGroupFilter] = createSignal<DeadlineGroup | ''>('');
  const [statusFilter, setStatusFilter] = createSignal<Deadline['status'] | ''>('');
  const [showDone, setShowDone] = createSignal(false);
  const [limit, setLimit] = createSignal(PAGE);
  const [expanded, setExpanded] = createSignal<ReadonlySet<string>>(new Set());

  const clientNames = createMemo(() => new Map((data.value?.clients ?? []).map((c) => [c.id, c.legalName])));
  const activeClients = createMemo(() => (data.value?.clients ?? []).filter((c) => !c.archived));
  const deadlines = createMemo(() => {
    const d = data.value;
    if (!d) return [];
    return deadlinesFor(d.clients, props.clocked.value ?? [], today, d.settings, d.certifications).sort(byUrgency);
  });
  const counts = createMemo(() => {
    const out: Record<Deadline['status'], number> = { overdue: 0, early: 0, 'due-soon': 0, open: 0, upcoming: 0, waiting: 0, unknown: 0, late: 0, done: 0 };
    for (const d of deadlines()) if (!clientFilter() || d.clientId === clientFilter()) out[d.status]++;
    return out;
  });
  const visible = createMemo(() =>
    deadlines().filter(
      (d) =>
        (!clientFilter() || d.clientId === clientFilter()) &&
        (!groupFilter() || groupOf(d.dutyId) === groupFilter()) &&
        (statusFilter() ? d.status === statusFilter() : showDone() || !isHiddenByDefault(d.status)),
    ),
  );

  const rows = createMemo(() => groupIdentical(visible()));
  const certificationStatus = createMemo(() => new Map((data.value?.certifications ?? []).filter((c) => !c.amends).map((c) => [`${c.clientId}|${c.certificationYear}`, c.status])));
  /** For a group of certification deadlines: how many clients' certifications are not yet ready to sign. */
  const notYetReady = (group: readonly Deadline[]) =>
    group.filter((d) => {
      const status = certificationStatus().get(`${d.clientId}|${d.due.slice(0, 4)}`);
      return status === undefined || status === 'draft';
    }).length;
  /** A group's clients, as the clients list orders them (they share the date and the duty). */
  const byClientName = (group: readonly Deadline[]) => {
    const names = clientNames();
    return [...group].sort((a, b) => (names.get(a.clientId) ?? '').localeCompare(names.get(b.clientId) ?? '', 'en'));
  };
  const toggle = (key: string) => {
    const next = new Set(expanded());
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setExpanded(next);
  };

  const deadlineRow = (dl: Deadline, inGroup = false) => (
    <tr class={`deadline deadline--${dl.status}`} classList={{ 'deadline--in-group': inGroup }}>
      <td>
        {formatWithWeekday(dl.due)}
        <br />
        <span class="muted">{daysLeftLabel(dl.due, today)}</span>
      </td>
      <td>{clientNames().get(dl.clientId)}</td>
      <td>
        <Show when={dl.recordId} fallback={<a href={`/certifications?client=${dl.clientId}`}>{dl.title}</a>}>
          <a href={`/records/${dl.recordId}`}>{dl.title}</a>
        </Show>
        <span class="muted"> — {dl.citation}{groupOf(dl.dutyId) === 'breach' ? ` (${dl.ruleVersion} rule)` : ''}</span>
        <Show when={dl.note}>
          <br />
          <span class="hint">{dl.note}</span>
        </Show>
      </td>
      <td><span class={`status status--${dl.status}`}>{STATUS_LABELS[dl.status]}</span></td>
    </tr>
  );

  return (
    <>
      <Show when={data.value}>
        {(d) => (
          <Show
            when={activeClients().length > 0}
            fallback={
              <EmptyState title="Start with a client">
                <p>Add the carrier you file for. Its deadlines and its annual certification will appear here.</p>
                <A class="button primary" href="/clients/new">Add a client</A>
              </EmptyState>
            }
          >
            <Show when={backupReminder(d().settings.lastBackupAt, new Date(), changesSinceBackup.value)} keyed>
              {(b) => (
                <Show when={b.kind !== 'recent'}>
                  <Notice tone="warning">
                    <p data-testid="backup-reminder">
                      {describeBackupAge(b)} Everything lives only in
                      this browser: <A href="/settings">download a backup</A> and keep it somewhere safe.
                    </p>
                  </Notice>
                </Show>
              )}
            </Show>
            <Show when={clocksRead() || props.clocked.error} fallback={<p class="muted" aria-live="polite" data-testid="clocks-loading">Reading the records' clocks…</p>}>
            <ul class="status-counts" aria-label="Deadlines by status" data-testid="status-counts">
              <For each={STATUS_ORDERED.filter((s) => ALWAYS_COUNTED.includes(s) || counts()[s] > 0)}>
                {(s) => (
                  <li class={`count count--${s}`}>
                    <button type="button" class="link" aria-pressed={statusFilter() === s} onClick={() => setStatusFilter(statusFilter() === s ? '' : s)}>
                      <strong>{counts()[s]}</strong> {STATUS_LABELS[s].toLowerCase()}
                    </button>
                  </li>
                )}
              </For>
            </ul>
            </Show>

            <CertificationSeason clients={activeClients()} certifications={d().certifications} settings={d().settings} today={today} />

            <section class="panel" aria-labelledby="deadlines-heading">
              <h2 id="deadlines-heading">Deadlines</h2>
              <div class="filters">
                <SelectField
                  label="Client"
                  value={clientFilter()}
                  placeholder="All clients"
                  options={activeClients().map((c) => ({ value: c.id, label: c.legalName }))}
                  onValue={(v) => { setClientFilter(v); setLimit(PAGE); }}
                />
                <SelectField
                  label="Kind"
                  value={groupFilter()}
                  placeholder="All kinds"
                  options={Object.entries(DEADLINE_GROUPS).map(([value, label]) => ({ value, label }))}
                  onValue={(v) => { setGroupFilter(v as DeadlineGroup | ''); setLimit(PAGE); }}
                />
                <SelectField
                  label="Status"
                  value={statusFilter()}
                  placeholder="Open (overdue, due soon, upcoming)"
                  options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
                  onValue={(v) => { setStatusFilter(v as Deadline['status'] | ''); setLimit(PAGE); }}
                />
                <CheckboxField label="Include done" checked={showDone()} onChecked={setShowDone} />
              </div>
              <Show when={visible().length} fallback={<p class="muted">{clocksRead() ? 'No deadline matches these filters.' : "Reading the records' clocks…"}</p>}>
                <table class="table" data-testid="deadlines" aria-busy={clocksRead() ? undefined : 'true'}>
                  <caption class="visually-hidden">Deadlines, overdue first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Due</th>
                      <th scope="col">Client</th>
                      <th scope="col">Duty</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={rows().slice(0, limit())}>
                      {(row) =>
                        row.kind === 'one' ? (
                          deadlineRow(row.deadline)
                        ) : (
                          <>
                            <tr class={`deadline deadline--${row.deadlines[0]!.status} deadline-group`} data-testid="deadline-group">
                              <td>
                                {formatWithWeekday(row.deadlines[0]!.due)}
                                <br />
                                <span class="muted">{daysLeftLabel(row.deadlines[0]!.due, today)}</span>
                              </td>
                              <td>{row.deadlines.length} clients</td>
                              <td>
                                <strong>{groupTitle(row.deadlines, formatWithWeekday(row.deadlines[0]!.due))}</strong>
                                <Show when={row.deadlines[0]!.dutyId === 'annualCertification'}>
                                  {' — '}
                                  {notYetReady(row.deadlines)} not yet ready
                                </Show>
                                <span class="muted"> — {row.deadlines[0]!.citation}</span>
                                <br />
                                <button type="button" class="link" aria-expanded={expanded().has(row.key)} onClick={() => toggle(row.key)}>
                                  {expanded().has(row.key) ? 'Hide the clients' : `Show the ${row.deadlines.length} clients`}
                                </button>
                              </td>
                              <td><span class={`status status--${row.deadlines[0]!.status}`}>{STATUS_LABELS[row.deadlines[0]!.status]}</span></td>
                            </tr>
                            <Show when={expanded().has(row.key)}>
                              <For each={byClientName(row.deadlines)}>{(dl) => deadlineRow(dl, true)}</For>
                            </Show>
                          </>
                        )
                      }
                    </For>
                  </tbody>
                </table>
                <Show when={rows().length > limit()}>
                  <p>
                    Showing {limit()} of {rows().length} rows.{' '}
                    <button type="button" onClick={() => setLimit(limit() + PAGE)}>Show {Math.min(PAGE, rows().length - limit())} more</button>
                  </p>
                </Show>
              </Show>
              <Show when={clocksRead()}>
                <Suspense>
                  <CalendarExport deadlines={deadlines()} clientNames={clientNames()} clientId={clientFilter()} />
                </Suspense>
                <Reminders deadlines={deadlines()} clientNames={clientNames()} />
              </Show>
            </section>

            <Suspense>
              <RetentionReview settings={d().settings} today={today} clientNames={clientNames()} />
            </Suspense>
          </Show>
        )}
      </Show>
    </>
  );
}
