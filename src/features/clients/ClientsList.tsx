import { A } from '@solidjs/router';
import { For, Show, createSignal } from 'solid-js';
import { createClientsQuery } from '../../db/clients';
import { defaultSignatory } from '../../domain/schema';
import { CheckboxField, TextField } from '../../ui/fields';
import { EmptyState, PageHeader } from '../../ui/page';

export function ClientsList() {
  const [search, setSearch] = createSignal('');
  const [includeArchived, setIncludeArchived] = createSignal(false);
  const clients = createClientsQuery(() => ({ search: search(), includeArchived: includeArchived() }));

  return (
    <>
      <PageHeader
        title="Clients"
        lead="The carriers you keep records and file for."
        actions={
          <>
            <A class="button primary" href="/clients/new">Add a client</A> <A class="button" href="/clients/import">Import clients from CSV</A> <A class="button" href="/clients/transfer">Export clients to a file</A> <A class="button" href="/clients/transfer#import-heading">Import clients from a file</A>
          </>
        }
      />
      <div class="filters" role="search">
        <TextField label="Search by name or Filer ID" type="search" value={search()} onValue={setSearch} />
        <CheckboxField label="Show archived clients" checked={includeArchived()} onChecked={setIncludeArchived} />
      </div>
      <Show
        when={clients.value.length > 0}
        fallback={
          <Show when={!clients.loading}>
            <EmptyState title={search() ? 'No client matches' : 'No clients yet'}>
              <p>{search() ? `No client's name or Filer ID contains “${search()}”.` : 'Add the first carrier you file for.'}</p>
            </EmptyState>
          </Show>
        }
      >
        <table class="table" data-testid="clients-table">
          <caption class="visually-hidden">Clients</caption>
          <thead>
            <tr>
              <th scope="col">Legal name</th>
              <th scope="col">Filer ID</th>
              <th scope="col">Signatory</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            <For each={clients.value}>
              {(c) => (
                <tr>
                  <th scope="row">
                    <a href={`/clients/${c.id}`}>{c.legalName}</a>
                    <Show when={c.dbaNames.length}>
                      <span class="muted"> d/b/a {c.dbaNames.join(', ')}</span>
                    </Show>
                  </th>
                  <td>{c.filerId}</td>
                  <td>{defaultSignatory(c)?.name ?? <span class="muted">none yet</span>}</td>
                  <td>{c.archived ? 'Archived' : 'Active'}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </>
  );
}
