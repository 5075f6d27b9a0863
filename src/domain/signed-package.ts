/**
 * The package as the officer signed it (§ 64.2009(e); a sworn statement under § 1.17): every
 * document's content as the renderer received it, the counts and the ids of the records they
 * came from, the dates, the rendered PDF bytes, and SHA-256 hashes of both. Once signed, the
 * certification is read from here and never assembled again, so new records, client edits or
 * a new version of CPNI Desk cannot change what was signed.
 *
 * Alongside, a snapshot of what the package was assembled from (`PackageSources`), so the
 * editor can say plainly what has changed since ("1 complaint dated 2026-11-10 was added
 * after signing").
 */
import type { AssembledPackage, CertificationFields } from './certification-record';
import { recordsInYear } from './certification';
import { recordDate, type ComplianceRecord, type RecordKind } from './records';
import type { Client, PreparerFields, Settings } from './schema';
import { canonicalJson, sha256Hex } from './sha256';
import type { IsoDate } from './dates';
import type { ComplaintCategory } from './records';

/** The record kinds a package reads: the counts and attachments, and the checks on breaches and opt-out failures. */
export const PACKAGE_RECORD_KINDS = ['complaint', 'dataBrokerAction', 'pretexting', 'breach', 'optOutFailure'] as const satisfies readonly RecordKind[];
type PackageRecordKind = (typeof PACKAGE_RECORD_KINDS)[number];

export interface SignedFile {
  fileName: string;
  bytes: Uint8Array;
  /** SHA-256 of the bytes, 64 hex digits. */
  sha256: string;
}

/** The counts, dates and record ids the signed documents state. */
export interface SignedFacts {
  certificationYear: number;
  coveredYear: number;
  companies: { name: string; filerId: string }[];
  signatory: { name: string; title: string };
  signatureDate: IsoDate;
  dateFiled: IsoDate;
  complaints: { total: number; counts: Record<ComplaintCategory, number>; recordIds: string[] };
  dataBrokers: { has: boolean; recordIds: string[] };
  pretexting: { attempts: number; recordIds: string[] };
  /** Reasons given for overriding what the records say. */
  overrides: { dataBrokers?: string; complaints?: string; pretexting?: string };
  attachments: string[];
  amends?: { certificationId: string; filedOn: IsoDate; ecfsConfirmation: string };
}

/** What the renderer received, and the facts; its canonical JSON is what `contentHash` hashes. */
export interface SignedContent<D = unknown> {
  /** The documents of the package in filing order, as structured data. */
  documents: D[];
  facts: SignedFacts;
}

export interface RecordFingerprint {
  id: string;
  kind: PackageRecordKind;
  date: IsoDate;
  /** SHA-256 of the record's fields (not its timestamps): a different one means it was edited. */
  fingerprint: string;
}

/** A record's fields as a hash, leaving out what a save stamps and the derived date column. */
export function recordFingerprint(record: ComplianceRecord): string {
  const fields: Record<string, unknown> = { ...record };
  for (const stamp of ['createdAt', 'updatedAt', 'date', 'revision', 'rev', 'entityVersion']) delete fields[stamp];
  return sha256Hex(canonicalJson(fields));
}

/** Everything the package was assembled from, as it stood when it was signed. */
export interface PackageSources {
  client: {
    legalName: string;
    dbaNames: string[];
    filerId: string;
    frn: string;
    services: string[];
    affiliates: { legalName: string; filerId: string }[];
  };
  /** The covered year's records of the kinds a package reads, by id. */
  records: RecordFingerprint[];
  /** The questionnaire answers, as stored. */
  answers: unknown;
  certification: Pick<CertificationFields, 'signatory' | 'dateFiled' | 'signatureDate' | 'preparerId' | 'sectionEdits' | 'overrides' | 'lintOverrides' | 'coverLetter'> & {
    signatureKind: CertificationFields['signature']['kind'];
  };
  preparer?: Pick<PreparerFields, 'name' | 'credentials' | 'firm' | 'letterhead' | 'address' | 'phone' | 'email'>;
  settings: { breachRule2023EffectiveDate: IsoDate | ''; closures: IsoDate[] };
}

