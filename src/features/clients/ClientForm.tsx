import { For, Show, createEffect, createMemo, createSignal, on } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { applyChoices, otherChanges, type Choice, type FieldChange } from '../../domain/conflicts';
import type { Client } from '../../domain/schema';
import { ConflictPanel } from '../../ui/ConflictPanel';
import { SERVICES, SERVICE_LABELS, US_STATES, clientWarnings, validate, clientSchema, type FieldErrors } from '../../domain/schema';
import { CheckboxField, SelectField, TextArea, TextField } from '../../ui/fields';
import { useUnsavedGuard } from '../../ui/unsaved-guard';
import { DraftOffer, useFormDraft } from '../../ui/form-draft';
import { draftErrorKey, draftFromClient, emptyDraft, inputFromDraft, type ClientDraft } from './client-draft';
import { clientsWithFilerId, type SaveResult } from '../../db/clients';

interface Props {
  initial?: ClientDraft;
  /** The stored revision `initial` was read at; a save is refused when the client changed since. */
  rev?: number;
  /** The client as stored now (live): a form with nothing unsaved follows it. */
  stored?: Client;
  submitLabel?: string;
  /** Where what is typed is kept as a draft until saved ('client:new', 'client:<id>'). */
  draftKey?: string;
  onSave: (draft: ClientDraft, expectedRev?: number) => Promise<SaveResult<Client>>;
  onSaved?: (id: string) => void;
}

/** The fields a conflict compares (archiving is its own step, never the form's). */
const CONFLICT_FIELDS: [keyof ClientDraft, string][] = [
  ['legalName', 'Legal name'], ['dbaNames', 'DBA names'], ['filerId', 'Form 499 Filer ID'], ['frn', 'FRN'], ['street', 'Street'], ['city', 'City'],
  ['state', 'State or territory'], ['zip', 'ZIP'], ['phone', 'Phone'], ['email', 'Email'], ['officers', 'Officers'], ['services', 'Services'],
  ['affiliates', 'Affiliates'], ['notes', 'Notes'],
];
const CONFLICT_LABELS = new Map<string, string>(CONFLICT_FIELDS);

const STATE_OPTIONS = US_STATES.map((s) => ({ value: s, label: s }));

