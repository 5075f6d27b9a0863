// @vitest-environment node
import { jsPDF } from 'jspdf';
import { describe, expect, it, vi } from 'vitest';
import { grayFill, writeText } from '../../src/documents/content-stream';
import type { DrawOp } from '../../src/documents/layout';
import { WINANSI_CODE_POINTS } from '../../src/documents/standard-metrics';
import { makeClient, packageInput } from './fixtures';
import { loadFont } from './read-back';

vi.setConfig({ testTimeout: 60_000 });

type TextOp = Extract<DrawOp, { kind: 'text' }>;

const winAnsi = String.fromCodePoint(...WINANSI_CODE_POINTS);
const samples = [
  winAnsi,
  ...Array.from({ length: Math.ceil(winAnsi.length / 16) }, (_, i) => winAnsi.slice(i * 16, i * 16 + 16)),
  'Annual 47 C.F.R. § 64.2009(e) CPNI Certification — “quoted” and (parenthesised) \\ backslash',
  'Is this a question? Yes: 100% of €5 ¼ ½ ™ • … Ÿ ž',
  'DRAFT — not signed · Prairie Valley Telephone Company · CPNI Certification 2026',
  ' leading and trailing spaces ',
];

/** The content jsPDF writes for each op, drawn with its text() or with writeText. */
function pageContent(ops: readonly TextOp[], direct: boolean): string {
  const pdf = new jsPDF({ unit: 'pt', format: 'letter', orientation: 'portrait', compress: false, putOnlyUsedFonts: true });
  for (const op of ops) {
    pdf.setFont('helvetica', op.font === 'bold' ? 'bold' : 'normal');
    pdf.setFontSize(op.size);
    const level = Math.round(op.gray * 255).toString(16).padStart(2, '0');
    pdf.setTextColor(`#${level}${level}${level}`);
    if (!direct || !writeText(pdf, op, grayFill(op.gray))) pdf.text(op.text, op.x, op.y, { baseline: 'alphabetic' });
  }
  return (pdf.internal as unknown as { pages: string[][] }).pages[1]!.join('\n');
}

describe('text written straight into the page', () => {
  it('is what jsPDF’s text() writes, for every WinAnsi character, size, weight, colour and position', () => {
    const ops: TextOp[] = samples.flatMap((text, i) =>
      [9, 9.5, 11, 12, 14, 17.830000000000002].map((size, j): TextOp => ({
        kind: 'text',
        text,
        font: (i + j) % 2 ? 'bold' : 'regular',
        size,
        gray: [0, 0.35, 0.25, 1][(i + j) % 4]!,
        x: 72 + i * 3.3333333 + j / 7,
        y: 88.55 + i * 14.85 + j * 0.1,
      })),
    );
    expect(pageContent(ops, true)).toBe(pageContent(ops, false));
  });

  it('leaves text in the embedded font, and text over several lines, to jsPDF', () => {
    const pdf = new jsPDF({ unit: 'pt', format: 'letter' });
    pdf.setFont('helvetica', 'normal');
    expect(writeText(pdf, { kind: 'text', text: 'one\ntwo', font: 'regular', size: 11, gray: 0, x: 72, y: 72 }, '0. g')).toBe(false);
    expect(writeText(pdf, { kind: 'text', text: 'a\ttab', font: 'regular', size: 11, gray: 0, x: 72, y: 72 }, '0. g')).toBe(false);
    expect((pdf.internal as unknown as { pages: string[][] }).pages[1]!.join('\n')).not.toContain('BT');
  });
});

describe('the package PDF', () => {
  it('has the same bytes as when every text goes through jsPDF’s text()', async () => {
    const inputs = [
      packageInput(),
      packageInput({ signed: false }),
      // Names outside WinAnsi are set in the embedded font, which jsPDF writes itself.
      packageInput({ client: makeClient('Nguyễn Łódź Telephone Co.'), signed: false }),
    ];
    const render = async () => {
      const { exportPackage } = await import('../../src/documents/package');
      const out: Uint8Array[] = [];
      for (const input of inputs) {
        for (const mode of ['single', 'separate'] as const) out.push(...(await exportPackage(input, { mode, loadFont })).map((f) => f.bytes));
      }
      return out;
    };
    const direct = await render();
    vi.resetModules();
    vi.doMock('../../src/documents/content-stream', async (original) => ({ ...(await original<typeof import('../../src/documents/content-stream')>()), writeText: () => false }));
    try {
      const throughJsPdf = await render();
      expect(direct.length).toBe(throughJsPdf.length);
      direct.forEach((bytes, i) => expect(Buffer.from(bytes).equals(Buffer.from(throughJsPdf[i]!)), `file ${i}`).toBe(true));
    } finally {
      vi.doUnmock('../../src/documents/content-stream');
      vi.resetModules();
    }
  });
});