export interface SignedPackage<D = unknown> {
  id: string;
  certificationId: string;
  clientId: string;
  certificationYear: number;
  /** When it was marked signed (an instant). */
  signedAt: string;
  /** The CPNI Desk version that drafted and rendered it. */
  appVersion: string;
  /** SHA-256 of the canonical JSON of `content`. */
  contentHash: string;
  content: SignedContent<D>;
  sources: PackageSources;
  /** The rendered PDFs: the whole package as one file, and each document on its own. */
  files: { single: SignedFile[]; separate: SignedFile[] };
  /** When the certification was reopened as a draft; the package stays as a record of what was signed. */
  reopenedAt?: string;
  /**
   * `filedTextHash` of the signed documents: the fingerprint printed on the officer's
   * "for signature" copy, so that copy can be matched to the filed one.
   */
  textHash?: string;
}

export type SourceClient = Pick<Client, 'legalName' | 'filerId' | 'frn' | 'affiliates' | 'services'> & Partial<Pick<Client, 'dbaNames'>>;
export type SourceSettings = Pick<Settings, 'closures' | 'breachRule2023EffectiveDate'>;

/** A deep copy of JSON data; unlike structuredClone it also copies a view's reactive proxies. */
function plainCopy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The snapshot of everything `assemblePackage` and the package builder read. */
export function packageSources(
  cert: CertificationFields,
  client: SourceClient,
  records: readonly ComplianceRecord[],
  settings: SourceSettings,
  preparer?: PackageSources['preparer'],
): PackageSources {
  const kinds = new Set<RecordKind>(PACKAGE_RECORD_KINDS);
  return {
    client: {
      legalName: client.legalName,
      dbaNames: [...(client.dbaNames ?? [])],
      filerId: client.filerId,
      frn: client.frn,
      services: [...client.services],
      affiliates: client.affiliates.map((a) => ({ legalName: a.legalName, filerId: a.filerId })),
    },
    records: recordsInYear(records, cert.certificationYear - 1)
      .filter((r) => kinds.has(r.kind))
      .map((r) => ({ id: r.id, kind: r.kind as PackageRecordKind, date: recordDate(r), fingerprint: recordFingerprint(r) }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
    answers: plainCopy(cert.answers),
    certification: {
      signatory: { ...cert.signatory },
      dateFiled: cert.dateFiled,
      signatureDate: cert.signatureDate,
      preparerId: cert.preparerId,
      sectionEdits: plainCopy(cert.sectionEdits),
      overrides: plainCopy(cert.overrides),
      lintOverrides: plainCopy(cert.lintOverrides),
      coverLetter: plainCopy(cert.coverLetter),
      signatureKind: cert.signature.kind,
    },
    ...(preparer
      ? {
          preparer: {
            name: preparer.name,
            credentials: preparer.credentials,
            firm: preparer.firm,
            letterhead: [...preparer.letterhead],
            ...(preparer.address ? { address: { ...preparer.address } } : {}),
            phone: preparer.phone,
            email: preparer.email,
          } as PackageSources['preparer'],
        }
      : {}),
    settings: { breachRule2023EffectiveDate: settings.breachRule2023EffectiveDate, closures: settings.closures.map((c) => c.date).sort() },
  };
}

/** The facts a signed package states, from the package as assembled. */
export function signedFacts(cert: CertificationFields, assembled: Pick<AssembledPackage, 'model'>): SignedFacts {
  const { model } = assembled;
  return {
    certificationYear: model.certificationYear,
    coveredYear: model.coveredYear,
    companies: model.companies.map((c) => ({ ...c })),
    signatory: { ...model.signatory },
    signatureDate: cert.signatureDate,
    dateFiled: cert.dateFiled,
    complaints: { total: model.complaints.total, counts: { ...model.complaints.counts }, recordIds: model.complaints.records.map((r) => r.id) },
    dataBrokers: { has: model.dataBrokers.has, recordIds: model.dataBrokers.actions.map((r) => r.id) },
    pretexting: { attempts: model.pretexting.attempts.length, recordIds: model.pretexting.attempts.map((r) => r.id) },
    overrides: {
      ...(model.dataBrokers.overriddenBecause ? { dataBrokers: model.dataBrokers.overriddenBecause } : {}),
      ...(model.complaints.overriddenBecause ? { complaints: model.complaints.overriddenBecause } : {}),
      ...(model.pretexting.overriddenBecause ? { pretexting: model.pretexting.overriddenBecause } : {}),
    },
    attachments: [...model.attachments],
    ...(cert.amends ? { amends: { ...cert.amends } } : {}),
  };
}

/** SHA-256 of a signed package's content: the same documents and facts always give the same hash. */
export function contentHashOf(content: SignedContent): string {
  return sha256Hex(canonicalJson(content));
}

/**
 * SHA-256 of what a package says, leaving out only what signing itself adds: the signature
 * over each signature line and its date, the draft mark and the document properties. The
 * officer's unsigned copy and the package frozen when the officer signs give the same hash
 * when their text is the same.
 */
export function filedTextHash(documents: readonly unknown[]): string {
  const text = documents.map((doc) => {
    const blocks = (doc as { blocks?: unknown }).blocks;
    return Array.isArray(blocks) ? blocks.map(unsignedBlock) : [];
  });
  return sha256Hex(canonicalJson(text));
}

function unsignedBlock(block: unknown): unknown {
  const b = block as { kind?: unknown; signature?: { name?: unknown; title?: unknown; lines?: unknown } };
  if (b?.kind !== 'signature' || !b.signature) return block;
  return { kind: 'signature', name: b.signature.name, title: b.signature.title, lines: b.signature.lines };
}

/** The first 16 hex digits of a hash in groups of four ("3F2A-09C1-…"), short enough to compare by eye. */
export function shortFingerprint(hash: string): string {
  return (hash.slice(0, 16).toUpperCase().match(/.{4}/g) ?? []).join('-');
}

export function signedFile(fileName: string, bytes: Uint8Array): SignedFile {
  return { fileName, bytes, sha256: sha256Hex(bytes) };
}

/** Why a stored package is not what was signed (its hashes do not match), or [] when it is. */
export function signedPackageProblems(pkg: Pick<SignedPackage, 'content' | 'contentHash' | 'files' | 'textHash'>): string[] {
  const out: string[] = [];
  if (contentHashOf(pkg.content) !== pkg.contentHash) out.push('Its content does not match its SHA-256 hash: it was changed after signing.');
  for (const file of [...pkg.files.single, ...pkg.files.separate])
    if (sha256Hex(file.bytes) !== file.sha256) out.push(`The PDF “${file.fileName}” does not match its SHA-256 hash: it was changed after signing.`);
  if (pkg.files.single.length !== 1) out.push('It must hold the package as exactly one PDF.');
  if (pkg.textHash !== undefined && filedTextHash(pkg.content.documents) !== pkg.textHash)
    out.push('Its text fingerprint does not match its documents: it was changed after signing.');
  return out;
}

// ---- What changed since signing ----

export type SigningChangeKind = 'record' | 'client' | 'answer' | 'certification' | 'preparer' | 'settings';

export interface SigningChange {
  kind: SigningChangeKind;
  message: string;
  /** The records this change is about, for links. */
  recordIds?: string[];
}

const RECORD_NOUNS: Record<PackageRecordKind, [string, string]> = {
  complaint: ['complaint', 'complaints'],
  dataBrokerAction: ['action against data brokers', 'actions against data brokers'],
  pretexting: ['pretexting attempt', 'pretexting attempts'],
  breach: ['breach', 'breaches'],
  optOutFailure: ['opt-out mechanism failure', 'opt-out mechanism failures'],
};

const CLIENT_FIELDS: [keyof PackageSources['client'], string][] = [
  ['legalName', 'The client’s legal name'],
  ['dbaNames', 'The client’s trade names (d/b/a)'],
  ['filerId', 'The client’s Form 499 Filer ID'],
  ['frn', 'The client’s FRN'],
  ['services', 'The client’s services'],
  ['affiliates', 'The affiliates covered'],
];

const CERTIFICATION_FIELDS: [keyof PackageSources['certification'], string][] = [
  ['signatory', 'The signing officer'],
  ['dateFiled', 'The date filed'],
  ['signatureDate', 'The signature date'],
  ['preparerId', 'The preparer'],
  ['sectionEdits', 'The edited statement sections'],
  ['overrides', 'The overrides of the data-broker, complaint or pretexting answers'],
  ['lintOverrides', 'The overridden checks'],
  ['coverLetter', 'The cover letter'],
  ['signatureKind', 'The kind of signature'],
];

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'nothing';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value).replace(/\s+/g, ' ').trim();
    return `“${text.length > 80 ? `${text.slice(0, 77)}…` : text}”`;
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => (typeof v === 'object' && v !== null ? Object.values(v).join(' ') : String(v))).filter(Boolean);
    return items.length ? shown(items.join(', ')) : 'nothing';
  }
  if (typeof value === 'object') return shown(Object.values(value as Record<string, unknown>).filter((v) => typeof v === 'string' && v).join(', '));
  return shown(String(value));
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** Every leaf of the answers, by dotted path ("training.how" → value). */
function leaves(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) leaves(v, path ? `${path}.${key}` : key, out);
  } else if (path) out.set(path, value);
  return out;
}

