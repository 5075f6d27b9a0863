import { Show, createEffect, createSignal, onCleanup } from 'solid-js';
import type { Deadline } from '../../domain/deadlines';
import { todayLocal } from '../../domain/dates';

const SHOWN_KEY = 'cpni-desk:reminders-shown-on';

/** Desktop notifications for overdue and due-soon deadlines, only after the user asks for them. */
export function Reminders(props: { deadlines: Deadline[]; clientNames: Map<string, string> }) {
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = createSignal(supported ? Notification.permission : 'denied');

  const notify = () => {
    if (permission() !== 'granted') return;
    const today = todayLocal();
    if (localStorage.getItem(SHOWN_KEY) === today) return; // once a day is enough
    const urgent = props.deadlines.filter((d) => d.status === 'overdue' || d.status === 'due-soon');
    if (!urgent.length) return;
    const overdue = urgent.filter((d) => d.status === 'overdue').length;
    const first = urgent[0]!;
    new Notification('CPNI Desk', {
      body: `${overdue} overdue, ${urgent.length - overdue} due soon. Next: ${props.clientNames.get(first.clientId) ?? ''} — ${first.title} (${first.due}).`,
      tag: 'cpni-desk-deadlines',
    });
    localStorage.setItem(SHOWN_KEY, today);
  };

  createEffect(() => {
    if (permission() !== 'granted') return;
    notify();
    const timer = setInterval(notify, 60 * 60 * 1000);
    onCleanup(() => clearInterval(timer));
  });

  return (
    <div class="export-row">
      <Show when={supported} fallback={<p class="hint">This browser does not offer notifications.</p>}>
        <Show
          when={permission() === 'granted'}
          fallback={
            <Show when={permission() !== 'denied'} fallback={<p class="hint">Notifications are blocked for this app in the browser's settings.</p>}>
              <button type="button" onClick={async () => setPermission(await Notification.requestPermission())}>
                Remind me of overdue and due-soon deadlines
              </button>
              <span class="hint"> While the app is open, once a day. Nothing is sent anywhere.</span>
            </Show>
          }
        >
          <p class="hint">Reminders are on: while CPNI Desk is open, it shows overdue and due-soon deadlines once a day.</p>
        </Show>
      </Show>
    </div>
  );
}
