/**
 * The officer's "for signature" copy of a ready certification: the package exactly as it will
 * be filed, unsigned and marked so on every page, then a signature page for the officer with
 * blank signature and date lines. The page prints the fingerprint of the text
 * (`filedTextHash`). The package frozen when the signature is recorded keeps the fingerprint of
 * its own text and the app shows it (the filed PDF does not print it), so the officer's copy can
 * be matched to what is filed; the batch's signature step refuses a text that changed since.
 */
import { filedTextHash, shortFingerprint } from '../domain/signed-package';
import { BLANK, EB_DOCKET, certificationTitle } from './builders';
import { packageFileName } from './file-names';
import type { FontLoader } from './fonts';
import type { Block, PdfDocument } from './model';
import { DRAFT_MARK, PackageBlockedError, packageDocuments, type ExportedFile, type PackageInput } from './package';

export type ForSignatureInput = Omit<PackageInput, 'signed'>;

export interface ForSignatureDocuments {
  documents: PdfDocument[];
  /** SHA-256 of the text to be filed (the signature page left out). */
  textHash: string;
}

export const SIGNATURE_PAGE_TITLE = 'Signature page for the officer';

/** The unsigned package and, last, the officer's signature page. */
export function forSignatureDocuments(input: ForSignatureInput): ForSignatureDocuments {
  const filed = packageDocuments({ ...input, signed: false });
  const textHash = filedTextHash(filed);
  const { model } = input.assembled;
  const title = certificationTitle(model.certificationYear, model.coveredYear);
  const names = model.companies.map((c) => c.name);
  const blocks: Block[] = [
    { kind: 'paragraph', text: [{ text: EB_DOCKET, bold: true }], align: 'right', spaceBefore: 0 },
    { kind: 'heading', level: 1, text: SIGNATURE_PAGE_TITLE, align: 'center' },
    { kind: 'paragraph', text: title, align: 'center', spaceBefore: 4 },
    {
      kind: 'keyValue',
      rows: model.companies.map((c) => ({ label: 'Company:', value: `${c.name}, Form 499 Filer ID ${c.filerId}` })),
      labelWidth: 120,
    },
    {
      kind: 'keyValue',
      rows: [
        { label: 'Officer:', value: model.signatory.name },
        { label: 'Title:', value: model.signatory.title },
        { label: 'Text fingerprint:', value: [{ text: shortFingerprint(textHash), bold: true }] },
        { label: 'SHA-256:', value: textHash },
      ],
      labelWidth: 120,
    },
    {
      kind: 'paragraph',
      text: `This page is the officer's signature on the certification above, with its accompanying statement and attachments, exactly as printed in this file. By signing, the officer makes the certification as printed, as an officer acting as the company's agent (47 C.F.R. § 64.2009(e)).`,
    },
    { kind: 'paragraph', text: model.truthfulness },
    {
      kind: 'paragraph',
      text: `Sign and date below and return this page. The text above has the fingerprint ${shortFingerprint(textHash)}; when the signature is recorded, the fingerprint of the signed text is shown beside it, so the two can be compared. If the text changes, so does the fingerprint, and the changed text must be signed again.`,
    },
    { kind: 'signature', signature: { kind: 'unsigned', name: model.signatory.name, title: model.signatory.title, date: BLANK, lines: names } },
  ];
  const last = filed[filed.length - 1]!;
  const page: PdfDocument = {
    title: `${SIGNATURE_PAGE_TITLE}, ${title} (${DRAFT_MARK})`,
    subject: `Signature page, Annual CPNI Compliance Certification; ${EB_DOCKET}`,
    author: last.author,
    keywords: [...last.keywords, 'for signature'],
    ...(last.footerNote === undefined ? {} : { footerNote: last.footerNote }),
    watermark: DRAFT_MARK,
    fileName: last.fileName.replace(/ - \d+ [^/]*\.pdf$/, ` - ${filed.length + 1} Signature Page.pdf`),
    date: input.documentDate,
    blocks,
  };
  return { documents: [...filed, page], textHash };
}

/** "<Company> CPNI Certification <year> FOR SIGNATURE.pdf": the officer's copy as one PDF. */
export function forSignatureFileName(company: string, year: number): string {
  return packageFileName(company, year).replace(/\.pdf$/i, ' FOR SIGNATURE.pdf');
}

/** The officer's copy as one PDF. Refuses while the lint has open errors, as the package does. */
export async function exportForSignature(input: ForSignatureInput, options: { loadFont?: FontLoader } = {}): Promise<ExportedFile & { textHash: string }> {
  const { cert, client } = input;
  if (input.assembled.blocked)
    throw new PackageBlockedError(client.legalName, cert.certificationYear, input.assembled.openFindings.filter((f) => f.severity === 'error'));
  const { documents, textHash } = forSignatureDocuments(input);
  const { renderPdf } = await import('./render');
  const certification = documents.find((d) => d.title.startsWith(certificationTitle(cert.certificationYear, input.assembled.model.coveredYear))) ?? documents[0]!;
  const bytes = await renderPdf(documents, {
    ...(options.loadFont ? { loadFont: options.loadFont } : {}),
    numbering: 'package',
    properties: {
      title: `${certification.title}, for signature`,
      subject: `Annual CPNI Compliance Certification; ${EB_DOCKET}: for the officer's signature`,
      author: certification.author,
      keywords: [...certification.keywords, 'for signature', textHash],
      date: certification.date,
    },
  });
  return { fileName: forSignatureFileName(client.legalName, cert.certificationYear), bytes, textHash };
}