function plural(n: number, [one, many]: [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What differs now from what the signed package was assembled from, in plain words.
 * `records` are the client's current records (deleted ones left out); `answerLabel` names a
 * questionnaire answer by its path.
 */
export function changesSinceSigning(
  signed: PackageSources,
  now: PackageSources,
  records: readonly ComplianceRecord[],
  answerLabel: (path: string) => string = (path) => path,
): SigningChange[] {
  const out: SigningChange[] = [];
  const before = new Map(signed.records.map((r) => [r.id, r]));
  const current = new Map(now.records.map((r) => [r.id, r]));
  const everywhere = new Map(records.filter((r) => !r.deletedAt).map((r) => [r.id, r]));

  // Added: grouped by kind and date, in date order.
  const added = new Map<string, RecordFingerprint[]>();
  for (const r of now.records) {
    if (before.has(r.id)) continue;
    const key = `${r.date}|${r.kind}`;
    added.set(key, [...(added.get(key) ?? []), r]);
  }
  for (const [key, list] of [...added].sort(([a], [b]) => a.localeCompare(b))) {
    const [date, kind] = key.split('|') as [IsoDate, PackageRecordKind];
    out.push({ kind: 'record', message: `${plural(list.length, RECORD_NOUNS[kind])} dated ${date} ${list.length === 1 ? 'was' : 'were'} added after signing.`, recordIds: list.map((r) => r.id) });
  }
  for (const r of signed.records) {
    const noun = RECORD_NOUNS[r.kind][0];
    const still = current.get(r.id);
    if (still) {
      if (still.fingerprint !== r.fingerprint) out.push({ kind: 'record', message: `The ${noun} dated ${r.date} was edited after signing.`, recordIds: [r.id] });
      continue;
    }
    const moved = everywhere.get(r.id);
    out.push(
      moved
        ? { kind: 'record', message: `The ${noun} dated ${r.date} is now dated ${recordDate(moved)}, outside calendar year ${r.date.slice(0, 4)}.`, recordIds: [r.id] }
        : { kind: 'record', message: `The ${noun} dated ${r.date} was deleted after signing.` },
    );
  }

  for (const [field, label] of CLIENT_FIELDS)
    if (!same(signed.client[field], now.client[field])) out.push({ kind: 'client', message: `${label} changed from ${shown(signed.client[field])} to ${shown(now.client[field])}.` });

  const was = leaves(signed.answers);
  const is = leaves(now.answers);
  for (const path of new Set([...was.keys(), ...is.keys()]))
    if (!same(was.get(path), is.get(path))) out.push({ kind: 'answer', message: `The answer “${answerLabel(path)}” changed from ${shown(was.get(path))} to ${shown(is.get(path))}.` });

  for (const [field, label] of CERTIFICATION_FIELDS)
    if (!same(signed.certification[field], now.certification[field])) out.push({ kind: 'certification', message: `${label} changed since signing.` });

  if (!same(signed.preparer, now.preparer))
    out.push({ kind: 'preparer', message: 'The preparer’s details on the cover letter (name, firm, letterhead, address or contacts) changed since signing.' });

  if (signed.settings.breachRule2023EffectiveDate !== now.settings.breachRule2023EffectiveDate)
    out.push({
      kind: 'settings',
      message: `The effective date of the 2023 breach rule in Settings changed from ${shown(signed.settings.breachRule2023EffectiveDate)} to ${shown(now.settings.breachRule2023EffectiveDate)}.`,
    });
  if (!same(signed.settings.closures, now.settings.closures)) out.push({ kind: 'settings', message: 'The FCC closure days in Settings changed since signing.' });
  return out;
}
