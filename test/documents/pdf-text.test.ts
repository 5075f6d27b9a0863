// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { exportPackage } from '../../src/documents/package';
import { documentText, pageText } from '../../src/domain/pdf-text';
import { clientFromFiling, lintFiling, lintStatement, type Finding } from '../../src/domain/statement-lint';
import { certificationDueDate } from '../../src/domain/deadlines';
import { renderStatementText } from '../../src/domain/statement';
import { packageInput } from './fixtures';
import { loadFont } from './read-back';

vi.setConfig({ testTimeout: 60_000 });

/** The text pdf.js reads from a PDF, as the check screen reads it in the browser. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push((await (await doc.getPage(n)).getTextContent()).items.filter((i) => 'str' in i));
  await doc.destroy();
  return documentText(pages as never);
}

const ctx = { filingYear: 2026, coveredYear: 2025, dueDate: certificationDueDate(2026), breachRule: '2007' as const, frns: [], filerIds: ['823456', '823457'] };
const brief = (f: Finding) => `${f.id}:${f.severity}`;

describe('the text of a PDF, as the check screen reads it', () => {
  it('joins runs on a baseline into a line and leaves a blank line between paragraphs', () => {
    const run = (str: string, x: number, y: number, width = 30) => ({ str, transform: [10, 0, 0, 10, x, y], width });
    expect(pageText([run('Date', 72, 700, 20), run('filed:', 95, 700), run('February 20, 2026', 130, 700), run('Next line', 72, 688), run('New paragraph', 72, 660)])).toBe(
      'Date filed: February 20, 2026\nNext line\n\nNew paragraph',
    );
  });

  it('reads the app\'s own signed filing PDF with the same findings as its text: none that block', async () => {
    const input = packageInput();
    const [file] = await exportPackage(input, { mode: 'single', loadFont });
    const text = await pdfText(file!.bytes);
    expect(text).toContain('Annual 47 C.F.R. § 64.2009(e) CPNI Certification for 2026 covering calendar year 2025');
    expect(lintStatement(renderStatementText(input.assembled.sections), ctx).filter((f) => f.severity === 'error')).toEqual([]);
    expect(lintFiling(text, ctx).filter((f) => f.severity === 'error').map(brief)).toEqual([]);
    // And a client can be started from it.
    const c = clientFromFiling(text);
    expect(c).toMatchObject({
      legalName: 'Prairie Valley Telephone Company',
      filerId: '823456',
      affiliates: [{ legalName: 'Prairie Valley Wireless LLC', filerId: '823457' }],
      signatoryName: 'Dana R. Whitfield',
      signatoryTitle: 'President and Chief Executive Officer',
    });
    expect(c.services).toEqual(['wireline', 'wireless']);
  });

  it('finds in the PDF the mistake the app found in the statement text', async () => {
    const breach =
      'The compliance officer notifies the United States Secret Service and the FBI within seven days of a reasonable determination of a breach. Customers are notified after seven full business days. Breach records are kept for one year.';
    const input = packageInput({ cert: { sectionEdits: { breach } } });
    const fromText = lintStatement(renderStatementText(input.assembled.sections), ctx).map(brief);
    expect(fromText).toEqual(expect.arrayContaining(['breach-business-days:error', 'breach-records-retention:error']));
    const [file] = await exportPackage({ ...input, assembled: { ...input.assembled, blocked: false } }, { mode: 'single', loadFont });
    const fromPdf = lintFiling(await pdfText(file!.bytes), ctx).map(brief);
    for (const f of fromText) expect(fromPdf).toContain(f);
  });
});
