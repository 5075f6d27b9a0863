import { useLocation } from '@solidjs/router';
import { onMount } from 'solid-js';
import { StoragePanel } from '../../app/StoragePanel';
import { PageHeader } from '../../ui/page';
import { BackupPanel } from './BackupPanel';
import { ChangeLogPanel } from './ChangeLogPanel';
import { PreparersPanel } from './PreparersPanel';
import { RulesPanel } from './RulesPanel';
import { LEAVE_DURING_RESTORE, restoreRunning } from './restore-state';
import { useUnsavedGuard } from '../../ui/unsaved-guard';

export function SettingsScreen() {
  const location = useLocation();
  useUnsavedGuard(restoreRunning, LEAVE_DURING_RESTORE);
  // A link to a panel (the first screen's "Restore a backup") lands on it, after the layout has focused the page heading.
  onMount(() => {
    const id = location.hash.slice(1);
    if (id) setTimeout(() => document.getElementById(id)?.scrollIntoView({ block: 'start' }), 50);
  });
  return (
    <>
      <PageHeader title="Settings" />
      <PreparersPanel />
      <RulesPanel />
      <StoragePanel />
      <BackupPanel />
      <ChangeLogPanel />
    </>
  );
}
