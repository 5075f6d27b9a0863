import { Show, createEffect, createSignal, onCleanup, untrack, type Accessor } from 'solid-js';
import { openForms } from './unsaved-forms';
import { clearDraft, draftTime, loadDraft, saveDraft, type StoredDraft } from './draft-store';

export interface FormDraftOptions<T> {
  /** Which form and entity (see draft-store.ts); undefined keeps no draft. Read when the form opens and on each save. */
  key: () => string | undefined;
  /** What the form holds now; read inside an effect, so a store read here is tracked deeply. */
  value: () => T;
  dirty: Accessor<boolean>;
  /** The revision the form's edits are based on, and the values it started from. */
  rev?: () => number | undefined;
  base?: () => T;
  /** The revision stored now; a draft made from another revision is offered with a note. */
  storedRev?: () => number | undefined;
  /** Puts the draft back into the form (which then counts as having unsaved changes). */
  restore: (draft: StoredDraft<T>, stale: boolean) => void;
}

export interface FormDraft<T> {
  /** The draft found when the form opened, until the user restores or discards it. */
  offer: Accessor<StoredDraft<T> | undefined>;
  /** True when the offered draft was made from a revision that is no longer the stored one. */
  stale: Accessor<boolean>;
  /** False until this tab knows it keeps the form's draft (no other tab has the form open). */
  ready: Accessor<boolean>;
  dirty: Accessor<boolean>;
  /** Why drafts cannot be kept, in words, or ''. */
  problem: Accessor<string>;
  restore: () => void;
  discard: () => void;
  /** After a save or a deliberate discard of the edits. */
  clear: () => void;
}

const json = (v: unknown) => JSON.stringify(v);

export const OPEN_ELSEWHERE =
  'This form is also open in another tab or window, which keeps its draft; what you type here is not kept as a draft. Save it to keep it.';

/**
 * Saves the form's draft as the user types and offers back a draft left by a reload, a crash or
 * an update. Saving or discarding clears it.
 */
export { unsavedForms } from './unsaved-forms';

const draftLockName = (key: string) => `cpni-desk-draft:${key}`;

/**
 * Whether another tab or window has this form open (it holds the form's draft lock). Asked
 * again for about a second: a reload's old page may hold the lock for a moment.
 */
export async function draftOpenElsewhere(key: string): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return false;
  for (let tries = 0; ; tries++) {
    const { held = [] } = await locks.query();
    if (!held.some((l) => l.name === draftLockName(key))) return false;
    if (tries === 4) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function useFormDraft<T>(options: FormDraftOptions<T>): FormDraft<T> {
  const key = untrack(options.key);
  const found = key ? loadDraft<T>(key) : undefined;
  const same = found !== undefined && untrack(() => json(found.value) === json(options.value()));
  if (found && same && key) clearDraft(key);
  const [offer, setOffer] = createSignal<StoredDraft<T> | undefined>(same ? undefined : found);
  const [problem, setProblem] = createSignal('');
  let cleared = false;
  let savedUnder = key;

  // One tab at a time keeps a form's draft: a Web Lock held while the form is open (released by
  // the browser when the tab closes or crashes). A second tab on the same form neither offers
  // nor overwrites the first tab's draft.
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const [ready, setReady] = createSignal(!key || !locks);
  if (key && locks) {
    let release: (() => void) | undefined;
    let closed = false;
    // A reload's old page may hold the lock for a moment after the new one starts: try a few times.
    const attempt = (triesLeft: number): void => {
      void locks
        .request(draftLockName(key), { ifAvailable: true }, (lock) => {
          if (closed) return;
          if (!lock) {
            if (triesLeft > 0) setTimeout(() => attempt(triesLeft - 1), 250);
            else {
              setOffer(undefined);
              setProblem(OPEN_ELSEWHERE);
            }
            return;
          }
          setReady(true);
          return new Promise<void>((resolve) => (release = resolve));
        })
        .catch(() => setReady(true));
    };
    attempt(4);
    onCleanup(() => {
      closed = true;
      release?.();
    });
  }

  const stale = () => {
    const o = offer();
    if (!o || o.rev === undefined || !options.storedRev) return false;
    return options.storedRev() !== o.rev;
  };

  createEffect(() => {
    if (!ready() || offer()) return;
    const key = options.key();
    if (savedUnder && savedUnder !== key) clearDraft(savedUnder); // the form now belongs to another entity
    savedUnder = key;
    if (!key) return;
    const value = json(options.value()); // tracked: every keystroke
    if (!options.dirty()) {
      if (!cleared) clearDraft(key);
      cleared = true;
      setProblem('');
      return;
    }
    cleared = false;
    setProblem(
      saveDraft(key, {
        rev: untrack(() => options.rev?.()),
        value: JSON.parse(value) as T,
        base: untrack(() => (options.base ? structuredClone(options.base()) : undefined)),
      }) ?? '',
    );
  });

  const entry = { dirty: options.dirty, problem };
  openForms.add(entry);
  onCleanup(() => openForms.delete(entry));

  return {
    offer,
    ready,
    dirty: options.dirty,
    stale,
    problem,
    restore: () => {
      const o = offer();
      if (!o) return;
      const wasStale = stale();
      setOffer(undefined);
      options.restore(structuredClone(o), wasStale);
    },
    discard: () => {
      if (!untrack(ready)) return;
      setOffer(undefined);
      if (key) clearDraft(key);
    },
    clear: () => {
      if (!untrack(ready)) return; // another tab keeps this form's draft
      const current = untrack(options.key);
      if (current) clearDraft(current);
      cleared = true;
    },
  };
}

/** "You have unsaved changes from <time>: Restore them / Discard", and why drafts cannot be kept. */
export function DraftOffer<T>(props: { draft: FormDraft<T>; what: string }) {
  return (
    <>
      <Show when={props.draft.ready() && props.draft.offer()}>
        {(o) => (
          <section class="notice notice--warning draft-offer" role="region" aria-label="Unsaved changes" data-testid="draft-offer">
            <p class="notice-title">You have unsaved changes from {draftTime(o().savedAt)}.</p>
            <Show when={props.draft.stale()}>
              <p data-testid="draft-stale">
                The stored {props.what} changed since then. If you restore your changes, saving shows what changed and lets you choose what to keep.
              </p>
            </Show>
            <div class="form-actions">
              <button type="button" class="primary" onClick={() => props.draft.restore()}>
                Restore them
              </button>{' '}
              <button type="button" onClick={() => props.draft.discard()}>
                Discard
              </button>
            </div>
          </section>
        )}
      </Show>
      <Show when={props.draft.problem() && (props.draft.problem() !== OPEN_ELSEWHERE || props.draft.dirty())}>
        <p role="status" class="warning" data-testid="draft-problem">
          {props.draft.problem()}
        </p>
      </Show>
    </>
  );
}
