import type { Align, Block, PdfDocument, RichText, Signature, TextSpan } from './model';
import type { FontKey, Measure } from './metrics';
import { NO_BREAK_SPACE, isWinAnsi } from './text';

/** US Letter in points, with 1-inch margins. */
export const PAGE = { width: 612, height: 792, margin: 72 } as const;
const LEFT = PAGE.margin;
const TOP = PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin;
const WIDTH = PAGE.width - 2 * PAGE.margin;
const FOOTER_BASELINE = PAGE.height - 40;

const BODY = 11;
const SMALL = 9.5;
const LINE = 1.35;
const SIGNATURE_RULE = 216;
const SIGNATURE_IMAGE = { width: 200, height: 54 };

export type DrawOp =
  | { kind: 'text'; x: number; y: number; text: string; font: FontKey; size: number; gray: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; gray: number }
  | { kind: 'image'; x: number; y: number; width: number; height: number; dataUrl: string };

export interface LaidOutPage {
  documentIndex: number;
  ops: DrawOp[];
}

export interface LayoutEnv {
  measure: Measure;
  imageSize(dataUrl: string): { width: number; height: number };
}

export type PageNumbering = 'package' | 'document';

/**
 * Lays the documents out on pages: each document starts on a new page, lines never straddle
 * a page edge, headings stay with what follows, signatures stay together with the line before
 * them, a paragraph leaves no single line alone at the foot or head of a page, and table
 * headers repeat on continued pages. Footers carry "Page n of N".
 */
export function layoutDocuments(
  documents: readonly PdfDocument[],
  env: LayoutEnv,
  numbering: PageNumbering = 'package',
): LaidOutPage[] {
  const pages: LaidOutPage[] = [];
  documents.forEach((doc, documentIndex) => {
    paginate(rowsOf(doc, env), pages, documentIndex);
  });
  addFooters(pages, documents, env.measure, numbering);
  return pages;
}

// ---------------------------------------------------------------------------------------------
// Rows: the atomic vertical units that pagination moves between pages.

interface Row {
  height: number;
  spaceBefore: number;
  /** Must stay on the same page as the next row. */
  keepWithNext: boolean;
  /** Ops relative to the row's top-left corner (x absolute, y from the row top). */
  ops: DrawOp[];
  /** Rows to repeat at the top of a page this row is carried over to (table headers). */
  header?: Row[];
  pageBreak?: boolean;
}

const SPACE_BEFORE: Record<Block['kind'], number> = {
  letterhead: 0,
  heading: 0,
  paragraph: 8,
  keyValue: 8,
  list: 8,
  table: 10,
  signature: 22,
  spacer: 0,
  pageBreak: 0,
};

function rowsOf(doc: PdfDocument, env: LayoutEnv): Row[] {
  const rows: Row[] = [];
  let pendingSpace = 0;
  let previous: Block | undefined;
  for (const block of doc.blocks) {
    if (block.kind === 'spacer') {
      pendingSpace += block.height;
      continue;
    }
    if (block.kind === 'pageBreak') {
      rows.push({ height: 0, spaceBefore: 0, keepWithNext: false, ops: [], pageBreak: true });
      pendingSpace = 0;
      previous = block;
      continue;
    }
    const blockRows = blockRowsOf(block, env);
    const first = blockRows[0];
    if (first) {
      let space = block.kind === 'paragraph' && block.spaceBefore !== undefined ? block.spaceBefore : SPACE_BEFORE[block.kind];
      if (block.kind === 'heading') space = block.level === 1 ? 18 : 14;
      if (previous?.kind === 'heading') space = 6;
      first.spaceBefore = space + pendingSpace;
      const last = rows[rows.length - 1];
      if (block.kind === 'signature' && last && !last.pageBreak) last.keepWithNext = true;
    }
    rows.push(...blockRows);
    pendingSpace = 0;
    previous = block;
  }
  return rows;
}

