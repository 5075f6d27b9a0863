// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { exportForSignature, forSignatureDocuments, type ForSignatureInput } from '../../src/documents/for-signature';
import { DRAFT_MARK, PackageBlockedError, exportPackage, packageDocuments, type PackageInput } from '../../src/documents/package';
import { filedTextHash, shortFingerprint } from '../../src/domain/signed-package';
import { packageInput, pngDataUrl } from './fixtures';
import { loadFont, readBack } from './read-back';

vi.setConfig({ testTimeout: 60_000 });

const unsignedInput = (cert = {}): ForSignatureInput => {
  const input: Partial<PackageInput> = packageInput({ cert, signed: false });
  delete input.signed;
  return input as ForSignatureInput;
};

describe('the officer’s “for signature” copy', () => {
  it('holds the text to be filed, unsigned on every page, and ends with a signature page for the officer', async () => {
    const file = await exportForSignature(unsignedInput(), { loadFont });
    expect(file.fileName).toBe('Prairie Valley Telephone Company CPNI Certification 2026 FOR SIGNATURE.pdf');
    const pdf = readBack(file.bytes);
    const signed = readBack((await exportPackage(packageInput(), { mode: 'single', loadFont }))[0]!.bytes);

    // The certification's own words, as the signed package prints them.
    for (const expected of [
      'Annual 47 C.F.R. § 64.2009(e) CPNI Certification for 2026 covering calendar year 2025',
      'I, Dana R. Whitfield, certify that I am an officer of Prairie Valley Telephone Company and Prairie Valley Wireless LLC',
      'received 2 customer complaints in calendar year 2025',
      'consistent with 47 C.F.R. § 1.17',
    ]) {
      expect(signed.text).toContain(expected);
      expect(pdf.text).toContain(expected);
    }
    // Nothing looks signed: no /s/, no image, a blank date under each signature line, the mark on every page.
    expect(pdf.text).not.toContain('/s/');
    expect(pdf.images.trim().split('\n')).toHaveLength(2);
    for (const [i, page] of pdf.pages.entries()) expect(page.startsWith(DRAFT_MARK), `page ${i + 1} starts with the mark`).toBe(true);

    const last = pdf.pages.at(-1)!;
    expect(last).toContain('Signature page for the officer');
    expect(last).toContain('Company: Prairie Valley Telephone Company, Form 499 Filer ID 823456');
    expect(last).toContain('Company: Prairie Valley Wireless LLC, Form 499 Filer ID 823457');
    expect(last).toContain('Officer: Dana R. Whitfield');
    expect(last).toContain('Title: President and Chief Executive Officer');
    expect(last).toContain('The company represents and warrants that this certification is consistent with 47 C.F.R. § 1.17');
    expect(last).toContain('punishable under Title 18 of the U.S. Code');
    expect(last).toMatch(/Dana R\. Whitfield President and Chief Executive Officer Date: _{16} Prairie Valley Telephone Company Prairie Valley Wireless LLC/);
    expect(last).toContain(`Text fingerprint: ${shortFingerprint(file.textHash)}`);
    expect(last.replace(/\s/g, '')).toContain(file.textHash);
    // The filed PDF does not print the fingerprint, so the page must not say it will.
    expect(last).toContain('when the signature is recorded, the fingerprint of the signed text is shown beside it, so the two can be compared');
    expect(last).not.toMatch(/filed copy will carry/);
    expect(pdf.info['Title']).toMatch(/for signature$/);
  });

  it('carries the fingerprint the signed package will carry, whether signed typed or with an image', () => {
    const { textHash } = forSignatureDocuments(unsignedInput());
    expect(textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(filedTextHash(packageDocuments(packageInput()))).toBe(textHash);
    const image = { signature: { kind: 'image' as const, dataUrl: pngDataUrl(90, 30) } };
    expect(filedTextHash(packageDocuments(packageInput({ cert: image })))).toBe(textHash);
    // The signature date is printed only once signed: it is not part of the text sent for signature.
    expect(filedTextHash(packageDocuments(packageInput({ cert: { signatureDate: '2026-02-19' } })))).toBe(textHash);
  });

  it('gets a different fingerprint when the text to be filed changes', () => {
    const { textHash } = forSignatureDocuments(unsignedInput());
    const retitled = forSignatureDocuments(unsignedInput({ signatory: { name: 'Dana R. Whitfield', title: 'President' } }));
    expect(retitled.textHash).not.toBe(textHash);
    expect(shortFingerprint(textHash)).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  });

  it('is refused while the checks have open errors, as the package is', async () => {
    const input = unsignedInput();
    const blocked = { ...input, assembled: { ...input.assembled, blocked: true, openFindings: [] } };
    await expect(exportForSignature(blocked, { loadFont })).rejects.toBeInstanceOf(PackageBlockedError);
  });
});
