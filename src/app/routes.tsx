import { Route } from '@solidjs/router';
import { For, lazy, type Component } from 'solid-js';
import { Dashboard, preloadDashboard } from '../features/dashboard/Dashboard';
import { seasonSource } from '../db/dashboard';
import { certificationSummariesSource, clientsSource } from '../db/shared-reads';
import { NotFound } from './NotFound';
import { screenFor } from './route-match';

type Screen = Component & { preload?: () => unknown };
/**
 * Starts reading what the screen shows first, given the address's query string: the screen's
 * module says what that is. It comes with the screen's code, which is being fetched anyway.
 */
type DataPreload = (search: string) => void;

function dataOf<K extends string>(load: () => Promise<Record<K, (search: string) => void>>, name: K): DataPreload {
  return (search) => void load().then((m) => m[name](search), () => undefined);
}

/** Loaded on first visit (and precached for offline use), so startup loads only the shell. */
function screen<K extends string>(load: () => Promise<Record<K, Component>>, name: K): Screen {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const ClientsList = screen(() => import('../features/clients/ClientsList'), 'ClientsList');
const ClientEditor = screen(() => import('../features/clients/ClientEditor'), 'ClientEditor');

/** Every path the app answers; the router prefers a fixed segment (`/clients/new`) to a parameter (`/clients/:id`). */
const ROUTES: { path: string; component: Screen; data?: DataPreload }[] = [
  { path: '/', component: Object.assign(Dashboard, { preload: preloadDashboard }), data: () => seasonSource.preload() },
  { path: '/clients', component: ClientsList },
  { path: '/clients/new', component: ClientEditor },
  { path: '/clients/import', component: screen(() => import('../features/clients/ImportClients'), 'ImportClients') },
  { path: '/clients/transfer', component: screen(() => import('../features/clients/ClientTransfer'), 'ClientTransfer') },
  { path: '/clients/:id', component: ClientEditor },
  { path: '/certifications', component: screen(() => import('../features/certifications/Certifications'), 'Certifications'), data: () => {
      certificationSummariesSource.preload();
      clientsSource.preload();
    } },
  { path: '/certifications/check', component: screen(() => import('../features/certifications/CheckStatement'), 'CheckStatement') },
  { path: '/certifications/:id', component: screen(() => import('../features/certifications/CertificationEditor'), 'CertificationEditor') },
  { path: '/records', component: screen(() => import('../features/records/Records'), 'Records'), data: dataOf(() => import('../features/records/Records'), 'preloadRecords') },
  { path: '/records/new', component: screen(() => import('../features/records/NewRecord'), 'NewRecord') },
  { path: '/records/import', component: screen(() => import('../features/records/ImportApprovals'), 'ImportApprovals') },
  { path: '/records/:id', component: screen(() => import('../features/records/RecordDetail'), 'RecordDetail') },
  { path: '/settings', component: screen(() => import('../features/settings/SettingsScreen'), 'SettingsScreen') },
];

// The screen being opened starts loading now, its code and its first data, alongside the
// database: otherwise both would only be asked for once the database is open and the settings read.
if (typeof location !== 'undefined') {
  const opening = screenFor(ROUTES, location.pathname);
  opening?.component.preload?.();
  opening?.data?.(location.search);
}

/** The routes without a Router, so tests can mount them at any location. */
export function AppRoutes() {
  return (
    <>
      {/* A link followed (or hovered: the router preloads on intent) starts the screen's data too. */}
      <For each={ROUTES}>{(route) => <Route path={route.path} component={route.component} preload={route.data && (({ location }) => route.data!(location.search))} />}</For>
      <Route path="*404" component={NotFound} />
    </>
  );
}
