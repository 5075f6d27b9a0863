import { A, useNavigate, useParams } from '@solidjs/router';
import { For, Match, Show, Switch, createMemo, createSignal } from 'solid-js';
import { createClientQuery } from '../../db/clients';
import { createClientNoticesQuery, createRecordQuery, restoreRecord, saveRecord, softDeleteRecord } from '../../db/records';
import { createSettingsQuery } from '../../db/settings';
import type { StoredRecord } from '../../db/database';
import { formatLong, isIsoDate, todayLocal } from '../../domain/dates';
import { Notice, PageHeader } from '../../ui/page';
import { RecordForm } from './RecordForm';
import { draftFromRecord, isFieldShown } from './record-draft';
import { kindMeta, optionLabel, type FieldDescriptor } from './record-kinds';
import { hasLiveClocks, recordClocks, retentionLine } from './record-clocks';
import { ClockList } from './ClockList';
import { OptOutLetterPanel } from './OptOutLetterPanel';
import type { OptOutFailureRecord } from '../../domain/records';
import { recordsHref } from './records-href';
import { UndoToast, offerUndo } from './UndoToast';
import './records.css';
import { guardStorage } from '../../ui/storage-error';
import { hasDraft } from '../../ui/draft-store';
import { draftOpenElsewhere } from '../../ui/form-draft';
import { ChangeHistory } from '../../ui/ChangeHistory';
import { formatCount } from '../../domain/counts';

export function RecordDetail() {
  const params = useParams<{ id: string }>();
  const record = createRecordQuery(() => params.id);

  return (
    <Switch>
      <Match when={record.loading && !record.value}>
        <p aria-live="polite">Loading the record…</p>
      </Match>
      <Match when={!record.value}>
        <PageHeader title="Record not found" />
        <p>
          This record is not on this device; it may have been purged. <A href="/records">Back to records</A>.
        </p>
      </Match>
      <Match when={record.value}>
        {(r) => (
          // Keyed on the id: another record's page never inherits this one's edit state.
          <Show when={r().id} keyed>
            <RecordPage record={r()} />
          </Show>
        )}
      </Match>
    </Switch>
  );
}

function RecordPage(props: { record: StoredRecord }) {
  const navigate = useNavigate();
  const settings = createSettingsQuery();
  const client = createClientQuery(() => props.record.clientId);
  const today = todayLocal();
  // A draft left by a reload or a crash opens the form, where it is offered back; a draft that
  // another tab is still typing into stays there, and this tab opens the record as usual.
  const [editing, setEditing] = createSignal(false);
  const [editedElsewhere, setEditedElsewhere] = createSignal(false);
  // eslint-disable-next-line solid/reactivity -- checked once, when the page opens
  const draftKey = `record:${props.record.id}`;
  if (hasDraft(draftKey)) void draftOpenElsewhere(draftKey).then((elsewhere) => (elsewhere ? setEditedElsewhere(true) : setEditing(true)));
  const [message, setMessage] = createSignal('');
  const meta = () => kindMeta(props.record.kind);
  const title = () => `${meta().title}, ${formatLong(props.record.date)}`;
  // A later opt-out notice of the same client does this one's two-year refresh (§ 64.2008(d)(2)).
  const notices = createClientNoticesQuery(() => (props.record.kind === 'notice' ? props.record.clientId : ''));
  const clocks = createMemo(() => recordClocks(props.record, settings.value, today, notices.value, settings.value?.dueSoonDays));
  const retention = createMemo(() => retentionLine(props.record, settings.value, today));
  // While editing, the form shows the clocks of the dates being typed in their place.
  const liveClocks = () => editing() && hasLiveClocks(props.record.kind);
  const listHref = () => recordsHref('/records', { client: props.record.clientId });

  const remove = async () => {
    const id = props.record.id;
    if (!(await guardStorage('delete the record', () => softDeleteRecord(id).then(() => true)))) return;
    offerUndo(props.record.id, `Deleted the ${meta().title.toLowerCase()} of ${formatLong(props.record.date)}.`);
    navigate(listHref());
  };
  const restore = async () => {
    const id = props.record.id;
    if (!(await guardStorage('restore the record', () => restoreRecord(id).then(() => true)))) return;
    setMessage('Restored. The record is back in the lists.');
  };

  return (
    <>
      <PageHeader
        title={title()}
        lead={`${client.value?.legalName ?? 'Client'} · ${meta().description}`}
        actions={
          <Show when={!editing()}>
            <Show
              when={!props.record.deletedAt}
              fallback={
                <button type="button" class="primary" onClick={restore}>
                  Restore
                </button>
              }
            >
              <button type="button" class="primary" onClick={() => (setMessage(''), setEditing(true))}>
                Edit
              </button>
              <button type="button" onClick={remove}>
                Delete
              </button>
            </Show>
          </Show>
        }
      />
      <UndoToast />
      <p>
        <A href={listHref()}>Back to {client.value?.legalName ?? 'the'} records</A>
      </p>
      <Show when={props.record.deletedAt}>
        {(at) => (
          <Notice tone="warning" title="This record is deleted">
            <p>
              Deleted on {formatLong(todayLocal(new Date(at())))}. It is hidden from lists, deadlines and certifications until you restore
              it. It is kept until you purge it after its retention period.
            </p>
          </Notice>
        )}
      </Show>
      <Show when={message()}>
        <Notice tone="success">
          <p role="status">{message()}</p>
        </Notice>
      </Show>
      <Show when={editedElsewhere() && !editing()}>
        <Notice tone="warning">
          <p data-testid="edited-elsewhere">This record is being edited in another tab or window, which keeps what is typed there until it is saved. Editing it here too may mean choosing between the two versions when the second one is saved.</p>
        </Notice>
      </Show>

      <Show when={clocks().lines.length > 0 && !liveClocks()}>
        <section class="panel" aria-labelledby="clocks-heading">
          <h2 id="clocks-heading">Clocks</h2>
          <ClockList lines={clocks().lines} testId="record-clocks" />
          <Show when={clocks().notes.length > 0}>
            <h3>Notes</h3>
            <ul class="clock-notes">
              <For each={clocks().notes}>{(n) => <li>{n}</li>}</For>
            </ul>
          </Show>
        </section>
      </Show>

      <Show when={props.record.kind === 'optOutFailure' && !props.record.deletedAt}>
        <OptOutLetterPanel record={props.record as OptOutFailureRecord} />
      </Show>

      <Show when={!liveClocks()}>
        <section class="panel" aria-labelledby="retention-heading" data-testid="record-retention">
          <h2 id="retention-heading">Retention</h2>
          <p>
            <strong>May be disposed of from {formatLong(retention().date)}</strong> ({retention().basis === 'rule' ? 'set by rule' : 'practice, not a rule'})
          </p>
          <p>{retention().stateText}</p>
          <p class="clock-meta">{retention().basisText}</p>
          <Show when={retention().note}>
            <p class="clock-meta">{retention().note}</p>
          </Show>
        </section>
      </Show>

      <section class="panel" aria-labelledby="details-heading">
        <h2 id="details-heading">{editing() ? 'Edit the record' : 'Details'}</h2>
        <Show when={editing()} fallback={<RecordFields record={props.record} />}>
          <RecordForm
            kind={props.record.kind}
            clientId={props.record.clientId}
            initial={draftFromRecord(props.record.kind, props.record as unknown as Record<string, unknown>)}
            submitLabel="Save changes"
            rev={props.record.rev}
            draftKey={draftKey}
            onSave={(input, rev) => saveRecord(props.record.kind, props.record.clientId, input, props.record.id, rev)}
            onSaved={() => {
              setEditing(false);
              setMessage('Saved.');
              queueMicrotask(() => document.querySelector<HTMLElement>('main h1')?.focus());
            }}
            onCancel={() => setEditing(false)}
          />
        </Show>
      </section>

      <ChangeHistory entity="record" entityId={props.record.id} />
    </>
  );
}

