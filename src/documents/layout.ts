/**
 * Lays documents out on US Letter pages. Each document starts on a new page; lines never
 * straddle a page edge; headings stay with what follows; a signature stays with the whole block
 * before it; a paragraph leaves no single line alone at the foot or head of a page; table headers
 * repeat on continued pages; a document does not end on a page of fewer than five lines when
 * that can be helped (see paginate.ts). Footers carry "Page n of N"; drafts carry their mark.
 */
import type { Measure } from './metrics';
import type { PdfDocument } from './model';
import { addPageMarks, type PageNumbering } from './page-marks';
import { paginateDocument } from './paginate';
import type { DrawOp } from './page-geometry';
import { rowsOf } from './rows';

export { PAGE, type DrawOp } from './page-geometry';
export { breakLines, type Line } from './line-break';
export type { PageNumbering } from './page-marks';

export interface LaidOutPage {
  documentIndex: number;
  ops: DrawOp[];
  /** Lines of body text on the page (not the footer or the draft mark). */
  lines: number;
}

export interface LayoutEnv {
  measure: Measure;
  imageSize(dataUrl: string): { width: number; height: number };
}

/** Page references settle in two passes; a third is a safeguard against a table that rewraps. */
const MAX_PASSES = 3;

export function layoutDocuments(documents: readonly PdfDocument[], env: LayoutEnv, numbering: PageNumbering = 'package'): LaidOutPage[] {
  const refs = new Set(documents.flatMap((doc) => (doc.ref ? [doc.ref] : [])));
  const referable = (wanted: readonly (string | undefined)[]) =>
    numbering === 'package' && wanted.some((r) => r !== undefined) && wanted.every((r) => r === undefined || refs.has(r));
  let ranges = new Map<string, string>();
  const pageCells = (wanted: readonly (string | undefined)[]) =>
    referable(wanted) ? wanted.map((r) => (r === undefined ? '' : (ranges.get(r) ?? ''))) : undefined;
  const layOut = (doc: PdfDocument, documentIndex: number): LaidOutPage[] =>
    paginateDocument(rowsOf(doc, { ...env, pageCells })).map((page) => ({ documentIndex, ops: page.ops, lines: page.lines }));

  const perDocument = documents.map(layOut);
  // Only documents with a page column change once the page numbers are known.
  const referring = documents.flatMap((doc, i) => (doc.blocks.some((b) => b.kind === 'table' && b.pageColumn) ? [i] : []));
  for (let pass = 1; pass < MAX_PASSES && referring.length > 0; pass++) {
    const next = pageRanges(perDocument.flat(), documents);
    if (sameRanges(next, ranges)) break;
    ranges = next;
    for (const i of referring) perDocument[i] = layOut(documents[i]!, i);
  }
  const pages = perDocument.flat();
  addPageMarks(pages, documents, env.measure, numbering);
  return pages;
}

/** "4" or "4–8": where each referable document sits in the file. */
function pageRanges(pages: readonly LaidOutPage[], documents: readonly PdfDocument[]): Map<string, string> {
  const ranges = new Map<string, string>();
  documents.forEach((doc, index) => {
    if (!doc.ref) return;
    const numbers = pages.flatMap((p, i) => (p.documentIndex === index ? [i + 1] : []));
    const first = numbers[0] ?? 0;
    const last = numbers[numbers.length - 1] ?? 0;
    ranges.set(doc.ref, first === last ? String(first) : `${first}\u2013${last}`);
  });
  return ranges;
}

function sameRanges(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}
