import { For, Show } from 'solid-js';
import { createHistoryQuery } from '../db/change-log';
import type { ChangeLogEntry } from '../db/database';
import type { FieldChange } from '../domain/change-diff';
import { formatLong, todayLocal } from '../domain/dates';

/** "March 4, 2026, 3:05 PM", on this device's clock. */
function when(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return `${formatLong(todayLocal(d))}, ${d.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })}`;
}

const shown = (value: string | undefined) => (value === undefined || value === '' ? '(empty)' : value);

function ChangeLine(props: { change: FieldChange }) {
  return (
    <li>
      <span class="history-field">{props.change.field}</span>:{' '}
      <Show when={props.change.before !== undefined && props.change.after !== undefined} fallback={<>{shown(props.change.after ?? props.change.before)}</>}>
        {shown(props.change.before)} → {shown(props.change.after)}
      </Show>
    </li>
  );
}

/**
 * The change log of one client or record, newest first: when, who (the name set in Settings)
 * and what changed, field by field (before → after). Older entries, written before fields were
 * logged, show their summary alone.
 */
export function ChangeHistory(props: { entity: ChangeLogEntry['entity']; entityId: string; title?: string }) {
  const history = createHistoryQuery(
    () => props.entity,
    () => props.entityId,
  );
  const newestFirst = () => [...history.value].reverse();
  const headingId = () => `history-${props.entity}`;
  return (
    <section class="panel history" aria-labelledby={headingId()} data-testid="change-history">
      <h2 id={headingId()}>{props.title ?? 'History'}</h2>
      <Show when={history.error}>
        <p class="error" role="alert">The history could not be read: {history.error instanceof Error ? history.error.message : String(history.error)}</p>
      </Show>
      <Show when={newestFirst().length} fallback={<Show when={!history.error && !history.loading}><p class="muted">No changes are logged for it yet.</p></Show>}>
        <ol class="history-list">
          <For each={newestFirst()}>
            {(entry) => (
              <li>
                <p>
                  <strong>{when(entry.at)}</strong>
                  {entry.by ? ` · ${entry.by}` : ''} · {entry.summary}
                </p>
                <Show when={entry.changes?.length}>
                  <ul class="history-changes">
                    <For each={entry.changes}>{(change) => <ChangeLine change={change} />}</For>
                  </ul>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