function groups(fields: readonly FieldDescriptor[], fallback: string) {
  const out: { legend: string; fields: FieldDescriptor[] }[] = [];
  for (const f of fields) {
    const legend = f.group ?? fallback;
    const last = out[out.length - 1];
    if (last?.legend === legend) last.fields.push(f);
    else out.push({ legend, fields: [f] });
  }
  return out;
}

function RecordFields(props: { record: StoredRecord }) {
  const meta = () => kindMeta(props.record.kind);
  const values = () => props.record as unknown as Record<string, unknown>;
  const draft = () => draftFromRecord(props.record.kind, values());
  const sections = () => groups(meta().fields, '');
  return (
    <div data-testid="record-fields">
      <For each={sections()}>
        {(section) => (
          <>
            <Show when={section.legend}>
              <h3>{section.legend}</h3>
            </Show>
            <dl class="record-fields">
              <For each={section.fields.filter((f) => isFieldShown(f, draft()))}>
                {(f) => (
                  <>
                    <dt>{f.label}</dt>
                    <dd>
                      <FieldValue field={f} value={values()[f.name]} />
                    </dd>
                  </>
                )}
              </For>
            </dl>
          </>
        )}
      </For>
    </div>
  );
}

function FieldValue(props: { field: FieldDescriptor; value: unknown }) {
  const empty = <span class="muted">Not recorded</span>;
  return (
    <Switch fallback={typeof props.value === 'string' && props.value ? props.value : empty}>
      <Match when={props.field.control === 'checkbox'}>{props.value === true ? 'Yes' : 'No'}</Match>
      <Match when={props.value === '' || props.value === undefined}>{empty}</Match>
      <Match when={props.field.linksTo}>
        <A href={`/records/${String(props.value)}`}>View the linked {kindMeta(props.field.linksTo!).title.toLowerCase()}</A>
      </Match>
      <Match when={props.field.control === 'date' && isIsoDate(props.value)}>{formatLong(props.value as string)}</Match>
      <Match when={props.field.control === 'select'}>{optionLabel(props.field, String(props.value))}</Match>
      <Match when={typeof props.value === 'number'}>{formatCount(props.value as number)}</Match>
    </Switch>
  );
}
