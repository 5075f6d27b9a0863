/**
 * Every stored entity, by its table. One definition each (schema, version, defaults,
 * migrations); the database's write checks, its upgrade and the backup restore read them here.
 */
import { certificationEntity } from './certification';
import { changeLogEntity } from './change-log';
import { clientEntity } from './client';
import { preparerEntity } from './preparer';
import { recordEntity } from './record';
import { settingsEntity } from './settings';
import { signedPackageEntity } from './signed-package';
import { syncBaseEntity } from './sync-base';
import type { EntityDefinition } from './entity';

export const ENTITIES = {
  clients: clientEntity,
  preparers: preparerEntity,
  settings: settingsEntity,
  records: recordEntity,
  certifications: certificationEntity,
  signedPackages: signedPackageEntity,
  changeLog: changeLogEntity,
  syncBases: syncBaseEntity,
} as const satisfies Record<string, EntityDefinition<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each entity has its own row type

export type EntityTableName = keyof typeof ENTITIES;

export * from './entity';
export { clientEntity, clientRowSchema, CLIENT_VERSION } from './client';
export { preparerEntity, preparerRowSchema, PREPARER_VERSION } from './preparer';
export { settingsEntity, settingsRowSchema, defaultSettings, SETTINGS_VERSION, type SettingsRow } from './settings';
export { recordEntity, recordRowSchema, RECORD_VERSION, type StoredRecord } from './record';
export {
  certificationEntity,
  certificationRowSchema,
  answersSchema,
  overridesSchema,
  sectionEditsSchema,
  CERTIFICATION_VERSION,
  EDITABLE_CERTIFICATION_FIELDS,
  type EditableCertificationField,
} from './certification';
export { signedPackageEntity, signedPackageRowSchema, signedPackageEntries, SIGNED_PACKAGE_VERSION, HASH, type StoredSignedPackage } from './signed-package';
export { changeLogEntity, changeLogRowSchema, chainHeadSchema, CHANGE_ENTITIES, CHANGE_ACTIONS, type ChainHead, type ChangeLogEntry } from './change-log';
export { syncBaseEntity, syncBaseRowSchema, type SyncBase } from './sync-base';
