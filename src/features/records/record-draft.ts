/**
 * What the record form edits: every field as typed (strings, and booleans for checkboxes), so
 * a failed save loses nothing. `inputFromDraft` turns a draft into what the schema checks.
 */
import type { RecordKind } from '../../domain/records';
import { kindMeta, type FieldDescriptor } from './record-kinds';

export type RecordDraft = Record<string, string | boolean>;

export function isFieldShown(field: FieldDescriptor, draft: RecordDraft): boolean {
  return !field.showWhen || draft[field.showWhen.field] === field.showWhen.is;
}

export function emptyRecordDraft(kind: RecordKind): RecordDraft {
  const draft: RecordDraft = {};
  for (const f of kindMeta(kind).fields) draft[f.name] = f.control === 'checkbox' ? false : '';
  return draft;
}

/** A stored record's fields as the form shows them. */
export function draftFromRecord(kind: RecordKind, record: Record<string, unknown>): RecordDraft {
  const draft = emptyRecordDraft(kind);
  for (const f of kindMeta(kind).fields) {
    const value = record[f.name];
    if (f.control === 'checkbox') draft[f.name] = value === true;
    else if (typeof value === 'number') draft[f.name] = String(value);
    else if (typeof value === 'string') draft[f.name] = value;
  }
  return draft;
}

// "1,200" and "1 200" are how people write counts; anything else is left for the schema to refuse.
function countFrom(text: string): number | string {
  const t = text.trim().replace(/(?<=\d)[,\s](?=\d{3}\b)/g, '');
  if (t === '') return '';
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/**
 * The input the schema validates. Fields hidden by `showWhen` are sent empty, so details of
 * an unticked option are neither validated nor stored (the draft still keeps them).
 */
export function inputFromDraft(kind: RecordKind, draft: RecordDraft): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const f of kindMeta(kind).fields) {
    const value = draft[f.name];
    if (f.control === 'checkbox') {
      input[f.name] = isFieldShown(f, draft) && value === true;
      continue;
    }
    const text = typeof value === 'string' ? value : '';
    if (!isFieldShown(f, draft)) input[f.name] = '';
    else input[f.name] = f.control === 'number' ? countFrom(text) : text;
  }
  return input;
}
