import type { Block, PdfDocument, RichText, Signature } from './model';
import { excerptAround, isPlainText, isWinAnsi, normalizeText } from './text';

/** A character the standard fonts cannot show, with where it was found (for the error). */
export interface ForeignCharacter {
  character: string;
  where: string;
  documentTitle: string;
}

export interface PreparedDocuments {
  documents: PdfDocument[];
  /** Characters that need the embedded font, first occurrence of each place. */
  foreign: ForeignCharacter[];
}

/**
 * Normalises every string of the documents (see normalizeText) and lists the characters that
 * are outside WinAnsi, each with a description of where it appears.
 */
export function prepareDocuments(documents: readonly PdfDocument[]): PreparedDocuments {
  const foreign: ForeignCharacter[] = [];
  const prepared = documents.map((doc) => {
    const documentTitle = normalizeText(doc.title);
    const text = (value: string, describe: (excerpt: string) => string): string => {
      const normal = normalizeText(value);
      if (isPlainText(normal)) return normal;
      for (let i = 0; i < normal.length; ) {
        const cp = normal.codePointAt(i) ?? 0;
        const ch = String.fromCodePoint(cp);
        if (!isWinAnsi(cp) && ch !== '\n') {
          foreign.push({ character: ch, where: describe(excerptAround(normal, i)), documentTitle });
        }
        i += ch.length;
      }
      return normal;
    };
    const rich = (value: RichText, describe: (excerpt: string) => string): RichText =>
      typeof value === 'string'
        ? text(value, describe)
        : value.map((span) => ({ ...span, text: text(span.text, describe) }));

    // Document properties are written as UTF-16 and need no font: only normalised.
    return {
      ...doc,
      title: documentTitle,
      subject: normalizeText(doc.subject),
      author: normalizeText(doc.author),
      keywords: doc.keywords.map(normalizeText),
      ...(doc.footerNote === undefined ? {} : { footerNote: text(doc.footerNote, (e) => `The footer “${e}”`) }),
      ...(doc.watermark === undefined ? {} : { watermark: text(doc.watermark, (e) => `The draft mark “${e}”`) }),
      blocks: doc.blocks.map((block) => prepareBlock(block, text, rich)),
    };
  });
  return { documents: prepared, foreign };
}

type TextFn = (value: string, describe: (excerpt: string) => string) => string;
type RichFn = (value: RichText, describe: (excerpt: string) => string) => RichText;

function prepareBlock(block: Block, text: TextFn, rich: RichFn): Block {
  switch (block.kind) {
    case 'letterhead':
      return { ...block, lines: block.lines.map((line) => text(line, (e) => `The letterhead line “${e}”`)) };
    case 'heading':
      return { ...block, text: text(block.text, (e) => `The heading “${e}”`) };
    case 'paragraph':
      return { ...block, text: rich(block.text, (e) => `The text “${e}”`) };
    case 'keyValue':
      return {
        ...block,
        rows: block.rows.map((row) => {
          const label = text(row.label, (e) => `The label “${e}”`);
          return { label, value: rich(row.value, (e) => `The ${quoteLabel(label)} “${e}”`) };
        }),
      };
    case 'list':
      return { ...block, items: block.items.map((item) => rich(item, (e) => `The list item “${e}”`)) };
    case 'table':
      return {
        ...block,
        columns: block.columns.map((c) => ({ ...c, header: text(c.header, (e) => `The column heading “${e}”`) })),
        rows: block.rows.map((row) =>
          row.map((cell, i) => {
            const header = block.columns[i]?.header;
            return text(cell, (e) => (header ? `The ${quoteLabel(header)} cell “${e}”` : `The table cell “${e}”`));
          }),
        ),
        ...(block.pageColumn === undefined
          ? {}
          : { pageColumn: { ...block.pageColumn, header: text(block.pageColumn.header, (e) => `The column heading “${e}”`) } }),
      };
    case 'signature':
      return { ...block, signature: prepareSignature(block.signature, text) };
    case 'spacer':
    case 'pageBreak':
      return block;
  }
}

function prepareSignature(signature: Signature, text: TextFn): Signature {
  return {
    ...signature,
    name: text(signature.name, (e) => `The name “${e}”`),
    ...(signature.title === undefined ? {} : { title: text(signature.title, (e) => `The title “${e}”`) }),
    ...(signature.date === undefined ? {} : { date: text(signature.date, (e) => `The signature date “${e}”`) }),
    ...(signature.lines === undefined
      ? {}
      : { lines: signature.lines.map((line) => text(line, (e) => `The line “${e}” under the signature`)) }),
  };
}

/** "Company:" → "“Company” entry" reads better in a sentence than the raw label. */
function quoteLabel(label: string): string {
  const bare = label.replace(/[:\s]+$/, '');
  return bare ? `“${bare}” entry` : 'entry';
}
