import { previousCertificationYear } from '../domain/certification-record';
import { RECORD_KINDS, type RecordKind } from '../domain/records';
import type { FiledLine } from '../domain/season';
import { planSeason, type SeasonItem } from '../domain/season-plan';
import { logChanges } from './change-log';
import { db, newId, nowInstant, type ChangeLogEntry } from './database';
import { markFiled } from './certification-steps';
import { findCertification } from './certifications';

const BATCH = 50;

export interface SeasonStartItem extends SeasonItem {
  /** The id of the certification created or already there. */
  id?: string;
  /** The covered year's live records, by kind. */
  recordCounts: Partial<Record<RecordKind, number>>;
}

/**
 * Starts `year`'s certification for every active client: rolled forward where last year's
 * exists, new otherwise. Writes in batches, each in its own transaction that checks again that
 * the client has no certification for the year (another tab may have started one): nothing that
 * exists is overwritten.
 */
export async function startSeason(year: number, onProgress: (done: number, total: number) => void = () => {}): Promise<SeasonStartItem[]> {
  const database = db();
  const [clients, certifications, preparers] = await Promise.all([
    database.clients.toArray(),
    database.certifications.where('certificationYear').anyOf([year, previousCertificationYear(year)]).toArray(),
    database.preparers.toArray(),
  ]);
  const preparerId = preparers.find((p) => p.isDefault)?.id ?? '';
  const plan = planSeason(clients, certifications, year, preparerId);
  const items: SeasonStartItem[] = plan.map((p) => ({ ...p, id: p.existingId, recordCounts: {} }));
  onProgress(0, items.length);

  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH);
    await database.transaction('rw', database.certifications, database.changeLog, async () => {
      const now = nowInstant();
      const log: ChangeLogEntry[] = [];
      for (const item of batch) {
        if (item.outcome === 'exists' || !item.fields) continue;
        const taken = await database.certifications.where('[clientId+certificationYear]').equals([item.clientId, year]).first();
        if (taken) {
          Object.assign(item, { outcome: 'exists', id: taken.id, fields: undefined, changes: [], attention: [] });
          continue;
        }
        item.id = newId();
        await database.certifications.add({ ...item.fields, id: item.id, createdAt: now, updatedAt: now });
        log.push({ at: now, entity: 'certification', entityId: item.id, action: 'create', summary: `Started the ${year} certification (${item.outcome === 'rolled' ? 'rolled forward' : 'new'}, with the season)` });
      }
      await logChanges(log);
    });
    onProgress(Math.min(start + BATCH, items.length), items.length);
  }

  const covered = year - 1;
  await database.transaction('r', database.records, async () => {
    for (const item of items) {
      const rows = await database.records.where('[clientId+liveDate]').between([item.clientId, `${covered}-01-01`], [item.clientId, `${covered}-12-31`], true, true).toArray();
      for (const r of rows) if (RECORD_KINDS.includes(r.kind)) item.recordCounts[r.kind] = (item.recordCounts[r.kind] ?? 0) + 1;
    }
  });
  return items;
}

export interface FiledResult extends FiledLine {
  clientName?: string;
  ok: boolean;
  /** Said of a line that went through: the day filed differs from the one the certification prints. */
  note?: string;
}

/**
 * Marks filed the year's certification of each client named by Filer ID in a pasted list. Each
 * line is its own step: a line that cannot be applied (unknown Filer ID, not yet signed, a date
 * to come) says why, and the others still go through.
 */
export async function markFiledFromList(lines: readonly FiledLine[], year: number): Promise<FiledResult[]> {
  const clients = await db().clients.toArray();
  const out: FiledResult[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (line.error) {
      out.push({ ...line, ok: false });
      continue;
    }
    const matches = clients.filter((c) => c.filerId === line.filerId);
    if (matches.length === 0) {
      out.push({ ...line, ok: false, error: `No client has Filer ID ${line.filerId}.` });
      continue;
    }
    if (matches.length > 1) {
      out.push({ ...line, ok: false, error: `${matches.length} clients have Filer ID ${line.filerId}: mark this one filed from its certification.` });
      continue;
    }
    const client = matches[0]!;
    if (seen.has(client.id)) {
      out.push({ ...line, clientName: client.legalName, ok: false, error: `Filer ID ${line.filerId} is on an earlier line too.` });
      continue;
    }
    seen.add(client.id);
    const cert = await findCertification(client.id, year);
    if (!cert) {
      out.push({ ...line, clientName: client.legalName, ok: false, error: `${client.legalName} has no ${year} certification.` });
      continue;
    }
    const result = await markFiled(cert.id, line.filedOn!, line.ecfsConfirmation!);
    out.push(result.ok ? { ...line, clientName: client.legalName, ok: true, ...(result.note ? { note: result.note } : {}) } : { ...line, clientName: client.legalName, ok: false, error: result.message });
  }
  return out;
}
