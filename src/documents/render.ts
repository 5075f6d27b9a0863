import { isIsoDate } from '../domain/dates';
import { contentHash } from './content-hash';
import { grayFill, grayLevel, strokeLines, writeText } from './content-stream';
import { UnsupportedCharacterError } from './errors';
import { FALLBACK_FONT, fetchFont, loadFontBytes, type FontLoader } from './fonts';
import { layoutDocuments, type DrawOp, type PageNumbering } from './layout';
import { createMeasure, type FallbackFonts, type FontKey } from './metrics';
import type { IsoDate, PdfDocument } from './model';
import { prepareDocuments } from './prepare';
import { readTrueType } from './truetype';

export interface PackageProperties {
  title: string;
  subject: string;
  author: string;
  keywords: readonly string[];
  date: IsoDate;
}

export interface RenderOptions {
  /** 'package' (default): pages numbered through the whole file; 'document': restart per document. */
  numbering?: PageNumbering;
  /** Where the embedded font comes from; defaults to fetching /fonts/<file> from the app. */
  loadFont?: FontLoader;
  /** Document properties of a package; defaults to those of the first document. */
  properties?: Partial<PackageProperties>;
}

const CREATOR = 'CPNI Desk';

/**
 * Renders one document, or several concatenated into one PDF (each starting on a new page).
 * The same input gives the same bytes: the creation date comes from the model's date and the
 * file id from a hash of the content. jsPDF is loaded here, on first export, and nowhere else.
 *
 * Throws UnsupportedCharacterError (before drawing anything) when a character is in neither
 * the standard fonts nor the embedded one, and FontLoadError when the embedded font is needed
 * but cannot be loaded.
 */
