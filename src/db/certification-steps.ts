/**
 * The steps of a certification's life, each one transaction that reads the current status
 * first: ready to sign, back to draft, signed (the package is frozen with it), filed, reopened
 * as a draft, and an amended filing started from a filed one. A second tab that took the step
 * already gets a message instead of doing it twice.
 */
import type { Certification, CertificationFields } from '../domain/certification-record';
import { amendedCoverLetterBody, coverLetterBody, filedDateNote, filedProblems } from '../domain/certification-record';
import { stepProblem, type StatusStep } from '../domain/certification-status';
import { formatLong, todayLocal, type IsoDate } from '../domain/dates';
import { shortFingerprint, type SignedFile, type SignedPackage } from '../domain/signed-package';
import { logChange } from './change-log';
import { db, newId, nowInstant } from './database';
import { editableFields } from './certifications';
import { createLiveQuery } from './live';
import type { Accessor } from 'solid-js';

export type StepResult<T = object> = ({ ok: true } & T) | { ok: false; message: string };

const GONE = 'This certification no longer exists on this device.';
const STALE = 'This certification was changed in another tab or window since this screen loaded it. Nothing was done: look at the changes, then try again.';

/**
 * Reads the certification inside the transaction and refuses a step its status does not allow,
 * or one taken from a screen that loaded an earlier revision than `expectedRev`.
 */
async function current(id: string, step: StatusStep, expectedRev?: number): Promise<{ cert: Certification } | { message: string; conflict?: Certification }> {
  const cert = await db().certifications.get(id);
  if (!cert) return { message: GONE };
  const problem = stepProblem(step, cert);
  if (problem) return { message: problem };
  if (expectedRev !== undefined && cert.rev !== expectedRev) return { message: STALE, conflict: cert };
  return { cert };
}

/** Saves the user's last edits (the editor's fields only) with the status "ready to sign". */
export async function markReady(id: string, fields: Partial<CertificationFields>, expectedRev?: number): Promise<StepResult<{ rev: number }> | { ok: false; message: string; conflict?: Certification }> {
  const d = db();
  return d.transaction('rw', d.certifications, d.changeLog, async () => {
    const found = await current(id, 'markReady', expectedRev);
    if ('message' in found) return { ok: false as const, ...found };
    const rev = (found.cert.rev ?? 0) + 1;
    await d.certifications.put({ ...found.cert, ...editableFields(fields), id, status: 'ready', createdAt: found.cert.createdAt, updatedAt: nowInstant(), rev });
    await logChange({ entity: 'certification', entityId: id, action: 'update', summary: 'Marked ready to sign' });
    return { ok: true as const, rev };
  });
}

/**
 * Sets the signature that came back from the officer (its date, typed or an image) on a
 * certification that is ready to sign, keeping it ready: the text to be signed is unchanged.
 */
export async function setReturnedSignature(
  id: string,
  fields: Pick<CertificationFields, 'signatureDate' | 'signature'>,
  expectedRev?: number,
): Promise<StepResult<{ rev: number }>> {
  const d = db();
  return d.transaction('rw', d.certifications, d.changeLog, async () => {
    const found = await current(id, 'sign', expectedRev);
    if ('message' in found) return { ok: false as const, message: found.message };
    const rev = (found.cert.rev ?? 0) + 1;
    await d.certifications.put({ ...found.cert, signatureDate: fields.signatureDate, signature: fields.signature, updatedAt: nowInstant(), rev });
    const kind = fields.signature.kind === 'image' ? 'a signature image' : 'a typed /s/ signature';
    await logChange({ entity: 'certification', entityId: id, action: 'update', summary: `Recorded the officer's signature that came back: ${kind}, dated ${fields.signatureDate}` });
    return { ok: true as const, rev };
  });
}

/**
 * Notes the copy just exported for a remote officer's signature: its text fingerprint and the
 * day. Only a certification ready to sign has one; the editor's saves never touch it.
 */
