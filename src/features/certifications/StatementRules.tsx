import { For, Show } from 'solid-js';
import { ruleNotes, simChangeDateProblem } from '../../domain/statement-rules';
import type { IsoDate } from '../../domain/dates';
import type { Service, Settings } from '../../domain/schema';
import { TextField } from '../../ui/fields';

/**
 * Which rule versions the statement describes, and what CPNI Desk could not verify about them:
 * said here, to the user, and never printed in the filing.
 */
export function StatementRules(props: {
  certificationYear: number;
  services: readonly Service[];
  settings: Partial<Pick<Settings, 'breachRule2023EffectiveDate'>>;
  simChangeComplianceDate: IsoDate | '';
  onSimChangeComplianceDate: (date: IsoDate | '') => void;
}) {
  const notes = () =>
    ruleNotes({
      certificationYear: props.certificationYear,
      services: props.services,
      simChangeComplianceDate: props.simChangeComplianceDate,
      settings: props.settings,
    });
  return (
    <div class="statement-rules" data-testid="statement-rules">
      <h3>Rules this statement describes (calendar year {props.certificationYear - 1})</h3>
      <ul>
        <For each={notes()}>{(n) => <li classList={{ warning: n.tone === 'warning' }}>{n.text}</li>}</For>
      </ul>
      <Show when={props.services.includes('wireless')}>
        <TextField
          label="§ 64.2010(h) SIM-change compliance date"
          type="date"
          value={props.simChangeComplianceDate}
          error={simChangeDateProblem(props.simChangeComplianceDate) || undefined}
          hint="Leave empty until the FCC announces the date from which compliance is required."
          onValue={(v) => props.onSimChangeComplianceDate(v)}
        />
      </Show>
    </div>
  );
}
