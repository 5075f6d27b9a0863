import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { Show, createMemo, createSignal, createUniqueId } from 'solid-js';
import { createClientsQuery } from '../../db/clients';
import { saveRecord } from '../../db/records';
import type { RecordKind } from '../../domain/records';
import { SelectField } from '../../ui/fields';
import { EmptyState, PageHeader } from '../../ui/page';
import { RecordForm } from './RecordForm';
import { ClientSelect } from './ClientSelect';
import { KIND_OPTIONS, isRecordKind, kindMeta } from './record-kinds';
import { recordsHref } from './records-href';
import './records.css';

export function NewRecord() {
  const [params] = useSearchParams<{ kind?: string; client?: string }>();
  const navigate = useNavigate();
  const clients = createClientsQuery(() => ({ search: '', includeArchived: true }));
  // Chosen here, not in the address: changing them must not count as leaving the form.
  const [chosenId, setClientId] = createSignal(params.client ?? '');
  // With a single active client, that client is chosen from the start.
  const clientId = () => {
    if (chosenId()) return chosenId();
    const active = clients.value.filter((c) => !c.archived);
    return active.length === 1 ? active[0]!.id : '';
  };
  const [kind, setKind] = createSignal<RecordKind | ''>(isRecordKind(params.kind) ? params.kind : '');
  const [dirty, setDirty] = createSignal(false);
  const clientOptions = createMemo(() =>
    clients.value.filter((c) => !c.archived || c.id === clientId()).map((c) => ({ value: c.id, label: c.archived ? `${c.legalName} (archived)` : c.legalName })),
  );
  const known = () => clients.value.some((c) => c.id === clientId());

  const kindSelectId = createUniqueId();
  // The form below is for one kind: switching kinds starts a new form.
  const chooseKind = (value: string) => {
    if (dirty() && !window.confirm('Switching to another kind of record loses what you typed in the form below. Switch anyway?')) {
      const select = document.getElementById(kindSelectId) as HTMLSelectElement | null;
      if (select) select.value = kind();
      return;
    }
    setDirty(false);
    setKind(isRecordKind(value) ? value : '');
  };

  return (
    <>
      <PageHeader title="New record" lead="Choose the client and the kind of record, then fill in the form." />
      <p>
        <A href={recordsHref('/records', { client: clientId() || undefined })}>Back to records</A>
      </p>
      <Show
        when={clients.loading || clients.value.length > 0}
        fallback={
          <EmptyState title="No clients yet">
            <p>
              Records are kept per client. <A href="/clients/new">Add a client</A> first.
            </p>
          </EmptyState>
        }
      >
        <div class="form form--inline">
          <ClientSelect
            label="Client"
            required
            value={clientId()}
            options={clientOptions()}
            placeholder="Choose a client…"
            onValue={setClientId}
          />
          <SelectField
            id={kindSelectId}
            label="Kind of record"
            required
            value={kind()}
            options={KIND_OPTIONS}
            placeholder="Choose a kind…"
            onValue={chooseKind}
          />
        </div>
        <Show when={kind() || undefined}>{(k) => <p class="hint">{kindMeta(k()).description}</p>}</Show>
        <Show
          when={known() && kind()}
          fallback={<p class="hint">The form appears once you have chosen both.</p>}
        >
          <Show when={kind()} keyed>
            {(k) => (
              <RecordForm
                kind={k as RecordKind}
                clientId={clientId()}
                draftKey={`record:new:${k}:${clientId()}`}
                submitLabel={`Save ${kindMeta(k as RecordKind).title.toLowerCase()}`}
                onSave={(input) => saveRecord(k as RecordKind, clientId(), input)}
                onSaved={(id) => navigate(`/records/${id}`)}
                onDirty={setDirty}
              />
            )}
          </Show>
        </Show>
      </Show>
    </>
  );
}
