import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Client, Preparer } from '../domain/schema';
import { stopLiveSources } from './live-source';
import { SUMMARIES_STORE, summariesMiddleware, summaryOf, type CertificationSummary } from './certification-summaries';
import type { Certification } from '../domain/certification-record';
import type { Row } from '../domain/entities/entity';
import type { ChangeLogEntry, SettingsRow, StoredRecord, StoredSignedPackage, SyncBase } from '../domain/entities';

export type { ChangeLogEntry, SettingsRow, StoredRecord } from '../domain/entities';

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
  {
    // No new index: every row gets its revision (`rev`) and entity version, and is upgraded
    // through its entity's migrations (SCHEMA_UPGRADES).
    version: 4,
    stores: {},
  },
  {
    // Consultant scale (150,000 records, 1,500 certifications). `liveDate` is the record's date
    // while it is not deleted and absent once it is, so the `liveDate` indexes hold live records
    // only and a list pages through them with key ranges, however many are deleted. They replace
    // `clientId`, `kind`, `[kind+date]` and `[clientId+kind+date]` (every reader of those wanted
    // live records only). A certification's `progressKey` holds the few fields the dashboard
    // shows, read from the index alone, never the whole row.
    version: 5,
    stores: {
      records: 'id, date, [clientId+date], deletedAt, liveDate, [clientId+liveDate], [kind+liveDate], [clientId+kind+liveDate]',
      certifications: 'id, clientId, [clientId+certificationYear], certificationYear, status, progressKey',
    },
  },
  {
    // Sync bases of client files: per entity, the content hash last exported or imported
    // (device-local; the merge of an imported client file reads them).
    version: 6,
    stores: {
      syncBases: 'key',
    },
  },
  {
    // Fewer record indexes, so a restore of 150,000 records writes fewer index entries (each
    // index costs about a tenth of the write). `date` and `[clientId+date]` served only the
    // retention review and the season's record counts; both now read the `liveDate` indexes,
    // and deleted records, few by nature, from `deletedAt`. The `date` field stays on the row.
    version: 7,
    stores: {
      records: 'id, deletedAt, liveDate, [clientId+liveDate], [kind+liveDate], [clientId+kind+liveDate]',
    },
  },
  {
    // What the lists show of each certification, in a store of its own that a middleware keeps
    // (src/db/certification-summaries.ts): one small getAll, where the `progressKey` index it
    // replaces was read with a key cursor, a round trip per hundred keys.
    version: 8,
    stores: {
      certifications: 'id, clientId, [clientId+certificationYear], certificationYear, status',
      certificationSummaries: 'id',
    },
  },
];

/** A record's `liveDate` column: its date while it is not deleted (see schema version 5). */
export function liveDateOf(row: { date?: unknown; deletedAt?: unknown }): string | undefined {
  return row.deletedAt || typeof row.date !== 'string' ? undefined : row.date;
}

/** The columns derived from a row of `table` (set on every write, and by the version 5 upgrade). */
export function derivedColumns(table: string, row: Row): Row | undefined {
  if (table === 'records') return { liveDate: liveDateOf(row) };
  return undefined;
}

/**
 * Version 5: every record gets its `liveDate`. (Version 5 also gave every certification a
 * `progressKey` column; version 8 replaced it with the summaries store and removes it.)
 */
async function addDerivedColumns(tx: Transaction): Promise<void> {
  await tx.table('records').toCollection().modify((row: Row) => {
    const { liveDate } = derivedColumns('records', row)!;
    if (liveDate === undefined) delete row.liveDate;
    else row.liveDate = liveDate;
  });
}

/** Version 8: every certification's summary, and no more `progressKey` column. */
async function addCertificationSummaries(tx: Transaction): Promise<void> {
  const summaries: CertificationSummary[] = [];
  await tx.table('certifications').toCollection().modify((row: Row) => {
    delete row.progressKey;
    const summary = summaryOf(row);
    if (summary) summaries.push(summary);
  });
  await tx.table(SUMMARIES_STORE).bulkPut(summaries);
}

/** The data upgrade of each schema version that has one, run inside Dexie's upgrade transaction. */
export const SCHEMA_UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = {
  // Dexie.waitFor keeps the upgrade transaction open while the entity definitions load.
  4: async (tx) => (await Dexie.waitFor(loadWriteChecks())).upgradeEveryRow(tx),
  5: addDerivedColumns,
  8: addCertificationSummaries,
};

/**
 * The write checks (every entity's schema and migrations, src/domain/entities) are a chunk of
 * their own, fetched while the database opens rather than before the app starts: a database
 * starts fetching them when it is created. A gate on every write (a DBCore middleware) installs
 * them before the write goes on, so no write can ever go unchecked; reads do not wait for them.
 */
let writeChecks: Promise<typeof import('./write-checks')> | undefined;
export function loadWriteChecks(): Promise<typeof import('./write-checks')> {
  return (writeChecks ??= import('./write-checks'));
}

