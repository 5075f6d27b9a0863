/**
 * Moving clients between devices: export chosen clients to a file (encrypted with a
 * passphrase, or plain and said to be), and import a client file as a merge with a preview:
 * what is new, what differs and which side is newer, and conflicts (both sides changed since
 * they last agreed). The user picks per item or "newer wins"; nothing is written until "Import".
 */
import { A } from '@solidjs/router';
import { For, Show, createResource, createSignal } from 'solid-js';
import { listClients } from '../../db/clients';
import { applyClientImport, exportClients, previewClientImport, readClientFile } from '../../db/client-transfer';
import { defaultSide, itemKey, newerWins, summarize, type Choices, type ClientTransferData, type MergeItem, type MergePlan, type Side } from '../../domain/client-transfer';
import { describeStorageError } from '../../domain/storage-errors';
import { downloadBytes } from '../../documents/file-names';
import { CheckboxField, TextField } from '../../ui/fields';
import { Notice, PageHeader } from '../../ui/page';
import { formatCount } from '../../domain/counts';

const STATUS_WORDS: Record<MergeItem['status'], string> = {
  new: 'New',
  same: 'Same on both',
  theirs: 'Changed in the file',
  ours: 'Changed here only',
  conflict: 'Conflict: changed on both sides',
  differs: 'Differs (never synced before)',
  clash: 'Cannot be added',
};

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

