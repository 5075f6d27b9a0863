// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { UnsupportedCharacterError } from '../../src/documents/errors';
import { exportPackage, PackageBlockedError, packageDocuments } from '../../src/documents/package';
import { brokerAction, complaints, contactEdit, makeClient, packageInput, pngDataUrl } from './fixtures';
import { loadFont, readBack } from './read-back';

// Each test renders and reads back whole PDFs: seconds each when the machine is busy.
vi.setConfig({ testTimeout: 60_000 });

describe('the filing package as one PDF', () => {
  it('holds every element of the cover letter, the certification and its attachments', async () => {
    const input = packageInput();
    expect(input.assembled.blocked).toBe(false);
    const files = await exportPackage(input, { mode: 'single', loadFont });
    expect(files.map((f) => f.fileName)).toEqual(['Prairie Valley Telephone Company CPNI Certification 2026.pdf']);
    const pdf = readBack(files[0]!.bytes);

    // Cover letter.
    for (const expected of [
      'Ellis Regulatory Consulting LLC',
      'February 20, 2026',
      'Marlene H. Dortch, Secretary Office of the Secretary Federal Communications Commission 45 L Street NE Washington, DC 20554',
      'Via ECFS',
      'Re: Prairie Valley Telephone Company, Form 499 Filer ID 823456 Prairie Valley Wireless LLC, Form 499 Filer ID 823457 Annual CPNI Compliance Certification; EB Docket No. 06-36',
      'enclosed for filing in EB Docket No. 06-36 is the company\'s annual CPNI compliance certification for 2026, covering calendar year 2025',
      '/s/ Morgan T. Ellis Morgan T. Ellis J.D., Regulatory Consultant Ellis Regulatory Consulting LLC 200 Commerce Street, Suite 4 Wichita, KS 67202 (316) 555-0190 filings@ellisreg.example',
      'cc: Dana R. Whitfield, Prairie Valley Telephone Company',
    ]) {
      expect(pdf.pages[0]).toContain(expected);
    }

    // The certification.
    for (const expected of [
      'EB Docket No. 06-36',
      'Annual 47 C.F.R. § 64.2009(e) CPNI Certification for 2026 covering calendar year 2025',
      'Date filed: February 20, 2026',
      'Prairie Valley Telephone Company 823456',
      'Prairie Valley Wireless LLC 823457',
      'Name of signatory: Dana R. Whitfield',
      'Title of signatory: President and Chief Executive Officer',
      'I, Dana R. Whitfield, certify that I am an officer of Prairie Valley Telephone Company and Prairie Valley Wireless LLC',
      'acting as an agent of the company',
      'I have personal knowledge that the company has established operating procedures that are adequate to ensure compliance',
      '47 C.F.R. § 64.2001 et seq.',
      'Attached to this certification is an accompanying statement',
      'have taken actions against data brokers in calendar year 2025',
      'received 2 customer complaints in calendar year 2025',
      'improper access by employees: 1; improper disclosure to individuals not authorized to receive the information: 1; improper access to online information by individuals not authorized to view the information: 0',
      'about the processes pretexters are using',
      'consistent with 47 C.F.R. § 1.17',
      '/s/ Dana R. Whitfield Dana R. Whitfield President and Chief Executive Officer Date: February 18, 2026',
    ]) {
      expect(pdf.text).toContain(expected);
    }
    // The attachments in a table, with the pages where each one is in this file.
    const attachmentsTable = /Attachments Attachment Title Pages Attachment A Accompanying statement of CPNI operating procedures (\d+)–(\d+) Attachment B Actions against data brokers (\d+) Attachment C Summary of customer complaints (\d+)/.exec(pdf.text);
    expect(attachmentsTable).not.toBeNull();
    const [statementFrom, statementTo, brokersPage, complaintsPage] = attachmentsTable!.slice(1).map(Number) as [number, number, number, number];
    expect(pdf.pages[statementFrom - 1]).toMatch(/^Attachment A: Accompanying statement/);
    expect(pdf.pages[statementTo]).toMatch(/^Attachment B: Actions against data brokers/);
    expect(pdf.pages[brokersPage - 1]).toMatch(/^Attachment B: Actions against data brokers/);
    expect(pdf.pages[complaintsPage - 1]).toMatch(/^Attachment C: Summary of customer complaints/);
    expect(complaintsPage).toBe(pdf.pages.length);
    // The cover letter lists what it encloses, with the same pages.
    expect(pdf.pages[0]).toContain(
      `Enclosures Document Pages Annual 47 C.F.R. § 64.2009(e) CPNI Certification for 2026 covering calendar year 2025 2–${statementFrom - 1} Attachment A: Accompanying statement of CPNI operating procedures ${statementFrom}–${statementTo} Attachment B: Actions against data brokers ${brokersPage} Attachment C: Summary of customer complaints ${complaintsPage}`,
    );

    // Attachment A: every section numbered, with the user's edit in place of the draft.
    input.assembled.sections.forEach((section, i) => {
      // Headings cite the rule; the app's "practice" labels are not printed in a filing.
      const rule = section.citation.replace(/;\s*practice$/i, '');
      expect(pdf.text).toContain(/C\.F\.R\./.test(rule) ? `${i + 1}. ${section.heading} (${rule})` : `${i + 1}. ${section.heading}`);
    });
    expect(pdf.text).not.toMatch(/\((Practice; not a rule requirement|[^)]*; practice)\)/);
    // The attachments do not point at themselves.
    expect(pdf.text.split('Attachment C: Summary of customer complaints').at(-1)).not.toContain('A summary is attached');
    expect(input.assembled.sections.length).toBeGreaterThan(15);
    expect(pdf.text).toContain(contactEdit);

    // Attachments B and C.
    expect(pdf.text).toContain('Attachment B: Actions against data brokers');
    expect(pdf.text).toContain('On May 20, 2025, Prairie Valley Telephone Company and Prairie Valley Wireless LLC instituted a proceeding before the court system.');
    expect(pdf.text).not.toContain('Suit in the U.S. District Court');
    expect(pdf.text).toContain('Attachment C: Summary of customer complaints');
    expect(pdf.text).toMatch(/Improper access by employees 1 /);
    // A long category wraps inside its cell; the count sits on the cell's first line.
    expect(pdf.text).toMatch(/Improper access to online information by individuals not authorized to view( the information)? 0 /);
    expect(pdf.text).toContain('Total 2');
    expect(pdf.text).not.toContain('A caller obtained a copy of a bill by claiming to be the account holder.');
    expect(pdf.text).not.toContain('Old complaint.');

    // Every page numbered through the file; documents in filing order, each on a new page.
    const pageCount = Number(pdf.info['Pages']);
    expect(pdf.pages).toHaveLength(pageCount);
    pdf.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pageCount}`));
    const firstPages = [
      'Ellis Regulatory Consulting LLC',
      'EB Docket No. 06-36 Annual 47 C.F.R.',
      'Attachment A: Accompanying statement',
      'Attachment B: Actions against data brokers',
      'Attachment C: Summary of customer complaints',
    ].map((start) => pdf.pages.findIndex((page) => page.startsWith(start)));
    expect(firstPages[0]).toBe(0);
    expect(firstPages.every((p, i) => i === 0 || p > firstPages[i - 1]!)).toBe(true);
    expect(pdf.pages.at(-1)).toContain('Prairie Valley Telephone Company · CPNI Certification 2026 · EB Docket No. 06-36');
    expect(pdf.info['Page size']).toBe('612 x 792 pts (letter)');

    // Document properties.
    expect(pdf.info['Title']).toBe(
      'Annual 47 C.F.R. § 64.2009(e) CPNI Certification for 2026 covering calendar year 2025, Prairie Valley Telephone Company, Prairie Valley Wireless LLC',
    );
    expect(pdf.info['Subject']).toContain('Annual CPNI Compliance Certification; EB Docket No. 06-36');
    expect(pdf.info['Author']).toBe('Morgan T. Ellis, Ellis Regulatory Consulting LLC');
    for (const keyword of ['CPNI', 'EB Docket No. 06-36', '§ 64.2009(e)', 'Prairie Valley Telephone Company', 'Filer ID 823456', 'Prairie Valley Wireless LLC', 'Filer ID 823457', '2026', 'calendar year 2025']) {
      expect(pdf.info['Keywords']).toContain(keyword);
    }
    expect(pdf.info['CreationDate']).toMatch(/2026/);
  });

  it('gives identical bytes for the same certification exported twice', async () => {
    const a = await exportPackage(packageInput(), { mode: 'single', loadFont });
    const b = await exportPackage(packageInput(), { mode: 'single', loadFont });
    expect(Buffer.from(a[0]!.bytes).equals(Buffer.from(b[0]!.bytes))).toBe(true);
    const c = await exportPackage(packageInput({ cert: { signatureDate: '2026-02-19' } }), { mode: 'single', loadFont });
    expect(Buffer.from(c[0]!.bytes).equals(Buffer.from(a[0]!.bytes))).toBe(false);
  });

  it('refuses a package whose lint has open errors, naming them', async () => {
    const input = packageInput({ cert: { signatory: { name: 'Lee Park', title: 'Outside Regulatory Consultant' } } });
    const errors = input.assembled.openFindings.filter((f) => f.severity === 'error');
    expect(input.assembled.blocked).toBe(true);
    expect(errors.length).toBeGreaterThan(0);
    const error = await exportPackage(input, { mode: 'single', loadFont }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageBlockedError);
    const message = (error as Error).message;
    expect(message).toMatch(/^The 2026 certification of Prairie Valley Telephone Company cannot be exported/);
    for (const finding of errors) expect(message).toContain(finding.message);
    expect(message).toContain('Outside Regulatory Consultant');
    await expect(exportPackage(input, { mode: 'separate', loadFont })).rejects.toBeInstanceOf(PackageBlockedError);
  });

  it('exports once the blocking finding is overridden with a reason', async () => {
    const blocked = packageInput({ cert: { signatory: { name: 'Lee Park', title: 'Outside Regulatory Consultant' } } });
    const lintOverrides = blocked.assembled.openFindings.map((f) => ({ id: f.id, excerpt: f.excerpt, reason: 'Lee Park is the managing officer under the bylaws.' }));
    const input = packageInput({ cert: { signatory: { name: 'Lee Park', title: 'Outside Regulatory Consultant' }, lintOverrides } });
    expect(input.assembled.blocked).toBe(false);
    const pdf = readBack((await exportPackage(input, { mode: 'single', loadFont }))[0]!.bytes);
    expect(pdf.text).toContain('/s/ Lee Park');
  });
});

describe('the filing package as separate PDFs', () => {
  it('gives one file per document, named for the company, year and document', async () => {
    const files = await exportPackage(packageInput(), { mode: 'separate', loadFont });
    const prefix = 'Prairie Valley Telephone Company CPNI Certification 2026 - ';
    expect(files.map((f) => f.fileName)).toEqual([
      `${prefix}1 Cover Letter.pdf`,
      `${prefix}2 Certification.pdf`,
      `${prefix}3 Attachment A Statement.pdf`,
      `${prefix}4 Attachment B Data Brokers.pdf`,
      `${prefix}5 Attachment C Complaints.pdf`,
    ]);
    const starts = ['Ellis Regulatory Consulting LLC', 'EB Docket No. 06-36 Annual 47 C.F.R. § 64.2009(e) CPNI Certification', 'Attachment A:', 'Attachment B:', 'Attachment C:'];
    files.forEach((file, i) => {
      const pdf = readBack(file.bytes);
      expect(pdf.pages[0]!.startsWith(starts[i]!)).toBe(true);
      expect(pdf.pages[0]).toContain(`Page 1 of ${pdf.info['Pages']}`);
    });
    expect(readBack(files[1]!.bytes).text).not.toContain('Via ECFS');
  });

  it('leaves out the cover letter when it is switched off or no preparer is given', async () => {
    const off = await exportPackage(packageInput({ cert: { coverLetter: { include: false, addressee: [], body: '', cc: [] } } }), { mode: 'separate', loadFont });
    expect(off[0]!.fileName).toMatch(/- 1 Certification\.pdf$/);
    const none = packageInput({ preparer: null });
    expect(packageDocuments(none).map((d) => d.fileName)[0]).toMatch(/- 1 Certification\.pdf$/);
    const pdf = readBack((await exportPackage(none, { mode: 'single', loadFont }))[0]!.bytes);
    expect(pdf.text).not.toContain('Via ECFS');
    expect(pdf.info['Author']).toBe('Prairie Valley Telephone Company');
  });
});

describe('a certification with nothing to report', () => {
  it('has no complaint attachment and says "has not received"', async () => {
    const input = packageInput({ records: [brokerAction] });
    const single = readBack((await exportPackage(input, { mode: 'single', loadFont }))[0]!.bytes);
    expect(single.text).toContain('have not received any customer complaints in calendar year 2025');
    expect(single.text).toContain('Attachment B: Actions against data brokers');
    expect(single.text).not.toContain('Attachment C');
    expect(single.text).not.toContain('Summary of customer complaints');
    const separate = await exportPackage(input, { mode: 'separate', loadFont });
    expect(separate.map((f) => f.fileName.replace(/^.* - /, ''))).toEqual(['1 Cover Letter.pdf', '2 Certification.pdf', '3 Attachment A Statement.pdf', '4 Attachment B Data Brokers.pdf']);
  });

  it('letters the complaint summary B when there were no data-broker actions', async () => {
    const pdf = readBack((await exportPackage(packageInput({ records: complaints }), { mode: 'single', loadFont }))[0]!.bytes);
    expect(pdf.text).toContain('have not taken any actions against data brokers in calendar year 2025');
    expect(pdf.text).toContain('Attachment B: Summary of customer complaints');
    expect(pdf.text).not.toContain('Attachment C');
  });
});

describe('names and signatures', () => {
  it('keeps a name outside the standard fonts intact, in the text, the file name and the properties', async () => {
    const client = makeClient('Nguyễn Telecom');
    const files = await exportPackage(packageInput({ client }), { mode: 'single', loadFont });
    expect(files[0]!.fileName).toBe('Nguyễn Telecom CPNI Certification 2026.pdf');
    const pdf = readBack(files[0]!.bytes);
    expect(pdf.text).toContain('Companies covered by this certification: Company Form 499 Filer ID');
    expect(pdf.text).toContain('Nguyễn Telecom 823456');
    expect(pdf.text).toContain('I, Dana R. Whitfield, certify that I am an officer of Nguyễn Telecom and Prairie Valley Wireless LLC');
    expect(pdf.info['Title']).toContain('Nguyễn Telecom');
    expect(pdf.info['Keywords']).toContain('Nguyễn Telecom');
  });

  it('stops with the renderer’s own error, naming a character no font has', async () => {
    const error = await exportPackage(packageInput({ client: makeClient('Prairie 中 Telecom') }), { mode: 'single', loadFont }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedCharacterError);
    expect((error as Error).message).toContain('“中” (U+4E2D)');
  });

  it('prints a drawn signature instead of "/s/"', async () => {
    const input = packageInput({ cert: { signature: { kind: 'image', dataUrl: pngDataUrl(90, 30) } } });
    const pdf = readBack((await exportPackage(input, { mode: 'single', loadFont }))[0]!.bytes);
    expect(pdf.images.match(/\bimage\s+90\s+30\s+rgb\b/g)).toHaveLength(1);
    expect(pdf.text).not.toContain('/s/ Dana R. Whitfield');
    expect(pdf.text).toContain('Dana R. Whitfield President and Chief Executive Officer Date: February 18, 2026');
    expect(pdf.text).toContain('/s/ Morgan T. Ellis');
  });
});
