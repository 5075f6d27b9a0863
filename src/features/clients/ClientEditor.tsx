import { A, useNavigate, useParams } from '@solidjs/router';
import { Match, Show, Switch, createSignal } from 'solid-js';
import { createClientQuery, saveClient, setClientArchived } from '../../db/clients';
import { PageHeader, Notice } from '../../ui/page';
import { ClientForm } from './ClientForm';
import { draftFromClient, inputFromDraft } from './client-draft';
import { guardStorage } from '../../ui/storage-error';
import { ChangeHistory } from '../../ui/ChangeHistory';

export function ClientEditor() {
  const params = useParams<{ id?: string }>();
  const navigate = useNavigate();
  const isNew = () => !params.id;
  const client = createClientQuery(() => params.id ?? '');
  const [message, setMessage] = createSignal('');

  return (
    <Switch>
      <Match when={isNew()}>
        <PageHeader title="New client" lead="The carrier you keep records and file for." />
        <ClientForm
          submitLabel="Create client"
          draftKey="client:new"
          onSave={(d) => saveClient(inputFromDraft(d))}
          onSaved={(id) => navigate(`/clients/${id}`, { state: { created: true } })}
        />
      </Match>
      <Match when={client.loading}>
        <p aria-live="polite">Loading client…</p>
      </Match>
      <Match when={!client.value}>
        <PageHeader title="Client not found" />
        <p>This client does not exist on this device. <A href="/clients">Back to clients</A>.</p>
      </Match>
      <Match when={client.value}>
        {(c) => (
          <>
            <PageHeader
              title={c().legalName}
              lead={`Form 499 Filer ID ${c().filerId}${c().archived ? ' · archived' : ''}`}
              actions={
                <button
                  type="button"
                  onClick={async () => {
                    const archive = !c().archived;
                    const name = c().legalName;
                    const done = await guardStorage(archive ? 'archive the client' : 'unarchive the client', () => setClientArchived(c().id, archive).then(() => true));
                    if (!done) return;
                    setMessage(archive ? `${name} is archived and hidden from the list.` : `${name} is active again.`);
                  }}
                >
                  {c().archived ? 'Unarchive' : 'Archive'}
                </button>
              }
            />
            <nav class="client-links" aria-label={`${c().legalName}: records and certifications`}>
              <A href={`/records?client=${c().id}`}>Records</A>
              <A href={`/records/new?client=${c().id}`}>Add a record</A>
              <A href={`/certifications?client=${c().id}`}>Certifications</A>
            </nav>
            <Show when={message()}>
              <Notice tone="success">
                <p role="status">{message()}</p>
              </Notice>
            </Show>
            {/* Keyed on the id so another client's form never inherits this one's edits. */}
            <Show when={c().id} keyed>
              <ClientForm
                initial={draftFromClient(c())}
                rev={c().rev}
                stored={c()}
                draftKey={`client:${c().id}`}
                onSave={(d, rev) => saveClient(inputFromDraft(d), c().id, rev)}
                onSaved={() => setMessage('Saved.')}
              />
            </Show>
            <ChangeHistory entity="client" entityId={c().id} />
          </>
        )}
      </Match>
    </Switch>
  );
}
