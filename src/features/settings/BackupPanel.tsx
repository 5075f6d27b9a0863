import { setRestoreRunning } from './restore-state';
import { announceReplaced } from '../../db/replaced-elsewhere';
import { For, Match, Show, Switch, createSignal, createUniqueId, onCleanup } from 'solid-js';
import { createSettingsQuery } from '../../db/settings';
import { currentCounts } from '../../db/backup';
import type { BackupJobs, JobProgress, OpenedSummary } from '../../db/backup-jobs';
import { backupJobsInWorker, createBackupJobs } from './backup-jobs';
import { createChangesSinceQuery } from '../../db/change-log';
import { backupDownloadMessage, downloadBackupNow } from './backup-download';
import { BACKUP_STALE_CHANGES, BACKUP_STALE_DAYS, backupReminder, type BackupCounts } from '../../domain/backup';
import { formatLong, todayLocal } from '../../domain/dates';
import { Notice } from '../../ui/page';
import { formatCount } from '../../domain/counts';

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** "March 4, 2026 at 3:05 PM", on this device's clock. */
function formatInstant(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return `${formatLong(todayLocal(d))} at ${d.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })}`;
}

function ago(days: number): string {
  return days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

function describeCounts(c: BackupCounts): string {
  return [plural(c.clients, 'client', 'clients'), plural(c.preparers, 'preparer', 'preparers'), plural(c.records, 'record', 'records'), plural(c.certifications, 'certification', 'certifications')].join(', ');
}

function errorText(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

/** The file's bytes: `parseBackup` decodes them as strict UTF-8, so a file in another encoding is refused, not altered. */
function readBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}

const STEP_WORDS: Record<JobProgress['step'], string> = {
  read: 'Reading the file',
  check: 'Checking every row',
  write: 'Restoring',
  make: 'Making the backup',
};

/** How far opening or restoring a backup has come, as a progress bar with its step in words. */
function JobProgressBar(props: { progress: JobProgress }) {
  const percent = () => Math.round(props.progress.fraction * 100);
  return (
    <p class="job-progress" data-testid="backup-progress">
      <progress
        role="progressbar"
        max={100}
        value={percent()}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent()}
        aria-valuetext={`${STEP_WORDS[props.progress.step]}: ${percent()}%`}
        aria-label="Backup progress"
      />{' '}
      <span aria-hidden="true">
        {STEP_WORDS[props.progress.step]}… {percent()}%
      </span>
    </p>
  );
}

