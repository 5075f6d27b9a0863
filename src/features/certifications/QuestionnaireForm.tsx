import { For, Match, Show, Switch, createMemo, createSignal } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { todayLocal } from '../../domain/dates';
import { answerProblems } from '../../domain/statement';
import type { StoredAnswers } from '../../domain/statement-answers';
import {
  TOPICS,
  answerOf,
  fillFromSample,
  hasUnanswered,
  isAsked,
  reviewTopic,
  setAnswer,
  topicStatus,
  type Question,
  type QuestionnaireContext,
  type Topic,
} from '../../domain/statement-topics';
import { SelectField, TextArea, TextField } from '../../ui/fields';
import { YES_NO, fromYesNo, parseWholeNumber, topicStateText, yesNoValue } from './questionnaire';

/**
 * The questionnaire, topic by topic. Every topic starts unanswered; one action fills what is
 * unanswered from typical small-carrier practice, and each topic so filled (or carried over
 * from last year) says so until the user confirms it.
 */
export function QuestionnaireForm(props: { answers: StoredAnswers; context: QuestionnaireContext; onChange: (next: StoredAnswers) => void }) {
  // unwrap: the answers arrive as a store proxy, which structuredClone cannot copy.
  const current = () => unwrap(props.answers);
  const problems = createMemo(() => new Map(answerProblems(props.answers.values).map((p) => [p.field, p.message])));
  const statuses = createMemo(() => TOPICS.map((t) => topicStatus(t, props.answers, props.context)));
  const count = (state: string) => statuses().filter((s) => s.state === state).length;
  const summary = () => {
    const parts = [
      count('unanswered') && `${count('unanswered')} not answered`,
      count('needsReview') && `${count('needsReview')} to review`,
      count('done') && `${count('done')} done`,
    ].filter(Boolean);
    return `${count('unanswered') + count('needsReview') + count('done')} topics apply to this company: ${parts.join(', ')}.`;
  };
  return (
    <div class="questionnaire" data-testid="questionnaire">
      <div class="questionnaire-summary">
        <p data-testid="questionnaire-summary">{summary()}</p>
        <Show when={hasUnanswered(props.answers)}>
          <button type="button" onClick={() => props.onChange(fillFromSample(current()))}>
            Fill from typical small-carrier practice
          </button>
          <p class="hint">
            Fills every question that has no answer with what a typical small carrier does. Each topic it fills is marked as a sample until you
            review it and confirm that it describes the company's procedures.
          </p>
        </Show>
      </div>
      <For each={TOPICS}>
        {(topic, i) => (
          <TopicFields
            topic={topic}
            status={statuses()[i()]!}
            answers={props.answers}
            coveredYear={props.context.coveredYear}
            problems={problems()}
            onAnswer={(q, v) => props.onChange(setAnswer(current(), q, v))}
            onReview={() => props.onChange(reviewTopic(current(), topic.id, todayLocal()))}
          />
        )}
      </For>
    </div>
  );
}

function TopicFields(props: {
  topic: Topic;
  status: ReturnType<typeof topicStatus>;
  answers: StoredAnswers;
  coveredYear: number;
  problems: Map<string, string>;
  onAnswer: (q: Question, v: unknown) => void;
  onReview: () => void;
}) {
  const state = () => props.status.state;
  return (
    <Show when={state() !== 'notApplicable'}>
      <fieldset
        class="topic"
        classList={{ 'topic--open': state() === 'unanswered', 'topic--review': state() === 'needsReview' }}
        data-testid="topic"
        data-topic={props.topic.id}
        data-state={state()}
      >
        <legend>
          {props.topic.title} <span class="muted">({props.topic.citation})</span>
        </legend>
        <p class="topic-status" data-testid="topic-status">
          <strong>{state() === 'needsReview' ? 'To review: ' : state() === 'unanswered' ? 'To answer: ' : ''}</strong>
          {topicStateText(props.status, props.coveredYear)}
        </p>
        <Show when={props.status.review?.note}>
          <p class="hint">{props.status.review!.note}</p>
        </Show>
        <For each={props.topic.questions}>
          {(q) => (
            <Show when={isAsked(q, props.answers.values)}>
              <QuestionField question={q} value={answerOf(props.answers.values, q)} warning={props.problems.get(`${q.topic}.${q.key}`)} onValue={(v) => props.onAnswer(q, v)} />
            </Show>
          )}
        </For>
        <Show when={state() === 'needsReview'}>
          <button type="button" class="primary" onClick={() => props.onReview()}>
            Confirm “{props.topic.title}”
          </button>
        </Show>
      </fieldset>
    </Show>
  );
}

function QuestionField(props: { question: Question; value: unknown; warning?: string; onValue: (v: unknown) => void }) {
  const q = () => props.question;
  const [typed, setTyped] = createSignal<string | undefined>();
  const numberError = () => (typed() !== undefined && parseWholeNumber(typed()!) === undefined ? 'Enter a whole number, such as 1.' : undefined);
  return (
    <Switch fallback={<TextField label={q().label} hint={q().hint} warning={props.warning} value={typeof props.value === 'string' ? props.value : ''} onValue={props.onValue} />}>
      <Match when={q().control === 'yesNo'}>
        <SelectField label={q().label} hint={q().hint} placeholder="Not answered" value={yesNoValue(props.value)} options={YES_NO} onValue={(v) => props.onValue(fromYesNo(v))} />
      </Match>
      <Match when={q().control === 'select'}>
        <SelectField
          label={q().label}
          hint={q().hint}
          placeholder="Not answered"
          value={typeof props.value === 'string' ? props.value : ''}
          options={q().options ?? []}
          onValue={(v) => props.onValue(v || null)}
        />
      </Match>
      <Match when={q().control === 'textarea'}>
        <TextArea label={q().label} hint={q().hint} warning={props.warning} rows={3} value={typeof props.value === 'string' ? props.value : ''} onValue={props.onValue} />
      </Match>
      <Match when={q().control === 'number'}>
        <TextField
          label={q().label}
          hint={q().hint}
          warning={props.warning}
          error={numberError()}
          inputMode="numeric"
          value={typed() ?? (typeof props.value === 'number' ? String(props.value) : '')}
          onValue={(v) => {
            const n = parseWholeNumber(v);
            // Only text that is not a number is held here, to show it with its message.
            setTyped(n === undefined ? v : undefined);
            if (n !== undefined) props.onValue(n);
          }}
        />
      </Match>
    </Switch>
  );
}
