/**
 * The record-kind registry. A new kind is one file in this folder (see kind.ts for what it
 * holds) and one line in KINDS below; the schema, the form, the list, the dashboard's clocks,
 * the retention review, the backup check and the certification's checks all read it from here.
 */
import { approval } from './approval';
import { breach } from './breach';
import { campaign } from './campaign';
import { complaint } from './complaint';
import { dataBrokerAction } from './data-broker-action';
import { disclosure } from './disclosure';
import { notice } from './notice';
import { optOutFailure } from './opt-out-failure';
import { pretexting } from './pretexting';
import { supervisoryReview } from './supervisory-review';
import { training } from './training';

/** Every kind, in the order lists and menus show them. */
const KINDS = [breach, campaign, disclosure, approval, notice, supervisoryReview, training, complaint, dataBrokerAction, pretexting, optOutFailure] as const;

type Kinds = (typeof KINDS)[number];
export type RecordKind = Kinds['kind'];
export type KindEntry<K extends RecordKind> = Extract<Kinds, { kind: K }>;

export const RECORD_KIND_REGISTRY = Object.fromEntries(KINDS.map((k) => [k.kind, k])) as { [K in RecordKind]: KindEntry<K> };
export const RECORD_KINDS = KINDS.map((k) => k.kind) as readonly RecordKind[] as readonly [RecordKind, ...RecordKind[]];

/** The kinds that start clocks (the dashboard reads only these). */
export const CLOCKED_KINDS: readonly RecordKind[] = KINDS.filter((k) => 'clocks' in k && typeof k.clocks === 'function').map((k) => k.kind);

export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RECORD_KIND_REGISTRY, value);
}

export { APPROVAL_BASES, APPROVAL_BASIS_OPTIONS } from './campaign';
export { DISCLOSURE_BASES, DISCLOSURE_BASIS_OPTIONS } from './disclosure';
export { APPROVAL_MEDIUM_OPTIONS, APPROVAL_STATUS_OPTIONS, APPROVAL_TYPE_OPTIONS, approvalKey } from './approval';
export { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, type ComplaintCategory } from './complaint';
export type { ChoiceOption, Control, FieldDescriptor } from './fields';
export type { RecordBase, RecordKindEntry } from './kind';
