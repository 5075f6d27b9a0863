import type { Settings } from './schema';

/**
 * The settings before the user changes any: what `settingsSchema` gives for `{}` (a unit test
 * holds the two equal), written out so that reading the settings at startup needs no schema.
 */
export const DEFAULT_SETTINGS: Settings = {
  closures: [],
  breachRule2023EffectiveDate: '',
  dueSoonDays: 14,
  firstRunDone: false,
  lastBackupAt: '',
  userName: '',
};