export function ClientForm(props: Props) {
  const start = structuredClone(props.initial ?? emptyDraft());
  const [draft, setDraft] = createStore<ClientDraft>(structuredClone(start));
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [saving, setSaving] = createSignal(false);
  const [saved, setSaved] = createSignal(JSON.stringify(start));
  const dirty = createMemo(() => JSON.stringify(draft) !== saved());
  const warnings = createMemo(() => {
    const input = inputFromDraft(draft);
    return clientWarnings({ filerId: input.filerId.trim(), officers: draft.officers, affiliates: draft.affiliates });
  });
  useUnsavedGuard(dirty);
  // Another client with the same Filer ID is the same carrier twice, or a typo: said, not refused.
  const [sameFiler, setSameFiler] = createSignal<Client[]>([]);
  let asked = '';
  createEffect(
    on(
      () => [draft.filerId.trim(), props.stored?.id] as const,
      ([filerId, id]) => {
        asked = filerId;
        if (!/^\d+$/.test(filerId)) return setSameFiler([]);
        // Only the answer for what is typed now counts (typing goes on while it is read).
        void clientsWithFilerId(filerId, id).then(
          (found) => asked === filerId && setSameFiler(found),
          () => setSameFiler([]),
        );
      },
    ),
  );
  const filerWarning = () => {
    const others = sameFiler();
    const duplicate = others.length
      ? `${others.map((c) => c.legalName).join(', ')} ${others.length === 1 ? 'has' : 'have'} this Filer ID too. Each carrier files under its own Filer ID: check this is not the same carrier twice.`
      : '';
    return [warnings().filerId, duplicate].filter(Boolean).join(' ') || undefined;
  };

  // Compare-and-swap: the revision and the values this form started from.
  // eslint-disable-next-line solid/reactivity -- the starting revision; moved on by each save
  const [rev, setRev] = createSignal(props.rev);
  const [base, setBase] = createSignal<ClientDraft>(structuredClone(start));
  const [conflict, setConflict] = createSignal<{ theirs: ClientDraft; rev?: number; changes: FieldChange[] } | undefined>();
  const [changedElsewhere, setChangedElsewhere] = createSignal(false);
  const adopt = (theirs: ClientDraft, theirsRev: number | undefined) => {
    setDraft(reconcile(structuredClone(theirs)));
    setSaved(JSON.stringify(theirs));
    setBase(structuredClone(theirs));
    setRev(theirsRev);
    setConflict(undefined);
    setChangedElsewhere(false);
  };
  createEffect(
    on(
      () => props.stored?.rev,
      (storedRev) => {
        if (storedRev === undefined || storedRev === rev() || !props.stored) return;
        if (!dirty() && !conflict()) adopt(draftFromClient(props.stored), storedRev);
        else setChangedElsewhere(true);
      },
      { defer: true },
    ),
  );

  const drafts = useFormDraft<ClientDraft>({
    key: () => props.draftKey,
    value: () => draft,
    dirty,
    rev,
    base,
    storedRev: () => props.stored?.rev ?? props.rev,
    restore: (d, stale) => {
      setDraft(reconcile(structuredClone(d.value)));
      if (stale) {
        setRev(d.rev);
        if (d.base) setBase(d.base);
        setChangedElsewhere(true);
      }
    },
  });

  const err = (key: string) => errors()[key];
  const set = <K extends keyof ClientDraft>(key: K) => (value: ClientDraft[K]) => setDraft(key, value as never);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    await saveNow();
  };

  const resolve = async (choices: Record<string, Choice>) => {
    const c = conflict();
    if (!c) return;
    const merged = applyChoices(unwrap(draft), c.changes, choices);
    adopt(c.theirs, c.rev);
    setDraft(reconcile(merged));
    await saveNow();
  };

  const saveNow = async () => {
    const checked = validate(clientSchema, inputFromDraft(draft));
    if (!checked.ok) {
      setErrors(Object.fromEntries(Object.entries(checked.errors).map(([k, m]) => [draftErrorKey(k), m])));
      queueMicrotask(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    try {
      const result = await props.onSave(structuredClone(unwrap(draft)), rev());
      if (!result.ok && result.conflict) {
        const theirs = draftFromClient(result.conflict);
        const keys = CONFLICT_FIELDS.map(([k]) => k);
        setErrors({});
        setConflict({ theirs, rev: result.conflict.rev, changes: otherChanges(base(), unwrap(draft), theirs, keys) });
        return;
      }
      if (!result.ok) {
        setErrors(Object.fromEntries(Object.entries(result.errors).map(([k, m]) => [draftErrorKey(k), m])));
        return;
      }
      setErrors({});
      setConflict(undefined);
      setChangedElsewhere(false);
      setSaved(JSON.stringify(draft));
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

  const errorCount = createMemo(() => Object.keys(errors()).length);

  return (
    <form class="form" onSubmit={submit} novalidate aria-label="Client">
      <DraftOffer draft={drafts} what="client" />
      <Show when={conflict()} keyed>
        {(c) => (
          <ConflictPanel
            changes={c.changes}
            label={(key) => CONFLICT_LABELS.get(key) ?? key}
            onResolve={(choices) => void resolve(choices)}
            onTakeTheirs={() => adopt(c.theirs, c.rev)}
          />
        )}
      </Show>
      <Show when={changedElsewhere() && !conflict()}>
        <p role="status" class="warning" data-testid="changed-elsewhere">
          This client was changed in another tab or window. Your unsaved edits are still here; when you save, you will see what changed and choose what to keep.
        </p>
      </Show>
      <Show when={errorCount() > 0}>
        <div class="notice notice--error" role="alert" data-testid="form-errors">
          <p class="notice-title">{errorCount() === 1 ? 'One field needs attention' : `${errorCount()} fields need attention`}; nothing was saved.</p>
          <Show when={err('')}>
            <p>{err('')}</p>
          </Show>
        </div>
      </Show>

      <fieldset>
        <legend>Company</legend>
        <TextField label="Legal name" required value={draft.legalName} onValue={set('legalName')} error={err('legalName')} autocomplete="organization" />
        <TextArea label="DBA names" hint="One per line." rows={2} value={draft.dbaNames} onValue={set('dbaNames')} error={err('dbaNames')} />
        <TextField
          label="Form 499 Filer ID"
          required
          inputMode="numeric"
          value={draft.filerId}
          onValue={set('filerId')}
          error={err('filerId')}
          warning={filerWarning()}
          hint="Assigned by USAC on Form 499-A (line 101)."
        />
        <TextField label="FRN" inputMode="numeric" value={draft.frn} onValue={set('frn')} error={err('frn')} hint="FCC Registration Number: 10 digits, leading zeros kept. Optional." />
      </fieldset>

      <fieldset>
        <legend>Contact</legend>
        <TextField label="Street" value={draft.street} onValue={set('street')} error={err('street')} autocomplete="street-address" />
        <div class="row">
          <TextField label="City" value={draft.city} onValue={set('city')} error={err('city')} autocomplete="address-level2" />
          <SelectField label="State or territory" value={draft.state} options={STATE_OPTIONS} placeholder="—" onValue={set('state')} error={err('state')} />
          <TextField label="ZIP" value={draft.zip} onValue={set('zip')} error={err('zip')} inputMode="numeric" autocomplete="postal-code" />
        </div>
        <div class="row">
          <TextField label="Phone" type="tel" value={draft.phone} onValue={set('phone')} error={err('phone')} autocomplete="tel" />
          <TextField label="Email" type="email" value={draft.email} onValue={set('email')} error={err('email')} autocomplete="email" />
        </div>
      </fieldset>

      <fieldset>
        <legend>Officers</legend>
        <p class="hint">The annual certification must be signed by an officer of the company, acting as its agent (§ 64.2009(e)).</p>
        <Show when={err('officers')}>
          <p class="error" role="alert">{err('officers')}</p>
        </Show>
        <For each={draft.officers}>
          {(officer, i) => (
            <div class="repeat-row" data-testid="officer-row">
              <TextField label={`Officer ${i() + 1} name`} value={officer.name} onValue={(v) => setDraft('officers', i(), 'name', v)} error={err(`officers.${i()}.name`)} />
              <TextField label={`Officer ${i() + 1} title`} value={officer.title} onValue={(v) => setDraft('officers', i(), 'title', v)} error={err(`officers.${i()}.title`)} warning={warnings()[`officers.${i()}.title`]} />
              <CheckboxField
                label="Default signatory"
                checked={officer.isDefaultSignatory}
                onChecked={(v) => setDraft('officers', (list) => list.map((o, j) => ({ ...o, isDefaultSignatory: v ? j === i() : j === i() ? false : o.isDefaultSignatory })))}
              />
              <button type="button" class="link" onClick={() => setDraft('officers', (list) => list.filter((_, j) => j !== i()))}>
                Remove officer {i() + 1}
              </button>
            </div>
          )}
        </For>
        <button type="button" onClick={() => setDraft('officers', (list) => [...list, { id: crypto.randomUUID(), name: '', title: '', isDefaultSignatory: list.length === 0 }])}>
          Add an officer
        </button>
      </fieldset>

      <fieldset>
        <legend>Services offered</legend>
        <For each={SERVICES}>
          {(service) => (
            <CheckboxField
              label={SERVICE_LABELS[service]}
              checked={draft.services.includes(service)}
              onChecked={(on) => setDraft('services', (list) => (on ? [...list, service] : list.filter((s) => s !== service)))}
            />
          )}
        </For>
      </fieldset>

      <fieldset>
        <legend>Affiliates covered by the same certification</legend>
        <p class="hint">Each affiliate is listed with its own Form 499 Filer ID.</p>
        <For each={draft.affiliates}>
          {(affiliate, i) => (
            <div class="repeat-row" data-testid="affiliate-row">
              <TextField label={`Affiliate ${i() + 1} name`} value={affiliate.legalName} onValue={(v) => setDraft('affiliates', i(), 'legalName', v)} error={err(`affiliates.${i()}.legalName`)} />
              <TextField label={`Affiliate ${i() + 1} Filer ID`} inputMode="numeric" value={affiliate.filerId} onValue={(v) => setDraft('affiliates', i(), 'filerId', v)} error={err(`affiliates.${i()}.filerId`)} warning={warnings()[`affiliates.${i()}.filerId`]} />
              <button type="button" class="link" onClick={() => setDraft('affiliates', (list) => list.filter((_, j) => j !== i()))}>
                Remove affiliate {i() + 1}
              </button>
            </div>
          )}
        </For>
        <button type="button" onClick={() => setDraft('affiliates', (list) => [...list, { id: crypto.randomUUID(), legalName: '', filerId: '' }])}>
          Add an affiliate
        </button>
      </fieldset>

      <TextArea label="Notes" rows={3} value={draft.notes} onValue={set('notes')} />

      <div class="form-actions">
        <button type="submit" class="primary" disabled={saving()}>
          {saving() ? 'Saving…' : (props.submitLabel ?? 'Save client')}
        </button>
        <Show when={dirty()}>
          <span class="hint" aria-live="polite">Unsaved changes</span>
        </Show>
      </div>
    </form>
  );
}
