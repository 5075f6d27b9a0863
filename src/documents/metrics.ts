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

/**
 * Measures text the way it will be drawn: the standard fonts with their AFM widths and no
 * kerning (jsPDF draws none), the embedded font with its own advance widths.
 */
export function createMeasure(fallback: FallbackFonts | undefined): Measure {
  return (text, font, size) => {
    let units = 0;
    if (font === 'regular' || font === 'bold') {
      const widths = font === 'bold' ? HELVETICA_BOLD_WIDTHS : HELVETICA_WIDTHS;
      for (const ch of text) {
        const width = widths.get(ch.codePointAt(0) ?? 0);
        // Layout sends only WinAnsi text to the standard fonts; anything else is a bug upstream.
        if (width === undefined) throw new Error(`“${ch}” is not in the standard fonts' character set.`);
        units += width;
      }
    } else {
      if (!fallback) throw new Error('The embedded font was not loaded.');
      const face = font === 'fallbackBold' ? fallback.bold : fallback.regular;
      for (const ch of text) units += face.advanceOf(ch.codePointAt(0) ?? 0);
    }
    return (units * size) / 1000;
  };
}
