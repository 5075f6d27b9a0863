/**
 * Signatures that come back from remote officers, recorded in bulk: each "ready to sign"
 * certification is signed on the date the officer confirmed (typed "/s/", or the signature
 * image that came back), its package frozen exactly as in the editor's "Mark signed"; and the
 * officers' copies for signature, exported in bulk. Each is its own step: one that cannot be signed says why, and the
 * others still go through.
 */
import { APP_VERSION } from '../../app/version';
import { noteSentForSignature, setReturnedSignature, signCertification } from '../../db/certification-steps';
import { clientRecords, getCertification } from '../../db/certifications';
import { getClient } from '../../db/clients';
import { listPreparers } from '../../db/preparers';
import { getSettings } from '../../db/settings';
import { assemblePackage, readinessProblems, type Certification, type SignatureChoice } from '../../domain/certification-record';
import type { Client, Preparer, Settings } from '../../domain/schema';
import type { StoredRecord } from '../../db/database';
import { filedTextHash, shortFingerprint } from '../../domain/signed-package';
import { signatureImageProblem } from '../../domain/signature-image';
import { signingProblems } from '../../domain/certification-status';
import { formatLong, todayLocal, type IsoDate } from '../../domain/dates';
import { freezePackage } from './freeze-package';
import type { BatchResult } from '../../documents/batch';

export interface SignatureReturn {
  certificationId: string;
  /** The date the officer confirmed signing. */
  signatureDate: IsoDate;
  /** The signature image that came back (a PNG or JPEG data: URL); without one, a typed "/s/". */
  image?: string;
}

/** `textHash`: the fingerprint of the text frozen as signed, to compare with the one printed on the officer's copy. */
export type SignatureOutcome = { certificationId: string; ok: true; textHash: string } | { certificationId: string; ok: false; message: string };

export async function recordSignature(item: SignatureReturn, today: IsoDate = todayLocal()): Promise<SignatureOutcome> {
  const fail = (message: string): SignatureOutcome => ({ certificationId: item.certificationId, ok: false, message });
  let cert = await getCertification(item.certificationId);
  if (!cert) return fail('This certification no longer exists on this device.');
  if (cert.status !== 'ready') return fail(`It is ${cert.status === 'draft' ? 'a draft' : cert.status}, not ready to sign.`);
  const problems = signingProblems({ signatureDate: item.signatureDate, dateFiled: cert.dateFiled }, today);
  if (problems.length) return fail(problems.join(' '));
  const client = await getClient(cert.clientId);
  if (!client) return fail('The client no longer exists on this device.');
  const [records, settings, preparers] = await Promise.all([clientRecords(client.id), getSettings(), listPreparers()]);

  const signature: SignatureChoice = item.image ? { kind: 'image', dataUrl: item.image } : { kind: 'typed' };
  const imageProblem = item.image ? signatureImageProblem(item.image) : undefined;
  if (imageProblem) return fail(imageProblem);
  const sent = cert.sentForSignature;
  if (sent) {
    // What the officer signed is the copy exported for signature: its text must still be this one.
    const now = await textHashNow(cert, client, records, settings, preparers, today);
    if (now !== sent.textHash)
      return fail(
        `The text has changed since the copy for signature was exported on ${formatLong(sent.on)} (fingerprint on that copy ${shortFingerprint(sent.textHash)}, the text now ${shortFingerprint(now)}): the officer signed other words. Nothing was recorded. Export a new copy for signature and have it signed.`,
      );
  }
  const sameSignature = cert.signature.kind === signature.kind && (signature.kind === 'typed' || (cert.signature.kind === 'image' && cert.signature.dataUrl === signature.dataUrl));
  if (cert.signatureDate !== item.signatureDate || !sameSignature) {
    // The date the officer gave replaces the planned one; the certification stays ready to sign.
    const dated = await setReturnedSignature(cert.id, { signatureDate: item.signatureDate, signature }, cert.rev);
    if (!dated.ok) return fail(dated.message);
    cert = (await getCertification(cert.id))!;
  }
  const assembled = assemblePackage(cert, client, records, settings);
  const ready = readinessProblems(cert, assembled);
  if (ready.length) return fail(ready.join(' '));
  const preparer = preparers.find((p) => p.id === cert!.preparerId) ?? preparers.find((p) => p.isDefault);
  const frozen = await freezePackage({ cert, assembled, client, records, settings, preparer, documentDate: cert.dateFiled || today, appVersion: APP_VERSION });
  const result = await signCertification(cert.id, cert.rev ?? 0, frozen);
  return result.ok ? { certificationId: cert.id, ok: true, textHash: frozen.textHash ?? '' } : fail(result.message);
}

/** The fingerprint of the text the certification would be filed with now (the signature left out). */
async function textHashNow(cert: Certification, client: Client, records: StoredRecord[], settings: Settings, preparers: Preparer[], today: IsoDate): Promise<string> {
  const { packageDocuments } = await import('../../documents/package');
  const preparer = preparers.find((p) => p.id === cert.preparerId) ?? preparers.find((p) => p.isDefault);
  const documents = packageDocuments({ cert, assembled: assemblePackage(cert, client, records, settings), client, preparer, documentDate: cert.dateFiled || today, signed: true });
  return filedTextHash(JSON.parse(JSON.stringify(documents)) as unknown[]);
}

/** The officers' copies for signature of ready certifications, one PDF each, in one zip. */
export async function exportForSignatureBatch(
  certificationIds: readonly string[],
  onProgress?: (done: number, total: number, label: string) => void,
  today: IsoDate = todayLocal(),
): Promise<BatchResult> {
  const [{ exportBatch }, { exportForSignature }] = await Promise.all([import('../../documents/batch'), import('../../documents/for-signature')]);
  const [settings, preparers] = await Promise.all([getSettings(), listPreparers()]);
  const items = await Promise.all(
    certificationIds.map(async (id) => {
      const cert = await getCertification(id);
      const client = cert ? await getClient(cert.clientId) : undefined;
      return {
        label: client?.legalName ?? 'Unknown client',
        build: async () => {
          if (!cert) throw new Error('This certification no longer exists on this device.');
          if (!client) throw new Error('The client no longer exists on this device.');
          if (cert.status !== 'ready') throw new Error(`It is ${cert.status === 'draft' ? 'a draft' : cert.status}, not ready to sign.`);
          const assembled = assemblePackage(cert, client, await clientRecords(client.id), settings);
          const preparer = preparers.find((p) => p.id === cert.preparerId) ?? preparers.find((p) => p.isDefault);
          const file = await exportForSignature({ cert, assembled, client, preparer, documentDate: cert.dateFiled || today });
          const noted = await noteSentForSignature(cert.id, file.textHash, today);
          if (!noted.ok) throw new Error(noted.message);
          return [file];
        },
      };
    }),
  );
  return exportBatch(items, onProgress, { date: today });
}
