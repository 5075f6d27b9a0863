// @vitest-environment node
/**
 * Where pages break in real packages: across many company lists and statement lengths, so that
 * the certification's and the statement's ends fall at many positions on the page.
 */
import { describe, expect, it } from 'vitest';
import type { Client } from '../../src/domain/schema';
import { PAGE, layoutDocuments, type DrawOp, type LaidOutPage } from '../../src/documents/layout';
import { createMeasure } from '../../src/documents/metrics';
import type { PdfDocument } from '../../src/documents/model';
import { MIN_LAST_PAGE_LINES } from '../../src/documents/paginate';
import { coverLetterDocument } from '../../src/documents/builders';
import { exportPackage, packageDocuments, type PackageInput } from '../../src/documents/package';
import { prepareDocuments } from '../../src/documents/prepare';
import { brokerAction, complaints, makeClient, packageInput } from './fixtures';
import { loadFont, readBack } from './read-back';

const measure = createMeasure(undefined);
const TOP = PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin;
const SIGNATURE_RULE = 216;

type TextOp = Extract<DrawOp, { kind: 'text' }>;
interface PrintedLine {
  y: number;
  text: string;
  /** Every run of the line is bold: a heading, a label or a table header. */
  bold: boolean;
}

interface Laid {
  docs: PdfDocument[];
  pages: LaidOutPage[];
}

function layOut(input: PackageInput): Laid {
  const docs = prepareDocuments(packageDocuments(input)).documents;
  return { docs, pages: layoutDocuments(docs, { measure, imageSize: () => ({ width: 300, height: 100 }) }) };
}

/** The body lines of a page, top to bottom (not the draft mark above the margin, not the footer). */
function bodyLines(page: LaidOutPage): PrintedLine[] {
  const byY = new Map<number, TextOp[]>();
  for (const op of page.ops) {
    if (op.kind !== 'text' || op.y < TOP || op.y > BOTTOM) continue;
    const key = Math.round(op.y * 100) / 100;
    byY.set(key, [...(byY.get(key) ?? []), op]);
  }
  return [...byY.entries()]
    .sort(([a], [b]) => a - b)
    .map(([y, ops]) => ({
      y,
      text: ops
        .sort((a, b) => a.x - b.x)
        .map((op) => op.text)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
      bold: ops.every((op) => op.font === 'bold' || op.font === 'fallbackBold'),
    }));
}

function pagesOf(laid: Laid, ref: string): LaidOutPage[] {
  const index = laid.docs.findIndex((d) => d.ref === ref);
  expect(index).toBeGreaterThanOrEqual(0);
  return laid.pages.filter((p) => p.documentIndex === index);
}

