import { Route } from '@solidjs/router';
import { lazy } from 'solid-js';
import { Dashboard, preloadDashboard } from '../features/dashboard/Dashboard';
import { NotFound } from './NotFound';

// Every screen but the dashboard is loaded on first visit (and precached for offline use):
// opening the app loads only the shell and the dashboard.
const ClientsList = lazy(() => import('../features/clients/ClientsList').then((m) => ({ default: m.ClientsList })));
const ClientEditor = lazy(() => import('../features/clients/ClientEditor').then((m) => ({ default: m.ClientEditor })));
const Records = lazy(() => import('../features/records/Records').then((m) => ({ default: m.Records })));
const RecordDetail = lazy(() => import('../features/records/RecordDetail').then((m) => ({ default: m.RecordDetail })));
const NewRecord = lazy(() => import('../features/records/NewRecord').then((m) => ({ default: m.NewRecord })));
const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const Certifications = lazy(() => import('../features/certifications/Certifications').then((m) => ({ default: m.Certifications })));
const CertificationEditor = lazy(() => import('../features/certifications/CertificationEditor').then((m) => ({ default: m.CertificationEditor })));
const CheckStatement = lazy(() => import('../features/certifications/CheckStatement').then((m) => ({ default: m.CheckStatement })));
const ClientTransfer = lazy(() => import('../features/clients/ClientTransfer').then((m) => ({ default: m.ClientTransfer })));
const ImportClients = lazy(() => import('../features/clients/ImportClients').then((m) => ({ default: m.ImportClients })));
const ImportApprovals = lazy(() => import('../features/records/ImportApprovals').then((m) => ({ default: m.ImportApprovals })));

// Opening the app on the dashboard: its content loads while the database opens.
if (typeof location !== 'undefined' && location.pathname === '/') preloadDashboard();

/** The routes without a Router, so tests can mount them at any location. */
export function AppRoutes() {
  return (
    <>
      <Route path="/" component={Dashboard} />
      <Route path="/clients" component={ClientsList} />
      <Route path="/clients/new" component={ClientEditor} />
      <Route path="/clients/import" component={ImportClients} />
      <Route path="/clients/transfer" component={ClientTransfer} />
      <Route path="/clients/:id" component={ClientEditor} />
      <Route path="/certifications" component={Certifications} />
      <Route path="/certifications/check" component={CheckStatement} />
      <Route path="/certifications/:id" component={CertificationEditor} />
      <Route path="/records" component={Records} />
      <Route path="/records/new" component={NewRecord} />
      <Route path="/records/import" component={ImportApprovals} />
      <Route path="/records/:id" component={RecordDetail} />
      <Route path="/settings" component={SettingsScreen} />
      <Route path="*404" component={NotFound} />
    </>
  );
}
