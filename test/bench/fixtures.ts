import type { ComplianceRecord, RecordKind } from '../../src/domain/records';
import type { Client } from '../../src/domain/schema';
import { addDays } from '../../src/domain/dates';

/** A consultant's book: `clientCount` carriers and `recordCount` records, mostly approvals. */
export function consultantBook(clientCount = 300, recordCount = 150_000) {
  const now = '2026-11-25T12:00:00.000Z';
  const clients: Client[] = Array.from({ length: clientCount }, (_, i) => ({
    id: `client-${i}`, legalName: `Carrier ${String(i).padStart(3, '0')} Telephone Co.`, dbaNames: [], filerId: String(800000 + i), frn: '',
    address: { street: '', city: '', state: '', zip: '' }, phone: '', email: '', officers: [], services: ['wireline'], affiliates: [], notes: '',
    archived: i % 50 === 49, createdAt: now, updatedAt: now,
  }));
  // Rough mix seen at small carriers: approvals dominate; clocked kinds are a few percent.
  const mix: [RecordKind, number][] = [['approval', 0.85], ['training', 0.03], ['campaign', 0.03], ['notice', 0.03], ['breach', 0.02], ['optOutFailure', 0.01], ['complaint', 0.03]];
  const records: ComplianceRecord[] = [];
  let n = 0;
  for (const [kind, share] of mix) {
    const count = Math.round(recordCount * share);
    for (let i = 0; i < count; i++, n++) {
      const date = addDays('2024-01-01', n % 1060);
      const base = { id: `r-${n}`, clientId: `client-${n % clientCount}`, createdAt: now, updatedAt: now };
      records.push(
        (kind === 'breach'
          ? { ...base, kind, discoveredOn: date, determinedOn: date, cpniInvolved: 'CDR', agenciesNotifiedOn: n % 3 ? addDays(date, 3) : '' }
          : kind === 'optOutFailure'
            ? { ...base, kind, learnedOn: date, mechanism: 'web', problem: 'down', letterSentOn: n % 2 ? addDays(date, 2) : '' }
            : kind === 'notice'
              ? { ...base, kind, sentOn: date, method: n % 2 ? 'mail' : 'electronic' }
              : kind === 'approval'
                ? { ...base, kind, accountRef: `A${n}`, approvalType: 'optOut', medium: 'written', status: 'granted', decidedOn: date, scope: '' }
                : kind === 'training'
                  ? { ...base, kind, heldOn: date, topic: 'CPNI' }
                  : kind === 'campaign'
                    ? { ...base, kind, name: 'Promo', description: 'd', startedOn: date, cpniUsed: 'usage', productsOffered: 'x', approvalBasis: 'optOut' }
                    : { ...base, kind, receivedOn: date, category: 'other', summary: 's' }) as unknown as ComplianceRecord,
      );
    }
  }
  return { clients, records };
}