export async function noteSentForSignature(id: string, textHash: string, on: IsoDate): Promise<StepResult> {
  const d = db();
  return d.transaction('rw', d.certifications, d.changeLog, async () => {
    const found = await current(id, 'sign');
    if ('message' in found) return { ok: false as const, message: found.message };
    const sent = found.cert.sentForSignature;
    if (sent?.textHash === textHash && sent.on === on) return { ok: true as const };
    await d.certifications.put({ ...found.cert, sentForSignature: { textHash, on }, updatedAt: nowInstant(), rev: (found.cert.rev ?? 0) + 1 });
    await logChange({ entity: 'certification', entityId: id, action: 'update', summary: `Exported the copy for signature (text fingerprint ${shortFingerprint(textHash)})` });
    return { ok: true as const };
  });
}

export async function backToDraft(id: string): Promise<StepResult> {
  const d = db();
  return d.transaction('rw', d.certifications, d.changeLog, async () => {
    const found = await current(id, 'backToDraft');
    if ('message' in found) return { ok: false as const, message: found.message };
    await d.certifications.put({ ...found.cert, status: 'draft', updatedAt: nowInstant() });
    await logChange({ entity: 'certification', entityId: id, action: 'update', summary: 'Put back to draft' });
    return { ok: true as const };
  });
}

export type NewSignedPackage = Omit<SignedPackage, 'id' | 'certificationId' | 'clientId' | 'certificationYear' | 'signedAt' | 'reopenedAt'>;

/**
 * Marks the certification signed and stores the package as it was signed, in one transaction.
 * `expectedRev` is the revision of the certification the package was assembled from: if it
 * changed since, the package is not what is stored, and nothing is signed.
 */
export async function signCertification(id: string, expectedRev: number, pkg: NewSignedPackage): Promise<StepResult<{ signedPackageId: string }>> {
  const d = db();
  return d.transaction('rw', d.certifications, d.signedPackages, d.changeLog, async () => {
    const found = await current(id, 'sign', expectedRev);
    if ('message' in found) return { ok: false as const, message: found.message };
    const { cert } = found;
    const signedPackageId = newId();
    const signedAt = nowInstant();
    await d.signedPackages.add({ ...pkg, id: signedPackageId, certificationId: id, clientId: cert.clientId, certificationYear: cert.certificationYear, signedAt });
    await d.certifications.put({ ...cert, status: 'signed', signedPackageId, updatedAt: signedAt });
    await logChange({
      entity: 'certification',
      entityId: id,
      action: 'update',
      summary: `Marked signed (signature dated ${cert.signatureDate}); the package was frozen with SHA-256 ${pkg.contentHash}`,
    });
    return { ok: true as const, signedPackageId };
  });
}

/** Records the filing: the day ECFS received it and its confirmation number (§ 1.4(f)). */
export async function markFiled(id: string, filedOn: IsoDate, ecfsConfirmation: string, today: IsoDate = todayLocal()): Promise<StepResult<{ note?: string }>> {
  const d = db();
  return d.transaction('rw', d.certifications, d.changeLog, async () => {
    const found = await current(id, 'markFiled');
    if ('message' in found) return { ok: false as const, message: found.message };
    const next = { ...found.cert, filedOn, ecfsConfirmation: ecfsConfirmation.trim() };
    const problems = filedProblems(next, today);
    if (problems.length) return { ok: false as const, message: problems.join(' ') };
    await d.certifications.put({ ...next, status: 'filed', updatedAt: nowInstant() });
    await logChange({ entity: 'certification', entityId: id, action: 'update', summary: `Filed on ${filedOn}, ECFS ${next.ecfsConfirmation}` });
    const note = filedDateNote(next);
    return { ok: true as const, ...(note ? { note } : {}) };
  });
}

/**
 * Reopens a signed certification as a draft: the signature and the signature date are cleared,
 * so the officer must sign again. The package that was signed is kept, marked as reopened.
 */
