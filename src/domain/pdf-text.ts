/**
 * Text of a PDF page from the positioned runs a PDF reader gives (pdf.js `getTextContent`):
 * runs on one baseline join into a line, a larger gap between baselines is a blank line (a new
 * paragraph, so the filing checker reads paragraphs as the author wrote them), and pages are
 * separated by a blank line.
 */
export interface PdfTextRun {
  str: string;
  hasEOL?: boolean;
  /** [a, b, c, d, x, y] */
  transform?: number[];
  width?: number;
  height?: number;
}

export function pageText(runs: readonly PdfTextRun[]): string {
  let out = '';
  let lastY: number | undefined;
  let lastXEnd: number | undefined;
  let lastSize = 12;
  for (const run of runs) {
    const x = run.transform?.[4];
    const y = run.transform?.[5];
    const size = Math.abs(run.transform?.[3] ?? run.height ?? lastSize) || lastSize;
    if (y !== undefined && lastY !== undefined && Math.abs(y - lastY) > size * 0.4) {
      out = out.replace(/[ \t]+$/, '');
      if (!out.endsWith('\n')) out += '\n';
      // More than about one and a half lines between baselines: a paragraph break.
      if (Math.abs(y - lastY) > Math.max(size, lastSize) * 1.75 && !out.endsWith('\n\n')) out += '\n';
    } else if (x !== undefined && lastXEnd !== undefined && x - lastXEnd > size * 0.15 && !/[\s]$/.test(out) && run.str && !/^\s/.test(run.str)) out += ' ';
    out += run.str;
    if (run.hasEOL && !out.endsWith('\n')) out += '\n';
    if (y !== undefined) lastY = y;
    lastXEnd = x !== undefined ? x + (run.width ?? 0) : undefined;
    lastSize = size;
  }
  return out.replace(/[ \t]+\n/g, '\n').trim();
}

export function documentText(pages: readonly (readonly PdfTextRun[])[]): string {
  return `${pages.map(pageText).filter(Boolean).join('\n\n')}\n`;
}
