import { For, Show } from 'solid-js';
import type { StatementSection, StatementSectionId } from '../../domain/statement';
import { TextArea } from '../../ui/fields';

/**
 * Every drafted section, editable; an edited section keeps the user's text until reverted, and
 * says that the questionnaire no longer drafts it.
 */
export function StatementEditor(props: {
  sections: StatementSection[];
  edits: Partial<Record<StatementSectionId, string>>;
  onEdit: (id: StatementSectionId, body: string | undefined) => void;
}) {
  return (
    <div class="statement-editor">
      <For each={props.sections}>
        {(s, i) => (
          <div class="statement-section">
            <TextArea
              label={`${i() + 1}. ${s.heading}`}
              hint={[s.citation, props.edits[s.id] !== undefined && 'edited by you: the questionnaire answers no longer change this section'].filter(Boolean).join(' · ')}
              rows={Math.min(14, Math.max(3, Math.ceil(s.body.length / 95)))}
              value={s.body}
              onValue={(v) => props.onEdit(s.id, v)}
            />
            <Show when={props.edits[s.id] !== undefined}>
              <button type="button" class="link" onClick={() => props.onEdit(s.id, undefined)}>Use the drafted text for section {i() + 1}</button>
            </Show>
          </div>
        )}
      </For>
    </div>
  );
}
