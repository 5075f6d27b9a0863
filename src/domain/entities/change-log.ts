/** One entry of the change log: append-only, never edited, kept in the backup. */
import * as v from 'valibot';
import type { FieldChange } from '../change-diff';
import { defineEntity, idSchema, instantSchema } from './entity';
import { formatCount } from '../counts';

export const CHANGE_ENTITIES = ['client', 'preparer', 'settings', 'record', 'certification'] as const;
export const CHANGE_ACTIONS = ['create', 'update', 'archive', 'unarchive', 'delete', 'restore', 'purge'] as const;

export interface ChangeLogEntry {
  seq?: number;
  at: string; // instant
  entity: (typeof CHANGE_ENTITIES)[number];
  entityId: string;
  action: (typeof CHANGE_ACTIONS)[number];
  summary: string;
  /** The hash of the entry before it in the chain ('' for the first); absent before the chain began. */
  prev?: string;
  /** SHA-256 over `prev` and this entry (src/domain/change-chain.ts). */
  hash?: string;
  /** Who made the change: the user name set in Settings (absent when none was set, and in older entries). */
  by?: string;
  /** Field by field: the changed fields of an update, the whole row of a creation or deletion (absent in older entries). */
  changes?: FieldChange[];
}

/** The head of the chain: the newest entry's number and hash (kept apart from the log, and in each backup's header). */
export interface ChainHead {
  seq: number;
  hash: string;
  at?: string;
}

const text = (what: string, max: number) => v.pipe(v.string(`${what} must be text.`), v.maxLength(max, `${what} is longer than ${formatCount(max)} characters.`));

export const fieldChangeSchema = v.object(
  { field: text('A changed field’s name', 200), before: v.optional(text('A value before', 1000)), after: v.optional(text('A value after', 1000)) },
  'A field change must be an object.',
);

export const chainHeadSchema = v.object(
  {
    seq: v.pipe(v.number('The head’s entry number must be a number.'), v.integer('The head’s entry number must be a whole number.'), v.minValue(1, 'The head’s entry number must be 1 or more.')),
    hash: v.pipe(v.string('The head’s hash must be text.'), v.regex(/^[0-9a-f]{64}$/, 'The head’s hash must be a SHA-256 hash.')),
    at: v.optional(instantSchema('The head’s time')),
  },
  'The change log’s head must be an object.',
);

export const changeLogRowSchema = v.object({
  seq: v.optional(v.pipe(v.number('The entry number must be a number.'), v.integer('The entry number must be a whole number.'), v.minValue(1, 'The entry number must be 1 or more.'))),
  at: instantSchema('Its time'),
  entity: v.picklist(CHANGE_ENTITIES, `What changed must be one of ${CHANGE_ENTITIES.join(', ')}.`),
  entityId: idSchema('The id of what changed'),
  action: v.picklist(CHANGE_ACTIONS, `The change must be one of ${CHANGE_ACTIONS.join(', ')}.`),
  summary: v.pipe(v.string('Its summary must be text.'), v.maxLength(2000, 'Its summary is longer than 2,000 characters.')),
  prev: v.optional(v.pipe(v.string('Its link must be text.'), v.regex(/^([0-9a-f]{64})?$/, 'Its link must be a SHA-256 hash.'))),
  hash: v.optional(v.pipe(v.string('Its hash must be text.'), v.regex(/^[0-9a-f]{64}$/, 'Its hash must be a SHA-256 hash.'))),
  by: v.optional(text('Who made the change', 200)),
  changes: v.optional(v.pipe(v.array(fieldChangeSchema, 'Its field changes must be a list.'), v.maxLength(200, 'It lists more than 200 field changes.'))),
});

/**
 * Version 2 added who made the change (`by`) and the field changes (`changes`), both optional:
 * a version-1 entry is a version-2 entry as it is (and its hash still checks out).
 */
export const changeLogEntity = defineEntity<ChangeLogEntry>({
  name: 'change-log entry',
  version: 2,
  schema: changeLogRowSchema as v.GenericSchema<unknown, ChangeLogEntry>,
  migrations: {
    1: (row) => row,
  },
  unstamped: true,
});
