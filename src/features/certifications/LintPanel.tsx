import { For, Show, createSignal } from 'solid-js';
import type { Finding } from '../../domain/statement-lint';
import { OVERRIDE_WITHOUT_REASON, findingKey, type LintOverride } from '../../domain/certification-record';
import { TextField } from '../../ui/fields';

/** The lint's findings, with a recorded reason for any the user overrides. */
export function LintPanel(props: { findings: Finding[]; overrides: LintOverride[]; onOverrides: (next: LintOverride[]) => void }) {
  const reasonFor = (f: Finding) => props.overrides.find((o) => findingKey(o) === findingKey(f))?.reason ?? '';
  const errors = () => props.findings.filter((f) => f.severity === 'error' && !reasonFor(f).trim()).length;
  return (
    <section class="panel" aria-labelledby="lint-heading" data-testid="lint">
      <h2 id="lint-heading">Checks</h2>
      <Show when={props.findings.length} fallback={<p class="success">No problems found in the certification or the statement.</p>}>
        <p>
          {errors() ? `${errors()} ${errors() === 1 ? 'error blocks' : 'errors block'} export until fixed or overridden with a reason.` : 'No open errors. Warnings do not block export.'}
        </p>
        <ul class="findings">
          <For each={props.findings}>
            {(f) => <FindingItem finding={f} reason={reasonFor(f)} onReason={(reason) => {
              const rest = props.overrides.filter((o) => findingKey(o) !== findingKey(f));
              props.onOverrides(reason.trim() ? [...rest, { id: f.id, excerpt: f.excerpt, reason }] : rest);
            }} />}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function FindingItem(props: { finding: Finding; reason: string; onReason: (r: string) => void }) {
  const [open, setOpen] = createSignal(false);
  const [draft, setDraft] = createSignal('');
  return (
    <li class={`finding finding--${props.finding.severity}`} data-testid="finding">
      <p>
        <span class={`status status--${props.finding.severity === 'error' ? 'overdue' : 'due-soon'}`}>{props.finding.severity === 'error' ? 'Error' : 'Warning'}</span>{' '}
        {props.finding.message} <span class="muted">({props.finding.rule})</span>
      </p>
      <Show when={props.finding.excerpt}>
        <p class="excerpt">“{props.finding.excerpt}”</p>
      </Show>
      <p class="hint">Fix: {props.finding.fix}</p>
      <Show when={props.finding.severity === 'error' && props.finding.id !== OVERRIDE_WITHOUT_REASON}>
        <Show
          when={props.reason}
          fallback={
            <Show when={open()} fallback={<button type="button" class="link" onClick={() => setOpen(true)}>Override with a reason</button>}>
              <div class="form--inline form">
                <TextField label="Why this is correct as written" value={draft()} onValue={setDraft} />
                <button type="button" disabled={!draft().trim()} onClick={() => props.onReason(draft())}>Record override</button>
              </div>
            </Show>
          }
        >
          <p class="hint">
            Overridden: {props.reason}{' '}
            <button type="button" class="link" onClick={() => props.onReason('')}>Remove override</button>
          </p>
        </Show>
      </Show>
    </li>
  );
}
