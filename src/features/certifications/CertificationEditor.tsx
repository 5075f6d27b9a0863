import { A, useParams } from '@solidjs/router';
import { For, Match, Show, Switch, createEffect, createMemo, createSignal, on } from 'solid-js';
import { describeStatus } from '../../domain/certification-status';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { createCertificationQuery, getCertification, updateCertification } from '../../db/certifications';
import { backToDraft, markReady, signCertification } from '../../db/certification-steps';
import { createClientQuery } from '../../db/clients';
import { createPreparersQuery } from '../../db/preparers';
import { createSettingsQuery } from '../../db/settings';
import { ADDRESSEE_CAUTION, assemblePackage, certificationAnswers, readinessProblems, type Certification, type CertificationFields } from '../../domain/certification-record';
import { signingProblems } from '../../domain/certification-status';
import { PERSONAL_DETAILS_FINDING } from '../../domain/public-text-check';
import { APP_VERSION } from '../../app/version';
import { canonicalJson } from '../../domain/sha256';
import { certificationDueNote } from '../../domain/deadlines';
import { closureDates } from '../../domain/breach-clock';
import { formatLong, formatWithWeekday, todayLocal } from '../../domain/dates';
import type { Client } from '../../domain/schema';
import type { StoredRecord } from '../../db/database';
import { CheckboxField, SelectField, TextArea, TextField } from '../../ui/fields';
import { Notice, PageHeader } from '../../ui/page';
import { useUnsavedGuard } from '../../ui/unsaved-guard';
import { QuestionnaireForm } from './QuestionnaireForm';
import { StatementRules } from './StatementRules';
import { StatementEditor } from './StatementEditor';
import { LintPanel } from './LintPanel';
import { RecordFacts } from './RecordFacts';
import { SignatureInput } from './SignatureInput';
import { FilingChecklist } from './FilingChecklist';
import { DraftExportPanel, ForSignaturePanel } from './ExportPanel';
import { SignedCertification } from './SignedCertification';
import { freezePackage } from './freeze-package';
import { editorSteps } from './editor-steps';
import { packageFileName } from '../../documents/file-names';
import { ConflictPanel } from '../../ui/ConflictPanel';
import { DraftOffer, useFormDraft } from '../../ui/form-draft';
import { allDifferences, applyChoices, fieldPaths, otherChanges, type Choice, type FieldChange } from '../../domain/conflicts';
import { EDITABLE_CERTIFICATION_FIELDS } from '../../domain/entities';
import { topic } from '../../domain/statement-topics';
import type { TopicId } from '../../domain/statement-answers';

export function CertificationEditor() {
  const params = useParams<{ id: string }>();
  const workspace = createCertificationQuery(() => params.id);
  const clientId = () => workspace.value?.certification.clientId ?? '';
  const client = createClientQuery(clientId);
  // An editor holding unsaved edits stays open when another tab signs the certification: its
  // save then shows the conflict, instead of the edits vanishing with the screen.
  const [editorDirty, setEditorDirty] = createSignal(false);
  return (
    <Switch>
      <Match when={workspace.loading}>
        <p aria-live="polite">Loading certification…</p>
      </Match>
      <Match when={!workspace.value}>
        <PageHeader title="Certification not found" />
        <p>This certification does not exist on this device. <A href="/certifications">Back to certifications</A>.</p>
      </Match>
      <Match when={workspace.value && unreadable(workspace.value.certification)}>
        <PageHeader title="This certification cannot be opened" />
        <p role="alert" class="error">{unreadable(workspace.value!.certification)}</p>
      </Match>
      <Match when={workspace.value && client.value}>
        {/* Signed and filed certifications are read from the package as signed, never drafted again. */}
        <Show
          when={isFrozen(workspace.value!.certification.status) && !editorDirty()}
          fallback={
            <Show when={workspace.value!.certification.id} keyed>
              <Editor certification={workspace.value!.certification} records={workspace.value!.records} client={client.value!} onDirty={setEditorDirty} />
            </Show>
          }
        >
          <Show when={workspace.value!.certification.id} keyed>
            <SignedCertification certification={workspace.value!.certification} records={workspace.value!.records} client={client.value!} />
          </Show>
        </Show>
      </Match>
    </Switch>
  );
}

