/**
 * A consultant's filing season: every active client's certification for one year, started in
 * one step (rolled forward from the year before where there is one), and what to tell the user
 * about each. Pure: storage reads and writes are in src/db/season.ts.
 */
import { newCertification, previousCertificationYear, rollForward, type Certification, type CertificationFields, type RollForwardChange } from './certification-record';
import type { CertificationStatus } from './certification-status';
import { isIsoDate, type IsoDate } from './dates';
import type { Client } from './schema';

export type SeasonOutcome = 'rolled' | 'new' | 'exists';

export interface SeasonItem {
  clientId: string;
  legalName: string;
  outcome: SeasonOutcome;
  /** The certification created, or the one that was already there. */
  fields?: CertificationFields;
  existingId?: string;
  changes: RollForwardChange[];
  /** Things to check before this certification can be ready, in words. */
  attention: string[];
}

/** What starting the season would do for each client: nothing is overwritten; a client that has the year's certification keeps it. */
export function planSeason(clients: readonly Client[], certifications: readonly Certification[], year: number, preparerId = ''): SeasonItem[] {
  const previousYear = previousCertificationYear(year);
  const byKey = new Map<string, Certification>();
  for (const c of certifications) {
    const key = `${c.clientId}|${c.certificationYear}`;
    // Of a filing and its amendments, the one nobody has amended is the one in force.
    if (!byKey.has(key) || !c.amendedById) byKey.set(key, c);
  }
  return clients
    .filter((c) => !c.archived)
    .map((client): SeasonItem => {
      const base = { clientId: client.id, legalName: client.legalName };
      const existing = byKey.get(`${client.id}|${year}`);
      if (existing) return { ...base, outcome: 'exists', existingId: existing.id, changes: [], attention: [] };
      const previous = byKey.get(`${client.id}|${previousYear}`);
      if (!previous) {
        const fields = newCertification(client, year, preparerId);
        const attention = ['Every questionnaire topic is to be answered.'];
        if (!fields.signatory.name) attention.push('No officer on file to sign: add one on the client page.');
        return { ...base, outcome: 'new', fields, changes: [], attention };
      }
      const { next, changes } = rollForward(previous, client, previous.id);
      const attention: string[] = [];
      const reviewed = changes.find((c) => c.field === 'Questionnaire answers');
      attention.push(reviewed ? `Questionnaire: ${reviewed.from}, ${reviewed.to}.` : 'Every questionnaire topic is to be answered.');
      const officer = client.officers.find((o) => o.name.trim().toLowerCase() === next.signatory.name.trim().toLowerCase());
      if (!next.signatory.name) attention.push('No signatory: choose the officer who signs.');
      else if (!officer) attention.push(`Signatory ${next.signatory.name} is no longer among ${client.legalName}'s officers: check who signs.`);
      else if (officer.title.trim() !== next.signatory.title.trim()) attention.push(`Signatory's title was “${next.signatory.title}”; the client page now says “${officer.title}”.`);
      return { ...base, outcome: 'rolled', fields: next, changes, attention };
    });
}

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
    const cells = line.split(/\t|;|,/).map((c) => c.trim()).filter(Boolean);
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