function blockRowsOf(block: Exclude<Block, { kind: 'spacer' | 'pageBreak' }>, env: LayoutEnv): Row[] {
  const { measure } = env;
  switch (block.kind) {
    case 'letterhead': {
      const align = block.align ?? 'center';
      const rows = block.lines.flatMap((line, i) =>
        textRows(line, { measure, size: i === 0 ? 14 : SMALL, bold: i === 0, align, x: LEFT, width: WIDTH, lineFactor: 1.25 }),
      );
      rows.push({ height: 14, spaceBefore: 2, keepWithNext: false, ops: [rule(LEFT, LEFT + WIDTH, 5, 0.75)] });
      return glueAll(rows);
    }
    case 'heading': {
      const rows = textRows(block.text, {
        measure,
        size: block.level === 1 ? 14 : 12,
        bold: true,
        align: block.align ?? 'left',
        x: LEFT,
        width: WIDTH,
        lineFactor: 1.25,
      });
      return glueAll(rows, true);
    }
    case 'paragraph': {
      const indent = block.indent ?? 0;
      const rows = textRows(block.text, {
        measure,
        size: block.small ? SMALL : BODY,
        bold: false,
        align: block.align ?? 'left',
        x: LEFT + indent,
        width: WIDTH - indent,
      });
      return guardWidowsAndOrphans(rows);
    }
    case 'keyValue':
      return keyValueRows(block.rows, block.labelWidth, block.indent ?? 0, measure);
    case 'list':
      return listRows(block.items, block.style, block.start ?? 1, measure);
    case 'table':
      return tableRows(block.columns, block.rows, measure);
    case 'signature':
      return signatureRows(block.signature, env);
  }
}

function glueAll(rows: Row[], toNext = false): Row[] {
  rows.forEach((row, i) => {
    row.keepWithNext = i < rows.length - 1 || toNext;
  });
  return rows;
}

/** The first line keeps with the second, the second-last with the last. */
function guardWidowsAndOrphans(rows: Row[]): Row[] {
  const n = rows.length;
  if (n >= 2) {
    rows[0]!.keepWithNext = true;
    rows[n - 2]!.keepWithNext = true;
  }
  return rows;
}

function rule(x1: number, x2: number, y: number, width: number, gray = 0): DrawOp {
  return { kind: 'line', x1, y1: y, x2, y2: y, width, gray };
}

interface TextStyle {
  measure: Measure;
  size: number;
  bold: boolean;
  align: Align;
  x: number;
  width: number;
  lineFactor?: number;
  gray?: number;
}

function textRows(text: RichText, style: TextStyle): Row[] {
  const lineHeight = style.size * (style.lineFactor ?? LINE);
  return breakLines(text, style).map((line) => ({
    height: lineHeight,
    spaceBefore: 0,
    keepWithNext: false,
    ops: lineOps(line, style, baselineIn(lineHeight, style.size)),
  }));
}

function baselineIn(lineHeight: number, size: number): number {
  return (lineHeight - size) / 2 + size * 0.78;
}

function lineOps(line: Line, style: TextStyle, baseline: number): DrawOp[] {
  const offset = style.align === 'center' ? (style.width - line.width) / 2 : style.align === 'right' ? style.width - line.width : 0;
  return line.runs.map((run) => ({
    kind: 'text',
    x: style.x + offset + run.x,
    y: baseline,
    text: run.text,
    font: run.font,
    size: style.size,
    gray: style.gray ?? 0,
  }));
}

// ---------------------------------------------------------------------------------------------
// Line breaking

interface Piece {
  text: string;
  font: FontKey;
  width: number;
}

interface Word {
  pieces: Piece[];
  width: number;
}

type Token = { kind: 'word'; spans: TextSpan[] } | { kind: 'space' } | { kind: 'break' };

interface Run {
  x: number;
  text: string;
  font: FontKey;
}

export interface Line {
  runs: Run[];
  width: number;
}

