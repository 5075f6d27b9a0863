import { A } from '@solidjs/router';
import { For, Show, createSignal } from 'solid-js';
import { newId } from '../../db/database';
import { saveClient } from '../../db/clients';
import type { ClientProposal } from '../../domain/statement-lint';
import { SERVICES, SERVICE_LABELS, type FieldErrors, type Service } from '../../domain/schema';
import { CheckboxField, TextField } from '../../ui/fields';

/**
 * "Start a client from this filing": the details read from the filing, shown for the user to
 * confirm and correct. Nothing is stored until "Create client"; a value the client form would
 * refuse gets its message next to the field and nothing is written.
 */
export function ClientFromFiling(props: { proposal: ClientProposal; onClose: () => void }) {
  // eslint-disable-next-line solid/reactivity -- the form starts from the proposal and is then the user's
  const p = props.proposal;
  const [legalName, setLegalName] = createSignal(p.legalName);
  const [filerId, setFilerId] = createSignal(p.filerId);
  const [signatoryName, setSignatoryName] = createSignal(p.signatoryName);
  const [signatoryTitle, setSignatoryTitle] = createSignal(p.signatoryTitle);
  const [street, setStreet] = createSignal(p.address.street);
  const [city, setCity] = createSignal(p.address.city);
  const [state, setState] = createSignal(p.address.state);
  const [zip, setZip] = createSignal(p.address.zip);
  const [services, setServices] = createSignal<Service[]>(p.services);
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [created, setCreated] = createSignal<string | undefined>();
  const [saving, setSaving] = createSignal(false);

  const create = async () => {
    setSaving(true);
    try {
      const officers = signatoryName().trim() || signatoryTitle().trim() ? [{ id: newId(), name: signatoryName(), title: signatoryTitle(), isDefaultSignatory: true }] : [];
      const result = await saveClient({
        legalName: legalName(),
        filerId: filerId(),
        address: { street: street(), city: city(), state: state(), zip: zip() },
        officers,
        services: services(),
        affiliates: p.affiliates.map((a) => ({ id: newId(), ...a })),
      });
      if (result.ok) {
        setErrors({});
        setCreated(result.id);
      } else setErrors(result.errors);
    } finally {
      setSaving(false);
    }
  };
  const err = (path: string) => errors()[path];

  return (
    <section class="panel" aria-labelledby="client-from-filing" data-testid="client-from-filing">
      <h2 id="client-from-filing">Start a client from this filing</h2>
      <Show
        when={!created()}
        fallback={
          <p class="success" role="status">
            Client created. <A href={`/clients/${created()}`}>Open {legalName()}</A> to add the FRN, contact details and other officers.
          </p>
        }
      >
        <p class="hint">
          Read from the filing: {p.found.length ? p.found.join(', ') : 'nothing certain'}. Check each value against the company's records; nothing is stored until you
          choose “Create client”.
        </p>
        <div class="form">
          <div class="row">
            <TextField label="Legal name" value={legalName()} onValue={setLegalName} error={err('legalName')} required />
            <TextField label="Form 499 Filer ID" inputMode="numeric" value={filerId()} onValue={setFilerId} error={err('filerId')} required />
          </div>
          <Show when={p.affiliates.length}>
            <p class="hint">Affiliates, each with its own Filer ID: {p.affiliates.map((a) => `${a.legalName} (${a.filerId})`).join('; ')}.</p>
          </Show>
          <div class="row">
            <TextField label="Signatory" value={signatoryName()} onValue={setSignatoryName} error={err('officers.0.name')} />
            <TextField label="Signatory's title" value={signatoryTitle()} onValue={setSignatoryTitle} error={err('officers.0.title')} />
          </div>
          <div class="row">
            <TextField label="Street" value={street()} onValue={setStreet} error={err('address.street')} />
            <TextField label="City" value={city()} onValue={setCity} error={err('address.city')} />
            <TextField label="State" value={state()} onValue={setState} error={err('address.state')} />
            <TextField label="ZIP" value={zip()} onValue={setZip} error={err('address.zip')} />
          </div>
          <fieldset>
            <legend>Services</legend>
            <For each={SERVICES}>
              {(s) => (
                <CheckboxField
                  label={SERVICE_LABELS[s]}
                  checked={services().includes(s)}
                  onChecked={(on) => setServices((prev) => (on ? [...prev.filter((x) => x !== s), s] : prev.filter((x) => x !== s)))}
                />
              )}
            </For>
          </fieldset>
          <Show when={err('')}>
            <p class="error" role="alert">{err('')}</p>
          </Show>
          <div class="actions">
            <button type="button" class="primary" disabled={saving()} onClick={() => void create()}>
              Create client
            </button>{' '}
            <button type="button" onClick={() => props.onClose()}>
              Cancel
            </button>
          </div>
        </div>
      </Show>
    </section>
  );
}