/** The tables whose writes the change log describes field by field. */
export const DIFFED_TABLES = new Set(['clients', 'preparers', 'settings', 'records', 'certifications']);
/** Rows noted per transaction: more is a bulk write (a restore, an import), logged by its summary alone. */
const MAX_NOTED_ROWS = 2000;
/** Per IndexedDB transaction: each written row's first stored version and its latest, by `<table>:<key>`. */
const writtenRows = new WeakMap<object, Map<string, { before?: Row; after?: Row }>>();

export function noteWrite(tx: Transaction | undefined, table: string, key: unknown, before: Row | undefined, after: Row): void {
  const idb = tx?.idbtrans;
  if (!idb || (typeof key !== 'string' && typeof key !== 'number')) return;
  let rows = writtenRows.get(idb);
  if (!rows) writtenRows.set(idb, (rows = new Map()));
  const id = `${table}:${key}`;
  const earlier = rows.get(id);
  if (earlier) earlier.after = after;
  else if (rows.size < MAX_NOTED_ROWS) rows.set(id, { before, after });
}

/**
 * The versions of a row written in the current transaction so far: as it was before the
 * transaction's first write of it (absent: created here) and as last written. The change log
 * turns them into field changes.
 */
export function rowsWritten(table: string, key: string): { before?: Row; after?: Row } | undefined {
  const idb = Dexie.currentTransaction?.idbtrans;
  return idb ? writtenRows.get(idb)?.get(`${table}:${key}`) : undefined;
}

/** Whether an update changes only the chain's head (Dexie also lists unchanged arrays among the modifications). */
export const onlyHead = (mods: Record<string, unknown>, stored: Row) =>
  Object.entries(mods).every(([path, value]) => path === 'changeLogHead' || path.startsWith('changeLogHead.') || JSON.stringify(Dexie.getByKeyPath(stored, path)) === JSON.stringify(value));

export class CpniDatabase extends Dexie {
  clients!: EntityTable<Client, 'id'>;
  preparers!: EntityTable<Preparer, 'id'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  changeLog!: EntityTable<ChangeLogEntry, 'seq'>;
  records!: EntityTable<StoredRecord, 'id'>;
  certifications!: EntityTable<Certification, 'id'>;
  signedPackages!: EntityTable<StoredSignedPackage, 'id'>;
  syncBases!: EntityTable<SyncBase, 'key'>;
  /** Derived from `certifications` by a middleware (see certification-summaries.ts); never written by the app. */
  certificationSummaries!: EntityTable<CertificationSummary, 'id'>;

  /** True while a schema upgrade rewrites rows (the write checks then stand aside). */
  upgrading = false;

  constructor(name = DB_NAME) {
    super(name);
    for (const { version, stores } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      const upgrade = SCHEMA_UPGRADES[version];
      if (upgrade)
        declared.upgrade(async (tx) => {
          this.upgrading = true;
          try {
            await upgrade(tx);
          } finally {
            this.upgrading = false;
          }
        });
    }
    // Fetched now, alongside the opening (see loadWriteChecks); installed before the first write
    // reaches IndexedDB, by a gate on every write. Reads never wait for them.
    loadWriteChecks().catch(() => undefined);
    let installed: Promise<void> | undefined;
    let checked = false;
    const install = () =>
      (installed ??= loadWriteChecks().then((checks) => {
        checks.guardWrites(this);
        checked = true;
      }));
    this.use({
      stack: 'dbcore',
      name: 'WriteChecksGate',
      // Above Dexie's hooks middleware (level 2), so the hooks are in place when it runs.
      level: 10,
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            // Dexie.waitFor keeps the write's transaction alive while the checks arrive.
            mutate: (req) => (checked ? table.mutate(req) : Dexie.waitFor(install()).then(() => table.mutate(req))),
          };
        },
      }),
    });
    this.use(summariesMiddleware(() => this.upgrading));
    // Every read-write transaction that appends to the change log also holds the settings, where
    // the chain's head is kept with each append (src/db/change-log.ts).
    const transaction = this.transaction.bind(this) as (...args: unknown[]) => unknown;
    this.transaction = ((...args: unknown[]) => {
      const [mode, ...rest] = args;
      const scope = rest.pop();
      const tables = rest.flat() as (string | { name: string })[];
      const names = tables.map((t) => (typeof t === 'string' ? t : t.name));
      if (typeof mode === 'string' && mode.includes('w') && names.includes('changeLog') && !names.includes('settings')) tables.push('settings');
      return transaction(mode, tables, scope);
    }) as typeof this.transaction;
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
  // What was read from the last one must not be shown as this one's.
  stopLiveSources();
}

export function newId(): string {
  return crypto.randomUUID();
}

export function nowInstant(): string {
  return new Date().toISOString();
}
