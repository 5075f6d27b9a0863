import { For, Show, createMemo, createResource, createSignal } from 'solid-js';
import { createClientQuery } from '../../db/clients';
import { createPreparersQuery } from '../../db/preparers';
import type { OptOutFailureRecord } from '../../domain/records';
import { defaultSignatory } from '../../domain/schema';
import { todayLocal } from '../../domain/dates';
import { optOutFailureNoticeDue } from '../../domain/deadlines';
import { formatWithWeekday } from '../../domain/dates';
import { downloadBytes } from '../../documents/file-names';
import { TextField } from '../../ui/fields';
import { Notice } from '../../ui/page';

/** The § 64.2009(f) letter to the FCC, drafted from an opt-out failure record. */
export function OptOutLetterPanel(props: { record: OptOutFailureRecord }) {
  const client = createClientQuery(() => props.record.clientId);
  const preparers = createPreparersQuery();
  const signer = () => (client.value ? defaultSignatory(client.value) : undefined);
  const [name, setName] = createSignal<string | undefined>();
  const [title, setTitle] = createSignal<string | undefined>();
  const [phone, setPhone] = createSignal<string | undefined>();
  const [email, setEmail] = createSignal<string | undefined>();
  const [date, setDate] = createSignal(todayLocal());
  const [error, setError] = createSignal('');
  const [done, setDone] = createSignal('');
  const contact = () => ({
    name: name() ?? signer()?.name ?? '',
    title: title() ?? signer()?.title ?? '',
    phone: phone() ?? client.value?.phone ?? '',
    email: email() ?? client.value?.email ?? '',
  });
  const preparer = () => preparers.value.find((p) => p.isDefault);
  // The letter module brings the PDF layout code; it loads with this panel, not with the app.
  const [letters] = createResource(() => import('../../documents/opt-out-letter'));
  const input = createMemo(() => (client.value ? { record: props.record, client: client.value, preparer: preparer(), contact: contact(), date: date() } : undefined));
  const gaps = createMemo(() => (input() && letters() ? letters()!.optOutLetterGaps(input()!) : []));

  const run = async () => {
    setError('');
    setDone('');
    try {
      const { exportOptOutLetter } = await import('../../documents/opt-out-letter');
      const file = await exportOptOutLetter(input()!);
      downloadBytes(file.bytes, file.fileName);
      setDone(`Exported ${file.fileName}.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section class="panel" aria-labelledby="letter-heading" data-testid="opt-out-letter">
      <h2 id="letter-heading">Letter to the FCC (§ 64.2009(f))</h2>
      <p>
        Due within five business days: by {formatWithWeekday(optOutFailureNoticeDue(props.record.learnedOn))}. It is required even if other
        opt-out methods still worked. The letter names the carrier, the opt-out mechanisms, the problem, the remedy and when it takes effect,
        whether state commissions were told and what they did, a copy of any customer notice, and contact information.
      </p>
      <Notice tone="warning" title="Check before sending">
        <For each={letters()?.OPT_OUT_LETTER_CAUTIONS ?? []}>{(c) => <p>{c}</p>}</For>
      </Notice>
      <div class="row">
        <TextField label="Contact name" value={contact().name} onValue={setName} />
        <TextField label="Contact title" value={contact().title} onValue={setTitle} />
      </div>
      <div class="row">
        <TextField label="Contact phone" value={contact().phone} onValue={setPhone} />
        <TextField label="Contact email" value={contact().email} onValue={setEmail} />
        <TextField label="Letter date" type="date" value={date()} onValue={setDate} />
      </div>
      <Show when={gaps().length}>
        <Notice tone="warning" title="Still to complete (printed as placeholders until you add them to the record)">
          <ul>
            <For each={gaps()}>{(g) => <li>{g}</li>}</For>
          </ul>
        </Notice>
      </Show>
      <button type="button" class="primary" disabled={!input()} onClick={() => void run()}>Export the letter (PDF)</button>
      <Show when={error()}>
        <p class="error" role="alert">{error()}</p>
      </Show>
      <Show when={done()}>
        <p role="status" class="success">{done()}</p>
      </Show>
    </section>
  );
}
