import { A } from '@solidjs/router';
import { For, Show, createMemo, createSignal } from 'solid-js';
import { createClientsQuery } from '../../db/clients';
import { createSettingsQuery } from '../../db/settings';
import { clientFromFiling, detectYears, lintFiling, numberedLines, type ClientProposal, type Finding } from '../../domain/statement-lint';
import { certificationDueDate, certificationRequired, filingSeason } from '../../domain/deadlines';
import { closureDates } from '../../domain/breach-clock';
import { breachRuleForCoveredYear } from '../../domain/statement-rules';
import { isIsoDate, todayLocal } from '../../domain/dates';
import { SelectField, TextArea, TextField } from '../../ui/fields';
import { PageHeader } from '../../ui/page';
import { ClientFromFiling } from './ClientFromFiling';

const FIRST_YEAR = 2008;

/**
 * Checks a certification or statement written elsewhere (last year's filing, a draft from
 * counsel) for the mistakes real filings carry, without storing anything. The filing year is
 * read from the text unless the user sets it; each finding says its line and highlights its
 * text in the numbered copy of the filing.
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
  const [selected, setSelected] = createSignal<number | undefined>();
  const [fileNote, setFileNote] = createSignal('');
  const [reading, setReading] = createSignal(false);
  const [proposal, setProposal] = createSignal<ClientProposal | undefined>();

  const detected = createMemo(() => (text().trim() ? detectYears(text(), Number(todayLocal().slice(0, 4)) + 1) : { found: [] as string[] }));
  const typedYear = () => (/^\d{4}$/.test(year()) && Number(year()) >= FIRST_YEAR ? Number(year()) : undefined);
  const filingYear = () => typedYear() ?? detected().filingYear ?? filingSeason(todayLocal(), cal());
  const yearError = () =>
    year() && !/^\d{4}$/.test(year()) ? 'Enter a year such as 2026.' : year() && Number(year()) < FIRST_YEAR ? `Annual CPNI certifications were first filed in ${FIRST_YEAR}.` : undefined;
  const yearSource = () => {
    if (typedYear()) return detected().filingYear && detected().filingYear !== typedYear() ? `You set the year; the text suggests ${detected().filingYear}.` : 'You set the year.';
    if (detected().filingYear) return `Read from the text — ${detected().found.join('; ')}. Change it if this is wrong.`;
    return text().trim() ? `No year found in the text; checking as the ${filingYear()} filing. Enter the filing year if it is another.` : undefined;
  };
  const dateError = () => (dateFiled() && !isIsoDate(dateFiled()) ? 'Enter a date (YYYY-MM-DD).' : undefined);

  const findings = createMemo<Finding[]>(() => {
    if (!text().trim()) return [];
    const client = clients.value.find((c) => c.id === clientId());
    const fy = filingYear();
    const dueDate = certificationDueDate(fy, cal());
    const filed = isIsoDate(dateFiled()) ? dateFiled() : undefined;
    return lintFiling(text(), {
      filingYear: fy,
      coveredYear: fy - 1,
      dueDate,
      breachRule: breachRuleForCoveredYear(fy - 1, settings.value),
      frns: client?.frn ? [client.frn] : [],
      filerIds: client ? [client.filerId, ...client.affiliates.map((a) => a.filerId)].filter(Boolean) : [],
      dateFiled: filed,
    });
  });
  const errors = () => findings().filter((f) => f.severity === 'error').length;
  const lines = createMemo(() => numberedLines(text(), findings()));

  const show = (i: number) => {
    setSelected(i);
    const line = findings()[i]?.line;
    if (line) document.getElementById(`check-line-${line}`)?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setFileError('');
    setFileNote('');
    setSelected(undefined);
    setProposal(undefined);
    const isPdf = /\.pdf$/i.test(file.name) || file.type === 'application/pdf';
    if (!isPdf && !/\.(txt|text|md)$/i.test(file.name) && !file.type.startsWith('text/')) {
      setFileError('Choose a PDF or a plain-text file (.txt). For a Word file, save it as PDF or copy its text and paste it below.');
      return;
    }
    if (!isPdf) {
      setText(await file.text());
      return;
    }
    setReading(true);
    try {
      // pdf.js is loaded only here, from this site (cached for offline use once fetched).
      const { readPdfText } = await import('./read-pdf');
      const read = await readPdfText(await file.arrayBuffer());
      if (!read.trim()) {
        setFileError(`${file.name} has no text to read (it may be a scanned image). Paste the text of the filing below instead.`);
        return;
      }
      setText(read);
      setFileNote(`Read the text of ${file.name}. Check that it reads as the filing does: a PDF's layout can split or join lines.`);
    } catch (e) {
      setFileError(`${file.name} could not be read as a PDF (${e instanceof Error ? e.message : String(e)}). Paste the text of the filing below instead.`);
    } finally {
      setReading(false);
    }
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
          <TextField
            label="Filing year"
            inputMode="numeric"
            value={year() || String(filingYear())}
            onValue={setYear}
            error={yearError()}
            hint={`Covers calendar year ${filingYear() - 1}.${certificationRequired(filingYear()) ? '' : ` No certification was due in ${filingYear()}.`}`}
          />
          <TextField label="Date filed (optional)" type="date" value={dateFiled()} onValue={setDateFiled} error={dateError()} />
          <SelectField
            label="Client (optional: checks its Filer IDs and FRN)"
            value={clientId()}
            placeholder="None"
            options={clients.value.map((c) => ({ value: c.id, label: c.legalName }))}
            onValue={setClientId}
          />
        </div>
        <Show when={yearSource()}>
          <p class="hint" data-testid="year-source">{yearSource()}</p>
        </Show>
        <div class="field">
          <label for="check-file">Open a PDF or text file</label>
          <input id="check-file" type="file" accept=".pdf,application/pdf,.txt,.text,.md,text/plain" onChange={(e) => void readFile(e.currentTarget.files?.[0])} />
          <Show when={reading()}>
            <p class="hint" role="status">Reading the PDF…</p>
          </Show>
          <Show when={fileNote()}>
            <p class="hint" role="status" data-testid="file-note">{fileNote()}</p>
          </Show>
          <Show when={fileError()}>
            <p class="error" role="alert">{fileError()}</p>
          </Show>
        </div>
        <TextArea label="Text of the filing" rows={14} value={text()} onValue={(v) => (setSelected(undefined), setText(v))} />
        <Show when={text().trim() && !proposal()}>
          <p>
            <button type="button" onClick={() => setProposal(clientFromFiling(text()))}>
              Start a client from this filing
            </button>
          </p>
        </Show>
      </div>
      <Show when={proposal()}>{(p) => <ClientFromFiling proposal={p()} onClose={() => setProposal(undefined)} />}</Show>
      <section class="panel" aria-labelledby="check-results" data-testid="check-results">
        <h2 id="check-results">Findings</h2>
        <Show when={text().trim()} fallback={<p class="muted">Paste or open a filing to check it.</p>}>
          <p class="muted">
            Checked as the {filingYear()} filing covering calendar year {filingYear() - 1}, against the rules in force in {filingYear() - 1}.
          </p>
          <Show when={findings().length} fallback={<p class="success">No problems found.</p>}>
            <p aria-live="polite">
              {errors()} {errors() === 1 ? 'error' : 'errors'} and {findings().length - errors()} {findings().length - errors() === 1 ? 'warning' : 'warnings'}.
            </p>
            <ul class="findings">
              <For each={findings()}>
                {(f, i) => (
                  <li class={`finding finding--${f.severity}`} classList={{ 'finding--selected': selected() === i() }} data-testid="finding">
                    <p>
                      <span class={`status status--${f.severity === 'error' ? 'overdue' : 'due-soon'}`}>{f.severity === 'error' ? 'Error' : 'Warning'}</span>{' '}
                      <Show when={f.line} fallback={<span class="muted">Whole filing: </span>}>
                        <button type="button" class="link" data-testid="finding-line" onClick={() => show(i())}>
                          Line {f.line}
                        </button>
                        {': '}
                      </Show>
                      {f.message} <span class="muted">({f.rule})</span>
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
          <h3 id="check-text-heading">The filing, with line numbers</h3>
          <div class="numbered-text" role="region" aria-labelledby="check-text-heading" tabindex="0" data-testid="numbered-text">
            <For each={lines()}>
              {(line) => (
                <div class="numbered-line" id={`check-line-${line.number}`} data-line={line.number}>
                  <span class="line-number" aria-hidden="true">{line.number}</span>
                  <span class="line-text">
                    <For each={line.pieces}>
                      {(p) =>
                        p.findings.length ? (
                          <mark
                            classList={{ 'mark--selected': selected() !== undefined && p.findings.includes(selected()!), 'mark--error': p.findings.some((k) => findings()[k]?.severity === 'error') }}
                            data-testid="highlight"
                            title={p.findings.map((k) => findings()[k]?.message).join('\n')}
                          >
                            {p.text}
                          </mark>
                        ) : (
                          p.text
                        )
                      }
                    </For>
                  </span>
                </div>
              )}
            </For>
          </div>
        </Show>
      </section>
    </>
  );
}
