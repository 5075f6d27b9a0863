// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CpniDatabase, db, useDatabase } from '../../src/db/database';
import { getClient, saveClient } from '../../src/db/clients';
import { saveRecord, softDeleteRecord } from '../../src/db/records';
import { clientRecords, createCertification, findCertification, getCertification, updateCertification } from '../../src/db/certifications';
import { backToDraft, markFiled, markReady, reopenAsDraft, signCertification, signedFiles, startAmendedFiling } from '../../src/db/certification-steps';
import { updateSettings, getSettings } from '../../src/db/settings';
import { assemblePackage, newCertification, type Certification } from '../../src/domain/certification-record';
import { changesSinceSigning, packageSources, signedPackageProblems, type SignedPackage } from '../../src/domain/signed-package';
import { freezePackage } from '../../src/features/certifications/freeze-package';
import { exportPackage } from '../../src/documents/package';
import { loadFont, readBack } from '../documents/read-back';
import { reviewedAnswers } from '../fixtures/answers';

const COMPANY = 'Mesa Rural Telephone Co.';
let clientId = '';
let certId = '';

const complaint = (receivedOn: string, publicSummary = '') => ({
  receivedOn,
  category: 'employeeAccess',
  summary: 'Her husband John read her call log at the front desk.',
  publicSummary,
  resolution: 'Clerk retrained.',
});

beforeEach(async () => {
  useDatabase(new CpniDatabase(`signing-${crypto.randomUUID()}`));
  const c = await saveClient({
    legalName: COMPANY,
    filerId: '823456',
    services: ['wireline'],
    officers: [{ id: 'o1', name: 'Ann Lee', title: 'President', isDefaultSignatory: true }],
  });
  if (!c.ok) throw new Error('client not saved');
  clientId = c.id;
  const r = await saveRecord('complaint', clientId, complaint('2026-05-14', 'An employee viewed a customer’s records without a business reason.'));
  if (!r.ok) throw new Error('record not saved');
  const client = (await getClient(clientId))!;
  const created = await createCertification({ ...newCertification(client, 2027), answers: reviewedAnswers(), dateFiled: '2027-02-20', signatureDate: '2027-02-19', answersReviewedOn: '2027-02-01' });
  if (!created.ok) throw new Error(created.message);
  certId = created.id;
});

/** What the editor does on "Mark signed": assemble from what is stored, freeze, store. */
async function sign(): Promise<{ cert: Certification; pkg: SignedPackage }> {
  const cert = (await getCertification(certId))!;
  const ready = await markReady(certId, cert);
  expect(ready.ok).toBe(true);
  const stored = (await getCertification(certId))!;
  const client = (await getClient(clientId))!;
  const records = await clientRecords(clientId);
  const settings = await getSettings();
  const assembled = assemblePackage(stored, client, records, settings);
  expect(assembled.blocked).toBe(false);
  const frozen = await freezePackage({ cert: stored, assembled, client, records, settings, documentDate: '2027-02-20', appVersion: '0.1.0', loadFont });
  const signed = await signCertification(certId, stored.rev!, frozen);
  if (!signed.ok) throw new Error(signed.message);
  return { cert: (await getCertification(certId))!, pkg: (await db().signedPackages.get(signed.signedPackageId))! };
}

async function changesNow(pkg: SignedPackage) {
  const cert = (await getCertification(certId))!;
  const records = await clientRecords(clientId);
  const now = packageSources(cert, (await getClient(clientId))!, records, await getSettings());
  return changesSinceSigning(pkg.sources, now, records).map((c) => c.message);
}

// Each test renders the package to PDF, which takes seconds on a busy machine.
const SLOW = { timeout: 60_000 };

