import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { settingsSchema } from '../../src/domain/schema';
import { DEFAULT_SETTINGS } from '../../src/domain/settings-defaults';

describe('the default settings', () => {
  it('are exactly what the settings schema gives for an empty row', () => {
    expect(DEFAULT_SETTINGS).toEqual(v.parse(settingsSchema, {}));
  });
});
