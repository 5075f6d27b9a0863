import { For, Show, createUniqueId, splitProps, type JSX } from 'solid-js';

interface FieldShellProps {
  id: string;
  label: string;
  error?: string;
  warning?: string;
  hint?: string;
  required?: boolean;
  children: JSX.Element;
}

/** Label, control, then hint, error and warning, tied to the control for screen readers. */
export function FieldShell(props: FieldShellProps) {
  return (
    <div class="field" classList={{ 'field--error': !!props.error }}>
      <label for={props.id}>
        {props.label}
        <Show when={props.required}>
          <span class="required" aria-hidden="true"> *</span>
        </Show>
      </label>
      {props.children}
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>
      </Show>
      <Show when={props.error}>
        <p class="error" id={`${props.id}-error`} role="alert">{props.error}</p>
      </Show>
      <Show when={props.warning && !props.error}>
        <p class="warning" id={`${props.id}-warning`}>Check: {props.warning}</p>
      </Show>
    </div>
  );
}

export function describedBy(id: string, p: { error?: string; warning?: string; hint?: string }): string | undefined {
  const ids = [p.hint && `${id}-hint`, p.error && `${id}-error`, !p.error && p.warning && `${id}-warning`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** What a text input and a text area share: a label, the value as typed and the messages. */
interface TextOwnProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string;
  warning?: string;
  hint?: string;
  id?: string;
  required?: boolean;
}
const TEXT_OWN = ['label', 'value', 'onValue', 'error', 'warning', 'hint', 'id', 'required'] as const;

/**
 * The shell and the control's value, events and ARIA wiring, for `<input>` and `<textarea>`
 * alike. The attributes are getters so the control stays reactive when spread.
 */
function TextControl(props: { own: TextOwnProps; children: (control: JSX.HTMLAttributes<HTMLElement> & { id: string; value: string }) => JSX.Element }) {
  // eslint-disable-next-line solid/reactivity -- an element's id is fixed when it is created
  const id = props.own.id ?? createUniqueId();
  const own = () => props.own;
  const control = {
    id,
    get value() {
      return own().value;
    },
    get 'aria-required'() {
      return own().required ? ('true' as const) : undefined;
    },
    get 'aria-invalid'() {
      return own().error ? ('true' as const) : undefined;
    },
    get 'aria-describedby'() {
      return describedBy(id, own());
    },
    onInput: (e: InputEvent & { currentTarget: HTMLElement }) => own().onValue((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <FieldShell id={id} label={props.own.label} error={props.own.error} warning={props.own.warning} hint={props.own.hint} required={props.own.required}>
      {props.children(control)}
    </FieldShell>
  );
}

export function TextField(props: Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'onInput' | 'value'> & TextOwnProps) {
  const [own, rest] = splitProps(props, TEXT_OWN);
  return <TextControl own={own}>{(control) => <input {...rest} {...(control as JSX.InputHTMLAttributes<HTMLInputElement>)} />}</TextControl>;
}

export function TextArea(props: Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'onInput' | 'value'> & TextOwnProps) {
  const [own, rest] = splitProps(props, TEXT_OWN);
  return <TextControl own={own}>{(control) => <textarea {...rest} {...(control as JSX.TextareaHTMLAttributes<HTMLTextAreaElement>)} />}</TextControl>;
}

export interface Option {
  value: string;
  label: string;
}

type SelectProps = {
  label: string;
  value: string;
  options: readonly Option[];
  onValue: (value: string) => void;
  error?: string;
  hint?: string;
  id?: string;
  required?: boolean;
  placeholder?: string;
};

export function SelectField(props: SelectProps) {
  // eslint-disable-next-line solid/reactivity -- an element's id is fixed when it is created
  const id = props.id ?? createUniqueId();
  return (
    <FieldShell id={id} label={props.label} error={props.error} hint={props.hint} required={props.required}>
      <select
        id={id}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props)}
        onChange={(e) => props.onValue(e.currentTarget.value)}
      >
        <Show when={props.placeholder !== undefined}>
          <option value="">{props.placeholder}</option>
        </Show>
        <For each={props.options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
      </select>
    </FieldShell>
  );
}

export function CheckboxField(props: { label: string; checked: boolean; onChecked: (v: boolean) => void; id?: string; hint?: string }) {
  // eslint-disable-next-line solid/reactivity -- an element's id is fixed when it is created
  const id = props.id ?? createUniqueId();
  return (
    <div class="field field--checkbox">
      <input id={id} type="checkbox" checked={props.checked} aria-describedby={props.hint ? `${id}-hint` : undefined} onChange={(e) => props.onChecked(e.currentTarget.checked)} />
      <label for={id}>{props.label}</label>
      <Show when={props.hint}>
        <p class="hint" id={`${id}-hint`}>{props.hint}</p>
      </Show>
    </div>
  );
}
