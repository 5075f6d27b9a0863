import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { CertificationModel, CertificationOverrides } from '../../domain/certification';
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, type ComplaintCategory } from '../../domain/records';
import { formatLong } from '../../domain/dates';
import { CheckboxField, TextArea, TextField } from '../../ui/fields';

type Props = { model: CertificationModel; overrides: CertificationOverrides; onOverrides: (o: CertificationOverrides) => void };

/** Data-broker actions, complaints and pretexting, computed from the covered year's records. */
export function RecordFacts(props: Props) {
  const set = (o: Partial<CertificationOverrides>) => {
    const next = { ...props.overrides, ...o };
    for (const k of Object.keys(next) as (keyof CertificationOverrides)[]) if (next[k] === undefined) delete next[k];
    props.onOverrides(next);
  };
  const m = () => props.model;
  return (
    <section class="panel" aria-labelledby="facts-heading">
      <h2 id="facts-heading">From the {m().coveredYear} records</h2>
      <p class="hint">Computed from this client's records dated in calendar year {m().coveredYear}. Override only with a reason, which is kept with the certification.</p>

      <h3>Actions against data brokers</h3>
      <p data-testid="data-broker-statement">{m().dataBrokers.statement}</p>
      <ul class="plain-list">
        <For each={m().dataBrokers.actions}>
          {(a) => (
            <li>
              <A href={`/records/${a.id}`}>{formatLong(a.actionOn)}</A>: {a.publicSummary?.trim() ? <>public summary “{a.publicSummary}”</> : <span class="muted">no public summary: the filing gives the date, the forum and the kind of action only</span>}
            </li>
          )}
        </For>
      </ul>
      <CheckboxField
        label="Override the data-broker answer"
        checked={!!props.overrides.dataBrokers}
        onChecked={(on) => set({ dataBrokers: on ? { value: { has: m().dataBrokers.has, explanation: m().dataBrokers.items.join('\n\n') }, reason: '' } : undefined })}
      />
      <Show when={props.overrides.dataBrokers}>
        {(o) => (
          <div class="override">
            <CheckboxField label="The company took actions against data brokers" checked={o().value.has} onChecked={(has) => set({ dataBrokers: { ...o(), value: { ...o().value, has } } })} />
            <TextArea label="Explanation of the actions" hint="Printed in the public filing. One action per paragraph, with a blank line between actions." rows={3} value={o().value.explanation} onValue={(explanation) => set({ dataBrokers: { ...o(), value: { ...o().value, explanation } } })} />
            <TextField label="Reason for overriding the records" required value={o().reason} error={o().reason.trim() ? undefined : 'Give the reason for the override.'} onValue={(reason) => set({ dataBrokers: { ...o(), reason } })} />
          </div>
        )}
      </Show>

      <h3>Customer complaints about unauthorized release of CPNI</h3>
      <p data-testid="complaint-statement">{m().complaints.statement}</p>
      <ul class="plain-list">
        <For each={m().complaints.records}>
          {(c) => (
            <li>
              <A href={`/records/${c.id}`}>{formatLong(c.receivedOn)} — {COMPLAINT_CATEGORY_LABELS[c.category]}</A>:{' '}
              {c.publicSummary?.trim() ? <>public summary “{c.publicSummary}”</> : <span class="muted">no public summary: counted only</span>}
            </li>
          )}
        </For>
      </ul>
      <CheckboxField
        label="Override the complaint counts"
        checked={!!props.overrides.complaints}
        onChecked={(on) => set({ complaints: on ? { value: { counts: { ...m().complaints.counts }, summary: m().complaints.summaries.join('\n\n') }, reason: '' } : undefined })}
      />
      <Show when={props.overrides.complaints}>
        {(o) => (
          <div class="override">
            <div class="row">
              <For each={COMPLAINT_CATEGORIES}>
                {(cat: ComplaintCategory) => (
                  <TextField
                    label={`${COMPLAINT_CATEGORY_LABELS[cat]} (count)`}
                    inputMode="numeric"
                    value={String(o().value.counts[cat])}
                    onValue={(v) => /^\d*$/.test(v) && set({ complaints: { ...o(), value: { ...o().value, counts: { ...o().value.counts, [cat]: Number(v || 0) } } } })}
                  />
                )}
              </For>
            </div>
            <TextArea label="Summary of the complaints" hint="Printed in the public filing. One complaint per paragraph, with a blank line between them; never a customer's name, number, e-mail or account." rows={3} value={o().value.summary} onValue={(summary) => set({ complaints: { ...o(), value: { ...o().value, summary } } })} />
            <TextField label="Reason for overriding the records" required value={o().reason} error={o().reason.trim() ? undefined : 'Give the reason for the override.'} onValue={(reason) => set({ complaints: { ...o(), reason } })} />
          </div>
        )}
      </Show>

      <h3>Information about pretexters</h3>
      <p data-testid="pretexting-statement">{m().pretexting.text}</p>
      <ul class="plain-list">
        <For each={m().pretexting.attempts}>
          {(a) => (
            <li>
              <A href={`/records/${a.id}`}>{formatLong(a.occurredOn)}</A>:{' '}
              {a.publicSummary?.trim() ? <>public summary “{a.publicSummary}”</> : <span class="muted">no public summary: counted only</span>}
            </li>
          )}
        </For>
      </ul>
      <CheckboxField
        label="Write this paragraph yourself"
        checked={!!props.overrides.pretexting}
        onChecked={(on) => set({ pretexting: on ? { value: { text: m().pretexting.text }, reason: '' } : undefined })}
      />
      <Show when={props.overrides.pretexting}>
        {(o) => (
          <div class="override">
            <TextArea label="Pretexting paragraph" rows={4} value={o().value.text} onValue={(text) => set({ pretexting: { ...o(), value: { text } } })} />
            <TextField label="Reason for replacing the computed paragraph" required value={o().reason} error={o().reason.trim() ? undefined : 'Give the reason for the override.'} onValue={(reason) => set({ pretexting: { ...o(), reason } })} />
          </div>
        )}
      </Show>
    </section>
  );
}