/** Words that read badly at the end of a line: "§ 64.2009(e)", "(§ 64.2011(b))", "No. 06-36". */
const GLUE_FORWARD = /^[([]?(§§?|¶|No\.)$/;

function tokenize(text: RichText, bold: boolean): Token[] {
  const spans: readonly TextSpan[] = typeof text === 'string' ? [{ text, bold }] : text;
  const tokens: Token[] = [];
  let word: TextSpan[] | undefined;
  const pushChar = (ch: string, isBold: boolean) => {
    word ??= [];
    const last = word[word.length - 1];
    if (last && (last.bold ?? false) === isBold) last.text += ch;
    else word.push({ text: ch, bold: isBold });
  };
  const endWord = () => {
    if (word) tokens.push({ kind: 'word', spans: word });
    word = undefined;
  };
  for (const span of spans) {
    const isBold = span.bold ?? bold;
    for (const ch of span.text) {
      if (ch === ' ' || ch === '\n') {
        endWord();
        const last = tokens[tokens.length - 1];
        if (ch === '\n') tokens.push({ kind: 'break' });
        else if (last && last.kind === 'word') tokens.push({ kind: 'space' });
      } else {
        pushChar(ch, isBold);
      }
    }
  }
  endWord();
  return glueForward(tokens);
}

function glueForward(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const space = tokens[i + 1];
    const next = tokens[i + 2];
    const previous = out[out.length - 1];
    if (
      token.kind === 'word' &&
      space?.kind === 'space' &&
      next?.kind === 'word' &&
      GLUE_FORWARD.test(token.spans.map((s) => s.text).join(''))
    ) {
      const lastSpan = token.spans[token.spans.length - 1]!;
      next.spans = [...token.spans.slice(0, -1), { ...lastSpan, text: lastSpan.text + NO_BREAK_SPACE }, ...next.spans];
      i += 1;
      continue;
    }
    if (token.kind === 'word' && previous?.kind === 'word') {
      previous.spans.push(...token.spans);
      continue;
    }
    out.push(token);
  }
  return out;
}

function fontFor(bold: boolean, fallback: boolean): FontKey {
  if (fallback) return bold ? 'fallbackBold' : 'fallback';
  return bold ? 'bold' : 'regular';
}

function measureWord(spans: readonly TextSpan[], size: number, measure: Measure): Word {
  // A word that needs the embedded font is set in it whole, so its letters match each other.
  const fallback = spans.some((s) => [...s.text].some((ch) => !isWinAnsi(ch.codePointAt(0) ?? 0)));
  const pieces = spans.map((s) => {
    const text = s.text.replaceAll(NO_BREAK_SPACE, ' ');
    const font = fontFor(s.bold ?? false, fallback);
    return { text, font, width: measure(text, font, size) };
  });
  return { pieces, width: pieces.reduce((sum, p) => sum + p.width, 0) };
}

/** Cuts a word wider than the line (a long URL, say) into pieces that fit. */
function splitWord(word: Word, width: number, size: number, measure: Measure): Word[] {
  const parts: Word[] = [];
  let current: Piece[] = [];
  let currentWidth = 0;
  for (const piece of word.pieces) {
    for (const ch of piece.text) {
      const w = measure(ch, piece.font, size);
      if (currentWidth + w > width && currentWidth > 0) {
        parts.push({ pieces: current, width: currentWidth });
        current = [];
        currentWidth = 0;
      }
      const last = current[current.length - 1];
      if (last && last.font === piece.font) {
        last.text += ch;
        last.width += w;
      } else {
        current.push({ text: ch, font: piece.font, width: w });
      }
      currentWidth += w;
    }
  }
  if (current.length) parts.push({ pieces: current, width: currentWidth });
  return parts;
}

export function breakLines(text: RichText, style: Pick<TextStyle, 'measure' | 'size' | 'bold' | 'width'>): Line[] {
  const { measure, size, width } = style;
  const lines: Line[] = [];
  let items: { word: Word; gap: boolean }[] = [];
  let lineWidth = 0;
  let pendingGap = false;

  const spaceAfter = (word: Word): number => measure(' ', word.pieces[word.pieces.length - 1]!.font, size);
  const flush = () => {
    lines.push(buildLine(items, spaceAfter));
    items = [];
    lineWidth = 0;
    pendingGap = false;
  };
  const place = (word: Word) => {
    const previous = items[items.length - 1];
    const gap = previous && pendingGap ? spaceAfter(previous.word) : 0;
    if (items.length > 0 && lineWidth + gap + word.width > width) {
      flush();
      place(word);
      return;
    }
    items.push({ word, gap: gap > 0 });
    lineWidth += gap + word.width;
    pendingGap = false;
  };

  for (const token of tokenize(text, style.bold)) {
    if (token.kind === 'space') {
      pendingGap = true;
    } else if (token.kind === 'break') {
      flush();
    } else {
      const word = measureWord(token.spans, size, measure);
      if (word.width > width) {
        for (const part of splitWord(word, width, size, measure)) place(part);
      } else {
        place(word);
      }
    }
  }
  if (items.length > 0 || lines.length === 0) flush();
  return lines;
}

function buildLine(items: { word: Word; gap: boolean }[], spaceAfter: (word: Word) => number): Line {
  const runs: Run[] = [];
  let x = 0;
  let previous: Word | undefined;
  for (const { word, gap } of items) {
    if (gap && previous) {
      // The space is drawn as a real character so that text extraction sees two words.
      runs[runs.length - 1]!.text += ' ';
      x += spaceAfter(previous);
    }
    for (const piece of word.pieces) {
      const last = runs[runs.length - 1];
      if (last && last.font === piece.font) last.text += piece.text;
      else runs.push({ x, text: piece.text, font: piece.font });
      x += piece.width;
    }
    previous = word;
  }
  return { runs, width: x };
}

// ---------------------------------------------------------------------------------------------
// Block kinds with columns

function keyValueRows(
  entries: readonly { label: string; value: RichText }[],
  labelWidth: number | undefined,
  indent: number,
  measure: Measure,
): Row[] {
  const gutter = 10;
  const available = WIDTH - indent;
  const widest = Math.max(0, ...entries.map((e) => naturalWidth(e.label, BODY, true, measure)));
  const labelColumn = labelWidth ?? Math.min(widest + gutter, available * 0.45);
  const lineHeight = BODY * LINE;
  const rows: Row[] = [];
  entries.forEach((entry, index) => {
    const labelLines = breakLines(entry.label, { measure, size: BODY, bold: true, width: labelColumn - gutter });
    const valueLines = breakLines(entry.value, { measure, size: BODY, bold: false, width: available - labelColumn });
    const count = Math.max(labelLines.length, valueLines.length);
    const baseline = baselineIn(lineHeight, BODY);
    for (let i = 0; i < count; i++) {
      const ops: DrawOp[] = [];
      const label = labelLines[i];
      const value = valueLines[i];
      if (label) ops.push(...lineOps(label, textStyle(measure, LEFT + indent, labelColumn - gutter), baseline));
      if (value) ops.push(...lineOps(value, textStyle(measure, LEFT + indent + labelColumn, available - labelColumn), baseline));
      rows.push({ height: lineHeight, spaceBefore: i === 0 && index > 0 ? 3 : 0, keepWithNext: i < count - 1, ops });
    }
  });
  return rows;
}

/** Width of the widest line of a text set without wrapping. */
function naturalWidth(text: RichText, size: number, bold: boolean, measure: Measure): number {
  return Math.max(0, ...breakLines(text, { measure, size, bold, width: Infinity }).map((line) => line.width));
}

function textStyle(measure: Measure, x: number, width: number, align: Align = 'left'): TextStyle {
  return { measure, size: BODY, bold: false, align, x, width };
}

function listRows(items: readonly RichText[], style: 'numbered' | 'bulleted', start: number, measure: Measure): Row[] {
  const markers = items.map((_, i) => (style === 'numbered' ? `${start + i}.` : '\u2022'));
  const markerWidth = Math.max(...markers.map((m) => measure(m, 'regular', BODY)), 0);
  const indent = Math.max(18, markerWidth + 8);
  const lineHeight = BODY * LINE;
  const rows: Row[] = [];
  items.forEach((item, index) => {
    const lines = breakLines(item, { measure, size: BODY, bold: false, width: WIDTH - indent });
    const itemRows = lines.map((line, i): Row => {
      const ops = lineOps(line, textStyle(measure, LEFT + indent, WIDTH - indent), baselineIn(lineHeight, BODY));
      if (i === 0) {
        const marker = markers[index]!;
        const x = LEFT + indent - 6 - measure(marker, 'regular', BODY);
        ops.unshift({ kind: 'text', x, y: baselineIn(lineHeight, BODY), text: marker, font: 'regular', size: BODY, gray: 0 });
      }
      return { height: lineHeight, spaceBefore: i === 0 && index > 0 ? 4 : 0, keepWithNext: false, ops };
    });
    rows.push(...guardWidowsAndOrphans(itemRows));
  });
  return rows;
}

function tableRows(
  columns: readonly { header: string; weight?: number; align?: 'left' | 'right' }[],
  body: readonly (readonly string[])[],
  measure: Measure,
): Row[] {
  const padding = 6;
  const total = columns.reduce((sum, c) => sum + (c.weight ?? 1), 0);
  let x = LEFT;
  const cells = columns.map((c) => {
    const width = (WIDTH * (c.weight ?? 1)) / total;
    const cell = { x: x + padding / 2, width: width - padding, align: c.align ?? 'left' };
    x += width;
    return cell;
  });
  const lineHeight = BODY * LINE;
  const baseline = baselineIn(lineHeight, BODY);

  const cellRows = (values: readonly string[], bold: boolean): Row[] => {
    const wrapped = cells.map((cell, i) => breakLines(values[i] ?? '', { measure, size: BODY, bold, width: cell.width }));
    const count = Math.max(1, ...wrapped.map((lines) => lines.length));
    return Array.from({ length: count }, (_, line): Row => ({
      height: lineHeight,
      spaceBefore: 0,
      keepWithNext: line < count - 1,
      ops: cells.flatMap((cell, i) => {
        const l = wrapped[i]?.[line];
        return l ? lineOps(l, { measure, size: BODY, bold, align: cell.align, x: cell.x, width: cell.width }, baseline) : [];
      }),
    }));
  };

  const header = cellRows(
    columns.map((c) => c.header),
    true,
  );
  header.push({ height: 5, spaceBefore: 0, keepWithNext: true, ops: [rule(LEFT, LEFT + WIDTH, 2, 0.75)] });
  glueAll(header, true);
  const rows: Row[] = [...header];
  body.forEach((values, index) => {
    const bodyRows = cellRows(values, false);
    bodyRows[0]!.spaceBefore = index > 0 ? 3 : 1;
    for (const row of bodyRows) row.header = header;
    rows.push(...bodyRows);
  });
  rows.push({ height: 5, spaceBefore: 1, keepWithNext: false, ops: [rule(LEFT, LEFT + WIDTH, 3, 0.5, 0.5)] });
  rows[rows.length - 2]!.keepWithNext = true;
  return rows;
}

function signatureRows(signature: Signature, env: LayoutEnv): Row[] {
  const { measure } = env;
  const rows: Row[] = [];
  if (signature.kind === 'typed') {
    rows.push(...textRows(`/s/ ${signature.name}`, { measure, size: 12, bold: false, align: 'left', x: LEFT, width: SIGNATURE_RULE }));
  } else {
    const natural = env.imageSize(signature.dataUrl);
    const scale = Math.min(SIGNATURE_IMAGE.width / natural.width, SIGNATURE_IMAGE.height / natural.height);
    const width = natural.width * scale;
    const height = natural.height * scale;
    rows.push({ height: height + 2, spaceBefore: 0, keepWithNext: true, ops: [{ kind: 'image', x: LEFT, y: 0, width, height, dataUrl: signature.dataUrl }] });
  }
  rows.push({ height: 4, spaceBefore: 1, keepWithNext: true, ops: [rule(LEFT, LEFT + SIGNATURE_RULE, 1, 0.6)] });
  const under = [signature.name, signature.title, signature.date === undefined ? undefined : `Date: ${signature.date}`, ...(signature.lines ?? [])];
  for (const line of under) {
    if (line === undefined || line === '') continue;
    rows.push(...textRows(line, { measure, size: BODY, bold: false, align: 'left', x: LEFT, width: WIDTH, lineFactor: 1.3 }));
  }
  return glueAll(rows);
}

// ---------------------------------------------------------------------------------------------
// Pagination

function paginate(rows: readonly Row[], pages: LaidOutPage[], documentIndex: number): void {
  let page: LaidOutPage = { documentIndex, ops: [] };
  pages.push(page);
  let y = TOP;
  let empty = true;

  const newPage = () => {
    page = { documentIndex, ops: [] };
    pages.push(page);
    y = TOP;
    empty = true;
  };
  const place = (row: Row) => {
    if (!empty) y += row.spaceBefore;
    for (const op of row.ops) page.ops.push(shift(op, y));
    y += row.height;
    empty = false;
  };
  const startContinuedPage = (row: Row) => {
    newPage();
    for (const headerRow of row.header ?? []) place(headerRow);
  };
  const heightOf = (group: readonly Row[]) => group.reduce((sum, row, i) => sum + row.height + (i === 0 && empty ? 0 : row.spaceBefore), 0);

  for (let i = 0; i < rows.length; ) {
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
      if (!empty) newPage();
      continue;
    }
    if (!empty && y + heightOf(group) > BOTTOM) startContinuedPage(first);
    if (y + heightOf(group) <= BOTTOM) {
      group.forEach(place);
      continue;
    }
    // Taller than a page: keep what can be kept and break where it must.
    for (const row of group) {
      if (!empty && y + row.spaceBefore + row.height > BOTTOM) startContinuedPage(row);
      place(row);
    }
  }
}

