import { Route } from '@solidjs/router';
import { For, lazy, type Component } from 'solid-js';
import { Dashboard, preloadDashboard } from '../features/dashboard/Dashboard';
import { NotFound } from './NotFound';
import { screenFor } from './route-match';

type Screen = Component & { preload?: () => unknown };

/** Loaded on first visit (and precached for offline use), so startup loads only the shell. */
function screen<K extends string>(load: () => Promise<Record<K, Component>>, name: K): Screen {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const ClientsList = screen(() => import('../features/clients/ClientsList'), 'ClientsList');
const ClientEditor = screen(() => import('../features/clients/ClientEditor'), 'ClientEditor');

/** Every path the app answers; the router prefers a fixed segment (`/clients/new`) to a parameter (`/clients/:id`). */
const ROUTES: { path: string; component: Screen }[] = [
  { path: '/', component: Object.assign(Dashboard, { preload: preloadDashboard }) },
  { path: '/clients', component: ClientsList },
  { path: '/clients/new', component: ClientEditor },
  { path: '/clients/import', component: screen(() => import('../features/clients/ImportClients'), 'ImportClients') },
  { path: '/clients/transfer', component: screen(() => import('../features/clients/ClientTransfer'), 'ClientTransfer') },
  { path: '/clients/:id', component: ClientEditor },
  { path: '/certifications', component: screen(() => import('../features/certifications/Certifications'), 'Certifications') },
  { path: '/certifications/check', component: screen(() => import('../features/certifications/CheckStatement'), 'CheckStatement') },
  { path: '/certifications/:id', component: screen(() => import('../features/certifications/CertificationEditor'), 'CertificationEditor') },
  { path: '/records', component: screen(() => import('../features/records/Records'), 'Records') },
  { path: '/records/new', component: screen(() => import('../features/records/NewRecord'), 'NewRecord') },
  { path: '/records/import', component: screen(() => import('../features/records/ImportApprovals'), 'ImportApprovals') },
  { path: '/records/:id', component: screen(() => import('../features/records/RecordDetail'), 'RecordDetail') },
  { path: '/settings', component: screen(() => import('../features/settings/SettingsScreen'), 'SettingsScreen') },
];

// The screen being opened starts loading now, alongside the database: otherwise its code would
// only be asked for once the database is open and the settings read.
if (typeof location !== 'undefined') screenFor(ROUTES, location.pathname)?.component.preload?.();

/** The routes without a Router, so tests can mount them at any location. */
export function AppRoutes() {
  return (
    <>
      <For each={ROUTES}>{(route) => <Route path={route.path} component={route.component} />}</For>
      <Route path="*404" component={NotFound} />
    </>
  );
}
