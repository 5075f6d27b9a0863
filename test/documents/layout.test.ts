// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packageFileName, safeFileName } from '../../src/documents/file-names';
import { PAGE, breakLines, layoutDocuments, type DrawOp, type LaidOutPage } from '../../src/documents/layout';
import { createMeasure } from '../../src/documents/metrics';
import type { Block, PdfDocument } from '../../src/documents/model';
import { normalizeText } from '../../src/documents/text';
import { readTrueType } from '../../src/documents/truetype';

const measure = createMeasure(undefined);
const env = { measure, imageSize: () => ({ width: 300, height: 100 }) };
const BOTTOM = PAGE.height - PAGE.margin;

function doc(blocks: Block[], title = 'Test'): PdfDocument {
  return { title, subject: '', author: '', keywords: [], fileName: 'test.pdf', date: '2026-03-02', blocks };
}

type TextOp = Extract<DrawOp, { kind: 'text' }>;
const texts = (page: LaidOutPage) => page.ops.filter((op): op is TextOp => op.kind === 'text');
/** Everything but the footer. */
const body = (page: LaidOutPage) => texts(page).filter((op) => op.y < BOTTOM + 1);
const isHeading = (op: TextOp) => op.font === 'bold' && op.size >= 12;

describe('text normalisation', () => {
  it('composes combining marks and maps typographic characters to ones the fonts have', () => {
    expect(normalizeText('Nguye\u0302\u0303n')).toBe('Nguyễn');
    expect(normalizeText('co\u00adoperate\u200b')).toBe('cooperate');
    expect(normalizeText('§\u202f64.2009 and\u2009thin\ttab')).toBe('§\u00a064.2009 and thin tab');
    expect(normalizeText('non\u2011breaking \u2212 minus\r\nnext\rline')).toBe('non-breaking - minus\nnext\nline');
    expect(normalizeText('bell\u0007 and C1\u0085 controls')).toBe('bell and C1 controls');
    expect(normalizeText('“quotes” — € ™')).toBe('“quotes” — € ™');
  });
});

describe('line breaking', () => {
  it('fills lines up to the width and never past it', () => {
    const text = 'The carrier trains its employees on when they may and may not use CPNI, and keeps a record of every sales campaign that uses it.';
    const lines = breakLines(text, { measure, size: 11, bold: false, width: 200 });
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(200);
    expect(lines.map((l) => l.runs.map((r) => r.text).join('')).join(' ')).toBe(text);
  });

  it('keeps "§" with its section number and "No." with its docket number', () => {
    for (let width = 60; width < 200; width += 3) {
      const lines = breakLines('See § 64.2009(e) and EB Docket No. 06-36 for details, also (§ 64.2011(b)(1)) and (§§ 64.2007, 64.2008)', { measure, size: 11, bold: false, width });
      const joined = lines.map((l) => l.runs.map((r) => r.text).join(''));
      expect(joined.some((l) => /(§|§§|No\.)$/.test(l))).toBe(false);
    }
  });

  it('cuts a word longer than the line instead of letting it overflow', () => {
    const url = 'https://apps.fcc.gov/eb/CPNI/a-very-long-path-that-does-not-fit-on-one-line-at-all';
    const lines = breakLines(url, { measure, size: 11, bold: false, width: 150 });
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(150);
    expect(lines.map((l) => l.runs.map((r) => r.text).join('')).join('')).toBe(url);
  });

  it('places a bold run and the words after it at their measured positions', () => {
    const [line] = breakLines([{ text: 'Filer ID:', bold: true }, { text: ' 812345' }], { measure, size: 10, bold: false, width: 400 });
    expect(line!.runs.map((r) => [r.text, r.font])).toEqual([
      ['Filer ID: ', 'bold'],
      ['812345', 'regular'],
    ]);
    expect(line!.runs[1]!.x).toBeCloseTo(measure('Filer ID: ', 'bold', 10), 6);
  });
});