export function ClientTransfer() {
  const [clients] = createResource(listClients);
  const [chosen, setChosen] = createSignal<Set<string>>(new Set());
  const [exportPass, setExportPass] = createSignal('');
  const [exportMessage, setExportMessage] = createSignal<{ tone: 'success' | 'error' | 'warning'; text: string }>();

  const [fileText, setFileText] = createSignal<string>();
  const [fileName, setFileName] = createSignal('');
  const [importPass, setImportPass] = createSignal('');
  const [needsPass, setNeedsPass] = createSignal(false);
  const [problems, setProblems] = createSignal<string[]>([]);
  const [data, setData] = createSignal<ClientTransferData>();
  const [plan, setPlan] = createSignal<MergePlan>();
  const [choices, setChoices] = createSignal<Choices>({});
  const [busy, setBusy] = createSignal('');
  const [done, setDone] = createSignal('');

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  const doExport = async () => {
    setExportMessage(undefined);
    setBusy('Making the client file…');
    try {
      const file = await exportClients([...chosen()], { passphrase: exportPass() || undefined });
      downloadBytes(new TextEncoder().encode(file.text), file.fileName, 'application/json');
      setExportMessage({
        tone: file.encrypted ? 'success' : 'warning',
        text: `Downloaded “${file.fileName}” with ${plural(file.clients, 'client', 'clients')}. ${file.encrypted ? 'It is encrypted: the passphrase is not stored anywhere and cannot be recovered if lost.' : 'It is NOT encrypted: anyone with the file can read it.'}`,
      });
    } catch (error) {
      const p = describeStorageError(error, 'make the client file');
      setExportMessage({ tone: 'error', text: `The client file could not be made. ${p.title} ${p.todo}` });
    } finally {
      setBusy('');
    }
  };

  const read = async () => {
    const text = fileText();
    if (text === undefined) return;
    setProblems([]);
    setPlan(undefined);
    setDone('');
    setBusy(`Reading ${fileName()}…`);
    try {
      const result = await readClientFile(text, importPass());
      if (!result.ok) {
        setNeedsPass('needsPassphrase' in result || needsPass());
        setProblems(result.problems);
        return;
      }
      setData(result.data);
      const next = await previewClientImport(result.data);
      setPlan(next);
      setChoices({});
    } catch (error) {
      const p = describeStorageError(error, 'read the client file');
      setProblems([`${p.title} ${p.todo}`]);
    } finally {
      setBusy('');
    }
  };

  const load = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setNeedsPass(false);
    setImportPass('');
    setFileText(new TextDecoder().decode(await file.arrayBuffer()));
    await read();
  };

  const side = (item: MergeItem): Side | undefined => choices()[itemKey(item)] ?? defaultSide(item);
  const choose = (item: MergeItem, s: Side) => setChoices({ ...choices(), [itemKey(item)]: s });
  const listed = () => (plan()?.items ?? []).filter((i) => i.status !== 'same');
  const summary = () => {
    const p = plan();
    return p ? summarize(p, choices()) : undefined;
  };

  const apply = async () => {
    const p = plan();
    const d = data();
    if (!p || !d) return;
    setBusy('Importing…');
    setProblems([]);
    try {
      const s = await applyClientImport(d, p, choices());
      setDone(`Imported: ${plural(s.added, 'row added', 'rows added')}, ${plural(s.updated, 'row updated', 'rows updated')}, ${plural(s.kept, 'row kept as it was here', 'rows kept as they were here')}, ${plural(s.changes, 'change-log entry', 'change-log entries')} added.`);
      setPlan(undefined);
    } catch (error) {
      if (error instanceof Error && error.name === 'ImportChangedMeanwhile') setProblems([error.message]);
      else {
        const pr = describeStorageError(error, 'import the client file');
        setProblems([`Nothing was imported. ${pr.title} ${pr.todo}`]);
      }
    } finally {
      setBusy('');
    }
  };

  return (
    <>
      <PageHeader title="Move clients between devices" lead="Export chosen clients, with all their records, certifications, signed packages and change log, to a file; import such a file from another device as a merge." actions={<A class="button" href="/clients">Back to clients</A>} />
      <Show when={busy()}>
        <p role="status">{busy()}</p>
      </Show>

      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export clients to a file</h2>
        <fieldset>
          <legend>Clients to export</legend>
          <For each={clients() ?? []} fallback={<p class="muted">No clients yet.</p>}>
            {(c) => <CheckboxField label={c.legalName} checked={chosen().has(c.id)} onChecked={(on) => toggle(c.id, on)} />}
          </For>
        </fieldset>
        <TextField label="Passphrase (recommended)" type="password" autocomplete="new-password" value={exportPass()} onValue={setExportPass} hint="The file is encrypted with it (AES-256-GCM). The passphrase is never stored: if it is lost, the file cannot be opened. Leave empty for an unencrypted file." />
        <button type="button" class="button primary" disabled={chosen().size === 0 || !!busy()} onClick={() => void doExport()}>
          {chosen().size ? `Download a file of ${plural(chosen().size, 'client', 'clients')}` : 'Choose clients to export'}
        </button>
        <Show when={exportMessage()}>{(m) => <Notice tone={m().tone}>{<p data-testid="client-export-message">{m().text}</p>}</Notice>}</Show>
      </section>

      <section aria-labelledby="import-heading">
        <h2 id="import-heading">Import clients from a file</h2>
        <label for="client-file">Client file (.json)</label>
        <input id="client-file" type="file" accept=".json,application/json" onChange={(e) => void load(e.currentTarget.files?.[0])} />
        <Show when={needsPass()}>
          <TextField label="Passphrase of this file" type="password" autocomplete="off" value={importPass()} onValue={setImportPass} />
          <button type="button" class="button" disabled={!importPass() || !!busy()} onClick={() => void read()}>
            Open the file
          </button>
        </Show>
        <Show when={problems().length}>
          <Notice tone="error" title="The file was not imported">
            <ul data-testid="client-import-problems">
              <For each={problems()}>{(p) => <li>{p}</li>}</For>
            </ul>
          </Notice>
        </Show>
        <Show when={done()}>
          <Notice tone="success">
            <p data-testid="client-import-done">{done()}</p>
          </Notice>
        </Show>
        <Show when={plan()}>
          {(p) => (
            <div data-testid="client-merge-preview">
              <p>
                {p().items.length - listed().length} of {p().items.length} rows are the same on both sides. {plural(summary()!.conflicts, 'conflict', 'conflicts')}. {plural(p().newChanges.length, 'change-log entry', 'change-log entries')} will be added.
              </p>
              <button type="button" class="button" onClick={() => setChoices(newerWins(p()))}>
                Newer wins for every difference
              </button>
              <table class="table">
                <caption>What the import would change</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Status</th>
                    <th scope="col">Newer</th>
                    <th scope="col">Keep</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={listed()}>
                    {(item) => (
                      <tr data-status={item.status}>
                        <th scope="row">{item.label}</th>
                        <td>
                          {STATUS_WORDS[item.status]}
                          <Show when={item.reason}> {item.reason}</Show>
                          <Show when={item.note}>{(note) => <span class="warning-text" data-testid="merge-note">{note()}</span>}</Show>
                        </td>
                        <td>{item.status === 'new' || item.status === 'clash' ? '' : item.newer === 'theirs' ? 'The file' : item.newer === 'ours' ? 'This device' : 'Same time'}</td>
                        <td>
                          <Show when={item.status !== 'clash'}>
                            <select aria-label={`Keep for ${item.label}`} value={side(item)} onChange={(e) => choose(item, e.currentTarget.value as Side)}>
                              <option value="theirs">{item.status === 'new' ? 'Add it' : 'The file’s'}</option>
                              <option value="ours">{item.status === 'new' ? 'Leave it out' : 'This device’s'}</option>
                            </select>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <button type="button" class="button primary" disabled={!!busy()} onClick={() => void apply()}>
                Import: add {summary()!.added}, update {summary()!.updated}
              </button>
            </div>
          )}
        </Show>
      </section>
    </>
  );
}
