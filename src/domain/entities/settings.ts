/** The app's settings (one row, key 'app'): stored row, version, defaults and migrations. */
import * as v from 'valibot';
import { closureSchema, settingsSchema, type Settings } from '../schema';
import { defineEntity, instantSchema, plain, revSchema, VERSION_FIELD, type Row } from './entity';
import { chainHeadSchema, type ChainHead } from './change-log';

export const SETTINGS_VERSION = 3;

export interface SettingsRow extends Settings {
  key: 'app';
  rev?: number;
  entityVersion?: number;
  /** The change log's head, written with every entry (src/db/change-log.ts): removing the newest entries shows. */
  changeLogHead?: ChainHead;
}

export const settingsRowSchema = v.object({
  ...settingsSchema.entries,
  closures: v.optional(v.array(plain(closureSchema)), []),
  lastBackupAt: v.optional(v.union([v.literal(''), instantSchema('The last backup time')], 'The last backup time must be a date and time or empty.'), ''),
  changeLogHead: v.optional(chainHeadSchema),
  key: v.literal('app', 'The settings row’s key must be “app”.'),
  rev: revSchema,
  [VERSION_FIELD]: v.literal(SETTINGS_VERSION),
});

/** The settings as they are before the user changes anything. */
export const defaultSettings = (): Settings => v.parse(settingsSchema, {});

export const settingsEntity = defineEntity<SettingsRow>({
  name: 'settings',
  version: SETTINGS_VERSION,
  schema: settingsRowSchema as v.GenericSchema<unknown, SettingsRow>,
  migrations: {
    // Version 1 → 2: revisions; a row without a key (a backup's settings) is the app's.
    1: (row: Row) => ({ ...row, key: row.key ?? 'app', rev: typeof row.rev === 'number' ? row.rev : 1 }),
    // Version 2 → 3: the user's name for the change log (none yet).
    2: (row: Row) => ({ ...row, userName: typeof row.userName === 'string' ? row.userName : '' }),
  },
});
