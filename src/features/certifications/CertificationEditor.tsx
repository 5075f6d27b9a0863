import { describeStatus } from '../../domain/certification-status';
import { A, useParams } from '@solidjs/router';
import { For, Match, Show, Switch, createMemo, createSignal } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { createCertificationQuery, updateCertification } from '../../db/certifications';
import { createClientQuery } from '../../db/clients';
import { createPreparersQuery } from '../../db/preparers';
import { createSettingsQuery } from '../../db/settings';
import { ADDRESSEE_CAUTION, assemblePackage, filedProblems, readinessProblems, type Certification, type CertificationFields } from '../../domain/certification-record';
import { certificationDueNote } from '../../domain/deadlines';
import { closureDates } from '../../domain/breach-clock';
import { formatWithWeekday, todayLocal } from '../../domain/dates';
import type { Client } from '../../domain/schema';
import type { StoredRecord } from '../../db/database';
import { CheckboxField, SelectField, TextArea, TextField } from '../../ui/fields';
import { Notice, PageHeader } from '../../ui/page';
import { useUnsavedGuard } from '../../ui/unsaved-guard';
import { QuestionnaireForm } from './QuestionnaireForm';
import { StatementEditor } from './StatementEditor';
import { LintPanel } from './LintPanel';
import { RecordFacts } from './RecordFacts';
import { SignatureInput } from './SignatureInput';
import { FilingChecklist } from './FilingChecklist';
import { ExportPanel } from './ExportPanel';
import { packageFileName } from '../../documents/file-names';

export function CertificationEditor() {
  const params = useParams<{ id: string }>();
  const workspace = createCertificationQuery(() => params.id);
  const clientId = () => workspace.value?.certification.clientId ?? '';
  const client = createClientQuery(clientId);
  return (
    <Switch>
      <Match when={workspace.loading}>
        <p aria-live="polite">Loading certification…</p>
      </Match>
      <Match when={!workspace.value}>
        <PageHeader title="Certification not found" />
        <p>This certification does not exist on this device. <A href="/certifications">Back to certifications</A>.</p>
      </Match>
      <Match when={workspace.value && client.value}>
        <Show when={workspace.value!.certification.id} keyed>
          <Editor certification={workspace.value!.certification} records={workspace.value!.records} client={client.value!} />
        </Show>
      </Match>
    </Switch>
  );
}

