import { For, Match, Show, Switch } from 'solid-js';
import { unwrap } from 'solid-js/store';
import type { StatementAnswers } from '../../domain/statement';
import { answerProblems } from '../../domain/statement';
import { CheckboxField, SelectField, TextArea, TextField } from '../../ui/fields';
import { QUESTIONNAIRE, getPath, setPath, type Question } from './questionnaire';

export function QuestionnaireForm(props: { answers: StatementAnswers; onChange: (next: StatementAnswers) => void }) {
  const problems = () => new Map(answerProblems(props.answers).map((p) => [p.field, p.message]));
  // unwrap: the answers arrive as a store proxy, which structuredClone cannot copy.
  const set = (path: string, value: unknown) => props.onChange(setPath(unwrap(props.answers), path, value));
  return (
    <div class="questionnaire">
      <For each={QUESTIONNAIRE}>
        {(group) => (
          <fieldset>
            <legend>
              {group.title} <span class="muted">({group.citation})</span>
            </legend>
            <For each={group.questions}>
              {(q) => (
                <Show when={!q.when || getPath(props.answers, q.when)}>
                  <QuestionField question={q} answers={props.answers} warning={problems().get(q.path)} onValue={(v) => set(q.path, v)} />
                </Show>
              )}
            </For>
          </fieldset>
        )}
      </For>
    </div>
  );
}

function QuestionField(props: { question: Question; answers: StatementAnswers; warning?: string; onValue: (v: unknown) => void }) {
  const q = () => props.question;
  const value = () => getPath(props.answers, q().path);
  return (
    <Switch
      fallback={
        <TextField label={q().label} hint={q().hint} warning={props.warning} type={q().control === 'date' ? 'date' : 'text'} value={String(value() ?? '')} onValue={props.onValue} />
      }
    >
      <Match when={q().control === 'checkbox'}>
        <CheckboxField label={q().label} hint={q().hint} checked={Boolean(value())} onChecked={props.onValue} />
      </Match>
      <Match when={q().control === 'select'}>
        <SelectField label={q().label} hint={q().hint} value={String(value() ?? '')} options={q().options ?? []} onValue={props.onValue} />
      </Match>
      <Match when={q().control === 'textarea'}>
        <TextArea label={q().label} hint={q().hint} warning={props.warning} rows={3} value={String(value() ?? '')} onValue={props.onValue} />
      </Match>
      <Match when={q().control === 'number'}>
        <TextField
          label={q().label}
          hint={q().hint}
          warning={props.warning}
          inputMode="numeric"
          value={String(value() ?? '')}
          onValue={(v) => props.onValue(/^\d+$/.test(v) ? Number(v) : v === '' ? 0 : value())}
        />
      </Match>
    </Switch>
  );
}
