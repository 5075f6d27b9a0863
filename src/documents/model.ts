/**
 * The neutral document model that the PDF renderer lays out. It knows blocks of text, not
 * certifications: the builders map filing content onto it, and render.ts draws it.
 * Text anywhere in the model may contain '\n' for a forced line break.
 */

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface TextSpan {
  text: string;
  bold?: boolean;
}

/** Running text: a plain string, or spans when part of it is bold. */
export type RichText = string | readonly TextSpan[];

export type Align = 'left' | 'center' | 'right';

export interface PdfDocument {
  title: string;
  subject: string;
  author: string;
  keywords: readonly string[];
  /** Suggested file name when this document is exported on its own. */
  fileName: string;
  /** Pins the PDF creation date, so the same input gives the same bytes. */
  date: IsoDate;
  /** Small print at the left of every page footer, e.g. the company and docket. */
  footerNote?: string;
  /** A mark for every page, e.g. "DRAFT — not signed" on a package that is not signed. */
  watermark?: string;
  blocks: readonly Block[];
}

export type Block =
  | LetterheadBlock
  | HeadingBlock
  | ParagraphBlock
  | KeyValueBlock
  | ListBlock
  | TableBlock
  | SignatureBlock
  | SpacerBlock
  | PageBreakBlock;

/** The sender's name (first line, bold) and address lines, with a rule underneath. */
export interface LetterheadBlock {
  kind: 'letterhead';
  lines: readonly string[];
  align?: Align;
}

export interface HeadingBlock {
  kind: 'heading';
  level: 1 | 2;
  text: string;
  align?: Align;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: RichText;
  align?: Align;
  /** Left indent in points. */
  indent?: number;
  /** Smaller type, for notes and cc lines. */
  small?: boolean;
  /** Space above in points; defaults to the body paragraph spacing. */
  spaceBefore?: number;
}

export interface KeyValueRow {
  label: string;
  value: RichText;
}

export interface KeyValueBlock {
  kind: 'keyValue';
  rows: readonly KeyValueRow[];
  /** Width of the label column in points; defaults to the widest label (at most 45 % of the line). */
  labelWidth?: number;
  indent?: number;
}

export interface ListBlock {
  kind: 'list';
  style: 'numbered' | 'bulleted';
  items: readonly RichText[];
  /** First number of a numbered list. */
  start?: number;
}

export interface TableColumn {
  header: string;
  /** Relative width; columns share the line in proportion. */
  weight?: number;
  align?: 'left' | 'right';
}

/** A table whose header row repeats when the table continues on the next page. */
export interface TableBlock {
  kind: 'table';
  columns: readonly TableColumn[];
  rows: readonly (readonly string[])[];
}

export interface SignatureBase {
  name: string;
  title?: string;
  /** Printed as "Date: <date>"; pass the text as it should appear. */
  date?: string;
  /** Further lines under the name, e.g. company, telephone, e-mail. */
  lines?: readonly string[];
}

/** "/s/ Name" over the signature line: an electronic signature. */
export interface TypedSignature extends SignatureBase {
  kind: 'typed';
}

/** A drawn or uploaded signature (PNG or JPEG data URL) over the signature line. */
export interface ImageSignature extends SignatureBase {
  kind: 'image';
  dataUrl: string;
}

export type Signature = TypedSignature | ImageSignature;

/** Kept together on one page, with the line of text before it. */
export interface SignatureBlock {
  kind: 'signature';
  signature: Signature;
}

export interface SpacerBlock {
  kind: 'spacer';
  /** Points; the space is dropped at the top of a page. */
  height: number;
}

export interface PageBreakBlock {
  kind: 'pageBreak';
}
