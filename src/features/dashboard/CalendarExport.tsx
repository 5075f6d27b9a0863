import { Show, createSignal } from 'solid-js';
import type { Deadline } from '../../domain/deadlines';
import { downloadBytes } from '../../documents/file-names';

export function CalendarExport(props: { deadlines: Deadline[]; clientNames: Map<string, string>; clientId: string }) {
  const [error, setError] = createSignal('');
  const exportIcs = async () => {
    try {
      const { makeDeadlinesIcs } = await import('./ics-export');
      const chosen = props.deadlines.filter((d) => !props.clientId || d.clientId === props.clientId);
      const name = props.clientId ? `CPNI deadlines — ${props.clientNames.get(props.clientId)}` : 'CPNI deadlines — all clients';
      const ics = await makeDeadlinesIcs(chosen.map((deadline) => ({ deadline, clientName: props.clientNames.get(deadline.clientId) ?? '' })), name);
      downloadBytes(new TextEncoder().encode(ics), `${name.replace(/[\\/:*?"<>|]/g, '')}.ics`, 'text/calendar');
      setError('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div class="export-row">
      <button type="button" onClick={() => void exportIcs()} data-testid="export-ics">
        {props.clientId ? `Export this client's deadlines (.ics)` : 'Export all deadlines (.ics)'}
      </button>
      <span class="hint"> For Outlook, Google Calendar or Apple Calendar. Done deadlines are left out.</span>
      <Show when={error()}>
        <p class="error" role="alert">{error()}</p>
      </Show>
    </div>
  );
}