/** Why the stored answers cannot be read (written by a newer version of the app), or ''. */
function unreadable(cert: Certification): string {
  try {
    certificationAnswers(cert);
    return '';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

const isFrozen = (status: Certification['status']) => status === 'signed' || status === 'filed';

const FIELD_LABELS: Record<string, string> = {
  signatory: 'Signatory',
  preparerId: 'Preparer',
  dateFiled: 'Date filed',
  signatureDate: 'Signature date',
  lintOverrides: 'Overridden checks',
  signature: 'Signature',
  coverLetter: 'Cover letter',
  'answers.simChangeComplianceDate': 'SIM-change compliance date',
  'answers.version': 'Answers version',
  'overrides.dataBrokers': 'Override of the data-broker actions',
  'overrides.complaints': 'Override of the complaints',
  'overrides.pretexting': 'Override of the pretexting attempts',
};

/** A conflicting field in words: "Answers: Training and discipline". */
function certificationFieldLabel(key: string): string {
  const [head, sub, id] = key.split('.');
  if (head === 'answers' && (sub === 'values' || sub === 'topics') && id) {
    const title = topic(id as TopicId)?.title ?? id;
    return sub === 'values' ? `Answers: ${title}` : `Review of “${title}”`;
  }
  if (head === 'sectionEdits' && sub) return `Statement section “${sub}” (your rewrite)`;
  return FIELD_LABELS[key] ?? key;
}

const CONFLICT_CONTAINERS = ['answers', 'answers.values', 'answers.topics', 'sectionEdits', 'overrides'];

type Draft = CertificationFields & { id: string; rev?: number };
/** What a kept draft holds: only the fields this editor changes. */
type EditableFields = Partial<Record<(typeof EDITABLE_CERTIFICATION_FIELDS)[number], unknown>>;

function editableOf(d: Draft | (CertificationFields & { id: string })): EditableFields {
  const out: EditableFields = {};
  for (const key of EDITABLE_CERTIFICATION_FIELDS) out[key] = (d as unknown as Record<string, unknown>)[key];
  return out;
}

function withEditable<D extends object>(d: D, fields: EditableFields): D {
  const next = structuredClone(d) as Record<string, unknown>;
  for (const key of EDITABLE_CERTIFICATION_FIELDS) if (key in fields) next[key] = structuredClone(fields[key]);
  return next as D;
}

function Editor(props: { certification: Certification; records: StoredRecord[]; client: Client; onDirty?: (dirty: boolean) => void }) {
  // eslint-disable-next-line solid/reactivity -- the editor starts from the stored certification once (keyed on its id)
  const initial = structuredClone(unwrap(props.certification)) as CertificationFields & { id: string };
  // Answers stored by an earlier version open in the current shape (saved as such on the next save).
  initial.answers = certificationAnswers(initial);
  const [draft, setDraft] = createStore<CertificationFields & { id: string }>(initial);
  // Compared as canonical JSON, so that the order fields were written in never counts as a change.
  const [saved, setSaved] = createSignal(canonicalJson(initial));
  const [message, setMessage] = createSignal('');
  const settings = createSettingsQuery();
  const preparers = createPreparersQuery();
  const dirty = createMemo(() => canonicalJson(draft) !== saved());
  useUnsavedGuard(dirty);
  createEffect(() => props.onDirty?.(dirty()));
  // The stored certification this draft started from (the base of a comparison), and its revision.
  const [base, setBase] = createSignal<Draft>(structuredClone(initial));
  // eslint-disable-next-line solid/reactivity -- the starting revision; updated after each own write
  const [loadedRev, setLoadedRev] = createSignal(props.certification.rev ?? 0);
  const [conflict, setConflict] = createSignal<{ theirs: Certification; changes: FieldChange[] } | undefined>();
  const [changedElsewhere, setChangedElsewhere] = createSignal(false);

  /** Starts over from the stored certification (after taking the other version, or a change elsewhere with nothing unsaved here). */
  const reloadFrom = (cert: Certification) => {
    const next = structuredClone(unwrap(cert)) as Draft;
    next.answers = certificationAnswers(next);
    setDraft(reconcile(next));
    setSaved(canonicalJson(next));
    setBase(structuredClone(next));
    setLoadedRev(cert.rev ?? 0);
    setConflict(undefined);
    setChangedElsewhere(false);
  };

  // Another tab or window saved it: with nothing unsaved here, this screen follows; otherwise it says so.
  createEffect(
    on(
      () => props.certification.rev,
      (rev) => {
        if (rev === undefined || rev === loadedRev()) return;
        if (!dirty() && !conflict()) reloadFrom(props.certification);
        else setChangedElsewhere(true);
      },
      { defer: true },
    ),
  );

  const drafts = useFormDraft<EditableFields>({
    key: () => `certification:${draft.id}`,
    value: () => editableOf(draft),
    dirty,
    rev: loadedRev,
    base: () => editableOf(base()),
    storedRev: () => props.certification.rev ?? 0,
    restore: (d, stale) => {
      setDraft(reconcile(withEditable(unwrap(draft), d.value)));
      if (stale) {
        setLoadedRev(d.rev ?? 0);
        if (d.base) setBase(withEditable(base(), d.base));
        setChangedElsewhere(true);
      }
    },
  });

  const showConflict = (theirs: Certification) => {
    const mine = unwrap(draft);
    const paths = fieldPaths([base(), mine, theirs], EDITABLE_CERTIFICATION_FIELDS, CONFLICT_CONTAINERS);
    const compare = isFrozen(theirs.status) ? allDifferences : otherChanges;
    setConflict({ theirs: structuredClone(unwrap(theirs)), changes: compare(base(), mine, theirs, paths) });
    setSaveError('');
    setMessage('');
  };

  const conflictNote = () => {
    const c = conflict();
    if (!c) return '';
    if (isFrozen(c.theirs.status))
      return `It is now ${describeStatus(c.theirs, todayLocal()).toLowerCase()}, so your edits cannot be saved to it. Copy what you need, then take the other version; to change it, reopen it as a draft.`;
    if (c.theirs.status !== base().status)
      return `It is now ${describeStatus(c.theirs).toLowerCase()}.${c.theirs.status === 'ready' ? ' Saving your edits puts it back to draft, to be checked and marked ready again.' : ''}`;
    return '';
  };

  const resolveConflict = async (choices: Record<string, Choice>) => {
    const c = conflict();
    if (!c) return;
    const merged = applyChoices(unwrap(draft) as Draft, c.changes, choices);
    // Everything a step sets comes from the stored version: only the editor's fields are mine.
    const next = structuredClone(unwrap(c.theirs)) as Draft;
    next.answers = certificationAnswers(next);
    for (const key of EDITABLE_CERTIFICATION_FIELDS) (next as unknown as Record<string, unknown>)[key] = structuredClone(merged[key]);
    const theirs = structuredClone(unwrap(c.theirs)) as Draft;
    theirs.answers = certificationAnswers(theirs);
    setBase(theirs);
    setSaved(canonicalJson(theirs));
    setLoadedRev(c.theirs.rev ?? 0);
    setDraft(reconcile(next));
    setConflict(undefined);
    setChangedElsewhere(false);
    await save();
  };

  const assembled = createMemo(() => assemblePackage(draft, props.client, props.records, settings.value, todayLocal()));
  const preparer = createMemo(() => preparers.value.find((p) => p.id === draft.preparerId) ?? preparers.value.find((p) => p.isDefault));
  const cal = () => ({ calendar: 'fcc' as const, closures: closureDates(settings.value) });
  const dueNote = () => certificationDueNote(draft.certificationYear, cal());

  const [saveError, setSaveError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  /** After this screen's own write: the draft is what is stored now, at revision `rev`. */
  const afterWrite = async (next: Draft, rev?: number) => {
    const stored = rev === undefined ? await getCertification(next.id) : undefined;
    const at = { ...structuredClone(next), rev: rev ?? stored?.rev ?? loadedRev() };
    setLoadedRev(at.rev);
    setDraft(reconcile(at));
    setSaved(canonicalJson(at));
    drafts.clear();
    setBase(structuredClone(at));
    setChangedElsewhere(false);
  };

  const save = async () => {
    const next = { ...unwrap(draft) } as Draft;
    const { id, ...fields } = next;
    let result;
    try {
      result = await updateCertification(id, fields, 'Saved the certification', loadedRev());
    } catch (e) {
      setSaveError(`Could not save: ${e instanceof Error ? e.message : String(e)} Your changes are still on this screen.`);
      return;
    }
    if (!result.ok) {
      if (result.conflict) return showConflict(result.conflict);
      return setSaveError(`Could not save: ${result.message} Your changes are still on this screen.`);
    }
    setSaveError('');
    const demoted = result.status !== draft.status;
    await afterWrite({ ...next, status: result.status }, result.rev);
    setMessage(demoted ? 'Saved. The certification changed after it was marked ready, so it is a draft again: check it and mark it ready.' : 'Saved.');
  };

  const markReadyToSign = async () => {
    if (readyProblems().length) return setSaveError(`Not marked ready to sign: ${readyProblems().join(' ')}`);
    const { id, ...fields } = { ...unwrap(draft) } as Draft;
    const result = await markReady(id, fields, loadedRev());
    if (!result.ok) {
      if ('conflict' in result && result.conflict) return showConflict(result.conflict);
      return setSaveError(`Not marked ready to sign: ${result.message}`);
    }
    setSaveError('');
    await afterWrite({ ...unwrap(draft), status: 'ready' } as Draft, result.rev);
    setMessage('Marked ready to sign.');
  };

  const returnToDraft = async () => {
    const result = await backToDraft(draft.id);
    if (!result.ok) return setSaveError(result.message);
    setSaveError('');
    await afterWrite({ ...(unwrap(draft) as Draft), status: 'draft' });
    setMessage('Back to draft.');
  };

  const sign = async () => {
    const blockers = [...(dirty() ? ['Save your changes first.'] : []), ...readyProblems(), ...signProblems()];
    if (blockers.length) return setSaveError(`Not marked signed: ${blockers.join(' ')}`);
    setBusy(true);
    setSaveError('');
    try {
      // Rendered once, now, as the officer signs it; the certification is read from this from now on.
      const cert = structuredClone(unwrap(draft)) as CertificationFields & { id: string };
      const frozen = await freezePackage({
        cert,
        assembled: assembled(),
        client: props.client,
        records: props.records,
        settings: settings.value,
        preparer: preparer(),
        documentDate: cert.dateFiled || todayLocal(),
        appVersion: APP_VERSION,
      });
      const result = await signCertification(cert.id, loadedRev(), frozen);
      if (!result.ok) setSaveError(`Not marked signed: ${result.message}`);
    } catch (e) {
      setSaveError(`Not marked signed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const readyProblems = createMemo(() => readinessProblems(draft, assembled()));
  const signProblems = createMemo(() => signingProblems(draft, todayLocal()));
  const publicWarnings = createMemo(() => assembled().findings.filter((f) => f.id === PERSONAL_DETAILS_FINDING));

  return (
    <>
      <PageHeader
        title={`${props.client.legalName}: ${draft.certificationYear} certification`}
        lead={`${assembled().model.titleLine}. ${describeStatus(draft, todayLocal())}.`}
      />
      <Show when={draft.amends}>
        {(a) => (
          <Notice tone="info" title="Amended filing">
            <p>
              This is an amended filing of the <A href={`/certifications/${a().certificationId}`}>certification filed on {formatLong(a().filedOn)}</A>
              {a().ecfsConfirmation ? ` (ECFS ${a().ecfsConfirmation})` : ''}. The certification says so, and the officer signs it again.
            </p>
          </Notice>
        )}
      </Show>
      <Notice tone={assembled().dueDate < todayLocal() && draft.status !== 'filed' ? 'error' : 'info'}>
        <p>
          Due {formatWithWeekday(assembled().dueDate)} in EB Docket No. 06-36 (47 C.F.R. § 64.2009(e); § 1.4(j) moves a weekend or holiday
          deadline to the next business day).
        </p>
        <Show when={dueNote()}>
          <p>{dueNote()}</p>
        </Show>
      </Notice>
      <DraftOffer draft={drafts} what="certification" />
      <Show when={message()}>
        <p role="status" class="success">{message()}</p>
      </Show>
      <Show when={saveError()}>
        <p role="alert" class="error">{saveError()}</p>
      </Show>
      <Show when={changedElsewhere() && !conflict()}>
        <p role="status" class="warning" data-testid="changed-elsewhere">
          This certification was changed in another tab or window. Your unsaved edits are still here; when you save, you will see what changed and choose what to keep.
        </p>
      </Show>
      <Show when={conflict()} keyed>
        {(c) => (
          <ConflictPanel
            changes={c.changes}
            label={certificationFieldLabel}
            note={conflictNote()}
            canKeepMine={!isFrozen(c.theirs.status)}
            onResolve={(choices) => void resolveConflict(choices)}
            onTakeTheirs={() => reloadFrom(c.theirs)}
          />
        )}
      </Show>
      <Show when={!props.client.services.length}>
        <Notice tone="warning" title="No services recorded for this client">
          <p>
            The statement names the services the company provides (wireline, interconnected VoIP, wireless). Add them on the{' '}
            <A href={`/clients/${props.client.id}`}>client's page</A>; until then the statement carries a placeholder that blocks export.
          </p>
        </Notice>
      </Show>

      <nav class="editor-steps" aria-label="Steps of this certification" data-testid="editor-steps">
        <ol>
          <For each={editorSteps(draft, assembled(), todayLocal())}>
            {(step) => (
              <li class={`step step--${step.state}`} data-state={step.state}>
                <a href={`#${step.anchor}`} onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(step.anchor)?.scrollIntoView({ block: 'start' });
                }}>
                  {step.title}
                </a>
                <span class="step-detail">
                  {step.state === 'done' ? '✓ ' : step.state === 'todo' ? 'To do: ' : ''}
                  {step.detail}
                </span>
              </li>
            )}
          </For>
        </ol>
      </nav>

      <fieldset id="step-signatory">
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

      <div id="step-records" />
      <RecordFacts model={assembled().model} overrides={draft.overrides} onOverrides={(o) => setDraft('overrides', reconcile(o))} />

      <section class="panel" aria-labelledby="questionnaire-heading">
        <h2 id="questionnaire-heading">Operating procedures</h2>
        <p class="hint">
          Your answers draft the accompanying statement below, one sentence per answer. The officer certifies {props.client.legalName}'s own
          procedures in {draft.certificationYear - 1}: every topic must be answered, and answers filled from samples or carried over from last
          year must be reviewed and confirmed, before the certification can be ready to sign.
        </p>
        <StatementRules
          certificationYear={draft.certificationYear}
          services={props.client.services}
          settings={settings.value}
          simChangeComplianceDate={draft.answers.simChangeComplianceDate}
          onSimChangeComplianceDate={(d) => setDraft('answers', 'simChangeComplianceDate', d)}
        />
        <QuestionnaireForm
          answers={draft.answers}
          context={{ services: props.client.services, coveredYear: draft.certificationYear - 1 }}
          onChange={(a) => setDraft('answers', reconcile(a))}
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

      <div id="step-checks" />
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
        <button type="button" class="primary" onClick={() => void save()} disabled={!dirty() || busy()}>
          Save certification
        </button>
        <Show when={dirty()}>
          <span class="hint" aria-live="polite">Unsaved changes</span>
        </Show>
      </div>

      <div id="step-export" />
      <DraftExportPanel
        certification={draft}
        assembled={assembled()}
        client={props.client}
        preparer={preparer()}
        blockedReason={assembled().blocked ? 'Export is blocked by errors in the checks: fix them or override them with a reason.' : ''}
      />
      <Show when={draft.status === 'ready'}>
        <ForSignaturePanel
          certificationId={props.certification.id}
          certification={draft}
          assembled={assembled()}
          client={props.client}
          preparer={preparer()}
          blockedReason={
            assembled().blocked
              ? 'Export is blocked by errors in the checks: fix them or override them with a reason.'
              : dirty()
                ? 'Save your changes first: the officer signs the text as saved.'
                : ''
          }
        />
      </Show>

      <section class="panel" aria-labelledby="status-heading" data-testid="status-panel">
        <h2 id="status-heading">Status: {describeStatus(draft, todayLocal())}</h2>
        <Switch>
          <Match when={draft.status === 'draft'}>
            <Show when={readyProblems().length} fallback={<button type="button" class="primary" onClick={() => void markReadyToSign()}>Mark ready to sign</button>}>
              <p>Before it is ready:</p>
              <ul>
                <For each={readyProblems()}>{(p) => <li>{p}</li>}</For>
              </ul>
            </Show>
          </Match>
          <Match when={draft.status === 'ready'}>
            <p>
              Have the officer review the draft and sign it ({draft.signature.kind === 'typed' ? `/s/ ${draft.signatory.name}` : 'signature image'}), then mark it
              signed on the signature date. Marking it signed keeps the package exactly as it is now: later changes to the records, the client or the answers
              do not change it.
            </p>
            <Show when={publicWarnings().length}>
              <Notice tone="warning" title="Check the public summaries before signing: the filing is public">
                <ul data-testid="sign-warnings">
                  <For each={publicWarnings()}>{(w) => <li>{w.message}</li>}</For>
                </ul>
              </Notice>
            </Show>
            <Show when={signProblems().length}>
              <ul class="hint" data-testid="signing-problems">
                <For each={signProblems()}>{(p) => <li>{p}</li>}</For>
              </ul>
            </Show>
            <button type="button" class="primary" disabled={busy() || dirty() || signProblems().length > 0} onClick={() => void sign()}>
              {busy() ? 'Signing…' : 'Mark signed'}
            </button>{' '}
            <button type="button" disabled={busy()} onClick={() => void returnToDraft()}>Back to draft</button>
          </Match>
        </Switch>
      </section>

      <FilingChecklist client={props.client} preparer={preparer()} fileName={packageFileName(props.client.legalName, draft.certificationYear)} />
    </>
  );
}
