import { For, Show } from 'solid-js';
import { CLOCK_STATUS_LABELS, PROBLEM_STATUSES } from '../../domain/clock';
import { formatWithWeekday } from '../../domain/dates';
import type { ClockLine } from './record-clocks';

/** A record's clocks, each with its date, status in words, citation and rule version. */
export function ClockList(props: { lines: ClockLine[]; testId: string }) {
  return (
    <ul class="clock-list" data-testid={props.testId}>
      <For each={props.lines}>
        {(line) => (
          <li data-state={line.state}>
            <p class="clock-title">
              {line.title}
              <Show when={line.unverified}>
                <span class="badge">Unverified</span>
              </Show>
            </p>
            <Show when={line.date}>{(d) => <p class="clock-date">{formatWithWeekday(d())}</p>}</Show>
            <p classList={{ 'clock-state--overdue': PROBLEM_STATUSES.has(line.state) }}>
              <span class={`status status--${line.state}`}>{CLOCK_STATUS_LABELS[line.state]}</span> {line.stateText}
            </p>
            <p class="clock-meta">
              {line.citation} · {line.ruleVersion}
            </p>
            <Show when={line.note}>
              <p class="clock-meta">{line.note}</p>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
