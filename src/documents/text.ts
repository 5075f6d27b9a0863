import { WINANSI_CODE_POINTS } from './standard-metrics';

const WINANSI = new Set(WINANSI_CODE_POINTS);

/** Whether the standard PDF fonts (WinAnsiEncoding) can show this code point. */
export function isWinAnsi(codePoint: number): boolean {
  return WINANSI.has(codePoint);
}

/** Any character outside WinAnsi (a code point at a time: a lone surrogate or an emoji is outside). */
const OUTSIDE_WINANSI = new RegExp(`[^${WINANSI_CODE_POINTS.map((cp) => `\\u{${cp.toString(16)}}`).join('')}]`, 'u');

/** Whether the standard PDF fonts can show every character of the text. */
export function allWinAnsi(text: string): boolean {
  return !OUTSIDE_WINANSI.test(text);
}

export const NO_BREAK_SPACE = '\u00a0';

const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  // Spaces of every width read as one ordinary space; the no-break kinds keep their glue.
  ...[...'\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000'].map((c) => [c, ' '] as const),
  ['\u2007', NO_BREAK_SPACE],
  ['\u202f', NO_BREAK_SPACE],
  ['\t', ' '],
  // Invisible marks that would otherwise print as a box or a stray hyphen.
  ['\u00ad', ''],
  ['\u200b', ''],
  ['\u200c', ''],
  ['\u200d', ''],
  ['\u2060', ''],
  ['\ufeff', ''],
  ['\u2028', '\n'],
  ['\u2029', '\n'],
  // Dashes and hyphens that have a WinAnsi twin.
  ['\u2010', '-'],
  ['\u2011', '-'],
  ['\u2212', '-'],
  ['\u2012', '\u2013'],
  ['\u2015', '\u2014'],
  ['\u201b', '\u2018'],
  ['\u201f', '\u201c'],
]);

const PLAIN_TEXT = /^[\x20-\x7e\n]*$/;

/** Printable ASCII and line breaks only: text that normalizeText leaves as it is and every font can show. */
export function isPlainText(text: string): boolean {
  return PLAIN_TEXT.test(text);
}

/**
 * NFC (so "Nguyễn" typed with combining marks becomes the precomposed letters a font has),
 * line endings to '\n', typographic spaces and dashes to their WinAnsi equivalents, invisible
 * format characters and control characters removed.
 */
export function normalizeText(text: string): string {
  // Printable ASCII and line breaks are already what this makes of them (most strings are).
  if (isPlainText(text)) return text;
  let out = '';
  for (const ch of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
    const replacement = REPLACEMENTS.get(ch);
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    const cp = ch.codePointAt(0) ?? 0;
    if ((cp < 0x20 && ch !== '\n') || (cp >= 0x7f && cp < 0xa0)) continue;
    out += ch;
  }
  return out;
}

/** A short stretch of text around UTF-16 position `index`, for error messages. */
export function excerptAround(text: string, index: number, radius = 30): string {
  const chars = [...text];
  const position = [...text.slice(0, index)].length;
  const from = chars.length <= radius * 2 + 10 ? 0 : Math.max(0, position - radius);
  const to = chars.length <= radius * 2 + 10 ? chars.length : Math.min(chars.length, position + radius);
  const middle = chars.slice(from, to).join('').replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${middle}${to < chars.length ? '…' : ''}`;
}