function shift(op: DrawOp, dy: number): DrawOp {
  switch (op.kind) {
    case 'text':
    case 'image':
      return { ...op, y: op.y + dy };
    case 'line':
      return { ...op, y1: op.y1 + dy, y2: op.y2 + dy };
  }
}

// ---------------------------------------------------------------------------------------------
// Footers

/**
 * Package numbering counts every page of the upload (ECFS takes one file, and a reader citing
 * "page 4" means the fourth page of that file); document numbering restarts for each document.
 */
function addFooters(pages: LaidOutPage[], documents: readonly PdfDocument[], measure: Measure, numbering: PageNumbering): void {
  const size = 9;
  const gray = 0.35;
  pages.forEach((page, index) => {
    const own = pages.filter((p) => p.documentIndex === page.documentIndex);
    const [n, total] = numbering === 'package' ? [index + 1, pages.length] : [own.indexOf(page) + 1, own.length];
    const label = `Page ${n} of ${total}`;
    const labelWidth = measure(label, 'regular', size);
    const note = documents[page.documentIndex]?.footerNote;
    if (!note) {
      page.ops.push({ kind: 'text', x: LEFT + (WIDTH - labelWidth) / 2, y: FOOTER_BASELINE, text: label, font: 'regular', size, gray });
      return;
    }
    page.ops.push({ kind: 'text', x: LEFT + WIDTH - labelWidth, y: FOOTER_BASELINE, text: label, font: 'regular', size, gray });
    const [line] = breakLines(fitToWidth(note, WIDTH - labelWidth - 18, size, measure), { measure, size, bold: false, width: Infinity });
    if (line) page.ops.push(...lineOps(line, { measure, size, bold: false, align: 'left', x: LEFT, width: WIDTH, gray }, FOOTER_BASELINE));
  });
}

function fitToWidth(text: string, width: number, size: number, measure: Measure): string {
  const oneLine = text.replace(/\s+/g, ' ');
  const widthOf = (t: string) => naturalWidth(t, size, false, measure);
  if (widthOf(oneLine) <= width) return oneLine;
  const chars = [...oneLine];
  while (chars.length > 0 && widthOf(`${chars.join('').trimEnd()}\u2026`) > width) chars.pop();
  return `${chars.join('').trimEnd()}\u2026`;
}
