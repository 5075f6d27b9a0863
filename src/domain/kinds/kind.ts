/**
 * What one record kind is, in one place: its fields (schema and presentation from the same
 * definition), the date it is filed under, the duty that says how long it is kept, the clocks
 * it starts, and its one-line summary. `defineKind` checks the pieces fit together.
 */
import * as v from 'valibot';
import type { BreachSettings } from '../breach-clock';
import type { Clock, ClockContext } from '../clock';
import type { DutyId } from '../duties';
import type { Stamped } from '../schema';
import type { FieldDescriptor, FieldSpec } from './fields';
import { formatCount } from '../counts';

export interface RecordBase<K extends string> extends Stamped {
  clientId: string;
  kind: K;
  deletedAt?: string; // soft delete (instant); purged only after retention allows it
}

type Specs = Record<string, FieldSpec>;
export type FieldsSchema<F extends Specs> = v.ObjectSchema<{ [N in keyof F]: F[N]['schema'] }, undefined>;
export type KindRecord<K extends string, F extends Specs> = RecordBase<K> & v.InferOutput<FieldsSchema<F>>;

export interface RecordClockList {
  clocks: Clock[];
  notes: string[];
}

export interface KindDefinition<K extends string = string, F extends Specs = Specs> {
  kind: K;
  title: string;
  plural: string;
  /** One line: what the record is for, with its citation. */
  description: string;
  citation: string;
  fields: F;
  /** The required date field the record is filed under (its year decides its certification). */
  dateField: keyof F & string;
  /** The duty (duties.ts) that says how long it is kept; breaches depend on the rule version. */
  retention: DutyId | ((record: KindRecord<K, F>, settings?: BreachSettings) => DutyId);
  /** A note shown with its retention date. */
  retentionNote?: string;
  /** The clocks it starts (clock.ts gives each its status); kinds without clocks leave it out. */
  clocks?: (record: KindRecord<K, F>, ctx: ClockContext) => RecordClockList;
  summary: (record: KindRecord<K, F>) => string;
}

export interface RecordKindEntry<K extends string = string, F extends Specs = Specs> extends KindDefinition<K, F> {
  /** The schema of its fields (without the common columns). */
  schema: FieldsSchema<F>;
  /** Its fields as the form renders them, in order. */
  fieldList: readonly FieldDescriptor[];
}

export function defineKind<const K extends string, const F extends Specs>(def: KindDefinition<K, F>): RecordKindEntry<K, F> {
  const entries = Object.fromEntries(Object.entries(def.fields).map(([name, spec]) => [name, spec.schema])) as { [N in keyof F]: F[N]['schema'] };
  return {
    ...def,
    schema: v.object(entries),
    fieldList: Object.entries(def.fields).map(([name, spec]) => ({ name, ...spec.view })),
  };
}

/** Presentation helpers the summaries share. */
export const clip = (s: string, max = 90): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
};
export const labelOf = (opts: readonly { value: string; label: string }[], value: string) => opts.find((o) => o.value === value)?.label ?? value;
export const people = (n: number | '' | undefined, one: string, many: string) => (typeof n !== 'number' ? '' : `${formatCount(n)} ${n === 1 ? one : many}`);
export const joinSummary = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' · ');
