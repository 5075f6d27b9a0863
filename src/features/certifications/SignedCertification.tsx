import { A, useNavigate } from '@solidjs/router';
import { For, Match, Show, Switch, createMemo, createSignal } from 'solid-js';
import { createSignedPackageQuery, markFiled, reopenAsDraft, startAmendedFiling } from '../../db/certification-steps';
import { createPreparersQuery } from '../../db/preparers';
import { createSettingsQuery } from '../../db/settings';
import type { StoredRecord } from '../../db/database';
import { filedDateNote, filedProblems, type Certification } from '../../domain/certification-record';
import { describeStatus } from '../../domain/certification-status';
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS } from '../../domain/records';
import { changesSinceSigning, filedTextHash, packageSources, shortFingerprint } from '../../domain/signed-package';
import { formatLong, todayLocal } from '../../domain/dates';
import type { Client } from '../../domain/schema';
import type { PdfDocument } from '../../documents/model';
import { APP_VERSION } from '../../app/version';
import { TextField } from '../../ui/fields';
import { Notice, PageHeader } from '../../ui/page';
import { FilingChecklist } from './FilingChecklist';
import { SignedExportPanel } from './ExportPanel';
import { SignedDocuments } from './SignedDocuments';
import { answerLabel } from './answer-labels';

/**
 * A signed or filed certification: read from the package as it was signed, never assembled
 * again. What changed in the records, the client or the answers since is listed, and the
 * package stays as signed until the user reopens it (signed) or starts an amended filing (filed).
 */
