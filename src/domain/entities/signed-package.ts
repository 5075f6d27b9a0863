/**
 * A signed package as stored: its ids and hashes strictly, its PDFs as bytes. The documents and
 * the facts are checked against the package's content hash (`signedPackageProblems`), which says
 * whether anything in them changed after signing.
 */
import * as v from 'valibot';
import { filedTextHash, type SignedPackage } from '../signed-package';
import { addRevision, defineEntity, idSchema, instantSchema, isPlainObject, stampEntries, type Row } from './entity';

export const SIGNED_PACKAGE_VERSION = 3;

/** A signed package with its revision and version (its stamps are its signing time). */
export type StoredSignedPackage = SignedPackage & { rev?: number; entityVersion?: number };

export const HASH = (label: string) => v.pipe(v.string(`${label} must be text.`), v.regex(/^[0-9a-f]{64}$/, `${label} must be a SHA-256 hash (64 hex digits).`));

const fileSchema = v.object({
  fileName: idSchema('A signed PDF’s file name'),
  sha256: HASH('A signed PDF’s hash'),
  bytes: v.instance(Uint8Array, 'A signed PDF must be stored as bytes.'),
});

const { id, rev, entityVersion } = stampEntries(SIGNED_PACKAGE_VERSION);

/** Everything but the PDFs; the backup holds those as base64 and the database as bytes. */
export const signedPackageEntries = {
  id,
  rev,
  entityVersion,
  certificationId: idSchema('The certification id'),
  clientId: idSchema('The client id'),
  certificationYear: v.pipe(v.number('Certification year must be a number.'), v.integer('Certification year must be a whole number.')),
  signedAt: instantSchema('Signed at'),
  appVersion: v.string('The app version must be text.'),
  contentHash: HASH('The content hash'),
  content: v.object({
    documents: v.array(v.custom<object>(isPlainObject, 'A signed document must be an object.'), 'The signed documents must be a list.'),
    facts: v.custom<SignedPackage['content']['facts']>(isPlainObject, 'The signed facts must be an object.'),
  }),
  sources: v.custom<SignedPackage['sources']>(isPlainObject, 'What the package was signed from must be an object.'),
  reopenedAt: v.optional(instantSchema('Reopened at')),
  textHash: v.optional(HASH('The text fingerprint')),
};

export const signedPackageRowSchema = v.object({ ...signedPackageEntries, files: v.object({ single: v.array(fileSchema), separate: v.array(fileSchema) }) });

export const signedPackageEntity = defineEntity<StoredSignedPackage>({
  name: 'signed package',
  version: SIGNED_PACKAGE_VERSION,
  schema: signedPackageRowSchema as unknown as v.GenericSchema<unknown, StoredSignedPackage>,
  migrations: { 1: addRevision, 2: addTextHash },
});

/** Version 3: the fingerprint of the signed text, worked out from the documents it already holds. */
function addTextHash(row: Row): Row {
  const documents = (row.content as { documents?: unknown } | undefined)?.documents;
  return Array.isArray(documents) ? { ...row, textHash: filedTextHash(documents) } : row;
}
