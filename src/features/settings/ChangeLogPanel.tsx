import { Show, createSignal } from 'solid-js';
import { verifyChangeLog } from '../../db/change-log';
import { createSettingsQuery, updateSettings } from '../../db/settings';
import { guardStorage } from '../../ui/storage-error';
import type { ChainCheck } from '../../domain/change-chain';
import { formatLong, todayLocal } from '../../domain/dates';
import { describeStorageError } from '../../domain/storage-errors';
import { formatCount } from '../../domain/counts';

const n = formatCount;

/** The change log proves itself: every entry is hash-chained to the one before; "Verify" finds the first broken link. */
export function ChangeLogPanel() {
  const [result, setResult] = createSignal<ChainCheck | undefined>();
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const settings = createSettingsQuery();
  const [name, setName] = createSignal<string | undefined>();
  const [nameMessage, setNameMessage] = createSignal('');
  const [nameError, setNameError] = createSignal('');
  const saveName = async () => {
    const value = (name() ?? settings.value.userName).trim();
    setNameMessage('');
    if (value.length > 100) return setNameError('Use at most 100 characters.');
    setNameError('');
    const saved = await guardStorage('save your name', () => updateSettings({ userName: value }, value ? `Set the change log's name to ${value}` : 'Removed the change log’s name'));
    if (saved === undefined) return;
    if (!saved.ok) return setNameError(Object.values(saved.errors)[0] ?? 'The name could not be saved.');
    setName(undefined);
    setNameMessage(value ? `Saved. New entries in the change log name ${value}.` : 'Saved. New entries in the change log name nobody.');
  };
  const verify = async () => {
    setBusy(true);
    setError('');
    try {
      setResult(await verifyChangeLog());
    } catch (e) {
      const problem = describeStorageError(e, 'read the change log');
      setError(`${problem.title} ${problem.todo}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="change-log-heading" data-testid="change-log-panel">
      <h2 id="change-log-heading">Change log</h2>
      <p>
        Every change to a client, record, certification, preparer or setting is logged with its time. Each entry carries a SHA-256 hash over the
        entry and the hash of the one before it, so an entry changed, removed or moved afterwards breaks the chain from that point on. The newest
        entry’s number and hash are also kept apart from the log (and in each backup’s header), so removing the newest entries shows
        too. Each entry names who made the change (the author set below) and what changed, field by field. The log travels in backups.
      </p>
      <form
        class="form form--inline"
        aria-label="Change log author"
        onSubmit={(e) => {
          e.preventDefault();
          void saveName();
        }}
      >
        <div class="field">
          <label for="change-log-user">Changes recorded as</label>
          <input
            id="change-log-user"
            type="text"
            autocomplete="name"
            maxLength={100}
            value={name() ?? settings.value.userName}
            aria-invalid={nameError() ? 'true' : undefined}
            aria-describedby="change-log-user-hint"
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <p class="hint" id="change-log-user-hint">
            Each change made on this device is logged under this name. It is kept on this device and in backups.
          </p>
          <Show when={nameError()}>
            <p class="error" role="alert">{nameError()}</p>
          </Show>
        </div>
        <button type="submit" disabled={settings.loading}>
          Set the change log author
        </button>
        <Show when={nameMessage()}>
          <p role="status" class="success">{nameMessage()}</p>
        </Show>
      </form>
      <button type="button" disabled={busy()} onClick={() => void verify()} data-testid="verify-change-log">
        {busy() ? 'Verifying…' : 'Verify the change log'}
      </button>
      <Show when={error()}>
        <p class="error" role="alert">{error()}</p>
      </Show>
      <Show when={result()}>
        {(r) => (
          <p role="status" class={r().ok ? 'success' : 'error'} data-testid="change-log-result">
            {(() => {
              const c = r();
              const before = c.unchained ? ` ${n(c.unchained)} older ${c.unchained === 1 ? 'entry was' : 'entries were'} written before the chain began and are not covered.` : '';
              if (c.ok) return `All ${n(c.chained)} chained ${c.chained === 1 ? 'entry checks' : 'entries check'} out${c.firstChainedAt ? `, from ${formatLong(todayLocal(new Date(c.firstChainedAt)))}` : ''}.${before}`;
              if (c.truncated)
                return `The log ends at entry ${n(c.truncated.endsAt)} but entry ${n(c.truncated.recorded)} was recorded${c.truncated.recordedAt ? ` (${formatLong(todayLocal(new Date(c.truncated.recordedAt)))})` : ''}: ${c.truncated.recorded - c.truncated.endsAt === 1 ? 'the newest entry was' : `the newest ${n(c.truncated.recorded - c.truncated.endsAt)} entries were`} removed. The ${n(c.chained)} ${c.chained === 1 ? 'entry' : 'entries'} still there check out.${before}`;
              return `The chain is broken at entry ${c.broken.seq ?? '?'} (${formatLong(todayLocal(new Date(c.broken.at)))}, “${c.broken.summary}”): ${c.broken.reason}. The ${n(c.chained)} ${c.chained === 1 ? 'entry' : 'entries'} before it check out.${before}`;
            })()}
          </p>
        )}
      </Show>
    </section>
  );
}
