import { For, Show, createSignal } from 'solid-js';
import { createSettingsQuery, updateSettings } from '../../db/settings';
import { closureSchema, validate, type FieldErrors } from '../../domain/schema';
import { TextField } from '../../ui/fields';
import { useUnsavedGuard } from '../../ui/unsaved-guard';
import { Notice } from '../../ui/page';
import { FCC_CLOSURES, closureLabel } from '../../domain/fcc-closures';
import { guardStorage } from '../../ui/storage-error';

/** The user's corrections to the rulebook: FCC closure days and the 2023 breach rule's date. */
export function RulesPanel() {
  const settings = createSettingsQuery();
  const [date, setDate] = createSignal('');
  const [note, setNote] = createSignal('');
  const [closureErrors, setClosureErrors] = createSignal<FieldErrors>({});
  const [effective, setEffective] = createSignal<string | undefined>();
  const [effectiveError, setEffectiveError] = createSignal('');
  const [dueSoon, setDueSoon] = createSignal<string | undefined>();
  const [dueSoonError, setDueSoonError] = createSignal('');
  const [saved, setSaved] = createSignal('');
  useUnsavedGuard(
    () =>
      !!(date() || note()) ||
      (effective() !== undefined && effective() !== settings.value.breachRule2023EffectiveDate) ||
      (dueSoon() !== undefined && dueSoon() !== String(settings.value.dueSoonDays)),
  );

  const addClosure = async (e: SubmitEvent) => {
    e.preventDefault();
    const checked = validate(closureSchema, { date: date(), note: note() });
    if (!checked.ok) return setClosureErrors(checked.errors);
    if (settings.value.closures.some((c) => c.date === checked.value.date)) return setClosureErrors({ date: 'This day is already on your list.' });
    const closures = [...settings.value.closures, checked.value].sort((a, b) => a.date.localeCompare(b.date));
    const added = await guardStorage('add the closure day', () => updateSettings({ closures }, `Added FCC closure ${checked.value.date}`));
    if (!added) return;
    if (!added.ok) return setClosureErrors(added.errors);
    setClosureErrors({});
    setDate('');
    setNote('');
    setSaved(`Added ${checked.value.date}.`);
  };

  const saveEffective = async (e: SubmitEvent) => {
    e.preventDefault();
    const value = (effective() ?? settings.value.breachRule2023EffectiveDate).trim();
    const result = await guardStorage('save the effective date', () =>
      updateSettings({ breachRule2023EffectiveDate: value }, value ? `Set the 2023 breach rule effective date to ${value}` : 'Cleared the 2023 breach rule effective date'),
    );
    if (!result) return;
    if (!result.ok) return setEffectiveError(result.errors.breachRule2023EffectiveDate ?? 'Enter a date (YYYY-MM-DD) or leave it empty.');
    setEffectiveError('');
    setSaved(value ? `The 2023 breach rule applies to breaches determined on or after ${value}.` : 'The 2007 breach rule applies to every breach.');
  };

  const saveDueSoon = async (e: SubmitEvent) => {
    e.preventDefault();
    const raw = dueSoon() ?? String(settings.value.dueSoonDays);
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim())) return setDueSoonError('Enter a whole number of days, like 14.');
    const result = await guardStorage('save the due-soon window', () => updateSettings({ dueSoonDays: n }, `Due-soon window set to ${n} days`));
    if (!result) return;
    if (!result.ok) return setDueSoonError(result.errors.dueSoonDays ?? 'Enter a number of days from 1 to 120.');
    setDueSoonError('');
    setSaved(`Deadlines within ${n} days are shown as due soon.`);
  };

  return (
    <section class="panel" aria-labelledby="rules-heading">
      <h2 id="rules-heading">Rule settings</h2>
      <Show when={saved()}>
        <p role="status" class="success">{saved()}</p>
      </Show>

      <h3>FCC closure days</h3>
      <p>
        Under 47 C.F.R. § 1.4(e)(1) a day the FCC's headquarters is closed counts as a holiday, and a filing due that day moves
        to the next business day (§ 1.4(j)). Closures for weather, funding lapses or executive orders cannot be computed, so
        add them here. The app ships a list of known executive-order closures.
      </p>
      <details>
        <summary>Closure days shipped with the app ({FCC_CLOSURES.length})</summary>
        <ul class="plain-list" data-testid="shipped-closures">
          <For each={FCC_CLOSURES}>
            {(c) => (
              <li>
                <strong>{c.date}</strong> — {c.note} <span class="muted">({closureLabel(c)}. {c.source})</span>
              </li>
            )}
          </For>
        </ul>
      </details>
      <h4>Your closure days</h4>
      <Show when={settings.value.closures.length} fallback={<p class="muted">You have added no closure days.</p>}>
        <ul class="plain-list" data-testid="closures">
          <For each={settings.value.closures}>
            {(c) => (
              <li>
                {c.date} — {c.note}{' '}
                <button
                  type="button"
                  class="link"
                  onClick={() => void guardStorage('remove the closure day', () => updateSettings({ closures: settings.value.closures.filter((x) => x.date !== c.date) }, `Removed FCC closure ${c.date}`))}
                >
                  Remove {c.date}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="form form--inline" onSubmit={addClosure} novalidate aria-label="Add an FCC closure day">
        <TextField label="Closure date" type="date" value={date()} onValue={setDate} error={closureErrors().date} />
        <TextField label="Why the FCC was closed" value={note()} onValue={setNote} error={closureErrors().note} hint="For example: snow closure, FCC public notice of March 3, 2014." />
        <button type="submit">Add closure day</button>
      </form>

      <h3>2023 breach rule (FCC 23-111)</h3>
      <Notice tone="warning" title="Not yet in effect as far as we know">
        <p>
          The amended breach rule (§ 64.2011 as revised by FCC 23-111) takes effect only when the FCC publishes an effective
          date after Paperwork Reduction Act review. No such date had been announced when this app was written; the 6th
          Circuit upheld the rules (Ohio Telecom Ass'n v. FCC, Aug. 2025) and rehearing was sought. Until you enter a date here,
          every breach is clocked under the 2007 rule (USSS and FBI within 7 business days; customers after 7 full business
          days). Enter a date only from the Federal Register notice, and have counsel confirm it.
        </p>
      </Notice>
      <form class="form form--inline" onSubmit={saveEffective} novalidate aria-label="2023 breach rule effective date">
        <TextField
          label="Effective date of the amended § 64.2011"
          type="date"
          value={effective() ?? settings.value.breachRule2023EffectiveDate}
          onValue={setEffective}
          error={effectiveError()}
          hint="Leave empty while no date has been announced."
        />
        <button type="submit">Save effective date</button>
      </form>

      <h3>Dashboard</h3>
      <form class="form form--inline" onSubmit={saveDueSoon} novalidate aria-label="Due-soon window">
        <TextField label="Show deadlines as due soon within (days)" inputMode="numeric" value={dueSoon() ?? String(settings.value.dueSoonDays)} onValue={setDueSoon} error={dueSoonError()} />
        <button type="submit">Save</button>
      </form>
    </section>
  );
}
