import { Show, Suspense, lazy } from 'solid-js';
import { PROGRESSIVE_FROM, createDashboardQuery } from '../../db/dashboard';
import { formatWithWeekday, todayLocal } from '../../domain/dates';
import { PageHeader } from '../../ui/page';

// The deadline rules and the tables load while the data is read: startup needs neither.
const loadView = () => import('./DashboardView').then((m) => ({ default: m.DashboardView }));
const DashboardView = lazy(loadView);

/** Starts loading the dashboard's content before the database is open (called at startup on '/'). */
export const preloadDashboard = (): void => void DashboardView.preload();

export function Dashboard() {
  const data = createDashboardQuery();
  const error = () => data.season.error ?? data.clocked.error;
  const computing = <Show when={!error()}><p aria-live="polite">Computing deadlines…</p></Show>;
  return (
    <>
      <PageHeader title="Dashboard" lead={`Every active client's CPNI deadlines, as of ${formatWithWeekday(todayLocal())}.`} />
      <Show when={error()}>
        {(e) => (
          <div class="notice notice--error" role="alert">
            <p class="notice-title">The records could not be read from this browser's storage.</p>
            <p>{e() instanceof Error ? (e() as Error).message : String(e())} Reload the page; if this persists, check that the browser has not blocked or cleared site data.</p>
          </div>
        )}
      </Show>
      {/* Thousands of records' clocks take a while to read: the season and the certifications show first. */}
      <Show when={data.season.value && (data.clocked.value || data.season.value.clockedCount >= PROGRESSIVE_FROM)} fallback={computing}>
        <Suspense fallback={computing}>
          <DashboardView season={data.season} clocked={data.clocked} />
        </Suspense>
      </Show>
    </>
  );
}
