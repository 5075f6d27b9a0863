import { For, Show, createEffect, createSignal } from 'solid-js';
import { createPreparersQuery, deletePreparer } from '../../db/preparers';
import type { Preparer } from '../../domain/schema';
import { PreparerForm, preparerDraftKey } from './PreparerForm';
import { hasDraft } from '../../ui/draft-store';
import { guardStorage } from '../../ui/storage-error';

export function PreparersPanel() {
  const preparers = createPreparersQuery();
  // A draft left by a reload or a crash opens its form, where it is offered back.
  const [editing, setEditing] = createSignal<Preparer | 'new' | undefined>(hasDraft(preparerDraftKey()) ? 'new' : undefined);
  let lookedForDrafts = false;
  createEffect(() => {
    const list = preparers.value;
    if (lookedForDrafts || !list.length || editing()) return;
    lookedForDrafts = true;
    const withDraft = list.find((p) => hasDraft(preparerDraftKey(p.id)));
    if (withDraft) setEditing(withDraft);
  });
  return (
    <section class="panel" aria-labelledby="preparers-heading">
      <h2 id="preparers-heading">Preparers</h2>
      <p>The person or firm that prepares filings: a consultant, or the carrier itself. The default preparer signs cover letters.</p>
      <Show when={preparers.value.length} fallback={<p class="muted">No preparer yet.</p>}>
        <ul class="plain-list" data-testid="preparers">
          <For each={preparers.value}>
            {(p) => (
              <li>
                <strong>{p.name}</strong>
                {p.credentials ? `, ${p.credentials}` : ''}
                {p.firm ? ` — ${p.firm}` : ''}
                <Show when={p.isDefault}> <span class="badge">Default</span></Show>{' '}
                <button type="button" class="link" onClick={() => setEditing(p)}>Edit {p.name}</button>{' '}
                <button
                  type="button"
                  class="link"
                  onClick={() => {
                    if (window.confirm(`Delete preparer ${p.name}?`)) void guardStorage('delete the preparer', () => deletePreparer(p.id));
                  }}
                >
                  Delete {p.name}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={editing()} keyed fallback={<button type="button" onClick={() => setEditing('new')}>Add a preparer</button>}>
        {(e) => <PreparerForm preparer={e === 'new' ? undefined : e} onDone={() => setEditing(undefined)} />}
      </Show>
    </section>
  );
}
