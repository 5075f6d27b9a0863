import { A } from '@solidjs/router';
import { For, Show, createMemo, createSignal } from 'solid-js';
import { createClientsQuery } from '../../db/clients';
import { createSettingsQuery } from '../../db/settings';
import { lintStatement, type Finding } from '../../domain/statement-lint';
import { certificationDueDate, filingSeason } from '../../domain/deadlines';
import { breachRuleFor, closureDates } from '../../domain/breach-clock';
import { isIsoDate, todayLocal } from '../../domain/dates';
import { SelectField, TextArea, TextField } from '../../ui/fields';
import { PageHeader } from '../../ui/page';

/**
 * Checks a certification or statement written elsewhere (last year's filing, a draft from
 * counsel) for the mistakes real filings carry, without storing anything.
 */
export function CheckStatement() {
  const settings = createSettingsQuery();
  const clients = createClientsQuery(() => ({ search: '', includeArchived: true }));
  const cal = () => ({ calendar: 'fcc' as const, closures: closureDates(settings.value) });
  const [text, setText] = createSignal('');
  const [year, setYear] = createSignal('');
  const [clientId, setClientId] = createSignal('');
  const [dateFiled, setDateFiled] = createSignal('');
  const [fileError, setFileError] = createSignal('');
  const filingYear = () => (/^\d{4}$/.test(year()) ? Number(year()) : filingSeason(todayLocal(), cal()));
  const yearError = () => (year() && !/^\d{4}$/.test(year()) ? 'Enter a year such as 2026.' : undefined);
  const dateError = () => (dateFiled() && !isIsoDate(dateFiled()) ? 'Enter a date (YYYY-MM-DD).' : undefined);

  const findings = createMemo<Finding[]>(() => {
    if (!text().trim()) return [];
    const client = clients.value.find((c) => c.id === clientId());
    const dueDate = certificationDueDate(filingYear(), cal());
    const filed = isIsoDate(dateFiled()) ? dateFiled() : undefined;
    return lintStatement(text(), {
      filingYear: filingYear(),
      coveredYear: filingYear() - 1,
      dueDate,
      breachRule: breachRuleFor(filed ?? dueDate, settings.value),
      frns: client?.frn ? [client.frn] : [],
      filerIds: client ? [client.filerId, ...client.affiliates.map((a) => a.filerId)] : [],
      dateFiled: filed,
    });
  });
  const errors = () => findings().filter((f) => f.severity === 'error').length;

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (!/\.(txt|text|md)$/i.test(file.name) && !file.type.startsWith('text/')) {
      setFileError('Choose a plain-text file (.txt). For a PDF or Word file, copy its text and paste it below.');
      return;
    }
    setFileError('');
    setText(await file.text());
  };

  return (
    <>
      <PageHeader
        title="Check a filing written elsewhere"
        lead="Paste last year's certification and statement, or a draft from counsel, to find the mistakes real filings carry. Nothing is stored."
      />
      <p>
        <A href="/certifications">Back to certifications</A>
      </p>
      <div class="form">
        <div class="row">
          <TextField label="Filing year" inputMode="numeric" value={year() || String(filingYear())} onValue={setYear} error={yearError()} hint={`Covers calendar year ${filingYear() - 1}.`} />
          <TextField label="Date filed (optional)" type="date" value={dateFiled()} onValue={setDateFiled} error={dateError()} />
          <SelectField
            label="Client (optional: checks its Filer IDs and FRN)"
            value={clientId()}
            placeholder="None"
            options={clients.value.map((c) => ({ value: c.id, label: c.legalName }))}
            onValue={setClientId}
          />
        </div>
        <div class="field">
          <label for="check-file">Open a text file</label>
          <input id="check-file" type="file" accept=".txt,.text,.md,text/plain" onChange={(e) => void readFile(e.currentTarget.files?.[0])} />
          <Show when={fileError()}>
            <p class="error" role="alert">{fileError()}</p>
          </Show>
        </div>
        <TextArea label="Text of the filing" rows={14} value={text()} onValue={setText} />
      </div>
      <section class="panel" aria-labelledby="check-results" data-testid="check-results">
        <h2 id="check-results">Findings</h2>
        <Show when={text().trim()} fallback={<p class="muted">Paste or open a filing to check it.</p>}>
          <Show when={findings().length} fallback={<p class="success">No problems found.</p>}>
            <p aria-live="polite">
              {errors()} {errors() === 1 ? 'error' : 'errors'} and {findings().length - errors()} {findings().length - errors() === 1 ? 'warning' : 'warnings'}.
            </p>
            <ul class="findings">
              <For each={findings()}>
                {(f) => (
                  <li class={`finding finding--${f.severity}`} data-testid="finding">
                    <p>
                      <span class={`status status--${f.severity === 'error' ? 'overdue' : 'due-soon'}`}>{f.severity === 'error' ? 'Error' : 'Warning'}</span> {f.message}{' '}
                      <span class="muted">({f.rule})</span>
                    </p>
                    <Show when={f.excerpt}>
                      <p class="excerpt">“{f.excerpt}”</p>
                    </Show>
                    <p class="hint">Fix: {f.fix}</p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>
      </section>
    </>
  );
}
