import { Show, createMemo, createSignal } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { applyChoices, otherChanges, type Choice, type FieldChange } from '../../domain/conflicts';
import { ConflictPanel } from '../../ui/ConflictPanel';
import { US_STATES, preparerSchema, validate, type FieldErrors, type Preparer } from '../../domain/schema';
import { savePreparer } from '../../db/preparers';
import { CheckboxField, SelectField, TextArea, TextField } from '../../ui/fields';
import { useUnsavedGuard } from '../../ui/unsaved-guard';
import { DraftOffer, useFormDraft } from '../../ui/form-draft';

/** Where the preparer form keeps what is typed until saved. */
export const preparerDraftKey = (id?: string) => `preparer:${id ?? 'new'}`;

interface PreparerDraft {
  name: string; credentials: string; firm: string; letterhead: string;
  street: string; city: string; state: string; zip: string; phone: string; email: string; isDefault: boolean;
}

function draftOf(p?: Preparer): PreparerDraft {
  return {
    name: p?.name ?? '', credentials: p?.credentials ?? '', firm: p?.firm ?? '', letterhead: p?.letterhead.join('\n') ?? '',
    street: p?.address.street ?? '', city: p?.address.city ?? '', state: p?.address.state ?? '', zip: p?.address.zip ?? '',
    phone: p?.phone ?? '', email: p?.email ?? '', isDefault: p?.isDefault ?? false,
  };
}

function inputOf(d: PreparerDraft) {
  return {
    name: d.name, credentials: d.credentials, firm: d.firm,
    letterhead: d.letterhead.split('\n').map((l) => l.trim()).filter(Boolean),
    address: { street: d.street, city: d.city, state: d.state, zip: d.zip },
    phone: d.phone, email: d.email, isDefault: d.isDefault,
  };
}

const STATE_OPTIONS = US_STATES.map((s) => ({ value: s, label: s }));

const LABELS: Record<keyof PreparerDraft, string> = {
  name: 'Name', credentials: 'Credentials', firm: 'Firm', letterhead: 'Letterhead lines', street: 'Street', city: 'City',
  state: 'State or territory', zip: 'ZIP', phone: 'Phone', email: 'Email', isDefault: 'Default preparer',
};

export function PreparerForm(props: { preparer?: Preparer; onDone: () => void }) {
  // eslint-disable-next-line solid/reactivity -- the form starts from the given preparer once
  const start = draftOf(props.preparer);
  const [draft, setDraft] = createStore(structuredClone(start));
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [saved, setSaved] = createSignal(JSON.stringify(start));
  const dirty = createMemo(() => JSON.stringify(draft) !== saved());
  // eslint-disable-next-line solid/reactivity -- the revision the form started from; moved on by a resolved conflict
  const [rev, setRev] = createSignal(props.preparer?.rev);
  const [base, setBase] = createSignal(structuredClone(start));
  const [conflict, setConflict] = createSignal<{ theirs: PreparerDraft; rev?: number; changes: FieldChange[] } | undefined>();
  const adopt = (theirs: PreparerDraft, theirsRev?: number) => {
    setDraft(reconcile(structuredClone(theirs)));
    setSaved(JSON.stringify(theirs));
    setBase(structuredClone(theirs));
    setRev(theirsRev);
    setConflict(undefined);
  };
  const [done, setDone] = createSignal(false);
  useUnsavedGuard(() => dirty() && !done());
  const drafts = useFormDraft<PreparerDraft>({
    key: () => preparerDraftKey(props.preparer?.id),
    value: () => draft,
    dirty,
    rev,
    base,
    storedRev: () => props.preparer?.rev,
    restore: (d, stale) => {
      setDraft(reconcile(structuredClone(d.value)));
      if (stale) {
        setRev(d.rev);
        if (d.base) setBase(d.base);
      }
    },
  });
  const err = (k: string) => errors()[k.startsWith('address.') ? k : k] ?? errors()[`address.${k}`];
  const set = <K extends keyof PreparerDraft>(k: K) => (v: PreparerDraft[K]) => setDraft(k, v as never);

  const saveNow = async () => {
    const input = inputOf(unwrap(draft));
    const checked = validate(preparerSchema, input);
    if (!checked.ok) return setErrors(checked.errors);
    const result = await savePreparer(input, props.preparer?.id, rev());
    if (!result.ok && result.conflict) {
      const theirs = draftOf(result.conflict);
      setErrors({});
      return setConflict({ theirs, rev: result.conflict.rev, changes: otherChanges(base(), unwrap(draft), theirs, Object.keys(LABELS)) });
    }
    if (!result.ok) return setErrors(result.errors);
    drafts.clear();
    setDone(true);
    props.onDone();
  };
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

  return (
    <form class="form" onSubmit={submit} novalidate aria-label="Preparer">
      <DraftOffer draft={drafts} what="preparer" />
      <Show when={conflict()} keyed>
        {(c) => (
          <ConflictPanel
            changes={c.changes}
            label={(key) => LABELS[key as keyof PreparerDraft] ?? key}
            onResolve={(choices) => void resolve(choices)}
            onTakeTheirs={() => adopt(c.theirs, c.rev)}
          />
        )}
      </Show>
      <Show when={Object.keys(errors()).length}>
        <div class="notice notice--error" role="alert"><p class="notice-title">Some fields need attention; nothing was saved.</p></div>
      </Show>
      <TextField label="Name" required value={draft.name} onValue={set('name')} error={err('name')} />
      <TextField label="Credentials" hint="For example CPA or Esq." value={draft.credentials} onValue={set('credentials')} />
      <TextField label="Firm" value={draft.firm} onValue={set('firm')} />
      <TextArea label="Letterhead lines" hint="One per line, printed at the top of cover letters." rows={3} value={draft.letterhead} onValue={set('letterhead')} />
      <TextField label="Street" value={draft.street} onValue={set('street')} error={err('street')} />
      <div class="row">
        <TextField label="City" value={draft.city} onValue={set('city')} error={err('city')} />
        <SelectField label="State or territory" value={draft.state} options={STATE_OPTIONS} placeholder="—" onValue={set('state')} error={err('state')} />
        <TextField label="ZIP" value={draft.zip} onValue={set('zip')} error={err('zip')} />
      </div>
      <div class="row">
        <TextField label="Phone" type="tel" value={draft.phone} onValue={set('phone')} error={err('phone')} />
        <TextField label="Email" type="email" value={draft.email} onValue={set('email')} error={err('email')} />
      </div>
      <CheckboxField label="Default preparer" checked={draft.isDefault} onChecked={set('isDefault')} />
      <div class="form-actions">
        <button type="submit" class="primary">Save preparer</button>
        <button type="button" onClick={() => { drafts.clear(); setDone(true); props.onDone(); }}>Cancel</button>
      </div>
    </form>
  );
}
