/**
 * Rows → pages for one document. Honours every keep-together rule of the rows, then looks at
 * the last page: a last page that fits on the one before it, set slightly tighter, is pulled
 * back; a last page of fewer than five lines that cannot be pulled back takes lines over from
 * the page before, so that a document never ends on a fragment.
 */
import { BOTTOM, TOP, isTextRow, shift, type DrawOp, type Row } from './page-geometry';

export interface PageDraft {
  ops: DrawOp[];
  /** Lines of text on the page (repeated table headers included). */
  lines: number;
  /** Index of the first row of the page. */
  firstRow: number;
  /** The page opens with a table header repeated from the page before. */
  continued: boolean;
  /** The page starts because the document asked for a page break there. */
  afterBreak: boolean;
}

/** How much of the space between paragraphs and of the leading is kept. */
interface Tightness {
  space: number;
  line: number;
}

const NORMAL: Tightness = { space: 1, line: 1 };
/** Slight enough that a reader sees no change of style: the leading moves from 1.35 to 1.30 at most. */
const TIGHTER: readonly Tightness[] = [
  { space: 0.7, line: 0.985 },
  { space: 0.45, line: 0.965 },
];

export const MIN_LAST_PAGE_LINES = 5;

export function paginateDocument(rows: readonly Row[]): PageDraft[] {
  const normal = paginate(rows, 0, NORMAL, false);
  const last = normal[normal.length - 1]!;
  const before = normal[normal.length - 2];
  if (!before || last.afterBreak) return normal;

  // The last page back on the page before it, only that page set a little tighter.
  for (const tight of TIGHTER) {
    const merged = paginate(rows, before.firstRow, tight, before.continued);
    if (merged.length === 1) return [...normal.slice(0, -2), ...merged];
  }
  // The whole document a little tighter, when that saves its last page.
  for (const tight of TIGHTER) {
    const tighter = paginate(rows, 0, tight, false);
    if (tighter.length < normal.length) return withFullLastPage(rows, tight, tighter);
  }
  return withFullLastPage(rows, NORMAL, normal);
}

/** Carries lines over from the page before when the last page holds fewer than five. */
function withFullLastPage(rows: readonly Row[], tight: Tightness, pages: PageDraft[]): PageDraft[] {
  const last = pages[pages.length - 1]!;
  if (pages.length < 2 || last.afterBreak || last.lines >= MIN_LAST_PAGE_LINES) return pages;
  const carried = paginate(glueTail(rows, last.firstRow, MIN_LAST_PAGE_LINES - last.lines), 0, tight, false);
  const carriedLast = carried[carried.length - 1]!;
  return carried.length === pages.length && carriedLast.lines > last.lines ? carried : pages;
}

/** A copy of the rows where the `lines` text lines before row `from` keep with it. */
function glueTail(rows: readonly Row[], from: number, lines: number): Row[] {
  const out = rows.slice();
  let count = 0;
  for (let i = from - 1; i >= 0 && count < lines; i--) {
    const row = out[i]!;
    if (row.pageBreak) break;
    out[i] = { ...row, keepWithNext: true };
    if (isTextRow(row)) count += 1;
  }
  return out;
}

function paginate(rows: readonly Row[], from: number, tight: Tightness, continued: boolean): PageDraft[] {
  const pages: PageDraft[] = [];
  let page!: PageDraft;
  let y = TOP;
  let empty = true;

  const newPage = (firstRow: number, afterBreak: boolean) => {
    page = { ops: [], lines: 0, firstRow, continued: false, afterBreak };
    pages.push(page);
    y = TOP;
    empty = true;
  };
  const rowHeight = (row: Row) => (isTextRow(row) ? row.height * tight.line : row.height);
  const spaceAbove = (row: Row) => row.spaceBefore * tight.space + (row.spacerBefore ?? 0);
  const place = (row: Row) => {
    if (!empty) y += spaceAbove(row);
    const height = rowHeight(row);
    // A tightened line keeps its text centred in the smaller row.
    const dy = y - (row.height - height) / 2;
    for (const op of row.ops) page.ops.push(shift(op, dy));
    y += height;
    empty = false;
    if (isTextRow(row)) page.lines += 1;
  };
  const repeatHeader = (row: Row) => {
    if (!row.header) return;
    page.continued = true;
    for (const headerRow of row.header) place(headerRow);
  };
  const startContinuedPage = (index: number, row: Row) => {
    newPage(index, false);
    repeatHeader(row);
  };
  const heightOf = (group: readonly Row[]) =>
    group.reduce((sum, row, i) => sum + rowHeight(row) + (i === 0 && empty ? 0 : spaceAbove(row)), 0);

  newPage(from, from > 0 && rows[from - 1]?.pageBreak === true);
  const opening = rows[from];
  if (continued && opening) repeatHeader(opening);

  for (let i = from; i < rows.length; ) {
    const start = i;
    const group: Row[] = [];
    while (i < rows.length) {
      const row = rows[i]!;
      if (row.pageBreak && group.length > 0) break;
      group.push(row);
      i += 1;
      if (!row.keepWithNext || row.pageBreak) break;
    }
    const first = group[0]!;
    if (first.pageBreak) {
      if (!empty) newPage(i, true);
      continue;
    }
    if (!empty && y + heightOf(group) > BOTTOM) startContinuedPage(start, first);
    if (y + heightOf(group) <= BOTTOM) {
      group.forEach(place);
      continue;
    }
    // Taller than a page: keep what can be kept and break where it must, never inside a whole.
    for (let k = 0; k < group.length; ) {
      const row = group[k]!;
      let end = k + 1;
      while (row.whole && group[end]?.whole === row.whole) end += 1;
      const part = group.slice(k, end);
      if (!empty && y + heightOf(part) > BOTTOM) startContinuedPage(start + k, row);
      part.forEach(place);
      k = end;
    }
  }
  return pages;
}
