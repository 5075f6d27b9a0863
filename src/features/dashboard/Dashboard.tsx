import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { createClientsQuery } from '../../db/clients';
import { PageHeader, EmptyState } from '../../ui/page';

export function Dashboard() {
  const clients = createClientsQuery();
  return (
    <>
      <PageHeader title="Dashboard" lead="Every client's CPNI deadlines in one place." />
      <Show
        when={clients.value.length > 0}
        fallback={
          <EmptyState title="Start with a client">
            <p>Add the carrier you file for. Its deadlines and its annual certification will appear here.</p>
            <A class="button primary" href="/clients/new">Add a client</A>
          </EmptyState>
        }
      >
        <EmptyState title="Deadlines will appear here">
          <p>
            You have {clients.value.length} active {clients.value.length === 1 ? 'client' : 'clients'}. Once records are kept, this
            page lists every open deadline (breach notices, opt-out failure letters, notice refreshes and the annual
            certification), overdue first.
          </p>
        </EmptyState>
      </Show>
    </>
  );
}
