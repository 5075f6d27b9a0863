/**
 * The filing documents as layouts. Structure and labels live here; every sentence with legal
 * weight comes in through the input, drafted and linted elsewhere.
 */
import { formatLong } from '../domain/dates';
import { safeFileName } from './file-names';
import type { Block, IsoDate, PdfDocument, RichText, Signature, TableColumn } from './model';

export const EB_DOCKET = 'EB Docket No. 06-36';
const CERTIFICATION_RULE = '47 C.F.R. § 64.2009(e)';
const OPT_OUT_RULE = '47 C.F.R. § 64.2009(f)';

export interface CompanyEntry {
  name: string;
  /** Form 499 Filer ID (not the FRN). */
  filerId: string;
}

interface SignatureFields {
  name: string;
  title?: string;
  date?: IsoDate;
  lines?: readonly string[];
}

/**
 * How a document is signed: "/s/ Name", a drawn signature, or not yet ('unsigned': a blank line
 * with the name and title beneath and nothing over it).
 */
export type SignatureInput =
  | ({ kind: 'typed' } & SignatureFields)
  | ({ kind: 'image'; dataUrl: string } & SignatureFields)
  | ({ kind: 'unsigned' } & SignatureFields);

/** What an unset date, a date filed say, prints as: a blank to fill in, never a date. */
export const BLANK = '________________';

/** Properties every builder needs besides its content. */
export interface DocumentMeta {
  /** Document property "Author": the preparer or the carrier. */
  author: string;
  /** Extra keywords beyond the ones the builder adds. */
  keywords?: readonly string[];
  /** Small print at the left of every page footer. */
  footerNote?: string;
  /** Marks every page of a draft, e.g. "DRAFT — not signed" (see PdfDocument.watermark). */
  watermark?: string;
  /** Names the document for the page column of a contents table in the same file. */
  ref?: string;
}

export interface LetterParts {
  /** Sender: name first (printed bold), then address and contact lines. */
  letterhead: readonly string[];
  /** The letter's date; without one the date line is a blank to fill in. */
  date?: IsoDate;
  /** Defaults to the Office of the Secretary of the FCC. */
  addressee?: readonly string[];
  /** Street, city, state and ZIP code of the addressee. */
  addressLines: readonly string[];
  /** Defaults to "Via ECFS". */
  delivery?: string;
  salutation: string;
  body: readonly RichText[];
  closing: string;
  signature: SignatureInput;
  cc?: readonly string[];
  /** Enclosures listed after the signature. */
  enclosures?: readonly string[];
}

export const FCC_SECRETARY_ADDRESSEE: readonly string[] = ['Office of the Secretary', 'Federal Communications Commission'];

/** A document of the filing named in a contents table; `ref` links it to its pages in the same file. */
export interface ContentsEntry {
  title: string;
  ref?: string;
}

export interface CoverLetterInput extends LetterParts, DocumentMeta {
  filingYear: number;
  companies: readonly CompanyEntry[];
  /** Pins the PDF's creation date (the letter's date may still be blank). */
  documentDate: IsoDate;
  /** The documents enclosed, in order: printed as a table with their pages when they share the file. */
  contents?: readonly ContentsEntry[];
}

export function coverLetterDocument(input: CoverLetterInput): PdfDocument {
  const names = companyNames(input.companies);
  const re = [
    ...input.companies.map((c) => `${c.name}, Form 499 Filer ID ${c.filerId}`),
    `Annual CPNI Compliance Certification; ${EB_DOCKET}`,
  ].join('\n');
  return {
    title: `Cover Letter, Annual CPNI Compliance Certification ${input.filingYear}, ${names}`,
    subject: `Annual CPNI Compliance Certification; ${EB_DOCKET}`,
    ...commonMeta(input, input.companies, input.filingYear),
    fileName: pdfName(`${names} CPNI Cover Letter ${input.filingYear}`),
    date: input.date ?? input.documentDate,
    blocks: letterBlocks(input, re, (b) => b, input.contents),
  };
}

