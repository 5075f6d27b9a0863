/**
 * How each kind of compliance record is presented, read from the registry in
 * src/domain/kinds/ (a new kind is one file there and one line in its index): names, what it
 * is for, the fields of its form and a one-line summary for lists. The generic RecordForm, the
 * detail view, the list and the retention review read everything from here.
 */
import {
  RECORD_KINDS,
  RECORD_KIND_REGISTRY,
  type ChoiceOption,
  type ComplianceRecord,
  type FieldDescriptor as DomainFieldDescriptor,
  type RecordKind,
  type RecordOf,
} from '../../domain/records';

export type { ChoiceOption, Control } from '../../domain/records';
export { APPROVAL_BASIS_OPTIONS, APPROVAL_MEDIUM_OPTIONS, APPROVAL_STATUS_OPTIONS, APPROVAL_TYPE_OPTIONS, DISCLOSURE_BASIS_OPTIONS, isRecordKind } from '../../domain/records';

export type FieldDescriptor = Omit<DomainFieldDescriptor, 'linksTo'> & { linksTo?: RecordKind };

export interface KindMeta<K extends RecordKind = RecordKind> {
  kind: K;
  title: string;
  plural: string;
  /** One line: what the record is for, with its citation. */
  description: string;
  citation: string;
  fields: readonly FieldDescriptor[];
  summary: (record: RecordOf<K>) => string;
}

/** The words for a stored select value ('optOut' → 'Opt-out'); the value itself if unknown. */
export function optionLabel(field: FieldDescriptor, value: string): string {
  return field.options?.find((o) => o.value === value)?.label ?? value;
}

function metaOf<K extends RecordKind>(kind: K): KindMeta<K> {
  const k = RECORD_KIND_REGISTRY[kind];
  return {
    kind,
    title: k.title,
    plural: k.plural,
    description: k.description,
    citation: k.citation,
    fields: k.fieldList as readonly FieldDescriptor[],
    summary: k.summary as unknown as (record: RecordOf<K>) => string,
  };
}

export const RECORD_KIND_META = Object.fromEntries(RECORD_KINDS.map((k) => [k, metaOf(k)])) as { [K in RecordKind]: KindMeta<K> };

export const KIND_OPTIONS: ChoiceOption[] = RECORD_KINDS.map((k) => ({ value: k, label: RECORD_KIND_META[k].title }));

export function kindMeta<K extends RecordKind>(kind: K): KindMeta<K> {
  return RECORD_KIND_META[kind];
}

/** The one-line summary of any record, for lists. */
export function summarize(record: ComplianceRecord): string {
  return (RECORD_KIND_META[record.kind] as KindMeta).summary(record as never);
}
