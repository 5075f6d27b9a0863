/** One entry of the change log: append-only, never edited, kept in the backup. */
import * as v from 'valibot';
import { defineEntity, idSchema, instantSchema } from './entity';

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
}

export const changeLogRowSchema = v.object({
  seq: v.optional(v.pipe(v.number('The entry number must be a number.'), v.integer('The entry number must be a whole number.'), v.minValue(1, 'The entry number must be 1 or more.'))),
  at: instantSchema('Its time'),
  entity: v.picklist(CHANGE_ENTITIES, `What changed must be one of ${CHANGE_ENTITIES.join(', ')}.`),
  entityId: idSchema('The id of what changed'),
  action: v.picklist(CHANGE_ACTIONS, `The change must be one of ${CHANGE_ACTIONS.join(', ')}.`),
  summary: v.pipe(v.string('Its summary must be text.'), v.maxLength(2000, 'Its summary is longer than 2,000 characters.')),
  prev: v.optional(v.pipe(v.string('Its link must be text.'), v.regex(/^([0-9a-f]{64})?$/, 'Its link must be a SHA-256 hash.'))),
  hash: v.optional(v.pipe(v.string('Its hash must be text.'), v.regex(/^[0-9a-f]{64}$/, 'Its hash must be a SHA-256 hash.'))),
});

/** Entries have had one shape since version 1 of the database (the chain's two fields are optional): no migration yet. */
export const changeLogEntity = defineEntity<ChangeLogEntry>({
  name: 'change-log entry',
  version: 1,
  schema: changeLogRowSchema as v.GenericSchema<unknown, ChangeLogEntry>,
  migrations: {},
});