describe('pagination', () => {
  const word = fc.constantFrom('CPNI', 'carrier', 'customer', 'records', 'approval', 'opt-out', 'notice', 'training', 'supervisory', 'review');
  const sentence = fc.array(word, { minLength: 1, maxLength: 60 }).map((w) => w.join(' '));
  const block: fc.Arbitrary<Block> = fc.oneof(
    { weight: 5, arbitrary: sentence.map((text): Block => ({ kind: 'paragraph', text })) },
    { weight: 2, arbitrary: sentence.map((text): Block => ({ kind: 'heading', level: 2, text: text.slice(0, 60) })) },
    { weight: 1, arbitrary: sentence.map((text): Block => ({ kind: 'heading', level: 1, text: text.slice(0, 40) })) },
    {
      weight: 1,
      arbitrary: fc.array(sentence, { minLength: 1, maxLength: 6 }).map((items): Block => ({ kind: 'list', style: 'numbered', items })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(word, sentence), { minLength: 1, maxLength: 5 })
        .map((rows): Block => ({ kind: 'keyValue', rows: rows.map(([label, value]) => ({ label: `${label}:`, value })) })),
    },
    {
      weight: 1,
      arbitrary: fc.array(fc.tuple(sentence, fc.nat(99)), { minLength: 1, maxLength: 30 }).map(
        (rows): Block => ({
          kind: 'table',
          columns: [{ header: 'Category', weight: 3 }, { header: 'Count', align: 'right' }],
          rows: rows.map(([c, n]) => [c, String(n)]),
        }),
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 200 }).map((height): Block => ({ kind: 'spacer', height })) },
    {
      weight: 1,
      arbitrary: fc.boolean().map((image): Block => ({
        kind: 'signature',
        signature: image
          ? { kind: 'image', dataUrl: 'data:image/png;base64,', name: 'Jane Officer', title: 'President', date: 'March 2, 2026' }
          : { kind: 'typed', name: 'Jane Officer', title: 'President', date: 'March 2, 2026' },
      })),
    },
  );
  const documents = fc.array(fc.array(block, { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 3 });

  it('keeps every line inside the margins, no heading at the foot of a page, signatures whole', () => {
    fc.assert(
      fc.property(documents, (docs) => {
        const pages = layoutDocuments(docs.map((blocks) => doc(blocks)), env);
        pages.forEach((page) => {
          for (const op of body(page)) {
            expect(op.y - op.size * 0.8).toBeGreaterThanOrEqual(PAGE.margin - 0.01);
            expect(op.y).toBeLessThanOrEqual(BOTTOM);
            expect(op.x).toBeGreaterThanOrEqual(PAGE.margin - 0.01);
            expect(op.x + measure(op.text, op.font, op.size)).toBeLessThanOrEqual(PAGE.width - PAGE.margin + 0.01);
          }
          const ops = body(page);
          const last = ops[ops.length - 1];
          const next = pages[pages.indexOf(page) + 1];
          if (last && next && next.documentIndex === page.documentIndex) expect(isHeading(last)).toBe(false);
          // A signature's "Date:" line is on the page that holds its "/s/" line or image.
          const signed = ops.filter((op) => op.text.startsWith('/s/')).length + page.ops.filter((op) => op.kind === 'image').length;
          expect(ops.filter((op) => op.text.startsWith('Date: March 2, 2026')).length).toBe(signed);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('loses no word and keeps the order of the text', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 80 }), (paragraphs) => {
        const pages = layoutDocuments([doc(paragraphs.map((text) => ({ kind: 'paragraph', text })))], env);
        const printed = pages.flatMap((page) => body(page).map((op) => op.text)).join(' ');
        expect(printed.split(/\s+/)).toEqual(paragraphs.join(' ').split(/\s+/));
      }),
      { numRuns: 60 },
    );
  });

  it('leaves no single line of a paragraph alone at the foot or head of a page', () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    let splits = 0;
    for (let lead = 500; lead < 640; lead += 2) {
      // Text after it, so that the end-of-document rule does not decide where this paragraph breaks.
      const after: Block[] = Array.from({ length: 8 }, () => ({ kind: 'paragraph', text: 'A closing line of text.' }));
      const blocks: Block[] = [{ kind: 'paragraph', text: 'Opening line.' }, { kind: 'spacer', height: lead }, { kind: 'paragraph', text: long }, ...after];
      const pages = layoutDocuments([doc(blocks)], env);
      const perPage = pages.map((page) => body(page).filter((op) => op.text.includes('word')).length);
      for (const count of perPage) expect(count === 0 || count >= 2).toBe(true);
      if (perPage.filter((count) => count > 0).length > 1) splits += 1;
    }
    expect(splits).toBeGreaterThan(10);
  });

  it('repeats the table header on every page the table continues to', () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Complaint category ${i}`, String(i)]);
    const pages = layoutDocuments([doc([{ kind: 'table', columns: [{ header: 'Category' }, { header: 'Count' }], rows }])], env);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      const [first, second] = body(page);
      expect([first?.text, second?.text]).toEqual(['Category', 'Count']);
    }
  });

  it('starts each document on a new page, breaks where asked, and numbers pages per package or per document', () => {
    const one = doc([{ kind: 'heading', level: 1, text: 'One' }, { kind: 'pageBreak' }, { kind: 'paragraph', text: 'Two' }]);
    const two = doc([{ kind: 'paragraph', text: 'Three' }]);
    const footers = (pages: LaidOutPage[]) => pages.map((page) => texts(page).find((op) => op.text.startsWith('Page'))?.text);
    const pages = layoutDocuments([one, two], env);
    expect(pages.map((page) => body(page).map((op) => op.text))).toEqual([['One'], ['Two'], ['Three']]);
    expect(footers(pages)).toEqual(['Page 1 of 3', 'Page 2 of 3', 'Page 3 of 3']);
    expect(footers(layoutDocuments([one, two], env, 'document'))).toEqual(['Page 1 of 2', 'Page 2 of 2', 'Page 1 of 1']);
  });

  it('shortens a footer note that would run into the page number', () => {
    const note = 'Acme Rural Telephone Cooperative, Inc. and its affiliates, annual CPNI certification, EB Docket No. 06-36, filed electronically';
    const [page] = layoutDocuments([{ ...doc([{ kind: 'paragraph', text: 'x' }]), footerNote: note }], env);
    const footer = texts(page!).filter((op) => op.y > BOTTOM);
    const label = footer.find((op) => op.text === 'Page 1 of 1')!;
    const left = footer.find((op) => op !== label)!;
    expect(left.text.endsWith('…')).toBe(true);
    expect(left.x + measure(left.text, left.font, left.size)).toBeLessThan(label.x);
  });
});

describe('the embedded font', () => {
  const regular = readFileSync(join(__dirname, '../../public/fonts/Arimo-Regular.ttf'));
  const bold = readFileSync(join(__dirname, '../../public/fonts/Arimo-Bold.ttf'));

  it('has Vietnamese, Polish and other Latin letters, and no CJK or emoji', () => {
    for (const font of [readTrueType(regular), readTrueType(bold)]) {
      for (const ch of 'ễắăĂđĐơưŁłŻżźćńśąęőűșțğıİ') expect(font.glyphOf(ch.codePointAt(0)!), ch).toBeGreaterThan(0);
      for (const ch of ['中', '😀', '✓']) expect(font.glyphOf(ch.codePointAt(0)!), ch).toBe(0);
    }
  });

  it('is metric-compatible with Helvetica, so mixed lines space evenly', () => {
    const font = readTrueType(regular);
    const arimo = createMeasure({ regular: font, bold: readTrueType(bold) });
    const sample = 'The quick brown fox, 0123456789 (§ 64.2009)';
    expect(arimo(sample, 'fallback', 11)).toBeCloseTo(measure(sample, 'regular', 11), 1);
    expect(arimo(sample, 'fallbackBold', 11)).toBeCloseTo(measure(sample, 'bold', 11), 1);
  });

  it('measures labels set in it, so a label column fits its widest label', () => {
    const withFallback = createMeasure({ regular: readTrueType(regular), bold: readTrueType(bold) });
    const rows = [{ label: 'Łączność:', value: 'Żółć' }, { label: 'Filer ID:', value: '812345' }];
    const [page] = layoutDocuments([doc([{ kind: 'keyValue', rows }])], { ...env, measure: withFallback });
    const ops = body(page!);
    expect(ops.map((op) => op.text)).toEqual(['Łączność:', 'Żółć', 'Filer ID:', '812345']);
    const label = ops[0]!;
    const value = ops[1]!;
    expect(value.x).toBeGreaterThan(label.x + withFallback('Łączność:', 'fallbackBold', 11));
    expect(ops[3]!.x).toBe(value.x);
  });

  it('stays small enough to precache', () => {
    expect(regular.byteLength + bold.byteLength).toBeLessThan(300_000);
  });
});

describe('file names', () => {
  it('names the package "<Company> CPNI Certification <year>.pdf"', () => {
    expect(packageFileName('Acme Telecom, LLC', 2026)).toBe('Acme Telecom, LLC CPNI Certification 2026.pdf');
    expect(packageFileName('Nguyễn & Sons', 2026)).toBe('Nguyễn & Sons CPNI Certification 2026.pdf');
  });

  it('drops characters that file systems refuse', () => {
    expect(packageFileName('A/B: "Rural" <Tel>|Co?*', 2026)).toBe('A B Rural Tel Co CPNI Certification 2026.pdf');
    expect(safeFileName('  ..hidden.  ')).toBe('hidden');
    expect(safeFileName('///')).toBe('Document');
  });
});
