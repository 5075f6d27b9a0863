/**
 * A compliance record as stored: the envelope every kind shares (id, client, kind, stamps,
 * soft delete, its `date` column) around the fields of its kind, which the kind's own schema
 * checks (src/domain/records.ts).
 */
import * as v from 'valibot';
import { RECORD_FIELD_SCHEMAS, RECORD_KINDS, recordDate, type ComplianceRecord, type RecordKind } from '../records';
import { addRevision, defineEntity, idSchema, instantSchema, stampEntries, type Row } from './entity';

export const RECORD_VERSION = 2;

/** A record as stored: `date` is its event date (`recordDate`), kept as a column to sort and page by. */
export type StoredRecord = ComplianceRecord & { date: string };

const envelope = {
  ...stampEntries(RECORD_VERSION),
  clientId: idSchema('The client id'),
  deletedAt: v.optional(instantSchema('Deleted at')),
  date: v.optional(v.string()),
};

function kindRow<K extends RecordKind>(kind: K) {
  return v.object({ ...(RECORD_FIELD_SCHEMAS[kind] as v.ObjectSchema<v.ObjectEntries, undefined>).entries, ...envelope, kind: v.literal(kind) });
}

export const recordRowSchema = v.pipe(
  v.variant(
    'kind',
    RECORD_KINDS.map((k) => kindRow(k)) as unknown as [ReturnType<typeof kindRow>],
    `The kind must be one of ${RECORD_KINDS.join(', ')}.`,
  ),
  // The date column is derived, never trusted: it is the kind's own event date.
  v.transform((row) => {
    const out = { ...row } as Row;
    if (out.deletedAt === undefined) delete out.deletedAt;
    out.date = recordDate(out as unknown as ComplianceRecord);
    return out as unknown as StoredRecord;
  }),
);

export const recordEntity = defineEntity<StoredRecord>({
  name: 'record',
  version: RECORD_VERSION,
  schema: recordRowSchema as unknown as v.GenericSchema<unknown, StoredRecord>,
  migrations: {
    1: addRevision,
  },
});
