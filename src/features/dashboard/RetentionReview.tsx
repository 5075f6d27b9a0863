import { For, Show, createSignal } from 'solid-js';
import { retentionCandidates } from '../../db/retention';
import { purgeRecord, softDeleteRecord } from '../../db/records';
import type { StoredRecord } from '../../db/database';
import { isPastRetention, retentionFor } from '../../domain/retention';
import { formatLong, type IsoDate } from '../../domain/dates';
import type { Settings } from '../../domain/schema';
import { kindMeta, summarize } from '../records/record-kinds';
import { guardStorage } from '../../ui/storage-error';

/**
 * Records past their minimum retention, for the user to dispose of: delete (soft), then purge
 * after a second confirmation. Nothing is disposed of automatically, and a record still inside
 * its retention period cannot be purged (the repository checks again).
 */
export function RetentionReview(props: { settings: Settings; today: IsoDate; clientNames: Map<string, string> }) {
  const [rows, setRows] = createSignal<StoredRecord[] | undefined>();
  const [message, setMessage] = createSignal('');
  const find = async () => {
    const candidates = await retentionCandidates(props.today);
    setRows(candidates.filter((r) => isPastRetention(r, props.today, props.settings)).sort((a, b) => a.date.localeCompare(b.date)));
  };
  const allowed = (r: StoredRecord) => isPastRetention(r, props.today, props.settings);

  return (
    <section class="panel" aria-labelledby="retention-heading" data-testid="retention-review">
      <h2 id="retention-heading">Retention review</h2>
      <p>
        Records kept past their minimum retention period (one year for campaigns, disclosures, supervisory reviews, approvals
        and notices, §§ 64.2007–64.2009; two years for breaches, § 64.2011). Many carriers keep records longer; CPNI Desk never
        disposes of anything by itself.
      </p>
      <button type="button" onClick={() => void find()}>Find records past their retention period</button>
      <Show when={message()}>
        <p role="status" class="success">{message()}</p>
      </Show>
      <Show when={rows()}>
        {(list) => (
          <Show when={list().length} fallback={<p>No record is past its minimum retention period.</p>}>
            <p>{list().length} {list().length === 1 ? 'record is' : 'records are'} past the minimum retention period.</p>
            <table class="table">
              <caption class="visually-hidden">Records past retention</caption>
              <thead>
                <tr>
                  <th scope="col">Record</th>
                  <th scope="col">Client</th>
                  <th scope="col">Keep until</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                <For each={list().slice(0, 200)}>
                  {(r) => {
                    const retention = retentionFor(r, props.settings);
                    return (
                      <tr>
                        <td>
                          <a href={`/records/${r.id}`}>{kindMeta(r.kind).title}</a>, {formatLong(r.date)}
                          <br />
                          <span class="muted">{summarize(r)}</span>
                        </td>
                        <td>{props.clientNames.get(r.clientId)}</td>
                        <td>
                          {formatLong(retention.date)} <span class="muted">({retention.basis === 'rule' ? retention.citation : 'practice, not a rule'})</span>
                        </td>
                        <td>
                          <Show
                            when={r.deletedAt}
                            fallback={
                              <button type="button" onClick={async () => {
                                if (!(await guardStorage('delete the record', () => softDeleteRecord(r.id).then(() => true)))) return;
                                await find();
                                setMessage('Deleted. It can still be restored until it is purged.');
                              }}>
                                Delete
                              </button>
                            }
                          >
                            <button
                              type="button"
                              class="danger"
                              onClick={async () => {
                                if (!window.confirm(`Purge this ${kindMeta(r.kind).title.toLowerCase()} record for good? It cannot be restored.`)) return;
                                const ok = await guardStorage('purge the record', () => purgeRecord(r.id, allowed));
                                if (ok === undefined) return;
                                await find();
                                setMessage(ok ? 'Purged.' : 'Not purged: the record is still inside its retention period or was restored.');
                              }}
                            >
                              Purge
                            </button>
                          </Show>
                        </td>
                      </tr>
                    );
                  }}
                </For>
              </tbody>
            </table>
            <Show when={list().length > 200}>
              <p class="hint">Showing the oldest 200. Dispose of these to see more.</p>
            </Show>
          </Show>
        )}
      </Show>
    </section>
  );
}