export interface CertificationInput extends DocumentMeta {
  filingYear: number;
  coveredYear: number;
  /** Left blank on a draft that has not been filed yet. */
  dateFiled?: IsoDate;
  /** Pins the PDF's creation date when dateFiled is not set yet. */
  documentDate: IsoDate;
  companies: readonly CompanyEntry[];
  signatory: { name: string; title: string };
  /** The certification's paragraphs, in order, as drafted. */
  paragraphs: readonly RichText[];
  signature: SignatureInput;
  /** Listed in a table after the signature, with their pages when they share the file. */
  attachments: readonly CertificationAttachment[];
}

export interface CertificationAttachment {
  /** "Attachment A". */
  label: string;
  /** "Accompanying statement of CPNI operating procedures". */
  title: string;
  ref?: string;
}

export function certificationTitle(filingYear: number, coveredYear: number): string {
  return `Annual ${CERTIFICATION_RULE} CPNI Certification for ${filingYear} covering calendar year ${coveredYear}`;
}

export function certificationDocument(input: CertificationInput): PdfDocument {
  const names = companyNames(input.companies);
  const title = certificationTitle(input.filingYear, input.coveredYear);
  // One label column for all the template's fields, so their values line up.
  const labelWidth = 190;
  const blocks: Block[] = [
    { kind: 'paragraph', text: [{ text: EB_DOCKET, bold: true }], align: 'right', spaceBefore: 0 },
    { kind: 'spacer', height: 10 },
    { kind: 'heading', level: 1, text: title, align: 'center' },
    { kind: 'keyValue', rows: [{ label: 'Date filed:', value: input.dateFiled ? formatLong(input.dateFiled) : BLANK }], labelWidth },
  ];
  const [only] = input.companies;
  if (input.companies.length === 1 && only) {
    blocks.push({
      kind: 'keyValue',
      rows: [
        { label: 'Name of company covered by this certification:', value: only.name },
        { label: 'Form 499 Filer ID:', value: only.filerId },
      ],
      labelWidth,
    });
  } else {
    blocks.push(
      { kind: 'paragraph', text: [{ text: 'Companies covered by this certification:', bold: true }], keepWithNext: true },
      {
        kind: 'table',
        columns: [{ header: 'Company', weight: 3 }, { header: 'Form 499 Filer ID', weight: 1 }],
        rows: input.companies.map((c) => [c.name, c.filerId]),
      },
    );
  }
  blocks.push(
    {
      kind: 'keyValue',
      rows: [
        { label: 'Name of signatory:', value: input.signatory.name },
        { label: 'Title of signatory:', value: input.signatory.title },
      ],
      labelWidth,
    },
    ...paragraphs(input.paragraphs),
    { kind: 'signature', signature: signature(input.signature, { dated: true }) },
  );
  if (input.attachments.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'Attachments' },
      {
        kind: 'table',
        columns: [{ header: 'Attachment', weight: 1.4 }, { header: 'Title', weight: 5 }],
        rows: input.attachments.map((a) => [a.label, a.title]),
        pageColumn: { header: 'Pages', refs: input.attachments.map((a) => a.ref) },
      },
    );
  }
  return {
    title: `${title}, ${names}`,
    subject: `Annual CPNI Compliance Certification; ${EB_DOCKET}`,
    ...commonMeta(input, input.companies, input.filingYear),
    fileName: pdfName(`${names} CPNI Certification ${input.filingYear}`),
    date: input.dateFiled ?? input.documentDate,
    blocks,
  };
}

export interface StatementSection {
  heading: string;
  /** Paragraphs, or paragraphs and numbered lists given as structure (one item per list entry). */
  body: readonly (RichText | { list: readonly RichText[] })[];
}

export interface StatementInput extends DocumentMeta {
  /** E.g. "Attachment A: Statement Explaining How the Company's Procedures Ensure Compliance". */
  title: string;
  companies: readonly CompanyEntry[];
  filingYear: number;
  date: IsoDate;
  /** Paragraphs before the first section. */
  intro?: readonly RichText[];
  /** Numbered 1, 2, 3 … in the order given. */
  sections: readonly StatementSection[];
}