function Editor(props: { certification: Certification; records: StoredRecord[]; client: Client }) {
  // eslint-disable-next-line solid/reactivity -- the editor starts from the stored certification once (keyed on its id)
  const initial = structuredClone(unwrap(props.certification)) as CertificationFields & { id: string };
  const [draft, setDraft] = createStore<CertificationFields & { id: string }>(initial);
  const [saved, setSaved] = createSignal(JSON.stringify(initial));
  const [message, setMessage] = createSignal('');
  const settings = createSettingsQuery();
  const preparers = createPreparersQuery();
  const dirty = createMemo(() => JSON.stringify(draft) !== saved());
  useUnsavedGuard(dirty);

  const assembled = createMemo(() => assemblePackage(draft, props.client, props.records, settings.value));
  const preparer = createMemo(() => preparers.value.find((p) => p.id === draft.preparerId) ?? preparers.value.find((p) => p.isDefault));
  const cal = () => ({ calendar: 'fcc' as const, closures: closureDates(settings.value) });
  const dueNote = () => certificationDueNote(draft.certificationYear, cal());

  const [saveError, setSaveError] = createSignal('');
  const save = async (change: Partial<CertificationFields> = {}, summary = 'Saved the certification') => {
    const wasAhead = draft.status === 'ready' || draft.status === 'signed';
    const edited = dirty();
    const advancing = change.status === 'ready' || change.status === 'signed' || change.status === 'filed';
    // Ready, signed and filed all rest on the checks: never advance past problems.
    const blockers = advancing ? [...readyProblems(), ...(change.status === 'filed' ? filingProblems() : [])] : [];
    if (blockers.length) {
      setSaveError(`Not marked ${change.status}: ${blockers.join(' ')}`);
      return;
    }
    const next = { ...unwrap(draft), ...change } as CertificationFields & { id: string };
    const demoted = wasAhead && edited && !change.status;
    if (demoted) next.status = 'draft';
    const { id, ...fields } = next;
    try {
      await updateCertification(id, fields, summary);
    } catch (e) {
      setSaveError(`Could not save: ${e instanceof Error ? e.message : String(e)} Your changes are still on this screen.`);
      return;
    }
    setSaveError('');
    setDraft(reconcile(structuredClone(next)));
    setSaved(JSON.stringify(next));
    setMessage(demoted ? 'Saved. The certification changed after it was marked ready, so it is a draft again: check it and mark it ready.' : 'Saved.');
  };

  const readyProblems = createMemo(() => readinessProblems(draft, assembled()));
  const filingProblems = createMemo(() => filedProblems(draft, todayLocal()));

  return (
    <>
      <PageHeader
        title={`${props.client.legalName}: ${draft.certificationYear} certification`}
        lead={`${assembled().model.titleLine}. ${describeStatus(draft)}.`}
      />
      <Notice tone={assembled().dueDate < todayLocal() && draft.status !== 'filed' ? 'error' : 'info'}>
        <p>
          Due {formatWithWeekday(assembled().dueDate)} in EB Docket No. 06-36 (47 C.F.R. § 64.2009(e); § 1.4(j) moves a weekend or holiday
          deadline to the next business day).
        </p>
        <Show when={dueNote()}>
          <p>{dueNote()}</p>
        </Show>
      </Notice>
      <Show when={message()}>
        <p role="status" class="success">{message()}</p>
      </Show>
      <Show when={draft.status === 'filed'}>
        <Notice tone="info" title="Filed">
          <p>This is the record of what was filed. Changing it here does not change the filing; a correction is filed as a new submission in EB Docket No. 06-36.</p>
        </Notice>
      </Show>
      <Show when={saveError()}>
        <p role="alert" class="error">{saveError()}</p>
      </Show>
      <Show when={!props.client.services.length}>
        <Notice tone="warning" title="No services recorded for this client">
          <p>
            The statement names the services the company provides (wireline, interconnected VoIP, wireless). Add them on the{' '}
            <A href={`/clients/${props.client.id}`}>client's page</A>; until then the statement carries a placeholder that blocks export.
          </p>
        </Notice>
      </Show>

      <fieldset>
        <legend>Signatory and dates</legend>
        <Show when={props.client.officers.length}>
          <SelectField
            label="Choose an officer"
            value={props.client.officers.find((o) => o.name === draft.signatory.name && o.title === draft.signatory.title)?.id ?? ''}
            placeholder="—"
            options={props.client.officers.map((o) => ({ value: o.id, label: `${o.name}, ${o.title}` }))}
            onValue={(id) => {
              const o = props.client.officers.find((x) => x.id === id);
              if (o) setDraft('signatory', { name: o.name, title: o.title });
            }}
          />
        </Show>
        <div class="row">
          <TextField label="Signatory name" value={draft.signatory.name} onValue={(v) => setDraft('signatory', 'name', v)} />
          <TextField label="Signatory title" value={draft.signatory.title} onValue={(v) => setDraft('signatory', 'title', v)} hint="Must be an officer of the company (§ 64.2009(e))." />
        </div>
        <div class="row">
          <TextField label="Date filed" type="date" value={draft.dateFiled} onValue={(v) => setDraft('dateFiled', v)} hint="The day you will submit it on ECFS; printed on the certification and the cover letter." />
          <TextField label="Signature date" type="date" value={draft.signatureDate} onValue={(v) => setDraft('signatureDate', v)} hint="On or before the date filed." />
        </div>
        <SelectField
          label="Preparer (signs the cover letter)"
          value={draft.preparerId}
          placeholder={preparer() ? `Default: ${preparer()!.name}` : 'No preparer yet: add one in Settings'}
          options={preparers.value.map((p) => ({ value: p.id, label: p.firm ? `${p.name}, ${p.firm}` : p.name }))}
          onValue={(v) => setDraft('preparerId', v)}
        />
      </fieldset>

      <RecordFacts model={assembled().model} overrides={draft.overrides} onOverrides={(o) => setDraft('overrides', reconcile(o))} />

      <section class="panel" aria-labelledby="questionnaire-heading">
        <h2 id="questionnaire-heading">Operating procedures</h2>
        <p class="hint">Your answers draft the accompanying statement below. It must explain how the procedures ensure compliance, not only that they exist.</p>
        <Show when={!draft.answersReviewedOn}>
          <Notice tone="warning" title="These answers start from sample procedures">
            <p>
              CPNI Desk fills the questionnaire with typical procedures of a small carrier so the statement reads well from the start. The
              officer certifies the company's own procedures: change every answer that is not how {props.client.legalName} works, then confirm below.
            </p>
          </Notice>
        </Show>
        <QuestionnaireForm answers={draft.answers} onChange={(a) => setDraft('answers', reconcile(a))} />
        <CheckboxField
          label={`These answers describe ${props.client.legalName}'s actual procedures in ${draft.certificationYear - 1}`}
          hint={draft.answersReviewedOn ? `Confirmed on ${formatWithWeekday(draft.answersReviewedOn)}.` : 'Required before the certification is ready to sign.'}
          checked={!!draft.answersReviewedOn}
          onChecked={(on) => setDraft('answersReviewedOn', on ? todayLocal() : '')}
        />
      </section>

      <section class="panel" aria-labelledby="statement-heading">
        <h2 id="statement-heading">Accompanying statement</h2>
        <StatementEditor
          sections={assembled().sections}
          edits={draft.sectionEdits}
          onEdit={(id, body) => {
            const next = { ...unwrap(draft.sectionEdits) };
            if (body === undefined) delete next[id];
            else next[id] = body;
            setDraft('sectionEdits', reconcile(next));
          }}
        />
      </section>

      <LintPanel findings={assembled().findings} overrides={draft.lintOverrides} onOverrides={(o) => setDraft('lintOverrides', reconcile(o))} />

      <fieldset>
        <legend>Cover letter</legend>
        <CheckboxField label="Include a cover letter from the preparer" checked={draft.coverLetter.include} onChecked={(v) => setDraft('coverLetter', 'include', v)} />
        <Show when={draft.coverLetter.include}>
          <Notice tone="warning" title="Check the addressee">
            <p>{ADDRESSEE_CAUTION}</p>
          </Notice>
          <TextArea label="Addressee (one line each)" rows={5} value={draft.coverLetter.addressee.join('\n')} onValue={(v) => setDraft('coverLetter', 'addressee', v.split('\n'))} />
          <TextArea label="Letter body" rows={5} value={draft.coverLetter.body} onValue={(v) => setDraft('coverLetter', 'body', v)} />
          <TextArea label="cc (one per line)" rows={2} value={draft.coverLetter.cc.join('\n')} onValue={(v) => setDraft('coverLetter', 'cc', v.split('\n').filter((l) => l.trim()))} />
        </Show>
      </fieldset>

      <SignatureInput value={draft.signature} signatoryName={draft.signatory.name} onChange={(s) => setDraft('signature', reconcile(s))} />

      <div class="form-actions sticky-actions">
        <button type="button" class="primary" onClick={() => void save()} disabled={!dirty()}>
          Save certification
        </button>
        <Show when={dirty()}>
          <span class="hint" aria-live="polite">Unsaved changes</span>
        </Show>
      </div>

      <ExportPanel
        certification={draft}
        assembled={assembled()}
        client={props.client}
        preparer={preparer()}
        blockedReason={assembled().blocked ? 'Export is blocked by errors in the checks: fix them or override them with a reason.' : ''}
      />

      <section class="panel" aria-labelledby="status-heading" data-testid="status-panel">
        <h2 id="status-heading">Status: {describeStatus(draft)}</h2>
        <Switch>
          <Match when={draft.status === 'draft'}>
            <Show when={readyProblems().length} fallback={<button type="button" class="primary" onClick={() => void save({ status: 'ready' }, 'Marked ready')}>Mark ready to sign</button>}>
              <p>Before it is ready:</p>
              <ul>
                <For each={readyProblems()}>{(p) => <li>{p}</li>}</For>
              </ul>
            </Show>
          </Match>
          <Match when={draft.status === 'ready'}>
            <p>Have the officer sign it ({draft.signature.kind === 'typed' ? `/s/ ${draft.signatory.name}` : 'signature image'}), then record it.</p>
            <button type="button" class="primary" onClick={() => void save({ status: 'signed', filedOn: draft.filedOn || draft.dateFiled }, 'Marked signed')}>Mark signed</button>{' '}
            <button type="button" onClick={() => void save({ status: 'draft' }, 'Back to draft')}>Back to draft</button>
          </Match>
          <Match when={draft.status === 'signed'}>
            <div class="row">
              <TextField label="Filed on" type="date" value={draft.filedOn} onValue={(v) => setDraft('filedOn', v)} />
              <TextField label="ECFS confirmation number" value={draft.ecfsConfirmation} onValue={(v) => setDraft('ecfsConfirmation', v)} />
            </div>
            <Show when={filingProblems().length}>
              <ul class="hint" data-testid="filing-problems">
                <For each={filingProblems()}>{(p) => <li>{p}</li>}</For>
              </ul>
            </Show>
            <Show when={draft.ecfsConfirmation.trim() && !/^\d+$/.test(draft.ecfsConfirmation.trim())}>
              <p class="warning">ECFS confirmation numbers we have seen are all digits; check this one against the ECFS receipt.</p>
            </Show>
            <button
              type="button"
              class="primary"
              disabled={filingProblems().length > 0}
              onClick={() => void save({ status: 'filed' }, `Filed on ${draft.filedOn}, ECFS ${draft.ecfsConfirmation}`)}
            >
              Mark filed
            </button>{' '}
            <button type="button" onClick={() => void save({ status: 'draft' }, 'Back to draft')}>Back to draft</button>
          </Match>
          <Match when={draft.status === 'filed'}>
            <p>Keep the filed certification, its attachments and the ECFS confirmation at least two years (practice; the rule sets no period).</p>
          </Match>
        </Switch>
      </section>

      <FilingChecklist client={props.client} preparer={preparer()} fileName={packageFileName(props.client.legalName, draft.certificationYear)} />
    </>
  );
}
