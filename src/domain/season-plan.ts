/**
 * Starting a consultant's filing season: every active client's certification for one year, in
 * one step (rolled forward from the year before where there is one), and what to tell the user
 * about each. Pure: storage reads and writes are in src/db/season.ts. Apart from season.ts, which
 * the season board needs to open, because this needs the certification model and its checks.
 */
import { newCertification, previousCertificationYear, rollForward, type Certification, type CertificationFields, type RollForwardChange } from './certification-record';
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
