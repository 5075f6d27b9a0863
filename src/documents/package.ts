/**
 * A stored certification → the documents of its filing package, and their export as one PDF
 * or one PDF per document. Statically importable: jsPDF (render.ts) is loaded only inside the
 * export function, on the user's click.
 */
import type { AssembledPackage, CertificationFields } from '../domain/certification-record';
import type { CertificationAttachmentKind, CertificationModel } from '../domain/certification';
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS } from '../domain/records';
import type { Address, Client, PreparerFields } from '../domain/schema';
import type { StatementSection as DraftedSection } from '../domain/statement';
import type { Finding } from '../domain/statement-lint';
import {
  EB_DOCKET,
  attachmentDocument,
  certificationDocument,
  certificationTitle,
  coverLetterDocument,
  statementDocument,
  type AttachmentPart,
  type CompanyEntry,
  type SignatureInput,
} from './builders';
import { packageFileName, safeFileName } from './file-names';
import type { FontLoader } from './fonts';
import type { IsoDate, PdfDocument, RichText } from './model';

export type PreparerProfile = Pick<PreparerFields, 'name' | 'credentials' | 'firm' | 'letterhead' | 'address' | 'phone' | 'email'>;

export interface PackageInput {
  cert: CertificationFields;
  /** `assemblePackage(cert, client, records, settings)` of the same certification. */
  assembled: Pick<AssembledPackage, 'model' | 'sections' | 'openFindings' | 'blocked'>;
  client: Pick<Client, 'legalName'>;
  /** Writes and signs the cover letter; without one there is no cover letter. */
  preparer?: PreparerProfile;
  /**
   * Pins the PDF's creation date when the certification has no date filed yet. Never printed:
   * an unset date prints as a blank.
   */
  documentDate: IsoDate;
  /**
   * Whether the officer has signed the certification. Until then (the default) every page of
   * every document carries the mark "DRAFT — not signed", no "/s/" and no signature image is
   * printed (each signature block is a blank line with the name and title beneath), unset dates
   * print as blanks, and the document titles end "(DRAFT — not signed)".
   */
  signed?: boolean;
}

export interface ExportedFile {
  fileName: string;
  bytes: Uint8Array;
}

export type PackageMode = 'single' | 'separate';

export interface ExportPackageOptions {
  mode: PackageMode;
  /** Where the embedded font for names outside the standard set comes from (tests read the disk). */
  loadFont?: FontLoader;
}

/** Export refused: the lint found errors that are neither fixed nor overridden with a reason. */
export class PackageBlockedError extends Error {
  readonly findings: readonly Finding[];

  constructor(company: string, year: number, findings: readonly Finding[]) {
    const list = findings.map((f) => `${f.message}${f.excerpt ? ` (“${f.excerpt}”)` : ''}`).join(' ');
    const count = findings.length === 1 ? 'one error' : `${findings.length} errors`;
    super(`The ${year} certification of ${company} cannot be exported: fix or override (with a reason) ${count} first. ${list}`);
    this.name = 'PackageBlockedError';
    this.findings = findings;
  }
}

const SUBJECT = `Annual CPNI Compliance Certification; ${EB_DOCKET}`;

/** The mark on every page of a package that has not been signed. */
export const DRAFT_MARK = 'DRAFT — not signed';

