/**
 * What every page carries besides its text: the footer ("Page n of N" and the footer note) and,
 * on a draft, the draft mark at the head of the page, in the footer and diagonally behind the text.
 */
import { breakLines, naturalWidth } from './line-break';
import type { Measure } from './metrics';
import type { PdfDocument, RichText } from './model';
import { LEFT, PAGE, WIDTH, type DrawOp } from './page-geometry';
import { lineOps } from './rows';

export type PageNumbering = 'package' | 'document';

export interface MarkedPage {
  documentIndex: number;
  ops: DrawOp[];
}

const FOOTER = { baseline: PAGE.height - 40, size: 9, gray: 0.35 };
/** The draft mark at the head of the page: large, inside the top margin, above the text. */
const DRAFT_HEAD = { baseline: 50, size: 18, gray: 0.25 };
const DIAGONAL = { capHeight: 128, stroke: 15, gray: 0.9, letterSpacing: 0.3 };

/**
 * Package numbering counts every page of the upload (ECFS takes one file, and a reader citing
 * "page 4" means the fourth page of that file); document numbering restarts for each document.
 */
export function addPageMarks(pages: MarkedPage[], documents: readonly PdfDocument[], measure: Measure, numbering: PageNumbering): void {
  // Every page of a document carries the same mark and note: each is set once, not once a page.
  const heads = new Map<string, DrawOp[]>();
  const notes = new Map<string, string>();
  const fit = (note: string, room: number, size: number) => {
    const key = `${room}|${size}|${note}`;
    let fitted = notes.get(key);
    if (fitted === undefined) notes.set(key, (fitted = fitToWidth(note, room, size, measure)));
    return fitted;
  };
  pages.forEach((page, index) => {
    const doc = documents[page.documentIndex];
    const own = pages.filter((p) => p.documentIndex === page.documentIndex);
    const [n, total] = numbering === 'package' ? [index + 1, pages.length] : [own.indexOf(page) + 1, own.length];
    if (doc?.watermark) {
      // Behind everything else on the page, so the text stays black on top of it.
      page.ops.unshift(...(draftMark ??= diagonalDraft()));
      let head = heads.get(doc.watermark);
      if (!head) heads.set(doc.watermark, (head = draftHead(doc.watermark, measure)));
      page.ops.push(...head);
    }
    page.ops.push(...footer(`Page ${n} of ${total}`, doc, measure, fit));
  });
}

function footer(label: string, doc: PdfDocument | undefined, measure: Measure, fit: (note: string, width: number, size: number) => string): DrawOp[] {
  const { size, gray, baseline } = FOOTER;
  const labelWidth = measure(label, 'regular', size);
  const mark = doc?.watermark ? `${doc.watermark.replace(/\s+/g, ' ')} · ` : '';
  const note = doc?.footerNote ?? '';
  if (!mark && !note) {
    return [{ kind: 'text', x: LEFT + (WIDTH - labelWidth) / 2, y: baseline, text: label, font: 'regular', size, gray }];
  }
  const ops: DrawOp[] = [{ kind: 'text', x: LEFT + WIDTH - labelWidth, y: baseline, text: label, font: 'regular', size, gray }];
  const markWidth = mark ? naturalWidth([{ text: mark, bold: true }], size, true, measure) : 0;
  const room = WIDTH - labelWidth - 18 - markWidth;
  const text: RichText = [...(mark ? [{ text: mark, bold: true }] : []), ...(note ? [{ text: fit(note, room, size) }] : [])];
  const [line] = breakLines(text, { measure, size, bold: false, width: Infinity });
  if (line) ops.push(...lineOps(line, { measure, size, bold: false, align: 'left', x: LEFT, width: WIDTH, gray }, baseline));
  return ops;
}

/** The note on one line: whole " · " parts dropped from the end first, then letters, with an ellipsis. */
function fitToWidth(text: string, width: number, size: number, measure: Measure): string {
  const oneLine = text.replace(/\s+/g, ' ');
  const widthOf = (t: string) => naturalWidth(t, size, false, measure);
  if (widthOf(oneLine) <= width) return oneLine;
  const parts = oneLine.split(' · ');
  for (let keep = parts.length - 1; keep >= 1; keep--) {
    const shorter = parts.slice(0, keep).join(' · ');
    if (widthOf(shorter) <= width) return shorter;
  }
  const chars = [...oneLine];
  while (chars.length > 0 && widthOf(`${chars.join('').trimEnd()}\u2026`) > width) chars.pop();
  return `${chars.join('').trimEnd()}\u2026`;
}