export async function reopenAsDraft(id: string): Promise<StepResult> {
  const d = db();
  return d.transaction('rw', d.certifications, d.signedPackages, d.changeLog, async () => {
    const found = await current(id, 'reopen');
    if ('message' in found) return { ok: false as const, message: found.message };
    const { cert } = found;
    const now = nowInstant();
    if (cert.signedPackageId) await d.signedPackages.update(cert.signedPackageId, { reopenedAt: now });
    const next: Certification = { ...cert, status: 'draft', signatureDate: '', signature: { kind: 'typed' }, updatedAt: now };
    delete next.signedPackageId;
    await d.certifications.put(next);
    await logChange({
      entity: 'certification',
      entityId: id,
      action: 'update',
      summary: `Reopened as a draft: the signature${cert.signatureDate ? ` dated ${cert.signatureDate}` : ''} was cleared and it must be signed again`,
    });
    return { ok: true as const };
  });
}

/**
 * Starts an amended filing of a filed certification: a new certification for the same client
 * and year, carrying the original's content, that says which filing it amends. The original
 * stays filed and unchanged, except that it now points to its amendment.
 */
export async function startAmendedFiling(id: string): Promise<StepResult<{ id: string }>> {
  const d = db();
  return d.transaction('rw', d.certifications, d.clients, d.changeLog, async () => {
    const found = await current(id, 'amend');
    if ('message' in found) return { ok: false as const, message: found.message };
    const original = found.cert;
    const client = await d.clients.get(original.clientId);
    const amends = { certificationId: original.id, filedOn: original.filedOn, ecfsConfirmation: original.ecfsConfirmation };
    const name = client?.legalName ?? '';
    const body =
      original.coverLetter.body === coverLetterBody(name, original.certificationYear) ? amendedCoverLetterBody(name, original.certificationYear, amends) : original.coverLetter.body;
    const now = nowInstant();
    const amendmentId = newId();
    const amendment: Certification = {
      ...structuredClone(original),
      id: amendmentId,
      status: 'draft',
      dateFiled: '',
      signatureDate: '',
      filedOn: '',
      ecfsConfirmation: '',
      signature: { kind: 'typed' },
      coverLetter: { ...structuredClone(original.coverLetter), body },
      amends,
      createdAt: now,
      updatedAt: now,
    };
    delete amendment.signedPackageId;
    delete amendment.amendedById;
    delete amendment.sentForSignature;
    await d.certifications.add(amendment);
    await d.certifications.put({ ...original, amendedById: amendmentId, updatedAt: now });
    await logChange({ entity: 'certification', entityId: amendmentId, action: 'create', summary: `Started an amended filing of the ${original.certificationYear} certification filed on ${original.filedOn}` });
    await logChange({ entity: 'certification', entityId: id, action: 'update', summary: `An amended filing was started (${formatLong(original.filedOn)} filing)` });
    return { ok: true as const, id: amendmentId };
  });
}

/** A signed package without its PDF bytes: what the screen shows. */
export type SignedPackageSummary = Omit<SignedPackage, 'files'> & { files: Record<'single' | 'separate', Omit<SignedFile, 'bytes'>[]> };

function withoutBytes(pkg: SignedPackage): SignedPackageSummary {
  const strip = (files: SignedFile[]) => files.map(({ fileName, sha256 }) => ({ fileName, sha256 }));
  return { ...pkg, files: { single: strip(pkg.files.single), separate: strip(pkg.files.separate) } };
}

export async function getSignedPackage(id: string): Promise<SignedPackage | undefined> {
  return db().signedPackages.get(id);
}

/** The signed package of a certification, live, without the PDF bytes (those are read on export). */
export function createSignedPackageQuery(id: Accessor<string | undefined>) {
  return createLiveQuery(
    async (packageId) => {
      if (!packageId) return undefined;
      const pkg = await db().signedPackages.get(packageId);
      return pkg ? withoutBytes(pkg) : undefined;
    },
    undefined as SignedPackageSummary | undefined,
    id,
  );
}

/** The PDFs exactly as signed: the one-file package or the separate documents. */
export async function signedFiles(packageId: string, mode: 'single' | 'separate'): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  const pkg = await db().signedPackages.get(packageId);
  if (!pkg) throw new Error('The signed package is missing from this device. Restore it from a backup, or reopen the certification as a draft and sign it again.');
  return pkg.files[mode].map(({ fileName, bytes }) => ({ fileName, bytes }));
}
