/**
 * Signatures that come back from remote officers, recorded in bulk: each "ready to sign"
 * certification is signed on the date the officer confirmed, its package frozen exactly as in
 * the editor's "Mark signed". Each is its own step: one that cannot be signed says why, and the
 * others still go through.
 */
import { APP_VERSION } from '../../app/version';
import { markReady, signCertification } from '../../db/certification-steps';
import { clientRecords, getCertification } from '../../db/certifications';
import { getClient } from '../../db/clients';
import { listPreparers } from '../../db/preparers';
import { getSettings } from '../../db/settings';
import { assemblePackage, readinessProblems } from '../../domain/certification-record';
import { signingProblems } from '../../domain/certification-status';
import { todayLocal, type IsoDate } from '../../domain/dates';
import { freezePackage } from './freeze-package';

export interface SignatureReturn {
  certificationId: string;
  /** The date the officer confirmed signing. */
  signatureDate: IsoDate;
}

export type SignatureOutcome = { certificationId: string; ok: true } | { certificationId: string; ok: false; message: string };

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

  if (cert.signatureDate !== item.signatureDate || cert.signature.kind !== 'typed') {
    // The date the officer gave replaces the planned one; the certification stays ready to sign.
    const dated = await markReady(cert.id, { signatureDate: item.signatureDate, signature: { kind: 'typed' } }, cert.rev);
    if (!dated.ok) return fail(dated.message);
    cert = (await getCertification(cert.id))!;
  }
  const assembled = assemblePackage(cert, client, records, settings);
  const ready = readinessProblems(cert, assembled);
  if (ready.length) return fail(ready.join(' '));
  const preparer = preparers.find((p) => p.id === cert!.preparerId) ?? preparers.find((p) => p.isDefault);
  const frozen = await freezePackage({ cert, assembled, client, records, settings, preparer, documentDate: cert.dateFiled || today, appVersion: APP_VERSION });
  const result = await signCertification(cert.id, cert.rev ?? 0, frozen);
  return result.ok ? { certificationId: cert.id, ok: true } : fail(result.message);
}
