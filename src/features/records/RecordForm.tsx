import { For, Show, createEffect, createMemo, createSignal, type JSX } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { applyChoices, otherChanges, type Choice, type FieldChange } from '../../domain/conflicts';
import type { StoredRecord } from '../../db/database';
import { ConflictPanel } from '../../ui/ConflictPanel';
import type { FieldErrors } from '../../domain/schema';
import type { RecordKind } from '../../domain/records';
import { createRecordsQuery, validateRecord } from '../../db/records';
import type { SaveResult } from '../../db/clients';
import { CheckboxField, SelectField, TextArea, TextField, type Option } from '../../ui/fields';
import { useUnsavedGuard } from '../../ui/unsaved-guard';
import { DraftOffer, useFormDraft } from '../../ui/form-draft';
import { kindMeta, summarize, type FieldDescriptor } from './record-kinds';
import { draftFromRecord, emptyRecordDraft, inputFromDraft, isFieldShown, type RecordDraft } from './record-draft';
import { formatLong } from '../../domain/dates';
import { hasLiveClocks } from './record-clocks';
import { LiveClocks } from './LiveClocks';

interface Props {
  kind: RecordKind;
  clientId: string;
  initial?: RecordDraft;
  submitLabel?: string;
  /** Where what is typed is kept as a draft until saved ('record:new:<kind>:<clientId>', 'record:<id>'). */
  draftKey?: string;
  /** The stored revision `initial` was read at; a save is refused when the record changed since. */
  rev?: number;
  onSave: (input: Record<string, unknown>, expectedRev?: number) => Promise<SaveResult<StoredRecord>>;
  onSaved?: (id: string) => void;
  onCancel?: () => void;
  /** Told whenever the form gains or loses unsaved changes. */
  onDirty?: (dirty: boolean) => void;
}

interface Section {
  legend: string;
  fields: FieldDescriptor[];
}

function sectionsOf(kind: RecordKind): Section[] {
  const meta = kindMeta(kind);
  const out: Section[] = [];
  for (const f of meta.fields) {
    const legend = f.group ?? meta.title;
    const last = out[out.length - 1];
    if (last && last.legend === legend) last.fields.push(f);
    else out.push({ legend, fields: [f] });
  }
  return out;
}

