// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CpniDatabase, useDatabase } from '../../src/db/database';
import { getClient, saveClient } from '../../src/db/clients';
import { clientRecords, createCertification, getCertification, updateCertification } from '../../src/db/certifications';
import { backToDraft, markReady, noteSentForSignature } from '../../src/db/certification-steps';
import { changesFor } from '../../src/db/change-log';
import { getSettings } from '../../src/db/settings';
import { assemblePackage, newCertification } from '../../src/domain/certification-record';
import { forSignatureDocuments } from '../../src/documents/for-signature';
import { recordSignature } from '../../src/features/certifications/record-signatures';
import { reviewedAnswers } from '../fixtures/answers';

let clientId = '';
let certId = '';

beforeEach(async () => {
  useDatabase(new CpniDatabase(`signature-copies-${crypto.randomUUID()}`));
  const c = await saveClient({
    legalName: 'Mesa Rural Telephone Co.',
    filerId: '823456',
    services: ['wireline'],
    officers: [{ id: 'o1', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }],
  });
  if (!c.ok) throw new Error('client not saved');
  clientId = c.id;
  const client = (await getClient(clientId))!;
  const created = await createCertification({ ...newCertification(client, 2027), answers: reviewedAnswers(), dateFiled: '2027-02-20', signatureDate: '2027-02-19', answersReviewedOn: '2027-02-01' });
  if (!created.ok) throw new Error(created.message);
  certId = created.id;
  const ready = await markReady(certId, (await getCertification(certId))!);
  if (!ready.ok) throw new Error('not ready');
});

/** The fingerprint printed on the officer's copy, as the export computes it. */
async function copyFingerprint(): Promise<string> {
  const cert = (await getCertification(certId))!;
  const client = (await getClient(clientId))!;
  const assembled = assemblePackage(cert, client, await clientRecords(clientId), await getSettings());
  return forSignatureDocuments({ cert, assembled, client, documentDate: cert.dateFiled || '2027-02-20' }).textHash;
}

describe('a copy exported for a remote officer', () => {
  it('is noted on the certification with its fingerprint and day, and in the change log', async () => {
    const hash = await copyFingerprint();
    expect(await noteSentForSignature(certId, hash, '2027-02-10')).toEqual({ ok: true });
    expect((await getCertification(certId))!.sentForSignature).toEqual({ textHash: hash, on: '2027-02-10' });
    expect((await changesFor('certification', certId)).map((e) => e.summary)).toContainEqual(expect.stringMatching(/^Exported the copy for signature \(text fingerprint [0-9A-F]{4}-/));
  });

  it('is refused for a draft: only a certification ready to sign is sent for signature', async () => {
    await backToDraft(certId);
    const noted = await noteSentForSignature(certId, 'a'.repeat(64), '2027-02-10');
    expect(noted.ok).toBe(false);
    expect((await getCertification(certId))!.sentForSignature).toBeUndefined();
  });

  it('when the text changed after the copy was exported, a signature that comes back is refused and nothing is recorded', async () => {
    await noteSentForSignature(certId, await copyFingerprint(), '2027-02-10');
    // The statement is edited after the copy went out, then made ready again.
    await backToDraft(certId);
    const draft = (await getCertification(certId))!;
    const edited = await updateCertification(certId, { sectionEdits: { ...draft.sectionEdits, training: 'The Company trains its staff on CPNI once, at hiring.' } }, 'Edited the training section', draft.rev);
    expect(edited.ok).toBe(true);
    expect((await markReady(certId, (await getCertification(certId))!)).ok).toBe(true);
    const before = (await getCertification(certId))!;

    const outcome = await recordSignature({ certificationId: certId, signatureDate: '2027-02-18' }, '2027-02-19');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(/^The text has changed since the copy for signature was exported on February 10, 2027 .*Nothing was recorded\. Export a new copy for signature/);
    expect(await getCertification(certId)).toEqual(before);
  });

  it('while the text is the one on the copy, the signature is recorded and the signed package keeps the same fingerprint', async () => {
    await noteSentForSignature(certId, await copyFingerprint(), '2027-02-10');
    const outcome = await recordSignature({ certificationId: certId, signatureDate: '2027-02-18' }, '2027-02-19');
    expect(outcome).toEqual({ certificationId: certId, ok: true, textHash: await copyFingerprint() });
    expect((await getCertification(certId))!).toMatchObject({ status: 'signed', signatureDate: '2027-02-18' });
  });
});
