import { StoragePanel } from '../../app/StoragePanel';
import { PageHeader } from '../../ui/page';
import { BackupPanel } from './BackupPanel';
import { PreparersPanel } from './PreparersPanel';
import { RulesPanel } from './RulesPanel';

export function SettingsScreen() {
  return (
    <>
      <PageHeader title="Settings" />
      <PreparersPanel />
      <RulesPanel />
      <StoragePanel />
      <BackupPanel />
    </>
  );
}
