import { For } from 'solid-js';
import type { Client, Preparer } from '../../domain/schema';

/** What ECFS asks for (§ 64.2009(e) filings in EB Docket No. 06-36): not confirmed against the form itself, so verify there. */
export function FilingChecklist(props: { client: Client; preparer?: Preparer; fileName: string }) {
  const address = () => [props.client.address.street, props.client.address.city, props.client.address.state, props.client.address.zip].filter(Boolean).join(', ');
  const items = () => [
    ['Proceeding', '06-36 (EB Docket No. 06-36)'],
    ['Name of filer', props.client.legalName],
    ['Law firm / attorney or author (optional)', props.preparer ? `${props.preparer.firm || ''}${props.preparer.firm ? ' — ' : ''}${props.preparer.name}` : '—'],
    ['Primary contact email', props.preparer?.email || props.client.email || '(add an email to the client or preparer)'],
    ['Type of filing', 'Statement (or as ECFS lists the CPNI certification)'],
    ['Filer address', address() || '(add the client’s address)'],
    ['Document to upload', props.fileName],
  ];
  return (
    <section class="panel" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">ECFS filing checklist</h2>
      <p class="hint">
        The ECFS form's fields are listed from memory and may have changed; check them on the form. The FCC has also offered a
        CPNI certification web application (apps.fcc.gov/eb/CPNI) as an alternative to ECFS. An ECFS filing is timely if it is
        received before midnight on the due date (47 C.F.R. § 1.4(f)).
      </p>
      <dl class="checklist">
        <For each={items()}>
          {([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </>
          )}
        </For>
      </dl>
    </section>
  );
}
