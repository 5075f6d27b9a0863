import { updateSettings } from '../../db/settings';
import { requestPersistence } from '../../app/storage-status';
import { StoragePanel } from '../../app/StoragePanel';
import { PageHeader } from '../../ui/page';
import { guardStorage } from '../../ui/storage-error';

export function Welcome() {
  const start = async () => {
    await requestPersistence();
    await guardStorage('finish the first-run setup', () => updateSettings({ firstRunDone: true }, 'Finished first-run setup'));
  };
  return (
    <div class="welcome" data-testid="welcome">
      <PageHeader
        title="Welcome to CPNI Desk"
        lead="Keep a year of CPNI compliance records, see every deadline, and draft the annual certification (47 C.F.R. § 64.2009(e), EB Docket No. 06-36)."
      />
      <section class="panel">
        <h2>Your data stays here</h2>
        <ul>
          <li>Everything you enter is stored in this browser, on this device. There is no server and no account.</li>
          <li>After this first visit the app works with the network off.</li>
          <li>Because the data lives only here, the app asks the browser to keep it (persistent storage, below) and reminds you to make backups.</li>
        </ul>
      </section>
      <StoragePanel />
      <button type="button" class="primary" data-testid="start" onClick={() => void start()}>
        Start using CPNI Desk
      </button>
    </div>
  );
}