/** The form of any record kind, drawn from its field descriptors in record-kinds.ts. */
export function RecordForm(props: Props) {
  // A form is for one kind and starts from its initial value once.
  // eslint-disable-next-line solid/reactivity
  const kind = props.kind;
  const start = structuredClone(props.initial ?? emptyRecordDraft(kind));
  const [draft, setDraft] = createStore<RecordDraft>(structuredClone(start));
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [saving, setSaving] = createSignal(false);
  const [saved, setSaved] = createSignal(JSON.stringify(start));
  const dirty = createMemo(() => JSON.stringify(draft) !== saved());
  useUnsavedGuard(dirty);
  createEffect(() => props.onDirty?.(dirty()));
  let formRef: HTMLFormElement | undefined;

  const linkKinds = kindMeta(kind).fields.flatMap((f) => (f.linksTo ? [f.linksTo] : []));
  const linked = linkKinds.length
    ? createRecordsQuery(() => ({ clientId: props.clientId, kind: linkKinds[0], limit: 500 }))
    : undefined;
  const linkOptions = (f: FieldDescriptor): Option[] => {
    const rows = linked?.value.rows ?? [];
    const options = rows.map((r) => ({ value: r.id, label: `${formatLong(r.date)}: ${summarize(r)}` }));
    const current = draft[f.name];
    if (typeof current === 'string' && current && !options.some((o) => o.value === current))
      options.push({ value: current, label: 'A linked record that is deleted or no longer on this device' });
    return options;
  };

  const err = (name: string) => errors()[name];
  const errorCount = createMemo(() => Object.keys(errors()).length);

  // Compare-and-swap: the revision and the values this form started from.
  // eslint-disable-next-line solid/reactivity -- the starting revision; moved on by each save
  const [rev, setRev] = createSignal(props.rev);
  const [base, setBase] = createSignal<RecordDraft>(structuredClone(start));
  const [conflict, setConflict] = createSignal<{ theirs: RecordDraft; rev?: number; changes: FieldChange[] } | undefined>();
  const fieldLabels = new Map(kindMeta(kind).fields.map((f) => [f.name, f.label]));
  const adopt = (theirs: RecordDraft, theirsRev: number | undefined) => {
    setDraft(reconcile(structuredClone(theirs)));
    setSaved(JSON.stringify(theirs));
    setBase(structuredClone(theirs));
    setRev(theirsRev);
    setConflict(undefined);
  };
  const drafts = useFormDraft<RecordDraft>({
    key: () => props.draftKey,
    value: () => draft,
    dirty,
    rev,
    base,
    storedRev: () => props.rev,
    restore: (d, stale) => {
      setDraft(reconcile(structuredClone(d.value)));
      if (stale) {
        setRev(d.rev);
        if (d.base) setBase(d.base);
      }
    },
  });
  const resolve = async (choices: Record<string, Choice>) => {
    const c = conflict();
    if (!c) return;
    const merged = applyChoices(unwrap(draft), c.changes, choices);
    adopt(c.theirs, c.rev);
    setDraft(reconcile(merged));
    await saveNow();
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    await saveNow();
  };

  const saveNow = async () => {
    const input = inputFromDraft(kind, draft);
    const checked = validateRecord(kind, input);
    const showErrors = (found: FieldErrors) => {
      setErrors(found);
      queueMicrotask(() => formRef?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    };
    if (!checked.ok) return showErrors(checked.errors);
    setSaving(true);
    try {
      const result = await props.onSave(input, rev());
      if (!result.ok && result.conflict) {
        const theirs = draftFromRecord(kind, result.conflict as unknown as Record<string, unknown>);
        setErrors({});
        setConflict({ theirs, rev: result.conflict.rev, changes: otherChanges(base(), unwrap(draft), theirs, [...fieldLabels.keys()]) });
        return;
      }
      if (!result.ok) return showErrors(result.errors);
      setErrors({});
      setConflict(undefined);
      setSaved(JSON.stringify(unwrap(draft)));
      drafts.clear();
      setBase(structuredClone(unwrap(draft)));
      if (result.rev !== undefined) setRev(result.rev);
      props.onSaved?.(result.id);
    } catch (error) {
      setErrors({ '': `Could not save: ${error instanceof Error ? error.message : String(error)}. Nothing was changed; your entries are still here.` });
    } finally {
      setSaving(false);
    }
  };

  const cancel = () => {
    if (dirty() && !window.confirm('Discard your changes to this record?')) return;
    drafts.clear();
    props.onCancel?.();
  };

  const control = (f: FieldDescriptor): JSX.Element => {
    const text = () => {
      const v = draft[f.name];
      return typeof v === 'string' ? v : '';
    };
    const setText = (v: string) => setDraft(f.name, v);
    switch (f.control) {
      case 'checkbox':
        return <CheckboxField label={f.label} hint={f.hint} checked={draft[f.name] === true} onChecked={(v) => setDraft(f.name, v)} />;
      case 'textarea':
        return <TextArea label={f.label} hint={f.hint} required={f.required} rows={3} value={text()} onValue={setText} error={err(f.name)} />;
      case 'date':
        return <TextField label={f.label} hint={f.hint} required={f.required} type="date" value={text()} onValue={setText} error={err(f.name)} />;
      case 'number':
        return <TextField label={f.label} hint={f.hint} required={f.required} inputMode="numeric" value={text()} onValue={setText} error={err(f.name)} />;
      case 'select':
        return (
          <SelectField
            label={f.label}
            hint={f.hint}
            required={f.required}
            value={text()}
            options={f.linksTo ? linkOptions(f) : (f.options ?? [])}
            placeholder={f.required ? 'Choose…' : (f.emptyLabel ?? '—')}
            onValue={setText}
            error={err(f.name)}
          />
        );
      default:
        return <TextField label={f.label} hint={f.hint} required={f.required} value={text()} onValue={setText} error={err(f.name)} />;
    }
  };

  return (
    <form ref={(el) => (formRef = el)} class="form records-form" onSubmit={submit} novalidate aria-label={kindMeta(kind).title}>
      <DraftOffer draft={drafts} what="record" />
      <Show when={conflict()} keyed>
        {(c) => (
          <ConflictPanel
            changes={c.changes}
            label={(key) => fieldLabels.get(key) ?? key}
            onResolve={(choices) => void resolve(choices)}
            onTakeTheirs={() => adopt(c.theirs, c.rev)}
          />
        )}
      </Show>
      <Show when={errorCount() > 0}>
        <div class="notice notice--error" role="alert" data-testid="form-errors">
          <p class="notice-title">{errorCount() === 1 ? 'One field needs attention' : `${errorCount()} fields need attention`}; nothing was saved.</p>
          <Show when={err('')}>
            <p>{err('')}</p>
          </Show>
          <Show when={err('clientId')}>
            <p>{err('clientId')}</p>
          </Show>
        </div>
      </Show>
      <p class="hint">Fields marked * are required.</p>
      <For each={sectionsOf(kind)}>
        {(section) => (
          <fieldset>
            <legend>{section.legend}</legend>
            <For each={section.fields}>{(f) => <Show when={isFieldShown(f, draft)}>{control(f)}</Show>}</For>
          </fieldset>
        )}
      </For>
      <Show when={hasLiveClocks(kind)}>
        <LiveClocks kind={kind} clientId={props.clientId} fields={() => inputFromDraft(kind, draft)} />
      </Show>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={saving()}>
          {saving() ? 'Saving…' : (props.submitLabel ?? 'Save record')}
        </button>
        <Show when={props.onCancel}>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </Show>
        <Show when={dirty()}>
          <span class="hint" aria-live="polite">Unsaved changes</span>
        </Show>
      </div>
    </form>
  );
}
