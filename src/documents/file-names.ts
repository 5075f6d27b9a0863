/**
 * File names and the browser download. Statically importable: nothing here loads jsPDF, so a
 * screen can offer a download without pulling the PDF chunk (see render.ts for the lazy part).
 */

/** Removes what Windows, macOS or Linux refuse in a file name and tidies the spaces left over. */
export function safeFileName(name: string): string {
  const visible = [...name.normalize('NFC')].map((ch) => (ch < ' ' || ch === '\u007f' ? ' ' : ch)).join('');
  const cleaned = visible
    .replace(/[\\/:*?"<>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return cleaned || 'Document';
}

/** "<Company> CPNI Certification <year>.pdf". */
export function packageFileName(company: string, year: number): string {
  return `${safeFileName(`${company} CPNI Certification ${year}`)}.pdf`;
}

/** Offers bytes to the user as a file download (Blob, object URL, a temporary <a download>). */
export function downloadBytes(bytes: Uint8Array, fileName: string, mime = 'application/pdf'): void {
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }), fileName);
}

/** Offers a Blob as a file download, as it is (a worker's 60 MB backup is never copied on the page). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking at once can cancel the download in some browsers; give it a moment.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
