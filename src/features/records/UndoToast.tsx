import { Show, createSignal, onCleanup } from 'solid-js';
import { restoreRecord } from '../../db/records';
import { guardStorage } from '../../ui/storage-error';

interface Offer {
  recordId: string;
  message: string;
  restored: boolean;
}

const UNDO_MS = 10_000;
const AFTER_RESTORE_MS = 4_000;

// Module state: the offer outlives the detail page that made it (deleting goes back to the list).
const [offer, setOffer] = createSignal<Offer | undefined>();
let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(ms: number) {
  clearTimeout(timer);
  timer = setTimeout(() => setOffer(undefined), ms);
}

/** Shows "Deleted … Undo" for about ten seconds (longer while the toast has focus or the pointer). */
export function offerUndo(recordId: string, message: string): void {
  setOffer({ recordId, message, restored: false });
  schedule(UNDO_MS);
}

export function dismissUndo(): void {
  clearTimeout(timer);
  setOffer(undefined);
}

/** The status toast; place it once on each screen that may show it. */
export function UndoToast() {
  const [paused, setPaused] = createSignal(false);
  const pause = () => {
    setPaused(true);
    clearTimeout(timer);
  };
  const resume = (e: FocusEvent | MouseEvent) => {
    const to = (e as FocusEvent).relatedTarget as Node | null;
    if (to && (e.currentTarget as HTMLElement).contains(to)) return;
    setPaused(false);
    if (offer()) schedule(offer()!.restored ? AFTER_RESTORE_MS : UNDO_MS);
  };
  const undo = async () => {
    const current = offer();
    if (!current) return;
    if (!(await guardStorage('restore the record', () => restoreRecord(current.recordId).then(() => true)))) return;
    setOffer({ ...current, restored: true, message: 'Restored.' });
    setPaused(false);
    schedule(AFTER_RESTORE_MS);
    document.querySelector<HTMLElement>('main h1')?.focus();
  };
  onCleanup(() => paused() && offer() && schedule(UNDO_MS));

  return (
    // The live region stays in the page so that screen readers announce what appears in it.
    <div role="status" aria-live="polite" class="records-toast-region">
      <Show when={offer()}>
        {(o) => (
          <div
            class="toast"
            data-testid="undo-toast"
            onFocusIn={pause}
            onFocusOut={resume}
            onMouseEnter={pause}
            onMouseLeave={resume}
            onKeyDown={(e) => e.key === 'Escape' && dismissUndo()}
          >
            <p>{o().message}</p>
            <Show when={!o().restored}>
              <div class="toast-actions">
                <button type="button" class="primary" onClick={undo}>
                  Undo
                </button>
                <button type="button" onClick={dismissUndo}>
                  Dismiss
                </button>
              </div>
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
}
