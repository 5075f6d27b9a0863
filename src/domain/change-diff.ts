/**
 * What a change-log entry says changed, field by field: for an update the fields whose value
 * changed (before → after), for a creation or deletion the row's filled-in fields. Values are
 * kept as short text (long ones cut, with “…”), enough to read back what was recorded when.
 */
import { canonicalJson } from './sha256';
import { formatCount } from './counts';

export interface FieldChange {
  /** The field's path: 'legalName', 'address.city'. */
  field: string;
  /** The value before (absent for a creation, or a field that was not there). */
  before?: string;
  /** The value after (absent for a deletion, or a field removed). */
  after?: string;
}

/** Bookkeeping and columns derived on write: never listed as changes. */
const NOT_LISTED = new Set(['id', 'key', 'rev', 'entityVersion', 'createdAt', 'updatedAt', 'date', 'liveDate', 'progressKey', 'changeLogHead']);
/** Longest value kept, in characters. */
export const MAX_VALUE_CHARS = 300;
/** Most fields listed in one entry (a few more are counted in the last line). */
export const MAX_FIELD_CHANGES = 60;

type Plain = Record<string, unknown>;
const isPlain = (x: unknown): x is Plain => typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Uint8Array);

/** "isDefaultSignatory" → "default signatory". */
const words = (key: string) => key.replace(/^is(?=[A-Z])/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * A value in words, as a person reads it in the history: a list item by item, an officer as
 * "Ann Lee, President, default signatory", a count with its name ("employee access: 2");
 * internal ids and empty fields left out.
 */
function readable(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return `(${formatCount(value.length)} bytes)`;
  if (Array.isArray(value)) return value.length ? value.map(readable).join('; ') : '(none)';
  if (isPlain(value))
    return Object.entries(value)
      .filter(([key, v]) => key !== 'id' && v !== '' && v !== false && v !== undefined && v !== null && !(Array.isArray(v) && !v.length))
      .map(([key, v]) => (v === true ? words(key) : typeof v === 'number' ? `${words(key)}: ${v}` : readable(v)))
      .join(', ');
  return value === null ? '(empty)' : String(value);
}

/** A value as the log keeps it: text, cut to MAX_VALUE_CHARS. */
export function shownValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = readable(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

const same = (a: unknown, b: unknown) => a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));

function capped(list: FieldChange[]): FieldChange[] {
  if (list.length <= MAX_FIELD_CHANGES) return list;
  return [...list.slice(0, MAX_FIELD_CHANGES - 1), { field: '…', after: `${list.length - MAX_FIELD_CHANGES + 1} more fields` }];
}

/** The fields that differ between two versions of a row (objects compared field by field, two levels deep). */
export function fieldChanges(before: Plain, after: Plain): FieldChange[] {
  const out: FieldChange[] = [];
  const walk = (a: Plain, b: Plain, prefix: string, depth: number) => {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      if (!prefix && NOT_LISTED.has(key)) continue;
      const x = a[key];
      const y = b[key];
      if (same(x, y)) continue;
      if (depth < 2 && isPlain(x) && isPlain(y)) walk(x, y, `${prefix}${key}.`, depth + 1);
      else {
        const change: FieldChange = { field: `${prefix}${key}` };
        const was = shownValue(x);
        const now = shownValue(y);
        if (was !== undefined) change.before = was;
        if (now !== undefined) change.after = now;
        out.push(change);
      }
    }
  };
  walk(before, after, '', 0);
  return capped(out);
}

const isEmpty = (x: unknown): boolean => x === undefined || x === null || x === '' || (Array.isArray(x) && x.length === 0) || (isPlain(x) && Object.values(x).every(isEmpty));

/** A whole row in the log: its filled-in fields, as the value after (created) or before (deleted). */
export function rowSummary(row: Plain, side: 'before' | 'after'): FieldChange[] {
  const out: FieldChange[] = [];
  for (const key of Object.keys(row).sort()) {
    if (NOT_LISTED.has(key) || isEmpty(row[key])) continue;
    out.push({ field: key, [side]: shownValue(row[key]) });
  }
  return capped(out);
}

/** The changes an entry records: the whole row for a creation or deletion, the changed fields otherwise. */
export function changesOf(action: string, beforeRow: object | undefined, afterRow: object | undefined): FieldChange[] {
  const before = beforeRow as Plain | undefined;
  const after = afterRow as Plain | undefined;
  if (action === 'create' && after) return rowSummary(after, 'after');
  if ((action === 'delete' || action === 'purge') && before) return rowSummary(before, 'before');
  if (before && after) return fieldChanges(before, after);
  if (after) return rowSummary(after, 'after');
  if (before) return rowSummary(before, 'before');
  return [];
}
