/**
 * Reads the text of a PDF in the browser with pdf.js. This module is imported only when the
 * user opens a PDF on the check screen; pdf.js and its worker are served from this origin (the
 * worker is a bundled asset, precached for offline use), so the CSP's worker-src 'self' holds
 * and nothing is fetched from elsewhere.
 */
import workerSrc from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { documentText, type PdfTextRun } from '../../domain/pdf-text';

export async function readPdfText(data: ArrayBuffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
  const task = pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false, useSystemFonts: false, disableFontFace: true });
  const doc = await task.promise;
  try {
    const pages: PdfTextRun[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.filter((i): i is PdfTextRun & typeof i => 'str' in i) as PdfTextRun[]);
      page.cleanup();
    }
    return documentText(pages);
  } finally {
    await task.destroy();
  }
}
