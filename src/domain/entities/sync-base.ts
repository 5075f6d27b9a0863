/**
 * What this device last agreed on with a client file, per entity: the content hash of the row
 * as it was when the row was last exported to or imported from a file. A later import compares
 * both sides with it to tell "only the file changed" from "both changed" (a conflict).
 * Device-local: never in a backup or a client file.
 */
import * as v from 'valibot';
import { defineEntity, idSchema, instantSchema } from './entity';
import { HASH } from './signed-package';

export interface SyncBase {
  /** `<table>:<id>`, e.g. `records:4f…`. */
  key: string;
  hash: string;
  at: string;
}

export const syncBaseRowSchema = v.object({
  key: idSchema('The sync key'),
  hash: HASH('The sync hash'),
  at: instantSchema('Synced at'),
});

export const syncBaseEntity = defineEntity<SyncBase>({
  name: 'sync base',
  version: 1,
  schema: syncBaseRowSchema as v.GenericSchema<unknown, SyncBase>,
  migrations: {},
});
