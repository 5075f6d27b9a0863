/** The client (a carrier): its stored row, version and migrations. The form's fields are `clientFields` (schema.ts). */
import * as v from 'valibot';
import { addressSchema, affiliateSchema, clientFields, officerSchema, type Client } from '../schema';
import { addRevision, defineEntity, plain, stampEntries } from './entity';

const EMPTY_ADDRESS = { street: '', city: '', state: '', zip: '' };

export const CLIENT_VERSION = 2;

export const clientRowSchema = v.pipe(
  v.object({
    ...clientFields.entries,
    // Nested objects refuse a list where an object belongs.
    address: v.optional(plain(addressSchema), EMPTY_ADDRESS),
    officers: v.optional(v.array(plain(officerSchema)), []),
    affiliates: v.optional(v.array(plain(affiliateSchema)), []),
    ...stampEntries(CLIENT_VERSION),
  }),
  v.forward(
    v.check((c) => c.officers.filter((o) => o.isDefaultSignatory).length <= 1, 'Mark only one officer as the default signatory.'),
    ['officers'],
  ),
  v.forward(
    v.check((c) => new Set(c.officers.map((o) => o.id)).size === c.officers.length, 'Two officers have the same id; each officer needs its own.'),
    ['officers'],
  ),
  v.forward(
    v.check((c) => new Set(c.affiliates.map((a) => a.id)).size === c.affiliates.length, 'Two affiliates have the same id; each affiliate needs its own.'),
    ['affiliates'],
  ),
);

export const clientEntity = defineEntity<Client>({
  name: 'client',
  version: CLIENT_VERSION,
  schema: clientRowSchema as v.GenericSchema<unknown, Client>,
  migrations: {
    // Version 1 → 2: revisions.
    1: addRevision,
  },
});