function signatureRule(page: LaidOutPage): Extract<DrawOp, { kind: 'line' }> | undefined {
  return page.ops.find((op): op is Extract<DrawOp, { kind: 'line' }> => op.kind === 'line' && Math.abs(op.x2 - op.x1 - SIGNATURE_RULE) < 0.01);
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The rules every document of every package keeps. */
function expectWellBroken(laid: Laid): void {
  laid.docs.forEach((doc, index) => {
    const pages = laid.pages.filter((p) => p.documentIndex === index);
    pages.forEach((page, n) => {
      const lines = bodyLines(page);
      const last = lines[lines.length - 1];
      if (n < pages.length - 1) {
        expect(last?.bold, `${doc.title}, page ${n + 1} ends on the heading "${last?.text}"`).toBe(false);
      }
      const rule = signatureRule(page);
      if (rule) {
        expect(lines.some((l) => l.y < rule.y1), `${doc.title}, page ${n + 1} starts with a lone signature`).toBe(true);
      }
    });
    if (pages.length > 1) {
      expect(bodyLines(pages[pages.length - 1]!).length, `${doc.title} ends on a page of fewer than ${MIN_LAST_PAGE_LINES} lines`).toBeGreaterThanOrEqual(MIN_LAST_PAGE_LINES);
    }
  });
}

function withAffiliates(count: number, long: boolean): Client {
  const name = (i: number) => (long ? `Prairie Valley Rural Telephone Cooperative Association of South Central Kansas, Inc., Exchange ${i}` : `Prairie Valley Affiliate ${i} LLC`);
  return { ...makeClient(), affiliates: Array.from({ length: count }, (_, i) => ({ id: `a-${i}`, legalName: name(i + 1), filerId: `82350${i}` })) };
}

const sentence = 'Questions about this statement may be directed to the compliance officer at the main office during business hours.';

// Dozens of packages laid out per test: seconds on a busy machine.
describe('the certification and its signature', { timeout: 120_000 }, () => {
  const variants = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((affiliates) =>
    [false, true].flatMap((long) =>
      [true, false].map((records) => ({ affiliates, long, records, signed: (affiliates + Number(long)) % 2 === 0 })),
    ),
  );

  it('keeps at least the last paragraph with the signature, wherever the certification ends', () => {
    const endings = new Set<string>();
    for (const v of variants) {
      const input = packageInput({ client: withAffiliates(v.affiliates, v.long), records: v.records ? [...complaints, brokerAction] : [], signed: v.signed });
      const laid = layOut(input);
      const label = JSON.stringify(v);
      expectWellBroken(laid);

      const pages = pagesOf(laid, 'certification');
      const signed = pages.filter((p) => signatureRule(p));
      expect(signed, label).toHaveLength(1);
      const page = signed[0]!;
      const rule = signatureRule(page)!;
      const text = collapse(bodyLines(page).map((l) => l.text).join(' '));
      expect(text, label).toContain(collapse(input.assembled.model.truthfulness));
      // Name, title and date under the line, on the same page.
      expect(text, label).toMatch(/Dana R\. Whitfield President and Chief Executive Officer Date: (February 18, 2026|_{16})/);
      expect(text.includes('/s/ Dana R. Whitfield'), label).toBe(v.signed);
      endings.add(`${pages.indexOf(page)}:${bodyLines(page).filter((l) => l.y < rule.y1).length}`);
    }
    // The variants really do move the signature around: different pages, different heights.
    expect(new Set([...endings].map((e) => e.split(':')[0])).size).toBeGreaterThanOrEqual(2);
    expect(endings.size).toBeGreaterThanOrEqual(12);
  });

  it('lists its attachments in a table with their pages in the file, as the last thing on the certification', () => {
    const laid = layOut(packageInput({ client: withAffiliates(3, false) }));
    const pages = pagesOf(laid, 'certification');
    const lines = pages.flatMap(bodyLines).map((l) => l.text);
    const at = lines.indexOf('Attachments');
    expect(at).toBeGreaterThan(0);
    const statement = laid.pages.findIndex((p) => p === pagesOf(laid, 'attachment-A')[0]) + 1;
    const statementEnd = laid.pages.indexOf(pagesOf(laid, 'attachment-A').at(-1)!) + 1;
    expect(lines.slice(at + 1)).toEqual([
      'Attachment Title Pages',
      `Attachment A Accompanying statement of CPNI operating procedures ${statement}–${statementEnd}`,
      `Attachment B Actions against data brokers ${statementEnd + 1}`,
      `Attachment C Summary of customer complaints ${statementEnd + 2}`,
    ]);
  });
});

describe('the statement', { timeout: 120_000 }, () => {
  it('never ends on a fragment or leaves a heading at the foot of a page, however long it runs', () => {
    const lastPages = new Set<number>();
    const pageCounts = new Set<number>();
    for (let sentences = 0; sentences <= 95; sentences += 5) {
      const contact = Array.from({ length: sentences + 1 }, () => sentence).join(' ');
      const laid = layOut(packageInput({ cert: { sectionEdits: { contact } }, signed: sentences % 2 === 0 }));
      expectWellBroken(laid);
      const pages = pagesOf(laid, 'attachment-A');
      const last = bodyLines(pages[pages.length - 1]!);
      lastPages.add(last.length);
      pageCounts.add(pages.length);
      // The conclusion closes the statement on its last page, with its heading.
      expect(last.map((l) => l.text).join(' ')).toMatch(/\d+\. Conclusion \(47 C\.F\.R\. § 64\.2009\(e\)\) The operating procedures described above ensure/);
    }
    expect(pageCounts.size).toBeGreaterThanOrEqual(3);
    expect(lastPages.size).toBeGreaterThanOrEqual(8);
  });
});

describe('the cover letter', () => {
  it('never breaks "Form 499 Filer ID 8xxxxx" in its Re: line, whatever the length of the company name', () => {
    for (let extra = 0; extra <= 70; extra++) {
      const legalName = `Prairie ${'Valley '.repeat(Math.floor(extra / 7))}${'x'.repeat(extra % 7)} Telephone Company`.replace(/\s+/g, ' ');
      const doc = coverLetterDocument({
        author: 'Morgan T. Ellis',
        filingYear: 2026,
        companies: [
          { name: legalName, filerId: '823456' },
          { name: `${legalName} Wireless LLC`, filerId: '823457' },
        ],
        letterhead: ['Ellis Regulatory Consulting LLC'],
        documentDate: '2026-02-10',
        addressLines: [],
        salutation: 'Dear Secretary:',
        body: ['Enclosed is the annual CPNI certification.'],
        closing: 'Respectfully submitted,',
        signature: { kind: 'unsigned', name: 'Morgan T. Ellis' },
      });
      const [page] = layoutDocuments(prepareDocuments([doc]).documents, { measure, imageSize: () => ({ width: 1, height: 1 }) });
      const lines = bodyLines(page!).map((l) => l.text);
      const re = lines.slice(lines.findIndex((l) => l.startsWith('Re:')), lines.findIndex((l) => l.startsWith('Dear Secretary')));
      const joined = re.join('\n');
      expect(joined, legalName).toContain('Form 499 Filer ID 823456');
      expect(joined, legalName).toContain('Form 499 Filer ID 823457');
      for (const line of re) expect(line, legalName).not.toMatch(/(Form|499|Filer|ID)$/);
    }
  });

  it('lists the enclosed documents with their pages, on the letter’s one page', () => {
    const laid = layOut(packageInput({ client: withAffiliates(4, false) }));
    expect(pagesOf(laid, 'cover-letter')).toHaveLength(1);
    const lines = bodyLines(pagesOf(laid, 'cover-letter')[0]!).map((l) => l.text);
    const at = lines.indexOf('Enclosures');
    expect(lines.slice(at + 1, at + 3)).toEqual(['Document Pages', expect.stringMatching(/^Annual 47 C\.F\.R\. § 64\.2009\(e\) CPNI Certification for 2026 covering calendar year 2025 2(–3)?$/)]);
  });
});

describe('page breaks as a reader sees them in the PDF', { timeout: 60_000 }, () => {
  const headings = (input: PackageInput) => [
    'Attachments',
    'Enclosures',
    ...input.assembled.sections.map((s, i) => `${i + 1}. ${s.heading}`),
    'Summary of the complaints',
    'Actions taken in calendar year 2025',
  ];

  for (const [name, affiliates, sentences] of [
    ['a short statement and one company', 0, 0],
    ['a long statement and several affiliates', 5, 40],
  ] as const) {
    it(`keeps headings, the signature and the last lines where they belong: ${name}`, async () => {
      const contact = Array.from({ length: sentences + 1 }, () => sentence).join(' ');
      const input = packageInput({ client: withAffiliates(affiliates, false), cert: { sectionEdits: { contact } }, signed: false });
      const [file] = await exportPackage(input, { mode: 'single', loadFont });
      const pdf = readBack(file!.bytes);
      const known = headings(input);
      pdf.pages.forEach((page, i) => {
        const body = page.replace(/^DRAFT — not signed /, '').replace(/ DRAFT — not signed · .* Page \d+ of \d+$/, '');
        for (const heading of known) expect(body.endsWith(heading), `page ${i + 1} ends on "${heading}"`).toBe(false);
        expect(body.startsWith('Dana R. Whitfield President'), `page ${i + 1} starts with the signature`).toBe(false);
      });
      const signaturePage = pdf.pages.find((p) => p.includes('Dana R. Whitfield President and Chief Executive Officer Date:'))!;
      expect(signaturePage).toContain(collapse(input.assembled.model.truthfulness));
    });
  }
});
