/**
 * Which open forms have unsaved changes, for the update prompt; kept apart from form-draft.tsx
 * so the app shell does not load the draft machinery before any form is opened.
 */
import type { Accessor } from 'solid-js';

/** Every open form's draft state, for the update prompt. */
export const openForms = new Set<{ dirty: Accessor<boolean>; problem: Accessor<string> }>();

/** Whether any open form has unsaved changes, and whether all of them are kept as drafts. */
export function unsavedForms(): { dirty: boolean; allKept: boolean } {
  let dirty = false;
  let allKept = true;
  for (const f of openForms) {
    if (!f.dirty()) continue;
    dirty = true;
    if (f.problem()) allKept = false;
  }
  return { dirty, allKept };
}