export function statementDocument(input: StatementInput): PdfDocument {
  const names = companyNames(input.companies);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: input.title, align: 'center' },
    { kind: 'paragraph', text: `${names}\n${EB_DOCKET}`, align: 'center', spaceBefore: 4 },
    ...paragraphs(input.intro ?? []),
  ];
  input.sections.forEach((section, i) => {
    blocks.push(
      { kind: 'heading', level: 2, text: `${i + 1}. ${section.heading}` },
      ...section.body.map((part): Block => (typeof part === 'object' && 'list' in part ? { kind: 'list', style: 'numbered', items: part.list } : { kind: 'paragraph', text: part })),
    );
  });
  return {
    title: `${input.title}, ${names}`,
    subject: `Accompanying statement, Annual CPNI Compliance Certification ${input.filingYear}; ${EB_DOCKET}`,
    ...commonMeta(input, input.companies, input.filingYear),
    fileName: pdfName(`${names} CPNI Statement ${input.filingYear}`),
    date: input.date,
    blocks,
  };
}

export type AttachmentPart =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: RichText }
  | { kind: 'keyValue'; rows: readonly { label: string; value: RichText }[] }
  | { kind: 'list'; style: 'numbered' | 'bulleted'; items: readonly RichText[] }
  | { kind: 'table'; columns: readonly TableColumn[]; rows: readonly (readonly string[])[] };

export interface AttachmentInput extends DocumentMeta {
  /** E.g. "Attachment B: Actions Taken Against Data Brokers". */
  title: string;
  companies: readonly CompanyEntry[];
  filingYear: number;
  date: IsoDate;
  parts: readonly AttachmentPart[];
}

export function attachmentDocument(input: AttachmentInput): PdfDocument {
  const names = companyNames(input.companies);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: input.title, align: 'center' },
    { kind: 'paragraph', text: `${names}\n${EB_DOCKET}`, align: 'center', spaceBefore: 4 },
    ...input.parts.map((part): Block => (part.kind === 'heading' ? { kind: 'heading', level: 2, text: part.text } : part)),
  ];
  return {
    title: `${input.title}, ${names}`,
    subject: `Attachment, Annual CPNI Compliance Certification ${input.filingYear}; ${EB_DOCKET}`,
    ...commonMeta(input, input.companies, input.filingYear),
    fileName: pdfName(`${names} CPNI ${input.title.split(':')[0]} ${input.filingYear}`),
    date: input.date,
    blocks,
  };
}

export interface OptOutFailureLetterInput extends LetterParts, DocumentMeta {
  date: IsoDate;
  company: CompanyEntry;
  /**
   * Every element § 64.2009(f) asks for, labelled and in order (carrier name, opt-out
   * mechanisms, the problem, the remedy and when it took effect, state commissions told and
   * their action, the customer notice, contact information).
   */
  elements: readonly { label: string; value: RichText }[];
}

export function optOutFailureLetterDocument(input: OptOutFailureLetterInput): PdfDocument {
  const re = `${input.company.name}, Form 499 Filer ID ${input.company.filerId}\nNotice of opt-out mechanism failure under ${OPT_OUT_RULE}`;
  const blocks = letterBlocks(input, re, (body) =>
    body.concat(input.elements.flatMap((e): Block[] => [{ kind: 'heading', level: 2, text: e.label }, ...paragraphs([e.value])])),
  );
  return {
    title: `Notice of Opt-Out Mechanism Failure, ${input.company.name}, ${formatLong(input.date)}`,
    subject: `Notice under ${OPT_OUT_RULE}`,
    author: input.author,
    keywords: ['CPNI', 'opt-out failure', OPT_OUT_RULE, input.company.name, input.company.filerId, ...(input.keywords ?? [])],
    ...(input.footerNote === undefined ? {} : { footerNote: input.footerNote }),
    fileName: pdfName(`${input.company.name} CPNI Opt-Out Failure Notice ${input.date}`),
    date: input.date,
    blocks,
  };
}