function draftHead(text: string, measure: Measure): DrawOp[] {
  const { size, gray, baseline } = DRAFT_HEAD;
  const [line] = breakLines(text.replace(/\s+/g, ' '), { measure, size, bold: true, width: Infinity });
  if (!line) return [];
  // Shrunk to the text width if a long mark would not fit on one line.
  const fit = Math.min(size, (size * WIDTH) / Math.max(line.width, 1));
  const [fitted] = breakLines(text.replace(/\s+/g, ' '), { measure, size: fit, bold: true, width: Infinity });
  return fitted ? lineOps(fitted, { measure, size: fit, bold: true, align: 'center', x: LEFT, width: WIDTH, gray }, baseline) : [];
}

// ---------------------------------------------------------------------------------------------
// The diagonal "DRAFT", drawn as strokes rather than text: text extraction and screen readers
// read the mark once, from the head of the page, and the body text without letters in between.

type Point = readonly [x: number, y: number];

/** Arc of an ellipse centred on (cx, cy), from angle a to b (degrees, counter-clockwise positive). */
function arc(cx: number, cy: number, rx: number, ry: number, a: number, b: number, steps = 10): Point[] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const t = ((a + ((b - a) * i) / steps) * Math.PI) / 180;
    return [cx + rx * Math.cos(t), cy + ry * Math.sin(t)] as const;
  });
}

/** Letters one unit tall (y up), as polylines, with their advance width. */
const LETTERS: readonly { width: number; strokes: readonly (readonly Point[])[] }[] = [
  // D
  { width: 0.74, strokes: [[[0.3, 0], [0, 0], [0, 1], [0.3, 1], ...arc(0.3, 0.5, 0.44, 0.5, 90, -90), [0.3, 0]]] },
  // R
  { width: 0.66, strokes: [[[0, 0], [0, 1], [0.36, 1], ...arc(0.36, 0.75, 0.26, 0.25, 90, -90), [0, 0.5]], [[0.3, 0.5], [0.66, 0]]] },
  // A
  { width: 0.76, strokes: [[[0, 0], [0.38, 1], [0.76, 0]], [[0.15, 0.38], [0.61, 0.38]]] },
  // F
  { width: 0.58, strokes: [[[0.58, 1], [0, 1], [0, 0]], [[0, 0.52], [0.46, 0.52]]] },
  // T
  { width: 0.72, strokes: [[[0, 1], [0.72, 1]], [[0.36, 1], [0.36, 0]]] },
];

/** The same on every page of every draft: drawn once, then reused (the ops are never changed). */
let draftMark: readonly DrawOp[] | undefined;

function diagonalDraft(): DrawOp[] {
  const { capHeight, stroke, gray, letterSpacing } = DIAGONAL;
  const advance = LETTERS.reduce((sum, l) => sum + l.width, 0) + letterSpacing * (LETTERS.length - 1);
  const angle = Math.atan2(PAGE.height, PAGE.width);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  // Unit coordinates (centred on the word) → page coordinates (y down), rotated up to the right.
  const toPage = ([x, y]: Point): Point => {
    const ux = (x - advance / 2) * capHeight;
    const uy = (y - 0.5) * capHeight;
    return [PAGE.width / 2 + ux * cos - uy * sin, PAGE.height / 2 - (ux * sin + uy * cos)];
  };
  const ops: DrawOp[] = [];
  let left = 0;
  for (const letter of LETTERS) {
    for (const polyline of letter.strokes) {
      for (let i = 1; i < polyline.length; i++) {
        const [x1, y1] = toPage([left + polyline[i - 1]![0], polyline[i - 1]![1]]);
        const [x2, y2] = toPage([left + polyline[i]![0], polyline[i]![1]]);
        ops.push({ kind: 'line', x1, y1, x2, y2, width: stroke, gray, roundCaps: true });
      }
    }
    left += letter.width + letterSpacing;
  }
  return ops;
}
