import { Route } from '@solidjs/router';
import { Dashboard } from '../features/dashboard/Dashboard';
import { ClientsList } from '../features/clients/ClientsList';
import { ClientEditor } from '../features/clients/ClientEditor';
import { Certifications } from '../features/certifications/Certifications';
import { CertificationEditor } from '../features/certifications/CertificationEditor';
import { Records } from '../features/records/Records';
import { RecordDetail } from '../features/records/RecordDetail';
import { NewRecord } from '../features/records/NewRecord';
import { ImportApprovals } from '../features/records/ImportApprovals';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { NotFound } from './NotFound';

/** The routes without a Router, so tests can mount them at any location. */
export function AppRoutes() {
  return (
    <>
      <Route path="/" component={Dashboard} />
      <Route path="/clients" component={ClientsList} />
      <Route path="/clients/new" component={ClientEditor} />
      <Route path="/clients/:id" component={ClientEditor} />
      <Route path="/certifications" component={Certifications} />
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