function letterBlocks(
  parts: LetterParts,
  re: string,
  extendBody: (body: Block[]) => Block[] = (b) => b,
  contents: readonly ContentsEntry[] = [],
): Block[] {
  const blocks: Block[] = [];
  if (parts.letterhead.length > 0) blocks.push({ kind: 'letterhead', lines: parts.letterhead });
  blocks.push(
    { kind: 'paragraph', text: parts.date ? formatLong(parts.date) : `Date: ${BLANK}`, spaceBefore: 12 },
    { kind: 'paragraph', text: [...(parts.addressee ?? FCC_SECRETARY_ADDRESSEE), ...parts.addressLines].join('\n'), spaceBefore: 14 },
    { kind: 'paragraph', text: [{ text: parts.delivery ?? 'Via ECFS', bold: true }], spaceBefore: 12 },
    { kind: 'keyValue', rows: [{ label: 'Re:', value: re }], labelWidth: 36 },
    { kind: 'paragraph', text: parts.salutation, spaceBefore: 14 },
  );
  blocks.push(...extendBody(paragraphs(parts.body)));
  blocks.push({ kind: 'paragraph', text: parts.closing, spaceBefore: 14 }, { kind: 'signature', signature: signature(parts.signature, { dated: false }) });
  if (contents.length > 0) {
    blocks.push(
      { kind: 'paragraph', text: [{ text: 'Enclosures', bold: true }], small: true, spaceBefore: 16, keepWithNext: true },
      {
        kind: 'table',
        small: true,
        columns: [{ header: 'Document', weight: 6 }],
        rows: contents.map((c) => [c.title]),
        pageColumn: { header: 'Pages', refs: contents.map((c) => c.ref) },
      },
    );
  } else if (parts.enclosures && parts.enclosures.length > 0) {
    blocks.push({ kind: 'paragraph', text: `Enclosures:\n${parts.enclosures.join('\n')}`, small: true, spaceBefore: 16 });
  }
  if (parts.cc && parts.cc.length > 0) {
    blocks.push({ kind: 'keyValue', rows: [{ label: 'cc:', value: parts.cc.join('\n') }], labelWidth: 36 });
  }
  return blocks;
}

function pdfName(base: string): string {
  return `${safeFileName(base)}.pdf`;
}

function paragraphs(texts: readonly RichText[]): Block[] {
  return texts.map((text) => ({ kind: 'paragraph', text }));
}

/** `dated`: the block has a "Date:" line, a blank when no date is given. */
function signature(input: SignatureInput, { dated }: { dated: boolean }): Signature {
  const date = input.date ? formatLong(input.date) : dated ? BLANK : undefined;
  const base = {
    name: input.name,
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(date === undefined ? {} : { date }),
    ...(input.lines === undefined ? {} : { lines: input.lines }),
  };
  switch (input.kind) {
    case 'typed':
      return { kind: 'typed', ...base };
    case 'image':
      return { kind: 'image', dataUrl: input.dataUrl, ...base };
    case 'unsigned':
      return { kind: 'unsigned', ...base };
  }
}

function companyNames(companies: readonly CompanyEntry[]): string {
  return companies.map((c) => c.name).join(', ') || 'Company';
}

function commonMeta(meta: DocumentMeta, companies: readonly CompanyEntry[], filingYear: number) {
  return {
    author: meta.author,
    keywords: [
      'CPNI',
      'Annual CPNI Compliance Certification',
      EB_DOCKET,
      CERTIFICATION_RULE,
      String(filingYear),
      ...companies.flatMap((c) => [c.name, `Filer ID ${c.filerId}`]),
      ...(meta.keywords ?? []),
    ],
    ...(meta.footerNote === undefined ? {} : { footerNote: meta.footerNote }),
    ...(meta.watermark === undefined ? {} : { watermark: meta.watermark }),
    ...(meta.ref === undefined ? {} : { ref: meta.ref }),
  };
}
