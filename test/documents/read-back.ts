import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { FontLoader } from '../../src/documents/fonts';

/** The app's embedded fonts, read from public/ as the browser would fetch them. */
export const loadFont: FontLoader = async (file) => readFileSync(join(__dirname, '../../public/fonts', file));

export interface ReadBack {
  /** The whole text as pdftotext reads it, whitespace collapsed. */
  text: string;
  /** Text of each page, whitespace collapsed. */
  pages: string[];
  info: Record<string, string>;
  fonts: string;
  images: string;
}

const dir = mkdtempSync(join(tmpdir(), 'cpni-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Writes the PDF and reads it back with poppler's tools, as a person's viewer would see it. */
export function readBack(bytes: Uint8Array): ReadBack {
  const path = join(dir, `out-${++fileCount}.pdf`);
  writeFileSync(path, bytes);
  const raw = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  const info = Object.fromEntries(
    execFileSync('pdfinfo', ['-enc', 'UTF-8', path], { encoding: 'utf8' })
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!.trim()]),
  );
  const pages = raw.split('\f').map(collapse);
  if (pages[pages.length - 1] === '') pages.pop();
  return {
    text: collapse(raw),
    pages,
    info,
    fonts: execFileSync('pdffonts', [path], { encoding: 'utf8' }),
    images: execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }),
  };
}
