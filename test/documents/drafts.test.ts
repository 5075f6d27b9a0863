// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DRAFT_MARK, exportPackage, type PackageInput } from '../../src/documents/package';
import { makeClient, packageInput, pngDataUrl } from './fixtures';
import { loadFont, readBack } from './read-back';

/** Exactly what a caller gets without saying whether the package is signed. */
function withoutSignedFlag(input: PackageInput): PackageInput {
  const rest = { ...input };
  delete rest.signed;
  return rest;
}

async function single(input: PackageInput) {
  const [file] = await exportPackage(input, { mode: 'single', loadFont });
  return { bytes: file!.bytes, pdf: readBack(file!.bytes) };
}

const unsetDates = { dateFiled: '', signatureDate: '' } as const;

// Each test exports and reads back whole packages, which takes a few seconds on a busy machine.
describe('a package that is not signed', { timeout: 60_000 }, () => {
  it('is a draft by default: every page of every document carries the mark, and no signature is printed', async () => {
    const { pdf } = await single(withoutSignedFlag(packageInput({ cert: { signature: { kind: 'image', dataUrl: pngDataUrl(90, 30) } } })));
    expect(pdf.pages.length).toBeGreaterThan(5);
    pdf.pages.forEach((page, i) => {
      // At the head of the page, and again in the footer.
      expect(page.startsWith(DRAFT_MARK), `page ${i + 1} starts with the mark`).toBe(true);
      expect(page).toMatch(new RegExp(`${DRAFT_MARK} · Prairie Valley Telephone Company · CPNI Certification 2026.* Page ${i + 1} of ${pdf.pages.length}$`));
    });
    expect(pdf.text).not.toContain('/s/');
    expect(pdf.images.trim().split('\n')).toHaveLength(2); // pdfimages' header only: the drawn signature is not printed
    expect(pdf.info['Title']).toMatch(/^Annual 47 C\.F\.R\. § 64\.2009\(e\) CPNI Certification for 2026 covering calendar year 2025, .* \(DRAFT — not signed\)$/);
    expect(pdf.info['Keywords']).toContain('DRAFT');
  });

  it('prints blank signature lines with the name and title beneath, nothing over them and no signature date', async () => {
    const { pdf } = await single(packageInput({ signed: false }));
    // The text before each signature runs straight into the name under the blank line.
    expect(pdf.text).toContain('Respectfully submitted, Morgan T. Ellis J.D., Regulatory Consultant Ellis Regulatory Consulting LLC');
    expect(pdf.text).toMatch(/may subject it to enforcement action\. Dana R\. Whitfield President and Chief Executive Officer Date: _{16} Prairie Valley Telephone Company Prairie Valley Wireless LLC/);
    expect(pdf.text).not.toContain('February 18, 2026');
  });

  it('prints unset dates as blanks, never the export day', async () => {
    const { pdf } = await single(packageInput({ signed: false, cert: unsetDates }));
    expect(pdf.pages[0]).toMatch(/^DRAFT — not signed Ellis Regulatory Consulting LLC .* Date: _{16} Marlene H\. Dortch/);
    expect(pdf.text).toContain('Date filed: ________________');
    expect(pdf.text).toMatch(/Dana R\. Whitfield President and Chief Executive Officer Date: _{16} Prairie Valley/);
    // The export day (documentDate) and any other date in February are nowhere on the page.
    expect(pdf.text).not.toContain('February 10, 2026');
    expect(pdf.text).not.toMatch(/February \d+, 2026/);
  });

  it('marks every page of each document exported on its own', async () => {
    const files = await exportPackage(packageInput({ signed: false }), { mode: 'separate', loadFont });
    expect(files).toHaveLength(5);
    for (const file of files) {
      const pdf = readBack(file.bytes);
      for (const page of pdf.pages) expect(page.startsWith(DRAFT_MARK)).toBe(true);
      expect(pdf.text).not.toContain('/s/');
    }
  });

  it('sets a name outside the standard fonts in the embedded font, marked like any other draft', async () => {
    const { pdf } = await single(packageInput({ client: makeClient('Nguyễn Telecom'), signed: false }));
    expect(pdf.fonts).toMatch(/Arimo/);
    expect(pdf.text).toContain('I, Dana R. Whitfield, certify that I am an officer of Nguyễn Telecom');
    for (const page of pdf.pages) expect(page.startsWith(DRAFT_MARK)).toBe(true);
  });

  it('gives identical bytes for the same draft, and other bytes once signed', async () => {
    const a = await single(packageInput({ signed: false }));
    const b = await single(packageInput({ signed: false }));
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const signed = await single(packageInput({ signed: true }));
    expect(Buffer.from(signed.bytes).equals(Buffer.from(a.bytes))).toBe(false);
  });
});

describe('a signed package', { timeout: 60_000 }, () => {
  it('has no draft mark anywhere and prints "/s/ Name" over each signature line', async () => {
    const { pdf } = await single(packageInput({ signed: true }));
    expect(pdf.text).not.toMatch(/DRAFT/i);
    expect(pdf.info['Title']).not.toMatch(/DRAFT/i);
    expect(pdf.info['Keywords']).not.toMatch(/DRAFT/i);
    expect(pdf.text).toContain('Respectfully submitted, /s/ Morgan T. Ellis Morgan T. Ellis');
    expect(pdf.text).toContain('enforcement action. /s/ Dana R. Whitfield Dana R. Whitfield President and Chief Executive Officer Date: February 18, 2026');
  });

  it('prints the drawn signature instead, when that is the officer’s choice', async () => {
    const { pdf } = await single(packageInput({ signed: true, cert: { signature: { kind: 'image', dataUrl: pngDataUrl(90, 30) } } }));
    expect(pdf.images.match(/\bimage\s+90\s+30\s+rgb\b/g)).toHaveLength(1);
    expect(pdf.text).not.toContain('/s/ Dana R. Whitfield');
    expect(pdf.text).not.toMatch(/DRAFT/i);
  });

  it('still prints a date nobody entered as a blank', async () => {
    const { pdf } = await single(packageInput({ signed: true, cert: unsetDates }));
    expect(pdf.text).toContain('Date filed: ________________');
    expect(pdf.pages[0]).toMatch(/Date: _{16} Marlene H\. Dortch/);
    expect(pdf.text).not.toContain('February 10, 2026');
  });
});
