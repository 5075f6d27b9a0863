import { For, Show } from 'solid-js';
import type { StatementAnswers } from '../../domain/statement';
import { answerProblems } from '../../domain/statement';
import { CheckboxField, SelectField, TextArea, TextField } from '../../ui/fields';
import { QUESTIONNAIRE, getPath, setPath } from './questionnaire';

export function QuestionnaireForm(props: { answers: StatementAnswers; onChange: (next: StatementAnswers) => void }) {
  const problems = () => new Map(answerProblems(props.answers).map((p) => [p.field, p.message]));
  const set = (path: string, value: unknown) => props.onChange(setPath(props.answers, path, value));
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
                  {(() => {
                    const value = () => getPath(props.answers, q.path);
                    const warning = () => problems().get(q.path);
                    switch (q.control) {
                      case 'checkbox':
                        return <CheckboxField label={q.label} hint={q.hint} checked={Boolean(value())} onChecked={(v) => set(q.path, v)} />;
                      case 'select':
                        return <SelectField label={q.label} hint={q.hint} value={String(value() ?? '')} options={q.options ?? []} onValue={(v) => set(q.path, v)} />;
                      case 'textarea':
                        return <TextArea label={q.label} hint={q.hint} warning={warning()} rows={3} value={String(value() ?? '')} onValue={(v) => set(q.path, v)} />;
                      case 'number':
                        return (
                          <TextField
                            label={q.label}
                            hint={q.hint}
                            warning={warning()}
                            inputMode="numeric"
                            value={String(value() ?? '')}
                            onValue={(v) => set(q.path, /^\d+$/.test(v) ? Number(v) : v === '' ? 0 : value())}
                          />
                        );
                      default:
                        return <TextField label={q.label} hint={q.hint} warning={warning()} type={q.control === 'date' ? 'date' : 'text'} value={String(value() ?? '')} onValue={(v) => set(q.path, v)} />;
                    }
                  })()}
                </Show>
              )}
            </For>
          </fieldset>
        )}
      </For>
    </div>
  );
}
