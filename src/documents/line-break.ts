import type { FontKey, Measure } from './metrics';
import type { RichText, TextSpan } from './model';
import { NO_BREAK_SPACE, allWinAnsi } from './text';

export interface Run {
  x: number;
  text: string;
  font: FontKey;
}

export interface Line {
  runs: Run[];
  width: number;
}

export interface BreakStyle {
  measure: Measure;
  size: number;
  bold: boolean;
  width: number;
}

interface Piece {
  text: string;
  font: FontKey;
  width: number;
}

interface Word {
  pieces: Piece[];
  width: number;
}

type Token = { kind: 'word'; spans: TextSpan[] } | { kind: 'space' } | { kind: 'break' };

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

/**
 * Short fields a reader takes in at a glance, never split across two lines: "Form 499 Filer ID
 * 823456", "EB Docket No. 06-36", "47 C.F.R. § 64.2009(e)", "et seq.", "February 20, 2026",
 * "FCC 23-111". A match wider than the whole line still breaks, at its own spaces.
 */
const UNBREAKABLE = new RegExp(
  [
    String.raw`\b(?:Form 499 )?Filer ID:? [0-9A-Za-z-]+`,
    String.raw`\bForm 499(?:-A)?\b`,
    String.raw`\bEB Docket No\. [0-9-]+`,
    String.raw`\b\d+ (?:C\.F\.R\.|U\.S\.C\.)(?: §§?)? ?[0-9][0-9.]*(?:\([0-9A-Za-z]+\))*`,
    String.raw`\bet seq\.`,
    String.raw`\b${MONTH} \d{1,2}(?:, \d{4})?`,
    String.raw`\bFCC \d{2}-\d+`,
  ].join('|'),
  'g',
);

