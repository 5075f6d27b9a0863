import type { RecordQuery } from '../../db/records';
import { isIsoDate } from '../../domain/dates';
import { isRecordKind } from '../../domain/records';

export const PAGE_SIZE = 50;

/** The records screen's address: its filters and page (`/records?client=…&kind=…&page=2`). */
export type RecordsParams = { client?: string; kind?: string; from?: string; to?: string; deleted?: string; order?: string; page?: string };

/** The page of records an address asks for; what it holds that is not a filter is left out. */
export function recordQueryOf(params: RecordsParams): RecordQuery {
  const page = Math.max(1, Math.floor(Number(params.page)) || 1);
  return {
    clientId: params.client || undefined,
    kind: isRecordKind(params.kind) ? params.kind : undefined,
    from: isIsoDate(params.from) ? params.from : undefined,
    to: isIsoDate(params.to) ? params.to : undefined,
    deleted: params.deleted === '1',
    order: params.order === 'asc' ? 'asc' : 'desc',
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}
