import { A } from '@solidjs/router';
import { PageHeader } from '../ui/page';

export function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>There is no page at this address. <A href="/">Go to the dashboard</A>.</p>
    </>
  );
}