/** The filing package in filing order: cover letter, certification, Attachment A, B, C. */
export function packageDocuments(input: PackageInput): PdfDocument[] {
  const { cert, client, preparer } = input;
  const { model } = input.assembled;
  const signed = input.signed === true;
  const year = model.certificationYear;
  const companies: CompanyEntry[] = model.companies.map((c) => ({ name: c.name, filerId: c.filerId }));
  const meta = {
    author: preparer ? preparerAuthor(preparer) : client.legalName,
    keywords: [`calendar year ${model.coveredYear}`, ...(signed ? [] : ['DRAFT'])],
    footerNote: `${client.legalName} · ${certificationShortTitle(year)} · ${EB_DOCKET}`,
    ...(signed ? {} : { watermark: DRAFT_MARK }),
  };
  const date = cert.dateFiled || input.documentDate;
  // Attachments are lettered in the model's order and found by kind, never by their titles.
  const attachments = model.attachmentList.map(({ kind, title }, i) => ({ kind, label: title, letter: letter(i), heading: `Attachment ${letter(i)}: ${title}`, ref: `attachment-${letter(i)}` }));
  const attachment = (kind: CertificationAttachmentKind) => attachments.find((a) => a.kind === kind);
  const statement = attachment('statement') ?? { kind: 'statement', label: 'Accompanying statement of CPNI operating procedures', letter: '', heading: 'Accompanying statement of CPNI operating procedures', ref: undefined };
  const brokers = attachment('dataBrokers');
  const complaints = attachment('complaints');
  const printedAttachments = [statement, brokers, complaints].filter((a): a is typeof statement => a !== undefined);

  const docs: { doc: PdfDocument; part: string }[] = [];

  if (cert.coverLetter.include && preparer) {
    const preparerSignature = {
      name: preparer.name,
      ...(preparer.credentials ? { title: preparer.credentials } : {}),
      lines: [preparer.firm, ...addressLines(preparer.address), preparer.phone, preparer.email].filter(Boolean),
    };
    docs.push({
      part: 'Cover Letter',
      doc: coverLetterDocument({
        ...meta,
        ref: 'cover-letter',
        filingYear: year,
        companies,
        letterhead: preparerLetterhead(preparer),
        ...(cert.dateFiled ? { date: cert.dateFiled } : {}),
        documentDate: input.documentDate,
        addressee: cert.coverLetter.addressee,
        addressLines: [],
        delivery: 'Via ECFS',
        salutation: 'Dear Secretary:',
        body: paragraphsOf(cert.coverLetter.body),
        closing: 'Respectfully submitted,',
        signature: signed ? { kind: 'typed', ...preparerSignature } : { kind: 'unsigned', ...preparerSignature },
        cc: cert.coverLetter.cc.filter((line) => line.trim()),
        contents: [{ title: model.titleLine, ref: 'certification' }, ...printedAttachments.map((a) => ({ title: a.heading, ref: a.ref }))],
      }),
    });
  }

  docs.push({
    part: 'Certification',
    doc: certificationDocument({
      ...meta,
      ref: 'certification',
      filingYear: year,
      coveredYear: model.coveredYear,
      ...(cert.dateFiled ? { dateFiled: cert.dateFiled } : {}),
      documentDate: input.documentDate,
      companies,
      signatory: model.signatory,
      paragraphs: certificationParagraphs(model),
      signature: certificationSignature(cert, model, signed),
      attachments: printedAttachments.map((a) => ({ label: `Attachment ${a.letter}`, title: a.label, ...(a.ref ? { ref: a.ref } : {}) })),
    }),
  });

  docs.push({
    part: `Attachment ${statement.letter} Statement`,
    doc: statementDocument({
      ...meta,
      ...(statement.ref ? { ref: statement.ref } : {}),
      title: statement.heading,
      companies,
      filingYear: year,
      date,
      sections: input.assembled.sections.map(statementSection),
    }),
  });

  if (brokers) {
    docs.push({
      part: `Attachment ${brokers.letter} Data Brokers`,
      doc: attachmentDocument({ ...meta, ...(brokers.ref ? { ref: brokers.ref } : {}), title: brokers.heading, companies, filingYear: year, date, parts: dataBrokerParts(model) }),
    });
  }
  if (complaints) {
    docs.push({
      part: `Attachment ${complaints.letter} Complaints`,
      doc: attachmentDocument({ ...meta, ...(complaints.ref ? { ref: complaints.ref } : {}), title: complaints.heading, companies, filingYear: year, date, parts: complaintParts(model) }),
    });
  }

  // Numbered so that a folder listing shows the files in filing order.
  return docs.map(({ doc, part }, i) => ({
    ...doc,
    title: signed ? doc.title : `${doc.title} (${DRAFT_MARK})`,
    fileName: `${safeFileName(`${client.legalName} CPNI Certification ${year} - ${i + 1} ${part}`)}.pdf`,
  }));
}

/**
 * The package as PDF: one file named "<Company> CPNI Certification <year>.pdf", or one file per
 * document. Refuses while the lint has open errors. UnsupportedCharacterError and FontLoadError
 * from the renderer reach the caller unchanged (their messages name the character or the font).
 */
export async function exportPackage(input: PackageInput, options: ExportPackageOptions): Promise<ExportedFile[]> {
  const { cert, client } = input;
  if (input.assembled.blocked) {
    throw new PackageBlockedError(client.legalName, cert.certificationYear, input.assembled.openFindings.filter((f) => f.severity === 'error'));
  }
  const docs = packageDocuments(input);
  const { renderPdf } = await import('./render');
  const loadFont = options.loadFont ? { loadFont: options.loadFont } : {};
  if (options.mode === 'separate') {
    const files: ExportedFile[] = [];
    for (const doc of docs) files.push({ fileName: doc.fileName, bytes: await renderPdf(doc, loadFont) });
    return files;
  }
  const { model } = input.assembled;
  const title = certificationTitle(model.certificationYear, model.coveredYear);
  const certification = docs.find((d) => d.title.startsWith(title)) ?? docs[0]!;
  const bytes = await renderPdf(docs, {
    ...loadFont,
    numbering: 'package',
    properties: {
      title: certification.title,
      subject: `${SUBJECT}: certification, accompanying statement and attachments`,
      author: certification.author,
      keywords: certification.keywords,
      date: certification.date,
    },
  });
  const fileName = packageFileName(client.legalName, cert.certificationYear);
  return [{ fileName: input.signed ? fileName : draftFileName(fileName), bytes }];
}

/** "Name.pdf" → "Name DRAFT.pdf": a draft is told apart in a folder listing too. */
export function draftFileName(fileName: string): string {
  return fileName.replace(/(\.pdf)?$/i, ' DRAFT$1');
}

