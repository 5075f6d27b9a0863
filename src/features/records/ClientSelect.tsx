import { Show, createMemo } from 'solid-js';
import { SelectField, type Option } from '../../ui/fields';

interface Props {
  id?: string;
  label: string;
  value: string;
  options: readonly Option[];
  placeholder: string;
  onValue: (value: string) => void;
  error?: string;
  required?: boolean;
}

/**
 * A select of clients whose list arrives after the first render. A <select> drops a value it
 * has no option for, so the control is drawn anew whenever the list changes, with its options
 * in place before its value.
 */
export function ClientSelect(props: Props) {
  const list = createMemo(() => props.options.map((o) => `${o.value}\u0000${o.label}`).join('\u0001'));
  const field = (options: readonly Option[]) => (
    <SelectField
      id={props.id}
      label={props.label}
      required={props.required}
      value={props.value}
      options={options}
      placeholder={props.placeholder}
      onValue={(v) => props.onValue(v)}
      error={props.error}
    />
  );
  return (
    <Show when={list()} keyed fallback={field([])}>
      {field(props.options)}
    </Show>
  );
}