/** Words that read badly at the end of a line: "§ 64.2009(e)", "(§ 64.2011(b))", "No. 06-36". */
const GLUE_FORWARD = /^[([]?(§§?|¶|No\.)$/;

/** Whether a word is one that keeps with the word after it (the longest, "(No.", has four letters). */
function gluesForward(spans: readonly TextSpan[]): boolean {
  let length = 0;
  for (const span of spans) length += span.text.length;
  return length <= 4 && GLUE_FORWARD.test(spans.map((s) => s.text).join(''));
}

/** The text with the spaces inside its short fields made unbreakable. */
export function protectShortFields(text: string): string {
  return text.includes(' ') ? text.replace(UNBREAKABLE, (match) => match.replaceAll(' ', NO_BREAK_SPACE)) : text;
}

function tokenize(text: RichText, bold: boolean): Token[] {
  const spans: readonly TextSpan[] = typeof text === 'string' ? [{ text, bold }] : text;
  const tokens: Token[] = [];
  let word: TextSpan[] | undefined;
  // A word runs on across spans until a space or a line break; its letters in one weight share a span.
  const pushText = (part: string, isBold: boolean) => {
    word ??= [];
    const last = word[word.length - 1];
    if (last && (last.bold ?? false) === isBold) last.text += part;
    else word.push({ text: part, bold: isBold });
  };
  const endWord = () => {
    if (word) tokens.push({ kind: 'word', spans: word });
    word = undefined;
  };
  for (const span of spans) {
    const isBold = span.bold ?? bold;
    const protectedText = protectShortFields(span.text);
    let start = 0;
    for (let i = 0; i < protectedText.length; i++) {
      const code = protectedText.charCodeAt(i);
      if (code !== SPACE && code !== NEWLINE) continue;
      if (i > start) pushText(protectedText.slice(start, i), isBold);
      start = i + 1;
      endWord();
      const last = tokens[tokens.length - 1];
      if (code === NEWLINE) tokens.push({ kind: 'break' });
      else if (last && last.kind === 'word') tokens.push({ kind: 'space' });
    }
    if (start < protectedText.length) pushText(protectedText.slice(start), isBold);
  }
  endWord();
  return glueForward(tokens);
}

const SPACE = 0x20;
const NEWLINE = 0x0a;

function glueForward(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const space = tokens[i + 1];
    const next = tokens[i + 2];
    const previous = out[out.length - 1];
    if (
      token.kind === 'word' &&
      space?.kind === 'space' &&
      next?.kind === 'word' &&
      gluesForward(token.spans)
    ) {
      const lastSpan = token.spans[token.spans.length - 1]!;
      next.spans = [...token.spans.slice(0, -1), { ...lastSpan, text: lastSpan.text + NO_BREAK_SPACE }, ...next.spans];
      i += 1;
      continue;
    }
    if (token.kind === 'word' && previous?.kind === 'word') {
      previous.spans.push(...token.spans);
      continue;
    }
    out.push(token);
  }
  return out;
}

/**
 * A glued word cut back into its parts at its no-break spaces, with spaces between them, except
 * that "§" and "No." still keep with the word after them.
 */
function unglue(spans: readonly TextSpan[]): Token[] {
  const tokens: Token[] = [];
  let current: TextSpan[] = [];
  for (const span of spans) {
    const parts = span.text.split(NO_BREAK_SPACE);
    parts.forEach((part, i) => {
      if (i > 0) {
        if (current.length) tokens.push({ kind: 'word', spans: current }, { kind: 'space' });
        current = [];
      }
      if (part) current.push({ ...span, text: part });
    });
  }
  if (current.length) tokens.push({ kind: 'word', spans: current });
  return glueForward(tokens);
}

function fontFor(bold: boolean, fallback: boolean): FontKey {
  if (fallback) return bold ? 'fallbackBold' : 'fallback';
  return bold ? 'bold' : 'regular';
}

function measureWord(spans: readonly TextSpan[], size: number, measure: Measure): Word {
  // A word that needs the embedded font is set in it whole, so its letters match each other.
  const fallback = spans.some((s) => !allWinAnsi(s.text));
  const pieces = spans.map((s) => {
    const text = s.text.includes(NO_BREAK_SPACE) ? s.text.replaceAll(NO_BREAK_SPACE, ' ') : s.text;
    const font = fontFor(s.bold ?? false, fallback);
    return { text, font, width: measure(text, font, size) };
  });
  return { pieces, width: pieces.reduce((sum, p) => sum + p.width, 0) };
}

/** Cuts a word wider than the line (a long URL, say) into pieces that fit. */
function splitWord(word: Word, width: number, size: number, measure: Measure): Word[] {
  const parts: Word[] = [];
  let current: Piece[] = [];
  let currentWidth = 0;
  for (const piece of word.pieces) {
    for (const ch of piece.text) {
      const w = measure(ch, piece.font, size);
      if (currentWidth + w > width && currentWidth > 0) {
        parts.push({ pieces: current, width: currentWidth });
        current = [];
        currentWidth = 0;
      }
      const last = current[current.length - 1];
      if (last && last.font === piece.font) {
        last.text += ch;
        last.width += w;
      } else {
        current.push({ text: ch, font: piece.font, width: w });
      }
      currentWidth += w;
    }
  }
  if (current.length) parts.push({ pieces: current, width: currentWidth });
  return parts;
}

export function breakLines(text: RichText, style: BreakStyle): Line[] {
  const { measure, size, width } = style;
  const lines: Line[] = [];
  let items: { word: Word; gap: boolean }[] = [];
  let lineWidth = 0;
  let pendingGap = false;

  const spaceAfter = (word: Word): number => measure(' ', word.pieces[word.pieces.length - 1]!.font, size);
  const flush = () => {
    lines.push(buildLine(items, spaceAfter));
    items = [];
    lineWidth = 0;
    pendingGap = false;
  };
  const place = (word: Word) => {
    const previous = items[items.length - 1];
    const gap = previous && pendingGap ? spaceAfter(previous.word) : 0;
    if (items.length > 0 && lineWidth + gap + word.width > width) {
      flush();
      place(word);
      return;
    }
    items.push({ word, gap: gap > 0 });
    lineWidth += gap + word.width;
    pendingGap = false;
  };
  const handle = (token: Token, glued: boolean) => {
    if (token.kind === 'space') {
      pendingGap = true;
    } else if (token.kind === 'break') {
      flush();
    } else {
      const word = measureWord(token.spans, size, measure);
      if (word.width <= width) {
        place(word);
      } else if (glued && token.spans.some((s) => s.text.includes(NO_BREAK_SPACE))) {
        for (const part of unglue(token.spans)) handle(part, false);
      } else {
        for (const part of splitWord(word, width, size, measure)) place(part);
      }
    }
  };

  for (const token of tokenize(text, style.bold)) handle(token, true);
  if (items.length > 0 || lines.length === 0) flush();
  return lines;
}

function buildLine(items: { word: Word; gap: boolean }[], spaceAfter: (word: Word) => number): Line {
  const runs: Run[] = [];
  let x = 0;
  let previous: Word | undefined;
  for (const { word, gap } of items) {
    if (gap && previous) {
      // The space is drawn as a real character so that text extraction sees two words.
      runs[runs.length - 1]!.text += ' ';
      x += spaceAfter(previous);
    }
    for (const piece of word.pieces) {
      const last = runs[runs.length - 1];
      if (last && last.font === piece.font) last.text += piece.text;
      else runs.push({ x, text: piece.text, font: piece.font });
      x += piece.width;
    }
    previous = word;
  }
  return { runs, width: x };
}

/** Width of the widest line of a text set without wrapping. */
export function naturalWidth(text: RichText, size: number, bold: boolean, measure: Measure): number {
  return Math.max(0, ...breakLines(text, { measure, size, bold, width: Infinity }).map((line) => line.width));
}
