/**
 * Freezes a certification's package as the officer signs it: the documents as the renderer
 * receives them, the facts, the snapshot of what they came from, and the PDFs rendered once
 * (one file and one per document). The certification is then read from this, never assembled
 * again, so the PDF exported later is the same file byte for byte.
 */
import type { AssembledPackage, CertificationFields } from '../../domain/certification-record';
import type { ComplianceRecord } from '../../domain/records';
import { contentHashOf, filedTextHash, packageSources, signedFacts, signedFile, type PackageSources, type SourceClient, type SourceSettings } from '../../domain/signed-package';
import type { NewSignedPackage } from '../../db/certification-steps';
import type { FontLoader } from '../../documents/fonts';
import type { PreparerProfile } from '../../documents/package';
import type { IsoDate } from '../../domain/dates';

export interface FreezeInput {
  cert: CertificationFields;
  assembled: AssembledPackage;
  client: SourceClient;
  records: readonly ComplianceRecord[];
  settings: SourceSettings;
  preparer?: PreparerProfile & PackageSources['preparer'];
  /** The date the documents carry when the certification has no date filed. */
  documentDate: IsoDate;
  appVersion: string;
  loadFont?: FontLoader;
}

export async function freezePackage(input: FreezeInput): Promise<NewSignedPackage> {
  const { exportPackage, packageDocuments } = await import('../../documents/package');
  const packageInput = { cert: input.cert, assembled: input.assembled, client: input.client, preparer: input.preparer, documentDate: input.documentDate, signed: true };
  const options = input.loadFont ? { loadFont: input.loadFont } : {};
  const documents = packageDocuments(packageInput);
  const single = await exportPackage(packageInput, { mode: 'single', ...options });
  const separate = await exportPackage(packageInput, { mode: 'separate', ...options });
  const content = { documents: JSON.parse(JSON.stringify(documents)) as unknown[], facts: signedFacts(input.cert, input.assembled) };
  return {
    appVersion: input.appVersion,
    content,
    contentHash: contentHashOf(content),
    textHash: filedTextHash(content.documents),
    // The cover letter is the only part that reads the preparer.
    sources: packageSources(input.cert, input.client, input.records, input.settings, input.cert.coverLetter.include ? input.preparer : undefined),
    files: {
      single: single.map((f) => signedFile(f.fileName, f.bytes)),
      separate: separate.map((f) => signedFile(f.fileName, f.bytes)),
    },
  };
}
