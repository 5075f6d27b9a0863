// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  attachmentDocument,
  certificationDocument,
  certificationTitle,
  coverLetterDocument,
  optOutFailureLetterDocument,
  statementDocument,
  type CertificationInput,
  type CompanyEntry,
} from '../../src/documents/builders';
import { FontLoadError, UnsupportedCharacterError } from '../../src/documents/errors';
import type { FontLoader } from '../../src/documents/fonts';
import type { PdfDocument } from '../../src/documents/model';
import { renderPdf } from '../../src/documents/render';
import { pngDataUrl } from './fixtures';
import { readBack } from './read-back';

// Each test renders and reads back whole PDFs: seconds each when the machine is busy.
vi.setConfig({ testTimeout: 60_000 });

const fontsDir = join(__dirname, '../../public/fonts');
const fontLoads: string[] = [];
const loadFont: FontLoader = async (file) => {
  fontLoads.push(file);
  return readFileSync(join(fontsDir, file));
};

/** Deterministic filler: long enough to force page breaks, varied enough to wrap differently. */
function filler(seed: number, sentences: number): string {
  const words = ['customer', 'proprietary', 'network', 'information', 'safeguards', 'authentication', 'records', 'training', 'supervisory', 'review', 'marketing', 'approval', 'notice', 'carrier'];
  return Array.from({ length: sentences }, (_, s) => {
    const n = 8 + ((seed * 7 + s * 5) % 11);
    const body = Array.from({ length: n }, (_, w) => words[(seed + s * 3 + w * 5) % words.length]).join(' ');
    return `${body.charAt(0).toUpperCase()}${body.slice(1)}.`;
  }).join(' ');
}

const acme: CompanyEntry = { name: 'Acme Rural Telephone Cooperative, Inc.', filerId: '812345' };
const acmeWireless: CompanyEntry = { name: 'Acme Wireless LLC', filerId: '829901' };

function certificationInput(overrides: Partial<CertificationInput> = {}): CertificationInput {
  return {
    author: 'Jane Q. Officer',
    filingYear: 2026,
    coveredYear: 2025,
    dateFiled: '2026-02-27',
    documentDate: '2026-02-27',
    companies: [acme, acmeWireless],
    signatory: { name: 'Jane Q. Officer', title: 'Chief Executive Officer' },
    paragraphs: [
      'I, Jane Q. Officer, certify that I am an officer of the companies named above and, acting as their agent, that I have personal knowledge that the companies have established operating procedures that are adequate to ensure compliance with the Commission’s CPNI rules, 47 C.F.R. § 64.2001 et seq.',
      'Attached to this certification is an accompanying statement explaining how the companies’ procedures ensure compliance.',
      'The companies have not taken actions against data brokers in the past year.',
      'The companies have received 3 customer complaints in the past year concerning the unauthorized release of CPNI.',
      `Pretexter methods: ${filler(1, 6)}`,
      'The companies represent and warrant that this certification is consistent with 47 C.F.R. § 1.17.',
    ],
    signature: { kind: 'typed', name: 'Jane Q. Officer', title: 'Chief Executive Officer', date: '2026-02-27' },
    attachments: [
      { label: 'Attachment A', title: 'Accompanying Statement' },
      { label: 'Attachment B', title: 'Summary of Customer Complaints' },
    ],
    ...overrides,
  };
}

function packageDocuments(): PdfDocument[] {
  const cover = coverLetterDocument({
    author: 'Regulatory Filings LLP',
    filingYear: 2026,
    companies: [acme, acmeWireless],
    letterhead: ['Regulatory Filings LLP', '100 Main Street, Suite 200, Springfield, IL 62701', '(217) 555-0100 · filings@example.com'],
    date: '2026-02-26',
    documentDate: '2026-02-26',
    addressLines: ['45 L Street NE', 'Washington, DC 20554'],
    salutation: 'Dear Secretary:',
    body: ['On behalf of the companies named above, enclosed is their annual CPNI compliance certification.', filler(2, 5)],
    closing: 'Respectfully submitted,',
    signature: { kind: 'typed', name: 'Pat Preparer', title: 'Consultant to Acme', lines: ['(217) 555-0100', 'pat@example.com'] },
    cc: ['Enforcement Bureau, Telecommunications Consumers Division'],
  });
  const certification = certificationDocument(certificationInput());
  const statement = statementDocument({
    author: 'Jane Q. Officer',
    title: 'Attachment A: Accompanying Statement',
    companies: [acme, acmeWireless],
    filingYear: 2026,
    date: '2026-02-27',
    intro: ['This statement explains how the companies’ operating procedures ensure compliance.'],
    sections: Array.from({ length: 9 }, (_, i) => ({
      heading: `Section heading number ${i + 1}`,
      body: [filler(i + 3, 7), filler(i + 4, 9), filler(i + 5, 5)],
    })),
  });
  const complaints = attachmentDocument({
    author: 'Jane Q. Officer',
    title: 'Attachment B: Summary of Customer Complaints',
    companies: [acme, acmeWireless],
    filingYear: 2026,
    date: '2026-02-27',
    parts: [
      { kind: 'paragraph', text: 'Complaints received in calendar year 2025 concerning the unauthorized release of CPNI:' },
      {
        kind: 'table',
        columns: [{ header: 'Category', weight: 3 }, { header: 'Complaints', align: 'right' }],
        rows: [
          ['Improper access by employees', '1'],
          ['Improper disclosure to unauthorized individuals', '2'],
          ['Improper online access by unauthorized individuals', '0'],
        ],
      },
      { kind: 'heading', text: 'Summary' },
      { kind: 'paragraph', text: filler(11, 6) },
    ],
  });
  return [cover, certification, statement, complaints];
}

