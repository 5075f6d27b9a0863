/**
 * Blocks → rows: every line of text, rule and image as a unit of fixed height, with the
 * keep-together rules that pagination honours.
 */
import { breakLines, naturalWidth, type Line } from './line-break';
import type { Measure } from './metrics';
import type { Align, Block, PdfDocument, RichText, Signature, TableBlock } from './model';
import { LEFT, WIDTH, type DrawOp, type Row, isTextRow } from './page-geometry';

export const BODY = 11;
const SMALL = 9.5;
const LINE = 1.35;
const SIGNATURE_RULE = 216;
const SIGNATURE_IMAGE = { width: 200, height: 54 };
/** Room above the line of an unsigned signature block for a signature in ink. */
const SIGNING_SPACE = 34;

export interface RowsEnv {
  measure: Measure;
  imageSize(dataUrl: string): { width: number; height: number };
  /** The page cells of a table's page column, or undefined to leave the column out. */
  pageCells(refs: readonly (string | undefined)[]): string[] | undefined;
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

/** Lines of the text before a signature that stay on its page when that text is a one-line closing. */
const LINES_BEFORE_CLOSING = 2;

export function rowsOf(doc: PdfDocument, env: RowsEnv): Row[] {
  const rows: Row[] = [];
  /** Rows of each block laid out so far, for the signature's keep-together rule. */
  const laidOut: Row[][] = [];
  let pendingSpace = 0;
  let previous: Block | undefined;
  for (const block of doc.blocks) {
    if (block.kind === 'spacer') {
      pendingSpace += block.height;
      continue;
    }
    if (block.kind === 'pageBreak') {
      rows.push({ height: 0, spaceBefore: 0, keepWithNext: false, ops: [], pageBreak: true });
      laidOut.length = 0;
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
      first.spaceBefore = space;
      if (pendingSpace > 0) first.spacerBefore = pendingSpace;
      if (block.kind === 'signature') keepBeforeSignature(laidOut);
      rows.push(...blockRows);
      laidOut.push(blockRows);
    }
    pendingSpace = 0;
    previous = block;
  }
  return rows;
}

/**
 * A signature never stands alone: the whole block before it (the last paragraph of a
 * certification, say) goes with it, and when that block is a one-line closing, the last lines
 * of the text before it too.
 */
function keepBeforeSignature(laidOut: readonly Row[][]): void {
  const before = laidOut[laidOut.length - 1];
  if (!before) return;
  for (const row of before) row.keepWithNext = true;
  if (before.filter(isTextRow).length > 1) return;
  const earlier = laidOut[laidOut.length - 2];
  for (const row of earlier?.slice(-LINES_BEFORE_CLOSING) ?? []) row.keepWithNext = true;
}

function blockRowsOf(block: Exclude<Block, { kind: 'spacer' | 'pageBreak' }>, env: RowsEnv): Row[] {
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
      return block.keepWithNext ? glueAll(rows, true) : guardWidowsAndOrphans(rows);
    }
    case 'keyValue':
      return keyValueRows(block.rows, block.labelWidth, block.indent ?? 0, measure);
    case 'list':
      return listRows(block.items, block.style, block.start ?? 1, measure);
    case 'table':
      return tableRows(withPageColumn(block, env), block.small ? SMALL : BODY, measure);
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

export interface TextStyle {
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

export function lineOps(line: Line, style: TextStyle, baseline: number): DrawOp[] {
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

/** The table with its page column filled in, or without it when the pages are not known here. */
function withPageColumn(block: TableBlock, env: RowsEnv): Pick<TableBlock, 'columns' | 'rows'> {
  const column = block.pageColumn;
  const cells = column ? env.pageCells(block.rows.map((_, i) => column.refs[i])) : undefined;
  if (!column || !cells) return block;
  return {
    columns: [...block.columns, { header: column.header, weight: 1, align: 'right' }],
    rows: block.rows.map((row, i) => [...row, cells[i] ?? '']),
  };
}

function tableRows({ columns, rows: body }: Pick<TableBlock, 'columns' | 'rows'>, size: number, measure: Measure): Row[] {
  const padding = 6;
  const total = columns.reduce((sum, c) => sum + (c.weight ?? 1), 0);
  let x = LEFT;
  const cells = columns.map((c) => {
    const width = (WIDTH * (c.weight ?? 1)) / total;
    const cell = { x: x + padding / 2, width: width - padding, align: c.align ?? 'left' };
    x += width;
    return cell;
  });
  const lineHeight = size * LINE;
  const baseline = baselineIn(lineHeight, size);

  const cellRows = (values: readonly string[], bold: boolean): Row[] => {
    const wrapped = cells.map((cell, i) => breakLines(values[i] ?? '', { measure, size, bold, width: cell.width }));
    const count = Math.max(1, ...wrapped.map((lines) => lines.length));
    return Array.from({ length: count }, (_, line): Row => ({
      height: lineHeight,
      spaceBefore: 0,
      keepWithNext: line < count - 1,
      ops: cells.flatMap((cell, i) => {
        const l = wrapped[i]?.[line];
        return l ? lineOps(l, { measure, size, bold, align: cell.align, x: cell.x, width: cell.width }, baseline) : [];
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

function signatureRows(signature: Signature, env: RowsEnv): Row[] {
  const { measure } = env;
  const rows: Row[] = [];
  switch (signature.kind) {
    case 'typed':
      rows.push(...textRows(`/s/ ${signature.name}`, { measure, size: 12, bold: false, align: 'left', x: LEFT, width: SIGNATURE_RULE }));
      break;
    case 'image': {
      const natural = env.imageSize(signature.dataUrl);
      const scale = Math.min(SIGNATURE_IMAGE.width / natural.width, SIGNATURE_IMAGE.height / natural.height);
      const width = natural.width * scale;
      const height = natural.height * scale;
      rows.push({ height: height + 2, spaceBefore: 0, keepWithNext: true, ops: [{ kind: 'image', x: LEFT, y: 0, width, height, dataUrl: signature.dataUrl }] });
      break;
    }
    case 'unsigned':
      rows.push({ height: SIGNING_SPACE, spaceBefore: 0, keepWithNext: true, ops: [] });
      break;
  }
  rows.push({ height: 4, spaceBefore: 1, keepWithNext: true, ops: [rule(LEFT, LEFT + SIGNATURE_RULE, 1, 0.6)] });
  const under = [signature.name, signature.title, signature.date === undefined ? undefined : `Date: ${signature.date}`, ...(signature.lines ?? [])];
  for (const line of under) {
    if (line === undefined || line === '') continue;
    rows.push(...textRows(line, { measure, size: BODY, bold: false, align: 'left', x: LEFT, width: WIDTH, lineFactor: 1.3 }));
  }
  const whole = {};
  for (const row of rows) row.whole = whole;
  return glueAll(rows);
}
