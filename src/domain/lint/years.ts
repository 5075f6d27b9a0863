/**
 * The filing year and the year covered, read from the text of a filing: the title line
 * ("… Certification for 2013 covering the prior calendar year 2012"), "calendar year 2012",
 * and the dates printed (date filed, cover letter). The user can always change them.
 */
import { printedDates } from './whole-filing';

export interface DetectedYears {
  filingYear?: number;
  coveredYear?: number;
  /** What was found, in words, for the user ("title line: for 2013 covering 2012 (line 3)"). */
  found: string[];
}

const FIRST_YEAR = 2008;

function lineNo(text: string, at: number): number {
  return text.slice(0, at).split('\n').length;
}

export function detectYears(text: string, latest = new Date().getUTCFullYear() + 1): DetectedYears {
  const found: string[] = [];
  const ok = (y: number) => y >= FIRST_YEAR - 1 && y <= latest;
  let filing: number | undefined;
  let covered: number | undefined;

  const title = /\bcertification\s+for\s+(?:the\s+)?(calendar\s+)?(?:year\s+)?(\d{4})(?:[^\n\d]{0,60}?(\d{4}))?/i.exec(text);
  if (title) {
    const a = Number(title[2]);
    const b = title[3] ? Number(title[3]) : undefined;
    if (b !== undefined && ok(a) && ok(b)) {
      filing = a;
      covered = b;
      found.push(`title line: for ${a} covering ${b} (line ${lineNo(text, title.index)})`);
    } else if (ok(a) && title[1]) {
      covered = a;
      found.push(`title line: calendar year ${a} (line ${lineNo(text, title.index)})`);
    } else if (ok(a)) found.push(`title line: for ${a} (line ${lineNo(text, title.index)})`);
  }

  const { filed, filedAt, coverDate, cover } = printedDates(text);
  if (filed && filedAt) {
    found.push(`date filed: ${filed} (line ${lineNo(text, filedAt.start)})`);
    filing ??= Number(filed.slice(0, 4));
  } else if (coverDate && cover) {
    found.push(`cover letter dated ${coverDate} (line ${lineNo(text, cover.start)})`);
    filing ??= Number(coverDate.slice(0, 4));
  }

  if (covered === undefined) {
    const counts = new Map<number, { n: number; at: number }>();
    for (const m of text.matchAll(/\bcalendar\s+year\s+(\d{4})\b/gi)) {
      const y = Number(m[1]);
      if (!ok(y)) continue;
      const c = counts.get(y) ?? { n: 0, at: m.index };
      c.n++;
      counts.set(y, c);
    }
    const best = [...counts.entries()].sort((x, y) => y[1].n - x[1].n || x[1].at - y[1].at)[0];
    if (best) {
      covered = best[0];
      found.push(`"calendar year ${best[0]}" (line ${lineNo(text, best[1].at)})`);
    }
  }

  // "for 2013" alone: the filing year when the text is dated that year, else take it as the filing year.
  if (filing === undefined && title && !title[3] && !title[1] && ok(Number(title[2]))) filing = Number(title[2]);
  if (filing === undefined && covered !== undefined) filing = covered + 1;
  if (covered === undefined && filing !== undefined) covered = filing - 1;
  if (filing !== undefined && (filing < FIRST_YEAR || filing > latest)) return { found };
  return { filingYear: filing, coveredYear: covered, found };
}
