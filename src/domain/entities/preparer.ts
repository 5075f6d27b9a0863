/** A preparer (signs the cover letter): its stored row, version and migrations. The form's fields are `preparerSchema` (schema.ts). */
import * as v from 'valibot';
import { addressSchema, preparerSchema, type Preparer } from '../schema';
import { addRevision, defineEntity, plain, stampEntries } from './entity';

export const PREPARER_VERSION = 2;

export const preparerRowSchema = v.object({
  ...preparerSchema.entries,
  address: v.optional(plain(addressSchema), { street: '', city: '', state: '', zip: '' }),
  ...stampEntries(PREPARER_VERSION),
});

export const preparerEntity = defineEntity<Preparer>({
  name: 'preparer',
  version: PREPARER_VERSION,
  schema: preparerRowSchema as v.GenericSchema<unknown, Preparer>,
  migrations: {
    1: addRevision,
  },
});