describe('signing freezes the package', () => {
  it('stores the documents, facts, hashes and PDFs as signed, and keeps them through later changes', SLOW, async () => {
    const { cert, pkg } = await sign();
    expect(cert.status).toBe('signed');
    expect(cert.signedPackageId).toBe(pkg.id);
    expect(pkg.content.facts.complaints).toMatchObject({ total: 1, recordIds: [expect.any(String)] });
    expect(pkg.content.facts.signatureDate).toBe('2027-02-19');
    expect(pkg.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(pkg.appVersion).toBe('0.1.0');
    expect(signedPackageProblems(pkg)).toEqual([]);
    const before = await signedFiles(pkg.id, 'single');
    const pdf = readBack(before[0]!.bytes);
    expect(pdf.text).toContain('/s/ Ann Lee');
    expect(pdf.text).not.toContain('DRAFT');
    expect(pdf.text).toContain('received 1 customer complaint in calendar year 2026');
    expect(await changesNow(pkg)).toEqual([]);

    // After signing: a complaint added in the covered year, one edited, the client renamed, an answer changed.
    const added = await saveRecord('complaint', clientId, complaint('2026-11-10'));
    expect(added.ok).toBe(true);
    const [first] = (await clientRecords(clientId)).filter((r) => r.kind === 'complaint' && r.date === '2026-05-14');
    expect((await saveRecord('complaint', clientId, { ...complaint('2026-05-14', 'A clerk viewed records.') }, first!.id)).ok).toBe(true);
    expect((await saveClient({ ...(await getClient(clientId))!, legalName: 'Mesa Rural Telecom LLC' }, clientId)).ok).toBe(true);
    const answers = structuredClone(cert.answers) as ReturnType<typeof reviewedAnswers>;
    answers.values.training!.how = 'with an online course';
    expect(await updateCertification(certId, { answers }, 'Changed an answer')).toMatchObject({ ok: false, message: expect.stringContaining('It is signed, so it cannot be changed. Reopen it as a draft first') });
    // An answer changed some other way (an older backup restored, another tab) is still noticed.
    await db().certifications.update(certId, { answers });
    await updateSettings({ breachRule2023EffectiveDate: '2026-06-01' });

    const again = (await db().signedPackages.get(pkg.id))!;
    expect(again.contentHash).toBe(pkg.contentHash);
    expect(again.content).toEqual(pkg.content);
    const after = await signedFiles(pkg.id, 'single');
    expect(Buffer.from(after[0]!.bytes).equals(Buffer.from(before[0]!.bytes))).toBe(true);
    expect((await getCertification(certId))!.status).toBe('signed');

    expect(await changesNow(pkg)).toEqual([
      '1 complaint dated 2026-11-10 was added after signing.',
      'The complaint dated 2026-05-14 was edited after signing.',
      'The client’s legal name changed from “Mesa Rural Telephone Co.” to “Mesa Rural Telecom LLC”.',
      'The answer “values.training.how” changed from “in person from the Company\'s written CPNI procedures manual” to “with an online course”.',
      'The effective date of the 2023 breach rule in Settings changed from nothing to “2026-06-01”.',
    ]);
  });

  it('names a deleted record and one moved out of the covered year', SLOW, async () => {
    const second = await saveRecord('complaint', clientId, complaint('2026-08-01'));
    if (!second.ok) throw new Error('record');
    const { pkg } = await sign();
    await softDeleteRecord(second.id);
    const [first] = (await clientRecords(clientId)).filter((r) => r.kind === 'complaint');
    await saveRecord('complaint', clientId, complaint('2025-12-30', 'An employee viewed a customer’s records without a business reason.'), first!.id);
    expect(await changesNow(pkg)).toEqual([
      'The complaint dated 2026-05-14 is now dated 2025-12-30, outside calendar year 2026.',
      'The complaint dated 2026-08-01 was deleted after signing.',
    ]);
  });

  it('refuses to sign a package assembled from an older version of the certification, and twice', SLOW, async () => {
    const cert = (await getCertification(certId))!;
    await markReady(certId, cert);
    const stored = (await getCertification(certId))!;
    const client = (await getClient(clientId))!;
    const records = await clientRecords(clientId);
    const settings = await getSettings();
    const frozen = await freezePackage({ cert: stored, assembled: assemblePackage(stored, client, records, settings), client, records, settings, documentDate: '2027-02-20', appVersion: '0.1.0', loadFont });
    const stale = await signCertification(certId, stored.rev! - 1, frozen);
    expect(stale).toMatchObject({ ok: false, message: expect.stringMatching(/changed in another tab or window/) });
    expect(await db().signedPackages.count()).toBe(0);
    expect((await signCertification(certId, stored.rev!, frozen)).ok).toBe(true);
    const twice = await signCertification(certId, stored.rev!, frozen);
    expect(twice).toEqual({ ok: false, message: 'It cannot be marked signed: it is signed on February 19, 2027. Reopen it as a draft first.' });
    expect(await db().signedPackages.count()).toBe(1);
  });
});

describe('after signing', () => {
  it('reopens as a draft: the signature and its date are cleared, the draft export is marked, the signed package stays on record', SLOW, async () => {
    const { pkg } = await sign();
    expect((await reopenAsDraft(certId)).ok).toBe(true);
    const cert = (await getCertification(certId))!;
    expect(cert).toMatchObject({ status: 'draft', signatureDate: '', signature: { kind: 'typed' } });
    expect(cert.signedPackageId).toBeUndefined();
    expect((await db().signedPackages.get(pkg.id))!.reopenedAt).toEqual(expect.any(String));
    expect(await reopenAsDraft(certId)).toEqual({ ok: false, message: 'It cannot be reopened as a draft: it is draft.' });
    const log = await db().changeLog.where('[entity+entityId]').equals(['certification', certId]).toArray();
    expect(log.at(-1)!.summary).toBe('Reopened as a draft: the signature dated 2027-02-19 was cleared and it must be signed again');

    const client = (await getClient(clientId))!;
    const assembled = assemblePackage(cert, client, await clientRecords(clientId), await getSettings());
    const [draft] = await exportPackage({ cert, assembled, client, documentDate: '2027-02-20', signed: false }, { mode: 'single', loadFont });
    const text = readBack(draft!.bytes).text;
    expect(text).toContain('DRAFT — not signed');
    expect(text).not.toContain('/s/');
  });

  it('files once the filing day has come; a filed certification is read-only and corrected by an amended filing', SLOW, async () => {
    await sign();
    expect(await markFiled(certId, '2027-02-20', '1022098765432', '2027-02-19')).toEqual({ ok: false, message: 'The filing date is in the future: record it once it has been filed.' });
    expect((await markFiled(certId, '2027-02-20', '1022098765432', '2027-02-21')).ok).toBe(true);
    expect(await reopenAsDraft(certId)).toEqual({ ok: false, message: expect.stringMatching(/start an amended filing to correct it/) });
    expect(await updateCertification(certId, { signatory: { name: 'X', title: 'President' } }, 'x')).toMatchObject({ ok: false, message: expect.stringMatching(/filed, so it cannot be changed/) });

    const amended = await startAmendedFiling(certId);
    if (!amended.ok) throw new Error(amended.message);
    const original = (await getCertification(certId))!;
    expect(original).toMatchObject({ status: 'filed', filedOn: '2027-02-20', amendedById: amended.id });
    const amendment = (await getCertification(amended.id))!;
    expect(amendment).toMatchObject({
      status: 'draft',
      certificationYear: 2027,
      clientId,
      dateFiled: '',
      signatureDate: '',
      filedOn: '',
      amends: { certificationId: certId, filedOn: '2027-02-20', ecfsConfirmation: '1022098765432' },
    });
    expect(amendment.coverLetter.body).toContain('is an amended annual CPNI compliance certification for 2027');
    expect(amendment.coverLetter.body).toContain('It amends the certification filed on February 20, 2027 (ECFS confirmation 1022098765432).');
    // The client-and-year lookup finds the filing in force: the amendment.
    expect((await findCertification(clientId, 2027))!.id).toBe(amended.id);
    expect(await startAmendedFiling(certId)).toEqual({ ok: false, message: 'An amended filing of this certification has already been started.' });
  });

  it('puts a certification that is ready back to draft only from ready', SLOW, async () => {
    expect(await backToDraft(certId)).toEqual({ ok: false, message: 'It cannot be put back to draft: it is draft.' });
    await markReady(certId, (await getCertification(certId))!);
    expect((await backToDraft(certId)).ok).toBe(true);
    expect((await getCertification(certId))!.status).toBe('draft');
  });
});