function certificationShortTitle(year: number): string {
  return `CPNI Certification ${year}`;
}

function letter(index: number): string {
  return String.fromCharCode('A'.charCodeAt(0) + index);
}

/** Document property "Author" for a preparer: the person, and the firm when there is one. */
export function preparerAuthor(p: PreparerProfile): string {
  return p.firm && p.firm !== p.name ? `${p.name}, ${p.firm}` : p.name;
}

export function addressLines(address: Address | undefined): string[] {
  if (!address) return [];
  const cityLine = [address.city, [address.state, address.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [address.street, cityLine].filter(Boolean);
}

/** The preparer's own letterhead lines, or one made from the firm, address and contacts. */
export function preparerLetterhead(p: PreparerProfile): string[] {
  const own = p.letterhead.filter((line) => line.trim());
  if (own.length > 0) return own;
  const contacts = [p.phone, p.email].filter(Boolean).join(' · ');
  return [p.firm || p.name, ...addressLines(p.address), contacts].filter(Boolean);
}

/** Blank lines separate paragraphs; a single line break stays a line break. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * In the order of the Enforcement Bureau's template: the officer's certification, the
 * accompanying statement, data brokers and what the company knows of pretexters, customer
 * complaints, and the § 1.17 acknowledgement.
 */
function certificationParagraphs(model: CertificationModel): RichText[] {
  return [
    ...(model.amendment ? [[{ text: model.amendment, bold: true }]] : []),
    ...model.certificationParagraphs,
    model.statementReference,
    model.dataBrokers.statement,
    model.pretexting.text,
    model.complaints.statement,
    model.truthfulness,
  ];
}

function certificationSignature(cert: CertificationFields, model: CertificationModel, signed: boolean): SignatureInput {
  const base = {
    name: model.signatory.name,
    title: model.signatory.title,
    // A draft leaves the date line blank: a planned signature date printed under an empty
    // signature line reads as if the officer had already signed on that day.
    ...(signed && cert.signatureDate ? { date: cert.signatureDate } : {}),
    lines: model.companies.map((c) => c.name),
  };
  if (!signed) return { kind: 'unsigned', ...base };
  return cert.signature.kind === 'image' ? { kind: 'image', dataUrl: cert.signature.dataUrl, ...base } : { kind: 'typed', ...base };
}

/** The rule a section cites, without the app's own "practice" labels, which a filing does not print. */
function printedCitation(citation: string): string {
  const rule = citation.replace(/;\s*practice$/i, '').trim();
  return /C\.F\.R\.|U\.S\.C\./.test(rule) ? rule : '';
}

/** An attachment repeats the certification's statement without its pointer to that attachment. */
function withoutAttachmentPointer(statement: string): string {
  return statement.replace(/\s*(These actions are explained in the attachment|A summary is attached as) "[^"]+"\.$/, '');
}

function statementSection(section: DraftedSection): { heading: string; body: (string | { list: string[] })[] } {
  const citation = printedCitation(section.citation);
  return {
    heading: citation ? `${section.heading} (${citation})` : section.heading,
    // Drafted structure is printed as given; only the user's own text is split into paragraphs.
    body: section.blocks ? section.blocks.map((b) => (b.kind === 'list' ? { list: b.items } : b.text)) : paragraphsOf(section.body),
  };
}

function dataBrokerParts(model: CertificationModel): AttachmentPart[] {
  const actions = model.dataBrokers.items;
  return [
    { kind: 'paragraph', text: withoutAttachmentPointer(model.dataBrokers.statement) },
    { kind: 'heading', text: `Actions taken in calendar year ${model.coveredYear}` },
    actions.length > 1 ? { kind: 'list', style: 'numbered', items: actions } : { kind: 'paragraph', text: actions[0] ?? '' },
  ];
}

function complaintParts(model: CertificationModel): AttachmentPart[] {
  const { counts, total } = model.complaints;
  const categories = COMPLAINT_CATEGORIES.filter((c) => c !== 'other' || counts.other > 0);
  const summaries = model.complaints.summaries;
  return [
    { kind: 'paragraph', text: withoutAttachmentPointer(model.complaints.statement) },
    { kind: 'heading', text: `Complaints received in calendar year ${model.coveredYear}, by category` },
    {
      kind: 'table',
      columns: [{ header: 'Category', weight: 4 }, { header: 'Complaints', weight: 1, align: 'right' }],
      rows: [...categories.map((c) => [COMPLAINT_CATEGORY_LABELS[c], String(counts[c])]), ['Total', String(total)]],
    },
    // Without a public summary the counts stand alone: internal notes are never printed.
    ...(summaries.length
      ? [
          { kind: 'heading', text: 'Summary of the complaints' } as const,
          summaries.length > 1 ? ({ kind: 'list', style: 'numbered', items: summaries } as const) : ({ kind: 'paragraph', text: summaries[0]! } as const),
        ]
      : []),
  ];
}
