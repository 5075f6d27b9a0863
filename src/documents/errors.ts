/** Thrown before anything is drawn when a character can be shown by neither the standard PDF
 * fonts nor the embedded font: the export stops instead of printing a wrong glyph. */
export class UnsupportedCharacterError extends Error {
  readonly character: string;
  readonly codePoint: number;
  /** Where the character appears, e.g. 'The name “Nguyễn 中”'. */
  readonly where: string;
  readonly documentTitle: string;

  constructor(character: string, where: string, documentTitle: string) {
    const codePoint = character.codePointAt(0) ?? 0;
    const inDocument = documentTitle ? ` in “${documentTitle}”` : '';
    super(`${where}${inDocument} contains “${character}” (${formatCodePoint(codePoint)}), which the PDF fonts cannot show.`);
    this.name = 'UnsupportedCharacterError';
    this.character = character;
    this.codePoint = codePoint;
    this.where = where;
    this.documentTitle = documentTitle;
  }
}

/** The embedded font could not be fetched (typically: offline before it was ever cached). */
export class FontLoadError extends Error {
  readonly fileName: string;

  constructor(fileName: string, reason: string) {
    super(
      `The PDF font ${fileName} could not be loaded (${reason}). It is needed for names outside ` +
        'the standard PDF character set. Open the app once while online so it is stored for offline use, then export again.',
    );
    this.name = 'FontLoadError';
    this.fileName = fileName;
  }
}

export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
