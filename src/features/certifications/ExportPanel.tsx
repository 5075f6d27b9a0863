import { Show, createSignal } from 'solid-js';
import type { AssembledPackage, CertificationFields } from '../../domain/certification-record';
import type { Client, Preparer } from '../../domain/schema';
import { todayLocal } from '../../domain/dates';
import { downloadBytes } from '../../documents/file-names';

export function ExportPanel(props: {
  certification: CertificationFields;
  assembled: AssembledPackage;
  client: Client;
  preparer?: Preparer;
  blockedReason: string;
}) {
  const [mode, setMode] = createSignal<'single' | 'separate'>('single');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const [done, setDone] = createSignal('');

  const run = async () => {
    setBusy(true);
    setError('');
    setDone('');
    try {
      const { exportPackage } = await import('../../documents/package');
      const files = await exportPackage(
        { cert: props.certification, assembled: props.assembled, client: props.client, preparer: props.preparer, documentDate: props.certification.dateFiled || todayLocal(), signed: false },
        { mode: mode() },
      );
      for (const f of files) downloadBytes(f.bytes, f.fileName);
      setDone(`Exported ${files.map((f) => f.fileName).join(', ')}.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="export-heading" data-testid="export-panel">
      <h2 id="export-heading">Export</h2>
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
      <Show when={props.blockedReason}>
        <p class="error" role="alert">{props.blockedReason}</p>
      </Show>
      <button type="button" class="primary" disabled={busy() || !!props.blockedReason} onClick={() => void run()} data-testid="export-pdf">
        {busy() ? 'Exporting…' : 'Export PDF'}
      </button>
      <Show when={!props.preparer && props.certification.coverLetter.include}>
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
