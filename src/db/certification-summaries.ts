/**
 * What the certifications list, the season board and the dashboard show of each certification,
 * kept in a store of its own (`certificationSummaries`, schema version 8): a few fields per row,
 * where a certification row carries kilobytes of answers and statement. Reading 1,500 summaries
 * is one small getAll; reading them from the certifications (or from an index of them, with a
 * key cursor) cost several times the screen's whole budget.
 *
 * The store is derived, never written by the app: a DBCore middleware writes a certification's
 * summary in the same transaction as every write of the certification itself (whatever wrote it:
 * an edit, a status step, a season start, an import, a restore), and deletes it with it. It is
 * not part of backups or client files.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';
import type { CertificationStatus } from '../domain/certification-status';

export const SUMMARIES_STORE = 'certificationSummaries';

export interface CertificationSummary {
  id: string;
  clientId: string;
  certificationYear: number;
  status: CertificationStatus;
  signatureDate: string;
  filedOn: string;
  ecfsConfirmation: string;
  /** Set on an amended filing. */
  amends?: true;
  /** Set on a filing that an amended one replaces. */
  amendedById?: string;
}

/** A certification row's summary; undefined for a row without an id, a client or a year. */
export function summaryOf(row: Record<string, unknown>): CertificationSummary | undefined {
  const text = (x: unknown) => (typeof x === 'string' ? x : '');
  if (typeof row.id !== 'string' || typeof row.clientId !== 'string' || typeof row.certificationYear !== 'number' || !Number.isFinite(row.certificationYear)) return undefined;
  return {
    id: row.id,
    clientId: row.clientId,
    certificationYear: row.certificationYear,
    status: text(row.status) as CertificationStatus,
    signatureDate: text(row.signatureDate),
    filedOn: text(row.filedOn),
    ecfsConfirmation: text(row.ecfsConfirmation),
    ...(row.amends ? { amends: true as const } : {}),
    ...(typeof row.amendedById === 'string' && row.amendedById ? { amendedById: row.amendedById } : {}),
  };
}

/** In the order the summaries were always listed: by client, then year, then status. */
export function compareSummaries(a: CertificationSummary, b: CertificationSummary): number {
  return a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : a.certificationYear - b.certificationYear || (a.status < b.status ? -1 : a.status > b.status ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Keeps `certificationSummaries` in step with `certifications`: every read-write transaction
 * that holds the certifications also holds the summaries, and each write of certifications
 * writes their summaries after it. `upgrading`: a schema upgrade's own rewrites are left alone
 * (the version 8 upgrade writes every summary once, at its end).
 */
export function summariesMiddleware(upgrading: () => boolean): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'CertificationSummaries',
    // Below the write-checks gate (10), above Dexie's hooks (2) and its change observation (0),
    // so live queries of the summaries see these writes.
    level: 5,
    create: (down) => {
      const present = () => down.schema.tables.some((t) => t.name === SUMMARIES_STORE);
      return {
        ...down,
        transaction: (stores, mode, options) =>
          down.transaction(mode === 'readwrite' && stores.includes('certifications') && !stores.includes(SUMMARIES_STORE) && present() ? [...stores, SUMMARIES_STORE] : stores, mode, options),
        table: (name) => {
          const table = down.table(name);
          if (name !== 'certifications') return table;
          return {
            ...table,
            mutate: async (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
              const result = await table.mutate(req);
              const idb = req.trans as unknown as IDBTransaction;
              if (upgrading() || !idb.objectStoreNames?.contains(SUMMARIES_STORE)) return result;
              await writeSummaries(down.table(SUMMARIES_STORE), req, result);
              return result;
            },
          };
        },
      };
    },
  };
}

async function writeSummaries(summaries: ReturnType<DBCore['table']>, req: DBCoreMutateRequest, result: DBCoreMutateResponse): Promise<void> {
  const trans = req.trans;
  if (req.type === 'delete') {
    await summaries.mutate({ type: 'delete', trans, keys: req.keys });
    return;
  }
  if (req.type === 'deleteRange') {
    await summaries.mutate({ type: 'deleteRange', trans, range: req.range });
    return;
  }
  const failed = result.failures ?? {};
  const values: CertificationSummary[] = [];
  const unsummarised: string[] = [];
  req.values.forEach((row: Record<string, unknown>, i) => {
    if (failed[i]) return;
    const summary = summaryOf(row);
    if (summary) values.push(summary);
    else if (typeof row.id === 'string') unsummarised.push(row.id);
  });
  if (values.length) await summaries.mutate({ type: 'put', trans, values });
  if (unsummarised.length) await summaries.mutate({ type: 'delete', trans, keys: unsummarised });
}