describe('the filing package PDF', () => {
  it('holds every document, heading and value, numbered "Page n of N" through the whole file', async () => {
    const bytes = await renderPdf(packageDocuments(), { loadFont });
    const pdf = readBack(bytes);
    const pageCount = Number(pdf.info['Pages']);

    expect(pageCount).toBeGreaterThanOrEqual(6);
    expect(pdf.pages).toHaveLength(pageCount);
    pdf.pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pageCount}`);
    });
    expect(pdf.info['Page size']).toBe('612 x 792 pts (letter)');

    for (const expected of [
      'Regulatory Filings LLP',
      'February 26, 2026',
      'Office of the Secretary Federal Communications Commission 45 L Street NE Washington, DC 20554',
      'Via ECFS',
      'Acme Rural Telephone Cooperative, Inc., Form 499 Filer ID 812345',
      'Annual CPNI Compliance Certification; EB Docket No. 06-36',
      '/s/ Pat Preparer',
      'cc: Enforcement Bureau, Telecommunications Consumers Division',
      'EB Docket No. 06-36',
      certificationTitle(2026, 2025),
      'Date filed: February 27, 2026',
      'Acme Wireless LLC 829901',
      'Name of signatory: Jane Q. Officer',
      'Title of signatory: Chief Executive Officer',
      '47 C.F.R. § 64.2001 et seq.',
      '/s/ Jane Q. Officer',
      'Attachment A: Accompanying Statement',
      'Attachment B: Summary of Customer Complaints',
      '1. Section heading number 1',
      '9. Section heading number 9',
      'Improper disclosure to unauthorized individuals 2',
    ]) {
      expect(pdf.text).toContain(expected);
    }
  });

  it('starts every document on a new page', async () => {
    const docs = packageDocuments();
    const pdf = readBack(await renderPdf(docs, { loadFont }));
    const starts = [
      'Regulatory Filings LLP',
      'EB Docket No. 06-36 Annual 47 C.F.R.',
      'Attachment A: Accompanying Statement Acme Rural',
      'Attachment B: Summary of Customer Complaints Acme Rural',
    ];
    const firstPages = starts.map((start) => pdf.pages.findIndex((page) => page.startsWith(start)));
    expect(firstPages[0]).toBe(0);
    expect(firstPages.every((p) => p >= 0)).toBe(true);
    expect([...firstPages].sort((a, b) => a - b)).toEqual(firstPages);
    expect(new Set(firstPages).size).toBe(4);
  });

  it('can number each document on its own', async () => {
    const pdf = readBack(await renderPdf(packageDocuments(), { loadFont, numbering: 'document' }));
    // Cover letter and certification one page each, then the statement over several.
    expect(pdf.pages[0]).toContain('Page 1 of 1');
    expect(pdf.pages[1]).toContain('Page 1 of 1');
    const statementPages = Number(/Page 1 of (\d+)/.exec(pdf.pages[2]!)?.[1]);
    expect(statementPages).toBeGreaterThan(1);
    expect(pdf.pages[2]).toMatch(/^Attachment A: Accompanying Statement/);
    expect(pdf.pages[1 + statementPages]).toContain(`Page ${statementPages} of ${statementPages}`);
    expect(pdf.pages[2 + statementPages]).toMatch(/^Attachment B: .* Page 1 of 1$/);
  });

  it('writes title, subject, author, keywords and creator into the document properties', async () => {
    const pdf = readBack(
      await renderPdf(packageDocuments(), {
        loadFont,
        properties: { title: 'Acme CPNI Certification 2026', subject: 'Annual CPNI Compliance Certification; EB Docket No. 06-36' },
      }),
    );
    expect(pdf.info['Title']).toBe('Acme CPNI Certification 2026');
    expect(pdf.info['Subject']).toBe('Annual CPNI Compliance Certification; EB Docket No. 06-36');
    expect(pdf.info['Author']).toBe('Regulatory Filings LLP');
    expect(pdf.info['Keywords']).toContain('EB Docket No. 06-36');
    expect(pdf.info['Keywords']).toContain('Filer ID 812345');
    expect(pdf.info['Creator']).toBe('CPNI Desk');
  });

  it('gives the same bytes for the same input, with the creation date taken from the model', async () => {
    const a = await renderPdf(packageDocuments(), { loadFont });
    const b = await renderPdf(packageDocuments(), { loadFont });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const raw = Buffer.from(a).toString('latin1');
    expect(raw).toContain("/CreationDate (D:20260226000000+00'00')");

    const changed = packageDocuments();
    changed[1] = certificationDocument(certificationInput({ signatory: { name: 'Jane Q. Officer', title: 'President' } }));
    const c = await renderPdf(changed, { loadFont });
    const id = (bytes: Uint8Array) => /\/ID \[ <([0-9A-F]{32})>/.exec(Buffer.from(bytes).toString('latin1'))?.[1];
    expect(id(a)).toMatch(/^[0-9A-F]{32}$/);
    expect(id(c)).not.toBe(id(a));
  });

  it('does not load the embedded font when every character is in the standard fonts', async () => {
    const failing: FontLoader = () => Promise.reject(new Error('offline'));
    const pdf = readBack(await renderPdf(packageDocuments(), { loadFont: failing }));
    expect(pdf.text).toContain('/s/ Jane Q. Officer');
    expect(pdf.fonts).not.toContain('Arimo');
  });
});

describe('names outside the standard PDF character set', () => {
  const names = ['Nguyễn Văn An', 'Łukasz Żółć'];

  it('come back intact through text extraction, set in the embedded font', async () => {
    fontLoads.length = 0;
    const doc = certificationDocument(
      certificationInput({
        author: 'Nguyễn Văn An',
        companies: [{ name: 'Żółć Łączność sp. z o.o.', filerId: '830001' }],
        signatory: { name: 'Nguyễn Văn An', title: 'Giám đốc (President)' },
        paragraphs: [
          'I, Nguyễn Văn An, certify on behalf of Żółć Łączność sp. z o.o., with Łukasz Żółć as witness.',
          [{ text: 'Người ký (Łukasz Żółć):', bold: true }, { text: ' Nguyễn Văn An' }],
        ],
        signature: { kind: 'typed', name: 'Nguyễn Văn An', title: 'President', date: '2026-02-27', lines: ['Witness: Łukasz Żółć'] },
      }),
    );
    const pdf = readBack(await renderPdf(doc, { loadFont }));
    for (const name of names) expect(pdf.text).toContain(name);
    expect(pdf.text).toContain('/s/ Nguyễn Văn An');
    expect(pdf.text).toContain('Người ký (Łukasz Żółć): Nguyễn Văn An');
    expect(pdf.text).toContain('Żółć Łączność sp. z o.o. certification: Form 499 Filer ID: 830001');
    expect(pdf.text).toContain('Title of signatory: Giám đốc (President)');
    expect(pdf.info['Author']).toBe('Nguyễn Văn An');
    expect(pdf.info['Title']).toContain('Żółć Łączność');
    expect(pdf.fonts).toMatch(/Arimo\s+CID TrueType\s+Identity-H\s+yes/);
    expect(fontLoads.sort()).toEqual(['Arimo-Bold.ttf', 'Arimo-Regular.ttf']);
  });

  it('are composed before lookup, so decomposed input (e + combining marks) still renders', async () => {
    const decomposed = 'Nguye\u0302\u0303n Va\u0306n An';
    const doc = certificationDocument(certificationInput({ signatory: { name: decomposed, title: 'President' } }));
    const pdf = readBack(await renderPdf(doc, { loadFont }));
    expect(pdf.text).toContain('Name of signatory: Nguyễn Văn An');
  });

  it('stop the export with the character, its code point and where it is, when no font has it', async () => {
    const cjk = certificationDocument(certificationInput({ companies: [{ name: 'Acme 中国 Telecom', filerId: '812345' }] }));
    const error = await renderPdf(cjk, { loadFont }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedCharacterError);
    const unsupported = error as UnsupportedCharacterError;
    expect(unsupported.character).toBe('中');
    expect(unsupported.codePoint).toBe(0x4e2d);
    expect(unsupported.message).toBe(
      `The “Name of company covered by this certification” entry “Acme 中国 Telecom” in “${certificationTitle(2026, 2025)}, Acme 中国 Telecom” contains “中” (U+4E2D), which the PDF fonts cannot show.`,
    );

    const emoji = certificationDocument(certificationInput({ paragraphs: ['We protect CPNI 🔒 every day.'] }));
    await expect(renderPdf(emoji, { loadFont })).rejects.toThrow(/The text “We protect CPNI 🔒 every day\.” .* contains “🔒” \(U\+1F512\)/);
  });

  it('stop the export with a clear message when the embedded font cannot be loaded', async () => {
    const offline: FontLoader = () => Promise.reject(new TypeError('Failed to fetch'));
    const doc = certificationDocument(certificationInput({ signatory: { name: 'Łukasz Żółć', title: 'President' } }));
    const error = await renderPdf(doc, { loadFont: offline }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FontLoadError);
    expect((error as Error).message).toMatch(/Arimo-(Regular|Bold)\.ttf could not be loaded \(Failed to fetch\)/);
  });
});

describe('signatures', () => {
  it('renders a drawn signature image above the signature line', async () => {
    const doc = certificationDocument(
      certificationInput({
        signature: { kind: 'image', dataUrl: pngDataUrl(120, 40), name: 'Jane Q. Officer', title: 'Chief Executive Officer', date: '2026-02-27' },
      }),
    );
    const pdf = readBack(await renderPdf(doc, { loadFont }));
    expect(pdf.images.match(/\bimage\s+120\s+40\s+rgb\b/g)).toHaveLength(1);
    expect(pdf.text).not.toContain('/s/');
    expect(pdf.text).toContain('Jane Q. Officer Chief Executive Officer Date: February 27, 2026');
  });

  it('rejects a signature image that is not a PNG or JPEG data URL', async () => {
    const doc = certificationDocument(
      certificationInput({ signature: { kind: 'image', dataUrl: 'https://example.com/sig.png', name: 'Jane Q. Officer' } }),
    );
    await expect(renderPdf(doc, { loadFont })).rejects.toThrow(/PNG or JPEG/);
  });

  it('keeps the signature block together with the line before it, wherever the page ends', async () => {
    for (let extra = 0; extra < 14; extra++) {
      const paragraphs = Array.from({ length: 3 + extra }, (_, i) => `Line ${i} of the certification, short enough for one line.`);
      const doc = certificationDocument(certificationInput({ paragraphs, attachments: [] }));
      const pdf = readBack(await renderPdf(doc, { loadFont }));
      const page = pdf.pages.find((p) => p.includes('/s/ Jane Q. Officer'));
      expect(page, `with ${extra} extra lines`).toContain('Date: February 27, 2026');
      expect(page).toContain(`Line ${paragraphs.length - 1} of the certification`);
    }
  });
});

describe('the § 64.2009(f) opt-out failure letter', () => {
  it('prints every element passed in, under its label', async () => {
    const doc = optOutFailureLetterDocument({
      author: 'Acme Rural Telephone Cooperative, Inc.',
      company: acme,
      letterhead: ['Acme Rural Telephone Cooperative, Inc.', '1 Exchange Road, Smalltown, KS 67000'],
      date: '2026-05-04',
      addressLines: ['45 L Street NE', 'Washington, DC 20554'],
      salutation: 'Dear Secretary:',
      body: ['The carrier gives notice of a failure of its opt-out mechanism.'],
      elements: [
        { label: 'Carrier', value: acme.name },
        { label: 'Opt-out mechanisms used', value: 'Toll-free number and web form' },
        { label: 'The problem', value: filler(20, 4) },
        { label: 'Remedy and date in effect', value: 'Web form repaired on April 30, 2026.' },
        { label: 'State commissions notified', value: 'Kansas Corporation Commission; no action taken.' },
        { label: 'Notice to customers', value: 'A copy is enclosed.' },
        { label: 'Contact', value: 'Jane Q. Officer, (620) 555-0101, jane@example.com' },
      ],
      closing: 'Sincerely,',
      signature: { kind: 'typed', name: 'Jane Q. Officer', title: 'Chief Executive Officer' },
      enclosures: ['Copy of customer notice'],
    });
    const pdf = readBack(await renderPdf(doc));
    expect(pdf.text).toContain('Notice of opt-out mechanism failure under 47 C.F.R. § 64.2009(f)');
    for (const label of ['Carrier', 'Opt-out mechanisms used', 'The problem', 'Remedy and date in effect', 'State commissions notified', 'Notice to customers', 'Contact']) {
      expect(pdf.text).toContain(label);
    }
    expect(pdf.text).toContain('Kansas Corporation Commission; no action taken.');
    expect(pdf.text).toContain('Enclosures: Copy of customer notice');
    expect(pdf.info['Subject']).toBe('Notice under 47 C.F.R. § 64.2009(f)');
  });
});
