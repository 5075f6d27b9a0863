import { For, Show, createSignal, type JSX } from 'solid-js';
import type { AssembledPackage, CertificationFields } from '../../domain/certification-record';
import type { Finding } from '../../domain/statement-lint';
import { PERSONAL_DETAILS_FINDING } from '../../domain/public-text-check';
import type { Client, Preparer } from '../../domain/schema';
import { todayLocal } from '../../domain/dates';
import { downloadBytes } from '../../documents/file-names';
import { signedFiles } from '../../db/certification-steps';

type Mode = 'single' | 'separate';
type Files = { fileName: string; bytes: Uint8Array }[];

/** The draft for review: every page marked "DRAFT — not signed", no signature. */
export function DraftExportPanel(props: {
  certification: CertificationFields;
  assembled: AssembledPackage;
  client: Client;
  preparer?: Preparer;
  blockedReason: string;
}) {
  const warnings = () => props.assembled.findings.filter((f) => f.id === PERSONAL_DETAILS_FINDING);
  const build = async (mode: Mode): Promise<Files> => {
    const { exportPackage } = await import('../../documents/package');
    return exportPackage(
      { cert: props.certification, assembled: props.assembled, client: props.client, preparer: props.preparer, documentDate: props.certification.dateFiled || todayLocal(), signed: false },
      { mode },
    );
  };
  return (
    <ExportControls
      heading="Export a draft for review"
      buttonLabel="Export draft PDF"
      blockedReason={props.blockedReason}
      warnings={warnings()}
      build={build}
      showCoverLetterHint={!props.preparer && props.certification.coverLetter.include}
    >
      <p class="hint">
        Until the certification is signed, every page carries the mark “DRAFT — not signed” and the signature line is left blank. The package
        for filing is exported here once it is marked signed, exactly as signed.
      </p>
    </ExportControls>
  );
}

/** The package exactly as signed: the PDF bytes stored when it was marked signed. */
export function SignedExportPanel(props: { signedPackageId: string; signedOn: string }) {
  return (
    <ExportControls heading="Export the signed package" buttonLabel="Export signed PDF" blockedReason="" warnings={[]} build={(mode) => signedFiles(props.signedPackageId, mode)}>
      <p class="hint">The files are the ones stored when the certification was signed on {props.signedOn}: the same bytes every time, whatever has changed since.</p>
    </ExportControls>
  );
}

/** An export button's state: busy while `produce` runs, then its message or the error in words. */
function createDownloadAction(produce: () => Promise<string>) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const [done, setDone] = createSignal('');
  const run = async () => {
    setBusy(true);
    setError('');
    setDone('');
    try {
      setDone(await produce());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
}

function ExportControls(props: {
  heading: string;
  buttonLabel: string;
  blockedReason: string;
  warnings: Finding[];
  build: (mode: Mode) => Promise<Files>;
  showCoverLetterHint?: boolean;
  children?: JSX.Element;
}) {
  const [mode, setMode] = createSignal<Mode>('single');
  const { busy, error, done, run } = createDownloadAction(async () => {
    const files = await props.build(mode());
    for (const f of files) downloadBytes(f.bytes, f.fileName);
    return `Exported ${files.map((f) => f.fileName).join(', ')}.`;
  });

  return (
    <section class="panel" aria-labelledby="export-heading" data-testid="export-panel">
      <h2 id="export-heading">{props.heading}</h2>
      {props.children}
      <fieldset class="inline-choices">
        <legend>Files</legend>
        <div class="field field--checkbox">
          <input id="mode-single" type="radio" name="export-mode" checked={mode() === 'single'} onChange={() => setMode('single')} />
          <label for="mode-single">One filing package PDF (cover letter, certification, statement, attachments)</label>
        </div>
        <div class="field field--checkbox">
          <input id="mode-separate" type="radio" name="export-mode" checked={mode() === 'separate'} onChange={() => setMode('separate')} />
          <label for="mode-separate">Each document as its own PDF</label>
        </div>
      </fieldset>
      <Show when={props.warnings.length}>
        <div class="notice notice--warning" data-testid="export-warnings">
          <p class="notice-title">Check before you export: the filing is public</p>
          <ul>
            <For each={props.warnings}>{(w) => <li>{w.message}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={props.blockedReason}>
        <p class="error" role="alert">{props.blockedReason}</p>
      </Show>
      <button type="button" class="primary" disabled={busy() || !!props.blockedReason} onClick={() => void run()} data-testid="export-pdf">
        {busy() ? 'Exporting…' : props.buttonLabel}
      </button>
      <Show when={props.showCoverLetterHint}>
        <p class="hint">No preparer is set up, so the cover letter is left out. Add one in Settings.</p>
      </Show>
      <Show when={error()}>
        <p class="error" role="alert">{error()}</p>
      </Show>
      <Show when={done()}>
        <p role="status" class="success">{done()}</p>
      </Show>
    </section>
  );
}

/**
 * The officer's copy of a ready certification: the package as it will be filed, unsigned, with
 * a signature page that prints the text fingerprint the signed package will keep.
 */
export function ForSignaturePanel(props: { certificationId: string; certification: CertificationFields; assembled: AssembledPackage; client: Client; preparer?: Preparer; blockedReason: string }) {
  const { busy, error, done, run } = createDownloadAction(async () => {
    const { exportForSignature } = await import('../../documents/for-signature');
    const { shortFingerprint } = await import('../../domain/signed-package');
    const { noteSentForSignature } = await import('../../db/certification-steps');
    const today = todayLocal();
    const file = await exportForSignature({ cert: props.certification, assembled: props.assembled, client: props.client, preparer: props.preparer, documentDate: props.certification.dateFiled || today });
    // Noted before the download: a signature is later recorded only against the text this copy carries.
    const noted = await noteSentForSignature(props.certificationId, file.textHash, today);
    if (!noted.ok) throw new Error(noted.message);
    downloadBytes(file.bytes, file.fileName);
    return `Exported ${file.fileName}, text fingerprint ${shortFingerprint(file.textHash)}.`;
  });
  return (
    <section class="panel" aria-labelledby="for-signature-heading" data-testid="for-signature-panel">
      <h2 id="for-signature-heading">The officer’s copy for signature</h2>
      <p class="hint">
        One PDF for a remote officer: the certification, statement and attachments exactly as they will be filed, marked “DRAFT — not signed”, and a
        last page to sign and date. That page prints a text fingerprint; the signed package shows the same one when it is the text the officer signed.
        Record the signature when it comes back, here or in bulk from the season board.
      </p>
      <Show when={props.blockedReason}>
        <p class="error" role="alert">{props.blockedReason}</p>
      </Show>
      <button type="button" disabled={busy() || !!props.blockedReason} onClick={() => void run()} data-testid="export-for-signature">
        {busy() ? 'Exporting…' : 'Download the officer’s copy for signature'}
      </button>
      <Show when={error()}>
        <p class="error" role="alert">{error()}</p>
      </Show>
      <Show when={done()}>
        <p role="status" class="success">{done()}</p>
      </Show>
    </section>
  );
}
