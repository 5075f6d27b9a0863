import { useNavigate } from '@solidjs/router';
import { updateSettings } from '../../db/settings';
import { requestPersistence } from '../../app/storage-status';
import { PageHeader } from '../../ui/page';
import { guardStorage } from '../../ui/storage-error';

/** The first screen: what the app is, where the data lives, and a way straight into work. */
export function Welcome() {
  const navigate = useNavigate();
  const go = async (href: string) => {
    // The browser may keep the data from eviction; its answer shows in the footer and in Settings.
    await requestPersistence().catch(() => false);
    const saved = await guardStorage('finish the first-run setup', () => updateSettings({ firstRunDone: true }, 'Finished first-run setup'));
    if (saved !== undefined) navigate(href);
  };
  return (
    <div class="welcome" data-testid="welcome">
      <PageHeader title="Welcome to CPNI Desk" />
      <p class="welcome-lead">
        CPNI Desk keeps a carrier's CPNI compliance records, shows every deadline the FCC's rules set, and drafts the annual certification
        (47 C.F.R. § 64.2009(e)) as PDF.
        <br />
        Everything stays in this browser on this device: no server, no account, and it works offline after this visit.
        <br />
        Back it up from Settings; storage details are there too.
      </p>
      <ul class="welcome-actions">
        <li>
          <button type="button" class="primary" onClick={() => void go('/clients/new')} data-testid="welcome-company">
            Add your company
          </button>
          <span class="hint"> A carrier keeping its own records: its name, Filer ID and officers.</span>
        </li>
        <li>
          <button type="button" onClick={() => void go('/clients/new')} data-testid="welcome-client">
            Add a client
          </button>{' '}
          <button type="button" onClick={() => void go('/clients/import')} data-testid="welcome-import">
            Import clients from a CSV file
          </button>
          <span class="hint"> A consultant filing for several carriers.</span>
        </li>
        <li>
          <button type="button" onClick={() => void go('/settings#backup-heading')} data-testid="welcome-restore">
            Restore a backup
          </button>
          <span class="hint"> Moving from another browser or device.</span>
        </li>
        <li>
          <button type="button" class="link" onClick={() => void go('/')} data-testid="start">
            Start using CPNI Desk
          </button>
        </li>
      </ul>
    </div>
  );
}
