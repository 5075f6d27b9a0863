/**
 * Field builders for record kinds: each field is written once (its label, its control, its hint
 * and the messages a user sees) and gives both the schema that validates it (storage, backup
 * restore, CSV import) and the descriptor the generic form, detail view and list render.
 */
import * as v from 'valibot';
import { MAX_TEXT, TOO_LONG, isoDate, optionalIsoDate } from '../schema';

export type Control = 'text' | 'textarea' | 'date' | 'select' | 'number' | 'checkbox';

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface FieldDescriptor {
  /** The schema field it edits. */
  name: string;
  label: string;
  control: Control;
  /** For selects: the stored value and the words the user sees. */
  options?: readonly ChoiceOption[];
  /** For selects that may stay empty: what the empty choice says. */
  emptyLabel?: string;
  hint?: string;
  required?: boolean;
  /** Shown (and saved) only while another field of the draft has this value. */
  showWhen?: { field: string; is: string | boolean };
  /** A choice among this client's records of another kind (the stored value is that record's id; a kind name, checked by test/unit/record-kinds.test.ts). */
  linksTo?: string;
  /** Fields with the same group are rendered together under this legend. */
  group?: string;
}

/** One field: its schema and how it is presented (the name is the key it is defined under). */
export interface FieldSpec<S extends v.GenericSchema = v.GenericSchema> {
  schema: S;
  view: Omit<FieldDescriptor, 'name'>;
}

type Extra = Pick<FieldDescriptor, 'hint' | 'group' | 'showWhen' | 'emptyLabel'> & {
  /** The field's name in error messages when the label is a long question ("Remedy date"). */
  messageLabel?: string;
};
/** For fields whose messages do not name them (checkboxes, choices with their own message). */
type View = Omit<Extra, 'messageLabel'>;

/** Options as a value → words table, in display order. */
export function options<const O extends Record<string, string>>(table: O): readonly { value: keyof O & string; label: string }[] {
  return Object.entries(table).map(([value, label]) => ({ value: value as keyof O & string, label }));
}

const trimmed = () => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(MAX_TEXT, TOO_LONG)), '');
const requiredText = (label: string) => v.pipe(v.string(), v.trim(), v.nonEmpty(`${label} is required.`), v.maxLength(MAX_TEXT, TOO_LONG));
const count = (label: string) =>
  v.optional(
    v.union(
      [
        v.literal(''),
        v.pipe(v.number(`${label} must be a number.`), v.integer(`${label} must be a whole number.`), v.minValue(0, `${label} cannot be negative.`)),
      ],
      `${label} must be a whole number.`,
    ),
    '',
  );

function textField<C extends 'text' | 'textarea'>(control: C) {
  function build(label: string, o: Extra & { required: true }): FieldSpec<ReturnType<typeof requiredText>>;
  function build(label: string, o?: Extra & { required?: false }): FieldSpec<ReturnType<typeof trimmed>>;
  function build(label: string, o: Extra & { required?: boolean } = {}): FieldSpec {
    const { messageLabel, required, ...view } = o;
    return { schema: required ? requiredText(messageLabel ?? label) : trimmed(), view: { label, control, ...(required ? { required } : {}), ...view } };
  }
  return build;
}

export const field = {
  text: textField('text'),
  textarea: textField('textarea'),
  /** Free text with its own schema (a length limit, a pattern). */
  custom<S extends v.GenericSchema>(label: string, control: 'text' | 'textarea', schema: S, view: View & { required?: boolean } = {}): FieldSpec<S> {
    return { schema, view: { label, control, ...view } };
  },
  date: dateField,
  number(label: string, o: Extra = {}): FieldSpec<ReturnType<typeof count>> {
    const { messageLabel, ...view } = o;
    return { schema: count(messageLabel ?? label), view: { label, control: 'number', ...view } };
  },
  checkbox(label: string, view: View = {}): FieldSpec<v.OptionalSchema<v.BooleanSchema<undefined>, false>> {
    return { schema: v.optional(v.boolean(), false), view: { label, control: 'checkbox', ...view } };
  },
  /** A required choice: `message` is what the user reads when it is missing or unknown. */
  choice<const V extends string>(label: string, opts: readonly { value: V; label: string }[], message: string, view: View = {}): FieldSpec<v.PicklistSchema<V[], string>> {
    return { schema: v.picklist(opts.map((x) => x.value), message), view: { label, control: 'select', options: opts, required: true, ...view } };
  },
  /** A choice that may stay empty ('' until known). */
  optionalChoice<const V extends string>(label: string, opts: readonly { value: V; label: string }[], view: View = {}): FieldSpec<v.OptionalSchema<v.PicklistSchema<('' | V)[], undefined>, ''>> {
    return { schema: v.optional(v.picklist(['' as const, ...opts.map((x) => x.value)]), ''), view: { label, control: 'select', options: opts, ...view } };
  },
  /** The id of another record of this client (or ''). */
  link(label: string, linksTo: string, view: View = {}): FieldSpec<ReturnType<typeof trimmed>> {
    return { schema: trimmed(), view: { label, control: 'select', linksTo, ...view } };
  },
};

function dateField(label: string, o: Extra & { required: true }): FieldSpec<ReturnType<typeof isoDate>>;
function dateField(label: string, o?: Extra & { required?: false }): FieldSpec<ReturnType<typeof optionalIsoDate>>;
function dateField(label: string, o: Extra & { required?: boolean } = {}): FieldSpec {
  const { messageLabel, required, ...view } = o;
  const name = messageLabel ?? label;
  return { schema: required ? isoDate(name) : optionalIsoDate(name), view: { label, control: 'date', ...(required ? { required } : {}), ...view } };
}