export async function renderPdf(input: PdfDocument | readonly PdfDocument[], options: RenderOptions = {}): Promise<Uint8Array> {
  const list: readonly PdfDocument[] = isDocumentList(input) ? input : [input];
  if (list.length === 0) throw new Error('There is no document to render.');
  const { documents, foreign } = prepareDocuments(list);
  const first = documents[0]!;
  const properties: PackageProperties = {
    title: first.title,
    subject: first.subject,
    author: first.author,
    keywords: first.keywords,
    date: first.date,
    ...options.properties,
  };
  if (!isIsoDate(properties.date)) throw new RangeError(`The document date must be YYYY-MM-DD, not ${JSON.stringify(properties.date)}.`);

  let fallback: { bytes: { regular: Uint8Array; bold: Uint8Array }; metrics: FallbackFonts } | undefined;
  if (foreign.length > 0) {
    const loader = options.loadFont ?? fetchFont;
    const [regular, bold] = await Promise.all([loadFontBytes(loader, FALLBACK_FONT.regular), loadFontBytes(loader, FALLBACK_FONT.bold)]);
    const metrics = { regular: readTrueType(regular), bold: readTrueType(bold) };
    for (const f of foreign) {
      const cp = f.character.codePointAt(0) ?? 0;
      if (metrics.regular.glyphOf(cp) === 0 || metrics.bold.glyphOf(cp) === 0) {
        throw new UnsupportedCharacterError(f.character, f.where, f.documentTitle);
      }
    }
    fallback = { bytes: { regular, bold }, metrics };
  }

  const { jsPDF } = await import('jspdf');
  const pdf = new jsPDF({ unit: 'pt', format: 'letter', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  if (fallback) {
    // Three arguments only: jsPDF folds a fourth (weight) into the style ('bold' + 'bold' →
    // 'boldbold'), and the encoding then defaults to Identity-H, which embedded fonts need.
    pdf.addFileToVFS(FALLBACK_FONT.regular, binaryString(fallback.bytes.regular));
    pdf.addFont(FALLBACK_FONT.regular, FALLBACK_FONT.family, 'normal');
    pdf.addFileToVFS(FALLBACK_FONT.bold, binaryString(fallback.bytes.bold));
    pdf.addFont(FALLBACK_FONT.bold, FALLBACK_FONT.family, 'bold');
  }

  const pages = layoutDocuments(
    documents,
    {
      measure: createMeasure(fallback?.metrics),
      imageSize: (dataUrl) => {
        const { width, height } = pdf.getImageProperties(checkImage(dataUrl));
        return { width, height };
      },
    },
    options.numbering ?? 'package',
  );

  const state: DrawState = {};
  pages.forEach((page, index) => {
    if (index > 0) pdf.addPage('letter', 'portrait');
    // Runs of lines in one style (a draft's mark is ~40) go out as one path, not one call each.
    let run: LineOp[] = [];
    for (const op of page.ops) {
      if (op.kind === 'line' && (run.length === 0 || sameStroke(run[0]!, op))) {
        run.push(op);
        continue;
      }
      strokeLines(pdf, run);
      run = op.kind === 'line' ? [op] : [];
      if (op.kind !== 'line') draw(pdf, op, state);
    }
    strokeLines(pdf, run);
  });

  pdf.setDocumentProperties({
    title: pdfTextString(properties.title),
    subject: pdfTextString(properties.subject),
    author: pdfTextString(properties.author),
    keywords: pdfTextString(properties.keywords.join(', ')),
    creator: CREATOR,
  });
  pdf.setLanguage('en-US');
  pdf.setCreationDate(`D:${properties.date.replaceAll('-', '')}000000+00'00'`);
  pdf.setFileId(contentHash(JSON.stringify({ documents, properties, numbering: options.numbering ?? 'package' })));
  return new Uint8Array(pdf.output('arraybuffer'));
}

function isDocumentList(input: PdfDocument | readonly PdfDocument[]): input is readonly PdfDocument[] {
  return Array.isArray(input);
}

type Pdf = InstanceType<typeof import('jspdf').jsPDF>;

const FACES: Record<FontKey, [family: string, style: string]> = {
  regular: ['helvetica', 'normal'],
  bold: ['helvetica', 'bold'],
  fallback: [FALLBACK_FONT.family, 'normal'],
  fallbackBold: [FALLBACK_FONT.family, 'bold'],
};

/**
 * What the last text was set in: jsPDF keeps font, size and colour across pages (it writes them
 * again on each new page), so they are set only when they change.
 */
interface DrawState {
  font?: FontKey;
  size?: number;
  gray?: number;
  /** The colour as written into the content, for the text written without jsPDF's text(). */
  fill?: string;
  /**
   * Faces jsPDF has drawn text in: the first text of each face goes through its text(), which
   * is what puts the face in the file (putOnlyUsedFonts); the rest are written straight.
   */
  faces?: Set<FontKey>;
}

function draw(pdf: Pdf, op: DrawOp, state: DrawState): void {
  switch (op.kind) {
    case 'text': {
      if (state.font !== op.font) {
        const [family, style] = FACES[op.font];
        pdf.setFont(family, style);
        // jsPDF quietly substitutes Times for a face it does not know, which would garble the text.
        const active = pdf.getFont();
        if (active.fontName !== family || active.fontStyle !== style) {
          throw new Error(`The PDF font ${family} ${style} is not available (jsPDF chose ${active.fontName} ${active.fontStyle}).`);
        }
        state.font = op.font;
      }
      if (state.size !== op.size) {
        pdf.setFontSize(op.size);
        state.size = op.size;
      }
      if (state.gray !== op.gray) {
        pdf.setTextColor(grayHex(op.gray));
        state.gray = op.gray;
        state.fill = grayFill(op.gray);
      }
      const faces = (state.faces ??= new Set());
      if (faces.has(op.font) && writeText(pdf, op, state.fill!)) return;
      pdf.text(op.text, op.x, op.y, { baseline: 'alphabetic' });
      faces.add(op.font);
      return;
    }
    case 'image':
      pdf.addImage(op.dataUrl, imageFormat(op.dataUrl), op.x, op.y, op.width, op.height, undefined, 'FAST');
      return;
  }
}

type LineOp = Extract<DrawOp, { kind: 'line' }>;

function sameStroke(a: LineOp, b: LineOp): boolean {
  return a.gray === b.gray && a.width === b.width && !!a.roundCaps === !!b.roundCaps;
}

function grayHex(gray: number): string {
  const level = grayLevel(gray).toString(16).padStart(2, '0');
  return `#${level}${level}${level}`;
}

const IMAGE_DATA_URL = /^data:image\/(png|jpeg);base64,/i;

function checkImage(dataUrl: string): string {
  if (!IMAGE_DATA_URL.test(dataUrl)) throw new Error('The signature image must be a PNG or JPEG picture (a data: URL).');
  return dataUrl;
}

function imageFormat(dataUrl: string): 'PNG' | 'JPEG' {
  return /^data:image\/png/i.test(dataUrl) ? 'PNG' : 'JPEG';
}

/** A PDF text string: plain ASCII as is, anything else as UTF-16BE with a byte-order mark. */
function pdfTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  let out = '\u00fe\u00ff';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out += String.fromCharCode(unit >> 8, unit & 0xff);
  }
  return out;
}

function binaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x2000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  }
  return out;
}