export function SignedCertification(props: { certification: Certification; records: StoredRecord[]; client: Client }) {
  const navigate = useNavigate();
  const pkg = createSignedPackageQuery(() => props.certification.signedPackageId);
  const settings = createSettingsQuery();
  const preparers = createPreparersQuery();
  const cert = () => props.certification;
  const today = todayLocal();
  const status = () => describeStatus(cert(), today);
  const [filedOn, setFiledOn] = createSignal(cert().filedOn || cert().dateFiled);
  const [ecfs, setEcfs] = createSignal(cert().ecfsConfirmation);
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [confirmReopen, setConfirmReopen] = createSignal(false);

  const preparer = createMemo(() => preparers.value.find((p) => p.id === cert().preparerId) ?? preparers.value.find((p) => p.isDefault));
  const changes = createMemo(() => {
    const signed = pkg.value;
    if (!signed) return [];
    // Compared only once the settings and preparers have loaded, so nothing is reported that has not changed.
    if (settings.loading || preparers.loading) return [];
    const now = packageSources(cert(), props.client, props.records, settings.value, cert().coverLetter.include ? preparer() : undefined);
    return changesSinceSigning(signed.sources, now, props.records, answerLabel);
  });
  const facts = () => pkg.value?.content.facts;
  const documents = () => (pkg.value?.content.documents ?? []) as PdfDocument[];
  const title = () => `${pkg.value?.sources.client.legalName ?? props.client.legalName}: ${cert().certificationYear} certification`;
  const filing = createMemo(() => filedProblems({ certificationYear: cert().certificationYear, filedOn: filedOn(), ecfsConfirmation: ecfs(), signatureDate: cert().signatureDate }, today));

  const step = async (run: () => Promise<{ ok: true } | { ok: false; message: string }>) => {
    setBusy(true);
    setError('');
    try {
      const result = await run();
      if (!result.ok) setError(result.message);
      return result;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={title()} lead={`Annual 47 C.F.R. § 64.2009(e) CPNI Certification for ${cert().certificationYear} covering calendar year ${cert().certificationYear - 1}. ${status()}.`} />
      <Show when={cert().amends}>
        {(a) => (
          <Notice tone="info" title="Amended filing">
            <p>
              This certification amends the <A href={`/certifications/${a().certificationId}`}>filing of {formatLong(a().filedOn)}</A>
              {a().ecfsConfirmation ? ` (ECFS ${a().ecfsConfirmation})` : ''}; the package says so.
            </p>
          </Notice>
        )}
      </Show>
      <Show when={cert().amendedById}>
        {(id) => (
          <Notice tone="info" title="Amended">
            <p>
              An amended filing of this certification has been started: <A href={`/certifications/${id()}`}>open the amended filing</A>.
            </p>
          </Notice>
        )}
      </Show>

      <Switch>
        <Match when={pkg.loading}>
          <p aria-live="polite">Loading the signed package…</p>
        </Match>
        <Match when={!cert().signedPackageId || !pkg.value}>
          <Notice tone="warning" title="The signed package is not on this device">
            <p>
              This certification was marked {cert().status} by an earlier version of CPNI Desk, which did not keep the package as signed, or the package was
              not in the backup restored here. CPNI Desk will not assemble it again and call it signed.
              {cert().status === 'signed' ? ' Reopen it as a draft and have the officer sign it again to keep the signed package.' : ' Keep the PDF you filed with your records.'}
            </p>
          </Notice>
        </Match>
        <Match when={pkg.value}>
          {(signed) => (
            <>
              <Notice tone="success" title={cert().status === 'filed' ? 'Filed: this is the package as signed and filed' : 'Signed: this is the package as the officer signed it'}>
                <p>
                  Signed on {formatLong(facts()!.signatureDate)} by {facts()!.signatory.name}, {facts()!.signatory.title}. Its text, counts and PDF are kept
                  exactly as they were; new or edited records, client changes and app updates do not change them.
                </p>
                <p class="hint" data-testid="content-hash">
                  Content SHA-256 {signed().contentHash}; PDF SHA-256 {signed().files.single[0]?.sha256}. Drafted with CPNI Desk {signed().appVersion}
                  {signed().appVersion === APP_VERSION ? '.' : `; this is version ${APP_VERSION}, and the package stays as it was drafted then.`}
                </p>
                <p class="hint" data-testid="text-fingerprint">
                  Text fingerprint {shortFingerprint(signed().textHash ?? filedTextHash(signed().content.documents))}: the same as on the officer’s copy for signature when
                  the officer signed this text.
                </p>
              </Notice>
              <Show when={changes().length}>
                <Notice tone="warning" title="Changed since signing">
                  <div data-testid="changes-since-signing">
                    <p>The facts below changed after the certification was signed. The signed package does not show them and has not changed:</p>
                    <ul>
                      <For each={changes()}>
                        {(c) => (
                          <li>
                            {c.message}
                            <Show when={c.recordIds?.length === 1}>
                              {' '}
                              <A href={`/records/${c.recordIds![0]}`}>Open the record</A>
                            </Show>
                          </li>
                        )}
                      </For>
                    </ul>
                    <p>
                      {cert().status === 'signed'
                        ? 'If the filing should reflect them, reopen it as a draft: the signature and its date are cleared and the officer signs again.'
                        : 'If the filing should reflect them, start an amended filing.'}
                    </p>
                  </div>
                </Notice>
              </Show>

              <section class="panel" aria-labelledby="signed-facts-heading">
                <h2 id="signed-facts-heading">As signed, from the {facts()!.coveredYear} records</h2>
                <ul data-testid="signed-facts">
                  <li data-testid="signed-complaints">
                    {facts()!.complaints.total === 0
                      ? 'No customer complaints about the unauthorized release of CPNI.'
                      : `${facts()!.complaints.total} customer ${facts()!.complaints.total === 1 ? 'complaint' : 'complaints'} (${COMPLAINT_CATEGORIES.map((c) => `${COMPLAINT_CATEGORY_LABELS[c].toLowerCase()}: ${facts()!.complaints.counts[c]}`).join('; ')}).`}
                    <RecordLinks ids={facts()!.complaints.recordIds} />
                  </li>
                  <li>
                    {facts()!.dataBrokers.has ? 'Actions against data brokers taken.' : 'No actions against data brokers.'}
                    <RecordLinks ids={facts()!.dataBrokers.recordIds} />
                  </li>
                  <li>
                    {facts()!.pretexting.attempts === 0 ? 'No pretexting attempts recorded.' : `${facts()!.pretexting.attempts} pretexting ${facts()!.pretexting.attempts === 1 ? 'attempt' : 'attempts'} recorded.`}
                    <RecordLinks ids={facts()!.pretexting.recordIds} />
                  </li>
                  <li>Date filed printed on the certification: {facts()!.dateFiled ? formatLong(facts()!.dateFiled) : 'left blank'}.</li>
                </ul>
              </section>

              <section class="panel" aria-labelledby="signed-documents-heading">
                <h2 id="signed-documents-heading">The package as signed</h2>
                <SignedDocuments documents={documents()} />
              </section>

              <SignedExportPanel signedPackageId={signed().id} signedOn={formatLong(facts()!.signatureDate)} />
            </>
          )}
        </Match>
      </Switch>

      <Show when={error()}>
        <p role="alert" class="error">{error()}</p>
      </Show>

      <section class="panel" aria-labelledby="status-heading" data-testid="status-panel">
        <h2 id="status-heading">Status: {status()}</h2>
        <Switch>
          <Match when={cert().status === 'signed'}>
            <p>Record the filing once ECFS has received it (§ 1.4(f): it counts on the day ECFS receives it).</p>
            <div class="row">
              <TextField label="Filed on" type="date" value={filedOn()} onValue={setFiledOn} />
              <TextField label="ECFS confirmation number" value={ecfs()} onValue={setEcfs} />
            </div>
            <Show when={filing().length}>
              <ul class="hint" data-testid="filing-problems">
                <For each={filing()}>{(p) => <li>{p}</li>}</For>
              </ul>
            </Show>
            <Show when={!filing().length && filedDateNote({ filedOn: filedOn(), dateFiled: cert().dateFiled })}>
              {(note) => <p class="warning" data-testid="filed-date-note">{note()}</p>}
            </Show>
            <Show when={ecfs().trim() && !/^\d+$/.test(ecfs().trim())}>
              <p class="warning">ECFS confirmation numbers we have seen are all digits; check this one against the ECFS receipt.</p>
            </Show>
            <button type="button" class="primary" disabled={busy() || filing().length > 0} onClick={() => void step(() => markFiled(cert().id, filedOn(), ecfs()))}>
              Mark filed
            </button>{' '}
            <Show
              when={confirmReopen()}
              fallback={
                <button type="button" disabled={busy()} onClick={() => setConfirmReopen(true)}>
                  Reopen as draft
                </button>
              }
            >
              <div class="notice notice--warning" role="group" aria-label="Reopen as draft">
                <p>
                  Reopening clears the signature and the signature date. The certification becomes a draft again, and the officer must sign it again before it is
                  filed. The package signed on {facts() ? formatLong(facts()!.signatureDate) : 'that day'} stays on this device as the record of what was signed.
                </p>
                <button type="button" class="primary" disabled={busy()} onClick={() => void step(() => reopenAsDraft(cert().id))}>
                  Reopen as draft
                </button>{' '}
                <button type="button" onClick={() => setConfirmReopen(false)}>Keep it signed</button>
              </div>
            </Show>
          </Match>
          <Match when={cert().status === 'filed'}>
            <Show when={filedDateNote(cert())}>{(note) => <p class="warning" data-testid="filed-date-note">{note()}</p>}</Show>
            <p>A filed certification is the record of what was filed and cannot be changed here. To correct it, file an amended certification in EB Docket No. 06-36.</p>
            <p>Keep the filed certification, its attachments and the ECFS confirmation at least two years (practice; the rule sets no period).</p>
            <Show when={!cert().amendedById}>
              <button
                type="button"
                disabled={busy()}
                onClick={() =>
                  void step(async () => {
                    const r = await startAmendedFiling(cert().id);
                    if (r.ok) navigate(`/certifications/${r.id}`);
                    return r;
                  })
                }
              >
                Start an amended filing
              </button>
            </Show>
          </Match>
        </Switch>
      </section>

      <FilingChecklist client={props.client} preparer={preparer()} fileName={pkg.value?.files.single[0]?.fileName ?? ''} />
    </>
  );
}

function RecordLinks(props: { ids: string[] }) {
  return (
    <Show when={props.ids.length}>
      {' '}
      <span class="muted">
        Records:{' '}
        <For each={props.ids}>
          {(id, i) => (
            <>
              {i() > 0 ? ', ' : ''}
              <A href={`/records/${id}`}>{i() + 1}</A>
            </>
          )}
        </For>
      </span>
    </Show>
  );
}
