import { Show, createSignal, createUniqueId } from 'solid-js';
import type { Deadline } from '../../domain/deadlines';
import { downloadBytes } from '../../documents/file-names';
import { DEFAULT_REMINDER_DAYS, parseReminderDays } from './ics-export';

// A display preference, not compliance data: it stays in this browser's localStorage.
const REMINDERS_KEY = 'cpni-desk.calendar-reminders';
const GROUPING_KEY = 'cpni-desk.calendar-grouping';

function stored(key: string, fallback: string): string {
  try {
    return localStorage.getItem(key) ?? fallback;
  } catch {
    return fallback;
  }
}

function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage blocked: the choice holds for this page only.
  }
}

export function CalendarExport(props: { deadlines: Deadline[]; clientNames: Map<string, string>; clientId: string }) {
  const [error, setError] = createSignal('');
  const [reminders, setReminders] = createSignal(stored(REMINDERS_KEY, DEFAULT_REMINDER_DAYS.join(', ')));
  const [remindersError, setRemindersError] = createSignal('');
  const [grouping, setGrouping] = createSignal<'each' | 'day'>(stored(GROUPING_KEY, 'each') === 'day' ? 'day' : 'each');
  const id = createUniqueId();

  const exportIcs = async () => {
    const parsed = parseReminderDays(reminders());
    if ('error' in parsed) {
      setRemindersError(parsed.error);
      document.getElementById(`${id}-reminders`)?.focus();
      return;
    }
    setRemindersError('');
    remember(REMINDERS_KEY, parsed.days.join(', '));
    remember(GROUPING_KEY, grouping());
    try {
      const { makeDeadlinesIcs } = await import('./ics-export');
      const chosen = props.deadlines.filter((d) => !props.clientId || d.clientId === props.clientId);
      const name = props.clientId ? `CPNI deadlines — ${props.clientNames.get(props.clientId)}` : 'CPNI deadlines — all clients';
      const ics = await makeDeadlinesIcs(
        chosen.map((deadline) => ({ deadline, clientName: props.clientNames.get(deadline.clientId) ?? '' })),
        { calendarName: name, grouping: grouping(), reminderDays: parsed.days, scope: props.clientId || 'all' },
      );
      downloadBytes(new TextEncoder().encode(ics), `${name.replace(/[\\/:*?"<>|]/g, '')}.ics`, 'text/calendar');
      setError('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div class="export-row" data-testid="calendar-export">
      <fieldset class="field">
        <legend>Calendar events</legend>
        <label>
          <input type="radio" name={`${id}-grouping`} checked={grouping() === 'each'} onChange={() => setGrouping('each')} /> One event per deadline
        </label>
        <label>
          <input type="radio" name={`${id}-grouping`} checked={grouping() === 'day'} onChange={() => setGrouping('day')} /> One event per day, listing that
          day's deadlines
        </label>
      </fieldset>
      <div class="field">
        <label for={`${id}-reminders`}>Reminders, days before each due date</label>
        <input
          id={`${id}-reminders`}
          value={reminders()}
          inputMode="numeric"
          aria-invalid={remindersError() ? 'true' : undefined}
          aria-describedby={remindersError() ? `${id}-reminders-error` : `${id}-reminders-hint`}
          onInput={(e) => setReminders(e.currentTarget.value)}
        />
        <Show when={remindersError()} fallback={<p class="hint" id={`${id}-reminders-hint`}>Separate days with commas; leave empty for no reminders.</p>}>
          <p class="error" id={`${id}-reminders-error`}>{remindersError()}</p>
        </Show>
      </div>
      <button type="button" onClick={() => void exportIcs()} data-testid="export-ics">
        {props.clientId ? `Export this client's deadlines (.ics)` : 'Export all deadlines (.ics)'}
      </button>
      <span class="hint">
        {' '}
        For Outlook, Google Calendar or Apple Calendar. Done deadlines are left out. Importing a newer export updates the events already there instead of
        adding them twice.
      </span>
      <Show when={error()}>
        <p class="error" role="alert">{error()}</p>
      </Show>
    </div>
  );
}
