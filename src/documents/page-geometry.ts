import type { FontKey } from './metrics';

/** US Letter in points, with 1-inch margins. */
export const PAGE = { width: 612, height: 792, margin: 72 } as const;
export const LEFT = PAGE.margin;
export const TOP = PAGE.margin;
export const BOTTOM = PAGE.height - PAGE.margin;
export const WIDTH = PAGE.width - 2 * PAGE.margin;

export type DrawOp =
  | { kind: 'text'; x: number; y: number; text: string; font: FontKey; size: number; gray: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; gray: number; roundCaps?: boolean }
  | { kind: 'image'; x: number; y: number; width: number; height: number; dataUrl: string };

/** The atomic vertical unit that pagination moves between pages: a line of text, a rule, an image. */
export interface Row {
  height: number;
  /** The usual space above the row, which pagination may tighten slightly. */
  spaceBefore: number;
  /** Space asked for by a spacer block, kept as it is (both are dropped at the top of a page). */
  spacerBefore?: number;
  /** Must stay on the same page as the next row. */
  keepWithNext: boolean;
  /**
   * Rows sharing one `whole` are never split across pages, even where a run of rows kept
   * together is taller than a page and must be broken somewhere (a signature block).
   */
  whole?: object;
  /** Ops relative to the row's top-left corner (x absolute, y from the row top). */
  ops: DrawOp[];
  /** Rows to repeat at the top of a page this row is carried over to (table headers). */
  header?: Row[];
  pageBreak?: boolean;
}

/** A row that prints a line of text (rules, images and blank space do not count as lines). */
export function isTextRow(row: Row): boolean {
  return row.ops.some((op) => op.kind === 'text');
}

export function shift(op: DrawOp, dy: number): DrawOp {
  switch (op.kind) {
    case 'text':
    case 'image':
      return { ...op, y: op.y + dy };
    case 'line':
      return { ...op, y1: op.y1 + dy, y2: op.y2 + dy };
  }
}
