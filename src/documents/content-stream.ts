/**
 * Writing a page's content straight into jsPDF's page stream, in the very bytes jsPDF's own
 * text() and line() would write. jsPDF's text() is general (options parsing, line splitting,
 * Arabic shaping and bidi reordering hooks, alignment, escaping through several arrays) and costs
 * far more per call than the few lines of content it writes; a package has hundreds of text runs.
 * Only text in the standard fonts (WinAnsi, already on one line) is written here; anything else
 * goes through jsPDF.
 */
import type { jsPDF } from 'jspdf';
import type { DrawOp } from './page-geometry';

type Pdf = InstanceType<typeof jsPDF>;
type TextOp = Extract<DrawOp, { kind: 'text' }>;
type LineOp = Extract<DrawOp, { kind: 'line' }>;

interface Internal {
  write: (...parts: string[]) => void;
  pdfEscape: (text: string, flags: { autoencode: boolean; noBOM: boolean }) => string;
  getFont: () => { id: string; encoding: string };
  getFontSize: () => number;
  getLineHeightFactor: () => number;
}

const internal = (pdf: Pdf) => pdf.internal as unknown as Internal;

/** jsPDF's number format for coordinates ("72." for 72, 16 decimals at most, no trailing zeros). */
export function hpf(value: number): string {
  return value.toFixed(16).replace(/0+$/, '');
}

/** jsPDF's format for colour channels (three decimals, no trailing zeros). */
function f3(value: number): string {
  return value.toFixed(3).replace(/0+$/, '');
}

/** The gray level of a colour, 0–255, as the renderer sets it. */
export function grayLevel(gray: number): number {
  return Math.round(Math.min(1, Math.max(0, gray)) * 255);
}

/** What jsPDF writes for a text colour set as '#rrggbb' with r = g = b. */
export function grayFill(gray: number): string {
  return `${f3(grayLevel(gray) / 255)} g`;
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const NEEDS_JSPDF = /[\t\r\n]/;

/**
 * Writes text in the current font, size and `fill` colour at (x, y) from the top-left of the
 * page, alphabetic baseline: "BT /F1 11 Tf 12.65 TL 0. g 72. 720. Td (…) Tj ET", as jsPDF does.
 * Returns false (and writes nothing) for text it leaves to jsPDF: a font that is not WinAnsi
 * (the embedded one, whose glyphs jsPDF records for subsetting), or text that jsPDF would split
 * into several lines.
 */
export function writeText(pdf: Pdf, op: TextOp, fill: string): boolean {
  const pdfInternal = internal(pdf);
  const font = pdfInternal.getFont();
  if (font.encoding !== 'WinAnsiEncoding' || NEEDS_JSPDF.test(op.text)) return false;
  const size = pdfInternal.getFontSize();
  // Printable ASCII is its own WinAnsi code: only the string delimiters and the backslash need escaping.
  const escaped = PLAIN_ASCII.test(op.text) ? op.text.replace(/[\\()]/g, '\\$&') : pdfInternal.pdfEscape(op.text, { autoencode: true, noBOM: true });
  const height = pdf.internal.pageSize.getHeight();
  pdfInternal.write(
    `BT\n/${font.id} ${size} Tf\n${hpf(size * pdfInternal.getLineHeightFactor())} TL\n${fill}\n${hpf(op.x)} ${hpf(height - op.y)} Td\n(${escaped}) Tj\nET`,
  );
  return true;
}

/**
 * Strokes lines of one style as one path, written straight into the page's content (inside its
 * own q … Q, so no state leaks into what follows): what jsPDF's line() writes per line, once.
 * PDF space has its origin at the foot of the page; the layout's at the head.
 */
export function strokeLines(pdf: Pdf, lines: readonly LineOp[]): void {
  const first = lines[0];
  if (!first) return;
  const height = pdf.internal.pageSize.getHeight();
  const n = (x: number) => String(Math.round(x * 1000) / 1000);
  const level = grayLevel(first.gray) / 255;
  const path = lines.map((l) => `${n(l.x1)} ${n(height - l.y1)} m ${n(l.x2)} ${n(height - l.y2)} l`).join('\n');
  internal(pdf).write(`q\n${n(level)} G\n${n(first.width)} w\n${first.roundCaps ? 1 : 0} J\n${path}\nS\nQ`);
}
