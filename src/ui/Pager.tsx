import { Show } from 'solid-js';
import { formatCount } from '../domain/counts';

const number = formatCount;

/** Page controls for a long list; First and Last appear when the list can be very long. */
export function Pager(props: { page: number; pages: number; label: string; onPage: (page: number) => void; firstLast?: boolean }) {
  return (
    <Show when={props.pages > 1}>
      <nav class="pager" aria-label={props.label}>
        <Show when={props.firstLast}>
          <button type="button" disabled={props.page <= 1} onClick={() => props.onPage(1)}>
            First page
          </button>
        </Show>
        <button type="button" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
          Previous page
        </button>
        <span>
          Page {number(props.page)} of {number(props.pages)}
        </span>
        <button type="button" disabled={props.page >= props.pages} onClick={() => props.onPage(props.page + 1)}>
          Next page
        </button>
        <Show when={props.firstLast}>
          <button type="button" disabled={props.page >= props.pages} onClick={() => props.onPage(props.pages)}>
            Last page
          </button>
        </Show>
      </nav>
    </Show>
  );
}
