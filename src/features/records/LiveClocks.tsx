import { For, Show, createMemo } from 'solid-js';
import { createClientNoticesQuery } from '../../db/records';
import { createSettingsQuery } from '../../db/settings';
import { formatLong, todayLocal } from '../../domain/dates';
import type { RecordKind } from '../../domain/records';
import { ClockList } from './ClockList';
import { draftClocks } from './record-clocks';

/**
 * The clocks of the record being filled in, recomputed as each date is typed: the same lines
 * the record page shows once saved, plus a sentence in words for every date that is missing
 * or not a date.
 */
export function LiveClocks(props: { kind: RecordKind; clientId: string; fields: () => Record<string, unknown> }) {
  const settings = createSettingsQuery();
  const today = todayLocal();
  const notices = createClientNoticesQuery(() => (props.kind === 'notice' ? props.clientId : ''));
  const live = createMemo(() => draftClocks(props.kind, props.fields(), settings.value, today, notices.value, settings.value?.dueSoonDays));
  return (
    <section class="panel live-clocks" aria-labelledby="live-clocks-heading" data-testid="live-clocks">
      <p class="notice-title" id="live-clocks-heading">Clocks from the dates entered</p>
      <p class="hint">Worked out as you type, against today ({formatLong(today)}); nothing is saved until you save the record.</p>
      <For each={live().problems}>{(p) => <p class="error">{p}</p>}</For>
      <Show when={live().missing}>{(m) => <p>{m()}</p>}</Show>
      <Show when={live().clocks}>
        {(c) => (
          <>
            <ClockList lines={c().lines} testId="live-clock-lines" />
            <Show when={c().notes.length > 0}>
              <details>
                <summary>Notes on these dates</summary>
                <ul class="clock-notes">
                  <For each={c().notes}>{(n) => <li>{n}</li>}</For>
                </ul>
              </details>
            </Show>
          </>
        )}
      </Show>
      <Show when={live().retention}>
        {(r) => (
          <div data-testid="live-retention">
            <p class="clock-title">Keep this record</p>
            <p>
              May be disposed of from {formatLong(r().date)} ({r().basis === 'rule' ? 'set by rule' : 'practice, not a rule'}). {r().stateText}
            </p>
            <p class="clock-meta">{r().basisText}</p>
          </div>
        )}
      </Show>
    </section>
  );
}
