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

  it('never breaks a Filer ID, docket, C.F.R. cite, date or "et seq." inside, at any line width', () => {
    const fields = ['Form 499 Filer ID 823456', 'EB Docket No. 06-36', '47 C.F.R. § 64.2009(e)', '47 U.S.C. § 222(c)(1)', 'February 20, 2026', 'et seq.', 'FCC 23-111'];
    const text = `Prairie Valley Telephone Company, ${fields[0]}, files in ${fields[1]} under ${fields[2]} and ${fields[3]} on ${fields[4]}, see § 64.2001 ${fields[5]} and ${fields[6]}.`;
    let wrapped = 0;
    for (let width = 150; width <= 468; width += 1) {
      const lines = breakLines(text, { measure, size: 11, bold: false, width }).map((l) => l.runs.map((r) => r.text).join('').trim());
      if (lines.length > 2) wrapped += 1;
      for (const field of fields) expect(lines.some((line) => line.includes(field)), `"${field}" at width ${width}`).toBe(true);
      expect(lines.join(' ')).toBe(text);
    }
    expect(wrapped).toBeGreaterThan(100);
  });

  it('breaks a short field at its own spaces only when it is wider than the whole line', () => {
    const lines = breakLines('EB Docket No. 06-36', { measure, size: 11, bold: false, width: 60 }).map((l) => l.runs.map((r) => r.text).join('').trim());
    expect(lines.join(' ')).toBe('EB Docket No. 06-36');
    expect(lines).toContain('No. 06-36');
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
      arbitrary: fc.constantFrom('image', 'typed', 'unsigned').map((kind): Block => ({
        kind: 'signature',
        signature:
          kind === 'image'
            ? { kind: 'image', dataUrl: 'data:image/png;base64,', name: 'Jane Officer', title: 'President', date: 'March 2, 2026' }
            : { kind, name: 'Jane Officer', title: 'President', date: 'March 2, 2026' },
      })),
    },
  );
  const documents = fc.array(fc.array(block, { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 3 });

  it('keeps a signature whole where what is kept with it is taller than a page', () => {
    const image = { kind: 'image', dataUrl: 'data:image/png;base64,', name: 'Jane Officer', title: 'President', date: 'March 2, 2026' } as const;
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [i % 3 ? 'CPNI' : 'CPNI supervisory review of every outbound marketing campaign that uses customer CPNI', '0']);
    const table = (n: number): Block => ({ kind: 'table', columns: [{ header: 'Category', weight: 3 }, { header: 'Count', align: 'right' }], rows: rows(n) });
    const blocks: Block[] = [table(10), { kind: 'spacer', height: 150 }, { kind: 'signature', signature: image }, { kind: 'signature', signature: image }, table(2)];
    const pages = layoutDocuments([doc(blocks)], env);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      const rules = page.ops.filter((op) => op.kind === 'line' && Math.abs(op.x2 - op.x1 - 216) < 0.01);
      expect(texts(page).filter((op) => op.text.startsWith('Date: March 2, 2026')).length).toBe(rules.length);
      expect(page.ops.filter((op) => op.kind === 'image').length).toBe(rules.length);
    }
  });

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
          // A signature's "Date:" line is on the page that holds its line, and nothing but "/s/" or an image is above that line.
          const rules = page.ops.filter((op) => op.kind === 'line' && Math.abs(op.x2 - op.x1 - 216) < 0.01);
          expect(ops.filter((op) => op.text.startsWith('Date: March 2, 2026')).length).toBe(rules.length);
          expect(ops.filter((op) => op.text.startsWith('/s/')).length + page.ops.filter((op) => op.kind === 'image').length).toBeLessThanOrEqual(rules.length);
        });
        // A signature is a block kept whole and spacers are not text: a document of those with a line or two of text
        // can end on a short page with nothing to take over, so the five-line rule is checked where text can move.
        docs.forEach((blocks, index) => {
          const own = pages.filter((p) => p.documentIndex === index);
          const movable = blocks.every((b) => b.kind !== 'signature' && (b.kind !== 'spacer' || b.height <= 60));
          if (own.length > 1 && movable) expect(own.at(-1)!.lines).toBeGreaterThanOrEqual(5);
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

  it('pulls a short last page back onto the page before, or else carries lines over to it', () => {
    const counts = new Map<number, number>();
    for (let n = 20; n <= 90; n++) {
      const pages = layoutDocuments([doc(Array.from({ length: n }, (_, i): Block => ({ kind: 'paragraph', text: `Paragraph ${i + 1}.` })))], env);
      counts.set(n, pages.length);
      const printed = pages.flatMap((page) => body(page).map((op) => op.text));
      expect(printed).toEqual(Array.from({ length: n }, (_, i) => `Paragraph ${i + 1}.`));
      if (pages.length > 1) expect(pages.at(-1)!.lines, `${n} paragraphs`).toBeGreaterThanOrEqual(5);
      for (const page of pages) expect(page.lines).toBe(body(page).length);
    }
    // 29 one-line paragraphs overflow a page at the normal spacing; a few more still fit when set slightly tighter.
    expect(counts.get(30)).toBe(1);
    expect([...counts.values()].some((pages) => pages > 2)).toBe(true);
  });

  it('keeps a signature with the whole paragraph before it, and a one-line closing with the lines before that', () => {
    const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    for (let lead = 300; lead < 660; lead += 6) {
      for (const closing of [false, true]) {
        const blocks: Block[] = [
          { kind: 'paragraph', text: 'Opening line.' },
          { kind: 'spacer', height: lead },
          { kind: 'paragraph', text: long },
          ...(closing ? [{ kind: 'paragraph', text: 'Respectfully submitted,' } as Block] : []),
          { kind: 'signature', signature: { kind: 'unsigned', name: 'Jane Officer', title: 'President', date: '________________' } },
        ];
        const pages = layoutDocuments([doc(blocks)], env);
        const page = pages.find((p) => body(p).some((op) => op.text === 'Jane Officer'))!;
        const words = body(page).filter((op) => op.text.includes('word'));
        if (closing) {
          expect(body(page).some((op) => op.text === 'Respectfully submitted,')).toBe(true);
          expect(words.length, `lead ${lead}`).toBeGreaterThanOrEqual(2);
        } else {
          expect(words.map((op) => op.text).join(' ').split(/\s+/).filter(Boolean), `lead ${lead}`).toEqual(long.split(' '));
        }
      }
    }
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

describe('signatures and draft marks', () => {
  const signatureBlock = (kind: 'typed' | 'unsigned'): Block => ({ kind: 'signature', signature: { kind, name: 'Jane Officer', title: 'President', date: '________________' } });

  it('leaves the line of an unsigned signature blank, with room above it and the name, title and date beneath', () => {
    const [page] = layoutDocuments([doc([{ kind: 'paragraph', text: 'I so certify.' }, signatureBlock('unsigned')])], env);
    const ops = body(page!);
    const rule = page!.ops.find((op): op is Extract<DrawOp, { kind: 'line' }> => op.kind === 'line')!;
    const text = ops.find((op) => op.text === 'I so certify.')!;
    expect(ops.filter((op) => op.y > text.y && op.y < rule.y1)).toEqual([]);
    expect(rule.y1 - text.y).toBeGreaterThan(50);
    expect(ops.filter((op) => op.y > rule.y1).map((op) => op.text)).toEqual(['Jane Officer', 'President', 'Date: ________________']);
    const [typed] = layoutDocuments([doc([{ kind: 'paragraph', text: 'I so certify.' }, signatureBlock('typed')])], env);
    expect(body(typed!).map((op) => op.text)).toContain('/s/ Jane Officer');
  });

  it('marks every page of a draft at its head, behind its text and in its footer, and nothing else', () => {
    const paragraphs = Array.from({ length: 80 }, (_, i): Block => ({ kind: 'paragraph', text: `Paragraph ${i + 1}.` }));
    const draft = { ...doc(paragraphs), watermark: 'DRAFT — not signed', footerNote: 'Acme · CPNI Certification 2026' };
    const final = doc([{ kind: 'paragraph', text: 'Final.' }]);
    const pages = layoutDocuments([draft, final], env);
    const draftPages = pages.filter((p) => p.documentIndex === 0);
    expect(draftPages.length).toBeGreaterThan(1);
    for (const page of draftPages) {
      const head = texts(page).filter((op) => op.y < PAGE.margin);
      expect(head.map((op) => op.text)).toEqual(['DRAFT — not signed']);
      expect(head[0]!.size).toBeGreaterThanOrEqual(16);
      // The diagonal strokes come first, so the text is drawn over them.
      const firstText = page.ops.findIndex((op) => op.kind === 'text');
      const strokes = page.ops.slice(0, firstText).filter((op) => op.kind === 'line' && op.roundCaps);
      expect(strokes.length).toBeGreaterThan(20);
      const footer = texts(page)
        .filter((op) => op.y > BOTTOM)
        .sort((a, b) => a.x - b.x)
        .map((op) => op.text)
        .join('');
      expect(footer).toMatch(/^DRAFT — not signed · Acme · CPNI Certification 2026Page \d+ of \d+$/);
    }
    const finalPage = pages.find((p) => p.documentIndex === 1)!;
    expect(texts(finalPage).some((op) => op.text.includes('DRAFT'))).toBe(false);
    expect(finalPage.ops.some((op) => op.kind === 'line' && op.roundCaps)).toBe(false);
  });
});

describe('tables with a page column', () => {
  const contents = (refs: (string | undefined)[]): PdfDocument =>
    doc([{ kind: 'table', columns: [{ header: 'Document', weight: 5 }], rows: refs.map((r) => [r ?? 'Elsewhere']), pageColumn: { header: 'Pages', refs } }]);
  const long = (ref: string): PdfDocument => ({ ...doc(Array.from({ length: 70 }, (_, i): Block => ({ kind: 'paragraph', text: `Line ${i}.` }))), ref });

  it('gives the pages of each named document in the same file', () => {
    const pages = layoutDocuments([contents(['one', 'two', undefined]), long('one'), long('two')], env);
    expect(body(pages[0]!).map((op) => op.text)).toEqual(['Document', 'Pages', 'one', '2–3', 'two', '4–5', 'Elsewhere']);
  });

  it('leaves the column out when the documents are not numbered through one file', () => {
    expect(body(layoutDocuments([contents(['one']), long('one')], env, 'document')[0]!).map((op) => op.text)).toEqual(['Document', 'one']);
    expect(body(layoutDocuments([contents(['one'])], env)[0]!).map((op) => op.text)).toEqual(['Document', 'one']);
  });
});