/** Download a backup of everything on this device, and restore one (replacing everything). */
export function BackupPanel() {
  const settings = createSettingsQuery();
  const fileId = createUniqueId();
  let fileInput: HTMLInputElement | undefined;
  const [busy, setBusy] = createSignal<'' | 'download' | 'read' | 'restore'>('');
  const [message, setMessage] = createSignal<{ tone: 'success' | 'warning' | 'error'; text: string } | undefined>();
  const [fileName, setFileName] = createSignal('');
  const [checked, setChecked] = createSignal<OpenedSummary | undefined>();
  const [progress, setProgress] = createSignal<JobProgress | undefined>();
  // The file is opened, checked and restored in a worker, which keeps the checked backup until
  // it is restored or another file is chosen.
  let jobs: BackupJobs | undefined;
  const freshJobs = () => {
    jobs?.dispose();
    jobs = createBackupJobs();
    return jobs;
  };
  onCleanup(() => {
    jobs?.dispose();
    setRestoreRunning(false);
  });
  // A passphrase typed here encrypts the backup; none makes a plain one, which says so.
  const encrypt = () => passphrase() !== '' || confirmPassphrase() !== '';
  const [passphrase, setPassphrase] = createSignal('');
  const [confirmPassphrase, setConfirmPassphrase] = createSignal('');
  const [passphraseError, setPassphraseError] = createSignal('');
  const [restorePassphrase, setRestorePassphrase] = createSignal('');
  // The chosen file: handed to the worker as it is, or read here where there is no worker.
  let chosenBytes: Uint8Array | Blob | undefined;
  const [onDevice, setOnDevice] = createSignal<BackupCounts | undefined>();

  const changesSince = createChangesSinceQuery(() => settings.value.lastBackupAt);
  const reminder = () => backupReminder(settings.value.lastBackupAt, new Date(), changesSince.value);
  const changes = () => reminder().changes;
  const days = () => {
    const r = reminder();
    return r.kind === 'none' ? 0 : r.days;
  };

  const download = async () => {
    setMessage(undefined);
    if (encrypt()) {
      if (passphrase().length < 8) return setPassphraseError('Choose a passphrase of at least 8 characters (a few words are easier to remember and harder to guess).');
      if (passphrase() !== confirmPassphrase()) return setPassphraseError('The two passphrases are not the same.');
    }
    setPassphraseError('');
    setBusy('download');
    try {
      setMessage(backupDownloadMessage(await downloadBackupNow(encrypt() ? passphrase() : '')));
    } finally {
      setBusy('');
    }
  };

  const clearChoice = () => {
    setChecked(undefined);
    setFileName('');
    setRestorePassphrase('');
    chosenBytes = undefined;
    jobs?.dispose();
    jobs = undefined;
    if (fileInput) fileInput.value = '';
  };

  const check = async () => {
    if (!chosenBytes) return;
    setBusy('read');
    setProgress({ step: 'read', fraction: 0 });
    try {
      const result = await freshJobs().open(chosenBytes, restorePassphrase(), setProgress);
      if (result.ok) setOnDevice(await currentCounts());
      setChecked(result);
    } catch (error) {
      setChecked({ ok: false, encrypted: false, problems: [`The file could not be read: ${errorText(error)}`] });
    } finally {
      setBusy('');
      setProgress(undefined);
    }
  };

  const choose = async (file: File | undefined) => {
    setChecked(undefined);
    setMessage(undefined);
    setRestorePassphrase('');
    if (!file) return;
    setFileName(file.name);
    try {
      chosenBytes = backupJobsInWorker() ? file : await readBytes(file);
    } catch (error) {
      setChecked({ ok: false, encrypted: false, problems: [`The file could not be read: ${errorText(error)}`] });
      return;
    }
    await check();
  };

  const replace = async () => {
    if (!jobs) return;
    setBusy('restore');
    setRestoreRunning(true);
    setMessage(undefined);
    setProgress({ step: 'write', fraction: 0 });
    try {
      const { counts, createdAt } = await jobs.restore(setProgress);
      announceReplaced();
      clearChoice();
      setMessage({ tone: 'success', text: `Restored the backup made ${formatInstant(createdAt)}: ${describeCounts(counts)}.` });
    } catch (error) {
      setMessage({ tone: 'error', text: `The restore failed and nothing on this device was changed. ${errorText(error)}` });
    } finally {
      setBusy('');
      setRestoreRunning(false);
      setProgress(undefined);
    }
  };

  const problems = () => {
    const c = checked();
    if (!c || c.ok) return undefined;
    // An encrypted file with no passphrase yet is not a problem: the passphrase field asks for it.
    const list = c.problems.filter((p) => !/^This backup is encrypted: enter its passphrase/.test(p));
    return list.length ? list : undefined;
  };
  const goodBackup = () => {
    const c = checked();
    return c?.ok ? c : undefined;
  };
  const deletedIn = (backup: { deletedRecords: number }) => backup.deletedRecords;

  return (
    <section class="panel" aria-labelledby="backup-heading" data-testid="backup-panel">
      <h2 id="backup-heading">Backups</h2>
      <p>
        Your records are kept only in this browser. A backup is one file holding every client, preparer, record (deleted ones
        too), certification, signed package, setting and the change log; restore it here or on another device. With a passphrase
        the records in the file are encrypted (AES-256-GCM); without one, anyone who finds the file can read them.
      </p>

      <div data-testid="last-backup">
        <Show when={!settings.loading}>
          <Switch>
            <Match when={reminder().kind === 'none'}>
              <Notice tone="warning" title="No backup yet">
                <p>No backup has been made on this device. If this browser’s data is cleared or the device is lost, the records are gone.</p>
              </Notice>
            </Match>
            <Match when={reminder().kind === 'stale'}>
              <Notice
                tone="warning"
                title={days() > BACKUP_STALE_DAYS ? `The last backup is ${days()} days old` : `${formatCount(changes())} changes since the last backup`}
              >
                <p>
                  It was made {formatInstant(settings.value.lastBackupAt)}; {formatCount(changes())} {changes() === 1 ? 'change has' : 'changes have'} been
                  made since, and they exist only on this device. Make a backup at least every {BACKUP_STALE_DAYS} days, and after every{' '}
                  {BACKUP_STALE_CHANGES} changes.
                </p>
              </Notice>
            </Match>
            <Match when={reminder().kind === 'recent'}>
              <p>
                Last backup: {formatInstant(settings.value.lastBackupAt)} ({ago(days())}).
              </p>
            </Match>
          </Switch>
        </Show>
      </div>
      <Show when={!settings.loading && reminder().kind === 'recent'}>
        <p class="hint" data-testid="changes-since-backup">
          {changes() === 0 ? 'Nothing has changed since the last backup.' : `${formatCount(changes())} ${changes() === 1 ? 'change has' : 'changes have'} been made since the last backup.`}
        </p>
      </Show>

      <div class="form" data-testid="backup-encryption">
        <p>
          <strong>Encryption.</strong> Type a passphrase to encrypt the backup (recommended); leave it empty for a plain file.
        </p>
          <div class="row">
            <div class="field">
              <label for={`${fileId}-pass`}>Passphrase</label>
              <input
                id={`${fileId}-pass`}
                type="password"
                autocomplete="new-password"
                value={passphrase()}
                aria-invalid={passphraseError() ? 'true' : undefined}
                aria-describedby={`${fileId}-pass-hint`}
                onInput={(e) => setPassphrase(e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for={`${fileId}-pass2`}>Passphrase again</label>
              <input
                id={`${fileId}-pass2`}
                type="password"
                autocomplete="new-password"
                value={confirmPassphrase()}
                aria-invalid={passphraseError() ? 'true' : undefined}
                aria-describedby={`${fileId}-pass-hint`}
                onInput={(e) => setConfirmPassphrase(e.currentTarget.value)}
              />
            </div>
          </div>
          <Show when={passphraseError()}>
            <p class="error" role="alert">{passphraseError()}</p>
          </Show>
          <p class="hint" id={`${fileId}-pass-hint`}>
            CPNI Desk never stores the passphrase. If it is lost, the backup cannot be opened by anyone, CPNI Desk included.
          </p>
        <Show when={!encrypt()}>
          <p class="warning" data-testid="backup-unencrypted">No passphrase: this backup will not be encrypted. Keep the file as safe as the records themselves.</p>
        </Show>
      </div>

      <div class="form-actions">
        <button type="button" class="primary" disabled={busy() !== ''} onClick={() => void download()}>
          {busy() === 'download' ? 'Making the backup…' : encrypt() ? 'Download an encrypted backup' : 'Download a backup'}
        </button>
      </div>

      <Show when={message()}>
        {(m) => (
          <p role={m().tone === 'success' ? 'status' : 'alert'} class={m().tone === 'success' ? 'success' : 'error'} data-testid="backup-message">
            {m().text}
          </p>
        )}
      </Show>

      <h3>Restore from a backup</h3>
      <div class="field">
        <label for={fileId}>Backup file (.json)</label>
        <input
          ref={(el) => (fileInput = el)}
          id={fileId}
          type="file"
          accept=".json,application/json"
          aria-describedby={`${fileId}-hint`}
          disabled={busy() === 'restore'}
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
        />
        <p class="hint" id={`${fileId}-hint`}>
          Choosing a file changes nothing: the app checks it and shows what it holds first.
        </p>
      </div>
      <Show when={busy() === 'read'}>
        <p aria-live="polite">Checking {fileName()}…</p>
      </Show>
      <Show when={(busy() === 'read' || busy() === 'restore') && progress()}>
        {(p) => <JobProgressBar progress={p()} />}
      </Show>

      <Show when={checked()?.needsPassphrase}>
        <form
          class="form form--inline"
          aria-label="Passphrase of the backup"
          onSubmit={(e) => {
            e.preventDefault();
            void check();
          }}
        >
          <p class="hint">“{fileName()}” is an encrypted backup: enter the passphrase it was made with.</p>
          <div class="field">
            <label for={`${fileId}-open`}>Passphrase of this backup</label>
            <input id={`${fileId}-open`} type="password" autocomplete="current-password" value={restorePassphrase()} onInput={(e) => setRestorePassphrase(e.currentTarget.value)} />
          </div>
          <button type="submit" class="primary" disabled={busy() !== '' || !restorePassphrase()}>
            Open the backup
          </button>
        </form>
      </Show>

      <Show when={problems()}>
        {(list) => (
          <Notice tone="error" title={`“${fileName()}” cannot be restored. Nothing on this device was changed.`}>
            <ul data-testid="backup-problems">
              <For each={list()}>{(p) => <li>{p}</li>}</For>
            </ul>
          </Notice>
        )}
      </Show>

      <Show when={goodBackup()}>
        {(backup) => (
          <div data-testid="backup-summary">
            <p>
              “{fileName()}” is {checked()?.encrypted ? 'an encrypted' : 'a'} CPNI Desk backup made {formatInstant(backup().createdAt)}. It checks out: every row is complete and every record
              belongs to a client in the file.
            </p>
            <table class="table">
              <caption>What the backup holds, and what this device holds now</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span class="visually-hidden">Kind of data</span>
                  </th>
                  <th scope="col">In the backup</th>
                  <th scope="col">On this device now</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Clients</th>
                  <td>{backup().counts.clients}</td>
                  <td>{onDevice()?.clients}</td>
                </tr>
                <tr>
                  <th scope="row">Preparers</th>
                  <td>{backup().counts.preparers}</td>
                  <td>{onDevice()?.preparers}</td>
                </tr>
                <tr>
                  <th scope="row">Records</th>
                  <td>
                    {backup().counts.records}
                    {deletedIn(backup()) ? ` (${deletedIn(backup())} deleted)` : ''}
                  </td>
                  <td>{onDevice()?.records}</td>
                </tr>
                <tr>
                  <th scope="row">Certifications</th>
                  <td>{backup().counts.certifications}</td>
                  <td>{onDevice()?.certifications}</td>
                </tr>
              </tbody>
            </table>
            <Notice tone="warning" title="Restoring replaces everything on this device">
              <p>
                All clients, preparers, records, certifications and settings now on this device will be deleted and replaced by
                the contents of this backup. This cannot be undone. If you may need what is here now, download a backup of it
                first.
              </p>
            </Notice>
            <div class="form-actions">
              <button type="button" class="danger" disabled={busy() !== ''} onClick={() => void replace()}>
                {busy() === 'restore' ? 'Restoring…' : 'Replace everything with this backup'}
              </button>
              <button type="button" disabled={busy() !== ''} onClick={clearChoice}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </Show>
    </section>
  );
}
