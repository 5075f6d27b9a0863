import Dexie, { type EntityTable } from 'dexie';
import type { Client, Preparer, Settings } from '../domain/schema';
import type { ComplianceRecord } from '../domain/records';
import type { Certification } from '../domain/certification-record';
import type { SignedPackage } from '../domain/signed-package';

export interface SettingsRow extends Settings {
  key: 'app';
}

export interface ChangeLogEntry {
  seq?: number;
  at: string; // instant
  entity: 'client' | 'preparer' | 'settings' | 'record' | 'certification';
  entityId: string;
  action: 'create' | 'update' | 'archive' | 'unarchive' | 'delete' | 'restore' | 'purge';
  summary: string;
}

/** A record as stored: `date` is its event date (`recordDate`), kept as a column to sort and page by. */
export type StoredRecord = ComplianceRecord & { date: string };

export const DB_NAME = 'cpni-desk';

/**
 * Every schema version ever shipped stays listed here, oldest first, and is never edited:
 * a change is a new version with its upgrade (test/db/upgrade.test.ts opens the previous
 * version's data). Indexes only; Dexie stores the other fields as they are.
 */
export const SCHEMA_VERSIONS: { version: number; stores: Record<string, string | null> }[] = [
  {
    version: 1,
    stores: {
      clients: 'id, legalName, filerId, updatedAt',
      preparers: 'id, name',
      settings: 'key',
      changeLog: '++seq, at, [entity+entityId]',
    },
  },
  {
    // Compliance records and certifications. Records are paged per client and kind by date.
    version: 2,
    stores: {
      records: 'id, clientId, kind, date, [clientId+kind+date], [clientId+date], [kind+date], deletedAt',
      certifications: 'id, clientId, [clientId+certificationYear], certificationYear, status',
    },
  },
  {
    // Signed packages: the documents, facts and PDF bytes as signed, apart from the
    // certifications so that listing certifications never reads a PDF.
    version: 3,
    stores: {
      signedPackages: 'id, certificationId',
    },
  },
];

export class CpniDatabase extends Dexie {
  clients!: EntityTable<Client, 'id'>;
  preparers!: EntityTable<Preparer, 'id'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  changeLog!: EntityTable<ChangeLogEntry, 'seq'>;
  records!: EntityTable<StoredRecord, 'id'>;
  certifications!: EntityTable<Certification, 'id'>;
  signedPackages!: EntityTable<SignedPackage, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    for (const { version, stores } of SCHEMA_VERSIONS) this.version(version).stores(stores);
  }
}

let current: CpniDatabase | undefined;
const upgradeListeners = new Set<() => void>();

/**
 * Called when another tab opens a newer version of the database. Dexie then closes this tab's
 * connection (so the other tab's upgrade is not blocked), and this tab must reload to go on.
 */
export function onUpgradedElsewhere(listener: () => void): () => void {
  upgradeListeners.add(listener);
  return () => upgradeListeners.delete(listener);
}

/** The app's database; tests swap in a fresh one with `useDatabase`. */
export function db(): CpniDatabase {
  if (!current) {
    current = new CpniDatabase();
    current.on('versionchange', () => {
      for (const listener of upgradeListeners) listener();
    });
  }
  return current;
}

export function useDatabase(next: CpniDatabase): void {
  current = next;
}

export function newId(): string {
  return crypto.randomUUID();
}

export function nowInstant(): string {
  return new Date().toISOString();
}
