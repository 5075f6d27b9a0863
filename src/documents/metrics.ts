import { HELVETICA_BOLD_WIDTHS, HELVETICA_WIDTHS } from './standard-metrics';
import type { TrueTypeMetrics } from './truetype';

/** The four faces a run of text can be set in. */
export type FontKey = 'regular' | 'bold' | 'fallback' | 'fallbackBold';

/** Width of a string in points. */
export type Measure = (text: string, font: FontKey, size: number) => number;

export interface FallbackFonts {
  regular: TrueTypeMetrics;
  bold: TrueTypeMetrics;
}

/** Widths by code point for the standard fonts (-1: not in WinAnsi), for a lookup without hashing. */
function denseWidths(widths: ReadonlyMap<number, number>): Int16Array {
  const table = new Int16Array(Math.max(...widths.keys()) + 1).fill(-1);
  for (const [cp, w] of widths) table[cp] = w;
  return table;
}
const DENSE = { regular: denseWidths(HELVETICA_WIDTHS), bold: denseWidths(HELVETICA_BOLD_WIDTHS) };

/** How many measured strings the embedded font's measure keeps (a package has a few thousand distinct words). */
const MEMO_LIMIT = 20_000;

/**
 * Measures text the way it will be drawn: the standard fonts with their AFM widths and no
 * kerning (jsPDF draws none), the embedded font with its own advance widths. The standard fonts
 * are summed straight from a table (cheaper than looking a word up); the embedded font's widths,
 * which take a cmap lookup per letter, are remembered per face and string, since layout measures
 * the same words again on every pass.
 */
export function createMeasure(fallback: FallbackFonts | undefined): Measure {
  const memo = { fallback: new Map<string, number>(), fallbackBold: new Map<string, number>() };
  return (text, font, size) => {
    let units = 0;
    if (font === 'regular' || font === 'bold') {
      const widths = DENSE[font];
      for (let i = 0; i < text.length; i++) {
        const width = widths[text.charCodeAt(i)] ?? -1;
        // Layout sends only WinAnsi text to the standard fonts; anything else is a bug upstream.
        if (width < 0) throw new Error(`“${String.fromCodePoint(text.codePointAt(i) ?? 0)}” is not in the standard fonts' character set.`);
        units += width;
      }
      return (units * size) / 1000;
    }
    if (!fallback) throw new Error('The embedded font was not loaded.');
    const known = memo[font];
    const remembered = known.get(text);
    if (remembered !== undefined) return (remembered * size) / 1000;
    const face = font === 'fallbackBold' ? fallback.bold : fallback.regular;
    for (const ch of text) units += face.advanceOf(ch.codePointAt(0) ?? 0);
    if (known.size >= MEMO_LIMIT) known.clear();
    known.set(text, units);
    return (units * size) / 1000;
  };
}
