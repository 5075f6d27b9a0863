/**
 * A consultant's filing season as the board shows it: how far each status has come, and the
 * pasted list of filings. Starting the season is in season-plan.ts; storage in src/db/season.ts.
 */
import type { Certification } from './certification-record';
import type { CertificationStatus } from './certification-status';
import { isIsoDate, type IsoDate } from './dates';
import type { Client } from './schema';

export interface SeasonProgress {
  total: number;
  notStarted: number;
  byStatus: Record<CertificationStatus, number>;
}

/** "142 of 200 filed": every active client's state for the year. */
export function seasonProgress(clients: readonly Client[], certifications: readonly Pick<Certification, 'clientId' | 'certificationYear' | 'status' | 'amendedById'>[], year: number): SeasonProgress {
  const active = new Set(clients.filter((c) => !c.archived).map((c) => c.id));
  const status = new Map<string, CertificationStatus>();
  for (const c of certifications) if (c.certificationYear === year && active.has(c.clientId) && !c.amendedById) status.set(c.clientId, c.status);
  const byStatus: Record<CertificationStatus, number> = { draft: 0, ready: 0, signed: 0, filed: 0 };
  for (const s of status.values()) byStatus[s] += 1;
  return { total: active.size, notStarted: active.size - status.size, byStatus };
}

export interface FiledLine {
  line: number;
  text: string;
  filerId?: string;
  filedOn?: IsoDate;
  ecfsConfirmation?: string;
  error?: string;
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A pasted list of filings, one per line: Filer ID, date filed and ECFS confirmation number,
 * separated by commas, tabs or semicolons (as copied from a spreadsheet). Dates as YYYY-MM-DD
 * or M/D/YYYY. A header line, if any, is skipped.
 */
export function parseFiledList(text: string): FiledLine[] {
  const out: FiledLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let cells = line.split(/\t|;|,/).map((c) => c.trim()).filter(Boolean);
    // Columns lined up with spaces (a table copied from an e-mail): none of the three holds one.
    if (cells.length === 1) cells = line.split(/\s+/);
    if (i === 0 && !/\d/.test(cells[0] ?? '')) return; // header
    const [filerId = '', date = '', confirmation = ''] = cells;
    const us = US_DATE.exec(date);
    const filedOn = us ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}` : date;
    const item: FiledLine = { line: i + 1, text: line };
    if (!/^\d+$/.test(filerId)) item.error = `“${filerId}” is not a Form 499 Filer ID (digits only).`;
    else if (!isIsoDate(filedOn)) item.error = `“${date}” is not a date (use YYYY-MM-DD or M/D/YYYY).`;
    else if (!confirmation) item.error = 'The ECFS confirmation number is missing.';
    else if (cells.length > 3) item.error = `The line has ${cells.length} cells; expected Filer ID, date filed and ECFS confirmation.`;
    Object.assign(item, { filerId, filedOn, ecfsConfirmation: confirmation });
    out.push(item);
  });
  return out;
}
