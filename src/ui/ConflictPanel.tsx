import { For, Show, createSignal } from 'solid-js';
import { CHANGED_ELSEWHERE, defaultChoices, describeValue, type Choice, type FieldChange } from '../domain/conflicts';

export interface ConflictPanelProps {
  changes: FieldChange[];
  label: (key: string) => string;
  /** What else the user must know (the status changed, so the edits cannot be saved). */
  note?: string;
  /** False when the other version cannot take edits (it was signed or filed): only "take the other" is offered. */
  canKeepMine?: boolean;
  onResolve: (choices: Record<string, Choice>) => void;
  onTakeTheirs: () => void;
}

/**
 * "Changed in another tab or window": the other version's changed fields, each with the choice
 * to keep mine or take the other. Nothing was written; the form saves again once the user chose.
 */
export function ConflictPanel(props: ConflictPanelProps) {
  // eslint-disable-next-line solid/reactivity -- the choices start from the conflict as found; a new conflict mounts a new panel
  const [choices, setChoices] = createSignal<Record<string, Choice>>(defaultChoices(props.changes));
  const choose = (key: string, choice: Choice) => setChoices({ ...choices(), [key]: choice });
  return (
    <section class="notice notice--warning conflict" role="alert" aria-labelledby="conflict-heading" data-testid="conflict">
      <h2 id="conflict-heading">Changed in another tab or window</h2>
      <p>{CHANGED_ELSEWHERE}</p>
      <Show when={props.note}>
        <p>
          <strong>{props.note}</strong>
        </p>
      </Show>
      <Show when={props.changes.length} fallback={<p>The other version changed nothing that this screen shows.</p>}>
        <ul class="conflict-fields">
          <For each={props.changes}>
            {(c) => (
              <li data-testid="conflict-field" data-field={c.key}>
                <fieldset>
                  <legend>{props.label(c.key)}</legend>
                  <Show when={props.canKeepMine !== false}>
                    <label>
                      <input type="radio" name={`conflict-${c.key}`} checked={choices()[c.key] === 'mine'} onChange={() => choose(c.key, 'mine')} />
                      {' '}Keep mine{c.mineChanged ? '' : ' (you did not change it)'}: <span class="conflict-value">{describeValue(c.mine)}</span>
                    </label>
                    <label>
                      <input type="radio" name={`conflict-${c.key}`} checked={choices()[c.key] === 'theirs'} onChange={() => choose(c.key, 'theirs')} />
                      {' '}Take the other: <span class="conflict-value">{describeValue(c.theirs)}</span>
                    </label>
                  </Show>
                  <Show when={props.canKeepMine === false}>
                    <p>
                      Yours: <span class="conflict-value">{describeValue(c.mine)}</span>
                    </p>
                    <p>
                      The other: <span class="conflict-value">{describeValue(c.theirs)}</span>
                    </p>
                  </Show>
                </fieldset>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="form-actions">
        <Show when={props.canKeepMine !== false}>
          <button type="button" class="primary" onClick={() => props.onResolve(choices())}>
            Save with these choices
          </button>{' '}
        </Show>
        <button type="button" onClick={() => props.onTakeTheirs()}>
          Take the other version (discard mine)
        </button>
      </div>
    </section>
  );
}
